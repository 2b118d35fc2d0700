"""Runs `lngeom stats --format json` on a dump and checks it against numpy's own numbers."""

from __future__ import annotations

import json
import math
import os
import subprocess
import unittest

import h5py
import numpy as np

from reference_statistics import dump_summary, site_metrics

LNGEOM_BIN = os.environ.get("LNGEOM_BIN", "")
NO_BINARY_REASON = ("LNGEOM_BIN is not set: CTest sets it to the lngeom executable when the "
                    "build has that target")
QUANTILES = {"p01": 0.01, "p50": 0.5, "p99": 0.99}
# lngeom keeps per-token metrics as float, so its quantiles carry float rounding.
FLOAT_ROUNDING = 1e-6


def lngeom_stats(path: str) -> dict:
    """The parsed JSON of `lngeom stats PATH`; raises with lngeom's stderr when it fails."""
    if not os.access(LNGEOM_BIN, os.X_OK):
        raise AssertionError(f"LNGEOM_BIN={LNGEOM_BIN} is not an executable: build the lngeom "
                             f"target before running these tests")
    result = subprocess.run([LNGEOM_BIN, "stats", path, "--format", "json", "--no-cache"],
                            capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        raise AssertionError(f"lngeom stats {path} exited with {result.returncode}: "
                             f"{result.stderr}")
    return json.loads(result.stdout)


def quantile_bounds(values: np.ndarray, q: float) -> tuple[float, float]:
    """Neighbouring order statistics of the q-quantile: every common definition lies between."""
    ordered = np.sort(values)
    position = q * (len(ordered) - 1)
    low = max(0, math.floor(position) - 1)
    high = min(len(ordered) - 1, math.ceil(position) + 1)
    return float(ordered[low]), float(ordered[high])


class StatsComparison(unittest.TestCase):
    """Mixin body: compare every site and metric of one dump."""

    def assert_stats_match_numpy(self, path: str, reference: str = "") -> None:
        """`lngeom stats path` against numpy on the vectors of `reference` (default: path)."""
        report = lngeom_stats(path)
        path = reference or path
        expected_sites = dump_summary(path)
        self.assertEqual([s["key"] for s in report["sites"]], [s["key"] for s in expected_sites])
        with h5py.File(path, "r") as dump:
            per_token = {key: site_metrics(group) for key, group in dump["norms"].items()}
        for actual, expected in zip(report["sites"], expected_sites):
            with self.subTest(site=expected["key"]):
                self.assert_site_matches(actual, expected, per_token[expected["key"]])

    def assert_site_matches(self, actual: dict, expected: dict, per_token: dict) -> None:
        for field in ("module", "layer", "site", "stack", "role", "d", "n_tokens"):
            self.assertEqual(actual[field], expected[field], field)
        self.assertEqual(actual["n_invalid"], 0)
        for name, summary in expected["metrics"].items():
            reported = actual["metrics"][name]
            for statistic in ("mean", "std", "min", "max"):
                self.assertAlmostEqual(reported[statistic], summary[statistic], delta=1e-7 *
                                       max(1.0, abs(summary[statistic])), msg=f"{name} {statistic}")
            for key, q in QUANTILES.items():
                low, high = quantile_bounds(per_token[name], q)
                margin = FLOAT_ROUNDING * max(abs(low), abs(high))
                self.assertTrue(low - margin <= reported[key] <= high + margin,
                                f"{name} {key} = {reported[key]} outside [{low}, {high}]")
