"""Keys of the chat: quit in the footer, the help screen, tab order, the transcript cursor,
and readable (folded) slide quotes."""

from __future__ import annotations

from textual.widgets import Footer, OptionList
from tui_helpers import SLIDE_QUOTE, ask, run, screen_text, settle, settled, wait_for

from citeqa.tui.screens.help import HelpScreen, help_sections
from citeqa.tui.screens.viewer import DocumentViewer
from citeqa.tui.widgets.question_input import QuestionInput
from citeqa.tui.widgets.transcript import QUOTE_LINES, SourceBlock, Transcript


def test_footer_shows_quit_and_help(make_app):
    async def body():
        app = make_app()
        async with settled(app) as pilot:

            def footer_keys() -> bool:  # a loaded machine may paint the footer a frame late
                footer = screen_text(app).splitlines()[-1]
                return "^q Quit" in footer and "f1 Help" in footer

            await wait_for(pilot, footer_keys)
            assert app.query_one(Footer)

    run(body())


def test_f1_and_question_mark_open_help_listing_every_key(make_app):
    async def body():
        app = make_app()
        async with settled(app, (120, 50)) as pilot:
            await pilot.press("f1")
            assert isinstance(app.screen, HelpScreen)
            shown = str(app.screen.query_one("#help-body").render())
            for _, rows in help_sections(app):
                for keys, description in rows:
                    assert keys in shown and description in shown
            for description in ("Quit", "Export", "Open in viewer", "Unfold", "Previous question"):
                assert description in shown
            await pilot.press("escape")
            assert not isinstance(app.screen, HelpScreen)
            app.query_one("#transcript").focus()  # "?" opens help outside the input...
            await pilot.press("question_mark")
            assert isinstance(app.screen, HelpScreen)
            await pilot.press("escape")
            field = app.query_one(QuestionInput)  # ...and is typed inside it
            field.focus()
            await pilot.press("question_mark")
            assert not isinstance(app.screen, HelpScreen) and field.value == "?"

    run(body())


def test_tab_goes_input_sources_transcript_and_back(make_app):
    async def body():
        app = make_app()
        async with settled(app) as pilot:
            await ask(pilot, "obinutuzumab week 76")
            order = []
            for _ in range(4):
                order.append(app.focused.id)
                await pilot.press("tab")
            assert order == ["question", "sources", "transcript", "question"]
            await pilot.press("shift+tab", "shift+tab")
            assert app.focused.id == "transcript"

    run(body())


def test_a_hidden_sources_panel_is_skipped(make_app):
    async def body():
        app = make_app()
        async with settled(app) as pilot:
            await pilot.press("ctrl+b")
            await pilot.press("tab")
            assert app.focused.id == "transcript"

    run(body())


def test_enter_on_a_transcript_quote_opens_the_viewer(make_app):
    async def body():
        app = make_app()
        async with settled(app) as pilot:
            await ask(pilot, "obinutuzumab week 76")
            transcript = app.query_one(Transcript)
            transcript.focus()
            await pilot.pause()
            assert transcript.current is transcript.blocks()[0]
            assert transcript.current.has_class("-cursor")
            await pilot.press("down", "enter")
            await wait_for(pilot, lambda: isinstance(app.screen, DocumentViewer))
            assert app.screen.ref.label == 2

    run(body())


def test_a_new_answer_moves_the_cursor_to_its_first_quote(make_app):
    async def body():
        app = make_app()
        async with settled(app) as pilot:
            await ask(pilot, "obinutuzumab week 76")
            await ask(pilot, "slide results")
            await pilot.pause()
            transcript = app.query_one(Transcript)
            assert transcript.cursor == 2 and transcript.current.ref.doc_id == "slides"

    run(body())


def test_slide_quote_is_laid_out_folded_and_unfolds_with_space(make_app):
    async def body():
        app = make_app()
        async with settled(app) as pilot:
            await ask(pilot, "slide results")
            block = app.query_one(SourceBlock)
            text = str(block.content)
            assert "Réponse BICLA à S52  56,2 % · p=0,0002 · 37,1 %" in text
            assert "N total                367 patients" in text
            assert block.folds and "more lines (space shows all)" in text
            assert "Zona" not in text and len(text.splitlines()) == QUOTE_LINES + 2
            app.query_one(Transcript).focus()
            await pilot.press("space")
            assert "Zona (Herpes zoster) : 3,8 % vs 1,1 %." in str(block.content)
            await pilot.press("space")
            assert "Zona" not in str(block.content)
            assert SLIDE_QUOTE in [ref.text for ref in app.query_one("SourcesPanel").refs]

    run(body())


def test_sources_do_not_repeat_a_title_as_section(make_app):
    async def body():
        app = make_app()
        async with settled(app) as pilot:
            await ask(pilot, "slide results")
            first = str(app.query_one("#sources", OptionList).get_option_at_index(0).prompt)
            assert first.startswith("[1] Traitements ciblés · fr")
            assert "Traitements ciblés · Traitements ciblés" not in screen_text(app)

    run(body())


def test_help_fits_40_rows_and_scrolls_visibly_below(make_app):
    async def body(size):
        app = make_app()
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            await pilot.press("f1")
            await pilot.pause()
            scroll = app.screen.query_one("#help-scroll")
            if size[1] >= 40:
                assert scroll.max_scroll_y == 0 and not scroll.show_vertical_scrollbar
                assert scroll.region.bottom <= size[1]
                return
            assert scroll.show_vertical_scrollbar and scroll.max_scroll_y > 0
            await pilot.press("pagedown")
            await pilot.pause()
            assert scroll.scroll_y > 0  # the keys scroll it: it has the focus

    run(body((120, 40)))
    run(body((80, 24)))


def test_ctrl_c_says_in_plain_words_which_key_quits(make_app):
    async def body():
        app = make_app()
        async with settled(app) as pilot:
            app.query_one("#transcript").focus()
            await pilot.press("ctrl+c")
            await wait_for(pilot, lambda: bool(app._notifications))
            (toast,) = list(app._notifications)
            assert toast.title == "Do you want to quit?"
            assert toast.message == "Press ctrl+q to quit the app"  # no literal [b] markup
            assert app.is_running

    run(body())


def test_a_widgets_notification_shows_its_text_literally(make_app):
    """Textual's Widget.notify passes markup=True to App.notify: a notification a widget or a
    screen raises with a file name such as `a[/]b.md` raised MarkupError at render and
    `report[draft].md` lost `[draft]`. The app's notifications are literal whoever raises them."""

    async def body():
        app = make_app()
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await settle(pilot)
            app.query_one(QuestionInput).notify("a[/]b.md and report[draft].md", title="x[b]y")
            await wait_for(pilot, lambda: bool(app.screen.query("Toast")))
            await settle(pilot)
            (toast,) = app.screen.query("Toast")
            assert toast.render().plain == "x[b]y\na[/]b.md and report[draft].md"
            assert app.is_running

    run(body())
