"""The hand-written table-lookup set (evals/sets/tables.jsonl over evals/sets/tables/corpus/).

A wrong answer string turns a right lookup into a miss, and a lookup whose key is not the
first cell of its answering row measures something else, so every answerable question is
checked against its document: the accepted answer is verbatim in it, once, on a table row
whose first cell the question names (questions.question_keys, tables.names_a_cell), but for
the few asked by a word key. Unanswerable ones ask a key no table has, or a column the row of
the key they name does not have. Dev and test share no document.
"""

from __future__ import annotations

import pytest

from citeqa.evaluation import EvalQuestion, load_sets
from citeqa.questions import question_keys
from citeqa.tables import names_a_cell

WORD_KEYS = {"What does the held state mean in driftsync status?"}
"""Lookups by a word key (`held`): no number or identifier for question_keys to read."""


def fold(text: str) -> str:
    return " ".join(text.lower().split())


@pytest.fixture(scope="module")
def questions() -> list[EvalQuestion]:
    (tables,) = load_sets(["tables"])
    return tables.questions


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    (tables,) = load_sets(["tables"])
    return {p.stem: p.read_text(encoding="utf-8") for p in tables.corpus_dir.iterdir()}


def test_the_set_has_both_languages_cross_language_and_unanswerable_questions(
    questions: list[EvalQuestion], texts: dict[str, str]
) -> None:
    assert 60 <= len(questions) <= 90 and 6 <= len(texts) <= 10
    assert {q.lang for q in questions} == {"en", "fr"}
    assert {q.passage_lang for q in questions if q.is_answerable} == {"en", "fr"}
    assert 12 <= sum(not q.is_answerable for q in questions) <= 20
    assert sum("cross-lang" in q.kinds for q in questions) >= 10
    for q in questions:
        assert "table" in q.kinds, q.id
        assert ("cross-lang" in q.kinds) == (q.is_answerable and q.lang != q.passage_lang), q.id
        assert ("unanswerable" in q.kinds) == (not q.is_answerable), q.id


def test_each_answer_is_once_in_its_document_on_the_row_the_question_names(
    questions: list[EvalQuestion], texts: dict[str, str]
) -> None:
    for q in (q for q in questions if q.is_answerable):
        lines = texts[q.doc_id or ""].splitlines()
        (answer,) = q.answers
        holding = [line for line in lines if fold(answer) in fold(line)]
        assert len(holding) == 1, (q.id, holding)
        if q.question not in WORD_KEYS:
            assert names_a_cell(holding[0], question_keys(q.question)), (q.id, holding[0])


def test_unanswerable_questions_name_a_missing_key_or_a_missing_column(
    questions: list[EvalQuestion], texts: dict[str, str]
) -> None:
    rows = [line for text in texts.values() for line in text.splitlines()]
    missing_key = 0
    for q in (q for q in questions if not q.is_answerable):
        keyed = [row for row in rows if names_a_cell(row, question_keys(q.question))]
        missing_key += not keyed
        assert len(keyed) <= 1, (q.id, keyed)  # a missing column: one row, which lacks it
    assert missing_key >= 8


def test_dev_and_test_share_no_document(questions: list[EvalQuestion]) -> None:
    dev = {q.doc_id for q in questions if q.split == "dev" and q.is_answerable}
    test = {q.doc_id for q in questions if q.split == "test" and q.is_answerable}
    assert dev and test and not dev & test
    assert {q.split for q in questions if not q.is_answerable} == {"dev", "test"}


def test_every_document_is_asked_about(
    questions: list[EvalQuestion], texts: dict[str, str]
) -> None:
    assert {q.doc_id for q in questions if q.is_answerable} == set(texts)
