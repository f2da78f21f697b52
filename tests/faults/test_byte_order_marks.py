"""A byte order mark at the start of a batch or an eval set (a file saved by Notepad) is not
part of the first line: that line is read as JSON, not asked as literal text (user trial s12)."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from fault_helpers import fake_settings, make_corpus

from citeqa.api import build_index
from citeqa.evaluation import load_questions

BOM = "\ufeff"


@pytest.mark.parametrize(
    "first", ['{"id": "w", "question": "How does belimumab work?"}', "How does belimumab work?"]
)
def test_a_batch_starting_with_a_bom_reads_its_first_line_without_it(
    tmp_path: Path, cli: Any, monkeypatch: pytest.MonkeyPatch, first: str
) -> None:
    settings = fake_settings(make_corpus(tmp_path / "corpus"), tmp_path / "index")
    build_index(settings)
    batch = (BOM + first + "\n" + '{"id": 2, "question": "biopsy?"}\n').encode("utf-8")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(batch), encoding="utf-8"))
    result = cli("ask", "--jsonl", "--index", str(settings.index_dir))
    assert result.code == 0, result.err
    answers = [json.loads(line) for line in result.out.splitlines()]
    assert [answer["question"] for answer in answers] == ["How does belimumab work?", "biopsy?"]
    assert answers[0]["id"] == ("w" if first.startswith("{") else 1)


def test_an_eval_set_starting_with_a_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "set.jsonl"
    rows = [{"id": "a", "question": "How does belimumab work?"}, {"id": "b", "question": "x?"}]
    text = "".join(json.dumps(row) + "\n" for row in rows)
    path.write_bytes((BOM + text).encode("utf-8"))
    assert [question.id for question in load_questions(path)] == ["a", "b"]
