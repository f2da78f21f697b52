"""BibTeX files (.bib): each entry as a record a person reads, under a heading naming its key
and title ("## Diallo2024 · Hypoxia gradients shape …"), its fields a line each ("author:
Diallo, Amina; Benali, Karim", "journal: Cells", "doi: 10.3390/…"), as records.py writes an
export's records (the passage of an entry carries its heading, so a question on its DOI or its
authors finds the entry's title with them), the whole under a heading naming the file.

s30 trial (a lab's drive): `publications/equipe_imagerie.bib` was skipped as of a type citeqa
does not read, where "Who wrote the 2024 Cells paper?" had its answer.

Parsed here, not with bibtexparser: measured (s30), bibtexparser 2.1 with pylatexenc is 1.8 MB
and 0.2-0.3 s to import, and parses a 2.8 MB file of 10,000 entries in 6.3-7.4 s where this
module reads it (parsed, LaTeX decoded, written) in 6.7-7.6 s on the same busy machine: no
gain in speed for a new dependency, and its LaTeX decoding (pylatexenc) would still need
this module's writing; pybtex reads far more (styles, plug-ins). Tolerant as BibTeX is: a
value in braces or quotes, a number, a macro (@string, and the months "jan"…"dec"), joined by
"#"; @comment and @preamble and text between entries are skipped; an entry whose braces never
close is left out with a warning naming it, the entries before it read; one whose closing
brace alone is lost ends at the next entry opening a line ("@article{"), with a warning.
LaTeX in values is read as the letters it writes ({\\'e} → é, \\c{c} → ç, \\ss → ß,
-- → –), math as its signs ($\\alpha$ → α, \\pm → ±: Greek letters by their Unicode
names, the math shifts "$" dropped); other commands leave their argument (\\emph{x} → x);
braces go.
Bounded: a file of more than MAX_BYTES bytes is refused unread; one with no entry
is skipped saying so; an entry still open after ENTRY_MAX characters is left out saying so;
past MAX_UNCLOSED entries, comments or preambles never closed, the rest of the file is left
out; the @string macros of a file write MACRO_CHARS_MAX characters at most, the values past
them cut with one warning (s31 hostile probe: "@string{a = a # a}" 27 times asked 1.3 GB of
a 579-byte file; 8,000 lines "@comment{" each scanned 200,000 characters).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from citeqa.readers.base import TITLE_MAX, Extracted, UnreadableDocument
from citeqa.readers.structured import file_title
from citeqa.readers.treetext import unmarked
from citeqa.textdecoding import VERSION as DECODING_VERSION
from citeqa.visible import shown

MAX_BYTES = 8_000_000
"""A .bib file of more bytes is refused unread: a whole database's export, not a team's list."""
OVERSIZED = f"larger than {MAX_BYTES:,} bytes, citeqa's limit for a BibTeX file"
NO_ENTRY = "not a BibTeX file: no entry (@article{key, …}) in it"
UNCLOSED = "entry {key} left out: its braces or quotes never close"
TOO_LONG = (
    "entry {key} left out: still open after {limit:,} characters, citeqa's limit for one entry"
)
ENDED_BY_NEXT = "entry {key} never closes: read up to the next entry"
ENTRY_MAX = 200_000
"""An entry still open after this many characters is left out (TOO_LONG: it may close
further on, but citeqa reads no further to know)."""
MAX_UNCLOSED = 20
"""After this many entries left out or @comment/@preamble groups never closed, the rest of the
file is left out too (each costs up to ENTRY_MAX characters read to find)."""
GAVE_UP = "read up to line {line}: past {count} entries or comments whose braces never close"
MACRO_CHARS_MAX = MAX_BYTES
"""The most characters the @string macros (and the months) write into one file's values where
they are used, as many as a file may hold: BibTeX expands a macro where it is defined, so
"@string{a = a # a}" doubles a's value each time it is written."""
CUT = "values cut from {where} on: its @string macros write more than {limit:,} characters"
_AT = re.compile(r"@[ \t]*([A-Za-z]+)[ \t\r\n]*([{(])")
_NAME = re.compile(r"[ \t\r\n]*([^\s=,{}()\"#]+)[ \t\r\n]*")
_NUMBER_OR_MACRO = re.compile(r"[^\s,#{}()\"]+")
_BRACES = re.compile(r"\\.|[{}]")
_PARENTHESES = re.compile(r"\\.|[()]")
_QUOTE_MARKS = re.compile(r'\\.|[{}"]')
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_ACCENTS = {
    "'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303",
    "=": "\u0304", ".": "\u0307", "u": "\u0306", "v": "\u030c", "H": "\u030b",
    "c": "\u0327", "k": "\u0328", "r": "\u030a", "d": "\u0323", "b": "\u0331",
}  # fmt: skip
_LETTERS = {
    "ss": "ß", "o": "ø", "O": "Ø", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ",
    "aa": "å", "AA": "Å", "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ",
}  # fmt: skip
_ACCENT = re.compile(r"\\([`'^\"~=.])\s*(?:\{\s*(\\?[A-Za-z])\s*\}|(\\?[A-Za-z]))")
_LETTER_ACCENT = re.compile(r"\\([uvHckrdb])(?:\s*\{\s*(\\?[A-Za-z])\s*\}|\s+([A-Za-z]))")
_NAMED_LETTER = re.compile(r"\\(ss|ae|AE|oe|OE|aa|AA|[oOlLij])(?![A-Za-z])\s*")
_ESCAPED = re.compile(r"\\([&%$_#{}])")
_LATEX_MARKS = re.compile(r"[\\{}~$-]")
_MATH_SHIFT = re.compile(r"(?<!\\)\$")
_MATH_SPACE = re.compile(r"\\[,;: ]")
_SYMBOLS = {
    "pm": "±", "mp": "∓", "times": "×", "cdot": "·", "div": "÷", "leq": "≤", "le": "≤",
    "geq": "≥", "ge": "≥", "neq": "≠", "ne": "≠", "approx": "≈", "sim": "∼", "simeq": "≃",
    "infty": "∞", "circ": "°", "degree": "°", "to": "→", "rightarrow": "→", "leftarrow": "←",
    "partial": "∂", "nabla": "∇", "sqrt": "√", "ell": "ℓ", "textmu": "µ",
    "varepsilon": "ε", "vartheta": "ϑ", "varphi": "φ", "varrho": "ϱ", "varsigma": "ς",
    "varpi": "ϖ", "lambda": "λ", "Lambda": "Λ",
}  # fmt: skip
"""Math commands as the signs they write; Greek letters (\\alpha, \\Gamma) are found by their
Unicode names (`_math_sign`)."""
_MATH_COMMAND = re.compile(r"\\([A-Za-z]+)(?![A-Za-z])")
_KEY = re.compile(r"[^,\s{}()]*")
_KEY_END = re.compile(r"\s*,?")
_SEPARATOR = re.compile(r"\s*,?\s*")
_JOINT = re.compile(r"\s*#")
_COMMAND = re.compile(r"\\[A-Za-z]+\*?\s*")
_NEXT_ENTRY = re.compile(r"^[ \t]*@[ \t]*[A-Za-z]+[ \t\r\n]*[{(]", re.MULTILINE)
"""An entry opening a line: it ends an entry still open above it (its closing brace lost)."""


class _Unclosed(Exception):
    """An entry whose braces or quotes never close, or are still open after ENTRY_MAX
    characters (`too_long`: found open up to `limit` of `text`, which goes on past it)."""

    def __init__(self, key: str, text: str = "", limit: int | None = None) -> None:
        super().__init__(key)
        self.key = key
        self.too_long = limit is not None and limit < len(text)

    def reason(self) -> str:
        """The warning naming the entry left out, and why."""
        key = shown(self.key or "?")
        if self.too_long:
            return TOO_LONG.format(key=key, limit=ENTRY_MAX)
        return UNCLOSED.format(key=key)


class _Macros:
    """The @string macros read so far (and the months), and how many characters their uses
    may still write (MACRO_CHARS_MAX a file)."""

    def __init__(self) -> None:
        self.values = {month: month.capitalize() for month in _MONTHS}
        self.left = MACRO_CHARS_MAX
        self.cut = False
        self.warned = False

    def expanded(self, word: str) -> str:
        """A value's word as the macro it names writes it (cut once MACRO_CHARS_MAX are
        written), or as it is (a number, an unknown name)."""
        value = self.values.get(word.lower())
        if value is None:
            return word
        if len(value) > self.left:
            self.cut = True
            value = value[: self.left]
        self.left -= len(value)
        return value

    def cut_warning(self, entry: Entry) -> list[str]:
        """The one warning saying values were cut, from the first entry read since they were
        (`entry`) on; none before, nor once said."""
        if not self.cut or self.warned:
            return []
        self.warned = True
        return [CUT.format(where=_named(entry), limit=MACRO_CHARS_MAX)]

    def define(self, entry: Entry) -> None:
        """The macros of a @string entry, defined."""
        self.values.update((name.lower(), value) for name, value in entry.fields)


@dataclass(frozen=True)
class BibtexReader:
    """A .bib file, already decoded."""

    kind: str = "bib"
    suffixes: tuple[str, ...] = (".bib",)
    decoded: bool = True
    version: int = 4 + DECODING_VERSION
    max_bytes: int = MAX_BYTES

    def oversized(self) -> str:
        """The reason a file of more than `max_bytes` bytes is refused."""
        return OVERSIZED

    def extract(self, content: str | bytes, relative: str) -> Extracted:
        entries, left_out = bib_entries(str(content))
        if not entries:
            raise UnreadableDocument(left_out[0] if left_out else NO_ENTRY)
        warnings = [f"{relative}: {note}" for note in left_out]
        title = file_title(relative)
        records = "\n\n".join(_record(entry) for entry in entries)
        return Extracted(f"# {title}\n\n{records}\n", title=title, warnings=warnings)


@dataclass(frozen=True)
class Entry:
    """One BibTeX entry: its type ("article"), key and fields in the file's order."""

    type: str
    key: str
    fields: tuple[tuple[str, str], ...]


def bib_entries(text: str) -> tuple[list[Entry], list[str]]:
    """The entries of a .bib text, and what was left out or cut, in words (UNCLOSED, TOO_LONG,
    ENDED_BY_NEXT, GAVE_UP, CUT: a warning once the file is named, the file's reason when it
    holds no entry)."""
    macros = _Macros()
    entries: list[Entry] = []
    warnings: list[str] = []
    position = unclosed = 0
    while found := _AT.search(text, position):
        kind = found[1].lower()
        closing = "}" if found[2] == "{" else ")"
        try:
            if kind in ("comment", "preamble"):
                position = _balanced(text, found.end() - 1, closing)
                continue
            entry, position, closed = _entry(text, found.end(), kind, closing, macros)
        except _Unclosed as left_out:
            if unclosed == MAX_UNCLOSED:
                line = text.count("\n", 0, found.start()) + 1
                warnings.append(GAVE_UP.format(line=line, count=unclosed))
                break
            unclosed += 1
            position = _after_unclosed(text, found, kind)
            if kind not in ("comment", "preamble"):
                warnings.append(left_out.reason())
            continue
        if not closed:
            warnings.append(ENDED_BY_NEXT.format(key=shown(entry.key or "?")))
        _keep(entry, macros, entries)
        warnings += macros.cut_warning(entry)
    return entries, warnings


def _after_unclosed(text: str, found: re.Match[str], kind: str) -> int:
    """Where reading goes on past a group never closed: just after an entry's opening, the end
    of a @comment's or @preamble's line."""
    if kind not in ("comment", "preamble"):
        return found.end()
    line_end = text.find("\n", found.end())
    return len(text) if line_end < 0 else line_end


def _keep(entry: Entry, macros: _Macros, entries: list[Entry]) -> None:
    """A @string entry's macros defined, any other entry holding something kept."""
    if entry.type == "string":
        macros.define(entry)
    elif entry.key or entry.fields:
        entries.append(entry)


def _named(entry: Entry) -> str:
    """An entry as a warning names it: "entry Diallo2024", "@string jb"."""
    if entry.type == "string":
        return shown(f"@string {entry.fields[0][0] if entry.fields else '?'}")
    return shown(f"entry {entry.key or '?'}")


def _entry(
    text: str, start: int, kind: str, closing: str, macros: _Macros
) -> tuple[Entry, int, bool]:
    """The entry whose body starts at `start`, where it ends, and whether it closes (one
    whose closing brace is lost ends at the next entry opening a line); _Unclosed if it never
    does."""
    key = ""
    position = start
    if kind != "string":
        comma = _KEY.match(text, position)
        assert comma is not None
        key = comma[0].strip()
        position = comma.end()
        spaces = _KEY_END.match(text, position)
        position = spaces.end() if spaces else position
    fields: list[tuple[str, str]] = []
    while True:
        name = _NAME.match(text, position)
        if name is None or not text.startswith("=", name.end()):
            following = _NEXT_ENTRY.search(text, position, position + ENTRY_MAX)
            limit = following.start() if following else position + ENTRY_MAX
            end = text.find(closing, position, limit)
            if end < 0 and following and fields:
                return Entry(kind, key, tuple(fields)), following.start(), False
            if end < 0 and not following:
                raise _Unclosed(key, text, limit)
            if end < 0 or (name is None and text[position:end].strip(" \t\r\n,")):
                raise _Unclosed(key)
            return Entry(kind, key, tuple(fields)), end + 1, True
        value, position = _value(text, name.end() + 1, closing, macros, key)
        fields.append((name[1].lower(), value))
        separator = _SEPARATOR.match(text, position)
        position = separator.end() if separator else position


def _value(text: str, start: int, closing: str, macros: _Macros, key: str) -> tuple[str, int]:
    """A field's value (its parts joined by "#") as plain text, and where it ends."""
    parts: list[str] = []
    position = start
    while True:
        while position < len(text) and text[position] in " \t\r\n":
            position += 1
        if position >= len(text):
            raise _Unclosed(key)
        opening = text[position]
        if opening == "{":
            end = _balanced(text, position, "}", key)
            parts.append(text[position + 1 : end - 1])
        elif opening == '"':
            end = _quoted_end(text, position, key)
            parts.append(text[position + 1 : end - 1])
        else:
            word = _NUMBER_OR_MACRO.match(text, position)
            if word is None:
                return latex_text("".join(parts)), position
            end = word.end()
            parts.append(macros.expanded(word[0]))
        joint = _JOINT.match(text, end)
        if joint is None:
            return latex_text("".join(parts)), end
        position = joint.end()


def _balanced(text: str, start: int, closing: str, key: str = "") -> int:
    """Where the group opening at `start` closes (just after its closing mark)."""
    opening = "{" if closing == "}" else "("
    depth = 0
    marks = _BRACES if opening == "{" else _PARENTHESES
    for mark in marks.finditer(text, start, start + ENTRY_MAX):
        if mark[0] == opening:
            depth += 1
        elif mark[0] == closing:
            depth -= 1
            if depth == 0:
                return mark.end()
    raise _Unclosed(key, text, start + ENTRY_MAX)


def _quoted_end(text: str, start: int, key: str) -> int:
    """Where the quoted value opening at `start` ends: the next '"' outside braces."""
    depth = 0
    for mark in _QUOTE_MARKS.finditer(text, start + 1, start + ENTRY_MAX):
        if mark[0] == "{":
            depth += 1
        elif mark[0] == "}":
            depth -= 1
        elif mark[0] == '"' and depth <= 0:
            return mark.end()
    raise _Unclosed(key, text, start + 1 + ENTRY_MAX)


def latex_text(value: str) -> str:
    """A value's LaTeX as the letters it writes: accents composed, escapes and braces off,
    a command's name dropped (its argument kept), spaces collapsed."""
    if not _LATEX_MARKS.search(value):
        return " ".join(value.split())
    value = _ACCENT.sub(_accented, value)
    value = _LETTER_ACCENT.sub(_accented, value)
    value = _NAMED_LETTER.sub(lambda found: _LETTERS[found[1]], value)
    value = _MATH_SHIFT.sub("", _MATH_COMMAND.sub(_math_sign, value))
    value = _MATH_SPACE.sub(" ", value)
    value = _ESCAPED.sub(r"\1", value).replace("---", "—").replace("--", "–")
    value = _COMMAND.sub("", value).replace("{", "").replace("}", "").replace("~", " ")
    return unicodedata.normalize("NFC", " ".join(value.split()))


def _math_sign(found: re.Match[str]) -> str:
    """A math command (\\alpha, \\pm) as its sign; any other command as it is."""
    name = found[1]
    if name in _SYMBOLS:
        return _SYMBOLS[name]
    case = "CAPITAL" if name[0].isupper() else "SMALL"
    try:
        return unicodedata.lookup(f"GREEK {case} LETTER {name.upper()}")
    except KeyError:
        return found[0]


def _accented(found: re.Match[str]) -> str:
    letter = found[2] or found[3]
    base = _LETTERS.get(letter[1:], letter[1:]) if letter.startswith("\\") else letter
    return base + _ACCENTS[found[1]]


def _record(entry: Entry) -> str:
    """An entry as a heading naming its key and title, then a line per field."""
    values = dict(entry.fields)
    title = values.get("title", "")
    label = " · ".join(part for part in (entry.key, title[:TITLE_MAX]) if part)
    lines = [f"## {' '.join(shown(label or entry.type).split())}", f"type: {entry.type}"]
    for name, value in entry.fields:
        if name in ("author", "editor"):
            value = "; ".join(re.split(r"\s+and\s+", value))
        lines.append(unmarked(f"{shown(name)}: {shown(value)}"))
    return "\n".join(lines)


READERS = (BibtexReader(),)
