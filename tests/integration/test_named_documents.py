"""answering.of_named_documents (asked_names.py): a question naming someone in several words
that a document writes is answered only from a document writing that name, in its text, title or
path (s35 trial cause 6: "la Fondation de France" answered by another foundation's award
letter; s29 n08: "Paul Marchand" by another member's row, Sophie Marchand's list)."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

FILES = {
    "subventions/lettre_attribution.md": (
        "# Lettre d'attribution\n\nLa Fondation Horizon Lecture nous a accordé une subvention de "
        "30 000 euros pour le projet d'ateliers d'écriture.\n"
    ),
    "subventions/pistes.md": (
        "# Pistes de financement\n\nLa Fondation de France finance des projets de lecture ; "
        "dossier à préparer pour 2026.\n"
    ),
    "club/reglement.md": (
        "# Règlement intérieur\n\nLe certificat médical doit dater de moins de trois ans. "
        "La cotisation annuelle est de 20 euros.\n"
    ),
    "club/adherents_2024.md": (
        "# Adhérents 2024\n\n| Nom | Prénom | Certificat médical |\n|---|---|---|\n"
        "| Marchand | Paul | 2024-09-08 |\n| Roux | Anne | 2024-09-12 |\n"
    ),
    "club/adherents_2025.md": (
        "# Adhérents 2025\n\n| Nom | Prénom | Certificat médical |\n|---|---|---|\n"
        "| Roux | Anne | 2025-09-10 |\n| Marchand | Sophie | 2025-09-14 |\n"
    ),
}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    folder = tmp_path_factory.mktemp("named")
    return assistant_over(FILES, folder / "corpus", folder / "index")


def _quoted_files(assistant: Assistant, question: str) -> list[str]:
    return [citation.doc_id for citation in assistant.ask(question).citations]


def test_another_foundations_award_does_not_answer_for_the_named_one(
    assistant: Assistant,
) -> None:
    question = "Quel montant la Fondation de France nous a-t-elle accordé en subvention ?"
    assert "subventions/lettre_attribution" not in _quoted_files(assistant, question)


def test_another_members_row_does_not_answer_for_the_named_member(assistant: Assistant) -> None:
    question = "Quelle est la date du certificat médical de Paul Marchand pour 2025 ?"
    assert "club/adherents_2025" not in _quoted_files(assistant, question)


def test_a_name_a_roster_writes_in_its_columns_still_answers(assistant: Assistant) -> None:
    quoted = _quoted_files(assistant, "Quelle est la date du certificat médical de Paul Marchand ?")
    assert quoted[:1] == ["club/adherents_2024"]


def test_the_name_of_the_answering_letter_answers(assistant: Assistant) -> None:
    quoted = _quoted_files(
        assistant, "Quel montant la Fondation Horizon Lecture nous a-t-elle accordé ?"
    )
    assert quoted[:1] == ["subventions/lettre_attribution"]


TWO_PAYERS = {
    "fees/paul.md": "# Cotisations\n\nPaul Marchand a payé 120 euros le 4 janvier 2024.\n",
    "fees/anne.md": "# Dons\n\nAnne Roux a donné 80 euros le 9 février 2024.\n",
    "fees/sophie.md": "# Relances\n\nSophie Marchand n'a pas encore payé sa cotisation.\n",
}


def test_a_question_naming_two_people_no_document_writes_together_is_answered(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    folder = tmp_path_factory.mktemp("two_names")
    assistant = assistant_over(TWO_PAYERS, folder / "corpus", folder / "index")
    quoted = _quoted_files(assistant, "Combien ont payé Anne Roux et Paul Marchand ?")
    assert quoted and "fees/sophie" not in quoted


def test_a_refusal_for_another_entitys_document_names_the_asked_name(
    assistant: Assistant,
) -> None:
    answer = assistant.ask("Quelle est la date du certificat médical de Paul Marchand pour 2025 ?")
    assert not answer.citations
    assert "“Paul Marchand”" in answer.answer


SHORT_FORMS = {
    "conventions/convention_2025.md": (
        "# Convention de subvention 2025\n\nLa Fondation accorde à l'association Lire Ensemble "
        "une subvention de 30 000 euros pour l'année 2025.\n"
    ),
    "conventions/partenaires.md": (
        "# Nos partenaires\n\nL'association remercie la Fondation de France et la Mairie de Lyon "
        "pour leur soutien.\n"
    ),
    "mairie/compte_rendu_2025.md": (
        "# Compte rendu annuel 2025\n\nLe Conseil municipal s'est réuni 7 fois en 2025.\n"
    ),
    "mairie/budget_2025.md": (
        "# Budget 2025\n\nLe Conseil Municipal a validé le budget le 12 mars 2025.\n"
        "Subvention accordée : 30 000 euros.\n"
    ),
    "club/minutes.md": (
        "# Annual general meeting\n\nThe report was presented by Ingrid K. Halvorsen, "
        "treasurer, who announced a surplus of 2,300 euros.\n"
    ),
    "club/members.md": (
        "# Members\n\n| Surname | First name | Phone |\n|---|---|---|\n"
        "| Halvorsen | Ingrid | 555 0101 |\n| Walsh | Mary | 555 0102 |\n"
    ),
    "club/steering.md": "# Steering\n\nThe Comité de pilotage met 4 times this year.\n",
    "club/plan.md": "# Plan\n\nThe Comité de Pilotage approved a budget of 12,000 euros.\n",
}


@pytest.fixture(scope="module")
def short_forms(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    folder = tmp_path_factory.mktemp("short_forms")
    return assistant_over(SHORT_FORMS, folder / "corpus", folder / "index")


@pytest.mark.parametrize(
    ("question", "answering"),
    [
        ("Combien la Fondation de France nous a-t-elle accordé en 2025 ?", "convention_2025"),
        ("Combien de fois le Conseil Municipal s'est-il réuni en 2025 ?", "compte_rendu_2025"),
        ("What surplus did Ingrid Halvorsen announce?", "minutes"),
        ("How many times did the Comité de Pilotage meet?", "steering"),
    ],
)
def test_a_short_form_a_middle_initial_or_a_lower_case_word_keeps_the_answering_document(
    short_forms: Assistant, question: str, answering: str
) -> None:
    quoted = _quoted_files(short_forms, question)
    assert [doc_id.rsplit("/", 1)[-1] for doc_id in quoted[:1]] == [answering]
