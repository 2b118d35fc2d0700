"""The parts of tools/lngeom_export.py, one job per module; import `lngeom_export` instead."""
