"""A wiki export's page ids (Notion: "Onboarding 3f2a….md", "Team Handbook 5b7a…/") leave
document ids and titles made from file names; ids stay unique."""

from __future__ import annotations

from pathlib import Path

from citeqa.corpus import read_corpus
from citeqa.export_names import without_page_id, without_page_ids

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
