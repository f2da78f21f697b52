"""Owns telling a result from its target among an answer's first candidates: the statement of
what was achieved is quoted before the plan or the interim figure it completes.

An application plans ("Reach 650 learners over two years (350 in year 1)", a table row
"| Learners gaining a level | 60 % |" under a "Target" column); the report states the result
and restates the target ("Learners reached: 298 (year 1 target: 350)", "Learners gaining a
level | 60 % | 57 %"). The quote ranker reads neither the plan nor the result: it quoted the
application's target for "How many learners were reached?" (s35 trial a23, a15, b08). An
interim report's "Volunteers trained: 28 (target: 45)" gave way likewise to nothing while the
final report's row "Volunteers trained | 45 | 39" was read beside it (s35 trial a12).

A later candidate `completes` the first when the two come from different documents, share at
least SHARED_WORDS content words (stemmed, numbers and stopwords aside), the later one
restates a value of the first (numbers as stated_values reads them, years and the question's own
numbers aside) and adds one the first does not write, and it marks its values as a result
against a target: it writes its new value, then a target word ("target", "cible", "prévu":
data/achieved_results.json) labelling the restated value (within TARGET_REACH characters before
it: "298 (year 1 target: 350)"), or it is a table row of the same label writing two values or
more under a header writing a target or result word. When the first is a plan (it opens with a
target word, or writes none and its document's title, file name, heading or table header writes
a plan or target word: "Grant application", "| Indicator | Target |"), the result is quoted
first, unless the question writes a target word (or "budget", "expected", "prévoyait") and no
result word ("What was the target…", "Quel était l'objectif…": it asks the plan). When the
first is no plan, the later one leads only when it is the later document: the first's title or
file name (not its folders) writes an interim word ("intermédiaire", "interim", "draft") that
its own do not, or both are dated (later_statements.document_date) and it is the later, unless
the question writes an interim word ("by the interim report": it asks that one). Either way the
result leads only when it writes every content word of the question the first writes ("How
much did we request…?" keeps "Amount requested…" before "Amount awarded… (target: …)"). Nothing
else moves; at most RESULT_RANKS candidates are read. No I/O: dates come from the caller.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from citeqa.dates import YEAR_DIGITS
from citeqa.jsonfiles import data_json
from citeqa.lexical import about_terms, fold, undated_terms
from citeqa.stated_values import values

RESULT_RANKS = 8
"""How many of the best candidates are read for a result completing the first (a near one:
the report's line stood 2nd to 8th in the s35 trial)."""
TARGET_REACH = 30
"""How many characters after a target word the value it labels may stand ("cible sur 18 mois :
400")."""
SHARED_WORDS = 2
"""The least content words a result shares with the target it completes ("learners",
"reached" of "Reach 650 learners" and "Learners reached: 298")."""

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_YEAR = re.compile(YEAR_DIGITS)


@dataclass(frozen=True)
class Statement:
    """A candidate as read here: its text, its document's id and names (title and file name),
    and its context: the heading it stands under and its table's header row, if any."""

    text: str
    document: str
    names: str
    context: str = ""


@dataclass(frozen=True)
class AchievedWords:
    """The word lists of data/achieved_results.json, folded (its `_about` says what each is)."""

    target: frozenset[str]
    result: frozenset[str]
    interim: frozenset[str]
    asking_target: frozenset[str]
    plan_document: frozenset[str]
    limit: frozenset[str]
    measured: frozenset[str]
    label_only_limit: frozenset[str]


@functools.cache
def achieved_words() -> AchievedWords:
    """The word lists of data/achieved_results.json (this module's and measured_labels.py's),
    read once."""
    data = data_json("achieved_results.json")
    return AchievedWords(
        frozenset(data["target_words"]),
        frozenset(data["result_words"]),
        frozenset(data["interim_words"]),
        frozenset(data["target_question_words"]),
        frozenset(data["plan_document_words"]),
        frozenset(data["limit_words"]),
        frozenset(data["measured_words"]),
        frozenset(data["label_only_limit_words"]),
    )


def _folded_words(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(fold(text)))


def _values(text: str, asked: frozenset[str]) -> frozenset[str]:
    """The values `text` states, its years and the question's own numbers (`asked`) aside."""
    return frozenset(v for v in values(text, "en") if not _YEAR.fullmatch(v) and v not in asked)


def _cells(text: str) -> list[str]:
    """The non-empty cells of a table row ("| a | b |" or "a | b"), [] for no row."""
    if "|" not in text:
        return []
    return [cell.strip() for cell in text.strip().strip("|").split("|") if cell.strip()]


def _label(text: str) -> str:
    """A statement's label, folded: a table row's first cell, else what comes before its
    first colon ("Volunteers trained" of "Volunteers trained: 28 (target: 45)"), else ""."""
    cells = _cells(text)
    if cells:
        return fold(cells[0])
    before, colon, _ = text.partition(":")
    return fold(before.strip(" \t-*")) if colon else ""


def _result_row(text: str, first: str, header: str = "") -> bool:
    """Whether `text` is a table row of `first`'s label writing values in two cells or more
    under a `header` writing a target or result word (a target's and a result's: "Learners
    gaining a level | 60 % | 57 %" under "Indicator | Target | Actual"; not a low and a high
    season's prices)."""
    if not _folded_words(header) & (achieved_words().target | achieved_words().result):
        return False
    cells = _cells(text)
    label = _label(first)
    valued = [cell for cell in cells[1:] if values(cell, "en")]
    return bool(cells) and bool(label) and fold(cells[0]) == label and len(valued) >= 2


def _plan(statement: Statement) -> bool:
    """Whether `statement` reads as a plan: it opens with a target word ("Objectif : former
    1 200 bénévoles", "Target: reach 1,200 learners"), or it writes no target word and its
    document's names or its context (heading, table header) write a plan or target word
    ("Grant application", "## Objectives", "| Indicator | Target |"); never a table row writing
    two values under a target or result header (`_result_row`)."""
    words = achieved_words()
    if _result_row(statement.text, statement.text, statement.context):
        return False
    opening = _WORD.search(fold(statement.text))
    if opening is not None and opening.group() in words.target:
        return True
    if _folded_words(statement.text) & words.target:
        return False
    marks = _folded_words(f"{statement.names} {statement.context}")
    return bool(marks & (words.plan_document | words.target))


def _labels_target(text: str, restated: frozenset[str], added: frozenset[str]) -> bool:
    """Whether `text` states a result and then labels one of the `restated` values as its
    target: a value it `added` before a target word, the restated one within TARGET_REACH
    characters after it ("298 (year 1 target: 350)", "28 (cible sur 18 mois : 45)"). A heading
    word opening a sentence labels none of its numbers (an abstract's "Objective: We compare
    30-day and 180-day mortality" is no result against a 30-day target)."""
    folded = fold(text)
    for found in _target_pattern().finditer(folded):
        after = folded[found.end() : found.end() + TARGET_REACH]
        before = folded[: found.start()]
        if values(after, "en") & restated and values(before, "en") & added:
            return True
    return False


@functools.cache
def _target_pattern() -> re.Pattern[str]:
    words = sorted(achieved_words().target, key=len, reverse=True)
    return re.compile(rf"(?<![^\W\d_])(?:{'|'.join(map(re.escape, words))})(?![^\W\d_])")


def _completes(
    first: Statement, other: Statement, asked: frozenset[str], ours: frozenset[str] | None = None
) -> bool:
    """Whether `other`, of another document, restates a value of `first` with another, on the
    same subject (SHARED_WORDS), and states its result against that value as a target: it
    labels the value so (`_labels_target`) or is a row of `first`'s label with two values.
    `ours`: `first`'s values (`_values`), when read already."""
    if other.document == first.document:
        return False
    ours = _values(first.text, asked) if ours is None else ours
    theirs = _values(other.text, asked)
    restated, added = ours & theirs, theirs - ours
    if not restated or not added:
        return False
    shared = about_terms(undated_terms(first.text)) & about_terms(undated_terms(other.text))
    if len(shared) < SHARED_WORDS:
        return False
    return _labels_target(other.text, restated, added) or _result_row(
        other.text, first.text, other.context
    )


def restates_plan(result: Statement, plan: Statement) -> bool:
    """Whether `result` completes `plan` (`_completes`): it restates the plan's value as its
    target beside its own result, so the plan says nothing otherwise ("Street trees planted:
    231 (year 1 target: 250)" of "Plant 400 street trees … (250 in year 1)")."""
    return _completes(plan, result, frozenset())


def asks_target(question: str) -> bool:
    """Whether the question asks the plan: it writes a target word (or another word asking
    it: "budget", "expected", "prévoyait") and no result word."""
    words = _folded_words(question)
    asking = achieved_words().target | achieved_words().asking_target
    return bool(words & asking) and not words & achieved_words().result


def _later(first: Statement, other: Statement, dated: Callable[[str], str | None]) -> bool:
    """Whether `other`'s document is the later: `first`'s names write an interim word that
    `other`'s do not, or both are dated and `other`'s date is after `first`'s."""
    interim = achieved_words().interim
    if _folded_words(first.names) & interim and not _folded_words(other.names) & interim:
        return True
    ours, theirs = dated(first.document), dated(other.document)
    return ours is not None and theirs is not None and theirs > ours


def result_position(
    question: str,
    statements: Sequence[Statement],
    dated: Callable[[str], str | None],
) -> int | None:
    """The position (1 to RESULT_RANKS - 1) of the first statement that completes the first one
    (`statements`, best first) and should be quoted before it, None when none should (see the
    module's docstring); `dated` gives a document's date by its id, read only when needed."""
    if len(statements) < 2:
        return None
    first, asked = statements[0], _values(question, frozenset())
    plan = _plan(first)
    if plan and asks_target(question):
        return None
    ours = _values(first.text, asked)  # read once, not once a statement
    later = not _folded_words(question) & achieved_words().interim  # "by the interim report"
    for position, other in enumerate(statements[1:RESULT_RANKS], 1):
        if not _completes(first, other, asked, ours) or not _writes_asked(question, first, other):
            continue
        if plan or (later and _later(first, other, dated)):
            return position
    return None


def _writes_asked(question: str, first: Statement, other: Statement) -> bool:
    """Whether `other`, with its context (its heading and its table's header row), writes every
    content word (stemmed) of `question` that `first` writes: "Amount requested from the
    Hartwell Trust" answers "How much did we request…?", "Amount awarded by the Hartwell Trust:
    52,000 pounds (target: 60,000)" does not; the final report's row "| Ateliers ouverts | 30 |
    31 |" under "| Indicateur | Cible | Réalisé |" writes the "cible" of "Combien d'ateliers
    ouverts par rapport à la cible ?" as the interim "Ateliers ouverts : 14 (cible : 30)" does."""
    asked = about_terms(undated_terms(question)) & about_terms(undated_terms(first.text))
    return asked <= about_terms(undated_terms(f"{other.text}\n{other.context}"))
