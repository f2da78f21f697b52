"""Shared test helpers: a deterministic fake embedder, so most tests need no model.

`FakeEmbedder` hashes the words of a text (lower-cased, accents folded) into 64 signed
buckets and L2-normalises the sum: texts that share words are similar, texts that share
none are near-orthogonal, and the same text always gives the same vector, in any process.
It is registered as the vector channel "fake" at import time, so a test can build an index
with `Settings(channels=("fake",))` and never load a real model.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
import threading
import unicodedata
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from citeqa import embedding
from citeqa.embedding import get_embedder, register_embedder

_WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    """Lower-case `text` and strip its accents ("Réponse" → "reponse")."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fake_tokens(text: str) -> list[str]:
    """The folded words of `text`."""
    return _WORD.findall(fold(text))


def _bucket(token: str, dim: int) -> tuple[int, float]:
    """A stable (bucket, sign) for `token`, from blake2b (Python's hash() is salted)."""
    digest = int.from_bytes(hashlib.blake2b(token.encode(), digest_size=8).digest(), "big")
    return digest % dim, 1.0 if (digest >> 32) & 1 else -1.0


class FakeEmbedder:
    """Hashed bag of words; deterministic, instant, needs no model."""

    name = "fake"
    model = "fake-hash"
    package = "citeqa-tests"
    version = "0"
    dim = 64
    default_weight = 1.0

    def __init__(self) -> None:
        self.texts_embedded = 0
        """How many texts this instance has embedded (to prove unchanged files are skipped)."""
        self.batches: list[int] = []
        """The size of every batch it was given, in order."""
        self._lock = threading.Lock()

    def vector(self, text: str) -> np.ndarray:
        """The unit vector of one text (all zeros when it has no word)."""
        row = np.zeros(self.dim, dtype=np.float32)
        for token in fake_tokens(text):
            bucket, sign = _bucket(token, self.dim)
            row[bucket] += sign
        norm = float(np.linalg.norm(row))
        return row / norm if norm > 0 else row

    def embed_batch(self, texts: Sequence[str]) -> np.ndarray:
        with self._lock:
            self.texts_embedded += len(texts)
            self.batches.append(len(texts))
        rows = [self.vector(text) for text in texts]
        return np.array(rows, dtype=np.float32).reshape(len(texts), self.dim)

    def reset_counts(self) -> None:
        with self._lock:
            self.texts_embedded = 0
            self.batches = []


register_embedder("fake", FakeEmbedder)

_USER_DIRS = ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")
_OWN_HOME = "CITEQA_TEST_HOME"
_home_key = pytest.StashKey[str]()


def pytest_configure(config: pytest.Config) -> None:
    """Per-user folders (data, config, UI state, cache) point into a temporary folder for the whole
    run, in this process and the processes it starts: tests never read the developer's
    config file nor write indexes into their data folder."""
    if os.environ.get(_OWN_HOME):  # an xdist worker of a run that already set them
        return
    home = tempfile.mkdtemp(prefix="citeqa-test-home-")
    os.environ[_OWN_HOME] = home
    for name in _USER_DIRS:
        os.environ[name] = os.path.join(home, name.removeprefix("XDG_").lower())
    os.environ.pop("CITEQA_CONFIG_FILE", None)
    config.stash[_home_key] = home


def pytest_unconfigure(config: pytest.Config) -> None:
    home = config.stash.get(_home_key, None)
    if home is not None:
        shutil.rmtree(home, ignore_errors=True)
        os.environ.pop(_OWN_HOME, None)


@pytest.fixture(autouse=True)
def no_hidden_reader_bug(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail a test in which a file is skipped with corpus.INTERNAL_ERROR (a reader's exception
    hidden as one skipped file), unless it is marked `internal_error_expected`."""
    if request.node.get_closest_marker("internal_error_expected"):
        return
    from citeqa import corpus

    extract = corpus._extract

    def watched(*args: Any) -> Any:
        try:
            return extract(*args)
        except corpus.UnreadableDocument as skipped:
            cause = skipped.__cause__
            if cause is not None and skipped.reason == corpus.INTERNAL_ERROR.format(
                type(cause).__name__
            ):
                pytest.fail(f"a reader's bug hidden as a skipped file: {cause!r}")
            raise

    monkeypatch.setattr(corpus, "_extract", watched)


@pytest.fixture(autouse=True)
def model_loads_end_in_their_test(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The model loads a test starts in the background end before it does (model_loads.py).
    It asks for monkeypatch so that it ends first, while the modules the test hides are
    hidden still."""
    # imported here: processes that some tests start load this file alone, by its path
    from model_loads import end_loads_started_since, running_loads

    before = running_loads()
    yield
    end_loads_started_since(before)


@pytest.fixture
def fake_embedder() -> Iterator[FakeEmbedder]:
    """The process-wide "fake" channel embedder (the one `get_embedder("fake")` returns),
    with its counts reset."""
    embedder = get_embedder("fake")
    assert isinstance(embedder, FakeEmbedder)
    embedder.reset_counts()
    yield embedder


@pytest.fixture
def scratch_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    """The channel registry as it is now, restored after the test: the channels the test
    registers (or replaces) and the embedders it builds are forgotten, so that no other test,
    whatever the order, sees them in `known_channels()` or `get_embedder`."""
    monkeypatch.setattr(embedding, "_factories", dict(embedding._factories))
    monkeypatch.setattr(embedding, "_instances", dict(embedding._instances))


@pytest.fixture
def hashed_files(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files citeqa hashes (verification.file_sha256) from now on, in order:
    a list the test reads as it goes."""
    from citeqa import verification

    hashed: list[str] = []
    real = verification.file_sha256

    def counting(path: Path) -> str:
        hashed.append(path.name)
        return real(path)

    monkeypatch.setattr(verification, "file_sha256", counting)
    return hashed
