"""Fusion, de-duplication and the per-document cap, on hand-made rankings."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from citeqa.config import Settings, load_settings
from citeqa.embedding import MiniLMEmbedder, UseEmbedder, register_embedder
from citeqa.errors import SettingsInvalid
from citeqa.glossary import Glossary
from citeqa.lexical import searched_spellings
from citeqa.models import Chunk
from citeqa.retrieval import (
    Candidates,
    Rankings,
    channel_candidates,
    channel_weight,
    fuse,
    lexical_query,
    local_search,
    question_share,
    select,
)
from citeqa.vectorindex import HybridFound


def chunk(doc: str, start: int, end: int, lang: str = "en") -> Chunk:
    return Chunk(
        chunk_id=f"{doc}#{start}",
        doc_id=doc,
        start=start,
        end=end,
        text="x" * (end - start),
        lang=lang,
    )  # type: ignore[arg-type]


def whole(index: int) -> float:
    """A lone hit's share when no test reads it."""
    return 1.0


CHUNKS = [
    chunk("a", 0, 100),
    chunk("a", 30, 130),
    chunk("a", 200, 300),
    chunk("a", 400, 500),
    chunk("b", 0, 100, "fr"),
    chunk("c", 0, 100),
]


def test_rrf_adds_weighted_reciprocal_ranks() -> None:
    settings = Settings(
        fusion="rrf",
        rrf_k=60,
        weight_lexical=1.0,
        weight_lexical_cross=0.5,
        channel_weights={"use": 2.0},
    )
    lexical = Candidates("lexical", {0: (1, 9.0), 4: (2, 5.0)})
    use = Candidates("use", {4: (1, 0.8)})
    fused = fuse([lexical, use], CHUNKS, "en", settings, whole)
    assert fused[0] == 1.0 / 61
    assert fused[4] == 0.5 / 62 + 2.0 / 61


def test_blend_normalises_each_channel() -> None:
    settings = Settings(
        fusion="blend", weight_lexical=1.0, weight_lexical_cross=1.0, channel_weights={"use": 0.5}
    )
    lexical = Candidates("lexical", {0: (1, 10.0), 2: (2, 5.0), 3: (3, 0.0)})
    use = Candidates("use", {2: (1, 0.9), 0: (2, 0.1)})
    fused = fuse([lexical, use], CHUNKS, "en", settings, whole)
    assert fused[0] == 1.0 + 0.0
    assert fused[2] == 0.5 + 0.5
    assert fused[3] == 0.0


def test_a_lone_or_tied_lexical_hit_weighs_its_share_of_the_question() -> None:
    """Min-max says nothing of a lone (or tied) BM25 hit: it weighs the share of the
    question's words its chunk writes. The one row of a 2,000-row export writing the id a
    question asks alone weighs 1 (it weighed 0: the row was never among the results); a note's
    title writing one word of four weighs .25 (session 19 gave it 1: it outranked the answer)."""
    settings = Settings(fusion="blend", weight_lexical=1.0, channel_weights={"use": 0.5})
    texts = [*(["nothing of the question"] * 3), "| T-40001 | Acme |", "x", "Tarte aux poireaux"]
    chunks = [c.model_copy(update={"text": text}) for c, text in zip(CHUNKS, texts, strict=True)]
    use = Candidates("use", {0: (1, 0.9), 2: (2, 0.5), 3: (3, 0.1), 5: (4, 0.3)})

    def fused_with(lone: Candidates, question: str) -> dict[int, float]:
        share = question_share(searched_spellings(question), chunks)
        return fuse([lone, use], chunks, "en", settings, share)

    row = fused_with(Candidates("lexical", {3: (1, 2.56)}), "T-40001")
    assert row[3] == 1.0 + 0.0
    assert max(row, key=row.__getitem__) == 3
    title = fused_with(
        Candidates("lexical", {5: (1, 3.75)}), "What can replace the bacon in the leek tart?"
    )
    assert title[5] == pytest.approx(0.25 + 0.5 * (0.3 - 0.1) / (0.9 - 0.1))
    assert max(title, key=title.__getitem__) == 0
    tied = Candidates("lexical", {3: (1, 1.5), 5: (2, 1.5)})
    share = question_share(searched_spellings("Acme tart"), chunks)
    assert fuse([tied], chunks, "en", settings, share) == {3: 0.5, 5: 0.5}


def test_a_tied_vector_channel_weighs_its_best_whatever_the_lexical_share() -> None:
    """The share of the question's words weighs BM25's lone hits only: a vector channel's tied
    scores (two chunks of one text, each "similar" as much) are its best, 1, as before."""
    settings = Settings(fusion="blend", weight_lexical=1.0, channel_weights={"use": 0.5})
    lexical = Candidates("lexical", {0: (1, 4.0), 2: (2, 1.0)})
    tied = Candidates("use", {2: (1, 0.7), 3: (2, 0.7)})
    fused = fuse([lexical, tied], CHUNKS, "en", settings, lambda index: 0.0)
    assert fused == {0: 1.0, 2: 0.0 + 0.5, 3: 0.5}


def test_a_lone_hit_found_through_the_glossary_weighs_the_words_it_stands_for() -> None:
    """A chunk BM25 found only through the glossary ("SLA" spelt out, "kidney" as "rein")
    writes the question's word: its lone hit weighs its share, not 0 (the review of 56867a7:
    the share counted the question's own terms only, and such a hit weighed 0 again)."""
    glossary = Glossary([("kidney", "rein")], acronyms=[("SLA", "service level agreement")])
    texts = ["The service level agreement sets 99.9 % uptime.", "Le rein filtre le sang."]
    chunks = [c.model_copy(update={"text": text}) for c, text in zip(CHUNKS, texts, strict=False)]
    settings = Settings(fusion="blend", weight_lexical=1.0)
    for question, index in [("What does the SLA cover?", 0), ("What does the kidney clean?", 1)]:
        found = {"lexical": [(index, 3.0)]}
        (lexical,) = candidates_of(question, found, glossary, settings)
        share = question_share(lexical.words, chunks)
        assert fuse([lexical], chunks, "en", settings, share) == {index: 0.5}, question
        (plain,) = candidates_of(question, found, glossary, Settings(expand_queries=False))
        assert question_share(plain.words, chunks)(index) == 0.0  # what BM25 searched then


def candidates_of(
    question: str, found: dict[str, list[tuple[int, float]]], glossary: Glossary, settings: Settings
) -> list[Candidates]:
    """channel_candidates of `question` with BM25 alone, its search finding `found`."""
    settings = settings.model_copy(update={"weight_vectors": 0.0})

    def search(rankings: Rankings) -> HybridFound:
        return HybridFound([], found["lexical"])

    return channel_candidates(search, question, {}, [settings], glossary)


def test_a_spread_channel_is_min_max_normalised_whatever_the_lone_share() -> None:
    settings = Settings(fusion="blend", weight_lexical=1.0)
    lexical = Candidates("lexical", {0: (1, 4.0), 2: (2, 1.0)})
    assert fuse([lexical], CHUNKS, "en", settings, lambda index: 0.3) == {0: 1.0, 2: 0.0}


def test_lexical_weight_depends_on_languages() -> None:
    settings = Settings(weight_lexical=1.0, weight_lexical_cross=0.3)
    assert channel_weight("lexical", settings, True) == 1.0
    assert channel_weight("lexical", settings, False) == 0.3
    assert channel_weight("minilm", settings, False) == MiniLMEmbedder.default_weight


def test_a_channel_without_a_setting_gets_its_own_default_weight(scratch_registry: None) -> None:
    class Heavy:
        name, model, package, version, dim = "heavy", "heavy", "citeqa-tests", "0", 4
        default_weight = 2.5

        def embed_batch(self, texts: Sequence[str]) -> np.ndarray:
            return np.ones((len(texts), self.dim), dtype=np.float32) / 2

    register_embedder("heavy", Heavy)
    assert channel_weight("heavy", Settings(), True) == 2.5
    assert channel_weight("heavy", Settings(channel_weights={"heavy": 0.25}), True) == 0.25
    assert channel_weight("heavy", Settings(weight_vectors=0.0), True) == 0.0
    assert channel_weight("use", Settings(channel_weights={"heavy": 1.0}), True) == (
        UseEmbedder.default_weight
    )


def searched(question: str, fusions: list[Settings], glossary: Glossary | None = None) -> Rankings:
    """The Rankings channel_candidates asks a search for (USE and MiniLM vectors at hand)."""
    asked: list[Rankings] = []

    def search(rankings: Rankings) -> HybridFound:
        asked.append(rankings)
        return HybridFound([[(0, 1.0)] for _ in rankings.dense], [(0, 1.0)])

    vectors = {"use": np.zeros(2), "minilm": np.zeros(2)}
    found = channel_candidates(search, question, vectors, fusions, glossary or Glossary([]))
    (rankings,) = asked
    names = ["lexical"] * bool(rankings.tokens) + rankings.dense
    assert [c.channel for c in found] == names
    return rankings


def test_channel_candidates_search_the_channels_of_weight_above_zero() -> None:
    glossary = Glossary([("side effect", "effet indésirable")])
    question = "Which side effect was seen?"
    every = searched(question, [Settings()], glossary)
    assert every.dense == ["use", "minilm"]
    assert every.tokens == lexical_query(question, glossary)
    assert set(every.tokens) > set(lexical_query(question))  # the glossary's equivalents
    plain = searched(question, [Settings(expand_queries=False)], glossary)
    assert plain.tokens == lexical_query(question)
    no_use = searched(question, [Settings(channel_weights={"use": 0.0})])
    assert no_use.dense == ["minilm"] and no_use.tokens
    either = searched(question, [Settings(channel_weights={"use": 0.0}), Settings()])
    assert either.dense == ["use", "minilm"]  # one search serves both fusions
    cross_only = Settings(weight_lexical=0.0, weight_lexical_cross=0.2, weight_vectors=0.0)
    assert searched(question, [cross_only]) == Rankings(lexical_query(question), [])
    no_bm25 = searched(question, [Settings(weight_lexical=0.0, weight_lexical_cross=0.0)])
    assert no_bm25.tokens == [] and no_bm25.dense == ["use", "minilm"]


def test_select_drops_overlapping_chunks_of_one_region() -> None:
    settings = Settings(per_doc_cap=10)
    scores = {0: 1.0, 1: 0.9, 2: 0.8}
    assert select([0, 1, 2], scores, CHUNKS, 5, settings) == [0, 2]


def _distinct_by_all_pairs(order: list[int], chunks: Sequence[Chunk]) -> list[int]:
    """The rule `select` keeps, read plainly: a chunk is dropped when it overlaps (same
    document, sharing over half of the shorter) any chunk kept before it."""
    kept: list[Chunk] = []
    distinct = []
    for index in order:
        one = chunks[index]
        if not any(
            one.doc_id == other.doc_id
            and min(one.end, other.end) - max(one.start, other.start)
            > 0.5 * min(one.end - one.start, other.end - other.start)
            for other in kept
        ):
            kept.append(one)
            distinct.append(index)
    return distinct


@given(
    st.lists(
        st.tuples(st.sampled_from("ab"), st.integers(0, 300), st.integers(0, 120)),
        max_size=40,
    ),
    st.randoms(use_true_random=False),
)
def test_select_keeps_what_comparing_every_kept_pair_keeps(
    spans: list[tuple[str, int, int]], rng: object
) -> None:
    chunks = [chunk(doc, start, start + length) for doc, start, length in spans]
    order = list(range(len(chunks)))
    rng.shuffle(order)  # type: ignore[attr-defined]
    scores = dict.fromkeys(order, 1.0)
    settings = Settings(per_doc_cap=100)
    expected = _distinct_by_all_pairs(order, chunks)
    assert select(order, scores, chunks, len(chunks) + 1, settings) == expected


def _selected_reading_every_chunk(
    order: list[int], scores: dict[int, float], chunks: list[Chunk], k: int, settings: Settings
) -> list[int]:
    """The rule `select` keeps, read plainly over every distinct chunk (it stops reading
    once the first k are known): the relevant ones within their document's cap, then those
    over it, then the irrelevant ones."""
    distinct = _distinct_by_all_pairs(order, chunks)
    if not distinct:
        return []
    floor = settings.cap_relevance * scores[distinct[0]]
    within, over, per_doc = [], [], dict[str, int]()
    for index in (n for n in distinct if scores[n] >= floor):
        per_doc[chunks[index].doc_id] = per_doc.get(chunks[index].doc_id, 0) + 1
        (within if per_doc[chunks[index].doc_id] <= settings.per_doc_cap else over).append(index)
    return (within + over + [n for n in distinct if scores[n] < floor])[:k]


@given(
    st.lists(
        st.tuples(st.sampled_from("abc"), st.integers(0, 300), st.integers(0, 120)),
        max_size=40,
    ),
    st.lists(st.sampled_from([0.1, 0.4, 0.7, 0.8, 1.0]), min_size=40, max_size=40),
    st.integers(1, 12),
    st.integers(1, 4),
)
def test_select_stopping_early_keeps_what_reading_every_chunk_keeps(
    spans: list[tuple[str, int, int]], drawn: list[float], k: int, cap: int
) -> None:
    chunks = [chunk(doc, start, start + length) for doc, start, length in spans]
    scores = dict(enumerate(drawn[: len(chunks)]))
    order = sorted(scores, key=lambda index: (-scores[index], index))  # best first
    settings = Settings(per_doc_cap=cap, cap_relevance=0.75)
    expected = _selected_reading_every_chunk(order, scores, chunks, k, settings)
    assert select(order, scores, chunks, k, settings) == expected


@pytest.mark.parametrize("nan_at", [0, 1, 3])
def test_select_leaves_out_a_chunk_whose_score_is_nan_as_reading_every_chunk_did(
    nan_at: int,
) -> None:
    """A NaN fused score (a vector channel's zero-length embedding) compares with no floor:
    reading every chunk left it out, and every chunk when the best was NaN (s30 review)."""
    chunks = [chunk("a", 0, 10), chunk("b", 0, 10), chunk("a", 50, 60), chunk("b", 50, 60)]
    scores = {0: 1.0, 1: 0.9, 2: 0.8, 3: 0.7}
    scores[nan_at] = float("nan")
    settings = Settings(per_doc_cap=1, cap_relevance=0.5)
    expected = _selected_reading_every_chunk([0, 1, 2, 3], scores, chunks, 4, settings)
    assert select([0, 1, 2, 3], scores, chunks, 4, settings) == expected


def test_cap_lets_relevant_other_documents_in_first() -> None:
    settings = Settings(per_doc_cap=2, cap_relevance=0.5)
    scores = {0: 1.0, 2: 0.95, 3: 0.9, 4: 0.8, 5: 0.1}
    assert select([0, 2, 3, 4, 5], scores, CHUNKS, 4, settings) == [0, 2, 4, 3]


def test_cap_does_not_let_irrelevant_documents_push_the_only_relevant_one_out() -> None:
    settings = Settings(per_doc_cap=1, cap_relevance=0.5)
    scores = {0: 1.0, 2: 0.95, 3: 0.9, 5: 0.1}
    assert select([0, 2, 3, 5], scores, CHUNKS, 3, settings) == [0, 2, 3]


def test_a_negative_channel_weight_is_refused() -> None:
    with pytest.raises(SettingsInvalid, match="channel_weights"):
        load_settings(channel_weights={"use": -1.0})
    assert load_settings(channel_weights={"use": 0.0}).channel_weights == {"use": 0.0}


def test_naming_one_channel_weight_leaves_use_at_the_shipped_ranking_weight(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CITEQA_CHANNEL_WEIGHTS", '{"minilm": 0.5}')
    settings = load_settings()
    assert channel_weight("use", settings, True) == 0.7 == channel_weight("use", Settings(), True)
    assert channel_weight("minilm", settings, True) == 0.5
    evidence = Settings(channel_weights=Settings().evidence_channel_weights)
    assert channel_weight("use", evidence, True) == 0.4  # the fusion the models were trained on


class _CountedIndex:
    """A vector index answering every query alike, counting its searches."""

    def __init__(self) -> None:
        self.searches = 0

    def search(self, vector: np.ndarray, depth: int) -> list[tuple[int, float]]:
        self.searches += 1
        return [(0, 0.9), (1, 0.5)][:depth]


class _CountedLexical:
    """A BM25 index answering by the tokens it is asked, remembering them."""

    def __init__(self) -> None:
        self.asked: list[list[str]] = []

    def search(self, tokens: list[str], depth: int) -> list[tuple[int, float]]:
        self.asked.append(tokens)
        return [(len(tokens), 1.0)]


def test_a_search_run_again_with_other_words_searches_each_vector_channel_once() -> None:
    lexical, use, e5 = _CountedLexical(), _CountedIndex(), _CountedIndex()
    vectors = {"use": np.ones(2, dtype=np.float32), "e5": np.ones(2, dtype=np.float32)}
    search = local_search(lexical, {"use": use, "e5": e5}, vectors, 2)  # type: ignore[arg-type]
    first = search(Rankings(["bourse"], ["use", "e5"]))
    again = search(Rankings(["bourse", "grant"], ["use", "e5"]))  # the words translated
    assert (use.searches, e5.searches) == (1, 1)
    assert again.dense == first.dense == [[(0, 0.9), (1, 0.5)]] * 2
    assert lexical.asked == [["bourse"], ["bourse", "grant"]]  # BM25 reads each one's words
    assert (first.lexical, again.lexical) == ([(1, 1.0)], [(2, 1.0)])
