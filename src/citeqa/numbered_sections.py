"""A question naming a numbered part of a document: "What changed in version 3.5.1?", "Que
prévoit l'article 5 des CGV ?", "What does clause 4.3 say?", "3.6.1".

A heading often opens with a number that names its section ("## [3.6.1] - 2026-01-19",
"## Article 5 — Disponibilité", "## 4. Term", "Helix 2.7 (20 November 2025)"), and a
numbered clause opens its line ("4.3 On request, …"). The rankers read the number as one
word among others: "What changed in version 3.5.1?" quoted 3.3.0's "Changed" line, "article
5 des CGV" Article 10 (trial s17, bug 5). The rule, as a table lookup's (answering.looked_up):

- the numbers a question asks (`asked_numbers`): one after a cue word (language data
  `section_cues`: "article", "clause", "version", "§"…, glued or not: "v3.6.1", "art. 5"),
  a dotted number of three parts or more ("3.6.1"), and a dotted number of two after no
  name ("in 3.9", "python 3.9") or after the name a heading writes before its number
  ("Helix 2.9" where headings read "Helix 2.7 (…)", or a word of the document's title or
  path: `_named_like_sections`); a quantity ("2.5 mg", "56.2 %", "12.50 €": a unit after it,
  language data `unit_words`, or a currency sign before it) or a caption's number ("table
  4.2", "Figure 3.1": `caption_labels`) is none;
- a sentence stands under an asked number when it or one of the headings it stands under
  (chunking.section_of, headingpath.headings_above) opens with it (`opening_number`: at most
  one word before the number, "Release 2026.02", "Article 5"; or a part numbered in words,
  "Article premier" opening with 1, "First Schedule" with 1: part_ordinals.py), or with a
  number under it ("4.1" is under 4, "3.9.1" under 3.9);
- the quote is chosen among the candidates that stand under one (`under_asked`), when any
  does;
- the question abstains (`unheld_section`) only for a number asked as a section for certain
  (`Asked.cued`: after a cue word or glued to one, "version 3.9", "§7", or the whole
  question, "3.6.1") or right after the name the document goes by (`_named_like_sections`:
  "Helix 2.9", "Ardoise CLI 5.0" of ardoise-cli/CHANGELOG.md), when the first passage's
  document numbers its headings (two at least open with a number of the asked one's
  shape), none of its headings nor numbered lines, nor
  those of the other documents read, opens with the asked number, and none of the passages
  read writes it as a number of its own: "What changed in version 3.9?" on a changelog of
  3.3.0 … 4.0.0 quoted its preamble at .67. A number asked without a cue ("What is the
  starting dose, 2.5?" on a summary of product characteristics numbered 4.1 … 5.1) only
  reorders the candidates;
- a number named in a relative clause opened right after the first one asked (language data
  `relative_openers`: "Que dit l'article 9 auquel renvoie l'article 4 ?") is none: it says
  where the asked section is referred to.

Numbers are read with their boundaries: a part of a date ("2026-01-19") or of a larger number
("13.6.1") is none. A document's numbering is read from its lines by two regular expressions
(lines opening with digits, and with an ordinal word: part_ordinals.ordinal_lines), once, only
for a question asking a number (`_numbering`), a Markdown document's code fences aside
(fences.py).
No I/O; the cue words are language data.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import islice

from citeqa.chunking import section_of
from citeqa.fences import Fences, code_fences
from citeqa.glossary import fold, language_words
from citeqa.headingpath import headings_above
from citeqa.language import line_start
from citeqa.models import Chunk, Document
from citeqa.number_marks import glued_mark_after, is_number_mark, mark_pattern
from citeqa.part_ordinals import ordinal_lines, ordinal_part
from citeqa.recently_used import QUESTIONS_READ, RecentlyUsed
from citeqa.sentences import SentenceBank
from citeqa.street_addresses import numbers_street

__all__ = [
    "UnheldSection",
    "asked_numbers",
    "asked_sections",
    "holds",
    "opening_number",
    "opens_numbered_title",
    "section_numbers",
    "standing_under",
    "stands_under",
    "unheld_section",
]

_NUMBER = re.compile(r"(?<![\w.,/-])(\d+(?:\.\d+)*)(?![\w/-]|[.,]\d)")
"""A number, dotted or not, not part of a date, a word or a larger number."""
_GLUED = re.compile(r"(?i)(?<![\w.,/-])(?:v(\d+(?:\.\d+)+)|§(\d+(?:\.\d+)*))(?![\w/-]|[.,]\d)")
"""A number glued to a cue of one character: a dotted version ("v3.6.1"; "API v1" names no
section) or a paragraph ("§5")."""
_WORD_BEFORE = re.compile(r"([^\W\d_]+|§)\.?['’]?\s*$")
"""The word just before a number ("article " → "article", "art. " → "art", "l'article ")."""
_RECORD = re.compile(r"(?<![\w.,/-])(\d+-\d+)(?![\w/-]|[.,]\d)")
"""A record's number of two hyphenated groups ("2025-16", "2024-07"): a section number only
after a number mark or a cue word in the singular ("n° 2025-16", "délibération 2025-16",
"Resolution 2024-07": `_record_number`), a range's otherwise ("articles 2-4", "10-15
patients"); a date ("2026-01-19") is none."""


@cache
def _opening() -> re.Pattern[str]:
    """A text's opening number: after marks ("## [", "- ", "**") and at most one word, and a
    number mark after it (number_marks.mark_pattern: "Délibération n° 2025-16 – …",
    "Decision No. 12")."""
    return re.compile(
        r"[\W_]*?(?:([^\W\d_][\w'’-]*|§)\.?[ \t]+"
        + mark_pattern()
        + r"\W*?)?(\d+-\d+|\d+(?:\.\d+)*)(?![\w/-]|[.,]\d)"
    )


SHAPE_SEEN = 2
"""How many of a document's headings must open with a number of the asked one's shape for
the document to be read as numbering its sections that way."""
NAMED_SHOWN = 4
"""How many of the document's section numbers an abstention's reason names."""


@dataclass(frozen=True)
class Asked:
    """A number the question asks, as typed, the word before it ("" for none), and whether it
    is asked as a section for certain (`cued`: after a cue word, glued to one, or the whole
    question): only such a number, or one after the name a document goes by (`before`,
    `_named_like_sections`), lets the question abstain (`unheld_section`)."""

    number: str
    before: str
    cued: bool = False


@dataclass(frozen=True)
class UnheldSection:
    """An asked number no section of the closest document opens with, and the numbers its
    sections do open with (the first NAMED_SHOWN), for the reason."""

    number: str
    numbered: list[str]
    more: bool
    """Whether the document numbers more sections than `numbered` names."""
    title: str
    """The title of the document that numbers its sections so."""


_BARE = re.compile(r"[\W_]*(?:v|§)?[ \t]*\d+(?:\.\d+)*[\W_]*", re.IGNORECASE)
"""A question that is nothing but a number ("3.6.1", "v3.6.1?")."""
_UNIT_AFTER = re.compile(r"[ \t\u00a0\u202f]*([^\W\d_]+|[%€$£¥°‰])")
"""The word or sign just after a number ("2.5 mg" → "mg", "56.2 %" → "%")."""
_SIGN_BEFORE = re.compile(r"([€$£¥])[ \t\u00a0\u202f]*$")
"""A currency sign just before a number ("$2.50")."""
LOOK_BEHIND = 100
"""How far before a number (characters) its word or sign is looked for: reading the whole
question before each number would be quadratic in the count of numbers."""


def asked_numbers(question: str) -> list[Asked]:
    """The section numbers `question` asks, in order, once each (see the module docstring). A
    number measured by a unit after it ("2.5 mg", "56.2 %", "12.50 €": language data
    `unit_words`) or a currency sign before it, or named by a caption label before it ("table
    4.2", "figure 3.1": `caption_labels`), is none. Read once for the last QUESTIONS_READ
    questions (`_read_asked`: the answer, its places, the sections it reads and its
    abstentions each ask them of the same question)."""
    return list(_read_asked(question))


@lru_cache(maxsize=QUESTIONS_READ)
def _read_asked(question: str) -> tuple[Asked, ...]:
    cues = language_words("section_cues")
    bare = _BARE.fullmatch(question.strip()) is not None
    found = [
        (m.span(), Asked(m.group(1) or m.group(2), "", True)) for m in _GLUED.finditer(question)
    ]
    for match in _RECORD.finditer(question):
        if _record_number(question, match, cues):
            found.append((match.span(), Asked(match.group(1), "", True)))
    for match in _NUMBER.finditer(question):
        before = _word_before(question, match)
        number = match.group(1)
        if _measured(question, match.start(), match.end()) or _captioned(before):
            continue
        parts = number.count(".") + 1
        cued = _cued(question, match, before, cues)
        unnamed = not before[:1].isupper() or match.start() - len(before) <= 1
        if cued or bare or parts >= 3 or (parts == 2 and unnamed):
            found.append((match.span(), Asked(number, "", cued or bare)))
        elif parts == 2:
            found.append((match.span(), Asked(number, before)))
    return tuple(dict.fromkeys(_outside_relative_clauses(question, sorted(found))))


def _outside_relative_clauses(
    question: str, found: list[tuple[tuple[int, int], Asked]]
) -> list[Asked]:
    """The asked numbers (`found`, by their spans in `question`, in order) but those named in a
    relative clause that a word of the language data's `relative_openers` opens right after the
    first one: "Que dit l'article 9 auquel renvoie l'article 4 ?" asks article 9; article 4
    only says where it is referred to. Only right after it: "plus strict que l'article 5",
    "longer than that in clause 7" compare two sections asked."""
    if len(found) < 2:
        return [asked for _, asked in found]
    head_end = found[0][0][1]
    following = re.match(r"[\W\d_]*([^\W\d_]+)", fold(question[head_end : found[1][0][0]]))
    if following is None or following.group(1) not in language_words("relative_openers"):
        return [asked for _, asked in found]
    return [found[0][1]]


def _measured(question: str, start: int, end: int) -> bool:
    """Whether the number at `start:end` of `question` is a quantity: a unit word or sign
    follows it (language data `unit_words`) or a currency sign precedes it."""
    after = _UNIT_AFTER.match(question, end)
    if after is not None and fold(after.group(1)) in language_words("unit_words"):
        return True
    return _SIGN_BEFORE.search(_just_before(question, start)) is not None


def asks_step(question: str) -> bool:
    """Whether `question` asks a number after a step cue (language data `step_cues`: "step 3",
    "l'étape 2"): a step of an ordered list, looked up in one document (answering.looked_up)."""
    steps = language_words("step_cues")
    return any(
        _cue_word(_word_before(question, match)) in steps for match in _NUMBER.finditer(question)
    )


def _cued(question: str, match: re.Match[str], word: str, cues: frozenset[str]) -> bool:
    """Whether a number of `question` (`word`: the word before it, `_word_before`) is asked as
    a section for certain by what is written before it: a cue word ("article 5", "délibération
    n° 2025-16"), or a number mark with no word before it ("#4512", "n° 12"; a record's
    number after a mark whatever word stands before it: `_record_number`)."""
    if word:
        return _cue_word(word) in cues
    return _after_mark(question, match)


def _record_number(question: str, match: re.Match[str], cues: frozenset[str]) -> bool:
    """Whether two hyphenated groups of `question` (`_RECORD`) are a record's number: after a
    number mark, whatever word stands before it ("n° 2025-16", "Que dit le n° 2025-16 ?"), or
    after a cue word in the singular ("délibération 2025-16"); after a cue in the plural, one
    that is another cue and an "s" ("articles 2-4", "steps 3-5", "les étapes 2-4"), they are a
    range."""
    if _after_mark(question, match):
        return True
    cue = _cue_word(_word_before(question, match))
    return cue in cues and not (cue.endswith("s") and cue[:-1] in cues)


def _after_mark(question: str, match: re.Match[str]) -> bool:
    """Whether a number of `question` stands right after a number mark ("n° ", "#")."""
    before = _just_before(question, match.start())
    return _unmarked(before) != before


def _word_before(question: str, match: re.Match[str]) -> str:
    """The word just before a number of `question` ("" when none), past a number mark
    (`_unmarked`: "ticket #4512", "Decision No. 12" → "ticket", "Decision")."""
    word = _WORD_BEFORE.search(_unmarked(_just_before(question, match.start())))
    return word.group(1) if word else ""


def _unmarked(before: str) -> str:
    """The text before a number without the number mark ending it (language data
    `number_marks`: "n° ", "No. ", "#"), if one does."""
    last = re.search(r"(\S+)\s*$", before)
    if last is None:
        return before
    token = last.group(1)
    glued = glued_mark_after(token)  # "ticket#"
    if glued:
        return before[: last.start() + len(token) - glued]
    if is_number_mark(token.rstrip(".")):
        return before[: last.start()]
    return before


def _cue_word(before: str) -> str:
    """A word before a number as a cue is looked up: past an elision ("l'étape" → "étape"),
    folded."""
    return fold(re.split(r"['’]", before)[-1])


def _just_before(question: str, start: int) -> str:
    """The last LOOK_BEHIND characters of `question` before `start`."""
    return question[max(0, start - LOOK_BEHIND) : start]


def _captioned(before: str) -> bool:
    """Whether the word before a number is a caption's label ("table 4.2", "Figure 3.1")."""
    return fold(before.rstrip(".")) in language_words("caption_labels")


def holds(opening: str | None, number: str) -> bool:
    """Whether a section opening with `opening` is the one numbered `number` or under it."""
    return opening is not None and (opening == number or opening.startswith(number + "."))


def opening_number(text: str) -> str | None:
    """The number `text` opens with, after marks and at most one word (and a number mark
    after it), or None; a part numbered in words opens with the number its ordinal writes
    ("Article premier – Objet" with "1", "First Schedule" with "1": part_ordinals.ordinal_part);
    a street address's number none ("12 rue des Lilas": `_addressed`)."""
    match = _opening().match(text)
    if match:
        return None if _addressed(text, match) else match.group(2)
    marks = _MARKS.match(text)
    part = ordinal_part(text, marks.end() if marks else 0)
    return None if part is None else str(part[0])


def _addressed(text: str, match: re.Match[str]) -> bool:
    """Whether the opening number `match` found in `text`, no word before it, opens a street
    address ("12 rue des Lilas, 75011 Paris": street_addresses.numbers_street), no section's."""
    return match.group(1) is None and numbers_street(text, match.start(2))


_MARKS = re.compile(r"[\W_]*")
"""What may stand before a text's first word ("## ", "**", "- ")."""


def _opening_word(text: str) -> str:
    """The word before `text`'s opening number, folded ("Helix 2.7 (…)" → "helix"), or ""."""
    match = _opening().match(text)
    return fold(match.group(1)) if match and match.group(1) else ""


def _named_like_sections(asked: Asked, document: Document) -> bool:
    """Whether a number asked after a name is asked as one of the document's sections: no name,
    or a word of the document's title ("Ardoise Cloud 2026.02" in "ARDOISE CLOUD - RELEASE
    NOTES") or of its id, its path ("Ardoise CLI 5.0" of "ardoise-cli/CHANGELOG"), or the word
    a heading or title line writes before its own opening number ("Helix 2.9" where one reads
    "Helix 2.7 (…)")."""
    if not asked.before:
        return True
    name = fold(asked.before)
    named = {fold(word) for word in re.findall(r"[^\W_]+", f"{document.title} {document.doc_id}")}
    return name in named or name in _numbering(document).words


def stands_under(document: Document, chunk: Chunk, offset: int, sentence: str, number: str) -> bool:
    """Whether the sentence `sentence`, at `offset` of its document (in `chunk`),
    opens with `number` (or one under it), or stands under a heading that does (its section,
    chunking.section_of, and the markdown headings above it, headingpath.headings_above), or
    under the numbered line leading its paragraph (`_lead_line`: "Release 2026.02 (…)" over
    its indented items), or its document's title does (all of "# Ticket 4512 — VPN drops" is
    ticket 4512's, its "## History" too: s43 probe quoted the lines above that heading alone,
    the chunk's section being the title there only), or its own line does (an ordered list's
    item, "2. Dans la console …", whose "2." the splitter reads as a sentence of its own:
    "l'étape 2" of a procedure; only the item's first sentence, only after a list marker:
    `_LIST_MARKER`)."""
    text = document.text
    section = section_of(text, chunk, offset, document.latex)
    chain = [*headings_above(text, offset, section), section] if section else []
    before = text[line_start(text, offset) : offset]
    own_line = before + sentence if _LIST_MARKER.fullmatch(before) else ""
    parts = (sentence, own_line, _lead_line(text, offset), *chain, document.title)
    return any(holds(opening_number(part), number) for part in parts)


_LIST_MARKER = re.compile(r"\s*\d+[.)]\s+")
"""What stands before an ordered list item's first sentence on its line ("2. ", "3) ")."""


LEAD_REACH = 4000
"""How far back (characters) a sentence's paragraph is read for its lead line."""


def _lead_line(text: str, offset: int) -> str:
    """The first line of the paragraph holding `offset` (the non-blank lines around it) when it
    is a numbered line (`_numbered_line`) indented less than the line at `offset`; else ""."""
    floor = max(0, offset - LEAD_REACH)
    start = text.rfind("\n", floor, offset) + 1
    line_indent = _indent(text[start:offset])
    lead = ""
    while start > floor:
        above = text.rfind("\n", floor, start - 1) + 1
        line = text[above : start - 1]
        if not line.strip():
            break
        lead, start = line, above
    if lead and _numbered_line(lead) and _indent(lead) < line_indent:
        return lead
    return ""


def _indent(line: str) -> int:
    """The columns of blank before a line's first character (a tab counts one)."""
    return len(line) - len(line.lstrip(" \t"))


@dataclass(frozen=True)
class _Numbering:
    """How a document numbers its parts, read from its lines: the numbers its headings and
    numbered lines open with (`openings`), those its title lines open with (`titles`: a
    markdown heading, or a line of no final punctuation, "Release 2026.02 (…)"), every number
    its title lines write ("Preparing for Helix 3.0": `written`), and the folded words its title
    lines write before their number (`words`: "helix")."""

    openings: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    written: frozenset[str] = frozenset()
    words: frozenset[str] = frozenset()


@cache
def _numbered() -> re.Pattern[str]:
    """A line that may open with a number (after marks and at most one word, and a number mark
    after it): what is read further."""
    return re.compile(
        r"^[ \t#*\-\[]*(?:[^\W\d_][\w'’-]*\.?[ \t]+" + mark_pattern() + r"\W*?)?\d[^\n]*",
        re.MULTILINE,
    )


_MARKDOWN_HEADING = re.compile(r"[ \t]{0,3}#{1,6}[ \t]")
_ATX_LINE = re.compile(r"^[ \t]{0,3}#{1,6}[ \t][^\n]*", re.MULTILINE)


def section_numbers(document: Document, *, clauses: bool = True) -> list[str]:
    """The numbers the document's headings and numbered lines open with (`_numbered_line`;
    with `clauses` False, only its title lines: "Release 2026.02 (…)", not "4.3 On request,
    …"), in order, once each."""
    numbering = _numbering(document)
    return list(numbering.openings if clauses else numbering.titles)


def _numbering(document: Document) -> _Numbering:
    """The document's `_Numbering`, read once while CACHED_DOCUMENTS are kept, by its id and
    its text's hash (which Python keeps with the string: no second pass over a large text),
    never by the text itself, which the cache would keep alive."""
    key = (document.doc_id, hash(document.text))
    return _CACHE.get(key, lambda: _read_numbering(document.text, markdown=document.kind == "md"))


CACHED_DOCUMENTS = 64
"""How many documents' `_Numbering` are kept (a few numbers and words each)."""
_CACHE: RecentlyUsed[tuple[str, int], _Numbering] = RecentlyUsed(CACHED_DOCUMENTS)


NUMBERED_LINES_READ = 20_000
"""At most this many lines that may open with a number are read (the first): a file of a
million numbered lines took 28 s to read for one question."""
LINE_READ = 300
"""At most this many characters of each line are read: a line's number opens it, and a 2 MB
line of numbers took 2.7 s."""


def _read_numbering(text: str, *, markdown: bool) -> _Numbering:
    """`_Numbering` of a text, from the lines that may open with a number (`_numbered()`, found by
    one regular expression over the text, and those that may open with an ordinal word,
    part_ordinals.ordinal_lines; the first NUMBERED_LINES_READ of each, LINE_READ characters
    of each) and its markdown headings (as many, as far), those in code fences aside when it is
    a `markdown` document's (only Markdown has fences: a .txt contract's "~~~~~~~~~~"
    separators hid the articles between alternate ones)."""
    openings: list[str] = []
    titles: list[str] = []
    written: set[str] = set()
    words: set[str] = set()
    fences = code_fences(text) if markdown else Fences()
    found = islice(_outside(_numbered().finditer(text), fences), NUMBERED_LINES_READ)
    worded = islice(_outside(ordinal_lines().finditer(text), fences), NUMBERED_LINES_READ)
    spans = sorted({(m.start(), m.end()) for m in (*found, *worded)})
    lines = [_line_read(text, start, end) for start, end in spans]
    for line in lines:
        number = opening_number(line) if _numbered_line(line) else None
        title = _MARKDOWN_HEADING.match(line) is not None or (
            line.rstrip()[-1:] not in _SENTENCE_ENDS
        )
        if title:
            written.update(_numbers_in(line))
        if number is None:
            continue
        openings.append(number)
        if title:
            titles.append(number)
            words.add(_opening_word(line))
    for match in islice(_outside(_ATX_LINE.finditer(text), fences), NUMBERED_LINES_READ):
        line = _line_read(text, match.start(), match.end())
        written.update(_numbers_in(line))
    return _Numbering(
        tuple(dict.fromkeys(openings)),
        tuple(dict.fromkeys(titles)),
        frozenset(written),
        frozenset(words - {""}),
    )


def _outside(lines: Iterator[re.Match[str]], fences: Fences) -> Iterator[re.Match[str]]:
    """The `lines` that start outside the text's code `fences` (a "# comment" or "1.2 = x" in a
    fenced block is code: fences.py)."""
    return (line for line in lines if not fences.holds(line.start()))


def _line_read(text: str, start: int, end: int) -> str:
    """The line at `start:end` of `text` as read: whole when at most LINE_READ characters, else
    its first LINE_READ and, after "…", its last non-blank one (what says whether it ends as a
    sentence or as a title)."""
    if end - start <= LINE_READ:
        return text[start:end].rstrip("\r")
    last = text[max(start, end - LINE_READ) : end].rstrip()[-1:]
    return f"{text[start : start + LINE_READ]}…{last}"


def _numbered_line(line: str) -> bool:
    """A line that opens with its number ("4.3 On request, …"), or with a word and a number
    and ends in no sentence's punctuation, a title ("Release 2026.02 (released …)")."""
    if opening_number(line) is None:
        return False
    opens = _NUMBER.match(line.lstrip(" \t#*-[")) is not None
    return opens or line.rstrip()[-1:] not in _SENTENCE_ENDS


def opens_numbered_title(text: str, offset: int) -> bool:
    """Whether `offset` opens a line that titles a numbered part of `text` without being a
    heading: it opens with a number (after at most one word), ends in no sentence's
    punctuation and the next line is indented deeper ("Release 2026.02 (released …)" over
    "  * Fixed: …"). A quote's extent never runs across one (quoting._extended_start)."""
    if offset and text[offset - 1] not in "\r\n":
        return False
    end = text.find("\n", offset)
    end = len(text) if end < 0 else end
    line = text[offset:end].rstrip("\r")
    after = text.find("\n", end + 1)
    below = text[end + 1 : len(text) if after < 0 else after]
    if not line.strip() or line.rstrip()[-1:] in _SENTENCE_ENDS or opening_number(line) is None:
        return False
    return bool(below.strip()) and _indent(below) > _indent(line)


_SENTENCE_ENDS = ".;:!?,"
"""What ends a line of prose, not a title's line."""


def asked_sections(question: str, document: Document, *, cued_only: bool = False) -> list[str]:
    """The numbers `question` asks as sections of `document`: `asked_numbers`, those after a
    name only when the document goes by that name (`_named_like_sections`); with `cued_only`,
    only those asked as a section for certain (`Asked.cued`) or after that name."""
    return sections_asked(asked_numbers(question), document, cued_only=cued_only)


def sections_asked(asked: list[Asked], document: Document, *, cued_only: bool = False) -> list[str]:
    """`asked_sections` of a question whose `asked_numbers` are `asked` (read once for all the
    documents it is asked of)."""
    named = [a for a in asked if _named_like_sections(a, document)]
    return list(dict.fromkeys(a.number for a in named if a.cued or a.before or not cued_only))


def unheld_section(
    question: str, closest: list[Document], documents: list[Document], passages: list[str]
) -> UnheldSection | None:
    """The first number `question` asks as a section for certain (`Asked.cued`: after a cue
    word, "version 2.9", or the whole question; or after the name the document goes by,
    "Helix 2.9": `asked_sections`) of one of the `closest` documents (those of the
    passages the answer reads, `asked_sections`) that this document numbers its sections in
    the shape of (SHAPE_SEEN of its headings and title lines at least open with a number of as
    many parts or more) while none of `documents` (all those read or shown) holds a section
    opening with it (nor with one under it, `section_numbers`) and none of the `passages` read
    writes it; None when there is none such. A number asked without a cue ("a dose of 2.5",
    "Python 3.9") only reorders the candidates (`standing_under`), never abstains. Nothing is
    read for a question asking no such number."""
    asked = asked_numbers(question)
    if not any(number.cued or number.before for number in asked):
        return None
    for document in closest:
        numbers = sections_asked(asked, document, cued_only=True)
        unheld = _unnumbered(numbers, document) if numbers else None
        if unheld is None:
            continue
        if any(_holds_section(other, numbers) for other in documents):
            return None
        if any(_writes(passage, unheld.number) for passage in passages):
            return None
        return unheld
    return None


def _shape(number: str) -> tuple[str, int]:
    """How a number is written: its separator ("." for a plain or dotted one, "-" for
    hyphenated groups: "2025-16") and its count of parts."""
    separator = "-" if "-" in number else "."
    return separator, number.count(separator) + 1


def _writes(text: str, number: str) -> bool:
    """Whether `text` writes `number` as a number of its own (not part of a date or of a larger
    number: "3.9" in "Python 3.9.", not in "13.9" nor "3.9.1")."""
    return number in _numbers_in(text)


def _numbers_in(text: str) -> set[str]:
    """The numbers `text` writes as numbers of their own, dotted ("3.9") or of hyphenated
    groups ("2025-16": `_RECORD`); a street address's number ("12 rue des Lilas") is none."""
    found = {m.group(1) for m in _NUMBER.finditer(text) if not numbers_street(text, m.start())}
    return found | {match.group(1) for match in _RECORD.finditer(text)}


def _holds_section(document: Document, numbers: list[str]) -> bool:
    """Whether a heading or numbered line of the document opens with one of `numbers` (or one
    under it), or a title line writes one anywhere ("Preparing for Helix 3.0" holds 3.0)."""
    numbering = _numbering(document)
    held = (*numbering.openings, *numbering.written)
    return any(holds(opening, number) for opening in held for number in numbers)


def _unnumbered(numbers: list[str], document: Document) -> UnheldSection | None:
    """The first of `numbers` whose shape the document numbers its sections in (SHAPE_SEEN of
    its headings and title lines open with a number of as many parts or more), or None."""
    openings = section_numbers(document, clauses=False)
    for number in numbers:
        kind, parts = _shape(number)
        shaped = [n for n in openings if (shape := _shape(n))[0] == kind and shape[1] >= parts]
        if len(shaped) >= SHAPE_SEEN:
            more = len(shaped) > NAMED_SHOWN
            return UnheldSection(number, shaped[:NAMED_SHOWN], more, document.title)
    return None


def standing_under(question: str, bank: SentenceBank, indices: Sequence[int]) -> list[bool]:
    """For each of the bank's sentences `indices`, whether it stands under a number `question`
    asks as a section of its document (`asked_sections`, `stands_under`). A line titling the
    numbered part (`opens_numbered_title`: "Release 2026.02 (released …)") stands under it only
    when no other sentence does: it names the part, its items say what the part holds."""
    numbers = asked_numbers(question)
    asked: dict[str, list[str]] = {}
    under: list[bool] = []
    titles: list[bool] = []
    for index in indices:
        sentence = bank.sentences[index]
        document = bank.documents[sentence.doc_id]
        if sentence.doc_id not in asked:
            asked[sentence.doc_id] = sections_asked(numbers, document)
        chunk = bank.chunks[sentence.chunk_index]
        said = bank.text(index)
        under.append(
            any(
                stands_under(document, chunk, sentence.start, said, number)
                for number in asked[sentence.doc_id]
            )
        )
        titles.append(opens_numbered_title(document.text, sentence.start))
    if any(standing and not title for standing, title in zip(under, titles, strict=True)):
        return [standing and not title for standing, title in zip(under, titles, strict=True)]
    return under
