"""Where the gold passage stands, per channel, for each answerable question by language pair.

    python evals/tools/cross_language_probe.py [--sets bundled] [--half train] [--cache DIR]
        [--misses]

For each answerable question of the chosen sets' half (asked as answer_rows.ask asks it), prints
its quote_errors.py bucket (first letter; "r" right), its language pair (question → gold
passage, the set's `lang` and `passage_lang`), the gold passage's best rank in the evidence
fusion's top passages (the ones the answer reads; "-" not among them), the best rank each
channel alone gives a gold passage (BM25 searched with the question's corrections, cognates and
derived translations, as api.Assistant._retrievals searches; "-" beyond its candidates), and
the language of the first passage read. Then, per language pair, the bucket counts and the
questions whose gold passage each channel ranks in its top 3. With --misses, only the
questions not right are listed. Session 47 read the bundled set's cross-language misses with it
(evals/README.md).
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from answer_rows import Asked
from quote_errors import answerable_sets, bucket, set_arguments

from citeqa.answer_models import shipped_models
from citeqa.evaluation.judging import Span, is_relevant
from citeqa.retrieval import channel_candidates


def _gold(a: Asked, chunk) -> bool:
    return is_relevant(a.item.question, Span(chunk.doc_id, chunk.start, chunk.end, chunk.text))


def channel_ranks(a: Asked) -> dict[str, int | None]:
    """The best rank each channel alone gives a passage holding the gold answer."""
    assistant, text = a.assistant, a.item.text
    chunks = assistant._loaded.index.chunks
    terms = assistant._terms(text, None)
    vectors = assistant._query_vectors(text)
    searched = " ".join([text, *terms.corrections, *terms.cognates, *terms.translated])
    search = assistant._search(vectors)
    found = channel_candidates(
        search, searched, vectors, assistant._fusions, assistant._loaded.glossary
    )
    gold = {n for n, chunk in enumerate(chunks) if _gold(a, chunk)}
    return {
        c.channel: min((c.ranked[n][0] for n in gold if n in c.ranked), default=None) for c in found
    }


def row(a: Asked, ratio: float) -> tuple[str, str, dict[str, int | None], str]:
    """(bucket letter, language pair, channel ranks, the printed line) of one question."""
    q = a.item.question
    letter = bucket(a, ratio)[0]
    pair = f"{q.lang}->{q.passage_lang}"
    evidence = next((r for r, hit in enumerate(a.top, 1) if _gold(a, hit.chunk)), None)
    ranks = channel_ranks(a) if not a.early else {}
    shown = " ".join(f"{name}={'-' if r is None else r}" for name, r in ranks.items())
    first = a.top[0].chunk.lang if a.top else "-"
    line = (
        f"{q.id:6s} {letter} {pair:7s} evidence={'-' if evidence is None else evidence} "
        f"{shown} first={first}  {a.item.text[:80]}"
    )
    return letter, pair, ranks, line


def main() -> None:
    parser = set_arguments(__doc__.splitlines()[0])
    parser.set_defaults(sets="bundled")
    parser.add_argument("--misses", action="store_true", help="list only the questions missed")
    args = parser.parse_args()
    ratio = shipped_models().quoter.extra.get("neighbour_ratio", 1.0)
    for name, asked in answerable_sets(args):
        by_pair: dict[str, Counter[str]] = defaultdict(Counter)
        near: dict[str, Counter[str]] = defaultdict(Counter)
        print(f"{name} ({args.half} half, {len(asked)} answerable questions)")
        for a in asked:
            letter, pair, ranks, line = row(a, ratio)
            by_pair[pair][letter] += 1
            near[pair].update(c for c, r in ranks.items() if r is not None and r <= 3)
            if letter != "r" or not args.misses:
                print("  " + line)
        for pair in sorted(by_pair):
            counts = " ".join(f"{k}={v}" for k, v in sorted(by_pair[pair].items()))
            top3 = " ".join(f"{c}={v}" for c, v in sorted(near[pair].items()))
            print(f"  {pair:7s} {sum(by_pair[pair].values()):3d}: {counts}; gold in top 3: {top3}")


if __name__ == "__main__":
    main()
