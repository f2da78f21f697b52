"""Domain errors raised by the core.

The core raises these; only the edges (CLI, TUI) turn them into one clear line for a person.
Every subclass carries a message written for the user, not for a developer, and its own exit
code (2 is left to command-line usage errors; the README lists them all).

`limit_message` is the one classification of an error that came of one of the process's limits
(open files: EMFILE, ENFILE; memory: a MemoryError or ENOMEM; a thread that could not start):
the CLI and the chat both say its line. A reader of the index that fails raises what
`limit_or_damage` returns: a `ProcessLimit` for such an error, which a rebuild cannot help, and
`IndexCorrupt` ("run `citeqa index`") only for anything else.
"""

from __future__ import annotations

import errno


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
    """The build was interrupted; the previous index is untouched (its message says so, or,
    when there was none, NOTHING_PUBLISHED or NOTHING_BEGUN), or the new one was already
    published (PUBLISHED)."""

    exit_code = 130

    def __init__(
        self, message: str = "Build interrupted; the previous index is unchanged."
    ) -> None:
        super().__init__(message)


NOTHING_PUBLISHED = (
    "Build interrupted; nothing was published, as the index had no build before this one:"
    " the next `citeqa index` starts over."
)
"""BuildInterrupted's message for an index's first build: no previous index to keep, and the
interrupted build's temporary folder is removed (with the index folder, when this run made it),
so nothing of it is reused (the s15 trial read "the previous index is unchanged" there)."""
PUBLISHED = (
    "Build interrupted after its new index was published: that index is in use"
    " (`citeqa status` describes it)."
)
"""BuildInterrupted's message for a Ctrl-C once `current` points to the new build (the rest
of publishing, the report, the lock's release, or `citeqa index` after the build returned):
told from what `current` names before and after (publishing.published_since), not from how far
the code got, which a Ctrl-C can land just past."""
NOTHING_BEGUN = "Build interrupted before it began; nothing was written."
"""BuildInterrupted's message for a Ctrl-C before the build began (`citeqa index` importing,
reading its settings): true whether or not an index exists."""


class ProcessLimit(CiteqaError):
    """One of the process's limits (open files, memory, a thread) was reached while the index
    was read: no sign of damage, and no rebuild can help. Its message is `limit_message`'s line;
    exit code 1, as for the same limit met anywhere else."""

    exit_code = 1


class EmbedderUnavailable(CiteqaError):
    """A vector channel's model cannot be loaded here (its package is not installed, or has no
    build for this platform)."""

    exit_code = 15


OUT_OF_FILES = (
    "too many open files (this process may open {limit}), so the index could not be read or"
    " written; that is no sign of damage. Raise the limit (`ulimit -n`) and try again."
)
"""The line for an error that came of the process's open-file limit: the index is fine."""


_OUT_OF_FILES = (errno.EMFILE, errno.ENFILE)
"""The errors of the open-file limit, the process's and the system's."""


def _chain(err: BaseException) -> list[BaseException]:
    """`err`, then what it was raised from or while handling, and so on (each once)."""
    chain: list[BaseException] = []
    link: BaseException | None = err
    while link is not None and all(link is not seen for seen in chain):
        chain.append(link)
        link = link.__cause__ or link.__context__
    return chain


def _open_files_limit() -> str:
    try:
        import resource

        return str(resource.getrlimit(resource.RLIMIT_NOFILE)[0])
    except (ImportError, OSError, ValueError):  # not on this platform
        return "only so many"


OUT_OF_MEMORY = (
    "out of memory: stopped. A build in progress left the published index, if any, intact;"
    " free some memory (or raise the process's limit, `ulimit -v`) and try again."
)
"""The line for a MemoryError, from any command (exit code 1): a build's temporary folder is
removed on the way out as for any error; the index published stays in place (the previous one,
none for a first build, or the new one when the limit struck after the switch)."""

NO_THREAD = (
    "could not start a thread (the process's memory or thread limit, `ulimit -v` or `ulimit -u`,"
    " is reached): stopped. A build in progress left the published index, if any, intact;"
    " raise the limit and try again."
)
"""The line when Python cannot start a thread (its RuntimeError "can't start new thread"): a
thread's stack is memory too, so a `ulimit -v` just above what loading the models needs ends
here rather than in a MemoryError."""


class AddressSpaceTooSmall(MemoryError):
    """The process's address-space limit (`ulimit -v`) is below what loading FAISS needs: memory
    running out, said before it happens (exit code 1, as any MemoryError), with its own line."""


def limit_message(err: BaseException) -> str | None:
    """The line for an error that came of one of the process's limits (open files, memory, a
    thread that could not start), itself or what it was raised from or while handling; None for
    any other error, whose own message stands."""
    chain = _chain(err)  # a reader may wrap the limit's error in its own
    if any(isinstance(link, OSError) and link.errno in _OUT_OF_FILES for link in chain):
        return OUT_OF_FILES.format(limit=_open_files_limit())  # first, wherever it is
    for link in chain:
        if isinstance(link, AddressSpaceTooSmall):
            return str(link)
        if isinstance(link, MemoryError) or (
            isinstance(link, OSError) and link.errno == errno.ENOMEM
        ):
            return OUT_OF_MEMORY
        if isinstance(link, RuntimeError) and "can't start new thread" in str(link):
            return NO_THREAD
    return None


def limit_or_damage(err: BaseException, damage: IndexCorrupt) -> CiteqaError:
    """What a reader of the index raises (from `err`) when reading failed with `err`: a
    `ProcessLimit` saying which limit when `err` came of one (`limit_message`), since the index
    is then fine; otherwise `damage`."""
    if (message := limit_message(err)) is not None:
        return ProcessLimit(message)
    return damage
