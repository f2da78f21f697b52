"""Why quotes are wrong: each answerable question of the chosen sets' halves, in one bucket.

    python evals/tools/quote_errors.py [--sets bundled,piaf] [--half train] [--cache DIR]

Asks each question as citeqa answers it (answer_rows.ask, the shipped models) and
counts, among the answerable questions whose quote is not right within 400 characters:
  a  the gold passage is not among the passages the answer reads (settings.answer_passages)
  b  it is, but the quote comes from another passage
  c  the quote is in the gold passage, but its sentence does not hold the answer
  d  the sentence holds it, but cutting it to its clauses (clauses.py) dropped the answer
  e  abstained
  f  judge quirk: the quote holds the answer once punctuation and spacing are ignored
  g  the quote holds the answer but runs over 400 characters
and beside each count, how many of those questions had some candidate sentence that, quoted
alone, would have been right (the ranker's reach).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from answer_rows import Asked, ask, open_corpus, outcome, unlikely
from train_sets import corpora, quote_right

from citeqa.answer_models import shipped_models
from citeqa.evaluation.corpora import eval_cache_dir
from citeqa.evaluation.judging import QUOTE_LIMIT, Span, is_relevant
from citeqa.models import Citation, Sentence
from citeqa.quoting import citations_of, quote_spans


def _loose(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def _overlaps(sentence: Sentence, citation: Citation) -> bool:
    return (
        sentence.doc_id == citation.doc_id
        and sentence.start < citation.end
        and citation.start < sentence.end
    )


def bucket(a: Asked, ratio: float) -> str:
    """The question's bucket (see the module docstring), or "right"."""
    models = shipped_models()
    if a.early:
        return "e abstained"
    judged = outcome(a, models.ranker, ratio, models.quoter)
    sure = float(models.confidence.predict(judged.evidence))
    if unlikely(models, judged.evidence, sure):
        return "e abstained"
    if judged.right:
        return "right"
    question, citations = a.item.question, judged.citations
    if quote_right(a.item, citations) and sum(len(c.quote) for c in citations) > QUOTE_LIMIT:
        return "g over 400 characters"
    gold = [c for c in citations if c.doc_id == question.doc_id]
    if any(_loose(answer) in _loose(c.quote) for c in gold for answer in question.answers):
        return "f judge quirk"
    relevant = [
        h.chunk
        for h in a.top
        if is_relevant(question, Span(h.chunk.doc_id, h.chunk.start, h.chunk.end, h.chunk.text))
    ]
    if not relevant:
        return "a gold passage not read"
    if not any(c.doc_id == p.doc_id and p.start <= c.start < p.end for c in gold for p in relevant):
        return "b another passage quoted"
    bank = a.assistant._loaded.bank
    quoted = [s for s in a.scored if any(_overlaps(bank.sentences[s.index], c) for c in gold)]
    whole = citations_of(quote_spans(quoted, bank, a.top), bank.documents)
    return "d clause cut dropped it" if quote_right(a.item, whole) else "c wrong sentence"


def set_arguments(description: str) -> argparse.ArgumentParser:
    """The options of a script asking the answerable questions of chosen sets' halves."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--sets", default="bundled,piaf", help="comma-separated set names")
    parser.add_argument("--half", default="train", choices=("train", "check"))
    parser.add_argument("--cache", type=Path, default=None, help="eval cache (indexes)")
    return parser


def answerable_sets(args: argparse.Namespace) -> Iterator[tuple[str, list[Asked]]]:
    """Each chosen set's name and its answerable questions of the chosen half, asked."""
    wanted = set(args.sets.split(","))
    for corpus in corpora():
        chosen = [i for i in corpus.items if i.set in wanted and i.role == args.half]
        if not any(item.answerable for item in chosen):
            continue
        assistant = open_corpus(corpus, eval_cache_dir(args.cache))
        for name in sorted({item.set for item in chosen}):
            yield name, [ask(assistant, i) for i in chosen if i.set == name and i.answerable]


def main() -> None:
    args = set_arguments(__doc__.splitlines()[0]).parse_args()
    ratio = shipped_models().quoter.extra.get("neighbour_ratio", 1.0)
    for name, asked in answerable_sets(args):
        counts: Counter[str] = Counter()
        reach: Counter[str] = Counter()
        for a in asked:
            kind = bucket(a, ratio)
            counts[kind] += 1
            reach[kind] += int(a.labels.any())
        print(f"{name} ({args.half} half, {len(asked)} answerable questions)")
        for kind, count in sorted(counts.items()):
            share = count / len(asked)
            print(f"  {kind:<26}{count:>5}  {share:.3f}   reachable {reach[kind]}")


if __name__ == "__main__":
    main()
