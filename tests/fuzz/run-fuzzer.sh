#!/usr/bin/env bash
# Builds the libFuzzer target with clang (ASan + UBSan) and runs it for a bounded time, seeded
# with small valid dumps in every layout (make_seeds.py), the hostile-input corpus, the reader's
# fixtures and every earlier finding, with a dictionary of HDF5's signatures.
# Usage: tests/fuzz/run-fuzzer.sh BUILD_DIR SECONDS [extra libFuzzer options...]
# FUZZ_SEED (0: a fresh random one), FUZZ_WORKERS (default: one per core) and FUZZ_MODE (fork or
# sessions; default fork from 600 s on, see below) choose how it runs.
# Exit status 0 unless the run found a crash, hang or leak of lngeom's own, or one of libhdf5's
# that lngeom-probe lets through (see classify_findings.py); every finding is saved in
# BUILD_DIR/findings/, the log in BUILD_DIR/fuzz.log.
set -euo pipefail
cd "$(dirname "$0")/../.."
build_dir=$1
seconds=$2
shift 2
max_len=262144

cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_CXX_FLAGS=-fsanitize=fuzzer-no-link -DLNGEOM_SANITIZE=address,undefined \
    -DLNGEOM_WITH_GUI=OFF -DLNGEOM_FUZZ=ON > /dev/null
cmake --build "$build_dir" --target fuzz_dump lngeom-probe

seeds="$build_dir/seeds"
rm -rf "$seeds" && mkdir -p "$seeds" "$build_dir/corpus"
/usr/bin/python3 tests/fuzz/make_seeds.py "$build_dir/seed-files/layouts"
/usr/bin/python3 tests/core/make_io_fixtures.py "$build_dir/seed-files/io"
/usr/bin/python3 tests/data/make_bad_corpus.py "$build_dir/seed-files/bad"
# Regular HDF5 files within the input size only: the corpus also holds a FIFO, which libFuzzer
# would block on, and bombs of many megabytes, which it would cut short.
find "$build_dir/seed-files" -maxdepth 2 -type f -name '*.h5' -size -$((max_len / 1024))k \
    -exec cp -t "$seeds" {} +

export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
# A huge malloc inside libhdf5 (a damaged size field) returns NULL and HDF5 reports an error,
# as glibc does outside ASan; in our code it throws std::bad_alloc, which is still a finding.
# So does any allocation over 1100 MiB: lngeom refuses every read over 1 GiB before it
# allocates (kMaxReadBytes, core/io/read_limits.h), while libhdf5 sizes a variable-length
# string's conversion buffer by its stored length, and zeroing 4 GiB under ASan outlasted the
# 1 s timeout (H5T__conv_vlen in H5Aread): timeouts ended 31 of an hour's 134 sessions, and two
# of the three in a later trial were this.
export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1:max_allocation_size_mb=1100
export LSAN_OPTIONS=suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0
# Short runs (CI's 60 s) fuzz in-process, one worker per core (FUZZ_WORKERS), all growing the
# same corpus and reloading what the others added every few seconds; when a worker stops at a
# finding, it is started again on the corpus, so one libhdf5 crash or hang does not end the run.
# Each such restart re-runs the whole corpus (about 900 inputs, 10-18 s), and libhdf5's crashes
# come every 30-60 s, so from 600 s on (or with FUZZ_MODE=fork) the run uses libFuzzer's fork
# mode instead: one job per worker, each a process of its own started on a few dozen of the
# corpus's inputs for up to 300 s, whose crash ends that job only. Measured on this idle
# machine, same corpus: in-process 188 exec/s over its first 356 s (13 sessions), fork mode
# 370 exec/s over 301 s (39 jobs); fork mode spends its first 16 s reading the corpus, which a
# 60 s run cannot afford.
# Hangs are cut after 1 s (the slowest valid input takes tens of ms); every finding is then
# replayed and classified: those of lngeom fail the run, libhdf5's own are listed.
rm -rf "$build_dir/findings" && mkdir -p "$build_dir/findings"
rm -f "$build_dir"/fuzz*.log
fuzzer="$build_dir/tests/fuzz/fuzz_dump"
seed=${FUZZ_SEED:-1}
workers=${FUZZ_WORKERS:-$(nproc)}
# CPU seconds this script's finished children used (cutime + cstime): the machine may be shared,
# so the rate is also given per CPU second, which is what one free core would run.
children_cpu() { awk -v tick="$(getconf CLK_TCK)" '{print ($16 + $17) / tick}' /proc/$$/stat; }
cpu_before=$(children_cpu)
start=$SECONDS
deadline=$((start + seconds))
limits=(-timeout=1 -rss_limit_mb=2048 -malloc_limit_mb=1048576 -max_len=$max_len)
# The corpus, seeds and regressions are first merged into the inputs that add coverage, which
# the sessions then start from: the corpus no longer grows run after run, and each session's
# start, which runs every input it is given, is shorter (11 s instead of 14 s for 1,389 inputs
# merged into 702; libhdf5's crashes restart a worker's session every 35 s or so). The merge is
# part of the run's time. If it fails, the sessions take them all.
merged="$build_dir/corpus.merging"
rm -rf "$merged" && mkdir -p "$merged"
inputs=("$build_dir/corpus" "$seeds" tests/fuzz/regressions)
if timeout -s KILL "$seconds" "$fuzzer" -merge=1 "${limits[@]}" \
    -artifact_prefix="$build_dir/findings/" "$merged" "${inputs[@]}" \
    > "$build_dir/corpus-merge.log" 2>&1; then
    echo "lngeom fuzz: $(find "${inputs[@]}" -type f | wc -l) inputs merged into" \
        "$(find "$merged" -type f | wc -l) in $((SECONDS - start)) s"
    rm -rf "$build_dir/corpus" && mv "$merged" "$build_dir/corpus"
    inputs=("$build_dir/corpus")
else
    echo "lngeom fuzz: the corpus merge failed (see $build_dir/corpus-merge.log); no merge this run"
    rm -rf "$merged"
fi
# A finding is not a corpus entry. libFuzzer never adds an input that crashed, but one that
# crashes libhdf5 only in some heap states can get in, and since every session starts by running
# the whole corpus, it then ended 23 of an hour's first 64 sessions at their start. Both name a
# file by the SHA-1 of its bytes, so the finding's copy is removed after each session.
prune_findings_from_corpus() {
    local finding
    for finding in "$build_dir"/findings/*-*; do
        if [ -e "$finding" ]; then rm -f "$build_dir/corpus/${finding##*-}"; fi
    done
}
# fuzz_worker INDEX SEED: sessions until the deadline. A restart with the same seed would mutate
# the same way, so each session takes the next seed no other worker uses; 0 is a fresh random
# one each time.
# A session is killed 30 s past the deadline: libFuzzer's timeout handler allocates, so an alarm
# that lands inside ASan's allocator (libhdf5 calling malloc) deadlocks the session for good.
fuzz_worker() {
    local seed=$2
    while ((SECONDS < deadline)); do
        timeout -s KILL $((deadline - SECONDS + 30)) "$fuzzer" \
            -max_total_time=$((deadline - SECONDS)) "${limits[@]}" -dict=tests/fuzz/hdf5.dict \
            -seed="$seed" -entropic_scale_per_exec_time=1 -reload=5 -print_final_stats=1 \
            -artifact_prefix="$build_dir/findings/" "${extra[@]}" \
            "${inputs[@]}" >> "$build_dir/fuzz-$1.log" 2>&1 || true
        prune_findings_from_corpus
        ((seed == 0)) || seed=$((seed + workers))
    done
}
# fork_jobs: the fork-mode run. libFuzzer ends a job at 300 s, but not one whose timeout
# handler deadlocked (above); such a job would hold its worker's place to the end, so a job
# older than 400 s is killed, which libFuzzer counts as a crash and replaces. Its shell may end
# with it before its own kill, which then finds nothing: that is not an error.
fork_jobs() {
    timeout -s KILL $((deadline - SECONDS + 60)) "$fuzzer" -fork="$workers" -ignore_crashes=1 \
        -ignore_timeouts=1 -ignore_ooms=1 -max_total_time=$((deadline - SECONDS)) \
        "${limits[@]}" -dict=tests/fuzz/hdf5.dict -seed="$seed" \
        -entropic_scale_per_exec_time=1 -artifact_prefix="$build_dir/findings/" "${extra[@]}" \
        "${inputs[@]}" > "$build_dir/fuzz-fork.log" 2>&1 &
    local parent=$!
    while kill -0 "$parent" 2> /dev/null; do
        sleep 10
        ps -eo pid=,etimes=,args= | awk -v dir="$build_dir/findings/" \
            '$2 > 400 && index($0, "-features_dir") && index($0, dir) {print $1}' |
            xargs -r kill -KILL 2> /dev/null || true
    done
    wait "$parent" || true
}
extra=("$@")
mode=${FUZZ_MODE:-$( ((seconds >= 600)) && echo fork || echo sessions)}
if [ "$mode" = fork ]; then
    fork_jobs
else
    for ((worker = 0; worker < workers; ++worker)); do
        fuzz_worker "$worker" $((seed == 0 ? 0 : seed + worker)) &
    done
    wait
fi
cat "$build_dir"/fuzz-*.log > "$build_dir/fuzz.log"
elapsed=$((SECONDS - start))
cpu=$(awk -v after="$(children_cpu)" -v before="$cpu_before" 'BEGIN {print after - before}')
# How each session ended: a finding's first line (none when it ran out the time).
grep -E '^==[0-9]+== ?ERROR' "$build_dir/fuzz.log" || true
# The rate over the whole run, restarts included: each session's last count of executions, or
# in fork mode the parent's last count over all its jobs.
/usr/bin/python3 - "$build_dir/fuzz.log" "$elapsed" "$cpu" "$workers" <<'PY'
import re, sys
log = open(sys.argv[1], errors="replace").read()
runs = sum(int(n) for n in re.findall(r"^stat::number_of_executed_units: (\d+)", log, re.M))
sessions = log.count("stat::number_of_executed_units")
fork = re.findall(r"^#(\d+): cov: .* job: (\d+)", log, re.M)
if fork:
    runs, sessions = int(fork[-1][0]), max(int(job) for _, job in fork)
elapsed, cpu = max(float(sys.argv[2]), 1), max(float(sys.argv[3]), 0.01)
print(f"lngeom fuzz: {runs} executions in {elapsed:.0f} s ({sessions} "
      f"{'jobs' if fork else 'sessions'}, {sys.argv[4]} workers), "
      f"{runs / elapsed:.0f} exec/s; {cpu:.0f} CPU s, {runs / cpu:.0f} exec per CPU second")
PY
echo "lngeom fuzz: findings of this run, replayed:"
/usr/bin/python3 tests/fuzz/classify_findings.py "$fuzzer" "$build_dir/app/lngeom-probe" \
    "$build_dir/findings"
