"""A folder or file the user names that is a symbolic link loop, or a file where a folder must
go, is one clear line and a non-zero exit, never a traceback (Path.resolve raises RuntimeError
on a loop in Python 3.11; citeqa.paths.real_path does not); nothing is created beside it."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from fault_helpers import QUESTION, make_corpus

from citeqa.errors import EvalSetError, IndexMissing, IndexWriteError
from citeqa.ownership import claim
from citeqa.paths import make_folder, real_path


@pytest.fixture
def loop(tmp_path: Path) -> Path:
    os.symlink("loop", tmp_path / "loop")
    return tmp_path / "loop"


def test_real_path_leaves_a_loop_as_written(loop: Path, tmp_path: Path) -> None:
    with pytest.raises(RuntimeError):
        loop.resolve()  # what citeqa used to call
    assert real_path(loop) == loop
    assert real_path(loop / "sub") == loop / "sub"
    os.symlink(tmp_path / "elsewhere", tmp_path / "dangling")
    assert real_path(tmp_path / "dangling") == tmp_path / "elsewhere"


@pytest.mark.parametrize(
    ("args", "error", "words"),
    [
        (["index"], IndexWriteError, "Too many levels of symbolic links"),
        (["ask", QUESTION], IndexWriteError, "Too many levels of symbolic links"),
        (["status"], IndexMissing, "No index in"),
    ],
)
def test_an_index_folder_that_loops(
    loop: Path, tmp_path: Path, cli: Any, args: list[str], error: type, words: str
) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    for where in (["--index", str(loop)], ["--index", str(loop / "sub")]):
        result = cli(*args, "--corpus", str(corpus), *where)
        assert result.code == error.exit_code != 0
        assert words in result.error_line()
    result = cli(*args, "--corpus", str(corpus), index_dir=str(loop))  # CITEQA_INDEX_DIR
    assert result.code == error.exit_code
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "cwd", "loop"]


def test_a_question_set_that_loops(loop: Path, cli: Any) -> None:
    result = cli("eval", "--set", str(loop), "--no-ablations")
    assert result.code == EvalSetError.exit_code
    assert "Too many levels of symbolic links" in result.error_line()


@pytest.mark.parametrize("what", ["loop", "file", "under a file"])
def test_an_eval_cache_that_cannot_be_a_folder(
    loop: Path, tmp_path: Path, cli: Any, what: str
) -> None:
    a_file = tmp_path / "a-file"
    a_file.write_text("mine\n")
    cache = {"loop": loop, "file": a_file, "under a file": a_file / "cache"}[what]
    result = cli("eval", "--sets", "bundled", "--quick", "--no-peers", "--cache", str(cache))
    assert result.code == IndexWriteError.exit_code
    line = result.error_line()
    assert f"Cannot use the eval cache folder {cache}" in line
    reason = {"loop": "symbolic links", "file": "in the way", "under a file": "Not a directory"}
    assert reason[what] in line
    assert a_file.read_text() == "mine\n"


def test_a_file_as_the_index_folder_says_so(tmp_path: Path, cli: Any) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    a_file = tmp_path / "a-file"
    a_file.write_text("mine\n")
    result = cli("index", "--corpus", str(corpus), "--index", str(a_file))
    assert result.code == IndexWriteError.exit_code
    assert "a file of that name is in the way" in result.error_line()
    assert a_file.read_text() == "mine\n"


def test_a_folder_citeqa_cannot_use_is_said_one_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The index folder and the eval cache, under a file or not writable: one wording."""
    a_file = tmp_path / "a-file"
    a_file.write_text("mine\n")
    for what in ("index folder", "eval cache folder"):
        with pytest.raises(IndexWriteError) as under_a_file:
            make_folder(a_file / "folder", what)
        said = f"Cannot use the {what} {a_file / 'folder'}: Not a directory."
        assert str(under_a_file.value) == said
    monkeypatch.setattr(os, "access", lambda *args: False)  # root would write there anyway
    with pytest.raises(IndexWriteError) as not_writable:
        claim(tmp_path / "index")
    said = (
        f"Cannot use the index folder {tmp_path / 'index'}:"
        " this user may not write there (permission denied)."
    )
    assert str(not_writable.value) == said
