"""The native layout v1 in an open HDF5 file: site groups with chunked, resizable datasets that
grow one batch at a time, committed (flushed) after every batch and rolled back to the last
commit when a batch fails; appending checks that the file holds the same sites."""

from __future__ import annotations

from typing import Iterable, Optional

import h5py
import numpy as np

from .errors import ExportError
from .sources import SiteSpec, numpy_dtype
from .token_rows import BatchTokens

FORMAT_NAME = "lngeom-activations"
FORMAT_VERSION = 1
# Chunks of about 1 MiB keep HDF5's default chunk cache effective for readers of any width.
CHUNK_BYTES = 1 << 20
TOKEN_COLUMNS = ("sequence", "position", "tokens")


def site_attributes(spec: SiteSpec) -> dict:
    """What /norms/NNN records about its norm; call and head/slot only where they apply."""
    source = spec.source
    attrs = {"module": source.path, "kind": source.kind, "layer": spec.layer, "site": spec.site,
             "gamma_convention": source.gamma_convention, "stack": source.stack,
             "role": spec.role}
    if source.eps is not None:
        attrs["eps"] = source.eps
    if spec.n_calls > 1:
        attrs["call"] = spec.call
    if spec.n_slots > 1:
        attrs[spec.slot_name()] = spec.slot
    attrs.update(source.attrs)
    return attrs


def same_value(old, new) -> bool:
    if isinstance(new, float) and isinstance(old, (float, np.floating)):
        return bool(np.isclose(old, new, rtol=1e-12, atol=0.0))
    return (old.decode() if isinstance(old, bytes) else old) == new


class DumpWriter:
    """Writes sites and token columns into `file`; its errors leave the file's name to callers."""

    def __init__(self, file: h5py.File, dtype: str, chunk_rows: Optional[int]):
        self.file, self.dtype, self.chunk_rows = file, dtype, chunk_rows
        self.committed: dict[str, int] = {}
        self.batches = 0  # batches in the file, earlier runs' included
        self.first_sequence = 0  # the sequence id the next batch starts from
        if "norms" in file:
            self.continue_after_existing_rows()

    def parameter_dtype(self) -> type:
        """γ and β in float32 (float64 dumps: float64): half-precision dumps keep exact gains."""
        return np.float64 if self.dtype == "float64" else np.float32

    def rows_per_chunk(self, d: int, first_batch_rows: int) -> int:
        """The caller's choice, else the first batch's rows capped at about 1 MiB per chunk."""
        if self.chunk_rows:
            return self.chunk_rows
        cap = max(1, CHUNK_BYTES // (d * numpy_dtype(self.dtype).itemsize))
        return max(1, min(first_batch_rows, cap))

    def start(self, specs: list[SiteSpec], with_output: list[bool], with_tokens: bool,
              first_batch_rows: int, model_attrs: dict) -> None:
        """Creates the layout, or checks that the file being appended to has the same one."""
        if len(self.file) or len(self.file.attrs):  # appending: the file has contents
            self.check_compatible(specs, with_output, with_tokens)
            if "interrupted" in self.file["model"].attrs:  # this run may complete that one
                del self.file["model"].attrs["interrupted"]
        else:
            self.file.attrs["format"] = FORMAT_NAME
            self.file.attrs["format_version"] = FORMAT_VERSION
            for spec, output in zip(specs, with_output):
                self.create_site(spec, output, first_batch_rows)
            self.create_token_columns(with_tokens, self.rows_per_chunk(specs[0].d,
                                                                       first_batch_rows))
            self.file.create_group("model").attrs.update(model_attrs)
        self.commit(batches_written=0)

    def create_site(self, spec: SiteSpec, with_output: bool, first_batch_rows: int) -> None:
        group = self.file.create_group(f"norms/{spec.key}")
        group.attrs.update(site_attributes(spec))
        chunk = (self.rows_per_chunk(spec.d, first_batch_rows), spec.d)
        for name in ("input", "output") if with_output else ("input",):
            dataset = group.create_dataset(name, shape=(0, spec.d), maxshape=(None, spec.d),
                                           dtype=numpy_dtype(self.dtype), chunks=chunk)
            if self.dtype == "bfloat16":
                dataset.attrs["dtype"] = "bfloat16"
        for name, values in (("gamma", spec.source.gamma), ("beta", spec.source.beta)):
            if values is not None:
                group.create_dataset(name, data=values.astype(self.parameter_dtype()))

    def create_token_columns(self, with_tokens: bool, chunk: int) -> None:
        """/sequence and /position always, /tokens when the caller gave token strings."""
        for name in ("sequence", "position"):
            self.file.create_dataset(name, shape=(0,), maxshape=(None,), dtype=np.int32,
                                     chunks=(chunk,))
        if with_tokens:
            self.file.create_dataset("tokens", shape=(0,), maxshape=(None,), chunks=(chunk,),
                                     dtype=h5py.string_dtype("utf-8"))

    def check_compatible(self, specs: list[SiteSpec], with_output: list[bool],
                         with_tokens: bool) -> None:
        """Refuses to append to a dump of other sites, another model or another storage type."""
        root = dict(self.file.attrs)
        if not same_value(root.get("format"), FORMAT_NAME) or \
                root.get("format_version") != FORMAT_VERSION:
            self.refuse("/", f"is not a native lngeom dump of format_version {FORMAT_VERSION}")
        keys = sorted(self.file["norms"]) if "norms" in self.file else []
        if keys != [s.key for s in specs]:
            self.refuse("/norms", f"has {len(keys)} sites ({', '.join(keys)}) but this export "
                                  f"has {len(specs)}")
        for spec, output in zip(specs, with_output):
            self.check_site(self.file[f"norms/{spec.key}"], spec, output)
        if ("tokens" in self.file) != with_tokens:
            self.refuse("/tokens", "is missing but this export has token strings" if with_tokens
                        else "is present but this export has no token strings")

    def check_site(self, group: h5py.Group, spec: SiteSpec, with_output: bool) -> None:
        where = group.name
        stored = dict(group.attrs)
        for name, value in site_attributes(spec).items():
            if name not in stored or not same_value(stored[name], value):
                self.refuse(where, f"has {name} = {stored.get(name)!r} but this export has "
                                   f"{value!r}")
        expected_type = numpy_dtype(self.dtype)
        if group["input"].dtype != expected_type or group["input"].shape[1] != spec.d:
            self.refuse(where + "/input", f"stores {group['input'].dtype} rows of d = "
                                          f"{group['input'].shape[1]} but this export writes "
                                          f"{self.dtype} rows of d = {spec.d}")
        if ("output" in group) != with_output:
            self.refuse(where, "differs from this export in having an output dataset")
        for name, values in (("gamma", spec.source.gamma), ("beta", spec.source.beta)):
            stored_values = group[name][()] if name in group else None
            if (stored_values is None) != (values is None) or (values is not None and not
                    np.array_equal(stored_values, values.astype(stored_values.dtype))):
                self.refuse(f"{where}/{name}", "differs from this model's (another checkpoint?)")

    def refuse(self, where: str, reason: str) -> None:
        raise ExportError(f"cannot append: {where} {reason}; write a new file (mode='w') "
                          f"instead")

    def continue_after_existing_rows(self) -> None:
        """Sequence ids and the batch count go on from those of the dump appended to."""
        sequence = self.file.get("sequence")
        if sequence is not None and sequence.shape[0]:
            self.first_sequence = int(sequence[()].max()) + 1
        if "model" in self.file:
            self.batches = int(self.file["model"].attrs.get("batches", 0))

    def resizable(self) -> list[str]:
        names = [n for n in TOKEN_COLUMNS if n in self.file]
        for key, group in self.file["norms"].items():
            names += [f"norms/{key}/{n}" for n in ("input", "output") if n in group]
        return names

    def append(self, name: str, values: np.ndarray) -> None:
        dataset = self.file[name]
        start = dataset.shape[0]
        dataset.resize(start + len(values), axis=0)
        dataset[start:] = values

    def write_batch(self, specs: list[SiteSpec], rows: Iterable[tuple],
                    tokens: BatchTokens) -> None:
        for spec, (inputs, outputs) in zip(specs, rows):
            self.append(f"norms/{spec.key}/input", inputs)
            if outputs is not None:
                self.append(f"norms/{spec.key}/output", outputs)
        self.append("sequence", tokens.sequence)
        self.append("position", tokens.position)
        if tokens.strings is not None:
            self.append("tokens", np.array(tokens.strings, dtype=object))
        self.first_sequence = tokens.next_sequence

    def commit(self, batches_written: int = 1) -> None:
        """Marks the file as holding every batch written so far, on disk."""
        self.batches += batches_written
        self.file["model"].attrs["batches"] = self.batches
        self.committed = {name: self.file[name].shape[0] for name in self.resizable()}
        self.file.flush()

    def rollback(self) -> None:
        """Cuts every dataset back to the last commit, dropping a half-written batch."""
        for name, rows in self.committed.items():
            self.file[name].resize(rows, axis=0)

    def mark_interrupted(self, reason: str) -> None:
        self.file["model"].attrs["interrupted"] = reason
