"""A quote never opens on the heading its citation already names (session 17 trial: "Fixed⏎⏎-
Fixed crash when the customer name is empty.", "Article 2 — Prix⏎La redevance mensuelle…",
"1. Controller⏎⏎The controller is…"), whatever the heading's kind: Markdown, an underlined
(RST, setext) title, an HTML page's heading line, a plain-text numbered line over prose. A
heading stays when it is all the quote, or when it holds the value asked for ("Helix 2.8 (12
February 2026)" for "when was it released?"). Documents are cut as a build cuts them."""

from __future__ import annotations

import pytest

from citeqa import mail_candidates
from citeqa.chunking import chunk_document
from citeqa.mailthreads import mail_text
from citeqa.models import Citation, Document, Hit, Sentence
from citeqa.questions import QuestionTerms
from citeqa.quoting import citations_of, quote_spans, verified
from citeqa.sentences import ScoredSentence, SentenceBank
from citeqa.tallies import document_sentences


def _citations(
    text: str, chosen: list[str], kind: str = "md", question: str | None = None
) -> list[Citation]:
    """The citations of the sentences `chosen` (by their text) of one document cut as a build
    cuts it, for `question` when given."""
    doc = Document(doc_id="d", title="Doc", path=f"/d.{kind}", text=text, sha256="0", kind=kind)
    chunks = list(chunk_document(doc))
    rows = document_sentences(text, [(n, c.start, c.end) for n, c in enumerate(chunks)], kind)
    sentences = [Sentence(doc_id="d", chunk_index=n, start=a, end=b) for n, a, b in rows.tolist()]
    bank = SentenceBank({"d": doc}, chunks, sentences, None, [frozenset() for _ in sentences])
    cut = [text[s.start : s.end] for s in sentences]
    items = [ScoredSentence(cut.index(sentence), 1.0, 0.0, 0.0, 0.0, 1) for sentence in chosen]
    hits = [Hit(chunk=chunk, chunk_index=n, score=1.0) for n, chunk in enumerate(chunks)]
    terms = None if question is None else QuestionTerms(focus=question)
    cited = citations_of(quote_spans(items, bank, hits, terms), bank.documents)
    assert verified(cited, bank.documents)
    return cited


def _quotes(
    text: str, chosen: list[str], kind: str = "md", question: str | None = None
) -> list[str]:
    return [c.quote for c in _citations(text, chosen, kind, question)]


PRICE = "# Contrat — OVHcloud\n\n## Article 2 — Prix\nLa redevance mensuelle est de 1450 euros.\n"
CHANGELOG = (
    "# Changelog\n\n## [3.5.1] - 2025-09-03\n\n### Fixed\n\n"
    "- Fixed crash when the customer name is empty.\n"
)
MAIL = """From: Claire Fontaine <c.fontaine@lab.example.org>
To: Tom Reyes <t.reyes@lab.example.org>
Date: Thu, 6 Mar 2025 11:00:00 +0100
Subject: Nitrogen order

Could you order 100 L?

=====

From: Tom Reyes <t.reyes@lab.example.org>
To: Claire Fontaine <c.fontaine@lab.example.org>
Date: Thu, 6 Mar 2025 14:30:00 +0100
Subject: Re: Nitrogen order

Ordered, delivery on Monday.
"""
POLICY = (
    "# Privacy policy\n\n## 1. Controller\n\n"
    "The controller is Ardoise Logiciels SAS, 14 rue des Tanneurs, 69002 Lyon.\n"
)


def test_a_short_sentence_under_a_markdown_heading_is_quoted_without_it() -> None:
    fee = "La redevance mensuelle est de 1450 euros."
    cited = _citations(PRICE, [fee])
    assert [c.quote for c in cited] == [fee]
    assert cited[0].section == "Article 2 — Prix"  # the citation names it
    fixed = "- Fixed crash when the customer name is empty."
    assert _quotes(CHANGELOG, [fixed]) == [fixed]
    assert _quotes(CHANGELOG, ["### Fixed"]) == [fixed]  # a chosen heading runs on under it


def test_a_section_number_is_no_value_the_heading_holds() -> None:
    body = "The controller is Ardoise Logiciels SAS, 14 rue des Tanneurs, 69002 Lyon."
    assert _quotes(POLICY, ["## 1. Controller", body]) == [body]  # one sentence (cutting 21)
    assert _quotes(POLICY, ["## 1. Controller"], question="Who is the controller?") == [body]


def test_an_underlined_title_is_left_out_with_its_underline() -> None:
    text = "Minutes\n=======\n\nDecisions\n---------\n\nThe board approved the 4.0 release.\n"
    assert _quotes(text, ["The board approved the 4.0 release."], "rst") == [
        "The board approved the 4.0 release."
    ]


def test_a_plain_text_numbered_heading_over_prose_is_left_out() -> None:
    prose = "The response rate at week fifty-two was higher in the treated arm, 56.2 %."
    text = f"Trial report\n\nIntro line.\n3. Results\n{prose}\n"
    cited = _citations(text, ["3. Results", prose], "text")
    assert [c.quote for c in cited] == [prose]
    assert cited[0].section == "3. Results"


RELEASES = (
    "Helix Pipeline — Release notes\n\nHelix 2.8 (12 February 2026)\n\n"
    "This release adds incremental checkpoints. We fixed a crash on empty files.\n"
)
"""An HTML page's text as its reader writes it: each heading on its own line."""


def test_a_heading_holding_the_value_asked_for_stays() -> None:
    """The short "We fixed a crash…" takes in the lines above it (a slide's label lines), the
    heading among them: kept for "when", left out for "what"."""
    fix = "We fixed a crash on empty files."
    body = f"This release adds incremental checkpoints. {fix}"
    when = _quotes(RELEASES, [fix], "html", "When was the crash on empty files fixed?")
    assert when == [f"Helix 2.8 (12 February 2026)\n\n{body}"]
    assert _quotes(RELEASES, [fix], "html", "Which crash was fixed?") == [body]


def test_a_heading_quoted_alone_stays() -> None:
    text = "# Notes\n\n## Decisions\n\n## Next meeting\n\nThe next one is in the spring.\n"
    assert _quotes(text, ["## Decisions"]) == ["Decisions"]


LEASE = (
    "# Lease\n\nSigned by the landlord:\n\nJean Dupont\n\n"
    "The tenant accepts every clause of this lease.\n"
)
WINNER = "# Contest\n\n## Winner\n\nAlice Martin\n\nShe won the first prize this year.\n"


def test_a_chosen_name_line_read_as_a_heading_stays_for_who() -> None:
    """A short capitalised line alone is a plain-text heading to a build; chosen itself and
    holding a name, it is the answer to "who" (it was cut out of 'Jean Dupont⏎⏎The tenant…')."""
    tenant = "The tenant accepts every clause of this lease."
    who = _quotes(LEASE, ["Jean Dupont", tenant], question="Who signed for the landlord?")
    assert who == [f"Jean Dupont\n\n{tenant}"]
    won = "She won the first prize this year."
    assert _quotes(WINNER, ["Alice Martin", won], question="Who won the contest?") == [
        f"Alice Martin\n\n{won}"
    ]


def test_a_name_line_not_chosen_or_not_asked_for_is_still_left_out() -> None:
    tenant = "The tenant accepts every clause of this lease."
    asked = "Who signed for the landlord?"
    assert _quotes(LEASE, [tenant], question=asked) == [tenant]  # not chosen: a heading
    what = "What does the tenant accept?"
    assert _quotes(LEASE, ["Jean Dupont", tenant], question=what) == [tenant]  # no name asked
    minutes = "Minutes\n\nDecisions\n\nThe board approved the 4.0 release of Ardoise CLI.\n"
    approved = "The board approved the 4.0 release of Ardoise CLI."
    who_approved = "Who approved the release?"
    assert _quotes(minutes, ["Decisions", approved], "text", who_approved) == [approved]


CALL = (
    "# Vendor call\n\n## Maria Lopez · 10:02 AM\n"
    "Thanks for joining. We wanted to go over the SIP trunk offer.\n\n"
    "## Daniel Okafor · 10:03 AM\nSure. Our offer is 18,400 EUR per year.\n"
)
"""A meeting export as transcripts.py writes it: each turn under its speaker and time."""


def test_a_heading_holding_only_a_time_of_day_is_no_amount_asked_for() -> None:
    """A "How much…?" question asks a number; the "10:02" of when Maria spoke is none (the s19
    trial's "How much does Northwind Telecom charge…?" quoted "Maria Lopez · 10:02 AM" first)."""
    how_much = "How much does the SIP trunk offer cost?"
    thanks = "Thanks for joining. We wanted to go over the SIP trunk offer."
    assert _quotes(CALL, ["Thanks for joining."], "txt", how_much) == [thanks]
    chosen = ["## Daniel Okafor · 10:03 AM", "Sure."]
    offer = "Sure. Our offer is 18,400 EUR per year."
    assert _quotes(CALL, chosen, "txt", "How much is the offer per year?") == [offer]
    when = _quotes(CALL.replace("10:03 AM", "3 Mar 2026"), ["Sure."], "txt", "When was it offered?")
    assert when[0].startswith("Daniel Okafor · 3 Mar 2026\n")  # a day in a heading stays a value


def test_a_ratio_in_a_heading_is_an_amount_asked_for() -> None:
    """Third review: every "d:dd" of every heading was read as a time of day and stripped."""
    guide = "# Cleaning guide\n\n## Bleach dilution 1:10\nMix it in a bucket of water.\n"
    mix = "Mix it in a bucket of water."
    how_much = "How much bleach per litre of water?"
    assert _quotes(guide, [mix], "md", how_much) == [f"Bleach dilution 1:10\n{mix}"]


def test_a_threads_layout_is_read_once_a_call_and_a_senders_heading_is_the_messages(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Review of s19-mend-mail: every heading of every span read its thread's layout anew;
    and a "## Budget" a sender wrote counted as a heading mailthreads wrote, never kept."""
    written = mail_text(MAIL.replace("Could you order", "## Budget 2026\nCould you order"))
    assert written is not None
    read: list[str] = []
    reading = mail_candidates.layout_of

    def counted(document: Document) -> mail_candidates.MailLayout | None:
        read.append(document.doc_id)
        return reading(document)

    monkeypatch.setattr(mail_candidates, "layout_of", counted)
    chosen = [
        "## Budget 2026",
        "Could you order 100 L?",
        "## Tom Reyes · 6 Mar 2025",
        "Ordered, delivery on Monday.",
    ]
    quotes = _quotes(written[0], chosen, kind="txt", question="What is the 2026 budget?")
    assert quotes == ["Budget 2026\nCould you order 100 L?", "Ordered, delivery on Monday."]
    assert read == ["d"]  # two spans opening on headings, one layout read
