"""Print the time field_lines.field_label takes to read one line of N spaces with no colon (a
text file's padding line, a report exported with fixed-width columns), for growing N, and
each time's ratio to the shortest line's: reading a line should cost in proportion to its
length, so the ratio should grow as N does, not as N squared. Not a test; run it by hand:

    python benchmarks/field_line_cost.py [--rounds 3]
"""

from __future__ import annotations

import argparse
from functools import partial

from fake_corpus import median_seconds

from citeqa.field_lines import field_label

SPACES = (1_000, 8_000, 32_000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    rounds = parser.parse_args().rounds
    first = 0.0
    for spaces in SPACES:
        line = "Intro" + " " * spaces + "x"
        seconds = median_seconds(partial(field_label, line, 0, len(line)), rounds)
        first = first or seconds
        print(f"{spaces:>7} spaces: {seconds * 1000:10.3f} ms  ratio {seconds / first:8.1f}")


if __name__ == "__main__":
    main()
