"""LayerNorm's and RMSNorm's formulas in float64, and which one a module's output follows."""

from __future__ import annotations

from typing import Optional

import numpy as np

# Rows of the first call used to tell which normalization formula a module computes.
FORMULA_CHECK_ROWS = 256
FORMULA_RELATIVE_TOLERANCE = 1e-2
KINDS = ("layernorm", "rmsnorm")
CONVENTIONS = ("weight", "one_plus_weight")


def standardize(x: np.ndarray, kind: str, eps: float) -> np.ndarray:
    """Each row (n, d) centred (LayerNorm only) and divided by its root mean square with ε."""
    if kind == "layernorm":
        x = x - x.mean(axis=1, keepdims=True)
    return x / np.sqrt((x ** 2).mean(axis=1, keepdims=True) + eps)


def apply_norm(x: np.ndarray, kind: str, convention: str, eps: float,
               gamma: Optional[np.ndarray], beta: Optional[np.ndarray]) -> np.ndarray:
    """The whole norm: standardization, then the gain (γ or 1 + γ) and the bias."""
    y = standardize(x, kind, eps)
    if gamma is not None:
        y = y * (1.0 + gamma if convention == "one_plus_weight" else gamma)
    return y if beta is None else y + beta


def identify_formula(x: np.ndarray, y: np.ndarray, eps: float, gamma: Optional[np.ndarray],
                     beta: Optional[np.ndarray], prior: str) -> Optional[tuple[str, str]]:
    """The (kind, γ convention) whose formula turns rows x into rows y, None when none does.

    The prior kind is tried first, so ties (input rows already centred) keep it.
    """
    x, y = x[:FORMULA_CHECK_ROWS], y[:FORMULA_CHECK_ROWS]
    scale = np.linalg.norm(y) or 1.0
    for kind in (prior, *(k for k in KINDS if k != prior)):
        for convention in CONVENTIONS:
            predicted = apply_norm(x, kind, convention, eps, gamma, beta)
            if np.linalg.norm(predicted - y) / scale < FORMULA_RELATIVE_TOLERANCE:
                return kind, convention
    return None
