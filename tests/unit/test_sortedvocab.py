"""The sorted BM25 vocabulary (sortedvocab.py): its lookups are the JSON vocabulary's, an index
built before it still answers identically, and damage is refused as a corrupt index."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest

from citeqa import sortedvocab
from citeqa.errors import IndexCorrupt
from citeqa.lexical import LexicalIndex, StoredBM25, query_tokens, tokenize
from citeqa.sortedvocab import SortedVocab, open_sorted, write_sorted
from older_lexical import as_older

ALPHABET = "abcdeéèàçôœüßzxyq0123456789ñ日本"


def _random_vocab(count: int, seed: int) -> dict[str, int]:
    """`count` distinct random words (accents, non-Latin letters, digits), ids in a random order."""
    rng = random.Random(seed)
    words: set[str] = set()
    while len(words) < count:
        words.add("".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 12))))
    ids = list(range(count))
    rng.shuffle(ids)
    return dict(zip(sorted(words), ids, strict=True))


def test_lookups_equal_the_json_vocabulary_on_present_accented_and_absent_terms(
    tmp_path: Path,
) -> None:
    vocab = _random_vocab(3000, seed=3)
    write_sorted(tmp_path, vocab)
    stored = SortedVocab(tmp_path, len(vocab))
    rng = random.Random(4)
    present = rng.sample(sorted(vocab), 500)
    near = [word + "x" for word in present[:100]] + [word[:-1] for word in present[:100]]
    absent = ["", "zzzzzzzzzzzzzz", "é" * 13, "日本語", *(w for w in near if w not in vocab)]
    assert any(not word.isascii() for word in present)
    for word in present + absent:
        assert stored.get(word) == vocab.get(word), word
    assert sum(stored.get(word) is None for word in absent) == len(absent)


def test_a_saved_index_looks_up_through_the_sorted_files_and_answers_as_bm25s_json(
    tmp_path: Path,
) -> None:
    passages = ["La réponse rénale à la semaine 52", "Renal response at week 52", "Œdème, café"]
    docs = [tokenize(text, "fr" if n != 1 else "en") for n, text in enumerate(passages)]
    index = LexicalIndex.build(docs)
    index.save(tmp_path / "new")
    index.save(tmp_path / "old")
    as_older(tmp_path / "old")  # as an index built before the sorted vocabulary
    terms = len(sortedvocab.read_whole(tmp_path / "new"))
    new = StoredBM25(tmp_path / "new", len(docs), terms)
    old = StoredBM25(tmp_path / "old", len(docs), terms)
    assert isinstance(new.vocab, SortedVocab) and isinstance(old.vocab, dict)
    for question in ("réponse rénale semaine 52", "oedeme cafe", "weather", ""):
        tokens = query_tokens(question)
        assert new.get_tokens_ids(tokens) == old.get_tokens_ids(tokens)
        assert LexicalIndex.load(tmp_path / "new").search(tokens, 3) == index.search(tokens, 3)
        assert LexicalIndex.load(tmp_path / "old").search(tokens, 3) == index.search(tokens, 3)


def test_an_id_out_of_range_is_refused_when_read(tmp_path: Path) -> None:
    vocab = _random_vocab(50, seed=5)
    write_sorted(tmp_path, vocab)
    ids = np.load(tmp_path / sortedvocab.IDS)
    ids[7] = len(vocab)
    np.save(tmp_path / sortedvocab.IDS, ids, allow_pickle=False)
    stored = SortedVocab(tmp_path, len(vocab))  # the open reads no id
    word = sorted(vocab, key=lambda w: w.encode())[7]
    with pytest.raises(IndexCorrupt, match="out of range"):
        stored.get(word)
    assert stored.get(sorted(vocab, key=lambda w: w.encode())[8]) is not None


def test_terms_out_of_order_where_the_open_did_not_look_are_refused_on_lookup(
    tmp_path: Path,
) -> None:
    vocab = {f"w{n:05d}": n for n in range(2000)}
    write_sorted(tmp_path, vocab)
    blob = np.load(tmp_path / sortedvocab.TERMS)
    offsets = np.load(tmp_path / sortedvocab.OFFSETS)
    start, middle, end = offsets[1001], offsets[1002], offsets[1003]  # swap terms 1001, 1002
    blob[start:end] = np.concatenate([blob[middle:end], blob[start:middle]])
    np.save(tmp_path / sortedvocab.TERMS, blob, allow_pickle=False)
    stored = SortedVocab(tmp_path, len(vocab))  # not among the pairs sampled on opening
    with pytest.raises(IndexCorrupt, match="not in order"):
        stored.get("w01001")
    assert stored.get("w00010") == 10


def test_an_incomplete_or_absent_sorted_vocabulary(tmp_path: Path) -> None:
    assert open_sorted(tmp_path, 3) is None
    write_sorted(tmp_path, {"a": 0, "b": 1, "c": 2})
    assert isinstance(open_sorted(tmp_path, 3), SortedVocab)
    with pytest.raises(ValueError, match="terms recorded"):
        open_sorted(tmp_path, 4)
    (tmp_path / sortedvocab.OFFSETS).unlink()
    with pytest.raises(ValueError, match="incomplete"):
        open_sorted(tmp_path, 3)
