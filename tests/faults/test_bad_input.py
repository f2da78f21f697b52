"""Bad input gives one clear line and a non-zero exit, never a traceback (issue 10, item 4):
symlink loops in the corpus, bytes that are not UTF-8 in a question, malformed settings."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Any

import pytest
from fault_helpers import QUESTION, fake_settings, make_corpus

from citeqa.api import build_index


@pytest.fixture
def looping(tmp_path: Path) -> Any:
    corpus = make_corpus(tmp_path / "corpus")
    os.symlink("a.txt", corpus / "b.txt")
    os.symlink("b.txt", corpus / "a.txt")
    os.symlink("nowhere.txt", corpus / "dangling.txt")
    (corpus / "sub").mkdir()
    os.symlink("..", corpus / "sub" / "up")
    os.symlink("self.md", corpus / "sub" / "self.md")
    settings = fake_settings(corpus, tmp_path / "index")
    return settings


@pytest.mark.parametrize(
    "args", [["index"], ["status"], ["ask", QUESTION], ["ask", QUESTION, "--json"]]
)
def test_symlink_loops_in_the_corpus(looping: Any, cli: Any, args: list[str]) -> None:
    build_index(looping)  # a good index beside the loops
    where = ["--corpus", str(looping.corpus_dir), "--index", str(looping.index_dir)]
    result = cli(*args, *where)
    assert result.code == 0, result.err
    if args == ["index"]:
        assert "symbolic link loop" in result.out


def test_a_symlink_loop_while_building_first(looping: Any, cli: Any) -> None:
    where = ["--corpus", str(looping.corpus_dir), "--index", str(looping.index_dir)]
    result = cli("index", *where)
    assert result.code == 0, result.err
    assert "skipped, symbolic link loop (3): a.txt, b.txt, sub/self.md" in result.out
    assert "broken symbolic link" in result.out


def test_a_current_link_loop_is_a_clear_error(tmp_path: Path, cli: Any) -> None:
    index = tmp_path / "index"
    index.mkdir()
    os.symlink("current", index / "current")
    result = cli("status", "--index", str(index))
    assert result.code == 6
    assert "missing build" in result.error_line()


def test_invalid_utf8_in_a_question(looping: Any, cli: Any) -> None:
    build_index(looping)
    question = os.fsdecode(b"renal \xff biopsy")  # how Python hands such bytes of argv over
    result = cli("ask", question, "--json", "--index", str(looping.index_dir))
    assert result.code == 0, result.err
    answer = json.loads(result.out)
    assert "\udcff" not in answer["question"] and "renal" in answer["question"]
    assert cli("ask", question, "--index", str(looping.index_dir)).code == 0


def test_invalid_utf8_in_a_batch_answers_the_rest(
    looping: Any, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_index(looping)
    lines = (
        b'How does belimumab work?\nrenal \xff\xfe biopsy\n\xff\n{"id": 7, "question": "biopsy?"}\n'
    )
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(lines), encoding="utf-8"))
    result = cli("ask", "--jsonl", "--index", str(looping.index_dir))
    assert result.code == 0, result.err
    answers = [json.loads(line) for line in result.out.splitlines()]
    assert len(answers) == 4
    assert [a.get("id") for a in answers] == [1, 2, 3, 7]
    assert all("passages" in a for a in answers[:2]) and "passages" in answers[3]


@pytest.mark.parametrize(
    ("name", "value", "shown"),
    [
        ("K", "abc", "k:"),
        ("K", "0", "k:"),
        ("CHUNK_SIZE", "0", "chunk_size"),
        ("CHUNK_SIZE", "-5", "chunk_size"),
        ("CHUNK_OVERLAP", "900", "chunk_overlap"),
        ("CHUNK_OVERLAP", "-1", "chunk_overlap"),
        ("ABSTAIN_THRESHOLD", "2", "abstain_threshold"),
        ("FUSION", "magic", "fusion"),
        ("WEIGHT_VECTORS", "nan?", "weight_vectors"),
        # an infinite weight made every fused score NaN and quietly abstained (probe s10-pr)
        ("WEIGHT_LEXICAL", "inf", "weight_lexical: Input should be a finite number"),
        ("WEIGHT_VECTORS", "1e309", "weight_vectors: Input should be a finite number"),
        ("CHANNEL_WEIGHTS", '{"fake": 1e309}', "channel_weights.fake: Input should be a finite"),
        ("MIN_CONFIDENCE", "nan", "min_confidence: Input should be a finite number"),
        ("CHANNELS", "[", "channels"),
        ("CHANNELS", '["nope"]', "unknown vector channel 'nope'; known: "),
        ("CHANNELS", '["fake", "nope"]', "unknown vector channel 'nope'"),
        # a 100 KB name is not repeated whole (probe s10-pr)
        ("CHANNELS", "x" * 100_000, f"channel '{'x' * 60}…{'x' * 60}' (100,000 characters); "),
    ],
)
@pytest.mark.parametrize("command", [["status"], ["index"], ["ask", QUESTION], ["chat"]])
def test_malformed_settings(
    tmp_path: Path, cli: Any, name: str, value: str, shown: str, command: list[str]
) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    result = cli(*command, "--corpus", str(corpus), "--index", str(tmp_path / "i"), **{name: value})
    assert result.code == 11
    assert shown in result.error_line()
    assert not (tmp_path / "i").exists()


def test_a_library_warning_is_one_sanitised_citeqa_line(
    tmp_path: Path, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A dependency's warning (qdrant-client warns of an API key sent over http) reaches the
    terminal as one clean `citeqa: warning:` line, not Python's file:line and source."""
    import warnings

    from citeqa import api

    def warning_status(settings: Any, **_: Any) -> None:
        insecure = "Api key is used with an \x1b[31minsecure\x1b[0m connection."
        warnings.warn(insecure, UserWarning, stacklevel=2)
        raise api.IndexMissing(settings.index_dir)

    monkeypatch.setattr(api, "index_status", warning_status)
    result = cli("status", "--corpus", str(make_corpus(tmp_path / "corpus")))
    # warning lines, not this test's folder ("…/test_a_library_warning_is_one_0/corpus") that
    # the missing index's message names since `status` says which `citeqa index --corpus` to run
    warned = [line for line in result.err.splitlines() if "warning:" in line]
    assert warned == [warned[0]] and warned[0].startswith("citeqa: warning: Api key is used")
    assert "\x1b" not in result.err and "UserWarning" not in result.err
    assert result.code != 0


@pytest.mark.parametrize("deep", ["manifest.json", "terms.json"])
def test_a_data_file_nested_too_deeply_is_ignored_with_one_warning(
    tmp_path: Path, cli: Any, deep: str
) -> None:
    """json raises RecursionError, not ValueError, on '[' * 100000: still one warning."""
    corpus = make_corpus(tmp_path / "corpus")
    (corpus / "manifest.json").write_text(json.dumps({"domain": "terms.json"}), encoding="utf-8")
    (corpus / "terms.json").write_text(json.dumps({"groups": [["kidney", "rein"]]}))
    (corpus / deep).write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    result = cli("index", "--corpus", str(corpus), "--index", str(tmp_path / "i"))
    assert result.code == 0, result.err
    assert "Traceback" not in result.err and "RecursionError" not in result.err
    warned = [
        line for line in (result.out + result.err).splitlines() if "nested too deeply" in line
    ]
    assert len(warned) == 1 and deep in warned[0]
    assert cli("status", "--corpus", str(corpus), "--index", str(tmp_path / "i")).code == 0


@pytest.mark.parametrize(
    ("bad", "code"),
    [("ask", 6), ("question", 10), ("both", 6)],
)
def test_a_batch_exits_with_the_code_of_what_failed(
    looping: Any, cli: Any, monkeypatch: pytest.MonkeyPatch, bad: str, code: int
) -> None:
    """A question that cannot be used is exit 10; a failure of the index (or the models) on
    some line exits with that error's own code, every line still answered or given an error."""
    from citeqa import api
    from citeqa.errors import IndexCorrupt

    build_index(looping)
    asked = api.Assistant.ask

    def ask(self: Any, question: str, *args: Any, **kwargs: Any) -> Any:
        if "broken" in question:
            raise IndexCorrupt("Index file chunks.jsonl is truncated")
        return asked(self, question, *args, **kwargs)

    monkeypatch.setattr(api.Assistant, "ask", ask)
    lines = ["How does belimumab work?"]
    lines += ["broken biopsy?"] if bad in ("ask", "both") else []
    lines += ['{"id": 9}'] if bad in ("question", "both") else []
    lines += ['{"q": ' + "[" * 100_000 + "]" * 100_000 + "}"] if bad == "question" else []
    stdin = io.StringIO("\n".join(lines) + "\n")
    monkeypatch.setattr("sys.stdin", stdin)
    result = cli("ask", "--jsonl", "--index", str(looping.index_dir))
    assert result.code == code
    answers = [json.loads(line) for line in result.out.splitlines()]
    assert len(answers) == len(lines) and "passages" in answers[0]
    assert all("error" in answer for answer in answers[1:])
    last = result.error_line()
    if code == 6:
        assert last == "citeqa: Index file chunks.jsonl is truncated"
    else:
        assert "got an error object; the others were answered" in last
    if bad == "question":
        assert answers[2]["error"] == "line 3 cannot be read as JSON (nested too deeply to read)"


def test_a_skipped_line_s_id_is_never_a_question_s(
    looping: Any, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """s27 hostile probe: a blank line 3 answered with id 3, the id a question's own line
    gave (`{"id": 3}`, or "3" once a script keys answers by text): its answer was lost."""
    build_index(looping)
    lines = [
        '{"id": 3, "question": "How does belimumab work?"}',
        '{"id": "3", "question": "What is belimumab?"}',
        "",
    ]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(lines) + "\n"))
    result = cli("ask", "--jsonl", "--index", str(looping.index_dir))
    answers = [json.loads(line) for line in result.out.splitlines()]
    assert result.code == 0 and [answer["id"] for answer in answers] == [3, "3", None]
    assert answers[2]["line"] == 3 and "skipped" in answers[2]
    assert {str(answer["id"]) for answer in answers[:2]}.isdisjoint({str(answers[2]["id"])})


def test_an_error_line_s_id_is_its_own_never_its_line_number(
    looping: Any, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """s28 hostile probe: `{"id": 5}` on line 2 and a line 5 not read as JSON both answered
    with id 5. An error object's id is the line's own, null when it gave none (as a skipped
    line's is); a plain line answered still takes its line number."""
    build_index(looping)
    lines = [
        "How does belimumab work?",
        '{"id": 5, "question": "What is belimumab?"}',
        '{"id": "x"}',
        '{"question": "What is belimumab?", "id": [1]}',
        '{"id": 7, "question": ',
    ]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(lines) + "\n"))
    result = cli("ask", "--jsonl", "--index", str(looping.index_dir))
    answers = [json.loads(line) for line in result.out.splitlines()]
    assert result.code == 10 and [answer["id"] for answer in answers] == [1, 5, "x", 4, None]
    assert ["error" in answer for answer in answers] == [False, False, True, False, True]
    assert answers[4]["line"] == 5 and "not valid JSON" in answers[4]["error"]


def test_a_batch_line_with_nothing_visible_is_skipped_as_a_blank_line_is(
    looping: Any, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A line of only U+200E (or an escape sequence) is skipped as a blank line is: a line
    saying so in its place (one output line per input line: s27 trial, a script pairing by
    order broke on 99 answers for 100 lines), no error object, exit 0; an object whose
    question has nothing visible is still an error object."""
    build_index(looping)
    lines = ["How does belimumab work?", "\u200e", "\x1b[31m\u200b", "", "What is belimumab?"]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(lines) + "\n"))
    result = cli("ask", "--jsonl", "--index", str(looping.index_dir))
    answers = [json.loads(line) for line in result.out.splitlines()]
    assert result.code == 0 and [answer["id"] for answer in answers] == [1, None, None, None, 5]
    assert [answer.get("skipped") for answer in answers[1:4]] == ["blank line: nothing to ask"] * 3
    assert [answer["line"] for answer in answers[1:4]] == [2, 3, 4]
    assert "error" not in answers[2] and "question" in answers[4]
    monkeypatch.setattr("sys.stdin", io.StringIO('{"id": "z", "question": "\u200e"}\n'))
    result = cli("ask", "--jsonl", "--index", str(looping.index_dir))
    assert result.code == 10 and json.loads(result.out)["error"].startswith("The question is empty")


def test_an_unexpected_error_on_one_batch_line_stops_only_that_line(
    looping: Any, cli: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An error no citeqa error names (a bug: a RecursionError once) ended the batch at its
    line with a traceback, the later lines never answered. It is that line's error object now,
    the later lines are answered, and the error is raised once the batch is done (a bug is
    still reported as for one question), after the warning that says which line."""
    from citeqa import api

    build_index(looping)
    asked = api.Assistant.ask

    def ask(self: Any, question: str, *args: Any, **kwargs: Any) -> Any:
        if "buggy" in question:
            raise RecursionError("maximum recursion depth exceeded")
        return asked(self, question, *args, **kwargs)

    monkeypatch.setattr(api.Assistant, "ask", ask)
    lines = ["How does belimumab work?", '{"id": "b", "question": "buggy?"}', "biopsy?"]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(lines) + "\n"))
    with pytest.raises(RecursionError):
        cli("ask", "--jsonl", "--index", str(looping.index_dir))
    out, err = capsys.readouterr()
    answers = [json.loads(line) for line in out.splitlines()]
    assert [a.get("id") for a in answers] == [1, "b", 3]
    assert "passages" in answers[0] and "passages" in answers[2]
    assert answers[1] == {
        "id": "b",
        "error": "unexpected error (RecursionError: maximum recursion depth exceeded);"
        " please report it",
        "line": 2,
    }
    assert "line 2 of the batch got an error object; the others were answered" in err


def test_an_unexpected_errors_long_message_is_bounded_whole() -> None:
    """A bug's message of many short words (no one long run for `cut_words` to cut) made an
    error object as long as the message: the whole message is cut (visible.cut), its kind and
    "please report it" kept."""
    from citeqa.cli.ask_cmd import unexpected_error

    said = unexpected_error(ValueError("bad value " * 100_000))
    assert len(said) < 300
    assert said.startswith("unexpected error (ValueError: bad value bad value")
    assert said.endswith("please report it (1,000,049 characters)")


def test_a_batch_line_with_a_huge_number_is_one_clear_error(
    looping: Any, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A line whose id is a number of 5,000 digits gets an error object in plain words (it
    read "line 1 is JSON Exceeds the limit (4300 digits) … use sys.set_int_max_str_digits()"),
    and the next line is answered."""
    build_index(looping)
    lines = ['{"id": 1' + "0" * 5000 + ', "question": "belimumab?"}', "How does belimumab work?"]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(lines) + "\n"))
    result = cli("ask", "--jsonl", "--index", str(looping.index_dir))
    assert result.code == 10
    answers = [json.loads(line) for line in result.out.splitlines()]
    assert answers[0] == {
        "id": None,  # its id was never read
        "error": "line 1 cannot be read as JSON (a number too long to read)",
        "line": 1,
    }
    assert "passages" in answers[1]


def test_a_batch_line_too_long_to_hold_is_one_error_and_the_rest_is_answered(
    looping: Any, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A batch line was read whole however long: a 300 MB line with no newline took 726 MB
    (a question is used up to max_question_chars only). Past BATCH_LINE_MAX it is an error
    object, read in pieces of that size and dropped, and the next lines are answered; a line of
    exactly BATCH_LINE_MAX characters is not too long."""
    build_index(looping)
    monkeypatch.setattr("citeqa.cli.ask_cmd.BATCH_LINE_MAX", 1000, raising=False)
    held: list[int] = []
    stdin = io.StringIO("How does belimumab work?\n" + "x" * 4500 + "\n\n" + "y" * 1000 + "\n")
    readline = stdin.readline

    def read_line(size: int = -1) -> str:
        line = readline(size)
        held.append(len(line))
        return line

    monkeypatch.setattr(stdin, "readline", read_line)
    monkeypatch.setattr("sys.stdin", stdin)
    result = cli("ask", "--jsonl", "--index", str(looping.index_dir))
    assert result.code == 10
    answers = [json.loads(line) for line in result.out.splitlines()]
    assert [a.get("id") for a in answers] == [1, None, None, 4]  # line 3 is blank: a skipped line
    assert answers[1] == {"id": None, "error": "line 2 is longer than 1,000 characters", "line": 2}
    assert "passages" in answers[0] and "passages" in answers[3]
    assert max(held) == 1001  # the long line never held whole (a line of 1,000 and its newline)


def test_a_mail_whose_sender_nests_parentheses_too_deeply_is_indexed(
    tmp_path: Path, cli: Any
) -> None:
    """email.utils recurses once per "(" of a From value: a file of 2,000 is read, and so is
    every other file (the s18 second mail review: RecursionError stopped the build)."""
    corpus = make_corpus(tmp_path / "corpus")
    nested = "From: t@example.org " + "(" * 2000 + "\nSubject: Nested\n\nThe fridge is at 4 C.\n"
    (corpus / "nested.txt").write_text(nested, encoding="utf-8")
    where = ["--corpus", str(corpus), "--index", str(tmp_path / "index")]
    result = cli("index", *where)
    assert result.code == 0, result.err
    assert "Traceback" not in result.err
    answer = cli("ask", "What temperature is the fridge at?", "--json", *where)
    assert "nested.txt" in answer.out
