#!/usr/bin/python3
"""Dump what enters and leaves every normalization module of a PyTorch model, for lngeom.

`export(model, batches, path)` hooks every LayerNorm / RMSNorm, runs the batches through the
model and appends the captured vectors batch by batch to an HDF5 file in lngeom's native
layout v1 (DESIGN.md §2), so a dump larger than RAM can be written. Only torch, h5py and numpy
are needed; the `--hf` command line additionally needs `transformers`, imported only when used.

Run it with Debian's /usr/bin/python3: that is the interpreter that sees python3-torch.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import warnings
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Optional, Sequence

import h5py
import numpy as np
import torch

FORMAT_NAME = "lngeom-activations"
FORMAT_VERSION = 1
STORAGE_DTYPES = ("float16", "bfloat16", "float32", "float64")
# Chunks of about 1 MiB keep HDF5's default chunk cache effective for readers of any width.
CHUNK_BYTES = 1 << 20
# Rows of the first call used to tell which normalization formula a module computes.
FORMULA_CHECK_ROWS = 256
FORMULA_RELATIVE_TOLERANCE = 1e-2

EPS_ATTRIBUTES = ("eps", "variance_epsilon", "epsilon")
# Hugging Face's T5 family calls its RMSNorm "LayerNorm": the class name alone would mislead.
RMS_NORMS_NAMED_LAYERNORM = re.compile(r"T5LayerNorm$|Pix2StructLayerNorm$")
FINAL_NORM_NAMES = {"ln_f", "norm", "final_layer_norm", "final_layernorm", "norm_f",
                    "ln_final", "final_norm", "layer_norm", "layernorm"}
SITE_NAMES = {
    "ln_1": "ln1", "ln1": "ln1", "norm1": "ln1", "input_layernorm": "ln1",
    "attention_norm": "ln1", "layernorm_before": "ln1", "self_attn_layer_norm": "ln1",
    "ln_2": "ln2", "ln2": "ln2", "norm2": "ln2", "post_attention_layernorm": "ln2",
    "ffn_norm": "ln2", "layernorm_after": "ln2",
}


class ExportError(Exception):
    """A model, batch or argument the exporter cannot turn into a valid dump; says which and why."""


@dataclass(eq=False)
class NormSite:
    """One hooked normalization module and what the dump records about it."""

    module_path: str
    module: torch.nn.Module
    layer: int
    site: str
    eps: float
    key: str = ""
    kind: str = ""
    gamma_convention: str = "weight"
    captured_inputs: list = field(default_factory=list)
    captured_outputs: list = field(default_factory=list)
    input_shape: tuple = ()


def is_norm_module(module: torch.nn.Module) -> bool:
    """True for PyTorch's own norms and for any class named like one (HF's LlamaRMSNorm, ...)."""
    builtin = tuple(t for t in (torch.nn.LayerNorm, getattr(torch.nn, "RMSNorm", None)) if t)
    name = type(module).__name__
    return isinstance(module, builtin) or name.endswith("LayerNorm") or name.endswith("RMSNorm")


def kind_from_class(module: torch.nn.Module) -> str:
    """The kind the class name suggests; the first captured call confirms or corrects it."""
    name = type(module).__name__
    if name.endswith("RMSNorm") or RMS_NORMS_NAMED_LAYERNORM.search(name):
        return "rmsnorm"
    return "layernorm"


def module_eps(module_path: str, module: torch.nn.Module) -> float:
    """The module's ε, under whichever attribute name its library uses."""
    for attribute in EPS_ATTRIBUTES:
        value = getattr(module, attribute, None)
        if isinstance(value, (int, float)):
            return float(value)
    raise ExportError(f"module '{module_path}' ({type(module).__name__}): no numeric eps attribute "
                      f"(looked for {', '.join(EPS_ATTRIBUTES)})")


def first_integer(module_path: str) -> Optional[int]:
    """The first all-digit part of a dotted module path: the block index in common models."""
    for part in module_path.split("."):
        if part.isdigit():
            return int(part)
    return None


def count_layers(module_paths: Iterable[str]) -> int:
    """Number of blocks, as 1 + the largest block index among the norms' paths."""
    indices = [i for i in map(first_integer, module_paths) if i is not None]
    return max(indices) + 1 if indices else 0


def layer_and_site(module_path: str, n_layers: int) -> tuple[int, str]:
    """Layer index and site (ln1 / ln2 / final / own name) inferred from a module path."""
    name = module_path.rsplit(".", 1)[-1]
    layer = first_integer(module_path)
    if layer is None and name in FINAL_NORM_NAMES:
        return n_layers, "final"
    return (-1 if layer is None else layer), SITE_NAMES.get(name, name)


def find_norm_sites(model: torch.nn.Module, modules: Optional[Sequence[str]]) -> list[NormSite]:
    """Every normalization module of the model (or the named ones), with layer, site and ε."""
    found = {path: m for path, m in model.named_modules() if is_norm_module(m)}
    if modules is not None:
        missing = [path for path in modules if path not in found]
        if missing:
            raise ExportError(f"model {type(model).__name__}: no normalization module at "
                              f"{', '.join(missing)} (found: {', '.join(found) or 'none'})")
        found = {path: found[path] for path in modules}
    if not found:
        raise ExportError(f"model {type(model).__name__}: no LayerNorm or RMSNorm module found")
    n_layers = count_layers(found)
    return [NormSite(path, m, *layer_and_site(path, n_layers), eps=module_eps(path, m))
            for path, m in found.items()]


def standardize(x: np.ndarray, kind: str, eps: float) -> np.ndarray:
    """LayerNorm's or RMSNorm's standardization of each row (DESIGN.md §1), in float64."""
    if kind == "layernorm":
        centred = x - x.mean(axis=1, keepdims=True)
        return centred / np.sqrt((centred ** 2).mean(axis=1, keepdims=True) + eps)
    return x / np.sqrt((x ** 2).mean(axis=1, keepdims=True) + eps)


def apply_norm(x: np.ndarray, kind: str, convention: str, eps: float,
               gamma: Optional[np.ndarray], beta: Optional[np.ndarray]) -> np.ndarray:
    """The full norm: standardization, then gain (γ or 1 + γ) and bias."""
    y = standardize(x, kind, eps)
    if gamma is not None:
        y = y * (1.0 + gamma if convention == "one_plus_weight" else gamma)
    return y if beta is None else y + beta


def parameter_array(module: torch.nn.Module, name: str) -> Optional[np.ndarray]:
    """A module's weight or bias as float64 numpy, None when it has none."""
    value = getattr(module, name, None)
    return value.detach().cpu().double().numpy() if isinstance(value, torch.Tensor) else None


def identify_formula(site: NormSite, x: torch.Tensor, out: torch.Tensor) -> tuple[str, str]:
    """Kind and γ convention whose formula reproduces the module's output on its first call.

    Class names are only a hint (T5LayerNorm is an RMSNorm, Gemma multiplies by 1 + γ); the
    first candidate that matches wins, so ties (input already centred) keep the class's kind.
    """
    prior = kind_from_class(site.module)
    other = "layernorm" if prior == "rmsnorm" else "rmsnorm"
    rows = x.reshape(-1, x.shape[-1])[:FORMULA_CHECK_ROWS].double().cpu().numpy()
    expected = out.reshape(-1, out.shape[-1])[:FORMULA_CHECK_ROWS].double().cpu().numpy()
    gamma, beta = parameter_array(site.module, "weight"), parameter_array(site.module, "bias")
    scale = np.linalg.norm(expected) or 1.0
    for kind in (prior, other):
        for convention in ("weight", "one_plus_weight"):
            predicted = apply_norm(rows, kind, convention, site.eps, gamma, beta)
            if np.linalg.norm(predicted - expected) / scale < FORMULA_RELATIVE_TOLERANCE:
                return kind, convention
    warnings.warn(f"module '{site.module_path}' ({type(site.module).__name__}): its output "
                  f"matches neither LayerNorm nor RMSNorm of its input; recorded as {prior} "
                  f"from the class name", stacklevel=2)
    return prior, "weight"


def to_storage(tensor: torch.Tensor, dtype: str) -> np.ndarray:
    """Rows (n, d) in the storage type; bfloat16 travels as its raw uint16 bits."""
    rows = tensor.detach().reshape(-1, tensor.shape[-1])
    if dtype == "bfloat16":
        return rows.to(torch.bfloat16).view(torch.int16).cpu().numpy().view(np.uint16)
    return rows.to(getattr(torch, dtype)).cpu().numpy()


def first_tensor(value: Any) -> Optional[torch.Tensor]:
    """The tensor a module was given or returned (HF norms may return tuples)."""
    if isinstance(value, torch.Tensor):
        return value
    if isinstance(value, (tuple, list)) and value and isinstance(value[0], torch.Tensor):
        return value[0]
    return None


def make_hook(site: NormSite, dtype: str, call_order: list) -> Callable:
    """A forward hook that keeps this batch's input and output rows of one site."""
    def hook(module: torch.nn.Module, inputs: tuple, output: Any) -> None:
        x, out = first_tensor(inputs), first_tensor(output)
        if x is None or out is None:
            raise ExportError(f"module '{site.module_path}' ({type(module).__name__}): its first "
                              f"positional input or its output is not a tensor (forward hooks "
                              f"do not see keyword arguments)")
        if not site.kind:
            site.kind, site.gamma_convention = identify_formula(site, x, out)
        if site not in call_order:
            call_order.append(site)
        site.input_shape = tuple(x.shape)
        site.captured_inputs.append(to_storage(x, dtype))
        site.captured_outputs.append(to_storage(out, dtype))
    return hook


def run_model(model: torch.nn.Module, batch: Any) -> None:
    """Calls the model the way the batch is shaped: kwargs for a dict, args for a tuple/list."""
    if isinstance(batch, dict):
        model(**batch)
    elif isinstance(batch, (tuple, list)):
        model(*batch)
    else:
        model(batch)


def take_batch_rows(sites: list[NormSite], batch_index: int) -> dict[str, tuple]:
    """This batch's rows per site; every site must have seen every token exactly once."""
    silent = [s.module_path for s in sites if not s.captured_inputs]
    if silent:
        raise ExportError(
            f"batch {batch_index}: normalization module(s) {', '.join(silent)} captured no rows: "
            f"their forward hooks did not fire (PyTorch's fused fast path of "
            f"nn.TransformerEncoderLayer in eval mode skips them; pass a src mask, or export "
            f"only the modules that run via modules=[...])")
    rows = {s.module_path: (np.concatenate(s.captured_inputs), np.concatenate(s.captured_outputs))
            for s in sites}
    counts = {path: len(inp) for path, (inp, _) in rows.items()}
    if len(set(counts.values())) > 1:
        raise ExportError(f"batch {batch_index}: sites captured different numbers of rows "
                          f"({', '.join(f'{p}: {n}' for p, n in counts.items())}); a module "
                          f"called twice per forward or on a subset of tokens cannot be aligned")
    for site in sites:
        site.captured_inputs.clear()
        site.captured_outputs.clear()
    return rows


def sequence_and_position(lead_shape: tuple, batch_first: bool) -> tuple[np.ndarray, np.ndarray]:
    """Per-row sequence (within this batch) and position, from the norm input's leading shape."""
    n_rows = int(np.prod(lead_shape))
    rows = np.arange(n_rows, dtype=np.int64)
    if len(lead_shape) == 1:
        return np.zeros(n_rows, dtype=np.int32), rows.astype(np.int32)
    inner = int(np.prod(lead_shape[1:]))
    outer, within = np.divmod(rows, inner)
    if batch_first:
        return outer.astype(np.int32), within.astype(np.int32)
    return within.astype(np.int32), outer.astype(np.int32)


def flatten_tokens(tokens: Any) -> list[str]:
    """Token strings of one batch, flattened in row order from (nested) lists."""
    if isinstance(tokens, str):
        return [tokens]
    return [t for item in tokens for t in flatten_tokens(item)]


class DumpWriter:
    """Creates the native layout v1 and appends rows to chunked, resizable datasets."""

    def __init__(self, path: str, dtype: str, chunk_rows: Optional[int]):
        self.path, self.dtype, self.chunk_rows = path, dtype, chunk_rows
        try:
            self.file = h5py.File(path, "w")
        except OSError as error:
            raise ExportError(f"{path}: cannot create the HDF5 file ({error})") from error
        self.file.attrs["format"] = FORMAT_NAME
        self.file.attrs["format_version"] = FORMAT_VERSION

    def numpy_dtype(self) -> np.dtype:
        return np.dtype(np.uint16 if self.dtype == "bfloat16" else self.dtype)

    def rows_per_chunk(self, d: int, first_batch_rows: int) -> int:
        """The caller's choice, else the first batch's rows capped at about 1 MiB per chunk."""
        if self.chunk_rows:
            return self.chunk_rows
        cap = max(1, CHUNK_BYTES // (d * self.numpy_dtype().itemsize))
        return max(1, min(first_batch_rows, cap))

    def create_site(self, site: NormSite, d: int, first_batch_rows: int) -> None:
        group = self.file.create_group(f"norms/{site.key}")
        group.attrs.update(module=site.module_path, kind=site.kind, layer=site.layer,
                           site=site.site, eps=site.eps, gamma_convention=site.gamma_convention)
        chunk = (self.rows_per_chunk(d, first_batch_rows), d)
        for name in ("input", "output"):
            dataset = group.create_dataset(name, shape=(0, d), maxshape=(None, d),
                                           dtype=self.numpy_dtype(), chunks=chunk)
            if self.dtype == "bfloat16":
                dataset.attrs["dtype"] = "bfloat16"
        self.write_parameters(group, site.module)

    def write_parameters(self, group: h5py.Group, module: torch.nn.Module) -> None:
        """γ and β in float32 (float64 dumps: float64), so half-precision dumps keep exact gains."""
        parameter_dtype = np.float64 if self.dtype == "float64" else np.float32
        for dataset_name, attribute in (("gamma", "weight"), ("beta", "bias")):
            values = parameter_array(module, attribute)
            if values is not None:
                group.create_dataset(dataset_name, data=values.astype(parameter_dtype))

    def create_row_datasets(self, with_tokens: bool, chunk: int) -> None:
        """/sequence and /position always, /tokens when the caller gave token strings."""
        for name in ("sequence", "position"):
            self.file.create_dataset(name, shape=(0,), maxshape=(None,), dtype=np.int32,
                                     chunks=(chunk,))
        if with_tokens:
            self.file.create_dataset("tokens", shape=(0,), maxshape=(None,), chunks=(chunk,),
                                     dtype=h5py.string_dtype("utf-8"))

    def append(self, name: str, values: np.ndarray) -> None:
        dataset = self.file[name]
        start = dataset.shape[0]
        dataset.resize(start + len(values), axis=0)
        dataset[start:] = values

    def close(self) -> None:
        self.file.close()


def check_options(path: str, dtype: str, chunk_rows: Optional[int]) -> None:
    """Rejects options that would otherwise fail late, after the model has run."""
    if dtype not in STORAGE_DTYPES:
        raise ExportError(f"{path}: storage dtype '{dtype}' is not one of "
                          f"{', '.join(STORAGE_DTYPES)}")
    if chunk_rows is not None and chunk_rows < 1:
        raise ExportError(f"{path}: chunk_rows must be a positive number of rows, not {chunk_rows}")


def plain_model_attrs(path: str, model_attrs: Optional[dict]) -> dict:
    """Extra /model attributes as plain str/int/float, checked before the model runs.

    Subclasses such as torch.__version__ (a str) would otherwise reach h5py as numpy unicode,
    which HDF5 cannot store.
    """
    plain = {}
    for key, value in (model_attrs or {}).items():
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise ExportError(f"{path}: /model attribute '{key}' must be a string, integer or "
                              f"float, not {type(value).__name__}")
        plain[key] = next(t(value) for t in (str, int, float) if isinstance(value, t))
    return plain


def model_norm_type(sites: list[NormSite]) -> str:
    """The model's norm type: the kind its sites share ("mixed" if they disagree)."""
    kinds = {s.kind for s in sites}
    return kinds.pop() if len(kinds) == 1 else "mixed"


@dataclass
class ExportRun:
    """The state of one export: sites in call order, the writer, row bookkeeping."""

    writer: DumpWriter
    sites: list[NormSite]
    batch_first: bool
    call_order: list = field(default_factory=list)
    n_sequences: int = 0

    def write_batch(self, batch_index: int, batch_tokens: Any) -> None:
        rows = take_batch_rows(self.sites, batch_index)
        n_rows = len(next(iter(rows.values()))[0])
        if n_rows == 0:
            raise ExportError(f"{self.writer.path}: batch {batch_index} has no tokens")
        if batch_index == 0:
            self.start_layout(n_rows, batch_tokens is not None)
        for site in self.call_order:
            inputs, outputs = rows[site.module_path]
            self.writer.append(f"norms/{site.key}/input", inputs)
            self.writer.append(f"norms/{site.key}/output", outputs)
        self.write_row_indices(batch_index, n_rows, batch_tokens)

    def start_layout(self, n_rows: int, with_tokens: bool) -> None:
        """Numbers the sites in the order the first batch called them; creates their groups."""
        self.sites = list(self.call_order)
        d = self.sites[0].input_shape[-1]
        for index, site in enumerate(self.sites):
            site.key = f"{index:03d}"
            self.writer.create_site(site, site.input_shape[-1], n_rows)
        self.writer.create_row_datasets(with_tokens, self.writer.rows_per_chunk(d, n_rows))

    def write_row_indices(self, batch_index: int, n_rows: int, batch_tokens: Any) -> None:
        sequence, position = sequence_and_position(self.sites[0].input_shape[:-1], self.batch_first)
        self.writer.append("sequence", sequence + self.n_sequences)
        self.writer.append("position", position)
        self.n_sequences += int(sequence.max()) + 1
        if batch_tokens is not None:
            strings = flatten_tokens(batch_tokens)
            if len(strings) != n_rows:
                raise ExportError(f"{self.writer.path}: batch {batch_index} has {len(strings)} "
                                  f"token strings for {n_rows} captured rows")
            self.writer.append("tokens", np.array(strings, dtype=object))

    def write_model_group(self, model: torch.nn.Module, name: Optional[str], source: str,
                          model_attrs: dict) -> None:
        attrs = self.writer.file.create_group("model").attrs
        attrs.update(name=name or type(model).__name__, source=source,
                     norm_type=model_norm_type(self.sites),
                     d_model=int(self.sites[0].input_shape[-1]),
                     n_layers=count_layers(s.module_path for s in self.sites))
        attrs.update(model_attrs)


def export(model: torch.nn.Module, batches: Iterable[Any], path: str,
           tokens: Optional[Iterable[Any]] = None, dtype: str = "float32", *,
           name: Optional[str] = None, source: str = "tools/lngeom_export.py",
           model_attrs: Optional[dict] = None, modules: Optional[Sequence[str]] = None,
           batch_first: bool = True, chunk_rows: Optional[int] = None) -> str:
    """Runs `batches` through `model`; writes every norm's input, output, γ, β, ε to `path`.

    A batch is a tensor (model(batch)), a tuple (model(*batch)) or a dict (model(**batch)).
    `tokens`, if given, has one entry per batch: that batch's token strings, nested like the
    tokens (e.g. [batch][seq]). Norm inputs of shape (batch, seq, d) give /sequence and
    /position; pass batch_first=False for (seq, batch, d) models. `modules` restricts the dump to
    the named module paths. The model runs under torch.no_grad() in whatever mode it is in.
    On any error the partial file is removed. Returns `path`.
    """
    check_options(path, dtype, chunk_rows)
    model_attrs = plain_model_attrs(path, model_attrs)
    sites = find_norm_sites(model, modules)
    run = ExportRun(DumpWriter(path, dtype, chunk_rows), sites, batch_first)
    handles = [s.module.register_forward_hook(make_hook(s, dtype, run.call_order)) for s in sites]
    try:
        write_all_batches(model, batches, tokens, run)
        run.write_model_group(model, name, source, model_attrs)
        run.writer.close()
    except BaseException:
        run.writer.close()
        os.remove(path)
        raise
    finally:
        for handle in handles:
            handle.remove()
    return path


def write_all_batches(model: torch.nn.Module, batches: Iterable[Any],
                      tokens: Optional[Iterable[Any]], run: ExportRun) -> None:
    """Runs and writes one batch at a time, so memory holds a single batch's activations."""
    token_batches = iter(tokens) if tokens is not None else None
    batch_index = -1
    with torch.no_grad():
        for batch_index, batch in enumerate(batches):
            run_model(model, batch)
            batch_tokens = next(token_batches, None) if token_batches is not None else None
            if token_batches is not None and batch_tokens is None:
                raise ExportError(f"{run.writer.path}: no token strings for batch {batch_index}")
            run.write_batch(batch_index, batch_tokens)
    if batch_index < 0:
        raise ExportError(f"{run.writer.path}: no batches to run through the model")
    if token_batches is not None and next(token_batches, None) is not None:
        raise ExportError(f"{run.writer.path}: token strings for more batches than the "
                          f"{batch_index + 1} batches run")


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


def export_hugging_face(args: argparse.Namespace) -> None:
    """The --hf command: a causal LM from the Hugging Face hub or cache, fed a text file."""
    text = read_text(args.text)
    try:
        import transformers
    except ImportError:
        raise SystemExit(f"lngeom_export: --hf needs the Python package 'transformers', which is "
                         f"not installed for {sys.executable} (Debian does not package it)")
    tokenizer = transformers.AutoTokenizer.from_pretrained(args.hf)
    model = transformers.AutoModelForCausalLM.from_pretrained(args.hf, torch_dtype=torch.float32)
    model.eval()
    ids = tokenizer(text)["input_ids"][:args.max_tokens]
    sequences = [ids[i:i + args.seq_len] for i in range(0, len(ids), args.seq_len)]
    export(model, (torch.tensor([s]) for s in sequences), args.out,
           tokens=([tokenizer.convert_ids_to_tokens(s)] for s in sequences), dtype=args.dtype,
           name=args.hf, source=f"tools/lngeom_export.py --hf {args.hf}",
           model_attrs={"text": os.path.abspath(args.text), "torch_version": torch.__version__})


def parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="lngeom_export.py",
        description="Export the inputs and outputs of every LayerNorm/RMSNorm of a Hugging Face "
                    "causal language model to an lngeom HDF5 dump (needs 'transformers'). "
                    "From Python, call lngeom_export.export(model, batches, path) instead.")
    parser.add_argument("--hf", required=True, metavar="MODEL",
                        help="model name or local directory, e.g. gpt2")
    parser.add_argument("--text", required=True, metavar="FILE",
                        help="UTF-8 text to feed the model")
    parser.add_argument("--out", required=True, metavar="FILE", help="HDF5 dump to write")
    parser.add_argument("--max-tokens", type=int, default=1024, metavar="N",
                        help="tokens to export (default 1024)")
    parser.add_argument("--seq-len", type=int, default=256, metavar="N",
                        help="tokens per sequence (default 256)")
    parser.add_argument("--dtype", choices=STORAGE_DTYPES, default="float32",
                        help="storage type (default float32)")
    args = parser.parse_args(argv)
    if args.max_tokens < 1 or args.seq_len < 1:
        parser.error("--max-tokens and --seq-len must be positive")
    return args


def main(argv: Sequence[str]) -> int:
    try:
        export_hugging_face(parse_arguments(argv))
    except ExportError as error:
        print(f"lngeom_export: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
