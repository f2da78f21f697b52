"""A question's word read as the clear nearest word of the other language under the bar
(passage_translation.clearly_nearest): an English question of a folder in French and English
whose words USE puts at .75-.80 of their French translations, each far nearer than any other
word ("lease" / "loyer" .773, next "bail" .665; "supplier" / "prestataire" .736, next .627: s34
trial, refused "they never mention supplier, invoice"), is answered; an off-topic one whose
words are as near their French neighbours, but as near to two of them at once, stays refused.

The fake channel places the chosen words at the chosen cosines (GRAM, built by a Cholesky
factor), every other word on an axis of its own."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

import numpy as np
import pytest

from citeqa.api import Assistant, build_index, open_assistant
from citeqa.config import Settings
from citeqa.embedding import register_embedder
from citeqa.lexical import content_words
from citeqa.passage_translation import (
    BILINGUAL_SIMILARITY,
    CLEAR_FLOOR,
    CLEAR_MARGIN,
    MIN_RIVAL_WORDS,
)

COSINES = {
    ("deposit", "depot"): 0.79,
    ("lease", "bail"): 0.78,
    ("gagne", "remporte"): 0.85,
    ("won", "gagne"): 0.78,
    ("won", "remporte"): 0.75,
    ("choix", "decision"): 0.8,
    ("election", "choix"): 0.76,
    ("election", "decision"): 0.74,
    ("tenant", "garantie"): 0.74,
    ("tenant", "prevu"): 0.60,
    ("tenant", "professionnel"): 0.57,
    ("tenant", "euros"): 0.55,
    ("garantie", "prevu"): 0.5,
    ("garantie", "professionnel"): 0.5,
    ("garantie", "euros"): 0.5,
    ("prevu", "professionnel"): 0.5,
    ("prevu", "euros"): 0.5,
    ("professionnel", "euros"): 0.5,
}
"""Folded words at a chosen cosine; any other two at 0. "deposit" and "lease" are each the
clear nearest of one French word; "won" and "election" as near as them to one, but also near
another (two French words of one sense)."""

WORDS = sorted({word for pair in COSINES for word in pair})


def _gram_rows() -> dict[str, np.ndarray]:
    """Unit vectors of WORDS whose products are COSINES (a Cholesky factor of their Gram)."""
    gram = np.eye(len(WORDS))
    for (one, other), cosine in COSINES.items():
        i, j = WORDS.index(one), WORDS.index(other)
        gram[i, j] = gram[j, i] = cosine
    rows = np.linalg.cholesky(gram)
    return dict(zip(WORDS, rows, strict=True))


class FakeGram:
    """COSINES' words at their cosines, each other word on its own axis; a text the normalised
    sum of its words' vectors."""

    name, model, package, version = "fakegram", "fake-gram", "citeqa-tests", "0"
    dim, default_weight, multilingual = 1024, 1.0, True
    axes: ClassVar[dict[str, int]] = {}
    placed: ClassVar[dict[str, np.ndarray]] = _gram_rows()

    def embed_batch(self, texts: Sequence[str]) -> np.ndarray:
        return np.stack([self._vector(text) for text in texts]).astype(np.float32)

    def _vector(self, text: str) -> np.ndarray:
        total = sum((self._word(word) for word in content_words(text)), np.zeros(self.dim))
        norm = np.linalg.norm(total)
        return total / norm if norm else total

    def _word(self, word: str) -> np.ndarray:
        vector = np.zeros(self.dim)
        if word in self.placed:
            vector[: len(WORDS)] = self.placed[word]
        else:
            vector[len(WORDS) + self.axes.setdefault(word, len(self.axes))] = 1.0
        return vector


FRENCH = {
    "bail.md": "# Bail professionnel\n\nLe dépôt de garantie prévu au bail est de 4 800 euros.\n",
    "chaudiere.txt": "La chaudière est révisée chaque automne : on gagne du temps.\n",
    "voiture.txt": "Le garage a changé les pneus avant l'hiver, au choix du client.\n",
    "cantine.txt": "Les repas de la cantine sont servis à midi, sur décision du chef.\n",
    "piscine.txt": "Le club de natation remporte la coupe du département.\n",
}
ENGLISH = {
    "plumber.txt": "The plumber came on 14 March to fix the kitchen sink.\n",
    "dentist.txt": "The dentist moved to Thursday afternoon.\n",
    "drama.txt": "Two teachers will follow a course on teaching with drama in July.\n",
    "garden.txt": "The gardener trims the hedge in spring.\n",
}
"""Five French documents and four English ones: a corpus in both languages
(abstention.DocumentLanguages.bilingual_corpus), read at BILINGUAL_SIMILARITY."""


SYLLABLES = ("ba", "ke", "di", "lo", "mu", "ri", "sa", "te")


def _inventory() -> str:
    """A French inventory writing MIN_RIVAL_WORDS and more made-up words, each once: a folder
    whose stored words are many, among which a margin means something."""
    words = [a + b + c for a in SYLLABLES for b in SYLLABLES for c in SYLLABLES]
    assert len(words) > MIN_RIVAL_WORDS
    lines = [f"Le carton contient le {word} rangé dans la réserve." for word in words]
    return "# Inventaire de la réserve\n\n" + "\n".join(lines) + "\n"


def _assistant(tmp_path: Path, documents: dict[str, str]) -> Assistant:
    register_embedder("fakegram", FakeGram)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in documents.items():
        (corpus / name).write_text(text, encoding="utf-8")
    settings = Settings(channels=("fakegram",), corpus_dir=corpus, index_dir=tmp_path / "index")
    build_index(settings)
    return open_assistant(settings, build_if_missing=False)


@pytest.fixture
def bilingual(scratch_registry: None, tmp_path: Path) -> Assistant:
    return _assistant(tmp_path, {**FRENCH, **ENGLISH, "inventaire.md": _inventory()})


@pytest.fixture
def small_bilingual(scratch_registry: None, tmp_path: Path) -> Assistant:
    """The same folder with no inventory: its stored words are too few for a margin."""
    return _assistant(tmp_path, {**FRENCH, **ENGLISH})


def test_the_fake_channel_places_the_words_as_said() -> None:
    vectors = FakeGram().embed_batch(["deposit", "depot", "won", "gagne", "remporte"])
    assert float(vectors[0] @ vectors[1]) == pytest.approx(0.79, abs=1e-6)
    assert CLEAR_FLOOR <= 0.75 < 0.79 < BILINGUAL_SIMILARITY
    assert 0.78 - 0.75 < CLEAR_MARGIN <= 0.79 - 0.0
    assert float(vectors[2] @ vectors[4]) == pytest.approx(0.75, abs=1e-6)


def test_words_clearly_nearest_their_translations_under_the_bar_are_read(
    bilingual: Assistant,
) -> None:
    answer = bilingual.ask("How much is the deposit in the lease?")
    assert not answer.abstained, answer.reason
    assert any("4 800 euros" in citation.quote for citation in answer.citations)


def test_an_off_topic_question_whose_words_are_near_two_words_at_once_stays_refused(
    bilingual: Assistant,
) -> None:
    answer = bilingual.ask("Who won the election?")
    assert answer.abstained
    assert not answer.citations


def test_a_small_folder_reads_no_word_by_its_margin(small_bilingual: Assistant) -> None:
    """s35 review: among a small folder's few words any everyday word at CLEAR_FLOOR is far
    ahead of them ("tenant" / "loyer" .74 of three French files answered "What is the tenant's
    name?"): under MIN_RIVAL_WORDS stored words no word is read by its margin."""
    answer = small_bilingual.ask("How much is the deposit in the lease?")
    assert answer.abstained
    assert not answer.citations


def test_a_small_folder_reads_no_word_nearer_than_several_loose_ones(
    small_bilingual: Assistant,
) -> None:
    """s35 review: "tenant" .74 of "garantie", its next candidates at .55-.60 ("prevu",
    "professionnel", "euros" of the same lease): .14 ahead among a few words is no translation."""
    answer = small_bilingual.ask("How much does the tenant pay?")
    assert answer.abstained
    assert not answer.citations
