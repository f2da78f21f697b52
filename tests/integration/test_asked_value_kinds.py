"""A question asking a day, a date, a person or a rate per unit quotes a sentence writing one,
not one that only names the subject (asked_values.py, its kinds in asked_values.json; s29 user
trial: "Quel jour ont lieu les entraînements ?" quoted a newsletter's mention of the trainings
over the calendar's weekly rule, a who-question quoted the rules over the minutes' action row
naming the person, "Jusqu'à quand … valable ?" the certificate's opening over its validity
line, the hourly rent a yearly total). The folders here are made up for these tests."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

CALENDAR = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Club//FR\r\nX-WR-CALNAME:Saison judo\r\n"
    "BEGIN:VEVENT\r\nUID:judo-enfants\r\nSUMMARY:Cours de judo enfants\r\n"
    "DTSTART:20250909T170000\r\nDTEND:20250909T180000\r\n"
    "RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL:20260630T000000\r\nLOCATION:Dojo municipal\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:judo-adultes\r\nSUMMARY:Cours de judo adultes\r\n"
    "DTSTART:20250911T193000\r\nDTEND:20250911T210000\r\n"
    "RRULE:FREQ=WEEKLY;BYDAY=TH;UNTIL:20260630T000000\r\nLOCATION:Dojo municipal\r\n"
    "END:VEVENT\r\n"
    "END:VCALENDAR\r\n"
)

LETTER = """# Lettre du dojo - octobre

- En décembre, tous les cours de judo ont lieu au gymnase Pasteur (peinture du dojo).
- Passage de grades le 13 décembre pour les ceintures jaunes.
- Le club compte cette saison 84 judokas.
"""

RULES = """# Règlement du dojo

Article 3 - Adhésion

L'adhésion est due à l'inscription et doit être réglée avant le 15 novembre.
Une réduction est accordée à partir du deuxième adhérent d'une même famille.
"""

MINUTES = """# Réunion du comité - 6 octobre 2025

Présents : cinq membres du comité.

## Actions

| Action | Responsable | Échéance |
|---|---|---|
| Relancer les adhérents dont l'adhésion est impayée | Paul Moreau | 15 novembre 2025 |
| Commander les kimonos enfants | Inès Roche | 20 octobre 2025 |
"""

CERTIFICATE = """ATTESTATION DE MAINTENANCE

Nous soussignés, Chauffage Service Rhône, attestons que le dojo municipal de Saint-Genis,
3 rue des Acacias, bénéficie du contrat de maintenance n° 7781 couvrant sa chaudière et
la ventilation de la salle principale.

Validité : du 1er septembre 2025 au 30 juin 2026.

Fait à Lyon, le 29 août 2025.
"""

INVOICE = """FACTURE N° DOJ-2025-044

Objet : nettoyage du dojo, septembre 2025

Heures de nettoyage : 40 h à 22,00 € HT de l'heure

Total HT : 880,00 €
"""

ACCOUNTS = """# Comptes du dojo 2024-2025

| Poste | Montant |
|---|---|
| Nettoyage du dojo | 7480 |
| Assurance | 960 |
| Kimonos | 1150 |
"""


@pytest.fixture(scope="module")
def dojo(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {
        "planning_judo.ics": CALENDAR,
        "lettre_octobre.md": LETTER,
        "reglement.md": RULES,
        "comite_2025-10-06.md": MINUTES,
        "attestation_maintenance.txt": CERTIFICATE,
        "facture_nettoyage.txt": INVOICE,
        "comptes_2024-2025.md": ACCOUNTS,
    }
    corpus, index = tmp_path_factory.mktemp("dojo"), tmp_path_factory.mktemp("index")
    return assistant_over(files, corpus, index)


@pytest.mark.parametrize(
    ("question", "written"),
    [
        ("Quel jour ont lieu les cours de judo enfants ?", "mardi"),  # the rule, not December's
        ("Qui doit relancer les adhésions impayées et avant quand ?", "Paul Moreau"),  # not rules
        ("Jusqu'à quand le contrat de maintenance est-il valide ?", "30 juin 2026"),
        ("Combien coûte l'heure de nettoyage du dojo ?", "22,00 €"),  # not the yearly total
    ],
)
def test_the_quote_writes_the_kind_of_value_asked(
    dojo: Assistant, question: str, written: str
) -> None:
    answer = dojo.ask(question)
    assert not answer.abstained, answer.reason
    assert written in answer.citations[0].quote, [c.quote for c in answer.citations]


FESTIVAL_MAIL = """From: Helen Price <office@valleychoirs.example>
To: Marc Perrin <chorale@example.fr>
Date: Mon, 12 Jan 2026 09:10:00 +0000
Subject: Choir festival in Brecon - June 2026
Message-ID: <771@mail.example>
Content-Type: text/plain; charset="utf-8"
MIME-Version: 1.0

Dear Marc,

Thank you for your letter. We are glad that your choir will sing at our festival.

- Dates: Saturday 13 June to Sunday 14 June 2026.
- Your singers will stay at the youth hostel in Brecon.
- Cost: 45 pounds per singer for meals, payable on arrival.

Could you please send us the list of singers by 20 March 2026?

Kind regards,
Helen Price
Festival Secretary, Valley Choirs
"""

CHOIR_MINUTES = """# Réunion du bureau de la chorale - 1er décembre 2025

1. Le festival des chorales de Brecon a lieu en juin 2026 ; la chorale y chantera deux œuvres.

## Actions

| Action | Responsable | Échéance |
|---|---|---|
| Envoyer la liste des choristes au festival gallois | Marc Perrin | 20 mars 2026 |
| Réserver le car | Anne Roux | 15 février 2026 |
"""


def test_a_mails_dated_request_read_as_a_heading_weighs_nothing_down(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """The mail's request line, read as a heading (no quote of its own), writes the date asked
    but must not weigh down the lines under it that quoting widens to it: the signature lines
    weighed down, the minutes' row was quoted in French for an English question (s30 re-ask of
    the s29 trial's "By when must we confirm the number of participants…")."""
    files = {"2026-01-12_choir_festival.eml": FESTIVAL_MAIL, "reunion.md": CHOIR_MINUTES}
    corpus, index = tmp_path_factory.mktemp("choir"), tmp_path_factory.mktemp("index")
    answer = assistant_over(files, corpus, index).ask(
        "By when must we send the list of singers to the Welsh festival?"
    )
    assert not answer.abstained, answer.reason
    assert "20 March 2026" in answer.citations[0].quote, [c.quote for c in answer.citations]


HOUSEHOLD_BUDGET = """# Budget du foyer

Montants en euros par mois.

| Poste | Montant |
|---|---|
| Loyer | 850 € |
| Assurance habitation | 23 € |
| Électricité | 74 € |

Total : 2 447 € par mois.
"""

INDICATORS = """# Economic indicators 2020

Figures are GDP per person in US dollars.

| Country | GDP |
|---|---|
| France | 39,000 |
| Germany | 46,000 |

Health spending per person rose by 300 dollars in Germany.
"""


@pytest.mark.parametrize(
    ("files", "question", "written"),
    [
        ({"budget.md": HOUSEHOLD_BUDGET}, "Quel est le loyer mensuel ?", "850 €"),
        ({"indicators.md": INDICATORS}, "What is the GDP per person in France?", "39,000"),
    ],
)
def test_a_rate_asked_of_a_table_whose_unit_its_lead_in_writes_quotes_the_row(
    tmp_path_factory: pytest.TempPathFactory, files: dict[str, str], question: str, written: str
) -> None:
    """A table's rows rarely write their unit: the sentence leading the table in does ("par
    mois", "per person"), so the asked row writes the rate, and the document's sentence writing
    the unit of another thing (the month's total, another country's spending) takes not its
    place (review C, s30: both were quoted)."""
    corpus, index = tmp_path_factory.mktemp("rates"), tmp_path_factory.mktemp("index")
    answer = assistant_over(files, corpus, index).ask(question)
    assert not answer.abstained, answer.reason
    assert written in answer.citations[0].quote, [c.quote for c in answer.citations]
