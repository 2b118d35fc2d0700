#include "core/io/atomic_file.h"

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>

#include "core/errors.h"

namespace lngeom {
namespace {

namespace fs = std::filesystem;

// A private directory beside the target, unique per process and call, holding a file of the
// target's own name: writers that put the file name into the file (GL2PS's title) see the real
// one, and the rename stays within one file system.
fs::path private_directory_beside(const fs::path& target) {
    static std::atomic<int> counter{0};
    return target.parent_path() / ("." + target.filename().string() + ".partial-" +
                                   std::to_string(::getpid()) + "-" + std::to_string(counter++));
}

}  // namespace

void require_target_directory(const std::string& target) {
    const fs::path directory = fs::absolute(fs::path(target)).parent_path();
    std::error_code error;
    if (!fs::is_directory(directory, error))
        throw Error(target, "",
                    "cannot be written: the directory " + directory.string() + " does not exist");
}

AtomicFile::AtomicFile(std::string target) : target_(std::move(target)) {
    require_target_directory(target_);
    const fs::path directory = private_directory_beside(fs::path(target_));
    std::error_code error;
    if (!fs::create_directory(directory, error))
        throw Error(target_, "", "cannot be written (cannot create " + directory.string() + ")");
    temporary_ = (directory / fs::path(target_).filename()).string();
}

AtomicFile::~AtomicFile() {
    std::error_code ignored;
    fs::remove_all(fs::path(temporary_).parent_path(), ignored);
}

void AtomicFile::commit() {
    std::error_code error;
    const auto size = fs::file_size(temporary_, error);
    if (error || size == 0)
        throw Error(target_, "", "cannot be written (nothing was written to " + temporary_ + ")");
    fs::rename(temporary_, target_, error);
    if (error) throw Error(target_, "", "cannot be written: " + error.message());
}

void write_file_atomically(const std::string& path,
                           const std::function<void(std::ostream&)>& write) {
    AtomicFile file(path);
    {
        std::ofstream out(file.temporary_path(), std::ios::binary | std::ios::trunc);
        if (!out)
            throw Error(path, "",
                        "cannot be written (cannot create " + file.temporary_path() + ")");
        write(out);
        out.flush();
        if (!out)
            throw Error(path, "",
                        "cannot be written (writing " + file.temporary_path() + " failed)");
    }
    file.commit();
}

void write_file_atomically(const std::string& path, std::string_view bytes) {
    write_file_atomically(path, [bytes](std::ostream& out) { out << bytes; });
}

}  // namespace lngeom
