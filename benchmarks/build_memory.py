"""Print where a build's memory goes, stage by stage. Not a test; run it by hand:

    python benchmarks/build_memory.py CORPUS [--channel scale-hash|use] [--before OTHER/src]
        [--repeat N] [--changed]

One build of CORPUS (a fresh index in a temporary folder, `rebuild`) in a fresh process per
source tree. The build's progress callback marks each stage (reading, chunking, embedding,
lexical, term pairs, writing...); at each change of stage the process's peak resident set since
the previous mark (VmHWM, reset through /proc/self/clear_refs) is recorded, so each stage's own
peak shows, not only the build's. Printed: per stage, its peak RSS and the RSS it leaves; then
the whole build's peak, wall and CPU time. With `--before`, another checkout's src/ runs the
same build first, so the two are compared in one run (as ratios for the times: on a loaded
machine the CPU time's is the steadier); `--repeat N` alternates N builds of each and compares
the medians.

With `--changed`, what is measured is the build of a changed corpus: a copy of CORPUS is built
(in its own process, not measured), then changed as a user changes a folder (`change_corpus`:
two files edited, one touched, one removed, one added) and built again, incrementally; that
second build is the one measured, so its peak shows what reusing the previous build costs.

The default embedder is the hashed bag of words of scale.py (`scale-hash`, 512 dimensions), so
that citeqa's own memory shows without a model's; `--channel use` builds with the real model.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def _status(field: str) -> float:
    """A /proc/self/status field in MB."""
    with open("/proc/self/status", encoding="ascii") as status:
        line = next(line for line in status if line.startswith(field + ":"))
    return int(line.split()[1]) / 1024


def _reset_peak() -> bool:
    """Reset VmHWM to the current RSS (Linux: 5 > clear_refs); False when not allowed."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as refs:
            refs.write("5")
    except OSError:
        return False
    return True


def measure(corpus: Path, channel: str, index: Path | None) -> dict[str, Any]:
    """Build `corpus` here, recording each stage's peak and end RSS (the hidden sub-command):
    a new build in a temporary folder, or, given `index`, an incremental build into it."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import scale

    from citeqa.embedding import get_embedder

    scale.register()
    get_embedder(channel).embed_batch(["warm-up"])  # the model's load is not the build's
    if index is not None:
        return _measured_build(corpus, index, channel, rebuild=False)
    with tempfile.TemporaryDirectory(prefix="build-memory-") as folder:
        return _measured_build(corpus, Path(folder), channel, rebuild=True)


def _measured_build(corpus: Path, index: Path, channel: str, *, rebuild: bool) -> dict[str, Any]:
    from citeqa.config import Settings
    from citeqa.indexing import build_index

    stages: list[list[object]] = [["start", _status("VmHWM"), _status("VmRSS")]]
    overall = _status("VmHWM")
    _reset_peak()

    def progress(stage: str, done: int, total: int) -> None:
        nonlocal overall
        del done, total
        if stage != stages[-1][0]:
            peak = _status("VmHWM")
            overall = max(overall, peak)
            stages[-1][1] = max(float(stages[-1][1]), peak)  # type: ignore[arg-type]
            stages[-1][2] = _status("VmRSS")
            stages.append([stage, _status("VmRSS"), _status("VmRSS")])
            _reset_peak()

    settings = Settings(corpus_dir=corpus, index_dir=index, channels=(channel,))
    began, cpu = time.perf_counter(), time.process_time()
    report = build_index(settings, rebuild=rebuild, progress=progress)
    seconds, cpu = time.perf_counter() - began, time.process_time() - cpu
    stages[-1][1] = max(float(stages[-1][1]), _status("VmHWM"))  # type: ignore[arg-type]
    stages[-1][2] = _status("VmRSS")
    overall = max(overall, _status("VmHWM"))
    reused = len(report.unchanged)
    return {
        "chunks": report.chunks,
        "seconds": seconds,
        "cpu": cpu,
        "peak": overall,
        "stages": stages,
        "reused": reused,
        "full": report.full_rebuild,
    }


def change_corpus(corpus: Path) -> None:
    """Change a corpus as a user changes a folder: the files a quarter and half way through
    (sorted) get a paragraph added, the one three quarters through is touched (same bytes,
    new time), the last is removed and a new one is added."""
    files = sorted(path for path in corpus.rglob("*") if path.is_file())
    for path in (files[len(files) // 4], files[len(files) // 2]):
        text = path.read_text(encoding="utf-8")
        path.write_text(text + "\n\nA paragraph added since the last build.\n", "utf-8")
    os.utime(files[3 * len(files) // 4])
    files[-1].unlink()
    (corpus / "added-since.txt").write_text(files[0].read_text(encoding="utf-8"), "utf-8")


def in_child(src: Path, corpus: Path, channel: str, index: Path | None = None) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    extra = ["--index", str(index)] if index is not None else []
    done = subprocess.run(
        [sys.executable, __file__, "_measure", str(corpus), "--channel", channel, *extra],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def changed_in_child(src: Path, corpus: Path, channel: str) -> dict[str, Any]:
    """Build a copy of `corpus`, change it, and measure the incremental build (child processes)."""
    with tempfile.TemporaryDirectory(prefix="build-memory-changed-") as folder:
        copy, index = Path(folder) / "corpus", Path(folder) / "index"
        shutil.copytree(corpus, copy)
        in_child(src, copy, channel, index)
        change_corpus(copy)
        return in_child(src, copy, channel, index)


def main() -> None:
    if sys.argv[1:2] == ["_measure"]:  # the child process
        index = Path(sys.argv[6]) if sys.argv[5:6] == ["--index"] else None
        print(json.dumps(measure(Path(sys.argv[2]), sys.argv[4], index)))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--channel", default="scale-hash")
    parser.add_argument("--before", type=Path, help="another checkout's src/ to compare with")
    parser.add_argument(
        "--repeat", type=int, default=1, help="builds of each, alternated (wall: the median)"
    )
    parser.add_argument(
        "--changed", action="store_true", help="measure the build of a changed corpus"
    )
    args = parser.parse_args()
    run = changed_in_child if args.changed else in_child
    sources = ([("before", args.before)] if args.before else []) + [("this", ROOT / "src")]
    runs: dict[str, list[dict[str, Any]]] = {label: [] for label, _ in sources}
    for _ in range(args.repeat):
        for label, src in sources:
            runs[label].append(run(src, args.corpus, args.channel))
    walls = {label: statistics.median(r["seconds"] for r in done) for label, done in runs.items()}
    cpus = {label: statistics.median(r["cpu"] for r in done) for label, done in runs.items()}
    peaks = {label: max(r["peak"] for r in done) for label, done in runs.items()}
    for label, done in runs.items():
        result = done[-1]
        print(
            f"{label}: {result['chunks']} chunks, median {walls[label]:.2f} s of {len(done)}"
            f" (CPU {cpus[label]:.2f} s), peak {peaks[label]:.0f} MB"
            + (f", {result['reused']} files reused" if args.changed else "")
        )
        for name, peak, end in result["stages"]:
            print(f"  {name:<22} peak {peak:>7.0f} MB   after {end:>7.0f} MB")
    if args.before:
        print(f"wall this/before (medians): {walls['this'] / walls['before']:.2f}")
        print(f"CPU this/before (medians): {cpus['this'] / cpus['before']:.2f}")
        print(f"peak this/before: {peaks['this'] / peaks['before']:.2f}")


if __name__ == "__main__":
    main()
