"""Markdown export and the clipboard copy of the last answer."""

from __future__ import annotations

import re
from datetime import datetime

from markdown_it import MarkdownIt
from markdown_it.token import Token
from textual.widgets import Static
from tui_helpers import (
    MANIFEST_HASH,
    TRIAL_QUOTES,
    FakeFactory,
    ask,
    fake_answer,
    run,
    settle,
    settled,
    table_row_citation,
)

from citeqa import quoting
from citeqa.mdtext import md_text
from citeqa.models import Answer, Citation, Passage
from citeqa.tui.conversation import Turn
from citeqa.tui.export import ExportContext, answer_text, conversation_markdown
from citeqa.tui.widgets.transcript import AnswerMessage


def test_export_writes_questions_quotes_offsets_and_manifest(make_app, tmp_path):
    async def body():
        app = make_app()
        async with settled(app) as pilot:
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
    assert f"> {md_text(TRIAL_QUOTES[0])} [1]" in text
    first = turns[0].answer.citations[0]
    assert f"characters {first.start}–{first.end}" in text
    assert "doc `regency`, `/corpus/regency.txt`" in text
    assert f"Index manifest hash: `{MANIFEST_HASH}`" in text
    assert "use (USE v3 0.2, dim 512)" in text  # read raw too: nothing escaped needlessly
    assert "**Abstained:**" in text


def test_export_marks_where_an_update_in_the_chat_changed_the_index(make_app):
    """The s13 trial: answers from before and after ctrl+r were under one manifest hash (the
    new one), so the old answers' offsets pointed at changed text."""
    old, new, later = "old-hash-1111", "new-hash-2222", "later-hash-3333"

    async def body():
        app = make_app(FakeFactory(hashes=(old, new, later)))
        async with settled(app) as pilot:
            await ask(pilot, "obinutuzumab week 76")
            await pilot.press("ctrl+r")
            await settle(pilot)
            await ask(pilot, "safety signal")
            await ask(pilot, "and at week 52?")
            await pilot.press("ctrl+r")
            await settle(pilot)
            await pilot.press("ctrl+s")
            await pilot.pause()
            return app.last_export

    text = run(body()).read_text(encoding="utf-8")
    assert f"Index manifest hash: `{old}`" in text  # the index of the first answers
    marker = (
        "*The index was updated here; the answers below come from it:"
        f" index manifest hash `{new}`.*"
    )
    assert text.count(marker) == 1
    assert text.index("## 1. ") < text.index(marker) < text.index("## 2. safety signal")
    assert text.index("## 3. ") > text.index(marker)
    after = f"*The index was updated after the last answer: index manifest hash `{later}`.*"
    assert text.rstrip().endswith(after)


def test_an_index_change_in_the_export_is_sanitised():
    """The marker's hash and words are shown, never obeyed: no HTML, link or escape sequence."""
    hostile = "h`2\x1b[31m<b>[x](j:y)"
    turns = [
        Turn(1, "q one", answer=fake_answer("q one"), index_hash="h1"),
        Turn(2, "q two", answer=fake_answer("q two"), index_hash=hostile),
    ]
    context = ExportContext(hostile, "/i", index_changes={hostile: "re*built* <i>"})
    text = conversation_markdown(turns, context, datetime(2026, 11, 29))
    assert "\x1b" not in text
    tokens = _tokens(text)
    assert not {t.type for t in tokens} & {"link_open", "html_inline", "html_block"}
    assert "The index was re*built* <i> here" in _rendered(tokens)
    assert "h`2␛[31m<b>[x](j:y)" in [t.content for t in tokens if t.type == "code_inline"]


def test_export_cleans_control_characters():
    turn = Turn(number=1, question="markup?", answer=fake_answer("markup?"))
    context = ExportContext(manifest_hash="h", index_dir="/i")
    text = conversation_markdown([turn], context, datetime(2025, 1, 2, 3, 4, 5))
    assert "\x1b" not in text and md_text("␛[31mred␛[0m") in text
    assert "Exported: 2025-01-02T03:04:05" in text


def test_copy_last_answer_puts_it_on_the_clipboard(make_app):
    async def body():
        app = make_app()
        async with settled(app) as pilot:
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
    assert said == ["*↳ read with your previous question: “obinutuzumab␛\\[2J”*"]
    assert text.index("## 2.") < text.index(said[0])


HOSTILE = [
    "[x](javascript:alert(1)) and ![i](http://e/x.png)",
    "<img src=x onerror=alert(1)> &amp; <!-- c --> <http://e.org>",
    "# not a heading",
    "    not code\n1. not a list\n- nor this\n> nor a quote",
    "*em* **strong** _u_ `code` ~~s~~ a\\b | c | \n---\n===",
    "[ref]: javascript:alert(1)\nuse [ref] now",
    "x \\\nafter a backslash, two spaces  \nend $\\pi$ ^1^ {a}",
    "12) not a list\n+ nor this\n| a | b |\n|---|:-:|\n~~~\n&#60;b&#62; C #",
    "0.2 mg anti-CD20 (n = 12), p < 0.05, R&D, snake_case!",
]
"""Document text that is Markdown or HTML when not escaped."""


def _tokens(text: str) -> list[Token]:
    tokens = MarkdownIt("commonmark").parse(text)
    return [child for t in tokens for child in ([t, *(t.children or [])])]


def _rendered(tokens: list[Token]) -> str:
    """The text a viewer shows: inline text and code, soft breaks as spaces, blocks by lines."""
    shown = {"softbreak": " ", "inline": "\n"}
    return "".join(
        shown.get(t.type, t.content) for t in tokens if t.type in {*shown, "text", "code_inline"}
    )


def _hostile_turn(text: str) -> Turn:
    name = f"{text.splitlines()[0]}`x`"
    citation = Citation(
        n=1, doc_id=name, title=text, path=f"/c/{name}", start=0, end=len(text), quote=text,
        section="§ " + text,
    )  # fmt: skip
    answered = Answer(
        question=text, abstained=False, confidence=0.5, answer=text, citations=[citation]
    )
    return Turn(number=1, question=text, answer=answered)


def test_export_renders_document_text_name_and_id_verbatim():
    """No link, image or HTML token comes from document or question text, names or ids, and
    the rendered text of each quote, heading and code span is the document's own."""
    for text in HOSTILE:
        turn = _hostile_turn(text)
        context = ExportContext(manifest_hash="h<b>", index_dir="/i`<b>`", corpus_dir="[c](j:x)")
        tokens = _tokens(conversation_markdown([turn], context, datetime(2025, 1, 2)))
        kinds = {t.type for t in tokens}
        assert not kinds & {"link_open", "image", "html_inline", "html_block", "code_block"}
        assert kinds <= {
            "heading_open", "heading_close", "paragraph_open", "paragraph_close", "inline",
            "text", "softbreak", "code_inline", "bullet_list_open", "bullet_list_close",
            "list_item_open", "list_item_close", "blockquote_open", "blockquote_close",
            "strong_open", "strong_close",
        }, text  # fmt: skip
        rendered = _rendered(tokens)
        words = " ".join(line.strip() for line in text.splitlines())
        assert f"1. {words}" in rendered  # the heading
        assert f"{words} [1]" in rendered  # the quote (its lines joined by soft breaks)
        assert f"[1] {words} — doc" in rendered  # the title
        codes = [t.content for t in tokens if t.type == "code_inline"]
        assert codes[:3] == ["[c](j:x)", "/i`<b>`", "h<b>"]
        name = f"{text.splitlines()[0]}`x`"
        assert codes[3:] == [name, f"/c/{name}"]


def test_export_of_an_abstention_renders_titles_and_names_verbatim():
    text = HOSTILE[1]
    passage = Passage(
        rank=1,
        doc_id="<i>",
        title=text,
        path="/c/[a](b)",
        start=0,
        end=5,
        text=text,
        lang="en",
        score=0.1,
    )
    abstained = Answer(
        question=text, abstained=True, confidence=0.0, answer=text, passages=[passage]
    )
    markdown = conversation_markdown(
        [Turn(number=1, question=text, answer=abstained)],
        ExportContext("h", "/i"),
        datetime(2025, 1, 2),
    )
    tokens = _tokens(markdown)
    assert not {t.type for t in tokens} & {"link_open", "image", "html_inline", "html_block"}
    rendered = _rendered(tokens)
    assert f"Abstained: {text}" in rendered
    assert f"#1 {text} — doc" in rendered
    assert [t.content for t in tokens if t.type == "code_inline"][-2:] == ["<i>", "/c/[a](b)"]


def test_export_leaves_ordinary_punctuation_readable_in_the_raw_file():
    """Text with no markup in it appears as it is in the file (read in a text editor) and
    renders as itself."""
    plain = ["0.2 mg", "anti-CD20 (n = 12)", "p < 0.05; R&D + 3-4 {a} snake_case Yes!"]
    for text in plain:
        turn = _hostile_turn(text)
        markdown = conversation_markdown([turn], ExportContext("h", "/i"), datetime(2025, 1, 2))
        assert f"## 1. {text}\n" in markdown and f"> {text} [1]\n" in markdown
        assert f"- [1] {text} — doc" in markdown
        tokens = _tokens(markdown)
        assert not {t.type for t in tokens} & {"link_open", "html_inline", "em_open"}
        rendered = _rendered(tokens)
        assert f"1. {text}" in rendered and f"{text} [1]" in rendered


def test_a_table_row_is_exported_and_copied_under_its_header_row():
    citation, header = table_row_citation()
    row = citation.quote
    answered = Answer(question="Roma?", abstained=False, confidence=0.5, answer="a",
                      citations=[citation])  # fmt: skip
    turn = Turn(number=1, question="Roma?", answer=answered)
    context = ExportContext(manifest_hash="h", index_dir="/i", corpus_dir="/c")
    exported = conversation_markdown([turn], context, datetime(2025, 1, 2))
    assert f"> {md_text(header.text)}\n>\n> {md_text(row)} [1]" in exported
    assert f"“{header.text}” “{row}” [1]" in answer_text(turn)
    assert f"\n{quoting.answer_text([citation])}\n" in answer_text(turn), "as the answer reads"


def test_the_export_and_the_copy_carry_the_caution_the_chat_showed(make_app):
    """The chat said "Low confidence: … more often wrong than right" under a 0.39 answer; its
    export and its copy said only "Confidence: 0.39"."""

    async def body():
        app = make_app()
        async with settled(app) as pilot:
            await ask(pilot, "unsure figures")
            await ask(pilot, "obinutuzumab week 76")
            unsure, sure = app.turns
            assert unsure.caution is not None and sure.caution is None
            text = conversation_markdown(app.turns, ExportContext("h", "/i"), datetime(2026, 1, 1))
            assert text.count("more often wrong than right") == 1
            shown = _rendered(_tokens(text))
            assert f"Confidence: 0.39\n{unsure.caution}" in shown
            assert unsure.caution in answer_text(unsure)
            assert "more often wrong" not in answer_text(sure)

    run(body())


def test_a_french_answer_is_labelled_in_french_beside_its_french_caution(make_app):
    """As `citeqa ask` labels it ("confiance", "caractères"): on main the chat showed
    "Confidence 0.39" and the export "Confidence: 0.39" above "Confiance faible : ..."."""

    async def body():
        app = make_app()
        async with settled(app) as pilot:
            await ask(pilot, "chiffres incertains")
            [turn] = app.turns
            assert turn.answer.lang == "fr" and "Confiance faible" in turn.caution
            footer = str(app.query_one(AnswerMessage).query_one(".confidence", Static).content)
            assert footer.startswith("Confiance 0.39 · 1 source")
            text = conversation_markdown(app.turns, ExportContext("h", "/i"), datetime(2026, 1, 1))
            shown = _rendered(_tokens(text))
            assert f"Confiance : 0.39\n{turn.caution}\nCitations :\n" in shown
            assert "caractères" in shown and "Confidence" not in shown and "characters" not in shown
            copied = answer_text(turn)
            assert "Confiance : 0.39" in copied and "caractères" in copied
            assert "Confidence" not in copied and "characters" not in copied

    run(body())


def test_the_caution_in_the_export_is_sanitised():
    hostile = "Low \x1b[31m*confidence* <b>[x](j:y)\nnext"
    turn = Turn(1, "q", answer=fake_answer("q"), caution=hostile)
    text = conversation_markdown([turn], ExportContext("h", "/i"), datetime(2026, 1, 1))
    assert "\x1b" not in text and "\x1b" not in answer_text(turn)
    tokens = _tokens(text)
    assert not {t.type for t in tokens} & {"link_open", "html_inline", "html_block", "em_open"}
    assert "Low ␛[31m*confidence* <b>[x](j:y) next" in _rendered(tokens)
    assert "Low ␛[31m*confidence* <b>[x](j:y) next" in answer_text(turn)


def test_a_quote_saying_otherwise_is_exported_and_copied_after_its_label():
    citation, _ = table_row_citation()
    first = citation.model_copy(update={"header": None})
    other = first.model_copy(
        update={"n": 2, "otherwise": True, "doc_id": "draft", "title": "Draft", "path": "/c/d.md"}
    )
    answered = Answer(question="Roma?", abstained=False, confidence=0.5, answer="a",
                      citations=[first, other])  # fmt: skip
    turn = Turn(number=1, question="Roma?", answer=answered)
    context = ExportContext(manifest_hash="h", index_dir="/i", corpus_dir="/c")
    exported = conversation_markdown([turn], context, datetime(2025, 1, 2))
    assert exported.index("[1]") < exported.index("*Another document says otherwise:*")
    assert exported.index("*Another document says otherwise:*") < exported.index("[2]")
    assert exported.index("[2]") < exported.index("Draft"), "the other document is named"
    copied = answer_text(turn)
    assert (
        copied.index("[1]") < copied.index("Another document says otherwise:") < copied.index("[2]")
    )
    assert f"\n{quoting.answer_text([first, other])}\n" in copied, "as the answer reads"


def test_a_later_statement_is_exported_and_copied_after_its_dated_label():
    citation, _ = table_row_citation()
    first = citation.model_copy(update={"header": None})
    later = first.model_copy(
        update={
            "n": 2,
            "later": "2026-09-08",
            "after": "2026-01-12",
            "doc_id": "sept",
            "title": "CR",
        }
    )
    answered = Answer(question="Lyon?", abstained=False, confidence=0.5, answer="a",
                      citations=[first, later])  # fmt: skip
    turn = Turn(number=1, question="Lyon?", answer=answered)
    context = ExportContext(manifest_hash="h", index_dir="/i", corpus_dir="/c")
    exported = conversation_markdown([turn], context, datetime(2026, 12, 1))
    label = "Later (2026-09-08, after the quoted 2026-01-12), another document says:"
    assert exported.index("[1]") < exported.index(f"*{label}*") < exported.index("[2]")
    assert "says otherwise" not in exported
    copied = answer_text(turn)
    assert copied.index("[1]") < copied.index(label) < copied.index("[2]")
