"""What a build tallies one document at a time, so that memory grows with the vocabulary rather
than with the corpus: the BM25 term ids of each chunk (`TermIds`, one int32 each), each
document's sentences (`document_sentences`, integer rows) and the number of sentences holding
each token (`SentenceFrequency`, the sum of each document's counts, doctally.measure); and
`text_pieces`, which cuts a long text where no word or compound name can span the cut, so that
folding it (glossary.fold, several copies of its input) costs a piece at a time rather than a
whole 50 MB document's.
"""

from __future__ import annotations

import bisect
import re
import sys
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import cache, partial
from typing import overload

import numpy as np

from citeqa.blocks import fenced_line_starts
from citeqa.language import line_start, split_sentences, trim_span
from citeqa.latex import latex_comment_spans
from citeqa.markup import front_matter_chars, is_no_text, note_markup_opening, rst_comment_spans
from citeqa.models import LATEX_KIND

FRONT_MATTER_KINDS = frozenset({"md"})
"""The kinds of document (models.Document.kind) whose opening "---" block of YAML may be front
matter: Markdown (notes apps, Jekyll, Hugo, Pandoc). A .txt, .rst or slide text's "---" is a
rule or a title's overline, and what stands under it is text (an HTML page's front matter is
gone from its visible text)."""
PIECE_CHARS = 1 << 16
"""About how many characters `text_pieces` gives at a time."""
ROWS_AT_A_TIME = 4096
"""Sentence rows turned into Python integers at a time."""
_CUT = re.compile(r"\s[A-Za-z]")
"""A cut point: whitespace then an ASCII letter, where no word, number or compound name (which
joins a word to a following number across a space: compounds.py) can continue."""


def text_pieces(text: str, size: int = PIECE_CHARS) -> Iterator[str]:
    """`text` in consecutive pieces of about `size` characters or more, each cut after a
    whitespace character followed by an ASCII letter (a text without one is one piece)."""
    start = 0
    while len(text) - start > size:
        found = _CUT.search(text, start + size)
        if found is None:
            break
        yield text[start : found.start() + 1]
        start = found.start() + 1
    yield text[start:]


class TermIds(Sequence[list[int]]):
    """Each chunk's BM25 terms as ids (the vocabulary numbers terms in order of first
    appearance, as `LexicalIndex.build` does), stored flat: what `LexicalIndex.of_ids` indexes."""

    def __init__(self) -> None:
        self.vocab: dict[str, int] = {}
        self._ids = array("i")
        self._ends = array("q", [0])

    def add(self, tokens: Iterable[str]) -> None:
        """Append one chunk's terms."""
        vocab = self.vocab
        self._ids.extend([vocab.setdefault(token, len(vocab)) for token in tokens])
        self._ends.append(len(self._ids))

    def __len__(self) -> int:
        return len(self._ends) - 1

    @overload
    def __getitem__(self, index: int) -> list[int]: ...
    @overload
    def __getitem__(self, index: slice) -> list[list[int]]: ...
    def __getitem__(self, index: int | slice) -> list[int] | list[list[int]]:
        if isinstance(index, slice):
            return [self[n] for n in range(*index.indices(len(self)))]
        if not -len(self) <= index < len(self):
            raise IndexError(index)
        index %= len(self)
        return self._ids[self._ends[index] : self._ends[index + 1]].tolist()

    def __iter__(self) -> Iterator[list[int]]:
        for start, end in zip(self._ends, self._ends[1:], strict=False):
            yield self._ids[start:end].tolist()

    def arrays(self) -> tuple[np.ndarray, np.ndarray]:
        """The flat ids (int32) and where each chunk's run ends (int64, from a leading 0)."""
        return np.frombuffer(self._ids, dtype=np.int32), np.frombuffer(self._ends, dtype=np.int64)

    def token_rows(self) -> TokenRows:
        """Every chunk's terms as strings, each chunk's made when asked for."""
        return TokenRows(self, list(self.vocab))


class TokenRows(Sequence[list[str]]):
    """A chunk's terms as strings (`TermIds.token_rows`), made from their ids on access."""

    def __init__(self, ids: TermIds, words: list[str]) -> None:
        self._ids, self._words = ids, words

    def __len__(self) -> int:
        return len(self._ids)

    @overload
    def __getitem__(self, index: int) -> list[str]: ...
    @overload
    def __getitem__(self, index: slice) -> list[list[str]]: ...
    def __getitem__(self, index: int | slice) -> list[str] | list[list[str]]:
        if isinstance(index, slice):
            return [self[n] for n in range(*index.indices(len(self)))]
        words = self._words
        return [words[term] for term in self._ids[index]]


def document_sentences(text: str, chunks: Iterable[tuple[int, int, int]], kind: str) -> np.ndarray:
    """The sentences of one document's chunks, given as (chunk number, start, end): rows of
    (chunk number, start, end), each sentence once with the first chunk holding it, sorted by
    start then end; sentences without a letter or digit are left out, and so are markup lines
    (a code fence "```shell", a bare RST directive, a line of images or links alone:
    markup.is_no_text) and, in a document
    whose `kind` (models.Document.kind) is "rst", sentences inside an RST comment
    (markup.rst_comment_spans: text a reader of the page never sees). A ".. line" with lines
    indented under it in a .txt or .md file is text its reader sees, and is kept. Nor is any
    sentence of the YAML front matter opening a Markdown text (FRONT_MATTER_KINDS;
    markup.front_matter_chars, lines that all read as YAML: a note's
    "title: …", "tags: […]" keys, which a reader's app shows as properties, not as the note's
    text; its closing "---" ends every sentence above it): no quote is taken from it, while its
    words stay in its chunk's passage, so "tags: [travel]" or "author: Kazuo Ishiguro" still
    finds the note. A Markdown sentence opening its line outside a code fence starts past the
    markup opening it that the rendered note never shows as words (`_markup_opening`: "> ",
    "> [!note] ", "[^1]: "), and a line of
    tags alone ("#lumen #copil") or a wikilink embed ("![[pic.png]]") is no sentence
    (markup.is_no_text)."""
    found = array("q")
    comments = rst_comment_spans(text) if kind == "rst" else []
    latex = kind == LATEX_KIND
    latex_comments = latex_comment_spans(text) if latex else []
    body = front_matter_chars(text) if kind in FRONT_MATTER_KINDS else 0
    fenced = cache(partial(fenced_line_starts, text))  # only once a sentence opens with markup
    for number, start, end in chunks:
        start = max(start, body)
        for first, last in split_sentences(text, start, end, latex) if start < end else ():
            if kind == "md":
                first += _markup_opening(text, first, last, fenced)
            for piece_first, piece_last in _outside(text, latex_comments, first, last):
                piece = text[piece_first:piece_last]
                if _is_text(piece, latex) and not _inside(comments, piece_first, piece_last):
                    found.extend((number, piece_first, piece_last))
    rows = np.frombuffer(found, dtype=np.int64).reshape(-1, 3)
    rows = rows[np.lexsort((rows[:, 0], rows[:, 2], rows[:, 1]))]
    new = np.ones(len(rows), dtype=bool)
    new[1:] = (rows[1:, 1] != rows[:-1, 1]) | (rows[1:, 2] != rows[:-1, 2])
    return rows[new]


def _markup_opening(text: str, first: int, last: int, fenced: Callable[[], frozenset[int]]) -> int:
    """The length of the notes markup opening the Markdown sentence `text[first:last]`
    (markup.note_markup_opening): only at its line's start (language.line_start: after a LF,
    CRLF or bare CR, as `fenced` numbers lines), outside a code fence (`fenced`:
    blocks.fenced_line_starts, asked only of a sentence the markup opens), where a "> " is a
    blockquote mark and not a prompt or a comparison of code ("```console\\n> echo hi"); 0
    elsewhere."""
    opening = note_markup_opening(text[first:last])
    if not opening:
        return 0
    start = line_start(text, first)
    if text[start:first].strip() or start in fenced():
        return 0
    return opening


def _is_text(sentence: str, latex: bool = False) -> bool:
    """Whether a sentence holds a letter or digit and is no markup line or line of links and
    images alone (markup.is_no_text; `latex`: of a LaTeX source)."""
    return any(char.isalnum() for char in sentence) and not is_no_text(sentence, latex)


def _outside(
    text: str, spans: list[tuple[int, int]], start: int, end: int
) -> list[tuple[int, int]]:
    """The parts of text[start:end] outside `spans` (sorted, none overlapping: a .tex file's
    `%` comments, latex.latex_comment_spans), each trimmed of its blanks by its bounds only
    where a comment cut it: the whole span when none meets it."""
    at = max(0, bisect.bisect_right(spans, (start, sys.maxsize)) - 1)
    parts, cursor = [], start
    for span_start, span_end in spans[at:]:
        if span_start >= end:
            break
        if span_end <= cursor:
            continue
        parts.append((cursor, max(cursor, span_start)))
        cursor = max(cursor, span_end)
    if cursor == start:
        return [(start, end)]
    parts.append((cursor, end))
    return [trim_span(text, *part) for part in parts if part[0] < part[1]]


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether text[start:end] lies within one of `spans` (sorted, none overlapping)."""
    at = bisect.bisect_right(spans, (start, sys.maxsize)) - 1
    return at >= 0 and spans[at][0] <= start and end <= spans[at][1]


def whole_chunk_sentences(
    found: np.ndarray, spans: Sequence[tuple[int, int, int]], plain: Iterable[int]
) -> np.ndarray:
    """The positions in `found` (`document_sentences` rows) of the sentences that are the whole
    of their chunk, given as (number, start, end) in `spans`, when the chunk's passage text is
    its text (its number in `plain`): the sentence's vector is the chunk's. A text without
    sentence ends (one long line) has one such sentence per chunk; prose has few or none."""
    plain = set(plain)
    bounds = {number: (start, end) for number, start, end in spans if number in plain}
    if not bounds:
        return np.zeros(0, dtype=np.int64)
    whole = [at for at, (n, s, e) in enumerate(found.tolist()) if bounds.get(n) == (s, e)]
    return np.asarray(whole, dtype=np.int64)


class SentenceFrequency:
    """How many sentences hold each BM25 token (a sentence's tokens in its chunk's language),
    added up a document at a time."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.sentences = 0

    def add(self, counts: Mapping[str, int], sentences: int) -> None:
        """Count one document's `sentences`, given how many of them hold each token
        (doctally.DocumentTally.frequency)."""
        self.counts.update(counts)
        self.sentences += sentences
