"""Quick subsets of the evaluation sets, for CI floors: small corpora, the same kinds of question.

`quick_sets` copies `docs` files of each set's corpus (those the split's answerable questions
name first, each group sorted by name) into a folder of its own, and keeps of each set the
questions those files can judge: answerable ones whose document was kept; near-miss ones whose
source question's document was kept; off-topic and content-free ones as they are (still
unanswerable on a smaller corpus). At most `questions` per set are kept, in file order (a
follow-up only with the question it follows). Deterministic, so floors measured on it stay
comparable.
"""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import replace
from pathlib import Path

from citeqa.domain import domain_path
from citeqa.evaluation.questions import EvalQuestion
from citeqa.evaluation.sets import EvalSet
from citeqa.paths import real_path

QUICK_DOCS = 20
"""Files kept of each corpus (the bundled corpus keeps all five)."""
MANIFEST = "manifest.json"
"""A corpus's description (titles, languages, domain file): copied with the documents."""
QUICK_QUESTIONS = 50
"""Questions kept of each set."""


def quick_corpus(corpus_dir: Path, folder: Path, docs: int, named: set[str]) -> Path:
    """A copy of `docs` documents of `corpus_dir` and of its manifest.json and domain file, if
    any: first those that questions name (sorted), then the others (sorted); made once per
    source folder."""
    digest = hashlib.sha256(str(real_path(corpus_dir)).encode()).hexdigest()[:10]
    target = folder / f"{corpus_dir.name}-{digest}"
    if not target.exists():
        own = _own_files(corpus_dir)
        files = sorted(p for p in corpus_dir.iterdir() if p.is_file() and p.name not in own)
        files.sort(key=lambda p: p.stem not in named)
        target.mkdir(parents=True)
        for path in [*files[:docs], *(corpus_dir / name for name in sorted(own))]:
            if path.is_file():
                shutil.copyfile(path, target / path.name)
    return target


def _own_files(corpus: Path) -> set[str]:
    """The corpus's manifest and the domain file it names: files that are not documents."""
    domain = domain_path(corpus)
    return {MANIFEST} | ({domain.name} if domain is not None else set())


def _doc_ids(corpus: Path) -> set[str]:
    own = _own_files(corpus)
    return {p.stem for p in corpus.iterdir() if p.is_file() and p.name not in own}


def _keep(question: EvalQuestion, kept: set[str], source_doc: dict[str, str | None]) -> bool:
    if question.is_answerable:
        return question.doc_id in kept
    if "near-miss" in question.kinds:
        return source_doc.get(question.source or "") in kept
    return True


def quick_sets(sets: list[EvalSet], folder: Path, docs: int, questions: int) -> list[EvalSet]:
    """Each set on a small copy of its corpus, cut to the questions that copy can judge."""
    source_doc = {q.id: q.doc_id for s in sets for q in s.questions if q.is_answerable}
    named = {doc for doc in source_doc.values() if doc is not None}
    quick = []
    for eval_set in sets:
        corpus = quick_corpus(eval_set.corpus_dir, folder, docs, named)
        kept = _doc_ids(corpus)
        chosen = [q for q in eval_set.questions if _keep(q, kept, source_doc)][:questions]
        ids = {q.id for q in chosen}
        chosen = [q for q in chosen if q.follows is None or q.follows in ids]
        quick.append(replace(eval_set, corpus_dir=corpus, questions=chosen))
    return quick
