"""answering.refusal: why an answer is refused, which picks the abstention's reason."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from citeqa.answering import MODEL, USER_FLOOR, abstained_confidence, refusal
from citeqa.config import Settings


def _models(floor: float) -> Any:
    return SimpleNamespace(answerability=SimpleNamespace(extra={"min_confidence": floor}))


@pytest.mark.parametrize(
    ("answerable", "sure", "user_floor", "expected"),
    [
        (0.9, 0.5, None, None),
        (0.01, 0.9, None, MODEL),
        (0.01, 0.1, 0.6, MODEL),
        (0.9, 0.01, None, MODEL),
        (0.9, 0.3, 0.6, USER_FLOOR),
        (0.9, 0.6, 0.6, None),
        (0.9, 0.01, 0.0, None),
    ],
)
def test_refusal_names_the_model_or_the_users_floor(
    answerable: float, sure: float, user_floor: float | None, expected: str | None
) -> None:
    settings = Settings(abstain_threshold=0.1, min_confidence=user_floor)
    assert refusal(_models(0.05), answerable, sure, settings) == expected


@pytest.mark.parametrize(
    ("sure", "answerable", "expected"),
    [(0.5643, 0.4838, 0.4838), (0.3, 0.45, 0.3), (0.7, 0.9, 0.7), (0.2, -0.1, 0.0)],
)
def test_an_abstention_of_the_models_reports_at_most_the_answerability(
    sure: float, answerable: float, expected: float
) -> None:
    """A quote is right only when the documents answer: an abstention the answerability model
    decided (below its 0.5) no longer reports the quote's confidence above 0.5."""
    assert abstained_confidence(sure, answerable) == expected
