"""An index whose vectors live in Qdrant (in-process here, a cluster URL in production): built,
asked and updated like a FAISS one, with the same answers, and its collections dropped with
the builds that created them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from integration_helpers import SMALL_DOCS, CliResult, build_folders, fake_settings, make_corpus

from citeqa.api import build_index, open_assistant
from citeqa.errors import IndexWriteError, StoreUnreachable
from citeqa.qdrantindex import MEMORY, client_for
from citeqa.store import load_index

QUESTIONS = (
    "What was the complete renal response with obinutuzumab?",
    "Quel est le taux de poussées rénales ?",
    "Which biopsies were repeated?",
)


def _collections() -> set[str]:
    return {c.name for c in client_for(MEMORY).get_collections().collections}


def test_qdrant_store_answers_like_faiss_and_drops_superseded_collections(
    tmp_path: Path,
) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    faiss_settings = fake_settings(corpus, tmp_path / "faiss")
    qdrant_settings = fake_settings(corpus, tmp_path / "qdrant", vector_store=MEMORY)
    build_index(faiss_settings)
    before = _collections()
    build_index(qdrant_settings)
    loaded = load_index(qdrant_settings.index_dir)
    assert {path.suffix for path in loaded.folder.iterdir()} >= {".json"}
    assert not list(loaded.folder.glob("*.faiss"))
    assert loaded.manifest.channels[0].index_type == "qdrant"
    ours = _collections() - before
    assert len(ours) == 1 and loaded.vectors["fake"].count() == len(loaded.chunks)

    on_faiss = open_assistant(faiss_settings, build_if_missing=False)
    on_qdrant = open_assistant(qdrant_settings, build_if_missing=False)
    for question in QUESTIONS:
        expected = [(h.chunk.chunk_id, round(h.score, 4)) for h in on_faiss.retrieve(question).hits]
        found = [(h.chunk.chunk_id, round(h.score, 4)) for h in on_qdrant.retrieve(question).hits]
        assert found == expected

    (corpus / SMALL_DOCS[0]).write_text("Rituximab was stopped after two infusions.\n")
    report = build_index(qdrant_settings)
    assert report.updated == [SMALL_DOCS[0]] and not report.full_rebuild
    assert len(build_folders(qdrant_settings.index_dir)) == 1
    newer = _collections() - before
    assert len(newer) == 1 and newer != ours, "the superseded build's collection is dropped"
    hits = open_assistant(qdrant_settings, build_if_missing=False).retrieve("rituximab").hits
    assert "Rituximab was stopped" in hits[0].chunk.text


def test_switching_store_rebuilds(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    build_index(fake_settings(corpus, tmp_path / "index"))
    report = build_index(fake_settings(corpus, tmp_path / "index", vector_store=MEMORY))
    assert report.full_rebuild
    assert load_index(tmp_path / "index").manifest.vector_store == MEMORY


def test_an_unreachable_engine_is_one_clear_error_and_the_old_index_survives(
    tmp_path: Path,
) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    settings = fake_settings(corpus, tmp_path / "index")
    build_index(settings)
    first = build_folders(settings.index_dir)
    down = fake_settings(corpus, tmp_path / "index", vector_store="http://127.0.0.1:9")
    with pytest.raises(IndexWriteError, match=r"Qdrant at http://127\.0\.0\.1:9"):
        build_index(down)
    assert build_folders(settings.index_dir) == first
    assert load_index(settings.index_dir).manifest.vector_store == "faiss"


def test_cli_store_option(tmp_path: Path, cli: Callable[..., CliResult]) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    index = tmp_path / "index"
    bad = cli("index", "--corpus", str(corpus), "--index", str(index), "--store", "mongodb://x")
    assert bad.code != 0 and "vector_store" in bad.one_line_error()
    down = cli(
        "index", "--corpus", str(corpus), "--index", str(index), "--store", "http://127.0.0.1:9"
    )
    assert down.code != 0 and "Qdrant at http://127.0.0.1:9" in down.one_line_error()
    built = cli("index", "--corpus", str(corpus), "--index", str(index), "--store", MEMORY)
    assert built.code == 0, built.err
    assert load_index(index).manifest.vector_store == MEMORY
    answered = cli("ask", "renal response", "--json", "--index", str(index))
    assert answered.code == 0 and '"passages"' in answered.out


def test_bm25_can_run_inside_the_engine(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    settings = fake_settings(corpus, tmp_path / "index", vector_store=MEMORY)
    build_index(settings)
    lexical_only = {"weight_vectors": 0.0}
    embedded = open_assistant(settings, build_if_missing=False).configured(**lexical_only)
    engine = embedded.configured(engine_lexical=True)
    for question in ("biopsies repeated nephritis", "belimumab", "rituximab infusion"):
        ours = embedded.retrieve(question, k=3).hits
        theirs = engine.retrieve(question, k=3).hits
        assert [h.chunk.chunk_id for h in theirs][:1] == [h.chunk.chunk_id for h in ours][:1]
        assert all(set(h.channel_ranks) == {"lexical"} for h in theirs)
        # the engine's BM25 (its own IDF) scores differently from bm25s: it is another source
        assert theirs[0].channel_scores != ours[0].channel_scores
    assert engine.retrieve("zzzunknownword", k=3).hits == []


def test_engine_fusion_builds_no_bm25s_index_and_answers_with_cited_quotes(
    tmp_path: Path,
) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    settings = fake_settings(corpus, tmp_path / "index", vector_store=MEMORY, engine_fusion=True)
    build_index(settings)
    loaded = load_index(settings.index_dir)
    assert loaded.lexical is None and not (loaded.folder / "lexical").exists()
    engine = open_assistant(settings, build_if_missing=False)
    ours = engine.configured(engine_fusion=False)  # the engine's BM25, fused by citeqa
    for question in QUESTIONS:
        fused = engine.retrieve(question, k=3).hits
        best = loaded.vectors["fake"].search(engine._query_vectors(question)["fake"], 50)
        dense_rank = {row: (rank, round(score, 4)) for rank, (row, score) in enumerate(best, 1)}
        assert fused and all(h.channel_ranks for h in fused)
        for hit in fused:  # each hit's rank and score in each ranking the engine fused
            assert set(hit.channel_ranks) <= {"fake", "lexical"}
            if "fake" in hit.channel_ranks:
                assert dense_rank[hit.chunk_index] == (
                    hit.channel_ranks["fake"],
                    hit.channel_scores["fake"],
                )
        # ... the very hits (ranks, scores) of citeqa's fusion over the engine, one request each
        assert fused == ours.retrieve(question, k=3).hits
    assert any(len(h.channel_ranks) == 2 for q in QUESTIONS for h in engine.retrieve(q).hits)
    for question in (*QUESTIONS[1:], "How does belimumab work?"):
        answer = engine.ask(question)
        assert not answer.abstained and answer.citations, question
        for citation in answer.citations:
            text = engine.document(citation.doc_id).text
            assert text[citation.start : citation.end] == citation.quote


def test_engine_fusion_follows_the_weights(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    settings = fake_settings(corpus, tmp_path / "index", vector_store=MEMORY, engine_fusion=True)
    build_index(settings)
    engine = open_assistant(settings, build_if_missing=False)
    lexical_alone = engine.configured(weight_vectors=0.0)
    ours = lexical_alone.configured(engine_fusion=False)  # citeqa over the engine's BM25 alone
    for question in ("biopsies repeated nephritis", "belimumab", "rituximab infusion"):
        theirs = [h.chunk.chunk_id for h in lexical_alone.retrieve(question, k=3).hits]
        assert theirs == [h.chunk.chunk_id for h in ours.retrieve(question, k=3).hits]
        hits = lexical_alone.retrieve(question, k=3).hits
        assert all(set(h.channel_ranks) == {"lexical"} for h in hits)
    assert lexical_alone.retrieve("zzzunknownword", k=3).hits == []
    dense_alone = engine.configured(weight_lexical=0.0)
    assert dense_alone.retrieve("zzzunknownword", k=3).hits, "the dense side still ranks"


def test_engine_fusion_weighs_bm25_by_each_passages_language(tmp_path: Path) -> None:
    """citeqa fuses the engine's rankings, so the cross-language BM25 weight applies: an
    English question's BM25 evidence from a French passage counts for `weight_lexical_cross`."""
    corpus = make_corpus(tmp_path / "corpus", (*SMALL_DOCS, "cellules-stromales-lupus-phase1.txt"))
    settings = fake_settings(corpus, tmp_path / "index", vector_store=MEMORY, engine_fusion=True)
    build_index(settings)
    engine = open_assistant(settings, build_if_missing=False)
    question = "lupus nephritis patients treated"
    scores = {}
    for cross in (1.0, 0.1):
        chosen = engine.configured(weight_lexical_cross=cross)
        hits = chosen.retrieve(question, k=5).hits
        assert hits == chosen.configured(engine_fusion=False).retrieve(question, k=5).hits
        scores[cross] = {h.chunk.chunk_id: (h.chunk.lang, h.score) for h in hits}
    french = [c for c, (lang, _) in scores[1.0].items() if lang == "fr" and c in scores[0.1]]
    assert french and all(scores[0.1][c][1] < scores[1.0][c][1] for c in french)


def test_engine_fusion_cli_and_an_unreachable_engine(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    index = tmp_path / "index"
    args = ("--corpus", str(corpus), "--index", str(index))
    built = cli("index", *args, "--store", MEMORY, engine_fusion="true")
    assert built.code == 0, built.err
    first = build_folders(index)
    down = cli("index", *args, "--rebuild", "--store", "http://127.0.0.1:9", engine_fusion="true")
    assert down.code != 0 and "Qdrant at http://127.0.0.1:9" in down.one_line_error()
    assert build_folders(index) == first, "the last good index survives"
    answered = cli("ask", "renal response", "--json", "--index", str(index), engine_fusion="true")
    assert answered.code == 0 and '"citations"' in answered.out
    client_for(MEMORY).delete_collection(load_index(index).vectors["fake"].collection)
    gone = cli("ask", "renal response", "--index", str(index), engine_fusion="true")
    assert gone.code == StoreUnreachable.exit_code and "unreachable" in gone.one_line_error()
    assert build_folders(index) == first, "the index is left as it was"


def test_an_engine_lost_mid_session_is_an_error_for_that_question(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    settings = fake_settings(corpus, tmp_path / "index", vector_store=MEMORY, engine_fusion=True)
    build_index(settings)
    assistant = open_assistant(settings, build_if_missing=False)
    assert assistant.ask("How does belimumab work?").citations
    client_for(MEMORY).delete_collection(load_index(settings.index_dir).vectors["fake"].collection)
    for chosen in (assistant, assistant.configured(engine_fusion=False)):
        with pytest.raises(StoreUnreachable, match="citeqa index --rebuild"):
            chosen.ask("How does belimumab work?")


def test_a_qdrant_build_reads_its_spools_and_terms_a_batch_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from citeqa.vectorspool import VectorSpool

    def whole(*args: object) -> None:
        raise AssertionError("read whole")

    monkeypatch.setattr(VectorSpool, "everything", whole)
    monkeypatch.setattr("citeqa.qdrantindex.BATCH", 3)
    corpus = make_corpus(tmp_path / "corpus")
    settings = fake_settings(corpus, tmp_path / "qdrant", vector_store=MEMORY, engine_lexical=True)
    build_index(settings)
    loaded = load_index(settings.index_dir)
    assert len(loaded.chunks) > 3 * 2  # several requests
    faiss_settings = fake_settings(corpus, tmp_path / "faiss")
    build_index(faiss_settings)
    expected = load_index(faiss_settings.index_dir).vectors["fake"].vectors()
    np.testing.assert_allclose(loaded.vectors["fake"].vectors(), expected, atol=1e-6)
    on_qdrant = open_assistant(settings, build_if_missing=False)
    assert loaded.lexical is None  # BM25 is the engine's, from the sparse rows sent in batches
    hits = on_qdrant.retrieve("rituximab").hits
    assert hits and "rituximab" in hits[0].chunk.text.lower() and "lexical" in hits[0].channel_ranks
