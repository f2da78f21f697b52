"""current_state.may_leave_out: which question term a later statement may leave out when the
question asks the current state of a thing."""

import pytest

from citeqa.current_state import may_leave_out
from citeqa.later_statements import asks_current, asks_what_holds
from citeqa.lexical import undated_terms

PROTOCOL_V1 = "Le protocole v1 (incubation 30 min à température ambiante) est adopté."
PROTOCOL_V2 = "Le protocole v2 (incubation 2 h à 4 °C) devient le protocole de référence."


def test_a_change_in_other_words_may_leave_out_the_asked_attribute() -> None:
    assert may_leave_out([undated_terms("température")], PROTOCOL_V1, PROTOCOL_V2)


def test_no_change_cue_leaves_nothing_out() -> None:
    later = "Le protocole v2 (incubation 2 h à 4 °C) est utilisé par l'équipe."
    assert not may_leave_out([undated_terms("température")], PROTOCOL_V1, later)


def test_a_qualifier_written_in_another_word_s_place_is_not_left_out() -> None:
    quoted = "The yearly fee for junior members is 120 € from this season."
    later = "The yearly fee for senior members becomes 200 € from this season."
    assert not may_leave_out([undated_terms("junior")], quoted, later)
    french = "La cotisation des joueurs juniors est de 120 €."
    assert not may_leave_out(
        [undated_terms("juniors")], french, "La cotisation des joueurs seniors devient 200 €."
    )


def test_a_current_cue_is_never_left_out() -> None:
    quoted = "The current through the heater resistor is 2 A."
    later = "The heater resistor was replaced by a ceramic model."
    assert not may_leave_out([undated_terms("current")], quoted, later)


def test_two_terms_are_never_left_out() -> None:
    terms = [undated_terms("température"), undated_terms("incubation")]
    assert not may_leave_out(terms, PROTOCOL_V1, PROTOCOL_V2)


@pytest.mark.parametrize(
    "question",
    [
        "When must the annual report be filed at the latest?",
        "Qui fait la mise à jour du site web ?",
        "What is the current ratio of the company?",
        "Which direct-current motor drives the pump?",
        "Quels dossiers sont en cours de traitement ?",
    ],
)
def test_an_expression_writing_a_current_cue_asks_no_current_state(question: str) -> None:
    assert not asks_current(question) and not asks_what_holds(question)


@pytest.mark.parametrize(
    "question",
    [
        "What is the current yearly fee?",
        "Quel est le protocole actuel ?",
        "Which is the latest version of the guide?",
        "Le site web est-il à jour ?",
    ],
)
def test_a_current_cue_asks_the_current_state(question: str) -> None:
    assert asks_current(question)


def test_a_number_in_the_left_out_term_s_place_is_its_new_value() -> None:
    """s30 trial a01's wording: "min" stands before "température" and before "4"."""
    quoted = "Le protocole v1 (fixation 20 min à température ambiante) est adopté."
    later = "Protocol v2 (fixation 45 min at 4 °C) becomes the current protocol."
    assert may_leave_out([undated_terms("température")], quoted, later)
