"""Domain errors raised by the core.

The core raises these; only the edges (CLI, TUI) turn them into one clear line for a person.
Every subclass carries a message written for the user, not for a developer, and its own exit
code (2 is left to command-line usage errors; the README lists them all).
"""

from __future__ import annotations


class CiteqaError(Exception):
    """Base class of every error a user can cause or fix."""

    exit_code: int = 1


class CorpusMissing(CiteqaError):
    """The corpus folder does not exist or is not a folder."""

    exit_code = 8


class CorpusEmpty(CiteqaError):
    """The corpus folder holds no readable document."""

    exit_code = 9


class IndexMissing(CiteqaError):
    """No index has been built at the given place."""

    exit_code = 3


class IndexCorrupt(CiteqaError):
    """An index file is unreadable, truncated or inconsistent with the manifest."""

    exit_code = 6


class IndexIncompatible(CiteqaError):
    """The index was built with other models, chunker settings or an older format."""

    exit_code = 7


class IndexLocked(CiteqaError):
    """Another build holds the index lock."""

    exit_code = 4


class IndexWriteError(CiteqaError):
    """The index folder cannot be written (permissions, disk full)."""

    exit_code = 5


class IndexRefused(IndexWriteError):
    """citeqa will not build there: a user's folder (not empty, no marker), an index inside its
    corpus or a corpus inside its index, or a file in the way of citeqa's own names."""

    exit_code = 12


class BadQuestion(CiteqaError):
    """The question is empty or unusable."""

    exit_code = 10


class SettingsInvalid(CiteqaError):
    """A setting (environment variable or config file) is malformed or out of range."""

    exit_code = 11


class EvalSetError(CiteqaError):
    """`citeqa eval`: a question set or the set registry is missing, unreadable or malformed,
    or names a set, split or document that does not exist."""

    exit_code = 13


class StoreUnreachable(CiteqaError):
    """The vector engine the index lives in (a Qdrant URL) does not answer, refuses the key,
    or no longer holds the index's collection."""

    exit_code = 14


class BuildInterrupted(CiteqaError):
    """The build was interrupted; the previous index is untouched."""

    exit_code = 130

    def __init__(
        self, message: str = "Build interrupted; the previous index is unchanged."
    ) -> None:
        super().__init__(message)


class EmbedderUnavailable(CiteqaError):
    """A vector channel's model cannot be loaded here (its package is not installed, or has no
    build for this platform)."""

    exit_code = 15
