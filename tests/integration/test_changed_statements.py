"""A statement that a later-dated document changes (an event moved, postponed, cancelled, a
price or a room changed) is quoted after the change, whatever the question asks (s29 trial:
"Quand a lieu le bac blanc de physique ?" quoted the calendar's outdated "22 janvier, Gymnase"
first and the principal's later mail moving it to 5 February second). Another question on the
event that the change does not concern keeps its quote alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

AGENDA_1REB = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Pronote//Agenda 1re B//FR
X-WR-CALNAME:Agenda 1re B
BEGIN:VEVENT
UID:ev1@lycee
DTSTAMP:20260901T080000Z
LAST-MODIFIED:20260901T080000Z
DTSTART:20270122T080000
DTEND:20270122T120000
SUMMARY:Bac blanc de physique-chimie
LOCATION:Gymnase
DESCRIPTION:Bac blanc de physique-chimie pour les classes de 1re. Durée : 4 heures.
END:VEVENT
BEGIN:VEVENT
UID:ev2@lycee
DTSTAMP:20260901T080000Z
LAST-MODIFIED:20260901T080000Z
DTSTART:20270128T173000
DTEND:20270128T190000
SUMMARY:Conseil de classe 1re B
LOCATION:Salle 204
END:VEVENT
BEGIN:VEVENT
UID:ev3@lycee
DTSTAMP:20260901T080000Z
LAST-MODIFIED:20260901T080000Z
DTSTART:20270211T180000
DTEND:20270211T200000
SUMMARY:Réunion parents-professeurs
LOCATION:CDI
END:VEVENT
BEGIN:VEVENT
UID:ev4@lycee
DTSTAMP:20260901T080000Z
LAST-MODIFIED:20260901T080000Z
DTSTART:20270303T090000
DTEND:20270303T110000
SUMMARY:Chemistry mock exam (international section)
LOCATION:Room L12
END:VEVENT
BEGIN:VEVENT
UID:ev5@lycee
DTSTAMP:20260901T080000Z
LAST-MODIFIED:20260901T080000Z
DTSTART;VALUE=DATE:20270422
SUMMARY:Science fair
LOCATION:Main hall
DESCRIPTION:Students present their physics projects to parents.
END:VEVENT
BEGIN:VEVENT
UID:ev6@lycee
DTSTAMP:20260901T080000Z
LAST-MODIFIED:20260901T080000Z
DTSTART;VALUE=DATE:20270318
SUMMARY:Sortie au Palais de la découverte
LOCATION:Paris
END:VEVENT
END:VCALENDAR
"""
BAC_BLANC = """From: Proviseur <proviseur@lycee.fr>
To: Equipe physique <physique@lycee.fr>
Subject: Bac blanc de physique : changement de date
Date: Thu, 10 Dec 2026 17:42:00 +0100
Content-Type: text/plain; charset=utf-8

Bonjour à tous,

Le gymnase étant réservé pour les épreuves sportives, le bac blanc de physique-chimie est \
déplacé au 5 février 2027, de 8h à 12h, en salle polyvalente.
Merci de prévenir vos élèves.

Cordialement,
Le proviseur
"""
RAPPEL = """From: Mme Leroy <leroy@lycee.fr>
To: Equipe physique <physique@lycee.fr>
Subject: Rappel bac blanc
Date: Mon, 14 Dec 2026 08:00:00 +0100
Content-Type: text/plain; charset=utf-8

Bonjour,

Rappel : pour le bac blanc de physique-chimie, la calculatrice en mode examen est \
autorisée. Les sujets seront photocopiés par la vie scolaire.

Mme Leroy
"""
EMPLOI_DU_TEMPS = """# Emploi du temps 1re B — version du 1er septembre 2026

Date : 1er septembre 2026

## Lundi

- 8h-10h : Mathématiques, salle 204
- 10h-12h : Physique-chimie (cours), salle 110

## Mardi

- 14h-16h : TP de physique-chimie, salle L12 (groupes A et B en alternance)

## Jeudi

- 10h-12h : Physique-chimie (cours), salle 110

## International section (English)

- Tuesday labs: 2-4 pm in room L12, lab coats required.
- Thursday chemistry seminar: 4-5 pm in room 110.
"""
LABS = """From: Lab manager <labs@lycee.fr>
To: Science teachers <sciences@lycee.fr>
Subject: Tuesday labs: new room
Date: Tue, 15 Dec 2026 09:10:00 +0100
Content-Type: text/plain; charset=utf-8

Hello everyone,

Room L12 is being refurbished over the winter. From 5 January, the Tuesday labs move to \
room L15, same times.
Please tell your students.

Best,
Sam
"""
VOYAGE = """From: M. Durand <durand@lycee.fr>
To: Equipe physique <physique@lycee.fr>
Subject: Voyage à Londres : nouveau tarif
Date: Fri, 13 Nov 2026 10:00:00 +0100
Content-Type: text/plain; charset=utf-8

Bonjour,

Suite à la hausse du prix du ferry, le coût du voyage à Londres passe de 420 € à 465 € \
par élève. Une nouvelle fiche d'inscription sera envoyée aux familles.

Merci,
Paul Durand
"""
FILES = {
    "agenda-1reB.ics": AGENDA_1REB,
    "bac-blanc.eml": BAC_BLANC,
    "rappel.eml": RAPPEL,
    "emploi-du-temps.md": EMPLOI_DU_TEMPS,
    "labs.eml": LABS,
    "voyage.eml": VOYAGE,
}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(FILES, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("index"))


@pytest.mark.parametrize(
    "question",
    ["Quand a lieu le bac blanc de physique ?", "Où se passe le bac blanc de physique ?"],
)
def test_a_later_mail_moving_a_calendars_event_is_quoted_first(
    assistant: Assistant, question: str
) -> None:
    answer = assistant.ask(question)
    assert not answer.abstained
    first, *others = answer.citations
    assert first.doc_id == "bac-blanc" and "5 février" in first.quote
    assert (first.otherwise, first.later, first.earlier) == (False, None, None)
    assert [(c.doc_id, c.earlier, c.before) for c in others] == [
        ("agenda-1reB", "2026-09-01", "2026-12-10")
    ]
    assert "Plus tôt (2026-09-01, avant le 2026-12-10 cité)" in answer.answer


def test_an_unrelated_event_edited_after_the_mail_does_not_redate_the_calendar(
    tmp_path: Path,
) -> None:
    """Exports stamp each event: the science fair edited on 15 December made the whole calendar
    newer than the principal's mail of 10 December, whose move was then labelled earlier (s29
    review). Each event is dated on its own."""
    edited = "UID:ev5@lycee\nDTSTAMP:20260901T080000Z\nLAST-MODIFIED:20261215T080000Z"
    agenda = AGENDA_1REB.replace(edited.replace("20261215", "20260901"), edited)
    assert agenda != AGENDA_1REB
    files = {**FILES, "agenda-1reB.ics": agenda}
    (tmp_path / "docs").mkdir()
    answer = assistant_over(files, tmp_path / "docs", tmp_path / "index").ask(
        "Quand a lieu le bac blanc de physique ?"
    )
    first, *others = answer.citations
    assert first.doc_id == "bac-blanc" and "5 février" in first.quote
    assert [(c.doc_id, c.earlier) for c in others] == [("agenda-1reB", "2026-09-01")]


def test_what_the_change_does_not_concern_is_quoted_alone(assistant: Assistant) -> None:
    answer = assistant.ask("Quelle est la durée du bac blanc de physique ?")
    assert not answer.abstained
    assert [(c.doc_id, c.earlier) for c in answer.citations] == [("agenda-1reB", None)]


FORM = """# Voyage à Londres — fiche d'inscription{edition}

Date : {day}

Destination : Londres (Science Museum, Royal Institution)
Dates : du 12 au 16 avril 2027
Coût par élève : {price}
Accompagnateurs : M. Durand, Mme Leroy
Date limite de retour de la fiche : {deadline}
Paiement en trois fois possible.
"""


@pytest.fixture(scope="module")
def forms(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {
        "fiche-voyage.md": FORM.format(
            edition="", day="15 septembre 2026", price="420 €", deadline="9 octobre 2026"
        ),
        "fiche-voyage-v2.md": FORM.format(
            edition=" (version 2)",
            day="20 novembre 2026",
            price="465 €",
            deadline="4 décembre 2026",
        ),
        "voyage.eml": VOYAGE,
        "agenda-1reB.ics": AGENDA_1REB,
        "emploi-du-temps.md": EMPLOI_DU_TEMPS,
    }
    return assistant_over(files, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("index"))


def test_a_later_documents_title_line_is_no_later_statement(forms: Assistant) -> None:
    """Its title states nothing: "fiche d'inscription (version 2)" was shown as the later
    word on the mail's "passe de 420 € à 465 €", its "2" read as a value."""
    answer = forms.ask("Qui accompagne le voyage à Londres ?")
    assert not answer.abstained
    shown = [citation.quote for citation in answer.citations if citation.later]
    assert all("(version 2)" not in quote for quote in shown)


SUBSCRIPTION_RULES = {
    "rules.md": "# Club rules\n\nDate: 1 September 2025\n\nThe annual subscription is £40 per"
    " member.\nIt is paid by bank transfer.\n",
    "news.eml": "From: Secretary <s@club.example>\nTo: Bureau <b@club.example>\nSubject: Refunds"
    "\nDate: Mon, 12 Jan 2026 10:00:00 +0000\nContent-Type: text/plain; charset=utf-8\n\n"
    "Hello,\n\nSessions cancelled because of snow are refunded from the annual subscription at"
    " £2 each.\n\nThe secretary\n",
    "reglement.md": "# Règlement du club\n\nDate : 1er septembre 2025\n\nLa cotisation annuelle"
    " est de 120 € par adhérent.\nLe paiement se fait par chèque ou virement.\n",
    "bureau.md": "# Compte rendu du bureau\n\nDate : 12 janvier 2026\n\nLa cotisation annuelle"
    " est remboursée à partir de trois séances annulées.\n",
    "venue.md": "# Venue\n\nTraining takes place at the sports hall.\n",
}


@pytest.fixture(scope="module")
def subscriptions(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(
        SUBSCRIPTION_RULES, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("index")
    )


@pytest.mark.parametrize(
    ("question", "answer_doc", "value"),
    [
        ("How much is the annual subscription?", "rules", "£40"),
        ("Combien coûte la cotisation annuelle ?", "reglement", "120 €"),
    ],
)
def test_a_later_sentence_writing_a_bare_change_word_does_not_lead(
    subscriptions: Assistant, question: str, answer_doc: str, value: str
) -> None:
    """ "cancelled", "à partir de" give the subscription no new value (s29 review): the rules'
    price stays the answer, first and unlabelled."""
    answer = subscriptions.ask(question)
    assert not answer.abstained
    first = answer.citations[0]
    assert (first.doc_id, first.earlier) == (answer_doc, None) and value in first.quote
