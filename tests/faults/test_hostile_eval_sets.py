"""A question set is data like a document: its ids, questions, kinds and languages may hold
escape sequences, bidi controls, Rich markup and newlines, and neither the Markdown report
(`--report`, `--markdown`) nor the terminal's tables may carry them raw, read them as markup,
or let a newline break a table or a list."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from fault_helpers import make_corpus

from citeqa.api import build_index
from small_corpora import fake_settings

ESC = "\x1b]0;pwned\x07\x1b[2J"
RLO = "\u202e"


def _raw_controls(text: str) -> set[str]:
    return {hex(ord(c)) for c in text if unicodedata.category(c) in ("Cc", "Cf", "Cs", "Zl")} - {
        hex(ord("\n"))
    }


def _hostile_set(path: Path) -> Path:
    rows = [  # none can be answered by the two documents: every one is listed as a miss
        {"id": f"h1{ESC}", "question": f"What is the sponsor{RLO} code{ESC}?",
         "doc_id": "biotherapy-in-lupus-faq", "answers": ["zzqx-never-there"],
         "kinds": [f"kind{ESC}", f"line\nbreak{RLO}"], "lang": f"en{RLO}", "split": "dev"},
        {"id": "h2\nsecond line", "question": "Which\nline\rbreaks?\u2028",
         "doc_id": "refract-lupus-nephritis-biopsies", "answers": ["zzqy-never-there"],
         "kinds": ["plain"], "split": "dev"},
    ]  # fmt: skip
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def test_the_markdown_report_of_a_hostile_set_is_inert(tmp_path: Path, cli: Any) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    index = tmp_path / "index"
    build_index(fake_settings(corpus, index))
    questions = _hostile_set(tmp_path / "hostile.jsonl")
    report = tmp_path / "report.md"
    where = ["--set", str(questions), "--corpus", str(corpus), "--index", str(index)]
    result = cli("eval", *where, "--no-ablations", "--split", "dev", "--report", str(report))
    assert result.code == 0, result.err
    shown = cli("eval", *where, "--no-ablations", "--split", "dev", "--markdown")
    assert shown.code == 0, shown.err
    for text in (report.read_text(encoding="utf-8"), shown.out):
        assert _raw_controls(text) == set()
        assert "kind␛]0;pwned␇␛[2J" in text  # the kinds breakdown names the group, visibly
        assert "What is the sponsor� code␛]0;pwned␇␛[2J?" in text  # listed among the misses
        assert "- `h2␊second line` (dev, en→en): Which␊line␍breaks?␤" in text
        for line in text.splitlines():  # no cell or list item broken over two lines
            assert not line.startswith(("second line", "line", "break", "breaks")), line


def test_the_tables_of_a_hostile_set_are_inert(tmp_path: Path, cli: Any) -> None:
    """The language-pair table showed a set's `lang` raw: its escapes reached the terminal, and
    Rich read it as markup, so a `lang` of "[/bold]" ended eval in a MarkupError traceback."""
    corpus = make_corpus(tmp_path / "corpus")
    index = tmp_path / "index"
    build_index(fake_settings(corpus, index))
    questions = _hostile_set(tmp_path / "hostile.jsonl")
    rows = [json.loads(line) for line in questions.read_text(encoding="utf-8").splitlines()]
    rows[1]["lang"] = "[/bold][red]fr"
    questions.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    where = ["--set", str(questions), "--corpus", str(corpus), "--index", str(index)]
    result = cli("eval", *where, "--no-ablations", "--split", "dev")
    assert result.code == 0, result.err
    assert _raw_controls(result.out) == set()
    assert "en�→en" in result.out and "[/bold][red]fr→en" in result.out


@pytest.mark.parametrize(("asked_mid_session", "tables"), [(False, 1), (True, 2)])
def test_every_table_shows_a_registered_sets_name_inert(
    capsys: Any, asked_mid_session: bool, tables: int
) -> None:
    """A set's name comes from the registry (evals/sets/sets.json of the working folder):
    "[/bold]" in it ended `eval --sets` in a MarkupError traceback, its escapes reached the
    terminal raw; once the per-set table showed it inert, the mid-session table (printed by
    `eval --sets ... --quick`) still read it as markup."""
    from citeqa.cli.eval_cmd import print_corpora
    from citeqa.evaluation.corpora import CorporaReport, SetReport
    from citeqa.evaluation.metrics import Metrics
    from citeqa.evaluation.midsession import MidSession

    name = f"[/bold]set{ESC}{RLO}"
    mid_session = MidSession(asked=1, same=1, read_as_follow_up=0) if asked_mid_session else None
    one = SetReport(name=name, kind="paragraphs", split="test", corpus_dir="c", n=0,
                    systems={"citeqa": Metrics(n=0, answerable=0, unanswerable=0)},
                    mid_session=mid_session)  # fmt: skip
    print_corpora(CorporaReport(created_at="now", split="test", sets=[one], macro={}))
    out = capsys.readouterr().out
    assert _raw_controls(out) == set()
    assert "[/bold]set␛]0;pwned␇␛[2J�" in out
    assert out.count("[/bold]set␛]0;pwned␇␛[2J�") == tables


def _decoded_strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (*_decoded_strings(k), *_decoded_strings(v))]
    if isinstance(value, list):
        return [s for item in value for s in _decoded_strings(item)]
    return []


def test_the_json_report_of_a_hostile_set_decodes_inert(tmp_path: Path, cli: Any) -> None:
    """`eval --json | jq -r` printed a question id's escape sequences raw."""
    corpus = make_corpus(tmp_path / "corpus")
    index = tmp_path / "index"
    build_index(fake_settings(corpus, index))
    questions = _hostile_set(tmp_path / "hostile.jsonl")
    where = ["--set", str(questions), "--corpus", str(corpus), "--index", str(index)]
    result = cli("eval", *where, "--no-ablations", "--split", "dev", "--json")
    assert result.code == 0, result.err
    strings = _decoded_strings(json.loads(result.out))
    assert "What is the sponsor� code␛]0;pwned␇␛[2J?" in strings  # text: `clean`
    assert "h2␊second line" in strings  # an id is a name: `shown`, as the tables show it
    for text in strings:  # a line separator in a question's text is a letter to `clean`
        assert _raw_controls(text) <= {hex(0x2028)}, text
