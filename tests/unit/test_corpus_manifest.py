"""A corpus's manifest.json is read through one bounded reader (domain.read_corpus_manifest):
once per build and once per status check, and a manifest citeqa ignores gives one warning."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from citeqa import corpus as corpus_module
from citeqa import domain
from citeqa.corpus import corpus_manifest_digest, corpus_walk, scan_corpus
from citeqa.filelist import FileList
from citeqa.indexing import build_index
from citeqa.status import corpus_now
from citeqa.store import current_build, read_manifest
from small_corpora import fake_settings


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Alpha text about trials.", encoding="utf-8")
    (corpus / "words.json").write_text(json.dumps({"groups": [["alpha", "alpha"]]}))
    manifest = {"domain": "words.json", "documents": [{"file": "a.txt", "title": "The A"}]}
    (corpus / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return corpus


def _count_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    reads: list[str] = []
    real = domain.read_regular

    def counted(path: Path, limit: int) -> bytes:
        reads.append(path.name)
        return real(path, limit)

    monkeypatch.setattr(domain, "read_regular", counted)
    return reads


def test_a_build_and_a_status_check_each_read_the_manifest_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = _corpus(tmp_path)
    reads = _count_reads(monkeypatch)
    scan = scan_corpus(corpus, lambda document: None)
    assert [entry.title for entry in scan.entries] == ["The A"]
    assert scan.domain is not None and scan.files.names == ["a.txt"]
    assert reads.count("manifest.json") == 1
    reads.clear()
    changes = corpus_now(FileList.of([]), corpus, None).changes
    assert changes == ["added: a.txt", "modified: manifest.json (titles or domain file)"]
    assert reads.count("manifest.json") == 1


def _count_corpus_reads(monkeypatch: pytest.MonkeyPatch, corpus: Path) -> list[str]:
    """The corpus's manifest and domain file, each time it is read whole (parsed or hashed)."""
    reads: list[str] = []
    read_regular, file_sha256 = domain.read_regular, corpus_module.file_sha256

    def parsed(path: Path, limit: int) -> bytes:
        reads.extend([path.name] if path.parent == corpus else [])
        return read_regular(path, limit)

    def hashed(path: Path) -> str:
        reads.extend([path.name] if path.parent == corpus else [])
        return file_sha256(path)

    monkeypatch.setattr(domain, "read_regular", parsed)
    monkeypatch.setattr(corpus_module, "file_sha256", hashed)
    return reads


def test_a_build_reads_the_manifest_and_domain_file_once_each(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus, index = _corpus(tmp_path), tmp_path / "index"
    reads = _count_corpus_reads(monkeypatch, corpus)
    build_index(fake_settings(corpus, index))
    first = current_build(index)
    assert read_manifest(first)[0].corpus_manifest_sha256 == corpus_manifest_digest(corpus)
    reads.clear()
    build_index(fake_settings(corpus, index))
    assert current_build(index) == first, "nothing changed: nothing written"
    assert reads.count("manifest.json") == 1  # read once, parsed and hashed
    assert reads.count("words.json") == 1
    (corpus / "words.json").write_text(json.dumps({"groups": [["alpha", "alfa"]]}))
    reads.clear()
    build_index(fake_settings(corpus, index))
    assert current_build(index) != first, "a new domain file is a change"
    assert reads.count("manifest.json") == 1
    assert read_manifest(current_build(index))[0].corpus_manifest_sha256 == (
        corpus_manifest_digest(corpus)
    )


def test_a_manifest_saved_again_during_the_build_is_recorded_as_it_was_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The user saves the manifest and the domain file again right after the build read them:
    the digest the build records is that of the bytes it parsed (it hashed a second read), so
    the next status check sees the newer files as a change."""
    corpus, index = _corpus(tmp_path), tmp_path / "index"
    parsed: dict[str, bytes] = {}
    read_regular = domain.read_regular

    def read_then_saved_again(path: Path, limit: int) -> bytes:
        raw = read_regular(path, limit)
        if path.parent == corpus and path.name not in parsed:
            parsed[path.name] = raw
            path.write_bytes(raw + b"\n")
        return raw

    monkeypatch.setattr(domain, "read_regular", read_then_saved_again)
    build_index(fake_settings(corpus, index))
    monkeypatch.undo()
    own, words = (
        hashlib.sha256(parsed[name]).hexdigest() for name in ("manifest.json", "words.json")
    )
    recorded = read_manifest(current_build(index))[0].corpus_manifest_sha256
    assert recorded == hashlib.sha256(f"{own} {words}".encode()).hexdigest()
    assert corpus_manifest_digest(corpus) != recorded  # the files as saved since


def test_an_oversized_manifest_is_ignored_with_one_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = _corpus(tmp_path)
    monkeypatch.setattr(domain, "MANIFEST_MAX_BYTES", 20)
    scan = scan_corpus(corpus, lambda document: None)
    titles = [entry.title for entry in scan.entries]  # not "The A"; the domain file it names
    assert titles == ["Alpha text about trials.", "words.json"]  # is read as any JSON file is
    assert scan.files.names == ["a.txt", "words.json"]
    noted = [w for w in scan.warnings if "manifest.json" in w]
    assert noted == ["manifest.json is unreadable and was ignored (manifest.json is larger than"
                     " 20 bytes)"]  # fmt: skip


def test_a_manifest_holding_none_of_citeqas_keys_is_the_users_document(tmp_path: Path) -> None:
    """A Chrome extension's manifest.json was silently never read: the walk left it out as
    citeqa's. It names no titles, domain file or examples, so it is a document."""
    corpus = tmp_path / "extension"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Alpha text about trials.", encoding="utf-8")
    chrome = {"manifest_version": 3, "name": "Tab Saver", "permissions": ["tabs", "storage"]}
    (corpus / "manifest.json").write_text(json.dumps(chrome), encoding="utf-8")
    texts: dict[str, str] = {}
    scan = scan_corpus(
        corpus, lambda document: texts.update({Path(document.path).name: document.text})
    )
    assert scan.files.names == ["a.txt", "manifest.json"] and scan.manifest_sha256 is None
    assert "permissions: tabs, storage" in texts["manifest.json"].splitlines()
    status_walk = corpus_walk(corpus, domain.read_corpus_manifest(corpus)).files
    assert status_walk.names == scan.files.names  # a status check walks the same files
    (corpus / "manifest.json").write_text(json.dumps({**chrome, "examples": []}))
    again = scan_corpus(corpus, lambda document: None)  # now citeqa's: no document
    assert [Path(entry.path).name for entry in again.entries] == ["a.txt"]
