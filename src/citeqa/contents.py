"""What a build computes: chunks, vectors per channel, sentences and their vectors, BM25, and the
token statistics that answering needs (so opening the assistant need not tokenise the corpus),
with the corpus's term knowledge: its domain file as read, and the cross-language term pairs
derived from it (derived_terms.py).

A build writes as it goes, into its temporary folder: each document as it is read
(`write_documents`); then (`compute_contents`) each document, read back, is chunked and its
chunks written, their BM25 terms, sentences and word counts tallied (tallies.py), before the
next; then each channel embeds the chunks read back from chunks.jsonl, a batch at a time, into
a spool file that fills its vector index (vectorspool.py). So the build's memory grows with the
vocabulary and the vector index, not with the corpus's documents, chunks and sentences.
Documents whose file hash is unchanged reuse their chunks and vectors from the previous build
(`reuse.Previous`, read a document at a time); only the others are chunked, and of their chunks
and sentences only those whose text the document's previous version lacked are embedded (the
others take their vectors from the previous build: textmatch.py).
The chunk pass, and what a chunk's vector and BM25 entry are computed from, are chunkpass.py's.
Sentences are embedded at build time only up to `Settings.embed_sentences_max`; past it,
answering scores sentences with their passages' vectors, or embeds them on demand
(ondemand.py).
"""

from __future__ import annotations

import itertools
import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np

from citeqa.acronyms import MAX_ACRONYMS
from citeqa.boilerplate import STATISTICS_KEY
from citeqa.centroid import centroid_of
from citeqa.chunkpass import DocumentChunks, Progress, Tally, chunk_pass, passage_text
from citeqa.config import Settings
from citeqa.corpus import CorpusScan, DocumentEntry, scan_corpus
from citeqa.derived_terms import is_multilingual, pairs_of
from citeqa.doctally import words_and_compounds
from citeqa.domain import KNOWLEDGE_FORMAT, Domain
from citeqa.embedding import Embedder, embed_texts
from citeqa.jsonlines import CHUNKS_FILE as CHUNKS
from citeqa.jsonlines import DOCUMENTS_FILE as DOCUMENTS
from citeqa.jsonlines import IDS as DOCUMENT_IDS
from citeqa.jsonlines import DocumentFile, LineReader, jsonl_writer, write_file
from citeqa.lexical import FOLDER as LEXICAL_FOLDER
from citeqa.lexical import LexicalIndex, query_tokens, tokenize
from citeqa.models import Chunk, Document, Sentence
from citeqa.reuse import Previous
from citeqa.sentencetable import SentenceTable
from citeqa.store import STATISTICS, STATISTICS_FORMAT, channel_files
from citeqa.stored_words import WORDS_VERSION, WordCounts, store_words, stores_words
from citeqa.superseding import STATISTICS_KEY as SUPERSEDED_KEY
from citeqa.superseding import paired
from citeqa.term_acronyms import chosen_terms
from citeqa.textmatch import Reused, reused
from citeqa.vectorspool import VectorSpool, copy_rows, spool_path, write_channels

EMBED_BATCH = 64
"""Texts embedded at a time (embed_texts's default batch)."""


@dataclass(frozen=True)
class BuildContents:
    """What `compute_contents` wrote into a build's folder, as the manifest and the file list
    need it: counts, not the tables (those are in the folder)."""

    chunk_count: int
    sentence_count: int
    per_document: dict[str, DocumentChunks]
    """Per document id, in the build's order."""
    sentence_vectors: bool = True
    """Whether the build embedded the sentences (`embeds_sentences`)."""


def embeds_sentences(sentences: int, channels: Sequence[object], settings: Settings) -> bool:
    """Whether a build of `sentences` sentences stores their vectors: up to
    `embed_sentences_max`, when it has a channel (an embedder, or its name) to embed them with."""
    return bool(channels) and sentences <= settings.embed_sentences_max


def vectors_on_rebuild(
    sentences: int, stored: bool, built_with: Sequence[object], settings: Settings
) -> int:
    """`sentences` when an index's build held their vectors back (it had channels, `built_with`,
    and stored none: past `embed_sentences_max`) and a rebuild under `settings` (its channels,
    `embeds_sentences`) would store them; else 0. The one rule of what `index` on an unchanged
    corpus and `status` say of it, so neither promises what a rebuild would not do."""
    held_back = bool(built_with) and not stored
    return (
        sentences if held_back and embeds_sentences(sentences, settings.channels, settings) else 0
    )


def write_documents(
    corpus_dir: Path, folder: Path, progress: Callable[[int, int], None] | None = None
) -> CorpusScan:
    """Read the corpus into `folder` (a new temporary build folder): documents.jsonl and the
    ids beside it, written as each document is read, so that one document's text is held at
    a time; what the reading found (corpus.scan_corpus, which tells `progress` of each file)."""
    folder.mkdir(parents=True)
    with jsonl_writer(folder / DOCUMENTS) as documents_out:
        scan = scan_corpus(corpus_dir, documents_out.write, progress)
    ids = [entry.doc_id for entry in scan.entries]
    write_file(folder / DOCUMENT_IDS, json.dumps(ids, ensure_ascii=False).encode())
    return scan


def compute_contents(
    entries: list[DocumentEntry],
    embedders: list[Embedder],
    previous: Previous | None,
    settings: Settings,
    report: Progress,
    domain: Domain | None,
    folder: Path,
) -> BuildContents:
    """Write everything the index stores but its documents (`write_documents` wrote them, the
    documents of `entries`) and its manifest into `folder`, a document and a batch at a time;
    `domain` is the corpus's domain file, if any.

    Chunks go to chunks.jsonl as they are made, with their BM25 terms, sentences and word
    counts tallied; then each channel embeds the chunks read back from that file, into a spool
    file that fills its vector index. What stays in memory grows with the vocabulary (and the
    vector index itself), not with the number of documents, chunks or sentences."""
    kept = set() if previous is None else previous.unchanged(entries)
    documents = DocumentFile(folder / DOCUMENTS)
    tally = chunk_pass(documents, kept, previous, settings, report, folder)
    ids = [entry.doc_id for entry in entries]
    rows = tally.sentence_rows()
    sentences = SentenceTable(rows, ids)
    sentences.save(folder)
    lines = LineReader(folder / CHUNKS, Chunk)  # read, not mapped: each chunk is read once
    embedded = embeds_sentences(len(sentences), embedders, settings)
    taken = reused(previous, kept, documents, lines, tally, rows if embedded else None)
    spools = {
        embedder.name: _channel_vectors(embedder, lines, tally, taken, report, folder)
        for embedder in embedders
    }
    if embedded:
        sources = (taken, spools[embedders[0].name])
        _sentence_vectors(embedders[0], rows, documents, tally, sources, report, folder)
    embedded_words = _store_words(embedders, tally, lines, previous, folder)
    centroids = {name: centroid_of(len(spool), spool.rows) for name, spool in spools.items()}
    write_channels(folder, spools, tally.terms, settings)
    report("lexical", 0, 1)
    if not settings.engine_serves_lexical:  # else the engine ranks BM25 (qdrantindex.py)
        LexicalIndex.of_ids(tally.terms, tally.terms.vocab).save(folder / LEXICAL_FOLDER)
    statistics = _statistics(tally)
    report("lexical", 1, 1)
    report("term pairs", 0, 1)
    acronyms = _acronyms(tally)
    statistics.update(knowledge(domain, pairs_of(tally.words, embedders, embedded_words), acronyms))
    statistics["centroids"] = {n: c.tolist() for n, c in centroids.items() if c is not None}
    statistics["stored_words"] = WORDS_VERSION  # even when none: previousindex.knowledge_change
    report("term pairs", 1, 1)
    write_file(folder / STATISTICS, json.dumps(statistics, sort_keys=True).encode())
    return BuildContents(len(lines), len(sentences), tally.chunks, embedded)


def _store_words(
    embedders: Sequence[Embedder],
    tally: Tally,
    lines: LineReader[Chunk],
    previous: Previous | None,
    folder: Path,
) -> dict[str, np.ndarray]:
    """words-<channel>.json and .npy (stored_words.py) in the first multilingual channel, of
    the words of the chunks (`lines`, read back from chunks.jsonl), for a corpus in both
    languages (stored_words.stores_words) only; the words the `previous` build stored keep
    their vectors. The vectors embedded, by text (none when nothing is stored). The passages'
    words are counted here, not in the chunk pass, so that a build storing none (one language,
    no multilingual channel: most) counts none: the chunk pass counted every passage of every
    build, a kept document's too (~20 s per 50,000 chunks)."""
    multilingual = [embedder for embedder in embedders if is_multilingual(embedder)]
    if not stores_words(bool(multilingual), (run.languages for run in tally.chunks.values())):
        return {}
    counts = WordCounts()
    for chunk in lines.each():
        counts.add(chunk)
    return store_words(
        folder, counts, multilingual[0], None if previous is None else previous.folder
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
    words, compounds = words_and_compounds(texts.values())
    return {
        "format": STATISTICS_FORMAT,
        "sentence_count": len(sentences),
        "frequency": dict(frequency),
        "words": sorted(words),
        "compounds": sorted(compounds),
    }


def _acronyms(tally: Tally) -> list[list[str]]:
    """[acronym, form] of the acronyms the corpus spells out in capitalised words
    (acronyms.py), then of those it writes in capitals and spells out in lower case
    (term_acronyms.py), at most MAX_ACRONYMS."""
    written = partial(_written, tally.frequency.counts)
    acronyms = tally.acronyms.chosen(written)
    taken = {acronym for acronym, _ in acronyms}
    terms = chosen_terms(tally.lower_terms, taken, written)
    return (acronyms + terms)[:MAX_ACRONYMS]


def _written(frequency: Mapping[str, int], word: str) -> int:
    """In how many sentences the corpus writes a folded word (any of its tokens)."""
    return max((frequency.get(token, 0) for token in query_tokens(word)), default=0)


def knowledge(
    domain: Domain | None, pairs: list[list[str]], acronyms: list[list[str]]
) -> dict[str, Any]:
    """The term knowledge statistics.json carries beside the token statistics: the corpus's
    domain file, its derived term pairs and acronyms (acronyms.py)."""
    return {
        "knowledge": KNOWLEDGE_FORMAT,
        # only the fields the domain file sets: a field added to Domain since stays out, so
        # an older citeqa (Domain forbids unknown fields) still reads the index
        "domain": None if domain is None else domain.model_dump(mode="json", exclude_defaults=True),
        "term_pairs": pairs,
        "acronyms": acronyms,
    }


def _statistics(tally: Tally) -> dict[str, Any]:
    """The token statistics `token_statistics` computes, from the chunk pass's tallies."""
    return {
        "format": STATISTICS_FORMAT,
        "sentence_count": tally.frequency.sentences,
        "frequency": dict(tally.frequency.counts),
        "words": sorted(tally.corpus_words),
        "compounds": sorted(tally.compounds),
        STATISTICS_KEY: tally.lines.chosen(),  # boilerplate.py
        SUPERSEDED_KEY: paired(tally.identifiers, tally.supersession),  # superseding.py
        "tallies": tally.recipe,  # previousindex.unchanged: other tallies, the index is rewritten
    }


# ---- the embedding passes --------------------------------------------------------------------


def _channel_vectors(
    embedder: Embedder,
    chunks: LineReader[Chunk],
    tally: Tally,
    taken: Reused,
    report: Progress,
    folder: Path,
) -> VectorSpool:
    """The channel's chunk vectors in a spool: reused for kept documents and for the chunks of
    unchanged text of changed ones (textmatch.py), embedded otherwise."""
    spool = VectorSpool(spool_path(folder, embedder.name), len(chunks), embedder.dim)
    previous, kept = taken.previous, taken.kept
    fresh = sum(run.count for doc_id, run in tally.chunks.items() if doc_id not in kept)

    def texts() -> Iterator[tuple[int, str]]:
        for doc_id, run in tally.chunks.items():
            kept_whole = previous is not None and doc_id in kept
            same = _every_place(run.count) if kept_whole else taken.of(doc_id).chunks
            read = None if previous is None else partial(previous.vectors_at, embedder.name, doc_id)
            done = _take_previous(spool, run.first, run.count, same, read)
            if done is None:
                continue  # every vector taken: its chunks are not read
            for place, chunk in enumerate(chunks.each(run.first, run.count)):
                if place not in done:
                    yield run.first + place, passage_text(chunk)

    total = fresh - taken.chunks_taken()
    _embed_into(spool, embedder, texts(), total, f"embedding {embedder.name}", report)
    return spool


def _every_place(count: int) -> np.ndarray:
    """(place now, place in the previous build) rows mapping each of a kept document's `count`
    chunks or sentences to itself: all of it is taken, as the same texts of a changed one are."""
    places = np.arange(count, dtype=np.int64)
    return np.column_stack((places, places))


def _take_previous(
    spool: VectorSpool,
    first: int,
    count: int,
    same: np.ndarray,
    read: Callable[[np.ndarray], Iterable[tuple[int, np.ndarray]]] | None,
) -> set[int] | None:
    """Write the vectors a document's `count` rows (from `first`) take from the previous build
    (`same`: (place now, place then) rows; `read`: its vectors at places then, None without a
    previous build); the places taken, or None when every row is (nothing left to embed)."""
    if read is not None and len(same):
        _write_taken(spool, first, same[:, 0], read(same[:, 1]))
    if len(same) == count:
        return None
    return set(same[:, 0].tolist())


def _write_taken(
    spool: VectorSpool, first: int, places: np.ndarray, blocks: Iterable[tuple[int, np.ndarray]]
) -> None:
    """Write each block of rows read from the previous build (`blocks`: (offset in `places`,
    rows)) at its row: `first` (the document's first row) plus its place in the document; a
    run of consecutive places (all of a kept document) in one write."""
    for offset, rows in blocks:
        part = places[offset : offset + len(rows)]
        breaks = (np.flatnonzero(np.diff(part) != 1) + 1).tolist()
        for start, end in zip([0, *breaks], [*breaks, len(part)], strict=True):
            spool.write(first + int(part[start]), rows[start:end])


def _sentence_vectors(
    embedder: Embedder,
    sentences: np.ndarray,
    documents: Sequence[Document],
    tally: Tally,
    sources: tuple[Reused, VectorSpool],
    report: Progress,
    folder: Path,
) -> None:
    """sentences-<channel>.npy: reused for kept documents that have them and for the sentences
    of unchanged text of changed ones (`sources`: what the build takes from the previous one),
    copied from the chunk's vector (`sources`: the channel's spool) for a sentence that is the
    whole of its chunk (the same text: the same vector), embedded otherwise; `sentences` holds
    the rows (document, chunk, start, end) of the sentence table."""
    taken, chunk_vectors = sources
    previous = taken.previous
    kept = {
        doc_id
        for doc_id in taken.kept
        if previous is not None
        and previous.has_sentence_vectors(doc_id, tally.sentences[doc_id][1])
    }
    spool = VectorSpool(spool_path(folder, "sentences"), len(sentences), embedder.dim)
    whole = [pairs for doc_id, pairs in tally.whole.items() if doc_id not in kept]
    copies = np.concatenate(whole) if whole else np.zeros((0, 2), dtype=np.int64)
    copied = set(copies[:, 0].tolist())
    fresh = sum(count for doc_id, (_, count) in tally.sentences.items() if doc_id not in kept)

    def texts() -> Iterator[tuple[int, str]]:
        for number, (doc_id, (first, count)) in enumerate(tally.sentences.items()):
            same = _every_place(count) if doc_id in kept else taken.of(doc_id).sentences
            read = None if previous is None else partial(previous.sentence_vectors_at, doc_id)
            done = _take_previous(spool, first, count, same, read)
            if done is None:
                continue  # every vector taken: its text is not read
            text = documents[number].text  # read only when a sentence is left to embed
            spans = sentences[first : first + count, 2:4].tolist()
            for row, (start, end) in enumerate(spans, start=first):
                if row not in copied and row - first not in done:
                    yield row, text[start:end]

    total = fresh - len(copied) - _taken_sentences(taken, tally, copies[:, 0])
    _embed_into(spool, embedder, texts(), total, "embedding sentences", report)
    copy_rows(chunk_vectors, spool, copies)
    spool.save_npy(folder / channel_files(embedder.name).sentences)
    spool.remove()


def _taken_sentences(taken: Reused, tally: Tally, copied: np.ndarray) -> int:
    """How many sentences of changed documents take their vector from the previous build and
    are not `copied` from their chunk's."""
    rows = [
        tally.sentences[doc_id][0] + same.sentences[:, 0] for doc_id, same in taken.same.items()
    ]
    if not rows:
        return 0
    return int(np.count_nonzero(~np.isin(np.concatenate(rows), copied)))


def _embed_into(
    spool: VectorSpool,
    embedder: Embedder,
    texts: Iterable[tuple[int, str]],
    total: int,
    stage: str,
    report: Progress,
) -> None:
    """Embed (row, text) pairs EMBED_BATCH at a time (the batches `embed_texts` would make of
    the texts in order), each vector written at its row; progress after each batch."""
    rows: list[int] = []
    batch: list[str] = []
    done = 0
    for row, text in itertools.chain(texts, [(-1, "")]):
        if row >= 0:
            rows.append(row)
            batch.append(text)
        if batch and (len(batch) == EMBED_BATCH or row < 0):
            vectors = embed_texts(embedder, batch, batch_size=EMBED_BATCH)
            for place, number in enumerate(rows):
                spool.write(number, vectors[place : place + 1])
            done += len(batch)
            rows, batch = [], []
            report(stage, done, total)
