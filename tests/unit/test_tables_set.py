"""The hand-written table-lookup set (evals/sets/tables.jsonl over evals/sets/tables/corpus/).

A wrong answer string turns a right lookup into a miss, and a lookup whose key is not the
first cell of its answering row measures something else, so every answerable question is
checked against its document: the accepted answer is verbatim in it, once, on a table row
whose first cell the question names (questions.question_keys, tables.key_cells), but for
the few asked by a word key. A key that is a row of several documents (exit code 1 is a row of
driftsync's and of rangeur's codes) is asked with its document's name. Unanswerable ones ask a
key no table has, or a column the table of the key they name does not have. Dev and test share
no document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from citeqa.evaluation import EvalQuestion, load_sets
from citeqa.questions import question_keys
from citeqa.tables import TableHeaders, key_cells

WORD_KEYS = {"What does the held state mean in driftsync status?"}
"""Lookups by a word key (`held`): no number or identifier for question_keys to read."""

MISSING_COLUMNS = {
    "tab042": "version",
    "tab043": "places",
    "tab044": "calories",
    "tab081": "weight",
    "tab082": "quai",
}
"""Unanswerable questions whose key is a row: the column each asks, which that table lacks."""


def fold(text: str) -> str:
    return " ".join(text.lower().split())


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def documents_keyed(question: str, texts: dict[str, str]) -> set[str]:
    """The documents with a row whose first cell the question names."""
    keys = question_keys(question)
    return {doc for doc, text in texts.items() if any(key_cells(line, keys).names_key for line in
                                                      text.splitlines())}  # fmt: skip


def name_words(text: str) -> set[str]:
    """The words of a document's name: its title before the colon ("# driftsync: exit codes"
    → driftsync), the whole title when it has none."""
    title = next(line for line in text.splitlines() if line.strip())
    return words(re.split(r"\s*:", title.lstrip("# "), maxsplit=1)[0])


def lines_at(text: str) -> Iterator[tuple[int, str]]:
    """Each line of `text` with the offset it starts at."""
    start = 0
    for line in text.splitlines(keepends=True):
        yield start, line.rstrip("\r\n")
        start += len(line)


def table_header(text: str, offset: int) -> str:
    """The header row of the table holding `offset`, as answering finds it (tables.TableHeaders)."""
    header = TableHeaders(text).header(offset)
    assert header is not None, text[offset : offset + 80]
    return text[slice(*header)]


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
            assert key_cells(holding[0], question_keys(q.question)).names_key, (q.id, holding[0])


def test_unanswerable_questions_name_a_missing_key_or_a_missing_column(
    questions: list[EvalQuestion], texts: dict[str, str]
) -> None:
    missing_key = 0
    for q in (q for q in questions if not q.is_answerable):
        keys = question_keys(q.question)
        keyed = [
            (doc, start) for doc, text in texts.items()
            for start, line in lines_at(text) if key_cells(line, keys).names_key
        ]  # fmt: skip
        missing_key += not keyed
        assert (q.id in MISSING_COLUMNS) == bool(keyed), (q.id, keyed)
        if keyed:
            ((doc, start),) = keyed
            column = MISSING_COLUMNS[q.id]
            assert column in words(q.question), q.id
            header = table_header(texts[doc], start)
            assert column not in words(header), (q.id, header)
    assert missing_key >= 8


def test_a_key_that_is_a_row_of_several_documents_is_asked_with_its_documents_name(
    questions: list[EvalQuestion], texts: dict[str, str]
) -> None:
    for q in questions:
        keyed = documents_keyed(q.question, texts)
        if len(keyed) > 1:
            assert q.doc_id in keyed, (q.id, keyed)
            others = set().union(*(name_words(texts[d]) for d in keyed - {q.doc_id or ""}))
            own = name_words(texts[q.doc_id or ""]) - others
            assert own & words(q.question), (q.id, sorted(keyed))


def test_dev_and_test_share_no_document(questions: list[EvalQuestion]) -> None:
    dev = {q.doc_id for q in questions if q.split == "dev" and q.is_answerable}
    test = {q.doc_id for q in questions if q.split == "test" and q.is_answerable}
    assert dev and test and not dev & test
    assert {q.split for q in questions if not q.is_answerable} == {"dev", "test"}


def test_every_document_is_asked_about(
    questions: list[EvalQuestion], texts: dict[str, str]
) -> None:
    assert {q.doc_id for q in questions if q.is_answerable} == set(texts)
