"""The conventions a Python CLI keeps (issue 12): `--version` with the channels' models, `-h` on
every command with an example, completion install, one exit code per error class (listed in
the README), build wording, and a status that never cuts names."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from integration_helpers import make_corpus, subprocess_env

import citeqa
from citeqa import errors, userdirs
from citeqa.cli import ask_cmd, chat_cmd, eval_cmd, index_cmds  # noqa: F401  (registration)
from citeqa.cli.app import PIPE_CLOSED, USAGE
from citeqa.embedding import get_embedder, known_channels

COMMANDS = ("ask", "chat", "eval", "index", "status")
README = Path(__file__).resolve().parents[2] / "README.md"


def _error_classes() -> list[type[errors.CiteqaError]]:
    return [
        value
        for value in vars(errors).values()
        if isinstance(value, type) and issubclass(value, errors.CiteqaError)
    ]


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version_names_the_channels_and_their_models(cli: Any, flag: str) -> None:
    done = cli(flag)
    assert done.code == 0, done.err
    assert done.out.startswith(f"citeqa {citeqa.__version__} ")
    for name in known_channels():
        embedder = get_embedder(name)
        assert f"{name}" in done.out and embedder.model in done.out
        assert f"{embedder.package} {embedder.version}" in done.out


@pytest.mark.parametrize("args", [[], *([c] for c in COMMANDS)])
def test_short_help_everywhere_with_an_example(cli: Any, args: list[str]) -> None:
    done = cli(*args, "-h")
    assert done.code == 0, done.err
    assert done.out.startswith(" ".join(["Usage: citeqa", *args])) and "-h, --help" in done.out
    assert re.search(r"Examples?:\n +citeqa ", done.out), done.out
    assert done.out == cli(*args, "--help").out


def test_completion_can_be_installed(cli: Any) -> None:
    help_text = cli("-h").out
    assert "--install-completion" in help_text and "--show-completion" in help_text


def test_each_error_class_has_its_own_exit_code() -> None:
    """Each error class has an exit code of its own, except a process limit met reading the
    index (ProcessLimit), which exits 1 as the same limit met anywhere else (the README's exit
    codes)."""
    shared = (errors.CiteqaError, errors.ProcessLimit)
    codes = {cls: cls.exit_code for cls in _error_classes() if cls not in shared}
    assert len(set(codes.values())) == len(codes), codes
    assert USAGE not in codes.values() and 0 not in codes.values()
    assert errors.CiteqaError.exit_code not in codes.values()
    assert errors.ProcessLimit.exit_code == errors.CiteqaError.exit_code == 1


def test_the_readme_lists_every_exit_code() -> None:
    listed = {int(n) for n in re.findall(r"^\| (\d+) \|", README.read_text(), re.MULTILINE)}
    expected = {0, USAGE, 130, PIPE_CLOSED} | {cls.exit_code for cls in _error_classes()}
    assert listed == expected


def test_usage_errors_stay_2(cli: Any, tmp_path: Path) -> None:
    assert cli("--no-such-option").code == USAGE
    assert cli("ask", "What?", "--k", "abc").code == USAGE
    assert cli("ask", "What?", "--jsonl").code == USAGE


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("ask", "--bogus"), "no such option: --bogus; see `citeqa ask --help`"),
        (("index", "-x"), "no such option: -x; see `citeqa index --help`"),
        (("--bogus",), "no such option: --bogus; see `citeqa --help`"),
        (("ask", "What?", "--corpsu", "c"), "--corpsu (did you mean --corpus?); see `citeqa"),
        (("ask", "--bo\x1b[31mgus"), "no such option: --bo␛[31mgus; see"),
    ],
)
def test_an_unknown_option_is_one_line_naming_the_help(
    cli: Any, args: tuple[str, ...], expected: str
) -> None:
    done = cli(*args)
    assert done.code == USAGE
    message = done.one_line_error()
    assert expected in message and "Possible options" not in done.err
    assert ("did you mean" in message) == ("corpsu" in message)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ("ask", "What?", "--k", "0"),
            "'--k': input should be greater than or equal to 1; see `citeqa ask --help`",
        ),
        (
            ("ask", "What?", "--k", "101"),
            "'--k': input should be less than or equal to 100; see `citeqa ask",
        ),
        (("ask", "What?", "--k", "abc"), "'--k': input should be a valid integer"),
        (("eval", "--split", "never"), "'--split'"),
        (("ask", "What?", "--k"), "option '--k' requires an argument"),
        (("index", "--rebuild=yes"), "option '--rebuild' does not take a value"),
    ],
)
def test_a_bad_value_is_one_line_not_the_usage_block(
    cli: Any, args: tuple[str, ...], expected: str
) -> None:
    done = cli(*args)
    assert done.code == USAGE
    assert expected in done.one_line_error().lower()
    assert "Usage:" not in done.err and "Try '" not in done.err and "Error:" not in done.err


def test_a_missing_corpus_is_its_own_code(cli: Any, tmp_path: Path) -> None:
    done = cli("index", "--corpus", str(tmp_path / "nowhere"))
    assert done.code == errors.CorpusMissing.exit_code
    assert "not found" in done.one_line_error()


def test_a_bad_setting_is_one_line_not_a_traceback(cli: Any, tmp_path: Path) -> None:
    done = cli("status", k="many")
    assert done.code == errors.SettingsInvalid.exit_code
    assert "k:" in done.one_line_error() and "Traceback" not in done.err


@pytest.mark.parametrize(
    "text", ["k = [\n", "k = " + "[" * 500 + "]" * 500], ids=["unclosed", "500-deep"]
)
def test_a_bad_config_file_is_one_line(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    """A file nested 500 deep (the session-8 trial) was a RecursionError traceback."""
    config = tmp_path / "config.toml"
    config.write_text(text)
    monkeypatch.setenv("CITEQA_CONFIG_FILE", str(config))
    done = cli("status")
    assert done.code == errors.SettingsInvalid.exit_code
    assert str(config) in done.one_line_error() and "Traceback" not in done.err


@pytest.mark.parametrize(
    "args", [("status",), ("ask", "What?"), ("index",), ("chat",), ("eval", "--json")]
)
def test_a_config_file_variable_naming_no_file_is_one_line(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    """Found by the session-7 user trial: it was silently ignored."""
    missing = tmp_path / "nowhere" / "citeqa.toml"
    monkeypatch.setenv("CITEQA_CONFIG_FILE", str(missing))
    done = cli(*args, corpus_dir=str(make_corpus(tmp_path / "corpus")))
    assert done.code == errors.SettingsInvalid.exit_code
    assert f"CITEQA_CONFIG_FILE names {missing}, which is not a file" in done.one_line_error()
    assert done.out == ""


def test_status_names_the_settings_file_in_use(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus, index = make_corpus(tmp_path / "corpus"), tmp_path / "index"
    assert cli("index", "--corpus", str(corpus), "--index", str(index)).code == 0
    assert "settings file" not in cli("status", "--index", str(index)).out
    config = tmp_path / "citeqa.toml"
    config.write_text("k = 7\n")
    monkeypatch.setenv("CITEQA_CONFIG_FILE", str(config))
    done = cli("status", "--index", str(index))
    assert done.code == 0 and f"settings file: {config}" in done.out


def test_a_first_build_names_ten_files_then_how_many_more(cli: Any, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for number in range(12):
        (corpus / f"note-{number:02}.txt").write_text(f"Note {number} on belimumab in lupus.\n")
    done = cli("index", "--corpus", str(corpus), "--index", str(tmp_path / "index"))
    assert done.code == 0, done.err
    added = next(line for line in done.out.splitlines() if "added" in line)
    named = ", ".join(f"note-{number:02}.txt" for number in range(10))
    assert added == f"  added (12): {named} and 2 more (`citeqa status --all` lists the documents)"
    for number in range(11):
        (corpus / f"note-{number:02}.txt").unlink()
    done = cli("index", "--corpus", str(corpus), "--index", str(tmp_path / "index"))
    assert done.code == 0, done.err
    removed = next(line for line in done.out.splitlines() if "removed" in line)
    assert removed == f"  removed (11): {named} and 1 more"  # status lists no removed file


def test_build_wording(cli: Any, tmp_path: Path) -> None:
    corpus, index = make_corpus(tmp_path / "corpus"), tmp_path / "index"
    args = ("index", "--corpus", str(corpus), "--index", str(index))
    first = cli(*args)
    assert first.code == 0, first.err
    assert first.out.startswith("Built: ") and "Rebuilt" not in first.out
    assert "unchanged" not in first.out
    again = cli(*args, "--rebuild")
    assert again.out.startswith("Rebuilt: ") and "unchanged" not in again.out
    same = cli(*args)
    assert same.out.startswith("Index up to date: ") and "unchanged (" in same.out
    one = tmp_path / "one"
    one.mkdir()
    (one / "only.txt").write_text("One short note.\n", encoding="utf-8")
    single = cli("index", "--corpus", str(one), "--index", str(tmp_path / "one-index"))
    assert single.out.startswith("Built: 1 document, 1 chunk in "), single.out


def test_a_corpus_without_index_is_indexed_in_the_user_data_folder(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    corpus = make_corpus(tmp_path / "papers")
    done = cli("index", "--corpus", str(corpus))
    assert done.code == 0, done.err
    expected = userdirs.index_dir_for(corpus)
    assert (expected / "current" / "manifest.json").is_file()
    assert str(expected) in done.out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["papers"]  # nothing in the cwd
    status = cli("status", "--corpus", str(corpus))
    assert status.code == 0 and "Up to date" in status.out


def test_status_folds_long_names_in_a_narrow_terminal(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    long_name = "a-very-long-document-name-that-a-narrow-table-would-cut.txt"
    (corpus / long_name).write_text("Belimumab is a monoclonal antibody.\n")
    index = tmp_path / "index"
    assert cli("index", "--corpus", str(corpus), "--index", str(index)).code == 0
    monkeypatch.setenv("COLUMNS", "60")
    done = cli("status", "--index", str(index))
    assert done.code == 0, done.err
    assert "…" not in done.out
    first_column = "".join(
        line.split("│")[1].strip() for line in done.out.splitlines() if line.startswith("│")
    )
    assert long_name.removesuffix(".txt") in first_column


def test_subprocesses_run_this_checkout(tmp_path: Path) -> None:
    """`PYTHONPATH=src` (relative) still reaches the child that runs in another folder."""
    env = subprocess_env(tmp_path, tmp_path / "index")
    done = subprocess.run(
        [sys.executable, "-c", "import citeqa; print(citeqa.__file__)"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert Path(done.stdout.strip()).resolve() == Path(citeqa.__file__).resolve()


def test_error_lines_are_sanitised(cli: Any, tmp_path: Path) -> None:
    hostile = tmp_path / "evil\x1b]0;pwned\x07\x1b[2J"
    done = cli("index", "--corpus", str(hostile))
    assert done.code == errors.CorpusMissing.exit_code
    line = done.one_line_error()
    assert "\x1b" not in done.err and "\x07" not in done.err
    assert "evil␛]0;pwned" in line


def test_eval_without_a_bundled_set_says_how_to_pass_one(
    cli: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Installed from a wheel there is no evals/ folder: the message says how to give a set."""
    import citeqa.evaluation

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(citeqa.evaluation, "default_set_path", lambda: tmp_path / "none.jsonl")
    done = cli("eval", "--no-ablations")
    assert done.code == errors.EvalSetError.exit_code
    assert "--set FILE" in done.err and '"question":' in done.err and "Traceback" not in done.err


_EXIT_PROBE = """
import signal, sys
import citeqa.cli as cli
import citeqa.cli.app as command_line
def interrupted():
    raise KeyboardInterrupt
def done():
    return 0
command_line.run_app = interrupted if sys.argv[1] == "interrupted" else done
real_exit = sys.exit
def exit_saying_sigint(code):
    print(signal.getsignal(signal.SIGINT) is signal.SIG_IGN)
    real_exit(code)
sys.exit = exit_saying_sigint
cli.main()
"""


@pytest.mark.parametrize(("when", "code"), [("interrupted", 130), ("done", 0)])
def test_ctrl_c_around_the_command_is_one_line_and_ignored_once_it_is_done(
    when: str, code: int, tmp_path: Path
) -> None:
    """A Ctrl-C outside run_app's own handling exits 130 with one line; after the command, the
    process ends ignoring SIGINT (finalisation restored the default handler, which killed an
    `eval --report` that had finished: -2, no word)."""
    done = subprocess.run(
        [sys.executable, "-c", _EXIT_PROBE, when],
        capture_output=True, text=True, timeout=60,
        env=subprocess_env(tmp_path / "corpus", tmp_path / "index"),
    )  # fmt: skip
    assert done.returncode == code
    assert done.stdout == "True\n"
    assert done.stderr == ("citeqa: interrupted\n" if code else "")


_CTRL_C_IN_IMPORT = """
import importlib.abc, os, signal, sys

TARGET, HOW = sys.argv[1:3]
signal.signal(signal.SIGINT, signal.default_int_handler)  # a terminal's, not an ignored one


class CtrlCInImport(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name != TARGET:
            return None
        sys.meta_path.remove(self)
        if HOW == "raised":
            os.kill(os.getpid(), signal.SIGINT)
            return None

        class Dropped:
            def __del__(self):  # Python only reports ("ignored") what is raised here
                os.kill(os.getpid(), signal.SIGINT)
                sum([1])

        Dropped()
        return None


sys.meta_path.insert(0, CtrlCInImport())
sys.argv[1:] = sys.argv[3:]
from citeqa.cli import main

main()
"""


@pytest.mark.parametrize("how", ["raised", "ignored"])
@pytest.mark.parametrize("module", ["typer", "citeqa.cli.index_cmds"])
def test_ctrl_c_while_the_command_line_imports_is_one_line_and_130(
    module: str, how: str, tmp_path: Path
) -> None:
    """A Ctrl-C as citeqa started (importing typer for the command line, or a command's
    module) gave Python's KeyboardInterrupt traceback, or, raised where Python only reports it
    ("Exception ignored in ..."), was lost and the command ran to its end, exit 0 (probe
    s16-hostile). The child sends itself the Ctrl-C as the import begins, a point no machine's
    speed moves; it is held until the import is done and then ends citeqa with one line."""
    corpus = make_corpus(tmp_path / "corpus")
    done = subprocess.run(
        [sys.executable, "-c", _CTRL_C_IN_IMPORT, module, how, "status"],
        capture_output=True, text=True, timeout=120,
        env=subprocess_env(corpus, tmp_path / "index"),
    )  # fmt: skip
    assert (done.returncode, done.stderr) == (130, "citeqa: interrupted\n")
    assert done.stdout == "", "the command never ran"


_CTRL_C_AS_SIGNAL_IMPORTS = """
import _signal, importlib.abc, os, sys

TARGET = sys.argv[1]
_signal.signal(_signal.SIGINT, _signal.default_int_handler)  # a terminal's; `signal` not imported


class CtrlCInImport(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name == TARGET:
            sys.meta_path.remove(self)
            os.kill(os.getpid(), _signal.SIGINT)
        return None


sys.meta_path.insert(0, CtrlCInImport())
sys.argv[1:] = sys.argv[2:]
from citeqa.cli import main

main()
"""


@pytest.mark.parametrize("module", ["signal", "__future__"])
def test_ctrl_c_before_main_runs_is_one_line_and_130_too(module: str, tmp_path: Path) -> None:
    """`citeqa.cli` imported `signal` (and its enum, functools, collections) before `main`
    could hold a Ctrl-C: one landing there gave Python's traceback (probe s17-hostile, 2 runs
    in 10 at 0.62-0.80 s). The package now imports only what the interpreter has loaded, so
    they load inside `main`'s hold, and the Ctrl-C ends citeqa with one line (here `signal`
    and `__future__`: what this interpreter's start had not loaded)."""
    corpus = make_corpus(tmp_path / "corpus")
    done = subprocess.run(
        [sys.executable, "-c", _CTRL_C_AS_SIGNAL_IMPORTS, module, "status"],
        capture_output=True, text=True, timeout=120,
        env=subprocess_env(corpus, tmp_path / "index"),
    )  # fmt: skip
    assert (done.returncode, done.stderr) == (130, "citeqa: interrupted\n")
    assert done.stdout == "", "the command never ran"


_HOST_IMPORTS_THE_CLI = """
import importlib.abc, os, signal, sys

signal.signal(signal.SIGINT, signal.default_int_handler)


class CtrlCInImport(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name == "typer":
            sys.meta_path.remove(self)
            os.kill(os.getpid(), signal.SIGINT)
        return None


sys.meta_path.insert(0, CtrlCInImport())
try:
    import citeqa.cli
    from citeqa.cli.app import app
except KeyboardInterrupt:
    print("the host's Ctrl-C")
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
"""


def test_a_host_importing_the_command_line_keeps_its_ctrl_c(tmp_path: Path) -> None:
    """Importing `citeqa.cli` (a notebook, a program using its `app`) held SIGINT and, on a
    Ctrl-C during the import, printed "citeqa: interrupted", set SIGINT ignored and exited the
    host with 130. Only the console script's `main` does that now: the host gets its own
    KeyboardInterrupt, its handler kept, and goes on."""
    done = subprocess.run(
        [sys.executable, "-c", _HOST_IMPORTS_THE_CLI],
        capture_output=True, text=True, timeout=60,
        env=subprocess_env(tmp_path / "corpus", tmp_path / "index"),
    )  # fmt: skip
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == "the host's Ctrl-C\nTrue\n"
