"""A recipe folder and a laptop's documents as their owners ask them (s61 trial).

- A word a cue of a kind written by its unit reads that the folder never writes is no term
  (questions._unused_cue_word): "How much does the loaf weigh?" and "Combien pèse une livre ?"
  were refused, "they never mention “weigh”", "“pèse”", beside "Makes one loaf of about 900 g"
  and "| 1 livre (lb) | 454 g |"; a datasheet writing "Weight" keeps "weigh" as that word.
- A fee stated as a share by the sentence writing every word of the question keeps its place
  (answering._states_asked_share): "What is the restocking fee?" quoted "Arion Care+ … costs
  149 euros" over "… refunded minus a 10 % restocking fee".
- A possessive is a word of the thing weighed: "How much does the Arion 14 Pro's charger
  weigh?" asks a mass (asked_values.json "mass"), which "| Charger | 100 W USB-C |" does not
  write.
"""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over, first_quote

SOURDOUGH = (
    "# Country sourdough loaf\n"
    "\n"
    "Makes one loaf of about 900 g. Total time about 24 hours, mostly waiting.\n"
    "\n"
    "## Ingredients\n"
    "\n"
    "- 100 g active sourdough starter (fed 6 to 8 hours earlier)\n"
    "- 375 g water at 27 °C\n"
    "- 450 g strong white flour\n"
    "- 50 g wholemeal flour\n"
    "- 10 g salt\n"
    "\n"
    "## Method\n"
    "\n"
    "Mix the flour and 350 g of the water and leave it for one hour (autolyse). Add"
    " the starter, the salt and the rest of the water, and squeeze until absorbed.\n"
    "\n"
    "Bulk fermentation takes 4 to 5 hours at 24 °C. During the first two hours, do a"
    " set of stretch and folds every 30 minutes.\n"
    "\n"
    "Shape the dough into a tight round, put it seam up in a floured banneton and"
    " leave it in the fridge overnight, 12 to 16 hours.\n"
    "\n"
    "Preheat the oven with a cast-iron pot inside to 250 °C for 45 minutes. Bake the"
    " loaf 20 minutes with the lid on, then 25 minutes at 230 °C with the lid off.\n"
    "\n"
    "Let it cool for at least one hour before cutting: the crumb is still setting.\n"
    "\n"
    "A starter kept in the fridge needs feeding once a week, with equal weights of"
    " flour and water.\n"
)

CONVERSIONS = (
    "Mesure,Équivalent\n"
    "1 cuillère à soupe,15 ml\n"
    "1 cuillère à café,5 ml\n"
    "1 tasse (cup),240 ml\n"
    "1 once (oz),28 g\n"
    "1 livre (lb),454 g\n"
    "Thermostat 6,180 °C\n"
    "Thermostat 7,210 °C\n"
)

NOTES = (
    "# Notes de cuisine\n"
    "\n"
    "Le four de la maison chauffe un peu trop : baisser toutes les températures de"
    " 10 °C par rapport aux recettes.\n"
    "\n"
    "Pour la pâte brisée, le beurre doit sortir du réfrigérateur au dernier moment."
    " Une pâte trop travaillée devient élastique et se rétracte à la cuisson.\n"
    "\n"
    "Les crêpes : 250 g de farine, 4 œufs, 50 cl de lait, une pincée de sel et 50 g"
    " de beurre fondu. Laisser reposer la pâte une heure.\n"
    "\n"
    "Le gâteau au chocolat de grand-mère se cuit 22 minutes à 180 °C, pas plus : le"
    " centre doit rester fondant.\n"
)

DATASHEET = (
    "# Arion 14 Pro — technical specifications\n"
    "\n"
    "| Component | Arion 14 Pro |\n"
    "|---|---|\n"
    "| Processor | Zentra Z7-1460, 12 cores, up to 4.8 GHz |\n"
    "| Memory | 16 GB LPDDR5X, soldered, not upgradable |\n"
    "| Storage | 1 TB NVMe SSD, one free M.2 2280 slot |\n"
    "| Display | 14-inch, 2880 × 1800, 120 Hz, 500 nits |\n"
    "| Battery | 72 Wh |\n"
    "| Charger | 100 W USB-C |\n"
    "| Weight | 1.38 kg |\n"
    "| Dimensions | 312 × 221 × 15.9 mm |\n"
    "| Ports | 2 × USB-C (Thunderbolt 4), 1 × USB-A, HDMI 2.1, headphone jack |\n"
    "| Wireless | Wi-Fi 7, Bluetooth 5.4 |\n"
    "| Webcam | 1080p with infrared face login |\n"
    "| Operating system | Windows 11 Home |\n"
    "\n"
    "Battery life is up to 14 hours of video playback at 150 nits, measured by the"
    " manufacturer. Fast charging brings the battery from 0 to 50 % in 30 minutes.\n"
    "\n"
    "The keyboard is backlit and spill-resistant up to 60 ml.\n"
)

RETURNS = (
    "# Warranty and returns\n"
    "\n"
    "Every Arion laptop carries a two-year manufacturer warranty covering defects in"
    " materials and workmanship. The battery is covered for one year, or until its"
    " capacity falls below 80 %.\n"
    "\n"
    "Accidental damage is not covered by the standard warranty. Arion Care+ adds"
    " accidental damage cover (drops and spills) for three years and costs 149"
    " euros; it must be bought within 60 days of the purchase.\n"
    "\n"
    "You can return a laptop bought on our web shop within 30 days for a full"
    " refund, provided it is in its original packaging. Return shipping is free. A"
    " laptop returned with a broken seal on the software licence is refunded minus a"
    " 10 % restocking fee.\n"
    "\n"
    "Repairs under warranty are done at our service centre in Lyon. We collect the"
    " laptop from your home and return it within 10 working days on average.\n"
    "\n"
    "To make a claim, you need the serial number printed under the laptop and the"
    " invoice.\n"
)
RECIPES = {"sourdough.md": SOURDOUGH, "conversions.csv": CONVERSIONS, "notes-cuisine.md": NOTES}
LAPTOP = {"datasheet.md": DATASHEET, "warranty-returns.md": RETURNS}


@pytest.fixture(scope="module")
def kitchen(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(RECIPES, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i"))


@pytest.fixture(scope="module")
def laptop(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(LAPTOP, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i"))


def test_a_weight_asked_by_a_verb_never_written_is_answered(kitchen: Assistant) -> None:
    quote = first_quote(kitchen, "How much does the loaf weigh?")
    assert "900 g" in quote, quote


def test_a_french_weight_asked_by_a_verb_never_written_is_answered(kitchen: Assistant) -> None:
    quote = first_quote(kitchen, "Combien pèse une livre ?")
    assert "454 g" in quote, quote


def test_a_weight_row_written_as_a_noun_still_answers(laptop: Assistant) -> None:
    quote = first_quote(laptop, "How much does the Arion 14 Pro weigh?")
    assert "1.38 kg" in quote, quote


def test_a_fee_stated_as_a_share_keeps_its_place(laptop: Assistant) -> None:
    quote = first_quote(laptop, "What is the restocking fee?")
    assert "10 % restocking fee" in quote, quote


def test_a_price_asked_is_still_the_amount(laptop: Assistant) -> None:
    quote = first_quote(laptop, "How much does Arion Care+ cost?")
    assert "149 euros" in quote, quote


def test_a_part_whose_weight_no_line_writes_is_refused(laptop: Assistant) -> None:
    assert laptop.ask("How much does the Arion 14 Pro's charger weigh?").abstained
