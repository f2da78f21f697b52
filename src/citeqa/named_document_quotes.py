"""Which candidate quotes a question naming one of several documents weighs down.

A question may name a document by a capitalised word of its title or id ("Combien de comprimés
de Doliprane par jour au maximum ?": numbered_heading_values.named_documents). Of sibling
documents laid out alike (two medicine leaflets, each section its own passage, neither naming
its medicine), the other one's section may outrank the named one's: the Advil leaflet's dose
was quoted (s49, the leaflets of s48's trial). So a candidate from a document the question does
not name is weighed down as a sentence without the asked value is (MISSING_VALUE_WEIGHT) when
it stands in a section a named document has too (two leaflets' "POSOLOGIE") or its document
never writes the naming word ("Who funded the LAMP paper?" quoted another paper's funding line).
A document writing the word is left alone: the bank statement answering "le solde après le
prélèvement de la TVA du T3" writes "TVA", the VAT table's file name; weighing down every
unnamed document cost admin and notes answers (evals/README.md, session 49). A question writing
every word of a document's title or file name names it too (document_names.titled_among: "la
régularisation des charges" of "Régularisation des charges 2025"); a document that does not
write all those words is then weighed down (the lease, writing "charges" but never
"régularisation", had its rent sentence quoted: s57 trial).

The named documents' sections and the unnamed ones' folded texts are read once a document while
the sentence bank lives (FOLDED_DOCUMENTS_KEPT folded texts at most: folding the whole corpus,
as answering.named_texts does, doubles its text in memory). No I/O.
"""

from __future__ import annotations

import re
import threading
import weakref
from collections.abc import Callable, Collection
from typing import TypeVar

import numpy as np

from citeqa.asked_values import MISSING_VALUE_WEIGHT
from citeqa.candidates import Candidates
from citeqa.document_names import titled_among
from citeqa.glossary import fold
from citeqa.lexical import fold as lexical_fold
from citeqa.numbered_heading_values import named_documents, naming_words
from citeqa.sentences import SentenceBank

__all__ = ["of_named_document_first"]

_T = TypeVar("_T")

FOLDED_DOCUMENTS_KEPT = 64
"""The most documents whose folded text is kept a bank (then it starts afresh)."""


def of_named_document_first(
    scores: np.ndarray, candidates: Candidates, bank: SentenceBank, focus: str
) -> np.ndarray:
    """The quote ranker's weighed ratings `scores` of the `candidates`, those the module's rule
    sets aside for the question `focus` weighed down."""
    doc_ids = [bank.sentences[item.index].doc_id for item in candidates.sentences]
    documents = [bank.documents[d] for d in dict.fromkeys(doc_ids)]
    named = named_documents(focus, documents)
    words, every = naming_words(focus, documents, named), False
    if not named:  # named by all the words of its title or file name: read for all of them
        (named, words), every = titled_among(focus, documents), True
    if not named:
        return scores
    shared = _sections_of(bank, named)
    unnamed = {doc_id for doc_id in doc_ids if doc_id not in named}
    silent = _never_writing(bank, unnamed, words, every)
    aside = np.array(
        [
            doc_id in silent or (doc_id in unnamed and _section_of(bank, item.index) in shared)
            for doc_id, item in zip(doc_ids, candidates.sentences, strict=True)
        ]
    )
    return np.where(aside, scores * MISSING_VALUE_WEIGHT, scores)


def _never_writing(
    bank: SentenceBank, doc_ids: set[str], words: frozenset[str], every: bool = False
) -> set[str]:
    """Those of the documents `doc_ids` whose id and text (folded, `_folded_document`) write
    none of `words` as a word (`every`: not every one of them, a word of a snake_case name
    written too: a sheet's "error_budget_min_month" column writes "error" and "budget", as
    the sheet "error_budget_2025" is named; sheets test, s57)."""
    if not words:
        return set()
    patterns = [re.compile(rf"(?<!\w){re.escape(word)}(?!\w)") for word in sorted(words)]

    def silent(doc_id: str) -> bool:
        text = _folded_document(bank, doc_id)
        text = text.replace("_", " ") if every else text
        found = [pattern.search(text) is not None for pattern in patterns]
        return not all(found) if every else not any(found)

    return {d for d in doc_ids if silent(d)}


def _folded_document(bank: SentenceBank, doc_id: str) -> str:
    """The document's id and chunks' text folded as asked_names.folded_texts folds them."""

    def folded() -> str:
        chunks = (bank.chunks[number].text for number in bank.chunks_of(doc_id))
        return lexical_fold(doc_id + "\n" + "\n".join(chunks))

    return _remembered(_FOLDED, bank, doc_id, folded, FOLDED_DOCUMENTS_KEPT)


def _sections_of(bank: SentenceBank, doc_ids: Collection[str]) -> set[str]:
    """The sections (folded) the chunks of the documents `doc_ids` stand in."""

    def sections(doc_id: str) -> Callable[[], frozenset[str]]:
        chunks = (bank.chunks[number] for number in bank.chunks_of(doc_id))
        return lambda: frozenset(fold(chunk.section) for chunk in chunks if chunk.section)

    held = (_remembered(_SECTIONS, bank, d, sections(d)) for d in doc_ids)
    return set().union(*held)


def _section_of(bank: SentenceBank, index: int) -> str | None:
    """The section (folded) the chunk of the bank's sentence `index` stands in, if any."""
    section = bank.chunks[bank.sentences[index].chunk_index].section
    return fold(section) if section else None


def _remembered(
    store: weakref.WeakKeyDictionary[SentenceBank, dict[str, _T]],
    bank: SentenceBank,
    doc_id: str,
    compute: Callable[[], _T],
    most: int | None = None,
) -> _T:
    """`compute()` for the document `doc_id`, kept in `store` while `bank` lives (`most`
    documents at most: then the bank's are dropped and kept afresh)."""
    with _LOCK:
        known = store.setdefault(bank, {})
        if doc_id not in known and most is not None and len(known) >= most:
            known.clear()
        if doc_id not in known:
            known[doc_id] = compute()
        return known[doc_id]


_FOLDED: weakref.WeakKeyDictionary[SentenceBank, dict[str, str]] = weakref.WeakKeyDictionary()
_SECTIONS: weakref.WeakKeyDictionary[SentenceBank, dict[str, frozenset[str]]] = (
    weakref.WeakKeyDictionary()
)
_LOCK = threading.Lock()
