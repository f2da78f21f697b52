"""Spreadsheet exports (.csv, .tsv): each record a row of a markdown pipe table under its
header row, so that a row is found, looked up by its key and quoted with its header exactly
as a markdown file's table row is (tables.py, keyedrows.py), as the HTML reader does with a
page's `<th>` tables.

The text citation offsets point into is that table: line 1 the file's header record, line 2 the
`|---|` rule, line n + 2 the file's record n, each cell the record's field as Python's csv
module reads it (quotes taken off, `""` read as `"`), a line break inside a quoted field a
space, as is any other break str.splitlines knows ("\u2028", a form feed: a record ends only at
"\n", "\r\n" or "\r"; a cell's lines never read as rows of their own), a pipe inside one
written `\\|` as GitHub's tables write it (tables.py reads it as a "|" of its cell, not the
start of another; a quote shows the backslash). Python's csv module reads the records (a
well-kept parser: quoted fields holding separators and line breaks, doubled quotes); its
`Sniffer` picks the separator among `,` `;` tab and `|` from the file's first lines (a French
export's `;` with decimal commas), a .tsv file defaulting to tabs and a .csv file to commas
when the sample does not say. A column empty in every record (an export's blank spacer column)
is left out. Ragged rows are padded to the widest record, unless that padding would
outweigh the file's own fields (`PADDED_CELLS_PER_FIELD`: one record far wider than the
others), then each row keeps its own cells (version 3). A file of one column is a table of
one column. A file whose first record is no header row (a sentence in it: a note saved as
.csv), or that the csv module cannot read (a field over its size limit, a quote left open), is
no table: it is read as plain text, with a warning saying which. Version 4: the decoding of
every text format changed (textdecoding.py, s21: a non-UTF-8 line of a UTF-8 file read alone
as cp1252, a stray NUL byte read as U+FFFD, binary content found anywhere). Version 5: a file
with CR line ends is decoded line by line too (textdecoding.py). Reader version 4 (plus
textdecoding.VERSION): a quote inside a quoted field is read as RFC 4180 writes it, `""`,
unless the file's first lines escape quotes with a backslash (`_with_quote_escape`:
csv.Sniffer said otherwise, and a Zendesk export's records were cut at their first `""`); a
file whose records often hold another number of fields than its header row says so in a
warning (`ragged_warning`), one of the index's notes, rather than being padded silently.
Reader version 5: a backslash is the escape only when one stands before a quote that text
follows and the first lines read evenly so but not with `""` (a Windows path ending in a
backslash merged records; one empty `""` field turned the backslash reading off). Reader
version 6: a backslash before anything but a quote or a backslash is kept ("grep \\d+"), and a
file that `""` cannot read but backslash escapes can is read so even when ragged (review C).
Reader version 7: a comma-separated record holding more fields than its header row has the
fields an unquoted decimal comma cut joined again ("1,20 € par km": `_decimals_joined`, s46
trial).

Titled by the file's name without its ending ("sla_per_customer"): a sheet states no title,
and its first line is its header record, which already heads every quote.
"""

from __future__ import annotations

import bisect
import csv
import io
import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from citeqa.export_names import without_page_id
from citeqa.language import pipe_row
from citeqa.readers.base import TITLE_MAX, Extracted
from citeqa.textdecoding import VERSION as DECODING_VERSION

SNIFF_LINES = 20
SNIFF_CHARACTERS = 2_048
"""The separator is guessed from the file's first SNIFF_LINES lines, at most SNIFF_CHARACTERS
characters of them: csv.Sniffer's cost grows with the square of its sample (16 KB of ',"'
took 4.7 s; benchmarks/delimited_read.py), and a sheet's first lines say its separator."""
SEPARATORS = ",;\t|"
"""The separators a sheet may use; `Sniffer` picks among these only (a letter never is one)."""
_DEFAULT_SEPARATOR = {".tsv": "\t", ".csv": ","}


@dataclass(frozen=True)
class DelimitedReader:
    """A .csv or .tsv file, already decoded (corpus.py takes off a byte-order mark)."""

    kind: str = "csv"
    suffixes: tuple[str, ...] = (".csv", ".tsv")
    decoded: bool = True
    version: int = 7 + DECODING_VERSION

    def extract(self, content: str | bytes, relative: str) -> Extracted:
        text = str(content).removeprefix("\ufeff")
        name = PurePosixPath(relative)
        try:
            records = read_records(text, _DEFAULT_SEPARATOR.get(name.suffix.lower(), ","))
        except NotATable as reason:
            return Extracted(text, warnings=[f"{relative}: {reason}; read as plain text"])
        return Extracted(
            pipe_table(records),
            title=PurePosixPath(without_page_id(name.name)).stem[:TITLE_MAX],
            warnings=ragged_warning(records, relative),
        )


class NotATable(ValueError):
    """A .csv or .tsv file that is no table, with what it is instead (the warning's words)."""


def read_records(text: str, default: str) -> list[list[str]]:
    """The file's non-blank records, each the list of its fields; NotATable when the csv
    module cannot read it (a field over its size limit, a quote left open at the end of the
    file, a NUL) or when its first record is no header row (`is_header_row`)."""
    try:
        # newline="" as the csv docs ask: records end at "\n", "\r\n" or "\r" only, never at
        # the other breaks str.splitlines takes ("\u2028", "\x0c", "\x1e" in a field)
        dialect = _dialect(text, default)
        if dialect.escapechar:
            text = _kept_backslashes(text, dialect.quotechar or '"')
        lines = io.StringIO(text, newline="")
        rows = csv.reader(lines, dialect, strict=True)
        records = [row for row in rows if any(field.strip() for field in row)]
        if records and dialect.delimiter == ",":
            records = [records[0], *(_decimals_joined(r, len(records[0])) for r in records[1:])]
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            limit = csv.field_size_limit()
            raise NotATable(f"a field is longer than {limit:,} characters, csv's limit") from None
        raise NotATable("not a table of separated values (the csv module cannot read it)") from None
    if not records or not is_header_row(records[0]):
        raise NotATable("not a table of separated values (its first line is no header row)")
    return records


_WHOLE_PART = re.compile(r"(?:^|.*[^\d.,])\d{1,3}", re.DOTALL)
"""A field ending in a number's whole part ("1", "environ 12"), no longer number's tail."""
_DECIMAL_PART = re.compile(r"\d{1,2}(?!\d)(?:\s+\S|[^\w\s,.]).*", re.DOTALL)
"""A field opening with a number's one or two decimals and a unit or sign after them ("20 € par
km", "5%"); not a bare number ("Night,Lisbon,,0,2" is a ragged record of fields "0" and "2")."""


def _decimals_joined(record: list[str], width: int) -> list[str]:
    """`record` with the fields a decimal comma cut joined again, while it holds more fields
    than the header's `width`: a French export's unquoted "1,20 € par km" reads as "1" and
    "20 € par km" (s46 trial b11 quoted "| 1 | 20 € par km |"). Fields are joined from the
    first such cut on; a record as wide as the header is left as read. One pass, each field
    looked at once (a record of 160,000 fields once took 4 s: benchmarks/decimal_comma_cost.py):
    a joined field ends in a number's whole part when its last piece does, since a decimal
    part's own digits end before its unit."""
    excess = len(record) - width
    if excess <= 0:
        return record
    fields: list[str] = []
    pieces = [record[0]]  # the field being read: the pieces the cuts made of it
    for field in record[1:]:
        if excess and _cut_at(pieces[-1], field):
            pieces.append(field)
            excess -= 1
        else:
            fields.append(",".join(pieces) if len(pieces) > 1 else pieces[0])
            pieces = [field]
    return [*fields, ",".join(pieces)]


def _cut_at(whole: str, decimals: str) -> bool:
    """Whether a decimal comma cut the number `whole` `decimals` read as two fields."""
    return bool(_WHOLE_PART.fullmatch(whole) and _DECIMAL_PART.fullmatch(decimals))


RAGGED_SHARE = 0.05
"""A table is called ragged when more than this share of its records (and RAGGED_MIN at
least) hold another number of fields than its header row."""
RAGGED_MIN = 3


def ragged_warning(records: list[list[str]], relative: str) -> list[str]:
    """A warning, in a list, when many records hold another number of fields than the header
    row (`RAGGED_SHARE`, `RAGGED_MIN`): a quote the export left open or escaped otherwise cut
    records in two, or the header does not name the columns, and its rows are padded; else
    none. A record or two of a hand-made sheet short of its last cells says nothing."""
    width = len(records[0])
    ragged = sum(len(record) != width for record in records[1:])
    if ragged < RAGGED_MIN or ragged <= RAGGED_SHARE * (len(records) - 1):
        return []
    return [
        f"{relative}: {ragged} of {len(records) - 1} records hold another number of fields"
        f" than its header row ({width}); its rows may be cut or shifted (check its quoting)"
    ]


HEADER_WORDS = 8
"""A header cell has at most this many words; a longer one is prose."""
_SENTENCE = re.compile(r"(?:\S+\s+){3,}\S*[^\W\d_A-Z]{3}[.!?]")
"""Four words or more ending as a sentence does ("Just a note about the budget.", not "No.")."""


def is_header_row(record: list[str]) -> bool:
    """Whether a file's first record reads as column names: its cells, read together, are no
    sentence (four words or more, the last a lower-case word ending in ".", "!" or "?") and
    none is longer than HEADER_WORDS words. A one-column export (a list of e-mails under
    "email") is a table of one column; a note saved as .csv is not, whether its lines hold
    commas (ragged records) or not."""
    line = " ".join(" ".join(cell.split()) for cell in record).strip()
    too_long = any(len(cell.split()) > HEADER_WORDS for cell in record)
    return not too_long and _SENTENCE.fullmatch(line) is None


def _dialect(text: str, default: str) -> type[csv.Dialect] | csv.Dialect:
    """The file's dialect as `Sniffer` guesses it from its first lines, among SEPARATORS;
    `default` separated, with double quotes, when the sample says nothing clear."""
    sample = "".join(io.StringIO(text[:SNIFF_CHARACTERS], newline="").readlines()[:SNIFF_LINES])
    cut = sample.rfind("\n")
    if 0 < cut < len(sample) - 1:
        sample = sample[:cut]  # never a last record cut half-way
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters=SEPARATORS)
    except csv.Error:
        dialect = csv.excel_tab if default == "\t" else csv.excel
        return dialect
    return _with_quote_escape(sniffed, sample)


def _with_quote_escape(sniffed: type[csv.Dialect], sample: str) -> type[csv.Dialect]:
    """The sniffed dialect reading a quote inside a quoted field as RFC 4180 writes it, `""`
    (what Excel, Zendesk and Freshdesk export), unless the sample escapes quotes with a
    backslash: a `\\"` inside a field (`_backslash_escapes`) and the sample read so parses
    while read with `""` the csv module refuses it (a ragged file then keeps its rows, and
    `ragged_warning` says so), or gives every record as many fields as its header while read
    with `""` it does not (`_reads_evenly`). Read so, only a backslash before a quote or a
    backslash escapes; any other is kept (`_kept_backslashes`: "grep \\d+", "C:\\new").
    `Sniffer` says doublequote only when a `""` stands alone between separators in its sample,
    so a ticket's `""urgent""` inside a longer field cut each such record in two (s25 trial: 395
    records for 300 tickets); a Windows share ending in a backslash (`"\\\\srv\\hr\\",Bob`) is
    no escape (it merged records and dropped every backslash). `sniff` returns a class of its
    own each call: setting it is local."""
    quote = sniffed.quotechar or '"'
    sniffed.doublequote, sniffed.escapechar = True, None
    if not _backslash_escapes(sample, quote, sniffed.delimiter):
        return sniffed
    doubled = _reads_evenly(sample, sniffed)
    sniffed.doublequote, sniffed.escapechar = False, "\\"
    escaped = _reads_evenly(_kept_backslashes(sample, quote), sniffed)
    if escaped is None or not (doubled is None or (escaped and not doubled)):
        sniffed.doublequote, sniffed.escapechar = True, None
    return sniffed


def _kept_backslashes(text: str, quote: str) -> str:
    """`text` for the csv module's backslash escape: a backslash before anything but a quote
    or a backslash doubled, so that it is read as itself, not dropped (review C of s25: "grep
    \\d+ log" read "grep d+ log")."""
    return _ESCAPED.sub(lambda found: _kept(found, quote), text)


def _kept(found: re.Match[str], quote: str) -> str:
    """A backslash and the character after it, the backslash doubled unless it escapes."""
    return found.group() if found.group(1) in (quote, "\\") else "\\" + found.group()


_ESCAPED = re.compile(r"\\(.)", re.DOTALL)


def _backslash_escapes(sample: str, quote: str, separator: str) -> bool:
    """Whether the sample holds a backslash before a quote that text follows (`\\"stop`),
    not one that ends a field (a path's last backslash before its closing quote)."""
    ends = {separator, "\n", "\r"}
    escapes = re.finditer(re.escape("\\" + quote) + r"(.)", sample, flags=re.DOTALL)
    return any(escape.group(1) not in ends for escape in escapes)


def _reads_evenly(sample: str, dialect: type[csv.Dialect]) -> bool | None:
    """Whether each non-blank record of the sample, read with `dialect`, holds as many fields
    as the first; None when the csv module refuses to read it so."""
    try:
        rows = csv.reader(io.StringIO(sample, newline=""), dialect, strict=True)
        widths = {len(row) for row in rows if any(field.strip() for field in row)}
    except csv.Error:
        return None
    return len(widths) == 1


PADDED_CELLS_PER_FIELD = 4
"""Ragged records are padded to the table's width while the padded table holds at most this
many cells per field of the file; past that (one record of 20,000 fields over 20,000 of two:
400 million cells, 97 s and 3 GB for a 0.1 MB file) each record keeps its own cells, as a
markdown table's short rows do, so that a table costs what its file holds."""


def pipe_table(records: list[list[str]]) -> str:
    """The records as a markdown pipe table: the first one the header row over a `|---|`
    rule as wide as the widest record, a column empty in every record left out, each row
    padded as wide when that padding stays within PADDED_CELLS_PER_FIELD (`_pads`), else as
    wide as its own record. Linear in the file's fields: the kept columns are found field by
    field, never from a padded grid."""
    kept = _kept_columns(records)
    pad = _pads(records, len(kept))
    header = _row(_kept_cells(records[0], kept, pad=True))
    lines = [header] + [_row(_kept_cells(record, kept, pad)) for record in records[1:]]
    lines.insert(1, "|" + " --- |" * len(kept))
    return "\n".join(lines) + "\n"


def _kept_columns(records: list[list[str]]) -> list[int]:
    """The columns, in order, that some record holds a non-blank field in."""
    filled = {column for record in records for column, field in enumerate(record) if field.strip()}
    return sorted(filled)


def _pads(records: list[list[str]], width: int) -> bool:
    """Whether the records padded to `width` cells hold at most PADDED_CELLS_PER_FIELD cells
    per field of the file."""
    return len(records) * width <= PADDED_CELLS_PER_FIELD * sum(len(r) for r in records)


def _kept_cells(record: list[str], kept: list[int], pad: bool) -> list[str]:
    """A record's fields in the kept columns: blank ones for the columns it falls short of
    when `pad`, else only the kept columns it reaches."""
    reached = kept[: bisect.bisect_left(kept, len(record))]
    cells = [record[column] for column in reached]
    return cells + [""] * (len(kept) - len(reached)) if pad else cells


def _row(cells: list[str]) -> str:
    """One record as a pipe-table row (language.pipe_row: a "|" in a field escaped, `\\|`, so
    that it starts no cell of its own), each field on one line, its ends trimmed."""
    return pipe_row([" ".join(cell.splitlines()).strip() for cell in cells])


READERS = (DelimitedReader(),)
