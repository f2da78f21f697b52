"""Print what role_holders.names_someone costs on a large document: whether a role question's
quote names anyone reads the quote's document for each capitalised word, to know whether it
writes the word in lower case (`_written_lower`). A --mb MB document of random lower-case
words, and three quotes: ten sentences each opened by a common word ("Minutes. Summary. …":
one whole-text search each before s48, 0.68 s on 5.6 MB; none now, a common word opening a
sentence is no name whatever the text writes), a holder's name of --name characters (0.09 s
before, 0.001 s), and eight capitalised words the document writes in lower case only at its
end (0.52 s before: a regular expression opening with a lookbehind; 0.02 s by str.find).
Medians of --rounds runs. Not a
test; run it by hand:

    python benchmarks/role_holders_cost.py [--mb 5.6] [--name 27000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import random
import string
from functools import partial

from fake_corpus import median_seconds

from citeqa.role_holders import names_someone

OPENERS = "Minutes. Summary. Agenda. Notes. Report. Meeting. Session. Board. Committee. Budget."
LATE = ("Harbour", "Orchard", "Lantern", "Meadow", "Quarry", "Thistle", "Bramble", "Cobalt")


def document(mb: float) -> str:
    """About `mb` MB of random seven-letter lower-case words, LATE's words in lower case last."""
    rng = random.Random(0)
    words = ["".join(rng.choice(string.ascii_lowercase) for _ in range(7)) for _ in range(50_000)]
    count = int(mb * 1e6 / 8)
    body = " ".join(rng.choice(words) for _ in range(count))
    return f"{body} {' '.join(word.lower() for word in LATE)}."


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.6)
    parser.add_argument("--name", type=int, default=27_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    text = document(args.mb)
    quotes = {
        "ten sentences opened by common words": f"{OPENERS} The chair opened the session.",
        f"a name of {args.name:,} characters": f"The secretary is B{'e' * args.name}.",
        "capitalised words written lower at the end": "The " + " and ".join(LATE) + " teams met.",
    }
    print(f"a document of {len(text) / 1e6:.1f} MB")
    for name, quote in quotes.items():
        seconds = median_seconds(partial(names_someone, quote, text), args.rounds)
        print(f"{name}: {seconds:.3f} s (names someone: {names_someone(quote, text)})")


if __name__ == "__main__":
    main()
