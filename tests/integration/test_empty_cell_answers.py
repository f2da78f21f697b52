"""A question asking a person's cell that the person's table row leaves empty abstains saying
so, end to end, whether the table is a CSV, a markdown file's or a spreadsheet's (empty_cells.py;
s29 trial: "Quelle est la date du certificat médical d'Inès Lefèvre ?" quoted her row with an
empty certificate cell, no notice); the row's filled cells are answered as before."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over
from xlsx_files import rows_workbook

if TYPE_CHECKING:
    from conftest import CliResult

FILES = {
    "inscrits.csv": "nom,prénom,catégorie,cotisation payée,date certificat médical\n"
    "Garnier,Paul,U13,oui,2025-09-03\nRoussel,Anaïs,U11,non,\n"
    "Perrin,Yanis,seniors,,2025-09-18\nBlanc,Sarah,U15,oui,2025-09-21\n",
    "staff.md": "# Staff\n\n| Name | Team | Badge number | Parking spot |\n|---|---|---|---|\n"
    "| Ada Quinn | Sales | B-114 |  |\n| Tom Berg | Support | B-208 | P7 |\n"
    "| Nora Lind | Finance | B-311 | P2 |\n",
    "reunion.md": "# Réunion du bureau\n\nLe bureau rappelle que le certificat médical est"
    " obligatoire pour toute licence. La cotisation se règle avant le 30 septembre.\n",
}
WORKBOOK = [
    ["nom", "prénom", "taille maillot", "numéro de licence"],
    ["Fabre", "Mehdi", "M", "LIC-0042"],
    ["Caron", "Julie", "S", None],
    ["Lucas", "Omar", "L", "LIC-0077"],
]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    corpus = tmp_path_factory.mktemp("docs")
    (corpus / "licences.xlsx").write_bytes(rows_workbook(WORKBOOK, title="Licences"))
    return assistant_over(FILES, corpus, tmp_path_factory.mktemp("i"))


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        (
            "Quelle est la date du certificat médical d'Anaïs Roussel ?",
            "La ligne de Anaïs Roussel laisse vide « date certificat médical ».",
        ),
        (
            "Yanis Perrin a-t-il payé sa cotisation ?",
            "La ligne de Yanis Perrin laisse vide « cotisation payée ».",
        ),
        ("What is Ada Quinn's parking spot?", "Ada Quinn's row leaves “Parking spot” empty."),
        (
            "Quel est le numéro de licence de Julie Caron ?",
            "La ligne de Julie Caron laisse vide « numéro de licence ».",
        ),
    ],
)
def test_an_empty_cell_of_the_named_row_abstains_naming_it(
    folder: Assistant, question: str, reason: str
) -> None:
    answer = folder.ask(question)
    assert answer.abstained, answer.answer
    assert answer.reason == reason
    assert answer.model_dump()["reason"] == reason


@pytest.mark.parametrize(
    ("question", "quoted"),
    [
        ("Quelle est la catégorie d'Anaïs Roussel ?", "U11"),
        ("Quelle est la date du certificat médical de Yanis Perrin ?", "2025-09-18"),
        ("What is Tom Berg's parking spot?", "P7"),
        ("Quel est le numéro de licence de Mehdi Fabre ?", "LIC-0042"),
    ],
)
def test_a_filled_cell_of_the_named_row_is_answered(
    folder: Assistant, question: str, quoted: str
) -> None:
    answer = folder.ask(question)
    assert not answer.abstained, answer.reason
    assert quoted in answer.citations[0].quote


def test_the_cli_gives_the_reason_in_its_json(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in FILES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    where = {"corpus_dir": str(corpus), "index_dir": str(tmp_path / "index")}
    result = cli("ask", "--json", "What is Ada Quinn's parking spot?", **where)
    answer = json.loads(result.out)
    assert answer["abstained"], result.out
    assert answer["reason"] == "Ada Quinn's row leaves “Parking spot” empty."
    assert answer["reason"] in answer["answer"]


def test_an_earlier_periods_file_never_answers_for_the_empty_cell(tmp_path: Path) -> None:
    """s29 merge: the current season's row leaves the certificate empty, and the earlier
    season's file (a dated series, superseded.earlier_periods), where the member is not, then
    answered with another member's row."""
    header = "nom,prénom,catégorie,cotisation payée,date certificat médical\n"
    files = {
        "adherents_2025-2026.csv": header + "Garnier,Paul,U13,oui,2025-09-03\n"
        "Roussel,Anaïs,U11,non,\nBlanc,Sarah,U15,oui,2025-09-21\n",
        "2024-2025/adherents_2024-2025.csv": header + "Garnier,Paul,U11,oui,2024-09-04\n"
        "Blanc,Sarah,U13,oui,2024-09-12\nDupont,Théo,U11,oui,2024-09-12\n",
    }
    (tmp_path / "docs" / "2024-2025").mkdir(parents=True)
    assistant = assistant_over(files, tmp_path / "docs", tmp_path / "i")
    answer = assistant.ask("Quelle est la date du certificat médical d'Anaïs Roussel ?")
    assert answer.abstained, [c.quote for c in answer.citations]
    assert answer.reason == "La ligne de Anaïs Roussel laisse vide « date certificat médical »."


STATEMENT = "Date;Libellé;Débit;Crédit;Solde\n" + "".join(
    f"{day:02d}/05/2025;{label};{debit};{credit};{1000 + day},00\n"
    for day, label, debit, credit in [
        (2, "CB PEAGE AUTOROUTE", "4,26", ""),
        (5, "PRLV ASSURANCE FLOTTE", "212,40", ""),
        (7, "VIR CLIENT GARNIER ACOMPTE", "", "1500,00"),
        (12, "CB QUINCAILLERIE CENTRE", "38,10", ""),
        (14, "CB STATION SERVICE NORD", "59,76", ""),
        (14, "CB QUINCAILLERIE CENTRE", "153,45", ""),
        (14, "REMISE CHEQUE 4240", "", "784,23"),
        (14, "VIR CLIENT LEROUX SOLDE", "", "9532,60"),
        (20, "PRLV TELEPHONE", "64,99", ""),
        (21, "CB PEAGE AUTOROUTE", "6,43", ""),
        (21, "CB BOULANGERIE", "3,10", ""),
    ]
)


def test_a_day_of_a_statement_is_answered_by_its_rows_filling_the_asked_column(
    tmp_path: Path,
) -> None:
    """A date several rows of a bank statement share names no one row: the day's debit row
    leaves « Crédit » empty, but the day's credit rows fill it; they answer, and no absence is
    claimed (s31 trial y5: "La ligne de 14/05/2025 laisse vide « Crédit »")."""
    assistant = assistant_over({"releve.csv": STATEMENT}, tmp_path / "docs", tmp_path / "i")
    answer = assistant.ask("Quel crédit a été reçu le 14/05/2025 ?")
    assert not answer.abstained, answer.reason
    quotes = [citation.quote for citation in answer.citations]
    assert "784,23" in quotes[0] and "9532,60" in quotes[1], quotes
    assert [citation.n for citation in answer.citations] == list(range(1, len(quotes) + 1))
    assert not any("premières sont citées" in note for note in answer.warnings)


NAMES = ["MARTIN", "DUBOIS", "PETIT"]


def test_rows_of_the_day_left_unquoted_are_said_in_a_note(tmp_path: Path) -> None:
    """More rows of the day fill the asked column than are quoted (empty_cells.MOST_FILLED):
    the answer's note says how many were left out (s32 note: they were dropped silently)."""
    more = [(14, f"VIR CLIENT {name}", "", f"{n}00,00") for n, name in enumerate(NAMES, 1)]
    statement = STATEMENT + "".join(
        f"{day:02d}/05/2025;{label};{debit};{credit};1000,00\n"
        for day, label, debit, credit in more
    )
    assistant = assistant_over({"releve.csv": statement}, tmp_path / "docs", tmp_path / "i")
    answer = assistant.ask("Quel crédit a été reçu le 14/05/2025 ?")
    assert not answer.abstained, answer.reason
    assert (
        "2 autres lignes de 14/05/2025 remplissent aussi « Crédit » : seules les 3 premières"
        " sont citées." in answer.warnings
    ), answer.warnings


def test_a_default_set_in_code_is_answered_not_claimed_empty(tmp_path: Path) -> None:
    """s44 trial: a project's configuration reference gives base_url the default `"/"`, a
    cell of no letter nor digit; "What is the default base URL?" abstained saying the row
    leaves “Default” empty."""
    files = {
        "configuration.md": "# Configuration reference\n\nLumen reads `lumen.toml`.\n\n"
        "| Option | Default | Description |\n|---|---|---|\n"
        '| `title` | `"My site"` | The site\'s title. |\n'
        '| `base_url` | `"/"` | The URL the site is published under. |\n'
        "| `port` | `8080` | Port of the development server. |\n",
        "README.md": "# Lumen\n\nLumen turns Markdown files into a website.\n",
    }
    assistant = assistant_over(files, tmp_path / "docs", tmp_path / "i")
    answer = assistant.ask("What is the default base URL?")
    assert not answer.abstained, answer.reason
    assert '`"/"`' in answer.citations[0].quote
