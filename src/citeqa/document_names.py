"""Which of some documents a question names: "Que dit l'article 7 des CGV ?", "article 2 de
l'avenant", "Que prévoit l'article 8 du contrat de maintenance ?".

Several documents of a folder number their parts alike (the terms of sale, the house rules and
a contract each have an "Article 7"); the question says which one by a word of the document's
title ("conditions générales de vente", "avenant"), of its path ("cgv-tessera-2026.md") or by
the abbreviation its text defines in parentheses ("… conditions générales de vente (CGV)").
Trial s20: 5 of 10 such questions quoted another document's article.

The rule (`named_among`): a document is named by the question's content words (folded, no
stopword, no section cue: numbered_sections' language data) that its name words hold; among
the documents given, those naming the most words are named, and among them those whose
title's first word the question writes ("AVENANT N° 1 AU CONTRAT DE MAINTENANCE" is an
avenant, not the contract it amends); none is named when no word names any, or when every
document given is named alike. No I/O; a document's text is read only for its abbreviations,
only its first ABBREVIATION_REACH characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from citeqa.glossary import fold, language_words
from citeqa.lexical import stopwords
from citeqa.models import Document

__all__ = ["name_words", "named_among"]

ABBREVIATION_REACH = 5000
"""How far into a document's text (characters) the abbreviations it defines are looked for:
a definition stands near the top."""
_WORD = re.compile(r"[^\W_]+")
_ABBREVIATION = re.compile(r"\((\w{2,8})\)")
"""An abbreviation a text defines: a short word in capitals in parentheses ("(CGV)")."""


def name_words(document: Document) -> frozenset[str]:
    """The folded words a document goes by: those of its title and of its id (its path), and
    the abbreviations in capitals its text defines in parentheses (`_ABBREVIATION`)."""
    words = set(_WORD.findall(fold(f"{document.title} {document.doc_id}")))
    head = document.text[:ABBREVIATION_REACH]
    words.update(fold(m.group(1)) for m in _ABBREVIATION.finditer(head) if m.group(1).isupper())
    return frozenset(word for word in words if not word.isdigit())


def _question_words(question: str) -> frozenset[str]:
    """The folded content words of a question that may name a document: no stopword, no
    section cue ("article"), no number."""
    ignored = stopwords() | language_words("section_cues")
    words = _WORD.findall(fold(question))
    return frozenset(w for w in words if len(w) > 1 and not w.isdigit() and w not in ignored)


def _title_head(document: Document) -> str:
    """The folded first word of a document's title ("" when it has none)."""
    words = _WORD.findall(fold(document.title))
    return words[0] if words else ""


def named_among(question: str, documents: Iterable[Document]) -> set[str]:
    """The ids of those of `documents` the question names (see the module docstring); an empty
    set when it names none or names them all alike."""
    asked = _question_words(question)
    given = list(documents)
    if not asked or len(given) < 2:
        return set()
    scores = {
        doc.doc_id: (len(asked & name_words(doc)), _title_head(doc) in asked) for doc in given
    }
    best = max(scores.values())
    if best[0] == 0:
        return set()
    named = {doc_id for doc_id, score in scores.items() if score == best}
    return set() if len(named) == len(given) else named
