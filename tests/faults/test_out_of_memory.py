"""Memory running out (a `ulimit -v` limit, a full machine) in the middle of a build or an
answer (probe s10-pr): a MemoryError ended in a traceback. It is now one line (exit code 1),
the build's temporary folder is gone, and the previous index still loads and answers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fault_helpers import QUESTION, build_folders, make_corpus, snapshot

from small_corpora import tmp_leftovers


def _no_memory(*_args: Any, **_kwargs: Any) -> Any:
    raise MemoryError


def test_memory_running_out_mid_embedding_keeps_the_last_index(
    tmp_path: Path, cli: Any, monkeypatch: pytest.MonkeyPatch, fake_embedder: Any
) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    index = tmp_path / "index"
    where = ["--corpus", str(corpus), "--index", str(index)]
    assert cli("index", *where).code == 0
    builds, before = build_folders(index), snapshot(index)
    (corpus / "new.txt").write_text("Belimumab is a monoclonal antibody. " * 40, encoding="utf-8")
    monkeypatch.setattr(type(fake_embedder), "embed_batch", _no_memory)
    result = cli("index", *where)
    assert result.code == 1
    assert result.error_line().startswith("citeqa: out of memory: stopped.")
    assert build_folders(index) == builds and tmp_leftovers(index) == []
    monkeypatch.undo()
    after = {name: kind for name, kind in snapshot(index).items() if not name.startswith(".")}
    assert after == {name: kind for name, kind in before.items() if not name.startswith(".")}
    answered = cli("ask", QUESTION, *where)
    assert answered.code == 0 and "“" in answered.out


def test_memory_running_out_mid_answer_is_one_line(
    tmp_path: Path, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from citeqa import api

    corpus = make_corpus(tmp_path / "corpus")
    where = ["--corpus", str(corpus), "--index", str(tmp_path / "index")]
    assert cli("index", *where).code == 0
    monkeypatch.setattr(api.Assistant, "ask", _no_memory)
    result = cli("ask", QUESTION, *where)
    assert result.code == 1
    assert result.error_line().startswith("citeqa: out of memory: stopped.")
