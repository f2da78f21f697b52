"""A museum's visitor pages as a visitor asks them (s61 trial): practical information in
French, the temporary exhibition's page in English, the permanent collections.

A sentence naming none of the question's words is still about what its document's title names
(titleonly.title_words_written): "When does the exhibition end?" quoted the catalogue's price,
the one sentence of the exhibition's page writing "exhibition", over its "From 14 March to 31
August 2027, the museum shows 85 landscape paintings …".

A best candidate saying its value is that of what the question asks of points at it
(asked_values.json `pointers`, answering._points_at_asked): "Quels sont les horaires du
musée ?" quoted the café's "… ouvert aux mêmes horaires que le musée." at .86 over the
practical page's "Le musée est ouvert du mardi au dimanche, de 10 h à 18 h.".
"""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over, first_quote

PRACTICAL = (
    "# Musée des Beaux-Arts de Valdrôme — informations pratiques\n"
    "\n"
    "## Horaires\n"
    "\n"
    "Le musée est ouvert du mardi au dimanche, de 10 h à 18 h. Nocturne le jeudi"
    " jusqu'à 21 h. Fermé le lundi, le 1er janvier, le 1er mai et le 25 décembre.\n"
    "\n"
    "La billetterie ferme 45 minutes avant la fermeture du musée.\n"
    "\n"
    "## Tarifs\n"
    "\n"
    "| Billet | Prix |\n"
    "|---|---|\n"
    "| Plein tarif | 12 € |\n"
    "| Tarif réduit (étudiants, plus de 65 ans) | 8 € |\n"
    "| Moins de 18 ans | gratuit |\n"
    "| Billet famille (2 adultes et 2 enfants) | 28 € |\n"
    "| Audioguide | 4 € |\n"
    "\n"
    "L'entrée est gratuite pour tous le premier dimanche de chaque mois.\n"
    "\n"
    "## Accès\n"
    "\n"
    "Le musée se trouve 4 place des Cordeliers, 26000 Valdrôme. Tram ligne B, arrêt"
    " Cordeliers. Le parking Saint-Jean, à 300 mètres, offre la première heure"
    " gratuite aux visiteurs sur présentation du billet.\n"
    "\n"
    "Le musée est entièrement accessible en fauteuil roulant ; des fauteuils sont"
    " prêtés gratuitement à l'accueil.\n"
    "\n"
    "## Règles de visite\n"
    "\n"
    "Les photographies sans flash sont autorisées dans les collections permanentes,"
    " mais interdites dans les expositions temporaires. Les sacs de plus de 40 × 30"
    " cm doivent être déposés au vestiaire, gratuit.\n"
    "\n"
    "Les groupes de plus de 10 personnes doivent réserver au moins trois semaines à"
    " l'avance.\n"
)

EXHIBITION = (
    '# Temporary exhibition: "Light over the Rhône"\n'
    "\n"
    "From 14 March to 31 August 2027, the museum shows 85 landscape paintings of the"
    " Rhône valley, from 1820 to 1910, lent by twelve European museums.\n"
    "\n"
    "The exhibition is on the second floor. A separate ticket is not needed: the"
    " exhibition is included in the full-price ticket.\n"
    "\n"
    "Guided tours in English run every Saturday at 11 a.m. and last 75 minutes. They"
    " cost 6 euros on top of the entry ticket, and are limited to 20 people.\n"
    "\n"
    "The curator of the exhibition is Hélène Marchal, head of the museum's"
    " nineteenth-century department.\n"
    "\n"
    "The exhibition catalogue, 240 pages with 150 illustrations, is sold at the"
    " museum shop for 39 euros.\n"
)

COLLECTIONS = (
    "# Les collections permanentes\n"
    "\n"
    "Le musée conserve environ 6 000 œuvres, dont 900 sont exposées. Il a été fondé"
    " en 1801 dans l'ancien couvent des Cordeliers.\n"
    "\n"
    "Le rez-de-chaussée présente la sculpture médiévale et les primitifs italiens."
    " Le premier étage est consacré à la peinture française des XVIIe et XVIIIe"
    " siècles.\n"
    "\n"
    "L'œuvre la plus célèbre du musée est « La Liseuse au jardin », peinte par"
    " Claire Vasseur en 1887 et acquise en 1952.\n"
    "\n"
    "Le cabinet des arts graphiques, qui conserve 3 500 dessins, est ouvert aux"
    " chercheurs sur rendez-vous uniquement, le mercredi.\n"
    "\n"
    "Le café du musée, dans le cloître, est ouvert aux mêmes horaires que le musée.\n"
)
FILES = {
    "infos-pratiques.md": PRACTICAL,
    "exhibition.md": EXHIBITION,
    "collections.md": COLLECTIONS,
}


@pytest.fixture(scope="module")
def museum(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(FILES, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i"))


def test_a_date_under_the_title_naming_the_subject_answers(museum: Assistant) -> None:
    quote = first_quote(museum, "When does the exhibition end?")
    assert "31 August 2027" in quote, quote


def test_a_sentence_writing_the_subject_and_the_value_still_answers(museum: Assistant) -> None:
    quote = first_quote(museum, "How much is the exhibition catalogue?")
    assert "39 euros" in quote, quote


def test_a_sentence_pointing_at_the_hours_asked_gives_its_place(museum: Assistant) -> None:
    quote = first_quote(museum, "Quels sont les horaires du musée ?")
    assert "de 10 h à 18 h" in quote, quote


def test_the_sentence_pointing_still_answers_of_its_own_subject(museum: Assistant) -> None:
    quote = first_quote(museum, "Quels sont les horaires du café ?")
    assert "mêmes horaires que le musée" in quote, quote
