"""citeqa deletes only what it created (issue 10, items 1 and 2): the marker, refusals, decoys,
the previous version's indexes, and the corpus an index remembers."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from fault_helpers import (
    QUESTION,
    SmallBuild,
    decoy_snapshot,
    fake_settings,
    make_corpus,
    owned,
    plant_decoys,
    snapshot,
)

from citeqa import ownership as ownership_module
from citeqa import publishing as publishing_module
from citeqa.api import build_index, index_status, open_assistant
from citeqa.config import Settings
from citeqa.errors import CorpusEmpty, CorpusMissing, IndexRefused, IndexWriteError
from citeqa.ownership import MARKER, read_marker
from citeqa.store import load_index


def _builds(index: Path) -> list[str]:
    return sorted(p.name for p in index.iterdir() if p.name.startswith("build-") and p.is_dir())


@pytest.mark.parametrize(
    "args",
    [
        ["index"],
        ["index", "--rebuild"],
        ["ask", QUESTION],
        ["ask", QUESTION, "--json"],
        ["status"],
        ["eval"],
        ["chat"],
    ],
)
def test_a_users_folder_is_never_written(tmp_path: Path, cli: Any, args: list[str]) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    home = tmp_path / "h"
    home.mkdir()
    before = plant_decoys(home)
    result = cli(*args, "--corpus", str(corpus), "--index", str(home))
    assert result.code != 0
    message = result.error_line()
    if args[:1] in (["index"], ["ask"], ["eval"]):
        assert "not a citeqa index folder" in message
    assert snapshot(home) == before


def test_the_issue_repro_with_an_empty_corpus(tmp_path: Path, cli: Any) -> None:
    """`.tmp-*` entries went even when the build then failed."""
    empty = tmp_path / "empty"
    empty.mkdir()
    home = tmp_path / "h"
    home.mkdir()
    before = plant_decoys(home)
    assert cli("index", "--corpus", str(empty), "--index", str(home)).code != 0
    assert snapshot(home) == before


@pytest.mark.parametrize("where", ["eidx", "new/parents/eidx"])
def test_a_failed_first_build_leaves_no_folder_it_created(
    tmp_path: Path, cli: Any, where: str
) -> None:
    """`citeqa index --corpus EMPTY --index eidx` (exit 9) left eidx/ holding the marker: the
    folders this run created, holding only what it wrote, go with the failure."""
    empty = tmp_path / "empty"
    empty.mkdir()
    index = tmp_path / "cwd" / where
    assert cli("index", "--corpus", str(empty), "--index", str(index)).code == 9
    assert sorted(p.name for p in (tmp_path / "cwd").iterdir()) == []
    assert not os.path.lexists(index)


def test_a_failed_build_keeps_a_folder_that_existed_or_holds_more(tmp_path: Path, cli: Any) -> None:
    """An existing empty folder stays (with what claiming it wrote); a new folder into which
    something else came during the build stays, with that and the marker."""
    empty = tmp_path / "empty"
    empty.mkdir()
    existing = tmp_path / "existing"
    existing.mkdir()
    assert cli("index", "--corpus", str(empty), "--index", str(existing)).code == 9
    assert existing.is_dir() and read_marker(existing) is not None

    new = tmp_path / "new"
    write = ownership_module.write_new_file

    def and_a_users_file(path: Path, data: bytes) -> None:  # the marker's write, then a note
        write(path, data)
        (new / "notes.txt").write_text("mine")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ownership_module, "write_new_file", and_a_users_file)
        assert cli("index", "--corpus", str(empty), "--index", str(new)).code == 9
    assert (new / "notes.txt").read_text() == "mine" and (new / MARKER).is_file()


def test_decoys_inside_an_index_folder_survive_rebuilds(small: SmallBuild, cli: Any) -> None:
    settings, index = small.settings, small.index
    build_index(settings)
    plant_decoys(index, skip=("current",))  # citeqa's own link in its own folder
    decoys = decoy_snapshot(index, skip=("current",))
    for _ in range(3):
        build_index(settings, rebuild=True)
        assert len(_builds(index)) == 2  # the current build and the user's build-scripts/
    assert decoy_snapshot(index, skip=("current",)) == decoys
    assert cli("index", *small.where, "--rebuild").code == 0
    assert cli("ask", QUESTION, "--index", str(index)).code == 0
    assert decoy_snapshot(index, skip=("current",)) == decoys


def test_a_file_named_current_in_an_empty_index_is_not_replaced(small: SmallBuild) -> None:
    settings, index = small.settings, small.index
    build_index(settings)
    (index / "current").unlink()
    (index / "current").write_text("mine\n")
    with pytest.raises(IndexRefused, match="current"):
        build_index(settings)
    assert (index / "current").read_text() == "mine\n"


def test_index_and_corpus_must_be_separate(tmp_path: Path, cli: Any) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    (corpus / "build-log.txt").write_text("A build log is a document too.\n")
    before = snapshot(corpus)
    for index in (corpus, corpus / "idx", tmp_path):
        result = cli("index", "--corpus", str(corpus), "--index", str(index))
        assert result.code != 0
        assert "inside" in result.error_line()
    assert snapshot(corpus) == before
    assert not (tmp_path / MARKER).exists()


def test_a_new_folder_gets_a_marker_and_owned_names(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    index = tmp_path / "new" / "index"
    build_index(fake_settings(corpus, index))
    owner = read_marker(index)
    assert owner is not None
    assert [owner.is_build(name) for name in _builds(index)] == [True]
    assert not owned(owner, "build-plan.txt") and not owned(owner, ".tmp-notes")
    assert os.readlink(index / "current") == _builds(index)[0]


def test_only_names_of_the_exact_shape_citeqa_gives_areowned(tmp_path: Path) -> None:
    """s26 hostile probe, finding 1: any name starting `build-<token>-` was citeqa's, so a user's
    copy `build-<token>-<stamp>-backup` went as a superseded build (or as a temporary)."""
    owner = ownership_module.Ownership(tmp_path, "abc123")
    temporary, build = owner.new_build_names()
    named = owner.temporary_name("link").name
    assert owner.is_build(build) and not owner.is_temporary(build)
    assert owner.is_temporary(temporary.name) and owner.is_temporary(named)
    for copy in (f"{build}-backup", f"{build}.bak", f"{temporary.name}-x", f"{named} (copy)"):
        assert not owned(owner, copy), copy
    assert not owned(owner, build.replace("abc123", "abc12"))


def test_an_empty_existing_folder_is_accepted(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    index = tmp_path / "index"
    index.mkdir()
    build_index(fake_settings(corpus, index))
    assert read_marker(index) is not None


def _make_legacy(index: Path) -> str:
    """Turn a built index into the previous version's layout: no marker, `build-<stamp>`."""
    (index / MARKER).unlink()
    (index / ".readers").unlink()
    [build] = _builds(index)
    legacy = "build-20260101T000000-123456789"
    (index / build).rename(index / legacy)
    manifest = json.loads((index / legacy / "manifest.json").read_text(encoding="utf-8"))
    del manifest["build_folder"]  # that version's builds recorded no folder name
    (index / legacy / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    (index / "current").unlink()
    os.symlink(legacy, index / "current")
    (index / ".tmp-20260101T000000-1").mkdir()  # an old leftover, or a user's: left alone
    return legacy


def test_an_index_of_the_previous_version_is_adopted(small: SmallBuild) -> None:
    settings, index = small.settings, small.index
    build_index(settings)
    legacy = _make_legacy(index)
    assert load_index(index).folder.name == legacy  # reading needs no marker
    build_index(settings, rebuild=True)
    owner = read_marker(index)
    assert owner is not None and owner.adopted == {legacy}
    assert legacy not in _builds(index) and len(_builds(index)) == 1  # superseded, removed
    assert (index / ".tmp-20260101T000000-1").is_dir()


def test_a_previous_version_index_with_a_users_file_is_refused(small: SmallBuild) -> None:
    settings, index = small.settings, small.index
    build_index(settings)
    legacy = _make_legacy(index)
    (index / "notes.txt").write_text("mine")
    before = snapshot(index)
    with pytest.raises(IndexRefused):
        build_index(settings, rebuild=True)
    assert snapshot(index) == before
    assert load_index(index).folder.name == legacy


def test_a_foreign_marker_is_not_trusted(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    index = tmp_path / "index"
    index.mkdir()
    (index / MARKER).write_text(json.dumps({"kind": "something else"}))
    with pytest.raises(IndexRefused):
        build_index(fake_settings(corpus, index))


# ---- the index remembers its corpus --------------------------------------------------------


def test_a_moved_corpus_is_an_error_naming_it(tmp_path: Path, cli: Any) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    index = tmp_path / "index"
    build_index(fake_settings(corpus, index))
    before = snapshot(index)
    shutil.move(corpus, tmp_path / "moved")
    result = cli("index", "--index", str(index))
    assert result.code == 8
    assert str(corpus) in result.error_line()
    assert snapshot(index) == before
    status = cli("status", "--index", str(index))
    assert "STALE" in status.out and str(corpus) in " ".join(status.out.split())


def test_the_remembered_corpus_is_used_without_corpus(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    index = tmp_path / "index"
    build_index(fake_settings(corpus, index))
    implicit = Settings(channels=("fake",)).model_copy(update={"index_dir": index})
    assert index_status(implicit).corpus_dir == str(corpus)
    (corpus / "new.txt").write_text("Belimumab is a new thing here.\n")
    report = build_index(implicit)
    assert report.added == ["new.txt"]
    assert open_assistant(implicit, build_if_missing=False).settings.corpus_dir == corpus
    shutil.rmtree(corpus)
    with pytest.raises(CorpusMissing, match=str(corpus)):
        build_index(implicit)


def test_a_decoy_corpus_is_only_read(tmp_path: Path, cli: Any) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    plant_decoys(corpus)
    before = snapshot(corpus)
    where = ["--corpus", str(corpus), "--index", str(tmp_path / "index")]
    for args in (["index"], ["index", "--rebuild"], ["ask", QUESTION], ["status"]):
        assert cli(*args, *where).code == 0
        assert snapshot(corpus) == before


def test_a_committed_marker_without_its_lock_files(tmp_path: Path) -> None:
    """The checkout's index/ holds only README.md and the marker (both in git)."""
    corpus = make_corpus(tmp_path / "corpus")
    index = tmp_path / "index"
    index.mkdir()
    repo_index = Path(__file__).resolve().parents[2] / "index"
    shutil.copyfile(repo_index / MARKER, index / MARKER)
    shutil.copyfile(repo_index / "README.md", index / "README.md")
    build_index(fake_settings(corpus, index))
    assert (index / ".readers").is_file() and (index / ".lock").is_file()
    owner = read_marker(index)
    assert owner is not None and [owner.is_build(name) for name in _builds(index)] == [True]
    assert (index / "README.md").read_bytes() == (repo_index / "README.md").read_bytes()


@pytest.mark.parametrize("where", ["a/../eidx", "a/b/../../eidx"])
def test_a_failed_first_build_through_dot_dot_leaves_no_folder(tmp_path: Path, where: str) -> None:
    """An index folder given as `a/../eidx` with no `a/` (the CLI resolves its --index; the
    API takes the path as given): the build creates `a/` (mkdir takes the path as written),
    and a failure took back `eidx/` but left `a/`."""
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(CorpusEmpty):
        build_index(fake_settings(empty, tmp_path / where))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty"]


def _check_build_b(index: Path, corpus: Path) -> None:
    report = build_index(fake_settings(corpus, index))
    assert report.documents == 2
    owner = read_marker(index)
    assert owner is not None and owner.is_build(os.readlink(index / "current"))
    assert load_index(index) is not None


def test_a_claim_removed_before_the_lock_is_made_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Build A fails and removes the new folder it created (marker, lock files, folder) while
    build B is between claiming the folder and opening its lock file: B claims it again and
    builds, its build owned by the folder's marker (it failed: no lock file in a folder that
    went)."""
    corpus = make_corpus(tmp_path / "corpus")
    index = tmp_path / "new" / "index"
    claim = ownership_module.claim
    calls: list[Path] = []

    def claimed_then_removed_by_a(index_dir: Path) -> Any:
        owner = claim(index_dir)
        if not calls:
            ownership_module.remove_unused([index_dir, index_dir.parent])
            assert not index_dir.parent.exists()
        calls.append(index_dir)
        return owner

    monkeypatch.setattr(publishing_module, "claim", claimed_then_removed_by_a)
    _check_build_b(index, corpus)
    assert len(calls) == 2


def test_a_claim_removed_before_the_lock_is_taken_is_made_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same between B opening the lock file and locking it: B locks the removed lock file,
    sees no marker under the lock, and claims again (it built in a folder without a marker,
    whose next claim would not own the build)."""
    corpus = make_corpus(tmp_path / "corpus")
    index = tmp_path / "new" / "index"
    removed: list[bool] = []

    class RemovedBeforeTheLock:
        def __getattr__(self, name: str) -> Any:
            return getattr(fcntl, name)

        def flock(self, descriptor: int, operation: int) -> None:
            if not removed:
                removed.append(True)
                ownership_module.remove_unused([index, index.parent])
                assert not index.parent.exists()
            fcntl.flock(descriptor, operation)

    monkeypatch.setattr(publishing_module, "fcntl", RemovedBeforeTheLock())
    _check_build_b(index, corpus)
    assert removed


def test_a_failed_first_build_leaves_the_folder_to_a_build_holding_the_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The build lock is released when a failed build leaves `claimed_and_locked`; the removal
    of the folder it created (remove_unused) then takes the lock again for itself, and leaves
    everything when another build holds it meanwhile (that build owns the folder now)."""
    corpus = make_corpus(tmp_path / "corpus")
    index = tmp_path / "new" / "index"
    remove_unused = ownership_module.remove_unused
    held: list[bool] = []

    def while_another_build_holds_the_lock(made: list[Path]) -> None:
        with publishing_module.build_lock(index):  # raises IndexLocked if the failed one held it
            held.append(True)
            remove_unused(made)
        assert read_marker(index) is not None and (index / ".lock").exists()

    def fails(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("citeqa.indexing.remove_unused", while_another_build_holds_the_lock)
    monkeypatch.setattr("citeqa.indexing._update", fails)
    with pytest.raises(IndexWriteError):
        build_index(fake_settings(corpus, index))
    assert held and index.is_dir()
    monkeypatch.undo()
    _check_build_b(index, corpus)  # the folder and its marker serve the next build


def test_an_ownership_compiles_its_name_shapes_once(monkeypatch: pytest.MonkeyPatch) -> None:
    owner = ownership_module.Ownership(Path("/nowhere"), "abc123")
    temporary, build = owner.new_build_names()
    compiled: list[str] = []
    compile_pattern = ownership_module.re.compile

    def counted(pattern: str, *args: Any) -> Any:
        compiled.append(pattern)
        return compile_pattern(pattern, *args)

    monkeypatch.setattr(ownership_module.re, "compile", counted)
    for _ in range(3):
        assert owner.is_build(build) and not owner.is_build(f"{build}-backup")
        assert owner.is_temporary(temporary.name) and not owner.is_temporary(".tmp-notes")
    assert len(compiled) == 2
