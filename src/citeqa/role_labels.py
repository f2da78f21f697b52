"""A line labelling a role with its holder, for a question asking who holds that role.

A project page's facts box writes "Project lead" on one line and "B Lauwerys" on the next; a
club's page "Présidente : Marie Dupont". Asked "Who leads REFRACT?", the ranker preferred
"In REFRACT, we use kidney biopsies…" (it writes the project's name, the label line does not;
confidence .29, the label's line .005 by the quote ranker), while "Who is the project lead of
REFRACT?" quoted the label and its name. The question's verb is the label's role noun: the
role nouns a question asks (role_holders.asked_role_words: "leads" asks "lead", "director",
"coordinator"…; "Qui préside…" asks "président(e)", "chair"), compared stemmed in both
languages (lexical.query_tokens). A "who is the <role>" question is left as the rankers
order it: it names the role's noun itself, and prose not writing it may answer ("devised by
Mori and Keller" for "Who is the author of the firing schedule?", not "Author: Jeanne Roux").

`role_label_position`: among the sentences given (promotions.role_label_first: the first
ROLE_LABEL_RANKS candidates, then the lines of a short best document), unless the first writes
one of the asked role's words and names someone (a sentence speaking of the role, "Le bureau
est présidé par Paul Martin.", answers as it stands), the first candidate that is a role label
(`_label`: a line of at most LABEL_WORDS words, no digit, writing a role word, before its colon
if it has one) whose holder names someone (role_holders.names_someone: its value after the
colon, else the next line of its document) and whose document writes each of the question's
other terms ("REFRACT": a label of another project's page names its lead, not this one's);
else, when the first names no one, the first such candidate that writes a role word and names
someone (`_holder_sentence`: "Helen Carter was elected chair of the board" over the statutes'
"The board elects a chair, a treasurer and a secretary…"; s45 trial). A first naming others
keeps its place: encyclopedic prose names many (PIAF's "Qui dirige la communauté de New
Harmony ?" lost its answer to a politician's sentence writing "dirige").

`role_field_position`: for a "who is the <role>" question writing nothing but its role, the
first field line labelled by that very role whose value names someone ("Landlord: Claire Morel,
…" for "Who is the landlord?", over "…; the landlord books the visit", s55 trial). No I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from citeqa.corpus_initials import CorpusInitials
from citeqa.glossary import fold
from citeqa.lexical import query_tokens
from citeqa.role_holders import (
    asked_role,
    asked_role_words,
    names_someone,
    role_words,
    without_other_roles,
)

if TYPE_CHECKING:
    from citeqa.questions import QuestionTerms
    from citeqa.sentences import SentenceBank

__all__ = ["ROLE_LABEL_RANKS", "labels_asked_role", "role_field_position", "role_label_position"]

ROLE_LABEL_RANKS = 30
"""The first candidates (by the quote ranker) among which promotions.role_label_first looks
for a role label: a facts box's label line is rated near nothing (REFRACT's "Project lead"
was sixth)."""
LABEL_WORDS = 4
"""The most words of a role label ("Project lead", "Coordinatrice du projet")."""
HOLDER_CHARS = 80
"""The most characters of a label's value: a name, perhaps with its affiliation."""
_WORD = re.compile(r"[^\W_]+")
_ACRONYM = re.compile(r"[A-Z]{2,5}")
"""A word the question writes in capitals, two to five letters: an acronym ("RH", "CFO")."""


def role_label_position(
    positions: Sequence[int], bank: SentenceBank, terms: QuestionTerms
) -> int | None:
    """The place in `positions` (the candidates' sentence numbers, best first) of the role
    label to quote first for `terms`' question, or None (see the module's docstring)."""
    asked = asked_role_words(terms.focus)
    if not asked or not positions:
        return None
    role_tokens, question_words, others = _RoleQuestion.of(terms, asked)
    first_text, first_document = bank.text(positions[0]), _document_text(bank, positions[0])
    named = names_someone(first_text, first_document, question_words)
    if named and set(query_tokens(first_text)) & role_tokens:
        return None  # "Le bureau est présidé par Paul Martin." answers as it stands
    writes_others = _OtherTermsWritten(bank, others)
    for place, index in enumerate(positions):
        holder = _holder(bank, index, role_tokens)
        if holder is None or not names_someone(holder, _document_text(bank, index), question_words):
            continue
        if writes_others(index):
            return place
    if named:
        return None  # encyclopedic prose names many, none of them the holder asked
    return next(
        (
            place
            for place, index in enumerate(positions)
            if _holder_sentence(bank, index, role_tokens, question_words) and writes_others(index)
        ),
        None,
    )


def role_field_position(
    positions: Sequence[int], bank: SentenceBank, terms: QuestionTerms
) -> int | None:
    """The place in `positions` (the candidates' sentence numbers, best first) of the first
    field line labelled by the very role a "who is the <role>" question asks and nothing else
    (role_holders.asked_role: "Landlord: Claire Morel, +33 6 12 34 56 78" for "Who is the
    landlord?"), its value naming someone (role_holders.names_someone), or None. Only for a
    question writing no term beside its role's words: a role qualified ("the author of the
    firing schedule") may be another's than a header's ("Author: Jeanne Roux" of the note
    writing "devised by Mori and Keller"). The rankers preferred a sentence writing the role's
    noun in passing ("…; the landlord books the visit and pays for it.", s55 trial)."""
    role = asked_role(terms.focus)
    if role is None:
        return None
    reading = _RoleQuestion.of(terms, role.split())
    if reading.others:
        return None
    for place, index in enumerate(positions):
        holder = _role_field_value(bank.text(index), role)
        if holder and names_someone(holder, _document_text(bank, index), reading.asked):
            return place
    return None


def _role_field_value(sentence: str, role: str) -> str | None:
    """The value of `sentence` when it is one line labelled by `role` (folded) alone before a
    colon, at most HOLDER_CHARS long (`_one_line`); else None."""
    line = _one_line(sentence)
    if line is None or line.value is None:
        return None
    label = " ".join(fold(line.label).strip(" #*-•\t").split())
    return line.value if label == role else None


def labels_asked_role(sentence: str, focus: str) -> bool:
    """Whether `sentence` is one line labelling a role the question (`focus`) asks the holder
    of (role_holders.asked_role_words: its noun, or the nouns of the verb it asks by) with a
    value after its colon: "Instructor: Dr. Amelia Hart" for "Who teaches DATA 210?", which
    promotions.role_label_first puts first and no field line the question's words look up
    replaces (field_answers.on_record_field: "Teaching assistant: Ravi Menon" by its
    "teaches", s59 trial)."""
    asked = asked_role_words(focus)
    line = _one_line(sentence)
    if not asked or line is None or not line.value:
        return False
    return _label(line.label, _role_tokens(asked))


def _role_tokens(role_words: Iterable[str]) -> frozenset[str]:
    """The tokens of a role's words, each stemmed both ways (lexical.query_tokens)."""
    return frozenset(token for word in role_words for token in query_tokens(word))


class _Line(NamedTuple):
    """A sentence of one line: its words before a colon (all of it without one), and the value
    after the colon, at most HOLDER_CHARS long ("" when longer or empty), None without one."""

    label: str
    value: str | None


def _one_line(sentence: str) -> _Line | None:
    """`sentence` read as one line (`_Line`), or None when it holds a line break."""
    line = sentence.strip()
    if "\n" in line:
        return None
    label, colon, value = line.partition(":")
    if not colon:
        return _Line(label, None)
    value = value.strip()
    return _Line(label, value if 0 < len(value) <= HOLDER_CHARS else "")


class _RoleQuestion(NamedTuple):
    """What a question asking who holds a role is read by: the role's tokens (its words
    stemmed, lexical.query_tokens), the question's words folded (role_holders.names_someone
    reads them) and its other terms (each term's alternatives, none a role token)."""

    role: frozenset[str]
    asked: list[str]
    others: list[frozenset[str]]

    @classmethod
    def of(cls, terms: QuestionTerms, role_words: Iterable[str]) -> _RoleQuestion:
        """The reading of `terms`' question asking the role of `role_words`."""
        role = _role_tokens(role_words)
        asked = [fold(word) for word in _WORD.findall(terms.focus)]
        return cls(role, asked, [alts for alts, _ in terms.terms if not alts & role])


def _document_text(bank: SentenceBank, index: int) -> str:
    """The text of the document of the sentence at `index`."""
    return bank.documents[bank.sentences[index].doc_id].text


class _OtherTermsWritten:
    """Whether the document of a sentence writes a token of each of `others` (the question's
    terms other than the role: "REFRACT", "board"), each document's tokens read once a
    question and only for a candidate that may answer (a label or a sentence naming someone)."""

    def __init__(self, bank: SentenceBank, others: list[frozenset[str]]) -> None:
        self._bank, self._others = bank, others
        self._written: dict[str, frozenset[str]] = {}

    def __call__(self, index: int) -> bool:
        doc_id = self._bank.sentences[index].doc_id
        if doc_id not in self._written:
            text = self._bank.documents[doc_id].text
            self._written[doc_id] = frozenset(query_tokens(text))
        return all(alts & self._written[doc_id] for alts in self._others)


def _holder_sentence(
    bank: SentenceBank, index: int, role_tokens: frozenset[str], question_words: list[str]
) -> bool:
    """Whether the sentence at `index` writes a word of the role asked (its noun or a verb of
    holding it, stemmed) and names someone: "Helen Carter was elected chair of the board",
    "It is chaired by Dr. Maria Jensen", "Technical University of Delft (coordinator)"."""
    text = bank.text(index)
    if not set(query_tokens(text)) & role_tokens:
        return False
    return names_someone(text, _document_text(bank, index), question_words)


def _holder(bank: SentenceBank, index: int, role_tokens: frozenset[str]) -> str | None:
    """The value a role label at `index` gives (after its colon, else the next line of its
    document), or None: no role label, or no value."""
    line = _one_line(bank.text(index))
    if line is None or not _label(line.label, role_tokens):
        return None
    if line.value is not None:
        return line.value or None
    return _next_line(bank, index)


def _label(label: str, role_tokens: frozenset[str]) -> bool:
    """Whether `label` is a role's label: a few words, no digit, one a role word."""
    words = _WORD.findall(label.strip(" #*-•\t"))
    if not 0 < len(words) <= LABEL_WORDS or any(ch.isdigit() for ch in label):
        return False
    return bool(set(query_tokens(" ".join(words))) & role_tokens)


def _next_line(bank: SentenceBank, index: int) -> str | None:
    """The sentence after `index` when it is the next line of its document, alone on it and
    short; else None."""
    following = bank.next_in_document(index)
    if following is None:
        return None
    here, there = bank.sentences[index], bank.sentences[following]
    text = bank.documents[here.doc_id].text
    between = text[here.end : there.start]
    if between.strip() or between.count("\n") != 1:
        return None
    value = bank.text(following).strip()
    return value if 0 < len(value) <= HOLDER_CHARS and "\n" not in value else None


class HolderSentences:
    """For a question asking who holds a role whose quote names no one (role_holders.
    unnamed_role), which other sentence may answer: one writing a word of the role
    (role_holders.role_words, stemmed: its noun, a verb of holding it) and naming someone
    (`names`: "It is chaired by Dr. Maria Jensen of the Danish Energy Agency." for "Who is the
    chair of the advisory board?", over "The next advisory board meeting is planned for 12
    February 2026 in Porto."; s45 trial), in a document writing each of the question's other
    terms (`writes_others`: the advisory board's page, not the rowing club's "Helen Carter was
    elected chair of the board")."""

    def __init__(self, terms: QuestionTerms) -> None:
        self._role, self._asked, self._others = _RoleQuestion.of(terms, role_words(terms.focus))
        self._focus = terms.focus
        self._acronyms = [
            word
            for word in _WORD.findall(terms.focus)
            if _ACRONYM.fullmatch(word) and set(query_tokens(word)) & self._role
        ]

    def names(self, text: str) -> bool:
        """Whether the sentence `text` writes a word of the role and names someone."""
        if not self._role or not self._writes_role(text):
            return False
        return names_someone(text, text, self._asked)

    def _writes_role(self, text: str) -> bool:
        """Whether `text` writes a word of the role (not as another role's, "Vice-principal" for
        "Who is the principal?": role_holders.without_other_roles), or spells out an acronym of
        it the question writes in capitals: "responsable des ressources humaines" for "Qui est
        le responsable RH ?" (corpus_initials.py; s45 trial)."""
        if set(query_tokens(without_other_roles(text, self._focus))) & self._role:
            return True
        if not self._acronyms:
            return False
        initials = CorpusInitials.of([text])
        return any(initials.spells(word) for word in self._acronyms)

    def writes_others(self, document_text: str) -> bool:
        """Whether `document_text` writes a token of each of the question's other terms."""
        written = frozenset(query_tokens(document_text))
        return all(alts & written for alts in self._others)
