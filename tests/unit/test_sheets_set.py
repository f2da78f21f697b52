"""The spreadsheet-lookup set (evals/sets/sheets.jsonl over evals/sets/sheets/corpus/).

The sheets are written by evals/tools/make_sheets.py (fixed seed): running it again gives the
committed files byte for byte. Each answerable question's accepted answer is verbatim, once,
in its sheet as citeqa reads it (readers/delimited.py: a markdown pipe table), so that only a
quote of the asked row counts; each unanswerable one asks a key no sheet holds (a record id,
a customer, a week, a service, a supplier, a supplier's team) or a column the sheet of the key
it names does not have. Both halves hold answerable and unanswerable questions.
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

from citeqa.evaluation import load_sets
from citeqa.readers.delimited import DelimitedReader

ROOT = Path(__file__).resolve().parents[2]
SETS = ROOT / "evals" / "sets"
CORPUS = SETS / "sheets" / "corpus"

ABSENT_KEYS = {
    "sh101": "INC-2025-2417",
    "sh102": "Initrode Health",
    "sh104": "search-suggest",
    "sh105": "Zyntra",
}
"""Unanswerable questions asking a key no sheet writes as a row's cell."""
WEEKS = ("sh103", "53", "astreintes_2025")
"""An unanswerable question asking a week the on-call sheet's first column does not count."""
ABSENT_COLUMNS = {
    "sh107": ("services", "cost"),
    "sh108": ("customers_sla", "account"),
    "sh109": ("astreintes_2025", "téléphone"),
    "sh110": ("incidents_2025", "customers"),
    "sh111": ("fournisseurs", "signature"),
}
"""Unanswerable questions naming a row of a sheet whose header has no such column."""


def fold(text: str) -> str:
    return " ".join(text.lower().split())


def read_sheets() -> dict[str, str]:
    """Each sheet's text as citeqa reads it, by document id (its name without its ending)."""
    reader = DelimitedReader()
    return {
        path.stem: reader.extract(path.read_text(encoding="utf-8"), path.name).text
        for path in sorted(CORPUS.iterdir())
    }


def questions() -> list[dict[str, object]]:
    lines = (SETS / "sheets.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_the_generator_writes_the_committed_sheets(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location(
        "make_sheets", SETS.parent / "tools" / "make_sheets.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.write(tmp_path)
    made = sorted(path.name for path in tmp_path.iterdir())
    assert made == sorted(path.name for path in CORPUS.iterdir())
    for name in made:
        assert (tmp_path / name).read_bytes() == (CORPUS / name).read_bytes(), name


def test_every_sheet_reads_as_one_table_of_20_to_2000_rows() -> None:
    for doc, text in read_sheets().items():
        rows = text.splitlines()
        assert all(row.startswith("| ") for row in rows), doc
        assert 20 <= len(rows) - 2 <= 2000, doc


def test_each_answer_is_once_in_its_sheet() -> None:
    sheets = read_sheets()
    answerable = [q for q in questions() if q["answerable"]]
    assert len(answerable) >= 30
    for question in answerable:
        text = fold(sheets[str(question["doc_id"])])
        for answer in question["answers"]:  # type: ignore[attr-defined]
            assert text.count(fold(answer)) == 1, (question["id"], answer)


def test_absent_keys_are_no_cell_of_any_sheet() -> None:
    cells = {
        fold(cell)
        for text in read_sheets().values()
        for row in text.splitlines()
        for cell in row.strip("| ").split(" | ")
    }
    by_id = {q["id"]: q for q in questions()}
    for number, key in ABSENT_KEYS.items():
        assert not by_id[number]["answerable"]
        assert key in str(by_id[number]["question"])
        assert fold(key) not in cells, key
    number, week, sheet = WEEKS
    assert not by_id[number]["answerable"] and f"semaine {week}" in str(by_id[number]["question"])
    weeks = [row.split(" | ")[0].strip("| ") for row in read_sheets()[sheet].splitlines()[2:]]
    assert weeks == [str(n) for n in range(1, len(weeks) + 1)] and week not in weeks


def test_absent_columns_are_no_header_of_the_keys_sheet() -> None:
    sheets = read_sheets()
    by_id = {q["id"]: q for q in questions()}
    for number, (doc, column) in ABSENT_COLUMNS.items():
        assert not by_id[number]["answerable"]
        assert column in str(by_id[number]["question"]).lower()
        header = sheets[doc].splitlines()[0].lower()
        assert column not in re.split(r"[\s|_]+", header), (number, header)


def test_the_set_is_registered_with_both_halves_holding_both_kinds() -> None:
    for split in ("dev", "test"):
        [loaded] = load_sets(["sheets"], split)
        assert loaded.corpus_dir.resolve() == CORPUS.resolve() and not loaded.in_all
        assert {question.answerable for question in loaded.questions} == {True, False}, split
