"""What an interrupted build says (publishing.interrupted, shared by indexing.build_index and
`citeqa index`): PUBLISHED once `current` names another build than when the build began, else
what the caller says for an unpublished build."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from citeqa.api import build_index
from citeqa.errors import NOTHING_BEGUN, NOTHING_PUBLISHED, PUBLISHED, BuildInterrupted
from citeqa.ownership import CURRENT
from citeqa.publishing import interrupted
from small_corpora import fake_settings, make_corpus


def test_a_build_published_since_it_began_says_so(tmp_path: Path) -> None:
    os.symlink("build-2", tmp_path / CURRENT)
    for before in ("build-1", None):
        said = interrupted(tmp_path, before, KeyboardInterrupt())
        assert isinstance(said, BuildInterrupted) and str(said) == PUBLISHED


def test_an_unpublished_build_says_what_the_caller_says(tmp_path: Path) -> None:
    otherwise = BuildInterrupted(NOTHING_BEGUN)
    assert interrupted(tmp_path, None, otherwise) is otherwise  # no build before nor since
    os.symlink("build-1", tmp_path / CURRENT)
    quiet = KeyboardInterrupt()
    assert interrupted(tmp_path, "build-1", quiet) is quiet


def _stopping_at(stage: str, *, last: bool = False) -> Callable[[str, int, int], None]:
    """A progress callback that stops the build at `stage` (at its last report with `last`), as
    the chat's quit does (its progress raises BuildInterrupted: WorkerApp._progress)."""

    def progress(step: str, done: int, total: int) -> None:
        if step == stage and (done == total or not last):
            raise BuildInterrupted()

    return progress


def test_a_build_stopped_by_its_progress_says_what_is_on_disk(tmp_path: Path) -> None:
    """build_index words the chat's stop as a Ctrl-C: on main the bare BuildInterrupted came
    out ("the previous index is unchanged") after a first build too, where there was none."""
    settings = fake_settings(make_corpus(tmp_path / "corpus"), tmp_path / "index")
    with pytest.raises(BuildInterrupted) as first:
        build_index(settings, progress=_stopping_at("chunking"))
    assert str(first.value) == NOTHING_PUBLISHED and not settings.index_dir.exists()
    build_index(settings)
    with pytest.raises(BuildInterrupted) as update:
        build_index(settings, rebuild=True, progress=_stopping_at("chunking"))
    assert str(update.value) == str(BuildInterrupted())
    with pytest.raises(BuildInterrupted) as late:  # the progress's last report, past the switch
        build_index(settings, rebuild=True, progress=_stopping_at("writing", last=True))
    assert str(late.value) == PUBLISHED
