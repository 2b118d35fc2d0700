"""Where a dump is written, so no good file is ever lost.

A new dump is written to a hidden temporary file beside the target and renamed over it only
when the export succeeds; mode "x" refuses to replace an existing file; mode "a" appends to an
existing dump in place. When an export stops after finishing some batches, they are kept: a
new dump as `<name>.partial<ext>` (the target is left as it was), an appended one in place.
"""

from __future__ import annotations

import os
import tempfile
from typing import Optional

import h5py

from .errors import ExportError

MODES = ("w", "x", "a")


def partial_path(path: str) -> str:
    stem, extension = os.path.splitext(path)
    return f"{stem}.partial{extension}"


def default_permissions() -> int:
    """What open() would give a new file: mkstemp's are private (0600)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


class DumpFile:
    """The HDF5 file an export writes into, and how it is kept or dropped at the end."""

    def __init__(self, path: str, mode: str):
        if mode not in MODES:
            raise ExportError(f"{path}: mode '{mode}' is not one of w (replace once finished), "
                              f"x (never replace) or a (append)")
        if mode == "x" and os.path.exists(path):
            raise ExportError(f"{path}: exists, and mode='x' never replaces a file (mode='w' "
                              f"replaces it once the export succeeds, mode='a' appends to it)")
        self.path, self.mode = path, mode
        self.in_place = mode == "a" and os.path.exists(path)
        self.temporary = None if self.in_place else self.create_temporary()
        try:
            self.file = h5py.File(self.temporary or path, "w" if self.temporary else "r+")
        except OSError as error:
            self.remove_temporary()
            verb = "create the HDF5 file" if self.temporary else "open the dump to append to it"
            raise ExportError(f"{path}: cannot {verb} ({error})") from error

    def create_temporary(self) -> str:
        directory, name = os.path.split(os.path.abspath(self.path))
        try:
            handle, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=directory)
        except OSError as error:
            raise ExportError(f"{self.path}: cannot create the HDF5 file ({error})") from error
        os.close(handle)
        os.chmod(temporary, default_permissions())
        return temporary

    def remove_temporary(self) -> None:
        if self.temporary and os.path.exists(self.temporary):
            os.remove(self.temporary)

    def finish(self) -> None:
        """Closes the file and puts it in place."""
        self.file.close()
        if not self.temporary:
            return
        if self.mode != "x":
            os.replace(self.temporary, self.path)
            return
        try:
            os.link(self.temporary, self.path)  # fails, rather than replaces, if one appeared
        except FileExistsError as error:
            raise ExportError(f"{self.path}: was created by someone else during the export; "
                              f"mode='x' leaves it, and the export is in "
                              f"{self.temporary}") from error
        os.remove(self.temporary)

    def abandon(self, keep_finished: bool) -> Optional[str]:
        """Closes after a failure; the path of the kept finished batches, or None."""
        self.file.close()
        if not keep_finished:
            self.remove_temporary()
            return None
        if not self.temporary:
            return self.path
        kept = partial_path(self.path)
        os.replace(self.temporary, kept)
        return kept
