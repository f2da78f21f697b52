"""A question set or set registry that is no regular file of a reasonable size (probe s10-pr):
`citeqa eval --set FIFO` waited for a writer for ever, `--set /dev/zero` (or a link to it) was
read until the machine killed the process, and a 1 GB line took 9 GB of memory. Each is now
one line and exit code 13, read no further than the limit."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from fault_helpers import EVAL_LINE, make_corpus

from citeqa.evaluation import questions, sets
from citeqa.evaluation.questions import EvalSetError
from citeqa.evaluation.sets import read_registry

pytestmark = pytest.mark.usefixtures("no_hang")


def _eval(cli: Any, tmp_path: Path, question_set: Path) -> Any:
    corpus = make_corpus(tmp_path / "corpus")
    where = ["--corpus", str(corpus), "--index", str(tmp_path / "index")]
    return cli("eval", "--set", str(question_set), *where, "--no-ablations", "--split", "dev")


def test_a_fifo_as_the_question_set_is_refused_not_waited_on(tmp_path: Path, cli: Any) -> None:
    fifo = tmp_path / "questions.jsonl"
    os.mkfifo(fifo)
    result = _eval(cli, tmp_path, fifo)
    assert result.code == 13
    assert "not a regular file" in result.error_line()


def test_a_link_to_dev_zero_as_the_question_set_is_not_read(tmp_path: Path, cli: Any) -> None:
    link = tmp_path / "questions.jsonl"
    link.symlink_to("/dev/zero")
    result = _eval(cli, tmp_path, link)
    assert result.code == 13
    assert "not a regular file" in result.error_line()


def test_a_question_set_past_the_limit_is_refused_unread(
    tmp_path: Path, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(questions, "MAX_SET_BYTES", 1000)
    big = tmp_path / "questions.jsonl"
    big.write_text(
        json.dumps({**EVAL_LINE, "question": "belimumab " * 200}) + "\n", encoding="utf-8"
    )
    result = _eval(cli, tmp_path, big)
    assert result.code == 13
    assert "larger than 1,000 bytes" in result.error_line()
    small = tmp_path / "small.jsonl"
    small.write_text(json.dumps(EVAL_LINE) + "\n", encoding="utf-8")
    assert _eval(cli, tmp_path, small).code == 0  # under the limit, the set runs


def test_a_set_registry_that_is_a_fifo_or_too_large_is_one_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fifo = tmp_path / "sets.json"
    os.mkfifo(fifo)
    with pytest.raises(EvalSetError, match="not a regular file"):
        read_registry(fifo)
    monkeypatch.setattr(sets, "MAX_SET_BYTES", 10)
    big = tmp_path / "big.json"
    big.write_text('{"sets": []}' + " " * 100, encoding="utf-8")
    with pytest.raises(EvalSetError, match="larger than 10 bytes"):
        read_registry(big)
