"""A follow-up's follow-up asks of the latest subject (found by the s14 user trial: "Qui
entraîne les U13 ?", "Et les U17 ?", then "Et quand s'entraînent-ils ?" quoted the U13's
times, the session carrying both teams at one weight: followups.carried)."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

TEAMS = ("U13", "U15", "U17")
DAYS = {"U13": ("mardi", "Tuesday"), "U15": ("mercredi", "Wednesday"), "U17": ("jeudi", "Thursday")}
COACHES = {"U13": "Romain", "U15": "Sophie", "U17": "Marc"}


def _entries(lang: str) -> dict[str, str]:
    """One file a question, as the trial's club FAQ: each team's coach and training times."""
    files = {}
    for team in TEAMS:
        day = DAYS[team][lang == "en"]
        if lang == "fr":
            files[f"coach-{team}.md"] = (
                f"# Qui est l'entraîneur des {team} ?\n\n"
                f"L'équipe {team} est entraînée par {COACHES[team]}.\n"
            )
            files[f"times-{team}.md"] = (
                f"# Quand s'entraînent les {team} ?\n\n"
                f"L'équipe {team} s'entraîne le {day} de 18 h à 19 h 30.\n"
            )
        else:
            files[f"coach-{team}.md"] = (
                f"# Who coaches the {team}?\n\nThe {team} team is coached by {COACHES[team]}.\n"
            )
            files[f"times-{team}.md"] = (
                f"# When do the {team} train?\n\n"
                f"The {team} team trains on {day} from 6 to 7.30 pm.\n"
            )
    return files


@pytest.fixture(scope="module")
def clubs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Assistant]:
    """An assistant over each language's club FAQ, by language."""
    return {
        lang: assistant_over(
            _entries(lang), tmp_path_factory.mktemp(lang), tmp_path_factory.mktemp("i")
        )
        for lang in ("fr", "en")
    }


@pytest.mark.parametrize(
    ("lang", "questions"),
    [
        ("fr", ["Qui entraîne les U13 ?", "Et les U17 ?", "Et quand s'entraînent-ils ?"]),
        ("en", ["Who coaches the U13?", "And the U17?", "And when do they train?"]),
    ],
)
def test_a_follow_up_after_a_follow_up_asks_of_the_latest_subject(
    clubs: dict[str, Assistant], lang: str, questions: list[str]
) -> None:
    session = clubs[lang].session()
    answers = [session.ask(question) for question in questions]
    quotes = [citation.quote for citation in answers[2].citations]
    day = DAYS["U17"][lang == "en"]
    assert any("U17" in quote and day in quote for quote in quotes), quotes
    assert not any("U13" in quote for quote in quotes), quotes
    assert answers[2].read_with is not None and "U13" not in answers[2].read_with
