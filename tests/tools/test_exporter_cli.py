"""The exporter's command line: help, and the clear messages when it cannot run."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import tempfile
import textwrap
import unittest

import h5py

TESTS = os.path.dirname(os.path.abspath(__file__))
EXPORTER = os.path.join(TESTS, "..", "..", "tools", "lngeom_export.py")
LICENSE = "/usr/share/common-licenses/GPL-3"

# A stand-in for the parts of `transformers` the --hf command uses: a word tokenizer and the
# tests' tiny decoder, so the command's whole path runs without the real package or a download.
FAKE_TRANSFORMERS = textwrap.dedent("""
    import tiny_models

    class WordTokenizer:
        def __call__(self, text):
            return {"input_ids": [len(word) % 50 for word in text.split()]}

        def convert_ids_to_tokens(self, ids):
            return [f"w{i}" for i in ids]

    class AutoTokenizer:
        @staticmethod
        def from_pretrained(name):
            return WordTokenizer()

    class AutoModelForCausalLM:
        @staticmethod
        def from_pretrained(name, torch_dtype):
            return tiny_models.TinyDecoder()
""")


def run_exporter(*arguments: str, python_path: str = "") -> subprocess.CompletedProcess:
    environment = dict(os.environ, PYTHONPATH=python_path) if python_path else None
    return subprocess.run([sys.executable, EXPORTER, *arguments], capture_output=True, text=True,
                          timeout=120, env=environment)


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


class HuggingFaceCommandTest(unittest.TestCase):
    def setUp(self) -> None:
        directory = tempfile.TemporaryDirectory()
        self.addCleanup(directory.cleanup)
        self.directory = directory.name
        os.mkdir(os.path.join(self.directory, "transformers"))
        with open(os.path.join(self.directory, "transformers", "__init__.py"), "w") as module:
            module.write(FAKE_TRANSFORMERS)
        self.text = os.path.join(self.directory, "corpus.txt")
        with open(self.text, "w") as corpus:
            corpus.write("the quick brown fox jumps over the lazy dog " * 10)

    def test_hf_command_exports_the_first_tokens_in_sequences(self) -> None:
        out = os.path.join(self.directory, "fake.h5")
        result = run_exporter("--hf", "fake-model", "--text", self.text, "--out", out,
                              "--max-tokens", "50", "--seq-len", "16",
                              python_path=f"{self.directory}:{TESTS}")
        self.assertEqual(result.returncode, 0, result.stderr)
        with h5py.File(out, "r") as dump:
            self.assertEqual(dump["model"].attrs["name"], "fake-model")
            self.assertEqual(dump["model"].attrs["text"], self.text)
            self.assertEqual(len(dump["norms"]), 5)
            self.assertEqual(dump["norms/000/input"].shape[0], 50)
            self.assertEqual(dump["sequence"][()].tolist(), [i // 16 for i in range(50)])
            self.assertEqual([t.decode() for t in dump["tokens"][:4]], ["w3", "w5", "w5", "w3"])


if __name__ == "__main__":
    unittest.main()
