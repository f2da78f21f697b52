"""Text at the level of words and sentences: which language, and where sentences end.

Language: `detect_lang` scores a text by its function words (le, la, des, dans... against
the, of, and, with...), French elisions (d', l', qu'), accented letters in lower-case words
(names such as "Université Paris-Est" don't count) and French typography (a space before
"?", ";", "!" or a single ":"). It is used on chunks when indexing and on questions when
asking, so it must work on one short question as well as on a page. Without evidence either
way: English.
Where citeqa names a document's languages (`document_languages`: `citeqa status`), only its
prose words count (`prose_words`: not code, URLs, header lines), and a document whose prose has
few function words of either language (`fits_neither`, a German page) is said to be in another
language (`OTHER`), while its chunks are still read as `detect_lang` says.
`LANGUAGE_NAMES` names them in English and in French.

Sentences: `split_sentences` cuts after . ! ? … unless an abbreviation (the language data's
`sentence_abbreviations`), an initial or a number holds the period or a bracket holds it (one
closing soon after on no sentence end of its own: "(J. Appl. Ecol. 2021)"), and at line breaks
that end a line (a bullet item, a slide line, a table row);
a line without final punctuation runs on into the next when that one opens in lower case (a link's
text counts: "[contributing guide](…)"), or when it is a full line of a hard-wrapped paragraph
(`wrapped_lines`: as long as the lines around it) or when it is indented deeper (a definition
under its term: a numpydoc parameter's description under "* leave : bool, optional"; not a
column-aligned table header's first row nor a contents heading's first entry), but a line that
is no full line of a wrapped paragraph never runs into one indented 2 columns shallower or more
(the next term: "y : int" under "    The first value"; not from a paragraph's first line: the
GPL indents them) unless it ends mid-sentence (a comma, a dash, a joining word), and a command line
continued by a backslash, cmd's caret or PowerShell's backtick (`ends_in_continuation`) runs on
into its next line (after a caret or a backtick, only a line indented deeper or the command's
next option line: `carried_commands`), while a `Key: value` header line runs into another only
when it ends mid-sentence (a joining word, a comma); a markup line (a code fence, a heading's
underline: markup.py) or a line of images or links alone (a README's badges) runs into no other;
behind a column of "|" opening lines (pydoc's margin: `pipe_margins`) lines are read as without it.
The line helpers it needs (`line_spans`, `is_bullet`, `is_table_row`, `is_table_separator`...)
are shared with blocks.py, which builds blocks from the same notion of a line.
"""

from __future__ import annotations

import bisect
import functools
import re
import sys
from collections import Counter
from collections.abc import Iterator
from itertools import pairwise

from citeqa.folding import fold
from citeqa.jsonfiles import language_object
from citeqa.markup import (
    BULLET_MARKS,
    LIST_MARKER,
    indent_width,
    is_fence,
    is_link_line,
    is_no_text,
    list_marker,
    opens_with_text_link,
    underlines,
)
from citeqa.models import Lang
from citeqa.recently_used import QUESTIONS_READ

Span = tuple[int, int]
"""A (start, end) character range; text[start:end]."""


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of `text`, as a set (keeps word lists readable)."""
    return frozenset(text.split())


FRENCH_WORDS = words(
    "le la les des du de est sont dans avec pour une un et au aux sur par qui que ce cette ces "
    "pas ou où il elle ils elles nous vous leur leurs son sa ses en chez après entre "
    "sans mais quel quelle quels quelles comment pourquoi quand été ont être avoir fait très "
    "aussi selon lors peut"
)
"""Frequent French words that are rare in English text."""

ENGLISH_WORDS = words(
    "the of and with in is was for to an that this are were by from on at as be been has have "
    "it its which or not what who how why when there their than after into these those also "
    "does do did should can could would will"
)
"""Frequent English words that are rare in French text."""

FRENCH_LETTERS = frozenset("àâçéèêëîïôùûüÿœæ")
"""Letters that mark French (Spanish and German names use others: á, í, ó, ñ, ö)."""

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_ELISION = re.compile(r"\b(?:[dlcjns]|qu)['’](?=\w)", re.IGNORECASE)
_LEADING_ELISION = re.compile(r"^(?:[dlcjmnst]|qu|jusqu|lorsqu|puisqu)['’](?=\w)", re.IGNORECASE)
_ET_AL = re.compile(r"\bet\s+al\b", re.IGNORECASE)
_FRENCH_SPACING = re.compile(r"\w[ \u00a0\u202f](?:[?;!]|:(?!:))")
"""A space before "?", ";", "!" or a single ":" ("::" is a path: "Audience :: Developers")."""
_DIACRITIC_WEIGHT = 0.5
_SPACING_WEIGHT = 0.5


_BEFORE_OPENING_WORD = frozenset('.!?:;\n«"“(')
"""What ends the text before a word opening a sentence, a line or a quotation (`opens_sentence`)."""


def opens_sentence(text: str, start: int) -> bool:
    """Whether the word at `start` opens `text`, a line or a sentence of it, or follows an opening
    quotation mark or bracket: where any word takes a capital, so that a capital there says
    nothing of a name ("Minutes of the previous meeting were approved", "« Les Misérables »")."""
    before = text[:start].rstrip(" \t")
    return not before or before[-1] in _BEFORE_OPENING_WORD


def without_elision(word: str) -> str:
    """`word` without a French elision before it ("l'AFGSU" is "AFGSU", "qu'Alice" "Alice")."""
    return _LEADING_ELISION.sub("", word, count=1)


def language_scores(text: str) -> tuple[float, float]:
    """(english, french) evidence found in `text`."""
    text = _ET_AL.sub(" ", text)  # "et al." is English citation style, not French
    english = french = 0.0
    for match in _WORD.finditer(text):
        word = match.group().lower()
        if word in ENGLISH_WORDS:
            english += 1
        elif word in FRENCH_WORDS:
            french += 1
        if _has_french_letter(match.group()):
            french += _DIACRITIC_WEIGHT
    french += len(_ELISION.findall(text))
    french += _SPACING_WEIGHT * len(_FRENCH_SPACING.findall(text))
    return english, french


def _has_french_letter(word: str) -> bool:
    """A French accented letter in a common word; capitalised names ("Université") don't count."""
    if word[0].isupper() and word[0].lower() not in FRENCH_LETTERS:
        return False
    return any(letter in FRENCH_LETTERS for letter in word.lower())


OTHER = "other"
"""A document's language, as `citeqa status` names it, when it fits neither (`fits_neither`)."""
LANGUAGE_NAMES = {
    "en": {"en": "English", "fr": "French", OTHER: "other languages"},
    "fr": {"en": "anglais", "fr": "français", OTHER: "autres langues"},
}
"""The languages a question can be asked in (the keys), and in each of them the names of the
languages citeqa tells apart: an abstention's "try asking in French", the welcome's summary."""
NEITHER_SHARE = 0.10
"""Under this share of a document's words being either language's function words, it fits
neither: English and French prose, PubMed abstracts and slides say 17-40 % (the lowest
documents of every eval corpus and the bundled one), a German page 9 %."""
NEITHER_WORDS = 30
"""Fewer words than this (a title, a table of figures) are too few to say it fits neither."""
NEITHER_SAMPLE = 50_000
"""Characters of a document read to decide it."""


PROSE_MIN_WORDS = 4
"""A line is prose (`prose_words`) from this many words: "Version: 2.4", "Classifier: Typing ::
Typed" and code one-liners are shorter."""
PROSE_WORD_SHARE = 0.85
"""...and when at least this share of its blank-separated tokens are words (letters, with
punctuation around them): code, URLs, version specifiers, "::" classifier paths fall under it.
Measured on the s13 trial's package docs (evals/tools/language_labels.py)."""
_PROSE_TOKEN = re.compile(r"[(\[\"'“‘«*_`]*([^\W\d_]+(?:['’-][^\W\d_]+)*)[)\]\"'”’»*_`.,;:!?…]*")
"""A token that is a word: letters (an elision or hyphen inside), punctuation around it."""
_LINE_MARKS = re.compile(r"[ \t]*(?:(?:\||>{1,2}(?=[ \t]))[ \t]*)+")
"""The gutter or quote marks that open a line (pydoc's `|` before a class's every line, an
e-mail's or Markdown's `>` or `>>`, a blank after it): markup, so no token of the line's text
(`prose_words`). A run of three `>` is Python's prompt (">>> for item in the list:" is a
doctest, code) and a `>` with no blank after it ("->", ">=2.0") is no quote mark: both stay."""


def _text_tokens(line: str) -> list[str]:
    """The blank-separated tokens of `line` without its opening marks (a gutter, quote marks,
    a list item's mark): a docstring line under pydoc's `|` or a four-word bullet item is as
    much prose as the same words alone."""
    opening = _LINE_MARKS.match(line)
    line = line[opening.end() :] if opening else line
    item = LIST_MARKER.match(line)
    return (line[item.end() :] if item else line).split()


def prose_words(text: str) -> list[str]:
    """The words of `text`'s prose lines, in order: lines outside fenced code blocks with
    PROSE_MIN_WORDS words at least, PROSE_WORD_SHARE of their tokens words, the tokens read
    after the line's opening marks (`_text_tokens`: pydoc's gutter, quote marks). Words inside a
    URL, a path or an identifier ("docs.io/en/latest", "la_config") are no prose words."""
    found: list[str] = []
    fenced = False
    previous = ""
    for line in text.splitlines():
        title, previous = previous, line
        if is_fence(line) and (fenced or not underlines(title, line)):  # "~~~~" under a title
            fenced = not fenced  # is its underline (markup.underlines), no fence
            continue
        tokens = _text_tokens(line)
        if fenced or len(tokens) < PROSE_MIN_WORDS:
            continue
        matches = [_PROSE_TOKEN.fullmatch(token) for token in tokens]
        line_words = [match.group(1) for match in matches if match]
        if len(line_words) >= max(PROSE_MIN_WORDS, PROSE_WORD_SHARE * len(tokens)):
            found += line_words
    return found


def fits_neither(text: str) -> bool:
    """Whether `text` (a document's) is in neither English nor French: of its NEITHER_WORDS
    prose words at least (`prose_words`), under NEITHER_SHARE are English function words and
    under it French ones. Code, names and URLs are no evidence either way."""
    return _neither([word.lower() for word in prose_words(text[:NEITHER_SAMPLE])])


def _neither(found: list[str]) -> bool:
    """Whether NEITHER_WORDS words at least are under NEITHER_SHARE function words of each."""
    if len(found) < NEITHER_WORDS:
        return False
    english = sum(word in ENGLISH_WORDS for word in found)
    french = sum(word in FRENCH_WORDS for word in found)
    return max(english, french) < NEITHER_SHARE * len(found)


def document_languages(text: str, chunks: list[tuple[int, int, str]]) -> list[str]:
    """A document's languages as citeqa names them, given its chunks as (start, end, language
    `detect_lang` gave them): [OTHER] when its prose fits neither language, else the languages
    its chunks' prose words say (`prose_language`). When no chunk's prose says one: for a
    document of tables alone (`_tables_only`), the language their distinct cells say plainly
    (`_distinct_cells`: each cell read once, as a column repeats its values); else (a word
    list, a header block, code, a form of "Key: value" lines) the languages its chunks' words
    say plainly (`evident_language`: a motor policy schedule's "Period of cover: … to …",
    "Theft or attempted theft"; a note of an ID table and English to-do items is `en,fr`); else
    [OTHER] when all its words fit neither, else the language
    most of its chunks were detected in; but none ([]: status shows "—") when all its words
    fit neither and it is tables alone (a staff list or an inventory of names, codes and
    numbers is in no language, not in another one as a German page is)."""
    if fits_neither(text):
        return [OTHER]
    said = {lang for start, end, _ in chunks if (lang := prose_language(text[start:end]))}
    if said:
        return sorted(said)
    tables = _tables_only(text)
    if tables and (cells := evident_language(_distinct_cells(text[:NEITHER_SAMPLE]))):
        return [cells]
    terse = {lang for start, end, _ in chunks if (lang := evident_language(text[start:end]))}
    if terse:
        return sorted(terse)
    if _neither([match.group().lower() for match in _WORD.finditer(text[:NEITHER_SAMPLE])]):
        return [] if tables else [OTHER]
    detected = Counter(lang for _, _, lang in chunks).most_common(1)
    return [detected[0][0]] if detected else []


def _distinct_cells(text: str) -> str:
    """The distinct cells of `text`'s lines, each once: a pipe table row's cells one a line,
    any other line (a heading's text, a sentence) one line of its own: a column repeats its
    values down its rows ("0 an" in every other row of a French salary scale tied it with the
    French words of its header and posts: s35 trial, status said "—"), while the header and
    the text cells are words as a sentence's are."""
    cells: dict[str, None] = {}
    for line in text.splitlines():
        stripped = line.strip()
        if is_table_separator(stripped):
            continue
        row = is_table_row(stripped)
        parts = stripped.strip("|").split("|") if row else [stripped.lstrip("#")]
        cells.update(dict.fromkeys(cell.strip() for cell in parts if cell.strip()))
    return "\n".join(cells)


def _tables_only(text: str) -> bool:
    """Whether every line of `text` with words is a table row or a heading (a sheet read as
    "## Staff" over its pipe table, a .csv)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return bool(lines) and all(line[:1] == "#" or is_table_row(line) for line in lines)


PROSE_EVIDENCE = 2.0
"""A chunk's prose says its language (`prose_language`) from this much evidence of it
(`language_scores`: a function word counts 1): one "la" in a Catalan affiliation line of an
English abstract does not make it French."""


def prose_language(text: str) -> Lang | None:
    """The language of `text`'s prose words (`language_scores` on them alone: no typography,
    no word of a URL or code), None without PROSE_EVIDENCE of one more than of the other."""
    return evident_language(" ".join(prose_words(text)))


def evident_language(text: str) -> Lang | None:
    """The language all of `text`'s words say (`language_scores`: function words, elisions,
    accented words, French typography), None without PROSE_EVIDENCE of one more than of the
    other: a terse form or schedule with no prose line (s27 trial: an English motor policy
    schedule, status said "other") still writes "to", "or", "of"."""
    english, french = language_scores(text)
    if max(english, french) < PROSE_EVIDENCE or english == french:
        return None
    return "fr" if french > english else "en"


def detect_lang(text: str, default: Lang = "en") -> Lang:
    """Return "fr" or "en" for `text`, or `default` when the evidence is tied (or absent)."""
    return _lang_of(language_scores(text), default)


@functools.lru_cache(maxsize=QUESTIONS_READ)
def question_scores(question: str) -> tuple[float, float]:
    """`language_scores` of a question, read once for the last QUESTIONS_READ questions: the
    search, the reading across languages and the keyword check each ask it (a cache of
    questions, not of every text: a build detects each chunk's language once)."""
    return language_scores(question)


def question_lang(question: str, default: Lang = "en") -> Lang:
    """`detect_lang` of a question, its scores read once (`question_scores`)."""
    return _lang_of(question_scores(question), default)


def _lang_of(scores: tuple[float, float], default: Lang) -> Lang:
    """French or English by the (english, french) `scores`, `default` when they tie."""
    english, french = scores
    if french > english:
        return "fr"
    if english > french:
        return "en"
    return default


_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_BULLET = list_marker(BULLET_MARKS)
_MD_HEADING = re.compile(r"[ \t]{0,3}#{1,6}[ \t]+(?=\S)")
"""A Markdown heading's indent, "#" marks and the blanks before its words."""
SENTENCE_ENDS = ".!?…"
"""What ends a sentence: a full stop, a question or exclamation mark, an ellipsis (the one
definition the sentence splitter, titles, title-only quotes, readable lines and quotes read)."""
LINE_ENDS = SENTENCE_ENDS + ":;"
"""What ends a line that the next does not carry on: a sentence's end, a colon, a semicolon
(`_continues`, `ends_in_continuation`; blocks.py: the line before a heading inside a
paragraph)."""
_SENTENCE_END = re.compile(rf"[{SENTENCE_ENDS}]+[\"'”»)\]*_]*(?=\s)")
_NEXT_CHAR = re.compile(r"\s*(\S)")
_INITIALS = re.compile(r"(?:[^\W\d_]\.)*[^\W\d_]")
"""One letter or more of any script, each but the last followed by a period ("R.A", "É", the
Cyrillic "А"): initials when the last is a capital (`_is_abbreviation`), whose period ends no
sentence unless a word opening sentences follows (`_opens_a_sentence`)."""
_CLOSING_MARKS = " \t\r\n\f\v\u00a0\u2009\u202f*_\"'”»)]"
"""What may close a line after its last word: blanks (French typography's narrow ones too),
emphasis marks, closing quotes and brackets."""
_OPENERS = "\"'“‘«([*¿¡"
_JOINING_WORDS = words(
    "and or of the a an to in with for by on at from et ou de des du la le les à au aux en "
    "sur par pour avec dans vs"
)
"""A line ending with one of these words continues on the next line."""


# ---- lines and sentences -------------------------------------------------------------------------


def line_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """(start, end) of each line of text[start:end], line breaks (LF, CRLF, CR) excluded."""
    end = len(text) if end is None else end
    spans = []
    position = start
    for match in _LINE_BREAK.finditer(text, start, end):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, end))
    return spans


def trim_span(text: str, start: int, end: int) -> Span:
    """The span with surrounding whitespace removed (empty when it is all whitespace)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def is_table_row(line: str) -> bool:
    """A line with a tab after its first cell, or with two pipes or more."""
    return bool(line.strip()) and ("\t" in line.lstrip() or line.count("|") >= 2)


_TABLE_SEPARATOR = re.compile(r"[ \t]*(?:\|[ \t]*)?(?::?-+:?[ \t]*\|[ \t]*)+(?::?-+:?[ \t]*)?")
"""Blanks, an optional pipe, then cells of dashes each closed by a pipe, maybe one more cell.
Every run of blanks is matched by one quantifier only (no two side by side, nor one nested in
a repeated group beside another), so a line that is no separator fails in time linear in its
leading blanks (a line of 1,000 blanks took ~0.5 s per call, s22 hostile probe)."""


def is_table_separator(line: str) -> bool:
    """A markdown table's rule under its header: pipes and dashes only (`|---|:--:|`)."""
    return _TABLE_SEPARATOR.fullmatch(line) is not None


_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


def pipe_offsets(line: str) -> list[int]:
    """The offsets of a markdown table row's unescaped pipes (those `pipe_pieces` splits at)."""
    return [match.start() for match in _UNESCAPED_PIPE.finditer(line)]


def pipe_pieces(line: str) -> list[str]:
    """A markdown table row's pieces between its unescaped pipes, each with its escaped pipes
    (`\\|`, as GitHub's tables write a "|" inside a cell) read as "|"."""
    return [piece.replace("\\|", "|") for piece in _UNESCAPED_PIPE.split(line)]


def pipe_row(cells: list[str]) -> str:
    """A markdown table row of these cells, each "|" in one escaped (`\\|`, as GitHub's
    tables write it): `pipe_pieces` reads it back as the same cells, so a cell holding a pipe
    ("a | b") starts no cell of its own and the row keeps its header's columns. The readers
    writing a pipe table (readers/delimited.py, readers/html.py) write their rows with it."""
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"


def is_bullet(line: str) -> bool:
    """A list item: "-", "•", "*", "1." or "1)" and a space, possibly indented."""
    return _BULLET.match(line) is not None


def is_markdown_heading(line: str) -> bool:
    """A line that opens with one to six "#" and a space."""
    return _MD_HEADING.match(line) is not None


def line_start(text: str, offset: int, reach: int | None = None) -> int:
    """Where the line holding `offset` starts, after "\n" or "\r": "\n" is searched first, "\r"
    only within the line it bounds, so finding it reads that line, not the text before it.
    With `reach`, no further back than `reach` characters before `offset` (there when no break
    is nearer)."""
    floor = 0 if reach is None else max(0, offset - reach)
    before = text.rfind("\n", floor, offset)
    found = max(before, text.rfind("\r", max(before + 1, floor), offset))
    return found + 1 if found >= 0 else floor


def line_end(text: str, offset: int, reach: int | None = None) -> int:
    """Where the line holding `offset` ends, at its "\n" or "\r" (the text's end after its last
    line): "\n" is searched first, "\r" only within the line it bounds. With `reach`, no further
    than `reach` characters after `offset` (there when no break is nearer)."""
    ceiling = len(text) if reach is None else min(len(text), offset + reach)
    after = text.find("\n", offset, ceiling)
    end = ceiling if after < 0 else after
    carriage = text.find("\r", offset, end)
    return end if carriage < 0 else carriage


def past_heading_marks(text: str, start: int) -> int:
    """Where the words start when `start` is on a Markdown heading line, before its words
    (its indent and "#" marks and the blanks after them passed over); `start` anywhere else."""
    marks = _MD_HEADING.match(text, line_start(text, start))
    return marks.end() if marks and start < marks.end() else start


def without_closing_marks(line: str) -> str:
    """The line without the blanks, emphasis marks, quotes and brackets that close it, so that
    its last character says whether a sentence ends there ("…l’injection. »" ends with ".")."""
    return line.rstrip(_CLOSING_MARKS)


_CONTINUATIONS = "\\^`"
"""The characters that continue a command on the next line: POSIX shells', Windows cmd's and
PowerShell's (`ends_in_continuation`)."""


def ends_in_continuation(line: str) -> bool:
    """Whether `line` ends in a shell line continuation, blanks after it aside, so the command
    carries on into the next line: a backslash (POSIX shells) alone or after a blank ("aws s3
    presign s3://bucket/key \\" over "--expires-in 604800"), or a caret (Windows cmd: "aws ec2
    create-ipam ^") or a backtick (PowerShell: "Get-ChildItem -Path C:\\ `") after a blank that
    follows a command's words. Two backslashes (LaTeX's line break "\\\\"), one closing a word
    ("C:\\Temp\\"), a caret or backtick alone on its line (a compiler's "^" under the column
    of an error, a list of characters) or after a sentence's end ("Done. `") are none."""
    core = line.rstrip()
    if not core or core[-1] not in _CONTINUATIONS or (len(core) > 1 and not core[-2].isspace()):
        return False
    if core[-1] == "\\":
        return True
    words = core[:-1].rstrip()
    return bool(words) and words[-1] not in LINE_ENDS


def carried_commands(lines: list[str]) -> list[bool]:
    """For each line, whether it carries on a command from the line above it, which ends in a
    continuation (`ends_in_continuation`). A backslash continues into any next line. A caret or
    a backtick continues only into a line indented deeper than its own ("    aws ec2 create-ipam
    ^" over "        --description ..."), or, on a line that itself carries on a command, into
    one indented as deep or deeper (the command's next option line): in prose the characters are
    an operator or a key ("The XOR operator in C is written as ^", "- Ctrl + `") and the line
    under them (a sentence, a bullet, a table's header row, a compiler's "= note:" under its "^")
    starts at the same indent or shallower."""
    carried = [False] * len(lines)
    for index in range(1, len(lines)):
        line, following = lines[index - 1], lines[index]
        if not following.strip() or not ends_in_continuation(line):
            continue
        if line.rstrip()[-1] == "\\":
            carried[index] = True
            continue
        deeper = indent_width(following) - indent_width(line)
        carried[index] = deeper > 0 or (deeper == 0 and carried[index - 1])
    return carried


_HEADER_FIELD = re.compile(r"[ \t]*[A-Za-z][A-Za-z0-9-]*:[ \t]+\S")
"""A `Key: value` header line (a package's METADATA, an e-mail's headers): one word, a colon,
a blank. Under another such line it starts a field of its own, however long the line above."""


LABEL_WORDS = 4
"""The most words of a label opening a field line (`_LABEL_LINE`)."""
_LABEL_LINE = re.compile(
    rf"[ \t]*([^\W\d_][\w'’-]*(?:[ \t][\w'’-]+){{0,{LABEL_WORDS - 1}}})[ \t\u00a0]?:[ \t]+\S"
)
"""A line opening with a label of one to LABEL_WORDS words, a colon (a blank before it, as French
writes it, allowed) and a blank: "Emergency plumber: Plomberie Dubois, 04 78 11 22 33"."""


def _label_pair(line: str, following: str) -> bool:
    """Whether `line` and `following` each open with a capitalised label (`_LABEL_LINE`): two
    fields of a list ("Landlord: Claire Morel, …, claire.morel@example.fr" over "Emergency
    plumber: Plomberie Dubois, …"), as long as each other as a hard-wrapped paragraph's lines
    are, ran into one sentence, so "Who is the landlord?" could quote neither (s55 trial)."""
    return all(
        (found := _LABEL_LINE.match(text)) is not None and found.group(1)[0].isupper()
        for text in (line, following)
    )


def _continues(
    line: str,
    following: str,
    wrapped: bool,
    carried: bool,
    opening: bool,
    latex: bool = False,
    after: str = "",
) -> bool:
    """Whether `following` carries on the sentence that `line` (not ending a block) started;
    `wrapped`: `line` is as long as its neighbours (`wrapped_lines`), so hard wrapping cut it;
    `carried`: `following` carries on a command continued at the end of `line`
    (`carried_commands`), so it runs on unless it is a heading or a markup line: a command's
    options may look like a table row or a bullet. A `Key: value` header line runs into no
    other (`_HEADER_FIELD`), nor a line opening with a capitalised label into another
    (`_label_pair`), unless it ends mid-sentence (a joining word, a comma, a dash), nor
    does a line into one DEFINITION_INDENT columns shallower or more (the next term) unless it
    is `wrapped` or `opening` its paragraph (the first line of a block or after a blank line:
    the GPL indents its paragraphs' first lines). `after`: the line after `following` ("" for
    none), which tells a list of short lines (`_value_line_after`)."""
    if is_markdown_heading(line) or is_markdown_heading(following):
        return False
    if is_no_text(line, latex) or is_no_text(following, latex):  # "```python" over "import os"
        return False
    if carried:
        return True
    if is_table_row(line) or is_table_row(following) or is_bullet(following):
        return False
    if _record_pair(line, following):
        return False
    field = _HEADER_FIELD.match(line) if _HEADER_FIELD.match(following) else None
    core = without_closing_marks(line)
    if core.endswith(":") and _value_line_after(core, following, after):
        return True
    if not core or core[-1] in LINE_ENDS:
        return False
    if core[-1] in ",-–(" or _ends_in_joining_word(core, field):
        return True  # "Note: the value is stored as a" over "string: not an integer."
    if field or _label_pair(line, following):
        return False  # "Project-URL: Changelog, https://…" over "Project-URL: GitHub, …"
    if (
        not (wrapped or opening)
        and indent_width(following) <= indent_width(line) - DEFINITION_INDENT
    ):
        return False  # "    The first value" over "y : int": the next term, not the same sentence
    first = following.lstrip()[1 if opens_with_text_link(following) else 0 :][:1]
    return wrapped or first.islower() or first == "(" or _defines(core, line, following)


_RECORD_SEPARATOR = re.compile(r";(?=\S)")
"""A semicolon written against the next cell, as a delimited export writes its fields
("ZT-ES-12;Zymoseptoria tritici;Spain"); prose sets a blank after it ("…; the rest")."""
RECORD_FIELDS_MIN = 3
"""Fields a line of a delimited export holds at least (two separators)."""


def _record_pair(line: str, following: str) -> bool:
    """Whether `line` and `following` are two records of a delimited export saved as text (a
    CSV written with semicolons, one record a line): each holds as many fields, at least
    RECORD_FIELDS_MIN, all separated by a semicolon set against the next field. Such lines are
    as long as each other, so they would read as a hard-wrapped paragraph and run into one
    sentence (the quote then spans several records and cuts one at "cv.")."""
    if line.count(";") < RECORD_FIELDS_MIN - 1:  # most lines: no record (a quick test, in C)
        return False
    fields = len(_RECORD_SEPARATOR.findall(line)) + 1
    return (
        fields >= RECORD_FIELDS_MIN
        and line.count(";") == fields - 1
        and following.count(";") == fields - 1
        and len(_RECORD_SEPARATOR.findall(following)) == fields - 1
    )


def _value_line_after(core: str, following: str, after: str) -> bool:
    """Whether `following` ends the sentence that `core` (a line without its closing marks,
    ending with a colon) leads into on the line before: a line of prose at least WRAPPED_MIN
    long over a short next line closing the sentence with a
    full stop and writing no label of its own: a name or a value, opening with a capital or a
    digit ("…; maître de stage :" over "Dr Vasseur."). A short line ending with a colon is a
    label, a greeting or a title ("Hi John:", "Article 3 :"), and a next line without a full
    stop (a command, a value alone) stays apart, as does one opening in lower case: the first
    item of an enumeration the lead-in announces ("…composé de 3 membres :" over "un
    président, un secrétaire et un trésorier."), which quote_context's lead-in rule reads. So
    do a closing formula, a heading or a caption ("Best regards.", "Introduction.", "Tableau
    1.": `_closes_or_heads`) and the first of a list of such short lines, `after` being one
    too, of as many words give or take one ("Dr Smith." over "Dr Jones.": review of
    s35-trialfix)."""
    return (
        len(core) >= WRAPPED_MIN
        and _value_shaped(following)
        and not _closes_or_heads(following)
        and not (_value_shaped(after) and abs(len(after.split()) - len(following.split())) <= 1)
    )


def _value_shaped(line: str) -> bool:
    """Whether `line` is shaped as a value closing a lead-in: shorter than WRAPPED_MIN,
    opening with a capital or a digit, ending with a full stop, writing no colon."""
    value = without_closing_marks(line.strip())
    return (
        0 < len(value) < WRAPPED_MIN
        and (value[0].isupper() or value[0].isdigit())
        and value[-1] in _FULL_STOPS
        and ":" not in value
    )


def _closes_or_heads(line: str) -> bool:
    """Whether `line` opens with a closing formula, a heading or a caption word of either
    language (the language data's `lead_in_closings`): "Best regards.", "Merci.", "Tableau 1."."""
    folded = " ".join(re.findall(r"[^\W_]+", fold(line)))
    return any(
        folded == phrase or folded.startswith(phrase + " ") for phrase in _lead_in_closings()
    )


@functools.cache
def _lead_in_closings() -> frozenset[str]:
    """The folded phrases of the language data's `lead_in_closings`, both languages', read as
    plain JSON once (its model, domain.py, would import pydantic)."""
    lists = language_object().get("lead_in_closings")
    if not isinstance(lists, dict):
        return frozenset()
    return frozenset(
        phrase for found in lists.values() if isinstance(found, list) for phrase in found
    )


_FULL_STOPS = ".!…"
"""What closes a statement (not a question): the value line under a lead-in ends with one."""


DEFINITION_INDENT = 2
"""How many blanks deeper than its term a definition's line is indented, at least: a PDF's
lines indented by one blank more than the line above (" $P < 0.001$" under a slide's value,
" DAVID M. HARLAN" under "ALLAN D. KIRK" in the bundled slides) are no definitions."""


_TERM_COLUMN_GAP = re.compile(r"\S(?:[ \t]{2,}|\t)[^\s:]")
"""Two blanks or a tab between words, no colon after them: a plain-text table's header ("Name
Value" aligned over its rows), no definition's term ("* leave  : bool, optional" aligns its
colon)."""
_SECTION_NUMBER = re.compile(r"[ \t]*\d+(?:\.\d+)*\.?[ \t]+[A-Z]")
"""A table of contents' entry ("  1 Intro", "  2.1 Usage") under its heading: no definition."""


def _defines(core: str, line: str, following: str) -> bool:
    """Whether `following` is a definition under the term `line` (`core`: the line without its
    closing marks): indented DEFINITION_INDENT columns or more deeper than the term, which
    ends in a word, a number or inline code ("* leave : bool, optional" over "    If
    [default: True], keeps all traces…", a numpydoc parameter; an RST definition list; a list
    item's next line under its text). A line of code opening a block ("{", "[", "{%- else
    -%}") is no term: JSON output and templates stay cut at their lines as before; a line with
    no letter or digit is no definition (a compiler's gutter "  |" under its "error[E0308]:
    mismatched types"), nor a table's first row under its column-aligned header
    (`_TERM_COLUMN_GAP`) or a contents entry "  1 Intro" (`_SECTION_NUMBER`)."""
    term_end = core[-1].isalnum() or core[-1] == "`"
    deeper = indent_width(following) >= indent_width(line) + DEFINITION_INDENT
    if not (term_end and deeper and any(char.isalnum() for char in following)):
        return False
    marker = LIST_MARKER.match(core)  # "-  `AWS CLI" over "   Documentation <…>`__"
    term = core[marker.end() :] if marker else core
    return not _TERM_COLUMN_GAP.search(term) and not _SECTION_NUMBER.match(following)


def _ends_in_joining_word(core: str, field: re.Match[str] | None) -> bool:
    """Whether `core` (a line without its closing marks) ends in a joining word ("stored as a");
    on a header line (`field`: its `_HEADER_FIELD` match), only after other words of its value:
    a value of one word is a code ("language: en", "Locale: de"), not a sentence cut mid-way."""
    words = core.split()
    if words[-1].lower() not in _JOINING_WORDS:
        return False
    return field is None or len(core[field.end() - 1 :].split()) > 1


WRAPPED_MIN = 60
"""A line without final punctuation is read as wrapped prose only from this many characters
(trailing blanks aside): slide lines, list items and labels are shorter."""
WRAP_NEAR = 0.75
"""A wrapped line is at least this share of its neighbours' length, and they of its length:
a paragraph hard-wrapped at a width fills its lines to about that width, while a title or a
label line is much longer or shorter than the lines around it."""
_WRAP_WINDOW = 2
"""How many lines on each side are the neighbours a line's length is compared with."""


def wrapped_lines(lengths: list[int]) -> list[bool]:
    """For each line (its length without trailing blanks), whether it is a full line of a
    hard-wrapped paragraph: long, and near the length of the longest of its neighbours."""
    flags = []
    for index, length in enumerate(lengths):
        around = lengths[max(0, index - _WRAP_WINDOW) : index]
        around += lengths[index + 1 : index + 1 + _WRAP_WINDOW]
        widest = max(around, default=0)
        near = WRAP_NEAR * length <= widest and WRAP_NEAR * widest <= length
        flags.append(length >= WRAPPED_MIN and near)
    return flags


def split_sentences(
    text: str, start: int = 0, end: int | None = None, latex: bool = False
) -> list[Span]:
    """Sentence spans of text[start:end], absolute, trimmed, covering every non-blank character.

    Splits after . ! ? … when the next word opens a sentence (capital, digit, quote), except
    after abbreviations and initials ("et al.", "Dr.", "R.A. Furie") and inside a markdown
    table row; at blank lines; and at a line break that ends a line without continuation (a
    bullet item, a slide line, a table row). `latex`: the text is a LaTeX source, whose lines
    of markup commands alone hold no sentence (markup.is_markup_line).
    """
    end = len(text) if end is None else end
    spans: list[Span] = []
    for run_start, run_end in _line_runs(text, start, end, latex):
        inner = (
            []
            if _is_pipe_row(text, run_start, run_end) or is_record_line(text, run_start, run_end)
            else _sentence_cuts(text, run_start, run_end)
        )
        cuts = [run_start, *inner, run_end]
        for left, right in pairwise(cuts):
            span = trim_span(text, left, right)
            if span[0] < span[1]:
                spans.append(span)
    return spans


LONG_QUOTE = 400
"""Characters past which a quote no longer reads at a glance: a sentence longer than this is
cut down to its best clauses (clauses.py; answer_features.py marks such a sentence as long),
and a table row longer than this is cut at its cells' sentences (`_is_pipe_row`)."""


def _is_pipe_row(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is one markdown table row ("| 4512 | … | Resolved by Mira. |")
    of at most LONG_QUOTE characters: a record is one sentence, whatever its cells write, so a
    quote never stops inside a cell; a longer row is cut at its cells' sentences as prose is,
    or the clause cutter would quote a fragment of it ("approved by Lena Park. |", s21 review)."""
    if end - start > LONG_QUOTE:
        return False
    line = text[start:end].strip()
    return line[:1] == "|" and line[-1:] == "|" and "\n" not in line and is_table_row(line)


def is_record_line(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is one record of a delimited export (`_record_pair` with the
    line before or after it) of at most LONG_QUOTE characters: one sentence, as a markdown
    table row is, so "wheat cv. Sheriff" does not cut it."""
    if end - start > LONG_QUOTE or "\n" in text[start:end]:
        return False
    line = text[start:end]
    before, after = _line_before(text, start), _line_after(text, end)
    return _record_pair(before, line) or _record_pair(line, after)


def _line_before(text: str, start: int) -> str:
    """The line before the one opening at `start` ("" for none), its break LF or CRLF (s44: a
    CRLF export's records were no records, and "wheat cv. Sheriff" cut one)."""
    if not start:
        return ""
    close = start - 2 if text[max(0, start - 2) : start] == "\r\n" else start - 1
    return text[line_start(text, close) : close]


def _line_after(text: str, end: int) -> str:
    """The line after the one closing at `end` ("" for none), its break LF or CRLF."""
    if end >= len(text):
        return ""
    opening = end + 2 if text[end : end + 2] == "\r\n" else end + 1
    return text[opening : line_end(text, opening)]


RECORDS_READ_BACK = 10_000
"""The most records of a delimited export read back for its line of field names
(`record_header`): a long export's record is quoted under them too."""


def record_header(text: str, start: int) -> tuple[int, int] | None:
    """The span of the line naming the fields of the delimited export whose record's line opens
    at `start` (`is_record_line`): the first line of its run of records, when it writes no
    digit ("isolate_id;species;country;year;host" over "ZT-ES-12;…;2022;durum wheat"); None
    when the run opens on a record itself, or at `start`. Quoted as a table row's header row
    is (quoting.quote_spans): which field is which."""
    line = line_start(text, start)
    opening = line
    for _ in range(RECORDS_READ_BACK):
        above = _line_before(text, line)
        if not line or not _record_pair(above, text[line : line_end(text, line)]):
            break
        line = line_start(text, line - 1 - text[max(0, line - 2) : line].count("\r\n"))
    first = text[line : line_end(text, line)].rstrip()
    if line == opening or any(character.isdigit() for character in first):
        return None
    return line, line + len(first)


def _line_runs(text: str, start: int, end: int, latex: bool = False) -> Iterator[Span]:
    """Groups of consecutive lines that belong to one sentence or more. Each line is judged
    in the text around it, not only in text[start:end]: whether a line is a full line of a
    wrapped paragraph compares it whole with the _WRAP_WINDOW lines on each side of it even
    past the range, so a chunk ending mid-paragraph cuts the sentences the whole text does
    ("… contre 35" over "% la première année.", a chunk's last line, runs on). Behind a pipe
    margin (`pipe_margins`) lines are read as without it, its first and last lines are a
    block's edges, and a sentence opens past the margin's "|". Lines around the range are
    judged from their `_bounded` stand-ins and their lengths from positions, so a chunk inside
    a line of megabytes costs what its own characters do."""
    lines = line_spans(text, start, end)
    around = _lines_around(text, lines, _WRAP_WINDOW)
    first = _at_line(around, start)
    raw = [_bounded(text, a, b) for a, b in around]
    reach = (
        _bare_pipe_beyond(text, around[0][0], -1, _margin_column(raw[0])),
        _bare_pipe_beyond(text, around[-1][1], 1, _margin_column(raw[-1])),
    )
    margins = pipe_margins(raw, reach)
    texts = [_behind_margin(line, margin) for line, margin in zip(raw, margins, strict=True)]
    edges = [bool(margins[n]) != bool(margins[n - 1]) if n else False for n in range(len(raw))]
    lengths = [
        _stripped_length(text, a, b, line) for (a, b), line in zip(around, texts, strict=True)
    ]
    wrapped = wrapped_lines(lengths)[first:]
    carried = carried_commands(texts)[first:]
    images = [index for index in range(len(texts)) if _image_in_prose(texts, index)]
    bridged = {*images, *(index + 1 for index in images)}  # the image's line and the next
    run: Span | None = None
    previous = ""  # the line before, as read at the last turn
    for index, (line_start, line_end) in enumerate(lines):
        line = _read(text, line_start, line_end, around[first + index][0], margins[first + index])
        if (
            run
            and line.strip()
            and not edges[first + index]  # a margin's first or last line: a block's edge
            and (
                first + index in bridged
                or _continues(
                    previous,
                    line,
                    wrapped[index - 1],
                    carried[index],
                    _opens(texts, first + index - 1),  # whether `previous` opens
                    latex,
                    texts[first + index + 1] if first + index + 1 < len(texts) else "",
                )
            )
        ):
            run = (run[0], line_end)
        else:
            if run:
                yield run
            words = len(line) - len(line.lstrip())  # past a pipe margin read as blanks
            run = (line_start + words, line_end) if line.strip() else None
        previous = line
    if run:
        yield run


LINE_BOUND = 256
"""How many characters of a line's head and of its tail stand for it when lines are judged
(`_bounded`): a line's margin, indent and marks are at its head, its continuation and closing
marks at its tail, so a line longer than twice this is judged the same whatever its length."""


def _bounded(text: str, start: int, end: int) -> str:
    """The line text[start:end], or its LINE_BOUND first and last characters when it is longer."""
    if end - start <= 2 * LINE_BOUND:
        return text[start:end]
    return text[start : start + LINE_BOUND] + text[end - LINE_BOUND : end]


def _stripped_length(text: str, start: int, end: int, bounded: str) -> int:
    """The length of the line text[start:end] without trailing blanks, from its `bounded`
    stand-in: exact unless the stand-in's tail is all blanks, when the line itself is read."""
    if end - start == len(bounded):
        return len(bounded.rstrip())
    tail = bounded[LINE_BOUND:]
    if tail.strip():
        return end - start - (len(tail) - len(tail.rstrip()))
    return len(text[start:end].rstrip())


def _read(text: str, start: int, end: int, whole: int, margin: int) -> str:
    """text[start:end] (inside the line starting at `whole`) with its line's pipe margin (the
    "|" just before column `margin`, 0: none) read as a blank when the range holds it."""
    pipe = whole + margin - 1
    return _behind_margin(
        text[start:end], pipe - start + 1 if margin and start <= pipe < end else 0
    )


_PIPE_MARGIN = re.compile(r"[ \t]*\|(?=[ \t]|$)")
"""A line opening with a pipe followed by a blank, or a pipe alone."""
MARGIN_REACH = 50
"""How many lines past the lines judged a margin's column is followed to find a bare "|" line
(`_bare_pipe_beyond`): pydoc leaves one at least every few lines (after a signature, between
methods); a column without one that long is a table's, a union's or a pipeline's."""


def pipe_margins(lines: list[str], reach: tuple[bool, bool] = (False, False)) -> list[int]:
    """For each line, the column just past its pipe margin's "|", or 0 when it has none. A
    margin is a column of "|" opening consecutive lines, each followed by a blank or alone
    (pydoc's " |  " before a class's documentation, an RST line block), that holds a bare "|"
    line (pydoc's blank line; `reach`: whether the column, followed past the first line or the
    last, holds one: `_bare_pipe_beyond`) and a line with text behind a single pipe (pydoc's
    signature line may write "str | None" and repeat under a bare line, a bare line is a blank,
    not a single pipe). So the column is no markdown table's left border ("| a | b |", a bare
    "|" above it or not), nor a single-column table's (no line next to a "|---" separator
    opens a margin), nor a pipeline's, a union's or a match's arms: no line that the line above
    carries on opens one (`carried_commands`: "cat access.log \\" over "  | grep 404"), and a
    union ("type S =" over "  | Circle", "  | Square;") holds no bare line. A reader of plain
    text sees a margin, not text."""
    found = [_margin_column(line) for line in lines]
    carried = carried_commands(lines)
    column = [
        margin if not carried[index] and not _next_to_separator(lines, index) else 0
        for index, margin in enumerate(found)
    ]
    bare = [bool(column[n]) and not lines[n][column[n] :].strip() for n in range(len(lines))]
    single = [
        bool(column[n]) and not bare[n] and lines[n].count("|") == 1 for n in range(len(lines))
    ]
    margins = [0] * len(lines)
    for low, high in _columns(column):
        if not (
            any(bare[low:high]) or (low == 0 and reach[0]) or (high == len(lines) and reach[1])
        ):
            continue
        if high - low > 1 and any(single[low:high]):
            margins[low:high] = column[low:high]
    return margins


def _next_to_separator(lines: list[str], index: int) -> bool:
    """Whether a line next to lines[index] is a markdown table's separator row ("|---")."""
    return any(is_table_separator(lines[n]) for n in (index - 1, index + 1) if 0 <= n < len(lines))


def _columns(column: list[int]) -> Iterator[tuple[int, int]]:
    """The ranges of consecutive lines opening with a pipe at one same column (not 0)."""
    index = 0
    while index < len(column):
        high = index + 1
        while high < len(column) and column[high] == column[index]:
            high += 1
        if column[index]:
            yield index, high
        index = high


def _margin_column(line: str) -> int:
    """The column just past the "|" opening `line` as a margin would (`_PIPE_MARGIN`), or 0."""
    match = _PIPE_MARGIN.match(line)
    return match.end() if match else 0


def _bare_pipe_beyond(text: str, position: int, step: int, column: int) -> bool:
    """Whether, past the line edge at `position` (step -1: the lines above it, 1: below), a bare
    "|" line comes within MARGIN_REACH lines, each opening with a "|" ending at `column` (0:
    the edge's line opens with none, so no column goes on past it). Each line's "\n" is looked
    for at most LINE_REACH characters away: a line longer than that ends the column."""
    for _ in range(MARGIN_REACH if column else 0):
        if step < 0:
            if position <= 0:
                return False
            end = position - 1
            floor = max(0, end - LINE_REACH)
            start = text.rfind("\n", floor, end) + 1
            if not start and floor:
                return False
            position = start
        else:
            if position >= len(text):
                return False
            start = position + (2 if text.startswith("\r\n", position) else 1)
            ceiling = min(len(text), start + LINE_REACH)
            end = text.find("\n", start, ceiling)
            if end < 0 and ceiling < len(text):
                return False
            end = ceiling if end < 0 else end
            position = end
        line = _bounded(text, start, end).rstrip("\r")
        if _margin_column(line) != column:
            return False
        if not line[column:].strip():
            return True
    return False


def _behind_margin(line: str, margin: int) -> str:
    """The line with its margin's "|" (ending at column `margin`, 0: none) read as a blank."""
    return line[: margin - 1] + " " + line[margin:] if margin else line


LINE_REACH = 65_536
"""How far from a range a line's start or end is looked for (`_lines_around`): a line longer
than this is judged from the characters this far away, so cutting a text of one line of many
megabytes, chunk by chunk, reads each chunk's surroundings, not the whole line each time."""


def _lines_around(text: str, lines: list[Span], count: int) -> list[Span]:
    """The whole lines holding `lines` (line_spans of a range, whose first and last may be
    parts of lines), and `count` more lines on each side, found from positions: no line is
    copied, and its breaks are looked for at most LINE_REACH characters away."""
    around = [(line_start(text, lines[0][0], LINE_REACH), lines[0][1]), *lines[1:]]
    around[-1] = (around[-1][0], line_end(text, lines[-1][1], LINE_REACH))
    for _ in range(count):
        low, high = around[0][0], around[-1][1]
        if low > 0 and text[low - 1] in "\r\n":
            above = low - (2 if text.startswith("\r\n", low - 2) else 1)
            around.insert(0, (line_start(text, above, LINE_REACH), above))
        if high < len(text) and text[high] in "\r\n":
            below = high + (2 if text.startswith("\r\n", high) else 1)
            around.append((below, line_end(text, below, LINE_REACH)))
    return around


def _at_line(lines: list[Span], position: int) -> int:
    """The number of the line of `lines` (in text order, covering `position`) holding it."""
    return max(0, bisect.bisect_right(lines, (position, sys.maxsize)) - 1)


def _opens(lines: list[str], index: int) -> bool:
    """Whether lines[index] is the first line of its paragraph (the first line, or one after
    a blank line or a pipe margin alone)."""
    return index < 1 or not lines[index - 1].strip()


def _image_in_prose(lines: list[str], index: int) -> bool:
    """Whether lines[index] is one image alone ("![icon](icon.png)": markup.is_link_line)
    inside a sentence hard-wrapped around it: the line above is text ending no sentence and
    the line below opens in lower case ("Click the" / "![icon](…)" / "button to save.")."""
    if "![" not in lines[index] or not 0 < index < len(lines) - 1:
        return False  # the cheap test first: every line of a build is asked
    line = lines[index].strip()
    if not (line.startswith("![") and line.count("![") == 1):
        return False
    above, below = lines[index - 1], lines[index + 1].lstrip()
    core = without_closing_marks(above)
    ends = not core or core[-1] in LINE_ENDS or is_no_text(above)
    return not ends and below[:1].islower() and is_link_line(line)


def _sentence_cuts(text: str, start: int, end: int) -> Iterator[int]:
    """Offsets inside text[start:end] where a sentence ends."""
    brackets = _OpenBrackets(text, start)
    for match in _SENTENCE_END.finditer(text, start, end):
        next_char = _NEXT_CHAR.match(text, match.end(), end)
        if next_char is None:
            continue
        following = next_char.group(1)
        if not (following.isupper() or following.isdigit() or following in _OPENERS):
            continue
        period = match.start()
        if match.group().startswith(".") and _is_abbreviation(text, start, period, following):
            continue
        if match.group() == "." and _is_list_number(text, start, match.start()):
            continue
        if _leads_to_page(text, match.start(), match.end(), end):
            continue
        if brackets.holds(match.end(), end):
            continue
        brackets.restart(match.end())
        yield match.end()


BRACKET_REACH = 200
"""The most characters from an opening bracket to its closing one for the period of an
abbreviation or a reference between them to end no sentence ("(J. Appl. Ecol. 2021)",
"(see Table 2. Figure 3 shows more)"); a longer aside is cut at its own sentences."""
_BRACKET_PAIRS = {"(": ")", "[": "]"}
_BRACKET = re.compile(r"[()\[\]]")


def _closes_a_sentence(text: str, opening: int, closing: int) -> bool:
    """Whether the bracket text[opening:closing + 1] closes on a sentence's end: an aside
    written in sentences ("(This only works for ASCII. In general, use Buffer.from().)") is cut
    at its own, a reference or a note is not ("(J. Appl. Ecol. 2021)")."""
    inner = text[opening + 1 : closing].rstrip(_CLOSING_MARKS)
    return inner[-1:] in SENTENCE_ENDS


class _OpenBrackets:
    """The brackets opened and not yet closed in the sentence being read (from its start to
    a candidate end, read on as the candidates come): a sentence's end found inside a bracket
    that closes within BRACKET_REACH characters of its opening ends no sentence, unless the
    bracket closes on a sentence's end of its own (`_closes_a_sentence`)."""

    def __init__(self, text: str, start: int) -> None:
        self.text = text
        self.read_to = start
        self.opened: list[int] = []  # the unclosed openers' offsets, innermost last

    def restart(self, start: int) -> None:
        """A sentence opens at `start`: no bracket is open in it."""
        self.read_to = start
        self.opened = []

    def holds(self, position: int, end: int) -> bool:
        """Whether text[:position] leaves a bracket of the sentence open that closes, within
        BRACKET_REACH characters of its opening, before `end`."""
        self._read(position)
        if not self.opened:
            return False
        outermost = self.opened[0]
        reach = min(end, outermost + BRACKET_REACH)
        depth = len(self.opened)
        for bracket in _BRACKET.finditer(self.text, position, reach):
            if bracket.group() in _BRACKET_PAIRS:
                depth += 1
                continue
            depth -= 1
            if depth == 0:
                return not _closes_a_sentence(self.text, outermost, bracket.start())
        return False

    def _read(self, position: int) -> None:
        for bracket in _BRACKET.finditer(self.text, self.read_to, position):
            if bracket.group() in _BRACKET_PAIRS:
                self.opened.append(bracket.start())
            elif self.opened:
                self.opened.pop()
        self.read_to = max(self.read_to, position)


_LEADERS_BEFORE = re.compile(r"(?:\.[ \t]*){3,}\.$")
_PAGE_AFTER = re.compile(r"[ \t]*\d{1,4}[ \t]*(?:\r?\n|$)")
LEADER_REACH = 40
"""How far back a contents line's dot leaders are looked for before their last period."""


def _leads_to_page(text: str, period: int, after: int, end: int) -> bool:
    """Whether the periods at text[period:after] close a contents line's dot leaders before
    its page ("3. Load tests ........ 5", "4.2 Résultats . . . . 12"): the entry is one
    sentence, its page no sentence of its own."""
    if _PAGE_AFTER.match(text, after, end) is None:
        return False
    dots = text[max(0, period - LEADER_REACH) : after]
    return _LEADERS_BEFORE.search(dots) is not None


_LIST_NUMBER = re.compile(r"[ \t]*(?:#{1,6}[ \t]+)?\d{1,3}(?:\.\d{1,3}){0,3}")
"""A numbered list item's or section's number, alone between its line's start (and a Markdown
heading's marks) and its period ("2. Fill in…", "## 3. Drainage", "3.1. Load tests"): the
heading's number was a sentence of its own ("## 3."), quoted as its section's answer."""


def _is_list_number(text: str, start: int, period: int) -> bool:
    """Whether the period at `period` closes the number opening a numbered list item's or
    section heading's line ("1. Quantify DNA…", "## 2. Railing"): the item's text is its
    sentence, the number no sentence of its own."""
    line_start = max(start, text.rfind("\n", start, period) + 1)
    return _LIST_NUMBER.fullmatch(text, line_start, period) is not None


def _is_abbreviation(text: str, start: int, period: int, following: str = "") -> bool:
    """Whether the word just before the period at `period` is an abbreviation or an initial,
    `following` being the first character after the period's blanks: before a digit, a month's
    abbreviation or one of the language data's `number_abbreviations` is one too ("Jan. 15,
    2024", "3 janv. 2024", "art. 12", "(c. 1454-1539)")."""
    word_start = period
    while word_start > start and not text[word_start - 1].isspace():
        word_start -= 1
    word = text[word_start:period].lstrip("([\"'“«")
    if not word or period == start:
        return False
    if fold(word) in _sentence_abbreviations():
        return True
    if _is_initials(word):
        return _after_a_name(text, start, word_start) or not _opens_a_sentence(text, period)
    unelided = re.split(r"['’]", word)[-1]  # "l'art. 12"
    return following.isdigit() and fold(unelided) in _number_abbreviations()


_NEXT_WORD = re.compile(r"\.\s+([^\W\d_]+)\b")
"""The word after a period and blanks: not one in quotes or brackets (a reference's title after
its authors' initials, 'Fisher, R.A. "The use of…"', is the reference's sentence)."""


_WORD_BEFORE = re.compile(r"(\S+)\s+$")
NAME_REACH = 60
"""How far before an initial the word before it is looked for (`_after_a_name`)."""


def _after_a_name(text: str, start: int, word_start: int) -> bool:
    """Whether the word before the initial opening at `word_start` is capitalised, not all in
    capitals: a surname the initial follows, as a reference's authors are written ("[1] Fones H,
    Gurr S. The impact of…": the reference is one sentence), not a word an initial closes
    ("hepatitis C.", "the U.S.", "Mac OS X.")."""
    before = _WORD_BEFORE.search(text, max(start, word_start - NAME_REACH), word_start)
    if before is None:
        return False
    name = before.group(1).rstrip(",;")
    return name[:1].isupper() and any(letter.islower() for letter in name[1:])


def _opens_a_sentence(text: str, period: int) -> bool:
    """Whether the word after the period at `period` is one of the language data's
    `initial_sentence_openers`: a word that opens a sentence and no name after an initial
    ("hepatitis C. The most frequent…", "in the U.S. This…", "l'annexe B. Les…")."""
    after = _NEXT_WORD.match(text, period, period + LINE_BOUND)
    return after is not None and fold(after.group(1)) in _initial_sentence_openers()


@functools.cache
def _initial_sentence_openers() -> frozenset[str]:
    """The folded words of the language data's `initial_sentence_openers`, both languages',
    read as plain JSON once."""
    return _folded_words_of_both("initial_sentence_openers")


def _is_initials(word: str) -> bool:
    """Whether `word` (its final period left out) is initials ending with a capital of any
    script: "R.A", "É", "А" (Cyrillic)."""
    return word[-1].isupper() and _INITIALS.fullmatch(word) is not None


@functools.cache
def _sentence_abbreviations() -> frozenset[str]:
    """The folded words that end with a period without ending a sentence, both languages'
    (the language data's `sentence_abbreviations`), read as plain JSON once."""
    return _folded_words_of_both("sentence_abbreviations")


def _folded_words_of_both(key: str) -> frozenset[str]:
    """The folded words of the language data's `key`, a list per language, both languages'."""
    lists = language_object().get(key)
    found: set[str] = set()
    for words_of in lists.values() if isinstance(lists, dict) else ():
        if isinstance(words_of, list):
            found.update(fold(word) for word in words_of if isinstance(word, str))
    return frozenset(found)


@functools.cache
def _number_abbreviations() -> frozenset[str]:
    """The folded words that end with a period before a number without ending a sentence,
    both languages', read as plain JSON once: the language data's months' abbreviations (each
    month's names but its full one: "jan", "janv", "sept") and its `number_abbreviations`."""
    data = language_object()
    found: set[str] = set()
    months = data.get("months")
    for groups in months.values() if isinstance(months, dict) else ():
        for names in groups if isinstance(groups, list) else ():
            if isinstance(names, list):
                found.update(name for name in names[1:] if isinstance(name, str))
    lists = data.get("number_abbreviations")
    for words_of in lists.values() if isinstance(lists, dict) else ():
        if isinstance(words_of, list):
            found.update(word for word in words_of if isinstance(word, str))
    return frozenset(found)
