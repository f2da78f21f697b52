"""A document's share of what a build's chunk pass tallies (chunkpass.Tally): its chunks' BM25
terms, the words each chunk adds to the frequent-word counts (derived_terms.py), its sentences,
how many of them hold each token, its languages, and its words and compound keys for the token
statistics. Computing it tokenises the whole document (most of a build's CPU time besides
embedding), so the build stores it (`TALLIES_FILE`, a line per document in the build's order,
with its offsets: jsonlines.py) and the next build takes it back for a document whose file is
unchanged (reuse.Previous.tally) instead of tokenising it again: an update then costs what its
changed documents cost, not the corpus. What the pass adds up from a stored share is what it adds
up from a computed one, so an updated index is the one a full rebuild writes.

`TALLY_VERSION` names how the share is computed: a stored share of another version is computed
again (so is a document of an index that stored none).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

from citeqa.compounds import folded_compounds
from citeqa.derived_terms import LANGUAGES, stemmed_words
from citeqa.glossary import fold
from citeqa.language import document_languages
from citeqa.lexical import tokenize
from citeqa.models import Chunk, Document
from citeqa.questions import folded_words
from citeqa.tallies import document_sentences, text_pieces

TALLIES_FILE = "tallies.jsonl"
TALLY_VERSION = 1
"""Bump when anything `measure` calls (tokenize, the sentence splitter, the language labels,
the word and compound keys) changes what it gives: a stored share is then computed again."""


class DocumentTally(BaseModel):
    """One document's share of the chunk pass's tallies (one line of `TALLIES_FILE`)."""

    model_config = ConfigDict(frozen=True)

    version: int
    doc_id: str
    terms: list[list[str]]
    """Per chunk, its BM25 terms in order (chunkpass.chunk_tokens)."""
    stems: list[list[tuple[str, str]]]
    """Per chunk, the (word, stem) pairs it adds to the frequent-word counts."""
    sentences: list[tuple[int, int, int]]
    """Its sentences as (chunk's place in the document, start, end) (document_sentences)."""
    frequency: dict[str, int]
    """How many of its sentences hold each token (in their chunk's language), by token."""
    languages: list[str]
    words: list[str]
    """Its folded words (questions.corpus_words), sorted."""
    compounds: list[str]
    """Its compound keys (compounds.corpus_compounds), sorted."""

    def fits(self, doc_id: str, chunk_count: int) -> bool:
        """Whether this share is of this version, of the document, and of its `chunk_count`
        chunks (else the build computes it again)."""
        return (
            self.version == TALLY_VERSION
            and self.doc_id == doc_id
            and len(self.terms) == chunk_count == len(self.stems)
            and all(0 <= row[0] < chunk_count for row in self.sentences)
        )


def measure(doc: Document, chunks: Sequence[Chunk], terms: list[list[str]]) -> DocumentTally:
    """The document's share, given its chunks in order and each one's BM25 terms
    (chunkpass.chunk_tokens)."""
    langs: list[str] = [chunk.lang for chunk in chunks]
    spans = [(place, chunk.start, chunk.end) for place, chunk in enumerate(chunks)]
    found = document_sentences(doc.text, spans)
    words, compounds = words_and_compounds(doc.text)
    return DocumentTally(
        version=TALLY_VERSION,
        doc_id=doc.doc_id,
        terms=terms,
        stems=[_stems(chunk) for chunk in chunks],
        sentences=[(place, start, end) for place, start, end in found.tolist()],
        frequency=_sentence_frequency(doc.text, found.tolist(), langs),
        languages=document_languages(doc.text, langs),
        words=sorted(words),
        compounds=sorted(compounds),
    )


def words_and_compounds(text: str) -> tuple[set[str], set[str]]:
    """questions.corpus_words and compounds.corpus_compounds of one text, read a piece at a
    time (tallies.text_pieces) and each piece folded once."""
    words: set[str] = set()
    compounds: set[str] = set()
    for piece in text_pieces(text):
        folded = fold(piece)
        words.update(folded_words(folded))
        compounds.update(folded_compounds(folded))
    return words, compounds


def _stems(chunk: Chunk) -> list[tuple[str, str]]:
    """What the chunk adds to the frequent-word counts of a build (which count LANGUAGES)."""
    return sorted(stemmed_words(chunk).items()) if chunk.lang in LANGUAGES else []


def _sentence_frequency(text: str, rows: list[list[int]], langs: list[str]) -> dict[str, int]:
    """How many of the sentences (place, start, end) hold each BM25 token of their chunk's
    language (what tallies.SentenceFrequency adds up over the documents)."""
    counts: Counter[str] = Counter()
    for place, start, end in rows:
        counts.update(frozenset(tokenize(text[start:end], langs[place])))
    return dict(sorted(counts.items()))  # stored in this order whatever the set order was
