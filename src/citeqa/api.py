"""The one entry point to citeqa's core: build an index, open an assistant, ask it questions.

CLI and TUI call only this module. Nothing here prints; progress goes through a callback.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from citeqa.config import Settings
from citeqa.models import Answer, BuildReport, Document, IndexStatus, Retrieval

ProgressCallback = Callable[[str, int, int], None]
"""progress(stage, done, total): stage is a short label such as "reading", "embedding use"."""


def build_index(
    settings: Settings | None = None,
    *,
    rebuild: bool = False,
    progress: ProgressCallback | None = None,
) -> BuildReport:
    """Build or update the index of `settings.corpus_dir` in `settings.index_dir`."""
    raise NotImplementedError  # being written


def index_status(settings: Settings | None = None) -> IndexStatus:
    """Describe the index and whether the corpus changed since it was built."""
    raise NotImplementedError  # being written


def open_assistant(
    settings: Settings | None = None,
    *,
    build_if_missing: bool = True,
    progress: ProgressCallback | None = None,
) -> Assistant:
    """Load the index (building it first when missing) and the query models."""
    raise NotImplementedError  # being written


class Session:
    """A conversation: follow-up questions are read in the context of the previous one."""

    def ask(self, question: str, k: int | None = None) -> Answer:
        raise NotImplementedError  # being written


class Assistant:
    """A loaded index plus query models; `ask` is cheap once this exists."""

    settings: Settings

    def ask(self, question: str, k: int | None = None, *, id: str | int | None = None) -> Answer:
        """Answer one question on its own."""
        raise NotImplementedError  # being written

    def retrieve(self, question: str, k: int | None = None) -> Retrieval:
        """Only the ranked passages, no answer."""
        raise NotImplementedError  # being written

    def session(self) -> Session:
        """Start a conversation whose follow-ups carry the previous subject."""
        raise NotImplementedError  # being written

    def configured(self, **overrides: object) -> Assistant:
        """The same loaded index and models under other settings (k, weights, thresholds...)."""
        raise NotImplementedError  # being written

    def document(self, doc_id: str) -> Document:
        """The full document, as indexed (its text is what citation offsets point into)."""
        raise NotImplementedError  # being written

    def status(self) -> IndexStatus:
        """Index status, as `index_status` gives it."""
        raise NotImplementedError  # being written

    @property
    def manifest_hash(self) -> str:
        raise NotImplementedError  # being written

    @property
    def index_dir(self) -> Path:
        raise NotImplementedError  # being written
