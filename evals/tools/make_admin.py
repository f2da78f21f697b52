"""Write the `admin` set's corpus (evals/sets/admin/corpus/): the admin folder of a freelance
translator's business, French and English, reproducibly.

    python evals/tools/make_admin.py [--out evals/sets/admin/corpus]

Fixed seed: running it twice gives byte-identical files (tests/unit/test_admin_set.py checks
it). The questions (evals/sets/admin.jsonl) are written by hand against these files. The
folder holds what a small business keeps: issued invoices and a credit note ("Label : value"
lines over an item table, .txt and .md), quotes with a revised second version, a bank
statement (`;`, decimal commas, debit and credit columns, several rows a day), a VAT summary by
quarter, the price lists of two years (last year's in `2024/`), a customer list with
look-alike names, two supplier invoices (one in English) and the terms of sale. Invoices and
the statement share keys as a business's papers do: a paid invoice's number is written in its
payment's row. Names, figures, identifiers and addresses are invented; only text formats are
written (.txt, .md, .csv), which a script writes byte for byte.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

SEED = 20261201
ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "evals" / "sets" / "admin" / "corpus"

SELLER_FR = [
    "Inès Garnier – Traduction & localisation (EN/DE > FR)",
    "14 rue des Capucins, 69001 Lyon",
    "SIRET : 853 412 907 00018 – N° TVA : FR47 853412907",
    "IBAN : FR76 1027 8073 1100 0204 5810 163 – BIC : CMCIFR2A",
]
SELLER_EN = [
    "Inès Garnier – Translation & localisation (EN/DE > FR)",
    "14 rue des Capucins, 69001 Lyon, France",
    "SIRET: 853 412 907 00018 – VAT no.: FR47 853412907",
    "IBAN: FR76 1027 8073 1100 0204 5810 163 – BIC: CMCIFR2A",
]
FOOTER_FR = (
    "Paiement par virement à réception. En cas de retard, pénalités au taux de 3 fois le taux "
    "d'intérêt légal et indemnité forfaitaire de 40 € pour frais de recouvrement."
)
FOOTER_EN = (
    "Payment by bank transfer. Late payments bear interest at three times the French legal rate "
    "plus a fixed recovery fee of EUR 40."
)


@dataclass(frozen=True)
class Item:
    """One line of an invoice or a quote: what, how many, of what unit, at what unit price."""

    label: str
    quantity: int
    unit: str
    unit_cents: int

    @property
    def cents(self) -> int:
        """The line's amount before tax, rounded to the cent."""
        return round(self.quantity * self.unit_cents)


@dataclass(frozen=True)
class Invoice:
    """An issued invoice: its number, client, dates, lines, VAT rate and how it is laid out."""

    number: str
    lang: str
    client: list[str]
    issued: date
    due: date
    items: list[Item]
    vat_rate: int
    markdown: bool
    extra: list[tuple[str, str]]
    paid: date | None
    payer: str


def fr_amount(cents: int) -> str:
    """An amount as French papers write it: "1 636,80" (a space between thousands)."""
    sign = "-" if cents < 0 else ""
    euros, rest = divmod(abs(cents), 100)
    return sign + f"{euros:,}".replace(",", " ") + f",{rest:02d}"


def en_amount(cents: int) -> str:
    """An amount as English papers write it: "3,185.00"."""
    euros, rest = divmod(abs(cents), 100)
    return ("-" if cents < 0 else "") + f"{euros:,}.{rest:02d}"


def fr_number(value: int) -> str:
    """A count as French papers write it: "12 400"."""
    return f"{value:,}".replace(",", " ")


def en_date(day: date) -> str:
    return f"{day.day} {day.strftime('%B')} {day.year}"


def fr_date(day: date) -> str:
    return day.strftime("%d/%m/%Y")


INVOICES = [
    Invoice(
        "TR-2025-007",
        "fr",
        ["Éditions du Rivage", "8 quai Saint-Vincent", "69001 Lyon"],
        date(2025, 2, 14),
        date(2025, 3, 16),
        [
            Item(
                "Traduction EN > FR – roman « Les Marées basses », chapitres 1 à 6",
                12400,
                "mot",
                11,
            ),
            Item("Relecture croisée", 6, "heure", 4500),
        ],
        20,
        False,
        [("Référence client", "ER-LMB-02")],
        date(2025, 3, 21),
        "EDITIONS DU RIVAGE",
    ),
    Invoice(
        "TR-2025-012",
        "fr",
        ["Lindqvist Conseil", "27 cours Vitton", "69006 Lyon"],
        date(2025, 3, 3),
        date(2025, 4, 2),
        [
            Item("Traduction DE > FR – rapport d'audit énergétique", 5300, "mot", 13),
            Item("Mise en page des tableaux", 2, "heure", 5000),
        ],
        20,
        True,
        [("Bon de commande", "LC-2025-031")],
        date(2025, 4, 4),
        "LINDQVIST CONSEIL",
    ),
    Invoice(
        "TR-2025-019",
        "en",
        ["Nordlicht Software GmbH", "Hafenstraße 12", "20457 Hamburg, Germany"],
        date(2025, 4, 1),
        date(2025, 4, 30),
        [
            Item("Software localisation DE > FR – release 4.2 user interface", 9100, "word", 12),
            Item("Terminology glossary update", 4, "hour", 5500),
            Item("Linguistic testing session", 3, "hour", 5500),
        ],
        0,
        True,
        [
            ("Purchase order", "NL-PO-77120"),
            ("VAT", "reverse charge – art. 196 of Directive 2006/112/EC"),
        ],
        date(2025, 5, 6),
        "NORDLICHT SOFTWARE GMBH",
    ),
    Invoice(
        "TR-2025-023",
        "fr",
        ["Cabinet Achard & Lenoir", "3 place Bellecour", "69002 Lyon"],
        date(2025, 4, 22),
        date(2025, 5, 22),
        [
            Item("Traduction juridique EN > FR – contrat de licence", 8750, "mot", 14),
            Item("Majoration urgence (délai 48 h)", 1, "forfait", 24000),
        ],
        20,
        False,
        [("Objet", "contrat de licence Meridian / Achard & Lenoir")],
        date(2025, 6, 10),
        "CABINET ACHARD ET LENOIR",
    ),
    Invoice(
        "TR-2025-031",
        "fr",
        ["Musée des Tisserands", "41 montée de la Grande-Côte", "69001 Lyon"],
        date(2025, 6, 2),
        date(2025, 7, 2),
        [
            Item("Traduction EN > FR – catalogue d'exposition (DV-2025-014 v2)", 21500, "mot", 11),
            Item("Remise commerciale 5 %", 1, "forfait", -11825),
        ],
        20,
        True,
        [("Devis accepté", "DV-2025-014 version 2 du 12/05/2025")],
        date(2025, 7, 8),
        "MUSEE DES TISSERANDS",
    ),
    Invoice(
        "TR-2025-038",
        "en",
        ["Harwell & Finch Ltd", "22 Carver Street", "Sheffield S1 4FS, United Kingdom"],
        date(2025, 7, 15),
        date(2025, 8, 14),
        [
            Item("Website localisation EN > FR – 38 pages", 14200, "word", 11),
            Item("Desktop publishing of the brochure", 5, "hour", 6000),
        ],
        0,
        False,
        [
            ("Purchase order", "PO-HF-2291"),
            ("VAT", "not applicable – service supplied outside the EU (art. 259-1 CGI)"),
        ],
        date(2025, 8, 19),
        "HARWELL AND FINCH LTD",
    ),
    Invoice(
        "TR-2025-044",
        "fr",
        ["Lindqvist AB", "Sveavägen 44", "111 34 Stockholm, Suède"],
        date(2025, 9, 9),
        date(2025, 10, 9),
        [
            Item("Traduction EN > FR – guide d'installation des pompes à chaleur", 7800, "mot", 12),
            Item("Relecture technique", 3, "heure", 4500),
        ],
        0,
        False,
        [("TVA", "autoliquidation – art. 283-2 du CGI"), ("N° TVA client", "SE556677889901")],
        date(2025, 10, 14),
        "LINDQVIST AB",
    ),
    Invoice(
        "TR-2025-052",
        "fr",
        ["Éditions Rivages Sud", "9 rue Sainte", "13001 Marseille"],
        date(2025, 11, 4),
        date(2025, 12, 4),
        [
            Item("Traduction EN > FR – dossier de presse", 3900, "mot", 11),
            Item("Forfait minimum de commande", 1, "forfait", 4500),
            Item("Relecture", 2, "heure", 4500),
        ],
        20,
        True,
        [("Référence client", "ERS-DP-11")],
        None,
        "",
    ),
]
"""The invoices issued in 2025; the last is not paid yet (no row of the statement)."""


def _invoice_totals(invoice: Invoice) -> tuple[int, int, int]:
    net = sum(item.cents for item in invoice.items)
    vat = round(net * invoice.vat_rate / 100)
    return net, vat, net + vat


def _items_text(invoice: Invoice) -> list[str]:
    """The item table: a pipe table in .md, aligned columns in .txt."""
    english = invoice.lang == "en"
    money = en_amount if english else fr_amount
    head = (["Description", "Qty", "Unit", "Unit price", "Amount"] if english
            else ["Désignation", "Qté", "Unité", "PU HT", "Montant HT"])  # fmt: skip
    rows = [[item.label, f"{item.quantity:,}" if english else fr_number(item.quantity),
             item.unit, (en_amount if english else fr_amount)(item.unit_cents),
             money(item.cents)] for item in invoice.items]  # fmt: skip
    if invoice.markdown:
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        return lines + ["| " + " | ".join(row) + " |" for row in rows]
    widths = [max(len(row[column]) for row in [head, *rows]) for column in range(len(head))]
    return ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
            for row in [head, *rows]]  # fmt: skip


def invoice_text(invoice: Invoice) -> str:
    """An issued invoice: seller, "Label : value" lines, the item table, totals, footer."""
    net, vat, gross = _invoice_totals(invoice)
    english = invoice.lang == "en"
    colon = ": " if english else " : "
    money = (lambda c: f"EUR {en_amount(c)}") if english else (lambda c: f"{fr_amount(c)} €")
    title = "INVOICE" if english else "FACTURE"
    bold = "**" if invoice.markdown else ""
    lines = [f"# {title} {invoice.number}" if invoice.markdown else f"{title} {invoice.number}", ""]
    lines += [*(SELLER_EN if english else SELLER_FR), ""]
    fields = [
        ("Invoice number" if english else "Numéro de facture", invoice.number),
        ("Issue date" if english else "Date d'émission",
         en_date(invoice.issued) if english else fr_date(invoice.issued)),
        ("Due date" if english else "Date d'échéance",
         en_date(invoice.due) if english else fr_date(invoice.due)),
        ("Bill to" if english else "Client", ", ".join(invoice.client)),
        *invoice.extra,
    ]  # fmt: skip
    lines += [f"{bold}{label}{bold}{colon}{value}" for label, value in fields]
    lines += ["", *_items_text(invoice), ""]
    if english:
        totals = [("Subtotal", money(net)), (f"VAT ({invoice.vat_rate} %)", money(vat)),
                  ("Amount due", money(gross))]  # fmt: skip
    else:
        totals = [("Montant HT", money(net)), (f"TVA {invoice.vat_rate} %", money(vat)),
                  ("Net à payer TTC", money(gross))]  # fmt: skip
    lines += [f"{bold}{label}{bold}{colon}{value}" for label, value in totals]
    lines += ["", FOOTER_EN if english else FOOTER_FR, ""]
    return "\n".join(lines)


def credit_note_text() -> str:
    """The credit note cancelling part of invoice TR-2025-023 (an annex not translated)."""
    net = 400 * 14
    vat = net // 5
    lines = [
        "AVOIR A-2025-002", "", *SELLER_FR, "",
        "Numéro d'avoir : A-2025-002",
        "Date : 30/05/2025",
        "Client : Cabinet Achard & Lenoir, 3 place Bellecour, 69002 Lyon",
        "Facture d'origine : TR-2025-023 du 22/04/2025",
        "Motif : annexe 3 du contrat retirée par le client avant traduction "
        "(400 mots non traduits)",
        "",
        "Désignation                                   Qté  Unité  PU HT  Montant HT",
        f"Annulation partielle – traduction juridique  400  mot    0,14   -{fr_amount(net)}",
        "",
        f"Montant HT de l'avoir : -{fr_amount(net)} €",
        f"TVA 20 % : -{fr_amount(vat)} €",
        f"Total de l'avoir TTC : -{fr_amount(net + vat)} €",
        "",
        "Ce montant sera déduit du prochain règlement du client.",
        "",
    ]  # fmt: skip
    return "\n".join(lines)


CREDITED = ("TR-2025-023", 400 * 14 * 6 // 5)
"""The invoice the credit note reduces and the credit's amount with tax, in cents: its payment
is the invoice's total less the credit."""


def quote_text(version: int) -> str:
    """The quote DV-2025-014 for the Musée des Tisserands, version 1 or its revised version 2."""
    words, days, issued = (18000, 30, "28/04/2025") if version == 1 else (21500, 25, "12/05/2025")
    net = words * 11
    discount = net * 5 // 100 if version == 2 else 0
    lines = [
        f"# Devis DV-2025-014 – version {version}", "", *SELLER_FR, "",
        "**Client** : Musée des Tisserands, 41 montée de la Grande-Côte, 69001 Lyon",
        f"**Date du devis** : {issued}",
        "**Objet** : traduction EN > FR du catalogue de l'exposition « Fils d'Orient »",
        f"**Délai de livraison** : {days} jours ouvrés après acceptation",
        "**Validité de l'offre** : 45 jours",
        "",
        "| Désignation | Qté | Unité | PU HT | Montant HT |",
        "|---|---|---|---|---|",
        f"| Traduction EN > FR du catalogue | {fr_number(words)} | mot | 0,11 | {fr_amount(net)} |",
    ]  # fmt: skip
    if version == 2:
        lines.append(f"| Remise commerciale 5 % | 1 | forfait | | -{fr_amount(discount)} |")
        lines += ["", "Version révisée : ajout des notices des 14 pièces prêtées par Lyon "
                      "(3 500 mots) et délai raccourci à la demande du musée."]  # fmt: skip
    total = net - discount
    lines += [
        "",
        f"**Total HT** : {fr_amount(total)} €",
        f"**TVA 20 %** : {fr_amount(total // 5)} €",
        f"**Total TTC** : {fr_amount(total + total // 5)} €",
        "",
        "Acompte de 30 % à la signature. Bon pour accord : date et signature du client.",
        "",
    ]  # fmt: skip
    return "\n".join(lines)


def english_quote_text() -> str:
    """The quote DV-2025-020 for Harwell & Finch's website, in English."""
    lines = [
        "QUOTE DV-2025-020", "", *SELLER_EN, "",
        "Quote number: DV-2025-020",
        "Date: 23 June 2025",
        "Client: Harwell & Finch Ltd, 22 Carver Street, Sheffield S1 4FS, United Kingdom",
        "Scope: French localisation of the harwellfinch.co.uk website (38 pages) and brochure",
        "Turnaround: 15 working days from receipt of the source files",
        "This quote is valid for 60 days.",
        "",
        "Description                        Qty     Unit  Unit price  Amount",
        "Website localisation EN > FR       14,200  word  0.11        1,562.00",
        "Desktop publishing of the brochure 5       hour  60.00       300.00",
        "",
        "Total (VAT not applicable, art. 259-1 CGI): EUR 1,862.00",
        "Payment terms: 30 days from invoice date.",
        "",
    ]  # fmt: skip
    return "\n".join(lines)


DEBITS = [
    ("PRLV SEPA URSSAF RHONE ALPES COTISATIONS", 38000, 72000, 6),
    ("CB LIBRAIRIE DECITRE LYON", 1890, 8490, 9),
    ("PRLV SEPA ORANGE PRO FACTURE MOBILE", 3999, 3999, 11),
    ("CB SNCF CONNECT", 2900, 14800, 7),
    ("CB MONOPRIX LYON CORDELIERS", 650, 4590, 20),
    ("PRLV SEPA MAIF ASSURANCE RC PRO", 4120, 4120, 11),
    ("CB AMAZON EU SARL", 1299, 11990, 12),
    ("CB TCL ABONNEMENT", 2550, 2550, 11),
    ("RETRAIT DAB LYON TERREAUX", 4000, 12000, 9),
    ("PRLV SEPA FREE TELECOM BOX", 2999, 2999, 11),
    ("CB LA POSTE LYON HOTEL DE VILLE", 145, 1680, 8),
    ("FRAIS TENUE DE COMPTE", 900, 900, 11),
    ("VIR EMIS LA CANUTE COWORKING LOYER", 34000, 34000, 11),
]
"""Recurring debits: label, smallest and largest amount in cents, and how many in the year
(a monthly one, MONTHS, on its own day of each month the statement covers)."""
MONTHS = 11


def _named_debits() -> list[tuple[date, str, int]]:
    """Debits the questions name: the VAT paid each quarter and the supplier's licence."""
    return [
        (date(2025, 4, 24), "PRLV SEPA DGFIP TVA T1 2025", 107100),
        (date(2025, 7, 24), "PRLV SEPA DGFIP TVA T2 2025", 195880),
        (date(2025, 10, 23), "PRLV SEPA DGFIP TVA T3 2025", 67690),
        (date(2025, 1, 17), "PRLV SEPA TERMCRAFT LTD INV TC-88213", 56268),
    ]


def bank_rows(rng: random.Random) -> list[list[str]]:
    """The 2025 statement: ~200 rows, debits and credits in their own columns, a balance."""
    moves: list[tuple[date, str, int]] = []
    for number, (label, low, high, count) in enumerate(DEBITS):
        for month in range(1, count + 1):
            day = (date(2025, month, 3 + (2 * number) % 24) if count == MONTHS
                   else date(2025, 1, 2) + timedelta(days=rng.randrange(0, 330)))  # fmt: skip
            amount = low if low == high else rng.randrange(low, high)
            moves.append((day, label, -amount))
    moves += [(day, label, -amount) for day, label, amount in _named_debits()]
    for invoice in INVOICES:
        if invoice.paid is not None:
            gross = _invoice_totals(invoice)[2]
            if invoice.number == CREDITED[0]:
                gross -= CREDITED[1]
            label = f"VIR SEPA RECU /DE {invoice.payer} /MOTIF {invoice.number}"
            moves.append((invoice.paid, label, gross))
    busy = sorted({day for day, _, _ in moves})
    for day in rng.sample(busy, 50):
        label, low, high, _ = rng.choice([debit for debit in DEBITS[1:8] if debit[3] != MONTHS])
        moves.append((day, label, -(low if low == high else rng.randrange(low, high))))
    moves.sort(key=lambda move: (move[0], move[1], move[2]))
    balance = 842315
    rows = [["Date", "Libellé", "Débit", "Crédit", "Solde"]]
    for day, label, cents in moves:
        balance += cents
        debit, credit = (fr_amount(-cents), "") if cents < 0 else ("", fr_amount(cents))
        rows.append([fr_date(day), label, debit, credit, fr_amount(balance)])
    return rows


def vat_rows() -> list[list[str]]:
    """The VAT summary of 2025, one row a quarter declared (the fourth is not yet)."""
    return [
        ["Trimestre", "Période", "CA HT", "TVA collectée", "TVA déductible", "TVA à payer",
         "Payée le"],
        ["T1 2025", "01/01/2025 – 31/03/2025", fr_amount(586300), fr_amount(117260),
         fr_amount(10160), fr_amount(107100), "24/04/2025"],
        ["T2 2025", "01/04/2025 – 30/06/2025", fr_amount(1023400), fr_amount(204680),
         fr_amount(8800), fr_amount(195880), "24/07/2025"],
        ["T3 2025", "01/07/2025 – 30/09/2025", fr_amount(2538600), fr_amount(71220),
         fr_amount(3530), fr_amount(67690), "23/10/2025"],
    ]  # fmt: skip


PRICES = [
    ("Traduction générale", "EN > FR", "mot", 11, 10),
    ("Traduction générale", "DE > FR", "mot", 12, 11),
    ("Traduction technique", "EN > FR", "mot", 12, 11),
    ("Traduction technique", "DE > FR", "mot", 13, 12),
    ("Traduction juridique", "EN > FR", "mot", 14, 13),
    ("Traduction juridique", "DE > FR", "mot", 15, 14),
    ("Localisation logicielle", "DE > FR", "mot", 12, 12),
    ("Relecture", "tous", "heure", 4500, 4200),
    ("Mise en page (PAO)", "tous", "heure", 6000, 5500),
    ("Post-édition de traduction automatique", "EN > FR", "mot", 6, 5),
    ("Transcréation marketing", "EN > FR", "heure", 7500, 7000),
    ("Majoration urgence (moins de 72 h)", "tous", "pourcentage", 2500, 2500),
    ("Forfait minimum de commande", "tous", "commande", 4500, 4000),
]
"""Each service: its name, language pair, unit, 2025 price and 2024 price (in cents; a
percentage's hundredths for "pourcentage")."""


def _price(unit: str, value: int) -> str:
    if unit == "mot":
        return f"0,{value:02d}"
    if unit == "pourcentage":
        return f"{value // 100} %"
    return fr_amount(value)


def price_rows(year: int) -> list[list[str]]:
    """One year's price list: service, pair, unit and price before tax."""
    rows = [["Prestation", "Combinaison", "Unité", f"Prix HT {year} (€)"]]
    for service, pair, unit, now, before in PRICES:
        value = now if year == 2025 else before
        rows.append([service, pair, unit, _price(unit, value)])
    return rows


CLIENT_NAMES = [
    ("Éditions du Rivage", "Lyon", "France", "Sophie Lambert", 30),
    ("Éditions Rivages Sud", "Marseille", "France", "Karim Benali", 45),
    ("Lindqvist Conseil", "Lyon", "France", "Paul Mercier", 30),
    ("Lindqvist AB", "Stockholm", "Suède", "Elsa Nyberg", 30),
    ("Lindquist & Co", "Genève", "Suisse", "Marc Aebi", 60),
    ("Nordlicht Software GmbH", "Hamburg", "Allemagne", "Jana Vogt", 30),
    ("Nordlicht Medien", "Köln", "Allemagne", "Timo Brandt", 45),
    ("Harwell & Finch Ltd", "Sheffield", "Royaume-Uni", "Olivia Harwell", 30),
    ("Harwell Finch Design", "Leeds", "Royaume-Uni", "Sam Okoro", 30),
    ("Cabinet Achard & Lenoir", "Lyon", "France", "Me Claire Achard", 30),
    ("Cabinet Achard Conseil", "Villeurbanne", "France", "Denis Achard", 45),
    ("Musée des Tisserands", "Lyon", "France", "Hélène Fauré", 30),
    ("Berthier Traiteur", "Caluire-et-Cuire", "France", "Julien Berthier", 30),
    ("Bertier Immobilier", "Lyon", "France", "Anne Bertier", 45),
    ("Atelier Pernette", "Annecy", "France", "Louise Pernette", 30),
    ("Studio Kessler", "Strasbourg", "France", "Nina Kessler", 30),
    ("Kessler & Söhne KG", "Freiburg", "Allemagne", "Uwe Kessler", 45),
    ("Vignobles Castagné", "Bordeaux", "France", "Pierre Castagné", 45),
    ("Castagne Vins SARL", "Libourne", "France", "Léa Castagne", 30),
    ("Fondation Arcelle", "Paris", "France", "Yasmine Haddad", 60),
]
"""Customers, several named alike (Lindqvist/Lindquist, Berthier/Bertier, Rivage/Rivages)."""


def client_rows(rng: random.Random) -> list[list[str]]:
    """The customer list: code, name, town, country, contact, e-mail, payment term, VAT no."""
    rows = [["Code", "Nom", "Ville", "Pays", "Contact", "E-mail", "Délai de paiement",
             "N° TVA intracom"]]  # fmt: skip
    prefixes = {"France": "FR", "Allemagne": "DE", "Suède": "SE", "Suisse": "", "Royaume-Uni": ""}
    for number, (name, town, country, contact, days) in enumerate(CLIENT_NAMES, start=1):
        user = contact.split()[-1].lower().replace("é", "e").replace("ö", "o")
        plain = unicodedata.normalize("NFKD", name.lower().split()[0])
        domain = "".join(ch for ch in plain if ch.isalpha() and ch.isascii())
        prefix = prefixes[country]
        vat = f"{prefix}{rng.randrange(10**10, 10**11)}" if prefix else ""
        rows.append([f"CL-{number:03d}", name, town, country, contact, f"{user}@{domain}.example",
                     f"{days} jours", vat])  # fmt: skip
    rows[6][7] = "DE298765431"
    return rows


def supplier_invoice_en() -> str:
    """The CAT-tool licence invoice of an Irish supplier, in English."""
    lines = [
        "TERMCRAFT LTD", "Unit 4, Grand Canal Quay, Dublin 2, Ireland",
        "Company no. 614552 – VAT IE 3345127KH", "",
        "INVOICE", "",
        "Invoice no.: TC-88213",
        "Invoice date: 14 January 2025",
        "Customer: Inès Garnier, 14 rue des Capucins, 69001 Lyon, France",
        "Customer VAT no.: FR47 853412907",
        "Payment: SEPA direct debit on 17 January 2025",
        "",
        "Item                                         Qty  Price",
        "Termcraft Studio Pro – annual licence 2025   1    429.00",
        "Terminology server add-on – 12 months        1    133.68",
        "",
        "Net total: EUR 562.68",
        "VAT: 0.00 (reverse charge – customer to account for VAT)",
        "Total due: EUR 562.68",
        "",
        "Licence period: 15 January 2025 to 14 January 2026.",
        "",
    ]  # fmt: skip
    return "\n".join(lines)


def supplier_invoice_fr() -> str:
    """The coworking's rent invoice for the translator's desk, in French."""
    lines = [
        "La Canute Coworking SAS – 5 rue Pouteau, 69001 Lyon", "",
        "Facture n° CW-2025-0611", "",
        "Date de facture : 01/06/2025",
        "Locataire : Inès Garnier",
        "Période : juin 2025",
        "Poste : bureau fixe n° 12, accès 24 h/24",
        "",
        "Loyer mensuel HT : 283,33 €",
        "TVA 20 % : 56,67 €",
        "Total TTC : 340,00 €",
        "",
        "Réglé par virement le 03/06/2025.",
        "",
    ]  # fmt: skip
    return "\n".join(lines)


def terms_text() -> str:
    """The general terms of sale, in French, in Markdown."""
    lines = [
        "# Conditions générales de vente", "",
        "## Devis et commande", "",
        "Tout devis est valable 45 jours. La commande est ferme à réception du devis signé et de "
        "l'acompte de 30 % pour toute commande supérieure à 1 500 € HT.", "",
        "## Comptage", "",
        "Le nombre de mots est compté sur le document source avec l'outil de TAO. Les répétitions "
        "exactes sont facturées à 30 % du tarif au mot.", "",
        "## Délais et paiement", "",
        "Les factures sont payables à 30 jours date de facture, sauf délai convenu avec le client. "
        "Aucun escompte n'est accordé pour paiement anticipé. "
        "Tout retard entraîne des pénalités au taux de 3 fois le taux d'intérêt légal et une "
        "indemnité forfaitaire de 40 € pour frais de recouvrement.", "",
        "## Réclamations", "",
        "Toute réclamation sur la qualité d'une traduction doit être formulée par écrit dans les "
        "15 jours suivant la livraison.", "",
        "## Confidentialité", "",
        "Les documents confiés sont détruits 12 mois après la livraison, sauf demande contraire du "
        "client.", "",
    ]  # fmt: skip
    return "\n".join(lines)


def sheet_text(rows: list[list[str]], separator: str) -> str:
    """The rows as the csv module writes them (quoting only what needs it), "\\n" line ends."""
    out = io.StringIO()
    csv.writer(out, delimiter=separator, lineterminator="\n").writerows(rows)
    return out.getvalue()


def files() -> dict[str, str]:
    """Every file of the folder by its path, each from fixed data or its own seeded generator."""
    made = {
        f"factures/{invoice.number}.{'md' if invoice.markdown else 'txt'}": invoice_text(invoice)
        for invoice in INVOICES
    }
    made["factures/A-2025-002_avoir.txt"] = credit_note_text()
    made["devis/DV-2025-014_v1.md"] = quote_text(1)
    made["devis/DV-2025-014_v2.md"] = quote_text(2)
    made["devis/DV-2025-020_quote.txt"] = english_quote_text()
    made["banque/releve_2025.csv"] = sheet_text(bank_rows(random.Random(SEED)), ";")
    made["compta/tva_2025_trimestres.csv"] = sheet_text(vat_rows(), ";")
    made["compta/tarifs_2025.csv"] = sheet_text(price_rows(2025), ";")
    made["2024/tarifs_2024.csv"] = sheet_text(price_rows(2024), ";")
    made["clients/clients.csv"] = sheet_text(client_rows(random.Random(SEED + 1)), ";")
    made["fournisseurs/Termcraft_invoice_TC-88213.txt"] = supplier_invoice_en()
    made["fournisseurs/La_Canute_CW-2025-0611.txt"] = supplier_invoice_fr()
    made["conditions_generales_de_vente.md"] = terms_text()
    return made


def write(out: Path) -> None:
    """Every file of `files()` into `out`, in its subfolder."""
    for relative, text in files().items():
        path = out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    write(parser.parse_args().out)


if __name__ == "__main__":
    main()
