"""Print what two PDF page passes cost before and after session 19's linear versions, in one
run, with the same results: the margins' small opening lines (readers/pdfmargins.py
`_smaller_lines`, against the former one that joined every line up to each one again, kept
here) on one page of N small lines over 2N body lines, and the line-end hyphen joining
(readers/linehyphens.py `_in_compound`, against the former one that sliced the whole page
before each break) on one page of B breaks. CPU seconds, medians of a few rounds. Not a test;
run it by hand:

    python benchmarks/pdf_read_cost.py [--lines 4000] [--breaks 40000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from fake_corpus import cpu_median

from citeqa.readers import linehyphens, pdfmargins
from citeqa.readers.linehyphens import join_hyphenated_pages
from citeqa.readers.pdfmargins import Page, margin_free_pages, smaller_first_lines


def former_smaller_lines(lines: list[str], pieces: list[Any], body: float | None) -> int:
    """`_smaller_lines` as session 18 wrote it: the lines up to each one joined again."""
    if body is None:
        return 0
    small = ""
    for text, size in pieces:
        if text.strip() and size >= body:
            break
        small += text
    covered, count = " ".join(small.split()), 0
    while count < len(lines) and covered.startswith(" ".join(" ".join(lines[: count + 1]).split())):
        count += 1
    return count


def former_in_compound(found: re.Match[str]) -> bool:
    """`_in_compound` as session 18 wrote it: the whole page before the break sliced."""
    before = found.string[: found.start("head")]
    return len(before) >= 2 and before[-1] in "-\u2010" and before[-2].isalpha()


@contextmanager
def former(module: Any, name: str, replacement: Callable[..., Any]) -> Iterator[None]:
    """`module.name` replaced by `replacement` for the block."""
    kept = getattr(module, name)
    setattr(module, name, replacement)
    try:
        yield
    finally:
        setattr(module, name, kept)


def small_lines_page(count: int) -> Page:
    """One page: `count` lines set at 6 pt over twice as many at 11 pt."""
    small = [f"footnote small line {number} with some words" for number in range(count)]
    lines = small + ["Body text line about the freezer."] * (2 * count)
    pieces = tuple((line + "\n", 6.0) for line in small) + tuple(
        (line + "\n", 11.0) for line in lines[count:]
    )
    return Page("\n".join(lines), pieces)


def margins(page: Page) -> tuple[Any, ...]:
    return (margin_free_pages([page]), smaller_first_lines(page))


def broken_page(breaks: int) -> list[str]:
    """One page of `breaks` line-end hyphens, compounds ("state-of-the-⏎art") and syllables."""
    line = "state-of-the-\nart methods and the senes-\ncence of sample {} stays low over the week\n"
    return ["".join(line.format(number) for number in range(breaks // 2))]


def versus_former(
    what: str,
    module: Any,
    name: str,
    replacement: Callable[..., Any],
    work: Callable[[], object],
    rounds: int,
) -> str:
    """`work`'s CPU cost with `module.name` as it was (`replacement`) and as it is, and whether
    both give the same result, as one line."""
    now = work()
    with former(module, name, replacement):
        before = work()
        former_cost = cpu_median(work, rounds)
    cost = cpu_median(work, rounds)
    return (
        f"{what}: {former_cost:.3f} s -> {cost:.3f} s CPU"
        f" ({former_cost / max(cost, 1e-9):.0f}x), same result: {now == before}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lines", type=int, default=4000)
    parser.add_argument("--breaks", type=int, default=40000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    page = small_lines_page(args.lines)
    print(
        versus_former(
            f"margins, {args.lines} small lines",
            pdfmargins,
            "_smaller_lines",
            former_smaller_lines,
            lambda: margins(page),
            args.rounds,
        )
    )
    pages = broken_page(args.breaks)
    print(
        versus_former(
            f"hyphens, {args.breaks} breaks ({len(pages[0]) / 1e6:.1f} MB)",
            linehyphens,
            "_in_compound",
            former_in_compound,
            lambda: join_hyphenated_pages(pages),
            args.rounds,
        )
    )


if __name__ == "__main__":
    main()
