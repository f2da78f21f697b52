"""The document viewer: the quoted characters highlighted exactly, hostile text shown literally."""

from __future__ import annotations

from tui_helpers import DOCUMENTS, EVIL_QUOTE, ask, run, screen_text, settled, wait_for

from citeqa.tui.safe_text import clean
from citeqa.tui.screens.viewer import HIGHLIGHT, DocumentViewer
from citeqa.tui.widgets.transcript import SourceBlock


def _viewer(app) -> DocumentViewer:
    assert isinstance(app.screen, DocumentViewer)
    return app.screen


def test_enter_in_sources_opens_viewer_with_exact_highlight(make_app):
    async def body():
        app = make_app()
        async with settled(app) as pilot:
            await ask(pilot, "obinutuzumab week 76")
            citation = app.turns[0].answer.citations[1]
            await pilot.press("escape", "down", "enter")  # to the sources list, 2nd source
            await wait_for(pilot, lambda: isinstance(app.screen, DocumentViewer))
            viewer = _viewer(app)
            assert viewer.content.plain == DOCUMENTS["regency"].text
            spans = [(s.start, s.end, s.style) for s in viewer.content.spans]
            assert spans == [(citation.start, citation.end, HIGHLIGHT)]
            assert viewer.content.plain[citation.start : citation.end] == citation.quote
            assert "characters 254–315" in screen_text(app)
            await pilot.press("escape")
            assert app.screen is app.screen_stack[0]

    run(body())


def test_number_key_and_click_open_the_viewer(make_app):
    async def body():
        app = make_app()
        async with settled(app) as pilot:
            await ask(pilot, "obinutuzumab week 76")
            await pilot.press("1")  # focus is in the input: the digit is typed, nothing opens
            assert app.screen is app.screen_stack[0]
            assert app.query_one("#question").value == "1"
            await pilot.press("escape", "1")
            await wait_for(pilot, lambda: isinstance(app.screen, DocumentViewer))
            assert _viewer(app).ref.label == 1
            await pilot.press("escape")
            await pilot.click(SourceBlock, offset=(5, 0))
            await wait_for(pilot, lambda: isinstance(app.screen, DocumentViewer))
            assert _viewer(app).ref.label == 1

    run(body())


def test_markup_and_escapes_render_literally(make_app):
    async def body():
        app = make_app()
        async with settled(app) as pilot:
            await ask(pilot, "show the markup document")
            text = screen_text(app)
            for literal in (
                "[bold]x[/bold]",
                "[link=http://evil]y[/link]",
                "Hostile [red]doc[/red]",
            ):
                assert literal in text
            assert "[b]Section[/b]" in text
            assert "\x1b" not in text and "␛[31mred␛[0m" in text
            assert "\x1b" not in app.export_screenshot().replace("\\x1b", "")
            strips = app.screen._compositor.render_strips()
            links = {
                seg.style.link for strip in strips for seg in strip if seg.style and seg.style.link
            }
            assert "http://evil" not in links

            await pilot.press("escape", "1")
            await wait_for(pilot, lambda: isinstance(app.screen, DocumentViewer))
            await pilot.pause()
            viewer = _viewer(app)
            start = DOCUMENTS["hostile"].text.index(EVIL_QUOTE)
            assert viewer.content.plain == clean(DOCUMENTS["hostile"].text)
            assert [(s.start, s.end) for s in viewer.content.spans] == [
                (start, start + len(EVIL_QUOTE))
            ]
            shown = screen_text(app)
            assert "[bold]x[/bold]" in shown
            assert "\x1b" not in shown

    run(body())


def test_viewer_at_80x24_scrolls_the_quote_into_view(make_app):
    async def body():
        app = make_app()
        async with settled(app, (80, 24)) as pilot:
            await ask(pilot, "markup")
            await pilot.press("escape", "enter")
            await wait_for(pilot, lambda: isinstance(app.screen, DocumentViewer))
            await pilot.pause()
            shown = screen_text(app)
            assert "Literal [bold]x[/bold]" in shown
            assert max(len(line) for line in shown.splitlines()) <= 80  # the long line wraps

    run(body())
