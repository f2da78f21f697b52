"""A document's title from its own text, when no manifest or format (HTML <title>) gives one.

`derived_title` passes over what opens a file without naming it, then titles it by its first
line: YAML front matter ("---" … "---", its `title:` when it has one), a block of RFC 822-style
header lines ("Metadata-Version: 2.4", "Name: tqdm", …: its name header when it has one, the
language data's title_header_keys) whose values read as headers (short, ending no sentence: a
structured abstract's "Background: …" lines are its text), RST comments and bare directives
(".. This data file has been placed in the public domain.", ".. note::") with their indented
lines, and adornment lines (an RST overline, a rule: markup.py); an RST `:title:` field is
read for its value. A first line that is a running header ("XZ(1) XZ Utils XZ(1)": it opens and
ends with one word) gives way to the line of text after it, past a heading in capitals ("NAME");
a slide's label alone ("Slide 1": `slide_label`) to the line after it, the first slide's title;
and a PDF's running header is dropped by its reader (pdfmargins.py), not here.
A file with nothing left is titled by its name, humanised
("release_notes-2024.md" → "release notes 2024"). Lines are read lazily, up to the title.
Pure functions, no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from pathlib import PurePath

from citeqa.export_names import without_page_id
from citeqa.glossary import fold, language_words
from citeqa.language import SENTENCE_ENDS, split_sentences
from citeqa.latex import (
    is_latex_command_line,
    latex_heading,
    latex_styled_words,
    opens_with_command,
    whole_argument,
)
from citeqa.markup import (
    FENCE_MARK,
    front_matter_lines,
    is_directive,
    is_markup_line,
    is_rst_comment,
)
from citeqa.readers.base import TITLE_MAX
from citeqa.visible import clean

__all__ = [
    "derived_title",
    "page_name",
    "plain_title",
    "running_header",
    "slide_label",
    "stem_words",
    "visible_title",
]

HEADER_LINES_MIN = 2
"""A run of `Key: value` lines is a header block from this many lines ("Note: …" alone is
prose); a key has two characters or more ("Q: …" over "A: …" is a dialogue)."""
HEADER_VALUE_MAX = 80
"""A header's value is at most this long ("Name: tqdm", "Version: 4.70.1"); a longer one is
prose ("Background: Soil carbon declines under tillage…")."""
HEADER_SHARE_NAMED = 0.5
"""A block holding a name header (language data `title_header_keys`) is a header block when at
least this share of its lines are header-like (a package's "Summary: A fast progress bar."
ends a sentence); one without needs them all."""

_HEADER = re.compile(r"(?P<key>[A-Za-z][A-Za-z0-9-]+):[ \t]+(?P<value>\S.*)")
_YAML_TITLE = re.compile(r"title:[ \t]*(?P<value>\S.*)", re.IGNORECASE)
_RST_TITLE_FIELD = re.compile(r":title:[ \t]*(?P<value>\S.*)", re.IGNORECASE)
_WORD_WITH_LETTERS = re.compile(r"\w*[^\W\d_]\w*")
_NAME_SEPARATORS = re.compile(r"[_-]")
"""What stands for a space in a file's name as a title reads it: "_" and "-" (`stem_words`)."""
_PAGE_NAME = re.compile(r"[^\W\d_][\w.+:-]*\(\w{1,4}\)")
"""A page's name with its section in brackets, as a manual page's running header writes it:
"XZ(1)", "GIT-REBASE(1)", "systemd.unit(5)", "Net::HTTP(3pm)"."""
_LINE_BREAK = re.compile(r"\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
"""Where str.splitlines breaks a line."""
RUNNING_HEADER_LOOKAHEAD = 6
"""Lines read past a running header for a document's title (blank lines among them)."""


def derived_title(text: str, file_name: str, latex: bool = False) -> str:
    """The title of a document whose text is `text`: a header's name, else its first line
    that is no preamble (`_first_line_title`), else its file name humanised. Lines are read
    lazily: a title costs the lines up to it, not the whole document. `latex`: the text is a
    LaTeX source with no `\\title{…}` (`_latex_lines`)."""
    named, body = _front_matter(text)
    if named is None and body == 0:
        named, body = _header_block(_lines(text))
    if named:
        return named[:TITLE_MAX].rstrip()
    lines = _body_lines(islice(_lines(text), body, None))
    if latex:
        lines = _latex_lines(lines)
    for line in lines:
        field = _RST_TITLE_FIELD.fullmatch(line.strip())
        title = _first_line_title(field.group("value") if field else line)
        if title and running_header(title):
            return _past_running_header(title, lines)
        if title and not slide_label(title):
            return title
    return _humanised(file_name)


_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]+")
"""C0 and C1 controls and DEL: no title holds one (NUL, ESC from an encoded mail header)."""


def plain_title(title: str) -> str:
    """`title` with each run of control characters made one space, then its runs of spaces
    one space, its ends stripped (an e-mail's "Subject: =?utf-8?q?Badge=00?=" is titled
    "Badge"); unchanged when it holds none. For the lines a reader writes into a document's
    text from its metadata (an e-mail's header lines, an e-book's title and authors), whose
    title is one of them; any other title is stored by `visible_title` alone."""
    if not _CONTROLS.search(title):
        return title
    return " ".join(_CONTROLS.sub(" ", title).split())


_ENDS = "".join(map(chr, [*range(0x21), *range(0x7F, 0xA0)]))
"""What `visible_title` strips from a title's ends: white space, C0 and C1 controls, DEL."""


def visible_title(title: str) -> str:
    """A document's title as stored (corpus.read_document makes every title so): its control
    characters shown as its quotes show them, by the one sanitiser's stand-ins (visible.clean:
    "Refund ␛[31mpolicy", where dropping the ESC glued "[31m" to the next word, s26 hostile
    probe), but those at its ends dropped (an e-mail's "Subject: =?utf-8?q?Badge=00?=" is
    titled "Badge"), its runs of white space one space; unchanged when it holds none."""
    if not _CONTROLS.search(title):
        return title
    return " ".join(clean(title.strip(_ENDS)).split())


def slide_label(line: str) -> bool:
    """Whether `line` is a slide's label and its number alone ("Slide 1", "Diapositive 3":
    the language data's slide_labels), as a deck exported to text or PDF opens each slide
    with: it names no slide, so a deck is titled by the line after it, its first slide's
    title (s19 trial: .txt and .pdf decks were titled "Slide 1", citing slide 3 so)."""
    words = line.split()
    return (
        len(words) == 2 and words[1].isdigit() and fold(words[0]) in language_words("slide_labels")
    )


CAPITALS_HEADING_WORDS = 5
"""A heading in capitals over indented text ("EXIT STATUS") has at most this many words."""

MANUAL_INDENT = 3
"""Text under a heading in capitals is indented by at least this many spaces (or a tab): a
manual page's body is; the second line of a signature in capitals ("ALLAN D. KIRK" over
" DAVID M. HARLAN") is not."""

_HEADING_ENDS = ".!?…:;,"
"""Final punctuation a heading in capitals never has."""


def capitals_heading(line: str, following: str) -> bool:
    """Whether `line` is a heading in capitals over `following`, the line under it: at column
    0, of at most CAPITALS_HEADING_WORDS words with no lowercase letter nor final punctuation,
    `following` indented by MANUAL_INDENT spaces or a tab ("NAME" over "       xz, unxz…": a
    manual page's sections, as it reads rendered to text). Read for titles and for the section
    a citation in a manual page names (citedsection.py): as headings of the text they were
    tried and not shipped (evals/README.md, sessions 14 and 15)."""
    words = line.split()
    return (
        line[:1].isalpha()
        and 1 <= len(words) <= CAPITALS_HEADING_WORDS
        and line.upper() == line
        and sum(char.isalpha() for char in line) >= 2
        and line.rstrip()[-1] not in _HEADING_ENDS
        and following.strip() != ""
        and (following[:1] == "\t" or following[:MANUAL_INDENT].isspace())
    )


def running_header(line: str) -> bool:
    """Whether a line is a running header: three words or more, opening and ending with the
    same name of a page, a name with its section in brackets ("XZ(1) XZ Utils XZ(1)", a manual
    page's header line; "GIT-REBASE(1) Git Manual GIT-REBASE(1)"). A word in capitals or with
    other marks alone is no such name: "NASA a lancé la mission NASA", "COVID-19 Weekly Report
    COVID-19", "C++ coding guide for C++" are a sentence and titles."""
    words = line.split()
    return len(words) >= 3 and words[0] == words[-1] and page_name(words[0])


def page_name(word: str) -> bool:
    """Whether a word is a manual page's name with its section in brackets ("XZ(1)")."""
    return _PAGE_NAME.fullmatch(word) is not None


def _past_running_header(header: str, lines: Iterator[str]) -> str:
    """The title of a document opening with a running header: the first paragraph of text
    after it (its lines joined), past a heading in capitals over its indented text
    (`capitals_heading`: "NAME" over "       xz, unxz, xzcat - Compress or decompress
    .xz files"), which names what the document is about as the header's repeated word does
    not; else that repeated word."""
    following = list(islice(lines, RUNNING_HEADER_LOOKAHEAD))
    paragraph: list[str] = []
    for number, line in enumerate(following):
        below = following[number + 1] if number + 1 < len(following) else ""
        if not line.strip() or (paragraph and _in_capitals(line)):
            if paragraph:
                break  # its end: a blank line, or a heading ("SYNOPSIS", in a PDF's text)
        elif paragraph or not capitals_heading(line, below):
            paragraph.append(line.strip())
    return _first_line_title(_joined(paragraph)) or header.split()[0]


def _in_capitals(line: str) -> bool:
    """Whether a line has letters, none of them lowercase."""
    return line.upper() == line and any(char.isalpha() for char in line)


def _joined(lines: list[str]) -> str:
    """Wrapped lines as one: a word hyphenated at a line's end is whole again ("appli‐" over
    "cations")."""
    text = ""
    for line in lines:
        hyphenated = text.endswith(("-", "\u2010")) and text[-2:-1].isalpha()
        text = text[:-1] + line if hyphenated else f"{text} {line}".strip()
    return text


def _latex_lines(lines: Iterable[str]) -> Iterator[str]:
    """A LaTeX source's `lines` as a title reads them: a line opening with a command is read
    with the lines its argument runs over (latex.whole_argument), and gives a sectioning line's
    words ("\\section{Introduction}" → "Introduction", latex.latex_heading) or a line of styled
    words alone ("{\\Large Rapport de stage}", latex.latex_styled_words), else nothing: its
    preamble, "\\author{A. Martin \\and⏎ B. Durand}" and other raw LaTeX titled drafts so (a
    draft without `\\title` was titled "\\documentclass{article}", s34); `%` comment lines are
    passed over too."""
    following = iter(lines)
    for line in following:
        if opens_with_command(line):
            yield from _command_line_words(whole_argument(line, following))
        elif not is_latex_command_line(line):
            yield line


def _command_line_words(line: str) -> Iterator[str]:
    """The words a line opening with a command gives a title: a heading's, or styled words."""
    words = latex_heading(line)
    if words is None:
        words = latex_styled_words(line)
    if words is not None:
        yield words


def _lines(text: str) -> Iterator[str]:
    """The lines of `text` as str.splitlines gives them, one at a time."""
    start = 0
    for found in _LINE_BREAK.finditer(text):
        yield text[start : found.start()]
        start = found.end()
    if start < len(text):
        yield text[start:]


def _front_matter(text: str) -> tuple[str | None, int]:
    """(its `title:`, the line after it) of YAML front matter opening the text, else (None, 0)."""
    lines = front_matter_lines(_lines(text))  # read once: its title is among them
    if not lines:
        return None, 0
    titles = [_YAML_TITLE.fullmatch(item.strip()) for item in lines[1:-1]]
    return next((m.group("value").strip("'\" ") for m in titles if m), None) or None, len(lines)


def _header_block(lines: Iterable[str]) -> tuple[str | None, int]:
    """(the value of its name header, the line after it) of a block of RFC 822 header lines
    opening the text (continuation lines indented) that reads as headers (`_reads_as_headers`),
    else (None, 0)."""
    values: list[str] = []
    named, end = None, 0
    for line in chain(lines, [""]):
        header = _HEADER.fullmatch(line.rstrip())
        if header:
            values.append(" ".join(header.group("value").split()))
            if named is None and fold(header.group("key")) in language_words("title_header_keys"):
                named = values[-1]
        elif not (values and line[:1] in (" ", "\t") and line.strip()):
            break
        end += 1
    return (named, end) if _reads_as_headers(values, named is not None) else (None, 0)


def _reads_as_headers(values: list[str], named: bool) -> bool:
    """Whether `Key: value` lines with these values are a header block, not a structured
    abstract ("Background: Soil carbon…", "Methods: We sampled…"): HEADER_LINES_MIN lines or more,
    whose values are header-like (short, ending no sentence) — all of them, or at least
    HEADER_SHARE_NAMED when one is a name header."""
    if len(values) < HEADER_LINES_MIN:
        return False
    header_like = sum(len(v) <= HEADER_VALUE_MAX and v[-1] not in SENTENCE_ENDS for v in values)
    return header_like >= (HEADER_SHARE_NAMED * len(values) if named else len(values))


_MYST_TARGET = re.compile(r"[ \t]*\([^\s()]+\)=[ \t]*")
"""A MyST target line, "(how)=": a label for cross-references, no text."""
_FENCE_OPENING = re.compile(FENCE_MARK + r"[ \t]*(?:\{[\w:-]+\}.*|[\w+#.-]*[ \t]*)")
"""A code fence's or a MyST directive's opening line ("```python", "```{include} ../CHANGELOG.md"):
what it holds, up to its closing fence, is code or a directive's options, never a title."""
_TAG_NAME = r"(?:p|div|img|a|strong|b|i|em|br|span|details|summary|picture|source|h[1-6])"
"""The HTML elements a README's markdown holds (a centred logo, a badge row, a collapsed
block): only those are tags; any other angle brackets are text ("Vec<T> and Option<U>")."""
_HTML_TAG = re.compile(
    r"<!--.*?(?:-->|$)"  # a comment, "<!-- teaser-begin -->", one left open included
    rf"|</?{_TAG_NAME}[ \t]*/?>"  # "<p>", "</strong>", "<br/>"
    rf"|<{_TAG_NAME}[ \t]+(?:open[ \t]*|[^<>]*=[^<>]*)(?:>|$)"  # with attributes, "<details open>"
    rf"|^[ \t]*<{_TAG_NAME}(?=[ \t]|$)[^<>]*$",  # opening a line, its attributes on the next
    re.IGNORECASE,
)
"""An HTML tag or comment in a markdown line ("<p align=\"center\">", "<!-- teaser-begin -->"),
one left open at the line's end included; a tag's attributes are written `name=value` (or
`open`), so "if a<b and c>d" holds no tag."""


def _body_lines(lines: Iterable[str]) -> Iterator[str]:
    """The lines left once RST comments and bare directives (with their indented lines),
    fenced blocks (code, a MyST directive with its options), adornment lines, MyST targets and
    lines of HTML tags alone are passed over (s24 trial: two READMEs titled
    `<p align="center">`, attrs docs "(how)=" and "```{include} ../CHANGELOG.md")."""
    in_markup, fence = False, ""
    for line in lines:
        if fence:
            fence = "" if _closes(line, fence) else fence
            continue
        if in_markup and (not line.strip() or line[:1] in (" ", "\t")):
            continue
        opening = _FENCE_OPENING.fullmatch(line.rstrip("\r\n"))
        if opening:
            fence = opening.group("fence")
            continue
        in_markup = is_rst_comment(line) or is_directive(line)
        if not (in_markup or is_markup_line(line) or _no_text(line)):
            yield line


def _closes(line: str, fence: str) -> bool:
    """Whether `line` closes a block opened by `fence` ("```"): as long a run of its mark or
    longer, and nothing else."""
    bare = line.strip()
    return bare.startswith(fence) and not bare.strip(fence[0])


def _no_text(line: str) -> bool:
    """Whether a line is a MyST target or HTML tags and comments with no text between them."""
    if _MYST_TARGET.fullmatch(line.rstrip("\r\n")):
        return True
    return "<" in line and not _HTML_TAG.sub("", line).strip()


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
    if "<" in line:  # "<p align="center"><strong>HTTPX</strong> - A next-generation…</p>"
        line = _HTML_TAG.sub("", line)
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
    return not (len(sentence.split()) == 2 and fold(words[0]) in language_words("title_labels"))


def _humanised(file_name: str) -> str:
    """A file name as words: its stem with "_" and "-" read as spaces ("release notes 2024"),
    without a wiki export's page id ("Projects a1b2….csv" → "Projects": export_names.py)."""
    return stem_words(PurePath(without_page_id(file_name)).stem) or file_name


def stem_words(stem: str, separators: re.Pattern[str] = _NAME_SEPARATORS) -> str:
    """A file name's `stem` as words, cut to TITLE_MAX: each of `separators` read as a space,
    spaces collapsed; "" for a stem of separators alone."""
    return " ".join(separators.sub(" ", stem).split())[:TITLE_MAX]
