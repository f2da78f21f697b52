"""What the chat's index-status screen costs on a corpus of 36,612 documents: building its
Content (`status_content`) and opening the screen headless (`App.run_test`) until it has painted,
listing every document and change (as it did before) against the first `citeqa.listing.LISTED`
of each (as it does now), alternated in one run. Not a test; run it by hand:

    python benchmarks/status_screen.py [--documents 36612] [--changes 3000] [--runs 3]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from collections.abc import Callable
from functools import partial

from citeqa.listing import LISTED
from citeqa.models import ChannelInfo, DocumentStatus, IndexStatus
from citeqa.tui.screens import index_status


def big_status(documents: int, changes: int) -> IndexStatus:
    """A status of `documents` documents (titles as long as real ones) and `changes` changes."""
    return IndexStatus(
        index_dir="/data/index",
        corpus_dir="/data/corpus",
        built_at="2026-11-28T12:00:00",
        format_version=1,
        documents=[
            DocumentStatus(
                doc_id=f"doc-{n:05d}",
                title=f"Report {n:05d} on renal response and biopsies in lupus nephritis",
                path=f"reports/report-{n:05d}.txt",
                chunks=7,
                lang=["en"],
            )
            for n in range(documents)
        ],
        channels=[ChannelInfo(name="use", model="USE v3", package="fast-use", version="0", dim=1)],
        chunk_count=7 * documents,
        size_bytes=10**9,
        corpus_bytes=10**9,
        corpus_examples=[],
        manifest_hash="0" * 64,
        stale=changes > 0,
        changed=[f"modified: reports/report-{n:05d}.txt" for n in range(changes)],
    )


async def open_screen(status: IndexStatus, listed: int | None) -> None:
    """Open the status screen in a bare headless app, wait for its first paint, close it."""
    from textual.app import App

    original = index_status.status_content
    index_status.status_content = partial(original, listed=listed)
    try:
        app: App[None] = App()
        async with app.run_test(size=(120, 40)) as pilot:
            await app.push_screen(index_status.IndexStatusScreen(status))
            await pilot.pause()
    finally:
        index_status.status_content = original


def alternate(before: Callable[[], object], now: Callable[[], object], runs: int) -> list[float]:
    """Median seconds of `before` and of `now`, run alternately `runs` times each."""
    times: list[list[float]] = [[], []]
    for _ in range(runs):
        for slot, function in enumerate((before, now)):
            began = time.perf_counter()
            function()
            times[slot].append(time.perf_counter() - began)
    return [statistics.median(slot) for slot in times]


def report(label: str, before: float, now: float) -> None:
    print(
        f"  {label}: every row {before * 1000:9.1f} ms · first {LISTED} {now * 1000:8.1f} ms"
        f" · ratio {before / now:.0f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=36612)
    parser.add_argument("--changes", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    status = big_status(args.documents, args.changes)
    print(
        f"status of {args.documents} documents and {args.changes} changes (median of {args.runs})"
    )
    built = alternate(
        lambda: index_status.status_content(status, None),
        lambda: index_status.status_content(status),
        args.runs,
    )
    report("build status_content     ", *built)
    opened = alternate(
        lambda: asyncio.run(open_screen(status, None)),
        lambda: asyncio.run(open_screen(status, LISTED)),
        args.runs,
    )
    report("open the screen (run_test)", *opened)


if __name__ == "__main__":
    main()
