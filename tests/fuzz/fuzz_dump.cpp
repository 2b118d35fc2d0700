// libFuzzer target: the bytes are a file a user opens. Every failure must be a lngeom::Error
// naming the file; any other exception, a crash, a leak or a hang is a finding.
// Inputs are opened from memory (lngeom::MemoryFile, through the fuzzer's driver over the
// bytes: guarded_memory_driver.h), so no input touches the file system. Token strings are read only
// with LNGEOM_FUZZ_TOKEN_STRINGS set (see PipelineOptions).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/io/memory_file.h"
#include "tests/fuzz/dump_pipeline.h"
#include "tests/fuzz/guarded_memory_driver.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    lngeom::fuzz::use_guarded_memory_driver();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::string name = "fuzz-input.h5";
    static const lngeom::fuzz::PipelineOptions options{
        .read_token_strings = std::getenv("LNGEOM_FUZZ_TOKEN_STRINGS") != nullptr};
    const lngeom::MemoryFile file(name, {data, size});
    const lngeom::fuzz::PipelineReport report = lngeom::fuzz::run_dump_pipeline(name, options);
    for (const std::string& refusal : report.refusals)
        if (refusal.rfind(name, 0) != 0) {
            std::fprintf(stderr, "refusal does not name the file: %s\n", refusal.c_str());
            std::abort();
        }
    return 0;
}
