"""An insurer's cover table looked up by a word no row holds (unheld_word_keys.py): "Quel est le
remboursement de l'ostéopathie ?" quoted the general practitioner's row at .39 (s58 trial); a
question asking the value of one thing by its name (absent_heads.thing_head), naming the
table's "remboursement" column, now asks a cell, and is refused naming the closest rows."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

COVER = (
    "# Mutuelle Horizon Santé — tableau de garanties 2026\n"
    "\n"
    "Contrat n° HS-2026-558013, formule Confort.\n"
    "\n"
    "| poste | remboursement |\n"
    "|---|---|\n"
    "| Consultation généraliste | 100 % de la base de remboursement |\n"
    "| Consultation spécialiste | 150 % de la base de remboursement |\n"
    "| Pharmacie | 100 % |\n"
    "| Optique | 250 € par an |\n"
    "| Dentaire (prothèses) | 300 % de la base de remboursement |\n"
    "| Hospitalisation (chambre particulière) | 60 € par jour |\n"
    "\n"
    "La cotisation mensuelle est de 78,40 €. Le tiers payant est accepté chez tous les "
    "pharmaciens.\n"
)


@pytest.fixture(scope="module")
def cover(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"mutuelle-garanties.md": COVER}
    return assistant_over(files, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i"))


def test_a_row_no_table_holds_is_refused(cover: Assistant) -> None:
    answer = cover.ask("Quel est le remboursement de l'ostéopathie ?")
    assert answer.abstained, [c.quote for c in answer.citations]
    assert answer.reason is not None and "“ostéopathie”" in answer.reason


def test_a_row_the_table_holds_is_quoted(cover: Assistant) -> None:
    answer = cover.ask("Quel est le remboursement de l'optique ?")
    assert not answer.abstained, answer.reason
    assert answer.citations[0].quote.startswith("| Optique | 250 € par an |")
