"""What an interrupted build says (publishing.interrupted, shared by indexing.build_index and
`citeqa index`): PUBLISHED once `current` names another build than when the build began, else
what the caller says for an unpublished build."""

from __future__ import annotations

import os
from pathlib import Path

from citeqa.errors import NOTHING_BEGUN, PUBLISHED, BuildInterrupted
from citeqa.ownership import CURRENT
from citeqa.publishing import interrupted


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
