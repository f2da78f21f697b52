"""Question → ranked Hits: each channel ranks candidates, fusion combines them, then the
list is cleaned (overlapping chunks of one region collapsed, a per-document cap).

Channels: `lexical` (BM25 over folded, stemmed tokens, expanded by the corpus's glossary) and one
per vector channel (an embedder of the registry, which brings its default weight; settings can
override it in `channel_weights`). Fusion is weighted reciprocal-rank fusion (`rrf`) or a weighted
sum of min-max normalised scores (`blend`; a lone or tied BM25 hit weighs the share of the
question's searched words its chunk writes). Lexical evidence can weigh less when the passage is
in the other language than the question (`weight_lexical_cross`), since shared words across
languages are mostly names and numbers.
"""

from __future__ import annotations

import bisect
import functools
import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from citeqa.config import Settings
from citeqa.embedding import default_weight
from citeqa.glossary import NO_GLOSSARY, Glossary, added_terms
from citeqa.language import detect_lang
from citeqa.lexical import QuestionWord, query_tokens, searched_spellings, written_share
from citeqa.models import Chunk, Hit, Lang, Retrieval
from citeqa.vectorindex import HybridFound, LexicalSearch, VectorIndex

LEXICAL = "lexical"


@dataclass(frozen=True)
class Candidates:
    """One channel's ranking: chunk index → (rank from 1, raw score); BM25's also holds the
    question's `words` it searched, with their glossary's equivalents and dates' terms
    (lexical.searched_spellings)."""

    channel: str
    ranked: dict[int, tuple[int, float]]
    words: tuple[QuestionWord, ...] = ()

    @classmethod
    def of(
        cls, channel: str, found: list[tuple[int, float]], words: Sequence[QuestionWord] = ()
    ) -> Candidates:
        """The channel's ranking from its (row, score) pairs, best first."""
        ranked = {row: (rank, score) for rank, (row, score) in enumerate(found, 1)}
        return cls(channel, ranked, tuple(words))


def lexical_query(question: str, glossary: Glossary = NO_GLOSSARY) -> list[str]:
    """The question's BM25 tokens, plus the glossary's equivalents."""
    return _query_with(question, glossary.expansions(question))


def _query_with(question: str, terms: Iterable[str]) -> list[str]:
    """The question's BM25 tokens, plus those of `terms`, each once."""
    tokens = query_tokens(question)
    for term in terms:
        tokens.extend(query_tokens(term))
    return list(dict.fromkeys(tokens))


@dataclass(frozen=True)
class Rankings:
    """Which channels rank a question's candidates: BM25 over `tokens` (empty when it does not
    rank), then each of `dense`, the vector channels of weight above 0, in the question's order."""

    tokens: list[str]
    dense: list[str]


def lexical_search(
    question: str, settings: Settings, glossary: Glossary
) -> tuple[list[str], list[QuestionWord]]:
    """The question's BM25 query, its tokens expanded by the glossary unless `expand_queries` is
    off (`lexical_query`), and the words of that query, each with the glossary's equivalents of
    it (lexical.searched_spellings); both empty when BM25 weighs 0 in either language case. The
    glossary reads the question once for both."""
    if settings.weight_lexical <= 0 and settings.weight_lexical_cross <= 0:
        return [], []
    equivalents = glossary.equivalents(question) if settings.expand_queries else []
    spellings = searched_spellings(question, equivalents)
    return _query_with(question, added_terms(equivalents)), spellings


def channel_weight(channel: str, settings: Settings, same_language: bool) -> float:
    """The fusion weight of a channel for a passage (lexical depends on the languages)."""
    if channel == LEXICAL:
        return settings.weight_lexical if same_language else settings.weight_lexical_cross
    own = settings.channel_weights.get(channel)
    return settings.weight_vectors * (default_weight(channel) if own is None else own)


LoneShare = Callable[[int], float]
"""What a lone (or tied) hit of a channel weighs after normalisation, by its chunk's index."""


def fuse(
    candidates: list[Candidates],
    chunks: Sequence[Chunk],
    query_lang: Lang,
    settings: Settings,
    lone_share: LoneShare,
) -> dict[int, float]:
    """Fused score of every candidate chunk (`lone_share`: what a lone or tied hit of BM25
    weighs, see `_normalised`; a vector channel's weighs 1)."""
    fused: dict[int, float] = {}
    blend = settings.fusion == "blend"
    for channel in candidates:
        share = lone_share if channel.channel == LEXICAL else _whole
        normalised = _normalised(channel, share) if blend else {}
        # its weight in a passage of the question's language and in one of the other, found
        # once a channel: a chunk's language is read only when they differ (lexical's)
        same, other = (channel_weight(channel.channel, settings, s) for s in (True, False))
        for index, (rank, _score) in channel.ranked.items():
            weight = same if same == other or chunks[index].lang == query_lang else other
            contribution = weight * normalised[index] if blend else weight / (settings.rrf_k + rank)
            fused[index] = fused.get(index, 0.0) + contribution
    return fused


def _normalised(channel: Candidates, lone_share: LoneShare) -> dict[int, float]:
    """The channel's scores min-max normalised: its best 1, its worst 0. When all are equal
    (a lone BM25 hit: the one chunk of a 2,000-row export writing "T-41234"), min-max says
    nothing, and each weighs its `lone_share`: the share of the question's words its chunk
    writes (`written_share`: a word, its glossary's equivalents, its date's terms; a vector
    channel's weigh 1, `_whole`). The id a question asks alone weighs 1 (it weighed 0, and the
    one row naming it was never among the results); a chunk writing one word of four (a
    note's title "Tarte aux poireaux" for "What can replace the bacon in the leek tart?")
    weighs .25, not 1 (session 19 gave it 1, and it outranked the note's answer)."""
    scores = [score for _, score in channel.ranked.values()]
    if not scores:
        return {}
    low, high = min(scores), max(scores)
    if high == low:
        return {index: lone_share(index) for index in channel.ranked}
    return {index: (score - low) / (high - low) for index, (_, score) in channel.ranked.items()}


def _whole(index: int) -> float:
    """The LoneShare of a vector channel: a lone or tied hit is its best, 1 (session 19)."""
    return 1.0


def question_share(words: Sequence[QuestionWord], chunks: Sequence[Chunk]) -> LoneShare:
    """The LoneShare of the question's BM25 `words` (`lexical_search`): the share of them a
    chunk writes (`written_share`), each chunk's found once (a question's two fusions weigh
    the same tied hits: twofusions.Searched)."""
    return functools.cache(lambda index: written_share(words, chunks[index].text))


def searched_words(candidates: list[Candidates]) -> Sequence[QuestionWord]:
    """The question's words BM25 searched (`lexical_search`), from its channel's `candidates`."""
    return next((c.words for c in candidates if c.channel == LEXICAL), ())


def _overlaps(a: Chunk, b: Chunk) -> bool:
    """Two chunks of one region: same document, sharing over half of the shorter one."""
    if a.doc_id != b.doc_id:
        return False
    shared = min(a.end, b.end) - max(a.start, b.start)
    return shared > 0.5 * min(a.end - a.start, b.end - b.start)


def _distinct(order: list[int], chunks: Sequence[Chunk]) -> Iterator[int]:
    """`order` without a chunk that overlaps one kept before it (`_overlaps`), yielded as
    found (its caller stops once it has enough: `select`). Each chunk is compared only with
    the kept chunks of its document that share characters with it: those starting before
    its end and after its start less the longest kept chunk's length."""
    kept: dict[str, _Kept] = {}
    for index in order:
        chunk = chunks[index]
        same_document = kept.get(chunk.doc_id)
        if same_document is None:  # not setdefault: it would make a _Kept for every chunk
            same_document = kept[chunk.doc_id] = _Kept()
        if not same_document.overlaps(chunk):
            same_document.add(chunk)
            yield index


class _Kept:
    """The chunks of one document kept so far, by start offset."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.chunks: list[Chunk] = []
        self.longest = 0

    def overlaps(self, chunk: Chunk) -> bool:
        first = bisect.bisect_right(self.starts, chunk.start - self.longest)
        stop = bisect.bisect_left(self.starts, chunk.end)
        return any(_overlaps(chunk, other) for other in self.chunks[first:stop])

    def add(self, chunk: Chunk) -> None:
        position = bisect.bisect_right(self.starts, chunk.start)
        self.starts.insert(position, chunk.start)
        self.chunks.insert(position, chunk)
        self.longest = max(self.longest, chunk.end - chunk.start)


def select(
    order: list[int],
    scores: Mapping[int, float],
    chunks: Sequence[Chunk],
    k: int,
    settings: Settings,
) -> list[int]:
    """The top k of `order` (best first: `scores` never rising along it), overlapping
    duplicates dropped, at most `per_doc_cap` chunks per document among the relevant ones
    (score ≥ `cap_relevance` × best); chunks over the cap come after the other relevant ones,
    but before the irrelevant ones. Chunks are read only until the k are known (`_Selected`):
    a question's 50 candidates of each channel, fused, are cut at 20."""
    if not order:
        return []
    selected = _Selected(settings.cap_relevance * scores[order[0]], settings.per_doc_cap)
    for index in _distinct(order, chunks):
        if selected.add(index, scores[index], chunks[index].doc_id) >= k:
            break
    return selected.ranked()[:k]


class _Selected:
    """`select`'s chunks so far: the relevant ones (scoring at least `floor`) within their
    document's `cap`, those over it, and the rest (the irrelevant ones, which come last in a
    best-first order)."""

    def __init__(self, floor: float, cap: int) -> None:
        self.floor, self.cap = floor, cap
        self.within: list[int] = []
        self.over: list[int] = []
        self.rest: list[int] = []
        self.per_doc: dict[str, int] = {}

    def add(self, index: int, score: float, doc_id: str) -> int:
        """Add a chunk; how many first places of `ranked` no later chunk can change (a later
        relevant chunk within its cap goes after the ones within, before those over it; a
        later irrelevant one after all). A chunk whose score compares with no floor (NaN, or
        every chunk when the best is NaN) is left out, as reading every chunk did."""
        if math.isnan(score) or math.isnan(self.floor):
            return len(self.within)
        if score < self.floor:
            self.rest.append(index)
            return len(self.within) + len(self.over) + len(self.rest)
        count = self.per_doc[doc_id] = self.per_doc.get(doc_id, 0) + 1
        (self.within if count <= self.cap else self.over).append(index)
        return len(self.within)

    def ranked(self) -> list[int]:
        """The chunks kept: the relevant within their cap, those over it, then the rest."""
        return self.within + self.over + self.rest


Search = Callable[[Rankings], HybridFound]
"""Runs a question's rankings (BM25 when it has tokens, then each dense channel) `candidates`
deep: citeqa's own indexes (`local_search`) or the vector engine in one request
(enginefusion.engine_search)."""


def local_search(
    lexical: LexicalSearch,
    vector_indexes: Mapping[str, VectorIndex],
    query_vectors: Mapping[str, np.ndarray],
    depth: int,
) -> Search:
    """The Search of citeqa's own indexes: BM25 and each channel's vector index, `depth` deep.
    Each channel's vectors are searched once however often the search runs: its query vectors
    are fixed, and a question read again with other words (api: its absent words translated)
    differs only in its BM25 tokens."""
    found_dense: dict[str, list[tuple[int, float]]] = {}

    def dense_of(name: str) -> list[tuple[int, float]]:
        if name not in found_dense:
            found_dense[name] = vector_indexes[name].search(query_vectors[name], depth)
        return found_dense[name]

    def search(ranked: Rankings) -> HybridFound:
        found_lexical = lexical.search(ranked.tokens, depth) if ranked.tokens else []
        return HybridFound([dense_of(name) for name in ranked.dense], found_lexical)

    return search


def channel_candidates(
    search: Search,
    question: str,
    query_vectors: Mapping[str, np.ndarray],
    fusions: Sequence[Settings],
    glossary: Glossary = NO_GLOSSARY,
) -> list[Candidates]:
    """The rankings `question` gets, run by `search`, as each channel's Candidates (BM25
    first, then the dense channels in order, so that ties break alike): every channel that
    one of `fusions` ranks by (the settings of each fusion the question gets; the first gives
    the lexical query), searched once for all of them (see `ranked_by`)."""
    tokens, words = lexical_search(question, fusions[0], glossary)
    wanted = {channel for f in fusions for channel in rankings_dense(f, query_vectors)}
    dense = [channel for channel in query_vectors if channel in wanted]
    found = search(Rankings(tokens, dense))
    candidates = [Candidates.of(LEXICAL, found.lexical, words)] if tokens else []
    candidates += [
        Candidates.of(channel, found_dense)
        for channel, found_dense in zip(dense, found.dense, strict=True)
    ]
    return candidates


def rankings_dense(settings: Settings, channels: Iterable[str]) -> list[str]:
    """The vector channels among `channels` that `settings` weigh above 0."""
    return [channel for channel in channels if channel_weight(channel, settings, True) > 0]


def ranked_by(candidates: list[Candidates], settings: Settings) -> list[Candidates]:
    """The channels' rankings that `settings`' fusion reads: BM25's, and each vector
    channel's that it weighs above 0 (channel_candidates may have searched more, for another
    fusion)."""
    return [c for c in candidates if c.channel == LEXICAL or rankings_dense(settings, [c.channel])]


def fused_retrieval(
    question: str,
    candidates: list[Candidates],
    chunks: Sequence[Chunk],
    settings: Settings,
    k: int,
    lone_share: LoneShare,
    query_lang: Lang | None = None,
) -> Retrieval:
    """The k best chunks of the channels' rankings (`candidates`), fused, then cleaned; a tied
    BM25 hit weighs `lone_share` (`question_share`, read once a question by its caller); the
    question is in `query_lang` (None: detected here, `detect_lang`)."""
    query_lang = query_lang or detect_lang(question)
    fused = fuse(candidates, chunks, query_lang, settings, lone_share)
    order = sorted(fused, key=lambda index: (-fused[index], index))
    chosen = select(order, fused, chunks, k, settings)
    hits = [hit_of(index, fused[index], chunks, candidates) for index in chosen]
    return Retrieval(question=question, query_lang=query_lang, hits=hits)


def hit_of(index: int, score: float, chunks: Sequence[Chunk], candidates: list[Candidates]) -> Hit:
    """Chunk `index` as a Hit of fused `score`, with its rank and score in each channel's
    ranking that holds it."""
    ranks = {c.channel: c.ranked[index][0] for c in candidates if index in c.ranked}
    scores = {c.channel: round(c.ranked[index][1], 4) for c in candidates if index in c.ranked}
    return Hit(
        chunk=chunks[index],
        chunk_index=index,
        score=score,
        channel_ranks=ranks,
        channel_scores=scores,
    )
