#!/usr/bin/env bash
# Runs every CTest test of a build directory; without a display, under a private Xvfb.
set -euo pipefail
build_dir=${1:-build}
cd "$build_dir"
if [ -n "${DISPLAY:-}" ]; then
    exec ctest --output-on-failure
fi
exec xvfb-run -a -s "-screen 0 1600x1200x24" ctest --output-on-failure
