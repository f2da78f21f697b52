"""The corpus walk behind staleness and builds (corpus.corpus_stamps): files come out in the
order of their sorted relative paths without a sort of the whole list, each with its own size
and time, a deeply nested corpus is walked without recursion, and the domain file it leaves out
is resolved once per walk."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest

from citeqa import domain
from citeqa.corpus import corpus_stamps, list_corpus_files, scan_corpus
from citeqa.domain import domain_path
from citeqa.filelist import FileList
from citeqa.status import corpus_now


def test_files_come_out_in_sorted_path_order_with_their_stamps(tmp_path: Path) -> None:
    # names chosen around "/": a folder "a" sorts as "a/", after "a-b" and "a.txt"
    for name in ("a/x.md", "a/b/c.txt", "a-b/q.txt", "a.txt", "a b", "a!", "A", "é/f.txt", "ab"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(name * 3, encoding="utf-8")
    (tmp_path / "manifest.json").write_text("{}", encoding="utf-8")  # the corpus's own: left out
    (tmp_path / "link.txt").symlink_to(tmp_path / "a.txt")  # a link inside the corpus: kept
    (tmp_path / "to-folder").symlink_to(tmp_path / "a")  # a link to a folder: not followed
    stamps = corpus_stamps(tmp_path, None)
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
        names = corpus_stamps(tmp_path, None).names
    finally:
        sys.setrecursionlimit(limit)
    assert names == ["d/" * 300 + "deep.txt", "top.txt"]


def test_the_domain_file_is_resolved_once_per_status_check_and_per_scan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Resolving it follows the links of two paths; a status check and a scan each did it twice
    (the walk, then the digest or the reading of the file): it travels on CorpusManifest."""
    (tmp_path / "paper.txt").write_text("A paper about kidneys.\n", encoding="utf-8")
    (tmp_path / "terms.json").write_text('{"groups": [["kidney", "rein"]]}', encoding="utf-8")
    (tmp_path / "manifest.json").write_text('{"domain": "terms.json"}', encoding="utf-8")
    resolved: list[Path] = []

    def counted(corpus_dir: Path, manifest: dict[str, Any] | None = None) -> Path | None:
        resolved.append(corpus_dir)
        return domain_path(corpus_dir, manifest)

    monkeypatch.setattr(domain, "domain_path", counted)
    scan = scan_corpus(tmp_path, lambda document: None)
    assert scan.domain is not None and "terms.json" not in scan.files.names
    assert len(resolved) == 1
    resolved.clear()
    now = corpus_now(FileList.of([]), tmp_path, scan.manifest_sha256)
    assert now.changes == ["added: paper.txt"]  # the domain file is neither a change nor left out
    assert len(resolved) == 1
