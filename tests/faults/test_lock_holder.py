"""A second build's IndexLocked message names the lock's holder as status does: the lock file
is another process's (or anyone's) words, so on one line, visible, and cut when long."""

from __future__ import annotations

import fcntl
from pathlib import Path

import pytest

from citeqa.errors import IndexLocked
from citeqa.ownership import LOCK
from citeqa.publishing import build_lock
from citeqa.visible import cut, shown

HOLDER = "pid 7 on host\n\x1b]52;c;ZWNobyBoaQ==\x07 started " + "x" * 4000


def test_the_lock_holder_is_named_on_one_visible_cut_line(tmp_path: Path) -> None:
    lock = tmp_path / LOCK
    lock.write_text(HOLDER, encoding="utf-8")
    with open(lock, "rb") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)  # another open file: another build
        with pytest.raises(IndexLocked) as caught, build_lock(tmp_path):
            pass
    message = str(caught.value)
    assert shown(cut(HOLDER)) in message
    assert "\n" not in message and "\x1b" not in message and "\x07" not in message
    assert len(message) < 400
    assert lock.read_text(encoding="utf-8") == HOLDER  # the holder's words are left as they are
