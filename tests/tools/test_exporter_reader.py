"""Files the exporter writes open in the C++ core (through `lngeom stats`) with the same numbers."""

from __future__ import annotations

import os
import sys
import tempfile
import unittest

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
import lngeom_export  # noqa: E402
import tiny_models  # noqa: E402
from stats_comparison import LNGEOM_BIN, NO_BINARY_REASON, StatsComparison  # noqa: E402

torch.set_num_threads(1)


@unittest.skipUnless(LNGEOM_BIN, NO_BINARY_REASON)
class ExportedFilesOpenInTheCoreTest(StatsComparison):
    def setUp(self) -> None:
        self.directory = tempfile.TemporaryDirectory()
        self.addCleanup(self.directory.cleanup)

    def export_decoder(self, norm_class: type, dtype: str) -> str:
        path = os.path.join(self.directory.name, f"{norm_class.__name__}-{dtype}.h5")
        ids = tiny_models.token_ids(8, 16)
        return lngeom_export.export(tiny_models.TinyDecoder(norm_class), [ids[:3], ids[3:]], path,
                                    tokens=[[[str(int(i)) for i in row] for row in part]
                                            for part in (ids[:3], ids[3:])], dtype=dtype)

    def test_layernorm_encoder_dump(self) -> None:
        x = torch.randn(4, 12, tiny_models.D_MODEL, generator=torch.Generator().manual_seed(5))
        path = lngeom_export.export(tiny_models.transformer_encoder(),
                                    [{"src": x, "mask": tiny_models.causal_mask(12)}],
                                    os.path.join(self.directory.name, "encoder.h5"))
        self.assert_stats_match_numpy(path)

    def test_rmsnorm_decoder_dumps_in_every_storage_type(self) -> None:
        for dtype in lngeom_export.STORAGE_DTYPES:
            with self.subTest(dtype=dtype):
                path = self.export_decoder(tiny_models.HandWrittenRMSNorm, dtype)
                self.assert_stats_match_numpy(path)

    def test_gemma_style_decoder_dump(self) -> None:
        self.assert_stats_match_numpy(self.export_decoder(tiny_models.GemmaStyleRMSNorm, "float32"))


if __name__ == "__main__":
    unittest.main()
