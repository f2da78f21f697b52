"""A question asking a section by its heading's words is answered under that heading (s24
trial: "What was the root cause of the May 2026 email outage?" quoted the post-mortem's
"| Date | 19 May 2026 |" row over the sentence under "## Root cause"). Documents are cut as a
build cuts them."""

from __future__ import annotations

import numpy as np

from citeqa.answer_location import Reading
from citeqa.asked_headings import asks_heading, heading_words
from citeqa.candidates import Candidates
from citeqa.chunking import chunk_document
from citeqa.lexical import tokenize
from citeqa.models import Document, Hit, Sentence
from citeqa.questions import QuestionTerms
from citeqa.section_answers import under_asked_heading
from citeqa.sentences import ScoredSentence, SentenceBank
from citeqa.tallies import document_sentences

TITLE = "Post-mortem 2026-05-19 Email delivery outage"
PAGE = (
    f"# {TITLE}\n\n"
    "| Field | Value |\n|---|---|\n| Date | 19 May 2026 |\n| Severity | SEV1 |\n\n"
    "## Summary\n\nNo e-mail left between 06:02 and 08:15 UTC.\n\n"
    "## Root cause\n\nThe TLS certificate of the SMTP relay expired.\n\n"
    "## Action items\n\nAlert 21 days before any certificate expires.\n"
)
CAUSE = "The TLS certificate of the SMTP relay expired."
DATE_ROW = "| Date | 19 May 2026 |"


def _terms(question: str) -> QuestionTerms:
    words = [w for w in tokenize(question, "en") if not w.isdigit()]
    terms = [(frozenset({word}), 1.0) for word in words]
    return QuestionTerms(focus=question, terms=terms, focus_terms=len(terms))


def _asks(question: str, heading: str, title: str = TITLE) -> bool:
    words = heading_words(heading, "en")
    return asks_heading(words, heading_words(title, "en"), _terms(question), "en")


def test_a_heading_is_asked_when_the_question_writes_each_of_its_words() -> None:
    assert _asks("What was the root cause of the outage?", "Root cause")
    # "cause" alone asks no "Root cause"; the title names the document, no section
    assert not _asks("What caused the outage?", "Root cause")
    assert not _asks("post-mortem email delivery outage", TITLE)
    # the heading names what the question asks, not a complement of it
    assert _asks("What is the detection limit of the LAMP assay?", "3.1 Limit of detection")
    paper = "Rapid LAMP detection of Fusarium graminearum"
    question = "What sensitivity did the LAMP assay reach on field samples?"
    assert not _asks(question, "2.3 Field samples", paper)


def test_one_word_is_asked_only_when_the_question_asks_nothing_else_of_its_document() -> None:
    # the title's words and interrogatives aside, "summary" is all it asks
    assert _asks("What is the summary of the outage?", "Summary")
    assert _asks("Comment conserver Doliprane ?", "CONSERVATION", "DOLIPRANE 1000 mg")
    # one word heads too many sections to be asked among other words
    assert not _asks("Give me a summary of the outage", "Summary")
    assert not _asks("How many life years per patient does early treatment gain?", "Patients")


def test_a_numbered_anchored_or_abbreviated_heading_reads_as_its_words() -> None:
    words = heading_words("Root cause", "en")
    assert words == {"root", "caus"}
    for heading in ("## 1. Root cause", "## Root cause {#rc}", "## Root cause (RCA)"):
        assert heading_words(heading, "en") == words, heading


def test_a_carried_context_asks_no_heading() -> None:
    carried = _terms("What was it?")
    carried.terms.extend([(frozenset({"root"}), 0.5), (frozenset({"caus"}), 0.5)])
    assert tokenize("root cause", "en") == ["root", "caus"]
    assert not asks_heading(heading_words("Root cause", "en"), frozenset(), carried, "en")


PORTFOLIO = (
    "# Portfolio review Q3\n\n## Project status\n\nMost projects are on track.\n\n"
    "## Apollo\n\nApollo is on hold since March because the vendor went bankrupt.\n\n"
    "## Hermes\n\nHermes shipped its first release in August.\n"
)
ON_TRACK = "Most projects are on track."
ON_HOLD = "Apollo is on hold since March because the vendor went bankrupt."


def test_the_best_under_a_heading_naming_a_word_asked_stays_first() -> None:
    reading, cut = _reading("What is the status of project Apollo?", PORTFOLIO)
    ranked = _candidates(cut, [ON_HOLD, ON_TRACK])
    assert under_asked_heading(ranked, reading) is ranked
    # under a heading naming nothing asked, the asked heading's sentence still comes first
    reading, cut = _reading(
        "What is the project status of Hermes?", PORTFOLIO.replace("Hermes", "Zeus")
    )
    ranked = under_asked_heading(_candidates(cut, [ON_HOLD, ON_TRACK]), reading)
    assert [cut[item.index] for item in ranked.sentences] == [ON_TRACK]


def _reading(question: str, page: str = PAGE) -> tuple[Reading, list[str]]:
    title = page.splitlines()[0].removeprefix("# ")  # as the Markdown reader reads it
    doc = Document(doc_id="d", title=title, path="/d.md", text=page, sha256="0", kind="md")
    chunks = list(chunk_document(doc))
    rows = document_sentences(page, [(n, c.start, c.end) for n, c in enumerate(chunks)], "md")
    sentences = [Sentence(doc_id="d", chunk_index=n, start=a, end=b) for n, a, b in rows.tolist()]
    cut = [page[s.start : s.end] for s in sentences]
    bank = SentenceBank({"d": doc}, chunks, sentences, None, [frozenset() for _ in sentences])
    hits = [Hit(chunk=chunk, chunk_index=n, score=1.0) for n, chunk in enumerate(chunks)]
    return Reading(bank, hits, _terms(question)), cut


def _candidates(cut: list[str], chosen: list[str]) -> Candidates:
    items = [ScoredSentence(cut.index(text), 1.0, 0.0, 0.0, 0.0, 1) for text in chosen]
    return Candidates(items, np.linspace(0.8, 0.1, len(items)), np.zeros((len(items), 1)))


def test_the_sentence_under_the_asked_heading_is_quoted_over_a_row_rated_higher() -> None:
    reading, cut = _reading("What was the root cause of the May 2026 email outage?")
    ranked = under_asked_heading(_candidates(cut, [DATE_ROW, CAUSE]), reading)
    assert [cut[item.index] for item in ranked.sentences] == [CAUSE]


def test_no_heading_asked_or_the_best_under_it_leaves_the_candidates() -> None:
    reading, cut = _reading("What was the root cause of the May 2026 email outage?")
    under = _candidates(cut, [CAUSE, DATE_ROW])
    assert under_asked_heading(under, reading) is under
    reading, cut = _reading("When was the email outage?")
    rows = _candidates(cut, [DATE_ROW, CAUSE])
    assert under_asked_heading(rows, reading) is rows
