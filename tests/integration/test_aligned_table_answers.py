"""Answers from tables aligned with spaces, with the real model: a .txt report's table and a
PDF's (its text extracted as lines of cells two spaces apart or more) are read as tables, the
row asked quoted under its header row, in English and in French (a row was quoted as prose:
the header row and the first row, whatever row was asked)."""

from __future__ import annotations

import pytest
from tests.pdf_files import sized_pdf

from citeqa.api import Assistant
from small_corpora import assistant_over

SALES = """Quarterly sales report

This report gives the sales of each region of the company for the last two years.
Figures are in thousands of euros and were audited in March.

Region      Sales 2024   Sales 2025   Manager
North       1,200        1,350        Alice Martin
South       980          1,010        Bruno Keller
East        1,540        1,720        Chen Wei
West        760          690          Dana Ortiz

The West region fell because a large client left in the spring.
"""
VENTES = """Rapport des ventes régionales

Ce rapport donne les ventes de chaque région de l'entreprise pour les deux dernières années.
Les montants sont en milliers d'euros.

Région      Ventes 2024   Ventes 2025   Responsable
Nord        2 100         2 300         Claire Dubois
Sud         1 800         1 650         Marc Leroy
Ouest       900           1 020         Sophie Bernard

La région Sud a reculé à cause de la fermeture d'un magasin.
"""
CALLERS = [
    "Benchmark of variant callers on fungal genomes",
    "We compared three variant callers on twelve fungal genomes sequenced at 30x.",
    "Table 2 gives the F1 scores and the compute cost of each caller.",
    "Caller        SNP F1   Indel F1   CPU hours",
    "GATK 4.4      0.962    0.912      14.2",
    "FreeBayes     0.948    0.871      3.1",
    "DeepVariant   0.981    0.894      22.7",
    "DeepVariant was the most accurate caller but also the slowest one.",
]


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    corpus = tmp_path_factory.mktemp("reports")
    (corpus / "callers.pdf").write_bytes(sized_pdf([[(10, line) for line in CALLERS]]))
    files = {"sales.txt": SALES, "ventes.txt": VENTES}
    return assistant_over(files, corpus, tmp_path_factory.mktemp("index"))


@pytest.mark.parametrize(
    ("question", "row", "header"),
    [
        ("What were the sales of the North region in 2025?", "North", "Region"),
        ("Who manages the East region?", "East", "Region"),
        ("What were West sales in 2024?", "West", "Region"),
        ("Quelles étaient les ventes de la région Nord en 2025 ?", "Nord", "Région"),
        ("Qui est responsable de la région Ouest ?", "Ouest", "Région"),
        ("How many CPU hours did FreeBayes need?", "FreeBayes", "Caller"),
        ("What indel F1 did GATK reach?", "GATK 4.4", "Caller"),
    ],
)
def test_the_row_asked_is_quoted_under_its_header(
    assistant: Assistant, question: str, row: str, header: str
) -> None:
    answer = assistant.ask(question)
    assert not answer.abstained, answer.answer
    first = answer.citations[0]
    assert first.quote.startswith(row), first.quote
    assert "\n" not in first.quote.strip()  # the row alone, no other row
    assert first.header is not None and first.header.text.startswith(header)
    document = assistant.document(first.doc_id)
    assert document.text[first.start : first.end] == first.quote


def test_the_file_keeps_its_offsets(assistant: Assistant) -> None:
    """A tab stands where a space of the file did, at each gap of the table's rows only:
    every offset is the file's own."""
    text = assistant.document("sales").text
    assert text.replace("\t", " ") == SALES
    assert [line.count("\t") for line in text.split("\n") if "\t" in line] == [3] * 5
