"""letterheads.py: the block a line stands in, read up to its first blank line above."""

from __future__ import annotations

from citeqa.letterheads import HEAD_LINES, block_start, headed_span, last_line

LETTER = (
    "GARAGE LEMOINE\n12 rue de la Gare, 35510 Cesson-Sévigné\nTél. 02 99 83 41 27\n\n"
    "FACTURE N° F-2026-0418\nDate : 9 avril 2026\n"
)


def test_a_block_starts_at_its_first_line_below_a_blank_one() -> None:
    phone = LETTER.index("Tél.")
    assert block_start(LETTER, phone) == 0
    date = LETTER.index("Date")
    assert LETTER[block_start(LETTER, date) :].startswith("FACTURE")


def test_a_block_reads_at_most_head_lines_above() -> None:
    text = "\n".join(f"line {n}" for n in range(10))
    last = text.index("line 9")
    assert text[block_start(text, last) :].startswith(f"line {9 - HEAD_LINES}")


def test_a_block_span_ends_with_the_line_writing_the_value() -> None:
    start, end = headed_span(LETTER, 0, len(LETTER), lambda line: "02 99" in line)
    assert LETTER[start:end] == LETTER[: LETTER.index("\n\n")]
    assert last_line(LETTER[start:end]) == "Tél. 02 99 83 41 27"


def test_no_line_writing_the_value_leaves_the_span() -> None:
    assert headed_span(LETTER, 5, 40, lambda line: False) == (5, 40)
