"""A folder mostly in French asked a keyword question whose words say no language (s27 trial:
"puissance fiscale voiture" was read as English, refused with an English reason advising to
"try asking in French"): the question is read in French, the language of the passages that
write its words (keyword_language.py), and its reason, if it abstains, is French and gives no
such advice. Built with the conftest's fake channel: no multilingual channel is needed. An
English question of a folder all in French is read across languages only from a passage at
across.MIN_CLOSENESS, whatever the folder's languages (FakeAngle places one under it)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from citeqa.abstention import ASK_IN, NEVER_MENTIONED
from citeqa.api import Assistant, build_index, open_assistant
from citeqa.config import Settings
from citeqa.embedding import register_embedder

NOTES = {
    "bail.md": "# Bail\n\nLe loyer mensuel est de 980 € hors charges, payable le 5 de chaque"
    " mois au bailleur, M. Girard.\n",
    "garantie.md": "# Garantie du lave-linge\n\nLa garantie du lave-linge court jusqu'au 12"
    " mars 2027 ; le ticket est dans le classeur bleu.\n",
    "cantine.md": "# Cantine\n\nLa facture de cantine de mars s'élève à 96,40 € pour les"
    " deux enfants.\n",
    "impots.md": "# Impôts\n\nL'impôt sur le revenu net est de 3 210 € pour l'année.\n",
    "boat.md": "# Boat\n\nThe mooring fee for the boat is paid to the harbour in April.\n",
}


@pytest.fixture
def mostly_french(scratch_registry: None, tmp_path: Path) -> Assistant:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in NOTES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    settings = Settings(channels=("fake",), corpus_dir=corpus, index_dir=tmp_path / "index")
    build_index(settings)
    return open_assistant(settings, build_if_missing=False)


def test_a_keyword_question_is_read_in_the_language_of_the_passages_writing_its_words(
    mostly_french: Assistant,
) -> None:
    answer = mostly_french.ask("loyer mensuel bailleur parking")
    assert answer.lang == "fr"
    assert answer.passages[0].path.endswith("bail.md")
    advice = ASK_IN["most"]["en"].split(":")[0].format(language="French")
    assert advice not in answer.answer
    if answer.abstained:
        assert answer.reason is not None and "parking" in answer.reason
        assert "les" in answer.reason.split() or "ne" in answer.reason.split()


def test_a_keyword_question_whose_words_the_folder_lacks_keeps_english(
    mostly_french: Assistant,
) -> None:
    answer = mostly_french.ask("quantum chromodynamics lattice")
    assert answer.abstained and answer.lang == "en"


MEETING = "When is the parent-teacher meeting?"
FAR = 0.30
"""The closeness the fake channel below puts the French school mail at of MEETING: above the
.24 tried for a question in a folder's minority language, under across.MIN_CLOSENESS (.35)."""


class FakeAngle:
    """A multilingual fake channel placing the French mail at FAR of MEETING (a text writing
    "meeting" is the first axis, one writing "réunion" at FAR of it, any other on a third
    axis, at 0 of both)."""

    name, model, package, version = "fakeangle", "fake-angle", "citeqa-tests", "0"
    dim, default_weight, multilingual = 8, 1.0, True

    def embed_batch(self, texts: Sequence[str]) -> np.ndarray:
        return np.asarray([self._vector(text.lower()) for text in texts], dtype=np.float32)

    @staticmethod
    def _vector(text: str) -> list[float]:
        if "meeting" in text:
            return [1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]
        if "réunion" in text:
            return [FAR, (1 - FAR**2) ** 0.5, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]
        return [0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0]


def test_a_question_in_the_folder_s_minority_language_keeps_the_cross_language_bar(
    scratch_registry: None, tmp_path: Path
) -> None:
    """A lower bar (.24) for a question in the language of few documents was tried in session
    27 and dropped (it answered off-topic questions of the test halves): an English question
    whose words a folder all in French does not write is refused before search unless a French
    passage is at across.MIN_CLOSENESS (here "parent" is the French "parents": the word left
    is named)."""
    register_embedder("fakeangle", FakeAngle)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    school = "# École\n\nLa réunion parents-professeurs aura lieu le jeudi 14 novembre à 18 h.\n"
    for name, text in {**NOTES, "ecole.md": school}.items():
        if name != "boat.md":
            (corpus / name).write_text(text, encoding="utf-8")
    settings = Settings(channels=("fakeangle",), corpus_dir=corpus, index_dir=tmp_path / "index")
    build_index(settings)
    answer = open_assistant(settings, build_if_missing=False).ask(MEETING)
    assert answer.abstained and answer.confidence == 0.0  # 0: the answer models never read it
    never = NEVER_MENTIONED["en"].format(words="“meeting”")
    assert answer.reason is not None and answer.reason.startswith(never)
