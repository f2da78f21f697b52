"""What an update takes from the previous version of a changed document: the vectors of those of
its chunks and sentences whose text that version had.

Every channel computes a chunk's vector from its passage text alone (chunkpass.passage_text:
its heading, then its text) and the answer channel a sentence's from the sentence's text alone
(contents.py), each as embedding.model_texts reads it, so equal texts have equal vectors in
builds of the same models. A build takes from the previous one only when that one was built
with its models, chunk settings and cutting version (previousindex._compatible; else it is
built in full), so an index embedded by a citeqa that read words with their zero-width
characters lends nothing: its cutting version is older. A chunk of a changed document whose
passage text is that of a chunk of the document's previous version (in the previous build, read
a document at a time by reuse.Previous) takes that chunk's vectors in every channel; a sentence
whose text is that of a sentence of the previous version takes its sentence vector; only the
rest is embedded. So a line appended to a long journal re-embeds its last chunk or two and the
new sentences, not the whole journal. Texts are compared whole, as strings (no hash stands in for
them), and a document a new reader reads again (rereading.py) takes them alike: a vector is its
embedded text's, whichever reader wrote that text (reuse.Previous.holds), so only the text the
new reader writes otherwise is embedded. A previous version whose chunks or text do not read as
its build wrote them gives nothing: the document is then embedded in full, as before this
existed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from citeqa.chunkpass import Tally, passage_text
from citeqa.errors import IndexCorrupt
from citeqa.jsonlines import LineReader
from citeqa.models import Chunk, Document
from citeqa.reuse import Previous


@dataclass(frozen=True)
class SameTexts:
    """A changed document's chunks and sentences whose text its previous version had, each as
    (place in the document, place in the previous version) int64 rows, by the latter."""

    chunks: np.ndarray
    sentences: np.ndarray


def _pairs(places: dict[int, int]) -> np.ndarray:
    """(place, previous place) rows, ascending by the previous place."""
    rows = np.array(sorted(places.items(), key=lambda pair: pair[1]), dtype=np.int64)
    return rows.reshape(-1, 2)


NOTHING = SameTexts(_pairs({}), _pairs({}))


@dataclass(frozen=True)
class Reused:
    """What a build takes from the previous one: the whole of each `kept` document (unchanged),
    and per changed document the vectors of its chunks and sentences of unchanged text."""

    previous: Previous | None = None
    kept: set[str] = field(default_factory=set)
    same: dict[str, SameTexts] = field(default_factory=dict)
    """Per changed document the previous build holds (none when nothing of it is the same)."""

    def of(self, doc_id: str) -> SameTexts:
        """The document's chunks and sentences of unchanged text (none for a kept one)."""
        return self.same.get(doc_id, NOTHING)

    def chunks_taken(self) -> int:
        """How many chunks of changed documents take their vectors from the previous build."""
        return sum(len(same.chunks) for same in self.same.values())


def reused(
    previous: Previous | None,
    kept: set[str],
    documents: Sequence[Document],
    chunks: LineReader[Chunk],
    tally: Tally,
    sentences: np.ndarray | None,
) -> Reused:
    """What the build takes from `previous`: the `kept` documents whole, and the chunks and
    sentences of unchanged text of the others (their sentences only when the build embeds them:
    `sentences`, the rows (document, chunk, start, end) of its sentence table)."""
    if previous is None:
        return Reused()
    same = {}
    for number, (doc_id, run) in enumerate(tally.chunks.items()):
        if doc_id in kept or not previous.holds(doc_id):
            continue
        first, count = tally.sentences[doc_id]
        spans = None if sentences is None or not count else sentences[first : first + count, 2:4]
        new = chunks.each(run.first, run.count)
        found = _same_texts(
            previous, doc_id, new, None if spans is None else documents[number], spans
        )
        if len(found.chunks) or len(found.sentences):
            same[doc_id] = found
    return Reused(previous, kept, same)


def _same_texts(
    previous: Previous,
    doc_id: str,
    chunks: Iterable[Chunk],
    document: Document | None,
    spans: np.ndarray | None,
) -> SameTexts:
    """The document's chunks (`chunks`, in order) and sentences (`spans`, (start, end) in the
    text of `document`; none when the build embeds no sentence) whose text its previous
    version had."""
    try:
        earlier = _places(passage_text(chunk) for chunk in previous.chunks(doc_id))
        taken = _pairs(_matches((passage_text(chunk) for chunk in chunks), earlier))
        if document is None or spans is None:
            return SameTexts(taken, NOTHING.sentences)
        return SameTexts(taken, _pairs(_same_sentences(previous, doc_id, document, spans)))
    except IndexCorrupt:  # not as its build wrote it: embedded in full
        return NOTHING


def _same_sentences(
    previous: Previous, doc_id: str, document: Document, spans: np.ndarray
) -> dict[int, int]:
    """Per sentence (`spans` in `document`) whose text a sentence of the previous version had,
    with a stored vector, the latter's place; none when that build stored no sentence vector."""
    if not previous.stores_sentence_vectors():
        return {}
    rows = previous.sentence_rows(doc_id)
    text = previous.text(doc_id)
    earlier = _places(text[start:end] for _, start, end in rows.tolist())
    new = document.text
    return _matches((new[start:end] for start, end in spans.tolist()), earlier)


def _places(texts: Iterable[str]) -> dict[str, int]:
    """Each text's first place among `texts`."""
    places: dict[str, int] = {}
    for place, text in enumerate(texts):
        places.setdefault(text, place)
    return places


def _matches(texts: Iterable[str], earlier: dict[str, int]) -> dict[int, int]:
    """Per text of `texts` found in `earlier`, its place there."""
    return {place: earlier[text] for place, text in enumerate(texts) if text in earlier}
