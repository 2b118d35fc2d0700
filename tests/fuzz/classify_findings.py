#!/usr/bin/python3
"""Replays every input a fuzz run saved and says where each one fails.

Usage: /usr/bin/python3 classify_findings.py FUZZ_BINARY PROBE FINDINGS_DIR

A finding whose innermost frame of real code (sanitizer runtime, libc and libstdc++ frames
skipped) is inside libhdf5 is a crash, hang or leak of libhdf5 1.10.8 itself on a damaged file,
which lngeom cannot prevent in-process. lngeom-probe (PROBE) must then refuse the file, as it
does before lngeom reads any file: one it passes would reach lngeom's own process, and counts
as lngeom's. Contained ones are listed, and tests/fuzz/known-hdf5-crashers/ is where to keep
them. An input that does not fail when replayed alone is listed too. Any other finding (a frame
of lngeom first, an uncaught exception) is lngeom's to fix: the exit status is then 1.
"""
import concurrent.futures
import os
import re
import subprocess
import sys

# A frame names its function when the symbol is known ("operator new(unsigned long)" keeps its
# first two words); libFuzzer's out-of-memory report names only the module of a stripped
# library's frame ("#1 0x7f... (/lib/.../libhdf5_serial.so+0x...)").
FRAME = re.compile(r"^\s*#\d+ 0x[0-9a-f]+ (?:in (operator \S+|\S+))?")
MODULE = re.compile(r"\((/[^)+]+)\+0x[0-9a-f]+\)")
RUNTIME_MODULES = ("libc.so", "libstdc++.so", "libgcc_s.so", "ld-linux")
# glibc's frames with debug symbols name a source file, not their module, so its abort path
# (a fortified copy's check failing inside libhdf5) is skipped by name.
# An out-of-memory report lists the largest live allocations first, libFuzzer's own (its corpus,
# made in its driver, called from its `main`), so those frames are skipped too.
RUNTIME_FUNCTIONS = re.compile(r"^(__sanitizer|__asan|__ubsan|__lsan|__interceptor|fuzzer::|"
                               r"main$|__libc_\w*|__pthread_kill\w*|__fortify_fail|__chk_fail|"
                               r"malloc|calloc|realloc|free|operator new|operator delete|"
                               r"__cxa_|std::terminate|__gnu_cxx|_Unwind|abort|raise|"
                               r"str[a-z]*|mem[a-z]*|__mem\w*|__str\w*)")


def frames(report):
    """(function, module) of every stack frame; function is "" when the symbol is unknown."""
    for line in report.splitlines():
        match = FRAME.match(line)
        if match:
            module_match = MODULE.search(line)
            yield match.group(1) or "", module_match.group(1) if module_match else ""


def first_real_frame(report):
    """The innermost frame outside the runtime, named by the first known symbol of its module
    (a stripped library's innermost frames often have none)."""
    stack = list(frames(report))
    for index, (function, module) in enumerate(stack):
        if any(name in module for name in RUNTIME_MODULES) or RUNTIME_FUNCTIONS.match(function):
            continue
        names = [name for name, where in stack[index:] if where == module and name]
        return (function or (names[0] if names else "?")), module
    return None, None


PROBE_ENVIRONMENT = dict(os.environ, ASAN_OPTIONS="exitcode=86:detect_leaks=0:"
                         "allocator_may_return_null=1:hard_rss_limit_mb=3072")


# The probe reads a fuzz input (at most 256 KiB) in milliseconds; one still running after this
# is hung inside libhdf5, and lngeom would cut it at its validation bound and refuse the file.
PROBE_TIMEOUT_SECONDS = 3


def probe_refuses(probe, path):
    """lngeom-probe's verdict as lngeom would run it: anything but "valid" keeps the file out."""
    try:
        result = subprocess.run([probe, path], capture_output=True, text=True,
                                timeout=PROBE_TIMEOUT_SECONDS, env=PROBE_ENVIRONMENT)
    except subprocess.TimeoutExpired:
        return True
    return not (result.returncode == 0 and result.stdout.rstrip().endswith("valid"))


# A replay that runs longer is a hang (the fuzzer cuts at 1 s; the slowest valid input takes tens
# of ms). Short, because libhdf5's own hangs are found every minute or two, and each is replayed.
REPLAY_TIMEOUT_SECONDS = 2
# libFuzzer's timeout alarm can land in a thread other than the input's and be skipped, and its
# handler can deadlock inside ASan's allocator: a replay still running after this is killed.
REPLAY_KILL_SECONDS = 30
# libFuzzer's RSS limit reports the largest live allocations, not where the input was: its own
# corpus can fill the top 95 % and hide the rest (a CI run once got no frame at all). Without
# that limit the replay ends at its timeout or at a malloc over the limit, each with the stack of
# the code that was running; ASan's hard limit keeps two such replays within the machine. The
# malloc limit is just over lngeom's own cap on one read (kMaxReadBytes, 1 GiB): a larger malloc
# is never lngeom's by design, so it is reported with the stack that asked for it. At 2 GiB, a
# damaged string attribute's 1.9 GB malloc inside libhdf5 passed, ran clean and named no frame.
WITHOUT_RSS_LIMIT = ("-rss_limit_mb=0", "-malloc_limit_mb=1100")
RSS_OUT_OF_MEMORY = "libFuzzer: out-of-memory (used:"
REPLAY_ENVIRONMENT = dict(os.environ, ASAN_OPTIONS=os.environ.get("ASAN_OPTIONS", "")
                          + ":hard_rss_limit_mb=6144")


def replay(binary, path, *options):
    """The report of one replay of the input, or None when it runs clean."""
    command = [binary, f"-timeout={REPLAY_TIMEOUT_SECONDS}", *options, path]
    try:
        result = subprocess.run(command, capture_output=True, text=True,
                                timeout=REPLAY_KILL_SECONDS, env=REPLAY_ENVIRONMENT)
    except subprocess.TimeoutExpired as killed:
        partial = killed.stderr or b""
        return (partial.decode(errors="replace") if isinstance(partial, bytes) else partial) + \
            f"\nkilled after {REPLAY_KILL_SECONDS} s\n"
    return None if result.returncode == 0 else result.stderr


def failure_report(binary, path):
    """The report that says where the input fails, or None when it runs clean alone."""
    report = replay(binary, path)
    if report is not None and (RSS_OUT_OF_MEMORY in report or first_real_frame(report)[0] is None):
        stack = replay(binary, path, *WITHOUT_RSS_LIMIT)
        if stack is not None and first_real_frame(stack)[0] is not None:
            return stack
    return report


def classify(binary, probe, path):
    """(owner, where, report): owner is "lngeom", "libhdf5" or "replayed"."""
    report = failure_report(binary, path)
    if report is None:
        return ("replayed", "does not fail when replayed alone (fixed, or it needed the run's "
                "state)", "")
    function, module = first_real_frame(report)
    where = f"{function} ({os.path.basename(module)})" if function else "no stack"
    if "libhdf5" not in (module or ""):
        return "lngeom", where, report
    if not probe_refuses(probe, path):
        return "lngeom", where + ", and lngeom-probe passes the file: not contained", report
    return "libhdf5", where + ", refused by lngeom-probe", report


# Lines of an lngeom finding's report printed with the verdict, so a CI log alone says what failed.
REPORT_LINES_SHOWN = 40


def main():
    binary, probe, findings = sys.argv[1], sys.argv[2], sys.argv[3]
    names = sorted(os.listdir(findings))
    # Most findings are libhdf5 hangs, each waiting out its replay and probe cuts: run them side
    # by side.
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as pool:
        results = list(pool.map(lambda n: classify(binary, probe, os.path.join(findings, n)), names))
    ours = 0
    for name, (owner, where, report) in zip(names, results):
        ours += owner == "lngeom"
        print(f"{owner:8} {name}: {where}", flush=True)
        if owner == "lngeom":
            lines = [line for line in report.splitlines() if not line.startswith("INFO:")]
            print("\n".join(lines[:REPORT_LINES_SHOWN]), flush=True)
    sys.exit(1 if ours else 0)


if __name__ == "__main__":
    main()
