"""What an API reference's line belongs to: the signature or term it stands under.

A parameter's line under a signature ("threshold (float) – Fraction by which night flow must
exceed the baseline…", under "hydrokit.flow.detect_leaks(readings, window=96, threshold=0.18)")
never repeats the function's name, nor an environment variable's description ("Overrides the
cache folder…") the variable it describes; answering.naming_identifiers kept only the
sentences writing the asked name, the signature itself or a changelog line, and never the line
that answers (s22 trial: API parameter questions right 1 in 9). Here a sentence's `owner` is
the nearest line above it, in its document's text, that opens a definition: a signature (a
name, maybe dotted, and its parameters in parentheses, maybe after "class" or "def", a
markdown heading's marks or an RST directive's (".. py:function::"), maybe a return
annotation after it ("-> Frame", Sphinx's "→ list"), alone on its line:
Sphinx's `<dl class="py function">` term as html.py reads it, a Markdown or RST reference's
heading, pydoc's output) or a term alone on its line that is one code name (`HYDROKIT_TOKEN`
over its description). Only lines of the definition's own body stand between: a field label
("Parameters:", "Raises", NumPy's underline), the definition's description and fields. A
heading that is no signature nor a field label (the language data's `field_labels`: "####
Parameters") ends the definition, and so does OWNER_READ_BACK characters or
OWNER_LINES lines read back without meeting one: prose far below a signature is not its own.

A call written alone on its line (`detect_leaks(readings)` in a code sample) reads as a
signature too: the lines after it in a tutorial are about that function as well.

No I/O, no state.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from citeqa.glossary import fold, language_words
from citeqa.language import line_end, line_start

__all__ = [
    "OWNER_LINES",
    "OWNER_READ_BACK",
    "defaulted",
    "field_name",
    "is_definition",
    "is_signature",
    "label_over",
    "owner",
    "owner_name",
    "parse_signature",
    "sets_default",
]

OWNER_READ_BACK = 1500
"""The most characters read back from a sentence for the definition it stands under."""
OWNER_LINES = 30
"""The most non-blank lines read back from a sentence for that definition."""
SIGNATURE_MAX = 300
"""The longest line read as a signature."""

_NAME = r"[A-Za-z_][\w.]*"
_HEAD = re.compile(
    rf"""^(?:\#{{1,6}}\s+)?`?
    (?:\.\.\s+(?:py:)?(?:function|method|class|exception|classmethod|staticmethod)::\s+)?
    (?:(?:async\s+)?(?:class|def|exception|function|method|classmethod|staticmethod)\s+)?
    (?P<name>{_NAME})\(""",
    re.VERBOSE,
)
"""What opens a signature: maybe a markdown heading's marks, a backtick, an RST directive
(".. py:function::") or a keyword ("class", "async def"), then the name and "("."""
_AFTER = re.compile(r"(?:\s*(?:->|→|:)\s*[^=()]*?)?`?\s*[:¶]?$")
"""What may follow the closing parenthesis: a return annotation ("-> Frame", Sphinx's
"→ list"), a closing backtick, a colon or a pilcrow."""
_PARAMETER = re.compile(r"\s*(?:\*{0,2}(?P<name>[A-Za-z_]\w*)\s*(?::\s*\S.*)?|\*|/)\s*", re.DOTALL)
"""A parameter before its default: a name maybe starred, maybe its type ("dict[str, int]"),
or a bare "*" or "/"."""
_OPENING = {"(": ")", "[": "]", "{": "}"}
_QUOTES = "'\""


@dataclass(frozen=True)
class Signature:
    """A signature's name and its parameters' names with their defaults (None: no default)."""

    name: str
    defaults: dict[str, str | None]


def parse_signature(line: str) -> Signature | None:
    """The signature a line, stripped, is alone on, or None: its parameters bare names,
    `*args`, "*", "/", `name: type`, `name=default` whose type and default may hold brackets,
    commas and quotes (`dict[str, int]`, `timedelta(hours=24)`, `', '`). Parsed in one pass
    over the line (`_top_level`), not by one regular expression (one whose parameters may
    hold types and defaults backtracked exponentially: 33 s on a typed line of eight
    parameters), nor by Python's `ast` (references write what is no Python: "x=<object>",
    types in words, other languages' signatures)."""
    opened = _HEAD.match(line) if len(line) <= SIGNATURE_MAX and "(" in line else None
    if opened is None:
        return None
    parts = _top_level(line, opened.end(), ",")
    if parts is None or _AFTER.match(line, parts[1]) is None:
        return None
    listed = parts[0]
    if len(listed) == 1 and not listed[0].strip():
        return Signature(opened["name"], {})
    if len(listed) > 1 and not listed[-1].strip():
        listed = listed[:-1]
    defaults: dict[str, str | None] = {}
    for parameter in listed:
        read = _parameter(parameter)
        if read is None:
            return None
        defaults[read[0]] = read[1]
    return Signature(opened["name"], defaults)


def _parameter(text: str) -> tuple[str, str | None] | None:
    """A parameter's name ("*" or "/" for those marks) and default, or None when `text` is
    no parameter."""
    split = _top_level(text + ")", 0, "=")
    if split is None:
        return None
    head, *rest = split[0]
    default = "=".join(rest).strip() if rest else None
    found = _PARAMETER.fullmatch(head)
    if found is None or default == "" or (rest and head.strip() in ("*", "/")):
        return None
    return (found["name"] or head.strip(), default)


def _top_level(line: str, start: int, separator: str) -> tuple[list[str], int] | None:
    """The parts of `line` from `start` to the parenthesis closing the one before `start`, cut
    at each `separator` outside brackets and quotes, and the position after that parenthesis;
    None when brackets or quotes are unbalanced."""
    parts: list[str] = []
    closing: list[str] = [")"]
    quote = ""
    begin = start
    for position in range(start, len(line)):
        char = line[position]
        if quote:
            quote = "" if char == quote and line[position - 1] != "\\" else quote
        elif char in _QUOTES:
            quote = char
        elif char in _OPENING:
            closing.append(_OPENING[char])
        elif char in ")]}":
            if char != closing.pop():
                return None
            if not closing:
                parts.append(line[begin:position])
                return parts, position + 1
        elif char == separator and len(closing) == 1:
            parts.append(line[begin:position])
            begin = position + 1
    return None


_TERM = re.compile(
    r"^`?(?P<name>[A-Za-z_]\w*(?:[_.][A-Za-z0-9]\w*)+|[A-Z][a-z]+(?:[A-Z][a-z0-9]*)+)`?\s*[:¶]?$"
)
"""A term alone on its line that is one code name: underscored or dotted (`HYDROKIT_TOKEN`,
`cache.dir`) or CamelCase (`AlertRule`)."""
_FIELD = re.compile(r"^`?(?P<name>[A-Za-z_]\w*)`?(?:\s*\([^()]{0,80}\))?\s*[–—:-]\s+\S")
"""A field's line: a name, maybe its type in parentheses, a dash or colon and what it says
("threshold (float) – Fraction by which…", "ValueError – if window is smaller than 8")."""
_RST_FIELD = re.compile(
    r"^:(?:param|parameter|arg|argument|key|keyword|raises|raise|except|exception)"
    r"(?:\s+[\w.\[\]|]+){0,2}?\s+(?P<name>[A-Za-z_]\w*):\s+\S"
)
"""An RST (Sphinx) field's line: ":param threshold: Fraction…", ":param float threshold: …",
":raises ValueError: if window…"."""
_HEADING = re.compile(r"^#{1,6}\s")
_UNDERLINE = re.compile(r"^([-=~^\"'`*+#])\1{2,}$")
"""An RST or NumPy-docstring underline ("----------"), part of the heading above it."""


def is_signature(line: str) -> bool:
    """Whether a line, stripped, is a signature alone on it (`parse_signature`)."""
    return parse_signature(line) is not None


def is_definition(line: str) -> bool:
    """Whether a line, stripped, opens a definition: a signature, or a term that is one code
    name alone on its line."""
    return is_signature(line) or _TERM.match(line) is not None


def owner(text: str, start: int, right_under: bool = False) -> str:
    """The line opening the definition the sentence at `start` of `text` stands under, or ""
    when a heading that is no signature, or nothing within OWNER_READ_BACK characters and
    OWNER_LINES lines, comes first. The sentence's own line is not its owner. `right_under`:
    only a definition line right above the sentence's line (blank lines apart), a signature
    (a term's line is its description's own, "HYDROKIT_TOKEN: The API token…")."""
    read = 0
    for line in _lines_back(text, start):
        if not line or _UNDERLINE.match(line):
            continue
        if is_signature(line) or (not right_under and _TERM.match(line) is not None):
            return line
        if right_under:
            return ""
        if _HEADING.match(line) and not _labels_fields(line):
            return ""
        read += 1
        if read >= OWNER_LINES:
            return ""
    return ""


def label_over(text: str, start: int) -> str:
    """The field label the sentence at `start` of `text` stands under inside its definition
    ("Raises" over "RateLimitError – when more than 120 requests…"), folded, its colon and
    heading marks aside, or "" when its definition line or a heading comes first (`owner`'s
    bounds), or when the sentence's own line is a definition's: a signature opens its own
    definition (s22 trial: "close()", the line after fetch's "Raises:" block, was quoted for
    "What does SensorClient.fetch raise?")."""
    if is_definition(text[line_start(text, start) : line_end(text, start)].strip()):
        return ""
    for read, line in enumerate(line for line in _lines_back(text, start) if line):
        if read >= OWNER_LINES or is_definition(line):
            return ""
        if _labels_fields(line):
            return fold(line.lstrip("#").strip().rstrip(":"))
        if _HEADING.match(line):
            return ""
    return ""


def _lines_back(text: str, start: int) -> Iterator[str]:
    """The lines of `text` above the line of `start`, within OWNER_READ_BACK characters,
    stripped, nearest first: what `owner` and `label_over` read back, each line cut only when
    read (`owner` mostly stops at the first that is not blank, and a question asks it of each
    candidate)."""
    line_start = text.rfind("\n", 0, start) + 1
    floor, end = max(0, line_start - OWNER_READ_BACK), line_start
    while (newline := text.rfind("\n", floor, end)) >= 0:
        yield text[newline + 1 : end].strip()
        end = newline
    yield text[floor:end].strip()


def _labels_fields(heading: str) -> bool:
    """Whether a line, or a markdown heading, is a field label of the language data's
    `field_labels` ("Parameters:", "#### Raises")."""
    return fold(heading.lstrip("#").strip().rstrip(":")) in language_words("field_labels")


def field_name(sentence: str) -> str:
    """The name a field's line describes ("threshold" of "threshold (float) – Fraction…", of
    RST's ":param threshold: Fraction…"), or "" for any other sentence."""
    found = _FIELD.match(sentence.strip()) or _RST_FIELD.match(sentence.strip())
    return found["name"] if found else ""


def sets_default(signature: str, name: str) -> bool:
    """Whether a signature gives parameter `name` a default (`name=0.18`, `name: int = 8`)."""
    return name in defaulted(signature)


def defaulted(signature: str) -> frozenset[str]:
    """The parameters a signature gives a default (`sets_default`), the line parsed once for
    all of them; none for a line that is no signature."""
    parsed = parse_signature(signature.strip())
    if parsed is None:
        return frozenset()
    return frozenset(name for name, default in parsed.defaults.items() if default is not None)


def owner_name(line: str) -> str:
    """The name a definition line defines, its last dotted part ("detect_leaks" of
    "hydrokit.flow.detect_leaks(readings)", "HYDROKIT_TOKEN"), or "" for any other line."""
    signature = parse_signature(line)
    found = _TERM.match(line)
    name = signature.name if signature else found["name"] if found else ""
    return name.rsplit(".", 1)[-1]
