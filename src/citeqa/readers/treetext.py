"""A parsed JSON or YAML value as text a person reads in a quote and a search matches.

Each leaf is one line naming its path: "plans › Team › price_per_seat_month: 19" (readers/
structured.py parses the file; this module writes the text citation offsets point into). The
path makes every line a quote that stands alone ("19" under a heading three screens up would
not), and puts the words a question uses ("Team", "price") on the line that answers it.

- A key is written as the file writes it, so a question naming it ("rollout_percent of
  ai_suggested_replies") finds it whole (identifiers.py: an underscored name must be written
  whole), and BM25 reads a snake_case key's words anyway (lexical tokens stop at "_"); a
  camelCase key, one token to BM25, is followed by its words: "retryAfterMinutes (retry after
  minutes)" (`key_text`, `humanised_key`). Writing "price per seat month" alone made
  "What is the rollout percent of ai_suggested_replies?" abstain on the s20 trial's flags.
- A record of a list (a mapping) is named by the value of its first `record_label_keys`
  (citeqa/data/structured_files.json: "name", "id", "code"…) when that names every record of
  the list apart ("plans › Team › …"), else by its place ("plans › #2 › …").
- A list of short one-line scalars is one line: "enabled_for: team, business, enterprise".
- A list of records that share their keys (`is_table`: at most TABLE_MAX_COLUMNS keys in
  all, at least TABLE_MIN_FILL of the cells filled, every value a scalar or a short list) is a
  markdown pipe table under a line naming its path, as a .csv file's records are
  (delimited.pipe_table), so that tables.py finds a row's header and keyedrows.py a row by
  its key.
- A scalar reads as the file writes it (structured.py keeps JSON's numbers as their text,
  yamlnodes.py every YAML scalar's), and a mapping's key written twice is written twice
  (`Pairs`).
- A string of several lines follows its path line, its lines as they are but indented
  (CONTINUATION_INDENT: one opening "#" is no heading of the file).
- With `passages` (records.write_export_list, for a JSON file), an export's list of records
  that hold lists of records (tickets and their comments) is written a passage per record by
  records.py, under a heading naming the record, its comments' text as written (s25 trial: a
  comment's refund was chunked apart from its ticket's order number, and quoted as key paths);
  the public names below (`Writer`, `write_value`, `pairs_of`, `is_scalar`, `is_inline_list`,
  `is_table`, `write_table`, `record_labels`, `unmarked`) are the walk's pieces records.py
  writes with.
- Records one level down are paragraphs of their own (a blank line between "plans › Free"
  and "plans › Team" lines), so chunks and quotes keep a record together.

Every key and value is sanitised as it is written (visible.clean, visible.shown for keys: a
JSON "\\u001b" decodes to an ESC the terminal must never receive). The walk is bounded: a value
nested deeper than `max_depth` (a cycle a YAML alias makes included) raises TooDeep, and a text
longer than `max_chars` (YAML aliases repeating a part of the file a billion times) raises
TooLong as soon as it passes that length, so time and memory stay in proportion to the limits.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any, NamedTuple

from citeqa.jsonfiles import data_json
from citeqa.readers.delimited import pipe_table
from citeqa.visible import clean, shown

SEPARATOR = " › "
"""Between the parts of a leaf's path."""
EMPTY = "(empty)"
"""What an empty list or mapping reads."""
CONTINUATION_INDENT = " " * 4
"""Before each line of a string of several lines under its path's line: an OpenAPI
`description: |` holding "# Overview" made a markdown heading of the file (a citation then
named it as the section of every value after it), a "```" fenced the rest off; markdown reads
a heading or a fence indented by at most three spaces."""
LABEL_MAX = 60
"""A record's label, and an item of a list written on one line, is at most this long."""
INLINE_LIST_MAX = 300
"""A list of scalars is one line when its items joined are at most this long."""
TABLE_MAX_COLUMNS = 8
"""A list of records is a table when their keys are at most this many in all..."""
TABLE_MIN_FILL = 0.75
"""... and at least this share of the table's cells holds a value (not a sparse grid)."""

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9_]*")


class Pairs(Mapping[str, object]):
    """A mapping's keys and values in the file's order, a key written twice kept twice (a
    dict keeps its last value only: a quote would lose the other); looked up, a key gives its
    first value."""

    def __init__(self, pairs: Iterable[tuple[str, object]]) -> None:
        self.pairs = list(pairs)
        self._first: dict[str, object] = {}
        for key, value in self.pairs:
            self._first.setdefault(key, value)

    def __getitem__(self, key: str) -> object:
        return self._first[key]

    def __iter__(self) -> Iterator[str]:
        return (key for key, _ in self.pairs)

    def __len__(self) -> int:
        return len(self.pairs)


def pairs_of(mapping: Mapping[Any, Any]) -> Iterable[tuple[Any, Any]]:
    """A mapping's pairs, a key written twice in a Pairs included."""
    return mapping.pairs if isinstance(mapping, Pairs) else mapping.items()


class TooDeep(ValueError):
    """A value nested deeper than the walk goes (or a YAML alias that contains itself)."""


class TooLong(ValueError):
    """A value whose text would be longer than the walk writes."""


@cache
def structured_files_data() -> dict[str, Any]:
    """citeqa/data/structured_files.json, parsed once."""
    data = data_json("structured_files.json")
    return data if isinstance(data, dict) else {}


def record_label_keys() -> tuple[str, ...]:
    """The keys whose value names a record, most telling first."""
    return tuple(str(key) for key in structured_files_data().get("record_label_keys", []))


def humanised_key(key: str) -> str:
    """An identifier key as the words it is made of ("price_per_seat_month", "pricePerSeat" →
    "price per seat month", "price per seat"; "userID" → "user ID"); any other key as it is
    ("E205", "fr-CA", "ID")."""
    if not _IDENTIFIER.fullmatch(key):
        return key
    words = [word for part in key.split("_") for word in _CAMEL.split(part) if word]
    if not words:
        return key
    return " ".join(word.lower() if word[1:].islower() else word for word in words)


def scalar_text(value: object) -> str:
    """A scalar as the file wrote it: its text (readers/structured.py reads numbers as their
    text, yamlnodes.py every YAML scalar), JSON's true/false and null."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def is_scalar(value: object) -> bool:
    """Whether a parsed value is a leaf: no mapping, list, tuple or set."""
    return not isinstance(value, (Mapping, list, tuple, set))


ListWriter = Callable[["Writer", list[Any], list[str], int], bool]
"""A writer of some lists of records its own way (records.write_export_list): given the walk's
writer, a list, its path and depth, whether it wrote the list."""


@dataclass
class Writer:
    """The lines written so far, their length, and the record (paragraph) they belong to."""

    max_chars: int
    max_depth: int
    label_keys: tuple[str, ...]
    passages: ListWriter | None = None
    """Asked first of a list of records: whether it wrote them itself (records.py)."""
    lines: list[str] = field(default_factory=list)
    length: int = 0
    paragraph: tuple[str, ...] = ()
    pinned: tuple[str, ...] | None = None
    """The paragraph every line goes to while a record's passage is written (records.py's
    walk), whatever its path; each line but its heading then `unmarked`."""
    records_cut: int = 0
    """How many records of an export's list were left out, each nested past `max_depth`
    (records.record_passages: one such record no longer refuses the whole file)."""

    def mark(self) -> tuple[int, int, tuple[str, ...]]:
        """Where the writing stands: what `rewind` goes back to."""
        return len(self.lines), self.length, self.paragraph

    def rewind(self, mark: tuple[int, int, tuple[str, ...]]) -> None:
        """Take back the lines written since `mark`."""
        count, self.length, self.paragraph = mark
        del self.lines[count:]

    def write(self, line: str, paragraph: tuple[str, ...], heading: bool = False) -> None:
        """Add `line`, after a blank line when it opens another `paragraph` (a record) than
        the last one. In a record's passage, a line other than its `heading` that markdown
        would read as one or as a fence ("# of seats: 12", a key's line) is indented."""
        if self.pinned is not None and not heading:
            line = unmarked(line)
        paragraph = paragraph if self.pinned is None else self.pinned
        if self.lines and paragraph != self.paragraph:
            self._add("")
        self.paragraph = paragraph
        self._add(line)

    def _add(self, line: str) -> None:
        self.length += len(line) + 1
        if self.length > self.max_chars:
            raise TooLong(f"its text would pass {self.max_chars:,} characters")
        self.lines.append(line)


_MARKUP_OPENINGS = ("#", "```", "~~~")


def unmarked(line: str) -> str:
    """A line as written, indented (CONTINUATION_INDENT) when markdown would read it as a
    heading, a fence or a heading's underline ("# note", "---"); one indented as much already
    (a text's continuation line) stays as it is."""
    if line.startswith(CONTINUATION_INDENT):
        return line.rstrip()
    stripped = line.strip()
    underline = len(stripped) > 1 and len(set(stripped)) == 1 and not stripped[0].isalnum()
    if stripped.startswith(_MARKUP_OPENINGS) or underline:
        return f"{CONTINUATION_INDENT}{stripped}"
    return line.rstrip()


def tree_text(
    documents: Sequence[object],
    *,
    max_chars: int,
    max_depth: int,
    passages: ListWriter | None = None,
) -> str:
    """The text of one or more parsed documents (a YAML file may hold several), each leaf a
    line; TooLong or TooDeep past the limits. With `passages` (records.write_export_list),
    an export's list of records holding lists of records (tickets and their comments) is a
    passage per record (records.py). This module imports no reader of its own lists."""
    return tree_read(documents, max_chars=max_chars, max_depth=max_depth, passages=passages).text


class TreeRead(NamedTuple):
    """What `tree_read` wrote."""

    text: str
    records_cut: int
    """How many records of an export's list were left out, nested past `max_depth`."""


def tree_read(
    documents: Sequence[object],
    *,
    max_chars: int,
    max_depth: int,
    passages: ListWriter | None = None,
) -> TreeRead:
    """`tree_text`, and how many records of an export's list `passages` left out (each
    nested past `max_depth`: Writer.records_cut)."""
    writer = Writer(max_chars, max_depth, record_label_keys(), passages)
    for document in documents:
        writer.paragraph = ("document",)  # a document never runs into the one before
        write_value(writer, document, [], 0)
    return TreeRead("\n".join(writer.lines).strip("\n") + "\n", writer.records_cut)


def check_depth(writer: Writer, depth: int) -> None:
    """TooDeep when `depth` passes the writer's limit (a walk nested past `max_depth`)."""
    if depth > writer.max_depth:
        raise TooDeep(f"nested more than {writer.max_depth} levels deep")


def write_value(writer: Writer, value: object, path: list[str], depth: int) -> None:
    """Write `value`, found at `path`, nested `depth` deep."""
    check_depth(writer, depth)
    if isinstance(value, Mapping):
        _mapping(writer, value, path, depth)
    elif isinstance(value, (list, tuple, set)):
        _list(writer, list(value), path, depth)
    else:
        _scalar(writer, scalar_text(value), path)


def _scalar(writer: Writer, text: str, path: list[str]) -> None:
    """A leaf: "path: value", or the path's line and then the lines of a text of several."""
    text = clean(text).strip()
    prefix = SEPARATOR.join(path)
    paragraph = _record(path)
    if "\n" not in text:
        writer.write(f"{prefix}: {text}" if prefix else text, paragraph)
        return
    if prefix:
        writer.write(f"{prefix}:", paragraph)
    indent = CONTINUATION_INDENT if prefix else ""
    for line in text.splitlines():
        writer.write(f"{indent}{line}".rstrip(), paragraph)


def _record(path: list[str]) -> tuple[str, ...]:
    """The paragraph a leaf belongs to: what holds it, two levels at most ("plans", "Team";
    "E205"); the file's top-level leaves make one paragraph."""
    return tuple(path[:-1][:2])


def _mapping(writer: Writer, value: Mapping[Any, Any], path: list[str], depth: int) -> None:
    if not value:
        _scalar(writer, EMPTY, path)
    for key, item in pairs_of(value):
        write_value(writer, item, [*path, key_text(key)], depth + 1)


def key_text(key: object) -> str:
    """A mapping's key as one line of its path, sanitised, as the file writes it, with its
    words after it when it is camelCase: "retryAfterMinutes (retry after minutes)"."""
    written = " ".join(shown(scalar_text(key)).split()) or '""'
    if _IDENTIFIER.fullmatch(written) and _CAMEL.search(written):
        return f"{written} ({humanised_key(written)})"
    return written


def _list(writer: Writer, items: list[Any], path: list[str], depth: int) -> None:
    if not items:
        _scalar(writer, EMPTY, path)
    elif is_inline_list(items):
        _scalar(writer, ", ".join(scalar_text(item) for item in items), path)
    elif is_table(items):
        write_table(writer, items, path)
    elif writer.passages is None or not writer.passages(writer, items, path, depth):
        labels = record_labels(items, writer.label_keys)
        for label, item in zip(labels, items, strict=True):
            write_value(writer, item, [*path, label], depth + 1)


def is_inline_list(items: list[Any]) -> bool:
    """Whether a list is short one-line scalars, written on one line."""
    texts = [scalar_text(item) for item in items if is_scalar(item)]
    return (
        len(texts) == len(items)
        and all(len(text) <= LABEL_MAX and "\n" not in text for text in texts)
        and sum(len(text) + 2 for text in texts) <= INLINE_LIST_MAX
    )


def is_table(items: list[Any]) -> bool:
    """Whether a list is records sharing their keys: two or more mappings of scalars (or of
    short lists), at most TABLE_MAX_COLUMNS keys in all, TABLE_MIN_FILL of the cells filled."""
    if len(items) < 2 or not all(isinstance(item, Mapping) and item for item in items):
        return False
    if any(len(set(item)) < len(item) for item in items):  # a key written twice: no cell
        return False
    columns = {key_text(key) for item in items for key in item}
    cells = sum(len(item) for item in items)
    flat = all(
        is_scalar(cell) or (isinstance(cell, list) and is_inline_list(cell))
        for item in items
        for _, cell in pairs_of(item)
    )
    return (
        flat
        and len(columns) <= TABLE_MAX_COLUMNS
        and cells >= TABLE_MIN_FILL * len(columns) * len(items)
    )


def write_table(writer: Writer, items: list[Mapping[Any, Any]], path: list[str]) -> None:
    """Records as a pipe table under their path's line, a paragraph of their own."""
    columns: dict[str, None] = {}
    for item in items:
        columns.update(dict.fromkeys(key_text(key) for key in item))
    rows = [list(columns)]
    for item in items:
        cells = {key_text(key): _cell_text(cell) for key, cell in pairs_of(item)}
        rows.append([cells.get(column, "") for column in columns])
    paragraph = ("table", *path)
    if path:
        writer.write(f"{SEPARATOR.join(path)}:", paragraph)
    for line in pipe_table(rows).splitlines():
        writer.write(line, paragraph)


def _cell_text(cell: object) -> str:
    if isinstance(cell, list):
        return clean(", ".join(scalar_text(item) for item in cell))
    return clean(scalar_text(cell))


def record_labels(items: list[Any], label_keys: tuple[str, ...]) -> list[str]:
    """Each item's name in a path: the value of the first of `label_keys` that every mapping
    of the list holds as a short one-line scalar, when those values tell them apart; else
    its place ("#2")."""
    places = [f"#{number}" for number in range(1, len(items) + 1)]
    if not all(isinstance(item, Mapping) for item in items):
        return places
    for key in label_keys:
        labels = [_label(item.get(key)) for item in items]
        if all(labels) and len(set(labels)) == len(labels):
            return [label for label in labels if label]
    return places


def _label(value: object) -> str | None:
    """A record's label: a short one-line scalar value (not a boolean or null)."""
    if value is None or isinstance(value, bool) or not is_scalar(value):
        return None
    text = " ".join(shown(scalar_text(value)).split())
    return text if 0 < len(text) <= LABEL_MAX else None
