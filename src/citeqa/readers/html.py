"""HTML: the visible text a browser shows (no scripts, styles or head), blocks on their own
lines, and the page's <title>.

A page's boilerplate is left out: its navigation (`<nav>`, role=navigation, a breadcrumb trail:
class or aria-label "breadcrumb"), and the page's own asides, header and footer
(`<aside>`/`<header>`/`<footer>` outside any article, section or main, role=banner/contentinfo),
which held "Home | Journals | Submit" and "Cookie settings", but for the lines of the page's
footer that stamp its edit (a date and a word of the language data's `edit_stamp_words`: "Last
edited by Lena Hartmann on 7 February 2025", when and by whom the page was written), kept as the
page's last paragraphs. Text the pages of a corpus repeat (a
cookie banner) is found at build time instead (boilerplate.py). An
article's own header (its title, its authors) and asides (a paper's "Box 1") stay. A void
element (`<img role="banner">`) holds no text and drops nothing. A page where such an element
is never closed, or that holds nothing else, is read whole, as before.

A table whose first row is a header (`<th>` cells, or a `<thead>`) becomes a markdown pipe
table, its header row over a `|---|` rule, so that a row is read and quoted with its header
exactly as a markdown file's table row is (tables.py); a break inside such a cell (`<br>`, a
paragraph) is a space, and a "|" in it is escaped (`\\|`, language.pipe_row). Any other
table (a page laid out in a table) reads as it would without the table: cells apart with tabs,
one row a line, its headings and paragraphs on their own lines, and a `<br>` inside a cell a
space (so a cell's lines never read as rows of their own).

A documentation site's furniture (permalink marks, a theme's credit, the generator's index and
search pages) and its definition lists' short terms are read as htmldocs.py says.

Version 15: the decoding of every text format changed (textdecoding.py, s21: a non-UTF-8 line of
a UTF-8 file read alone as cp1252, a stray NUL byte read as U+FFFD, binary content found
anywhere).
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from html.parser import HTMLParser
from typing import NamedTuple

from citeqa.editstamps import stamps_an_edit
from citeqa.language import pipe_row
from citeqa.questions import is_question
from citeqa.readers.base import TITLE_MAX, Extracted
from citeqa.readers.htmlchrome import (
    CONTROL_TAGS,
    LIST_TAGS,
    WIDGET_CONTENT_TAGS,
    WIDGET_TAGS,
    OpenBlock,
    heads_navigation,
    is_consent_control,
    is_link_list,
    is_page_tree,
    is_statement,
    is_widget,
    links_a_page_of_the_export,
    names_chrome,
    names_navigation,
)
from citeqa.readers.htmldocs import FooterCredits, Terms, is_generated_index, is_permalink
from citeqa.readers.htmllists import ListNumbers, reversed_list_sizes
from citeqa.textdecoding import VERSION as DECODING_VERSION


class HtmlReader:
    """A .html or .htm file, already decoded."""

    kind = "html"
    suffixes = (".html", ".htm")
    decoded = True
    version = 23 + DECODING_VERSION
    """2: a table with a header row is read as a markdown pipe table (session 8). 3: a break
    in such a table's cell is a space, a pipe in it stays unescaped, and any other table reads
    as before 2 (its headings and paragraphs on their own lines). 4: a `<br>` in any table's
    cell is a space (an address over three lines read as three rows). 5: the page's navigation,
    asides, header and footer are left out. 6: an aside inside an article, section or main
    is its text (a paper's "Box 1"), and a void element with a boilerplate role drops
    nothing (it left dropping open, so the page was read whole). 7: a page without a <title>
    is titled past its preamble lines (titles.derived_title: header block, RST comments). 8:
    and past a running header ("XZ(1) XZ Utils XZ(1)"). 9: spaces between inline elements
    are kept ("Privacy policy</a> <button>Accept" read "Privacy policyAccept"), and so are the
    lines of the page's footer that stamp its edit ("Last edited by … on 7 February 2025"), and a
    breadcrumb trail (an element whose class or aria-label names one) is left out: a class
    word "breadcrumb(s)" whole, never of a body, main, article or section (s18 review: a
    `<div class="page has-breadcrumbs">` wrapper lost the whole page). 10: a trail ends at the
    first element of content it opens (`_CONTENT_TAGS`) or past `TRAIL_MAX` characters, its
    text then read (s19 hostile probe: an unclosed `<div class="breadcrumb">`
    was closed by its wrapper's `</div>` and took the page's content with it). 11: a page
    without a <title> opening with a slide's label alone ("Slide 1") is titled by its first
    slide's title (titles.slide_label, s19-slides: read again so an index's titles follow).
    12: h1-h6 are markdown heading lines ("## Related articles"), link lists and control widgets
    are left out (htmlchrome.py), buttons stand a space apart ("Yes No", not "YesNo"), and a
    <title> that is the page's <h1> and a site's name ("How do I reset my password? – Tessera
    Help Center") is the <h1> (s20 trial: help-center pages quoted their chrome). 13: a block
    stating something (a paragraph closing with a full stop, an FAQ's question button) or
    saying more than 16 words outside its buttons is no widget, and a page whose
    chrome was all it said is read whole (s20 review: an office's hours with a "Share" button
    read as no text), and a link list is left out only when named navigation ("Related
    articles", class "sidebar"), never "Supported chat tools" over its links. 14: a block with
    buttons is a widget only when it says nothing of its own or is chrome by the language
    data's `chrome_phrases` (a sentence in a `<span>` or an unclosed `<p>`, "Price: 25 EUR",
    beside a button was left out; a cookie banner stating a sentence goes), a heading names
    navigation only whole ("Lunch menu" over links is the page's), and a "|" in a pipe table's
    cell is escaped, `\\|`, as the CSV reader writes it (s20 reviews). 15: decoded by
    textdecoding.py (see the module's docstring). 16: a block stating something (a closed
    `<p>` ending with a full stop, an FAQ's question button) is never a widget, whatever
    `chrome_phrases` it holds ("How do I change my cookie preferences?" over its answer was
    left out), the phrases no statement holds ("share on", "your consent" are gone; "in your
    inbox", "need more help", "en poursuivant votre navigation" are in), and a heading opening
    with a navigation heading of two words or more names navigation ("Related articles in
    Billing"; s21 review). 17: a documentation site's furniture is left out (htmldocs.py:
    permalink marks "¶", a footer holding a site generator's credit even inside a section,
    the generator's index tables, `<noscript>` text, and a search page is its heading alone),
    and a short term of a definition list is read on one line with its description
    ("HYDROKIT_CACHE_DIR: Overrides the cache folder…"; s22 trial). 19 (17 + decoding 2): a
    closed `<p>` holding a chrome phrase among buttons that are all consent controls ("Accept
    all", "Reject") is a cookie banner's message, left out with its block (htmlchrome.py), and
    the decoding of a file with CR line ends and of a non-Latin legacy encoding. 20 (18 +
    decoding 2): an element whose id names a breadcrumb trail is one too (a Confluence
    export's `<ol id="breadcrumbs">` read "Team Space / Team Handbook" over every page). 21 (19
    + decoding 2): an item of an ordered list (`<ol>`, its `start` followed) opens with its
    number, "3. Run the migration", as a browser shows it (s24 trial: a Confluence runbook's
    steps lost their numbers, so "step 3" could not be looked up). 22 (20 + decoding 2): a page
    tree that is most of a page is left out (htmlchrome.is_page_tree, s24 trial). 23 (21 +
    decoding 2): an item's `value` sets its number and a reversed list counts down
    (htmllists.py). 28 (22 + decoding 6): an unclosed comment, declaration or
    processing instruction ending the page is dropped, as HTML5 drops it (its text depended on
    Python's patch level), and a "<![" naming no marked section html.parser reads is text (it
    raised an internal error; review C). 29 (23 + decoding 6): a list's `start` and an item's
    `value` are read by HTML's rules for parsing integers and held to 32 bits (htmllists.py; a
    `start` of 4,299 digits opened every item with it, s25 hostile probe)."""

    def extract(self, content: str | bytes, relative: str) -> Extracted:
        text = content if isinstance(content, str) else content.decode("utf-8", "replace")
        visible, title = html_visible_text(text, relative)
        return Extracted(visible, title=title)


_SKIPPED_TAGS = frozenset({"script", "style", "head", "template", "noscript"})
_PARAGRAPH_TAGS = frozenset(
    {"p", "div", "section", "article", "header", "footer", "nav", "aside", "main", "blockquote"}
    | {"pre", "hr", "ul", "ol", "dl", "table", "figure", "figcaption", "form", "fieldset"}
    | {"address", "details", "summary", "h1", "h2", "h3", "h4", "h5", "h6"}
)
_BOILERPLATE_TAGS = frozenset({"nav"})
_PAGE_TAGS = frozenset({"header", "footer", "aside"})
"""Boilerplate as the page's own: outside any of `_SECTIONING_TAGS` (inside, an article's)."""
_SECTIONING_TAGS = frozenset({"article", "section", "main"})
_BOILERPLATE_ROLES = frozenset({"navigation", "banner", "contentinfo"})
_BREADCRUMB_WORDS = frozenset({"breadcrumb", "breadcrumbs"})
"""The class or aria-label words, whole, of a breadcrumb trail ("has-breadcrumbs" is none)."""
_BREADCRUMB_HOLDERS = frozenset({"body", "main", "article", "section"})
"""Elements never left out as a breadcrumb trail, whatever their class: they hold the page."""
_CONTENT_TAGS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "pre", "blockquote", "main", "article"}
    | {"section", "figure", "dl", "form", "header", "footer", "aside", "address", "details"}
)
"""Elements of a page's content, never of a breadcrumb trail: one opening inside a trail ends
it, so a trail left unclosed ("<div class=breadcrumb>Home &gt; Wiki <div class=content><h1>…")
never takes the page with it, while a trail's icons, separators and lists stay in it."""
TRAIL_MAX = 300
"""The most text a breadcrumb trail holds: past it, what was left out is the page's (an
unclosed trail over text with no content element), and is read after all."""

_VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param"}
    | {"source", "track", "wbr"}
)
"""Elements that never close (HTML's void elements): they hold no text to leave out."""
_LINE_TAGS = frozenset({"br", "li", "tr", "dt", "dd", "option", "caption"})
_CELL_TAGS = frozenset({"td", "th"})
_TABLE_TAGS = frozenset({"tr", "td", "th", "thead"})
SPACE, CELL, LINE, PARAGRAPH = 1, 2, 3, 4
"""Breaks between pieces of visible text, weakest first; the strongest held back wins."""
_BREAKS = {SPACE: " ", CELL: "\t", LINE: "\n", PARAGRAPH: "\n\n"}
_WORDS = re.compile(r"\w+")


class _VisibleText(HTMLParser):
    """Collects the text a browser shows: no scripts, styles or head; blocks on their own lines.

    Breaks are held back until the next visible text, and the strongest wins: a paragraph
    break (blank line), a line break, a tab between table cells, or a space (a `<br>` in a
    table's cell).
    """

    def __init__(
        self,
        drop_boilerplate: bool = True,
        drop_link_lists: bool = True,
        drop_widgets: bool = True,
        drop_page_trees: bool = False,
        reversed_sizes: Sequence[int] = (),
    ) -> None:
        super().__init__(convert_charrefs=True)
        self.drop_boilerplate = drop_boilerplate
        self.chrome = _Chrome(self, drop_link_lists, drop_widgets, drop_page_trees)
        """The page's headings, link lists and widgets as they are read (`_Chrome`)."""
        self.dropping: str | None = None
        """The tag of the boilerplate element being left out (`_is_boilerplate`), if any."""
        self.drop_depth = 0
        """How many elements of that tag are open inside it, itself included."""
        self.dropping_trail = False
        """Whether the element left out is a breadcrumb trail (`_CONTENT_TAGS`, `TRAIL_MAX`)."""
        self.trail_text: list[str] = []
        """The text of that trail so far, read after all if it outgrows one (`TRAIL_MAX`)."""
        self.trail_size = 0
        self.sections = 0
        """Open articles, sections and mains: a header or footer in them is theirs."""
        self.parts: list[str] = []
        self.footer: list[str] = []
        """The text of the page's footer being left out, its blocks a line each (`dated_lines`)."""
        self.pending = 0
        self.hidden = 0
        self.preformatted = 0
        self.in_title = False
        self.title = ""
        self.credits = FooterCredits()
        """The footers kept while they are read, cut when one is a site's credit (htmldocs.py)."""
        self.numbering = ListNumbers(reversed_sizes)
        """The numbers of the ordered lists open, and the mark of the item opened last."""
        self.terms = Terms()
        """The definition list's term being read, joined by its description (htmldocs.py)."""
        self.links: list[str | None] = []
        """The href of each `<a>` open, innermost last: a permalink's mark is left out."""
        self.search_pages: list[str] = []
        """Where the page's `<link rel="search">` elements point (`names_itself`)."""
        self.tables: list[_Table] = []
        """The tables being read, innermost last: their text is written as it comes, and
        replaced by a pipe table when one closes that reads as one."""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start_dropping(tag, attrs)
        self._start_docs(tag, dict(attrs))
        self.chrome.start(tag, attrs)
        self.sections += tag in _SECTIONING_TAGS
        if tag == "body":
            self.hidden = 0  # a body ends an unclosed head
        elif tag in _SKIPPED_TAGS:
            self.hidden += 1
        self.in_title = self.in_title or tag == "title"
        self.preformatted += tag == "pre"
        self.numbering.start(tag, attrs)
        self._hold_break(tag, closing=False)
        if tag == "table":
            self.tables.append(_Table(len(self.parts)))
        elif tag in _TABLE_TAGS and self.tables and not self.hidden:
            self.tables[-1].open(tag)

    def _start_docs(self, tag: str, attributes: dict[str, str | None]) -> None:
        """A documentation site's furniture and definition lists (htmldocs.py)."""
        if tag == "a":
            self.links.append(attributes.get("href"))
        elif tag == "link" and "search" in (attributes.get("rel") or "").lower().split():
            self.search_pages.append(attributes.get("href") or "")
        if self.hidden:
            return
        if tag == "footer":
            self.credits.open(len(self.parts))
        self.terms.start(tag, len(self.parts))

    def _end_docs(self, tag: str) -> None:
        if tag == "a" and self.links:
            self.links.pop()
        if self.hidden:
            return
        if tag == "footer" and self.credits.close(self.parts):
            self.pending = PARAGRAPH if self.parts else 0
        self.terms.end(tag, len(self.parts))

    def handle_endtag(self, tag: str) -> None:
        self._end_docs(tag)
        self._end_dropping(tag)
        self.sections = max(0, self.sections - (tag in _SECTIONING_TAGS))
        if tag in _SKIPPED_TAGS:
            self.hidden = max(0, self.hidden - 1)
        self.in_title = self.in_title and tag != "title"
        self.preformatted = max(0, self.preformatted - (tag == "pre"))
        self.numbering.end(tag)
        self._hold_break(tag, closing=True)
        if tag == "thead" and self.tables:
            self.tables[-1].in_head = False
        elif tag == "table" and self.tables:
            self._end_table()
        self.chrome.end(tag)

    def _start_dropping(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Leave out what follows when `tag` opens boilerplate (counted as hidden)."""
        if self.dropping is not None and self.dropping_trail and tag in _CONTENT_TAGS:
            self._stop_dropping()  # content inside an unclosed trail: the trail has ended
        if self.dropping is not None:
            self.drop_depth += tag == self.dropping
        elif self.drop_boilerplate and tag not in _VOID_TAGS:
            trail = tag not in _BOILERPLATE_TAGS and self._is_trail(tag, attrs)
            if trail or self._is_boilerplate(tag, attrs):
                self.dropping, self.drop_depth, self.dropping_trail = tag, 1, trail
                self.hidden += 1

    def _end_dropping(self, tag: str) -> None:
        if tag != self.dropping:
            return
        self.drop_depth -= 1
        if not self.drop_depth:
            self._stop_dropping()

    def _stop_dropping(self) -> None:
        self.dropping, self.drop_depth, self.dropping_trail = None, 0, False
        self.hidden = max(0, self.hidden - 1)
        self.trail_text, self.trail_size = [], 0

    def _is_boilerplate(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        """Whether the element is boilerplate other than a breadcrumb trail (`_is_trail`, asked
        first by `_start_dropping`: a trail of links to the pages above, "Wiki > Data")."""
        role = (dict(attrs).get("role") or "").strip().lower()
        if tag in _BOILERPLATE_TAGS or role in _BOILERPLATE_ROLES:
            return True
        if is_generated_index(dict(attrs)):
            return True
        return tag in _PAGE_TAGS and not self.sections

    @staticmethod
    def _is_trail(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        """Whether the element is a breadcrumb trail by its class or aria-label."""
        return tag not in _BREADCRUMB_HOLDERS and _names_breadcrumbs(dict(attrs))

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
        if self.hidden:
            if self.dropping_trail and self.hidden == 1:
                self._hold_trail(data)
            elif self._in_page_footer():
                self.footer.append(re.sub(r"\s+", " ", data))
            return
        if not data.strip():  # spaces between inline elements: "<a>Privacy</a> <button>"
            self.pending = max(self.pending, SPACE if self.parts and not self.preformatted else 0)
            return
        titling = self.chrome.heading is not None or self.terms.term is not None
        if titling and self.links and is_permalink(self.links[-1], data):
            return
        text = data if self.preformatted else re.sub(r"\s+", " ", data)
        if self.terms.joining and not (self.tables or self.preformatted):
            self.pending = 0
        if not (self.tables or self.preformatted):
            text = self.numbering.marked(self.terms.add(text))
        self.chrome.add_text(text)
        if self.tables:
            self.tables[-1].add(text, self.pending)  # a pipe table's cell: no heading marks
        self._write(text if self.preformatted else self.chrome.heading_marks(text))

    def _hold_trail(self, data: str) -> None:
        """Keep a breadcrumb trail's text; past `TRAIL_MAX` it was the page's: read it."""
        self.trail_text.append(data)
        self.trail_size += len(data.strip())
        if self.trail_size > TRAIL_MAX:
            held = re.sub(r"\s+", " ", "".join(self.trail_text)).strip()
            self._stop_dropping()
            self.pending = max(self.pending, LINE)
            self._write(held)

    def close(self) -> None:
        super().close()
        while self.tables:  # a table left open at the end of the page
            self._end_table()

    def _write(self, text: str) -> None:
        """Visible text, after the break held back before it."""
        if self.parts and self.pending:
            self.parts.append(_BREAKS[self.pending])
        self.pending = 0
        self.parts.append(text)

    def _end_table(self) -> None:
        """Close the innermost table (its words run into its outer table's cell, if nested):
        when it reads as a pipe table under its header row, its text as it came is cut back
        and the pipe table written instead, a paragraph apart."""
        table = self.tables.pop()
        piped = table.piped()
        if self.tables:
            self.tables[-1].nest(table)
        if piped:
            del self.parts[table.mark :]
            self.pending = PARAGRAPH
            self._write(piped)
            self.pending = PARAGRAPH

    def _in_page_footer(self) -> bool:
        """Whether the text read now is the page's own footer's, left out (no script in it)."""
        return self.dropping == "footer" and self.hidden == 1

    def dated_lines(self) -> list[str]:
        """The lines of the page's footer that stamp its edit: a date (dates.date_terms) and
        a word of the language data's `edit_stamp_words` ("Last edited by … on 7 February
        2025"; not "Exported from my notes app on 2026-04-22", an app's own line)."""
        lines = (" ".join(line.split()) for line in "".join(self.footer).split("\n"))
        return [line for line in lines if stamps_an_edit(line)]

    def _hold_break(self, tag: str, closing: bool) -> None:
        if self._in_page_footer() and (tag in _PARAGRAPH_TAGS or tag in _LINE_TAGS):
            self.footer.append("\n")
        if tag in _PARAGRAPH_TAGS:
            strength = PARAGRAPH
        elif (tag == "br" and self.tables and not self.preformatted) or tag in CONTROL_TAGS:
            strength = SPACE  # a break in a table's cell; buttons side by side ("Yes No")
        elif tag in _LINE_TAGS:
            strength = LINE
        else:
            strength = CELL if tag in _CELL_TAGS and not closing else 0
        self.pending = max(self.pending, strength)


_HEADING_TAGS = {f"h{level}": level for level in range(1, 7)}


class _Chrome:
    """What a page's headings, link lists and widgets do to its text as it is read: a heading's
    text opens with its level's markdown marks ("## "), so blocks.py reads it as a heading; a
    link list or widget (htmlchrome.py) is cut from the parts written when it closes, with the
    heading that stood right over a link list ("Related articles"). A link list is cut only when
    it is named navigation (by that heading whole, htmlchrome.heads_navigation, or by its or an
    outer block's class or aria-label, names_navigation): "Supported chat tools" or "Lunch
    menu" over links is the page's answer (s20 reviews); lists that every page repeats are
    boilerplate.py's. Outside a
    table only: a table's cells keep their own copy of its text."""

    def __init__(
        self,
        parser: _VisibleText,
        drop_link_lists: bool,
        drop_widgets: bool,
        drop_page_trees: bool = False,
    ) -> None:
        self.parser = parser
        self.drop_link_lists = drop_link_lists
        self.drop_widgets = drop_widgets
        self.drop_page_trees = drop_page_trees
        """Whether page trees (htmlchrome.is_page_tree) are cut like named link lists."""
        self.open: list[OpenBlock] = []
        """The lists and possible widgets open, innermost last (only it counts what is read)."""
        self.open_tags: Counter[str] = Counter()
        """How many of `open` each tag has: whether an end tag closes one, in constant time."""
        self.links = 0
        """Open `<a>` elements."""
        self.controls: list[str] | None = None
        """The text of the button open, if any."""
        self.paragraph: list[str] | None = None
        """The text of the `<p>` open, if any."""
        self.marks = ""
        """The markdown marks of the heading open, until its first text is written."""
        self.heading: tuple[int, int, list[str]] | None = None
        """The open heading's level, where its text starts among the parts, and its text."""
        self.last_heading: tuple[int, int, str] | None = None
        """Where the last heading closed starts and ends among the parts written, and its text."""
        self.first_heading = ""
        """The text of the page's first <h1>."""
        self.list_words = 0
        """The words of the link lists left out."""
        self.tree_words = 0
        """The words of the page trees read (kept or cut)."""
        self.cut = False
        """Whether a link list or widget was cut from the text."""

    def start(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        parser = self.parser
        if parser.hidden:
            return
        self.links += tag == "a"
        if tag == "a" and self.open and links_a_page_of_the_export(dict(attrs).get("href")):
            self.open[-1].item_local = True
        self.controls = [] if tag in CONTROL_TAGS else self.controls
        self.paragraph = [] if tag == "p" else self.paragraph
        if self.open:
            self.open[-1].controls += tag in CONTROL_TAGS
            self.open[-1].content = self.open[-1].content or tag in WIDGET_CONTENT_TAGS
        if tag == "li" and self.open and self.open[-1].tag in LIST_TAGS:
            self.open[-1].open_item()
        elif tag in LIST_TAGS or tag in WIDGET_TAGS:
            named = dict(attrs)
            cued = names_navigation(f"{named.get('class') or ''} {named.get('aria-label') or ''}")
            outer = bool(self.open) and self.open[-1].navigational
            self.open.append(OpenBlock(tag, len(parser.parts), navigational=cued or outer))
            self.open_tags[tag] += 1
        elif tag in _HEADING_TAGS:
            self.heading = (_HEADING_TAGS[tag], len(parser.parts), [])
            self.marks = "#" * _HEADING_TAGS[tag] + " "

    def end(self, tag: str) -> None:
        self.links = max(0, self.links - (tag == "a"))
        self._end_statement(tag)
        if tag == "li" and self.open and self.open[-1].tag in LIST_TAGS:
            self.open[-1].close_item()
        elif tag in _HEADING_TAGS and self.heading is not None:
            self._end_heading()
        elif self.open_tags[tag]:
            while self.open[-1].tag != tag:  # elements left unclosed inside it
                self._close(judge=False)
            self._close(judge=True)

    def _end_statement(self, tag: str) -> None:
        """A closing `<p>` or button: the innermost block holds a statement when it was one
        (htmlchrome.is_statement; a button asking a question, an FAQ's: questions.is_question)."""
        if tag == "p" and self.paragraph is not None:
            paragraph, self.paragraph = "".join(self.paragraph), None
            stated = is_statement(paragraph)
            if stated and names_chrome(paragraph) and self.open:  # a banner's, or the page's
                self.open[-1].chrome_statement, stated = True, False
        elif tag in CONTROL_TAGS and self.controls is not None:
            control, self.controls = "".join(self.controls), None
            stated = is_question(control)
            if self.open and not is_consent_control(control):
                self.open[-1].other_controls += 1
        else:
            return
        if stated and self.open:
            self.open[-1].prose = True

    def _close(self, judge: bool) -> None:
        """Close the innermost block: its counts go to the block around it, and it is judged
        (`_judge`) when its end tag closed it."""
        block = self.open.pop()
        self.open_tags[block.tag] -= 1
        if judge:
            self._judge(block)
        if self.open:
            self.open[-1].absorb(block)

    def _end_heading(self) -> None:
        assert self.heading is not None
        level, mark, words = self.heading
        text = " ".join("".join(words).split())
        if level == 1 and not self.first_heading:
            self.first_heading = text
        self.last_heading = (mark, len(self.parser.parts), text)
        self.heading, self.marks = None, ""

    def add_text(self, text: str) -> None:
        if self.open:
            self.open[-1].add_text(text, self.links > 0, self.controls is not None)
        for held in (self.controls, self.paragraph):
            if held is not None:
                held.append(text)
        if self.heading is not None:
            self.heading[2].append(text)

    def heading_marks(self, text: str) -> str:
        """`text`, opened with the open heading's marks if it is the heading's first text."""
        marks, self.marks = self.marks, ""
        return marks + text.lstrip() if marks else text

    def _judge(self, block: OpenBlock) -> None:
        """Cut a closed link list (and the heading right over it) or widget from the text."""
        parser = self.parser
        if parser.tables or parser.hidden:
            return
        last = self.last_heading
        heading = last if last is not None and last[1] == block.mark else None
        named = block.navigational or (heading is not None and heads_navigation(heading[2]))
        tree = not named and is_page_tree(block)
        self.tree_words += block.words if tree else 0
        link_list = self.drop_link_lists and is_link_list(block) and named
        link_list = link_list or (tree and self.drop_page_trees)
        if not (link_list or (self.drop_widgets and is_widget(block))):
            return
        mark = block.mark
        if link_list:
            self.list_words += 0 if tree else block.words  # a cut page tree is never read back
            mark = heading[0] if heading is not None else mark
        del parser.parts[mark:]
        self.cut = True
        parser.pending = PARAGRAPH if parser.parts else 0
        self.last_heading = None


class _Row:
    """One table row: its cells' text pieces, and which cells are header cells (`<th>`)."""

    def __init__(self, in_head: bool) -> None:
        self.cells: list[list[str | _Table]] = []
        """Each cell's pieces: its text as it came, and the tables nested in it (`_Table.nest`)."""
        self.heads: list[bool] = []
        self.in_head = in_head

    def texts(self) -> list[str]:
        return [" ".join(_joined(cell).split()) for cell in self.cells]

    def has_text(self) -> bool:
        """Whether any cell holds visible text, found without joining the cells' text."""
        return any(_has_text(cell) for cell in self.cells)

    def is_header(self) -> bool:
        return self.in_head or (bool(self.heads) and all(self.heads))


class _Table:
    """A table being read: its caption and rows, and where its text starts among the parts
    written (`mark`), to be cut back to if it closes as a pipe table.

    A table nested in a cell is kept there whole, its words joined only when the table around
    it is written as a pipe table (`_joined`): copying them into the cell as each table closed
    copied the words of every table inside, up every level (s22: 4,000 unclosed tables took
    6.7 s)."""

    def __init__(self, mark: int) -> None:
        self.caption: list[str | _Table] = []
        self.rows: list[_Row] = []
        self.in_head = False
        self.mark = mark
        self.holds_text = False
        """Whether the table has visible text, set when it closes (`nest`, `piped`)."""

    def open(self, tag: str) -> None:
        if tag == "thead":
            self.in_head = True
        elif tag == "tr" or not self.rows:
            self.rows.append(_Row(self.in_head))
        if tag in _CELL_TAGS:
            self.rows[-1].cells.append([])
            self.rows[-1].heads.append(tag == "th")

    def add(self, text: str, pending: int) -> None:
        """A piece of visible text, after a break of strength `pending`: a break inside a cell
        (`<br>`, `<p>`) or a caption is a space (the cells' and caption's spaces are evened)."""
        self._pieces().append(" " + text if pending else text)

    def nest(self, table: _Table) -> None:
        """A closed table nested in this one: its words run into the cell (`_joined`)."""
        self._pieces().append(table)

    def _pieces(self) -> list[str | _Table]:
        """Where text goes now: the last cell, else the caption (a <caption>, or stray text)."""
        return self.rows[-1].cells[-1] if self.rows and self.rows[-1].cells else self.caption

    def piped(self) -> str:
        """The table as a markdown pipe table under its header row when its first row is one
        (and it has rows and columns to spare), else "" (the table reads as it came). Notes
        whether the table holds text (`holds_text`) for the table it is nested in."""
        kept = [row for row in self.rows if row.has_text()]
        self.holds_text = bool(kept) or _has_text(self.caption)
        width = max((len(row.cells) for row in kept), default=0)
        if not (kept and kept[0].is_header() and len(kept) > 1 and width > 1):
            return ""
        cells = [row.texts() for row in kept]  # each cell's text made once
        caption = " ".join(_joined(self.caption).split())
        lines = [_pipe_row(cells[0], width), "|" + " --- |" * width]
        lines += [_pipe_row(texts, width) for texts in cells[1:]]
        return "\n".join(([caption] if caption else []) + lines)


def _joined(pieces: list[str | _Table]) -> str:
    """A cell's or caption's text: its pieces as they came, a nested table's caption and cells
    spaced apart (a cell's text is then evened: `_Row.texts`). Walked with a stack of the
    tables entered, not by recursion: tables nest thousands deep in a hostile page."""
    text: list[str] = []
    entered: list[Iterator[str | _Table]] = [iter(pieces)]
    while entered:
        piece = next(entered[-1], None)
        if piece is None:
            entered.pop()
        elif isinstance(piece, str):
            text.append(piece)
        else:
            entered.append(_spaced_pieces(piece))
    return "".join(text)


def _spaced_pieces(table: _Table) -> Iterator[str | _Table]:
    """A nested table's caption and cells in reading order, a space around each."""
    yield " "
    yield from table.caption
    for row in table.rows:
        for cell in row.cells:
            yield " "
            yield from cell
    yield " "


def _has_text(pieces: list[str | _Table]) -> bool:
    """Whether a cell or caption holds visible text (a nested table's noted as it closed)."""
    return any(piece.strip() if isinstance(piece, str) else piece.holds_text for piece in pieces)


def _without_page_trees(page: _Page, parser: _VisibleText, text: str) -> tuple[_VisibleText, str]:
    """A page read again without its page trees (htmlchrome.is_page_tree) when they held most
    of its words, an export's index.html: its lines of other pages' titles are navigation, not
    an answer (s24 trial). A page that is only its tree keeps it."""
    trimmed = _parsed(page, drop_boilerplate=True, drop_page_trees=True)
    trimmed_text = _text_of(trimmed)
    return (trimmed, trimmed_text) if trimmed_text else (parser, text)


def _pipe_row(cells: list[str], width: int) -> str:
    """A markdown table row of `width` cells (missing ones empty), a "|" in a cell escaped as
    the CSV reader writes it (language.pipe_row): tables.py splits a row at its unescaped
    pipes, so an unescaped one made a cell of its own and moved the row's cells off their
    header's columns (s20 review); the quote shows the backslash."""
    return pipe_row(cells + [""] * (width - len(cells)))


def html_visible_text(html: str, relative: str = "") -> tuple[str, str | None]:
    """The visible text of an HTML page, and its <title> when it has one; the page's
    boilerplate left out unless that leaves nothing or never ends (an unclosed `<nav>`), and its
    link lists unless they held more words than the rest of the text (a page of links). A site's
    search page (the page at `relative` in its folder is where its own `<link rel="search">`
    points: Sphinx's search.html, "Please activate JavaScript…") is its first heading alone."""
    page = _page(html)
    parser = _parsed(page, drop_boilerplate=True)
    text = _text_of(parser)
    if relative and _names_itself(parser.search_pages, relative):
        title = page_title(" ".join(parser.title.split()), parser.chrome.first_heading)
        return parser.chrome.first_heading or title, title[:TITLE_MAX] or None
    words = len(_WORDS.findall(text))
    if 2 * parser.chrome.tree_words > words:
        parser, text = _without_page_trees(page, parser, text)
        words = len(_WORDS.findall(text))
    if parser.chrome.list_words and parser.chrome.list_words >= words:
        parser = _parsed(page, drop_boilerplate=True, drop_link_lists=False)
        text = _text_of(parser)
    if not text and parser.chrome.cut:
        parser = _parsed(page, drop_boilerplate=True, drop_link_lists=False, drop_widgets=False)
        text = _text_of(parser)  # its chrome was all a page said: read whole
    if parser.dropping is not None or not text:
        parser = _parsed(page, drop_boilerplate=False)
        text = _text_of(parser)
    else:
        text = "\n\n".join([text, *parser.dated_lines()])
    title = page_title(" ".join(parser.title.split()), parser.chrome.first_heading)
    return text, title[:TITLE_MAX] or None


_TITLE_SEPARATORS = ("–", "—", "-", "|", "·", "•", ":", "::", "»")
"""What stands between a page's own title and its site's name in a <title>."""


SITE_NAME_WORDS = 4
"""The most words of a site's name in a <title> ("Tessera Help Center", "Python 3.12
documentation"): a longer rest is the page's subtitle ("What's new in the standard library")."""


def page_title(title: str, heading: str) -> str:
    """A page's <title>, or its first <h1> when the <title> is that heading and a site's name on
    either side of a separator ("How do I reset my password? – Tessera Help Center"): the site's
    name, on every page, names no page. A rest that reads as a subtitle stays (`_names_a_site`)."""
    size = len(heading)
    if not heading or len(title) <= size:
        return title
    if title[:size].casefold() == heading.casefold():  # sliced, then folded: "ﬁ" folds to two
        rest = title[size:].strip()
        site = rest.lstrip("".join(_TITLE_SEPARATORS)) if rest.startswith(_TITLE_SEPARATORS) else ""
    elif title[-size:].casefold() == heading.casefold():
        rest = title[:-size].strip()
        site = rest.rstrip("".join(_TITLE_SEPARATORS)) if rest.endswith(_TITLE_SEPARATORS) else ""
    else:
        return title
    return heading if _names_a_site(site) else title


def _names_a_site(rest: str) -> bool:
    """Whether the rest of a <title> reads as a site's name: at most SITE_NAME_WORDS words, at
    most one of them lower-case (a name's words are capitalised; a subtitle's are not)."""
    words = rest.split()
    lower = sum(word[0].islower() for word in words)
    return 0 < len(words) <= SITE_NAME_WORDS and lower <= 1


class _Page(NamedTuple):
    """A page made ready to parse, once however many times it is parsed."""

    safe: str
    """The page with its unclosed tail written as text (`_unclosed_tail_as_text`)."""
    reversed_sizes: list[int]
    """The count of items of each of its `<ol reversed>` without `start` (`reversed_list_sizes`)."""


def _page(html: str) -> _Page:
    """`html` made ready to parse (`_Page`)."""
    safe = _unclosed_tail_as_text(html)
    return _Page(safe, reversed_list_sizes(safe))


def _parsed(
    page: _Page,
    drop_boilerplate: bool,
    drop_link_lists: bool = True,
    drop_widgets: bool = True,
    drop_page_trees: bool = False,
) -> _VisibleText:
    sizes = page.reversed_sizes
    parser = _VisibleText(drop_boilerplate, drop_link_lists, drop_widgets, drop_page_trees, sizes)
    parser.feed(page.safe)
    parser.close()
    return parser


def _unclosed_tail_as_text(html: str) -> str:
    """`html` with each "<" after its last ">" written "&lt;", and a marked section html.parser
    cannot read escaped (`_unreadable_sections_as_text`). No tag, comment or declaration closes
    there, so html.parser reads that tail as text all the same, but only once the page is
    closed, and then scans the rest of the page again for each "<" in it: a page ending in
    `"<a " * 8000` took seconds, its square with twice as many (benchmarks/html_nesting_cost.py).
    As "&lt;" it is the same text, read in one pass. An unclosed comment, declaration or
    processing instruction ("<!--", "<!", "<?") runs to the end of the page, which HTML5
    drops: dropped here, whatever Python's patch level reads it as (text, or a comment)."""
    html = _unreadable_sections_as_text(html)
    opened = html.rfind("<!--")
    if opened >= 0 and "-->" not in html[opened:] and "--!>" not in html[opened:]:
        html = html[:opened]  # a "<!-- a > b" tail too: its ">" closes nothing
    tail = html.rfind(">") + 1
    unclosed = _UNCLOSED_MARKUP.search(html, tail)
    if unclosed:
        html = html[: unclosed.start()]
    if "<" not in html[tail:]:
        return html
    return html[:tail] + html[tail:].replace("<", "&lt;")


_UNCLOSED_MARKUP = re.compile(r"<[!?]")
_UNREADABLE_SECTION = re.compile(
    r"<!\[(?!(?:temp|cdata|ignore|include|rcdata|if|else|endif)(?![-_.a-z0-9]))", re.IGNORECASE
)
"""A "<![" whose name is none of the marked sections _markupbase reads: it raised an
AssertionError ("<![ x>", "<![foo x>"), an internal error for a page's stray text."""


def _unreadable_sections_as_text(html: str) -> str:
    """`html` with each "<![" html.parser cannot read (`_UNREADABLE_SECTION`) written
    "&lt;![": text, as a stray "<" is."""
    if "<![" not in html:
        return html
    return _UNREADABLE_SECTION.sub("&lt;![", html)


def _text_of(parser: _VisibleText) -> str:
    """The parser's text: spaces evened, blank lines at most one in a row."""
    lines = [re.sub(" {2,}", " ", line).strip(" ") for line in "".join(parser.parts).split("\n")]
    lines = ["" if not line.strip() else line for line in lines]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


READERS = (HtmlReader(),)


def _names_itself(links: list[str], relative: str) -> bool:
    """Whether one of a page's `links` (hrefs, relative to the page) points at the page itself,
    at `relative` in its folder (a query or fragment aside)."""
    here = posixpath.normpath(relative.replace("\\", "/"))
    folder = posixpath.dirname(here)
    targets = (re.split(r"[?#]", link, maxsplit=1)[0].strip() for link in links)
    return any(
        posixpath.normpath(posixpath.join(folder, target)) == here
        for target in targets
        if target and "://" not in target and not target.startswith("/")
    )


def _names_breadcrumbs(attributes: dict[str, str | None]) -> bool:
    """Whether an element's class, id or aria-label holds the word "breadcrumb(s)" whole (a
    Confluence export's trail is `<ol id="breadcrumbs">`)."""
    named = (attributes.get(name) or "" for name in ("class", "id", "aria-label"))
    words = " ".join(named).lower().split()
    return not _BREADCRUMB_WORDS.isdisjoint(words)
