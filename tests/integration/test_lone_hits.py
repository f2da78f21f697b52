"""A lone BM25 hit on a built notes vault: an English question on a French recipe note whose
only word the note writes is its title's ("What can replace the bacon in the leek tart?":
"tart" is written by "Tarte aux poireaux", the front matter's title and heading). Session 19
weighed a lone hit as its channel's best, 1, and the note's front matter and ingredients
outranked its "Préparation" section, which holds the answer (notes test MRR .818 → .806); it
weighs the share of the question's words its chunk writes (retrieval._normalised); an id asked
alone still weighs its row 1 (test_record_ids.py)."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

TART = """---
title: Tarte aux poireaux
tags: [recette, plat]
portions: 6
---
# Tarte aux poireaux

## Ingrédients
- 1 pâte brisée
- 3 poireaux
- 200 g de lardons
- 3 œufs
- 20 cl de crème fraîche
- 80 g de gruyère râpé

## Préparation
1. Émincer les poireaux et les faire fondre 15 minutes à la poêle avec 30 g de beurre.
2. Faire revenir les lardons.
3. Battre les œufs avec la crème, saler peu (les lardons sont salés).
4. Cuire 35 minutes à 190 °C.

> [!tip] Version végétarienne : remplacer les lardons par 150 g de feta.
"""

BANANA = """---
title: Banana bread
tags: [recipe, baking]
---
# Banana bread

## Ingredients
- 3 ripe bananas
- 250 g flour
- 100 g butter

## Method
1. Mash the bananas, stir in the melted butter, then the flour.
2. Bake 50 minutes at 175 °C.
"""

SOUP = """---
title: Soupe de potiron
tags: [recette, soupe]
---
# Soupe de potiron

## Préparation
1. Couper le potiron en cubes et le cuire 25 minutes dans un litre de bouillon.
2. Mixer avec 10 cl de crème.
"""

FILES = {"Tarte aux poireaux.md": TART, "Banana bread.md": BANANA, "Soupe de potiron.md": SOUP}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    corpus, index = tmp_path_factory.mktemp("notes"), tmp_path_factory.mktemp("idx")
    return assistant_over(FILES, corpus, index)


def test_a_title_word_alone_does_not_put_the_front_matter_above_the_answer(
    assistant: Assistant,
) -> None:
    hits = assistant.retrieve("What can replace the bacon in the leek tart?").hits
    first = hits[0].chunk
    assert first.doc_id == "Tarte aux poireaux"
    assert "remplacer les lardons par 150 g de feta" in first.text, [h.chunk.text for h in hits]
    front_matter = next(h for h in hits if h.chunk.text.startswith("---\ntitle: Tarte"))
    assert front_matter.channel_ranks.get("lexical") == 1  # the lone BM25 hit, still found
