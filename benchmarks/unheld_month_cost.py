"""Print what the quoted documents' month check (unheld_months: does a quoted document write the
asked month anywhere?) costs on a long document, read whole as before (written_months over the
whole text) and on the lines that may write the month (unheld_months.writes_month), with the
ratio, in one run. Not a test; run it by hand:

    python benchmarks/unheld_month_cost.py [--kilobytes 100 920] [--rounds 3]

The document is a year of statement lines ("| 12/03/2025 | CANTINE CHLOÉ | 143,55 € |") and
prose, all months but April, the one asked, on days past the 12th (a day of "04/05/2025" may
be April): no line writes it, so the whole check runs (the
slowest path short of finding it); a second document writes April once, near its end.
"""

from __future__ import annotations

import argparse
from functools import partial

from fake_corpus import median_seconds

from citeqa.unheld_months import writes_month, written_months

ASKED = "--04"
ITEMS = ("CANTINE CHLOÉ", "Loyer mars", "Électricité EDF", "Assurance habitation MRA")
PROSE = (
    "Le relevé ci-dessous reprend les opérations du compte joint, révisé chaque année au 1er "
    "septembre, avec 12 % de frais en moins et 4.5 points de fidélité par achat."
)


def statement(kilobytes: int, april: bool) -> str:
    """About `kilobytes` KB of statement lines and prose, April's line last when `april`."""
    lines: list[str] = []
    size, i = 0, 0
    while size < kilobytes * 1000:
        month = [1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12][i % 11]
        line = f"| {i % 16 + 13}/{month:02d}/2025 | {ITEMS[i % 4]} | {i % 900},{i % 100:02d} € |"
        lines.append(PROSE if i % 5 == 0 else line)
        size += len(lines[-1]) + 1
        i += 1
    if april:
        lines.append("| 30/04/2025 | CANTINE CHLOÉ | 69,60 € |")
    return "\n".join(lines) + "\n"


def whole(text: str) -> bool:
    """The check as it read before: the whole document's months."""
    return ASKED in written_months(text, dated=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kilobytes", type=int, nargs="+", default=[100, 920])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    for kilobytes in args.kilobytes:
        for april in (False, True):
            text = statement(kilobytes, april)
            assert whole(text) is writes_month(text, ASKED) is april  # one answer both ways
            before = median_seconds(partial(whole, text), args.rounds)
            after = median_seconds(partial(writes_month, text, ASKED), args.rounds)
            print(
                f"{len(text) / 1000:,.0f} KB, April {'written' if april else 'absent'}: "
                f"whole {before * 1000:.1f} ms, lines {after * 1000:.1f} ms, "
                f"{before / after:.1f}x faster"
            )


if __name__ == "__main__":
    main()
