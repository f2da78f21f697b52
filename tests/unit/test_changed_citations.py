"""Which quotes of an answer come from files changed since the index was built."""

from __future__ import annotations

from citeqa.changed_citations import changed_files, changed_quote_notes
from citeqa.models import Citation


def _citation(n: int, path: str) -> Citation:
    return Citation(n=n, doc_id="d", title="t", path=path, start=0, end=4, quote="Text")


def test_changed_files_are_the_modified_and_removed_ones() -> None:
    changes = [
        "added: new.txt",
        "modified: docs/reset.html",
        "modified: old.pdf (unreadable)",
        "removed: gone.md",
        "modified: manifest.json (titles or domain file)",
        "1 document read by an older .txt reader (version 8, now 9): a.txt",
    ]
    changed = changed_files(changes)
    assert changed == {
        "docs/reset.html": "modified",
        "old.pdf": "modified",
        "gone.md": "removed",
        "manifest.json (titles or domain file)": "modified",
    }


def test_notes_name_each_changed_file_quoted_with_its_quote_numbers() -> None:
    citations = [
        _citation(1, "/home/u/kb/docs/reset.html"),
        _citation(2, "/home/u/kb/docs/other.html"),
        _citation(3, "/home/u/kb/docs/reset.html"),
        _citation(4, "/home/u/kb/gone.md"),
        _citation(5, "/home/u/kb/mydocs/reset.html"),  # another file ending alike
    ]
    changed = {"docs/reset.html": "modified", "gone.md": "removed"}
    assert changed_quote_notes(citations, changed, "/home/u/kb") == [
        "[1], [3] quote docs/reset.html as it was indexed; the file changed since.",
        "[4] quotes gone.md as it was indexed; the file was removed since.",
    ]
    assert changed_quote_notes(citations, {}, "/home/u/kb") == []
    assert changed_quote_notes(citations, {"added.txt": "modified"}, "/home/u/kb") == []


def test_a_file_of_a_subfolder_is_not_the_changed_file_of_its_name_above() -> None:
    """Review of the first version: it matched a citation's path by its ending, so a quote of
    sub/notes.md was said to come from a changed notes.md at the corpus's top."""
    citations = [_citation(1, "/kb/sub/notes.md"), _citation(2, "/elsewhere/notes.md")]
    assert changed_quote_notes(citations, {"notes.md": "modified"}, "/kb") == []
    assert changed_quote_notes(citations, {"sub/notes.md": "modified"}, "/kb") == [
        "[1] quotes sub/notes.md as it was indexed; the file changed since."
    ]


def test_a_changed_file_name_is_shown_on_one_visible_line() -> None:
    name = "bad\x1b[31m\nname.txt"
    [note] = changed_quote_notes([_citation(1, f"/kb/{name}")], {name: "modified"}, "/kb")
    assert "\x1b" not in note and "\n" not in note and "name.txt" in note


def test_the_note_is_in_the_answers_language() -> None:
    """The s21 hostile probe: the note was English beside a French answer."""
    citations = [_citation(1, "/kb/tarifs.md"), _citation(2, "/kb/tarifs.md")]
    changed = {"tarifs.md": "modified"}
    assert changed_quote_notes(citations, changed, "/kb", "fr") == [
        "[1], [2] citent tarifs.md tel qu’il a été indexé ; le fichier a changé depuis."
    ]
    removed = changed_quote_notes(citations[:1], {"tarifs.md": "removed"}, "/kb", "fr")
    assert removed == [
        "[1] cite tarifs.md tel qu’il a été indexé ; le fichier a été supprimé depuis."
    ]
