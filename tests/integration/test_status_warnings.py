"""`citeqa status` shows what reading the corpus warned of when the index was built (a ragged
CSV: s25 trial, where only `citeqa index` said it), as its manifest records it
(store.IndexManifest.warnings), made visible, in its text and its JSON; a manifest written
before warnings were recorded still reads, with none."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from citeqa.api import build_index
from citeqa.cli.index_cmds import WARNINGS_LISTED, warning_lines
from citeqa.store import RECORDED_WARNINGS, IndexManifest, read_manifest, recorded_warnings
from small_corpora import fake_settings

NAME = "tick\x1b[31mets.csv"
"""A file name holding an escape sequence: shown, never sent to the terminal."""


def ragged_corpus(folder: Path) -> Path:
    folder.mkdir()
    rows = ["id,subject,agent"] + [
        f'{n},"Login fails ""again"" after update {n}",Ana' if n % 4 else f"{n},cut,Ana,extra,x"
        for n in range(1, 41)
    ]
    (folder / NAME).write_text("\n".join(rows) + "\n", encoding="utf-8")
    (folder / "faq.txt").write_text("Reset the password from the login screen.\n")
    return folder


def test_status_shows_the_builds_warnings_in_text_and_json(tmp_path: Path, cli: Any) -> None:
    corpus, index = ragged_corpus(tmp_path / "corpus"), tmp_path / "index"
    report = build_index(fake_settings(corpus, index))
    [warning] = [line for line in report.warnings if "records hold another number" in line]
    where = {"corpus_dir": str(corpus), "index_dir": str(index)}
    text = cli("status", **where)
    assert text.code == 0, text.err
    [line] = [line for line in text.out.splitlines() if "records hold another number" in line]
    assert line.startswith("warning: tick") and "\x1b" not in text.out
    described = json.loads(cli("status", "--json", **where).out)
    [recorded] = [line for line in described["warnings"] if "records hold another" in line]
    assert recorded.endswith(warning.split(": ", 1)[1]) and "\x1b" not in recorded


def test_a_manifest_without_warnings_reads_with_none(tmp_path: Path) -> None:
    corpus, index = ragged_corpus(tmp_path / "corpus"), tmp_path / "index"
    build_index(fake_settings(corpus, index))
    [build] = [folder for folder in index.iterdir() if folder.name.startswith("build-")]
    manifest, _ = read_manifest(build)
    assert manifest.warnings and any("records hold another" in w for w in manifest.warnings)
    older = manifest.model_dump(exclude={"warnings"})
    assert IndexManifest.model_validate(older).warnings is None


def test_a_manifest_keeps_the_first_warnings_and_counts_the_others() -> None:
    many = [f"file-{n}.csv: odd" for n in range(RECORDED_WARNINGS + 7)]
    assert recorded_warnings(many) == (many[:RECORDED_WARNINGS], 7)
    assert recorded_warnings(many[:3]) == (many[:3], 0)


def test_plain_status_lists_a_few_warnings_and_counts_every_other() -> None:
    recorded = [f"file-{n}.csv: odd" for n in range(RECORDED_WARNINGS)]
    lines = warning_lines(recorded, 7, WARNINGS_LISTED)
    assert lines[:-1] == [f"warning: {line}" for line in recorded[:WARNINGS_LISTED]]
    more = RECORDED_WARNINGS - WARNINGS_LISTED
    assert lines[-1] == (
        f"and {more + 7} more warnings (`citeqa status --all` lists {more},"
        " `citeqa index` prints them all)"
    )
    every = warning_lines(recorded, 7, None)
    assert len(every) == RECORDED_WARNINGS + 1
    assert every[-1] == "and 7 more warnings (`citeqa index` prints them all)"
    assert warning_lines(recorded[:2], 0, WARNINGS_LISTED) == [
        f"warning: {recorded[0]}",
        f"warning: {recorded[1]}",
    ]


def test_a_malformed_warnings_field_is_ignored_not_a_broken_index(tmp_path: Path, cli: Any) -> None:
    corpus, index = ragged_corpus(tmp_path / "corpus"), tmp_path / "index"
    build_index(fake_settings(corpus, index))
    [build] = [folder for folder in index.iterdir() if folder.name.startswith("build-")]
    written = json.loads((build / "manifest.json").read_text(encoding="utf-8"))
    assert written["warnings_more"] == 0
    written.update(warnings=[1, {"a": 2}], warnings_more="many")
    (build / "manifest.json").write_text(json.dumps(written), encoding="utf-8")
    where = {"corpus_dir": str(corpus), "index_dir": str(index)}
    described = cli("status", "--json", **where)
    assert described.code == 0, described.err
    status = json.loads(described.out)
    assert status["warnings"] == [] and status["warnings_more"] == 0
    assert IndexManifest.model_validate({**written, "warnings": "x"}).warnings is None
