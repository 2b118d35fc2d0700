#pragma once
// The fuzzer's HDF5 file driver for memory files (lngeom::MemoryFile). It reads the bytes in
// place, as HDF5's sec2 driver reads a file (zeros past its end), and fails the read of a global
// heap collection whose object list libhdf5 1.10.8 would walk without end or past the
// collection's end: its H5HG__cache_heap_deserialize checks neither (later releases do), and one
// fuzz input in every few hundred hung there until libFuzzer cut it at 1 s and ended the session,
// which then restarted by re-running the whole corpus. With this driver such a file is an HDF5
// read error, which lngeom must report like any other. It also leaves out libhdf5's metadata
// accumulator, another source of libhdf5 crashes (see query() in the .cpp). Files on disk never
// go through it: lngeom-probe contains those hangs and crashes.

#include <cstdint>

namespace lngeom::fuzz {

// Memory files are opened through the driver from now on (registered with HDF5 once).
void use_guarded_memory_driver();

}  // namespace lngeom::fuzz
