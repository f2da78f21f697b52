"""current_state.may_leave_out: which question term a later statement may leave out when the
question asks the current state of a thing."""

import random
from collections.abc import Iterable

import pytest

from citeqa import current_state
from citeqa.current_state import _replaced, _word_terms, may_leave_out
from citeqa.later_statements import asks_current, asks_what_holds
from citeqa.lexical import about_terms, undated_terms

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


def _replaced_pairwise(missing: frozenset[str], quoted_text: str, later_text: str) -> bool:
    """The rule as the module's docstring writes it, each quoted place against each later one
    (main's code before s32: quadratic), to check the linear one against."""
    quoted, later = _word_terms(quoted_text), _word_terms(later_text)

    def side(words: list[frozenset[str]], at: int) -> frozenset[str] | None:
        return words[at] if 0 <= at < len(words) else None

    def meets(ours: frozenset[str] | None, theirs: frozenset[str] | None) -> bool:
        return (
            ours is None and theirs is None
            if ours is None or theirs is None
            else bool(ours & theirs)
        )

    def same(ours: frozenset[str] | None, theirs: frozenset[str] | None) -> bool:
        return ours is not None and theirs is not None and bool(about_terms(ours & theirs))

    return any(
        all(meets(side(quoted, at + d), side(later, place + d)) for d in (-1, 1))
        or any(same(side(quoted, at + d), side(later, place + d)) for d in (-1, 1))
        for at, terms in enumerate(quoted)
        if terms & missing
        for place, theirs in enumerate(later)
        if not theirs & missing and about_terms(theirs)
    )


def test_the_qualifier_rule_is_the_pairwise_one_on_random_sentences() -> None:
    words = ["junior", "senior", "membres", "des", "le", "20", "tarif", "est", "pour", "min"]
    chosen = random.Random(32)
    missing = undated_terms("junior")
    found = []
    for _ in range(400):
        pieces = chosen.choices(words, k=chosen.randint(0, 7))
        pieces.insert(chosen.randint(0, len(pieces)), "junior")
        quoted = " ".join(pieces)
        later = " ".join(chosen.choices(words, k=chosen.randint(1, 8)))
        expected = _replaced_pairwise(missing, quoted, later)
        found.append(expected)  # True in 110 of them
        assert _replaced(missing, _word_terms(quoted), _word_terms(later)) == expected, (
            quoted,
            later,
        )
    assert 40 < sum(found) < 360  # both answers are tried


def test_the_qualifier_rule_reads_each_word_a_bounded_number_of_times(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """s32 hostile F8: each quoted place was compared with each later one, so two sentences of
    1,000 words took 32 s; the work (calls of about_terms) now grows with the words."""
    calls = 0

    def counted(terms: Iterable[str]) -> frozenset[str]:
        nonlocal calls
        calls += 1
        return about_terms(terms)

    monkeypatch.setattr(current_state, "about_terms", counted)
    words = 150
    quoted = " ".join(["température"] * words)
    later = "devient " + " ".join(["chaleur"] * words)
    assert may_leave_out([undated_terms("température")], quoted, later)
    assert calls <= 8 * words
