#!/usr/bin/python3
"""Writes native dumps for the metrics tests and, for each, the metrics they must give.

Usage: /usr/bin/python3 make_metric_fixtures.py OUTDIR

One file per stored type (float16, bfloat16, float32, float64): a LayerNorm site and an
RMSNorm site whose outputs come from torch modules, and a final LayerNorm site without output.
`metrics-blocks.h5` is a larger float32 file, chunked, that the pass reads in many blocks;
`metrics-sketch.h5` (float16, 20011 tokens, a prime) has more tokens than the statistics keep
exactly, with norms spread from 0.05√d to 100√d, so its quantiles come from the sketch.
Rows include vectors near 0° and 180° from 1, and degenerate ones (zero, constant, NaN, Inf,
an input whose output is NaN). For each file this writes, computed here in float64 from the
stored values (torch's layer_norm for the standardized norm, torch modules for the outputs, numpy
for the rest), `<file>.<site>.metrics.f64` (n_tokens x n_metrics, row-major, NaN where invalid),
`<file>.<site>.flags.u8` and `<file>.expected.json` (the summaries `lngeom stats` must print).
"""
import json
import os
import sys

import h5py
import numpy as np
import torch

N_TOKENS = 64
D = 50  # not a multiple of 4: exercises the kernel's tail loop
EPS = {"000": 1e-5, "001": 1e-6, "002": 1e-5}
NEAR_AXIS_NOISE = {"float16": 0.02, "bfloat16": 0.05, "float32": 1e-5, "float64": 1e-9}
INPUT_METRICS = ["angle_to_uniform_deg", "norm", "uniform_component", "abs_cos_to_uniform",
                 "sigma", "rms", "ln_standardized_norm", "ln_vs_rms_deg", "max_abs",
                 "top1_energy_share"]
OUTPUT_METRICS = ["output_norm", "rotation_deg"]
NON_FINITE, ZERO, CONSTANT, OUTPUT_INVALID = 1, 2, 4, 8


def stored(values, dtype):
    """What h5py writes for `dtype` and its exact float64 value."""
    if dtype == "bfloat16":
        bits = (np.asarray(values, dtype="<f4").view("<u4") >> 16).astype("<u2")
        with np.errstate(invalid="ignore"):
            return bits, (bits.astype("<u4") << 16).view("<f4").astype("<f8")
    data = np.asarray(values).astype(dtype)
    return data, data.astype("<f8")


def input_rows(rng, dtype, degenerate, n_tokens=N_TOKENS, spread=False):
    x = rng.normal(0.0, 2.0, size=(n_tokens, D)) + rng.normal(0.0, 0.3, size=(1, D))
    if spread:  # ‖x‖ log-uniform from about 0.05√d to 100√d
        x *= np.exp(rng.uniform(np.log(0.025), np.log(50.0), size=(n_tokens, 1)))
    noise = NEAR_AXIS_NOISE[dtype]
    x[1] = 3.0 + rng.normal(0.0, noise, size=D)  # θ near 0°
    x[2] = -3.0 + rng.normal(0.0, noise, size=D)  # θ near 180°
    x[3] = 0.1 * x[3] + 40.0  # large mean, small spread
    if degenerate:
        x[4] = 0.0
        x[5] = 0.5
        x[6, 7] = np.nan
        x[7, 3] = np.inf
    return x


def rms_norm(x, eps):
    """RMSNorm written in torch: x / sqrt(mean(x²) + ε)."""
    return x / torch.sqrt((x * x).mean(dim=-1, keepdim=True) + eps)


def module_output(kind, x_stored, eps, gamma, beta):
    """The site's module output as torch computes it in float32."""
    x = torch.from_numpy(x_stored.astype(np.float32))
    with torch.no_grad():
        if kind == "layernorm":
            return torch.nn.functional.layer_norm(x, (D,), torch.from_numpy(gamma),
                                                  torch.from_numpy(beta), eps).numpy()
        return (rms_norm(x, eps) * torch.from_numpy(gamma)).numpy()


def kahan_angle(a, b):
    """Row-wise angle between a and b in degrees, accurate near 0° and 180°."""
    a = a / np.linalg.norm(a, axis=1, keepdims=True)
    b = b / np.linalg.norm(b, axis=1, keepdims=True)
    return np.degrees(2 * np.arctan2(np.linalg.norm(a - b, axis=1), np.linalg.norm(a + b, axis=1)))


def input_flags(x):
    flags = np.zeros(len(x), dtype=np.uint8)
    with np.errstate(invalid="ignore"):
        non_finite = ~np.isfinite(x).all(axis=1)
        zero = ~non_finite & (np.abs(x).sum(axis=1) == 0)
        constant = ~non_finite & (x == x[:, :1]).all(axis=1)
    flags[non_finite] |= NON_FINITE
    flags[zero] |= ZERO
    flags[constant] |= CONSTANT
    return flags


def expected_input_metrics(x, eps):
    xt = torch.from_numpy(x)
    mean = x.mean(axis=1)
    orthogonal = np.linalg.norm(x - mean[:, None], axis=1)
    c = np.sqrt(D) * mean
    norm = np.linalg.norm(x, axis=1)
    with torch.no_grad():
        y = torch.nn.functional.layer_norm(xt, (D,), eps=eps)
    return {
        "angle_to_uniform_deg": np.degrees(np.arctan2(orthogonal, c)),
        "norm": norm,
        "uniform_component": c,
        "abs_cos_to_uniform": np.abs(c) / norm,
        "sigma": x.std(axis=1),
        "rms": np.sqrt((x ** 2).mean(axis=1)),
        "ln_standardized_norm": torch.linalg.norm(y, dim=1).numpy(),
        # angle(y, r) = angle(x⊥, x), and x = x⊥ + c·û with x⊥ ⟂ û. Rounded vectors x⊥ and y
        # lose that orthogonality (and the angle) near θ = 0° and 180°.
        "ln_vs_rms_deg": np.degrees(np.arctan2(np.abs(c), orthogonal)),
        "max_abs": np.abs(x).max(axis=1),
        "top1_energy_share": np.abs(x).max(axis=1) ** 2 / norm ** 2,
    }


def expected_metrics(x, output, eps):
    flags = input_flags(x)
    with np.errstate(invalid="ignore", divide="ignore"):
        metrics = expected_input_metrics(x, eps)
        if output is not None:
            out_norm = np.linalg.norm(output, axis=1)
            bad = (flags == 0) & (~np.isfinite(out_norm) | (out_norm == 0))
            flags[bad] |= OUTPUT_INVALID
            metrics["output_norm"] = np.where(bad, np.nan, out_norm)
            metrics["rotation_deg"] = np.where(bad, np.nan, kahan_angle(x, output))
    table = np.stack([metrics[name] for name in metrics], axis=1)
    table[flags & (NON_FINITE | ZERO | CONSTANT) != 0] = np.nan
    return table, flags, list(metrics)


def summary(values):
    values = values[~np.isnan(values)]
    p01, p50, p99 = np.percentile(values, [1, 50, 99])
    return {"mean": values.mean(), "std": values.std(), "min": values.min(), "max": values.max(),
            "p01": p01, "p50": p50, "p99": p99, "count": int(values.size)}


def write_dataset(group, name, values, dtype, chunk_rows=None):
    data, exact = stored(values, dtype)
    dataset = group.create_dataset(name, data=data,
                                   chunks=(chunk_rows, D) if chunk_rows else None)
    if dtype == "bfloat16":
        dataset.attrs["dtype"] = "bfloat16"
    return exact


SITES = [("000", "layers.0.ln_1", "layernorm", 0, "ln1", True),
         ("001", "layers.0.ln_2", "rmsnorm", 0, "ln2", True),
         ("002", "final_norm", "layernorm", 1, "final", False)]


def write_file(outdir, dtype, rng, name=None, n_tokens=N_TOKENS, chunk_rows=None, spread=False):
    """`n_tokens` and `chunk_rows` large enough make the pass read many blocks."""
    name = name or f"metrics-{dtype}.h5"
    sites = []
    with h5py.File(os.path.join(outdir, name), "w") as f:
        f.attrs["format"] = "lngeom-activations"
        f.attrs["format_version"] = 1
        model = f.create_group("model")
        model.attrs.update(name=f"fixture \"{dtype}\"", source="tests/core/make_metric_fixtures.py",
                           norm_type="layernorm", d_model=D, n_layers=1, seed=7)
        for key, module, kind, layer, site, has_output in SITES:
            group = f.create_group(f"norms/{key}")
            group.attrs.update(module=module, kind=kind, layer=layer, site=site, eps=EPS[key])
            x = write_dataset(group, "input",
                              input_rows(rng, dtype, key == "001", n_tokens, spread), dtype,
                              chunk_rows)
            output = None
            if has_output:
                gamma = rng.normal(1.0, 0.2, size=D).astype(np.float32)
                beta = rng.normal(0.0, 0.1, size=D).astype(np.float32)
                computed = module_output(kind, x, EPS[key], gamma, beta)
                computed[8] = np.nan  # a valid input whose output is not finite
                output = write_dataset(group, "output", computed, dtype, chunk_rows)
            table, flags, names = expected_metrics(x, output, EPS[key])
            table.astype("<f8").tofile(os.path.join(outdir, f"{name}.{key}.metrics.f64"))
            flags.tofile(os.path.join(outdir, f"{name}.{key}.flags.u8"))
            sites.append({"key": key, "module": module, "layer": layer, "site": site, "d": D,
                          "n_tokens": n_tokens,
                          "n_invalid": int(((flags & (NON_FINITE | ZERO | CONSTANT)) != 0).sum()),
                          "metrics": {n: summary(table[:, i]) for i, n in enumerate(names)}})
    with open(os.path.join(outdir, f"{name}.expected.json"), "w") as out:
        json.dump({"sites": sites}, out, indent=1, default=float)


def main():
    outdir = sys.argv[1]
    os.makedirs(outdir, exist_ok=True)
    rng = np.random.default_rng(20240913)
    for dtype in ("float16", "bfloat16", "float32", "float64"):
        write_file(outdir, dtype, rng)
    write_file(outdir, "float32", rng, "metrics-blocks.h5", n_tokens=6000, chunk_rows=100)
    write_file(outdir, "float16", rng, "metrics-sketch.h5", n_tokens=20011, chunk_rows=512,
               spread=True)


if __name__ == "__main__":
    main()
