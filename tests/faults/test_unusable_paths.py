"""Folders no system call can take (probe s10-pr): a name longer than 255 bytes or a path of
4096 bytes given as --corpus or --index (or in CITEQA_* / the config file), or a NUL character
in the config file's folder, ended in an ENAMETOOLONG or "embedded null byte" traceback from
whichever step touched the path first. Each is a bad setting now: one line, exit code 11,
nothing created."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fault_helpers import QUESTION, make_corpus

LONG_NAME = "n" * 300
COMMANDS = [["status"], ["index"], ["ask", QUESTION], ["chat"]]


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(
    ("option", "path", "said"),
    [
        ("--index", LONG_NAME, "one of its names is longer than the 255 bytes"),
        ("--corpus", LONG_NAME, "one of its names is longer than the 255 bytes"),
        ("--corpus", "d/" * 2100, "longer than the 4095 bytes a path may have"),
    ],
)
def test_a_path_too_long_for_the_system_is_a_bad_setting(
    tmp_path: Path, cli: Any, command: list[str], option: str, path: str, said: str
) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    given = {"--corpus": str(corpus), "--index": str(tmp_path / "index")}
    given[option] = str(tmp_path / path)
    where = [part for pair in given.items() for part in pair]
    result = cli(*command, *where)
    assert result.code == 11
    line = result.error_line()
    assert said in line and f"{option.lstrip('-')}_dir: not a usable path" in line
    assert "default factory" not in line  # index_dir's default is no second error
    assert not (tmp_path / "index").exists()


@pytest.mark.parametrize("field", ["index_dir", "corpus_dir"])
def test_a_nul_character_in_the_config_files_folder_is_a_bad_setting(
    tmp_path: Path, cli: Any, field: str
) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    config = tmp_path / "config.toml"
    folders = {"corpus_dir": str(corpus), "index_dir": str(tmp_path / "index")}
    folders[field] = str(tmp_path / "a\0b")
    lines = [f'{key} = "{value}"\n'.replace("\0", "\\u0000") for key, value in folders.items()]
    config.write_text("".join(lines), encoding="utf-8")
    result = cli("ask", QUESTION, CONFIG_FILE=str(config))
    assert result.code == 11
    assert f"{field}: not a usable path: it holds a NUL character" in result.error_line()
    assert str(config) in result.error_line()


@pytest.mark.parametrize("where", ["environment", "config file"])
def test_a_blank_folder_setting_is_unset_not_the_working_folder(
    tmp_path: Path, cli: Any, where: str
) -> None:
    """`Path("")` is the working folder: an empty CITEQA_INDEX_DIR (or `index_dir = ""`)
    built the index there, and an empty CITEQA_CORPUS_DIR indexed it (a home folder, say).
    Blank is unset, as for every setting: the default corpus and its default index folder."""
    from citeqa.config import BUNDLED_CORPUS, default_index_dir

    corpus = make_corpus(tmp_path / "corpus")
    if where == "environment":
        result = cli("index", "--corpus", str(corpus), INDEX_DIR="")
    else:
        config = tmp_path / "config.toml"
        config.write_text('index_dir = ""\n', encoding="utf-8")
        result = cli("index", "--corpus", str(corpus), CONFIG_FILE=str(config))
    assert result.code == 0, result.err
    assert list((tmp_path / "cwd").iterdir()) == []  # nothing built in the working folder
    assert default_index_dir(corpus).is_dir()
    shown = cli("status", "--json", CORPUS_DIR=" ", INDEX_DIR="")
    assert str(default_index_dir(BUNDLED_CORPUS)) in shown.out + shown.err
    assert str(tmp_path / "cwd") not in shown.out + shown.err


@pytest.mark.parametrize("variable", ["CITEQA_CONFIG_FILE", "XDG_CONFIG_HOME"])
def test_a_config_file_path_too_long_is_one_short_line(
    tmp_path: Path, cli: Any, monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    """CITEQA_CONFIG_FILE (or the config folder) of 100 KB: Path.is_file raised ENAMETOOLONG,
    a traceback; the line says what is wrong without repeating the 100 KB."""
    corpus = make_corpus(tmp_path / "corpus")
    long = str(tmp_path / ("c" * 100_000))
    where = ["--corpus", str(corpus), "--index", str(tmp_path / "index")]
    if variable == "CITEQA_CONFIG_FILE":  # the cli fixture sets CITEQA_* itself
        result = cli("ask", QUESTION, *where, CONFIG_FILE=long)
    else:
        monkeypatch.setenv(variable, long)
        result = cli("ask", QUESTION, *where)
    assert result.code == 11
    line = result.error_line()
    assert "is not a usable path: it is longer than the 4095 bytes" in line and len(line) < 200


LONG_PATH = "p" * 100_000


@pytest.mark.parametrize("option", ["--set", "--cache"])
def test_a_100_kb_path_given_to_eval_is_not_repeated_whole(
    tmp_path: Path, cli: Any, option: str
) -> None:
    """`eval --set` / `--cache` of 100 KB repeated it whole in a 100 KB error line; every
    message on stderr now keeps a long path's two ends and its length (visible.cut_words)."""
    given = str(tmp_path / LONG_PATH)
    args = ["--set", given] if option == "--set" else ["--sets", "bundled", "--cache", given]
    result = cli("eval", *args, "--no-peers" if option == "--cache" else "--no-ablations")
    assert result.code != 0
    line = result.error_line()
    assert len(line) < 400 and f"({len(given):,} characters)" in line
    assert given[:60] in line and given[-60:] in line


def test_a_nul_character_in_the_domain_files_name_ignores_it(tmp_path: Path, cli: Any) -> None:
    """A corpus's manifest.json naming its domain file "a\\u0000b.json": resolving that name
    raised ValueError ("embedded null byte") inside read_corpus_manifest, so `index`, `status`
    and `ask` ended in a traceback. The domain file is ignored with the one-line warning of a
    name leading outside the corpus, saying why; the documents are indexed and answered from."""
    corpus = make_corpus(tmp_path / "corpus")
    (corpus / "manifest.json").write_text(json.dumps({"domain": "a\u0000b.json"}))
    where = ["--corpus", str(corpus), "--index", str(tmp_path / "index")]
    ignored = "a␀b.json (the domain file manifest.json names) was ignored: it holds a NUL character"
    for command in (["index"], ["status"], ["ask", QUESTION]):
        result = cli(*command, *where)
        assert result.code == 0, result.err
        assert "Traceback" not in result.err
    assert ignored in cli("index", *where).out  # status names no ignored domain file
