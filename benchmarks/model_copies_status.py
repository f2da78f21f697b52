"""What `citeqa status` spends naming the model copies kept for the user
(usecopies.kept_for_user) when the models folder holds many copies citeqa wrote: each copy's
manifest read once (as now) against twice (before: once to see it is citeqa's, once more by
`is_copy`), in one run, with the manifest reads counted. Not a test; run it by hand:

    python benchmarks/model_copies_status.py [--copies 300] [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections.abc import Callable
from pathlib import Path
from unittest import mock

from fake_corpus import median_seconds

from citeqa import usecopies


def _previous() -> list[Path]:
    """The check as it was: the manifest read to see it is citeqa's, then again by is_copy."""
    models = usecopies.userdirs.cache_dir() / "models"
    kept = []
    for entry in sorted(models.iterdir()):
        if not usecopies.COPY_NAME.fullmatch(entry.name) or entry.name.endswith(".unusable"):
            continue
        try:
            usecopies._listed(usecopies.read_object(entry / usecopies.MANIFEST))
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            continue
        if not usecopies.is_copy(entry):
            kept.append(entry)
    return kept


def _fill(models: Path, copies: int) -> None:
    """`copies` copies citeqa wrote, every other one holding a user's file too."""
    for number in range(copies):
        folder = models / f"usem3-1.0-{number:016x}"
        folder.mkdir(parents=True)
        (folder / "a.npy").write_bytes(b"x")
        manifest = {"writer": usecopies.WRITER, "files": ["a.npy"]}
        (folder / usecopies.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
        if number % 2:
            (folder / "notes.txt").write_text("mine", encoding="utf-8")


def _timed(check: Callable[[], list[Path]], runs: int) -> tuple[float, int, int]:
    """The median seconds of `check`, the manifest reads of one call, and what it named."""
    reads = 0
    real = usecopies.read_object

    def counted(path: Path) -> dict:
        nonlocal reads
        reads += 1
        return real(path)

    named = 0

    def once() -> None:
        nonlocal reads, named
        reads = 0
        named = len(check())

    with mock.patch.object(usecopies, "read_object", counted):
        seconds = median_seconds(once, runs)
    return seconds, reads, named


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=300)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        cache = Path(temp)
        _fill(cache / "models", args.copies)
        with mock.patch.object(usecopies.userdirs, "cache_dir", lambda: cache):
            before = _timed(_previous, args.runs)
            now = _timed(usecopies.kept_for_user, args.runs)
    for label, (seconds, reads, named) in (("before", before), ("now", now)):
        print(f"{label:>6}: {seconds * 1000:7.1f} ms, {reads} manifest reads, {named} named")
    print(f"ratio now/before: {now[0] / before[0]:.2f}")


if __name__ == "__main__":
    main()
