"""The answer JSON's top-level keys, in order (DESIGN.md and the README: "The answer JSON"):
one list for every test that checks them (`ask --json` of a low-confidence answer, the
field-by-field check of `ask --json` / `--jsonl` against real indexes)."""

from __future__ import annotations

ANSWER_KEYS = [
    "id",
    "question",
    "abstained",
    "confidence",
    "answer",
    "citations",
    "passages",
    "timings_ms",
    "reason",
    "warnings",
]
