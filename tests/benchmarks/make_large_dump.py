"""Writes a large native-layout dump for the app's scale benchmarks, streaming (bounded memory).

Realistic in what matters to the views: float16 inputs (and outputs at every other site), norms
‖x‖ spread log-uniformly from 0.05·√d to 100·√d, angles to 1 around 90° with a per-site shift,
130-character module paths, token texts, sequences and positions. Generated, never committed:
the 100M-token dump takes several GB, so write it to /tmp. Usage:
    /usr/bin/python3 make_large_dump.py OUTPUT.h5 --tokens 100000000 --sites 2 --d 8
--chunk-rows sets the rows of a chunk (default 65536: 1 MiB at d = 8; give 512 at d = 1024);
--reuse-blocks repeats each site's first block of rows (throughput benchmarks: much faster).
--affine stores a γ (log-normal around 1, a few coordinates 10× larger, as trained models have)
and a β at every site, and writes the outputs through them (the γ-ellipsoid's benchmarks).
"""

import argparse
import os
import sys

import h5py
import numpy as np

BLOCK_ROWS = 1 << 20
BLOCK_VALUES = 1 << 24  # a block of vectors in float32 takes at most 64 MiB, whatever d
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


def make_affine(d, rng):
    """A trained-looking γ and β: γ log-normal around 1 with a few coordinates 10× larger."""
    gamma = np.exp(rng.normal(0.0, 0.3, d))
    gamma[rng.choice(d, max(1, d // 256), replace=False)] *= 10.0
    return gamma.astype(np.float32), rng.normal(0.0, 0.05, d).astype(np.float32)


def make_block(rows, d, shift, rng, with_output, affine=None):
    """Inputs of `rows` tokens in float16, and their layer norm's outputs (or None)."""
    x = rng.standard_normal((rows, d), dtype=np.float32)
    x -= x.mean(axis=1, keepdims=True)
    x += np.float32(shift) * rng.standard_normal((rows, 1), dtype=np.float32)
    scale = np.exp(rng.uniform(np.log(0.05), np.log(100.0), (rows, 1))).astype(np.float32)
    x *= scale * np.float32(np.sqrt(d)) / np.maximum(np.linalg.norm(x, axis=1, keepdims=True),
                                                     np.float32(1e-6))
    if not with_output:
        return x.astype(np.float16), None
    y = x - x.mean(axis=1, keepdims=True)
    y /= np.sqrt((y * y).mean(axis=1, keepdims=True) + np.float32(1e-5))
    if affine is not None:
        y = y * affine[0] + affine[1]
    return x.astype(np.float16), y.astype(np.float16)


def write_site(norms, index, n_tokens, d, rng, chunk_rows, reuse_blocks, with_affine):
    layer, site = index // 2, ("ln1", "ln2")[index % 2]
    group = norms.create_group(f"{index:03d}")
    group.attrs.update(module=module_path(layer, site), kind="layernorm", layer=layer, site=site,
                       eps=1e-5)
    affine = make_affine(d, rng) if with_affine else None
    if affine is not None:
        group["gamma"], group["beta"] = affine
    chunks = (min(chunk_rows, n_tokens), d)
    inputs = group.create_dataset("input", (n_tokens, d), dtype="float16", chunks=chunks)
    with_output = index % 2 == 1
    output = (group.create_dataset("output", (n_tokens, d), dtype="float16", chunks=chunks)
              if with_output else None)
    shift = 0.02 * (index + 1)
    block_rows = max(1, min(BLOCK_ROWS, BLOCK_VALUES // d))
    block = None
    for first in range(0, n_tokens, block_rows):
        rows = min(block_rows, n_tokens - first)
        if block is None or not reuse_blocks:
            block = make_block(rows, d, shift, rng, with_output, affine)
        inputs[first:first + rows] = block[0][:rows]
        if with_output:
            output[first:first + rows] = block[1][:rows]


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
    parser.add_argument("--chunk-rows", type=int, default=CHUNK_ROWS)
    parser.add_argument("--reuse-blocks", action="store_true",
                        help="write each site's first block of vectors again for its other rows: "
                             "for throughput and memory benchmarks, which depend on the bytes, "
                             "not on distinct values (drawing GiBs of them takes many minutes)")
    parser.add_argument("--affine", action="store_true",
                        help="store a γ and a β at every site and write the outputs through them")
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
            write_site(norms, index, arguments.tokens, arguments.d, rng, arguments.chunk_rows,
                       arguments.reuse_blocks, arguments.affine)
    os.replace(partial, arguments.output)


if __name__ == "__main__":
    sys.exit(main())
