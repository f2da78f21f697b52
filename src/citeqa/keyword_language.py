"""The language a question is read in when its own words say none: a keyword question.

`language.detect_lang` reads a question's function words, elisions, accents and typography;
"puissance fiscale voiture" has none of them and was read as English (the default), so an
abstention advised a French question to "try asking in French", and the check that an answer
read across languages is vouched for (across.unvouched_across) refused its quote from the
French registration note, all its passages being "in the other language" (s27 trial). Such a
question is in the language of the passages it was searched in when the documents write most of
its words: the first passage's (`in_words_language`). One whose words the documents mostly
lack keeps the default: a French keyword question of English abstracts writes few of their
words, and is in the other language there; so does one most of whose words are known words of
the default language (typo_reading.known_word: an English keyword question of French
encyclopedia articles that happen to write two of its words, a name and "limit", was read as
French, and answered from them, on an off-topic set's test half).
"""

from __future__ import annotations

import re

from citeqa.glossary import fold
from citeqa.language import language_scores
from citeqa.models import Lang, Retrieval
from citeqa.questions import QuestionTerms
from citeqa.typo_reading import known_word

_LETTERS = re.compile(r"[^\W\d_]+")
"""A word of a question, letters only."""


def says_no_language(question: str) -> bool:
    """Whether `question`'s words give no evidence of either language, or as much of each."""
    english, french = language_scores(question)
    return english == french


def in_words_language(retrieval: Retrieval, terms: QuestionTerms) -> Retrieval:
    """`retrieval` read in the language of its first passage when its question says no language
    (`says_no_language`) and the documents write most of the question's own words (`terms`:
    fewer of them absent than written), else as it is."""
    if not retrieval.hits or not says_no_language(retrieval.question):
        return retrieval
    if 2 * len(set(terms.absent)) >= terms.focus_terms:
        return retrieval
    if _mostly_known_in(retrieval.question, retrieval.query_lang):
        return retrieval
    return retrieval.model_copy(update={"query_lang": retrieval.hits[0].chunk.lang})


def _mostly_known_in(question: str, lang: Lang) -> bool:
    """Whether more than half of `question`'s words are known words of `lang`."""
    words = [fold(word) for word in _LETTERS.findall(question)]
    return 2 * sum(known_word(word, lang) for word in words) > len(words) > 0
