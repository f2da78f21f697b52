"""Decision lines: a line of minutes labelled as a decision ("DECISION: The railing will be a
stainless steel mesh…", "Décision : L'éclairage sera intégré…") answers a question asking what
was decided about what it writes, before the discussion or header lines of the same minutes.

The answer models read the words a question shares with a sentence; "What was decided about
the railing?" shares "railing" with the discussion ("The architect presented two options for
the railing…", rated .46) as with the decision (.06), and "decided" with neither (s37 trial).
`decision_position` finds, among the candidates it is given (promotions.decision_first passes
the first achieved_results.RESULT_RANKS), the first labelled
decision line writing every content word of the question but its asking words (their stems),
or at least as many of them as the best candidate and one (any decision line when the question
writes none: "What was decided?"), when the question asks what was decided (past and noun forms
only: "decided", "décidé", "agreed"; "who decides…" asks for a rule): it leads the quote, the
others rated below it (promotions.decision_first), but never over a best candidate writing an
asking word itself ("The contractor's budget was agreed at £40,000" over "DECISION: The budget
for the lighting is postponed"). The labels and the words asking are data, English and French
(citeqa/data/decision_lines.json); dated minutes asked by their date are dated_meetings.py's.

Pure functions; the data file is read once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import NamedTuple

from citeqa.glossary import fold
from citeqa.jsonfiles import data_json
from citeqa.lexical import asked_written, content_word_terms, query_tokens

__all__ = [
    "asks_decision",
    "decision_position",
    "decision_words",
    "droppable_decision_words",
    "is_decision_line",
]

_WORDS = re.compile(r"\w+")


@cache
def _data() -> tuple[re.Pattern[str], frozenset[str], re.Pattern[str]]:
    """The labels as one pattern over a folded line's opening, the asked words, and the
    pattern of a bare verb asked after an auxiliary ("did … decide")."""
    data = data_json("decision_lines.json")
    pattern = _label_pattern(data["labels"])
    after = data["asked_after"]
    auxiliaries = "|".join(map(re.escape, after["auxiliaries"]))
    verbs = "|".join(map(re.escape, after["verbs"]))
    past = re.compile(rf"\b(?:{auxiliaries})\b(?:\W+\w+){{0,6}}?\W+(?:{verbs})\b")
    return pattern, frozenset(str(word).lower() for word in data["asked"]), past


def is_decision_line(text: str) -> bool:
    """Whether `text` opens with a decision's label and a colon ("DECISION:", "Décision :")."""
    return _data()[0].match(fold(text)) is not None


def asks_decision(question: str) -> bool:
    """Whether the question (or a sentence) writes a word asking what was decided, as written
    but for its case ("decided", "décidé"; "decides", "resolve" ask for a rule, not a decision),
    or a bare verb after an auxiliary of the past ("What did we decide about RabbitMQ?"; not
    "Who will decide…")."""
    lowered = question.lower()
    _, asked, past = _data()
    return not asked.isdisjoint(_WORDS.findall(lowered)) or past.search(lowered) is not None


def decision_words() -> frozenset[str]:
    """The words asking what was decided, as written but for their case ("décidé",
    "decision", "agreed"): a corpus writing one writes of decisions (questions.analyse)."""
    return _data()[1]


@cache
def droppable_decision_words() -> frozenset[str]:
    """The verbs asking what was decided ("décidé", "decided", "agreed"; not "validé",
    "retenu", which name a subject as well) that are no search term when the corpus never
    writes them but writes another decision word (questions.analyse)."""
    words = data_json("decision_lines.json")["droppable_when_unused"]
    return frozenset(str(word).lower() for word in words)


def decision_position(
    question: str,
    texts: Sequence[str],
    under_decisions: Sequence[bool] = (),
    names: Sequence[str] = (),
) -> int | None:
    """The position among candidate `texts`, best first, of the first decision line answering
    `question` (see the module's docstring; 0 when the best is one), or None. A text whose
    `under_decisions` flag is set (it stands under a heading naming the meeting's decisions,
    "## Decisions": dated_meetings.under_decision_heading) is a decision line as a labelled
    one is; a decision line writes the words its document's name writes too (`names`, the
    title and file name: "What was decided at the sprint 24 review?" of the "Sprint 24 review"
    minutes' decisions, which never write "sprint"), but only when the line writes one subject
    word itself ("Did the board agree to the merger?" never quotes the budget's decision line)."""
    if not texts or not asks_decision(question):
        return None
    asked = _subject_stems(question)
    least = max(1, _written(asked, texts[0])) if asked else 0
    for position, text in enumerate(texts):
        flagged = position < len(under_decisions) and under_decisions[position]
        if not flagged and not is_decision_line(text):
            continue
        count = _written(asked, text)
        if count:
            named = names[position] if position < len(names) else ""
            count = _written(asked, f"{text}\n{named}")
        if count == len(asked) or count >= least:
            return position if position == 0 or not asks_decision(texts[0]) else None
    return None


def outcome_position(
    question: str, texts: Sequence[str], headings: Sequence[str] = ()
) -> int | None:
    """The position among candidate `texts`, best first, of the first line of a vote's outcome
    (labelled: "Adopté : 5 210 tantièmes pour, 2 940 contre.", "Approved: …") that writes, with
    the heading it stands under (`headings`), every content word of the subject of a question
    asking whether something was voted, adopted or approved ("Le ravalement de la façade a-t-il
    été voté ?" under "Résolution 3 — Ravalement de la façade sur rue"); None when the question
    asks no such thing or names no subject, or no such line answers. The outcome line writes no
    word of its subject: the rankers rated the resolution's other lines above it (s44 trial)."""
    if not asks_outcome(question):
        return None
    outcome = _outcome()
    asked = _subject_stems(question, outcome.folded)
    if not asked:
        return None
    for position, text in enumerate(texts):
        if outcome.label.match(fold(text)) is None:
            continue
        heading = headings[position] if position < len(headings) else ""
        if _written(asked, f"{text}\n{heading}") == len(asked):
            return position
    return None


def asks_outcome(question: str) -> bool:
    """Whether the question writes a word asking whether something was voted, adopted or
    approved, as written but for its case ("voté", "approved")."""
    return not _outcome().asked.isdisjoint(_WORDS.findall(question.lower()))


class _Outcome(NamedTuple):
    label: re.Pattern[str]
    """An outcome label and its colon opening a folded line."""
    asked: frozenset[str]
    """The words asking an outcome, as written but for their case."""
    folded: frozenset[str]
    """Those words folded: no subject words."""


@cache
def _outcome() -> _Outcome:
    """decision_lines.json's outcome labels and the words asking an outcome, read once."""
    data = data_json("decision_lines.json")
    asked = frozenset(str(word).lower() for word in data["outcome_asked"])
    return _Outcome(_label_pattern(data["outcome_labels"]), asked, frozenset(map(fold, asked)))


def _label_pattern(labels: Sequence[str]) -> re.Pattern[str]:
    """The `labels` (folded, longest first, their words apart by any marks) and a colon,
    opening a folded line."""
    ordered = sorted({fold(str(label)) for label in labels}, key=len, reverse=True)
    spelt = "|".join(r"\W+".join(map(re.escape, _WORDS.findall(label))) for label in ordered)
    return re.compile(rf"[\W_]*(?:{spelt})\s*:")


def _subject_stems(question: str, more_cues: frozenset[str] = frozenset()) -> list[frozenset[str]]:
    """The stems of each content word of the question but its asking words ("railing" of "What
    was decided about the railing?")."""
    cues = _folded_cues() | more_cues
    return [terms for word, terms in content_word_terms(question) if word not in cues]


@cache
def _folded_cues() -> frozenset[str]:
    """The asked words and the bare verbs asked after an auxiliary folded, read once
    (`_subject_stems`)."""
    verbs = data_json("decision_lines.json")["asked_after"]["verbs"]
    return frozenset(fold(str(word)) for word in [*_data()[1], *verbs])


def _written(asked: list[frozenset[str]], text: str) -> int:
    """How many of the question's subject words (their stems) `text` writes."""
    return len(asked_written(asked, frozenset(query_tokens(text))))
