"""Quick subsets of the evaluation sets, for CI floors: small corpora, the same kinds of question.

`plan_quick_sets` picks `docs` files of each set's corpus (those the split's answerable questions
name first, each group sorted by path; a corpus of subfolders, such as a vault of notes, is
walked whole and copied with its subfolders, a document named by its path as the index names
it) for a folder of its own, and keeps of each set the questions those files can judge:
answerable ones whose document was kept; near-miss ones whose source question's document was
kept; off-topic and content-free ones as they are (still unanswerable on a smaller corpus). At
most `questions` per set are kept, in file order (a follow-up only with the question it
follows). A set registered `quick_whole` (the notes vault, the research folder: their near
misses need the documents around them) is copied whole, every question kept. Deterministic,
so floors measured on it stay comparable. It copies nothing, so eval can refuse (a peer's
package missing) before it writes anything; `make_quick_sets` then copies the planned files.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple

from citeqa.corpus import document_id, list_corpus_files, relative_path
from citeqa.domain import domain_path
from citeqa.evaluation.questions import EvalQuestion
from citeqa.evaluation.sets import EvalSet, check_known
from citeqa.paths import folder_key

QUICK_DOCS = 20
"""Files kept of each corpus (the bundled corpus keeps all five)."""
MANIFEST = "manifest.json"
"""A corpus's description (titles, languages, domain file): copied with the documents."""
QUICK_QUESTIONS = 50
"""Questions kept of each set."""


def quick_target(corpus_dir: Path, folder: Path, names: list[str]) -> Path:
    """Where the quick copy of `corpus_dir` made of the files at `names` (relative to it)
    goes: named by the folder, its absolute path and those names, so a copy made for one
    split's questions (the documents they name) is never reused for another split's."""
    joined = "\n".join(sorted(names))
    return folder / f"{folder_key(corpus_dir)}-{hashlib.sha256(joined.encode()).hexdigest()[:10]}"


def quick_files(
    corpus_dir: Path, own: set[str], docs: int | None, named: set[str]
) -> list[tuple[Path, str]]:
    """The files of the quick copy of `corpus_dir`: `docs` documents (None: all) of those the
    index lists (corpus.list_corpus_files: in subfolders too, hidden files and links out of the
    corpus left out), those that questions name first, each group sorted by path, then the
    corpus's manifest.json and domain file (`own`: their names, `_own_files`), if any. Nothing
    is copied. Each file comes with its path relative to the corpus."""
    listed = ((p, relative_path(p, corpus_dir)) for p in list_corpus_files(corpus_dir))
    files = [(p, name) for p, name in listed if name not in own]
    files.sort(key=lambda file: document_id(file[1]) not in named)
    kept_own = [(corpus_dir / n, n) for n in sorted(own) if (corpus_dir / n).is_file()]
    return [*files[:docs], *kept_own]


def _own_files(corpus: Path) -> set[str]:
    """The corpus's manifest and the domain file it names: files that are not documents."""
    domain = domain_path(corpus)
    return {MANIFEST} | ({domain.name} if domain is not None else set())


def _keep(question: EvalQuestion, kept: set[str], source_doc: dict[str, str | None]) -> bool:
    if question.is_answerable:
        return question.doc_id in kept
    if "near-miss" in question.kinds:
        return source_doc.get(question.source or "") in kept
    return True


class QuickPlan(NamedTuple):
    """One quick set before its corpus is copied: the set (its corpus_dir the copy's folder)
    and the source files the copy is made of."""

    eval_set: EvalSet
    files: list[Path]
    source_dir: Path
    """The corpus folder `files` lie in (they are copied to the same paths under the copy's)."""


def plan_quick_sets(
    sets: list[EvalSet],
    folder: Path,
    docs: int | None,
    questions: int,
    wanted: list[str] | None = None,
) -> list[QuickPlan]:
    """The quick copies of the sets named in `wanted` (all when None), `docs` documents each
    (None: all), copying nothing: every set of `sets` still decides which documents are kept,
    so a set's quick copy is the same whichever sets are asked for. EvalSetError when `wanted`
    names a set not in `sets`."""
    if wanted is not None:
        check_known(wanted, [eval_set.name for eval_set in sets])
    source_doc = {q.id: q.doc_id for s in sets for q in s.questions if q.is_answerable}
    named = {doc for doc in source_doc.values() if doc is not None}
    plans = []
    for eval_set in sets:
        if wanted is not None and eval_set.name not in wanted:
            continue
        own = _own_files(eval_set.corpus_dir)
        keep_docs, keep_questions = (None, None) if eval_set.quick_whole else (docs, questions)
        files = quick_files(eval_set.corpus_dir, own, keep_docs, named)
        target = quick_target(eval_set.corpus_dir, folder, [name for _, name in files])
        kept = {document_id(name) for _, name in files if name not in own}
        chosen = [q for q in eval_set.questions if _keep(q, kept, source_doc)][:keep_questions]
        ids = {q.id for q in chosen}
        chosen = [q for q in chosen if q.follows is None or q.follows in ids]
        quick_set = replace(eval_set, corpus_dir=target, questions=chosen)
        plans.append(QuickPlan(quick_set, [p for p, _ in files], eval_set.corpus_dir))
    return plans


def make_quick_sets(plans: list[QuickPlan]) -> list[EvalSet]:
    """The planned quick sets, their corpora copied (each file once per folder: a copy an
    earlier run left unfinished gets its missing files)."""
    from citeqa.evaluation.peer_cache import copy_file  # its hashes: the peer check's

    for plan in plans:
        target = plan.eval_set.corpus_dir
        target.mkdir(parents=True, exist_ok=True)
        for path in plan.files:
            copy = target / path.relative_to(plan.source_dir)
            if not copy.exists():  # a copy cut short is completed
                copy.parent.mkdir(parents=True, exist_ok=True)
                copy_file(path, copy)
    return [plan.eval_set for plan in plans]
