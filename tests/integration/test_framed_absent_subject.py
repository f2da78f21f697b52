"""A question whose written words only frame what it asks (a price, an opening time) asks of
a subject the documents never mention (value_frames.py; s41 school trial: "Combien coûte
l'internat ?" got the canteen's price at .63), while one naming a subject they write is
answered."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

FILES = {
    "faq.md": "# Foire aux questions\n\n## Combien coûte la cantine ?\n\nLe repas coûte 4,35 €"
    " pour les demi-pensionnaires.\n\n## À quelle heure ouvre le collège ?\n\nLe collège ouvre"
    " ses portes à 7 h 45 ; les cours commencent à 8 h 15.\n\n## Comment justifier une absence"
    " ?\n\nLes absences se justifient sur l'ENT, dans les 48 heures.\n",
    "reglement.md": "# Règlement intérieur\n\nLes téléphones portables sont interdits dans"
    " l'enceinte du collège. Les demi-pensionnaires déjeunent au self entre 11 h 30 et 13 h 30.\n",
}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(FILES, tmp_path_factory.mktemp("faq"), tmp_path_factory.mktemp("idx"))


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("Combien coûte l'internat ?", "internat"),
        ("Combien coûte la piscine ?", "piscine"),
        ("À quelle heure ouvre la bibliothèque ?", "bibliothèque"),
    ],
)
def test_a_subject_the_documents_never_mention_is_refused_naming_it(
    assistant: Assistant, question: str, named: str
) -> None:
    answer = assistant.ask(question)
    assert answer.abstained, answer.answer
    assert named in (answer.reason or ""), answer.reason


@pytest.mark.parametrize(
    ("question", "quoted"),
    [
        ("Combien coûte la cantine ?", "4,35 €"),
        ("À quelle heure ouvre le collège ?", "7 h 45"),
    ],
)
def test_a_subject_the_documents_write_is_answered(
    assistant: Assistant, question: str, quoted: str
) -> None:
    answer = assistant.ask(question)
    assert not answer.abstained, answer.reason
    assert quoted in answer.citations[0].quote, answer.answer
