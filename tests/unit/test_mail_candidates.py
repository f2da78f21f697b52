"""mail_candidates: what a question asks of mails (English and French cues), and a thread's
layout read from the text mailthreads writes (its messages, Headers and Signature sections)."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeqa import mail_candidates
from citeqa.corpus import read_document
from citeqa.mail_candidates import (
    MailLayouts,
    QuestionAsks,
    forces_signature,
    giving_contact,
    layout_of,
)
from citeqa.mailthreads import mail_text
from citeqa.models import Document

THREAD = """From: Claire Fontaine <c.fontaine@lab.example.org>
To: Tom Reyes <t.reyes@lab.example.org>
Date: Thu, 6 Mar 2025 11:00:00 +0100
Subject: Nitrogen order

Could you order 100 L?

--
Claire Fontaine
PhD student | +33 1 23 45 67 89

=====

From: Tom Reyes <t.reyes@lab.example.org>
To: Claire Fontaine <c.fontaine@lab.example.org>
Date: Thu, 6 Mar 2025 14:30:00 +0100
Subject: Re: Nitrogen order

Ordered, delivery on Monday.
"""


def _document(text: str, kind: str = "txt") -> Document:
    return Document(doc_id="thread", title="t", path="/t", text=text, sha256="0", kind=kind)


def _thread() -> Document:
    written = mail_text(THREAD)
    assert written is not None
    return _document(written[0])


@pytest.mark.parametrize(
    ("question", "header", "reply", "contact"),
    [
        ("Who was the order sent to?", True, False, set()),
        ("À quels destinataires le message a-t-il été envoyé ?", True, False, set()),
        ("Who replied to the order?", False, True, set()),
        ("Qui a répondu à Claire ?", False, True, set()),
        ("What is the phone number of Claire?", False, False, {"phone"}),
        ("Quel est le numéro de téléphone de Claire ?", False, False, {"phone"}),
        ("What is Tom's e-mail address?", True, False, {"e-mail"}),
        ("How much nitrogen was ordered?", False, False, set()),
        ("What is the response time of the assay?", False, False, set()),
        ("Quel est le temps de réponse du test ?", False, False, set()),
        ("What is Tom's extension?", False, False, {"phone"}),
        ("What is the phone extension of Tom Reyes?", False, False, {"phone"}),
        ("Until when did Tom get an extension of the thesis deadline?", False, False, set()),
        ("Quelles sont les coordonnées de Lena ?", False, False, {"phone"}),
        ("Quelles sont les coordonnées GPS de la parcelle B ?", False, False, set()),
        ("Quel est le poste de Tom Reyes ?", False, False, set()),  # a job, no phone line
        ("Quel est le numéro de poste de Tom Reyes ?", False, False, {"phone"}),
        ("Comment joindre Lena ?", False, False, {"phone"}),
        ("Comment joindre le tableau au rapport ?", False, False, set()),
        ("Le portable de Tom est-il réparé ?", False, False, set()),
        ("Which mobile app logs the traps?", False, False, set()),
    ],
)
def test_what_a_question_asks_of_mails(
    question: str, header: bool, reply: bool, contact: set[str]
) -> None:
    asks = QuestionAsks.of(question)
    assert (asks.header_value, asks.reply, set(asks.contact)) == (header, reply, contact)


def test_a_threads_layout_places_its_messages_headers_and_signatures() -> None:
    document = _thread()
    text = document.text
    layout = layout_of(document)
    assert layout is not None
    first, reply = text.index("Could you order"), text.index("Ordered, delivery")
    assert (layout.message_of(0), layout.message_of(first), layout.message_of(reply)) == (0, 0, 1)
    assert layout.in_headers(text.index("To: Tom Reyes"))
    assert layout.in_headers(text.index("## Headers · Tom Reyes"))
    assert not layout.in_headers(first) and not layout.in_headers(reply)
    assert layout.signer_of(text.index("PhD student")) == "Claire Fontaine"
    assert layout.signer_of(first) is None


def test_what_each_sentence_of_a_thread_may_answer() -> None:
    document = _thread()
    text = document.text
    layouts = MailLayouts({"thread": document})
    header, first = text.index("To: Tom Reyes"), text.index("Could you order")
    reply = text.index("Ordered, delivery")
    plain, asks_header = QuestionAsks.of("How much?"), QuestionAsks.of("Who was it sent to?")
    replied = QuestionAsks.of("Who replied?")
    assert not layouts.answers_from(plain, "thread", header)
    assert layouts.answers_from(asks_header, "thread", header)
    assert [layouts.answers_from(replied, "thread", at) for at in (first, reply)] == [False, True]
    assert layouts.answers_from(plain, "thread", first)


SAVED_REPLY = """From: Tom Reyes <t.reyes@lab.example.org>
To: Claire Fontaine <c.fontaine@lab.example.org>
Date: Thu, 6 Mar 2025 14:30:00 +0100
Subject: Re: Minnesota data request

We cannot share the Minnesota yield data before the paper is out.

On Thu, 6 Mar 2025, Claire Fontaine wrote:
> Could we get the Minnesota yield data for the rust model?
"""
HEADED_REPLY = """From: Tom Reyes <t.reyes@lab.example.org>
Date: Thu, 6 Mar 2025 14:30:00 +0100
In-Reply-To: <request@lab.example.org>
Subject: Re: Minnesota data request

We cannot share the Minnesota yield data before the paper is out.
"""


@pytest.mark.parametrize("mail", [SAVED_REPLY, HEADED_REPLY])
def test_a_reply_saved_on_its_own_answers_who_replied_but_not_from_its_quote(mail: str) -> None:
    """Review of s19-mailhdr: a thread whose first message is itself a reply (it quotes a
    message the file does not hold, or names one in In-Reply-To) answered no "who replied"
    question, and an unrelated note was quoted instead."""
    written = mail_text(mail)
    assert written is not None
    document = _document(written[0])
    text = document.text
    layouts = MailLayouts({"thread": document})
    replied = QuestionAsks.of("Who replied to the Minnesota data request?")
    assert layouts.answers_from(replied, "thread", text.index("We cannot share"))
    if "> Could" in text:
        assert not layouts.answers_from(replied, "thread", text.index("> Could"))
        assert layouts.answers_from(QuestionAsks.of("What was asked?"), "thread", text.index("> C"))
    unmarked = written[0].replace("In-Reply-To", "X-Mailer").replace("## Quoted", "## Q")
    single = _document(unmarked.replace("Subject: Re: ", "Subject: "))
    assert not MailLayouts({"thread": single}).answers_from(
        replied, "thread", text.index("We cannot share")
    )


@pytest.mark.parametrize(
    ("subject", "replies"),
    [
        ("Re: Minnesota data request", True),
        ("RE : Minnesota data request", True),
        ("AW: Minnesota data request", True),
        ("Fwd: Minnesota data request", False),
        ("TR: Minnesota data request", False),
        ("Minnesota data request", False),
    ],
)
def test_a_reply_subject_alone_marks_a_saved_reply(subject: str, replies: bool) -> None:
    """s18 leftover: a message saved on its own whose only mark of a reply is its subject
    ("Re: …": no quote, no In-Reply-To) answered no "who replied" question; a forward is no
    reply."""
    mail = HEADED_REPLY.replace("In-Reply-To: <request@lab.example.org>\n", "").replace(
        "Subject: Re: Minnesota data request", f"Subject: {subject}"
    )
    written = mail_text(mail)
    assert written is not None
    document = _document(written[0])
    layouts = MailLayouts({"thread": document})
    replied = QuestionAsks.of("Who replied to the Minnesota data request?")
    assert layouts.answers_from(replied, "thread", document.text.index("We cannot")) is replies


def test_a_document_that_is_no_thread_is_never_filtered() -> None:
    note = "# Notes\n\n## Headers · setup\nFrom: the lab wiki\nTo be read.\n"
    assert layout_of(_document(note, kind="pdf")) is None  # only the text reader reads mails
    assert layout_of(_document("# Notes\n\n## Headers\nplain words\n")) is None
    layouts = MailLayouts({"thread": _document("# Notes\n\nTo: whom it may concern\n")})
    assert layouts.answers_from(QuestionAsks.of("Who replied?"), "thread", 9)


def test_a_contact_question_keeps_the_named_signers_lines_giving_it() -> None:
    document = _thread()
    text = document.text
    lines = [
        ("thread", text.index("PhD student"), "PhD student | +33 1 23 45 67 89"),
        ("thread", text.index("Could you order"), "Could you order 100 L?"),
    ]
    documents = {"thread": document}
    assert giving_contact(lines, "What is the phone number of Claire?", documents) == [0]
    assert giving_contact(lines, "What is the phone number of Tom?", documents) == []
    assert giving_contact(lines, "What did Claire ask?", documents) == []


LAB_LIST = """From: lab-list@lab.example.org
To: all@lab.example.org
Date: Tue, 3 Mar 2026 09:00:00 +0000
Subject: Lab phones

The lab phones move to the new exchange on Friday.

--
Lab office
Building B, 75005 Paris
Tel: 01 23 45
"""


def test_a_signer_heading_an_address_or_a_day_is_no_person_a_question_names() -> None:
    """Review of s19-mailhdr: "lab-list@lab.example.org" matched "the phone number of the lab"
    word by word; the signer's name words are matched, all of them or a capitalised one."""
    written = mail_text(LAB_LIST)
    assert written is not None
    document = _document(written[0])
    text = document.text
    line = ("thread", text.index("Tel:"), "Tel: 01 23 45")
    documents = {"thread": document}
    assert giving_contact([line], "What is the phone number of the lab?", documents) == []
    assert giving_contact([line], "What is the phone number of the lab list?", documents) == [0]
    dated = _document(
        text.replace("Signature · lab-list@lab.example.org", "Signature · 3 Mar 2026")
    )
    question = "What is the phone number given on 3 Mar?"
    assert giving_contact([line], question, {"thread": dated}) == []


def test_a_phone_value_needs_a_cue_or_six_digits_so_a_postcode_is_none() -> None:
    """Review of s19-mailhdr: "75005 Paris" (a postcode) or a year read as a phone number; a
    number needs a tel/phone/ext cue (maybe at the end of the line before: "ext." over "4470",
    split into two sentences) or six digits."""
    written = mail_text(
        THREAD.replace("PhD student | +33 1 23 45 67 89", "PhD student\n75005 Paris\next.\n4470")
    )
    assert written is not None
    document = _document(written[0])
    text = document.text
    lines = [
        ("thread", text.index("75005"), "75005 Paris"),
        ("thread", text.index("4470"), "4470"),
        ("thread", text.index("PhD student"), "PhD student"),
    ]
    question = "What is the phone number of Claire?"
    assert giving_contact(lines, question, {"thread": document}) == [1]
    assert giving_contact(lines[:1], question, {"thread": document}) == []


@pytest.mark.parametrize("date", ["2025-03-07", "12/03/2025", "12.03.2025 14:30"])
def test_a_full_date_in_a_signature_is_no_phone_number(date: str) -> None:
    """Review of s19-mend-mail: a full date's six digits and more read as a phone number; a
    phone number whose first digits look like a day still gives one."""
    signed = "PhD student | away until " + date
    written = mail_text(THREAD.replace("PhD student | +33 1 23 45 67 89", signed))
    assert written is not None
    document = _document(written[0])
    line = ("thread", document.text.index("PhD student"), signed)
    question = "What is the phone number of Claire?"
    assert giving_contact([line], question, {"thread": document}) == []
    phoned = signed + " | 06.12.34.56.78"
    written = mail_text(THREAD.replace("PhD student | +33 1 23 45 67 89", phoned))
    assert written is not None
    document = _document(written[0])
    line = ("thread", document.text.index("PhD student"), phoned)
    assert giving_contact([line], question, {"thread": document}) == [0]


def test_a_signature_is_forced_only_for_a_question_asking_nothing_else_or_another_message() -> None:
    """Review of s19-mailhdr: any contact cue kept only signature lines, over the sentence of
    the person's message that answered the question's other words."""
    documents = {"thread": _thread()}
    text = documents["thread"].text
    claires, toms = ("thread", text.index("Could you order")), ("thread", text.index("Ordered,"))
    assert forces_signature("What is the phone number of Claire?", claires, documents)
    asks_more = "What did Claire ask about the phone line for the nitrogen order?"
    assert not forces_signature(asks_more, claires, documents)
    assert forces_signature(asks_more, toms, documents)


def test_a_questions_first_word_is_no_name_it_capitalises() -> None:
    """Review of s19-mend-mail: every question capitalises its first word, which was counted
    as a name: "Delivery phone for Tom?" asked nothing else and forced Tom's signature over
    his message; "May I …" named a signer May Chen. A possessive first word is a name."""
    documents = {"thread": _thread()}
    toms = ("thread", documents["thread"].text.index("Ordered,"))
    assert not forces_signature("Delivery phone for Tom?", toms, documents)
    assert forces_signature("Tom's phone?", toms, documents)
    assert QuestionAsks.of("Deadline extension for Tom?").contact == frozenset()
    assert QuestionAsks.of("Tom's extension?").contact == {"phone"}
    written = mail_text(THREAD.replace("Claire Fontaine", "May Chen"))
    assert written is not None
    may = {"thread": _document(written[0])}
    line = ("thread", may["thread"].text.index("PhD student"), "PhD student | +33 1 23 45 67 89")
    assert giving_contact([line], "May I have the phone number of the lab?", may) == []
    assert giving_contact([line], "What is the phone number of May?", may) == [0]


def test_generated_mail_headings_are_told_from_the_messages_lines() -> None:
    """Review of s19-mend-mail: a "##" heading a sender wrote in a message counted as one
    mailthreads wrote; only a message's own, Headers, Signature and "Quoted by" headings do."""
    written = mail_text(THREAD.replace("Could you order", "## Budget\nCould you order"))
    assert written is not None
    document = _document(written[0])
    text = document.text
    layouts = MailLayouts({"thread": document})
    assert layouts.is_mail_heading("thread", text.index("## Claire Fontaine · 6 Mar 2025"))
    assert layouts.is_mail_heading("thread", text.index("## Headers · Tom Reyes"))
    assert layouts.is_mail_heading("thread", text.index("## Signature · Claire"))
    assert not layouts.is_mail_heading("thread", text.index("Could you order"))
    assert not layouts.is_mail_heading("thread", text.index("## Budget"))
    note = MailLayouts({"thread": _document("# Notes\n\n## Tom · 6 Mar 2025\nText.\n")})
    assert not note.is_mail_heading("thread", 9)


def test_malformed_question_data_is_read_as_no_cue(monkeypatch: pytest.MonkeyPatch) -> None:
    """A pattern that does not compile, a string where a list goes, a list where a mapping goes:
    each part is skipped, the others still read."""
    malformed = {
        "header_value_cues": ["(", "\\bsent\\b"],
        "reply_cues": "\\breplied\\b",
        "contact_cues": ["\\bphone\\b"],
        "contact_values": {"phone": ["\\d{4}", 7]},
    }
    monkeypatch.setattr(mail_candidates, "_read_data", lambda: malformed)
    mail_candidates._cues.cache_clear()
    try:
        asks = QuestionAsks.of("Who replied to the phone message sent on Monday?")
        empty_contact = mail_candidates._cues().contact
        values = mail_candidates._cues().contact_value
    finally:
        mail_candidates._cues.cache_clear()
    assert (asks.header_value, asks.reply, asks.contact) == (True, False, frozenset())
    assert empty_contact == {} and set(values) == {"phone"}
    monkeypatch.setattr(mail_candidates, "_read_data", lambda: ["not", "a", "mapping"])
    try:
        asks = QuestionAsks.of("Who replied? What is the phone number?")
    finally:
        mail_candidates._cues.cache_clear()
    assert (asks.header_value, asks.reply, asks.contact) == (False, False, frozenset())


def test_a_newest_first_thread_answers_who_replied_from_its_reply() -> None:
    """A pasted thread whose first message is the reply ("RE: Fridge" over the original it
    answers, as Outlook pastes them) answered no "who replied" question from that reply: the
    first message was read as the one replied to. Its subject marks it a reply."""
    thread = (
        "From: Lena Hartmann <l.hartmann@example.org>\nSubject: RE: Fridge\n\n"
        "Done, it is at 4 °C.\n\n"
        "-----Original Message-----\nFrom: Tom Reyes\nSent: Monday, March 3, 2025 9:12 AM\n"
        "Subject: Fridge\n\nPlease check the fridge in B2.12.\n"
    )
    written = mail_text(thread)
    assert written is not None
    document = _document(written[0])
    layouts = MailLayouts({"thread": document})
    replied = QuestionAsks.of("Who replied about the fridge?")
    assert layouts.answers_from(replied, "thread", document.text.index("Done, it is"))


def test_a_reply_by_its_subject_alone_answers_only_who_replied_about_its_topic() -> None:
    """Review of the first version: a lone "Re: Fridge" mail answered "Who replied about the
    sofa delivery?" (a question about another thread, which the folder does not hold)."""
    mail = HEADED_REPLY.replace("In-Reply-To: <request@lab.example.org>\n", "")
    written = mail_text(mail)
    assert written is not None
    document = _document(written[0])
    layouts = MailLayouts({"thread": document})
    at = document.text.index("We cannot")
    about = QuestionAsks.of("Who replied to the Minnesota data request?")
    other = QuestionAsks.of("Who replied about the sofa delivery?")
    assert layouts.answers_from(about, "thread", at)
    assert not layouts.answers_from(other, "thread", at)


def test_a_mail_file_read_by_its_own_reader_is_a_thread_too(tmp_path: Path) -> None:
    """A .eml (and a .mbox's messages) is written in mailthreads' layout by its reader, so its
    header lines answer only what asks a header value, as a mail saved as .txt does (s29 trial:
    a .eml's From/Date lines answered "When must the number of participants be confirmed?")."""
    raw = THREAD.split("=====")[0]
    (tmp_path / "visit.eml").write_text(raw, encoding="utf-8")
    mbox = tmp_path / "club.mbox"
    mbox.write_text("From c.fontaine@lab.example.org Thu Mar  6 11:00:00 2025\n" + raw, "utf-8")
    for path in (tmp_path / "visit.eml", mbox):
        document = read_document(path, tmp_path, {})
        assert document.kind == path.suffix[1:]
        layouts = MailLayouts({document.doc_id: document})
        header = document.text.index("To: Tom Reyes")
        body = document.text.index("Could you order")
        assert not layouts.answers_from(QuestionAsks.of("How much?"), document.doc_id, header)
        assert layouts.answers_from(QuestionAsks.of("Who was it sent to?"), document.doc_id, header)
        assert layouts.answers_from(QuestionAsks.of("How much?"), document.doc_id, body)


@pytest.mark.parametrize(
    ("name", "raw"),
    [
        (  # a body line written as the Headers heading, a header-shaped line under it
            "gym.eml",
            "From: Ann <ann@x.org>\nTo: bob@x.org\nSubject: Gym\nDate: Wed, 1 Oct 2025 15:00:00"
            " +0200\n\nHello,\n\n## Headers · Paul\nNote: important\nThe padlock code is 4821.\n",
        ),
        (  # a display name opening like the Headers heading, a header-shaped first line
            "gym2.eml",
            'From: "Headers · Bob" <h@x.org>\nTo: club@x.org\nSubject: Gym\nDate: Thu, 2 Oct'
            " 2025 15:00:00 +0200\n\nInfo: the padlock code is 4821.\nKeep it to yourself.\n",
        ),
        (  # a sender named "Headers" heading a message with neither Subject nor Date
            "box.mbox",
            "From h@x.org Wed Oct 01 15:00:00 2025\nFrom: Headers <h@x.org>\nTo: bob@x.org\n\n"
            "The padlock code is 4821.\n",
        ),
        (  # a body line forging the Headers heading where mailthreads reads no mail
            "nodate.eml",
            "From: Ann <ann@x.org>\n\nHello,\n\n## Headers · Paul\nNote: important\n"
            "The padlock code is 4821.\n",
        ),
    ],
)
def test_a_mails_body_or_sender_name_cannot_forge_its_layout(
    tmp_path: Path, name: str, raw: str
) -> None:
    """A body line "## Headers · Paul", or a sender whose name opens so, made the lines under
    it header lines, which answer only header questions: the asked sentence was never quoted
    (s30 hostile probe F2, F2b). The reader writes them so that they read as the mail's text."""
    (tmp_path / name).write_text(raw, encoding="utf-8")
    document = read_document(tmp_path / name, tmp_path, {})
    layouts = MailLayouts({document.doc_id: document})
    at = document.text.index("padlock code is 4821")
    assert layouts.answers_from(QuestionAsks.of("What is the padlock code?"), document.doc_id, at)
    assert "“Headers”" in document.text, document.text
