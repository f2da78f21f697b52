"""Does a question name a term the corpus writes, but not in the document it is answered from?

A measurement, not part of citeqa (evals/README "A term the corpus writes, but not in the
quoted document (session 18, tried, not shipped)"). Near misses on users' corpora are answered
from the document next to the fact ("What is the hotel ceiling in London?" quotes the Paris row;
the corpus writes "London" only in an NDA). The hypothesis: such a question names a term the
corpus uses (so not a typo, nor a paraphrase the corpus never writes: session 17's unseen
words) that no quoted document holds, while an answerable question's terms sit in its answer's
document.

Each question is asked as `citeqa eval` asks it (the engine unchanged); `asked` records the
answer layer's Reading by wrapping answering.Reading for that one question. `gap_row` reads, of
the question's terms the corpus uses (topic_terms.present_terms) that no quoted document (its
sentences and title; the first passage's document for an abstention) holds, the heaviest one's
IDF weight over an unseen term's, three ways:
- `doc_gap`: any such term;
- `few_gap`: a term at most FEW_DOCUMENTS documents of the corpus hold;
- `name_gap`: a term the question writes as a name (a capital after its first word, or a capital
  or digit inside a word), with how many documents hold it (`name_docs`), whether one of the
  passages read is theirs (`name_read`) and whether the question is written in title case.
`summary` prints, per set, what abstaining on the answered questions at a gap >= t would do.

    python evals/tools/nearmiss_probe.py --sets all --split dev --cache DIR --out rows.jsonl
    python evals/tools/nearmiss_probe.py --trial INDEX CORPUS JUDGED NAME --out rows.jsonl
    python evals/tools/nearmiss_probe.py --summary rows.jsonl [more.jsonl ...]
"""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from citeqa import answering
from citeqa.answer_location import Reading
from citeqa.api import Assistant, open_assistant
from citeqa.config import load_settings
from citeqa.evaluation.corpora import Assistants
from citeqa.evaluation.metrics import CUTOFF
from citeqa.evaluation.runner import DocumentTexts, judge
from citeqa.evaluation.sets import load_sets
from citeqa.lexical import query_tokens
from citeqa.models import Answer
from citeqa.topic_terms import present_terms

FEW_DOCUMENTS = 2
"""A term at most this many documents hold is one "the corpus writes in few documents"."""
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
"""The gap thresholds the summary reads."""
GAPS = ("doc_gap", "name_gap", "few_gap")
"""The gaps the summary reads, in its column order."""

Tokens = dict[str, frozenset[str]]
"""Each document's tokens, by id, as `document_tokens` reads them (one cache per corpus)."""


@contextmanager
def recorded_readings() -> Iterator[list[Reading]]:
    """The Readings the answer layer builds while in the block, in order (answering.Reading
    wrapped for the block only)."""
    readings: list[Reading] = []
    original = answering.Reading

    def recording(*args: Any, **kwargs: Any) -> Reading:
        reading = original(*args, **kwargs)
        readings.append(reading)
        return reading

    answering.Reading = recording  # type: ignore[assignment,misc]
    try:
        yield readings
    finally:
        answering.Reading = original  # type: ignore[misc]


def asked(assistant: Assistant, question: str) -> tuple[Answer, Reading | None]:
    """The answer to `question` asked on its own, and the Reading its answer models read (None
    when a rule before the models answered)."""
    with recorded_readings() as readings:
        answer = assistant.ask(question, k=CUTOFF)
    return answer, readings[-1] if readings else None


def document_tokens(reading: Reading, doc_id: str, cache: Tokens) -> frozenset[str]:
    """Every token of one document's sentences and of its title."""
    if doc_id not in cache:
        bank = reading.bank
        numbers, _ = bank.sentences.in_document(doc_id)
        tokens: set[str] = set(query_tokens(bank.documents[doc_id].title or ""))
        for number in numbers:
            tokens |= bank.tokens[number]
        cache[doc_id] = frozenset(tokens)
    return cache[doc_id]


def holders(reading: Reading, alternatives: frozenset[str], cache: Tokens) -> list[str]:
    """The corpus's documents that hold one of `alternatives`."""
    return [d for d in reading.bank.documents if alternatives & document_tokens(reading, d, cache)]


def gap_row(reading: Reading | None, doc_ids: list[str], cache: Tokens) -> dict[str, Any]:
    """The gaps (module docstring) of a question whose answer layer read `reading`, against
    the documents `doc_ids`; `doc_gap` None when either is missing."""
    if reading is None or not doc_ids:
        return {"doc_gap": None}
    terms = reading.terms
    unseen = terms.unseen_weight or 1.0
    held = frozenset().union(*(document_tokens(reading, d, cache) for d in doc_ids))
    missing = [(w / unseen, alts) for alts, w in present_terms(terms) if not alts & held]
    row: dict[str, Any] = {"doc_gap": 0.0, "name_gap": 0.0, "few_gap": 0.0, "gaps": len(missing)}
    if not missing:
        return row
    weight, alternatives = max(missing, key=lambda pair: pair[0])
    row.update(doc_gap=round(weight, 4), term=sorted(alternatives))
    few = [(w, a) for w, a in missing if len(holders(reading, a, cache)) <= FEW_DOCUMENTS]
    if few:
        weight, alternatives = max(few, key=lambda pair: pair[0])
        row.update(few_gap=round(weight, 4), few_term=sorted(alternatives))
    names = [
        (w, word, a) for w, a in missing for word in written_as_names(terms.focus)
        if set(query_tokens(word)) & a
    ]  # fmt: skip
    if names:
        weight, name, alternatives = max(names, key=lambda triple: triple[0])
        holding = holders(reading, alternatives, cache)
        read = {hit.chunk.doc_id for hit in reading.hits}
        row.update(
            name_gap=round(weight, 4), name=name, name_docs=len(holding),
            name_read=bool(read & set(holding)), title_case=title_case(terms.focus),
        )  # fmt: skip
    return row


def written_as_names(question: str) -> list[str]:
    """The question's words written as names: a capital after its first word, or a capital or
    digit inside a word ("OVHcloud", "Q1")."""
    words = re.findall(r"[\w'-]+", question)
    return [
        w.strip("'-") for n, w in enumerate(words)
        if (n > 0 and w[:1].isupper()) or any(c.isupper() or c.isdigit() for c in w[1:])
    ]  # fmt: skip


def title_case(question: str) -> bool:
    """Most of the question's words of four letters or more start with a capital (a title)."""
    words = [w for w in re.findall(r"[\w'-]+", question) if len(w) >= 4]
    return bool(words) and sum(w[:1].isupper() for w in words) * 2 > len(words)


def quoted_documents(answer: Answer) -> list[str]:
    """The documents the answer quotes (its first passage's when it abstained)."""
    docs = [c.doc_id for c in answer.citations if not c.otherwise]
    if not docs and answer.passages:
        docs = [min(answer.passages, key=lambda p: p.rank).doc_id]
    return sorted(set(docs))


def probe_sets(names: str, split: str, cache: Path) -> list[dict[str, Any]]:
    """One row per standalone question of the registered sets `names` ("all": those `--sets
    all` runs), their indexes in the eval cache `cache`."""
    rows = []
    assistants = Assistants(load_settings(), cache, None)
    chosen = None if names == "all" else names.split(",")
    for eval_set in load_sets(chosen, split):  # type: ignore[arg-type]
        assistant = assistants(eval_set.corpus_dir)
        assert isinstance(assistant, Assistant)
        text_of, tokens = DocumentTexts(assistant), Tokens()
        for question in eval_set.questions:
            if question.follows is not None:
                continue
            answer, reading = asked(assistant, question.question)
            right = judge(question, answer, text_of).quote_correct
            row = {"set": eval_set.name, "answerable": question.is_answerable, "right": right}
            rows.append(_row(row, question.question, answer, reading, tokens))
    return rows


def probe_trial(index: Path, corpus: Path, judged: Path, name: str) -> list[dict[str, Any]]:
    """One row per hand-judged question of a user trial (JSON lines: question, expected
    "answer" or "abstain", verdict "R" for a right answer), asked of the index `index`."""
    settings = load_settings().model_copy(update={"corpus_dir": corpus, "index_dir": index})
    assistant = open_assistant(settings, build_if_missing=False)
    rows, tokens = [], Tokens()
    for line in judged.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        answer, reading = asked(assistant, item["question"])
        row = {
            "set": name,
            "answerable": item["expected"] == "answer",
            "right": item["verdict"] == "R",
        }
        rows.append(_row(row, item["question"], answer, reading, tokens))
    return rows


def _row(
    row: dict[str, Any], question: str, answer: Answer, reading: Reading | None, tokens: Tokens
) -> dict[str, Any]:
    """`row` with the question, what it got and its gaps."""
    return {
        **row, "question": question, "abstained": answer.abstained,
        "confidence": answer.confidence, **gap_row(reading, quoted_documents(answer), tokens),
    }  # fmt: skip


def summary_lines(rows: list[dict[str, Any]]) -> list[str]:
    """Per set and kind (answerable or not), of its answered questions: how many each gap
    >= each threshold would abstain on (answerable: "abstained/right answers lost")."""
    by_set: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_set[row["set"]].append(row)
    head = " ".join(f">={t}" for t in THRESHOLDS)
    lines = ["set kind n answered " + " ".join(f"| {gap} {head}" for gap in GAPS)]
    for name, items in by_set.items():
        for answerable in (True, False):
            part = [r for r in items if r["answerable"] == answerable]
            answered = [r for r in part if not r["abstained"] and r["doc_gap"] is not None]
            if not part:
                continue
            cells = []
            for gap in GAPS:
                hit = [[r for r in answered if r.get(gap, 0.0) >= t] for t in THRESHOLDS]
                counts = [f"{len(h)}/{sum(r['right'] for r in h)}" for h in hit]
                cells.append("| " + " ".join(counts if answerable else [str(len(h)) for h in hit]))
            kind = "answerable" if answerable else "unanswerable"
            lines.append(f"{name} {kind} {len(part)} {len(answered)} " + " ".join(cells))
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sets", help="registered sets, comma-separated, or all")
    parser.add_argument("--split", default="dev")
    parser.add_argument("--cache", type=Path, help="the eval cache holding the sets' indexes")
    parser.add_argument("--trial", nargs=4, metavar=("INDEX", "CORPUS", "JUDGED", "NAME"))
    parser.add_argument("--out", type=Path, help="where to write the rows (JSON lines)")
    parser.add_argument("--summary", nargs="+", type=Path, help="summarise rows written before")
    args = parser.parse_args()
    if args.summary:
        lines = [line for path in args.summary for line in path.read_text().splitlines()]
        print("\n".join(summary_lines([json.loads(line) for line in lines])))
        return
    if args.trial:
        index, corpus, judged, name = args.trial
        rows = probe_trial(Path(index), Path(corpus), Path(judged), name)
    else:
        rows = probe_sets(args.sets, args.split, args.cache)
    text = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    args.out.write_text(text, encoding="utf-8")
    print("\n".join(summary_lines(rows)))


if __name__ == "__main__":
    main()
