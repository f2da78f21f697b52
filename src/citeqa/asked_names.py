"""Owns which documents may answer a question that names someone or something in several
words the corpus writes: "Combien la Fondation de France nous a-t-elle accordé ?" was answered by
another foundation's award letter ("Fondation Savoirs Partagés … 45 000 euros") sharing the
question's other words, and "le certificat médical de Paul Marchand" by the club's rules; the
absent-word checks never fire, since the corpus writes every word somewhere (s35 trial cause 6;
s29 n08).

A name here is two capitalised words or more of the question, with at most two of the data's
name particles between them ("Fondation de France", "Paul Marchand", "Roi du Maroc"; particles of
data/absent_names.json): not at the question's first word, nor right after an apostrophe, in a
question not written in title case (`_in_title_case`: "Does Mammographic Density have an
Impact on…" names nothing). It counts only when some document writes it, its
words in that order with nothing but spaces or punctuation between them, folded, in its text or
path (`writers`; a name of two words in either order, as a roster's "Nom | Prénom"
columns write it; a title before it is no part of it: "Dr Benhamou" is written "Dr. Benhamou"):
a name no document writes is left to the other checks. A candidate answers only when its
document writes every such name (answering.of_named_documents); when none does, none answers
if one of their documents writes a word of a name (`write_a_part`: another entity sharing it,
"Sophie Marchand" for "Paul Marchand"), else all do: a document may name its subject
otherwise (a paragraph goes on about the person the one before names: PIAF paragraphs, dev).

A single capitalised word is no name here: measured on the dev sets (s35 attempt bc5deb04), one
word is too often written by the answering document in another form ("Tokyo" for the
Japanese state, "London" where the text writes "Londres") while one unrelated document writes it,
and requiring it cost false abstentions on every answerable set.

The documents' folded texts are read from the index's chunks once a bank
(answering.named_texts).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache

from citeqa.glossary import fold
from citeqa.jsonfiles import data_json
from citeqa.lexical import fold as lexical_fold
from citeqa.lexical import stopwords

_CAPITALISED = r"[A-ZÀ-Þ][^\W\d_'’]*(?:-[^\W\d_]+)*"
_LETTERS = re.compile(r"[^\W\d_]+")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")

TITLE_CASE_RUNS = 3
"""How many runs of capitalised words, with at most one content word in lower case, make a
question written in title case (a paper's title)."""


@cache
def _name_pattern() -> re.Pattern[str]:
    """Two capitalised words or more, each after at most two of the data's particles, an English
    genitive after them ("Jean-Luc Picard's")."""
    particles = sorted(data_json("absent_names.json")["name_particles"], key=len, reverse=True)
    particle = "|".join(
        re.escape(word) if word[-1] in "'’" else rf"{re.escape(word)}[ \u00a0]+"
        for word in particles
    )
    after = rf"[ \u00a0]+(?:{particle}){{0,2}}{_CAPITALISED}"
    return re.compile(rf"(?<![\w'’-]){_CAPITALISED}(?:{after})+(?=['’]s(?!\w)|(?![\w'’-]))")


def asked_names(question: str) -> list[tuple[str, ...]]:
    """The names the question writes (the module docstring's rule, but for the corpus), each
    its folded words in order ("Fondation de France": ("fondation", "de", "france"))."""
    words = _WORD.findall(question)
    if not words or _in_title_case(words):
        return []
    first = re.search(r"[^\W\d_]", question)
    titles = _titles()
    names = []
    for match in _name_pattern().finditer(question):
        if first is not None and match.start() == first.start():
            continue
        words = [fold(word) for word in _LETTERS.findall(match.group())]
        while words and words[0] in titles:
            words = words[1:]  # "Dr Benhamou" may be written "Dr. Benhamou", "docteur Benhamou"
        if len(words) > 1:
            names.append(tuple(words))
    return names


@cache
def _titles() -> frozenset[str]:
    """The data's titles ("Dr", "Mme", "Professor"), folded without their dot."""
    return frozenset(fold(title.rstrip(".")) for title in data_json("absent_names.json")["titles"])


def _in_title_case(words: list[str]) -> bool:
    """Whether the question, its first word aside, capitalises TITLE_CASE_RUNS runs of words or
    more, between stopwords, and writes at most one content word (no stopword) in lower case: a
    title's case ("Recovery Outcome Measures: Is There a Place for Culture…"), not names."""
    runs, lower, before = 0, 0, False
    for word in words[1:]:
        capitalised = word[0].isupper()
        runs += capitalised and not before
        lower += not capitalised and fold(word) not in stopwords()
        before = capitalised
    return runs >= TITLE_CASE_RUNS and lower <= 1


def folded_texts(pieces: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Each document's folded path and text, of its (doc_id, text) `pieces` (an index's chunks,
    in memory: reading every document's record cost 0.3 ms a document a question), folded as
    lexical.content_words folds (glossary.fold also collapses spaces: 3x slower on 500
    abstracts)."""
    texts: dict[str, list[str]] = {}
    for doc_id, text in pieces:
        texts.setdefault(doc_id, [doc_id]).append(text)
    return {doc_id: lexical_fold("\n".join(parts)) for doc_id, parts in texts.items()}


def writers(name: tuple[str, ...], texts: Mapping[str, str]) -> frozenset[str]:
    """The ids of the documents of `texts` (`folded_texts`) writing `name`: its words in order,
    or a name of two words in either order ("Marchand Paul" of a roster's columns), nothing
    but spaces or punctuation between them, an underscore of a path too. Each text is searched
    only when it holds every word of the name (a search in C; the pattern's lookarounds cost
    seconds a question over 500 abstracts)."""
    orders = [name, name[::-1]] if len(name) == 2 else [name]
    pattern = re.compile(
        "|".join(
            r"(?<![^\W_])" + r"[\W_]+".join(map(re.escape, words)) + r"(?![^\W_])"
            for words in orders
        )
    )
    return frozenset(
        doc_id
        for doc_id, text in texts.items()
        if all(word in text for word in name) and pattern.search(text)
    )


def names_written_by(
    names: list[tuple[str, ...]], texts: Mapping[str, str]
) -> dict[tuple[str, ...], frozenset[str]]:
    """Of `names`, those some document of `texts` writes, each with the ids of its writers."""
    found = {}
    for name in dict.fromkeys(names):
        ids = writers(name, texts)
        if ids:
            found[name] = ids
    return found


def write_a_part(names: Iterable[tuple[str, ...]], texts: Iterable[str]) -> bool:
    """Whether one of the folded `texts` writes a word of one of `names`, its particles and
    stopwords aside ("Marchand" of "Sophie Marchand" for "Paul Marchand", "Fondation" of
    "Fondation Savoirs Partagés" for "Fondation de France"): another entity sharing a word."""
    words = {word for name in names for word in name if word not in stopwords()} - _particles()
    if not words:
        return False
    alternatives = "|".join(map(re.escape, sorted(words)))
    pattern = re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])")
    return any(pattern.search(text) for text in texts)


@cache
def _particles() -> frozenset[str]:
    """The data's name particles, folded ("de", "van", "von"; "d'" is "d")."""
    particles = data_json("absent_names.json")["name_particles"]
    return frozenset(word for particle in particles for word in _LETTERS.findall(fold(particle)))
