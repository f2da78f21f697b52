"""`citeqa status` on a corpus of many files: the document table and the list of changes stop
at citeqa.listing.LISTED rows and say how many more there are; `--all` and `--json` give them
all (a corpus of 36,612 files made a table that took 27 s to lay out)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from integration_helpers import fake_settings

from citeqa.api import build_index
from citeqa.listing import LISTED

FILES = LISTED + 12


def many_files(folder: Path) -> Path:
    folder.mkdir()
    for number in range(FILES):
        (folder / f"note-{number:03d}.txt").write_text(
            f"Note {number} on renal response and biopsies, week {number}.\n", encoding="utf-8"
        )
    return folder


def test_status_lists_the_first_documents_and_changes_and_counts_the_rest(
    tmp_path: Path, cli: Any
) -> None:
    corpus, index = many_files(tmp_path / "corpus"), tmp_path / "index"
    build_index(fake_settings(corpus, index))
    where = {"corpus_dir": str(corpus), "index_dir": str(index)}

    short = cli("status", **where)
    assert short.code == 0, short.err
    assert f"note-{LISTED - 1:03d}" in short.out and f"note-{LISTED:03d}" not in short.out
    assert "... and 12 more documents" in short.out and "Up to date" in short.out
    every = cli("status", "--all", **where)
    assert f"note-{FILES - 1:03d}" in every.out and "more documents" not in every.out
    described = cli("status", "--json", **where)
    assert described.out.count('"doc_id"') == FILES

    for number in range(FILES):  # every file edited: as many changes as files
        (corpus / f"note-{number:03d}.txt").write_text(f"Edited {number}.\n", encoding="utf-8")
    stale = cli("status", **where)
    assert f"STALE: the corpus changed since the index was built ({FILES})" in stale.out
    assert stale.out.count("  modified: note-") == LISTED
    assert "... and 12 more changes" in stale.out
    assert cli("status", "--all", **where).out.count("  modified: note-") == FILES


def test_status_names_the_files_the_build_skipped(tmp_path: Path, cli: Any) -> None:
    """The user trial: `citeqa status` never mentioned the .docx and the broken PDF that
    `citeqa index` had skipped."""
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    (corpus / "notes.txt").write_text("Renal response at week 76.\n", encoding="utf-8")
    (corpus / "dress-code.docx").write_bytes(b"PK\x03\x04 not read")
    (corpus / "broken.pdf").write_bytes(b"%PDF-1.4 cut short")
    build_index(fake_settings(corpus, index))
    where = {"corpus_dir": str(corpus), "index_dir": str(index)}
    shown = cli("status", **where)
    assert shown.code == 0, shown.err
    assert (
        "skipped, not documents (2; `citeqa index` says why): broken.pdf, dress-code.docx"
        in shown.out
    )
    described = json.loads(cli("status", "--json", **where).out)
    assert described["skipped"] == ["broken.pdf", "dress-code.docx"]
    assert [doc["doc_id"] for doc in described["documents"]] == ["notes"]
