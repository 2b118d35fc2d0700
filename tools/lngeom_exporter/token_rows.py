"""Which rows of a batch are real tokens, what they are labelled, and how a norm's captured
tensor becomes rows that line up with them.

A batch's tokens form a (B, S) grid (batch first, whatever the model's layout). Padding
positions are never written; every real token gets its sequence id, its true position (the
first real token of a left-padded row is position 0) and its string.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

import numpy as np
import torch

from .errors import ExportError

INT32 = np.iinfo(np.int32)


@dataclass
class BatchTokens:
    """The real tokens of one batch, in row-major (sequence, position) order."""

    valid: torch.Tensor  # (B, S) bool: True for a real token
    sequence: np.ndarray  # (n,) int32
    position: np.ndarray  # (n,) int32
    strings: Optional[list[str]]  # (n,) or None
    next_sequence: int  # where the next batch's numbering starts

    @property
    def count(self) -> int:
        return len(self.sequence)


def as_array(value: Any) -> np.ndarray:
    if isinstance(value, torch.Tensor):
        return value.detach().cpu().numpy()
    return np.asarray(value)


def grid(value: Any, what: str, batch_index: int) -> np.ndarray:
    """A per-token array of the batch: rank 2, (B, S), or a single sequence's (S,) as (1, S)."""
    array = as_array(value)
    if array.ndim == 1:
        array = array[None, :]
    if array.ndim != 2:
        raise ExportError(f"batch {batch_index}: {what} has shape {array.shape}; expected "
                          f"(batch, sequence), batch first whatever the model's layout")
    return array


def valid_from_mask(mask: Any, padding_mask: bool, what: str, batch_index: int) -> np.ndarray:
    """True where a token is real. An attention mask marks real tokens with non-zero values;
    a key padding mask (PyTorch's) marks padding with True or a -inf float."""
    array = grid(mask, what, batch_index)
    if not padding_mask:
        return array != 0
    if array.dtype == bool:
        return ~array
    return array == 0


def reference_shape(explicit: list[tuple[str, np.ndarray]], first_capture: Optional[torch.Tensor],
                    batch_index: int) -> tuple[int, int]:
    """The batch's (B, S): from the mask, sequence or position the caller gave, else from the
    leading axes of the first norm input (an (N, d) input is one sequence of N tokens)."""
    shapes = {name: array.shape for name, array in explicit}
    if len(set(shapes.values())) > 1:
        raise ExportError(f"batch {batch_index}: " + ", ".join(
            f"{name} has shape {shape}" for name, shape in shapes.items()) + "; they must agree")
    if shapes:
        return tuple(next(iter(shapes.values())))
    if first_capture is None:
        raise ExportError(f"batch {batch_index}: no norm input to take the batch's shape from")
    lead = tuple(first_capture.shape[:-1])
    return (1, lead[0]) if len(lead) == 1 else lead[:2]


def canonical(x: torch.Tensor, batch_first: bool) -> torch.Tensor:
    """The tensor with its batch axis first: (S, B, ..., d) models are transposed."""
    return x if batch_first or x.dim() < 3 else x.transpose(0, 1)


def split_slots(x: torch.Tensor, shape: tuple[int, int]) -> Optional[list[torch.Tensor]]:
    """(B, S, d) tensors, one per slot of the axes beyond (batch, sequence): a QK-norm's input
    (B, S, heads, d_head) or (B, heads, S, d_head) gives one per head. None when the tensor's
    axes do not contain the batch's (B, S); the first axis of length S after the batch axis is
    taken as the sequence axis."""
    batch, length = shape
    lead, d = tuple(x.shape[:-1]), x.shape[-1]
    if len(lead) == 1:
        return [x.reshape(batch, length, d)] if lead[0] == batch * length else None
    if lead[0] != batch or length not in lead[1:]:
        return None
    x = x.movedim(lead.index(length, 1), 1).reshape(batch, length, -1, d)
    return [x[:, :, k] for k in range(x.shape[2])]


def flat_strings(tokens: Any) -> list[str]:
    """Token strings flattened in row order from (nested) lists."""
    if isinstance(tokens, str):
        return [tokens]
    return [t for item in tokens for t in flat_strings(item)]


def real_token_strings(tokens: Any, valid: np.ndarray, batch_index: int) -> list[str]:
    """The strings of the real tokens, from strings of every position or of the real ones only."""
    strings = flat_strings(tokens)
    if len(strings) == valid.size:
        return [s for s, keep in zip(strings, valid.reshape(-1)) if keep]
    if len(strings) == int(valid.sum()):
        return strings
    raise ExportError(f"batch {batch_index} has {len(strings)} token strings for "
                      f"{valid.shape[0]}×{valid.shape[1]} = {valid.size} positions "
                      f"({int(valid.sum())} real tokens)")


def int32_labels(values: np.ndarray, what: str, batch_index: int) -> np.ndarray:
    if values.size and (values.min() < INT32.min or values.max() > INT32.max):
        raise ExportError(f"batch {batch_index}: {what} does not fit int32")
    return values.astype(np.int32)


def batch_tokens(batch_index: int, valid: np.ndarray, first_sequence: int,
                 sequence: Optional[Any], position: Optional[Any],
                 tokens: Optional[Any]) -> BatchTokens:
    """Labels of the batch's real tokens. Without the caller's sequence ids, the batch's rows
    are numbered on from first_sequence; without positions, a token's position counts the real
    tokens before it in its row."""
    if sequence is None:
        sequence_grid = first_sequence + np.broadcast_to(
            np.arange(valid.shape[0])[:, None], valid.shape)
        next_sequence = first_sequence + valid.shape[0]
    else:
        sequence_grid = grid(sequence, "sequence", batch_index)
        next_sequence = max(first_sequence, int(sequence_grid.max(initial=-1)) + 1)
    if position is None:
        position_grid = np.cumsum(valid, axis=1) - 1
    else:
        position_grid = grid(position, "position", batch_index)
    return BatchTokens(
        torch.from_numpy(valid),
        int32_labels(np.asarray(sequence_grid)[valid], "sequence", batch_index),
        int32_labels(np.asarray(position_grid)[valid], "position", batch_index),
        None if tokens is None else real_token_strings(tokens, valid, batch_index),
        next_sequence)
