"""errors.limit_message: the one line for each of the process's limits, whether the error is
the limit's own or was raised while handling it (a wrapped EMFILE), and None for the rest."""

from __future__ import annotations

import errno
import resource

import pytest

from citeqa.errors import (
    NO_THREAD,
    OUT_OF_MEMORY,
    IndexCorrupt,
    IndexWriteError,
    ProcessLimit,
    limit_message,
    limit_or_damage,
)


def _wrapped(cause: BaseException) -> IndexWriteError:
    """An IndexWriteError raised from `cause`, as a writer of the index raises it."""
    try:
        raise cause
    except BaseException as caught:
        try:
            raise IndexWriteError("cannot write the index") from caught
        except IndexWriteError as wrapped:
            return wrapped


@pytest.mark.parametrize("number", [errno.EMFILE, errno.ENFILE])
def test_the_open_file_limit_is_named_with_the_limit_itself_or_wrapped(number: int) -> None:
    limit = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    for error in (OSError(number, "Too many open files"), _wrapped(OSError(number, "x"))):
        line = limit_message(error)
        assert line is not None and line.startswith("too many open files")
        assert f"this process may open {limit})" in line


def test_memory_and_threads_have_their_lines_themselves_or_wrapped() -> None:
    for error, line in (
        (MemoryError(), OUT_OF_MEMORY),
        (OSError(errno.ENOMEM, "Cannot allocate memory"), OUT_OF_MEMORY),
        (RuntimeError("can't start new thread"), NO_THREAD),
    ):
        assert limit_message(error) == line
        assert limit_message(_wrapped(error)) == line, "a reader wrapping it in its own error"


@pytest.mark.parametrize(
    "error",
    [
        OSError(errno.ENOENT, "No such file"),
        ValueError("bad"),
        _wrapped(OSError(errno.EACCES, "x")),
    ],
)
def test_any_other_error_keeps_its_own_message(error: BaseException) -> None:
    assert limit_message(error) is None
    damage = IndexCorrupt("damaged")
    assert limit_or_damage(error, damage) is damage


def test_a_limit_met_reading_the_index_is_no_damage() -> None:
    found = limit_or_damage(OSError(errno.EMFILE, "x"), IndexCorrupt("damaged"))
    assert isinstance(found, ProcessLimit) and str(found) == limit_message(
        OSError(errno.EMFILE, "")
    )
