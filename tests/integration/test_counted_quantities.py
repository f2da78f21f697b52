"""A question asking how many of a thing quotes the sentence writing a figure of that thing,
not a near-best writing a figure of something else (quantities.counted_holder; s48 trial c03:
"How many bananas do I need for banana bread?" quoted "Makes one 900 g (2 lb) loaf. Prep 15
minutes, bake 60 minutes." over the ingredient line "- 3 very ripe bananas")."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

# Shorter than test_asked_temperatures.py's banana bread on purpose: with that one's whole method
# the ingredient line is quoted on main too, so this test would not show the fix.
BANANA_BREAD = (
    "# Banana bread\n\n"
    "Makes one 900 g (2 lb) loaf. Prep 15 minutes, bake 60 minutes.\n\n"
    "## Ingredients\n"
    "- 3 very ripe bananas (about 350 g peeled)\n"
    "- 75 g melted butter\n"
    "- 150 g light brown sugar\n"
    "- 1 large egg, beaten\n"
    "- 190 g plain flour\n\n"
    "## Method\n"
    "1. Mash the bananas with a fork in a large bowl.\n"
    "2. Stir in the melted butter, then the sugar and the egg.\n"
)
QUICHE = (
    "# Quiche lorraine\n\n"
    "Pour 6 personnes. Préparation : 20 minutes. Cuisson : 40 minutes.\n\n"
    "## Ingrédients\n"
    "- 1 pâte brisée\n"
    "- 200 g de lardons fumés\n"
    "- 3 gros œufs frais\n"
    "- 20 cl de crème fraîche\n"
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(
        {"banana-bread.md": BANANA_BREAD, "quiche.md": QUICHE},
        tmp_path_factory.mktemp("recipes"),
        tmp_path_factory.mktemp("index"),
    )


@pytest.mark.parametrize(
    ("question", "counted"),
    [
        ("How many bananas do I need for the banana bread?", "3 very ripe bananas"),
        ("Combien d'œufs faut-il pour la quiche lorraine ?", "3 gros œufs"),
    ],
)
def test_the_figure_of_the_counted_thing_is_quoted(
    folder: Assistant, question: str, counted: str
) -> None:
    answer = folder.ask(question)
    assert not answer.abstained, answer.reason
    assert counted in answer.citations[0].quote, [c.quote for c in answer.citations]


def test_a_count_of_no_written_thing_keeps_its_quantity(folder: Assistant) -> None:
    """ "Combien de personnes" is written as "Pour 6 personnes": the serving line stays."""
    answer = folder.ask("Pour combien de personnes est la quiche lorraine ?")
    assert not answer.abstained, answer.reason
    assert "6 personnes" in answer.citations[0].quote
