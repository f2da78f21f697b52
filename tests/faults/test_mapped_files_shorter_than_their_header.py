"""A memory-mapped file of an index that is shorter than its own header says (an .npy whose
header claims more rows than it holds, its size and time kept so that the cheap check of
`ask` and `status` trusts it): reading it through the mapping never kills the process with
SIGBUS. A file cut shorter than it was built changes size, so it is hashed and found damaged
before anything maps it (tests/faults/test_damaged_index_detected.py).

numpy maps an .npy through Python's mmap, which refuses a mapping longer than the file
(ValueError "mmap length is greater than file size"), so `ask` and `status` stop with the
damaged-index message (exit 6) or do not read that file at all (exit 0); checked in a child
process, where a signal would show as a negative exit code instead of killing the test run.
`citeqa index` hashes every file of the previous build first (verification.py), so it never
maps a damaged one; were it to, the runs it maps refuse too (the second test)."""

from __future__ import annotations

import inspect
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from fault_helpers import QUESTION, REPO, make_corpus

from citeqa.doctally import TERMS, StoredRuns
from citeqa.ownership import CURRENT
from citeqa.store import load_index


def longer_header(path: Path) -> bool:
    """Make the .npy's header claim a thousand times its rows, its size and time kept (the
    header's padding gives the digits room); False when its shape has no rows to grow."""
    stat = path.stat()
    data = path.read_bytes()
    end = data.index(b"\n") + 1
    header = data[:end].decode("latin1")
    found = re.search(r"'shape': \((\d+)", header)
    if found is None or found.group(1) == "0":
        return False
    grown = header[: found.end(1)] + "000" + header[found.end(1) :]
    grown = grown.replace(" " * 3 + "\n", "\n", 1)
    if len(grown) != len(header):
        return False
    path.write_bytes(grown.encode("latin1") + data[end:])
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    return True


CHILD = r"""
import contextlib, io, json, os, shutil, sys, importlib.util as u
spec = u.spec_from_file_location("fakes", sys.argv[1])
spec.loader.exec_module(u.module_from_spec(spec))
from citeqa.cli import ask_cmd, index_cmds
from citeqa.cli.app import run_app
good, work, corpus, question = (sys.argv[i] for i in range(2, 6))
os.environ["CITEQA_CHANNELS"] = '["fake"]'
from pathlib import Path
sys.path.insert(0, os.path.dirname(sys.argv[6])); from shorten import longer_header
for name in sorted(p.relative_to(good).as_posix() for p in Path(good).rglob("*.npy")):
    shutil.rmtree(work, ignore_errors=True); shutil.copytree(good, work, symlinks=True)
    if not longer_header(Path(work) / name):
        continue
    codes = {}
    for command in (["status"], ["ask", question]):
        sys.argv = ["citeqa", *command, "--corpus", corpus, "--index", work]
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            codes[command[0]] = [run_app(), err.getvalue()]
    print(json.dumps({"name": name, **codes}), flush=True)
"""


def test_mapped_files_shorter_than_their_header_never_kill_the_process(
    tmp_path: Path, cli: Any
) -> None:
    corpus = make_corpus(tmp_path / "corpus", ("biotherapy-in-lupus-faq.txt",))
    index = tmp_path / "index"
    assert cli("index", "--corpus", str(corpus), "--index", str(index)).code == 0
    helper = "import os, re\nfrom pathlib import Path\n\n" + inspect.getsource(longer_header)
    (tmp_path / "shorten.py").write_text(helper, encoding="utf-8")
    child = subprocess.run(
        [
            sys.executable,
            "-c",
            CHILD,
            str(REPO / "tests" / "conftest.py"),
            str(index),
            str(tmp_path / "work"),
            str(corpus),
            QUESTION,
            str(tmp_path / "shorten.py"),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,
    )
    assert child.returncode == 0, (child.returncode, child.stderr[-2000:])
    results = [json.loads(line) for line in child.stdout.splitlines()]
    assert len(results) >= 10  # every mapped array of the build: sentences, lexical, runs…
    for result in results:
        for command in ("status", "ask"):
            code, err = result[command]
            assert code in (0, 6), (result["name"], command, code, err)
            assert "Traceback" not in err
            if code == 6:
                assert "citeqa index" in err, (result["name"], command, err)


def test_stored_runs_shorter_than_their_header_are_refused_for_a_recompute(
    tmp_path: Path, cli: Any
) -> None:
    """What an update reads of the previous build without hashing it (were it trusted): the
    runs' mapping is refused as a ValueError, which reuse.Previous reads as "compute again"."""
    corpus = make_corpus(tmp_path / "corpus", ("biotherapy-in-lupus-faq.txt",))
    index = tmp_path / "index"
    assert cli("index", "--corpus", str(corpus), "--index", str(index)).code == 0
    chunks = len(load_index(index).chunks)
    StoredRuns(index / CURRENT, TERMS, chunks)  # as built: read back
    assert longer_header(index / CURRENT / f"{TERMS}.ids.npy")
    with pytest.raises(ValueError, match="mmap length"):
        StoredRuns(index / CURRENT, TERMS, chunks)
