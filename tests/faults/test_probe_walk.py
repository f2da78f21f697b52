"""Hostile corpora against the folder walk and the build reading a document at a time
(session 4 probe): names that are not UTF-8, and files changing while a build reads them."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from fault_helpers import QUESTION, make_corpus


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
    assert built.out.count("not valid UTF-8") == 2
    assert "3 documents" in built.out  # the two bundled ones and the one with a newline
    assert _inert(built.out) and _inert(built.err)
    for args in (["status"], ["ask", QUESTION], ["index"]):
        result = cli(*args, "--corpus", str(corpus), "--index", str(index))
        assert result.code == 0, result.err
        assert _inert(result.out) and _inert(result.err)
    assert "Up to date" in cli("status", "--corpus", str(corpus), "--index", str(index)).out
