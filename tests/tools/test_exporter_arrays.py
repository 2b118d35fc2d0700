"""Arrays people already hold: export_arrays from tensors (hidden states, nnsight saves) and
from_transformer_lens from an ActivationCache, hook_normalized's before/after-γ included."""

from __future__ import annotations

import unittest

import h5py
import numpy as np
import torch

from exporter_testing import DumpTestCase, column, sites_of
import lngeom_export  # noqa: E402
import tiny_models  # noqa: E402
import tiny_transformer_lens as tl  # noqa: E402
from lngeom_exporter.formulas import apply_norm  # noqa: E402


def layer_norm_site(generator: torch.Generator, shape: tuple) -> dict:
    x = 5.0 * torch.randn(*shape, generator=generator) + 2.0
    gamma = torch.rand(shape[-1], generator=generator) + 0.5
    beta = torch.randn(shape[-1], generator=generator)
    y = torch.layer_norm(x, (shape[-1],), gamma, beta, 1e-5)
    return {"input": x, "output": y, "gamma": gamma, "beta": beta, "eps": 1e-5}


class ExportArraysTest(DumpTestCase):
    def test_sites_with_their_formula_found_from_the_output(self) -> None:
        generator = torch.Generator().manual_seed(11)
        mask = torch.tensor([[1, 1, 1, 1], [1, 1, 0, 0]])
        rms_input = torch.randn(2, 4, 8, generator=generator)
        sites = {"h.0.ln_1": layer_norm_site(generator, (2, 4, 8)),
                 "h.0.rms": {"input": rms_input, "eps": 1e-6,
                             "output": rms_input * torch.rsqrt(rms_input.pow(2).mean(-1, True)
                                                               + 1e-6)},
                 "ln_f": layer_norm_site(generator, (2, 4, 8))}
        path = lngeom_export.export_arrays(self.path("arrays.h5"), sites, mask=mask,
                                           tokens=[["a", "b", "c", "d"], ["e", "f"]])
        stored = sites_of(path)
        self.assertEqual([(s["module"], s["layer"], s["site"], s["role"], s["kind"])
                          for s in stored],
                         [("h.0.ln_1", 0, "ln1", "", "layernorm"),
                          ("h.0.rms", 0, "rms", "", "rmsnorm"),
                          ("ln_f", 1, "final", "final", "layernorm")])
        np.testing.assert_array_equal(stored[0]["input"], sites["h.0.ln_1"]["input"][mask.bool()])
        self.assertEqual(column(path, "tokens"), list("abcdef"))
        self.assertEqual(column(path, "position"), [0, 1, 2, 3, 0, 1])
        with h5py.File(path, "r") as dump:
            self.assertEqual(dump["model"].attrs["name"], "arrays")
            self.assertEqual(dump["norms/002/beta"].shape, (8,))

    def test_hidden_states_without_outputs_need_their_kind(self) -> None:
        states = torch.randn(3, 2, 5, 8)  # (layers, batch, seq, d), as stacked hidden states
        path = lngeom_export.export_arrays(
            self.path("hidden.h5"),
            {f"layers.{i}.input_layernorm": {"input": s, "kind": "rmsnorm", "role": "pre-attention"}
             for i, s in enumerate(states)})
        self.assertEqual([(s["layer"], s["site"], s["output"]) for s in sites_of(path)],
                         [(0, "ln1", None), (1, "ln1", None), (2, "ln1", None)])

    def test_extra_axes_become_one_site_per_slot(self) -> None:
        q = torch.randn(2, 3, 4, 8)  # (batch, seq, heads, d_head)
        path = lngeom_export.export_arrays(self.path("q.h5"), {
            "layers.0.self_attn.q_norm": {"input": q, "kind": "rmsnorm",
                                          "role": "inside-attention"}})
        stored = sites_of(path)
        self.assertEqual([s["site"] for s in stored], [f"q_norm.h{h}" for h in range(4)])
        np.testing.assert_array_equal(stored[2]["input"], q[:, :, 2].reshape(6, 8))

    def test_bad_sites_are_named(self) -> None:
        path = self.path("bad.h5")
        x = torch.randn(1, 2, 4)
        for sites, expected in (
                ({"s": {"input": x}}, "site 's': give kind='layernorm' or 'rmsnorm' (there is no "
                                      "output to tell them apart)"),
                ({"s": {"input": x, "weight": x}}, "site 's': unknown keys weight (keys: input, "
                                                   "output, gamma, beta, eps, kind, "
                                                   "gamma_convention, layer, site, stack, role, "
                                                   "attrs)"),
                ({"s": {"input": x, "kind": "rmsnorm", "gamma": torch.ones(3)}},
                 "site 's': gamma has 3 values; expected d = 4"),
                ({"s": {"input": x, "output": 2 * x}},
                 "site 's': its output is neither LayerNorm nor RMSNorm of its input with the γ, "
                 "β and ε given; give kind= to store it anyway"),
                ({}, "no sites given")):
            with self.subTest(expected=expected):
                with self.assertRaises(lngeom_export.ExportError) as raised:
                    lngeom_export.export_arrays(path, sites)
                self.assertEqual(str(raised.exception), f"{path}: {expected}")


class TransformerLensTest(DumpTestCase):
    def cached(self, normalization: str, tokens: torch.Tensor) -> tuple:
        model = tl.HookedTransformer(tl.HookedTransformerConfig(normalization_type=normalization))
        return model, model.run_with_cache(tokens)[1]

    def test_hooked_transformer_cache_gives_the_hooked_export(self) -> None:
        """The cache and the model's own norms, hooked, give the same inputs and outputs."""
        tokens = tiny_models.token_ids(2, 5)
        for normalization, taken in (("LN", "after gamma and beta"), ("RMS", "before gamma"),
                                     ("LNPre", "whole output (no gamma or beta)")):
            with self.subTest(normalization=normalization):
                model, cache = self.cached(normalization, tokens)
                path = lngeom_export.from_transformer_lens(model, cache, self.path("c.h5"))
                hooked = lngeom_export.export(model, [tokens], self.path("h.h5"))
                for site, expected in zip(sites_of(path), sites_of(hooked), strict=True):
                    self.assertEqual((site["module"], site["layer"], site["site"], site["role"]),
                                     (expected["module"], expected["layer"], expected["site"],
                                      expected["role"]))
                    np.testing.assert_allclose(site["input"], expected["input"], rtol=1e-6)
                    np.testing.assert_allclose(site["output"], expected["output"], rtol=1e-5,
                                               atol=1e-6)
                first = sites_of(path)[0]
                self.assertEqual(first["hook_input"], "blocks.0.hook_resid_pre")
                self.assertEqual(first["hook_normalized"],
                                 f"blocks.0.ln1.hook_normalized, {taken}")

    def test_processed_weights_are_warned_about(self) -> None:
        model = tl.HookedTransformer(tl.HookedTransformerConfig())
        model.center_writing_weights()
        _, cache = model.run_with_cache(tiny_models.token_ids(2, 5))
        with self.assertWarnsRegex(UserWarning, "every residual vector has mean 0: .* load the "
                                                "model with from_pretrained_no_processing"):
            lngeom_export.from_transformer_lens(model, cache, self.path("centred.h5"))

    def test_a_cache_without_the_inputs_is_refused(self) -> None:
        model, cache = self.cached("LN", tiny_models.token_ids(1, 3))
        del cache.cache_dict["blocks.1.hook_resid_mid"]
        path = self.path("m.h5")
        with self.assertRaises(lngeom_export.ExportError) as raised:
            lngeom_export.from_transformer_lens(model, cache, path)
        self.assertEqual(str(raised.exception),
                         f"{path}: the cache has no 'blocks.1.hook_resid_mid': run run_with_cache "
                         f"without a names_filter, or with one that keeps it")

    def test_mask_drops_padding(self) -> None:
        model, cache = self.cached("RMS", tiny_models.token_ids(2, 4))
        path = lngeom_export.from_transformer_lens(
            model, cache, self.path("p.h5"), mask=torch.tensor([[0, 1, 1, 1], [1, 1, 1, 1]]))
        self.assertEqual(column(path, "position"), [0, 1, 2, 0, 1, 2, 3])
        site = sites_of(path)[1]
        np.testing.assert_allclose(site["output"], apply_norm(
            site["input"].astype(np.float64), "rmsnorm", "weight", 1e-5,
            model.blocks[0].ln2.w.detach().double().numpy(), None), rtol=1e-5, atol=1e-6)


if __name__ == "__main__":
    unittest.main()
