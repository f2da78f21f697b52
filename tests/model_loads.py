"""Model loads that `embedding.preload` starts in background threads end within the test that
started them.

The CLI run in-process starts them and may return without waiting for them (having said that
a channel's package is missing). Left running, a load imports into the next test, under
whatever modules that one hides or after the hidden ones are back: in session 22's CI such a
thread put sentence-transformers back over a test's hidden one (which then built an index it
should have refused) and imported torch, whose modules a fixture then dropped, so that a
later real import failed with "SystemError: bad call flags".
"""

from __future__ import annotations

import threading

from citeqa.embedding import PRELOAD_THREAD

LOAD_SECONDS = 300.0
"""How long a load left running may take to end: a real model's, on a loaded machine (MiniLM
imports torch and transformers). A load still running then fails the test that started it."""


def running_loads() -> set[threading.Thread]:
    """The preload threads alive now."""
    return {t for t in threading.enumerate() if t.name.startswith(PRELOAD_THREAD)}


def end_loads_started_since(before: set[threading.Thread]) -> None:
    """Wait for the loads started since `before` (`running_loads()` then) to end; fail the test
    if one does not, rather than let it run into the next."""
    for thread in running_loads() - before:
        thread.join(LOAD_SECONDS)
        assert not thread.is_alive(), f"{thread.name} still running {LOAD_SECONDS:.0f} s on"
