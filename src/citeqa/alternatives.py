"""The tokens that count as one question word in a passage, an acronym's spelt-out form
counting only whole: "NDA" is mentioned by a sentence that writes "NDA" or each word of
"non-disclosure agreement", never by one writing "agreement" alone (trial s17: "What is the
notice period of the Brightdesk NDA?" answered from the Brightdesk service agreement).

`Alternatives` is the frozenset of every such token: what ranking and weighing read (a
term's IDF, questions._frequency; the question's tokens a feature compares,
`frozenset().union`; an answer's term positions). Its intersection (`&` and `isdisjoint`,
what every coverage check reads: QuestionTerms.coverage and worst_gap, question_evidence,
topic_terms, keyedrows, quote_context, quoting, disagreement, followup_quotes,
abstention.unmatched_words) holds a phrase's tokens only when each of the phrase's words has
a token among the other side's; `|` keeps the phrases. A token set is unordered: the words
are not checked to stand together.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

Phrase = tuple[frozenset[str], ...]
"""A spelt-out form: for each of its words, the tokens that count as it (its stems)."""


class Alternatives(frozenset[str]):
    """Tokens that count as a word: `plain` ones, each counting alone, and those of `phrases`,
    counting only when the whole phrase is there (see the module docstring)."""

    plain: frozenset[str]
    phrases: tuple[Phrase, ...]

    def __new__(cls, plain: Iterable[str] = (), phrases: Iterable[Phrase] = ()) -> Alternatives:
        plain = frozenset(plain)
        phrases = tuple(dict.fromkeys(phrase for phrase in phrases if phrase))
        made = super().__new__(cls, plain.union(*(word for phrase in phrases for word in phrase)))
        made.plain, made.phrases = plain, phrases
        return made

    def __and__(self, other: Any) -> frozenset[str]:
        """The tokens of `other` that count as this word: its plain ones, and those of each
        phrase whose every word has a token in `other`."""
        if not isinstance(other, (set, frozenset)):
            return NotImplemented
        found = set(self.plain.intersection(other))
        for phrase in self.phrases:
            if all(not word.isdisjoint(other) for word in phrase):
                found.update(token for word in phrase for token in word if token in other)
        return frozenset(found)

    __rand__ = __and__

    def isdisjoint(self, other: Iterable[object], /) -> bool:
        """Whether no token of `other` counts as this word (`&` empty): the same rule, so a
        coverage check written with `isdisjoint` (QuestionTerms.coverage) reads it too."""
        tokens = other if isinstance(other, (set, frozenset)) else frozenset(other)
        if not self.plain.isdisjoint(tokens):
            return False
        return not any(all(not word.isdisjoint(tokens) for word in p) for p in self.phrases)

    def __or__(self, other: Any) -> Alternatives:
        if not isinstance(other, (set, frozenset)):
            return NotImplemented
        if isinstance(other, Alternatives):
            return Alternatives(self.plain | other.plain, self.phrases + other.phrases)
        return Alternatives(self.plain | other, self.phrases)

    __ror__ = __or__

    def __reduce__(self) -> tuple[Any, ...]:
        return (Alternatives, (self.plain, self.phrases))
