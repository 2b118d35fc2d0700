#pragma once
// Everything lngeom does with a file it is given, in bounded time, for the fuzzer and for the
// regression test that replays what the fuzzer found.

#include <string>
#include <vector>

namespace lngeom::fuzz {

// What one run did: the operations that completed and the messages of those refused with a
// lngeom::Error (any other exception propagates: that is a finding).
struct PipelineReport {
    int completed = 0;
    std::vector<std::string> refusals;
};

struct PipelineOptions {
    // Variable-length token strings go through libhdf5's global heap reader, which 1.10.8
    // crashes in on some damaged heaps (tests/fuzz/known-hdf5-crashers); off, the fuzzer
    // looks past that known crash.
    bool read_token_strings = true;
};

// What lngeom does with a file: opens and validates it as lngeom-probe does (Dump::open, then
// validate_open_dump) and, when that passes, reads every site's input and output in blocks through
// the metrics kernel, its gamma, beta and token columns, and runs the metrics pass when the dump is
// small; a generic file with several candidates has them listed, and its first few are validated
// and opened in turn. Sites too large to read whole in a moment (a few thousand values: the fuzzer
// runs each input in about a millisecond) are read at their first and last rows only, and the
// pass runs on dumps of a few sites and values only.
PipelineReport run_dump_pipeline(const std::string& path, const PipelineOptions& options = {});

}  // namespace lngeom::fuzz
