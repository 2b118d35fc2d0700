"""Forward hooks on a model's norm modules: each call's input and output, the module's ε (its
attribute, or the ε its call passed to torch.layer_norm / rms_norm) and which formula it
computes, confirmed on its first call."""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from typing import Any, Optional

import numpy as np
import torch

from .call_eps import CallEpsListener
from .errors import SkippedSiteWarning
from .formulas import FORMULA_CHECK_ROWS, identify_formula
from .module_calls import ModuleCallRecorder
from .norm_modules import BETA_NAMES, GAMMA_NAMES, eps_attribute, kind_from_class, parameter
from .sources import Capture, NormSource, storage_copy

# The ε assumed only to tell LayerNorm from RMSNorm when a module's own is unknown.
ASSUMED_EPS = 1e-5


@dataclass(eq=False)
class HookedNorm(NormSource):
    """A norm module of the model, captured through its forward hooks."""

    module: Optional[torch.nn.Module] = None
    gamma_names: Any = GAMMA_NAMES
    beta_names: Any = BETA_NAMES
    listens: bool = False  # ε must be heard from its call
    listening_now: bool = False
    problem: str = ""  # why its calls cannot be captured
    dtype: str = "float32"
    hooks: list = field(default_factory=list)


def first_tensor(value: Any) -> Optional[torch.Tensor]:
    """The tensor a module was given or returned (Hugging Face norms may return tuples)."""
    if isinstance(value, torch.Tensor):
        return value
    if isinstance(value, (tuple, list)) and value and isinstance(value[0], torch.Tensor):
        return value[0]
    return None


def norm_input(args: tuple, kwargs: Optional[dict]) -> Optional[torch.Tensor]:
    """The first positional tensor, else (torch 2 hooks see keywords) the first keyword one."""
    found = first_tensor(args)
    if found is None and kwargs:
        found = next((v for v in kwargs.values() if isinstance(v, torch.Tensor)), None)
    return found


def rows_of(x: torch.Tensor) -> np.ndarray:
    return x.detach().reshape(-1, x.shape[-1])[:FORMULA_CHECK_ROWS].double().cpu().numpy()


def settle_parameters(norm: HookedNorm, x: torch.Tensor, out: torch.Tensor,
                      heard_eps: Optional[float]) -> None:
    """On the first call: ε, γ, β (vectors of the input's width) and the formula."""
    name = f"module '{norm.path}' ({type(norm.module).__name__})"
    if norm.eps is None:
        norm.eps = heard_eps
    if norm.eps is None:
        warnings.warn(f"{name}: its ε is unknown (no eps, variance_epsilon or epsilon attribute, "
                      f"and its forward called neither torch.layer_norm nor rms_norm); the dump "
                      f"records none, so readers assume 1e-5: pass eps=... to record it",
                      SkippedSiteWarning, stacklevel=2)
    d = x.shape[-1]
    norm.gamma = parameter(norm.module, norm.gamma_names, d)
    norm.beta = parameter(norm.module, norm.beta_names, d)
    prior = kind_from_class(norm.module)
    formula = identify_formula(rows_of(x), rows_of(out), norm.eps or ASSUMED_EPS, norm.gamma,
                               norm.beta, prior)
    if formula is None:
        warnings.warn(f"{name}: its output matches neither LayerNorm nor RMSNorm of its input; "
                      f"recorded as {prior} from the class name", stacklevel=2)
        formula = (prior, "weight")
    norm.kind, norm.gamma_convention = formula
    norm.listens = False


def capture_hook(norm: HookedNorm, listener: CallEpsListener, recorder: ModuleCallRecorder) -> Any:
    def hook(module: torch.nn.Module, args: tuple, *rest: Any) -> None:
        kwargs, output = (rest[0], rest[1]) if len(rest) == 2 else (None, rest[0])
        heard = listener.stop() if norm.listening_now else None
        norm.listening_now = False
        x, out = norm_input(args, kwargs), first_tensor(output)
        if x is None or out is None:
            norm.problem = ("its input or output is not a tensor the hooks can see (this torch's "
                            "forward hooks do not see keyword arguments)")
            return
        if not norm.kind:
            settle_parameters(norm, x, out, heard)
        norm.calls.append(Capture(storage_copy(x, norm.dtype, f"module '{norm.path}' input"),
                                  storage_copy(out, norm.dtype, f"module '{norm.path}' output")))
        if recorder.handles:
            norm.call_order.append(recorder.norm_finished(norm.path, out))
    return hook


def listen_hook(norm: HookedNorm, listener: CallEpsListener) -> Any:
    def hook(module: torch.nn.Module, args: tuple) -> None:
        if norm.listens:
            norm.listening_now = True
            listener.start()
    return hook


def attach(norm: HookedNorm, listener: CallEpsListener, recorder: ModuleCallRecorder) -> None:
    try:
        handle = norm.module.register_forward_hook(capture_hook(norm, listener, recorder),
                                                   with_kwargs=True)
    except TypeError:
        handle = norm.module.register_forward_hook(capture_hook(norm, listener, recorder))
    norm.hooks += [handle, norm.module.register_forward_pre_hook(listen_hook(norm, listener))]


def detach(norm: HookedNorm) -> None:
    for handle in norm.hooks:
        handle.remove()
    norm.hooks.clear()


def hooked_norm(path: str, module: torch.nn.Module, eps: Optional[float], gamma: Any, beta: Any,
                stack: str, dtype: str) -> HookedNorm:
    """A module to hook; ε given by the caller wins over the module's attribute."""
    eps = eps if eps is not None else eps_attribute(module)
    return HookedNorm(path, eps=eps, stack=stack, module=module,
                      gamma_names=gamma or GAMMA_NAMES, beta_names=beta or BETA_NAMES,
                      listens=eps is None, dtype=dtype)
