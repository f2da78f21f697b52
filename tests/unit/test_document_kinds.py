"""document_kinds.py: the kind of business document a document is (by its file name, first line
or folder) and the one a question asks, from the words of data/document_kinds.json."""

from __future__ import annotations

from citeqa.document_kinds import asked_kind, document_kind, kinds_in, written_as_record


def test_a_document_s_kind_is_its_file_name_s_then_its_first_line_s_then_its_folder_s() -> None:
    # s35 hostile M6: a credit note named after the invoice it refunds
    credit = "Avoir AV-2025-010 sur FAC-2025-002\n\nMontant : -50,00 €\n"
    assert document_kind("banque/avoir_FAC-2025-002", credit) == "credit_note"
    assert document_kind("factures/FAC-2025-002", "\nFacture FAC-2025-002\n") == "invoice"
    assert document_kind("factures/FAC-2025-002", "Client : Martin\n") == "invoice"
    assert document_kind("scans/Scan-2025-04-15", "Relevé\n\nVirement reçu\n") is None
    assert document_kind("compta/Devis_DE-2025-12", "Facture liée : FA-2025-3\n") == "quote"


def test_a_question_asks_the_one_kind_it_names() -> None:
    assert asked_kind("Quel est le montant de la facture FAC-2025-002 ?") == "invoice"
    assert asked_kind("What is the total of credit note CN-2025-4?") == "credit_note"
    assert asked_kind("Quel est le montant de l'avoir sur la facture FAC-2025-002 ?") is None
    assert asked_kind("Quel est le montant de FAC-2025-002 ?") is None
    # the longest words first: a "facture d'avoir" is a credit note, not an invoice
    assert kinds_in("Facture d'avoir n° 12") == ["credit_note"]


def test_an_id_after_a_kind_word_and_a_number_mark_is_written_as_a_record_s() -> None:
    text = "Avoir AV-2025-05 sur facture n° FA-2025-02, voir PV-2025-03"
    assert written_as_record(text, text.index("AV-"))
    assert written_as_record(text, text.index("FA-"))
    assert not written_as_record(text, text.index("PV-"))


def test_an_ambiguous_kind_word_names_a_kind_after_a_determiner_or_before_an_id_only() -> None:
    # review s36 M6: the verb "avoir" (and "quote", "estimate") asked a credit note
    assert asked_kind("Peut-on avoir le total TTC de FAC-2031-002 ?") is None
    assert asked_kind("Can you quote the total of INV-2031-4?") is None
    assert asked_kind("Quel est le montant de l'avoir AV-2031-010 ?") == "credit_note"
    assert asked_kind("Quel est le montant d'un avoir ?") == "credit_note"
    assert asked_kind("What does the quote say?") == "quote"
    assert kinds_in("Avoir n° 12") == ["credit_note"]
    assert document_kind("banque/avoir_FAC-2031-002", "Montant : -50,00 €\n") == "credit_note"
    assert document_kind("avoir/FAC-2031-002", "Montant : -50,00 €\n") == "credit_note"


def test_a_colon_is_no_number_mark() -> None:
    # review s36 item 6: "devis :" made PV-2025-03 a record's number (no date stamp)
    text = "Voir devis : PV-2025-03"
    assert not written_as_record(text, text.index("PV-2025-03"))
    assert written_as_record("Devis n° PV-2025-03", len("Devis n° "))


def test_a_first_line_gives_a_kind_when_it_opens_with_it_and_a_folder_when_naming_one() -> None:
    # review s36 item 5: the first kind word anywhere in the first line was taken
    letter = "Suite à notre devis du 3 mars\nFacture FAC-2025-002\n"
    assert document_kind("factures/FAC-2025-002", letter) == "invoice"
    assert document_kind("courrier/FAC-2025-002", letter) is None
    assert document_kind("courrier/FAC-2025-002", "# Facture FAC-2025-002\n") == "invoice"
    assert document_kind("factures et avoirs/FAC-2025-002", "Client : Martin\n") is None
