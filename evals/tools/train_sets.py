"""The question sets the answer models are trained and checked on (see train_answer_models.py).

Answerable: the bundled set (dev half to train, test half only to report), PIAF-dev (French
Wikipedia) and PubMedQA-dev (English abstracts), each split by document into a train and a
check half. Unanswerable, generated: off-topic (one set's questions asked of another set's
corpus, both directions, both languages) and near-miss (PIAF questions asked of the PIAF corpus
with their paragraph removed: the article is there, the answer is not). Scoring follows
../shared/benchmarks/README.md: a quote is right when the answer did not abstain, its citations
total at most 400 characters, and one of them holds an accepted answer (or overlaps the gold
span) in the gold document.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from citeqa.models import Citation

MAX_QUOTE = 400
SEED = 9


@dataclass(frozen=True)
class Item:
    """One question of a set, with what a right quote must hold."""

    set: str
    id: str
    question: str
    answerable: bool
    role: str
    """"train" (fit and tune on it) or "check" (report only)."""
    doc: str | None = None
    answers: tuple[str, ...] = ()
    span: tuple[int, int] | None = None
    quote_span: tuple[int, int] | None = None
    follows: str | None = None
    lang: str = "en"


@dataclass
class Corpus:
    name: str
    corpus_dir: Path
    items: list[Item] = field(default_factory=list)


def _half(key: str) -> str:
    digest = hashlib.sha256(key.encode()).digest()[0]
    return "train" if digest % 2 == 0 else "check"


def _public(path: Path, name: str) -> list[Item]:
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        q = json.loads(line)
        items.append(
            Item(
                set=name,
                id=q["id"],
                question=q["question"],
                answerable=not q.get("unanswerable", False),
                role=_half(q["doc"]),
                doc=q["doc"],
                answers=tuple(q["answers"]) if q["match"] == "answer" else (),
                span=tuple(q["span"]),  # type: ignore[arg-type]
                quote_span=tuple(q.get("quote_span") or q["span"]),  # type: ignore[arg-type]
                lang="fr" if name.startswith("piaf") else "en",
            )
        )
    return items


def _bundled(root: Path) -> list[Item]:
    lines = (root / "evals" / "questions.jsonl").read_text(encoding="utf-8").splitlines()
    raw = [json.loads(line) for line in lines]
    by_id = {q["id"]: q for q in raw}
    return [
        Item(
            set=f"bundled-{q['split']}",
            id=q["id"],
            question=q["question"],
            answerable=q["answerable"],
            role="train" if q["split"] == "dev" else "check",
            doc=q["doc_id"],
            answers=tuple(q["answers"]),
            follows=by_id[q["follows"]]["question"] if q["follows"] else None,
            lang=q["lang"],
        )
        for q in raw
    ]


def make_near_miss(piaf: Path, work: Path) -> tuple[Path, list[Item]]:
    """A copy of the PIAF corpus without, in each article, the paragraph most questions ask
    about; those questions become near misses."""
    questions = [json.loads(line) for line in (piaf / "questions.jsonl").open(encoding="utf-8")]
    spans: dict[str, Counter[tuple[int, int]]] = {}
    for q in questions:
        spans.setdefault(q["doc"], Counter())[tuple(q["span"])] += 1
    folder = work / "near-miss" / "corpus"
    folder.mkdir(parents=True, exist_ok=True)
    removed = {}
    for path in sorted((piaf / "corpus").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        if path.stem in spans:
            start, end = spans[path.stem].most_common(1)[0][0]
            removed[path.stem] = (start, end)
            text = text[:start] + text[end:]
        target = folder / path.name
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
    items = [
        Item("near-miss", q["id"], q["question"], False, _half(q["doc"]), lang="fr")
        for q in questions
        if removed.get(q["doc"]) == tuple(q["span"])
    ]
    return folder, items


def _off_topic(items: list[Item], name: str, count: int) -> list[Item]:
    """`count` of these questions, asked where nothing answers them."""
    chosen = random.Random(SEED).sample(items, min(count, len(items)))
    return [
        Item(name, i.id, i.question, False, _half(i.id), lang=i.lang)
        for i in chosen
        if i.follows is None
    ]


def corpora(root: Path, benchmarks: Path, work: Path) -> list[Corpus]:
    """Every corpus with the questions asked of it."""
    bundled = _bundled(root)
    answerable_bundled = [i for i in bundled if i.answerable and i.role == "train"]
    piaf = _public(benchmarks / "piaf-dev" / "questions.jsonl", "piaf")
    pubmed = _public(benchmarks / "pubmedqa-dev" / "questions.jsonl", "pubmed")
    near_dir, near = make_near_miss(benchmarks / "piaf-dev", work)
    return [
        Corpus(
            "bundled",
            root / "corpus",
            bundled
            + _off_topic(piaf, "off-topic-fr", 150)
            + _off_topic(pubmed, "off-topic-en", 150),
        ),
        Corpus(
            "piaf",
            benchmarks / "piaf-dev" / "corpus",
            piaf
            + _off_topic(pubmed, "off-topic-en", 300)
            + _off_topic(answerable_bundled, "off-topic-bundled", 80),
        ),
        Corpus(
            "pubmed",
            benchmarks / "pubmedqa-dev" / "corpus",
            pubmed
            + _off_topic(piaf, "off-topic-fr", 300)
            + _off_topic(answerable_bundled, "off-topic-bundled", 80),
        ),
        Corpus("near-miss", near_dir, near),
    ]


def quote_right(item: Item, citations: list[Citation]) -> bool:
    """The README's scoring: short enough, in the gold document, holding an accepted answer
    (or overlapping the gold span)."""
    if not item.answerable or not citations:
        return False
    if sum(len(c.quote) for c in citations) > MAX_QUOTE:
        return False
    return any(_holds(item, c) for c in citations if c.doc_id == item.doc)


def _holds(item: Item, citation: Citation) -> bool:
    overlaps = item.quote_span is None or (
        citation.start < item.quote_span[1] and citation.end > item.quote_span[0]
    )
    if not item.answers:
        return overlaps
    quote = " ".join(citation.quote.casefold().split())
    held = any(" ".join(a.casefold().split()) in quote for a in item.answers)
    return held and (
        item.span is None or (citation.start < item.span[1] and citation.end > item.span[0])
    )
