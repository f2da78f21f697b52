"""A plain-text manual or leaflet heads its sections with lines in capitals and no blank line
("CLEANING" over "Switch the purifier off…"): each is a heading (blocks._capitals_over_prose,
CUTTING_VERSION 29), so a quote keeps to its section and names it. Before, "How do I clean the
purifier?" quoted "Do not use the purifier in a bathroom…" of the section above, then
"CLEANING", then its answer, under the manual's title."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from citeqa.blocks import split_blocks
from small_corpora import assistant_over

MANUAL = (
    "AIRPURE 300 AIR PURIFIER - USER MANUAL\n\n"
    "SAFETY\n"
    "Read all instructions before using the purifier.\n"
    "Do not use the purifier in a bathroom or near a source of water.\n"
    "CLEANING\n"
    "Switch the purifier off and unplug it before cleaning.\n"
    "Wipe the outer casing with a soft dry cloth once a month.\n"
    "FILTER REPLACEMENT\n"
    "Replace the HEPA filter every 12 months, or sooner when the filter light turns red.\n"
    "WARRANTY\n"
    "The purifier is guaranteed for 2 years from the date of purchase against manufacturing"
    " defects.\n"
)
LEAFLET = (
    "ADVIL 200 mg, comprimé enrobé\nIbuprofène\n\n"
    "POSOLOGIE\n"
    "La dose habituelle est de 1 à 2 comprimés par prise, à renouveler si besoin au bout de 6"
    " heures.\n"
    "Ne pas dépasser 6 comprimés par jour.\n"
    "CONTRE-INDICATIONS\n"
    "Ne prenez jamais Advil à partir du 6e mois de grossesse, ni en cas d'ulcère de l'estomac.\n"
)
LICENCE = (
    "THE SOFTWARE IS PROVIDED AS IS, WITHOUT WARRANTY OF ANY KIND, EXPRESS OR\n"
    "IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY.\n"
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(
        {"airpure.txt": MANUAL, "advil.txt": LEAFLET},
        tmp_path_factory.mktemp("manuals"),
        tmp_path_factory.mktemp("index"),
    )


def test_a_quote_keeps_to_the_section_its_capitals_heading_opens(folder: Assistant) -> None:
    answer = folder.ask("How do I clean the purifier?")
    assert not answer.abstained, answer.reason
    quote = answer.citations[0]
    assert quote.quote.startswith("Switch the purifier off"), quote.quote
    assert "bathroom" not in quote.quote and "CLEANING" not in quote.quote
    assert quote.section == "CLEANING"


@pytest.mark.parametrize(
    ("question", "section"),
    [
        ("Quelles sont les contre-indications d'Advil ?", "CONTRE-INDICATIONS"),
        ("How often should I replace the filter?", "FILTER REPLACEMENT"),
    ],
)
def test_the_citation_names_the_capitals_heading(
    folder: Assistant, question: str, section: str
) -> None:
    answer = folder.ask(question)
    assert not answer.abstained, answer.reason
    assert answer.citations[0].section == section


def test_a_paragraph_in_capitals_is_no_heading_over_itself() -> None:
    """A licence's paragraph in capitals: its first line stands over no lower-case prose."""
    assert [block.kind for block in split_blocks(LICENCE)] == ["text"]
