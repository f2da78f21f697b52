"""The Answer JSON of `citeqa ask --json` / `--jsonl` checked against DESIGN.md, field by field:
other tools read it, so its keys and types are a contract. Quotes are checked against the
source files themselves, not against the index."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from integration_helpers import RealIndex, run_citeqa, shared_once

from answer_contract import ANSWER_KEYS

TOP_KEYS = set(ANSWER_KEYS)
CITATION_KEYS = {
    "n": int,
    "doc_id": str,
    "title": str,
    "path": str,
    "start": int,
    "end": int,
    "quote": str,
    "page": (int, type(None)),
    "section": (str, type(None)),
    "score": (int, float),
    "header": (dict, type(None)),
    "otherwise": bool,
    "later": (str, type(None)),
    "after": (str, type(None)),
    "earlier": (str, type(None)),
    "before": (str, type(None)),
    "occurrence": (str, type(None)),
    "archived": (str, type(None)),
    "notes": list,
}
PASSAGE_KEYS = {
    "rank": int,
    "doc_id": str,
    "title": str,
    "path": str,
    "start": int,
    "end": int,
    "text": str,
    "lang": str,
    "score": (int, float),
}
TIMING_KEYS = {"retrieve", "answer", "total"}

QUESTIONS = {
    "belimumab": "How does belimumab work?",
    "children": "From what age can children be treated with belimumab?",
    "refract": "What does the REFRACT project study in kidney biopsies?",
    "stromal-fr": "Combien de patients ont reçu des cellules stromales ?",
    "stromal-en": "How many patients received mesenchymal stromal cells?",
    "unanswerable": "What is the price of a Tesla Model 3 in Norway?",
}


def _is(value: Any, kind: Any) -> bool:
    """isinstance that does not let a bool pass for an int."""
    if isinstance(value, bool) and bool not in (kind if isinstance(kind, tuple) else (kind,)):
        return False
    return isinstance(value, kind)


@pytest.fixture(scope="session")
def answers(
    real_index: RealIndex, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, dict[str, Any]]:
    """Answers by id: the batch of QUESTIONS, plus `citeqa ask --json --k 3` as id "single".

    Asked once per test run (two processes), whichever xdist worker gets here first."""

    def ask(folder: Path) -> dict[str, dict[str, Any]]:
        del folder
        batch = "\n".join(json.dumps({"id": key, "question": q}) for key, q in QUESTIONS.items())
        done = run_citeqa(["ask", "--jsonl"], real_index.env, real_index.cwd, stdin=batch + "\n")
        assert done.returncode == 0, done.stderr
        by_id = {a["id"]: a for a in map(json.loads, done.stdout.splitlines())}
        assert list(by_id) == list(QUESTIONS)
        single = run_citeqa(
            ["ask", "How does belimumab work?", "--json", "--k", "3"],
            real_index.env,
            real_index.cwd,
        )
        assert single.returncode == 0, single.stderr
        by_id["single"] = json.loads(single.stdout)  # a single answer is one JSON object
        return by_id

    answers: dict[str, dict[str, Any]] = shared_once(tmp_path_factory, "answers", ask)
    return answers


def _source(path: str) -> str:
    """The source file's text, exactly as on disk (newline="" keeps CRLF)."""
    with open(path, encoding="utf-8", newline="") as stream:
        return stream.read()


def check_answer(answer: dict[str, Any], k: int) -> None:
    assert set(answer) == TOP_KEYS, set(answer) ^ TOP_KEYS
    assert _is(answer["question"], str) and answer["question"]
    assert _is(answer["abstained"], bool)
    assert _is(answer["confidence"], (int, float)) and 0.0 <= answer["confidence"] <= 1.0
    assert _is(answer["answer"], str) and answer["answer"].strip()
    assert answer["id"] is None or _is(answer["id"], (str, int))
    assert _is(answer["warnings"], list) and all(_is(w, str) for w in answer["warnings"])

    assert _is(answer["timings_ms"], dict) and set(answer["timings_ms"]) == TIMING_KEYS
    for value in answer["timings_ms"].values():
        assert _is(value, (int, float)) and value >= 0
    timings = answer["timings_ms"]
    assert timings["total"] >= max(timings["retrieve"], timings["answer"])

    passages = answer["passages"]
    assert 1 <= len(passages) <= k
    assert [p["rank"] for p in passages] == list(range(1, len(passages) + 1))
    for passage in passages:
        assert set(passage) == set(PASSAGE_KEYS)
        for key, kind in PASSAGE_KEYS.items():
            assert _is(passage[key], kind), (key, passage[key])
        assert 0 <= passage["start"] < passage["end"]
        assert passage["lang"] in {"en", "fr"}
        assert _source(passage["path"])[passage["start"] : passage["end"]] == passage["text"]
    scores = [p["score"] for p in passages]
    assert scores == sorted(scores, reverse=True)

    citations = answer["citations"]
    assert [c["n"] for c in citations] == list(range(1, len(citations) + 1))
    for citation in citations:
        assert set(citation) == set(CITATION_KEYS)
        for key, kind in CITATION_KEYS.items():
            assert _is(citation[key], kind), (key, citation[key])
        assert 0 <= citation["start"] < citation["end"]
        assert citation["quote"].strip()
        assert _source(citation["path"])[citation["start"] : citation["end"]] == citation["quote"]
        if (header := citation["header"]) is not None:  # a table row's header row, verbatim
            assert _source(citation["path"])[header["start"] : header["end"]] == header["text"]
        for note in citation["notes"]:  # a footnote the quote cites, verbatim
            assert _source(citation["path"])[note["start"] : note["end"]] == note["text"]
        assert f"[{citation['n']}]" in answer["answer"]
    if answer["abstained"]:
        assert citations == []
        assert _is(answer["reason"], str) and answer["reason"] in answer["answer"]
    else:
        assert citations, "an answer that does not abstain quotes something"
        assert answer["reason"] is None


@pytest.mark.parametrize("key", [*QUESTIONS, "single"])
def test_answer_matches_the_design(answers: dict[Any, dict[str, Any]], key: str) -> None:
    check_answer(answers[key], k=3 if key == "single" else 5)


def test_single_answer_with_k(answers: dict[Any, dict[str, Any]]) -> None:
    single = answers["single"]
    assert single["id"] is None
    assert len(single["passages"]) == 3
    assert single["question"] == "How does belimumab work?"


def test_ids_are_echoed(answers: dict[Any, dict[str, Any]]) -> None:
    for key, question in QUESTIONS.items():
        assert answers[key]["id"] == key
        assert answers[key]["question"] == question


def test_answers_and_abstention(answers: dict[Any, dict[str, Any]]) -> None:
    belimumab = answers["belimumab"]
    assert not belimumab["abstained"]
    assert any("B lymphocytes" in c["quote"] for c in belimumab["citations"])
    assert not answers["children"]["abstained"]
    assert any("5 years" in c["quote"] for c in answers["children"]["citations"])
    assert not answers["refract"]["abstained"]

    off_topic = answers["unanswerable"]
    assert off_topic["abstained"]
    assert off_topic["confidence"] < belimumab["confidence"]
    assert off_topic["passages"], "an abstention still lists the closest evidence"


def test_cross_language_questions_find_the_french_document(
    answers: dict[Any, dict[str, Any]],
) -> None:
    for key in ("stromal-fr", "stromal-en"):
        docs = [p["doc_id"] for p in answers[key]["passages"]]
        assert docs[0] == "cellules-stromales-lupus-phase1", (key, docs)
