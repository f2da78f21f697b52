"""Helpers for the fault suite: small corpora, fast "fake" indexes, the CLI in-process, and
byte-for-byte snapshots of folders that must survive every command.

Test modules import the helpers as `from fault_helpers import ...` (this conftest registers
itself under that name: "conftest" is ambiguous in sys.modules and tests/faults is no package).
"""

from __future__ import annotations

import os
import shutil
import signal
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from citeqa.api import build_index
from citeqa.ownership import Ownership
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
    small_build,
)

QUESTION = "How does belimumab work?"
DECOYS = {
    "build-plan.txt": b"my build plan\n",
    "build-scripts/run.sh": b"#!/bin/sh\necho hi\n",
    ".tmp-notes.txt": b"notes\n",
    ".tmp-cache/data.bin": bytes(range(256)),
    "current": b"my current file\n",
    "index/page.html": b"<p>my page</p>\n",
    "manifest.json": b'{"mine": true}\n',
    "build-log.txt": b"log\n",
}
"""Files a user may well have, named like citeqa's own; they must outlive every command."""

sys.modules.setdefault("fault_helpers", sys.modules[__name__])


def plant_decoys(folder: Path, skip: tuple[str, ...] = ()) -> dict[str, object]:
    """Write DECOYS (but `skip`) into `folder` and return its snapshot."""
    for name, data in DECOYS.items():
        if name in skip:
            continue
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return snapshot(folder)


def snapshot(folder: Path, only: tuple[str, ...] | None = None) -> dict[str, object]:
    """Every entry under `folder` (or only the named top-level ones): bytes, link or folder."""
    found: dict[str, object] = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).as_posix()
        if only is not None and relative.split("/")[0] not in only:
            continue
        if path.is_symlink():
            found[relative] = ("link", os.readlink(path))
        elif path.is_dir():
            found[relative] = ("dir",)
        else:
            found[relative] = ("file", path.read_bytes())
    return found


def decoy_snapshot(folder: Path, skip: tuple[str, ...] = ()) -> dict[str, object]:
    return snapshot(folder, tuple({name.split("/")[0] for name in DECOYS} - set(skip)))


def owned(owner: Ownership, name: str) -> bool:
    """Whether citeqa created `name` in the index folder `owner` marks: a build (or an adopted
    one) or a temporary; a user's file named like them is not."""
    return owner.is_build(name) or owner.is_temporary(name)


@dataclass
class CliResult:
    code: int
    out: str
    err: str

    def error_line(self) -> str:
        """The error: one "citeqa: ..." line, last on stderr (a notice such as "building it
        first" may come before it); no traceback."""
        assert "Traceback" not in self.err, self.err
        lines = [line for line in self.err.splitlines() if line.strip()]
        assert lines and lines[-1].startswith("citeqa: "), f"expected a message:\n{self.err}"
        return lines[-1]


@pytest.fixture
def cli(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> Callable[..., CliResult]:
    """Run `citeqa ARGS` in this process (the "fake" channel); env vars via kwargs. The
    working directory is a fresh folder, so the defaults never reach the repository's index."""
    from citeqa.cli import ask_cmd, chat_cmd, eval_cmd, index_cmds  # noqa: F401  (registration)
    from citeqa.cli.app import run_app

    workdir = tmp_path / "cwd"
    workdir.mkdir(exist_ok=True)

    def run(*args: str, **env: str) -> CliResult:
        for name in [name for name in os.environ if name.startswith("CITEQA_")]:
            monkeypatch.delenv(name)
        set_fake_env(monkeypatch, env)
        monkeypatch.setattr(sys, "argv", ["citeqa", *args])
        monkeypatch.chdir(workdir)
        capsys.readouterr()
        code = run_app()
        out, err = capsys.readouterr()
        assert "Traceback" not in err, err
        return CliResult(code, out, err)

    return run


class Indexed(NamedTuple):
    """A small corpus, its built index and the CLI options naming them (--corpus, --index)."""

    corpus: Path
    index: Path
    where: list[str]

    @classmethod
    def of(cls, build: SmallBuild) -> Indexed:
        return cls(build.corpus, build.index, build.where)


def indexed(tmp_path: Path, cli: Callable[..., CliResult]) -> Indexed:
    """A small corpus (`small_build`) indexed through the CLI."""
    built = small_build(tmp_path)
    assert cli("index", *built.where).code == 0
    return Indexed.of(built)


@pytest.fixture(scope="module")
def shared_index(tmp_path_factory: pytest.TempPathFactory) -> Indexed:
    """`indexed`, built once per test module (by the API, with the settings the `cli` fixture
    gives), for the tests that only read the corpus and the index; a test that writes into
    either works on `indexed_copy` of it."""
    built = small_build(tmp_path_factory.mktemp("shared"))
    build_index(built.settings)
    return Indexed.of(built)


def indexed_copy(shared: Indexed, tmp_path: Path) -> Indexed:
    """A copy of `shared_index`'s corpus and index in `tmp_path` (times kept, so the copy is
    up to date; links copied as links, the index's `current` being relative), as `indexed`."""
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    shutil.copytree(shared.corpus, corpus, symlinks=True)
    shutil.copytree(shared.index, index, symlinks=True)
    return Indexed.of(SmallBuild(corpus, index, fake_settings(corpus, index)))


HANG_SECONDS = 20
"""How long a test that reads special files (FIFOs, /dev/zero) may block before it fails."""


class Hung(BaseException):
    """Raised by the alarm: not an OSError (TimeoutError is one, and citeqa's readers catch
    OSError), so no handler of citeqa's takes it for an unreadable file."""


@pytest.fixture
def no_hang() -> Iterator[None]:
    """The test fails with Hung if citeqa blocks for HANG_SECONDS (on a FIFO, say) instead of
    hanging the suite; a module uses it with `pytestmark = pytest.mark.usefixtures("no_hang")`."""

    def hung(signum: int, frame: Any) -> None:
        raise Hung(f"citeqa blocked for {HANG_SECONDS} s on a special file")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(HANG_SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


EVAL_LINE = {
    "id": "q1",
    "question": "How does belimumab work?",
    "doc_id": "biotherapy-in-lupus-faq",
    "answers": ["B lymphocytes"],
    "split": "dev",
}
"""One known-fact line (evals' question format) about the test corpus, for eval-file tests."""


def chat_load_error(open_assistant: Callable[[Any], Any]) -> str | None:
    """What the chat says when `open_assistant` (its assistant factory) fails: the load error
    it shows, or None if it never failed within four seconds."""
    import asyncio

    from citeqa.tui.app import CiteqaApp

    async def body() -> str | None:
        app = CiteqaApp(open_assistant, lambda progress: None)
        async with app.run_test(size=(100, 30)) as pilot:
            for _ in range(200):
                if app._load_problem is not None:
                    return app._load_problem.error
                await pilot.pause(0.02)
            return None

    return asyncio.run(body())
