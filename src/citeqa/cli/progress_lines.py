"""A build's progress as plain lines, for a stderr that is no terminal (a log file, CI).

rich draws no bar where it cannot redraw one: it printed every finished bar at the end of a
13-minute build, so a logged build looked hung until then. `ProgressLines` takes the same
progress(stage, done, total) calls and writes one plain line when a stage finishes, and, while
a long stage runs, one line with done/total every `every` seconds: no ANSI code, the stage
name shown on one visible line (`citeqa.visible.shown`). A line that cannot be written (stderr
a closed pipe, `citeqa index 2>&1 | head -3`, or a full disk, `2>/dev/full`) ends the progress
lines, never the build: the error would come out of the build's callback and stop it, where
rich, writing nothing to such a stream until the end, let the build complete.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import IO

from citeqa.visible import shown

EVERY_SECONDS = 30.0
"""How often a stage still running says how far it is (a stage shorter says only its end)."""


class ProgressLines:
    """progress(stage, done, total) as plain lines on `stream` (see the module's docstring)."""

    def __init__(
        self,
        stream: IO[str],
        every: float = EVERY_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._stream = stream
        self._every = every
        self._clock = clock
        self._began: dict[str, float] = {}
        """When each stage running began, by its name."""
        self._said: dict[str, float] = {}
        """When each stage running last said how far it is (or began)."""
        self._finished: set[str] = set()
        """The stages whose end was said."""
        self._silent = False
        """Set once a line could not be written: the rest of the build says nothing."""

    def __call__(self, stage: str, done: int, total: int) -> None:
        if total <= 0:
            return  # a stage with nothing to do (an empty folder read) says nothing
        finished = done >= total
        if stage in self._finished:
            if finished:
                return  # said once (a stage may report its end twice)
            self._finished.discard(stage)  # the stage runs again
        now = self._clock()
        if stage not in self._began:
            self._began[stage] = self._said[stage] = now
        if finished:
            seconds = now - self._began.pop(stage)
            del self._said[stage]
            self._finished.add(stage)
            self._write(f"{shown(stage)}: done{_counts(done, total)} in {seconds:.1f} s")
        elif now - self._said[stage] >= self._every:
            self._said[stage] = now
            self._write(f"{shown(stage)}: {done:,}/{total:,} ({100 * done // total} %)")

    def _write(self, line: str) -> None:
        if self._silent:
            return
        try:
            self._stream.write(line + "\n")
            self._stream.flush()  # a log read while the build runs shows the line now
        except (OSError, ValueError):  # a closed pipe, a full disk; ValueError: a closed file
            self._silent = True  # progress is no reason to stop the build


def _counts(done: int, total: int) -> str:
    """The counts of a stage that counts things (", 1,221/1,221"); none of a one-step stage."""
    return f", {done:,}/{total:,}" if total > 1 else ""
