"""A PDF's headings: the lines it sets larger or bolder than its text, set apart from the text.

A PDF has no markup: a council's minutes set "Délibération n° 2025-16 – Subventions aux
associations" in a bold 12 pt over their 10 pt text, and pypdf extracts it as one more line
between the vote of the decision above ("Vote : 18 pour, 0 contre, 2 abstentions.") and the
text below, so that the vote was read as the next decision's (s21 trial, failure 1). A line is
a heading here when every character of it is drawn larger than the page's text, or in a bold
font where the page's text is not (pypdf's visitor_text gives each piece's font size and font:
`Page.pieces`, `Page.bold`), and when it reads as a heading: short, opening with a capital or a
digit, ending in no sentence's punctuation and leading into nothing (blocks.is_label_line), no
table of contents' line ("1 Introduction . . . . 1"), written on one page only (a running
header the margins left, pdfmargins.py, stands on several), and standing in no sentence (a bold
"Payments must be made by bank transfer" filling a line between "The client agrees that all"
and "to the account below…" stays in it: `_in_sentence`; pdfnotes.py joins pages by the
same rule). Such a line, but a page's first
(a slide's title, read as such: Extracted.titled_pages), is set apart by a blank line before
and after it, so that the text is read as other plain text with headings
(blocks.py: a short line alone over a paragraph is its heading, chunking.py cuts there); its
words stay as drawn (no Markdown marks: a slide's first line, a page's opening line, a title,
quotes read the same words as before). A numbered one ("3. Results", or "2. Methods" over
"2.1 Study area") gets no blank line after it: alone, blocks.py would read it as a list's item;
opening its paragraph, it heads the prose under it (`_numbered_run`).
Pure functions, no I/O.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from citeqa.blocks import is_label_line
from citeqa.language import LINE_ENDS, is_bullet, without_closing_marks
from citeqa.readers.pdfmargins import Page, body_size, evened, evened_lines
from citeqa.readers.pdfnumbered import NUMBERED_LINE

__all__ = ["emphasised_lines", "is_bold_font", "with_headings_apart"]

BOLD_NAME_PARTS = ("bold", "black", "heavy", "demi", "cmbx")
"""What a bold font's name holds, lower case ("Helvetica-Bold", "TimesNewRomanPS-BoldMT",
"Arial-Black", "SegoeUI-Semibold" holds "bold"; TeX's bold "CMBX10")."""
BOLD_WEIGHT = 600
"""A font whose descriptor gives this weight or more (/FontWeight) is bold."""
_LEADERS = re.compile(r"\.(?:\s?\.){3}")
"""A table of contents' dot leaders ("Introduction . . . . 1")."""


def is_bold_font(font: object) -> bool:
    """Whether a pypdf font dictionary names a bold font (its /BaseFont, `BOLD_NAME_PARTS`) or
    its descriptor weighs it so (`BOLD_WEIGHT`); False for anything else, a damaged font too
    (a page pypdf reads stays readable: the font is read while its text is extracted)."""
    try:
        return _bold(font)
    except Exception:  # pypdf raises many kinds on a damaged object: none is the user's
        return False


def _bold(font: object) -> bool:
    """`is_bold_font`, raising what pypdf raises on a damaged font."""
    if not hasattr(font, "get"):
        return False
    name = str(font.get("/BaseFont") or "").lower()
    if any(part in name for part in BOLD_NAME_PARTS):
        return True
    descriptor = font.get("/FontDescriptor")
    descriptor = descriptor.get_object() if hasattr(descriptor, "get_object") else descriptor
    weight = descriptor.get("/FontWeight") if hasattr(descriptor, "get") else None
    return isinstance(weight, (int, float)) and weight >= BOLD_WEIGHT


def emphasised_lines(page: Page) -> frozenset[str]:
    """The page's lines (spaces evened) of which every character is drawn larger than its
    text, or bold where its text is not."""
    if len(page.bold) != len(page.pieces):
        return frozenset()
    size, bold = _body_style(page)
    found: set[str] = set()
    line: list[str] = []
    plain = False
    for (text, piece_size), piece_bold in zip(page.pieces, page.bold, strict=True):
        emphasised = piece_size > size or (piece_bold and not bold and piece_size >= size)
        for part, newline in _line_parts(text):
            if part.strip():
                line.append(part)
                plain = plain or not emphasised
            if newline:
                found.update(_emphasised(line, plain))
                line, plain = [], False
    found.update(_emphasised(line, plain))
    return frozenset(found)


def _line_parts(text: str) -> list[tuple[str, bool]]:
    """A piece's text cut at its line breaks, each part with whether a break ends it."""
    parts = text.split("\n")
    return [(part, number < len(parts) - 1) for number, part in enumerate(parts)]


def _emphasised(line: list[str], plain: bool) -> set[str]:
    """The line (its parts), spaces evened, when none of it is `plain`; else nothing."""
    words = evened("".join(line))
    return {words} if words and not plain else set()


def _body_style(page: Page) -> tuple[float, bool]:
    """The font size holding most of the page's characters (pdfmargins.body_size) and the
    boldness holding most of them."""
    weights: Counter[bool] = Counter()
    for (text, _), bold in zip(page.pieces, page.bold, strict=True):
        weights[bold] += len(text.strip())
    size = body_size(page.pieces)
    return (0.0, False) if size is None else (size, weights.most_common(1)[0][0])


def with_headings_apart(read: Sequence[Page], pages: Sequence[str]) -> list[str]:
    """The `pages`' texts (those of the pages `read`, their margins dropped) with a blank line
    before and after each line heading its page's text (`_headings`)."""
    written = Counter(line for page in read for line in set(evened_lines(page.text)))
    once = {line for line, count in written.items() if count == 1}
    return [
        _set_apart(text, emphasised_lines(page), once)
        for page, text in zip(read, pages, strict=True)
    ]


def _set_apart(text: str, emphasised: frozenset[str], once: set[str]) -> str:
    """`text` with a blank line before and after each of its headings (`_headings`)."""
    if not emphasised:
        return text
    lines = text.split("\n")
    headings = _headings([evened(line) for line in lines], emphasised, once)
    firsts = {first for first, _ in headings}
    lasts = {last for first, last in headings if not _numbered_run(lines[first : last + 1])}
    out: list[str] = []
    for number, line in enumerate(lines):
        if number in firsts and out[-1].strip():
            out.append("")
        out.append(line)
        if number in lasts and lines[number + 1].strip():
            out.append("")
    return "\n".join(out)


def _numbered_run(run: list[str]) -> bool:
    """Whether a heading run is numbered so that standing alone it would be read as a list's
    item ("3. Results": blocks.py reads a numbered line alone as an ordered list's first item)
    or as no heading (several numbered lines, "2. Methods" over "2.1 Study area"): no blank line
    is set after it, and blocks.py reads it as it reads a numbered heading opening a paragraph,
    over the prose under it."""
    numbered = all(NUMBERED_LINE.match(line) for line in run)
    return numbered and (len(run) > 1 or is_bullet(run[0]))


HEADING_LINES_MAX = 3
"""A heading wraps over at most this many lines ("Délibération n° 2025-23 – Recrutement d'un
agent saisonnier" over "à la piscine municipale"): it stands apart whole, never cut between
its lines."""


def _headings(
    lines: list[str], emphasised: frozenset[str], once: set[str]
) -> list[tuple[int, int]]:
    """The first and last numbers of the runs of `lines` (spaces evened) that head the text
    after them: consecutive lines all emphasised (HEADING_LINES_MAX at most), written on this
    page only (`once`: a running header the margins kept stands on others), the first reading
    as a heading and the last ending none of a sentence (blocks.is_label_line), standing in no
    sentence (`_in_sentence`: a bold phrase that fills a line of a paragraph), neither holding
    the page's first line of text (the page's break sets it apart; a page opening with a
    larger line is a slide, read by its title: Extracted.titled_pages) nor its last, the line
    after it holding text in the page's style: the text it heads (a slide's larger bullets
    over its small footer head nothing)."""
    holding = [number for number, line in enumerate(lines) if line]
    if len(holding) < 3:
        return []
    runs: list[tuple[int, int]] = []
    number, last_line = holding[0], holding[-1]
    while number < last_line:
        end = number
        while end < last_line and lines[end] in emphasised:
            end += 1
        run, following = lines[number:end], lines[end]
        opens_page = number == holding[0]
        if (
            run
            and not opens_page
            and following not in emphasised
            and _heads(run, following, once)
            and not _in_sentence(lines[number - 1], following)
        ):
            runs.append((number, end - 1))
        number = end + 1
    return runs


def _heads(run: list[str], following: str, once: set[str]) -> bool:
    """Whether a run of emphasised lines is a heading over `following`, the line after it."""
    return (
        len(run) <= HEADING_LINES_MAX
        and bool(following)
        and all(line in once and _LEADERS.search(line) is None for line in run)
        and is_label_line(run[0])
        and is_label_line(run[-1][:1].upper() + run[-1][1:])
    )


_OPENING_MARKS = "\"'“‘«([*¿¡ "
"""What may open a line before its first word: quotes, brackets, emphasis marks, blanks."""
_LOWER_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*[,;:.!?…]?")
"""A word of letters (elided or hyphenated: "l'accord", "sous-location"), and the
punctuation after it: read in lower case, a word of a sentence, not an identifier
("asn1Parser") nor code ("application/msword:x-office-document")."""


def _in_sentence(before: str, following: str) -> bool:
    """Whether a run of emphasised lines between `before` and `following` (the lines around it,
    spaces evened, "" for a blank one) stands inside a sentence, so is no heading: the line after
    it carries the sentence on (`carries_on`), or the line before breaks off mid-sentence
    (`breaks_off`)."""
    return carries_on(following) or breaks_off(before)


def carries_on(line: str) -> bool:
    """Whether a line (spaces evened) carries a sentence on: it opens with a lower-case word of a
    sentence ("to the account below within thirty days…", "« sous trente jours »…"; not "pH",
    "iPhone" nor "e.g.")."""
    return _lower_word(line.lstrip(_OPENING_MARKS).split(" ", 1)[0])


def breaks_off(line: str) -> bool:
    """Whether a line (spaces evened) breaks off mid-sentence: after a lower-case word, a comma
    or a dash ("The client agrees that all", "Le locataire s'engage à"; a list item aside:
    "- Bring your ID card" ends its item)."""
    core = without_closing_marks(line)
    if not core or core[-1] in LINE_ENDS or is_bullet(line):
        return False
    return core[-1] in ",-–" or _lower_word(core.rsplit(" ", 1)[-1])


def _lower_word(word: str) -> bool:
    """Whether `word` is a word of a sentence in lower case (`_LOWER_WORD`)."""
    return word.islower() and _LOWER_WORD.fullmatch(word) is not None
