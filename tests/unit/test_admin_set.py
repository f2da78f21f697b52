"""The admin-folder set (evals/sets/admin.jsonl over evals/sets/admin/corpus/).

The folder is written by evals/tools/make_admin.py (fixed seed): running it again gives the
committed files byte for byte. Each answerable question's accepted answer is verbatim, once, in
its document as citeqa reads it (a .csv a markdown pipe table, .txt and .md as written), so
that only a quote of the asked field or row counts; each unanswerable one asks a record no file
holds (an invoice, a quote, a credit note, a quarter, a day past the statement, a service), a
year no file covers, or a field the named record's file does not have. Both halves hold
answerable and unanswerable questions.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

from citeqa.evaluation import load_sets
from citeqa.readers import reader_for_name

ROOT = Path(__file__).resolve().parents[2]
SETS = ROOT / "evals" / "sets"
CORPUS = SETS / "admin" / "corpus"
STATEMENT = "banque/releve_2025"

ABSENT_KEYS = {
    "ad101": "TR-2025-027",
    "ad102": "TR-2025-061",
    "ad103": "T4 2025",
    "ad106": "ES > FR",
    "ad108": "DV-2025-017",
    "ad109": "A-2025-005",
    "ad113": "31/12/2025",
    "ad114": "version 3",
    "ad115": "interpr",
}
"""Unanswerable questions asking a record, a period or a service no document writes."""
OTHER_YEARS = {"ad104": ("Q2 2024", "compta/tva_2025_trimestres"), "ad107": ("2023", None)}
"""Unanswerable questions asking a year the document asked of does not cover (None: no
document of the folder names that year)."""
ABSENT_FIELDS = {
    "ad105": ("clients/clients", "iban"),
    "ad110": ("fournisseurs/Termcraft_invoice_TC-88213", "siret"),
    "ad111": (STATEMENT, "berthier"),
    "ad112": ("clients/clients", "phone"),
    "ad116": ("factures/TR-2025-007", "commande"),
}
"""Unanswerable questions naming a record whose document lacks the field asked (the customer
list has no IBAN or phone column, the Irish supplier no SIRET, the statement no payment from
Berthier Traiteur, invoice TR-2025-007 no purchase order)."""

SHARED_ANSWERS = {
    "ad001": "TR-2025-007",
    "ad006": "TR-2025-031",
    "ad017": "A-2025-002",
    "ad021": "DV-2025-014",
    "ad025": "DV-2025-020",
    "ad028": "04/04/2025",
}
"""Answerable questions whose accepted answer another document writes too (an invoice's total
in its payment's row, a quote's in its invoice), each with the key that names its own
document: a record id its file name carries, or the date on the answer's row."""


def fold(text: str) -> str:
    return " ".join(text.lower().split())


def read_folder() -> dict[str, str]:
    """Each document's text as citeqa reads it, by id (its path without its ending)."""
    texts = {}
    for path in sorted(CORPUS.rglob("*")):
        if path.is_file():
            relative = path.relative_to(CORPUS).as_posix()
            reader = reader_for_name(path.name)
            assert reader is not None, relative
            text = reader.extract(path.read_text(encoding="utf-8"), relative).text
            texts[relative.rsplit(".", 1)[0]] = text
    return texts


def questions() -> list[dict[str, object]]:
    lines = (SETS / "admin.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_the_generator_writes_the_committed_folder(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location(
        "make_admin", SETS.parent / "tools" / "make_admin.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up by name
    try:
        spec.loader.exec_module(module)
        module.write(tmp_path)
    finally:
        del sys.modules[spec.name]

    def files(root: Path) -> list[str]:
        return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())

    made = files(tmp_path)
    assert made == files(CORPUS)
    for name in made:
        assert (tmp_path / name).read_bytes() == (CORPUS / name).read_bytes(), name


def test_the_statement_has_about_200_rows_and_several_on_payment_days() -> None:
    rows = read_folder()[STATEMENT].splitlines()[2:]
    assert 180 <= len(rows) <= 250
    days = [row.split(" | ")[0].strip("| ") for row in rows]
    for question in questions():
        if "several-rows-a-day" in question["kinds"]:  # type: ignore[operator]
            [day] = re.findall(r"\d\d/\d\d/\d{4}", str(question["question"]))
            assert days.count(day) >= 2, (question["id"], day)


def test_each_answer_is_once_in_its_document() -> None:
    texts = read_folder()
    answerable = [q for q in questions() if q["answerable"]]
    assert len(answerable) >= 45
    for question in answerable:
        text = fold(texts[str(question["doc_id"])])
        for answer in question["answers"]:  # type: ignore[attr-defined]
            assert text.count(fold(answer)) == 1, (question["id"], answer)


def test_an_answer_other_documents_write_is_asked_by_its_documents_key() -> None:
    texts = read_folder()
    for question in questions():
        if not question["answerable"]:
            continue
        doc, [answer] = str(question["doc_id"]), question["answers"]  # type: ignore[misc]
        written = [
            other for other, text in texts.items() if other != doc and fold(answer) in fold(text)
        ]
        if not written:
            continue
        key = SHARED_ANSWERS.get(str(question["id"]))
        assert key is not None and key in str(question["question"]), (question["id"], written)
        lines = [line for line in texts[doc].splitlines() if fold(answer) in fold(line)]
        assert key in doc or any(key in line for line in lines), question["id"]


def test_absent_keys_and_years_are_in_no_document() -> None:
    texts = {doc: fold(text) for doc, text in read_folder().items()}
    by_id = {q["id"]: q for q in questions()}
    for number, key in ABSENT_KEYS.items():
        assert not by_id[number]["answerable"]
        assert fold(key) in fold(str(by_id[number]["question"])), number
        assert not any(fold(key) in text for text in texts.values()), key
    for number, (year, doc) in OTHER_YEARS.items():
        assert not by_id[number]["answerable"] and year in str(by_id[number]["question"])
        asked = [texts[doc]] if doc else list(texts.values())
        assert not any(year.split()[-1] in text for text in asked), number


def test_absent_fields_are_not_in_the_named_document() -> None:
    texts = read_folder()
    by_id = {q["id"]: q for q in questions()}
    for number, (doc, field) in ABSENT_FIELDS.items():
        assert not by_id[number]["answerable"]
        assert field in fold(str(by_id[number]["question"])), number
        assert field not in fold(texts[doc]), (number, doc)


def test_the_set_is_registered_with_both_halves_holding_both_kinds() -> None:
    for split in ("dev", "test"):
        [loaded] = load_sets(["admin"], split)
        assert loaded.corpus_dir.resolve() == CORPUS.resolve() and not loaded.in_all
        assert {question.answerable for question in loaded.questions} == {True, False}, split
