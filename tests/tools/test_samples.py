"""The bundled sample dumps: how they were made, that they are self-consistent, and that
`lngeom stats` reports on them what numpy computes from the same vectors."""

from __future__ import annotations

import os
import sys
import unittest

import h5py
import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data"))
import make_samples  # noqa: E402
from stats_comparison import LNGEOM_BIN, NO_BINARY_REASON, StatsComparison  # noqa: E402
from reference_statistics import recomputed_output, stored_rows  # noqa: E402

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data")
SAMPLES = {norm: os.path.join(DATA, f"sample-{norm}.h5") for norm in ("layernorm", "rmsnorm")}
SIZE_LIMIT_BYTES = 10_000_000
SAME_IN_BOTH = ("d_model", "n_layers", "corpus", "held_out_text", "train_steps", "seed",
                "batch_size", "context", "n_heads", "tokenizer", "torch_version")


def model_attributes(path: str) -> dict:
    with h5py.File(path, "r") as dump:
        return dict(dump["model"].attrs)


def sequences_text(path: str) -> list[str]:
    """The exported token strings joined back into one text per sequence."""
    with h5py.File(path, "r") as dump:
        tokens = [t.decode() for t in dump["tokens"][()]]
        sequence = dump["sequence"][()]
    return ["".join(t for t, s in zip(tokens, sequence) if s == index)
            for index in range(sequence.max() + 1)]


class SampleProvenanceTest(unittest.TestCase):
    def test_samples_fit_the_size_budget(self) -> None:
        self.assertLessEqual(sum(os.path.getsize(p) for p in SAMPLES.values()), SIZE_LIMIT_BYTES)

    def test_attributes_record_how_each_sample_was_made(self) -> None:
        for norm, path in SAMPLES.items():
            with self.subTest(norm=norm):
                model = model_attributes(path)
                self.assertEqual(model["norm_type"], norm)
                self.assertEqual(model["source"], "data/make_samples.py")
                self.assertEqual(model["corpus"].split(), [os.path.join(make_samples.LICENSE_DIR, f)
                                                           for f in make_samples.TRAINING_FILES])
                self.assertTrue(np.isfinite(model["final_loss"]) and model["final_loss"] > 0)

    def test_samples_differ_only_in_their_norm(self) -> None:
        layernorm, rmsnorm = (model_attributes(p) for p in SAMPLES.values())
        for key in SAME_IN_BOTH:
            self.assertEqual(layernorm[key], rmsnorm[key], key)
        self.assertEqual(sequences_text(SAMPLES["layernorm"]), sequences_text(SAMPLES["rmsnorm"]))

    def test_sites_are_ln1_ln2_per_block_then_final(self) -> None:
        for norm, path in SAMPLES.items():
            n_layers = model_attributes(path)["n_layers"]
            expected = [(layer, site) for layer in range(n_layers) for site in ("ln1", "ln2")]
            with h5py.File(path, "r") as dump:
                found = [(g.attrs["layer"], g.attrs["site"]) for g in dump["norms"].values()]
                kinds = {g.attrs["kind"] for g in dump["norms"].values()}
            with self.subTest(norm=norm):
                self.assertEqual(found, expected + [(n_layers, "final")])
                self.assertEqual(kinds, {norm})


@unittest.skipUnless(os.path.isdir(make_samples.LICENSE_DIR), "no Debian license texts here")
class HeldOutTextTest(unittest.TestCase):
    def test_tokens_are_the_held_out_text_and_not_in_the_training_text(self) -> None:
        held_out = make_samples.read_license(make_samples.HELD_OUT_FILE)
        corpus = " ".join(make_samples.read_license(f) for f in make_samples.TRAINING_FILES)
        sequences = sequences_text(SAMPLES["layernorm"])
        self.assertTrue(held_out.startswith("".join(sequences)))
        for sequence in sequences:
            self.assertNotIn(sequence, corpus)


class SampleConsistencyTest(unittest.TestCase):
    def test_outputs_are_the_norm_of_the_inputs(self) -> None:
        for norm, path in SAMPLES.items():
            with h5py.File(path, "r") as dump:
                for key, group in dump["norms"].items():
                    with self.subTest(norm=norm, site=key):
                        np.testing.assert_allclose(recomputed_output(group),
                                                   stored_rows(group["output"]),
                                                   rtol=1e-4, atol=1e-4)


@unittest.skipUnless(LNGEOM_BIN, NO_BINARY_REASON)
class SamplesInLngeomStatsTest(StatsComparison):
    def test_lngeom_stats_matches_numpy_on_both_samples(self) -> None:
        for norm, path in SAMPLES.items():
            with self.subTest(norm=norm):
                self.assert_stats_match_numpy(path)


if __name__ == "__main__":
    unittest.main()
