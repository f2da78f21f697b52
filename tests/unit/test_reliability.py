"""The reliability table of the confidence: bins, share right, calibration error, rendering."""

from __future__ import annotations

import pytest

from citeqa.cli.eval_cmd import print_corpora
from citeqa.evaluation.corpora import CorporaReport
from citeqa.evaluation.corpora_markdown import render_corpora
from citeqa.evaluation.metrics import QuestionResult
from citeqa.evaluation.reliability import answered, reliability


def result(confidence: float, right: bool, answerable: bool = True, abstained: bool = False):
    return QuestionResult(
        id="q", question="?", split="test", lang_pair="en→en", answerable=answerable,
        abstained=abstained, confidence=confidence, quote_correct=right,
    )  # fmt: skip


def test_answers_are_binned_by_confidence_with_the_share_right() -> None:
    table = reliability(
        answered([result(0.82, True), result(0.88, True), result(0.85, False), result(0.12, False)])
    )
    assert [(b.low, b.high, b.answers) for b in table.bins] == [(0.1, 0.2, 1), (0.8, 0.9, 3)]
    high = table.bins[1]
    assert high.share_right == pytest.approx(2 / 3, abs=1e-4)
    assert high.mean_confidence == pytest.approx(0.85)
    # (1 × |0 − .12| + 3 × |.6667 − .85|) / 4
    assert table.calibration_error == pytest.approx((0.12 + 3 * (0.85 - 2 / 3)) / 4, abs=1e-3)


def test_abstentions_are_left_out_and_answers_to_unanswerable_questions_are_wrong() -> None:
    table = reliability(
        answered(
            [
                result(0.95, True),
                result(0.97, False, answerable=False),
                result(0.99, False, abstained=True),
            ]
        )
    )
    assert table.answers == 2 and [b.answers for b in table.bins] == [2]
    assert table.bins[0].share_right == 0.5


def test_a_confidence_of_one_falls_in_the_last_bin_and_no_answer_gives_no_error() -> None:
    assert reliability(answered([result(1.0, True)])).bins[0].low == 0.9
    empty = reliability(answered([result(0.5, False, abstained=True)]))
    assert empty.bins == [] and empty.answers == 0 and empty.calibration_error is None


def report_with(results: list[QuestionResult]) -> CorporaReport:
    return CorporaReport(
        created_at="now",
        split="test",
        sets=[],
        macro={},
        reliability=reliability(answered(results)),
    )


def test_the_report_and_the_terminal_show_the_table(capsys: pytest.CaptureFixture) -> None:
    report = report_with([result(0.75, True), result(0.71, False)])
    text = render_corpora(report)
    assert "## Reliability of the confidence" in text
    assert "| 0.7–0.8 | 2 | 0.73 | 0.50 |" in text
    assert "Expected calibration error over 2 answers: 0.230." in text
    print_corpora(report)
    shown = [
        " ".join(line.replace("│", " ").split()) for line in capsys.readouterr().out.splitlines()
    ]
    assert "0.7–0.8 2 0.73 0.50" in shown
    assert any("expected calibration error 0.230" in line for line in shown)


def test_without_answers_there_is_no_table(capsys: pytest.CaptureFixture) -> None:
    report = report_with([result(0.5, False, abstained=True)])
    assert "Reliability" not in render_corpora(report)
    print_corpora(report)
    assert "reliability" not in capsys.readouterr().out
