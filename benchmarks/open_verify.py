"""Cost of verifying a built index at open: with the build's size/time record, and without it.

    python benchmarks/open_verify.py --index DIR

Works on a copy of the index's current build (the original is not touched); prints the time
of `verification.verify_files` both ways, interleaved, and the bytes the build holds.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import tempfile
import time
from pathlib import Path

from citeqa.verification import STAMPS, record_stamps, verify_files


def timed_ms(folder: Path, files: dict[str, str]) -> float:
    began = time.perf_counter()
    verify_files(folder, files)
    return 1000 * (time.perf_counter() - began)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, required=True)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        build = Path(scratch) / "build"
        shutil.copytree((args.index / "current").resolve(), build)
        files = json.loads((build / "manifest.json").read_text(encoding="utf-8"))["index_files"]
        size = sum((build / name).stat().st_size for name in files)
        record_stamps(build, list(files))
        later = time.time_ns() + 1_000_000_000  # as if the build ended a second ago
        os.utime(build / STAMPS, ns=(later, later))
        for _ in range(2):
            print(f"with the record:    {timed_ms(build, files):8.1f} ms over {size / 1e6:.0f} MB")
            (build / STAMPS).rename(build / ".set-aside")
            print(f"without the record: {timed_ms(build, files):8.1f} ms")
            (build / ".set-aside").rename(build / STAMPS)


if __name__ == "__main__":
    main()
