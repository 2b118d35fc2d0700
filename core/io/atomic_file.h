#pragma once
// Files that appear whole or not at all: everything is written to a temporary file beside the
// target and renamed over it only once complete, so a failed or cancelled export never leaves a
// truncated file and never replaces a good one.

#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>

namespace lngeom {

// A temporary path for writers that create the file themselves (GL2PS, image encoders): a file
// of the target's name in a private hidden directory beside the target, since some writers pick
// their format from the extension or write the name into the file. commit() renames it over the
// target; destruction removes the directory and whatever is left in it.
class AtomicFile {
  public:
    // Error naming `target` when its directory does not exist.
    explicit AtomicFile(std::string target);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    const std::string& target() const { return target_; }
    const std::string& temporary_path() const { return temporary_; }
    // Error naming the target when the temporary is missing or empty, or the rename fails.
    void commit();

  private:
    std::string target_;
    std::string temporary_;
};

// Error naming `path` when its directory does not exist: checked before long work, so a job
// fails at once rather than after computing what it could not save.
void require_target_directory(const std::string& path);

// Streams `write` into `path` atomically; Error naming `path` when it cannot be written.
void write_file_atomically(const std::string& path,
                           const std::function<void(std::ostream&)>& write);
void write_file_atomically(const std::string& path, std::string_view bytes);

}  // namespace lngeom
