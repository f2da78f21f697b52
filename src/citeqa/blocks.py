"""Read a text as blocks: paragraphs, bullet lists, tables and headings, with their offsets.

Pure functions, no I/O but the packaged language data's word lists, read once (for cutting
`caption_labels`, `lead_in_words`; for citations' labels `paper_headings` too, `label_headings`:
glossary.language_words). Lines are grouped into runs of non-blank lines, each cut where its
lines change kind (a markdown heading, table rows, bullets, text; lines after a bullet continue
its item, a line carrying on a continued command its command's block); a standalone short line
that leads content (ending in a colon, a short label only, judged by its words, not its grammar:
"Supported tests:", not "The default is:"; `_no_lead_in` says where that stops), or a paragraph
wholly in bold, is a heading, and so is a numbered line inside a paragraph standing over prose
after a sentence's end ("3. Results", "Article 5 - Fees", or numbered in words, "DEUXIÈME
RÉSOLUTION – Affectation du résultat": part_ordinals.py) or a line in capitals standing over
lower-case prose ("EFFETS INDÉSIRABLES"), as plain text and PDF text have them,
but for a line opening with a street address (a letter's "12 rue des Lilas, 75011 Paris":
street_addresses.py);
a line inside a backtick code fence is never a heading (a shell "# comment" is code).
chunking.py packs blocks into chunks; `headings` lists a text's headings as a build finds them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from citeqa.editstamps import stamps_an_edit
from citeqa.glossary import fold, language_words
from citeqa.language import (
    LINE_ENDS,
    Span,
    carried_commands,
    is_bullet,
    is_markdown_heading,
    is_table_row,
    line_spans,
    line_start,
    trim_span,
    without_closing_marks,
    wrapped_lines,
)
from citeqa.latex import is_latex_item, latex_heading
from citeqa.markup import front_matter_chars, is_adornment, is_fence, overlines, underlines
from citeqa.part_ordinals import ordinal_part
from citeqa.street_addresses import opens_street_address

__all__ = [
    "Block",
    "BlockKind",
    "heading_title",
    "headings",
    "label_headings",
    "leads_prose",
    "split_blocks",
]

BlockKind = Literal["text", "list", "table", "heading"]

HEADING_MAX = 90
"""A line standing alone is a heading candidate only up to this length."""
BOLD_HEADING_MAX = 120
"""A paragraph wholly in **bold** is a heading up to this length."""
HEADING_FOLLOWER_MIN = 25
"""A short-line heading must be followed by a block at least this long (or a list/table)."""

PROSE_LINE_MIN = 40
"""A line that a heading inside a paragraph stands over is at least this long."""
COLUMN_LINE_MIN = 30
"""A shorter line than PROSE_LINE_MIN is prose a heading stands over when the next line carries
its sentence on, both at least this long (a two-column PDF page's lines are about 40 long)."""

_ENDS = LINE_ENDS + ","
"""Final punctuation a heading never has."""
_NUMBERED_HEADING = re.compile(
    r"(?P<number>\d{1,2}(?:\.\d{1,2})*\.?|[IVXLC]{1,6}\.)\s+\S"  # 3. / 2.1 / IV.
    r"|(?P<label>\w+)\.?\s+(?:\d{1,3}|[IVXLC]{1,6})\s*[-–—:.]\s+\S"  # Article 5 - / TITRE II -
)
"""A numbered heading's opening: a section number, or a word and a number then a dash, colon
or period and a title (the word is any: "Article", "Chapter", "Section", "Titre"...; a caption's
word is none: `_is_caption`). A word and a number alone ("Page 12", a PDF page's running
header) is no heading."""
_BOLD_PARAGRAPH = re.compile(r"(\*\*|__)[^*_].*(\*\*|__)", re.DOTALL)

COLON_LABEL_WORDS = 3
"""A standalone line ending in a colon is a heading only as a label of at most this many words
whose last is no lead-in word (the language data's `lead_in_words`: "Supported tests:",
"Horaires :"); a longer one, or one ending on a lead-in word, leads into what follows it
("The default is:", "The variables available are:")."""
_EMOTICON_END = re.compile(r"[:;]-?[()]$")
"""A line ending in a smiley ("You'll know if you need it :)") is a sentence, no heading."""


@dataclass
class Block:
    """A stretch of lines of one kind, trimmed; a heading's text without its markdown."""

    start: int
    end: int
    kind: BlockKind
    lines: int = 1
    heading: str | None = None


def _paragraphs(text: str, lines: list[Span]) -> Iterator[list[Span]]:
    """Runs of non-blank lines of `text` (`lines`: its line spans)."""
    run: list[Span] = []
    for line in lines:
        if text[slice(*line)].strip():
            run.append(line)
        elif run:
            yield run
            run = []
    if run:
        yield run


def _fenced_lines(text: str, spans: list[Span]) -> frozenset[int]:
    """Where the lines (`spans`: the line spans of `text`) inside a backtick code fence start
    ("```bash" … "```", the fence lines aside): a "# comment" there is code, no heading. A
    fence with no closing line later is none. Tilde fences are left out: "~~~~" is also RST's
    commonest underline (markup.py), and two underlined titles would read as a fence around
    the text between them."""
    fences = [n for n, (a, b) in enumerate(spans) if _is_backtick_fence(text[a:b])]
    inside: set[int] = set()
    for opening, closing in zip(fences[::2], fences[1::2], strict=False):
        inside.update(spans[n][0] for n in range(opening + 1, closing))
    return frozenset(inside)


def fenced_line_starts(text: str) -> frozenset[int]:
    """Where the lines of `text` inside a backtick code fence start (`_fenced_lines`)."""
    return _fenced_lines(text, line_spans(text)) if "```" in text else frozenset()


def _is_backtick_fence(line: str) -> bool:
    return is_fence(line) and line.lstrip()[:1] == "`"


def _line_kind(
    text: str,
    lines: list[Span],
    index: int,
    heading: bool,
    fenced: frozenset[int],
    latex: bool = False,
) -> BlockKind:
    """The kind of the line at `index`; `heading`: it is a heading over prose (`_heading_lines`);
    a line inside a code fence (`fenced`: `_fenced_lines`) is never one; in a LaTeX source
    (`latex`) a sectioning line is a heading and an `\\item` line a list item (latex.py)."""
    line = text[slice(*lines[index])]
    outside = lines[index][0] not in fenced
    sectioning = latex and latex_heading(line) is not None
    if outside and (heading or is_markdown_heading(line) or sectioning):
        return "heading"
    neighbours = [text[slice(*lines[i])] for i in (index - 1, index + 1) if 0 <= i < len(lines)]
    if is_table_row(line) and any(is_table_row(other) for other in neighbours):
        return "table"
    return "list" if is_bullet(line) or (latex and is_latex_item(line)) else "text"


def _paragraph_blocks(
    text: str, lines: list[Span], front_matter: int, fenced: frozenset[int], latex: bool = False
) -> list[Block]:
    """A paragraph cut where its lines change kind (lines after a bullet continue the list, a
    line carrying on a command continued above it (language.carried_commands) the command's
    block: a table-like or bulleted option line too);
    an underlined title opening it (`_adorned_title`) is one heading with its adornments.
    `front_matter`: the length of the YAML front matter opening `text`, where none is;
    `fenced`: where the lines inside code fences start (`_fenced_lines`), where none is either;
    `latex`: the text is a LaTeX source (`_line_kind`)."""
    blocks: list[Block] = []
    headings = _heading_lines(text, lines)
    carried = carried_commands([text[slice(*line)] for line in lines])
    outside = lines[0][0] >= front_matter and lines[0][0] not in fenced
    adorned = _adorned_title(text, lines) if outside else None
    if adorned is not None:
        title, last = adorned
        heading = clean_heading(text[slice(*lines[title])])
        blocks.append(Block(lines[0][0], lines[last][1], "heading", last + 1, heading))
    for index in range(0 if adorned is None else adorned[1] + 1, len(lines)):
        start, end = lines[index]
        kind = _line_kind(text, lines, index, headings[index], fenced, latex)
        previous = blocks[-1] if blocks else None
        joins = previous is not None and _joins(previous, kind, carried[index])
        if previous and (joins or _continues_item(text, previous, kind, lines[index - 1])):
            previous.end, previous.lines = end, previous.lines + 1
        else:
            blocks.append(Block(start, end, kind))
    for block in blocks:
        block.start, block.end = trim_span(text, block.start, block.end)
        if block.kind == "heading" and block.heading is None:
            block.heading = clean_heading(text[block.start : block.end], latex)
    return blocks


def _joins(block: Block, kind: BlockKind, continued: bool) -> bool:
    """Whether a line of `kind` joins the block above it: one of its kind, or one carrying on
    its command after a continuation (`continued`: "| sort | uniq" under "aws ... \\" is no
    table row of its own); no line joins a heading, nor does a heading join a block."""
    return "heading" not in (kind, block.kind) and (block.kind == kind or continued)


def _adorned_title(text: str, lines: list[Span]) -> tuple[int, int] | None:
    """The underlined title opening a paragraph, as (its line, the underline's line): a title
    line over an underline ("Parameters" over "~~~~~~~~~~": RST, and Markdown's setext
    headings), or between an overline and an underline of one character (RST); never over a
    tilde code fence (a later line of the paragraph closes it), nor in YAML front matter (the
    caller's check). A later line over an adornment is left as it is (in Markdown the
    whole paragraph would be the heading; in plain text, it is a rule under a line)."""
    line = [text[slice(*span)] for span in lines]
    found: tuple[int, int] | None = None
    if len(line) >= 3 and overlines(line[0], line[1]) and underlines(line[1], line[2]):
        found = (1, 2) if line[0].strip()[0] == line[2].strip()[0] else None
    elif len(line) >= 2 and underlines(line[0], line[1]) and not is_adornment(line[0]):
        found = 0, 1
    if found is None:
        return None
    first_adornment = 0 if found[0] == 1 else 1
    return None if _fence_closed(line, first_adornment) else found


def _fence_closed(line: list[str], under: int) -> bool:
    """Whether the adornment line[under] opens a code fence a later line closes ("~~~")."""
    opening = line[under].strip()
    if not is_fence(opening):
        return False
    return any(is_fence(later) and later.strip()[:1] == opening[0] for later in line[under + 1 :])


def _heading_lines(text: str, lines: list[Span], labels: bool = False) -> list[bool]:
    """For each line of a paragraph, whether it is a heading over the prose of the next line
    (plain text and PDF have no markup): on the paragraph's first line, after a line ending a
    sentence or after another such heading, when it is numbered ("3. Results", "2.1 Site",
    "IV. Scope", "Article 5 - Fees", "TITRE II - ACCÈS") or written in capitals ("EFFETS
    INDÉSIRABLES" over "Comme tous…": `_capitals_over_prose`), and not a full line of wrapped prose
    (`language.wrapped_lines`). An unnumbered short line ("Methods")
    is not: tried, it moved two bundled documents' chunks and two abstentions (evals/README.md).
    `labels`: the headings a citation's label reads too (`label_headings`), not cut at."""
    wrapped = wrapped_lines([len(text[start:end].rstrip()) for start, end in lines])
    flags: list[bool] = []
    for index in range(len(lines)):
        previous = without_closing_marks(text[slice(*lines[index - 1])]) if index else "."
        after_end = (previous != "" and previous[-1] in LINE_ENDS) or flags[-1]  # not after ","
        named = labels and _named_heading(text, lines, index)
        heads = named or (
            after_end and not wrapped[index] and _heads_prose(text, lines, index, labels)
        )
        flags.append(heads)  # a full wrapped line of prose ("12 of them were…") is no heading
    return flags


def _named_heading(text: str, lines: list[Span], index: int) -> bool:
    """Whether the line at `index` is a paper's unnumbered heading alone on its line ("Abstract",
    "References:", "Résumé": the language data's paper_headings) over a line of text: after
    any line, a paper's affiliations ending no sentence above its "Abstract"."""
    line = text[slice(*lines[index])].strip().rstrip(":").rstrip()
    below = text[slice(*lines[index + 1])].strip() if index + 1 < len(lines) else ""
    capitalised = line[:1].isupper()  # "references" wrapped alone inside a sentence is none
    return capitalised and bool(below) and fold(line) in language_words("paper_headings")


def _heads_prose(text: str, lines: list[Span], index: int, labels: bool = False) -> bool:
    """Whether the line at `index`, short, numbered and without final punctuation, stands over
    prose (or over a numbered heading of a lower level that does)."""
    line = text[slice(*lines[index])].strip()
    if index + 1 >= len(lines) or not _heading_candidate_line(line) or line[-1] in _ENDS:
        return False
    if opens_street_address(line):  # "12 rue des Lilas, 75011 Paris": a letter's address
        return False
    number = _NUMBERED_HEADING.match(line)
    if number is None:
        raw, below = text[slice(*lines[index])], text[slice(*lines[index + 1])]
        named = _ordinal_heading(line) or _capitals_over_prose(raw, below)
        return named and _numbered_leads(text, lines, index, None, labels)
    if _is_caption(number.group("label")):
        return False
    return _numbered_leads(text, lines, index, number.group("number"), labels)


PROSE_CAPITALS_WORDS = 12
"""A line in capitals is a heading over prose inside a paragraph up to this many words."""

PROSE_CAPITALS_LETTERS = 4
"""…and from this many letters ("NOTE", "POSOLOGIE"; not "OK" nor "A")."""


def _capitals_over_prose(line: str, below: str) -> bool:
    """Whether a line is a plain-text heading written in capitals ("EFFETS INDÉSIRABLES",
    "WARRANTY" over "The purifier is guaranteed…": a leaflet or a manual saved as .txt, s48
    trial): every letter upper case, PROSE_CAPITALS_LETTERS letters or more, at most
    PROSE_CAPITALS_WORDS words, over a line writing lower case (a licence's paragraph in
    capitals is no heading over itself) indented no deeper than it (a manual page's "NAME" over
    its indented text stays as it was cut: titles.capitals_heading names it in citations only,
    evals/README.md sessions 14 and 15)."""
    letters = [char for char in line if char.isalpha()]
    return (
        len(letters) >= PROSE_CAPITALS_LETTERS
        and all(char.isupper() for char in letters if char.lower() != char.upper())
        and len(line.split()) <= PROSE_CAPITALS_WORDS
        and any(char.islower() for char in below)
        and _indent(below) <= _indent(line)
    )


def _indent(line: str) -> int:
    """How many blank characters open `line`."""
    return len(line) - len(line.lstrip())


_TITLE_AFTER_ORDINAL = re.compile(r"[ \t]*[-–—:][ \t]+\S")
"""What follows an ordinal-worded heading's two words: a dash or colon, then its title."""


def _ordinal_heading(line: str) -> bool:
    """Whether a line opens with a part numbered in words, then a dash or colon and a title
    ("DEUXIÈME RÉSOLUTION – Affectation du résultat", "Article premier – Objet", "First
    Schedule: Fees": part_ordinals.py), as "Article 2 – Durée" does in digits."""
    part = ordinal_part(line)
    return part is not None and _TITLE_AFTER_ORDINAL.match(line, part[2]) is not None


_CAPTION = re.compile(r"([^\W\d_]+)\.?\s*\d+(?:[.\-]\d+)*\b")
"""A caption's label and number: "Figure 3.1", "Fig. 2", "Tableau 2", "Table 4-1"."""


def is_caption_line(line: str) -> bool:
    """Whether a line opens with a caption's label and number ("Figure 3.1 Boreholes…": the
    language data's caption_labels)."""
    return _caption_match(line) is not None


def _caption_match(line: str) -> re.Match[str] | None:
    """The caption's label and number a line opens with (`is_caption_line`), or None."""
    found = _CAPTION.match(line)
    return found if found is not None and _is_caption(found[1]) else None


_CAPTION_TITLE = re.compile(r"\s*(?P<separator>[.:\-–—]?)\s*(?P<first>\S)")
"""What follows a caption's label and number: a separator at most, then its title's first
character."""


def reads_as_caption(line: str) -> bool:
    """Whether a whole line opening with a caption's label and number (`is_caption_line`) is a
    caption, not a body sentence naming a figure or table: its title opens with a capital
    ("Figure 3.1 Boreholes drilled per quarter", "Table 1. Assembly statistics"), or follows a
    separator in a line ending in no sentence's end ("Figure 2: mean depth by quarter"). "Figure
    3 shows that …" and "Tableau 2 : le branchement d'un foyer coûte 150 euros." are sentences."""
    found = _caption_match(line)
    if found is None:
        return False
    title = _CAPTION_TITLE.match(line, found.end())
    if title is None:
        return True  # a bare label and number
    if title["first"].isupper() or title["first"].isdigit():
        return True
    return bool(title["separator"]) and line.rstrip()[-1] not in _ENDS


def _is_caption(label: str | None) -> bool:
    """Whether a numbered line's word opens a caption ("Figure 3. Mean HbA1c by arm", "Table 2.
    Baseline": the language data's caption_labels), never a heading."""
    return label is not None and fold(label) in language_words("caption_labels")


def _numbered_leads(
    text: str, lines: list[Span], index: int, number: str | None, labels: bool = False
) -> bool:
    """Whether the numbered line at `index` (`number`: its section number, "2.", None for a
    word and a number, "Article 5 -", or an ordinal-worded part) is followed by prose, or by a
    numbered heading of a lower level that is ("2. Methods" over "2.1 Site" over prose); a
    numbered list's next item is no prose, so its items stay a list."""
    following = text[slice(*lines[index + 1])].strip()
    if leads_prose(following) or (labels and _leads_paper_text(text, lines, index + 1)):
        return True
    deeper = _NUMBERED_HEADING.match(following)
    if not (deeper and number):
        return False
    parent, child = number.rstrip("."), (deeper.group("number") or "")
    deeper_leads = index + 2 < len(lines) and _numbered_leads(
        text, lines, index + 1, deeper.group("number"), labels
    )
    return child.startswith(parent + ".") and deeper_leads


def _leads_paper_text(text: str, lines: list[Span], index: int) -> bool:
    """Whether the line at `index` opens what a paper's numbered heading stands over, read for
    citations' labels only: a caption, or a narrow column's wrapped line."""
    line = text[slice(*lines[index])].strip()
    below = text[slice(*lines[index + 1])] if index + 1 < len(lines) else ""
    return _is_caption_line(line) or _leads_column(line, below)


def _is_caption_line(line: str) -> bool:
    """Whether a line is a table's or figure's caption ("Table 1. Assembly statistics"): a
    section of a paper opening on its table ("2 Results" over it) is headed all the same."""
    number = _NUMBERED_HEADING.match(line)
    return number is not None and _is_caption(number.group("label"))


def _leads_column(line: str, next_line: str) -> bool:
    """Whether a line is the opening of a paragraph set in a narrow column (a two-column PDF
    page: "Isolates came from Denmark (24), France" over "(24), Ireland (24) and Spain (24)."):
    at least COLUMN_LINE_MIN long, no sentence ended in it, carried on by the next line."""
    return (
        len(line) >= COLUMN_LINE_MIN
        and line[0].isupper()
        and line[-1] not in _ENDS
        and not (is_bullet(line) or is_table_row(line) or is_markdown_heading(line))
        and len(next_line.strip()) >= COLUMN_LINE_MIN
        and not (is_bullet(next_line.strip()) or is_table_row(next_line.strip()))
    )


def leads_prose(line: str) -> bool:
    """A line a heading can stand over: a sentence's opening, long enough to be prose."""
    line = line.strip()
    return (
        len(line) >= PROSE_LINE_MIN
        and (line[0].isupper() or line[0].isdigit())
        and not (is_bullet(line) or is_table_row(line) or is_markdown_heading(line))
    )


def _heading_candidate_line(line: str) -> bool:
    """A short line starting with a capital or a digit, with letters in it."""
    letters = sum(char.isalpha() for char in line)
    opening = line[:1]
    return len(line) <= HEADING_MAX and (opening.isupper() or opening.isdigit()) and letters >= 2


def _continues_item(text: str, block: Block, kind: BlockKind, previous_line: Span) -> bool:
    """Whether a text line carries on the list item above it (that item has no final period)."""
    last = text[slice(*previous_line)].rstrip().rstrip("*_")
    return block.kind == "list" and kind == "text" and last[-1:] not in (".", "!", "?", "…")


def clean_heading(line: str, latex: bool = False) -> str:
    """Heading text without markdown: no leading '#', no '**', single spaces; in a LaTeX source
    (`latex`), a sectioning line's braces' content (latex.latex_heading)."""
    sectioning = latex_heading(line) if latex else None
    if sectioning is not None:
        return sectioning
    line = line.strip().lstrip("#").strip().strip("*_").strip()
    return " ".join(line.split())


def heading_title(heading: str) -> str:
    """A heading's words after its section number ("1. Controller" → "Controller", "2.1 Site" →
    "Site", "Article 2 — Prix" → "Prix"): what it says beside where it stands. A bare number
    with no period is kept ("3 mois de préavis" says three months)."""
    number = _NUMBERED_HEADING.match(heading)
    if number is None or (number.group("number") or ".").isdigit():
        return heading
    return heading[number.end() - 1 :]


def _heading_candidate(text: str, block: Block) -> bool:
    """A short line alone, with no final period, starting with a capital or a digit, that
    stamps no edit ("Updated March 3, 2026 · 2 min read" under a page's title: editstamps.py)
    nor opens with a street address ("4 Place Vendôme": street_addresses.py)."""
    line = text[block.start : block.end]
    return (
        block.kind == "text"
        and block.lines == 1
        and _heading_candidate_line(line)
        and line[-1] not in ".,;"
        and _no_lead_in(line)
        and not stamps_an_edit(line)
        and not opens_street_address(line)
    )


def is_label_line(line: str) -> bool:
    """Whether a line alone would be cut as a heading for its words: short, opening with a
    capital or a digit, not ending as a sentence or clause does, and no lead-in (`_no_lead_in`:
    "Options:", "Horaires :" are labels; "Le Preneur s'engage à :" leads into its list)."""
    line = line.strip()
    return _heading_candidate_line(line) and line[-1] not in ".,;" and _no_lead_in(line)


def _no_lead_in(line: str) -> bool:
    """Whether a line could be a heading, for how it ends: not in a smiley (`_EMOTICON_END`),
    and, ending in a colon, of at most `COLON_LABEL_WORDS` words, the last no lead-in word (the
    language data's `lead_in_words`, English and French). That rule reads words, not grammar:
    it turns away a longer lead-in ("For each file, one of these states:", "Les tarifs sont les
    suivants :") and a short one ending on a listed word ("The default is:"), but a short
    lead-in ending on another word still heads what follows ("For example:", "To install,
    run:", "Par exemple :", "Il faut :", "Voici la liste :", German "Die Standardeinstellung
    ist:"), and so does a lead-in wholly in bold ("**The default is:**": `_is_bold_heading`)."""
    if _EMOTICON_END.search(line):
        return False
    if not line.endswith(":"):
        return True
    words = line[:-1].split()
    label = 0 < len(words) <= COLON_LABEL_WORDS
    return label and fold(words[-1]) not in language_words("lead_in_words")


def _is_bold_heading(text: str, block: Block) -> bool:
    body = text[block.start : block.end]
    return (
        block.kind == "text"
        and len(body) <= BOLD_HEADING_MAX
        and _BOLD_PARAGRAPH.fullmatch(body) is not None
        and "**" not in body[2:-2]
    )


def _mark_headings(text: str, paragraphs: list[list[Block]], fenced: frozenset[int]) -> None:
    """Turn standalone short lines and bold paragraphs into headings (in place), but for lines
    inside code fences (`fenced`)."""
    for index, blocks in enumerate(paragraphs):
        if len(blocks) != 1 or line_start(text, blocks[0].start) in fenced:
            continue
        block = blocks[0]
        short = _heading_candidate(text, block) and _leads_content(text, paragraphs, index)
        if short or _is_bold_heading(text, block):
            block.kind, block.heading = "heading", clean_heading(text[block.start : block.end])


def _leads_content(text: str, paragraphs: list[list[Block]], index: int) -> bool:
    """Whether the paragraph after `index` is content that a heading could introduce."""
    if index + 1 >= len(paragraphs):
        return False
    following = paragraphs[index + 1][0]
    if following.kind == "heading" and len(paragraphs[index + 1]) > 1:
        return True  # a heading over the first line of a paragraph (a title over an article)
    if index == 0 and len(paragraphs[index + 1]) == 1 and following.kind == "text":
        return not _heading_candidate(text, following) or following.lines > 1  # a title
    if following.kind in ("list", "table") or following.lines > 1:
        return True
    long_enough = following.end - following.start >= HEADING_FOLLOWER_MIN
    return long_enough and not _heading_candidate(text, following)


def split_blocks(text: str, latex: bool = False) -> list[Block]:
    """The document's blocks, in order: paragraphs, lists, tables and headings; `latex`: the
    text is a LaTeX source (a .tex document: its sectioning and `\\item` lines, latex.py)."""
    front_matter = front_matter_chars(text)
    spans = line_spans(text)
    fenced = _fenced_lines(text, spans) if "```" in text else frozenset()
    paragraphs = [
        _paragraph_blocks(text, lines, front_matter, fenced, latex)
        for lines in _paragraphs(text, spans)
    ]
    _mark_headings(text, paragraphs, fenced)
    return [block for blocks in paragraphs for block in blocks]


def label_headings(text: str) -> list[tuple[int, str]]:
    """Where the headings a citation's label names stand in `text`, and their text: those of
    a paragraph of plain or PDF text as a build finds them (`_heading_lines`), and a paper's
    that a build does not cut at: its unnumbered headings alone on their line ("Abstract",
    "References": the language data's paper_headings, after any line), a numbered heading over
    a caption ("2 Results" over "Table 1. Assembly statistics") or over a narrow column's line
    ("2 Methods" over "Isolates came from Denmark (24), France"). Cutting at them too moved
    answers of a trial's paper questions (evals/README.md, session 18)."""
    found = []
    for lines in _paragraphs(text, line_spans(text)):
        for (start, end), heads in zip(
            lines, _heading_lines(text, lines, labels=True), strict=True
        ):
            if heads:
                found.append((start, clean_heading(text[start:end])))
    return found


def headings(text: str, latex: bool = False) -> list[str]:
    """The headings of `text`, in order, as a build finds them (markdown headings, short lines
    alone leading content, bold paragraphs; `latex`: a LaTeX source's sectioning lines),
    without their markup."""
    return [block.heading for block in split_blocks(text, latex) if block.heading]
