"""The cross-corpus evaluation sets (evals/sets/, made by evals/tools/make_sets.py), loaded.

Checks what the figures depend on: every accepted answer lies in its span, dev and test never
share a document, near-miss questions really lost their answer, off-topic questions come from
another set, and the generator reproduces the committed files byte for byte.
"""

from __future__ import annotations

import filecmp
import json
import subprocess
import sys
from pathlib import Path

import pytest

from citeqa.evaluation import EvalSetError, load_sets, set_names

ROOT = Path(__file__).resolve().parents[2]
SETS = ROOT / "evals" / "sets"
SHARED = ROOT.parent / "shared" / "benchmarks"
HAND_WRITTEN = (
    *("tables/", "tables.jsonl", "notes/", "notes.jsonl", "research/", "research.jsonl"),
    *("sheets/", "sheets.jsonl", "admin/", "admin.jsonl"),
)
"""Sets written by hand, or by their own script (the sheets: make_sheets.py; the admin folder:
make_admin.py): make_sets.py
registers them, writes none of their files."""


def fold(text: str) -> str:
    return " ".join(text.lower().split())


@pytest.fixture(scope="module")
def sets() -> dict:
    return {s.name: s for s in load_sets(every=True)}


def test_every_registered_set_loads_with_its_corpus(sets: dict) -> None:
    assert set(sets) == set(set_names(every=True))
    kinds = {s.kind for s in sets.values()}
    assert kinds == {"answerable", "off-topic", "near-miss", "content-free"}
    for s in sets.values():
        assert s.corpus_dir.is_dir() and s.questions, s.name
        answerable = {q.is_answerable for q in s.questions}
        mixed = s.name in ("bundled", "tables", "notes", "research", "sheets", "admin")
        assert answerable == ({True, False} if mixed else {s.kind == "answerable"})


def test_all_runs_every_set_but_those_kept_apart() -> None:
    kept_apart = ["tables", "notes", "research", "sheets", "admin"]
    assert set_names(every=True) == [*set_names(), *kept_apart]
    assert [s.name for s in load_sets()] == set_names()
    assert [s.name for s in load_sets(["research", "tables"])] == ["research", "tables"]
    every = load_sets(every=True)
    assert [s.name for s in every] == set_names(every=True)
    assert [s.name for s in every if not s.in_all] == kept_apart


@pytest.mark.parametrize("name", ["piaf", "pubmedqa", "piaf-paragraphs"])
def test_answers_and_quote_spans_lie_in_their_span(sets: dict, name: str) -> None:
    s = sets[name]
    for q in s.questions:
        text = (s.corpus_dir / f"{q.doc_id}.txt").read_text(encoding="utf-8")
        start, end = q.span
        assert 0 <= start < end <= len(text), q.id
        if q.match == "answer":
            assert any(fold(a) in fold(text[start:end]) for a in q.answers), q.id
        else:
            qs, qe = q.quote_span
            assert start <= qs < qe <= end, q.id


@pytest.mark.parametrize("name", ["piaf", "pubmedqa", "piaf-paragraphs"])
def test_dev_and_test_halves_share_no_document(sets: dict, name: str) -> None:
    dev = {q.doc_id for q in sets[name].questions if q.split == "dev"}
    test = {q.doc_id for q in sets[name].questions if q.split == "test"}
    assert dev and test and not dev & test
    assert 0.4 < len(dev) / (len(dev) + len(test)) < 0.6


def test_paragraph_documents_are_the_paragraphs_their_questions_were_asked_of(sets: dict) -> None:
    piaf = {q.id: q for q in sets["piaf"].questions}
    para = sets["piaf-paragraphs"]
    assert len(para.questions) == len(piaf)
    assert len(list(para.corpus_dir.glob("*.txt"))) >= 300
    for q in para.questions:
        source = piaf[q.source]
        article = (sets["piaf"].corpus_dir / f"{source.doc_id}.txt").read_text(encoding="utf-8")
        text = (para.corpus_dir / f"{q.doc_id}.txt").read_text(encoding="utf-8")
        assert text == article[source.span[0] : source.span[1]] + "\n", q.id
        assert q.question == source.question and q.split == source.split
        assert q.doc_id.startswith(source.doc_id) and q.span == (0, len(text) - 1)


def test_split_selection_keeps_only_that_half() -> None:
    (dev,) = load_sets(["pubmedqa"], split="dev")
    assert dev.split == "dev" and {q.split for q in dev.questions} == {"dev"}
    assert len(dev.questions) == 250


def test_near_miss_questions_lost_their_answer_but_not_their_article(sets: dict) -> None:
    piaf = {q.id: q for q in sets["piaf"].questions}
    near = sets["nearmiss-piaf"]
    assert len(near.questions) >= 200
    for q in near.questions:
        source = piaf[q.source]
        assert q.question == source.question and q.split == source.split
        text = (near.corpus_dir / f"{source.doc_id}.txt").read_text(encoding="utf-8")
        full = (sets["piaf"].corpus_dir / f"{source.doc_id}.txt").read_text(encoding="utf-8")
        paragraph = full[source.span[0] : source.span[1]]
        assert paragraph not in text and len(text) > 200, q.id
        assert not any(fold(a) in fold(text) for a in source.answers), q.id


def test_pubmedqa_near_misses_lost_their_conclusions_but_not_their_abstract(sets: dict) -> None:
    pubmed = {q.id: q for q in sets["pubmedqa"].questions}
    near = sets["nearmiss-pubmedqa"]
    assert len(near.questions) >= 400
    assert {q.split for q in near.questions} == {"dev", "test"}
    for q in near.questions:
        source = pubmed[q.source]
        assert q.question == source.question and q.split == source.split
        text = (near.corpus_dir / f"{source.doc_id}.txt").read_text(encoding="utf-8")
        full = (sets["pubmedqa"].corpus_dir / f"{source.doc_id}.txt").read_text(encoding="utf-8")
        start, end = source.quote_span
        assert full[start:end] not in text, q.id
        assert text.rstrip("\n") == full[: len(text.rstrip("\n"))], "only the end is cut"
        assert len(text) > 200, q.id


@pytest.mark.parametrize("target", ["bundled", "piaf", "pubmedqa"])
def test_off_topic_questions_come_from_the_other_sets(sets: dict, target: str) -> None:
    others = {
        q.id: (name, q)
        for name in ("bundled", "piaf", "pubmedqa")
        if name != target
        for q in sets[name].questions
    }
    questions = sets[f"offtopic-{target}"].questions
    assert {q.lang for q in questions} == {"en", "fr"}
    origins = set()
    for q in questions:
        name, source = others[q.source]
        origins.add(name)
        assert source.question == q.question and source.split == q.split
        assert "off-topic" in q.kinds and not q.is_answerable
    assert len(origins) == 2
    assert {q.split for q in questions} == {"dev", "test"}


def test_content_free_sets_split_in_halves(sets: dict) -> None:
    for target in ("bundled", "piaf", "pubmedqa"):
        questions = sets[f"contentfree-{target}"].questions
        assert {q.split for q in questions} == {"dev", "test"}
        assert {"???", "the", "🙂🙂", "[]"} <= {q.question for q in questions}


def test_unknown_set_name_is_one_clear_error() -> None:
    with pytest.raises(EvalSetError, match="unknown set nope"):
        load_sets(["nope"])


def test_registry_errors_name_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "sets.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(EvalSetError, match=r"sets\.json"):
        load_sets(registry=bad)


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/benchmarks is not on this machine")
def test_the_generator_reproduces_the_committed_sets(tmp_path: Path) -> None:
    out = tmp_path / "sets"
    script = ROOT / "evals" / "tools" / "make_sets.py"
    subprocess.run(
        [sys.executable, str(script), "--shared", str(SHARED), "--out", str(out)],
        check=True,
        capture_output=True,
    )
    for path in sorted(p for p in SETS.rglob("*") if p.is_file() and p.name != "README.md"):
        relative = path.relative_to(SETS)
        twin = out / relative
        if relative.as_posix().startswith(HAND_WRITTEN):
            assert not twin.exists(), f"{relative} is hand-written: the generator must not write it"
            continue
        assert twin.exists() and filecmp.cmp(path, twin, shallow=False), path
    assert json.loads((out / "sets.json").read_text())["sets"]
