#!/usr/bin/env bash
# Builds the libFuzzer target with clang (ASan + UBSan) and runs it for a bounded time, seeded
# with small valid dumps in every layout (make_seeds.py), the hostile-input corpus, the reader's
# fixtures and every earlier finding, with a dictionary of HDF5's signatures.
# Usage: tests/fuzz/run-fuzzer.sh BUILD_DIR SECONDS [extra libFuzzer options...]
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
export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export LSAN_OPTIONS=suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0
# Fork mode goes on past a finding, so one libhdf5 crash does not end the run; every finding
# is then replayed and classified: those of lngeom fail the run, libhdf5's own are listed.
rm -rf "$build_dir/findings" && mkdir -p "$build_dir/findings"
fuzzer="$build_dir/tests/fuzz/fuzz_dump"
"$fuzzer" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -malloc_limit_mb=1048576 \
    -max_len=$max_len -dict=tests/fuzz/hdf5.dict -seed="${FUZZ_SEED:-1}" \
    -artifact_prefix="$build_dir/findings/" "$@" \
    "$build_dir/corpus" "$seeds" tests/fuzz/regressions 2>&1 | tee "$build_dir/fuzz.log" |
    grep -E '^#[0-9]+: cov|INFO: exiting|INFO: fuzzed for' || true
# The rate over the whole run: libFuzzer's last status line counts every execution.
/usr/bin/python3 - "$build_dir/fuzz.log" "$seconds" <<'PY'
import re, sys
runs = [int(m.group(1)) for m in re.finditer(r"^#(\d+): cov", open(sys.argv[1]).read(), re.M)]
if runs:
    print(f"lngeom fuzz: {runs[-1]} executions in {sys.argv[2]} s, {runs[-1] / float(sys.argv[2]):.0f} exec/s")
PY
echo "lngeom fuzz: findings of this run, replayed:"
/usr/bin/python3 tests/fuzz/classify_findings.py "$fuzzer" "$build_dir/app/lngeom-probe" \
    "$build_dir/findings"
