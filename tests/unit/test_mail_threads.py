"""A text file that is an e-mail thread is read as its messages (the s18 user trial: threads
titled "Hello,", a sign-off cited as the section, Tom's words cited from Lena's "> " quote of
them, no citation saying whose message a quote is)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.read_documents import cited_section, read_one

from citeqa import mailthreads
from citeqa.blocks import headings
from citeqa.boilerplate import in_signature
from citeqa.chunking import chunk_document
from citeqa.later_statements import message_date
from citeqa.mailthreads import DECODED_CHARS, is_mail, mail_text, read_thread, subject_title
from citeqa.models import Document

DISCLAIMER = (
    "CONFIDENTIALITY NOTICE: This e-mail is confidential and intended solely for the addressee."
)
LIABILITY = (
    "It is sent to you by the University, which accepts no liability for any damage caused by "
    "viruses transmitted by this e-mail."
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


def test_a_thread_is_titled_by_its_subject_and_each_message_by_its_sender_and_day(
    tmp_path: Path,
) -> None:
    document = read_one(tmp_path, "flowcells.txt", THREAD)
    assert document.title == "MinION flow cell storage"
    assert document.text.startswith("# MinION flow cell storage\n")  # its words are text
    for size in (160, 900):
        assert cited_section(document, "must be stored", size) == "Priya Natarajan · 3 Mar 2025"
        assert cited_section(document, "put a label", size) == "Tom Reyes · 3 Mar 2025"
        assert cited_section(document, "warranty", size) == "Lena Hartmann · 4 Mar 2025"


def test_a_quote_of_a_message_in_the_thread_is_left_out_and_its_words_stand_once(
    tmp_path: Path,
) -> None:
    text = read_one(tmp_path, "flowcells.txt", THREAD).text
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


def test_signatures_are_text_under_their_own_heading_and_a_name_sign_off_is_left_out(
    tmp_path: Path,
) -> None:
    document = read_one(tmp_path, "flowcells.txt", THREAD)
    for gone in ("\nPriya\n", "\nTom\n", "\nLena\n"):
        assert gone not in document.text
    assert headings(document.text) == [
        "MinION flow cell storage",
        "Priya Natarajan · 3 Mar 2025",
        "Headers · Priya Natarajan · 3 Mar 2025",
        "Signature · Priya Natarajan",
        "Tom Reyes · 3 Mar 2025",
        "Headers · Tom Reyes · 3 Mar 2025",
        "Signature · Tom Reyes",
        "Lena Hartmann · 4 Mar 2025",
        "Headers · Lena Hartmann · 4 Mar 2025",
        "Quoted by Lena Hartmann · 4 Mar 2025",
    ]
    for size in (160, 900):
        assert cited_section(document, "Lab Manager", size) == "Signature · Tom Reyes"
        assert cited_section(document, "CONFIDENTIALITY", size) == "Signature · Priya Natarajan"


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
        assert cited_section(document, "Can we pay it", size) == "Karim · 17 Jun 2025"
        assert cited_section(document, "Yes, charge it", size) == "Lena · 18 Jun 2025"


def test_a_french_clients_date_is_its_day_and_the_thread_its_language(tmp_path: Path) -> None:
    thread = (
        "From: Claire Fontaine <c.fontaine@example.fr>\nDate: Lun, 13 janv 2025 10:15:00 +0100\n"
        "Subject: TR: Stage de master\n\nBonjour Lena,\nJulie souhaite faire son stage chez nous "
        "de mars à août. Elle travaillerait sur la résistance aux fongicides.\nClaire\n\n--\n"
        f"Claire Fontaine\nTél. : 01 23 45 67 89\n\n{DISCLAIMER} {LIABILITY}\n"
    )
    document = read_one(tmp_path, "stage.txt", thread)
    assert document.title == "Stage de master"
    assert cited_section(document, "Julie souhaite") == "Claire Fontaine · 13 janv 2025"
    mine = [c for c in chunk_document(document) if c.start <= document.text.index("Julie") < c.end]
    assert [chunk.lang for chunk in mine] == ["fr"]


def test_a_short_french_mail_sharing_a_chunk_with_an_english_disclaimer_is_french(
    tmp_path: Path,
) -> None:
    """The Headers and Signature sections are left out of a chunk's language (s18 trial: "mail:
    en 19, fr 1"); the disclaimer is still in the chunk, so still found."""
    document = read_one(
        tmp_path,
        "badge.txt",
        "From: Claire <c@example.fr>\nSubject: Badge\n\nJulie arrive lundi, elle a besoin d'un "
        f"badge pour le labo.\n\n--\nClaire Fontaine\n\n{DISCLAIMER} {LIABILITY}\n",
    )
    [chunk] = chunk_document(document)
    assert "Julie arrive" in chunk.text and "CONFIDENTIALITY" in chunk.text
    assert chunk.lang == "fr"


def test_a_reply_over_a_pasted_original_message_is_two_messages() -> None:
    thread = (
        "From: Lena Hartmann <l.hartmann@example.org>\nSubject: RE: Fridge\n\n"
        "Done, it is at 4 °C.\n\n"
        "-----Original Message-----\nFrom: Tom Reyes\nSent: Monday, March 3, 2025 9:12 AM\n"
        "Subject: Fridge\n\nPlease check the fridge in B2.12.\n"
    )
    assert mail_text(thread) == (
        "# Fridge\n\n## Lena Hartmann\nDone, it is at 4 °C.\n\n"
        "## Headers · Lena Hartmann\nSubject: RE: Fridge\n"
        "From: Lena Hartmann <l.hartmann@example.org>\n\n"
        "## Tom Reyes · 3 Mar 2025\nPlease check the fridge in B2.12.\n\n"
        "## Headers · Tom Reyes · 3 Mar 2025\nFrom: Tom Reyes\n"
        "Sent: Monday, March 3, 2025 9:12 AM\n",
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
    assert read_one(tmp_path, "notes.md", text).text == text


def _mail(headers: str, body: str = "The fridge is at 4 °C.\n") -> str:
    text = mail_text(f"{headers}\n\n{body}")
    assert text is not None
    return text[0]


@pytest.mark.parametrize(
    ("date", "day"),
    [
        ("1 Jan 99999999999999999999 00:00:00 +0000", "1 Jan 99999999999999999999 00:00:00 +0000"),
        ("Sat, 1 Jan 0 00:00:00 +0000", "Sat, 1 Jan 0 00:00:00 +0000"),
        ("Mon, 3 Mar 25 09:00:00 +0000", "Mon, 3 Mar 25 09:00:00 +0000"),
        ("Mon, 3 Mar 2025 09:00:00 +0000", "3 Mar 2025"),
    ],
)
def test_a_date_out_of_range_or_of_a_short_year_is_shown_as_written(date: str, day: str) -> None:
    text = _mail(f"From: Tom Reyes <t@example.org>\nDate: {date}")
    assert f"## Tom Reyes · {day}\n" in text


def test_headers_but_the_subject_stay_as_text_under_the_heading() -> None:
    """The From and Date lines too: the address, the time, "at the Lyon office" are words."""
    text = _mail(
        "From: Tom Reyes <t@example.org>\nTo: Lena Park <l@example.org>\nCc: Berlin office\n"
        "Date: Mon, 3 Mar 2025 09:00:00 +0000 at the Lyon office\nSubject: Fridge\n"
        "Flight: AF1234"
    )
    assert text == (
        "# Fridge\n\n## Tom Reyes · 3 Mar 2025\nThe fridge is at 4 °C.\n\n"
        "## Headers · Tom Reyes · 3 Mar 2025\nFrom: Tom Reyes <t@example.org>\n"
        "To: Lena Park <l@example.org>\nCc: Berlin office\n"
        "Date: Mon, 3 Mar 2025 09:00:00 +0000 at the Lyon office\nFlight: AF1234\n"
    )


@pytest.mark.parametrize(
    ("sender", "heading"),
    [
        ("Park, Lena <l@example.org>", "Park, Lena"),
        ('"Park, Lena" <l@example.org>', "Park, Lena"),
        ("Tom [Sales] <t@example.org>, Ann <a@example.org>", "Tom [Sales]"),
        ("t@example.org (Tom Reyes)", "Tom Reyes"),
        ("t@example.org", "t@example.org"),
    ],
)
def test_the_heading_names_the_whole_display_name_of_the_first_address(
    sender: str, heading: str
) -> None:
    assert _mail(f"From: {sender}\nSubject: Fridge").startswith(f"# Fridge\n\n## {heading}\n")


@pytest.mark.parametrize(
    "text",
    [
        "From: Paris CDG\nTo: Berlin BER\nDate: 2024-05-01\nFlight: AF1234\n\nSeat 12A.\n",
        "From: the archive\nSubject: old photos\n\nBox 3 holds them.\n",
    ],
)
def test_a_header_block_with_no_mail_evidence_is_no_mail(text: str) -> None:
    assert not is_mail(text)
    assert mail_text(text) is None


def test_a_signature_after_a_bare_separator_is_searchable_under_its_heading() -> None:
    text = _mail(
        "From: Sofia Marquez <s@example.org>\nSubject: Thrips",
        "Thrips found in GH-7.\nSofia\n\n--\nDr Sofia Marquez\nPhone: +44 1632 960 118\n",
    )
    assert text.endswith(
        "## Sofia Marquez\nThrips found in GH-7.\n\n"
        "## Headers · Sofia Marquez\nFrom: Sofia Marquez <s@example.org>\n\n"
        "## Signature · Sofia Marquez\n--\nDr Sofia Marquez\nPhone: +44 1632 960 118\n"
    )


@pytest.mark.parametrize(
    ("last_line", "kept"),
    [
        ("Moved to Friday, Tom", True),
        ("Tom will bring it", True),
        ("Tom", False),
        ("Best, Tom", False),
        ("Cordialement, Tom Reyes", False),
        ("Thanks,  Tom.", False),
    ],
)
def test_only_a_name_alone_or_after_a_greeting_is_a_sign_off(last_line: str, kept: bool) -> None:
    text = _mail(
        "From: Tom Reyes <t@example.org>\nSubject: Meeting", f"The meeting moved.\n{last_line}\n"
    )
    assert (f"\n{last_line}\n" in text) is kept


@pytest.mark.parametrize(
    "opener", ["Budget:", "As Knuth said:", "Agreed. I think the manager wrote:", "Tom wrote:"]
)
def test_a_line_ending_in_a_colon_over_a_quote_is_no_attribution(opener: str) -> None:
    quote = "> Premature optimization is the root of all evil."
    text = _mail("From: Tom Reyes <t@example.org>\nSubject: Talk", f"{opener}\n{quote}\n")
    assert f"## Tom Reyes\n{opener}\n" in text
    assert text.endswith(f"## Quoted by Tom Reyes\n{quote}\n")


@pytest.mark.parametrize(
    "attribution",
    [
        "On Mon, 3 Mar 2025, Lena Park wrote:",
        "Le lun. 3 mars 2025, Lena Park a écrit :",
        "Am 03.03.2025 schrieb Lena Park <l@example.org>:",
    ],
)
def test_an_attribution_goes_over_its_kept_quote(attribution: str) -> None:
    text = _mail(
        "From: Tom Reyes <t@example.org>\nSubject: Fridge",
        f"Agreed.\n\n{attribution}\n> The fridge is at 12 °C.\n",
    )
    assert text.endswith(f"## Quoted by Tom Reyes\n{attribution}\n> The fridge is at 12 °C.\n")


def test_a_pasted_french_or_german_original_is_its_senders_message() -> None:
    thread = (
        "From: Tom Reyes <t@example.org>\nSubject: RE: Azote\n\nC'est commandé.\n\n"
        "-----Message d'origine-----\nDe : Claire Fontaine\nEnvoyé : lundi 3 mars 2025 09:12\n"
        "À : Tom Reyes\nObjet : Azote\n\nPeux-tu commander 200 L d'azote ?\n\n"
        "-----Ursprüngliche Nachricht-----\nVon: Jörg Müller\nGesendet: Montag, 3. März 2025\n"
        "An: Claire Fontaine\nBetreff: Azote\n\nWir brauchen Stickstoff.\n"
    )
    messages = read_thread(thread)
    assert [m.sender for m in messages] == ["Tom Reyes", "Claire Fontaine", "Jörg Müller"]
    assert [m.lines for m in messages][1:] == [
        ["Peux-tu commander 200 L d'azote ?"],
        ["Wir brauchen Stickstoff."],
    ]
    assert messages[1].headers == [
        "De: Claire Fontaine",
        "Envoyé: lundi 3 mars 2025 09:12",
        "À: Tom Reyes",
    ]


def test_encoded_words_of_headers_are_decoded() -> None:
    text = _mail(
        "From: =?utf-8?b?SsO2cmcgTcO8bGxlcg==?= <j@example.org>\n"
        "Subject: =?utf-8?q?R=C3=A9union_d=27=C3=A9quipe?=\nTo: =?bogus?q?x?= <t@example.org>"
    )
    assert text == (
        "# Réunion d'équipe\n\n## Jörg Müller\nThe fridge is at 4 °C.\n\n"
        "## Headers · Jörg Müller\nFrom: Jörg Müller <j@example.org>\n"
        "To: =?bogus?q?x?= <t@example.org>\n"
    )


def test_a_subject_with_control_characters_is_titled_as_any_first_line_is(tmp_path: Path) -> None:
    """Both titles are made alike: their control characters (ESC, BEL) shown as quotes show
    them (titles.visible_title; s22 hostile probe, s26: made spaces before), as any title's."""
    subject = "Fridge \x1b[31mred\x07 bell"
    mail = read_one(
        tmp_path / "m", "m.txt", f"From: Tom <t@x.org>\nSubject: {subject}\n\nIt is 4 C.\n"
    )
    plain = read_one(tmp_path / "p", "p.txt", f"{subject}\n\nThe freezer is at -20 C.\n")
    assert mail.title == plain.title == "Fridge ␛[31mred␇ bell"


def test_a_kept_signature_is_still_a_signature_to_the_builds_boilerplate(tmp_path: Path) -> None:
    """boilerplate.in_signature knows a signature by its "-- " line: the section keeps it."""
    text = read_one(tmp_path, "flowcells.txt", THREAD).text
    assert in_signature(text, text.index("Lab Manager"))
    assert not in_signature(text, text.index("I have put a label"))


def test_a_sender_nesting_parentheses_too_deeply_is_named_as_written() -> None:
    """email.utils recurses once per "(": past Python's limit the value is the name."""
    sender = "t@example.org " + "(" * 2000
    assert _mail(f"From: {sender}\nSubject: Nested").startswith(f"# Nested\n\n## {sender}\n")


def test_a_header_value_too_long_to_decode_is_kept_as_written() -> None:
    """email.header decodes a run of encoded words in more than linear time: a value over
    DECODED_CHARS stands as written (benchmarks/mail_thread_cost.py times it)."""
    subject = "=?utf-8?q?caf=C3=A9?= " * (DECODED_CHARS // 20)
    text = _mail(f"From: Tom <t@example.org>\nSubject: {subject}")
    assert text.startswith(f"# {' '.join(subject.split())}\n")
    assert _mail("From: Tom <t@example.org>\nSubject: =?utf-8?q?caf=C3=A9?=").startswith("# café\n")


@pytest.mark.parametrize(
    ("last_line", "kept"),
    [
        ("-- Tom --", True),
        ("----- Action items -----", True),
        ("-- Sent from my phone --", True),
        ("=====", False),
        ("-----", False),
    ],
)
def test_a_closing_line_with_words_between_dashes_is_the_messages(
    last_line: str, kept: bool
) -> None:
    text = _mail(
        "From: Lena Park <l@example.org>\nSubject: Plan", f"Ship on Friday.\n{last_line}\n"
    )
    assert (f"Ship on Friday.\n{last_line}\n" in text) is kept
    assert "Ship on Friday.\n" in text


def test_malformed_language_data_is_read_as_empty_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    """A list where a mapping goes, a pattern that does not compile, a string where a list goes:
    each part is skipped, and mails are still read."""
    malformed = {
        "header_names": {"from": ["from", 3], "subject": "subject", "date": ["date"]},
        "attributions": ["(", "^\\s*on\\b.*\\bwrote\\s*:\\s*$"],
        "sign_off_greetings": "best",
    }
    for data in (malformed, {"header_names": ["from"]}, ["not", "a", "mapping"]):
        monkeypatch.setattr(mailthreads, "_read_mail_words", lambda data=data: data)
        mailthreads.mail_words.cache_clear()
        try:
            words = mailthreads.mail_words()
            text = mail_text("From: Tom <t@example.org>\nDate: 3 Mar 2025\n\nOn it.\n")
        finally:
            mailthreads.mail_words.cache_clear()
        assert text is not None and "On it." in text[0]
    assert words.header_kinds == {}
    assert words.attribution is None and words.sign_off_greetings == ()
    monkeypatch.setattr(mailthreads, "_read_mail_words", lambda: malformed)
    try:
        words = mailthreads.mail_words()
    finally:
        mailthreads.mail_words.cache_clear()
    assert words.header_kinds == {"from": "from", "date": "date"}
    assert words.attribution is not None and words.attribution.search("On Monday, Tom wrote:")
    assert words.sign_off_greetings == ()


FRENCH_MAIL = (
    "From: Marion Lefèvre <direction@hotel.example.fr>\nTo: Inès <ines@example.fr>\n"
    "Date: Tue, 03 Mar 2026 08:12:00 +0000\nSubject: Erreurs 429\n\n"
    "Bonjour Inès,\n\nDepuis lundi, notre moteur de réservation reçoit des erreurs vers 20 h, "
    "au moment où nous mettons à jour les disponibilités.\n\nMerci d'avance,\nMarion\n"
)


@pytest.mark.parametrize("name", ["erreurs.txt", "erreurs.eml"])
def test_a_french_mails_label_writes_its_day_in_french(tmp_path: Path, name: str) -> None:
    """s38 trial: "Marion Lefèvre · 3 Mar 2026" reached a French refusal ("ils portent sur
    Mar.")."""
    document = read_one(tmp_path, name, FRENCH_MAIL)
    assert cited_section(document, "Depuis lundi") == "Marion Lefèvre · 3 mars 2026"
    assert "## Headers · Marion Lefèvre · 3 mars 2026" in document.text
    assert " Mar " not in document.text.replace("Date: Tue, 03 Mar 2026", "")
    assert message_date(document, document.text.index("Depuis lundi")) == "2026-03-03"


def test_an_english_mails_label_keeps_its_english_day() -> None:
    english = FRENCH_MAIL.replace(
        "Bonjour Inès,\n\nDepuis lundi, notre moteur de réservation reçoit des erreurs vers 20 h, "
        "au moment où nous mettons à jour les disponibilités.\n\nMerci d'avance,",
        "Hi Ines,\n\nSince Monday our booking engine has been getting errors at 8 pm, when we "
        "update the rooms that are free.\n\nThanks,",
    )
    text, _ = mail_text(english) or ("", None)
    assert "## Marion Lefèvre · 3 Mar 2026\nHi Ines," in text
    assert mailthreads.labelled_day("3 Mar 2026", "fr") == "3 mars 2026"
    assert mailthreads.labelled_day("3 Mar 2026", "en") == "3 Mar 2026"
    assert mailthreads.labelled_day("13 janv 2025", "fr") == "13 janv 2025"
