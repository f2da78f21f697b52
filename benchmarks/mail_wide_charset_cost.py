"""Print what readers/eml.py's check of a UTF-16 part holding no NUL byte costs on a large
part (eml._wide_reading: is it the text its charset says, or a mislabel?), beside
decoding the same part. Parts declared "utf-16-le", --megabytes each: Japanese with no ASCII
character (the check runs on all of it, then the part is decoded), cut by one byte (a stray
last byte), and Latin-1 text (a mislabel: the check says no and the part is read as a text
file is). For each, the CPU seconds of the check alone and of the whole part's reading
(eml._payload_text), median of --rounds runs, the check's share of the reading, and the
check's seconds per MB at half the size (a linear check costs the same per MB). Not a test;
run it by hand:

    PYTHONPATH=src python benchmarks/mail_wide_charset_cost.py [--megabytes 20] [--rounds 3]
"""

from __future__ import annotations

import argparse
from email.message import Message
from functools import partial

from fake_corpus import cpu_median

from citeqa.readers import eml

JAPANESE = "東京都の人口は約千四百万人で、日本の首都である。会議は午後三時に始まります。"
"""A sentence of Japanese writing no ASCII character: in UTF-16 it holds no NUL byte."""
LATIN_1 = "Le café coûte trois euros à la cantine, le lundi et le jeudi. "
"""French in Latin-1: a mailer's mislabel under "utf-16"."""


def parts(megabytes: float) -> dict[str, bytes]:
    """The payloads read, by name, each about `megabytes` MB."""
    size = int(megabytes * 1e6)
    japanese = (JAPANESE * (size // len(JAPANESE.encode("utf-16-le")) + 1)).encode("utf-16-le")
    latin = (LATIN_1 * (size // len(LATIN_1) + 1)).encode("latin-1")
    return {
        "Japanese, no NUL byte": japanese[:size],
        "Japanese, a stray last byte": japanese[: size // 2 * 2 + 1],
        "Latin-1 mislabelled": latin[:size],
    }


def part_of(charset: str) -> Message:
    """A text part declaring `charset` (its payload is given to _payload_text directly)."""
    part = Message()
    part["Content-Type"] = f"text/plain; charset={charset}"
    return part


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=20.0)
    parser.add_argument("--rounds", type=int, default=3)
    arguments = parser.parse_args()
    declared = part_of("utf-16-le")
    halves = parts(arguments.megabytes / 2)
    print(
        f"{'part':<30} {'MB':>6} {'check s':>8} {'read s':>8} {'share':>6} {'s/MB':>7} {'half':>7}"
    )
    for name, payload in parts(arguments.megabytes).items():
        half = halves[name]
        rounds = arguments.rounds
        check = cpu_median(partial(eml._wide_reading, payload, "utf-16-le"), rounds)
        checked_half = cpu_median(partial(eml._wide_reading, half, "utf-16-le"), rounds)
        read = cpu_median(partial(eml._payload_text, declared, payload), rounds)
        megabytes = len(payload) / 1e6
        print(
            f"{name:<30} {megabytes:>6.1f} {check:>8.3f} {read:>8.3f} {check / read:>6.0%}"
            f" {check / megabytes:>7.4f} {checked_half / (len(half) / 1e6):>7.4f}"
        )


if __name__ == "__main__":
    main()
