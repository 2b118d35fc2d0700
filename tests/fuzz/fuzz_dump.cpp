// libFuzzer target: the bytes are a file a user opens. Every failure must be a lngeom::Error
// naming the file; any other exception, a crash, a leak or a hang is a finding.
// Token strings are read only with LNGEOM_FUZZ_TOKEN_STRINGS set (see PipelineOptions).
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "tests/fuzz/dump_pipeline.h"

namespace {

// On tmpfs when there is one: HDF5 needs a path, and the disk need not see every input.
std::string input_path() {
    const char* directory = std::getenv("LNGEOM_FUZZ_DIR");
    if (!directory) directory = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    return std::string(directory) + "/lngeom-fuzz-" + std::to_string(getpid()) + ".h5";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::string path = input_path();
    {
        std::ofstream file(path, std::ios::binary | std::ios::trunc);
        file.write(reinterpret_cast<const char*>(data), std::streamsize(size));
    }
    static const lngeom::fuzz::PipelineOptions options{
        .read_token_strings = std::getenv("LNGEOM_FUZZ_TOKEN_STRINGS") != nullptr};
    const lngeom::fuzz::PipelineReport report = lngeom::fuzz::run_dump_pipeline(path, options);
    for (const std::string& refusal : report.refusals)
        if (refusal.rfind(path, 0) != 0) {
            std::fprintf(stderr, "refusal does not name the file: %s\n", refusal.c_str());
            std::abort();
        }
    std::remove(path.c_str());
    return 0;
}
