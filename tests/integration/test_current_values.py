"""Asked a value that later words changed, the answer leads with the current one (s43 probe):
a short minutes' later deadline stands under its own section heading, not its chunk's first
(the title), so it is seen as a later word on the subject; a status history table's latest row
of the asked key is quoted first, in English and French."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

FEBRUARY = """# Steering committee — minutes

Date: 5 February 2026
Present: Anna Weber, Tom Becker, Lina Roy

## Website redesign
The deadline for the website redesign is set to 12 March 2026.
The budget for the redesign is 18,000 euros.

## Office move
The office move to Rue Garibaldi is planned for June 2026.
"""
MARCH = """# Steering committee — minutes

Date: 5 March 2026
Present: Anna Weber, Tom Becker

## Website redesign
The agency needs more time for accessibility testing.
The deadline, set to 12 March at the last meeting, moves to 20 March 2026.

## Office move
No change on the office move.
"""
JANVIER = """# Compte rendu du bureau

Date : 20 janvier 2026
Présents : Alice, Bruno

## Journée portes ouvertes
La journée portes ouvertes de l'association est fixée au 14 mars 2026.

## Cotisations
Rien à signaler sur les cotisations.
"""
FEVRIER = """# Compte rendu du bureau

Date : 17 février 2026
Présents : Alice, Bruno, Chloé

## Journée portes ouvertes
La salle n'est pas libre.
La date, fixée au 14 mars lors de la dernière réunion, est reportée au 21 mars 2026.

## Cotisations
Rien à signaler sur les cotisations.
"""
ORDERS = """date,order,status,note
2026-01-10,PO-7781,created,Requested by purchasing
2026-01-12,PO-7781,approved,Approved by finance
2026-01-20,PO-7781,shipped,Carrier DHL
2026-01-24,PO-7781,delivered,Signed by reception
2026-01-11,PO-7790,created,Requested by lab
2026-01-15,PO-7790,on hold,Budget check
"""
SUIVI = """# Suivi du dossier de subvention 2026-17

| Date | Statut | Commentaire |
|---|---|---|
| 2026-02-01 | déposé | Dossier envoyé à la région |
| 2026-02-20 | en instruction | Pièces complémentaires demandées |
| 2026-03-15 | accepté | Montant accordé : 12 000 € |
"""


@pytest.fixture(scope="module")
def minutes(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {
        "2026-02-05-steering.md": FEBRUARY,
        "2026-03-05-steering.md": MARCH,
        "2026-01-20-bureau.md": JANVIER,
        "2026-02-17-bureau.md": FEVRIER,
    }
    return assistant_over(files, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("ix"))


@pytest.fixture(scope="module")
def histories(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"order-status-history.csv": ORDERS, "suivi-dossier.md": SUIVI}
    return assistant_over(files, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("ix"))


@pytest.mark.parametrize(
    ("question", "current", "earlier"),
    [
        ("When is the deadline for the website redesign?", "20 March", "set to 12 March 2026"),
        ("Quand a lieu la journée portes ouvertes ?", "21 mars", "fixée au 14 mars"),
    ],
)
def test_a_later_minutes_change_under_its_own_heading_leads(
    minutes: Assistant, question: str, current: str, earlier: str
) -> None:
    citations = minutes.ask(question).citations
    assert citations and current in citations[0].quote, [c.quote for c in citations]
    assert any(earlier in citation.quote for citation in citations[1:])


@pytest.mark.parametrize(
    ("question", "latest"),
    [
        ("What is the status of order PO-7781?", "delivered"),
        ("What is the status of PO-7790?", "on hold"),
        ("Quel est le statut du dossier de subvention 2026-17 ?", "accepté"),
        ("Où en est le dossier de subvention ?", "accepté"),
    ],
)
def test_a_status_history_s_latest_row_of_the_key_leads(
    histories: Assistant, question: str, latest: str
) -> None:
    citations = histories.ask(question).citations
    assert citations and latest in citations[0].quote, [c.quote for c in citations]


def test_a_question_naming_a_day_keeps_that_day_s_row(histories: Assistant) -> None:
    citations = histories.ask("What was the status of order PO-7781 on 2026-01-12?").citations
    assert citations and "delivered" not in citations[0].quote, [c.quote for c in citations]


POLICY = """# Membership policy — Riverside Rowing Club

## Fees
The annual membership fee is 35 € per member.
Juniors (under 18) pay 20 € per year.
The boat storage fee is 60 € per year.

## Guests
Members may bring a guest twice per season.

## Update (June 2025)
The annual membership fee is now 40 €, replacing 35 €. The junior fee does not change.
"""
REGLEMENT = """# Règlement intérieur — piscine municipale

## Horaires
La piscine est ouverte du mardi au dimanche, de 10 h à 19 h.

## Tarifs
L'entrée adulte coûte 4,50 €.
L'entrée enfant coûte 2,80 €.
La carte de 10 entrées coûte 38 €.

## Mise à jour du 1er septembre 2025
Le tarif de l'entrée adulte est désormais de 5 €, au lieu de 4,50 €.
La piscine ferme à 20 h le vendredi.
"""
TICKET = """# Ticket {number} — {subject}

Reporter: {reporter}
Assignee: Marc Leroy
Priority: High

## History

- 2026-03-02 09:14 — Ticket opened by {reporter}. Status: open.
- 2026-03-03 11:40 — Marc Leroy picked it up. Status changed from open to in progress.
- 2026-03-09 10:25 — {closing} Status changed from in progress to closed.
"""


@pytest.fixture(scope="module")
def updated(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"membership-policy.md": POLICY, "reglement-piscine.md": REGLEMENT}
    return assistant_over(files, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("ix"))


@pytest.mark.parametrize(
    ("question", "current"),
    [
        ("What is the annual membership fee?", "now 40 €"),
        ("Combien coûte l'entrée adulte ?", "désormais de 5 €"),
    ],
)
def test_a_document_s_own_update_note_leads(
    updated: Assistant, question: str, current: str
) -> None:
    citations = updated.ask(question).citations
    assert citations and current in citations[0].quote, [c.quote for c in citations]


def test_a_question_asking_the_earlier_value_keeps_it_first(updated: Assistant) -> None:
    citations = updated.ask("What was the membership fee initially?").citations
    assert citations and "now 40 €" not in citations[0].quote, [c.quote for c in citations]


def test_a_title_naming_the_asked_number_holds_its_whole_document(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """ "ticket 4512" is asked of the document its title names: the lines under its "History"
    heading stand under that number too, not only those before it (s43 probe: "Reporter: …"
    was quoted alone, the history's closing line set aside)."""
    files = {
        "ticket-4512.md": TICKET.format(
            number=4512,
            subject="VPN drops every 20 minutes",
            reporter="Claire Dubois",
            closing="User confirms the VPN holds for a full day.",
        ),
        "ticket-4519.md": TICKET.format(
            number=4519,
            subject="Printer on floor 3 jams",
            reporter="Paul Martin",
            closing="New roller kit fitted.",
        ),
    }
    assistant = assistant_over(
        files, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("ix")
    )
    citations = assistant.ask("What is the status of ticket 4512?").citations
    quotes = " ".join(citation.quote for citation in citations)
    assert "to closed" in quotes, quotes
    assert all(citation.path.endswith("ticket-4512.md") for citation in citations)
    current = assistant.ask("What is the current status of ticket 4519?").citations
    assert current and "New roller kit fitted" in current[0].quote, [c.quote for c in current]


BAIL = """# Contrat de location — appartement 12 rue des Lilas, Lyon

Bailleur : Mme Hélène Garnier
Locataire : M. Julien Morel

## Article 3 — Loyer
Le loyer mensuel est fixé à 800 € hors charges.
Les charges sont de 90 € par mois.

## Article 5 — Durée
Le bail est conclu pour trois ans.
"""
AVENANT = """# Avenant n° 1 au contrat de location du 12 rue des Lilas

Lyon, le 15 mai 2025

Avenant : le loyer passe de 800 € à 850 € au 1er juillet 2025.
Les charges restent de 90 € par mois.
"""
LEASE = """# Lease agreement — 4 Mill Lane, Leeds

Landlord: Ms Ruth Adams
Tenant: Mr Owen Price

## Rent
The monthly rent is 1,200 pounds, payable on the first day of each month.

## Term
The lease runs for two years.
"""
AMENDMENT = """# Amendment 1 to the lease of 4 Mill Lane

Date: 3 March 2025

The monthly rent increases from 1,200 pounds to 1,260 pounds from 1 April 2025.
"""


@pytest.mark.parametrize(
    ("files", "question", "current"),
    [
        ({"bail.md": BAIL, "avenant-1.md": AVENANT}, "Quel est le loyer ?", "850 €"),
        ({"lease.md": LEASE, "amendment-1.md": AMENDMENT}, "What is the monthly rent?", "1,260"),
    ],
)
def test_a_dated_amendment_moving_an_undated_lease_s_value_leads(
    tmp_path_factory: pytest.TempPathFactory, files: dict[str, str], question: str, current: str
) -> None:
    """An undated lease's rent, moved by a dated amendment "from 800 € to 850 €": the amendment
    is quoted first, the lease after it (s43 probe: the lease's 800 € was quoted alone)."""
    assistant = assistant_over(
        files, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("ix")
    )
    citations = assistant.ask(question).citations
    assert citations and current in citations[0].quote, [c.quote for c in citations]
    assert len(citations) > 1
