"""An update of a changed document takes from the previous build the vectors of those of its chunks
and sentences whose text the previous version had (textmatch.py), and embeds only the rest; every
vector it stores is the one a fresh embedding of its text gives, and, with the fake channel
(whose vector of a text does not depend on the batch it is embedded in; a real model's moves by
batch noise, ~1e-7), its index is byte for byte the one a new build of the changed corpus
writes."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from integration_helpers import fake_settings

from citeqa.api import build_index
from citeqa.chunking import CUTTING_VERSION
from citeqa.chunkpass import passage_text
from citeqa.config import Settings
from citeqa.embedding import embed_texts, get_embedder, model_texts
from citeqa.errors import IndexCorrupt
from citeqa.previousindex import DAMAGED
from citeqa.qdrantindex import MEMORY
from citeqa.reuse import Previous
from citeqa.store import LoadedIndex, current_build, load_index, open_for_reuse
from citeqa.verification import STAMPS

JOURNAL = "journal.md"
WORDS = ("walrus", "harbour", "lantern", "orchard", "glacier", "violin", "meadow", "copper")


def _journal() -> str:
    """A long journal (about 60 KB): one dated entry a day, each of three sentences."""
    entries = ["# Journal\n"]
    for day in range(400):
        first, second = WORDS[day % len(WORDS)], WORDS[(day * 3 + 1) % len(WORDS)]
        entries.append(
            f"## Day {day}\n\nI walked to the {first} at dawn on day {day}. The {second} was"
            f" quiet and cold. Wrote {day * 7 % 13} pages before noon.\n"
        )
    return "\n".join(entries)


def _append(text: str) -> str:
    return text + "\n## Day 400\n\nA new entry about a walrus on the pier.\n"


def _prepend(text: str) -> str:
    return "A line written before the title, about a walrus.\n\n" + text


def _middle(text: str) -> str:
    old = "The violin was quiet and cold."
    place = text.index(old, len(text) // 2)
    return text[:place] + "The violin was loud and warm today." + text[place + len(old) :]


EDITS: dict[str, Callable[[str], str]] = {"append": _append, "prepend": _prepend, "middle": _middle}


def _built(tmp_path: Path, **overrides: Any) -> Settings:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / JOURNAL).write_text(_journal(), encoding="utf-8")
    (corpus / "other.txt").write_text("A short note about the garden shed.\n", encoding="utf-8")
    settings = fake_settings(corpus, tmp_path / "index", **overrides)
    build_index(settings)
    return settings


def _texts(index: LoadedIndex, doc_id: str) -> tuple[list[str], list[str]]:
    """The document's chunks' passage texts and its sentences' texts in `index`."""
    text = index.documents[doc_id].text
    passages = [passage_text(chunk) for chunk in index.chunks if chunk.doc_id == doc_id]
    sentences = [text[s.start : s.end] for s in index.sentences if s.doc_id == doc_id]
    return passages, sentences


def _recording(fake_embedder: Any, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text the fake channel embeds from now on."""
    texts: list[str] = []
    embed = fake_embedder.embed_batch

    def recording(batch: Sequence[str]) -> np.ndarray:
        texts.extend(batch)
        return np.asarray(embed(batch))

    monkeypatch.setattr(fake_embedder, "embed_batch", recording)
    return texts


def _same_files(left: Path, right: Path) -> None:
    names = sorted(p.relative_to(left).as_posix() for p in left.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(right).as_posix() for p in right.rglob("*") if p.is_file())
    for name in names:
        if name not in ("manifest.json", STAMPS):  # build time, the files' times
            assert (left / name).read_bytes() == (right / name).read_bytes(), name


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_an_edited_document_embeds_only_its_new_texts(
    tmp_path: Path, edit: str, fake_embedder: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = _built(tmp_path)
    before = load_index(settings.index_dir)
    doc_id = next(d for d in before.documents if before.documents[d].path.endswith(JOURNAL))
    old_passages, old_sentences = _texts(before, doc_id)
    path = settings.corpus_dir / JOURNAL
    path.write_text(EDITS[edit](path.read_text(encoding="utf-8")), encoding="utf-8")

    recorded = _recording(fake_embedder, monkeypatch)
    report = build_index(settings)
    embedded = list(recorded)  # the update's, not the fresh embeddings below
    assert report.updated == [JOURNAL] and not report.full_rebuild
    index = load_index(settings.index_dir)
    passages, sentences = _texts(index, doc_id)
    # every vector of the edited document is what a fresh embedding of its text gives
    embedder = get_embedder("fake")
    rows = [n for n, chunk in enumerate(index.chunks) if chunk.doc_id == doc_id]
    assert np.array_equal(index.vectors["fake"].rows(rows), embed_texts(embedder, passages))
    numbers = index.sentences.in_document(doc_id)[0]
    assert index.sentence_vectors is not None
    stored = index.sentence_vectors[numbers]
    assert np.array_equal(stored, embed_texts(embedder, sentences))
    # what was embedded is new text only, all of the new chunks' passages among it
    new_passages = set(passages) - set(old_passages)
    new_sentences = set(sentences) - set(old_sentences)
    assert new_passages <= set(embedded) <= new_passages | new_sentences
    assert len(embedded) < (len(passages) + len(sentences)) / (2 if edit == "prepend" else 20)
    fresh = fake_settings(settings.corpus_dir, tmp_path / "fresh")
    build_index(fresh)
    _same_files(index.folder, load_index(fresh.index_dir).folder)


def test_a_previous_build_without_sentence_vectors_gives_none(
    tmp_path: Path, fake_embedder: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build that stored no sentence vectors (more sentences than embed_sentences_max) lends
    its chunks' vectors but no sentence's: the next build, which stores them, embeds them all."""
    settings = _built(tmp_path, embed_sentences_max=0)
    before = load_index(settings.index_dir)
    assert before.sentence_vectors is None
    doc_id = next(d for d in before.documents if before.documents[d].path.endswith(JOURNAL))
    old_passages = set(_texts(before, doc_id)[0])
    path = settings.corpus_dir / JOURNAL
    path.write_text(_append(path.read_text(encoding="utf-8")), encoding="utf-8")
    settings = fake_settings(settings.corpus_dir, settings.index_dir)
    recorded = _recording(fake_embedder, monkeypatch)
    build_index(settings)
    embedded = set(recorded)
    index = load_index(settings.index_dir)
    passages, sentences = _texts(index, doc_id)
    unchanged = old_passages & set(passages)
    assert len(unchanged) > len(passages) / 2 and not unchanged & embedded  # their vectors lent
    assert set(sentences) <= embedded | set(passages)  # none lent: embedded, or a passage's
    embedder = get_embedder("fake")
    assert index.sentence_vectors is not None
    stored = index.sentence_vectors[index.sentences.in_document(doc_id)[0]]
    assert np.array_equal(stored, embed_texts(embedder, sentences))
    rows = [n for n, chunk in enumerate(index.chunks) if chunk.doc_id == doc_id]
    assert np.array_equal(index.vectors["fake"].rows(rows), embed_texts(embedder, passages))


def test_a_previous_version_that_does_not_read_lends_nothing(
    tmp_path: Path, fake_embedder: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the previous version's text does not read as its build wrote it (IndexCorrupt), the
    changed document is embedded in full, as before textmatch.py, and its vectors are right."""
    settings = _built(tmp_path)
    path = settings.corpus_dir / JOURNAL
    path.write_text(_middle(path.read_text(encoding="utf-8")), encoding="utf-8")

    def unreadable(self: Any, doc_id: str) -> str:
        raise IndexCorrupt(f"line of {doc_id} altered")

    monkeypatch.setattr("citeqa.reuse.Previous.text", unreadable)
    recorded = _recording(fake_embedder, monkeypatch)
    build_index(settings)
    embedded = list(recorded)
    index = load_index(settings.index_dir)
    doc_id = next(d for d in index.documents if index.documents[d].path.endswith(JOURNAL))
    passages, sentences = _texts(index, doc_id)
    assert set(sentences) <= set(embedded) | set(passages)  # none taken: embedded or copied
    assert set(passages) <= set(embedded)
    embedder = get_embedder("fake")
    assert index.sentence_vectors is not None
    stored = index.sentence_vectors[index.sentences.in_document(doc_id)[0]]
    assert np.array_equal(stored, embed_texts(embedder, sentences))


def test_a_document_the_previous_build_does_not_hold_has_no_text_there(
    tmp_path: Path, fake_embedder: Any
) -> None:
    """Asked for the text of a document its documents do not list, the previous build says it
    does not hold it (IndexCorrupt: textmatch then lends the document nothing)."""
    previous = Previous(open_for_reuse(_built(tmp_path).index_dir))
    with pytest.raises(IndexCorrupt, match="does not hold the text of 'no-such-document'"):
        previous.text("no-such-document")


def test_a_key_error_of_a_bug_is_no_silent_full_embedding(
    tmp_path: Path, fake_embedder: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A KeyError other than a document the previous build lacks (a programming error) stops
    the update, rather than having the changed document embedded in full without a word; the
    published index stays as it was."""
    settings = _built(tmp_path)
    path = settings.corpus_dir / JOURNAL
    path.write_text(_middle(path.read_text(encoding="utf-8")), encoding="utf-8")
    published = current_build(settings.index_dir)
    real = Previous.sentence_rows

    def broken(self: Previous, doc_id: str) -> np.ndarray:
        if self.text(doc_id).startswith("# Journal"):  # the changed document: textmatch's call
            raise KeyError("a bug")
        return real(self, doc_id)

    monkeypatch.setattr("citeqa.reuse.Previous.sentence_rows", broken)
    with pytest.raises(KeyError, match="a bug"):
        build_index(settings)
    assert current_build(settings.index_dir) == published


@pytest.mark.parametrize("overrides", [{"vector_store": MEMORY}, {"flat_index_max": 10}])
def test_other_stores_lend_the_vectors_of_unchanged_text(
    tmp_path: Path,
    overrides: dict[str, Any],
    fake_embedder: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A Qdrant collection, or an HNSW FAISS index, lends a changed document's chunks of
    unchanged text their vectors as a flat index does (reuse.Previous.vectors_at)."""
    settings = _built(tmp_path, **overrides)
    path = settings.corpus_dir / JOURNAL
    path.write_text(_middle(path.read_text(encoding="utf-8")), encoding="utf-8")
    recorded = _recording(fake_embedder, monkeypatch)
    build_index(settings)
    embedded = list(recorded)
    index = load_index(settings.index_dir)
    doc_id = next(d for d in index.documents if index.documents[d].path.endswith(JOURNAL))
    passages, sentences = _texts(index, doc_id)
    assert 0 < len(embedded) < (len(passages) + len(sentences)) / 20
    rows = [n for n, chunk in enumerate(index.chunks) if chunk.doc_id == doc_id]
    fresh = embed_texts(get_embedder("fake"), passages)
    assert np.array_equal(index.vectors["fake"].rows(rows), fresh)


def test_an_index_cut_by_an_older_citeqa_lends_no_vector(
    tmp_path: Path, fake_embedder: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An index built by a citeqa older than the one that embeds words without their zero-width
    characters (b065227, 2bdc2ef, e136dac) records an older cutting version (CUTTING_VERSION 7
    came after them): its first update embeds every text again, of the changed document and of
    the unchanged ones, one with a zero-width space and a soft hyphen among them; none of its
    vectors is taken, file by file or chunk by chunk."""
    settings = _built(tmp_path)
    (settings.corpus_dir / "soft.md").write_text("# Soft\n\nThe bé\u200blimu\u00admab vial.\n")
    build_index(settings)
    path = current_build(settings.index_dir) / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["cutting"] = CUTTING_VERSION - 1  # as the older citeqa wrote it
    path.write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    journal = settings.corpus_dir / JOURNAL
    journal.write_text(_append(journal.read_text(encoding="utf-8")), encoding="utf-8")

    recorded = _recording(fake_embedder, monkeypatch)
    report = build_index(settings)
    embedded = set(recorded)

    assert report.full_rebuild and DAMAGED not in report.warnings
    assert report.updated == [JOURNAL] and report.unchanged == ["other.txt", "soft.md"]
    index = load_index(settings.index_dir)
    for doc_id in index.documents:
        passages, sentences = (model_texts(texts) for texts in _texts(index, doc_id))
        assert set(passages) <= embedded, doc_id
        assert set(sentences) <= embedded | set(passages), doc_id  # embedded, or a passage's
