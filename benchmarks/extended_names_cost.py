"""Print what the extended-name rule (extended_names.py) costs a question naming many unknown
words over a large quoted document, and with --compare SRC the same under another version's
PYTHONPATH and the ratio. Before review A of s26-qualifier every candidate word folded and split
each quoted document again (a 3.5 MB document: 0.77 s a candidate, 30 s for 50); it is now read
once a question, and a word repeated is one candidate. CPU seconds, medians of a few rounds.
Not a test; run it by hand:

    python benchmarks/extended_names_cost.py [--candidates 50] [--megabytes 3.5] [--rounds 3]
        [--compare /work/main/src]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
from pathlib import Path

from fake_corpus import cpu_median

from citeqa.extended_names import extended_name
from citeqa.questions import QuestionTerms

UNKNOWN = ("Curtsi", "Cutris", "Crutis")
"""Unknown words the document's "Curtis" makes likely misspellings: each is read to the end."""


def document(megabytes: float) -> str:
    """A report of about `megabytes` of made-up words, naming "Acme" and its sibling."""
    rng = random.Random(0)
    words = [f"{stem}{n}" for stem in ("alpha", "beta", "gamma", "delta") for n in range(1000)]
    lines = ["# Report", "", "Acme was founded in 1998 by Marie Curtis. Acme Foods followed."]
    size = sum(len(line) for line in lines)
    while size < megabytes * 1_000_000:
        line = " ".join(rng.choice(words) for _ in range(12)) + " Curtis Acme."
        lines.append(line)
        size += len(line) + 1
    return "\n".join(lines)


def seconds_per_question(candidates: int, megabytes: float, rounds: int) -> float:
    """The median CPU seconds of the rule over `candidates` names of unknown words."""
    names = [f"Acme {UNKNOWN[n % len(UNKNOWN)]}" for n in range(candidates)]
    question = f"Who founded {' and '.join(names)}?"
    terms = QuestionTerms(focus=question, absent=list(UNKNOWN), unused_words=list(UNKNOWN))
    terms.spelling_of = lambda word: None
    text = document(megabytes)
    return cpu_median(lambda: extended_name(terms, ["Acme was founded in 1998"], [text]), rounds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--candidates", type=int, default=50)
    parser.add_argument("--megabytes", type=float, default=3.5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--compare", type=Path, help="another version's src folder")
    parser.add_argument("--json", action="store_true", help="print the seconds only")
    args = parser.parse_args()
    seconds = seconds_per_question(args.candidates, args.megabytes, args.rounds)
    if args.json:
        print(json.dumps(seconds))
        return
    print(f"{args.candidates} candidates, {args.megabytes} MB: {seconds:.3f} s CPU (this version)")
    if args.compare is not None:
        other = _other_version(args.compare, sys.argv[1:])
        print(f"{other:.3f} s CPU under {args.compare}: ratio {other / max(seconds, 1e-9):.1f}x")


def _other_version(src: Path, arguments: list[str]) -> float:
    """The seconds this script prints with the PYTHONPATH `src` (and benchmarks/)."""
    here = Path(__file__).resolve().parent
    kept = [a for a in arguments if a != "--compare" and a != str(src)]
    path = os.pathsep.join([str(src), str(here)])
    command = [sys.executable, str(Path(__file__).resolve()), *kept, "--json"]
    done = subprocess.run(
        command, capture_output=True, text=True, check=True, env={**os.environ, "PYTHONPATH": path}
    )
    return float(done.stdout.strip())


if __name__ == "__main__":
    main()
