"""Features that locate the answer in a sentence (answer_location.py), on small hand-built
sentences: how close together and in which order a sentence repeats the question's terms, its
BM25 against the question, its share of the question's specific terms, its standing in its
passage."""

from __future__ import annotations

import numpy as np
import pytest

from citeqa.answer_location import (
    LOCATION_FEATURES,
    Reading,
    bm25,
    location_features,
    longest_run,
    proximity,
    shortest_window,
    term_positions,
)
from citeqa.answer_models import TreeModel
from citeqa.answering import reordered
from citeqa.candidates import Candidates
from citeqa.lexical import tokenize
from citeqa.models import Chunk, Document, Hit, Sentence
from citeqa.questions import QuestionTerms
from citeqa.sentences import ScoredSentence, SentenceBank


def words(text: str) -> list[str]:
    return text.split()


TERMS = [(frozenset({"tower"}), 3.0), (frozenset({"built"}), 2.0), (frozenset({"year"}), 1.0)]


def test_terms_side_by_side_are_closer_than_terms_far_apart() -> None:
    near = term_positions(words("the tower built that year"), TERMS)
    far = term_positions(
        words("the tower is tall and a crowd once built a stage there"),
        TERMS,
    )
    assert shortest_window(near) == 4
    assert proximity(near) == pytest.approx(3 / 4)
    assert shortest_window(far) == 8
    assert proximity(far) == pytest.approx(2 / 8)


def test_the_shortest_window_takes_the_closest_occurrences() -> None:
    sentence = words("tower x x x x built tower year")
    assert shortest_window(term_positions(sentence, TERMS)) == 3


def test_no_matched_term_has_no_window_and_one_term_is_tight() -> None:
    assert shortest_window({}) == 0
    assert proximity({}) == 0.0
    assert proximity(term_positions(words("a tower stands"), TERMS)) == 1.0


def test_the_longest_run_counts_question_words_repeated_in_order() -> None:
    question = words("when was the tower built")
    assert longest_run(question, words("the tower built in 1889")) == 3
    assert longest_run(question, words("built was the tower")) == 3
    assert longest_run(question, words("built tower when")) == 1
    assert longest_run(question, words("nothing shared")) == 0


def test_bm25_rewards_heavy_terms_and_penalises_length() -> None:
    weights = [weight for _, weight in TERMS]
    heavy = bm25(term_positions(words("tower"), TERMS), weights, 5, 5.0)
    light = bm25(term_positions(words("year"), TERMS), weights, 5, 5.0)
    long = bm25(term_positions(words("tower"), TERMS), weights, 20, 5.0)
    assert heavy > light > 0
    assert heavy > long
    assert bm25({}, weights, 5, 5.0) == 0.0


def _bank(texts: list[list[str]]) -> tuple[SentenceBank, list[Hit]]:
    """One document whose passages (lists of sentences) are chunks, hit in that order."""
    text, sentences, tokens, chunks = "", [], [], []
    for number, passage in enumerate(texts):
        start = len(text)
        for sentence in passage:
            end = len(text) + len(sentence)
            sentences.append(Sentence(doc_id="d", chunk_index=number, start=len(text), end=end))
            tokens.append(frozenset(tokenize(sentence, "en")))
            text += sentence + " "
        chunks.append((start, len(text)))
    document = Document(doc_id="d", title="", path="/d.txt", text=text, sha256="0")
    hits = [
        Hit(
            chunk=Chunk(chunk_id=f"d:{n}", doc_id="d", start=start, end=end, text=text[start:end]),
            chunk_index=n,
            score=1.0 / (1 + n),
        )
        for n, (start, end) in enumerate(chunks)
    ]
    bank = SentenceBank({"d": document}, [h.chunk for h in hits], sentences, None, tokens)
    return bank, hits


def _tower() -> tuple[Reading, list[ScoredSentence]]:
    """A question, two passages of one document, and their three sentences (the second one
    answers)."""
    bank, hits = _bank(
        [
            ["The tower stands in the city and the tower is tall.", "The tower was built in 1889."],
            ["Many towers stand there."],
        ]
    )
    terms = QuestionTerms(
        focus="When was the tower built?",
        terms=[(frozenset({"tower"}), 1.0), (frozenset({"built"}), 3.0)],
        focus_terms=2,
        unseen_weight=8.0,
    )
    scored = [
        ScoredSentence(0, 0.5, 0.0, 0.5, 0.5, 1),
        ScoredSentence(1, 0.4, 0.0, 0.9, 0.9, 1),
        ScoredSentence(2, 0.3, 0.0, 0.4, 0.4, 2),
    ]
    return Reading(bank, hits, terms), scored


def test_location_features_prefer_the_sentence_that_answers() -> None:
    reading, scored = _tower()
    rows = location_features(scored, reading)
    assert rows.shape == (3, len(LOCATION_FEATURES))
    feature = dict(zip(LOCATION_FEATURES, rows.T, strict=True))
    # the answering sentence (1) holds both terms, in the question's order, and the only
    # specific term ("built": "tower" is in every sentence, the document's topic)
    assert list(feature["matched_share"]) == [0.5, 1.0, 0.5]
    assert list(feature["question_run"]) == [0.5, 1.0, 0.5]
    assert list(feature["question_run_relative"]) == [0.5, 1.0, 0.5]
    assert list(feature["specific_heaviest"]) == [0.0, 1.0, 0.0]
    assert list(feature["specific_share"]) == [0.0, 1.0, 0.0]
    assert feature["bm25"][1] > feature["bm25"][0] > feature["bm25"][2] > 0
    assert feature["bm25_relative"][1] == 1.0
    # the hand score's standing within each passage
    assert list(feature["best_in_passage"]) == [1.0, 0.0, 1.0]
    assert feature["passage_relative"][1] == pytest.approx(0.8)


def test_no_candidate_gives_no_row() -> None:
    bank, hits = _bank([["A sentence."]])
    reading = Reading(bank, hits, QuestionTerms(focus="x", terms=[], focus_terms=0))
    assert location_features([], reading).shape == (0, len(LOCATION_FEATURES))
    lone = [ScoredSentence(0, 0.0, 0.0, 0.0, 0.0, 1)]
    assert np.isfinite(location_features(lone, reading)).all()


def _stump(feature: int) -> TreeModel:
    """One tree over the first `feature` + 1 columns: logit +1 when column `feature` exceeds
    0.5, otherwise -1."""
    names = tuple(f"f{n}" for n in range(feature + 1))
    return TreeModel(
        names, np.array([feature, -1, -1]), np.array([0.5, 0.0, 0.0]), np.array([1, 1, 2]),
        np.array([2, 1, 2]), np.array([0.0, -1.0, 1.0]), np.array([0]), 1, 0.0, {},
    )  # fmt: skip


def test_the_quote_ranker_reorders_on_the_location_features_it_adds() -> None:
    reading, scored = _tower()
    match = np.array([[1.0, 0.0], [0.5, 0.0], [0.2, 0.0]])  # the evidence ranker's order
    candidates = Candidates(scored, np.array([0.7, 0.5, 0.3]), match)
    matched = len(match[0]) + LOCATION_FEATURES.index("specific_share")
    quoting = reordered(candidates, _stump(matched), reading)
    assert [s.index for s in quoting.sentences] == [1, 0, 2]
    assert quoting.rows.shape == (3, 2 + len(LOCATION_FEATURES))
    assert quoting.rows[:, :2].tolist() == [[0.5, 0.0], [1.0, 0.0], [0.2, 0.0]]
    assert quoting.probabilities[0] > quoting.probabilities[1]
    empty = Candidates([], np.zeros(0), np.zeros((0, 2)))
    assert reordered(empty, _stump(matched), reading) is empty
