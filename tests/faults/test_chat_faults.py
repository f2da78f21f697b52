"""The chat on an unusable index (issue 10, item 6/7): the whole error is shown (wrapped, not
cut at the screen width), the header does not stay on "loading…", and a question says the index
is unusable instead of waiting for the models for ever."""

from __future__ import annotations

import asyncio
from typing import Any

from citeqa.corpus import nothing_read
from citeqa.errors import CorpusEmpty, IndexCorrupt
from citeqa.tui.app import CiteqaApp
from citeqa.tui.widgets.question_input import QuestionInput
from citeqa.tui.widgets.transcript import Transcript
from citeqa.tui.widgets.welcome import WAITING

ERROR = (
    "Index file /home/someone/papers-index/build-0123/chunks.jsonl is missing, truncated or"
    " altered; run `citeqa index --rebuild`. The last words of this long message are"
    " THE-TAIL-END"
)


def _broken(progress: Any) -> Any:
    raise IndexCorrupt(ERROR)


def _no_rebuild(progress: Any) -> Any:
    raise AssertionError("not asked to rebuild")


def _screen(app: CiteqaApp) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def _wait(pilot: Any, condition: Any) -> None:
    for _ in range(200):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError("condition never held")


def test_a_corrupt_index_in_the_chat() -> None:
    async def body() -> None:
        app = CiteqaApp(_broken, _no_rebuild)
        async with app.run_test(size=(80, 30)) as pilot:
            await _wait(pilot, lambda: app._load_problem is not None)
            await pilot.pause()
            assert "loading" not in app.sub_title and "unusable" in app.sub_title
            screen = _screen(app)
            assert "THE-TAIL-END" in screen  # shown in full, wrapped
            field = app.query_one(QuestionInput)
            field.value = "What was the renal response?"
            await pilot.press("enter")
            await pilot.pause()
            transcript = app.query_one(Transcript)
            assert "unusable" in _screen(app) and transcript is not None
            assert "Waiting for the models" not in _screen(app)

    asyncio.run(body())


def test_notifications_show_names_literally() -> None:
    hostile = "Index file /idx/[bold red]x[/]\x1b]0;pwned\x07/chunks.jsonl is missing"

    def broken(progress: Any) -> Any:
        raise IndexCorrupt(hostile)

    async def body() -> None:
        app = CiteqaApp(broken, _no_rebuild)
        async with app.run_test(size=(100, 30)) as pilot:
            await _wait(pilot, lambda: bool(app._notifications))
            [note] = list(app._notifications)
            assert "[bold red]x[/]" in note.message and not note.markup
            assert "\x1b" not in note.message and "\x07" not in note.message
            assert "\x1b" not in _screen(app)

    asyncio.run(body())


def test_the_chat_on_a_corpus_with_no_readable_document(tmp_path: Any) -> None:
    """The user trial: `citeqa --corpus empty/` showed "index unusable · ctrl+r rebuilds it"
    beside "The index is being prepared; you can type a question now". An empty corpus is no
    index problem: the chat says what to add, and stops saying the index is being prepared."""
    message = nothing_read(tmp_path, [], 1)

    def empty(progress: Any) -> Any:
        raise CorpusEmpty(message)

    async def body() -> None:
        app = CiteqaApp(empty, _no_rebuild)
        async with app.run_test(size=(100, 30)) as pilot:
            await _wait(pilot, lambda: app._load_problem is not None)
            await pilot.pause()
            assert app.sub_title == (
                "no readable document · add .csv, .htm, .html, .json, .md, .pdf, .rst, .srt,"
                " .tsv, .txt, .vtt, .yaml or .yml files, then ctrl+r"
            )
            screen = " ".join(_screen(app).split())
            assert "unusable" not in screen and WAITING not in screen
            assert "✖ Nothing to index: No readable document in" in screen
            field = app.query_one(QuestionInput)
            field.value = "What is in there?"
            await pilot.press("enter")
            await pilot.pause()
            screen = " ".join(_screen(app).split())
            assert "the corpus has no readable document" in screen and "unusable" not in screen

    asyncio.run(body())


def test_a_model_that_cannot_load_is_not_called_an_unusable_index() -> None:
    """Any failure to open the assistant (a channel's model, a memory limit) reached the chat
    as "The index cannot be used" (review s11-2): it is now "Could not load the assistant"
    (load_problem.NOT_LOADED); a corrupt, incompatible or missing index keeps the index's words."""
    from citeqa.errors import EmbedderUnavailable

    def no_model(progress: Any) -> Any:
        raise EmbedderUnavailable("The use channel needs its package")

    async def body() -> str:
        app = CiteqaApp(no_model, _no_rebuild)
        async with app.run_test(size=(100, 30)) as pilot:
            await _wait(pilot, lambda: app._load_problem is not None)
            await pilot.pause()
            return _screen(app)

    screen = asyncio.run(body())
    assert "Could not load the assistant" in screen
    assert "index cannot be used" not in screen and "unusable" not in screen
