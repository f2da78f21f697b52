"""Print what finding the documents that write a question's record identifiers costs
(record_ids.writing_documents, run for every question writing one, twice: on the ranked
passages' documents and on the candidate sentences'): questions of 1, 29 and 229 ids of one
prefix ("HD-0001 HD-0002 …", the hostile probe of session 20: 229 took 90.7 s of retrieval)
and of 229 ids of distinct prefixes ("BA-0001 CA-0002 …"), each against a document of --mb MB
of prose without digits and one of ticket lines full of them. Seconds per question, the
median of --rounds runs. Not a test; run it by hand, with PYTHONPATH on each tree to compare:

    python benchmarks/record_ids_cost.py [--mb 1] [--rounds 3]
"""

from __future__ import annotations

import argparse
import random
import string
from functools import partial

from fake_corpus import median_seconds

from citeqa.models import Document
from citeqa.record_ids import writing_documents

WORDS = ("gamma", "restart", "beta", "alpha", "disk", "server", "delta", "failover", "quota")


def prose(size: int) -> str:
    """`size` characters of words and full stops, no digit."""
    rng = random.Random(0)
    words: list[str] = []
    while sum(map(len, words)) + len(words) < size:
        words.append(rng.choice(WORDS) + ("." if rng.random() < 0.1 else ""))
    return " ".join(words)


def tickets(size: int) -> str:
    """`size` characters of ticket lines: ids, dates, amounts and times."""
    line = "INC-2025-07 costs 1200 EUR on 2025-07-01; T-41234 at 10:30, HD 0042 x3\n"
    return line * (size // len(line) + 1)


def questions() -> dict[str, str]:
    """The questions timed, by name."""
    same = [f"HD-{n:04d}" for n in range(1, 230)]
    letters = string.ascii_uppercase
    distinct = [f"{letters[n % 26]}{letters[n // 26 % 26]}-{n:04d}" for n in range(1, 230)]
    return {
        "1 id": f"What about {same[0]}?",
        "29 ids, one prefix": f"What about {' '.join(same[:29])}?",
        "229 ids, one prefix": f"What about {' '.join(same)}?",
        "229 ids, 229 prefixes": f"What about {' '.join(distinct)}?",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    size = int(args.mb * 1_000_000)
    for kind, text in (("prose", prose(size)), ("tickets", tickets(size))):
        documents = [Document(doc_id=kind, title=kind, path=kind, text=text, sha256="0")]
        for name, question in questions().items():
            seconds = median_seconds(partial(writing_documents, question, documents), args.rounds)
            found = sorted(writing_documents(question, documents) or [])
            print(f"{args.mb:g} MB of {kind}, {name}: {seconds:.3f} s (writing: {found})")


if __name__ == "__main__":
    main()
