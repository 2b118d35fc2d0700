"""export(): runs batches through a model with every norm hooked and writes what they saw."""

from __future__ import annotations

import signal
import threading
import warnings
from contextlib import contextmanager
from typing import Any, Iterable, Iterator, Optional, Sequence, Union

import numpy as np
import torch

from .block_roles import RoleFinder, stack_of
from .call_eps import CallEpsListener
from .errors import ExportError, SkippedSiteWarning
from .export_run import ExportRun, PerBatch, RunOptions, check_options, plain_model_attrs
from .hooked_norms import HookedNorm, attach, detach, hooked_norm
from .module_calls import ModuleCallRecorder
from .norm_modules import Selector, caller_eps, select_modules
from .token_rows import valid_from_mask

STREAMS = ("encoder", "decoder")
# Keys of a dict batch that mark a stream's real tokens, True for PyTorch's key padding masks
# (True or -inf = padding); the stream None is a model with a single stack.
MASK_KEYS = {
    None: (("attention_mask", False), ("src_key_padding_mask", True),
           ("tgt_key_padding_mask", True)),
    "encoder": (("attention_mask", False), ("src_key_padding_mask", True)),
    "decoder": (("decoder_attention_mask", False), ("tgt_key_padding_mask", True)),
}
POSITION_KEYS = {None: "position_ids", "encoder": "position_ids",
                 "decoder": "decoder_position_ids"}
FAST_PATH_HINT = ("PyTorch's fused fast path of nn.TransformerEncoderLayer in eval mode skips "
                  "their hooks: pass an all-zero float mask (mask=torch.zeros(seq, seq)), which "
                  "leaves every activation as it is but takes the unfused path, or on torch "
                  "2.2 and later call torch.backends.mha.set_fastpath_enabled(False)")


def refuse_single_tensor(batches: Any, path: str) -> None:
    if isinstance(batches, (torch.Tensor, np.ndarray)):
        raise ExportError(f"{path}: batches is one tensor of shape {tuple(batches.shape)}, and "
                          f"iterating it would run its rows one by one; pass an iterable of "
                          f"batches, e.g. [ids] for a single batch or ids.split(8)")


def call_model(model: torch.nn.Module, batch: Any, batch_index: int, path: str) -> None:
    """model(**batch) for a dict, model(*batch) for a tuple/list, else model(batch)."""
    try:
        if isinstance(batch, dict):
            model(**batch)
        elif isinstance(batch, (tuple, list)):
            model(*batch)
        else:
            model(batch)
    except ExportError as error:
        raise ExportError(f"{path}: batch {batch_index}: {error}") from error
    except Exception as error:
        raise ExportError(f"{path}: batch {batch_index}: the model raised "
                          f"{type(error).__name__}: {error}") from error


def per_token(batch: Any, key: str) -> Any:
    """A dict batch's (batch, seq) entry; None for any other shape (a 4-D attention mask, the
    3-row position ids of multimodal rotary embeddings), which says nothing per token."""
    value = batch.get(key) if isinstance(batch, dict) else None
    return value if value is not None and np.ndim(value) == 2 else None


def batch_valid(batch: Any, stream: Optional[str], given: Any,
                batch_index: int) -> Optional[np.ndarray]:
    """Real tokens: the caller's mask, else the stream's mask in a dict batch, else None."""
    if given is not None:
        return valid_from_mask(given, False, "mask", batch_index)
    for key, padding in MASK_KEYS[stream]:
        if per_token(batch, key) is not None:
            return valid_from_mask(batch[key], padding, key, batch_index)
    return None


def batch_positions(batch: Any, stream: Optional[str], given: Any) -> Any:
    return given if given is not None else per_token(batch, POSITION_KEYS[stream])


@contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """A SIGTERM (a batch scheduler's stop) ends the export like Ctrl-C, keeping finished
    batches; only in the main thread and where nobody else handles SIGTERM."""
    if threading.current_thread() is not threading.main_thread() or \
            signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
        yield
        return

    def interrupt(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt("SIGTERM")
    signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


class HookedExport:
    """The batches of one export() call through the hooked model."""

    def __init__(self, model: torch.nn.Module, norms: list[HookedNorm], stream: Optional[str],
                 run: ExportRun):
        self.model, self.norms, self.stream, self.run = model, norms, stream, run
        self.recorder = ModuleCallRecorder()
        self.listener = CallEpsListener()
        self.two_streams = False

    def run_all(self, batches: Iterable[Any], per_batch: PerBatch) -> None:
        try:
            with torch.no_grad():
                for batch_index, batch in enumerate(batches):
                    self.run_batch(batch_index, batch, per_batch.take(batch_index))
            if not self.run.finished:
                raise ExportError(f"{self.run.options.path}: no batches to run through the model")
            per_batch.check_used_up(self.run.finished)
        except BaseException as error:
            self.run.abandon(error)
            raise
        self.run.finish()

    def run_batch(self, batch_index: int, batch: Any, side: dict) -> None:
        for norm in self.norms:
            norm.calls.clear()
        if batch_index == 0:
            self.recorder.attach(self.model)
        try:
            call_model(self.model, batch, batch_index, self.run.options.path)
        finally:
            self.recorder.detach()
        if batch_index == 0:
            self.settle_first_batch()
        stream = self.stream if self.two_streams else None
        self.run.write(batch_index, batch_valid(batch, stream, side.get("mask"), batch_index),
                       side.get("sequence"), batch_positions(batch, stream, side.get("position")),
                       side.get("tokens"))

    def settle_first_batch(self) -> None:
        """Drops norms that captured nothing or belong to the other stream; finds roles."""
        path = self.run.options.path
        silent = [n.path for n in self.norms if not n.calls and not n.problem]
        if silent:
            warnings.warn(f"{path}: skipped {', '.join(silent)}: they never ran in batch 0 "
                          f"({FAST_PATH_HINT}), or the model does not call them",
                          SkippedSiteWarning, stacklevel=2)
        for norm in self.norms:
            if norm.problem:
                warnings.warn(f"{path}: skipped '{norm.path}': {norm.problem}",
                              SkippedSiteWarning, stacklevel=2)
        called = [n for n in self.norms if n.calls and not n.problem]
        if not called:
            raise ExportError(f"{path}: batch 0: no normalization module captured any rows "
                              f"({FAST_PATH_HINT})")
        roles = RoleFinder(dict(self.model.named_modules()), self.recorder).roles(
            self.recorder.norm_calls)
        for norm in called:
            norm.call_roles = [roles[i] for i in norm.call_order]
        self.run.sources = self.in_stream(called)
        for norm in self.norms:
            if norm not in self.run.sources:  # stop copying what will not be written
                detach(norm)

    def in_stream(self, called: list[HookedNorm]) -> list[HookedNorm]:
        """An encoder-decoder model's two stacks see different tokens: one file holds one."""
        stacks = {n.stack for n in called}
        self.two_streams = set(STREAMS) <= stacks
        path = self.run.options.path
        if not self.two_streams:
            if self.stream is not None:
                raise ExportError(f"{path}: stream='{self.stream}' applies to encoder-decoder "
                                  f"models; this model's norms are in one stack")
            return called
        self.stream = self.stream or "encoder"
        other = next(s for s in STREAMS if s != self.stream)
        skipped = [n.path for n in called if n.stack == other]
        warnings.warn(f"{path}: skipped the {other}'s {len(skipped)} norms ({', '.join(skipped)})"
                      f": they see the {other}'s tokens, and this dump holds the {self.stream}'s; "
                      f"export them into another file with stream='{other}'",
                      SkippedSiteWarning, stacklevel=2)
        return [n for n in called if n.stack != other]

    @contextmanager
    def hooks(self) -> Iterator[None]:
        if any(norm.listens for norm in self.norms):
            self.listener.install()
        for norm in self.norms:
            attach(norm, self.listener, self.recorder)
        try:
            yield
        finally:
            for norm in self.norms:
                detach(norm)
            self.listener.uninstall()
            self.recorder.detach()


def export(model: torch.nn.Module, batches: Iterable[Any], path: str,
           tokens: Optional[Iterable[Any]] = None, dtype: str = "float32", *,
           name: Optional[str] = None, source: str = "tools/lngeom_export.py",
           model_attrs: Optional[dict] = None,
           modules: Optional[Sequence[Selector]] = None,
           include: Optional[Sequence[Selector]] = None,
           exclude: Optional[Sequence[Selector]] = None,
           eps: Union[None, float, dict] = None, gamma: Optional[str] = None,
           beta: Optional[str] = None, mask: Optional[Iterable[Any]] = None,
           sequence: Optional[Iterable[Any]] = None, position: Optional[Iterable[Any]] = None,
           stream: Optional[str] = None, batch_first: bool = True, mode: str = "w",
           chunk_rows: Optional[int] = None) -> str:
    """Runs `batches` through `model`; writes every norm's input, output, γ, β and ε to `path`.

    batches: an iterable of tensors (model(b)), tuples (model(*b)) or dicts (model(**b)).
    tokens, mask, sequence, position: one entry per batch, (batch, seq) like the batch.
    modules / include / exclude: module paths, globs or predicates(path, module).
    eps, gamma, beta: ε (a number or {path: ε}) and the names of γ and β where they differ.
    stream: "encoder" or "decoder" for encoder-decoder models; batch_first=False for (seq,
    batch, d) models; mode "w" (replace once done), "x" (never replace) or "a" (append).
    The README's exporter section says more. Returns `path`.
    """
    options = RunOptions(path, dtype, chunk_rows, mode, batch_first)
    check_options(options)
    refuse_single_tensor(batches, path)
    if stream not in (None, *STREAMS):
        raise ExportError(f"{path}: stream '{stream}' is not one of encoder, decoder")
    attrs = {"name": name or type(model).__name__, "source": source,
             **plain_model_attrs(path, model_attrs)}
    named = dict(model.named_modules())
    norms = [hooked_norm(p, m, caller_eps(eps, p), gamma, beta, stack_of(p, named), dtype)
             for p, m in select_modules(model, modules, include, exclude).items()]
    per_batch = PerBatch(path, tokens=tokens, mask=mask, sequence=sequence, position=position)
    hooked = HookedExport(model, norms, stream, ExportRun(options, norms, attrs))
    with hooked.hooks(), sigterm_as_interrupt():
        hooked.run_all(batches, per_batch)
    return path
