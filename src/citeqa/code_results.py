"""What a quote of code, or of a line leading into a block, needs after it: the code's result,
the block's first lines (s33 trial: a SQL query quoted without "cette requête renvoie 4
lignes" under it, a formula's lead-in "…at a point x:" without the formula).

Three rules widen or replace a quote of a Markdown document (a notebook's text too:
readers/notebook.py fences its code cells and writes each output as an "```output" block),
always as one span of exact source characters within PAIR_MAX characters (quote_context.py),
whole or not at all;
code and its result are cited as two spans, the fence lines between them left out:

- result: a quote ending in a code fence (fences.py; not an output block) is read to the
  fence's last line (a "# [20, 40, 60]" comment showing what the code prints), then takes in
  the result the document writes right after the fence (at most one blank line between, same
  page): the lines of the output block there, or the first sentence of the next paragraph
  when it is prose (no heading, fence, table row, list item, enumerator, bold phrase nor label
  opening the next exercise: "**Exercise 2.**", "Question 3:"; no question) that refers back to
  the code (a result word of citeqa/data/code_results.json: "Result: 23 rows.", "…this query
  returns 4 rows…") or holds the value asked and shares a word with the question.
  When the question asks a kind of value (answer_features.Wants: "how many" asks a number)
  that the code lacks and the result holds, the result alone is quoted: a query counting rows
  by genre writes no count, "Drama leads with 412 films" does.
- statement: a quote ending its line right above a code block (an exercise's statement), when
  the question asks a kind of value the quote lacks and the code's result (as above) holds,
  gives way to that result: "Give the number of films by genre." over its query, then "Drama
  leads with 412 films" asked how many films the first genre has; only a result sharing a
  content word with the question or the statement, and, for a count, writing no duration,
  date nor amount of money ("This takes about 5 minutes" counts no dependencies).
- block: a quote ending its line with a colon ("…at a point x:"), no heading, takes in the first
  lines of the block under it (at most one blank line between; a block opens with a fence, a
  list item, an indented line, a table row, or a line ending no sentence: a formula), whole
  lines while the quote fits PAIR_MAX; the quote stays as it was when not one line fits. A
  table's rows or a list's items are taken in only up to the last one sharing a word with the
  question: "note the following:" over items about the bar and parking, asked about a dog,
  stays alone.
"""

from __future__ import annotations

import bisect
import re
from functools import cache, cached_property

from citeqa.answer_features import Wants, holds_asked_value
from citeqa.asked_values import writes_kind
from citeqa.durations import DURATION, holds_duration
from citeqa.fences import Fences, cached_fences, is_output_fence
from citeqa.glossary import fold
from citeqa.jsonfiles import data_json
from citeqa.language import is_markdown_heading, line_end, line_start
from citeqa.lexical import query_tokens, terms_both_ways
from citeqa.markup import opens_item
from citeqa.models import Document
from citeqa.questions import QuestionTerms
from citeqa.quote_context import PAIR_MAX
from citeqa.sentences import SentenceBank

_GAP = re.compile(r"[ \t]*\r?\n(?:[ \t]*\r?\n)?")
"""The line break ending a line, and at most one blank line after it."""
_FENCE_LINE = re.compile(r"[ \t]{0,3}(?:`{3,}|~{3,})")
"""A fence line's opening."""
_BOLD_OPENING = re.compile(r"[ \t]*(?:\*\*|__)([^*_\n]+)(?:\*\*|__)")
"""A paragraph opening with a bold phrase: the next exercise ("**Exercice 2.**", "**Question
suivante**"), no result of the code above it (unless the phrase is a result word)."""
_ENUMERATOR = re.compile(r"[ \t]*(?:\d{1,3}|[a-zA-Z])[.)][ \t]")
"""A paragraph opening with an enumerator: "2. Count…", "a) Give…"."""
_LEAD_IN_END = re.compile(r":[ \t*_`]*$")
"""How a lead-in line ends: a colon, emphasis marks or blanks after it."""
_SENTENCE_ENDS = tuple(".!?")
"""How a line of prose ends; a block's line (a formula, code) ends otherwise."""


def with_result_or_block(
    bank: SentenceBank, index: int, span: tuple[int, int], terms: QuestionTerms | None
) -> list[tuple[int, int]]:
    """The quote `span` of sentence `index` widened by the module's rules (result, block), or
    the result it gives way to (result, statement): one span, or the code and its result as
    two (the closing fence and the output's opening fence between them left out)."""
    doc = bank.documents[bank.sentences[index].doc_id]
    start, end = span
    if doc.kind != "md" or end <= start:
        return [span]
    asked = None if terms is None else _Asked(terms.focus)
    fences = cached_fences(doc.text)
    fence = fences.around(end - 1)
    if fence is not None:
        return _with_result(bank, doc, fence, span, asked)
    statement = _result_of_code_below(bank, doc, fences, span, asked)
    return [statement if statement is not None else (start, _with_block(doc, start, end, asked))]


class _Asked:
    """What the question (its `focus`) asks, each read once a quote and only when a rule first
    needs it: the kinds of value it asks (answer_features.Wants) and its terms
    (lexical.query_tokens)."""

    def __init__(self, focus: str) -> None:
        self.focus = focus

    @cached_property
    def wants(self) -> Wants:
        """The kinds of value the question asks."""
        return Wants.of(self.focus)

    @cached_property
    def tokens(self) -> frozenset[str]:
        """The question's terms, stemmed both ways."""
        return frozenset(query_tokens(self.focus))


def _result_of_code_below(
    bank: SentenceBank,
    doc: Document,
    fences: Fences,
    span: tuple[int, int],
    asked: _Asked | None,
) -> tuple[int, int] | None:
    """The result written under the code block right after the quote `span` (the `statement`
    rule: an exercise's statement, its code, then its result), when the question asks a value
    the quote lacks and the result holds; else None."""
    text = doc.text
    if asked is None or text[span[1] : line_end(text, span[1])].strip():
        return None
    gap = _GAP.match(text, line_end(text, span[1]))
    code = fences.around(gap.end()) if gap is not None else None
    if code is None or gap is None or code[0] != gap.end() or is_output_fence(text, code[0]):
        return None
    result = _result_after(bank, doc, code[1], asked)
    if result is None or holds_asked_value(asked.wants, text[span[0] : span[1]]):
        return None
    written = text[result[0] : result[1]]
    if not holds_asked_value(asked.wants, written) or _count_off_kind(asked.wants, written):
        return None
    shared = asked.tokens | terms_both_ways(text[span[0] : span[1]])
    return result if terms_both_ways(written) & shared else None


def _count_off_kind(wants: Wants, written: str) -> bool:
    """Whether the question asks a count (a number, no duration) and `written` holds a duration,
    a date or an amount of money: "This takes about 5 minutes" counts no dependencies."""
    if "number" not in wants.kinds or DURATION in wants.kinds:
        return False
    if holds_duration(frozenset({DURATION}), fold(written)):
        return True
    return writes_kind("date", written) or writes_kind("amount", written)


def _with_result(
    bank: SentenceBank,
    doc: Document,
    fence: tuple[int, int],
    span: tuple[int, int],
    asked: _Asked | None,
) -> list[tuple[int, int]]:
    """The quote `span`, ending in the code `fence`, and the code's result as a second span
    (the `result` rule), or the result alone (the question asks a value only the result
    holds)."""
    text = doc.text
    start, end = span
    if is_output_fence(text, fence[0]) or end <= line_end(text, fence[0]):
        return [span]  # an output is a result itself; a fence line alone is no code
    code_end = max(end, _content_end(text, fence))
    result = _result_after(bank, doc, fence[1], asked)
    if result is not None and asked is not None:
        code, written = text[start:code_end], text[result[0] : result[1]]
        if not holds_asked_value(asked.wants, code) and holds_asked_value(asked.wants, written):
            return [result]
    if code_end - start > PAIR_MAX:
        return [span]
    if result is not None and code_end - start + result[1] - result[0] <= PAIR_MAX:
        return [(start, code_end), result]
    return [(start, code_end)]


def _content_end(text: str, fence: tuple[int, int]) -> int:
    """Where the last line inside `fence` (its lines but the fence lines) ends."""
    closing = line_start(text, fence[1] - 1)
    return len(text[fence[0] : closing].rstrip()) + fence[0]


def _result_after(
    bank: SentenceBank, doc: Document, after: int, asked: _Asked | None
) -> tuple[int, int] | None:
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
    if is_output_fence(text, line):
        output = cached_fences(text).around(line)
        if output is None or output[0] != line:
            return None
        opening = line_end(text, line) + 1
        closing = _content_end(text, output)
        return (opening, closing) if closing > opening else None
    if not _prose_line(text, line, written):
        return None
    sentence = _sentence_on_line(bank, doc, line, line + len(written))
    if sentence is None or not _refers_back(text[sentence[0] : sentence[1]], asked):
        return None
    return sentence


def _prose_line(text: str, line: int, written: str) -> bool:
    """Whether the line `written`, opening at `line`, opens a paragraph of prose: no heading,
    fence, table row, list item, nor numbered bold label."""
    bare = written.strip()
    if is_markdown_heading(bare) or bare.startswith("|") or _FENCE_LINE.match(written):
        return False
    if opens_item(text, line) is not None or _ENUMERATOR.match(written):
        return False
    bold = _BOLD_OPENING.match(written)
    if bold is not None and not _result_word_in(fold(bold.group(1))):
        return False
    return _LABEL.match(fold(written)) is None


def _refers_back(sentence: str, asked: _Asked | None) -> bool:
    """Whether the prose `sentence` after a code block is its result: it refers back to the
    code (a result word: "returns", "affiche", "résultat"), or it holds the value the question
    asks and shares a content word with it; never a question itself."""
    if sentence.rstrip(" \t*_").endswith("?"):
        return False
    if _result_word_in(fold(sentence)):
        return True
    if asked is None or not holds_asked_value(asked.wants, sentence):
        return False
    return bool(terms_both_ways(sentence) & asked.tokens)


def _result_word_in(folded: str) -> bool:
    """Whether the folded text holds a result word (citeqa/data/code_results.json)."""
    return _RESULT_WORDS.search(folded) is not None


@cache
def _words_pattern(key: str) -> re.Pattern[str]:
    """A pattern finding any word of citeqa/data/code_results.json's `key` lists (all
    languages), whole."""
    lists = data_json("code_results.json")[key].values()
    words = sorted({w for words in lists for w in words}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)")


_RESULT_WORDS = _words_pattern("result_words")
_LABEL = re.compile(
    r"[ \t]*(?:" + _words_pattern("label_words").pattern + r")"
    r"[ \t]*(?:\d|(?:[a-z]\b)?[ \t]*[:.)\u2013-])"
)
"""A paragraph opening with a label word, maybe numbered, then a colon, point or dash
("Exercise 2:", "Question :", "Q2."), or numbered ("Exercice 3 Donner…")."""


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


def _with_block(doc: Document, start: int, end: int, asked: _Asked | None) -> int:
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
    if not _opens_rows(text, gap.end()):
        return _block_lines_end(doc, start, end, gap.end(), None)
    if asked is None:
        return end
    return _block_lines_end(doc, start, end, gap.end(), asked.tokens)


def _opens_rows(text: str, line: int) -> bool:
    """Whether the block opening at `line` is a table or a list (rows or items that answer
    one by one), no formula nor code."""
    return text[line : line + 4].lstrip(" \t").startswith("|") or opens_item(text, line) is not None


def _opens_block(text: str, line: int) -> bool:
    """Whether the line opening at `line` opens a block: a fence, list item, indented line,
    table row, or a line ending no sentence (a formula); no blank line nor heading."""
    written = text[line : line_end(text, line)].rstrip()
    if not written.strip() or is_markdown_heading(written.strip()):
        return False
    if _FENCE_LINE.match(written) or opens_item(text, line) is not None:
        return True
    return written[0] in " \t|" or not written.endswith(_SENTENCE_ENDS)


def _block_lines_end(
    doc: Document, start: int, end: int, line: int, asked: frozenset[str] | None
) -> int:
    """The end of the block's whole lines from `line` on (up to a blank line, a heading or
    another page) that a quote opening at `start` takes in within PAIR_MAX; `end` for none.
    With `asked` (the question's words; a table or list), only up to the last line sharing
    one of them: rows or items that do not answer stay out."""
    text, reach = doc.text, end
    while line < len(text):
        close = line_end(text, line)
        row = text[line:close].rstrip()
        if not row.strip() or is_markdown_heading(row.strip()) or close - start > PAIR_MAX:
            break
        if doc.page_at(line) != doc.page_at(start):
            break
        if asked is None or terms_both_ways(row) & asked:
            reach = line + len(row)
        line = close + (2 if text.startswith("\r\n", close) else 1)
    return reach
