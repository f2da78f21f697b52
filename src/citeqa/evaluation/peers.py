"""The peers citeqa is compared with, as ../shared/benchmarks/README.md describes them.

Each peer ranks the corpus's own paragraphs (blank-line separated blocks of each file) and
quotes naively: the top paragraph's sentence sharing the most idf-weighted words with the
question. Peers never abstain. They are:
- `bm25`: bm25s over stemmed words (PyStemmer, the corpus's majority language, its stop words);
- `minilm`: all-MiniLM-L6-v2 (sentence-transformers) vectors in an exact FAISS index
  (`citeqa.vectorindex.FaissIndex`);
- `use`: multilingual Universal Sentence Encoder vectors, likewise;
- `rrf`: reciprocal-rank fusion (k=60) of the three.
Models come from citeqa's embedder registry, so the peers load exactly what citeqa would.
"""

from __future__ import annotations

import math
import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from citeqa.corpus import document_id, relative_path
from citeqa.evaluation.judging import Outcome, Span
from citeqa.language import detect_lang, split_sentences

PEERS = ("bm25", "minilm", "use", "rrf")
RRF_K = 60
DEPTH = 50
"""Candidates each channel contributes to the fusion."""
_BLOCK = re.compile(r"\S(?:.*?\S)?(?=\n[ \t]*\n|\s*\Z)", re.DOTALL)
_WORD = re.compile(r"\w+")
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Paragraph:
    doc_id: str
    start: int
    end: int
    text: str


def paragraphs(corpus_dir: Path) -> list[Paragraph]:
    """Every blank-line separated block of every .txt/.md file, with its offsets."""
    found = []
    for path in sorted(corpus_dir.rglob("*")):
        if path.suffix.lower() not in {".txt", ".md"} or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        doc_id = document_id(relative_path(path, corpus_dir))
        for match in _BLOCK.finditer(text):
            found.append(Paragraph(doc_id, match.start(), match.end(), match.group()))
    return found


class _Bm25:
    """bm25s over stemmed, stop-word-filtered words of one language."""

    def __init__(self, texts: list[str], lang: str) -> None:
        import bm25s
        import Stemmer

        self._stemmer = Stemmer.Stemmer("french" if lang == "fr" else "english")
        self._lang = lang
        self._retriever = bm25s.BM25()
        self._retriever.index(self._tokens(texts), show_progress=False)
        self._count = len(texts)

    def _tokens(self, texts: list[str]) -> list[list[str]]:
        import bm25s

        return bm25s.tokenize(
            texts, stopwords=self._lang, stemmer=self._stemmer, return_ids=False,
            show_progress=False,
        )  # fmt: skip

    def rank(self, question: str) -> list[int]:
        ids, scores = self._retriever.retrieve(
            self._tokens([question]), k=min(DEPTH, self._count), show_progress=False
        )
        return [int(i) for i, s in zip(ids[0], scores[0], strict=True) if s > 0]


class _Dense:
    """One embedder's paragraph vectors in a FAISS inner-product index."""

    def __init__(self, channel: str, texts: list[str], progress: Progress | None) -> None:
        from citeqa.embedding import embed_texts, get_embedder
        from citeqa.vectorindex import FaissIndex

        self._embedder = get_embedder(channel)
        report = (lambda d, t: progress(f"peer {channel}", d, t)) if progress else None
        vectors = embed_texts(self._embedder, texts, progress=report)
        self._index = FaissIndex(vectors.shape[1])
        self._index.add(vectors)

    def rank(self, question: str) -> list[int]:
        from citeqa.embedding import embed_questions

        query = embed_questions(self._embedder, [question])[0]
        return [i for i, _ in self._index.search(query, min(DEPTH, self._index.count()))]


def rrf(rankings: list[list[int]], k: int = RRF_K) -> list[int]:
    """Reciprocal-rank fusion: sum of 1/(k + rank) over the rankings, best first."""
    scores: dict[int, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, 1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (k + rank)
    return [item for item, _ in sorted(scores.items(), key=lambda pair: (-pair[1], pair[0]))]


DENSE_CHANNELS = {"minilm": "minilm", "use": "use"}
"""Dense peer → the embedder channel it uses (tests swap in a fake)."""


class PeerRunner:
    """The four peers over one corpus's paragraphs."""

    def __init__(
        self,
        corpus_dir: Path,
        progress: Progress | None = None,
        dense: dict[str, str] | None = None,
    ) -> None:
        self.paragraphs = paragraphs(corpus_dir)
        texts = [p.text for p in self.paragraphs]
        langs = Counter(detect_lang(text) for text in texts)
        self._bm25 = _Bm25(texts, langs.most_common(1)[0][0] if langs else "en")
        channels = dense or DENSE_CHANNELS
        self._dense = {peer: _Dense(channel, texts, progress) for peer, channel in channels.items()}
        self._idf = _idf(texts)

    def rankings(self, question: str) -> dict[str, tuple[list[int], float]]:
        """Each peer's ranking (paragraph numbers, best first) and its time in ms."""
        timed = {"bm25": _timed(self._bm25.rank, question)}
        timed.update({peer: _timed(d.rank, question) for peer, d in self._dense.items()})
        began = time.perf_counter()
        fused = rrf([ranking for ranking, _ in timed.values()])
        spent = sum(ms for _, ms in timed.values()) + (time.perf_counter() - began) * 1000
        timed["rrf"] = (fused, spent)
        return timed

    def outcomes(self, question: str) -> dict[str, Outcome]:
        """What each peer returns for `question`: its top 10, its naive quote, its time."""
        result = {}
        for name, (ranking, ms) in self.rankings(question).items():
            top = [self._span(i) for i in ranking[:10]]
            quotes = [self.naive_quote(question, top[0])] if top else []
            result[name] = Outcome(
                passages=top, quotes=quotes, latency_ms=ms, quotes_valid=len(quotes)
            )
        return result

    def _span(self, i: int) -> Span:
        p = self.paragraphs[i]
        return Span(p.doc_id, p.start, p.end, p.text)

    def naive_quote(self, question: str, passage: Span) -> Span:
        """The passage's sentence sharing the most idf-weighted words with the question."""
        asked = _words(question)
        best, best_score = None, -1.0
        for start, end in split_sentences(passage.text):
            shared = asked & _words(passage.text[start:end])
            score = sum(self._idf.get(word, 0.0) for word in shared)
            if score > best_score:
                best, best_score = (start, end), score
        start, end = best or (0, len(passage.text))
        text = passage.text[start:end]
        return Span(passage.doc_id, passage.start + start, passage.start + end, text)


def _timed(rank: Callable[[str], list[int]], question: str) -> tuple[list[int], float]:
    began = time.perf_counter()
    ranking = rank(question)
    return ranking, (time.perf_counter() - began) * 1000


def _words(text: str) -> set[str]:
    return {word.casefold() for word in _WORD.findall(text)}


def _idf(texts: list[str]) -> dict[str, float]:
    """Inverse document frequency of each word over the paragraphs."""
    frequency = Counter(word for text in texts for word in _words(text))
    total = len(texts)
    return {word: math.log(1 + total / count) for word, count in frequency.items()}
