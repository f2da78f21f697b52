"""What the chat shows when it cannot open the assistant: an empty folder's message is said once,
in the banner (the status line names it, no notification repeats it); an error is also a
notification."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tui_helpers import run, screen_text, wait_for

from citeqa.corpus import nothing_read
from citeqa.errors import CorpusEmpty, IndexCorrupt
from citeqa.tui.app import CiteqaApp
from citeqa.tui.widgets.status import StaleBanner, StatusLine


def _shown(error: Exception) -> tuple[str, str, str, list[str]]:
    """The screen, the banner, the status line and the notifications' messages once the chat
    has failed to open the assistant with `error`."""

    def opener(progress: Any) -> Any:
        raise error

    def no_rebuild(progress: Any) -> Any:
        raise AssertionError("not asked to rebuild")

    async def body() -> tuple[str, str, str, list[str]]:
        app = CiteqaApp(opener, no_rebuild)
        async with app.run_test(size=(120, 30)) as pilot:
            await wait_for(pilot, lambda: app._load_problem is not None)
            await pilot.pause()
            banner = app.query_one(StaleBanner).content.plain
            notes = [note.message for note in app._notifications]
            return screen_text(app), banner, app.query_one(StatusLine).text, notes

    return run(body())


def test_an_empty_folder_is_said_once_in_the_banner(tmp_path: Path) -> None:
    """The user trial: "No readable document in …" in the banner, the status line and a toast."""
    message = nothing_read(tmp_path, [], 1)
    screen, banner, status, notes = _shown(CorpusEmpty(message))
    assert message in banner
    assert " ".join(screen.split()).count("No readable document") == 1
    assert status == "Nothing to index" and notes == []


def test_an_unusable_index_is_also_a_notification() -> None:
    error = "Index file /idx/chunks.jsonl is missing; run `citeqa index --rebuild`."
    _, banner, status, notes = _shown(IndexCorrupt(error))
    assert error in banner and notes == [error]
    assert status == f"The index cannot be used: {error}"
