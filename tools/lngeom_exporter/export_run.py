"""One export from captured calls to a finished file, shared by the hooked export and the
array export: the sites planned from the first batch, each batch's rows, and what is kept when
it stops."""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Optional

import numpy as np
import torch

from .dump_file import DumpFile
from .dump_writer import DumpWriter
from .errors import ExportError, PartialExportWarning, SkippedSiteWarning
from .site_labels import label_sites, role_from_name
from .sources import STORAGE_DTYPES, NormSource, SiteSpec, storage_numpy
from .token_rows import batch_tokens, canonical, grid, reference_shape, split_slots

# The caller's per-batch lists, and how messages call them.
PER_BATCH_NAMES = {"tokens": "token strings", "mask": "mask", "sequence": "sequence ids",
                   "position": "positions"}


@dataclass
class RunOptions:
    path: str
    dtype: str = "float32"
    chunk_rows: Optional[int] = None
    mode: str = "w"
    batch_first: bool = True


def check_options(options: RunOptions) -> None:
    """Rejects options that would otherwise fail late, after the model has run."""
    if options.dtype not in STORAGE_DTYPES:
        raise ExportError(f"{options.path}: storage dtype '{options.dtype}' is not one of "
                          f"{', '.join(STORAGE_DTYPES)}")
    if options.chunk_rows is not None and options.chunk_rows < 1:
        raise ExportError(f"{options.path}: chunk_rows must be a positive number of rows, not "
                          f"{options.chunk_rows}")


def plain_model_attrs(path: str, model_attrs: Optional[dict]) -> dict:
    """Extra /model attributes as plain str/int/float, checked before the model runs.

    Subclasses such as torch.__version__ (a str) would otherwise reach h5py as numpy unicode,
    which HDF5 cannot store.
    """
    plain = {}
    for key, value in (model_attrs or {}).items():
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise ExportError(f"{path}: /model attribute '{key}' must be a string, integer or "
                              f"float, not {type(value).__name__}")
        plain[key] = next(t(value) for t in (str, int, float) if isinstance(value, t))
    return plain


class PerBatch:
    """The caller's per-batch lists (tokens, mask, sequence, position), walked with the batches."""

    def __init__(self, path: str, **lists: Optional[Iterable[Any]]):
        self.path = path
        self.iterators = {name: iter(values) for name, values in lists.items()
                          if values is not None}

    def take(self, batch_index: int) -> dict[str, Any]:
        entries = {}
        for name, iterator in self.iterators.items():
            entries[name] = next(iterator, None)
            if entries[name] is None:
                raise ExportError(f"{self.path}: no {PER_BATCH_NAMES[name]} for batch "
                                  f"{batch_index}")
        return entries

    def check_used_up(self, n_batches: int) -> None:
        for name, iterator in self.iterators.items():
            if next(iterator, None) is not None:
                raise ExportError(f"{self.path}: {PER_BATCH_NAMES[name]} for more batches than "
                                  f"the {n_batches} batches run")


def model_norm_type(specs: list[SiteSpec]) -> str:
    kinds = {s.source.kind for s in specs}
    return kinds.pop() if len(kinds) == 1 else "mixed"


def model_layers(specs: list[SiteSpec]) -> int:
    layers = [s.layer for s in specs if s.role != "final" and s.layer >= 0]
    return max(layers) + 1 if layers else 0


class ExportRun:
    """Writes batches of captured calls into a dump and keeps or drops the file at the end."""

    def __init__(self, options: RunOptions, sources: list[NormSource], model_attrs: dict):
        self.options, self.sources, self.model_attrs = options, sources, model_attrs
        self.dump = DumpFile(options.path, options.mode)
        self.writer = DumpWriter(self.dump.file, options.dtype, options.chunk_rows)
        self.specs: Optional[list[SiteSpec]] = None
        self.finished = 0
        self.tokens_written = 0

    def write(self, batch_index: int, valid: Optional[np.ndarray], sequence: Any, position: Any,
              tokens: Any) -> None:
        """Writes the sources' captured calls of one batch; `valid` marks its real tokens."""
        try:
            self.write_labelled(batch_index, valid, sequence, position, tokens)
        except ExportError as error:  # the layers below do not know the file's name
            raise ExportError(f"{self.options.path}: {error}") from error
        self.finished += 1

    def write_labelled(self, batch_index: int, valid: Optional[np.ndarray], sequence: Any,
                       position: Any, tokens: Any) -> None:
        explicit = [(name, grid(value, name, batch_index)) for name, value in
                    (("mask", valid), ("sequence", sequence), ("position", position))
                    if value is not None]
        first = self.specs is None
        if first:
            self.plan(batch_index, explicit)
        shape = reference_shape(explicit, self.reference_input(batch_index), batch_index)
        valid = np.ones(shape, dtype=bool) if valid is None else grid(valid, "mask", batch_index)
        labels = batch_tokens(batch_index, valid, self.writer.first_sequence, sequence, position,
                              tokens)
        if first:
            with_output = [s.source.calls[s.call].output is not None for s in self.specs]
            self.writer.start(self.specs, with_output, tokens is not None, labels.count,
                              self.first_model_attrs())
        self.writer.write_batch(self.specs, self.batch_rows(batch_index, shape, labels.valid),
                                labels)
        for source in self.sources:  # free this batch's vectors before the next one runs
            source.calls.clear()
        self.writer.commit()
        self.tokens_written += labels.count

    def reference_input(self, batch_index: int) -> torch.Tensor:
        """The first site's input, whose leading axes give the batch's shape."""
        first = self.specs[0]
        if len(first.source.calls) <= first.call:
            raise ExportError(f"batch {batch_index}: {first.describe()} did not run, as it did "
                              f"in the first batch")
        return canonical(first.source.calls[first.call].input, self.options.batch_first)

    def plan(self, batch_index: int, explicit: list) -> None:
        """The stored sites, from the first batch: one per call and slot that lines up with the
        batch's tokens, in the order the calls were made; the others are skipped, saying why."""
        calls = sorted(((order, source, index) for source in self.sources
                        for index, order in enumerate(source.call_order)), key=lambda c: c[0])
        if not calls:
            raise ExportError(f"batch {batch_index}: no norm captured any rows")
        first_input = canonical(calls[0][1].calls[calls[0][2]].input, self.options.batch_first)
        shape = reference_shape(explicit, first_input, batch_index)
        self.specs = [spec for _, source, index in calls
                      for spec in self.call_specs(source, index, shape)]
        if not self.specs:
            raise ExportError(f"batch {batch_index}: no norm's input lines up with the batch's "
                              f"{shape[0]}×{shape[1]} tokens")
        width = max(3, len(str(len(self.specs) - 1)))  # a thousand sites: 0000, 0001, ...
        for number, spec in enumerate(self.specs):
            spec.key = f"{number:0{width}d}"
        label_sites(self.specs)

    def call_specs(self, source: NormSource, call: int, shape: tuple) -> list[SiteSpec]:
        x = canonical(source.calls[call].input, self.options.batch_first)
        slots = split_slots(x, shape)
        n_calls = len(source.calls)
        if slots is None:
            where = f" (call {call})" if n_calls > 1 else ""
            warnings.warn(f"{self.options.path}: '{source.path}'{where} skipped: its input of "
                          f"shape {tuple(x.shape)} has no axes of the batch's {shape[0]}×"
                          f"{shape[1]} tokens (batch_first={self.options.batch_first})",
                          SkippedSiteWarning, stacklevel=2)
            return []
        role = source.role if source.role is not None else (
            source.call_roles[call] if source.call_roles else role_from_name(source.path))
        return [SiteSpec(source, call, slot, n_calls, len(slots), int(x.shape[-1]), role)
                for slot in range(len(slots))]

    def batch_rows(self, batch_index: int, shape: tuple, valid: torch.Tensor) -> Iterator[tuple]:
        """Each site's input and output rows of the real tokens, in row-major order, one site
        at a time (so a batch's vectors are held once, not twice)."""
        split: dict = {}
        for spec in self.specs:
            inputs, outputs = self.slot_tensors(batch_index, spec, shape, split)
            yield (storage_numpy(inputs[spec.slot][valid]),
                   None if outputs is None else storage_numpy(outputs[spec.slot][valid]))

    def slot_tensors(self, batch_index: int, spec: SiteSpec, shape: tuple, split: dict) -> tuple:
        key = (id(spec.source), spec.call)
        if key not in split:
            calls = spec.source.calls
            if len(calls) != spec.n_calls:
                raise ExportError(f"batch {batch_index}: '{spec.source.path}' ran {len(calls)} "
                                  f"times, in the first batch {spec.n_calls}; its sites cannot "
                                  f"stay aligned (exclude= it)")
            capture = calls[spec.call]
            split[key] = tuple(None if t is None else split_slots(
                canonical(t, self.options.batch_first), shape)
                for t in (capture.input, capture.output))
            if split[key][0] is None or len(split[key][0]) != spec.n_slots:
                raise ExportError(f"batch {batch_index}: {spec.describe()} "
                                  f"has input of shape {tuple(capture.input.shape)}, which no "
                                  f"longer lines up with the batch's {shape[0]}×{shape[1]} "
                                  f"tokens as in the first batch")
        return split[key]

    def first_model_attrs(self) -> dict:
        attrs = {"norm_type": model_norm_type(self.specs), "d_model": self.specs[0].d,
                 "n_layers": model_layers(self.specs)}
        attrs.update(self.model_attrs)
        return attrs

    def finish(self) -> str:
        self.dump.finish()
        return self.options.path

    def abandon(self, error: BaseException) -> None:
        """After a failure: drops what the unfinished batch wrote, keeps the finished batches
        and says where."""
        reason = "interrupted" if isinstance(error, KeyboardInterrupt) else \
            str(error).removeprefix(f"{self.options.path}: ")
        if self.specs is not None:
            self.writer.rollback()
            if self.finished:
                self.writer.mark_interrupted(f"stopped after {self.finished} batches: {reason}")
        kept = self.dump.abandon(keep_finished=self.finished > 0)
        if kept:
            unchanged = "" if kept == self.options.path else f"; {self.options.path} is unchanged"
            warnings.warn(f"{self.options.path}: the export stopped ({reason}) after "
                          f"{self.finished} finished batches ({self.tokens_written} tokens), "
                          f"which are kept in {kept}{unchanged}", PartialExportWarning,
                          stacklevel=3)
