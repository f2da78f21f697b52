"""Opening for one question (`citeqa ask`): nothing is computed ahead that the answer may not
need, and the answers are those of an assistant that prepared everything at open."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from integration_helpers import fake_settings, make_corpus

from citeqa import api
from citeqa.api import build_index, open_assistant

QUESTIONS = (
    "How does belimumab work?",
    "Quel est le taux de réponse rénale ?",
    "What is the capital of Peru?",
)


@pytest.fixture
def settings(tmp_path: Path) -> Any:
    settings = fake_settings(make_corpus(tmp_path / "corpus"), tmp_path / "index")
    build_index(settings)
    return settings


def token_sets_known(assistant: api.Assistant) -> int:
    return len(assistant._loaded.bank.tokens._cache)  # type: ignore[attr-defined]


def test_without_prefill_no_token_set_is_computed_at_open_and_answers_are_the_same(
    settings: Any,
) -> None:
    prepared = open_assistant(settings, build_if_missing=False)
    lazy = open_assistant(settings, build_if_missing=False, prefill=False)
    sentences = len(prepared._loaded.index.sentences)
    assert token_sets_known(prepared) == sentences > 0
    assert token_sets_known(lazy) == 0
    for question in QUESTIONS:
        ask = lazy.ask(question).model_dump(exclude={"timings_ms"})
        assert ask == prepared.ask(question).model_dump(exclude={"timings_ms"})
    assert 0 < token_sets_known(lazy) <= sentences  # those the answers needed


def test_ask_opens_without_prefill(
    settings: Any, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[bool] = []
    real = api.open_assistant

    def recording(*args: Any, **kwargs: Any) -> api.Assistant:
        opened.append(kwargs.get("prefill", True))
        return real(*args, **kwargs)

    monkeypatch.setattr(api, "open_assistant", recording)
    done = cli(
        "ask", "How does belimumab work?", "--json",
        corpus_dir=str(settings.corpus_dir), index_dir=str(settings.index_dir),
    )  # fmt: skip
    assert done.code == 0 and '"citations"' in done.out
    assert opened == [False]
