"""Print what reading an HTML page of unclosed blocks costs (readers/html.py): `<div><span>x
</span>` repeated, never closed, read by html_visible_text; then as many nested `<div>`s each
with its own text and a button, closed (each hands its counts and own text, kept bounded by
htmlchrome.WIDGET_CHARS, to the block around it). CPU seconds, medians of a few rounds,
per count of blocks: a cost growing with the count's square means each element read walks every
open block (s20 review: 5,000 blocks took 6.2 s, 20,000 over 100 s). Last, a page ending in
unclosed tags, `"<a " * n` for n in --tails (html.parser scanned the rest again for each: 8,000
took 4.9 s to 23 s, 16,000 four times that). Not a test; run it by hand:

    python benchmarks/html_nesting_cost.py [--counts 1000 5000 20000] [--rounds 3]
        [--tails 8000 16000 32000]
"""

from __future__ import annotations

import argparse
from functools import partial

from fake_corpus import cpu_median

from citeqa.readers.html import html_visible_text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--counts", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--tails", type=int, nargs="+", default=[8000, 16000, 32000])
    args = parser.parse_args()
    for count in args.counts:
        page = "<div><span>x</span>" * count
        seconds = cpu_median(partial(html_visible_text, page), args.rounds)
        print(f"{count:>7} unclosed <div>s: {seconds:.3f} s")
    for count in args.counts:  # each block closing hands its counts and own text to its outer
        page = "<div><span>we use</span> cookies <button>OK</button>" * count + "</div>" * count
        seconds = cpu_median(partial(html_visible_text, page), args.rounds)
        print(f"{count:>7} closed <div>s with a button: {seconds:.3f} s")
    for count in args.tails:
        seconds = cpu_median(partial(html_visible_text, "<a " * count), args.rounds)
        print(f"{count:>7} unclosed '<a ' ending the page: {seconds:.3f} s")


if __name__ == "__main__":
    main()
