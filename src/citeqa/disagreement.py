"""Owns telling that another document among those an answer reads states the quoted thing with
another value: an amendment replacing an article's amount, a repealed version of a policy, a
draft beside the signed text.

citeqa cannot know which text is in force, and must never silently pick one: when a sentence of
another document restates a quoted sentence (it writes most of its words: `RESTATES`) but holds
a different value (a number, an amount, a date or a duration, in digits or in number words:
`stated_values.values`), the answer quotes it too, labelled, so that the reader sees both.
Among documents that are not versions of one another (public QA sets), a sentence of another
document rarely writes most of a quoted sentence's words, so the signal stays quiet there
(evals/README.md: how often it fires per set). Number words are read in each sentence's
language (stated_values).

A translation disagrees in other words: an English handbook's "Hotel cap per night: €160 in
Paris, €110 in Lyon, €95 elsewhere" shares no word with the French policy's row "| Hôtel (nuit,
petit-déjeuner inclus) | 150 € | 110 € | 95 € |" (s26 trial: "Quel est le plafond d'hôtel à
Paris ?" quoted the €160 alone). `disagreeing_across` compares a quoted sentence with the
sentences of documents read in another language by meaning instead: the stored sentence vectors
the answer already scored the candidates with (their cosine at least ACROSS_MEANING), anchored
by telling values both state (ACROSS_SHARED: 110, 95; no year, nor a number up to 31)
besides the values each states alone (160, 150).
The candidate must answer the question too (`_asked_in`): it writes a term of the question
that the quoted sentence writes, its section heading counted (the French row's "Hôtel" for
"What is the hotel cap?"): an unrelated price list of the other language sharing two prices
(a shop's "49 € en France, 99 € en Europe" delivery fees beside its "€49 … €99" plans,
cosine .40, above the hotel row's .38) answers another question.
It reads only the candidates of the other language that share runs of digits with the quoted
sentence (shared values are read in digits): no model call, a dot product each.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import numpy as np

from citeqa.answer_features import Wants
from citeqa.language import detect_lang
from citeqa.lexical import about_terms, asked_written, undated_terms, written_terms
from citeqa.models import Document
from citeqa.ondemand import VectorSource
from citeqa.questions import QuestionTerms
from citeqa.recently_used import RecentlyUsed
from citeqa.sentences import ScoredSentence, SentenceBank
from citeqa.signatures import is_signature
from citeqa.stated_kinds import asked_wants, states_asked_kind
from citeqa.stated_values import values

RESTATES = 0.7
"""A sentence restates a quoted one when it writes at least this share of the quoted one's
words (stemmed, stopwords, short words and numbers aside)."""
_DIGIT = re.compile(r"\d")
_DIGITS = re.compile(r"\d+")
DOCUMENTS_READ = 16
"""The documents whose written terms are remembered across questions (a question and its
re-reading read the same ones)."""
_WRITTEN: RecentlyUsed[tuple[str, int, str, bool], frozenset[str]] = RecentlyUsed(DOCUMENTS_READ)
LEAST_WORDS = 4
"""A quoted sentence of fewer words than this ("Total: 12") is restated by too much to tell."""


def _stated(bank: SentenceBank, index: int) -> frozenset[str]:
    """The values sentence `index` states, its number words read in its language (its own
    words' evidence, else its passage's)."""
    text = bank.text(index)
    return values(text, detect_lang(text, bank.chunks[bank.sentences[index].chunk_index].lang))


def _shown(quotes: Sequence[str]) -> frozenset[str]:
    """The values the quotes state, each read in its language."""
    return frozenset().union(*(values(quote, detect_lang(quote)) for quote in quotes))


def _words(bank: SentenceBank, index: int) -> frozenset[str]:
    """The sentence's stemmed words that say what it is about: no number, stopword or word of
    fewer than three letters."""
    return about_terms(bank.tokens[index])


def disagreeing(
    quoted: Sequence[ScoredSentence],
    candidates: Sequence[ScoredSentence],
    bank: SentenceBank,
    terms: QuestionTerms,
    shown: Sequence[str],
) -> ScoredSentence | None:
    """The candidate of another document than a quoted sentence's that restates it (writes at
    least RESTATES of its words) with other values (each states a value the other does not,
    the candidate one that none of the quotes `shown` states: "removed in 3.0" disagrees with
    no quote that says 3.0 in its next sentence), and whose document writes every term of the
    question that the quoted one's does (its title or text: an OVHcloud contract and a Qonto
    one from one template state different fees, and only one of them is the OVHcloud contract
    asked about), and which states a value of the kind the question asks for
    (stated_kinds.asked_wants, states_asked_kind: a deadline line, "Rapport final … :
    2026-09-30", states no other amount granted); the one restating the most of the first
    such quoted sentence, the candidates' order breaking ties; None when there is none.
    Candidates of a quoted document are never taken: a document says what it says, a later
    article of it is no other version. A quoted signature (signatures.is_signature) is
    restated by none: its values are its defaults, and a tutorial's call
    `detect_leaks(readings, threshold=0.25)` passes another value without disagreeing (s22
    trial)."""
    others = _of_other_documents(quoted, candidates, bank)
    asked = [alternatives for alternatives, _ in terms.own_terms]
    reader = _Reader(bank, asked, shown, asked_wants(terms))
    for item in quoted:
        if is_signature(bank.text(item.index).strip()):
            continue  # a signature's defaults: a call elsewhere passes other arguments
        found = _restating(item, others, reader)
        if found is not None:
            return found
    return None


def _of_other_documents(
    quoted: Sequence[ScoredSentence], candidates: Sequence[ScoredSentence], bank: SentenceBank
) -> list[ScoredSentence]:
    """The `candidates` of no document a `quoted` sentence stands in, in order: a document says
    what it says, and none of its own sentences is another version of it."""
    quoted_docs = {bank.sentences[item.index].doc_id for item in quoted}
    return [item for item in candidates if bank.sentences[item.index].doc_id not in quoted_docs]


ACROSS_MEANING = 0.3
"""A sentence of another language states what a quoted one states when their sentence vectors'
cosine is at least this (the s26 handbook's hotel line and the French policy's row: .38; the
same handbook's meal line and that row: .20) and they share ACROSS_SHARED values."""
ACROSS_SHARED = 2
"""The telling values (`_telling`) a sentence of another language shares with a quoted one at
least, besides those each states alone: one shared number is too common an anchor ("5" days in
a rule on carrying over leave and in one on requesting it)."""
_COMMON_UP_TO = 31
"""A value up to this (a day, a month, a small count) tells nothing when shared: dates' parts,
"VS-10" and "two" batteries beside a "2 ans" warranty (s25 trial)."""
_YEARS = (1900, 2100)
"""A whole value within these tells nothing when shared: a year (two projects of 2026)."""


def _telling(value: str) -> bool:
    """Whether a shared `value` (stated_values' normalised digits) anchors two sentences as
    stating one thing: above _COMMON_UP_TO and no year."""
    try:
        number = float(value)
    except ValueError:
        return True  # a number written in several parts ("2.5.1"): rare enough to tell
    year = number.is_integer() and _YEARS[0] <= number <= _YEARS[1]
    return number > _COMMON_UP_TO and not year


def disagreeing_across(
    quoted: Sequence[ScoredSentence],
    candidates: Sequence[ScoredSentence],
    bank: SentenceBank,
    terms: QuestionTerms,
    shown: Sequence[str],
) -> ScoredSentence | None:
    """The candidate of another document, written in another language than a quoted sentence,
    that states ACROSS_SHARED values it states and another it does not (none of the quotes
    `shown` states), while the quoted sentence states one the candidate does not, that writes
    a term of the question the quoted sentence writes (`_asked_in`) and a value of the kind
    it asks for (stated_kinds.states_asked_kind), and whose vector's
    cosine with the quoted sentence's is at least ACROSS_MEANING; the closest in meaning for
    the first quoted sentence that has one; None when there is none or the bank holds no
    vectors."""
    vectors = bank.vectors
    if vectors is None:
        return None
    asked = [alternatives for alternatives, _ in terms.own_terms]
    asked_of: dict[int, frozenset[int]] | None = None  # read once a quote may be translated
    wants = asked_wants(terms)
    others: list[ScoredSentence] = []
    all_shown: frozenset[str] | None = None
    for item in quoted:
        written_digits = _DIGITS.findall(bank.text(item.index))
        if len(written_digits) <= ACROSS_SHARED:
            continue  # too few numbers to share ACROSS_SHARED and state one of its own
        stated = _stated(bank, item.index)
        if len(stated) <= ACROSS_SHARED or is_signature(bank.text(item.index).strip()):
            continue  # the shared values and one of its own at least; a signature's defaults
        if asked_of is None:
            asked_of = {
                other.index: _asked_in(bank, other.index, asked)
                for other in _of_other_documents(quoted, candidates, bank)
            }
            others = [
                other
                for other in candidates
                if asked_of.get(other.index) and states_asked_kind(bank.text(other.index), wants)
            ]
        all_shown = _shown(shown) if all_shown is None else all_shown
        ours = _asked_in(bank, item.index, asked)
        answering = [other for other in others if ours & asked_of[other.index]]
        digits = frozenset(written_digits)
        found = _translating(item, stated, digits, answering, bank, vectors, all_shown)
        if found is not None:
            return found
    return None


def _asked_in(bank: SentenceBank, index: int, asked: list[frozenset[str]]) -> frozenset[int]:
    """The question's terms (by number) that sentence `index` or its section heading writes
    (`_asked_in`)."""
    section = bank.chunks[bank.sentences[index].chunk_index].section or ""
    return asked_written(asked, bank.tokens[index] | undated_terms(section))


def _lang(bank: SentenceBank, index: int) -> str:
    """The language of the passage holding sentence `index`."""
    return bank.chunks[bank.sentences[index].chunk_index].lang


def _translating(
    item: ScoredSentence,
    stated: frozenset[str],
    digits: frozenset[str],
    others: Sequence[ScoredSentence],
    bank: SentenceBank,
    vectors: VectorSource,
    shown: frozenset[str],
) -> ScoredSentence | None:
    """Of `others`, the one of another language closest in meaning to `item` (which states the
    values `stated` and writes the runs of digits `digits`) that states its values otherwise
    (see `disagreeing_across`), or None; `vectors`: the bank's."""
    lang = _lang(bank, item.index)
    vector = np.asarray(vectors[item.index])
    best, closest = None, ACROSS_MEANING
    for other in others:
        if _lang(bank, other.index) == lang:
            continue
        if len(digits.intersection(_DIGITS.findall(bank.text(other.index)))) < ACROSS_SHARED:
            continue  # too few runs of digits in common to share ACROSS_SHARED values: unread
        theirs = _stated(bank, other.index)
        shared = sum(1 for value in stated & theirs if _telling(value))
        if shared < ACROSS_SHARED or not (stated - theirs and theirs - shown - stated):
            continue
        cosine = float(np.asarray(vectors[other.index]) @ vector)
        if cosine >= closest:
            best, closest = other, cosine
    return best


class _Reader:
    """The bank, the question's terms each document writes (read once a document) and the
    values the quotes state (read once, when a candidate restates a quote)."""

    def __init__(
        self,
        bank: SentenceBank,
        asked: list[frozenset[str]],
        quotes: Sequence[str],
        wants: Wants,
    ) -> None:
        self.bank, self.asked, self._quotes, self.wants = bank, asked, quotes, wants
        # no asked term holds a digit, as a date's term does: a document's dates are not read
        self.dated = any(_DIGIT.search(term) for alternatives in asked for term in alternatives)
        self._written: dict[str, frozenset[int]] = {}

    @functools.cached_property
    def shown(self) -> frozenset[str]:
        """The values the quotes state (`_shown`)."""
        return _shown(self._quotes)

    def states_asked_kind(self, item: ScoredSentence) -> bool:
        """Whether the sentence states a value of the kind the question asks for
        (stated_kinds.states_asked_kind): a deadline line states no amount otherwise."""
        return states_asked_kind(self.bank.text(item.index), self.wants)

    def writes_as_much(self, item: ScoredSentence, other: ScoredSentence) -> bool:
        """Whether `other`'s document writes every asked term `item`'s document does."""
        return self._terms_of(item) <= self._terms_of(other)

    def _terms_of(self, item: ScoredSentence) -> frozenset[int]:
        """The asked terms (by number) the sentence's document writes in its title or text
        (its words stemmed both ways, lexical.written_terms)."""
        doc_id = self.bank.sentences[item.index].doc_id
        if doc_id not in self._written:
            document = self.bank.documents[doc_id]
            words = _document_terms(document, self.dated)
            self._written[doc_id] = asked_written(self.asked, words)
        return self._written[doc_id]


def _document_terms(document: Document, dated: bool) -> frozenset[str]:
    """`written_terms` of the document's title and text, kept for DOCUMENTS_READ documents by
    its id, its text's hash (kept by Python with the string: no second pass), its title and
    `dated`, never by the text itself; the joined text is built only when not kept."""
    key = (document.doc_id, hash(document.text), document.title, dated)
    return _WRITTEN.get(key, lambda: written_terms(f"{document.title}\n{document.text}", dated))


def _restating(
    item: ScoredSentence, others: Sequence[ScoredSentence], reader: _Reader
) -> ScoredSentence | None:
    """Of `others`, the one restating `item` the most with other values (see `disagreeing`;
    `reader.shown`: the values the quotes state), or None. The values are read only once a
    candidate restates it (most quotes: none does)."""
    bank = reader.bank
    words = _words(bank, item.index)
    if len(words) < LEAST_WORDS:
        return None
    stated: frozenset[str] | None = None
    best, share_of_best = None, 0.0
    for other in others:
        share = len(words & _words(bank, other.index)) / len(words)
        if share < RESTATES or share <= share_of_best:
            continue
        stated = _stated(bank, item.index) if stated is None else stated
        if not stated:
            return None  # it states no value to differ on
        theirs = _stated(bank, other.index)
        if not (theirs - reader.shown and stated - theirs):
            continue
        if reader.writes_as_much(item, other) and reader.states_asked_kind(other):
            best, share_of_best = other, share
    return best
