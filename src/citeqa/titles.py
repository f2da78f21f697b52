"""A document's title from its own text, when no manifest or format (HTML <title>) gives one.

`derived_title` passes over what opens a file without naming it, then titles it by its first
line: YAML front matter ("---" … "---", its `title:` when it has one), a block of RFC 822-style
header lines ("Metadata-Version: 2.4", "Name: tqdm", …: its name header when it has one, the
language data's title_header_keys), RST comments and bare directives (".. This data file has
been placed in the public domain.", ".. note::") with their indented lines, and adornment
lines (an RST overline, a rule: markup.py); an RST `:title:` field is read for its value. A
file with nothing left is titled by its name, humanised ("release_notes-2024.md" → "release
notes 2024"). Pure functions, no I/O.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import PurePath

from citeqa.domain import language_data
from citeqa.glossary import fold
from citeqa.language import split_sentences
from citeqa.markup import is_directive, is_markup_line, is_rst_comment
from citeqa.readers.base import TITLE_MAX

__all__ = ["derived_title"]

HEADER_LINES_MIN = 2
"""A run of `Key: value` lines is a header block from this many lines ("Note: …" alone is
prose); a key has two characters or more ("Q: …" over "A: …" is a dialogue)."""
FRONT_MATTER_LINES_MAX = 200
"""YAML front matter closes within this many lines, or the opening "---" is a rule."""

_HEADER = re.compile(r"(?P<key>[A-Za-z][A-Za-z0-9-]+):[ \t]+(?P<value>\S.*)")
_YAML_TITLE = re.compile(r"title:[ \t]*(?P<value>\S.*)", re.IGNORECASE)
_RST_TITLE_FIELD = re.compile(r":title:[ \t]*(?P<value>\S.*)", re.IGNORECASE)
_WORD_WITH_LETTERS = re.compile(r"\w*[^\W\d_]\w*")


def derived_title(text: str, file_name: str) -> str:
    """The title of a document whose text is `text`: a header's name, else its first line
    that is no preamble (`_first_line_title`), else its file name humanised."""
    lines = text.splitlines()
    named, body = _front_matter(lines)
    if named is None and body == 0:
        named, body = _header_block(lines)
    if named:
        return named[:TITLE_MAX].rstrip()
    for line in _body_lines(lines[body:]):
        field = _RST_TITLE_FIELD.fullmatch(line.strip())
        title = _first_line_title(field.group("value") if field else line)
        if title:
            return title
    return _humanised(file_name)


def _front_matter(lines: list[str]) -> tuple[str | None, int]:
    """(its `title:`, the line after it) of YAML front matter opening the text, else (None, 0)."""
    if not lines or lines[0].strip() != "---":
        return None, 0
    for number, line in enumerate(lines[1:FRONT_MATTER_LINES_MAX], start=1):
        if line.strip() in ("---", "..."):
            titles = [_YAML_TITLE.fullmatch(item.strip()) for item in lines[1:number]]
            named = next((m.group("value").strip("'\" ") for m in titles if m), None)
            return named or None, number + 1
    return None, 0


def _header_block(lines: list[str]) -> tuple[str | None, int]:
    """(the value of its name header, the line after it) of a block of RFC 822 header lines
    opening the text (continuation lines indented), else (None, 0)."""
    count, named = 0, None
    for number, line in enumerate(lines):
        header = _HEADER.fullmatch(line.rstrip())
        if header:
            count += 1
            if named is None and fold(header.group("key")) in _title_keys():
                named = " ".join(header.group("value").split())
        elif not (count and line[:1] in (" ", "\t") and line.strip()):
            return (named, number) if count >= HEADER_LINES_MIN else (None, 0)
    return (named, len(lines)) if count >= HEADER_LINES_MIN else (None, 0)


def _body_lines(lines: list[str]) -> list[str]:
    """The lines left once RST comments and bare directives (with their indented lines) and
    adornment lines are passed over."""
    kept, in_markup = [], False
    for line in lines:
        if in_markup and (not line.strip() or line[:1] in (" ", "\t")):
            continue
        in_markup = is_rst_comment(line) or is_directive(line)
        if not (in_markup or is_markup_line(line)):
            kept.append(line)
    return kept


def _first_line_title(line: str) -> str | None:
    """A line as a title, without markdown '#' and '*', cut to TITLE_MAX characters; a line
    of several sentences that fits (a PDF's first extracted line is often a paragraph,
    "Service Level Agreement. Critical incidents are answered within 4 hours.") is titled by
    its first, without its period, when that sentence reads as a title (_title_like): an
    enumerator or a label ("1. Getting started", "Chapter 3. Results") and an ellipsis
    ("Hello world... Another") keep the whole line. A longer line is cut as before: a derived
    title's words are its document's topic words to the answer models (topic_terms), which
    were fitted on those titles, and cutting 200 PubMedQA and PIAF-paragraph first lines at
    their first sentence took the quick near-miss PubMedQA abstention under its floor (.40 <
    .42)."""
    title = " ".join(line.replace("*", " ").strip().lstrip("#").split())
    if not title:
        return None
    first = split_sentences(title)[0]
    if first[1] < len(title) <= TITLE_MAX:
        sentence = title[first[0] : first[1]]
        if _title_like(sentence):
            title = sentence.removesuffix(".")
    return title[:TITLE_MAX].rstrip()


def _title_like(sentence: str) -> bool:
    """Whether a line's first sentence can stand for its title: it ends with no ellipsis, and
    it has two words with letters or more, not a label and its number ("Chapter 3", "Part II",
    "Étape deux": the language data's title_labels) — an enumerator ("1.", "IV.", "B.") has
    fewer."""
    if sentence.endswith(("..", "…")):
        return False
    words = _WORD_WITH_LETTERS.findall(sentence)
    if len(words) < 2:
        return False
    return not (len(sentence.split()) == 2 and fold(words[0]) in _title_labels())


def _humanised(file_name: str) -> str:
    """A file name as words: its stem with "_" and "-" read as spaces ("release notes 2024")."""
    words = PurePath(file_name).stem.replace("_", " ").replace("-", " ").split()
    return " ".join(words)[:TITLE_MAX] or file_name


@cache
def _title_labels() -> frozenset[str]:
    return frozenset(language_data().title_labels)


@cache
def _title_keys() -> frozenset[str]:
    return frozenset(language_data().title_header_keys)
