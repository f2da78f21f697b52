"""A text file that is an e-mail thread is read as its messages (the s18 user trial: threads
titled "Hello,", a sign-off cited as the section, Tom's words cited from Lena's "> " quote of
them, no citation saying whose message a quote is)."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeqa.blocks import headings
from citeqa.chunking import chunk_document
from citeqa.citedsection import citation_section
from citeqa.corpus import read_corpus
from citeqa.mailthreads import is_mail, mail_text, subject_title
from citeqa.models import Document

DISCLAIMER = (
    "CONFIDENTIALITY NOTICE: This e-mail is confidential and intended solely for the addressee."
)

THREAD = f"""From: Priya Natarajan <p.natarajan@example.ac.uk>
To: lab@lists.example.ac.uk
Date: Mon, 3 Mar 2025 09:12:04 +0000
Subject: MinION flow cell storage

Hi all,
flow cells must be stored at 2-8 °C in the fridge in B2.12, not in the freezer.
Priya

--
Priya Natarajan | Genomics postdoc

{DISCLAIMER}

============================================================

From: Tom Reyes <t.reyes@example.ac.uk>
To: lab@lists.example.ac.uk
Date: Mon, 3 Mar 2025 10:40:51 +0000
Subject: Re: MinION flow cell storage

Thanks Priya. I have put a label on the fridge door.

Tom

--
Tom Reyes
Lab Manager

On Mon, 3 Mar 2025 09:12:04 +0000, Priya Natarajan wrote:
> Hi all,
> flow cells must be stored at 2-8 °C in the fridge in B2.12, not in the freezer.
> Priya

============================================================

From: Lena Hartmann <l.hartmann@example.ac.uk>
Date: Tue, 4 Mar 2025 13:02:17 +0000
Subject: RE : Re: MinION flow cell storage

Agreed. Tom will also ask the supplier for a warranty replacement.
Lena

On Mon, 3 Mar 2025 10:40:51 +0000, Tom Reyes wrote:
> Thanks Priya. I have put a label on the fridge door.
>
> On Sun, 2 Mar 2025 18:00:00 +0000, Marco Bellini wrote:
>> The old fridge in B2.10 is at 12 °C.
"""


def _read(tmp_path: Path, name: str, text: str) -> Document:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return read_corpus(tmp_path).documents[0]


def _cited_section(document: Document, words: str, size: int = 900) -> str | None:
    """The section a citation of `words` (in the document's text) names."""
    offset = document.text.index(words)
    chunk = next(c for c in chunk_document(document, size, 0) if c.start <= offset < c.end)
    return citation_section(document.text, chunk, offset)


def test_a_thread_is_titled_by_its_subject_and_each_message_by_its_sender_and_day(
    tmp_path: Path,
) -> None:
    document = _read(tmp_path, "flowcells.txt", THREAD)
    assert document.title == "MinION flow cell storage"
    assert document.text.startswith("# MinION flow cell storage\n")  # its words are text
    for size in (160, 900):
        assert _cited_section(document, "must be stored", size) == "Priya Natarajan · 3 Mar 2025"
        assert _cited_section(document, "put a label", size) == "Tom Reyes · 3 Mar 2025"
        assert _cited_section(document, "warranty", size) == "Lena Hartmann · 4 Mar 2025"


def test_a_quote_of_a_message_in_the_thread_is_left_out_and_its_words_stand_once(
    tmp_path: Path,
) -> None:
    text = _read(tmp_path, "flowcells.txt", THREAD).text
    assert text.count("I have put a label on the fridge door.") == 1
    assert text.count("must be stored at 2-8 °C") == 1
    assert "Priya Natarajan wrote:" not in text
    tom = text.index("## Tom Reyes · 3 Mar 2025")
    assert tom < text.index("I have put a label") < text.index("## Lena Hartmann")


def test_a_quote_whose_original_the_file_lacks_is_kept_as_a_quote_under_who_quoted_it() -> None:
    mail = mail_text(THREAD)
    assert mail is not None
    quoted = mail[0].split("## Quoted by Lena Hartmann · 4 Mar 2025\n", 1)[1]
    assert quoted.splitlines() == [  # the quote chain down to the words no message holds
        "On Mon, 3 Mar 2025 10:40:51 +0000, Tom Reyes wrote:",
        "> On Sun, 2 Mar 2025 18:00:00 +0000, Marco Bellini wrote:",
        ">> The old fridge in B2.10 is at 12 °C.",
    ]
    own = mail[0].split("## Lena Hartmann · 4 Mar 2025\n", 1)[1].split("## Quoted by")[0]
    assert "12 °C" not in own


def test_signatures_disclaimers_and_sign_offs_are_no_text_and_no_section(tmp_path: Path) -> None:
    document = _read(tmp_path, "flowcells.txt", THREAD)
    for gone in ("Genomics postdoc", "Lab Manager", "CONFIDENTIALITY", "\nPriya\n", "\nTom\n"):
        assert gone not in document.text
    assert headings(document.text) == [
        "MinION flow cell storage",
        "Priya Natarajan · 3 Mar 2025",
        "Tom Reyes · 3 Mar 2025",
        "Lena Hartmann · 4 Mar 2025",
        "Quoted by Lena Hartmann · 4 Mar 2025",
    ]


def test_a_one_line_message_is_no_heading() -> None:
    thread = (
        "From: Karim <k@example.org>\nDate: 17 Jun 2025\nSubject: Fwd: Quote\n\n"
        "Lena, here is the quote. Can we pay it from the ANR grant?\nKarim\n\n"
        "From: Lena <l@example.org>\nDate: 18 Jun 2025\nSubject: Re: Fwd: Quote\n\n"
        "Yes, charge it to the ANR grant. Please send the samples by 30 June.\n"
    )
    mail = mail_text(thread)
    assert mail is not None
    document = Document(doc_id="q", title="Quote", path="q.txt", text=mail[0], sha256="0")
    for size in (80, 900):
        assert _cited_section(document, "Can we pay it", size) == "Karim · 17 Jun 2025"
        assert _cited_section(document, "Yes, charge it", size) == "Lena · 18 Jun 2025"


def test_a_french_clients_date_is_its_day_and_the_thread_its_language(tmp_path: Path) -> None:
    thread = (
        "From: Claire Fontaine <c.fontaine@example.fr>\nDate: Lun, 13 janv 2025 10:15:00 +0100\n"
        "Subject: TR: Stage de master\n\nBonjour Lena,\nJulie souhaite faire son stage chez nous "
        "de mars à août. Elle travaillerait sur la résistance aux fongicides.\nClaire\n\n--\n"
        f"Claire Fontaine\n\n{DISCLAIMER} It is sent to you by the University, which accepts "
        "no liability for any damage caused by viruses transmitted by this e-mail.\n"
    )
    document = _read(tmp_path, "stage.txt", thread)
    assert document.title == "Stage de master"
    assert _cited_section(document, "Julie souhaite") == "Claire Fontaine · 13 janv 2025"
    assert {chunk.lang for chunk in chunk_document(document)} == {"fr"}


def test_a_reply_over_a_pasted_original_message_is_two_messages() -> None:
    thread = (
        "From: Lena Hartmann <l.hartmann@example.org>\nSubject: RE: Fridge\n\n"
        "Done, it is at 4 °C.\n\n"
        "-----Original Message-----\nFrom: Tom Reyes\nSent: Monday, March 3, 2025 9:12 AM\n"
        "Subject: Fridge\n\nPlease check the fridge in B2.12.\n"
    )
    assert mail_text(thread) == (
        "# Fridge\n\n## Lena Hartmann\nDone, it is at 4 °C.\n\n"
        "## Tom Reyes · 3 Mar 2025\nPlease check the fridge in B2.12.\n",
        "Fridge",
    )


@pytest.mark.parametrize(
    ("subject", "title"),
    [
        ("Re: Re: Fwd: ordering threshold", "ordering threshold"),
        ("RE : TR: Commande d'azote", "Commande d'azote"),
        ("AW: WG: Re[2]:  Angebot", "Angebot"),
        ("Regarding the quote", "Regarding the quote"),
    ],
)
def test_reply_and_forward_prefixes_leave_the_subject(subject: str, title: str) -> None:
    assert subject_title(subject) == title


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "# Meeting notes\n\nFrom: Lena, about the fridge.\nDate: 3 March\n\nIt is at 12 °C.\n",
            id="a-from-line-in-a-markdown-paragraph",
        ),
        pytest.param(
            "Notes from the call\nFrom: Lena\nSubject: the fridge\n\nIt is at 12 °C.\n",
            id="a-header-block-under-a-line-of-prose",
        ),
        pytest.param(
            "From: Lena Hartmann\nTo: the lab\n\nThe fridge is at 12 °C.\n",
            id="a-from-and-to-with-no-date-nor-subject",
        ),
        pytest.param(
            "---\nfrom: Lena\nsubject: fridge\n---\n\nThe fridge is at 12 °C.\n",
            id="yaml-front-matter",
        ),
        pytest.param(
            "Metadata-Version: 2.4\nName: tqdm\nSummary: A fast progress bar\n\nBody.\n",
            id="a-packages-metadata",
        ),
    ],
)
def test_a_text_that_only_looks_like_a_mail_is_read_as_it_is(tmp_path: Path, text: str) -> None:
    assert not is_mail(text)
    assert _read(tmp_path, "notes.md", text).text == text
