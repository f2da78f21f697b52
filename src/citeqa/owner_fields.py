"""A question asking an owner's field that the owner's record lacks: no other record answers it.

"Quel est le téléphone de Marc Dubois ?" on a directory whose Marc Dubois card writes no
"Téléphone :" line quoted Sophie Bernard's card (s35 hostile M4): record_fields.answering_fields
found no record answering, and the quote ranker then chose the line naming the field. Where
a document read holds a record writing the owner the question names but no field line of the
label it asks, which another record of that document has (record_fields.lacking_field), and no
record answers the question, an answer none of whose quotes writes every owner word (in its
text or its document's name words) outside that record, or what that record writes of the
field in a value ("Bureau : Téléphone : 09 …"), is of another record: the answer abstains,
naming the owner and the field.

No I/O; the documents are given.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from citeqa.document_names import name_words
from citeqa.field_lines import text_stems
from citeqa.folding import fold
from citeqa.models import Citation, Document
from citeqa.record_fields import (
    AskedWord,
    LackingField,
    answering_fields,
    lacking_field,
    records_of,
    without_possessive,
)


class LackingOwner(NamedTuple):
    owner: str
    """The owner as the question writes it ("Marc Dubois")."""
    label: str
    """The asked field as another record labels it ("Téléphone")."""


def owner_record_lacking(
    focus: str, words: list[AskedWord], documents: Sequence[Document]
) -> tuple[str, LackingField] | None:
    """The first of `documents` (a form's or a directory's: the caller reads only short ones)
    holding a record that lacks the field the question (`focus`, its record_fields.asked_words
    `words`) asks of its owner, with it; None when there is none or when a record of one of
    them answers the question."""
    found = None
    for document in documents:
        naming, records = name_words(document), records_of(document.text)
        if answering_fields(document.text, words, focus, naming, records):
            return None
        if found is None:
            lacking = lacking_field(document.text, words, focus, naming, records)
            found = None if lacking is None else (document.doc_id, lacking)
    return found


def unanswered_owner(
    focus: str,
    words: list[AskedWord],
    citations: Sequence[Citation],
    documents: Sequence[Document],
) -> LackingOwner | None:
    """The owner and field a record of `documents` lacks (`owner_record_lacking`) when none of
    the `citations` stands for it (see the module's docstring); else None."""
    if len(words) < 2:
        return None
    held = owner_record_lacking(focus, words, documents)
    if held is None:
        return None
    doc_id, lacking = held
    by_id = {document.doc_id: document for document in documents}
    if any(_stands(citation, doc_id, lacking, by_id) for citation in citations):
        return None
    named = (without_possessive(word) for word in re.findall(r"[^\W_][\w'’-]*", focus))
    owner = " ".join(word for word in named if fold(word) in lacking.owner)
    return LackingOwner(owner, lacking.label)


def _stands(
    citation: Citation, doc_id: str, lacking: LackingField, documents: dict[str, Document]
) -> bool:
    """Whether the citation quotes what the lacking record writes of the field, or writes
    every owner word (its document's name words count) outside that record (`_outside`)."""
    inside = citation.doc_id == doc_id and lacking.start <= citation.start < lacking.end
    if inside:
        return any(
            start < citation.end and citation.start < end for start, end in lacking.mentioning
        )
    document = documents.get(citation.doc_id)
    written = text_stems(_outside(citation, doc_id, lacking))
    naming = name_words(document) if document is not None else frozenset()
    return all(
        text_stems(word) & written or word in naming or word in written for word in lacking.owner
    )


def _outside(citation: Citation, doc_id: str, lacking: LackingField) -> str:
    """The citation's quote without what it quotes of the lacking record: a passage running
    from another card into the owner's writes the owner, yet quotes the other card's line
    (s38 review: Helen Price's "Phone:" line for Tom Baker's phone). A line naming the owner
    outside every record is no card: a passage reaching it still stands."""
    first = max(lacking.start, citation.start) - citation.start
    last = min(lacking.end, citation.end) - citation.start
    verbatim = len(citation.quote) == citation.end - citation.start
    if citation.doc_id != doc_id or first >= last or not verbatim or not lacking.card:
        return citation.quote
    return citation.quote[:first] + "\n" + citation.quote[last:]
