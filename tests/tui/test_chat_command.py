"""`citeqa` and `citeqa chat` launch the chat; options reach it; a bad corpus is one clear error."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from citeqa.cli import chat_cmd
from citeqa.cli.app import app
from citeqa.errors import CorpusMissing


@pytest.fixture
def launches(monkeypatch) -> list[tuple[Path | None, Path | None]]:
    calls: list[tuple[Path | None, Path | None]] = []
    monkeypatch.setattr(chat_cmd, "launch_chat", lambda *paths: calls.append(paths))
    return calls


def test_bare_citeqa_opens_the_chat(launches):
    result = CliRunner().invoke(app, [])
    assert result.exit_code == 0, result.output
    assert launches == [(None, None)]


def test_chat_command_passes_corpus_and_index(launches, tmp_path):
    result = CliRunner().invoke(app, ["chat", "--corpus", str(tmp_path), "--index", "idx"])
    assert result.exit_code == 0, result.output
    assert launches == [(tmp_path, Path("idx"))]


def test_missing_corpus_is_a_domain_error_before_textual_starts(tmp_path):
    with pytest.raises(CorpusMissing, match=r"(?i)corpus folder not found"):
        chat_cmd.launch_chat(tmp_path / "nowhere", None)


def test_bare_citeqa_takes_the_chat_options(launches, tmp_path):
    result = CliRunner().invoke(app, ["--corpus", str(tmp_path), "--index", "idx"])
    assert result.exit_code == 0, result.output
    assert launches == [(tmp_path, Path("idx"))]


def test_the_folders_before_a_command_are_the_commands_own(launches, tmp_path):
    """The user trial: `citeqa --help` lists --corpus and --index, but `citeqa --corpus DIR
    ask ...` was refused ("goes after the command"); before a command they are its own, and
    the same option after the command wins."""
    other = tmp_path / "other"
    other.mkdir()
    result = CliRunner().invoke(app, ["--corpus", str(tmp_path), "--index", "idx", "chat"])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(app, ["--corpus", str(tmp_path), "chat", "--corpus", str(other)])
    assert result.exit_code == 0, result.output
    assert launches == [(tmp_path, Path("idx")), (other, None)]
