"""What a build says it skipped: one line a reason with the first names and a count, however
many files (buildnotes.skipped_lines); a FIFO or a socket in the corpus is said skipped, not
dropped silently, and never opened (folderwalk)."""

from __future__ import annotations

import os
import socket
from pathlib import Path

from citeqa.buildnotes import REPORT_NAMED, skipped_lines
from citeqa.corpus import read_corpus


def test_skipped_files_are_grouped_by_reason_with_the_names_capped() -> None:
    notes = [f"e{n:05}.txt: empty file" for n in range(20_000)]
    notes.insert(3, "picture.png: unsupported file type")
    notes.append("odd: name.txt: empty file")  # a name holding ": " is cut at its first
    lines = skipped_lines(notes)
    assert len(lines) == 3
    assert lines[0].startswith("skipped, empty file (20000): e00000.txt, e00001.txt, ")
    assert lines[0].endswith(f" and {20_000 - REPORT_NAMED} more")
    assert lines[1] == (
        "skipped, unsupported file type (1): picture.png (`citeqa status --formats` lists the"
        " types citeqa reads)"
    )
    assert lines[2] == "skipped, name.txt: empty file (1): odd"


def test_past_ten_reasons_the_rest_share_one_line() -> None:
    notes = [f"f{n}.txt: cannot be read (error {n})" for n in range(REPORT_NAMED + 5)]
    lines = skipped_lines(notes)
    assert len(lines) == REPORT_NAMED + 1
    assert (
        lines[-1] == "skipped for 5 other reasons (5): f10.txt, f11.txt, f12.txt, f13.txt, f14.txt"
    )


def test_a_fifo_or_a_socket_named_like_a_document_is_said_skipped(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A readable document about trials.", encoding="utf-8")
    os.mkfifo(tmp_path / "x.txt")  # opened, it would wait for a writer
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(tmp_path / "s.txt"))
        reading = read_corpus(tmp_path)
    finally:
        server.close()
    assert [Path(document.path).name for document in reading.documents] == ["a.txt"]
    assert reading.skipped == [
        "s.txt: not a regular file (a socket)",
        "x.txt: not a regular file (a FIFO)",
    ]
