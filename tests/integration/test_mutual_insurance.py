"""A French health insurer's documents answered as a member asks them (s54 trial):

- a French feminine form the documents never write is read as the form they write
  (spelling_variants.json's `pairs_fr`): "Quand les cotisations sont-elles prélevées ?" was
  refused, "they never mention “prélevées”", the conditions writing "par prélèvement" (the
  stemmer cuts the folded "prelevees" to "preleve", "prélèvement" to "prelev");
- a question asking what follows from not paying asks no amount (asked_values.json's amount
  `unless`): "Que se passe-t-il si je ne paie pas ma cotisation ?" was refused for quotes
  writing no price."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from citeqa.asked_values import asked_kinds
from citeqa.spelling_variants import other_spellings
from small_corpora import assistant_over

CONDITIONS = """CONDITIONS GÉNÉRALES (extraits)

Article 4 - Adhésion
L'adhésion prend effet le premier jour du mois suivant la réception du bulletin complet.

Article 7 - Cotisations
Les cotisations sont payables mensuellement par prélèvement, le 5 de chaque mois.
En cas de non-paiement, les garanties sont suspendues trente jours après la mise en demeure.

Article 9 - Résiliation
L'adhérent peut résilier à tout moment après un an d'adhésion, par lettre ou par courriel.
"""

GARANTIES = """# Tableau des garanties

| Poste | Remboursement |
|---|---|
| Consultation spécialiste | 150 % BR |
| Lunettes (verres simples) | 250 € tous les deux ans |
"""


@pytest.fixture(scope="module")
def mutual(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"conditions.txt": CONDITIONS, "garanties.md": GARANTIES}
    return assistant_over(
        files, tmp_path_factory.mktemp("mutual"), tmp_path_factory.mktemp("index")
    )


def test_a_feminine_form_is_read_as_the_form_written(mutual: Assistant) -> None:
    answer = mutual.ask("Quand les cotisations sont-elles prélevées ?")
    assert not answer.abstained, answer.answer
    assert "le 5 de chaque mois" in answer.citations[0].quote, answer.citations[0].quote


def test_what_follows_not_paying_is_no_amount_asked(mutual: Assistant) -> None:
    answer = mutual.ask("Que se passe-t-il si je ne paie pas ma cotisation ?")
    assert not answer.abstained, answer.answer
    assert "suspendues" in answer.citations[0].quote, answer.citations[0].quote


@pytest.mark.parametrize(
    ("word", "lang", "spelling"),
    [
        ("prelevees", "fr", "preleve"),
        ("remboursee", "fr", "rembourse"),
        ("envoyes", "fr", "envoyees"),
        ("organisation", "en", "organization"),
    ],
)
def test_other_spellings_by_language(word: str, lang: str, spelling: str) -> None:
    assert spelling in other_spellings(word, lang)


def test_french_forms_are_no_english_spellings() -> None:
    assert "preleve" not in other_spellings("prelevees", "en")
    assert "organization" not in other_spellings("organisation", "fr")


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("Que se passe-t-il si je ne paie pas ma cotisation ?", False),
        ("What happens if I pay late?", False),
        ("Combien coûte la cotisation ?", True),
        ("How much do I pay each month?", True),
    ],
)
def test_what_follows_is_no_amount(question: str, asks: bool) -> None:
    assert ("amount" in asked_kinds(question)) is asks
