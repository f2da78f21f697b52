"""Print what reading hostile input costs before and after session 18's bounds, in one run:
markdown headings holding a long run of spaces (headingpath.markdown_headings against the
former lazy pattern, kept here), and the words before each number of a question of many
numbers (numbered_sections.asked_numbers against the former whole-prefix search). CPU seconds,
medians of a few rounds. Not a test; run it by hand:

    python benchmarks/hostile_headings_cost.py [--spaces 8000] [--numbers 1000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import re

from fake_corpus import cpu_median

from citeqa import numbered_sections
from citeqa.headingpath import markdown_headings

_FORMER_ATX = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*\r?$", re.MULTILINE)


def former_headings(text: str) -> list[str]:
    """The headings' texts as the former lazy pattern read them."""
    return [match.group(2).strip() for match in _FORMER_ATX.finditer(text)]


def former_asked_numbers(question: str) -> None:
    """The former searches before each number (its word, a currency sign): the whole question
    before it."""
    for match in numbered_sections._NUMBER.finditer(question):
        numbered_sections._WORD_BEFORE.search(question[: match.start()])
        numbered_sections._SIGN_BEFORE.search(question[: match.start()])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--spaces", type=int, default=8000)
    parser.add_argument("--numbers", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    text = "## Refund" + " " * args.spaces + "policy\n\nThe refund policy gives a rebate.\n"
    assert former_headings(text) == [heading.title for heading in markdown_headings(text)]
    before = cpu_median(lambda: former_headings(text), args.rounds)
    after = cpu_median(lambda: markdown_headings(text), args.rounds)
    print(
        f"heading of {args.spaces:,} spaces: {before:.3f} s -> {after:.5f} s"
        f" ({before / max(after, 1e-6):,.0f}x)"
    )
    question = "Article " + "5 " * args.numbers
    before = cpu_median(lambda: former_asked_numbers(question), args.rounds)
    after = cpu_median(lambda: numbered_sections.asked_numbers(question), args.rounds)
    print(
        f"question of {args.numbers:,} numbers (searches before each): {before:.3f} s ->"
        f" {after:.4f} s whole asked_numbers ({before / max(after, 1e-6):,.1f}x)"
    )


if __name__ == "__main__":
    main()
