"""A shop's records numbered in their year (s41 shop trial): a delivery note "2025-09-014" is a
record's identifier as "FA-2025-014" is ("Qu'a livré le bon 2025-09-014 ?" quoted 2025-09-015's
line, and 2025-09-019 was answered with another note's); an order number "PO-2025-042" is no
phone number ("Quel est le téléphone de Cycles Laurentides ?" quoted the order's line); and
an id typed or written with non-breaking hyphens ("FA‑2025‑014") is the same id."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

NB = "\u2011"  # a non-breaking hyphen, as a word processor writes it
FILES = {
    "factures.md": "# Factures 2025\n\n| Facture | Client | Montant TTC |\n|---|---|---|\n"
    "| FA-2025-012 | Café Lumière | 840,00 € |\n| FA-2025-013 | Boulangerie Roy | 1 260,00 € |\n"
    "| FA-2025-014 | Vélo Express | 2 310,50 € |\n| FA-2025-015 | Atelier Nord | 415,00 € |\n",
    "livraisons.md": "# Bons de livraison\n\n"
    "Bon 2025-09-013 : 12 cartons de café livrés le 8 septembre à Café Lumière.\n\n"
    "Bon 2025-09-014 : 3 vélos cargo livrés le 15 septembre chez Vélo Express.\n\n"
    "Bon 2025-09-015 : 40 kg de farine livrés le 22 septembre à la Boulangerie Roy.\n",
    "fournisseurs.md": "# Fournisseurs\n\n"
    "Torréfaction Mont-Royal — commande PO-2025-041 du 3 septembre, livraison sous 10 jours.\n\n"
    "Cycles Laurentides — commande PO-2025-042 du 9 septembre. Contact : Julie Martin.\n\n"
    "Meunerie Saint-Laurent — téléphone 514 555 0142, commande PO-2025-043.\n",
    "avoirs.md": f"# Avoirs\n\nAvoir AV{NB}2025{NB}003 : remboursement de 120,00 €.\n\n"
    f"Avoir AV{NB}2025{NB}004 : remboursement de 45,00 €.\n",
}


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(FILES, tmp_path_factory.mktemp("shop"), tmp_path_factory.mktemp("idx"))


@pytest.mark.parametrize(
    ("question", "quoted"),
    [
        ("Qu'a livré le bon 2025-09-014 ?", "Bon 2025-09-014 : 3 vélos cargo"),
        ("Quand le bon 2025-09-013 a-t-il été livré ?", "Bon 2025-09-013 : 12 cartons"),
        (f"Quel est le montant de la facture FA{NB}2025{NB}014 ?", "| FA-2025-014 |"),
        ("Quel est le montant de l'avoir AV-2025-004 ?", f"AV{NB}2025{NB}004"),
        ("Quel est le téléphone de la Meunerie Saint-Laurent ?", "514 555 0142"),
    ],
)
def test_a_record_numbered_in_its_year_is_quoted(
    assistant: Assistant, question: str, quoted: str
) -> None:
    answer = assistant.ask(question)
    assert not answer.abstained, answer.answer
    assert quoted in answer.citations[0].quote, answer.answer


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("Qu'a livré le bon 2025-09-019 ?", "2025-09-015"),
        (f"Quel est le montant de l'avoir AV{NB}2025{NB}009 ?", "AV-2025-004"),
    ],
)
def test_a_record_of_the_series_the_corpus_does_not_hold_abstains_naming_its_siblings(
    assistant: Assistant, question: str, reason: str
) -> None:
    answer = assistant.ask(question)
    assert answer.abstained and reason in (answer.reason or ""), answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "Quel est le téléphone de Cycles Laurentides ?",
        "What is the phone number of Cycles Laurentides?",
    ],
)
def test_an_order_number_is_no_phone_number(assistant: Assistant, question: str) -> None:
    answer = assistant.ask(question)
    assert answer.abstained, answer.answer
