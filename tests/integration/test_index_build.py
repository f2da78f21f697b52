"""Building the index: what a build reports and writes, incremental updates, and staleness."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from integration_helpers import (
    CORPUS,
    SMALL_DOCS,
    build_folders,
    fake_settings,
    make_corpus,
    tmp_leftovers,
)

from citeqa import corpus as corpus_module
from citeqa.api import build_index, index_status, open_assistant
from citeqa.buildnotes import report_notes
from citeqa.chunkpass import passage_text
from citeqa.errors import IndexMissing
from citeqa.models import Example
from citeqa.store import FORMAT_VERSION, load_index
from citeqa.vectorindex import FaissIndex

CP1252_TEXT = "Résumé des données – « réponse rénale » à la semaine 52, coût 10 €.\n"
MD_TEXT = "# Notes on anifrolumab\n\nAnifrolumab blocks the type I interferon receptor.\n"
HTML_TEXT = (
    "<html><head><title>Voclosporin page</title><style>p {color: red}</style>"
    "<script>var hidden = 'script text';</script></head>"
    "<body><h1>Voclosporin</h1><p>Voclosporin is a calcineurin inhibitor.</p></body></html>"
)
BINARY = bytes(range(256)) * 8


@pytest.fixture
def mixed_corpus(tmp_path: Path) -> Path:
    """Two bundled documents and every kind of file a user's folder may hold."""
    corpus = make_corpus(tmp_path / "corpus")
    (corpus / "notes.md").write_text(MD_TEXT, encoding="utf-8")
    (corpus / "page.html").write_text(HTML_TEXT, encoding="utf-8")
    (corpus / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n" + BINARY)
    (corpus / "binary.txt").write_bytes(BINARY)
    (corpus / "legacy.txt").write_bytes(CP1252_TEXT.encode("cp1252"))
    (corpus / ".hidden.txt").write_text("A hidden note about hidden things.\n")
    outside = tmp_path / "outside.txt"
    outside.write_text("Text outside the corpus folder.\n")
    (corpus / "outside-link.txt").symlink_to(outside)
    return corpus


def _embedded_chunks_and_sentences(index_dir: Path, doc_ids: set[str]) -> int:
    loaded = load_index(index_dir)
    chunks = sum(1 for c in loaded.chunks if c.doc_id in doc_ids)
    sentences = sum(1 for s in loaded.sentences if s.doc_id in doc_ids)
    return chunks + sentences


def _texts(index_dir: Path, doc_id: str) -> tuple[list[str], list[str]]:
    """The document's chunks' passage texts and its sentences' texts in the index."""
    loaded = load_index(index_dir)
    text = loaded.documents[doc_id].text
    passages = [passage_text(c) for c in loaded.chunks if c.doc_id == doc_id]
    return passages, [text[s.start : s.end] for s in loaded.sentences if s.doc_id == doc_id]


def _vectors_by_chunk(index_dir: Path) -> dict[str, np.ndarray]:
    loaded = load_index(index_dir)
    vectors = loaded.vectors["fake"].vectors()
    return {chunk.chunk_id: vectors[n] for n, chunk in enumerate(loaded.chunks)}


# ---- a first build ---------------------------------------------------------------------------


def test_first_build_reports_added_skipped_and_warnings(
    mixed_corpus: Path, tmp_path: Path, fake_embedder: Any
) -> None:
    report = build_index(fake_settings(mixed_corpus, tmp_path / "index"))

    assert report.added == sorted([*SMALL_DOCS, "legacy.txt", "notes.md", "page.html"])
    assert report.updated == report.removed == report.unchanged == []
    assert report.full_rebuild
    skipped = {line.split(":", 1)[0]: line.split(":", 1)[1] for line in report.skipped}
    assert set(skipped) == {"picture.png", "binary.txt", "outside-link.txt"}
    assert "unsupported file type" in skipped["picture.png"]
    assert "binary" in skipped["binary.txt"]
    assert "outside the corpus" in skipped["outside-link.txt"]
    assert any("legacy.txt" in w and "cp1252" in w for w in report.warnings)
    assert not any(".hidden" in line for line in report.skipped + report.warnings + report.added)
    assert report.documents == 5 and report.chunks > 5
    assert fake_embedder.texts_embedded > report.chunks  # chunks, then sentences

    loaded = load_index(tmp_path / "index")
    assert loaded.documents["legacy"].text == CP1252_TEXT
    html = loaded.documents["page"]
    assert "Voclosporin is a calcineurin inhibitor." in html.text
    assert "script text" not in html.text and "color" not in html.text
    assert html.title == "Voclosporin page"


def test_manifest_describes_the_build(mixed_corpus: Path, tmp_path: Path) -> None:
    settings = fake_settings(mixed_corpus, tmp_path / "index", chunk_size=600, chunk_overlap=80)
    build_index(settings)
    current = tmp_path / "index" / "current"
    assert current.is_symlink()
    assert os.readlink(current).startswith("build-") and "/" not in os.readlink(current)
    manifest = json.loads((current / "manifest.json").read_text(encoding="utf-8"))

    assert manifest["format_version"] == FORMAT_VERSION
    [channel] = manifest["channels"]
    assert {k: channel[k] for k in ("name", "model", "package", "version", "dim")} == {
        "name": "fake",
        "model": "fake-hash",
        "package": "citeqa-tests",
        "version": "0",
        "dim": 64,
    }
    assert (manifest["chunk_size"], manifest["chunk_overlap"]) == (600, 80)
    assert {"numpy", "faiss-cpu", "bm25s"} <= set(manifest["libraries"])
    assert manifest["built_at"]
    assert "files" not in manifest  # files.jsonl holds them, read by status and builds only
    files = {entry.file: entry for entry in load_index(tmp_path / "index").files().entries()}
    for name in [*SMALL_DOCS, "legacy.txt", "notes.md", "page.html"]:
        digest = hashlib.sha256((mixed_corpus / name).read_bytes()).hexdigest()
        assert files[name].sha256 == digest
        assert files[name].doc_id is not None and files[name].chunks > 0
        stat = (mixed_corpus / name).stat()
        assert (files[name].size, files[name].mtime_ns) == (stat.st_size, stat.st_mtime_ns)
    assert files["binary.txt"].doc_id is None  # skipped, but recorded (for staleness)
    assert ".hidden.txt" not in files and "outside-link.txt" not in files
    # every other file of the build is listed with its hash (and the record of their times)
    build = current.resolve()
    on_disk = {p.relative_to(build).as_posix() for p in build.rglob("*") if p.is_file()}
    assert set(manifest["index_files"]) == on_disk - {"manifest.json", ".verified.json"}
    stamps = json.loads((build / ".verified.json").read_text(encoding="utf-8"))
    assert set(stamps) == set(manifest["index_files"])
    for name, digest in manifest["index_files"].items():
        assert hashlib.sha256((build / name).read_bytes()).hexdigest() == digest


def test_no_pickle_anywhere(mixed_corpus: Path, tmp_path: Path) -> None:
    build_index(fake_settings(mixed_corpus, tmp_path / "index"))
    build = (tmp_path / "index" / "current").resolve()
    kinds = set()
    for path in sorted(p for p in build.rglob("*") if p.is_file()):
        data = path.read_bytes()
        assert not data.startswith(b"\x80"), f"{path.name} looks like a pickle"
        assert path.suffix in {".json", ".jsonl", ".npy", ".faiss"}, path.name
        kinds.add(path.suffix)
        if path.suffix == ".npy":
            np.load(path, allow_pickle=False)
        elif path.suffix == ".json":
            json.loads(data)
        elif path.suffix == ".jsonl":
            assert all(json.loads(line) for line in data.decode("utf-8").splitlines())
        else:
            assert FaissIndex.load(path).count() > 0
    assert kinds == {".json", ".jsonl", ".npy", ".faiss"}


# ---- incremental builds ----------------------------------------------------------------------


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, Path]:
    """(corpus, index): three small documents, indexed with the fake channel."""
    corpus = make_corpus(tmp_path / "corpus", (*SMALL_DOCS, "car-t-lupus-remission-news.txt"))
    build_index(fake_settings(corpus, tmp_path / "index"))
    return corpus, tmp_path / "index"


def test_second_build_changes_nothing(built: tuple[Path, Path], fake_embedder: Any) -> None:
    corpus, index = built
    before = load_index(index)
    folders = build_folders(index)

    report = build_index(fake_settings(corpus, index))

    assert report.unchanged == sorted(p.name for p in corpus.iterdir())
    assert report.added == report.updated == report.removed == []
    assert not report.full_rebuild
    assert fake_embedder.texts_embedded == 0
    assert build_folders(index) == folders  # nothing written
    assert load_index(index).manifest_hash == before.manifest_hash


def test_a_moved_corpus_folder_is_noticed_and_its_paths_updated_without_embedding(
    built: tuple[Path, Path], fake_embedder: Any
) -> None:
    """A corpus folder renamed since the build: `index` said "Index up to date" and every
    citation kept the old folder's path, a file that no longer exists (probe s17-hostile). The
    status check names the move; `index` rewrites the build with the new paths, embedding
    nothing (the files are known by content), and answers cite the files where they are."""
    corpus, index = built
    moved = corpus.rename(corpus.with_name("moved"))
    described = index_status(fake_settings(moved, index))
    assert described.stale and described.changed[0].startswith(
        f"moved: the index was built from {corpus.absolute()}:"
    )
    notice = open_assistant(fake_settings(moved, index)).stale_notice()  # ask's, the chat's
    assert notice is not None and "the corpus folder moved" in notice

    embedded = fake_embedder.texts_embedded  # what opening the assistant embedded
    report = build_index(fake_settings(moved, index))

    assert report.elsewhere is not None and report.elsewhere.moved
    assert report.elsewhere.built_from == str(corpus.absolute()) and report.verb == "Updated"
    assert report_notes(report)[0].startswith("the corpus folder moved (from ")  # index, chat
    assert report.added == report.updated == report.removed == []
    assert fake_embedder.texts_embedded == embedded
    assert all(Path(d.path).parent == moved for d in load_index(index).documents.values())
    assert not index_status(fake_settings(moved, index)).stale
    answer = open_assistant(fake_settings(moved, index)).ask("What is belimumab?")
    assert answer.citations and all(Path(c.path).parent == moved for c in answer.citations)
    assert build_index(fake_settings(moved, index)).verb == "Index up to date"


def test_another_corpus_folder_is_no_move_while_the_built_one_is_there(
    built: tuple[Path, Path], fake_embedder: Any
) -> None:
    """`--corpus other` while the folder the index was built from is still there is another
    corpus, not a move: status and `index` called it "moved" beside its added and removed files
    (review of s17-hostfix). They now say where the corpus is read from and what it was built
    from."""
    corpus, index = built
    other = make_corpus(corpus.with_name("other"), SMALL_DOCS[:1])
    described = index_status(fake_settings(other, index))
    assert described.stale and described.changed[0] == (
        f"another folder: the corpus is now read from {other.absolute()}"
        f" (the index was built from {corpus.absolute()})"
    )
    assert not any(change.startswith("moved:") for change in described.changed)
    assert any(change.startswith("removed: ") for change in described.changed)
    notice = open_assistant(fake_settings(other, index)).stale_notice()  # ask's, the chat's
    assert notice is not None and "the corpus is read from another folder" in notice
    assert "folder moved" not in notice

    report = build_index(fake_settings(other, index))

    assert report.elsewhere is not None and not report.elsewhere.moved
    assert report_notes(report)[0] == (
        f"the corpus is now read from {other.absolute()}"
        f" (the index was built from {corpus.absolute()})"
    )
    assert report.removed  # the other corpus's files are compared as any change is


def test_modified_file_is_the_only_one_reembedded(
    built: tuple[Path, Path], fake_embedder: Any
) -> None:
    corpus, index = built
    old_vectors = _vectors_by_chunk(index)
    old_passages, old_sentences = _texts(index, "biotherapy-in-lupus-faq")
    changed = corpus / "biotherapy-in-lupus-faq.txt"
    changed.write_text(changed.read_text() + "\nAnifrolumab is now approved as well.\n")

    report = build_index(fake_settings(corpus, index))

    assert report.updated == ["biotherapy-in-lupus-faq.txt"]
    assert report.unchanged == [
        "car-t-lupus-remission-news.txt",
        "refract-lupus-nephritis-biopsies.txt",
    ]
    assert report.added == report.removed == [] and not report.full_rebuild
    # of the changed file, only its chunks and sentences of new text (textmatch.py)
    passages, sentences = _texts(index, "biotherapy-in-lupus-faq")
    expected = sum(p not in old_passages for p in passages)
    expected += sum(s not in old_sentences for s in sentences)
    assert fake_embedder.texts_embedded == expected > 0
    loaded = load_index(index)
    assert "Anifrolumab is now approved" in loaded.documents["biotherapy-in-lupus-faq"].text
    new_vectors = _vectors_by_chunk(index)
    kept = [c.chunk_id for c in loaded.chunks if c.doc_id != "biotherapy-in-lupus-faq"]
    assert kept
    for chunk_id in kept:
        np.testing.assert_array_equal(new_vectors[chunk_id], old_vectors[chunk_id])
    assert len(build_folders(index)) == 1  # the old build is gone


def test_removed_file_leaves_the_index(built: tuple[Path, Path], fake_embedder: Any) -> None:
    corpus, index = built
    (corpus / "car-t-lupus-remission-news.txt").unlink()

    report = build_index(fake_settings(corpus, index))

    assert report.removed == ["car-t-lupus-remission-news.txt"]
    assert report.unchanged == list(SMALL_DOCS)
    assert fake_embedder.texts_embedded == 0
    loaded = load_index(index)
    assert "car-t-lupus-remission-news" not in loaded.documents
    assert {c.doc_id for c in loaded.chunks} == {
        "biotherapy-in-lupus-faq",
        "refract-lupus-nephritis-biopsies",
    }
    assert {s.doc_id for s in loaded.sentences} == {c.doc_id for c in loaded.chunks}
    assert loaded.vectors["fake"].count() == len(loaded.chunks)
    assert loaded.sentence_vectors is not None
    assert len(loaded.sentence_vectors) == len(loaded.sentences)
    answer = open_assistant(fake_settings(corpus, index)).ask("CAR-T cells remission")
    assert all(p.doc_id != "car-t-lupus-remission-news" for p in answer.passages)


def test_added_file_is_embedded_alone(built: tuple[Path, Path], fake_embedder: Any) -> None:
    corpus, index = built
    (corpus / "notes.md").write_text(MD_TEXT, encoding="utf-8")

    report = build_index(fake_settings(corpus, index))

    assert report.added == ["notes.md"] and report.updated == report.removed == []
    assert fake_embedder.texts_embedded == _embedded_chunks_and_sentences(index, {"notes"})


def test_chunk_size_change_rebuilds_everything(
    built: tuple[Path, Path], fake_embedder: Any
) -> None:
    corpus, index = built
    report = build_index(fake_settings(corpus, index, chunk_size=400))

    assert report.full_rebuild
    loaded = load_index(index)
    assert loaded.manifest.chunk_size == 400
    assert max(len(c.text) for c in loaded.chunks) <= 400
    assert fake_embedder.texts_embedded == len(loaded.chunks) + len(loaded.sentences)
    # the files themselves did not change: the report says so
    assert report.unchanged == sorted(p.name for p in corpus.iterdir())
    assert report.added == report.updated == report.removed == []


def test_rebuild_flag_rebuilds_everything(built: tuple[Path, Path], fake_embedder: Any) -> None:
    corpus, index = built
    before = load_index(index).folder

    report = build_index(fake_settings(corpus, index), rebuild=True)

    assert report.full_rebuild
    loaded = load_index(index)
    assert fake_embedder.texts_embedded == len(loaded.chunks) + len(loaded.sentences)
    assert loaded.folder != before and not before.exists()  # a new build replaced the old
    assert report.unchanged == sorted(p.name for p in corpus.iterdir())
    assert len(build_folders(index)) == 1 and tmp_leftovers(index) == []


def test_cli_index_reports_and_rebuilds(built: tuple[Path, Path], cli: Any) -> None:
    corpus, index = built
    (corpus / "refract-lupus-nephritis-biopsies.txt").unlink()
    done = cli("index", "--corpus", str(corpus), "--index", str(index))
    assert done.code == 0, done.err
    assert "removed (1): refract-lupus-nephritis-biopsies.txt" in done.out
    assert "unchanged (2)" in done.out

    done = cli("index", "--corpus", str(corpus), "--index", str(index))
    assert done.code == 0 and "Index up to date" in done.out

    done = cli("index", "--corpus", str(corpus), "--index", str(index), "--rebuild")
    assert done.code == 0 and "Rebuilt" in done.out and "Traceback" not in done.err


def test_cli_index_of_a_named_folder_says_how_to_ask_it(
    built: tuple[Path, Path], cli: Any, tmp_path: Path
) -> None:
    """The s20 trial indexed its own folder, then `citeqa ask` answered from the bundled
    corpus: `ask` and the chat read the bundled corpus unless told. An index of a named folder
    ends by saying how to ask it, the folders as typed (quoted for a shell); one of the folders
    the environment names says nothing more."""
    corpus, index = built
    spaced = tmp_path / "my docs"
    corpus.rename(spaced)
    done = cli("index", "--corpus", str(spaced), "--index", str(index))
    assert done.code == 0, done.err
    folders = f"--corpus '{spaced}' --index {index}"
    assert done.out.splitlines()[-1] == (
        f'Ask it: citeqa ask {folders} "your question", or chat: citeqa chat {folders}'
    )
    done = cli("index", corpus_dir=str(spaced), index_dir=str(index))
    assert done.code == 0 and "Ask it" not in done.out


# ---- staleness -------------------------------------------------------------------------------


def test_status_is_fresh_after_a_build(built: tuple[Path, Path]) -> None:
    corpus, index = built
    described = index_status(fake_settings(corpus, index))
    assert not described.stale and described.changed == []
    assert {d.path for d in described.documents} == {p.name for p in corpus.iterdir()}
    assert [c.name for c in described.channels] == ["fake"]
    assert described.chunk_count == len(load_index(index).chunks)
    assert described.size_bytes > 0
    assert described.corpus_bytes == sum(path.stat().st_size for path in corpus.iterdir())


def test_the_status_gives_the_size_and_examples_of_the_corpus_as_it_is_now(
    built: tuple[Path, Path], tmp_path: Path
) -> None:
    corpus, index = built
    examples = [{"question": "What is belimumab?", "lang": "en"}]
    manifest = json.dumps({"examples": examples})  # its size is not the corpus's
    (corpus / "manifest.json").write_text(manifest, encoding="utf-8")
    (corpus / "late.txt").write_text("Added after the build.", encoding="utf-8")
    files = [path for path in corpus.iterdir() if path.name != "manifest.json"]
    described = index_status(fake_settings(corpus, index))
    assert described.corpus_bytes == sum(path.stat().st_size for path in files)
    assert described.corpus_examples == [Example("What is belimumab?", "en")]
    assert described.model_dump(mode="json")["corpus_examples"] == examples
    gone = index_status(fake_settings(tmp_path / "gone", index))
    assert gone.corpus_bytes is None and gone.corpus_examples == []


def test_modified_corpus_makes_the_index_stale(built: tuple[Path, Path], cli: Any) -> None:
    corpus, index = built
    (corpus / "refract-lupus-nephritis-biopsies.txt").write_text("Rewritten.\n")
    (corpus / "car-t-lupus-remission-news.txt").unlink()
    (corpus / "new.md").write_text("# New\n\nA new document.\n")

    described = index_status(fake_settings(corpus, index))

    assert described.stale
    assert "modified: refract-lupus-nephritis-biopsies.txt" in described.changed
    assert "removed: car-t-lupus-remission-news.txt" in described.changed
    assert "added: new.md" in described.changed
    assert "modified: biotherapy-in-lupus-faq.txt" not in described.changed

    done = cli("status", corpus_dir=str(corpus), index_dir=str(index))
    assert done.code == 0, done.err
    assert "STALE" in done.out
    assert "modified: refract-lupus-nephritis-biopsies.txt" in done.out

    build_index(fake_settings(corpus, index))
    assert not index_status(fake_settings(corpus, index)).stale
    done = cli("status", corpus_dir=str(corpus), index_dir=str(index))
    assert "STALE" not in done.out and "Up to date" in done.out


def test_status_json_without_index(tmp_path: Path, cli: Any) -> None:
    with pytest.raises(IndexMissing):
        index_status(fake_settings(CORPUS, tmp_path / "none"))
    done = cli("status", "--json", index_dir=str(tmp_path / "none"))
    assert done.code != 0 and "No index" in done.one_line_error()
    assert not (tmp_path / "none").exists()


def test_the_reading_stage_counts_the_corpus_files(tmp_path: Path) -> None:
    """A build's progress says how many of the corpus's files are read (it said 1/1 for any
    corpus)."""
    corpus = make_corpus(tmp_path / "corpus")
    heard: list[tuple[int, int]] = []

    def progress(stage: str, done: int, total: int) -> None:
        if stage == "reading":
            heard.append((done, total))

    build_index(fake_settings(corpus, tmp_path / "index"), progress=progress)
    files = len(SMALL_DOCS)
    assert heard[-1] == (files, files) and files > 1
    assert [done for done, total in heard if total == files] == list(range(files + 1))


def test_a_file_refused_by_its_path_is_never_opened(
    built: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Code in a vendor/ folder is refused by its path: neither the build's file list nor the
    status check hashes it, and editing it leaves the index up to date (it was hashed both
    times, and called modified)."""
    corpus, index = built
    (corpus / "vendor").mkdir()
    (corpus / "vendor" / "lib.py").write_text("x = 1\n", encoding="utf-8")
    hashed: list[str] = []
    real_sha256 = corpus_module.file_sha256

    def recorded_sha256(path: Path) -> str:
        hashed.append(path.name)
        return real_sha256(path)

    monkeypatch.setattr(corpus_module, "file_sha256", recorded_sha256)
    build_index(fake_settings(corpus, index))
    (corpus / "vendor" / "lib.py").write_text("x = 22\n", encoding="utf-8")
    described = index_status(fake_settings(corpus, index))
    assert "lib.py" not in hashed
    assert not described.stale, described.changed
