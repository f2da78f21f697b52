"""Questions on mail threads (mail_candidates.py): a header line answers only a question about a
header value, a question asking who replied is never answered from a thread's first message (a
thread of one message has no reply), and a question asking the phone number of a person it
names quotes that person's signature line, not the disclaimer under it (s18 trial: u12, ue3,
u11, x07)."""

from __future__ import annotations

from pathlib import Path

from integration_helpers import fake_settings

from citeqa.api import Assistant, build_index, open_assistant

DISCLAIMER = (
    "CONFIDENTIALITY NOTICE: This e-mail is confidential and intended solely for the addressee."
)
SWAP = f"""From: Marco Bellini <m.bellini@lab.example.org>
To: lab-list@lab.example.org
Date: Mon, 13 Oct 2025 09:00:00 +0000
Subject: Journal club swap 17 October

Can someone swap journal club with me on 17 October? I will be at a workshop in Hinxton.
Marco

--
Marco Bellini
Bioinformatician

{DISCLAIMER}
"""
ORDER = f"""From: Claire Fontaine <c.fontaine@lab.example.org>
To: Tom Reyes <t.reyes@lab.example.org>
Date: Thu, 6 Mar 2025 11:00:00 +0100
Subject: Liquid nitrogen order

The liquid nitrogen dewar in room B2.11 is almost empty. Could you order 100 L?
Claire

--
Claire Fontaine
PhD student

{DISCLAIMER}

============================================================

From: Tom Reyes <t.reyes@lab.example.org>
To: Claire Fontaine <c.fontaine@lab.example.org>
Date: Thu, 6 Mar 2025 14:30:00 +0100
Subject: Re: Liquid nitrogen order

Ordered 100 L of liquid nitrogen from the supplier, delivery on Monday 10 March.
Tom

--
Tom Reyes
Lab Manager
ext. 4470

{DISCLAIMER}
"""
REVISION = f"""From: Lena Hartmann <l.hartmann@lab.example.org>
To: Karim Benali <k.benali@lab.example.org>
Date: Wed, 12 Feb 2025 08:10:00 +0000
Subject: Paper revision

Good catch. Karim writes the response to reviewers by 28 February.
Lena

--
Lena Hartmann, PhD
Group Leader
University of Northbrook | +44 1632 960 118

{DISCLAIMER}
"""
NOTE = "# Greenhouse\n\nThe greenhouse compartment GH-7 holds the wheat trials of 2025.\n"


def _assistant(tmp_path: Path) -> Assistant:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in (
        ("swap.txt", SWAP),
        ("order.txt", ORDER),
        ("revision.txt", REVISION),
        ("greenhouse.md", NOTE),
    ):
        (corpus / name).write_text(text, encoding="utf-8")
    settings = fake_settings(corpus, tmp_path / "index")
    build_index(settings)
    return open_assistant(settings, build_if_missing=False)


HEADER_LINE = ("From:", "To:", "Date:", "Subject:")


def test_mail_questions_quote_messages_replies_and_signatures_as_asked(tmp_path: Path) -> None:
    assistant = _assistant(tmp_path)

    for question in (
        "Who swapped journal club with Marco on 17 October?",
        "When is the liquid nitrogen delivery?",
        "What did Lena say about the response to reviewers?",
    ):
        answer = assistant.ask(question)
        quoted = [line for c in answer.citations for line in c.quote.splitlines()]
        assert not any(line.startswith(HEADER_LINE) for line in quoted), (question, quoted)
        assert all(not c.section.startswith("Headers · ") for c in answer.citations), question

    lone = assistant.ask("Who replied to the journal club swap request?")
    assert all(c.doc_id != "swap" for c in lone.citations), lone.citations

    replied = assistant.ask("Who replied to the liquid nitrogen order?")
    assert all(c.section and c.section.startswith("Tom Reyes") for c in replied.citations), (
        replied.citations
    )

    phone = assistant.ask("What is the phone number of Lena Hartmann?")
    assert not phone.abstained
    assert "+44 1632 960 118" in phone.citations[0].quote
    assert phone.citations[0].section == "Signature · Lena Hartmann"
    assert "CONFIDENTIALITY" not in phone.citations[0].quote  # the next paragraph's boilerplate


SAVED_REPLY = """From: Tom Reyes <t.reyes@lab.example.org>
To: Claire Fontaine <c.fontaine@lab.example.org>
Date: Thu, 6 Mar 2025 14:30:00 +0100
Subject: Re: Minnesota data request

We cannot share the Minnesota yield data before the paper is out; ask again in June.
Tom

On Thu, 6 Mar 2025, Claire Fontaine wrote:
> Could we get the Minnesota yield data for the rust model?
> Claire
"""
DEADLINE = f"""From: Tom Reyes <t.reyes@lab.example.org>
To: Claire Fontaine <c.fontaine@lab.example.org>
Date: Thu, 6 Mar 2025 14:30:00 +0100
Subject: Thesis deadline

I asked the graduate school for an extension of the thesis deadline: it moves to 30 June 2025.
Tom

--
Tom Reyes
Lab Manager
ext. 4470

{DISCLAIMER}
"""
AUTOCLAVE = """From: Dee Quinn <dee@lab.example.org>
To: lab@lab.example.org
Date: Fri, 7 Mar 2025 10:00:00 +0000
Subject: Autoclave

The autoclave cycle lasts 45 minutes at 121 degrees.
"""


def test_a_saved_reply_a_deadline_extension_and_a_duration_are_quoted_from_the_message(
    tmp_path: Path,
) -> None:
    """Review of s19-mailhdr: a reply saved on its own answered no "who replied" question (an
    unrelated note was quoted), "extension" of a deadline quoted Tom's signature; s19 hostile
    #4: "How long …?" kept the message's heading "Dee Quinn · 7 Mar 2025" in the quote."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in (
        ("reply.txt", SAVED_REPLY),
        ("deadline.txt", DEADLINE),
        ("autoclave.txt", AUTOCLAVE),
        ("greenhouse.md", NOTE),
    ):
        (corpus / name).write_text(text, encoding="utf-8")
    settings = fake_settings(corpus, tmp_path / "index")
    build_index(settings)
    assistant = open_assistant(settings, build_if_missing=False)

    replied = assistant.ask("Who replied to the Minnesota data request?")
    assert [c.doc_id for c in replied.citations][:1] == ["reply"], replied.citations
    assert "We cannot share" in replied.citations[0].quote

    extension = assistant.ask("Until when did Tom get an extension of the thesis deadline?")
    assert extension.citations and "30 June 2025" in extension.citations[0].quote
    asked = assistant.ask("What is the phone extension of Tom Reyes?")
    assert asked.citations and "4470" in asked.citations[0].quote

    cycle = assistant.ask("How long does the autoclave cycle last?")
    assert cycle.citations
    assert cycle.citations[0].quote == "The autoclave cycle lasts 45 minutes at 121 degrees."
