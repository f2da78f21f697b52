"""achieved_results.result_position: which candidate states the result completing the first
candidate's target or interim figure."""

from __future__ import annotations

from citeqa.achieved_results import Statement, asks_target, result_position

PLAN = Statement("- Plant 400 trees over two years (250 in year 1).", "application", "Application")
RESULT = Statement("Trees planted: 231 (year 1 target: 250)", "report", "Year 1 report")
OTHER = Statement("Trees planted in 2023: 180", "old", "Old report")


def undated(_: str) -> str | None:
    return None


def test_a_result_restating_the_target_leads_a_plan() -> None:
    assert result_position("How many trees were planted?", [PLAN, OTHER, RESULT], undated) == 2


def test_a_question_asking_the_target_keeps_the_plan() -> None:
    assert asks_target("What was the target for trees?")
    assert result_position("What was the target for trees?", [PLAN, RESULT], undated) is None


def test_a_statement_not_restating_a_value_completes_nothing() -> None:
    assert result_position("How many trees were planted?", [PLAN, OTHER], undated) is None


def test_the_same_document_completes_nothing() -> None:
    same = Statement(RESULT.text, PLAN.document, PLAN.names)
    assert result_position("How many trees were planted?", [PLAN, same], undated) is None


def test_a_fuller_row_of_the_same_label_is_a_result() -> None:
    plan = Statement("| Trees planted | 250 |", "application", "Application")
    row = Statement("Trees planted | 250 | 231", "report", "Final report")
    assert result_position("How many trees planted?", [plan, row], undated) == 1


def test_an_interim_figure_gives_way_to_a_later_document_only() -> None:
    interim = Statement("Trees planted: 120 (target: 250)", "interim", "Interim report")
    final = Statement("Trees planted | 250 | 231", "final", "Final report")
    assert result_position("How many trees planted?", [interim, final], undated) == 1
    final_first = Statement("Trees planted: 120 (target: 250)", "a", "Report A")
    assert result_position("How many trees planted?", [final_first, final], undated) is None


def test_dates_order_two_results() -> None:
    first = Statement("Trees planted: 120 (target: 250)", "a", "Report A")
    later = Statement("Trees planted: 231 (target: 250)", "b", "Report B")
    dates = {"a": "2025-03-01", "b": "2026-03-01"}
    assert result_position("How many trees planted?", [first, later], dates.get) == 1
    assert result_position("How many trees planted?", [later, first], dates.get) is None


def test_a_heading_word_opening_a_sentence_labels_no_target() -> None:
    """pubmedqa dev: an abstract's "Objective: We compare 30-day and 180-day mortality…" took
    the place of another abstract's conclusion on 30-day mortality."""
    conclusion = Statement(
        "Conclusions: Admission to a ranked hospital was associated with lower 30-day mortality.",
        "a",
        "Abstract A",
    )
    objective = Statement(
        "Objective: We compare 30-day and 180-day hospital mortality rates for all patients.",
        "b",
        "Abstract B",
    )
    assert (
        result_position("Do ranked hospitals do better?", [conclusion, objective], undated) is None
    )


def test_vise_is_no_target_word() -> None:
    notice = Statement("Délai de préavis : 3 mois, au lieu du délai visé : 2 mois.", "b", "Bail")
    old = Statement("Délai de préavis : 2 mois.", "a", "Ancien bail")
    assert result_position("Quel est le délai de préavis ?", [old, notice], undated) is None
