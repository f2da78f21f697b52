"""`citeqa eval --report FILE` and the user's files (probe s10-pr): it wrote over any file of
that name (`--report notes.md` wiped the user's notes, without asking), and wrote in place, so
a write that failed half-way (a full disk, `ulimit -f`) left neither the old report nor the
new. It now replaces only a citeqa report, whole or not at all, and writes a device as is."""

from __future__ import annotations

import json
import resource
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fault_helpers import make_corpus

from citeqa.api import build_index
from citeqa.evaluation.markdown import REPORT_HEADING
from small_corpora import fake_settings

LINE = {
    "id": "q1",
    "question": "How does belimumab work?",
    "doc_id": "biotherapy-in-lupus-faq",
    "answers": ["B lymphocytes"],
    "split": "dev",
}
OLD_REPORT = f"{REPORT_HEADING}\n\nan older run's figures\n"


@pytest.fixture
def report_to(tmp_path: Path, cli: Any) -> Any:
    corpus = make_corpus(tmp_path / "corpus")
    index = tmp_path / "index"
    build_index(fake_settings(corpus, index))
    questions = tmp_path / "questions.jsonl"
    questions.write_text(json.dumps(LINE) + "\n", encoding="utf-8")
    where = ["--set", str(questions), "--corpus", str(corpus), "--index", str(index)]

    def run(report: Path | str) -> Any:
        return cli("eval", *where, "--no-ablations", "--split", "dev", "--report", str(report))

    return run


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
