"""Readers racing rebuilds: load the index over and over while another process rebuilds and
publishes it, and count the loads that fail. Not a test; run it by hand:

    python benchmarks/load_race.py [--loads 10000] [--readers 2] [--pause-ms 2] [--unsafe]

The index is small (two bundled documents, the tests' deterministic "fake" embedder), so
publishes are frequent. `--unsafe` turns the readers' lock off (readers load without it and
builds remove superseded builds at once), to show the race the lock closes. Readers pause a
moment between loads (as real ones, which load once, leave the lock free); a build that finds
readers holding the lock for longer leaves its superseded build to the next one.
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from fake_corpus import copy_docs, register_fake


def _unsafe() -> None:
    """Readers take no lock; builds delete superseded builds without waiting for readers."""
    from citeqa import publishing, store

    @contextlib.contextmanager
    def no_lock(index_dir: Path) -> Iterator[None]:
        yield

    @contextlib.contextmanager
    def always_alone(index_dir: Path, wait: float) -> Iterator[bool]:
        yield True

    store.reading = no_lock
    publishing._readers_excluded = always_alone


def _settings(root: Path):
    from citeqa.config import Settings

    return Settings(channels=("fake",), corpus_dir=root / "corpus", index_dir=root / "index")


def rebuild_until(root: Path, stop: Any, unsafe: bool, results: Any) -> None:
    register_fake()
    if unsafe:
        _unsafe()
    from citeqa.api import build_index

    builds = 0
    while not stop.is_set():
        build_index(_settings(root), rebuild=True)
        builds += 1
    results.put(("builds", builds, []))


def load_many(root: Path, loads: int, unsafe: bool, results: Any, pause: float) -> None:
    if unsafe:
        _unsafe()
    from citeqa.errors import CiteqaError
    from citeqa.store import load_index

    failures: list[str] = []
    for _ in range(loads):
        try:
            load_index(root / "index")
        except CiteqaError as err:
            failures.append(str(err)[:160])
        except Exception as err:  # a crash is a failure too (unsafe mode meets some)
            failures.append(f"{type(err).__name__}: {err}"[:160])
        time.sleep(pause)
    results.put(("loads", loads, failures))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--loads", type=int, default=10_000)
    parser.add_argument("--readers", type=int, default=2)
    parser.add_argument("--unsafe", action="store_true")
    parser.add_argument(
        "--pause-ms", type=float, default=2.0, help="each reader's pause between two loads"
    )
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="citeqa-load-race-"))
    (root / "corpus").mkdir()
    copy_docs(root / "corpus")
    register_fake()
    from citeqa.api import build_index

    build_index(_settings(root))
    context = multiprocessing.get_context("fork")
    stop, results = context.Event(), context.Queue()
    began = time.perf_counter()
    writer = context.Process(target=rebuild_until, args=(root, stop, args.unsafe, results))
    share = args.loads // args.readers
    reader_args = (root, share, args.unsafe, results, args.pause_ms / 1000)
    readers = [context.Process(target=load_many, args=reader_args) for _ in range(args.readers)]
    for process in [writer, *readers]:
        process.start()
    done = [results.get() for _ in readers]
    stop.set()
    builds = results.get()[1]
    for process in [writer, *readers]:
        process.join()
    loads = sum(count for _, count, _ in done)
    failures = [failure for _, _, found in done for failure in found]
    seconds = time.perf_counter() - began
    mode = "UNSAFE (no readers' lock)" if args.unsafe else "readers' lock"
    print(f"{mode}: {loads} loads by {args.readers} readers against {builds} rebuilds")
    print(f"  failures: {len(failures)}  ({seconds:.1f} s)")
    for failure in failures[:3]:
        print(f"  e.g. {failure}")
    shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
