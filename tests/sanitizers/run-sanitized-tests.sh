#!/usr/bin/env bash
# Builds the core and widget tests with AddressSanitizer and UndefinedBehaviorSanitizer and runs
# them (GUI tests under Xvfb, as `make test` does). Any sanitizer report fails the run.
# Usage: tests/sanitizers/run-sanitized-tests.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
build_dir=${1:-build-asan}
labels='core|widgets'

cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
    -DLNGEOM_SANITIZE=address,undefined > /dev/null
# Only the executables those tests run; the app is not needed.
mapfile -t tests < <(cd "$build_dir" && ctest -N -L "$labels" | sed -n 's/^ *Test *#[0-9]*: //p')
# A lookup table, not a pipe into grep -q: with pipefail, grep's early exit made the writer's
# SIGPIPE count as "no match" and silently dropped tests from the build.
declare -A known=()
while read -r target; do
    known[$target]=1
done < <(cmake --build "$build_dir" -- -t targets all | sed -n 's/: .*//p')
targets=()
for test in "${tests[@]}"; do
    [[ -n "${known[$test]:-}" ]] && targets+=("$test")
done
cmake --build "$build_dir" --target "${targets[@]}"

supp=$PWD/tests/sanitizers
# allocator_may_return_null: a huge malloc inside libhdf5 (a damaged size field) returns NULL
# and HDF5 reports an error, as with glibc; in our code it throws std::bad_alloc (a failure).
asan=allocator_may_return_null=1
export LSAN_OPTIONS=suppressions=$supp/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
ASAN_OPTIONS=$asan:detect_leaks=1 tools/run-tests.sh "$build_dir" -L core
# Leaks are not checked for the widget tests: Mesa and Qt's plugins leave 112 bytes allocated
# by libraries they unload before exit, so LeakSanitizer cannot name the library and no
# suppression can match it. Addresses and undefined behaviour are still checked.
ASAN_OPTIONS=$asan:detect_leaks=0 tools/run-tests.sh "$build_dir" -L widgets
