"""Print what reading a Western cp1252 text file of --megabytes MB costs (textdecoding.py),
with legacy_codecs asking charset-normalizer for its encoding (as before) and skipping it when
no guess can read the file as a non-Latin script (legacy_codecs._latin_whatever_the_guess),
their ratio, and that both read the same text; then the same for a Russian cp1251 file, which
is still guessed (both columns read it as cp1251).

Not a test; run it by hand:

    python benchmarks/western_legacy_read.py [--megabytes 5] [--rounds 3]
"""

from __future__ import annotations

import argparse
import zlib
from unittest import mock

from fake_corpus import median_seconds

from citeqa import legacy_codecs
from citeqa.textdecoding import decoded_text

FRENCH = "Le comité a voté à l'unanimité la révision du règlement — « déjà prévue » en été.\n"
RUSSIAN = "Совет директоров утвердил отчёт о работе компании за прошедший год.\n"


def file_bytes(line: str, codec: str, megabytes: float) -> bytes:
    """`line` repeated to `megabytes` MB, encoded in `codec`."""
    one = line.encode(codec)
    return one * int(megabytes * 1_000_000 / len(one))


def timed(raw: bytes, rounds: int, asked: bool) -> tuple[float, str]:
    """The median seconds to decode `raw` and the warning it gave; `asked`: charset-normalizer
    is asked whatever the bytes (the skip turned off)."""
    if not asked:
        return median_seconds(lambda: decoded_text(raw, "f.txt"), rounds), _said(raw)
    with mock.patch.object(legacy_codecs, "_latin_whatever_the_guess", return_value=False):
        return median_seconds(lambda: decoded_text(raw, "f.txt"), rounds), _said(raw)


def _said(raw: bytes) -> str:
    """The first warning decoding `raw` gives, and a digest of its text."""
    text, warnings = decoded_text(raw, "f.txt")
    return f"{warnings[0] if warnings else '-'} (crc32 {zlib.crc32(text.encode()):08x})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--megabytes", type=float, default=5.0)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    for name, line, codec in (("French", FRENCH, "cp1252"), ("Russian", RUSSIAN, "cp1251")):
        raw = file_bytes(line, codec, args.megabytes)
        before, said_before = timed(raw, args.rounds, asked=True)
        after, said_after = timed(raw, args.rounds, asked=False)
        print(f"{name} {codec}, {len(raw) / 1e6:.1f} MB:")
        print(f"  charset-normalizer asked: {before:.3f} s  {said_before}")
        print(f"  skipped when it cannot:   {after:.3f} s  {said_after}")
        print(f"  ratio after/before: {after / before:.2f}; same text: {said_before == said_after}")


if __name__ == "__main__":
    main()
