"""What a dump is made of: norm sources (a hooked module, or arrays the caller already holds),
the vectors each captured in the current batch, and the sites stored from them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import numpy as np
import torch

from .errors import ExportError

STORAGE_DTYPES = ("float16", "bfloat16", "float32", "float64")
FLOAT16_MAX = float(np.finfo(np.float16).max)


@dataclass
class Capture:
    """One call's input and output, copied in the storage type (a later in-place update of the
    model's tensor cannot change them)."""

    input: torch.Tensor
    output: Optional[torch.Tensor]


@dataclass(eq=False)
class NormSource:
    """One normalization: its parameters, labels given by the caller, and this batch's calls."""

    path: str
    eps: Optional[float] = None
    kind: str = ""
    gamma_convention: str = "weight"
    gamma: Optional[np.ndarray] = None
    beta: Optional[np.ndarray] = None
    stack: str = ""
    layer: Optional[int] = None  # None: read from the path
    site: Optional[str] = None  # None: from the role or the path
    role: Optional[str] = None  # None: found from the call order
    attrs: dict = field(default_factory=dict)  # further site attributes
    calls: list = field(default_factory=list)  # this batch's Captures
    call_roles: list = field(default_factory=list)  # roles of the first batch's calls
    call_order: list = field(default_factory=list)  # the first batch's call indices, for keys


@dataclass(eq=False)
class SiteSpec:
    """One stored site: call `call` and slot `slot` of a source; n_calls > 1 for a module run
    several times per forward (each call its own site), n_slots > 1 for extra axes (heads)."""

    source: NormSource
    call: int = 0
    slot: int = 0
    n_calls: int = 1
    n_slots: int = 1
    d: int = 0
    role: str = ""
    key: str = ""
    layer: int = -1
    site: str = ""

    def describe(self) -> str:
        text = f"'{self.source.path}'"
        if self.n_calls > 1:
            text += f" call {self.call}"
        return text + (f" {self.slot_name()} {self.slot}" if self.n_slots > 1 else "")

    def slot_name(self) -> str:
        """'head' for a norm inside attention (QK-norm), 'slot' for any other extra axis."""
        return "head" if self.role == "inside-attention" else "slot"


def storage_copy(x: torch.Tensor, dtype: str, what: str) -> torch.Tensor:
    """A CPU copy in the storage type; ExportError where float16 would turn values into inf."""
    x = x.detach()
    if dtype == "float16" and x.numel():
        finite = x[torch.isfinite(x)]
        largest = float(finite.abs().max()) if finite.numel() else 0.0
        if largest > FLOAT16_MAX:
            raise ExportError(f"{what}: values reach {largest:.4g}, beyond float16's largest "
                              f"{FLOAT16_MAX:.0f}, so the dump would hold inf; use "
                              f"dtype='bfloat16' or 'float32'")
    return x.to(device="cpu", dtype=getattr(torch, dtype), copy=True)


def storage_numpy(x: torch.Tensor) -> np.ndarray:
    """Rows as numpy for h5py: bfloat16 travels as its raw uint16 bits."""
    if x.dtype == torch.bfloat16:
        return x.view(torch.int16).numpy().view(np.uint16)
    return x.numpy()


def numpy_dtype(dtype: str) -> np.dtype:
    return np.dtype(np.uint16 if dtype == "bfloat16" else dtype)
