"""A bakery's folder as its owner asks it (s57 trial): a staff rota keyed by ISO weeks and an
insurance schedule of "Label: value" lines.

- A week's number is searched as its codes (iso_weeks.week_code_tokens): "Who works on Monday
  of week 11?" was refused, "they never mention “11”", of a rota writing "2026-W11".
- A question word naming the document names no field line of its stem (field_lines.
  label_match): "When does the insurance cover end?" quoted "Insurer: Hiscox" of
  "insurance.txt" over its "Period of cover" line.
- A contact line under a heading naming its owner is the owner's (value_kinds.heads_owner,
  answering._headed_text): "What is the phone number of the flour supplier?" of a "Suppliers"
  page's "## Flour" block was refused, "they never mention “phone”".
- A row asked by a superlative of a column is the table's row of the extreme value among the
  rows writing what the question names (extreme_rows.py): "Which is the most expensive
  pastry?" quoted the croissant, the cheapest.
- A weekday or a day of a month no row of the quoted row's table writes is refused naming those
  it writes (unheld_row_days.py): "Who works on Sunday in week 10?" quoted the rota's Monday
  row, "What was the walk-in fridge temperature on 5 March?" the log's 2 March row.
"""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

ROTA = """week,day,staff,shift
2026-W10,Monday,Priya,06:00-14:00
2026-W10,Monday,Tom,12:00-20:00
2026-W10,Tuesday,Priya,06:00-14:00
2026-W10,Tuesday,Aisha,12:00-20:00
2026-W10,Saturday,Tom,06:00-14:00
2026-W10,Saturday,Aisha,07:00-15:00
2026-W11,Monday,Aisha,06:00-14:00
2026-W11,Monday,Tom,12:00-20:00
"""
INSURANCE = """PUBLIC LIABILITY INSURANCE SCHEDULE

Insurer: Hiscox
Policy number: PL-77812-CB
Insured: Crumb & Co Bakery Ltd
Limit of indemnity: £2,000,000
Excess: £250 per claim
Period of cover: 1 April 2026 to 31 March 2027
Annual premium: £412.80
"""
HOURS = """Crumb & Co Bakery — opening hours

Monday to Friday: 7:00 to 18:00
Saturday: 7:30 to 16:00
Sunday: closed

Bank holidays: 8:00 to 13:00.
We close at 15:00 on Christmas Eve.
"""
SUPPLIERS = (
    "# Suppliers\n"
    "\n"
    "## Flour\n"
    "\n"
    "Marriage's Millers\n"
    "Chelmsford, Essex\n"
    "Tel: 01245 612 301\n"
    "Orders by Wednesday noon for Friday delivery. Minimum order: 10 sacks of 16 kg.\n"
    "\n"
    "## Dairy\n"
    "\n"
    "Home Farm Dairy\n"
    "Braintree\n"
    "Tel: 01376 550 884\n"
    "Butter, cream and milk delivered every Tuesday and Friday.\n"
    "\n"
    "## Packaging\n"
    "\n"
    "BoxCo Ltd\n"
    "orders@boxco.co.uk\n"
    "Cake boxes and paper bags, delivered within 5 working days.\n"
)
PRICES = (
    "item,category,price_gbp,allergens\n"
    "Sourdough loaf,bread,4.20,gluten\n"
    'Seeded rye,bread,4.60,"gluten, sesame"\n'
    'Croissant,pastry,1.90,"gluten, milk, egg"\n'
    'Almond croissant,pastry,2.60,"gluten, milk, egg, nuts"\n'
    'Cinnamon bun,pastry,2.80,"gluten, milk, egg"\n'
    'Carrot cake slice,cake,3.50,"gluten, egg, nuts"\n'
)
FRIDGES = (
    "date,fridge,temp_c,checked_by\n"
    "2026-03-02,walk-in,3.1,Priya\n"
    "2026-03-02,display,4.8,Tom\n"
    "2026-03-03,walk-in,3.4,Priya\n"
    "2026-03-03,display,6.2,Aisha\n"
    "2026-03-04,walk-in,2.9,Priya\n"
    "2026-03-04,display,4.5,Tom\n"
)
FILES = {
    "price-list.csv": PRICES,
    "fridge-log.csv": FRIDGES,
    "rota.csv": ROTA,
    "insurance.txt": INSURANCE,
    "opening-hours.txt": HOURS,
    "suppliers.md": SUPPLIERS,
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return assistant_over(FILES, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i"))


def test_a_week_asked_by_its_number_is_the_rotas_code(folder: Assistant) -> None:
    answer = folder.ask("Who works on Monday of week 11?")
    assert not answer.abstained, answer.reason
    assert answer.citations[0].quote.startswith("| 2026-W11 | Monday |")


def test_the_document_named_names_no_field_of_its_stem(folder: Assistant) -> None:
    answer = folder.ask("When does the insurance cover end?")
    assert not answer.abstained, answer.reason
    assert "31 March 2027" in answer.citations[0].quote


@pytest.mark.parametrize(
    ("question", "value"),
    [
        ("What is the phone number of the flour supplier?", "Tel: 01245 612 301"),
        ("What is the email of the packaging supplier?", "orders@boxco.co.uk"),
    ],
)
def test_a_contact_under_its_owners_heading(folder: Assistant, question: str, value: str) -> None:
    answer = folder.ask(question)
    assert not answer.abstained, answer.reason
    assert answer.citations[0].quote.endswith(value)


def test_a_contact_no_block_of_the_owner_writes_is_refused(folder: Assistant) -> None:
    answer = folder.ask("What is the phone number of the packaging supplier?")
    assert answer.abstained, [c.quote for c in answer.citations]


@pytest.mark.parametrize(
    ("question", "row"),
    [
        ("Which is the most expensive pastry?", "| Cinnamon bun | pastry | 2.80 |"),
        ("What is the cheapest bread?", "| Sourdough loaf | bread | 4.20 |"),
        ("What was the lowest walk-in fridge temperature?", "| 2026-03-04 | walk-in | 2.9 |"),
    ],
)
def test_a_row_asked_by_a_superlative(folder: Assistant, question: str, row: str) -> None:
    answer = folder.ask(question)
    assert not answer.abstained, answer.reason
    assert answer.citations[0].quote.startswith(row)


@pytest.mark.parametrize(
    ("question", "named", "held", "answered", "row"),
    [
        (
            "Who works on Sunday in week 10?",
            "“Sunday”",
            "Saturday",
            "Who works on Saturday in week 10?",
            "| 2026-W10 | Saturday |",
        ),
        (
            "What was the walk-in fridge temperature on 5 March?",
            "“5 March”",
            "2026-03-04",
            "What was the walk-in fridge temperature on 3 March?",
            "| 2026-03-03 | walk-in |",
        ),
    ],
)
def test_a_day_no_row_of_the_table_writes_is_refused(
    folder: Assistant, question: str, named: str, held: str, answered: str, row: str
) -> None:
    answer = folder.ask(question)
    assert answer.abstained, [c.quote for c in answer.citations]
    assert answer.reason is not None and named in answer.reason and held in answer.reason
    kept = folder.ask(answered)  # a day some row writes: that row
    assert not kept.abstained and kept.citations[0].quote.startswith(row)
