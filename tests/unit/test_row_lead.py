"""row_lead.leading_rows_kept before answering.choose: a shorter neighbouring row of the first
row's table, writing fewer of the question's words and numbers, does not lead the quote (s35
trial a59: the "échelon 1" row quoted for "échelon 2" because it was one character shorter)."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from citeqa.answering import choose
from citeqa.candidates import Candidates, subset
from citeqa.questions import QuestionTerms
from citeqa.row_lead import leading_rows_kept
from citeqa.sentences import ScoredSentence

QUESTION = "Quel est le salaire d'un animateur jeunesse échelon 2 ?"
TERMS = QuestionTerms(
    focus=QUESTION,
    terms=[
        (frozenset({"salair"}), 1.7),
        (frozenset({"animateur"}), 1.4),
        (frozenset({"jeuness"}), 1.4),
        (frozenset({"echelon"}), 2.3),
        (frozenset({"2"}), 0.9),
    ],
    focus_terms=5,
)
LEAD = 0.9


def _bank(lines: list[tuple[str, str, frozenset[str]]]) -> SimpleNamespace:
    """A stand-in sentence bank: each sentence's document, text and tokens."""
    return SimpleNamespace(
        text=lambda index: lines[index][1],
        sentences=[SimpleNamespace(doc_id=doc, start=100 * n) for n, (doc, *_) in enumerate(lines)],
        tokens=[tokens for _, _, tokens in lines],
    )


def _candidates(probabilities: list[float]) -> Candidates:
    sentences = [ScoredSentence(n, p, 0.0, 0.0, 0.0, 0) for n, p in enumerate(probabilities)]
    count = len(probabilities)
    return Candidates(sentences, np.array(probabilities), np.zeros((count, 1)))


def _quote(bank: SimpleNamespace, candidates: Candidates) -> str:
    rows = leading_rows_kept(candidates, bank, TERMS, LEAD)  # type: ignore[arg-type]
    kept = candidates if rows is None else subset(candidates, rows)
    chosen = choose(kept, bank, 1, 1.0, 400, LEAD)  # type: ignore[arg-type]
    return str(bank.text(chosen[0].index))


ROW_TWO = "| Animateur·rice jeunesse | 2 | 4 ans | 2 236,75 |"
ROW_ONE = "| Animateur·rice jeunesse | 1 | 0 an | 2 110,00 |"
ROW_TOKENS = frozenset({"animateur", "jeuness", "rice", "an"})


def test_the_row_keyed_by_the_asked_value_leads_over_a_shorter_neighbour() -> None:
    bank = _bank(
        [
            ("grille.csv", ROW_TWO, ROW_TOKENS | {"2", "4"}),
            ("grille.csv", ROW_ONE, ROW_TOKENS | {"0", "1", "2"}),
        ]
    )
    candidates = _candidates([0.675, 0.648])
    assert choose(candidates, bank, 1, 1.0, 400, LEAD)[0].index == 1  # type: ignore[arg-type]
    assert _quote(bank, candidates) == ROW_TWO


def test_a_number_counts_whole_not_by_its_first_digits() -> None:
    """ "2 110,00" writes 2110, not the asked "2": the row keyed by 1 holds no asked number."""
    bank = _bank(
        [
            ("grille.csv", ROW_TWO, ROW_TOKENS),
            ("grille.csv", ROW_ONE, ROW_TOKENS),
        ]
    )
    assert _quote(bank, _candidates([0.675, 0.648])) == ROW_TWO


def test_a_shorter_row_of_another_document_still_leads() -> None:
    bank = _bank(
        [
            ("grille.csv", ROW_TWO, ROW_TOKENS),
            ("ancienne_grille.csv", ROW_ONE, ROW_TOKENS),
        ]
    )
    assert _quote(bank, _candidates([0.675, 0.648])) == ROW_ONE


def test_a_shorter_row_writing_as_much_still_leads() -> None:
    same = "| Animateur·rice jeunesse | 2 | 4 ans | 2 236 |"
    bank = _bank([("grille.csv", ROW_TWO, ROW_TOKENS), ("grille.csv", same, ROW_TOKENS)])
    assert _quote(bank, _candidates([0.675, 0.648])) == same


def test_after_prose_the_shortest_near_best_sentence_leads() -> None:
    prose = "Le salaire d'un animateur jeunesse à l'échelon 2 est fixé par la grille."
    bank = _bank([("note.txt", prose, ROW_TOKENS), ("grille.csv", ROW_ONE, ROW_TOKENS)])
    assert _quote(bank, _candidates([0.675, 0.648])) == ROW_ONE
