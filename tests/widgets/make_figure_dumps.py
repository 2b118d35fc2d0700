"""Writes dumps shaped like real models' for the figure and text-layout tests.

long-names.h5: a 100-character model name, 64 layers (129 norm sites: ln1 and ln2 per layer and
a final norm) with module paths of 130 characters, d = 64, float16 input and output, gamma and
beta. Tokens 0-3 have ‖x‖ = 0.05·√d, √d, 10·√d and 100·√d (a massive activation: one coordinate
carries most of it); the others spread log-uniformly between, all nearly orthogonal to 1. At the
final site no token is shorter than √d, so that ‖y‖ = √d·σ/√(σ² + ε) is constant to a few parts in
a million there.
one-site.h5: the same model reduced to its final norm, a dump where no site has a previous site
of its kind (no relative update). Usage:
    /usr/bin/python3 make_figure_dumps.py OUTPUT_DIR
"""

import os
import sys

import h5py
import numpy as np

D = 64
N_TOKENS = 96
LAYERS = 64
MODEL_NAME = ("KonaTransformer-en-de-big-v3 (encoder only, relative attention, 64 layers, "
              "checkpoint 2024-05-17, step 1M)")
PATH_HEAD = "Encoder_en/KonaTransformer/Encode"
SCALES = [0.05, 1.0, 10.0, 100.0]


def module_path(layer, site):
    """A TF-graph-like path of exactly 130 characters."""
    if site == "final":
        path = f"{PATH_HEAD}/final_layer_norm/layer_prepostprocess/layer_norm"
    else:
        block = "SelfAttention" if site == "ln1" else "FFN"
        path = f"{PATH_HEAD}/Layer_{layer}/TransformerLayer/{block}/layer_prepostprocess/layer_norm"
    return (path + "/normalization_with_gain_and_bias_parameters")[:130].ljust(130, "_")


def token_scales(rng):
    spread = np.exp(rng.uniform(np.log(0.05), np.log(100.0), N_TOKENS - len(SCALES)))
    return np.concatenate([SCALES, spread])


def site_inputs(rng, shift, shortest):
    """Directions nearly orthogonal to 1, scaled to each token's norm (at least `shortest`·√d)."""
    directions = rng.standard_normal((N_TOKENS, D))
    directions -= directions.mean(axis=1, keepdims=True)
    directions += shift / np.sqrt(D)
    directions[3, 0] += 20.0  # the massive activation
    directions /= np.linalg.norm(directions, axis=1, keepdims=True)
    scales = np.maximum(token_scales(np.random.default_rng(7)), shortest)
    return directions * scales[:, None] * np.sqrt(D)


def layer_norm(x, gamma, beta, eps=1e-5):
    centred = x - x.mean(axis=1, keepdims=True)
    return centred / np.sqrt(centred.var(axis=1, keepdims=True) + eps) * gamma + beta


def write_site(norms, index, layer, site, rng):
    group = norms.create_group(f"{index:03d}")
    group.attrs.update(module=module_path(layer, site), kind="layernorm", layer=layer, site=site,
                       eps=1e-5)
    x = site_inputs(rng, 0.02 * (index % 7), 1.0 if site == "final" else 0.0)
    gamma = rng.normal(1.0, 0.1, D)
    beta = rng.normal(0.0, 0.05, D)
    group.create_dataset("input", data=x.astype("<f2"))
    group.create_dataset("output", data=layer_norm(x, gamma, beta).astype("<f2"))
    group.create_dataset("gamma", data=gamma.astype("<f4"))
    group.create_dataset("beta", data=beta.astype("<f4"))


def long_names(path, sites_of_layers=LAYERS):
    """`sites_of_layers` blocks of ln1 and ln2, then the final norm."""
    rng = np.random.default_rng(13)
    with h5py.File(path, "w") as dump:
        dump.attrs.update(format="lngeom-activations", format_version=1)
        model = dump.create_group("model")
        model.attrs.update(name=MODEL_NAME, source="tests/widgets/make_figure_dumps.py",
                           norm_type="layernorm", d_model=D, n_layers=LAYERS)
        texts = [f"▁tok{k}" if k % 5 else f" word{k}" for k in range(N_TOKENS)]
        dump.create_dataset("tokens", data=texts, dtype=h5py.string_dtype("utf-8"))
        tokens = np.arange(N_TOKENS, dtype=np.int32)
        dump.create_dataset("sequence", data=tokens // 32)
        dump.create_dataset("position", data=tokens % 32)
        norms = dump.create_group("norms")
        sites = [(layer, site) for layer in range(sites_of_layers) for site in ("ln1", "ln2")]
        for index, (layer, site) in enumerate(sites + [(sites_of_layers, "final")]):
            write_site(norms, index, layer, site, rng)


def main(directory):
    os.makedirs(directory, exist_ok=True)
    long_names(os.path.join(directory, "long-names.h5"))
    long_names(os.path.join(directory, "one-site.h5"), sites_of_layers=0)


if __name__ == "__main__":
    main(sys.argv[1])
