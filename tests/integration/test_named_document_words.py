"""A question naming a document by a capitalised word of its title quotes that document over
another one that never writes the word (named_document_quotes.py; research set: "What was
wrong with the Burkard spore trap at Holbeach?" quoted a paper's spore count "at the Holbeach
trap", not the mail saying the trap "stopped rotating the drum"); a document writing the word
is left alone (the bank statement writing "TVA" answers the balance after the VAT payment, not
the VAT table's file named "tva")."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

MAIL = (
    "# Burkard trap out of order\n\n"
    "From: Tom Becker\nDate: 2 May 2023\n\n"
    "Hello,\n"
    "our 7-day recording trap at Holbeach stopped rotating the drum on 30 April. The battery"
    " reads 12.4 V, so it is probably the clock motor.\n"
    "Could you send a replacement before the next sampling week?\n"
)
PAPER = (
    "# Airborne spore counts in Lincolnshire, 2021-2023\n\n"
    "## Results\n\n"
    "Spores were counted daily at three sites from April to July.\n"
    "The highest daily count was 412 spores/m3 on 11 May 2023 at the Holbeach trap.\n"
    "Counts at Boston and Spalding never exceeded 150 spores/m3.\n\n"
    "## Discussion\n\n"
    "Rain events preceded most peaks by two to four days.\n"
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(
        {"spore-trap-fault.md": MAIL, "spore-counts-paper.md": PAPER},
        tmp_path_factory.mktemp("lab"),
        tmp_path_factory.mktemp("index"),
    )


def test_the_document_named_is_quoted(folder: Assistant) -> None:
    answer = folder.ask("What was wrong with the Burkard spore trap at Holbeach?")
    assert not answer.abstained, answer.reason
    assert answer.citations[0].doc_id == "spore-trap-fault", [c.quote for c in answer.citations]


STATEMENT = (
    "# Relevé de compte courant, octobre 2025\n\n"
    "| Date | Libellé | Débit | Crédit | Solde |\n"
    "|---|---|---|---|---|\n"
    "| 01/10/2025 | Solde initial |  |  | 3 356,12 |\n"
    "| 23/10/2025 | PRLV SEPA DGFIP TVA T3 2025 | 676,90 |  | 2 679,22 |\n"
    "| 28/10/2025 | VIR CLIENT FACTURE 2025-041 |  | 1 200,00 | 3 879,22 |\n"
)
VAT = (
    "# TVA 2025 par trimestre\n\n"
    "| Trimestre | Période | CA HT | TVA collectée | TVA déductible | TVA due | Payée le |\n"
    "|---|---|---|---|---|---|---|\n"
    "| T2 2025 | 01/04/2025 – 30/06/2025 | 21 940,00 | 611,30 | 28,10 | 583,20 | 23/07/2025 |\n"
    "| T3 2025 | 01/07/2025 – 30/09/2025 | 25 386,00 | 712,20 | 35,30 | 676,90 | 23/10/2025 |\n"
)


def test_a_document_writing_the_naming_word_is_left_alone(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    folder = assistant_over(
        {"banque/releve-2025-10.md": STATEMENT, "compta/tva_2025_trimestres.md": VAT},
        tmp_path_factory.mktemp("admin"),
        tmp_path_factory.mktemp("index"),
    )
    answer = folder.ask("Quel est le solde après le prélèvement de la TVA du T3 2025 ?")
    assert not answer.abstained, answer.reason
    assert "2 679,22" in answer.citations[0].quote, [c.quote for c in answer.citations]
