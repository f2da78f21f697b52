"""mail_replies through answering (compose, `_replied`): a mail's question echoing the user's is
never quoted; the reply to it (the next message of its thread, in its own file or another mail
of its folder) answers, or the answer abstains (s37 trial a025, a027). Built and asked with the
conftest's "fake" channel."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeqa.mail_replies import asks_what_was_asked, is_mail_question
from citeqa.models import Answer
from small_corpora import asked_of_files as _asked

ENQUIRY = (
    "From: David Whitfield <david.whitfield@example.co.uk>\n"
    "To: Sophie Marchal <s.marchal@notaires.example.fr>\n"
    "Subject: Purchase of the Mill Barn\n"
    "Date: Wed, 28 Jan 2026 09:14:00 +0100\n"
    "Message-ID: <enquiry@example.co.uk>\n"
    "Content-Type: text/plain; charset=utf-8\n\n"
    "Dear Madame Marchal,\n\n"
    "My wife and I have agreed to buy the Mill Barn at Issigeac from Mr Castagne.\n\n"
    "Could you tell us what documents you need from us to prepare the sale?\n\n"
    "Kind regards,\nDavid Whitfield\n"
)
REPLY = (
    "From: Sophie Marchal <s.marchal@notaires.example.fr>\n"
    "To: David Whitfield <david.whitfield@example.co.uk>\n"
    "Subject: RE: Purchase of the Mill Barn\n"
    "Date: Fri, 30 Jan 2026 11:02:00 +0100\n"
    "Message-ID: <reply@notaires.example.fr>\n"
    "Content-Type: text/plain; charset=utf-8\n\n"
    "Dear Mr Whitfield,\n\n"
    "Thank you for your message.\n\n"
    "Please send us a copy of both your passports, your marriage certificate and a proof of "
    "address.\n\n"
    "The signing can take place in our office in Bergerac.\n\n"
    "Best regards,\nSophie Marchal\n"
)
DEMANDE = (
    "From: Claire Dubois <claire.dubois@example.fr>\n"
    "To: Etude Martin <contact@etude-martin.example.fr>\n"
    "Subject: Succession de ma tante\n"
    "Date: Mon, 2 Mar 2026 10:00:00 +0100\n"
    "Message-ID: <demande@example.fr>\n"
    "Content-Type: text/plain; charset=utf-8\n\n"
    "Madame, Monsieur,\n\n"
    "Ma tante est décédée le 12 février à Périgueux.\n\n"
    "Quels papiers dois-je fournir pour ouvrir la succession de ma tante ?\n\n"
    "Cordialement,\nClaire Dubois\n"
)
REPONSE = (
    "From: Etude Martin <contact@etude-martin.example.fr>\n"
    "To: Claire Dubois <claire.dubois@example.fr>\n"
    "Subject: RE: Succession de ma tante\n"
    "Date: Wed, 4 Mar 2026 15:30:00 +0100\n"
    "Message-ID: <reponse@etude-martin.example.fr>\n"
    "Content-Type: text/plain; charset=utf-8\n\n"
    "Madame,\n\n"
    "Nous vous remercions de votre message.\n\n"
    "Merci de nous fournir l'acte de décès, le livret de famille de votre tante et la copie "
    "de votre pièce d'identité pour ouvrir la succession.\n\n"
    "Bien cordialement,\nEtude Martin\n"
)
THREAD = (
    "From: Tom Reyes <tom@lab.example.org>\n"
    "To: Lena Park <lena@lab.example.org>\n"
    "Subject: Freezer access\n"
    "Date: Mon, 3 Mar 2026 09:00:00 +0000\n\n"
    "Hi Lena,\n"
    "Who keeps the key of the minus eighty freezer in room 214?\n"
    "Thanks,\nTom\n\n"
    "From: Lena Park <lena@lab.example.org>\n"
    "To: Tom Reyes <tom@lab.example.org>\n"
    "Subject: Re: Freezer access\n"
    "Date: Mon, 3 Mar 2026 11:30:00 +0000\n\n"
    "Hi Tom,\n"
    "The key of the minus eighty freezer is kept by Marta Jensen at the front desk.\n"
    "Lena\n"
)
FAQ = (
    "# Questions from clients\n\n"
    "## Can I sign the deed by power of attorney?\n\n"
    "Yes: the office sends you a power of attorney to sign before a notary near you.\n\n"
    "## How long does a sale take?\n\n"
    "About three months between the preliminary agreement and the deed.\n"
)


def _quotes(answer: Answer) -> list[str]:
    return [citation.quote for citation in answer.citations]


@pytest.mark.parametrize(
    ("files", "question", "quoted_from", "opening"),
    [
        pytest.param(
            {"enquiry.eml": ENQUIRY, "reply.eml": REPLY},
            "What documents do the buyers need to send for the sale?",
            "reply",
            "Please send us",
            id="english-reply-in-another-eml",
        ),
        pytest.param(
            {"demande.eml": DEMANDE, "reponse.eml": REPONSE},
            "Quels papiers faut-il fournir pour ouvrir la succession ?",
            "reponse",
            "Merci de nous fournir",
            id="french-reply-in-another-eml",
        ),
        pytest.param(
            {"freezer.txt": THREAD},
            "Who keeps the key of the minus eighty freezer?",
            "freezer",
            "The key of the minus eighty freezer is kept by Marta",
            id="reply-in-the-same-thread-file",
        ),
    ],
)
def test_a_mails_echoing_question_is_answered_by_its_reply(
    tmp_path: Path, files: dict[str, str], question: str, quoted_from: str, opening: str
) -> None:
    answer = _asked(tmp_path, files, question)
    assert not answer.abstained
    assert answer.citations[0].doc_id == quoted_from
    assert opening in answer.citations[0].quote
    assert not any(quote.rstrip().endswith("?") for quote in _quotes(answer))


@pytest.mark.parametrize(
    ("files", "question"),
    [
        pytest.param(
            {"enquiry.eml": ENQUIRY}, "What documents do the buyers need to send for the sale?"
        ),
        pytest.param(
            {"demande.eml": DEMANDE}, "Quels papiers faut-il fournir pour ouvrir la succession ?"
        ),
    ],
)
def test_a_mails_echoing_question_with_no_reply_is_never_quoted(
    tmp_path: Path, files: dict[str, str], question: str
) -> None:
    answer = _asked(tmp_path, files, question)
    assert not any(quote.rstrip().endswith("?") for quote in _quotes(answer))
    assert not any(quote.startswith("Could you tell us") for quote in _quotes(answer))


def test_an_older_mail_is_no_reply_to_a_newer_question(tmp_path: Path) -> None:
    # the "reply" is dated before the question: it answers nothing asked in it
    older = REPLY.replace("Fri, 30 Jan 2026", "Mon, 26 Jan 2026")
    answer = _asked(
        tmp_path,
        {"enquiry.eml": ENQUIRY, "reply.eml": older},
        "What documents do the buyers need to send for the sale?",
    )
    assert not any(quote.startswith("Could you tell us") for quote in _quotes(answer))


def test_a_faq_heading_asking_the_question_still_gives_its_answer(tmp_path: Path) -> None:
    answer = _asked(tmp_path, {"faq.md": FAQ}, "Can I sign the deed by power of attorney?")
    assert not answer.abstained
    assert answer.citations[0].quote.startswith("Yes: the office sends you")


def test_what_a_mails_question_is_and_what_asks_about_it() -> None:
    assert is_mail_question("Could you tell us what documents you need from us.")
    assert is_mail_question("Pourriez-vous nous indiquer la date de signature.")
    assert is_mail_question("Who keeps the key?")
    assert not is_mail_question("Please send us a copy of your passport.")
    assert not is_mail_question("Merci de votre message.")
    assert asks_what_was_asked("What did David ask about the fees?")
    assert asks_what_was_asked("Qu'a demandé Claire Dubois au notaire ?")
    assert not asks_what_was_asked("What documents do the buyers need to send?")
    assert not asks_what_was_asked("Quels papiers faut-il fournir ?")


def test_a_reply_writing_no_word_of_the_question_leaves_the_question_unquoted(
    tmp_path: Path,
) -> None:
    holding = REPLY.replace(
        "Please send us a copy of both your passports, your marriage certificate and a proof of "
        "address.\n\nThe signing can take place in our office in Bergerac.\n\n",
        "I will check with Maître Lemoine and come back to you next week.\n\n",
    )
    answer = _asked(
        tmp_path,
        {"enquiry.eml": ENQUIRY, "reply.eml": holding},
        "What documents do the buyers need to send for the sale?",
    )
    assert not any(quote.startswith("Could you tell us") for quote in _quotes(answer))


def _holding(reply: str, answer: str, date: str) -> str:
    """`reply` whose answer is a holding line ("we will come back to you") sent on `date`."""
    head, _, _ = reply.partition("\n\n")
    greeting = "Dear Mr Whitfield,\n\n" if "Dear" in reply else "Madame,\n\n"
    head = head.replace("Fri, 30 Jan 2026 11:02:00", date).replace("Wed, 4 Mar 2026 15:30:00", date)
    return f"{head}\n\n{greeting}{answer}\n\nBest regards,\nOffice\n"


GUIDE = (
    "# Guide for buyers\n\n"
    "The buyers need to send a copy of their passports and their marriage certificate for the "
    "sale.\n"
)
GUIDE_FR = (
    "# Guide des successions\n\n"
    "Pour ouvrir la succession, il faut fournir l'acte de décès et le livret de famille.\n"
)


@pytest.mark.parametrize(
    ("files", "question", "holding"),
    [
        pytest.param(
            {
                "enquiry.eml": ENQUIRY,
                "reply.eml": _holding(
                    REPLY, "Thank you, we will come back to you soon.", "Fri, 30 Jan 2026 11:02:00"
                ),
                "guide.md": GUIDE,
            },
            "What documents do the buyers need to send for the sale?",
            "Thank you, we will come back",
            id="english",
        ),
        pytest.param(
            {
                "demande.eml": DEMANDE,
                "reponse.eml": _holding(
                    REPONSE,
                    "Merci pour votre message, nous revenons vers vous rapidement.",
                    "Wed, 4 Mar 2026 15:30:00",
                ),
                "guide.md": GUIDE_FR,
            },
            "Quels papiers faut-il fournir pour ouvrir la succession ?",
            "Merci pour votre message",
            id="french",
        ),
    ],
)
def test_a_holding_reply_writing_no_word_of_the_question_is_no_answer(
    tmp_path: Path, files: dict[str, str], question: str, holding: str
) -> None:
    answer = _asked(tmp_path, files, question)
    assert not any(holding in quote for quote in _quotes(answer))


def test_the_next_reply_answers_when_the_first_only_holds(tmp_path: Path) -> None:
    first = _holding(
        REPLY, "Thank you, we will come back to you soon.", "Thu, 29 Jan 2026 10:00:00"
    )
    answer = _asked(
        tmp_path,
        {"enquiry.eml": ENQUIRY, "holding.eml": first, "reply.eml": REPLY},
        "What documents do the buyers need to send for the sale?",
    )
    assert not answer.abstained
    assert answer.citations[0].doc_id == "reply"
    assert "Please send us" in answer.citations[0].quote


REMINDER = (
    "From: Claire Dubois <claire.dubois@example.fr>\n"
    "To: Etude Martin <contact@etude-martin.example.fr>\n"
    "Subject: TR: Succession de ma tante\n"
    "Date: Mon, 9 Mar 2026 10:00:00 +0100\n"
    "Content-Type: text/plain; charset=utf-8\n\n"
    "Bonjour,\n\nJe me permets de vous relancer, je n'ai pas eu de réponse.\n\nClaire\n\n"
    "Le 2 mars 2026 à 10:00, Claire Dubois a écrit :\n"
    "> Quels papiers dois-je fournir pour ouvrir la succession de ma tante ?\n"
    "> Claire\n"
)
REMINDER_EN = (
    REMINDER.replace("Bonjour,", "Hello,")
    .replace(
        "Je me permets de vous relancer, je n'ai pas eu de réponse.", "Any news? I had no answer."
    )
    .replace(
        "Le 2 mars 2026 à 10:00, Claire Dubois a écrit :", "On 2 Mar 2026, Claire Dubois wrote:"
    )
    .replace(
        "Quels papiers dois-je fournir pour ouvrir la succession de ma tante ?",
        "Which papers do I send to open my aunt's estate?",
    )
)


@pytest.mark.parametrize(
    ("reminder", "question", "own"),
    [
        pytest.param(
            REMINDER,
            "Quels papiers faut-il fournir pour ouvrir la succession ?",
            "Je me permets",
            id="french",
        ),
        pytest.param(
            REMINDER_EN, "Which papers do I send to open the estate?", "Any news", id="english"
        ),
    ],
)
def test_a_reminder_quoting_its_own_senders_question_is_no_reply(
    tmp_path: Path, reminder: str, question: str, own: str
) -> None:
    answer = _asked(tmp_path, {"relance.eml": reminder}, question)
    assert not any(own in quote for quote in _quotes(answer))


def test_questions_asking_what_someone_asked_or_wants_to_know() -> None:
    assert asks_what_was_asked("Que demande Marc au sujet de la date limite ?")
    assert asks_what_was_asked("Quelle est la demande de Marc ?")
    assert asks_what_was_asked("Que veut savoir Claire sur la succession ?")
    assert asks_what_was_asked("What was David's query about the fees?")
    assert asks_what_was_asked("What did David enquire about?")
    assert asks_what_was_asked("What did Julia inquire about the VPN?")
    assert asks_what_was_asked("What does David want to find out about the fees?")
