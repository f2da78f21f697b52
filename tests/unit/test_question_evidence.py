"""Question features that say whether the corpus speaks of the question's subject at all:
how rare the rarest question term a top passage holds is, and how much of the question's
terms that the corpus uses the best passage, the best sentence and the top passages cover,
each read on every top passage whatever the fusion's order;
how close the question is to the corpus's typical meaning (its centroid)."""

from __future__ import annotations

import numpy as np
import pytest

from citeqa import centroid
from citeqa.answer_features import SENTENCE_FEATURES
from citeqa.answer_location import Reading
from citeqa.centroid import corpus_centroid
from citeqa.models import Chunk, Document, Hit, Sentence
from citeqa.question_evidence import QUESTION_FEATURES, question_features
from citeqa.questions import QuestionTerms
from citeqa.sentences import SentenceBank
from citeqa.vectorindex import FaissIndex

UNSEEN = 6.0
"""The weight of a term the corpus never uses (the test's corpus: log(1 + 2N))."""


def _terms() -> QuestionTerms:
    """A rare word of the corpus (5), a common one (1), one the corpus never uses (6)."""
    return QuestionTerms(
        focus="rare common absent",
        terms=[
            (frozenset({"rare"}), 5.0),
            (frozenset({"common"}), 1.0),
            (frozenset({"absent"}), UNSEEN),
        ],
        focus_terms=3,
        unseen_weight=UNSEEN,
    )


def _evidence(
    passages: list[list[set[str]]],
    channels: list[dict[str, tuple[int, float]]] | None = None,
    channel: str | None = None,
) -> dict[str, float]:
    """The question features over passages given as their sentences' tokens; `channels` gives
    each passage's (rank, score) per channel, and `channel` the answer channel."""
    documents, chunks, sentences, tokens, hits = {}, [], [], [], []
    for number, passage in enumerate(passages):
        text = " ".join("word." for _ in passage)
        doc = Document(doc_id=f"d{number}", title="", path=f"/d{number}.txt", text=text, sha256="0")
        chunk = Chunk(chunk_id=f"d{number}:0", doc_id=doc.doc_id, start=0, end=len(text), text=text)
        documents[doc.doc_id] = doc
        for place, words in enumerate(passage):
            sentences.append(
                Sentence(doc_id=doc.doc_id, chunk_index=number, start=6 * place, end=6 * place + 5)
            )
            tokens.append(frozenset(words))
        chunks.append(chunk)
        ranked = channels[number] if channels else {}
        hits.append(
            Hit(
                chunk=chunk,
                chunk_index=number,
                score=1.0 / (1 + number),
                channel_ranks={name: rank for name, (rank, _) in ranked.items()},
                channel_scores={name: score for name, (_, score) in ranked.items()},
            )
        )
    bank = SentenceBank(documents, chunks, sentences, None, tokens)
    rows = np.zeros((1, len(SENTENCE_FEATURES)))
    reading = Reading(bank, hits, _terms())
    row = question_features(np.array([0.5]), rows, reading, (None, None), channel)
    return dict(zip(QUESTION_FEATURES, row.tolist(), strict=True))


def test_a_passage_sharing_only_common_words_is_told_from_one_holding_a_rare_word() -> None:
    common = _evidence([[{"common", "other"}]])
    rare = _evidence([[{"rare", "other"}]])
    assert common["matched_rarity"] == pytest.approx(1 / UNSEEN)
    assert rare["matched_rarity"] == pytest.approx(5 / UNSEEN)


def test_coverage_of_the_used_terms_leaves_out_words_the_corpus_never_uses() -> None:
    evidence = _evidence([[{"rare"}, {"common"}]])
    assert evidence["present_coverage"] == pytest.approx(1.0)
    assert evidence["best_present_coverage"] == pytest.approx(5 / 6)
    assert evidence["passage_coverage"] == pytest.approx(6 / 12)


def test_every_top_passage_is_read_and_the_best_kept() -> None:
    evidence = _evidence([[{"common"}], [{"other"}], [{"rare"}], [{"other"}]])
    assert evidence["present_coverage"] == pytest.approx(5 / 6)  # the third passage's
    assert evidence["matched_rarity"] == pytest.approx(5 / UNSEEN)
    assert evidence["passage_coverage"] == pytest.approx(5 / 12)
    assert evidence["passage_gap"] == pytest.approx(1.0)  # "absent" is nowhere
    assert evidence["passages_coverage"] == pytest.approx(6 / 12)  # all of them together
    assert evidence["dense_best"] == 0.0
    nothing = _evidence([[{"other"}], [{"other"}]])
    assert nothing["present_coverage"] == nothing["passages_coverage"] == 0.0
    assert nothing["matched_rarity"] == 0.0


def test_the_evidence_does_not_move_when_the_fusion_reorders_the_passages() -> None:
    """A fusion that brings another of the same passages first changes no question feature
    read on the passages (only the candidates' own rows, given here, could)."""
    passages = [[{"common"}], [{"rare", "common"}], [{"other"}]]
    scored = [
        {"lexical": (3, 2.0), "use": (1, 0.42)},
        {"lexical": (1, 9.0), "use": (2, 0.40)},
        {"lexical": (2, 4.0), "use": (5, 0.20)},
    ]
    order = [2, 0, 1]
    moved = _evidence([passages[n] for n in order], [scored[n] for n in order], "use")
    evidence = _evidence(passages, scored, "use")
    assert moved == pytest.approx(evidence)
    assert evidence["top_dense"] == evidence["dense_best"] == pytest.approx(0.42)
    assert evidence["dense_peak"] == pytest.approx(0.42 - 0.30)
    assert evidence["agreement"] == 1.0  # the second passage: BM25 1st, USE 2nd
    assert evidence["specific_coverage"] == pytest.approx(1.0)


def test_the_corpus_centroid_is_the_unit_mean_of_its_vectors(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rows = np.array([[1, 0, 0, 0], [0, 1, 0, 0], [1, 0, 0, 0], [0, 0, 1, 0]], dtype=np.float32)
    index = FaissIndex(4)
    index.add(rows)
    expected = rows.mean(axis=0) / np.linalg.norm(rows.mean(axis=0))
    assert corpus_centroid(index) == pytest.approx(expected)
    monkeypatch.setattr(centroid, "CENTROID_ROWS", 2)  # an even sample: rows 0 and 3
    sampled = np.array([1, 0, 1, 0]) / np.sqrt(2)
    assert corpus_centroid(index) == pytest.approx(sampled)
    assert corpus_centroid(FaissIndex(4)) is None


def test_a_question_is_read_against_the_corpus_typical_meaning() -> None:
    unknown = _evidence([[{"rare"}]])
    assert unknown["centroid_similarity"] == 0.0 and unknown["dense_lift"] == 0.0
    query, centroid = np.array([0.6, 0.8]), np.array([1.0, 0.0])
    hit = Hit(
        chunk=Chunk(chunk_id="d:0", doc_id="d", start=0, end=1, text="x"),
        chunk_index=0,
        score=1.0,
        channel_scores={"lexical": 3.0, "use": 0.9},
    )
    evidence = dict(zip(QUESTION_FEATURES, _row([hit], (query, centroid)), strict=True))
    assert evidence["centroid_similarity"] == pytest.approx(0.6)
    assert evidence["dense_lift"] == pytest.approx(0.3)


def _row(hits: list[Hit], meaning: tuple) -> list[float]:
    doc = Document(doc_id="d", title="", path="/d.txt", text="x", sha256="0")
    bank = SentenceBank({"d": doc}, [hits[0].chunk], [], None, [])
    rows = np.zeros((0, len(SENTENCE_FEATURES)))
    reading = Reading(bank, hits, _terms())
    return question_features(np.zeros(0), rows, reading, meaning, "use").tolist()


def test_the_dense_features_read_the_answer_channel_only() -> None:
    """A second dense channel (e5 scores unrelated text about 0.76) changes none of the features
    the models were fitted on, when the answer channel is named."""
    passages = [[{"rare"}], [{"common"}]]
    one = [{"lexical": (1, 9.0), "use": (2, 0.31)}, {"lexical": (2, 4.0), "use": (1, 0.35)}]
    two = [{**ranks, "e5": (9, 0.86 - 0.01 * n)} for n, ranks in enumerate(one)]
    alone = _evidence(passages, one, "use")
    assert alone["top_dense"] == pytest.approx(0.35) and alone["agreement"] == 1.0
    assert _evidence(passages, two, "use") == alone
    other = _evidence(passages, two, "e5")
    assert other["top_dense"] == pytest.approx(0.86) and other["agreement"] == 0.0


def test_without_an_answer_channel_no_dense_score_is_read() -> None:
    """None is an index without a vector channel: the dense features stay 0 and agreement
    needs two channels, whatever scores the hits carry."""
    passages = [[{"rare"}], [{"common"}]]
    scored = [{"lexical": (1, 9.0), "use": (1, 0.35)}, {"lexical": (2, 4.0), "use": (2, 0.31)}]
    evidence = _evidence(passages, scored)
    assert evidence["top_dense"] == evidence["dense_best"] == evidence["dense_peak"] == 0.0
    assert evidence["agreement"] == 0.0
    assert _evidence(passages, scored, "use")["agreement"] == 1.0
