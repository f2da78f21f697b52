"""Sentence data computed on demand: vectors embedded once per sentence, in batches, bounded."""

from __future__ import annotations

import numpy as np

from citeqa.ondemand import (
    PASSAGE_VECTOR_CACHE,
    TOKEN_CACHE,
    TOKENS_AT_OPEN,
    LazyTokens,
    LazyVectors,
    PassageVectors,
    prefetch,
)

TEXTS = [f"sentence number {n}" for n in range(10)]


class Recorder:
    """An 'embedder' whose vector for text n is the unit vector e_n; records each batch."""

    def __init__(self) -> None:
        self.batches: list[list[str]] = []

    def __call__(self, texts: list[str]) -> np.ndarray:
        self.batches.append(list(texts))
        rows = np.zeros((len(texts), 16), np.float32)
        for row, text in enumerate(texts):
            rows[row, int(text.rsplit(" ", 1)[1])] = 1.0
        return rows


def test_prefetch_embeds_missing_sentences_in_one_batch_and_caches_them() -> None:
    embed = Recorder()
    vectors = LazyVectors(TEXTS.__getitem__, embed)
    prefetch(vectors, [3, 1, 3, 4])
    assert embed.batches == [[TEXTS[3], TEXTS[1], TEXTS[4]]]
    prefetch(vectors, [4, 5])
    assert embed.batches[1] == [TEXTS[5]]
    assert int(np.argmax(vectors[3])) == 3 and int(np.argmax(vectors[5])) == 5
    assert len(embed.batches) == 2  # reading cached vectors embeds nothing
    assert vectors.cached == 4


def test_uncached_sentence_is_embedded_alone_and_cache_is_bounded() -> None:
    embed = Recorder()
    vectors = LazyVectors(TEXTS.__getitem__, embed, capacity=2)
    assert int(np.argmax(vectors[7])) == 7
    vectors.prefetch([1, 2])
    assert vectors.cached == 2  # 7, the least recently used, was dropped
    assert int(np.argmax(vectors[7])) == 7
    assert embed.batches == [[TEXTS[7]], [TEXTS[1], TEXTS[2]], [TEXTS[7]]]


def test_prefetch_ignores_stored_arrays_and_tokens_are_computed_once() -> None:
    stored = np.eye(4, dtype=np.float32)
    prefetch(stored, [0, 1])  # nothing to do, nothing raised
    calls: list[int] = []

    def tokens_of(n: int) -> frozenset[str]:
        calls.append(n)
        return frozenset(TEXTS[n].split())

    tokens = LazyTokens(tokens_of)
    assert tokens[2] == frozenset({"sentence", "number", "2"})
    assert tokens[2] == tokens_of(2)
    assert calls == [2, 2]


def test_passage_vectors_stand_for_their_sentences_and_are_read_once_per_passage() -> None:
    chunk_rows = np.eye(4, 16, dtype=np.float32)
    reads: list[list[int]] = []

    def rows_of(chunks: list[int]) -> np.ndarray:
        reads.append(list(chunks))
        return chunk_rows[chunks]

    chunk_of = {0: 0, 1: 0, 2: 2, 3: 2, 4: 3}.__getitem__
    vectors = PassageVectors(chunk_of, rows_of)
    prefetch(vectors, [0, 1, 2, 3])
    assert reads == [[0, 2]]  # one read, each passage once
    assert np.array_equal(vectors[1], chunk_rows[0]) and np.array_equal(vectors[3], chunk_rows[2])
    assert reads == [[0, 2]]
    assert np.array_equal(vectors[4], chunk_rows[3]) and reads[-1] == [3]


def test_a_long_chat_keeps_at_most_the_default_bounds_of_passage_vectors_and_token_sets() -> None:
    """Each question reads new passages and sentences: past PASSAGE_VECTOR_CACHE passages and
    TOKEN_CACHE sentences, the oldest are dropped (read again if asked), the newest kept."""
    rows = np.eye(8, 16, dtype=np.float32)
    vectors = PassageVectors(lambda n: n, lambda chunks: rows[[c % 8 for c in chunks]])
    tokens = LazyTokens(lambda n: frozenset({f"t{n}"}))
    for start in range(0, TOKEN_CACHE + 1000, 500):  # 500 sentences, one passage each, a question
        prefetch(vectors, range(start, start + 500))
        for sentence in range(start, start + 500):  # as a question's scoring reads them
            tokens[sentence]
    assert vectors.cached == PASSAGE_VECTOR_CACHE and tokens.cached == TOKEN_CACHE
    assert tokens[0] == frozenset({"t0"}) and np.array_equal(vectors[9], rows[1])
    assert TOKEN_CACHE >= TOKENS_AT_OPEN  # a small index keeps all it computed at open
