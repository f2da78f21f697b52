"""The chat screen against the fake assistant: answers, abstentions, errors, input, commands."""

from __future__ import annotations

import threading

import pytest
from textual import events
from textual.keys import _character_to_key
from textual.widgets import OptionList, Static
from tui_helpers import (
    TRIAL_QUOTES,
    FakeFactory,
    ask,
    fake_builder,
    run,
    screen_text,
    settle,
    settled,
    table_row_citation,
    wait_for,
)

from citeqa.errors import IndexMissing
from citeqa.tui.app import CiteqaApp
from citeqa.tui.conversation import MODE_OVERRIDES, citation_ref
from citeqa.tui.widgets.question_input import NEWLINE_WAIT, QuestionInput
from citeqa.tui.widgets.sources import SourcesPanel
from citeqa.tui.widgets.transcript import (
    ABSTAIN_HEADLINE,
    AbstentionMessage,
    AnswerMessage,
    ErrorMessage,
    SourceBlock,
)


def test_answer_shows_quotes_and_sources(make_app):
    async def body():
        app = make_app()
        async with settled(app) as pilot:
            await ask(pilot, "obinutuzumab week 76")
            answer = app.query_one(AnswerMessage)
            quotes = [str(block.content) for block in answer.query(SourceBlock)]
            assert TRIAL_QUOTES[0] in quotes[0] and quotes[0].startswith("[1] ")
            assert TRIAL_QUOTES[1] in quotes[1] and quotes[1].startswith("[2] ")
            assert "Confidence 0.83" in screen_text(app)
            panel = app.query_one(SourcesPanel)
            assert [ref.label for ref in panel.refs] == [1, 2]
            options = app.query_one("#sources", OptionList)
            first = str(options.get_option_at_index(0).prompt)
            assert first.startswith("[1] REGENCY trial summary") and "Results" in first
            assert first.endswith(" · en")  # no score beside "Confidence 0.83"
            assert "0.91" not in screen_text(app)
            assert "3 documents · 4 chunks · use+bm25" in app.sub_title

    run(body())


def test_abstention_is_shown_as_such_with_closest_passages(make_app):
    async def body():
        app = make_app()
        async with settled(app) as pilot:
            await ask(pilot, "weather in Paris")
            abstention = app.query_one(AbstentionMessage)
            assert not app.query(AnswerMessage)
            assert ABSTAIN_HEADLINE in screen_text(app)
            # not "Confidence 0.12": the figure of a quote it did not give reads like a half-answer
            assert "Closest passages:" in screen_text(app) and "0.12" not in screen_text(app)
            passages = list(abstention.query(SourceBlock))
            assert len(passages) == 1 and TRIAL_QUOTES[1] in str(passages[0].content)
            assert app.query_one(SourcesPanel).refs[0].text == TRIAL_QUOTES[1]
            listed = str(app.query_one("#sources", OptionList).get_option_at_index(0).prompt)
            assert listed.startswith("#1 ") and " · match " in listed

    run(body())


def test_abstention_names_the_unread_files_beside_it_cleaned(make_app):
    async def body():
        app = make_app()
        async with settled(app) as pilot:
            await ask(pilot, "weather in Paris, unread")
            abstention = app.query_one(AbstentionMessage)
            notes = [str(line.content) for line in abstention.query(".warning").results(Static)]
            assert len(notes) == 1 and notes[0].startswith("Note: weather")
            assert "could not be read" in notes[0] and "\x1b" not in notes[0]
            assert "could not be read" in screen_text(app)

    run(body())


def test_failing_ask_notifies_and_app_goes_on(make_app):
    async def body():
        app = make_app()
        async with settled(app) as pilot:
            await ask(pilot, "please fail")
            errors = [n for n in app._notifications if n.severity == "error"]
            assert errors and "deliberate failure" in errors[0].message
            assert app.query_one(ErrorMessage)
            assert app.is_running
            await ask(pilot, "obinutuzumab week 76")
            assert app.query_one(AnswerMessage)

    run(body())


def test_question_before_models_load_waits_then_is_answered(make_app):
    async def body():
        gate = threading.Event()
        app = make_app(FakeFactory(gate=gate))
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for(pilot, lambda: "embedding use 2/2" in screen_text(app))
            assert app.query_one("#spinner").display  # the build's progress, in the app
            assert app.query_one("#progress").display
            field = app.query_one(QuestionInput)
            field.value = "obinutuzumab week 76"
            await pilot.press("enter")
            await pilot.pause()
            assert "Waiting for the models to load" in screen_text(app)
            assert not app.query(AnswerMessage)
            gate.set()
            await settle(pilot)
            assert app.query_one(AnswerMessage)
            assert app.turns[0].answer is not None

    run(body())


def test_progress_is_forwarded_to_the_status_line(make_app):
    async def body():
        factory = FakeFactory()
        app = make_app(factory)
        shown: list[tuple[str, int, int]] = []
        original = app.show_progress
        app.show_progress = lambda *args: (shown.append(args), original(*args))  # type: ignore[method-assign]
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
        assert ("embedding use", 2, 2) in shown  # the final report always gets through

    run(body())


def test_history_up_down_and_draft(make_app):
    async def body():
        app = make_app()
        async with settled(app) as pilot:
            await ask(pilot, "first question")
            await ask(pilot, "second question")
            field = app.query_one(QuestionInput)
            field.focus()
            await pilot.press(*"dra")
            await pilot.press("up")
            assert field.value == "second question"
            await pilot.press("up", "up")
            assert field.value == "first question"
            await pilot.press("down")
            assert field.value == "second question"
            await pilot.press("down")
            assert field.value == "dra"

    run(body())


def test_multiline_paste_is_one_question(make_app):
    async def body():
        app = make_app()
        async with settled(app) as pilot:
            field = app.query_one(QuestionInput)
            field.focus()
            field.post_message(events.Paste("what about\nweek 76\r\n of REGENCY?"))
            await pilot.pause()
            assert field.value == "what about week 76 of REGENCY?"
            await pilot.press("enter")
            await settle(pilot)
            assert [t.question for t in app.turns] == ["what about week 76 of REGENCY?"]

    run(body())


def test_follow_ups_go_through_one_session_with_k(make_app):
    async def body():
        factory = FakeFactory()
        app = make_app(factory)
        async with settled(app) as pilot:
            await ask(pilot, "obinutuzumab week 76")
            assert "read with your previous question" not in screen_text(app)
            app.action_set_k(8)
            await ask(pilot, "and its safety?")
            sessions = factory.opened[0].sessions
            assert len(sessions) == 1
            assert sessions[0].asked == [("obinutuzumab week 76", None), ("and its safety?", 8)]
            assert "k=8" in screen_text(app)
            second = app.query(AnswerMessage).last()
            line = str(second.query_one(".read-with", Static).content)
            assert line == "↳ read with your previous question: “obinutuzumab week 76”"
            assert not app.query(AnswerMessage).first().query(".read-with")

    run(body())


def test_switching_retrieval_mode_configures_the_assistant(make_app):
    async def body():
        app = make_app()
        async with settled(app) as pilot:
            app.action_set_mode("lexical")
            await settle(pilot)
            assert app.mode == "lexical"
            assert app.assistant.overrides == MODE_OVERRIDES["lexical"]
            app.action_set_mode("vectors")
            await settle(pilot)
            assert app.assistant.overrides == MODE_OVERRIDES["vectors"]
            app.action_set_mode("hybrid")
            await settle(pilot)
            assert app.assistant is app.base
            assert "hybrid retrieval" in screen_text(app)

    run(body())


def test_stale_index_shows_banner_and_update_reloads(make_app):
    async def body():
        factory = FakeFactory(stale=True)
        app = make_app(factory)
        async with settled(app) as pilot:
            text = screen_text(app)
            assert "STALE index" in text and "ctrl+r" in text
            assert app.sub_title.startswith("⚠ STALE")
            await pilot.press("ctrl+r")
            await settle(pilot)
            assert len(factory.opened) == 2
            assert any(n.title == "Index updated" for n in app._notifications)
            assert any("Updated: 3 documents, 6 chunks" in n.message for n in app._notifications)

    run(body())


def test_settings_asking_for_other_channels_are_named_once_loaded(make_app):
    """The chat says what `ask` and `status` say when the settings ask for other vector channels
    than the index was built with (the index answers with its own until rebuilt)."""

    async def body():
        notice = "the index was built with the channels use, the settings ask for use, e5"
        app = make_app(FakeFactory(notice=notice + "\x1b[2J"))
        async with settled(app) as pilot:
            warned = [n for n in app._notifications if n.title == "Vector channels"]
            assert len(warned) == 1 and warned[0].message.startswith(notice)
            assert "\x1b" not in warned[0].message  # the escape is shown, never sent
            assert warned[0].severity == "warning"
        quiet = make_app(FakeFactory())
        async with quiet.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            assert not [n for n in quiet._notifications if n.title == "Vector channels"]

    run(body())


def test_palette_lists_citeqa_commands(make_app):
    async def body():
        app = make_app()
        async with settled(app) as pilot:
            names = [name for name, _, _ in app.palette_commands()]
            for wanted in (
                "Update the index",
                "Export the conversation to Markdown",
                "Copy the last answer",
                "Show index status",
                "Retrieval mode: lexical",
                "Retrieval mode: vectors",
                "Set k = 10",
            ):
                assert wanted in names
            await pilot.press("ctrl+p")
            await pilot.pause()
            await pilot.press(*"index status", "enter")
            await settle(pilot)
            await pilot.pause()
            assert type(app.screen).__name__ == "IndexStatusScreen"
            assert "fake-manifest-0123456789abcdef" in screen_text(app)
            await pilot.press("escape")
            assert app.screen is app.screen_stack[0]

    run(body())


def test_narrow_screen_puts_sources_below(make_app):
    async def body():
        app = make_app()
        async with settled(app, (80, 24)) as pilot:
            await ask(pilot, "obinutuzumab week 76")
            panel = app.query_one(SourcesPanel)
            transcript = app.query_one("#transcript")
            assert panel.region.y > transcript.region.y
            assert panel.region.width == 80
            await pilot.press("ctrl+b")
            assert not panel.display

    run(body())


def test_load_failure_is_a_notification_not_a_crash(make_app):
    class BrokenFactory(FakeFactory):
        def __call__(self, progress):
            raise IndexMissing("no index at /nowhere; run `citeqa index`")

    async def body():
        app = make_app(BrokenFactory())
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for(pilot, lambda: any(n.severity == "error" for n in app._notifications))
            assert "no index at /nowhere" in screen_text(app)
            field = app.query_one(QuestionInput)
            field.value = "still there?"
            await pilot.press("enter")
            await pilot.pause()
            assert app.is_running and app.turns[0].answer is None

    run(body())


def test_a_question_waits_on_the_load_problem_until_ctrl_r_loads_the_assistant(make_app):
    """A question asked while the index is unusable says so (the load problem's words); once
    ctrl+r has rebuilt and loaded it, the problem is forgotten and questions are answered."""
    from citeqa.errors import IndexCorrupt

    class FailsOnce(FakeFactory):
        def __call__(self, progress):
            if not self.progress:
                self.progress.append(("failed", 0, 0))
                raise IndexCorrupt("chunks.jsonl is truncated; run `citeqa index`")
            return super().__call__(progress)

    async def body():
        app = make_app(FailsOnce())
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for(pilot, lambda: "unusable" in app.sub_title)
            app.query_one(QuestionInput).value = "still there?"
            await pilot.press("enter")
            await pilot.pause()
            assert "the index is unusable (see above); ctrl+r rebuilds it" in screen_text(app)
            await pilot.press("ctrl+r")
            await settle(pilot)
            assert app.turns[0].answer is not None
            await ask(pilot, "obinutuzumab week 76")
            assert app.turns[1].answer is not None and "unusable" not in app.sub_title
            assert app._waiting_reason() == "Waiting for the previous question…"

    run(body())


def test_typing_in_the_sources_list_goes_to_the_input(make_app):
    async def body():
        app = make_app()
        async with settled(app) as pilot:
            await ask(pilot, "obinutuzumab week 76")
            await pilot.press("escape")
            assert app.focused.id == "sources"
            await pilot.press("w", "h")
            assert isinstance(app.focused, QuestionInput) and app.focused.value == "wh"

    run(body())


async def _type_in_one_burst(pilot, text: str) -> None:
    """Queue every key before the app handles any, as a fast typist or a paste of keys does."""
    for char in text:
        pilot.app.post_message(events.Key(_character_to_key(char), char))
    pilot.app.post_message(events.Key("enter", "\r"))
    await settle(pilot)


def test_a_question_typed_in_one_burst_in_the_sources_loses_no_key(make_app):
    async def body():
        app = make_app()
        async with settled(app) as pilot:
            await ask(pilot, "obinutuzumab week 76")
            assert app.query_one(SourcesPanel).ref_numbered(2) is not None
            await pilot.press("escape")
            assert app.focused.id == "sources"
            await _type_in_one_burst(pilot, "Combien de jours de RTT en 2026 ?")
            await wait_for(pilot, lambda: len(app.turns) == 2 and app.turns[1].answer is not None)
            assert app.turns[1].question == "Combien de jours de RTT en 2026 ?"
            assert app.screen is app.screen_stack[0]  # "?" typed, no help screen over the chat
            assert not [n for n in app._notifications if "No source" in n.message]

    run(body())


def test_in_the_sources_a_key_that_picks_no_source_is_typed_in_the_question(make_app):
    async def body():
        app = make_app()
        async with settled(app) as pilot:
            await ask(pilot, "obinutuzumab week 76")
            assert app.query_one(SourcesPanel).ref_numbered(7) is None
            for first in ("7", "?"):
                app.query_one(QuestionInput).value = ""
                await pilot.press("escape")
                assert app.focused.id == "sources"
                await pilot.press(first)
                assert isinstance(app.focused, QuestionInput) and app.focused.value == first
                assert app.screen is app.screen_stack[0]
            assert not [n for n in app._notifications if "No source" in n.message]

    run(body())


def test_failed_rebuild_keeps_the_conversation(tmp_path):
    from citeqa.errors import IndexLocked
    from citeqa.tui.app import CiteqaApp

    def locked(progress):
        raise IndexLocked("another build holds the index lock")

    async def body():
        factory = FakeFactory()
        app = CiteqaApp(factory, locked, export_dir=tmp_path)
        async with settled(app) as pilot:
            session = app.session
            await pilot.press("ctrl+r")
            await settle(pilot)
            assert app.session is session and len(factory.opened) == 1
            assert any("index lock" in n.message for n in app._notifications)
            await ask(pilot, "obinutuzumab week 76")
            assert session.asked == [("obinutuzumab week 76", None)]

    run(body())


def test_a_passage_preview_does_not_lay_out_the_passage_as_a_quote(monkeypatch):
    from citeqa.tui.conversation import SourceRef
    from citeqa.tui.widgets import transcript

    laid_out: list[str] = []
    real = transcript.readable_lines
    monkeypatch.setattr(
        transcript,
        "readable_lines",
        lambda text, *markdown: laid_out.append(text) or real(text, *markdown),
    )
    ref = SourceRef(1, "trial", "Trial", "trial.txt", 0, 20, "Line one\nline two\n" * 40, 0.5)
    preview = SourceBlock(ref, preview=True)
    assert laid_out == [] and not preview.folds
    assert "#1 Line one line two" in str(preview.content)
    quote = SourceBlock(ref)
    assert laid_out == [ref.text] and str(quote.content).startswith("[1] Line one")


def test_the_transcript_reads_notes_markup_in_a_markdown_quote_only():
    """Review of s16-front: a .txt quote's "[[…]]" and "> " showed as a note's markup."""
    from citeqa.tui.conversation import SourceRef

    text = "> Voir [[Projet Lumen]]."
    note = SourceRef(1, "n", "N", "notes/n.md", 0, len(text), text, 0.5)
    mail = SourceRef(1, "m", "M", "mail.txt", 0, len(text), text, 0.5)
    assert str(SourceBlock(note).content).startswith("[1] Voir Projet Lumen.")
    assert str(SourceBlock(mail).content).startswith("[1] > Voir [[Projet Lumen]].")


def test_the_transcript_shows_a_table_row_under_its_header_row():
    citation, header = table_row_citation()
    row = citation.quote
    ref = citation_ref(citation, [])
    assert ref.context == header.text
    lines = str(SourceBlock(ref).content).splitlines()
    assert lines[:2] == [f"    {header.text}", f"[1] {row}"]


class _TypedAtLaunch(CiteqaApp):
    """The chat with keys that reach it while it starts: Textual's driver reads the terminal
    from before the app composes, so keys typed at launch (or before, in the shell's line
    mode, where Enter is a newline: ctrl+j) are queued before anything is focused."""

    typed = ""

    def compose(self):
        for char in self.typed:
            key = "ctrl+j" if char == "\n" else _character_to_key(char)
            self.post_message(events.Key(key, char))
        yield from super().compose()


def test_a_question_typed_as_the_chat_starts_is_kept_and_answered(tmp_path):
    """s14 trial: a question typed 1 s after `citeqa` was dropped (keys reached the app before
    the question input had the focus, which `focus()` gives only after them); typed once
    "Loading models…" showed, it was kept. It is typed in the input and, with its Enter (a
    newline from the shell's line mode), asked."""

    async def body():
        app = _TypedAtLaunch(FakeFactory(), fake_builder, export_dir=tmp_path)
        app.typed = "Who won?\n"
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for(pilot, lambda: bool(app.turns))  # the newline asks once it is alone
            await settle(pilot)
            assert [turn.question for turn in app.turns] == ["Who won?"]
            assert app.turns[0].answer is not None

    run(body())


@pytest.mark.parametrize(
    ("typed", "asked", "left"),
    [
        ("Who won\nthe trial?\n", ["Who won the trial?"], ""),
        ("Who won\n\nthe trial?", [], "Who won the trial?"),
    ],
    ids=["ended-by-a-newline", "not-ended"],
)
def test_lines_pasted_as_the_chat_starts_are_one_question(tmp_path, typed, asked, left):
    """Before Textual enables bracketed paste, a paste's line breaks arrive as newlines
    (ctrl+j), the keys of an Enter typed in the shell's line mode: a newline followed at once
    by a printable key is a line break of the paste (a space), not an Enter, so a multi-line
    paste stays one question (each line was a question of its own)."""

    async def body():
        app = _TypedAtLaunch(FakeFactory(), fake_builder, export_dir=tmp_path)
        app.typed = typed
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause(3 * NEWLINE_WAIT)
            await settle(pilot)
            assert [turn.question for turn in app.turns] == asked
            assert app.query_one("#question", QuestionInput).value == left

    run(body())


def test_a_low_confidence_answer_says_it_is_more_often_wrong_than_right(make_app):
    """A wrong quote at confidence 0.39 looked like a .83 answer: below the setting's 0.5 the
    chat says so, in the answer's language; an answer above it shows no caution."""

    async def body():
        app = make_app()
        async with settled(app) as pilot:
            await ask(pilot, "obinutuzumab week 76")
            assert not app.query_one(AnswerMessage).query(".caution")
            await ask(pilot, "unsure figures")
            [caution] = app.query(AnswerMessage).last().query(".caution").results(Static)
            said = str(caution.content)
            assert "more often wrong than right" in said and "Check the quote" in said
            await ask(pilot, "chiffres incertains")
            [caution] = app.query(AnswerMessage).last().query(".caution").results(Static)
            assert "plus souvent fausses que justes" in str(caution.content)
            assert "Confidence 0.39" in screen_text(app)

    run(body())


def test_a_quote_of_another_document_saying_otherwise_is_shown_after_its_label(make_app):
    """Two documents state the asked value differently: the chat labels the second quote, so
    the reader sees the conflict rather than one value picked silently."""

    async def body():
        app = make_app()
        async with settled(app) as pilot:
            await ask(pilot, "obinutuzumab week 76")
            assert not app.query_one(AnswerMessage).query(".otherwise")
            await ask(pilot, "two versions")
            message = app.query(AnswerMessage).last()
            [label] = message.query(".otherwise").results(Static)
            assert str(label.content) == "Another document says otherwise:"
            blocks = list(message.children)
            assert blocks.index(label) == 1, "between the first quote and the second"
            shown = screen_text(app)
            assert "REGENCY trial summary (draft)" in shown and "41.0%" in shown, "the other one"

    run(body())
