"""The build's running tallies (tallies.py) and its vector spools (vectorspool.py)."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest

from citeqa.compounds import corpus_compounds
from citeqa.questions import corpus_words
from citeqa.tallies import TermIds, document_sentences, text_pieces, whole_chunk_sentences
from citeqa.vectorindex import PQ, FaissIndex, faiss_index_of
from citeqa.vectorspool import VectorSpool

TEXT = (
    "At week 52,\n52 patients had COVID-19 and anti-IL-6-based care; IL 6 fell. "
    "Héllo wörld ÉTÉ 😀 Œdème  SRI-4 in TULIP 2.\t x ray 7 sessions. L'IL-6's rôle"
)


@pytest.mark.parametrize("size", range(1, 40))
def test_pieces_cut_where_no_word_or_compound_spans(size: int) -> None:
    pieces = list(text_pieces(TEXT, size))
    assert "".join(pieces) == TEXT
    assert all(piece[0].isascii() and piece[0].isalpha() for piece in pieces[1:])
    assert all(piece[-1].isspace() for piece in pieces[:-1])
    assert corpus_compounds(pieces) == corpus_compounds([TEXT])
    assert corpus_words(pieces) == corpus_words([TEXT])


def test_pieces_of_a_text_without_a_cut_point() -> None:
    assert list(text_pieces("1 2 3 " * 10, 4)) == ["1 2 3 " * 10]
    assert list(text_pieces("", 4)) == [""]
    assert len(list(text_pieces(TEXT, 20))) > 3


def test_term_ids_number_terms_in_order_of_first_appearance() -> None:
    terms = TermIds()
    for tokens in (["b", "a", "b"], [], ["c", "a"]):
        terms.add(tokens)
    assert terms.vocab == {"b": 0, "a": 1, "c": 2}
    assert list(terms) == [[0, 1, 0], [], [2, 1]] and len(terms) == 3
    assert terms[2] == [2, 1] and terms[-3] == [0, 1, 0] and terms[0:2] == [[0, 1, 0], []]
    rows = terms.token_rows()
    assert list(rows) == [["b", "a", "b"], [], ["c", "a"]]
    assert len(rows) == 3 and rows[2] == ["c", "a"] and rows[-3] == ["b", "a", "b"]
    assert rows[1:] == [[], ["c", "a"]]
    with pytest.raises(IndexError):
        terms[3]


def test_document_sentences_keep_each_once_with_its_first_chunk() -> None:
    text = "One fact. Two facts here. Three!"
    rows = document_sentences(text, [(4, 0, 25), (5, 10, 32)], "txt")
    assert [(int(c), text[s:e]) for c, s, e in rows] == [
        (4, "One fact."),
        (4, "Two facts here."),
        (5, "Three!"),
    ]
    assert document_sentences(text, [], "txt").shape == (0, 3)


def _rows(count: int, dim: int = 8) -> np.ndarray:
    rows = np.random.default_rng(count).standard_normal((count, dim)).astype(np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def test_a_spool_takes_rows_in_any_order_and_gives_them_back_in_order(tmp_path: Path) -> None:
    rows = _rows(20)
    spool = VectorSpool(tmp_path / "spool", 20, 8)
    spool.write(10, rows[10:])
    for number in range(9, -1, -1):
        spool.write(number, rows[number : number + 1])
    with pytest.raises(IndexError):
        spool.write(19, rows[:2])
    assert np.array_equal(np.vstack(list(spool.batches(7))), rows)
    picks = np.array([0, 3, 7, 8, 19])
    assert np.array_equal(spool.rows(picks), rows[picks])
    assert np.array_equal(spool.everything(), rows)
    assert spool.shape == (20, 8) and len(spool) == 20
    assert np.array_equal(spool[3:11], rows[3:11]) and np.array_equal(spool[15:40], rows[15:])
    with pytest.raises(ValueError, match="consecutive"):
        spool[::2]
    expected = io.BytesIO()
    np.save(expected, rows, allow_pickle=False)
    spool.save_npy(tmp_path / "rows.npy")
    assert (tmp_path / "rows.npy").read_bytes() == expected.getvalue()
    spool.remove()
    assert not (tmp_path / "spool").exists()


@pytest.mark.parametrize(("flat_max", "pq_min"), [(1000, 1000), (10, 1000), (10, 100)])
def test_a_spool_fills_the_index_the_rows_in_memory_would(
    tmp_path: Path, flat_max: int, pq_min: int
) -> None:
    rows = _rows(300)
    spool = VectorSpool(tmp_path / "spool", 300, 8)
    spool.write(0, rows)
    kind = spool.save_faiss(tmp_path / "spooled.faiss", flat_max, pq_min)
    expected = faiss_index_of(rows, flat_max, pq_min)
    assert kind == expected.kind
    spooled = FaissIndex.load(tmp_path / "spooled.faiss", mmap=False)
    assert spooled.count() == 300
    if kind == PQ or kind == "flat":  # an HNSW graph depends on how its rows came in batches
        expected.save(tmp_path / "expected.faiss")
        assert (tmp_path / "spooled.faiss").read_bytes() == (
            tmp_path / "expected.faiss"
        ).read_bytes()
    assert spooled.search(rows[5], 1)[0][0] == 5


def test_whole_chunk_sentences_are_those_spanning_a_plain_chunk() -> None:
    text = "one long line without any end of sentence at all and more words"
    cut, end = text.index(" end"), len(text)
    spans = [(4, 0, cut), (5, cut + 1, end), (6, cut + 1, end)]
    found = document_sentences(text, spans, "txt")
    assert found.tolist() == [[4, 0, cut], [5, cut + 1, end]]
    assert whole_chunk_sentences(found, spans, [4, 5]).tolist() == [0, 1]
    assert whole_chunk_sentences(found, spans, [5]).tolist() == [1]  # chunk 4 has a heading
    assert whole_chunk_sentences(found, spans, []).tolist() == []
    prose = "A first sentence. A second one."
    found = document_sentences(prose, [(0, 0, len(prose))], "txt")
    assert len(found) == 2 and not len(whole_chunk_sentences(found, [(0, 0, len(prose))], [0]))
