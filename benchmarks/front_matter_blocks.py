"""Print what cutting a long document that opens with YAML front matter into blocks costs
(blocks.split_blocks; the front matter is found once, reading only its own lines). Not a test;
run it by hand:

    python benchmarks/front_matter_blocks.py [--paragraphs 70000] [--baseline-src DIR]

With --baseline-src (the src/ folder of another citeqa, e.g. `git archive s13-int src`), the
same timing runs in a fresh process on that code after this one, and the ratio is printed.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

_TIMING = """
import sys, time
from citeqa.blocks import split_blocks
text = "---\\ntitle: x\\n---\\n\\n" + "A paragraph of prose here.\\n\\n" * int(sys.argv[1])
start = time.perf_counter()
split_blocks(text)
print(time.perf_counter() - start)
"""


def _seconds(paragraphs: int, src: str | None) -> float:
    """Seconds to cut the document, in a fresh process importing citeqa from `src` (else the
    PYTHONPATH this one runs with)."""
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = src
    command = [sys.executable, "-c", _TIMING, str(paragraphs)]
    return float(subprocess.run(command, env=env, capture_output=True, check=True).stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=70_000)
    parser.add_argument("--baseline-src", help="another citeqa's src/ folder, timed after")
    args = parser.parse_args()
    here = _seconds(args.paragraphs, None)
    print(f"{args.paragraphs} paragraphs after front matter: {here:.2f} s (this citeqa)")
    if args.baseline_src:
        before = _seconds(args.paragraphs, args.baseline_src)
        print(f"baseline {args.baseline_src}: {before:.2f} s")
        print(f"ratio this / baseline: {here / before:.3f}")


if __name__ == "__main__":
    main()
