"""Lines of light markup that are no text: heading adornments, code fences, RST explicit markup.

Plain text, Markdown and reStructuredText are read as they are (offsets point into the file),
so their markup lines are in the text. These predicates name them, for blocks.py (a title
line over an underline, or between an overline and an underline, is a heading), tallies.py
(a markup line is no sentence to index or quote), quoting.py (a quote never runs across
one), titles.py (a title is never one) and language.py (no sentence runs on across one, and
a title's underline opens no fence); blocks.py, titles.py and tallies.py pass over YAML front
matter (`front_matter_chars`, `front_matter_lines`). Pure functions on a line (or on a text's
opening lines, for front matter), no I/O.

- An adornment: one punctuation character repeated, 3 times or more ("~~~~~~", "=====",
  "-----", "^^^^", "....."): a rule, an RST section underline or overline, a Markdown setext
  underline or thematic break; no text. Only SECTION_CHARS and QUOTE_CHARS underline or
  overline a title (`underlines`, `overlines`): RST allows any punctuation, but "```" opens
  a code fence, ">>>" is a prompt, "///" and ":::" a comment or a fenced div; ".", "'" and
  '"' (RST-recommended, found in package READMEs) count only as long as the title and from
  QUOTE_ADORNMENT_MIN characters ("Wait" over "...", three docstring quotes are no
  adornments). "=" and "-" (Markdown setext, any length) underline from UNDERLINE_SHARE of
  the title's length, the others (RST only) from its whole length, as an overline must.
  "~~~" opens a fence too, but "~" is RST's commonest underline after "=" and "-": blocks.py
  takes a tilde line for a fence, no underline, when a later line of its paragraph closes it
  ("Run" over "~~~", "make", "~~~"). A title line ends with no period and has no column gap
  (`is_title_line`).
- A code fence: three backticks or tildes or more, maybe an info word ("```shell").
- An admonition's opening or closing line (MkDocs' `!!! note "Build cache"`, `??? tip`,
  Docusaurus' and Pandoc's `:::warning`, `:::tip[Title]`, `:::`): the box shows what it holds,
  the line a type and a label.
- An RST directive with at most one argument that ends with no period (".. code-block::
  python", ".. note::", ".. |Versions| image:: https://…", ".. _install: https://…"): what
  follows is its content, the line itself says nothing. A directive followed by prose on its
  line (".. note:: Back up first.", ".. warning:: Irreversible.") keeps that prose as text.
- An RST comment (".. This data file has been placed in the public domain.", and the lines
  indented under it): text the rendered document never shows. `is_rst_comment` (any explicit
  markup but a bare directive, footnotes included) is what titles skip; `rst_comment_spans`
  (comments only: no footnote, citation, target, substitution or directive, with or without
  prose on its line) is where tallies.py finds no sentence of a .rst document to index or
  quote. The chunks still hold a comment's words (a search may find them), only the sentences
  a user reads leave it out.
- A line of images, links and HTML tags alone ("![Rich CLI](https://…/splash.jpg)",
  "[![PyPI](…badge.svg)](…) [![CI](…)](…)", "* [Docs](…) | [Source](…)", '<p align="center">
  <img src="logo.png"></p>', RST substitutions "|Versions| |Downloads|"), blanks and
  separators between them, maybe after a list item's mark: a README's banner, badges or
  navigation, which answers nothing (`is_link_line`). No sentence is indexed for it and no
  quote runs across it, as for the markup lines; titles do not skip it (titles.py reads only
  `is_markup_line`). One text link alone ("[MIT](LICENSE)" under "## License",
  "[contributing guide](CONTRIBUTING.md)" in wrapped prose) is text, unless it points to an
  anchor of the page ("- [Usage](#usage)": a table of contents) or a "|" stands beside it
  ("[Get started](…) |": navigation over several lines); language.py reads such a link's text
  as the start of its line (`opens_with_text_link`).
- A notes app's markup (Obsidian-style vaults): a wikilink or an embed ("[[Note|alias]]",
  "![[pic.png]]") is a link of `is_link_line` (a lone wikilink, a note's name, is text as a
  lone text link is; an embed alone is none); a line of tags alone ("#lumen #copil",
  `is_tag_line`) is no text; a Markdown sentence opens past its blockquote marks, a callout's
  type or a footnote definition's label ("> [!note] ", "[^1]: ": `note_markup_opening`,
  read by tallies.py for .md documents only: a plain text's "> " is a mail's quotation mark).
  The YAML front matter (`front_matter_chars`) holds no sentence (tallies.py) either.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from itertools import islice

from citeqa.latex import is_latex_markup_line, latex_comment_spans

ADORNMENT_MIN = 3
"""An adornment has at least this many characters."""
UNDERLINE_SHARE = 0.5
"""A setext underline ("=" or "-") is at least this share of its title line's length."""
SETEXT_CHARS = frozenset("=-")
"""The characters of Markdown's setext underlines, which may be shorter than their title."""
SECTION_CHARS = SETEXT_CHARS | frozenset("~^*+#")
"""The characters that underline or overline a section title: RST's usual ones that mark no
code, prompt, quotation or ellipsis (see the module docstring)."""
QUOTE_CHARS = frozenset(".'\"")
"""RST's recommended adornments that also write an ellipsis or a docstring's quotes ("...",
three quotes): they underline a title as long as it, from QUOTE_ADORNMENT_MIN characters."""
QUOTE_ADORNMENT_MIN = 4

_ADORNMENT_CHARS = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
"""The characters RST allows in section adornments (every printable non-alphanumeric ASCII)."""
FENCE_MARK = r"[ \t]{0,3}(?P<fence>`{3,}|~{3,})"
"""A code fence's mark opening a line, at most three spaces in ("```", "~~~~"): `is_fence`
with an info word after it, titles.py with a MyST directive's too (fences.py finds a text's
fenced spans; quote_context.py reads backtick fences only, as blocks.py does)."""
_FENCE = re.compile(FENCE_MARK + r"[ \t]*[\w+#.-]*[ \t]*")
_ARGUMENT = r"(?:[ \t]+\S*[^\s.])?[ \t]*"
"""A directive's one argument (a name, a path, a URL): a word ending with no period."""
_DIRECTIVE = re.compile(
    r"[ \t]*\.\.[ \t]+(?:\|[^|]+\|[ \t]+)?[\w-]+::"
    + _ARGUMENT  # .. name:: [arg]
    + r"|[ \t]*\.\.[ \t]+_[^:]+:"
    + _ARGUMENT  # .. _target: url
)
_ADMONITION = re.compile(
    r"[ \t]*(?:!!!|\?\?\?\+?)[ \t]+[\w-]+(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'))?[ \t]*"
    r"|[ \t]*:{3,}[ \t]*(?:[a-z][\w-]*|\{[^}\n]*\})?"
    r"(?:\[[^\]\n]*\]|[ \t]+[^\s:][^\n]*[^\s.!?])?[ \t]*"
)
"""An admonition's or a fenced div's opening (or closing) line: MkDocs' `!!! note "Title"`,
`??? tip`, `???+ warning`; Docusaurus' and Pandoc's `:::warning`, `:::tip[Title]`, `::: {.note}`,
`:::`. The box it opens or closes shows its content, the line itself only a type (lower case)
and a label (ending in no full stop): "::: The staging server restarts at 2am." is text."""
_COLUMN_GAP = re.compile(r"\S(?: {2,}|\t)\s*\S")
_ENUMERATOR = re.compile(r"(?:\d+(?:\.\d+)+\.?|\d+[.)]|[IVXLCivxlc]+\.|[A-Za-z][.)])\s+")
"""A title's leading number ("1.", "2.1", "IV.", "B)"), which two spaces may follow."""
_FRONT_MATTER_OPEN = "---"
_FRONT_MATTER_CLOSE = ("---", "...")
FRONT_MATTER_LINES_MAX = 200
"""YAML front matter closes within this many lines, or the opening "---" is a rule."""
_YAML_KEY = re.compile(r"[\"']?[^\s:#\"'-][^:\n]{0,60}?[\"']?[ \t]*:(?:[ \t].*)?")
"""A top-level key of YAML front matter: "title: Lumen", "tags:", "date created: 2026-03-17"."""
_YAML_OTHER = re.compile(
    r"[ \t]*"  # blank
    r"|[ \t]*#.*"  # a comment
    r"|-(?:[ \t].*)?"  # a list item under a key: "- travel", "-"
    r"|[ \t]+\S.*"  # indented: a nested key, an item or a folded value's next line
)
"""Any other line that may stand inside YAML front matter (Obsidian, Jekyll, Hugo, Pandoc). A
shape check, no parse: PyYAML is no dependency, and a line's shape is all that tells a note's
properties from a "---" rule over a paragraph."""
_LINKS = re.compile(
    r"!?\[\[[^\[\]\n]+\]\]"  # a wikilink or an embed: [[Note]], [[Note|alias]], ![[pic.png]]
    r"|!?\[(?:[^\[\]]|!?\[[^\[\]]*\]\([^()\s]*\))*\]\([^()\s]*(?:\s+\"[^\"]*\")?\)"  # ![alt](src)
    r"|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"  # an HTML tag: <img src=…>, </p>, no <https://…>
    r"|\|[^|\s][^|]*\|_{0,2}"  # an RST substitution: |PyPI|, |Build|_
)
"""A Markdown image or link (a link may hold an image: a badge), a notes app's wikilink or embed
("[[Note|alias]]", "![[pic.png]]"), an HTML tag or an RST substitution reference. An autolink
("<https://doi.org/10.1038/…>") is no tag: a reference's address alone on its line may be what
a question asks for."""
_LINK_SEPARATORS = frozenset(" \t|·•,;-–—/")
"""What may stand between the links of a navigation line."""
BULLET_MARKS = "-•*–▪◦·‣"
"""The marks of a list item that language.is_bullet reads in any text; `LIST_MARKER` reads
Markdown's "+" too."""


def list_marker(marks: str) -> re.Pattern[str]:
    """A list item's mark, one of `marks` or a number ("1." or "1)"), possibly indented, and the
    blanks after it, before the item's first character (`match`)."""
    return re.compile(rf"[ \t]*(?:[{re.escape(marks)}]|\d{{1,3}}[.)])[ \t]+(?=\S)")


LIST_MARKER = list_marker(BULLET_MARKS + "+")
"""A list item's mark and the blanks after it: "-", "*", "+", "•", "1." or "1)" (Markdown's and
plain text's: language.is_bullet's marks and Markdown's "+")."""
ENUMERATION_MARK = re.compile(
    r"[ \t]*(?:\((?:[a-z]|[ivx]{1,4}|\d{1,2})\)|[a-z]\))[ \t]+"
    r"(?![12]\d{3}\b)(?=[^\W_]|[«\"“‘'(\[])",
    re.IGNORECASE,
)
"""An enumeration's item mark, "(c)", "(iv)", "(2)" or "c)", and the blanks after it: a legal
text's sub-clause. Quoting reads it (a list's lead-in, where a quote stops); cutting does not
(`LIST_MARKER` reads no letter, and a sentence's cuts stay as they are). The item opens on a
word, a number or an opening mark, never a year ("(c) 2024 Acme" is a copyright) nor an
operator (code's "    b) + offset", a call's arguments wrapped over two lines)."""


def opens_item(text: str, line: int) -> re.Match[str] | None:
    """The list item's or enumeration item's mark (`LIST_MARKER`, `ENUMERATION_MARK`) opening
    the line that opens at `line`, if any."""
    return LIST_MARKER.match(text, line) or ENUMERATION_MARK.match(text, line)


_EXPLICIT = re.compile(r"[ \t]*\.\.(?:[ \t]|$)")
"""Any RST explicit markup line: a directive, a target, a footnote, a comment."""
_COMMENT_OPENING = (
    r"([ \t]*)\.\.(?:[ \t]*\r?(?=\n|\Z)"
    r"|[ \t]+(?!\[[^\]\s]+\]|_|\|[^|]+\|[ \t]|[\w.+:-]+::(?:[ \t]|\r?\n|\Z))\S)"
)
"""An RST comment's opening line (group 1: its indent): explicit markup ".." alone or followed
by text that opens no other construct (a footnote or citation "[1]", a target "_name:" or
"__:", a substitution "|name|", a directive "name::")."""
_FIRST_COMMENT = re.compile(_COMMENT_OPENING)
"""`_COMMENT_OPENING` on a text's first line (`match`)."""
_LATER_COMMENT = re.compile(r"\n" + _COMMENT_OPENING)
"""`_COMMENT_OPENING` after a line break: a search led by a literal "\n" skips through a text
about ten times faster than a multi-line "^" (0.13 s against 1.25 s over 50 MB of prose)."""


def is_adornment(line: str) -> bool:
    """One punctuation character repeated at least ADORNMENT_MIN times ("~~~~", "-----")."""
    core = line.strip()
    return len(core) >= ADORNMENT_MIN and core[0] in _ADORNMENT_CHARS and len(set(core)) == 1


def underlines(title: str, line: str) -> bool:
    """Whether `line` is a section adornment under the line `title` (`is_title_line`): "=" or
    "-" at least UNDERLINE_SHARE as long, another of SECTION_CHARS as long, one of QUOTE_CHARS
    as long and QUOTE_ADORNMENT_MIN long."""
    title, core = title.strip(), line.strip()
    if not (_section_adornment(line) and is_title_line(title)):
        return False
    if core[0] in QUOTE_CHARS:
        return len(core) >= max(QUOTE_ADORNMENT_MIN, len(title))
    share = UNDERLINE_SHARE if core[0] in SETEXT_CHARS else 1.0
    return len(core) >= math.ceil(share * len(title))


def is_title_line(line: str) -> bool:
    """Whether a line can be a section title: it has a letter or digit, is no adornment, ends
    with no period, semicolon or comma (a sentence; RST and Markdown titles end with none) and
    has no gap of two spaces or a tab between its words (a table's header row, "Drug      Dose",
    "Total   42"). A colon may end it: RST titles do ("Overriding pickle's serialization
    mechanism for importable constructs:", in the session 13 trial corpus) and "Usage:" over a
    fence is caught by the fence; two spaces may follow a leading number ("1.  Scope")."""
    title = line.strip()
    words = title[number.end() :] if (number := _ENUMERATOR.match(title)) else title
    return (
        any(char.isalnum() for char in title)
        and not is_adornment(title)
        and title[-1] not in ".;,"
        and _COLUMN_GAP.search(words) is None
    )


def overlines(line: str, title: str) -> bool:
    """Whether `line` is a section adornment over the title line `title`, at least as long
    (and QUOTE_ADORNMENT_MIN long when of QUOTE_CHARS)."""
    core = line.strip()
    least = QUOTE_ADORNMENT_MIN if core[:1] in QUOTE_CHARS else ADORNMENT_MIN
    return _section_adornment(line) and len(core) >= max(least, len(title.strip()))


def _section_adornment(line: str) -> bool:
    return is_adornment(line) and line.strip()[0] in SECTION_CHARS | QUOTE_CHARS


def front_matter_lines(lines: Iterable[str]) -> list[str]:
    """The lines of the YAML front matter ("---" … "---" or "...") opening `lines`, its
    opening and closing lines included; [] when there is none (read lazily: no more than
    FRONT_MATTER_LINES_MAX lines). Every line between must read as YAML (`_yaml_lines`): a "---"
    over a sentence, then another "---", is a rule over a paragraph (a slide deck's first slide,
    an RST overlined title "---/API/---"), not front matter. The one definition blocks.py,
    titles.py and tallies.py read."""
    read: list[str] = []
    for line in islice(lines, FRONT_MATTER_LINES_MAX):
        read.append(line)
        if len(read) == 1 and line.strip() != _FRONT_MATTER_OPEN:
            return []
        if len(read) > 1 and line.strip() in _FRONT_MATTER_CLOSE:
            return read if _yaml_lines(read[1:-1]) else []
    return []


def _yaml_lines(lines: list[str]) -> bool:
    """Whether `lines` may be YAML front matter's mapping: its first line that is no blank or
    comment a key (`_YAML_KEY`: front matter is a mapping, so a slide's "- point" opening is no
    YAML), every other line a key or a `_YAML_OTHER` line."""
    keyed = False
    for line in lines:
        key = _YAML_KEY.fullmatch(line) is not None
        keyed = keyed or key
        other = _YAML_OTHER.fullmatch(line) is not None
        if not keyed and not (other and line.strip()[:1] in ("", "#")):
            return False
        if keyed and not other and not key:
            return False
    return True


def front_matter_chars(text: str) -> int:
    """The length of the YAML front matter opening `text` (to the end of its closing line), 0
    when there is none; reads no more than its lines."""
    if not text.startswith(_FRONT_MATTER_OPEN):
        return 0
    ends = list(islice(_line_ends(text), FRONT_MATTER_LINES_MAX))
    starts = [0, *(end + 1 for end in ends)]
    lines = (text[a:b].rstrip("\r") for a, b in zip(starts, ends, strict=False))
    count = len(front_matter_lines(lines))
    return ends[count - 1] if count else 0


def _line_ends(text: str) -> Iterator[int]:
    """The offset of each "\n" of `text`, then its length (where its last line ends)."""
    end = text.find("\n")
    while end != -1:
        yield end
        end = text.find("\n", end + 1)
    yield len(text)


def is_fence(line: str) -> bool:
    """A Markdown code fence ("```", "```shell", "~~~")."""
    return _FENCE.fullmatch(line.rstrip("\r\n")) is not None


def is_directive(line: str) -> bool:
    """An RST directive or target line holding nothing but its name and one argument."""
    return _DIRECTIVE.fullmatch(line.rstrip("\r\n")) is not None


def is_rst_comment(line: str) -> bool:
    """RST explicit markup that is no directive or target: a comment (or a footnote)."""
    return _EXPLICIT.match(line) is not None and not is_directive(line)


def rst_comment_spans(text: str) -> list[tuple[int, int]]:
    """Where each RST comment of `text` is, as (start, end) offsets: its opening line
    (`_COMMENT_OPENING`) and the lines after it indented deeper than its "..", blank lines between
    them included, to the end of the last one. A bare ".." over a blank line is an empty
    comment: the indented lines after the blank are a block quote, as docutils reads them.
    Sorted, none overlapping (a ".." line inside a comment is part of it)."""
    first = _FIRST_COMMENT.match(text)
    spans: list[tuple[int, int]] = []
    for found in ([first] if first else []) + list(_LATER_COMMENT.finditer(text)):
        start = found.start(1)
        if spans and start < spans[-1][1]:
            continue
        indent = len(found.group(1).expandtabs())
        end = text.find("\n", start)
        end = len(text) if end == -1 else end
        bare = not text[found.end(1) + 2 : end].strip()
        spans.append((start, _comment_body_end(text, end, indent, bare)))
    return spans


def _comment_body_end(text: str, end: int, indent: int, bare: bool) -> int:
    """Where the lines indented deeper than `indent` after offset `end` (a comment's opening
    line's end) end; none when the comment is `bare` and a blank line follows it."""
    at = end
    while at < len(text):
        following = text.find("\n", at + 1)
        following = len(text) if following == -1 else following
        line = text[at + 1 : following].rstrip("\r")
        if not line.strip():
            if bare and at == end:
                return end
        elif indent_width(line, " ") > indent:
            end = at + 1 + len(line)
        else:
            return end
        at = following
    return end


def indent_width(line: str, blanks: str | None = None) -> int:
    """The width of the blanks opening `line`, a tab reaching the next multiple of 8: any
    Unicode blank for prose (language.py: a line opened by a no-break space is indented as it
    shows), only `blanks` when given: RST's indent is spaces (docutils reads a line opened by a
    no-break space under a comment as ending it, "unexpected unindent"), `rst_comment_spans`."""
    spaced = line.expandtabs()
    return len(spaced) - len(spaced.lstrip(blanks))


def is_markup_line(line: str, latex: bool = False) -> bool:
    """A line that is markup and no text: an adornment, a code fence, a bare directive or an
    admonition's opening or closing line, or, in a LaTeX source (`latex`: a .tex document), a
    line of markup commands alone ("\\usepackage{x}", "\\begin{figure}":
    latex.is_latex_markup_line)."""
    return (
        is_adornment(line)
        or is_fence(line)
        or is_directive(line)
        or is_admonition(line)
        or (latex and is_latex_markup_line(line))
    )


def is_admonition(line: str) -> bool:
    """An admonition's or a fenced div's opening or closing line (`_ADMONITION`): "!!! note",
    ':::warning', '??? tip "More"'."""
    if line.lstrip(" \t")[:1] not in ("!", "?", ":"):
        return False  # the cheap test first: every line of a build is asked
    return _ADMONITION.fullmatch(line.rstrip("\r\n")) is not None


def is_link_line(line: str) -> bool:
    """A line holding images, links, HTML tags or RST substitutions and nothing else but blanks,
    separators and a list item's mark ("![logo](logo.png)", "* [Docs](…) | [PyPI](…)"): no text
    to quote. One text link alone ("[MIT](LICENSE)", "[contributing guide](CONTRIBUTING.md)" in
    wrapped prose) is text: its words may be the answer, or a sentence's middle."""
    core = _unmarked(line.rstrip("\r\n"))  # markup_between's lines keep a CRLF's "\r"
    if core.lstrip(" \t·•-–—")[:1] not in ("!", "[", "<", "|"):
        return False  # the cheap test first: every sentence of a build is asked
    found = _links_alone(core)
    if found is None:
        return False
    links, rest = found
    lone = len(links) == 1 and _is_text_link(links[0])
    return not (lone and all(char in _PROSE_MARKS for char in rest))


def _unmarked(line: str) -> str:
    """`line` past a list item's mark (`LIST_MARKER`), if it opens with one."""
    marker = LIST_MARKER.match(line)
    return line[marker.end() :] if marker else line


def _links_alone(core: str) -> tuple[list[str], str] | None:
    """The links of `core` (`_LINKS` matches) and what stands between them, when it holds
    links and separators alone (`_LINK_SEPARATORS`); None otherwise."""
    links = _LINKS.findall(core)
    rest = _LINKS.sub("", core)
    if not links or any(char not in _LINK_SEPARATORS for char in rest):
        return None
    return links, rest


_PROSE_MARKS = frozenset(" \t,;")
"""What may stand beside one text link that is text ("[dataclass](…)," in a wrapped list): a
"|" or a "·" beside it makes it a navigation line's part ("[Get started](…) |")."""


def is_reference_link_line(line: str) -> bool:
    """Text whose every line holds links alone whose texts write no word of two letters, each
    a reference's mark: a changelog's "[#993](https://…/issues/993)", a footnote's "[1](…)".
    Such text answers nothing (answering.quotable through titleonly.only_title), though
    `is_link_line` reads a lone link as text."""
    lines = [bare for bare in (part.strip() for part in line.splitlines()) if bare]
    return bool(lines) and all(_reference_links(bare) for bare in lines)


def _reference_links(line: str) -> bool:
    """Whether `line` (stripped) holds links alone (`_links_alone`) whose texts write no word
    of two letters (`is_reference_link_line`)."""
    core = _unmarked(line)
    found = _links_alone(core) if core[:1] == "[" else None
    return found is not None and not any(
        _WORDY.search(link[1 : link.rfind("](")]) for link in found[0]
    )


_WORDY = re.compile(r"[^\W\d_]{2,}")
"""A word of two letters or more."""


def _is_text_link(link: str) -> bool:
    """A Markdown link (a `_LINKS` match) whose text holds words and no image and whose target is
    no anchor of the same page: "[MIT](LICENSE)", not a badge "[![CI](ci.svg)](…)", a table of
    contents' "[Getting Started](#getting-started)", an image, an HTML tag or an RST
    substitution; a wikilink ("[[Projet Lumen]]", not an embed "![[pic.png]]") is one."""
    if link.startswith("[["):
        return any(char.isalnum() for char in link)
    if not link.startswith("["):
        return False
    middle = link.rfind("](")
    text = link[1:middle]
    anchor = link[middle + 2 :].startswith("#")
    return not anchor and "![" not in text and any(char.isalnum() for char in text)


def opens_with_text_link(line: str) -> bool:
    """Whether `line` opens (its indent aside) with a Markdown link holding words:
    "[contributing guide](CONTRIBUTING.md)", not "[unused0]" (a vocabulary's token) or a
    reference definition "[github-ci]: https://…"."""
    link = _LINKS.match(line.lstrip())
    return link is not None and _is_text_link(link.group())


_TAG = r"#(?=[\w/-]*[^\W\d_])[\w/-]+"
"""A notes app's tag: "#" then a word that holds a letter ("#lumen", "#projet/lumen"; no "#1")."""
_TAG_LINE = re.compile(rf"[ \t]*{_TAG}(?:[ \t]+{_TAG})*[ \t]*\r?")
_NOTE_OPENING = re.compile(
    r"(?:[ \t]*>(?=\s|$))+[ \t]*(?:\[![\w-]+\][+-]?[ \t]*)?"  # "> ", "> > ", "> [!note] "
    r"|[ \t]*\[\^[^\]\s]+\]:[ \t]*"  # a footnote's definition: "[^1]: "
)


def is_tag_line(line: str) -> bool:
    """A line of a notes app's tags alone ("#lumen #copil"): how the note is filed, no text. A
    Markdown heading has a blank after its "#" marks ("# Notes"), and a word with no letter
    ("#1") is no tag."""
    if line.lstrip(" \t")[:1] != "#":
        return False  # the cheap test first: every sentence of a build is asked
    return _TAG_LINE.fullmatch(line.rstrip("\n")) is not None


def note_markup_opening(sentence: str) -> int:
    """How many characters of Markdown markup open `sentence` that a reader of the rendered note
    never reads as its words: blockquote marks ("> "), a callout's type ("> [!note] ",
    "> [!faq]- "), a footnote definition's label ("[^1]: "); 0 when none. A ">" is a blockquote
    mark only before a blank: ">= 3.9" and a prompt ">>> import os" are words."""
    opening = _NOTE_OPENING.match(sentence)
    return opening.end() if opening else 0


def is_no_text(line: str, latex: bool = False) -> bool:
    """A line that no sentence holds and no quote runs across: a markup line
    (`is_markup_line`; `latex`: of a LaTeX source), a line of links and images alone
    (`is_link_line`) or of tags alone (`is_tag_line`)."""
    return is_markup_line(line, latex) or is_link_line(line) or is_tag_line(line)


def markup_between(text: str, start: int, end: int, latex: bool = False) -> bool:
    """Whether a whole line inside text[start:end] (the gap between two sentences) is a
    markup line or a line of links alone (`is_no_text`), or, in a LaTeX source (`latex`), the
    gap holds a `%` comment (latex.latex_comment_spans)."""
    if latex and latex_comment_spans(text[start:end]):
        return True
    return any(is_no_text(line, latex) for line in text[start:end].split("\n")[1:-1])
