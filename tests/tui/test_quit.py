"""Quitting the chat while its first index build runs: the build stops at its next step, as
`citeqa index` does on Ctrl-C (no folder left by a first build, the previous index kept), and
the chat says what it left as `citeqa index` says it; while an answer is being written, it
exits at once, with no word of a build."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from tui_helpers import make_corpus, run, settled, wait_for

from citeqa.cli import chat_cmd
from citeqa.cli.chat_cmd import _open, _update
from citeqa.errors import NOTHING_PUBLISHED, PUBLISHED, BuildInterrupted
from citeqa.publishing import current_name
from citeqa.tui.app import CiteqaApp
from small_corpora import fake_settings


def _held_at_chunking(
    opener: Any, reached: threading.Event, resume: threading.Event, stage: str = "chunking"
) -> Any:
    """`opener` with its progress held at the first step of `stage` until `resume` is set."""
    failures: list[BaseException] = []

    def opened(progress: Any) -> Any:
        def held(step: str, done: int, total: int) -> None:
            if step == stage and not reached.is_set():
                reached.set()
                resume.wait(10)
            progress(step, done, total)

        try:
            return opener(held)
        except BaseException as error:
            failures.append(error)
            raise

    opened.failures = failures  # type: ignore[attr-defined]
    return opened


def _quit_while_held(
    app: CiteqaApp, held: Any, reached: threading.Event, resume: threading.Event, rebuild: bool
) -> None:
    """Run `app`, with ctrl+r once its assistant is open if `rebuild`, quit once the build is
    held (`held`, a _held_at_chunking opener) at its first chunking step, then let it go on: it
    must stop there (BuildInterrupted) and the app finish its work."""

    async def body() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            if rebuild:
                await wait_for(pilot, lambda: app.session is not None, 400)
                await pilot.press("ctrl+r")
            await wait_for(pilot, reached.is_set, 400)
            await pilot.press("ctrl+q")
            resume.set()
        assert app.work_done(10)

    run(body())
    assert [type(error) for error in held.failures] == [BuildInterrupted]


def _left_saying(app: CiteqaApp, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> list[str]:
    """What the chat command prints on stderr as it leaves the app (no process exit)."""
    monkeypatch.setattr(chat_cmd.os, "_exit", lambda code: None)
    capsys.readouterr()
    chat_cmd._leave_unfinished_work(app)
    return capsys.readouterr().err.splitlines()


def test_quitting_during_the_first_build_leaves_no_index_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    """...and says so, as `citeqa index` does on Ctrl-C (on main nothing was said, or, while
    the build was stopping, that "the previous index stays")."""
    settings = fake_settings(make_corpus(tmp_path / "corpus"), tmp_path / "index")
    reached, resume = threading.Event(), threading.Event()
    opener = _held_at_chunking(lambda progress: _open(settings, progress), reached, resume)
    app = CiteqaApp(opener, corpus_dir=settings.corpus_dir, index_dir=settings.index_dir)
    _quit_while_held(app, opener, reached, resume, rebuild=False)
    assert not settings.index_dir.exists()
    assert _left_saying(app, monkeypatch, capsys) == [f"citeqa: {NOTHING_PUBLISHED}"]


def test_quitting_once_the_first_build_is_published_says_it_is_in_use(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    """Quit as the models load after the first build: the new index is in place (on main a bare
    BuildInterrupted, "the previous index is unchanged", came out of the load)."""
    settings = fake_settings(make_corpus(tmp_path / "corpus"), tmp_path / "index")
    reached, resume = threading.Event(), threading.Event()
    opener = _held_at_chunking(
        lambda progress: _open(settings, progress), reached, resume, "loading models"
    )
    app = CiteqaApp(opener, corpus_dir=settings.corpus_dir, index_dir=settings.index_dir)
    _quit_while_held(app, opener, reached, resume, rebuild=False)
    assert current_name(settings.index_dir) is not None
    assert _left_saying(app, monkeypatch, capsys) == [f"citeqa: {PUBLISHED}"]


def test_quitting_while_an_index_that_was_there_loads_says_nothing_of_a_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    settings = fake_settings(make_corpus(tmp_path / "corpus"), tmp_path / "index")
    _open(settings, lambda stage, done, total: None)  # the first build
    reached, resume = threading.Event(), threading.Event()
    opener = _held_at_chunking(
        lambda progress: _open(settings, progress), reached, resume, "loading models"
    )
    app = CiteqaApp(opener, corpus_dir=settings.corpus_dir, index_dir=settings.index_dir)
    _quit_while_held(app, opener, reached, resume, rebuild=False)
    assert _left_saying(app, monkeypatch, capsys) == []


def test_quitting_while_an_index_loads_says_nothing_of_another_process_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    """The chat only loads the index that was there; another process (`citeqa index`) publishes
    a build before the chat leaves: the chat built nothing, so it says nothing (it said "Build
    interrupted after its new index was published")."""
    settings = fake_settings(make_corpus(tmp_path / "corpus"), tmp_path / "index")
    _open(settings, lambda stage, done, total: None)  # the first build
    first = current_name(settings.index_dir)
    reached, resume = threading.Event(), threading.Event()
    opener = _held_at_chunking(
        lambda progress: _open(settings, progress), reached, resume, "loading models"
    )
    app = CiteqaApp(opener, corpus_dir=settings.corpus_dir, index_dir=settings.index_dir)
    _quit_while_held(app, opener, reached, resume, rebuild=False)
    with (settings.corpus_dir / "regency.txt").open("a", encoding="utf-8") as edited:
        edited.write("\nAn edited line, for another process's update to read.\n")
    _update(settings, lambda stage, done, total: None)  # as `citeqa index` would, meanwhile
    assert current_name(settings.index_dir) not in (None, first)
    assert _left_saying(app, monkeypatch, capsys) == []


def test_quitting_during_an_update_keeps_the_previous_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    settings = fake_settings(make_corpus(tmp_path / "corpus"), tmp_path / "index")
    _open(settings, lambda stage, done, total: None)  # the first build
    with (settings.corpus_dir / "regency.txt").open("a", encoding="utf-8") as edited:
        edited.write("An edited line, for the update to embed.\n")
    before = sorted(path.relative_to(tmp_path) for path in settings.index_dir.rglob("*"))
    reached, resume = threading.Event(), threading.Event()
    rebuild = _held_at_chunking(lambda progress: _update(settings, progress), reached, resume)
    app = CiteqaApp(
        lambda progress: _open(settings, progress), rebuild, index_dir=settings.index_dir
    )
    _quit_while_held(app, rebuild, reached, resume, rebuild=True)
    assert sorted(path.relative_to(tmp_path) for path in settings.index_dir.rglob("*")) == before
    kept = "citeqa: Build interrupted; the previous index is unchanged."
    assert _left_saying(app, monkeypatch, capsys) == [kept]


def test_quitting_while_an_answer_is_written_exits_at_once_without_the_build_message(
    make_app: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    app = make_app()
    reached, resume = threading.Event(), threading.Event()
    exits: list[int] = []
    seen: dict[str, bool] = {}
    monkeypatch.setattr(chat_cmd.os, "_exit", exits.append)
    monkeypatch.setattr(chat_cmd, "STOP_GRACE", 30.0)  # a wait would show in the test's time

    async def body() -> None:
        async with settled(app, (100, 30)) as pilot:
            answer = app.session.ask

            def held(question: str, k: int | None = None) -> Any:
                reached.set()
                resume.wait(10)
                return answer(question, k)

            monkeypatch.setattr(app.session, "ask", held)
            field = app.query_one("#question")
            field.focus()
            field.value = "obinutuzumab week 76"
            await pilot.press("enter")
            await wait_for(pilot, reached.is_set, 400)
            seen["work"], seen["build"] = app.work_in_progress, app.build_in_progress
            await pilot.press("ctrl+q")
            chat_cmd._leave_unfinished_work(app)
            resume.set()

    run(body())
    assert seen == {"work": True, "build": False}
    assert exits == [0]
    assert "Stopping" not in capsys.readouterr().err
