"""from_transformer_lens(): a dump from a HookedTransformer's ActivationCache.

TransformerLens caches the residual stream that enters each norm (hook_resid_pre before ln1,
hook_resid_mid before ln2, the last hook_resid_post before ln_final) and the norm's
hook_normalized, which is taken at different points: after γ and β in LayerNorm, before γ in
RMSNorm, and is the whole output of LayerNormPre / RMSNormPre (γ folded into the next
weights). The output stored is the norm's true output, and each site records which it was.
"""

from __future__ import annotations

import warnings
from typing import Any, Optional

import numpy as np
import torch

from .array_export import export_arrays
from .errors import ExportError
from .formulas import FORMULA_CHECK_ROWS, FORMULA_RELATIVE_TOLERANCE, apply_norm

# Class name: (kind, where hook_normalized is taken).
NORM_CLASSES = {
    "LayerNorm": ("layernorm", "after gamma and beta"),
    "RMSNorm": ("rmsnorm", "before gamma"),
    "LayerNormPre": ("layernorm", "whole output (no gamma or beta)"),
    "RMSNormPre": ("rmsnorm", "whole output (no gamma)"),
}
# Below this |mean| / rms, every residual vector is centred: TransformerLens' weight processing.
CENTRED = 1e-5


def cached(cache: Any, hook: str, required: bool) -> Optional[torch.Tensor]:
    try:
        return cache[hook]
    except KeyError:
        if required:
            raise ExportError(f"the cache has no '{hook}': run run_with_cache without a "
                              f"names_filter, or with one that keeps it") from None
        return None


def parameter(module: torch.nn.Module, name: str) -> Optional[torch.Tensor]:
    value = getattr(module, name, None)
    return value.detach() if isinstance(value, torch.Tensor) else None


def norm_site(cache: Any, path: str, module: torch.nn.Module, input_hook: str, eps: float,
              labels: dict) -> dict:
    """One export_arrays site: input, true output, γ, β, ε and where each came from."""
    class_name = type(module).__name__
    if class_name not in NORM_CLASSES:
        raise ExportError(f"'{path}' is a {class_name}, not one of TransformerLens' norms "
                          f"({', '.join(NORM_CLASSES)})")
    kind, taken = NORM_CLASSES[class_name]
    eps = float(getattr(module, "eps", eps))
    w, b = parameter(module, "w"), parameter(module, "b")
    normalized = cached(cache, f"{path}.hook_normalized", required=False)
    output = normalized
    if normalized is not None and taken == "before gamma" and w is not None:
        output = normalized * w
    attrs = {"hook_input": input_hook,
             "hook_normalized": f"{path}.hook_normalized, {taken}" if normalized is not None
             else "not in the cache: no output stored"}
    return {"input": cached(cache, input_hook, required=True), "output": output, "gamma": w,
            "beta": b, "eps": eps, "kind": kind, "attrs": attrs, **labels}


def transformer_lens_sites(model: Any, cache: Any) -> dict:
    """ln1 / ln2 of every block and ln_final, where the model has them."""
    cfg = model.cfg
    n_layers = len(model.blocks)
    sites = {}
    for layer, block in enumerate(model.blocks):
        mid = "hook_resid_pre" if getattr(cfg, "parallel_attn_mlp", False) else "hook_resid_mid"
        for name, role, hook in (("ln1", "pre-attention", "hook_resid_pre"),
                                 ("ln2", "pre-mlp", mid)):
            module = getattr(block, name, None)
            if module is not None and not isinstance(module, torch.nn.Identity):
                path = f"blocks.{layer}.{name}"
                sites[path] = norm_site(cache, path, module, f"blocks.{layer}.{hook}", cfg.eps,
                                        {"layer": layer, "site": name, "role": role})
    final = getattr(model, "ln_final", None)
    if final is not None and not isinstance(final, torch.nn.Identity):
        sites["ln_final"] = norm_site(cache, "ln_final", final,
                                      f"blocks.{n_layers - 1}.hook_resid_post", cfg.eps,
                                      {"layer": n_layers, "site": "final", "role": "final"})
    return sites


def check_sites(sites: dict) -> None:
    """Warns where the cache's normalized vectors do not follow from its inputs (a wrong hook,
    or weights changed after caching) and where the weights were processed."""
    for path, site in sites.items():
        if site["output"] is None:
            continue
        x = site["input"].reshape(-1, site["input"].shape[-1])[:FORMULA_CHECK_ROWS].double()
        y = site["output"].reshape(-1, x.shape[-1])[:FORMULA_CHECK_ROWS].double().numpy()
        gamma, beta = (None if site[k] is None else site[k].double().numpy()
                       for k in ("gamma", "beta"))
        predicted = apply_norm(x.numpy(), site["kind"], "weight", site["eps"], gamma, beta)
        if np.linalg.norm(predicted - y) > FORMULA_RELATIVE_TOLERANCE * (np.linalg.norm(y) or 1):
            warnings.warn(f"{path}: the cache's {site['attrs']['hook_normalized']} does not "
                          f"follow from {site['attrs']['hook_input']}", stacklevel=3)
    first = next(iter(sites.values()))["input"].double()
    centred = first.mean(-1).abs() / first.pow(2).mean(-1).sqrt().clamp_min(1e-30)
    if float(centred.max()) < CENTRED:
        warnings.warn("every residual vector has mean 0: TransformerLens processed the weights "
                      "(center_writing_weights), which makes every angle to 1 exactly 90°; load "
                      "the model with from_pretrained_no_processing", stacklevel=3)


def from_transformer_lens(model: Any, cache: Any, path: str, tokens: Any = None, mask: Any = None,
                          sequence: Any = None, position: Any = None, dtype: str = "float32", *,
                          name: Optional[str] = None, model_attrs: Optional[dict] = None,
                          mode: str = "w", chunk_rows: Optional[int] = None) -> str:
    """Writes ln1, ln2 and ln_final of a HookedTransformer from `cache`
    (`_, cache = model.run_with_cache(tokens)`). Returns path."""
    try:
        sites = transformer_lens_sites(model, cache)
    except ExportError as error:
        raise ExportError(f"{path}: {error}") from error
    if not sites:
        raise ExportError(f"{path}: the model has no ln1, ln2 or ln_final norms")
    check_sites(sites)
    model_name = name or getattr(model.cfg, "model_name", type(model).__name__)
    return export_arrays(path, sites, tokens, mask, sequence, position, dtype, name=model_name,
                         source="tools/lngeom_export.py from_transformer_lens",
                         model_attrs=model_attrs, mode=mode, chunk_rows=chunk_rows)
