"""What a build computes: chunks, vectors per channel, sentences and their vectors, BM25, and the
token statistics that answering needs (so opening the assistant need not tokenise the corpus),
with the corpus's term knowledge: its domain file as read, and the cross-language term pairs
derived from it (derived_terms.py).

Documents whose file hash is unchanged reuse their chunks and vectors from the previous build
(`Reuse`); only the others are chunked and embedded. `passage_text` and `chunk_tokens` say what
a chunk's vector and its BM25 entry are computed from. Sentences are embedded at build time only
up to `Settings.embed_sentences_max`; past it, answering scores sentences with their passages'
vectors, or embeds them on demand (ondemand.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from citeqa.chunking import chunk_document, split_sentences
from citeqa.compounds import corpus_compounds
from citeqa.config import Settings
from citeqa.derived_terms import term_pairs
from citeqa.domain import KNOWLEDGE_FORMAT, Domain
from citeqa.embedding import Embedder, embed_texts
from citeqa.lexical import LexicalIndex, tokenize
from citeqa.models import Chunk, Document, Sentence
from citeqa.questions import corpus_words
from citeqa.store import STATISTICS_FORMAT, BuildContents, IndexedFile

Progress = Callable[[str, int, int], None]


def passage_text(chunk: Chunk) -> str:
    """What a chunk's vector is computed from: its heading, then its text."""
    if chunk.section and not chunk.text.startswith(chunk.section):
        return f"{chunk.section}\n{chunk.text}"
    return chunk.text


def chunk_tokens(chunk: Chunk) -> list[str]:
    """What BM25 indexes for a chunk: its heading and text, folded and stemmed in its language."""
    return tokenize(passage_text(chunk), chunk.lang)


@dataclass
class Reuse:
    """What the previous build can give this one: per document, its chunks and vectors."""

    chunks: dict[str, list[Chunk]] = field(default_factory=dict)
    vectors: dict[str, dict[str, np.ndarray]] = field(default_factory=dict)
    sentence_vectors: dict[str, np.ndarray] = field(default_factory=dict)
    sha256: dict[str, str] = field(default_factory=dict)
    files: list[IndexedFile] = field(default_factory=list)
    corpus_manifest_sha256: str | None = None
    knowledge: int | None = None
    """The term-knowledge format the previous build stored (None: stored none)."""


def compute_contents(
    documents: list[Document],
    embedders: list[Embedder],
    reuse: Reuse,
    settings: Settings,
    report: Progress,
    domain: Domain | None = None,
) -> BuildContents:
    """Everything the index stores; `domain` is the corpus's domain file, when it has one."""
    kept = {doc.doc_id for doc in documents if reuse.sha256.get(doc.doc_id) == doc.sha256}
    chunks = _all_chunks(documents, kept, reuse, settings, report)
    vectors = {
        embedder.name: _channel_vectors(embedder, chunks, kept, reuse, report)
        for embedder in embedders
    }
    sentences = all_sentences(documents, chunks)
    sentence_vectors = None
    if len(sentences) <= settings.embed_sentences_max:
        sentence_vectors = _sentence_vectors(embedders, sentences, documents, kept, reuse, report)
    report("lexical", 0, 1)
    lexical = None
    if not settings.engine_serves_lexical:  # else the engine ranks BM25 (qdrantindex.py)
        lexical = LexicalIndex.build([chunk_tokens(chunk) for chunk in chunks])
    statistics = token_statistics(documents, chunks, sentences)
    report("lexical", 1, 1)
    report("term pairs", 0, 1)
    statistics.update(knowledge(domain, term_pairs(chunks, embedders)))
    report("term pairs", 1, 1)
    return BuildContents(
        documents, chunks, sentences, vectors, sentence_vectors, lexical, statistics
    )


def sentence_tokens(text: str, sentence: Sentence, chunks: Sequence[Chunk]) -> frozenset[str]:
    """The BM25 terms of a sentence (in its chunk's language), each once."""
    lang = chunks[sentence.chunk_index].lang
    return frozenset(tokenize(text[sentence.start : sentence.end], lang))


def token_statistics(
    documents: list[Document], chunks: Sequence[Chunk], sentences: Sequence[Sentence]
) -> dict[str, Any]:
    """How many sentences hold each token, the corpus's words (for typo correction) and the
    keys of its compound names (compounds.py)."""
    texts = {doc.doc_id: doc.text for doc in documents}
    frequency: Counter[str] = Counter()
    for sentence in sentences:
        frequency.update(sentence_tokens(texts[sentence.doc_id], sentence, chunks))
    return {
        "format": STATISTICS_FORMAT,
        "sentence_count": len(sentences),
        "frequency": dict(frequency),
        "words": corpus_words(texts.values()),
        "compounds": corpus_compounds(texts.values()),
    }


def knowledge(domain: Domain | None, pairs: list[list[str]]) -> dict[str, Any]:
    """The term knowledge statistics.json carries beside the token statistics."""
    return {
        "knowledge": KNOWLEDGE_FORMAT,
        "domain": None if domain is None else domain.model_dump(mode="json"),
        "term_pairs": pairs,
    }


def _all_chunks(
    documents: list[Document], kept: set[str], reuse: Reuse, settings: Settings, report: Progress
) -> list[Chunk]:
    chunks: list[Chunk] = []
    for number, doc in enumerate(documents):
        report("chunking", number, len(documents))
        if doc.doc_id in kept:
            chunks.extend(reuse.chunks.get(doc.doc_id, []))
        else:
            chunks.extend(chunk_document(doc, settings.chunk_size, settings.chunk_overlap))
    report("chunking", len(documents), len(documents))
    return chunks


def _channel_vectors(
    embedder: Embedder, chunks: list[Chunk], kept: set[str], reuse: Reuse, report: Progress
) -> np.ndarray:
    fresh = [chunk for chunk in chunks if chunk.doc_id not in kept]
    stage = f"embedding {embedder.name}"
    embedded = embed_texts(
        embedder, [passage_text(c) for c in fresh], progress=lambda d, t: report(stage, d, t)
    )
    return _assemble(
        chunks, kept, embedded, lambda doc_id: reuse.vectors[doc_id][embedder.name], embedder.dim
    )


def _assemble(
    items: list[Any],
    kept: set[str],
    embedded: np.ndarray,
    reused: Callable[[str], np.ndarray],
    dim: int,
) -> np.ndarray:
    """Rows in item order: reused rows for kept documents, freshly embedded ones for the rest."""
    rows: list[np.ndarray] = []
    fresh_row, seen = 0, set()
    for item in items:
        if item.doc_id in kept:
            if item.doc_id not in seen:
                rows.append(reused(item.doc_id))
                seen.add(item.doc_id)
        else:
            rows.append(embedded[fresh_row : fresh_row + 1])
            fresh_row += 1
    return np.vstack(rows).astype(np.float32) if rows else np.zeros((0, dim), np.float32)


def all_sentences(documents: list[Document], chunks: list[Chunk]) -> list[Sentence]:
    """Each sentence of each chunk once, with the first chunk holding it, in document order
    (as `documents`), then text order (the order sentencetable.py stores)."""
    texts = {doc.doc_id: doc.text for doc in documents}
    order = {doc.doc_id: number for number, doc in enumerate(documents)}
    seen: set[tuple[str, int, int]] = set()
    sentences = []
    for number, chunk in enumerate(chunks):
        for start, end in split_sentences(texts[chunk.doc_id], chunk.start, chunk.end):
            key = (chunk.doc_id, start, end)
            if key not in seen and any(ch.isalnum() for ch in texts[chunk.doc_id][start:end]):
                seen.add(key)
                sentences.append(
                    Sentence(doc_id=chunk.doc_id, chunk_index=number, start=start, end=end)
                )
    return sorted(sentences, key=lambda s: (order[s.doc_id], s.start, s.end))


def _sentence_vectors(
    embedders: list[Embedder],
    sentences: list[Sentence],
    documents: list[Document],
    kept: set[str],
    reuse: Reuse,
    report: Progress,
) -> np.ndarray | None:
    if not embedders:
        return None
    embedder = embedders[0]
    texts = {doc.doc_id: doc.text for doc in documents}
    kept = {doc_id for doc_id in kept if doc_id in reuse.sentence_vectors}
    fresh = [texts[s.doc_id][s.start : s.end] for s in sentences if s.doc_id not in kept]
    embedded = embed_texts(
        embedder, fresh, progress=lambda d, t: report("embedding sentences", d, t)
    )
    return _assemble(
        sentences, kept, embedded, lambda doc_id: reuse.sentence_vectors[doc_id], embedder.dim
    )
