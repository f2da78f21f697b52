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
French, and answered from them, on an off-topic set's test half), unless one of its words is a
word of the passages' language typed without its accents (`_unaccented_in`): no known word of
the default language, written by the first passages only with accents ("franchise generale
assurance", of French passages writing "générale", was read as English for "franchise" and
"assurance", which English writes too: s31 trial, refused across languages with an English
reason while its answer ranked first), a name excepted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from citeqa.glossary import fold
from citeqa.language import question_scores
from citeqa.models import Lang, Retrieval
from citeqa.questions import QuestionTerms
from citeqa.typo_reading import known_word

_LETTERS = re.compile(r"[^\W\d_]+")
"""A word of a question, letters only."""
ACCENT_PASSAGES = 5
"""The first passages (of the first one's language) whose words tell a question word typed
without its accents (`_unaccented_in`): those the question was read closest to."""


def says_no_language(question: str) -> bool:
    """Whether `question`'s words give no evidence of either language, or as much of each."""
    english, french = question_scores(question)
    return english == french


def in_words_language(rankings: Sequence[Retrieval], terms: QuestionTerms) -> list[Retrieval]:
    """The `rankings` of one question (the ranking shown and the evidence: one question, one
    detected language), each read in the language of its first passage when the question says
    no language (`says_no_language`) and the documents write most of its own words (`terms`:
    fewer of them absent than written), else as it is; the question is read once for all."""
    if not rankings or not _keyword_question(rankings[0], terms):
        return list(rankings)
    return [_in_first_passage_language(ranking) for ranking in rankings]


def _keyword_question(retrieval: Retrieval, terms: QuestionTerms) -> bool:
    """Whether the question `retrieval` searched says no language, the documents write most of
    its words (`terms`) and most of them are no known words of the language detected."""
    if not says_no_language(retrieval.question):
        return False
    if 2 * len(set(terms.absent)) >= terms.focus_terms:
        return False
    if not _mostly_known_in(retrieval.question, retrieval.query_lang):
        return True
    return _unaccented_in(retrieval)


def _unaccented_in(retrieval: Retrieval) -> bool:
    """Whether a word of the question `retrieval` searched, typed in lower case without accents
    and no known word of the language it was read in, is written only with accents, in lower
    case, by the first passages (ACCENT_PASSAGES) of the first one's language: a word of theirs
    ("generale", "echeance"). A name is no sign of a language: one the question capitalises,
    or one the passages write capitalised ("Trelaze client phone" of a folder writing the town
    "Trélazé" read as French, s32 review), whatever the language of its writer."""
    if not retrieval.hits:
        return False
    lang = retrieval.hits[0].chunk.lang
    typed = {
        word
        for word in _LETTERS.findall(retrieval.question)
        if word.islower() and fold(word) == word and not known_word(word, retrieval.query_lang)
    }
    if not typed:
        return False
    texts = [hit.chunk.text for hit in retrieval.hits if hit.chunk.lang == lang]
    written = {word for text in texts[:ACCENT_PASSAGES] for word in _LETTERS.findall(text)}
    accented = {fold(word) for word in written if word.islower() and fold(word) != word}
    plain = {word.lower() for word in written}
    return bool(typed & accented - plain)


def _in_first_passage_language(retrieval: Retrieval) -> Retrieval:
    """`retrieval` read in its first passage's language; as it is without a passage."""
    if not retrieval.hits:
        return retrieval
    return retrieval.model_copy(update={"query_lang": retrieval.hits[0].chunk.lang})


def _mostly_known_in(question: str, lang: Lang) -> bool:
    """Whether more than half of `question`'s words are known words of `lang`."""
    words = [fold(word) for word in _LETTERS.findall(question)]
    return 2 * sum(known_word(word, lang) for word in words) > len(words) > 0
