"""A question asking a temperature quotes the sentence writing one (asked_values.json's kind
`temperature`, s48 trial): "What temperature do I bake banana bread at?" quoted the recipe's
"Prep 15 minutes, bake 60 minutes", and "À quelle température cuire la tarte Tatin ?" its
"Laissez cuire 10 minutes à feu moyen", not the method's step preheating the oven, which
names none of the question's words and may stand in another passage of the recipe
(`whole_document`)."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

BANANA_BREAD = (
    "# Banana bread\n\n"
    "Makes one 900 g (2 lb) loaf. Prep 15 minutes, bake 60 minutes.\n\n"
    "## Ingredients\n"
    "- 3 very ripe bananas (about 350 g peeled)\n"
    "- 75 g melted butter\n"
    "- 150 g light brown sugar\n"
    "- 1 large egg, beaten\n"
    "- 1 teaspoon vanilla extract\n"
    "- 1 teaspoon bicarbonate of soda\n"
    "- a pinch of salt\n"
    "- 190 g plain flour\n\n"
    "## Method\n"
    "1. Preheat the oven to 175°C (155°C fan, gas mark 4) and line a loaf tin with baking paper.\n"
    "2. Mash the bananas with a fork in a large bowl.\n"
    "3. Stir in the melted butter, then the sugar, egg and vanilla.\n"
    "4. Sprinkle the bicarbonate of soda and salt over the mixture and mix in.\n"
    "5. Fold in the flour until just combined; do not overmix.\n"
    "6. Pour into the tin and bake for 55 to 65 minutes, until a skewer inserted in the middle"
    " comes out clean.\n"
    "7. Leave to cool in the tin for 10 minutes, then turn out onto a wire rack.\n\n"
    "Keeps for 4 days wrapped in foil, or 3 months in the freezer.\n"
)
TARTE_TATIN = (
    "# Tarte Tatin\n\n"
    "Pour 6 personnes. Préparation : 30 minutes. Cuisson : 45 minutes.\n\n"
    "## Ingrédients\n"
    "- 1 pâte brisée\n"
    "- 8 pommes Golden ou Reinette\n"
    "- 120 g de sucre\n"
    "- 80 g de beurre demi-sel\n\n"
    "## Préparation\n"
    "1. Préchauffez le four à 200 °C (thermostat 6-7).\n"
    "2. Dans un moule à manqué allant sur le feu, faites fondre le beurre avec le sucre jusqu'à"
    " obtenir un caramel blond.\n"
    "3. Épluchez les pommes, coupez-les en quartiers et disposez-les serrées sur le caramel.\n"
    "4. Laissez cuire 10 minutes à feu moyen.\n"
    "5. Recouvrez avec la pâte en rentrant les bords à l'intérieur du moule.\n"
    "6. Enfournez pour 35 minutes.\n"
    "7. Laissez tiédir 10 minutes puis retournez la tarte sur un plat de service.\n\n"
    "Servez tiède avec de la crème fraîche épaisse.\n"
)
COOKIES = (
    "<html><head><title>Chewy chocolate chip cookies</title></head><body>"
    "<h1>Chewy chocolate chip cookies</h1><p>Makes 24 cookies.</p>"
    "<h2>Method</h2>"
    "<p>Cream the butter and both sugars until pale, then beat in the eggs one at a time.</p>"
    "<p>Chill the dough for at least 1 hour; this stops the cookies spreading too much.</p>"
    "<p>Bake at 180°C (160°C fan) for 10 to 12 minutes, until golden at the edges.</p>"
    "</body></html>\n"
)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {
        "banana-bread.md": BANANA_BREAD,
        "tarte-tatin.md": TARTE_TATIN,
        "chocolate-chip-cookies.html": COOKIES,
    }
    return assistant_over(files, tmp_path_factory.mktemp("recipes"), tmp_path_factory.mktemp("ix"))


@pytest.mark.parametrize(
    ("question", "document", "value"),
    [
        ("What temperature do I bake banana bread at?", "banana-bread.md", "175°C"),
        ("À quelle température cuire la tarte Tatin ?", "tarte-tatin.md", "200 °C"),
    ],
)  # fmt: skip
def test_the_quote_writes_the_temperature_asked(
    assistant: Assistant, question: str, document: str, value: str
) -> None:
    answer = assistant.ask(question)
    assert not answer.abstained, answer.answer
    assert answer.citations[0].path.endswith(document), answer.answer
    assert value in answer.citations[0].quote, answer.answer


def test_a_duration_asked_of_a_recipe_still_quotes_its_duration(assistant: Assistant) -> None:
    answer = assistant.ask("How long does banana bread bake?")
    assert not answer.abstained, answer.answer
    assert "minutes" in answer.citations[0].quote, answer.answer
