"""Turning document text into display data that cannot restyle or break the terminal.

Every string that comes from a document (quotes, passages, titles, section names, the whole
text in the viewer) goes through `clean` and is wrapped in a `textual.content.Content` built
from the plain string, never parsed as markup. `clean` replaces each control character with
exactly one visible character, so character offsets into `Document.text` stay valid for the
cleaned text (the viewer highlights `[start:end]` of the cleaned text).
"""

from __future__ import annotations

import re

from textual.content import Content
from textual.style import Style

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""C0 controls except tab and newline, DEL, C1 controls and bidirectional overrides."""

_PICTURES = {0x1B: "␛", 0x0D: " ", 0x7F: "␡"}
"""Visible stand-ins for the control characters people most often meet."""

_SPACES = re.compile(r"\s+")


def _stand_in(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code in _PICTURES:
        return _PICTURES[code]
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control pictures" block
    return "�"


def clean(text: str) -> str:
    """`text` with every control character replaced one-for-one by a visible character."""
    return _CONTROL.sub(_stand_in, text)


def one_line(text: str) -> str:
    """`clean(text)` with every run of whitespace (newlines included) made one space."""
    return _SPACES.sub(" ", clean(text)).strip()


def plain(text: str, style: str | Style = "") -> Content:
    """Content showing `text` literally (cleaned), optionally in one style."""
    content = Content(clean(text), strip_control_codes=False)
    return content.stylize(style) if style else content


def assemble(*parts: str | tuple[str, str]) -> Content:
    """Content from literal strings and (literal string, style) pairs; nothing is markup."""
    cleaned: list[str | tuple[str, str]] = []
    for part in parts:
        if isinstance(part, tuple):
            cleaned.append((clean(part[0]), part[1]))
        else:
            cleaned.append(clean(part))
    return Content.assemble(*cleaned, strip_control_codes=False)


def highlighted(text: str, start: int, end: int, style: str) -> Content:
    """The whole of `text` as literal content with `[start:end]` in `style`."""
    content = Content(clean(text), strip_control_codes=False)
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    return content.stylize(style, start, end) if end > start else content
