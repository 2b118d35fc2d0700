#pragma once
// The byte encoding of mergeable state: fixed-size little-endian numbers, length-prefixed
// strings and arrays, and a checksum. State files and MPI messages both carry these bytes, so a
// state part writes itself once for both.

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/io/fnv1a.h"

namespace lngeom {

// Appends values to a byte string. Numbers are written in the machine's byte order, which every
// platform lngeom builds for (x86-64, arm64) shares: little-endian.
class StateWriter {
  public:
    template <typename T>
    requires std::is_arithmetic_v<T>
    void number(T value) { bytes_.append(reinterpret_cast<const char*>(&value), sizeof value); }
    void text(std::string_view value);
    template <typename T>
    requires std::is_arithmetic_v<T>
    void numbers(const std::vector<T>& values) {
        number<std::uint64_t>(values.size());
        bytes_.append(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(T));
    }

    const std::string& bytes() const { return bytes_; }
    std::string take() { return std::move(bytes_); }

  private:
    std::string bytes_;
};

// Reads what a StateWriter wrote. Reading past the end, or a length larger than what is left,
// throws FormatError naming `source` (a file, or "the state of rank 3") and the object being
// read, so damaged or truncated state never turns into a huge allocation or a silent zero.
class StateReader {
  public:
    StateReader(std::string_view bytes, std::string source);

    template <typename T>
    requires std::is_arithmetic_v<T> T number() {
        T value;
        std::memcpy(&value, take(sizeof value), sizeof value);
        return value;
    }
    std::string text();
    template <typename T>
    requires std::is_arithmetic_v<T> std::vector<T> numbers() {
        const std::uint64_t count = number<std::uint64_t>();
        if (count > remaining() / sizeof(T))
            fail("an array of " + std::to_string(count) + " values runs past the end");
        std::vector<T> values(count);
        const char* stored = take(count * sizeof(T));
        if (count > 0)  // an empty vector's data() may be null, which memcpy must not get
            std::memcpy(values.data(), stored, count * sizeof(T));
        return values;
    }

    // The object being read, named in errors ("site 003: metrics"); set by the caller.
    void set_object(std::string object) { object_ = std::move(object); }
    const std::string& object() const { return object_; }
    const std::string& source() const { return source_; }
    std::size_t remaining() const { return bytes_.size() - position_; }
    bool at_end() const { return position_ == bytes_.size(); }
    // FormatError naming the source and the current object.
    [[noreturn]] void fail(const std::string& reason) const;

  private:
    const char* take(std::size_t count);

    std::string_view bytes_;
    std::string source_;
    std::string object_;
    std::size_t position_ = 0;
};

}  // namespace lngeom
