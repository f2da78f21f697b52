"""Which questions name a place (places.py): a page after a page cue, a section after a place
word; a number glued to a letter, a version, a year or a quantity is none."""

from __future__ import annotations

import pytest

from citeqa.chunking import chunk_document
from citeqa.models import Chunk, Document, Hit, Sentence
from citeqa.places import (
    AskedPlace,
    MissingPage,
    asked_page,
    asked_place,
    names_only_place,
    place_cue,
    with_section_opening,
)
from citeqa.sentences import SentenceBank
from citeqa.tallies import document_sentences


@pytest.mark.parametrize(
    ("question", "page"),
    [
        ("What is on page 53 of the annual report?", 53),
        ("p. 53", 53),
        ("Qu'y a-t-il à la page 12 ?", 12),
        ("Can p53 alterations predict tumour response?", None),
        ("What is the p95 latency of the ledger service?", None),
        ("Is p 53 mutated?", None),
        ("How many pages does the report have?", None),
        ("What was spent in 2025?", None),
        ("What is the p-value, p 0.05?", None),
        ("What is on page -1?", -1),
        ("page 0", 0),
        ("What is on page ³?", None),
    ],
)
def test_a_page_is_asked_by_a_page_cue_and_a_whole_number(question: str, page: int | None) -> None:
    assert asked_page(question) == page


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("section 6.3", True),
        ("§ 6.3", True),
        ("chapter 4", True),
        ("Que prévoit l'annexe 2 ?", True),
        ("What does § 6.3 say?", True),
        ("Que dit le § 4 ?", True),
        ("See section 4.", True),
        ("version 6.3", False),
        ("Que prévoit l'article 7 ?", False),
        ("What was spent in 2025?", False),
    ],
)
def test_a_section_is_a_place_after_a_place_word(question: str, asked: bool) -> None:
    assert (place_cue(question) is not None) is asked


@pytest.mark.parametrize(
    ("question", "cue"),
    [
        ("What does § 6.3 say?", "§"),
        ("Que dit le § 4 ?", "§"),
        ("See section 4.", "section"),
        ("What does chapter 4 say about section 4.2?", "chapter"),
    ],
)
def test_the_place_word_is_the_one_right_before_the_number(question: str, cue: str) -> None:
    assert place_cue(question) == cue


@pytest.mark.parametrize(
    ("question", "only"),
    [
        ("section 6.3", True),
        ("Que dit la section 6.3 ?", True),
        ("What is on page 53?", True),
        ("See section 4.", True),
        ("What does section 6.3 say about reserves?", False),
        ("What is the reserves policy on page 53?", False),
    ],
)
def test_a_question_naming_only_its_place(question: str, only: bool) -> None:
    assert names_only_place(question, []) is only


FILLER = " ".join(
    f"Clause {n} says what the parties agreed about the service and its terms." for n in range(25)
)
TERMS = (
    "# Terms\n\n"
    + "".join(f"## {n} Part\n\n{FILLER}\n\n" for n in ["1.1", "1.2", "3.4"])
    + "## Annexe 2 – Scope\n\nThe scope covers the bakery's tills and the back office.\n"
)


def _terms_bank(text: str = TERMS) -> tuple[SentenceBank, list[Chunk]]:
    document = Document(doc_id="d", title="Terms", path="/d.md", text=text, sha256="0", kind="md")
    chunks = list(chunk_document(document))
    rows = document_sentences(text, [(n, c.start, c.end) for n, c in enumerate(chunks)], "md")
    sentences = [Sentence(doc_id="d", chunk_index=n, start=a, end=b) for n, a, b in rows.tolist()]
    bank = SentenceBank({"d": document}, chunks, sentences, None, [frozenset() for _ in sentences])
    return bank, chunks


@pytest.mark.parametrize(
    ("question", "heading"), [("section 3.4", "## 3.4"), ("annexe 2", "## Annexe 2")]
)
def test_a_sections_opening_passage_is_read_first(question: str, heading: str) -> None:
    bank, chunks = _terms_bank()
    last = len(chunks) - 1
    hits = [Hit(chunk=chunks[n], chunk_index=n, score=1.0 - n / 100) for n in (0, 1, last - 1)]
    read = with_section_opening(hits, bank, question, place_cue(question))
    opening_at = TERMS.index(heading)
    assert read[0].chunk.start <= opening_at + len(heading) < read[0].chunk.end
    assert len(read) == len(hits)


def test_an_opening_passage_already_read_is_left_in_place() -> None:
    bank, chunks = _terms_bank()
    holding = next(n for n, c in enumerate(chunks) if c.start <= TERMS.index("## 3.4") < c.end)
    hits = [Hit(chunk=chunks[n], chunk_index=n, score=1.0) for n in (0, holding)]
    assert with_section_opening(hits, bank, "section 3.4", "section") == hits


def test_a_banks_chunk_numbers_of_a_document_are_its_chunks_in_order() -> None:
    texts = {"a": "Alpha one.", "b": "Beta one.", "c": "Gamma one."}
    documents = {
        doc_id: Document(doc_id=doc_id, title=doc_id, path=f"/{doc_id}", text=text, sha256="0")
        for doc_id, text in texts.items()
    }
    order = ["a", "a", "b", "c", "b", "a"]  # "b" and "a" interleaved: no run of numbers
    chunks = [
        Chunk(chunk_id=f"{doc_id}{n}", doc_id=doc_id, text=texts[doc_id][:9], start=0, end=9)
        for n, doc_id in enumerate(order)
    ]
    bank = SentenceBank(documents, chunks, [], None, [])
    assert list(bank.chunks_of("a")) == [0, 1, 5]
    assert list(bank.chunks_of("b")) == [2, 4]
    assert list(bank.chunks_of("c")) == [3]
    assert list(bank.chunks_of("missing")) == []


CONTRACT = (
    "# Service contract\n\n## Article 6 Payment\n\n6.3 Invoices are paid within thirty days.\n\n"
    "## Article 7 Term\n\n1. The contract runs for two years.\n"
)


@pytest.mark.parametrize(
    ("question", "held"),
    [("What does section 6.3 say?", True), ("chapter 7", True), ("chapter 1", False)],
)
def test_a_numbered_clause_holds_a_section_of_parts(question: str, held: bool) -> None:
    bank, chunks = _terms_bank(CONTRACT)
    hits = [Hit(chunk=chunk, chunk_index=n, score=1.0) for n, chunk in enumerate(chunks)]
    place = asked_place(question, bank, hits, 5)
    assert isinstance(place, AskedPlace)
    assert place.held is held


@pytest.mark.parametrize(
    ("question", "missing"),
    [
        ("What is on page -1?", True),  # quoted page 1
        ("What is on page 2 of the terms?", True),  # no document has pages: as 99999
        ("What is on page 2 of the hedgehog notes?", False),  # names no document read
        ("What is on page 99999?", True),
        ("How do I fix the page 404 error?", False),  # no page asked of a document
        ("What is on page ³?", False),  # a note's mark, no page 3
    ],
)
def test_a_page_no_document_has_is_missing_alike(question: str, missing: bool) -> None:
    bank, chunks = _terms_bank()
    hits = [Hit(chunk=chunks[0], chunk_index=0, score=1.0)]
    place = asked_place(question, bank, hits, 5)
    assert isinstance(place, MissingPage) is missing
    if not missing:
        assert isinstance(place, AskedPlace) and place.page is None


WIZARD = "# Installing the gateway\n\nOn page 3 of the setup wizard, enter the proxy address.\n"


@pytest.mark.parametrize(
    ("question", "missing"),
    [
        ("What do I enter on page 3 of the setup wizard?", False),  # names no document
        ("What do I enter on page 3 of the terms?", False),  # a passage writes "page 3" itself
        ("What do I enter on page 2 of the terms?", True),
    ],
)
def test_a_page_of_a_document_without_pages_is_missing_only_when_named_and_unwritten(
    question: str, missing: bool
) -> None:
    bank, chunks = _terms_bank(WIZARD)
    hits = [Hit(chunk=chunks[0], chunk_index=0, score=1.0)]
    assert isinstance(asked_place(question, bank, hits, 5), MissingPage) is missing
