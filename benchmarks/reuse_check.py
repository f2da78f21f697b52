"""Cost of the checks a changed build makes of the previous build before reusing it, when the
build's size/time record cannot be trusted (an index copied without its times):

    python benchmarks/reuse_check.py --index DIR [--repeat N]

Works on a copy of the index (the original is not touched), its record removed. Times
`store.open_for_reuse` (which then hashes every file) followed by `reuse.reusable` (which
hashes the files a build reuses), both ways, interleaved: hashing those files again
("twice", what builds did before `PreviousBuild.hashed`) and not ("once"); prints the medians
and their ratio.
"""

from __future__ import annotations

import argparse
import dataclasses
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from citeqa.reuse import reusable
from citeqa.store import open_for_reuse, size_on_disk
from citeqa.verification import STAMPS


def timed_ms(index: Path, *, twice: bool) -> float:
    began = time.perf_counter()
    opened = open_for_reuse(index)
    if twice:
        opened = dataclasses.replace(opened, hashed=frozenset())
    assert reusable(opened)
    return 1000 * (time.perf_counter() - began)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        index = Path(scratch) / "index"
        shutil.copytree(args.index, index, symlinks=True)
        (index / "current" / STAMPS).unlink(missing_ok=True)
        times: dict[bool, list[float]] = {True: [], False: []}
        for _ in range(args.repeat):
            for twice in (True, False):
                times[twice].append(timed_ms(index, twice=twice))
        size = size_on_disk(index / "current")
        before, after = statistics.median(times[True]), statistics.median(times[False])
        print(f"reused files hashed twice: {before:8.1f} ms (median of {args.repeat})")
        print(f"reused files hashed once:  {after:8.1f} ms over {size / 1e6:.0f} MB")
        print(f"ratio once/twice: {after / before:.2f}")


if __name__ == "__main__":
    main()
