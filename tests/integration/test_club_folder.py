"""A football club's folder as its secretary asks it (s58 trial): its fees and its training
schedule, two tables keyed by the same teams ("U15", "Seniors"), and its house rules.

- A row looked up by its key is read from the table whose name points at the question's other
  words (pointed_tables.py): "Qui entraîne les U15 ?" quoted the fees table's U15 row, not the
  training schedule's ("planning-entrainements.csv"), which names the coach.
- A key that the table pointed at lacks is refused naming the keys it holds (pointed_tables.
  unpointed_key): "Qui entraîne les U7 ?" quoted the fees table's U7 row, the schedule having
  no U7 row.
"""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

FEES = (
    "catégorie,années de naissance,cotisation,équipement inclus\n"
    "U7,2020-2021,95 €,maillot\n"
    "U9,2018-2019,110 €,maillot et short\n"
    "U11,2016-2017,125 €,maillot et short\n"
    "U13,2014-2015,140 €,tenue complète\n"
    "U15,2012-2013,150 €,tenue complète\n"
    "Seniors,2007 et avant,180 €,tenue complète\n"
    "Vétérans,1991 et avant,130 €,maillot\n"
)
SCHEDULE = (
    "équipe,jour,horaire,terrain,éducateur\n"
    "U9,mercredi,14h00-15h30,terrain synthétique,Lucas Martin\n"
    "U11,mercredi,15h30-17h00,terrain synthétique,Lucas Martin\n"
    "U13,mardi,18h00-19h30,terrain honneur,Nadia Ferreira\n"
    "U15,jeudi,18h00-19h30,terrain honneur,Nadia Ferreira\n"
    "Seniors,vendredi,19h30-21h30,terrain honneur,Paul Guérin\n"
    "Vétérans,dimanche,09h30-11h30,terrain synthétique,Paul Guérin\n"
)
RULES = (
    "RÈGLEMENT INTÉRIEUR DE L'USSA\n"
    "\n"
    "1. Licence\n"
    "Aucun joueur ne peut participer à un entraînement sans licence validée, à l'exception de "
    "deux séances d'essai.\n"
    "\n"
    "2. Certificat médical\n"
    "Un certificat médical de non-contre-indication est exigé pour toute première licence. Il "
    "est valable trois saisons.\n"
    "\n"
    "3. Paiement\n"
    "La cotisation peut être réglée en trois fois par chèque. Une réduction de 20 € est "
    "accordée à partir du deuxième enfant d'une même famille.\n"
)
FILES = {
    "tarifs-licences.csv": FEES,
    "planning-entrainements.csv": SCHEDULE,
    "reglement-interieur.txt": RULES,
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(FILES, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i"))


@pytest.mark.parametrize(
    ("question", "row"),
    [
        ("Qui entraîne les U15 ?", "| U15 | jeudi | 18h00-19h30 |"),
        ("Quand s'entraînent les seniors ?", "| Seniors | vendredi | 19h30-21h30 |"),
        ("Combien coûte la licence U13 ?", "| U13 | 2014-2015 | 140 € |"),
        ("Quel équipement est inclus pour les U9 ?", "| U9 | 2018-2019 | 110 € |"),
    ],
)
def test_a_key_is_looked_up_in_the_table_the_question_points_at(
    folder: Assistant, question: str, row: str
) -> None:
    answer = folder.ask(question)
    assert not answer.abstained, answer.reason
    assert answer.citations[0].quote.startswith(row), [c.quote for c in answer.citations]


def test_a_key_the_table_pointed_at_lacks_is_refused(folder: Assistant) -> None:
    answer = folder.ask("Qui entraîne les U7 ?")
    assert answer.abstained, [c.quote for c in answer.citations]
    assert answer.reason is not None
    assert "“U7”" in answer.reason and "“planning-entrainements”" in answer.reason
    assert "U9, U11" in answer.reason
    kept = folder.ask("Combien coûte la licence U7 ?")  # the fees table holds it
    assert not kept.abstained and kept.citations[0].quote.startswith("| U7 | 2020-2021 | 95 € |")
