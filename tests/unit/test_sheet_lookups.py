"""Lookups in long sheets (session 20): a later chunk of a table is indexed and read with its
header row, an amount written in groups of thousands is one term, a row's key cell of words is
looked up when the question writes it, and a week past the last one a table counts abstains.

An operations team's sheets asked "the first response time of Umbrella Health" (the header
says `first_response_hours`, row 131 says "Umbrella Health"), "Which pager rota covers
payments?" (the `payments` row, not the `recommendations` row owned by the Payments team),
"Which budget line is 61250.50?" of a French "61 250,50", and "Qui est d'astreinte la semaine
53 ?" of a rota counting weeks 1 to 52."""

from __future__ import annotations

from citeqa.chunkpass import chunk_tokens
from citeqa.lexical import query_tokens, tokenize, written_terms
from citeqa.models import Chunk
from citeqa.questions import QuestionTerms, question_words
from citeqa.sentences import names_words
from citeqa.tables import HEADER_CARRIED, TableHeaders, key_cell
from citeqa.unheld_keys import _beyond_count, _Table
from citeqa.unheld_names import _unknown_names

SHEET = (
    "| customer | plan | first_response_hours |\n"
    "| --- | --- | --- |\n"
    "| Globex Bank | Business | 8 |\n"
    "| Umbrella Health | Business | 8 |\n"
    "| Prestige Health | Platinum | 1 |\n"
)


def chunk_at(text: str, start: int) -> Chunk:
    return Chunk(chunk_id="c", doc_id="d", start=start, end=len(text), text=text[start:].strip())


def test_a_chunk_opening_below_its_tables_header_is_indexed_with_it() -> None:
    later = chunk_at(SHEET, SHEET.index("| Umbrella"))
    header = TableHeaders(SHEET).header_over(later.start, later.end)
    assert header == "| customer | plan | first_response_hours |"
    terms = chunk_tokens(later, header=header)
    assert {"respons", "hour"} <= set(terms) and "umbrella" in terms
    assert "respons" not in chunk_tokens(later)


def test_a_chunk_holding_its_header_or_no_table_gets_no_header() -> None:
    headers = TableHeaders(SHEET)
    assert headers.header_over(0, len(SHEET)) == ""
    prose = "Some words first.\n\n" + SHEET
    assert TableHeaders(prose).header_over(0, len(prose)) == ""
    assert headers.header_above(SHEET.index("| Globex")) == (0, SHEET.index("\n"))
    assert headers.header_above(3) is None


def wide_sheet(columns: int, separator: str = " | ", rule: bool = True) -> str:
    """A table `columns` wide: a header row `c0 … cN`, its rule (markdown), a row of numbers."""
    rows = [[f"c{n}" for n in range(columns)], [str(n) for n in range(columns)]]
    if separator == " | ":
        lines = [f"| {separator.join(row)} |" for row in rows]
        lines.insert(1, "|" + " --- |" * columns if rule else "")
    else:
        lines = [separator.join(row) for row in rows]
    return "\n".join(line for line in lines if line) + "\n"


def chunk_over(text: str, start: int, end: int) -> Chunk:
    return Chunk(chunk_id="c", doc_id="d", start=start, end=end, text=text[start:end])


def test_a_chunk_of_a_wide_row_carries_the_header_of_its_own_columns() -> None:
    """s21 hostile probe: a chunk of a row thousands of cells wide carried the whole header row,
    which each of the row's chunks tokenised again (10,000 columns: 36.8 s to chunk); and it
    read the row's cells under every column name. It carries its own columns' names."""
    for separator in (" | ", "\t"):
        sheet = wide_sheet(3000, separator)
        row = sheet.rindex("\n", 0, len(sheet) - 1) + 1
        start = sheet.index(f"{separator}1200{separator}", row) + len(separator)
        end = sheet.index(f"{separator}1260{separator}", row)
        header = TableHeaders(sheet).header_over(start, end)
        names = header.replace("|", " ").split()
        assert names == [f"c{n}" for n in range(1200, 1260)], separator
        assert {"c1200", "c1259"} <= set(chunk_tokens(chunk_over(sheet, start, end), header=header))


def test_a_chunk_across_two_wide_rows_carries_both_ends_of_the_header() -> None:
    sheet = wide_sheet(3000, rule=False) + "| " + " | ".join(str(-n) for n in range(3000)) + " |\n"
    second = sheet.index("| 0 |")
    third = sheet.index("| 0 |", second + 1)
    chunk = chunk_over(sheet, sheet.index("| 2990 |") + 1, sheet.index("| -5 |", third))
    names = TableHeaders(sheet).header_over(chunk.start, chunk.end).replace("|", " ").split()
    assert names == [f"c{n}" for n in (*range(5), *range(2990, 3000))]


def test_a_chunk_of_whole_rows_carries_the_whole_header_and_a_rule_none() -> None:
    sheet = wide_sheet(40)
    headers = TableHeaders(sheet)
    rule = sheet.index("| --- |")
    whole = chunk_over(sheet, rule, len(sheet))  # the rule, then a row of every column
    assert headers.header_over(whole.start, whole.end) == sheet[: sheet.index("\n")]
    assert headers.header_over(rule + 7, rule + 60) == ""


def test_what_a_chunk_carries_of_a_header_is_bounded() -> None:
    sheet = wide_sheet(3, rule=False).replace("c1", "c1 " + "long " * 1000)
    row = sheet.index("| 0 |")
    header = TableHeaders(sheet).header_over(row, row + 7)
    assert header.split() == ["c0"]  # cut after a whole cell
    sheet = wide_sheet(20_000)
    row = sheet.index("| 0 |")
    header = TableHeaders(sheet).header_over(row, row + 50_000)
    names = header.replace("|", " ").split()
    assert len(header) <= HEADER_CARRIED and len(names) > 200
    assert names == [f"c{n}" for n in range(len(names))]  # the first ones, none cut in two


def test_a_chunk_of_whole_rows_carries_a_long_header_whole() -> None:
    """The s21 review: 100 columns named `measurement_column_NNN` (a 2,501-character header)
    lost their last names in every chunk of whole rows, which carried 2,000 characters."""
    names = [f"measurement_column_{n:03d}" for n in range(100)]
    sheet = "| " + " | ".join(names) + " |\n|" + "---|" * 100 + "\n"
    sheet += "| " + " | ".join(str(n) for n in range(100)) + " |\n"
    rule = sheet.index("|---|")
    header = TableHeaders(sheet).header_over(rule, len(sheet))
    assert "measurement_column_099" in header and len(header) > HEADER_CARRIED


def test_an_amount_in_groups_of_thousands_is_one_term() -> None:
    assert tokenize("| Pagewise | 61 250,50 | 4 317,64 |", "fr")[:3] == [
        "pagewis",
        "61250.50",
        "4317.64",
    ]
    assert tokenize("61,250.50", "en") == ["61250.50"]
    assert "61250.50" in query_tokens("Which budget line is 61250.50?")
    assert "61250.50" in query_tokens("Quelle ligne vaut 61 250,50 € ?")
    assert "61250.50" in written_terms("| Pagewise | 61 250,50 |")
    assert {"61250.50", "4317.64"} <= written_terms("| 61\u202f250,50 | 4\u00a0317,64 |")
    assert "61 250,50" in question_words("Quelle ligne vaut 61 250,50 € ?")


def test_an_amount_grouped_by_spaces_is_also_indexed_as_its_pieces() -> None:
    text = "| Vis | quantité 2 125,00 € pièce | 61 250,50 |"
    terms = tokenize(text, "fr")
    assert {"2125.00", "2", "125.00", "61250.50", "61", "250.50"} <= set(terms)
    assert set(terms) == written_terms(text, dates=False)
    assert "125.00" in query_tokens("Quel article coûte 125,00 € pièce ?")
    assert tokenize("61,250.50", "en") == ["61250.50"]  # no space: one number only


def test_spaces_between_bare_numbers_or_after_a_year_join_nothing() -> None:
    assert tokenize("les 12 250 patients", "fr")[:2] == ["12", "250"]
    assert tokenize("en 2019 250,5 mg", "fr")[:2] == ["2019", "250.5"]
    assert tokenize("56,2 et 1,250", "fr") == ["56.2", "1.250"]  # as before: decimals


def test_a_key_cell_of_words_is_named_only_whole() -> None:
    asked = QuestionTerms(focus="What is the first response time for Umbrella Health?")
    assert names_words(key_cell("| Umbrella Health | Business | 8 |"), asked)
    assert not names_words(key_cell("| Prestige Health | Platinum | 1 |"), asked)
    hyphenated = QuestionTerms(focus="What is the p95 latency of the search-suggest service?")
    assert not names_words("search", hyphenated)
    assert names_words("feature-flags", QuestionTerms(focus="The budget of feature-flags?"))
    assert not names_words("No", QuestionTerms(focus="No, which one?"))


ROTA = [
    ["semaine", "du", "titulaire"],
    *([str(week), f"{week:02d}/01", "Ann"] for week in range(1, 53)),
]


def test_a_week_past_those_a_column_headed_by_its_cue_counts_has_no_row() -> None:
    rota = _Table.of(ROTA)
    asked = QuestionTerms(focus="Qui est d'astreinte la semaine 53 ?", uncued_numbers=["53"])
    unheld = _beyond_count(asked, [rota])
    assert unheld is not None and unheld.key == "53" and unheld.closest == ["52", "51"]
    twelve = QuestionTerms(focus="Qui est d'astreinte la semaine 12 ?", uncued_numbers=["12"])
    assert _beyond_count(twelve, [rota]) is None


def test_a_week_past_those_counted_that_the_corpus_writes_after_its_cue_stays_answered() -> None:
    written = QuestionTerms(focus="Qui est d'astreinte la semaine 53 ?", uncued_numbers=[])
    assert _beyond_count(written, [_Table.of(ROTA)]) is None


def test_a_number_after_another_cue_or_held_under_the_cue_elsewhere_stays_answered() -> None:
    rota = _Table.of(ROTA)
    week = QuestionTerms(focus="Who is on call in week 53?", uncued_numbers=["53"])
    assert _beyond_count(week, [rota]) is None
    other = _Table.of([["Semaine", "Menu"], ["53", "Soupe"], ["54", "Gratin"]])
    asked = QuestionTerms(focus="Qui est d'astreinte la semaine 53 ?", uncued_numbers=["53"])
    assert _beyond_count(asked, [rota, other]) is None


def test_an_unknown_name_may_open_the_question() -> None:
    words = question_words("Initrode Health: what is its first response time?")
    terms = QuestionTerms(focus=" ".join(words), absent=["Initrode"])
    assert _unknown_names(words, terms) == [0]
    assert _unknown_names(words, QuestionTerms(focus=" ".join(words))) == []
