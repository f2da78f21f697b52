"""Cut a Document into Chunks whose offsets always map back to the source text.

Pure functions, no I/O. The text is read as lines, lines are grouped into blocks (paragraphs,
bullet lists, tables, headings), blocks into sentence-sized segments, and segments are packed
into chunks of at most `size` characters. Invariants, for every chunk `c` of a document `d`:
`d.text[c.start:c.end] == c.text`; `c.text` neither starts nor ends with whitespace;
`len(c.text) <= size`; together the chunks cover every non-whitespace character of `d.text`.

Blocks (paragraphs, lists, tables, headings) are read in blocks.py. Also here: `section_of`
(the heading a quote stands under), `section_bounds` (the stretch of a chunk under it),
`heading_at` (the heading block a quote may open on) and,
re-exported from language.py where it lives, `split_sentences` (used again when answering, to
quote sentences). A table's header and frame are found in tables.py.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterator
from dataclasses import dataclass, field

from citeqa.blocks import Block, BlockKind, split_blocks
from citeqa.language import Span, detect_lang, line_spans, split_sentences, trim_span
from citeqa.mailthreads import is_aside_heading
from citeqa.models import Chunk, Document, Lang

__all__ = [
    "chunk_document",
    "heading_at",
    "section_bounds",
    "section_of",
    "split_sentences",
]

CUTTING_VERSION = 30
"""Bumped whenever the same text is cut otherwise (its blocks, sentences or chunks): an index
records the version that cut its documents (manifest `cutting`), `citeqa status` calls an index
of another version stale and `citeqa index` cuts and embeds every document again (its stored
chunks and sentences are never mixed with ones cut otherwise). 1 (None in a manifest: written
before versions): a hard-wrapped line cut at a capital, no heading inside a paragraph. 2: a full
line of a hard-wrapped paragraph carries its sentence on; a numbered line over prose, inside a
paragraph, is a heading ("3. Results", "Article 5 - Fees"). 3: a word and a number with no
title ("Page 12") or a caption ("Figure 3. Mean HbA1c by arm") is no such heading, nor a
numbered line after a line of closing marks alone (")"). 4: a title line opening a paragraph
over an underline (or between an overline and an underline) of one repeated punctuation
character is a heading with them ("Parameters" over "~~~~~~~~~~", RST and setext); a markup
line (a code fence, an adornment, a bare RST directive: markup.py) carries no sentence on and
is no sentence of the index; a line ending in a backslash continuation ("aws s3 presign
s3://bucket/key \\") carries its block and its sentence on into the next line. 5: so does one
ending in Windows cmd's caret or PowerShell's backtick ("aws ec2 create-ipam ^"); the lines of
an RST comment in a .rst document (".. a comment" and the lines indented under it) are no
sentence of the index; a
`Key: value` header line runs into no other ("Project-URL: Changelog, https://…" over
"Project-URL: GitHub, …", however long: a package's METADATA); a line with
no final punctuation carries its sentence on into a next line indented 2 columns deeper or
more (language.DEFINITION_INDENT: a definition under its term: "* leave : bool, optional"
over "    If [default: True], keeps all traces…");
a line of images, links or HTML tags alone ("![Rich CLI](…)", a README's badges; one text
link alone, "[MIT](LICENSE)", is text) is no sentence of the index and carries none on
(markup.is_link_line); a line inside a backtick
code fence is never a heading ("# If you just want to use stemming…" over "pip install
PyStemmer" in a fenced shell block). 6: a standalone line ending in a colon is a heading only
as a short label ("Supported tests:"; not a sentence's lead-in, "The default is:"), and one
ending in a smiley (":)") never (blocks._no_lead_in); an image alone on a line inside a
hard-wrapped sentence carries it on ("Click the" / "![icon](…)" / "button to save.":
language._image_in_prose). 7: whether a line is a full line of a wrapped paragraph is judged
with its neighbours in the whole text, past the block or chunk being cut (a chunk's last line
"% la première année." no longer cuts its sentence after "contre 35" above it); a column of
"|" opening lines holding a bare "|" line (pydoc's margin, language.pipe_margins; no pipeline's
or union's leading pipes, no table's border) is read as a margin: the lines behind
it as without it (a definition under its term, a margin alone a blank line), its first and
last lines a block's edges, no sentence opening on its "|". 8: the YAML front matter opening a
text holds no sentence of the index (its words stay in its chunk); a Markdown sentence starts
past blockquote marks, a callout's type and a footnote definition's label ("> [!note] ",
"[^1]: "), and a line of tags alone ("#lumen #copil") or of wikilink embeds ("![[pic.png]]")
is none (markup.note_markup_opening, is_tag_line, is_link_line). 9: a short line alone that
stamps an edit ("Updated March 3, 2026 · 2 min read" under a help page's title:
editstamps.py) is no heading (s20 trial: every help page's section). A chunk's section holding at
most SECTION_CHARS characters came without a bump: it changes only chunks under a heading longer
than that, which a document read again (changed, or read by a newer reader version) takes; an
older index keeps such a chunk's long section (the answer shows it shortened) rather than every
user's index being cut and embedded again for it. 10 (9 on two branches of session 20, merged:
each index one of them cut is cut again): a line opening with a part numbered in words, then a
dash or colon and a title, is a heading over prose as "Article 2 – Durée" is ("DEUXIÈME
RÉSOLUTION – Affectation du résultat": part_ordinals.py). 11: a line is an edit stamp (no
heading) only when it is nothing else ("Updated March 3, 2026 · 2 min read", not "Revised prices
apply from 1 January 2026: …": editstamps.py). 12: a markdown table row is one sentence
whatever its cells write (a ticket's body cell of three sentences: language.split_sentences).
13: an admonition's opening or closing line (`!!! note "Title"`, `:::warning`) is markup.
14: a line closing on a byline after its date is an edit stamp ("Last modified on 5 March
2026 by the web team": no heading). 15: an ordinal heads a part only next to a part's name
("First Schedule: Fees", not the form label "First name: Jean": part_ordinals.py). 16: a table
row is one sentence only up to language.LONG_QUOTE characters (a longer one is cut at its
cells' sentences again), and a line of ":::" then prose is no admonition's line. 17: the part
names an ordinal numbers are their own list (language data `part_names`), not the section cues:
"Troisième partie – Durée", "Titre premier – …", "Second Part: Fees" head parts again (lost at
15), "First version: …" or "Second ticket: …" do not. 18: a byline closes an edit stamp only
when it names an editor, a person or a determiner and a team ("by the web team"), not "by decree
of the council" (s21 review). 19: a numbered list item's number ("1. Quantify DNA…") opens its
item's sentence instead of being a sentence of its own (a quote of a list's lead-in ended on a
bare "1.": s24 research set, an HTML ordered list read with its numbers). LaTeX markup
(latex.py, s33) is read in documents of the tex kind only, new with the .tex reader (its own
version, readers/tex.py): every other text is cut as at 19, so no bump. 20: a line of prose
ending with a colon carries its sentence on into a short next line opening with a capital or a
digit and closing it with a full stop ("…; maître de stage :" over "Dr Vasseur.":
language._value_line_after; s34 trial). 21 (s37): a period after a month's abbreviation or a
word of the language data's `number_abbreviations` before a digit ("Jan. 15, 2024", "3 janv.
2024", "art. 12", "(c. 1454-1539)"), after "av." or "apr." ("IVe siècle av. J.-C.") or after an
initial of any script ("É. Zola", Cyrillic "А. С.") ends no sentence; a Markdown heading's or a
dotted section's number ("## 3. Drainage", "3.1. Load tests") opens its title's sentence as a
list item's does (s37: a bare "## 3." was quoted for its section: language._is_list_number), and
a contents line's dot leaders end no sentence before its page ("3. Load tests ........ 5":
language._leads_to_page). 22 (s40): the words ending with a period that end no sentence are
language data (`sentence_abbreviations`, English and French: "vs.", "p. ex.", "env.", a
journal's "Appl. Ecol."), "n." and "t." before a number are `number_abbreviations`, and a
period inside a bracket closing within language.BRACKET_REACH characters of its opening ends
no sentence ("(J. Appl. Ecol. 2021)", "(voir M. Dupont. Rapport 2020)") unless the bracket
closes on a sentence end of its own, while an initial's period before a word of the language
data's `initial_sentence_openers` ends one ("hepatitis C. The most frequent…", "U.S. This…").
23 (s42): a street's abbreviation ends no sentence ("4 pl. Vendôme", "12 fg. Saint-Antoine",
"5th Ave. North": `sentence_abbreviations`). 24 (s43): a line opening with a street address
("12 rue des Lilas, 75011 Paris", "4 Place Vendôme", "221 Baker Street": language data
`street_words`, street_addresses.py) is no heading, numbered inside a paragraph or alone.
25 (s43): the records of a delimited export saved as text (lines of as many fields, set against
semicolons: "ZT-ES-12;Zymoseptoria tritici;Spain") are one sentence each, none run into the next
nor cut inside ("wheat cv. Sheriff": language._record_pair). 26 (s43): only a French particle
(`street_name_openers`), no English function word, opens a street's name in lower case ("1 Place
the device on a flat surface", "2 Passage to the next stage" stay steps and headings). 27 (s44):
so are a delimited export's records whose lines end in CRLF (one was cut at "wheat cv.").
28 (s44): a table aligned with spaces in a .txt, .md or PDF text has a tab at each gap between
its columns (aligned_tables.py), so its lines are table rows; a table of tabs whose first row
reads as a header (tables.is_header_row) heads its rows as a markdown table's does. 29 (s49):
a line in capitals inside a paragraph, after a sentence's end, over a line of prose in lower
case, is a heading ("EFFETS INDÉSIRABLES" over "Comme tous les médicaments…": a leaflet or a
manual saved as .txt, s48 trial; blocks._capitals_over_prose); the registered eval corpora (1,747
files) are cut as at 28. 30 (s55): a line opening with a capitalised label of up to four words
and a colon runs into no other such line, however long both are ("Landlord: Claire Morel, …" over
"Emergency plumber: Plomberie Dubois, …": language._label_pair), unless it ends mid-sentence."""
SECTION_CHARS = 300
"""The most characters of a heading a chunk carries as its section and embeds (its first ones,
then "…"): a heading is a line, but nothing bounds a line's length (a 100 KB heading made 113
chunks of 101 KB each); the answer shows even less."""

MIN_CHUNK = 200
"""Chunks shorter than this are packed with a neighbour when the size bound allows it."""


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


def _segments(text: str, block: Block, size: int, latex: bool = False) -> list[Span]:
    """The block as sentence-sized pieces: table rows, or sentences, none longer than size;
    `latex`: the text is a LaTeX source (language.split_sentences)."""
    if block.kind == "table":
        parts = [trim_span(text, *line) for line in line_spans(text, block.start, block.end)]
    elif block.kind == "heading":
        parts = [(block.start, block.end)]
    else:
        parts = split_sentences(text, block.start, block.end, latex)
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

    blocks: list[Block]
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


def _merge_small(chunks: list[list[_Segment]], blocks: list[Block], size: int, small: int) -> None:
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
    latex = doc.latex
    blocks = split_blocks(doc.text, latex)
    packer = _Packer(blocks, size, overlap, min_chars=min(MIN_CHUNK, size // 4))
    for index, block in enumerate(blocks):
        spans = _segments(doc.text, block, size, latex)
        if spans:
            packer.add_block([_Segment(start, end, index) for start, end in spans])
    packer.finish()
    _merge_small(packer.chunks, blocks, size, packer.min_chars)
    context = _ChunkContext(doc, blocks)
    return (context.chunk(number, segments) for number, segments in enumerate(packer.chunks))


class _ChunkContext:
    """What every chunk of one document needs: its text, headings and dominant language."""

    def __init__(self, doc: Document, blocks: list[Block]) -> None:
        self.doc, self.blocks = doc, blocks
        self.headings = [block for block in blocks if block.heading]
        self.heading_starts = [block.start for block in self.headings]
        self.aside = _aside_blocks(blocks)
        every = [_Segment(block.start, block.end, at) for at, block in enumerate(blocks)]
        self.doc_lang = self.lang(every) if self.aside else detect_lang(doc.text)

    def lang(self, segments: list[_Segment], default: Lang = "en") -> Lang:
        """The language of the segments' text, read without a mail's Headers and Signature
        sections when it has other words (mailthreads.is_aside_heading)."""
        own = [segment for segment in segments if segment.block not in self.aside] or segments
        text = self.doc.text
        return detect_lang("\n".join(text[s.start : s.end] for s in own), default=default)

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
            lang=self.lang(segments, self.doc_lang)
            if self.aside
            else detect_lang(text, self.doc_lang),
            block=_dominant_kind(segments, self.blocks),
        )

    def section_at(self, offset: int) -> str | None:
        """The text of the last heading starting at or before `offset`, at most SECTION_CHARS
        characters of it."""
        index = bisect.bisect_right(self.heading_starts, offset) - 1
        heading = self.headings[index].heading if index >= 0 else None
        if heading is None or len(heading) <= SECTION_CHARS:
            return heading
        return heading[: SECTION_CHARS - 1] + "…"


def _aside_blocks(blocks: list[Block]) -> set[int]:
    """The blocks under (and of) a heading of a mail's Headers or Signature section."""
    aside: set[int] = set()
    under = False
    for at, block in enumerate(blocks):
        under = is_aside_heading(block.heading) if block.heading is not None else under
        if under:
            aside.add(at)
    return aside


def section_of(text: str, chunk: Chunk, offset: int, latex: bool = False) -> str | None:
    """The heading that the character at `offset` of the chunk's document stands under: the
    last heading inside the chunk before `offset`, else the chunk's section (the heading its
    start stands under). Headings are found as a build finds them, in the chunk's text
    (`latex`: the document is a LaTeX source, blocks.split_blocks)."""
    index, _, headings = _heading_under(text, chunk, offset, latex)
    return headings[index] if index >= 0 else chunk.section


def section_bounds(text: str, chunk: Chunk, offset: int, latex: bool = False) -> tuple[int, int]:
    """The stretch of the chunk, as offsets of its document, that stands under the heading
    the character at `offset` stands under (`section_of`): from that heading inside the chunk
    (or the chunk's start) to the next heading inside it (or the chunk's end); `latex`: the
    document is a LaTeX source (its sectioning lines are headings: blocks.split_blocks)."""
    index, starts, _ = _heading_under(text, chunk, offset, latex)
    low = chunk.start + starts[index] if index >= 0 else chunk.start
    high = chunk.start + starts[index + 1] if index + 1 < len(starts) else chunk.end
    return low, high


def _heading_under(
    text: str, chunk: Chunk, offset: int, latex: bool = False
) -> tuple[int, tuple[int, ...], tuple[str, ...]]:
    """(which of the chunk's inner headings the character at `offset` stands under, -1 for
    none or an offset outside the chunk; the inner headings' offsets in the chunk; their text)."""
    starts, headings = _inner_headings(text[chunk.start : chunk.end], latex)
    inside = chunk.start < offset < chunk.end
    index = bisect.bisect_right(starts, offset - chunk.start) - 1 if inside else -1
    return index, starts, headings


def heading_at(
    text: str, chunk: Chunk, offset: int, latex: bool = False
) -> tuple[int, int, str] | None:
    """The heading block of the chunk that holds the character at `offset` of its document
    (`text`), as (start, end, heading text without its markup), found as a build finds headings
    (a Markdown "## Fees", an underlined title with its underline, a plain-text heading line);
    None when that character is no heading's, or lies outside the chunk. `latex`: as
    `section_bounds`."""
    if not chunk.start <= offset < chunk.end:
        return None
    for start, end, heading in _heading_blocks(text[chunk.start : chunk.end], latex):
        if start <= offset - chunk.start < end:
            return chunk.start + start, chunk.start + end, heading
    return None


@functools.lru_cache(maxsize=2048)
def _heading_blocks(chunk_text: str, latex: bool = False) -> tuple[tuple[int, int, str], ...]:
    """The heading blocks of a chunk's text: their offsets in it and their text. Cached by the
    text itself, not the chunk id (one id holds other text after a rebuild)."""
    blocks = split_blocks(chunk_text, latex)
    return tuple((b.start, b.end, b.heading) for b in blocks if b.heading)


@functools.lru_cache(maxsize=2048)
def _inner_headings(
    chunk_text: str, latex: bool = False
) -> tuple[tuple[int, ...], tuple[str, ...]]:
    """The headings inside a chunk's text after its first character: their offsets and text."""
    found = [(start, heading) for start, _, heading in _heading_blocks(chunk_text, latex) if start]
    return tuple(start for start, _ in found), tuple(heading for _, heading in found)


def _dominant_kind(segments: list[_Segment], blocks: list[Block]) -> BlockKind:
    """The block kind holding most of the segments' characters (headings count last)."""
    weight: dict[BlockKind, int] = {"table": 0, "list": 0, "text": 0, "heading": 0}
    for segment in segments:
        weight[blocks[segment.block].kind] += segment.end - segment.start
    body: dict[BlockKind, int] = {
        kind: chars for kind, chars in weight.items() if kind != "heading" and chars
    }
    return max(body, key=lambda kind: body[kind]) if body else "heading"
