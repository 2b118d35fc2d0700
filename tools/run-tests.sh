#!/usr/bin/env bash
# Runs the CTest tests of a build directory (all, or those the extra ctest arguments select);
# without a display, under a private Xvfb.
set -euo pipefail
build_dir=${1:-build}
shift || true
cd "$build_dir"
if [ -n "${DISPLAY:-}" ]; then
    exec ctest --output-on-failure "$@"
fi
exec xvfb-run -a -s "-screen 0 1600x1200x24" ctest --output-on-failure "$@"
