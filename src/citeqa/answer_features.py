"""The numbers the learned rankers read: one row per candidate sentence of the top passages.

Sentence features (`sentence_features`) say how well a sentence of the top passages answers:
its meaning and key-term match (from sentences.py), its passage's rank and score, whether it
holds the kind of value asked for (answer types in English and French: a number, a share, a
year or date, a person or a place), how much new information it brings, its length and position,
then where in it the question's terms meet (answer_location.py). The question's own row, read
by the answerability and confidence models, is question_evidence.py's. Names and order are
fixed by the tuples below; the shipped models (citeqa/data/*.json) name the features they were
trained on.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from citeqa.answer_location import LOCATION_FEATURES, Reading, location_features, share_of_best
from citeqa.domain import any_of, language_data
from citeqa.durations import DURATION, DURATION_KINDS, asked_durations, holds_duration
from citeqa.glossary import fold
from citeqa.language import LONG_QUOTE
from citeqa.models import Hit
from citeqa.questions import QuestionTerms, is_question
from citeqa.recently_used import QUESTIONS_READ
from citeqa.sentences import ScoredSentence, SentenceBank, numbers_only_places

MATCH_FEATURES = (
    "semantic",
    "coverage",
    "context",
    "hand_score",
    "inverse_rank",
    "relative_score",
    "wants_number_has",
    "wants_share_has",
    "wants_date_has",
    "wants_person_has",
    "wants_place_has",
    "type_missing",
    "novelty",
    "heaviest_term",
    "log_length",
    "long",
    "first_in_passage",
    "question_like",
    "has_percent",
    "new_number",
    "doc_position",
    "labelled",
    "summary_label",
    "wants_yesno",
    "defines",
    "bigrams",
    "hand_relative",
    "semantic_gap",
    "coverage_relative",
    "context_relative",
    "hand_order",
    "type_and_coverage",
)
SENTENCE_FEATURES = MATCH_FEATURES + LOCATION_FEATURES
"""A candidate sentence's row: how well it matches (MATCH_FEATURES, what the evidence ranker
reads), then where in it the question's terms meet (answer_location.py; the quote ranker reads
all of them)."""
ANSWER_KINDS = ("number", "share", "date", "person", "place")
"""The kinds of value the features name (wants_<kind>_has); their cues are language data."""
_FEATURE_KINDS = frozenset(ANSWER_KINDS)
"""The kinds the features read (durations.DURATION_KINDS choose the value only)."""
_LANGUAGE = language_data()
_TYPES = {
    kind: re.compile(_LANGUAGE.answer_types[kind])
    for kind in ANSWER_KINDS
    if kind in _LANGUAGE.answer_types
}
"""What a question asks for, read on its folded text (citeqa/data/language.json)."""
_YESNO = any_of(_LANGUAGE.yes_no_questions)
"""A closed (yes/no) question in English or French, read on its folded text: its answer is
usually a finding or conclusion rather than a value."""
_LABEL = re.compile(r"^\s*([^\W\d_][\w ,&/'-]{1,40}?)\s*:")
"""A paragraph opening with a label ("Results:", "Conclusion :"), as structured abstracts,
reports and FAQs do."""
_SUMMARY = any_of(_LANGUAGE.summary_labels)
"""Labels of a section that states the finding (English and French), read folded."""
_PARAGRAPH_LOOKBACK = 1500
"""How far back (characters) a sentence's paragraph opening is looked for."""
_HAS = {
    kind: re.compile(_LANGUAGE.answer_values[kind])
    for kind in ANSWER_KINDS
    if kind in _LANGUAGE.answer_values
}
"""Per kind the features read, folded sentence text holding such a value; a kind without one
(person, place) is held by a capitalised name. The duration kinds' values are durations.py's
(`holds_duration`)."""
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-ZÀ-Ý][a-zà-ÿ]+(?:[\s-][A-ZÀ-Ý][a-zà-ÿ]+)*")
"""A capitalised word not opening the sentence: a person's or a place's name."""
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


@dataclass(frozen=True)
class Wants:
    """The kinds of value a question asks for."""

    kinds: frozenset[str]

    @classmethod
    def of(cls, question: str) -> Wants:
        """What `question` asks for, read once for the last QUESTIONS_READ questions (`_wanted`):
        the answer features, quoting, and the quote's context once a quote ask it."""
        return cls(_wanted(question))


@functools.lru_cache(maxsize=QUESTIONS_READ)
def _wanted(question: str) -> frozenset[str]:
    """The kinds `question`'s folded text asks for (_TYPES), and the DURATION_KINDS it asks
    (durations.py: they choose the value held, `holds_asked_value`, no feature)."""
    folded = fold(question)
    kinds = frozenset(kind for kind, pattern in _TYPES.items() if pattern.search(folded))
    return kinds | asked_durations(folded)


def holds_asked_value(wants: Wants, text: str) -> bool:
    """Whether `text` holds a value of a kind `wants` (a question's) asks for that a pattern
    finds (a number, a share, a date: the language data's `answer_values`; a person or a place,
    read as any capitalised name, is left out): "Helix 2.8 (12 February 2026)" for "When was it
    released?"."""
    folded = fold(text)
    if DURATION in wants.kinds:  # the number asked is a duration (durations.py)
        others = wants.kinds - {"number", *DURATION_KINDS}
        return holds_duration(wants.kinds, folded) or any(
            _holds(kind, text, folded) for kind in others if kind in _HAS
        )
    return any(_holds(kind, text, folded) for kind in wants.kinds if kind in _HAS)


def holds_asked_name(wants: Wants, text: str) -> bool:
    """Whether `wants` (a question's) asks for a person or a place and `text` holds a
    capitalised name past its first word ("Jean Dupont" for "Who signed for the landlord?";
    "Decisions" holds none)."""
    return bool(wants.kinds & {"person", "place"}) and _holds_name(text)


def _holds(kind: str, text: str, folded: str) -> bool:
    """Whether `text` (`folded`: its folded form) holds a value of `kind`: _HAS's pattern, or,
    for a kind without one, a capitalised name."""
    if kind in _HAS:
        return _HAS[kind].search(folded) is not None
    return _holds_name(text)


def _holds_name(text: str) -> bool:
    """Whether `text` holds a capitalised name past its first word (_NAME)."""
    return _NAME.search(text) is not None


def sentence_features(
    scored: list[ScoredSentence],
    bank: SentenceBank,
    hits: list[Hit],
    terms: QuestionTerms,
    wants: Wants,
) -> np.ndarray:
    """One row of SENTENCE_FEATURES per scored sentence, in the order given: its MATCH_FEATURES
    (match_features) then its LOCATION_FEATURES (answer_location.location_features), as the
    answer reads them (answering.py computes the second only for a question it answers)."""
    reading = Reading(bank, hits, terms)
    return np.hstack([match_features(scored, reading, wants), location_features(scored, reading)])


def match_features(scored: list[ScoredSentence], reading: Reading, wants: Wants) -> np.ndarray:
    """One row of MATCH_FEATURES per scored sentence, in the order given."""
    bank, hits, terms = reading.bank, reading.hits, reading.terms
    top = max((hit.score for hit in hits), default=0.0) or 1.0
    heaviest = _heaviest(terms)
    question_tokens = frozenset().union(*(alternatives for alternatives, _ in terms.terms))
    question_numbers = set(_NUMBER.findall(terms.focus))
    yesno = float(_YESNO.search(fold(terms.focus)) is not None)
    asks_definition = bank.rules.asks_definition.search(fold(terms.focus)) is not None
    question_pairs = _pairs(reading.question("en")) | _pairs(reading.question("fr"))
    rows = []
    for item in scored:
        facts = bank.facts(item.index)
        text, tokens = facts.text, bank.tokens[item.index]
        places = numbers_only_places(text)  # "2. Équipe": its number is no value
        valued, folded = facts.unnumbered, facts.unnumbered_folded  # nor is a list step's
        holds = {
            kind: kind in wants.kinds and _holds(kind, valued, folded) and not places
            for kind in ANSWER_KINDS
        }
        hit = hits[item.passage_rank - 1]
        rows.append(
            [
                item.semantic,
                item.coverage,
                item.context,
                item.score,
                1.0 / item.passage_rank,
                hit.score / top,
                float(holds["number"]),
                float(holds["share"]),
                float(holds["date"]),
                float(holds["person"]),
                float(holds["place"]),
                float(bool(wants.kinds & _FEATURE_KINDS) and not any(holds.values())),
                len(tokens - question_tokens) / len(tokens) if tokens else 0.0,
                float(bool(heaviest & tokens)),
                math.log1p(len(text)) / 7.0,
                float(len(text) > LONG_QUOTE),
                float(bank.sentences[item.index].start <= hit.chunk.start + 2),
                float(is_question(text)),
                float("share" in _HAS and _HAS["share"].search(folded) is not None),
                float(not places and bool(set(_NUMBER.findall(valued)) - question_numbers)),
                *_placement(bank, item.index),
                yesno,
                float(not asks_definition and facts.defines),
                _shared_pairs(question_pairs, reading.bank.words(item.index, hit.chunk.lang)),
            ]
        )
    return _with_relative(np.array(rows, dtype=np.float64).reshape(len(rows), _OWN))


def _pairs(tokens: Sequence[str]) -> set[tuple[str, str]]:
    return set(itertools.pairwise(tokens))


def _shared_pairs(question: set[tuple[str, str]], words: Sequence[str]) -> float:
    """The share of the question's consecutive word pairs (stemmed) the sentence (its stemmed
    `words`) repeats: a sentence that echoes the question's phrasing usually holds its answer."""
    if not question:
        return 0.0
    return len(question & _pairs(words)) / len(question) * 2


def _placement(bank: SentenceBank, index: int) -> tuple[float, float, float]:
    """Where the sentence lies: its relative position in the document, whether its paragraph
    opens with a label, and whether that label names a summary or conclusion; the same for
    every question, read once while the bank remembers it (SentenceBank.placements)."""
    return bank.placements.get(index, lambda: _read_placement(bank, index))


def _read_placement(bank: SentenceBank, index: int) -> tuple[float, float, float]:
    sentence = bank.sentences[index]
    text = bank.documents[sentence.doc_id].text
    opening = text.rfind("\n\n", max(0, sentence.start - _PARAGRAPH_LOOKBACK), sentence.start)
    paragraph = text[opening + 2 if opening >= 0 else 0 : sentence.end]
    label = _LABEL.match(paragraph)
    summary = label is not None and _SUMMARY.search(fold(label.group(1))) is not None
    return sentence.start / max(1, len(text)), float(label is not None), float(summary)


_OWN = len(MATCH_FEATURES) - 6
"""Columns computed per sentence; the last six compare it with the question's other ones."""


def _with_relative(own: np.ndarray) -> np.ndarray:
    """Append each sentence's standing among the question's candidates: its hand score,
    meaning, coverage and context against the best of them, its order by hand score, and
    answer type held times coverage."""
    if not len(own):
        return np.zeros((0, len(MATCH_FEATURES)))
    column = {name: number for number, name in enumerate(MATCH_FEATURES[:_OWN])}

    def share(name: str) -> np.ndarray:
        return share_of_best(own[:, column[name]])

    hand = own[:, column["hand_score"]]
    order = np.argsort(np.argsort(-hand, kind="stable"), kind="stable")
    typed = own[:, [column[f"wants_{k}_has"] for k in ANSWER_KINDS]].max(axis=1)
    relative = np.column_stack(
        [
            share("hand_score"),
            own[:, column["semantic"]] - own[:, column["semantic"]].max(),
            share("coverage"),
            share("context"),
            1.0 / (1.0 + order),
            typed * own[:, column["coverage"]],
        ]
    )
    return np.hstack([own, relative])


def _heaviest(terms: QuestionTerms) -> frozenset[str]:
    focus = terms.own_terms
    if not focus:
        return frozenset()
    return max(focus, key=lambda item: item[1])[0]
