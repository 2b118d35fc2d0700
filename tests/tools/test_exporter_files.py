"""Files are never lost: a failed export leaves the old file as it was, an interrupted one keeps
every finished batch and says where, mode x never replaces and mode a appends only to a dump of
the same sites."""

from __future__ import annotations

import hashlib
import os
import stat
import subprocess
import sys
import textwrap
import unittest

import h5py
import torch

from exporter_testing import TOOLS, DumpTestCase, column, sites_of
import lngeom_export  # noqa: E402
import tiny_models  # noqa: E402

TESTS = os.path.dirname(os.path.abspath(__file__))


def digest(path: str) -> str:
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


class StoppingDecoder(tiny_models.TinyDecoder):
    """Raises `error` on its call number `stop` (0-based); a decoder, as its name says."""

    def __init__(self, stop: int, error: BaseException):
        super().__init__()
        self.stop, self.error, self.calls = stop, error, 0

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        self.calls += 1
        if self.calls - 1 == self.stop:
            raise self.error
        return super().forward(ids)


BATCHES = [tiny_models.token_ids(2, 3, seed=s) for s in range(4)]


class ReplacingTest(DumpTestCase):
    def good_dump(self) -> str:
        return lngeom_export.export(tiny_models.TinyDecoder(), BATCHES[:1], self.path("d.h5"))

    def test_a_failure_in_the_first_batch_leaves_the_old_file_and_nothing_else(self) -> None:
        path = self.good_dump()
        before = digest(path)
        with self.assertRaises(lngeom_export.ExportError):
            lngeom_export.export(StoppingDecoder(0, RuntimeError("boom")), BATCHES, path)
        self.assertEqual(digest(path), before)
        self.assertEqual(os.listdir(self.directory.name), ["d.h5"])

    def test_an_interrupted_export_keeps_its_finished_batches_beside_the_old_file(self) -> None:
        path = self.good_dump()
        before = digest(path)
        kept = self.path("d.partial.h5")
        with self.assertWarns(lngeom_export.PartialExportWarning) as warned, \
                self.assertRaises(KeyboardInterrupt):
            lngeom_export.export(StoppingDecoder(2, KeyboardInterrupt()), BATCHES, path)
        self.assertEqual(str(warned.warning),
                         f"{path}: the export stopped (interrupted) after 2 finished batches "
                         f"(12 tokens), which are kept in {kept}; {path} is unchanged")
        self.assertEqual(digest(path), before)
        self.assertEqual(sorted(os.listdir(self.directory.name)), ["d.h5", "d.partial.h5"])
        self.assertEqual(column(kept, "sequence"), [0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3])
        with h5py.File(kept, "r") as dump:
            self.assertEqual(dump["model"].attrs["batches"], 2)
            self.assertEqual(dump["model"].attrs["interrupted"],
                             "stopped after 2 batches: interrupted")
            self.assertEqual({g["input"].shape[0] for g in dump["norms"].values()}, {12})

    def test_a_model_error_keeps_the_finished_batches_too(self) -> None:
        path = self.path("new.h5")
        with self.assertWarnsRegex(lngeom_export.PartialExportWarning,
                                   r"stopped \(batch 1: the model raised ValueError: bad\) after "
                                   r"1 finished batches \(6 tokens\)"), \
                self.assertRaisesRegex(lngeom_export.ExportError, "batch 1: the model raised"):
            lngeom_export.export(StoppingDecoder(1, ValueError("bad")), BATCHES, path)
        self.assertFalse(os.path.exists(path))
        self.assertEqual(len(column(self.path("new.partial.h5"), "sequence")), 6)

    def test_a_killed_export_keeps_its_finished_batches(self) -> None:
        """SIGTERM (a scheduler's stop) is handled like Ctrl-C."""
        script = textwrap.dedent(f"""
            import os, signal, sys
            sys.path[:0] = [{TOOLS!r}, {TESTS!r}]
            import lngeom_export, tiny_models

            class Killed(tiny_models.TinyDecoder):
                calls = 0
                def forward(self, ids):
                    Killed.calls += 1
                    if Killed.calls == 3:
                        os.kill(os.getpid(), signal.SIGTERM)
                    return super().forward(ids)

            lngeom_export.export(Killed(), [tiny_models.token_ids(1, 4)] * 5, sys.argv[1])
        """)
        result = subprocess.run([sys.executable, "-c", script, self.path("k.h5")],
                                capture_output=True, text=True, timeout=120)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("KeyboardInterrupt: SIGTERM", result.stderr)
        self.assertIn("after 2 finished batches (8 tokens), which are kept in", result.stderr)
        self.assertEqual(len(column(self.path("k.partial.h5"), "position")), 8)

    def test_mode_x_never_replaces(self) -> None:
        path = self.good_dump()
        model = StoppingDecoder(0, AssertionError("the model must not run"))
        with self.assertRaises(lngeom_export.ExportError) as raised:
            lngeom_export.export(model, BATCHES, path, mode="x")
        self.assertEqual(str(raised.exception),
                         f"{path}: exists, and mode='x' never replaces a file (mode='w' replaces "
                         f"it once the export succeeds, mode='a' appends to it)")
        fresh = lngeom_export.export(tiny_models.TinyDecoder(), BATCHES, self.path("x.h5"),
                                     mode="x")
        self.assertEqual(len(column(fresh, "sequence")), 24)

    def test_new_files_get_the_usual_permissions(self) -> None:
        umask = os.umask(0o022)
        self.addCleanup(os.umask, umask)
        path = self.good_dump()
        self.assertEqual(stat.S_IMODE(os.stat(path).st_mode), 0o644)

    def test_unknown_mode(self) -> None:
        path = self.path("m.h5")
        with self.assertRaises(lngeom_export.ExportError) as raised:
            lngeom_export.export(tiny_models.TinyDecoder(), BATCHES, path, mode="r+")
        self.assertEqual(str(raised.exception), f"{path}: mode 'r+' is not one of w (replace "
                                                f"once finished), x (never replace) or a (append)")


class AppendTest(DumpTestCase):
    def export(self, batches: list, name: str = "a.h5", **options) -> str:
        strings = [[[f"t{int(i)}" for i in row] for row in batch] for batch in batches]
        return lngeom_export.export(tiny_models.TinyDecoder(), batches, self.path(name),
                                    tokens=strings, **options)

    def test_appending_gives_the_file_one_export_would(self) -> None:
        whole = self.export(BATCHES, "whole.h5")
        self.export(BATCHES[:1], mode="a")  # creates
        appended = self.export(BATCHES[1:], mode="a")
        for name in ("sequence", "position", "tokens"):
            self.assertEqual(column(appended, name), column(whole, name), name)
        for site, expected in zip(sites_of(appended), sites_of(whole), strict=True):
            torch.testing.assert_close(torch.from_numpy(site["input"]),
                                       torch.from_numpy(expected["input"]))
        with h5py.File(appended, "r") as dump:
            self.assertEqual(dump["model"].attrs["batches"], 4)

    def test_incompatible_dumps_are_refused_and_left_alone(self) -> None:
        path = self.export(BATCHES[:1])
        before = digest(path)
        other_model = tiny_models.TinyDecoder(tiny_models.GemmaStyleRMSNorm)
        for expected, append in (
                ("/norms/000/input stores float32 rows of d = 16 but this export writes "
                 "float16 rows of d = 16", lambda: self.export(BATCHES[1:], dtype="float16",
                                                               mode="a")),
                ("/norms has 5 sites (000, 001, 002, 003, 004) but this export has 1",
                 lambda: self.export(BATCHES[1:], modules=["norm"], mode="a")),
                ("/norms/000 has gamma_convention = 'weight' but this export has "
                 "'one_plus_weight'",
                 lambda: lngeom_export.export(other_model, BATCHES[1:], path, mode="a")),
                ("/tokens is present but this export has no token strings",
                 lambda: lngeom_export.export(tiny_models.TinyDecoder(), BATCHES[1:], path,
                                              mode="a"))):
            with self.subTest(expected=expected):
                with self.assertRaises(lngeom_export.ExportError) as raised:
                    append()
                self.assertEqual(str(raised.exception),
                                 f"{path}: cannot append: {expected}; write a new file "
                                 f"(mode='w') instead")
                self.assertEqual(digest(path), before)

    def test_other_hdf5_files_are_not_appended_to(self) -> None:
        path = self.path("other.h5")
        with h5py.File(path, "w") as other:
            other["hidden_states"] = [[1.0, 2.0]]
        before = digest(path)
        with self.assertRaises(lngeom_export.ExportError) as raised:
            self.export(BATCHES[:1], name="other.h5", mode="a")
        self.assertEqual(str(raised.exception),
                         f"{path}: cannot append: / is not a native lngeom dump of "
                         f"format_version 1; write a new file (mode='w') instead")
        self.assertEqual(digest(path), before)

    def test_an_interrupted_append_keeps_its_finished_batches_in_place(self) -> None:
        path = self.export(BATCHES[:1], name="p.h5")
        model = StoppingDecoder(1, KeyboardInterrupt())
        with self.assertWarnsRegex(lngeom_export.PartialExportWarning,
                                   rf"after 1 finished batches \(6 tokens\), which are kept in "
                                   rf"{path}$"), self.assertRaises(KeyboardInterrupt):
            lngeom_export.export(model, BATCHES[1:], path, mode="a",
                                 tokens=[[["x"] * 3] * 2] * 3)
        self.assertEqual(column(path, "sequence"), [0] * 3 + [1] * 3 + [2] * 3 + [3] * 3)


class StorageLimitTest(DumpTestCase):
    def test_float16_refuses_values_it_cannot_hold(self) -> None:
        class Loud(torch.nn.Module):
            def __init__(self) -> None:
                super().__init__()
                self.norm = torch.nn.LayerNorm(4)

            def forward(self, x: torch.Tensor) -> torch.Tensor:
                return self.norm(x * 1e5)

        path = self.path("loud.h5")
        with self.assertRaises(lngeom_export.ExportError) as raised:
            lngeom_export.export(Loud(), [torch.ones(1, 2, 4)], path, dtype="float16")
        self.assertEqual(str(raised.exception),
                         f"{path}: batch 0: module 'norm' input: values reach 1e+05, beyond "
                         f"float16's largest 65504, so the dump would hold inf; use "
                         f"dtype='bfloat16' or 'float32'")
        lngeom_export.export(Loud(), [torch.ones(1, 2, 4)], path, dtype="bfloat16")


if __name__ == "__main__":
    unittest.main()
