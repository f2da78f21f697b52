"""The mid-session check (citeqa.evaluation.midsession): each standalone answerable question
asked right after another one in one session, against its fresh answer, with a fake assistant
whose session can change an answer because of the question before."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_evaluation_fakes import FakeAssistant, FakeSession, Script, build_answer
from typer.testing import CliRunner

from citeqa.cli import ask_cmd, chat_cmd, eval_cmd, index_cmds  # noqa: F401  (registration)
from citeqa.cli.app import app
from citeqa.evaluation import evaluate, render
from citeqa.evaluation.corpora import CorporaReport, SetReport
from citeqa.evaluation.corpora_markdown import render_corpora
from citeqa.evaluation.metrics import summarize
from citeqa.evaluation.midsession import MidSession, mid_session, predecessors
from citeqa.evaluation.questions import EvalQuestion
from citeqa.models import Answer

TRIAL = ("trial", "Complete renal response at week 76 was 46.4% with obinutuzumab. ")
PLACEBO = ("trial", "With placebo it was 33.1%. ")
AGE = ("faq", "Children from 5 years of age can be treated. ")
FORMS = ("faq", "Belimumab is given by monthly IV perfusion or by weekly subcutaneous injection. ")
SCRIPTS = {
    "CRR at week 76?": Script(passages=[TRIAL], quotes=[TRIAL]),
    "CRR with placebo?": Script(passages=[PLACEBO], quotes=[PLACEBO]),
    "Minimum age?": Script(passages=[AGE], quotes=[AGE]),
    "How is it given?": Script(passages=[FORMS], quotes=[FORMS]),
}


def question(id: str, text: str, doc_id: str | None, **fields: object) -> EvalQuestion:
    answers = ["x"] if doc_id else []
    return EvalQuestion(id=id, question=text, doc_id=doc_id, answers=answers, **fields)


QUESTIONS = [
    question("q1", "CRR at week 76?", "trial"),
    question("q2", "CRR with placebo?", "trial"),
    question("q3", "Minimum age?", "faq"),
    question("q4", "How is it given?", "faq"),
    question("u1", "Dose in children?", None),
]


class Contextual(FakeAssistant):
    """A fake whose session answers `question` otherwise when `before` was asked just before
    it (read as a follow-up, or only its quote moved), as a context-reading session may."""

    def __init__(self, changes: dict[tuple[str, str], tuple[Script, bool]]) -> None:
        super().__init__(SCRIPTS)
        self.changes = changes

    def session(self) -> FakeSession:
        return ContextualSession(self)


class ContextualSession(FakeSession):
    def __init__(self, assistant: Contextual) -> None:
        super().__init__(assistant, 0)
        self.contextual = assistant
        self.previous: str | None = None

    def ask(self, question: str, k: int | None = None) -> Answer:
        answer = super().ask(question, k)
        change = self.contextual.changes.get((self.previous or "", question))
        self.previous = question
        if change is None:
            return answer
        script, follows = change
        changed = build_answer(question, script)
        return changed.model_copy(update={"read_with": "earlier" if follows else None})


def test_each_question_follows_the_nearest_earlier_one_about_another_document() -> None:
    answerable = [q for q in QUESTIONS if q.is_answerable]
    pairs = [(before.id, asked.id) for before, asked in predecessors(answerable)]
    assert pairs == [("q4", "q1"), ("q4", "q2"), ("q2", "q3"), ("q2", "q4")]
    one_document = [q for q in answerable if q.doc_id == "trial"]
    assert [(b.id, a.id) for b, a in predecessors(one_document)] == [("q2", "q1"), ("q1", "q2")]
    assert predecessors(answerable[:1]) == []


def test_a_session_that_changes_nothing_keeps_every_answer() -> None:
    figures = mid_session(Contextual({}), QUESTIONS)
    assert (figures.asked, figures.same, figures.read_as_follow_up) == (4, 4, 0)
    assert figures.same_share == 1.0 and figures.changed == figures.follow_ups == []


def test_an_answer_changed_by_the_question_before_lowers_the_share() -> None:
    changes = {
        ("CRR with placebo?", "Minimum age?"): (Script(passages=[AGE], abstained=True), True),
        ("CRR with placebo?", "How is it given?"): (Script(passages=[FORMS], quotes=[AGE]), False),
        ("How is it given?", "CRR at week 76?"): (Script(passages=[TRIAL], quotes=[TRIAL]), True),
    }
    figures = mid_session(Contextual(changes), QUESTIONS)
    assert (figures.asked, figures.same, figures.read_as_follow_up) == (4, 2, 2)
    assert figures.same_share == 0.5
    assert figures.changed == ["q3", "q4"]  # abstained; quoted other characters
    assert figures.follow_ups == ["q1", "q3"]  # q1 read with q4, its quote the same


def test_fresh_answers_given_are_not_asked_again() -> None:
    fake = Contextual({})
    fresh = {q.id: build_answer(q.question, SCRIPTS[q.question]) for q in QUESTIONS[:4]}
    mid_session(fake, QUESTIONS, fresh)
    assert len(fake.log) == 8  # two asks a pair, no fresh one
    mid_session(fake, QUESTIONS)
    assert len(fake.log) == 8 + 12


def test_the_share_is_in_the_json_and_none_when_nothing_was_asked() -> None:
    assert MidSession(asked=0, same=0, read_as_follow_up=0).same_share is None
    data = MidSession(asked=4, same=3, read_as_follow_up=1, changed=["q3"]).model_dump()
    assert data["same_share"] == 0.75 and data["changed"] == ["q3"]


def write_set(tmp_path: Path) -> Path:
    path = tmp_path / "set.jsonl"
    lines = [json.dumps({**q.model_dump(exclude={"span", "quote_span"}), "split": "dev"})
             for q in QUESTIONS]  # fmt: skip
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_evaluate_reports_it_on_the_default_configuration_only(tmp_path: Path) -> None:
    changes = {("CRR with placebo?", "Minimum age?"): (Script(passages=[AGE]), True)}
    fake = Contextual(changes)
    path = write_set(tmp_path)
    report = evaluate(fake, list(QUESTIONS), set_path=path, ablations=False,
                      also_mid_session=True)  # fmt: skip
    assert report.mid_session is not None and report.mid_session.changed == ["q3"]
    assert len(fake.log) == len(QUESTIONS) + 2 * 4
    text = render(report, "citeqa eval", QUESTIONS)
    assert "## Asked mid-session" in text and "| 4 | 3 | 0.750 | 1 |" in text
    assert "- `q3`: Minimum age?" in text
    assert evaluate(fake, list(QUESTIONS), set_path=path, ablations=False).mid_session is None


def test_the_cross_corpus_report_shows_it_apart_from_the_macro_average() -> None:
    figures = MidSession(asked=4, same=3, read_as_follow_up=1, changed=["q3"])
    metrics = summarize([])
    report = CorporaReport(
        created_at="now", split="test", macro={}, sets=[
            SetReport(name="facts", kind="answerable", split="test", corpus_dir="/c", n=4,
                      systems={"citeqa": metrics}, mid_session=figures),
            SetReport(name="off", kind="off-topic", split="test", corpus_dir="/c", n=4,
                      systems={"citeqa": metrics}),
        ],
    )  # fmt: skip
    macro_part, mid_part = render_corpora(report).split("## Asked mid-session")
    assert "| facts | 4 | 3 | 0.750 | 1 | `q3` |" in mid_part and "| off |" not in mid_part
    assert "0.750" not in macro_part  # apart from the per-set and macro tables


def test_the_progress_of_a_set_asked_mid_session_names_the_set() -> None:
    from citeqa.evaluation.corpora import run_set
    from citeqa.evaluation.sets import EvalSet

    stages: list[str] = []
    facts = EvalSet(name="facts", kind="answerable", corpus_dir=Path("/corpus"),
                    questions=list(QUESTIONS), questions_path=Path("/facts.jsonl"))  # fmt: skip
    fake = Contextual({})
    run_set(facts, lambda corpus: fake, peers=False, also_mid_session=True,  # type: ignore[arg-type]
            progress=lambda stage, done, total: stages.append(stage))  # fmt: skip
    assert "facts mid-session" in stages and "mid-session" not in stages


@pytest.fixture
def fake_open(monkeypatch: pytest.MonkeyPatch) -> Contextual:
    import citeqa.api

    fake = Contextual({("CRR with placebo?", "Minimum age?"): (Script(passages=[AGE]), True)})
    monkeypatch.setattr(citeqa.api, "open_assistant", lambda settings=None, **kw: fake)
    return fake


def test_cli_eval_measures_it_by_default_and_not_with_the_flag_off(
    fake_open: Contextual, tmp_path: Path
) -> None:
    path = write_set(tmp_path)
    runner = CliRunner()
    data = json.loads(runner.invoke(app, ["eval", "--set", str(path), "--json"]).stdout)
    assert data["mid_session"]["changed"] == ["q3"] and data["mid_session"]["same_share"] == 0.75
    assert "results" in data and "headline" in data  # the other fields are still there
    off = ["eval", "--set", str(path), "--json", "--no-mid-session"]
    assert json.loads(runner.invoke(app, off).stdout)["mid_session"] is None
    shown = runner.invoke(app, ["eval", "--set", str(path), "--no-ablations"]).stdout
    assert "asked mid-session" in shown and "q3" in shown


def test_both_reports_show_the_changed_ids_as_text_and_a_dash_for_none() -> None:
    from rich.console import Console

    changed = MidSession(asked=4, same=3, read_as_follow_up=1, changed=["[bold]q3[/bold]"])
    unchanged = MidSession(asked=2, same=2, read_as_follow_up=0, changed=[])
    metrics = summarize([])
    report = CorporaReport(
        created_at="now", split="test", macro={}, sets=[
            SetReport(name=name, kind="answerable", split="test", corpus_dir="/c", n=4,
                      systems={"citeqa": metrics}, mid_session=figures)
            for name, figures in (("facts", changed), ("quiet", unchanged))
        ],
    )  # fmt: skip
    single, across = Console(record=True, width=160), Console(record=True, width=160)
    for figures in (changed, unchanged):
        single.print(eval_cmd.mid_session_table(*eval_cmd.single_mid_session(figures)))
    eval_cmd.print_mid_session(across, report)
    for console in (single, across):
        lines = console.export_text().splitlines()
        rows = [line for line in lines if "0.750" in line]
        assert len(rows) == 1 and rows[0].split()[-2:] == ["[bold]q3[/bold]", "│"]
        assert any(line.split()[-2:] == ["—", "│"] for line in lines)
