"""Where the passages stand when the quote comes from another passage than the gold one.

    python evals/tools/other_passage_probe.py [--sets bundled,piaf] [--half train] [--cache DIR]
        [--examples N]

For each answerable question of quote_errors.py's bucket b (the gold passage is among those the
answer reads, but the quote comes from another), counts the pair (the best rank of a gold
passage, the rank of the passage of the sentence leading the quote: answering.choose) among the
top passages: gold 2nd-5th and the quote from the 1st is a ranking problem (the gold passage's
sentences never beat the first passage's), gold 1st and the quote from a lower one a
quote-choice problem. Then, for the questions where some candidate sentence quoted alone would
be right, the quote ranker's place for the first such sentence, its probability over the quote
ranker's best one's, and how often it beats that best sentence on each of a few features. With
--examples, prints that many questions with the quoted and the first right sentence.
"""

from __future__ import annotations

import statistics
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from answer_rows import Asked, _by_quoter
from quote_errors import answerable_sets, bucket, set_arguments

from citeqa import answering
from citeqa.answer_features import SENTENCE_FEATURES
from citeqa.answer_models import shipped_models
from citeqa.evaluation.judging import Span, is_relevant

COMPARED = ("coverage", "semantic", "hand_score", "bm25", "specific_share", "novelty")
"""The features on which the first right sentence is compared with the quoted one."""


def gold_rank(a: Asked) -> int:
    """The best rank (from 1) of a passage holding the gold answer among the passages read."""
    question = a.item.question
    return min(
        rank
        for rank, hit in enumerate(a.top, 1)
        if is_relevant(
            question, Span(hit.chunk.doc_id, hit.chunk.start, hit.chunk.end, hit.chunk.text)
        )
    )


def standing(a: Asked) -> dict:
    """The gold and quoted passages' ranks and, when a right sentence exists, its standing."""
    quoter, settings = shipped_models().quoter, a.assistant.settings
    candidates = _by_quoter(a, quoter)
    bank = a.assistant._loaded.bank
    quoted = answering.choose(
        candidates,
        bank,
        settings.max_quote_sentences,
        quoter.extra.get("neighbour_ratio", 1.0),
        settings.quote_budget,
        quoter.extra.get("lead_ratio", 1.0),
    )[0]
    right = {a.scored[n].index for n, label in enumerate(a.labels) if label}
    column = {name: n for n, name in enumerate(SENTENCE_FEATURES)}
    first = next((n for n, s in enumerate(candidates.sentences) if s.index in right), None)
    found: dict = {"gold": gold_rank(a), "quoted": quoted.passage_rank}
    found["first"] = first
    if first is not None:
        best, row = candidates.rows[0], candidates.rows[first]
        found["share"] = float(candidates.probabilities[first] / candidates.probabilities[0])
        found["wins"] = [name for name in COMPARED if row[column[name]] > best[column[name]]]
        found["texts"] = (
            bank.text(quoted.index),
            bank.text(candidates.sentences[first].index),
        )
    return found


def summary(name: str, found: list[dict]) -> None:
    print(f"{name}: {len(found)} questions quoted from another passage")
    pairs = Counter(
        ("gold 1st" if f["gold"] == 1 else f"gold {f['gold']}", f"quote from {f['quoted']}")
        for f in found
    )
    for (gold, quoted), count in pairs.most_common():
        print(f"  {gold:<10}{quoted:<14}{count:>5}")
    reachable = [f for f in found if f["first"] is not None]
    if not reachable:
        return
    places = Counter(min(f["first"] + 1, 6) for f in reachable)
    print("  first right sentence's place in the quote ranker's order (6: 6th or later):")
    print("   ", ", ".join(f"{place}: {count}" for place, count in sorted(places.items())))
    shares = [f["share"] for f in reachable]
    print(f"  its probability over the ranker's best one's: median {statistics.median(shares):.2f}")
    wins = Counter(name for f in reachable for name in f["wins"])
    print(
        "  it beats that best sentence on:",
        {n: round(wins[n] / len(reachable), 2) for n in COMPARED},
    )


def main() -> None:
    parser = set_arguments(__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=0, help="questions to print per set")
    args = parser.parse_args()
    ratio = shipped_models().quoter.extra.get("neighbour_ratio", 1.0)
    for name, asked in answerable_sets(args):
        found = [standing(a) for a in asked if bucket(a, ratio).startswith("b")]
        summary(name, found)
        for f in [f for f in found if "texts" in f][: args.examples]:
            print(f"  - quoted (passage {f['quoted']}): {f['texts'][0][:120]!r}")
            print(f"    right (passage {f['gold']}): {f['texts'][1][:120]!r}")


if __name__ == "__main__":
    main()
