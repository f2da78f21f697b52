"""The notes set (evals/sets/notes.jsonl over evals/sets/notes/corpus/, a vault of notes).

A wrong answer string turns a right quote into a miss, so every answerable question is checked
against its document (its path in the vault without the extension, as the index names it):
each accepted answer is verbatim in it. A follow-up follows a question of its own half; no note
holds the answers of questions of both halves (near misses name no note: one may be about a note
of the other half); the halves are as evals/tools/split_by_document.py leaves them (its split
depends only on the questions, so a hand edit of a `split` is caught) and even in the kinds it
balances. The split checks also run on the research set, split by the same script.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from citeqa.evaluation import EvalQuestion, load_sets

ROOT = Path(__file__).resolve().parents[2]


def _split_tool() -> ModuleType:
    path = ROOT / "evals" / "tools" / "split_by_document.py"
    spec = importlib.util.spec_from_file_location("split_by_document", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("split_by_document", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def questions() -> list[EvalQuestion]:
    (notes,) = load_sets(["notes"])
    return notes.questions


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    (notes,) = load_sets(["notes"])
    corpus = notes.corpus_dir
    return {
        path.relative_to(corpus).with_suffix("").as_posix(): path.read_text(encoding="utf-8")
        for path in corpus.rglob("*")
        if path.is_file()
    }


def test_every_answer_occurs_verbatim_in_its_note(
    questions: list[EvalQuestion], texts: dict[str, str]
) -> None:
    answerable = [q for q in questions if q.is_answerable]
    assert len(answerable) >= 80
    for q in answerable:
        assert q.doc_id in texts, q.id
        for answer in q.answers:
            assert answer in texts[q.doc_id], (q.id, answer)


def test_unanswerable_questions_are_a_third_and_mostly_near_misses(
    questions: list[EvalQuestion],
) -> None:
    unanswerable = [q for q in questions if not q.is_answerable]
    assert 0.25 < len(unanswerable) / len(questions) < 0.4
    assert all("unanswerable" in q.kinds for q in unanswerable)
    near = [q for q in unanswerable if "on-topic" in q.kinds]
    assert len(near) > 0.8 * len(unanswerable)


SPLIT_SETS = ("notes", "research")
"""The hand-written sets evals/tools/split_by_document.py splits (the research set's own checks:
tests/unit/test_research_set.py)."""


def _set_questions(name: str) -> list[EvalQuestion]:
    (eval_set,) = load_sets([name])
    return eval_set.questions


FOLLOW_UPS_AT_LEAST = {"notes": 6, "research": 5}
"""How many follow-ups each set holds at least (what it held when written): one set losing
one is caught, though the sets hold different counts."""


@pytest.mark.parametrize("name", SPLIT_SETS)
def test_follow_ups_follow_a_question_of_their_half(name: str) -> None:
    questions = _set_questions(name)
    by_id = {q.id: q for q in questions}
    follow_ups = [q for q in questions if q.follows is not None]
    assert len(follow_ups) >= FOLLOW_UPS_AT_LEAST[name]
    for q in follow_ups:
        assert "follow-up" in q.kinds and by_id[q.follows].split == q.split, q.id


@pytest.mark.parametrize("name", SPLIT_SETS)
def test_no_document_answers_questions_of_both_halves(name: str) -> None:
    questions = _set_questions(name)
    dev = {q.doc_id for q in questions if q.split == "dev" and q.doc_id}
    test = {q.doc_id for q in questions if q.split == "test" and q.doc_id}
    assert dev and test and not dev & test


@pytest.mark.parametrize("name", SPLIT_SETS)
def test_the_file_is_split_as_the_seeded_script_splits_it(name: str) -> None:
    tool = _split_tool()
    path, balanced = tool.SETS[name]
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert path.read_text(encoding="utf-8") == tool.render(tool.with_splits(rows, balanced))
    moved = [{**row, "split": "test"} for row in rows]  # the split written is not read back
    assert tool.with_splits(moved, balanced) == tool.with_splits(rows, balanced)


@pytest.mark.parametrize(
    ("name", "kind"), [(name, kind) for name in SPLIT_SETS for kind in _split_tool().SETS[name][1]]
)
def test_the_halves_are_even_in_each_balanced_kind(name: str, kind: str) -> None:
    halves = Counter(q.split for q in _set_questions(name) if kind in q.kinds)
    assert halves["dev"] > 0 and halves["test"] > 0
    assert abs(halves["dev"] - halves["test"]) <= 1, halves
