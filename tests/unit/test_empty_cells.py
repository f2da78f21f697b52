"""A question asking a record's cell that the record's quoted table row leaves empty abstains
naming the record and the column (empty_cells.py); a filled cell, another column, a row the
question does not name, or a column not surely asked stand."""

from __future__ import annotations

import pytest

from citeqa import abstention, empty_cells
from citeqa.empty_cells import MOST_FILLED, EmptyCell, empty_asked_cell, more_rows_note
from citeqa.unheld_cells import cell_words
from quoted_rows import quoted_row

MEMBERS = """# Adhérents

| nom | prénom | catégorie | cotisation payée | date certificat médical |
| --- | --- | --- | --- | --- |
| Garnier | Paul | U13 | oui | 2025-09-03 |
| Roussel | Anaïs | U11 | non |  |
| Perrin | Yanis | seniors |  | 2025-09-18 |
| Perrin | Lina | U13 | oui | - |
"""
STAFF = """| Name | Team | Badge number | Parking spot |
|---|---|---|---|
| Ada Quinn | Sales | B-114 |  |
| Tom Berg | Support |  | P7 |
| Lea Moss | Ops |
"""


@pytest.mark.parametrize(
    ("question", "text", "row", "found"),
    [
        (
            "Quelle est la date du certificat médical d'Anaïs Roussel ?",
            MEMBERS,
            "| Roussel | Anaïs | U11 | non |  |",
            EmptyCell("Anaïs Roussel", "date certificat médical"),
        ),
        (
            "Yanis Perrin a-t-il payé sa cotisation ?",
            MEMBERS,
            "| Perrin | Yanis | seniors |  | 2025-09-18 |",
            EmptyCell("Yanis Perrin", "cotisation payée"),
        ),
        (
            "Date certificat médical de Lina Perrin ?",  # a dash is no value
            MEMBERS,
            "| Perrin | Lina | U13 | oui | - |",
            EmptyCell("Lina Perrin", "date certificat médical"),
        ),
        (
            "What is Ada Quinn's parking spot?",
            STAFF,
            "| Ada Quinn | Sales | B-114 |  |",
            EmptyCell("Ada Quinn", "Parking spot"),
        ),
        (
            "What are the badge numbers of Tom Berg?",  # "numbers" for "number"
            STAFF,
            "| Tom Berg | Support |  | P7 |",
            EmptyCell("Tom Berg", "Badge number"),
        ),
    ],
)
def test_an_empty_asked_cell_of_the_named_row_is_found(
    question: str, text: str, row: str, found: EmptyCell
) -> None:
    assert empty_asked_cell(question, *quoted_row(text, row)) == found


@pytest.mark.parametrize(
    ("question", "text", "row"),
    [
        # the asked cell is filled
        ("Anaïs Roussel a-t-elle payé sa cotisation ?", MEMBERS, "| Roussel | Anaïs | U11 | non |"),
        ("What is Tom Berg's parking spot?", STAFF, "| Tom Berg | Support |  | P7 |"),
        # the question asks the row's other, filled cells
        ("Quelle est la catégorie d'Anaïs Roussel ?", MEMBERS, "| Roussel | Anaïs | U11 |"),
        ("What team is Ada Quinn in?", STAFF, "| Ada Quinn | Sales | B-114 |  |"),
        # two columns asked, one of them filled: not surely the empty one
        (
            "Yanis Perrin: cotisation payée et date du certificat médical ?",
            MEMBERS,
            "| Perrin | Yanis | seniors |",
        ),
        # no column asked
        ("Qui est Anaïs Roussel ?", MEMBERS, "| Roussel | Anaïs | U11 | non |  |"),
        # the row is not the one the question names (another person's key, another first name)
        ("What is Ada Quinn's badge number?", STAFF, "| Tom Berg | Support |  | P7 |"),
        ("Lina Perrin a-t-elle payé sa cotisation ?", MEMBERS, "| Perrin | Yanis | seniors |"),
        # a short row of a hand-written table lacks the cell: not read as empty
        ("What is Lea Moss's parking spot?", STAFF, "| Lea Moss | Ops |"),
        # the column is asked only in part ("date" of "date certificat médical")
        ("Quelle date pour Anaïs Roussel ?", MEMBERS, "| Roussel | Anaïs | U11 | non |  |"),
    ],
)
def test_a_filled_or_unasked_cell_or_an_unnamed_row_stands(
    question: str, text: str, row: str
) -> None:
    assert empty_asked_cell(question, *quoted_row(text, row)) is None


def test_a_header_and_a_name_are_read_as_they_show() -> None:
    """A terminal escape in the asked column's header added words the question never writes:
    the empty cell was quoted as the answer (s30 hostile F3); the reason named the person with
    the escape's junk and hidden link (F13)."""
    link = "\x1b]8;;http://evil\x07\x1b[31m"
    text = MEMBERS.replace("date certificat médical", f"date certificat{link} médical")
    text = text.replace("| Roussel | Anaïs |", f"| Rous{link}sel | Anaïs |")
    row = f"| Rous{link}sel | Anaïs | U11 | non |  |"
    question = "Quelle est la date du certificat médical d'Anaïs Roussel ?"
    assert empty_asked_cell(question, *quoted_row(text, row)) == EmptyCell(
        "Anaïs Roussel", "date certificat médical"
    )


def test_a_quote_that_is_no_table_row_stands() -> None:
    text = "Anaïs Roussel n'a pas rendu son certificat médical.\n"
    question = "Date du certificat médical d'Anaïs Roussel ?"
    assert empty_asked_cell(question, *quoted_row(text, text.strip())) is None


@pytest.mark.parametrize(
    ("lang", "reason"),
    [
        ("en", "Ada Quinn's row leaves “Parking spot” empty."),
        ("fr", "La ligne de Ada Quinn laisse vide « Parking spot »."),
    ],
)
def test_the_reason_names_the_record_and_the_column(lang: str, reason: str) -> None:
    assert abstention.empty_cell("Ada Quinn", "Parking spot", lang) == reason  # type: ignore[arg-type]


def test_the_reason_shows_the_table_text_visible() -> None:
    reason = abstention.empty_cell("Ada\x1b[31m Quinn", "Parking\u202espot", "en")
    assert "\x1b" not in reason and "\u202e" not in reason


STATEMENT = """| Date | Libellé | Débit | Crédit |
|---|---|---|---|
| 13/05/2025 | VIR CLIENT DURAND | | 1200,00 |
| 14/05/2025 | CB STATION SERVICE | 59,76 | |
| 14/05/2025 | REMISE CHEQUE 42 | | 784,23 |
| 14/05/2025 | CB QUINCAILLERIE | 12,00 | |
| 14/05/2025 | VIR CLIENT LEROUX | | 9532,60 |
| 15/05/2025 | CB PEAGE | 4,26 | |
| 15/05/2025 | CB BOULANGERIE | 3,10 | |
"""


def _rows_at(text: str, *rows: str) -> tuple[tuple[int, int], ...]:
    return tuple((text.index(row), text.index(row) + len(row)) for row in rows)


def test_rows_sharing_the_key_that_fill_the_asked_column_are_quoted_not_claimed_empty() -> None:
    """A date several rows of a statement share names none alone: the debit row quoted for
    "Quel crédit … le 14/05/2025 ?" leaves « Crédit » empty, but that day's credit rows fill
    it, so they answer, and no absence is claimed (s31 trial y5)."""
    question = "Quel crédit a été reçu le 14/05/2025 ?"
    found = empty_asked_cell(question, *quoted_row(STATEMENT, "| 14/05/2025 | CB STATION"))
    credits = _rows_at(
        STATEMENT,
        "| 14/05/2025 | REMISE CHEQUE 42 | | 784,23 |",
        "| 14/05/2025 | VIR CLIENT LEROUX | | 9532,60 |",
    )
    assert found == EmptyCell("14/05/2025", "Crédit", credits)


def test_the_claim_stands_when_no_row_of_the_key_fills_the_column() -> None:
    question = "Quel crédit a été reçu le 15/05/2025 ?"
    found = empty_asked_cell(question, *quoted_row(STATEMENT, "| 15/05/2025 | CB PEAGE"))
    assert found == EmptyCell("15/05/2025", "Crédit")


def test_at_most_a_few_rows_of_the_key_are_quoted() -> None:
    lines = [f"| 01/06/2025 | VIR {n} | | {n},00 |" for n in range(1, MOST_FILLED + 3)]
    text = "| Date | Libellé | Débit | Crédit |\n|---|---|---|---|\n"
    text += "| 01/06/2025 | CB PEAGE | 4,26 | |\n" + "\n".join(lines) + "\n"
    question = "Quel crédit a été reçu le 01/06/2025 ?"
    found = empty_asked_cell(question, *quoted_row(text, "| 01/06/2025 | CB PEAGE"))
    assert found is not None
    assert found.filled == _rows_at(text, *lines[:MOST_FILLED])
    assert found.unquoted == 2  # the rows filling it past MOST_FILLED, said in a note
    assert more_rows_note(found, "fr") == (
        "2 autres lignes de 01/06/2025 remplissent aussi « Crédit » : seules les 3 premières"
        " sont citées."
    )
    assert more_rows_note(found, "en") == (
        "2 more rows of 01/06/2025 fill “Crédit” too: only the first 3 are quoted."
    )
    assert more_rows_note(found._replace(unquoted=1), "en") == (
        "1 more row of 01/06/2025 fills “Crédit” too: only the first 3 are quoted."
    )
    assert more_rows_note(found._replace(unquoted=0), "en") is None


def test_the_table_is_folded_once_however_many_rows_share_the_key(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each row sharing the quoted row's key folded the whole table again: 4,000 rows took
    280 s (s32 review). What is folded stays a few times the table's text, not rows × table."""
    lines = [f"| Fournitures | Article {n} fournisseur | {n},00 | |" for n in range(300)]
    text = "| Catégorie | Libellé | Débit | Crédit |\n|---|---|---|---|\n"
    text += "| Fournitures | Rabot Makita | 10,00 | |\n" + "\n".join(lines) + "\n"
    folded: list[int] = []

    def counted(cell: str) -> set[str]:
        folded.append(len(cell))
        return cell_words(cell)

    monkeypatch.setattr(empty_cells, "cell_words", counted)
    question = "Quel crédit pour les Fournitures Rabot Makita ?"
    found = empty_asked_cell(question, *quoted_row(text, "| Fournitures | Rabot Makita"))
    assert found == EmptyCell("Fournitures Rabot Makita", "Crédit")
    assert sum(folded) < 5 * len(text)


def test_the_table_is_folded_only_when_the_row_lacks_a_name_the_question_writes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The whole table's words are read only to know whether a capitalised word the question
    writes, missing from the row, names another row: a row holding all of them reads no other
    row's cells (the table was folded whole for every such answer)."""
    folded: list[str] = []

    def counted(cell: str) -> set[str]:
        folded.append(cell)
        return cell_words(cell)

    monkeypatch.setattr(empty_cells, "cell_words", counted)
    found = empty_asked_cell(
        "What is Ada Quinn's parking spot?", *quoted_row(STAFF, "| Ada Quinn | Sales | B-114 |  |")
    )
    assert found == EmptyCell("Ada Quinn", "Parking spot")
    assert not any("Support" in cell for cell in folded)


@pytest.mark.parametrize(
    ("question", "text", "row", "found"),
    [
        (
            "Quelle est la date du certificat médical de Dupont en 2024 ?",
            "| Nom | Année | Date certificat médical |\n|---|---|---|\n| Dupont | 2024 | |\n"
            "| Dupont | 2023 | 12/01/2023 |\n| Martin | 2024 | 03/09/2024 |\n",
            "| Dupont | 2024 |",
            EmptyCell("Dupont", "Date certificat médical"),
        ),
        (
            "Quelle est la date de paiement de Moreau pour la cuisine ?",
            "| Client | Chantier | Date de paiement |\n|---|---|---|\n| Moreau | cuisine | |\n"
            "| Moreau | escalier | 03/02/2025 |\n",
            "| Moreau | cuisine |",
            EmptyCell("Moreau", "Date de paiement"),
        ),
    ],
)
def test_a_row_of_the_key_lacking_what_the_question_writes_of_the_quoted_row_is_no_answer(
    question: str, text: str, row: str, found: EmptyCell
) -> None:
    """The 2023 row of Dupont fills the date asked of 2024: quoting it answered another year;
    the cell asked is empty in the row the question names (s32 review)."""
    assert empty_asked_cell(question, *quoted_row(text, row)) == found


OPTIONS = """# Configuration reference

| Option | Default | Description |
|---|---|---|
| `base_url` | `"/"` | The URL the site is published under. |
| `prefix` | `""` | Text put before every page title. |
| `include` | `*` | Files read from the pages folder. |
| `suffix` | « » | Text put after every page title. |
| `theme` |  | The theme's folder. |
| `locale` | - | The language of dates. |
"""


@pytest.mark.parametrize(
    ("question", "row"),
    [
        ("What is the default of base_url?", '| `base_url` | `"/"` |'),
        ("What is the default of prefix?", '| `prefix` | `""` |'),
        ("What is the default of include?", "| `include` | `*` |"),
        ("Quel est le default de suffix ?", "| `suffix` | « » |"),
    ],
)
def test_a_value_set_in_code_or_quotes_is_no_empty_cell(question: str, row: str) -> None:
    """s44 trial: a configuration reference's default `"/"` holds no letter nor digit, and
    "What is the default base URL?" abstained saying base_url's row leaves “Default” empty."""
    assert empty_asked_cell(question, *quoted_row(OPTIONS, row)) is None


@pytest.mark.parametrize(
    ("question", "row", "record"),
    [
        ("What is the default of theme?", "| `theme` |  |", "theme"),
        ("What is the default of locale?", "| `locale` | - |", "locale"),
    ],
)
def test_a_blank_or_a_dash_beside_such_values_is_still_empty(
    question: str, row: str, record: str
) -> None:
    assert empty_asked_cell(question, *quoted_row(OPTIONS, row)) == EmptyCell(record, "Default")
