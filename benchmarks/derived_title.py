"""Print what deriving one title costs on a long document whose title is its third line (after
an RST comment): derived_title reads lines lazily, up to the title. Not a test; run it by hand:

    python benchmarks/derived_title.py [--megabytes 10] [--baseline-src DIR]

With --baseline-src (the src/ folder of another citeqa, e.g. `git archive s13-int src`), the
same timing runs in a fresh process on that code after this one, and the ratio of the
two is printed: before and after in one run.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

_TIMING = """
import sys, timeit
from citeqa.titles import derived_title
text = ".. comment\\n\\nRelease notes\\n" + "A line of prose in the body.\\n" * int(sys.argv[1])
runs = 5
print(timeit.timeit(lambda: derived_title(text, "notes.txt"), number=runs) / runs)
"""
_LINE_CHARS = len("A line of prose in the body.\n")


def _seconds(lines: int, src: str | None) -> float:
    """Seconds per title, timed in a fresh process importing citeqa from `src` (else this one)."""
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = src
    out = subprocess.run(
        [sys.executable, "-c", _TIMING, str(lines)], env=env, capture_output=True, check=True
    )
    return float(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=10.0)
    parser.add_argument("--baseline-src", help="another citeqa's src/ folder, timed in turn")
    args = parser.parse_args()
    lines = int(args.megabytes * 1e6 / _LINE_CHARS)
    here = _seconds(lines, None)
    print(f"{args.megabytes:g} MB document: {here * 1000:.3f} ms per title (this citeqa)")
    if args.baseline_src:
        before = _seconds(lines, args.baseline_src)
        print(f"baseline {args.baseline_src}: {before * 1000:.3f} ms per title")
        print(f"ratio this / baseline: {here / before:.5f}")


if __name__ == "__main__":
    main()
