#!/usr/bin/python3
"""Writes the gzip-compressed datasets whose chunks lngeom decodes itself, for
test_chunked_read: every layout the reader meets, and damaged chunks.

Usage: /usr/bin/python3 make_chunk_fixtures.py OUTDIR

layouts.h5 holds one dataset per element type and filter pipeline, all with partial edge chunks
along every axis and chunks over columns; the test reads boxes of each both ways (lngeom's
decoding and libhdf5's H5Dread) and compares the bytes. damaged.h5 holds chunks that must be
refused with a message: a corrupt gzip stream, a failed fletcher32 checksum. The bombs are
written by make_bad_corpus.py's gzip_bomb: one chunk inflating far beyond its size in one or
two gzip passes.
"""
import os
import sys
import zlib

import h5py
import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data"))
from make_bad_corpus import gzip_bomb  # noqa: E402

RNG = np.random.default_rng(20261206)
SHAPE = (37, 10)
CHUNKS = (8, 4)
DTYPES = {"f2le": "<f2", "f2be": ">f2", "f4le": "<f4", "f4be": ">f4", "f8le": "<f8",
          "f8be": ">f8", "i4le": "<i4", "u2be": ">u2"}
PIPELINES = {
    "gzip": {"compression": "gzip"},
    "gzip_shuffle": {"compression": "gzip", "shuffle": True},
    "gzip_fletcher32": {"compression": "gzip", "fletcher32": True},
    "gzip_shuffle_fletcher32": {"compression": "gzip", "shuffle": True, "fletcher32": True},
}


def values(shape, dtype):
    """Activations from 0.05 to 100 in size, with a few infinities and NaNs for floats."""
    x = RNG.normal(0.0, 1.0, size=shape) * np.exp(RNG.uniform(np.log(0.05), np.log(100.0), shape))
    if np.dtype(dtype).kind != "f":
        return (x * 1000).astype(dtype)
    x = x.astype(dtype)
    special = [np.inf, -np.inf, np.nan]
    x.flat[[3, 7, 5][:x.size // 4]] = special[:x.size // 4]
    return x


def low_level(f, name, data, chunks, filters, fill=None):
    """A dataset whose pipeline h5py's high-level API cannot make: filters in the given order."""
    properties = h5py.h5p.create(h5py.h5p.DATASET_CREATE)
    properties.set_chunk(chunks)
    for apply in filters:
        apply(properties)
    if fill is not None:
        properties.set_fill_value(np.array(fill, dtype=data.dtype))
    space = h5py.h5s.create_simple(data.shape)
    dataset = h5py.h5d.create(f.id, name.encode(), h5py.h5t.py_create(data.dtype), space,
                              dcpl=properties)
    dataset.write(h5py.h5s.ALL, h5py.h5s.ALL, np.ascontiguousarray(data))
    return dataset


def layouts(path):
    with h5py.File(path, "w") as f:
        for type_name, dtype in DTYPES.items():
            for pipeline_name, options in PIPELINES.items():
                f.create_dataset(f"{type_name}_{pipeline_name}", data=values(SHAPE, dtype),
                                 chunks=CHUNKS, **options)
        # Three sites stacked as one array, chunked over tokens and columns, as in the bundle.
        f.create_dataset("f2le_rank3", data=values((3, 37, 10), "<f2"), chunks=(1, 8, 4),
                         compression="gzip", shuffle=True)
        f.create_dataset("i4le_rank1", data=np.arange(100, dtype="<i4") % 10, chunks=(16,),
                         compression="gzip", compression_opts=9)
        # Two gzip passes; fletcher32 undone before shuffle (applied in this order when written).
        low_level(f, "f4le_gzip_twice", values(SHAPE, "<f4"), CHUNKS,
                  [lambda p: p.set_deflate(1), lambda p: p.set_deflate(6)])
        low_level(f, "f4le_fletcher32_shuffle_gzip", values(SHAPE, "<f4"), CHUNKS,
                  [lambda p: p.set_fletcher32(), lambda p: p.set_shuffle(),
                   lambda p: p.set_deflate(4)])
        # Chunks never written read as the fill value: a user-defined one, and the default zero.
        sparse = f.create_dataset("f4le_fill", shape=SHAPE, dtype="<f4", chunks=CHUNKS,
                                  compression="gzip", fillvalue=7.25)
        sparse[8:16, 4:8] = values((8, 4), "<f4")
        sparse[32:37, 8:10] = values((5, 2), "<f4")
        default = f.create_dataset("f2be_fill_default", shape=SHAPE, dtype=">f2", chunks=CHUNKS,
                                   compression="gzip", shuffle=True)
        default[0:8, 0:4] = values((8, 4), ">f2")
        # A chunk stored with its gzip filter skipped (filter mask bit 0), as HDF5 does when an
        # optional filter fails; the others compressed.
        skipped = f.create_dataset("f4le_gzip_skipped", data=values(SHAPE, "<f4"), chunks=CHUNKS,
                                   compression="gzip")
        raw = np.ascontiguousarray(values(CHUNKS, "<f4"))
        skipped.id.write_direct_chunk((8, 4), raw.tobytes(), 1)


def corrupt_stream(f):
    dataset = f.create_dataset("corrupt_stream", data=values(SHAPE, "<f4"), chunks=CHUNKS,
                               compression="gzip")
    chunk = np.ascontiguousarray(values(CHUNKS, "<f4")).tobytes()
    stream = bytearray(zlib.compress(chunk))
    stream[len(stream) // 2:] = bytes(len(stream) - len(stream) // 2)  # its second half zeroed
    dataset.id.write_direct_chunk((8, 4), bytes(stream), 0)


def failed_checksum(path):
    with h5py.File(path, "a") as f:
        f.create_dataset("failed_checksum", data=values(SHAPE, "<f4"), chunks=CHUNKS,
                         compression="gzip", fletcher32=True)
    with h5py.File(path, "r") as f:
        info = f["failed_checksum"].id.get_chunk_info_by_coord((8, 4))
    with open(path, "r+b") as f:  # one byte of the compressed stream, not of the checksum
        f.seek(info.byte_offset + 8)
        byte = f.read(1)
        f.seek(info.byte_offset + 8)
        f.write(bytes([byte[0] ^ 0x10]))


def main():
    outdir = sys.argv[1]
    os.makedirs(outdir, exist_ok=True)
    layouts(os.path.join(outdir, "layouts.h5"))
    damaged = os.path.join(outdir, "damaged.h5")
    with h5py.File(damaged, "w") as f:
        corrupt_stream(f)
    failed_checksum(damaged)
    # 64 KiB chunks: 32 MiB in one pass (32 KiB stored), 1 GiB in two (a few KiB stored).
    gzip_bomb(outdir, "bomb_single.h5", (16, 1024), 1, 32)
    gzip_bomb(outdir, "bomb_double.h5", (16, 1024), 2, 1024)


if __name__ == "__main__":
    main()
