"""Helpers for the integration tests: small corpora, fast "fake" indexes, the CLI in-process
and as a subprocess, and one real index (default "use" channel) shared by every worker.

Nothing here ever writes to the repository's own index/: every index lives under tmp_path,
and every CLI call gets CITEQA_INDEX_DIR and CITEQA_CORPUS_DIR pointing there.

Test modules import the plain helpers as `from integration_helpers import ...`: this conftest
registers itself under that name, because "conftest" itself is ambiguous in sys.modules (each
test folder has one) and tests/integration is not a package.
"""

from __future__ import annotations

import fcntl
import json
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from small_corpora import (  # noqa: F401 (re-exported to the test modules; small: a fixture)
    CORPUS,
    REPO,
    SMALL_DOCS,
    SmallBuild,
    build_folders,
    fake_settings,
    make_corpus,
    set_fake_env,
    small,
    tmp_leftovers,
)

REAL_DOCS = (*SMALL_DOCS, "cellules-stromales-lupus-phase1.txt")
"""The real-model index: two English documents and one French one."""
FIRST_QUESTION = "How does belimumab work?"


sys.modules.setdefault("integration_helpers", sys.modules[__name__])


# ---- the CLI ---------------------------------------------------------------------------------


@dataclass
class CliResult:
    code: int
    out: str
    err: str

    def one_line_error(self) -> str:
        """The error message: exactly one "citeqa: ..." line, the last on stderr.

        (A build's progress bar may come before it: rich prints the bar's last state.)
        """
        return one_error_line(self.err)


def one_error_line(stderr: str) -> str:
    assert "Traceback" not in stderr, stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert lines, "expected a message on stderr"
    messages = [line for line in lines if line.startswith("citeqa: ")]
    assert messages == [lines[-1]], f"expected one message, last on stderr, got:\n{stderr}"
    return messages[0]


def assert_abstains(answer: Any, reason: str) -> None:
    """The answer abstained with this reason: no citation, and no confidence."""
    assert answer.abstained and not answer.citations
    assert answer.reason == reason
    assert answer.confidence == 0.0


@pytest.fixture
def cli(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Callable[..., CliResult]:
    """Run `citeqa ARGS` in this process (so the "fake" channel is known); env vars via kwargs."""
    from citeqa.cli import ask_cmd, index_cmds  # noqa: F401  (command registration)
    from citeqa.cli.app import run_app

    def run(*args: str, **env: str) -> CliResult:
        set_fake_env(monkeypatch, env)
        monkeypatch.setattr(sys, "argv", ["citeqa", *args])
        capsys.readouterr()
        code = run_app()
        out, err = capsys.readouterr()
        return CliResult(code, out, err)

    return run


def citeqa_executable() -> list[str]:
    script = Path(sys.executable).parent / "citeqa"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from citeqa.cli import main; main()"]


def subprocess_env(corpus: Path, index: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CITEQA_")}
    if env.get("PYTHONPATH"):  # `PYTHONPATH=src pytest`: the child runs in another folder, and a
        # relative entry would silently fall back to whichever citeqa is installed
        entries = env["PYTHONPATH"].split(os.pathsep)
        env["PYTHONPATH"] = os.pathsep.join(str(Path(e).resolve()) for e in entries if e)
    env.update(CITEQA_CORPUS_DIR=str(corpus), CITEQA_INDEX_DIR=str(index), COLUMNS="120", **extra)
    env.pop("FORCE_COLOR", None)
    return env


def run_citeqa(
    args: list[str], env: dict[str, str], cwd: Path, stdin: str | None = None, timeout: float = 180
) -> subprocess.CompletedProcess[str]:
    """`citeqa ARGS` as a fresh process; asserts no traceback ever reaches stderr."""
    done = subprocess.run(
        [*citeqa_executable(), *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=cwd,
        timeout=timeout,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done


# ---- one real index, built once per test run ------------------------------------------------


@dataclass(frozen=True)
class RealIndex:
    corpus: Path
    index: Path
    env: dict[str, str]
    cwd: Path
    first_ask: dict[str, Any]
    """The `citeqa ask --json` that found no index and built it: returncode, stdout, stderr."""


def _shared_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder every xdist worker of this run shares (the base temp of a single process)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def shared_once(
    tmp_path_factory: pytest.TempPathFactory, name: str, produce: Callable[[Path], Any]
) -> Any:
    """`produce(folder)` run once per test run, whichever xdist worker comes first; its
    JSON-able result is kept in `folder` and returned to every caller."""
    folder = _shared_root(tmp_path_factory) / name
    folder.mkdir(exist_ok=True)
    result = folder / "result.json"
    with (folder / ".lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if not result.exists():
                result.write_text(json.dumps(produce(folder)), encoding="utf-8")
            return json.loads(result.read_text(encoding="utf-8"))
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


@pytest.fixture(scope="session")
def real_index(tmp_path_factory: pytest.TempPathFactory) -> RealIndex:
    """An index of REAL_DOCS with the default channel ("use"), built once per test run by the
    first `citeqa ask` (which finds no index and builds it).

    Tests must treat it as read-only (several workers may use it at the same time).
    """

    def build(root: Path) -> dict[str, Any]:
        make_corpus(root / "corpus", REAL_DOCS)
        (root / "cwd").mkdir(exist_ok=True)
        env = subprocess_env(root / "corpus", root / "index")
        done = run_citeqa(["ask", FIRST_QUESTION, "--json"], env, root / "cwd")
        assert done.returncode == 0, done.stderr
        ask = {"returncode": done.returncode, "stdout": done.stdout, "stderr": done.stderr}
        return {"root": str(root), "first_ask": ask}

    shared = shared_once(tmp_path_factory, "real-index", build)
    root = Path(shared["root"])
    corpus, index = root / "corpus", root / "index"
    return RealIndex(
        corpus, index, subprocess_env(corpus, index), root / "cwd", shared["first_ask"]
    )
