"""What a sentence bank remembers from question to question (a sentence's stemmed words, its
context in a passage, its folded text) is its own index's: two banks whose sentences have the
same numbers and offsets but other words never answer from each other's, and a question's
scores read each sentence's cosine once, whatever passage it is read in."""

from __future__ import annotations

import numpy as np
import pytest

from citeqa import field_answers
from citeqa.glossary import fold
from citeqa.lexical import tokenize
from citeqa.models import Chunk, Document, Hit, Sentence
from citeqa.questions import QuestionTerms
from citeqa.sentences import QuestionScores, SentenceBank

OLD = "The pool opens at seven. Swimmers bring caps."
NEW = "The gym shuts at eleven. Members bring towel."
"""The same sentence offsets in both texts: a cache keyed by sentence number alone would mix
them up."""


def _bank(text: str, vectors: np.ndarray | None = None) -> tuple[SentenceBank, Chunk]:
    cut = text.index(".") + 1
    spans = [(0, cut), (cut + 1, len(text))]
    sentences = [Sentence(doc_id="d", chunk_index=0, start=s, end=e) for s, e in spans]
    tokens = [frozenset(tokenize(text[s:e], "en")) for s, e in spans]
    document = Document(doc_id="d", title="", path="/d.txt", text=text, sha256="0")
    chunk = Chunk(chunk_id="d:0", doc_id="d", start=0, end=len(text), text=text, section="Hours")
    return SentenceBank({"d": document}, [chunk], sentences, vectors, tokens), chunk


def test_two_banks_with_the_same_sentence_numbers_read_their_own_texts() -> None:
    assert len(OLD) == len(NEW) and OLD.index(".") == NEW.index(".")
    old, old_chunk = _bank(OLD)
    new, new_chunk = _bank(NEW)
    for bank, chunk in ((old, old_chunk), (new, new_chunk)):  # each remembers its own first
        bank.words(1, "en"), bank.context_in(1, chunk), bank.facts(1)
    assert old.words(1, "en") == tuple(tokenize("Swimmers bring caps.", "en"))
    assert new.words(1, "en") == tuple(tokenize("Members bring towel.", "en"))
    assert old.facts(1).folded == "swimmers bring caps."  # both banks remembered sentence 1
    assert new.facts(1).folded == "members bring towel."
    assert "pool" in old.context_tokens(1, old_chunk)
    assert "pool" not in new.context_tokens(1, new_chunk)
    assert {"gym", "member", "hour"} <= new.context_tokens(1, new_chunk)


def test_a_sentence_is_read_with_the_sentences_before_it_in_its_own_passage_only() -> None:
    bank, chunk = _bank(OLD)
    later = chunk.model_copy(update={"start": OLD.index("Swimmers")})
    assert bank.context_in(1, chunk)[0] == (0,)
    assert bank.context_in(1, later)[0] == ()
    assert "pool" in bank.context_tokens(1, chunk)
    assert "pool" not in bank.context_tokens(1, later)


class _CountedVectors:
    """Sentence vectors that count how often each is read."""

    def __init__(self, rows: np.ndarray) -> None:
        self.rows, self.reads = rows, [0] * len(rows)

    def __getitem__(self, index: int) -> np.ndarray:
        self.reads[index] += 1
        return self.rows[index]


def test_a_question_reads_each_sentence_vector_once_in_every_passage_it_scores() -> None:
    vectors = _CountedVectors(np.array([[1.0, 0.0], [0.6, 0.8]], dtype=np.float32))
    bank, chunk = _bank(OLD, vectors)  # type: ignore[arg-type]
    terms = QuestionTerms(focus="When does the pool open?", terms=[(frozenset({"pool"}), 1.0)])
    scores = QuestionScores(bank, terms, np.array([0.8, 0.6], dtype=np.float32))
    later = chunk.model_copy(update={"chunk_id": "d:1", "start": OLD.index("Swimmers")})
    scored = scores.scored([Hit(chunk=chunk, chunk_index=0, score=1.0)])
    scores.scored([Hit(chunk=later, chunk_index=1, score=1.0)])
    # both sentences are short: each is also read with the one before it in its passage
    semantic = {s.index: s.semantic for s in scored}
    assert semantic == {0: pytest.approx(0.8), 1: pytest.approx(0.96)}
    assert vectors.reads == [1, 1]


def test_a_question_read_again_with_other_terms_reads_no_sentence_vector_again() -> None:
    vectors = _CountedVectors(np.array([[1.0, 0.0], [0.6, 0.8]], dtype=np.float32))
    bank, chunk = _bank(OLD, vectors)  # type: ignore[arg-type]
    asked = QuestionTerms(focus="Quand ouvre la piscine ?", terms=[(frozenset({"piscin"}), 1.0)])
    scores = QuestionScores(bank, asked, np.array([0.8, 0.6], dtype=np.float32))
    hit = Hit(chunk=chunk, chunk_index=0, score=1.0)
    first = {s.index: (s.semantic, s.coverage) for s in scores.scored([hit])}
    translated = QuestionTerms(focus=asked.focus, terms=[(frozenset({"pool"}), 1.0)])
    again = {s.index: (s.semantic, s.coverage) for s in scores.with_terms(translated).scored([hit])}
    assert vectors.reads == [1, 1]  # the cosines are the vector's: read once for both
    assert first == {0: (pytest.approx(0.8), 0.0), 1: (pytest.approx(0.96), 0.0)}
    assert again == {0: (pytest.approx(0.8), 1.0), 1: (pytest.approx(0.96), 0.0)}  # own terms


def test_a_passage_lists_its_sentences_once_and_each_span_its_own(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bank, chunk = _bank(OLD)
    reads: list[str] = []
    table = type(bank.sentences)
    listed = table.in_document
    monkeypatch.setattr(table, "in_document", lambda self, d: reads.append(d) or listed(self, d))
    later = chunk.model_copy(update={"chunk_id": "d:1", "start": OLD.index("Swimmers")})
    assert [bank.in_chunk(chunk) for _ in range(3)] == [(0, 1)] * 3
    assert bank.in_chunk(later) == (1,)
    assert bank.in_chunk(chunk.model_copy(update={"end": OLD.index(".") + 1})) == (0,)
    assert len(reads) == 3  # once a span: the first passage's three lists read the table once


def test_two_documents_with_the_same_span_list_their_own_sentences() -> None:
    # review E: `in_chunk` remembers a passage's sentences by (doc_id, start, end); two
    # documents whose passages span the same characters list each its own sentences
    cut = OLD.index(".") + 1
    spans = [(0, cut), (cut + 1, len(OLD))]
    sentences = [
        Sentence(doc_id=doc_id, chunk_index=at, start=s, end=e)
        for at, doc_id in enumerate("ab")
        for s, e in spans
    ]
    documents = {
        doc_id: Document(doc_id=doc_id, title="", path=f"/{doc_id}.txt", text=OLD, sha256=doc_id)
        for doc_id in "ab"
    }
    chunks = [
        Chunk(chunk_id=f"{doc_id}:0", doc_id=doc_id, start=0, end=len(OLD), text=OLD)
        for doc_id in "ab"
    ]
    tokens = [frozenset(tokenize(OLD[s:e], "en")) for _ in "ab" for s, e in spans]
    bank = SentenceBank(documents, chunks, sentences, None, tokens)
    assert [bank.in_chunk(chunk) for chunk in chunks] == [(0, 1), (2, 3)]
    assert [bank.in_chunk(chunk) for chunk in reversed(chunks)] == [(2, 3), (0, 1)]


def test_a_banks_folded_documents_are_its_own_and_folded_once(monkeypatch) -> None:
    old, _ = _bank("Signé par Éric DUPONT.  Fin.")
    new, _ = _bank("Signé par Anne MARTIN.  Fin.")
    folds: list[str] = []
    monkeypatch.setattr(field_answers, "fold", lambda text: folds.append(text) or fold(text))
    assert field_answers.folded_document(old, "d") == "signe par eric dupont. fin."
    assert field_answers.folded_document(old, "d") == "signe par eric dupont. fin."
    assert field_answers.folded_document(new, "d") == "signe par anne martin. fin."
    assert len(folds) == 2  # once a bank's document
    monkeypatch.setattr(field_answers, "FOLDED_DOCUMENT_MAX", 10)
    assert field_answers.folded_document(new, "d") == "signe par anne martin. fin."
    assert field_answers.folded_document(new, "d") == "signe par anne martin. fin."
    assert len(folds) == 4  # a document over the size kept: folded anew, never kept


def test_a_sentences_label_shape_is_read_with_its_facts() -> None:
    bank, _ = _bank("Hours: open daily. The pool opens at 7 and closes at 22 on weekdays.")
    assert bank.facts(0).label_text == "Hours: open daily."
    label = bank.facts(0)
    assert not label.label_shaped and bank.facts(1).label_text.startswith("The pool")


def test_a_caption_line_is_read_once_whatever_the_question(monkeypatch) -> None:
    import citeqa.titleonly as titleonly

    text = "Figure 3 Boreholes drilled per quarter.\nThe average depth was 84 metres."
    bank, _ = _bank(text)
    reads: list[str] = []
    reads_as_caption = titleonly.reads_as_caption
    monkeypatch.setattr(
        titleonly, "reads_as_caption", lambda line: reads.append(line) or reads_as_caption(line)
    )
    assert titleonly.caption_aside(bank, 0, "How deep were the new wells on average?")
    assert titleonly.caption_aside(bank, 0, "What was the mean depth of the wells?")
    assert len(reads) == 1 and not titleonly.caption_aside(bank, 1, "How deep were they?")
