"""export_arrays(): a dump from vectors the caller already holds (nnsight saves, Hugging Face
hidden states, a TransformerLens cache) instead of hooking a model."""

from __future__ import annotations

from typing import Any, Optional

import numpy as np
import torch

from .errors import ExportError
from .export_run import ExportRun, RunOptions, check_options, plain_model_attrs
from .formulas import CONVENTIONS, FORMULA_CHECK_ROWS, KINDS, identify_formula
from .sources import Capture, NormSource, storage_copy
from .token_rows import valid_from_mask

SITE_KEYS = ("input", "output", "gamma", "beta", "eps", "kind", "gamma_convention", "layer",
             "site", "stack", "role", "attrs")
# The ε assumed only to tell LayerNorm from RMSNorm when none is given.
ASSUMED_EPS = 1e-5


def as_tensor(value: Any) -> torch.Tensor:
    return value.detach() if isinstance(value, torch.Tensor) else torch.as_tensor(np.asarray(value))


def vector(entry: dict, name: str, d: int, site: str) -> Optional[np.ndarray]:
    """γ or β as float64 (d,), None when not given."""
    if entry.get(name) is None:
        return None
    values = as_tensor(entry[name]).double().reshape(-1).numpy()
    if values.shape != (d,):
        raise ExportError(f"site '{site}': {name} has {values.size} values; expected d = {d}")
    return values


def settled_formula(entry: dict, x: torch.Tensor, y: Optional[torch.Tensor], eps: Optional[float],
                    gamma: Optional[np.ndarray], beta: Optional[np.ndarray],
                    site: str) -> tuple[str, str]:
    """The kind and γ convention given, or the ones the output follows."""
    kind, convention = entry.get("kind"), entry.get("gamma_convention", "weight")
    if kind is not None and kind not in KINDS or convention not in CONVENTIONS:
        raise ExportError(f"site '{site}': kind must be one of {', '.join(KINDS)} and "
                          f"gamma_convention one of {', '.join(CONVENTIONS)}")
    if kind is not None:
        return kind, convention
    if y is None:
        raise ExportError(f"site '{site}': give kind='layernorm' or 'rmsnorm' (there is no output "
                          f"to tell them apart)")
    rows = [t.reshape(-1, t.shape[-1])[:FORMULA_CHECK_ROWS].double().numpy() for t in (x, y)]
    found = identify_formula(*rows, eps or ASSUMED_EPS, gamma, beta, "layernorm")
    if found is None:
        raise ExportError(f"site '{site}': its output is neither LayerNorm nor RMSNorm of its "
                          f"input with the γ, β and ε given; give kind= to store it anyway")
    return found


def array_source(name: str, entry: Any, order: int, dtype: str) -> NormSource:
    """A site given as a tensor (its input) or a dict of input, output, γ, β, ε, kind, labels."""
    entry = entry if isinstance(entry, dict) else {"input": entry}
    unknown = sorted(set(entry) - set(SITE_KEYS))
    if unknown or "input" not in entry:
        problem = f"unknown keys {', '.join(unknown)}" if unknown else "no input"
        raise ExportError(f"site '{name}': {problem} (keys: {', '.join(SITE_KEYS)})")
    x = as_tensor(entry["input"])
    y = None if entry.get("output") is None else as_tensor(entry["output"])
    if y is not None and y.shape != x.shape:
        raise ExportError(f"site '{name}': output has shape {tuple(y.shape)} but input has "
                          f"{tuple(x.shape)}")
    d = int(x.shape[-1])
    eps = None if entry.get("eps") is None else float(entry["eps"])
    gamma, beta = vector(entry, "gamma", d, name), vector(entry, "beta", d, name)
    kind, convention = settled_formula(entry, x, y, eps, gamma, beta, name)
    capture = Capture(storage_copy(x, dtype, f"site '{name}' input"),
                      None if y is None else storage_copy(y, dtype, f"site '{name}' output"))
    return NormSource(name, eps, kind, convention, gamma, beta, entry.get("stack", ""),
                      entry.get("layer"), entry.get("site"), entry.get("role"),
                      dict(entry.get("attrs", {})), [capture], [], [order])


def export_arrays(path: str, sites: dict, tokens: Any = None, mask: Any = None,
                  sequence: Any = None, position: Any = None, dtype: str = "float32", *,
                  name: str = "arrays", source: str = "tools/lngeom_export.py export_arrays",
                  model_attrs: Optional[dict] = None, batch_first: bool = True, mode: str = "w",
                  chunk_rows: Optional[int] = None) -> str:
    """Writes one batch of vectors you hold: sites = {module path or name: input tensor, or a
    dict with input and any of output, gamma, beta, eps, kind, gamma_convention, layer, site,
    stack, role, attrs}. tokens / mask / sequence / position describe that batch. Returns path.
    """
    options = RunOptions(path, dtype, chunk_rows, mode, batch_first)
    check_options(options)
    if not sites:
        raise ExportError(f"{path}: no sites given")
    attrs = {"name": name, "source": source, **plain_model_attrs(path, model_attrs)}
    try:
        sources = [array_source(n, e, i, dtype) for i, (n, e) in enumerate(sites.items())]
        valid = None if mask is None else valid_from_mask(mask, False, "mask", 0)
    except ExportError as error:
        raise ExportError(f"{path}: {error}") from error
    run = ExportRun(options, sources, attrs)
    try:
        run.write(0, valid, sequence, position, tokens)
    except BaseException as error:
        run.abandon(error)
        raise
    return run.finish()
