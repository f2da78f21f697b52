"""A question naming one of several sibling documents by a capitalised word of its title quotes
that document (named_document_quotes.py): two medicine leaflets with the same sections,
"Combien de comprimés de Doliprane par jour au maximum ?" quoted the Advil leaflet's dose, whose
"POSOLOGIE" section outranked the Doliprane one's (each section its own passage, neither naming
its medicine); and not the line naming its active substance under its title ("Paracétamol":
titleonly._subtitle)."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from leaflets import ADVIL, DOLIPRANE
from small_corpora import assistant_over


@pytest.fixture(scope="module")
def leaflets(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(
        {"doliprane.md": DOLIPRANE, "advil.md": ADVIL},
        tmp_path_factory.mktemp("leaflets"),
        tmp_path_factory.mktemp("index"),
    )


@pytest.mark.parametrize(
    ("question", "doc_id", "written"),
    [
        ("Combien de comprimés de Doliprane par jour au maximum ?", "doliprane", "3 comprimés"),
        ("Combien de comprimés d'Advil par jour au maximum ?", "advil", "comprimés"),
        # not "Paracétamol", the line under the title (titleonly._subtitle)
        ("Quel est le délai entre deux prises de Doliprane ?", "doliprane", "4 heures"),
    ],
)
def test_the_named_leaflet_is_quoted(
    leaflets: Assistant, question: str, doc_id: str, written: str
) -> None:
    answer = leaflets.ask(question)
    assert not answer.abstained, answer.reason
    assert answer.citations[0].doc_id == doc_id, [c.quote for c in answer.citations]
    assert written in answer.citations[0].quote
