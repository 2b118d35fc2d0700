"""Files the exporter writes open in the C++ core (through `lngeom stats`) with the same numbers
numpy computes, and with padding left out: the padded batch reports what the sequences give
alone."""

from __future__ import annotations

import os
import unittest
import warnings

import torch

from exporter_testing import DumpTestCase
import lngeom_export  # noqa: E402
import tiny_hf_models  # noqa: E402
import tiny_models  # noqa: E402
import tiny_transformer_lens as tl  # noqa: E402
from reference_statistics import dump_summary  # noqa: E402
from stats_comparison import LNGEOM_BIN, NO_BINARY_REASON, StatsComparison, lngeom_stats  # noqa

SEQUENCES = [[3, 14, 15, 9, 2, 6, 5, 3], [5, 35], [8, 9, 7, 9, 3], [2, 3, 8]]
# Padded and unpadded batches round differently in float32 attention.
BATCHING_ROUNDING = 1e-4


@unittest.skipUnless(LNGEOM_BIN, NO_BINARY_REASON)
class ExportedFilesOpenInTheCoreTest(DumpTestCase, StatsComparison):
    def export_decoder(self, norm_class: type, dtype: str) -> str:
        path = self.path(f"{norm_class.__name__}-{dtype}.h5")
        ids = tiny_models.token_ids(8, 16)
        return lngeom_export.export(tiny_models.TinyDecoder(norm_class), [ids[:3], ids[3:]], path,
                                    tokens=[[[str(int(i)) for i in row] for row in part]
                                            for part in (ids[:3], ids[3:])], dtype=dtype)

    def test_layernorm_encoder_dump(self) -> None:
        x = torch.randn(4, 12, tiny_models.D_MODEL, generator=torch.Generator().manual_seed(5))
        path = lngeom_export.export(tiny_models.transformer_encoder(),
                                    [{"src": x, "mask": tiny_models.causal_mask(12)}],
                                    self.path("encoder.h5"))
        self.assert_stats_match_numpy(path)

    def test_rmsnorm_decoder_dumps_in_every_storage_type(self) -> None:
        for dtype in lngeom_export.STORAGE_DTYPES:
            with self.subTest(dtype=dtype):
                self.assert_stats_match_numpy(self.export_decoder(tiny_models.HandWrittenRMSNorm,
                                                                  dtype))

    def test_gemma_style_decoder_dump(self) -> None:
        self.assert_stats_match_numpy(self.export_decoder(tiny_models.GemmaStyleRMSNorm, "float32"))

    def test_padded_batches_report_the_real_tokens_only(self) -> None:
        model = tiny_hf_models.GPT2LMHeadModel()
        alone = lngeom_export.export(model, [tiny_hf_models.padded([s], "right")
                                             for s in SEQUENCES], self.path("alone.h5"))
        batch = tiny_hf_models.padded(SEQUENCES, "left")
        padded = lngeom_export.export(model, [batch], self.path("left.h5"))
        with_pads = lngeom_export.export(model, [batch], self.path("pads.h5"),
                                         mask=[torch.ones_like(batch["attention_mask"])])
        self.assert_stats_match_numpy(padded)
        report = lngeom_stats(padded)["sites"]
        reference = dump_summary(alone)
        for actual, expected in zip(report, reference, strict=True):
            self.assertEqual(actual["n_tokens"], sum(map(len, SEQUENCES)))
            for name, summary in expected["metrics"].items():
                for statistic in ("mean", "std", "min", "max"):
                    value = summary[statistic]
                    self.assertAlmostEqual(actual["metrics"][name][statistic], value,
                                           delta=BATCHING_ROUNDING * max(1, abs(value)),
                                           msg=f"{actual['key']} {name} {statistic}")
        polluted = dump_summary(with_pads)[0]["metrics"]["angle_to_uniform_deg"]["mean"]
        self.assertGreater(abs(polluted - reference[0]["metrics"]["angle_to_uniform_deg"]["mean"]),
                           100 * BATCHING_ROUNDING)

    def test_qk_norm_heads_and_placement(self) -> None:
        batch = tiny_hf_models.padded(SEQUENCES, "right")
        del batch["position_ids"]  # Llama-family models compute their own
        path = lngeom_export.export(tiny_hf_models.qwen3(), [batch], self.path("qwen3.h5"))
        self.assert_stats_match_numpy(path)
        sites = lngeom_stats(path)["sites"]
        self.assertEqual([(s["site"], s["stack"], s["role"], s["d"]) for s in sites[:3]],
                         [("ln1", "decoder", "pre-attention", 16),
                          ("q_norm.h0", "decoder", "inside-attention", 8),
                          ("q_norm.h1", "decoder", "inside-attention", 8)])

    def test_transformer_lens_cache_dump(self) -> None:
        model = tl.HookedTransformer(tl.HookedTransformerConfig(normalization_type="RMS"))
        _, cache = model.run_with_cache(tiny_models.token_ids(3, 7))
        self.assert_stats_match_numpy(lngeom_export.from_transformer_lens(model, cache,
                                                                          self.path("tl.h5")))

    def test_a_thousand_sites_and_more_keep_their_order(self) -> None:
        """Per-head sites of a large model pass 999: keys grow to four digits."""
        generator = torch.Generator().manual_seed(12)
        sites = {f"layers.{i}.self_attn.q_norm": {
            "input": torch.randn(1, 3, 4, generator=generator), "kind": "rmsnorm",
            "eps": 1e-6} for i in range(1001)}
        path = lngeom_export.export_arrays(self.path("many.h5"), sites)
        report = lngeom_stats(path)["sites"]
        self.assertEqual([s["key"] for s in report[:2] + report[-2:]],
                         ["0000", "0001", "0999", "1000"])
        self.assertEqual([s["layer"] for s in report], list(range(1001)))

    def test_kept_batches_of_an_interrupted_export_are_a_complete_dump(self) -> None:
        def batches():
            yield tiny_models.token_ids(2, 5, seed=1)
            yield tiny_models.token_ids(2, 5, seed=2)
            raise KeyboardInterrupt

        with warnings.catch_warnings(record=True), self.assertRaises(KeyboardInterrupt):
            lngeom_export.export(tiny_models.TinyDecoder(), batches(), self.path("cut.h5"))
        kept = self.path("cut.partial.h5")
        self.assertTrue(os.path.exists(kept))
        self.assertFalse(os.path.exists(self.path("cut.h5")))
        self.assert_stats_match_numpy(kept)
        self.assertEqual(lngeom_stats(kept)["model"]["batches"], 2)


if __name__ == "__main__":
    unittest.main()
