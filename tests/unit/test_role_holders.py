"""A question asking who holds a role, answered by quotes naming no one, abstains naming the
role (role_holders.py); a quote naming someone stands."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeqa.role_holders import (
    asked_holding,
    asked_role,
    asked_role_words,
    names_someone,
    unnamed_role,
)
from small_corpora import asked_of_files

STATUTES = (
    "# Statuts\n\n## Article 9 – Conseil d'administration\n\n"
    "L'association est dirigée par un conseil d'administration de 6 à 9 membres. Le conseil élit "
    "parmi ses membres un bureau composé d'un président, d'un secrétaire et d'un trésorier.\n\n"
    "## Article 10 – Assemblée générale\n\nL'assemblée générale se réunit chaque année.\n"
)
OFFICES = "Le conseil élit parmi ses membres un bureau composé d'un président et d'un trésorier."
MINUTES = (
    "# Procès-verbal du 30 janvier 2024\n\n## Élections\n\nLe conseil, réuni à l'issue de "
    "l'assemblée, élit M. Karim Benali président et Mme Inès Diallo trésorière.\n"
)


@pytest.mark.parametrize(
    ("question", "role"),
    [
        ("Qui est le trésorier ?", "tresorier"),
        ("Qui est la présidente de l'association ?", "presidente"),
        ("Qui est l’actuel trésorier ?", "tresorier"),
        ("Who is the release manager?", "release manager"),
        ("Who's the current maintainer of the project?", "maintainer"),
    ],
)
def test_a_question_asking_who_holds_a_role_names_it(question: str, role: str) -> None:
    assert asked_role(question) == role


@pytest.mark.parametrize(
    "question",
    [
        "Who maintains the project?",
        "Who are the members of the board?",  # plural: a list, or a kind of people
        "Who is the target audience?",  # a collective role
        "Qui est le public visé ?",
        "Who is Clara Nguyen?",
        "Qui peut adhérer ?",
    ],
)
def test_other_questions_ask_no_role(question: str) -> None:
    assert asked_role(question) is None


def test_a_quote_names_someone_by_a_name_the_document_never_writes_in_lower_case() -> None:
    assert not names_someone(OFFICES, STATUTES)
    assert names_someone("Karim Benali est président.", "Karim Benali est président.")
    assert names_someone("Le bureau élit M. Benali président.", "le bureau")  # title
    assert names_someone("Contact the treasurer at tresor@example.org.", "")
    text = "Le Conseil se réunit. Le conseil élit un trésorier."  # a capital the text lowers
    assert not names_someone("Le Conseil se réunit.", text)


def test_a_role_asked_of_quotes_naming_no_one_is_returned_as_written() -> None:
    quoted = [(OFFICES, STATUTES)]
    assert unnamed_role("Qui est le trésorier ?", quoted) == "trésorier"
    assert unnamed_role("Qui est le trésorier ?", [*quoted, (MINUTES, MINUTES)]) is None
    assert unnamed_role("Comment est élu le trésorier ?", quoted) is None


def test_who_holds_an_office_the_statutes_only_define_abstains(tmp_path: Path) -> None:
    answer = asked_of_files(tmp_path, {"statuts.md": STATUTES}, "Qui est le trésorier ?")
    assert answer.abstained
    assert "trésorier" in (answer.reason or "")
    assert not answer.citations


def test_who_holds_an_office_the_minutes_name_is_answered(tmp_path: Path) -> None:
    files = {"statuts.md": STATUTES, "pv-2024.md": MINUTES}
    answer = asked_of_files(tmp_path, files, "Qui est le président ?")
    assert not answer.abstained
    assert any("Karim Benali" in c.quote for c in answer.citations)


@pytest.mark.parametrize(
    ("question", "verb", "role"),
    [
        ("Who leads REFRACT?", "leads", "lead"),
        ("Who chairs the board?", "chairs", "chair"),
        ("Who is leading the team?", "leading", "lead"),
        ("Qui préside le bureau ?", "preside", "président"),
        ("Qui a dirigé le projet HELIOS ?", "dirige", "responsable"),
        ("Qui finance le projet ?", "finance", "financeur"),
    ],
)
def test_a_question_asking_a_holder_by_a_verb_names_its_role(
    question: str, verb: str, role: str
) -> None:
    holding = asked_holding(question)
    assert holding is not None
    assert (holding.verb, holding.shown) == (verb, role)


@pytest.mark.parametrize(
    "question",
    [
        "Who is led by Jane Doe?",  # passive: asks the other way
        "Qui est dirigé par Paul Martin ?",
        "Who won the match?",
        "Who is the treasurer?",  # a role by its noun: asked_role's
        "What does the director lead?",
    ],
)
def test_other_questions_ask_no_holder_by_a_verb(question: str) -> None:
    assert asked_holding(question) is None


def test_the_role_words_asked_bridge_verbs_and_nouns_across_languages() -> None:
    assert {"lead", "leader", "director", "coordinator", "directeur"} <= asked_role_words(
        "Who leads REFRACT?"
    )
    assert {"president", "presidente", "chair"} <= asked_role_words("Qui préside le club ?")
    assert asked_role_words("Who is the author of the firing schedule?") == frozenset()
    assert asked_role_words("Who won the match?") == frozenset()


def test_a_role_asked_by_a_verb_of_quotes_naming_no_one_is_named_as_the_data_shows_it() -> None:
    quoted = [("The board meets every first month in the community room.", "the board")]
    assert unnamed_role("Who chairs the board?", quoted) == "chair"
    assert unnamed_role("Qui préside le bureau ?", [(OFFICES, STATUTES)]) == "président"
    assert unnamed_role("Who chairs the board?", [(MINUTES, MINUTES)]) is None
    body = "L'association compte 84 adhérents et gère trois jardins."  # a body holds it
    assert unnamed_role("Qui gère les jardins ?", [(body, body)]) is None
