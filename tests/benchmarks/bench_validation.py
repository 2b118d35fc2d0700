#!/usr/bin/python3
"""What validating a file in lngeom-probe costs, on a 4 GiB dump, against what it protects.

lngeom reads no file before lngeom-probe, a process of its own, has asked libhdf5 everything
lngeom will (core/isolation/contained_open.h). This measures, in one run on a generated native
dump (32 sites x 32768 tokens x 1024 float32 = 4 GiB, 1 MiB chunks, token strings; written once
into /tmp, never into the repository), with the page cache warm:

  probe start     lngeom-probe's start-up alone (AddressSanitizer's runtime, libhdf5);
  probe           validating the dump: open, every chunk index, first and last rows, tokens;
  stats           `lngeom stats --no-cache`: the probe, then the whole pass in-process;
and so the probe's share of opening and computing the dump. The alternative design, running the
whole pass in the child and handing over a cache, would instead put all of `stats` before the
first view, and read the cache again after it. Prints numbers; asserts nothing.
"""

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time

import h5py
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_stats import make_dump  # noqa: E402

PROBE_ENVIRONMENT = dict(os.environ, ASAN_OPTIONS="exitcode=86:detect_leaks=0:"
                         "allocator_may_return_null=1:hard_rss_limit_mb=3072")


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lngeom", required=True, help="path to the lngeom binary")
    parser.add_argument("--probe", help="lngeom-probe (default: beside lngeom)")
    parser.add_argument("--dump", default="/tmp/lngeom-bench-4gib.h5", help="dump to (re)use")
    parser.add_argument("--repeat", type=int, default=3)
    return parser.parse_args()


def ensure_dump(path, sites=32, tokens=32768, d=1024):
    if os.path.exists(path):
        return
    print(f"generating a {sites * tokens * d * 4 / 2**30:.0f} GiB dump at {path} ...", flush=True)
    make_dump(path, sites, tokens, d)
    with h5py.File(path, "a") as f:
        f.create_dataset("tokens", data=[f"token {i}" for i in range(tokens)],
                         dtype=h5py.string_dtype(), chunks=(4096,), compression="gzip")
        f.create_dataset("sequence", data=np.arange(tokens, dtype="<i4") // 512)
        f.create_dataset("position", data=np.arange(tokens, dtype="<i4") % 512)


def timed(command, environment=None):
    """Wall seconds of the best of the runs, and the largest peak resident set (MB) of any."""
    times = []
    for _ in range(ARGS.repeat):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, env=environment)
        times.append(time.perf_counter() - start)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return min(times), statistics.median(times), peak_mb


def warm(path):
    with open(path, "rb") as f:
        while f.read(64 << 20):
            pass


def main():
    probe = ARGS.probe or os.path.join(os.path.dirname(ARGS.lngeom), "lngeom-probe")
    ensure_dump(ARGS.dump)
    warm(ARGS.dump)
    size_gib = os.path.getsize(ARGS.dump) / 2**30
    start, start_median, _ = timed([probe], PROBE_ENVIRONMENT)
    steps = subprocess.run([probe, ARGS.dump], capture_output=True, text=True,
                           env=PROBE_ENVIRONMENT).stdout.count("\n")
    validate, validate_median, probe_peak = timed([probe, ARGS.dump], PROBE_ENVIRONMENT)
    stats, stats_median, _ = timed([ARGS.lngeom, "stats", ARGS.dump, "--no-cache"])
    print(f"dump: {ARGS.dump}, {size_gib:.2f} GiB; load {os.getloadavg()[0]:.1f}")
    print(f"probe start:  {start * 1000:7.0f} ms (median {start_median * 1000:.0f})")
    print(f"probe:        {validate * 1000:7.0f} ms (median {validate_median * 1000:.0f}), "
          f"{steps} steps, peak {probe_peak:.0f} MB")
    print(f"stats:        {stats * 1000:7.0f} ms (median {stats_median * 1000:.0f})")
    print(f"probe share:  {100 * validate / stats:.1f} % of opening and computing the dump")


if __name__ == "__main__":
    ARGS = parse_args()
    main()
