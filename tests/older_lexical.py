"""Lexical folders as citeqa saved them before the sorted vocabulary (index format 2): bm25s's
JSON vocabulary (`vocab.index.json`) in place of the three sorted files, for the tests of the
indexes citeqa still reads."""

from __future__ import annotations

import json
from pathlib import Path

from citeqa import sortedvocab


def write_json_vocab(folder: Path) -> None:
    """Write bm25s's JSON vocabulary into a saved lexical folder (beside its sorted files)."""
    vocab = json.dumps(sortedvocab.read_whole(folder), ensure_ascii=False)
    (folder / sortedvocab.JSON_VOCAB).write_text(vocab, encoding="utf-8")


def as_older(folder: Path) -> None:
    """Make a saved lexical folder one saved before the sorted vocabulary."""
    write_json_vocab(folder)
    for name in sortedvocab.FILES:
        (folder / name).unlink()
