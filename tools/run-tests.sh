#!/usr/bin/env bash
# Runs the CTest tests of a build directory (all, or those the extra ctest arguments select);
# without a display, under a private Xvfb. The server is started with -displayfd (it picks a
# free display itself and reports it once it accepts connections), not with `xvfb-run -a`,
# whose guess of a free number races with other test runs starting at the same moment.
set -euo pipefail
build_dir=${1:-build}
shift || true
cd "$build_dir"
if [ -n "${DISPLAY:-}" ]; then
    exec ctest --output-on-failure "$@"
fi

xvfb_pid=
# Starts Xvfb and sets `display` once it reports its number; returns 1 when it does not.
start_xvfb() {
    local report
    report=$(mktemp)
    Xvfb -displayfd 3 -screen 0 1600x1200x24 -nolisten tcp -noreset 3>"$report" 2>/dev/null &
    xvfb_pid=$!
    for _ in $(seq 600); do
        if grep -q . "$report" && [ "$(tail -c 1 "$report" | od -An -c | tr -d ' ')" = '\n' ]; then
            display=:$(head -n 1 "$report")
            rm -f "$report"
            return 0
        fi
        kill -0 "$xvfb_pid" 2>/dev/null || break
        sleep 0.1
    done
    rm -f "$report"
    kill "$xvfb_pid" 2>/dev/null || true
    return 1
}

if ! command -v Xvfb >/dev/null; then
    echo "run-tests.sh: no DISPLAY and Xvfb is not installed (tools/install-deps.sh)" >&2
    exit 1
fi
# One retry: under heavy load a server can die while it starts.
if ! start_xvfb && ! start_xvfb; then
    echo "run-tests.sh: Xvfb did not report a display within 60 s, twice" >&2
    exit 1
fi
trap 'kill "$xvfb_pid" 2>/dev/null || true' EXIT
status=0
DISPLAY=$display ctest --output-on-failure "$@" || status=$?
exit "$status"
