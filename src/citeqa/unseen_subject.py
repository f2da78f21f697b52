"""Whether a quote leaves out what the question asks: a word of the question the corpus never
uses, that carries the question's meaning and that no word of the quote translates.

A near miss on a user's own notes is answered with the neighbouring fact: "How much did the vet
charge for Pixel's neutering?" quoted the vaccine booster (68 EUR), "Quel est le salaire de
Thomas Roux ?" his job title, "Combien de temps peut-on emprunter une liseuse ?" the library's
loan rules (the session-15 and 16 trials). The word that makes the question ("neutering",
"salaire", "liseuse") is one the corpus never uses, the rest of the question matches, and the
answer models read the missing share of the question's weight, yet answer. A word the corpus
never uses is as often the other language's ("subscription" for "abonnement") or a paraphrase
("reloaded" for "relu"), or a word that carries little of the question ("Que veut dire…"): so
the word must weigh in the question's meaning (leaving it out moves the question's vector,
CENTRAL) and no word of the quote, its document's title, its section or the passages read may
be its translation or a near synonym (a vector as close as TRANSLATED). Both are read from the
multilingual vectors of USE, so English and French alike; the thresholds are measured (the
figures are in evals/README.md, session 17). Words that name no subject however rare (a
question's form, words about the documents, measures such as "percentage") are never one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import numpy as np

from citeqa.followups import no_subject_words
from citeqa.glossary import fold
from citeqa.models import Citation
from citeqa.questions import QuestionTerms, question_words, word_alternatives

Embed = Callable[[Sequence[str]], np.ndarray]
"""Vectors of short texts (a question, a word), one row each."""

CENTRAL = 0.135
"""A word carries the question's meaning when the question without it is at most 1 - this
cosine from the question (trials: "neutering" .14, "salaire" .33, "veut" in "Que veut dire"
.02, "restent" .03)."""
TRANSLATED = 0.6
"""A word of the quote whose vector is this close to the question's word translates or
paraphrases it ("abonnement" for "subscription" .92, "échoue" for "fails" .88, "relu" for
"reloaded" .58 is not; "crème" for "lait" .55)."""
MAX_QUOTE_WORDS = 600
"""At most this many distinct words of the quote, titles, sections and passages are compared."""
_LETTERS = re.compile(r"[^\W\d_]{2,}")
"""A word of two letters or more."""


def unseen_words(terms: QuestionTerms) -> list[str]:
    """The question's own words (as typed, each once) that the corpus never uses in any form
    (after typo correction: their term weighs as much as an unseen term), subject words only."""
    unseen = terms.unseen_weight
    focus = terms.terms[: terms.focus_terms]
    found: list[str] = []
    for word in dict.fromkeys(question_words(terms.focus)):
        alternatives = word_alternatives(word)
        if not alternatives or fold(word) in no_subject_words():
            continue
        weight = next((w for alts, w in focus if alts & alternatives), None)
        if weight is not None and unseen and weight >= unseen:
            found.append(word)
    return found


def left_out(
    terms: QuestionTerms, citations: list[Citation], embed: Embed, read: Sequence[str] = ()
) -> str | None:
    """The first word of the question (as typed) the corpus never uses (`unseen_words`) that
    carries the question's meaning (CENTRAL) and that no word of the citations' quotes, titles
    and sections, nor of the passages `read`, translates (TRANSLATED), or None."""
    words = unseen_words(terms)
    if not words:
        return None
    quoted = _quote_words(citations, read)
    without = [_without(terms.focus, word) for word in words]
    vectors = _unit(embed([terms.focus, *without, *words, *quoted]))
    count = len(words)
    question, shortened = vectors[0], vectors[1 : 1 + count]
    typed, quote = vectors[1 + count : 1 + 2 * count], vectors[1 + 2 * count :]
    for number, word in enumerate(words):
        if 1.0 - float(shortened[number] @ question) < CENTRAL:
            continue
        closest = float((quote @ typed[number]).max()) if len(quote) else 0.0
        if closest < TRANSLATED:
            return word
    return None


def _quote_words(citations: list[Citation], read: Sequence[str] = ()) -> list[str]:
    """The distinct words of the citations' quotes, titles and sections, then of the passages
    `read` (MAX_QUOTE_WORDS)."""
    texts = [text for c in citations for text in (c.quote, c.title, c.section or "")]
    texts.extend(read)
    words = dict.fromkeys(word for text in texts for word in _LETTERS.findall(text))
    return list(words)[:MAX_QUOTE_WORDS]


def _without(question: str, word: str) -> str:
    """The question with every occurrence of `word` (whole) left out."""
    return re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", " ", question)


def _unit(vectors: np.ndarray) -> np.ndarray:
    """The vectors scaled to length 1 (a zero vector stays zero)."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1.0, norms)
