"""A letter's subject line, greeting and closing, a letterhead's contact line, a minutes'
attendance line, a contents line and a README's folder line frame the text: quoted only when
the question asks for them or no other candidate is left (framing_lines.py, answering.quotable).

The s37 trial's engineering folder: "Subject: Riverside Footbridge — revised deck design" led the
quote for "How wide will the deck be?" (the shortest of the near-best), a README's folder line
answered "How many change requests are there?", a minutes' header line stood over the decision.
"""

from __future__ import annotations

import re

import numpy as np
import pytest
from tests.one_document_banks import one_document_bank, sentence_opening

from citeqa.answering import quotable
from citeqa.candidates import Candidates
from citeqa.framing_lines import framing_aside, framing_kind
from citeqa.language import split_sentences
from citeqa.sentences import ScoredSentence, SentenceBank

LETTER = (
    "Halvorsen Structural Engineering Ltd\n"
    "14 Quay Street, Bristol BS1 4DJ\n"
    "Tel. +44 117 496 0321\n"
    "\n"
    "Subject: Riverside Footbridge — revised deck design\n"
    "\n"
    "Dear Mr Okafor,\n"
    "\n"
    "The deck will now be 3.2 metres wide instead of 2.8 metres, to meet the guidance.\n"
    "\n"
    "Best regards, Anna Kowalski, Project Manager\n"
)

MINUTES = (
    "# Minutes — Design review 12 March 2026\n"
    "\n"
    "Present: Anna Kowalski (Halvorsen), David Okafor (Bristol City Council)\n"
    "\n"
    "## 1. Railing\n"
    "\n"
    "DECISION: The railing will be a stainless steel mesh with a timber handrail.\n"
)

README = (
    "# Project folder\n"
    "\n"
    "- minutes/ — minutes of the design reviews\n"
    "- change-requests/ — the change requests raised during construction\n"
    "\n"
    "Three change requests were raised: CR-001, CR-002 and CR-003.\n"
)

REPORT = (
    "# Load test report\n"
    "\n"
    "3. Load tests ........ 5\n"
    "4. Failed tests ........ 8\n"
    "\n"
    "## 4. Failed tests\n"
    "\n"
    "Two tests failed: the lateral vibration test and the handrail impact test.\n"
)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Subject: Riverside Footbridge — revised deck design", "subject"),
        ("Objet : Passerelle de la Saône — protection anticorrosion", "subject"),
        ("Dear Mr Okafor,", "salutation"),
        ("Madame, Monsieur,", "salutation"),
        ("Best regards,", "closing"),
        ("Best regards, Anna Kowalski, Project Manager", "closing"),
        ("Cordialement,", "closing"),
        (
            "Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations.",
            "closing",
        ),
        ("Tel. +44 117 496 0321 — info@halvorsen-eng.co.uk", "contact"),
        ("Tél : 04 78 92 15 60", "contact"),
        ("Courriel : contact@moreau-associes.fr", "contact"),
        ("Present: Anna Kowalski, David Okafor", "attendance"),
        ("Excusés : Hélène Roux (éclairagiste)", "attendance"),
        (
            "Minutes — Design review 12 March 2026 — Present: Anna Kowalski, Tom Hughes",
            "attendance",
        ),
        ("14 Quay Street, Bristol BS1 4DJ — Tel. +44 117 496 0321", "contact"),
        ("3. Load tests ........ 5", "contents"),
        ("4.2 Résultats . . . . . 12", "contents"),
        ("- change-requests/ — the change requests", "folder"),
        ("* `minutes/`: comptes rendus des réunions", "folder"),
        ("Dear Sir:", "salutation"),
        ("Sincerely yours,", "closing"),
        ("Veuillez agréer, Madame, Monsieur, nos salutations distinguées.", "closing"),
        ("Email: info@halvorsen-eng.co.uk", "contact"),
        ("Tél. 04 78 12 34 56", "contact"),
        ("Objet : Augmentation du loyer de 3 % au 1er janvier 2027", "subject"),
    ],
)
def test_framing_lines_are_read_by_their_kind(line: str, kind: str) -> None:
    assert framing_kind(line) == kind


@pytest.mark.parametrize(
    "line", ["Nom :" + " ." * 140, "Signature" + " _" * 140, "Date" + " ·" * 140]
)
def test_a_form_line_of_spaced_dots_without_a_page_is_no_contents_line(line: str) -> None:
    """A form's blank to fill in ('Nom : . . . . .', under the 300-character limit) has no page
    number: it is no contents line, and it is read at once (the contents pattern's repeats are
    possessive; with backtracking ones each two more dots took four times longer, hours here)."""
    assert framing_kind(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "The deck will now be 3.2 metres wide instead of 2.8 metres.",
        "Regarding the railing, the council preferred the mesh.",
        "Telephone support is open from 9:00 to 17:00.",
        "Present value of the contract: 120 000 €.",
        "Dear colleagues, the deadline moves to 6 March 2026 for every team.",
        "DECISION: The railing will be a stainless steel mesh.",
        "Hi there, everyone is welcome at the site visit on Friday.",
        "See docs/install.md for the steps.",
        "Twelve tests were carried out.",
        "Email: alerts are sent daily to the site manager.",
        "Participants: 120 patients aged 18 to 65 years.",
        "Mobile: the app runs on iOS and Android.",
        "Reference: NCT01234567",
        "Hi all,\nflow cells must be stored at 2-8 °C in the fridge, not in the freezer.",
        "Dear Tom,\nThe office moves to 14 Quay Street on 3 May.",
        "Article 1 — Objet : le présent bail porte sur un appartement de 3 pièces à Lyon",
        "Objet : le présent bail porte sur un appartement.",
        "Objet : le présent bail porte sur un appartement de trois pièces situé au centre de Lyon",
        "Email: the weekly report is sent every Monday at 9:00 to all staff.",
        "Regards to all who attended.",
        "Best wishes for the new year to everyone in the team and their families",
        "Recevez votre badge d'accès à l'accueil du bâtiment B dès le 3 mars.",
        "Hello team:",
    ],
)
def test_body_lines_are_no_framing_lines(line: str) -> None:
    assert framing_kind(line) is None


def _aside(text: str, opening: str, question: str) -> bool:
    start = text.index(opening)
    end = next(e for s, e in split_sentences(text) if s == start)
    return framing_aside(text, start, end, question)


def test_a_framing_line_is_aside_unless_the_question_asks_for_it() -> None:
    assert _aside(LETTER, "Subject:", "How wide will the deck of the Riverside Footbridge be?")
    assert not _aside(LETTER, "Subject:", "What is the subject of the letter?")
    assert _aside(LETTER, "Best regards", "How wide will the deck be?")
    assert not _aside(LETTER, "Best regards", "Who signed the letter?")
    assert not _aside(LETTER, "Best regards", "Qui a signé la lettre ?")
    assert not _aside(LETTER, "Best regards", "What is the role of Anna Kowalski?")
    assert _aside(LETTER, "Tel.", "How wide will the deck be?")
    assert not _aside(LETTER, "Tel.", "What is the phone number of Halvorsen?")
    assert not _aside(LETTER, "Tel.", "Quel est le numéro de téléphone du bureau ?")
    assert not _aside(LETTER, "Tel.", "Quel est le téléphone du bureau ?")
    assert not _aside(LETTER, "Tel.", "What is their e-mail address?")
    assert not _aside(LETTER, "Tel.", "Quelles sont les coordonnées du bureau ?")
    assert _aside(MINUTES, "Present:", "What was decided about the railing?")
    assert not _aside(MINUTES, "Present:", "Who attended the design review?")
    assert not _aside(MINUTES, "Present:", "Who represented Bristol City Council?")
    assert _aside(README, "- change-requests/", "How many change requests are there?")
    assert not _aside(README, "- change-requests/", "Which folder holds the change requests?")
    assert _aside(REPORT, "3. Load tests", "Which tests failed?")
    assert not _aside(REPORT, "4. Failed tests ....", "On which page are the failed tests?")


def _quoted(bank: SentenceBank, order: list[str], question: str) -> list[str]:
    """The openings of the candidates `quotable` keeps, ranked in `order` (best first)."""
    indexes = [sentence_opening(bank, words) for words in order]
    items = [ScoredSentence(i, 1.0, 0.0, 0.0, 0.0, 1) for i in indexes]
    rated = np.linspace(0.5, 0.1, len(items))
    kept = quotable(Candidates(items, rated, np.zeros((len(items), 2))), bank, question)
    text = bank.documents["d"].text
    return [text[bank.sentences[s.index].start :][:12] for s in kept.sentences]


def test_the_quote_is_chosen_past_a_framing_line_the_ranker_puts_first() -> None:
    bank = one_document_bank(LETTER, "txt", "Halvorsen Structural Engineering Ltd")
    order = ["Subject:", "The deck", "Dear Mr", "Best regards"]
    assert _quoted(bank, order, "How wide will the deck be?") == ["The deck wil", "Dear Mr Okaf"]
    minutes = one_document_bank(MINUTES, "md", "Minutes — Design review 12 March 2026")
    asked = "What was decided about the railing?"
    assert _quoted(minutes, ["Present:", "DECISION:"], asked) == ["DECISION: Th"]
    readme = one_document_bank(README, "md", "Project folder")
    order = ["- change-requests/", "Three change"]
    assert _quoted(readme, order, "How many change requests are there?") == ["Three change"]


def test_a_framing_line_asked_for_or_alone_is_still_quoted() -> None:
    bank = one_document_bank(LETTER, "txt", "Halvorsen Structural Engineering Ltd")
    order = ["Best regards", "The deck"]
    assert _quoted(bank, order, "Who signed the letter?")[0] == "Best regards"
    assert (
        _quoted(bank, ["Tel.", "The deck"], "What is the office's phone number?")[0]
        == "Tel. +44 117"
    )
    alone = _quoted(bank, ["Subject:", "Dear Mr"], "How wide will the deck be?")
    assert alone == ["Subject: Riv", "Dear Mr Okaf"]
    readme = one_document_bank(README, "md", "Project folder")
    order = ["- change-requests/", "Three change"]
    kept = _quoted(readme, order, "What does the README say the folder holds?")
    assert kept[0] == "- change-req"


def test_a_numbered_markdown_heading_is_one_sentence() -> None:
    text = "## 3. Drainage\n\nThe deck falls were checked.\n\n### 2.1. Results\n\nx"
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "## 3. Drainage",
        "The deck falls were checked.",
        "### 2.1. Results",
        "x",
    ]


def test_a_contents_line_is_one_sentence_with_its_page() -> None:
    text = "3. Load tests ........ 5\n4.2 Résultats . . . . 12\n\nHe waited... 5\nThen."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "3. Load tests ........ 5",
        "4.2 Résultats . . . . 12",
        "He waited...",
        "5",
        "Then.",
    ]


MAIL = (
    "Subject: Signing postponed\n"
    "\n"
    "Dear Mr and Mrs Whitfield,\n"
    "\n"
    "The SAFER has not yet answered, and the certificate was only issued on 15 May.\n"
    "\n"
    "Kind regards, Claire Martin\n"
)


def test_a_greeting_over_the_body_is_quotable() -> None:
    """Its quote runs on into the body under it, which answers (s37 trial a012)."""
    assert not _aside(MAIL, "Dear Mr", "Why was the deed postponed?")
    assert _aside(MAIL, "Kind regards", "Why was the deed postponed?")
    assert _aside("Dear Tom,\n\nKind regards,\nAnna\n", "Dear Tom", "When is the move?")


def test_a_framing_line_writing_more_of_the_question_stays() -> None:
    """Set aside only when a remaining candidate writes as many of the question's words."""
    text = "Staff mail\n\nSubject: Office move\nThe canteen menu changes every Monday.\n"
    bank = one_document_bank(text, "txt", "Staff mail")
    order = ["Subject:", "The canteen"]
    assert _quoted(bank, order, "When does the office move?") == ["Subject: Off", "The canteen "]
    assert _quoted(bank, order, "When does the canteen menu change?") == ["The canteen "]


@pytest.mark.parametrize(
    ("text", "opening", "question"),
    [
        (
            "Minutes\n\nPresent: 42 members out of 118.\n\nThe accounts were approved.\n",
            "Present:",
            "How large was the turnout at the general meeting?",
        ),
        (
            "Compte rendu\n\nPrésents : 42 adhérents sur 118\n\nLes comptes sont approuvés.\n",
            "Présents",
            "Combien d'adhérents étaient là à l'assemblée générale ?",
        ),
        (
            "Subject: boiler replacement on Thursday 16 April 2026 from 8:00\n\nDear tenants,\n",
            "Subject:",
            "What time does the boiler replacement start?",
        ),
        (
            "Objet : remplacement de la chaudière jeudi 16 avril 2026 à 8 h\n\nMadame,\n",
            "Objet",
            "À quelle heure commence le remplacement de la chaudière ?",
        ),
    ],
)
def test_a_subject_or_attendance_line_writing_a_digit_is_quotable(
    text: str, opening: str, question: str
) -> None:
    """s38 probe H4/H5: such a line may hold the count or the day asked; without its digits
    it is set aside."""
    assert not _aside(text, opening, question)
    assert _aside(re.sub(r"\d+", "some", text), opening, question)


@pytest.mark.parametrize(
    ("text", "opening", "question"),
    [
        (
            "From: Anna Berg\nSubject: Q3 budget review 2026\n\nThe board approved 40,000 euros.\n",
            "Subject:",
            "What budget did the board approve for the roof?",
        ),
        (
            "De : Anna Berg\nObjet : bilan du budget T3 2026\n\nLe conseil a voté 40 000 euros.\n",
            "Objet",
            "Quel budget le conseil a-t-il voté pour la toiture ?",
        ),
        (
            "Minutes\n\nPresent: 12 members\n\nThe assembly elected Maria Lopez as treasurer.\n",
            "Present:",
            "When was the treasurer elected?",
        ),
    ],
)
def test_a_subject_line_writing_no_value_of_the_kind_asked_stays_aside(
    text: str, opening: str, question: str
) -> None:
    """s38 review: a year, "Q3" or a count is no value a budget's or a when-question asks."""
    assert _aside(text, opening, question)
