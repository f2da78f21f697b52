"""Training-only unanswerable questions, more varied than the evaluation sets hold.

train_answer_models.py --extra adds them to the dev halves the answerability model learns from
(never to what it is judged on: the evaluation sets, out of fold and on the test halves). They
are made from the dev halves only: no test-half question, and no test-half document in a corpus
written here.
- Near misses, every PIAF dev question once (`extra-nearmiss-piaf-{even,odd}`): PIAF's dev
  articles without their even (or odd) answering paragraphs, an article keeping at least one
  paragraph besides its title; the questions of the removed paragraphs whose answers occur
  nowhere in what is left. The same over the paragraphs as documents
  (`extra-nearmiss-paragraphs-{even,odd}`: piaf-paragraphs' dev documents, an article keeping
  at least one). The evaluation's near-miss set removes one paragraph of 68 articles (160 dev
  questions).
- Off-topic in every direction (`extra-offtopic-<corpus>`): every answerable dev question of
  the other sets (no follow-up) asked of each corpus, PIAF paragraphs included, less those the
  evaluation's off-topic sets already ask; questions naming the bundled corpus's subject are
  not asked of it (make_sets.MEDICAL_OVERLAP). The evaluation's hold 50 dev per direction.
The corpora are written under the eval cache (`training-sets/`, the same files every run) and
indexed there as the evaluation's are.
"""

from __future__ import annotations

from pathlib import Path

from make_sets import MEDICAL_OVERLAP, cut, fold
from train_sets import Corpus, Item

from citeqa.evaluation.questions import EvalQuestion

PARITIES = ("even", "odd")
CORPUS_OF = {"piaf-paragraphs": "piaf"}
"""A target whose questions are another set's: they are not off-topic there."""


def extra_corpora(corpora: list[Corpus], cache: Path, kinds: tuple[str, ...]) -> list[Corpus]:
    """`corpora` (train_sets.corpora) with the training-only sets whose name (less "extra-")
    starts with one of `kinds` added: off-topic questions to the evaluation corpora they are
    asked of, near misses in corpora of their own."""

    def wanted(name: str) -> bool:
        return any(name.removeprefix("extra-").startswith(kind) for kind in kinds)

    sets: dict[str, list[Item]] = {}
    dirs: dict[str, Path] = {}
    for c in corpora:
        for i in c.items:
            sets.setdefault(i.set, []).append(i)
            dirs[i.set] = c.corpus_dir
    out = [Corpus(c.name, c.corpus_dir, list(c.items)) for c in corpora]
    by_dir = {c.corpus_dir: c for c in out}
    asked = {(i.set, i.question.source) for c in corpora for i in c.items}
    for target in ("bundled", "piaf", "pubmedqa", "piaf-paragraphs"):
        if wanted(f"offtopic-{target}"):
            by_dir[dirs[target]].items.extend(off_topic(target, sets, asked))
    root = cache / "training-sets"
    makers = (
        ("nearmiss-piaf", near_miss_articles, "piaf"),
        ("nearmiss-paragraphs", near_miss_paragraphs, "piaf-paragraphs"),
    )
    for parity in PARITIES:
        for name, make, source in makers:
            if not wanted(f"{name}-{parity}"):
                continue
            texts, items = make(sets[source], dirs[source], parity)
            corpus_dir = root / f"{name}-{parity}" / "corpus"
            write_corpus(corpus_dir, texts)
            out.append(Corpus(f"extra-{name}-{parity}", corpus_dir, items))
    return out


def unanswerable(source: Item, set_name: str, kind: str) -> Item:
    """A dev question of another set made unanswerable, its `source` the question it came from."""
    q = source.question
    made = EvalQuestion(
        id=f"{set_name}-{q.id}", question=q.question, lang=q.lang, kinds=["unanswerable", kind],
        split="dev", answerable=False, source=q.id,
    )  # fmt: skip
    return Item(set_name, made, "train")


def _dev(items: list[Item]) -> list[Item]:
    return [i for i in items if i.role == "train" and i.answerable and not i.question.follows]


def off_topic(target: str, sets: dict[str, list[Item]], asked: set) -> list[Item]:
    """Every answerable dev question of the other sources asked of `target`, less those the
    evaluation's off-topic set of `target` asks."""
    sources = [s for s in ("bundled", "piaf", "pubmedqa") if s != CORPUS_OF.get(target, target)]
    name = f"extra-offtopic-{target}"
    made = []
    for source in sources:
        for item in _dev(sets[source]):
            if (f"offtopic-{target}", item.question.id) in asked:
                continue
            if target == "bundled" and MEDICAL_OVERLAP.search(item.text):
                continue
            made.append(unanswerable(item, name, "off-topic"))
    return made


def _cut(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` without the spans, each cut as make_sets.near_miss cuts one (the last first, so
    the earlier spans keep their offsets)."""
    for start, end in sorted(spans, reverse=True):
        text = cut(text, start, end)
    return text


def near_miss_articles(
    piaf: list[Item], corpus_dir: Path, parity: str
) -> tuple[dict[str, str], list[Item]]:
    """PIAF's dev articles without their `parity` answering paragraphs, and the orphaned
    questions of those paragraphs."""
    by_doc: dict[str, dict[tuple[int, int], list[Item]]] = {}
    for item in _dev(piaf):
        span = item.question.span or (0, 0)
        by_doc.setdefault(str(item.question.doc_id), {}).setdefault(span, []).append(item)
    texts, items = {}, []
    name = f"extra-nearmiss-piaf-{parity}"
    for doc in sorted(by_doc):
        text = (corpus_dir / f"{doc}.txt").read_text(encoding="utf-8")
        spans = sorted(by_doc[doc])[PARITIES.index(parity) :: 2]
        rest = _cut(text, spans)
        if len([p for p in rest.split("\n\n") if p.strip()]) < 2:
            rest, spans = text, []  # the title alone would be left: the article stays whole
        texts[doc] = rest
        for span in spans:
            items.extend(_orphans(by_doc[doc][span], rest, name))
    return texts, items


def _orphans(questions: list[Item], rest: str, name: str) -> list[Item]:
    """The questions none of whose answers occurs in `rest`, made near misses."""
    left = fold(rest)
    return [
        unanswerable(q, name, "near-miss")
        for q in questions
        if not any(fold(answer) in left for answer in q.question.answers)
    ]


def near_miss_paragraphs(
    paragraphs: list[Item], corpus_dir: Path, parity: str
) -> tuple[dict[str, str], list[Item]]:
    """PIAF paragraphs (dev articles) without each article's `parity` paragraphs (an article of
    one paragraph keeps it), and the orphaned questions of the removed ones."""
    by_article: dict[str, dict[str, list[Item]]] = {}
    for item in _dev(paragraphs):
        doc = str(item.question.doc_id)
        by_article.setdefault(doc.rsplit("-", 1)[0], {}).setdefault(doc, []).append(item)
    texts, items = {}, []
    name = f"extra-nearmiss-paragraphs-{parity}"
    for article in sorted(by_article):
        docs = sorted(by_article[article])
        removed = set(docs[PARITIES.index(parity) :: 2]) if len(docs) > 1 else set()
        kept = {d: (corpus_dir / f"{d}.txt").read_text(encoding="utf-8") for d in docs}
        kept = {d: t for d, t in kept.items() if d not in removed}
        texts.update(kept)
        rest = "\n\n".join(kept.values())
        for doc in sorted(removed):
            items.extend(_orphans(by_article[article][doc], rest, name))
    return texts, items


def write_corpus(corpus_dir: Path, texts: dict[str, str]) -> None:
    """The corpus's files, each written only when its text differs (an index over them stays
    fresh); a .txt file left from another version of this module is an error, never deleted
    here."""
    corpus_dir.mkdir(parents=True, exist_ok=True)
    stale = sorted(p.name for p in corpus_dir.glob("*.txt") if p.stem not in texts)
    if stale:
        raise SystemExit(f"{corpus_dir} holds files this version does not write: {stale[:3]}")
    for doc, text in texts.items():
        path = corpus_dir / f"{doc}.txt"
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
