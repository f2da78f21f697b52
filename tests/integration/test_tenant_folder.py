"""A tenant's folder (a French lease's house rules and inventory, an English welcome page)
asked as its tenant asks it (s55 trial):

- lines opening with a label of a few words run into no other however long they are
  (language._label_pair, CUTTING_VERSION 30): an HTML list of contacts made one sentence of the
  landlord's and the plumber's lines, and "Who is the landlord?" quoted neither;
- a modal verb or "jusqu'à" the folder never writes is no term of a question in its language
  (questions._unused_question_form): "Jusqu'à quelle heure peut-on faire du bruit ?" was
  refused; and no reason names it ("ils ne mentionnent jamais « dois-je »");
- a compound opening on the same part as one a quote writes, its other part a word the folder
  never uses, is another thing (sibling_words.compound_siblings): "Quel est l'état du
  lave-vaisselle ?" quoted the inventory's washing machine row."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

LEASE = (
    "# Contrat de location meublée\n"
    "\n"
    "Logement situé au 14 rue des Tanneurs, 69007 Lyon, appartement 3B (troisième "
    "étage).\n"
    "\n"
    "## Parties\n"
    "\n"
    "Bailleur : Claire Morel, 22 avenue Berthelot, 69007 Lyon.\n"
    "\n"
    "Locataire : Thomas Lefèvre.\n"
    "\n"
    "## Durée du bail\n"
    "\n"
    "Le présent bail est consenti pour une durée d'un an à compter du 1er septembre "
    "2026. Il est renouvelé tacitement pour la même durée, sauf congé donné par l'une"
    " des parties.\n"
    "\n"
    "## Loyer et charges\n"
    "\n"
    "Le loyer mensuel est fixé à 850 € hors charges. Une provision pour charges de 95"
    " € par mois s'y ajoute ; elle est régularisée chaque année au vu des dépenses "
    "réelles.\n"
    "\n"
    "Le loyer et la provision sont payables d'avance, le 5 de chaque mois, par "
    "virement sur le compte du bailleur.\n"
    "\n"
    "Le loyer est révisé chaque année à la date anniversaire du bail, selon la "
    "variation de l'indice de référence des loyers (IRL) publié par l'INSEE.\n"
    "\n"
    "## Dépôt de garantie\n"
    "\n"
    "Un dépôt de garantie de 1 700 €, soit deux mois de loyer hors charges, est versé"
    " à la signature. Il est restitué dans un délai de deux mois après la remise des "
    "clés, déduction faite des sommes dues.\n"
    "\n"
    "## Congé\n"
    "\n"
    "Le locataire peut donner congé à tout moment, avec un préavis d'un mois, par "
    "lettre recommandée ou remise en main propre. Le bailleur doit donner congé trois"
    " mois avant l'échéance du bail.\n"
    "\n"
    "## Obligations du locataire\n"
    "\n"
    "Le locataire doit s'assurer contre les risques locatifs et fournir chaque année "
    "une attestation d'assurance habitation.\n"
    "\n"
    "La sous-location, totale ou partielle, est interdite sans l'accord écrit du "
    "bailleur.\n"
    "\n"
    "Les animaux domestiques sont autorisés, à l'exception des chiens de catégorie 1."
    "\n"
    "\n"
    "Le locataire prend en charge l'entretien courant du logement et les menues "
    "réparations.\n"
)

RULES = (
    "RÈGLEMENT INTÉRIEUR DE LA RÉSIDENCE LES TANNEURS\n"
    "\n"
    "Ordures ménagères\n"
    "Les bacs gris sont sortis le mardi et le vendredi soir, après 19 h. Le tri "
    "sélectif (bac jaune) est collecté le mercredi matin.\n"
    "\n"
    "Encombrants\n"
    "Les encombrants sont déposés sur le trottoir la veille du premier lundi du mois."
    " Tout dépôt en dehors de cette date est interdit.\n"
    "\n"
    "Bruit\n"
    "Les bruits gênants sont interdits entre 22 h et 7 h. Les travaux bruyants sont "
    "autorisés en semaine de 9 h à 19 h et le samedi de 10 h à 18 h.\n"
    "\n"
    "Vélos et poussettes\n"
    "Les vélos se rangent au local vélos du sous-sol, accessible avec le badge. Aucun"
    " vélo ne doit stationner dans le hall.\n"
    "\n"
    "Balcons\n"
    "Les barbecues à charbon ou à gaz sont interdits sur les balcons. Le linge ne "
    "doit pas être étendu sur les garde-corps.\n"
    "\n"
    "Accès\n"
    "Le code du portail change chaque année en janvier ; le nouveau code est "
    "communiqué par SMS aux occupants.\n"
)

INVENTORY = (
    "# État des lieux d'entrée — 1er septembre 2026\n"
    "\n"
    "Appartement 3B, 14 rue des Tanneurs. Établi contradictoirement entre Claire "
    "Morel et Thomas Lefèvre.\n"
    "\n"
    "| Pièce | Élément | État | Observations |\n"
    "|---|---|---|---|\n"
    "| Entrée | Porte palière | Bon | Serrure trois points |\n"
    "| Séjour | Parquet | Bon | Légères traces près de la baie |\n"
    "| Séjour | Murs | Très bon | Peinture refaite en 2026 |\n"
    "| Cuisine | Plan de travail | Moyen | Deux rayures près de l'évier |\n"
    "| Cuisine | Plaques de cuisson | Bon | Induction, quatre feux |\n"
    "| Cuisine | Réfrigérateur | Bon | Joint de porte neuf |\n"
    "| Chambre | Moquette | Usé | Tache près de la fenêtre |\n"
    "| Chambre | Placard | Bon | Une étagère manquante |\n"
    "| Salle de bains | Lave-linge | Bon | Installé en 2024 |\n"
    "| Salle de bains | Baignoire | Moyen | Joint silicone à refaire |\n"
    "\n"
    "Clés remises : 3 clés d'entrée, 2 badges, 1 clé de boîte aux lettres.\n"
    "\n"
    "Relevé des compteurs : électricité 18 452 kWh, eau froide 312 m3.\n"
)

WELCOME = (
    "<!DOCTYPE html>\n"
    '<html lang="en"><head><meta charset="utf-8"><title>Welcome to 14 rue des '
    "Tanneurs</title></head>\n"
    "<body>\n"
    "<h1>Welcome to your flat</h1>\n"
    "<p>This guide gathers what you need to know to live comfortably in flat 3B. Keep"
    " it handy.</p>\n"
    "<h2>Contacts</h2>\n"
    "<ul>\n"
    "<li>Landlord: Claire Morel, +33 6 12 34 56 78, claire.morel@example.fr</li>\n"
    "<li>Emergency plumber: Plomberie Dubois, 04 78 11 22 33 (24/7)</li>\n"
    "<li>Heating engineer: Chauffage Lyonnais, 04 78 55 66 77</li>\n"
    "</ul>\n"
    "<p>For a water leak, first close the water shut-off valve, then call the "
    "emergency plumber.</p>\n"
    "<h2>Around the flat</h2>\n"
    "<p>The water shut-off valve is under the kitchen sink, behind the bin.</p>\n"
    "<p>The fuse box is in the entrance cupboard, on the left.</p>\n"
    "<p>Your parking space is number 14, on the first basement level.</p>\n"
    "<p>The laundry room is in the basement, next to the bike room.</p>\n"
    "<h2>Heating and hot water</h2>\n"
    "<p>The gas boiler is serviced every year in October by Chauffage Lyonnais; the "
    "landlord books the visit and pays for it.</p>\n"
    "<p>If the boiler stops, reset it by holding the reset button for five seconds. "
    "If it stops again, call the heating engineer.</p>\n"
    "<p>Please read the electricity and water meters on the first day of each quarter"
    " and send the figures to the landlord.</p>\n"
    "</body></html>\n"
)

CHARGES = (
    "poste,montant annuel (€),répartition\n"
    "eau froide,420,selon compteur\n"
    "entretien des parties communes,310,tantièmes\n"
    "taxe d'enlèvement des ordures ménagères,180,au logement\n"
    "ascenseur,240,tantièmes\n"
    "total,1150,\n"
)

NOTICE = (
    "Avis aux occupants — Résidence Les Tanneurs\n"
    "\n"
    "Ravalement de façade\n"
    "Les travaux de ravalement de la façade sur rue auront lieu du 12 janvier 2027 au"
    " 26 mars 2027. Un échafaudage sera installé devant les fenêtres ; merci de "
    "garder les volets fermés pendant les heures de travail.\n"
    "\n"
    "Ascenseur\n"
    "L'ascenseur sera hors service du 3 au 7 novembre 2026 pour le remplacement des "
    "câbles.\n"
    "\n"
    "Le syndic, Régie Bellecour\n"
)


@pytest.fixture(scope="module")
def tenant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {
        "bail.md": LEASE,
        "reglement-interieur.txt": RULES,
        "etat-des-lieux.md": INVENTORY,
        "welcome.html": WELCOME,
        "charges-2025.csv": CHARGES,
        "avis-travaux.txt": NOTICE,
    }
    corpus, index = tmp_path_factory.mktemp("tenant"), tmp_path_factory.mktemp("index")
    return assistant_over(files, corpus, index)


def test_a_labelled_line_of_a_list_is_quoted_alone(tenant: Assistant) -> None:
    answer = tenant.ask("Who is the landlord?")
    assert not answer.abstained, answer.answer
    quote = answer.citations[0].quote
    assert quote.startswith("Landlord: Claire Morel"), quote
    assert "Plomberie" not in quote, quote


def test_a_modal_verb_the_folder_never_writes_refuses_nothing(tenant: Assistant) -> None:
    answer = tenant.ask("Jusqu'à quelle heure peut-on faire du bruit ?")
    assert not answer.abstained, answer.answer
    assert "22 h" in answer.citations[0].quote, answer.citations[0].quote


def test_no_reason_names_a_modal_verb(tenant: Assistant) -> None:
    answer = tenant.ask("Quand dois-je repeindre le balcon ?")
    assert answer.abstained
    assert "dois" not in answer.answer, answer.answer
    assert "repeindre" in answer.answer, answer.answer


def test_a_compound_sharing_only_its_opening_is_another_thing(tenant: Assistant) -> None:
    answer = tenant.ask("Quel est l'état du lave-vaisselle ?")
    assert answer.abstained, answer.citations[0].quote
    assert "lave-vaisselle" in answer.answer, answer.answer
    asked = tenant.ask("Quel est l'état du lave-linge ?")
    assert not asked.abstained, asked.answer
    assert "Lave-linge | Bon" in asked.citations[0].quote, asked.citations[0].quote
