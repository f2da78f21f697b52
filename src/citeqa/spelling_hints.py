"""Owns the "Did you mean …?" that ends an abstention's reason when the question misspells words
the documents use ("Did you mean “default”, “timeout”, “sessions”?" for "defualt", "timout",
"sesions").

The words offered are the spellings the question's analysis found (`QuestionTerms.typos`, from
`Vocabulary.likely_spelling`: rapidfuzz's Indel distance over the corpus's folded words of the
same first letter, one letter added or dropped for words of 5 or 6 letters, two for longer; stricter
than the correction searched for, whose two edits for long words read "calories" as "carries");
the abstention looks nothing up again (benchmarks/typo_hints.py measures what the analysis adds).
Only a typed word the documents never use (`absent`) is
offered a spelling, and never one written as code (part of an identifier the question names:
identifiers.py), nor a name: a word capitalised other than as the question's first word, or with
a capital inside it ("Kubernetis", "NumPi"); the corpus's words are stored folded, so whether it
writes the correction in the question's case cannot be read without its texts, and such a word is
left alone. A number is never corrected (`Vocabulary.correction` reads words of letters only).
"""

from __future__ import annotations

import re

from citeqa.identifiers import identifiers
from citeqa.models import Lang
from citeqa.questions import QuestionTerms, question_words
from citeqa.visible import cut

DID_YOU_MEAN = {
    "en": "Did you mean {words}?",
    "fr": "Vouliez-vous dire {words} ?",
}
MAX_OFFERED = 3
"""At most this many spellings are offered."""
_LETTERS = re.compile(r"[^\W\d_]+")


def did_you_mean(terms: QuestionTerms, lang: Lang) -> str | None:
    """The sentence offering the corpus's spelling of the question's misspelt words, in `lang`,
    or None when no word is offered one."""
    offered = offered_spellings(terms)
    if not offered:
        return None
    words = ", ".join(cut(word, marks=("“", "”")) for word in offered)
    return DID_YOU_MEAN[lang].format(words=words)


def offered_spellings(terms: QuestionTerms) -> list[str]:
    """The corpus words offered for the question's typos, in the question's order, each once
    (at most MAX_OFFERED)."""
    absent = set(terms.absent)
    code = _code_pieces(terms.focus)
    first = next(iter(question_words(terms.focus)), "")
    offered: list[str] = []
    for typed, corrected in terms.typos.items():
        if typed not in absent or typed in code or _is_name(typed, first):
            continue
        if corrected not in offered:
            offered.append(corrected)
    return offered[:MAX_OFFERED]


def _code_pieces(focus: str) -> set[str]:
    """The runs of letters of the identifiers the question names (`cache_timout` gives
    "cache" and "timout"): words written as code, whose spelling is not prose's."""
    return {piece for name in identifiers(focus) for piece in _LETTERS.findall(name)}


def _is_name(word: str, first: str) -> bool:
    """Whether a word is written as a name: a capital inside it, or a capital first letter
    anywhere but at the question's first word (whose capital is the sentence's)."""
    if any(letter.isupper() for letter in word[1:]):
        return True
    return word[:1].isupper() and word != first
