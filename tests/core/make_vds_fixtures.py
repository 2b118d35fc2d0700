#!/usr/bin/python3
"""Writes dumps in shards (tools/lngeom_shards.py) and the damaged variants the reader refuses.

Usage: /usr/bin/python3 make_vds_fixtures.py OUTDIR

Each case is a directory, since a master reads its shards from its own directory:
- good/: `whole.h5` (997 tokens, two float16 sites, one with output, tokens) and the same rows
  as three shards `dump-0000{0,1,2}.h5` (400, 300 and 297 rows) under the master `dump.h5`;
- missing/: the master with its second shard deleted;
- elsewhere/: a master whose source is named by an absolute path;
- pattern/: a source name with a `%` (HDF5 would read it as a printf pattern; h5py refuses
  a real pattern such as `%b` without unlimited selections, so `%%`, a literal percent sign);
- wrong_type/: the second shard stored as float32 under a float16 master;
- short/: the second shard with fewer rows than the master maps from it;
- gap/: a master whose mappings leave rows 400 to 699 unmapped;
- nested/: the second shard itself virtual;
- not_hdf5/, directory/, fifo/: the second shard replaced by a text file, a directory, a FIFO;
- changed/: only `dump-00001.h5`, good/'s second shard with the first site's inputs doubled in
  place (same size and layout), to replace good/'s and find the metrics cache stale.
"""
import os
import shutil
import sys

import h5py
import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tools"))
from lngeom_shards import write_master  # noqa: E402

D = 24
ROWS = (400, 300, 297)
RNG = np.random.default_rng(997)


def write_dump(path, x, y, tokens, sequence):
    with h5py.File(path, "w") as f:
        f.attrs["format"] = "lngeom-activations"
        f.attrs["format_version"] = 1
        f.create_group("model").attrs.update(name="vds fixture", norm_type="layernorm",
                                             d_model=D, n_layers=1)
        for key, site, has_output in (("000", "ln1", True), ("001", "final", False)):
            group = f.create_group(f"norms/{key}")
            group.attrs.update(module=f"blocks.0.{site}", kind="layernorm", layer=0, site=site,
                               eps=1e-5)
            group.create_dataset("input", data=x[key].astype("<f2"), chunks=(min(64, len(x[key])), D),
                                 compression="gzip")
            if has_output:
                group.create_dataset("output", data=y.astype("<f2"))
            group.create_dataset("gamma", data=np.linspace(0.5, 1.5, D).astype("<f4"))
        f.create_dataset("tokens", data=np.array(tokens, dtype=object),
                         dtype=h5py.string_dtype("utf-8"))
        f.create_dataset("sequence", data=sequence.astype(np.int32))
        f.create_dataset("position", data=(np.arange(len(sequence)) % 50).astype(np.int32))


def good(directory):
    n = sum(ROWS)
    norms = np.exp(RNG.uniform(np.log(0.05), np.log(100.0), size=(n, 1)))
    x = {key: RNG.normal(0.3, 1.0, size=(n, D)) * norms for key in ("000", "001")}
    y = RNG.normal(0.0, 1.0, size=(n, D))
    tokens = [f"tok{i}·" for i in range(n)]
    sequence = np.arange(n) // 50
    write_dump(os.path.join(directory, "whole.h5"), x, y, tokens, sequence)
    shards, start = [], 0
    for index, rows in enumerate(ROWS):
        part = slice(start, start + rows)
        path = os.path.join(directory, f"dump-{index:05d}.h5")
        # Each shard numbers its own sequences from 0, as separate export runs do.
        write_dump(path, {k: v[part] for k, v in x.items()}, y[part], tokens[part],
                   sequence[part] - sequence[start])
        shards.append(path)
        start += rows
    write_master(os.path.join(directory, "dump.h5"), shards)


def copy_case(outdir, name):
    directory = os.path.join(outdir, name)
    shutil.rmtree(directory, ignore_errors=True)
    shutil.copytree(os.path.join(outdir, "good"), directory)
    return directory


def virtual_master(path, sources, d=D, rows=None):
    """A one-site master mapping `sources` [(file name, dataset, first row, n rows)]."""
    total = rows or sum(n for _, _, _, n in sources)
    with h5py.File(path, "w") as f:
        f.attrs["format"] = "lngeom-activations"
        f.attrs["format_version"] = 1
        group = f.create_group("norms/000")
        group.attrs.update(module="blocks.0.ln1", kind="layernorm", layer=0, site="ln1", eps=1e-5)
        layout = h5py.VirtualLayout(shape=(total, d), dtype="<f2")
        for name, dataset, first, n in sources:
            layout[first:first + n] = h5py.VirtualSource(name, dataset, shape=(n, d), dtype="<f2")
        group.create_virtual_dataset("input", layout, fillvalue=np.nan)


def replace_second_shard(outdir, name, make):
    directory = copy_case(outdir, name)
    path = os.path.join(directory, "dump-00001.h5")
    os.remove(path)
    make(path)


def changed_shard(outdir):
    directory = os.path.join(outdir, "changed")
    shutil.rmtree(directory, ignore_errors=True)
    os.makedirs(directory)
    path = os.path.join(directory, "dump-00001.h5")
    shutil.copy(os.path.join(outdir, "good", "dump-00001.h5"), path)
    with h5py.File(path, "r+") as f:
        inputs = f["norms/000/input"]
        inputs[...] = inputs[...] * 2


def damaged(outdir):
    os.remove(os.path.join(copy_case(outdir, "missing"), "dump-00001.h5"))
    good_directory = os.path.join(outdir, "good")
    for name, source in (("elsewhere", os.path.join(good_directory, "dump-00000.h5")),
                         ("pattern", "dump-%%.h5")):
        directory = os.path.join(outdir, name)
        os.makedirs(directory, exist_ok=True)
        virtual_master(os.path.join(directory, "dump.h5"), [(source, "norms/000/input", 0, 400)])

    def float32_shard(path):
        with h5py.File(path, "w") as f:
            f.create_dataset("norms/000/input", data=np.ones((300, D), "<f4"))
    replace_second_shard(outdir, "wrong_type", float32_shard)

    def short_shard(path):
        with h5py.File(path, "w") as f:
            f.create_dataset("norms/000/input", data=np.ones((200, D), "<f2"))
    replace_second_shard(outdir, "short", short_shard)

    def nested_shard(path):
        with h5py.File(path, "w") as f:
            layout = h5py.VirtualLayout(shape=(300, D), dtype="<f2")
            layout[:] = h5py.VirtualSource("dump-00000.h5", "norms/000/input", shape=(300, D))
            f.create_virtual_dataset("norms/000/input", layout)
    replace_second_shard(outdir, "nested", nested_shard)

    def text_file(path):
        with open(path, "w") as f:
            f.write("not a shard\n")
    replace_second_shard(outdir, "not_hdf5", text_file)
    replace_second_shard(outdir, "directory", os.mkdir)
    replace_second_shard(outdir, "fifo", os.mkfifo)

    directory = copy_case(outdir, "gap")
    virtual_master(os.path.join(directory, "dump.h5"),
                   [("dump-00000.h5", "norms/000/input", 0, 400),
                    ("dump-00002.h5", "norms/000/input", 700, 297)], rows=sum(ROWS))


def main():
    outdir = sys.argv[1]
    directory = os.path.join(outdir, "good")
    shutil.rmtree(directory, ignore_errors=True)
    os.makedirs(directory)
    good(directory)
    changed_shard(outdir)
    damaged(outdir)


if __name__ == "__main__":
    main()
