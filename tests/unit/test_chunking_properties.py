"""Property tests: whatever the text, chunks and sentences map back to it and cover it."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from citeqa.chunking import chunk_document, split_sentences
from citeqa.models import Document
from citeqa.tables import TableHeaders

WORD_CHARS = st.characters(blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp"))
ANY_CHARS = st.characters(blacklist_categories=("Cs",))
SPACES = st.sampled_from([" ", "  ", "\t", "\u00a0", "\u2028", " \u3000 "])

words = st.text(WORD_CHARS, min_size=1, max_size=12)
long_token = st.text(st.sampled_from("abcdefXYZ0123.-"), min_size=50, max_size=1500)
ends = st.sampled_from([".", "", " ?", "!", "…", ":", ",", ".”"])


@st.composite
def prose(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.one_of(words, words, words, long_token, SPACES), max_size=40))
    return " ".join(parts) + draw(ends)


@st.composite
def line(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["prose", "bullet", "table", "pipes", "empty", "raw", "heading"]))
    if kind == "bullet":
        return draw(st.sampled_from(["- ", " • ", "* ", "1. ", "  12) "])) + draw(prose())
    if kind == "table":
        return "\t".join(draw(st.lists(words, min_size=1, max_size=6))) + draw(
            st.sampled_from(["", "\t", "\t\t"])
        )
    if kind == "pipes":
        return "| " + " | ".join(draw(st.lists(words, min_size=2, max_size=5))) + " |"
    if kind == "empty":
        return draw(st.sampled_from(["", " ", "\t", "  \u00a0"]))
    if kind == "raw":
        return draw(st.text(ANY_CHARS, max_size=200))
    if kind == "heading":
        return draw(st.sampled_from(["# ", "## ", "**", ""])) + draw(words).capitalize()
    return draw(prose())


@st.composite
def documents(draw: st.DrawFn) -> str:
    lines = draw(st.lists(line(), max_size=60))
    breaks = draw(
        st.lists(
            st.sampled_from(["\n", "\r\n", "\r", "\n\n", "\r\n\r\n"]),
            min_size=len(lines),
            max_size=len(lines),
        )
    )
    return "".join(text + brk for text, brk in zip(lines, breaks, strict=True))


def uncovered(text: str, spans: list[tuple[int, int]]) -> list[int]:
    covered = [False] * len(text)
    for start, end in spans:
        covered[start:end] = [True] * (end - start)
    return [i for i, char in enumerate(text) if not covered[i] and not char.isspace()]


@settings(max_examples=200, deadline=None)
@given(text=documents(), size=st.integers(40, 1200), overlap_share=st.floats(0, 0.5))
def test_chunks_map_back_cover_and_respect_size(text: str, size: int, overlap_share: float) -> None:
    document = Document(doc_id="d", title="t", path="/d.txt", text=text, sha256="0")
    chunks = chunk_document(document, size=size, overlap=int(size * overlap_share))
    for number, chunk in enumerate(chunks):
        assert text[chunk.start : chunk.end] == chunk.text
        assert chunk.text and chunk.text == chunk.text.strip()
        assert len(chunk.text) <= size
        assert chunk.chunk_id == f"d#{number}"
        assert chunk.lang in ("en", "fr")
        assert chunk.block in ("text", "list", "table", "heading")
    assert [chunk.start for chunk in chunks] == sorted(chunk.start for chunk in chunks)
    assert uncovered(text, [(chunk.start, chunk.end) for chunk in chunks]) == []


@settings(max_examples=200, deadline=None)
@given(text=documents(), cut=st.tuples(st.integers(0, 3000), st.integers(0, 3000)))
def test_sentences_map_back_and_cover(text: str, cut: tuple[int, int]) -> None:
    start, end = sorted(min(value, len(text)) for value in cut)
    spans = split_sentences(text, start, end)
    for left, right in spans:
        assert start <= left < right <= end
        assert text[left:right] == text[left:right].strip()
    for (_, first_end), (second_start, _) in itertools.pairwise(spans):
        assert first_end <= second_start
    covered = uncovered(text, spans)
    assert [i for i in covered if start <= i < end] == []


@settings(max_examples=100, deadline=None)
@given(text=documents(), where=st.integers(0, 3000))
def test_table_header_is_a_row_at_or_before_the_offset(text: str, where: int) -> None:
    header = TableHeaders(text).header(where)
    if header is not None:
        start, end = header
        row = text[start:end]
        assert start <= where or not text[where:start].strip()  # where sits in the header's indent
        assert row and row == row.strip()
        assert "\n" not in row and "\r" not in row
