"""What the exporter's test suites share: a temporary directory, the exporter on the path, and
reading a dump back."""

from __future__ import annotations

import os
import sys
import tempfile
import unittest

import h5py
import numpy as np
import torch

from reference_statistics import recomputed_output, stored_rows

TOOLS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools")
sys.path.insert(0, TOOLS)
torch.set_num_threads(1)


class DumpTestCase(unittest.TestCase):
    def setUp(self) -> None:
        self.directory = tempfile.TemporaryDirectory()
        self.addCleanup(self.directory.cleanup)

    def path(self, name: str) -> str:
        return os.path.join(self.directory.name, name)

    def assert_outputs_recomputed(self, path: str) -> None:
        """Every stored output is the recorded formula applied to the stored input."""
        with h5py.File(path, "r") as dump:
            for key, group in dump["norms"].items():
                with self.subTest(site=key):
                    np.testing.assert_allclose(recomputed_output(group),
                                               stored_rows(group["output"]), rtol=1e-5, atol=1e-5)


def sites_of(path: str) -> list[dict]:
    """Every site's attributes, with its input rows, in key order."""
    with h5py.File(path, "r") as dump:
        return [dict(group.attrs, key=key, input=group["input"][()],
                     output=group["output"][()] if "output" in group else None)
                for key, group in dump["norms"].items()]


def column(path: str, name: str) -> list:
    with h5py.File(path, "r") as dump:
        values = dump[name][()].tolist()
    return [v.decode() if isinstance(v, bytes) else v for v in values]


def labels_of(path: str) -> list[tuple]:
    return [(s["module"], s["layer"], s["site"], s["role"]) for s in sites_of(path)]


def assert_same_rows(test: unittest.TestCase, path: str, reference: str, atol: float) -> None:
    """Same sites, labels and vectors (to atol), token for token."""
    for name in ("sequence", "position"):
        test.assertEqual(column(path, name), column(reference, name), name)
    for site, expected in zip(sites_of(path), sites_of(reference), strict=True):
        test.assertEqual((site["module"], site["site"]), (expected["module"], expected["site"]))
        np.testing.assert_allclose(site["input"], expected["input"], atol=atol,
                                   err_msg=site["module"])
        np.testing.assert_allclose(site["output"], expected["output"], atol=atol,
                                   err_msg=site["module"])
