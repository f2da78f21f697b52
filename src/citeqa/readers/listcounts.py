"""How a list item's count is written in the shape a document's list style names: letters
("c", "C"), roman numerals ("iii", "III") or digits; shared by the readers of numbered lists
(readers/slidetext.py for decks, readers/odf.py, readers/docx.py). No I/O."""

from __future__ import annotations


def count_text(count: int, shape: str) -> str:
    """`count` written in `shape`: "alphalc" (c), "alphauc" (C), "romanlc" (iii), "romanuc"
    (III), else in digits (and in digits past what letters or roman numerals write well)."""
    shape = shape.lower()
    if shape.startswith("alpha") and 0 < count <= 26 * 30:
        digits = _LETTERS[(count - 1) % 26] * ((count - 1) // 26 + 1)
    elif shape.startswith("roman") and 0 < count < 4000:
        digits = _roman(count)
    else:
        return str(count)
    return digits.upper() if shape[5:7] == "uc" else digits


_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def _roman(count: int) -> str:
    roman = ""
    for value, digits in _ROMAN:
        while count >= value:
            roman, count = roman + digits, count - value
    return roman
