#include "core/isolation/probe_location.h"

#include <unistd.h>

#include <filesystem>

namespace lngeom {

std::string default_probe_path() {
    std::error_code error;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
    if (!error) {
        for (const char* relative : {"lngeom-probe", "../libexec/lngeom/lngeom-probe"}) {
            const std::filesystem::path candidate = self.parent_path() / relative;
            if (access(candidate.c_str(), X_OK) == 0) return candidate.lexically_normal();
        }
    }
    // Test programs live elsewhere in the build tree.
    return LNGEOM_BUILD_PROBE;
}

}  // namespace lngeom
