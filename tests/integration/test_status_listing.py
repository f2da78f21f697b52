"""`citeqa status` on a corpus of many files: the document table and the list of changes stop
at citeqa.listing.LISTED rows and say how many more there are; `--all` and `--json` give them
all (a corpus of 36,612 files made a table that took 27 s to lay out)."""

from __future__ import annotations

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
