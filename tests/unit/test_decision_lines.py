"""Asked what was decided about something, the minutes' labelled decision line writing it leads
the quote (decision_lines.py, promotions.decision_first): "What was decided about the railing?"
quoted the discussion "The architect presented two options for the railing…" (rated .46) over
"DECISION: The railing will be a stainless steel mesh…" (.06) in the s37 trial."""

from __future__ import annotations

import numpy as np
import pytest
from tests.one_document_banks import one_document_bank, sentence_opening

from citeqa.candidates import Candidates
from citeqa.decision_lines import asks_decision, decision_position, is_decision_line
from citeqa.lexical import tokenize
from citeqa.promotions import decision_first
from citeqa.questions import Vocabulary, analyse
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


SPRINT_REVIEW = (
    "# Sprint 24 review — 2 March 2026\n"
    "\n"
    "## Review\n"
    "\n"
    "Load test of the release candidate passed at 250 requests per second.\n"
    "\n"
    "## Decisions\n"
    "\n"
    "The release moves from 17 March to 24 March.\n"
    "\n"
    "We keep Redis Streams; going back to RabbitMQ was discussed and rejected.\n"
    "\n"
    "## Next\n"
    "\n"
    "Next sprint review: 16 March 2026 at 14:00.\n"
)
RETRO = (
    "# Rétro sprint 25\n"
    "\n"
    "## Décisions à prendre\n"
    "\n"
    "Faut-il garder les réunions du vendredi matin ?\n"
    "\n"
    "## Décisions\n"
    "\n"
    "On arrête les réunions le vendredi après-midi.\n"
    "\n"
    "## Suite\n"
    "\n"
    "Prochaine revue de sprint : les réunions reprennent le 13 avril.\n"
)


def test_a_bare_verb_after_did_asks_what_was_decided() -> None:
    assert asks_decision("What did we decide about RabbitMQ?")
    assert asks_decision("what did the sprint 24 review decide about going back to rabbitmq")
    assert asks_decision("What did the board agree on the budget?")
    assert not asks_decision("Who will decide on refunds?")
    assert not asks_decision("How do we decide which broker to use?")


def test_a_line_flagged_under_a_decisions_heading_is_a_decision_line() -> None:
    texts = [
        "Next sprint review: 16 March 2026 at 14:00.",
        "We keep Redis Streams; going back to RabbitMQ was discussed and rejected.",
    ]
    asked = "What did the sprint 24 review decide about going back to RabbitMQ?"
    assert decision_position(asked, texts) is None
    assert decision_position(asked, texts, [False, True]) == 1
    french = ["Prochaine revue : le 13 avril.", "On arrête les réunions le vendredi après-midi."]
    question = "Qu'a décidé la rétro sur les réunions du vendredi ?"
    assert decision_position(question, french, [False, True]) == 1
    assert decision_position("How wide is the deck?", texts, [True, True]) is None


def test_a_decision_line_writes_what_its_document_name_writes() -> None:
    texts = ["Next sprint review: 16 March 2026 at 14:00.", "The release moves to 24 March."]
    asked = "What was decided at the sprint 24 review?"
    assert decision_position(asked, texts, [False, True]) is None
    name = "Sprint 24 review — 2 March 2026\n2026-03-02_sprint-24"
    assert decision_position(asked, texts, [False, True], ["", name]) == 1
    assert decision_position(asked, texts, [False, False], ["", name]) is None


def _first_after_decision_first(text: str, title: str, order: list[str], asked: str) -> str:
    bank = one_document_bank(text, "md", title)
    items = [ScoredSentence(sentence_opening(bank, w), 1.0, 0.0, 0.0, 0.0, 1) for w in order]
    rated = np.linspace(0.5, 0.1, len(items))
    ranked = decision_first(Candidates(items, rated, np.zeros((len(items), 2))), bank, asked)
    return bank.text(ranked.sentences[0].index)


def test_the_line_under_a_decisions_heading_leads_the_quote() -> None:
    order = ["Next sprint review", "Load test", "We keep"]
    title = "Sprint 24 review — 2 March 2026"
    asked = "what did the sprint 24 review decide about going back to rabbitmq"
    assert _first_after_decision_first(SPRINT_REVIEW, title, order, asked).startswith("We keep")
    asked = "What was decided at the sprint 24 review?"
    first = _first_after_decision_first(SPRINT_REVIEW, title, ["Next sprint", "The release"], asked)
    assert first.startswith("The release")


def test_a_line_under_decisions_still_to_take_or_asking_is_no_decision() -> None:
    asked = "Qu'a décidé la rétro sur les réunions du vendredi ?"
    order = ["Prochaine revue", "Faut-il", "On arrête"]
    first = _first_after_decision_first(RETRO, "Rétro sprint 25", order, asked)
    assert first.startswith("On arrête")
    first = _first_after_decision_first(RETRO, "Rétro sprint 25", order[:2], asked)
    assert first.startswith("Prochaine revue")


def _analysed(question: str, texts: list[str]) -> list[str]:
    frequency: dict[str, int] = {}
    for text in texts:
        for token in set(tokenize(text, "en")) | set(tokenize(text, "fr")):
            frequency[token] = frequency.get(token, 0) + 1
    return analyse(question, None, Vocabulary(texts, frequency, len(texts))).absent


def test_a_decision_word_the_corpus_never_writes_is_no_absent_word_when_it_writes_another() -> None:
    minutes = ["Décision : L'éclairage sera intégré à la main courante.", "Le garde-corps."]
    assert "décidé" not in _analysed("Qu'a-t-on décidé pour l'éclairage ?", minutes)
    english = ["DECISION: The lighting will be integrated in the handrail."]
    assert "agreed" not in _analysed("What was agreed about the lighting?", english)
    plain = ["L'éclairage sera intégré à la main courante.", "Le garde-corps."]
    assert "décidé" in _analysed("Qu'a-t-on décidé pour l'éclairage ?", plain)
    assert "parking" in _analysed("Qu'a-t-on décidé pour le parking ?", minutes)


def test_a_document_name_adds_only_to_a_line_writing_a_subject_word_itself() -> None:
    asked = "Did the board agree to the merger?"
    texts = ["The board met on Monday.", "DECISION: The 2026 budget is approved at 40,000."]
    name = "Board minutes — merger review\nboard-merger"
    assert decision_position(asked, texts, [False, False], ["", name]) is None
    french = ["Le conseil s'est réuni lundi.", "Décision : le budget 2026 est adopté."]
    asked = "Le conseil a-t-il validé la fusion ?"
    assert decision_position(asked, french, [False, False], ["", "Conseil — fusion"]) is None


def test_only_a_verb_asking_a_decision_is_dropped_unused_not_validated_or_retained() -> None:
    minutes = ["Décision : L'éclairage sera intégré à la main courante.", "Le garde-corps."]
    assert "validé" in _analysed("Qu'a-t-on validé pour l'éclairage ?", minutes)
    assert "retenu" in _analysed("Qu'a-t-on retenu pour l'éclairage ?", minutes)
    assert "décidé" not in _analysed("Qu'a-t-on décidé pour l'éclairage ?", minutes)
    english = ["DECISION: The lighting will be integrated in the handrail."]
    assert "decided" not in _analysed("What was decided about the lighting?", english)
