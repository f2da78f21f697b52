"""An owner's manual answered as its owner asks it (s54 trial, an e-bike's manual, error codes
and specification sheet):

- a code the question writes looks its line up in a list of codes (coded_lines.py): "What
  should I do when the display shows E02?" quoted the page's opening sentence;
- a short complete statement standing on its line is quoted alone (quoting._states_a_value,
  _statement_line_above): "What is the recommended tyre pressure?" quoted the whole paragraph
  of one-line statements around "Recommended tyre pressure is 2.5 to 3.5 bar.";
- a quote runs on into no title line opening the next part of a plain text
  (quoting._title_line): "What is the insurance excess?" quoted "…applies to each claim." and
  the next part's title "Exclusions" (s53's traveller's trial, seen again in s54);
- a question asking how to do something is answered by the sentence saying how
  (manner_answers.py): "How do I switch on the lights?" quoted a release note's "Fixed: the
  lights could stay on after the display switched off.";
- a weight asked in so many words is quoted from a quote writing one, or refused saying the
  passages write no measurement (asked_values.json's "mass" kind): "Quel est le poids de la
  batterie ?" quoted the battery's energy."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from citeqa.asked_values import MASS, asked_kinds, writes_kind
from citeqa.coded_lines import asked_codes, coded_line_of
from small_corpora import assistant_over

MANUAL = """# Owner's manual

## Battery

The bike carries a 504 Wh lithium-ion battery integrated in the down tube.
Charge the battery fully before the first ride.

## Display

The display shows speed, battery level, assistance mode and trip distance.
The lights switch on by pressing the plus button for two seconds.

## Maintenance

Have the bike serviced by an authorised dealer after the first 300 km, then every 2,000 km.
Lubricate the chain every 200 km, more often in wet weather.
Recommended tyre pressure is 2.5 to 3.5 bar.
The brake pads should be replaced when their lining is thinner than 1.5 mm.
Use only the original charger; other chargers void the warranty.
"""

CODES = """Troubleshooting and error codes

The display shows an error code when the system detects a fault. Look it up below.

E01 - Battery temperature out of range. Let the battery warm up before riding or charging.
E02 - Motor overheating. Stop for 15 minutes, then continue in a lower assistance mode.
E03 - Speed sensor not detected. Check that the magnet on the rear wheel is aligned with the sensor.
E04 - Communication error between display and controller. Check the display cable connector.
"""

SPECS = """| Item | Value |
|---|---|
| Motor | Rear hub motor, 250 W nominal |
| Weight | 22.4 kg |
| Tyres | 27.5 x 2.2 in |
"""


INSURANCE = """BIKE INSURANCE SUMMARY

Excess
An excess of £75 applies to each claim.

Exclusions
Claims arising from racing are not covered. Theft is not covered unless the bike was locked.
"""

FIRMWARE = """# Firmware release notes

## 2.3.1 — 14 September 2026
- Walk assist speed raised from 4 km/h to 6 km/h.
- Fixed: the lights could stay on after the display switched off.
"""

GUIDE = """# Guide de démarrage rapide

## Avant la première sortie

Chargez complètement la batterie : comptez environ 4 heures et demie avec le chargeur fourni.
Vérifiez la pression des pneus, entre 2,5 et 3,5 bars.

## Entretien

Nettoyez le vélo avec une éponge et de l'eau savonneuse.
Le code antivol de la batterie est indiqué sur la carte remise avec les clés.
"""


@pytest.fixture(scope="module")
def bike(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {
        "manual.md": MANUAL,
        "troubleshooting.txt": CODES,
        "specifications.md": SPECS,
        "guide.md": GUIDE,
        "insurance.txt": INSURANCE,
        "firmware.md": FIRMWARE,
    }
    return assistant_over(files, tmp_path_factory.mktemp("bike"), tmp_path_factory.mktemp("index"))


def test_a_code_asked_is_quoted_from_its_line(bike: Assistant) -> None:
    answer = bike.ask("What should I do when the display shows E02?")
    assert not answer.abstained, answer.answer
    quote = answer.citations[0].quote
    assert quote.startswith("E02 - Motor overheating. Stop for 15 minutes"), quote
    assert "E01" not in quote and "E03" not in quote, quote


def test_a_short_statement_on_its_line_is_quoted_alone(bike: Assistant) -> None:
    answer = bike.ask("What is the recommended tyre pressure?")
    assert not answer.abstained, answer.answer
    assert answer.citations[0].quote == "Recommended tyre pressure is 2.5 to 3.5 bar."


@pytest.fixture(scope="module")
def unweighed(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    """The manual and its French guide, no specification sheet: no weight is written."""
    files = {"manual.md": MANUAL, "guide.md": GUIDE}
    return assistant_over(
        files, tmp_path_factory.mktemp("unweighed"), tmp_path_factory.mktemp("index")
    )


def test_a_quote_ends_before_the_next_parts_title(bike: Assistant) -> None:
    answer = bike.ask("What is the insurance excess?")
    assert not answer.abstained, answer.answer
    quote = answer.citations[0].quote
    assert quote.endswith("An excess of £75 applies to each claim."), quote


def test_how_to_is_answered_by_the_sentence_saying_how(bike: Assistant) -> None:
    answer = bike.ask("How do I switch on the lights?")
    assert not answer.abstained, answer.answer
    quote = answer.citations[0].quote
    assert quote == "The lights switch on by pressing the plus button for two seconds.", quote


def test_a_weight_no_passage_writes_is_refused(unweighed: Assistant) -> None:
    answer = unweighed.ask("Quel est le poids de la batterie ?")
    assert answer.abstained, [c.quote for c in answer.citations]
    assert "aucune mesure" in answer.answer, answer.answer


def test_a_weight_written_is_quoted(bike: Assistant) -> None:
    answer = bike.ask("How much does the bike weigh?")
    assert not answer.abstained, answer.answer
    assert "| Weight | 22.4 kg |" in answer.citations[0].quote, answer.citations[0].quote


@pytest.mark.parametrize(
    ("question", "codes"),
    [
        ("What should I do when the display shows E02?", {"E02"}),
        ("que veut dire e05 ?", {"E05"}),
        ("Is the P0420 code serious?", {"P0420"}),
        ("What does the REGENCY trial show?", set()),
        ("Is IL-6 raised?", set()),  # hyphenated: an identifier's shape, not a code's
        ("What is in version 2.3.1?", set()),
    ],
)
def test_a_code_is_letters_joined_to_digits(question: str, codes: set[str]) -> None:
    assert asked_codes(question) == codes


def test_a_coded_line_needs_a_sibling_code_beside_it() -> None:
    text = "Intro line.\n\nE01 - Too hot. Cool down.\nE02 - Too cold.\n\nA4 - Paper size.\n"
    assert coded_line_of(text, text.index("E01"), frozenset({"E01"}))
    assert coded_line_of(text, text.index("E02"), frozenset({"E02"}))
    assert not coded_line_of(text, text.index("Cool down"), frozenset({"E01"}))  # mid-line
    assert not coded_line_of(text, text.index("E01"), frozenset({"E02"}))  # another code
    assert not coded_line_of(text, text.index("A4"), frozenset({"A4"}))  # no sibling


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("Quel est le poids de la batterie ?", True),
        ("How much does the bike weigh?", True),
        ("How heavy is the frame?", True),
        ("What is the weight of the battery?", True),
        ("Combien pèse le vélo ?", True),
        ("Does the bike weigh more than 20 kg?", False),  # yes or no
        ("What was the effect of weight loss on fatigue?", False),
    ],
)
def test_a_weight_is_asked_in_so_many_words(question: str, asks: bool) -> None:
    assert (MASS in asked_kinds(question)) is asks


@pytest.mark.parametrize(
    ("text", "writes"),
    [
        ("| Weight | 22.4 kg with battery |", True),
        ("Le vélo pèse 22,4 kg.", True),
        ("A load of two tonnes.", True),
        ("The battery weighs several kilograms.", True),
        ("The bike carries a 504 Wh battery.", False),
        ("5 mg/kg per day", False),  # a dose
    ],
)
def test_a_weight_is_a_figure_and_a_unit_of_mass(text: str, writes: bool) -> None:
    assert writes_kind(MASS, text) is writes
