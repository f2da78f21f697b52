"""A document never drives the terminal (issue 10, item 3): file names, ids, paths, titles and
contents with escape sequences, C1 controls, bidi overrides and newlines reach no terminal or
export raw, and JSON escapes them."""

from __future__ import annotations

import json
import os
import shutil
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from fault_helpers import CORPUS, QUESTION, fake_settings, make_corpus

from citeqa.api import build_index, open_assistant
from citeqa.tui.conversation import Turn
from citeqa.tui.export import ExportContext, answer_text, conversation_markdown
from citeqa.visible import clean, one_line, shown, to_json

OSC52 = "\x1b]52;c;SGVsbG8=\x1b\\"
TITLE = "\x1b]0;pwned\x07"
HOSTILE = [OSC52, TITLE, "\x9b31m", "\u202etxt.exe", "\x07", "a\nb", "\udcff", "\u2028", "\x85"]
RAW = ["\x1b", "\x07", "\x9b", "\x9d", "\u202e", "\udcff", "\x85", "\u2028"]
"""Characters that must never reach a terminal or an export unescaped."""


def _assert_inert(text: str, raw: list[str] = RAW) -> None:
    for char in raw:
        assert char not in text, f"{char!r} in {text!r}"


@pytest.mark.parametrize("text", HOSTILE)
def test_every_sanitiser_output_is_inert(text: str) -> None:
    for function in (shown, one_line):
        _assert_inert(function(f"name {text} end"))
    _assert_inert(clean(f"name {text} end"), [c for c in RAW if c != "\u2028"])  # a letter
    assert "\n" not in shown(text)
    assert len(clean(text)) == len(text)  # one for one: document offsets stay valid


def _assert_decoded_inert(value: Any) -> None:
    """What a JSON reader decodes (`jq -r`) holds no raw control and no lone surrogate."""
    if isinstance(value, str):
        _assert_inert(value, [c for c in RAW if c != "\u2028"])
        value.encode("utf-8")  # a lone surrogate cannot be encoded
    elif isinstance(value, dict):
        for key, item in value.items():
            _assert_decoded_inert(key)
            _assert_decoded_inert(item)
    elif isinstance(value, list):
        for item in value:
            _assert_decoded_inert(item)


@pytest.mark.parametrize("text", HOSTILE)
def test_json_decodes_to_what_the_text_outputs_show(text: str) -> None:
    value = {"doc_id": text, "skipped": [text], "quote": f"a {text} b", "nested": [text, 1]}
    dumped = to_json(value)
    _assert_inert(dumped)
    decoded = json.loads(dumped)
    _assert_decoded_inert(decoded)
    assert decoded["doc_id"] == shown(text) and decoded["skipped"] == [shown(text)]
    assert decoded["quote"] == clean(f"a {text} b")  # one for one: offsets stay valid
    assert decoded["nested"] == [clean(text), 1]
    assert {shown(text): 1} == json.loads(to_json({text: 1}))  # keys are names
    assert "é" in to_json("é")  # readable, not all-ASCII


@pytest.fixture
def hostile_index(tmp_path: Path) -> Any:
    corpus = make_corpus(tmp_path / "corpus", ())
    name = f"belimumab {OSC52} {TITLE} \u202enote\nline.txt"
    text = (CORPUS / "biotherapy-in-lupus-faq.txt").read_text(encoding="utf-8")
    (corpus / name).write_text(f"Title {TITLE} \x9b31m\n{text}", encoding="utf-8")
    shutil.copyfile(CORPUS / "refract-lupus-nephritis-biopsies.txt", corpus / f"refract{OSC52}.txt")
    (corpus / os.fsdecode(b"bad\xff\xfename\x1b[31m.md")).write_text("Not UTF-8 named.\n")
    settings = fake_settings(corpus, tmp_path / "index")
    build_index(settings)
    return settings


@pytest.mark.parametrize(
    "args",
    [
        ["ask", QUESTION],
        ["ask", QUESTION, "--json"],
        ["ask", "zzqx unknown vlorb", "--k", "3"],
        ["status"],
        ["status", "--json"],
        ["index", "--rebuild"],
    ],
)
def test_cli_output_is_inert(hostile_index: Any, cli: Any, args: list[str]) -> None:
    settings = hostile_index
    result = cli(*args, "--corpus", str(settings.corpus_dir), "--index", str(settings.index_dir))
    assert result.code == 0, result.err
    _assert_inert(result.out + result.err)
    assert result.out.strip()
    if "--json" in args:
        _assert_decoded_inert(json.loads(result.out))


def test_batch_output_is_inert(
    hostile_index: Any, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    settings = hostile_index
    monkeypatch.setattr("sys.stdin", io.StringIO(f'{QUESTION}\n{{"id": "{OSC52!r}"}}\n'))
    result = cli("ask", "--jsonl", "--index", str(settings.index_dir))
    _assert_inert(result.out + result.err)
    assert len(result.out.splitlines()) == 2
    for line in result.out.splitlines():
        _assert_decoded_inert(json.loads(line))


def test_errors_naming_a_hostile_folder_are_inert(tmp_path: Path, cli: Any) -> None:
    missing = tmp_path / f"gone{OSC52}\nsecond line"
    result = cli("index", "--corpus", str(missing), "--index", str(tmp_path / "i"))
    assert result.code != 0
    line = result.error_line()
    _assert_inert(result.err)
    assert "␊" in line and "␛" in line


def test_markdown_export_and_copied_text_are_inert(hostile_index: Any) -> None:
    assistant = open_assistant(hostile_index, build_if_missing=False)
    turns = [
        Turn(1, QUESTION, answer=assistant.ask(QUESTION)),
        Turn(2, f"vlorb {TITLE}", answer=assistant.ask("zzqx unknown vlorb")),
        Turn(3, "oops", error=f"failed {OSC52}"),
    ]
    assert any(OSC52 in c.doc_id for t in turns[:2] for c in t.answer.citations)  # type: ignore[union-attr]
    context = ExportContext("hash", f"/idx{OSC52}", f"/corpus{TITLE}")
    markdown = conversation_markdown(turns, context, datetime(2026, 1, 1))
    _assert_inert(markdown)
    for turn in turns:
        _assert_inert(answer_text(turn))
