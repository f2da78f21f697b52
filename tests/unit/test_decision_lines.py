"""Asked what was decided about something, the minutes' labelled decision line writing it leads
the quote (decision_lines.py, answering.decision_first): "What was decided about the railing?"
quoted the discussion "The architect presented two options for the railing…" (rated .46) over
"DECISION: The railing will be a stainless steel mesh…" (.06) in the s37 trial."""

from __future__ import annotations

import numpy as np
import pytest
from tests.one_document_banks import one_document_bank, sentence_opening

from citeqa.answering import Candidates, decision_first
from citeqa.decision_lines import asks_decision, decision_position, is_decision_line
from citeqa.sentences import ScoredSentence

MINUTES = (
    "# Minutes — Design review 12 March 2026\n"
    "\n"
    "## 1. Railing\n"
    "\n"
    "The architect presented two options for the railing: a mesh and balusters.\n"
    "\n"
    "DECISION: The railing will be a stainless steel mesh with a timber handrail.\n"
    "\n"
    "## 2. Lighting\n"
    "\n"
    "The lighting consultant was absent.\n"
    "\n"
    "DECISION: Lighting design to be reviewed at the next meeting.\n"
)


@pytest.mark.parametrize(
    ("line", "labelled"),
    [
        ("DECISION: The railing will be a stainless steel mesh.", True),
        ("Décision : L'éclairage sera intégré à la main courante.", True),
        ("**Agreed:** the budget is 12 000 €.", True),
        ("- Décisions prises : report de la réunion.", True),
        ("The decision was postponed.", False),
        ("ACTION: Priya Raman to send the drainage details.", False),
    ],
)
def test_a_decision_line_opens_with_its_label(line: str, labelled: bool) -> None:
    assert is_decision_line(line) is labelled


def test_a_question_asks_what_was_decided_by_its_words() -> None:
    assert asks_decision("What was decided about the railing?")
    assert asks_decision("Qu'a-t-on décidé pour l'éclairage ?")
    assert asks_decision("Quelle décision a été prise sur le revêtement ?")
    assert not asks_decision("How wide is the deck?")
    assert asks_decision("What was agreed for the contractor's budget?")
    assert not asks_decision("Who decides on refunds?")
    assert not asks_decision("What was the outcome of the vote?")
    assert not asks_decision("How was the dispute resolved?")


def test_the_decision_line_writing_the_asked_subject_is_found() -> None:
    texts = [
        "The architect presented two options for the railing: a mesh and balusters.",
        "DECISION: Lighting design to be reviewed at the next meeting.",
        "DECISION: The railing will be a stainless steel mesh with a timber handrail.",
    ]
    assert decision_position("What was decided about the railing?", texts) == 2
    assert decision_position("What was decided about the lighting?", texts) == 1
    assert decision_position("What was decided?", texts) == 1
    assert decision_position("What are the options for the railing?", texts) is None
    assert decision_position("What was decided about the budget?", texts) is None


def test_the_decision_leads_the_quote_over_the_discussion_rated_higher() -> None:
    bank = one_document_bank(MINUTES, "md", "Minutes — Design review 12 March 2026")
    order = ["The architect", "DECISION: Lighting", "DECISION: The railing"]
    items = [ScoredSentence(sentence_opening(bank, w), 1.0, 0.0, 0.0, 0.0, 1) for w in order]
    candidates = Candidates(items, np.array([0.46, 0.1, 0.06]), np.zeros((3, 2)))
    ranked = decision_first(candidates, bank, "What was decided about the railing?")
    assert bank.text(ranked.sentences[0].index).startswith("DECISION: The railing")
    assert ranked.probabilities[0] == pytest.approx(0.46)
    assert max(ranked.probabilities[1:]) <= 0.23
    same = decision_first(candidates, bank, "What options were presented for the railing?")
    assert same is candidates


def test_a_decision_line_about_another_subject_never_leads() -> None:
    agreed = "The contractor's budget was agreed at £40,000 after a long discussion."
    rose = "The contractor's budget rose to £40,000."
    lighting = "DECISION: The budget for the lighting is postponed to the next meeting."
    contractor = "DECISION: The contractor's budget is capped at £40,000."
    asked = "What was agreed for the contractor's budget?"
    assert decision_position(asked, [agreed, contractor]) is None
    assert decision_position(asked, [rose, lighting]) is None
    assert decision_position(asked, [rose, lighting, contractor]) == 2
    assert decision_position("What was decided about the budget?", [rose, lighting]) == 1
