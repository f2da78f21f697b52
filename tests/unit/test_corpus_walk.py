"""The corpus walk behind staleness and builds (corpus.corpus_stamps): files come out in the
order of their sorted relative paths without a sort of the whole list, each with its own size
and time, and a deeply nested corpus is walked without recursion."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from citeqa.corpus import corpus_stamps, list_corpus_files


def test_files_come_out_in_sorted_path_order_with_their_stamps(tmp_path: Path) -> None:
    # names chosen around "/": a folder "a" sorts as "a/", after "a-b" and "a.txt"
    for name in ("a/x.md", "a/b/c.txt", "a-b/q.txt", "a.txt", "a b", "a!", "A", "é/f.txt", "ab"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(name * 3, encoding="utf-8")
    (tmp_path / "manifest.json").write_text("{}", encoding="utf-8")  # the corpus's own: left out
    (tmp_path / "link.txt").symlink_to(tmp_path / "a.txt")  # a link inside the corpus: kept
    (tmp_path / "to-folder").symlink_to(tmp_path / "a")  # a link to a folder: not followed
    stamps = corpus_stamps(tmp_path, {})
    expected = sorted(
        path.relative_to(tmp_path).as_posix()
        for path in tmp_path.rglob("*")
        if (path.is_file() and not path.is_symlink()) or path.name == "link.txt"
    )
    expected.remove("manifest.json")
    assert stamps.names == expected
    for name, size, mtime in zip(stamps.names, stamps.sizes, stamps.mtimes_ns, strict=True):
        status = os.stat(tmp_path / name)
        assert (size, mtime) == (status.st_size, status.st_mtime_ns)
    assert [p.relative_to(tmp_path).as_posix() for p in list_corpus_files(tmp_path)] == expected


def _depth() -> int:
    """How many frames the calling code runs under."""
    frame, depth = sys._getframe(1), 0
    while frame is not None:
        frame, depth = frame.f_back, depth + 1  # type: ignore[assignment]
    return depth


def test_a_corpus_nested_deeper_than_the_recursion_limit_is_walked(tmp_path: Path) -> None:
    folder = tmp_path
    for _ in range(300):  # (shallow enough for pytest's own recursive clean-up of tmp_path)
        folder = folder / "d"
        folder.mkdir()
    (folder / "deep.txt").write_text("x", encoding="utf-8")
    (tmp_path / "top.txt").write_text("y", encoding="utf-8")
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(_depth() + 150)  # below the nesting: a walk recursing per folder fails
    try:
        names = corpus_stamps(tmp_path, {}).names
    finally:
        sys.setrecursionlimit(limit)
    assert names == ["d/" * 300 + "deep.txt", "top.txt"]
