"""Which title or heading lines answer a question asking when an event took place by the day
they write: minutes titled "Procès-verbal de l'assemblée générale ordinaire du 12 mars 2026"
answer "Quand a eu lieu l'assemblée générale ?", though a line only naming what the text is
about is never quoted (titleonly.py). s59 trial (a co-owners' folder): the title was left out
and "L'assemblée s'est tenue dans la salle polyvalente … à 18 h 30." was quoted, a time with no
day.

A question asks when an event took place by asked_values.json's "occasion" kind ("Quand a eu
lieu …", "When was … held", "When did … take place"). A line states it when it writes a value
of that kind (a day's date, a month and year, a weekday or a year) and, stemmed in either
language, every content word the question names the event by (its words but its
interrogatives, stopwords and the words asking when something took place, value_frames.json
`occasion_words`: "assemblée", "générale"). Such a line stays among the
candidates a quote is made of (answering.quotable), first when the best candidate writes no
day. A question asking in the past ("a eu lieu", "was held": value_frames.json `past_occasion`)
asks no later occurrence: a line writing a next word ("La prochaine assemblée générale aura
lieu en mars 2027", next_dates.writes_next) states none it asks (s61 trial). Pure functions;
the words are data.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from citeqa.asked_values import asked_kinds, writes_kind
from citeqa.glossary import language_words
from citeqa.jsonfiles import data_json
from citeqa.lexical import content_words, query_tokens, word_stems
from citeqa.next_dates import phrase_pattern, spaced_words, writes_next
from citeqa.recently_used import QUESTIONS_READ

__all__ = ["OCCASION", "asks_occasion", "states_asked_occasion", "states_later_occasion"]

OCCASION = "occasion"
"""asked_values.json's kind of an event's day."""


def asks_occasion(question: str) -> bool:
    """Whether `question` asks when an event took place (asked_values' "occasion" kind) and
    names the event by some word (`_naming_words`)."""
    return OCCASION in asked_kinds(question) and bool(_naming_words(question))


def states_asked_occasion(question: str, line: str) -> bool:
    """Whether `line` writes a day of the event `question` asks the day of and every word
    naming that event (see the module's docstring)."""
    words = _naming_words(question)
    if not words or not writes_kind(OCCASION, line) or states_later_occasion(question, line):
        return False
    written = frozenset(query_tokens(line))
    return all(not stems.isdisjoint(written) for stems in words)


def states_later_occasion(question: str, line: str) -> bool:
    """Whether `line` writes a next word (next_dates.writes_next: "La prochaine assemblée
    générale aura lieu en mars 2027") while `question` asks when an event took place in the
    past (`_asks_past`) and writes none: it states a later occurrence than the one asked."""
    return _asks_past(question) and writes_next(line) and not writes_next(question)


def _asks_past(question: str) -> bool:
    """Whether `question` asks when an event took place in the past (value_frames.json
    `past_occasion`: "a eu lieu", "s'est tenue", "was held", "did")."""
    return _past_phrases().search(spaced_words(question)) is not None


@cache
def _past_phrases() -> re.Pattern[str]:
    """value_frames.json's `past_occasion` phrases of both languages, as one pattern
    (next_dates.phrase_pattern)."""
    listed = data_json("value_frames.json")["past_occasion"]
    return phrase_pattern([phrase for words in listed.values() for phrase in words])


@lru_cache(maxsize=QUESTIONS_READ)
def _naming_words(question: str) -> tuple[frozenset[str], ...]:
    """The stems (both languages) of each word `question` names the asked event by: its content
    words but its interrogatives and the words asking when something took place
    (value_frames.json `occasion_words`: "took", "place", "held", "lieu"); none when it asks
    no occasion."""
    if OCCASION not in asked_kinds(question):
        return ()
    left_out = language_words("interrogatives") | _occasion_words()
    named = {word for word in content_words(question) if word not in left_out}
    return tuple(word_stems(word) for word in sorted(named) if not word.isdigit())


@cache
def _occasion_words() -> frozenset[str]:
    """value_frames.json's `occasion_words`, both languages."""
    listed = data_json("value_frames.json")["occasion_words"]
    return frozenset(word for words in listed.values() for word in words)
