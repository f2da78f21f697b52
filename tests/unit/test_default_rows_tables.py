"""A question's candidate rows of one configuration table read that table once, not once a
candidate (default_rows.py; s47 hostile probe: 55 candidates of a 60,000-row table took 18 s,
benchmarks/default_rows_cost.py)."""

from __future__ import annotations

import pytest

from citeqa import default_rows
from citeqa.tables import table_of

TABLE = """# Configuration

| Setting | Default | Description |
|---|---|---|
| gap_limit | 3h | The gap limit. |
| row_limit | 100 | The row limit. |
| max_gap | 6h | The largest gap. |
"""


def test_the_rows_of_one_table_read_it_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def counted(text: str, offset: int) -> object:
        calls.append(offset)
        return table_of(text, offset)

    monkeypatch.setattr(default_rows, "table_of", counted)
    lines = TABLE.splitlines(keepends=True)
    placed = [(TABLE, TABLE.index(line), line.strip()) for line in lines if line.startswith("|")]
    found = default_rows.default_rows(placed, frozenset({"gap", "limit"}))
    assert found == {2: 2, 3: 1, 4: 1}
    assert len(calls) == 1
