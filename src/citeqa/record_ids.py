"""A record's identifier the question writes ("INC-2025-07", "T-41234", "HD-0031"): the
documents that write it come first, and one the corpus never writes while it writes its
siblings is a near miss to abstain on.

Such an identifier names one record: a post-mortem, a ticket, an asset. The rankers read it as
its pieces ("inc", "2025", "07"), which every post-mortem of 2025 shares, so "What was the root
cause of INC-2025-07?" quoted INC-2025-10's action row "Find the root cause" (.66, session 19's
user trial), though "INC-2025-07" alone found its file. The rules:

- an identifier is a word of one to five letters (or two such in capitals, hyphenated:
  "HT-INV-4480", "PO-AM-2025-19"; s31 trial n14; "Year-End", "Jan-Mar" are words), maybe after
  a year and a hyphen (`YEAR_LEAD`: "2025-A-030"), then one or more hyphenated groups of
  digits, three digits at least in all, two when its letters are one or two capitals
  (`asked_ids`): "INC-2025-07", "T-41234", "HD-0031", a plot "C-06" (s32 trial: read as the
  term "06", a date's, it quoted a road works row); "IL-6" (a name a paraphrase may spell
  otherwise) is none, nor is a word and a lone year, whatever its case ("mid-2024",
  "Pre-2020", "FY-2025": prose), nor a lower-case word and two digits ("week-52"), nor a
  longer word and two digits ("Jan-25", "COVID-19", "Week-52"); an identifier of one group of
  letters and two digits has no siblings to abstain on (`siblings`: "F-16" beside "F 15"),
  one of two groups has those of its shape and first group ("ZT-ES-99": ZT-DK-07, ZT-ES-12);
- when some of the passages ranked for a question belong to documents that write one of its
  identifiers (letters and digit groups apart by a hyphen, a space or nothing, any case),
  and some do not, those passages come first, each group in its own order
  (`with_named_documents`), and the quote is chosen among the sentences of those documents
  when any is a candidate (answering.of_named_records): the identifier weighs as the name of
  its document, whatever section of it answers;
- an identifier written with a capital (`RecordId.capitalised`: a lower-case "hd-0031" may be
  any hyphenated word, so it weighs only where the corpus writes it, as above) that the corpus
  never writes (questions.Vocabulary.has_compound) while it writes
  others of the same letters and digit groups (INC-2025-02 among INC-2025-07/08/10) is asked of
  a record the documents do not hold: the question abstains naming the closest ones the corpus
  writes (`siblings`, `abstention.no_record_named`), as numbered_sections.py abstains on a
  section number no heading opens with.

No I/O: the documents' texts are read only for a question writing an identifier, only those
of the ranked passages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from citeqa.document_kinds import written_as_record
from citeqa.hyphens import ID_HYPHENS, ID_HYPHENS_AS_ASCII
from citeqa.models import Document, Hit

__all__ = [
    "AskedRecords",
    "RecordId",
    "asked_ids",
    "asked_records",
    "hyphens_as_ascii",
    "ids_pattern",
    "is_date_stamp",
    "is_record_id",
    "own_record",
    "siblings",
    "with_named_documents",
    "writing_documents",
]

MIN_DIGITS = 3
"""An identifier holds at least this many digits ("IL-6" is a name, not a record)..."""
MIN_CAPITALISED_DIGITS = 2
"""... or this many when its letters are all capitals, MAX_SHORT_ID_LETTERS at most ("C-06";
"week-52", "Jan-25", "Week-52", "COVID-19", "Top-10" are prose or names)."""
MAX_SHORT_ID_LETTERS = 2
"""The most letters an identifier of fewer than MIN_DIGITS digits holds."""
SIBLINGS_NAMED = 4
"""How many of the corpus's sibling identifiers a reason names: the closest, in alphabetical
order."""
_ASCII_DIGITS = re.compile(r"[0-9]+")
"""A sibling's digits: ASCII only (str.isdigit also holds Ethiopic "፩" or "²", which int()
cannot read)."""
_YEAR = re.compile(r"(?:1[89]|20)[0-9]{2}")
YEAR_LEAD = _YEAR.pattern
"""A year that may open an identifier before its letters, a hyphen after it ("2025-A-030": an
order's number of its year); unheld_codes.CODE reads the same shape."""
_IN_CLASS = ID_HYPHENS.replace("-", r"\-")
"""ID_HYPHENS as a character class's content, the hyphen escaped."""


def hyphens_as_ascii(text: str) -> str:
    """`text` with each of hyphens.ID_HYPHENS as the hyphen-minus, every offset kept (the
    non-breaking hyphen a word processor types, "HT‑INV‑4483", the en dash, the minus sign; s33
    hostile probe: such an id was never found)."""
    return text.translate(ID_HYPHENS_AS_ASCII)


_HYPHEN = f"[{_IN_CLASS}]"
_ID = re.compile(
    rf"(?<![\w-])(?:(?P<lead>{YEAR_LEAD})-)?([A-Za-z]{{1,5}}|[A-Z]{{1,5}}-[A-Z]{{1,5}})((?:-\d+)+)(?![\w-])"
)
"""An identifier: maybe a year, then a group of letters ("INC", "hd") or two in capitals
("HT-INV": "Year-End", "Jan-Mar" are words), then its groups of digits."""
_DATED_NUMBER = re.compile(
    rf"(?<![\w{_IN_CLASS}])(?P<lead>{YEAR_LEAD})-(0[1-9]|1[0-2])-([0-9]{{3,}})(?![\w{_IN_CLASS}])"
)
"""An identifier of digits only: a year, a month and a number of three digits or more
("2025-09-014", a delivery note's or an order's number in its month; s41 shop trial: "le bon
2025-09-014" quoted 2025-09-015's line). A day has two digits: "2025-09-14" is a date."""


@dataclass(frozen=True)
class RecordId:
    """An identifier as the question writes it: its letters and its groups of digits."""

    written: str
    letters: str
    groups: tuple[str, ...]
    lead: str = ""
    """The year written before its letters ("2025" of "2025-A-030"), or none."""

    @property
    def capitalised(self) -> bool:
        """Whether its letters are written with a capital ("HD-0031", "Hd-0031", not "hd-0031"):
        only such an identifier is asked of a record even where the corpus never writes it."""
        return not self.letters.islower()

    @property
    def family(self) -> str:
        """What its siblings share, folded: its year before its letters and its letters
        ("2025a" of "2025-A-030", "inc" of "INC-2025-07"), without the hyphen between two
        groups ("htinv" of "HT-INV-4480"), as a compound key opens with them."""
        return self.lead + self.letters.lower().replace("-", "")

    @property
    def shape(self) -> str | None:
        """How it is written when its letters are two groups ("AA-AA-99" of "ZT-ES-12"):
        the records of one collection ("ZT-DK-07", "FG-UK-33") share it, whatever their
        letters; None for letters of one group, whose records share their letters instead
        (`family`: "HD-0007", "HD-0008")."""
        if "-" not in self.letters:
            return None
        return "-".join(
            ["A" * len(group) for group in self.letters.split("-")]
            + ["9" * len(group) for group in self.groups]
        )

    @property
    def key(self) -> str:
        """The identifier's compound key (compounds.compound_key): folded, no hyphens."""
        return self.family + "".join(self.groups)

    def digits(self) -> str:
        """Its digit groups in a pattern: apart by a hyphen, a space or nothing."""
        return r"[-\s]?".join(self.groups)

    def written_as(self, key: str) -> str:
        """A sibling's key written in this identifier's shape ("inc202502" → "INC-2025-02")."""
        digits, parts = key[len(self.family) :], []
        for group in self.groups:
            parts.append(digits[: len(group)])
            digits = digits[len(group) :]
        opening = len(self.letters) + (len(self.lead) + 1 if self.lead else 0)
        if not self.letters:  # "2025-09-014": the year, then its groups
            opening = len(self.lead)
        return "-".join([self.written[:opening], *parts])


def asked_ids(question: str) -> list[RecordId]:
    """The identifiers of records `question` writes, in order (see the module's docstring)."""
    found = []
    ascii_hyphens = hyphens_as_ascii(question)
    for match in _ID.finditer(ascii_hyphens):
        letters, groups = match.group(2), tuple(match.group(3).strip("-").split("-"))
        least = MIN_CAPITALISED_DIGITS if _may_be_short(letters) else MIN_DIGITS
        if sum(map(len, groups)) >= least and not _is_dated_word(letters, groups):
            written = question[match.start() : match.end()]
            found.append((match.start(), RecordId(written, letters, groups, match["lead"] or "")))
    for match in _DATED_NUMBER.finditer(ascii_hyphens):
        written = question[match.start() : match.end()]
        found.append((match.start(), RecordId(written, "", match.groups()[1:], match["lead"])))
    return [record for _, record in sorted(found, key=lambda item: item[0])]


def _may_be_short(letters: str) -> bool:
    """Whether an identifier of these letters may hold MIN_CAPITALISED_DIGITS digits only:
    all capitals, MAX_SHORT_ID_LETTERS at most in each of its groups ("C", "KX", and a
    collection's "ZT-ES" of "ZT-ES-12", "FG-UK" of "FG-UK-33": a species and a country; not
    "Jan", "Week", "COVID", "HT-INV")."""
    groups = letters.split("-")
    return letters.isupper() and all(len(group) <= MAX_SHORT_ID_LETTERS for group in groups)


def is_record_id(text: str) -> bool:
    """Whether `text`, stripped, is one identifier of a record and nothing else (`asked_ids`):
    a table's cell "HD-0009", not "HD-0009 reopened" nor "IL-6"."""
    found = asked_ids(text.strip())
    return len(found) == 1 and found[0].written == text.strip()


def _is_dated_word(letters: str, groups: tuple[str, ...]) -> bool:
    """Whether a word and a lone year are what is written, whatever its case ("mid-2024",
    "Pre-2020", "YE-2024", "Q-2025"): prose, not an identifier (s32 review: "Year-End-2024" was
    read as one, and abstained on as a record the documents do not hold)."""
    return len(groups) == 1 and _YEAR.fullmatch(groups[0]) is not None


def siblings(asked: RecordId, keys: Iterable[str]) -> list[str]:
    """The identifiers among the compound `keys` of the corpus with `asked`'s letters and as
    many digits, written in its shape: the SIBLINGS_NAMED closest numbers, in alphabetical
    order. None for an identifier of fewer than MIN_DIGITS digits ("F-16", "U-18"): a key
    stores "F 15" and "F-15" alike, and a word then a number of two digits ("Jan 15", "Top
    10") is no sibling to abstain on; such an identifier only brings its documents first,
    unless its letters are two groups (`shape`): then its siblings are the corpus's records of
    that shape (`_shape_siblings`: "ZT-ES-99" among "ZT-DK-07", "ZT-ES-12")."""
    if sum(map(len, asked.groups)) < MIN_DIGITS:
        return _shape_siblings(asked, keys) if asked.shape else []
    letters, width = asked.family, sum(map(len, asked.groups))
    numbers = {
        key
        for key in keys
        if key.startswith(letters)
        and len(key) == len(letters) + width
        and _ASCII_DIGITS.fullmatch(key[len(letters) :])
    }
    target = int("".join(asked.groups))
    closest = sorted(numbers, key=lambda key: (abs(int(key[len(letters) :]) - target), key))
    return sorted((asked.written_as(key) for key in closest[:SIBLINGS_NAMED]), key=str.lower)


def _shape_siblings(asked: RecordId, keys: Iterable[str]) -> list[str]:
    """The compound `keys` written in `asked`'s two-group shape ("ztdk07" of "AA-AA-99"), as
    that shape writes them ("ZT-DK-07"), opening with its first group of letters (a key folds
    case and hyphens: "PstS10" is "psts10", a sibling of "PS-TS-99" only, not of "ZT-ES-99"):
    the SIBLINGS_NAMED of the closest numbers, in alphabetical order."""
    shape = asked.shape or ""
    pattern = re.compile(shape.replace("-", "").replace("A", "[a-z]").replace("9", "[0-9]"))
    letters = sum(c == "A" for c in shape)
    lead, target = asked.family[: len(asked.letters.split("-")[0])], int("".join(asked.groups))
    held = [key for key in keys if key.startswith(lead) and pattern.fullmatch(key)]
    held.sort(key=lambda key: (abs(int(key[letters:]) - target), key))
    return sorted((_in_shape(key, shape) for key in held[:SIBLINGS_NAMED]), key=str.lower)


def _in_shape(key: str, shape: str) -> str:
    """A folded `key` written in `shape` ("ztdk07", "AA-AA-99" → "ZT-DK-07")."""
    characters = iter(key.upper())
    return "".join(c if c == "-" else next(characters) for c in shape)


def ids_pattern(records: Iterable[RecordId]) -> re.Pattern[str]:
    """Any of `records` in a text: its letters and digit groups apart by a hyphen, a space or
    nothing, any case, never inside a longer word or number; one letter never apart from its
    digits by a space ("a 380" is the article and a number, not "A-380").

    One pattern for them all, a branch per distinct letters, each opening with its letters
    (re finds a pattern's opening letters fast; a look-behind opening one made it test every
    character) and then the digits of each record of those letters, so that a document is read
    once whatever the number of identifiers: one pattern per identifier read a 1.1 MB
    document 229 times for 229 ids (22.5 s; benchmarks/record_ids_cost.py)."""
    digits: dict[tuple[str, str], list[str]] = {}
    for record in records:
        digits.setdefault((record.lead, record.letters.lower()), []).append(record.digits())
    branches = [_branch(*opening, numbers) for opening, numbers in digits.items()]
    return re.compile("(?:" + "|".join(branches) + rf")(?![\w]|{_HYPHEN}\d)", re.I)


def _branch(lead: str, letters: str, digits: list[str]) -> str:
    """The records of one `lead` (a year, or none) and `letters` (two groups apart by a hyphen,
    a space or nothing: "ht-inv"): those, with nothing of a word or a hyphen just before them
    (a look-behind once the first is read), then any of their `digits`."""
    first, *rest = letters.split("-")
    apart = rf"[{_IN_CLASS}\s]?"  # any of ID_HYPHENS, a space or nothing
    others = "".join(apart + re.escape(group) for group in rest)
    after_letters = apart if len(letters) > 1 or lead else _HYPHEN + "?"  # "a 380": no "A-380"
    before = rf"(?<![\w{_IN_CLASS}]"
    opening = re.escape(first) + before + re.escape(first) + ")" + others
    if lead:  # "2025-A-030", "2025 A 030": the year first, then its letters
        opening = lead + before + lead + ")" + apart + re.escape(first) + others
    if lead and not letters:  # "2025-09-014": the year, then its digits
        opening = lead + before + lead + ")"
    return opening + after_letters + "(?:" + "|".join(digits) + ")"


READ_IDS = 64
"""At most this many of a question's identifiers, its first, are looked for in the documents
(`writing_documents`): a pasted list of hundreds names no one record, and each is one more
branch of digits tried wherever a document writes its letters."""
READ_PREFIXES = 8
"""And only those of its first READ_PREFIXES letters ("HD", "INC"): each is one more branch
tried at every letter of a document (229 prefixes cut to 64 took 1.5 s a MB, 8 0.2 s)."""


def writing_documents(question: str, documents: Iterable[Document]) -> set[str] | None:
    """The ids of `documents` writing one of the identifiers `question` writes (the first
    READ_IDS of its first READ_PREFIXES letters), each document read once (`ids_pattern`);
    None when it writes none."""
    asked = asked_records(question)
    if asked is None:
        return None
    return {doc.doc_id for doc in documents if asked.pattern.search(doc.text)}


@dataclass(frozen=True)
class AskedRecords:
    """The identifiers a question writes, as read once (`asked_records`): the pattern finding
    any of them in a text, and their folded families (`RecordId.family`: "hd" for "HD-0007")."""

    pattern: re.Pattern[str]
    families: frozenset[str]
    shapes: frozenset[str] = frozenset()
    """The `RecordId.shape` of those whose letters are two groups ("AA-AA-99" of "ZT-ES-12")."""

    def names_another(self, text: str) -> bool:
        """Whether `text` (a heading, a sentence) writes an identifier of the same letters
        that is none of those asked, or of the same two-group shape (a record of the same
        collection: "ZT-DK-07;…;Denmark;…" for a question on ZT-ES-12, s43 research dev), and
        none that is: "## HD-0008" for a question on HD-0007, not "## HD-0007 (reopened as
        HD-0031)" (s21 review)."""
        if self.pattern.search(text):
            return False
        return any(
            record.family in self.families or record.shape in self.shapes
            for record in asked_ids(text)
        )

    def another_in_path(self, path: list[str]) -> bool:
        """Whether the innermost heading of `path` (outermost first) writing an identifier of
        the asked letters names another record (`names_another`): "### Root cause" under
        "## HD-0008" is HD-0008's for a question on HD-0007, and "### Related: HD-0008" under
        "## HD-0007" is HD-0007's own section only when it writes HD-0007 too."""
        for heading in reversed(path):
            if self.pattern.search(heading):
                return False
            if self.names_another(heading):
                return True
        return False


def asked_records(question: str) -> AskedRecords | None:
    """The identifiers `question` writes (the first READ_IDS of its first READ_PREFIXES
    letters) as `AskedRecords`; None when it writes none."""
    records = _read_ids(asked_ids(question))
    if not records:
        return None
    shapes = frozenset(r.shape for r in records if r.shape is not None)
    return AskedRecords(ids_pattern(records), frozenset(r.family for r in records), shapes)


def own_record(path: str, text: str = "") -> RecordId | None:
    """The identifier a document's `path` names it by: the first its file name writes (its
    underscores read as spaces), else the first of the innermost folder writing one; None when
    no part writes one. A file named after its own record writes that id first, and another
    record's after it ("AV-2025-003_FA-2025-022": the credit note AV-2025-003 on invoice
    FA-2025-022). A date stamp (`is_date_stamp`: "Scan-2031-04-15", "CR-2025-03") is no such
    id unless the document's `text` writes it as a record's number, after a word of a kind
    of document (document_kinds.written_as_record: "Avoir AV-2025-05 sur facture FA-2025-02"
    of "AV-2025-05_FA-2025-02", a credit note numbered in its year; s35 hostile M7); minutes
    "PV-2024-03_CR-2024-04" or a scan "Scan-2024-03_IMG-2024-04" stay dated."""
    for part in reversed(path.replace("_", " ").split("/")):
        found = [
            record
            for record in asked_ids(part)
            if not is_date_stamp(record) or _numbered_in(text, record)
        ]
        if found:
            return found[0]
    return None


def _numbered_in(text: str, record: RecordId) -> bool:
    """Whether `text` writes `record` after a word of a kind of document, as its number."""
    if not text:
        return False
    return any(
        written_as_record(text, match.start())
        for match in ids_pattern([record]).finditer(hyphens_as_ascii(text))
    )


_MONTH_DAY = re.compile(r"(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])?")


def is_date_stamp(record: RecordId) -> bool:
    """Whether `record`'s digits are a year then a month, maybe a day ("Scan-2031-04-15",
    "IMG-20250415", "CR-2025-03"): a file's date stamp more likely than its record's number, so
    no identifier a document goes by (`own_record`; s34 review: a scan's date stamp was read
    as the record it goes by)."""
    digits = "".join(record.groups)
    if len(record.groups) > 1 and any(len(group) != 2 for group in record.groups[1:]):
        return False
    return _YEAR.fullmatch(digits[:4]) is not None and _MONTH_DAY.fullmatch(digits[4:]) is not None


def _read_ids(records: list[RecordId]) -> list[RecordId]:
    """The first READ_IDS of `records` whose letters are among their first READ_PREFIXES."""
    prefixes = list(dict.fromkeys(record.family for record in records))
    read = set(prefixes[:READ_PREFIXES])
    return [record for record in records if record.family in read][:READ_IDS]


def with_named_documents(
    hits: list[Hit], question: str, documents: Mapping[str, Document]
) -> list[Hit]:
    """`hits` with those of documents writing an identifier `question` writes first, when
    some are and some are not; else `hits` as they are."""
    if len(hits) < 2:
        return hits
    read = (documents[doc_id] for doc_id in dict.fromkeys(hit.chunk.doc_id for hit in hits))
    writing = writing_documents(question, read)
    if not writing:
        return hits
    first = [hit for hit in hits if hit.chunk.doc_id in writing]
    if len(first) == len(hits):
        return hits
    return first + [hit for hit in hits if hit.chunk.doc_id not in writing]
