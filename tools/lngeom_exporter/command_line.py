"""The command line: a Hugging Face model (--hf) or a model class plus a state_dict (--model,
--state), fed a text file as batches of right-padded sequences."""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import warnings
from typing import Any, Callable, Iterator, Optional, Sequence

import torch

from .errors import ExportError
from .hooked_export import export
from .sources import STORAGE_DTYPES

PROGRAM = "lngeom_export"
STATE_DICT_KEYS = ("state_dict", "model", "model_state_dict")
# torch.compile wraps a model as `_orig_mod`; its checkpoints carry the prefix.
COMPILED_PREFIX = "_orig_mod."


def read_text(text_path: str) -> str:
    """The whole text file, read before any model is loaded so a bad path fails fast."""
    try:
        with open(text_path, encoding="utf-8") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError) as error:
        raise ExportError(f"{text_path}: cannot read the text file ({error})") from error
    if not text.strip():
        raise ExportError(f"{text_path}: the text file is empty")
    return text


def import_object(spec: str, what: str) -> Any:
    """`package.module:name` imported (the current directory is searched first)."""
    module_name, _, attribute = spec.partition(":")
    if not module_name or not attribute:
        raise ExportError(f"{what} '{spec}' is not of the form package.module:name")
    if os.getcwd() not in sys.path:
        sys.path.insert(0, os.getcwd())
    try:
        return getattr(importlib.import_module(module_name), attribute)
    except (ImportError, AttributeError) as error:
        raise ExportError(f"{what} '{spec}': cannot import it ({error})") from error


def byte_tokens(text: str) -> list[tuple[int, str]]:
    """UTF-8 bytes as ids 0-255; ASCII shown as itself, other bytes as <0xNN>."""
    return [(b, chr(b) if b < 128 else f"<0x{b:02X}>") for b in text.encode("utf-8")]


def tokenizer_from(spec: str) -> Callable[[str], list[tuple[int, str]]]:
    """'bytes', or package.module:function returning ids or (id, string) pairs for a text."""
    if spec == "bytes":
        return byte_tokens
    function = import_object(spec, "--tokenizer")

    def tokenize(text: str) -> list[tuple[int, str]]:
        return [item if isinstance(item, tuple) else (int(item), str(item))
                for item in function(text)]
    return tokenize


def sequences_of(text: str, tokenize: Callable, seq_len: int, max_tokens: int) -> list[list]:
    """Each non-empty line, cut into pieces of at most seq_len tokens, up to max_tokens."""
    sequences, total = [], 0
    for line in text.splitlines():
        tokens = tokenize(line) if line.strip() else []
        for start in range(0, len(tokens), seq_len):
            piece = tokens[start:start + seq_len][:max_tokens - total]
            if piece:
                sequences.append(piece)
                total += len(piece)
    return sequences


def padded_batches(sequences: list[list], batch_size: int,
                   pad_id: int) -> Iterator[tuple[torch.Tensor, torch.Tensor, list]]:
    """(ids, attention mask, token strings) per batch, right-padded to its longest sequence."""
    for start in range(0, len(sequences), batch_size):
        group = sequences[start:start + batch_size]
        width = max(len(s) for s in group)
        ids = torch.full((len(group), width), pad_id, dtype=torch.long)
        mask = torch.zeros((len(group), width), dtype=torch.long)
        for row, sequence in enumerate(group):
            ids[row, :len(sequence)] = torch.tensor([i for i, _ in sequence])
            mask[row, :len(sequence)] = 1
        yield ids, mask, [[s for _, s in sequence] for sequence in group]


def load_state_dict(path: str) -> dict:
    """A state_dict, or the one a checkpoint dict keeps under state_dict / model."""
    try:
        loaded = torch.load(path, map_location="cpu")
    except Exception as error:
        raise ExportError(f"{path}: cannot load the checkpoint ({error})") from error
    if isinstance(loaded, dict) and loaded and \
            not all(isinstance(v, torch.Tensor) for v in loaded.values()):
        inner = [k for k in STATE_DICT_KEYS if isinstance(loaded.get(k), dict)]
        if not inner:
            raise ExportError(f"{path}: neither a state_dict nor a checkpoint holding one under "
                              f"{', '.join(STATE_DICT_KEYS)} (keys: {', '.join(map(str, loaded))})")
        loaded = loaded[inner[0]]
    if not isinstance(loaded, dict):
        raise ExportError(f"{path}: holds a {type(loaded).__name__}, not a state_dict")
    return {k[len(COMPILED_PREFIX):] if k.startswith(COMPILED_PREFIX) else k: v
            for k, v in loaded.items()}


def build_model(args: argparse.Namespace) -> torch.nn.Module:
    factory = import_object(args.model, "--model")
    try:
        keywords = json.loads(args.model_args)
    except json.JSONDecodeError as error:
        raise ExportError(f"--model-args is not JSON ({error})") from error
    try:
        model = factory(**keywords)
    except Exception as error:
        raise ExportError(f"--model {args.model}: building it failed ({type(error).__name__}: "
                          f"{error})") from error
    try:
        model.load_state_dict(load_state_dict(args.state))
    except RuntimeError as error:
        raise ExportError(f"{args.state}: does not fit {args.model} ({error})") from error
    return model.eval()


def export_text(model: torch.nn.Module, tokenize: Callable, args: argparse.Namespace,
                name: str, source: str, batch_of: Callable) -> None:
    """Feeds the text's sequences in padded batches; the mask drops the padding rows."""
    sequences = sequences_of(read_text(args.text), tokenize, args.seq_len, args.max_tokens)
    if not sequences:
        raise ExportError(f"{args.text}: no tokens in the text")
    batches = list(padded_batches(sequences, args.batch_size, args.pad_id))
    export(model, (batch_of(ids, mask) for ids, mask, _ in batches), args.out,
           tokens=(strings for _, _, strings in batches), dtype=args.dtype, mode=args.mode,
           mask=(mask for _, mask, _ in batches), name=name, source=source,
           model_attrs={"text": os.path.abspath(args.text), "torch_version": torch.__version__})


def export_class_model(args: argparse.Namespace) -> None:
    """--model: a class or factory, built with --model-args, loaded from --state."""
    read_text(args.text)
    tokenize = tokenizer_from(args.tokenizer)
    model = build_model(args)

    def batch_of(ids: torch.Tensor, mask: torch.Tensor) -> Any:
        return {args.input_arg: ids, args.mask_arg: mask} if args.mask_arg else ids
    export_text(model, tokenize, args, args.name or args.model,
                f"tools/lngeom_export.py --model {args.model} --state {args.state}", batch_of)


def export_hugging_face(args: argparse.Namespace) -> None:
    """--hf: a causal LM from the Hugging Face hub or cache, with its tokenizer."""
    read_text(args.text)
    try:
        import transformers
    except ImportError:
        raise ExportError(f"--hf needs the Python package 'transformers', which is not installed "
                          f"for {sys.executable} (Debian does not package it)") from None
    tokenizer = transformers.AutoTokenizer.from_pretrained(args.hf)
    model = transformers.AutoModelForCausalLM.from_pretrained(args.hf, torch_dtype=torch.float32)

    def tokenize(text: str) -> list[tuple[int, str]]:
        ids = tokenizer(text)["input_ids"]
        return list(zip(ids, tokenizer.convert_ids_to_tokens(ids)))
    export_text(model.eval(), tokenize, args, args.name or args.hf,
                f"tools/lngeom_export.py --hf {args.hf}",
                lambda ids, mask: {"input_ids": ids, "attention_mask": mask})


def parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="lngeom_export.py",
        description="Export the inputs and outputs of every LayerNorm/RMSNorm of a PyTorch model "
                    "fed a text file to an lngeom HDF5 dump. From Python, call "
                    "lngeom_export.export(model, batches, path), export_arrays(path, sites) or "
                    "from_transformer_lens(model, cache, path) instead.")
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--hf", metavar="MODEL",
                       help="a Hugging Face causal LM name or directory (needs 'transformers')")
    which.add_argument("--model", metavar="PKG.MODULE:CLASS",
                       help="a model class or factory function; with --state")
    parser.add_argument("--state", metavar="CKPT",
                        help="the state_dict to load (torch.save of model.state_dict(), or a "
                             "checkpoint dict holding it under 'model' or 'state_dict')")
    parser.add_argument("--model-args", default="{}", metavar="JSON",
                        help="keyword arguments for the class or factory (default {})")
    parser.add_argument("--tokenizer", default="bytes", metavar="bytes|PKG.MODULE:FUNCTION",
                        help="with --model: UTF-8 bytes as ids 0-255 (default), or a function "
                             "returning ids or (id, string) pairs for a line of text")
    parser.add_argument("--input-arg", default="input_ids", metavar="NAME",
                        help="with --mask-arg: the keyword the model takes the ids as")
    parser.add_argument("--mask-arg", metavar="NAME",
                        help="pass the attention mask to the model as this keyword (default: "
                             "call model(ids); sequences are right-padded, so a causal model's "
                             "real tokens never see the padding)")
    parser.add_argument("--text", required=True, metavar="FILE",
                        help="UTF-8 text; each line is cut into sequences of --seq-len tokens")
    parser.add_argument("--out", required=True, metavar="FILE", help="HDF5 dump to write")
    parser.add_argument("--mode", choices=("w", "x", "a"), default="w",
                        help="w: replace FILE once finished (default), x: never replace, "
                             "a: append to a dump of the same model")
    parser.add_argument("--max-tokens", type=int, default=1024, metavar="N",
                        help="tokens to export (default 1024)")
    parser.add_argument("--seq-len", type=int, default=256, metavar="N",
                        help="most tokens per sequence (default 256)")
    parser.add_argument("--batch-size", type=int, default=8, metavar="N",
                        help="sequences per batch (default 8)")
    parser.add_argument("--pad-id", type=int, default=0, metavar="ID",
                        help="the id padding positions get (default 0); they are not exported")
    parser.add_argument("--dtype", choices=STORAGE_DTYPES, default="float32",
                        help="storage type (default float32)")
    parser.add_argument("--name", help="the model's name in the dump (default: --hf / --model)")
    args = parser.parse_args(argv)
    if min(args.max_tokens, args.seq_len, args.batch_size) < 1:
        parser.error("--max-tokens, --seq-len and --batch-size must be positive")
    if args.model and not args.state:
        parser.error("--model needs --state")
    return args


def show_warning(message: Any, category: type, filename: str, lineno: int, file: Any = None,
                 line: Optional[str] = None) -> None:
    print(f"{PROGRAM}: warning: {message}", file=sys.stderr)


def main(argv: Sequence[str]) -> int:
    args = parse_arguments(argv)
    warnings.showwarning = show_warning
    try:
        (export_hugging_face if args.hf else export_class_model)(args)
    except ExportError as error:
        print(f"{PROGRAM}: {error}", file=sys.stderr)
        return 1
    return 0
