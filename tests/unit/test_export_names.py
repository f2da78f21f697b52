"""A wiki export's page ids (Notion: "Onboarding 3f2a….md", "Team Handbook 5b7a…/") leave
document ids and titles made from file names; ids stay unique."""

from __future__ import annotations

from pathlib import Path

from citeqa.corpus import read_corpus, unique_document_ids
from citeqa.export_names import without_page_id, without_page_ids
from citeqa.indexing import build_index
from small_corpora import fake_settings

PAGE = "3f2a9c1b7d8e4f0a9b1c2d3e4f5a6b7c"
FOLDER = "5b7a1e0f3c2d4e6f8a9b0c1d2e3f4a5b"
TABLE = "a1b2c3d4e5f60718293a4b5c6d7e8f90"


def test_a_page_id_leaves_file_and_folder_names() -> None:
    assert without_page_id(f"Onboarding {PAGE}.md") == "Onboarding.md"
    assert without_page_id(f"Team Handbook {FOLDER}") == "Team Handbook"
    assert without_page_ids(f"Team Handbook {FOLDER}/Projects {TABLE}.csv") == (
        "Team Handbook/Projects.csv"
    )


def test_names_without_a_page_id_stay() -> None:
    assert without_page_id("Wiki Export 8c1e2d") == "Wiki Export 8c1e2d"
    assert without_page_id(f"{PAGE}.md") == f"{PAGE}.md"  # the id alone is the name
    assert without_page_id(f"Onboarding{PAGE}.md") == f"Onboarding{PAGE}.md"
    assert without_page_id("release_notes-2024.md") == "release_notes-2024.md"


def test_documents_of_an_export_have_ids_and_titles_without_page_ids(tmp_path: Path) -> None:
    folder = tmp_path / f"Team Handbook {FOLDER}"
    folder.mkdir()
    (folder / f"Onboarding {PAGE}.md").write_text("# Onboarding\n\nNew starters get a key.\n")
    (folder / f"Projects {TABLE}.csv").write_text("Name,Lead\nGarden,Ben Carter\n")
    found = {doc.doc_id: doc.title for doc in read_corpus(tmp_path).documents}
    assert found == {
        "Team Handbook/Onboarding": "Onboarding",
        "Team Handbook/Projects": "Projects",
    }


def test_two_pages_of_one_name_keep_unique_ids(tmp_path: Path) -> None:
    (tmp_path / f"Notes {PAGE}.md").write_text("# Notes\n\nThe first page of notes.\n")
    (tmp_path / f"Notes {TABLE}.md").write_text("# Notes\n\nThe second page of notes.\n")
    ids = [doc.doc_id for doc in read_corpus(tmp_path).documents]
    assert len(set(ids)) == 2
    assert "Notes" in ids


def _write_team_pages(tmp_path: Path, hexes: list[str]) -> None:
    for number, hex_id in enumerate(hexes, start=1):
        folder = tmp_path / "Wiki" / f"Team {hex_id}"
        folder.mkdir(parents=True)
        (folder / "Onboarding.md").write_text(
            f"# Onboarding\n\nTeam {number} meets Buddy{number}.\n"
        )


def test_three_folders_of_one_name_give_three_ids_naming_real_files(tmp_path: Path) -> None:
    """Review C (s23): the fallback id "Wiki/Team/Onboarding.md" was given twice."""
    _write_team_pages(tmp_path, [PAGE, FOLDER, TABLE])
    reading = read_corpus(tmp_path)
    ids = {doc.doc_id: doc.text for doc in reading.documents}
    assert len(ids) == 3
    assert "Wiki/Team/Onboarding" in ids
    for hex_id in (PAGE, FOLDER, TABLE):
        own = f"Wiki/Team {hex_id}/Onboarding"
        if own in ids:
            assert any(f"{own}.md" in warning for warning in reading.warnings)
    assert not any("Wiki/Team/Onboarding.md" in warning for warning in reading.warnings)


def test_ids_do_not_depend_on_file_order() -> None:
    names = [f"Wiki/Team {h}/Onboarding.md" for h in (PAGE, FOLDER, TABLE)] + [
        "notes.txt",
        f"notes {PAGE}.md",
        "notes.md",
        "notes.md.txt",
    ]
    ids = unique_document_ids(names)
    assert unique_document_ids(list(reversed(names))) == ids
    assert len(set(ids.values())) == len(names)
    assert ids["notes.md"] == "notes" and ids[f"notes {PAGE}.md"] == f"notes {PAGE}"


def test_a_file_without_a_page_id_keeps_its_plain_id(tmp_path: Path) -> None:
    """A new exported "notes <id>.md" next to "notes.md" does not take the id "notes"."""
    (tmp_path / "notes.md").write_text("# Notes\n\nMy own notes.\n")
    (tmp_path / f"notes {PAGE}.md").write_text("# Notes\n\nExported notes.\n")
    ids = {doc.doc_id: doc.text for doc in read_corpus(tmp_path).documents}
    assert ids["notes"].startswith("# Notes\n\nMy own")
    assert ids[f"notes {PAGE}"].startswith("# Notes\n\nExported")


def test_an_update_reports_a_file_whose_id_changed(tmp_path: Path) -> None:
    """Review C (s23): a file whose citations now carry another id was "unchanged"."""
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    exported = f"notes {PAGE}.md"
    (corpus / exported).write_text("# Notes\n\nExported notes about the garden.\n")
    build_index(fake_settings(corpus, index))
    (corpus / "notes.md").write_text("# Notes\n\nMy own notes about the kitchen.\n")
    report = build_index(fake_settings(corpus, index))
    assert report.added == ["notes.md"]
    assert report.updated == [exported]
    assert report.unchanged == []
