"""HTML: the visible text a browser shows (no scripts, styles or head), blocks on their own
lines, and the page's <title>."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from citeqa.readers.base import TITLE_MAX, Extracted


class HtmlReader:
    """A .html or .htm file, already decoded."""

    kind = "html"
    suffixes = (".html", ".htm")
    decoded = True

    def extract(self, content: str | bytes, relative: str) -> Extracted:
        del relative
        text = content if isinstance(content, str) else content.decode("utf-8", "replace")
        visible, title = html_visible_text(text)
        return Extracted(visible, title=title)


_SKIPPED_TAGS = frozenset({"script", "style", "head", "template"})
_PARAGRAPH_TAGS = frozenset(
    {"p", "div", "section", "article", "header", "footer", "nav", "aside", "main", "blockquote"}
    | {"pre", "hr", "ul", "ol", "dl", "table", "figure", "figcaption", "form", "fieldset"}
    | {"address", "details", "summary", "h1", "h2", "h3", "h4", "h5", "h6"}
)
_LINE_TAGS = frozenset({"br", "li", "tr", "dt", "dd", "option", "caption"})
_CELL_TAGS = frozenset({"td", "th"})
_BREAKS = {1: "\t", 2: "\n", 3: "\n\n"}


class _VisibleText(HTMLParser):
    """Collects the text a browser shows: no scripts, styles or head; blocks on their own lines.

    Breaks are held back until the next visible text, and the strongest wins: a paragraph
    break (blank line), a line break, or a tab between table cells.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.pending = 0
        self.hidden = 0
        self.preformatted = 0
        self.in_title = False
        self.title = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self.hidden = 0  # a body ends an unclosed head
        elif tag in _SKIPPED_TAGS:
            self.hidden += 1
        self.in_title = self.in_title or tag == "title"
        self.preformatted += tag == "pre"
        self._hold_break(tag, closing=False)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self.hidden = max(0, self.hidden - 1)
        self.in_title = self.in_title and tag != "title"
        self.preformatted = max(0, self.preformatted - (tag == "pre"))
        self._hold_break(tag, closing=True)

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
        if self.hidden or not data.strip():
            return
        if self.parts and self.pending:
            self.parts.append(_BREAKS[self.pending])
        self.pending = 0
        self.parts.append(data if self.preformatted else re.sub(r"\s+", " ", data))

    def _hold_break(self, tag: str, closing: bool) -> None:
        if tag in _PARAGRAPH_TAGS:
            strength = 3
        elif tag in _LINE_TAGS:
            strength = 2
        else:
            strength = 1 if tag in _CELL_TAGS and not closing else 0
        self.pending = max(self.pending, strength)


def html_visible_text(html: str) -> tuple[str, str | None]:
    """The visible text of an HTML page, and its <title> when it has one."""
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    lines = [re.sub(" {2,}", " ", line).strip(" ") for line in "".join(parser.parts).split("\n")]
    lines = ["" if not line.strip() else line for line in lines]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    title = " ".join(parser.title.split())[:TITLE_MAX] or None
    return text, title


READERS = (HtmlReader(),)
