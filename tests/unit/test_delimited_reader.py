"""Spreadsheet exports (.csv, .tsv) read as markdown pipe tables (readers/delimited.py): each
record a row under its header row, so that a quoted row shows its header and a row is looked
up by its key as a markdown table's is (found by the session-19 user trial: .csv and .tsv
files were skipped, and renamed .txt their rows were quoted without their header)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from citeqa.corpus import UnreadableDocument, read_document
from citeqa.readers import reader_for
from citeqa.tables import TableHeaders, row_cells


def lines_of(tmp_path: Path, name: str, content: str | bytes) -> list[str]:
    return document(tmp_path, name, content).text.splitlines()


def document(tmp_path: Path, name: str, content: str | bytes):  # type: ignore[no-untyped-def]
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", newline="")
    else:
        path.write_bytes(content)
    return read_document(path, tmp_path, {})


def test_csv_and_tsv_are_read_by_the_delimited_reader() -> None:
    assert reader_for(".csv") is reader_for(".TSV") is not None
    assert reader_for(".csv").kind == "csv"  # type: ignore[union-attr]


def test_quoted_fields_with_commas_and_line_breaks_are_one_cell(tmp_path: Path) -> None:
    sheet = (
        "customer,plan,uptime,notes\r\n"
        'Acme Corp,Gold,99.9%,"Renewal under negotiation, credits"\r\n'
        'Initech,Silver,99.5%,"Upgrade to Gold\nplanned for January"\r\n'
        '"Wayne ""Retail""",Bronze,99%,\r\n'
    )
    doc = document(tmp_path, "sla.csv", sheet)
    assert doc.text.splitlines() == [
        "| customer | plan | uptime | notes |",
        "| --- | --- | --- | --- |",
        "| Acme Corp | Gold | 99.9% | Renewal under negotiation, credits |",
        "| Initech | Silver | 99.5% | Upgrade to Gold planned for January |",
        '| Wayne "Retail" | Bronze | 99% |  |',
    ]
    assert doc.title == "sla"


def test_each_row_maps_back_to_its_record_in_the_file(tmp_path: Path) -> None:
    sheet = 'id,agent\nT-1,Ana Costa\nT-2,"Tom, Becker"\nT-3,Léa Martin\nT-4,"a|b"\n'
    doc = document(tmp_path, "t.csv", sheet)
    records = list(csv.reader(io.StringIO(sheet)))
    offset = doc.text.index("| T-2")
    table = TableHeaders(doc.text)
    span = table.span(offset)
    assert span is not None
    assert row_cells(doc.text, span) == records  # header first, the rule left out
    header = table.ruled_header(offset)
    assert header is not None and doc.text[slice(*header)] == "| id | agent |"


def test_a_pipe_inside_a_field_is_escaped_and_adds_no_column(tmp_path: Path) -> None:
    # tables._cells split at every "|": 4 cells under 3 headers (review of s19-csv)
    doc = document(tmp_path, "p.csv", 'id,note,owner\n1,"a|b",ann\n')
    assert doc.text.splitlines()[2] == "| 1 | a\\|b | ann |"
    assert row_cells(doc.text, (0, len(doc.text))) == [["id", "note", "owner"], ["1", "a|b", "ann"]]


@pytest.mark.parametrize("brk", ["\u2028", "\x0b", "\x0c", "\x1c", "\x1e", "\x85"])
def test_a_line_break_of_unicode_inside_a_field_ends_no_record(tmp_path: Path, brk: str) -> None:
    # str.splitlines breaks there: the cells shifted under the wrong headers (review of s19-csv)
    sheet = f"id,note,owner\n1,first{brk}second,ann\n2,third,bob\n"
    doc = document(tmp_path, "n.csv", sheet)
    assert doc.text.split("\n") == [
        "| id | note | owner |",
        "| --- | --- | --- |",
        "| 1 | first second | ann |",
        "| 2 | third | bob |",
        "",
    ]


def test_a_french_export_with_semicolons_and_decimal_commas(tmp_path: Path) -> None:
    sheet = (
        "fournisseur;service;montant_annuel_eur\n"
        "Northwind Telecom;Trunks SIP;18 400,00\n"
        "Zendesk;Licences support;61 250,50\n"
    )
    assert lines_of(tmp_path, "fournisseurs.csv", sheet)[2:] == [
        "| Northwind Telecom | Trunks SIP | 18 400,00 |",
        "| Zendesk | Licences support | 61 250,50 |",
    ]


def test_a_byte_order_mark_an_empty_column_and_ragged_rows(tmp_path: Path) -> None:
    sheet = "\ufeffteam,location,,headcount\nSupport EN,Berlin,,14\nOps,Berlin\nNight,Lisbon,,0,2\n"
    assert lines_of(tmp_path, "headcount.csv", sheet.encode("utf-8")) == [
        "| team | location | headcount |  |",
        "| --- | --- | --- | --- |",
        "| Support EN | Berlin | 14 |  |",
        "| Ops | Berlin |  |  |",
        "| Night | Lisbon | 0 | 2 |",
    ]


def test_a_far_wider_record_of_blank_fields_keeps_only_its_filled_columns(
    tmp_path: Path,
) -> None:
    """The hostile probe's ragged file (s20): 2,000 records of two fields and one of 2,000
    mostly empty ones is a table of three columns, every row padded to them."""
    sheet = "a,b\n" + "1,2\n" * 2_000 + "x" + "," * 2_000 + "y\n"
    lines = lines_of(tmp_path, "ragged.csv", sheet)
    assert lines[:3] == ["| a | b |  |", "| --- | --- | --- |", "| 1 | 2 |  |"]
    assert lines[-1] == "| x |  | y |"
    assert len(lines) == 2_003


def test_a_far_wider_record_of_filled_fields_pads_no_other_row(tmp_path: Path) -> None:
    """Padding 2,000 short records to one record's 2,000 filled fields would write four
    million cells for a file of eight thousand: the short rows keep their own cells, the
    header row and rule span the table, and the table stays as large as its file."""
    sheet = "a,b\n" + "1,2\n" * 2_000 + ",".join(["x"] * 2_000) + "\n"
    text = document(tmp_path, "wide.csv", sheet).text
    lines = text.splitlines()
    assert lines[0] == "| a | b |" + "  |" * 1_998
    assert lines[1] == "|" + " --- |" * 2_000
    assert lines[2] == "| 1 | 2 |"
    assert lines[-1] == "| " + " | ".join(["x"] * 2_000) + " |"
    assert len(text) < 5 * len(sheet)


def test_a_tsv_file_and_a_header_only_file(tmp_path: Path) -> None:
    tsv = "requested_by\tstatus\tapprover\nLéa Martin\tapproved\tMaria Lopez\n"
    assert lines_of(tmp_path, "laptops.tsv", tsv)[2] == "| Léa Martin | approved | Maria Lopez |"
    header_only = "date,customer,ticket\n"
    assert lines_of(tmp_path, "escalations.csv", header_only) == [
        "| date | customer | ticket |",
        "| --- | --- | --- |",
    ]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (
            "Just a note about the budget.\nNothing tabular here.\n",
            "its first line is no header row",
        ),
        (
            "Hello, this is a note, with commas.\nAnd a second line.\n",
            "its first line is no header row",
        ),
        ('a,b\n"an open quote that never closes,1\n', "the csv module cannot read it"),
    ],
)
def test_a_file_that_is_no_table_is_read_as_text_with_one_warning(
    tmp_path: Path, content: str, reason: str
) -> None:
    doc = document(tmp_path, "notes.csv", content)
    assert doc.text == content
    assert doc.warnings == [
        f"notes.csv: not a table of separated values ({reason}); read as plain text"
    ]


def test_a_one_column_export_is_a_table_of_one_column(tmp_path: Path) -> None:
    # it was read as text, "not a table" (review of s19-csv)
    doc = document(tmp_path, "emails.csv", "email\nann@example.org\nbob@example.org\n")
    assert doc.text.splitlines() == [
        "| email |",
        "| --- |",
        "| ann@example.org |",
        "| bob@example.org |",
    ]
    assert doc.warnings == []


def test_a_field_over_the_csv_size_limit_says_so(tmp_path: Path) -> None:
    # the warning said "not a table" (review of s19-csv)
    content = "id,blob\n1," + "x" * (csv.field_size_limit() + 1) + "\n"
    doc = document(tmp_path, "big.csv", content)
    limit = f"{csv.field_size_limit():,}"
    assert doc.warnings == [
        f"big.csv: a field is longer than {limit} characters, csv's limit; read as plain text"
    ]


def test_a_blank_or_binary_csv_is_skipped_with_a_reason(tmp_path: Path) -> None:
    with pytest.raises(UnreadableDocument):
        document(tmp_path, "blank.csv", "\n\n  \n")
    with pytest.raises(UnreadableDocument):
        document(tmp_path, "binary.csv", b"\x00\x01\x02PK\x03\x04" * 20)


def test_a_record_whose_cell_writes_sentences_is_one_sentence(tmp_path: Path) -> None:
    """Found by the session-21 user trial: "Who resolved ticket 4512?" quoted the row up to
    the first full stop of its body cell, without "Resolved by agent Mira Holt."."""
    from citeqa.language import split_sentences

    sheet = (
        "id,customer,body\n"
        '4512,Juniper Bank,"After rollback r14 the key was old. Support explained it. '
        'Resolved by agent Mira Holt."\n'
        "4513,Oakridge Clinic,Refund requested.\n"
    )
    text = document(tmp_path, "tickets.csv", sheet).text
    sentences = [text[start:end] for start, end in split_sentences(text)]
    record = next(sentence for sentence in sentences if "4512" in sentence)
    assert record.startswith("| 4512 |") and record.endswith("Mira Holt. |")
    long_body = " ".join(f"Step {n} of the refund was checked by billing." for n in range(12))
    long_sheet = f'id,body\n4600,"{long_body} Refund of 990 dollars approved by Lena Park."\n'
    long_text = document(tmp_path, "long.csv", long_sheet).text
    cut = [long_text[a:b] for a, b in split_sentences(long_text) if "Lena" in long_text[a:b]]
    assert cut == ["Refund of 990 dollars approved by Lena Park. |"]  # past 400: cut as prose
    prose = "After rollback r14 the key was old. Support explained it."
    assert [prose[a:b] for a, b in split_sentences(prose)] == [
        "After rollback r14 the key was old.",
        "Support explained it.",
    ]


def test_doubled_quotes_inside_a_longer_field_keep_the_record_whole(tmp_path: Path) -> None:
    # csv.Sniffer said doublequote=False: each record was cut at its first `""` (s25 trial)
    tickets = "".join(
        f'{n},"The app says ""error E4{n}"" at login, again",Agent {n},good\r\n'
        for n in range(1, 6)
    )
    doc = document(tmp_path, "tickets.csv", "id,description,assignee,satisfaction\r\n" + tickets)
    rows = doc.text.splitlines()[2:]
    assert len(rows) == 5
    assert rows[0] == '| 1 | The app says "error E41" at login, again | Agent 1 | good |'
    assert doc.warnings == []


def test_quotes_escaped_with_a_backslash_are_read_as_quotes(tmp_path: Path) -> None:
    sheet = 'id;note\n1;"He said \\"stop\\" twice"\n2;"plain; text"\n'
    assert lines_of(tmp_path, "notes.csv", sheet)[2:] == [
        '| 1 | He said "stop" twice |',
        "| 2 | plain; text |",
    ]


def test_a_path_ending_in_a_backslash_is_no_quote_escape(tmp_path: Path) -> None:
    # review A of s25: "\\\\srv\\hr\\" switched to backslash escapes, merged two records
    # and dropped every backslash, without a warning
    sheet = (
        "share,owner,quota\n"
        '"\\\\srv\\finance\\",Alice,200 GB\n'
        '"\\\\srv\\hr\\",Bob,50 GB\n'
        '"\\\\srv\\ops",Carol,75 GB\n'
    )
    doc = document(tmp_path, "shares.csv", sheet)
    assert doc.text.splitlines()[2:] == [
        "| \\\\srv\\finance\\ | Alice | 200 GB |",
        "| \\\\srv\\hr\\ | Bob | 50 GB |",
        "| \\\\srv\\ops | Carol | 75 GB |",
    ]
    assert doc.warnings == []


def test_an_empty_quoted_field_leaves_backslash_escapes_read(tmp_path: Path) -> None:
    # one `""` field in the first lines turned the backslash reading off: plain text
    doc = document(tmp_path, "notes.csv", 'id,text\n1,""\n2,"say \\"hi\\" now"\n')
    assert doc.text.splitlines()[2:] == ["| 1 |  |", '| 2 | say "hi" now |']
    assert doc.warnings == []


def test_a_file_of_many_ragged_records_says_so_in_a_warning(tmp_path: Path) -> None:
    rows = "".join(f"{n},Berlin,{n},extra\n" if n % 3 else f"{n},Berlin,{n}\n" for n in range(30))
    doc = document(tmp_path, "teams.csv", "team,city,headcount\n" + rows)
    assert doc.warnings == [
        "teams.csv: 20 of 30 records hold another number of fields than its header row (3);"
        " its rows may be cut or shifted (check its quoting)"
    ]
    one_short = "team,city,headcount\n" + "".join(f"{n},Berlin,{n}\n" for n in range(30))
    assert document(tmp_path, "few.csv", one_short + "31,Paris\n").warnings == []


def test_a_ragged_file_of_backslash_escapes_is_read_as_a_table(tmp_path: Path) -> None:
    # review C of s25: neither reading is even; `""` cannot read it at all, so it read as text
    sheet = 'id,text,extra\n1,"He typed \\"stop\\" and left",x\n2,"ok",y,extra\n3,"fine",z\n'
    rows = lines_of(tmp_path, "ragged.csv", sheet)[2:]
    assert rows[0] == '| 1 | He typed "stop" and left | x |  |'
    assert len(rows) == 3


def test_a_backslash_that_escapes_no_quote_is_kept(tmp_path: Path) -> None:
    # review C of s25: read with the backslash escape, "grep \d+ log" lost its backslash
    sheet = 'id,cmd,note\n1,"grep \\d+ log","say \\"hi\\" now"\n2,"C:\\new\\table","a \\\\ b"\n'
    assert lines_of(tmp_path, "cmds.csv", sheet)[2:] == [
        '| 1 | grep \\d+ log | say "hi" now |',
        "| 2 | C:\\new\\table | a \\ b |",
    ]
