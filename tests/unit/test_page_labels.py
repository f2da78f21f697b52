"""A line that is only a page's label ("Page 1/1", "- 4 -": language data `page_labels`) is
furniture: never quoted as an answer (titleonly.only_title, answering.quotable), though it holds
a number a price question asks for (s21 trial: a PDF's "Page 1/1" footer quoted at .77 for a
hall's price, the answer under its heading at .13)."""

from __future__ import annotations

import numpy as np
import pytest
from tests.one_document_banks import one_document_bank, sentence_opening

from citeqa import titleonly
from citeqa.answering import quotable
from citeqa.candidates import Candidates
from citeqa.chunking import chunk_document
from citeqa.markup import is_reference_link_line
from citeqa.models import Document, Sentence
from citeqa.sentences import ScoredSentence, SentenceBank
from citeqa.tallies import document_sentences
from citeqa.titleonly import is_page_label, only_title

TARIFFS = (
    "Tarifs municipaux 2025-2026\n"
    "Location de la salle des fêtes\n"
    "Week-end : 350 € pour les habitants, 700 € pour les extérieurs ; caution de 1 000 €.\n"
    "Page 1/1\n"
    "Annexe\n"
    "La caution est rendue sous 15 jours.\n"
    "- 2 -\n"
)


def _bank(text: str) -> SentenceBank:
    return one_document_bank(text, "pdf", "Tarifs")


def test_a_page_label_is_only_furniture() -> None:
    bank = _bank(TARIFFS)
    assert only_title(bank, sentence_opening(bank, "Page 1/1"))
    assert only_title(bank, sentence_opening(bank, "- 2 -"))
    assert not only_title(bank, sentence_opening(bank, "Week-end"))
    assert not only_title(bank, sentence_opening(bank, "La caution"))


def test_a_sentence_is_read_as_a_title_or_not_once_for_every_question(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bank = _bank(TARIFFS)
    label, price = sentence_opening(bank, "Page 1/1"), sentence_opening(bank, "Week-end")
    seen: list[int] = []
    reading = titleonly._seen
    monkeypatch.setattr(titleonly, "_seen", lambda b, n: seen.append(n) or reading(b, n))
    for _ in range(3):  # as three questions' candidates
        assert only_title(bank, label) and not only_title(bank, price)
    assert seen == [label, price]
    assert only_title(_bank(TARIFFS.replace("Page 1/1", "Page un.")), label) is False  # its own
    assert seen == [label, price, label]


def test_the_quote_is_chosen_past_a_page_label_the_ranker_puts_first() -> None:
    bank = _bank(TARIFFS)
    order = [
        sentence_opening(bank, "Page 1/1"),
        sentence_opening(bank, "Week-end"),
        sentence_opening(bank, "- 2 -"),
    ]
    items = [ScoredSentence(i, 1.0, 0.0, 0.0, 0.0, 1) for i in order]
    candidates = Candidates(items, np.array([0.77, 0.13, 0.1]), np.zeros((3, 2)))
    kept = quotable(candidates, bank)
    assert [s.index for s in kept.sentences] == [order[1]]


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("Page 1/1", True),
        ("Page 3 of 12", True),
        ("page 3 sur 12", True),
        ("p. 2", True),
        ("- 4 -", True),
        ("– 12 –", True),
        ("Page 3 explains the fees.", False),
        ("p. 2 of the report", False),
        ("12", False),
        ("Page", False),
    ],
)
def test_page_labels_are_read_from_the_language_data(line: str, label: bool) -> None:
    assert is_page_label(line) is label


CHANGES = (
    "## 23.1.0 - 2023-04-16\n\n"
    "- Python 3.6 has been dropped and packaging switched to static package data.\n"
    "  [#993](https://github.com/python-attrs/attrs/issues/993)\n"
)


def test_a_line_of_reference_links_is_never_the_quote() -> None:
    document = Document(doc_id="d", title="Changes", path="/d.md", text=CHANGES, sha256="0")
    chunks = chunk_document(document)
    rows = document_sentences(CHANGES, [(i, c.start, c.end) for i, c in enumerate(chunks)], "md")
    sentences = [
        Sentence(doc_id="d", chunk_index=int(c), start=int(s), end=int(e)) for c, s, e in rows
    ]
    bank = SentenceBank({"d": document}, chunks, sentences, None, [frozenset()] * len(sentences))
    order = [
        next(i for i, s in enumerate(sentences) if CHANGES[s.start : s.end].startswith(opening))
        for opening in ("[#993]", "- Python 3.6")
    ]
    items = [ScoredSentence(i, 1.0, 0.0, 0.0, 0.0, 1) for i in order]
    kept = quotable(Candidates(items, np.array([0.7, 0.3]), np.zeros((2, 2))), bank)
    assert [s.index for s in kept.sentences] == [order[1]]


@pytest.mark.parametrize(
    ("line", "reference"),
    [
        ("[#993](https://github.com/python-attrs/attrs/issues/993)", True),
        ("- [#12](https://x.org/12), [#13](https://x.org/13)", True),
        ("[1](#fn1)", True),
        ("[MIT](LICENSE)", False),
        ("[#993](https://x.org/993) fixed the build", False),
        ("#993", False),
    ],
)
def test_a_reference_link_line_writes_no_word_in_its_links(line: str, reference: bool) -> None:
    assert is_reference_link_line(line) is reference
