"""The reliability of citeqa's confidence: how often answers given at each confidence are right.

Every answered question of the sets run is pooled (an answer to a question the documents cannot
answer counts as wrong) and grouped in bins of confidence (0–0.1, …, 0.9–1.0); each bin reports
how many answers it holds, their mean confidence and the share whose quote is right (within the
quote limit, as quote accuracy counts). A calibrated confidence has
the share right close to the mean confidence in every bin; the expected calibration error is the
answers-weighted mean gap between the two.
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel

from citeqa.evaluation.metrics import QuestionResult

BINS = 10


class ReliabilityBin(BaseModel):
    """Answers whose confidence lies in [low, high)."""

    low: float
    high: float
    answers: int
    mean_confidence: float
    share_right: float


class Reliability(BaseModel):
    """The bins that hold answers, and the expected calibration error over them."""

    bins: list[ReliabilityBin]
    answers: int
    calibration_error: float | None


def reliability(answers: Iterable[tuple[float, bool]]) -> Reliability:
    """The reliability table of `answers`: each answer given, as (confidence, right)."""
    given = list(answers)
    grouped: dict[int, list[tuple[float, bool]]] = {}
    for sure, right in given:
        grouped.setdefault(min(int(sure * BINS), BINS - 1), []).append((sure, right))
    bins = [_bin(number, grouped[number]) for number in sorted(grouped)]
    gap = sum(b.answers * abs(b.share_right - b.mean_confidence) for b in bins)
    return Reliability(
        bins=bins,
        answers=len(given),
        calibration_error=round(gap / len(given), 4) if given else None,
    )


def answered(results: Iterable[QuestionResult]) -> list[tuple[float, bool]]:
    """(confidence, right) of each question answered among `results` (an answer to an
    unanswerable question is never right)."""
    return [(r.confidence, r.quote_correct) for r in results if not r.abstained]


def _bin(number: int, members: list[tuple[float, bool]]) -> ReliabilityBin:
    return ReliabilityBin(
        low=number / BINS,
        high=(number + 1) / BINS,
        answers=len(members),
        mean_confidence=round(sum(sure for sure, _ in members) / len(members), 4),
        share_right=round(sum(right for _, right in members) / len(members), 4),
    )


def reliability_rows(table: Reliability) -> list[list[str]]:
    """One row per bin: confidence range, answers, mean confidence, share right."""
    return [
        [
            f"{b.low:.1f}–{b.high:.1f}",
            str(b.answers),
            f"{b.mean_confidence:.2f}",
            f"{b.share_right:.2f}",
        ]
        for b in table.bins
    ]


RELIABILITY_HEADER = ["confidence", "answers", "mean confidence", "share right"]
