"""How much of a long list a status display lists: the first `LISTED` documents, and changes,
then how many more there are. Shared by `citeqa status` and the chat's status screen, so both
stop at the same row (a corpus of 36,612 files made a table that took 27 s to lay out), and
say in the same words how many more there are (`more_line`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

LISTED = 50
"""Documents, and changes, a status display lists before saying how many more there are."""

Item = TypeVar("Item")


def first(items: Sequence[Item], limit: int | None = LISTED) -> tuple[Sequence[Item], int]:
    """The first `limit` items (all of them when `limit` is None) and how many are left out."""
    if limit is None:
        return items, 0
    return items[:limit], max(0, len(items) - limit)


def more_line(count: int, items: str = "") -> str:
    """The line that follows a cut list, in `citeqa status` and the chat's status screen alike:
    how many `items` ("folders", "documents", "changes") it left out and how to see them all."""
    more = f"{count} more {items}".rstrip()
    return f"… and {more} (run `citeqa status --all` for the full list)"
