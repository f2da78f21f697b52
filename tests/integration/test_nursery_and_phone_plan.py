"""A nursery's fees page and a phone operator's plans as families and customers ask them (s62
trial).

A price of nothing is an amount (asked_values.json, the amount kind's shape): "How much is a
SIM card?" quoted a plan's price row over "A SIM card costs nothing; an eSIM is also free …".
A question asking how a rate is set asks no rate (the rate kinds' `unless`): "Comment le tarif
horaire est-il calculé ?" quoted the table of hourly effort rates at .71 over "Le tarif horaire
est calculé selon le barème national de la CNAF …".
"""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over, first_quote

FEES = (
    "# Participation des familles\n"
    "\n"
    "Le tarif horaire est calculé selon le barème national de la CNAF : il dépend"
    " des ressources et du nombre d'enfants à charge.\n"
    "\n"
    "| Enfants à charge | Taux d'effort horaire |\n"
    "|---|---|\n"
    "| 1 enfant | 0,0619 % |\n"
    "| 2 enfants | 0,0516 % |\n"
    "| 3 enfants | 0,0413 % |\n"
    "| 4 à 7 enfants | 0,0310 % |\n"
    "\n"
    "Le plancher de ressources mensuelles est de 801 € et le plafond de 7 000 €.\n"
    "La facture est établie chaque fin de mois et se règle par prélèvement, chèque"
    " ou CESU.\n"
    "Les absences pour maladie sont déduites à partir du deuxième jour, sur"
    " certificat médical.\n"
)

PLANS = (
    "# Ondo Mobile — monthly plans (from 1 February 2027)\n"
    "\n"
    "| Plan | Price per month | Data | Calls and texts | 5G |\n"
    "|---|---|---|---|---|\n"
    "| Ondo Mini | £8 | 5 GB | Unlimited | No |\n"
    "| Ondo Plus | £15 | 50 GB | Unlimited | Yes |\n"
    "| Ondo Max | £25 | Unlimited | Unlimited | Yes |\n"
    "| Ondo Family (4 lines) | £60 | 100 GB shared | Unlimited | Yes |\n"
    "\n"
    "All plans are 30-day rolling contracts: you can leave with 30 days' notice and"
    " no exit fee.\n"
    "A SIM card costs nothing; an eSIM is also free and is activated within 10"
    " minutes.\n"
    "Prices rise each April by the consumer price index plus 3.9 %.\n"
)

HELP = (
    "# Ondo Mobile help\n"
    "\n"
    "## Keeping your number\n"
    "To bring your number from another network, text PAC to 65075 on your old"
    " network and enter the code when you order. The switch happens on the next"
    " working day.\n"
    "\n"
    "## Lost or stolen phone\n"
    "Call 0800 123 4567, open 24 hours a day, to bar your SIM. A replacement SIM is"
    " sent free by post within two working days.\n"
    "\n"
    "## Data rollover\n"
    "Unused data on Ondo Plus rolls over to the next month, up to 10 GB. Data does"
    " not roll over on Ondo Mini.\n"
    "\n"
    "## Hotspot\n"
    "Tethering is allowed on every plan. On Ondo Max, tethering is capped at 100 GB"
    " per month.\n"
    "\n"
    "## Paying your bill\n"
    "Bills are paid by direct debit on the 1st of each month. A late payment fee of"
    " £5 applies if a payment fails.\n"
    "\n"
    "## Upgrading\n"
    "You can move to a bigger plan at any time; the change applies immediately."
    " Moving to a smaller plan applies from your next bill.\n"
)


@pytest.fixture(scope="module")
def nursery(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"participation-familles.md": FEES}
    return assistant_over(files, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i"))


@pytest.fixture(scope="module")
def phone(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"plans.md": PLANS, "help.md": HELP}
    return assistant_over(files, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i"))


def test_how_a_rate_is_set_is_answered_by_the_rule(nursery: Assistant) -> None:
    quote = first_quote(nursery, "Comment le tarif horaire est-il calculé ?")
    assert "barème national de la CNAF" in quote, quote


def test_a_rate_asked_is_still_the_tables(nursery: Assistant) -> None:
    quote = first_quote(nursery, "Quel est le taux d'effort horaire pour 2 enfants ?")
    assert "0,0516 %" in quote, quote


def test_a_price_of_nothing_answers_how_much(phone: Assistant) -> None:
    quote = first_quote(phone, "How much is a SIM card?")
    assert "costs nothing" in quote, quote


def test_a_price_row_still_answers_its_plan(phone: Assistant) -> None:
    quote = first_quote(phone, "How much is Ondo Plus?")
    assert "£15" in quote, quote
