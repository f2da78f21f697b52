"""The rule before its exception: a question asking a value of the rule, answered by the
sentence stating a case of it ("How long is the warranty?" quoting "The warranty is extended to
5 years if you register the product in the Aerion Home app within 30 days of purchase.", where
the sentence before it states the rule: "Aerion warrants the X2 purifier against defects … for 2
years from the date of purchase."; s47 trial c04, and b10: "If your claim is accepted, the panel
may grant an extension of up to two weeks…" over "Claims must be submitted within five working
days of the assessment deadline or the exam.").

The quote ranker reads the question's words, and the case sentence writes them as often as the
rule does ("warranty", "claim"); what tells them apart is the condition the case adds. A
sentence states a condition when it writes a word opening one (language data conditions.json:
"if", "unless", "si", "sauf si", "à condition que"…, English and French). When the question
asks a kind of value (asked_values.asked_kinds: a duration, an amount, a date…) and writes no
condition itself ("How long is the warranty if I register?" asks the case), and its best
candidate states one, the nearest candidate before it in its passage (at most BASE_REACH
sentences back) that states none and writes a value of every asked kind states the rule, when
it writes the question's words the best writes (its subject: not a prescription's line for
another drug, s58 trial): `base_statement` names it, and answering lets it lead. A question
asking no kind of value meets a case too when its best candidate writes a bound before a figure
(conditions.json `thresholds`: "more than five working days late") that a candidate just before
it writes as its limit (`limits`: "for up to five working days"): the case past the rule's
bound, and the earlier sentence states the rule (s47 trial b04: "What is the penalty for
submitting coursework late?"; "Plus de 200 000 femmes…" after a sentence counting "200 000"
others is no case: PIAF dev).
No I/O but the data file, read once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from citeqa.alike_words import alike_among
from citeqa.asked_values import asked_kinds, writes_kind
from citeqa.glossary import fold
from citeqa.jsonfiles import data_json
from citeqa.lexical import content_words
from citeqa.stated_values import folded_number_words

__all__ = ["BASE_REACH", "base_statement", "states_condition"]

BASE_REACH = 3
"""The most sentences before the conditional best candidate its rule is looked for among."""


_WHOLE_WORD = r"(?![\w'’-])"
_THEN_VALUE = r"\s+(\w+(?:[.,]\d+)?)"
"""What follows a bound or a limit: the word or figure after it, captured."""


def _listed(name: str, then: str) -> re.Pattern[str]:
    """conditions.json's list `name` as whole words of a folded text (an apostrophe written
    either way), each followed by `then`."""
    words = sorted(data_json("conditions.json")[name], key=len, reverse=True)
    joined = "|".join(re.escape(word).replace("'", "['’]") for word in words)
    return re.compile(rf"(?<![\w'’-])(?:{joined}){then}")


@cache
def _conditions() -> re.Pattern[str]:
    """conditions.json's words as whole words of a folded text."""
    return _listed("conditions", _WHOLE_WORD)


@cache
def _thresholds() -> re.Pattern[str]:
    """conditions.json's bounds, each then the word or figure after it, in a folded text."""
    return _listed("thresholds", _THEN_VALUE)


@cache
def _limits() -> re.Pattern[str]:
    """conditions.json's limits, each then the word or figure after it, in a folded text."""
    return _listed("limits", _THEN_VALUE)


def _bounded_figures(text: str, bounds: re.Pattern[str] | None = None) -> set[str]:
    """The figures (digits or number words) `text` writes just after a bound ("more than
    five": "five"; not the "the" of "over the years"), or after one of `bounds` instead."""
    found = (bounds or _thresholds()).findall(fold(text))
    return {word for word in found if word[0].isdigit() or word in folded_number_words()}


def states_condition(text: str) -> bool:
    """Whether `text` writes a word opening a condition (conditions.json), folded."""
    return _conditions().search(fold(text)) is not None


def base_statement(focus: str, best: str, before: Sequence[str]) -> int | None:
    """The position in `before` (the candidate texts just before the best candidate `best` in
    its passage, nearest first) of the one stating the rule `best` is a case of (the module's
    rules), else None; None for a question asking no kind of value or writing a condition."""
    kinds = asked_kinds(focus)
    if not kinds:
        return _bound_rule(focus, best, before)
    if states_condition(focus) or not states_condition(best):
        return None
    for number, text in enumerate(before):
        if states_condition(text) or not all(writes_kind(kind, text) for kind in kinds):
            continue
        return number if _of_same_subject(focus, best, text) else None
    return None


def _of_same_subject(focus: str, best: str, text: str) -> bool:
    """Whether `text` writes every content word of the question (`focus`) that `best` writes,
    in any of its forms (alike_words.alike: "warrants" and "warranty"): a rule is of its
    case's subject, while a prescription's line before "- Paracétamol 1 g : … si douleur, sans
    dépasser 3 g par jour." ("- Atorvastatine 20 mg : 1 comprimé le soir, pendant 3 mois.") is
    another drug's (s58 trial: quoted for "Quelle dose maximale de paracétamol par jour ?")."""
    best_words, text_words = content_words(best), content_words(text)
    return all(
        alike_among(word, text_words)
        for word in content_words(focus)
        if alike_among(word, best_words)
    )


def _bound_rule(focus: str, best: str, before: Sequence[str]) -> int | None:
    """The position in `before` of the nearest candidate writing as its limit ("for up to five",
    conditions.json `limits`) a figure `best` writes past a bound ("more than five"), itself
    neither past one nor stating a condition; None when the
    question writes a bound ("… more than five days late?" asks the case; "Que se passe-t-il en
    cas de retard ?" the rule), or `best` none."""
    figures = _bounded_figures(best)
    if not figures or _bounded_figures(focus):
        return None
    for number, text in enumerate(before):
        limited = figures & _bounded_figures(text, _limits())
        if limited and not _bounded_figures(text) and not states_condition(text):
            return number
    return None
