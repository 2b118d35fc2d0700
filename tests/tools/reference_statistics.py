"""Per-site metrics of a native dump recomputed with numpy in float64 (docs/METRICS.md).

The independent reference the `lngeom stats` JSON is compared against: written from the
definitions, sharing no code with the C++ core.
"""

from __future__ import annotations

import h5py
import numpy as np


def stored_rows(dataset: h5py.Dataset) -> np.ndarray:
    """A dataset's values in float64, decoding bfloat16 from its uint16 bits."""
    values = dataset[()]
    if dataset.attrs.get("dtype") == "bfloat16":
        values = (values.astype(np.uint32) << 16).view(np.float32)
    return values.astype(np.float64)


def angle_degrees(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Row-wise angle between a and b, via atan2 so it stays accurate near 0° and 180°."""
    dot = (a * b).sum(axis=1)
    cross = np.sqrt(np.maximum((a ** 2).sum(axis=1) * (b ** 2).sum(axis=1) - dot ** 2, 0.0))
    return np.degrees(np.arctan2(cross, dot))


def input_metrics(x: np.ndarray, eps: float) -> dict[str, np.ndarray]:
    d = x.shape[1]
    mean = x.mean(axis=1)
    uniform_component = np.sqrt(d) * mean
    norm = np.linalg.norm(x, axis=1)
    orthogonal_norm = np.linalg.norm(x - mean[:, None], axis=1)
    sigma = orthogonal_norm / np.sqrt(d)
    return {
        "angle_to_uniform_deg": np.degrees(np.arctan2(orthogonal_norm, uniform_component)),
        "norm": norm,
        "uniform_component": uniform_component,
        "abs_cos_to_uniform": np.abs(uniform_component) / norm,
        "sigma": sigma,
        "rms": norm / np.sqrt(d),
        "ln_standardized_norm": orthogonal_norm / np.sqrt(sigma ** 2 + eps),
        "ln_vs_rms_deg": angle_degrees(x - mean[:, None], x),
        "max_abs": np.abs(x).max(axis=1),
        "top1_energy_share": np.abs(x).max(axis=1) ** 2 / norm ** 2,
    }


def recomputed_output(group: h5py.Group) -> np.ndarray:
    """The norm's output recomputed from the captured input, γ, β, ε and recorded formula."""
    x = stored_rows(group["input"])
    eps = float(group.attrs["eps"])
    if group.attrs["kind"] == "layernorm":
        x = x - x.mean(axis=1, keepdims=True)
    y = x / np.sqrt((x ** 2).mean(axis=1, keepdims=True) + eps)
    if "gamma" in group:
        gamma = stored_rows(group["gamma"])
        y = y * (1.0 + gamma if group.attrs.get("gamma_convention") == "one_plus_weight" else gamma)
    return y + stored_rows(group["beta"]) if "beta" in group else y


def site_metrics(group: h5py.Group) -> dict[str, np.ndarray]:
    """Every per-token metric of one /norms/NNN group."""
    x = stored_rows(group["input"])
    metrics = input_metrics(x, float(group.attrs["eps"]))
    if "output" in group:
        output = stored_rows(group["output"])
        metrics["output_norm"] = np.linalg.norm(output, axis=1)
        metrics["rotation_deg"] = angle_degrees(x, output)
    return metrics


def summary(values: np.ndarray) -> dict[str, float]:
    return {"mean": float(values.mean()), "std": float(values.std()),
            "min": float(values.min()), "max": float(values.max()),
            "p50": float(np.median(values))}


def dump_summary(path: str) -> list[dict]:
    """What `lngeom stats --format json` should report for each site, from numpy."""
    with h5py.File(path, "r") as dump:
        return [{"key": key, "module": group.attrs["module"], "layer": int(group.attrs["layer"]),
                 "site": group.attrs["site"], "stack": group.attrs.get("stack", ""),
                 "role": group.attrs.get("role", ""), "d": group["input"].shape[1],
                 "n_tokens": group["input"].shape[0],
                 "metrics": {name: summary(v) for name, v in site_metrics(group).items()}}
                for key, group in dump["norms"].items()]
