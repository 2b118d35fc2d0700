#!/usr/bin/python3
"""Dumps written in shards: one native lngeom dump per shard, and a small master file whose
norm datasets are HDF5 virtual datasets over the shards' rows. lngeom opens the master as one
dump (the app, `lngeom stats`, `lngeom-mpi stats`).

Cluster jobs each export their share of the texts with `lngeom_export.export()` into files in
one directory; then

    /usr/bin/python3 tools/lngeom_shards.py MASTER.h5 SHARD.h5 [SHARD.h5 ...]

writes the master beside them. In one process, `export_sharded()` writes the shards and the
master itself. The shards must sit in the master's
directory: the master names them without a directory, so the set can be moved or copied as a
whole, and lngeom reads virtual datasets only over files beside them. The master maps
/norms/NNN/input and output; γ and β (equal in every shard), tokens, sequence (renumbered so
that sequences stay distinct) and position are copied into it. A virtual dataset's fill value
is NaN, so a row whose shard goes missing after lngeom checked it reads as non-finite, never as
a plausible zero.
"""

from __future__ import annotations

import itertools
import os
import sys
from typing import Any, Iterable, Optional, Sequence

import h5py
import numpy as np

from lngeom_export import ExportError, FORMAT_NAME, FORMAT_VERSION, export

SITE_ATTRIBUTES = ("module", "kind", "layer", "site", "eps", "gamma_convention")
BFLOAT16_NAN_BITS = 0x7FC0


def shard_path(master_path: str, index: int) -> str:
    """The name of shard `index` beside the master: dump.h5 -> dump-00003.h5."""
    stem, extension = os.path.splitext(master_path)
    return f"{stem}-{index:05d}{extension or '.h5'}"


def export_sharded(model: Any, batches: Iterable[Any], master_path: str, batches_per_shard: int,
                   tokens: Optional[Iterable[Any]] = None, **export_options: Any) -> list[str]:
    """`lngeom_export.export` into one shard file per `batches_per_shard` batches, then the
    master over them. Returns the shard paths. On any error the files written are removed."""
    if batches_per_shard < 1:
        raise ExportError(f"{master_path}: batches_per_shard must be positive, "
                          f"not {batches_per_shard}")
    batch_iterator = iter(batches)
    token_iterator = iter(tokens) if tokens is not None else None
    shards: list[str] = []
    try:
        for index in itertools.count():
            group = list(itertools.islice(batch_iterator, batches_per_shard))
            if not group:
                break
            group_tokens = (list(itertools.islice(token_iterator, len(group)))
                            if token_iterator is not None else None)
            shards.append(export(model, group, shard_path(master_path, index), tokens=group_tokens,
                                 **export_options))
        write_master(master_path, shards)
    except BaseException:
        for path in shards:
            os.remove(path)
        raise
    return shards


def write_master(master_path: str, shard_paths: Sequence[str]) -> str:
    """The master file over complete shard dumps in its directory, rows in the shards' order."""
    if not shard_paths:
        raise ExportError(f"{master_path}: no shard files to join")
    check_beside(master_path, shard_paths)
    shards = [h5py.File(path, "r") for path in shard_paths]
    try:
        layout = shard_layout(shard_paths, shards)
        with h5py.File(master_path, "w") as master:
            master.attrs["format"] = FORMAT_NAME
            master.attrs["format_version"] = FORMAT_VERSION
            model = master.create_group("model")
            model.attrs.update(dict(shards[0]["model"].attrs))
            model.attrs["shards"] = len(shards)
            for key in layout:
                write_virtual_site(master, key, shard_paths, shards)
            write_row_columns(master, shards)
    except BaseException:
        if os.path.exists(master_path):
            os.remove(master_path)
        raise
    finally:
        for shard in shards:
            shard.close()
    return master_path


def check_beside(master_path: str, shard_paths: Sequence[str]) -> None:
    directory = os.path.dirname(os.path.abspath(master_path))
    for path in shard_paths:
        if os.path.dirname(os.path.abspath(path)) != directory:
            raise ExportError(f"{path}: a shard must be in the master's directory {directory}; "
                              f"the master names its shards without a directory")
        if not os.path.isfile(path):
            raise ExportError(f"{path}: no such shard file")


def site_signature(group: h5py.Group) -> tuple:
    """What must agree between shards: the site's attributes, widths and element types."""
    attributes = tuple(str(group.attrs.get(name)) for name in SITE_ATTRIBUTES)
    datasets = tuple((name, group[name].shape[1:], group[name].dtype.str,
                      str(group[name].attrs.get("dtype")))
                     for name in ("input", "output") if name in group)
    return attributes + datasets


def shard_layout(shard_paths: Sequence[str], shards: Sequence[h5py.File]) -> list[str]:
    """The site keys every shard has alike; ExportError naming the shard that differs."""
    first = shards[0]
    for path, shard in zip(shard_paths, shards):
        if shard.attrs.get("format") != FORMAT_NAME or "norms" not in shard:
            raise ExportError(f"{path}: not an lngeom native dump (no format attribute or /norms)")
    keys = sorted(first["norms"].keys())
    for path, shard in zip(shard_paths[1:], shards[1:]):
        if sorted(shard["norms"].keys()) != keys:
            raise ExportError(f"{path}: its norm sites differ from those of {shard_paths[0]}")
        for key in keys:
            group, reference = shard[f"norms/{key}"], first[f"norms/{key}"]
            if site_signature(group) != site_signature(reference):
                raise ExportError(f"{path}: /norms/{key} differs from {shard_paths[0]} "
                                  f"(attributes, width or element type)")
            for name in ("gamma", "beta"):
                if (name in group) != (name in reference) or (
                        name in group and not np.array_equal(group[name][()], reference[name][()])):
                    raise ExportError(f"{path}: /norms/{key}/{name} differs from "
                                      f"{shard_paths[0]}: the shards come from different models")
    return keys


def fill_value(dataset: h5py.Dataset) -> Any:
    if dataset.attrs.get("dtype") == "bfloat16":
        return BFLOAT16_NAN_BITS
    return np.nan


def write_virtual_site(master: h5py.File, key: str, shard_paths: Sequence[str],
                       shards: Sequence[h5py.File]) -> None:
    reference = shards[0][f"norms/{key}"]
    group = master.create_group(f"norms/{key}")
    group.attrs.update(dict(reference.attrs))
    for name in ("input", "output"):
        if name not in reference:
            continue
        rows = [shard[f"norms/{key}/{name}"].shape[0] for shard in shards]
        d = reference[name].shape[1]
        layout = h5py.VirtualLayout(shape=(sum(rows), d), dtype=reference[name].dtype)
        start = 0
        for path, n in zip(shard_paths, rows):
            source = h5py.VirtualSource(os.path.basename(path), f"norms/{key}/{name}",
                                        shape=(n, d), dtype=reference[name].dtype)
            layout[start:start + n] = source
            start += n
        dataset = group.create_virtual_dataset(name, layout, fillvalue=fill_value(reference[name]))
        dataset.attrs.update(dict(reference[name].attrs))
    for name in ("gamma", "beta"):
        if name in reference:
            group.create_dataset(name, data=reference[name][()])


def write_row_columns(master: h5py.File, shards: Sequence[h5py.File]) -> None:
    """tokens, position and sequence, copied; sequence numbers continue across shards."""
    for name in ("tokens", "position", "sequence"):
        if not all(name in shard for shard in shards):
            continue
        parts, offset = [], 0
        for shard in shards:
            values = shard[name][()]
            if name == "sequence":
                values = values + offset
                offset = int(values.max()) + 1 if len(values) else offset
            parts.append(values)
        if name == "tokens":
            master.create_dataset(name, data=np.concatenate(parts).astype(object),
                                  dtype=h5py.string_dtype("utf-8"))
        else:
            master.create_dataset(name, data=np.concatenate(parts).astype(np.int32))


def main(argv: Sequence[str]) -> int:
    if len(argv) < 2 or argv[0] in ("-h", "--help"):
        print(__doc__.strip().split("\n\n")[1].strip() if argv else "", file=sys.stderr)
        print("usage: lngeom_shards.py MASTER.h5 SHARD.h5 [SHARD.h5 ...]", file=sys.stderr)
        return 0 if argv and argv[0] in ("-h", "--help") else 2
    try:
        write_master(argv[0], argv[1:])
    except ExportError as error:
        print(f"lngeom_shards: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
