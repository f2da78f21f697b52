"""Questions about long spreadsheet exports get the asked row quoted (session 20's sheets): a
row far below its header, asked by a column's words and the row's key ("the first response
time of Umbrella Health"); a row whose key is a word the question writes ("payments") rather
than one whose other cells share it ("Payments", a team); an amount asked without its
thousands' spaces ("61250.50"); a week past the last the rota counts, and a customer whose
name no row holds ("Initrode Health" beside "Initech Health"), abstain. Words a question shares
with another row's key, a week a note writes, a price after a quantity are read where they are
written (review of 2d0ed07)."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

FIRST = ["Acme", "Globex", "Hooli", "Initech", "Monarch", "Prestige", "Stark", "Umbrella", "Wayne"]
SECOND = ["Bank", "Foods", "Health", "Logistics", "Media", "Retail"]
TEAMS = ["Platform", "Storefront", "Payments", "Data"]
SERVICES = ["checkout", "search", "recommendations", "payments", "catalog", "ledger", "login"]


def customers() -> str:
    """54 customers, each with its plan, response hours and success manager."""
    rows = ["customer,plan,first_response_hours,customer_success_manager"]
    for number, (first, second) in enumerate((f, s) for f in FIRST for s in SECOND):
        rows.append(f"{first} {second},Plan {number % 4},{number + 1},Manager {number}")
    return "\n".join(rows) + "\n"


def services() -> str:
    """Services, each owned by a team (one of them named as a service is) and on a rota."""
    rows = ["service,owner_team,pager_rota"]
    for number, name in enumerate(SERVICES):
        rows.append(f"{name},{TEAMS[number % len(TEAMS)]},rota-{chr(65 + number)}")
    return "\n".join(rows) + "\n"


def budget() -> str:
    """A French budget, `;`-separated, its amounts in groups of thousands with decimal commas."""
    rows = ["poste;fournisseur;budget_annuel_eur"]
    for number in range(24):
        rows.append(f"Poste {number};Fournisseur {number};{number + 10} {number * 7 + 100},50")
    rows.append("Astreinte;Pagewise;61 250,50")
    return "\n".join(rows) + "\n"


def rota() -> str:
    """On-call weeks 1 to 52, tab-separated."""
    rows = ["semaine\tdu\ttitulaire"]
    rows += [f"{week}\t{week:02d}/01/2025\tPersonne {week}" for week in range(1, 53)]
    return "\n".join(rows) + "\n"


@pytest.fixture(scope="module")
def sheets(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {
        "customers.csv": customers(),
        "services.csv": services(),
        "budget.csv": budget(),
        "astreintes.tsv": rota(),
    }
    corpus, index = tmp_path_factory.mktemp("sheets"), tmp_path_factory.mktemp("index")
    return assistant_over(files, corpus, index)


def quoted(assistant: Assistant, question: str) -> str:
    answer = assistant.ask(question)
    assert not answer.abstained, answer.reason
    return answer.citations[0].quote


def test_a_row_far_below_its_header_is_found_by_a_columns_words(sheets: Assistant) -> None:
    quote = quoted(sheets, "What is the first response time for Umbrella Health?")
    assert quote.startswith("| Umbrella Health |")


def test_the_row_keyed_by_the_word_asked_is_quoted(sheets: Assistant) -> None:
    quote = quoted(sheets, "Which pager rota covers payments?")
    assert quote.startswith("| payments |")


def test_an_amount_asked_without_its_spaces_finds_its_row(sheets: Assistant) -> None:
    assert "61 250,50" in quoted(sheets, "Which budget line is 61250.50?")


def test_a_week_past_the_last_one_counted_abstains(sheets: Assistant) -> None:
    answer = sheets.ask("Qui est d'astreinte la semaine 53 ?")
    assert answer.abstained and "53" in (answer.reason or "") and "52" in (answer.reason or "")
    assert quoted(sheets, "Qui est d'astreinte la semaine 38 ?").startswith("| 38 |")


def test_a_name_no_row_holds_abstains_naming_the_closest(sheets: Assistant) -> None:
    answer = sheets.ask("What is the first response time for Initrode Health?")
    assert answer.abstained and "Initrode Health" in (answer.reason or "")
    assert "Initech Health" in (answer.reason or "")
    # a misspelt name is left to the answer models, which may read it as the row it is
    assert not sheets.ask("What is the first response time for Umbrella Health?").abstained


DEPENDENCIES = """service,owner team,depends on,pager rota
search,Discovery,indexer,rota-A
payments,Checkout,billing,rota-B
billing,Finance,ledger,rota-C
notifications,Platform,mailer,rota-D
recommendations,Discovery,search,rota-E
"""


@pytest.fixture(scope="module")
def written_elsewhere(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    """Sheets whose asked words are also written where the rules above would not look: a
    service that is another's dependency, week 53 in a note, a price after a quantity."""
    files = {
        "services.csv": DEPENDENCIES,
        "astreintes.tsv": rota(),
        "note.md": "# Astreinte exceptionnelle\n\nLa semaine 53 de 2026 est d'astreinte pour "
        "Béatrice Lefort, qui couvre aussi les jours fériés.\n",
        "prix.md": "# Prix\n\nLe poste Formation coûte 61 250,50 € en 2025.\n\n"
        "Prix unitaire des vis : quantité 2 125,00 € pièce.\n",
        "customers.csv": customers(),
    }
    corpus, index = tmp_path_factory.mktemp("elsewhere"), tmp_path_factory.mktemp("index")
    return assistant_over(files, corpus, index)


def test_a_value_naming_another_rows_key_keeps_the_row_holding_it(
    written_elsewhere: Assistant,
) -> None:
    quote = quoted(written_elsewhere, "Which service depends on billing?")
    assert quote.startswith("| payments |")
    # a key the question names without the key column's header is still looked up
    assert quoted(written_elsewhere, "Which pager rota covers billing?").startswith("| billing |")


def test_a_week_past_the_rota_that_a_note_writes_is_answered(written_elsewhere: Assistant) -> None:
    assert "Béatrice Lefort" in quoted(written_elsewhere, "Qui est d'astreinte la semaine 53 ?")


def test_a_price_after_a_quantity_is_found(written_elsewhere: Assistant) -> None:
    assert "2 125,00" in quoted(written_elsewhere, "Quel article coûte 125,00 € pièce ?")


def test_an_unknown_name_opening_the_question_abstains(written_elsewhere: Assistant) -> None:
    answer = written_elsewhere.ask("Initrode Health: what is its first response time?")
    assert answer.abstained and "Initech Health" in (answer.reason or "")


def test_nothing_is_written_beside_the_sheets(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    assistant_over({"services.csv": services()}, folder, tmp_path / "i")
    assert sorted(path.name for path in folder.iterdir()) == ["services.csv"]


def wide_sheet(columns: int) -> str:
    """A header row `c0,c1,…` and a row of numbers, `columns` wide: each row is many chunks."""
    return ",".join(f"c{n}" for n in range(columns)) + "\n" + ",".join(map(str, range(columns)))


def test_a_column_of_a_sheet_thousands_of_columns_wide_is_answered_or_abstains(
    tmp_path: Path,
) -> None:
    """s21 hostile probe: "What is c10?" of a 3,500-column sheet raised an IndexError (the
    passages read held only pieces of the header row, and a row was looked up among no
    candidates)."""
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    assistant = assistant_over({"w.csv": wide_sheet(3500)}, corpus, index)
    for question in ("What is c10?", "c3400?"):
        answer = assistant.ask(question)
        name = question.split()[-1].rstrip("?")
        if answer.abstained:
            assert name in (answer.reason or "") and answer.passages
        else:
            assert name.lstrip("c") in answer.citations[0].quote
