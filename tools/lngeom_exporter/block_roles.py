"""Where each norm sits: its stack (encoder / decoder) and its role in the block, read from the
order in which modules ran in the first batch rather than from module names (Llama's
`post_attention_layernorm` is a pre-MLP norm, Gemma-2's is a true post-attention norm).

Roles: pre-attention, pre-cross-attention, pre-mlp, post-attention, post-cross-attention,
post-mlp (post-LN or "sandwich" norms), inside-attention / inside-mlp (QK-norm), embedding
(before the first block), final (after the last), "" when the evidence says nothing.
"""

from __future__ import annotations

import re
from typing import Optional

import torch

from .module_calls import ModuleCallRecorder, NormCall

ATTENTION_CLASS = re.compile(r"Attention|Attn")
MLP_CLASS = re.compile(r"MLP|FeedForward|FFN|Intermediate|DenseReluDense|DenseGatedActDense",
                       re.IGNORECASE)
MLP_NAMES = {"mlp", "ffn", "feed_forward", "feedforward", "ff", "linear1", "fc1", "c_fc",
             "dense_h_to_4h"}
CROSS_NAME = re.compile(r"cross|encdec|enc_dec|encoder_attn", re.IGNORECASE)


def indexed_block(path: str) -> Optional[str]:
    """The path up to its first all-digit part ("transformer.h.3"), None when it has none."""
    parts = path.split(".")
    for index, part in enumerate(parts):
        if part.isdigit():
            return ".".join(parts[:index + 1])
    return None


def ancestors(path: str) -> list[str]:
    """The root, then every enclosing module's path, then the module's own."""
    parts = path.split(".")
    return [""] + [".".join(parts[:i]) for i in range(1, len(parts) + 1)]


def stack_word(name: str) -> str:
    lowered = name.lower()
    found = [w for w in ("encoder", "decoder") if w in lowered]
    return found[0] if len(found) == 1 else ""


def stack_of(path: str, named: dict[str, torch.nn.Module]) -> str:
    """'encoder' or 'decoder' from the outermost enclosing module whose name or class says so."""
    for prefix in ancestors(path):
        module = named.get(prefix)
        for name in (prefix.rsplit(".", 1)[-1], type(module).__name__ if module else ""):
            if stack_word(name):
                return stack_word(name)
    return ""


def sublayer_family(path: str, module: torch.nn.Module) -> str:
    name = type(module).__name__
    if isinstance(module, torch.nn.MultiheadAttention) or ATTENTION_CLASS.search(name):
        return "attention"
    if MLP_CLASS.search(name) or path.rsplit(".", 1)[-1] in MLP_NAMES:
        return "mlp"
    return ""


def find_sublayers(named: dict[str, torch.nn.Module]) -> dict[str, str]:
    """Attention and MLP modules, innermost only: T5LayerSelfAttention holds its norm and a
    T5Attention, and the T5Attention is the sublayer."""
    families = {p: f for p, m in named.items() if p and (f := sublayer_family(p, m))}
    return {p: f for p, f in families.items()
            if not any(q.startswith(p + ".") and g == f for q, g in families.items())}


class RoleFinder:
    """Roles of the norm calls a ModuleCallRecorder saw."""

    def __init__(self, named: dict[str, torch.nn.Module], recorder: ModuleCallRecorder):
        self.sublayers = find_sublayers(named)
        self.starts = recorder.starts
        self.stacks = {p: stack_of(p, named) for p in named}
        self.norm_paths = {c.path for c in recorder.norm_calls}
        self.paths = [p for p in named if p]
        self.blocks = {p: self.block_of(p) for p in self.paths}

    def block_of(self, path: str) -> Optional[str]:
        """The block a module belongs to: its path up to the first all-digit part ("h.3");
        without one, the nearest enclosing module that holds a sublayer and no numbered blocks
        (a block reused in a loop); None for modules outside blocks (embedding, final norm)."""
        indexed = indexed_block(path)
        if indexed is not None:
            return indexed
        for prefix in reversed(ancestors(path)[1:-1]):
            inside = [p for p in self.paths if p.startswith(prefix + ".")
                      and not any(p.startswith(s + ".") for s in self.sublayers)]
            if any(p in self.sublayers for p in inside) and \
                    not any(indexed_block(p) for p in inside):
                return prefix
        return None

    def kind(self, start_index: int) -> str:
        start = self.starts[start_index]
        family = self.sublayers[start.path]
        cross = start.cross or CROSS_NAME.search(start.path.rsplit(".", 1)[-1])
        return "cross-attention" if family == "attention" and cross else family

    def roles(self, calls: list[NormCall]) -> list[str]:
        return [self.role(call, index) for index, call in enumerate(calls)]

    def role(self, call: NormCall, index: int) -> str:
        enclosing = [p for p in self.sublayers if call.path.startswith(p + ".")]
        if enclosing:
            return self.role_inside(call, max(enclosing, key=len))
        block = self.blocks.get(call.path)
        if block is None:
            return self.role_outside_blocks(call)
        return self.role_in_block(call, index, block)

    def role_inside(self, call: NormCall, sublayer: str) -> str:
        """First thing the sublayer runs: pre-; last: post-; else inside (QK-norm)."""
        opened = max(i for i in range(call.start) if self.starts[i].path == sublayer)
        inside = [i for i, s in enumerate(self.starts) if s.path.startswith(sublayer + ".")
                  and s.path != call.path and not s.path.startswith(call.path + ".")]
        closed = next((i for i in range(call.end, len(self.starts))
                       if not self.starts[i].path.startswith(sublayer + ".")), len(self.starts))
        kind = self.kind(opened)
        if not any(opened < i < call.start for i in inside):
            return "pre-" + kind
        if not any(call.end <= i < closed for i in inside):
            return "post-" + kind
        return "inside-" + kind

    def role_outside_blocks(self, call: NormCall) -> str:
        stack = self.stacks.get(call.path, "")
        earlier_blocks = [s for s in self.starts[:call.start] if self.blocks.get(s.path)
                          and (not stack or self.stacks.get(s.path, "") == stack)]
        return "final" if earlier_blocks else "embedding"

    def role_in_block(self, call: NormCall, index: int, block: str) -> str:
        items = [i for i, s in enumerate(self.starts) if self.blocks.get(s.path) == block
                 and (s.path in self.sublayers or i == call.start or self.is_norm_start(i))]
        sublayer_starts = [i for i in items if self.starts[i].path in self.sublayers]
        previous = [i for i in sublayer_starts if i < call.start]
        following = [i for i in sublayer_starts if i >= call.end]
        if not previous and not following:
            return ""
        post_ln = bool(sublayer_starts) and items[0] in sublayer_starts
        if post_ln and previous:
            return "post-" + self.kind(previous[-1])
        if following and (post_ln or self.feeds(index, following[0]) or not previous):
            return "pre-" + self.kind(following[0])
        return "post-" + self.kind(previous[-1])

    def is_norm_start(self, index: int) -> bool:
        return self.starts[index].path in self.norm_paths

    def feeds(self, call_index: int, start_index: int) -> bool:
        """The norm's output went into that sublayer, or the hooks could not see its inputs."""
        start = self.starts[start_index]
        return call_index in start.consumed or not start.inputs_visible
