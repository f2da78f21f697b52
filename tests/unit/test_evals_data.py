"""Checks on the evaluation question set, evals/questions.jsonl.

The set is data, not code, but a wrong answer string silently turns a good retrieval into a
miss, so every accepted answer is checked verbatim against its document, and the coverage the
set promises (languages, kinds, documents, splits) is checked too. See evals/README.md.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = ROOT / "evals" / "questions.jsonl"
CORPUS = ROOT / "corpus"

FIELDS = {
    "id",
    "question",
    "lang",
    "doc_id",
    "answers",
    "passage_lang",
    "kinds",
    "follows",
    "split",
    "answerable",
}
KINDS = {
    "fact",
    "number",
    "table",
    "keyword",
    "typo",
    "cross-lang",
    "follow-up",
    "multi-passage",
    "unanswerable",
    "patient",
    "definition",
}
LANGS = {"en", "fr"}
SPLITS = {"dev", "test"}
SLIDES = "targeted-therapies-lupus-slides"


def _load() -> list[dict]:
    rows = []
    for number, line in enumerate(QUESTIONS.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as error:  # pragma: no cover - reported by the assert
            raise AssertionError(f"line {number} is not JSON: {error}") from error
    return rows


ROWS = _load()
ANSWERABLE = [r for r in ROWS if r["answerable"]]
UNANSWERABLE = [r for r in ROWS if not r["answerable"]]
DOC_IDS = sorted(p.stem for p in CORPUS.glob("*.txt"))


def _text(doc_id: str) -> str:
    return (CORPUS / f"{doc_id}.txt").read_bytes().decode("utf-8")


TEXTS = {doc_id: _text(doc_id) for doc_id in DOC_IDS}


def _ids(rows: list[dict]) -> list[str]:
    return [r["id"] for r in rows]


# ------------------------------------------------------------------------------------ shape


def test_file_is_not_empty_and_every_line_parses() -> None:
    assert len(ROWS) >= 130
    for line in QUESTIONS.read_text(encoding="utf-8").splitlines():
        assert line.strip(), "blank line in questions.jsonl"
        assert isinstance(json.loads(line), dict)


@pytest.mark.parametrize("row", ROWS, ids=_ids(ROWS))
def test_row_has_exactly_the_documented_fields(row: dict) -> None:
    assert set(row) == FIELDS
    assert re.fullmatch(r"q\d{3}", row["id"])
    assert isinstance(row["question"], str) and row["question"].strip()
    assert row["lang"] in LANGS
    assert row["split"] in SPLITS
    assert isinstance(row["answerable"], bool)
    assert isinstance(row["answers"], list)
    assert all(isinstance(a, str) for a in row["answers"])
    assert isinstance(row["kinds"], list) and row["kinds"]
    assert set(row["kinds"]) <= KINDS, set(row["kinds"]) - KINDS
    assert len(set(row["kinds"])) == len(row["kinds"]), "duplicate kind"


def test_ids_are_unique() -> None:
    counts = Counter(_ids(ROWS))
    assert not [i for i, n in counts.items() if n > 1]


def test_questions_are_unique() -> None:
    counts = Counter(r["question"].strip().lower() for r in ROWS if r["follows"] is None)
    assert not [q for q, n in counts.items() if n > 1]


# ------------------------------------------------------------------------------- answers


@pytest.mark.parametrize("row", ANSWERABLE, ids=_ids(ANSWERABLE))
def test_answers_occur_verbatim_in_the_document(row: dict) -> None:
    assert row["doc_id"] in TEXTS, f"unknown doc_id {row['doc_id']!r}"
    assert 1 <= len(row["answers"]) <= 3
    text = TEXTS[row["doc_id"]]
    for answer in row["answers"]:
        assert 2 <= len(answer) <= 45, f"answer should be short: {answer!r}"
        assert answer == answer.strip(), f"stray whitespace around {answer!r}"
        assert answer in text, f"{answer!r} is not in corpus/{row['doc_id']}.txt"


@pytest.mark.parametrize("row", ANSWERABLE, ids=_ids(ANSWERABLE))
def test_answerable_rows_are_consistent(row: dict) -> None:
    assert row["passage_lang"] in LANGS
    assert "unanswerable" not in row["kinds"]
    assert ("cross-lang" in row["kinds"]) == (row["lang"] != row["passage_lang"])
    if "multi-passage" in row["kinds"]:
        assert len(row["answers"]) >= 2


@pytest.mark.parametrize("row", UNANSWERABLE, ids=_ids(UNANSWERABLE))
def test_unanswerable_rows_have_no_answer_and_no_document(row: dict) -> None:
    assert row["answers"] == []
    assert row["doc_id"] is None
    assert row["passage_lang"] is None
    assert row["follows"] is None
    assert "unanswerable" in row["kinds"]
    assert "cross-lang" not in row["kinds"]


# ----------------------------------------------------------------------------- follow-ups


def test_follows_points_to_an_earlier_question_of_the_same_split() -> None:
    position = {r["id"]: n for n, r in enumerate(ROWS)}
    by_id = {r["id"]: r for r in ROWS}
    for n, row in enumerate(ROWS):
        tagged = "follow-up" in row["kinds"]
        if row["follows"] is None:
            assert not tagged, row["id"]
            continue
        assert tagged, row["id"]
        assert row["follows"] in by_id, row["id"]
        assert position[row["follows"]] < n, row["id"]
        parent = by_id[row["follows"]]
        assert parent["split"] == row["split"], row["id"]
        assert parent["doc_id"] == row["doc_id"], row["id"]
        assert parent["lang"] == row["lang"], row["id"]


# ------------------------------------------------------------------------------- coverage


def _kind(kind: str) -> int:
    return sum(kind in r["kinds"] for r in ROWS)


def test_splits_are_both_large_enough() -> None:
    sizes = Counter(r["split"] for r in ROWS)
    assert sizes["dev"] >= 55
    assert sizes["test"] >= 55


def test_languages_of_question() -> None:
    langs = Counter(r["lang"] for r in ROWS)
    assert langs["fr"] >= 45
    assert langs["en"] >= 60


def test_cross_language_both_ways() -> None:
    pairs = Counter((r["lang"], r["passage_lang"]) for r in ANSWERABLE)
    assert pairs[("en", "fr")] >= 20
    assert pairs[("fr", "en")] >= 20


@pytest.mark.parametrize(
    ("kind", "minimum"),
    [
        ("number", 25),
        ("table", 6),
        ("keyword", 8),
        ("typo", 6),
        ("follow-up", 8),
        ("multi-passage", 6),
        ("unanswerable", 24),
        ("patient", 3),
        ("definition", 3),
    ],
)
def test_kind_minimums(kind: str, minimum: int) -> None:
    assert _kind(kind) >= minimum


def test_unanswerable_questions_mix_languages() -> None:
    langs = Counter(r["lang"] for r in UNANSWERABLE)
    assert langs["en"] >= 6
    assert langs["fr"] >= 6


def test_every_document_is_covered_in_proportion() -> None:
    docs = Counter(r["doc_id"] for r in ANSWERABLE)
    assert set(docs) == set(DOC_IDS)
    share = docs[SLIDES] / len(ANSWERABLE)
    assert 0.5 <= share <= 0.65, share
    for doc_id in DOC_IDS:
        if doc_id != SLIDES:
            assert docs[doc_id] >= 8, doc_id


def test_each_document_is_in_both_splits() -> None:
    for doc_id in DOC_IDS:
        splits = {r["split"] for r in ANSWERABLE if r["doc_id"] == doc_id}
        assert splits == SPLITS, doc_id


@pytest.mark.parametrize(
    "kind",
    [
        "number",
        "table",
        "keyword",
        "typo",
        "follow-up",
        "multi-passage",
        "unanswerable",
        "cross-lang",
    ],
)
def test_each_kind_is_split_about_evenly(kind: str) -> None:
    rows = [r for r in ROWS if kind in r["kinds"]]
    dev = sum(r["split"] == "dev" for r in rows)
    assert abs(dev - (len(rows) - dev)) <= max(2, len(rows) // 4), (kind, dev, len(rows) - dev)
