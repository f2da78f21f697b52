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

The rule holds for `alternatives & tokens`, `frozenset & alternatives` (Python asks a
subclass's reflected `__rand__` first), `alternatives.isdisjoint(tokens)` and
`alternatives.intersection(tokens)`; not for a plain `set` on the left of `&` (set.__and__
takes any frozenset, and Alternatives is no subclass of set), nor `tokens.isdisjoint(
alternatives)`, which read the tokens one by one: a coverage check writes the Alternatives
first (tests/unit/test_alternatives.py documents both).
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
    """`frozenset & alternatives` follows the rule; `set & alternatives` does not (see the
    module docstring)."""

    def isdisjoint(self, other: Iterable[object], /) -> bool:
        """Whether `self & other` is empty (the rule, not frozenset's token by token): no plain
        token is in `other` and no phrase has each of its words there: a coverage check written
        with `isdisjoint` (QuestionTerms.coverage) reads the rule too."""
        if not self.phrases:
            return self.plain.isdisjoint(other)
        tokens = other if isinstance(other, (set, frozenset)) else frozenset(other)
        if not self.plain.isdisjoint(tokens):
            return False
        return not any(all(not word.isdisjoint(tokens) for word in p) for p in self.phrases)

    def intersection(self, *others: Iterable[object]) -> frozenset[str]:
        """`self & other` for the first of `others` (the rule), then a plain intersection."""
        if not others:
            return frozenset(self)
        first = others[0]
        found = self & (first if isinstance(first, (set, frozenset)) else frozenset(first))
        return found.intersection(*others[1:])

    def __or__(self, other: Any) -> Alternatives:
        if not isinstance(other, (set, frozenset)):
            return NotImplemented
        if isinstance(other, Alternatives):
            return Alternatives(self.plain | other.plain, self.phrases + other.phrases)
        return Alternatives(self.plain | other, self.phrases)

    __ror__ = __or__

    def __reduce__(self) -> tuple[Any, ...]:
        return (Alternatives, (self.plain, self.phrases))
