"""The index's list of corpus files (filelist.py): not read to answer, read by status and
builds, and an index of format 1 (the list inside manifest.json) still opens and is reused."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from integration_helpers import build_folders, fake_settings, make_corpus

from citeqa import previousindex, verification
from citeqa.api import build_index, index_status, open_assistant
from citeqa.chunking import CUTTING_VERSION
from citeqa.errors import IndexCorrupt
from citeqa.filelist import (
    COLUMNS,
    EARLIER_FILES,
    FILES,
    STAMPS,
    FileList,
    IndexedFile,
    RecordedFiles,
)
from citeqa.lexical import LexicalIndex
from citeqa.status import stale_reason
from citeqa.store import FORMAT_VERSION, current_build, load_index
from citeqa.vectorindex import FaissIndex


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, Path]:
    corpus = make_corpus(tmp_path / "corpus")
    (corpus / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    build_index(fake_settings(corpus, tmp_path / "index"))
    return corpus, tmp_path / "index"


def as_format_1(index: Path) -> None:
    """Rewrite the published build as the previous citeqa wrote it: its files listed in
    manifest.json (with their sizes and times), no files.jsonl."""
    build = current_build(index)
    records = [entry.model_dump() for entry in load_index(index).files().entries()]
    path = build / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest.update(format_version=1, files=records)
    for name in (FILES, STAMPS):
        del manifest["index_files"][name]
        (build / name).unlink()
    path.write_text(json.dumps(manifest, indent=2), encoding="utf-8")


def test_answering_never_reads_the_file_list(
    built: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus, index = built

    def refuse(*args: Any) -> FileList:
        raise AssertionError("the file list was read")

    monkeypatch.setattr(FileList, "parse", refuse)
    assistant = open_assistant(fake_settings(corpus, index), build_if_missing=False)
    assert assistant.ask("How does belimumab work?").citations
    with pytest.raises(AssertionError, match="file list was read"):
        assistant.status()


def test_an_open_assistant_still_knows_its_files_after_a_new_build(
    built: tuple[Path, Path],
) -> None:
    corpus, index = built
    assistant = open_assistant(fake_settings(corpus, index), build_if_missing=False)
    (corpus / "new.md").write_text("# New\n\nA new document about walruses.\n")
    build_index(fake_settings(corpus, index))  # publishes a new build, removes the old one
    assert len(build_folders(index)) == 1
    assert assistant.changes() == ["added: new.md"]  # its own build's list, read only now
    assert index_status(fake_settings(corpus, index)).changed == []


def test_the_content_hash_ignores_the_files_times(built: tuple[Path, Path]) -> None:
    corpus, index = built
    before = load_index(index).manifest_hash
    for path in corpus.iterdir():
        os.utime(path, ns=(10**18, 10**18))  # touched, same bytes
    assert build_index(fake_settings(corpus, index), rebuild=True).full_rebuild
    loaded = load_index(index)
    assert set(loaded.files().stamps[:, 1].tolist()) == {10**18}
    assert loaded.manifest_hash == before


def test_an_index_of_format_1_opens_and_answers(built: tuple[Path, Path]) -> None:
    corpus, index = built
    expected = load_index(index).files().entries()
    as_format_1(index)
    loaded = load_index(index)
    assert loaded.manifest.format_version == 1
    assert loaded.files().entries() == expected
    status = index_status(fake_settings(corpus, index))
    assert status.format_version == 1
    assert status.changed == ["index format 1: written by an older citeqa (no re-embedding needed)"]
    assert {d.path for d in status.documents} == {
        p.name for p in corpus.iterdir() if p.suffix == ".txt"
    }
    assistant = open_assistant(fake_settings(corpus, index), build_if_missing=False)
    assert assistant.ask("How does belimumab work?").citations


def test_an_index_of_format_1_is_rewritten_without_embedding(
    built: tuple[Path, Path], fake_embedder: Any
) -> None:
    corpus, index = built
    before = load_index(index)
    as_format_1(index)
    report = build_index(fake_settings(corpus, index))
    assert not report.full_rebuild and report.added == report.updated == report.removed == []
    assert fake_embedder.texts_embedded == 0
    loaded = load_index(index)
    assert loaded.manifest.format_version == FORMAT_VERSION and loaded.folder != before.folder
    assert loaded.manifest_hash == before.manifest_hash
    assert not index_status(fake_settings(corpus, index)).stale


def test_an_index_of_format_1_is_reused_by_the_next_build(
    built: tuple[Path, Path], fake_embedder: Any
) -> None:
    corpus, index = built
    as_format_1(index)
    changed = corpus / "biotherapy-in-lupus-faq.txt"
    changed.write_text(changed.read_text() + "\nAnifrolumab is now approved as well.\n")
    assert index_status(fake_settings(corpus, index)).changed == [
        "modified: biotherapy-in-lupus-faq.txt",
        "index format 1: written by an older citeqa (no re-embedding needed)",
    ]

    report = build_index(fake_settings(corpus, index))

    assert report.updated == ["biotherapy-in-lupus-faq.txt"] and not report.full_rebuild
    loaded = load_index(index)
    new_chunks = sum(1 for c in loaded.chunks if c.doc_id == "biotherapy-in-lupus-faq")
    assert fake_embedder.texts_embedded > 0
    assert fake_embedder.texts_embedded <= new_chunks + sum(
        1 for s in loaded.sentences if s.doc_id == "biotherapy-in-lupus-faq"
    )
    assert loaded.manifest.format_version == FORMAT_VERSION and loaded.manifest.files is None
    assert not index_status(fake_settings(corpus, index)).stale


def test_file_list_round_trip_and_malformed_lists(tmp_path: Path) -> None:
    files = [
        IndexedFile(
            file="a.txt", sha256="1" * 64, doc_id="a", title="A", chunks=2, lang=["en"],
            size=10, mtime_ns=5,
        ),
        IndexedFile(file="b.bin", sha256="unsupported"),
    ]  # fmt: skip
    FileList.of(files).save(tmp_path)
    data = (tmp_path / FILES).read_bytes()
    read = FileList.parse(data, np.load(tmp_path / STAMPS))
    assert read.entries() == files
    assert read.documents() == [("a", "A", "a.txt", 2, ["en"])]
    assert read.names == ["a.txt", "b.bin"] and len(read) == 2

    two = np.zeros((2, 2), np.int64)
    one_name_short = data.replace(b'["a.txt", "b.bin"]', b'["a.txt"]')
    with pytest.raises(IndexCorrupt, match="not one file per file"):
        assert FileList.parse(one_name_short, two).names
    assert FileList.parse(one_name_short, two).sha256 == ["1" * 64, "unsupported"]  # lazily
    for bad in (b'{"format": 9}', b"", data.rsplit(b"\n", 1)[0]):
        with pytest.raises(IndexCorrupt, match="file list"):
            FileList.parse(bad, two)
    with pytest.raises(IndexCorrupt, match="pair"):
        FileList.parse(data, np.zeros((2, 3), np.int64))
    earlier = {"format": 1, **{name: [getattr(f, name) for f in files] for name in COLUMNS}}
    read = FileList.parse(json.dumps(earlier).encode(), np.load(tmp_path / STAMPS))
    assert read.entries() == files  # the one-object layout main wrote for a moment


def test_the_one_object_file_list_of_a_moment_ago_is_still_read(built: tuple[Path, Path]) -> None:
    corpus, index = built
    expected = load_index(index).files().entries()
    build = current_build(index)
    earlier = {"format": 1, **{name: [getattr(f, name) for f in expected] for name in COLUMNS}}
    (build / EARLIER_FILES).write_text(json.dumps(earlier), encoding="utf-8")
    (build / FILES).unlink()
    path = build / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    del manifest["index_files"][FILES]
    manifest["index_files"][EARLIER_FILES] = hashlib.sha256(
        (build / EARLIER_FILES).read_bytes()
    ).hexdigest()
    path.write_text(json.dumps(manifest), encoding="utf-8")
    assert load_index(index).files().entries() == expected
    assert not index_status(fake_settings(corpus, index)).stale


def test_a_build_without_either_file_list_names_files_jsonl(built: tuple[Path, Path]) -> None:
    _, index = built
    build = current_build(index)
    (build / FILES).unlink()
    with pytest.raises(IndexCorrupt, match="file list") as raised:
        RecordedFiles.of_build(build, None)
    message = str(raised.value)
    assert message.count(str(build / FILES)) == 2  # the list named, and the error read
    assert f"{build / EARLIER_FILES}'" not in message and "run `citeqa index`." in message


def test_an_unchanged_corpus_reads_no_chunk_or_vector(
    built: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus, index = built

    def refuse(*args: Any) -> Any:
        raise AssertionError("vectors reconstructed")

    monkeypatch.setattr(FaissIndex, "vectors", refuse)
    monkeypatch.setattr(FaissIndex, "rows", refuse)
    report = build_index(fake_settings(corpus, index))  # nothing changed: nothing to reuse
    assert not report.full_rebuild and report.added == report.updated == []
    (corpus / "new.md").write_text("# New\n\nA new document about walruses.\n")
    with pytest.raises(AssertionError, match="reconstructed"):
        build_index(fake_settings(corpus, index))  # now the vectors are carried over


def test_a_changed_corpus_opens_no_bm25_index_nor_statistics(
    built: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The previous build is opened for reuse only (store.open_for_reuse): its BM25 index and
    statistics.json, which reuse never reads, are not loaded; an unchanged corpus reads the
    statistics for their term knowledge, and nothing else."""
    corpus, index = built
    opened: list[str] = []
    monkeypatch.setattr(LexicalIndex, "load", lambda *a: opened.append("lexical"))
    real_statistics = previousindex.read_statistics
    monkeypatch.setattr(
        previousindex,
        "read_statistics",
        lambda *a: opened.append("statistics") or real_statistics(*a),
    )
    report = build_index(fake_settings(corpus, index))
    assert not report.full_rebuild and report.added == report.updated == []
    assert opened == ["statistics"]
    opened.clear()
    (corpus / "new.md").write_text("# New\n\nA new document about walruses.\n")
    report = build_index(fake_settings(corpus, index))
    assert not report.full_rebuild and report.added == ["new.md"]
    assert opened == []


def test_a_changed_build_hashes_each_previous_file_once(
    built: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the size and time record, opening the previous build hashes every file; the
    build then reuses them without hashing any of them again."""
    corpus, index = built
    (current_build(index) / ".verified.json").unlink()
    hashed: list[str] = []
    real = verification.file_sha256

    def counting(path: Path) -> str:
        if path.parent == current_build(index):
            hashed.append(path.name)
        return real(path)

    monkeypatch.setattr(verification, "file_sha256", counting)
    (corpus / "new.md").write_text("# New\n\nA new document about walruses.\n")
    report = build_index(fake_settings(corpus, index))
    assert not report.full_rebuild and report.added == ["new.md"]
    assert "chunks.jsonl" in hashed and len(hashed) == len(set(hashed))


def test_the_file_list_counts_each_documents_chunks_and_languages(
    built: tuple[Path, Path],
) -> None:
    """After a new and a changed build, each document's chunk count and languages in the file
    list are those of its chunks in chunks.jsonl; a skipped file has none."""
    corpus, index = built
    assert_counts_match_chunks(index)
    (corpus / "nouveau.md").write_text("# Nouveau\n\nUn document sur les morses.\n")
    assert build_index(fake_settings(corpus, index)).added == ["nouveau.md"]
    assert_counts_match_chunks(index)


def assert_counts_match_chunks(index: Path) -> None:
    loaded = load_index(index)
    counted: dict[str, tuple[int, set[str]]] = {}
    for chunk in loaded.chunks:
        count, langs = counted.get(chunk.doc_id, (0, set()))
        counted[chunk.doc_id] = (count + 1, langs | {chunk.lang})
    listed = {e.doc_id: (e.chunks, set(e.lang)) for e in loaded.files().entries()}
    assert listed.pop(None) == (0, set())  # picture.png
    assert listed == counted and all(len(langs) for _, langs in listed.values())


def test_an_index_cut_by_an_older_citeqa_is_stale_and_cut_again(
    built: tuple[Path, Path], fake_embedder: Any
) -> None:
    corpus, index = built
    path = current_build(index) / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    del manifest["cutting"]  # as written before the cutting had versions
    path.write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    assert load_index(index).manifest.cutting is None  # it still opens: its own chunks
    assert index_status(fake_settings(corpus, index)).changed == [
        f"documents cut into passages by an older citeqa (version 1, now {CUTTING_VERSION}):"
        " `citeqa index` cuts and embeds them again"
    ]

    report = build_index(fake_settings(corpus, index))

    assert report.full_rebuild and fake_embedder.texts_embedded > 0
    assert load_index(index).manifest.cutting == CUTTING_VERSION
    assert not index_status(fake_settings(corpus, index)).stale


def test_an_index_cut_by_a_newer_citeqa_is_called_so(built: tuple[Path, Path]) -> None:
    corpus, index = built
    path = current_build(index) / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["cutting"] = CUTTING_VERSION + 1  # as a later citeqa writes it
    path.write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    changed = index_status(fake_settings(corpus, index)).changed
    assert changed == [
        f"documents cut into passages by a newer citeqa (version {CUTTING_VERSION + 1},"
        f" now {CUTTING_VERSION}): `citeqa index` cuts and embeds them again"
    ]
    assert stale_reason(changed) == "another version of citeqa built it"
