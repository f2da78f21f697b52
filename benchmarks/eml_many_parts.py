"""Print how long readers/eml.py takes on a generated mail of many tiny text parts (default
17,000, as the s27 hostile probe's tiny.eml), with the parse bounded at MIME_PARTS and, in the
same run, unbounded (MIME_PARTS raised past the part count: every part parsed, as before the
bound), and the ratio of the two. CPU seconds, best of --repeat runs.

    PYTHONPATH=src python benchmarks/eml_many_parts.py [--parts N] [--repeat R]
"""

from __future__ import annotations

import argparse
import time
from unittest import mock

from citeqa.readers import eml


def many_parts(count: int) -> bytes:
    """A mail of a short body and `count` tiny .txt parts, each named (tiny.eml's shape: each
    part's Content-Type, told apart by its name, parsed once)."""
    parts = [
        "From: a@x.example\nSubject: parts\nContent-Type: multipart/mixed; boundary=B\n\n"
        "--B\nContent-Type: text/plain\n\nThe van is blue.\n"
    ]
    for number in range(count):
        parts.append(f"--B\nContent-Type: text/plain; name=a{number}.txt\n\nx{number}\n")
    return ("".join(parts) + "--B--\n").encode()


def cpu_seconds(raw: bytes, repeat: int) -> tuple[float, list[str]]:
    """The least CPU time of `repeat` reads of `raw`, and the read's warnings."""
    best = float("inf")
    warnings: list[str] = []
    for _ in range(repeat):
        eml._fetched.cache_clear()  # each read parses its headers afresh, as a first read does
        started = time.process_time()
        warnings = eml.message_read(raw, "parts.eml").warnings
        best = min(best, time.process_time() - started)
    return best, warnings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parts", type=int, default=17_000)
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    raw = many_parts(arguments.parts)
    print(f"mail: {arguments.parts:,} parts, {len(raw) / 1e6:.2f} MB")
    bounded, warnings = cpu_seconds(raw, arguments.repeat)
    with mock.patch.object(eml, "MIME_PARTS", arguments.parts + 10):
        unbounded, _ = cpu_seconds(raw, arguments.repeat)
    print(f"bounded at MIME_PARTS={eml.MIME_PARTS:,}: {bounded:.3f} s CPU")
    print(f"unbounded (every part parsed): {unbounded:.3f} s CPU")
    print(f"ratio unbounded/bounded: {unbounded / bounded:.1f}x")
    print(f"warnings (bounded): {warnings}")


if __name__ == "__main__":
    main()
