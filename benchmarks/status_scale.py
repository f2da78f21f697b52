"""Print what `citeqa status` and `citeqa status --verify` cost as the corpus grows: each run
as a fresh process on the indexes `scale.py pipeline` built, the bundled corpus and each size
alternated round by round (medians, and ratios to the bundled corpus). Not a test; run it by
hand (after pipeline):

    python benchmarks/status_scale.py [--sizes 100000] [--repeats 3]

Besides the wall time, each row gives the process's CPU time (user + system, interpreter start
included; the load of a shared machine moves it far less), its peak RSS, and the bytes it
hashed (every sha256 of a file the process took, counted by wrapping `corpus.file_sha256`
where citeqa calls it): plain status checks sizes and times and should hash nothing of an
intact index however big, `--verify` hashes every index file.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import resource
import statistics
import sys
import time
from pathlib import Path

from scale import corpora, in_child, index_of, peak_rss_mb, register

HASHED = [0]
"""Bytes hashed by `file_sha256` in this process."""


def counting_hashes() -> None:
    """Count the bytes of every file hashed through corpus.file_sha256, wherever imported."""
    import citeqa.corpus
    import citeqa.verification

    original = citeqa.corpus.file_sha256

    def counted(path: Path) -> str:
        HASHED[0] += path.stat().st_size
        return original(path)

    for module in (citeqa.corpus, citeqa.verification):
        module.file_sha256 = counted  # type: ignore[attr-defined]


def status_once(corpus: Path, index: Path, verify: int) -> dict[str, float]:
    """`citeqa status` (with `--verify` when `verify`), as the CLI runs it, in this process."""
    began = time.perf_counter()
    register()
    counting_hashes()
    from citeqa.cli import main

    argv = ["citeqa", "status", "--corpus", str(corpus), "--index", str(index)]
    sys.argv = argv + (["--verify"] if verify else [])
    code = 0
    with contextlib.redirect_stdout(io.StringIO()):
        try:
            main()
        except SystemExit as exit_:
            code = int(exit_.code or 0)
    used = resource.getrusage(resource.RUSAGE_SELF)
    return {
        "seconds": time.perf_counter() - began,
        "cpu_s": used.ru_utime + used.ru_stime,
        "rss_mb": peak_rss_mb(),
        "hashed_mb": HASHED[0] / 1e6,
        "exit": code,
    }


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "_status":
        import json

        print(json.dumps(status_once(Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]))))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    rows = corpora(args.sizes)
    runs: dict[tuple[str, str], list[dict[str, float]]] = {}
    for _ in range(args.repeats):
        for label, corpus in rows:
            index = index_of(label, "this")
            for kind, verify in (("status", "0"), ("--verify", "1")):
                found = in_child("_status", str(corpus), str(index), verify, script=__file__)
                runs.setdefault((label, kind), []).append(found)
    _print(rows, runs)


def _print(rows: list[tuple[str, Path]], runs: dict[tuple[str, str], list[dict[str, float]]]):
    print(
        f"{'corpus':>10} {'command':>9} {'wall s':>7} {'ratio':>6} {'CPU s':>6} {'ratio':>6}"
        f" {'RSS MB':>7} {'hashed MB':>9} {'exit':>4}"
    )
    for kind in ("status", "--verify"):
        base = runs[("bundled", kind)]
        for label, _ in rows:
            found = runs[(label, kind)]
            wall, cpu = (statistics.median(r[key] for r in found) for key in ("seconds", "cpu_s"))
            print(
                f"{label:>10} {kind:>9} {wall:>7.2f}"
                f" {wall / statistics.median(r['seconds'] for r in base):>5.2f}x {cpu:>6.2f}"
                f" {cpu / statistics.median(r['cpu_s'] for r in base):>5.2f}x"
                f" {statistics.median(r['rss_mb'] for r in found):>7.0f}"
                f" {statistics.median(r['hashed_mb'] for r in found):>9.1f}"
                f" {max(r['exit'] for r in found):>4.0f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
