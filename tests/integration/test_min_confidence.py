"""`min_confidence`: an answer whose shown confidence is below it abstains and says so, through
the API and the CLI; unset, answers are those of the shipped models' own floor."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import numpy as np
import pytest
from integration_helpers import FIRST_QUESTION, RealIndex, run_citeqa

from citeqa.answer_models import shipped_models
from citeqa.answering import confidence_floor
from citeqa.api import Assistant, open_assistant
from citeqa.config import Settings


@pytest.fixture(scope="module")
def assistant(real_index: RealIndex) -> Assistant:
    settings = Settings(corpus_dir=real_index.corpus, index_dir=real_index.index)
    return open_assistant(settings, build_if_missing=False)


def test_unset_it_is_the_shipped_floor() -> None:
    models = shipped_models()
    shipped = models.answerability.extra["min_confidence"]
    assert confidence_floor(models, Settings()) == shipped
    assert confidence_floor(models, Settings(min_confidence=0.6)) == 0.6


def test_an_answer_below_min_confidence_abstains_and_says_why(assistant: Assistant) -> None:
    answered = assistant.ask(FIRST_QUESTION)
    assert not answered.abstained
    sure = answered.confidence
    above = assistant.configured(min_confidence=round(sure + 0.01, 2)).ask(FIRST_QUESTION)
    assert above.abstained and not above.citations
    assert above.confidence == sure
    assert f"its confidence, {sure:.2f}, is below the min_confidence setting" in above.reason
    assert above.passages  # the closest passages are still listed
    below = assistant.configured(min_confidence=round(sure - 0.01, 2)).ask(FIRST_QUESTION)
    assert not below.abstained
    assert below.citations == answered.citations


def test_an_abstention_by_the_model_keeps_its_own_reason(assistant: Assistant) -> None:
    question = "What is the capital of Peru?"
    strict = assistant.configured(min_confidence=0.99).ask(question)
    assert strict.abstained
    assert strict.reason == assistant.ask(question).reason
    assert "min_confidence" not in (strict.reason or "")


def test_the_cli_setting_abstains(real_index: RealIndex) -> None:
    env = {**real_index.env, "CITEQA_MIN_CONFIDENCE": "0.99"}
    done = run_citeqa(["ask", FIRST_QUESTION, "--json"], env, real_index.cwd)
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert answer["abstained"] and "min_confidence" in answer["reason"]
    text = run_citeqa(["ask", FIRST_QUESTION], env, real_index.cwd)
    assert "below the min_confidence setting, 0.99" in text.stdout
    bad = run_citeqa(["ask", FIRST_QUESTION], {**env, "CITEQA_MIN_CONFIDENCE": "2"}, real_index.cwd)
    assert bad.returncode == 11


class _Constant:
    """A shipped model whose prediction is fixed (its settings, `extra`, kept)."""

    def __init__(self, model: Any, value: float) -> None:
        self.extra, self.features, self.value = model.extra, model.features, value

    def predict(self, rows: np.ndarray) -> float:
        return self.value


def _models_saying(answerable: float, sure: float) -> Any:
    models = shipped_models()
    return dataclasses.replace(
        models,
        answerability=_Constant(models.answerability, answerable),
        confidence=_Constant(models.confidence, sure),
    )


def test_an_abstention_reports_the_answerability_unless_the_users_floor_refused(
    assistant: Assistant, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through the Assistant: the answerability model refusing (0.3 < 0.5) reports min(0.6, 0.3),
    refused at any floor; the user's min_confidence refusing reports the quote's own 0.6, which
    a lower floor answers (Answer.below_floor, read by the evaluation's sweep)."""
    monkeypatch.setattr("citeqa.answering.shipped_models", lambda: _models_saying(0.3, 0.6))
    refused = assistant.ask(FIRST_QUESTION)
    assert refused.abstained and refused.confidence == 0.3 and not refused.below_floor
    strict = assistant.configured(min_confidence=0.7).ask(FIRST_QUESTION)
    assert strict.abstained and strict.confidence == 0.3 and not strict.below_floor
    monkeypatch.setattr("citeqa.answering.shipped_models", lambda: _models_saying(0.9, 0.6))
    unsure = assistant.configured(min_confidence=0.7).ask(FIRST_QUESTION)
    assert unsure.abstained and unsure.confidence == 0.6 and unsure.below_floor
    assert "below the min_confidence setting" in (unsure.reason or "")
    assert "below_floor" not in json.loads(unsure.model_dump_json())
    answered = assistant.configured(min_confidence=0.5).ask(FIRST_QUESTION)
    assert not answered.abstained and answered.confidence == 0.6 and not answered.below_floor
