#!/usr/bin/python3
"""Where classify_findings.py says a sanitizer or libFuzzer report points: the innermost frame
of real code, past the runtime's and libFuzzer's own frames."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from classify_findings import first_real_frame  # noqa: E402

HDF5 = "/lib/x86_64-linux-gnu/libhdf5_serial.so.103"
FUZZ = "/build-fuzz/tests/fuzz/fuzz_dump"

# libFuzzer's -rss_limit_mb report: the largest live allocations, its own corpus first.
OUT_OF_MEMORY = f"""==1571== ERROR: libFuzzer: out-of-memory (used: 2102Mb; limit: 2048Mb)
Live Heap Allocations: 25156806 bytes in 3286 chunks; showing top 95%
20971840 byte(s) (83%) in 1 allocation(s)
    #0 0x564f557bafdd in operator new(unsigned long) ({FUZZ}+0x1defdd) (BuildId: 09b0)
    #1 0x564f556d2d1d in fuzzer::FuzzerDriver(int*, char***, int (*)(unsigned char const*, unsigned long)) ({FUZZ}+0xf6d1d) (BuildId: 09b0)
    #2 0x564f556fd4a2 in main ({FUZZ}+0x1214a2) (BuildId: 09b0)
    #3 0x7f58c9965249 in __libc_start_call_main csu/../sysdeps/nptl/libc_start_call_main.h:58:16
769923 byte(s) (3%) in 1999 allocation(s)
    #0 0x564f5578022e in malloc ({FUZZ}+0x1a422e) (BuildId: 09b0)
    #1 0x7f58ca3233e4  ({HDF5}+0x1233e4) (BuildId: e923)
    #2 0x7f58ca3234e4 in H5HG_read ({HDF5}+0x1234e4) (BuildId: e923)
"""

HEAP_OVERFLOW = f"""==9==ERROR: AddressSanitizer: heap-buffer-overflow on address 0x6130
    #0 0x562d81820634 in __asan_memcpy ({FUZZ}+0x1a4634)
    #1 0x7f58ca3233e4 in H5VM_memcpyvv ({HDF5}+0x1233e4)
    #2 0x562d81820700 in lngeom::hdf5::read_box(...) core/io/hdf5/hdf5_dataset.cpp:200:5
"""

OURS = f"""==9==ERROR: AddressSanitizer: SEGV on unknown address 0x000000000000
    #0 0x562d81820700 in lngeom::widen_float16(unsigned short const*, float*, unsigned long) core/io/half_float.cpp:30:5
    #1 0x7f58ca3233e4 in H5Dread ({HDF5}+0x1233e4)
"""


class FirstRealFrame(unittest.TestCase):
    def test_out_of_memory_skips_libfuzzers_own_allocations(self):
        self.assertEqual(first_real_frame(OUT_OF_MEMORY), ("H5HG_read", HDF5))

    def test_a_copy_inside_libhdf5_is_libhdf5s(self):
        self.assertEqual(first_real_frame(HEAP_OVERFLOW), ("H5VM_memcpyvv", HDF5))

    def test_a_frame_of_lngeom_first_is_lngeoms(self):
        function, module = first_real_frame(OURS)
        self.assertEqual(function, "lngeom::widen_float16(unsigned")
        self.assertNotIn("libhdf5", module)

    def test_no_stack(self):
        self.assertEqual(first_real_frame("==9== ERROR: libFuzzer: deadly signal\n"), (None, None))


if __name__ == "__main__":
    unittest.main()
