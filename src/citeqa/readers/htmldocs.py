"""A documentation site's page furniture and definition lists, as html.py reads a page.

Sphinx, MkDocs and their themes put on every page what no reader asks about, and which was
quoted (s22 trial, a Sphinx site with the Read the Docs theme):
- a permalink mark after each heading and signature (`<a class="headerlink" href="#…">¶</a>`):
  an in-page link in a heading or a definition's term whose whole text is one of
  PERMALINK_MARKS is left out (`is_permalink`; "see <a href="#s2">§</a>" in prose stays);
- the theme's credit in the page's footer ("Built with Sphinx using a theme provided by Read the
  Docs."): the theme wraps the whole content column in a `<section>`, so html.py kept the footer
  as the section's own. A `<footer>` of at most CREDIT_WORDS words holding a phrase of the
  language data's `site_credit_phrases` is cut when it closes (`FooterCredits`);
- the generator's general and module indexes ("detect_leaks() (in module hydrokit.flow)"
  answered what the function does): an element whose class holds a phrase of the language
  data's `generated_index_classes` is left out (`is_generated_index`).

A definition list's term and its description are read on one line when the term is short
(TERM_CHARS, TERM_WORDS; no signature's parentheses) and its description opens with text, not
a list or a block of code (`Terms`): "HYDROKIT_CACHE_DIR: Overrides the cache folder…" and
"Returns: Leak events, in time order.", so that a quote of the description names what it
describes (the `<dd>` alone was quoted for "HYDROKIT_CACHE_DIR", without the variable's name).
A term closing with a colon is followed by a space, any other by ": ".
"""

from __future__ import annotations

import re

from citeqa.glossary import language_words
from citeqa.readers.htmlchrome import holds_phrase

__all__ = [
    "CREDIT_WORDS",
    "PERMALINK_MARKS",
    "FooterCredits",
    "Terms",
    "is_generated_index",
    "is_permalink",
]

PERMALINK_MARKS = frozenset({"¶", "#", "§", "🔗", "⚓", "¤"})
"""The whole text of a permalink next to a heading (Sphinx's "¶", MkDocs' "¶" or "#")."""
CREDIT_WORDS = 40
"""The most words of a footer cut for holding a site generator's credit."""
TERM_CHARS = 60
"""The longest term read on one line with its description."""
TERM_WORDS = 6
"""The most words of such a term."""
_WORDS = re.compile(r"\w+")
_BLOCK_TAGS = frozenset({"ul", "ol", "dl", "pre", "table", "blockquote", "figure"})
"""Elements whose opening a description with keeps it under its term: a list, code, a table."""


def is_permalink(href: str | None, text: str) -> bool:
    """Whether an `<a>`'s text is a permalink mark: an in-page link ("#…") whose whole text is
    one of PERMALINK_MARKS."""
    return bool(href) and str(href).startswith("#") and text.strip() in PERMALINK_MARKS


def is_generated_index(attributes: dict[str, str | None]) -> bool:
    """Whether an element's class holds a phrase of the language data's
    `generated_index_classes` ("indextable", "genindex-jumpbox")."""
    return holds_phrase(attributes.get("class") or "", language_words("generated_index_classes"))


class FooterCredits:
    """The footers a page keeps (inside a section) while they are read: each one's mark among
    the parts written, so that one holding a site generator's credit is cut when it closes."""

    def __init__(self) -> None:
        self.marks: list[int] = []

    def open(self, mark: int) -> None:
        self.marks.append(mark)

    def close(self, parts: list[str]) -> bool:
        """Cut the footer closing from `parts` when it is a credit; whether it was cut."""
        if not self.marks:
            return False
        mark = min(self.marks.pop(), len(parts))
        text = "".join(parts[mark:])
        words = len(_WORDS.findall(text))
        if not words or words > CREDIT_WORDS:
            return False
        if not holds_phrase(text, language_words("site_credit_phrases")):
            return False
        del parts[mark:]
        return True


class Terms:
    """A definition list's term being read, and whether its description joins its line."""

    def __init__(self) -> None:
        self.term: list[str] | None = None
        """The text of the `<dt>` open, if any."""
        self.closed: tuple[str, int] | None = None
        """The last term closed, and the number of parts written when it closed."""
        self.joining = ""
        """The separator the next text of a description opens with, when it joins its term."""

    def start(self, tag: str, written: int) -> None:
        if tag == "dt":
            self.term, self.closed, self.joining = [], None, ""
        elif tag == "dd" and self.closed is not None and self.closed[1] == written:
            self.joining = " " if self.closed[0].endswith(":") else ": "
            self.closed = None
        elif tag in _BLOCK_TAGS:
            self.joining, self.closed = "", None

    def end(self, tag: str, written: int) -> None:
        if tag == "dt" and self.term is not None:
            text = " ".join("".join(self.term).split())
            short = len(text) <= TERM_CHARS and len(text.split()) <= TERM_WORDS
            self.closed = (text, written) if text and short and "(" not in text else None
            self.term = None
        elif tag == "dd":
            self.joining, self.closed = "", None

    def add(self, text: str) -> str:
        """`text` read, opened with the separator when it is a description joining its term."""
        if self.term is not None:
            self.term.append(text)
        joined, self.joining = self.joining, ""
        return joined + text.lstrip() if joined else text
