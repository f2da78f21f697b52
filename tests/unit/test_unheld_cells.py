"""A question naming a value of a column that the quoted table row does not hold, while a
sibling row holds it there, abstains naming both (unheld_cells.py)."""

from __future__ import annotations

import pytest

from citeqa.answering import _quoted_instead
from citeqa.unheld_cells import UnheldCell, cell_words, table_rows, unheld_cell
from quoted_rows import quoted_row

CLAIMS = """## Remboursements 2025

| Date des soins | Bénéficiaire | Acte | Dépense (€) |
| --- | --- | --- | --- |
| 08/01/2025 | Chloé | Orthodontiste - semestre de traitement | 720 |
| 11/03/2025 | Emma | Dentiste - couronne céramique | 650 |
| 20/03/2025 | Léo | Pédiatre | 30 |
"""
PAPERS = """# Passports

| Person | Document | Number | Expires |
|---|---|---|---|
| Julien | Passeport | 19AB45821 | 09/07/2026 |
| Emma | UK passport | 548812390 | 03/11/2027 |
| Léo | Passeport | 20CF11873 | 21/08/2025 |
| Chloé | Carte d'identité | Z8PQ33W07 | 02/04/2029 |
"""


@pytest.mark.parametrize(
    ("question", "text", "row", "found"),
    [
        (
            "How much did the dentist cost for Léo?",
            CLAIMS,
            "| 11/03/2025 | Emma | Dentiste - couronne céramique | 650 |",
            UnheldCell("Léo", "Emma", None),
        ),
        (
            "What is Chloé's passport number?",
            PAPERS,
            "| Chloé | Carte d'identité | Z8PQ33W07 | 02/04/2029 |",
            UnheldCell("passport", "Carte d'identité", None),
        ),
    ],
)
def test_a_row_of_another_value_of_an_asked_column_is_named(
    question: str, text: str, row: str, found: UnheldCell
) -> None:
    assert unheld_cell(question, *quoted_row(text, row)) == found


@pytest.mark.parametrize(
    ("question", "row"),
    [
        ("How much did the dentist cost for Emma?", "| 11/03/2025 | Emma | Dentiste"),
        ("Combien a coûté le dentiste ?", "| 11/03/2025 | Emma | Dentiste"),  # no value asked
        ("What did the pediatrician cost?", "| 20/03/2025 | Léo | Pédiatre | 30 |"),
    ],
)
def test_a_row_holding_what_is_asked_stands(question: str, row: str) -> None:
    assert unheld_cell(question, *quoted_row(CLAIMS, row)) is None


@pytest.mark.parametrize(
    ("question", "row"),
    [
        ("When does Léo's passport expire?", "| Léo | Passeport |"),  # passport / Passeport
        ("Quand expire la carte d'identité de Chloé ?", "| Chloé | Carte d'identité |"),
    ],
)
def test_a_writing_of_the_asked_word_in_the_other_language_is_held(question: str, row: str) -> None:
    assert unheld_cell(question, *quoted_row(PAPERS, row)) is None


def test_the_one_sibling_row_holding_the_asked_value_and_the_rest_is_quoted_instead() -> None:
    """Emma's passport row writes "passport" and "Emma": it is the row asked."""
    text = PAPERS + "| Emma | Carte de résident | 6902117458 | 21/01/2034 |\n"
    citations, documents = quoted_row(text, "| Emma | Carte de résident |")
    found = unheld_cell("Emma's passport number", citations, documents)
    assert found is not None and found.held == "Carte de résident" and found.instead is not None
    start, end = found.instead
    assert text[start:end] == "| Emma | UK passport | 548812390 | 03/11/2027 |"


def test_several_sibling_rows_holding_the_asked_value_leave_the_answer() -> None:
    text = PAPERS.replace("| Julien | Passeport", "| Chloé | Passeport").replace(
        "| Léo | Passeport", "| Chloé | Passeport"
    )
    citations, documents = quoted_row(text, "| Chloé | Carte d'identité |")
    assert unheld_cell("Chloé's passport number", citations, documents) is None


def test_a_quote_of_prose_or_of_a_header_is_no_row() -> None:
    assert table_rows("Léo owes 12 €.\n| a | b |\n", 0) is None
    assert table_rows(PAPERS, PAPERS.index("| Person")) is None  # the header
    rows, spans, quoted = table_rows(PAPERS, PAPERS.index("| Léo")) or ([], [], -1)
    assert rows[0] == ["Person", "Document", "Number", "Expires"] and rows[quoted][0] == "Léo"
    start, end = spans[quoted]
    assert PAPERS[start:end] == "| Léo | Passeport | 20CF11873 | 21/08/2025 |"


ORG = """| Name | Role | Reports to | Office |
|---|---|---|---|
| Alice Durand | Engineer | Bob Martin | Paris |
| Bob Martin | Manager | Carla Diaz | Paris |
| Carla Diaz | Director |  | London |
"""


def test_a_row_the_question_names_by_its_key_stands_when_one_other_row_writes_the_word() -> None:
    """ "manager" is Bob Martin's Role, not a kind Alice Durand's row lacks (review D)."""
    citations, documents = quoted_row(ORG, "| Alice Durand | Engineer | Bob Martin | Paris |")
    assert unheld_cell("Who is Alice Durand's manager?", citations, documents) is None


def test_a_row_the_question_does_not_name_by_its_key_is_still_checked() -> None:
    citations, documents = quoted_row(ORG, "| Alice Durand | Engineer | Bob Martin | Paris |")
    found = unheld_cell("Which office does the manager work in?", citations, documents)
    assert found is not None and found.held == "Engineer" and found.instead is not None
    assert ORG[slice(*found.instead)] == "| Bob Martin | Manager | Carla Diaz | Paris |"


def test_an_escaped_pipe_is_a_pipe_of_its_cell() -> None:
    """`a \\| b` is one cell: the columns after it are not shifted (review D)."""
    text = (
        "| Person | Note | Document |\n|---|---|---|\n| Julien | tall \\| dark | Passeport |\n"
        "| Emma | fair | UK passport |\n| Chloé | short \\| fair | Carte d'identité |\n"
    )
    citations, documents = quoted_row(text, "| Chloé | short \\| fair | Carte d'identité |")
    found = unheld_cell("What is Chloé's passport?", citations, documents)
    assert found == UnheldCell("passport", "Carte d'identité", None)
    rows, _, quoted = table_rows(text, text.index("| Chloé")) or ([], [], -1)
    assert rows[quoted] == ["Chloé", "short | fair", "Carte d'identité"]


def test_a_possessive_is_named_without_its_s() -> None:
    citations, documents = quoted_row(CLAIMS, "| 08/01/2025 | Chloé | Orthodontiste")
    found = unheld_cell("How much did Emma's orthodontist cost?", citations, documents)
    assert found is not None and found.asked == "Emma"


FAMILY = """| Date | Patient | Acte | Dépense (€) |
|---|---|---|---|
| 11/03/2025 | Martin | Dentiste | 650 |
| 20/03/2025 | Martine | Dentiste | 80 |
| 02/04/2025 | Léo | Pédiatre | 30 |
"""
MARTIN = "| 11/03/2025 | Martin | Dentiste | 650 |"
MARTINE = "| 20/03/2025 | Martine | Dentiste | 80 |"
STAFF = "| Nom | Service | Poste |\n|---|---|---|\n| Dupont | Compta | 22 |\n| Dupond | RH | 24 |\n"


@pytest.mark.parametrize(
    ("question", "text", "row", "asked", "held", "instead"),
    [
        ("What did the dentist cost for Martine?", FAMILY, MARTIN, "Martine", "Martin", MARTINE),
        ("What did the dentist cost for Martin?", FAMILY, MARTINE, "Martin", "Martine", MARTIN),
        ("Quel est le poste de M. Dupond ?", STAFF, "| Dupont |", "Dupond", "Dupont", "| Dupond |"),
    ],
)
def test_names_a_letter_apart_are_two_people(
    question: str, text: str, row: str, asked: str, held: str, instead: str
) -> None:
    """s28 re-read: "Martine" was held by Martin's row ("martin" and "martine" are 92 alike),
    and Martin's row was quoted for her."""
    found = unheld_cell(question, *quoted_row(text, row))
    assert found is not None and (found.asked, found.held) == (asked, held)
    assert found.instead is not None and text[slice(*found.instead)].startswith(instead)


def test_a_name_no_cell_writes_is_a_typo_of_the_one_name_alike_it() -> None:
    text = FAMILY.replace(MARTIN + "\n", "")
    assert (
        unheld_cell("What did the dentist cost for Martinne?", *quoted_row(text, MARTINE)) is None
    )
    found = unheld_cell("What did the dentist cost for Martinne?", *quoted_row(FAMILY, MARTINE))
    assert found is None  # alike Martin and Martine: held by no row, no row told apart


@pytest.mark.parametrize("escape", ["\x1b[31m", "\x1b]0;title\x07", "\x1b[1;32m"])
def test_a_cell_with_a_terminal_escape_still_names_its_value(escape: str) -> None:
    """A colour code pasted in a name cell ("Emma\\x1b[31m") gave the cell the word "31m",
    whose digit made it name no value: the other person's row was quoted (s29 hostile F4)."""
    text = CLAIMS.replace("| Emma |", f"| Emma{escape} |")
    row = f"| 11/03/2025 | Emma{escape} | Dentiste - couronne céramique | 650 |"
    found = unheld_cell("How much did the dentist cost for Léo?", *quoted_row(text, row))
    assert found is not None and found.asked == "Léo"
    assert found.held.startswith("Emma")


@pytest.mark.parametrize(
    ("question", "names", "quoted", "asked"),
    [
        ("Passport number of Dupond?", ["Dupont", "Durand"], "Durand", "Dupond"),
        ("Passport number of François?", ["Françoise", "Marc"], "Marc", "François"),
        ("Passport number of Danielle?", ["Daniel", "Marc"], "Marc", "Danielle"),
    ],
)
def test_a_typo_of_a_name_never_quotes_that_persons_row_instead(
    question: str, names: list[str], quoted: str, asked: str
) -> None:
    """s29 review C: "Dupond", written by no cell, was taken as a typo of Dupont and his row
    quoted instead of Durand's: another person's passport number for Dupond."""
    rows = "".join(f"| {name} | Passport | {n} |\n" for n, name in enumerate(names, 111))
    text = "| Name | Document | Number |\n|---|---|---|\n" + rows
    row = f"| {quoted} | Passport |"
    assert unheld_cell(question, *quoted_row(text, row)) == UnheldCell(asked, quoted, None)


def test_the_tables_words_are_read_once_however_many_names_are_asked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """s29 review C: each asked name no cell writes folded every cell of the table again."""
    calls: list[str] = []

    def counted(cell: str) -> set[str]:
        calls.append(cell)
        return cell_words(cell)

    monkeypatch.setattr("citeqa.unheld_cells.cell_words", counted)
    counts = []
    for question in ("What did Zorba pay?", "What did Zorba, Quixote and Pancho pay?"):
        calls.clear()
        unheld_cell(question, *quoted_row(FAMILY, MARTIN))
        counts.append(len(calls))
    assert counts[0] == counts[1]


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("what is martine's role?", "martine"),
        ("quel est le rôle de martine ?", "martine"),
    ],
)
def test_a_name_a_cell_writes_is_a_name_in_a_lowercase_question(question: str, asked: str) -> None:
    """s29 review C: "martine" written lowercase was held by Martin's row, alike it."""
    text = "| Name | Role |\n|---|---|\n| Martin | Manager |\n| Martine | Engineer |\n"
    found = unheld_cell(question, *quoted_row(text, "| Martin | Manager |"))
    assert found is not None and (found.asked, found.held) == (asked, "Martin")
    assert found.instead is not None and text[slice(*found.instead)] == "| Martine | Engineer |"


def test_the_sibling_row_quoted_instead_is_cited_on_its_own_page() -> None:
    """A table running onto a second page: Emma's passport row, quoted instead of her
    residence card's on the first page, is cited on the second page it stands on (s29 review:
    only the record cell's row was cited on its own page)."""
    card = "| Emma | Carte de résident | 6902117458 | 21/01/2034 |\n"
    text = PAPERS.replace("| Emma | UK passport", card + "| Emma | UK passport")
    pages = [0, text.index("| Emma | UK passport")]
    citations, documents = quoted_row(text, "| Emma | Carte de résident |")
    documents = {"d": documents["d"].model_copy(update={"page_starts": pages})}
    citations = [citations[0].model_copy(update={"page": 1})]
    found = unheld_cell("Emma's passport number", citations, documents)
    assert found is not None and found.instead is not None
    moved = _quoted_instead(citations, found.instead, documents)[0]
    assert moved.quote.startswith("| Emma | UK passport") and moved.page == 2
