"""Print how long readers/mbox.py takes on a generated mailbox, and how much memory it takes:
N plain-text messages (default 20,000, ten times MAX_MESSAGES, so the bound is measured: only
the first MAX_MESSAGES are read and the rest never scanned); then a hostile file, one line
"From 1:11 1:11 …" of --hostile-kb KB (review D, s22: the old message-splitting expression
took 39 s on 100 KB, looking behind each "From " for a clock time).

    PYTHONPATH=src python benchmarks/mailbox_read.py [--messages N]
"""

from __future__ import annotations

import argparse
import contextlib
import time
import tracemalloc

from citeqa.readers.base import UnreadableDocument
from citeqa.readers.mbox import MAX_MESSAGES, MboxReader


def mailbox(count: int) -> bytes:
    """`count` messages of a few lines each, one ">From " line in each."""
    parts = []
    for number in range(count):
        parts.append(
            f"From sender{number}@x.example Wed Oct 01 15:00:00 2025\n"
            f"From: Sender {number} <sender{number}@x.example>\nTo: me@x.example\n"
            f"Subject: Report {number}\nDate: Wed, 01 Oct 2025 15:00:00 +0000\n\n"
            f"The figure for item {number} is {number * 7} units.\n>From now on, weekly.\n\n"
        )
    return "".join(parts).encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=10 * MAX_MESSAGES)
    parser.add_argument("--hostile-kb", type=int, default=100)
    arguments = parser.parse_args()
    count = arguments.messages
    raw = mailbox(count)
    started = time.perf_counter()
    read = MboxReader().extract(raw, "box.mbox")
    seconds = time.perf_counter() - started
    tracemalloc.start()  # a second read, traced (tracing slows it several times)
    MboxReader().extract(raw, "box.mbox")
    peak = tracemalloc.get_traced_memory()[1]
    print(f"mailbox: {count:,} messages, {len(raw) / 1e6:.1f} MB")
    print(f"read: {seconds:.2f} s, {len(read.text) / 1e6:.2f} M characters of text")
    print(f"peak traced memory while reading: {peak / 1e6:.1f} MB")
    print(f"warnings: {read.warnings}")
    hostile = b"From " + b"1:11 " * (arguments.hostile_kb * 1000 // 5)
    started = time.perf_counter()
    with contextlib.suppress(UnreadableDocument):  # no mail in it
        MboxReader().extract(hostile, "hostile.mbox")
    seconds = time.perf_counter() - started
    print(f"hostile one-line file ({len(hostile) / 1e3:.0f} KB): {seconds:.3f} s")


if __name__ == "__main__":
    main()
