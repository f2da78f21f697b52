"""A "Label : value" line of an invoice, a quote or a form is a field the question looks up by
the label's words (field_answers.on_asked_field, field_lines.py): the rankers put footers, header
lines and the client block before "Total TTC : 13 618,00 €" (s31 trial, 11 wrong quotes)."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

CREDIT_NOTE = (
    "Poterie Vasseur — céramique artisanale\n\n"
    "AVOIR N° AV-2031-001\n\n"
    "Date : 02/04/2031\n"
    "Cet avoir annule la facture PV-2031-004 du restaurant ; la facture PV-2031-011 reste due.\n"
)
FOOTER = (
    "Règlement à 45 jours date de facture, par virement bancaire sur le compte de l'atelier.\n"
    "Pénalités de retard : trois fois le taux légal ; indemnité de recouvrement de 40 €.\n"
)


def invoice(number: str, day: str, client: str, lines: str, ht: str, tva: str, ttc: str) -> str:
    return (
        "Poterie Vasseur — céramique artisanale\n"
        "12 rue des Tanneurs, 21000 Dijon — SIRET 901 234 567 00018\n\n"
        f"FACTURE N° {number}\n\n"
        f"Date : {day}\n"
        "Client :\n"
        f"{client}\n"
        "Désignation                     Qté     PU HT     Total HT\n"
        f"{lines}\n"
        f"Total HT : {ht}\n"
        f"TVA 20 % : {tva}\n\n"
        f"Total TTC : {ttc}\n\n" + FOOTER
    )


FIRST = invoice(
    "PV-2031-004",
    "07/02/2031",
    "Restaurant Le Cellier, 4 place Darcy, 21000 Dijon",
    "Assiettes plates grès émaillé          60     18,00     1 080,00\n"
    "Bols à soupe grès                      40     12,00       480,00",
    "1 560,00 €",
    "312,00 €",
    "1 872,00 €",
)
SECOND = invoice(
    "PV-2031-011",
    "19/03/2031",
    "Mme Claire Bonnet, 8 rue Monge, 21000 Dijon",
    "Vase tourné, émail céladon              1    240,00       240,00",
    "240,00 €",
    "48,00 €",
    "288,00 €",
)
QUOTE = (
    "Poterie Vasseur — céramique artisanale\n\n"
    "DEVIS N° DV-2031-002\n\n"
    "Date : 02/01/2031 — Validité : 2 mois\n"
    "Client : Hôtel des Ducs, 1 rue Vauban, 21000 Dijon\n"
    "Désignation                     Qté     PU HT     Total HT\n"
    "Tasses à café porcelaine               80      9,00       720,00\n"
    "Total HT : 720,00 €\n"
    "TVA 20 % : 144,00 €\n\n"
    "Total TTC : 864,00 €\n\n"
    "Délai de fabrication : 6 semaines après acompte. Le devis signé vaut bon de commande.\n"
)
ENGLISH_INVOICE = (
    "Harbour Kilns Ltd, Unit 4 Quay Road, Whitby YO21 1DH, United Kingdom\n\n"
    "INVOICE HK-7731\n\n"
    "Invoice date: 14 January 2031\n\n"
    "Bill to: Poterie Vasseur, 12 rue des Tanneurs, 21000 Dijon, France\n\n"
    "Kiln shelves, cordierite 500 x 400 mm          12    £61.50    £738.00\n"
    "Delivery to France (pallet)                      1   £274.92    £274.92\n\n"
    "Subtotal: £1,012.92\n\n"
    "VAT (20%): £202.58\n\n"
    "Total due: £1,215.50\n\n"
    "Payment terms: 30 days net. Please quote the invoice number HK-7731 with your payment, "
    "as payments without it may be delayed.\n"
    "French import VAT is payable by the customer on arrival of the goods in France.\n"
)


@pytest.fixture(scope="module")
def forms(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {
        "factures/PV-2031-004.txt": FIRST,
        "factures/PV-2031-011.txt": SECOND,
        "devis/DV-2031-002_hotel.txt": QUOTE,
        "factures/AV-2031-001.txt": CREDIT_NOTE,
        "achats/Harbour_Kilns_invoice_HK-7731.txt": ENGLISH_INVOICE,
    }
    corpus, index = tmp_path_factory.mktemp("forms"), tmp_path_factory.mktemp("index")
    return assistant_over(files, corpus, index)


def quoted(assistant: Assistant, question: str) -> str:
    answer = assistant.ask(question)
    assert not answer.abstained, answer.reason
    return answer.citations[0].quote


def test_the_total_line_the_question_names_is_quoted(forms: Assistant) -> None:
    assert quoted(forms, "Quel est le montant TTC de la facture PV-2031-004 ?").startswith(
        "Total TTC : 1 872,00 €"
    )
    assert quoted(forms, "What is the total of invoice PV-2031-011?").startswith("Total")


def test_the_question_words_choose_among_the_lines_of_one_label_word(forms: Assistant) -> None:
    assert "Total HT : 720,00 €" in quoted(forms, "Montant HT du devis DV-2031-002 ?")
    assert "TVA 20 % : 48,00 €" in quoted(forms, "Quel taux de TVA sur la facture PV-2031-011 ?")


def test_a_field_of_the_named_record_is_quoted_not_another_record_s(forms: Assistant) -> None:
    date = quoted(forms, "Date de la facture PV-2031-011 ?")
    assert "19/03/2031" in date and "07/02/2031" not in date


def test_an_english_invoice_s_total_line_is_looked_up_by_its_label(forms: Assistant) -> None:
    # "Subtotal" is one word, no "total" label word: "Total due" is the line named
    assert quoted(forms, "What is the total of invoice HK-7731?").startswith("Total due: £1,215.50")


def test_prose_speaking_of_the_label_and_the_document_s_own_name_are_no_field_lookup(
    forms: Assistant,
) -> None:
    # guards of the lookup's limits (they held before it): a field line never takes the place
    # of prose writing the label's word, and "invoice" names the document, not "Invoice date"
    assert "payable by the customer" in quoted(forms, "Who pays the import VAT on invoice HK-7731?")
    assert not quoted(forms, "How much was the Harbour Kilns invoice?").startswith("Invoice date")


REFUND = (
    "Poterie Vasseur — céramique artisanale\n\n"
    "AVOIR N° AV-2031-005 sur facture PV-2031-020\n\n"
    "Date : 02/05/2031\n"
    "Total HT : -500,00 €\n"
    "Total TTC : -600,00 €\n"
)


@pytest.fixture(scope="module")
def refunded(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {
        "factures/PV-2031-020.txt": invoice(
            "PV-2031-020",
            "15/04/2031",
            "Restaurant Le Cellier, 4 place Darcy, 21000 Dijon",
            "Plats ovales grès                      20     30,00       600,00",
            "600,00 €",
            "120,00 €",
            "720,00 €",
        ),
        "avoirs/AV-2031-005_PV-2031-020.txt": REFUND,
        "notes.txt": "L'atelier ferme le lundi.\n",
    }
    corpus, index = tmp_path_factory.mktemp("refunded"), tmp_path_factory.mktemp("refunded_i")
    return assistant_over(files, corpus, index)


def test_a_record_s_fields_are_its_own_document_s_not_a_credit_note_citing_it(
    refunded: Assistant,
) -> None:
    # the credit note's file name writes the invoice's id after its own (s33 hostile M3): it
    # refers to the invoice; the invoice's file goes by that id
    total = quoted(refunded, "Quel est le montant TTC de la facture PV-2031-020 ?")
    assert total.startswith("Total TTC : 720,00 €")
    # a question naming the credit note by a word of its path still reads it
    refund = quoted(refunded, "Quel est le montant TTC de l'avoir sur la facture PV-2031-020 ?")
    assert "-600,00 €" in refund


MONTH_REFUND = (
    "Avoir AV-2031-05 sur facture FA-2031-02\n"
    "Client : Restaurant Le Cellier\n"
    "Date : 02/05/2031\n"
    "Total HT : -500,00 €\n"
    "Total TTC : -550,00 €\n"
)


@pytest.fixture(scope="module")
def month_numbered(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {
        f"factures/FA-2031-{month}.txt": invoice(
            f"FA-2031-{month}",
            f"15/{month}/2031",
            "Restaurant Le Cellier, 4 place Darcy, 21000 Dijon",
            "Plats ovales grès                      20     30,00       600,00",
            f"1{month} 380,00 €",
            "120,00 €",
            f"1{month} 618,00 €",
        )
        for month in ("01", "02", "03")
    }
    files["avoirs/AV-2031-05_FA-2031-02.txt"] = MONTH_REFUND
    files["notes.txt"] = "L'atelier ferme le lundi.\n"
    corpus, index = tmp_path_factory.mktemp("monthly"), tmp_path_factory.mktemp("monthly_i")
    return assistant_over(files, corpus, index)


def test_a_credit_note_numbered_in_its_year_is_no_date_stamp(month_numbered: Assistant) -> None:
    # "AV-2031-05" reads like May 2031, but its text writes "Avoir AV-2031-05": the credit
    # note's number (hostile s35 M7); the invoice's own file answers
    total = quoted(month_numbered, "Quel est le montant TTC de la facture FA-2031-02 ?")
    assert "102 618,00 €" in total and "-550,00" not in total


@pytest.fixture(scope="module")
def refunded_by_name(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {
        f"factures/FAC-2031-00{n}.txt": f"Facture FAC-2031-00{n}\n\nClient : Martin\n"
        f"Date : 0{n}/03/2031\nTotal TTC : {n}50,00 €\n"
        for n in (1, 2, 3)
    }
    files["banque/Scan-2031-04-15.txt"] = (
        "Relevé\n\nVirement reçu FAC-2031-002\nMontant : 999,00 €\nDate : 15/04/2031\n"
    )
    files["banque/avoir_FAC-2031-002.txt"] = (
        "Avoir AV-2031-010 sur FAC-2031-002\n\nClient : Martin\nMontant : -50,00 €\n"
        "Date : 20/04/2031\n"
    )
    corpus, index = tmp_path_factory.mktemp("by_name"), tmp_path_factory.mktemp("by_name_i")
    return assistant_over(files, corpus, index)


def test_a_credit_note_named_by_the_invoice_s_id_is_set_behind_the_invoice(
    refunded_by_name: Assistant,
) -> None:
    # hostile s35 M6: "avoir_FAC-2031-002" writes only the invoice's id and labels its amount
    # "Montant", the question's word: its -50,00 € was quoted for the invoice
    amount = quoted(refunded_by_name, "Quel est le montant de la facture FAC-2031-002 ?")
    assert "250,00 €" in amount and "-50,00" not in amount


@pytest.fixture(scope="module")
def refunded_no_scan(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {
        f"factures/FAC-2031-00{n}.txt": f"Facture FAC-2031-00{n}\n\nClient : Martin\n"
        f"Date : 0{n}/03/2031\nTotal TTC : {n}50,00 €\n"
        for n in (1, 2, 3)
    }
    files["banque/avoir_FAC-2031-002.txt"] = (
        "Avoir AV-2031-010 sur FAC-2031-002\n\nClient : Martin\nMontant : -50,00 €\n"
        "Date : 20/04/2031\n"
    )
    corpus, index = tmp_path_factory.mktemp("no_scan"), tmp_path_factory.mktemp("no_scan_i")
    return assistant_over(files, corpus, index)


def test_the_verb_avoir_asks_no_credit_note(refunded_no_scan: Assistant) -> None:
    # review s36 M6: "Peut-on avoir" read as a credit note asked, the invoice was dropped
    total = quoted(refunded_no_scan, "Peut-on avoir le total TTC de FAC-2031-002 ?")
    assert "250,00 €" in total and "-50,00" not in total


@pytest.fixture(scope="module")
def ordered(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {
        "factures/BC-2031-7_PV-2031-020.txt": invoice(
            "PV-2031-020",
            "15/04/2031",
            "Restaurant Le Cellier, 4 place Darcy, 21000 Dijon",
            "Plats ovales grès                      20     30,00       600,00",
            "600,00 €",
            "120,00 €",
            "720,00 €",
        ),
        "banque/PV-2031-020_paiement.txt": (
            "Avis de virement\n\nRéférence : PV-2031-020\nDate : 20/05/2031\n"
            "Montant : 720,00 €\nTotal TTC réglé : 700,00 €\n"
        ),
        "notes.txt": "L'atelier ferme le lundi.\n",
    }
    corpus, index = tmp_path_factory.mktemp("ordered"), tmp_path_factory.mktemp("ordered_i")
    return assistant_over(files, corpus, index)


def test_a_record_s_own_document_is_read_whatever_the_place_of_its_id_in_its_name(
    ordered: Assistant,
) -> None:
    # the invoice's file name writes an order's number first; the payment notice's goes by the
    # invoice's id: neither refers to another record in its text, so both are read (s34 review)
    assert quoted(ordered, "Quel est le montant TTC de PV-2031-020 ?").startswith(
        "Total TTC : 720,00 €"
    )


NOTE = (
    "# Kiln room refit\n\n"
    "Author: Jeanne Roux\n"
    "Status: Draft\n"
    "Date: 2031-03-02\n\n"
    "The refit of the kiln room is paused until the insurer pays for the new vents.\n"
    "The firing schedule used for the glaze tests was first devised by Mori and Keller in 2019.\n"
    "Overall, 35 potters answered the survey across the three workshops.\n"
    "The delay of the second firing was caused by a cracked kiln shelf.\n\n"
    "Total: 3 workshops\n"
    "Due date: 2031-06-30\n"
)


@pytest.fixture(scope="module")
def notes(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    corpus, index = tmp_path_factory.mktemp("notes"), tmp_path_factory.mktemp("notes_index")
    return assistant_over({"notes/kiln_refit.md": NOTE}, corpus, index)


def test_a_note_s_header_lines_never_replace_the_prose_that_answers(notes: Assistant) -> None:
    # the question names no record and the best sentence is prose: a field line sharing a
    # word with the question ("author", "total", "due") is no better answer (s32-keyed review)
    author = quoted(notes, "Who is the author of the firing schedule of the glaze tests?")
    assert "Mori and Keller" in author and "Jeanne Roux" not in author
    total = quoted(notes, "How many potters in total answered the survey?")
    assert "35 potters" in total and "3 workshops" not in total
    delay = quoted(notes, "What was the delay of the second firing due to?")
    assert "cracked kiln shelf" in delay and "Due date" not in delay
