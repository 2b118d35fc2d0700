#!/usr/bin/python3
"""Writes the dumps the shard, merge and MPI tests run `lngeom stats` on.

Usage: /usr/bin/python3 make_cluster_fixtures.py OUTDIR

- `many-sites.h5`: 129 float16 sites of 1009 tokens (a prime), d = 64, gzip chunks of 64 rows,
  130-character module paths, norms log-uniform from 0.05√d to 100√d, a few degenerate rows;
- `many-sites-copy.h5`: the same layout with other values (a different dump of the same shape);
- `tiny.h5`: two sites of 3 tokens, fewer than the ranks of a 4-process job;
- `failing-rank.h5`: two sites of 4000 tokens in gzip chunks of 100 rows, the next-to-last
  chunk of site 001's input overwritten: the process that reads the second half of that site
  fails. Not the last chunk: the validation probe reads each site's first and last rows.
"""
import os
import sys

import h5py
import numpy as np

D = 64


def module_path(layer, site):
    """A module path of 130 characters, as deep wrappers (FSDP, PEFT, compile) produce."""
    stem = f"_fsdp_wrapped_module._checkpoint_wrapped_module.base_model.model.layers.{layer}.{site}"
    return ("_orig_mod." * 20 + stem)[-130:]


def vectors(rng, n, spread=True):
    x = rng.normal(0.0, 1.0, size=(n, D)) + rng.normal(0.0, 0.2, size=(1, D))
    if spread:  # ‖x‖ ≈ √d times 0.05 … 100
        x *= np.exp(rng.uniform(np.log(0.05), np.log(100.0), size=(n, 1)))
    return x


def write_root(f, n_layers):
    f.attrs["format"] = "lngeom-activations"
    f.attrs["format_version"] = 1
    model = f.create_group("model")
    model.attrs.update(name="cluster fixture", source="tests/app/make_cluster_fixtures.py",
                       norm_type="layernorm", d_model=D, n_layers=n_layers)


ROLES = {"ln1": "pre-attention", "ln2": "pre-mlp"}


def write_site(f, key, layer, site, x, chunk_rows, output=True):
    group = f.create_group(f"norms/{key}")
    group.attrs.update(module=module_path(layer, site), kind="layernorm", layer=layer, site=site,
                       eps=1e-5, stack="decoder", role=ROLES.get(site, "final"))
    if site == "ln1":  # a placement with every field, which states must carry to the report
        group.attrs.update(call=0, head=layer % 4, slot=1)
    options = {"chunks": (min(chunk_rows, len(x)), D), "compression": "gzip"}
    group.create_dataset("input", data=x.astype("<f2"), **options)
    if output:
        mean = x.mean(axis=1, keepdims=True)
        y = (x - mean) / np.sqrt(x.var(axis=1, keepdims=True) + 1e-5)
        group.create_dataset("output", data=(1.1 * y + 0.05).astype("<f2"), **options)


def many_sites(path, seed):
    rng = np.random.default_rng(seed)
    with h5py.File(path, "w") as f:
        write_root(f, 64)
        for index in range(129):
            x = vectors(rng, 1009)
            if index % 16 == 3:
                x[5] = 0.0          # a zero vector
                x[6, 3] = np.nan    # a non-finite one
            layer, site = (index // 2, ("ln1", "ln2")[index % 2]) if index < 128 else (64, "final")
            write_site(f, f"{index:03d}", layer, site, x, 64, output=index % 3 != 2)


def tiny(path):
    rng = np.random.default_rng(5)
    with h5py.File(path, "w") as f:
        write_root(f, 1)
        write_site(f, "000", 0, "ln1", vectors(rng, 3), 1)
        write_site(f, "001", 0, "final", vectors(rng, 3), 1, output=False)


def failing_rank(path):
    rng = np.random.default_rng(6)
    with h5py.File(path, "w") as f:
        write_root(f, 1)
        write_site(f, "000", 0, "ln1", vectors(rng, 4000), 100)
        write_site(f, "001", 0, "ln2", vectors(rng, 4000), 100)
    with h5py.File(path, "r") as f:
        dataset = f["norms/001/input"].id
        chunk = dataset.get_chunk_info_by_coord((3800, 0))
    with open(path, "r+b") as f:
        f.seek(chunk.byte_offset)
        f.write(b"\xff" * chunk.size)


def main():
    outdir = sys.argv[1]
    os.makedirs(outdir, exist_ok=True)
    many_sites(os.path.join(outdir, "many-sites.h5"), 1)
    many_sites(os.path.join(outdir, "many-sites-copy.h5"), 2)
    tiny(os.path.join(outdir, "tiny.h5"))
    failing_rank(os.path.join(outdir, "failing-rank.h5"))


if __name__ == "__main__":
    main()
