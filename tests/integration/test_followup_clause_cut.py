"""A follow-up that points back to the previous question's subject is cut on that subject
inside an over-long sentence (review of s27's clause cut: "Et sa population ?" after
"Parle-moi de Betaville" quoted Alphaville's 3 000 inhabitants, the clauses of the question's
own word "population" standing first and the context's "Betaville" breaking no tie)."""

from __future__ import annotations

from pathlib import Path

from citeqa.language import LONG_QUOTE
from small_corpora import assistant_over

SENTENCE = (
    "La commune d'Alphaville, fondée au douzième siècle sur les bords de la rivière et longtemps "
    "rattachée à l'abbaye voisine dont elle dépendait pour la justice et pour l'impôt, compte une "
    "population de 3 000 habitants selon le dernier recensement publié par l'institut national, "
    "soit un peu moins qu'au siècle précédent malgré l'arrivée du chemin de fer en 1880 ; "
    "Betaville compte une population de 9 000 habitants."
)
FILES = {
    "communes.md": f"# Les communes de la vallée\n\n{SENTENCE}\n",
    "marche.md": "# Le marché\n\nLe marché de Betaville se tient le samedi matin sur la place.\n",
}


def test_a_follow_up_pointing_back_quotes_its_subject_in_an_over_long_sentence(
    tmp_path: Path,
) -> None:
    assert len(SENTENCE) > LONG_QUOTE
    (tmp_path / "c").mkdir()
    assistant = assistant_over(FILES, tmp_path / "c", tmp_path / "i")
    session = assistant.session()
    session.ask("Parle-moi de Betaville")
    answer = session.ask("Et sa population ?")
    assert answer.read_with is not None
    quotes = [citation.quote for citation in answer.citations]
    assert quotes and "9 000" in quotes[0] and "Betaville" in quotes[0], quotes
