"""CI floors for every evaluation set, on the quick subsets (`citeqa eval --sets all --quick`).

Builds real indexes (default channel) of small copies of each corpus in a temporary folder, runs
the test half of every registered set cut to its quick subset (citeqa only, no peers), and fails
when a figure falls below its floor in evals/floors-corpora.json (or a false-abstention rate
rises above its ceiling). Every answerable set is also asked mid-session (each standalone
answerable question right after another one, in one session): the share answered as when asked
fresh must stay above its floor (`mid_session`). The sets kept out of `--sets all` (tables, notes,
research, sheets, admin) are run and floored too; those but tables are registered `quick_whole`, so
each runs whole (every note of the vault, every file of the research folder, every question of
its test half). Raise floors when a change measurably improves the figures; never lower them
to let a regression land.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citeqa.config import Settings
from citeqa.evaluation.corpora import CITEQA, CorporaReport, evaluate_corpora
from citeqa.evaluation.quick import QUICK_DOCS, QUICK_QUESTIONS, make_quick_sets, plan_quick_sets
from citeqa.evaluation.sets import load_sets, set_names

ROOT = Path(__file__).resolve().parents[2]
FLOORS = json.loads((ROOT / "evals" / "floors-corpora.json").read_text(encoding="utf-8"))

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> CorporaReport:
    folder = tmp_path_factory.mktemp("eval-quick")
    every = load_sets(split=FLOORS["split"], every=True)
    plans = plan_quick_sets(every, folder / "corpora", QUICK_DOCS, QUICK_QUESTIONS)
    sets = make_quick_sets(plans)
    return evaluate_corpora(sets, Settings(), folder / "cache", split=FLOORS["split"], peers=False,
                            also_mid_session=True)  # fmt: skip


def test_every_registered_set_has_floors() -> None:
    assert set(FLOORS["floors"]) == set(set_names(every=True))
    answerable = {s.name for s in load_sets(every=True) if s.kind == "answerable"}
    assert set(FLOORS["mid_session"]) == answerable
    assert (FLOORS["docs"], FLOORS["questions"]) == (QUICK_DOCS, QUICK_QUESTIONS)


def test_every_set_stays_above_its_floors(report: CorporaReport) -> None:
    failures = []
    for s in report.sets:
        metrics = s.systems[CITEQA]
        print(f"\n{s.name} (n={s.n})")
        for metric, floor in FLOORS["floors"][s.name].items():
            value = getattr(metrics, metric)
            print(f"  {metric:<24} {value}  (floor {floor})")
            if value is None or value < floor:
                failures.append(f"{s.name}: {metric} = {value} is below its floor {floor}")
        for metric, ceiling in FLOORS.get("ceilings", {}).get(s.name, {}).items():
            value = getattr(metrics, metric)
            print(f"  {metric:<24} {value}  (ceiling {ceiling})")
            if value is None or value > ceiling:
                failures.append(f"{s.name}: {metric} = {value} is above its ceiling {ceiling}")
    assert not failures, "; ".join(failures)


def test_standalone_questions_keep_their_answer_mid_session(report: CorporaReport) -> None:
    failures = []
    for s in report.sets:
        if s.name not in FLOORS["mid_session"]:
            assert s.mid_session is None or s.mid_session.asked == 0, s.name
            continue
        figures, floor = s.mid_session, FLOORS["mid_session"][s.name]
        assert figures is not None and figures.asked >= 10, s.name
        print(
            f"\n{s.name}: {figures.same} of {figures.asked} the same (floor {floor}), "
            f"{figures.read_as_follow_up} read as follow-ups; changed: {figures.changed}"
        )
        if figures.same_share is None or figures.same_share < floor:
            failures.append(f"{s.name}: mid-session share {figures.same_share} is below {floor}")
    assert not failures, "; ".join(failures)


def test_every_quick_set_has_questions_and_valid_citations(report: CorporaReport) -> None:
    assert {s.name for s in report.sets} == set(set_names(every=True))
    for s in report.sets:
        assert s.n >= 10, s.name
        assert s.systems[CITEQA].citation_validity in (None, 1.0), s.name
