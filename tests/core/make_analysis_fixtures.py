#!/usr/bin/python3
"""Writes the data and the float64 answers the analysis tests (core/analysis) check against.

Usage: /usr/bin/python3 make_analysis_fixtures.py OUTDIR

- ellipsoid-cases.json: γ vectors with known spectra (two values, constant, zeros, ties, negative
  entries, d = 2, bfloat16-rounded, wide) and, for each, what numpy gives in float64: the
  semi-axes √d·σ_k(G·Q) and directions from an SVD, the per-site summary from its definitions,
  and tokens' standardized vectors (torch's layer_norm / RMSNorm), shell radii and axis occupancy.
- massive.h5: a native dump with massive activations planted at chosen dimensions and tokens
  (the first token of every sequence, one delimiter), with positions and non-constant γ, and
  massive.expected.json: per site the median |x|, threshold, flagged counts by position, the top
  dimensions, the per-token max |x| and top-1 energy share, γ and the γ-ellipsoid's summary (one
  site's γ has a known spectrum), and the relative updates between consecutive sites of one
  kind, all from numpy.
- centred.h5: LayerNorm inputs mean-centred by construction (as TransformerLens' fold_ln and
  center_writing_weights leave them), γ = 1 stored at one site and none at the others.
- int8.h5: a native dump (8 sites, d = 32) with LLM.int8() outlier features planted at and
  around the rule's edges (|x| ≥ 6 at ≥ 6 % of the tokens at ≥ 25 % of the sites), and
  int8.expected.json: numpy's per-site counts of |x| ≥ 6 per dimension and the outlier dimensions.
- tanh-cases.json: points and the α of tanh(α·x) numpy finds by least squares.
- io-curve.h5 and io-curve.expected.json: the LayerNorm input–output curve. Site 000 has a known
  α: with ε = 1, a token holding ±a on 2k channels and 0 on the rest has σ² = (2k/d)·a², and a
  solving a/√(σ² + 1) = tanh(2a) puts all its points on tanh(2x) (a root exists while 2k/d < 1);
  300 tokens of k = 1 … 24 (d = 64) bend their lines into that curve exactly, so the fit is α = 2
  with no residual. Sites 001 (LayerNorm, float16) and 002 (RMSNorm) hold tokens with ‖x‖ from
  0.05·√d to 100·√d and non-zero means, with numpy's α and residual over all their points and
  the rows of their smallest, median and largest σ_t; site 003 is 001 without γ; site 004 holds
  constant rows with ε = 0, so no token has a standardization.
"""
import json
import os
import sys

import h5py
import numpy as np
import torch

LONG_MODULE = "model.encoder.transformer_stack." + "residual_block_with_pre_normalization." * 2
THRESHOLD_ABS, THRESHOLD_RATIO = 100.0, 1000.0


def uniform_complement(d):
    """An orthonormal basis of 1⊥ (d × (d − 1)) from a QR decomposition."""
    q, _ = np.linalg.qr(np.column_stack([np.ones(d), np.eye(d)[:, :d - 1]]))
    return q[:, 1:]


def svd_axes(gamma):
    """Semi-axes √d·σ_k(G·Q) ascending and their unit directions (largest coordinate > 0)."""
    d = gamma.size
    u, s, _ = np.linalg.svd(np.diag(gamma) @ uniform_complement(d), full_matrices=False)
    order = np.argsort(s, kind="stable")
    u = u[:, order]
    signs = np.sign(u[np.argmax(np.abs(u), axis=0), np.arange(u.shape[1])])
    return np.sqrt(d) * s[order], u * signs


def layer_norm_hyperplane(gamma, beta):
    zeros = gamma == 0
    d = gamma.size
    if not zeros.any():
        n = 1.0 / gamma
        unit = n / np.linalg.norm(n)
        along = unit @ beta
        return (n.sum() / (np.sqrt(d) * np.linalg.norm(n)), abs(along),
                np.linalg.norm(beta - along * unit))
    tilt = 1 / np.sqrt(d) if zeros.sum() == 1 else None
    return tilt, np.linalg.norm(beta[zeros]), np.linalg.norm(beta[~zeros])


def ellipsoid_case(name, kind, gamma, beta, rng, eps=1e-5, n_tokens=12):
    d = gamma.size
    if kind == "layernorm":
        lengths, directions = svd_axes(gamma)
        tilt, off, inside = layer_norm_hyperplane(gamma, beta)
    else:
        lengths = np.sort(np.sqrt(d) * np.abs(gamma))
        directions = None
        tilt, off, inside = None, None, np.linalg.norm(beta)
    zero_axes = int((lengths <= 1e-12 * np.sqrt(d) * np.abs(gamma).max()).sum())
    squares = lengths ** 2
    x = rng.normal(0, 1, size=(n_tokens, d)) * rng.uniform(0.05, 50, size=(n_tokens, 1)) \
        + rng.normal(0, 2, size=(n_tokens, 1))
    xt = torch.from_numpy(x)
    if kind == "layernorm":
        y = torch.nn.functional.layer_norm(xt, (d,), eps=eps).numpy()
    else:
        y = (xt / torch.sqrt((xt * xt).mean(dim=-1, keepdim=True) + eps)).numpy()
    z = y * gamma
    case = {"name": name, "kind": kind, "eps": eps, "gamma": gamma.tolist(),
            "beta": beta.tolist(), "lengths": lengths.tolist(), "tokens": x.tolist(),
            "standardized": y.tolist(), "radii": (np.linalg.norm(y, axis=1) / np.sqrt(d)).tolist(),
            "summary": {
                "axis_count": int(lengths.size), "zero_gammas": int((gamma == 0).sum()),
                "zero_axes": zero_axes, "axes_min": lengths.min(), "axes_max": lengths.max(),
                "axes_median": float(np.median(lengths)),
                "effective_axes": squares.sum() ** 2 / (squares ** 2).sum(),
                "tilt_cos": tilt, "beta_offplane": off, "beta_inplane": inside,
                "beta_uniform": beta.sum() / np.sqrt(d)}}
    if directions is not None:
        case["directions"] = directions.T.tolist()  # one row per axis
        with np.errstate(divide="ignore", invalid="ignore"):
            q = (z @ directions) ** 2 / squares
        q[:, lengths <= 1e-12 * np.sqrt(d) * np.abs(gamma).max()] = np.nan
        case["occupancy"] = np.where(np.isnan(q), None, q).tolist()
    return case


def ellipsoid_cases(rng):
    cases = []
    d = 40
    gamma = np.array([0.5] * 13 + [2.0] * 27)
    rng.shuffle(gamma)
    cases.append(ellipsoid_case("two values", "layernorm", gamma, np.zeros(d), rng))
    cases.append(ellipsoid_case("constant", "layernorm", np.full(d, 0.7),
                                rng.normal(0, 0.1, d), rng))
    cases.append(ellipsoid_case("random", "layernorm", rng.normal(1, 0.3, d),
                                rng.normal(0, 0.2, d), rng))
    negative = rng.normal(1, 0.3, d)
    negative[::5] *= -1
    cases.append(ellipsoid_case("negative entries", "layernorm", negative,
                                rng.normal(0, 0.2, d), rng))
    one_zero = rng.normal(1, 0.3, d)
    one_zero[11] = 0
    cases.append(ellipsoid_case("one zero", "layernorm", one_zero, rng.normal(0, 0.2, d), rng))
    two_zeros = rng.normal(1, 0.3, d)
    two_zeros[[3, 29]] = 0
    cases.append(ellipsoid_case("two zeros", "layernorm", two_zeros, rng.normal(0, 0.2, d), rng))
    close = rng.normal(1, 0.3, d)
    close[7] = close[8] * (1 + 1e-9)
    cases.append(ellipsoid_case("near tie", "layernorm", close, np.zeros(d), rng))
    cases.append(ellipsoid_case("d = 2", "layernorm", np.array([0.5, 3.0]),
                                np.array([0.25, -1.0]), rng))
    bf16 = torch.from_numpy(rng.normal(1, 0.05, 64).astype(np.float32)).to(torch.bfloat16)
    cases.append(ellipsoid_case("bfloat16 ties", "layernorm", bf16.double().numpy(),
                                rng.normal(0, 0.02, 64), rng))
    cases.append(ellipsoid_case("wide", "layernorm", np.abs(rng.standard_cauchy(256)) + 0.01,
                                rng.normal(0, 0.1, 256), rng))
    rms_gamma = rng.normal(1, 0.3, d)
    rms_gamma[4] = 0
    cases.append(ellipsoid_case("rmsnorm", "rmsnorm", rms_gamma, rng.normal(0, 0.1, d), rng))
    return cases


# --- massive activations -------------------------------------------------------------------

D_MASSIVE, SEQUENCES, LENGTH = 64, 8, 32
N_MASSIVE = SEQUENCES * LENGTH
# (key, layer, site, spread of the ordinary coordinates, planted {(row, dim): value})
FIRST_TOKENS = [s * LENGTH for s in range(SEQUENCES)]
MASSIVE_SITES = [
    ("000", 0, "ln1", 0.05, {(FIRST_TOKENS[2], 5): 150.0, (40, 9): 90.0}),
    ("001", 0, "ln2", 1.0, {}),
    ("002", 1, "ln1", 1.0, {**{(r, 7): 2500.0 for r in FIRST_TOKENS},
                            **{(r, 42): -1800.0 for r in FIRST_TOKENS},
                            (100, 7): 900.0, (77, 13): 300.0}),
    ("003", 1, "ln2", 1.0, {**{(r, 7): 2600.0 for r in FIRST_TOKENS}, (100, 7): 950.0}),
]


def flagged_counts(max_abs, position, threshold):
    flagged = max_abs >= threshold
    first = position == 0
    return {"tokens_flagged": int(flagged.sum()),
            "first_position_tokens": int(first.sum()),
            "first_position_flagged": int((flagged & first).sum()),
            "later_tokens": int((~first).sum()),
            "later_flagged": int((flagged & ~first).sum())}


def massive_expected(x, position):
    magnitudes = np.abs(x)
    median = float(np.median(magnitudes))
    threshold = max(THRESHOLD_ABS, THRESHOLD_RATIO * median)
    max_abs = magnitudes.max(axis=1)
    # Planted values sit far from the threshold, so the 2.2 % grid cannot change a count.
    assert np.all(np.abs(max_abs / threshold - 1) > 0.05), "a token too close to the threshold"
    peaks = magnitudes.max(axis=0)
    rows = magnitudes.argmax(axis=0)
    order = sorted(range(x.shape[1]), key=lambda i: (-peaks[i], i))[:10]
    return {"median_abs": median, "threshold": threshold,
            **flagged_counts(max_abs, position, threshold),
            "top_dims": [{"dim": i, "max_abs": float(peaks[i]), "token": int(rows[i]),
                          "position": int(position[rows[i]])} for i in order],
            "max_abs": max_abs.tolist(),
            "top1_energy_share": (max_abs ** 2 / (x ** 2).sum(axis=1)).tolist(),
            "int8_outlier_tokens": (magnitudes >= 6).sum(axis=0).tolist()}


def relative_updates(inputs):
    """numpy's relative update between consecutive sites of one kind, over all tokens."""
    updates = []
    by_kind = {}
    for key, layer, site, *_ in MASSIVE_SITES:
        if site in by_kind:
            before, after = inputs[by_kind[site]], inputs[key]
            u = (np.linalg.norm(after - before, axis=1) / np.linalg.norm(before, axis=1))
            u = u.astype(np.float32).astype(np.float64)  # the summaries sort float values
            updates.append({"from": int(by_kind[site]), "to": int(key), "mean": u.mean(),
                            "p10": np.percentile(u, 10), "p50": np.percentile(u, 50),
                            "p90": np.percentile(u, 90), "tokens": int(u.size)})
        by_kind[site] = key
    return updates


# One site's γ has a known spectrum: half 0.5, half 2.0 (d = 64). The secular equation then has
# roots 0.25 and 4 (31 each) and (0.25 + 4)/2, so the semi-axes are 4 (×31), √136 and 16 (×31).
KNOWN_SPECTRUM_SITE = "001"
KNOWN_SPECTRUM_GAMMA = np.repeat(np.array([0.5, 2.0], dtype=np.float32), D_MASSIVE // 2)


def site_ellipsoid(gamma, beta):
    """What `lngeom stats` reports as "gamma_ellipsoid" for a LayerNorm site, from an SVD."""
    gamma, beta = gamma.astype(np.float64), beta.astype(np.float64)
    lengths, _ = svd_axes(gamma)
    tilt, off, inside = layer_norm_hyperplane(gamma, beta)
    squares = lengths ** 2
    return {"axes_min": lengths.min(), "axes_median": float(np.median(lengths)),
            "axes_max": lengths.max(), "anisotropy": lengths.max() / lengths.min(),
            "effective_axes": squares.sum() ** 2 / (squares ** 2).sum(), "tilt_cos": tilt,
            "beta_offplane": off, "beta_inplane": inside}


def write_massive(outdir, rng):
    position = np.tile(np.arange(LENGTH, dtype=np.int32), SEQUENCES)
    sequence = np.repeat(np.arange(SEQUENCES, dtype=np.int32), LENGTH)
    expected, inputs = {"sites": []}, {}
    with h5py.File(os.path.join(outdir, "massive.h5"), "w") as f:
        f.attrs["format"] = "lngeom-activations"
        f.attrs["format_version"] = 1
        f.create_group("model").attrs.update(name="planted massive activations",
                                             norm_type="layernorm", d_model=D_MASSIVE, n_layers=2)
        f["position"] = position
        f["sequence"] = sequence
        residual = rng.normal(0, 1, size=(N_MASSIVE, D_MASSIVE))
        for key, layer, site, spread, planted in MASSIVE_SITES:
            x = (residual + rng.normal(0, 0.3, size=residual.shape)) * spread
            for (row, dim), value in planted.items():
                x[row, dim] = value
            x = x.astype(np.float32).astype(np.float64)
            inputs[key] = x
            group = f.create_group(f"norms/{key}")
            group.attrs.update(module=f"{LONG_MODULE}{layer}.{site}_layer_norm_module",
                               kind="layernorm", layer=layer, site=site, eps=1e-5)
            group["input"] = x.astype(np.float32)
            gamma = rng.normal(1, 0.3, D_MASSIVE).astype(np.float32)
            if key == KNOWN_SPECTRUM_SITE:
                gamma = KNOWN_SPECTRUM_GAMMA
            group["gamma"] = gamma
            beta = rng.normal(0, 0.1, D_MASSIVE).astype(np.float32)
            group["beta"] = beta
            expected["sites"].append({"key": key, **massive_expected(x, position),
                                      "gamma": gamma.astype(np.float64).tolist(),
                                      "gamma_ellipsoid": site_ellipsoid(gamma, beta)})
    expected["relative_updates"] = relative_updates(inputs)
    with open(os.path.join(outdir, "massive.expected.json"), "w") as out:
        json.dump(expected, out, indent=1)


# --- LLM.int8() outlier features --------------------------------------------------------------

D_INT8, N_INT8, INT8_SITES = 32, 200, 8
# {dim: (|x| planted, tokens per site, sites)}: dims 3, 11 (25 % of the sites exactly) and 25 (6 %
# of the tokens exactly, |x| = 6 exactly) are outliers; 20 (5.5 % of the tokens), 17 (one site
# of eight) and 29 (|x| = 5.9) are not.
INT8_PLANTED = {3: (8.0, 20, range(2, 8)), 11: (7.5, 24, range(0, 2)), 25: (6.0, 12, range(0, 4)),
                20: (9.0, 11, range(0, 8)), 17: (12.0, 40, range(5, 6)), 29: (5.9, 100, range(0, 8))}


def int8_expected(inputs):
    counts = [(np.abs(x) >= 6).sum(axis=0) for x in inputs]
    reaching = np.array([c >= 0.06 * N_INT8 for c in counts]).sum(axis=0)
    dims = [int(i) for i in np.flatnonzero(reaching >= 0.25 * len(inputs))]
    return {"d": D_INT8, "sites": len(inputs), "dims": dims,
            "sites_with": [int(reaching[i]) for i in dims],
            "counts": [c.tolist() for c in counts]}


def write_int8(outdir, rng):
    inputs = []
    with h5py.File(os.path.join(outdir, "int8.h5"), "w") as f:
        f.attrs["format"] = "lngeom-activations"
        f.attrs["format_version"] = 1
        f.create_group("model").attrs.update(name="planted LLM.int8() outlier features",
                                             norm_type="layernorm", d_model=D_INT8,
                                             n_layers=INT8_SITES // 2)
        f["position"] = np.tile(np.arange(N_INT8 // 4, dtype=np.int32), 4)
        f["sequence"] = np.repeat(np.arange(4, dtype=np.int32), N_INT8 // 4)
        for index in range(INT8_SITES):
            x = rng.normal(0, 1, size=(N_INT8, D_INT8)).clip(-4, 4)
            for dim, (value, tokens, sites) in INT8_PLANTED.items():
                if index in sites:
                    rows = rng.choice(N_INT8, tokens, replace=False)
                    x[rows, dim] = value * rng.choice([-1.0, 1.0], tokens)
            x = x.astype(np.float32)
            inputs.append(x.astype(np.float64))
            layer, site = index // 2, ("ln1", "ln2")[index % 2]
            group = f.create_group(f"norms/{index:03d}")
            group.attrs.update(module=f"{LONG_MODULE}{layer}.{site}_layer_norm_module",
                               kind="layernorm", layer=layer, site=site, eps=1e-5)
            group["input"] = x
    expected = int8_expected(inputs)
    assert expected["dims"] == [3, 11, 25], expected["dims"]
    with open(os.path.join(outdir, "int8.expected.json"), "w") as out:
        json.dump(expected, out, indent=1)


# --- a dump captured after LayerNorm folding ----------------------------------------------

def write_centred(outdir, rng):
    with h5py.File(os.path.join(outdir, "centred.h5"), "w") as f:
        f.attrs["format"] = "lngeom-activations"
        f.attrs["format_version"] = 1
        f.create_group("model").attrs.update(name="folded", norm_type="layernorm", d_model=768,
                                             n_layers=2)
        for index, (dtype, d) in enumerate([("float32", 96), ("float32", 96), ("float16", 768)]):
            x = rng.normal(0, 1, size=(200, d)) * rng.uniform(0.1, 100, size=(200, 1))
            x -= x.mean(axis=1, keepdims=True)
            group = f.create_group(f"norms/{index:03d}")
            group.attrs.update(module=f"{LONG_MODULE}{index}.ln", kind="layernorm",
                               layer=index, site="ln1", eps=1e-5)
            group["input"] = x.astype(dtype)
            if index == 1:
                group["gamma"] = np.ones(d, dtype=np.float32)
                group["beta"] = np.zeros(d, dtype=np.float32)


# --- tanh fits ---------------------------------------------------------------------------

def least_squares_alpha(x, y):
    """α of tanh(α·x) by a dense scan and Newton steps on the normal equation, in float64."""
    grid = np.concatenate([-np.logspace(-4, 4, 801), [0.0], np.logspace(-4, 4, 801)])
    sums = [((np.tanh(a * x) - y) ** 2).sum() for a in grid]
    alpha = grid[int(np.argmin(sums))]
    for _ in range(50):
        t = np.tanh(alpha * x)
        j = x * (1 - t * t)
        alpha -= ((t - y) * j).sum() / (j * j).sum()
    return alpha, float(np.sqrt(((np.tanh(alpha * x) - y) ** 2).mean()))


def tanh_cases(rng):
    cases = []
    x = rng.uniform(-6, 6, 2000)
    cases.append({"name": "exact", "x": x.tolist(), "y": np.tanh(0.7 * x).tolist(),
                  "alpha": 0.7, "residual_rms": 0.0})
    x = rng.normal(0, 3, 3000)
    y = np.tanh(1.3 * x) + rng.normal(0, 0.2, x.size)
    alpha, rms = least_squares_alpha(x, y)
    cases.append({"name": "noisy", "x": x.tolist(), "y": y.tolist(), "alpha": alpha,
                  "residual_rms": rms})
    x = rng.normal(0, 2, 1500)
    y = x / np.sqrt(1 + x * x)  # an S-curve that is not a tanh
    alpha, rms = least_squares_alpha(x, y)
    cases.append({"name": "other S-curve", "x": x.tolist(), "y": y.tolist(), "alpha": alpha,
                  "residual_rms": rms})
    return cases


def known_alpha_token(d, k, alpha, eps, rng):
    """±a on 2k channels and 0 on the rest, a solving a/√((2k/d)·a² + ε) = tanh(α·a)."""
    share = 2 * k / d
    # a/√(share·a² + ε) − tanh(α·a) is < 0 near 0 (α > 1/√ε) and > 0 far out (share < 1).
    low, high = 1e-6, 1e3
    for _ in range(200):
        middle = 0.5 * (low + high)
        if middle / np.sqrt(share * middle ** 2 + eps) < np.tanh(alpha * middle):
            low = middle
        else:
            high = middle
    row = np.zeros(d)
    channels = rng.permutation(d)[:2 * k]
    row[channels[:k]], row[channels[k:]] = low, -low
    return row


def standardized(x, kind, eps):
    centre = 0 if kind == "rmsnorm" else x.mean(axis=1, keepdims=True)
    return (x - centre) / np.sqrt(((x - centre) ** 2).mean(axis=1, keepdims=True) + eps), centre


def bending_rows(x, kind, eps):
    """Rows of the smallest, median and largest √(σ_t² + ε)."""
    _, centre = standardized(x, kind, eps)
    scale = np.sqrt(((x - centre) ** 2).mean(axis=1) + eps)
    order = np.argsort(scale, kind="stable")
    return [int(order[0]), int(order[len(order) // 2]), int(order[-1])]


def write_io_curve(outdir, rng):
    d, expected = 64, {}
    with h5py.File(os.path.join(outdir, "io-curve.h5"), "w") as f:
        f.attrs["format"] = "lngeom-activations"
        f.attrs["format_version"] = 1
        f.create_group("model").attrs.update(name="io-curve", norm_type="layernorm", d_model=d,
                                             n_layers=2)

        def site(index, kind, x, eps, dtype="float32", gamma=True, standardizable=True):
            group = f.create_group(f"norms/{index:03d}")
            group.attrs.update(module=f"{LONG_MODULE}{index}.norm", kind=kind, layer=index,
                               site="ln1", eps=eps)
            group.create_dataset("input", data=x.astype(dtype), maxshape=(None, d))
            if gamma:
                group["gamma"] = rng.normal(1, 0.2, d).astype(np.float32)
            if not standardizable:
                return
            stored = x.astype(dtype).astype(np.float64)
            y, _ = standardized(stored, kind, eps)
            alpha, rms = least_squares_alpha(stored.ravel(), y.ravel())
            expected[f"{index:03d}"] = {"alpha": alpha, "residual_rms": rms,
                                        "points": int(stored.size),
                                        "lines": bending_rows(stored, kind, eps)}

        n = 300  # every site of a native dump holds the same tokens
        known = np.array([known_alpha_token(d, 1 + t % 24, 2.0, 1.0, rng) for t in range(n)])
        site(0, "layernorm", known, 1.0, "float64")
        scales = np.exp(rng.uniform(np.log(0.05), np.log(100), n)) * np.sqrt(d)
        directions = rng.normal(0, 1, (n, d))
        directions /= np.linalg.norm(directions, axis=1, keepdims=True)
        wide = directions * scales[:, None] + rng.normal(0, 2, (n, 1))
        site(1, "layernorm", wide, 1e-5, "float16")
        site(2, "rmsnorm", wide[::-1].copy(), 1e-6)
        site(3, "layernorm", wide, 1e-5, gamma=False)
        constant = np.repeat(scales[:, None], d, axis=1)  # σ = 0 with ε = 0: no standardization
        site(4, "layernorm", constant, 0.0, standardizable=False)
    with open(os.path.join(outdir, "io-curve.expected.json"), "w") as out:
        json.dump(expected, out)


def main():
    outdir = sys.argv[1]
    os.makedirs(outdir, exist_ok=True)
    rng = np.random.default_rng(2405_04134)
    with open(os.path.join(outdir, "ellipsoid-cases.json"), "w") as out:
        json.dump({"cases": ellipsoid_cases(rng)}, out)
    write_massive(outdir, rng)
    write_centred(outdir, rng)
    write_int8(outdir, rng)
    with open(os.path.join(outdir, "tanh-cases.json"), "w") as out:
        json.dump({"cases": tanh_cases(rng)}, out)
    write_io_curve(outdir, rng)


if __name__ == "__main__":
    main()
