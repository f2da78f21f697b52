"""Owns the block a line stands in under its owner's name: a letterhead or a contact card writes
the owner once, on its first line, and its address and phone on the lines below with no name
("GARAGE LEMOINE\\n12 rue de la Gare, 35510 Cesson-Sévigné\\nTél. 02 99 83 41 27"), so the
phone's line alone says nothing of whose it is (s57 trial: "Quel est le numéro de téléphone du
garage Lemoine ?" was refused, the invoice's "Tél." line writing no owner).

`block_start` is where such a block begins: the lines just above a line, up to HEAD_LINES of
them, none blank; `headed_span` the block over the line writing a value, to quote. No I/O;
plain string reading.
"""

from __future__ import annotations

from collections.abc import Callable

HEAD_LINES = 3
"""The most lines above a line read as its block's head: a name, an address of two lines."""


def block_start(text: str, start: int, lines: int = HEAD_LINES) -> int:
    """Where the block holding the line at offset `start` of `text` begins: at most `lines`
    lines above that line's own start, stopping below a blank line (or at the text's start)."""
    begin = text.rfind("\n", 0, start) + 1  # the line's own start
    for _ in range(lines):
        if begin == 0:
            break
        above = text.rfind("\n", 0, begin - 1) + 1
        if not text[above : begin - 1].strip():
            break  # a blank line ends the block
        begin = above
    return begin


def headed_span(text: str, start: int, end: int, writes: Callable[[str], bool]) -> tuple[int, int]:
    """The span of the first line of `text` between `start` and `end` that `writes` accepts,
    from its block's start (`block_start`) to that line's end; (start, end) when no line does."""
    line = text.rfind("\n", 0, start) + 1
    while line < end:
        stop = text.find("\n", line)
        stop = len(text) if stop < 0 else stop
        if writes(text[line:stop]):
            return block_start(text, line), stop
        line = stop + 1
    return start, end


def last_line(block: str) -> str:
    """The last line of `block`: the line a block was read above."""
    return block.rsplit("\n", 1)[-1]
