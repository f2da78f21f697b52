"""A record's field line answers a question naming the record's owner and the field's label.

A syllabus, a contact card, a product sheet, a CV or a form writes its facts as "Label : value"
lines under the lines saying whose they are: "# DS-M2-104 — Traitement automatique des
langues", "Enseignante : Sophie Bernard", then "Permanences : le lundi de 16 h à 17 h 30".
The field line names neither the teacher nor the course, so "Quand sont les permanences de
Sophie Bernard ?" rated it far below another document's line naming the teacher (a notes
header, a slide's title page: s33 trial, 7 wrong quotes), and field_answers.on_asked_field, which
reads the best candidate's document only, was never reached.

A record is a section (the lines between two markdown headings, or the whole document), or one
of the records it writes one after the other (a new one starts where a label comes again: the
second card, invoice or YAML service), of at least MIN_RECORD_FIELDS field lines
(field_lines.field_label) making at least RECORD_SHARE of its lines (blank lines aside). Its
identity is what its other lines write (its field lines and the lines that are no prose, e-mail
and web addresses aside), the headings above it, and the words its document goes by
(document_names.name_words, given): read with a field line the way a table's header and key
cell are read with a row. A field line of a record answers by its record (`answering_fields`)
when the question names its label (field_lines.label_match) and every other word the question
writes (`asked_words`: its interrogatives, the frame words speaking of documents and its
stopwords, which carry no stem, left out) is one its record's identity writes: at least one
such word, the owner, must be. A record of the same shape naming another owner answers nothing,
so a question about an owner whose record lacks the field is answered by no other record; where
several records answer, the one whose own lines write the most asked words does, and none when
two write as many. A question asking a kind of value of its owner (a phone number, an e-mail
address: value_kinds.asked_value_kinds) reads the owner's card first (`asked_card`): its line
writing a value of that kind answers whatever its label, and no other card's line does.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from citeqa.field_lines import (
    closes_sentence,
    field_label,
    label_match,
    label_written,
    named_label_words,
    text_stems,
    with_label_groups,
)
from citeqa.folding import fold
from citeqa.glossary import language_words
from citeqa.jsonfiles import data_json
from citeqa.language import is_markdown_heading, without_elision
from citeqa.recently_used import RecentlyUsed
from citeqa.value_kinds import (
    asked_value_kinds,
    holds_asked_kind,
    kind_words,
    named_kinds,
    writes_asked_value,
)

MIN_RECORD_FIELDS = 3
"""The fewest field lines a section must have to be a record: two "Label : value" lines in a
report's paragraph make no form."""

RECORD_SHARE = 0.5
"""The least share of a section's lines (blank lines and headings aside) that must be field
lines for it to be a record: a syllabus's block of fields under its title line, not a page of
prose holding a few."""

_WORD = re.compile(r"[^\W_][\w'’-]*")
"""A word of a question, hyphens and apostrophes inside kept ("DS-M2-104")."""
_NAME_PART = re.compile(r"[^\W_]+")
"""A part of a word as a document's name words are read (document_names.name_words)."""


@dataclass(frozen=True)
class AskedWord:
    """A word the question writes that a record must account for: folded, and its stems in
    every language read."""

    folded: str
    stems: frozenset[str]


Lines = tuple[tuple[int, int, str | None], ...]
"""A section's lines: the span of each and its label (None for a line that is no field line)."""


@dataclass(frozen=True)
class Record:
    """A record of a document: the spans of its lines (blank lines aside), the label of each
    (None for a line that is no field line) and the start of the section's heading lines
    above it (the document's start for the first; its own first line for a later record of
    a section, which has none)."""

    lines: Lines
    headings_from: int

    @property
    def fields(self) -> list[tuple[int, int, str]]:
        """The spans and labels of its field lines."""
        return [(start, end, label) for start, end, label in self.lines if label is not None]


def asked_words(focus: str) -> list[AskedWord]:
    """The words of the question (`focus`) a record must account for: those with a stem (no
    stopword has one), but interrogatives ("quand", "who") and the frame words speaking of the
    documents ("says", "selon")."""
    left_out = _unasked_words()
    words = []
    for written in _WORD.findall(focus):
        word = without_possessive(written)
        folded = fold(word)
        found = text_stems(word)
        if found and folded not in left_out:
            words.append(AskedWord(folded, found))
    return words


_POSSESSIVE = re.compile(r"[’']s$", re.IGNORECASE)
"""An English possessive ending ("Baker's", "Baker’s"): the owner is "Baker"."""


def without_possessive(word: str) -> str:
    """`word` without an English possessive ending: "What is Tom Baker's phone?" names "Baker",
    whose card's heading writes no "Baker's" (its record was missed and the refusal named
    “Tom Baker's”)."""
    return _POSSESSIVE.sub("", word)


@cache
def _unasked_words() -> frozenset[str]:
    """The folded interrogatives and frame words of the language data (glossary.language_words),
    joined once: no word a record must account for."""
    return language_words("interrogatives") | language_words("frame_words")


RECORDS_KEPT = 64
"""How many texts' records `records_of` keeps (a record is spans and labels, not text): the
short documents a question about a field reads, mostly the same from question to question."""

_RECORDS: RecentlyUsed[tuple[int, int, str], tuple[Record, ...]] = RecentlyUsed(RECORDS_KEPT)


def records_of(text: str) -> list[Record]:
    """The records of a document's `text` (see the module's docstring), in order; kept for the
    last RECORDS_KEPT texts, by their length, hash and opening (recently_used.py: a small key,
    never the text)."""
    key = (len(text), hash(text), text[:KEY_OPENING])
    return list(_RECORDS.get(key, lambda: tuple(_read_records(text))))


KEY_OPENING = 32
"""How many of a text's first characters `records_of`'s key holds beside its length and hash."""


def _read_records(text: str) -> list[Record]:
    found, short = [], []
    for lines, headings_from in _sections(text):
        labelled = tuple((start, end, field_label(text, start, end)) for start, end in lines)
        for number, piece in enumerate(_pieces(text, labelled)):
            record = Record(piece, headings_from if number == 0 else piece[0][0])
            fields = len(record.fields)
            if fields >= MIN_RECORD_FIELDS and fields >= RECORD_SHARE * len(piece):
                found.append(record)
            elif fields == len(piece) >= MIN_SIBLING_FIELDS and _under_heading(text, piece):
                short.append(record)
    return sorted(found + _sibling_cards(short, found), key=lambda record: record.lines[0][0])


MIN_SIBLING_FIELDS = 2
"""The fewest field lines of a section under its own heading that is a record because the
document's other records write its labels (`_sibling_cards`)."""


def _under_heading(text: str, piece: Lines) -> bool:
    """Whether the line just above the `piece`'s first (blank lines aside) is a markdown
    heading: the piece is a section of its own, its heading its title."""
    return _heading_above(text, piece[0][0]) is not None


def _heading_above(text: str, start: int) -> tuple[int, int] | None:
    """The span of the line just above `start` (blank lines aside) when it is a markdown
    heading; else None. Read backwards from `start`, no copy of the text before it (s39
    review: a copy per record cost 0.33 s a question on 4,000 cards)."""
    line_end = start
    while line_end and text[line_end - 1].isspace():
        line_end -= 1
    line_start = text.rfind("\n", 0, line_end) + 1
    return (line_start, line_end) if is_markdown_heading(text[line_start:line_end]) else None


def _sibling_cards(short: list[Record], found: list[Record]) -> list[Record]:
    """The sections of `short` (under their own heading, each line a field line, fewer than
    MIN_RECORD_FIELDS) every label of which a record of `found` (the same document's) writes
    too: a contact list's "## Tom Baker" card of two lines among cards of three is a card
    too (its owner's phone asked, the card above's was quoted)."""
    labels = {fold(label) for record in found for _, _, label in record.fields}
    return [
        record for record in short if all(fold(label) in labels for _, _, label in record.fields)
    ]


def _pieces(text: str, lines: Lines) -> list[Lines]:
    """The records a section's `lines` (spans and labels) write one after the other: a new one
    starts where a label comes again ("Responsable :" of the second card, "Facture N° :" of
    the second invoice), with the lines just above it that are no field lines and are no less
    indented ("  database:" of a YAML mapping, a card's "Fiche 2"), unless a blank line or a
    shallower indentation parts them; a lone name line just above it, blank lines around it,
    is its title ("Julien Petit", then a blank line, then his card's lines: `_lone_title`);
    the lines after a record's last field line that a blank line parts from it, opening no
    record, are no record's (`_detached_tail`)."""
    pieces: list[Lines] = []
    begin, seen = 0, set()
    for at, (_, _, label) in enumerate(lines):
        if label is not None and fold(label) in seen:
            cut = _record_start(text, lines, begin, at)
            tail = _detached_tail(text, lines, begin, cut)
            pieces.extend((lines[begin:tail], lines[tail:cut]))
            begin = cut
            seen = {fold(other) for _, _, other in lines[cut:at] if other is not None}
        if label is not None:
            seen.add(fold(label))
    pieces.append(lines[begin:])
    return [piece for piece in pieces if piece]


def _record_start(text: str, lines: Lines, begin: int, at: int) -> int:
    """Where the record whose label comes again at line `at` starts: the lines above it that
    are no field lines, joined to it without a blank line and no deeper, after `begin`."""
    depth, cut = _indent(text, lines[at]), at
    while cut - 1 > begin and lines[cut - 1][2] is None:
        above, below = lines[cut - 1], lines[cut]
        if _indent(text, above) > depth:
            break
        if _parted(text, above, below):
            return cut - 1 if cut == at and _lone_title(text, lines, cut - 1) else cut
        cut -= 1
    return cut


def _detached_tail(text: str, lines: Lines, begin: int, cut: int) -> int:
    """Where the lines of `lines[begin:cut]` (a record, the next one starting at `cut`) that
    are no field lines and come after its last field line, from the first of them a blank
    line parts from the line above, start; `cut` when there are none. A minutes' "Apologies
    received from Dana Cole" between two cards names no owner of the card above (s37
    review: "What is Dana Cole's phone?" quoted it)."""
    last = cut
    while last - 1 > begin and lines[last - 1][2] is None:
        last -= 1
    if lines[last - 1][2] is None:
        return cut
    return next((at for at in range(last, cut) if _parted(text, lines[at - 1], lines[at])), cut)


def _parted(
    text: str, above: tuple[int, int, str | None], below: tuple[int, int, str | None]
) -> bool:
    """Whether a blank line parts the two lines."""
    return "\n\n" in text[above[1] : below[0]].replace("\r", "")


def _lone_title(text: str, lines: Lines, at: int) -> bool:
    """Whether the line `at` (no field line) stands alone: a blank line parts it from the
    line above it too, and it is a name (`_name_line`): a card's title
    line ("Julien Petit") written apart from the card it opens, not the last line of the
    card above it (hostile s37 P1: "Quel est le téléphone de Julien Petit ?" quoted the
    card above, which the name line closed)."""
    body = text[lines[at][0] : lines[at][1]]
    return _parted(text, lines[at - 1], lines[at]) and _name_line(body)


NAME_LINE_WORDS = 6
"""The most words of a card's title line ("Dr. Anna Kowalski", "Fiche 2")."""

_SHORT_WORD = 3
"""The longest word (letters) a name line may write in lower case ("de" of "Anne de Vries")."""


def _name_line(body: str) -> bool:
    """Whether the line `body` is a name, no sentence (field_lines.closes_sentence): at most
    NAME_LINE_WORDS words, each but the short ones (`_SHORT_WORD`) opening with a capital:
    "Julien Petit", not "Apologies received from Dana Cole" (s37 review)."""
    words = _WORD.findall(body)
    return (
        0 < len(words) <= NAME_LINE_WORDS
        and not closes_sentence(body)
        and all(
            word[0].isupper() or word[0].isdigit() or len(word) <= _SHORT_WORD for word in words
        )
    )


def _indent(text: str, line: tuple[int, int, str | None]) -> int:
    """How many blanks open the line."""
    body = text[line[0] : line[1]]
    return len(body) - len(body.lstrip())


def _sections(text: str) -> Iterator[tuple[list[tuple[int, int]], int]]:
    """The spans of the lines of each section of `text` (the lines between two markdown
    headings, the whole text when it has none; blank lines and headings left out), each with
    where its headings start: the document's start for the first section, else its own
    heading's line."""
    section: list[tuple[int, int]] = []
    headings_from = at = 0
    for line in text.splitlines(keepends=True):
        start, at = at, at + len(line)
        body = line.rstrip("\r\n")
        if is_markdown_heading(body):
            if section:
                yield section, headings_from
                section, headings_from = [], start
        elif body.strip():
            section.append((start, start + len(body)))
    if section:
        yield section, headings_from


def answering_fields(
    text: str,
    words: list[AskedWord],
    focus: str,
    naming: frozenset[str],
    records: list[Record] | None = None,
) -> list[FieldLine]:
    """The field lines of the records of a document's `text` that answer the question
    (`focus`, its `asked_words`) by their record (see the module's docstring), each with how
    well the question names its label (field_lines.label_match) and its span; `naming`: the
    folded words the document goes by, which name its record and no label. Where several
    records answer, only the one whose own lines and headings write the most asked words
    does, and none when two write as many: the document's name words are every record's.
    A question asking a kind of value of an owner is answered by the owner's card alone
    (`asked_card`). `records`: `records_of(text)` when the caller has read them already."""
    found_records = records_of(text) if records is None else records
    card = asked_card(text, words, focus, naming, found_records)
    if card is not None:
        return card.lines
    answering = []
    for record in found_records:
        heads, found, fit = _heading_stems(text, record), [], -1
        written = _RecordStems(text, record)
        for start, end, label in record.fields:
            match = label_match(label, focus, naming, _value(text, start, end))
            owned = None
            if match[0]:
                owners = _owner_words(words, label, focus)
                owned = _owned(written, start, owners, heads, naming)
            if owned is not None:
                found.append((match, start, end))
                fit = max(fit, owned)
        if found:
            answering.append((fit, found))
    if len(answering) > 1:
        best = max(fit for fit, _ in answering)
        answering = [item for item in answering if item[0] == best]
        if best == 0 or len(answering) > 1:
            return []
    return [line for _, found in answering for line in found]


FieldLine = tuple[tuple[int, float], int, int]
"""A field line answering: how well the question names its label (field_lines.label_match)
and its span."""


@dataclass(frozen=True)
class AskedCard:
    """The record of the owner a question asks a kind of value of (`asked_card`), or None for
    an owner a line outside every record writes, the span of either, its field lines holding
    a value of that kind, and the label of another record's such line."""

    record: Record | None
    span: tuple[int, int]
    owner: frozenset[str]
    lines: list[FieldLine]
    other_label: str


def asked_card(
    text: str,
    words: list[AskedWord],
    focus: str,
    naming: frozenset[str],
    records: list[Record] | None = None,
) -> AskedCard | None:
    """The card of the owner the question (`focus`, its `words`) asks a kind of value of
    (value_kinds.asked_value_kinds: a phone number, an e-mail address), with its lines
    answering: the record whose own lines or headings write the most of the asked words that
    name no asked kind (`_owner_card`), and its field lines writing a value of the kind or
    whose label the words naming it write whole (`_holds_kind`). Its own line answers
    whatever its label ("Adresse électronique" for "le mail de Marc Dubois"), and no other
    card's: none answers when its card holds no such line and another does (s37 review:
    "Courriel : anne…" of another card was quoted), nor when no card is the owner's but a line
    outside every record writes the owner (`_owner_line`: "Apologies received from Dana
    Cole" between two cards). None when no kind is asked, no card or such line is the
    owner's, or neither its card nor any other record holds the kind."""
    kinds = named_kinds(asked_value_kinds(focus))
    if not kinds:
        return None
    found = records_of(text) if records is None else records
    owners = _kind_owner_words(words, kinds)
    card = _owner_card(text, found, owners, naming)
    span = (
        (card.lines[0][0], card.lines[-1][1]) if card else _owner_line(text, found, owners, kinds)
    )
    if span is None:
        return None
    kind_text = " ".join(word.folded for word in words if word not in owners)
    lines = [
        (label_match(label, focus, naming, _value(text, start, end)), start, end)
        for start, end, label in (card.fields if card else [])
        if _holds_kind(text[start:end], label, kinds, kind_text, naming)
    ]
    others = [
        label
        for record in found
        if record is not card
        for start, end, label in record.fields
        if _holds_kind(text[start:end], label, kinds, kind_text, naming)
    ]
    if not lines and not others:
        return None
    owner = frozenset(word.folded for word in owners)
    return AskedCard(card, span, owner, lines, next(iter(others), ""))


def _kind_owner_words(words: list[AskedWord], kinds: list[str]) -> list[AskedWord]:
    """The asked `words` naming none of the asked `kinds` (value_kinds.kind_words, the words
    of their label groups of field_labels.json: "courriel" for an e-mail): the owner's."""
    named = kind_words(kinds)
    grouped = with_label_groups(frozenset(stem for word in named for stem in text_stems(word)))
    return [word for word in words if word.folded not in named and not word.stems & grouped]


def _owner_card(
    text: str, records: list[Record], owners: list[AskedWord], naming: frozenset[str]
) -> Record | None:
    """The record whose own lines or headings write the most of `owners`, each written there
    or among the document's name words (`naming`), and at least one; of records writing as
    many, the one whose title writes the most of them, then whose title writes the fewest
    other words (`_title_share`: "## Tom Baker" over the card whose "Role: Postdoc, reports
    to Tom Baker" names him, "## Comptabilité" over "## Paul Comptabilité"); None when none
    or two still tie."""
    best: Record | None = None
    most: tuple[int, int, float] = (0, 0, 0.0)
    tied = False
    for record in records:
        written = _RecordStems(text, record).lines.keys() | _heading_stems(text, record)
        held = [bool(word.stems & written or word.folded in written) for word in owners]
        if not all(own or _names(word, naming) for own, word in zip(held, owners, strict=True)):
            continue
        score = (sum(held), *_title_share(text, record, owners))
        if score > most:
            best, most, tied = record, score, False
        elif score == most and most[0]:
            tied = True
    return None if tied else best


def _title_share(text: str, record: Record, owners: list[AskedWord]) -> tuple[int, float]:
    """How many of `owners` the record's title writes (the markdown heading right above its
    first line, else its first line: "## Tom Baker", "Nom : Marc Dubois", a lone name line),
    and their share of the title's words."""
    start, end = _title_span(text, record)
    stems = [text_stems(word) for word in _WORD.findall(text[start:end])]
    held = sum(any(word.stems & one or word.folded in one for one in stems) for word in owners)
    return held, held / max(len(stems), 1)


def _title_span(text: str, record: Record) -> tuple[int, int]:
    """The span of the record's title: the markdown heading right above its first line (blank
    lines aside), else its first line."""
    first_start, first_end = record.lines[0][0], record.lines[0][1]
    return _heading_above(text, first_start) or (first_start, first_end)


def _owner_line(
    text: str, records: list[Record], owners: list[AskedWord], kinds: list[str]
) -> tuple[int, int] | None:
    """The span of the first line of `text` outside every record and its title
    (`_title_span`: a card's "## Tom Baker" is its own) whose words (as a record's identity
    is read) write each of `owners`, when there are some and several `records` (a
    directory: the one card of a document is no other owner's); else None. None too when
    that line's paragraph writes a value of one of the asked `kinds` (s38 review: a
    service's short block "## IT helpdesk" / "Phone: …" under the card size; prose "Julien
    Petit …, il est joignable au 06 …" between two cards): that line answers."""
    inside = [(_title_span(text, record)[0], record.lines[-1][1]) for record in records]
    at = 0
    for line in text.splitlines(keepends=True) if owners and len(records) > 1 else []:
        start, at = at, at + len(line)
        if any(first <= start < last for first, last in inside):
            continue
        written = _identity_stems(line)
        if all(word.stems & written or word.folded in written for word in owners):
            if any(writes_asked_value(kinds, one) for one in _paragraph(text, start)):
                return None
            return start, start + len(line.rstrip("\r\n"))
    return None


def _paragraph(text: str, start: int) -> list[str]:
    """The lines of `text` from `start` to the next blank line (or the end)."""
    blank = re.search(r"\n[ \t]*(?:\r?\n|$)", text[start:])
    return (text[start : start + blank.start()] if blank else text[start:]).splitlines()


def _holds_kind(
    line: str, label: str, kinds: list[str], kind_text: str, naming: frozenset[str]
) -> bool:
    """Whether the field `line` of `label` writes a value of one of the asked `kinds`
    (value_kinds.writes_asked_value) or the question's words naming them (`kind_text`)
    write its label whole (field_lines.label_written: "Téléphone : voir l'accueil"; "Cell
    line" of the owner "the HeLa cell line lab" holds no phone)."""
    return writes_asked_value(kinds, line) or label_written(label, kind_text, naming)


class _RecordStems:
    """The stems of a record's identity lines (its field lines and the lines that are no
    prose, field_lines.closes_sentence: a note's "The delay of the second firing was caused by
    …" under its "Author:" and "Date:" lines says what the note is about, not whose record it
    is), counted by how many lines write each, read once: the stems its lines but one
    write are then found in one look per stem, not by a union of all the others per line
    (a record of n field lines cost n² before)."""

    def __init__(self, text: str, record: Record) -> None:
        self.of_line = {
            start: _identity_stems(text[start:end])
            for start, end, label in record.lines
            if label is not None or not closes_sentence(text[start:end])
        }
        self.lines = Counter(stem for stems in self.of_line.values() for stem in stems)

    def by_others(self, line: int, stems: frozenset[str]) -> bool:
        """Whether a line of the record other than the one starting at `line` writes one of
        `stems`."""
        own = self.of_line.get(line, frozenset())
        return any(self.lines[stem] > (stem in own) for stem in stems)


def _owner_words(words: list[AskedWord], label: str, focus: str) -> list[AskedWord]:
    """The asked `words` naming the owner of a field line of `label` the question (`focus`)
    names: those that neither name the label nor go with a word naming it (`_companions`)."""
    beside = _companions(focus, with_label_groups(named_label_words(label, focus)))
    return [
        word
        for word in words
        if word.folded not in beside and not named_label_words(label, word.folded)
    ]


def _companions(focus: str, label_stems: frozenset[str]) -> frozenset[str]:
    """The folded words of the question (`focus`) that data/field_labels.json's
    label_companions holds and that it writes just before a word of one of `label_stems`
    or one or two words after one: "number" of "Tom Baker's phone number", "numéro" of
    "le numéro de téléphone", naming the value of the field, not its owner; "number" of
    "the invoice number for order 42", beside no word of an "Order" label, stays asked."""
    words = _WORD.findall(focus)
    found = set()
    for at, word in enumerate(words):
        if text_stems(word) & _companion_stems():
            near = words[max(at - 1, 0) : at] + words[at + 1 : at + 3]
            if any(text_stems(other) & label_stems for other in near):
                found.add(fold(word))
    return frozenset(found)


@cache
def _companion_stems() -> frozenset[str]:
    """The stems of data/field_labels.json's label companions, every language's."""
    lists = data_json("field_labels.json")["label_companions"].values()
    return frozenset(stem for words in lists for word in words for stem in text_stems(word))


def _owned(
    written: _RecordStems,
    line: int,
    owners: list[AskedWord],
    heads: frozenset[str],
    naming: frozenset[str],
) -> int | None:
    """How many of the `owners` (the asked words naming no label of the line starting at
    `line`: `_owner_words`) the record's other lines (`written`) or its headings (`heads`,
    their stems) write, when each of them is written there or among the document's name
    words (`naming`) and there is one; else None."""
    if not owners:
        return None
    held = [
        bool(word.stems & heads or word.folded in heads or written.by_others(line, word.stems))
        for word in owners
    ]
    if not all(own or _names(word, naming) for own, word in zip(held, owners, strict=True)):
        return None
    return sum(held)


def _names(word: AskedWord, naming: frozenset[str]) -> bool:
    """Whether the document's name words (`naming`) write the asked `word`: whole, by a stem,
    or each of its parts as the name words are read ("m'bappe" is "m" and "bappe" of
    "M'Bappé — fiche"; hostile s35 M3), with or without an elision before it ("d'o'brien")."""
    if word.folded in naming or word.stems & naming:
        return True
    return any(
        len(parts) > 1 and set(parts) <= naming
        for parts in (
            _NAME_PART.findall(word.folded),
            _NAME_PART.findall(without_elision(word.folded)),
        )
    )


_ADDRESS = re.compile(r"\S+@\S+|\b(?:https?://|www\.)\S+")
"""An e-mail or web address: the words in it name a mailbox or a site, no record's owner
("stages@univ-….fr" names no internship a mail's "Date:" line is the date of)."""


def _identity_stems(line: str) -> frozenset[str]:
    """The stems of a record's line as its identity: its addresses left out (`_ADDRESS`)."""
    return text_stems(_ADDRESS.sub(" ", line))


def _heading_stems(text: str, record: Record) -> frozenset[str]:
    """The stems of the markdown heading lines between the record's headings start and its
    first line: for the first section's first record, every heading above it (the document's
    title too); for another section's first record, its section's heading; for a later
    record of a section (`_pieces`), none."""
    above = text[record.headings_from : record.lines[0][0]]
    return text_stems(" ".join(line for line in above.splitlines() if is_markdown_heading(line)))


def _value(text: str, start: int, end: int) -> str:
    """The value of the field line `text[start:end]`: what follows its first colon."""
    return text[start:end].partition(":")[2].strip()


@dataclass(frozen=True)
class LackingField:
    """A record the question names by its owner that has no field line of the label the
    question asks, which another record of its document has (`lacking_field`)."""

    owner: frozenset[str]
    """The folded asked words its own lines or headings write: the owner named."""
    label: str
    """The asked label as another record writes it ("Téléphone")."""
    start: int
    end: int
    """The span of its lines."""
    mentioning: tuple[tuple[int, int], ...]
    """The spans of its lines writing a word of the asked label in a value ("Bureau :
    Téléphone : 09 …"): what it says of the field, if anything."""
    card: bool = True
    """Whether it is a record (else a line outside every record naming the owner)."""


def lacking_field(
    text: str,
    words: list[AskedWord],
    focus: str,
    naming: frozenset[str],
    records: list[Record] | None = None,
) -> LackingField | None:
    """The record of a document's `text` whose own lines or headings write every asked word
    (`words`) but those naming a label the question (`focus`) names (field_lines.label_match;
    `naming`: the document's name words, which name no label) of another record's field line,
    and which has no field line of such a label; None when there is none, when no asked word
    is left for an owner, or when a record having such a field line writes every owner word
    too (answering_fields reads it). "Quel est le téléphone de Marc Dubois ?" on a directory
    whose Marc Dubois card writes no "Téléphone :" line: Sophie Bernard's was quoted (s35
    hostile M4), where the module's docstring promises no other record answers. A record one
    of whose lines labels itself with a word of the asked value kind or writes a value of its
    shape (value_kinds.holds_asked_kind: "Portable : 06 …" for a phone) lacks nothing.
    `records`: `records_of(text)` when the caller has read them already."""
    found = records_of(text) if records is None else records
    card = asked_card(text, words, focus, naming, found)
    if card is not None:
        return _card_lacking(text, card, focus)
    labelled = [(record, _asked_labels(text, record, focus, naming)) for record in found]
    labels = [label for _, asked in labelled for label in asked]
    owned = [{word.folded for word in _owner_words(words, label, focus)} for label in labels]
    owners = [word for word in words if all(word.folded in own for own in owned)]
    if not labels or not owners:
        return None
    owning = [(record, asked) for record, asked in labelled if _writes_owner(text, record, owners)]
    if not owning or any(asked for _, asked in owning):
        return None
    record = owning[0][0]
    named = frozenset().union(*(named_label_words(label, focus) for label in labels))
    mentioning = tuple(
        (start, end)
        for start, end, _ in record.lines
        if with_label_groups(text_stems(text[start:end])) & named
    )
    asked = named_kinds(re.findall(r"[^\W_]+", fold(focus)))
    if any(
        holds_asked_kind(asked, text[start:end])
        for start, end, _ in record.lines
        if (start, end) not in mentioning
    ):
        return None  # "Portable : 06 …" for a phone: the field labelled otherwise
    owner = frozenset(word.folded for word in owners)
    return LackingField(owner, labels[0], record.lines[0][0], record.lines[-1][1], mentioning)


def _card_lacking(text: str, card: AskedCard, focus: str) -> LackingField | None:
    """The owner's card or line (`asked_card`) as lacking the asked kind when none of its
    lines answers, with its lines writing a word of another card's label in a value."""
    if card.lines:
        return None
    named = named_label_words(card.other_label, focus)
    mentioning = tuple(
        (start, end)
        for start, end, _ in (card.record.lines if card.record else ())
        if named and with_label_groups(text_stems(text[start:end])) & named
    )
    return LackingField(
        card.owner, card.other_label, *card.span, mentioning, card.record is not None
    )


def _asked_labels(text: str, record: Record, focus: str, naming: frozenset[str]) -> list[str]:
    """The labels of the record's field lines the question (`focus`) names."""
    return [
        label
        for start, end, label in record.fields
        if label_match(label, focus, naming, _value(text, start, end))[0]
    ]


def _writes_owner(text: str, record: Record, owners: list[AskedWord]) -> bool:
    """Whether the record's own lines or headings write each of `owners` (its document's name
    words are every record's: no owner)."""
    written = _RecordStems(text, record).lines.keys() | _heading_stems(text, record)
    return all(word.stems & written or word.folded in written for word in owners)
