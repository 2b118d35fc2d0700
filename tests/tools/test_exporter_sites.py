"""Any norm at any site: modules found by class name or named by path, glob or predicate; ε
and γ/β under any naming; norms with their own rows (QK-norm per head, a looped block, the two
stacks of an encoder-decoder) and truthful labels read from the forward pass."""

from __future__ import annotations

import unittest
import warnings

import h5py
import numpy as np
import torch

from exporter_testing import DumpTestCase, column, labels_of, sites_of
import lngeom_export  # noqa: E402
import tiny_hf_models  # noqa: E402
import tiny_models  # noqa: E402
import tiny_nanogpt  # noqa: E402
import tiny_transformer_lens  # noqa: E402


def captured_inputs(module: torch.nn.Module, run) -> list[torch.Tensor]:
    """What `module` received on each call while `run()` ran, by a hook of our own."""
    seen = []
    handle = module.register_forward_hook(lambda m, args, out: seen.append(args[0].detach()))
    with torch.no_grad():
        run()
    handle.remove()
    return seen


class AnyNormTest(DumpTestCase):
    def export_hooked_transformer(self, normalization: str, **options) -> str:
        model = tiny_transformer_lens.HookedTransformer(
            tiny_transformer_lens.HookedTransformerConfig(normalization_type=normalization))
        return lngeom_export.export(model, [tiny_models.token_ids(2, 5)],
                                    self.path(f"{normalization}.h5"), **options)

    def test_transformer_lens_norms_keep_their_w_and_b(self) -> None:
        for normalization, kind, has_beta in (("LN", "layernorm", True),
                                              ("RMS", "rmsnorm", False)):
            with self.subTest(normalization=normalization), warnings.catch_warnings():
                warnings.simplefilter("error")  # no "matches neither formula"
                path = self.export_hooked_transformer(normalization)
            with h5py.File(path, "r") as dump:
                self.assertEqual({g.attrs["kind"] for g in dump["norms"].values()}, {kind})
                self.assertEqual(["beta" in g for g in dump["norms"].values()], [has_beta] * 5)
                self.assertTrue(all("gamma" in g for g in dump["norms"].values()))
            self.assert_outputs_recomputed(path)
            self.assertEqual([s[2:] for s in labels_of(path)],
                             [("ln1", "pre-attention"), ("ln2", "pre-mlp")] * 2
                             + [("final", "final")])

    def test_layer_norm_pre_is_found_by_its_class(self) -> None:
        path = self.export_hooked_transformer("LNPre")
        self.assertEqual([s["module"] for s in sites_of(path)],
                         ["blocks.0.ln1", "blocks.0.ln2", "blocks.1.ln1", "blocks.1.ln2",
                          "ln_final"])
        self.assert_outputs_recomputed(path)

    def test_eps_from_the_call_when_the_module_keeps_none(self) -> None:
        original = torch.layer_norm
        path = lngeom_export.export(tiny_nanogpt.build(bias=False), [tiny_models.token_ids(2, 5)],
                                    self.path("nanogpt.h5"))
        self.assertIs(torch.layer_norm, original)
        sites = sites_of(path)
        self.assertEqual({s["eps"] for s in sites}, {1e-5})
        self.assertEqual([s["site"] for s in sites], ["ln1", "ln2", "ln1", "ln2", "final"])
        self.assert_outputs_recomputed(path)

    def test_caller_eps_wins_over_the_module(self) -> None:
        model = tiny_models.TinyDecoder()
        path = lngeom_export.export(model, [tiny_models.token_ids(1, 4)], self.path("e.h5"),
                                    eps={"layers.*": 1e-4})
        self.assertEqual([s["eps"] for s in sites_of(path)], [1e-4] * 4 + [1e-6])
        path = lngeom_export.export(model, [tiny_models.token_ids(1, 4)], self.path("f.h5"),
                                    eps=1e-3)
        self.assertEqual({s["eps"] for s in sites_of(path)}, {1e-3})

    def test_any_module_by_path_glob_or_predicate_with_named_gain_and_bias(self) -> None:
        class Standardizer(torch.nn.Module):
            """Not named like a norm; its γ and β are called scale and shift."""

            def __init__(self) -> None:
                super().__init__()
                self.scale = torch.nn.Parameter(torch.linspace(0.5, 2.0, 4))
                self.shift = torch.nn.Parameter(torch.linspace(-1.0, 1.0, 4))
                self.eps = 1e-5

            def forward(self, x: torch.Tensor) -> torch.Tensor:
                return torch.layer_norm(x, (4,), self.scale, self.shift, self.eps)

        class RmsNorm(tiny_models.HandWrittenRMSNorm):
            """timm's name for RMSNorm."""

        model = torch.nn.Sequential(Standardizer(), RmsNorm(4), torch.nn.LayerNorm(4))
        batches = [torch.randn(2, 3, 4)]
        for options, expected in (
                ({}, ["1", "2"]),
                ({"include": ["0"]}, ["0", "1", "2"]),
                ({"include": [lambda path, m: isinstance(m, Standardizer)], "exclude": ["[12]"]},
                 ["0"]),
                ({"modules": ["0", "2"]}, ["0", "2"])):
            with self.subTest(options=options):
                path = lngeom_export.export(model, batches, self.path("any.h5"), gamma="scale",
                                            beta="shift", **options)
                self.assertEqual([s["module"] for s in sites_of(path)], expected)
        with h5py.File(self.path("any.h5"), "r") as dump:
            np.testing.assert_allclose(dump["norms/000/gamma"][()], np.linspace(0.5, 2.0, 4),
                                       rtol=1e-6)
        self.assert_outputs_recomputed(self.path("any.h5"))


class OwnRowsTest(DumpTestCase):
    def test_qk_norm_is_stored_per_head_aligned_with_the_tokens(self) -> None:
        model = tiny_hf_models.qwen3()
        batch = tiny_hf_models.padded([[1, 2, 3], [4, 5, 6, 7, 8]], "left")
        del batch["position_ids"]
        path = lngeom_export.export(model, [batch], self.path("qwen3.h5"))
        layer0 = [(s["site"], s["role"], s.get("head"), s["input"].shape)
                  for s in sites_of(path) if s["layer"] == 0]
        self.assertEqual(layer0, [("ln1", "pre-attention", None, (8, 16)),
                                  ("q_norm.h0", "inside-attention", 0, (8, 8)),
                                  ("q_norm.h1", "inside-attention", 1, (8, 8)),
                                  ("k_norm", "inside-attention", None, (8, 8)),
                                  ("ln2", "pre-mlp", None, (8, 16))])
        q_norm = model.model.layers[0].self_attn.q_norm
        seen = captured_inputs(q_norm, lambda: model(**batch))[0]  # (B, S, heads, d_head)
        real = batch["attention_mask"].bool()
        for head in (0, 1):
            np.testing.assert_allclose(sites_of(path)[1 + head]["input"],
                                       seen[:, :, head][real].numpy(), rtol=1e-6)
        self.assert_outputs_recomputed(path)

    def test_a_looped_block_gets_one_site_per_pass(self) -> None:
        model = tiny_models.LoopedEncoder(loops=3)
        ids = tiny_models.token_ids(2, 4)
        path = lngeom_export.export(model, [ids], self.path("looped.h5"))
        sites = sites_of(path)
        self.assertEqual([(s["layer"], s["site"], s.get("call")) for s in sites],
                         [(0, "ln1", 0), (0, "ln2", 0), (1, "ln1", 1), (1, "ln2", 1),
                          (2, "ln1", 2), (2, "ln2", 2), (3, "final", None)])
        seen = captured_inputs(model.block.ln1, lambda: model(ids))
        for call in range(3):
            np.testing.assert_allclose(sites[2 * call]["input"], seen[call].reshape(8, -1),
                                       rtol=1e-6)

    def test_unalignable_norm_is_skipped_and_the_others_kept(self) -> None:
        class Pooler(torch.nn.Module):
            def __init__(self) -> None:
                super().__init__()
                self.encoder = tiny_models.LoopedEncoder(loops=1)
                self.pooled_norm = torch.nn.LayerNorm(tiny_models.D_MODEL)

            def forward(self, ids: torch.Tensor) -> torch.Tensor:
                return self.pooled_norm(self.encoder(ids).mean(1))

        with self.assertWarnsRegex(lngeom_export.SkippedSiteWarning,
                                   r"'pooled_norm' skipped: its input of shape \(2, 16\) has no "
                                   r"axes of the batch's 2×4 tokens"):
            path = lngeom_export.export(Pooler(), [tiny_models.token_ids(2, 4)], self.path("p.h5"))
        self.assertEqual(len(sites_of(path)), 3)


class EncoderDecoderTest(DumpTestCase):
    def batch(self) -> dict:
        generator = torch.Generator().manual_seed(10)
        return {"src": torch.randn(2, 5, tiny_models.D_MODEL, generator=generator),
                "tgt": torch.randn(2, 3, tiny_models.D_MODEL, generator=generator),
                "src_mask": torch.zeros(5, 5), "tgt_mask": tiny_models.causal_mask(3),
                "tgt_key_padding_mask": torch.tensor([[False, False, True], [False] * 3])}

    def test_each_stack_goes_into_its_own_file_with_truthful_labels(self) -> None:
        model = tiny_models.transformer(norm_first=True)
        with self.assertWarnsRegex(lngeom_export.SkippedSiteWarning,
                                   r"skipped the decoder's 7 norms \(decoder.layers.0.norm1, .*\): "
                                   r"they see the decoder's tokens, and this dump holds the "
                                   r"encoder's; export them into another file with "
                                   r"stream='decoder'"):
            encoder = lngeom_export.export(model, [self.batch()], self.path("enc.h5"))
        with self.assertWarnsRegex(lngeom_export.SkippedSiteWarning, "skipped the encoder's"):
            decoder = lngeom_export.export(model, [self.batch()], self.path("dec.h5"),
                                           stream="decoder")
        self.assertEqual([(s["stack"], s["layer"], s["site"], s["role"])
                          for s in sites_of(encoder)],
                         [("encoder", 0, "ln1", "pre-attention"), ("encoder", 0, "ln2", "pre-mlp"),
                          ("encoder", 1, "ln1", "pre-attention"), ("encoder", 1, "ln2", "pre-mlp"),
                          ("encoder", 2, "final", "final")])
        self.assertEqual([(s["stack"], s["site"], s["role"]) for s in sites_of(decoder)][:3],
                         [("decoder", "ln1", "pre-attention"),
                          ("decoder", "ln_cross", "pre-cross-attention"),
                          ("decoder", "ln2", "pre-mlp")])
        self.assertEqual(column(encoder, "position"), [0, 1, 2, 3, 4] * 2)
        self.assertEqual(column(decoder, "position"), [0, 1, 0, 1, 2])

    def test_post_ln_layers_are_labelled_post(self) -> None:
        with self.assertWarns(lngeom_export.SkippedSiteWarning):
            path = lngeom_export.export(tiny_models.transformer(norm_first=False),
                                        [self.batch()], self.path("post.h5"), stream="decoder")
        self.assertEqual([s["role"] for s in sites_of(path)][:3],
                         ["post-attention", "post-cross-attention", "post-mlp"])

    def test_stream_needs_an_encoder_decoder_model(self) -> None:
        path = self.path("x.h5")
        with self.assertRaises(lngeom_export.ExportError) as raised:
            lngeom_export.export(tiny_models.TinyDecoder(), [tiny_models.token_ids(1, 3)], path,
                                 stream="decoder")
        self.assertEqual(str(raised.exception),
                         f"{path}: stream='decoder' applies to encoder-decoder models; "
                         f"this model's norms are in one stack")


class RoleTest(DumpTestCase):
    """Roles come from the forward pass: the same module name can mean different places."""

    def test_llama_and_gemma2_post_attention_layernorm(self) -> None:
        batch = [tiny_models.token_ids(2, 4)]
        llama = lngeom_export.export(tiny_hf_models.qwen3(), batch, self.path("llama.h5"),
                                     exclude=["*_norm"])
        gemma = lngeom_export.export(tiny_hf_models.gemma2(), batch, self.path("gemma.h5"),
                                     exclude=["*.q_norm", "*.k_norm"])
        self.assertEqual(labels_of(llama)[:2],
                         [("model.layers.0.input_layernorm", 0, "ln1", "pre-attention"),
                          ("model.layers.0.post_attention_layernorm", 0, "ln2", "pre-mlp")])
        self.assertEqual(labels_of(gemma)[:4],
                         [("model.layers.0.input_layernorm", 0, "ln1", "pre-attention"),
                          ("model.layers.0.post_attention_layernorm", 0, "post_attn",
                           "post-attention"),
                          ("model.layers.0.pre_feedforward_layernorm", 0, "ln2", "pre-mlp"),
                          ("model.layers.0.post_feedforward_layernorm", 0, "post_mlp",
                           "post-mlp")])
        self.assert_outputs_recomputed(gemma)

    def test_gpt2_style(self) -> None:
        path = lngeom_export.export(tiny_hf_models.GPT2LMHeadModel(),
                                    [tiny_hf_models.padded([[1, 2], [3]], "right")],
                                    self.path("gpt2.h5"))
        self.assertEqual(labels_of(path),
                         [("transformer.h.0.ln_1", 0, "ln1", "pre-attention"),
                          ("transformer.h.0.ln_2", 0, "ln2", "pre-mlp"),
                          ("transformer.h.1.ln_1", 1, "ln1", "pre-attention"),
                          ("transformer.h.1.ln_2", 1, "ln2", "pre-mlp"),
                          ("transformer.ln_f", 2, "final", "final")])


if __name__ == "__main__":
    unittest.main()
