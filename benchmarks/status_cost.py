"""What a status check costs when the corpus holds a big file citeqa does not read: the check as
it is (size and modification time; only changed files of read types are hashed) against hashing
every file in full (how status worked before), in one run. Not a test; run it by hand:

    python benchmarks/status_cost.py [--big-mb 1024] [--runs 3]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from fake_corpus import DOCS, copy_docs, register_fake


def _hash_everything(corpus: Path) -> None:
    """The previous status check: every corpus file hashed in full."""
    from citeqa.corpus import file_sha256, list_corpus_files

    for path in list_corpus_files(corpus):
        file_sha256(path)


def _best(function, runs: int) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        function()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--big-mb", type=int, default=1024)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="citeqa-status-cost-"))
    corpus = root / "corpus"
    corpus.mkdir()
    copy_docs(corpus)
    with (corpus / "scan.iso").open("wb") as big:
        block = b"\x01" * (1 << 20)
        for _ in range(args.big_mb):
            big.write(block)
    register_fake()
    from citeqa.api import build_index, index_status
    from citeqa.config import Settings

    settings = Settings(channels=("fake",), corpus_dir=corpus, index_dir=root / "index")
    build_index(settings)
    now = _best(lambda: index_status(settings), args.runs)
    before = _best(lambda: _hash_everything(corpus), args.runs)
    print(f"corpus: {len(DOCS)} documents + a {args.big_mb} MB file of another type")
    print(f"  status check now (size+mtime):   {now * 1000:8.1f} ms (median of {args.runs})")
    print(f"  hashing every file (before):     {before * 1000:8.1f} ms")
    print(f"  ratio before/now: {before / now:.0f}x")
    shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
