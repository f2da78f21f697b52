"""A question naming, within its sentence, a place or a person the corpus never writes in any
form (absent_names.py's mid-sentence names: "au nord d'Arpajon") asks of a paragraph the
folder does not hold: it is refused, the reason naming the name (session 45: PIAF near misses,
the article kept but its answering paragraph removed, were answered from its other
paragraphs). The same question is answered when the paragraph is there."""

from __future__ import annotations

from pathlib import Path

from citeqa.abstention import NEVER_WRITES
from small_corpora import asked_of_files

LEAD = (
    "Les Ulis est une commune française située dans le département de l'Essonne.\n\n"
    "La commune a été créée en 1977 à partir de territoires de Bures-sur-Yvette et d'Orsay.\n\n"
    "Le parc nord de la commune borde la forêt qui sépare Les Ulis de Bures-sur-Yvette.\n\n"
)
DISTANCES = "Les Ulis se trouvent à douze kilomètres au nord d'Arpajon, sur le plateau.\n\n"
QUESTION = "Les Ulis sont-ils au nord d'Arpajon ?"


def test_a_place_only_the_removed_paragraph_names_is_refused_naming_it(tmp_path: Path) -> None:
    answer = asked_of_files(tmp_path, {"les-ulis.md": LEAD}, QUESTION)
    assert answer.abstained
    assert answer.reason is not None
    assert answer.reason.startswith(NEVER_WRITES["fr"].split("{")[0])
    assert "Arpajon" in answer.reason


def test_the_same_question_is_answered_when_the_paragraph_is_there(tmp_path: Path) -> None:
    answer = asked_of_files(tmp_path, {"les-ulis.md": LEAD + DISTANCES}, QUESTION)
    assert not answer.abstained
    assert any("Arpajon" in citation.quote for citation in answer.citations)
