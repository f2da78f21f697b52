"""The sentence of the right passage that answers is quoted, not its neighbour (s22 and s21
trials): a space-aligned table read from a PDF as plain lines quotes the row the question
names, with the line labelling its years, not that header line (answering.on_named_line,
keyed_lines.unnamed_keyed_line, keyed_lines.header_line); a heading the question matches gives
its place to the sentence under it, not to another document's (answering.quotable), but a
paper's title none to its authors' line (titleonly.heads_section); a figure's caption is no
answer (titleonly.without_titles)."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

REPORT = """2. The year in numbers
Table 2.1 summarises the headline figures of the year against those of 2024.

Table 2.1 Headline figures, 2025 and 2024
Indicator 2025 2024
Households connected (cumulative) 48,200 39,750
Water treated (million litres) 3,140 2,610
Boreholes drilled 37 29
Schools with sanitation blocks 126 98
Staff (full-time equivalent) 212 187
Volunteers 1,380 1,120
A household counts as connected when a working tap is within reach of the dwelling.

3.1 Rural boreholes
We drilled 37 new boreholes in 2025, 24 of them in Kisumu county and 13 in Siaya. The average
depth was 84 metres, deeper than planned because the dry season lowered the water table.

Figure 3.1 Boreholes drilled per quarter, 2023-2025 (bars) and average depth in metres (line)
"""

TARIFS = """Tarifs municipaux 2025-2026

Piscine municipale - entrées

Entrée Résident Non-résident
Adulte 3,50 € 5,00 €
Enfant (4 à 17 ans) 2,00 € 3,00 €
La piscine est ouverte du 14 juin au 7 septembre 2025.

Location de la salle des fêtes

Week-end : 350 € pour les habitants, 700 € pour les extérieurs ; caution de 1 000 €.
"""

PAPER = """Temperature limits for growth of Zymoseptoria tritici isolates
from four European countries
Sofia Marquez(1), Jonas Eriksen(2)
(1) Laboratory of Cereal Pathogen Genomics, University of Northbrook, UK

Abstract
We measured in vitro growth of 96 Z. tritici isolates between 5 and 30 °C. Optimal growth was at
18 °C; no isolate grew at 30 °C.
"""

PRICING = """# Plans

Extra build minutes cost $0.01 each. Annual billing gives two months free.
"""


@pytest.fixture(scope="module")
def trial(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {
        "report.txt": REPORT,
        "tarifs.txt": TARIFS,
        "pricing.md": PRICING,
        "ztritici.txt": PAPER,
    }
    corpus, index = tmp_path_factory.mktemp("right"), tmp_path_factory.mktemp("index")
    return assistant_over(files, corpus, index)


def test_a_row_of_a_plain_text_table_is_quoted_with_its_years_line(trial: Assistant) -> None:
    answer = trial.ask("How many volunteers were there in 2024?")
    assert not answer.abstained, answer.reason
    citation = answer.citations[0]
    assert citation.quote == "Volunteers 1,380 1,120"
    assert citation.header is not None and citation.header.text == "Indicator 2025 2024"


def test_the_sentence_under_a_matched_heading_is_quoted(trial: Assistant) -> None:
    answer = trial.ask("combien coute la location de la salle des fêtes")
    assert not answer.abstained, answer.reason
    assert answer.citations[0].quote.startswith("Week-end : 350 €")


def test_a_paper_s_title_gives_its_place_to_no_authors_line(trial: Assistant) -> None:
    answer = trial.ask("What is the optimal growth temperature of Zymoseptoria tritici isolates?")
    assert not answer.abstained, answer.reason
    assert "18 °C" in " ".join(citation.quote for citation in answer.citations)


def test_a_figure_s_caption_is_no_answer(trial: Assistant) -> None:
    answer = trial.ask("How deep were the new boreholes on average?")
    assert not answer.abstained, answer.reason
    quoted = " ".join(citation.quote for citation in answer.citations)
    assert "84 metres" in quoted and "Figure 3.1" not in quoted
    shown = trial.ask("What does Figure 3.1 show?")
    assert not shown.abstained, shown.reason
    assert shown.citations[0].quote.startswith("Figure 3.1 Boreholes drilled per quarter")


PROGRAMME = """# Borehole programme 2025

## Drilling

The utility drilled 42 new boreholes in the northern district during 2025.

Figure 3 shows that the average depth of the new boreholes was 84 metres.

## Fees

Table 2 lists the connection fee: 150 euros for a household.

Households in the south pay a water rate set by the council.
"""

RAPPORT = """# Rapport annuel 2025

## Tarifs

Tableau 2 : le branchement d'un foyer coûte 150 euros en 2025.

Les foyers du sud paient une redevance fixée par le conseil.

## Forages

Figure 4 Carte des forages du district nord, avec les puits taris en rouge.

Les forages du district nord ont été financés par la région.
"""


@pytest.fixture(scope="module")
def programme(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"programme.md": PROGRAMME, "rapport.md": RAPPORT}
    corpus, index = tmp_path_factory.mktemp("figures"), tmp_path_factory.mktemp("index")
    return assistant_over(files, corpus, index)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What is the connection fee?", "Table 2 lists the connection fee: 150 euros"),
        ("How deep were the new boreholes on average?", "Figure 3 shows that the average depth"),
        ("Combien coûte le branchement d'un foyer ?", "Tableau 2 : le branchement d'un foyer"),
    ],
)
def test_a_body_sentence_naming_a_figure_or_table_is_no_caption(
    programme: Assistant, question: str, expected: str
) -> None:
    answer = programme.ask(question)
    assert not answer.abstained, answer.reason
    assert answer.citations[0].quote.startswith(expected)


def test_a_caption_asked_about_by_its_words_is_quoted(programme: Assistant) -> None:
    answer = programme.ask("Quelle carte montre les puits taris ?")
    assert not answer.abstained, answer.reason
    assert answer.citations[0].quote.startswith("Figure 4 Carte des forages")


GYM = """# Gym

## Membership

A yearly membership costs 300 euros.

## Opening hours

Members can train every day.

The gym opens at 6:00 and closes at 22:00.
"""

POOL = """# Municipal pool

## Prices

An adult ticket costs 4 euros.
"""


def test_a_heading_gives_its_place_only_to_a_sentence_sharing_the_question_s_words(
    tmp_path: Path,
) -> None:
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    gym = assistant_over({"gym.md": GYM, "pool.md": POOL}, corpus, index)
    answer = gym.ask("What are the gym opening hours?")
    assert not answer.abstained, answer.reason
    assert answer.citations[0].quote.startswith("The gym opens at 6:00")
