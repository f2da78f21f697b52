"""A question whose subject is a name no document writes: "What is the price of a Tesla Model
3?" of a research lab's folder that never writes "Tesla" (s30 trial o04). Read as typed, the
name weighs the most of its words but is found nowhere, and the rest ("model", "3") answered
from a thesis's "linear mixed models". The question abstains instead, naming the name, as a
code identifier the corpus never writes does (abstention.never_written).

A word is such a name when all of these hold:

- it is one of the question's words the corpus never uses in any form (QuestionTerms.absent:
  folded, so a name written with other accents or capitals is used), nor through a word it was
  read as (a translation into the passages' language, passage_translation.py, makes it used);
- it is capitalised, a capital then a lowercase letter, letters only but for hyphens and
  apostrophes inside ("Tesla", "Saint-Rémy"): not an acronym ("ANR", an abbreviation another
  language spells otherwise), nor a code ("S-0250", unheld_codes.py and record_ids.py's);
- it does not open the question or a sentence of it (a capital there is the sentence's), and
  the question is no title, capitalising word after word ("What Is The Best Dose");
- it is no likely misspelling of a corpus word (QuestionTerms.typos, .corrected: "Nürburging"
  for "Nürburgring" is read as that), shares no cognate's beginning (QuestionTerms.cognates),
  and names no day nor month (data/calendar_words.json: a day asked is unheld_months.py's and
  dated_meetings.py's to read);
- no capitalised word next to it is one the corpus uses, unless an everyday word
  (`_partly_held`: the documents may name "Saturo Iwata" as "Iwata", or write "Satoru");
- a possessive ("Claire's") is read without its "'s", an elided name ("d'Édimbourg") without
  its article.

The caller (answering.compose) asks it only of a question the answer models answered, and its
abstention claims the name's absence, so that api reads the question again translated when its
words mean words of passages in the other language ("Germany" of a French folder's
"Allemagne"), or corrected (typo_reading.py), before the refusal stands. No I/O.
"""

from __future__ import annotations

import re

from citeqa.glossary import calendar_words, fold
from citeqa.known_words import known_word
from citeqa.models import Lang
from citeqa.questions import QuestionTerms, question_words

__all__ = ["absent_name"]

LANGUAGES: tuple[Lang, ...] = ("en", "fr")
"""The languages whose word lists (known_words.py) tell an everyday word from a name."""

_NAME = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ][^\W\d_]*(?:['’-][^\W\d_]+)*")
"""A capitalised word: a capital, a lowercase letter, then letters, with hyphens and apostrophes
between them ("Tesla", "Saint-Rémy", "O'Neill")."""
_POSSESSIVE = re.compile(r"['’]s\Z")
_ELISION = re.compile(r"\A(?:[cdjlmnst]|qu)['’]", re.IGNORECASE)
"""A French elided word before a name ("d'Édimbourg", "l'Oréal"), read without it."""
_SENTENCE_END = re.compile(r"[.!?:;]\s*\Z")
"""What ends a sentence before a word, whose capital is then the sentence's."""
_SHARED_BEGINNING = 5
"""The letters a cognate shares with the word's beginning to be read as its other form."""
TITLE_WORD = 4
"""The fewest letters of a word a question written as a title capitalises ("What Is The Price
Of A Tesla Model": its words of four letters or more): no capital names a name there."""
TITLE_SHARE = 0.75
"""The share of its words of `TITLE_WORD` letters or more (but its first) a question written as
a title capitalises at least: a paper's title asked as a question ("Neoadjuvant Imatinib in
Locally Advanced Gastrointestinal stromal Tumours, Will Kit Mutation Analysis Be a
Pathfinder?", PubMedQA) leaves one lowercase."""


def absent_name(terms: QuestionTerms) -> str | None:
    """The first capitalised word of the question that names something no document writes (see
    the module's docstring), as typed, or None when it names none."""
    if not terms.absent:
        return None
    words = question_words(terms.focus)
    if _written_as_title(words):
        return None
    absent = set(terms.absent)
    misread = {*terms.typos, *terms.corrected}
    focus, end = terms.focus, 0
    for place, word in enumerate(words):
        start = focus.find(word, end)
        end = start + len(word)
        if place == 0 or word not in absent or word in misread:
            continue
        if _SENTENCE_END.search(focus[:start]):
            continue
        name = _POSSESSIVE.sub("", _ELISION.sub("", word))
        if _names_a_name(name, terms.cognates) and not _partly_held(words, place, absent):
            return name
    return None


def _partly_held(words: list[str], place: int, absent: set[str]) -> bool:
    """Whether a capitalised word next to the word at `place` (of the name they write together)
    is one the corpus uses and no everyday word of a word list (known_words.py): the documents
    may name by that part what the question names whole ("Iwata" for "Saturo Iwata", "Löwen"
    for "Rhein-Neckar Löwen"), the other part a first name they leave out or a misspelling.
    "Model" of "Tesla Model 3" is an everyday word, no name's part."""
    neighbours = [*_run(words, place, -1), *_run(words, place, 1)]
    return any(
        word not in absent and not any(known_word(fold(word), lang) for lang in LANGUAGES)
        for word in neighbours
    )


def _run(words: list[str], place: int, step: int) -> list[str]:
    """The capitalised words next to the word at `place`, going by `step` (-1: before it, 1:
    after it), up to the question's first word, which is capitalised as the sentence's."""
    run = []
    at = place + step
    while 0 < at < len(words) and words[at][:1].isupper():
        run.append(words[at])
        at += step
    return run


def _names_a_name(word: str, cognates: list[str]) -> bool:
    """Whether a question word the corpus never uses is shaped as a name (`_NAME`) and is no
    day's nor month's name nor a cognate's other form."""
    if not _NAME.fullmatch(word):
        return False
    folded = fold(word)
    if folded in calendar_words():
        return False
    beginning = folded[:_SHARED_BEGINNING]
    return not any(fold(cognate).startswith(beginning) for cognate in cognates)


def _written_as_title(words: list[str]) -> bool:
    """Whether the question capitalises `TITLE_SHARE` of its words of `TITLE_WORD` letters or
    more (but its first), as a title does: a question naming names writes most of its other
    words lowercase ("Who co-supervises Julie Moreau's internship?", "What is the price of a
    Tesla Model 3?")."""
    long = [word for word in words[1:] if len(word) >= TITLE_WORD and word[:1].isalpha()]
    capitalised = sum(1 for word in long if word[:1].isupper())
    return len(long) > 1 and capitalised >= TITLE_SHARE * len(long)
