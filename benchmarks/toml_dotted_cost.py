"""Print what reading a .toml file whose one key has tens of thousands of dotted parts costs
(readers/configfiles.py): tomllib's time grows with the square of a key's parts (s25 hostile
probe: 60 KB took 7.9 s CPU, 200 KB over 400 s), so such a key is refused before it parses.
The file is read once as a flat table of as many characters and once as one dotted key; the
ratio of CPU times should be near 1. Not a test; run it by hand:

    python benchmarks/toml_dotted_cost.py [--parts 30000] [--rounds 3]
"""

from __future__ import annotations

import argparse
from functools import partial

from fake_corpus import cpu_median

from citeqa.readers.base import UnreadableDocument
from citeqa.readers.configfiles import ConfigReader

_READER = ConfigReader("toml", (".toml",))


def _read(text: str) -> str:
    try:
        return _READER.extract(text, "pyproject.toml").text[:40]
    except UnreadableDocument as refused:
        return f"refused: {refused.reason}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--parts", type=int, default=30000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    flat = "".join(f"k{n} = 1\n" for n in range(args.parts // 4))
    dotted = "a" + ".a" * args.parts + " = 1\n"
    seconds = []
    for label, text in (("flat table", flat), ("dotted key", dotted)):
        seconds.append(cpu_median(partial(_read, text), args.rounds))
        print(f"{label:>10} ({len(text):,} chars): {seconds[-1]:.3f} s CPU, {_read(text)!r}")
    print(f"ratio dotted/flat: {seconds[1] / max(seconds[0], 1e-9):.1f}x CPU")


if __name__ == "__main__":
    main()
