"""later_statements.restates_value through answering: a later-dated document's sentence that
restates the value the answer quotes, changing nothing, is shown as no "Later" statement (s37
trial a001, a023: the January reply restating January's 385,000 euros), while one giving
another value still is. Built and asked with the conftest's "fake" channel."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeqa.later_statements import restates_value
from small_corpora import asked_of_files as _asked

OFFER = (
    "# Offer for the Mill Barn\n\nDate: 28 January 2026\n\n"
    "The agreed price of the Mill Barn is 385,000 euros including some furniture.\n"
)
RESTATED = (
    "# Fees estimate for the Mill Barn\n\nDate: 30 January 2026\n\n"
    "For the agreed price of the Mill Barn of 385,000 euros, the fees are about 8 % of it.\n"
)
CHANGED = (
    "# New offer for the Mill Barn\n\nDate: 5 March 2026\n\n"
    "The agreed price of the Mill Barn is reduced to 372,000 euros after the termite report.\n"
)
OFFRE = (
    "# Offre pour la grange\n\nDate : 28 janvier 2026\n\n"
    "Le prix convenu de la grange est de 385 000 euros, mobilier compris.\n"
)
RAPPELEE = (
    "# Estimation des frais pour la grange\n\nDate : 30 janvier 2026\n\n"
    "Pour le prix convenu de la grange de 385 000 euros, les frais représentent environ 8 %.\n"
)


@pytest.mark.parametrize(
    ("files", "question"),
    [
        pytest.param(
            {"offer.md": OFFER, "fees.md": RESTATED},
            "What is the agreed price of the Mill Barn?",
            id="english",
        ),
        pytest.param(
            {"offre.md": OFFRE, "frais.md": RAPPELEE},
            "Quel est le prix convenu de la grange ?",
            id="french",
        ),
    ],
)
def test_a_later_sentence_restating_the_quoted_value_is_no_later_statement(
    tmp_path: Path, files: dict[str, str], question: str
) -> None:
    answer = _asked(tmp_path, files, question)
    assert answer.citations
    assert not any(citation.later for citation in answer.citations)


def test_a_later_sentence_restating_a_value_it_changes_still_reads_as_a_change() -> None:
    quoted = ["The agreed price of the Mill Barn is 385,000 euros including some furniture."]
    assert restates_value(RESTATED.splitlines()[-1], quoted)
    assert restates_value("Pour un prix de 385 000 €, les frais sont de 8 %.", quoted)
    assert not restates_value("The agreed price is reduced to 372,000 euros.", quoted)
    assert not restates_value("The 385,000 euros offer is cancelled.", quoted)
    assert not restates_value("Next meeting: 2 July 2026 at 18:30.", ["Next: 9 April at 18:30."])


def test_a_later_sentence_giving_another_value_is_still_shown(tmp_path: Path) -> None:
    answer = _asked(
        tmp_path,
        {"offer.md": OFFER, "fees.md": RESTATED, "new-offer.md": CHANGED},
        "What is the agreed price of the Mill Barn?",
    )
    assert any(c.doc_id == "new-offer" for c in answer.citations)
    assert not any(c.doc_id == "fees" and c.later for c in answer.citations)


@pytest.mark.parametrize(
    "later",
    [
        "The seller accepts 372,000 euros rather than 385,000 euros.",
        "The price is 385,000 dollars, not euros.",
        "The price is 385,000 euros rather than the asking price.",
        "The annual fee is 385,000 CHF.",
        "Le prix passe de 385 000 euros à 372 000 euros.",
        "Le prix de 385 000 euros est ramené à 372 000 euros.",
        "Le prix est de 385 000 euros HT et non TTC.",
    ],
)
def test_a_later_sentence_stating_another_value_or_unit_is_no_restatement(later: str) -> None:
    quoted = ["The agreed price of the Mill Barn is 385,000 euros including some furniture."]
    assert not restates_value(later, quoted)


def test_a_restatement_writes_the_quoted_value_with_its_own_currency_word() -> None:
    assert restates_value(
        "Pour un prix de 385 000 €, les frais sont de 8 %.", ["Prix : 385 000 EUR."]
    )
    assert restates_value("For 385,000 euros, the fees are 8 %.", ["The price is 385,000 €."])
    assert restates_value("For 385,000 euros, the notary fees are 8 %.", ["Price: 385,000 €."])
