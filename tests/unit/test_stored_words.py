"""stored_words: the passage words a build of a corpus in both languages embeds once, stored as
float16 vectors with their list (no pickle), reused by the next build and read back by the
question's translation (passage_translation.translations), which then embeds only the
question's absent words; derived_terms.pairs_of reuses the vectors of the same texts."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from citeqa.derived_terms import FrequentWords, pairs_of
from citeqa.models import Chunk, Hit, Lang
from citeqa.passage_translation import (
    BILINGUAL_SIMILARITY,
    UNSTORED_WORDS,
    WordVectors,
    translations,
)
from citeqa.stored_words import (
    SAME_FILES,
    WORDS_VERSION,
    StoredWords,
    WordCounts,
    kept_words,
    read_words,
    store_words,
    words_files,
)

SAME_MEANING = {"smells": "odeur", "burnt": "brûlé", "high": "élevé"}


class CountingAxes:
    """One axis per distinct text (after SAME_MEANING: a pair at cosine 1), and every text it
    was asked to embed, in order."""

    name, model, package, version = "fakeml", "fake-axes", "citeqa-tests", "0"
    dim, default_weight, multilingual = 48, 1.0, True

    def __init__(self) -> None:
        self.axes: dict[str, int] = {}
        self.embedded: list[str] = []

    def embed_batch(self, texts: Sequence[str]) -> np.ndarray:
        self.embedded.extend(texts)
        rows = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            word = SAME_MEANING.get(text, text)
            rows[row, self.axes.setdefault(word, len(self.axes))] = 1.0
        return rows


def chunk(number: int, lang: Lang, text: str) -> Chunk:
    return Chunk(
        chunk_id=f"d{number}#0", doc_id=f"d{number}", start=0, end=len(text), text=text, lang=lang
    )


CHUNKS = [
    chunk(0, "fr", "Le client signale une odeur de brûlé sur la Prise Duo."),
    chunk(1, "fr", "Odeur de brûlé : prise remplacée, odeur disparue."),
    chunk(2, "en", "The Duo plug was replaced under warranty."),
]


def counts_of(chunks: Sequence[Chunk]) -> WordCounts:
    counts = WordCounts()
    for each in chunks:
        counts.add(each)
    return counts


def test_the_words_written_in_the_most_passages_are_chosen_with_their_most_written_form() -> None:
    chosen = counts_of(CHUNKS).chosen()
    assert chosen["brule"] == "brûlé" and chosen["odeur"] == "odeur"
    assert "le" not in chosen and "de" not in chosen, "stopwords and short words are no candidates"
    assert list(counts_of(CHUNKS).chosen(2)) == ["odeur", "brule"], "in 2 passages, 3 / 2 times"


def test_words_of_as_many_passages_are_chosen_by_occurrences_then_as_first_written() -> None:
    # at the cap, words each written in one passage: not the a-m ones (alphabetical ties kept
    # them and dropped every n-z word of a large corpus's single passages)
    counts = counts_of(
        [
            chunk(0, "en", "zebra amber"),
            chunk(1, "en", "yellow"),
            chunk(2, "en", "walrus walrus basalt"),
        ]
    )
    assert list(counts.chosen(3)) == ["walrus", "zebra", "amber"]
    assert list(counts.chosen()) == ["walrus", "zebra", "amber", "yellow", "basalt"]


def test_stored_words_read_back_as_float16_rows_of_their_folded_words(tmp_path: Path) -> None:
    embedder = CountingAxes()
    store_words(tmp_path, counts_of(CHUNKS), embedder)
    listed, arrays = words_files("fakeml")
    assert np.load(tmp_path / arrays, allow_pickle=False).dtype == np.float16
    stored = read_words(tmp_path, "fakeml", 48, [listed, arrays])
    assert stored is not None and len(stored) == len(counts_of(CHUNKS).chosen())
    held, vectors = stored.vectors_of(["odeur", "absent", "brule"])
    assert held == ["odeur", "brule"] and vectors.dtype == np.float32
    assert vectors[0] @ vectors[1] == 0.0 and vectors[1] @ vectors[1] == pytest.approx(1.0)


def test_words_a_build_did_not_store_or_stored_otherwise_are_not_read(tmp_path: Path) -> None:
    listed, arrays = words_files("fakeml")
    assert read_words(tmp_path, "fakeml", 48, []) is None, "an index built before: none"
    store_words(tmp_path, counts_of(CHUNKS), CountingAxes())
    assert read_words(tmp_path, "fakeml", 48, [listed]) is None, "the build listed only one"
    entry = json.loads((tmp_path / listed).read_text())
    for damaged in [
        {**entry, "version": WORDS_VERSION + 1},
        {**entry, "folded": entry["folded"][1:]},
        {**entry, "written": [1] * len(entry["written"])},
    ]:
        (tmp_path / listed).write_text(json.dumps(damaged))
        assert read_words(tmp_path, "fakeml", 48, [listed, arrays]) is None
    (tmp_path / listed).write_text("[not json")
    assert read_words(tmp_path, "fakeml", 48, [listed, arrays]) is None


def test_words_stored_of_another_type_or_width_are_not_read(tmp_path: Path) -> None:
    # a same-size file of float32 rows half as wide crashed `ask` (ValueError joining its
    # vectors to the question's); another width or type is not the build's
    listed, arrays = words_files("fakeml")
    store_words(tmp_path, counts_of(CHUNKS), CountingAxes())
    halves = np.load(tmp_path / arrays).view(np.float32)
    assert halves.shape[1] == 24
    np.save(tmp_path / arrays, halves)
    assert read_words(tmp_path, "fakeml", 48, [listed, arrays]) is None
    np.save(tmp_path / arrays, halves.view(np.float16))
    assert read_words(tmp_path, "fakeml", 48, [listed, arrays]) is not None, "as stored"
    assert read_words(tmp_path, "fakeml", 64, [listed, arrays]) is None, "another dimension"


def test_a_build_embeds_only_the_words_the_previous_build_did_not_store(tmp_path: Path) -> None:
    (tmp_path / "before").mkdir()
    (tmp_path / "after").mkdir()
    first = CountingAxes()
    store_words(tmp_path / "before", counts_of(CHUNKS[:2]), first)
    embedder = CountingAxes()
    store_words(tmp_path / "after", counts_of(CHUNKS), embedder, tmp_path / "before")
    assert sorted(embedder.embedded) == ["plug", "replaced", "warranty"], "duo: stored before"
    files = words_files("fakeml")
    stored = read_words(tmp_path / "after", "fakeml", 48, files)
    before = read_words(tmp_path / "before", "fakeml", 48, files)
    assert stored is not None and before is not None
    assert np.array_equal(stored.vectors_of(["odeur"])[1], before.vectors_of(["odeur"])[1])


def test_a_question_s_translation_embeds_only_its_absent_words_with_stored_words(
    tmp_path: Path,
) -> None:
    embedder = CountingAxes()
    store_words(tmp_path, counts_of(CHUNKS), embedder)
    stored = read_words(tmp_path, "fakeml", 48, words_files("fakeml"))
    embedder.embedded.clear()
    hits = [Hit(chunk=each, chunk_index=n, score=1.0) for n, each in enumerate(CHUNKS)]
    found = translations(
        ["smells", "burnt"], hits, "en", WordVectors(embedder), BILINGUAL_SIMILARITY, stored
    )
    assert found == {"smells": "odeur", "burnt": "brule"}
    assert embedder.embedded == ["smells", "burnt"], "the passages' words are not embedded"


def test_passage_words_the_build_did_not_store_are_embedded_up_to_a_budget() -> None:
    # a large corpus's build stores only its MAX_WORDS words: a retrieved passage's other
    # words are embedded as asked, the first UNSTORED_WORDS of them that the passages write
    embedder = CountingAxes()
    hits = [Hit(chunk=CHUNKS[0], chunk_index=0, score=1.0)]
    vectors = embedder.embed_batch(["client"]).astype(np.float16)
    stored = StoredWords(["client"], vectors, ["client"])
    embedder.embedded.clear()
    found = translations(["smells"], hits, "en", WordVectors(embedder), 0.83, stored)
    assert found == {"smells": "odeur"}
    assert embedder.embedded == ["smells", "signale", "odeur", "brûlé", "prise"]
    many = " ".join(f"mot{chr(97 + n // 26)}{chr(97 + n % 26)}" for n in range(UNSTORED_WORDS))
    late = Hit(chunk=chunk(5, "fr", f"{many} odeur"), chunk_index=5, score=1.0)
    assert translations(["smells"], [late], "en", WordVectors(embedder), 0.83, stored) == {}


@pytest.mark.parametrize("unstored", [None, UNSTORED_WORDS])
def test_a_passage_word_stored_in_another_written_form_is_embedded_as_the_passage_writes_it(
    unstored: int | None,
) -> None:
    # "élevé" and "élève" fold alike: the build stored the corpus's most written "élève", and
    # a passage writing "élevé" read its vector, losing "high" / "élevé" (s31 review)
    close = chunk(0, "fr", "Le coût du voyage scolaire est élevé cette année.")
    pupils = [chunk(n, "fr", f"L'élève {n} présente son exposé.") for n in range(1, 6)]
    chosen = counts_of([close, *pupils]).chosen()
    assert chosen["eleve"] == "élève"
    embedder = CountingAxes()
    vectors = embedder.embed_batch(list(chosen.values())).astype(np.float16)
    stored = StoredWords(list(chosen), vectors, list(chosen.values()))
    embedder.embedded.clear()
    hits = [Hit(chunk=close, chunk_index=0, score=1.0)]
    as_written = translations(["high"], hits, "en", WordVectors(CountingAxes()))
    vectors_of = WordVectors(embedder)
    found = translations(["high"], hits, "en", vectors_of, stored=stored, unstored=unstored)
    assert found == as_written == {"high": "eleve"}
    assert embedder.embedded == ["high", "élevé"], "only the passage's own form is embedded"


def test_term_pairs_take_the_vectors_the_build_embedded_already() -> None:
    counts = FrequentWords()
    for each in [*CHUNKS, chunk(3, "en", "A burnt smell, the plug replaced.")]:
        counts.add(each)
    embedder = CountingAxes()
    fresh = pairs_of(counts, [embedder])
    texts = list(embedder.embedded)
    again = CountingAxes()
    again.axes = embedder.axes  # the same texts at the same vectors
    known = {texts[0]: embedder.embed_batch(texts[:1])[0]}
    assert pairs_of(counts, [again], known) == fresh
    assert again.embedded == texts[1:], "the first was embedded already"


def test_a_previous_build_s_words_of_another_dimension_are_embedded_again(tmp_path: Path) -> None:
    (tmp_path / "before").mkdir()
    (tmp_path / "after").mkdir()
    store_words(tmp_path / "before", counts_of(CHUNKS), CountingAxes())
    wider = CountingAxes()
    wider.dim = 64
    store_words(tmp_path / "after", counts_of(CHUNKS), wider, tmp_path / "before")
    assert sorted(wider.embedded) == sorted(counts_of(CHUNKS).chosen().values())


def test_words_a_version_writing_the_same_files_stored_are_read_and_reused(tmp_path: Path) -> None:
    # version 4 only stores words for more corpora than 3 did, in the same files: a version-3
    # build's words were dropped (its questions no longer read across, every word re-embedded)
    (tmp_path / "before").mkdir()
    (tmp_path / "after").mkdir()
    store_words(tmp_path / "before", counts_of(CHUNKS[:2]), CountingAxes())
    listed, arrays = words_files("fakeml")
    entry = json.loads((tmp_path / "before" / listed).read_text())
    earlier = next(v for v, same in SAME_FILES.items() if same == WORDS_VERSION)
    (tmp_path / "before" / listed).write_text(json.dumps({**entry, "version": earlier}))
    assert read_words(tmp_path / "before", "fakeml", 48, [listed, arrays]) is not None
    embedder = CountingAxes()
    store_words(tmp_path / "after", counts_of(CHUNKS), embedder, tmp_path / "before")
    assert sorted(embedder.embedded) == ["plug", "replaced", "warranty"], "duo: stored before"
    assert kept_words(earlier, [listed, arrays]) and not kept_words(earlier, [])
    assert not kept_words(WORDS_VERSION - 2, [listed, arrays]), "version 2 chose otherwise"
