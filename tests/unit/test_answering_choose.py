"""Choosing the sentences to quote: the best one (by the learned ranker, or by the hand
score), then close ones within the quote budget."""

from __future__ import annotations

from dataclasses import dataclass, replace
from types import SimpleNamespace

import numpy as np

from citeqa.answering import _writes_asked_kinds, choose, choose_by_score, looked_up
from citeqa.candidates import Candidates
from citeqa.sentences import ScoredSentence


@dataclass
class _Span:
    doc_id: str
    start: int
    end: int


class _Bank:
    """Just what `choose` reads of a SentenceBank: each sentence's document, span and text
    (its length shown: answering._length)."""

    def __init__(self, lengths: list[int]) -> None:
        self.sentences, start = [], 0
        for length in lengths:
            self.sentences.append(_Span("doc", start, start + length))
            start += length + 1

    def text(self, index: int) -> str:
        sentence = self.sentences[index]
        return "x" * (sentence.end - sentence.start)


def scored(index: int, score: float) -> ScoredSentence:
    return ScoredSentence(
        index=index, score=score, semantic=0.0, coverage=0.0, context=0.0, passage_rank=1
    )


def test_close_sentences_join_while_the_budget_allows() -> None:
    bank = _Bank([100, 120, 90, 200])
    ranked = [scored(1, 1.0), scored(0, 0.89), scored(2, 0.88), scored(3, 0.87)]
    chosen = choose_by_score(ranked, bank, limit=3, budget=250)  # type: ignore[arg-type]
    assert [s.index for s in chosen] == [0, 1]  # 120 + 100; 90 more would pass 250


def test_a_shorter_sentence_further_down_still_fits() -> None:
    bank = _Bank([100, 200, 40])
    ranked = [scored(0, 1.0), scored(1, 0.89), scored(2, 0.88)]
    chosen = choose_by_score(ranked, bank, limit=3, budget=150)  # type: ignore[arg-type]
    assert [s.index for s in chosen] == [0, 2]


def test_the_best_sentence_is_quoted_whatever_its_length() -> None:
    bank = _Bank([900, 50])
    chosen = choose_by_score([scored(0, 1.0), scored(1, 0.89)], bank, limit=3, budget=250)  # type: ignore[arg-type]
    assert [s.index for s in chosen] == [0]


def test_a_distant_score_never_joins() -> None:
    bank = _Bank([50, 50])
    chosen = choose_by_score([scored(0, 1.0), scored(1, 0.5)], bank, limit=3, budget=10_000)  # type: ignore[arg-type]
    assert [s.index for s in chosen] == [0]


def test_the_shortest_of_the_near_best_leads_and_the_top_one_may_follow() -> None:
    bank = _Bank([300, 120, 100])
    ranked = [scored(0, 1.0), scored(1, 0.92), scored(2, 0.5)]
    chosen = choose_by_score(ranked, bank, limit=3, budget=250)  # type: ignore[arg-type]
    assert [s.index for s in chosen] == [1]  # 120 leads; 300 more would pass the budget
    chosen = choose_by_score(ranked, bank, limit=3, budget=500)  # type: ignore[arg-type]
    assert [s.index for s in chosen] == [0, 1]


def candidates(*pairs: tuple[int, float]) -> Candidates:
    """Candidates best first by the ranker's probability (rows are not read by `choose`)."""
    import numpy as np

    return Candidates(
        [scored(i, 0.0) for i, _ in pairs], np.array([p for _, p in pairs]), np.zeros((0, 0))
    )


def test_the_ranker_s_best_leads_and_near_ones_join_within_the_budget() -> None:
    bank = _Bank([100, 120, 90])
    found = candidates((1, 0.8), (0, 0.75), (2, 0.74))
    chosen = choose(found, bank, limit=3, ratio=0.9, budget=250)  # type: ignore[arg-type]
    assert [s.index for s in chosen] == [0, 1]  # 120 + 100 in reading order; 90 would pass


def test_with_ratio_above_one_only_the_ranker_s_best_is_quoted() -> None:
    bank = _Bank([50, 50])
    found = candidates((1, 0.9), (0, 0.9))
    chosen = choose(found, bank, limit=3, ratio=1.01, budget=10_000)  # type: ignore[arg-type]
    assert [s.index for s in chosen] == [1]


def test_the_shortest_of_the_near_best_leads_when_a_lead_ratio_is_set() -> None:
    bank = _Bank([300, 80, 60])
    candidates = Candidates(
        [scored(0, 0.0), scored(1, 0.0), scored(2, 0.0)],
        np.array([0.9, 0.8, 0.5]),
        np.zeros((3, 1)),
    )
    by_best = choose(candidates, bank, limit=3, ratio=1.01, budget=250)  # type: ignore[arg-type]
    assert [s.index for s in by_best] == [0]
    shortest = choose(candidates, bank, limit=3, ratio=1.01, budget=250, lead=0.85)  # type: ignore[arg-type]
    assert [s.index for s in shortest] == [1]  # 0.8 >= 0.85 * 0.9; 0.5 is too far behind
    joined = choose(candidates, bank, limit=3, ratio=0.5, budget=250, lead=0.85)  # type: ignore[arg-type]
    assert [s.index for s in joined] == [1, 2]  # the long best one no longer fits the budget


class _Lines:
    """Just what `looked_up` reads of a SentenceBank: each sentence's text and table (by
    default, every table row is of one table)."""

    def __init__(self, lines: list[str], tables: list[int | None] | None = None) -> None:
        self.lines = lines
        self.tables = tables or [0 if line.startswith("|") else None for line in lines]

    def text(self, index: int) -> str:
        return self.lines[index]

    def table_of(self, index: int) -> tuple[str, int, int] | None:
        table = self.tables[index]
        return None if table is None else ("doc", table, table)


def _candidates(
    order: list[int], probabilities: list[float], keyed: frozenset[int] = frozenset({0})
) -> Candidates:
    """Candidates in `order`; those in `keyed` are rows whose key the question names (the
    log_level row, unless told)."""
    rows = np.arange(len(order) * 2, dtype=np.float64).reshape(len(order), 2)
    sentences = [replace(scored(i, 0.0), names_key=i in keyed) for i in order]
    return Candidates(sentences, np.array(probabilities), rows)


LOG_ROWS = [
    "| `log_level` | info | One of debug, info, warn, error |",
    "| `log_max_size_mb` | 50 | Size at which the log file is rotated |",
    "The log_level option sets how much the agent logs.",
]


def test_a_lookup_quotes_the_rows_holding_the_asked_key_in_the_rankers_order() -> None:
    ranked = _candidates([1, 2, 0], [0.6, 0.5, 0.2])
    found = looked_up(ranked, _Lines(LOG_ROWS))  # type: ignore[arg-type]
    assert [s.index for s in found.sentences] == [0]
    assert found.probabilities.tolist() == [0.2] and found.rows.tolist() == [[4.0, 5.0]]


def test_a_lookup_quotes_the_asked_row_over_the_prose_around_its_table() -> None:
    prose_first = _candidates([2, 1, 0], [0.6, 0.5, 0.2])
    found = looked_up(prose_first, _Lines(LOG_ROWS))  # type: ignore[arg-type]
    assert [s.index for s in found.sentences] == [0]
    assert found.probabilities.tolist() == [0.2] and found.rows.tolist() == [[4.0, 5.0]]


def test_after_prose_a_lookup_keeps_to_the_first_keyed_rows_table_in_the_rankers_order() -> None:
    lines = [*LOG_ROWS, "| `log_level` | warn | Level of the audit log |"]
    prose_first = _candidates([2, 3, 1, 0], [0.6, 0.5, 0.4, 0.2], frozenset({0, 3}))
    found = looked_up(prose_first, _Lines(lines, [0, 0, None, 1]))  # type: ignore[arg-type]
    assert [s.index for s in found.sentences] == [3]  # not the other table's log_level row
    together = looked_up(prose_first, _Lines(lines))  # type: ignore[arg-type]
    assert [s.index for s in together.sentences] == [3, 0]


def test_no_lookup_when_the_key_is_no_cell() -> None:
    unkeyed = _candidates([1, 0, 2], [0.6, 0.5, 0.2], frozenset())
    assert looked_up(unkeyed, _Lines(LOG_ROWS)) is unkeyed  # type: ignore[arg-type]


def test_a_leading_asked_row_drops_its_tables_other_rows_not_the_prose() -> None:
    """The asked row leads, a shorter row of its table close behind: `choose` takes the
    shortest of the near-best, and "Which agent was assigned HD-0007?" quoted HD-0008's row
    (s21 review); the prose around the table stays a candidate."""
    leading = _candidates([0, 1, 2], [0.6, 0.55, 0.2])
    found = looked_up(leading, _Lines(LOG_ROWS))  # type: ignore[arg-type]
    assert [s.index for s in found.sentences] == [0, 2]
    assert found.probabilities.tolist() == [0.6, 0.2]


def test_a_lookup_keeps_to_the_best_rows_table() -> None:
    ranked = _candidates([1, 2, 0], [0.6, 0.5, 0.2])
    apart = _Lines(LOG_ROWS, [0, 1, None])  # the log_level row in another table
    assert looked_up(ranked, apart) is ranked  # type: ignore[arg-type]


def test_a_lookup_finds_each_keyed_rows_table_once() -> None:
    """A keyed best row's table was looked up twice (once among the keyed rows, once as the
    best's); each sentence's table is now found once."""
    lines = [*LOG_ROWS, "| `log_level` | warn | Level of the audit log |"]
    asked: list[int] = []

    class Counting(_Lines):
        def table_of(self, index: int) -> tuple[str, int, int] | None:
            asked.append(index)
            return super().table_of(index)

    keyed_first = _candidates([3, 2, 1, 0], [0.6, 0.5, 0.4, 0.2], frozenset({0, 3}))
    found = looked_up(keyed_first, Counting(lines))  # type: ignore[arg-type]
    assert [s.index for s in found.sentences] == [3, 0]
    assert sorted(asked) == [0, 3]


class _Documents(_Lines):
    """A `_Lines` whose sentences stand in the documents `doc_ids`."""

    def __init__(self, lines: list[str], doc_ids: list[str]) -> None:
        super().__init__(lines)
        self.sentences = [SimpleNamespace(doc_id=doc_id) for doc_id in doc_ids]


def test_a_numbered_part_is_never_looked_up_in_another_documents_rows() -> None:
    """s19 trial: "l'étape 2 de la bascule de la téléphonie" quoted an incident's action item
    row "| 2 | Move all certificates … |" over the procedure's step 2 the ranker put first."""
    lines = ["2. Dans la console, activer le renvoi.", "| 2 | Move all certificates |"]
    bank = _Documents(lines, ["runbooks/bascule", "postmortems/INC-7"])
    ranked = _candidates([0, 1], [0.6, 0.5], frozenset({1}))
    step = "Quelle est l'étape 2 de la bascule de la téléphonie ?"
    assert looked_up(ranked, bank, step) is ranked  # type: ignore[arg-type]
    assert [s.index for s in looked_up(ranked, bank).sentences] == [1]  # type: ignore[arg-type]


def test_no_candidates_are_no_lookup() -> None:
    """s21 hostile probe: the passages of "What is c10?" to a sheet 3,500 columns wide held only
    pieces of its header row (a table's frame, no candidate), and looking up a row among no
    candidates raised an IndexError: the question is now left to abstain."""
    none = _candidates([], [])
    for focus in ("What is c10?", "Which pager rota covers payments?", "What is step 3?"):
        assert looked_up(none, _Lines(LOG_ROWS), focus) is none  # type: ignore[arg-type]


def test_a_headings_next_line_writing_money_alone_keeps_the_body_share() -> None:
    # review C: the s30 rule (a heading's body writing every asked kind takes its place however
    # rated) is for days, dates and rates; an amount is written under any heading
    assert not _writes_asked_kinds("Combien coûte la location ?", "| Salle | 350 € |")
    assert not _writes_asked_kinds("How much does the trip cost?", "Deposit: 50 €.")
    assert _writes_asked_kinds("Quel jour ont lieu les cours ?", "Cours le mercredi à 18 h.")
