"""Owns the documents of a version a question asks ("la version 2 du protocole", "in version 3.1")
as their path or title names it (a folder or file name that is a version, "docs/v2/guide",
"versions/2.0/limits": versions.path_version; else a version ending its file name's stem,
"protocole_v2", "DE-12_cuisine-v1", "Devis V3": versions.stem_version; else one version in the
title, "Protocole … (v2)": versions.title_version): which they are, and the passages of theirs
read beyond those retrieved. A version inside a longer file name ("report_2024_v3_final") is
none. A file name's version counts only for the documents the question names (document_names.
named_among, or a word of its name the best document's name does not write) or, when it names
none, the best document (the first given) and its copies (superseded.copies: "devis_v1" of
"devis_v2"): "planning_v2" is no version 2 of the quote the question asks about (s32 review: it
took over "la v2 du devis" from "devis_cuisine", whose text says it is version 2). A version is
asked by its number ("la version 2", "la v1", "v2") or by an ordinal word ("la première
version", "the first version": versions.asked_file_versions; s31 trial a21).

Such a document is that version's whole: each of its sentences is of the asked version, wherever
it stands (section_answers.under_asked_section quotes only them). A number asked as a numbered
section (numbered_sections.py) stands under a line or heading opening with it; a protocol's
steps stand under no heading naming its version (s30 trial a02: only its "Version 2 — 14 octobre
2025 — rédigé par …" line opened with "2", and was quoted for how long a step lasts). Retrieval
returns such a document's first passage (its title writes the version and the question's words);
the steps, in a later passage, write neither, so its other passages are read too, VERSION_CHARS
characters at most, as dated_meetings.with_asked_meeting reads an asked meeting's notes. No I/O:
the documents are the bank's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from citeqa.document_names import name_words, named_among
from citeqa.lexical import fold, stopwords
from citeqa.models import Document, Hit
from citeqa.numbered_sections import asked_numbers
from citeqa.sentences import SentenceBank
from citeqa.superseded import copies
from citeqa.versions import (
    Version,
    asked_file_versions,
    name_less_version,
    path_version,
    stem_version,
    title_version,
)
from citeqa.whole_documents import least_scores, with_documents_read

VERSION_CHARS = 20_000
"""How many characters of the asked version's documents (`with_asked_version`) are read at
most, their passages retrieved counted: a protocol or a page is a few thousand; a manual of
hundreds of pages is read no further than its first pages."""


def asked_version_documents(question: str, documents: Iterable[Document]) -> frozenset[str]:
    """The ids of `documents` (the best ranked first) of a version `question` asks
    (versions.asked_file_versions), as their path (`path_version`: "docs/v2/limits"), else
    for the documents whose file name's version counts (`_stem_versions_counted`), the end of
    their file name's stem (`stem_version`: "devis_v2"), else their title (`title_version`:
    "Protocole de marquage (v2)") names it or one under it (`_of_version`: "version 2" asks
    "v2.1"; a page of "v3" is not all of "version 3.5.1", a changelog's section)."""
    asked = asked_file_versions(question)
    if not asked:
        return frozenset()
    given = list(documents)
    counted = _stem_versions_counted(question, given)
    return frozenset(
        document.doc_id
        for document in given
        if (named := named_version(document, document.doc_id in counted))
        and any(_of_version(named, version) for version in asked)
    )


def named_version(document: Document, stem: bool = True) -> Version | None:
    """The version `document`'s path, file name's ending (with `stem`) or title names
    (`asked_version_documents`)."""
    doc_id = document.doc_id
    return (
        path_version(doc_id)
        or (stem_version(doc_id) if stem else None)
        or title_version(document.title or "")
    )


def _stem_versions_counted(question: str, documents: list[Document]) -> set[str]:
    """The ids of `documents` whose file name's version counts for `question`: those it names
    (document_names.named_among, else those whose name writes a word of it the first, best
    document's name does not, or, when it writes a word of the best's name, those of the best's
    file name less its version: versions.name_less_version), else the best; each with its
    copies among `documents`. Another client's file writing the same asked word ("devis" of
    devis_dupont_v2 beside devis_martin_v3) is no version of the best (s34 review M1a)."""
    if not documents:
        return set()
    named = named_among(question, documents)
    if not named:
        words = _question_words(question)
        best_words = name_words(documents[0])
        best_stem = name_less_version(documents[0].doc_id) if words & best_words else None
        named = {
            d.doc_id
            for d in documents
            if (words & name_words(d)) - best_words
            or (best_stem is not None and name_less_version(d.doc_id) == best_stem)
        }
        named.add(documents[0].doc_id)
    return _with_copies([document.doc_id for document in documents], named)


def versioned_documents(documents: Iterable[Document]) -> set[str]:
    """The ids of `documents` whose path, file name or title names a version (`named_version`),
    each with its copies among them (superseded.copies: "devis" beside "devis_v2")."""
    given = list(documents)
    versioned = {document.doc_id for document in given if named_version(document)}
    return _with_copies([document.doc_id for document in given], versioned)


def _with_copies(ids: list[str], chosen: set[str]) -> set[str]:
    """The `chosen` among `ids`, and those of `ids` that are copies of one of them, or whose
    copies one is, or that are copies of the same file (superseded.copies)."""
    found = copies(ids)

    def current(doc_id: str) -> str:
        return found[doc_id].current if doc_id in found else doc_id

    currents = {current(doc_id) for doc_id in chosen}
    return {doc_id for doc_id in ids if current(doc_id) in currents}


_WORD = re.compile(r"[^\W_]+")


def _question_words(question: str) -> frozenset[str]:
    """The folded words of `question` that may name a document: no stopword, none writing a
    digit ("v2", "2026")."""
    return frozenset(
        word
        for word in _WORD.findall(fold(question))
        if len(word) > 1 and not any(c.isdigit() for c in word) and word not in stopwords()
    )


def asks_version(question: str) -> bool:
    """Whether `question` asks a numbered part (numbered_sections.asked_numbers: "version 2")
    or a version ("la v1", "la première version": versions.asked_file_versions)."""
    return bool(asked_numbers(question) or asked_file_versions(question))


def _of_version(named: Version, asked: Version) -> bool:
    """Whether a document's version `named` is the `asked` one or one under it (2.1 under 2)."""
    return named[: len(asked)] == asked


def version_documents_read(top: Sequence[Hit], bank: SentenceBank, question: str) -> frozenset[str]:
    """The ids of the documents of `top` of the version the question asks as a numbered part
    (`asked_version_documents`; only a question asking a number or a version: `asks_version`),
    read once a question for `with_asked_version` and section_answers.under_asked_section (each read
    them again, the latter once a quote was chosen: up to four times a question)."""
    if not top or not asks_version(question):
        return frozenset()
    read = dict.fromkeys(hit.chunk.doc_id for hit in top)
    return asked_version_documents(question, (bank.documents[doc_id] for doc_id in read))


def with_asked_version(top: list[Hit], bank: SentenceBank, asked: frozenset[str]) -> list[Hit]:
    """The passages `top`, and after them the other passages of the documents of `top` of the
    version the question asks (`asked`: `version_documents_read`), in their order, VERSION_CHARS
    characters at most, each scored as its document's least retrieved passage."""
    if not top or not asked:
        return top
    least = least_scores(top)
    read = [doc_id for doc_id in least if doc_id in asked]
    return with_documents_read(top, bank, read, least, VERSION_CHARS)
