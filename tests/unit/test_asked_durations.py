"""A question asking a duration ("délai", "how long") asks a number that only a number of a
duration holds (s21 trial: the passport's "86 €" held the number of "Quel est le délai pour
obtenir une carte d'identité ?"; s24: "| Emails delayed | 310,000 |" that of "How long did
the outage last?"). The duration chooses the sentence and the value only: the answer models'
features stay those of the kinds they were trained on (s25 review B: a research near miss was
answered once they read it). Documents are cut as a build cuts them."""

from __future__ import annotations

import numpy as np
import pytest
from tests.cut_documents import cut_document

from citeqa.answer_features import Wants, holds_asked_value, match_features
from citeqa.answer_location import Reading
from citeqa.durations import DURATION_KINDS
from citeqa.models import Hit
from citeqa.questions import QuestionTerms
from citeqa.sentences import QuestionScores, SentenceBank


def _read(text: str) -> tuple[SentenceBank, list[Hit], list[str]]:
    """The bank of one document cut as a build cuts it, its passages and its sentences' texts."""
    return cut_document(text, "Carte", "fr")


DURATIONS = (
    "# Carte d'identité\n\n"
    "Le passeport coûte 86 € pour un majeur ; la carte d'identité est gratuite.\n\n"
    "Le délai moyen d'obtention est de 6 semaines.\n"
)


def _features_unmoved(question: str, bank: SentenceBank, hits: list[Hit]) -> None:
    """The answer features of `question` are those of the kinds the models know."""
    wants = Wants.of(question)
    terms = QuestionTerms(focus=question, terms=[(frozenset({"cart"}), 1.0)])
    scored = QuestionScores(bank, terms, None).scored(hits)
    rows = match_features(scored, Reading(bank, hits, terms), wants)
    known = Wants(wants.kinds - set(DURATION_KINDS))
    assert np.array_equal(rows, match_features(scored, Reading(bank, hits, terms), known))


def test_a_question_asking_a_duration_is_answered_by_a_duration_not_any_number() -> None:
    question = "Quel est le délai pour obtenir une carte d'identité ?"
    assert "duration" in Wants.of(question).kinds
    assert "duration" not in Wants.of("Combien coûte un passeport ?").kinds
    bank, hits, cut = _read(DURATIONS)
    _features_unmoved(question, bank, hits)
    terms = QuestionTerms(focus=question, terms=[(frozenset({"cart"}), 1.0)])
    scored = QuestionScores(bank, terms, None).scored(hits)
    price = "Le passeport coûte 86 € pour un majeur ; la carte d'identité est gratuite."
    delay = "Le délai moyen d'obtention est de 6 semaines."
    assert holds_asked_value(Wants.of(question), delay)
    assert not holds_asked_value(Wants.of(question), price)
    bonus = {cut[item.index]: item.score for item in scored}
    asked_price = QuestionTerms(focus="Combien coûte la carte ?", terms=terms.terms)
    priced = {cut[i.index]: i.score for i in QuestionScores(bank, asked_price, None).scored(hits)}
    assert bonus[price] < priced[price]  # the number bonus goes only to a duration


@pytest.mark.parametrize(
    ("question", "held", "not_held"),
    [
        (
            "How long did the email delivery outage last?",
            [
                "| Duration | 2 hours 13 minutes |",
                "Un jeton est valable 15 minutes.",
                "New workspaces get a 21-day trial.",
                "The restore took 1h30.",
                "Latency: 300 ms.",
                "Retention is 2 yrs.",
                "Sprints last 3 wks.",
                "Timeout: 10 secs.",
                "About 5 mins.",
            ],
            ["| Emails delayed | 310,000 |", "Built in the 1990s.", "Le bureau ouvre à 8h."],
        ),
        (
            "How long is the garden hose?",
            ["The hose is 15 m long.", "It takes 2 hours to unroll."],
            ["It costs 40 euros."],
        ),
        (  # s25 review E (c4): a time of day is no duration, a cable no outage's length
            "How long was the outage?",
            ["It lasted 2 hours.", "Restored after 1h30."],
            ["The 3 m cable was replaced.", "It began at 14h30.", "It began at 14 h 30."],
        ),
        (
            "Combien de temps dure la visite ?",
            ["Elle dure environ 2 heures.", "Elle dure 1h30."],
            ["La visite commence à 14h30.", "Départ à 14 h 30 devant l'entrée."],
        ),
        ("How long is the warranty?", ["The warranty runs 2 years."], ["A 3 m cable."]),
        ("How long is the commercial warranty?", ["It runs 2 years."], ["A 3 m cable."]),
        (
            "Depuis combien de temps le site est-il fermé ?",
            ["Le site est fermé depuis le 3 mars.", "Il est fermé depuis 2 semaines."],
            ["Le site compte 40 salariés."],
        ),
    ],
)
def test_durations_are_told_from_other_numbers(
    question: str, held: list[str], not_held: list[str]
) -> None:
    wants = Wants.of(question)
    assert [text for text in held if not holds_asked_value(wants, text)] == []
    assert [text for text in not_held if holds_asked_value(wants, text)] == []
    assert not holds_asked_value(Wants.of("How long did it last?"), "The hose is 15 m long.")


def test_the_features_of_a_duration_asked_are_those_of_the_number_asked() -> None:
    rows = [
        "| Duration | 2 hours 13 minutes |",
        "Page views: 1,204.",
        "| Emails delayed | 310,000 |",
    ]
    bank, hits, _ = _read("\n\n".join(["# Outage", *rows]))
    _features_unmoved("How long did the outage last?", bank, hits)
    _features_unmoved("How long is the garden hose?", bank, hits)
