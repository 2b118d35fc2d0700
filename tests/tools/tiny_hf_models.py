"""Stand-ins for Hugging Face models, faithful in what the exporter meets: module names,
how norms and sublayers are called (Llama-family attention takes keyword arguments), padding
through attention_mask and position_ids, QK-norm per head (Qwen3) and Gemma-2's sandwich
norms. Tiny and seeded, so tests need no download.
"""

from __future__ import annotations

import torch

from tiny_models import D_MODEL, N_LAYERS, GemmaStyleRMSNorm, HandWrittenRMSNorm, \
    randomize_norm_parameters

N_HEADS = 2
VOCAB = 50
MAX_POSITIONS = 64
# Hugging Face masks with the dtype's most negative value, not -inf, so that a padding query
# that may attend to nothing still gets finite (if meaningless) values.
MASKED = torch.finfo(torch.float32).min


def additive_mask(attention_mask: torch.Tensor, length: int) -> torch.Tensor:
    """(B, 1, S, S): causal, and no query attends to a padding key."""
    causal = torch.ones(length, length, dtype=torch.bool).tril()
    allowed = causal[None, None] & attention_mask[:, None, None, :].bool()
    return torch.zeros(allowed.shape).masked_fill(~allowed, MASKED)


def attend(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """(B, heads, S, d_head) each; keys/values with fewer heads are repeated (grouped query)."""
    k, v = (t.repeat_interleave(q.shape[1] // t.shape[1], dim=1) for t in (k, v))
    weights = torch.softmax(q @ k.transpose(-1, -2) / q.shape[-1] ** 0.5 + mask, dim=-1)
    return weights @ v


class GPT2Attention(torch.nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.c_attn = torch.nn.Linear(D_MODEL, 3 * D_MODEL)
        self.c_proj = torch.nn.Linear(D_MODEL, D_MODEL)

    def forward(self, hidden_states: torch.Tensor, attention_mask: torch.Tensor) -> tuple:
        b, s, _ = hidden_states.shape
        q, k, v = (t.view(b, s, N_HEADS, -1).transpose(1, 2)
                   for t in self.c_attn(hidden_states).split(D_MODEL, dim=2))
        out = attend(q, k, v, attention_mask).transpose(1, 2).reshape(b, s, D_MODEL)
        return (self.c_proj(out), None)


class GPT2MLP(torch.nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.c_fc = torch.nn.Linear(D_MODEL, 4 * D_MODEL)
        self.c_proj = torch.nn.Linear(4 * D_MODEL, D_MODEL)

    def forward(self, hidden_states: torch.Tensor) -> torch.Tensor:
        return self.c_proj(torch.nn.functional.gelu(self.c_fc(hidden_states)))


class GPT2Block(torch.nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.ln_1 = torch.nn.LayerNorm(D_MODEL)
        self.attn = GPT2Attention()
        self.ln_2 = torch.nn.LayerNorm(D_MODEL)
        self.mlp = GPT2MLP()

    def forward(self, hidden_states: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        hidden_states = hidden_states + self.attn(self.ln_1(hidden_states), attention_mask)[0]
        return hidden_states + self.mlp(self.ln_2(hidden_states))


class GPT2Model(torch.nn.Module):
    """GPT-2's names (transformer.h.N.ln_1, ...); forward(input_ids, attention_mask,
    position_ids) as HF's: position_ids default to 0..S-1, so left padding needs them."""

    def __init__(self) -> None:
        super().__init__()
        torch.manual_seed(4)
        self.wte = torch.nn.Embedding(VOCAB, D_MODEL)
        self.wpe = torch.nn.Embedding(MAX_POSITIONS, D_MODEL)
        self.h = torch.nn.ModuleList(GPT2Block() for _ in range(N_LAYERS))
        self.ln_f = torch.nn.LayerNorm(D_MODEL)
        randomize_norm_parameters(self, "ln")
        self.eval()

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor = None,
                position_ids: torch.Tensor = None) -> torch.Tensor:
        b, s = input_ids.shape
        attention_mask = torch.ones(b, s) if attention_mask is None else attention_mask
        position_ids = torch.arange(s).expand(b, s) if position_ids is None else position_ids
        x = self.wte(input_ids) + self.wpe(position_ids.clamp_min(0))
        mask = additive_mask(attention_mask, s)
        for block in self.h:
            x = block(x, mask)
        return self.ln_f(x)


class GPT2LMHeadModel(torch.nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.transformer = GPT2Model()

    def forward(self, **batch: torch.Tensor) -> torch.Tensor:
        return self.transformer(**batch)


def padded(sequences: list[list[int]], side: str) -> dict:
    """An HF-style batch: input_ids, attention_mask and position_ids (cumsum - 1, as HF's
    generate computes them), padded on the given side with id 0."""
    width = max(map(len, sequences))
    ids = torch.zeros(len(sequences), width, dtype=torch.long)
    mask = torch.zeros(len(sequences), width, dtype=torch.long)
    for row, sequence in enumerate(sequences):
        span = slice(width - len(sequence), width) if side == "left" else slice(0, len(sequence))
        ids[row, span] = torch.tensor(sequence)
        mask[row, span] = 1
    return {"input_ids": ids, "attention_mask": mask, "position_ids": mask.cumsum(1) - 1}


class Qwen3Attention(torch.nn.Module):
    """q_norm / k_norm: RMSNorm over d_head, applied to (B, S, heads, d_head) as in Qwen3;
    one key/value head for two query heads."""

    def __init__(self) -> None:
        super().__init__()
        self.d_head = D_MODEL // N_HEADS
        self.q_proj = torch.nn.Linear(D_MODEL, D_MODEL, bias=False)
        self.k_proj = torch.nn.Linear(D_MODEL, self.d_head, bias=False)
        self.v_proj = torch.nn.Linear(D_MODEL, self.d_head, bias=False)
        self.o_proj = torch.nn.Linear(D_MODEL, D_MODEL, bias=False)
        self.q_norm = HandWrittenRMSNorm(self.d_head)
        self.k_norm = HandWrittenRMSNorm(self.d_head)

    def forward(self, hidden_states: torch.Tensor, attention_mask: torch.Tensor) -> tuple:
        b, s, _ = hidden_states.shape
        q = self.q_norm(self.q_proj(hidden_states).view(b, s, N_HEADS, self.d_head))
        k = self.k_norm(self.k_proj(hidden_states).view(b, s, 1, self.d_head))
        v = self.v_proj(hidden_states).view(b, s, 1, self.d_head)
        out = attend(q.transpose(1, 2), k.transpose(1, 2), v.transpose(1, 2), attention_mask)
        return (self.o_proj(out.transpose(1, 2).reshape(b, s, D_MODEL)), None)


class LlamaMLP(torch.nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.gate_proj = torch.nn.Linear(D_MODEL, 32, bias=False)
        self.up_proj = torch.nn.Linear(D_MODEL, 32, bias=False)
        self.down_proj = torch.nn.Linear(32, D_MODEL, bias=False)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.down_proj(torch.nn.functional.silu(self.gate_proj(x)) * self.up_proj(x))


class Qwen3DecoderLayer(torch.nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.input_layernorm = HandWrittenRMSNorm(D_MODEL)
        self.self_attn = Qwen3Attention()
        self.post_attention_layernorm = HandWrittenRMSNorm(D_MODEL)
        self.mlp = LlamaMLP()

    def forward(self, hidden_states: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        attended = self.self_attn(hidden_states=self.input_layernorm(hidden_states),
                                  attention_mask=attention_mask)[0]
        hidden_states = hidden_states + attended
        return hidden_states + self.mlp(self.post_attention_layernorm(hidden_states))


class Gemma2DecoderLayer(torch.nn.Module):
    """Sandwich norms: post_attention_layernorm normalizes the attention's output (a true
    post-attention norm, unlike Llama's of the same name), pre/post_feedforward_layernorm."""

    def __init__(self) -> None:
        super().__init__()
        self.input_layernorm = GemmaStyleRMSNorm(D_MODEL)
        self.self_attn = Qwen3Attention()
        self.post_attention_layernorm = GemmaStyleRMSNorm(D_MODEL)
        self.pre_feedforward_layernorm = GemmaStyleRMSNorm(D_MODEL)
        self.mlp = LlamaMLP()
        self.post_feedforward_layernorm = GemmaStyleRMSNorm(D_MODEL)

    def forward(self, hidden_states: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        attended = self.self_attn(hidden_states=self.input_layernorm(hidden_states),
                                  attention_mask=attention_mask)[0]
        hidden_states = hidden_states + self.post_attention_layernorm(attended)
        fed = self.mlp(self.pre_feedforward_layernorm(hidden_states))
        return hidden_states + self.post_feedforward_layernorm(fed)


class DecoderModel(torch.nn.Module):
    """model.embed_tokens, model.layers.N, model.norm, as in Llama-family models."""

    def __init__(self, layer_class: type, norm_class: type) -> None:
        super().__init__()
        torch.manual_seed(5)
        self.embed_tokens = torch.nn.Embedding(VOCAB, D_MODEL)
        self.layers = torch.nn.ModuleList(layer_class() for _ in range(N_LAYERS))
        self.norm = norm_class(D_MODEL)
        randomize_norm_parameters(self)
        self.eval()

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor = None) -> torch.Tensor:
        b, s = input_ids.shape
        attention_mask = torch.ones(b, s) if attention_mask is None else attention_mask
        x, mask = self.embed_tokens(input_ids), additive_mask(attention_mask, s)
        for layer in self.layers:
            x = layer(x, mask)
        return self.norm(x)


class CausalLM(torch.nn.Module):
    def __init__(self, layer_class: type, norm_class: type) -> None:
        super().__init__()
        self.model = DecoderModel(layer_class, norm_class)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor = None) -> torch.Tensor:
        return self.model(input_ids, attention_mask)


def qwen3() -> CausalLM:
    return CausalLM(Qwen3DecoderLayer, HandWrittenRMSNorm)


def gemma2() -> CausalLM:
    return CausalLM(Gemma2DecoderLayer, GemmaStyleRMSNorm)
