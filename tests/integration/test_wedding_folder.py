"""A couple's wedding folder as they ask it (s56 trial): a vendor contact list that writes
phone numbers and e-mail addresses under each vendor's label but never the words "phone" or
"email", and a French venue contract writing times as "2 h".

- A kind of value the corpus never names ("phone" of "What is the photographer's phone
  number?") is no term of a question on its own asking it of a named owner
  (questions._unused_kind_word): it was refused, "they never mention “phone”". The quote must
  then write the owner's words and such a value (answering._owner_value_checked): the
  photographer's e-mail address is no answer to the caterer's.
- A row asked by its key word and a word of another column's header is looked up in whatever
  document it stands, over another document's prose that names no such key
  (cell_lookups.table_asked_by_cell): "Quand faut-il payer le solde du photographe ?" quoted
  the venue contract's own balance, "Le solde est réglé au plus tard le 15 mai 2027".
  So is a row asked by its key word alone over prose writing none of the question's own words:
  "Combien coûte la robe ?" quoted the honeymoon's budget (s60).
- A key row among the first candidates writing a value of the kind asked (an amount under
  "montant prévu (€)") waives the answer models' refusal, as a band holding the asked amount
  does (answering._holds_looked_up_row): "Combien coûte le costume ?" was refused at .32 (s60).
- A row asked by a word no table holds and the corpus never writes is refused naming the
  closest keys (unheld_word_keys.py): "Quel est le montant prévu pour la décoration ?" quoted
  the budget's `Robe` row at .62.
- "quelle heure" asks a time of day: a refusal never names "heure" (reason_words.json
  `question_phrases`), as it never names "time" of "what time".
"""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

BUDGET = """poste,prestataire,montant prévu (€),acompte versé (€),solde dû (€),échéance du solde
Lieu de réception,Domaine des Tilleuls,6800,2040,4760,2027-05-15
Traiteur,Traiteur Beaulieu,9450,2835,6615,2027-06-01
Photographe,Lucas Moreau Photographie,2200,660,1540,2027-06-12
Fleuriste,L'Atelier de Rose,1350,400,950,2027-06-05
DJ,Sono Événements,1100,300,800,2027-06-12
Gâteau,Pâtisserie Lenoir,620,150,470,2027-06-11
Robe,Maison Clémence,1890,1890,0,
Costume,Tailleur Girard,940,470,470,2027-05-30
Faire-part,Imprimerie du Parc,380,380,0,
Alliances,Bijouterie Marceau,1450,1450,0,
"""

GUESTS = """name,side,rsvp,meal,table,plus_one
Agnès Morel,bride,yes,fish,1,no
Bernard Morel,bride,yes,beef,1,no
Chloé Martin,bride,yes,vegetarian,3,yes
Daniel Okafor,groom,yes,beef,2,yes
Emma Richardson,groom,no,,,no
Farid Benali,groom,yes,fish,4,no
Gabrielle Roux,bride,pending,,,no
Hugo Lambert,groom,yes,vegetarian,4,no
Inès Carpentier,bride,yes,fish,3,no
James Whitfield,groom,yes,beef,2,yes
Karima Haddad,bride,no,,,no
Léon Dufresne,groom,yes,child menu,5,no
Margaux Petit,bride,yes,vegetarian,5,yes
Noah Fischer,groom,pending,,,no
"""

CONTRACT = """# Contrat de location — Domaine des Tilleuls

Entre le Domaine des Tilleuls, 4 chemin des Vignes, 37210 Vouvray, représenté par Mme Hélène
Vasseur, gérante, et M. Thomas Girard et Mme Camille Morel, ci-après « les locataires ».

## Objet et dates

Le domaine loue aux locataires la salle de réception, le parc et la terrasse du samedi 19 juin
2027 à 10 h au dimanche 20 juin 2027 à 12 h, pour la célébration de leur mariage.

## Capacité

La salle accueille au plus 140 personnes assises. Le parc peut recevoir une cérémonie laïque de
160 invités au plus.

## Tarif et paiement

Le prix de la location est de 6 800 € TTC. Un acompte de 30 % est versé à la signature du
contrat. Le solde est réglé au plus tard le 15 mai 2027, par virement.

Un dépôt de garantie de 1 500 € est demandé à la remise des clés ; il est restitué sous quinze
jours après l'état des lieux de sortie, déduction faite des éventuels dégâts.

## Horaires et bruit

La musique amplifiée doit cesser à 2 h du matin. Au-delà, seule une musique d'ambiance à faible
volume est tolérée dans la salle, portes fermées.

## Hébergement

Le domaine dispose de 12 chambres, réservées aux locataires et à leurs invités pour la nuit du
19 au 20 juin. Le petit-déjeuner est servi de 8 h à 10 h 30.

## Annulation

En cas d'annulation par les locataires plus de six mois avant la date, l'acompte est remboursé à
moitié. À moins de six mois, l'acompte reste acquis au domaine.

## Stationnement

Le parking du domaine compte 60 places. Un service de navette peut être organisé depuis la gare
de Tours sur demande.
"""

TIMELINE = """# Wedding day timeline — Saturday 19 June 2027

| time | what | where | who |
|---|---|---|---|
| 09:30 | Hair and make-up for the bride | Bridal suite | Studio Belle Mine |
| 13:00 | Guests arrive, welcome drinks | Terrace | Catering staff |
| 14:00 | Ceremony | Park, under the lime trees | Officiant: Pauline Leroy |
| 15:00 | Group photos | Orangery steps | Lucas Moreau |
| 16:30 | Cocktail hour and lawn games | Terrace | Catering staff |
| 19:30 | Dinner is served | Reception hall | Traiteur Beaulieu |
| 21:45 | Speeches by the best man and the maid of honour | Hall | Julien Girard, Sarah Morel |
| 22:30 | First dance | Reception hall | DJ Max |
| 23:30 | Cake cutting | Terrace | Pâtisserie Lenoir |
| 02:00 | Amplified music ends | Reception hall | DJ Max |

Sunday brunch for the guests staying over starts at 11:00 on the terrace.

If it rains, the ceremony moves to the orangery, which seats 90 people.
"""

VENDORS = """VENDOR CONTACTS

Photographer: Lucas Moreau, +33 6 41 22 58 90, lucas@moreau-photo.fr
Florist: Rose Delaunay (L'Atelier de Rose), +33 2 47 61 33 05
DJ: Max Perrin (Sono Événements), +33 6 77 12 40 03
Caterer: Traiteur Beaulieu, contact Olivier Beaulieu, +33 2 47 52 18 44
Cake: Pâtisserie Lenoir, contact Anne Lenoir, +33 2 47 05 66 12
Hair and make-up: Studio Belle Mine, contact Inès Dubois, +33 6 20 55 81 37
Wedding planner: Nadia Chevalier, +33 6 58 90 14 22

Notes
The florist delivers the centrepieces on Saturday at 11:00 and collects the vases on Sunday at noon.
The photographer needs a meal at dinner and a list of the family group shots by 1 June.
The DJ brings his own sound system but needs two power sockets near the dance floor.
"""

MENU = """<html><head><title>Menu du mariage — Traiteur Beaulieu</title></head>
<body>
<h1>Menu du mariage Girard – Morel</h1>
<h2>Cocktail</h2>
<p>Huit pièces salées par personne : gougères au comté, verrines de betterave, tartelettes aux
champignons, mini-brochettes de poulet.</p>
<h2>Entrée</h2>
<p>Tartare de saumon à l'aneth, crème citronnée.</p>
<h2>Plats (au choix)</h2>
<ul>
<li>Filet de bœuf, sauce au vin de Chinon, gratin dauphinois</li>
<li>Dos de cabillaud, beurre blanc, légumes de saison</li>
<li>Risotto aux asperges et parmesan (végétarien)</li>
</ul>
<h2>Menu enfant</h2>
<p>Suprême de volaille et purée maison, puis moelleux au chocolat, pour les moins de 12 ans.</p>
<h2>Dessert</h2>
<p>Pièce montée de Pâtisserie Lenoir, servie avec un sorbet framboise.</p>
<h2>Allergènes</h2>
<p>Le tartare contient du poisson et du lait ; le risotto contient du lait. Un menu sans gluten
est possible sur demande, au plus tard trois semaines avant la date.</p>
<p>Le prix du menu est de 85 € par adulte et 25 € par enfant, boissons du repas comprises.</p>
</body></html>
"""

HONEYMOON = """# Honeymoon — Portugal, 21 to 30 June 2027

## Flights
- Outbound: TP 457, Paris Orly to Lisbon, Monday 21 June 2027, departs 07:35, arrives 09:10.
- Return: TP 438, Porto to Paris Orly, Wednesday 30 June 2027, departs 18:20, arrives 21:45.
- Booking reference: KQ7M2P. One checked bag each is included.

## Stays
- Lisbon, 21–25 June: Casa do Alfama, a guesthouse in the Alfama district. Check-in from 14:00.
- Douro valley, 25–27 June: Quinta da Serra, a wine estate; the tasting on 26 June is booked for
  16:00.
- Porto, 27–30 June: Hotel Ribeira Azul, overlooking the river.

## Getting around
We take the train from Lisbon to Régua on 25 June (departs 08:39). A rental car is picked up in
Régua and returned in Porto on 27 June.

## Budget
The honeymoon budget is 4,200 euros, of which 1,150 euros are already paid for the flights and
the guesthouse.
"""
FILES = {
    "budget-mariage.csv": BUDGET,
    "guest-list.csv": GUESTS,
    "contrat-domaine.md": CONTRACT,
    "timeline.md": TIMELINE,
    "vendors.txt": VENDORS,
    "menu-traiteur.html": MENU,
    "honeymoon.md": HONEYMOON,
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(FILES, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i"))


@pytest.mark.parametrize(
    ("question", "number"),
    [
        ("What is the photographer's phone number?", "+33 6 41 22 58 90"),
        ("What is the florist's phone number?", "+33 2 47 61 33 05"),
    ],
)
def test_a_phone_number_the_list_writes_without_the_word(
    folder: Assistant, question: str, number: str
) -> None:
    answer = folder.ask(question)
    assert not answer.abstained, answer.reason
    assert number in answer.citations[0].quote


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("What is the caterer's email address?", "email"),  # the photographer's is no answer
        ("Quel est le montant prévu pour la décoration ?", "“décoration”"),  # no row holds it
    ],
)
def test_a_refusal_names_what_the_documents_lack(
    folder: Assistant, question: str, named: str
) -> None:
    answer = folder.ask(question)
    assert answer.abstained, [c.quote for c in answer.citations]
    assert answer.reason is not None and named in answer.reason


def test_a_refusal_names_no_word_of_quelle_heure(folder: Assistant) -> None:
    answer = folder.ask("Jusqu'à quelle heure la musique est-elle autorisée ?")
    assert answer.reason is None or "heure" not in answer.reason


def test_a_row_asked_by_its_key_and_a_column_word(folder: Assistant) -> None:
    answer = folder.ask("Quand faut-il payer le solde du photographe ?")
    assert not answer.abstained, answer.reason
    assert answer.citations[0].quote.startswith("| Photographe |")
    assert "2027-06-12" in answer.citations[0].quote


def test_a_question_writing_a_key_asks_its_row(folder: Assistant) -> None:
    answer = folder.ask("Quel est le montant prévu pour le traiteur ?")
    assert not answer.abstained, answer.reason
    assert "9450" in answer.citations[0].quote


def test_a_key_row_over_prose_of_another_subject(folder: Assistant) -> None:
    """The honeymoon's "The honeymoon budget is 4,200 euros, …" writes an amount but none of
    the question's own words: the `Robe` row answers (cell_lookups._off_subject, s60)."""
    answer = folder.ask("Combien coûte la robe ?")
    assert not answer.abstained, answer.reason
    assert answer.citations[0].quote.startswith("| Robe |"), answer.citations[0].quote


def test_a_key_row_writing_the_asked_value_is_not_refused(folder: Assistant) -> None:
    answer = folder.ask("Combien coûte le costume ?")
    assert not answer.abstained, answer.reason
    assert answer.citations[0].quote.startswith("| Costume |"), answer.citations[0].quote
