"""Opening for one question (`citeqa ask`): nothing is computed ahead that the answer may not
need, and the answers are those of an assistant that prepared everything at open; nothing heavy
is imported, and the USE model is read from its decoded copy (usemodel.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from integration_helpers import RealIndex, fake_settings, make_corpus

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
    """The token sets the bank holds: all of a prefilled one's list, or those its cache has
    computed (ondemand.LazyTokens)."""
    tokens = assistant._loaded.bank.tokens
    return len(tokens) if isinstance(tokens, list) else tokens.cached  # type: ignore[attr-defined]


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


AT_EXIT = """
import atexit, json, sys
def report():
    from citeqa.embedding import get_embedder
    use = get_embedder("use")._lazy.get()
    heavy = {"rich", "bm25s", "scipy", "lightgbm", "torch", "sentence_transformers", "textual"}
    print(json.dumps([sorted(heavy & set(sys.modules)), type(use._sp._prefixes).__name__]),
          file=sys.stderr)
atexit.register(report)
from citeqa.cli import main
sys.argv = ["citeqa", "ask", "--json", "What is belimumab?"]
main()
"""


def test_a_cold_ask_imports_nothing_heavy_and_reads_the_decoded_model(
    real_index: RealIndex,
) -> None:
    done = subprocess.run(
        [sys.executable, "-c", AT_EXIT],
        capture_output=True, text=True, env=real_index.env, cwd=real_index.cwd, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    heavy, lookup = json.loads(done.stderr.strip().splitlines()[-1])
    assert heavy == []
    assert lookup == "PieceLookup"  # the first ask (the build) wrote the copy; this one reads it
