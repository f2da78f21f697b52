"""Print what the decimal-comma repair (readers/delimited.py `_decimals_joined`: a record wider
than its header has the fields an unquoted decimal comma cut joined again) costs. First a
--rows-row French price export whose every record holds one unquoted "1,20 € par km" read as a
pipe table, with the repair and with it turned off (records left as read), then a same-size
export whose prices are quoted (no record is wider than its header: the repair does nothing).
Last the hostile one-record sheet: header `nom,tarif` and one record of --wide fields, every
pair an "1","20 € par km" cut (each joined) and a chain ("1" then --wide fields "20 x 3",
each joined to the one before): seconds to read each. Medians of --rounds runs. Not a test;
run it by hand:

    python benchmarks/decimal_comma_cost.py [--rows 200000] [--rounds 3] [--wide 80000]
"""

from __future__ import annotations

import argparse
from unittest import mock

from fake_corpus import median_seconds

from citeqa.readers import delimited, reader_for


def export(rows: int, quoted: bool) -> str:
    """A price export of `rows` records, the price quoted or cut by its decimal comma."""
    lines = ["trajet,tarif,ville"]
    for n in range(rows):
        price = f"{1 + n % 9},{10 + n % 90} € par km"
        lines.append(f'T-{n},"{price}",Lyon' if quoted else f"T-{n},{price},Lyon")
    return "\n".join(lines) + "\n"


def seconds(text: str, rounds: int) -> float:
    """The median seconds of reading `text` as prices.csv."""
    sheet = reader_for(".csv")
    assert sheet is not None
    return median_seconds(lambda: sheet.extract(text, "prices.csv"), rounds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--wide", type=int, default=80_000)
    args = parser.parse_args()
    cut, quoted = export(args.rows, quoted=False), export(args.rows, quoted=True)
    print(f"{args.rows:,} rows, {len(cut) / 1e6:.1f} MB of CSV")
    repaired = seconds(cut, args.rounds)
    with mock.patch.object(delimited, "_decimals_joined", lambda record, width: record):
        unrepaired = seconds(cut, args.rounds)
    print(f"every record cut, repaired:      {repaired:.2f} s")
    print(f"every record cut, left as read:  {unrepaired:.2f} s")
    print(f"prices quoted (nothing to join): {seconds(quoted, args.rounds):.2f} s")
    pairs = "nom,tarif\na," + ",".join(["1", "20 € par km"] * (args.wide // 2)) + "\n"
    chain = "nom,tarif\na,1," + ",".join(["20 x 3"] * args.wide) + "\n"
    print(f"one record of {args.wide:,} fields, pairs joined: {seconds(pairs, args.rounds):.2f} s")
    print(f"one record of {args.wide:,} fields, one chain:    {seconds(chain, args.rounds):.2f} s")


if __name__ == "__main__":
    main()
