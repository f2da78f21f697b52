"""Print what asking a page of many section headings costs the asked-heading rule
(asked_headings.py), warm: a question's asked heading starts, then the heading each of the
quote ranker's candidates stands under. Before session 25's review B every question tokenized
every heading again and every candidate rebuilt the list of heading starts; run it with the
PYTHONPATH of both versions and compare the ms per question (the ratio). CPU seconds, medians
of a few rounds. Not a test; run it by hand:

    python benchmarks/asked_headings_cost.py [--headings 10000] [--candidates 40] [--rounds 5]
"""

from __future__ import annotations

import argparse

from fake_corpus import cpu_median

from citeqa.asked_headings import asked_heading_starts, under_heading
from citeqa.lexical import tokenize
from citeqa.questions import QuestionTerms

QUESTIONS = (
    "What is the root cause of the relay review?",
    "Which port does service 4242 use?",
    "What is the project status of the vendor budget?",
)


def page(headings: int) -> str:
    """A page of `headings` sections of two-word headings and one sentence each."""
    sections = [
        f"## Service {n} status\n\nService {n} listens on port {n}.\n" for n in range(headings)
    ]
    return "# Services\n\n" + "\n".join(sections)


def terms(question: str) -> QuestionTerms:
    """The question's words, each a term of its own (no equivalents)."""
    found = [(frozenset({word}), 1.0) for word in tokenize(question, "en")]
    return QuestionTerms(focus=question, terms=found, focus_terms=len(found))


def ask(text: str, offsets: list[int]) -> None:
    """What the rule reads of `text` for each question, its candidates at `offsets`."""
    for question in QUESTIONS:
        asked = asked_heading_starts(text, terms(question), "en")
        for offset in offsets:
            _ = under_heading(text, offset) in asked


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--headings", type=int, default=10_000)
    parser.add_argument("--candidates", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    text = page(args.headings)
    step = max(1, len(text) // max(1, args.candidates))
    offsets = list(range(step // 2, len(text), step))[: args.candidates]
    ask(text, offsets)  # warm: the outline (and, where kept, the heading words) read once
    seconds = cpu_median(lambda: ask(text, offsets), args.rounds)
    per_question = seconds / len(QUESTIONS) * 1000
    print(
        f"{args.headings} headings, {len(offsets)} candidates: "
        f"{per_question:.2f} ms CPU per question (warm, median of {args.rounds})"
    )


if __name__ == "__main__":
    main()
