"""How many of the passages the answer models read differ from the ranking shown.

    python evals/tools/passages_differ.py --cache DIR [--split dev] [--sets a,b] \
        [--settings '{"channel_weights": {"use": 0.7}, "rerank_weight": 0.7}'] [--limit N]

For each standalone question of each set (answerable or not), the top `answer_passages` of the
ranking shown (the settings' fusion, with `--settings` applied) and of the evidence fusion (the
passages the answer models read: Settings.evidence_channel_weights, evidence_rerank_weight)
are compared: the share of questions whose set of passages differs, the mean number of passages
that differ, and the share whose first passage differs. Run it where `citeqa eval --sets ...
--cache DIR` ran (the cache keys indexes by the corpus's absolute path).
"""

from __future__ import annotations

import argparse
import json
import statistics
from pathlib import Path
from typing import Any

from citeqa.config import load_settings
from citeqa.evaluation.corpora import Assistants
from citeqa.evaluation.sets import load_sets
from citeqa.questions import clean_question


def differences(assistant: Any, questions: list) -> list[tuple[int, bool]]:
    """(passages of the first `answer_passages` that differ, whether the first differs) per
    standalone question, between the ranking shown and the evidence fusion's."""
    count = assistant.settings.answer_passages
    rows = []
    for q in questions:
        if q.follows is not None:
            continue
        text, _ = clean_question(q.question, assistant.settings.max_question_chars)
        vectors = assistant._query_vectors(text)
        shown, evidence = assistant._retrievals(text, vectors, None)
        first = [hit.chunk_index for hit in shown.hits[:count]]
        second = [hit.chunk_index for hit in evidence.hits[:count]]
        rows.append((len(set(second) - set(first)), first[:1] != second[:1]))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--split", default="dev")
    parser.add_argument("--sets", default="")
    parser.add_argument("--settings", default="{}", help="overrides of the ranking's settings")
    parser.add_argument("--limit", type=int, default=0, help="questions per set (0: all)")
    args = parser.parse_args()
    overrides = json.loads(args.settings)
    assistants = Assistants(load_settings(), args.cache.resolve(), None)
    names = args.sets.split(",") if args.sets else None
    for eval_set in load_sets(names, split=args.split):
        assistant = assistants(eval_set.corpus_dir)
        questions = eval_set.questions[: args.limit] if args.limit else eval_set.questions
        rows = differences(assistant.configured(**overrides), questions)
        if not rows:
            continue
        differ = statistics.fmean(d > 0 for d, _ in rows)
        print(
            f"{eval_set.name:24s} n {len(rows):4d}  differ {differ:.3f}"
            f"  mean passages differing {statistics.fmean(d for d, _ in rows):.2f}"
            f"  first differs {statistics.fmean(f for _, f in rows):.3f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
