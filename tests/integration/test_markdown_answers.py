"""Answers from markdown with the real model: a pipe table's row is quoted with its header row
as its context (one citation, the header verbatim at its own offsets; the session-11 trial saw
the header as a citation of its own) and never with the `|---|` rule, the row holding the
asked name wins, and a citation's section is the nearest heading above the quote (found by
the session-7 user trial)."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

GARDEN = """# Riverside Garden Club

## Tomato trial 2025

We grew four varieties in the south beds this summer.

| Variety | Yield per plant (kg) | Days to harvest |
|------|------|------|
| Roma | 5.6 | 75 |
| Sungold | 3.2 | 57 |
| Brandywine | 4.1 | 90 |
| Cherokee Purple | 3.8 | 80 |

## About the club

The club meets every Tuesday evening at the community hall. Membership costs 20 dollars a year.
"""
JARDIN = """# Club de jardinage de la Rivière

Le club rassemble les jardiniers amateurs du quartier depuis de nombreuses années.

## Histoire

Le club a été fondé en 1987 par trois voisines passionnées de roses anciennes.

## Activités

Les membres organisent une bourse aux graines chaque printemps dans la salle communale.
"""
HEADER = "| Variety | Yield per plant (kg) | Days to harvest |"


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"garden.md": GARDEN, "jardin.md": JARDIN}
    return assistant_over(
        files, tmp_path_factory.mktemp("garden"), tmp_path_factory.mktemp("index")
    )


@pytest.mark.parametrize(
    ("question", "row"),
    [
        ("What is the yield per plant of Roma tomatoes?", "| Roma | 5.6 | 75 |"),
        ("How many days to harvest for Brandywine?", "| Brandywine | 4.1 | 90 |"),
    ],
)
def test_a_table_row_comes_with_its_header_as_context_and_never_the_rule(
    assistant: Assistant, question: str, row: str
) -> None:
    answer = assistant.ask(question)
    assert not answer.abstained
    quotes = [c.quote for c in answer.citations]
    assert quotes == [row]
    header = answer.citations[0].header
    assert header is not None and header.text == HEADER
    assert answer.answer == f"“{HEADER}” “{row}” [1]"
    assert "---" not in answer.answer
    text = Path(answer.citations[0].path).read_text(encoding="utf-8")
    assert all(text[c.start : c.end] == c.quote for c in answer.citations)
    assert text[header.start : header.end] == HEADER


def test_prose_after_a_table_is_quoted_without_its_rows(assistant: Assistant) -> None:
    answer = assistant.ask("When does the club meet?")
    assert not answer.abstained
    assert answer.citations[0].quote.endswith("Membership costs 20 dollars a year.")
    assert "|" not in answer.answer


@pytest.mark.parametrize(
    ("question", "section"),
    [
        ("When does the club meet?", "About the club"),
        ("Quand le club a-t-il été fondé ?", "Histoire"),
        ("What is the yield per plant of Roma tomatoes?", "Tomato trial 2025"),
    ],
)
def test_a_citation_is_labelled_with_the_nearest_heading(
    assistant: Assistant, question: str, section: str
) -> None:
    answer = assistant.ask(question)
    assert not answer.abstained
    assert {c.section for c in answer.citations} == {section}
