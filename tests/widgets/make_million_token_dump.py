"""Writes a synthetic native-layout dump with 2**20 tokens for the chart views' benchmarks.

Four norm sites (two layers, ln1 and ln2), d = 16, float32 inputs drawn around orthogonality
to 1 with a per-site mean shift, and token texts, sequences and positions. Usage:
    /usr/bin/python3 make_million_token_dump.py OUTPUT.h5
"""

import sys

import h5py
import numpy as np

N_TOKENS = 1 << 20
D_MODEL = 16
SEQUENCE_LENGTH = 1024
CHUNK_ROWS = 1 << 15


def write_site(norms, index, layer, site, rng):
    group = norms.create_group(f"{index:03d}")
    group.attrs.update(module=f"blocks.{layer}.{site}", kind="layernorm", layer=layer,
                       site=site, eps=1e-5)
    inputs = group.create_dataset("input", (N_TOKENS, D_MODEL), dtype="float32",
                                  chunks=(CHUNK_ROWS, D_MODEL))
    for first in range(0, N_TOKENS, CHUNK_ROWS):
        block = rng.standard_normal((CHUNK_ROWS, D_MODEL), dtype=np.float32)
        block += np.float32(0.05 * (index + 1))
        inputs[first:first + CHUNK_ROWS] = block


def main(path):
    rng = np.random.default_rng(6)
    with h5py.File(path, "w") as dump:
        dump.attrs.update(format="lngeom-activations", format_version=1)
        model = dump.create_group("model")
        model.attrs.update(name="synthetic-million", source="make_million_token_dump.py",
                           norm_type="layernorm", d_model=D_MODEL, n_layers=2)
        letters = np.array([chr(ord("a") + k).encode() for k in range(26)] + [b" "])
        dump.create_dataset("tokens", data=letters[rng.integers(0, 27, N_TOKENS)],
                            dtype=h5py.string_dtype("utf-8"))
        tokens = np.arange(N_TOKENS, dtype=np.int32)
        dump.create_dataset("sequence", data=tokens // SEQUENCE_LENGTH)
        dump.create_dataset("position", data=tokens % SEQUENCE_LENGTH)
        norms = dump.create_group("norms")
        for index, (layer, site) in enumerate([(0, "ln1"), (0, "ln2"), (1, "ln1"), (1, "ln2")]):
            write_site(norms, index, layer, site, rng)


if __name__ == "__main__":
    main(sys.argv[1])
