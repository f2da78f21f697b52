"""Tables aligned with spaces read as tables: a tab at each gap between their columns, the
text's length and offsets kept; prose, fields, code and contents lines left as written."""

from __future__ import annotations

from citeqa.aligned_tables import column_gaps, tabbed_aligned_tables
from citeqa.language import is_table_row
from citeqa.tables import TableHeaders, is_header_row, is_table_frame

SALES = """Quarterly sales report

Figures are in thousands of euros and were audited in March.

Region      Sales 2024   Sales 2025   Manager
North       1,200        1,350        Alice Martin
South       980          1,010        Bruno Keller
East        1,540        1,720        Chen Wei

The West region fell because a large client left in the spring.
"""


def table_lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if is_table_row(line)]


def test_a_space_aligned_table_gets_a_tab_at_each_gap() -> None:
    tabbed = tabbed_aligned_tables(SALES)
    assert len(tabbed) == len(SALES)
    rows = table_lines(tabbed)
    assert len(rows) == 4
    assert [cell.strip() for cell in rows[2].split("\t")] == [
        "South",
        "980",
        "1,010",
        "Bruno Keller",
    ]
    assert tabbed.replace("\t", " ") == SALES  # only spaces became tabs


def test_its_header_row_heads_its_rows_and_answers_nothing_alone() -> None:
    tabbed = tabbed_aligned_tables(SALES)
    header_start = tabbed.index("Region")
    east = tabbed.index("East")
    header = TableHeaders(tabbed).ruled_header(east)
    assert header is not None and tabbed[slice(*header)].startswith("Region")
    assert is_table_frame(tabbed, header_start)
    assert not is_table_frame(tabbed, east)


def test_right_aligned_numbers_still_make_columns() -> None:
    lines = [
        "Country     Cases   Deaths",
        "France        120        3",
        "Belgium        45       12",
    ]
    assert len(column_gaps(lines)) == 2


def test_a_french_table_with_spaced_thousands_keeps_each_amount_whole() -> None:
    text = (
        "Région      Ventes 2024   Ventes 2025\n"
        "Nord        2 100         2 300\n"
        "Sud         1 800         1 650\n"
    )
    rows = table_lines(tabbed_aligned_tables(text))
    assert [cell.strip() for cell in rows[1].split("\t")] == ["Nord", "2 100", "2 300"]


def test_prose_fields_contents_and_code_stay_as_written() -> None:
    prose = (
        "The trial ran for two years.  Patients were seen monthly.\n"
        "Each visit took an hour.  The nurses wrote every dose down.\n"
        "No visit was missed.  The data were checked twice a year.\n"
    )
    fields = "Date:        14/02/2025\nClient:      Rivage\nReference:   ER-LMB-02\n"
    contents = "Introduction      3\nMethods           5\nResults           9\n"
    code = "```\nname        size   kind\nalpha       12     file\nbeta        7      dir\n```\n"
    for text in (prose, fields, contents):
        assert tabbed_aligned_tables(text) == text
    assert tabbed_aligned_tables(code, markdown=True) == code
    indented = "".join("    " + line + "\n" for line in SALES.split("\n")[4:8])
    assert tabbed_aligned_tables(indented) == indented


def test_two_lines_are_no_table() -> None:
    text = "Region      Sales 2024\nNorth       1,200\n"
    assert tabbed_aligned_tables(text) == text


def test_a_header_row_names_its_columns() -> None:
    assert is_header_row(["Code", "Service", "Price"])
    assert not is_header_row(["BK-101", "Puncture repair", "12.50"])
    assert not is_header_row(["Region", ""])


def test_a_tab_table_is_headed_by_a_row_naming_columns_over_figures() -> None:
    prices = "Code\tService\tPrice\nBK-101\tPuncture repair\t12.50\nBK-102\tGear tuning\t18.50\n"
    assert is_table_frame(prices, 0)
    assert TableHeaders(prices).ruled_header(prices.index("BK-102")) == (
        0,
        len("Code\tService\tPrice"),
    )
    names = "Region\tManager\nNorth\tAlice Martin\nSouth\tBruno Keller\n"  # may be rows of data
    assert not is_table_frame(names, 0)
    assert TableHeaders(names).ruled_header(names.index("South")) is None


def test_two_columns_of_prose_side_by_side_are_no_table() -> None:
    page = (
        "Septoria leaf blotch is the main         The strains were grown on potato\n"
        "disease of wheat in Europe and its       dextrose agar at three temperatures\n"
        "control relies on fungicides that        and measured after seven days of\n"
        "lose efficacy as resistance spreads.     growth in the dark at 90% humidity.\n"
    )
    assert tabbed_aligned_tables(page) == page
