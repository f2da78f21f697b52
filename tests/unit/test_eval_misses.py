"""`citeqa eval` on a user's own set lists the questions it missed and what citeqa did."""

from __future__ import annotations

import pytest
from test_evaluation_fakes import FakeAssistant, Script
from test_evaluation_runner import (
    FAQ_AGE,
    FAQ_FORMS,
    PLACEBO,
    QUESTIONS,
    SCRIPTS,
    TRIAL_HIT,
    write_set,
)
from typer.testing import CliRunner

from citeqa.cli import eval_cmd
from citeqa.cli.app import app
from citeqa.evaluation.metrics import QuestionResult
from citeqa.evaluation.misses import UNANSWERABLE, misses
from citeqa.evaluation.questions import EvalQuestion


def result(**fields: object) -> QuestionResult:
    base = {"id": "q", "question": "Q?", "split": "test", "lang_pair": "en→en", "answerable": True}
    return QuestionResult.model_validate({**base, **fields})


@pytest.mark.parametrize(
    ("fields", "did"),
    [
        ({"quote_correct": True, "quote_correct_unlimited": True}, None),
        ({"abstained": True}, "abstained"),
        ({"relevant_ranks": [1]}, "right passage first, wrong quote"),
        ({"relevant_ranks": [1], "quote_correct_unlimited": True, "quote_chars": 512},
         "right quote, but 512 characters (over 400)"),
        ({"relevant_ranks": [2], "quote_correct_unlimited": True, "quote_chars": 431},
         "right quote, but 431 characters (over 400)"),
        ({"relevant_ranks": [3], "top_doc": "faq"},
         "wrong passage (top passage from faq; the right one ranked 3)"),
        ({"relevant_ranks": [], "top_doc": "trial"},
         "wrong passage (top passage: another part of that document; the right one not in the"
         " top 10)"),
        ({"answerable": False, "abstained": True}, None),
        ({"answerable": False}, "answered an unanswerable question"),
    ],
)  # fmt: skip
def test_misses_name_each_kind_of_miss(fields: dict, did: str | None) -> None:
    missed = result(**fields)
    asked = QUESTIONS[0] if missed.answerable else QUESTIONS[3]
    found = misses([missed], [EvalQuestion.model_validate(dict(asked, id="q"))])
    assert [m.did for m in found] == ([] if did is None else [did])


def test_misses_keep_the_set_order_with_the_expected_document() -> None:
    results = [result(id="a", abstained=True), result(id="b", quote_correct=True),
               result(id="c", answerable=False)]  # fmt: skip
    questions = [dict(QUESTIONS[0], id="a"), dict(QUESTIONS[0], id="b"), dict(QUESTIONS[3], id="c")]
    found = misses(results, [EvalQuestion.model_validate(q) for q in questions])
    assert [(m.id, m.expected, m.did) for m in found] == [
        ("a", "trial", "abstained"),
        ("c", UNANSWERABLE, "answered an unanswerable question"),
    ]


def test_cli_eval_lists_the_misses_sanitised_and_counts_the_rest(monkeypatch, tmp_path) -> None:
    import citeqa.api

    rows = [dict(QUESTIONS[0], id=f"m{n}\x1b[31m", question=f"Missed {n}?") for n in range(23)]
    scripts = dict(SCRIPTS)
    scripts.update({f"Missed {n}?": Script(passages=[FAQ_AGE, TRIAL_HIT], quotes=[PLACEBO])
                    for n in range(23)})  # fmt: skip
    scripts["Dose of anifrolumab in children?"] = Script(passages=[FAQ_FORMS], quotes=[FAQ_FORMS])
    fake = FakeAssistant(scripts)
    monkeypatch.setattr(citeqa.api, "open_assistant", lambda settings=None, **kw: fake)
    path = write_set(tmp_path, [*rows, QUESTIONS[3]])
    out = CliRunner().invoke(app, ["eval", "--set", str(path), "--no-ablations"])
    assert out.exit_code == 0, out.output
    assert "missed 24 of 24 questions" in out.stdout and "\x1b" not in out.stdout
    assert (
        "m0␛[31m · Missed 0? · trial: wrong passage (top passage from faq; the right one"
        in out.stdout
    )
    listed = [line for line in out.stdout.splitlines() if line.startswith("  m")]
    assert len(listed) == eval_cmd.MISSES_SHOWN
    assert f"… and {24 - eval_cmd.MISSES_SHOWN} more" in out.stdout


def test_cli_eval_says_when_nothing_was_missed(monkeypatch, tmp_path) -> None:
    import citeqa.api

    fake = FakeAssistant(SCRIPTS)
    monkeypatch.setattr(citeqa.api, "open_assistant", lambda settings=None, **kw: fake)
    out = CliRunner().invoke(app, ["eval", "--set", str(write_set(tmp_path, QUESTIONS)),
                                   "--no-ablations"])  # fmt: skip
    assert out.exit_code == 0 and "no question missed (4 asked)" in out.stdout


def test_markdown_report_lists_each_miss_once_under_its_reason() -> None:
    from citeqa.evaluation.markdown import _misses

    results = [result(id="a", abstained=True), result(id="b", relevant_ranks=[1]),
               result(id="c", relevant_ranks=[2], quote_correct_unlimited=True, quote_chars=450),
               result(id="d", answerable=False), result(id="e", quote_correct=True)]  # fmt: skip
    questions = [EvalQuestion.model_validate(dict(QUESTIONS[0], id=n)) for n in "abce"]
    text = _misses(results, questions)
    assert text.count("`a`") == text.count("`b`") == text.count("`c`") == text.count("`d`") == 1
    assert "`e`" not in text
    groups = {block.split("**")[0]: block for block in text.split("\n\n**")[1:]}
    abstained = groups["Answerable but abstained"]
    assert "(1)" in abstained and "`a`" in abstained and "expected trial" in abstained
    assert "`c`" in groups["Right quote, but over 400 characters"]
    assert "right quote, but 450 characters" in groups["Right quote, but over 400 characters"]
    assert "`d`" in groups["Unanswerable but answered"]
    assert "`b`" in groups["Right passage first, wrong quote"]


def test_markdown_report_shows_an_id_with_backticks_as_one_code_span() -> None:
    """The report quotes ids with the export's code_span: a backtick run in an id (`a``b`)
    cannot end the span early, and an ordinary id is `a` as before."""
    from markdown_it import MarkdownIt

    from citeqa.evaluation.markdown import _misses

    ids = ["a``b", "plain-id"]
    results = [result(id=n, abstained=True) for n in ids]
    questions = [EvalQuestion.model_validate(dict(QUESTIONS[0], id=n)) for n in ids]
    text = _misses(results, questions)
    assert "- ``` a``b ``` (" in text and "- `plain-id` (" in text
    tokens = MarkdownIt("commonmark").parse(text)
    codes = [c.content for t in tokens for c in t.children or [] if c.type == "code_inline"]
    assert codes == ids
