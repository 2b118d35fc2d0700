#!/usr/bin/python3
"""Writes the hostile-input corpus: files that must open with a clear error, and valid files
with degenerate data (NaN, Inf, denormals, zero and constant vectors, declared terabytes)
whose flagged counts numpy computes here. Dumps without tokens (0 rows) are bad files: there is
nothing to show.

Usage: /usr/bin/python3 make_bad_corpus.py OUTDIR

It adds to the bad files tests/core/make_io_fixtures.py already writes (and reuses its
writers); the fuzzer seeds with both. For every degenerate file, `<file>.counts` holds one line
per site: key n_tokens n_invalid n_non_finite n_zero n_constant n_invalid_output, classified by
numpy with the definitions of docs/METRICS.md. Non-regular files (a FIFO, a directory) go into
OUTDIR/special/ so that tools reading the corpus as plain files never block on them.

Resource bombs: gzip chunks that inflate far beyond their chunk, a chunk of 2**31 values,
10**15 declared rows, a million attributes, groups nested ten thousand deep. The million
attributes take libhdf5 seconds to write, so that file is kept once written.
"""
import os
import shutil
import sys
import zlib

import h5py
import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "core"))
from make_io_fixtures import (  # noqa: E402
    broken_native, corrupt_first_chunk, replace, vectors, write_model, write_root, write_site,
    write_token_columns)

TERA_ROWS = 2**40
HUGE_D = 2**40


def outside_file(outdir):
    """A valid HDF5 file the hostile files point at from the inside."""
    path = os.path.join(outdir, "target.h5")
    with h5py.File(path, "w") as f:
        f.create_dataset("x", data=np.ones((10, 8), "<f4"))
    return path


def drop_output_and_affine(group):
    for name in ("output", "gamma", "beta"):
        del group[name]


def native_edits(outdir, fifo):
    target = outside_file(outdir)
    raw = os.path.join(outdir, "raw_values.bin")
    np.ones((10, 8), "<f4").tofile(raw)

    def external_storage(f, g):
        del g["input"]
        g.create_dataset("input", shape=(10, 8), dtype="<f4", external=[(raw, 0, 320)])

    def virtual_input(f, g):
        del g["input"]
        layout = h5py.VirtualLayout(shape=(10, 8), dtype="<f4")
        layout[:] = h5py.VirtualSource(target, "x", shape=(10, 8))
        g.create_virtual_dataset("input", layout)

    def soft_cycle(f, g):
        del g["input"]
        g["input"] = h5py.SoftLink("/norms/000/loop")
        g["loop"] = h5py.SoftLink("/norms/000/input")

    def unallocated_chunk_of(shape, chunks):
        def edit(f, g):
            drop_output_and_affine(g)
            del g["input"]
            g.create_dataset("input", shape=shape, maxshape=(None, shape[1]), chunks=chunks,
                             dtype="<f4")
        return edit

    return {
        "input_rank1.h5": lambda f, g: replace(g, "input", np.zeros(10, "<f4")),
        "input_scalar.h5": lambda f, g: replace(g, "input", np.float32(1)),
        "input_float128.h5": lambda f, g: replace(g, "input", np.zeros((10, 8), np.longdouble)),
        "input_uint16_untagged.h5": lambda f, g: replace(g, "input", np.zeros((10, 8), "<u2")),
        "input_bool.h5": lambda f, g: replace(g, "input", np.zeros((10, 8), bool)),
        "output_more_rows.h5": lambda f, g: replace(g, "output", np.zeros((11, 8), "<f4")),
        "output_int.h5": lambda f, g: replace(g, "output", np.zeros((10, 8), "<i4")),
        "output_unavailable_filter.h5": lambda f, g: (
            g.__delitem__("output"),
            g.create_dataset("output", data=np.ones((10, 8), "<f4"), compression=32015,
                             allow_unknown_filter=True)),
        "gamma_strings.h5": lambda f, g: replace(g, "gamma", np.array([b"1.0"] * 8)),
        "beta_scalar.h5": lambda f, g: replace(g, "beta", np.float32(0)),
        "eps_as_text.h5": lambda f, g: g.attrs.__setitem__("eps", "1e-5"),
        "version_as_text.h5": lambda f, g: f.attrs.__setitem__("format_version", "1"),
        "kind_array.h5": lambda f, g: g.attrs.__setitem__("kind", ["layernorm", "rmsnorm"]),
        "soft_link_cycle.h5": soft_cycle,
        "norms_hard_cycle.h5": lambda f, g: f["norms"].__setitem__("001", f["norms"]),
        "external_link_input.h5": lambda f, g: (
            g.__delitem__("input"), g.__setitem__("input", h5py.ExternalLink(target, "/x"))),
        "external_link_fifo.h5": lambda f, g: (
            g.__delitem__("input"), g.__setitem__("input", h5py.ExternalLink(fifo, "/x"))),
        "external_storage.h5": external_storage,
        "virtual_input.h5": virtual_input,
        "tokens_2d.h5": lambda f, g: f.create_dataset("tokens", data=np.zeros((10, 2), "<i4")),
        "position_float.h5": lambda f, g: f.create_dataset("position", data=np.zeros(10, "<f4")),
        "absurd_chunk.h5": unallocated_chunk_of((10, 8), (2**26, 8)),
    }


def generic_files(outdir):
    with h5py.File(os.path.join(outdir, "generic_no_layers.h5"), "w") as f:
        f.create_dataset("hidden", data=np.zeros((0, 5, 8), "<f4"))
    with h5py.File(os.path.join(outdir, "generic_3d_d0.h5"), "w") as f:
        f.create_dataset("hidden", data=np.zeros((3, 5, 0), "<f4"))
    with h5py.File(os.path.join(outdir, "external_link_generic.h5"), "w") as f:
        f["hidden"] = h5py.ExternalLink(os.path.join(outdir, "target.h5"), "/x")
    with h5py.File(os.path.join(outdir, "huge_d.h5"), "w") as f:
        f.create_dataset("hidden", shape=(4, HUGE_D), chunks=(1, 2**16), dtype="<f4")
    with h5py.File(os.path.join(outdir, "fletcher32_corrupt.h5"), "w") as f:
        f.create_dataset("hidden", data=vectors(10, 8).astype("<f4"), chunks=(5, 8),
                         fletcher32=True)
    corrupt_first_chunk_bytes(os.path.join(outdir, "fletcher32_corrupt.h5"), "hidden")


def corrupt_first_chunk_bytes(path, dataset):
    """Flips the first bytes of the dataset's first chunk: values change, the checksum does not."""
    with h5py.File(path, "r") as f:
        offset = f[dataset].id.get_chunk_info(0).byte_offset
    with open(path, "r+b") as f:
        f.seek(offset)
        f.write(b"\x55\xaa\x55\xaa")


def damaged_files(outdir):
    good = os.path.join(outdir, "degenerate_f32.h5")
    with open(good, "rb") as f:
        whole = f.read()
    with open(os.path.join(outdir, "truncated_superblock.h5"), "wb") as f:
        f.write(whole[:40])
    with open(os.path.join(outdir, "signature_then_garbage.h5"), "wb") as f:
        f.write(whole[:8] + np.random.default_rng(7).bytes(4096))
    damaged = bytearray(whole)
    damaged[8:48] = b"\xff" * 40
    with open(os.path.join(outdir, "superblock_overwritten.h5"), "wb") as f:
        f.write(bytes(damaged))
    with open(os.path.join(outdir, "garbage_tail.h5"), "wb") as f:
        f.write(whole + b"\x00garbage" * 128)
    # Bytes past the end HDF5 recorded are ignored: the file reads as the one it extends.
    shutil.copyfile(good + ".counts", os.path.join(outdir, "garbage_tail.h5.counts"))
    with open(os.path.join(outdir, "numpy_npy.h5"), "wb") as f:
        np.save(f, np.ones((10, 8), "<f4"))


def special_files(outdir):
    special = os.path.join(outdir, "special")
    os.makedirs(os.path.join(special, "directory.h5"), exist_ok=True)
    fifo = os.path.join(special, "fifo.h5")
    if not os.path.exists(fifo):
        os.mkfifo(fifo)
    return fifo


# Degenerate but valid data: every site's rows and their expected flags.

def flags_of(x, y=None):
    """numpy's classification of each row with the kernel's rule: a vector whose ‖x‖ or σ is
    0 or not finite is flagged. ‖x‖² is summed in double, as the kernel does, so a float64
    vector whose squares overflow counts as non-finite and one whose squares all underflow
    (subnormals) as zero, and therefore constant."""
    x = x.astype("<f8")
    with np.errstate(over="ignore", under="ignore", invalid="ignore"):
        sums, squares = x.sum(axis=1), (x * x).sum(axis=1)
        non_finite = ~(np.isfinite(sums) & np.isfinite(squares))
        zero = ~non_finite & (squares == 0)
        constant = zero | (~non_finite & np.all(x == x[:, :1], axis=1))
        invalid = non_finite | constant
        bad_output = np.zeros(len(x), bool)
        if y is not None:
            y_norm = np.sqrt((y.astype("<f8") ** 2).sum(axis=1))
            bad_output = ~invalid & (~np.isfinite(y_norm) | (y_norm == 0))
    return [len(x), invalid.sum(), non_finite.sum(), zero.sum(), constant.sum(), bad_output.sum()]


def degenerate_rows(d, dtype):
    info = np.finfo(dtype)
    tiny = info.smallest_subnormal
    rows = [
        vectors(1, d)[0],
        np.r_[np.nan, np.ones(d - 1)],
        np.r_[np.inf, np.ones(d - 1)],
        np.r_[-np.inf, np.inf, np.zeros(d - 2)],
        np.zeros(d),
        -np.zeros(d),
        np.full(d, 2.5),
        np.full(d, tiny),
        tiny * np.arange(1, d + 1),
        float(info.max) * np.linspace(-1, 1, d),
        vectors(1, d)[0],
    ]
    return np.array(rows).astype(dtype)


def degenerate_outputs(x):
    y = vectors(len(x), x.shape[1], 1.0).astype(x.dtype)
    y[-1] = np.nan
    y[0] = 0
    return y


def write_counts(outdir, name, lines):
    with open(os.path.join(outdir, name + ".counts"), "w") as f:
        for key, counts in lines:
            f.write(key + " " + " ".join(str(int(c)) for c in counts) + "\n")


def degenerate_native(outdir, name, dtype):
    d = 8
    with h5py.File(os.path.join(outdir, name), "w") as f:
        write_root(f)
        write_model(f, d, 1)
        group, _ = write_site(f, "000", d, "<f4", 0, "ln1", n=10)
        x = degenerate_rows(d, dtype)
        y = degenerate_outputs(x)
        replace(group, "input", x)
        replace(group, "output", y)
        write_token_columns(f, len(x))
    write_counts(outdir, name, [("000", flags_of(x, y))])


def degenerate_generic(outdir, name, layers, **options):
    with h5py.File(os.path.join(outdir, name), "w") as f:
        f.create_dataset("hidden", data=layers, **options)
    write_counts(outdir, name, [(f"{i:03d}", flags_of(layer)) for i, layer in enumerate(layers)])


def degenerate_files(outdir):
    degenerate_native(outdir, "degenerate_f32.h5", "<f4")
    degenerate_native(outdir, "degenerate_f64.h5", "<f8")
    half = degenerate_rows(16, "<f2")
    degenerate_generic(outdir, "degenerate_f16_big_endian.h5",
                       np.stack([half, half[::-1]]).astype(">f2"), chunks=(1, 3, 16))
    degenerate_generic(outdir, "chunk_1x1.h5", vectors(12, 6).astype("<f4")[None],
                       chunks=(1, 1, 1), compression="gzip")
    degenerate_generic(outdir, "all_nan.h5", np.full((1, 5, 4), np.nan, "<f4"))


def native_token_counts(outdir, name, counts):
    """A float16 native dump whose sites hold `counts` tokens (d = 16)."""
    with h5py.File(os.path.join(outdir, name), "w") as f:
        write_root(f)
        write_model(f, 16, len(counts))
        for index, n in enumerate(counts):
            write_site(f, f"{index:03d}", 16, "<f2", index, "ln1", n=n)
        write_token_columns(f, counts[0])


def files_without_tokens(outdir):
    native_token_counts(outdir, "no_tokens.h5", [0, 0, 0])
    native_token_counts(outdir, "no_tokens_one_site.h5", [0])
    native_token_counts(outdir, "no_tokens_at_second_site.h5", [10, 0])
    native_token_counts(outdir, "no_tokens_at_first_site.h5", [0, 10])
    with h5py.File(os.path.join(outdir, "no_tokens_3d.h5"), "w") as f:
        f.create_dataset("hidden", data=np.zeros((2, 0, 8), "<f4"))
    with h5py.File(os.path.join(outdir, "no_tokens_2d.h5"), "w") as f:
        f.create_dataset("hidden", data=np.zeros((0, 8), "<f2"))


def fails_midway(outdir):
    """Two sites; the second's first gzip chunk is damaged, so a pass fails after the first."""
    path = os.path.join(outdir, "fails_midway.h5")
    with h5py.File(path, "w") as f:
        write_root(f)
        for index in range(2):
            write_site(f, f"{index:03d}", 8, "<f4", index, "ln1", n=400,
                       options={"chunks": (10, 8), "compression": "gzip"})
    corrupt_first_chunk(path, "norms/001/input")


def terabyte_file(outdir):
    """Declares 2**40 tokens x 8 (32 TiB of float32) and stores none: reads give zeros."""
    with h5py.File(os.path.join(outdir, "terabytes.h5"), "w") as f:
        f.create_dataset("hidden", shape=(TERA_ROWS, 8), maxshape=(None, 8), chunks=(65536, 8),
                         dtype="<f4")


# Resource bombs.

MIB = 1 << 20


def zeros_deflate_stream(mib):
    """A zlib stream that inflates to `mib` MiB of zeros, built without compressing them: after
    a full flush every MiB of zeros compresses to the same bytes, and the Adler-32 of n zero
    bytes is (n mod 65521) << 16 | 1."""
    compressor = zlib.compressobj(9)
    first = compressor.compress(bytes(MIB)) + compressor.flush(zlib.Z_FULL_FLUSH)
    repeated = compressor.compress(bytes(MIB)) + compressor.flush(zlib.Z_FULL_FLUSH)
    adler = ((mib * MIB) % 65521) << 16 | 1
    return first + repeated * (mib - 1) + b"\x03\x00" + adler.to_bytes(4, "big")


def gzip_bomb(outdir, name, chunk, passes, inflated_mib):
    """One float32 chunk whose stored bytes, through `passes` gzip filters, inflate to
    `inflated_mib` MiB: HDF5 itself would grow its buffer until all of it fit."""
    stream = zeros_deflate_stream(inflated_mib)
    for _ in range(passes - 1):
        stream = zlib.compress(stream, 9)
    with h5py.File(os.path.join(outdir, name), "w") as f:
        properties = h5py.h5p.create(h5py.h5p.DATASET_CREATE)
        properties.set_chunk(chunk)
        for _ in range(passes):
            properties.set_deflate(9)
        space = h5py.h5s.create_simple(chunk)
        dataset = h5py.h5d.create(f.id, b"hidden", h5py.h5t.IEEE_F32LE, space, dcpl=properties)
        dataset.write_direct_chunk((0, 0), stream, 0)
    return len(stream)


def chunk_of_2pow31_values(outdir):
    """HDF5 refuses to write a chunk of 4 GiB, so the chunk's first extent is patched from
    2**15 to 2**16 in the layout message: (65536 x 32768) float16 values."""
    path = os.path.join(outdir, "chunk_2pow31.h5")
    with h5py.File(path, "w") as f:
        f.create_dataset("hidden", shape=(2**16, 2**15), chunks=(2**15, 2**15), dtype="<f2")
    with open(path, "rb") as f:
        whole = bytearray(f.read())
    # Layout message v3, chunked, rank 2 + 1: the extents follow the 8-byte B-tree address.
    extents = (2**15).to_bytes(4, "little") * 2 + (2).to_bytes(4, "little")
    at = whole.index(extents)
    assert whole[at - 11:at - 8] == b"\x03\x02\x03", "not the layout message"
    whole[at:at + 4] = (2**16).to_bytes(4, "little")
    with open(path, "wb") as f:
        f.write(bytes(whole))


def compact_shorter_than_shape(outdir):
    """A compact (10 x 8) float32 dataset whose layout message says it stores 160 of its 320
    bytes: libhdf5 copies 320 bytes out of the 160-byte buffer on every read."""
    path = os.path.join(outdir, "compact_short.h5")
    with h5py.File(path, "w") as f:
        properties = h5py.h5p.create(h5py.h5p.DATASET_CREATE)
        properties.set_layout(h5py.h5d.COMPACT)
        space = h5py.h5s.create_simple((10, 8))
        hidden = h5py.h5d.create(f.id, b"hidden", h5py.h5t.IEEE_F32LE, space, dcpl=properties)
        values = vectors(10, 8).astype("<f4")
        hidden.write(h5py.h5s.ALL, h5py.h5s.ALL, values)
    with open(path, "rb") as f:
        whole = bytearray(f.read())
    # Layout message v3, compact: version, class, then the stored size (2 bytes) and the values.
    at = whole.index(b"\x03\x00" + (320).to_bytes(2, "little") + values.tobytes())
    whole[at + 2:at + 4] = (160).to_bytes(2, "little")
    with open(path, "wb") as f:
        f.write(bytes(whole))


def declared_rows(outdir):
    """10**15 rows of d = 64 declared, one chunk of them written."""
    with h5py.File(os.path.join(outdir, "rows_1e15.h5"), "w") as f:
        hidden = f.create_dataset("hidden", shape=(10**15, 64), maxshape=(None, 64),
                                  chunks=(4096, 64), dtype="<f4")
        hidden[:4096] = vectors(4096, 64)


def million_attributes(outdir):
    """A native dump whose /model carries 10**6 attributes (dense storage). Kept once written:
    libhdf5 needs seconds for it."""
    path = os.path.join(outdir, "attributes_million.h5")
    if os.path.exists(path):
        return
    partial = path + ".partial"
    with h5py.File(partial, "w", libver="latest") as f:
        write_root(f)
        write_site(f, "000", 8, "<f4", 0, "ln1", n=10)
        model = f.create_group("model").id
        scalar = h5py.h5s.create(h5py.h5s.SCALAR)
        for index in range(10**6):
            h5py.h5a.create(model, b"a%d" % index, h5py.h5t.NATIVE_INT8, scalar)
    os.replace(partial, path)


def nested_groups(outdir, depth=10000):
    """A generic dataset at the bottom of `depth` nested groups."""
    with h5py.File(os.path.join(outdir, "nested_deep.h5"), "w") as f:
        group = f
        for _ in range(depth):
            group = group.create_group("g")
        group.create_dataset("hidden", data=vectors(4, 8).astype("<f4"))


def shuffled_chunk_short(outdir):
    """A shuffle-only dataset whose second chunk is recorded as 447 bytes for its 448 bytes of
    values: libhdf5 would copy all 448 out of the shorter buffer (a heap overflow the fuzzer
    found in H5VM_memcpyvv)."""
    values = vectors(14, 16).astype("<f4")
    shuffled = np.frombuffer(values.tobytes(), np.uint8).reshape(-1, 4).T.tobytes()
    with h5py.File(os.path.join(outdir, "shuffled_chunk_short.h5"), "w") as f:
        properties = h5py.h5p.create(h5py.h5p.DATASET_CREATE)
        properties.set_chunk((7, 16))
        properties.set_shuffle()
        space = h5py.h5s.create_simple((14, 16))
        dataset = h5py.h5d.create(f.id, b"hidden", h5py.h5t.IEEE_F32LE, space, dcpl=properties)
        dataset.write_direct_chunk((0, 0), shuffled[:448], 0)
        dataset.write_direct_chunk((7, 0), shuffled[448:895], 0)


def chunk_recorded_twice(outdir):
    """Two chunks whose chunk index (a v1 B-tree) records both at (0, 0): a lookup by position
    finds one record and libhdf5's read may take the other (the fuzzer found a gzip chunk read
    into a buffer sized by its twin, 7 bytes smaller)."""
    path = os.path.join(outdir, "chunk_recorded_twice.h5")
    values = vectors(14, 16).astype("<f4")
    with h5py.File(path, "w") as f:
        f.create_dataset("hidden", data=values, chunks=(7, 16))
    with open(path, "rb") as f:
        whole = bytearray(f.read())
    # A leaf node: "TREE", type 1, level 0, 2 entries, 2 sibling addresses; then key 0 (size,
    # filter mask, 3 offsets of 8 bytes), child 0's address, and key 1, whose first offset is 7.
    at = whole.index(b"TREE\x01\x00\x02\x00")
    first_offset_of_key1 = at + 24 + 32 + 8 + 8
    assert whole[first_offset_of_key1:first_offset_of_key1 + 8] == (7).to_bytes(8, "little")
    whole[first_offset_of_key1:first_offset_of_key1 + 8] = bytes(8)
    with open(path, "wb") as f:
        f.write(bytes(whole))


def chunk_rank_below_dataset_rank(outdir):
    """A chunk layout of one dimension for a dataset of two: libhdf5 1.10.8 opens it and leaves
    the missing chunk extent 0 (the fuzzer found lngeom dividing by it)."""
    path = os.path.join(outdir, "chunk_rank_1_of_2.h5")
    with h5py.File(path, "w") as f:
        f.create_dataset("hidden", data=vectors(14, 16).astype("<f4"), chunks=(7, 16))
    with open(path, "rb") as f:
        whole = bytearray(f.read())
    # The layout message (version 3, chunked): its dimensionality (the rank, plus one for the
    # element's size), the chunk index's address, then each extent in 4 bytes: 7, 16 and 4.
    extents = b"".join(n.to_bytes(4, "little") for n in (7, 16, 4))
    at = whole.index(extents) - 11
    assert whole[at:at + 3] == b"\x03\x02\x03"
    whole[at + 2] = 2
    whole[at + 11:at + 19] = b"".join(n.to_bytes(4, "little") for n in (7, 4))
    with open(path, "wb") as f:
        f.write(bytes(whole))


def many_chunks_one_recorded_twice(outdir):
    """5,000 chunks, one row each, with the record of row 100 saying row 99: an index too large
    to list record by record is checked by looking up every cell of its grid, and one cell
    fewer is found than the index records."""
    path = os.path.join(outdir, "chunks_5000_one_twice.h5")
    with h5py.File(path, "w") as f:
        f.create_dataset("hidden", data=vectors(5000, 16).astype("<f4"), chunks=(1, 16))
    with open(path, "rb") as f:
        whole = bytearray(f.read())
    # A B-tree key: the chunk's size (64 bytes), its filter mask, then its 3 offsets.
    key = (64).to_bytes(4, "little") + bytes(4) + (100).to_bytes(8, "little") + bytes(16)
    at = whole.index(key)
    whole[at + 8:at + 16] = (99).to_bytes(8, "little")
    with open(path, "wb") as f:
        f.write(bytes(whole))


def row_of_many_chunks(outdir):
    """Rows of 2**22 values in chunks 16 wide, none stored: reading one row would look up
    262,144 chunks (the fuzzer found such a file taking 90 s)."""
    with h5py.File(os.path.join(outdir, "row_chunks_262144.h5"), "w") as f:
        f.create_dataset("hidden", shape=(4, 2**22), chunks=(1, 16), dtype="<f4")


def many_layers(outdir):
    """A (5000, 2, 8) generic dataset: 5,000 norm sites, none stored."""
    with h5py.File(os.path.join(outdir, "layers_5000.h5"), "w") as f:
        f.create_dataset("hidden", shape=(5000, 2, 8), chunks=(1, 2, 8), dtype="<f4")


def resource_bombs(outdir):
    gzip_bomb(outdir, "gzip_bomb_triple.h5", (256, 1024), 3, 4096)
    gzip_bomb(outdir, "gzip_bomb_single.h5", (16, 1024), 1, 1024)
    chunk_of_2pow31_values(outdir)
    compact_shorter_than_shape(outdir)
    declared_rows(outdir)
    million_attributes(outdir)
    nested_groups(outdir)
    shuffled_chunk_short(outdir)
    chunk_recorded_twice(outdir)
    chunk_rank_below_dataset_rank(outdir)
    many_chunks_one_recorded_twice(outdir)
    row_of_many_chunks(outdir)
    many_layers(outdir)


def main():
    outdir = sys.argv[1]
    os.makedirs(outdir, exist_ok=True)
    fifo = special_files(outdir)
    degenerate_files(outdir)
    files_without_tokens(outdir)
    for name, edit in native_edits(outdir, fifo).items():
        broken_native(outdir, name, edit)
    generic_files(outdir)
    damaged_files(outdir)
    terabyte_file(outdir)
    fails_midway(outdir)
    resource_bombs(outdir)


if __name__ == "__main__":
    main()
