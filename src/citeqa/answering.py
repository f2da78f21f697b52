"""Hits → Answer: choose the sentences that answer, quote them verbatim, decide to abstain.

Sentences of the top passages are scored on meaning (the answer channel's vectors, computed at
build time), on coverage of the question's key terms (IDF-weighted, both languages, glossary
equivalents), on numbers, and on their passage's rank. The best one to three are quoted;
adjacent sentences merge into one quote; a table row is quoted with its header row. Every
quote is checked against the document text at its offsets before the answer is returned.

Confidence (0..1) is a logistic blend of the evidence (see `confidence`), lowered when the
question names a drug or trial the corpus never mentions. Below the threshold, the answer
abstains and lists the closest passages.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass

import numpy as np

from citeqa.chunking import find_table_header
from citeqa.config import Settings
from citeqa.glossary import expansions, fold
from citeqa.lexical import tokenize
from citeqa.models import Answer, Chunk, Citation, Document, Hit, Passage, Retrieval, Sentence
from citeqa.questions import QuestionTerms

ABSTAIN_EN = (
    "The documents do not appear to answer this question. The closest passages are listed below."
)
ABSTAIN_FR = (
    "Les documents ne semblent pas répondre à cette question."
    " Les passages les plus proches sont listés ci-dessous."
)

SEMANTIC_WEIGHT = 0.30
COVERAGE_WEIGHT = 0.35
CONTEXT_WEIGHT = 0.25
"""Coverage of the question by the sentence together with the lines just before it and its
heading: on slides, "56,2 %" answers because "Réponse BICLA à S52" stands above it."""
RANK_WEIGHT = 0.10
NUMBER_BONUS = 0.15
"""For questions asking a quantity: a sentence holding a number the question does not."""
HEADING_PENALTY = 0.6
"""Score factor for a sentence that is only a heading or a short label without a number."""
DEFINITION_PENALTY = 0.85
"""Score factor for a sentence that defines an end point (methods, not results), unless the
question asks about end points."""
_DEFINITION = re.compile(
    r"\b(end ?points?|defined|definition|critere (?:principal|de jugement)|defini)"
)
CONTEXT_SENTENCES = 2
SHORT_QUOTE = 60
"""A quote shorter than this is extended with the following lines of its passage."""
NEIGHBOUR_RATIO = 0.85
"""A further sentence is quoted when its score is at least this share of the best one."""

_PROPORTION = re.compile(
    r"\b(rate|rates|taux|percentage|pourcentage|proportion|share|response|responses|reponse|reponses"
    r"|remission|remissions|how many of|what fraction|%)"
)
"""Questions answered by a percentage: response and remission rates, shares."""
_PERCENT = re.compile(r"\d\s?%")

_QUANTITY = re.compile(
    r"\b(how many|how much|how long|how often|what (?:percentage|proportion|share|rate|dose|number)"
    r"|combien|quel(?:le)?s? (?:taux|pourcentage|proportion|dose|nombre|montant|age|duree)"
    r"|rate|taux"
    r"|percentage|pourcentage|dose|mg|when|quand|what year|quelle annee|date"
    r"|age moyen|mean age|average age|how old|quel age)\b"
)


@dataclass(frozen=True)
class ScoredSentence:
    """A candidate sentence with its score and where it came from."""

    index: int
    score: float
    semantic: float
    coverage: float
    context: float
    passage_rank: int


class SentenceBank:
    """The index's sentences with their vectors and token sets, ready for scoring."""

    def __init__(
        self,
        documents: dict[str, Document],
        chunks: list[Chunk],
        sentences: list[Sentence],
        vectors: np.ndarray | None,
        tokens: list[frozenset[str]],
    ) -> None:
        self.documents, self.chunks, self.sentences = documents, chunks, sentences
        self.vectors, self.tokens = vectors, tokens
        self._sections: dict[tuple[str, str], frozenset[str]] = {}
        self.by_doc: dict[str, list[int]] = {}
        for number, sentence in enumerate(sentences):
            self.by_doc.setdefault(sentence.doc_id, []).append(number)
        for numbers in self.by_doc.values():
            numbers.sort(key=lambda n: sentences[n].start)
        self.starts = {
            doc_id: [sentences[n].start for n in numbers] for doc_id, numbers in self.by_doc.items()
        }

    def context_tokens(self, index: int, chunk: Chunk) -> frozenset[str]:
        """Tokens of the sentence, the few before it in its passage, and the passage heading."""
        tokens = set(self.tokens[index]) | self.section_tokens(chunk)
        for before in self.preceding(index, chunk.start, CONTEXT_SENTENCES):
            tokens |= self.tokens[before]
        return frozenset(tokens)

    def preceding(self, index: int, limit_start: int, count: int) -> list[int]:
        """Up to `count` sentences just before `index`, starting at or after `limit_start`."""
        sentence = self.sentences[index]
        numbers = self.by_doc[sentence.doc_id]
        position = bisect.bisect_left(self.starts[sentence.doc_id], sentence.start)
        before = numbers[max(0, position - count) : position]
        return [n for n in before if self.sentences[n].start >= limit_start]

    def section_tokens(self, chunk: Chunk) -> frozenset[str]:
        if not chunk.section:
            return frozenset()
        key = (chunk.section, chunk.lang)
        if key not in self._sections:
            self._sections[key] = frozenset(tokenize(chunk.section, chunk.lang))
        return self._sections[key]

    def following(self, index: int, limit_end: int) -> list[int]:
        """Sentences after `index` in its document, up to offset `limit_end`."""
        sentence = self.sentences[index]
        numbers = self.by_doc[sentence.doc_id]
        position = bisect.bisect_right(self.starts[sentence.doc_id], sentence.start)
        return [n for n in numbers[position:] if self.sentences[n].end <= limit_end]

    def text(self, index: int) -> str:
        sentence = self.sentences[index]
        return self.documents[sentence.doc_id].text[sentence.start : sentence.end]

    def in_chunk(self, chunk: Chunk) -> list[int]:
        """Sentences lying inside the chunk, in text order."""
        numbers = self.by_doc.get(chunk.doc_id, [])
        first = bisect.bisect_left(self.starts.get(chunk.doc_id, []), chunk.start)
        return [
            n
            for n in numbers[first:]
            if self.sentences[n].end <= chunk.end and self.sentences[n].start < chunk.end
        ]


def score_sentences(
    bank: SentenceBank, hits: list[Hit], terms: QuestionTerms, query_vector: np.ndarray | None
) -> list[ScoredSentence]:
    """Every sentence of the given passages, scored, best first."""
    folded = fold(terms.focus)
    wants_number = bool(_QUANTITY.search(folded))
    wants_percent = bool(_PROPORTION.search(folded))
    seen: set[int] = set()
    scored = []
    for rank, hit in enumerate(hits, 1):
        for index in bank.in_chunk(hit.chunk):
            if index not in seen:
                seen.add(index)
                scored.append(
                    _scored(
                        bank,
                        index,
                        hit.chunk,
                        rank,
                        terms,
                        query_vector,
                        (wants_number, wants_percent),
                    )
                )
    return sorted(scored, key=lambda s: -s.score)


def _scored(
    bank: SentenceBank,
    index: int,
    chunk: Chunk,
    rank: int,
    terms: QuestionTerms,
    query_vector: np.ndarray | None,
    wants: tuple[bool, bool],
) -> ScoredSentence:
    text = bank.text(index)
    semantic = _semantic(bank, index, query_vector)
    if len(text) < SHORT_QUOTE:
        for before in bank.preceding(index, chunk.start, CONTEXT_SENTENCES):
            semantic = max(semantic, 0.9 * _semantic(bank, before, query_vector))
    coverage = terms.coverage(bank.tokens[index])
    context = terms.coverage(bank.context_tokens(index, chunk))
    has_number = any(c.isdigit() for c in text) and not set(_digits(text)) <= set(
        _digits(terms.focus)
    )
    score = (
        SEMANTIC_WEIGHT * semantic
        + COVERAGE_WEIGHT * coverage
        + CONTEXT_WEIGHT * context
        + RANK_WEIGHT / rank
        + _answer_type_bonus(text, has_number, *wants)
    )
    if _is_label(text, chunk, has_number):
        score *= HEADING_PENALTY
    if _DEFINITION.search(fold(text)) and not _DEFINITION.search(fold(terms.focus)):
        score *= DEFINITION_PENALTY
    return ScoredSentence(index, score, semantic, coverage, context, rank)


def _answer_type_bonus(
    text: str, has_number: bool, wants_number: bool, wants_percent: bool
) -> float:
    """A bonus for a sentence holding the kind of value the question asks for."""
    if wants_percent and _PERCENT.search(text):
        return NUMBER_BONUS
    return NUMBER_BONUS if wants_number and has_number else 0.0


def _digits(text: str) -> list[str]:
    return re.findall(r"\d+(?:[.,]\d+)?", text)


def _is_label(text: str, chunk: Chunk, has_number: bool) -> bool:
    """A heading or a short label: worth little as an answer on its own."""
    stripped = text.strip(" #*-:")
    if chunk.section and stripped == chunk.section.strip(" #*-:"):
        return True
    return len(stripped) < 40 and not has_number


def _semantic(bank: SentenceBank, index: int, query_vector: np.ndarray | None) -> float:
    if bank.vectors is None or query_vector is None:
        return 0.0
    return max(0.0, float(bank.vectors[index] @ query_vector))


def choose(scored: list[ScoredSentence], bank: SentenceBank, limit: int) -> list[ScoredSentence]:
    """The best sentence, then those close to it in score, at most `limit`, in reading order."""
    if not scored:
        return []
    best = scored[0]
    chosen = [best]
    for candidate in scored[1:]:
        if len(chosen) >= limit or candidate.score < NEIGHBOUR_RATIO * best.score:
            break
        chosen.append(candidate)
    return sorted(
        chosen,
        key=lambda s: (
            bank.sentences[s.index].doc_id != bank.sentences[best.index].doc_id,
            bank.sentences[s.index].doc_id,
            bank.sentences[s.index].start,
        ),
    )


CONFIDENCE_WEIGHTS = {
    "bias": 1.26,
    "semantic": 1.07,
    "coverage": -0.45,
    "context": 0.02,
    "agreement": 0.33,
    "unknown_names": -2.15,
    "missing": -0.57,
    "passage_coverage": 0.31,
    "gap": -1.13,
}
"""Logistic weights of the evidence features (see `confidence_features`), fitted on the dev
half of evals/ by evals/tools/fit_confidence.py (class-balanced logistic regression)."""


def confidence_features(
    best: ScoredSentence, top_hit: Hit, terms: QuestionTerms, bank: SentenceBank
) -> dict[str, float]:
    """The evidence behind an answer, each feature roughly in 0..1."""
    ranks = top_hit.channel_ranks
    passage_tokens = frozenset().union(*(bank.tokens[n] for n in bank.in_chunk(top_hit.chunk)))
    return {
        "bias": 1.26,
        "semantic": best.semantic,
        "coverage": best.coverage,
        "context": best.context,
        "agreement": 1.0 if len(ranks) > 1 and max(ranks.values()) <= 3 else 0.0,
        "unknown_names": terms.unknown_names,
        "missing": terms.missing,
        "passage_coverage": terms.coverage(passage_tokens | bank.section_tokens(top_hit.chunk)),
        "gap": terms.worst_gap(passage_tokens | bank.section_tokens(top_hit.chunk)),
    }


def confidence(
    best: ScoredSentence | None, top_hit: Hit | None, terms: QuestionTerms, bank: SentenceBank
) -> float:
    """How sure the evidence makes us, 0..1: meaning, key-term coverage, channel agreement,
    minus unknown names (a drug or trial the corpus never mentions)."""
    if best is None or top_hit is None:
        return 0.0
    features = confidence_features(best, top_hit, terms, bank)
    logit = sum(CONFIDENCE_WEIGHTS[name] * value for name, value in features.items())
    return round(1.0 / (1.0 + math.exp(-logit)), 4)


@dataclass(frozen=True)
class Span:
    doc_id: str
    start: int
    end: int
    score: float
    chunk: Chunk


def quote_spans(chosen: list[ScoredSentence], bank: SentenceBank, hits: list[Hit]) -> list[Span]:
    """Spans to quote: whole words, adjacent sentences merged, table rows after their header."""
    chunk_of = {hit.chunk_index: hit.chunk for hit in hits}
    spans: list[Span] = []
    for item in chosen:
        sentence = bank.sentences[item.index]
        text = bank.documents[sentence.doc_id].text
        chunk = _holding_chunk(chunk_of, sentence, bank)
        start, end = _whole_words(
            text, _extended_start(bank, item.index, chunk), _extended_end(bank, item.index, chunk)
        )
        header = find_table_header(text, start)
        if (
            header is not None
            and header[0] < start
            and not _covered(spans, sentence.doc_id, *header)
        ):
            spans = _add(
                spans, Span(sentence.doc_id, header[0], header[1], item.score, chunk), text
            )
        spans = _add(spans, Span(sentence.doc_id, start, end, item.score, chunk), text)
    return spans


def _extended_start(bank: SentenceBank, index: int, chunk: Chunk) -> int:
    """Where a quote starts: a short one (a number on a slide) takes in the short label lines
    just above it, so "56,2 %" is quoted under "Réponse BICLA à S52"."""
    sentence = bank.sentences[index]
    start = sentence.start
    if sentence.end - sentence.start >= SHORT_QUOTE:
        return start
    for before in reversed(bank.preceding(index, chunk.start, CONTEXT_SENTENCES)):
        previous = bank.sentences[before]
        if previous.end - previous.start > 2 * SHORT_QUOTE:
            break
        start = previous.start
    return start


def _extended_end(bank: SentenceBank, index: int, chunk: Chunk) -> int:
    """Where a quote ends: a short one (a slide label) runs on through the next lines of its
    passage until it holds a number and is long enough to stand alone."""
    sentence = bank.sentences[index]
    end = sentence.end
    text = bank.documents[sentence.doc_id].text
    for following in bank.following(index, chunk.end):
        quote = text[sentence.start : end]
        if len(quote) >= SHORT_QUOTE and any(c.isdigit() for c in quote):
            break
        end = bank.sentences[following].end
        if end - sentence.start > 3 * SHORT_QUOTE:
            break
    return end


def _holding_chunk(chunk_of: dict[int, Chunk], sentence: Sentence, bank: SentenceBank) -> Chunk:
    for chunk in chunk_of.values():
        if chunk.doc_id == sentence.doc_id and chunk.start <= sentence.start < chunk.end:
            return chunk
    return bank.chunks[sentence.chunk_index]


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span so it never cuts a word, number or unit in half."""
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
        end += 1
    return start, end


def _covered(spans: list[Span], doc_id: str, start: int, end: int) -> bool:
    return any(s.doc_id == doc_id and s.start <= start and end <= s.end for s in spans)


def _add(spans: list[Span], new: Span, text: str) -> list[Span]:
    """Append `new`, merging it with a span of the same document it touches or overlaps."""
    for number, old in enumerate(spans):
        if old.doc_id != new.doc_id:
            continue
        low, high = sorted((old, new), key=lambda s: s.start)
        if high.start <= low.end or not text[low.end : high.start].strip():
            merged = Span(
                old.doc_id, low.start, max(low.end, high.end), max(old.score, new.score), old.chunk
            )
            return [*spans[:number], merged, *spans[number + 1 :]]
    return [*spans, new]


def citations_of(spans: list[Span], documents: dict[str, Document]) -> list[Citation]:
    """Citations for the spans (blank spans dropped); `verified` checks them afterwards."""
    citations: list[Citation] = []
    for span in spans:
        doc = documents[span.doc_id]
        quote = doc.text[span.start : span.end]
        if not quote.strip():
            continue
        citations.append(
            Citation(
                n=len(citations) + 1,
                doc_id=doc.doc_id,
                title=doc.title,
                path=doc.path,
                start=span.start,
                end=span.end,
                quote=quote,
                page=doc.page_at(span.start),
                section=span.chunk.section,
                score=round(span.score, 4),
            )
        )
    return citations


def verified(citations: list[Citation], documents: dict[str, Document]) -> bool:
    """Every quote equals the document text at its offsets."""
    return all(documents[c.doc_id].text[c.start : c.end] == c.quote for c in citations)


def passages_of(retrieval: Retrieval, documents: dict[str, Document]) -> list[Passage]:
    return [
        Passage(
            rank=rank,
            doc_id=hit.chunk.doc_id,
            title=documents[hit.chunk.doc_id].title,
            path=documents[hit.chunk.doc_id].path,
            start=hit.chunk.start,
            end=hit.chunk.end,
            text=hit.chunk.text,
            lang=hit.chunk.lang,
            score=round(hit.score, 6),
        )
        for rank, hit in enumerate(retrieval.hits, 1)
    ]


def answer_text(citations: list[Citation]) -> str:
    """The readable answer: each quote in quotation marks with its [n] marker."""
    return "\n".join(f"“{' '.join(c.quote.split())}” [{c.n}]" for c in citations)


def compose(
    question: str,
    retrieval: Retrieval,
    bank: SentenceBank,
    terms: QuestionTerms,
    query_vector: np.ndarray | None,
    settings: Settings,
) -> Answer:
    """The Answer for a retrieval: quotes and citations, or an abstention with the passages."""
    top = retrieval.hits[: settings.answer_passages]
    scored = score_sentences(bank, top, terms, query_vector)
    chosen = choose(scored, bank, settings.max_quote_sentences)
    sure = confidence(scored[0] if scored else None, top[0] if top else None, terms, bank)
    citations = citations_of(quote_spans(chosen, bank, top), bank.documents)
    passages = passages_of(retrieval, bank.documents)
    if (
        sure < settings.abstain_threshold
        or not citations
        or not verified(citations, bank.documents)
    ):
        message = ABSTAIN_FR if retrieval.query_lang == "fr" else ABSTAIN_EN
        return Answer(
            question=question, abstained=True, confidence=sure, answer=message, passages=passages
        )
    return Answer(
        question=question,
        abstained=False,
        confidence=sure,
        answer=answer_text(citations),
        citations=citations,
        passages=passages,
    )


__all__ = ["SentenceBank", "compose", "expansions"]
