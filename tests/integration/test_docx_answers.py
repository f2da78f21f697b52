"""`citeqa ask` over a folder holding Word files (readers/docx.py): the answer quotes the
document's sentence, cited by offsets into the text the reader extracted, and the status counts
the .docx as read, not as a file to convert."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import docx
import pytest

from citeqa.api import build_index, open_assistant
from citeqa.corpus import read_document
from small_corpora import fake_settings

FEE = "The annual maintenance fee is 4,200 euros, paid each March."


def report() -> bytes:
    document = docx.Document()
    document.core_properties.title = "Boiler maintenance report"
    document.add_heading("Costs", level=1)
    document.add_paragraph("The boiler was serviced twice in 2025 by the same contractor.")
    document.add_paragraph(FEE)
    table = document.add_table(rows=2, cols=2)
    for column, (head, value) in enumerate([("Site", "Lyon"), ("Visits", "2")]):
        table.cell(0, column).text, table.cell(1, column).text = head, value
    document.add_heading("Safety", level=1)
    document.add_paragraph("Carbon monoxide detectors are tested every six months.")
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "boiler.docx").write_bytes(report())
    (corpus / "garden.md").write_text(
        "# Garden\n\nThe community garden opens every Saturday morning.\n", encoding="utf-8"
    )
    (corpus / "old-minutes.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    index = tmp_path / "index"
    build_index(fake_settings(corpus, index))
    return corpus, index


def test_ask_quotes_the_word_file_at_offsets_into_its_extracted_text(
    folders: tuple[Path, Path], cli: Any
) -> None:
    corpus, index = folders
    done = cli(
        "ask", "How much is the annual maintenance fee?", "--json",
        corpus_dir=str(corpus), index_dir=str(index),
    )  # fmt: skip
    assert done.code == 0, done.err
    answer = json.loads(done.out)
    assert not answer["abstained"]
    cited = answer["citations"][0]
    assert cited["doc_id"] == "boiler" and cited["title"] == "Boiler maintenance report"
    text = read_document(corpus / "boiler.docx", corpus, {}).text
    assert text[cited["start"] : cited["end"]] == cited["quote"]
    assert FEE in cited["quote"]
    assert cited["section"] == "Costs"


def test_the_status_counts_a_bad_word_file_as_unreadable_not_as_a_type_to_convert(
    folders: tuple[Path, Path],
) -> None:
    corpus, index = folders
    status = open_assistant(fake_settings(corpus, index), build_if_missing=False).status()
    assert status.unread.types == {} and status.unread.unreadable == 1


CONTRACT = [
    ("Client", "Boulangeries Martin"),
    ("Référence", "CM-2025-041"),
    ("Date de début", "1er mars 2025"),
    ("Montant annuel", "4 800 € HT"),
]


def contract() -> bytes:
    document = docx.Document()
    document.add_heading("Contrat de maintenance", level=1)
    document.add_paragraph("Ce contrat couvre la maintenance des fours de la boulangerie.")
    table = document.add_table(rows=len(CONTRACT), cols=2)
    for row, (label, value) in enumerate(CONTRACT):
        table.cell(row, 0).text, table.cell(row, 1).text = label, value
    document.add_paragraph("Le contrat est renouvelé chaque année par tacite reconduction.")
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def test_the_first_row_of_a_key_value_table_is_quoted_as_a_record(tmp_path: Path) -> None:
    """Session 22: the client row of a contract's label/value table was its header row, no
    record: "Qui est le client du contrat ?" quoted the Référence row."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "contrat.docx").write_bytes(contract())
    settings = fake_settings(corpus, tmp_path / "index")
    build_index(settings)
    assistant = open_assistant(settings)
    for question, row in (
        ("Qui est le client du contrat ?", "| Client | Boulangeries Martin |"),
        ("Quelle est la date de début du contrat ?", "| Date de début | 1er mars 2025 |"),
    ):
        answer = assistant.ask(question)
        assert answer.citations and answer.citations[0].quote == row, (question, answer)
