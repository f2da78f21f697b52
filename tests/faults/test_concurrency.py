"""Readers and writers at the same time (issue 10, items 5 and 10): a reader never sees a half
deleted build, two builders never corrupt the index, and a build killed at a random moment
(seeded, bounded) leaves the last good index and nothing of a user's touched.

The 10,000-load figure comes from `python benchmarks/load_race.py` (run by hand); the loops
here are bounded so the suite stays quick.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from fault_helpers import REPO, decoy_snapshot, fake_settings, make_corpus, owned, plant_decoys

from citeqa import publishing
from citeqa.api import build_index
from citeqa.errors import CiteqaError, IndexLocked
from citeqa.ownership import read_marker
from citeqa.store import load_index


def _builds(index: Path) -> list[str]:
    owner = read_marker(index)
    assert owner is not None
    return sorted(p.name for p in index.iterdir() if owner.is_build(p.name))


@pytest.fixture
def built(tmp_path: Path) -> Any:
    corpus = make_corpus(tmp_path / "corpus")
    settings = fake_settings(corpus, tmp_path / "index")
    build_index(settings)
    return settings


def test_a_loading_reader_keeps_its_build(built: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(publishing, "EXCLUSIVE_WAIT_SECONDS", 0.05)
    index = built.index_dir
    [first] = _builds(index)
    with publishing.reading(index):  # a reader half way through loading `first`
        build_index(built, rebuild=True)
        assert first in _builds(index) and len(_builds(index)) == 2
        assert (index / first / "chunks.jsonl").is_file()
    build_index(built, rebuild=True)  # no reader now: superseded builds go
    assert len(_builds(index)) == 1 and first not in _builds(index)


def _load_loop(index: str, loads: int, queue: Any, stop: Any = None) -> None:
    """Load `loads` times, or until `stop` is set; put (loads, failures) on the queue."""
    failures = done = 0
    while done < loads if stop is None else not stop.is_set():
        try:
            load_index(Path(index))
        except CiteqaError:
            failures += 1
        done += 1
    queue.put((done, failures))


def test_loads_against_rebuilds(built: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(publishing, "EXCLUSIVE_WAIT_SECONDS", 0.05)  # readers never stop here
    context = multiprocessing.get_context("fork")
    queue, stop = context.Queue(), context.Event()
    readers = [
        context.Process(target=_load_loop, args=(str(built.index_dir), 0, queue, stop))
        for _ in range(2)
    ]
    for reader in readers:
        reader.start()
    for _ in range(15):
        build_index(built, rebuild=True)
    stop.set()
    results = [queue.get(timeout=60) for _ in readers]
    for reader in readers:
        reader.join(timeout=60)
    assert all(loads >= 5 for loads, _ in results), results
    assert [failures for _, failures in results] == [0, 0]
    build_index(built)  # superseded builds that readers kept busy go once they are gone
    assert len(_builds(built.index_dir)) == 1


def _build_loop(corpus: str, index: str, builds: int, queue: Any) -> None:
    settings = fake_settings(Path(corpus), Path(index))
    done = locked = 0
    while done + locked < builds:
        try:
            build_index(settings, rebuild=True)
            done += 1
        except IndexLocked:
            locked += 1
            time.sleep(0.01)
    queue.put((done, locked))


def test_two_writers_and_a_reader(built: Any) -> None:
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    args = (str(built.corpus_dir), str(built.index_dir), 8, queue)
    writers = [context.Process(target=_build_loop, args=args) for _ in range(2)]
    reader = context.Process(target=_load_loop, args=(str(built.index_dir), 60, queue))
    for process in [*writers, reader]:
        process.start()
    results = [queue.get(timeout=120) for _ in range(3)]
    for process in [*writers, reader]:
        process.join(timeout=60)
    assert (60, 0) in results  # the reader: 60 loads, no failure
    assert sum(done for done, _ in results) - 60 >= 2  # the writers built, one at a time
    assert load_index(built.index_dir).chunks


BUILD = (
    "import sys; from pathlib import Path; import importlib.util as u;"
    "s = u.spec_from_file_location('fakes', sys.argv[3]);"
    "s.loader.exec_module(u.module_from_spec(s));"
    "from citeqa.api import build_index; from citeqa.config import Settings;"
    "build_index(Settings(channels=('fake',), corpus_dir=Path(sys.argv[1]),"
    " index_dir=Path(sys.argv[2])), rebuild=True)"
)


def test_kill_9_at_random_moments_of_a_build(built: Any) -> None:
    chooser = random.Random(10)
    index = built.index_dir
    plant_decoys(index, skip=("current",))
    decoys = decoy_snapshot(index, skip=("current",))
    conftest = str(REPO / "tests" / "conftest.py")
    for _ in range(6):
        process = subprocess.Popen(
            [sys.executable, "-c", BUILD, str(built.corpus_dir), str(index), conftest],
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        time.sleep(chooser.uniform(0.2, 3.0))
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        # whatever moment it died at: the last complete build loads (its files all verified),
        # the previous one or, when the kill came after publishing, the new one
        assert load_index(index).chunks
        assert decoy_snapshot(index, skip=("current",)) == decoys
    build_index(built)  # the next build cleans what the killed ones left
    owner = read_marker(index)
    assert owner is not None
    assert [p.name for p in index.iterdir() if owned(owner, p.name)] == _builds(index)
    assert len(_builds(index)) == 1
    assert decoy_snapshot(index, skip=("current",)) == decoys


def test_a_build_vanishing_under_a_reader_is_a_clear_error(
    built: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the lock (a reader of another version), a build deleted mid-load is IndexCorrupt,
    never a raw FileNotFoundError."""
    from citeqa import store
    from citeqa.errors import IndexCorrupt

    def vanished(folder: Path, index_files: object, **options: object) -> None:
        raise FileNotFoundError(2, "No such file or directory", str(folder))

    monkeypatch.setattr(store, "verify_files", vanished)
    with pytest.raises(IndexCorrupt, match="unreadable"):
        load_index(built.index_dir)
