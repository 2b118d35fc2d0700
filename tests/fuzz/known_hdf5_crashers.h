#pragma once
// What lngeom says about each file in tests/fuzz/known-hdf5-crashers, on which libhdf5 1.10.8
// crashes, corrupts memory or hangs: the probe that validates files in a process of its own
// (core/isolation/) names the object and what libhdf5 was doing, or lngeom's reader refuses the
// file before libhdf5 gets there. One table for the core, command-line and window tests; hangs
// are cut at kCrasherTimeoutSeconds.

namespace lngeom::test {

inline constexpr int kCrasherTimeoutSeconds = 3;

struct KnownCrasher {
    const char* file;
    // "crash": Hdf5CrashError; "hdf5", "format": the reader's own refusal, before libhdf5 gets
    // to the damage (lngeom reads only the root's format attribute, decodes every attribute
    // and link message before listing them, and checks every chunk index record)
    const char* kind;
    const char* object;
    const char* reason;  // the start of the reason (or a part of it)
};

inline constexpr KnownCrasher kKnownCrashers[] = {
    {"h5a_close-segv-attribute-table.h5", "hdf5", "/model",
     "has a damaged attribute message [HDF5: bad version number for datatype message"},
    {"h5c_protect-hang-metadata-cache.h5", "crash", "/",
     "libhdf5 did not finish reading its attribute 'format' within 3 s: the file is damaged"},
    {"h5c_protect-segv.h5", "crash", "/",
     "libhdf5 crashed (segmentation fault) while reading its attribute 'format'"},
    {"h5g-link-release-table-bad-free.h5", "hdf5", "/norms/000/input",
     "cannot look up link [HDF5: name length causes read past end of buffer"},
    {"h5g-link-release-table-walk.h5", "hdf5", "/",
     "has a damaged link message [HDF5: name length causes read past end of buffer"},
    {"h5hg_read-hang-root-attribute.h5", "crash", "/",
     "libhdf5 did not finish reading its attribute 'format' within 3 s"},
    {"h5hg_read-memcpy-overlap.h5", "crash", "/",
     "libhdf5 corrupted its memory (memcpy-param-overlap) while reading its attribute 'format'"},
    {"h5hg_read-vlen-tokens.h5", "crash", "/tokens",
     "libhdf5 crashed (segmentation fault) while reading its values [0:37]"},
    {"h5mm_strdup-overflow.h5", "hdf5", "/@format",
     "cannot read attribute [HDF5: bad global heap collection signature"},
    {"h5o_msg_iterate-memcpy-segv.h5", "crash", "/norms/000",
     "libhdf5 crashed (segmentation fault) while reading its attribute 'eps'"},
    {"h5vm_memcpyvv-overflow-compact-read.h5", "format", "/run/hidden_states",
     "has a damaged chunk index: it records the chunk at (1, 0, 0) more than once"},
};

}  // namespace lngeom::test
