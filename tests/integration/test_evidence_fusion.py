"""Two fusions of one search: the ranking shown follows the ranking's weights
(`channel_weights`, `rerank_weight`), while the passages the answer models read, and so the
abstention, the confidence and the quote, follow the evidence fusion's
(`evidence_channel_weights`, `evidence_rerank_weight`) whatever the ranking's are."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from integration_helpers import fake_settings, make_corpus

import citeqa.sentences
from citeqa.api import Assistant, build_index, open_assistant
from citeqa.models import Chunk, Retrieval
from citeqa.sentences import QuestionScores, SentenceBank

QUESTIONS = (
    "How does belimumab work?",
    "How many biopsies does REFRACT plan?",
    "Who leads the REFRACT project?",
    "What is the role of B cells in lupus?",
    "Which treatments are approved for lupus nephritis?",
    "What is the capital of Peru?",
)
RANKINGS = (
    {"channel_weights": {"fake": 0.0}, "rerank_weight": 0.0},
    {"channel_weights": {"fake": 0.2}, "rerank_weight": 0.9},
    {"channel_weights": {"fake": 3.0}, "rerank_weight": 0.3},
)
"""Ranking settings far from the evidence fusion's (the fake channel's own weight, 0.5)."""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    folder = tmp_path_factory.mktemp("evidence")
    settings = fake_settings(make_corpus(folder / "corpus"), folder / "index")
    build_index(settings)
    return open_assistant(settings, build_if_missing=False)


def _hits(retrieval: Retrieval) -> list[tuple[int, float, dict[str, int]]]:
    return [(hit.chunk_index, hit.score, hit.channel_ranks) for hit in retrieval.hits]


def _both(assistant: Assistant, question: str) -> tuple[Retrieval, Retrieval]:
    vectors = assistant._query_vectors(question)
    return assistant._retrievals(question, vectors, None)[:2]


def test_the_evidence_passages_do_not_move_with_the_ranking_weights(
    assistant: Assistant,
) -> None:
    moved = 0
    for question in QUESTIONS:
        _, evidence = _both(assistant, question)
        alone = assistant.ask(question)
        for ranking in RANKINGS:
            other = assistant.configured(**ranking)
            shown, same = _both(other, question)
            assert _hits(same) == _hits(evidence), (question, ranking)
            moved += _hits(shown) != _hits(evidence)
            answer = other.ask(question)
            assert answer.confidence == alone.confidence, (question, ranking)
            assert answer.abstained == alone.abstained, (question, ranking)
            assert answer.citations == alone.citations, (question, ranking)
            assert [(p.doc_id, p.start) for p in answer.passages] == [
                (h.chunk.doc_id, h.chunk.start) for h in shown.hits
            ]
    assert moved > len(QUESTIONS)  # the rankings did change: the test can tell


def test_the_ranking_follows_its_own_weights(assistant: Assistant) -> None:
    for ranking in RANKINGS:
        two = assistant.configured(**ranking)
        one = assistant.configured(
            **ranking,
            evidence_channel_weights=ranking["channel_weights"],
            evidence_rerank_weight=ranking["rerank_weight"],
        )
        for question in QUESTIONS:
            shown, _ = _both(two, question)
            single, also = _both(one, question)
            assert also is single  # one fusion: computed once
            assert _hits(shown) == _hits(single), (question, ranking)


def test_a_channel_the_ranking_leaves_out_still_feeds_the_evidence(assistant: Assistant) -> None:
    shown, evidence = _both(assistant.configured(**RANKINGS[0]), QUESTIONS[0])
    assert all("fake" not in hit.channel_ranks for hit in shown.hits)
    assert any("fake" in hit.channel_ranks for hit in evidence.hits)


@pytest.mark.parametrize("ranking", [{}, RANKINGS[1]], ids=["one fusion", "two fusions"])
def test_the_answer_reads_the_same_passages_whatever_k(
    assistant: Assistant, ranking: dict[str, object]
) -> None:
    configured = assistant.configured(**ranking)
    for question in QUESTIONS:
        five, one = configured.ask(question, k=5), configured.ask(question, k=1)
        assert one.confidence == five.confidence, question
        assert one.abstained == five.abstained, question
        assert one.citations == five.citations, question
        assert one.passages == five.passages[:1], question
        assert len(configured.retrieve(question, k=1).hits) <= 1


@pytest.mark.parametrize("ranking", [{}, RANKINGS[1]], ids=["one fusion", "two fusions"])
def test_a_sentence_is_scored_once_a_question_in_each_passage_holding_it(
    assistant: Assistant, ranking: dict[str, object], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reranking scores each passage alone, for either fusion, then the answer scores the
    top ones together: a sentence's score in a passage is computed once for all of them."""
    configured = assistant.configured(**ranking)
    asked: Counter[tuple[int, int]] = Counter()
    rank_free = citeqa.sentences._rank_free

    def counted(bank: SentenceBank, index: int, chunk: Chunk, *rest: Any) -> object:
        asked[(index, chunk.start)] += 1
        return rank_free(bank, index, chunk, *rest)

    monkeypatch.setattr(citeqa.sentences, "_rank_free", counted)
    for question in QUESTIONS:
        asked.clear()
        configured.ask(question)
        assert asked and max(asked.values()) == 1, (question, asked.most_common(3))


def test_sentences_scored_again_score_as_when_scored_first(assistant: Assistant) -> None:
    """A sentence reranking scored in its passage alone (rank 1) scores in the answer's
    passages as a fresh scoring of those passages does, at its passage's rank there."""
    bank = assistant._loaded.bank
    for question in QUESTIONS:
        terms, vector = assistant._terms(question, None), assistant._query_vectors(question)["fake"]
        _, evidence = _both(assistant, question)
        hits = evidence.hits[:5]
        scores = QuestionScores(bank, terms, vector)
        for hit in reversed(hits):
            scores.scored([hit])
        fresh = QuestionScores(bank, terms, vector).scored(hits)
        assert scores.scored(hits) == fresh, question
        assert {item.passage_rank for item in fresh} != {1}, question  # ranks other than 1
