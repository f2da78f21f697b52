"""An export's list of records holding lists of records (a help desk's tickets and their
comments, issues and their notes) written a passage per record, so that its text reads as a
support agent reads a ticket, not as key paths.

treetext.py writes any other JSON value a line per leaf naming its path ("tickets › 5533 ›
comments › #2 › author › name: Julien Moreau"): a ticket's 30 lines were chunked apart, a
comment's refund amount stood in another passage than the order number in its subject, and a
quote was a block of key paths (s25 trial: 6 of 7 questions on a ticket export wrong). Here
each record of such a list opens with a heading naming it, its label and its title
("## tickets › 5533 · Commande 50321 : double prélèvement": the label as treetext names a
record, the title its first `record_title_keys` value, citeqa/data/structured_files.json), so
every chunk of its passage carries them (chunkpass.passage_text reads a chunk's section with
it); its own values follow, a line each, keyed from the record down ("status: solved",
"via › channel: email"); then each record of a list it holds is a paragraph of its own (but
records of one flat shape holding no prose, `{"a": 1}` or `{"sku": "X1", "qty": 2}`, one pipe
table, treetext.is_table: s26 hostile probe, 10^5 of them made 2,000 more chunks): a
line of its short values ("comments #2 · author: Julien Moreau, agent · created_at: …"), then
its prose as written (`is_prose`: a line break, or PROSE_WORDS words or more), never behind a
key when it is the record's one text, so a quote of it is the comment's sentence; a ticket's
texts, and a comment's when it holds several, keep their keys ("fix: Sign out…"). A line that
markdown would read as a heading or a fence ("# of seats: 12") is indented (treetext.unmarked).
Whatever these do not fit (a list of lists, a mapping of mappings) is written as treetext.py
writes it, its path from the record down.

Only a list at the top of the file or under one of its top keys ({"tickets": [...]}, a bare
list) is read so, when two of its records or more are mappings and most of them hold a list
of mappings only (`is_export_list`): a config's list of plans or error codes, one of which
holds a list of links, stays lines of paths.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any

from citeqa.readers.treetext import (
    EMPTY,
    SEPARATOR,
    TooDeep,
    Writer,
    check_depth,
    is_inline_list,
    is_scalar,
    is_table,
    key_text,
    pairs_of,
    record_labels,
    scalar_text,
    structured_files_data,
    unmarked,
    write_table,
    write_value,
)
from citeqa.visible import clean

PROSE_WORDS = 6
"""A string of at least this many words (or of several lines) is prose: written bare."""
RECORD_TITLE_MAX = 120
"""A record's title in its heading is at most this long (a longer one stays a line)."""
SHORT_MAPPING_KEYS = 3
"""A nested record's mapping of at most this many scalars is one of its short values, its
values joined ("author: Julien Moreau, agent"); a larger one is written a line per value."""
HELD_LEVELS = 3
"""A record's list of records is looked for at most this many mappings down (an issue
tracker's "fields › comment › comments" is two): a value nested a thousand levels deep is
not walked to tell, and the walk (treetext.MAX_DEPTH) refuses it anyway."""
VALUE_SEPARATOR = " · "
"""Between the short values of a nested record on its line."""
PROSE_AFTER = " — "
"""Between a nested record's short values and the first line of its prose."""
RECORD_HEADING = "## "
"""What opens a record's heading line (`_record`)."""
PLACE_MARK = " #"
"""Between a nested record's list and its place ("comments #2": `_held`)."""
READER_KIND = "json"
"""The kind of the documents this module writes (structured.py hands it JSON files only): a
nested record's lead (`NESTED_LEAD`) is read in theirs alone, never in a note's prose."""
NESTED_LEAD = re.compile(
    rf"^(?P<name>[^\s#|][^\n#]{{0,200}}?){re.escape(PLACE_MARK)}(?P<place>\d{{1,6}})"
    rf"(?P<rest>(?:{re.escape(VALUE_SEPARATOR)}|{re.escape(PROSE_AFTER)})[^\n]*)?$",
    re.MULTILINE,
)
"""A nested record's first line as `_nested_record` writes it: its list's name and place
("comments #2"), then its short values and maybe its prose's first line, or that line alone.
A line of prose may look so ("We fixed issue #2", "see step #3 · then…"): read it only in a
document of READER_KIND, and where it opens a paragraph, only after its list's record before
it (`follows_its_list`)."""


def follows_its_list(text: str, lead: re.Match[str], floor: int) -> bool:
    """Whether the `lead` (`NESTED_LEAD`) found in `text` opens a record of its list: the
    first one ("comments #1"), or one whose list's record before it ("comments #2" before
    "comments #3") opens a paragraph between `floor` (its record's heading) and it."""
    place = int(lead["place"])
    if place <= 1:
        return place == 1
    before = f"\n\n{lead['name']}{PLACE_MARK}{place - 1}"
    found = text.rfind(before, floor, lead.start())
    while found >= 0:
        after = text[found + len(before) : found + len(before) + 1]
        if after in ("", "\n", VALUE_SEPARATOR[0]):
            return True
        found = text.rfind(before, floor, found)
    return False


@functools.cache
def record_title_keys() -> tuple[str, ...]:
    """The keys whose value titles a record (a ticket's subject), most telling first."""
    return tuple(str(key) for key in structured_files_data().get("record_title_keys", []))


def is_export_list(items: list[Any], path: list[str]) -> bool:
    """Whether `items`, found at `path`, is an export's records: at the top of the file or
    under a top key, two mappings or more, most of them holding a list of mappings only at
    some depth (`_holds_records`) or an empty list where another holds one (a ticket with no
    comments yet). A config's list of error codes, one of which holds a list of links, is not."""
    mappings = [item for item in items if isinstance(item, Mapping)]
    if len(path) > 1 or len(mappings) < 2:
        return False
    holding = [_holds_records(mapping) for mapping in mappings]
    keys = {
        key
        for mapping, holds in zip(mappings, holding, strict=True)
        if holds
        for key, value in pairs_of(mapping)
        if _holds_records(value)
    }
    empty = [any(mapping.get(key) == [] for key in keys) for mapping in mappings]
    return 2 * sum(map(any, zip(holding, empty, strict=True))) > len(mappings)


def holds_export_list(value: object) -> bool:
    """Whether a file's parsed `value` is an export's list of records, or holds one under a
    top key (`is_export_list`): what structured.py reads past its size limit."""
    if isinstance(value, list):
        return is_export_list(value, [])
    if isinstance(value, Mapping):
        return any(
            isinstance(item, list) and is_export_list(item, [key_text(key)])
            for key, item in pairs_of(value)
        )
    return False


def _holds_records(value: object, levels: int = HELD_LEVELS) -> bool:
    """Whether `value` is, or holds within `levels` levels of mappings, a list of mappings
    only (a ticket's comments; a list mixing numbers and mappings is no list of records)."""
    if isinstance(value, Mapping):
        return levels > 0 and any(_holds_records(item, levels - 1) for _, item in pairs_of(value))
    if isinstance(value, list):
        return bool(value) and all(isinstance(item, Mapping) for item in value)
    return False


def write_export_list(writer: Writer, items: list[Any], path: list[str], depth: int) -> bool:
    """Whether `items` (found at `path`) is an export's list of records (`is_export_list`),
    now written a record a passage; treetext's walk asks it of every list of a JSON file."""
    if not is_export_list(items, path):
        return False
    record_passages(writer, items, path, depth)
    return True


def record_passages(writer: Writer, items: list[Any], path: list[str], depth: int) -> None:
    """Each record of `items` (found at `path`) a passage under a heading naming it; a record
    nested past the writer's depth is left out, counted (Writer.records_cut), the others
    read (s27 hostile probe: one ticket 70 levels deep refused 3,000); a record of its own
    lists so nested is left out alone (`_nested_record_or_cut`)."""
    for label, item in zip(record_labels(items, writer.label_keys), items, strict=True):
        writer.pinned = ("record", *path, label)
        mark, cut = writer.mark(), writer.records_cut
        try:
            if isinstance(item, Mapping):
                _record(writer, item, [*path, label], depth + 1)
            else:
                write_value(writer, item, [*path, label], depth + 1)
        except TooDeep:
            writer.rewind(mark)
            writer.records_cut = cut + 1  # its comments cut before are within it
        finally:
            writer.pinned = None


def _title(record: Mapping[Any, Any], label: str) -> str | None:
    """A record's title: the first of `record_title_keys` it holds as a one-line text of at
    most RECORD_TITLE_MAX characters, other than its label."""
    for key in record_title_keys():
        value = record.get(key)
        if value is None or isinstance(value, bool):
            continue
        title = _one_line(value)
        if title and len(title) <= RECORD_TITLE_MAX and title != label:
            return title
    return None


def _record(writer: Writer, record: Mapping[Any, Any], path: list[str], depth: int) -> None:
    """A record under its heading ("## tickets › 5533 · Commande 50321 : double
    prélèvement": its path and title), then its short values on one line (those the heading
    writes left out: "status: solved · priority: high · via: email"), its prose as written,
    what is neither keyed from it down, then each record of the lists it holds."""
    title = _title(record, path[-1])
    heading = f"{RECORD_HEADING}{SEPARATOR.join(path)}"
    writer.write(f"{heading}{VALUE_SEPARATOR}{title}" if title else heading, (), heading=True)
    shown_above = _shown_above(record, {*writer.label_keys, *record_title_keys()}, path[-1], title)
    values, prose, rest = _sorted_values(record, shown_above)
    if values:
        writer.write(VALUE_SEPARATOR.join(values), ())
    for key, text in prose:
        _keyed_prose(writer, key, text)
    for key, value in rest:
        if _holds_records(value):
            _held(writer, value, [key], depth + 1)
        else:
            write_value(writer, value, [key], depth + 1)


def _shown_above(
    record: Mapping[Any, Any], naming: set[str], label: str, title: str | None
) -> set[int]:
    """The places of the pairs a record's heading writes: the first of its `naming` keys
    whose scalar reads as its label, and the first that reads as its title. Another value of
    those keys (a list under "name", a subject written twice) is written below it."""
    pairs = list(pairs_of(record))
    places: set[int] = set()
    for named in (label, title) if title else (label,):
        found = (
            place
            for place, (key, value) in enumerate(pairs)
            if key in naming and place not in places and _one_line(value) == named
        )
        first = next(found, None)  # the first pair only: the rest need not be read
        if first is not None:
            places.add(first)
    return places


def _held(writer: Writer, value: object, path: list[str], depth: int) -> None:
    """A value holding records (`_holds_records`): a list's records each a paragraph, a
    mapping's values walked, keyed from the record down; TooDeep past the walk's depth."""
    check_depth(writer, depth)
    if isinstance(value, Mapping):
        for key, item in pairs_of(value):
            if _holds_records(item):
                _held(writer, item, [*path, key_text(key)], depth + 1)
            else:
                write_value(writer, item, [*path, key_text(key)], depth + 1)
        return
    records = value if isinstance(value, list) else []
    if is_table(records) and not _holds_prose(records):
        write_table(writer, records, path)  # {"a": 1} records: one table, not a paragraph each
        return
    pinned = writer.pinned
    for place, item in enumerate(records, start=1):
        name = f"{SEPARATOR.join(path)}{PLACE_MARK}{place}"
        writer.pinned = (*(pinned or ()), name)
        _nested_record_or_cut(writer, item, name, depth + 1)
    writer.pinned = pinned


def _nested_record_or_cut(writer: Writer, record: Mapping[Any, Any], name: str, depth: int) -> None:
    """`_nested_record`, left out alone and counted (Writer.records_cut) when it is nested
    past the writer's depth: one comment 70 levels deep lost its whole ticket (s28 review A)."""
    mark, cut = writer.mark(), writer.records_cut
    try:
        _nested_record(writer, record, name, depth)
    except TooDeep:
        writer.rewind(mark)
        writer.records_cut = cut + 1  # its own records cut before are within it


def _holds_prose(records: list[Any]) -> bool:
    """Whether a record of `records` holds a text that is prose (`is_prose`): a comment's
    message, a paragraph of its own after its author, not a table's cell."""
    return any(
        isinstance(cell, str) and is_prose(cell)
        for record in records
        for _, cell in pairs_of(record)
    )


def _nested_record(writer: Writer, record: Mapping[Any, Any], name: str, depth: int) -> None:
    """A record of a record's list: its name and short values on a line that its prose
    runs on from (so that a quote of the prose's first sentence says who wrote it and when),
    the rest of its prose as written, then what is neither, as treetext writes it, keyed
    from the record down."""
    check_depth(writer, depth)
    values, prose, rest = _sorted_values(record)
    lead = VALUE_SEPARATOR.join([name, *values])
    body = [line for _, text in prose[:1] for line in clean(text).strip().splitlines()]
    if len(prose) == 1 and unmarked(body[0]) == body[0].rstrip():
        lead = f"{lead}{PROSE_AFTER}{body.pop(0).strip()}"
    writer.write(lead, ())
    if len(prose) == 1:
        for line in body:
            writer.write(line, ())
    else:
        for key, text in prose:
            _keyed_prose(writer, key, text)
    for key, value in rest:
        write_value(writer, value, [name, key], depth + 1)


def _sorted_values(
    record: Mapping[Any, Any], shown_above: set[int] | None = None
) -> tuple[list[str], list[tuple[str, str]], list[tuple[str, object]]]:
    """A record's short values ("author: Julien Moreau, agent"), but those of the pairs
    `shown_above` (their places: its heading writes their values, its id, its subject), its
    prose with its keys, and the rest (lists of records among them)."""
    values, prose, rest = [], [], []
    for place, (key, value) in enumerate(pairs_of(record)):
        if place in (shown_above or set()):
            continue
        short = None if _holds_records(value) else _short_text(value)
        if isinstance(value, str) and is_prose(value):
            prose.append((key_text(key), value))
        elif short is None:
            rest.append((key_text(key), value))
        else:
            values.append(f"{key_text(key)}: {short}")
    return values, prose, rest


def _keyed_prose(writer: Writer, key: str, text: str) -> None:
    """A text's first line after its key ("fix: Sign out and sign in again."), its other
    lines as written (the writer indents one that markdown reads as markup)."""
    first, *others = clean(text).strip().splitlines()
    writer.write(f"{key}: {first.strip()}", ())
    for line in others:
        writer.write(line, ())


def is_prose(text: str) -> bool:
    """Whether a string reads as prose: several lines, or PROSE_WORDS words or more."""
    written = clean(text).strip()
    return "\n" in written or len(written.split()) >= PROSE_WORDS


def _one_line(value: object) -> str | None:
    """A scalar's text on one line, its spaces collapsed, as a heading writes it."""
    return " ".join(clean(scalar_text(value)).split()) if is_scalar(value) else None


def _short_text(value: object) -> str | None:
    """A value as one short line: a scalar, a list of short scalars ("a, b"), a mapping of
    scalars (its values, "Julien Moreau, agent"), an empty list as treetext writes one
    ("(empty)"); None for anything else."""
    if isinstance(value, list) and not value:
        return EMPTY
    if is_scalar(value):
        text = clean(scalar_text(value)).strip()
        return None if "\n" in text else text
    if isinstance(value, list) and is_inline_list(value):
        return clean(", ".join(scalar_text(item) for item in value))
    if not isinstance(value, Mapping) or not 0 < len(value) <= SHORT_MAPPING_KEYS:
        return None
    values = [item for _, item in pairs_of(value)]
    if not all(map(is_scalar, values)):
        return None
    texts = [_one_line(item) or "" for item in values]
    return ", ".join(text for text in texts if text) or None
