#!/usr/bin/python3
"""Writes the HDF5 files the dump-reader tests open, and the values they must read.

Usage: /usr/bin/python3 make_io_fixtures.py OUTDIR

For every good file the values each site holds are also written as raw little-endian float64
(`<file>.<site>.<stream>.f64`, row-major n_tokens x d), computed here with numpy, so the C++ test
compares what it reads against numpy's own conversion of every stored type.
"""
import os
import sys

import h5py
import numpy as np

N_TOKENS = 37
RNG = np.random.default_rng(20240913)


def vectors(n, d, scale=3.0):
    return RNG.normal(0.0, scale, size=(n, d)) + RNG.normal(0.0, 0.5, size=(1, d))


def expect(outdir, name, key, stream, values):
    np.asarray(values, dtype="<f8").tofile(os.path.join(outdir, f"{name}.{key}.{stream}.f64"))


def bfloat16_value(bits):
    with np.errstate(invalid="ignore"):  # NaN patterns stay NaN; numpy warns on the cast.
        return (bits.astype("<u4") << 16).view("<f4").astype("<f8")


def stored(values, dtype):
    """The array written for `dtype` and its exact value; "bfloat16" (">bfloat16" big-endian)
    stores the upper 16 bits of each float32 as uint16."""
    if dtype.endswith("bfloat16"):
        bits = (np.asarray(values, dtype="<f4").view("<u4") >> 16).astype(dtype[:-8] + "u2")
        return bits, bfloat16_value(bits)
    data = np.asarray(values).astype(dtype)
    return data, data.astype("<f8")


def write_array(group, name, values, dtype, **options):
    data, exact = stored(values, dtype)
    dataset = group.create_dataset(name, data=data, **options)
    if dtype.endswith("bfloat16"):
        dataset.attrs["dtype"] = "bfloat16"
    return exact


def write_root(f, version=1):
    f.attrs["format"] = "lngeom-activations"
    f.attrs["format_version"] = version


def write_model(f, d_model, n_layers):
    model = f.create_group("model")
    model.attrs["name"] = "fixture-model"
    model.attrs["source"] = "tests/core/make_io_fixtures.py"
    model.attrs["norm_type"] = "layernorm"
    model.attrs["d_model"] = d_model
    model.attrs["n_layers"] = n_layers
    model.attrs["final_loss"] = 2.5
    model.attrs.create("corpus", np.bytes_("fixed-length text"))
    model.attrs.create("license", "ascii text", dtype=h5py.string_dtype("ascii"))


def write_site(f, key, d, dtype, layer, site, options=None, output=True, affine=True, n=N_TOKENS):
    group = f.create_group(f"norms/{key}")
    group.attrs["module"] = f"blocks.{layer}.{site}"
    group.attrs["kind"] = "layernorm"
    group.attrs["layer"] = layer
    group.attrs["site"] = site
    group.attrs["eps"] = 1e-5
    values = {"input": write_array(group, "input", vectors(n, d), dtype, **(options or {}))}
    if output:
        values["output"] = write_array(group, "output", vectors(n, d, 1.0), dtype)
    if affine:
        values["gamma"] = write_array(group, "gamma", RNG.normal(1.0, 0.1, d), dtype)
        values["beta"] = write_array(group, "beta", RNG.normal(0.0, 0.1, d), dtype)
    return group, values


def write_token_columns(f, n=N_TOKENS):
    f.create_dataset("tokens", data=[f"tok{i}é" for i in range(n)], dtype=h5py.string_dtype())
    f.create_dataset("sequence", data=np.arange(n, dtype="<i4") // 10)
    f.create_dataset("position", data=np.arange(n, dtype="<i4") % 10)


GZIP = {"chunks": (5, 8), "compression": "gzip", "shuffle": True}


def native_file(outdir, name, sites, tokens=True):
    """sites: (d, dtype, layer, site, options) per norm site, in forward order."""
    with h5py.File(os.path.join(outdir, name), "w") as f:
        write_root(f)
        write_model(f, max(s[0] for s in sites), len(sites))
        for index, (d, dtype, layer, site, options) in enumerate(sites):
            key = f"{index:03d}"
            _, values = write_site(f, key, d, dtype, layer, site, options)
            for stream, exact in values.items():
                expect(outdir, name, key, stream, exact)
        if tokens:
            write_token_columns(f)


def make_gemma_style(path, key):
    """An RMSNorm site with (1 + gamma) and no eps attribute."""
    with h5py.File(path, "a") as f:
        attrs = f[f"norms/{key}"].attrs
        attrs["kind"] = "rmsnorm"
        attrs["gamma_convention"] = "one_plus_weight"
        del attrs["eps"]


def place_sites(path, placements):
    """Where each norm sits, as the exporter records it: stack, role, call, head."""
    with h5py.File(path, "a") as f:
        for key, attributes in placements.items():
            f[f"norms/{key}"].attrs.update(attributes)


def use_fixed_length_tokens(path):
    with h5py.File(path, "a") as f:
        del f["tokens"]
        f.create_dataset("tokens", data=np.array([b"fixed%d" % i for i in range(N_TOKENS)]))


def good_native_files(outdir):
    native_file(outdir, "native_f32.h5", [(8, "<f4", 0, "ln1", GZIP), (8, "<f4", 0, "ln2", None),
                                          (6, "<f4", 1, "final", {"chunks": (4, 3)})])
    place_sites(os.path.join(outdir, "native_f32.h5"),
                {"000": {"stack": "decoder", "role": "pre-attention"},
                 "001": {"stack": "decoder", "role": "inside-attention", "head": 3, "call": 1},
                 "002": {"stack": "decoder", "role": "final"}})
    native_file(outdir, "native_f16.h5", [(8, "<f2", 0, "ln1", GZIP), (5, "<f2", 0, "ln2", None)])
    make_gemma_style(os.path.join(outdir, "native_f16.h5"), "001")
    native_file(outdir, "native_bf16.h5", [(8, "bfloat16", 0, "ln1", GZIP),
                                           (4, "bfloat16", 0, "ln2", None)])
    use_fixed_length_tokens(os.path.join(outdir, "native_bf16.h5"))
    native_file(outdir, "native_big_endian.h5",
                [(8, ">f8", 0, "ln1", GZIP), (8, ">f4", 0, "ln2", None),
                 (8, ">f2", 1, "ln1", {"chunks": (16, 8)}), (8, ">bfloat16", 1, "ln2", None)],
                tokens=False)


def corrupt_first_chunk(path, dataset):
    """Overwrites the compressed bytes of the dataset's first chunk, as a failing disk would."""
    with h5py.File(path, "r") as f:
        chunk = f[dataset].id.get_chunk_info(0)
    with open(path, "r+b") as f:
        f.seek(chunk.byte_offset)
        f.write(b"\xff" * chunk.size)


def generic_files(outdir):
    with h5py.File(os.path.join(outdir, "generic_2d.h5"), "w") as f:
        exact = write_array(f, "hidden", vectors(50, 16), "<f4", chunks=(7, 16),
                            compression="gzip", shuffle=True)
        expect(outdir, "generic_2d.h5", "000", "input", exact)
    with h5py.File(os.path.join(outdir, "generic_3d.h5"), "w") as f:
        exact = write_array(f.create_group("run"), "hidden_states", RNG.normal(size=(4, 30, 12)),
                            "<f2", chunks=(1, 7, 12))
        for layer in range(4):
            expect(outdir, "generic_3d.h5", f"{layer:03d}", "input", exact[layer])
    every_half = np.arange(65536, dtype="<u2").reshape(256, 256)
    with h5py.File(os.path.join(outdir, "all_float16.h5"), "w") as f:
        f.create_dataset("values", data=every_half.view("<f2"))
        expect(outdir, "all_float16.h5", "000", "input", every_half.view("<f2").astype("<f8"))
    with h5py.File(os.path.join(outdir, "all_bfloat16.h5"), "w") as f:
        f.create_dataset("values", data=every_half).attrs["dtype"] = "bfloat16"
        expect(outdir, "all_bfloat16.h5", "000", "input", bfloat16_value(every_half))


def picker_file(outdir):
    """Several candidates among non-candidates, a hard-link cycle, a soft link to a dataset, and
    external links (one dangling, one to a real dataset that must not be listed)."""
    with h5py.File(os.path.join(outdir, "generic_many.h5"), "w") as f:
        f.create_dataset("a/hidden", data=np.zeros((3, 4), "<f4"))
        f.create_dataset("a/b/stacked", data=np.zeros((2, 3, 4), ">f8"))
        f.create_dataset("a/b/brain", data=np.zeros((3, 4), "<u2")).attrs["dtype"] = "bfloat16"
        f.create_dataset("ids", data=np.zeros((3, 4), "<i4"))
        f.create_dataset("vector", data=np.zeros(4, "<f4"))
        f.create_dataset("cube", data=np.zeros((2, 2, 2, 2), "<f4"))
        f["a/b/up"] = f["a"]
        f["a/soft"] = h5py.SoftLink("/a")
        f["a/alias"] = h5py.SoftLink("/a/hidden")
        f["outside"] = h5py.ExternalLink("missing_file.h5", "/x")
        f["elsewhere"] = h5py.ExternalLink("generic_2d.h5", "/hidden")


def broken_native(outdir, name, edit, version=1):
    """A small valid native dump that `edit(f, group)` then breaks in one way."""
    with h5py.File(os.path.join(outdir, name), "w") as f:
        write_root(f, version)
        group, _ = write_site(f, "000", 8, "<f4", 0, "ln1", n=10)
        edit(f, group)


def replace(group, name, data):
    del group[name]
    group.create_dataset(name, data=data)


def only_input(group, shape):
    for name in ("output", "gamma", "beta"):
        del group[name]
    replace(group, "input", np.zeros(shape, "<f4"))


def failure_files(outdir):
    cases = {
        "missing_norms.h5": lambda f, g: f.__delitem__("norms"),
        "no_input.h5": lambda f, g: g.__delitem__("input"),
        "wrong_rank.h5": lambda f, g: replace(g, "input", np.zeros((2, 5, 8), "<f4")),
        "int_input.h5": lambda f, g: replace(g, "input", np.zeros((10, 8), "<i4")),
        "string_input.h5": lambda f, g: replace(g, "input", np.array([b"x"] * 10)),
        "compound_input.h5": lambda f, g: replace(
            g, "input", np.zeros(10, dtype=[("a", "<f4"), ("b", "<i4")])),
        "output_shape.h5": lambda f, g: replace(g, "output", np.zeros((10, 9), "<f4")),
        "gamma_shape.h5": lambda f, g: replace(g, "gamma", np.zeros(9, "<f4")),
        "beta_shape.h5": lambda f, g: replace(g, "beta", np.zeros((8, 2), "<f4")),
        "d_one.h5": lambda f, g: only_input(g, (10, 1)),
        "d_zero.h5": lambda f, g: only_input(g, (10, 0)),
        "tokens_length.h5": lambda f, g: write_token_columns(f, 9),
        "sites_differ.h5": lambda f, g: write_site(f, "001", 8, "<f4", 0, "ln2", n=9),
        "bad_kind.h5": lambda f, g: g.attrs.__setitem__("kind", "batchnorm"),
        "bad_convention.h5": lambda f, g: g.attrs.__setitem__("gamma_convention", "twice"),
        "layer_as_text.h5": lambda f, g: g.attrs.__setitem__("layer", "three"),
        "head_as_text.h5": lambda f, g: g.attrs.__setitem__("head", "first"),
        "role_as_number.h5": lambda f, g: g.attrs.__setitem__("role", 2),
        "stray_norms_member.h5": lambda f, g: f.create_dataset("norms/notes", data=[1, 2]),
        "no_norm_groups.h5": lambda f, g: f.__delitem__("norms/000"),
        "sequence_strings.h5": lambda f, g: f.create_dataset("sequence", data=[b"a"] * 10),
    }
    for name, edit in cases.items():
        broken_native(outdir, name, edit)
    broken_native(outdir, "bad_version.h5", lambda f, g: None, version=2)
    with h5py.File(os.path.join(outdir, "empty.h5"), "w"):
        pass
    with h5py.File(os.path.join(outdir, "lzf.h5"), "w") as f:
        f.create_dataset("hidden", data=np.ones((10, 8), "<f4"), compression="lzf")
    with h5py.File(os.path.join(outdir, "corrupt_chunk.h5"), "w") as f:
        f.create_dataset("hidden", data=np.ones((10, 8), "<f4"), chunks=(5, 8), compression="gzip")
    corrupt_first_chunk(os.path.join(outdir, "corrupt_chunk.h5"), "hidden")
    with h5py.File(os.path.join(outdir, "generic_d1.h5"), "w") as f:
        f.create_dataset("hidden", data=np.ones((10, 1), "<f4"))
    open(os.path.join(outdir, "zero_bytes.h5"), "w").close()
    with open(os.path.join(outdir, "not_hdf5.h5"), "w") as f:
        f.write("this is a text file with an .h5 name\n")
    with open(os.path.join(outdir, "native_f32.h5"), "rb") as f:
        whole = f.read()
    with open(os.path.join(outdir, "truncated.h5"), "wb") as f:
        f.write(whole[: len(whole) // 2])


def main():
    outdir = sys.argv[1]
    os.makedirs(outdir, exist_ok=True)
    good_native_files(outdir)
    generic_files(outdir)
    picker_file(outdir)
    failure_files(outdir)


if __name__ == "__main__":
    main()
