"""`citeqa` as a user runs it (a fresh process, the real default model) given bad input:
empty, huge or hostile questions, a messy JSONL batch, no index at all (issue 3, point 7).

Every call goes through `run_citeqa`, which fails the test if stderr holds a traceback.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from integration_helpers import (
    FIRST_QUESTION,
    RealIndex,
    citeqa_executable,
    fake_settings,
    make_corpus,
    one_error_line,
    run_citeqa,
    subprocess_env,
)

from citeqa import publishing
from citeqa.api import build_index, open_assistant
from citeqa.cli.app import USAGE
from citeqa.errors import BadQuestion, IndexLocked, IndexMissing
from citeqa.ownership import LOCK

HOSTILE = "What is \x1b[31mbelimumab\x1b[0m\x07 used for?\x1b]0;pwned\x07\x08\x7f"


def test_empty_question(real_index: RealIndex) -> None:
    done = run_citeqa(["ask", ""], real_index.env, real_index.cwd)
    assert done.returncode == BadQuestion.exit_code != USAGE
    assert "empty" in one_error_line(done.stderr)
    assert done.stdout == ""


def test_empty_question_without_an_index_builds_nothing(tmp_path: Path) -> None:
    env = subprocess_env(make_corpus(tmp_path / "corpus"), tmp_path / "index")
    done = run_citeqa(["ask", "   "], env, tmp_path)
    assert done.returncode == BadQuestion.exit_code
    assert "empty" in one_error_line(done.stderr)  # and no "building it first"
    assert not (tmp_path / "index").exists()


def test_blank_question(real_index: RealIndex) -> None:
    done = run_citeqa(["ask", " \t \n ", "--json"], real_index.env, real_index.cwd)
    assert done.returncode == BadQuestion.exit_code
    assert "empty" in one_error_line(done.stderr)
    assert done.stdout == ""


def test_question_of_only_escape_sequences_is_empty(real_index: RealIndex) -> None:
    done = run_citeqa(["ask", "\x1b[2J\x1b[0m\x07"], real_index.env, real_index.cwd)
    assert done.returncode == BadQuestion.exit_code
    assert "empty" in one_error_line(done.stderr)


def test_no_question_at_all(real_index: RealIndex) -> None:
    done = run_citeqa(["ask"], real_index.env, real_index.cwd)
    assert done.returncode == USAGE
    one_error_line(done.stderr)


def test_huge_question_is_truncated_and_answered(real_index: RealIndex) -> None:
    question = ("How does belimumab work in lupus? " * 3000)[:100_000]
    assert len(question.encode()) == 100_000
    done = run_citeqa(["ask", question, "--json"], real_index.env, real_index.cwd)
    assert done.returncode == 0, done.stderr
    warning = one_error_line(done.stderr)
    assert "100,000 characters" in warning and "only the first" in warning
    answer = json.loads(done.stdout)
    assert answer["warnings"] == [warning.removeprefix("citeqa: ")]  # in the JSON too
    assert 0 < len(answer["question"]) <= 2_000
    assert answer["question"].startswith("How does belimumab work in lupus?")
    assert answer["passages"]


def test_control_characters_are_stripped(real_index: RealIndex) -> None:
    done = run_citeqa(["ask", HOSTILE, "--json"], real_index.env, real_index.cwd)
    assert done.returncode == 0, done.stderr
    echoed = json.loads(done.stdout)["question"]
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in echoed), repr(echoed)
    assert "belimumab" in echoed and "pwned" not in echoed and "[31m" not in echoed

    done = run_citeqa(["ask", HOSTILE], real_index.env, real_index.cwd)
    assert done.returncode == 0, done.stderr
    assert "\x1b" not in done.stdout and "\x07" not in done.stdout
    assert "Belimumab" in done.stdout


def test_jsonl_batch_with_bad_lines(real_index: RealIndex) -> None:
    lines = [
        "What is belimumab?",  # 1: plain text
        json.dumps({"id": "fr", "question": "Quel est le taux de réponse rénale ?"}),  # 2
        "",  # 3: blank, a skipped line
        json.dumps({"id": 42, "question": "How are kidney biopsies used in REFRACT?"}),  # 4
        '{"id": "broken", "question": ',  # 5: malformed JSON
        json.dumps({"id": "no-question", "text": "hello"}),  # 6: no question
        json.dumps({"id": "empty", "question": "   "}),  # 7: empty question
        "   ",  # 8: blank, a skipped line
        json.dumps({"question": "And CAR-T cells?"}),  # 9: no id: the line number
        json.dumps({"id": ["not", "an", "id"], "question": 7}),  # 10: bad id, bad question
        "What does belimumab \x1b[1mdo\x1b[0m?",  # 11: escape sequences
    ]
    done = run_citeqa(
        ["ask", "--jsonl"], real_index.env, real_index.cwd, stdin="\n".join(lines) + "\n"
    )
    assert done.returncode == BadQuestion.exit_code, (
        done.stderr
    )  # every line answered, but some failed
    assert one_error_line(done.stderr) == (
        "citeqa: 4 lines (5, 6, 7, 10) of the batch got an error object; the others were answered"
    )
    out = [json.loads(line) for line in done.stdout.splitlines()]
    ids = [1, "fr", None, 42, None, "no-question", "empty", None, 9, None, 11]
    assert [o["id"] for o in out] == ids  # an error line's id: its own, else null (s28 probe)
    skipped = {o["line"]: o for o in out if "skipped" in o}
    assert skipped == {  # no id: a question's own may be its line number (s27 hostile probe)
        n: {"id": None, "line": n, "skipped": "blank line: nothing to ask"} for n in (3, 8)
    }

    answered = {o["id"]: o for o in out if "error" not in o and "skipped" not in o}
    errors = {o["line"]: o for o in out if "error" in o}
    assert set(answered) == {1, "fr", 42, 9, 11}
    assert set(errors) == {5, 6, 7, 10}
    assert "not valid JSON" in errors[5]["error"]
    assert "question" in errors[6]["error"] and errors[6]["id"] == "no-question"
    assert "empty" in errors[7]["error"] and errors[7]["id"] == "empty"
    assert errors[10]["id"] is None
    for answer in answered.values():
        assert {"question", "abstained", "confidence", "answer", "citations", "passages"} <= set(
            answer
        )
        assert answer["passages"]
    assert answered["fr"]["question"] == "Quel est le taux de réponse rénale ?"
    assert "\x1b" not in answered[11]["question"]


def test_jsonl_empty_input(real_index: RealIndex) -> None:
    done = run_citeqa(["ask", "--jsonl"], real_index.env, real_index.cwd, stdin="\n  \n")
    assert done.returncode == 0, done.stderr
    assert [json.loads(line)["skipped"] for line in done.stdout.splitlines()] == [
        "blank line: nothing to ask"
    ] * 2


def test_question_and_jsonl_together(real_index: RealIndex) -> None:
    done = run_citeqa(["ask", "What?", "--jsonl"], real_index.env, real_index.cwd, stdin="")
    assert done.returncode == USAGE
    one_error_line(done.stderr)


def test_bad_option_is_a_usage_error(real_index: RealIndex) -> None:
    done = run_citeqa(["ask", "What is belimumab?", "--k", "0"], real_index.env, real_index.cwd)
    assert done.returncode == USAGE
    assert "--k" in done.stderr


def test_status_of_the_real_index(real_index: RealIndex) -> None:
    done = run_citeqa(["status"], real_index.env, real_index.cwd)
    assert done.returncode == 0, done.stderr
    assert "universal-sentence" in done.stdout and "Up to date" in done.stdout
    assert "STALE" not in done.stdout


# ---- no index yet ----------------------------------------------------------------------------


def test_status_without_an_index(tmp_path: Path) -> None:
    env = subprocess_env(make_corpus(tmp_path / "corpus"), tmp_path / "index")
    done = run_citeqa(["status"], env, tmp_path)
    assert done.returncode == IndexMissing.exit_code != 0
    message = one_error_line(done.stderr)
    assert "No index" in message and "citeqa index" in message
    assert not (tmp_path / "index").exists()


def test_status_during_the_first_build_says_it_runs_as_ask_does(tmp_path: Path, cli: Any) -> None:
    """While the first build of an index runs (its lock held, no index published yet), `status`
    said "No index …: run `citeqa index`" (exit 3) where `ask` said another build runs (exit
    4). Both now say the build runs and who runs it, exit 4; once it ends, "No index" again."""
    corpus = make_corpus(tmp_path / "corpus")
    index = tmp_path / "index"
    folders = {"corpus_dir": str(corpus), "index_dir": str(index)}
    with publishing.claimed_and_locked(index):  # as a first build holds it
        status = cli("status", **folders)
        asked = cli("ask", "How does belimumab work?", **folders)
    assert status.code == asked.code == IndexLocked.exit_code
    said = " ".join(status.err.split())
    assert f"its first build is running (pid {os.getpid()} on " in said
    assert "try again when it ends" in said and "run `citeqa index`" not in said
    assert " ".join(asked.err.split()) == said  # the one message, not a second build's
    after = cli("status", **folders)
    assert after.code == IndexMissing.exit_code and "run `citeqa index`" in after.err


def test_ask_builds_a_missing_index_first(real_index: RealIndex) -> None:
    """The shared real index was built by its first `citeqa ask`, as a new user's would be."""
    first = real_index.first_ask
    assert first["returncode"] == 0
    assert "no index in" in first["stderr"] and "building it first" in first["stderr"]
    assert (real_index.index / "current" / "manifest.json").is_file()
    answer = json.loads(first["stdout"])
    assert answer["question"] == FIRST_QUESTION
    assert not answer["abstained"] and answer["citations"]

    again = run_citeqa(["ask", FIRST_QUESTION, "--json"], real_index.env, real_index.cwd)
    assert again.returncode == 0 and "building" not in again.stderr
    assert json.loads(again.stdout)["citations"] == answer["citations"]


def test_ask_names_a_stale_index(tmp_path: Path, cli: Any) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    index = tmp_path / "index"
    build_index(fake_settings(corpus, index))
    (corpus / "biotherapy-in-lupus-faq.txt").write_text("Belimumab is a biotherapy.\n")

    done = cli("ask", "How does belimumab work?", corpus_dir=str(corpus), index_dir=str(index))

    assert done.code == 0, done.err
    assert "STALE" in done.err and "modified: biotherapy-in-lupus-faq.txt" in done.err
    assert "Belimumab" in done.out  # still answered, from the index as built


def test_every_way_of_asking_during_the_first_build_says_it_runs(
    tmp_path: Path, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`ask`, `ask --jsonl`, `eval` and the chat's start said "no index yet; building it first"
    then that another build runs (the chat: that other build), where `status` says the index's
    first build is running: each now gives `status`'s one message (exit 4 in the CLI)."""
    from citeqa.cli import eval_cmd  # noqa: F401  (command registration)

    corpus = make_corpus(tmp_path / "corpus")
    index = tmp_path / "index"
    folders = {"corpus_dir": str(corpus), "index_dir": str(index)}
    with publishing.claimed_and_locked(index):  # as a first build holds it
        expected = " ".join(cli("status", **folders).err.split())
        assert "its first build is running" in expected
        monkeypatch.setattr(sys, "stdin", io.StringIO("How does belimumab work?\n"))
        for args in (["ask", "How does belimumab work?"], ["ask", "--jsonl"], ["eval"]):
            done = cli(*args, **folders)
            assert done.code == IndexLocked.exit_code, (args, done.err)
            assert " ".join(done.err.split()) == expected, args
            assert done.out == ""
        from citeqa.cli.chat_cmd import _open

        with pytest.raises(IndexLocked) as raised:
            _open(fake_settings(corpus, index), lambda *progress: None)
        assert f"citeqa: {raised.value}" == expected
    assert not (index / "current").exists()


def _stale_index(tmp_path: Path) -> tuple[Path, Path]:
    """A corpus whose FAQ was edited after its index was built, and that index."""
    corpus = make_corpus(tmp_path / "corpus")
    index = tmp_path / "index"
    build_index(fake_settings(corpus, index))
    (corpus / "biotherapy-in-lupus-faq.txt").write_text("Belimumab is a biotherapy.\n")
    return corpus, index


STALE_NOTICE = (
    "the index is STALE, the corpus changed since it was built:"
    " 1 file modified: biotherapy-in-lupus-faq.txt;"
    " run `citeqa index` (`citeqa status` lists the changes)."
)
FAQ_QUOTED = "[1] quotes biotherapy-in-lupus-faq.txt as it was indexed; the file changed since."
"""The s20 trial: a stale index's answer quoted text its file no longer held, and nothing but
the index's notice said the file had changed; now the answer says which quote is the old one."""


def test_ask_json_on_a_stale_index_says_so_in_its_warnings(tmp_path: Path, cli: Any) -> None:
    """A program reading the JSON learns what stderr says, once on stderr."""
    corpus, index = _stale_index(tmp_path)

    done = cli(
        "ask", "How does belimumab work?", "--json", corpus_dir=str(corpus), index_dir=str(index)
    )

    assert done.code == 0, done.err
    assert json.loads(done.out)["warnings"] == [STALE_NOTICE, FAQ_QUOTED]
    assert " ".join(done.err.split()).count(STALE_NOTICE) == 1


def test_a_french_answer_says_the_stale_notice_in_french(tmp_path: Path, cli: Any) -> None:
    """Session 22: "Quel est …" on a stale index printed the notice in English above a French
    answer. The notice is said in the answer's language, on stderr and in the JSON, and the
    English one is not said beside it."""
    corpus, index = _stale_index(tmp_path)
    folders = {"corpus_dir": str(corpus), "index_dir": str(index)}

    done = cli("ask", "Comment agit le bélimumab ?", "--json", **folders)

    assert done.code == 0, done.err
    french = (
        "l’index est PÉRIMÉ, le corpus a changé depuis sa construction :"
        " 1 fichier modifié : biotherapy-in-lupus-faq.txt ;"
        " lancez `citeqa index` (`citeqa status` liste les changements)."
    )
    assert json.loads(done.out)["warnings"][0] == french
    assert " ".join(done.err.split()).count(french) == 1 and "STALE" not in done.err


def test_a_stale_index_being_updated_says_so_rather_than_ask_for_an_update(
    tmp_path: Path, cli: Any
) -> None:
    """The s13 trial: `ask` during the chat's update still said "run `citeqa index`". While a
    build holds the index's lock (here this process's, as another `citeqa index` holds it),
    `ask` and `status` say an update is in progress; a lock file a killed build left naming
    its holder, with no lock held, is no build running."""
    corpus, index = _stale_index(tmp_path)
    folders = {"corpus_dir": str(corpus), "index_dir": str(index)}
    with publishing.build_lock(index):
        asked = cli("ask", "How does belimumab work?", "--json", **folders)
        status = cli("status", **folders)
    warning, quoted = json.loads(asked.out)["warnings"]
    assert quoted == FAQ_QUOTED
    assert warning.startswith(STALE_NOTICE.partition("; run")[0])
    assert f"; an update of the index is in progress (pid {os.getpid()} on " in warning
    assert "run `citeqa index`" not in warning
    said = " ".join(status.out.split())
    assert "an update of the index is in progress (pid " in said
    assert "run `citeqa index`" not in said
    (index / LOCK).write_text(f"pid {os.getpid()} on a host, started long ago")  # none holds it
    asked = cli("ask", "How does belimumab work?", "--json", **folders)
    assert json.loads(asked.out)["warnings"] == [STALE_NOTICE, FAQ_QUOTED]
    assert "run `citeqa index`" in " ".join(cli("status", **folders).out.split())


def test_a_lock_file_holder_is_said_on_one_line_and_cut(tmp_path: Path, cli: Any) -> None:
    """The holder a lock file names is another process's words: one written "pid 1\\nFAKE
    LINE" forged a second line in `ask`'s warning (stderr and JSON) and in `status`, and a
    long one was said whole. It is said on one line (␊ for the newline), a long one by its
    ends and its length."""
    corpus, index = _stale_index(tmp_path)
    folders = {"corpus_dir": str(corpus), "index_dir": str(index)}
    with publishing.build_lock(index):
        (index / LOCK).write_text("pid 1\nFAKE LINE " + "x" * 1000)  # the lock stays held
        asked = cli("ask", "How does belimumab work?", "--json", **folders)
        status = cli("status", **folders)
    warning, quoted = json.loads(asked.out)["warnings"]
    assert quoted == FAQ_QUOTED
    assert "(pid 1␊FAKE LINE xxx" in warning and "\n" not in warning
    assert "(1,016 characters)" in warning and len(warning) < 600
    [said] = [line for line in status.out.splitlines() if "in progress" in line]
    assert "pid 1␊FAKE LINE" in said
    assert "FAKE LINE" not in status.out.replace(said, "")
    assert "FAKE LINE" not in asked.err.replace("pid 1␊FAKE LINE", "")


def test_a_jsonl_batch_on_a_stale_index_says_so_in_every_answer(
    tmp_path: Path, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus, index = _stale_index(tmp_path)
    monkeypatch.setattr(sys, "stdin", io.StringIO("How does belimumab work?\nWhat is lupus?\n"))

    done = cli("ask", "--jsonl", corpus_dir=str(corpus), index_dir=str(index))

    assert done.code == 0, done.err
    answers = [json.loads(line) for line in done.out.splitlines()]
    assert answers[0]["warnings"] == [STALE_NOTICE, FAQ_QUOTED]
    cites_faq = any(c["path"].endswith("faq.txt") for c in answers[1]["citations"])
    assert answers[1]["warnings"][0] == STALE_NOTICE
    assert any("as it was indexed" in w for w in answers[1]["warnings"]) == cites_faq
    assert " ".join(done.err.split()).count(STALE_NOTICE) == 1


def _ask_json_of_a_fresh_index(tmp_path: Path, cli: Any, **env: str) -> Any:
    """`citeqa ask --json` (with `env`'s settings) on an index just built of the test corpus."""
    corpus = make_corpus(tmp_path / "corpus")
    build_index(fake_settings(corpus, tmp_path / "index"))
    where = {"corpus_dir": str(corpus), "index_dir": str(tmp_path / "index")}
    return cli("ask", "How does belimumab work?", "--json", **where, **env)


def test_an_index_of_other_channels_than_the_settings_says_so_in_the_answer_json(
    tmp_path: Path, cli: Any
) -> None:
    """The settings ask for channels the index was not built with: the index answers with its
    own, and the JSON's warnings say so (they said nothing: the notice went to stderr only)."""
    done = _ask_json_of_a_fresh_index(tmp_path, cli, channels='["fake", "use"]')

    assert done.code == 0, done.err
    warnings = json.loads(done.out)["warnings"]
    assert len(warnings) == 1 and "built with the channels fake" in warnings[0]
    assert " ".join(done.err.split()).count("built with the channels fake") == 1


def test_an_up_to_date_index_gives_no_warning(tmp_path: Path, cli: Any) -> None:
    done = _ask_json_of_a_fresh_index(tmp_path, cli)

    assert done.code == 0, done.err
    assert json.loads(done.out)["warnings"] == [] and "STALE" not in done.err


def test_the_api_puts_the_stale_notice_in_warnings_when_asked_to(tmp_path: Path) -> None:
    corpus, index = _stale_index(tmp_path)
    settings = fake_settings(corpus, index)

    warned = open_assistant(settings, index_warnings=True)
    assert warned.ask("How does belimumab work?").warnings == [STALE_NOTICE, FAQ_QUOTED]
    assert warned.session().ask("How does belimumab work?").warnings == [
        STALE_NOTICE,
        FAQ_QUOTED,
    ]
    quiet = open_assistant(settings)  # answering reads no file list (the chat: a banner)
    assert quiet.ask("How does belimumab work?").warnings == []
    assert quiet.stale_notice() == STALE_NOTICE
    assert quiet.ask("How does belimumab work?").warnings == [FAQ_QUOTED]  # changes known now


def test_after_the_chats_status_an_answer_names_its_quotes_of_changed_files(
    tmp_path: Path,
) -> None:
    """The chat reads the index's status for its banner; answers then say which quote comes
    from a file changed since the build, as `ask` does, with no walk of the corpus of their
    own."""
    corpus, index = _stale_index(tmp_path)
    chat = open_assistant(fake_settings(corpus, index))
    assert chat.status().stale
    assert chat.ask("How does belimumab work?").warnings == [FAQ_QUOTED]


def test_index_warnings_are_the_assistants_own_not_its_copies(tmp_path: Path) -> None:
    corpus, index = _stale_index(tmp_path)
    warned = open_assistant(fake_settings(corpus, index), index_warnings=True)
    copy = warned.configured(k=3)  # shares the loaded index, starts with the option
    assert copy.ask("How does belimumab work?").warnings == [STALE_NOTICE, FAQ_QUOTED]
    copy.index_warnings = False  # no index notice; the changes it found still name the quote
    assert copy.ask("How does belimumab work?").warnings == [FAQ_QUOTED]
    assert warned.ask("How does belimumab work?").warnings == [STALE_NOTICE, FAQ_QUOTED]
    assert not open_assistant(fake_settings(corpus, index)).index_warnings


@pytest.mark.parametrize(
    ("added", "said"),
    [
        (1, ": 1 file added: new-0.txt; run"),
        (6, ": 6 files added; run"),
        (9, ": 9 files added; run"),
    ],
)
def test_a_stale_notice_counts_the_changes_of_a_kind(
    tmp_path: Path, cli: Any, added: int, said: str
) -> None:
    """`ask` named each changed file: an upgrade made a notice of 900 characters. It counts
    the files of each kind, naming one when it is alone (`citeqa status` names them)."""
    corpus = make_corpus(tmp_path / "corpus")
    index = tmp_path / "index"
    build_index(fake_settings(corpus, index))
    for number in range(added):
        (corpus / f"new-{number}.txt").write_text(f"Note {number} on belimumab.\n")

    done = cli("ask", "How does belimumab work?", corpus_dir=str(corpus), index_dir=str(index))

    assert done.code == 0, done.err
    warning = " ".join(done.err.split())
    assert f"the corpus changed since it was built{said}" in warning
    assert warning.count("new-") == (added == 1)
    status = cli("status", corpus_dir=str(corpus), index_dir=str(index))
    names = ", ".join(f"new-{number}.txt" for number in range(min(added, 5)))
    assert f"  {added} file{'s' * (added > 1)} added: {names}" in status.out


@pytest.mark.parametrize(
    "args",
    [
        ["ask", FIRST_QUESTION],  # rich's console
        ["ask", FIRST_QUESTION, "--json"],  # print, flushed at the end
        ["status"],
        ["--help"],  # click's own output
    ],
)
def test_a_closed_stdout_ends_quietly_with_141(real_index: RealIndex, args: list[str]) -> None:
    """`citeqa ... | head -1`: the reader is gone before citeqa writes; citeqa ends with 141
    (128 + SIGPIPE, as the README says) and nothing on stderr, where click exited with 1."""
    reader, writer = os.pipe()
    os.close(reader)  # whatever citeqa writes now meets a closed pipe
    try:
        done = subprocess.run(
            [*citeqa_executable(), *args],
            stdout=writer,
            stderr=subprocess.PIPE,
            text=True,
            env=real_index.env,
            cwd=real_index.cwd,
            timeout=180,
        )
    finally:
        os.close(writer)
    assert done.returncode == 141
    assert done.stderr == ""


def test_the_folders_before_a_command_are_its_own(real_index: RealIndex) -> None:
    """`citeqa --corpus DIR --index DIR status` is `citeqa status --corpus DIR --index DIR`:
    `citeqa --help` lists both options before the command (the user trial found them refused)."""
    folders = ["--corpus", str(real_index.corpus), "--index", str(real_index.index)]
    named = ("CITEQA_CORPUS_DIR", "CITEQA_INDEX_DIR")
    env = {k: v for k, v in real_index.env.items() if k not in named}
    before = run_citeqa([*folders, "status", "--json"], env, real_index.cwd)
    after = run_citeqa(["status", "--json", *folders], env, real_index.cwd)
    assert before.returncode == after.returncode == 0, before.stderr
    assert json.loads(before.stdout) == json.loads(after.stdout)
    assert json.loads(before.stdout)["index_dir"] == str(real_index.index)
