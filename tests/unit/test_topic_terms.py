"""A question's topic terms (its document's subject) and specific terms (what it asks about
that subject), and how much of the specific ones the best passage covers: a passage of the
right document that lacks the fact (a near miss) covers the topic alone."""

from __future__ import annotations

import numpy as np
import pytest

from citeqa import topic_terms
from citeqa.answer_features import SENTENCE_FEATURES
from citeqa.answer_location import Reading
from citeqa.models import Chunk, Document, Hit, Sentence
from citeqa.question_evidence import QUESTION_FEATURES, question_features
from citeqa.questions import QuestionTerms
from citeqa.sentences import SentenceBank
from citeqa.topic_terms import covered, present_terms, specific_terms

UNSEEN = 8.0


def _terms() -> QuestionTerms:
    """A topic word (heavy: rare in the corpus), a specific word and one the corpus never uses."""
    return QuestionTerms(
        focus="singer album absent",
        terms=[
            (frozenset({"singer"}), 6.0),
            (frozenset({"album"}), 2.0),
            (frozenset({"absent"}), UNSEEN),
        ],
        focus_terms=3,
        unseen_weight=UNSEEN,
    )


def _bank(passages: list[list[set[str]]], title: str = "") -> tuple[SentenceBank, list[Hit]]:
    """One document whose passages (each a list of its sentences' tokens) are chunks, hit in
    the order given."""
    sentences, tokens, chunks, hits, place = [], [], [], [], 0
    for number, passage in enumerate(passages):
        start = place
        for words in passage:
            sentences.append(Sentence(doc_id="d", chunk_index=number, start=place, end=place + 5))
            tokens.append(frozenset(words))
            place += 6
        text_span = (start, place)
        chunks.append(text_span)
    text = "word. " * (place // 6)
    document = Document(doc_id="d", title=title, path="/d.txt", text=text, sha256="0")
    for number, (start, end) in enumerate(chunks):
        chunk = Chunk(
            chunk_id=f"d:{number}", doc_id="d", start=start, end=end, text=text[start:end]
        )
        hits.append(Hit(chunk=chunk, chunk_index=number, score=1.0 / (1 + number)))
    bank = SentenceBank({"d": document}, [hit.chunk for hit in hits], sentences, None, tokens)
    return bank, hits


def test_a_term_in_many_of_the_documents_sentences_is_its_topic() -> None:
    # "singer" is in every passage; "album" only in the answering one
    answering = [{"singer", "album", "released"}]
    others = [[{"singer", "born"}], [{"singer", "tour"}], [{"singer", "award"}]]
    bank, hits = _bank([answering, *others])
    present = present_terms(_terms())
    specific = specific_terms(present, bank, hits)
    assert [sorted(alts) for alts, _ in present] == [["singer"], ["album"]]
    assert [sorted(alts) for alts, _ in specific] == [["album"]]


def test_the_near_miss_passage_covers_the_topic_but_not_the_specific_terms() -> None:
    passages = [[{"singer", "album"}], [{"singer", "born"}], [{"singer", "tour"}]]
    bank, hits = _bank(passages)
    answering = frozenset({"singer", "album"})
    near_miss = frozenset({"singer", "born"})
    specific = specific_terms(present_terms(_terms()), bank, hits)
    assert covered(specific, answering) == pytest.approx(1.0)
    assert covered(specific, near_miss) == 0.0


def test_a_term_of_the_title_is_a_topic_term_even_when_rare_in_the_text() -> None:
    bank, hits = _bank([[{"singer", "album"}], [{"other"}], [{"more"}]], title="The album")
    specific = specific_terms(present_terms(_terms()), bank, hits)
    assert [sorted(alts) for alts, _ in specific] == [["singer"]]


def test_a_term_in_a_single_sentence_of_a_short_document_is_not_its_topic() -> None:
    bank, hits = _bank([[{"singer", "album"}]])  # 1 sentence: 100 % of it, but only once
    specific = specific_terms(present_terms(_terms()), bank, hits)
    assert len(specific) == 2


def test_a_long_document_is_read_around_the_best_passage(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(topic_terms, "DOCUMENT_WINDOW", 4)
    # "singer" fills the document's start, far from the best passage (the last one)
    passages = [[{"singer"}] * 6, [{"other"}, {"other"}], [{"album"}, {"singer", "album"}]]
    bank, hits = _bank(passages)
    best_first = [hits[2], hits[0], hits[1]]
    specific = specific_terms(present_terms(_terms()), bank, best_first)
    assert [sorted(alts) for alts, _ in specific] == [["singer"]]  # "album": 2 of 4 read


def _question_evidence(passages: list[list[set[str]]]) -> dict[str, float]:
    bank, hits = _bank(passages)
    rows = np.zeros((1, len(SENTENCE_FEATURES)))
    row = question_features(
        np.array([0.5]), rows, Reading(bank, hits, _terms()), (None, None), None
    )
    return dict(zip(QUESTION_FEATURES, row.tolist(), strict=True))


def test_the_question_features_carry_the_specific_coverage_of_the_best_passage() -> None:
    near_miss = _question_evidence([[{"singer", "born"}], [{"singer", "tour"}]] * 2)
    assert near_miss["specific_coverage"] == 0.0
    assert near_miss["passage_coverage"] == pytest.approx(6 / 16)  # the topic still counts
    answered = _question_evidence([[{"singer", "born"}], [{"singer", "album"}], [{"singer"}]])
    assert answered["specific_coverage"] == pytest.approx(1.0)  # not first, read all the same
    assert answered["passage_coverage"] == pytest.approx(8 / 16)
