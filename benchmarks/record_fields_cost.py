"""Print the time record_fields.answering_fields takes to read one record of N field lines
(a long form, a generated sheet: every line a "Label : value" line of its own label, every
one naming the asked label), for N and 2N, and the ratio: reading a record should cost in
proportion to its lines (ratio near 2), not to their square (near 4). Not a test; run it by
hand:

    python benchmarks/record_fields_cost.py [--lines 1000] [--rounds 3]
"""

from __future__ import annotations

import argparse
from functools import partial

from fake_corpus import median_seconds

from citeqa.record_fields import answering_fields, asked_words

QUESTION = "Quelle est la date du lot 77 ?"


def record(lines: int) -> str:
    """A record of `lines` field lines, each of its own label naming the date."""
    return "".join(
        f"Date {number} : {number % 28 + 1} mars 2032 lot {number}\n" for number in range(lines)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    words, times = asked_words(QUESTION), []
    for lines in (args.lines, 2 * args.lines):
        text = record(lines)
        read = partial(answering_fields, text, words, QUESTION, frozenset())
        times.append(median_seconds(read, args.rounds))
        print(f"{lines:>7} lines: {times[-1] * 1000:10.1f} ms")
    print(f"ratio (2N / N): {times[1] / times[0]:.2f}")


if __name__ == "__main__":
    main()
