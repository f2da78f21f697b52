"""Read-only folders (issue 10, item 10): an index on a read-only file system still answers and
reports its status; building there is one clear error; a read-only corpus indexes fine.

Root ignores permission bits, so as root the test remounts a small tmpfs read-only (a real
EROFS); as another user it takes the write permission away.
"""

from __future__ import annotations

import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fault_helpers import QUESTION, fake_settings, make_corpus, snapshot

from citeqa.api import build_index, index_status, open_assistant
from citeqa.errors import IndexWriteError
from citeqa.paths import UNWRITABLE

IS_ROOT = os.geteuid() == 0
_UNWRITABLE = UNWRITABLE[errno.EROFS if IS_ROOT else errno.EACCES]
"""Why building there fails: root meets a read-only mount, another user missing permissions."""


def _mount(folder: Path, options: str) -> bool:
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True
    )
    return done.returncode == 0


@pytest.fixture
def lockable(tmp_path: Path) -> Iterator[tuple[Path, Any]]:
    """A folder and a function that makes it (and everything in it) read-only."""
    folder = tmp_path / "ro"
    folder.mkdir()
    if IS_ROOT:
        if not _mount(folder, "size=4m"):
            pytest.skip("root without mount: permission bits would not bind")

        def lock() -> None:
            subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)

        try:
            yield folder, lock
        finally:
            subprocess.run(["umount", "-l", str(folder)], check=False)
        return

    def lock_bits() -> None:
        for path in [folder, *folder.rglob("*")]:
            if path.is_dir() and not path.is_symlink():
                path.chmod(0o555)

    try:
        yield folder, lock_bits
    finally:
        for path in [folder, *folder.rglob("*")]:
            if path.is_dir() and not path.is_symlink():
                path.chmod(0o755)


def test_a_read_only_index_answers_but_is_not_rebuilt(
    lockable: tuple[Path, Any], tmp_path: Path, cli: Any
) -> None:
    folder, lock = lockable
    corpus = make_corpus(tmp_path / "corpus")
    settings = fake_settings(corpus, folder / "index")
    build_index(settings)
    lock()
    before = snapshot(folder)
    assert open_assistant(settings, build_if_missing=False).ask(QUESTION).passages
    assert not index_status(settings).stale
    with pytest.raises(IndexWriteError):
        build_index(settings, rebuild=True)
    where = ["--corpus", str(corpus), "--index", str(settings.index_dir)]
    assert cli("ask", QUESTION, *where).code == 0
    assert cli("status", *where).code == 0
    result = cli("index", "--rebuild", *where)
    assert result.code == 5 and "citeqa: " in result.error_line()
    said = f"Cannot use the index folder {settings.index_dir}: {_UNWRITABLE}."
    assert result.error_line() == f"citeqa: {said}"  # s26 hostile: "Permission denied" for EROFS
    assert snapshot(folder) == before


def test_a_new_index_in_a_read_only_folder(lockable: tuple[Path, Any], tmp_path: Path) -> None:
    folder, lock = lockable
    corpus = make_corpus(tmp_path / "corpus")
    lock()
    for index in (folder / "index", folder):
        with pytest.raises(IndexWriteError) as refused:
            build_index(fake_settings(corpus, index))
        assert str(refused.value) == f"Cannot use the index folder {index}: {_UNWRITABLE}."


def test_a_read_only_corpus_is_indexed(lockable: tuple[Path, Any], tmp_path: Path) -> None:
    folder, lock = lockable
    corpus = make_corpus(folder / "corpus")
    lock()
    report = build_index(fake_settings(corpus, tmp_path / "index"))
    assert report.documents == 2
