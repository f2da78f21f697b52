"""peer_cache.cache_key hashes each corpus file once a process: a --quick copy of the files
the peer check read is known to hash the same, so the run after the check reads no file
again; a changed file is read again (review s10-m10 item 4)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from citeqa.evaluation import peer_cache
from citeqa.evaluation.questions import EvalQuestion
from citeqa.evaluation.quick import QuickPlan, make_quick_sets
from citeqa.evaluation.sets import EvalSet

QUESTIONS = [EvalQuestion(id="q1", question="What do bees make?")]


def _sources(tmp_path: Path) -> peer_cache.PlannedCopy:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in [("a.md", "Bees make honey.\n"), ("b.md", "Ants dig.\n")]:
        (folder / name).write_text(text)
    return peer_cache.PlannedCopy(folder, sorted(folder.iterdir()))


def test_a_quick_copy_is_not_hashed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sources = _sources(tmp_path)
    checked = peer_cache.cache_key(sources, QUESTIONS, {})  # the peer check: the source files
    target = tmp_path / "quick"
    eval_set = EvalSet(
        name="s",
        kind="fixture",
        corpus_dir=target,
        questions=QUESTIONS,
        questions_path=tmp_path / "q.jsonl",
    )
    make_quick_sets([QuickPlan(eval_set, sources.files, sources.folder)])
    assert sorted(p.name for p in target.iterdir()) == ["a.md", "b.md"]

    def unread(self: Path) -> bytes:
        raise AssertionError(f"{self} hashed again")

    monkeypatch.setattr(Path, "read_bytes", unread)
    assert peer_cache.cache_key(target, QUESTIONS, {}) == checked


def test_a_changed_file_is_hashed_again(tmp_path: Path) -> None:
    sources = _sources(tmp_path)
    before = peer_cache.cache_key(sources, QUESTIONS, {})
    sources.files[0].write_text("Bees make wax.\n")  # same size
    os.utime(sources.files[0], ns=(1, 1))
    assert peer_cache.cache_key(sources, QUESTIONS, {}) != before
