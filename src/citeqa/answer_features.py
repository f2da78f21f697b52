"""The numbers the learned answer layer reads: one row per candidate sentence, one per question.

Sentence features (`sentence_features`) say how well a sentence of the top passages answers:
its meaning and key-term match (from sentences.py), its passage's rank and score, whether it
holds the kind of value asked for (answer types in English and French: a number, a share, a
year or date, a person or a place), how much new information it brings, its length and position.
Question features (`question_features`) say whether the documents answer at all: the best
sentences' ranker scores and meaning, how much of the question a passage covers, the
share of the question's words the corpus never uses, and whether the corpus speaks of the
question's subject (how rare the shared terms are, the coverage of the terms the corpus uses,
the best dense similarity), and how much of what the question asks beyond its document's
subject a passage covers (topic_terms.py). What the passages show is read on each of the top
passages and the best kept, so that it does not move when the fusion reorders them (a fusion
that brought a closer passage first made unanswerable questions look answerable). Names and
order are fixed by the tuples below; the shipped models (citeqa/data/*.json) name the
features they were trained on.
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass

import numpy as np

from citeqa.answer_location import LOCATION_FEATURES, Reading, location_features, share_of_best
from citeqa.clauses import LONG_QUOTE
from citeqa.domain import language_data
from citeqa.glossary import fold
from citeqa.models import Hit
from citeqa.questions import QuestionTerms
from citeqa.retrieval import LEXICAL
from citeqa.sentences import ScoredSentence, SentenceBank
from citeqa.topic_terms import covered

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
QUESTION_FEATURES = (
    "best_ranker",
    "second_ranker",
    "best_semantic",
    "best_coverage",
    "best_context",
    "top_dense",
    "passage_coverage",
    "passage_gap",
    "missing",
    "absent_share",
    "unknown_names",
    "log_terms",
    "agreement",
    "best_type_missing",
    "best_length",
    "top_ranker_margin",
    "dense_peak",
    "dense_best",
    "matched_rarity",
    "present_coverage",
    "best_present_coverage",
    "passages_coverage",
    "centroid_similarity",
    "dense_lift",
    "specific_coverage",
)

ANSWER_KINDS = ("number", "share", "date", "person", "place")
"""The kinds of value the features name (wants_<kind>_has); their cues are language data."""
_LANGUAGE = language_data()
_TYPES = {
    kind: re.compile(_LANGUAGE.answer_types[kind])
    for kind in ANSWER_KINDS
    if kind in _LANGUAGE.answer_types
}
"""What a question asks for, read on its folded text (citeqa/data/language.json)."""
_YESNO = re.compile("|".join(f"(?:{p})" for p in _LANGUAGE.yes_no_questions) or r"(?!)")
"""A closed (yes/no) question in English or French, read on its folded text: its answer is
usually a finding or conclusion rather than a value."""
_LABEL = re.compile(r"^\s*([^\W\d_][\w ,&/'-]{1,40}?)\s*:")
"""A paragraph opening with a label ("Results:", "Conclusion :"), as structured abstracts,
reports and FAQs do."""
_SUMMARY = re.compile("|".join(f"(?:{p})" for p in _LANGUAGE.summary_labels) or r"(?!)")
"""Labels of a section that states the finding (English and French), read folded."""
_PARAGRAPH_LOOKBACK = 1500
"""How far back (characters) a sentence's paragraph opening is looked for."""
_HAS = {kind: re.compile(pattern) for kind, pattern in _LANGUAGE.answer_values.items()}
"""Per kind, folded sentence text holding such a value; a kind without one (person, place)
is held by a capitalised name."""
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-ZÀ-Ý][a-zà-ÿ]+(?:[\s-][A-ZÀ-Ý][a-zà-ÿ]+)*")
"""A capitalised word not opening the sentence: a person's or a place's name."""
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


@dataclass(frozen=True)
class Wants:
    """The kinds of value a question asks for."""

    kinds: frozenset[str]

    @classmethod
    def of(cls, question: str) -> Wants:
        folded = fold(question)
        return cls(frozenset(kind for kind, pattern in _TYPES.items() if pattern.search(folded)))


def _holds(kind: str, text: str, folded: str) -> bool:
    if kind in _HAS:
        return _HAS[kind].search(folded) is not None
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
    asks_definition = bank.rules.definition.search(fold(terms.focus)) is not None
    question_pairs = _pairs(reading.question("en")) | _pairs(reading.question("fr"))
    rows = []
    for item in scored:
        text = bank.text(item.index)
        folded = fold(text)
        tokens = bank.tokens[item.index]
        holds = {kind: kind in wants.kinds and _holds(kind, text, folded) for kind in ANSWER_KINDS}
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
                float(bool(wants.kinds) and not any(holds.values())),
                len(tokens - question_tokens) / len(tokens) if tokens else 0.0,
                float(bool(heaviest & tokens)),
                math.log1p(len(text)) / 7.0,
                float(len(text) > LONG_QUOTE),
                float(bank.sentences[item.index].start <= hit.chunk.start + 2),
                float(text.rstrip().endswith("?")),
                float("share" in _HAS and _HAS["share"].search(folded) is not None),
                float(bool(set(_NUMBER.findall(text)) - question_numbers)),
                *_placement(bank, item.index),
                yesno,
                float(not asks_definition and bank.rules.definition.search(folded) is not None),
                _shared_pairs(question_pairs, reading.words(item.index, hit.chunk.lang)),
            ]
        )
    return _with_relative(np.array(rows, dtype=np.float64).reshape(len(rows), _OWN))


def _pairs(tokens: list[str]) -> set[tuple[str, str]]:
    return set(itertools.pairwise(tokens))


def _shared_pairs(question: set[tuple[str, str]], words: list[str]) -> float:
    """The share of the question's consecutive word pairs (stemmed) the sentence (its stemmed
    `words`) repeats: a sentence that echoes the question's phrasing usually holds its answer."""
    if not question:
        return 0.0
    return len(question & _pairs(words)) / len(question) * 2


def _placement(bank: SentenceBank, index: int) -> tuple[float, float, float]:
    """Where the sentence lies: its relative position in the document, whether its paragraph
    opens with a label, and whether that label names a summary or conclusion."""
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
    focus = terms.terms[: terms.focus_terms]
    if not focus:
        return frozenset()
    return max(focus, key=lambda item: item[1])[0]


def _dense_scores(hits: list[Hit], channel: str | None) -> list[float]:
    """The scores of these hits in dense `channel` (None, no vector channel: none)."""
    if channel is None:
        return []
    return [hit.channel_scores[channel] for hit in hits if channel in hit.channel_scores]


def question_features(
    ranker: np.ndarray,
    rows: np.ndarray,
    reading: Reading,
    meaning: tuple[np.ndarray | None, np.ndarray | None],
    channel: str | None,
) -> np.ndarray:
    """The row of QUESTION_FEATURES for a question whose candidate sentences scored `ranker`
    (probabilities, best first) with feature `rows`; `meaning` holds the question's vector in
    the answer channel and the corpus's centroid there, when known. The dense features read
    the scores of `channel`, the answer channel (None: the index has no vector channel, so no
    dense scores), and whether the channels agree counts BM25 and that channel only: the
    models were fitted on them, and another channel's scores are on another scale (e5 scores
    unrelated text about 0.76) and its ranks make agreement rarer. `reading`: the question
    against its top passages, as the candidates' features read it (answer_location.Reading).
    What a passage says of the question is read on each of the top passages and the best
    kept (passage_evidence), whichever the fusion put first."""
    terms = reading.terms
    column = {name: number for number, name in enumerate(SENTENCE_FEATURES)}
    best = (lambda name: float(rows[:, column[name]].max())) if len(rows) else (lambda name: 0.0)
    passages = passage_evidence(reading, channel)
    return np.array(
        [
            float(ranker[0]) if len(ranker) else 0.0,
            float(ranker[1]) if len(ranker) > 1 else 0.0,
            best("semantic"),
            best("coverage"),
            best("context"),
            passages.dense,
            passages.coverage,
            passages.gap,
            terms.missing,
            len(terms.absent) / max(1, terms.focus_terms),
            terms.unknown_names,
            math.log1p(terms.focus_terms) / 3.0,
            passages.agreement,
            float(rows[0, column["type_missing"]]) if len(rows) else 1.0,
            float(rows[0, column["log_length"]]) if len(rows) else 0.0,
            float(ranker[0] - ranker[1]) if len(ranker) > 1 else 0.0,
            passages.dense_peak,
            passages.dense,  # dense_best: top_dense's twin since both read every passage
            passages.rarity,
            passages.present_coverage,
            passages.sentence_coverage,
            passages.joint_coverage,
            *_typical_meaning(passages.dense, *meaning),
            passages.specific_coverage,
        ],
        dtype=np.float64,
    )


@dataclass(frozen=True)
class PassageEvidence:
    """The best any one of the question's top passages shows of the question: the highest
    dense score in the answer channel (`dense`) and how far it rises above
    the others' mean (`dense_peak`); the highest weighted coverage of the question's terms
    (`coverage`) and the lowest weight of the heaviest term left out (`gap`); whether a passage
    ranks in the first three of both BM25 and the answer channel (`agreement`); how rare in the
    corpus the rarest question term a passage holds is (`rarity`: an off-topic question shares
    only common words); the highest coverage of the question's terms the corpus uses
    (`present_coverage`) and of its specific terms, those beyond the passage's document's topic
    (`specific_coverage`, topic_terms.specific_terms); the highest coverage of the terms the
    corpus uses by one sentence of the passages (`sentence_coverage`), and the weighted
    coverage of the question's terms by the passages together (`joint_coverage`). Each is read
    on every passage, so the figures do not move when the fusion reorders the same passages."""

    dense: float
    dense_peak: float
    coverage: float
    gap: float
    agreement: float
    rarity: float
    present_coverage: float
    specific_coverage: float
    sentence_coverage: float
    joint_coverage: float


def passage_evidence(reading: Reading, channel: str | None) -> PassageEvidence:
    """The question's PassageEvidence over `reading`'s passages (zeros, and a full gap, for
    none)."""
    hits, terms, bank = reading.hits, reading.terms, reading.bank
    present = reading.present()
    tokens = [reading.tokens_at(number) for number in range(len(hits))]
    dense = sorted(_dense_scores(hits, channel), reverse=True)
    others = dense[1:]
    unseen = terms.unseen_weight or 1.0
    return PassageEvidence(
        dense=max(dense, default=0.0),
        dense_peak=dense[0] - sum(others) / len(others) if others else max(dense, default=0.0),
        coverage=max((terms.coverage(t) for t in tokens), default=0.0),
        gap=min((terms.worst_gap(t) for t in tokens), default=1.0 if terms.focus_terms else 0.0),
        agreement=max((_agree(hit, channel) for hit in hits), default=0.0),
        rarity=max(
            (weight for alternatives, weight in present if any(alternatives & t for t in tokens)),
            default=0.0,
        )
        / unseen,
        present_coverage=max((covered(present, t) for t in tokens), default=0.0),
        specific_coverage=max(
            (covered(reading.specific_at(number), t) for number, t in enumerate(tokens)),
            default=0.0,
        ),
        sentence_coverage=max(
            (covered(present, bank.tokens[n]) for hit in hits for n in bank.in_chunk(hit.chunk)),
            default=0.0,
        ),
        joint_coverage=terms.coverage(reading.passage_tokens()),
    )


def _agree(hit: Hit, channel: str | None) -> float:
    """1 when the passage ranks in the first three of both BM25 and the answer `channel`."""
    ranks = [rank for name, rank in hit.channel_ranks.items() if name in (LEXICAL, channel)]
    return 1.0 if len(ranks) > 1 and max(ranks) <= 3 else 0.0


def _typical_meaning(
    best_dense: float, query: np.ndarray | None, centroid: np.ndarray | None
) -> list[float]:
    """The question's similarity to the corpus centroid, and how far the best dense hit rises
    above it (an off-topic question is about as close to its best passage as to anything the
    corpus says); zeros when either vector is unknown."""
    if query is None or centroid is None or len(query) != len(centroid):
        return [0.0, 0.0]
    typical = float(np.dot(query, centroid))
    return [typical, best_dense - typical]
