"""A web page's chrome inside its content: link lists and control widgets (html.py leaves them out).

A help-center or wiki page repeats, even inside its `<main>`, blocks that are no statement of
the page: a list of links to other pages ("Related articles", "See also", a menu not marked as
a `<nav>`), each item wholly a link, and a small widget built around buttons ("Was this article
helpful? Yes No 12 out of 15 found this helpful", a cookie banner). Quoted, they answered
questions that restate another page's title, or "12" (s20 trial, failures 1 and 2).

`OpenBlock` follows one candidate element while the page is read (where its text starts among
the parts written, its words, its items and whether each is wholly a link, its buttons, its own
text outside them and its links, and any content element in it); `is_link_list` and
`is_widget` judge it when it closes. A list item with any word outside its links is prose
("Ensembl – the genome browser"); a link list is navigation when a heading right over it is,
whole, a navigation heading (`heads_navigation`: "Related articles", not "Lunch menu") or its
class or aria-label names navigation (`names_navigation`). A widget holds no content element (a
code sample's "Copy" button sits by its `<pre>`), at most WIDGET_WORDS words, no statement (a
`<p>` closing with a full stop, a button asking an FAQ's question: "How do I change my cookie
preferences?" over its answer, s21 review; a `<p>` holding a chrome phrase among buttons that
are all consent controls, "Accept all" and "Reject", is a cookie banner's message, not one:
`consent_controls`), and either says nothing of its own (its words all
in its buttons and links) or is chrome by the language data's `chrome_phrases` (a cookie
banner, a vote, a newsletter sign-up): a block saying anything else beside a button is the
page's, whatever its markup ("Price: 25 EUR [Add to cart]"). html.py reads a page again
keeping its link lists when they held more words than everything else it kept (a page of
useful links is its links), and whole when its link lists and widgets were all it said.

A page tree (`is_page_tree`: an export's index.html, "Available Pages:" over a list of every
page's title, each item a link to another page of the export by a relative address) is left out
when such lists hold most of a page's words: quoted, its lines of titles answered questions
about the pages they name (s24 trial, failure 1). A page that is only its tree keeps it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from citeqa.glossary import fold, language_words

__all__ = [
    "CONTROL_TAGS",
    "LIST_TAGS",
    "WIDGET_CONTENT_TAGS",
    "WIDGET_TAGS",
    "OpenBlock",
    "heads_navigation",
    "holds_phrase",
    "is_consent_control",
    "is_link_list",
    "is_page_tree",
    "is_statement",
    "is_widget",
    "links_a_page_of_the_export",
    "names_chrome",
    "names_navigation",
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
PAGE_TREE_MIN = 3
"""The fewest items of a page tree (`is_page_tree`): two links are a "see also"."""
WIDGET_WORDS = 40
"""The most words a widget holds, its buttons' included (a cookie banner's sentence or two)."""
WIDGET_CHARS = 600
"""The most characters of a block's own text (outside its buttons and links) kept to look for
`chrome_phrases` in: a block saying more is no widget (WIDGET_WORDS), and a block's text kept
bounded keeps reading linear however deep blocks nest."""
_WORD = re.compile(r"\w+")


@dataclass
class OpenBlock:
    """A list or a possible widget being read: `mark` is where its text starts among the parts
    written; `items` counts its list items and `linked` those wholly a link so far. Only the
    innermost open block counts what is read; a block closing adds its counts to the one
    around it (`absorb`), so that reading stays linear however deep blocks nest unclosed."""

    tag: str
    mark: int
    words: int = 0
    linked_words: int = 0
    unlinked_words: int = 0
    items: int = 0
    linked: int = 0
    item_open: bool = False
    item_has_link: bool = False
    item_unlinked: bool = False
    item_local: bool = False
    """Whether the item open links to another page of the export (`links_a_page_of_the_export`)."""
    local: int = 0
    """Its items wholly a link holding a link to another page of the export."""
    controls: int = 0
    bare_words: int = 0
    """Words outside its buttons and links: a block with none says nothing of its own."""
    bare_text: str = ""
    """Its text outside its buttons and links, its first WIDGET_CHARS characters, held while
    it has at most WIDGET_WORDS words (a block with more is no widget)."""
    content: bool = False
    navigational: bool = False
    """Whether it, or a block around it, is named navigation (`names_navigation`)."""
    prose: bool = False
    """Whether it holds a statement: a `<p>` closing with a full stop, or a button asking a
    question (an FAQ's "Can I cancel my subscription?" over its answer's panel). It keeps a
    block from being a widget (`is_widget`), whatever `chrome_phrases` its text holds."""
    chrome_statement: bool = False
    """Whether it holds a closed `<p>` statement holding a `chrome_phrases` phrase ("We use
    cookies to improve your experience."): a banner's message when every button of the block
    is a consent control, else the page's statement (`is_widget`)."""
    other_controls: int = 0
    """Its buttons that are no consent control (`is_consent_control`: "Change language")."""

    def open_item(self) -> None:
        self.close_item()
        self.items += 1
        self.item_open, self.item_has_link, self.item_unlinked = True, False, False
        self.item_local = False

    def close_item(self) -> None:
        if self.item_open and self.item_has_link and not self.item_unlinked:
            self.linked += 1
            self.local += self.item_local
        self.item_open, self.item_local = False, False

    def add_text(self, text: str, in_link: bool, in_control: bool) -> None:
        """Visible text read inside the block (`in_link`: inside an `<a href>`; `in_control`:
        inside a button)."""
        count = len(_WORD.findall(text))
        self.words += count
        if count and not (in_link or in_control):
            self.bare_words += count
            self._hold_bare(text)
        if count:
            self._mark_item(in_link)
        if in_link:
            self.linked_words += count
        else:
            self.unlinked_words += count

    def _hold_bare(self, text: str) -> None:
        if text and self.words <= WIDGET_WORDS and len(self.bare_text) < WIDGET_CHARS:
            self.bare_text = f"{self.bare_text} {text[:WIDGET_CHARS]}"[:WIDGET_CHARS]

    def _mark_item(self, in_link: bool) -> None:
        if self.item_open:
            if in_link:
                self.item_has_link = True
            else:
                self.item_unlinked = True
        elif self.tag in LIST_TAGS:
            self.item_unlinked = True
            self.items += 1  # text of the list outside any item: not a link list

    def absorb(self, inner: OpenBlock) -> None:
        """Add the counts of a block closed inside this one, as if its text were read here."""
        self.words += inner.words
        self.controls += inner.controls
        self.bare_words += inner.bare_words
        self._hold_bare(inner.bare_text)
        self.content = self.content or inner.content or inner.tag in WIDGET_CONTENT_TAGS
        self.prose = self.prose or inner.prose
        self.chrome_statement = self.chrome_statement or inner.chrome_statement
        self.other_controls += inner.other_controls
        self.linked_words += inner.linked_words
        self.unlinked_words += inner.unlinked_words
        if inner.linked_words:
            self._mark_item(True)
        if inner.unlinked_words:
            self._mark_item(False)


def is_statement(paragraph: str) -> bool:
    """Whether a paragraph's text is a statement: it closes with a full stop (not a widget's
    question, "Was this article helpful?", nor its count, "12 out of 15 found this helpful")."""
    return paragraph.strip().endswith((".", "…", "!"))


def is_consent_control(control: str) -> bool:
    """Whether a button's text is, whole, one of a cookie banner's (the language data's
    `consent_controls`: "Accept all", "Reject", "OK", "Tout accepter")."""
    return _words(control) in language_words("consent_controls")


def names_navigation(text: str) -> bool:
    """Whether a class or aria-label names navigation: it holds a phrase of the language
    data's `navigation_cues` (class="sidebar-menu", aria-label="Related articles")."""
    return holds_phrase(text, language_words("navigation_cues"))


def heads_navigation(heading: str) -> bool:
    """Whether a heading names navigation: it is, whole, one of the language data's
    `navigation_headings` ("Related articles", "See also:", "Voir aussi"), or opens with one
    of two words or more and a linking word (`navigation_heading_links`: "Related articles in
    Billing", not "On this page you can pay online": s21 reviews), never one holding such a
    word among others ("Lunch menu", "Drugs related to warfarin": s20 review) nor opening with
    a one-word one ("Menu du midi", "Contents of the kit")."""
    words = _words(heading)
    headings = language_words("navigation_headings")
    links = language_words("navigation_heading_links")
    return words in headings or any(
        words.startswith(f"{name} ") and words[len(name) + 1 :].split(" ", 1)[0] in links
        for name in headings
        if " " in name
    )


def names_chrome(text: str) -> bool:
    """Whether a block's own text holds a phrase of the language data's `chrome_phrases` ("We
    use cookies to improve your experience.", "Was this article helpful?")."""
    return holds_phrase(text, language_words("chrome_phrases"))


def _words(text: str) -> str:
    """The text folded, its words one space apart ("sidebar_menu" is two words)."""
    return " ".join(_WORD.findall(fold(text).replace("_", " ")))


def holds_phrase(text: str, phrases: frozenset[str]) -> bool:
    """Whether the text holds one of these folded phrases as whole words ("sidebar_menu" is
    two words): the HTML readers' one test of a language data list (htmldocs.py too)."""
    words = f" {_words(text)} "
    return any(f" {phrase} " in words for phrase in phrases)


def is_link_list(block: OpenBlock) -> bool:
    """Whether a closed list is a link list: LINK_LIST_MIN items or more, each wholly a link."""
    block.close_item()
    return block.tag in LIST_TAGS and block.items >= LINK_LIST_MIN and block.linked == block.items


def is_page_tree(block: OpenBlock) -> bool:
    """Whether a closed list is a page tree: a link list of PAGE_TREE_MIN items or more, each a
    link to another page of the export (an index.html's "Available Pages:")."""
    return is_link_list(block) and block.items >= PAGE_TREE_MIN and block.local == block.items


def links_a_page_of_the_export(href: str | None) -> bool:
    """Whether a link's address is another page of the same folder tree: relative, no scheme,
    host, leading "/" nor bare "#fragment" ("Deploy-procedure_98320.html", "api/index.html")."""
    if not href or href.startswith(("/", "#", "?")):
        return False
    try:
        parts = urlsplit(href)
    except ValueError:
        return False
    return not parts.scheme and not parts.netloc and bool(parts.path)


def is_widget(block: OpenBlock) -> bool:
    """Whether a closed element is a widget: controls, no content element, few words
    (WIDGET_WORDS), no statement (`OpenBlock.prose`: an FAQ item "How do I change my cookie
    preferences?" over its answer, "The mobile app does not use cookies." in a `<p>`, s21
    review; but a `<p>` holding a `chrome_phrases` phrase in a block whose every button is a
    consent control, "We use cookies to improve your experience." over "Accept" and "Reject",
    is a banner's message: `OpenBlock.chrome_statement`), and either chrome (its own text
    holds a phrase of `chrome_phrases`: a cookie banner, a "Was this article helpful?" vote)
    or nothing of its own (all its words in its buttons and links: a "Share" bar). A block
    saying anything else beside a button is the page's: "Our office is open 9-17 on weekdays."
    in a `<span>`, "Price: 25 EUR" (s20 review: a sentence was only seen in a closed `<p>`)."""
    if block.tag not in WIDGET_TAGS or not block.controls or block.content:
        return False
    if block.words > WIDGET_WORDS or block.prose:
        return False
    if block.chrome_statement and block.other_controls:
        return False  # "The mobile app does not use cookies." by "Change language"
    return not block.bare_words or names_chrome(block.bare_text)
