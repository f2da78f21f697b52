"""Cut a Document into Chunks whose offsets always map back to the source text.

Pure functions, no I/O. The text is read as lines, lines are grouped into blocks (paragraphs,
bullet lists, tables, headings), blocks into sentence-sized segments, and segments are packed
into chunks of at most `size` characters. Invariants, for every chunk `c` of a document `d`:
`d.text[c.start:c.end] == c.text`; `c.text` neither starts nor ends with whitespace;
`len(c.text) <= size`; together the chunks cover every non-whitespace character of `d.text`.

Also here: `section_of` (the heading a quote stands under), `section_bounds` (the stretch of a
chunk under it), `headings` (those of a text) and, re-exported from language.py where it
lives, `split_sentences` (used again when answering, to quote sentences). A table's header and
frame are found in tables.py.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from citeqa.language import (
    Span,
    detect_lang,
    is_bullet,
    is_markdown_heading,
    is_table_row,
    line_spans,
    split_sentences,
    trim_span,
)
from citeqa.models import Chunk, Document, Lang

__all__ = [
    "BlockKind",
    "chunk_document",
    "headings",
    "section_bounds",
    "section_of",
    "split_sentences",
]

BlockKind = Literal["text", "list", "table", "heading"]

MIN_CHUNK = 200
"""Chunks shorter than this are packed with a neighbour when the size bound allows it."""
HEADING_MAX = 90
"""A line standing alone is a heading candidate only up to this length."""
BOLD_HEADING_MAX = 120
"""A paragraph wholly in **bold** is a heading up to this length."""
HEADING_FOLLOWER_MIN = 25
"""A short-line heading must be followed by a block at least this long (or a list/table)."""

_BOLD_PARAGRAPH = re.compile(r"(\*\*|__)[^*_].*(\*\*|__)", re.DOTALL)


# ---- blocks --------------------------------------------------------------------------------


@dataclass
class _Block:
    start: int
    end: int
    kind: BlockKind
    lines: int = 1
    heading: str | None = None


def _paragraphs(text: str) -> Iterator[list[Span]]:
    """Runs of non-blank lines."""
    run: list[Span] = []
    for line in line_spans(text, 0, len(text)):
        if text[slice(*line)].strip():
            run.append(line)
        elif run:
            yield run
            run = []
    if run:
        yield run


def _line_kind(text: str, lines: list[Span], index: int) -> BlockKind:
    line = text[slice(*lines[index])]
    if is_markdown_heading(line):
        return "heading"
    neighbours = [text[slice(*lines[i])] for i in (index - 1, index + 1) if 0 <= i < len(lines)]
    if is_table_row(line) and any(is_table_row(other) for other in neighbours):
        return "table"
    return "list" if is_bullet(line) else "text"


def _paragraph_blocks(text: str, lines: list[Span]) -> list[_Block]:
    """A paragraph cut where its lines change kind (lines after a bullet continue the list)."""
    blocks: list[_Block] = []
    for index, (start, end) in enumerate(lines):
        kind = _line_kind(text, lines, index)
        previous = blocks[-1] if blocks else None
        same = previous is not None and previous.kind == kind != "heading"
        if previous and (same or _continues_item(text, previous, kind, lines[index - 1])):
            previous.end, previous.lines = end, previous.lines + 1
        else:
            blocks.append(_Block(start, end, kind))
    for block in blocks:
        block.start, block.end = trim_span(text, block.start, block.end)
        if block.kind == "heading":
            block.heading = _clean_heading(text[block.start : block.end])
    return blocks


def _continues_item(text: str, block: _Block, kind: BlockKind, previous_line: Span) -> bool:
    """Whether a text line carries on the list item above it (that item has no final period)."""
    last = text[slice(*previous_line)].rstrip().rstrip("*_")
    return block.kind == "list" and kind == "text" and last[-1:] not in (".", "!", "?", "…")


def _clean_heading(line: str) -> str:
    """Heading text without markdown: no leading '#', no '**', single spaces."""
    line = line.strip().lstrip("#").strip().strip("*_").strip()
    return " ".join(line.split())


def _heading_candidate(text: str, block: _Block) -> bool:
    """A short line alone, with no final period, starting with a capital or a digit."""
    line = text[block.start : block.end]
    letters = sum(char.isalpha() for char in line)
    return (
        block.kind == "text"
        and block.lines == 1
        and len(line) <= HEADING_MAX
        and (line[0].isupper() or line[0].isdigit())
        and line[-1] not in ".,;"
        and letters >= 2
    )


def _is_bold_heading(text: str, block: _Block) -> bool:
    body = text[block.start : block.end]
    return (
        block.kind == "text"
        and len(body) <= BOLD_HEADING_MAX
        and _BOLD_PARAGRAPH.fullmatch(body) is not None
        and "**" not in body[2:-2]
    )


def _mark_headings(text: str, paragraphs: list[list[_Block]]) -> None:
    """Turn standalone short lines and bold paragraphs into headings (in place)."""
    for index, blocks in enumerate(paragraphs):
        if len(blocks) != 1:
            continue
        block = blocks[0]
        short = _heading_candidate(text, block) and _leads_content(text, paragraphs, index)
        if short or _is_bold_heading(text, block):
            block.kind, block.heading = "heading", _clean_heading(text[block.start : block.end])


def _leads_content(text: str, paragraphs: list[list[_Block]], index: int) -> bool:
    """Whether the paragraph after `index` is content that a heading could introduce."""
    if index + 1 >= len(paragraphs):
        return False
    following = paragraphs[index + 1][0]
    if index == 0 and len(paragraphs[index + 1]) == 1 and following.kind == "text":
        return not _heading_candidate(text, following) or following.lines > 1  # a title
    if following.kind in ("list", "table") or following.lines > 1:
        return True
    long_enough = following.end - following.start >= HEADING_FOLLOWER_MIN
    return long_enough and not _heading_candidate(text, following)


def _split_blocks(text: str) -> list[_Block]:
    """The document's blocks, in order: paragraphs, lists, tables and headings."""
    paragraphs = [_paragraph_blocks(text, lines) for lines in _paragraphs(text)]
    _mark_headings(text, paragraphs)
    return [block for blocks in paragraphs for block in blocks]


# ---- segments ------------------------------------------------------------------------------


def _cut_long(text: str, span: Span, size: int) -> list[Span]:
    """Pieces of `span` of at most `size` characters, cut at whitespace when possible."""
    start, end = span
    pieces = []
    while end - start > size:
        cut = start + size
        while cut > start and not text[cut].isspace():
            cut -= 1
        if cut == start:  # one token longer than size: no choice but to cut inside it
            cut = start + size
        pieces.append(trim_span(text, start, cut))
        start = trim_span(text, cut, end)[0]
    pieces.append((start, end))
    return [piece for piece in pieces if piece[0] < piece[1]]


def _segments(text: str, block: _Block, size: int) -> list[Span]:
    """The block as sentence-sized pieces: table rows, or sentences, none longer than size."""
    if block.kind == "table":
        parts = [trim_span(text, *line) for line in line_spans(text, block.start, block.end)]
    elif block.kind == "heading":
        parts = [(block.start, block.end)]
    else:
        parts = split_sentences(text, block.start, block.end)
    return [piece for part in parts if part[0] < part[1] for piece in _cut_long(text, part, size)]


# ---- packing -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Segment:
    start: int
    end: int
    block: int


@dataclass
class _Packer:
    """Greedy packing of segments into chunks of at most `size` characters."""

    blocks: list[_Block]
    size: int
    overlap: int
    min_chars: int
    chunks: list[list[_Segment]] = field(default_factory=list)
    current: list[_Segment] = field(default_factory=list)

    def length(self) -> int:
        return self.current[-1].end - self.current[0].start if self.current else 0

    def fits(self, end: int) -> bool:
        return not self.current or end - self.current[0].start <= self.size

    def add_block(self, segments: list[_Segment]) -> None:
        """Add a block's segments, closing chunks where they stop fitting."""
        index = segments[0].block
        kind = self.blocks[index].kind
        if self.current and self._starts_afresh(kind, segments):
            self.flush(segments[0].end, None)
        for segment in segments:
            if not self.fits(segment.end):
                self.flush(segment.end, None if kind == "table" else index)
            self.current.append(segment)

    def _starts_afresh(self, kind: BlockKind, segments: list[_Segment]) -> bool:
        """Whether a block should open a new chunk rather than fill the current one.

        Yes for a heading, or a block that does not fit, once the current chunk is big enough;
        yes for a table that fits in a chunk of its own, so it stays whole with its header.
        """
        big_enough = self.length() >= self.min_chars
        if kind == "heading":
            return big_enough
        if self.fits(segments[-1].end):
            return False
        whole_table = kind == "table" and segments[-1].end - segments[0].start <= self.size
        return big_enough or whole_table

    def flush(self, next_end: int, overlap_block: int | None) -> None:
        """Close the current chunk; carry its trailing heading, or overlap, into the next."""
        chunk = self.current
        carry = self._trailing_headings(chunk)
        if carry and next_end - carry[0].start <= self.size:
            chunk = chunk[: -len(carry)]
        else:
            carry = self._overlap(chunk, overlap_block, next_end)
        if chunk:
            self.chunks.append(chunk)
        self.current = list(carry)

    def finish(self) -> None:
        """Close the last chunk."""
        if self.current:
            self.chunks.append(self.current)
        self.current = []

    def _trailing_headings(self, chunk: list[_Segment]) -> list[_Segment]:
        count = 0
        while count < len(chunk) and self.blocks[chunk[-1 - count].block].kind == "heading":
            count += 1
        return chunk[len(chunk) - count :] if 0 < count < len(chunk) else []

    def _overlap(self, chunk: list[_Segment], block: int | None, next_end: int) -> list[_Segment]:
        """Whole trailing sentences of `block`, about `overlap` characters long."""
        taken: list[_Segment] = []
        for segment in reversed(chunk):
            length = chunk[-1].end - segment.start
            allowed = self.overlap if taken else self.overlap * 3 // 2
            if segment.block != block or length > allowed or next_end - segment.start > self.size:
                break
            taken.insert(0, segment)
        return taken if len(taken) < len(chunk) else []


def _merge_small(chunks: list[list[_Segment]], blocks: list[_Block], size: int, small: int) -> None:
    """Merge each chunk shorter than `small` into a neighbour when the result fits (in place).

    A small chunk that opens with a heading joins the next chunk first, any other the previous.
    """
    index = 0
    while index < len(chunks):
        chunk = chunks[index]
        if chunk[-1].end - chunk[0].start >= small:
            index += 1
            continue
        opens_section = blocks[chunk[0].block].kind == "heading"
        pairs = (index, index - 1) if opens_section else (index - 1, index)
        if not any(_merge_pair(chunks, left, size) for left in pairs):
            index += 1


def _merge_pair(chunks: list[list[_Segment]], left: int, size: int) -> bool:
    """Merge chunks[left + 1] into chunks[left] if both exist and the span fits."""
    right = left + 1
    if left < 0 or right >= len(chunks) or chunks[right][-1].end - chunks[left][0].start > size:
        return False
    tail = [segment for segment in chunks[right] if segment.end > chunks[left][-1].end]
    chunks[left] = chunks[left] + tail
    del chunks[right]
    return True


# ---- chunks --------------------------------------------------------------------------------


def chunk_document(doc: Document, size: int = 900, overlap: int = 150) -> list[Chunk]:
    """The document's chunks, in order of their start; see the module docstring for invariants."""
    return list(iter_chunks(doc, size, overlap))


def iter_chunks(doc: Document, size: int = 900, overlap: int = 150) -> Iterator[Chunk]:
    """`chunk_document`'s chunks made one at a time, so that a build holds one chunk's text at a
    time rather than a large document's every chunk (its spans are found first, in full)."""
    if size < 1 or not 0 <= overlap < size:
        raise ValueError(f"need size >= 1 and 0 <= overlap < size, got {size=} {overlap=}")
    blocks = _split_blocks(doc.text)
    packer = _Packer(blocks, size, overlap, min_chars=min(MIN_CHUNK, size // 4))
    for index, block in enumerate(blocks):
        spans = _segments(doc.text, block, size)
        if spans:
            packer.add_block([_Segment(start, end, index) for start, end in spans])
    packer.finish()
    _merge_small(packer.chunks, blocks, size, packer.min_chars)
    context = _ChunkContext(doc, blocks, detect_lang(doc.text))
    return (context.chunk(number, segments) for number, segments in enumerate(packer.chunks))


class _ChunkContext:
    """What every chunk of one document needs: its text, headings and dominant language."""

    def __init__(self, doc: Document, blocks: list[_Block], doc_lang: Lang) -> None:
        self.doc, self.blocks, self.doc_lang = doc, blocks, doc_lang
        self.headings = [block for block in blocks if block.heading]
        self.heading_starts = [block.start for block in self.headings]

    def chunk(self, number: int, segments: list[_Segment]) -> Chunk:
        start, end = segments[0].start, segments[-1].end
        text = self.doc.text[start:end]
        return Chunk(
            chunk_id=f"{self.doc.doc_id}#{number}",
            doc_id=self.doc.doc_id,
            start=start,
            end=end,
            text=text,
            section=self.section_at(start),
            page=self.doc.page_at(start),
            lang=detect_lang(text, default=self.doc_lang),
            block=_dominant_kind(segments, self.blocks),
        )

    def section_at(self, offset: int) -> str | None:
        """The text of the last heading starting at or before `offset`."""
        index = bisect.bisect_right(self.heading_starts, offset) - 1
        return self.headings[index].heading if index >= 0 else None


def section_of(text: str, chunk: Chunk, offset: int) -> str | None:
    """The heading that the character at `offset` of the chunk's document stands under: the
    last heading inside the chunk before `offset`, else the chunk's section (the heading its
    start stands under). Headings are found as a build finds them, in the chunk's text."""
    if not chunk.start < offset < chunk.end:
        return chunk.section
    starts, headings = _inner_headings(text[chunk.start : chunk.end])
    index = bisect.bisect_right(starts, offset - chunk.start) - 1
    return headings[index] if index >= 0 else chunk.section


def section_bounds(text: str, chunk: Chunk, offset: int) -> tuple[int, int]:
    """The stretch of the chunk, as offsets of its document, that stands under the heading
    the character at `offset` stands under (`section_of`): from that heading inside the chunk
    (or the chunk's start) to the next heading inside it (or the chunk's end)."""
    starts, _ = _inner_headings(text[chunk.start : chunk.end])
    inside = chunk.start < offset < chunk.end
    index = bisect.bisect_right(starts, offset - chunk.start) - 1 if inside else -1
    low = chunk.start + starts[index] if index >= 0 else chunk.start
    high = chunk.start + starts[index + 1] if index + 1 < len(starts) else chunk.end
    return low, high


def headings(text: str) -> list[str]:
    """The headings of `text`, in order, as a build finds them (markdown headings, short lines
    alone leading content, bold paragraphs), without their markdown."""
    return [block.heading for block in _split_blocks(text) if block.heading]


@functools.lru_cache(maxsize=2048)
def _inner_headings(chunk_text: str) -> tuple[tuple[int, ...], tuple[str, ...]]:
    """The headings inside a chunk's text after its first character: their offsets and text.
    Cached by the text itself, not the chunk id (one id holds other text after a rebuild)."""
    found = [(b.start, b.heading) for b in _split_blocks(chunk_text) if b.heading and b.start]
    return tuple(start for start, _ in found), tuple(heading for _, heading in found)


def _dominant_kind(segments: list[_Segment], blocks: list[_Block]) -> BlockKind:
    """The block kind holding most of the segments' characters (headings count last)."""
    weight: dict[BlockKind, int] = {"table": 0, "list": 0, "text": 0, "heading": 0}
    for segment in segments:
        weight[blocks[segment.block].kind] += segment.end - segment.start
    body: dict[BlockKind, int] = {
        kind: chars for kind, chars in weight.items() if kind != "heading" and chars
    }
    return max(body, key=lambda kind: body[kind]) if body else "heading"
