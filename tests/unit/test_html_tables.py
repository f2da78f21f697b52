"""HTML tables: a table whose first row is a header becomes a markdown pipe table (its header
row over a `|---|` rule), so a row is read with its header as a markdown row is; any other
table reads as it would without the table, tabs between cells (found by the session-8 user
trial: an HTML table's row came without its header, and the row naming the thing asked about
could not win)."""

from __future__ import annotations

from citeqa.models import Chunk, Document, Sentence
from citeqa.readers.html import html_visible_text
from citeqa.sentences import SentenceBank
from citeqa.tables import TableHeaders, row_cells

LEAVE = (
    "<h2>Leave</h2><table>"
    "<tr><th>Type of leave</th><th>Days per year</th></tr>"
    "<tr><td>Annual leave</td><td>27</td></tr>"
    "<tr><td>Bereavement leave</td><td>5</td></tr>"
    "</table><p>After the table.</p>"
)


def text_of(html: str) -> str:
    return html_visible_text(html)[0]


def test_a_table_under_a_header_row_becomes_a_markdown_table() -> None:
    assert text_of(LEAVE) == (
        "## Leave\n\n"
        "| Type of leave | Days per year |\n"
        "| --- | --- |\n"
        "| Annual leave | 27 |\n"
        "| Bereavement leave | 5 |\n\n"
        "After the table."
    )


def test_a_thead_row_is_a_header_and_short_rows_get_empty_cells() -> None:
    html = (
        "<table><caption>Doses</caption><thead><tr><td>Drug<td>Dose<td>Note</thead>"
        "<tbody><tr><th>HCQ<td>5 mg</tbody></table>"
    )
    assert text_of(html) == "Doses\n| Drug | Dose | Note |\n| --- | --- | --- |\n| HCQ | 5 mg | |"


def test_a_pipe_in_a_cell_is_escaped_and_the_row_keeps_its_headers_columns() -> None:
    """Written unescaped (before reader version 14), "x | y" read as two cells of its own: the
    row had three cells under a header of two, "z" under no header."""
    html = "<table><tr><th>a | b</th><th>c</th></tr><tr><td>x | y</td><td>z</td></tr></table>"
    text = text_of(html)
    assert text.splitlines() == ["| a \\| b | c |", "| --- | --- |", "| x \\| y | z |"]
    assert row_cells(text, (0, len(text))) == [["a | b", "c"], ["x | y", "z"]]
    headers = TableHeaders(text)
    assert headers.ruled_header(text.index("| x")) == (0, len("| a \\| b | c |"))


def test_a_table_without_a_header_row_keeps_tabs() -> None:
    html = "<table><tr><td>Name</td><td>Ada</td></tr><tr><td>Born</td><td>1815</td></tr></table>"
    assert text_of(html) == "Name\tAda\nBorn\t1815"
    one_row = "<table><tr><th>Only</th><th>header</th></tr></table>"
    assert text_of(one_row) == "Only\theader"


def test_a_nested_table_runs_into_its_cell_and_an_unclosed_table_is_kept() -> None:
    html = (
        "<table><tr><th>k</th><th>v</th></tr><tr><td>inner</td><td>"
        "<table><tr><th>i</th><th>j</th></tr><tr><td>1</td><td>2</td></tr></table>"
        "</td></tr>"
    )
    assert text_of(html) == "| k | v |\n| --- | --- |\n| inner | i j 1 2 |"


def test_an_html_row_is_read_with_its_header_row_by_the_sentence_bank() -> None:
    text = text_of(LEAVE)
    lines = text.split("\n")
    starts = [sum(len(line) + 1 for line in lines[:n]) for n in range(len(lines))]
    doc = Document(doc_id="p", title="p", path="/p.html", text=text, sha256="0")
    chunk = Chunk(chunk_id="p:0", doc_id="p", start=0, end=len(text), text=text)
    sentences = [
        Sentence(doc_id="p", chunk_index=0, start=a, end=a + len(line))
        for a, line in zip(starts, lines, strict=True)
        if line
    ]
    bank = SentenceBank({"p": doc}, [chunk], sentences, None, [frozenset()] * len(sentences))
    row = next(n for n, s in enumerate(sentences) if text[s.start :].startswith("| Bereave"))
    header = bank.table_header(row)
    assert header is not None and bank.text(header) == "| Type of leave | Days per year |"
    assert bank.is_table_frame(header) and not bank.is_table_frame(row)
    assert TableHeaders(text).ruled_header(sentences[row].start) is not None


def test_breaks_inside_a_header_tables_cell_are_spaces() -> None:
    html = (
        "<table><tr><th>Type of<br>leave</th><th>Days</th></tr>"
        "<tr><td>Annual<br>leave</td><td><p>27</p><p>(pro rata)</p></td></tr>"
        "<tr><td><h2>Study</h2>leave</td><td><pre>10\n days</pre></td></tr></table>"
    )
    assert text_of(html) == (
        "| Type of leave | Days |\n| --- | --- |\n"
        "| Annual leave | 27 (pro rata) |\n| Study leave | 10 days |"
    )


def test_a_table_without_a_header_row_reads_as_without_the_table() -> None:
    cells = "<td>Annual<br>leave</td><td>27</td>"
    assert text_of(f"<table><tr>{cells}</tr></table>") == "Annual leave\t27"
    layout = (
        "<table><tr><td><h1>Leave policy</h1><p>Staff get 25 days.</p>"
        "<h2>Pension</h2><p>Paid monthly.</p><pre>a  b\nc</pre></td>"
        "<td>Side note</td></tr></table><p>After.</p>"
    )
    bare = layout.replace("<table><tr><td>", "").replace("</td><td>", "").split("</td>")[0]
    assert text_of(layout) == (
        "# Leave policy\n\nStaff get 25 days.\n\n## Pension\n\nPaid monthly.\n\na b\nc\n\n"
        "Side note\n\nAfter."
    )
    assert text_of(layout).startswith(text_of(bare))


def test_a_header_table_inside_a_layout_table_is_still_a_markdown_table() -> None:
    inner = "<table><tr><th>Type</th><th>Days</th></tr><tr><td>Annual</td><td>27</td></tr></table>"
    html = f"<table><tr><td><h2>Leave</h2>{inner}<p>Ask HR.</p></td></tr></table>"
    assert text_of(html) == (
        "## Leave\n\n| Type | Days |\n| --- | --- |\n| Annual | 27 |\n\nAsk HR."
    )


def test_a_line_break_in_a_headerless_cell_never_reads_as_a_new_row() -> None:
    rows = (
        "<tr><td>Berlin office</td><td>Open Monday to Friday<br>8:00 to 18:00</td></tr>"
        "<tr><td>Madrid office</td><td>Calle de Alcalá 48<br>28014 Madrid</td>"
        "<td>Open Monday to Thursday<br>9:00 to 17:30</td></tr>"
    )
    assert text_of(f"<table>{rows}</table><p>Line<br>break</p>").split("\n") == [
        "Berlin office\tOpen Monday to Friday 8:00 to 18:00",
        "Madrid office\tCalle de Alcalá 48 28014 Madrid\tOpen Monday to Thursday 9:00 to 17:30",
        "",
        "Line",
        "break",
    ]


def test_tables_nested_thousands_deep_run_into_the_cell_of_the_pipe_table_around_them() -> None:
    depth = 3000  # joined with a stack, not by recursion (s22: kept whole until written)
    nested = "<table><tr><td>w" * depth + "</td></tr></table>" * depth
    html = f"<table><tr><th>k</th><th>v</th></tr><tr><td>deep</td><td>{nested}</td></tr></table>"
    assert text_of(html) == "| k | v |\n| --- | --- |\n| deep | " + " ".join(["w"] * depth) + " |"


def test_an_empty_nested_table_leaves_its_row_out_of_the_pipe_table() -> None:
    html = (
        "<table><tr><th>k</th><th>v</th></tr><tr><td><table><tr><td> </td></tr></table></td></tr>"
        "<tr><td>a</td><td>b</td></tr></table>"
    )
    assert text_of(html) == "| k | v |\n| --- | --- |\n| a | b |"
