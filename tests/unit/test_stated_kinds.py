"""What counts as a stated value of the asked kind (stated_kinds.py): a figure inside a date, a
year or a code counts nothing; a follow-up asking no kind asks its previous question's."""

from __future__ import annotations

import time

import pytest

from citeqa.questions import QuestionTerms
from citeqa.stated_kinds import asked_wants, states_asked_kind, states_quantity


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("Rapport final FDN-2025-0147 à remettre : 2026-09-30", False),
        ("HT-24-312 due on 3 March 2026", False),
        ("| Fondation Horizon Lecture | 45000 | accordé le 04/02/2025 |", True),
        ("Le 3 mars 2025, 12 000 € ont été versés.", True),
        ("£58,000 awarded in 2025", True),
        ("The monthly rent of the workshop is 1950 € payable on the first day.", True),
        ("Subvention : 2000 €", True),
        ("£1950", True),
        ("Budget 2025: 1990 € par mois", True),
        ("Rapport annuel 2025", False),
        ("Restaurant scolaire — tarifs 2024-2025 (prix du repas)", False),
        ("The Trust granted EUR45000.", True),
        ("Versement de CHF45000 reçu.", True),
        ("Ref EUR-2025-0147 filed", False),
        ("La Fondation Hartwell a accordé quarante mille euros au projet de passerelle.", True),
        ("The share rose by twelve percent.", True),
        ("The report is the one we sent.", False),
        ("Final report due 15/03.", False),
        ("Report due 15.03.", False),
        ("Fee: 15.03 €", True),
        ("Add 1/2 cup of sugar.", True),
    ],
)
def test_dates_years_and_codes_are_no_quantity(text: str, quantity: bool) -> None:
    assert states_quantity(text) is quantity


def test_a_follow_up_asks_the_kind_of_the_question_it_is_read_with() -> None:
    amount = asked_wants(
        QuestionTerms(focus="et la Fondation ?", context="Combien a-t-elle accordé ?")
    )
    assert amount.kinds == {"number"}
    assert not states_asked_kind("Rapport final à remettre : 2026-09-30", amount)
    day = asked_wants(
        QuestionTerms(focus="et la Fondation ?", context="Quand faut-il le remettre ?")
    )
    assert states_asked_kind("Rapport final à remettre : 2026-09-30", day)
    assert states_asked_kind("La collecte a lieu le jeudi à 9 h.", day)  # a weekday, a time
    rate = asked_wants(QuestionTerms(focus="Quel est le taux horaire actuel ?"))
    assert states_asked_kind("| Taux horaire | heure | 48,00 € |", rate)  # a figure, no "%"
    alone = asked_wants(QuestionTerms(focus="et la Fondation ?"))
    assert states_asked_kind("Rapport final à remettre.", alone)  # no kind asked: not checked


@pytest.mark.parametrize(
    "text",
    [
        "The inspection report of the footbridge is due on 22/04.",
        "Rapport à remettre le 15/03.",
        "Report due 15.03.",
        "The report is due on the 15th.",
    ],
)
def test_a_day_written_in_numbers_answers_when(text: str) -> None:
    when = asked_wants(QuestionTerms(focus="When is the inspection report of the footbridge due?"))
    assert states_asked_kind(text, when)


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("Le lycée Victor Hugo compte 1850 élèves inscrits.", True),
        ("The stadium holds 2000 spectators.", True),
        ("Depuis 1990 les effectifs augmentent.", False),
        ("In 2000 spectators were fewer.", False),
    ],
)
def test_a_number_of_year_digits_counting_a_noun_is_a_quantity(text: str, quantity: bool) -> None:
    assert states_quantity(text) is quantity  # s37 probe r07: 1850 vs 1790 élèves lost "otherwise"


def test_a_long_run_of_letters_and_separators_is_read_in_linear_time() -> None:
    """s37 probe L1: "a-a-a-…" (no digit) took time quadratic in its length (7 s for 16,000
    characters): a code's start is looked for only up to the run's last digit."""
    started = time.perf_counter()
    assert not states_quantity("a-" * 30_000 + "a")
    assert states_quantity("1-" + "ab." * 20_000)
    assert time.perf_counter() - started < 3
    assert not states_quantity("Rapport FDN-2025-0147-final remis")
