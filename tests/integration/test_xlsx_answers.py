"""Questions about Excel workbooks quote the asked row, cited to the characters of the text
the reader extracted (readers/xlsx.py), as a .csv export's rows are: a ticket asked by its id
among 120, a budget line of a workbook's second sheet, `citeqa ask --json` giving offsets into
that text (session 22: .xlsx files were skipped)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from citeqa.api import Assistant, build_index, open_assistant
from citeqa.config import Settings
from citeqa.corpus import read_document
from xlsx_files import budget_workbook, workbook_bytes

CUSTOMERS = ["Juniper Bank", "Northwind Ltd", "Pixelhaus GmbH", "Oakridge Clinic", "Tern Logistics"]
AGENTS = ["Mira Holt", "Tom Reyes", "Ana Costa", "Léa Martin"]
SUBJECTS = ["Invoice question", "Logs missing", "Deploy timeout", "Login fails", "Refund request"]


def tickets_workbook() -> bytes:
    """120 tickets, 4440 to 4559, each with its date (a date cell), customer, subject, agent."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Tickets"
    sheet.append(["id", "date", "customer", "subject", "resolved_by"])
    for number in range(120):
        day = dt.date(2025, 6, 2) + dt.timedelta(days=number)
        row = [4440 + number, day, CUSTOMERS[number % 5], SUBJECTS[number * 3 % 5]]
        sheet.append([*row, AGENTS[number * 7 % 4]])
        sheet.cell(row=number + 2, column=2).number_format = "yyyy-mm-dd"
    return workbook_bytes(book)


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory: pytest.TempPathFactory) -> tuple[Assistant, Path]:
    corpus, index = tmp_path_factory.mktemp("workbooks"), tmp_path_factory.mktemp("index")
    (corpus / "tickets.xlsx").write_bytes(tickets_workbook())
    (corpus / "budget.xlsx").write_bytes(budget_workbook())
    settings = Settings(corpus_dir=corpus, index_dir=index)
    build_index(settings)
    return open_assistant(settings, build_if_missing=False), corpus


def test_a_ticket_asked_by_its_id_is_quoted_with_offsets_into_the_sheets_text(
    workbooks: tuple[Assistant, Path],
) -> None:
    assistant, corpus = workbooks
    answer = assistant.ask("Who resolved ticket 4512?")
    assert not answer.abstained, answer.reason
    citation = answer.citations[0]
    number = 4512 - 4440  # its row's cells, as the sheet shows them
    row = ["4512", "2025-08-13", CUSTOMERS[number % 5], SUBJECTS[number * 3 % 5]]
    assert citation.quote == "| " + " | ".join([*row, AGENTS[number * 7 % 4]]) + " |"
    text = read_document(corpus / "tickets.xlsx", corpus, {}).text
    assert text[citation.start : citation.end] == citation.quote
    assert citation.header is not None and "resolved_by" in citation.header.text


def test_a_row_of_a_workbooks_second_sheet_is_quoted(workbooks: tuple[Assistant, Path]) -> None:
    assistant, corpus = workbooks
    answer = assistant.ask("What is Mira Holt's phone number?")
    assert not answer.abstained, answer.reason
    citation = answer.citations[0]
    assert citation.doc_id == "budget" and "+33 1 23 45 67 89" in citation.quote
    text = read_document(corpus / "budget.xlsx", corpus, {}).text
    assert text[citation.start : citation.end] == citation.quote


def test_citeqa_ask_json_cites_a_workbooks_row(tmp_path: Path, cli: Any) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "tickets.xlsx").write_bytes(tickets_workbook())
    folders = {"corpus_dir": str(corpus), "index_dir": str(tmp_path / "index")}
    done = cli("ask", "Who resolved ticket 4455?", "--json", channels='["use"]', **folders)
    assert done.code == 0, done.err
    citation = json.loads(done.out)["citations"][0]
    text = read_document(corpus / "tickets.xlsx", corpus, {}).text
    assert citation["quote"].startswith("| 4455 |")
    assert text[citation["start"] : citation["end"]] == citation["quote"]
    assert sorted(path.name for path in corpus.iterdir()) == ["tickets.xlsx"]
