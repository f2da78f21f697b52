"""Where in a sentence the question's terms meet: features that locate the answer, not the topic.

A passage about the question's subject holds many sentences naming it; the one that answers
usually repeats the question's terms close together and in its order, weighs them as BM25
weighs a short document, holds the question's specific terms (what it asks about the subject,
topic_terms.py), and is the best of its passage. `location_features` gives these per candidate
sentence, from what the pipeline has at ask time (the sentence's stemmed words, the question's
IDF-weighted terms, the passages): no corpus knowledge. Names and order: LOCATION_FEATURES.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from citeqa.lexical import tokenize
from citeqa.models import Hit
from citeqa.questions import QuestionTerms
from citeqa.sentences import ScoredSentence, SentenceBank
from citeqa.topic_terms import Terms, covered, present_terms, specific_terms

LOCATION_FEATURES = (
    "proximity",
    "proximity_relative",
    "question_run",
    "question_run_relative",
    "bm25",
    "bm25_relative",
    "specific_heaviest",
    "specific_share",
    "specific_relative",
    "best_in_passage",
    "passage_relative",
    "matched_share",
)
BM25_K1 = 1.2
BM25_B = 0.75
"""BM25's usual constants; a sentence's length is read against the candidates' mean."""


@dataclass
class Reading:
    """One question against its top passages `hits`, and what the answer layer reads of it more
    than once, each computed once: the question's stemmed words per language, the question's
    terms the corpus uses, its specific terms (topic_terms) against each passage's document,
    and each passage's tokens; and each candidate sentence's stemmed words, which the bank
    keeps for every question."""

    bank: SentenceBank
    hits: list[Hit]
    terms: QuestionTerms
    versioned: frozenset[str] = frozenset()
    """The ids of the documents of `hits` of the version the question asks
    (version_documents.version_documents_read), read once a question (answering.compose; the
    quote model's features, answer_features.sentence_features, read none)."""
    _asked: dict[str, list[str]] = field(default_factory=dict)
    _present: Terms | None = None
    _specific: dict[int, Terms] = field(default_factory=dict)
    _tokens: dict[int, frozenset[str]] = field(default_factory=dict)
    _sections: dict[int, frozenset[str]] = field(default_factory=dict)

    def question(self, lang: str) -> list[str]:
        """The question's focus, stemmed in `lang`."""
        if lang not in self._asked:
            self._asked[lang] = tokenize(self.terms.focus, lang)
        return self._asked[lang]

    def present(self) -> Terms:
        """The question's terms the corpus uses (topic_terms.present_terms)."""
        if self._present is None:
            self._present = present_terms(self.terms)
        return self._present

    def specific(self) -> Terms:
        """The question's specific terms: those it uses beyond the best document's topic."""
        return self.specific_at(0) if self.hits else self.present()

    def specific_at(self, number: int) -> Terms:
        """The question's specific terms beyond the topic of passage `number`'s document."""
        if number not in self._specific:
            hit = self.hits[number]
            self._specific[number] = specific_terms(self.present(), self.bank, [hit])
        return self._specific[number]

    def section_tokens_at(self, number: int) -> frozenset[str]:
        """The tokens of passage `number`'s heading and table header (SentenceBank.section_tokens),
        read once a question: a follow-up's candidates read them each (followup_quotes.py)."""
        if number not in self._sections:
            self._sections[number] = self.bank.section_tokens(self.hits[number].chunk)
        return self._sections[number]

    def tokens_at(self, number: int) -> frozenset[str]:
        """Every token of passage `number`'s sentences and heading."""
        if number not in self._tokens:
            chunk = self.hits[number].chunk
            tokens = set(self.section_tokens_at(number))
            for sentence in self.bank.in_chunk(chunk):
                tokens |= self.bank.tokens[sentence]
            self._tokens[number] = frozenset(tokens)
        return self._tokens[number]

    def passage_tokens(self) -> frozenset[str]:
        """Every token of the passages' sentences and headings."""
        return frozenset().union(*(self.tokens_at(n) for n in range(len(self.hits))))


def term_positions(words: Sequence[str], terms: Terms) -> dict[int, list[int]]:
    """For each of `terms` (by number) that the words hold, the positions where they do."""
    positions: dict[int, list[int]] = {}
    held = frozenset().union(*(alternatives for alternatives, _ in terms))
    for place, word in enumerate(words):
        if word not in held:
            continue  # no term's: most words of a sentence
        for number, (alternatives, _) in enumerate(terms):
            if word in alternatives:
                positions.setdefault(number, []).append(place)
    return positions


def shortest_window(positions: dict[int, list[int]]) -> int:
    """The fewest consecutive words holding every term of `positions` at least once (0 for
    none): a sliding window over the terms' occurrences in text order."""
    events = sorted((place, term) for term, places in positions.items() for place in places)
    held: dict[int, int] = {}
    best, first = 0, 0
    for place, term in events:
        held[term] = held.get(term, 0) + 1
        while len(held) == len(positions):
            width = place - events[first][0] + 1
            best = width if not best or width < best else best
            dropped = events[first][1]
            held[dropped] -= 1
            if not held[dropped]:
                del held[dropped]
            first += 1
    return best


def proximity(positions: dict[int, list[int]]) -> float:
    """How tightly the matched terms sit: their number over the shortest window holding them
    all (1 when they stand side by side, or for a single term; 0 for none)."""
    window = shortest_window(positions)
    return len(positions) / window if window else 0.0


def longest_run(question: Sequence[str], words: Sequence[str]) -> int:
    """The longest run of consecutive question words that the sentence repeats in order."""
    places: dict[str, list[int]] = {}
    for place, asked in enumerate(question):
        places.setdefault(asked, []).append(place)
    if places.keys().isdisjoint(words):
        return 0  # most candidates: no question word, read in C
    best, previous = 0, dict[int, int]()
    for word in words:
        current = {place: previous.get(place - 1, 0) + 1 for place in places.get(word, ())}
        best = max(best, *current.values()) if current else best
        previous = current
    return best


def bm25(
    positions: dict[int, list[int]], weights: Sequence[float], length: int, mean: float
) -> float:
    """BM25 of the sentence as a document against the question, the terms' IDF weights given."""
    norm = BM25_K1 * (1 - BM25_B + BM25_B * length / (mean or 1.0))
    return sum(
        weights[term] * len(places) * (BM25_K1 + 1) / (len(places) + norm)
        for term, places in positions.items()
    )


def share_of_best(values: np.ndarray) -> np.ndarray:
    """Each value over the largest (over 1 when the largest is 0): a candidate's standing among
    the question's candidates."""
    if not len(values):
        return values
    return values / (values.max() or 1.0)


def location_features(scored: list[ScoredSentence], reading: Reading) -> np.ndarray:
    """One row of LOCATION_FEATURES per scored sentence, in the order given."""
    if not scored:
        return np.zeros((0, len(LOCATION_FEATURES)))
    terms, hits = reading.terms, reading.hits
    focus = terms.own_terms
    weights = [weight for _, weight in focus]
    specific = reading.specific()
    heaviest = max(specific, key=lambda item: item[1])[0] if specific else frozenset()
    rows, found, lengths = [], [], []
    for item in scored:
        lang = hits[item.passage_rank - 1].chunk.lang
        words = reading.bank.words(item.index, lang)
        positions = term_positions(words, focus)
        tokens = reading.bank.tokens[item.index]
        question = reading.question(lang)
        rows.append(
            [
                proximity(positions),
                longest_run(question, words) / max(1, len(question)),
                float(bool(heaviest & tokens)),
                covered(specific, tokens),
                len(positions) / max(1, len(focus)),
            ]
        )
        found.append(positions)
        lengths.append(len(words))
    own = np.array(rows, dtype=np.float64)
    mean = float(np.mean(lengths))
    matches = np.array([bm25(p, weights, n, mean) for p, n in zip(found, lengths, strict=True)])
    best, within = _passage_standing(scored)
    return np.column_stack(
        [
            own[:, 0], share_of_best(own[:, 0]), own[:, 1], share_of_best(own[:, 1]),
            matches, share_of_best(matches), own[:, 2], own[:, 3], share_of_best(own[:, 3]),
            best, within, own[:, 4],
        ]
    )  # fmt: skip


def _passage_standing(scored: list[ScoredSentence]) -> tuple[np.ndarray, np.ndarray]:
    """Whether each sentence has the best hand score of its passage, and its score over that
    best."""
    hand = np.array([item.score for item in scored])
    passage = np.array([item.passage_rank for item in scored])
    best, within = np.zeros(len(hand)), np.zeros(len(hand))
    for rank in np.unique(passage):
        inside = passage == rank
        top = hand[inside].max()
        best[inside] = (hand[inside] >= top).astype(np.float64)
        within[inside] = hand[inside] / top if top > 0 else 0.0
    return best, within
