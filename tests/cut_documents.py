"""Test helper: one document cut into passages and sentences as a build cuts it, with its
sentence bank (the answer-side tests of list numbers and asked durations)."""

from __future__ import annotations

from citeqa.chunking import chunk_document
from citeqa.lexical import tokenize
from citeqa.models import Document, Hit, Sentence
from citeqa.sentences import SentenceBank
from citeqa.tallies import document_sentences


def cut_document(text: str, title: str, lang: str) -> tuple[SentenceBank, list[Hit], list[str]]:
    """The bank of one document (`title`, words read in `lang`) cut as a build cuts it, its
    passages as hits and its sentences' texts."""
    doc = Document(doc_id="d", title=title, path="/d.md", text=text, sha256="0", kind="md")
    chunks = list(chunk_document(doc))
    rows = document_sentences(text, [(n, c.start, c.end) for n, c in enumerate(chunks)], "md")
    sentences = [Sentence(doc_id="d", chunk_index=n, start=a, end=b) for n, a, b in rows.tolist()]
    cut = [text[s.start : s.end] for s in sentences]
    tokens = [frozenset(tokenize(sentence, lang)) for sentence in cut]
    bank = SentenceBank({"d": doc}, chunks, sentences, None, tokens)
    hits = [Hit(chunk=chunk, chunk_index=n, score=1.0) for n, chunk in enumerate(chunks)]
    return bank, hits, cut
