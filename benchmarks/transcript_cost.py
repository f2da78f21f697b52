"""Print what reading a long meeting transcript costs (transcripts.transcript_text): a file of
--cues cues and one of ten times as many, each read once, for each shape (voiced cues alternating
speakers, one speaker's cues joined into a turn, SubRip "NAME:" cues, cues with no text, cues of
50 unclosed tags "<v <c " each, a Zoom chat line of --cues "a to" with no colon (8,000 took 20 s
before its name was bounded), a Zoom text export, a "WEBVTT" line ending in --cues spaces (20,000
took 13.8 s before its title pattern was one way to match), with the ratio of the two times:
about 10 when reading is linear in the file's cues (a time under a millisecond makes its ratio
noise).
Not a test; run it by hand:

    python benchmarks/transcript_cost.py [--cues 10000]
"""

from __future__ import annotations

import argparse
import contextlib
import time
from collections.abc import Callable

from citeqa.transcripts import NoTranscriptText, transcript_text


def _timing(n: int, comma: bool = False) -> str:
    seconds = n * 2
    stamp = f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
    mark = "," if comma else "."
    return f"{stamp}{mark}000 --> {stamp}{mark}900"


NAMES = ("Maria Lopez", "Tom Becker", "Kenji Sato")
"""The speakers of the Zoom export (a name has no digit: "Speaker 1  10:02 AM" is no export)."""

CASES: dict[str, tuple[Callable[[int], str], bool]] = {
    "voiced, speakers alternating": (
        lambda n: f"{n}\n{_timing(n)}\n<v Speaker {n % 2}>Line {n} of what was said.\n\n",
        True,
    ),
    "one speaker's long turn": (
        lambda n: f"{n}\n{_timing(n)}\n<v Maria Lopez>and then part {n} of the sentence\n\n",
        True,
    ),
    "SubRip NAME: cues": (
        lambda n: f"{n}\n{_timing(n, True)}\n{'MARIA' if n % 3 else 'KENJI'}: point {n}.\n\n",
        True,
    ),
    "cues with no text": (
        lambda n: f"{n}\n{_timing(n)}\n\n" if n % 10 else f"{n}\n{_timing(n)}\nHi.\n\n",
        True,
    ),
    "50 unclosed tags in each cue": (lambda n: f"{n}\n{_timing(n)}\n{'<v <c ' * 25}\n\n", True),
    "a chat line 'From a to a to …' with no colon": (
        lambda n: ("10:05:12 From " if n == 1 else "") + "a to ",
        False,
    ),
    "Zoom text export": (lambda n: f"{NAMES[n % 3]}  10:{n % 60:02d} AM\nSaid {n}.\n\n", False),
    "a 'WEBVTT' line ending in spaces": (lambda n: "WEBVTT" if n == 1 else " ", True),
}
"""Each case: one cue (or turn) of the file from its number, and whether it is a cue file."""


def _seconds(case: str, cues: int) -> float:
    cue, is_cues = CASES[case]
    head = "WEBVTT\n\n" if is_cues and "SubRip" not in case and "WEBVTT" not in case else ""
    text = head + "".join(cue(n) for n in range(1, cues + 1))
    start = time.perf_counter()
    with contextlib.suppress(NoTranscriptText):  # the signature line alone: read all the same
        transcript_text(text, "long.vtt", cues=is_cues)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cues", type=int, default=10_000)
    args = parser.parse_args()
    for case in CASES:
        small = _seconds(case, args.cues)
        large = _seconds(case, args.cues * 10)
        print(
            f"{case}: {args.cues} cues {small:.3f} s, {args.cues * 10} cues {large:.3f} s, "
            f"ratio {large / small:.1f} (10 = linear)"
        )


if __name__ == "__main__":
    main()
