"""Padding, positions and sequence ids: only real tokens are written, with their true positions,
whichever side the batch is padded on and however the model lays out its axes."""

from __future__ import annotations

import unittest

import torch

from exporter_testing import DumpTestCase, assert_same_rows, column, sites_of
import lngeom_export  # noqa: E402  (on the path through exporter_testing)
import tiny_hf_models  # noqa: E402
import tiny_models  # noqa: E402

SEQUENCES = [[3, 14, 15, 9, 2, 6], [5, 35], [8, 9, 7, 9]]


def strings(sequence: list[int]) -> list[str]:
    return [f"t{i}" for i in sequence]


class PaddingTest(DumpTestCase):
    def export_gpt2(self, name: str, batches: list[dict], **options) -> str:
        return lngeom_export.export(tiny_hf_models.GPT2LMHeadModel(), batches, self.path(name),
                                    **options)

    def unpadded(self) -> str:
        """Each sequence alone in its batch: no padding anywhere."""
        return self.export_gpt2("alone.h5", [tiny_hf_models.padded([s], "right")
                                             for s in SEQUENCES],
                                tokens=[[strings(s)] for s in SEQUENCES])

    def test_left_and_right_padding_store_exactly_the_real_tokens(self) -> None:
        reference = self.unpadded()
        for side in ("left", "right"):
            with self.subTest(side=side):
                path = self.export_gpt2(f"{side}.h5", [tiny_hf_models.padded(SEQUENCES, side)],
                                        tokens=[[strings(s) for s in SEQUENCES]])
                assert_same_rows(self, path, reference, atol=1e-5)
                self.assertEqual(column(path, "tokens"), sum(map(strings, SEQUENCES), []))
        self.assertEqual(column(reference, "position"), [0, 1, 2, 3, 4, 5, 0, 1, 0, 1, 2, 3])
        self.assertEqual(column(reference, "sequence"), [0] * 6 + [1] * 2 + [2] * 4)

    def test_token_strings_may_include_the_padding_positions(self) -> None:
        batch = tiny_hf_models.padded(SEQUENCES, "left")
        every_position = [["<pad>"] * (6 - len(s)) + strings(s) for s in SEQUENCES]
        path = self.export_gpt2("pads.h5", [batch], tokens=[every_position])
        self.assertEqual(column(path, "tokens"), sum(map(strings, SEQUENCES), []))

    def test_without_position_ids_positions_still_count_real_tokens(self) -> None:
        batch = tiny_hf_models.padded(SEQUENCES, "left")
        del batch["position_ids"]
        path = self.export_gpt2("no-ids.h5", [batch])
        self.assertEqual(column(path, "position"), [0, 1, 2, 3, 4, 5, 0, 1, 0, 1, 2, 3])

    def test_explicit_mask_sequence_and_position(self) -> None:
        ids = tiny_models.token_ids(2, 5)
        mask = torch.tensor([[1, 1, 1, 0, 0], [1, 1, 1, 1, 1]])
        path = lngeom_export.export(tiny_models.LoopedEncoder(), [ids], self.path("m.h5"),
                                    mask=[mask], sequence=[[[40] * 5, [41] * 5]],
                                    position=[torch.arange(100, 105).expand(2, 5)])
        self.assertEqual(column(path, "sequence"), [40] * 3 + [41] * 5)
        self.assertEqual(column(path, "position"), [100, 101, 102, 100, 101, 102, 103, 104])
        self.assertEqual(sites_of(path)[0]["input"].shape, (8, tiny_models.D_MODEL))

    def test_sequence_ids_go_on_across_batches_counting_empty_rows(self) -> None:
        ids = tiny_models.token_ids(2, 3)
        masks = [torch.tensor([[1, 1, 0], [0, 0, 0]]), torch.tensor([[1, 1, 1], [1, 0, 0]])]
        path = lngeom_export.export(tiny_models.LoopedEncoder(), [ids, ids], self.path("s.h5"),
                                    mask=masks)
        self.assertEqual(column(path, "sequence"), [0, 0, 2, 2, 2, 3])

    def test_pytorch_key_padding_masks_mark_padding(self) -> None:
        x = torch.randn(2, 4, tiny_models.D_MODEL, generator=torch.Generator().manual_seed(3))
        for padding in (torch.tensor([[False, False, True, True], [False] * 4]),
                        torch.tensor([[0.0, 0.0, float("-inf"), float("-inf")], [0.0] * 4])):
            with self.subTest(dtype=padding.dtype):
                path = lngeom_export.export(
                    tiny_models.transformer_encoder(),
                    [{"src": x, "mask": torch.zeros(4, 4), "src_key_padding_mask": padding}],
                    self.path("kpm.h5"))
                self.assertEqual(column(path, "position"), [0, 1, 0, 1, 2, 3])

    def test_mask_of_another_shape_than_the_batch_is_refused(self) -> None:
        path = self.path("bad.h5")
        with self.assertWarns(lngeom_export.SkippedSiteWarning), \
                self.assertRaises(lngeom_export.ExportError) as raised:
            lngeom_export.export(tiny_models.LoopedEncoder(), [tiny_models.token_ids(2, 6)],
                                 path, mask=[torch.ones(2, 5)])
        self.assertEqual(str(raised.exception),
                         f"{path}: batch 0: no norm's input lines up with the batch's 2×5 tokens")

    def test_token_strings_of_neither_every_position_nor_the_real_tokens(self) -> None:
        path = self.path("t.h5")
        with self.assertRaises(lngeom_export.ExportError) as raised:
            self.export_gpt2("t.h5", [tiny_hf_models.padded(SEQUENCES, "right")],
                             tokens=[[["a"] * 5] * 3])
        self.assertEqual(str(raised.exception),
                         f"{path}: batch 0 has 15 token strings for 3×6 = 18 positions "
                         f"(12 real tokens)")


if __name__ == "__main__":
    unittest.main()
