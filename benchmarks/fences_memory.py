"""Print the memory (tracemalloc's peak) and CPU time fences.code_fences takes on a Markdown
text made of fence lines, before and after session 19's compact spans, in one run: the former
list of (start, end) tuples and its two lists, kept here, against the two integer arrays of
`Fences`, with the same answers to `holds` at every fence line and between. Not a test; run it
by hand:

    python benchmarks/fences_memory.py [--megabytes 10]
"""

from __future__ import annotations

import argparse
import bisect
import time
import tracemalloc
from collections.abc import Callable
from functools import partial
from typing import Any

from citeqa import fences
from citeqa.fences import code_fences


class FormerFences:
    """`Fences` as session 18 wrote it: a list of spans, then a list of starts and of ends."""

    def __init__(self, spans: Any) -> None:
        spans = list(spans)
        self.starts = [start for start, _ in spans]
        self.ends = [end for _, end in spans]

    def holds(self, offset: int) -> bool:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index >= 0 and offset < self.ends[index]


def measured(work: Callable[[], Any]) -> tuple[Any, float, float]:
    """What `work` returns, its CPU seconds, then its peak traced memory in MB (a second run,
    traced: tracing slows it down)."""
    start = time.process_time()
    work()
    seconds = time.process_time() - start
    tracemalloc.start()
    result = work()
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return result, peak, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--megabytes", type=int, default=10)
    args = parser.parse_args()
    for name, line in (("```", "```\n"), ("blank, ~~~", "\n~~~\n")):
        text = line * (args.megabytes * 1_000_000 // len(line))
        now, peak, seconds = measured(partial(code_fences, text))
        kept = fences.Fences
        fences.Fences = FormerFences  # type: ignore[misc,assignment]
        try:
            before, former_peak, former_seconds = measured(partial(code_fences, text))
        finally:
            fences.Fences = kept  # type: ignore[misc]
        probes = range(0, len(text), 997)
        same = all(now.holds(at) == before.holds(at) for at in probes)
        print(
            f"{args.megabytes} MB of {name!r} lines, {len(now.starts):,} fences:"
            f" {former_peak:.0f} -> {peak:.0f} MB peak ({former_peak / peak:.1f}x less),"
            f" {former_seconds:.1f} -> {seconds:.1f} s CPU, same answers: {same}"
        )


if __name__ == "__main__":
    main()
