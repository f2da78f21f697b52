"""The sentence beside a quote that the quote needs to read right.

Three narrow rules widen a quote, only when the whole fits PAIR_MAX characters, and always as
one span of exact source characters (as quoting.py takes in a short quote's label lines). The
first two take in one neighbour of the same paragraph (no blank line between, LF or CRLF, one
section, one page, no markup line, no table row, no heading line, one list item); the third a
list's lead-in with the items between (one section, one page, no blank or markup line):

- back: a quote whose first sentence opens by referring back ("It", "These", "Il", "Cette":
  language data `back_reference_openers`; not a word in capitals, "IT" or "CA", nor code),
  or lacks the share or date the question asks while it names one by referring back ("après
  cette date", "at this rate": `value_back_references`) and the sentence before holds one,
  takes in the sentence before it: "Il est réduit à un mois en cas de mutation" misleads
  without "Le préavis est de trois mois."; a whole sentence only, never the piece of a
  sentence longer than a chunk (`_cut_piece`);
- on: a short next sentence (at most NEXT_SHORT characters) holding a word of the question
  that neither the quote nor its document's title or heading holds is taken in: "Defaults
  to 8." after a parameter's description asked for its default; so is a next sentence of any
  length holding a value of the kind the question asks (a share, a date:
  answer_features.Wants) that the quote lacks: "Amorcé en 1947, ce projet…" after the
  sentence naming the project asked "Quand a débuté…"; never after a quote cut
  inside its sentence (quoting.best_clauses), whose dropped clauses it would take back;
- lead-in: a quote opening a list item ("- ", "2. ", or an enumeration's "(c)", "c)" that
  cutting reads as no list item) whose list, in one run of lines of the section, opens under a
  line ending in a colon takes that line in with the items between: "(c) ne réaliser aucuns
  travaux…" is nobody's obligation without "Le Preneur s'engage à :". Climbing the items, the
  first ending in a colon is the lead-in ("2. Le Preneur s'engage à :" over its "(a)", "(b)",
  never the "1. Le Bailleur…" list above it); an item ending in a colon itself takes in nothing.
  A lead-in wrapped over lines is taken from its sentence's opening, whole or not at all. Never
  a heading line, nor a label a build cuts as one.
- below: a quote announcing the code block after it (language data `code_announcers`: "Deploy
  to staging with the command below", "Run:", "la commande ci-dessous") takes in the rest of
  its paragraph and the next block of the section when that block is code (a backtick fence,
  or lines none of which ends a sentence nor is a heading or table row): the sentence alone
  left out the command (s24 trial).
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from citeqa.answer_features import Wants, holds_asked_value
from citeqa.blocks import is_label_line
from citeqa.chunking import section_bounds
from citeqa.domain import any_of, language_data
from citeqa.glossary import fold
from citeqa.language import LINE_ENDS, is_markdown_heading, line_end, line_start
from citeqa.lexical import query_tokens
from citeqa.markup import LIST_MARKER, markup_between, opens_item
from citeqa.models import Chunk, Document
from citeqa.questions import QuestionTerms
from citeqa.sentences import SentenceBank

PAIR_MAX = 400
"""The longest quote a neighbour is taken into (the evaluation's readable quote)."""
NEXT_SHORT = 80
"""The longest next sentence the `on` rule takes in: a value's sentence ("Defaults to 8.")."""
OPENER_REACH = 40
"""How many characters of a sentence's opening the back-reference patterns read."""
VALUE_KINDS = frozenset({"share", "date"})
"""The kinds of value asked (answer_features.Wants) whose sentence the `on` rule takes in
whatever its length: a share or a date, which their patterns find surely; not a number, whose
cues ("size", "population") a question writes asking no number ("What does tab size
replace?"), nor a person's or a place's name (any capitalised word)."""

_BLANK_LINE = re.compile(r"\r?\n[ \t|>]*\r?\n")
"""A paragraph break: a line holding nothing but spaces (or a gutter's "|", a quote's ">"),
its line breaks LF or CRLF."""
_OPENING_WORD = re.compile(r"\W*(\w+)")
"""A sentence's first word, past any opening mark."""
_NOT_A_PRONOUN = re.compile(r"\s*\(|\.\w")
"""What after an opening "It"/"This" makes it no pronoun referring back: a parenthesis naming
what it is ("It (the tool by Acme) is…"), or code's member access ("this.value = …")."""
_LEAD_IN_END = re.compile(r":[ \t*_`]*$")
"""How a list's lead-in line ends: a colon, emphasis marks or blanks after it ("**Usage:**")."""
_BACKTICK_FENCE = re.compile(r"^[ \t]{0,3}```", re.MULTILINE)
"""A backtick code fence's line (blocks.py reads only these as fences: "~~~" is RST's
underline too)."""


@cache
def _back_openers() -> re.Pattern[str]:
    """Sentence openings (folded) that refer back: language data `back_reference_openers`."""
    patterns = language_data().back_reference_openers
    return any_of(patterns)


def with_neighbours(
    bank: SentenceBank,
    index: int,
    span: tuple[int, int],
    chunk: Chunk,
    terms: QuestionTerms | None,
) -> tuple[int, int]:
    """The quote `span` of sentence `index` widened by the previous sentence its opening
    refers back to, by the lead-in of the list whose item it opens (with the items between),
    and by a short next sentence holding a question word it lacks (the module's rules)."""
    start, end = span
    start = _back(bank, index, start, end, chunk, terms)
    start = _lead_in(bank, index, start, end, chunk)
    if terms is not None:
        end = _on(bank, index, start, end, chunk, terms)
    return start, _below(bank, index, start, end, chunk)


def _back(
    bank: SentenceBank, index: int, start: int, end: int, chunk: Chunk, terms: QuestionTerms | None
) -> int:
    """The start of the previous sentence when the quote opens with sentence `index` and
    that opens by referring back, or refers back to the value the question (`terms`) asks and
    the previous sentence holds (`_value_before`); else `start`."""
    sentence = bank.sentences[index]
    doc = bank.documents[sentence.doc_id]
    if start != sentence.start:
        return start
    by_value = terms is not None and _names_value_before(terms, doc.text[start:end])
    if not by_value and not _refers_back(doc.text, start):
        return start
    low, _ = section_bounds(doc.text, chunk, start, doc.latex)
    before = bank.preceding(index, low, 1)
    if not before or end - bank.sentences[before[0]].start > PAIR_MAX:
        return start
    previous = bank.sentences[before[0]]
    if _cut_piece(doc.text, previous.start):
        return start
    if by_value and terms is not None and not _refers_back(doc.text, start):
        wants = Wants.of(terms.focus)
        if not holds_asked_value(wants, doc.text[previous.start : previous.end]):
            return start
    return start if _apart(bank, doc, before[0], start) else previous.start


@cache
def _value_references() -> re.Pattern[str]:
    """Folded phrases naming a value by referring back ("after this date", "après cette
    date"): language data `value_back_references`."""
    return any_of(language_data().value_back_references)


def _names_value_before(terms: QuestionTerms, quote: str) -> bool:
    """Whether the question (`terms`) asks a share or a date (VALUE_KINDS) that the `quote`
    does not hold while it names one by referring back ("Une majoration de 10 € s'applique à
    toute licence saisie après cette date.", asked "date limite saisie des licences": s29
    trial, the date was in the sentence before)."""
    wants = Wants.of(terms.focus)
    if not wants.kinds & VALUE_KINDS or holds_asked_value(wants, quote):
        return False
    return _value_references().search(fold(quote)) is not None


def _lead_in(bank: SentenceBank, index: int, start: int, end: int, chunk: Chunk) -> int:
    """The start of the lead-in of the list whose item the quote opens at `start`, climbing its
    run of item lines (no blank line between, one section): the first item line ending in a
    colon (a list's own sub-list: "2. Le Preneur s'engage à :" over its "(a)", "(b)"), else the
    first line above the run; when it ends in a colon, is no heading and the quote from it fits
    PAIR_MAX (`_leads_in`), from the opening of its sentence (`_lead_in_start`). `start` when
    none, or when the quoted item's own line ends in a colon (it leads into a list itself)."""
    doc = bank.documents[bank.sentences[index].doc_id]
    text = doc.text
    line = line_start(text, start)
    if not _item_line(text, line, start) or _LEAD_IN_END.search(_line_text(text, line)):
        return start
    low, _ = section_bounds(text, chunk, start, doc.latex)
    while line > low:
        above = line_start(text, line - 1)
        if above < low or not text[above:line].strip():
            return start  # the section's edge or a blank line: the list opens under no lead-in
        is_item = _item_line(text, above)
        if not is_item or _LEAD_IN_END.search(_line_text(text, above)):
            if not _leads_in(doc, above, start, end):
                return start
            return above if is_item else _lead_in_start(bank, index, above, low, start, end)
        line = above
    return start


def _lead_in_start(
    bank: SentenceBank, index: int, line: int, low: int, start: int, end: int
) -> int:
    """Where the lead-in ending on the line at `line` opens: that line, or, when a sentence of
    the bank opens on an earlier line and runs into it (a lead-in wrapped over two lines:
    "…agreed to all of its terms\nand conditions, undertakes as follows:"), that sentence's
    opening, when it is a whole sentence (`_cut_piece`), in the section, on the item's page,
    with no blank or markup line before the item and the quote from it fits PAIR_MAX; else
    `start` (no lead-in: half a sentence misleads)."""
    doc = bank.documents[bank.sentences[index].doc_id]
    text = doc.text
    numbers, starts = bank.sentences.in_document(bank.sentences[index].doc_id)
    position = bisect.bisect_right(starts, line) - 1
    holding = numbers[position] if position >= 0 else None
    opening = line
    if holding is not None and low <= bank.sentences[holding].start < line:
        opening = bank.sentences[holding].start if bank.sentences[holding].end > line else line
    if opening >= line:
        return line
    if end - opening > PAIR_MAX or _cut_piece(text, opening):
        return start
    if _BLANK_LINE.search(text, opening, line) or markup_between(text, opening, line, doc.latex):
        return start
    return opening if doc.page_at(opening) == doc.page_at(start) else start


def _line_text(text: str, line: int) -> str:
    """The line opening at `line`, without its line break and trailing blanks."""
    return text[line : line_end(text, line)].rstrip()


def _item_line(text: str, line: int, start: int | None = None) -> bool:
    """Whether the line opening at `line` is a list or enumeration item, and, given `start`,
    nothing but its mark stands before `start` on it."""
    mark = opens_item(text, line)
    return mark is not None and (start is None or start <= mark.end())


def _leads_in(doc: Document, line: int, start: int, end: int) -> bool:
    """Whether the line opening at `line` leads into the list quoted from `start` to `end`: it
    ends in a colon, is no heading (Markdown's, nor a label a build cuts as one: "Options:",
    blocks.is_label_line), no page or markup line stands between, and the quote from it fits
    PAIR_MAX."""
    text = doc.text
    close = line_end(text, line)
    written = text[line:close].rstrip()
    if end - line > PAIR_MAX or not _LEAD_IN_END.search(written):
        return False
    if is_markdown_heading(written) or is_label_line(written):
        return False
    if markup_between(text, close, start, doc.latex):
        return False
    return doc.page_at(line) == doc.page_at(start)


def _on(
    bank: SentenceBank, index: int, start: int, end: int, chunk: Chunk, terms: QuestionTerms
) -> int:
    """The end of the sentence after the quote when it is of the same paragraph, the pair fits
    PAIR_MAX, and it holds the value the question asks that the quote lacks
    (`_value_only_after`) and a question word (`_writes_question_word`), or it is short and
    holds a word of the question the quote's sentences lack; else `end`."""
    sentence = bank.sentences[index]
    doc = bank.documents[sentence.doc_id]
    _, high = section_bounds(doc.text, chunk, sentence.start, doc.latex)
    inside = bank.following(index, high)
    after = [n for n in inside if bank.sentences[n].start >= end]
    if not after:
        return end
    following = after[0]
    if doc.text[end : bank.sentences[following].start].strip():
        return end  # the quote was cut inside its sentence (quoting.best_clauses): keep the cut
    reach = bank.sentences[following].end
    if reach - start > PAIR_MAX or _apart(bank, doc, following, end, after=True):
        return end
    if _value_only_after(
        terms, doc.text[start:end], doc.text[bank.sentences[following].start : reach]
    ) and _writes_question_word(terms, bank.tokens[following]):
        return reach
    if reach - bank.sentences[following].start > NEXT_SHORT:
        return end
    quoted = [index, *(n for n in inside if bank.sentences[n].end <= end)]
    quoted += bank.preceding(index, start, 4)
    held = frozenset().union(*(bank.tokens[n] for n in quoted), _subject(bank, doc, chunk))
    focus = terms.own_terms
    lacked = [alternatives for alternatives, _ in focus if not alternatives & held]
    return reach if any(alternatives & bank.tokens[following] for alternatives in lacked) else end


@cache
def _code_announcers() -> re.Pattern[str]:
    """Folded sentences announcing a code block: language data `code_announcers`."""
    patterns = language_data().code_announcers
    return any_of(patterns, re.MULTILINE)


def _below(bank: SentenceBank, index: int, start: int, end: int, chunk: Chunk) -> int:
    """The end of the code block after the quote when the quote announces it (the `below`
    rule: `_code_announcers`), the block is the next of the section after the quote's
    paragraph, on the same page, and the whole fits PAIR_MAX; else `end`."""
    doc = bank.documents[bank.sentences[index].doc_id]
    text = doc.text
    if not _code_announcers().search(fold(text[start:end])):
        return end
    _, high = section_bounds(text, chunk, start, doc.latex)
    gap = _BLANK_LINE.search(text, end, high)
    if gap is None or markup_between(text, end - 1, gap.start() + 1, doc.latex):
        return end
    block_end = _block_end(text, gap.end(), high)
    if block_end - start > PAIR_MAX or block_end <= gap.end():
        return end
    return block_end if doc.page_at(start) == doc.page_at(block_end - 1) else end


def _block_end(text: str, opening: int, high: int) -> int:
    """The end of the code block opening at `opening` (before `high`): its closing backtick
    fence's line, or its last line before a blank one (`_closes_block`) when no line ends a
    sentence nor is a heading or table row; else `opening` (no code block)."""
    if _BACKTICK_FENCE.match(text, opening):
        fence = _BACKTICK_FENCE.search(text, text.find("\n", opening) + 1, high)
        return line_end(text, fence.start()) if fence else opening
    following = _BLANK_LINE.search(text, opening, high)
    block = text[opening : following.start() if following else high].rstrip()
    for line in block.split("\n"):
        bare = line.strip()
        if bare.endswith(tuple(".!?")) or is_markdown_heading(bare) or bare.startswith("|"):
            return opening
    closing = opening + len(block)
    return closing if following or _closes_block(text, closing) else opening


def _closes_block(text: str, offset: int) -> bool:
    """Whether a block's text stops at `offset`: the text's end, a blank line or a heading line
    after it (a block running to its chunk's end may go on in the next chunk)."""
    if not text[offset:].strip() or _BLANK_LINE.match(text, offset):
        return True
    return is_markdown_heading(text[offset : line_end(text, offset + 1)].strip())


def _value_only_after(terms: QuestionTerms, quote: str, following: str) -> bool:
    """Whether the question (`terms`) asks a share or a date (VALUE_KINDS) that the `quote`
    does not hold and the `following` sentence does: "Amorcé en 1947, ce
    projet…" after the sentence naming the project asked "Quand a débuté…" (PIAF dev)."""
    wants = Wants.of(terms.focus)
    if not wants.kinds & VALUE_KINDS:
        return False
    return not holds_asked_value(wants, quote) and holds_asked_value(wants, following)


def _writes_question_word(terms: QuestionTerms, tokens: frozenset[str]) -> bool:
    """Whether a sentence's `tokens` hold a word of the question (`terms`): "ce projet" of
    "Amorcé en 1947, ce projet…" asked "Quand a débuté le projet…", not "It was painted red in
    1950" after the sentence asked "When was the footbridge built?" (a date of another event;
    s22 review). A word of the subject (`_subject`) counts: a PIAF paragraph's title repeats its
    opening, "Le projet…", and the date of that project is asked."""
    focus = terms.own_terms
    return any(alternatives & tokens for alternatives, _ in focus)


def _subject(bank: SentenceBank, doc: Document, chunk: Chunk) -> frozenset[str]:
    """The tokens of the document's title and the passage's heading: a question word they
    write names the subject the quote is about, not what the question asks of it ("chaleur"
    of "le réseau de chaleur" in a note on the heating network)."""
    return bank.section_tokens(chunk) | frozenset(query_tokens(doc.title))


def _apart(bank: SentenceBank, doc: Document, other: int, edge: int, after: bool = False) -> bool:
    """Whether sentence `other` stands apart from the quote edge at `edge` (the quote's start,
    or with `after` its end): another paragraph, page, a markup line between, a table row, a
    heading line, or another list item."""
    sentence = bank.sentences[other]
    low, high = (edge, sentence.start) if after else (sentence.end, edge)
    if bank.table_header(other) is not None or bank.is_table_frame(other):
        return True
    latex = doc.latex
    if _BLANK_LINE.search(doc.text, low, high) or markup_between(doc.text, low, high, latex):
        return True
    if _heading_line(doc.text, sentence.start, sentence.end):
        return True
    if _opens_item(doc.text, sentence.start if after else edge):
        return True
    pages = (edge - 1, sentence.end - 1) if after else (sentence.start, edge)
    return doc.page_at(pages[0]) != doc.page_at(pages[1])


def _heading_line(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a line alone without a sentence's end: a heading of plain text
    ("MIGRATION") or Markdown ("## Migration")."""
    line_open, line_close = line_start(text, start), line_end(text, end)
    if text[line_open:start].strip() or text[end:line_close].strip():
        return False
    line = text[line_open:line_close].rstrip()
    return is_markdown_heading(line) or (line != "" and line[-1] not in LINE_ENDS)


def _opens_item(text: str, start: int) -> bool:
    """Whether the sentence at `start` opens a list item: only the item's mark ("- ", "2. ")
    stands before it on its line, so the sentence before is another item or the mark alone."""
    line_open = line_start(text, start)
    mark = LIST_MARKER.match(text, line_open)
    return mark is not None and start <= mark.end()


def _cut_piece(text: str, start: int) -> bool:
    """Whether the sentence at `start` is a piece cut from a longer one, not a whole sentence: a
    sentence longer than a chunk is cut at a blank (chunking._cut_long) and the index's
    sentences are split within each chunk, so its tail piece follows a word on its line. A
    whole sentence opens a line, or follows a sentence's end (SENTENCE_ENDS, a closing mark)
    or markup ("- ", "> "): never a letter or digit. A 120 KB sentence's last 300 characters
    were taken in as "the sentence before" "It is 5 mg…" (hostile probe, session 17). A cut
    falls at a line break too (_cut_long cuts at any whitespace), so one line break (LF or
    CRLF) after a letter or digit is inside a sentence as a blank is: a line ending in a word
    carries its sentence on (language._continues); a blank line does not. Inferred from the
    text, not marked on the sentence rows: a mark there is a column of the index's sentence
    table, a new index format for every index."""
    at = _before_blanks(text, start - 1)
    if at >= 0 and text[at] == "\n":
        at = _before_blanks(text, at - 1 - (at > 0 and text[at - 1] == "\r"))
    return at >= 0 and text[at].isalnum()


def _before_blanks(text: str, at: int) -> int:
    """Where the last character at or before `at` that is no space, tab nor NBSP lies (-1)."""
    while at >= 0 and text[at] in " \t\u00a0":
        at -= 1
    return at


def _refers_back(text: str, start: int) -> bool:
    """Whether the sentence at `start` opens by referring back (`_back_openers`), its first word
    not in capitals ("IT support", "CA 2023" are no "it", "ça"), not followed by a parenthesis
    or a member access, and the sentence not inside a code fence."""
    if not _back_openers().match(_opening(text, start)):
        return False
    word = _OPENING_WORD.match(text, start)
    if word is None or (len(word.group(1)) > 1 and word.group(1).isupper()):
        return False
    if _NOT_A_PRONOUN.match(text, word.end()):
        return False
    return len(_BACKTICK_FENCE.findall(text, 0, start)) % 2 == 0


def _opening(text: str, start: int) -> str:
    """The folded opening of the sentence at `start`."""
    return fold(text[start : start + OPENER_REACH])
