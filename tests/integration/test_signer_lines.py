"""A question asking who signed a letter is answered by the line closing it with its signer's
name (s56 trial: a renovation folder's town hall letter). The letter writes no "signé": the
question's signing words the corpus never uses are no terms (questions._unused_signer_word), the
closing line naming a person in the first-ranked passage's document leads
(promotions.signer_first, signers.py), and a document closing with no name is refused saying
the documents never mention the word, not answered by its body (answering._unsigned_quotes)."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

LETTER_FR = """MAIRIE DE NANTES
Direction de l'urbanisme

Nantes, le 22 janvier 2027

Objet : déclaration préalable de travaux n° DP 044 109 26 00412

Madame, Monsieur,

Votre déclaration préalable pour le remplacement des fenêtres et la pose d'un velux sur la
façade arrière a fait l'objet d'une décision de non-opposition en date du 20 janvier 2027.

Les travaux doivent commencer dans un délai de trois ans à compter de cette date.

Pour le Maire,
L'adjointe à l'urbanisme, Sophie Renaud
"""
QUOTE_FR = """# Devis n° D-2027-031 — Plomberie Martin

Client : M. et Mme Garnier, 18 rue des Acacias, 44000 Nantes
Date du devis : 3 février 2027

| Désignation | Quantité | Prix unitaire HT | Total HT |
|---|---|---|---|
| Receveur de douche extra-plat | 1 | 420,00 € | 420,00 € |
| Mitigeur thermostatique | 1 | 210,00 € | 210,00 € |

Total TTC : 693,00 €

Un acompte de 30 % est demandé à la commande.
"""
LETTER_EN = """Mr John Watson
221 Baker Street
London NW1 6XE

London, 3 March 2024

Subject: appointment confirmation

Dear Mr Watson,

I confirm our appointment on 15 March at 10 am at our offices.

Mary Hudson
"""
AGREEMENT_EN = """Service Agreement

Article 1 – Purpose
This agreement covers an IT audit carried out by the provider.

Article 2 – Price
The fixed price is 8,400 euros excluding tax.
"""


@pytest.fixture(scope="module")
def french(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"permis-mairie.txt": LETTER_FR, "devis-plomberie.md": QUOTE_FR}
    return assistant_over(files, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i"))


def test_the_letter_s_closing_line_names_its_signer(french: Assistant) -> None:
    answer = french.ask("Qui a signé la décision de non-opposition ?")
    assert not answer.abstained, answer.reason
    assert "Sophie Renaud" in answer.citations[0].quote


def test_a_document_closing_with_no_name_is_refused(french: Assistant) -> None:
    answer = french.ask("Qui a signé le devis ?")
    assert answer.abstained, [c.quote for c in answer.citations]
    assert answer.reason is not None and "signé" in answer.reason


def test_an_english_letter_s_signer(tmp_path_factory: pytest.TempPathFactory) -> None:
    files = {"letter.txt": LETTER_EN, "agreement.txt": AGREEMENT_EN}
    folder = assistant_over(files, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i"))
    answer = folder.ask("Who signed the appointment confirmation?")
    assert not answer.abstained, answer.reason
    assert answer.citations[0].quote.strip().endswith("Mary Hudson")
