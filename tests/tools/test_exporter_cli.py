"""The exporter's command line: help, and the clear messages when it cannot run."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import unittest

EXPORTER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools",
                        "lngeom_export.py")
LICENSE = "/usr/share/common-licenses/GPL-3"


def run_exporter(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, EXPORTER, *arguments], capture_output=True, text=True,
                          timeout=120)


class CommandLineTest(unittest.TestCase):
    def test_help_describes_the_hf_command(self) -> None:
        result = run_exporter("--help")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("--hf MODEL", result.stdout)
        self.assertIn("lngeom_export.export(model, batches, path)", " ".join(result.stdout.split()))

    @unittest.skipIf(importlib.util.find_spec("transformers") is not None,
                     "transformers is installed here, so its absence cannot be tested")
    def test_missing_transformers_gives_one_clear_line(self) -> None:
        result = run_exporter("--hf", "gpt2", "--text", LICENSE, "--out", "unused.h5")
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stderr,
                         f"lngeom_export: --hf needs the Python package 'transformers', which is "
                         f"not installed for {sys.executable} (Debian does not package it)\n")

    def test_unreadable_text_is_named(self) -> None:
        result = run_exporter("--hf", "gpt2", "--text", "/nonexistent/corpus.txt", "--out", "x.h5")
        self.assertEqual(result.returncode, 1)
        self.assertIn("lngeom_export: /nonexistent/corpus.txt: cannot read the text file",
                      result.stderr)

    def test_non_positive_token_count_is_refused(self) -> None:
        result = run_exporter("--hf", "gpt2", "--text", LICENSE, "--out", "x.h5",
                              "--max-tokens", "0")
        self.assertEqual(result.returncode, 2)
        self.assertIn("--max-tokens and --seq-len must be positive", result.stderr)


if __name__ == "__main__":
    unittest.main()
