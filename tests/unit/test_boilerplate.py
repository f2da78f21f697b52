"""Boilerplate (boilerplate.py): the lines a corpus repeats across documents, or many times over
two, are chosen at build time; a sentence mostly made of them, or standing in a mail's
signature block, is boilerplate; a quote never runs on into it."""

from __future__ import annotations

import numpy as np
import pytest

from citeqa.boilerplate import (
    MAX_LINES,
    Boilerplate,
    LineCounts,
    document_lines,
    in_signature,
    line_key,
    own_boilerplate_blanked,
)
from citeqa.lexical import tokenize
from citeqa.models import Chunk, Document, Hit, Sentence
from citeqa.quoting import citations_of, quote_spans
from citeqa.sentences import ScoredSentence, SentenceBank

NOTICE = "CONFIDENTIALITY NOTICE: This e-mail is confidential. Delete it if sent in error."
HEADER = "Journal of Plant Pathology Methods · Vol. 12 (2025) · 41-47"


def _counted(*texts: str) -> LineCounts:
    counts = LineCounts()
    for text in texts:
        counts.add(document_lines(text))
    return counts


def test_a_line_in_three_documents_is_boilerplate_and_in_two_is_not() -> None:
    mails = [f"Mail {n} says the trap broke on day {n}.\n\n{NOTICE}\n" for n in range(3)]
    assert _counted(*mails).chosen() == [line_key(NOTICE)]
    assert _counted(*mails[:2]).chosen() == []


def test_a_copy_of_a_document_counted_is_not_counted_again() -> None:
    """s41 hostile M0: a document and two byte copies of it (the same digest) are one
    document's lines; three documents of the same text but other bytes are three."""
    lines = document_lines(f"A recipe's one line of six words or more.\n\n{NOTICE}\n")
    copies = LineCounts()
    for _ in range(3):
        copies.add(lines, "sha-of-the-recipe")
    assert copies.chosen() == []
    others = LineCounts()
    for number in range(3):
        others.add(lines, f"sha-{number}")
    assert others.chosen() == sorted(lines)
    undigested = LineCounts()
    for _ in range(3):
        undigested.add(lines)
    assert undigested.chosen() == sorted(lines)


def test_a_running_header_two_documents_repeat_is_boilerplate() -> None:
    paper = f"{HEADER}\nPage one of the paper.\n\n{HEADER}\nPage two of the paper.\n"
    other = f"{HEADER}\nAnother paper, its first page.\n"
    assert _counted(paper, other).chosen() == [line_key(HEADER)]
    assert _counted(paper).chosen() == []  # one document alone: repeated pages are its own


def test_a_short_line_is_never_keyed() -> None:
    assert line_key("Best regards,") is None and line_key("| Year | Cases |") is None
    assert line_key("  Privacy  policy accept ALL ") == line_key("privacy policy accept all")


def test_words_are_counted_without_marks_and_a_table_row_is_never_keyed() -> None:
    """s18 review: pipes counted as words, so a repeated total row was boilerplate."""
    assert line_key("| Total | 212 | 45 | 18 | 3 | 7 |") is None
    assert line_key("- - - a b c - - -") is None  # three words among marks
    counts = _counted(*[f"Site {n}\n| Total | 212 | 45 | 18 | 3 | 7 |\n" for n in range(3)])
    assert counts.chosen() == []


def test_a_document_keys_at_most_max_document_keys_lines(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("citeqa.boilerplate.MAX_DOCUMENT_KEYS", 5)
    text = "".join(f"log line {n} of the service worker\n" for n in range(50))
    repeated = "the first line of the service log\n"
    lines = document_lines(repeated + text + repeated)
    assert len(lines) == 5 and lines[line_key(repeated) or ""] == 2


def test_the_stored_lines_are_bounded_most_repeated_first() -> None:
    counts = LineCounts()
    for _ in range(2):  # each line twice in two documents: repeated
        counts.add({f"{n:016x}": 2 for n in range(MAX_LINES + 5)})
    counts.add({f"{n:016x}": 1 for n in range(MAX_LINES, MAX_LINES + 5)})  # the last five: 5 times
    chosen = counts.chosen()
    assert len(chosen) == MAX_LINES
    assert {f"{n:016x}" for n in range(MAX_LINES, MAX_LINES + 5)} <= set(chosen)


def test_a_sentence_is_boilerplate_when_most_of_its_words_are() -> None:
    text = f"{HEADER}\n2.3 Field samples A total of 212 grain samples were collected in 2021.\n"
    kept = Boilerplate(frozenset({line_key(HEADER) or ""}))
    assert kept.covers(text, 0, len(HEADER))
    assert not kept.covers(text, 0, len(text))  # the header glued to a longer paragraph
    assert not Boilerplate().covers(text, 0, len(HEADER))


MAIL_HEADERS = "From: Tom Reyes <tom@example.org>\nSubject: trap\n\n"


def test_a_mails_signature_block_is_boilerplate() -> None:
    text = (
        f"{MAIL_HEADERS}Hi,\nthe trap is fixed.\nTom\n\n--\nTom Reyes\nLab Manager, B2\n\nNext.\n"
    )
    assert [in_signature(text, text.index(part)) for part in ("the trap", "--", "Lab", "Next")] == [
        False,
        True,
        True,
        False,
    ]
    assert Boilerplate().covers(text, text.index("Tom\n"), text.index("Lab") + 3)


@pytest.mark.parametrize("stored", [{"boilerplate": "abc"}, {"boilerplate": [1, 2]}])
def test_unreadable_stored_lines_are_a_value_error(stored: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="boilerplate"):
        Boilerplate.of(stored)


def test_an_index_written_before_has_none() -> None:
    assert Boilerplate.of(None).keys == frozenset() == Boilerplate.of({"format": 1}).keys


def test_a_short_quote_never_runs_on_into_boilerplate() -> None:
    text = f"Loan unit posted\n{NOTICE}"
    cuts = [(0, len("Loan unit posted")), (len("Loan unit posted") + 1, len(text))]
    doc = Document(doc_id="d", title="d", path="/d.txt", text=text, sha256="0")
    chunk = Chunk(chunk_id="d:0", doc_id="d", start=0, end=len(text), text=text)
    sentences = [Sentence(doc_id="d", chunk_index=0, start=a, end=b) for a, b in cuts]
    tokens = [frozenset(tokenize(text[a:b], "en")) for a, b in cuts]
    hits = [Hit(chunk=chunk, chunk_index=0, score=1.0)]
    chosen = [ScoredSentence(0, 1.0, 0.0, 0.0, 0.0, 1)]

    def quoted(boilerplate: Boilerplate) -> str:
        bank = SentenceBank({"d": doc}, [chunk], sentences, None, tokens, None, boilerplate)
        return citations_of(quote_spans(chosen, bank, hits), {"d": doc})[0].quote

    assert NOTICE in quoted(Boilerplate())  # a short label line runs on into the next line
    assert quoted(Boilerplate(frozenset({line_key(NOTICE) or ""}))) == "Loan unit posted"


def test_a_french_mail_under_an_english_signature_and_disclaimer_is_french() -> None:
    """s18 trial: French threads were labelled English ("mail: en 19, fr 1")."""
    from citeqa.doctally import measure
    from citeqa.models import Document

    signature = "--\nClaire Fontaine\nDoctoral student, Laboratory of Cereal Pathogen Genomics\n"
    mail = (
        "Bonjour Tom,\nle dewar d'azote liquide de la salle est presque vide, peux-tu en "
        f"commander cent litres ?\nClaire\n\n{signature}\n{NOTICE} {NOTICE}\n\n"
    )
    text = mail + "Merci, c'est fait.\nTom\n\n" + signature + f"\n{NOTICE} {NOTICE}\n"
    doc = Document(doc_id="m", title="m", path="/m.txt", text=text, sha256="0")
    found = np.zeros((0, 3), dtype=np.int64)
    assert measure(doc, [(0, len(text), "en")], found, "r").languages == ["fr"]


def test_past_max_held_the_lines_in_most_documents_are_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("citeqa.boilerplate.MAX_HELD", 10)
    counts = LineCounts()
    for _ in range(3):
        counts.add({"repeated": 1})
    for n in range(30):  # each document brings a new line: pruned every few documents
        counts.add({f"{n:016x}": 1})
        assert len(counts.documents) <= 10
    assert counts.chosen() == ["repeated"]


def test_a_welcome_example_reads_the_text_without_its_boilerplate() -> None:
    """s18 trial: the welcome offered "What about Dr Sofia?", from a signature."""
    text = f"{MAIL_HEADERS}Hi all,\nthe qPCR controls failed.\n\n--\nDr Sofia Marquez\n\n{NOTICE}\n"
    kept = Boilerplate(frozenset({line_key(NOTICE) or ""})).without(text)
    assert kept == f"{MAIL_HEADERS}Hi all,\nthe qPCR controls failed.\n\n\n"


def test_a_notes_dashes_line_opens_no_signature_block() -> None:
    """s18 review: a note's "--" line hid the lines under it from every answer."""
    note = "Field trial plan\n\n--\nSow the plots on 12 March.\nScore rust on day 21.\n"
    assert not Boilerplate().covers(note, note.index("Sow"), note.index("March") + 6)
    assert Boilerplate().without(note) == note
    assert own_boilerplate_blanked(note, document_lines(note)) == note


def test_a_signature_as_mailthreads_writes_it_is_boilerplate() -> None:
    from citeqa.mailthreads import mail_text

    raw = f"{MAIL_HEADERS}Hi,\nthe trap is fixed.\n\n--\nTom Reyes\nLab Manager, Building B2\n"
    written = (mail_text(raw) or ("", None))[0]
    at = written.index("Lab Manager")
    assert Boilerplate().covers(written, at, at + len("Lab Manager, Building B2"))
    assert not Boilerplate().covers(written, written.index("the trap"), written.index("fixed"))


def test_own_boilerplate_blanked_blanks_the_lines_its_counts_repeat_offsets_held() -> None:
    repeated = "Sent from the field station laptop, please excuse typos"
    text = f"{repeated}\nThe rust scores rose on plot four this week.\n{repeated}\n"
    blanked = own_boilerplate_blanked(text, document_lines(text))
    blank = " " * len(repeated)
    assert blanked == f"{blank}\nThe rust scores rose on plot four this week.\n{blank}\n"
    assert own_boilerplate_blanked(text, {}) == text  # a line past MAX_DOCUMENT_KEYS is kept
