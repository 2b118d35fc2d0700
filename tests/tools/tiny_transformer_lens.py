"""A stand-in for TransformerLens' HookedTransformer: HookPoint modules named as TransformerLens
names them (blocks.N.hook_resid_pre, blocks.N.ln1.hook_scale, blocks.N.ln1.hook_normalized,
...), its norms with γ/β called w/b (hook_normalized after γ and β in LayerNorm, before γ in
RMSNorm; LayerNormPre without γ), and run_with_cache returning an ActivationCache-like dict.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch

from tiny_models import causal_mask


@dataclass
class HookedTransformerConfig:
    n_layers: int = 2
    d_model: int = 16
    n_heads: int = 2
    d_vocab: int = 50
    n_ctx: int = 32
    eps: float = 1e-5
    normalization_type: str = "LN"  # "LN", "LNPre" or "RMS"
    model_name: str = "tiny-hooked"


class HookPoint(torch.nn.Module):
    """The identity, where run_with_cache reads the activation."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x


class LayerNorm(torch.nn.Module):
    def __init__(self, cfg: HookedTransformerConfig):
        super().__init__()
        self.eps = cfg.eps
        self.w = torch.nn.Parameter(1.0 + 0.3 * torch.randn(cfg.d_model))
        self.b = torch.nn.Parameter(0.3 * torch.randn(cfg.d_model))
        self.hook_scale = HookPoint()
        self.hook_normalized = HookPoint()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = x - x.mean(-1, keepdim=True)
        scale = self.hook_scale((x.pow(2).mean(-1, keepdim=True) + self.eps).sqrt())
        return self.hook_normalized(x / scale * self.w + self.b)


class LayerNormPre(torch.nn.Module):
    def __init__(self, cfg: HookedTransformerConfig):
        super().__init__()
        self.eps = cfg.eps
        self.hook_scale = HookPoint()
        self.hook_normalized = HookPoint()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = x - x.mean(-1, keepdim=True)
        scale = self.hook_scale((x.pow(2).mean(-1, keepdim=True) + self.eps).sqrt())
        return self.hook_normalized(x / scale)


class RMSNorm(torch.nn.Module):
    def __init__(self, cfg: HookedTransformerConfig):
        super().__init__()
        self.eps = cfg.eps
        self.w = torch.nn.Parameter(1.0 + 0.3 * torch.randn(cfg.d_model))
        self.hook_scale = HookPoint()
        self.hook_normalized = HookPoint()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        scale = self.hook_scale((x.pow(2).mean(-1, keepdim=True) + self.eps).sqrt())
        return self.hook_normalized(x / scale) * self.w


NORMS = {"LN": LayerNorm, "LNPre": LayerNormPre, "RMS": RMSNorm}


class Attention(torch.nn.Module):
    def __init__(self, cfg: HookedTransformerConfig):
        super().__init__()
        self.inner = torch.nn.MultiheadAttention(cfg.d_model, cfg.n_heads, batch_first=True)

    def forward(self, query_input: torch.Tensor, key_input: torch.Tensor,
                value_input: torch.Tensor) -> torch.Tensor:
        mask = causal_mask(query_input.shape[1])
        return self.inner(query_input, key_input, value_input, attn_mask=mask,
                          need_weights=False)[0]


class MLP(torch.nn.Module):
    def __init__(self, cfg: HookedTransformerConfig):
        super().__init__()
        self.W_in = torch.nn.Linear(cfg.d_model, 4 * cfg.d_model)
        self.W_out = torch.nn.Linear(4 * cfg.d_model, cfg.d_model)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.W_out(torch.nn.functional.gelu(self.W_in(x)))


class TransformerBlock(torch.nn.Module):
    def __init__(self, cfg: HookedTransformerConfig):
        super().__init__()
        self.ln1, self.ln2 = NORMS[cfg.normalization_type](cfg), NORMS[cfg.normalization_type](cfg)
        self.attn, self.mlp = Attention(cfg), MLP(cfg)
        for name in ("hook_resid_pre", "hook_attn_out", "hook_resid_mid", "hook_mlp_out",
                     "hook_resid_post"):
            setattr(self, name, HookPoint())

    def forward(self, resid_pre: torch.Tensor) -> torch.Tensor:
        resid_pre = self.hook_resid_pre(resid_pre)
        query = self.ln1(resid_pre)
        attn_out = self.hook_attn_out(self.attn(query_input=query, key_input=query,
                                                value_input=query))
        resid_mid = self.hook_resid_mid(resid_pre + attn_out)
        mlp_out = self.hook_mlp_out(self.mlp(self.ln2(resid_mid)))
        return self.hook_resid_post(resid_mid + mlp_out)


class ActivationCache:
    """Like TransformerLens': cache[hook name] is the activation, a missing name a KeyError."""

    def __init__(self, activations: dict):
        self.cache_dict = activations

    def __getitem__(self, name: str) -> torch.Tensor:
        return self.cache_dict[name]

    def keys(self):
        return self.cache_dict.keys()


class HookedTransformer(torch.nn.Module):
    def __init__(self, cfg: HookedTransformerConfig):
        super().__init__()
        torch.manual_seed(9)
        self.cfg = cfg
        self.embed = torch.nn.Embedding(cfg.d_vocab, cfg.d_model)
        self.pos_embed = torch.nn.Embedding(cfg.n_ctx, cfg.d_model)
        self.blocks = torch.nn.ModuleList(TransformerBlock(cfg) for _ in range(cfg.n_layers))
        self.ln_final = NORMS[cfg.normalization_type](cfg)
        self.unembed = torch.nn.Linear(cfg.d_model, cfg.d_vocab)
        self.eval()

    def forward(self, tokens: torch.Tensor) -> torch.Tensor:
        x = self.embed(tokens) + self.pos_embed(torch.arange(tokens.shape[1]))
        for block in self.blocks:
            x = block(x)
        return self.unembed(self.ln_final(x))

    def run_with_cache(self, tokens: torch.Tensor) -> tuple:
        activations = {}
        handles = [m.register_forward_hook(
            lambda module, args, out, name=name: activations.__setitem__(name, out.detach()))
            for name, m in self.named_modules() if isinstance(m, HookPoint)]
        with torch.no_grad():
            logits = self(tokens)
        for handle in handles:
            handle.remove()
        return logits, ActivationCache(activations)

    def center_writing_weights(self) -> None:
        """What from_pretrained does by default: every write into the residual stream is
        centred, so every residual vector has mean 0."""
        with torch.no_grad():
            for weight in (self.embed.weight, self.pos_embed.weight):
                weight -= weight.mean(-1, keepdim=True)
            for block in self.blocks:
                for linear in (block.attn.inner.out_proj, block.mlp.W_out):
                    linear.weight -= linear.weight.mean(0, keepdim=True)
                    linear.bias -= linear.bias.mean()
