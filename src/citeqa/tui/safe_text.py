"""Turning document text into display data that cannot restyle or break the terminal.

Every string that comes from a document (quotes, passages, titles, section names, the whole
text in the viewer) goes through `clean` (citeqa.visible, shared with the CLI) and is wrapped
in a `textual.content.Content` built from the plain string, never parsed as markup. `clean`
replaces each control character with exactly one visible character, so character offsets into
`Document.text` stay valid for the cleaned text (the viewer highlights `[start:end]` of it).
"""

from __future__ import annotations

from textual.content import Content
from textual.style import Style

from citeqa.visible import clean, one_line, shown

__all__ = ["assemble", "clean", "highlighted", "one_line", "plain", "shown"]


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
