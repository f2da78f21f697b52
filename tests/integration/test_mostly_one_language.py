"""A folder mostly in French asked a keyword question whose words say no language (s27 trial:
"puissance fiscale voiture" was read as English, refused with an English reason advising to
"try asking in French"): the question is read in French, the language of the passages that
write its words (keyword_language.py), and its reason, if it abstains, is French and gives no
such advice. Built with the conftest's fake channel: no multilingual channel is needed."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeqa.abstention import ASK_IN
from citeqa.api import Assistant, build_index, open_assistant
from citeqa.config import Settings

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
