#!/usr/bin/python3
"""Writes the fuzzer's seed corpus: small, valid dumps in every storage layout, element type and
HDF5 file-format version lngeom reads, so that mutations start from each of them.

Usage: /usr/bin/python3 make_seeds.py OUTDIR

One native dump per (file-format version, storage layout); its two sites take the next two of
float16, bfloat16, float32 and float64 in turn, so every element type is stored in every layout
in one version or the other, with output, gamma, beta and the token columns. Two sites, not
four: the fuzzer's time per input grows with the sites, and two still cover what spans sites. The versions:
h5py's default (superblock 0, version 1 object headers, symbol-table groups, v1 B-tree chunk
indexes) and libver "latest" (superblock 3, checksummed version 2 headers, compact and dense
link storage, and the chunk indexes of HDF5 1.10: single chunk, implicit, fixed array,
extensible array, v2 B-tree). Then generic (n_tokens, d) and (n_layers, n_tokens, d) files,
big-endian values, fixed-length tokens and creation-order-tracked groups. Every seed is a
valid dump: test_fuzz_regressions reads each without a refusal.
"""
import os
import sys

import h5py
import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "core"))
from make_io_fixtures import vectors, write_array, write_model, write_root  # noqa: E402

N, D = 12, 8
TYPES = ["<f2", "bfloat16", "<f4", "<f8"]
LAYOUTS = {
    "contiguous": {},
    "compact": {"compact": True},
    "chunked": {"chunks": (4, D)},
    "single_chunk": {"chunks": (N, D)},
    "implicit": {"chunks": (4, D), "alloc_early": True},
    "extensible": {"chunks": (4, D), "maxshape": (None, D)},
    "two_unlimited": {"chunks": (4, D), "maxshape": (None, None)},
    "gzip_shuffle": {"chunks": (4, D), "compression": "gzip", "shuffle": True},
    "fletcher32": {"chunks": (4, D), "fletcher32": True},
}


def create(group, name, values, dtype, layout):
    """A dataset in `layout`; compact storage and early allocation need the low-level API."""
    options = {k: v for k, v in layout.items() if k not in ("compact", "alloc_early")}
    if not (layout.get("compact") or layout.get("alloc_early")):
        return write_array(group, name, values, dtype, **options)
    data = write_array(group, name + "_tmp", values, dtype)
    tmp = group[name + "_tmp"]
    properties = h5py.h5p.create(h5py.h5p.DATASET_CREATE)
    if layout.get("compact"):
        properties.set_layout(h5py.h5d.COMPACT)
    else:
        properties.set_chunk(layout["chunks"])
        properties.set_alloc_time(h5py.h5d.ALLOC_TIME_EARLY)
    space = h5py.h5s.create_simple(tmp.shape)
    h5py.h5d.create(group.id, name.encode(), tmp.id.get_type(), space, dcpl=properties)
    group[name][...] = tmp[...]
    for key, value in tmp.attrs.items():
        group[name].attrs[key] = value
    del group[name + "_tmp"]
    return data


def native_seed(path, layout, libver, types, track_order=False):
    with h5py.File(path, "w", libver=libver, track_order=track_order) as f:
        write_root(f)
        write_model(f, D, len(types))
        for index, dtype in enumerate(types):
            group = f.create_group(f"norms/{index:03d}")
            group.attrs.update({"module": f"blocks.{index}.ln1", "kind": "layernorm",
                                "layer": index, "site": "ln1", "eps": 1e-5})
            create(group, "input", vectors(N, D), dtype, layout)
            create(group, "output", vectors(N, D, 1.0), dtype, layout)
            write_array(group, "gamma", np.linspace(0.5, 1.5, D), dtype)
            write_array(group, "beta", np.linspace(-0.1, 0.1, D), dtype)
        f.create_dataset("tokens", data=[f"t{i}é" for i in range(N)], dtype=h5py.string_dtype())
        f.create_dataset("sequence", data=np.arange(N, dtype="<i4") // 4)
        f.create_dataset("position", data=np.arange(N, dtype="<i4") % 4)


def other_seeds(outdir):
    for libver in ("earliest", "latest"):
        with h5py.File(os.path.join(outdir, f"generic_2d_{libver}.h5"), "w", libver=libver) as f:
            write_array(f, "hidden", vectors(N, D), "<f4", chunks=(4, D), compression="gzip")
        with h5py.File(os.path.join(outdir, f"generic_3d_{libver}.h5"), "w", libver=libver) as f:
            write_array(f.create_group("run"), "hidden_states", vectors(3 * N, D).reshape(3, N, D),
                        "<f2", chunks=(1, 4, D))
    with h5py.File(os.path.join(outdir, "big_endian.h5"), "w") as f:
        write_root(f)
        for index, dtype in enumerate([">f2", ">f4", ">f8", ">bfloat16"]):
            group = f.create_group(f"norms/{index:03d}")
            write_array(group, "input", vectors(N, D), dtype, chunks=(4, D))
    with h5py.File(os.path.join(outdir, "fixed_tokens.h5"), "w") as f:
        write_root(f)
        write_array(f.create_group("norms/000"), "input", vectors(N, D), "<f4")
        f.create_dataset("tokens", data=np.array([b"tok%d" % i for i in range(N)]))
    native_seed(os.path.join(outdir, "track_order_latest.h5"), LAYOUTS["chunked"], "latest",
                TYPES[:2], track_order=True)


def main():
    outdir = sys.argv[1]
    os.makedirs(outdir, exist_ok=True)
    for version, libver in enumerate(("earliest", "latest")):
        for index, (name, layout) in enumerate(LAYOUTS.items()):
            first = 2 * (index + version)
            types = [TYPES[first % len(TYPES)], TYPES[(first + 1) % len(TYPES)]]
            native_seed(os.path.join(outdir, f"native_{name}_{libver}.h5"), layout, libver, types)
    other_seeds(outdir)


if __name__ == "__main__":
    main()
