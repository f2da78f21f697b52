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
