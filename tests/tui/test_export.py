"""Markdown export and the clipboard copy of the last answer."""

from __future__ import annotations

import re
from datetime import datetime

from tui_helpers import MANIFEST_HASH, TRIAL_QUOTES, ask, fake_answer, run, settle

from citeqa.tui.conversation import Turn
from citeqa.tui.export import ExportContext, answer_text, conversation_markdown


def test_export_writes_questions_quotes_offsets_and_manifest(make_app, tmp_path):
    async def body():
        app = make_app()
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            await ask(pilot, "obinutuzumab week 76")
            await ask(pilot, "weather in Paris")
            await pilot.press("ctrl+s")
            await pilot.pause()
            return app.last_export, app.turns

    path, turns = run(body())
    assert path.parent == tmp_path
    assert re.fullmatch(r"citeqa-conversation-\d{8}-\d{6}\.md", path.name)
    text = path.read_text(encoding="utf-8")
    assert "## 1. obinutuzumab week 76" in text and "## 2. weather in Paris" in text
    assert f"> {TRIAL_QUOTES[0]} [1]" in text
    first = turns[0].answer.citations[0]
    assert f"characters {first.start}–{first.end}" in text
    assert "doc `regency`, `/corpus/regency.txt`" in text
    assert f"Index manifest hash: `{MANIFEST_HASH}`" in text
    assert "use (USE v3 0.2, dim 512)" in text
    assert "**Abstained:**" in text


def test_export_cleans_control_characters():
    turn = Turn(number=1, question="markup?", answer=fake_answer("markup?"))
    context = ExportContext(manifest_hash="h", index_dir="/i")
    text = conversation_markdown([turn], context, datetime(2025, 1, 2, 3, 4, 5))
    assert "\x1b" not in text and "␛[31mred␛[0m" in text
    assert "Exported: 2025-01-02T03:04:05" in text


def test_copy_last_answer_puts_it_on_the_clipboard(make_app):
    async def body():
        app = make_app()
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            await ask(pilot, "obinutuzumab week 76")
            app.action_copy_answer()
            await pilot.pause()
            assert app.clipboard == answer_text(app.turns[0])
            assert TRIAL_QUOTES[0] in app.clipboard and "[1] REGENCY trial summary" in app.clipboard

    run(body())


def test_export_does_not_repeat_a_title_as_section():
    answer = fake_answer("slide results")  # its citation's section is the document title
    turn = Turn(number=1, question="slide results", answer=answer)
    context = ExportContext(manifest_hash="h", index_dir="/i")
    text = conversation_markdown([turn], context, datetime(2025, 1, 2, 3, 4, 5))
    assert "- [1] Traitements ciblés — doc `slides`" in text
    assert "section “Traitements ciblés”" not in text


def test_the_export_context_falls_back_to_the_loaded_assistant_then_to_question_marks():
    class Loaded:
        manifest_hash = "abc"
        index_dir = "/index"

    from_assistant = ExportContext.of(None, Loaded(), "bm25", 3)
    assert (from_assistant.manifest_hash, from_assistant.index_dir) == ("abc", "/index")
    assert (from_assistant.mode, from_assistant.k, from_assistant.channels) == ("bm25", 3, [])
    unknown = ExportContext.of(None, None, "hybrid", None)
    assert (unknown.manifest_hash, unknown.index_dir, unknown.corpus_dir) == ("?", "?", "")


def test_export_says_which_answers_were_read_with_the_previous_question():
    first = Turn(number=1, question="obinutuzumab week 76", answer=fake_answer("obinutuzumab"))
    follow = fake_answer("and its safety?").model_copy(update={"read_with": "obinutuzumab\x1b[2J"})
    second = Turn(number=2, question="and its safety?", answer=follow)
    context = ExportContext(manifest_hash="h", index_dir="/i")
    text = conversation_markdown([first, second], context, datetime(2025, 1, 2, 3, 4, 5))
    said = [line for line in text.splitlines() if "read with your previous question" in line]
    assert said == ["*↳ read with your previous question: “obinutuzumab␛[2J”*"]
    assert text.index("## 2.") < text.index(said[0])
