"""`--report /dev/stdout > out.md` (or `--report out.md > out.md`, `>>`): the report is written
through the process's own descriptor, never replaced, so what is printed after it still
lands in the file (review s10-m10 item 2)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = """
import sys
from pathlib import Path
from citeqa.outputs import replace_own
print("before", flush=False)
replace_own(Path(sys.argv[1]), "# citeqa report\\nbody\\n", ("# citeqa report",))
print("after")
"""


def _run(target: str, out: Path, append: bool = False) -> None:
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2] / "src"))
    with open(out, "ab" if append else "wb") as stream:
        subprocess.run([sys.executable, "-c", SCRIPT, target], stdout=stream, env=env, check=True)


@pytest.mark.parametrize("name", ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1", "same"])
def test_the_report_and_the_output_share_the_file(tmp_path: Path, name: str) -> None:
    if name.startswith("/proc") and not Path("/proc/self/fd").is_dir():
        pytest.skip("no /proc")
    out = tmp_path / "out.md"
    out.write_bytes(b"")
    inode = out.stat().st_ino
    _run(str(out) if name == "same" else name, out)
    assert out.read_text() == "before\n# citeqa report\nbody\nafter\n"
    assert out.stat().st_ino == inode


def test_appending_keeps_what_was_there(tmp_path: Path) -> None:
    out = tmp_path / "out.md"
    out.write_text("my notes\n")
    _run("/dev/stdout", out, append=True)
    assert out.read_text() == "my notes\nbefore\n# citeqa report\nbody\nafter\n"
