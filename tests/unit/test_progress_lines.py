"""A build's progress where stderr is no terminal (a log file, CI): plain lines as it goes
(s14 trial: a 13-minute build logged nothing until its end, then every bar at once)."""

from __future__ import annotations

import io

from rich.console import Console

from citeqa.cli.common import progress_bar
from citeqa.cli.progress_lines import EVERY_SECONDS, ProgressLines


def test_a_logged_build_says_each_stage_as_it_ends() -> None:
    """Each stage's line is in the log once the stage ends, not at the end of the build."""
    log = io.StringIO()
    with progress_bar(Console(file=log, force_terminal=False)) as update:
        update("reading", 0, 3)
        update("reading", 2, 3)
        assert log.getvalue() == ""  # a short stage says only its end
        update("reading", 3, 3)
        assert log.getvalue().startswith("reading: done, 3/3 in ")
        update("writing", 0, 1)
        update("writing", 1, 1)
        lines = log.getvalue().splitlines()
        assert len(lines) == 2 and lines[1].startswith("writing: done in ")
    assert log.getvalue().splitlines() == lines  # nothing more when the build ends
    assert "\x1b" not in log.getvalue()


def test_a_terminal_keeps_its_bars() -> None:
    terminal = io.StringIO()
    with progress_bar(Console(file=terminal, force_terminal=True, width=80)) as update:
        update("reading", 3, 3)
    assert "━" in terminal.getvalue() and "\x1b[" in terminal.getvalue()
    assert "reading: done" not in terminal.getvalue()


class _Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_long_stage_says_how_far_it_is_now_and_then() -> None:
    log, clock = io.StringIO(), _Clock()
    update = ProgressLines(log, clock=clock)
    update("embedding use", 0, 21_208)
    clock.now += EVERY_SECONDS - 1
    update("embedding use", 1_000, 21_208)
    assert log.getvalue() == ""
    clock.now += 1
    update("embedding use", 2_000, 21_208)
    clock.now += 1
    update("embedding use", 2_100, 21_208)  # said 1 s ago: not again
    clock.now += EVERY_SECONDS
    update("embedding use", 10_604, 21_208)
    clock.now += 5
    update("embedding use", 21_208, 21_208)
    update("embedding use", 21_208, 21_208)  # an end reported twice is said once
    assert log.getvalue().splitlines() == [
        "embedding use: 2,000/21,208 (9 %)",
        "embedding use: 10,604/21,208 (50 %)",
        "embedding use: done, 21,208/21,208 in 66.0 s",
    ]


def test_stage_names_are_shown_on_one_visible_line_and_empty_stages_say_nothing() -> None:
    log = io.StringIO()
    update = ProgressLines(log, clock=_Clock())
    update("reading", 0, 0)  # an empty folder: its error stands alone
    update("embedding \x1b[31mx\ny", 1, 1)
    assert log.getvalue() == "embedding ␛[31mx␊y: done in 0.0 s\n"
