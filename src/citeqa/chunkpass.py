"""A build's chunk pass: each document, read back from documents.jsonl, is chunked (or its chunks
reused from the previous build) and written to chunks.jsonl a line at a time, while its BM25
terms, frequent words, sentences, words and chunk numbers are tallied (`Tally`, tallies.py), so
that memory grows with the vocabulary rather than with the corpus. A document's share of the
tallies is stored in the index (doctally.py), and taken back for an unchanged document rather
than computed again, so that an update does not tokenise the documents it keeps.
`passage_text` and `chunk_tokens` say what a chunk's vector and its BM25 entry are computed
from: a chunk that opens inside a table, below its header row, indexes that header row's words
with its own (tables.TableHeaders.header_over: the header cells over the chunk's own columns),
so that a lookup naming a column ("the first response time of Umbrella Health") finds the chunk
holding the row, not only the table's first chunk, which alone writes the header (session 20: a
150-row sheet's row 131 ranked below five chunks that did not hold it). contents.py runs the
passes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from citeqa.acronyms import AcronymCounts
from citeqa.boilerplate import LineCounts
from citeqa.chunking import iter_chunks
from citeqa.config import Settings
from citeqa.derived_terms import FrequentWords
from citeqa.doctally import (
    STEMS,
    TALLIES_FILE,
    TERMS,
    DocumentTally,
    measure,
    save_runs,
    stem_keys,
    stem_pairs,
    tally_recipe,
)
from citeqa.jsonlines import CHUNKS_FILE as CHUNKS
from citeqa.jsonlines import JsonlWriter, jsonl_writer
from citeqa.latex import without_command_names
from citeqa.lexical import tokenize
from citeqa.models import Chunk, Document
from citeqa.reuse import Previous
from citeqa.tables import TableHeaders
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


def chunk_tokens(chunk: Chunk, passage: str | None = None, header: str = "") -> list[str]:
    """What BM25 indexes for a chunk: its `passage_text` and the header row of the table it
    opens inside below that row, over the chunk's own columns (tables.TableHeaders.header_over;
    "" for none), folded and stemmed in its language."""
    text = passage_text(chunk) if passage is None else passage
    return tokenize(f"{header}\n{text}" if header else text, chunk.lang)


def _without_command_names(chunk: Chunk) -> Chunk:
    """A LaTeX source's chunk as its words are indexed: its commands' names blanked
    (latex.without_command_names), its offsets kept."""
    return chunk.model_copy(update={"text": without_command_names(chunk.text)})


@dataclass
class Tally:
    """What the chunk pass gathers besides the files it writes."""

    recipe: str = ""
    """The doctally.tally_recipe the tallies are computed by (statistics.json `tallies`)."""
    terms: TermIds = field(default_factory=TermIds)
    stems: TermIds = field(default_factory=TermIds)
    """Each chunk's frequent-word keys (doctally.STEMS), stored for the next build."""
    words: FrequentWords = field(default_factory=FrequentWords)
    frequency: SentenceFrequency = field(default_factory=SentenceFrequency)
    corpus_words: set[str] = field(default_factory=set)
    """The folded words of every document (questions.corpus_words)."""
    compounds: set[str] = field(default_factory=set)
    """The compound keys of every document (compounds.corpus_compounds)."""
    acronyms: AcronymCounts = field(default_factory=AcronymCounts)
    """The candidate acronyms every document spells out (acronyms.py)."""
    lower_terms: AcronymCounts = field(default_factory=AcronymCounts)
    """The candidate lower-case terms every document writes (term_acronyms.py)."""
    lines: LineCounts = field(default_factory=LineCounts)
    """The keyed lines every document writes (boilerplate.py)."""
    identifiers: dict[str, list[str]] = field(default_factory=dict)
    """The identifiers of each document carrying one (superseding.py)."""
    supersession: dict[str, list[str]] = field(default_factory=dict)
    """The statements of each document stating that another replaces it or it replaces
    another (superseding.py)."""
    chunks: dict[str, DocumentChunks] = field(default_factory=dict)
    """Per document: its chunks' numbers and languages."""
    sentences: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Per document: the number of its first sentence, and how many it has."""
    rows: list[np.ndarray] = field(default_factory=list)
    whole: dict[str, np.ndarray] = field(default_factory=dict)
    """Per document: (sentence number, chunk number) of its sentences that are the whole of
    their chunk (`whole_chunk_sentences`), whose vector is copied from the chunk's."""

    def add_chunk(self, lang: str, terms: list[str], stems: list[str]) -> None:
        """Tally one chunk's BM25 terms and frequent-word keys (doctally.STEMS)."""
        self.terms.add(terms)
        self.stems.add(stems)
        self.words.add_stemmed(lang, stem_pairs(stems))

    def add_document(
        self,
        share: DocumentTally,
        number: int,
        spans: list[tuple[int, int, int]],
        found: np.ndarray,
        plain: list[int],
        digest: str | None = None,
    ) -> None:
        """Tally one document's share (doctally.py), given its chunks as (number, start, end),
        its sentences (`found`: tallies.document_sentences rows, each chunk's place in the
        document; a copy with the chunk's number in the build is read here, `found` is left as
        it is), the numbers of the chunks whose passage text is their text (`plain`) and its
        content digest (Document.sha256: a copy's lines count once, boilerplate.LineCounts)."""
        first = spans[0][0] if spans else 0
        found = found + np.array([first, 0, 0], dtype=found.dtype)
        at = whole_chunk_sentences(found, spans, plain)
        if len(at):
            numbers = self.frequency.sentences + at
            self.whole[share.doc_id] = np.column_stack([numbers, found[at, 0]])
        self.sentences[share.doc_id] = (self.frequency.sentences, len(found))
        self.frequency.add(share.frequency, len(found))
        self.corpus_words.update(share.words)
        self.compounds.update(share.compounds)
        self.acronyms.add(share.acronyms)
        self.lower_terms.add(share.lower_terms)
        self.lines.add(share.lines, digest)
        if share.identifiers:
            self.identifiers[share.doc_id] = share.identifiers
        if share.supersession:
            self.supersession[share.doc_id] = share.supersession
        self.chunks[share.doc_id] = DocumentChunks(first, len(spans), share.languages)
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
    """Write chunks.jsonl, and each document's share of the tallies to doctally.TALLIES_FILE,
    a document at a time, tallying as it goes; then the chunks' stored runs (doctally.save_runs).
    A kept document (unchanged since `previous`) takes its chunks from `previous`, and its
    tallies when that build stored them by this build's recipe (doctally.tally_recipe)."""
    recipe = tally_recipe()
    tally = Tally(recipe=recipe)
    with (
        jsonl_writer(folder / CHUNKS) as chunks_out,
        jsonl_writer(folder / TALLIES_FILE) as shares_out,
    ):
        for number, doc in enumerate(documents):
            report("chunking", number, len(documents))
            source = previous if previous is not None and doc.doc_id in kept else None
            made = _document_pass(doc, number, source, settings, recipe, tally, chunks_out)
            shares_out.write(made)
    save_runs(folder, TERMS, tally.terms)
    save_runs(folder, STEMS, tally.stems)
    report("chunking", len(documents), len(documents))
    return tally


def _document_pass(
    doc: Document,
    number: int,
    source: Previous | None,
    settings: Settings,
    recipe: str,
    tally: Tally,
    chunks_out: JsonlWriter,
) -> DocumentTally:
    """Chunk one document (or take its chunks from `source`, the previous build), writing its
    chunks and tallying them; its share of the tallies, taken from `source` when it stored
    them by `recipe` (doctally.tally_recipe), else computed by it."""
    stored = None if source is None else source.tally(doc.doc_id, recipe)
    made: Iterable[Chunk] = (
        iter_chunks(doc, settings.chunk_size, settings.chunk_overlap)
        if source is None
        else source.chunks(doc.doc_id)
    )
    runs = None if stored is None else stored.runs
    headers = TableHeaders(doc.text)
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
        worded = _without_command_names(chunk) if doc.latex else chunk
        terms, stems = (
            (
                chunk_tokens(
                    worded,
                    passage if worded is chunk else None,
                    headers.header_over(chunk.start, chunk.end),
                ),
                stem_keys(worded),
            )
            if runs is None
            else next(runs)
        )
        tally.add_chunk(chunk.lang, terms, stems)
    if source is not None and stored is not None:
        found = source.sentence_rows(doc.doc_id)
        share = stored.share
    else:
        local = [(place, start, end) for place, (_, start, end) in enumerate(spans)]
        found = document_sentences(doc.text, local, doc.kind)
        located = [(start, end, lang) for (_, start, end), lang in zip(spans, langs, strict=True)]
        share = measure(doc, located, found, recipe)
    tally.add_document(share, number, spans, found, plain, doc.sha256)
    return share
