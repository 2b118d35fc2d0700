"""Layer and short site label of every stored site, unique within the dump.

The label follows the norm's role when it is known ("ln1" before attention, "ln2" before the
MLP, "final", ...) and the module's name otherwise; a module run several times per forward gets
".c<call>", extra axes ".h<head>" (QK-norm) or ".s<slot>".
"""

from __future__ import annotations

from collections import Counter
from typing import Optional

from .sources import SiteSpec

ROLE_SITES = {
    "pre-attention": "ln1", "pre-mlp": "ln2", "pre-cross-attention": "ln_cross",
    "post-attention": "post_attn", "post-cross-attention": "post_cross", "post-mlp": "post_mlp",
    "final": "final", "embedding": "embed",
}
# Used when nothing is known about the role (arrays given without one).
SITE_NAMES = {
    "ln_1": "ln1", "ln1": "ln1", "norm1": "ln1", "input_layernorm": "ln1",
    "attention_norm": "ln1", "layernorm_before": "ln1", "self_attn_layer_norm": "ln1",
    "ln_2": "ln2", "ln2": "ln2", "norm2": "ln2", "post_attention_layernorm": "ln2",
    "ffn_norm": "ln2", "layernorm_after": "ln2",
}
FINAL_NORM_NAMES = {"ln_f", "norm", "final_layer_norm", "final_layernorm", "norm_f",
                    "ln_final", "final_norm", "layer_norm", "layernorm"}


def first_integer(path: str) -> Optional[int]:
    """The first all-digit part of a dotted module path: the block index in common models."""
    for part in path.split("."):
        if part.isdigit():
            return int(part)
    return None


def role_from_name(path: str) -> str:
    """'final' for a top-level norm named like one; nothing else can be told from a name."""
    leaf = path.rsplit(".", 1)[-1]
    return "final" if first_integer(path) is None and leaf in FINAL_NORM_NAMES else ""


def base_site(spec: SiteSpec) -> str:
    if spec.source.site is not None:
        return spec.source.site
    leaf = spec.source.path.rsplit(".", 1)[-1]
    return ROLE_SITES.get(spec.role) or SITE_NAMES.get(leaf, leaf)


def block_layer(spec: SiteSpec) -> int:
    """The block index in the path; for a block-less module run several times per forward (a
    looped block), the call; else -1."""
    if spec.source.layer is not None:
        return spec.source.layer
    layer = first_integer(spec.source.path)
    if layer is None and spec.n_calls > 1:
        return spec.call
    return -1 if layer is None else layer


def suffix(spec: SiteSpec) -> str:
    looped = spec.n_calls > 1 and first_integer(spec.source.path) is not None
    text = f".c{spec.call}" if looped else ""
    return text + (f".{spec.slot_name()[0]}{spec.slot}" if spec.n_slots > 1 else "")


def set_final_layers(specs: list[SiteSpec]) -> None:
    """A final norm's layer is its stack's number of blocks (a stack-less final norm, such as
    Llama's model.norm, follows the blocks of the whole model)."""
    for spec in specs:
        if spec.role == "final" and spec.source.layer is None:
            layers = [s.layer for s in specs if s.role != "final" and s.layer >= 0]
            own = [s.layer for s in specs if s.role != "final" and s.layer >= 0
                   and s.source.stack == spec.source.stack]
            spec.layer = max(own or layers or [-1]) + 1


def label_sites(specs: list[SiteSpec]) -> None:
    """Sets layer and site of every spec; duplicates get the stack, then the module's name."""
    for spec in specs:
        spec.layer = block_layer(spec)
        spec.site = base_site(spec) + suffix(spec)
    set_final_layers(specs)
    for widen in (lambda s: f"{s.source.stack[:3]}.{s.site}" if s.source.stack else s.site,
                  lambda s: f"{s.site}.{s.source.path.rsplit('.', 1)[-1]}",
                  lambda s: f"{s.site}.{s.key}"):
        counts = Counter((s.layer, s.site) for s in specs)
        for spec in specs:
            if counts[(spec.layer, spec.site)] > 1:
                spec.site = widen(spec)
