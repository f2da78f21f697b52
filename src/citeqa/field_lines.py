"""Lines that label their value ("Total TTC : 13 618,00 €"), looked up by the label's words.

An invoice, a quote, a form or a statement writes its facts as fields, one a line: "Date :
15/04/2025", "Total HT : 12 380,00 €", "TVA 10 % : 1 238,00 €", "Amount due: £3,520.00",
"Client : SCI Les Tilleuls". The sentence ranker reads such a line as a short sentence of few
question words and rated it below the footers and header lines around it (s31 trial: 11 wrong
quotes). A field line is a whole line whose label (before its first colon, which no digit or
"//" follows at once: no time, ratio or address; at most LABEL_WORDS_MAX words, opening with a
letter) is followed by a short value (at most VALUE_MAX characters, no sentence of its own). A
question writing the label's words ("Quel est le montant TTC …" for "Total TTC", "Date de la
facture …" for "Date") looks that line up, as it looks a table's row up by its key cell
(field_answers.on_asked_field: always for a question naming the record the document is, else only
over a best sentence that is no prose, and a label of at most SHORT_LABEL_WORDS words named
whole): of several labels one document shares a word of ("Total HT", "Total TTC"), the
question's other words choose (`label_match`: most label words written first, then the label
most fully written; a label of which the question writes less than MIN_LABEL_SHARE is named by
none). Label words are compared stemmed in both languages (lexical.tokenize); a label word the
question writes in other words ("montant" for a "Total" line) is one of data/field_labels.json's
groups of label words that name one field: generic words of forms, no corpus's.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import NamedTuple

from citeqa.domain import language_data
from citeqa.folding import fold
from citeqa.jsonfiles import data_json
from citeqa.language import is_table_row, line_end, line_start
from citeqa.lexical import content_words, tokenize
from citeqa.reason_words import event_phrases
from citeqa.value_kinds import named_kinds, writes_asked_value

LABEL_WORDS_MAX = 5
"""The most words a field's label may have ("N° TVA intracom.", "Date d'échéance")."""

VALUE_MAX = 60
"""The longest value a field line holds after its label: a sum, a date, a name, an
identifier; a longer one is a sentence ("Pénalités de retard : 3 fois le taux …")."""

_OPENS_WITH_LETTER = re.compile(r"[^\W\d_]")
"""A label's first character: a letter."""

MIN_LABEL_SHARE = 0.5
"""The least share of a label's words a question must write to name it: "les entraînements
U13" names no "Tournoi de Noël U11-U13 : …" line of a calendar (s29 trial), "the total"
names "Total TTC"."""

SHORT_LABEL_WORDS = 2
"""The most words of a short label, which a question naming no record must write whole
(`label_match`'s `whole_short`): "due" alone names no "Due date"."""

_LANGS = ("en", "fr")

_SENTENCE_BREAK = re.compile(r"[.;!?]\s+\w")
"""Sentence punctuation then a word, within a value: a sentence of its own ("Pénalités : 3
fois le taux légal. Indemnité …"), not a value, but for a title's abbreviated period
(`_ends_sentence`)."""

_LAST_WORD = re.compile(r"([^\W\d_]+)$")
"""The word a text ends with: letters only."""


def field_label(text: str, start: int, end: int) -> str | None:
    """The label of the line `text[start:end]` when it is one whole field line (see the
    module's docstring), else None."""
    field = _field(text, start, end)
    return None if field is None else field[0]


def _field(text: str, start: int, end: int) -> tuple[str, str] | None:
    """The label and the value of the line `text[start:end]` when it is one whole field line,
    else None."""
    ends = line_end(text, start)
    if line_start(text, start) != start or ends < end:
        return None
    line = text[start:ends].strip()
    parts = _label_and_value(line)
    if parts is None or is_table_row(line):
        return None
    label, value = parts
    if len(label.split()) > LABEL_WORDS_MAX or len(value) > VALUE_MAX:
        return None
    if _ends_sentence(value):  # a sentence, not a value
        return None
    return label, value


def _label_and_value(line: str) -> tuple[str, str] | None:
    """The label (before the first colon, opening with a letter) and the value (after it, not
    empty) of one line, else None; a colon a digit or "//" follows at once is a time, a ratio
    or an address, not a label's ("Meeting at 10:30", "Ratio 3:1", "See https://…"). Split
    at the colon, not matched by a pattern: a pattern allowing spaces around the colon
    backtracks over a long run of spaces with no colon (a 32,000-space line took 5.9 s)."""
    label, colon, value = line.partition(":")
    if value[:1].isdigit() or value.startswith("//"):  # "10:30", "3:1", "https://…"
        return None
    label, value = label.rstrip(), value.strip()
    if not colon or not value or not _OPENS_WITH_LETTER.match(label):
        return None
    return label, value


def fields_within(text: str, start: int, end: int) -> list[tuple[str, str]]:
    """The labels and values of the field lines (`field_label`) lying whole within
    `text[start:end]`, a sentence of one line or of several (the lines of a table read from a
    PDF, then "Total HT : 2 940,00 €" under them), in order."""
    fields = []
    at = line_start(text, start)
    while at < end:
        close = line_end(text, at)
        field = _field(text, at, close) if at >= start and close <= end else None
        if field is not None:
            fields.append(field)
        at = close + 1
    return fields


def field_labels(text: str, start: int, end: int) -> list[str]:
    """The labels of `fields_within`."""
    return [label for label, _ in fields_within(text, start, end)]


def label_match(
    label: str,
    focus: str,
    naming: frozenset[str] = frozenset(),
    value: str = "",
    whole_short: bool = False,
) -> tuple[int, float]:
    """How well the question `focus` names `label`: how many of the label's words it writes
    (stemmed, in either language, or through a word of the same group of field_labels.json),
    and that count's share of the label's words; (0, 0.0) when none or less than
    MIN_LABEL_SHARE. A label word among `naming` (the folded words the document goes by:
    document_names.name_words) names the document, not the field: "invoice" of "Invoice
    date" in "Hampton_Timber_invoice.pdf" is no field "How much was the Hampton Timber
    invoice?" asks; a question word that the line's `value` writes too tells which record is
    asked, not which field: "Journal" of "the DOI of the Journal of Microscopy paper" names no
    "journal: Journal of Microscopy" line. With `whole_short` (a question naming no record
    the document is: field_answers.on_asked_field), a label of at most SHORT_LABEL_WORDS words is
    named only by all of them: a lone generic word ("total" of "How many inspectors in total
    …", "due" of "What was the delay due to?") names no "Total: 4 sites" or "Due date: …"
    line (s32-keyed review). A label word named only through a group of a kind of value
    (value_kinds.py: "téléphone" for a "Portable" line) is named when the `value` writes a
    value of that kind: "Ordinateur portable : Dell Latitude" and "Cell line: HEK293" name no
    phone (s37 review). A question word the document goes by (among `naming`) names the
    document, not a field, whatever label shares its stem: "insurance" of "When does the
    insurance cover end?" names no "Insurer: Hiscox" line of "insurance.txt" (s57 trial)."""
    asked = named_stems(focus) - text_stems(value) - _naming_stems(focus, naming)
    grouped = _grouped_with(asked)
    written = total = 0
    for word in _label_words(label):
        if fold(word) in naming:
            continue
        total += 1
        stems = text_stems(word)
        if stems & asked or (stems & grouped and _holds_group_kind(stems, value)):
            written += 1
    if not written or written / total < MIN_LABEL_SHARE:
        return (0, 0.0)
    if whole_short and written < total <= SHORT_LABEL_WORDS:
        return (0, 0.0)
    return (written, written / total)


def _naming_stems(focus: str, naming: frozenset[str]) -> frozenset[str]:
    """The stems of the words of `focus` that are among `naming` (folded, as written)."""
    if not naming:
        return frozenset()
    return text_stems(" ".join(word for word in content_words(focus) if word in naming))


def named_label_words(label: str, focus: str) -> frozenset[str]:
    """The stems of the words of `label` the question `focus` writes (as `label_match` reads
    them), to look for in another sentence (`writes_stems`)."""
    asked = named_stems(focus)
    asked |= _grouped_with(asked)
    return frozenset(stem for word in _label_words(label) for stem in text_stems(word) & asked)


def label_written(label: str, focus: str, naming: frozenset[str] = frozenset()) -> bool:
    """Whether the question `focus` writes each word of `label` itself (`named_stems`), not
    through a word of its group, the words among `naming` (the document's) aside: "le
    téléphone" writes "Téléphone : voir l'accueil", not "Portable"."""
    asked = named_stems(focus)
    words = [word for word in _label_words(label) if fold(word) not in naming]
    return bool(words) and all(text_stems(word) & asked for word in words)


def with_label_groups(stems: frozenset[str]) -> frozenset[str]:
    """`stems` and those of every label word of a group of field_labels.json holding one of
    them: a table header's "Office hours" writes the "heures de permanence" a question asks."""
    return stems | _grouped_with(stems)


def writes_stems(text: str, stems: frozenset[str]) -> bool:
    """Whether `text` writes a word of one of `stems` (either language's)."""
    return bool(text_stems(text) & stems)


def _label_words(label: str) -> list[str]:
    """The label's words that carry a stem (digits, signs and stopwords carry none)."""
    return [word for word in re.findall(r"[^\W\d_][\w'’-]*", label) if text_stems(word)]


STEMS_KEPT = 4096
"""How many short texts' stems are kept (`text_stems`): a question, a label, a label word, a value
are read again for each field line of each candidate."""

SHORT_TEXT = 200
"""The longest text whose stems are kept (characters): a sentence read whole (`writes_stems`)
may be a page long, and a cache keyed by the text keeps the text alive."""


def closes_sentence(text: str) -> bool:
    """Whether `text` closes on sentence punctuation (a semicolon counted): prose, not a field,
    a header or a footer line (answering's field lookup, record_fields' identity lines)."""
    return text.rstrip().endswith((".", ";", "!", "?"))


def _ends_sentence(value: str) -> bool:
    """Whether sentence punctuation then a word part the field's `value` (`_SENTENCE_BREAK`),
    a period closing a capitalised title's abbreviation of data/field_labels.json ("Prof.
    Helen Marsh", "M. Durand") aside: "30 June. Late payment …" and "Call Tom. He …" do."""
    for found in _SENTENCE_BREAK.finditer(value):
        if value[found.start()] != ".":
            return True
        word = _LAST_WORD.search(value, 0, found.start())
        if not (word and word[1][0].isupper() and word[1].casefold() in _title_abbreviations()):
            return True
    return False


@cache
def _title_abbreviations() -> frozenset[str]:
    """data/field_labels.json's title abbreviations of every language read, folded."""
    lists = data_json("field_labels.json")["title_abbreviations"]
    return frozenset(fold(word) for lang in _LANGS for word in lists[lang])


def text_stems(text: str) -> frozenset[str]:
    """The stems of `text`'s words in every language read, as labels are compared
    (record_fields.py reads a record's lines and a question's words so); a short text's kept
    for the last STEMS_KEPT (functools.lru_cache, keyed by the text: short texts only)."""
    return _short_stems(text) if len(text) <= SHORT_TEXT else _read_stems(text)


@lru_cache(maxsize=STEMS_KEPT)
def _short_stems(text: str) -> frozenset[str]:
    """`_read_stems`, kept."""
    return _read_stems(text)


def _read_stems(text: str) -> frozenset[str]:
    """The stems of `text`'s words in every language read."""
    return frozenset(stem for lang in _LANGS for stem in tokenize(text, lang))


def _grouped_with(asked: frozenset[str]) -> frozenset[str]:
    """The stems of every label word of a group of field_labels.json holding one of the
    `asked` stems: the words naming the same field."""
    found: set[str] = set()
    for group in _groups():
        if group.stems & asked:
            found |= group.stems
    return frozenset(found)


def _holds_group_kind(stems: frozenset[str], value: str) -> bool:
    """Whether `value` writes a value of the kinds of value (value_kinds.py) the groups of
    field_labels.json holding `stems` name ("Portable" of the phone group: a phone number),
    when they name any and a value is given."""
    kinds = [kind for group in _groups() if group.stems & stems for kind in group.kinds]
    return not kinds or not value or writes_asked_value(kinds, value)


class _Group(NamedTuple):
    """A group of field_labels.json: its words' stems and the kinds of value they name
    (value_kinds.named_kinds: "phone" for the group of "téléphone", "portable", "tél")."""

    stems: frozenset[str]
    kinds: tuple[str, ...]


@cache
def _groups() -> tuple[_Group, ...]:
    """data/field_labels.json's groups of label words, each as its words' stems and kinds."""
    return tuple(
        _Group(
            frozenset(stem for word in group for stem in text_stems(word)),
            tuple(named_kinds([fold(word) for word in group])),
        )
        for group in data_json("field_labels.json")["groups"]
    )


SHORT_STEM = 3
"""The longest stem (letters) a question's word names a label word by only when it writes the
stem whole or as its plural (`named_stems`): "tell" (French stem "tel") names no "Tel:" line,
"taxes" names "Tax:"."""

QUESTIONS_KEPT = 256
"""How many questions' stems `named_stems` keeps: it is read for each field line of a
question's candidates."""


@lru_cache(maxsize=QUESTIONS_KEPT)
def named_stems(focus: str) -> frozenset[str]:
    """The stems of the question's (`focus`) words by which it names a label word: those of
    `text_stems`, but a stem of at most SHORT_STEM letters that the word writing it does not
    write whole or plural ("tel" of "tell", "cel" of "cell": s37 review, "Can you tell me
    the role of Helen Price?" named her "Phone:" line), and none of an idiom's (`_idioms`:
    "a lieu" names no "Lieu :" line)."""
    found: set[str] = set()
    for token in _without_idioms(focus).split():
        pieces = set(re.findall(r"[^\W_]+", fold(token)))
        for stem in text_stems(token):
            if len(stem) > SHORT_STEM or pieces & {stem, stem + "s", stem + "es", stem + "x"}:
                found.add(stem)
    return frozenset(found)


def _without_idioms(focus: str) -> str:
    """`focus` folded, each idiom (reason_words.event_phrases) in it blanked ("Quand a lieu
    le séminaire ?": "quand   le seminaire ?"), unless it asks a place (the language data's
    `answer_types` "place": "Où a lieu le séminaire ?" names the "Lieu :" line)."""
    folded = fold(focus)
    return folded if _asks_place().search(folded) else _idioms().sub(" ", folded)


@cache
def _asks_place() -> re.Pattern[str]:
    """The language data's question asking a place ("where", "où a"), read on folded text."""
    return re.compile(language_data().answer_types["place"])


@cache
def _idioms() -> re.Pattern[str]:
    """The phrases asking when or whether an event takes place (reason_words.event_phrases),
    every language's, as one pattern of whole words."""
    phrases = sorted(event_phrases(), key=len)
    alternatives = "|".join(re.escape(phrase) for phrase in reversed(phrases))
    return re.compile(rf"(?<![\w'’-])(?:{alternatives})(?![\w'’-])")
