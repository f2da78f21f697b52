"""The chat's export and the files already in its folder (probe s10-pr): an export is named by
the second it was made in and was written over whatever had that name: a second export in the
same second (another chat open on another corpus), a file of the user's, or the file a link of
that name points to. An export is now always a new file (`-2`, `-3`... when the name is taken),
and a failed write leaves nothing of itself."""

from __future__ import annotations

import resource
from datetime import datetime
from pathlib import Path

import pytest

from citeqa.models import Answer
from citeqa.tui.conversation import Turn
from citeqa.tui.export import ExportContext, export_filename, write_conversation

NOW = datetime(2026, 11, 29, 5, 0, 0)


def _turns(question: str) -> list[Turn]:
    answer = Answer(question=question, answer="", abstained=True, confidence=0.0)
    return [Turn(number=1, question=question, answer=answer)]


def test_exports_in_one_second_are_two_files(tmp_path: Path) -> None:
    context = ExportContext("hash", "/index")
    first = write_conversation(_turns("first chat"), context, tmp_path, NOW)
    second = write_conversation(_turns("second chat"), context, tmp_path, NOW)
    assert first.name == export_filename(NOW)
    assert second.name == export_filename(NOW).replace(".md", "-2.md")
    assert "first chat" in first.read_text(encoding="utf-8")
    assert "second chat" in second.read_text(encoding="utf-8")


def test_an_export_never_writes_through_a_link_or_over_a_file(tmp_path: Path) -> None:
    precious = tmp_path / "precious.txt"
    precious.write_bytes(b"the user's own file\n")
    exports = tmp_path / "exports"
    exports.mkdir()
    (exports / export_filename(NOW)).symlink_to(precious)
    (exports / export_filename(NOW).replace(".md", "-2.md")).write_bytes(b"mine\n")
    path = write_conversation(_turns("q"), ExportContext("hash", "/index"), exports, NOW)
    assert path.name == export_filename(NOW).replace(".md", "-3.md")
    assert precious.read_bytes() == b"the user's own file\n"
    assert (exports / export_filename(NOW).replace(".md", "-2.md")).read_bytes() == b"mine\n"


def test_a_failed_export_leaves_nothing_behind(tmp_path: Path) -> None:
    turns = [turn for n in range(40) for turn in _turns(f"question {n} about belimumab")]
    previous = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (1000, previous[1]))  # `ulimit -f`: EFBIG past it
    try:
        with pytest.raises(OSError, match="File too large"):
            write_conversation(turns, ExportContext("hash", "/index"), tmp_path, NOW)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, previous)
    assert list(tmp_path.iterdir()) == []
