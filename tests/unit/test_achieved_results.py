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
    row = Statement("Trees planted | 250 | 231", "report", "Final report", "Item | Target | Done")
    assert result_position("How many trees planted?", [plan, row], undated) == 1


def test_an_interim_figure_gives_way_to_a_later_document_only() -> None:
    interim = Statement("Trees planted: 120 (target: 250)", "interim", "Interim report")
    final = Statement("Trees planted | 250 | 231", "final", "Final report", "| Target | Actual |")
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


def test_two_price_columns_are_no_result() -> None:
    """Review of s36-result: a low and a high season's prices led over a price list."""
    prices = Statement("| Chambre double standard | 80 € |", "gite", "Tarifs gîte")
    seasons = Statement(
        "| Chambre double standard | 80 € | 95 € |",
        "saisons",
        "Tarifs saisonniers",
        "| Chambre | Basse saison | Haute saison |",
    )
    question = "Quel est le prix d'une chambre double standard ?"
    assert result_position(question, [prices, seasons], undated) is None


def test_a_statement_is_a_plan_only_by_its_document_or_its_words() -> None:
    """Review of s36-result: v2's "Maximum payload: 500 kg" gave way to a draft's 450 kg."""
    spec = Statement("Maximum payload: 500 kg per pallet.", "v2", "Spec v2")
    draft = Statement("Maximum payload: 450 kg per pallet (goal: 500 kg).", "v1", "Spec v1 draft")
    assert result_position("What is the maximum payload?", [spec, draft], undated) is None
    meeting = Statement("La réunion a réuni 25 participants.", "cr", "Compte rendu")
    invite = Statement(
        "Réunion de 30 participants, prévue pour 25 participants.", "i", "Invitation"
    )
    assert (
        result_position("Combien de participants à la réunion ?", [meeting, invite], undated)
        is None
    )


def test_a_statement_opened_by_a_target_word_is_a_plan() -> None:
    goal = Statement("Objectif : former 45 bénévoles d'ici 2026.", "note", "Note de cadrage")
    done = Statement("Bénévoles formés : 39 (objectif : 45)", "bilan", "Bilan")
    assert result_position("Combien de bénévoles formés ?", [goal, done], undated) == 1


def test_a_budget_question_asks_the_plan() -> None:
    assert asks_target("Quel montant était inscrit au budget 2025 pour la fête ?")
    assert asks_target("What was the expected number of visitors?")


def test_vise_is_no_target_word() -> None:
    notice = Statement("Délai de préavis : 3 mois, au lieu du délai visé : 2 mois.", "b", "Bail")
    old = Statement("Délai de préavis : 2 mois.", "a", "Ancien bail")
    assert result_position("Quel est le délai de préavis ?", [old, notice], undated) is None


def test_a_question_asking_the_request_keeps_the_application() -> None:
    """s37 probe r04: the report's amount awarded (restating the request as "prévu") took the
    application's place for a question asking what was requested."""
    asked = Statement(
        "Montant demandé à la Fondation Lumière : 45 000 euros.", "demande", "Demande de subvention"
    )
    granted = Statement(
        "Montant accordé par la Fondation Lumière : 40 000 euros (prévu : 45 000 euros).",
        "rapport",
        "Rapport final",
    )
    question = "Quel montant avions-nous demandé à la Fondation Lumière ?"
    assert result_position(question, [asked, granted], undated) is None
    accorded = "Quel montant la Fondation Lumière a-t-elle accordé ?"
    assert result_position(accorded, [asked, granted], undated) == 1
    requested = Statement(
        "Amount requested from the Hartwell Trust: 60,000 pounds.", "app", "Grant application"
    )
    awarded = Statement(
        "Amount awarded by the Hartwell Trust: 52,000 pounds (target: 60,000 pounds).",
        "report",
        "Final report",
    )
    english = "How much was requested from the Hartwell Trust?"
    assert result_position(english, [requested, awarded], undated) is None
    assert (
        result_position("How much did the Hartwell Trust award?", [requested, awarded], undated)
        == 1
    )


def test_a_question_naming_the_interim_report_asks_its_figure() -> None:
    """s37 probe r23: "by the interim report" got the final report's 17."""
    interim = Statement("Reading clubs opened: 12 (target: 20).", "interim", "Interim report")
    final = Statement("Reading clubs opened: 17 (target: 20).", "final", "Final report")
    assert result_position("How many reading clubs were opened?", [interim, final], undated) == 1
    asked = "How many reading clubs had opened by the interim report?"
    assert result_position(asked, [interim, final], undated) is None
    intermediaire = Statement(
        "Clubs de lecture ouverts : 12 (objectif : 20).", "i", "Rapport intermédiaire"
    )
    finale = Statement("Clubs de lecture ouverts : 17 (objectif : 20).", "f", "Rapport final")
    assert (
        result_position("Combien de clubs de lecture ouverts ?", [intermediaire, finale], undated)
        == 1
    )
    question = "Combien de clubs de lecture ouverts selon le rapport intermédiaire ?"
    assert result_position(question, [intermediaire, finale], undated) is None


def test_a_result_leaves_out_a_question_word_the_plan_writes() -> None:
    """The result leads only when it writes every word of the question the first writes: a
    claim's or a demand's word no data lists ("réclamée", "claimed") keeps the plan's line."""
    claimed = Statement("Amount claimed from the Hartwell Trust: 60,000 pounds.", "app", "Proposal")
    awarded = Statement(
        "Amount awarded by the Hartwell Trust: 52,000 pounds (target: 60,000 pounds).",
        "r",
        "Report",
    )
    question = "How much did we claim from the Hartwell Trust?"
    assert result_position(question, [claimed, awarded], undated) is None
    reclamee = Statement("Somme réclamée à la Fondation Lumière : 45 000 euros.", "d", "Demande")
    accordee = Statement(
        "Somme accordée par la Fondation Lumière : 40 000 euros (prévu : 45 000 euros).",
        "r",
        "Bilan",
    )
    asked = "Quelle somme avions-nous réclamée à la Fondation Lumière ?"
    assert result_position(asked, [reclamee, accordee], undated) is None
    assert (
        result_position(
            "Quelle somme la Fondation Lumière a-t-elle accordée ?", [reclamee, accordee], undated
        )
        == 1
    )
