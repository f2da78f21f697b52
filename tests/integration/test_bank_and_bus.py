"""A bank's fee schedule and a bus network's pages as their customers ask them (s61 trial).

- A rate frames the value a question asks (value_frames.json: "taux", "rate"): "Quel est le
  taux du livret A ?" of a schedule writing "taux" only of its overdraft quoted that rate at
  .65; it is refused naming "livret".
- Pence are an amount (asked_values.json "amount": "30p", not "1080p"): "How much more does a
  ticket cost from the driver?" quoted a pass's price row over "Tickets bought from the driver
  cost 30p more than in the app."
- "Quels sont les horaires de …" asks a day (asked_values.json "day"): asked of an agency no
  row of the agencies' table names, the refusal names the closest rows, where it said only that
  the documents never mention it.
"""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over, first_quote

SCHEDULE = (
    "# Banque Coopérative du Val — conditions tarifaires au 1er janvier 2026\n"
    "\n"
    "## Tenue de compte\n"
    "\n"
    "Les frais de tenue de compte sont de 2,50 € par mois, soit 30 € par an. Ils"
    " sont offerts aux clients de moins de 26 ans.\n"
    "\n"
    "## Cartes bancaires\n"
    "\n"
    "| Carte | Cotisation annuelle | Plafond de paiement sur 30 jours |\n"
    "|---|---|---|\n"
    "| Carte Essentielle | 38 € | 1 500 € |\n"
    "| Carte Visa Classic | 45 € | 3 000 € |\n"
    "| Carte Visa Premier | 134 € | 8 000 € |\n"
    "\n"
    "Le remplacement d'une carte perdue ou volée coûte 15 €. La réédition du code"
    " confidentiel coûte 9 €.\n"
    "\n"
    "Les retraits aux distributeurs des autres banques sont gratuits dans la limite"
    " de quatre par mois ; au-delà, chaque retrait coûte 1 €.\n"
    "\n"
    "## Paiements et retraits à l'étranger\n"
    "\n"
    "Un paiement par carte hors de la zone euro est facturé 2 % du montant, avec un"
    " minimum de 0,50 €. Un retrait hors de la zone euro coûte 3 € plus 2 % du"
    " montant.\n"
    "\n"
    "## Découvert\n"
    "\n"
    "Le taux débiteur du découvert autorisé est de 15,5 % par an. Les agios sont"
    " prélevés chaque trimestre.\n"
    "\n"
    "Une commission d'intervention de 8 € est facturée par opération en cas de"
    " dépassement, dans la limite de 80 € par mois.\n"
    "\n"
    "## Virements\n"
    "\n"
    "Les virements SEPA en ligne sont gratuits. Un virement instantané coûte 0,80 €."
    " Un virement effectué en agence coûte 4 €.\n"
)

FAQ = (
    "# Questions fréquentes\n"
    "\n"
    "**Comment faire opposition sur ma carte ?**\n"
    "Appelez le centre d'opposition au 09 69 32 15 15, 24 heures sur 24, ou utilisez"
    " l'application mobile, rubrique « Mes cartes ».\n"
    "\n"
    "**Combien de temps faut-il pour ouvrir un compte ?**\n"
    "Le compte est ouvert en 48 heures une fois le dossier complet reçu.\n"
    "\n"
    "**Quels documents faut-il pour ouvrir un compte ?**\n"
    "Une pièce d'identité en cours de validité et un justificatif de domicile de"
    " moins de trois mois.\n"
    "\n"
    "**Comment clôturer mon compte ?**\n"
    "Envoyez une lettre signée à votre agence. La clôture est gratuite et effectuée"
    " sous 30 jours.\n"
    "\n"
    "**Puis-je avoir un chéquier ?**\n"
    "Oui, le chéquier est gratuit et envoyé à domicile sur demande.\n"
)

FARES = (
    "# Riverton Transit — fares 2026\n"
    "\n"
    "| Ticket | Price | Valid for |\n"
    "|---|---|---|\n"
    "| Single ticket | £2.20 | 90 minutes, transfers included |\n"
    "| Day pass | £5.50 | unlimited travel until 4 a.m. |\n"
    "| Weekly pass | £19.00 | 7 consecutive days |\n"
    "| Monthly pass | £68.00 | one calendar month |\n"
    "| Student monthly pass | £42.00 | one calendar month, with a valid student card"
    " |\n"
    "\n"
    "Children under 5 travel free with a paying adult. Passengers over 66 travel"
    " free after 9:30 a.m. on weekdays and all day at weekends with a concession"
    " card.\n"
    "\n"
    "Tickets bought from the driver cost 30p more than in the app. Drivers accept"
    " contactless cards and exact change only.\n"
)

NETWORK = (
    "# Frequently asked questions\n"
    "\n"
    "**What happens if I travel without a ticket?**\n"
    "Ticket inspectors issue a penalty fare of £50, reduced to £25 if paid within 21"
    " days.\n"
    "\n"
    "**Can I take my bike on the bus?**\n"
    "Folding bikes are allowed on all buses. Other bikes are not allowed, except on"
    " the Line 9 riverside service, which carries up to two bikes.\n"
    "\n"
    "**Are dogs allowed?**\n"
    "Dogs on a lead travel free. Assistance dogs are always welcome.\n"
    "\n"
    "**I lost something on a bus. What should I do?**\n"
    "Lost property is kept at the Central Depot for 30 days. Call 01632 960 455"
    " between 10 a.m. and 4 p.m. on weekdays.\n"
    "\n"
    "**Are the buses accessible?**\n"
    "All our buses are low-floor with a ramp and a space for one wheelchair.\n"
    "\n"
    "**How do I get a concession card?**\n"
    "Apply online with a photo and proof of age. The card arrives within 10 working"
    " days.\n"
)
AGENCIES = (
    "Agence,Adresse,Horaires\n"
    "Valence Centre,12 boulevard Bancel,mardi-samedi 9h00-17h30\n"
    "Romans,4 place Jean Jaurès,mardi-vendredi 9h00-12h30 et 14h00-18h00\n"
    "Tain,18 avenue Jean Jaurès,mercredi-samedi 9h00-12h30\n"
)
BANK = {"conditions-tarifaires-2026.md": SCHEDULE, "faq.md": FAQ, "agency-hours.csv": AGENCIES}
BUS = {"fares.md": FARES, "network-faq.md": NETWORK}


@pytest.fixture(scope="module")
def bank(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(BANK, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i"))


@pytest.fixture(scope="module")
def bus(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(BUS, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i"))


def test_the_rate_of_a_thing_never_written_is_refused(bank: Assistant) -> None:
    answer = bank.ask("Quel est le taux du livret A ?")
    assert answer.abstained and "livret" in (answer.reason or ""), answer.reason


def test_the_rate_of_a_thing_written_is_answered(bank: Assistant) -> None:
    quote = first_quote(bank, "Quel est le taux du découvert autorisé ?")
    assert "15,5 %" in quote, quote


def test_pence_are_an_amount(bus: Assistant) -> None:
    quote = first_quote(bus, "How much more does a ticket cost from the driver?")
    assert "30p" in quote, quote


def test_the_hours_of_an_agency_no_row_names_name_the_closest(bank: Assistant) -> None:
    answer = bank.ask("Quels sont les horaires de l'agence de Montélimar ?")
    assert answer.abstained and "Romans" in (answer.reason or ""), answer.reason


def test_the_hours_of_an_agency_are_its_row(bank: Assistant) -> None:
    quote = first_quote(bank, "Quels sont les horaires de l'agence de Romans ?")
    assert "14h00-18h00" in quote, quote
