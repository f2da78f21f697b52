"""A build's chunk pass: each document, read back from documents.jsonl, is chunked (or its chunks
reused from the previous build) and written to chunks.jsonl a line at a time, while its BM25
terms, frequent words, sentences and chunk numbers are tallied (`Tally`, tallies.py), so that
memory grows with the vocabulary rather than with the corpus. `passage_text` and `chunk_tokens`
say what a chunk's vector and its BM25 entry are computed from. contents.py runs the passes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from citeqa.chunking import iter_chunks
from citeqa.config import Settings
from citeqa.derived_terms import FrequentWords
from citeqa.jsonlines import CHUNKS_FILE as CHUNKS
from citeqa.jsonlines import jsonl_writer
from citeqa.language import document_languages
from citeqa.lexical import tokenize
from citeqa.models import Chunk, Document
from citeqa.reuse import Previous
from citeqa.tallies import SentenceFrequency, TermIds, document_sentences, whole_chunk_sentences

Progress = Callable[[str, int, int], None]
"""A build's progress report: stage, done, total."""


@dataclass(frozen=True, slots=True)
class DocumentChunks:
    """A document's chunks in the build: the number of its first, how many, their languages."""

    first: int
    count: int
    languages: list[str]
    """Sorted, each once; [language.OTHER] for a document in neither language."""


def passage_text(chunk: Chunk) -> str:
    """What a chunk's vector is computed from: its heading, then its text (embedding.embed_texts
    reads it without zero-width characters, as every text embedded)."""
    if chunk.section and not chunk.text.startswith(chunk.section):
        return f"{chunk.section}\n{chunk.text}"
    return chunk.text


def chunk_tokens(chunk: Chunk, passage: str | None = None) -> list[str]:
    """What BM25 indexes for a chunk: its `passage_text`, folded and stemmed in its language."""
    return tokenize(passage_text(chunk) if passage is None else passage, chunk.lang)


@dataclass
class Tally:
    """What the chunk pass gathers besides the files it writes."""

    terms: TermIds = field(default_factory=TermIds)
    words: FrequentWords = field(default_factory=FrequentWords)
    frequency: SentenceFrequency = field(default_factory=SentenceFrequency)
    chunks: dict[str, DocumentChunks] = field(default_factory=dict)
    """Per document: its chunks' numbers and languages."""
    sentences: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Per document: the number of its first sentence, and how many it has."""
    rows: list[np.ndarray] = field(default_factory=list)
    whole: dict[str, np.ndarray] = field(default_factory=dict)
    """Per document: (sentence number, chunk number) of its sentences that are the whole of
    their chunk (`whole_chunk_sentences`), whose vector is copied from the chunk's."""

    def add_document(
        self,
        doc: Document,
        number: int,
        spans: list[tuple[int, int, int]],
        langs: list[str],
        plain: list[int],
    ) -> None:
        """Tally one document's sentences, given its chunks as (number, start, end) and the
        numbers of those whose passage text is their text (`plain`)."""
        first = spans[0][0] if spans else 0
        found = document_sentences(doc.text, spans)
        at = whole_chunk_sentences(found, spans, plain)
        if len(at):
            numbers = self.frequency.sentences + at
            self.whole[doc.doc_id] = np.column_stack([numbers, found[at, 0]])
        self.sentences[doc.doc_id] = (self.frequency.sentences, len(found))
        self.frequency.add(doc.text, found, langs, first)
        located = [(start, end, lang) for (_, start, end), lang in zip(spans, langs, strict=True)]
        languages = document_languages(doc.text, located)  # named only: chunks keep theirs
        self.chunks[doc.doc_id] = DocumentChunks(first, len(spans), languages)
        self.rows.append(np.column_stack([np.full(len(found), number, np.int64), found]))

    def sentence_rows(self) -> np.ndarray:
        """Every sentence as (document number, chunk, start, end), in document then text order."""
        rows = np.concatenate(self.rows) if self.rows else np.zeros((0, 4), np.int64)
        return np.asfortranarray(rows.reshape(-1, 4), dtype=np.int64)


def chunk_pass(
    documents: Sequence[Document],
    kept: set[str],
    previous: Previous | None,
    settings: Settings,
    report: Progress,
    folder: Path,
) -> Tally:
    """Write chunks.jsonl a line at a time, tallying as it goes."""
    tally = Tally()
    with jsonl_writer(folder / CHUNKS) as chunks_out:
        for number, doc in enumerate(documents):
            report("chunking", number, len(documents))
            made: Iterable[Chunk] = (
                previous.chunks(doc.doc_id)
                if previous is not None and doc.doc_id in kept
                else iter_chunks(doc, settings.chunk_size, settings.chunk_overlap)
            )
            spans: list[tuple[int, int, int]] = []
            langs: list[str] = []
            plain: list[int] = []
            for chunk in made:
                spans.append((len(chunks_out), chunk.start, chunk.end))
                passage = passage_text(chunk)
                if passage == chunk.text:  # the document's text from start to end (chunking.py)
                    plain.append(len(chunks_out))
                langs.append(chunk.lang)
                chunks_out.write(chunk)
                tally.terms.add(chunk_tokens(chunk, passage))
                tally.words.add(chunk)
            tally.add_document(doc, number, spans, langs, plain)
    report("chunking", len(documents), len(documents))
    return tally
