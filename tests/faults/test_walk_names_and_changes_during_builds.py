"""Hostile corpora against the folder walk and the build reading a document at a time
names that are not UTF-8, and files changing while a build reads them."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path
from typing import Any

import pytest
from fault_helpers import QUESTION, make_corpus

from citeqa import indexing


def _write(folder: Path, name: bytes, data: bytes) -> None:
    with open(os.path.join(os.fsencode(folder), name), "wb") as stream:
        stream.write(data)


RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
"""What a terminal would act on: controls (but tab and newline), bidi controls, lone surrogates."""


def _inert(text: str) -> bool:
    return RAW.search(text) is None


def test_names_that_are_not_utf8_are_skipped_with_a_note(tmp_path: Path, cli: Any) -> None:
    """A file (or folder) named with bytes that are not UTF-8 made the build raise (its path
    cannot go into documents.jsonl); it is now left out with a note, shown sanitised."""
    corpus = make_corpus(tmp_path / "corpus")
    _write(corpus, b"bad\xff\xfename.txt", b"Belimumab reduces B cells.\n")
    os.mkdir(os.path.join(os.fsencode(corpus), b"folder\x9b"))
    _write(corpus / os.fsdecode(b"folder\x9b"), b"inner.txt", b"Inner text.\n")
    _write(corpus, b"new\nline\x1b[31m.txt", b"Belimumab reduces B cells.\n")
    index = tmp_path / "index"
    built = cli("index", "--corpus", str(corpus), "--index", str(index))
    assert built.code == 0
    assert "skipped, name is not valid UTF-8; rename it to have it indexed (2): " in built.out
    assert "3 documents" in built.out  # the two bundled ones and the one with a newline
    assert _inert(built.out) and _inert(built.err)
    for args in (["status"], ["ask", QUESTION], ["index"]):
        result = cli(*args, "--corpus", str(corpus), "--index", str(index))
        assert result.code == 0, result.err
        assert _inert(result.out) and _inert(result.err)
    assert "Up to date" in cli("status", "--corpus", str(corpus), "--index", str(index)).out


def _changed_during_a_build(
    corpus: Path, index: Path, cli: Any, monkeypatch: pytest.MonkeyPatch, change: Any
) -> tuple[str, str]:
    """Build with `change()` made to the corpus after the walk, before the documents are
    read; then (the status right after, the next build's report), and check that the build
    after that one finds the index up to date."""
    compute = indexing.compute_contents

    def change_then_compute(*args: Any, **kwargs: Any) -> Any:
        change()
        return compute(*args, **kwargs)

    monkeypatch.setattr(indexing, "compute_contents", change_then_compute)
    assert cli("index", "--corpus", str(corpus), "--index", str(index)).code == 0
    monkeypatch.setattr(indexing, "compute_contents", compute)
    status = cli("status", "--corpus", str(corpus), "--index", str(index)).out
    rebuilt = cli("index", "--corpus", str(corpus), "--index", str(index)).out
    assert "Up to date" in cli("status", "--corpus", str(corpus), "--index", str(index)).out
    return status, rebuilt


def test_a_file_edited_during_a_build_is_stale_afterwards(
    tmp_path: Path, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file list recorded each file's size and time when the build ended, after the file
    was read: one edited meanwhile had its new time recorded beside its old text, and status
    called the index up to date (ask gave no staleness warning) until the file changed again."""
    corpus = make_corpus(tmp_path / "corpus")
    edited = corpus / "biotherapy-in-lupus-faq.txt"

    def edit() -> None:
        edited.write_text(edited.read_text(encoding="utf-8") + "\nEdited meanwhile.\n")
        os.utime(edited, ns=(time.time_ns() + 10**9,) * 2)  # another time, whatever the clock

    status, rebuilt = _changed_during_a_build(corpus, tmp_path / "index", cli, monkeypatch, edit)
    assert "STALE" in status and "modified: biotherapy-in-lupus-faq.txt" in status
    assert "updated (1): biotherapy-in-lupus-faq.txt" in rebuilt


def test_a_file_added_during_a_build_is_indexed_by_the_next(
    tmp_path: Path, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file list was made from a second walk at the end of the build: a file added after
    the first walk went into it as a file seen and not indexed, so status and every later
    build called the index up to date and the file was never indexed until it changed."""
    corpus = make_corpus(tmp_path / "corpus")

    def add() -> None:
        (corpus / "zz-new.txt").write_text("Voclosporin is a calcineurin inhibitor.\n")

    status, rebuilt = _changed_during_a_build(corpus, tmp_path / "index", cli, monkeypatch, add)
    assert "STALE" in status and "added: zz-new.txt" in status
    assert "added (1): zz-new.txt" in rebuilt
