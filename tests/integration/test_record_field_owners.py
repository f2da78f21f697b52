"""A record (a syllabus, a staff card, a product sheet: mostly "Label : value" lines) answers
a question naming its owner and a field by that field's line, though the line names no owner
(field_answers.on_record_field, record_fields.py): another document's line naming the owner only
(a notes header, a newsletter's line) won before (s33 trial, 7 wrong quotes). A record of the
same shape naming another owner answers nothing for the asked one."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over


def staff_card(code: str, course: str, teacher: str, rest: str) -> str:
    return (
        f"# {code} — {course}\n\n"
        "Licence professionnelle Métiers du bois — année 2031-2032\n\n"
        f"Responsable : {teacher}\n\n"
        "Crédits ECTS : 3\n\n"
        f"{rest}"
        "## Programme\n\n"
        "- Lecture de plans\n"
        "- Sécurité à l'atelier\n"
    )


CARPENTRY = staff_card(
    "LPB-210",
    "Charpente traditionnelle",
    "Odile Fontaine (odile.fontaine@iut-exemple.fr)",
    "Évaluation : CC 30 % / examen 70 %\n\nPermanences : le mardi de 8 h à 9 h, atelier A12\n\n",
)
JOINERY = staff_card(
    "LPB-220",
    "Menuiserie d'agencement",
    "Bastien Lemaire (bastien.lemaire@iut-exemple.fr)",
    "Évaluation : CC 60 % / examen 40 %\n\n"
    "Permanences : le vendredi de 14 h à 15 h, atelier B04\n\n",
)
FINISHING = staff_card(
    "LPB-230",
    "Finitions et vernis",
    "Théo Garnier (theo.garnier@iut-exemple.fr)",
    "Évaluation : examen 100 %\n\nLangue : français\n\n",
)
CARPENTRY_NOTES = (
    "# Cours 3 — assemblages à tenon et mortaise\n\n"
    "*LPB-210 Charpente traditionnelle — Odile Fontaine — 4 octobre 2031*\n\n"
    "Le tenon occupe le tiers de l'épaisseur de la pièce. On trace toujours depuis la face "
    "de parement, jamais depuis la contre-face.\n"
)
JOINERY_NOTES = (
    "# Cours 2 — placage\n\n"
    "*LPB-220 Menuiserie d'agencement — Bastien Lemaire — 11 octobre 2031*\n\n"
    "Le placage se colle à la presse à membrane, fil croisé sur chaque face du panneau.\n"
)
SHEET_A = (
    "# Product sheet — Vireo 40 cordless sander\n\n"
    "Model: Vireo 40\n\n"
    "Battery: 18 V, 4 Ah lithium-ion\n\n"
    "Weight: 1.9 kg\n\n"
    "Warranty: 3 years (parts and labour)\n\n"
    "Sound level: 78 dB(A)\n"
)
SHEET_B = (
    "# Product sheet — Corvid 12 oscillating multitool\n\n"
    "Model: Corvid 12\n\n"
    "Battery: 12 V, 2 Ah lithium-ion\n\n"
    "Weight: 1.1 kg\n\n"
    "Warranty: 1 year (parts only)\n\n"
    "Sound level: 84 dB(A)\n"
)
CARD_KELLER = (
    "# Staff card\n\n"
    "Name: Dr Nadia Keller\n\n"
    "Role: Timber engineering lecturer\n\n"
    "Phone: +44 161 555 0142\n\n"
    "Office hours: Wednesdays 10:00-12:00, room T3.07\n"
)
CARD_OKAFOR = (
    "# Staff card\n\n"
    "Name: Dr Samuel Okafor\n\n"
    "Role: Workshop safety officer\n\n"
    "Phone: +44 161 555 0178\n\n"
    "Office hours: Mondays 15:00-16:00, room W1.02\n"
)
SEMINAR = (
    "# Research seminar programme\n\n"
    "Dr Nadia Keller will present her work on cross-laminated timber joints on 3 May 2032.\n\n"
    "Dr Samuel Okafor will talk about dust extraction in small workshops on 17 May 2032.\n"
)
PLACEMENT_MAIL = (
    "From: Placements Office <placements@college-example.ac.uk>\n"
    "To: Lena Brookes <lena.brookes@college-example.ac.uk>\n"
    "Date: 20 January 2032\n"
    "Subject: agreement signatures\n\n"
    "Dear Lena, the agreement has been signed by all three parties.\n"
)
PLACEMENT = (
    "# Placement agreement\n\n"
    "The placement runs from 2 March 2032 to 28 August 2032, at Keller Timber Frames, Leeds.\n"
)
NEWSLETTER = (
    "# Workshop newsletter, March 2032\n\n"
    "The Vireo 40 sander arrived in the finishing room this month. The Corvid 12 multitool "
    "stays in the joinery room for trimming door casings.\n"
)
STATEMENT = (
    "Relevé de factures du client\n\n"
    "Facture N° : F-001\nClient : Hampton\nTotal TTC : 120,00 €\n\n"
    "Facture N° : F-002\nClient : Baxter\nTotal TTC : 980,00 €\n"
)


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {
        "cours/LPB-210/fiche_LPB-210.md": CARPENTRY,
        "cours/LPB-220/fiche_LPB-220.md": JOINERY,
        "cours/LPB-230/fiche_LPB-230.md": FINISHING,
        "cours/LPB-210/notes_cours3.md": CARPENTRY_NOTES,
        "cours/LPB-220/notes_cours2.md": JOINERY_NOTES,
        "tools/vireo_40_sheet.md": SHEET_A,
        "tools/corvid_12_sheet.md": SHEET_B,
        "news/newsletter_2032-03.md": NEWSLETTER,
        "staff/card_keller.md": CARD_KELLER,
        "staff/card_okafor.md": CARD_OKAFOR,
        "news/seminars.md": SEMINAR,
        "placement/agreement_signatures.eml": PLACEMENT_MAIL,
        "placement/agreement.md": PLACEMENT,
        "compta/releve.md": STATEMENT,
    }
    corpus, index = tmp_path_factory.mktemp("records"), tmp_path_factory.mktemp("index")
    return assistant_over(files, corpus, index)


def quotes(assistant: Assistant, question: str) -> str:
    answer = assistant.ask(question)
    return "\n".join(citation.quote for citation in answer.citations)


def quoted(assistant: Assistant, question: str) -> str:
    answer = assistant.ask(question)
    assert not answer.abstained, answer.reason
    return answer.citations[0].quote


def test_the_asked_owner_s_field_line_is_quoted_not_a_line_naming_the_owner(
    records: Assistant,
) -> None:
    tuesday = quoted(records, "Quand sont les permanences d'Odile Fontaine ?")
    assert "le mardi de 8 h à 9 h" in tuesday and "vendredi" not in tuesday
    friday = quoted(records, "Quand sont les permanences de Bastien Lemaire ?")
    assert "le vendredi de 14 h à 15 h" in friday and "mardi" not in friday


def test_a_record_is_named_by_its_title_and_asked_in_other_words(records: Assistant) -> None:
    assert "Odile Fontaine" in quoted(
        records, "Qui est responsable de la charpente traditionnelle ?"
    )
    assert "atelier B04" in quoted(records, "When are Bastien Lemaire's office hours?")


def test_an_english_card_s_field_line_wins_over_a_sentence_naming_its_owner(
    records: Assistant,
) -> None:
    role = quoted(records, "What is the role of Samuel Okafor?")
    assert "Role: Workshop safety officer" in role and "dust extraction" not in role
    role_fr = quoted(records, "Quel est le rôle de Samuel Okafor ?")
    assert "Workshop safety officer" in role_fr and "dust extraction" not in role_fr


def test_a_mail_s_header_lines_are_no_record_of_its_sender(records: Assistant) -> None:
    # a guard (it held before): the mail's "Date:" line under "From: Placements Office" is the
    # message's date, no date of the placement
    assert "Date: 20 January 2032" not in quotes(records, "What are the dates of the placement?")


def test_a_product_sheet_s_field_is_quoted_for_its_product(records: Assistant) -> None:
    # a guard (it held before): of two sheets of one shape, the named product's line
    warranty = quoted(records, "What is the warranty of the Vireo 40?")
    assert "3 years" in warranty and "1 year" not in warranty


def test_an_owner_whose_record_lacks_the_field_gets_no_other_record_s_line(
    records: Assistant,
) -> None:
    # a guard (it held before): no record names Théo Garnier with office hours, none names
    # Margaux Villeneuve at all; the other teachers' lines answer neither
    for question in (
        "Quand sont les permanences de Théo Garnier ?",
        "Quand sont les permanences de Margaux Villeneuve ?",
    ):
        said = quotes(records, question)
        assert "mardi de 8 h" not in said and "vendredi de 14 h" not in said, question


def test_an_invoice_of_a_statement_is_quoted_for_its_own_number(records: Assistant) -> None:
    # two invoices under no heading are two records: F-001's lines answer nothing of F-002
    total = quoted(records, "Quel est le total TTC de la facture F-002 ?")
    assert "980,00 €" in total and "120,00 €" not in total


def test_a_roster_row_answers_in_either_language_alike(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    # the row's header "Office hours" writes "heures de permanence" (a group of
    # field_labels.json): the French question keeps the row the English one keeps
    files = {
        "staff/keller.md": "# Staff card\n\nName: Dr Nadia Keller\n"
        "Department: Timber engineering\nRole: Lecturer\nOffice hours: Wednesdays 10:00-12:00\n",
        "staff/okafor.md": "# Staff card\n\nName: Dr Samuel Okafor\n"
        "Department: Timber engineering\nRole: Safety officer\n"
        "Office hours: Mondays 15:00-16:00\n",
        "staff/roster.md": "# Staff roster\n\n| Name | Office hours | Room |\n|---|---|---|\n"
        "| Nadia Keller | Thursdays 14:00-15:00 | T3.07 |\n"
        "| Paul Ndiaye | Fridays 9:00-10:00 | T2.11 |\n",
    }
    corpus, index = tmp_path_factory.mktemp("roster"), tmp_path_factory.mktemp("roster_index")
    assistant = assistant_over(files, corpus, index)
    english = quotes(assistant, "What are Nadia Keller's office hours?")
    french = quotes(assistant, "Heures de permanence de Nadia Keller ?")
    assert ("Thursdays" in french) == ("Thursdays" in english), (english, french)
    assert ("Wednesdays" in french) == ("Wednesdays" in english), (english, french)


DIRECTORY = (
    "# Annuaire du cabinet\n\n"
    "Nom : Sophie Bernard\nTéléphone : 01 23 45 67 89\nBureau : B12\nCourriel : sophie@cab.fr\n\n"
    "Nom : Marc Dubois\nBureau : C7\nCourriel : marc@cab.fr\nFonction : comptable\n\n"
    "Nom : Paul Girard\nBureau : Téléphone : 09 99 99 99 99\nFonction : standardiste\n"
    "Courriel : paul@cab.fr\n"
)


def test_an_owner_whose_card_lacks_the_field_is_refused_naming_both(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    # s35 hostile M4: Sophie Bernard's card was quoted for Marc Dubois's phone
    files = {"annuaire.md": DIRECTORY, "autre.txt": "Le cabinet ouvre à 8 h.\n"}
    corpus, index = tmp_path_factory.mktemp("cards"), tmp_path_factory.mktemp("cards_index")
    assistant = assistant_over(files, corpus, index)
    marc = assistant.ask("Quel est le téléphone de Marc Dubois ?")
    assert marc.abstained and marc.reason is not None
    assert "Marc Dubois" in marc.reason and "Téléphone" in marc.reason
    paul = quoted(assistant, "Quel est le téléphone de Paul Girard ?")
    assert "09 99 99 99 99" in paul
    assert "01 23 45 67 89" in quoted(assistant, "Quel est le téléphone de Sophie Bernard ?")
