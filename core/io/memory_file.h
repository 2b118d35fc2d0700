#pragma once
// A file that lives in memory under a name. While a MemoryFile is alive, Dump::open(name),
// Dump::list_datasets(name) and validate_dump(name) read its bytes through HDF5's in-memory
// (core) driver instead of the file system. The fuzzer opens each input this way: no write,
// no file system call, nothing on disk. The bytes must outlive the MemoryFile.

#include <cstdint>
#include <optional>
#include <span>
#include <string>

namespace lngeom {

class MemoryFile {
  public:
    // Error when another MemoryFile already holds the name.
    MemoryFile(std::string name, std::span<const std::uint8_t> bytes);
    ~MemoryFile();
    MemoryFile(const MemoryFile&) = delete;
    MemoryFile& operator=(const MemoryFile&) = delete;

    const std::string& name() const { return name_; }

  private:
    std::string name_;
};

namespace detail {
// The bytes registered under `name`, if any.
std::optional<std::span<const std::uint8_t>> memory_file_bytes(const std::string& name);

// The HDF5 file driver (an id from H5FDregister) memory files are opened with from now on,
// instead of HDF5's core driver; it finds a file's bytes with memory_file_bytes. The fuzzer's
// own driver checks what libhdf5 reads (tests/fuzz/guarded_memory_driver.h).
void use_memory_file_driver(std::int64_t driver);
std::optional<std::int64_t> memory_file_driver();
}  // namespace detail

}  // namespace lngeom
