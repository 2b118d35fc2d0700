#pragma once
// Internal to the core: the HDF5 C API wrapped once. Every handle closes itself; every call that
// can fail goes through check_id / check_status, which turn the HDF5 error stack into Hdf5Error.
// Only core/*.cpp include this header; the core's public headers never expose HDF5 types.

#include <hdf5.h>

#include <string>
#include <string_view>
#include <utility>

namespace lngeom::hdf5 {

// Where an HDF5 call happened, for error messages: the file and the object path inside it.
struct Where {
    std::string file;
    std::string object;
};

// The HDF5 error stack of the calling thread as readable text, innermost cause first; clears it.
std::string take_error_stack_text();

// Keeps HDF5 from printing its error stack to stderr; the stack goes into Hdf5Error instead.
// HDF5's thread-safe build keeps this setting per thread, so every entry point calls it.
void silence_error_printing();

[[noreturn]] void throw_error(const Where& where, std::string_view what);

inline hid_t check_id(hid_t id, const Where& where, std::string_view what) {
    if (id < 0) throw_error(where, what);
    return id;
}

inline herr_t check_status(herr_t status, const Where& where, std::string_view what) {
    if (status < 0) throw_error(where, what);
    return status;
}

// A move-only owner of one HDF5 identifier, closed with `Close`.
template <herr_t (*Close)(hid_t)>
class Handle {
  public:
    Handle() = default;
    explicit Handle(hid_t id) : id_(id) {}
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;
    Handle(Handle&& other) noexcept : id_(std::exchange(other.id_, H5I_INVALID_HID)) {}
    Handle& operator=(Handle&& other) noexcept {
        if (this != &other) {
            reset();
            id_ = std::exchange(other.id_, H5I_INVALID_HID);
        }
        return *this;
    }
    ~Handle() { reset(); }

    hid_t id() const { return id_; }
    bool valid() const { return id_ >= 0; }

    // Another owner of the same open object (one more reference to it), without reopening it.
    Handle shared(const Where& where) const {
        check_status(H5Iinc_ref(id_), where, "cannot share the open object");
        return Handle(id_);
    }

  private:
    void reset() {
        // A destructor cannot report a failing close; the next HDF5 call clears its stack.
        if (id_ >= 0) Close(id_);
        id_ = H5I_INVALID_HID;
    }
    hid_t id_ = H5I_INVALID_HID;
};

using File = Handle<H5Fclose>;
using Group = Handle<H5Gclose>;
using Dataset = Handle<H5Dclose>;
using Dataspace = Handle<H5Sclose>;
using Datatype = Handle<H5Tclose>;
using Attribute = Handle<H5Aclose>;
using PropertyList = Handle<H5Pclose>;

}  // namespace lngeom::hdf5
