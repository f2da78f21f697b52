"""A vet's price list and a ski resort's guide as their clients ask them (s62 trial).

A lookup naming a combination of keys the table writes only apart abstains (split_keys.py):
"How much does it cost to neuter a female dog?" quoted `| Cat neutering (female) | £120 |` at
.76 beside `| Dog neutering (male) | £260 |`, and "Combien coûte un forfait 3 jours ?" the
`Piéton (3 remontées)` row of passes for 1 and 6 days.

A price about none of the question's subject words, framed or not, gives its place to a row
about it (framed_values.framed_holder): "Combien coûte un forfait piéton ?" quoted the ski
school's "… six matinées coûtent 185 €." over `| Piéton (3 remontées) | 18 € | … |` under the
passes' header `| Forfait | … |`.

A unit the question writes in full and the documents only abbreviated is no word they never
use (asked_values.unit_abbreviations): "Combien de kilomètres de pistes ?" was refused beside
"… soit 120 km de pistes …".
"""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over, first_quote

VET_GUIDE = (
    "# Meadowbank Veterinary Clinic — client guide\n"
    "\n"
    "## Opening hours\n"
    "The clinic is open Monday to Friday, 8 a.m. to 7 p.m., and Saturday 9 a.m. to 1"
    " p.m. Outside these hours, call the emergency line on 01632 960 111; an"
    " out-of-hours fee of £120 applies.\n"
    "\n"
    "## Appointments\n"
    "Consultations last 15 minutes. Please arrive five minutes early. Missed"
    " appointments without 24 hours' notice are charged £25.\n"
    "\n"
    "## Our team\n"
    "Dr Priya Natarajan leads the clinic and sees exotic pets on Wednesdays. Dr Tom"
    " Hughes is our surgeon.\n"
    "\n"
    "## Surgery\n"
    "Animals having surgery must not eat after 8 p.m. the night before; water is"
    " allowed until the morning. Drop-off is between 8 and 9 a.m. and most pets go"
    " home the same afternoon.\n"
    "\n"
    "## Pet health plan\n"
    "The Meadowbank Health Plan costs £14 a month for cats and £18 a month for dogs."
    " It covers yearly vaccinations, flea and worm treatment and a 10 % discount on"
    " surgery.\n"
    "\n"
    "## Microchipping\n"
    "It is a legal requirement for dogs and, since June 2024, cats to be"
    " microchipped. Microchipping costs £20, or is free with the health plan.\n"
)

VET_PRICES = (
    "Service,Price\n"
    "Consultation,£48\n"
    "Repeat prescription,£18\n"
    "Cat vaccination booster,£55\n"
    "Dog vaccination booster,£62\n"
    "Cat neutering (female),£120\n"
    "Dog neutering (male),£260\n"
    "Dental scale and polish,£310\n"
    "Nail clip,£12\n"
)

SKI_PASSES = (
    "Forfait,Adulte,Enfant (5-11 ans),Senior (65-74 ans)\n"
    "1 jour,52 €,42 €,46 €\n"
    "Demi-journée (à partir de 12 h 30),41 €,33 €,37 €\n"
    "6 jours,265 €,212 €,238 €\n"
    "Saison,720 €,560 €,640 €\n"
    "Piéton (3 remontées),18 €,15 €,16 €\n"
)

SKI_GUIDE = (
    "# Station du Val Blanc — infos pratiques hiver 2026-2027\n"
    "\n"
    "## Dates d'ouverture\n"
    "Le domaine skiable ouvre le samedi 12 décembre 2026 et ferme le dimanche 18"
    " avril 2027, si l'enneigement le permet.\n"
    "Les remontées mécaniques fonctionnent de 9 h à 16 h 45 ; jusqu'à 17 h à partir"
    " de février.\n"
    "\n"
    "## Domaine\n"
    "Le domaine compte 45 pistes : 8 vertes, 16 bleues, 15 rouges et 6 noires, soit"
    " 120 km de pistes entre 1 400 et 2 600 mètres d'altitude.\n"
    "Un snowpark et un espace luge sont accessibles aux piétons.\n"
    "\n"
    "## Gratuité\n"
    "Le forfait est gratuit pour les enfants de moins de 5 ans et pour les personnes"
    " de 75 ans et plus, sur présentation d'un justificatif.\n"
    "\n"
    "## Ski de nuit\n"
    "Le mardi et le vendredi, la piste des Lutins est éclairée de 18 h 30 à 21 h ;"
    " l'accès est inclus dans le forfait 6 jours.\n"
    "\n"
    "## Perte du forfait\n"
    "Un forfait perdu est remplacé à la caisse contre 5 € sur présentation du"
    " justificatif d'achat.\n"
    "\n"
    "## Navettes\n"
    "Des navettes gratuites relient le village au pied des pistes toutes les 20"
    " minutes, de 8 h à 19 h.\n"
    "\n"
    "## École de ski\n"
    "L'École du Ski Français propose des cours collectifs le matin ; six matinées"
    " coûtent 185 €.\n"
)


@pytest.fixture(scope="module")
def vet(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"clinic-guide.md": VET_GUIDE, "prices.csv": VET_PRICES}
    return assistant_over(files, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i"))


@pytest.fixture(scope="module")
def ski(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"forfaits.csv": SKI_PASSES, "infos-pratiques.md": SKI_GUIDE}
    return assistant_over(files, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i"))


def test_keys_written_only_apart_abstain_naming_the_closest(vet: Assistant) -> None:
    answer = vet.ask("How much does it cost to neuter a female dog?")
    assert answer.abstained, answer.citations
    assert "Cat neutering (female)" in answer.reason, answer.reason
    assert "Dog neutering (male)" in answer.reason, answer.reason


def test_keys_written_together_answer(vet: Assistant) -> None:
    quote = first_quote(vet, "How much does it cost to neuter a female cat?")
    assert "£120" in quote, quote


def test_a_key_alone_answers_whatever_else_is_asked(vet: Assistant) -> None:
    quote = first_quote(vet, "How much is a consultation?")
    assert "£48" in quote, quote


def test_a_number_of_days_no_pass_is_sold_for_abstains(ski: Assistant) -> None:
    answer = ski.ask("Combien coûte un forfait 3 jours ?")
    assert answer.abstained, answer.citations
    assert "6 jours" in answer.reason, answer.reason


def test_a_pass_sold_answers(ski: Assistant) -> None:
    quote = first_quote(ski, "Combien coûte le forfait 6 jours enfant ?")
    assert "212 €" in quote, quote


def test_a_unit_written_abbreviated_is_no_missing_word(ski: Assistant) -> None:
    quote = first_quote(ski, "Combien de kilomètres de pistes ?")
    assert "120 km" in quote, quote


def test_a_row_about_the_subject_takes_the_place_of_a_price_about_none(ski: Assistant) -> None:
    quote = first_quote(ski, "Combien coûte un forfait piéton ?")
    assert "18 €" in quote, quote
