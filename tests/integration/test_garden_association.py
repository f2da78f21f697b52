"""A community garden association's folder as a member asks it (s61 trial): the minutes of the
general meeting, the house rules, the board's contacts.

- A word a cue of a kind of value written by its unit reads ("surface" of "Quelle est la
  surface d'une parcelle ?") that the folder never writes is no term (questions.
  _unused_cue_word): refused, "ils ne mentionnent jamais “surface”", beside "Chaque parcelle
  mesure 50 m²".
- "Que se passe-t-il si …" asks what follows from a case (reason_words.json
  `consequence_phrases`): its "passe" weighed as a term (the minutes write "La cotisation
  passe de 30 € à 35 €") and the rule on abandoned plots was refused at .46.
- "Combien de voix contre …" counts votes, asking no amount though "cotisation" follows
  (asked_values.json "amount" `unless`): a purchase's budget was quoted.
- Asked in the past ("a eu lieu"), the closing line naming the next meeting ("La prochaine
  assemblée générale aura lieu en mars 2027") states another occurrence (dated_titles.
  states_later_occasion).
"""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over, first_quote

MINUTES = (
    "# Association Les Jardins partagés du Clos — procès-verbal de l'assemblée"
    " générale du 21 mars 2026\n"
    "\n"
    "L'assemblée générale s'est tenue le 21 mars 2026 à 14 h, salle polyvalente de"
    " la mairie. 47 adhérents étaient présents et 12 représentés, sur 83 adhérents à"
    " jour de cotisation ; le quorum était atteint.\n"
    "\n"
    "La séance était présidée par Marc Olivier, président de l'association. Le"
    " secrétariat de séance était assuré par Nadia Benali.\n"
    "\n"
    "## Rapport moral\n"
    "\n"
    "Le président a rappelé que l'association gère 34 parcelles individuelles et un"
    " potager collectif. La liste d'attente compte 19 familles.\n"
    "\n"
    "Le rapport moral a été approuvé à l'unanimité.\n"
    "\n"
    "## Rapport financier\n"
    "\n"
    "La trésorière, Sophie Garnier, a présenté les comptes de l'exercice 2025 : 6"
    " 840 € de recettes et 6 215 € de dépenses, soit un excédent de 625 €. La"
    " principale dépense a été la réparation de la pompe du puits, pour 1 870 €.\n"
    "\n"
    "Le rapport financier a été approuvé par 55 voix pour et 4 abstentions.\n"
    "\n"
    "## Décisions\n"
    "\n"
    "La cotisation annuelle passe de 30 € à 35 € à partir de 2027. Résolution"
    " adoptée par 50 voix pour, 6 contre et 3 abstentions.\n"
    "\n"
    "L'assemblée a décidé l'achat d'un composteur collectif de 1 000 litres, pour un"
    " budget maximum de 450 €.\n"
    "\n"
    "L'usage de produits phytosanitaires de synthèse est interdit sur toutes les"
    " parcelles, y compris le glyphosate. Un adhérent qui ne respecte pas cette"
    " règle reçoit un avertissement, puis perd sa parcelle en cas de récidive.\n"
    "\n"
    "## Élection du conseil d'administration\n"
    "\n"
    "Trois postes étaient à pourvoir. Ont été élus : Julien Ferrand (52 voix),"
    " Amélie Roux (49 voix) et Karim Haddad (41 voix).\n"
    "\n"
    "La prochaine assemblée générale aura lieu en mars 2027.\n"
)

RULES = (
    "# Règlement intérieur des Jardins partagés du Clos\n"
    "\n"
    "Article 1. Chaque parcelle mesure 50 m². Un foyer ne peut avoir qu'une seule"
    " parcelle.\n"
    "\n"
    "Article 2. Le jardin est ouvert aux adhérents tous les jours de 8 h à 21 h"
    " d'avril à septembre, et de 9 h à 18 h d'octobre à mars.\n"
    "\n"
    "Article 3. L'arrosage au tuyau est interdit de 11 h à 18 h en juillet et en"
    " août. L'eau du puits est réservée à l'arrosage ; elle n'est pas potable.\n"
    "\n"
    "Article 4. Une parcelle laissée à l'abandon pendant plus de deux mois est"
    " réattribuée, après un courrier de relance resté sans réponse pendant quinze"
    " jours.\n"
    "\n"
    "Article 5. Les animaux de compagnie sont admis, tenus en laisse. Les feux et"
    " barbecues sont interdits.\n"
    "\n"
    "Article 6. Chaque adhérent participe à au moins deux matinées de travaux"
    " collectifs par an.\n"
    "\n"
    "Article 7. Les outils de la cabane commune sont prêtés contre signature du"
    " registre et rendus le jour même.\n"
)

CONTACTS = (
    "Fonction,Nom,Téléphone\n"
    "Président,Marc Olivier,06 41 22 87 10\n"
    "Trésorière,Sophie Garnier,06 73 05 44 91\n"
    "Secrétaire,Nadia Benali,07 82 16 30 58\n"
    "Responsable des outils,Karim Haddad,06 14 92 77 03\n"
)
FILES = {"pv-ag-2026.md": MINUTES, "reglement-interieur.md": RULES, "contacts.csv": CONTACTS}


@pytest.fixture(scope="module")
def garden(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(FILES, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i"))


def test_an_area_asked_by_a_word_never_written_is_answered(garden: Assistant) -> None:
    quote = first_quote(garden, "Quelle est la surface d'une parcelle ?")
    assert "50 m²" in quote, quote


def test_what_happens_in_a_case_is_answered_by_the_rule(garden: Assistant) -> None:
    quote = first_quote(garden, "Que se passe-t-il si une parcelle est abandonnée ?")
    assert "réattribuée" in quote, quote


def test_votes_counted_are_no_amount(garden: Assistant) -> None:
    quote = first_quote(garden, "Combien de voix contre la hausse de la cotisation ?")
    assert "6 contre" in quote, quote


def test_a_meeting_asked_in_the_past_is_not_the_next_one(garden: Assistant) -> None:
    quote = first_quote(garden, "Quand a eu lieu l'assemblée générale ?")
    assert "21 mars 2026" in quote, quote


def test_the_next_meeting_is_still_the_next_one(garden: Assistant) -> None:
    quote = first_quote(garden, "Quand aura lieu la prochaine assemblée générale ?")
    assert "mars 2027" in quote, quote
