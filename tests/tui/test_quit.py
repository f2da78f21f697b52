"""Quitting the chat while its first index build runs: the build stops at its next step, as
`citeqa index` does on Ctrl-C (no folder left by a first build, the previous index kept)."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from tui_helpers import make_corpus, run, wait_for

from citeqa.cli.chat_cmd import _open, _rebuild
from citeqa.errors import BuildInterrupted
from citeqa.tui.app import CiteqaApp
from small_corpora import fake_settings


def _held_at_chunking(opener: Any, reached: threading.Event, resume: threading.Event) -> Any:
    """`opener` with its progress held at the first chunking step until `resume` is set."""
    failures: list[BaseException] = []

    def opened(progress: Any) -> Any:
        def held(stage: str, done: int, total: int) -> None:
            if stage == "chunking" and not reached.is_set():
                reached.set()
                resume.wait(10)
            progress(stage, done, total)

        try:
            return opener(held)
        except BaseException as error:
            failures.append(error)
            raise

    opened.failures = failures  # type: ignore[attr-defined]
    return opened


def _quit_while_held(app: CiteqaApp, reached: threading.Event, resume: threading.Event) -> None:
    async def body() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_for(pilot, reached.is_set, 400)
            await pilot.press("ctrl+q")
            resume.set()
        assert app.work_done(10)

    run(body())


def test_quitting_during_the_first_build_leaves_no_index_folder(tmp_path: Path) -> None:
    settings = fake_settings(make_corpus(tmp_path / "corpus"), tmp_path / "index")
    reached, resume = threading.Event(), threading.Event()
    opener = _held_at_chunking(lambda progress: _open(settings, progress), reached, resume)
    _quit_while_held(CiteqaApp(opener, corpus_dir=settings.corpus_dir), reached, resume)
    assert [type(error) for error in opener.failures] == [BuildInterrupted]
    assert not settings.index_dir.exists()


def test_quitting_during_a_rebuild_keeps_the_previous_index(tmp_path: Path) -> None:
    settings = fake_settings(make_corpus(tmp_path / "corpus"), tmp_path / "index")
    _open(settings, lambda stage, done, total: None)  # the first build
    before = sorted(path.relative_to(tmp_path) for path in settings.index_dir.rglob("*"))
    reached, resume = threading.Event(), threading.Event()
    rebuild = _held_at_chunking(lambda progress: _rebuild(settings, progress), reached, resume)
    app = CiteqaApp(lambda progress: _open(settings, progress), rebuild)

    async def body() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_for(pilot, lambda: app.session is not None, 400)
            await pilot.press("ctrl+r")
            await wait_for(pilot, reached.is_set, 400)
            await pilot.press("ctrl+q")
            resume.set()
        assert app.work_done(10)

    run(body())
    assert [type(error) for error in rebuild.failures] == [BuildInterrupted]
    assert sorted(path.relative_to(tmp_path) for path in settings.index_dir.rglob("*")) == before
