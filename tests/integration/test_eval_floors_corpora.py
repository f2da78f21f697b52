"""CI floors for every evaluation set, on the quick subsets (`citeqa eval --sets all --quick`).

Builds real indexes (default channel) of small copies of each corpus in a temporary folder, runs
the test half of every registered set cut to its quick subset (citeqa only, no peers), and fails
when a figure falls below its floor in evals/floors-corpora.json (or a false-abstention rate
rises above its ceiling). Raise floors when a change measurably improves the figures; never
lower them to let a regression land.
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
    plans = plan_quick_sets(load_sets(split=FLOORS["split"]), folder / "corpora", QUICK_DOCS,
                            QUICK_QUESTIONS)  # fmt: skip
    sets = make_quick_sets(plans)
    return evaluate_corpora(sets, Settings(), folder / "cache", split=FLOORS["split"], peers=False)


def test_every_registered_set_has_floors() -> None:
    assert set(FLOORS["floors"]) == set(set_names())
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


def test_every_quick_set_has_questions_and_valid_citations(report: CorporaReport) -> None:
    assert {s.name for s in report.sets} == set(set_names())
    for s in report.sets:
        assert s.n >= 10, s.name
        assert s.systems[CITEQA].citation_validity in (None, 1.0), s.name
