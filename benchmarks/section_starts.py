"""Print what reading a text's section bounds costs later_statements.SectionDates: the
starts-only reader it uses (headingpath.heading_line_starts, fences read in Markdown only)
against the whole outline (headingpath.heading_starts: titles cleaned, kept in its cache)
and the scan of '#' lines SectionDates had before session 30 (str.find of "\\n#", no fences),
medians of a few rounds in one run, with ratios to that scan; and the memory each reader
holds after reading (tracemalloc, one round). Not a test; run it by hand:

    python benchmarks/section_starts.py [--megabytes 5] [--rounds 3]
"""

from __future__ import annotations

import argparse
import gc
import re
import tracemalloc
from collections.abc import Callable

from fake_corpus import median_seconds

from citeqa import headingpath
from citeqa.headingpath import heading_line_starts, heading_starts
from citeqa.recently_used import RecentlyUsed

_HEADING = re.compile(r"#{1,6}[ \t]")


def scan_before(text: str) -> list[int]:
    """The '#' line starts SectionDates read before session 30 (no fences, no indentation)."""
    starts = [0] if _HEADING.match(text) else []
    at = text.find("\n#")
    while at >= 0:
        if _HEADING.match(text, at + 1):
            starts.append(at + 1)
        at = text.find("\n#", at + 1)
    return starts


def outline(text: str) -> tuple[int, ...]:
    """headingpath.heading_starts read afresh (its cache emptied first)."""
    headingpath._CACHE = RecentlyUsed(headingpath.CACHED_DOCUMENTS)
    return heading_starts(text)[0]


def texts(megabytes: int) -> dict[str, str]:
    """Calendar-like events, prose with one stamp, fenced blocks between headings, and a text
    of nothing but short heading lines, each about `megabytes` long."""
    size = megabytes * 1_000_000
    event = "# Event {}\nLast modified: 2026-01-02\nBody of event {} with words.\n\n"
    prose = "Plain prose line without anything special at all here.\n"
    fenced = "```\ncode\n```\n# H\nLast modified: 2026-01-02\n"
    return {
        "events": "".join(event.format(n, n) for n in range(size // 50))[:size],
        "prose": prose * (size // len(prose)) + "Last modified: 2026-01-02\n",
        "fenced": fenced * (size // len(fenced)),
        "hash lines": "# x\n" * (size // 4),
    }


def held_megabytes(read: Callable[[str], object], text: str) -> float:
    """The memory still held after one reading (its result and any cache), in MB."""
    gc.collect()
    tracemalloc.start()
    kept = read(text)
    held = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del kept
    return held / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    readers: dict[str, Callable[[str], object]] = {
        "scan before s30": scan_before,
        "line starts, md": lambda text: heading_line_starts(text, markdown=True),
        "line starts, txt": lambda text: heading_line_starts(text, markdown=False),
        "outline (s30-int)": outline,
    }
    for name, text in texts(args.megabytes).items():
        print(f"{name} ({len(text):,} chars):")
        base = 0.0
        for label, read in readers.items():
            seconds = median_seconds(lambda: read(text), args.rounds)  # noqa: B023
            base = base or seconds
            held = held_megabytes(read, text)
            print(f"  {label:18} {seconds:7.3f} s  {seconds / base:5.1f}x  held {held:7.1f} MB")


if __name__ == "__main__":
    main()
