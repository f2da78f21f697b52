"""Document text made safe to show: every control character becomes a visible one.

Text from documents is data. Escape sequences, other C0/C1 controls and bidirectional overrides
are replaced one-for-one by visible stand-ins (␛ for ESC), so offsets into a document's text
stay valid for the cleaned text. The CLI and the TUI both show document text through `clean`.
"""

from __future__ import annotations

import re

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""C0 controls except tab and newline, DEL, C1 controls and bidirectional overrides."""

_PICTURES = {0x1B: "␛", 0x0D: " ", 0x7F: "␡"}
"""Visible stand-ins for the control characters people most often meet."""

_SPACES = re.compile(r"\s+")


def _stand_in(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code in _PICTURES:
        return _PICTURES[code]
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control pictures" block
    return "�"


def clean(text: str) -> str:
    """`text` with every control character replaced one-for-one by a visible character."""
    return _CONTROL.sub(_stand_in, text)


def one_line(text: str) -> str:
    """`clean(text)` with every run of whitespace (newlines included) made one space."""
    return _SPACES.sub(" ", clean(text)).strip()
