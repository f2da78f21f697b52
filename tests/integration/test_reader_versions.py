"""A reader whose output changed reads its files again: an index records the version of the
reader of each file ending (rereading.py), and a build, status and the report act on it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from integration_helpers import SMALL_DOCS, fake_settings, make_corpus

from citeqa import indexing, rereading
from citeqa.api import build_index, index_status, open_assistant
from citeqa.filelist import FileList
from citeqa.readers import reader_versions
from citeqa.readers.html import HtmlReader
from citeqa.store import load_index

TABLE_PAGE = (
    "<html><head><title>Leave</title></head><body><h1>Leave</h1><table>"
    "<tr><th>Kind</th><th>Days</th></tr><tr><td>Bereavement leave</td><td>5</td></tr>"
    "</table></body></html>"
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Two text files and an HTML page."""
    folder = make_corpus(tmp_path / "corpus", SMALL_DOCS)
    (folder / "leave.html").write_text(TABLE_PAGE, encoding="utf-8")
    return folder


def _built_by_older_html_reader(corpus: Path, index: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An index whose HTML files the reader of version 1 read (then the version goes back)."""
    with monkeypatch.context() as patched:
        patched.setattr(HtmlReader, "version", 1)
        build_index(fake_settings(corpus, index))
    assert load_index(index).manifest.readers == {**reader_versions(), ".html": 1, ".htm": 1}


def test_an_older_html_reader_makes_only_the_html_files_read_again(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_embedder: Any
) -> None:
    index = tmp_path / "index"
    _built_by_older_html_reader(corpus, index, monkeypatch)
    fake_embedder.texts_embedded = 0

    report = build_index(fake_settings(corpus, index))

    assert report.updated == ["leave.html"] and report.unchanged == list(SMALL_DOCS)
    assert report.added == report.removed == [] and not report.full_rebuild
    loaded = load_index(index)
    assert [c for c in loaded.chunks if c.doc_id == "leave"]
    # the page is read again, but its text reads as before: its passages and sentences keep
    # their vectors (textmatch.py matches them by text), none is embedded again (an upgrade
    # that bumps a reader re-embedded every file of its ending: 1,291 chunks of an 83-note vault)
    assert fake_embedder.texts_embedded == 0
    assert loaded.manifest.readers == reader_versions()
    fake_embedder.texts_embedded = 0
    again = build_index(fake_settings(corpus, index))  # now up to date
    assert again.updated == [] and fake_embedder.texts_embedded == 0


def test_status_names_the_reader_that_changed(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_embedder: Any
) -> None:
    index = tmp_path / "index"
    (corpus / "more.html").write_text(TABLE_PAGE.replace("Bereavement", "Parental"))
    _built_by_older_html_reader(corpus, index, monkeypatch)

    status = index_status(fake_settings(corpus, index))

    assert status.stale
    assert status.changed == [  # one line per file: the count of changes is the count listed
        f"reader changed: {name}.html (read by version 1 of the .html reader, now"
        f" {HtmlReader.version};"
        " `citeqa index` reads it again)"
        for name in ("leave", "more")
    ]
    build_index(fake_settings(corpus, index))
    assert not index_status(fake_settings(corpus, index)).stale


def test_an_index_that_recorded_no_reader_versions_reads_again_only_changed_formats(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_embedder: Any
) -> None:
    """An index written before readers had versions: its files count as read by version 1,
    so only the files of a reader now past version 1 are read again, once (the HTML page;
    the .txt files too since their titles skip preambles, text reader version 2)."""
    index = tmp_path / "index"
    with monkeypatch.context() as patched:
        patched.setattr(indexing, "reader_versions", lambda: None)
        build_index(fake_settings(corpus, index))
    assert load_index(index).manifest.readers is None

    report = build_index(fake_settings(corpus, index))

    files = sorted([*SMALL_DOCS, "leave.html"])
    moved = [name for name in files if reader_versions()[Path(name).suffix] > 1]
    assert moved and report.updated == moved
    assert report.unchanged == [name for name in files if name not in moved]
    assert not index_status(fake_settings(corpus, index)).stale


def test_an_up_to_date_index_is_checked_for_reader_changes_without_reading_its_file_list(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_embedder: Any
) -> None:
    """`citeqa ask` checks on every start whether a reader changed: when none did, no
    document's path is read or looked at, so the check does not grow with the corpus."""
    index = tmp_path / "index"
    build_index(fake_settings(corpus, index))

    def unread(*_: object) -> list[str]:
        raise AssertionError("the file list was read though no reader changed")

    monkeypatch.setattr(FileList, "document_files", unread)
    monkeypatch.setattr(FileList, "documents", unread)
    assert open_assistant(fake_settings(corpus, index)).changes() == []
    assert rereading.outdated(reader_versions(), unread) == []
    assert rereading.reasons(reader_versions(), unread) == []


def test_the_reasons_for_a_reread_read_the_readers_versions_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The versions `reasons` lists and those it found changed are one reading: a reader
    registered meanwhile (a plug-in, another thread) cannot make them disagree."""
    versions = iter([{".html": 2, ".txt": 1}, {".txt": 1}])  # .html's reader gone at a second
    monkeypatch.setattr(rereading, "reader_versions", lambda: next(versions))
    assert rereading.reasons({".html": 1}, lambda: ["a.html", "b.txt"]) == [
        "reader changed: a.html (read by version 1 of the .html reader, now 2;"
        " `citeqa index` reads it again)"
    ]


def test_a_changed_reader_outdates_exactly_the_files_of_its_ending() -> None:
    names = ["a.html", "b/C.HTML", "x.html/readme.txt", "d/.html", "e.htm", "f.html.txt", "g."]
    then = {**reader_versions(), ".html": 1}
    assert rereading.outdated(then, lambda: names) == ["a.html", "b/C.HTML"]
    assert rereading.changed_endings(then) == (".html",)


def test_a_file_of_a_type_read_since_the_build_makes_the_index_stale_until_read(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_embedder: Any
) -> None:
    """Session 21: a plans.yaml an older citeqa skipped (no reader then) left its index "up to
    date" after the upgrade, its prices never searched until `citeqa index` ran."""
    from citeqa import readers

    (corpus / "plans.yaml").write_text("plans:\n  team:\n    price: 19\n", encoding="utf-8")
    (corpus / "gone.yaml").write_text("a: 1\n", encoding="utf-8")
    index = tmp_path / "index"
    with monkeypatch.context() as patched:  # an older citeqa: no reader of .yaml files
        patched.setattr(readers, "_by_suffix", dict(readers._by_suffix))
        del readers._by_suffix[".yaml"]
        build_index(fake_settings(corpus, index))
    (corpus / "gone.yaml").unlink()

    status = index_status(fake_settings(corpus, index))
    assert status.stale and status.changed == [  # gone.yaml once, not also as "now read"
        "removed: gone.yaml",
        f"{rereading.NOW_READ}plans.yaml",
    ]
    assert status.unread.types == {} and status.unread.not_read_yet == {".yaml": 2}

    report = build_index(fake_settings(corpus, index))
    assert report.added == ["plans.yaml"]
    assert not index_status(fake_settings(corpus, index)).stale


def test_a_changed_text_reader_outdates_the_plain_text_names_without_an_ending() -> None:
    """LICENSE, AUTHORS, COPYING.LESSER are read by the .txt reader (readers.reader_for_name):
    its new version reads them again, and `status` names that reader."""
    names = ["LICENSE", "sub/AUTHORS", "COPYING.LESSER", "notes.txt", "Makefile", "a.html"]
    then = {**reader_versions(), ".txt": 1}
    assert rereading.outdated(then, lambda: names) == names[:4]
    now = reader_versions()[".txt"]
    assert rereading.reasons(then, lambda: names)[0] == (
        f"reader changed: LICENSE (read by version 1 of the .txt reader, now {now};"
        " `citeqa index` reads it again)"
    )
