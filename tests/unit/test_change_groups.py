"""A stale index's changes grouped by kind (changegroups): the short notice of `ask` and the
chat, and the lines of `citeqa status`. An upgrade of the .txt reader made the notice one line of
900 characters, five files each named with the same words."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import cast

import pytest

from citeqa.changegroups import (
    STATUS_NAMED,
    grouped,
    short_changes,
    status_lines,
)
from citeqa.chunking import CUTTING_VERSION
from citeqa.filelist import FileList
from citeqa.readers import reader_versions
from citeqa.status import _index_now, corpus_now, stale_notice
from citeqa.store import FORMAT_VERSION, LoadedIndex


def reader(name: str, suffix: str = ".txt", then: int = 1, now: int = 3) -> str:
    """A change as rereading.reasons writes it."""
    return (
        f"reader changed: {name} (read by version {then} of the {suffix} reader, now {now};"
        " `citeqa index` reads it again)"
    )


CUT = "documents cut into passages by an older citeqa (version 1, now 5): `citeqa index` cuts"
UPGRADE = [reader(f"doc-{n}.txt") for n in range(5)] + [CUT]


def test_several_files_of_one_kind_are_counted_not_each_named() -> None:
    notice = stale_notice(UPGRADE)
    assert notice == (
        "the index is STALE, an older citeqa built it: 5 documents read by an older .txt reader"
        " (version 1, now 3) and documents cut into passages by an older citeqa;"
        " run `citeqa index` (`citeqa status` lists the changes)."
    )
    assert "doc-0" not in notice
    assert status_lines(UPGRADE) == [
        "5 documents read by an older .txt reader (version 1, now 3):"
        " doc-0.txt, doc-1.txt, doc-2.txt, doc-3.txt, doc-4.txt",
        CUT,
    ]


def test_a_long_list_names_the_first_files_unless_all_are_asked_for() -> None:
    changes = [f"modified: note-{n:02d}.txt" for n in range(STATUS_NAMED + 7)]
    [line] = status_lines(changes)
    assert line.startswith(f"{STATUS_NAMED + 7} files modified: note-00.txt, ")
    assert line.count("note-") == STATUS_NAMED
    assert line.endswith(" and 7 more (`citeqa status --all`)")
    [every] = status_lines(changes, every=True)
    assert every.count("note-") == STATUS_NAMED + 7 and "more" not in every
    assert short_changes(changes) == f"{STATUS_NAMED + 7} files modified"


def test_mixed_kinds_each_make_a_group_in_the_order_first_met() -> None:
    changes = [
        "modified: a.txt",
        "added: b.txt",
        reader("c.html", ".html", 4, 5),
        "added: d.txt",
        "modified: e.txt",
        reader("f.pdf", ".pdf", 2, 1),
        "removed: g.txt",
        "term knowledge: built by an older citeqa (no re-embedding needed)",
    ]
    assert [(group.what, group.names) for group in grouped(changes)] == [
        ("modified", ["a.txt", "e.txt"]),
        ("added", ["b.txt", "d.txt"]),
        ("read by an older .html reader (version 4, now 5)", ["c.html"]),
        ("read by a newer .pdf reader (version 2, now 1)", ["f.pdf"]),
        ("removed", ["g.txt"]),
        ("term knowledge: built by an older citeqa (no re-embedding needed)", []),
    ]
    assert short_changes(changes) == "2 files modified, 2 files added and 4 more changes"


def test_one_file_is_named() -> None:
    assert short_changes(["removed: old notes.txt"]) == "1 file removed: old notes.txt"
    assert status_lines([reader("faq.txt")]) == [
        "1 document read by an older .txt reader (version 1, now 3): faq.txt"
    ]


def test_names_with_control_characters_are_made_visible() -> None:
    name = "evil\x1b[31mred\nnext\u202eline.txt"
    for changes in ([f"modified: {name}"], [reader(name)], [reader(name), reader("b.txt")]):
        for said in (
            stale_notice(changes) or "",
            *status_lines(changes),
            *status_lines(changes, every=True),
        ):
            assert "\x1b" not in said and "\n" not in said and "\u202e" not in said
    assert "evil" in short_changes([f"modified: {name}"])


def test_a_name_holding_the_reader_words_keeps_them() -> None:
    """The name is what lies before the line's last "(read by version": a file may be named
    with those words."""
    name = "x (read by version 9 of the .md reader, now 9; y).txt"
    [group] = grouped([reader(name)])
    assert group.names == [name]
    assert group.what == "read by an older .txt reader (version 1, now 3)"


def _index_changes(corpus: Path, version: int, built_from: Path | None = None) -> list[str]:
    """What status._index_now writes of an index of `corpus` (built from `built_from`, when
    it was elsewhere), each reader of whose documents, its cutting and its format are of
    `version` (older or newer than now), and which stored no term knowledge."""
    endings = sorted(reader_versions())
    files = SimpleNamespace(
        document_files=lambda: [f"doc{ending}" for ending in endings], skipped=lambda: []
    )
    manifest = SimpleNamespace(
        corpus_manifest_sha256=None,
        corpus_dir=str((built_from or corpus).absolute()),
        readers=dict.fromkeys(endings, version),
        cutting_version=version,
        format_version=version,
        index_files=[],
    )
    listed = FileList.of([]) if built_from else files  # a folder there is walked: no file
    index = SimpleNamespace(manifest=manifest, files=lambda: listed, statistics=None)
    return _index_now(cast(LoadedIndex, index), corpus).changes


@pytest.mark.parametrize("version", [0, max(CUTTING_VERSION, FORMAT_VERSION, 99) + 1])
def test_every_change_status_writes_says_something_in_the_notice(
    tmp_path: Path, version: int
) -> None:
    """A change whose kind the short notice did not know said nothing: "built it: ; run …"."""
    changes = _index_changes(tmp_path / "gone", version)
    (tmp_path / "moved").mkdir()
    moved = _index_changes(tmp_path / "moved", version, built_from=tmp_path / "before")
    assert moved[0].startswith("moved: the index was built from ")  # a renamed corpus folder
    (tmp_path / "kept").mkdir()
    other = _index_changes(tmp_path / "moved", version, built_from=tmp_path / "kept")
    assert other[0].startswith("another folder: the corpus is now read from ")  # still there
    changes += [
        moved[0],
        other[0],
        "added: a.txt",
        "modified: b.txt (unreadable)",
        "modified: manifest.json (titles or domain file)",
        "removed: c.txt",
        "of a type now read: d.json",
    ]
    assert len(changes) >= 4 + 4 + len(reader_versions())  # folder, knowledge, cut, format
    for change in changes:
        assert short_changes([change]).strip(), change
        assert stale_notice([change]) is not None and ": ;" not in str(stale_notice([change]))


def test_a_change_of_a_kind_the_notice_does_not_know_says_its_own_words() -> None:
    """A kind added later, unknown to the short notice, vanished from it."""
    new = "tokeniser changed: built with \x1b[31mversion 1, now 2" + " long" * 40
    said = short_changes([new])
    assert said.startswith("tokeniser changed: built with ") and "\x1b" not in said
    assert len(said) < len(new)


def test_a_missing_corpus_folder_is_its_own_line_not_a_removed_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It read "1 file removed: /home/u/corpus (corpus folder missing)"."""
    monkeypatch.chdir(tmp_path)
    [missing] = corpus_now(cast(FileList, None), Path("gone"), None).changes
    assert missing == f"removed: {tmp_path / 'gone'} (corpus folder missing)"
    assert status_lines([missing, "removed: b.txt"]) == [missing, "1 file removed: b.txt"]
    assert short_changes([missing]) == missing
    assert stale_notice([missing]) == (
        f"the index is STALE, the corpus changed since it was built: {missing}; run `citeqa"
        " index` (`citeqa status` lists the changes)."
    )
    named = "removed: notes (corpus folder missing)"  # a file of the corpus named so
    assert status_lines([named]) == ["1 file removed: notes (corpus folder missing)"]


def test_a_status_display_names_a_few_files_of_each_kind_unless_it_lists_everything() -> None:
    """changegroups.status_lines: the one rule of `citeqa status` and the chat's status
    screen (each once wrote its own `None if listed is None else STATUS_NAMED`)."""
    changes = [f"modified: note-{n:02d}.txt" for n in range(STATUS_NAMED + 7)]
    [few] = status_lines(changes, every=False)
    assert few.count("note-") == STATUS_NAMED
    [every] = status_lines(changes, every=True)
    assert every.count("note-") == STATUS_NAMED + 7


def test_files_of_a_type_read_since_the_build_are_one_group_of_an_older_citeqa() -> None:
    changes = [f"of a type now read: {name}" for name in ("plans.yaml", "codes.json")]
    assert status_lines(changes) == [
        "2 files of a type an older citeqa did not read: plans.yaml, codes.json"
    ]
    assert stale_notice(changes[:1]) is not None
    assert "an older citeqa built it: 1 file of a type an older citeqa did not read:" in (
        stale_notice(changes[:1]) or ""
    )
