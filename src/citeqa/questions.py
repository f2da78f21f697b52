"""What a question asks: cleaning it, weighing its key terms, and reading follow-ups in context.

- `clean_question` strips terminal control characters and escape sequences, collapses
  whitespace, rejects an empty question (BadQuestion) and truncates a huge one (with a warning).
- `QuestionTerms` holds the question's content words with their IDF weights over the corpus's
  sentences, each word matching its English and French stems and its glossary equivalents;
  `coverage` says how much of the question a sentence covers. `unknown_names` counts names
  (drugs, trials) that appear nowhere in the corpus: a strong sign that it cannot answer.
- `is_follow_up` and `in_context` let a session carry the previous question's subject.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from citeqa.errors import BadQuestion
from citeqa.glossary import expansions
from citeqa.lexical import tokenize

_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_WORD = re.compile(r"[^\W_][\w'’-]*")
_NAME_SUFFIXES = ("mab", "nib", "cept", "cel", "limus", "mod", "mide", "mib", "pegol", "sone")
_NAME_SHAPE = re.compile(r"\d|^[A-Z0-9-]{3,}$|[a-z][A-Z]")


def looks_like_name(word: str) -> bool:
    """Shaped like a drug or trial name: -mab, -nib, -cept..., digits, capitals (TULIP-SC)."""
    if _NAME_SHAPE.search(word):
        return True
    return len(word) >= 7 and word.lower().endswith(_NAME_SUFFIXES)


_FOLLOW_OPENERS = re.compile(
    r"^(and|et|also|aussi|what about|how about|and in|and with|and for|et pour|et avec|et en"
    r"|qu['’]en est-il|same for|idem)\b",
    re.IGNORECASE,
)
FOLLOW_UP_MAX_WORDS = 12


def clean_question(question: str, max_chars: int) -> tuple[str, list[str]]:
    """The question without control characters, and warnings; BadQuestion when empty."""
    if not isinstance(question, str):
        raise BadQuestion("The question must be text.")
    warnings = []
    text = _CONTROL.sub(" ", _ANSI.sub("", question))
    text = " ".join(text.split())
    if not text:
        raise BadQuestion("The question is empty: type a question about the documents.")
    if len(text) > max_chars:
        cut = text.rfind(" ", 0, max_chars)
        text = text[: cut if cut > max_chars // 2 else max_chars]
        warnings.append(
            f"The question was {len(question):,} characters long; only the first {len(text):,} were used."
        )
    return text, warnings


def is_follow_up(question: str) -> bool:
    """A short question that leans on the previous one ("And at week 52?", "Their mean age?")."""
    words = _WORD.findall(question)
    if not words or len(words) > FOLLOW_UP_MAX_WORDS:
        return False
    if _FOLLOW_OPENERS.search(question.strip()):
        return True
    return not any(looks_like_name(word) for word in words[1:])


def in_context(previous: str, question: str) -> str:
    """The question as retrieval should read it: the previous subject, then the question."""
    return f"{previous} {question}"


@dataclass
class QuestionTerms:
    """The question's key terms, weighted, and how a sentence covers them."""

    focus: str
    terms: list[tuple[frozenset[str], float]] = field(default_factory=list)
    unknown_names: float = 0.0
    missing: float = 0.0
    """Share of the question's term weight that appears nowhere in the corpus."""

    def coverage(self, tokens: frozenset[str]) -> float:
        total = sum(weight for _, weight in self.terms)
        if not total:
            return 0.0
        return sum(weight for alternatives, weight in self.terms if alternatives & tokens) / total


def word_alternatives(word: str) -> frozenset[str]:
    """Tokens that count as this word in a passage: both stems and glossary equivalents."""
    found = set(tokenize(word, "en")) | set(tokenize(word, "fr"))
    if found:
        for term in expansions(word):
            found |= set(tokenize(term, "en")) | set(tokenize(term, "fr"))
    return frozenset(found)


def analyse(
    focus: str, context: str | None, document_frequency: dict[str, int], sentence_count: int
) -> QuestionTerms:
    """Weigh the words of the question (full weight) and of the carried context (half)."""
    result = QuestionTerms(focus=focus)
    seen: set[frozenset[str]] = set()
    parts = [(focus, 1.0)] + ([(context, 0.5)] if context else [])
    focus_terms = 0
    for text, scale in parts:
        for word in _WORD.findall(text):
            alternatives = word_alternatives(word)
            if not alternatives or alternatives in seen:
                continue
            seen.add(alternatives)
            frequency = max((document_frequency.get(token, 0) for token in alternatives), default=0)
            weight = math.log(1 + sentence_count / (frequency or 0.5))
            result.terms.append((alternatives, weight * scale))
            focus_terms += scale == 1.0
            if scale == 1.0 and frequency == 0:
                result.missing += weight
                result.unknown_names += 1.0 if looks_like_name(word) else 0.0
    result.unknown_names = min(1.0, result.unknown_names)
    focus_weight = sum(weight for _, weight in result.terms[:focus_terms])
    result.missing = result.missing / focus_weight if focus_weight else 0.0
    return result
