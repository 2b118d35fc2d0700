"""The exporter's command line: help, and the clear messages when it cannot run."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import os
import subprocess
import sys
import tempfile
import textwrap
import unittest
import warnings

import h5py
import torch

from exporter_testing import TOOLS
from lngeom_exporter import command_line  # noqa: E402  (on the path through exporter_testing)

TESTS = os.path.dirname(os.path.abspath(__file__))
EXPORTER = os.path.join(TOOLS, "lngeom_export.py")
LICENSE = "/usr/share/common-licenses/GPL-3"

# A stand-in for the parts of `transformers` the --hf command uses: a word tokenizer and the
# tests' tiny decoder, so the command's whole path runs without the real package or a download.
FAKE_TRANSFORMERS = textwrap.dedent("""
    import tiny_hf_models

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
            return tiny_hf_models.GPT2LMHeadModel()
""")


def run_main(*arguments: str) -> tuple[int, str]:
    """The command line in this process (no torch import to wait for): status and stderr."""
    errors = io.StringIO()
    shown = warnings.showwarning
    try:
        with contextlib.redirect_stderr(errors):
            status = command_line.main(list(arguments))
    except SystemExit as exit:
        status = exit.code
    finally:
        warnings.showwarning = shown
    return status, errors.getvalue()


def run_exporter(*arguments: str, python_path: str = "") -> subprocess.CompletedProcess:
    environment = dict(os.environ, PYTHONPATH=python_path) if python_path else None
    return subprocess.run([sys.executable, EXPORTER, *arguments], capture_output=True, text=True,
                          timeout=120, env=environment)


class CommandLineTest(unittest.TestCase):
    def test_help_describes_both_commands_and_the_python_entry_points(self) -> None:
        result = run_exporter("--help")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("--hf MODEL | --model PKG.MODULE:CLASS", result.stdout)
        text = " ".join(result.stdout.split())
        for entry in ("lngeom_export.export(model, batches, path)", "export_arrays(path, sites)",
                      "from_transformer_lens(model, cache, path)"):
            self.assertIn(entry, text)

    def test_the_script_runs_itself_with_the_python_that_has_torch(self) -> None:
        with open(EXPORTER) as script:
            self.assertEqual(script.readline(), "#!/usr/bin/python3\n")
        self.assertTrue(os.access(EXPORTER, os.X_OK))

    def test_a_python_without_h5py_and_torch_is_told_which_to_use(self) -> None:
        """python -S leaves out the packages, as a venv's python would."""
        result = subprocess.run([sys.executable, "-S", EXPORTER, "--help"], capture_output=True,
                                text=True, timeout=60)
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stderr,
                         f"lngeom_export: needs torch, h5py and numpy, but {sys.executable} cannot "
                         f"import 'h5py'; on Debian run it with /usr/bin/python3, which sees the "
                         f"packages python3-torch and python3-h5py once they are installed\n")

    @unittest.skipIf(importlib.util.find_spec("transformers") is not None,
                     "transformers is installed here, so its absence cannot be tested")
    def test_missing_transformers_gives_one_clear_line(self) -> None:
        status, errors = run_main("--hf", "gpt2", "--text", LICENSE, "--out", "unused.h5")
        self.assertEqual(status, 1)
        self.assertEqual(errors,
                         f"lngeom_export: --hf needs the Python package 'transformers', which is "
                         f"not installed for {sys.executable} (Debian does not package it)\n")

    def test_unreadable_text_is_named(self) -> None:
        status, errors = run_main("--hf", "gpt2", "--text", "/nonexistent/corpus.txt", "--out",
                                  "x.h5")
        self.assertEqual(status, 1)
        self.assertIn("lngeom_export: /nonexistent/corpus.txt: cannot read the text file", errors)

    def test_non_positive_token_count_is_refused(self) -> None:
        status, errors = run_main("--hf", "gpt2", "--text", LICENSE, "--out", "x.h5",
                                  "--max-tokens", "0")
        self.assertEqual(status, 2)
        self.assertIn("--max-tokens, --seq-len and --batch-size must be positive", errors)

    def test_model_needs_a_state(self) -> None:
        status, errors = run_main("--model", "m:C", "--text", LICENSE, "--out", "x.h5")
        self.assertEqual(status, 2)
        self.assertIn("--model needs --state", errors)


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
            self.assertEqual(dump["position"][()].tolist(), [i % 16 for i in range(50)])
            self.assertEqual([t.decode() for t in dump["tokens"][:4]], ["w3", "w5", "w5", "w3"])


class ModelClassCommandTest(unittest.TestCase):
    """--model with a nanoGPT-style checkpoint: {'model': state_dict of a compiled model, ...}."""

    def setUp(self) -> None:
        directory = tempfile.TemporaryDirectory()
        self.addCleanup(directory.cleanup)
        self.directory = directory.name
        self.text = os.path.join(self.directory, "corpus.txt")
        with open(self.text, "w", encoding="utf-8") as corpus:
            corpus.write("short line\n\nthe second line is a little longer\nnaïve\n")
        sys.path.insert(0, TESTS)
        import tiny_nanogpt
        model = tiny_nanogpt.build(bias=False)
        state = {f"_orig_mod.{k}": v for k, v in model.state_dict().items()}
        self.checkpoint = os.path.join(self.directory, "ckpt.pt")
        torch.save({"model": state, "iter_num": 100}, self.checkpoint)

    def run_model_command(self, *extra: str) -> subprocess.CompletedProcess:
        return run_exporter("--model", "tiny_nanogpt:build", "--model-args", '{"bias": false}',
                            "--state", self.checkpoint, "--text", self.text, "--out",
                            os.path.join(self.directory, "n.h5"), *extra, python_path=TESTS)

    def test_state_dict_and_class_export_the_text_line_by_line(self) -> None:
        result = self.run_model_command("--seq-len", "20", "--batch-size", "2")
        self.assertEqual(result.returncode, 0, result.stderr)
        with h5py.File(os.path.join(self.directory, "n.h5"), "r") as dump:
            tokens = [t.decode() for t in dump["tokens"][()]]
            sequence = dump["sequence"][()].tolist()
            self.assertEqual(len(dump["norms"]), 5)
            self.assertEqual({g.attrs["eps"] for g in dump["norms"].values()}, {1e-5})
            self.assertEqual(dump["model"].attrs["source"],
                             f"tools/lngeom_export.py --model tiny_nanogpt:build --state "
                             f"{self.checkpoint}")
        lines = ["short line", "the second line is a little longer", "naïve"]
        pieces = [p for line in lines for p in (line[:20], line[20:]) if p][:-1] + \
            ["na", "<0xC3>", "<0xAF>", "v", "e"]
        self.assertEqual("".join(tokens), "".join(pieces))
        self.assertEqual(max(sequence) + 1, 4)

    def test_a_state_dict_of_another_model_is_refused(self) -> None:
        status, errors = run_main("--model", "tiny_nanogpt:build", "--model-args",
                                  '{"n_layer": 3}', "--state", self.checkpoint, "--text",
                                  self.text, "--out", "x.h5")
        self.assertEqual(status, 1)
        self.assertIn(f"lngeom_export: {self.checkpoint}: does not fit tiny_nanogpt:build", errors)

    def test_an_unimportable_model_is_named(self) -> None:
        status, errors = run_main("--model", "no_such_module:GPT", "--state", self.checkpoint,
                                  "--text", self.text, "--out", "x.h5")
        self.assertEqual(status, 1)
        self.assertIn("lngeom_export: --model 'no_such_module:GPT': cannot import it", errors)


if __name__ == "__main__":
    unittest.main()
