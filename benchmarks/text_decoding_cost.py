"""Print what decoding a large text file costs (textdecoding.decoded_text), by encoding: a
--lines-line French text as UTF-8 (the common case, and the reference), as cp1252, as cp1252
after one UTF-8 line, as UTF-8 with one cp1252 line, with many cp1252 lines interleaved (one in
--every), as UTF-16 without its mark, and as Japanese in UTF-16 without its mark. Median CPU
seconds of --rounds runs in one run, each one's ratio to the UTF-8 file (s21 review: cp1252
plus one UTF-8 line cost 8.49 s, 77 times main's, when each run of bytes that is not UTF-8 was
decoded by a Python call), and the peak of the memory Python allocates while decoding it
(tracemalloc; s28 review A: a 20 MB Japanese UTF-16 file without its mark peaked at 966 MB,
its characters counted over the whole text).
Not a test; run it by hand:

    python benchmarks/text_decoding_cost.py [--lines 600000] [--rounds 3] [--every 10]
"""

from __future__ import annotations

import argparse
import tracemalloc
from functools import partial

from fake_corpus import cpu_median

from citeqa.textdecoding import decoded_text

LINE = "L'été dernier, nous avons révisé le contrat — coût : 25 € à payer déjà.\n"
"""A line of French holding letters and signs that UTF-8 writes in two or three bytes."""
JAPANESE_LINE = "東京都の人口は約千四百万人で、日本の首都である。会議は午後三時に始まります。\n"
"""A line of Japanese: its UTF-16 code units hold too few NUL bytes to be told UTF-16 alone."""


def cases(lines: int, every: int) -> dict[str, bytes]:
    """The files decoded, by name."""
    utf8 = (LINE * lines).encode()
    legacy = (LINE * lines).encode("cp1252")
    interleaved = ((LINE * (every - 1)).encode() + LINE.encode("cp1252")) * (lines // every)
    return {
        "UTF-8": utf8,
        "cp1252": legacy,
        "cp1252 + 1 UTF-8 line": "café ✓\n".encode() + legacy,
        "UTF-8 + 1 cp1252 line": utf8 + "é\n".encode("cp1252"),
        f"UTF-8, 1 line in {every} cp1252": interleaved,
        "UTF-16-LE, no mark": (LINE * lines).encode("utf-16-le"),
        "Japanese UTF-16-LE, no mark": (JAPANESE_LINE * lines).encode("utf-16-le"),
    }


def peak_megabytes(raw: bytes) -> float:
    """The peak of the memory Python allocates while decoding `raw`, in MB (tracemalloc)."""
    tracemalloc.start()
    try:
        decoded_text(raw, "bench.txt")
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=600_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--every", type=int, default=10)
    args = parser.parse_args()
    reference = None
    for name, raw in cases(args.lines, args.every).items():
        seconds = cpu_median(partial(decoded_text, raw, "bench.txt"), args.rounds)
        reference = reference or seconds
        _, warnings = decoded_text(raw, "bench.txt")
        said = warnings[0].removeprefix("bench.txt: ") if warnings else "no warning"
        print(
            f"{name:28} {len(raw) / 1e6:6.1f} MB {seconds:6.2f} s CPU"
            f" ×{seconds / reference:5.1f} peak {peak_megabytes(raw):7.1f} MB  ({said})"
        )


if __name__ == "__main__":
    main()
