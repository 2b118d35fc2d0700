"""Which modules of a model are dumped, and their ε and γ/β parameters under any naming."""

from __future__ import annotations

import fnmatch
import re
from typing import Callable, Iterable, Optional, Union

import numpy as np
import torch

from .errors import ExportError

# A module path ("h.0.ln_1"), a glob over paths ("blocks.*.ln1") or a predicate(path, module).
Selector = Union[str, Callable[[str, torch.nn.Module], bool]]

# timm's RmsNorm and TransformerLens' LayerNormPre / RMSNormPre (γ folded into the next weights)
# included.
NORM_CLASS_NAME = re.compile(r"(?:LayerNorm|RMSNorm|RmsNorm)(?:Pre)?$")
# Hugging Face's T5 family calls its RMSNorm "LayerNorm": the class name alone would mislead.
RMS_NORMS_NAMED_LAYERNORM = re.compile(r"T5LayerNorm$|Pix2StructLayerNorm$")
EPS_ATTRIBUTES = ("eps", "variance_epsilon", "epsilon")
# TransformerLens names γ and β `w` and `b`.
GAMMA_NAMES = ("weight", "w", "gamma", "g", "scale")
BETA_NAMES = ("bias", "b", "beta")
GLOB_CHARACTERS = re.compile(r"[*?\[]")


def is_norm_module(module: torch.nn.Module) -> bool:
    """True for PyTorch's own norms and any class named like one (LlamaRMSNorm, LayerNormPre)."""
    builtin = tuple(t for t in (torch.nn.LayerNorm, getattr(torch.nn, "RMSNorm", None)) if t)
    return isinstance(module, builtin) or bool(NORM_CLASS_NAME.search(type(module).__name__))


def kind_from_class(module: torch.nn.Module) -> str:
    """The kind the class name suggests; the first captured call confirms or corrects it."""
    name = type(module).__name__
    if re.search(r"RMSNorm|RmsNorm", name) or RMS_NORMS_NAMED_LAYERNORM.search(name):
        return "rmsnorm"
    return "layernorm"


def matches(selector: Selector, path: str, module: torch.nn.Module) -> bool:
    if callable(selector):
        return bool(selector(path, module))
    if GLOB_CHARACTERS.search(selector):
        return fnmatch.fnmatchcase(path, selector)
    return path == selector


def selected(selectors: Iterable[Selector], named: dict[str, torch.nn.Module],
             model: torch.nn.Module, argument: str) -> dict[str, torch.nn.Module]:
    """The modules any selector picks; a path or glob that picks none is an error."""
    selectors = list(selectors)
    unmatched = [s for s in selectors if isinstance(s, str)
                 and not any(matches(s, p, m) for p, m in named.items())]
    if unmatched:
        norms = ", ".join(p for p, m in named.items() if is_norm_module(m)) or "none"
        raise ExportError(f"model {type(model).__name__}: {argument}= names no module at "
                          f"{', '.join(unmatched)} (normalization modules found: {norms})")
    return {p: m for p, m in named.items() if any(matches(s, p, m) for s in selectors)}


def select_modules(model: torch.nn.Module, modules: Optional[Iterable[Selector]],
                   include: Optional[Iterable[Selector]],
                   exclude: Optional[Iterable[Selector]]) -> dict[str, torch.nn.Module]:
    """`modules` if given (any module at all), else every norm-like module plus `include`;
    then without `exclude`. Forward order decides the dump's order later."""
    named = {p: m for p, m in model.named_modules() if p}
    if modules is not None:
        chosen = selected(modules, named, model, "modules")
    else:
        chosen = {p: m for p, m in named.items() if is_norm_module(m)}
        chosen.update(selected(include or (), named, model, "include"))
    if exclude:
        dropped = selected(exclude, named, model, "exclude")
        chosen = {p: m for p, m in chosen.items() if p not in dropped}
    if not chosen:
        raise ExportError(f"model {type(model).__name__}: no LayerNorm or RMSNorm module found "
                          f"(name others with modules= or include=)")
    return chosen


def eps_attribute(module: torch.nn.Module) -> Optional[float]:
    """The module's ε under whichever attribute name its library uses, None when it has none."""
    for attribute in EPS_ATTRIBUTES:
        value = getattr(module, attribute, None)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
    return None


def caller_eps(eps: Union[None, float, dict], path: str) -> Optional[float]:
    """ε the caller gave for this module: one number for all, or {path or glob: ε}."""
    if eps is None:
        return None
    if isinstance(eps, dict):
        found = [float(v) for pattern, v in eps.items() if matches(pattern, path, None)]
        return found[0] if found else None
    return float(eps)


def parameter(module: torch.nn.Module, names: Union[str, Iterable[str]],
              d: int) -> Optional[np.ndarray]:
    """The first of the named parameters that is a vector of length d, in float64."""
    for name in ([names] if isinstance(names, str) else names):
        value = getattr(module, name, None)
        if isinstance(value, torch.Tensor) and tuple(value.shape) == (d,):
            return value.detach().cpu().double().numpy()
    return None
