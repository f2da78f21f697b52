"""A question asking of a season or a financial year written as a span of two years ("Total
des dépenses 2024-2025", "la saison 2024/2025", "2024-25") that the texts its answer stands in
never write, while they write another span: the answer is of a sibling period.

unheld_years.py reads a year written alone: a year beside a dash is a piece of a date or a
code there, so a span was never an asked period (s29 trial: "Combien le club a-t-il dépensé en
arbitrage en 2024-2025 ?" quoted the 2025-2026 forecast's row). A span is two years, the second
the next one, written in full or by its last two digits, a dash, a slash or an underscore
between them. The texts read are the answer's labels (its sections, a sheet's name, its
documents' titles and paths) and the passages holding its quotes; a span is held when one of
them writes it, in any of those spellings ("comptes_2024-2025", "Saison 2024/25"). No I/O.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from citeqa.dates import YEAR_DIGITS

__all__ = ["SPAN", "UnheldPeriod", "follows", "periods_written", "unheld_period"]

SPAN = re.compile(
    rf"(?<![\d.,])({YEAR_DIGITS})[ \t]*[-‐‑‒–—/_][ \t]*({YEAR_DIGITS}|\d\d)"
    r"(?![\d]|[.,]\d|[-/]\d)"
)
"""Two years written as a span ("2024-2025", "2024/25", "2024_2025"), not a date's pieces
("2024-03-01": the second is no next year, or a third piece follows)."""

Period = tuple[int, int]
"""A span as its first and last years: "2024-25" is (2024, 2025)."""


class UnheldPeriod(NamedTuple):
    period: str
    """The span the question asks of, as it writes it."""
    held: list[str]
    """The spans the texts write, as "2025-2026"."""


def periods_written(text: str) -> dict[Period, str]:
    """The spans of two following years `text` writes (`SPAN`), each with its first spelling."""
    found: dict[Period, str] = {}
    for match in SPAN.finditer(text):
        first = int(match.group(1))
        if follows(first, match.group(2)):
            found.setdefault((first, first + 1), match.group())
    return found


def follows(first: int, last: str) -> bool:
    """Whether `last`, a year's digits written in full or by its last two, is the year after
    `first` ("2024" and "2025", or "25"; "1999" and "00"): a span's second year, here and in
    superseded.py's period folders."""
    next_year = first + 1 if len(last) == 4 else (first + 1) % 100  # "1999-00": 00
    return int(last) == next_year


def unheld_period(question: str, texts: Sequence[str]) -> UnheldPeriod | None:
    """The one span `question` asks of that none of `texts` (an answer's labels, paths and
    passages) writes while they write another one, with those; None otherwise (no span asked,
    several, one held, or none written: undated prose may answer of any period)."""
    asked = periods_written(question)
    if len(asked) != 1:
        return None
    ((period, spelling),) = asked.items()
    written: dict[Period, str] = {}
    for text in texts:
        written.update(periods_written(text))
    if not written or period in written:
        return None
    return UnheldPeriod(spelling, [f"{a}-{b}" for a, b in sorted(written)])
