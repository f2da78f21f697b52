"""JSON and YAML files read as one line per value naming its path (readers/structured.py,
readers/treetext.py): found by the session-20 user trial, whose price list was a plans.yaml
citeqa skipped, so "How much does the Team plan cost?" was answered with a storage quote."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.read_documents import refusal
from tests.read_documents import written_document as document

from citeqa.blocks import headings
from citeqa.readers import reader_for, structured
from citeqa.readers.structured import MAX_CHARACTERS, MAX_DEPTH, TEXT_FLOOR, TEXT_PER_CHARACTER
from citeqa.readers.treetext import humanised_key, key_text
from citeqa.tables import TableHeaders, row_cells

PLANS = """\
# Pricing tiers
currency: EUR
plans:
  - id: free
    name: Free
    price_per_seat_month: 0
    storage_gb: 1
  - id: team
    name: Team
    price_per_seat_month: 19
    storage_gb_per_seat: 10
    max_seats: 50
    sla: true
"""
"""Records of sparse keys (7 in all, 10 of 14 cells filled): no table."""


def test_json_yaml_and_yml_are_read_types() -> None:
    assert reader_for(".json").kind == "json"  # type: ignore[union-attr]
    assert reader_for(".YAML") is reader_for(".yml") is not None
    assert reader_for(".jsonl") is None  # JSON Lines: logs and data sets, not read


def test_each_value_is_a_line_naming_its_path_with_records_named_by_their_name(
    tmp_path: Path,
) -> None:
    read = document(tmp_path, "plans.yaml", PLANS)
    assert read.title == "plans.yaml" and read.kind == "yaml"
    assert read.text == (
        "# plans.yaml\n\ncurrency: EUR\n\n"
        "plans › Free › id: free\nplans › Free › name: Free\n"
        "plans › Free › price_per_seat_month: 0\nplans › Free › storage_gb: 1\n\n"
        "plans › Team › id: team\nplans › Team › name: Team\n"
        "plans › Team › price_per_seat_month: 19\nplans › Team › storage_gb_per_seat: 10\n"
        "plans › Team › max_seats: 50\nplans › Team › sla: true\n"
    )


def test_records_without_a_telling_label_are_named_by_their_place(tmp_path: Path) -> None:
    read = document(tmp_path, "rules.json", '[{"name": "a", "x": [1, {"y": 2}]}, {"name": "a"}]')
    assert read.text.startswith("# rules.json\n\n#1 › name: a\n")
    assert "#2 › name: a" in read.text.splitlines()
    assert "#1 › x › #2 › y: 2" in read.text.splitlines()


def test_keys_are_humanised_only_when_they_are_identifiers() -> None:
    assert humanised_key("price_per_seat_month") == "price per seat month"
    assert humanised_key("retryAfterMinutes") == "retry after minutes"
    assert humanised_key("userID") == "user ID"
    assert [humanised_key(key) for key in ("E205", "fr-CA", "_")] == ["E205", "fr-CA", "_"]


def test_keys_are_written_as_the_file_writes_them_camel_case_with_its_words() -> None:
    assert key_text("price_per_seat_month") == "price_per_seat_month"  # BM25 splits at "_"
    assert key_text("retryAfterMinutes") == "retryAfterMinutes (retry after minutes)"
    assert [key_text(key) for key in ("E205", "HTTPStatus", "__init__", 3, True)] == [
        "E205",
        "HTTPStatus",
        "__init__",
        "3",
        "true",
    ]


def test_scalars_read_as_the_file_wrote_them_and_short_lists_on_one_line(tmp_path: Path) -> None:
    read = document(
        tmp_path,
        "flags.json",
        '{"on": true, "off": null, "ratio": 0.5, "plans": ["team", "business"], "none": []}',
    )
    assert read.text.splitlines()[2:] == [
        "on: true",
        "off: null",
        "ratio: 0.5",
        "plans: team, business",
        "none: (empty)",
    ]


YAML_AS_WRITTEN = """\
on:
  push: {branches: [main]}
ports:
  - 22:22
no: Norsk
MODE: 0755
python: [3.10, 3.11]
price: 19.90
at: 2001-12-14t21:59:43.10-05:00
day: 2026-02-30
big: %s
empty:
quoted: "a \\"b\\""
? [x, y]
: a list as a key
""" % ("9" * 5000)


def test_yaml_scalars_read_as_the_file_writes_them_not_typed_under_yaml_1_1(
    tmp_path: Path,
) -> None:
    """Built, PyYAML read `22:22` as 1342 (base 60), `on`/`no` as booleans, 0755 as 493, 3.10
    as 3.1; refused an impossible date, a number of 5,000 digits and a list as a key (the
    whole file unread)."""
    lines = document(tmp_path, "ci.yaml", YAML_AS_WRITTEN).text.splitlines()[2:]
    assert [line for line in lines if line] == [
        "on › push › branches: main",
        "ports: 22:22",
        "no: Norsk",
        "MODE: 0755",
        "python: 3.10, 3.11",
        "price: 19.90",
        "at: 2001-12-14t21:59:43.10-05:00",
        "day: 2026-02-30",
        "big: " + "9" * 5000,
        "empty: (empty)",
        'quoted: a "b"',
        "[x, y]: a list as a key",
    ]


def test_a_complex_key_is_written_without_its_anchor_or_tag(tmp_path: Path) -> None:
    """`&x [a, b]: 1` read "&x [a, b]: 1" (s21 review): a node's marks take in its anchor."""
    text = "&x [a, b]: 1\n*x : 3\n? !!set &y {c, d}\n: 2\n"
    assert document(tmp_path, "k.yaml", text).text.splitlines()[2:] == [
        "[a, b]: 1",
        "[a, b]: 3",
        "{c, d}: 2",
    ]


def test_json_numbers_read_as_the_file_writes_them(tmp_path: Path) -> None:
    read = document(
        tmp_path, "n.json", '{"a": 19.90, "b": 1e400, "c": %s, "d": NaN}' % ("9" * 5000)
    )
    assert read.text.splitlines()[2:] == ["a: 19.90", "b: 1e400", "c: " + "9" * 5000, "d: NaN"]


@pytest.mark.parametrize(
    ("name", "content"),
    [("twice.yaml", "limit: 10\nlimit: 20\n"), ("twice.json", '{"limit": 10, "limit": 20}')],
)
def test_a_key_written_twice_keeps_both_values(tmp_path: Path, name: str, content: str) -> None:
    assert document(tmp_path, name, content).text.splitlines()[2:] == ["limit: 10", "limit: 20"]


def test_custom_yaml_tags_are_read_as_their_text(tmp_path: Path) -> None:
    """CloudFormation's !Sub and !Ref, GitLab's !reference, !include, Home Assistant's !secret:
    PyYAML's safe loader knows no constructor for them and left the whole file unread."""
    content = (
        'arn: !Sub "arn:aws:s3:::${Bucket}"\nbucket: !Ref Bucket\n'
        "script: !reference [.setup, script]\nextra: !include other.yaml\npw: !secret db_pw\n"
    )
    assert document(tmp_path, "stack.yaml", content).text.splitlines()[2:] == [
        "arn: arn:aws:s3:::${Bucket}",
        "bucket: Bucket",
        "script: .setup, script",
        "extra: other.yaml",
        "pw: db_pw",
    ]


def test_merge_keys_are_followed_a_key_of_its_own_overriding_a_merged_one(
    tmp_path: Path,
) -> None:
    content = (
        "base: &base {timeout: 5, retries: 2}\nfast: &fast {timeout: 1}\n"
        "prod:\n  <<: [*fast, *base]\n  retries: 9\n"
    )
    lines = document(tmp_path, "envs.yaml", content).text.splitlines()
    assert [line for line in lines if line.startswith("prod")] == [
        "prod › timeout: 1",
        "prod › retries: 9",
    ]


def test_a_string_of_several_lines_follows_its_path_indented(tmp_path: Path) -> None:
    """Written bare, a description's "# Overview" was a heading of the file: the section
    citations named for every value after it."""
    content = "info:\n  description: |\n    # Overview\n\n    Two.\n  version: 1\n"
    read = document(tmp_path, "spec.yaml", content)
    assert read.text == (
        "# spec.yaml\n\ninfo › description:\n    # Overview\n\n    Two.\ninfo › version: 1\n"
    )
    assert "Overview" not in headings(read.text)


def test_records_sharing_their_keys_are_a_table_whose_rows_know_their_header(
    tmp_path: Path,
) -> None:
    records = [{"code": f"E{n}", "message": f"Error {n}", "retry": n % 2 == 0} for n in range(3)]
    read = document(tmp_path, "errors.json", json.dumps({"errors": records}))
    lines = read.text.splitlines()
    assert lines[2:5] == ["errors:", "| code | message | retry |", "| --- | --- | --- |"]
    table = TableHeaders(read.text)
    row = read.text.index("| E1 |")
    header = table.ruled_header(row)
    assert header is not None and read.text[header[0] : header[1]] == lines[3]
    span = table.span(row)
    assert span is not None and row_cells(read.text, span) == [
        ["code", "message", "retry"],
        *([record["code"], record["message"], str(record["retry"]).lower()] for record in records),
    ]


def test_a_yaml_file_of_several_documents_reads_them_all(tmp_path: Path) -> None:
    read = document(tmp_path, "k8s.yml", "kind: Service\n---\nkind: Deployment\n")
    assert read.text == "# k8s.yml\n\nkind: Service\n\nkind: Deployment\n"


def test_the_heading_naming_the_file_is_sanitised(tmp_path: Path) -> None:
    read = document(tmp_path, "a\x1b[2Jb.json", "1")
    assert read.text == "# a␛[2Jb.json\n\n1\n" and read.title == "a␛[2Jb.json"


def test_keys_and_values_are_sanitised(tmp_path: Path) -> None:
    read = document(tmp_path, "evil.json", '{"a\\u001b[31m": "b\\u001b]0;x\\u0007c\\u202e"}')
    assert "\x1b" not in read.text and "\x07" not in read.text and "\u202e" not in read.text
    assert read.text.startswith("# evil.json\n\na␛[31m: b␛]0;x")


BY_A_TOOL = "written by a tool (a lock file or a minified copy): not read"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("bad.json", '{"a": 1,\n "b" 2}', "not valid JSON: Expecting ':' delimiter (line 2, column 6)"),  # noqa: E501
        ("bad.yaml", "a: b: c\n", "not valid YAML: mapping values are not allowed in this context (line 1, column 5)"),  # noqa: E501
        ("comments.yaml", "# nothing set yet\n---\n", "no values in it"),
        ("nulls.yaml", "~\n---\nnull\n---\n", "no values in it"),
        ("package-lock.json", "{}", BY_A_TOOL),
        ("app.min.json", '{"a": 1}', BY_A_TOOL),
    ],
)  # fmt: skip
def test_a_file_that_does_not_parse_or_no_one_reads_is_skipped_saying_why(
    tmp_path: Path, name: str, content: str, reason: str
) -> None:
    assert refusal(tmp_path, name, content) == reason


def test_deep_nesting_is_refused_without_a_traceback(tmp_path: Path) -> None:
    assert refusal(tmp_path, "deep.json", "[" * 10_000 + "]" * 10_000) == (
        "not read as JSON: nested too deeply to read"
    )
    for deep in ("[" * 100_000 + "]" * 100_000, "- " * 100_000 + "x"):
        # libyaml's composer recurses in C: past some 20,000 levels the process crashed. The
        # libyaml PyYAML 6.0.4 ships refuses past 1,000 levels itself, in its own words
        reason = refusal(tmp_path, "deep.yaml", deep)
        assert reason == "nested more than 1,000 levels deep" or reason.startswith(
            "not valid YAML: exceeded maximum nesting depth (line 1, column "
        )
    assert refusal(tmp_path, "deep2.yaml", "[" * 900 + "]" * 900) == (
        f"nested more than {MAX_DEPTH} levels deep"
    )
    shallow_enough = "[" * 200 + "]" * 200  # parses, but deeper than a path worth reading
    assert refusal(tmp_path, "deep2.json", shallow_enough) == (
        f"nested more than {MAX_DEPTH} levels deep"
    )


def test_yaml_is_read_by_the_pure_python_loader_when_pyyaml_lacks_libyaml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import yaml

    monkeypatch.delattr(yaml, "CSafeLoader")
    assert document(tmp_path, "a.yaml", "ports: [22:22]\n").text == "# a.yaml\n\nports: 22:22\n"
    assert refusal(tmp_path, "deep.yaml", "[" * 10_000 + "]" * 10_000) == (
        f"nested more than {MAX_DEPTH} levels deep"
    )


def test_a_yaml_alias_that_holds_itself_is_refused(tmp_path: Path) -> None:
    assert refusal(tmp_path, "loop.yaml", "a: &a [*a]\n") == "an alias in it holds itself"


def test_a_billion_laughs_is_refused_as_soon_as_its_text_passes_the_limit(
    tmp_path: Path,
) -> None:
    lines = ["l0: &l0 [" + ", ".join(["lol"] * 9) + "]"]  # 9^9 leaves from 0.4 KB
    lines += [f"l{n}: &l{n} [" + ", ".join([f"*l{n - 1}"] * 9) + "]" for n in range(1, 9)]
    bomb = "\n".join(lines) + "\n"
    reason = refusal(tmp_path, "bomb.yaml", bomb)
    limit = TEXT_PER_CHARACTER * len(bomb) + TEXT_FLOOR
    assert reason == f'its aliases make more than {limit:,} values of it (a "billion laughs"?)'


def test_a_merge_key_bomb_is_refused_before_it_is_built(tmp_path: Path) -> None:
    """Nine merges of nine merges…: PyYAML copies what it merges before building the mapping
    (5 s at seven levels, eightfold with each); the aliases' size is counted first."""
    lines = ["a0: &a0 {x: 1, y: 2}"]
    lines += [f"a{n}: &a{n} {{<<: [" + ", ".join([f"*a{n - 1}"] * 9) + "]}" for n in range(1, 12)]
    bomb = "\n".join(lines) + "\n"
    assert refusal(tmp_path, "merge.yaml", bomb).startswith("its aliases make more than")


def test_the_alias_budget_is_the_files_each_document_taking_its_share(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A budget per document let twelve merge-key bombs, each under it, take 10 s (and a 1 MB
    file some 40 minutes): the documents' sizes are taken off one budget for the file."""
    monkeypatch.setattr(structured, "MAX_NODES", 1_000)
    one = "a: &a [" + ", ".join(["x"] * 20) + "]\nb: [" + ", ".join(["*a"] * 20) + "]\n"
    assert "b › #20: x, x," in document(tmp_path, "one.yaml", one).text  # 445 values: read
    assert refusal(tmp_path, "three.yaml", "---\n".join([one] * 3)) == (
        'its aliases make more than 1,000 values of it (a "billion laughs"?)'
    )


def test_a_file_whose_text_would_pass_its_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(structured, "TEXT_FLOOR", 0)  # paths repeated on every line
    deep = {"a" * 10: {"b" * 10: {"c" * 10: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] * 9}}}
    reason = refusal(tmp_path, "deep.json", json.dumps(deep))
    assert reason.startswith("its text would pass ") and reason.endswith(" times its size")


def test_a_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    big = json.dumps({"rows": ["x" * 100] * (MAX_CHARACTERS // 100)})
    assert refusal(tmp_path, "dump.json", big).startswith(
        f"larger than {MAX_CHARACTERS:,} characters"
    )


@pytest.mark.parametrize("name", ["channels.json", "users.json", "random/2025-01-02.json"])
def test_a_big_json_is_refused_before_it_is_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """A .json past MAX_CHARACTERS that is no day file or list of an export is refused for its
    size; one named as a day file, unparsed: one up to chatexport.MAX_DAY_CHARACTERS (32 MB) was
    parsed to tell whether it was a chat export's day file. One named as an export's list is
    parsed to tell (a big workspace's users.json passes 1 MB: its names are read), as a day
    file of an export is, then refused for its size when it is none."""
    from citeqa import chatexport

    parsed: list[int] = []  # the sizes of what was parsed
    read_list, parse_json = chatexport._parsed, structured.parse_json

    def read_listed(path: Path) -> object:
        parsed.append(path.stat().st_size if path.is_file() else 0)
        return read_list(path)

    def parse(text: str) -> object:
        parsed.append(len(text))
        return parse_json(text)

    monkeypatch.setattr(chatexport, "_parsed", read_listed)
    monkeypatch.setattr(structured, "parse_json", parse)
    big = json.dumps([{"ts": "1", "text": "x" * 100}] * (MAX_CHARACTERS // 100))
    (tmp_path / "random").mkdir()  # no channel of the export
    (tmp_path / "general").mkdir()
    day = '[{"ts": "1700000000.0", "user": "U1", "text": "Hello"}]'
    (tmp_path / "general" / "2025-01-01.json").write_text(day, encoding="utf-8")
    (tmp_path / "channels.json").write_text('[{"name": "general"}]', encoding="utf-8")
    assert refusal(tmp_path, name, big).startswith(f"larger than {MAX_CHARACTERS:,} characters")
    assert max(parsed, default=0) < MAX_CHARACTERS or not name.startswith("random/")
