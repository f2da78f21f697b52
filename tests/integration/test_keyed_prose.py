"""A question naming a table row's key quotes the prose sentence that answers it when the row
does not (keyed_prose.py; s47 trial on a course handbook: "How is ENV101 assessed?" quoted the
exam timetable's ENV101 row, not the module page's "ENV101 is assessed by …"), and the row
still when it holds what is asked ("When is the ENV101 exam?")."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

TIMETABLE = """module,title,date,start,duration,room
ENV101,Earth Systems,2026-01-12,09:30,2h,Great Hall
ENV220,Environmental Economics,2026-01-14,14:00,2h,Roscoe LT1
ENV310,Climate Change Policy,2026-01-16,09:30,1h30,Roscoe LT3
"""
ENV101 = """# ENV101 Earth Systems

Credits: 30
Convenor: Dr Samuel Okafor

## Description

The module introduces the atmosphere, hydrosphere, lithosphere and biosphere.

## Assessment

ENV101 is assessed by a lab portfolio worth 40% and a two-hour written exam worth 60%.
"""
ENV310 = """# ENV310 Climate Change Policy

Credits: 15
Prerequisites: ENV101 Earth Systems and ENV220 Environmental Economics

## Assessment

ENV310 is assessed by a policy brief (50%) and a 90-minute exam (50%).
"""
ASSESSED = "ENV101 is assessed by a lab portfolio worth 40% and a two-hour written exam worth 60%."


@pytest.fixture(scope="module")
def handbook(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"exam-timetable.csv": TIMETABLE, "ENV101.md": ENV101, "ENV310.md": ENV310}
    return assistant_over(files, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i"))


def test_the_prose_naming_the_key_answers_what_the_row_does_not(handbook: Assistant) -> None:
    answer = handbook.ask("How is ENV101 assessed?")
    assert not answer.abstained, answer.reason
    assert [c.quote for c in answer.citations] == [ASSESSED]


@pytest.mark.parametrize("question", ["When is the ENV101 exam?", "Where is the ENV101 exam?"])
def test_the_row_still_answers_what_it_holds(handbook: Assistant, question: str) -> None:
    answer = handbook.ask(question)
    assert not answer.abstained, answer.reason
    assert "2026-01-12" in answer.citations[0].quote
