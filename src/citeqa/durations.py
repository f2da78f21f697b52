"""What a question asking a duration asks, and which text holds it: the one reader of the
language data's duration cues (`answer_types` and `answer_values` "duration", "length",
"since") for the sentence ranker (sentences._Wants) and the value a quote or heading holds
(answer_features.holds_asked_value).

"How long did the outage last?" and "Quel est le délai pour obtenir une carte d'identité ?"
ask a number of a duration ("2 hours 13 minutes", "6 semaines", "1h30"), not any number ("86 €",
"| Emails delayed | 310,000 |"); "How long is the garden hose?" asks a length too ("15 m";
"How long was the outage?", "How long is the warranty?" do not), and a time of day ("à
14h30", "at 14h30") is no duration;
"Depuis combien de temps …" a date after "depuis" too ("depuis mars 2024"). These choose the
sentence and the value only: the answer models' features read the kinds they were trained
on (answer_features.ANSWER_KINDS), so a duration asked moves no answerability (s25 review B:
a research near miss was answered when they read it). No I/O.
"""

from __future__ import annotations

import re

from citeqa.domain import language_data

__all__ = ["DURATION", "DURATION_KINDS", "asked_durations", "holds_duration"]

DURATION = "duration"
"""The kind of a question asking a duration ("how long", "délai", "durée")."""
DURATION_KINDS = (DURATION, "length", "since")
"""A duration, and what a question asking one also accepts: a length ("how long is <thing>")
or a date after "depuis" ("depuis combien de temps")."""

_LANGUAGE = language_data()
_ASKED = {
    kind: re.compile(_LANGUAGE.answer_types[kind])
    for kind in DURATION_KINDS
    if kind in _LANGUAGE.answer_types
}
"""Per kind, a folded question asking it."""
_WRITTEN = {
    kind: re.compile(_LANGUAGE.answer_values[kind])
    for kind in DURATION_KINDS
    if kind in _LANGUAGE.answer_values
}
"""Per kind, a folded text writing such a value."""


def asked_durations(folded_question: str) -> frozenset[str]:
    """The DURATION_KINDS the folded question asks: none unless it asks a duration."""
    if DURATION not in _ASKED or not _ASKED[DURATION].search(folded_question):
        return frozenset()
    return frozenset(kind for kind, pattern in _ASKED.items() if pattern.search(folded_question))


def holds_duration(asked: frozenset[str], folded_text: str) -> bool:
    """Whether the folded text writes a value of one of the `asked` DURATION_KINDS."""
    return any(kind in _WRITTEN and _WRITTEN[kind].search(folded_text) for kind in asked)
