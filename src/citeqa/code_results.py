"""What a quote of code, or of a line leading into a block, needs after it: the code's result,
the block's first lines (s33 trial: a SQL query quoted without "cette requête renvoie 4
lignes" under it, a formula's lead-in "…at a point x:" without the formula).

Two rules widen a quote of a Markdown document (a notebook's text too: readers/notebook.py
fences its code cells and writes each output as an "```output" block), always as one span of
exact source characters within PAIR_MAX characters (quote_context.py), whole or not at all:

- result: a quote ending in a code fence (fences.py; not an output block) is read to the
  fence's last line (a "# [20, 40, 60]" comment showing what the code prints), then takes in
  the result the document writes right after the fence (at most one blank line between, same
  page): the lines of the output block there, or the first sentence of the next paragraph
  when it is prose (no heading, fence, table row, list item, nor a numbered bold label opening
  the next exercise: "**Exercise 2.**"): "Result: 23 rows.", "…this query returns 4 rows…".
  When the question asks a kind of value (answer_features.Wants: "how many" asks a number)
  that the code lacks and the result holds, the result alone is quoted: a query counting rows
  by genre writes no count, "Drama leads with 412 films" does.
- statement: a quote ending its line right above a code block (an exercise's statement), when
  the question asks a kind of value the quote lacks and the code's result (as above) holds,
  gives way to that result: "Give the number of films by genre." over its query, then "Drama
  leads with 412 films" asked how many films the first genre has.
- block: a quote ending its line with a colon ("…at a point x:"), no heading, takes in the first
  lines of the block under it (at most one blank line between; a block opens with a fence, a
  list item, an indented line, a table row, or a line ending no sentence: a formula), whole
  lines while the quote fits PAIR_MAX; the quote stays as it was when not one line fits.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from citeqa.answer_features import Wants, holds_asked_value
from citeqa.fences import Fences, code_fences
from citeqa.language import is_markdown_heading, line_end, line_start
from citeqa.markup import opens_item
from citeqa.models import Document
from citeqa.questions import QuestionTerms
from citeqa.quote_context import PAIR_MAX
from citeqa.sentences import SentenceBank

_GAP = re.compile(r"[ \t]*\r?\n(?:[ \t]*\r?\n)?")
"""The line break ending a line, and at most one blank line after it."""
_OUTPUT_FENCE = re.compile(r"[ \t]{0,3}(?:`{3,}|~{3,})output[ \t]*\r?$", re.MULTILINE)
"""An output block's opening fence line (readers/notebook.py writes a cell's outputs so)."""
_FENCE_LINE = re.compile(r"[ \t]{0,3}(?:`{3,}|~{3,})")
"""A fence line's opening."""
_NUMBERED_LABEL = re.compile(r"[ \t]*(?:\*\*|__)[^*_\n]*[.\d)][ \t]*(?:\*\*|__)")
"""A paragraph opening with a numbered bold label: the next exercise ("**Exercice 2.**"), no
result of the code above it."""
_LEAD_IN_END = re.compile(r":[ \t*_`]*$")
"""How a lead-in line ends: a colon, emphasis marks or blanks after it."""
_SENTENCE_ENDS = tuple(".!?")
"""How a line of prose ends; a block's line (a formula, code) ends otherwise."""


@lru_cache(maxsize=8)
def _fences(text: str) -> Fences:
    """The code fences of `text`, found once for the last few documents quoted (a str keeps
    its hash, so looking a document up again costs no pass over its text)."""
    return code_fences(text)


def with_result_or_block(
    bank: SentenceBank, index: int, span: tuple[int, int], terms: QuestionTerms | None
) -> tuple[int, int]:
    """The quote `span` of sentence `index` widened by the module's rules (result, block), or
    the result it gives way to (result, statement)."""
    doc = bank.documents[bank.sentences[index].doc_id]
    start, end = span
    if doc.kind != "md" or end <= start:
        return span
    fences = _fences(doc.text)
    fence = fences.around(end - 1)
    if fence is not None:
        return _with_result(bank, doc, fence, span, terms)
    statement = _result_of_code_below(bank, doc, fences, span, terms)
    return statement if statement is not None else (start, _with_block(doc, start, end))


def _result_of_code_below(
    bank: SentenceBank,
    doc: Document,
    fences: Fences,
    span: tuple[int, int],
    terms: QuestionTerms | None,
) -> tuple[int, int] | None:
    """The result written under the code block right after the quote `span` (the `statement`
    rule: an exercise's statement, its code, then its result), when the question asks a value
    the quote lacks and the result holds; else None."""
    text = doc.text
    if terms is None or text[span[1] : line_end(text, span[1])].strip():
        return None
    gap = _GAP.match(text, line_end(text, span[1]))
    code = fences.around(gap.end()) if gap is not None else None
    if code is None or gap is None or code[0] != gap.end() or _OUTPUT_FENCE.match(text, code[0]):
        return None
    result = _result_after(bank, doc, code[1])
    wants = Wants.of(terms.focus)
    if result is None or holds_asked_value(wants, text[span[0] : span[1]]):
        return None
    return result if holds_asked_value(wants, text[result[0] : result[1]]) else None


def _with_result(
    bank: SentenceBank,
    doc: Document,
    fence: tuple[int, int],
    span: tuple[int, int],
    terms: QuestionTerms | None,
) -> tuple[int, int]:
    """The quote `span`, ending in the code `fence`, with the code's result (the `result`
    rule), or the result alone (the question asks a value only the result holds)."""
    text = doc.text
    start, end = span
    if _OUTPUT_FENCE.match(text, fence[0]) or end <= line_end(text, fence[0]):
        return span  # an output is a result itself; a fence line alone is no code
    code_end = max(end, _content_end(text, fence))
    result = _result_after(bank, doc, fence[1])
    if result is not None and terms is not None:
        wants = Wants.of(terms.focus)
        code, written = text[start:code_end], text[result[0] : result[1]]
        if not holds_asked_value(wants, code) and holds_asked_value(wants, written):
            return result
    if result is not None and result[1] - start <= PAIR_MAX:
        return start, result[1]
    return (start, code_end) if code_end - start <= PAIR_MAX else span


def _content_end(text: str, fence: tuple[int, int]) -> int:
    """Where the last line inside `fence` (its lines but the fence lines) ends."""
    closing = line_start(text, fence[1] - 1)
    return len(text[fence[0] : closing].rstrip()) + fence[0]


def _result_after(bank: SentenceBank, doc: Document, after: int) -> tuple[int, int] | None:
    """The span of the result written right after a code fence ending at `after`: the lines of
    an output block, or the first sentence of a paragraph of prose (module docstring); None."""
    text = doc.text
    gap = _GAP.match(text, after)
    if gap is None or gap.end() >= len(text):
        return None
    line = gap.end()
    written = text[line : line_end(text, line)]
    if not written.strip() or doc.page_at(line) != doc.page_at(after - 1):
        return None
    if _OUTPUT_FENCE.match(text, line):
        output = _fences(text).around(line)
        if output is None or output[0] != line:
            return None
        opening = line_end(text, line) + 1
        closing = _content_end(text, output)
        return (opening, closing) if closing > opening else None
    if not _prose_line(text, line, written):
        return None
    return _sentence_on_line(bank, doc, line, line + len(written))


def _prose_line(text: str, line: int, written: str) -> bool:
    """Whether the line `written`, opening at `line`, opens a paragraph of prose: no heading,
    fence, table row, list item, nor numbered bold label."""
    bare = written.strip()
    if is_markdown_heading(bare) or bare.startswith("|") or _FENCE_LINE.match(written):
        return False
    return opens_item(text, line) is None and _NUMBERED_LABEL.match(written) is None


def _sentence_on_line(
    bank: SentenceBank, doc: Document, line: int, close: int
) -> tuple[int, int] | None:
    """The span of the first sentence of `doc` opening on the line from `line` to `close`."""
    numbers, starts = bank.sentences.in_document(doc.doc_id)
    position = bisect.bisect_left(starts, line)
    if position >= len(starts) or starts[position] >= close:
        return None
    sentence = bank.sentences[numbers[position]]
    return sentence.start, sentence.end


def _with_block(doc: Document, start: int, end: int) -> int:
    """The end of the first lines of the block a quote ending its line with a colon leads into
    (the `block` rule), within PAIR_MAX characters from `start`; else `end`."""
    text = doc.text
    close = line_end(text, end - 1)
    if text[end:close].strip():
        return end  # the quote stops inside its line
    written = text[line_start(text, end - 1) : close].rstrip()
    if not _LEAD_IN_END.search(written) or is_markdown_heading(written.strip()):
        return end
    gap = _GAP.match(text, close)
    if gap is None or not _opens_block(text, gap.end()):
        return end
    return _block_lines_end(doc, start, end, gap.end())


def _opens_block(text: str, line: int) -> bool:
    """Whether the line opening at `line` opens a block: a fence, list item, indented line,
    table row, or a line ending no sentence (a formula); no blank line nor heading."""
    written = text[line : line_end(text, line)].rstrip()
    if not written.strip() or is_markdown_heading(written.strip()):
        return False
    if _FENCE_LINE.match(written) or opens_item(text, line) is not None:
        return True
    return written[0] in " \t|" or not written.endswith(_SENTENCE_ENDS)


def _block_lines_end(doc: Document, start: int, end: int, line: int) -> int:
    """The end of the block's whole lines from `line` on (up to a blank line, a heading or
    another page) that a quote opening at `start` takes in within PAIR_MAX; `end` for none."""
    text, reach = doc.text, end
    while line < len(text):
        close = line_end(text, line)
        row = text[line:close].rstrip()
        if not row.strip() or is_markdown_heading(row.strip()) or close - start > PAIR_MAX:
            break
        if doc.page_at(line) != doc.page_at(start):
            break
        reach = line + len(row)
        line = close + (2 if text.startswith("\r\n", close) else 1)
    return reach
