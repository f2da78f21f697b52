"""A large index's paths on a small corpus: sentences embedded when answering rather than at
build, and token statistics stored by the build, give the same answers as the small-index paths;
sentences scored with their passages' vectors cost no model call."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from integration_helpers import CORPUS, fake_settings, make_corpus

from citeqa import api
from citeqa.api import build_index, open_assistant
from citeqa.centroid import corpus_centroid, stored_centroid
from citeqa.store import STATISTICS, load_index

QUESTIONS = (
    "How does belimumab work?",
    "What was the complete renal response at week 52?",
    "Which biopsy findings predicted refractory nephritis?",
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    names = tuple(path.name for path in sorted(CORPUS.glob("*.txt")))
    return make_corpus(tmp_path_factory.mktemp("ondemand") / "corpus", names)


def _answers(corpus: Path, index: Path, **overrides: Any) -> list[dict[str, Any]]:
    assistant = open_assistant(fake_settings(corpus, index, **overrides))
    answers = [assistant.ask(question).model_dump() for question in QUESTIONS]
    for answer in answers:
        answer.pop("timings_ms")
    return answers


def test_sentences_embedded_on_demand_give_the_same_answers(
    corpus: Path, tmp_path: Path, fake_embedder: Any
) -> None:
    build_index(fake_settings(corpus, tmp_path / "stored"))
    stored = _answers(corpus, tmp_path / "stored")
    fake_embedder.reset_counts()
    build_index(fake_settings(corpus, tmp_path / "lazy", embed_sentences_max=0))
    chunk_count = len(load_index(tmp_path / "lazy").chunks)
    assert fake_embedder.texts_embedded == chunk_count  # chunks only, no sentence

    loaded = load_index(tmp_path / "lazy")
    assert loaded.sentence_vectors is None
    assert not list(loaded.folder.glob("sentences-*.npy"))
    fake_embedder.reset_counts()
    on_demand = {"embed_sentences_on_demand": True}
    assistant = open_assistant(fake_settings(corpus, tmp_path / "lazy", **on_demand))
    assistant.ask(QUESTIONS[0])
    # the warm-up and the question, then only the retrieved passages' sentences, in batches
    assert fake_embedder.batches[:2] == [1, 1]
    assert 0 < sum(fake_embedder.batches[2:]) < len(loaded.sentences) / 2
    fake_embedder.reset_counts()
    assistant.ask(QUESTIONS[0])
    assert fake_embedder.batches == [1]  # the question; its sentences were cached
    lazy = _answers(corpus, tmp_path / "lazy", embed_sentences_max=0, **on_demand)
    assert lazy == stored
    assert any(answer["citations"] for answer in lazy)


def test_sentences_scored_with_their_passages_vectors_cost_no_model_call(
    corpus: Path, tmp_path: Path, fake_embedder: Any
) -> None:
    build_index(fake_settings(corpus, tmp_path / "large", embed_sentences_max=0))
    fake_embedder.reset_counts()
    assistant = open_assistant(fake_settings(corpus, tmp_path / "large"))
    answers = [assistant.ask(question) for question in QUESTIONS]
    assert fake_embedder.batches == [1] * (1 + len(QUESTIONS))  # warm-up, then each question
    documents = load_index(tmp_path / "large").documents
    for answer in answers:
        for citation in answer.citations:
            text = documents[citation.doc_id].text
            assert text[citation.start : citation.end] == citation.quote
    assert any(answer.citations for answer in answers)


def test_stored_statistics_match_those_computed_at_open(corpus: Path, tmp_path: Path) -> None:
    build_index(fake_settings(corpus, tmp_path / "index"))
    loaded = load_index(tmp_path / "index")
    statistics = json.loads((loaded.folder / STATISTICS).read_text(encoding="utf-8"))
    assert statistics["sentence_count"] == len(loaded.sentences)
    assert statistics["frequency"]["belimumab"] >= 2
    assert "belimumab" in statistics["words"]
    with_stats = _answers(corpus, tmp_path / "index")

    # an index built before statistics.json existed: computed at open, same answers
    (loaded.folder / STATISTICS).unlink()
    manifest_path = loaded.folder / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    del manifest["index_files"][STATISTICS]
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    assert _answers(corpus, tmp_path / "index") == with_stats


def test_the_stored_centroid_spares_reading_vectors_and_gives_the_same_answers(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_index(fake_settings(corpus, tmp_path / "index"))
    loaded = load_index(tmp_path / "index")
    channel = loaded.manifest.answer_channel
    computed = corpus_centroid(loaded.vectors[channel])
    assert np.array_equal(stored_centroid(loaded.statistics, channel), computed)

    def no_rows(_: Any) -> None:
        raise AssertionError("the stored centroid should spare reading the vectors")

    monkeypatch.setattr(api, "corpus_centroid", no_rows)
    with_stored = _answers(corpus, tmp_path / "index")
    # an index built before builds stored it: computed from its vectors, same answers
    monkeypatch.setattr(api, "corpus_centroid", corpus_centroid)
    monkeypatch.setattr(api, "stored_centroid", lambda *_: None)
    assert _answers(corpus, tmp_path / "index") == with_stored
    assert any(answer["citations"] for answer in with_stored)
