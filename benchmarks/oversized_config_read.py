"""Print the memory and time refusing an oversized .toml costs (corpus.read_document): a file
past readers/structured.MAX_FILE_BYTES is refused having read that many bytes and one more
(s25 hostile probe: a 50 MB file was read whole, 448 MB of memory, to be refused). A sparse
file of --megabytes MB is refused, then one of 5 MB; the ratio of their peak Python
allocations (tracemalloc) should be near 1. Not a test; run it by hand:

    python benchmarks/oversized_config_read.py [--megabytes 200]
"""

from __future__ import annotations

import argparse
import tempfile
import time
import tracemalloc
from pathlib import Path

from citeqa.corpus import UnreadableDocument, read_document


def _refusal(path: Path, size: int) -> tuple[float, float, str]:
    """Peak MB allocated, CPU seconds and the reason refusing a sparse file of `size` bytes."""
    with path.open("wb") as stream:
        stream.truncate(size)
    tracemalloc.start()
    started = time.process_time()
    try:
        read_document(path, path.parent, {})
        reason = "read"
    except UnreadableDocument as refused:
        reason = refused.reason
    seconds = time.process_time() - started
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return peak, seconds, reason


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--megabytes", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        _refusal(Path(folder) / "warm.toml", 10)  # imports and data files, read once
        peaks = []
        for megabytes in (args.megabytes, 5):
            peak, seconds, reason = _refusal(Path(folder) / "big.toml", megabytes * 10**6)
            peaks.append(peak)
            print(f"{megabytes:>5} MB: peak {peak:8.1f} MB, {seconds:.3f} s CPU: {reason[:60]}")
    print(f"ratio of peaks {args.megabytes} MB / 5 MB: {peaks[0] / max(peaks[1], 1e-9):.1f}x")


if __name__ == "__main__":
    main()
