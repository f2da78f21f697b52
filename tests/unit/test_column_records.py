"""Tables whose records are their columns (a slide or a report comparing studies, products,
years): told by their shape in every format the readers write a table in (column_records.py);
their rows are fields, never "of" a record (unheld_cells.py); a question naming a record and a
field quotes that field's row through that record's cell (record_cells.py)."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook
from pptx import Presentation
from pptx.util import Inches

import odf_files as odf
from citeqa.answering import _quoted_instead
from citeqa.column_records import MAX_ROWS, RecordColumns, record_columns
from citeqa.models import Citation, Document
from citeqa.record_cells import asked_record_cell
from citeqa.tables import table_line_count, table_of
from citeqa.unheld_cells import UnheldCell, unheld_cell
from read_documents import written_document
from xlsx_files import workbook_bytes

Table = list[list[str]]

TRIALS = [
    ["", "Trial A", "Trial B", "Trial C"],
    ["Drug", "Anifrolumab", "Belimumab", "Voclosporin"],
    ["Patients", "120", "85", "60"],
    ["Response", "62% at week 52", "48% at week 24", "71% renal response"],
    ["Safety", "Herpes zoster", "Infusion reactions", "Hypertension"],
]
"""Records by columns, English, the corner cell blank."""
ETUDES = [
    ["Critère", "Étude Alpha", "Étude Bêta", "Étude Gamma"],
    ["Produit", "Lumirax", "Corvane", "Delphinor"],
    ["Patients", "40", "25", "31"],
    ["Efficacité", "Rémission chez 80 %", "Pas d'effet", "Réponse partielle"],
    ["Tolérance", "Bonne", "Nausées", "Céphalées"],
]
"""Records by columns, French, the corner cell filled."""
PEOPLE = [
    ["Name", "Role", "Manager", "Salary"],
    ["Alice Durand", "Engineer", "Bob Martin", "52000"],
    ["Bob Martin", "Manager", "Carla Diaz", "68000"],
    ["Chloé Roux", "Designer", "Bob Martin", "49000"],
]
CLAIMS = [
    ["Date des soins", "Bénéficiaire", "Acte", "Dépense (€)"],
    ["08/01/2025", "Chloé", "Orthodontiste", "720"],
    ["11/03/2025", "Emma", "Dentiste - couronne céramique", "650"],
    ["20/03/2025", "Léo", "Pédiatre", "30"],
]
OPTIONS = [
    ["Option", "Default", "Meaning"],
    ["--jobs", "4", "How many files are copied at once"],
    ["--verbose", "off", "Print each file copied"],
    ["--retries", "3", "How often a failed copy is tried again"],
]
REVENUE = [
    ["", "2024", "2025", "2026"],
    ["Revenue", "10.2", "11.8", "12.5"],
    ["Staff", "41", "44", "47"],
]
"""A table of numbers alone: as alike down its columns as along its rows."""
BY_ROWS = [PEOPLE, CLAIMS, OPTIONS, REVENUE]


def _markdown(rows: Table) -> str:
    lines = ["| " + " | ".join(row) + " |" for row in rows]
    return "# Comparison\n\n" + "\n".join([lines[0], "|---" * len(rows[0]) + "|", *lines[1:]])


def _html(rows: Table) -> str:
    def row(cells: list[str], tag: str) -> str:
        return "<tr>" + "".join(f"<{tag}>{cell}</{tag}>" for cell in cells) + "</tr>"

    body = row(rows[0], "th") + "".join(row(cells, "td") for cells in rows[1:])
    return f"<html><body><h1>Comparison</h1><table>{body}</table></body></html>"


def _xlsx(rows: Table) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Comparison"
    for cells in rows:
        sheet.append([cell or None for cell in cells])
    return workbook_bytes(book)


def _pptx(rows: Table) -> bytes:
    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[5])
    slide.shapes.title.text = "Comparison"
    shape = slide.shapes.add_table(
        len(rows), len(rows[0]), Inches(1), Inches(2), Inches(8), Inches(3)
    )
    for at, cells in enumerate(rows):
        for column, cell in enumerate(cells):
            shape.table.cell(at, column).text = cell
    stream = io.BytesIO()
    deck.save(stream)
    return stream.getvalue()


FORMATS: dict[str, Callable[[Table], str | bytes]] = {
    "md": _markdown,
    "csv": lambda rows: "\n".join(",".join(row) for row in rows) + "\n",
    "txt": lambda rows: "Comparison\n\n" + "\n".join("\t".join(row) for row in rows) + "\n",
    "html": _html,
    "xlsx": _xlsx,
    "pptx": _pptx,
    "odp": lambda rows: odf.document("presentation", odf.page(odf.frame(odf.table(rows)))),
    "ods": lambda rows: odf.document("spreadsheet", odf.table(rows, name="Comparison")),
}


def _read(tmp_path: Path, kind: str, rows: Table) -> Document:
    return written_document(tmp_path, f"comparison.{kind}", FORMATS[kind](rows))


def _rows_around(document: Document, cell: str) -> Table:
    table = table_of(document.text, document.text.index(cell))
    assert table is not None
    return table[0]


def _answer(document: Document, row_opening: str) -> tuple[list[Citation], dict[str, Document]]:
    """A citation of the whole table row of `document` holding `row_opening`."""
    text = document.text
    start = text.index(row_opening)
    start = text.rfind("\n", 0, start) + 1
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    citation = Citation(
        n=1, doc_id="d", title="t", path="/d", start=start, end=end, quote=text[start:end]
    )
    return [citation], {"d": document.model_copy(update={"doc_id": "d"})}


@pytest.mark.parametrize("kind", sorted(FORMATS))
@pytest.mark.parametrize(("rows", "cell"), [(TRIALS, "Belimumab"), (ETUDES, "Corvane")])
def test_a_table_whose_records_are_columns_is_told_in_every_format(
    tmp_path: Path, kind: str, rows: Table, cell: str
) -> None:
    found = record_columns(_rows_around(_read(tmp_path, kind, rows), cell))
    assert found == RecordColumns(header=0, fields=(1, 2, 3, 4))


def test_a_title_row_over_the_record_row_and_a_note_under_the_fields_are_neither() -> None:
    rows = [
        ["Comparatif des études", "", "", ""],
        *ETUDES,
        ["Suivi de 12 mois", "", "", ""],
    ]
    assert record_columns(rows) == RecordColumns(header=1, fields=(2, 3, 4, 5))


@pytest.mark.parametrize("rows", BY_ROWS)
@pytest.mark.parametrize("kind", ["md", "csv", "xlsx", "pptx"])
def test_a_table_of_records_by_rows_is_none(tmp_path: Path, kind: str, rows: Table) -> None:
    assert record_columns(_rows_around(_read(tmp_path, kind, rows), rows[1][1])) is None


MARKS = [
    ["Élève", "Maths", "Français", "Anglais"],
    ["Marie", "15", "12", "14"],
    ["Paul", "absent", "absent", "absent"],
    ["Léa", "11", "16", "13"],
]
"""Records by rows, one of them a placeholder row of one word repeated."""
GOALS = [["Joueur", "Buts", "Passes"], ["Marc", "5", "3"], ["Paul", "-", "-"], ["Hugo", "2", "7"]]
CLASSES = [
    ["Élève", "Classe", "Note"],
    ["Marie", "2A", "15"],
    ["Paul", "-", "-"],
    ["Léa", "1B", "11"],
]
NOT_PLAYED = [
    ["Joueur", "Matchs", "Buts"],
    ["Marc", "12", "5"],
    ["Paul", "blessé", "blessé"],
    ["Hugo", "10", "2"],
]


@pytest.mark.parametrize("rows", [MARKS, GOALS, CLASSES, NOT_PLAYED])
def test_a_row_of_one_repeated_value_or_dashes_does_not_make_records_columns(
    rows: Table,
) -> None:
    """One row of "absent", "-" or "blessé" among rows of numbers made the records read as
    columns (s29 review B), which switched off the row checks of unheld_cells.py."""
    assert record_columns(rows) is None


def test_a_pupils_table_with_an_absent_row_still_names_the_row_held() -> None:
    """s29 review B: the row check gave Léa's row on 2de3ae64^1 and None on s29-int."""
    document = Document(doc_id="d", title="t", path="/d", text=_markdown(MARKS), sha256="0")
    found = unheld_cell("Quelles notes pour Léa ?", *_answer(document, "| Marie"))
    row_lea = _answer(document, "| Léa")[0][0]
    assert found is not None and found.instead == (row_lea.start, row_lea.end)


@pytest.mark.parametrize("kind", ["md", "csv", "txt", "xlsx", "pptx", "odp"])
@pytest.mark.parametrize(
    ("rows", "question", "row"),
    [
        (TRIALS, "What response did Belimumab show?", "Safety"),  # another field's row
        (ETUDES, "Quelle efficacité pour le Corvane ?", "Tolérance"),
        (ETUDES, "What efficacy did Corvane show?", "Efficacité"),
    ],
)
def test_a_field_row_is_of_no_record_its_cells_name(
    tmp_path: Path, kind: str, rows: Table, question: str, row: str
) -> None:
    """Before, "never mention “Belimumab”: they are of Infusion reactions" (the Safety row's
    cell in Belimumab's column, as if that row were a record, not a field of them all)."""
    document = _read(tmp_path, kind, rows)
    assert unheld_cell(question, *_answer(document, row)) is None


def test_the_same_records_by_rows_still_name_the_row_held() -> None:
    """TRIALS transposed: each trial a row, Trial A's named by its drug, Trial B's row the one
    to quote instead."""
    transposed = [list(column) for column in zip(*TRIALS, strict=True)]
    transposed[0][0] = "Trial"
    document = Document(doc_id="d", title="t", path="/d", text=_markdown(transposed), sha256="0")
    found = unheld_cell("What safety issue did Belimumab show?", *_answer(document, "| Trial A"))
    row_b = _answer(document, "| Trial B")[0][0]
    assert found == UnheldCell("Belimumab", "Anifrolumab", (row_b.start, row_b.end))


@pytest.mark.parametrize("kind", sorted(FORMATS))
@pytest.mark.parametrize(
    ("rows", "question", "quoted", "asked", "record"),
    [
        (TRIALS, "What was the response in trial B?", "Response", "48% at week 24", "Trial B"),
        (TRIALS, "Which safety issue did Belimumab show?", "Drug", "Infusion reactions", "Trial B"),
        (ETUDES, "Quelle efficacité pour le Lumirax ?", "Produit", "Rémission chez 80 %", "Alpha"),
        (ETUDES, "Quelle tolérance dans l'étude Bêta ?", "Efficacité", "Nausées", "Étude Bêta"),
        (ETUDES, "How many patients took Delphinor?", "Produit", "31", "Étude Gamma"),
    ],
)
def test_the_asked_field_row_is_quoted_through_the_asked_records_cell(
    tmp_path: Path, kind: str, rows: Table, question: str, quoted: str, asked: str, record: str
) -> None:
    document = _read(tmp_path, kind, rows)
    found = asked_record_cell(question, *_answer(document, quoted))
    assert found is not None
    quote = document.text[slice(*found.quote)].rstrip(" |")
    assert quote.endswith(asked)
    assert quote.lstrip(" |").startswith(next(row[0] for row in rows if asked in row))
    assert found.header is not None
    assert document.text[slice(*found.header)].rstrip(" |").endswith(record)


def test_a_title_row_leaves_the_record_row_as_the_header() -> None:
    """A made-up slide table: a tab table opening with a title row, the records' authors
    above the fields (one author twice), a field's row quoted through the record named by its
    author and product. Before, "never mention “Dupont”: they are of Gammacel NK"."""
    text = (
        "Comparatif\t\t\t\n\tDupont A ¹\tMartin B ²\tDupont A ³\nCible\tCD19\tCD19\tCD20\n"
        "Produit\tAlphacel CAR-T\tBetacel CAR-T\tGammacel NK\n"
        "Efficacité\t90% rémission M6\t\tRéponse partielle\nSuivi de 24 mois\t\t\t\n"
    )
    document = Document(doc_id="d", title="t", path="/d", text=text, sha256="0")
    question = "What efficacy did Dupont's Alphacel CAR-T product show?"
    citations, documents = _answer(document, "Produit")
    assert unheld_cell(question, citations, documents) is None
    found = asked_record_cell(question, citations, documents)
    assert found is not None
    assert text[slice(*found.quote)] == "Efficacité\t90% rémission M6"
    assert found.header is not None
    assert text[slice(*found.header)] == "\tDupont A ¹"


@pytest.mark.parametrize(
    ("rows", "question", "quoted"),
    [
        (TRIALS, "What was the response?", "Response"),  # no record named
        (TRIALS, "What about trial B?", "Drug"),  # no field named
        (TRIALS, "What did trial A and trial B show?", "Drug"),  # two records
        (PEOPLE, "Who is Alice Durand's manager?", "| Alice"),  # records by rows
        (CLAIMS, "Combien a coûté le dentiste pour Emma ?", "| 11/03"),
    ],
)
def test_no_one_record_and_field_asked_leaves_the_quote(
    rows: Table, question: str, quoted: str
) -> None:
    document = Document(doc_id="d", title="t", path="/d", text=_markdown(rows), sha256="0")
    assert asked_record_cell(question, *_answer(document, quoted)) is None


def test_an_empty_cell_of_the_asked_record_is_no_answer() -> None:
    rows = [row[:] for row in TRIALS]
    rows[3][2] = ""
    document = Document(doc_id="d", title="t", path="/d", text=_markdown(rows), sha256="0")
    assert (
        asked_record_cell("What was the response in trial B?", *_answer(document, "| Drug")) is None
    )


def test_a_table_longer_than_a_comparison_is_read_as_records_by_rows() -> None:
    values = (["12", "7", "30"], ["Good", "Fair", "Poor"])  # a number row, a words row, …
    letters = [chr(65 + at // 26) + chr(65 + at % 26) for at in range(MAX_ROWS)]
    fields = [[f"Field {name}", *values[at % 2]] for at, name in enumerate(letters)]
    rows = [*TRIALS[:3], *fields]
    assert record_columns(rows[:MAX_ROWS]) is not None
    assert record_columns(rows) is None
    document = Document(doc_id="d", title="t", path="/d", text=_markdown(rows), sha256="0")
    assert table_line_count(document.text, document.text.index("| Drug")) == len(rows) + 1
    assert table_line_count(document.text, 0) == 0  # the heading is no table row
    found = asked_record_cell("What was the drug in trial B?", *_answer(document, "| Patients"))
    assert found is None


def test_a_table_of_years_is_told_by_values_of_several_kinds_not_by_numbers_alone() -> None:
    """The module's claim, corrected (s29 review B): a report's table of years is told when its
    rows hold values of several kinds; one of numbers alone is read as records by rows."""
    years = [["Indicateur", "2023", "2024"], ["Adhérents", "120", "134"]]
    years.append(["Budget", "12 000 €", "14 500 €"])
    assert record_columns(years) is None
    named = [years[0], ["Président", "Jean Morel", "Anne Roy"], *years[1:]]
    assert record_columns(named) == RecordColumns(header=0, fields=(1, 2, 3))


RAGGED = (
    "# Comparison\n\n| | Trial A | Trial B |\n|---|---|---|\n"
    "| Drug | Anifrolumab | Belimumab | Voclosporin |\n| Patients | 120 | 85 | 60 |\n"
    "| Safety | Herpes zoster | Infusion reactions | Hypertension |\n"
)
"""A record row shorter than its field rows: the third record has no cell in it."""


def test_a_record_with_no_cell_in_a_ragged_record_row_is_quoted_under_that_whole_row() -> None:
    """record_cells.RecordCell.header is always a span (s29 review B: it was None then, and
    the answer showed the field's row under no record row)."""
    document = Document(doc_id="d", title="t", path="/d", text=RAGGED, sha256="0")
    found = asked_record_cell(
        "What safety issue did Voclosporin show?", *_answer(document, "| Drug")
    )
    assert found is not None
    assert RAGGED[slice(*found.quote)].endswith("| Hypertension |")
    assert RAGGED[slice(*found.header)] == "| | Trial A | Trial B |"


def test_the_row_quoted_instead_is_cited_on_its_own_page() -> None:
    """A table running onto a second page: the asked field's row, quoted instead of the row
    the answer quoted, is cited on the page it stands on (s29 review B: the first quote's)."""
    text = _markdown(TRIALS)
    pages = [0, text.index("| Safety")]
    document = Document(doc_id="d", title="t", path="/d", text=text, sha256="0", page_starts=pages)
    citations, documents = _answer(document, "| Drug")
    citations = [citations[0].model_copy(update={"page": 1})]
    found = asked_record_cell("Which safety issue did Belimumab show?", citations, documents)
    assert found is not None
    moved = _quoted_instead(citations, found.quote, documents, found.header)[0]
    assert moved.quote.startswith("| Safety") and moved.page == 2


def test_a_record_number_in_spaced_digit_groups_names_that_record_only() -> None:
    """ "l'offre 1 500" (French thousands spacing) wrote "Offre 1" whole, so Offre 1's price
    was quoted at .90 (s30 hostile F12): a number and a spaced group of three digits are one."""
    rows = [
        ["Critère", "Offre 1", "Offre 2", "Offre 1500"],
        ["Prix", "10 €", "20 €", "99 €"],
        ["Opérateur", "Orange", "Free", "SFR"],
        ["Engagement", "12 mois", "24 mois", "6 mois"],
    ]
    document = Document(doc_id="d", title="t", path="/d", text=_markdown(rows), sha256="0")
    for question in ("Quel est le prix de l'offre 1 500 ?", "Quel est le prix de l'offre 1500 ?"):
        found = asked_record_cell(question, *_answer(document, "| Prix"))
        assert found is not None and found.header is not None
        assert document.text[slice(*found.quote)].rstrip(" |").endswith("99 €")
        assert document.text[slice(*found.header)].rstrip(" |").endswith("Offre 1500")


LOAD_TESTS = [
    ["Test", "T-11", "T-12", "T-13"],
    ["Load (kN)", "90", "110", "130"],
    ["Required deflection limit (mm)", "15", "18", "22"],
    ["Measured deflection (mm)", "11.2", "19.4", "16.7"],
    ["Result", "Pass", "Fail", "Pass"],
]
"""Load tests by columns: two field rows name the deflection, its limit and the value measured."""
ESSAIS = [
    ["Essai", "E-21", "E-22", "E-23"],
    ["Charge (kN)", "80", "95", "120"],
    ["Flèche limite exigée (mm)", "14", "16", "20"],
    ["Flèche mesurée (mm)", "9.8", "17.3", "15.1"],
    ["Verdict", "Conforme", "Non conforme", "Conforme"],
]


@pytest.mark.parametrize("kind", ["md", "csv", "xlsx"])
@pytest.mark.parametrize(
    ("rows", "question", "quoted", "asked"),
    [
        (LOAD_TESTS, "What was the deflection of T-12?", "Required", "19.4"),
        (LOAD_TESTS, "What was the maximum allowed deflection for T-12?", "Measured", "18"),
        (ESSAIS, "Quelle était la flèche de l'essai E-22 ?", "Flèche limite", "17.3"),
        (ESSAIS, "Quel seuil de flèche était fixé pour l'essai E-22 ?", "Flèche mesurée", "16"),
        (LOAD_TESTS, "What was the maximum deflection of T-12?", "Required", "19.4"),
        (LOAD_TESTS, "What was the deflection of T-12 under the maximum load?", "Required", "19.4"),
        (LOAD_TESTS, "What deflection did T-12 show at the design load?", "Required", "19.4"),
        (ESSAIS, "Quelle a été la flèche maximale de l'essai E-22 ?", "Flèche limite", "17.3"),
    ],
)
def test_of_fields_named_alike_the_measured_one_is_asked_unless_the_limit_is(
    tmp_path: Path, kind: str, rows: Table, question: str, quoted: str, asked: str
) -> None:
    """The question "the deflection of T-12" names the limit's row and the measured one's alike:
    the measured value is asked, the limit when the question asks it ("maximum allowed",
    "seuil"), whichever row was quoted. Before, neither was chosen and the quoted limit's row
    stood (s36 trial). A limit word elsewhere in the question ("under the maximum load") or
    "maximum", "design" ask no limit (review s37: before this, they quoted the limit)."""
    document = _read(tmp_path, kind, rows)
    found = asked_record_cell(question, *_answer(document, quoted))
    assert found is not None
    quote = document.text[slice(*found.quote)].rstrip(" |")
    assert quote.endswith(asked)
    assert quote.lstrip(" |").startswith(next(row[0] for row in rows if asked in row))
