#pragma once
// Opening a file so that libhdf5's crashes and hangs on it cost at most that file.
// libhdf5 1.10.8 crashes, corrupts memory or loops forever on some damaged files
// (tests/fuzz/known-hdf5-crashers). In lngeom's own process none of it could be contained: a
// crash ends the process and the session with it, and a hang holds HDF5's global lock, which
// stops every other file's reads. So lngeom-probe, a process of its own, first asks libhdf5
// everything lngeom will ask (validate_dump) under a time limit, with AddressSanitizer's
// allocator and interceptors, which stop it at the first invalid copy or free libhdf5 makes
// (in a plain process those corrupt memory silently); only a file it passes is opened here.

#include <atomic>
#include <chrono>
#include <string>

#include "core/io/dump.h"

namespace lngeom {

// 30 s unless the command line set another (--validation-timeout).
std::chrono::milliseconds default_validation_timeout();
void set_default_validation_timeout(std::chrono::milliseconds timeout);

struct ContainmentOptions {
    std::chrono::milliseconds timeout = default_validation_timeout();
    std::string probe;  // lngeom-probe's path; empty: default_probe_path()
    const std::atomic<bool>* cancel = nullptr;
};

// Runs lngeom-probe on the file. Throws what Dump::open would for a file it refuses (the same
// Error subclass and text); Hdf5CrashError naming the object and the step when libhdf5 crashed,
// corrupted memory or did not finish within the time limit; CancelledError on cancel.
void validate_in_child(const std::string& path, const std::string& dataset,
                       const ContainmentOptions& options = {});

// validate_in_child, then Dump::open in this process.
Dump open_dump_contained(const std::string& path, const std::string& dataset,
                         const ContainmentOptions& options = {});

}  // namespace lngeom
