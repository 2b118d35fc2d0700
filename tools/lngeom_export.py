#!/usr/bin/python3
"""Dump what enters and leaves every normalization module of a PyTorch model, for lngeom.

From Python (put tools/ on sys.path):
    export(model, batches, path, ...)          hooks the model's norms and runs the batches
    export_arrays(path, sites={...}, ...)      vectors you already hold (nnsight, hidden states)
    from_transformer_lens(model, cache, path)  a TransformerLens ActivationCache
From the shell: --hf MODEL, or --model pkg.module:Class --state ckpt.pt, with --text and --out.
The README's exporter section describes every argument; its file-format section the layout.

Needs torch, h5py and numpy: on Debian that is /usr/bin/python3 with python3-torch and
python3-h5py (a pyenv or venv python usually cannot see them).
"""

import importlib
import sys

for _required in ("h5py", "numpy", "torch"):
    try:
        importlib.import_module(_required)
    except ImportError as missing:
        MESSAGE = (f"lngeom_export: needs torch, h5py and numpy, but {sys.executable} cannot "
                   f"import '{missing.name}'; on Debian run it with /usr/bin/python3, which sees "
                   f"the packages python3-torch and python3-h5py once they are installed")
        if __name__ == "__main__":
            print(MESSAGE, file=sys.stderr)
            sys.exit(1)
        raise ImportError(MESSAGE) from missing

from lngeom_exporter.array_export import export_arrays  # noqa: E402
from lngeom_exporter.dump_writer import FORMAT_NAME, FORMAT_VERSION  # noqa: E402
from lngeom_exporter.errors import ExportError, PartialExportWarning, SkippedSiteWarning  # noqa
from lngeom_exporter.hooked_export import export  # noqa: E402
from lngeom_exporter.sources import STORAGE_DTYPES  # noqa: E402
from lngeom_exporter.transformer_lens import from_transformer_lens  # noqa: E402

__all__ = ["export", "export_arrays", "from_transformer_lens", "ExportError",
           "PartialExportWarning", "SkippedSiteWarning", "STORAGE_DTYPES", "FORMAT_NAME",
           "FORMAT_VERSION"]

if __name__ == "__main__":
    from lngeom_exporter.command_line import main
    sys.exit(main(sys.argv[1:]))
