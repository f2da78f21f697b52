"""The reader registry: every format module is found, suffixes are case-blind, and a reader
registered from outside is used by corpus.read_document like a built-in one."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import pytest

from citeqa import readers
from citeqa.corpus import UnreadableDocument, read_document
from citeqa.readers import Extracted, read_types, reader_for, register_reader


@pytest.fixture(autouse=True)
def _registry_restored(monkeypatch: pytest.MonkeyPatch) -> None:
    """Readers a test registers leave with it (a ".shout" reader left registered changed the
    read types every later message names, in whichever test the same worker ran next)."""
    reader_for(".txt")  # the built-in readers found first, so the copy holds them
    monkeypatch.setattr(readers, "_by_suffix", dict(readers._by_suffix))


def test_built_in_formats_are_discovered() -> None:
    endings = (".txt", ".md", ".rst", ".pdf", ".html", ".htm", ".docx", ".pptx", ".odt", ".ods")
    kinds = {suffix: reader_for(suffix) for suffix in endings}
    assert {suffix: r.kind for suffix, r in kinds.items() if r} == {
        ".txt": "txt",
        ".md": "md",
        ".rst": "rst",
        ".pdf": "pdf",
        ".html": "html",
        ".htm": "html",
        ".docx": "docx",
        ".pptx": "pptx",
        ".odt": "odt",
        ".ods": "ods",
    }
    assert reader_for(".HTML") is reader_for(".html")
    assert reader_for(".ppt") is None
    assert ".pdf" in read_types() and " and " in read_types()


@dataclass(frozen=True)
class UpperReader:
    """A made-up format: the decoded text upper-cased, with a title."""

    kind: str = "shout"
    suffixes: tuple[str, ...] = (".shout",)
    decoded: bool = True

    def extract(self, content: str | bytes, relative: str) -> Extracted:
        return Extracted(str(content).upper(), title=f"loud {relative}")


def test_a_registered_reader_is_used_for_its_suffix(tmp_path: Path) -> None:
    (tmp_path / "a.shout").write_bytes("caf\xe9 ol\xe9\n".encode("latin-1"))
    with pytest.raises(UnreadableDocument, match="unsupported"):
        read_document(tmp_path / "a.shout", tmp_path, {})
    register_reader(UpperReader())
    document = read_document(tmp_path / "a.shout", tmp_path, {})
    assert (document.kind, document.text, document.title) == ("shout", "CAFÉ OLÉ\n", "loud a.shout")
    assert document.warnings == ["a.shout: not valid UTF-8; decoded as cp1252"]
    assert ".shout" in read_types()


def test_a_reader_registered_by_a_test_is_gone_after_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """Order-independent: registers, then undoes what the autouse fixture set up (as pytest
    does when a test ends) and finds the registry as it was."""
    register_reader(UpperReader())
    assert reader_for(".shout") is not None
    monkeypatch.undo()
    assert reader_for(".shout") is None and ".shout" not in read_types()


def test_a_decoded_reader_never_sees_binary_content(tmp_path: Path) -> None:
    register_reader(UpperReader())
    (tmp_path / "b.shout").write_bytes(b"\x00\x01binary")
    with pytest.raises(UnreadableDocument, match="binary"):
        read_document(tmp_path / "b.shout", tmp_path, {})


def test_a_damaged_pdf_is_skipped_with_citeqa_reason_and_no_pypdf_log_lines(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """pypdf logs "invalid pdf header" and "EOF marker not found" on such a file; citeqa's skip
    reason says it all, and pypdf's logger level is restored after the read."""
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"_\x0e\xfb8N not a PDF at all")
    before = logging.getLogger("pypdf").level
    with caplog.at_level(logging.DEBUG), pytest.raises(UnreadableDocument) as skipped:
        read_document(broken, tmp_path, {})
    assert skipped.value.reason == "not a PDF: the file holds something else"  # no header
    assert [r.getMessage() for r in caplog.records if r.name.startswith("pypdf")] == []
    assert logging.getLogger("pypdf").level == before
