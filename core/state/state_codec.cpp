#include "core/state/state_codec.h"

#include "core/errors.h"

namespace lngeom {

void StateWriter::text(std::string_view value) {
    number<std::uint64_t>(value.size());
    bytes_.append(value);
}

StateReader::StateReader(std::string_view bytes, std::string source)
    : bytes_(bytes), source_(std::move(source)) {}

std::string StateReader::text() {
    const std::uint64_t length = number<std::uint64_t>();
    if (length > remaining())
        fail("a text of " + std::to_string(length) + " bytes runs past the end");
    return std::string(take(length), length);
}

void StateReader::fail(const std::string& reason) const {
    throw FormatError(source_, object_, "damaged state: " + reason);
}

const char* StateReader::take(std::size_t count) {
    if (count > remaining())
        fail("ends after " + std::to_string(bytes_.size()) + " bytes, in the middle of a value");
    const char* data = bytes_.data() + position_;
    position_ += count;
    return data;
}

}  // namespace lngeom
