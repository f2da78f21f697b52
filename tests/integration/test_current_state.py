"""A question asking the current state ("le protocole … actuel", "the current …") of a thing
that dated documents state in turn is answered from the latest of them, the earlier one quoted
after it with its date (s30 trial a01: "À quelle température se fait la fixation dans le
protocole d'immunofluorescence actuel ?" quoted last year's minutes adopting v1, "20 min à
température ambiante"; minutes of October made v2, "45 min à 4 °C", the current protocol, in
words that do not write "température")."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

FILES = {
    "2025/CR_reunion_2025-11-18.md": "# Réunion d'équipe — 18 novembre 2025\n\n"
    "Présents : Léa Morel, Paul Girard, Inès Faure.\n\n## Décisions\n\n"
    "- Le protocole de coloration v1 (incubation 30 min à température ambiante) est adopté"
    " pour toute l'équipe.\n- Le séminaire de rentrée aura lieu le 9 janvier 2026.\n",
    "reunions/CR_reunion_2026-05-12.md": "# Réunion d'équipe — 12 mai 2026\n\n"
    "Présents : Léa Morel, Inès Faure.\n\n## Décisions\n\n"
    "- Le protocole de coloration v2 (incubation 2 h à 4 °C) devient le protocole de"
    " référence dès aujourd'hui ; la v1 est archivée.\n"
    "- Les commandes de réactifs passent par Inès à partir de juin.\n",
    "wiki/Accueil.md": "# Accueil des nouveaux arrivants\n\nLe badge d'accès est demandé au"
    " secrétariat le premier jour. Les clés du laboratoire sont au bureau 214.\n",
}


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    docs, index = tmp_path_factory.mktemp("labo"), tmp_path_factory.mktemp("labo-index")
    return assistant_over(FILES, docs, index)


def test_the_current_state_is_quoted_from_the_latest_dated_document(lab: Assistant) -> None:
    answer = lab.ask(
        "À quelle température se fait l'incubation dans le protocole de coloration actuel ?"
    )
    assert not answer.abstained
    first, *others = answer.citations
    assert first.doc_id == "reunions/CR_reunion_2026-05-12" and "4 °C" in first.quote
    assert [(c.doc_id, c.earlier) for c in others] == [("2025/CR_reunion_2025-11-18", "2025-11-18")]
    assert "Plus tôt (2025-11-18, avant le 2026-05-12 cité), un autre document disait :" in (
        answer.answer
    )


def test_a_question_asking_what_was_first_adopted_keeps_the_earlier_quote(
    lab: Assistant,
) -> None:
    answer = lab.ask(
        "À quelle température se faisait l'incubation dans le protocole de coloration au départ ?"
    )
    assert not answer.abstained
    assert answer.citations[0].doc_id == "2025/CR_reunion_2025-11-18"


FEES = {
    "2025/minutes_2025-01-10.md": "# Minutes — 10 January 2025\n\nDate: 10 January 2025\n\n"
    "## Decisions\n\n- The yearly fee for junior members is 120 € from this season.\n",
    "2026/minutes_2026-01-12.md": "# Minutes — 12 January 2026\n\nDate: 12 January 2026\n\n"
    "## Decisions\n\n- The yearly fee for senior members is 200 € from this season.\n",
    "2027/minutes_2027-01-15.md": "# Minutes — 15 January 2027\n\nDate: 15 January 2027\n\n"
    "## Decisions\n\n- The yearly fee for veteran members becomes 90 € from this season.\n",
    "2025/notes_2025-03-04.md": "# Lab notes — 4 March 2025\n\nDate: 4 March 2025\n\n"
    "The current through the heater resistor is 2 A at 12 V.\n",
    "2026/notes_2026-02-10.md": "# Lab notes — 10 February 2026\n\nDate: 10 February 2026\n\n"
    "The heater resistor was replaced by a ceramic model from the supplier catalogue.\n",
}


@pytest.fixture(scope="module")
def club(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    docs, index = tmp_path_factory.mktemp("club"), tmp_path_factory.mktemp("club-index")
    return assistant_over(FEES, docs, index)


def test_a_later_statement_on_another_qualified_thing_does_not_lead(club: Assistant) -> None:
    """The later minutes write another word where the quoted ones write "junior" (one with no
    change cue, one writing "becomes"): they speak of other members' fee."""
    answer = club.ask("What is the current yearly fee for junior members?")
    assert not answer.abstained
    assert [c.doc_id for c in answer.citations] == ["2025/minutes_2025-01-10"]


def test_a_current_cue_the_quoted_sentence_writes_is_not_left_out(club: Assistant) -> None:
    """ "current" is what the question asks: the resistor's replacement writes none."""
    answer = club.ask("What is the current through the heater resistor?")
    assert not answer.abstained
    assert [c.doc_id for c in answer.citations] == ["2025/notes_2025-03-04"]


BUDGETS = {
    "compte_rendu_2025-01-10.txt": "Compte rendu de réunion\nDate : 10/01/2025\n\n"
    "Le budget du club est de 100 euros.\n",
    "compte_rendu_2025-02-30.txt": "Compte rendu de réunion\nDate : 30/02/2025\n\n"
    "Le budget du club est de 300 euros.\n",
    "compte_rendu_2025-06-01.txt": "Compte rendu de réunion\nDate : 01/06/2025\n\n"
    "Le budget du club devient 500 euros.\n",
}


def test_an_undated_document_does_not_outrank_a_later_dated_change(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """s32 hostile F6: minutes dated "30/02/2025" (no day: the document is undated) were quoted
    as the club's current budget, 300, over the dated "devient 500", with no note."""
    docs, index = tmp_path_factory.mktemp("budgets"), tmp_path_factory.mktemp("budgets-index")
    answer = assistant_over(BUDGETS, docs, index).ask("Quel est le budget actuel du club ?")
    assert not answer.abstained
    assert "500 euros" in answer.citations[0].quote
