"""Small models built inside the tests, so the exporter is checked without any download.

The norm classes mimic what the exporter meets in the wild: HF's LlamaRMSNorm (variance_epsilon,
no bias), GemmaRMSNorm (multiplies by 1 + weight) and T5LayerNorm (an RMSNorm by another name).
"""

from __future__ import annotations

import torch

D_MODEL = 16
N_LAYERS = 2


def causal_mask(length: int) -> torch.Tensor:
    return torch.triu(torch.full((length, length), float("-inf")), diagonal=1)


def transformer_encoder(batch_first: bool = True) -> torch.nn.TransformerEncoder:
    """PyTorch's own encoder with a final LayerNorm, in eval mode, with non-trivial γ and β."""
    torch.manual_seed(0)
    layer = torch.nn.TransformerEncoderLayer(D_MODEL, nhead=2, dim_feedforward=32, dropout=0.0,
                                             batch_first=batch_first)
    encoder = torch.nn.TransformerEncoder(layer, N_LAYERS, norm=torch.nn.LayerNorm(D_MODEL))
    randomize_norm_parameters(encoder)
    return encoder.eval()


def randomize_norm_parameters(model: torch.nn.Module, marker: str = "norm") -> None:
    """Freshly built norms have γ = 1, β = 0, which would hide a swapped or dropped parameter;
    the parameters whose name contains `marker` are drawn around those values."""
    with torch.no_grad():
        for name, parameter in model.named_parameters():
            if marker in name:
                centre = 1.0 if "weight" in name else 0.0
                parameter.copy_(torch.randn_like(parameter) * 0.3 + centre)


class HandWrittenRMSNorm(torch.nn.Module):
    """Like HF's LlamaRMSNorm: weight, variance_epsilon, no bias."""

    def __init__(self, d: int, eps: float = 1e-6):
        super().__init__()
        self.weight = torch.nn.Parameter(torch.ones(d))
        self.variance_epsilon = eps

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        scale = torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.variance_epsilon)
        return x * scale * self.weight


class GemmaStyleRMSNorm(HandWrittenRMSNorm):
    """Like HF's GemmaRMSNorm: the gain is 1 + weight."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        scale = torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.variance_epsilon)
        return x * scale * (1.0 + self.weight)


class T5LayerNorm(HandWrittenRMSNorm):
    """Named LayerNorm, computes RMSNorm, as in HF's T5."""


class DecoderLayer(torch.nn.Module):
    """A Llama-shaped block: input_layernorm, causal attention, post_attention_layernorm, MLP."""

    def __init__(self, norm_class: type):
        super().__init__()
        self.input_layernorm = norm_class(D_MODEL)
        self.self_attn = torch.nn.MultiheadAttention(D_MODEL, 2, batch_first=True)
        self.post_attention_layernorm = norm_class(D_MODEL)
        self.mlp = torch.nn.Sequential(torch.nn.Linear(D_MODEL, 32), torch.nn.SiLU(),
                                       torch.nn.Linear(32, D_MODEL))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.input_layernorm(x)
        x = x + self.self_attn(h, h, h, attn_mask=causal_mask(x.shape[1]), need_weights=False)[0]
        return x + self.mlp(self.post_attention_layernorm(x))


class TinyDecoder(torch.nn.Module):
    """Token ids (batch, seq) → hidden states, through N_LAYERS blocks and a final norm."""

    def __init__(self, norm_class: type = HandWrittenRMSNorm, vocab_size: int = 50):
        super().__init__()
        torch.manual_seed(1)
        self.embed_tokens = torch.nn.Embedding(vocab_size, D_MODEL)
        self.layers = torch.nn.ModuleList(DecoderLayer(norm_class) for _ in range(N_LAYERS))
        self.norm = norm_class(D_MODEL)
        randomize_norm_parameters(self)
        self.eval()

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        x = self.embed_tokens(ids)
        for layer in self.layers:
            x = layer(x)
        return self.norm(x)


def token_ids(n_sequences: int, length: int, seed: int = 2) -> torch.Tensor:
    generator = torch.Generator().manual_seed(seed)
    return torch.randint(0, 50, (n_sequences, length), generator=generator)


def transformer(norm_first: bool) -> torch.nn.Transformer:
    """PyTorch's encoder-decoder, batch first, with non-trivial γ and β."""
    torch.manual_seed(6)
    model = torch.nn.Transformer(D_MODEL, nhead=2, num_encoder_layers=N_LAYERS,
                                 num_decoder_layers=N_LAYERS, dim_feedforward=32, dropout=0.0,
                                 batch_first=True, norm_first=norm_first)
    randomize_norm_parameters(model)
    return model.eval()


class PreNormBlock(torch.nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.ln1 = torch.nn.LayerNorm(D_MODEL)
        self.attn = torch.nn.MultiheadAttention(D_MODEL, 2, batch_first=True)
        self.ln2 = torch.nn.LayerNorm(D_MODEL)
        self.mlp = torch.nn.Sequential(torch.nn.Linear(D_MODEL, 32), torch.nn.GELU(),
                                       torch.nn.Linear(32, D_MODEL))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.ln1(x)
        x = x + self.attn(h, h, h, attn_mask=causal_mask(x.shape[1]), need_weights=False)[0]
        return x + self.mlp(self.ln2(x))


class LoopedEncoder(torch.nn.Module):
    """One block applied `loops` times (weights shared across depth, as in ALBERT or a
    universal transformer), then a final norm."""

    def __init__(self, loops: int = 3) -> None:
        super().__init__()
        torch.manual_seed(7)
        self.loops = loops
        self.embed = torch.nn.Embedding(50, D_MODEL)
        self.block = PreNormBlock()
        self.norm = torch.nn.LayerNorm(D_MODEL)
        randomize_norm_parameters(self, "ln")
        randomize_norm_parameters(self, "norm")
        self.eval()

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        x = self.embed(ids)
        for _ in range(self.loops):
            x = self.block(x)
        return self.norm(x)
