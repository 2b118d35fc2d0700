#!/usr/bin/python3
"""Where classify_findings.py says a sanitizer or libFuzzer report points: the innermost frame
of real code, past the runtime's and libFuzzer's own frames."""
import os
import shutil
import stat
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from classify_findings import failure_report, first_real_frame  # noqa: E402

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

# A fortified copy inside libhdf5 failing its check: glibc's abort path, named by source file.
FORTIFY_ABORT = f"""*** buffer overflow detected ***: terminated
==5590== ERROR: libFuzzer: deadly signal
    #0 0x559b85452531 in __sanitizer_print_stack_trace ({FUZZ}+0x1ce531)
    #2 0x559b853aa753 in fuzzer::Fuzzer::CrashCallback() ({FUZZ}+0x126753)
    #3 0x7ff6e9b7a04f  (/lib/x86_64-linux-gnu/libc.so.6+0x3c04f)
    #4 0x7ff6e9bc8eeb in __pthread_kill_implementation nptl/./nptl/pthread_kill.c:43:17
    #5 0x7ff6e9b79fb1 in raise signal/../sysdeps/posix/raise.c:26:13
    #6 0x7ff6e9b64471 in abort stdlib/./stdlib/abort.c:79:7
    #7 0x7ff6e9bbd42e in __libc_message libio/../sysdeps/posix/libc_fatal.c:156:5
    #8 0x7ff6e9c56211 in __fortify_fail debug/./debug/fortify_fail.c:26:5
    #9 0x7ff6e9c54d1f in __chk_fail debug/./debug/chk_fail.c:28:3
    #10 0x7ff6ea611180  ({HDF5}+0x211180)
    #11 0x7ff6ea617a49 in H5S_select_deserialize ({HDF5}+0x217a49)
    #19 0x559b854d7523 in lngeom::hdf5::open_dataset(long) core/io/hdf5/hdf5_objects.cpp:82:5
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

    def test_glibcs_abort_under_libhdf5_is_libhdf5s(self):
        self.assertEqual(first_real_frame(FORTIFY_ABORT), ("H5S_select_deserialize", HDF5))

    def test_no_stack(self):
        self.assertEqual(first_real_frame("==9== ERROR: libFuzzer: deadly signal\n"), (None, None))


# Only libFuzzer's own allocations in the top 95 %: the report names no frame of real code.
OUT_OF_MEMORY_OWN_CORPUS_ONLY = OUT_OF_MEMORY[:OUT_OF_MEMORY.index("769923")]

TIMEOUT_IN_LIBHDF5 = f"""==9== ERROR: libFuzzer: timeout after 2 seconds
    #0 0x55a44ed8b531 in __sanitizer_print_stack_trace ({FUZZ}+0x1cd531)
    #1 0x55a44ecfde88 in fuzzer::PrintStackTrace() ({FUZZ}+0x13fe88)
    #2 0x55a44ece36c9 in fuzzer::Fuzzer::AlarmCallback() ({FUZZ}+0x1256c9)
    #3 0x7f546c45a04f  (/lib/x86_64-linux-gnu/libc.so.6+0x3c04f)
    #4 0x7f2b6b971549 in __memset_avx2_unaligned_erms string/memset.S:335
    #5 0x7f2b6c24dddb in H5T__conv_vlen ({HDF5}+0x24dddb)
    #6 0x55d454c61655 in lngeom::hdf5::read_variable_string(long) core/io/hdf5/hdf5_attributes.cpp:90
"""


class FailureReport(unittest.TestCase):
    """A replay is judged by the stack of the code that was running, which libFuzzer's RSS-limit
    report does not give: such a finding is replayed again without that limit."""

    def fake_fuzzer(self, under_rss_limit, without_rss_limit):
        """A stand-in for fuzz_dump: fails with the first report, or the second when given
        -rss_limit_mb=0 (None: runs clean)."""
        directory = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, directory)
        for name, report in (("limited", under_rss_limit), ("unlimited", without_rss_limit)):
            with open(os.path.join(directory, name), "w") as out:
                out.write(report or "")
        binary = os.path.join(directory, "fuzz_dump")
        with open(binary, "w") as out:
            out.write(f"""#!/bin/sh
case " $* " in *" -rss_limit_mb=0 "*) report={directory}/unlimited ;; *) report={directory}/limited ;; esac
[ -s "$report" ] || exit 0
cat "$report" >&2
exit 71
""")
        os.chmod(binary, stat.S_IRWXU)
        return binary

    def test_a_profile_without_real_frames_is_replayed_for_a_stack(self):
        binary = self.fake_fuzzer(OUT_OF_MEMORY_OWN_CORPUS_ONLY, TIMEOUT_IN_LIBHDF5)
        report = failure_report(binary, "/dev/null")
        self.assertEqual(first_real_frame(report), ("H5T__conv_vlen", HDF5))

    def test_a_profile_is_replaced_by_a_stack_even_when_it_names_a_frame(self):
        binary = self.fake_fuzzer(OUT_OF_MEMORY, TIMEOUT_IN_LIBHDF5)
        self.assertEqual(first_real_frame(failure_report(binary, "/dev/null"))[0], "H5T__conv_vlen")

    def test_the_profile_stays_when_the_second_replay_runs_clean(self):
        binary = self.fake_fuzzer(OUT_OF_MEMORY, None)
        self.assertEqual(failure_report(binary, "/dev/null"), OUT_OF_MEMORY)

    def test_a_stack_of_lngeom_is_not_replayed_again(self):
        binary = self.fake_fuzzer(OURS, TIMEOUT_IN_LIBHDF5)
        self.assertEqual(failure_report(binary, "/dev/null"), OURS)

    def test_an_unattributable_report_is_kept_when_no_stack_comes(self):
        binary = self.fake_fuzzer(OUT_OF_MEMORY_OWN_CORPUS_ONLY, "==9== ERROR: libFuzzer: deadly signal\n")
        self.assertEqual(first_real_frame(failure_report(binary, "/dev/null")), (None, None))

    def test_an_input_that_runs_clean_has_no_report(self):
        self.assertIsNone(failure_report(self.fake_fuzzer(None, None), "/dev/null"))


if __name__ == "__main__":
    unittest.main()
