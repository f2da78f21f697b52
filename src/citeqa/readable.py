"""Quotes laid out for reading: slide and table dumps become aligned rows or one joined line.

A verbatim quote from slides or a table is a column of short lines ("Response rate at week 52",
"56.2 %", "p=0.0002", ...) separated by blank lines. `readable_lines` turns it into few lines a
person reads at a glance: `label : value` items and a label followed by its numbers become rows
of an aligned table, tab-separated lines become table rows, other short fragments are joined
with " · ", and prose is one line per paragraph (soft line breaks joined). The characters shown
are the quote's own; only the whitespace between them changes, and a notes app's markup shows
as the note reads it (`as_read`): a wikilink as its alias or else its target ("[[Projet Lumen]]"
-> "Projet Lumen", "[[2026-03-17 Point hebdo|Point hebdo]]" -> "Point hebdo"), a line without
its blockquote mark, callout type or footnote label ("> [!warning]", "[^1]: "), a wiki export's
inline link as its text ("[Buddy scheme](Onboarding%203f2a….md)" -> "Buddy scheme") and a
callout's icon and bold label ("💡 **Callout:** ", "> **Note** ": data export_names.json's
callout_labels) left out, a footnote's mark as the note shows it ("2019[^2]" -> "2019²",
footnotes.shown_marks). The JSON answer's
citations and the document viewer keep the verbatim text; these layouts are for the chat and
`citeqa ask`'s text output only. `fold` cuts a long layout to its first lines; `preview_text`
makes a passage one line of plain text, its markdown markup left out; `quote_line` writes a
citation as the answer's text reads it ("header" "quote" [n]), for the answer's `answer` text
and the chat's copied answer alike. No UI library is imported here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from citeqa.footnotes import shown_marks
from citeqa.jsonfiles import data_json
from citeqa.language import SENTENCE_ENDS, is_table_separator, past_heading_marks, pipe_pieces
from citeqa.markup import front_matter_chars, is_fence, is_no_text, note_markup_opening

if TYPE_CHECKING:
    from citeqa.models import Citation  # for annotations only

JOIN = " · "
"""What joins short fragments (and several values of one label) on a line."""

GAP = "  "
"""Space between the columns of an aligned table."""

FRAGMENT_CHARS = 60
"""Longest item that counts as a slide fragment rather than prose."""

VALUE_CHARS = 24
"""Longest item that can be a value (a number with its unit or p-value)."""

_SPACES = re.compile(r"\s+")
_BULLET = re.compile(r"^(?:[-*•▪◦]|\d+[.)])\s+")
_LABELLED = re.compile(r"^(?P<label>[^:]{1,50}?)\s*:\s+(?P<value>[^:]+)$")
_SENTENCE_END = re.compile(rf"[{SENTENCE_ENDS}]$")
_LOWER_WORD = re.compile(r"^[^\W\d_]{2}")
_URL = re.compile(r"https?:|www\.")

WIDE_TABLE = 100
"""A tab-separated table wider than this is shown one row per line, cells joined."""


@dataclass(frozen=True)
class _Row:
    """Cells of one table row (a label and its values, or the cells of a tab-separated line)."""

    cells: tuple[str, ...]
    text: str = ""
    """The item as written, shown when the row stands alone."""


@dataclass(frozen=True)
class _Line:
    """A line shown as it is, never joined with its neighbours."""

    text: str


_Item = str | _Row | _Line


def _squash(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _bare(item: str) -> str:
    """An item without its list marker ("- 271 adults" -> "271 adults")."""
    return _BULLET.sub("", item, count=1)


def _continues(previous: str, line: str, after_gap: bool) -> bool:
    """Whether `line` carries on the item `previous` (a soft line break, not a new item)."""
    if _BULLET.match(line) or _SENTENCE_END.search(previous):
        return False
    if line[0].islower() and _LOWER_WORD.match(line):
        return True  # "Proportion de" / "femmes : 91,2 %", even across a blank line
    if after_gap:
        return False
    return previous.endswith(":") or len(previous) >= FRAGMENT_CHARS


def _tab_row(line: str) -> _Row:
    cells = [_squash(cell) for cell in line.split("\t")]
    while cells and not cells[-1]:
        cells.pop()
    return _Row(tuple(cells))


_WIKILINK = re.compile(r"!?\[\[(?![ \t])([^\[\]|\n,$'\"`]+)(?:\|([^\[\]\n]+))?\]\]")
"""A wikilink or an embed ("[[target]]", "[[target|alias]]", "![[pic.png]]"): group 1 its
target, group 2 its alias. A target holds no ",", "$", quote or backtick and opens on no blank:
"df[['a', 'b']]", "[[ -f $x ]]" and "[[1, 2]]" are code, not links."""
_CODE_SPAN = re.compile(r"(`+[^`\n]*`+)")
"""A Markdown code span ("`x = [[1]]`"), kept as written; the parentheses keep it in re.split."""


@cache
def markdown_suffixes() -> tuple[str, ...]:
    """The files whose notes markup `as_read` reads as markup (the endings of the text reader of
    kind "md", readers/text.py); in any other file a "> " is a mail's quotation mark or a
    prompt, and "[[…]]" is code or data. Read when first needed: the chat's first paint imports
    this module and no reader (tests/tui/test_boundaries.py)."""
    from citeqa.readers.text import READERS

    return tuple(suffix for reader in READERS if reader.kind == "md" for suffix in reader.suffixes)


def is_markdown(path: str) -> bool:
    """Whether the document at `path` (a citation's or passage's) is Markdown."""
    return path.casefold().endswith(markdown_suffixes())


def as_read(text: str, markdown: bool) -> str:
    """`text` as a reader of the rendered note reads it when it is `markdown`
    (`is_markdown`): each wikilink as its alias, or else its target, and each line without the
    markup opening it that the note never shows as words (markup.note_markup_opening: "> ", a
    callout's "[!warning] ", a footnote's "[^1]: "); lines inside a code fence (as the text
    opens and closes fences: a quote from inside a fence is read as prose) and code spans stay as
    written. Any other `text` is returned as it is. Only for display: a quote's characters stay
    the document's."""
    if not markdown:
        return text
    lines, fenced = [], False
    for line in text.split("\n"):
        fence = is_fence(line)
        if fence:
            fenced = not fenced
        lines.append(line if fenced or fence else _line_as_read(line))
    return "\n".join(lines)


def _line_as_read(line: str) -> str:
    """One Markdown line outside code fences as read: past its opening markup and a callout's
    icon and label (`_callout_opening`), its wikilinks outside code spans as their alias or
    target and its inline links as their text."""
    opening = note_markup_opening(line)
    line = shown_marks(line[opening + _callout_opening(line[opening:], boxed=opening > 0) :])
    if "[" not in line:
        return line
    parts = _CODE_SPAN.split(line)  # odd items: code spans
    return "".join(
        part if number % 2 else _MD_LINK.sub(_link_text, _WIKILINK.sub(_wikilink_text, part))
        for number, part in enumerate(parts)
    )


def _wikilink_text(link: re.Match[str]) -> str:
    return (link[2] or link[1]).strip()


def _link_text(link: re.Match[str]) -> str:
    """An inline link's text ("[Buddy scheme](Onboarding%203f2a….md)" → "Buddy scheme"); an
    image's or a link's with no text stays as written."""
    return link[2] if link[2].strip() and not link[1] else link[0]


_MD_LINK = re.compile(
    r"(?<![\w\]])(!?)\[([^\[\]\n]*)\]"  # "[text]" or "![alt]", not right after a word
    r"\((?:[^()\s]|\([^()\s]*\))+(?:[ \t]+\"[^\"\n]*\")?\)"  # "(target)", '(target "title")'
)
"""A Markdown inline link or image: "[text](target)", "[text](target "title")", "![alt](src)";
group 1 "!" for an image, group 2 its text. A target holds no blank, and a pair of brackets at
most ("…/Foo_(bar)"); a "[" right after a word or "]" is code ("a[1](2)"), no link."""
_ICON = re.compile(r"[\u2139\u2600-\u27bf\u2b50\U0001f300-\U0001faff]\ufe0f?[ \t]+")
"""An icon opening a callout: an emoji or pictograph and its variation selector ("💡 ", "⚠️ ")."""
_BOLD_LABEL = re.compile(r"\*\*([^*\n]{1,40}?)[ \t]*:?\*\*[ \t]*:?[ \t]+")


def _callout_opening(line: str, boxed: bool) -> int:
    """How many characters open `line` as a callout's chrome, never read as its words: an icon
    ("💡 ") and, in a box (past a "> ": `boxed`) or after an icon, a bold label of the language
    data's callout_labels ("**Callout:** ", "**Note** "); 0 when none. A bold "**Deadline:**"
    opening a plain line is a key, kept."""
    icon = _ICON.match(line)
    start = icon.end() if icon else 0
    label = _BOLD_LABEL.match(line, start) if (boxed or icon) else None
    if label and label[1].casefold() in _callout_labels():
        return label.end()
    return start


@cache
def _callout_labels() -> frozenset[str]:
    """data/export_names.json's callout_labels."""
    return frozenset(data_json("export_names.json")["callout_labels"])


def _items(quote: str, markdown: bool) -> list[_Item]:
    """The quote's items: one per line (wikilinks as read), soft-wrapped lines joined, tab lines
    as rows."""
    items: list[_Item] = []
    after_gap = True
    for raw in as_read(quote, markdown).splitlines():
        line = _squash(raw)
        if not line:
            after_gap = True
            continue
        previous = items[-1] if items else None
        if "\t" in raw.strip(" "):
            items.append(_tab_row(raw))
        elif isinstance(previous, str) and _continues(previous, line, after_gap):
            items[-1] = previous + " " + line
        else:
            items.append(line)
        after_gap = False
    return items


def is_value(item: str) -> bool:
    """Whether `item` is a figure: short, with a digit and hardly any letters ("56,2 %")."""
    letters = sum(char.isalpha() for char in item)
    return len(item) <= VALUE_CHARS and any(c.isdigit() for c in item) and letters <= 3


def _is_fragment(item: str) -> bool:
    """Whether `item` is a short slide fragment (a title or label), not a sentence."""
    return len(item) <= FRAGMENT_CHARS and not _SENTENCE_END.search(item)


def _labelled(item: str) -> _Row | None:
    """`label : value` as a row, when both are short and it is not a sentence or a link."""
    match = _LABELLED.match(_bare(item))
    if match is None or _URL.search(item):
        return None
    label, value = match["label"].strip(), match["value"].strip()
    if len(value) > FRAGMENT_CHARS or _SENTENCE_END.search(label):
        return None
    return _Row((label, value), item)


def _as_row(items: list[_Item], index: int) -> tuple[_Row | None, int]:
    """The row starting at `items[index]` and the index after it (None if it is no row)."""
    item = items[index]
    if isinstance(item, _Row):
        return item, index + 1
    if isinstance(item, _Line):
        return None, index
    row = _labelled(item)
    if row is not None:
        return row, index + 1
    if _is_fragment(_bare(item)) and not is_value(item):
        values = _values_after(items, index + 1)
        if values:
            return _Row((_bare(item), JOIN.join(values))), index + 1 + len(values)
    return None, index


def _group(items: list[_Item]) -> list[_Item]:
    """Rows for labelled items and for a fragment followed by values; fragments joined."""
    out: list[_Item] = []
    loose: list[str] = []  # fragments waiting to be joined on one line
    index = 0
    while index < len(items):
        row, after = _as_row(items, index)
        item = items[index]
        index = max(after, index + 1)
        if row is None and isinstance(item, str) and _is_fragment(_bare(item)):
            loose.append(_bare(item))
            continue
        if loose:
            out.append(_Line(JOIN.join(loose)))
            loose = []
        out.append(row if row is not None else item)
    if loose:
        out.append(_Line(JOIN.join(loose)))
    return out


def _values_after(items: list[_Item], index: int) -> list[str]:
    """The run of value items starting at `index`."""
    values: list[str] = []
    while index < len(items):
        item = items[index]
        if not isinstance(item, str) or not is_value(_bare(item)):
            break
        values.append(_bare(item))
        index += 1
    return values


def width(text: str) -> int:
    """Terminal cells `text` takes (wide East Asian characters count two, accents none)."""
    cells = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        cells += 2 if unicodedata.east_asian_width(char) in "WF" else 1
    return cells


def _table(rows: list[_Row]) -> list[str]:
    """Rows with every column but the last padded to its widest cell (wide tables: joined)."""
    if len(rows) == 1 and rows[0].text:
        return [rows[0].text]
    columns = max(len(row.cells) for row in rows)
    widths = [
        max((width(row.cells[c]) for row in rows if c < len(row.cells)), default=0)
        for c in range(columns)
    ]
    if sum(widths) + len(GAP) * (columns - 1) > WIDE_TABLE:
        return [JOIN.join(cell for cell in row.cells if cell) for row in rows]
    lines = []
    for row in rows:
        cells = [
            cell + " " * (widths[c] - width(cell)) if c < len(row.cells) - 1 else cell
            for c, cell in enumerate(row.cells)
        ]
        lines.append(GAP.join(cells).rstrip())
    return lines


def readable_lines(quote: str, markdown: bool = False) -> list[str]:
    """The quote as display lines: aligned rows, joined fragments, one line per paragraph; a
    `markdown` quote (`is_markdown` of its document's path) read as the note reads (`as_read`)."""
    lines: list[str] = []
    rows: list[_Row] = []
    for item in _group(_items(quote, markdown)):
        if isinstance(item, _Row):
            rows.append(item)
            continue
        if rows:
            lines += _table(rows)
            rows = []
        lines.append(item.text if isinstance(item, _Line) else item)
    if rows:
        lines += _table(rows)
    return [line for line in lines if line] or [_squash(as_read(quote, markdown))]


def readable(quote: str, markdown: bool = False) -> str:
    """`readable_lines` joined with newlines."""
    return "\n".join(readable_lines(quote, markdown))


def fold(lines: list[str], limit: int) -> tuple[list[str], int]:
    """The first `limit` lines and how many were left out (none when one more would do)."""
    if len(lines) <= limit + 1:
        return lines, 0
    return lines[:limit], len(lines) - limit


def source_name(title: str, where: str | None) -> str:
    """ "title · section" for a source, the section left out when it only repeats the title."""
    title, where = _squash(title), _squash(where or "")
    if not where or where.casefold() == title.casefold():
        return title
    if not title:
        return where
    return f"{title} · {where}"


_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")


def preview_text(passage: str, markdown: bool = False) -> str:
    """A passage as one line of plain text for a preview (an abstention's closest passages),
    its markdown markup left out: heading marks ("## "), table rules (`|---|`), the pipes
    around a markdown table row's cells (cells joined with " · "), bold marks and, in a
    `markdown` passage (`is_markdown`), wikilinks' brackets (`as_read`); the YAML front
    matter a document's first passage opens with and lines that are no text (`is_no_text`:
    fences, rules, an admonition's ":::warning", badges; a passage of nothing else is shown as
    written). Only a table's rows lose their pipes
    (`_markdown_rows`): a "|" in prose or code is the source's character ("description: 'str
    | None'" under pydoc's "|" margin). Never for a quote, whose characters are shown as
    cited."""
    lines = as_read(passage[front_matter_chars(passage) :], markdown).splitlines()
    rows = _markdown_rows(lines)
    parts = []
    for number, line in enumerate(lines):
        if is_table_separator(line) or is_no_text(line):
            continue
        line = line[past_heading_marks(line, 0) :]
        if number in rows:
            line = JOIN.join(cell.strip() for cell in _row_cells(line))
        parts.append(_EMPHASIS.sub(r"\2", line))
    return _squash(" ".join(parts)) or _squash(passage)  # all markup: shown as written


def _row_cells(line: str) -> list[str]:
    """A markdown table row's cells: the pieces between its unescaped pipes, with no piece
    before its opening pipes nor after its closing ones."""
    return pipe_pieces(_OUTER_PIPES.sub("", line.strip()))


_OUTER_PIPES = re.compile(r"^\|+|(?<!\\)\|+$")


def _markdown_rows(lines: list[str]) -> set[int]:
    """The numbers of the lines that are a markdown table's rows: framed by pipes ("| a | b |"),
    or every line with a pipe next to a `|---|` rule under an unframed header row ("a | b"
    over "--- | ---"). A line with pipes inside its text and none closing it ("|  f(x: 'str |
    None')", pydoc's margin before a signature) is no row, nor is a sentence with a pipe under
    a framed table's rows."""
    rows: set[int] = set()
    run: list[int] = []
    unframed_table = False
    for number, line in enumerate([*lines, ""]):
        if is_table_separator(line):
            unframed_table = bool(run) and not _framed(lines[run[-1]])
        elif "|" in line:
            run.append(number)
        else:
            rows.update(n for n in run if unframed_table or _framed(lines[n]))
            run, unframed_table = [], False
    return rows


def _framed(line: str) -> bool:
    """Whether a line opens and closes with a pipe, two at least: "| Model | F1 score |"."""
    bare = line.strip()
    return len(bare) >= 2 and bare[0] == bare[-1] == "|"


def quote_line(citation: Citation, one_line: Callable[[str], str] = _squash) -> str:
    """One citation as the answer reads it: its quote in quotation marks with its [n] marker,
    a table row's quote after its header row's (in quotation marks of its own), the text of
    each footnote it cites after it, opening on the note's mark (“… in 2019², after …” “² Only
    in the EU.”: the marks of a quote citing notes read as the note shows them), each text made
    one line by `one_line` (the chat's copy passes one that also sanitises, visible.one_line)."""
    header = f"“{one_line(citation.header.text)}” " if citation.header else ""
    quote = one_line(shown_marks(citation.quote) if citation.notes else citation.quote)
    notes = "".join(f" “{note.mark} {one_line(note.text)}”" for note in citation.notes)
    return f"{header}“{quote}”{notes} [{citation.n}]"
