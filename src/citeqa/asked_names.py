"""Owns which documents may answer a question that names someone or something in several
words the corpus writes: "Combien la Fondation de France nous a-t-elle accordé ?" was answered by
another foundation's award letter ("Fondation Savoirs Partagés … 45 000 euros") sharing the
question's other words, and "le certificat médical de Paul Marchand" by the club's rules; the
absent-word checks never fire, since the corpus writes every word somewhere (s35 trial cause 6;
s29 n08).

A name here is two capitalised words or more of the question, with at most two of the data's name
particles between them ("Fondation de France", "Paul Marchand", "Roi du Maroc"; particles of
data/absent_names.json): the question's first word, capitalised anyway, no part of it ("Did Paul
Marchand pay?"), nor right after an apostrophe, in a question not written in title case
(`_in_title_case`: "Does Mammographic Density have an Impact on…" names nothing). It counts only
when some document writes it, its words in that order with nothing but spaces, punctuation or a
middle initial between them ("Anne M. Lefort"), unaccented, each word capitalised in its text (a
capitalised phrase of the question may be an ordinary one: "the next Board Meeting"; once one
document does, its first word capitalised is enough: "le Conseil municipal", as French writes a
body's name) or in any case in its path (`writers`; or its surname first,
as a roster's "Nom | Prénom" columns write it: "Dupont Jean-Pierre", "de la Tour Marie"; a title
before it is no part of it: "Dr Benhamou" is written "Dr. Benhamou"): a name no document writes, or
one a document's text writes all in lower case (an ordinary phrase: "the board meeting";
`written_in_lower_case`), or one made of English words alone ("Board Meeting", "Annual Report", also
"Jean Dupont": `_of_ordinary_words`), is left to the other checks. A candidate answers only when its
document writes every such name if one does, else one of them ("Anne Roux and Paul Marchand": each
one's own receipt; answering.of_named_documents), or when its document writes one it lacks in short
(`writes_short_form`: "la Fondation", "M. Marchand") and no other capitalised name sharing a word
of it (`writes_another_name`: "Sophie Marchand", "Fondation Savoirs Partagés"; s37 hostile probe
H2). A document writing a word of it otherwise stays set aside: keeping every document but those
writing another name cost three dev answers (a PIAF paragraph writing "Herrmann" alone outranked
the one writing "Hans Herrmann"; "Ronald F. van Vollenhoven" for "R van Vollenhoven"); when none
writes any, none answers if the question
asks one name and one of their documents writes a word of it (`write_a_part`: another entity sharing
it, "Sophie Marchand" for "Paul Marchand"), else all do: a document may name its subject otherwise
(a paragraph goes on about the person the one before names: PIAF paragraphs, dev).

A single capitalised word is no name here: measured on the dev sets (s35 attempt bc5deb04), one
word is too often written by the answering document in another form ("Tokyo" for the
Japanese state, "London" where the text writes "Londres") while one unrelated document writes it,
and requiring it cost false abstentions on every answerable set.

The documents' folded texts are read from the index's chunks once a bank
(answering.named_texts).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

from citeqa.folding import unaccented
from citeqa.glossary import fold
from citeqa.jsonfiles import data_json
from citeqa.known_words import known_word
from citeqa.lexical import fold as lexical_fold
from citeqa.lexical import stopwords

_CAPITALISED = r"[A-ZÀ-Þ][^\W\d_'’]*(?:-[^\W\d_]+)*"
_LETTERS = re.compile(r"[^\W\d_]+")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")

TITLE_CASE_RUNS = 3
"""How many runs of capitalised words, with at most one content word in lower case, make a
question written in title case (a paper's title)."""


@cache
def _particle() -> str:
    """The pattern of one of the data's particles and the space after it ("de ", "d'")."""
    particles = sorted(data_json("absent_names.json")["name_particles"], key=len, reverse=True)
    return "|".join(
        re.escape(word) if word[-1] in "'’" else rf"{re.escape(word)}[ \u00a0]+"
        for word in particles
    )


@cache
def _name_pattern() -> re.Pattern[str]:
    """Two capitalised words or more, each after at most two of the data's particles, an English
    genitive after them ("Jean-Luc Picard's")."""
    after = rf"[ \u00a0]+(?:{_particle()}){{0,2}}{_CAPITALISED}"
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
        words = [fold(word) for word in _LETTERS.findall(match.group())]
        if first is not None and match.start() == first.start():
            words = words[1:]  # "Did Paul Marchand pay?": a first word is capitalised anyway
        while words and (words[0] in titles or words[0] in _particles()):
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


@dataclass(frozen=True)
class NamedTexts:
    """Each document's folded path and text (`folded`, as lexical.content_words folds) and its
    text unaccented with its case kept (`cased`: a name counts only where written capitalised)."""

    folded: dict[str, str]
    cased: dict[str, str]


def folded_texts(pieces: Iterable[tuple[str, str]]) -> NamedTexts:
    """Each document's texts, of its (doc_id, text) `pieces` (an index's chunks, in memory:
    reading every document's record cost 0.3 ms a document a question): its path and text folded
    as lexical.content_words folds (glossary.fold also collapses spaces: 3x slower on 500
    abstracts), and its text unaccented, case kept."""
    texts: dict[str, list[str]] = {}
    for doc_id, text in pieces:
        texts.setdefault(doc_id, []).append(text)
    joined = {doc_id: "\n".join(parts) for doc_id, parts in texts.items()}
    return NamedTexts(
        {doc_id: lexical_fold(doc_id + "\n" + text) for doc_id, text in joined.items()},
        {doc_id: unaccented(text) for doc_id, text in joined.items()},
    )


def _phrase(
    orders: list[tuple[str, ...]],
    word: Callable[[str], str],
    first: Callable[[str], str] | None = None,
) -> re.Pattern[str]:
    """Any of `orders`' words, each as `word` writes its pattern (its first as `first` does when
    given), nothing but spaces or punctuation between them (an underscore of a path too), or a
    middle initial ("Anne M. Lefort" writes "Anne Lefort")."""
    between = r"[\W_]+(?:[A-ZÀ-Þ]\.[\W_]+)?"
    return re.compile(
        "|".join(
            r"(?<![^\W_])"
            + between.join([(first or word)(words[0]), *map(word, words[1:])])
            + r"(?![^\W_])"
            for words in orders
        )
    )


def _capitalised(word: str) -> str:
    """The pattern of a folded name word written capitalised ("Marchand", "MARCHAND"), a
    particle in any case, either spelling of the data's abbreviations ("St", "Saint")."""
    if word in _particles():
        return rf"(?i:{re.escape(word)})"
    return (
        "(?:"
        + "|".join(
            re.escape(spelling[0].upper()) + rf"(?i:{re.escape(spelling[1:])})"
            for spelling in _spellings(word)
        )
        + ")"
    )


def _any_case(word: str) -> str:
    """The pattern of a folded name word in a folded path, either spelling of an abbreviation."""
    return "(?:" + "|".join(map(re.escape, _spellings(word))) + ")"


def _in_any_case(word: str) -> str:
    """The pattern of a folded name word in any case, either spelling of an abbreviation: a word
    after a name's first ("Conseil municipal", "Comité de pilotage")."""
    return f"(?i:{_any_case(word)})"


@cache
def _spellings(word: str) -> tuple[str, ...]:
    """`word` and its other spelling in the data's name abbreviations ("st", "saint")."""
    for pair in data_json("absent_names.json")["name_abbreviations"]:
        if word in pair:
            return (word, *(other for other in pair if other != word))
    return (word,)


def writers(name: tuple[str, ...], texts: NamedTexts) -> frozenset[str]:
    """The ids of the documents of `texts` (`folded_texts`) writing `name`: its words in order,
    or its surname first ("Marchand Paul", "Dupont Jean-Pierre" of a roster's columns), nothing
    but spaces, punctuation or a middle initial between them, each word capitalised in the text
    (the case kept: "Board Meeting", not "the board meeting"), or in any case in its path. When
    one does, so do those writing its first word capitalised and the others in any case (French
    capitalises only a body's first word: "le Conseil municipal" for "le Conseil Municipal"; s37
    hostile probe H1). Each text is searched only when it holds every word of the name (a search
    in C; the pattern's lookarounds cost seconds a question over 500 abstracts)."""
    orders = [name, _surname_first(name)]
    in_path = _phrase(orders, _any_case)
    holding = [
        doc_id
        for doc_id, folded in texts.folded.items()
        if all(any(spelling in folded for spelling in _spellings(word)) for word in name)
    ]
    found = _searched(holding, texts, _phrase(orders, _capitalised), in_path)
    if not found:
        return found
    first_capitalised = _phrase(orders, _in_any_case, _capitalised)
    return found | _searched(holding, texts, first_capitalised, in_path)


def _searched(
    doc_ids: list[str], texts: NamedTexts, in_text: re.Pattern[str], in_path: re.Pattern[str]
) -> frozenset[str]:
    """The `doc_ids` whose text `in_text` finds, or whose folded path `in_path` does."""
    return frozenset(
        doc_id
        for doc_id in doc_ids
        if in_text.search(texts.cased[doc_id]) or in_path.search(lexical_fold(doc_id))
    )


def _surname_first(name: tuple[str, ...]) -> tuple[str, ...]:
    """`name` as a roster's "Nom | Prénom" columns write it: from its first particle on ("de la
    Tour" of "Marie de la Tour"), else its last word, then the words before ("Dupont Jean
    Pierre" of "Jean-Pierre Dupont")."""
    cut = next((n for n, word in enumerate(name) if n and word in _particles()), len(name) - 1)
    return name[cut:] + name[:cut]


def written_in_lower_case(name: tuple[str, ...], texts: NamedTexts) -> bool:
    """Whether a document's text writes `name` in order all in lower case: an ordinary phrase
    ("the board meeting"), not a name."""
    pattern = _phrase([name], re.escape)
    return any(
        pattern.search(texts.cased[doc_id])
        for doc_id, folded in texts.folded.items()
        if all(word in folded for word in name)
    )


def _of_ordinary_words(name: tuple[str, ...]) -> bool:
    """Whether every word of `name`, its particles aside, is a word of the English word list
    (known_words.py): a phrase capitalised as a heading is ("the next Board Meeting", "the
    Annual Report", "Privacy Policy": review of s36-docname, where a corpus writing them
    capitalised only let them act as names), and so are some full names ("Jean Dupont"),
    left to the other checks as every name was before."""
    return all(known_word(word, "en") for word in name if word not in _particles())


def names_written_by(
    names: list[tuple[str, ...]], texts: NamedTexts
) -> dict[tuple[str, ...], frozenset[str]]:
    """Of `names`, those some document of `texts` writes capitalised and none in lower case
    (`written_in_lower_case`: an ordinary phrase), each with the ids of its writers."""
    found = {}
    for name in dict.fromkeys(names):
        if _of_ordinary_words(name):
            continue
        ids = writers(name, texts)
        if ids and written_in_lower_case(name, texts):
            continue
        if ids:
            found[name] = ids
    return found


def as_written(name: tuple[str, ...], question: str) -> str:
    """`name` as the question writes it ("Jean-Pierre Dupont" of ("jean", "pierre", "dupont")):
    the span of its words in order, else its words joined."""
    letters = list(_LETTERS.finditer(question))
    for start in range(len(letters) - len(name) + 1):
        window = letters[start : start + len(name)]
        if tuple(fold(match.group()) for match in window) == name:
            return question[window[0].start() : window[-1].end()]
    return " ".join(name)


def writes_another_name(name: tuple[str, ...], cased: str) -> bool:
    """Whether the unaccented text `cased` writes a word of `name` (`_shared_words`)
    capitalised next to a capitalised word no part of it, with nothing but spaces and at most two
    particles, or a table's cell mark or a comma, between them: another entity sharing a word
    ("Sophie Marchand", a roster's "Marchand | Sophie" for "Paul Marchand"; "Fondation Savoirs
    Partagés" for "Fondation de France"), not a short form of the name ("la Fondation",
    "M. Marchand", "Mme Marchand": s37 hostile probe H2)."""
    shared = _shared_words([name])
    if not shared:
        return False
    own = {spelling for word in name for spelling in _spellings(word)}
    word = re.compile(
        r"(?<![\w'’-])(?:" + "|".join(map(_capitalised, sorted(shared))) + r")(?![\w'’-])"
    )
    between = rf"(?:[ \u00a0]+(?:{_particle()}){{0,2}}|[ \t\u00a0]*[|,\t][ \t\u00a0]*)"
    after = re.compile(rf"{between}({_CAPITALISED})(?![\w'’-])")
    before = re.compile(rf"(?<![\w'’-])({_CAPITALISED}){between}\Z")
    for match in word.finditer(cased):
        next_word = after.match(cased, match.end())
        last_word = before.search(cased, max(0, match.start() - NEIGHBOUR_REACH), match.start())
        if any(found and _another_word(found.group(1), own) for found in (next_word, last_word)):
            return True
    return False


def writes_short_form(name: tuple[str, ...], cased: str) -> bool:
    """Whether the unaccented text `cased` writes a word of `name` (`_shared_words`)
    capitalised right after an article or a title of the data ("la Fondation", "the
    Foundation", "M. Marchand", "Mme Marchand"): a short form of a name, which a document may
    write for the one another writes in full (s37 hostile probe H2: the award letter saying
    "La Fondation accorde … 30 000 euros")."""
    shared = _shared_words([name])
    if not shared:
        return False
    words = "|".join(map(_capitalised, sorted(shared)))
    return bool(re.search(rf"{_short_form_lead()}(?:{words})(?![\w'’-])", cased))


@cache
def _short_form_lead() -> str:
    """The pattern of an article (any case) or a title of the data, and the space after it."""
    data = data_json("absent_names.json")
    leads = sorted([*data["short_form_articles"], *data["titles"]], key=len, reverse=True)
    return (
        r"(?<![\w'’-])(?i:"
        + "|".join(
            re.escape(lead) if lead[-1] in "'’" else rf"{re.escape(lead)}[ \u00a0]+"
            for lead in leads
        )
        + ")"
    )


NEIGHBOUR_REACH = 80
"""How many characters before a name's word `writes_another_name` looks for the word before."""


def _another_word(word: str, own: set[str]) -> bool:
    """Whether a capitalised `word` next to a name's may be a word of another name: none of the
    name's (`own`), a stopword ("La Fondation"), a title ("Mme"), a particle or an initial."""
    folded = fold(word)
    return len(folded) > 1 and folded not in own | stopwords() | _titles() | _particles()


def _shared_words(names: Iterable[tuple[str, ...]]) -> set[str]:
    """The words of `names` another entity may share: those of 3 letters or more, their
    particles and stopwords aside."""
    return {
        word for name in names for word in name if len(word) >= 3 and word not in stopwords()
    } - _particles()


def write_a_part(names: Iterable[tuple[str, ...]], texts: Iterable[str]) -> bool:
    """Whether one of the folded `texts` writes a word of one of `names`, its particles,
    stopwords and words under 3 letters aside ("section b"): another entity sharing a word
    ("Marchand" of "Sophie Marchand" for "Paul Marchand", "Fondation" of "Fondation Savoirs
    Partagés" for "Fondation de France")."""
    words = _shared_words(names)
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
