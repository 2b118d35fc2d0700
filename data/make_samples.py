#!/usr/bin/python3
"""Trains the two tiny language models behind lngeom's bundled sample dumps and exports them.

Two character-level, pre-LN GPT-style transformers, identical except for their normalization
(LayerNorm or RMSNorm), are trained with the same seed on the license texts every Debian system
ships in /usr/share/common-licenses, then a held-out license text runs through each and
tools/lngeom_export.py writes data/sample-layernorm.h5 and data/sample-rmsnorm.h5.
Deterministic on one thread: same files, seed, torch build and BLAS → byte-identical dumps.
Run with /usr/bin/python3 (Debian's python3-torch); see data/README.md.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import time
from dataclasses import dataclass

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))
import lngeom_export  # noqa: E402  (lives in tools/, found through the path above)

LICENSE_DIR = "/usr/share/common-licenses"
TRAINING_FILES = ("GPL-3", "GPL-2", "GPL-1", "LGPL-2.1", "Apache-2.0", "MPL-2.0", "GFDL-1.3",
                  "Artistic", "CC0-1.0")
HELD_OUT_FILE = "MPL-1.1"
UNKNOWN_CHARACTER = "\0"


@dataclass(frozen=True)
class ModelShape:
    d_model: int = 128
    n_layers: int = 4
    n_heads: int = 4
    context: int = 128


@dataclass(frozen=True)
class TrainingPlan:
    steps: int
    batch_size: int
    learning_rate: float
    seed: int


class RMSNorm(torch.nn.Module):
    """x / sqrt(mean(x²) + ε) · γ, written out because torch 1.13 has no nn.RMSNorm."""

    def __init__(self, d: int, eps: float = 1e-5):
        super().__init__()
        self.eps = eps
        self.weight = torch.nn.Parameter(torch.ones(d))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps) * self.weight


def make_norm(norm_type: str, d: int) -> torch.nn.Module:
    return torch.nn.LayerNorm(d) if norm_type == "layernorm" else RMSNorm(d)


class CausalSelfAttention(torch.nn.Module):
    def __init__(self, shape: ModelShape):
        super().__init__()
        self.n_heads = shape.n_heads
        self.qkv = torch.nn.Linear(shape.d_model, 3 * shape.d_model)
        self.proj = torch.nn.Linear(shape.d_model, shape.d_model)
        mask = torch.triu(torch.ones(shape.context, shape.context, dtype=torch.bool), diagonal=1)
        self.register_buffer("future", mask, persistent=False)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        batch, length, d = x.shape
        heads = self.qkv(x).view(batch, length, 3, self.n_heads, d // self.n_heads)
        q, k, v = heads.permute(2, 0, 3, 1, 4)
        scores = q @ k.transpose(-2, -1) / math.sqrt(d // self.n_heads)
        scores = scores.masked_fill(self.future[:length, :length], float("-inf"))
        mixed = scores.softmax(-1) @ v
        return self.proj(mixed.transpose(1, 2).reshape(batch, length, d))


class Block(torch.nn.Module):
    """Pre-LN block: ln1 before attention, ln2 before the MLP, residual around both."""

    def __init__(self, shape: ModelShape, norm_type: str):
        super().__init__()
        self.ln1 = make_norm(norm_type, shape.d_model)
        self.attn = CausalSelfAttention(shape)
        self.ln2 = make_norm(norm_type, shape.d_model)
        self.mlp = torch.nn.Sequential(torch.nn.Linear(shape.d_model, 4 * shape.d_model),
                                       torch.nn.GELU(),
                                       torch.nn.Linear(4 * shape.d_model, shape.d_model))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = x + self.attn(self.ln1(x))
        return x + self.mlp(self.ln2(x))


class TinyGPT(torch.nn.Module):
    def __init__(self, vocab_size: int, shape: ModelShape, norm_type: str):
        super().__init__()
        self.token_embedding = torch.nn.Embedding(vocab_size, shape.d_model)
        self.position_embedding = torch.nn.Embedding(shape.context, shape.d_model)
        self.blocks = torch.nn.ModuleList(Block(shape, norm_type) for _ in range(shape.n_layers))
        self.ln_f = make_norm(norm_type, shape.d_model)
        self.head = torch.nn.Linear(shape.d_model, vocab_size)

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        positions = torch.arange(ids.shape[1], device=ids.device)
        x = self.token_embedding(ids) + self.position_embedding(positions)
        for block in self.blocks:
            x = block(x)
        return self.head(self.ln_f(x))


def read_license(name: str) -> str:
    """A license text with whitespace runs collapsed, so the model spends itself on words."""
    path = os.path.join(LICENSE_DIR, name)
    try:
        with open(path, encoding="utf-8") as handle:
            return " ".join(handle.read().split())
    except OSError as error:
        raise SystemExit(f"make_samples: cannot read corpus file {path} ({error.strerror})")


class CharacterVocabulary:
    """Characters of the training text; anything else maps to one unknown symbol."""

    def __init__(self, text: str):
        self.characters = [UNKNOWN_CHARACTER] + sorted(set(text) - {UNKNOWN_CHARACTER})
        self.index = {c: i for i, c in enumerate(self.characters)}

    def encode(self, text: str) -> torch.Tensor:
        return torch.tensor([self.index.get(c, 0) for c in text], dtype=torch.long)


def random_windows(data: torch.Tensor, plan: TrainingPlan, context: int,
                   generator: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    starts = torch.randint(0, len(data) - context - 1, (plan.batch_size,), generator=generator)
    windows = torch.stack([data[s:s + context + 1] for s in starts.tolist()])
    return windows[:, :-1], windows[:, 1:]


def learning_rate(step: int, plan: TrainingPlan) -> float:
    """Linear warm-up over 5% of the steps, then cosine decay to a tenth."""
    warmup = max(1, plan.steps // 20)
    if step < warmup:
        return plan.learning_rate * (step + 1) / warmup
    progress = (step - warmup) / max(1, plan.steps - warmup)
    return plan.learning_rate * (0.1 + 0.45 * (1 + math.cos(math.pi * progress)))


def train(model: TinyGPT, data: torch.Tensor, plan: TrainingPlan, context: int) -> float:
    """Trains in place; returns the mean training loss of the last 100 steps."""
    generator = torch.Generator().manual_seed(plan.seed)
    optimizer = torch.optim.AdamW(model.parameters(), lr=plan.learning_rate, weight_decay=0.01)
    recent: list[float] = []
    model.train()
    for step in range(plan.steps):
        for group in optimizer.param_groups:
            group["lr"] = learning_rate(step, plan)
        inputs, targets = random_windows(data, plan, context, generator)
        loss = F.cross_entropy(model(inputs).flatten(0, 1), targets.flatten())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        recent = (recent + [loss.item()])[-100:]
        if step % 500 == 0 or step == plan.steps - 1:
            print(f"  step {step:5d}  loss {loss.item():.3f}", flush=True)
    return sum(recent) / len(recent)


def held_out_sequences(text: str, n_sequences: int, context: int) -> list[str]:
    """Consecutive windows of the held-out text, each as long as the model's context."""
    if len(text) < n_sequences * context:
        raise SystemExit(f"make_samples: held-out text {HELD_OUT_FILE} is shorter than "
                         f"{n_sequences * context} characters")
    return [text[i * context:(i + 1) * context] for i in range(n_sequences)]


def held_out_loss(model: TinyGPT, vocabulary: CharacterVocabulary, sequences: list[str]) -> float:
    model.eval()
    with torch.no_grad():
        ids = torch.stack([vocabulary.encode(s) for s in sequences])
        logits = model(ids[:, :-1])
        return F.cross_entropy(logits.flatten(0, 1), ids[:, 1:].flatten()).item()


def make_sample(norm_type: str, args: argparse.Namespace, corpus: str, held_out: str) -> None:
    shape = ModelShape()
    plan = TrainingPlan(args.steps, args.batch_size, args.learning_rate, args.seed)
    vocabulary = CharacterVocabulary(corpus)
    torch.manual_seed(plan.seed)
    model = TinyGPT(len(vocabulary.characters), shape, norm_type)
    print(f"{norm_type}: training {plan.steps} steps", flush=True)
    started = time.monotonic()
    final_loss = train(model, vocabulary.encode(corpus), plan, shape.context)
    seconds = time.monotonic() - started
    sequences = held_out_sequences(held_out, args.sequences, shape.context)
    evaluation_loss = held_out_loss(model, vocabulary, sequences)
    path = os.path.join(args.out_dir, f"sample-{norm_type}.h5")
    lngeom_export.export(
        model, [vocabulary.encode(s).unsqueeze(0) for s in sequences], path,
        tokens=[list(s) for s in sequences], dtype="float32",
        name=f"tiny-gpt-char-{norm_type}", source="data/make_samples.py",
        model_attrs={"corpus": " ".join(os.path.join(LICENSE_DIR, f) for f in TRAINING_FILES),
                     "held_out_text": os.path.join(LICENSE_DIR, HELD_OUT_FILE),
                     "tokenizer": "characters of the corpus, whitespace runs collapsed",
                     "train_steps": plan.steps, "batch_size": plan.batch_size,
                     "context": shape.context, "n_heads": shape.n_heads,
                     "final_loss": final_loss, "held_out_loss": evaluation_loss,
                     "seed": plan.seed,
                     "torch_version": torch.__version__})
    print(f"{norm_type}: {seconds:.0f} s, final loss {final_loss:.3f}, held-out loss "
          f"{evaluation_loss:.3f}, wrote {path} ({os.path.getsize(path)} bytes)", flush=True)


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--steps", type=int, default=2500,
                        help="training steps per model (default 2500)")
    parser.add_argument("--batch-size", type=int, default=8, help="sequences per step (default 8)")
    parser.add_argument("--learning-rate", type=float, default=2e-3,
                        help="peak AdamW rate (default 2e-3)")
    parser.add_argument("--seed", type=int, default=1,
                        help="seed of weights and batches (default 1)")
    parser.add_argument("--sequences", type=int, default=4,
                        help="held-out sequences of 128 characters to export (default 4)")
    parser.add_argument("--norm", choices=("layernorm", "rmsnorm", "both"), default="both")
    parser.add_argument("--out-dir", default=os.path.dirname(os.path.abspath(__file__)),
                        help="where to write the dumps (default: this script's folder)")
    args = parser.parse_args(argv)
    if args.steps < 1 or args.batch_size < 1 or args.sequences < 1:
        parser.error("--steps, --batch-size and --sequences must be positive")
    return args


def main(argv: list[str]) -> int:
    args = parse_arguments(argv)
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    corpus = " ".join(read_license(name) for name in TRAINING_FILES)
    held_out = read_license(HELD_OUT_FILE)
    norms = ("layernorm", "rmsnorm") if args.norm == "both" else (args.norm,)
    for norm_type in norms:
        make_sample(norm_type, args, corpus, held_out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
