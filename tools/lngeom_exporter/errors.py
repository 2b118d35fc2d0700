"""The exporter's error and warning types."""


class ExportError(Exception):
    """A model, batch or argument the exporter cannot turn into a valid dump; says which and why."""


class PartialExportWarning(UserWarning):
    """An export stopped early; its finished batches were kept in the file the warning names."""


class SkippedSiteWarning(UserWarning):
    """A normalization module the dump leaves out, with the reason and what to do about it."""
