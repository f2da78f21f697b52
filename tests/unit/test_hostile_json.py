"""Every JSON file citeqa writes and reads back, damaged: cut short, not UTF-8, of the wrong
shape (a list where an object belongs) or nested thousands deep. Each reader gives its one
clear error or its fallback, never a traceback (json's RecursionError, an AttributeError on a
list, a KeyError on a missing field escaped several of them)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from citeqa import ownership, store, usecopies, usemodel, userdirs
from citeqa.errors import CiteqaError, IndexCorrupt
from citeqa.evaluation import peer_cache, sets
from citeqa.filelist import FileList
from citeqa.jsonfiles import parse_json, read_object
from citeqa.jsonlines import IDS, DocumentTable, offsets_name
from citeqa.lexical import LexicalIndex
from citeqa.qdrantindex import QdrantIndex
from citeqa.verification import STAMPS, verify_files
from older_lexical import as_older

DEEP = b"[" * 100_000 + b"]" * 100_000
HOSTILE = {
    "truncated": b'{"format": 1, "kind": "citeqa-in',
    "not utf-8": b'{"format": 1, "kind": "\xff\xfe\xfa"}',
    "a list": b'[1, 2, {"format": 1}]',
    "a number": b"42",
    "deeply nested": DEEP,
    "deep inside an object": b'{"format": 1, "files": ' + DEEP + b"}",
}


NO_STAMPS = np.zeros((0, 2), dtype=np.int64)
"""files.stamps.npy of a list of no file."""


def _manifest(folder: Path, data: bytes) -> None:
    (folder / "manifest.json").write_bytes(data)
    with pytest.raises(CiteqaError):  # IndexCorrupt, or IndexIncompatible for another shape
        store.read_manifest(folder)


def _statistics(folder: Path, data: bytes) -> None:
    (folder / store.STATISTICS).write_bytes(data)
    manifest = SimpleNamespace(index_files={store.STATISTICS: "-"})
    with pytest.raises(ValueError):  # what its callers turn into IndexCorrupt or a rewrite
        store.read_statistics(folder, manifest)  # type: ignore[arg-type]


def _document_ids(folder: Path, data: bytes) -> None:
    (folder / "documents.jsonl").write_bytes(b"")
    np.save(folder / offsets_name("documents.jsonl"), np.zeros(1, dtype=np.int64))
    (folder / IDS).write_bytes(data)
    with pytest.raises(ValueError):
        DocumentTable.load(folder / "documents.jsonl")


def _file_list_header(folder: Path, data: bytes) -> None:
    with pytest.raises(IndexCorrupt):
        FileList.parse(data + b"\n[]\n[]\n[]\n[]\n[]\n[]", NO_STAMPS)


def _file_list_column(folder: Path, data: bytes) -> None:
    header = b'{"format": 2, "columns": ["file", "sha256", "doc_id", "title", "chunks", "lang"]}'
    files = FileList.parse(header + b"\n" + data + b"\n[]\n[]\n[]\n[]\n[]", NO_STAMPS)
    with pytest.raises(IndexCorrupt):
        files.column("file")


def _ownership_marker(folder: Path, data: bytes) -> None:
    (folder / ownership.MARKER).write_bytes(data)
    assert ownership.read_marker(folder) is None  # not a citeqa index: nothing is removed


def _verification_stamps(folder: Path, data: bytes) -> None:
    (folder / "a.bin").write_bytes(b"abc")
    (folder / STAMPS).write_bytes(data)
    digest = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    verify_files(folder, {"a.bin": digest})
    with pytest.raises(IndexCorrupt):  # nothing trusted: hashed, so a wrong digest is caught
        verify_files(folder, {"a.bin": "0" * 64})


def _qdrant_pointer(folder: Path, data: bytes) -> None:
    (folder / "vectors-use.qdrant.json").write_bytes(data)
    with pytest.raises(ValueError):  # IndexCorrupt where the index is loaded (store.py)
        QdrantIndex.load(folder / "vectors-use.qdrant.json")


def _lexical_file(name: str, older: bool = False) -> Callable[[Path, bytes], None]:
    """Damage `name` in a saved lexical index (`older`: one saved before the sorted vocabulary,
    whose JSON vocabulary is read)."""

    def check(folder: Path, data: bytes) -> None:
        LexicalIndex.build([["lupus", "rein"], ["rein"]]).save(folder)
        if older:
            as_older(folder)
        (folder / name).write_bytes(data)
        with pytest.raises(IndexCorrupt):
            LexicalIndex.load(folder)

    return check


def _use_copy_manifest(folder: Path, data: bytes) -> None:
    (folder / usecopies.MANIFEST).write_bytes(data)
    (folder / "model.bin").write_bytes(b"weights")
    assert usecopies.is_copy(folder) is False
    assert usemodel.load_copy(SimpleNamespace(threads=1), folder) is False


def _ui_state(folder: Path, data: bytes) -> None:
    path = userdirs.ui_state_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    assert userdirs.read_ui_state() == {}  # defaults
    userdirs.write_ui_state(theme="nord")  # and the next choice is saved over it
    assert userdirs.read_ui_state() == {"theme": "nord"}


def _peer_cache(folder: Path, data: bytes) -> None:
    (folder / "peers.json").write_bytes(data)
    assert peer_cache._stored(folder / "peers.json") is None  # computed again


def _set_registry(folder: Path, data: bytes) -> None:
    (folder / "sets.json").write_bytes(data)
    with pytest.raises(CiteqaError, match="not valid"):
        sets.read_registry(folder / "sets.json")


READERS: dict[str, Callable[[Path, bytes], None]] = {
    "index manifest": _manifest,
    "statistics": _statistics,
    "document ids": _document_ids,
    "file list header": _file_list_header,
    "file list column": _file_list_column,
    "ownership marker": _ownership_marker,
    "verification stamps": _verification_stamps,
    "qdrant pointer": _qdrant_pointer,
    "lexical.json": _lexical_file("lexical.json"),
    "bm25 params": _lexical_file("params.index.json"),
    "bm25 vocabulary": _lexical_file("vocab.index.json", older=True),
    "USE copy manifest": _use_copy_manifest,
    "ui state": _ui_state,
    "peer cache": _peer_cache,
    "set registry": _set_registry,
}


@pytest.mark.parametrize("damage", sorted(HOSTILE))
@pytest.mark.parametrize("reader", sorted(READERS))
def test_a_damaged_json_file_is_one_clear_error_or_a_fallback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reader: str, damage: str
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    folder = tmp_path / "files"
    folder.mkdir()
    READERS[reader](folder, HOSTILE[damage])


@pytest.mark.parametrize("damage", sorted(HOSTILE))
def test_read_object_raises_value_error_for_anything_but_an_object(
    tmp_path: Path, damage: str
) -> None:
    (tmp_path / "f.json").write_bytes(HOSTILE[damage])
    with pytest.raises(ValueError):
        read_object(tmp_path / "f.json")


def test_parse_json_reads_what_json_reads(tmp_path: Path) -> None:
    assert parse_json(b'{"a": [1, 2.5, "\xc3\xa9"]}') == {"a": [1, 2.5, "é"]}
    nested = parse_json("[" * 50 + "]" * 50)  # nesting a writer produces reads
    for _ in range(49):
        nested = nested[0]
    assert nested == []
    (tmp_path / "f.json").write_bytes(b'{"kind": "citeqa-index"}')
    assert read_object(tmp_path / "f.json") == {"kind": "citeqa-index"}


def test_a_number_too_long_to_read_is_said_without_python_advice() -> None:
    """A number of more digits than Python converts (4,300) is a ValueError whose message
    says so in a reader's words: json's own told the user to call sys.set_int_max_str_digits
    (it reached a batch line's error, an index manifest's and a corpus manifest's warning)."""
    with pytest.raises(ValueError) as caught:
        parse_json('{"id": 1' + "0" * 5000 + "}")
    message = str(caught.value)
    assert "number too long to read" in message
    assert "sys." not in message and "4300" not in message
    with pytest.raises(json.JSONDecodeError):  # other bad JSON keeps json's own error
        parse_json('{"id": 1')
