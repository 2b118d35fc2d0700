"""Writes a large native-layout dump for the app's scale benchmarks, streaming (bounded memory).

Realistic in what matters to the views: float16 inputs (and outputs at every other site), norms
‖x‖ spread log-uniformly from 0.05·√d to 100·√d, angles to 1 around 90° with a per-site shift,
130-character module paths, token texts, sequences and positions. Generated, never committed:
the 100M-token dump takes several GB, so write it to /tmp. Usage:
    /usr/bin/python3 make_large_dump.py OUTPUT.h5 --tokens 100000000 --sites 2 --d 8
"""

import argparse
import os
import sys

import h5py
import numpy as np

BLOCK_ROWS = 1 << 20
CHUNK_ROWS = 1 << 16
SEQUENCE_LENGTH = 1024
WORDS = np.array([w.encode() for w in (
    "the of and to in is was for on that with as by at from his her it an were are which this "
    "be or has had not but first one their its new after who they two have been also other "
    "layer norm hidden vector token model attention residual stream").split()] + [b" ", b"\n"])


def module_path(layer, site):
    """A module path of 130 characters, as deep models name theirs."""
    stem = f"model.language_model.decoder.transformer_stack.layers.{layer}.block.{site}_norm"
    return (stem + "." + "sublayer_wrapper_" * 8)[:130]


def write_block(dataset, first, rows, d, shift, rng, with_output, output):
    x = rng.standard_normal((rows, d), dtype=np.float32)
    x -= x.mean(axis=1, keepdims=True)
    x += np.float32(shift) * rng.standard_normal((rows, 1), dtype=np.float32)
    scale = np.exp(rng.uniform(np.log(0.05), np.log(100.0), (rows, 1))).astype(np.float32)
    x *= scale * np.float32(np.sqrt(d)) / np.maximum(np.linalg.norm(x, axis=1, keepdims=True),
                                                     np.float32(1e-6))
    dataset[first:first + rows] = x.astype(np.float16)
    if with_output:
        y = x - x.mean(axis=1, keepdims=True)
        y /= np.sqrt((y * y).mean(axis=1, keepdims=True) + np.float32(1e-5))
        output[first:first + rows] = y.astype(np.float16)


def write_site(norms, index, n_tokens, d, rng):
    layer, site = index // 2, ("ln1", "ln2")[index % 2]
    group = norms.create_group(f"{index:03d}")
    group.attrs.update(module=module_path(layer, site), kind="layernorm", layer=layer, site=site,
                       eps=1e-5)
    chunks = (min(CHUNK_ROWS, n_tokens), d)
    inputs = group.create_dataset("input", (n_tokens, d), dtype="float16", chunks=chunks)
    with_output = index % 2 == 1
    output = (group.create_dataset("output", (n_tokens, d), dtype="float16", chunks=chunks)
              if with_output else None)
    shift = 0.02 * (index + 1)
    for first in range(0, n_tokens, BLOCK_ROWS):
        rows = min(BLOCK_ROWS, n_tokens - first)
        write_block(inputs, first, rows, d, shift, rng, with_output, output)


def write_token_columns(dump, n_tokens, rng):
    chunks = (min(CHUNK_ROWS * 4, n_tokens),)
    texts = dump.create_dataset("tokens", (n_tokens,), dtype="S12", chunks=chunks)
    sequence = dump.create_dataset("sequence", (n_tokens,), dtype="int32", chunks=chunks)
    position = dump.create_dataset("position", (n_tokens,), dtype="int32", chunks=chunks)
    for first in range(0, n_tokens, BLOCK_ROWS):
        rows = min(BLOCK_ROWS, n_tokens - first)
        texts[first:first + rows] = WORDS[rng.integers(0, len(WORDS), rows)]
        index = np.arange(first, first + rows, dtype=np.int64)
        sequence[first:first + rows] = (index // SEQUENCE_LENGTH).astype(np.int32)
        position[first:first + rows] = (index % SEQUENCE_LENGTH).astype(np.int32)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output")
    parser.add_argument("--tokens", type=int, required=True)
    parser.add_argument("--sites", type=int, default=2)
    parser.add_argument("--d", type=int, default=8)
    arguments = parser.parse_args()
    rng = np.random.default_rng(16)
    partial = arguments.output + ".partial"
    with h5py.File(partial, "w") as dump:
        dump.attrs.update(format="lngeom-activations", format_version=1)
        dump.create_group("model").attrs.update(
            name=f"synthetic-{arguments.tokens}", source="make_large_dump.py",
            norm_type="layernorm", d_model=arguments.d, n_layers=(arguments.sites + 1) // 2)
        write_token_columns(dump, arguments.tokens, rng)
        norms = dump.create_group("norms")
        for index in range(arguments.sites):
            write_site(norms, index, arguments.tokens, arguments.d, rng)
    os.replace(partial, arguments.output)


if __name__ == "__main__":
    sys.exit(main())
