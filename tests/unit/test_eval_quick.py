"""The quick subsets behind the CI floors: small corpora, questions they can still judge."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeqa.evaluation.peer_cache import PlannedCopy, cache_key
from citeqa.evaluation.questions import EvalQuestion
from citeqa.evaluation.quick import make_quick_sets, plan_quick_sets
from citeqa.evaluation.sets import EvalSet, load_sets


@pytest.fixture(scope="module")
def quick(tmp_path_factory: pytest.TempPathFactory) -> dict:
    every = load_sets(split="test")
    folder = tmp_path_factory.mktemp("quick")
    return {
        s.name: s for s in make_quick_sets(plan_quick_sets(every, folder, docs=20, questions=50))
    }


def docs(corpus: Path) -> set[str]:
    return {p.stem for p in corpus.iterdir() if p.name not in ("manifest.json", "domain.json")}


def test_each_corpus_is_cut_to_its_first_documents(quick: dict) -> None:
    piaf = quick["piaf"].corpus_dir
    assert len(docs(piaf)) == 20
    assert docs(piaf) == docs(quick["nearmiss-piaf"].corpus_dir), (
        "near-miss keeps the same articles"
    )
    assert len(docs(quick["bundled"].corpus_dir)) == 5
    assert (quick["bundled"].corpus_dir / "manifest.json").exists()
    assert quick["offtopic-piaf"].corpus_dir == piaf, "one copy per corpus folder"


def test_answerable_questions_keep_their_document(quick: dict) -> None:
    for name in ("bundled", "piaf", "pubmedqa"):
        kept = docs(quick[name].corpus_dir)
        questions = quick[name].questions
        assert 10 <= len(questions) <= 50, name
        assert all(q.doc_id in kept for q in questions if q.is_answerable)
        assert {q.split for q in questions} == {"test"}


def test_near_miss_questions_keep_their_source_article(quick: dict) -> None:
    piaf = {q.id: q for q in load_sets(["piaf"], split="test")[0].questions}
    kept = docs(quick["nearmiss-piaf"].corpus_dir)
    questions = quick["nearmiss-piaf"].questions
    assert len(questions) >= 10
    assert all(piaf[q.source].doc_id in kept for q in questions)


def test_follow_ups_come_with_their_parent(quick: dict) -> None:
    ids = {q.id for q in quick["bundled"].questions}
    assert all(q.follows in ids for q in quick["bundled"].questions if q.follows)


def test_only_the_sets_asked_for_are_copied_and_as_when_all_are(
    quick: dict, tmp_path: Path
) -> None:
    every = load_sets(split="test")
    plans = plan_quick_sets(every, tmp_path, docs=20, questions=50, wanted=["nearmiss-piaf"])
    assert not list(tmp_path.iterdir()), "planning copies nothing"
    [alone] = make_quick_sets(plans)
    assert [p.name for p in tmp_path.iterdir()] == [alone.corpus_dir.name]
    assert sorted(p.name for p in plans[0].files) == sorted(
        p.name for p in alone.corpus_dir.iterdir()
    )
    together = quick["nearmiss-piaf"]
    assert docs(alone.corpus_dir) == docs(together.corpus_dir)
    assert alone.questions == together.questions


def test_planned_files_key_the_peer_cache_as_the_copy_does(tmp_path: Path) -> None:
    every = load_sets(split="test")
    [plan] = plan_quick_sets(every, tmp_path, docs=20, questions=50, wanted=["bundled"])
    [made] = make_quick_sets([plan])
    dense = {"minilm": "minilm"}
    assert cache_key(PlannedCopy(plan.source_dir, plan.files), made.questions, dense) == cache_key(
        made.corpus_dir, made.questions, dense
    )


def test_a_nested_corpus_planned_keys_the_peer_cache_as_its_copy(tmp_path: Path) -> None:
    """The files of a vault are keyed by their paths in it (`Daily/2026-03-14.md`), in the
    copy's order, before the copy as after it (review s17-userset item 1)."""
    corpus = _vault(tmp_path)
    (corpus / "Daily z.md").write_text("Sorted after Daily/ by name, before it by path.\n")
    vault = _vault_set(corpus, tmp_path)
    [plan] = plan_quick_sets([vault], tmp_path / "quick", docs=None, questions=50)
    [made] = make_quick_sets([plan])
    dense = {"minilm": "minilm"}
    planned = PlannedCopy(plan.source_dir, plan.files)
    assert cache_key(planned, made.questions, dense) == cache_key(
        made.corpus_dir, made.questions, dense
    )


def test_quick_notes_on_a_warm_peer_cache_needs_no_peer_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`citeqa eval --sets notes --quick` without MiniLM, its peers' results cached: the check
    before the copy finds them (it looked under another key and refused, exit 15)."""
    from citeqa.cli.eval_cmd import chosen_sets
    from citeqa.evaluation import peer_cache
    from citeqa.evaluation.corpora import standalone_questions
    from citeqa.evaluation.peers import DENSE_CHANNELS

    [notes] = chosen_sets("notes", "test", tmp_path, quick=True, peers=False)
    key = cache_key(notes.corpus_dir, standalone_questions(notes), DENSE_CHANNELS)
    (tmp_path / "peers").mkdir()
    (tmp_path / "peers" / f"notes-{key}.json").write_text("{}", encoding="utf-8")
    missing = ("minilm", object(), "sentence_transformers")
    monkeypatch.setattr(peer_cache, "_missing_peer_model", lambda channels: missing)
    [again] = chosen_sets("notes", "test", tmp_path, quick=True, peers=True)
    assert again.corpus_dir == notes.corpus_dir


def test_quick_all_leaves_out_the_sets_kept_apart_and_runs_them_by_name(tmp_path: Path) -> None:
    from citeqa.cli.eval_cmd import chosen_sets
    from citeqa.evaluation.sets import set_names

    every = chosen_sets("all", "test", tmp_path, quick=True, peers=False)
    assert [s.name for s in every] == set_names() and "tables" not in set_names()
    (tables,) = chosen_sets("tables", "test", tmp_path, quick=True, peers=False)
    assert tables.name == "tables" and tables.questions
    assert {q.split for q in tables.questions} == {"test"}


def test_a_copy_made_for_one_split_is_not_reused_for_the_other(tmp_path: Path) -> None:
    for split in ("dev", "test"):
        [piaf] = make_quick_sets(
            plan_quick_sets(
                load_sets(split=split), tmp_path, docs=20, questions=50, wanted=["piaf"]
            )
        )
        kept = docs(piaf.corpus_dir)
        assert len(piaf.questions) >= 10, split
        assert all(q.doc_id in kept for q in piaf.questions), split
    assert len(list(tmp_path.iterdir())) == 2, "one copy per split's documents"


def test_a_copy_cut_short_is_completed(tmp_path: Path) -> None:
    plans = plan_quick_sets(
        load_sets(split="test"), tmp_path, docs=20, questions=50, wanted=["piaf"]
    )
    [first] = make_quick_sets(plans)
    removed = sorted(first.corpus_dir.iterdir())[:3]
    for path in removed:
        path.unlink()
    [again] = make_quick_sets(plans)
    assert all((again.corpus_dir / path.name).exists() for path in removed)


def test_quick_all_reads_the_set_registry_once(tmp_path: Path, monkeypatch) -> None:
    from citeqa.cli.eval_cmd import chosen_sets
    from citeqa.evaluation import sets

    reads: list[Path | None] = []
    read = sets.read_registry
    monkeypatch.setattr(sets, "read_registry", lambda path=None: reads.append(path) or read(path))
    every = chosen_sets("all", "test", tmp_path, quick=True, peers=False)
    assert len(reads) == 1
    assert [s.name for s in every] == sets.set_names()


VAULT_QUESTIONS = [
    EvalQuestion(id="q1", question="What?", doc_id="Daily/2026-03-15", answers=["says"]),
    EvalQuestion(id="q2", question="Who?", doc_id="Meetings/sync", answers=["says"]),
]


def _vault(tmp_path: Path) -> Path:
    """Notes in subfolders, and the folder of settings a vault keeps beside them."""
    corpus = tmp_path / "vault"
    for name in ("Meetings/sync.md", "Daily/2026-03-14.md", "Daily/2026-03-15.md", "top.md"):
        (corpus / name).parent.mkdir(parents=True, exist_ok=True)
        (corpus / name).write_text(f"{name} says something.\n", encoding="utf-8")
    (corpus / ".obsidian").mkdir()
    (corpus / ".obsidian" / "app.json").write_text("{}", encoding="utf-8")
    return corpus


def _vault_set(corpus: Path, tmp_path: Path) -> EvalSet:
    """The answerable set of VAULT_QUESTIONS asked of `corpus`."""
    return EvalSet(
        name="vault",
        kind="answerable",
        corpus_dir=corpus,
        questions=VAULT_QUESTIONS,
        questions_path=tmp_path / "q.jsonl",
    )


def test_a_corpus_of_subfolders_is_cut_and_copied_with_them(tmp_path: Path) -> None:
    """A vault keeps its notes in subfolders: the quick copy walks them, keeps each file at its
    path (a flat walk found no document, so no answerable question) and judges the questions of
    the documents kept, named by their paths as the index names them."""
    vault = _vault_set(_vault(tmp_path), tmp_path)
    [plan] = plan_quick_sets([vault], tmp_path / "quick", docs=2, questions=50)
    [made] = make_quick_sets([plan])
    copied = sorted(
        p.relative_to(made.corpus_dir).as_posix() for p in made.corpus_dir.rglob("*.md")
    )
    assert copied == ["Daily/2026-03-15.md", "Meetings/sync.md"]
    assert [q.id for q in made.questions] == ["q1", "q2"]


def test_a_copy_of_the_whole_corpus_leaves_out_what_the_index_does(tmp_path: Path) -> None:
    """Every note is copied; the vault's `.obsidian/` settings and a link to a file outside it
    are not: the index leaves them out, so the copy does (review s17-userset items 2, 5)."""
    corpus = _vault(tmp_path)
    (tmp_path / "elsewhere.md").write_text("Not in the vault.\n", encoding="utf-8")
    (corpus / "Daily" / "link.md").symlink_to(tmp_path / "elsewhere.md")
    vault = _vault_set(corpus, tmp_path)
    [made] = make_quick_sets(plan_quick_sets([vault], tmp_path / "quick", None, questions=50))
    copied = sorted(p.relative_to(made.corpus_dir).as_posix() for p in made.corpus_dir.rglob("*"))
    assert copied == [
        "Daily", "Daily/2026-03-14.md", "Daily/2026-03-15.md", "Meetings", "Meetings/sync.md",
        "top.md",
    ]  # fmt: skip


@pytest.mark.parametrize("name", ["notes", "research"])
def test_a_set_registered_whole_is_copied_whole(tmp_path: Path, name: str) -> None:
    """The notes and research sets (`quick_whole`): every file, in its subfolder, and every
    question of the half (near misses need the documents around them; the research folder's
    boilerplate is what its documents repeat)."""
    every = load_sets(split="test", every=True)
    [whole] = [s for s in every if s.name == name]
    [plan] = plan_quick_sets(every, tmp_path, docs=20, questions=50, wanted=[name])
    [made] = make_quick_sets([plan])
    source = sorted(p.relative_to(whole.corpus_dir) for p in whole.corpus_dir.rglob("*.*"))
    assert sorted(p.relative_to(made.corpus_dir) for p in made.corpus_dir.rglob("*.*")) == source
    assert len(source) > 50 and len(made.questions) > 50 and made.questions == whole.questions
