"""Screenshots of the chat with an answer and of the viewer, at 80×24 and 120×40.

Deterministic: the fake assistant, no clock, no timings on screen, the cursor does not blink.
Update with `python -m pytest tests/tui/test_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

import pytest
from tui_helpers import FakeFactory, ask, fake_builder, make_corpus, screen_text, settle, wait_for

from citeqa.tui.app import CiteqaApp
from citeqa.tui.screens.viewer import DocumentViewer

SIZES = [(80, 24), (120, 40)]


async def _answered(pilot) -> None:
    await settle(pilot)
    await ask(pilot, "obinutuzumab week 76")
    await pilot.pause()


async def _viewer(pilot) -> None:
    await _answered(pilot)
    await pilot.press("escape", "1")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, DocumentViewer))
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_chat_with_answer(snap_compare, size, tmp_path):
    app = CiteqaApp(FakeFactory(), fake_builder, export_dir=tmp_path)
    assert snap_compare(app, terminal_size=size, run_before=_answered)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_viewer(snap_compare, size, tmp_path):
    app = CiteqaApp(FakeFactory(), fake_builder, export_dir=tmp_path)
    assert snap_compare(app, terminal_size=size, run_before=_viewer)


async def _slide_answer(pilot) -> None:
    await settle(pilot)
    await ask(pilot, "slide results")
    await pilot.press("tab", "tab")  # the transcript, with its cursor on the quote
    await pilot.pause()


async def _help(pilot) -> None:
    await settle(pilot)
    await pilot.press("f1")
    await pilot.pause()


def test_slide_quote_folded(snap_compare, tmp_path):
    app = CiteqaApp(FakeFactory(), fake_builder, export_dir=tmp_path)
    assert snap_compare(app, terminal_size=(100, 30), run_before=_slide_answer)


def test_help_screen(snap_compare, tmp_path):
    app = CiteqaApp(FakeFactory(), fake_builder, export_dir=tmp_path)
    assert snap_compare(app, terminal_size=(100, 40), run_before=_help)


async def _welcome(pilot) -> None:
    await settle(pilot)
    await wait_for(pilot, lambda: bool(pilot.app.query_one("#examples").display))
    # the corpus line is drawn again, passages counted, once the index is loaded: wait for it,
    # or a loaded machine snaps either line
    await wait_for(pilot, lambda: "passages" in screen_text(pilot.app))
    await pilot.press("down")  # the first example, highlighted
    await pilot.pause()


def test_welcome(snap_compare, tmp_path):
    corpus = make_corpus(tmp_path / "corpus")
    app = CiteqaApp(
        FakeFactory(corpus_dir=str(corpus)), fake_builder, export_dir=tmp_path, corpus_dir=corpus
    )
    assert snap_compare(app, terminal_size=(100, 30), run_before=_welcome)
