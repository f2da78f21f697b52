"""`citeqa eval --report FILE` and the user's files (probe s10-pr): it wrote over any file of
that name (`--report notes.md` wiped the user's notes, without asking), and wrote in place, so
a write that failed half-way (a full disk, `ulimit -f`) left neither the old report nor the
new. It now replaces only a citeqa report, whole or not at all, and writes a device as is."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fault_helpers import EVAL_LINE, make_corpus

import citeqa
from citeqa.api import build_index
from citeqa.evaluation.markdown import REPORT_HEADING
from small_corpora import fake_settings

CONFTEST = str(Path(__file__).parents[1] / "conftest.py")
WITH_FAKES = (
    "import sys, importlib.util as u; s = u.spec_from_file_location('fakes', sys.argv[1]);"
    "s.loader.exec_module(u.module_from_spec(s)); sys.argv[1:2] = [];"
    "from citeqa.cli import main; main()"
)
OLD_REPORT = f"{REPORT_HEADING}\n\nan older run's figures\n"


@pytest.fixture
def eval_args(tmp_path: Path) -> list[str]:
    """`eval` over a one-question set on a small corpus, without `--report`."""
    corpus = make_corpus(tmp_path / "corpus")
    index = tmp_path / "index"
    build_index(fake_settings(corpus, index))
    questions = tmp_path / "questions.jsonl"
    questions.write_text(json.dumps(EVAL_LINE) + "\n", encoding="utf-8")
    where = ["--set", str(questions), "--corpus", str(corpus), "--index", str(index)]
    return ["eval", *where, "--no-ablations", "--split", "dev"]


@pytest.fixture
def report_to(eval_args: list[str], cli: Any) -> Any:
    def run(report: Path | str) -> Any:
        return cli(*eval_args, "--report", str(report))

    return run


def _run_citeqa(args: list[str], stdout: Any) -> subprocess.CompletedProcess[bytes]:
    """This tree's CLI in a process of its own (with the tests' fake channel), its stdout
    where `stdout` says."""
    source = str(Path(citeqa.__file__).parents[1])
    environment = os.environ | {"PYTHONPATH": source}
    return subprocess.run(
        [sys.executable, "-c", WITH_FAKES, CONFTEST, *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        env=environment,
        timeout=120,
        check=False,
    )


@pytest.fixture
def small_file_limit() -> Iterator[None]:
    """Files this process writes may hold at most 1000 bytes (`ulimit -f`: EFBIG past it)."""
    previous = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (1000, previous[1]))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, previous)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".citeqa-"))


def test_a_users_file_is_never_replaced_by_a_report(tmp_path: Path, report_to: Any) -> None:
    notes = tmp_path / "notes.md"
    notes.write_bytes(b"# My notes\n\nnever to lose\n")
    link = tmp_path / "link.md"
    link.symlink_to(notes)
    for given in (notes, link):
        result = report_to(given)
        assert result.code == 13
        assert "is not a citeqa report" in result.error_line()
    assert notes.read_bytes() == b"# My notes\n\nnever to lose\n" and link.is_symlink()
    assert _leftovers(tmp_path) == []


def test_a_report_replaces_a_citeqa_report_and_keeps_a_link(tmp_path: Path, report_to: Any) -> None:
    report = tmp_path / "REPORT.md"
    report.write_text(OLD_REPORT, encoding="utf-8")
    link = tmp_path / "latest.md"
    link.symlink_to(report.name)
    assert report_to(link).code == 0
    assert link.is_symlink() and report.read_text(encoding="utf-8").startswith(REPORT_HEADING)
    assert "an older run" not in report.read_text(encoding="utf-8")
    assert _leftovers(tmp_path) == []


def test_a_write_that_fails_keeps_the_previous_report(
    tmp_path: Path, report_to: Any, small_file_limit: None
) -> None:
    report = tmp_path / "REPORT.md"
    report.write_text(OLD_REPORT, encoding="utf-8")
    result = report_to(report)
    assert result.code == 13
    assert "File too large" in result.error_line()
    assert report.read_text(encoding="utf-8") == OLD_REPORT
    assert _leftovers(tmp_path) == []


def test_a_report_to_a_device_is_written_as_it_is(report_to: Any) -> None:
    assert report_to("/dev/null").code == 0


def test_a_report_to_stdout_through_a_pipe_is_written(eval_args: list[str]) -> None:
    """`--report /dev/stdout | cat`: the path stood for a pipe, os.path.realpath made it
    /proc/<pid>/fd/pipe:[N], which no stat finds, and a temporary file was tried in /proc."""
    result = _run_citeqa([*eval_args, "--report", "/dev/stdout"], subprocess.PIPE)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode().startswith(REPORT_HEADING)


def test_a_report_to_stdout_redirected_to_a_file_is_written(
    tmp_path: Path, eval_args: list[str]
) -> None:
    """`--report /dev/stdout > out.md`: the shell empties out.md first; it was refused as
    "not a citeqa report"."""
    out = tmp_path / "out.md"
    with out.open("wb") as stream:
        result = _run_citeqa([*eval_args, "--report", "/dev/stdout"], stream)
    assert result.returncode == 0, result.stderr.decode()
    assert out.read_text(encoding="utf-8").startswith(REPORT_HEADING)
    assert _leftovers(tmp_path) == []


def test_an_empty_file_is_replaced_by_a_report(tmp_path: Path, report_to: Any) -> None:
    """An empty file has nothing to lose: it was refused as "not a citeqa report"."""
    empty = tmp_path / "REPORT.md"
    empty.write_bytes(b"")
    assert report_to(empty).code == 0
    assert empty.read_text(encoding="utf-8").startswith(REPORT_HEADING)
    assert _leftovers(tmp_path) == []


def test_a_killed_runs_leftover_neither_blocks_nor_is_touched(
    tmp_path: Path, report_to: Any
) -> None:
    """The temporary file had a fixed name, `.citeqa-<pid>.tmp`: a leftover of a killed run
    that had the same process id made every later report fail with "File exists"."""
    leftover = tmp_path / f".citeqa-{os.getpid()}.tmp"
    leftover.write_bytes(b"a killed run's half report")
    report = tmp_path / "REPORT.md"
    assert report_to(report).code == 0
    assert report.read_text(encoding="utf-8").startswith(REPORT_HEADING)
    assert leftover.read_bytes() == b"a killed run's half report"
    assert _leftovers(tmp_path) == [leftover.name]


def test_a_100_kb_report_path_is_not_repeated_whole(tmp_path: Path, report_to: Any) -> None:
    """`--report` of 100 KB: "cannot write the report to <100 KB>: File name too long"."""
    given = str(tmp_path / ("r" * 100_000))
    result = report_to(given)
    assert result.code == 13
    line = result.error_line()
    assert len(line) < 400 and f"({len(given):,} characters)" in line
