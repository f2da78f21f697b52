"""Print what reading a question's candidate lines as API fields costs on a long paragraph
(asked_fields.answering_lines): whether each candidate describing a field is a console
session's line reads its paragraph for a prompt. A paragraph of `--lines` field lines
("threshold_7 (float) – Fraction of reads 7."), no blank line, and `--candidates` of them
spread over it. Until session 50 each candidate read its paragraph from its opening (2.5 s a
question on 50,000 "Key: value" lines, the s50 hostile probe); since, CONSOLE_LOOKBACK
characters above it at most. Run it with the PYTHONPATH of both versions and compare the
seconds and how they grow with the lines (2x the lines: the same time when bounded). CPU
seconds, medians of a few rounds. Not a test; run it by hand:

    python benchmarks/console_lines_cost.py [--lines 25000 50000 100000] [--candidates 150]
"""

from __future__ import annotations

import argparse
from functools import partial

from fake_corpus import cpu_median

from citeqa.asked_fields import AskedFields, answering_lines


def asked(lines: int, candidates: int) -> AskedFields:
    """A question asking a field no line names, over `candidates` lines of a paragraph."""
    text = "".join(f"threshold_{n} (float) – Fraction of reads {n}.\n" for n in range(lines))
    starts = [0]
    for line in text.splitlines(keepends=True)[:-1]:
        starts.append(starts[-1] + len(line))
    step = max(1, lines // candidates)
    placed = [(text, start, text[start : text.index("\n", start)]) for start in starts[::step]]
    return AskedFields(placed, frozenset({"timeout"}), frozenset(), False, lambda _: "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, nargs="+", default=[25_000, 50_000, 100_000])
    parser.add_argument("--candidates", type=int, default=150)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    for lines in args.lines:
        question = asked(lines, args.candidates)
        seconds = cpu_median(partial(answering_lines, question), args.rounds)
        print(f"{lines:,} lines, {len(question.placed)} candidates: {seconds:.3f} s CPU")


if __name__ == "__main__":
    main()
