"""A PDF's numbered headings drawn in its text's own style: "3. Results", "2.1 Study area".

A paper set in one font gives pypdf its headings as lines among the others: "3. Results" right
under a table's last row ("Site B 11 3") or under the keywords line ("Keywords: soil moisture;
wheat; drought"), neither ending a sentence, so that blocks.py (which reads a numbered line
inside a paragraph as a heading only after a sentence's end) left it in the text, and a
question naming the Results section, or section 2.1, found no section of that name. Such a
line opens a paragraph here: a blank line is set before it (after a sentence's end blocks.py
reads it already, and the text is left as it was), and blocks.py reads it as the heading of
the prose under it, as it reads a plain text's.

A line is such a heading (`numbered_heading_lines`) when:

- it is short (HEADING_WORDS_MAX words after its number) and numbered one or two levels deep
  ("3.", "4", "2.1", "2.1."), its title opening with a capital, holding no sentence's or list's
  punctuation (".", ",", ";", ":", "?", "!": a reference, "1. Smith J, Brown K. …", is none)
  and no number standing alone (a table's row, "3 Site B 11 4", is none), nor opening with a
  street address (a letter's "4 Place Vendôme", "12 Rue Victor Hugo": street_addresses.py);
- its title is a known section's word (the language data's `paper_sections`: "Results",
  "Méthodes"), or in Title Case ("4 Data Collection"), or its number is two levels deep and
  the document has a heading line numbered as its parent ("2.1 Study area" under "2.
  Methods"): a step of a manual's procedure ("1. Open the lid") is none of these;
- the line after it is prose (blocks.leads_prose), or a heading of this kind one level deeper
  ("2. Methods" over "2.1 Study area" over prose): a list's next item is no prose, so "1.
  Apples" over "2. Pears" stays a list;
- the line before it is no item of a numbered list (a list's next item is none of its
  headings; a heading one level up is none: "2. Methods" over "2.1 Study area") and breaks off
  no sentence (`_breaks_off`: it ends in a comma or a dash, or on a function word of the
  language data, "…the samples were split into").

A page number or a running header is no line of the text here (pdfmargins.py drops them), and
a line drawn larger or bolder is set apart already (pdfheadings.py). Pure functions, no I/O
but the packaged language data, read once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from citeqa.blocks import leads_prose
from citeqa.glossary import fold, language_words
from citeqa.language import LINE_ENDS, is_table_row, without_closing_marks
from citeqa.readers.pdfmargins import evened
from citeqa.street_addresses import opens_street_address

__all__ = [
    "NUMBERED_LINE",
    "numbered_heading_lines",
    "opens_numbered_heading",
    "with_numbered_headings_apart",
]

HEADING_WORDS_MAX = 8
"""A numbered heading's title has at most this many words ("2.3 Soil water at depth")."""
_NUMBERED = re.compile(r"(?P<number>\d{1,2}(?:\.\d{1,2})?)\.?[ \t]+(?P<title>[^\W\d_].*)")
"""A line numbered one or two levels deep ("3. Results", "2.1 Study area", "4 Discussion")."""
NUMBERED_LINE = re.compile(r"\s*\d{1,3}(?:\.\d{1,3})*[.)]?[ \t]+\S")
"""A line opening as a numbered list's item or a numbered heading ("1. Apples", "2) …",
"3 Results", "2.1 Study area")."""
_PUNCTUATION = frozenset(".,;:?!")
"""What a heading's title never holds: a sentence's or a list's punctuation."""
_BREAKS = frozenset(",-–—")
"""What ends a line that a sentence runs on from."""
TITLE_CASE_MIN = 4
"""In a title in Title Case, every word of this many letters or more opens with a capital
("Data Collection and Analysis": "and" is shorter)."""


def with_numbered_headings_apart(pages: Sequence[str]) -> list[str]:
    """The pages' texts with a blank line before each numbered heading line
    (`numbered_heading_lines`) that a line ending no sentence stands right above."""
    parents = _heading_numbers(pages)
    return [_set_apart(text, parents) for text in pages]


def _set_apart(text: str, parents: frozenset[str]) -> str:
    """A page's text with a blank line before each of its numbered headings that follows a line
    ending no sentence (`numbered_heading_lines`; after a sentence's end blocks.py reads it as a
    heading already) but its parent heading ("2.1 Study area" stays under "2. Methods": a
    numbered line alone is read as a list's item)."""
    lines = text.split("\n")
    headings = numbered_heading_lines(lines, parents)
    if not headings:
        return text
    out: list[str] = []
    for number, line in enumerate(lines):
        opens = number in headings and number - 1 not in headings  # a parent stays above
        if opens and out and not _ends_sentence(out[-1]):
            out.append("")
        out.append(line)
    return "\n".join(out)


def _ends_sentence(line: str) -> bool:
    """Whether a line is blank or ends a sentence: blocks.py reads a numbered line after it as
    a heading already, and the text is left as it was."""
    core = without_closing_marks(line.rstrip())
    return not core or core[-1] in LINE_ENDS


def _heading_numbers(pages: Sequence[str]) -> frozenset[str]:
    """The numbers the documents' one-level numbered heading-shaped lines open with ("2" for
    "2. Methods"): the parents a two-level heading in sentence case needs."""
    found = set()
    for text in pages:
        for line in text.split("\n"):
            shape = _shape(evened(line))
            if shape is not None and "." not in shape[0]:
                found.add(shape[0])
    return frozenset(found)


def numbered_heading_lines(lines: Sequence[str], parents: frozenset[str]) -> frozenset[int]:
    """Which of a page's `lines` are numbered headings (the module docstring's rule); `parents`:
    the numbers the document's one-level heading-shaped lines open with (`_heading_numbers`)."""
    evened_lines = [evened(line) for line in lines]
    found: set[int] = set()
    for number in range(len(evened_lines) - 2, -1, -1):
        if _heads(evened_lines, number, parents, found):
            found.add(number)
    return frozenset(found)


def _heads(lines: list[str], number: int, parents: frozenset[str], below: set[int]) -> bool:
    """Whether line `number` is a numbered heading over what follows it (`below`: the lines
    after it already found to be such headings)."""
    line = lines[number]
    if not opens_numbered_heading(line, parents):
        return False
    before = lines[number - 1] if number else ""
    listed = NUMBERED_LINE.match(before) is not None and not _deeper(before, line)
    if before and (listed or _breaks_off(before)):
        return False
    following = lines[number + 1]
    return leads_prose(following) or (number + 1 in below and _deeper(line, following))


def opens_numbered_heading(line: str, parents: frozenset[str]) -> bool:
    """Whether a line (spaces evened) reads as a numbered heading by its own words (the
    module docstring's first two points); `parents`: as `numbered_heading_lines`."""
    shape = _shape(line)
    if shape is None or opens_street_address(line):  # "4 Place Vendôme": an address
        return False
    number, title = shape
    words = title.split(" ")
    if fold(words[0]) in language_words("paper_sections"):
        return True
    return _title_case(words) or ("." in number and number.split(".")[0] in parents)


def _shape(line: str) -> tuple[str, str] | None:
    """A numbered line's number and title when it has a heading's shape (short, a title opening
    with a capital, no punctuation, no number standing alone), else None."""
    match = _NUMBERED.fullmatch(line)
    if match is None or is_table_row(line):
        return None
    title = match.group("title")
    words = title.split(" ")
    if not title[0].isupper() or len(words) > HEADING_WORDS_MAX:
        return None
    if _PUNCTUATION.intersection(title) or any(word.isdigit() for word in words):
        return None
    return match.group("number"), title


def _title_case(words: list[str]) -> bool:
    """Whether a title's words of TITLE_CASE_MIN letters or more all open with a capital, and it
    has two such words at least ("Data Collection"; one word, "Apples", could be a list's)."""
    long_words = [word for word in words if len(word) >= TITLE_CASE_MIN]
    return len(long_words) >= 2 and all(word[0].isupper() for word in long_words)


def _deeper(line: str, following: str) -> bool:
    """Whether `following` is numbered one level under `line` ("2.1 …" under "2. Methods")."""
    upper, lower = _NUMBERED.fullmatch(line), _NUMBERED.fullmatch(following)
    if upper is None or lower is None:
        return False
    return lower.group("number").startswith(upper.group("number") + ".")


def _breaks_off(line: str) -> bool:
    """Whether a sentence runs on from `line` into the next: it ends in a comma or a dash, or
    on a function word of the language data ("…were split into", "…à la")."""
    line = line.rstrip()
    if line[-1:] in _BREAKS:
        return True
    last = line.rsplit(" ", 1)[-1]
    return last.islower() and fold(last) in _joining_words()


@cache
def _joining_words() -> frozenset[str]:
    """The folded words a sentence never ends on: the language data's `lead_in_words` (its
    stopwords) and `function_words`."""
    return language_words("lead_in_words") | language_words("function_words")
