"""The research set (evals/sets/research.jsonl over evals/sets/research/corpus/, a research
group's folder: PDF papers, wiki pages exported as HTML, mail threads, SOPs, notes).

Its answers are checked against the text citeqa indexes, not the files: a PDF, a wiki page and a
mail thread are read by our readers (line-end hyphens joined, running headers and margins set
apart, a thread cut into its messages), so each accepted answer must stand, case and runs of
spaces folded as eval judges, in its document as read and within one of the chunks the build
cuts it into (a passage holding it can then be relevant, a quote can then hold it). A reader
change that makes a gold answer unreadable fails here, naming the question. The halves are
checked with the notes set's (tests/unit/test_notes_set.py: split by
evals/tools/split_by_document.py).
"""

from __future__ import annotations

from collections import Counter

import pytest

from citeqa.chunking import chunk_document
from citeqa.config import Settings
from citeqa.corpus import read_corpus
from citeqa.evaluation import EvalQuestion, load_sets
from citeqa.evaluation.judging import fold


@pytest.fixture(scope="module")
def questions() -> list[EvalQuestion]:
    (research,) = load_sets(["research"])
    return research.questions


@pytest.fixture(scope="module")
def read() -> dict[str, tuple[str, list[str]]]:
    """Each document's text as read, and its chunks' texts, both folded, by document id."""
    (research,) = load_sets(["research"])
    size, overlap = Settings().chunk_size, Settings().chunk_overlap
    reading = read_corpus(research.corpus_dir)
    return {
        doc.doc_id: (fold(doc.text), [fold(c.text) for c in chunk_document(doc, size, overlap)])
        for doc in reading.documents
    }


def test_the_folder_is_read_whole_with_its_three_readers(
    questions: list[EvalQuestion], read: dict[str, tuple[str, list[str]]]
) -> None:
    (research,) = load_sets(["research"])
    files = [p for p in research.corpus_dir.rglob("*") if p.is_file()]
    suffixes = Counter(p.suffix for p in files)
    assert suffixes[".pdf"] == 13 and suffixes[".html"] == 27 and len(files) == 69
    assert len(read) == 68  # misc/empty_notes.txt: an empty file, skipped
    named = Counter(q.doc_id.split("/")[0] for q in questions if q.doc_id)
    assert named["papers"] >= 45 and named["wiki"] >= 15 and named["mail"] >= 25


def test_every_answer_stands_in_its_document_as_indexed(
    questions: list[EvalQuestion], read: dict[str, tuple[str, list[str]]]
) -> None:
    answerable = [q for q in questions if q.is_answerable]
    assert len(answerable) >= 100
    unreadable = []
    for q in answerable:
        assert q.doc_id in read, q.id
        text, chunks = read[q.doc_id]
        for answer in q.answers:
            if fold(answer) not in text or not any(fold(answer) in chunk for chunk in chunks):
                unreadable.append(f"{q.id}: {answer!r} in {q.doc_id}")
    assert not unreadable, unreadable


@pytest.mark.parametrize(
    ("kind", "least"), [("hyphen", 4), ("two-column", 4), ("running-header", 2), ("ligature", 1)]
)
def test_what_the_pdf_and_mail_readers_mend_is_asked(
    questions: list[EvalQuestion], kind: str, least: int
) -> None:
    """The answers only the readers' mending makes readable (a word hyphenated at a line end,
    a sentence across a two-column block, a running header, a ligature pasted in a mail) are
    each asked, so the test above guards them."""
    assert sum(kind in q.kinds for q in questions if q.is_answerable) >= least


def test_unanswerable_questions_are_a_quarter_and_mostly_near_misses(
    questions: list[EvalQuestion],
) -> None:
    unanswerable = [q for q in questions if not q.is_answerable]
    assert 0.2 < len(unanswerable) / len(questions) < 0.35
    assert all("unanswerable" in q.kinds for q in unanswerable)
    near = [q for q in unanswerable if "on-topic" in q.kinds]
    assert len(near) > 0.8 * len(unanswerable)


def test_kinds_say_what_the_fields_say(questions: list[EvalQuestion]) -> None:
    """`cross-lang` exactly when the question's language is not its passage's, `follow-up`
    exactly when it follows a question, and each question names the reader of its document
    (a near miss: of the document it is near), as the breakdowns in evals/README.md count them."""
    folders = {"papers": "pdf", "wiki": "html", "mail": "mail", "protocols": "sop"}
    folders |= {"notes": "notes", "misc": "csv"}
    readers = set(folders.values())
    for q in questions:
        assert ("cross-lang" in q.kinds) == (q.is_answerable and q.lang != q.passage_lang), q.id
        assert ("follow-up" in q.kinds) == (q.follows is not None), q.id
        if q.doc_id is not None:
            assert folders[q.doc_id.split("/")[0]] in q.kinds, q.id
        elif "on-topic" in q.kinds:
            assert len(readers & set(q.kinds)) == 1, q.id
