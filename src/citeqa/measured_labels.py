"""Owns choosing, of labels a question names equally, the measured value's or the limit's.

An engineering sheet heads a load test's row with "Required deflection limit (mm)" and
"Measured deflection (mm)"; a test report writes "Allowable deflection: 28 mm" above "Measured
deflection: 21.5 mm"; a French one "Flèche admissible" above "Flèche constatée". "What was the
deflection of T-03?" names both labels as well ("deflection"), and the rules choosing a field's
row or line by its label (record_cells.py, field_answers.on_asked_field, field_answers.record_fields
over record_fields.py's fields) chose none or the first, the limit (s36 trial). A question asks
what was found unless it asks the plan: `preferred_label` picks, of labels tied by those rules,
the one label naming a measurement or a result ("measured", "observed", "actual", "mesurée",
"constaté", "obtenu") and no limit or target, when another of them names a limit or a target
("required", "allowable", "limit", "exigé", "seuil", "cible") and none of the former; when the
question writes a limit or target word next to a word of those labels (stop words aside) and no
measured or result word ("What is the required deflection limit …", "Quelle est la flèche
admissible …"), the one label naming a limit or target wins instead. A limit word elsewhere
asks no limit ("the deflection of T-22 under the maximum load"), and "maximum", "minimum",
"design" never do in a question (`label_only_limit_words`: "the maximum deflection" asks the
extreme measured). Anything else (no such contrast, two labels of one side) chooses nothing and
the caller's rule stands. Words are data (achieved_results.json: `limit_words` and
`measured_words` beside the target and result words achieved_results.py reads, through its
loader), folded, whole words; no I/O past that file."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import NamedTuple

from citeqa.achieved_results import achieved_words
from citeqa.folding import fold
from citeqa.lexical import singular, stopwords

__all__ = ["asks_plan", "preferred_label"]

_WORD = re.compile(r"[^\W\d_]+")


class _Sides(NamedTuple):
    plan: frozenset[str]
    """Words naming a limit, a requirement or a target (a label's)."""
    found: frozenset[str]
    """Words naming a measured value or a result."""
    asking_plan: frozenset[str]
    """Words of a question asking the plan next to a label's word ("allowable", "expected")."""


@functools.cache
def _sides() -> _Sides:
    words = achieved_words()
    plan = words.limit | words.target
    return _Sides(
        plan,
        words.measured | words.result,
        (plan - words.label_only_limit) | words.asking_target,
    )


def _word_list(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def _words(text: str) -> frozenset[str]:
    return frozenset(_word_list(text))


def _side(label: str) -> str | None:
    """The side a label names: "plan" for a limit or target and no measurement, "found" for a
    measurement or result and no limit, None for both or neither."""
    words, sides = _words(label), _sides()
    plan, found = bool(words & sides.plan), bool(words & sides.found)
    if plan == found:
        return None
    return "plan" if plan else "found"


def asks_plan(question: str, labels: Sequence[str]) -> bool:
    """Whether the question asks the limit or target of `labels`: it writes such a word (or
    another asking the plan: "expected"; not "maximum", "design") next to a word of the labels,
    stop words aside ("allowable deflection", "deflection limit"), and no measured or result
    word."""
    sides, unread = _sides(), stopwords()
    words = [word for word in _word_list(question) if word not in unread]
    if frozenset(words) & sides.found:
        return False
    named = {singular(word) for label in labels for word in _word_list(label) if word not in unread}
    return any(
        word in sides.asking_plan
        and any(singular(near) in named for near in words[max(at - 1, 0) : at + 2] if near != word)
        for at, word in enumerate(words)
    )


def preferred_label(labels: Sequence[str], question: str) -> int | None:
    """The position in `labels` (labels the question names equally) of the one the question
    asks by the module's rule: the one label of the asked side (the limit's when the question
    asks it, else the measured value's) when another label is of the other side; None
    otherwise."""
    sides = [_side(label) for label in labels]
    asked = "plan" if asks_plan(question, labels) else "found"
    other = "found" if asked == "plan" else "plan"
    chosen = [at for at, side in enumerate(sides) if side == asked]
    if len(chosen) != 1 or other not in sides:
        return None
    return chosen[0]
