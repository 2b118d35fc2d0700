"""The order in which a model's modules run during the first batch: the evidence for where in
its block each norm sits (block_roles.py reads it).

Every module gets a forward pre-hook for that one batch. A start notes which earlier norm
outputs it received (by tensor identity) and whether it looks like cross-attention.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

import torch

# Keyword arguments through which Hugging Face attention modules receive the encoder's states.
CROSS_ATTENTION_KEYWORDS = ("key_value_states", "encoder_hidden_states")


@dataclass
class ModuleStart:
    """One module call, at the moment it began."""

    path: str
    consumed: set = field(default_factory=set)  # indices of NormCalls whose output it received
    inputs_visible: bool = False  # False: called with keyword arguments only (torch < 2 hooks)
    cross: bool = False  # its keys/values are not its queries


@dataclass
class NormCall:
    """One call of a dumped norm module: where it began and ended among the starts."""

    path: str
    start: int
    end: int


def is_other_sequence(key: torch.Tensor, query: torch.Tensor) -> bool:
    """Keys shaped like the queries but not them: attention to another sequence. (A mask
    passed second, as GPT-2 does, has another rank.)"""
    return key is not query and key.dim() == query.dim() and key.shape[-1] == query.shape[-1]


def visible_tensors(args: tuple, kwargs: Optional[dict]) -> tuple[list, dict]:
    positional = [a for a in args if isinstance(a, torch.Tensor)]
    keywords = {k: v for k, v in (kwargs or {}).items() if isinstance(v, torch.Tensor)}
    return positional, keywords


class ModuleCallRecorder:
    """Records module starts and norm calls while attached (the first batch only)."""

    def __init__(self) -> None:
        self.starts: list[ModuleStart] = []
        self.norm_calls: list[NormCall] = []
        self.outputs: dict[int, int] = {}
        self.kept_outputs: list = []  # keeps recorded outputs alive so their ids stay unique
        self.handles: list = []

    def attach(self, model: torch.nn.Module) -> None:
        for path, module in model.named_modules():
            if path:
                self.handles.append(register_pre_hook(module, self.pre_hook(path)))

    def detach(self) -> None:
        for handle in self.handles:
            handle.remove()
        self.handles.clear()
        self.kept_outputs.clear()
        self.outputs.clear()

    def pre_hook(self, path: str) -> Any:
        def hook(module: torch.nn.Module, args: tuple, kwargs: Optional[dict] = None) -> None:
            self.started(path, args, kwargs)
        return hook

    def started(self, path: str, args: tuple, kwargs: Optional[dict]) -> None:
        positional, keywords = visible_tensors(args, kwargs)
        tensors = positional + list(keywords.values())
        cross = (len(positional) >= 2 and is_other_sequence(positional[1], positional[0])) or any(
            k in keywords for k in CROSS_ATTENTION_KEYWORDS)
        consumed = {self.outputs[id(t)] for t in tensors if id(t) in self.outputs}
        self.starts.append(ModuleStart(path, consumed, bool(tensors), cross))

    def norm_finished(self, path: str, output: torch.Tensor) -> int:
        """Notes a dumped norm's call as it returns; the call's index."""
        start = max(i for i, s in enumerate(self.starts) if s.path == path)
        self.norm_calls.append(NormCall(path, start, len(self.starts)))
        self.outputs[id(output)] = len(self.norm_calls) - 1
        self.kept_outputs.append(output)
        return len(self.norm_calls) - 1


def register_pre_hook(module: torch.nn.Module, hook: Any) -> Any:
    """With keyword arguments where torch allows it (2.0 and later)."""
    try:
        return module.register_forward_pre_hook(hook, with_kwargs=True)
    except TypeError:
        return module.register_forward_pre_hook(hook)
