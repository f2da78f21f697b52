"""Which of some documents a question names: "Que dit l'article 7 des CGV ?", "article 2 de
l'avenant", "Que prévoit l'article 8 du contrat de maintenance ?".

Several documents of a folder number their parts alike (the terms of sale, the house rules and
a contract each have an "Article 7"); the question says which one by a word of the document's
title ("conditions générales de vente", "avenant"), of its path ("cgv-tessera-2026.md") or by
the abbreviation its text defines in parentheses ("… conditions générales de vente (CGV)").
Trial s20: 5 of 10 such questions quoted another document's article.

The rule (`named_among`): a document is named by the words the question writes right after the
section it asks ("article 7 des CGV", "article 5 of the lease": a link, language data
`owner_links`, then a name; `_naming_words`) or after a source link before it ("Selon les
CGV, que dit l'article 7 ?", "According to the lease, …": `source_links`, `_named_before`),
folded, no stopword, that its name words hold;
a word elsewhere in the question is its topic ("What does article 5 of the lease say about
pets?" asks the lease, not the pets policy), and a question with no such phrase names none. Among
the documents given, those naming the most words are named, and among them those whose
title's first word the question writes ("AVENANT N° 1 AU CONTRAT DE MAINTENANCE" is an
avenant, not the contract it amends); none is named when no word names any, or when every
document given is named alike. No I/O; a document's text is read only for its abbreviations,
only its first ABBREVIATION_REACH characters, once while it is among the documents named last
(`name_words`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from citeqa.glossary import fold, language_words
from citeqa.lexical import content_words, stopwords
from citeqa.models import Document
from citeqa.recently_used import RecentlyUsed

__all__ = ["name_words", "named_among", "naming_words", "titled_among"]

ABBREVIATION_REACH = 5000
"""How far into a document's text (characters) the abbreviations it defines are looked for:
a definition stands near the top."""
_WORD = re.compile(r"[^\W_]+")
_ABBREVIATION = re.compile(r"\((\w{2,8})\)")
"""An abbreviation a text may define: a short word in parentheses ("(CGV)"), kept when in
capitals and the initials of the words before it (`_defines`)."""
_TOKEN = re.compile(r"[^\W_]+|[^\w\s]")
NAME_WORDS_MAX = 4
"""The most words, links and determiners aside, read as the name after a section reference
("du contrat de maintenance")."""
_APOSTROPHES = frozenset("'’")


def name_words(document: Document) -> frozenset[str]:
    """The folded words a document goes by: those of its title and of its id (its path), and
    the abbreviations in capitals its text defines in parentheses (`_ABBREVIATION`); read once
    while CACHED_DOCUMENTS are kept, by its id, its title and its text's hash (never by the
    text itself, which the cache would keep alive): a document read again otherwise (an index
    rebuilt, a file changed) is another key."""
    key = (document.doc_id, document.title, hash(document.text))
    return _CACHE.get(key, lambda: _read_name_words(document))


CACHED_DOCUMENTS = 64
"""How many documents' name words are kept (a few words each)."""
_CACHE: RecentlyUsed[tuple[str, str, int], frozenset[str]] = RecentlyUsed(CACHED_DOCUMENTS)


def _read_name_words(document: Document) -> frozenset[str]:
    """`name_words` of a document, read from its title, id and text."""
    words = set(_WORD.findall(fold(f"{document.title} {document.doc_id}")))
    head = document.text[:ABBREVIATION_REACH]
    words.update(
        fold(m.group(1))
        for m in _ABBREVIATION.finditer(head)
        if m.group(1).isupper() and _defines(m.group(1), head[: m.start()])
    )
    return frozenset(word for word in words if not word.isdigit())


def _defines(abbreviation: str, before: str) -> bool:
    """Whether `abbreviation`'s letters are the initials of the words right before it, stopwords
    skipped, and an elided article or preposition ("d'" of "conditions générales
    d'utilisation (CGU)"); not "les abonnements (HT)")."""
    letters = list(fold(abbreviation))
    for word in reversed(_WORD.findall(fold(before))[-2 * len(letters) - 2 :]):
        if not letters:
            break
        if word[0] == letters[-1]:
            letters.pop()
        elif word not in stopwords() and len(word) > 1:  # an elision's "d" of "d'utilisation"
            return False
    return not letters


def naming_words(question: str) -> frozenset[str]:
    """The folded words of a question that may name a document: those of the name written
    right after a section or a page it asks (`_naming_words`: "page 2 du compte rendu"), or
    after a source link before it, no stopword, no number."""
    return _question_words(question)


def _question_words(question: str) -> frozenset[str]:
    """The folded words of a question that may name a document: those of the name written
    right after a section it asks (`_naming_words`), no stopword, no number."""
    ignored = stopwords() | _cues()
    words = _naming_words(_TOKEN.findall(fold(question)))
    return frozenset(w for w in words if len(w) > 1 and not w.isdigit() and w not in ignored)


def _naming_words(tokens: list[str]) -> list[str]:
    """The words of each name written after a section reference: a section cue, its number, a
    link (`owner_links`: "of", "du", "des") and the words up to a punctuation mark or a
    stopword other than a link or a determiner ("the lease" in "article 5 of the lease say
    about pets", "contrat de maintenance" in "l'article 8 du contrat de maintenance ?")."""
    cues, links = _cues(), language_words("owner_links")
    joining = links | language_words("owner_determiners")
    words: list[str] = []
    first_section = True
    for at, token in enumerate(tokens[:-2]):
        number = at + 2 if tokens[at + 1] == "." else at + 1
        if token not in cues or not tokens[number][:1].isdigit():
            continue
        if first_section:
            words.extend(_named_before(tokens[:at], joining))
            first_section = False
        after = number + 1
        while after < len(tokens) and (tokens[after] == "." or tokens[after].isdigit()):
            after += 1
        if after < len(tokens) and tokens[after] in links:
            words.extend(_name_after(tokens[after + 1 :], joining))
    return words


def _cues() -> frozenset[str]:
    """The words naming a part of a document before its number: the language data's
    `section_cues` and `page_cues` ("article 7 des CGV", "page 2 du compte rendu")."""
    return language_words("section_cues") | language_words("page_cues")


def _named_before(tokens: list[str], joining: frozenset[str]) -> list[str]:
    """The words of each name written after a source link (language data `source_links`:
    "selon", "d'après", "according to") among `tokens`, those before the first section a
    question asks: "les CGV" of "Selon les CGV, que dit l'article 7 ?"."""
    words: list[str] = []
    for link in _source_links():
        size = len(link)
        for at in range(len(tokens) - size + 1):
            if tuple(tokens[at : at + size]) == link:
                words.extend(_name_after(tokens[at + size :], joining))
    return words


@functools.cache
def _source_links() -> tuple[tuple[str, ...], ...]:
    """The source links as the question's tokens read them ("d'apres": "d", "'", "apres")."""
    return tuple(tuple(_TOKEN.findall(link)) for link in sorted(language_words("source_links")))


def _name_after(tokens: list[str], joining: frozenset[str]) -> list[str]:
    """The leading words of `tokens` that make a name (see `_naming_words`), at most
    NAME_WORDS_MAX of them not joining words; an apostrophe ("de l'avenant") is skipped."""
    name: list[str] = []
    for token in tokens:
        if token in _APOSTROPHES:
            continue
        if not token[:1].isalnum() or (token in stopwords() and token not in joining):
            break
        name.append(token)
        if sum(word not in joining for word in name) == NAME_WORDS_MAX:
            break
    return name


TITLE_WORDS_MIN = 2
"""The fewest words a title or a file name has for a question writing them all to name its
document (`titled_among`): one word ("bail", "budget") is a topic as often."""


def titled_among(question: str, documents: Iterable[Document]) -> tuple[set[str], frozenset[str]]:
    """The ids of those of `documents` whose title, or whose file name, the question writes
    every word of (folded, no stopword, no number: "Régularisation des charges 2025" of
    "Combien le locataire doit-il pour la régularisation des charges ?", "facture-garage" of
    "… la facture du garage Lemoine ?"), TITLE_WORDS_MIN of them at least, with the words
    naming them; none when no document is so named or every one given is (s57 trial: the
    lease's rent sentence was quoted for the charges' balance)."""
    asked = frozenset(content_words(question))
    given = list(documents)
    named: dict[str, frozenset[str]] = {}
    for document in given:
        for words in _naming_sets(document.title, document.doc_id.rpartition("/")[2]):
            if words <= asked:
                named[document.doc_id] = named.get(document.doc_id, frozenset()) | words
    if not named or len(named) == len(given):
        return set(), frozenset()
    return set(named), frozenset().union(*named.values())


NAMES_KEPT = 1024
"""How many documents' title and file-name words `_naming_sets` keeps (read once a name, not
once a question: every question reads the candidates' documents)."""


@functools.lru_cache(maxsize=NAMES_KEPT)
def _naming_sets(title: str, file_name: str) -> tuple[frozenset[str], ...]:
    """The words of a document's `title` and of its `file_name` (folded, no stopword, no
    number), each set of TITLE_WORDS_MIN words or more (`titled_among`)."""
    found = (
        frozenset(w for w in content_words(name.replace("-", " ")) if w.isalpha())
        for name in (title, file_name)
    )
    return tuple(words for words in found if len(words) >= TITLE_WORDS_MIN)


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
