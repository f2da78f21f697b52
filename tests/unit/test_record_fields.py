"""record_fields.py: a section made mostly of "Label : value" lines is a record, and a field
line of it answers a question naming its label and, through the record's other lines, its
owner."""

from __future__ import annotations

from citeqa.field_lines import field_label
from citeqa.record_fields import answering_fields, asked_words, records_of

CARD = (
    "# GEO-310 — Cartographie des sols\n\n"
    "Master Géosciences — année 2031-2032\n\n"
    "Enseignante : Prof. Irène Vasseur (irene.vasseur@univ-exemple.fr)\n\n"
    "Crédits ECTS : 4\n\n"
    "Permanences : le jeudi de 9 h à 10 h, bureau G12\n\n"
    "## Contenu\n\n"
    "- Pédologie de terrain\n"
    "- Évaluation : carte pédologique, rapport\n"
)
PROSE = (
    "# Compte rendu de terrain\n\n"
    "Nous avons relevé douze profils le long du versant nord.\n"
    "Lieu : plateau de Langres\n"
    "Date : 3 mai 2032\n"
    "Les horizons humifères sont plus épais sous la hêtraie que sous la prairie voisine.\n"
    "La carte sera reprise après les analyses de laboratoire.\n"
)


def answer_lines(text: str, question: str, naming: frozenset[str] = frozenset()) -> list[str]:
    found = answering_fields(text, asked_words(question), question, naming)
    return [text[start:end] for _, start, end in found]


def test_a_section_of_mostly_field_lines_is_a_record_and_prose_is_none() -> None:
    (record,) = records_of(CARD)
    labels = [label for _, _, label in record.fields]
    assert labels == ["Enseignante", "Crédits ECTS", "Permanences"]
    assert records_of(PROSE) == []


def test_a_field_line_answers_the_question_naming_its_label_and_its_record_s_owner() -> None:
    hours = ["Permanences : le jeudi de 9 h à 10 h, bureau G12"]
    assert answer_lines(CARD, "Quand sont les permanences d'Irène Vasseur ?") == hours
    assert answer_lines(CARD, "Permanences en cartographie des sols ?") == hours
    assert answer_lines(CARD, "GEO-310 ECTS") == ["Crédits ECTS : 4"]


def test_no_line_answers_for_another_owner_an_unwritten_word_or_no_owner() -> None:
    assert answer_lines(CARD, "Quand sont les permanences de Paul Girard ?") == []
    assert answer_lines(CARD, "Quand sont les permanences du samedi d'Irène Vasseur ?") == []
    assert answer_lines(CARD, "Quand sont les permanences ?") == []


def test_the_document_s_name_words_name_its_owner() -> None:
    question = "Permanences du cours de pédologie appliquée ?"
    assert answer_lines(CARD, question) == []
    named = answer_lines(CARD, question, frozenset({"cours", "pedologie", "appliquee"}))
    assert named == ["Permanences : le jeudi de 9 h à 10 h, bureau G12"]


def test_a_title_s_abbreviated_period_ends_no_sentence_in_a_field_s_value() -> None:
    line = "Enseignante : Prof. Irène Vasseur (irene.vasseur@univ-exemple.fr)"
    assert field_label(line, 0, len(line)) == "Enseignante"
    fee = "Pénalités : 3 fois le taux. Indemnité de 40 €"
    assert field_label(fee, 0, len(fee)) is None
