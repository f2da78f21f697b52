"""document_names.titled_among: a question writing every word of a document's title or file
name names it (s57 trials)."""

from __future__ import annotations

from citeqa.document_names import titled_among
from citeqa.models import Document


def _doc(doc_id: str, title: str) -> Document:
    return Document(doc_id=doc_id, title=title, path=f"/{doc_id}.md", text="", sha256="0")


CHARGES = _doc("regularisation-charges-2025", "Régularisation des charges 2025")
LEASE = _doc("bail", "Contrat de location — logement meublé")
INVOICE = _doc("facture-garage", "GARAGE LEMOINE")
LOG = _doc("entretien", "entretien")


def test_every_word_of_a_title_but_its_year_names_the_document() -> None:
    question = "Combien le locataire doit-il pour la régularisation des charges ?"
    assert titled_among(question, [LEASE, CHARGES]) == (
        {CHARGES.doc_id},
        frozenset({"regularisation", "charges"}),
    )


def test_every_word_of_a_file_name_names_the_document() -> None:
    question = "Quel est le montant total de la facture du garage Lemoine ?"
    named, words = titled_among(question, [INVOICE, LOG])
    assert named == {INVOICE.doc_id} and words >= {"facture", "garage"}


def test_a_title_written_in_part_or_of_one_word_names_none() -> None:
    assert titled_among("Quel est le montant des charges ?", [LEASE, CHARGES]) == (
        set(),
        frozenset(),
    )
    assert titled_among("Que dit l'entretien ?", [LOG, INVOICE]) == (set(), frozenset())


def test_every_document_named_alike_names_none() -> None:
    other = _doc("charges-regularisation", "Charges : régularisation")
    question = "Combien pour la régularisation des charges ?"
    assert titled_among(question, [CHARGES, other]) == (set(), frozenset())
