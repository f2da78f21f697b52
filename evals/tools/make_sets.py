"""Build the cross-corpus evaluation sets in evals/sets/ from ../shared/benchmarks, reproducibly.

    python evals/tools/make_sets.py [--shared ../shared/benchmarks] [--out evals/sets]

Writes (fixed seed; running it twice gives byte-identical files):
- `piaf/` and `pubmedqa/`: each shared corpus copied unchanged, its questions converted to the
  evals format (evals/README.md) with a `split`: whole documents go to `dev` or `test`;
- `piaf-paragraphs/`: every PIAF paragraph its own short document (no title), each question
  asked of its paragraph, split as its article: short questions over a few hundred short
  documents, the shape of a FAQ;
- `piaf-nearmiss/corpus/`: PIAF with one answering paragraph removed from each article that
  keeps others; `nearmiss.jsonl` holds the questions of the removed paragraphs whose accepted
  answers occur nowhere else in their article (the article is there, the answer is not);
- `pubmedqa-nearmiss/corpus/`: PubMedQA with each abstract's conclusions paragraph (where an
  answering quote must lie) removed; `nearmiss-pubmedqa.jsonl` holds the questions (the
  abstract's background, methods and results are there, its answer is not);
- `offtopic-<corpus>.jsonl`: questions of the other sets asked of `<corpus>` (both directions,
  English and French; each keeps the split of the question it came from);
- `contentfree-<corpus>.jsonl`: inputs with nothing to search for (`???`, `the`, emoji, ...).
`sets.json` names every set with its corpus and question file (read by
`citeqa.evaluation.sets`), including the hand-written `tables`, `notes` and `research` sets
(`tables/`, `tables.jsonl`, `notes/`, `notes.jsonl`, `research/`, `research.jsonl`: written by
hand, not by this script, which only registers them; kept out of `--sets all`, see
evals/sets/README.md), and the `sheets` set (`sheets/corpus/`, written by make_sheets.py, and
`sheets.jsonl`, by hand), and the `admin` set (`admin/corpus/`, written by make_admin.py, and
`admin.jsonl`, by hand), registered the same way.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
from pathlib import Path

SEED = 20261128
ROOT = Path(__file__).resolve().parents[2]
OFFTOPIC_PER_SOURCE = 100
"""Questions drawn from each source set for each off-topic set (half dev, half test)."""
CONTENT_FREE = [
    "???", "...", "the", "🙂🙂", "[]", "?", "!!!", "…", "---", "{}", "()", "***", "#",
    "😀", "👍👍👍", "a", "of the", "and", "what?", "why", "how", "is it?", "le", "la",
    "de la", "et", "quoi ?", "pourquoi ?", "comment", "c'est", "...?", "??!!",
]  # fmt: skip
"""Inputs with nothing to search for, English, French and symbols."""
MEDICAL_OVERLAP = re.compile(r"lupus|\bSLE\b|nephritis|néphrite", re.IGNORECASE)
"""Off-topic questions for the bundled (lupus) corpus must not be about its subject."""


def fold(text: str) -> str:
    """Case and spaces folded, as the scoring compares answers."""
    return " ".join(text.lower().split())


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def jsonl_text(rows: list[dict]) -> str:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def write_jsonl(path: Path, rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(jsonl_text(rows), encoding="utf-8")


def split_docs(docs: list[str], salt: str) -> dict[str, str]:
    """Half the documents (shuffled with the seed) are dev, the rest test."""
    order = sorted(set(docs))
    random.Random(f"{SEED}-{salt}").shuffle(order)
    half = (len(order) + 1) // 2
    return {doc: ("dev" if i < half else "test") for i, doc in enumerate(order)}


def convert(rows: list[dict], lang: str, salt: str) -> list[dict]:
    """Shared-benchmark questions in the evals format, each with its document's split."""
    splits = split_docs([row["doc"] for row in rows], salt)
    converted = []
    for row in rows:
        question = {
            "id": row["id"], "question": row["question"], "lang": lang, "doc_id": row["doc"],
            "answers": row["answers"], "span": row["span"], "match": row["match"],
            "kinds": ["fact"], "split": splits[row["doc"]], "answerable": True,
        }  # fmt: skip
        if row.get("quote_span"):
            question["quote_span"] = row["quote_span"]
        converted.append(question)
    return converted


def copy_corpus(source: Path, target: Path) -> None:
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for path in sorted(source.glob("*.txt")):
        shutil.copyfile(path, target / path.name)


def cut(text: str, start: int, end: int) -> str:
    """`text` without `text[start:end]` (a paragraph): the text on either side joined by one
    blank line, ending in one newline."""
    return (text[:start].rstrip("\n") + "\n\n" + text[end:].lstrip("\n")).rstrip("\n") + "\n"


def near_miss(corpus: Path, questions: list[dict], out: Path) -> list[dict]:
    """Remove one answering paragraph per article (keeping others); its orphaned questions."""
    rng = random.Random(f"{SEED}-nearmiss")
    by_doc: dict[str, dict[tuple[int, int], list[dict]]] = {}
    for q in questions:
        by_doc.setdefault(q["doc_id"], {}).setdefault(tuple(q["span"]), []).append(q)
    target = out / "piaf-nearmiss" / "corpus"
    copy_corpus(corpus, target)
    chosen: list[dict] = []
    for doc in sorted(by_doc):
        text = (corpus / f"{doc}.txt").read_text(encoding="utf-8")
        if len([p for p in text.split("\n\n") if p.strip()]) < 3:
            continue  # title and one paragraph: removing it would remove the article
        start, end = rng.choice(sorted(by_doc[doc]))
        rest = cut(text, start, end)
        (target / f"{doc}.txt").write_text(rest, encoding="utf-8")
        for q in by_doc[doc][(start, end)]:
            if not any(fold(answer) in fold(rest) for answer in q["answers"]):
                chosen.append(unanswerable(q, f"nearmiss-{q['id']}", "near-miss", q["split"]))
    return chosen


def paragraphs(corpus: Path, questions: list[dict], out: Path) -> list[dict]:
    """Each answering paragraph of each PIAF article its own document (`<article>-<n>`),
    written to `piaf-paragraphs/corpus/`; the questions re-pointed to their paragraph."""
    target = out / "piaf-paragraphs" / "corpus"
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    names: dict[tuple[str, int, int], str] = {}
    counts: dict[str, int] = {}
    for doc, start, end in sorted({(q["doc_id"], *q["span"]) for q in questions}):
        text = (corpus / f"{doc}.txt").read_text(encoding="utf-8")[start:end]
        counts[doc] = counts.get(doc, 0) + 1
        name = names[(doc, start, end)] = f"{doc}-{counts[doc]:02d}"
        (target / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
    rows = []
    for q in questions:
        start, end = q["span"]
        rows.append({**q, "id": f"para-{q['id']}", "doc_id": names[(q["doc_id"], start, end)],
                     "span": [0, end - start], "source": q["id"]})  # fmt: skip
    return rows


def near_miss_conclusions(corpus: Path, questions: list[dict], out: Path) -> list[dict]:
    """Remove each abstract's conclusions paragraph (the one holding `quote_span`, from its
    label to the end of the quote); its question becomes a near miss."""
    target = out / "pubmedqa-nearmiss" / "corpus"
    copy_corpus(corpus, target)
    chosen: list[dict] = []
    for q in sorted(questions, key=lambda q: q["id"]):
        path = target / f"{q['doc_id']}.txt"
        text = path.read_text(encoding="utf-8")
        start, end = q["quote_span"]
        opening = text.rfind("\n\n", 0, start)
        if opening < 0:
            continue  # one paragraph: removing it would remove the abstract
        rest = (text[:opening] + text[end:]).rstrip("\n") + "\n"
        path.write_text(rest, encoding="utf-8")
        chosen.append(unanswerable(q, f"nearmiss-{q['id']}", "near-miss", q["split"]))
    return chosen


def unanswerable(source: dict, new_id: str, kind: str, split: str) -> dict:
    return {
        "id": new_id, "question": source["question"], "lang": source["lang"], "doc_id": None,
        "answers": [], "kinds": ["unanswerable", kind], "split": split, "answerable": False,
        "source": source["id"],
    }  # fmt: skip


def sample(questions: list[dict], n: int, salt: str) -> list[dict]:
    """n questions, half from each split, in a seeded order."""
    picked = []
    for split in ("dev", "test"):
        pool = sorted((q for q in questions if q["split"] == split), key=lambda q: q["id"])
        random.Random(f"{SEED}-{salt}-{split}").shuffle(pool)
        picked += pool[: n // 2]
    return picked


def off_topic(target: str, sources: dict[str, list[dict]]) -> list[dict]:
    """Questions of the other sets asked of `target`'s corpus."""
    rows = []
    for name, questions in sorted(sources.items()):
        if name == target:
            continue
        pool = [q for q in questions if q.get("answerable", True) and not q.get("follows")]
        if target == "bundled":
            pool = [q for q in pool if not MEDICAL_OVERLAP.search(q["question"])]
        for q in sample(pool, OFFTOPIC_PER_SOURCE, f"{target}-{name}"):
            rows.append(unanswerable(q, f"offtopic-{target}-{q['id']}", "off-topic", q["split"]))
    return rows


def content_free(target: str) -> list[dict]:
    """The content-free inputs, alternately dev and test in a seeded order."""
    order = list(CONTENT_FREE)
    random.Random(f"{SEED}-contentfree").shuffle(order)
    rows = []
    for i, text in enumerate(order):
        lang = "fr" if text in {"le", "la", "de la", "et", "quoi ?", "pourquoi ?", "comment",
                                "c'est"} else "en"  # fmt: skip
        source = {"id": f"cf{i:02d}", "question": text, "lang": lang}
        split = "dev" if i % 2 == 0 else "test"
        rows.append(unanswerable(source, f"contentfree-{target}-{i:02d}", "content-free", split))
    return rows


def registry() -> dict:
    """sets.json: every set's kind, corpus and questions, relative to the sets folder."""
    corpora = {"bundled": "../../corpus", "piaf": "piaf/corpus", "pubmedqa": "pubmedqa/corpus"}
    sets: list[dict[str, str | bool]] = [
        {"name": "bundled", "kind": "answerable", "corpus": corpora["bundled"],
         "questions": "../questions.jsonl"},
        {"name": "piaf", "kind": "answerable", "corpus": corpora["piaf"],
         "questions": "piaf/questions.jsonl"},
        {"name": "pubmedqa", "kind": "answerable", "corpus": corpora["pubmedqa"],
         "questions": "pubmedqa/questions.jsonl"},
        {"name": "piaf-paragraphs", "kind": "answerable", "corpus": "piaf-paragraphs/corpus",
         "questions": "piaf-paragraphs/questions.jsonl"},
        {"name": "nearmiss-piaf", "kind": "near-miss", "corpus": "piaf-nearmiss/corpus",
         "questions": "nearmiss-piaf.jsonl"},
        {"name": "nearmiss-pubmedqa", "kind": "near-miss", "corpus": "pubmedqa-nearmiss/corpus",
         "questions": "nearmiss-pubmedqa.jsonl"},
    ]  # fmt: skip
    for kind, label in (("offtopic", "off-topic"), ("contentfree", "content-free")):
        for name, corpus in corpora.items():
            sets.append({"name": f"{kind}-{name}", "kind": label, "corpus": corpus,
                         "questions": f"{kind}-{name}.jsonl"})  # fmt: skip
    sets.append({"name": "tables", "kind": "answerable", "corpus": "tables/corpus",
                 "questions": "tables.jsonl", "in_all": False})  # fmt: skip
    sets.append({"name": "notes", "kind": "answerable", "corpus": "notes/corpus",
                 "questions": "notes.jsonl", "in_all": False, "quick_whole": True})  # fmt: skip
    sets.append({"name": "research", "kind": "answerable", "corpus": "research/corpus",
                 "questions": "research.jsonl", "in_all": False, "quick_whole": True})  # fmt: skip
    sets.append({"name": "sheets", "kind": "answerable", "corpus": "sheets/corpus",
                 "questions": "sheets.jsonl", "in_all": False, "quick_whole": True})  # fmt: skip
    sets.append({"name": "admin", "kind": "answerable", "corpus": "admin/corpus",
                 "questions": "admin.jsonl", "in_all": False, "quick_whole": True})  # fmt: skip
    about = "Evaluation sets, made by evals/tools/make_sets.py; see evals/README.md."
    return {"_about": about, "sets": sets}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "benchmarks")
    parser.add_argument("--out", type=Path, default=ROOT / "evals" / "sets")
    args = parser.parse_args()
    out: Path = args.out.resolve()
    piaf = convert(read_jsonl(args.shared / "piaf-dev" / "questions.jsonl"), "fr", "piaf")
    pubmed = convert(read_jsonl(args.shared / "pubmedqa-dev" / "questions.jsonl"), "en", "pubmed")
    for name, rows in (("piaf", piaf), ("pubmedqa", pubmed)):
        copy_corpus(args.shared / f"{name}-dev" / "corpus", out / name / "corpus")
        write_jsonl(out / name / "questions.jsonl", rows)
    para = paragraphs(out / "piaf" / "corpus", piaf, out)
    write_jsonl(out / "piaf-paragraphs" / "questions.jsonl", para)
    write_jsonl(out / "nearmiss-piaf.jsonl", near_miss(out / "piaf" / "corpus", piaf, out))
    conclusions = near_miss_conclusions(out / "pubmedqa" / "corpus", pubmed, out)
    write_jsonl(out / "nearmiss-pubmedqa.jsonl", conclusions)
    bundled = read_jsonl(ROOT / "evals" / "questions.jsonl")
    sources = {"bundled": bundled, "piaf": piaf, "pubmedqa": pubmed}
    for target in sources:
        write_jsonl(out / f"offtopic-{target}.jsonl", off_topic(target, sources))
        write_jsonl(out / f"contentfree-{target}.jsonl", content_free(target))
    (out / "sets.json").write_text(
        json.dumps(registry(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"sets written to {out}")


if __name__ == "__main__":
    main()
