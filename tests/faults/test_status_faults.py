"""Smaller faults (issue 10, item 9): UTF-16 files, unreadable files and staleness, what a
status check reads, and hand-edited manifests."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from fault_helpers import fake_settings, indexed, make_corpus

from citeqa import corpus as corpus_module
from citeqa.api import build_index, index_status, open_assistant
from citeqa.errors import IndexCorrupt, IndexMissing
from citeqa.store import current_build, load_index


def test_utf16_with_a_bom_is_read_and_cited(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = "Walrus notes\r\n\r\nThe walrus tusk of an adult male reaches one metre in length.\r\n"
    (corpus / "le.txt").write_bytes(text.encode("utf-16"))  # little-endian, with its BOM
    (corpus / "be.md").write_bytes(
        b"\xfe\xff" + "# Orcas\n\nOrcas hunt seals.\n".encode("utf-16-be")
    )
    settings = fake_settings(corpus, tmp_path / "index", abstain_threshold=0.0)
    report = build_index(settings)
    assert report.added == ["be.md", "le.txt"] and not report.skipped
    answer = open_assistant(settings, build_if_missing=False).ask("How long is the walrus tusk?")
    citation = answer.citations[0]
    assert citation.doc_id == "le"
    assert text[citation.start : citation.end] == citation.quote


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every file citeqa hashes, by name; `locked.txt` cannot be read."""
    hashed: list[str] = []
    real = corpus_module.file_sha256

    def counting(path: Path) -> str:
        hashed.append(path.name)
        if path.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    real_read = corpus_module._read_bytes

    def reading(path: Path, reader: Any) -> bytes:
        if path.name == "locked.txt":
            raise corpus_module.UnreadableDocument("cannot be read (Permission denied)")
        return real_read(path, reader)

    monkeypatch.setattr(corpus_module, "file_sha256", counting)
    monkeypatch.setattr(corpus_module, "_read_bytes", reading)
    return hashed


def test_an_unreadable_file_does_not_keep_status_stale(tmp_path: Path, counted: Any) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    (corpus / "locked.txt").write_text("secret")
    settings = fake_settings(corpus, tmp_path / "index")
    report = build_index(settings)
    assert any("locked.txt" in line for line in report.skipped)
    assert not index_status(settings).stale
    os.utime(corpus / "locked.txt", ns=(1, 1))  # touched: read again, still unreadable
    assert not index_status(settings).stale


def test_status_hashes_only_changed_files_of_supported_types(
    tmp_path: Path, counted: list[str]
) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    (corpus / "big.bin").write_bytes(b"\0" * 1_000_000)
    settings = fake_settings(corpus, tmp_path / "index")
    build_index(settings)
    assert "big.bin" not in counted  # an unsupported file is never hashed
    counted.clear()
    assert not index_status(settings).stale
    assert counted == []  # sizes and times unchanged: nothing read
    faq = corpus / "biotherapy-in-lupus-faq.txt"
    stat = faq.stat()
    os.utime(faq, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))  # touched, same bytes
    (corpus / "big.bin").write_bytes(b"\1" * 2_000_000)
    assert not index_status(settings).stale
    assert counted == ["biotherapy-in-lupus-faq.txt"]
    faq.write_text(faq.read_text(encoding="utf-8") + "\nA new line.\n", encoding="utf-8")
    status = index_status(settings)
    assert status.stale and status.changed == ["modified: biotherapy-in-lupus-faq.txt"]


@pytest.mark.parametrize("edit", ["empty", "one-less"])
def test_a_hand_edited_manifest_is_still_verified(tmp_path: Path, edit: str) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    settings = fake_settings(corpus, tmp_path / "index")
    build_index(settings)
    path = current_build(settings.index_dir) / "manifest.json"
    manifest = json.loads(path.read_text())
    if edit == "empty":
        manifest["index_files"] = {}
    else:
        manifest["index_files"].pop("chunks.jsonl")
    path.write_text(json.dumps(manifest))
    (path.parent / "chunks.jsonl").write_text("garbage\n")
    with pytest.raises(IndexCorrupt, match="altered"):
        load_index(settings.index_dir)


def test_status_hashes_the_index_files_only_with_verify(
    tmp_path: Path, hashed_files: list[str]
) -> None:
    """Plain status checks the index's files by size and time, as ask does (a cost that does
    not grow with the index); --verify hashes every one, and says so."""
    from citeqa.verification import STAMPS

    settings = fake_settings(make_corpus(tmp_path / "corpus"), tmp_path / "index")
    build_index(settings)
    folder = current_build(settings.index_dir)
    record = (folder / STAMPS).stat()
    os.utime(folder / STAMPS, ns=(record.st_atime_ns, record.st_mtime_ns + 10**9))
    hashed = hashed_files
    cheap = index_status(settings)
    assert hashed == [] and not cheap.verified
    verified = index_status(settings, verify=True)
    assert verified.verified and "chunks.jsonl" in hashed
    listed = json.loads((folder / "manifest.json").read_text())["index_files"]
    assert sorted(hashed) == sorted(Path(name).name for name in listed)


HAND_EDITS = {
    "negative chunk count": {"chunk_count": -5},
    "negative sentence count": {"sentence_count": -1},
    "built at a 100 KB time": {"built_at": "\x1b[31m2026" + "9" * 100_000},
    "built at no time": {"built_at": "yesterday"},
    "a channel of no dimension": {"channels": [{"name": "fake", "model": "m", "package": "p",
                                                "version": "1", "dim": -512}]},
}  # fmt: skip


@pytest.mark.parametrize("edit", sorted(HAND_EDITS))
def test_a_manifest_edited_to_values_no_build_writes_is_invalid(
    tmp_path: Path, cli: Any, edit: str
) -> None:
    """Values a build never writes (a count below zero, a build time that is none, 100 KB
    long: `status` printed "-5 chunks" and the whole 100 KB "built" line, and called the index
    up to date) are an invalid manifest: one line naming the fix, and `index` rebuilds it."""
    _, _, where = indexed(tmp_path, cli)
    path = current_build(tmp_path / "index") / "manifest.json"
    path.write_text(json.dumps({**json.loads(path.read_text()), **HAND_EDITS[edit]}))
    result = cli("status", *where)
    assert result.code == 6
    assert result.error_line().endswith("manifest.json is invalid; run `citeqa index`.")
    assert cli("index", *where).code == 0 and cli("status", *where).code == 0


@pytest.mark.parametrize("with_index", [False, True])
def test_status_before_a_build_names_the_index_command_for_its_folders(
    tmp_path: Path, cli: Any, with_index: bool
) -> None:
    """`citeqa status --corpus DIR` before any build says the command that builds DIR's index:
    a bare `citeqa index` would build the bundled corpus's (s29 trial)."""
    corpus = make_corpus(tmp_path / "my docs")
    index = ["--index", str(tmp_path / "idx")] if with_index else []
    result = cli("status", "--corpus", str(corpus), *index)
    assert result.code == IndexMissing.exit_code != 0
    line = result.error_line()
    assert f"run `citeqa index --corpus '{corpus}'" in line
    assert (f"--index {tmp_path / 'idx'}`" in line) is with_index
