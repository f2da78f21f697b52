"""An index damaged in place after its build, its files' sizes and times kept (bit rot, a copy
tool restoring times) or truncated: `citeqa status --verify` says it is damaged (plain
`status` checks sizes and times, as `ask` does, and says so), and plain `citeqa index`
notices and rebuilds it (it called it "up to date" while `ask` failed)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from fault_helpers import QUESTION, make_corpus

from citeqa.ownership import CURRENT
from citeqa.previousindex import DAMAGED

DAMAGEABLE = (
    "lexical/indices.csc.index.npy",
    "lexical/vocab.sorted.npy",
    "vectors-fake.faiss",
    "chunks.jsonl",
    "documents.jsonl",
    "statistics.json",
    "tallies.jsonl",
    "terms.ids.npy",
)


def _garbage(data: bytes) -> bytes:
    """The same number of bytes, 64 of them in the middle overwritten."""
    start = len(data) // 2
    return data[:start] + b"\xff" * 64 + data[start + 64 :]


def _damage(path: Path, how: str) -> None:
    """Overwrite part of the file in place (its size and time kept) or cut it in half."""
    stat = path.stat()
    data = path.read_bytes()
    path.write_bytes(_garbage(data) if how == "garbage" else data[: len(data) // 2])
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))


@pytest.mark.parametrize("how", ["garbage", "truncated"])
@pytest.mark.parametrize("name", DAMAGEABLE)
def test_a_damaged_index_is_reported_and_rebuilt(
    tmp_path: Path, cli: Any, name: str, how: str
) -> None:
    corpus = make_corpus(tmp_path / "corpus", ("biotherapy-in-lupus-faq.txt",))
    index = tmp_path / "index"
    where = ("--corpus", str(corpus), "--index", str(index))
    assert cli("index", *where).code == 0
    before = cli("status", *where)
    assert before.code == 0
    assert "sizes and times checked; --verify hashes every file" in " ".join(before.out.split())
    _damage(index / CURRENT / name, how)
    cheap = cli("status", *where)
    if how == "truncated":  # its size changed: hashed, damaged
        assert cheap.code == 6
    elif cheap.code == 0:  # the file was trusted by its size and time, as ask trusts it
        assert "sizes and times checked; --verify hashes every file" in " ".join(cheap.out.split())
    status = cli("status", "--verify", *where)
    assert status.code == 6
    assert "damaged" in status.error_line() and name.split("/")[-1] in status.error_line()
    built = cli("index", *where)
    assert built.code == 0, built.err
    assert built.out.startswith("Rebuilt") and DAMAGED in " ".join(built.out.split())
    verified = cli("status", "--verify", *where)
    assert verified.code == 0 and "every file hashed" in verified.out
    assert cli("ask", QUESTION, *where).code == 0
    again = cli("index", *where)
    assert again.out.startswith("Index up to date") and "warning" not in again.out
