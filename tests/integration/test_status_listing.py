"""`citeqa status` on a corpus of many files: past citeqa.listing.LISTED documents, a summary
per folder and the largest documents (status_summary), and the changes one line per kind
naming its first files (changegroups), each saying how many more there are; `--all` and
`--json` give them all (a corpus of 36,612 files made a table that took 27 s to lay out)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from integration_helpers import fake_settings

from citeqa.api import build_index
from citeqa.changegroups import STATUS_NAMED
from citeqa.listing import LISTED
from citeqa.status_summary import LARGEST

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
    assert f"note-{LARGEST - 1:03d}" in short.out and f"note-{LARGEST:03d}" not in short.out
    assert f"… and {FILES - LARGEST} more documents" in short.out and "Up to date" in short.out
    every = cli("status", "--all", **where)
    assert f"note-{FILES - 1:03d}" in every.out and "more documents" not in every.out
    described = cli("status", "--json", **where)
    assert described.out.count('"doc_id"') == FILES

    for number in range(FILES):  # every file edited: as many changes as files
        (corpus / f"note-{number:03d}.txt").write_text(f"Edited {number}.\n", encoding="utf-8")
    stale = cli("status", **where)
    said = f"STALE: the corpus changed since the index was built ({FILES} changes)"
    assert said in stale.out
    [line] = [line for line in stale.out.splitlines() if "files modified" in line]
    named = ", ".join(f"note-{number:03d}.txt" for number in range(STATUS_NAMED))
    more = f" and {FILES - STATUS_NAMED} more (`citeqa status --all`)"
    assert line == f"  {FILES} files modified: {named}{more}"  # one line, the first named
    every = cli("status", "--all", **where).out.splitlines()
    [line] = [line for line in every if "files modified" in line]
    assert line.count("note-") == FILES and "more" not in line


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


def test_a_corpus_of_many_notes_and_a_few_papers_is_summed_up_per_folder(
    tmp_path: Path, cli: Any
) -> None:
    """The user trial: 300 short notes listed first alphabetically hid the 7 real documents."""
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    many_files(corpus / "notes")
    paragraph = "The renal response at week 52 was measured in every patient of the trial. "
    for name in ("a-paper", "b-paper"):
        (corpus / "papers").mkdir(exist_ok=True)
        (corpus / "papers" / f"{name}.txt").write_text(
            "\n\n".join(paragraph * 4 for _ in range(12)), encoding="utf-8"
        )
    (corpus / "lettre.txt").write_text(
        "La réponse rénale a été mesurée chez tous les patients de l'essai.\n", encoding="utf-8"
    )
    build_index(fake_settings(corpus, index))
    shown = cli("status", corpus_dir=str(corpus), index_dir=str(index))
    assert shown.code == 0, shown.err
    rows = [" ".join(line.strip("│ ").split()) for line in shown.out.splitlines()]
    assert f"Index {index}: {FILES + 3} documents by folder" in rows
    assert f"notes │ {FILES} │ {FILES} │ en {FILES}" in rows
    assert "(top level) │ 1 │ 1 │ fr 1" in rows
    assert f"languages: en {FILES + 2}, fr 1" in rows
    papers = [row for row in rows if row.startswith("papers/")]
    assert [row.split(" │ ")[0] for row in papers] == ["papers/a-paper", "papers/b-paper"]
    assert shown.out.index("papers/a-paper") < shown.out.index("notes/note-000")
    assert f"… and {FILES + 3 - LARGEST} more documents" in shown.out


def test_status_lists_the_first_folders_and_counts_the_rest(tmp_path: Path, cli: Any) -> None:
    """One row a top-level folder, uncapped: 36,000 folders made one huge table."""
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    for number in range(LISTED + 7):
        (corpus / f"f{number:03d}").mkdir(parents=True)
        (corpus / f"f{number:03d}" / "note.txt").write_text(
            f"Note {number} on renal response.\n", encoding="utf-8"
        )
    build_index(fake_settings(corpus, index))
    where = {"corpus_dir": str(corpus), "index_dir": str(index)}
    shown = cli("status", **where)
    assert shown.code == 0, shown.err
    rows = [" ".join(line.strip("│ ").split()) for line in shown.out.splitlines()]
    folders = [row for row in rows if row.endswith("│ 1 │ 1 │ en 1")]
    assert len(folders) == LISTED and folders[-1].startswith(f"f{LISTED - 1:03d} ")
    assert "… and 7 more folders (run `citeqa status --all` for the full list)" in rows
    assert "more folders" not in cli("status", "--all", **where).out


def test_status_names_a_link_leading_outside_as_index_does(tmp_path: Path, cli: Any) -> None:
    """The user trial: `index` listed a link leading outside the corpus as skipped, `status
    --json` left it out of `skipped`."""
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    (corpus / "notes.txt").write_text("Renal response at week 76.\n", encoding="utf-8")
    (corpus / "report.docx").write_bytes(b"PK\x03\x04 not read")
    (tmp_path / "secret.txt").write_text("Not in the corpus.\n", encoding="utf-8")
    (corpus / "passwd.txt").symlink_to(tmp_path / "secret.txt")
    where = {"corpus_dir": str(corpus), "index_dir": str(index)}
    built = cli("index", **where)
    assert built.code == 0 and "passwd.txt" in built.out + built.err
    described = json.loads(cli("status", "--json", **where).out)
    assert described["skipped"] == ["passwd.txt", "report.docx"]
    assert "skipped, not documents (2; `citeqa index` says why)" in cli("status", **where).out


def test_index_says_in_one_short_line_why_it_skipped_a_picture(tmp_path: Path, cli: Any) -> None:
    """s35 trial: `citeqa index` listed forty endings to say why it skipped a logo; the line
    says what was skipped and why, and points to `citeqa status --formats`, which lists them
    (with no index needed)."""
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    (corpus / "notes.txt").write_text("Renal response at week 76.\n", encoding="utf-8")
    (corpus / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    where = {"corpus_dir": str(corpus), "index_dir": str(index)}
    formats = cli("status", "--formats", **where)  # before any build
    assert formats.code == 0 and formats.out.startswith("citeqa reads ")
    assert ".pdf" in formats.out and ".txt" in formats.out
    listed = json.loads(cli("status", "--formats", "--json", **where).out)  # s36 review
    assert {".pdf", ".txt"} <= set(listed["reads"])
    for beside in ("--all", "--verify"):
        refused = cli("status", "--formats", beside, **where)
        assert refused.code != 0 and "without --all or --verify" in refused.out + refused.err
    built = cli("index", **where)
    lines = [line.strip() for line in (built.out + built.err).splitlines()]
    assert built.code == 0
    assert (
        "skipped, unsupported file type (1): logo.png (`citeqa status --formats` lists the types"
        " citeqa reads)"
    ) in lines
