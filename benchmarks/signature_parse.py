"""What reading a line as a signature costs: seconds of `signatures.is_signature` and of
`signatures.owner` (which reads back up to OWNER_LINES lines, each through is_signature, for
every candidate sentence of an API reference) on typed lines of 5 to 40 parameters
(`connect(p0: int = 3, p1: int = 3, …) → Connection`), accepted or not (a stray "(" after
them), on the same lines untyped, and of `owner` for a sentence under 29 rejected typed lines
(lines over SIGNATURE_MAX characters, 300, are rejected by their length alone). The regular
expression it replaced took 0.9, 7.0 and 32.6 s on one typed line of 6, 7 and 8 parameters
("host: int = 3, …" and "→ Connection"). Not a test; run it by hand:

    python benchmarks/signature_parse.py [--counts 5 10 20 40] [--repeat 200]
"""

from __future__ import annotations

import argparse
import functools
import time
from collections.abc import Callable

from citeqa.signatures import is_signature, owner


def typed_line(count: int, tail: str = "") -> str:
    """A typed signature of `count` parameters, with `tail` after it."""
    parameters = ", ".join(f"p{number}: int = 3" for number in range(count))
    return f"hydrokit.connect({parameters}) → Connection{tail}"


def untyped_line(count: int, tail: str = "") -> str:
    """An untyped signature of `count` parameters with defaults, with `tail` after it."""
    return "f(" + ", ".join(f"p{number}=1" for number in range(count)) + ")" + tail


def seconds(call: Callable[[], object], repeat: int) -> float:
    """Seconds per call of a no-argument callable, best of three rounds of `repeat` calls."""
    best = float("inf")
    for _ in range(3):
        began = time.perf_counter()
        for _ in range(repeat):
            call()
        best = min(best, (time.perf_counter() - began) / repeat)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--counts", type=int, nargs="+", default=[5, 10, 20, 40])
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    print("params  chars  typed_ok_us  typed_bad_us  untyped_bad_us  owner_30_lines_ms")
    for count in args.counts:
        good, bad = typed_line(count), typed_line(count, " x(")
        page = "\n".join([good] + [bad] * 29 + ["The retries parameter sets the retries."])
        row = (
            seconds(functools.partial(is_signature, good), args.repeat) * 1e6,
            seconds(functools.partial(is_signature, bad), args.repeat) * 1e6,
            seconds(functools.partial(is_signature, untyped_line(count, " x(")), args.repeat) * 1e6,
            seconds(functools.partial(owner, page, len(page) - 5), args.repeat) * 1e3,
        )
        print(f"{count:6d}  {len(good):5d}  " + "  ".join(f"{value:12.1f}" for value in row))


if __name__ == "__main__":
    main()
