#pragma once
// Everything lngeom will ask libhdf5 about a dump, asked once up front: open it as Dump::open
// does, read the whole chunk index of every dataset it reads values from, the first and last
// rows of every site's input and output, gamma and beta, and the token columns. The validation
// probe (core/isolation/) runs this in a process of its own before lngeom opens a file itself,
// so that a file on which libhdf5 crashes or hangs costs only that process.

#include <functional>
#include <string>
#include <string_view>

namespace lngeom {

// Told before each step what is done to which object, e.g. ("/norms/003/input", "reading its
// chunk index"); the object is empty for the file itself ("opening the file").
using ValidationListener =
    std::function<void(const std::string& object, std::string_view activity)>;

struct ValidationScope {
    // Off only for the fuzzer, which would otherwise mostly find libhdf5's known crash in its
    // global heap reader, through which variable-length strings are read.
    bool token_strings = true;
};

// Throws what Dump::open or the reads would throw (lngeom::Error naming file, object, reason).
void validate_dump(const std::string& path, const std::string& dataset,
                   const ValidationListener& listener, const ValidationScope& scope = {});

class Dump;
// What validate_dump asks after opening the dump, asked of one already open: the fuzzer goes on
// to read the dump it validated instead of opening its bytes a second time.
void validate_open_dump(const Dump& dump, const ValidationScope& scope = {});

}  // namespace lngeom
