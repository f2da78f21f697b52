"""Print what reading an HTML page costs when its `<ol start>` is a number of thousands of
digits (readers/htmllists.py): before the s25 hostile mend every item opened with the whole
number, so a 14 KB page read as 8.6 MB of text. The page of 2,000 items is read once with
`start="9"` and once with `start` of 4,299 nines; the ratio of CPU times and of text lengths
should be near 1. Not a test; run it by hand:

    python benchmarks/list_number_cost.py [--items 2000] [--rounds 3]
"""

from __future__ import annotations

import argparse
from functools import partial

from fake_corpus import cpu_median

from citeqa.readers.html import html_visible_text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    results = {}
    for label, start in (("start=9", "9"), ("start=9*4299", "9" * 4299)):
        page = f'<ol start="{start}">' + "<li>x" * args.items + "</ol>"
        seconds = cpu_median(partial(html_visible_text, page), args.rounds)
        chars = len(html_visible_text(page)[0])
        results[label] = (seconds, chars)
        print(f"{label:>14}: {seconds:.3f} s CPU, {chars:,} characters of text")
    (small_s, small_c), (big_s, big_c) = results.values()
    print(f"ratio big/small: {big_s / max(small_s, 1e-9):.1f}x CPU, {big_c / small_c:.1f}x text")


if __name__ == "__main__":
    main()
