"""An English table in a French folder, labelled French by the names it holds, answers an
English question written in its own words (across.writes_every_word): the s57 renovation
trial's materials list, "| Extractor hood | kitchen | Cuisines Bréard | 1 | 389.00 | no |"
under "item | room | supplier | … | ordered", reads as French (its suppliers' "Le Goff",
"Élec"), so "Has the extractor hood been ordered?", whose closest passages were all French, was
refused as an answer read across languages with nothing vouching for it."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from citeqa.api import Assistant, build_index, open_assistant
from citeqa.config import Settings
from citeqa.embedding import get_embedder, register_embedder
from citeqa.language import detect_lang
from citeqa.lexical import content_words

MATERIALS = (
    "item,room,supplier,quantity,unit_price_eur,ordered\n"
    "Wall tiles 30x60 white,bathroom,Carrelages Le Goff,14 m2,32.50,yes\n"
    "Floor tiles 60x60 grey,bathroom,Carrelages Le Goff,6 m2,41.00,yes\n"
    "LED spots,bathroom,Élec Services Nantais,6,18.50,yes\n"
    "Extractor hood,kitchen,Cuisines Bréard,1,389.00,no\n"
)
FRENCH_NOTES = {
    "planning.md": "# Planning des travaux\n\nLa démolition de la salle de bains est prévue le 8"
    " mars. La plomberie commence le 10 mars et dure trois jours.\n",
    "mairie.txt": "La mairie a accordé la déclaration préalable le 22 janvier. Les travaux"
    " doivent commencer dans un délai de trois ans à compter de cette date.\n",
    "assurance.txt": "L'assurance dommages-ouvrage couvre pendant dix ans les désordres qui"
    " compromettent la solidité de l'ouvrage. La prime est de 2 950 euros.\n",
}


class FakeMultilingual:
    """The conftest's fake channel over content words, declared multilingual: the reading
    across languages (across.py) is only checked with such a channel."""

    name, model, package, version = "fakeml2", "fake-hash-multilingual", "citeqa-tests", "0"
    dim, default_weight, multilingual = 64, 1.0, True

    def embed_batch(self, texts: Sequence[str]) -> np.ndarray:
        read = [" ".join(content_words(text)) for text in texts]
        return np.asarray(get_embedder("fake").embed_batch(read))


@pytest.fixture
def renovation(scratch_registry: None, tmp_path: Path) -> Assistant:
    register_embedder("fakeml2", FakeMultilingual)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "materials.csv").write_text(MATERIALS, encoding="utf-8")
    for name, text in FRENCH_NOTES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    settings = Settings(channels=("fakeml2",), corpus_dir=corpus, index_dir=tmp_path / "index")
    build_index(settings)
    return open_assistant(settings, build_if_missing=False)


def test_the_table_reads_as_french_by_its_names() -> None:
    assert detect_lang(MATERIALS) == "fr"  # what the answer below must not be refused for


def test_an_english_question_in_the_tables_words_quotes_its_row(renovation: Assistant) -> None:
    answer = renovation.ask("Has the extractor hood been ordered?")
    assert not answer.abstained, answer.reason
    assert "Extractor hood" in answer.citations[0].quote


def test_an_english_question_sharing_one_word_with_a_french_note_is_still_refused(
    renovation: Assistant,
) -> None:
    answer = renovation.ask("How long does the insurance last?")
    assert answer.abstained
