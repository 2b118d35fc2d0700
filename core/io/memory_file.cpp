#include "core/io/memory_file.h"

#include <map>
#include <mutex>

#include "core/errors.h"

namespace lngeom {

namespace {

struct Registry {
    std::mutex mutex;
    std::map<std::string, std::span<const std::uint8_t>> files;
    std::optional<std::int64_t> driver;
};

Registry& registry() {
    static Registry instance;
    return instance;
}

}  // namespace

MemoryFile::MemoryFile(std::string name, std::span<const std::uint8_t> bytes)
    : name_(std::move(name)) {
    Registry& files = registry();
    const std::lock_guard lock(files.mutex);
    if (!files.files.emplace(name_, bytes).second)
        throw RequestError(name_, "", "a memory file of that name is already open");
}

MemoryFile::~MemoryFile() {
    Registry& files = registry();
    const std::lock_guard lock(files.mutex);
    files.files.erase(name_);
}

namespace detail {

std::optional<std::span<const std::uint8_t>> memory_file_bytes(const std::string& name) {
    Registry& files = registry();
    const std::lock_guard lock(files.mutex);
    const auto found = files.files.find(name);
    if (found == files.files.end()) return std::nullopt;
    return found->second;
}

void use_memory_file_driver(std::int64_t driver) {
    Registry& files = registry();
    const std::lock_guard lock(files.mutex);
    files.driver = driver;
}

std::optional<std::int64_t> memory_file_driver() {
    Registry& files = registry();
    const std::lock_guard lock(files.mutex);
    return files.driver;
}

}  // namespace detail

}  // namespace lngeom
