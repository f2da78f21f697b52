"""What the hand-run benchmarks share: two small bundled documents and the tests' deterministic
"fake" embedder, so a benchmark times citeqa's own work rather than a model's; and how they
measure: a child process's CPU and wall time (`child_cost`), the median time of a few rounds
(`median_seconds`), a folder's texts (`corpus_texts`).

Imported as `fake_corpus` by scripts run as `python benchmarks/NAME.py` (their folder is first
on sys.path).
"""

from __future__ import annotations

import importlib.util
import resource
import shutil
import statistics
import subprocess
import time
from collections.abc import Callable, Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ("biotherapy-in-lupus-faq.txt", "refract-lupus-nephritis-biopsies.txt")


def register_fake() -> None:
    """Register the "fake" vector channel (tests/conftest.py does so when imported)."""
    spec = importlib.util.spec_from_file_location("citeqa_fakes", ROOT / "tests" / "conftest.py")
    assert spec is not None and spec.loader is not None
    spec.loader.exec_module(importlib.util.module_from_spec(spec))


def copy_docs(corpus: Path) -> None:
    """Copy DOCS from the bundled corpus into `corpus` (which must exist)."""
    for name in DOCS:
        shutil.copyfile(ROOT / "corpus" / name, corpus / name)


def child_cost(command: list[str], env: Mapping[str, str], what: str) -> tuple[float, float, str]:
    """Run `command` in a child process with `env`: its CPU s (user + system, interpreter start
    included), wall s and stdout; SystemExit naming `what` when it fails."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{what} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall, done.stdout


def median_seconds(
    work: Callable[[], object], rounds: int, clock: Callable[[], float] = time.perf_counter
) -> float:
    """The median time of `rounds` runs of `work`, by `clock` (wall time unless given
    time.process_time: `cpu_median`)."""
    times = []
    for _ in range(rounds):
        start = clock()
        work()
        times.append(clock() - start)
    return statistics.median(times)


def cpu_median(work: Callable[[], object], rounds: int) -> float:
    """The median CPU seconds of `rounds` runs of `work`."""
    return median_seconds(work, rounds, time.process_time)


def corpus_texts(corpus: Path, files: int) -> list[str]:
    """The texts of the first `files` .txt and .md files under `corpus`, by path."""
    paths = sorted(p for p in corpus.rglob("*") if p.suffix in {".txt", ".md"})
    return [p.read_text(encoding="utf-8", errors="ignore") for p in paths[:files]]
