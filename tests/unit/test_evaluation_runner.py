"""The evaluation runner, ablations, report and `citeqa eval`, driven by a scripted fake."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from test_evaluation_fakes import DOCS, FakeAssistant, Script
from typer.testing import CliRunner

from citeqa.cli import ask_cmd, chat_cmd, eval_cmd, index_cmds  # noqa: F401  (registration)
from citeqa.cli.app import app
from citeqa.evaluation import EvalSetError, evaluate, load_questions, render
from citeqa.evaluation.ablations import plan_ablations
from citeqa.evaluation.questions import EvalQuestion
from citeqa.evaluation.runner import check_documents, judge, run_questions
from citeqa.visible import shown, to_json

TRIAL_HIT = ("trial", "Complete renal response at week 76 was 46.4% with obinutuzumab. ")
PLACEBO = ("trial", "With placebo it was 33.1%. ")
FAQ_AGE = ("faq", "Children from 5 years of age can be treated. ")
FAQ_FORMS = (
    "faq",
    "Belimumab is given by monthly IV perfusion or by weekly subcutaneous injection. ",
)

QUESTIONS = [
    {"id": "q1", "question": "CRR with obinutuzumab at w76?", "lang": "en", "doc_id": "trial",
     "answers": ["46.4%"], "passage_lang": "en", "kinds": ["number"], "follows": None,
     "split": "dev", "answerable": True},
    {"id": "q2", "question": "And with placebo?", "lang": "en", "doc_id": "trial",
     "answers": ["33.1%"], "passage_lang": "en", "kinds": ["number", "follow-up"],
     "follows": "q1", "split": "dev", "answerable": True},
    {"id": "q3", "question": "Âge minimum pour le bélimumab ?", "lang": "fr", "doc_id": "faq",
     "answers": ["from 5 years of age"], "passage_lang": "en", "kinds": ["cross-lang"],
     "follows": None, "split": "test", "answerable": True},
    {"id": "q4", "question": "Dose of anifrolumab in children?", "lang": "en", "doc_id": None,
     "answers": [], "passage_lang": None, "kinds": ["unanswerable"], "follows": None,
     "split": "test", "answerable": False},
]  # fmt: skip

SCRIPTS = {
    "CRR with obinutuzumab at w76?": Script(passages=[TRIAL_HIT, FAQ_AGE], quotes=[TRIAL_HIT]),
    "And with placebo?": Script(passages=[FAQ_AGE, TRIAL_HIT, PLACEBO], quotes=[PLACEBO]),
    "Âge minimum pour le bélimumab ?": Script(passages=[FAQ_FORMS, FAQ_AGE], quotes=[FAQ_AGE]),
    "Dose of anifrolumab in children?": Script(
        passages=[FAQ_FORMS], abstained=True, confidence=0.2
    ),
}


def write_set(tmp_path: Path, rows: list[dict], name: str = "set.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), "utf-8")
    return path


@pytest.fixture
def set_file(tmp_path: Path) -> Path:
    return write_set(tmp_path, QUESTIONS)


def test_follow_up_asks_its_parent_first_in_the_same_session(set_file):
    fake = FakeAssistant(SCRIPTS)
    questions = load_questions(set_file)
    run_questions(fake, questions, questions)
    asked = [(session, question) for session, question, _, _ in fake.log]
    sessions = [session for session, _ in asked]
    assert [q for _, q in asked] == [
        "CRR with obinutuzumab at w76?",
        "CRR with obinutuzumab at w76?",
        "And with placebo?",
        "Âge minimum pour le bélimumab ?",
        "Dose of anifrolumab in children?",
    ]
    assert sessions[1] == sessions[2], "the follow-up shares its parent's session"
    assert len({sessions[0], sessions[1], sessions[3], sessions[4]}) == 4, "others start fresh"
    assert all(k == 10 for _, _, k, _ in fake.log)


def test_a_chain_of_follow_ups_is_replayed_in_order(tmp_path):
    rows = [dict(QUESTIONS[0]), dict(QUESTIONS[1]), dict(QUESTIONS[1], id="q5", follows="q2",
            question="And at week 52?")]  # fmt: skip
    questions = load_questions(write_set(tmp_path, rows))
    fake = FakeAssistant(SCRIPTS)
    run_questions(fake, questions[2:], questions)
    assert [q for _, q, _, _ in fake.log] == [
        "CRR with obinutuzumab at w76?", "And with placebo?", "And at week 52?",
    ]  # fmt: skip
    assert len({session for session, *_ in fake.log}) == 1


def test_judge_relevance_ranks_quotes_and_citation_validity(set_file):
    fake = FakeAssistant(SCRIPTS)
    questions = {q.id: q for q in load_questions(set_file)}
    session = fake.session()
    session.ask("CRR with obinutuzumab at w76?")
    answer = session.ask("And with placebo?")
    judged = judge(questions["q2"], answer, lambda d: DOCS.get(d))
    assert judged.relevant_ranks == [3]
    assert judged.answer_ranks == [3]
    assert judged.quote_correct and judged.citations == judged.citations_valid == 1
    assert judged.lang_pair == "en→en" and judged.top_doc == "faq"


def test_a_quote_labelled_otherwise_is_shown_but_never_the_answers_quote(set_file):
    """The right quote shown only as another document's differing statement (`otherwise`) is
    no right quote: the conflict is shown, the answer's own quote is what is judged."""
    questions = {q.id: q for q in load_questions(set_file)}
    session = FakeAssistant(SCRIPTS).session()
    session.ask("CRR with obinutuzumab at w76?")
    answer = session.ask("And with placebo?")
    labelled = [c.model_copy(update={"otherwise": True}) for c in answer.citations]
    judged = judge(questions["q2"], answer.model_copy(update={"citations": labelled}), DOCS.get)
    assert not judged.quote_correct and judged.conflict_shown
    assert judged.citations == judged.citations_valid == 1


def test_a_later_dated_quote_is_shown_but_never_the_answers_quote(set_file):
    """A later document's statement (`later`, not `otherwise`: it may say the same) is no
    answer quote either."""
    questions = {q.id: q for q in load_questions(set_file)}
    session = FakeAssistant(SCRIPTS).session()
    session.ask("CRR with obinutuzumab at w76?")
    answer = session.ask("And with placebo?")
    dated = [c.model_copy(update={"later": "2026-09-08"}) for c in answer.citations]
    judged = judge(questions["q2"], answer.model_copy(update={"citations": dated}), DOCS.get)
    assert not judged.quote_correct and judged.conflict_shown


def test_a_quote_at_wrong_offsets_is_an_invalid_citation(set_file):
    scripts = dict(SCRIPTS)
    scripts["CRR with obinutuzumab at w76?"] = Script(passages=[TRIAL_HIT], quotes=[TRIAL_HIT],
                                                      bad_offsets=True)  # fmt: skip
    questions = load_questions(set_file)
    results = run_questions(FakeAssistant(scripts), questions[:1], questions)
    assert results[0].citations == 1 and results[0].citations_valid == 0


def test_an_abstained_answer_is_never_quote_correct(set_file):
    scripts = dict(SCRIPTS)
    scripts["Âge minimum pour le bélimumab ?"] = Script(passages=[FAQ_AGE], quotes=[FAQ_AGE],
                                                        abstained=True)  # fmt: skip
    questions = load_questions(set_file)
    (judged,) = run_questions(FakeAssistant(scripts), questions[2:3], questions)
    assert judged.relevant_ranks == [1] and not judged.quote_correct


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"id": "q1", "question": "x"\n', "set.jsonl:1: not valid JSON (Expecting ',' "
         "delimiter at column 29)"),
        ('{"id": "q1", "question": "x\n', "set.jsonl:1: not valid JSON (Unterminated string "
         "starting at column 26)"),
        ("[" * 100000 + "]" * 100000 + "\n", "set.jsonl:1: not valid JSON (nested too deeply"),
        ("[1, 2]\n", "set.jsonl:1: expected a JSON object"),
        ('{"id": "q1"}\n', "set.jsonl:1: question: Field required"),
        ('{"id": "q1", "question": "  "}\n', "question is blank"),
        ('{"id": "q0", "question": "x"}\n{"id": "q1", "question": "\\u200e"}\n',
         "set.jsonl:2: question: question is blank"),
        ('{"id": "q1", "question": "\\u001b[31m\\u200b \\ufeff"}\n',
         "set.jsonl:1: question: question is blank"),
        ('{"id": "q1", "question": "x", "split": "train"}\n', "set.jsonl:1: split"),
        ('{"id": "q1", "question": "x", "answerable": true}\n', "needs a doc_id"),
        ('{"id": "q1", "question": "x", "follows": "q9"}\n', "follows 'q9', which is not"),
        ('{"id": "q1", "question": "x"}\n{"id": "q1", "question": "y"}\n', "duplicate"),
        ('{"id": "a", "question": "x", "follows": "b"}\n{"id": "b", "question": "y", '
         '"follows": "a"}\n', "cycle"),
        ("\n\n", "holds no question"),
        ('{"id": "q1", "question": "x", "doc_id": "d", "answers": ["a"], "span": [500, -4]}\n',
         "set.jsonl:1: span: a span is"),
        ('{"id": "q1", "question": "x", "span": [0, 9], "quote_span": [9, 9]}\n',
         "set.jsonl:1: quote_span: a span is"),
    ],
)  # fmt: skip
def test_a_bad_set_file_is_a_clear_error(tmp_path, content, message):
    path = tmp_path / "set.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(EvalSetError, match=re.escape(message)):
        load_questions(path)


def test_a_missing_set_file_is_a_clear_error(tmp_path):
    with pytest.raises(EvalSetError, match="question set not found"):
        load_questions(tmp_path / "nope.jsonl")


def test_answerable_defaults_from_doc_and_answers():
    assert EvalQuestion(id="a", question="x", doc_id="d", answers=["y"]).is_answerable
    assert not EvalQuestion(id="b", question="x").is_answerable
    assert EvalQuestion(id="b", question="x").lang_pair == "en→none"


def test_a_set_without_lang_gets_the_language_ask_would_detect():
    """A user's set often omits `lang`: a French question is not counted en→en."""
    french = EvalQuestion(id="f", question="Combien de morts la peste de 1720 fit-elle ?",
                          doc_id="peste", answers=["50 000"])  # fmt: skip
    assert (french.lang, french.lang_pair) == ("fr", "fr→fr")
    assert EvalQuestion(id="e", question="How many died of the plague?").lang_pair == "en→none"
    assert EvalQuestion(id="g", question="Combien ?", lang="en").lang == "en"  # given: kept


def test_a_set_without_passage_lang_takes_the_documents_language_from_the_index(tmp_path):
    """The user trial: `eval --set` filed English questions about French documents under en→en
    when the set left `passage_lang` out, though the index knows each document's language."""
    rows = [
        {k: v for k, v in row.items() if k not in ("lang", "passage_lang")} for row in QUESTIONS
    ]
    path = write_set(tmp_path, rows)
    report = evaluate(FakeAssistant(SCRIPTS), load_questions(path), set_path=path, ablations=False)
    pairs = {result.id: result.lang_pair for result in report.results}
    assert pairs == {"q1": "en→en", "q2": "en→en", "q3": "fr→en", "q4": "en→none"}
    assert set(report.breakdowns["test"]["language pair"]) == {"fr→en", "en→none"}


def test_a_question_on_a_document_not_indexed_is_refused(tmp_path):
    path = write_set(tmp_path, [dict(QUESTIONS[0], doc_id="elsewhere")])
    with pytest.raises(EvalSetError, match="'elsewhere', which is not in the index"):
        evaluate(FakeAssistant(SCRIPTS), load_questions(path), set_path=path)


def test_an_unknown_document_is_named_beside_the_closest_indexed_ones_not_all_of_them(tmp_path):
    """The user trial: a typo in doc_id printed one line of 9.4 kB naming all 308 documents."""
    status = FakeAssistant(SCRIPTS).status()
    note = status.documents[0]
    notes = [note.model_copy(update={"doc_id": f"notes/note-{n:03}"}) for n in range(300)]
    status = status.model_copy(update={"documents": status.documents + notes})
    questions = load_questions(write_set(tmp_path, [dict(QUESTIONS[0], doc_id="notes/note-07")]))
    with pytest.raises(EvalSetError) as refused:
        check_documents(status, questions)
    message = str(refused.value)
    assert message.startswith("question 'q1' names document 'notes/note-07', which is not in")
    assert "(closest of those indexed: notes/note-007, " in message
    assert message.endswith(f" and {len(status.documents) - 5} more)") and len(message) < 300


def test_ablations_skip_missing_channels_and_duplicates():
    pinned = {"fusion": "rrf", "weight_lexical": 1.0, "weight_lexical_cross": 0.3}
    fake = FakeAssistant(SCRIPTS, overrides=pinned)
    plan, skipped = plan_ablations(fake.settings, {"use"})
    names = [p.name for p in plan]
    assert names[0] == "default" and plan[0].overrides == {}
    assert "lexical only" in names and "use only" in names and "no query expansion" in names
    assert "minilm only" not in names and "vectors only" not in names
    assert any(s.startswith("minilm only: the index carries no minilm") for s in skipped)
    assert any(s.startswith("vectors only: same as use only") for s in skipped)
    assert "fusion rrf" not in names and "fusion blend" in names
    assert any(s.startswith("fusion rrf: same as default") for s in skipped)
    lexical = next(p for p in plan if p.name == "lexical only")
    assert lexical.overrides == {"weight_vectors": 0.0}
    same = next(p for p in plan if p.name == "no language-aware lexical")
    assert same.overrides == {"weight_lexical_cross": 1.0}
    assert "language-aware lexical" not in names, "the default already is"
    assert "with query expansion" not in names and "no query expansion" in names


def test_an_ablation_equal_to_the_default_is_skipped():
    fake = FakeAssistant(SCRIPTS, overrides={"weight_lexical": 1.0, "weight_lexical_cross": 1.0})
    plan, skipped = plan_ablations(fake.settings, {"use"})
    assert "no language-aware lexical" not in [p.name for p in plan]
    assert "no language-aware lexical: same as default on this index" in skipped
    aware = next(p for p in plan if p.name == "language-aware lexical")
    assert aware.overrides == {"weight_lexical_cross": 0.3}


def test_ablations_with_both_channels():
    fake = FakeAssistant(SCRIPTS, channels=("use", "minilm"))
    plan, _ = plan_ablations(fake.settings, {"use", "minilm"})
    by_name = {p.name: p.overrides for p in plan}
    assert by_name["minilm only"]["channel_weights"] == {"use": 0.0}
    # the channel left alone keeps its own weight (the settings' ranking weight for USE)
    kept = {**fake.settings.channel_weights, "minilm": 0.0}
    assert by_name["use only"]["channel_weights"] == kept
    assert by_name["minilm only"]["weight_lexical"] == 0.0
    assert "vectors only" in by_name
    # the answer models read the evidence fusion: each ablation sets it too
    assert by_name["minilm only"]["evidence_channel_weights"] == {"use": 0.0}
    evidence = {**fake.settings.evidence_channel_weights, "minilm": 0.0}
    assert by_name["use only"]["evidence_channel_weights"] == evidence
    no_rerank = by_name["no sentence reranking"]
    assert no_rerank == {"rerank_weight": 0.0, "evidence_rerank_weight": 0.0}


def test_evaluate_reports_headline_breakdowns_and_ablations(set_file):
    fake = FakeAssistant(SCRIPTS)
    report = evaluate(fake, load_questions(set_file), set_path=set_file)
    assert report.headline_split == "test"
    assert set(report.headline) == {"dev", "test", "all"}
    test = report.headline["test"]
    assert (test.n, test.answerable, test.unanswerable) == (2, 1, 1)
    assert test.hit_1 == 0.0 and test.hit_3 == 1.0 and test.mrr == 0.5
    assert test.quote_accuracy == 1.0 and test.abstention_recall == 1.0
    assert report.headline["dev"].hit_1 == 0.5
    assert set(report.breakdowns["test"]["language pair"]) == {"fr→en", "en→none"}
    assert report.configuration.manifest_hash == "fakehash"
    assert fake.statuses == 1  # status walks and hashes the corpus: read once
    assert len(report.ablations) > 3
    configs = [overrides for *_, overrides in fake.log]
    assert {"weight_vectors": 0.0} in configs and {"expand_queries": False} in configs
    lexical = next(a for a in report.ablations if a.name == "lexical only")
    assert lexical.overrides == {"weight_vectors": 0.0} and set(lexical.metrics) == {
        "dev",
        "test",
        "all",
    }


def test_split_and_no_ablations(set_file):
    fake = FakeAssistant(SCRIPTS)
    report = evaluate(fake, load_questions(set_file), set_path=set_file, split="dev",
                      ablations=False)  # fmt: skip
    assert set(report.headline) == {"dev"} and report.headline_split == "dev"
    assert len(report.ablations) == 1 and not report.skipped_ablations
    assert {q for _, q, _, _ in fake.log} == {"CRR with obinutuzumab at w76?", "And with placebo?"}


def test_markdown_report_names_configuration_and_sections(set_file):
    report = evaluate(FakeAssistant(SCRIPTS), load_questions(set_file), set_path=set_file)
    text = render(report)
    for needle in ("# citeqa evaluation report", "fakehash", "## Headline", "By language pair",
                   "By kind", "## Ablations", "lexical only", "min_confidence sweep",
                   "## Misses", "`weight_lexical_cross`"):  # fmt: skip
        assert needle in text, needle


@pytest.fixture
def fake_open(monkeypatch):
    import citeqa.api

    fake = FakeAssistant(SCRIPTS)
    monkeypatch.setattr(citeqa.api, "open_assistant", lambda settings=None, **kw: fake)
    return fake


def test_cli_eval_json_and_report_file(fake_open, set_file, tmp_path):
    report = tmp_path / "REPORT.md"
    args = ["eval", "--set", str(set_file), "--json", "--no-ablations", "--report", str(report)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["headline"]["test"]["quote_accuracy"] == 1.0
    assert report.read_text(encoding="utf-8").startswith("# citeqa evaluation report")


def test_cli_eval_tables_do_not_write_a_report_for_another_set(fake_open, set_file):
    result = CliRunner().invoke(app, ["eval", "--set", str(set_file)])
    assert result.exit_code == 0, result.output
    assert "hit@5" in result.stdout and "ablations" in result.stdout
    assert not (set_file.parent / "REPORT.md").exists()


def test_cli_eval_markdown(fake_open, set_file):
    result = CliRunner().invoke(app, ["eval", "--set", str(set_file), "--markdown", "--split",
                                      "test", "--no-ablations"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# citeqa evaluation report")


def test_unanswerable_questions_are_named_so_in_the_tables_and_keyed_none_in_the_json(
    fake_open, set_file
):
    """`en→none` read like a language; the tables say `en→(unanswerable)`, the JSON's key stays."""
    runner = CliRunner()
    for flag in ("--markdown", "--no-ablations"):  # the Markdown report, then the text tables
        out = runner.invoke(app, ["eval", "--set", str(set_file), "--split", "test", flag]).stdout
        assert "en→(unanswerable)" in out and "en→none" not in out, flag
    data = json.loads(runner.invoke(app, ["eval", "--set", str(set_file), "--json"]).stdout)
    assert "en→none" in data["breakdowns"]["test"]["language pair"]


def test_cli_bad_set_is_one_line_and_its_own_exit_code(tmp_path, capsys, monkeypatch):
    from citeqa.cli.app import run_app

    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n", encoding="utf-8")
    monkeypatch.setattr("sys.argv", ["citeqa", "eval", "--set", str(bad)])
    assert run_app() == EvalSetError.exit_code == 13
    err = capsys.readouterr().err.strip()
    assert err.startswith("citeqa: ") and "bad.jsonl:1: not valid JSON" in err
    assert "\n" not in err


def test_core_does_not_import_ui_libraries():
    import subprocess
    import sys

    code = ("import sys, citeqa.evaluation; "
            "print([m for m in ('rich', 'typer', 'textual') if m in sys.modules])")  # fmt: skip
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_cli_report_names_the_command_that_made_it(fake_open, set_file, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    report = tmp_path / "my report.md"
    args = ["eval", "--set", "set.jsonl", "--split", "test", "--no-ablations", "--report",
            str(report)]  # fmt: skip
    assert CliRunner().invoke(app, args).exit_code == 0
    text = report.read_text(encoding="utf-8")
    assert (
        f"(regenerate it with `citeqa eval --set set.jsonl --split test --no-ablations"
        f" --report '{report}'`)" in text
    )
    assert "evals/REPORT.md" not in text
    result = CliRunner().invoke(app, ["eval", "--set", "set.jsonl", "--markdown"])
    assert "(regenerate it with `citeqa eval --set set.jsonl --markdown`)" in result.stdout


def test_the_bundled_report_names_its_own_command_and_a_backtick_cannot_break_it(set_file):
    report = evaluate(FakeAssistant(SCRIPTS), load_questions(set_file), set_path=set_file,
                      ablations=False)  # fmt: skip
    assert "(regenerate it with `citeqa eval --report evals/REPORT.md`)" in render(report)
    odd = render(report, "citeqa eval --set 'a`b\n.jsonl'")
    assert "(regenerate it with `` citeqa eval --set 'a`b␊.jsonl' ``)" in odd


def test_a_set_without_kinds_has_no_by_kind_section(tmp_path):
    rows = [{k: v for k, v in row.items() if k != "kinds"} for row in QUESTIONS]
    plain = write_set(tmp_path, rows, "plain.jsonl")
    report = evaluate(FakeAssistant(SCRIPTS), load_questions(plain), set_path=plain,
                      ablations=False)  # fmt: skip
    text = render(report)
    assert "### By language pair, test half" in text
    assert "By kind" not in text


def test_the_sweep_is_of_min_confidence_and_its_current_row_is_the_run(set_file):
    scripts = dict(SCRIPTS)  # q4 answered; q3 refused for another reason than its confidence
    scripts["Dose of anifrolumab in children?"] = Script(passages=[FAQ_FORMS], confidence=0.95)
    scripts["Âge minimum pour le bélimumab ?"] = Script(passages=[FAQ_AGE], abstained=True,
                                                       confidence=0.9)  # fmt: skip
    questions = load_questions(set_file)
    report = evaluate(FakeAssistant(scripts), questions, set_path=set_file, split="test",
                      ablations=False)  # fmt: skip
    floor = report.configuration.confidence_floor
    assert floor is not None and 0 < floor < 0.9
    [current] = [row for row in report.abstention_sweep if row["threshold"] == floor]
    run = report.headline["test"]
    assert current["abstention_recall"] == run.abstention_recall
    assert current["false_abstention_rate"] == run.false_abstention_rate == 1.0
    text = render(report)
    assert "## min_confidence sweep (test half)" in text
    assert f"| {floor:.4f} (current) |" in text and "abstain_threshold**" not in text
    assert f"**min_confidence** (current {floor:g})" in text


def test_the_json_report_shows_the_set_path_as_a_name(tmp_path):
    path = write_set(tmp_path, QUESTIONS, name="line\nbreak\tset.jsonl")
    report = evaluate(FakeAssistant(SCRIPTS), load_questions(path), set_path=path, ablations=False)
    decoded = json.loads(to_json(report.model_dump(mode="json"), indent=2))
    assert decoded["set_path"] == shown(str(path))  # as `jq -r` prints it: one line
    assert "\n" not in decoded["set_path"] and "\t" not in decoded["set_path"]
