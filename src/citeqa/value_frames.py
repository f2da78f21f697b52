"""Whether a question asks of a subject the documents never mention, its other words only
framing the value it asks (not language.json's `frame_words`, which speak of the documents):
"Combien coûte l'internat ?" of a school's folder that never writes "internat" but writes
"combien" and "coûte" in its FAQ's headings.

Before the search, a question none of whose words the documents write is refused
(abstention.before_search); one writing a single such word went on to the answer layer, which
quoted the one price the folder holds, the canteen's, at .63 (s41 school trial; "À quelle heure
ouvre la bibliothèque ?" got the school's opening time). Here such a question is told apart:
every term of its own (QuestionTerms' focus terms) that the documents write is a frame word in
all its forms (data/value_frames.json: a price, an hour, a day, opening and closing, how much;
no duration), and
one of its words they never write is left, no typo of a corpus word, no cognate nor translation
of one. The caller applies it only when no document is in the other language (a word absent in
one language may be written in the other: "library" of "bibliothèque"). No I/O but the data
file, read once.
"""

from __future__ import annotations

from functools import cache

from citeqa.glossary import own_word_terms
from citeqa.jsonfiles import data_json
from citeqa.lexical import query_tokens, written_terms
from citeqa.questions import QuestionTerms

__all__ = ["framed_absent", "frames_value", "subject_words_written"]


@cache
def _frame_tokens() -> frozenset[str]:
    """The terms (stemmed as a question's: lexical.query_tokens) of every frame word."""
    words = data_json("value_frames.json")["words"]
    return frozenset(
        token for listed in words.values() for w in listed for token in query_tokens(w)
    )


def frames_value(word: str) -> bool:
    """Whether `word` (as a question writes it) is a frame word in one of its forms
    (data/value_frames.json's `words`): "lieu" of "Quand a lieu…", "coûte"."""
    return not _frame_tokens().isdisjoint(query_tokens(word))


def framed_absent(terms: QuestionTerms) -> list[str]:
    """The words of the question the documents never write (as typed) when all the terms of
    its own that they write only frame what it asks; none otherwise (a follow-up, a typo read
    as a corpus word, a word read through a cognate or a translation, or a term the documents
    write that names something)."""
    if terms.context or terms.corrected or terms.cognates or terms.translated:
        return []
    absent = [word for word in terms.absent if not frames_value(word)]
    if not absent or not terms.focus_terms:
        return []
    own = terms.terms[: terms.focus_terms]
    written = [forms for forms, weight in own if weight < terms.unseen_weight]
    if not written or not all(forms <= _frame_tokens() for forms in written):
        return []
    return absent


def subject_words_written(focus: str, text: str) -> tuple[int, int]:
    """How many of the words the question `focus` names its subject by `text` writes, and of
    how many: its own words, its interrogatives and the words framing the value it asks aside
    (glossary.own_word_terms, `frames_value`: "robe" of "Combien coûte la robe ?"), each read
    in `text` as lexical.written_terms reads it."""
    own = own_word_terms(focus, frames_value)
    written = written_terms(text)
    return sum(1 for forms in own if not forms.isdisjoint(written)), len(own)
