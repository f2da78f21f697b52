"""A SentenceBank of one document cut as a build cuts it: chunks, then sentences by the tally
pass's own reading (tallies.document_sentences), no vectors and no tokens. Shared by the unit
tests that rank or read the sentences of one small document."""

from __future__ import annotations

from citeqa.chunking import chunk_document
from citeqa.models import Document, Sentence
from citeqa.sentences import SentenceBank
from citeqa.tallies import document_sentences


def one_document_bank(text: str, kind: str, title: str = "d") -> SentenceBank:
    """`text` as document "d" of reader `kind` ("md", "docx", "pdf") titled `title`."""
    document = Document(doc_id="d", title=title, path="/d", text=text, sha256="0")
    chunks = chunk_document(document)
    rows = document_sentences(text, [(i, c.start, c.end) for i, c in enumerate(chunks)], kind)
    sentences = [
        Sentence(doc_id="d", chunk_index=int(c), start=int(s), end=int(e)) for c, s, e in rows
    ]
    return SentenceBank({"d": document}, chunks, sentences, None, [frozenset()] * len(sentences))


def sentence_opening(bank: SentenceBank, words: str) -> int:
    """The index of the first sentence of document "d" of `bank` opening with `words`."""
    text = bank.documents["d"].text
    return next(i for i, s in enumerate(bank.sentences) if text[s.start : s.end].startswith(words))
