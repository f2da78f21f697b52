"""A spreadsheet cell's value as a person sees it in the sheet, for readers/xlsx.py.

openpyxl gives a cell's stored value (a float, a datetime, a bool) and its number format; a
person sees "3" for 3.0, "0.3" for 0.30000000000000004 (float noise: 15 significant digits,
what Excel shows), "12.50" under a "0.00" format, "25%" for 0.25 under a "0%" one, "1,250"
under "#,##0", a date as its ISO date ("2025-09-14", with its time when it has one,
"2025-09-14 08:30"), a time as "08:30", a duration ("[h]:mm") as "26:30", a boolean as
"TRUE"/"FALSE", a text with the "_x000D_" escapes of Office Open XML turned back into its
characters. A number is rounded as Excel rounds what it shows: its 15 significant digits, a
half away from nought (2.5 under "0" is "3", 2.675 under "0.00" "2.68"; Python's "%.2f" rounds
the binary float, 2.67). Written by hand: openpyxl formats no values, and a full number-format
engine (currency symbols, fractions, colours, conditions) is beyond what a cited row needs; a format
naming a currency or a literal ("$#,##0.00", "0.0 \\"kg\\"") shows the number only, its decimals
and grouping kept.
"""

from __future__ import annotations

import datetime as dt
import decimal
import math
import re

SIGNIFICANT_DIGITS = 15
"""The digits Excel shows of a number: a binary float's noise past them is never seen."""
LARGEST_WHOLE = 1e15
"""Floats holding a whole number below this are written as an integer ("3", not "3.0")."""
_QUOTED = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.')
"""What a number format writes, pads or colours around the number ("$", [Red], _))."""
_DECIMALS = re.compile(r"[0#?]\.([0#?]+)")
_ROUNDING = decimal.Context(prec=400, rounding=decimal.ROUND_HALF_UP)
"""Digits enough for any float's whole part (1.8e308) and its shown decimals; halves round
away from nought, as Excel rounds what it shows (2.5 under "0" is 3, 2.675 under "0.00" 2.68:
Excel rounds the 15 digits it keeps, not the binary float Python's "%.2f" rounds)."""


def cell_text(value: object, number_format: str | None = None) -> str:
    """`value` written as the sheet shows it under `number_format` ("" for an empty cell)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        return number_text(value, number_format or "General")
    if isinstance(value, dt.datetime):
        return _datetime_text(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return _clock(value.hour, value.minute, value.second)
    if isinstance(value, dt.timedelta):
        return _duration_text(value)
    return _unescaped(str(value))


def _unescaped(text: str) -> str:
    """A cell's text with the "_x000D_" escapes of Office Open XML (a control character
    written as its code) turned back into the characters, as Excel shows them (openpyxl
    leaves them in the strings it reads), those it shows nothing of left out."""
    if "_x" not in text:
        return text
    from openpyxl.utils.escape import unescape  # here: cellvalues imports no library

    return _UNSEEN.sub("", str(unescape(text)))


_UNSEEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
"""The control characters an escape may write that a cell shows nothing of ("_x0007_", a
bell): left out (a tab, a line break, a carriage return stay, read as spaces in a row)."""


def number_text(value: int | float, number_format: str) -> str:
    """A number under its format's first section: its percent sign, its decimals and its
    thousands' commas; else (General, text, scientific) as few digits as say it."""
    shape = _QUOTED.sub("", number_format.split(";", 1)[0])
    if not any(digit in shape for digit in "0#?") or "E" in shape.upper():
        return plain_number(value)
    if isinstance(value, float) and not math.isfinite(value):
        return plain_number(value)
    decimals = _DECIMALS.search(shape)
    places = len(decimals.group(1)) if decimals else 0
    grouped = "," if re.search(r"[0#?],[0#?]", shape) else ""
    written = f"{_rounded(value, places, percent='%' in shape):{grouped}f}"
    if decimals is None and written.lstrip("-").replace(",", "") == "0" and value:
        written = plain_number(value)  # a tiny number under "0" is not nought to its reader
    return written + ("%" if "%" in shape else "")


def _rounded(value: int | float, places: int, percent: bool) -> decimal.Decimal:
    """`value` (times 100 for a percent) to `places` decimals as Excel shows it: its 15
    significant digits (the float's shortest repr past them is noise), halves rounded up."""
    exact = decimal.Decimal(_excel_digits(value))
    exact = exact.scaleb(2) if percent else exact
    return exact.quantize(decimal.Decimal(1).scaleb(-places), context=_ROUNDING)


def _excel_digits(value: int | float) -> str:
    """`value` in the digits Excel keeps of it: an int whole, a float to 15 significant ones
    (0.30000000000000004 is 0.3; 2.675, stored as 2.67499999..., is 2.675)."""
    return str(value) if isinstance(value, int) else f"{value:.{SIGNIFICANT_DIGITS}g}"


def plain_number(value: int | float) -> str:
    """A number in as few digits as say it: "3", "0.3", "1234.5", "1e+20"."""
    if isinstance(value, int):
        return str(value)
    if value.is_integer() and abs(value) < LARGEST_WHOLE:
        return str(int(value))
    return f"{value:.{SIGNIFICANT_DIGITS}g}"


def _datetime_text(value: dt.datetime) -> str:
    """An ISO date, with its time when it has one ("2025-09-14 08:30")."""
    if value.time() == dt.time():
        return value.date().isoformat()
    return f"{value.date().isoformat()} {_clock(value.hour, value.minute, value.second)}"


def _duration_text(value: dt.timedelta) -> str:
    """A duration as a "[h]:mm" format shows it: "26:30", "-1:15"."""
    seconds = round(value.total_seconds())
    sign, seconds = ("-" if seconds < 0 else ""), abs(seconds)
    return sign + _clock(seconds // 3600, seconds // 60 % 60, seconds % 60)


def _clock(hours: int, minutes: int, seconds: int) -> str:
    """ "08:30", or "08:30:15" when the seconds are not nought."""
    return f"{hours:02d}:{minutes:02d}" + (f":{seconds:02d}" if seconds else "")
