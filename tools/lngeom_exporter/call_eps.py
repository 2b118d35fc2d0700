"""ε read from the call when a norm module keeps it nowhere: nanoGPT's LayerNorm calls
`F.layer_norm(x, shape, w, b, 1e-5)` and has no eps attribute.

While such a module runs, torch.layer_norm (which F.layer_norm calls) and torch.rms_norm are
wrapped to note the ε they are given; the originals are put back when the export ends.
"""

from __future__ import annotations

from typing import Any, Optional

import torch

# Positional index of eps and its default when omitted, per wrapped function.
WRAPPED = {"layer_norm": (4, 1e-5), "rms_norm": (3, None)}


def eps_of_call(name: str, args: tuple, kwargs: dict) -> float:
    index, default = WRAPPED[name]
    eps = args[index] if len(args) > index else kwargs.get("eps", default)
    if eps is None:  # torch.rms_norm's default: the machine epsilon of the input's type
        eps = torch.finfo(args[0].dtype).eps
    return float(eps)


class CallEpsListener:
    """Notes the ε of the first layer_norm / rms_norm call made inside a listened-to module."""

    def __init__(self) -> None:
        self.originals: dict[str, Any] = {}
        self.listening: list[list] = []

    def install(self) -> None:
        for name in WRAPPED:
            original = getattr(torch, name, None)
            if original is not None and name not in self.originals:
                self.originals[name] = original
                setattr(torch, name, self.wrapper(name, original))

    def uninstall(self) -> None:
        for name, original in self.originals.items():
            setattr(torch, name, original)
        self.originals.clear()
        self.listening.clear()

    def wrapper(self, name: str, original: Any) -> Any:
        def call(*args: Any, **kwargs: Any) -> Any:
            if self.listening and not self.listening[-1]:
                self.listening[-1].append(eps_of_call(name, args, kwargs))
            return original(*args, **kwargs)
        return call

    def start(self) -> None:
        self.listening.append([])

    def stop(self) -> Optional[float]:
        """The ε noted since the matching start(), None when no norm function was called."""
        heard = self.listening.pop() if self.listening else []
        return heard[0] if heard else None
