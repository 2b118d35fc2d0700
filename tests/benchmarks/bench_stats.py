#!/usr/bin/python3
"""Benchmark of `lngeom stats` against two references, in one run.

(a) an h5py + numpy implementation of the same per-site statistics, written the way a competent
    researcher would (streaming chunk-sized row blocks, float64 accumulation);
(b) a raw HDF5 read of the same bytes through h5py that computes nothing.

It generates (once, then reuses) a float32 native dump of at least 1 GiB, warms the page cache,
times each contender (best of --repeat runs), reads lngeom's peak memory from the kernel
(getrusage of the child) and prints the ratios against the targets: lngeom >= 5x faster than (a),
>= 0.8x the throughput of (b), peak memory <= 512 MB. Exit status 1 when a target is missed.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import time

import h5py
import numpy as np

TARGET_SPEEDUP_OVER_NUMPY = 5.0
TARGET_FRACTION_OF_RAW_READ = 0.8
TARGET_PEAK_MB = 512


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lngeom", required=True, help="path to the lngeom binary")
    parser.add_argument("--dump", default="/tmp/lngeom-bench-1gib.h5", help="dump to (re)use")
    parser.add_argument("--sites", type=int, default=8)
    parser.add_argument("--tokens", type=int, default=32768)
    parser.add_argument("--d", type=int, default=1024)
    parser.add_argument("--repeat", type=int, default=3)
    return parser.parse_args()


def make_dump(path, n_sites, n_tokens, d):
    """Writes a native dump whose vectors have a small mean and a few massive coordinates."""
    rng = np.random.default_rng(0)
    chunk_rows = max(1, (1 << 20) // (4 * d))
    tmp = path + ".partial"
    with h5py.File(tmp, "w") as f:
        f.attrs["format"] = "lngeom-activations"
        f.attrs["format_version"] = 1
        model = f.create_group("model")
        model.attrs.update(name="benchmark", source="tests/benchmarks/bench_stats.py",
                           norm_type="layernorm", d_model=d, n_layers=n_sites // 2)
        for site in range(n_sites):
            group = f.create_group(f"norms/{site:03d}")
            group.attrs.update(module=f"h.{site // 2}.ln_{site % 2 + 1}", kind="layernorm",
                               layer=site // 2, site=f"ln{site % 2 + 1}", eps=1e-5)
            data = group.create_dataset("input", (n_tokens, d), dtype="f4",
                                        chunks=(chunk_rows, d))
            for first in range(0, n_tokens, 4096):
                rows = min(4096, n_tokens - first)
                block = rng.standard_normal((rows, d), dtype=np.float32)
                block += np.float32(0.05 * (site + 1))
                block[:, site % d] *= 20
                data[first:first + rows] = block
    os.replace(tmp, path)


def ensure_dump(args):
    expected = args.sites * args.tokens * args.d * 4
    if os.path.exists(args.dump):
        with h5py.File(args.dump, "r") as f:
            have = sum(f[f"norms/{k}/input"].size * 4 for k in f["norms"])
        if have == expected:
            return
    print(f"generating {expected / 2**30:.2f} GiB dump at {args.dump} ...", flush=True)
    make_dump(args.dump, args.sites, args.tokens, args.d)


def raw_read(path):
    """Reads every input row block into one reused buffer, computing nothing."""
    total = 0
    with h5py.File(path, "r") as f:
        for key in f["norms"]:
            data = f[f"norms/{key}/input"]
            rows = data.chunks[0] * max(1, 4096 // data.chunks[0])
            buffer = np.empty((rows, data.shape[1]), dtype=data.dtype)
            for first in range(0, data.shape[0], rows):
                count = min(rows, data.shape[0] - first)
                data.read_direct(buffer, np.s_[first:first + count], np.s_[0:count])
                total += count
    return total


def block_metrics(x, eps):
    """Per-token metrics of one row block (n × d float32), in float64, as docs/METRICS.md defines them."""
    x = x.astype(np.float64)
    d = x.shape[1]
    mean = x.mean(axis=1)
    centred = x - mean[:, None]
    sigma = np.sqrt((centred ** 2).mean(axis=1))
    norm = np.linalg.norm(x, axis=1)
    c = np.sqrt(d) * mean
    ortho = np.sqrt(d) * sigma
    angle = np.degrees(np.arctan2(ortho, c))
    return {
        "angle_to_uniform_deg": angle,
        "norm": norm,
        "uniform_component": c,
        "abs_cos_to_uniform": np.abs(c) / norm,
        "sigma": sigma,
        "rms": norm / np.sqrt(d),
        "ln_standardized_norm": np.sqrt(d) * sigma / np.sqrt(sigma ** 2 + eps),
        "ln_vs_rms_deg": np.abs(90.0 - angle),
    }


def numpy_reference(path):
    """The researcher's script: stream blocks, keep per-token metrics, summarize per site."""
    sites = []
    with h5py.File(path, "r") as f:
        for key in f["norms"]:
            group = f[f"norms/{key}"]
            data = group["input"]
            rows = data.chunks[0] * max(1, 4096 // data.chunks[0])
            parts = [block_metrics(data[i:i + rows], group.attrs["eps"])
                     for i in range(0, data.shape[0], rows)]
            metrics = {}
            for name in parts[0]:
                values = np.concatenate([p[name] for p in parts])
                p01, p50, p99 = np.percentile(values, [1, 50, 99])
                metrics[name] = {"mean": values.mean(), "std": values.std(), "min": values.min(),
                                 "max": values.max(), "p01": p01, "p50": p50, "p99": p99}
            sites.append({"key": key, "metrics": metrics})
    return sites


def run_lngeom(binary, path):
    """Runs `lngeom stats --no-cache` and returns its JSON and its peak resident set (MB)."""
    out = subprocess.run([binary, "stats", path, "--format", "json", "--no-cache"],
                         check=True, capture_output=True, text=True).stdout
    # lngeom is this script's only child process, so the children's peak is lngeom's.
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return json.loads(out), peak_kb / 1024.0


def best_time(function, repeat):
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - start)
    return best, result


def check_agreement(lngeom_sites, reference_sites):
    """The benchmark is only fair if both compute the same numbers."""
    worst = 0.0
    for ours, theirs in zip(lngeom_sites, reference_sites):
        for name, summary in theirs["metrics"].items():
            for field in ("mean", "std", "p50"):
                a, b = ours["metrics"][name][field], summary[field]
                worst = max(worst, abs(a - b) / max(1.0, abs(b)))
    return worst


def main():
    args = parse_args()
    ensure_dump(args)
    size_gib = os.path.getsize(args.dump) / 2**30
    raw_read(args.dump)  # warm the page cache so every contender reads from memory

    raw_s, _ = best_time(lambda: raw_read(args.dump), args.repeat)
    numpy_s, reference = best_time(lambda: numpy_reference(args.dump), 1)
    lngeom_s, (ours, peak_mb) = best_time(lambda: run_lngeom(args.lngeom, args.dump), args.repeat)
    disagreement = check_agreement(ours["sites"], reference)

    speedup = numpy_s / lngeom_s
    fraction = raw_s / lngeom_s
    print(f"dump: {args.dump} ({size_gib:.2f} GiB, {args.sites} sites x {args.tokens} x {args.d})")
    print(f"(b) raw h5py read      {raw_s:7.2f} s  {size_gib / raw_s:6.2f} GiB/s")
    print(f"(a) h5py + numpy       {numpy_s:7.2f} s  {size_gib / numpy_s:6.2f} GiB/s")
    print(f"    lngeom stats       {lngeom_s:7.2f} s  {size_gib / lngeom_s:6.2f} GiB/s"
          f"  peak {peak_mb:.0f} MB")
    print(f"speed-up over (a): {speedup:.1f}x (target >= {TARGET_SPEEDUP_OVER_NUMPY}x)")
    print(f"throughput vs (b): {fraction:.2f}x (target >= {TARGET_FRACTION_OF_RAW_READ}x)")
    print(f"peak memory:       {peak_mb:.0f} MB (target <= {TARGET_PEAK_MB} MB)")
    print(f"largest relative difference from the numpy reference: {disagreement:.2e}")
    met = (speedup >= TARGET_SPEEDUP_OVER_NUMPY and fraction >= TARGET_FRACTION_OF_RAW_READ
           and peak_mb <= TARGET_PEAK_MB and disagreement < 1e-6)
    print("all targets met" if met else "TARGET MISSED")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
