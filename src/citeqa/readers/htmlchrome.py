"""A web page's chrome inside its content: link lists and control widgets (html.py leaves them out).

A help-center or wiki page repeats, even inside its `<main>`, blocks that are no statement of
the page: a list of links to other pages ("Related articles", "See also", a menu not marked as
a `<nav>`), each item wholly a link, and a small widget built around buttons ("Was this article
helpful? Yes No 12 out of 15 found this helpful", a cookie banner). Quoted, they answered
questions that restate another page's title, or "12" (s20 trial, failures 1 and 2).

`OpenBlock` follows one candidate element while the page is read (where its text starts among
the parts written, its words, its items and whether each is wholly a link, its buttons and any
content element in it); `is_link_list` and `is_widget` judge it when it closes. A list item
with any word outside its links is prose ("Ensembl – the genome browser"), and a widget holds
no content element (a code sample's "Copy" button sits by its `<pre>`) and at most
WIDGET_WORDS words. html.py reads a page again keeping its link lists when they held more
words than everything else it kept (a page of useful links is its links).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "LINK_LIST_MIN",
    "LIST_TAGS",
    "WIDGET_TAGS",
    "WIDGET_WORDS",
    "OpenBlock",
    "is_link_list",
    "is_widget",
]

LIST_TAGS = frozenset({"ul", "ol"})
WIDGET_TAGS = frozenset({"div", "section", "aside", "form"})
"""Elements that may hold a widget (never a `<p>`: "Click <button>Save</button>" is prose)."""
CONTROL_TAGS = frozenset({"button"})
"""A widget's controls."""
WIDGET_CONTENT_TAGS = frozenset(
    {"pre", "table", "ul", "ol", "dl", "blockquote", "figure", "img", "code", "article"}
    | {"h1", "h2", "h3", "h4", "h5", "h6"}
)
"""Content elements no widget holds: an element holding one is content around a button."""
LINK_LIST_MIN = 2
"""The fewest items of a link list (one link alone is a sentence's)."""
WIDGET_WORDS = 40
"""The most words a widget holds, its buttons' included (a cookie banner's sentence or two)."""
_WORD = re.compile(r"\w+")


@dataclass
class OpenBlock:
    """A list or a possible widget being read: `mark` is where its text starts among the parts
    written; `items` counts its list items and `linked` those wholly a link so far."""

    tag: str
    mark: int
    words: int = 0
    items: int = 0
    linked: int = 0
    item_open: bool = False
    item_has_link: bool = False
    item_unlinked: bool = False
    controls: int = 0
    content: bool = False

    def open_item(self) -> None:
        self.close_item()
        self.items += 1
        self.item_open, self.item_has_link, self.item_unlinked = True, False, False

    def close_item(self) -> None:
        if self.item_open and self.item_has_link and not self.item_unlinked:
            self.linked += 1
        self.item_open = False

    def add_text(self, text: str, in_link: bool) -> None:
        """Visible text read inside the block (`in_link`: inside an `<a href>`)."""
        count = len(_WORD.findall(text))
        self.words += count
        if self.item_open and count:
            if in_link:
                self.item_has_link = True
            else:
                self.item_unlinked = True
        elif not self.item_open and count and self.tag in LIST_TAGS:
            self.item_unlinked = True
            self.items += 1  # text of the list outside any item: not a link list


def is_link_list(block: OpenBlock) -> bool:
    """Whether a closed list is a link list: LINK_LIST_MIN items or more, each wholly a link."""
    block.close_item()
    return block.tag in LIST_TAGS and block.items >= LINK_LIST_MIN and block.linked == block.items


def is_widget(block: OpenBlock) -> bool:
    """Whether a closed element is a widget: controls, no content element, few words."""
    return (
        block.tag in WIDGET_TAGS
        and block.controls > 0
        and not block.content
        and block.words <= WIDGET_WORDS
    )
