"""A JSON export's list of records holding lists of records (tickets and their comments) read
a passage per record (readers/records.py): found by the session-25 user trial, whose ticket
export was read a line per value naming its path, so that a comment's refund stood in another
chunk than its ticket's order number, and quotes were key paths ("tickets › 5533 › comments
› #2 › author › name")."""

from __future__ import annotations

import json
from pathlib import Path

from tests.read_documents import refusal
from tests.read_documents import written_document as document

from citeqa.chunking import chunk_document


def ticket(number: int, subject: str, replies: list[tuple[str, str, str]]) -> dict[str, object]:
    return {
        "id": number,
        "subject": subject,
        "status": "solved",
        "tags": ["paiement", "remboursement"],
        "requester": replies[0][0],
        "comments": [
            {"author": {"name": name, "role": role}, "body": body, "public": True}
            for name, role, body in replies
        ],
        "via": {"channel": "email"},
    }


REFUND = ticket(
    5533,
    "Commande 50321 : double prélèvement",
    [
        ("Bruno Lemaire", "end-user", "Bonjour, j'ai été débité deux fois pour la commande."),
        ("Thomas Petit", "agent", "Le second prélèvement a été remboursé ce jour : 59,90 €."),
    ],
)
CRASH = ticket(
    5512,
    "App crashes on Android 14",
    [("Daniel Kim", "end-user", "The app crashes every time I open the weekly schedule.")],
)


def test_each_ticket_is_a_passage_under_its_id_and_subject_its_comments_read_as_text(
    tmp_path: Path,
) -> None:
    export = {"tickets": [REFUND, CRASH], "count": 2}
    read = document(tmp_path, "tickets.json", json.dumps(export, ensure_ascii=False))
    assert read.text.split("\n\n")[1:4] == [
        "## tickets › 5533 · Commande 50321 : double prélèvement\n"
        "status: solved · tags: paiement, remboursement · requester: Bruno Lemaire · via: email",
        "comments #1 · author: Bruno Lemaire, end-user · public: true — Bonjour, j'ai été"
        " débité deux fois pour la commande.",
        "comments #2 · author: Thomas Petit, agent · public: true — Le second prélèvement a été"
        " remboursé ce jour : 59,90 €.",
    ]
    assert "› 5533 ›" not in read.text  # no key paths into a ticket
    assert read.text.endswith("count: 2\n")


def test_every_chunk_of_a_ticket_carries_its_id_and_subject_as_its_section(
    tmp_path: Path,
) -> None:
    long_thread = [
        ("Agent", "agent", f"Step {n}: restart the base station again.") for n in range(40)
    ]
    export = [ticket(7001, "Base station offline", long_thread), CRASH]
    read = document(tmp_path, "export.json", json.dumps(export))
    heading = read.text.index("## 7001")
    chunks = [chunk for chunk in chunk_document(read, size=300) if chunk.start > heading]
    steps = [chunk for chunk in chunks if "Step" in chunk.text]
    assert len(steps) > 3
    assert {chunk.section for chunk in steps} == {"7001 · Base station offline"}


def test_a_prose_line_that_markdown_reads_as_markup_is_indented(tmp_path: Path) -> None:
    body = "Steps I tried:\n# reset the app\n---\nstill broken, please help me today"
    export = [ticket(1, "Login", [("Ann", "end-user", body)]), CRASH]
    lines = document(tmp_path, "t.json", json.dumps(export)).text.splitlines()
    assert "comments #1 · author: Ann, end-user · public: true — Steps I tried:" in lines
    assert "    # reset the app" in lines and "    ---" in lines


def test_a_list_of_records_holding_no_records_and_yaml_files_stay_lines_of_paths(
    tmp_path: Path,
) -> None:
    plans = {"plans": [{"id": "team", "limits": {"seats": 50}}, {"id": "free", "price": 0}]}
    flat = document(tmp_path, "plans.json", json.dumps(plans)).text
    assert "plans › team › limits › seats: 50" in flat.splitlines()
    yaml_export = document(tmp_path, "tickets.yaml", json.dumps({"tickets": [REFUND, CRASH]}))
    assert "tickets › 5533 › status: solved" in yaml_export.text.splitlines()
    deeper = {"data": {"tickets": [REFUND, CRASH]}}  # past the top key: no export's list
    assert (
        "data › tickets › 5533 › status: solved"
        in document(tmp_path, "deep.json", json.dumps(deeper)).text.splitlines()
    )


def test_a_record_nested_too_deep_is_left_out_with_a_warning_the_others_read(
    tmp_path: Path,
) -> None:
    """s27 hostile probe: one ticket of 3,000 nested 70 levels deep refused the whole export."""
    deep: object = "end"
    for _ in range(800):
        deep = {"a": deep}
    export = [ticket(1, "Deep", [("Ann", "end-user", "Hello there, it is broken again.")]), CRASH]
    export[0]["extra"] = deep  # type: ignore[index]
    read = document(tmp_path, "deep.json", json.dumps(export))
    assert "The app crashes every time I open the weekly schedule." in read.text
    assert "Hello there" not in read.text and "Deep" not in read.text
    assert read.warnings == ["deep.json: 1 record nested more than 64 levels deep: not read"]


def test_a_comment_nested_too_deep_is_left_out_alone_its_ticket_read(tmp_path: Path) -> None:
    """One comment nested 70 levels deep lost its whole ticket (s28 review A)."""
    deep: object = "end"
    for _ in range(70):
        deep = {"a": deep}
    comments = [
        ("Ann", "end-user", "Hello there, it is broken again."),
        ("Bob", "agent", "We are looking into the broken sync."),
    ]
    export = [ticket(1, "Deep", comments), CRASH]
    export[0]["comments"][0]["extra"] = deep  # type: ignore[index]
    read = document(tmp_path, "deep.json", json.dumps(export))
    assert "Deep" in read.text and "We are looking into the broken sync." in read.text
    assert "Hello there" not in read.text
    assert "The app crashes every time I open the weekly schedule." in read.text
    assert read.warnings == ["deep.json: 1 record nested more than 64 levels deep: not read"]


def test_an_export_whose_every_record_is_nested_too_deep_is_refused_saying_why(
    tmp_path: Path,
) -> None:
    deep: object = "end"
    for _ in range(80):
        deep = {"a": deep}
    export = [{"id": n, "extra": deep, "comments": [{"text": "x"}]} for n in (1, 2)]
    assert refusal(tmp_path, "deep.json", json.dumps(export)) == "nested more than 64 levels deep"


def test_a_naming_key_s_other_values_are_written_below_the_heading(tmp_path: Path) -> None:
    # review A of s25: a mapping under "summary" (no title) and a subject written twice were lost
    first = (
        '{"id": 1, "summary": {"en": "Printer jams", "fr": "Imprimante"}, "comments": [{"b": "x"}]}'
    )
    twice = '{"id": 2, "subject": "Refund", "subject": "Second subject", "comments": [{"b": "y"}]}'
    text = document(tmp_path, "t.json", f'{{"tickets": [{first}, {twice}]}}').text
    lines = text.splitlines()
    assert "summary: Printer jams, Imprimante" in lines
    assert "## tickets › 2 · Refund" in lines and "subject: Second subject" in lines
    assert "subject: Refund" not in lines  # the heading says it


def test_a_key_opening_with_a_hash_makes_no_heading(tmp_path: Path) -> None:
    seats = {"id": 1, "subject": "Seats", "# of seats": "12", "# notes": [{"by": "Ann"}]}
    seats["# plan"] = {"tier": "team", "seats": 12, "term": "year", "notes": "Steps:\n  ```sh"}
    read = document(tmp_path, "t.json", json.dumps({"tickets": [seats, CRASH]}))
    lines = read.text.splitlines()
    assert "    # of seats: 12" in lines and "    # notes #1 · by: Ann" in lines
    assert "    # plan › tier: team" in lines  # a key's line treetext writes under the ticket
    assert "      ```sh" in lines  # a text's continuation line stays as indented as it was
    sections = {chunk.section for chunk in chunk_document(read, size=60, overlap=0)}
    assert "of seats: 12" not in sections and "tickets › 1 · Seats" in sections


def test_a_config_list_with_one_record_holding_links_stays_lines_of_paths(
    tmp_path: Path,
) -> None:
    fix = "Sign out and sign in again to get a new token."
    expired = {"code": "E401", "message": "Token expired", "fix": fix, "see": [{"doc": "a.md"}]}
    errors = {"errors": [expired, {"code": "E403", "message": "Forbidden"}]}
    lines = document(tmp_path, "errors.json", json.dumps(errors)).text.splitlines()
    assert f"errors › E401 › fix: {fix}" in lines


def test_a_record_s_prose_keeps_its_key_a_comment_s_single_text_reads_bare(
    tmp_path: Path,
) -> None:
    fix, cause = (
        "Restart the base station and wait.",
        "The firmware update stopped halfway through.",
    )
    comment = {"author": "Ann", "body": "It is still offline after the restart."}
    two = {"author": "Bob", "fix": fix, "cause": cause}
    record = {"id": 1, "subject": "Offline", "fix": fix, "comments": [comment, two]}
    lines = document(tmp_path, "t.json", json.dumps([record, CRASH])).text.splitlines()
    assert f"fix: {fix}" in lines
    assert "comments #1 · author: Ann — It is still offline after the restart." in lines
    assert lines[lines.index("comments #2 · author: Bob") + 1 :][:2] == [
        f"fix: {fix}",
        f"cause: {cause}",
    ]


def test_a_chain_of_mappings_holding_records_is_cut_past_the_depth_limit(
    tmp_path: Path,
) -> None:
    # records' own walk (`_held`) went down a 300-deep chain the tree walk would refuse
    chain: dict[str, object] = {"c": [{"x": "1"}]}
    for _ in range(300):
        chain = {"c": [{"x": "1"}], "a": chain}
    export = {"tickets": [REFUND, {"id": 2, "f": chain}]}
    read = document(tmp_path, "chain.json", json.dumps(export))
    assert "## tickets › 5533 · Commande 50321 : double prélèvement" in read.text.splitlines()
    assert "tickets › 2" not in read.text
    assert read.warnings == ["chain.json: 1 record nested more than 64 levels deep: not read"]


def test_tickets_without_comments_yet_still_make_an_export(tmp_path: Path) -> None:
    quiet = [{"id": n, "subject": f"New ticket {n}", "comments": []} for n in (7, 8)]
    text = document(tmp_path, "t.json", json.dumps({"tickets": [CRASH, *quiet]})).text
    assert "## tickets › 7 · New ticket 7" in text.splitlines()
    assert "comments: (empty)" in text.splitlines()  # was "comments: ", saying nothing


def test_an_export_past_the_size_limit_is_read_a_passage_per_record(tmp_path: Path) -> None:
    """A help desk's 2,000 tickets pass 1 MB: the export was refused as a data dump."""
    from citeqa.readers.structured import MAX_CHARACTERS

    replies = [
        ("Anna Kowalski", "end-user", "The firmware update is stuck at 87% for two hours now."),
        ("Priya Nair", "agent", "Please unplug the base for 30 seconds and start it again."),
    ]
    tickets = [ticket(5000 + n, f"Update stuck, case {n}", replies) for n in range(2_400)]
    export = json.dumps({"tickets": tickets}, indent=2)
    assert len(export) > MAX_CHARACTERS
    read = document(tmp_path, "tickets.json", export)
    assert "## tickets › 7399 · Update stuck, case 2399\n" in read.text
    assert "comments #2 · author: Priya Nair, agent" in read.text
    assert len(read.text) < len(export)


def test_a_large_json_holding_no_export_is_still_refused(tmp_path: Path) -> None:
    from citeqa.readers.structured import MAX_CHARACTERS

    rows = [{"id": n, "values": [n, 1], "note": "y" * 90} for n in range(12_000)]
    dump = json.dumps({"rows": rows, "more": [{"z": 1}]})  # lists of mappings, no record's list
    assert len(dump) > MAX_CHARACTERS
    reason = refusal(tmp_path, "dump.json", dump)
    assert reason.startswith(f"larger than {MAX_CHARACTERS:,} characters")
    assert "an export's list of records is read up to" in reason


def test_a_record_s_records_of_one_flat_shape_without_prose_stay_one_table(
    tmp_path: Path,
) -> None:
    """s26 hostile probe: 10^5 comments {"a": n} of one ticket were a paragraph each (text
    600K -> 2.39M characters, 667 -> 2,688 chunks); as before s25 they are one pipe table,
    while comments whose text is prose keep a paragraph each."""
    lines = [{"sku": f"X{n}", "qty": n} for n in range(1, 4)]
    order = {"id": 9, "subject": "Order 51877", "lines": lines, "comments": [{"a": 1}, {"a": 2}]}
    text = document(tmp_path, "t.json", json.dumps([order, CRASH])).text
    assert "lines:\n| sku | qty |\n| --- | --- |\n| X1 | 1 |\n| X2 | 2 |\n| X3 | 3 |" in text
    assert "comments:\n| a |\n| --- |\n| 1 |\n| 2 |" in text
    assert "lines #" not in text and "comments #" in text  # CRASH's comment is prose
    flat = {"id": 3, "subject": "Offline", "comments": [
        {"author": "Ann", "body": "It is still offline after the restart."},
        {"author": "Bob", "body": "Fixed."},
    ]}  # fmt: skip
    lines_read = document(tmp_path, "f.json", json.dumps([flat, CRASH])).text.splitlines()
    assert "comments #1 · author: Ann — It is still offline after the restart." in lines_read
    assert "comments #2 · author: Bob · body: Fixed." in lines_read
