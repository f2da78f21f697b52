"""A project's configuration files (.toml, .cfg, .ini): pyproject.toml, setup.cfg, tox.ini,
a service's settings.ini, read as one line per value naming its path, "project ›
requires-python: >=3.7", as structured.py reads .yaml (treetext.py writes the text), under
a heading naming the file ("# pyproject.toml"; the heading is the title, never quoted).

s24 trial (an attrs and an httpx checkout): "What is the minimum Python version for attrs?"
quoted why.md, the answer being pyproject.toml's `requires-python`; such files were skipped
as of a type citeqa does not read.

Parsed by the standard library only: tomllib (its floats kept as the file writes them,
`parse_float=str`; a boolean written `true`/`false` as TOML writes it, a date in ISO form) and
configparser with interpolation off (a "%(here)s" or "%" in a value is read as written, never
expanded nor refused), no default section merged into the others, keys' case kept, a key
written twice kept (strict off: the last one wins, as the tools that read such files do). A
.toml file that does not parse is skipped with the parser's reason, never a traceback; so is
one of more than MAX_CHARACTERS characters (structured.py's limit) or nested past MAX_DEPTH. An
INI file's keys before any section are read at the top ("key=value" files); a .cfg or .ini
that is no INI (haproxy.cfg, grub.cfg) is read as plain text.
"""

from __future__ import annotations

import configparser
import datetime
import re
import sys
import tomllib
from dataclasses import dataclass

from citeqa.readers.base import Extracted, UnreadableDocument
from citeqa.readers.structured import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    TEXT_FLOOR,
    TEXT_PER_CHARACTER,
    file_title,
    past_limit,
    refuse_past_limit,
    under_file_name,
)
from citeqa.readers.treetext import EMPTY, Pairs, TooDeep, TooLong, tree_text
from citeqa.textdecoding import VERSION as DECODING_VERSION

TOO_LONG = (
    "too large to read: its values, one line each under their path, pass {limit:,} characters,"
    f" the limit for a file of its size ({TEXT_PER_CHARACTER} times it)"
)
"""The reason for a file whose lines written out pass the limit (s25 hostile probe: "its text
would pass 1,403,144 characters" said neither what nor why)."""
TOO_DEEP = f"nested more than {MAX_DEPTH} levels deep"
"""The reason for a .toml file nested past MAX_DEPTH, found by whichever check meets it first:
a dotted key or header read before tomllib (`_dotted_past_depth`: its time grows with the
square of a key's parts), tomllib's own recursion on inline tables and arrays, a table or array
past the depth while its values are written out (`_written`, before Python's stack overflows),
or a value past it in treetext.tree_text (TooDeep, which says the same)."""


@dataclass(frozen=True)
class ConfigReader:
    """A .toml file, or an INI-style one (.cfg, .ini), already decoded."""

    kind: str
    suffixes: tuple[str, ...]
    decoded: bool = True
    version: int = 2 + DECODING_VERSION
    """2: a key or header of more than MAX_DEPTH dotted parts is refused before tomllib reads
    it (one of exactly 65 parts was read before). TOML 4: a whole number of more digits than
    int() reads refused saying so (it was an "internal error: ValueError")."""
    max_bytes: int = MAX_FILE_BYTES
    """corpus.py reads at most this many bytes and one more of such a file (base.CappedReader):
    a file of more is refused (`oversized`) unread, as `refuse_past_limit` would refuse it."""

    def oversized(self) -> str:
        """The reason a file of more than `max_bytes` bytes is refused."""
        return past_limit(_ARTICLES[self.kind])

    def extract(self, content: str | bytes, relative: str) -> Extracted:
        text = str(content)
        refuse_past_limit(text, _ARTICLES[self.kind])
        value = toml_value(text) if self.kind == "toml" else ini_value(text)
        if value is None:  # haproxy.cfg, grub.cfg: a .cfg of another syntax, read as text
            return Extracted(text, title=file_title(relative), kind="txt")
        if not value:  # a file of comments only
            raise UnreadableDocument("no values in it")
        limit = TEXT_PER_CHARACTER * len(text) + TEXT_FLOOR
        try:
            read = tree_text([value], max_chars=limit, max_depth=MAX_DEPTH)
        except TooDeep as reason:
            raise UnreadableDocument(str(reason)) from None
        except TooLong:
            raise UnreadableDocument(TOO_LONG.format(limit=limit)) from None
        if not read.strip():
            raise UnreadableDocument("no values in it")
        return under_file_name(read, relative)


def toml_value(text: str) -> Pairs:
    """The TOML file's table as treetext.py's values; UnreadableDocument saying why (and
    where: tomllib's message ends "(at line 3, column 9)") when it does not parse."""
    if _dotted_past_depth(text):
        raise UnreadableDocument(TOO_DEEP)
    try:
        parsed = tomllib.loads(text, parse_float=str)
        return Pairs((key, _written(item, 1)) for key, item in parsed.items())
    except tomllib.TOMLDecodeError as error:
        raise UnreadableDocument(f"not valid TOML: {error}") from None
    except RecursionError:
        raise UnreadableDocument(TOO_DEEP) from None
    except ValueError:  # int() past sys.get_int_max_str_digits(): tomllib has no parse_int hook;
        # a hex, octal or binary one parses (no limit there) and _written's str() refuses it
        raise UnreadableDocument(
            f"not read: it writes a whole number of more than {sys.get_int_max_str_digits():,}"
            " digits, more than Python's TOML reader reads"
        ) from None


def _dotted_past_depth(text: str) -> bool:
    """Whether a key or a table header of the TOML text has more than MAX_DEPTH dotted parts,
    read before tomllib, whose time grows with the square of a key's parts (s25 hostile probe:
    a 60 KB `a.a.a… = 1` took 7.9 s CPU, 200 KB over 400 s). A chain of bare or quoted parts
    joined by dots and closed by "=" or "]" on one line is such a key; a comment and a string
    (a multi-line one across its lines) are no key (review C of s25: a long dotted chain in
    either refused valid TOML). A key closes on its line, so a text none of whose lines holds
    as many dots as the limit cannot hold one, and the scan costs nothing on an ordinary file
    (version numbers and addresses across a file no longer add up to a scan)."""
    dotted = any(line.count(".") >= MAX_DEPTH for line in text.split("\n"))
    return dotted and _longest_key(text) > MAX_DEPTH


def _longest_key(text: str) -> int:
    """The most dotted parts of a key or header of `text` (a chain of parts closed by "=" or
    "]" on its line); a string is one token, so "a.b.c" written as a value counts one part. An
    unclosed string runs to its line's end (a multi-line one to the text's end), a comment to
    its line's end."""
    longest = parts = 0
    after_dot = False
    for token in _KEY_TOKENS.findall(text):
        if token.isspace() and "\n" not in token:
            continue
        if token == "." and parts and not after_dot:
            after_dot = True
            continue
        if token in ("=", "]") and not after_dot:
            longest = max(longest, parts)
        closed_part = _KEY_PART.fullmatch(token) is not None
        parts = (parts + 1 if after_dot else 1) if closed_part else 0
        after_dot = False
    return longest


_MULTI_LINE_STRINGS = r'"""(?:[^\\]|\\.)*?(?:"""|\Z)' + r"|'''.*?(?:'''|\Z)"
_KEY_TOKENS = re.compile(
    _MULTI_LINE_STRINGS + r"""|#[^\n]*|"(?:[^"\\\n]|\\.)*"?|'[^'\n]*'?|[A-Za-z0-9_-]+|\s+|.""",
    re.S,
)
"""TOML's tokens for `_longest_key`: a multi-line string (three quotes), a comment, a string, a
bare part, blanks (a line's end among them ends a chain), any other character."""
_KEY_PART = re.compile(r""""(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+""")


def _written(value: object, depth: int) -> object:
    """A tomllib value as text a TOML file writes: a table as Pairs, `true` not "True".
    UnreadableDocument past MAX_DEPTH levels: tomllib builds dotted keys and [a.a.a] headers
    of any depth without recursing, so the depth is counted here, before Python's stack
    overflows (`a.a.a…` 300 deep did)."""
    if depth > MAX_DEPTH and isinstance(value, (dict, list)):
        raise UnreadableDocument(TOO_DEEP)
    if isinstance(value, dict):
        return Pairs((str(key), _written(item, depth + 1)) for key, item in value.items())
    if isinstance(value, list):
        return [_written(item, depth + 1) for item in value]
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return str(value)


def ini_value(text: str) -> Pairs | None:
    """The INI file's keys and values as written (no interpolation, keys' case kept; a key with
    no value reads "(empty)"): those before any section at the top (a sectionless
    `key=value` file), then each section's; None when it is no INI file (a line that is no
    key, haproxy.cfg's "global" block, grub.cfg's `menuentry … {`)."""
    parsed = _parsed(text) or _parsed(f"[{_NO_SECTION}]\n{text}")
    if parsed is None:
        return None
    top = parsed.items(_NO_SECTION, raw=True) if parsed.has_section(_NO_SECTION) else []
    if any(value is None for _, value in top):  # "global", "menuentry 'Ubuntu' {": no INI key
        return None
    sections = [section for section in parsed.sections() if section != _NO_SECTION]
    return Pairs(
        [(key, value or EMPTY) for key, value in top]
        + [(section, _section(parsed, section)) for section in sections]
    )


_NO_SECTION = "\0none"
"""The section a sectionless file's keys are read under (no file can name it)."""


def _parsed(text: str) -> configparser.RawConfigParser | None:
    """`text` parsed as INI, None when it does not parse (a value before any section, a line
    that is no key)."""
    parser = configparser.RawConfigParser(
        interpolation=None, strict=False, default_section="\0default", allow_no_value=True
    )
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    try:
        parser.read_string(text)
    except (configparser.Error, AttributeError):  # Python 3.11's configparser raises
        return None  # AttributeError on an indented line under a key with no value
    return parser


def _section(parsed: configparser.RawConfigParser, section: str) -> Pairs:
    """A section's keys and values as written, "(empty)" for a key with no value."""
    return Pairs((key, value or EMPTY) for key, value in parsed.items(section, raw=True))


_ARTICLES = {"toml": "a TOML", "ini": "an INI"}
"""Each kind's name in the reason a file is refused."""

READERS = (
    ConfigReader("toml", (".toml",), version=4 + DECODING_VERSION),
    ConfigReader("ini", (".cfg", ".ini"), version=2 + DECODING_VERSION),
)
"""Version 3 of .toml: a dotted chain in a comment or a multi-line string no longer refuses
the file as nested too deep. Version 2 of .cfg/.ini: a file's keys before any section are read
at the top, and a file of another syntax (haproxy.cfg, grub.cfg) as plain text; both were
refused as "not valid INI"."""
