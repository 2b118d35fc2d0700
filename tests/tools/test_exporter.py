"""The exporter on models built here: layout, recomputed norms, appending, storage types, errors."""

from __future__ import annotations

import os
import unittest

import h5py
import numpy as np
import torch

from exporter_testing import DumpTestCase
import lngeom_export  # noqa: E402  (on the path through exporter_testing)
import tiny_models  # noqa: E402
from lngeom_exporter import site_labels  # noqa: E402
from lngeom_exporter.sources import NormSource, SiteSpec  # noqa: E402
from reference_statistics import stored_rows  # noqa: E402


def file_contents(path: str) -> dict:
    """Every dataset's values and every attribute of a file, keyed by object path."""
    contents = {}
    with h5py.File(path, "r") as dump:
        contents["/"] = dict(dump.attrs)

        def collect(name: str, item: h5py.HLObject) -> None:
            contents[name] = dict(item.attrs)
            if isinstance(item, h5py.Dataset):
                contents[name + "[]"] = item[()].tolist()
        dump.visititems(collect)
    return contents


class ExporterTestCase(DumpTestCase):
    def export_encoder(self, **options) -> str:
        x = torch.randn(3, 5, tiny_models.D_MODEL, generator=torch.Generator().manual_seed(3))
        batch = {"src": x, "mask": tiny_models.causal_mask(5)}
        return lngeom_export.export(tiny_models.transformer_encoder(), [batch],
                                    self.path("encoder.h5"), **options)

    def export_decoder(self, norm_class: type = tiny_models.HandWrittenRMSNorm,
                       batches: tuple = (tiny_models.token_ids(4, 6),), name: str = "decoder.h5",
                       **options) -> str:
        return lngeom_export.export(tiny_models.TinyDecoder(norm_class), list(batches),
                                    self.path(name), **options)


class LayoutTest(ExporterTestCase):
    def test_root_and_model_attributes_follow_layout_v1(self) -> None:
        with h5py.File(self.export_encoder(name="enc", model_attrs={"seed": 3}), "r") as dump:
            self.assertEqual(dump.attrs["format"], "lngeom-activations")
            self.assertEqual(dump.attrs["format_version"], 1)
            model = dict(dump["model"].attrs)
        self.assertEqual(model, {"name": "enc", "source": "tools/lngeom_export.py",
                                 "norm_type": "layernorm", "d_model": tiny_models.D_MODEL,
                                 "n_layers": tiny_models.N_LAYERS, "seed": 3, "batches": 1})

    def test_sites_are_numbered_in_forward_order_with_layer_site_and_role(self) -> None:
        """PyTorch's encoder layer is post-LN by default: norm1 follows the attention."""
        with h5py.File(self.export_encoder(), "r") as dump:
            sites = [(key, g.attrs["module"], g.attrs["layer"], g.attrs["site"],
                      g.attrs["role"], g.attrs["stack"], g.attrs["kind"])
                     for key, g in dump["norms"].items()]
        self.assertEqual(sites, [
            ("000", "layers.0.norm1", 0, "post_attn", "post-attention", "encoder", "layernorm"),
            ("001", "layers.0.norm2", 0, "post_mlp", "post-mlp", "encoder", "layernorm"),
            ("002", "layers.1.norm1", 1, "post_attn", "post-attention", "encoder", "layernorm"),
            ("003", "layers.1.norm2", 1, "post_mlp", "post-mlp", "encoder", "layernorm"),
            ("004", "norm", 2, "final", "final", "encoder", "layernorm")])

    def test_every_site_has_input_output_gamma_beta_and_eps(self) -> None:
        with h5py.File(self.export_encoder(), "r") as dump:
            group = dump["norms/002"]
            self.assertEqual(group["input"].shape, (15, tiny_models.D_MODEL))
            self.assertEqual(group["output"].shape, (15, tiny_models.D_MODEL))
            self.assertEqual(group["gamma"].shape, (tiny_models.D_MODEL,))
            self.assertEqual(group["beta"].shape, (tiny_models.D_MODEL,))
            self.assertEqual(group.attrs["eps"], 1e-5)

    def test_rmsnorm_without_bias_stores_no_beta(self) -> None:
        with h5py.File(self.export_decoder(), "r") as dump:
            self.assertEqual(dump["model"].attrs["norm_type"], "rmsnorm")
            self.assertNotIn("beta", dump["norms/000"])
            self.assertEqual(dump["norms/000"].attrs["eps"], 1e-6)
            self.assertEqual(dump["norms/004"].attrs["site"], "final")

    def test_sequence_and_position_follow_batch_and_sequence_axes(self) -> None:
        with h5py.File(self.export_decoder(batches=(tiny_models.token_ids(2, 3),
                                                    tiny_models.token_ids(1, 3))), "r") as dump:
            self.assertEqual(dump["sequence"][()].tolist(), [0, 0, 0, 1, 1, 1, 2, 2, 2])
            self.assertEqual(dump["position"][()].tolist(), [0, 1, 2, 0, 1, 2, 0, 1, 2])
            self.assertEqual(dump["sequence"].dtype, np.int32)

    def test_sequence_first_models_store_the_same_rows_as_batch_first_ones(self) -> None:
        """Rows are stored sequence by sequence whatever the model's layout, so token strings
        nested [batch][seq] line up with them."""
        x = torch.randn(2, 4, tiny_models.D_MODEL, generator=torch.Generator().manual_seed(8))
        strings = [[f"s{b}p{p}" for p in range(4)] for b in range(2)]
        paths = {}
        for batch_first in (True, False):
            src = x if batch_first else x.transpose(0, 1)
            paths[batch_first] = lngeom_export.export(
                tiny_models.transformer_encoder(batch_first=batch_first),
                [{"src": src, "mask": tiny_models.causal_mask(4)}],
                self.path(f"first-{batch_first}.h5"), tokens=[strings], batch_first=batch_first)
        with h5py.File(paths[False], "r") as seq_first, h5py.File(paths[True], "r") as reference:
            self.assertEqual(seq_first["sequence"][()].tolist(), [0, 0, 0, 0, 1, 1, 1, 1])
            self.assertEqual(seq_first["position"][()].tolist(), [0, 1, 2, 3, 0, 1, 2, 3])
            self.assertEqual([t.decode() for t in seq_first["tokens"][()]], sum(strings, []))
            for key in reference["norms"]:
                np.testing.assert_allclose(seq_first[f"norms/{key}/input"][()],
                                           reference[f"norms/{key}/input"][()], atol=1e-6)

    def test_token_strings_line_up_with_rows(self) -> None:
        ids = tiny_models.token_ids(2, 3)
        strings = [[f"t{int(i)}" for i in row] for row in ids]
        path = self.export_decoder(batches=(ids,), tokens=[strings])
        with h5py.File(path, "r") as dump:
            self.assertEqual([t.decode() for t in dump["tokens"][()]], sum(strings, []))

    def test_selected_modules_only(self) -> None:
        """modules= takes paths, globs and predicates; any module, named like a norm or not."""
        path = self.export_decoder(modules=["norm", "layers.1.input_layernorm"])
        with h5py.File(path, "r") as dump:
            self.assertEqual([g.attrs["module"] for g in dump["norms"].values()],
                             ["layers.1.input_layernorm", "norm"])


class RecomputationTest(ExporterTestCase):
    def test_layernorm_output_recomputed_from_capture(self) -> None:
        self.assert_outputs_recomputed(self.export_encoder())

    def test_rmsnorm_output_recomputed_from_capture(self) -> None:
        self.assert_outputs_recomputed(self.export_decoder())

    def test_gemma_style_gain_is_recorded_as_one_plus_weight(self) -> None:
        path = self.export_decoder(tiny_models.GemmaStyleRMSNorm)
        with h5py.File(path, "r") as dump:
            self.assertEqual({g.attrs["gamma_convention"] for g in dump["norms"].values()},
                             {"one_plus_weight"})
        self.assert_outputs_recomputed(path)

    def test_t5_layernorm_is_recorded_as_rmsnorm(self) -> None:
        path = self.export_decoder(tiny_models.T5LayerNorm)
        with h5py.File(path, "r") as dump:
            self.assertEqual({g.attrs["kind"] for g in dump["norms"].values()}, {"rmsnorm"})
        self.assert_outputs_recomputed(path)

    def test_output_matching_no_formula_is_warned_about(self) -> None:
        class ScaledLayerNorm(torch.nn.LayerNorm):
            def forward(self, x: torch.Tensor) -> torch.Tensor:
                return 3.0 * super().forward(x)

        model = torch.nn.Sequential(ScaledLayerNorm(4))
        expected = (r"module '0' \(ScaledLayerNorm\): its output matches neither LayerNorm nor "
                    r"RMSNorm of its input; recorded as layernorm from the class name")
        with self.assertWarnsRegex(UserWarning, expected):
            lngeom_export.export(model, [torch.randn(2, 4)], self.path("scaled.h5"))


class AppendingTest(ExporterTestCase):
    def test_several_batches_give_the_same_file_as_one(self) -> None:
        ids = tiny_models.token_ids(6, 5)
        strings = [[str(int(i)) for i in row] for row in ids]
        whole = self.export_decoder(batches=(ids,), tokens=[strings], name="whole.h5")
        parts = self.export_decoder(batches=(ids[:2], ids[2:3], ids[3:]),
                                    tokens=[strings[:2], strings[2:3], strings[3:]],
                                    name="parts.h5", chunk_rows=4)
        whole_contents, part_contents = file_contents(whole), file_contents(parts)
        self.assertEqual((whole_contents["model"].pop("batches"),
                          part_contents["model"].pop("batches")), (1, 3))
        self.assertEqual(whole_contents.keys(), part_contents.keys())
        for name, expected in whole_contents.items():
            with self.subTest(object=name):
                self.assert_same_contents(part_contents[name], expected)

    def assert_same_contents(self, actual, expected) -> None:
        """Attributes, strings and indices exactly; vectors to float32 rounding, since the
        model's matrix products may block differently for a different number of rows."""
        if isinstance(expected, list) and expected and not isinstance(expected[0], (bytes, int)):
            np.testing.assert_allclose(actual, expected, rtol=1e-6, atol=1e-6)
        else:
            self.assertEqual(actual, expected)

    def test_datasets_are_chunked_and_resizable(self) -> None:
        path = self.export_decoder(chunk_rows=4)
        with h5py.File(path, "r") as dump:
            self.assertEqual(dump["norms/000/input"].chunks, (4, tiny_models.D_MODEL))
            self.assertEqual(dump["norms/000/input"].maxshape, (None, tiny_models.D_MODEL))
            self.assertEqual(dump["position"].maxshape, (None,))


class StorageTypeTest(ExporterTestCase):
    def test_float16_storage_keeps_values_to_half_precision(self) -> None:
        reference = self.export_decoder(name="f32.h5")
        half = self.export_decoder(name="f16.h5", dtype="float16")
        with h5py.File(reference, "r") as full, h5py.File(half, "r") as reduced:
            self.assertEqual(reduced["norms/001/input"].dtype, np.float16)
            self.assertEqual(reduced["norms/001/gamma"].dtype, np.float32)
            np.testing.assert_allclose(reduced["norms/001/input"][()], full["norms/001/input"][()],
                                       rtol=1e-3, atol=1e-3)

    def test_bfloat16_storage_is_uint16_with_dtype_attribute(self) -> None:
        reference = self.export_decoder(name="f32.h5")
        brain = self.export_decoder(name="bf16.h5", dtype="bfloat16")
        with h5py.File(reference, "r") as full, h5py.File(brain, "r") as reduced:
            dataset = reduced["norms/003/output"]
            self.assertEqual(dataset.dtype, np.uint16)
            self.assertEqual(dataset.attrs["dtype"], "bfloat16")
            np.testing.assert_allclose(stored_rows(dataset), full["norms/003/output"][()],
                                       rtol=1e-2, atol=1e-2)


class ErrorTest(ExporterTestCase):
    def assert_export_error(self, expected: str, export) -> None:
        with self.assertRaises(lngeom_export.ExportError) as raised:
            export()
        self.assertIn(expected, str(raised.exception))

    def test_unknown_storage_dtype(self) -> None:
        path = self.path("int8.h5")
        self.assert_export_error(
            f"{path}: storage dtype 'int8' is not one of float16, bfloat16, float32, float64",
            lambda: self.export_decoder(name="int8.h5", dtype="int8"))

    def test_non_positive_chunk_rows(self) -> None:
        path = self.path("decoder.h5")
        self.assert_export_error(f"{path}: chunk_rows must be a positive number of rows, not 0",
                                 lambda: self.export_decoder(chunk_rows=0))

    def test_token_count_must_match_rows(self) -> None:
        path = self.path("decoder.h5")
        self.assert_export_error(
            f"{path}: batch 0 has 2 token strings for 4×6 = 24 positions (24 real tokens)",
            lambda: self.export_decoder(tokens=[["a", "b"]]))

    def test_missing_token_batch(self) -> None:
        path = self.path("decoder.h5")
        two_batches = (tiny_models.token_ids(1, 2),) * 2
        with self.assertWarns(lngeom_export.PartialExportWarning):
            self.assert_export_error(f"{path}: no token strings for batch 1",
                                     lambda: self.export_decoder(batches=two_batches,
                                                                 tokens=[["a", "b"]]))

    def test_surplus_token_batch(self) -> None:
        path = self.path("decoder.h5")
        with self.assertWarns(lngeom_export.PartialExportWarning):
            self.assert_export_error(
                f"{path}: token strings for more batches than the 1 batches run",
                lambda: self.export_decoder(batches=(tiny_models.token_ids(1, 2),),
                                            tokens=[["a", "b"], ["c", "d"]]))

    def test_model_without_norms(self) -> None:
        self.assert_export_error(
            "model Linear: no LayerNorm or RMSNorm module found (name others with modules= or "
            "include=)",
            lambda: lngeom_export.export(torch.nn.Linear(3, 3), [torch.ones(1, 3)],
                                         self.path("x.h5")))

    def test_unknown_module_path(self) -> None:
        self.assert_export_error(
            "model TinyDecoder: modules= names no module at layers.7.norm (normalization modules "
            "found: layers.0.input_layernorm, layers.0.post_attention_layernorm, "
            "layers.1.input_layernorm, layers.1.post_attention_layernorm, norm)",
            lambda: self.export_decoder(modules=["layers.7.norm"]))

    def test_model_attribute_of_unsupported_type(self) -> None:
        path = self.path("decoder.h5")
        self.assert_export_error(
            f"{path}: /model attribute 'corpus' must be a string, integer or float, not list",
            lambda: self.export_decoder(model_attrs={"corpus": ["a", "b"]}))

    def test_no_batches(self) -> None:
        path = self.path("decoder.h5")
        self.assert_export_error(f"{path}: no batches to run through the model",
                                 lambda: self.export_decoder(batches=()))
        self.assertEqual(os.listdir(self.directory.name), [])

    def test_unwritable_path(self) -> None:
        path = os.path.join(self.directory.name, "missing", "x.h5")
        self.assert_export_error(f"{path}: cannot create the HDF5 file",
                                 lambda: lngeom_export.export(tiny_models.TinyDecoder(),
                                                              [tiny_models.token_ids(1, 2)], path))

    def test_a_single_tensor_is_not_taken_for_batches(self) -> None:
        path = self.path("x.h5")
        self.assert_export_error(
            f"{path}: batches is one tensor of shape (4, 6), and iterating it would run its rows "
            f"one by one; pass an iterable of batches, e.g. [ids] for a single batch or "
            f"ids.split(8)",
            lambda: lngeom_export.export(tiny_models.TinyDecoder(), tiny_models.token_ids(4, 6),
                                         path))

    def test_model_errors_name_the_batch(self) -> None:
        class FailsOnLongInput(tiny_models.TinyDecoder):
            def forward(self, ids: torch.Tensor) -> torch.Tensor:
                if ids.shape[1] > 3:
                    raise RuntimeError("sequence too long")
                return super().forward(ids)

        path = self.path("x.h5")
        batches = [tiny_models.token_ids(1, 2), tiny_models.token_ids(1, 5)]
        with self.assertWarns(lngeom_export.PartialExportWarning):
            self.assert_export_error(
                f"{path}: batch 1: the model raised RuntimeError: sequence too long",
                lambda: lngeom_export.export(FailsOnLongInput(), batches, path))


class SkippedSiteTest(ExporterTestCase):
    """A norm the dump cannot hold is left out with a warning naming it; the others are kept."""

    def test_fused_fast_path_is_reported_with_a_hint_that_works(self) -> None:
        x = torch.randn(2, 4, tiny_models.D_MODEL, generator=torch.Generator().manual_seed(9))
        model = tiny_models.transformer_encoder()
        with self.assertWarnsRegex(lngeom_export.SkippedSiteWarning,
                                   r"skipped layers.0.norm1, layers.0.norm2, layers.1.norm1, "
                                   r"layers.1.norm2: they never ran in batch 0 \(PyTorch's fused "
                                   r"fast path .* pass an all-zero float mask"):
            path = lngeom_export.export(model, [x], self.path("fast.h5"))
        with h5py.File(path, "r") as dump:
            self.assertEqual([g.attrs["module"] for g in dump["norms"].values()], ["norm"])
        zero_mask = torch.zeros(4, 4)
        with torch.no_grad():
            torch.testing.assert_close(model(x, mask=zero_mask), model(x))
        path = lngeom_export.export(model, [{"src": x, "mask": zero_mask}], self.path("all.h5"))
        with h5py.File(path, "r") as dump:
            self.assertEqual(len(dump["norms"]), 5)

    def test_norm_called_with_a_keyword_input_is_skipped_by_name(self) -> None:
        class KeywordCaller(torch.nn.Module):
            def __init__(self) -> None:
                super().__init__()
                self.first = torch.nn.LayerNorm(3)
                self.norm = torch.nn.LayerNorm(3)

            def forward(self, x: torch.Tensor) -> torch.Tensor:
                return self.norm(input=self.first(x))

        if "with_kwargs" in str(torch.nn.Module.register_forward_hook.__doc__):
            self.skipTest("this torch's hooks see keyword arguments")
        with self.assertWarnsRegex(lngeom_export.SkippedSiteWarning,
                                   "skipped 'norm': its input or output is not a tensor the hooks "
                                   "can see"):
            path = lngeom_export.export(KeywordCaller(), [torch.randn(2, 3)], self.path("x.h5"))
        with h5py.File(path, "r") as dump:
            self.assertEqual([g.attrs["module"] for g in dump["norms"].values()], ["first"])

    def test_norm_without_any_eps_is_stored_without_one(self) -> None:
        class NoEpsLayerNorm(torch.nn.Module):
            def forward(self, x: torch.Tensor) -> torch.Tensor:
                centred = x - x.mean(-1, keepdim=True)
                return centred / centred.pow(2).mean(-1, keepdim=True).add(1e-5).sqrt()

        with self.assertWarnsRegex(lngeom_export.SkippedSiteWarning,
                                   r"module '0' \(NoEpsLayerNorm\): its ε is unknown .* pass "
                                   r"eps=\.\.\. to record it"):
            path = lngeom_export.export(torch.nn.Sequential(NoEpsLayerNorm()),
                                        [torch.randn(2, 5, 4)], self.path("x.h5"))
        with h5py.File(path, "r") as dump:
            self.assertNotIn("eps", dump["norms/000"].attrs)
            self.assertEqual(dump["norms/000"].attrs["kind"], "layernorm")


def labelled(*specs: SiteSpec) -> list[tuple[int, str]]:
    for number, spec in enumerate(specs):
        spec.key = f"{number:03d}"
    site_labels.label_sites(list(specs))
    return [(s.layer, s.site) for s in specs]


def spec(path: str, role: str = "", stack: str = "", **fields) -> SiteSpec:
    return SiteSpec(NormSource(path, stack=stack), role=role, **fields)


class SiteLabelTest(unittest.TestCase):
    CASES = [
        ("transformer.h.3.ln_1", "pre-attention", (3, "ln1")),
        ("model.layers.2.post_attention_layernorm", "pre-mlp", (2, "ln2")),  # Llama's
        ("model.layers.2.post_attention_layernorm", "post-attention", (2, "post_attn")),  # Gemma-2
        ("decoder.layers.1.norm2", "pre-cross-attention", (1, "ln_cross")),
        ("encoder.layer.4.output.LayerNorm", "post-mlp", (4, "post_mlp")),  # BERT, post-LN
        ("model.layers.0.pre_feedforward_layernorm", "pre-mlp", (0, "ln2")),
        ("embeddings.LayerNorm", "embedding", (-1, "embed")),
        ("h.0.ln_2", "", (0, "ln2")),  # no role known (arrays): the name's usual meaning
        ("encoder.block.5.layer.1.layer_norm", "", (5, "layer_norm")),
    ]

    def test_labels_follow_the_role_then_the_name(self) -> None:
        for path, role, expected in self.CASES:
            with self.subTest(path=path, role=role):
                self.assertEqual(labelled(spec(path, role)), [expected])

    def test_final_norm_comes_after_its_stacks_blocks(self) -> None:
        self.assertEqual(labelled(spec("h.0.ln_1", "pre-attention"),
                                  spec("h.5.ln_1", "pre-attention"), spec("ln_f", "final")),
                         [(0, "ln1"), (5, "ln1"), (6, "final")])
        self.assertEqual(site_labels.role_from_name("transformer.ln_f"), "final")
        self.assertEqual(site_labels.role_from_name("h.0.ln_f"), "")

    def test_heads_and_calls_get_their_own_labels(self) -> None:
        self.assertEqual(labelled(spec("layers.0.self_attn.q_norm", "inside-attention", slot=1,
                                       n_slots=2),
                                  spec("block.ln1", "pre-attention", call=2, n_calls=3),
                                  spec("layers.1.ln1", "pre-attention", call=1, n_calls=2),
                                  spec("layers.1.mix", "", slot=3, n_slots=4)),
                         [(0, "q_norm.h1"), (2, "ln1"), (1, "ln1.c1"), (1, "mix.s3")])

    def test_duplicate_labels_are_made_unique(self) -> None:
        self.assertEqual(labelled(spec("encoder.layers.0.norm1", "pre-attention", "encoder"),
                                  spec("decoder.layers.0.norm1", "pre-attention", "decoder"),
                                  spec("layers.1.a", "pre-mlp"), spec("layers.1.b", "pre-mlp")),
                         [(0, "enc.ln1"), (0, "dec.ln1"), (1, "ln2.a"), (1, "ln2.b")])


if __name__ == "__main__":
    unittest.main()
