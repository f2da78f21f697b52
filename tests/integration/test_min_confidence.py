"""`min_confidence`: an answer whose shown confidence is below it abstains and says so, through
the API and the CLI; unset, answers are those of the shipped models' own floor."""

from __future__ import annotations

import json

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
