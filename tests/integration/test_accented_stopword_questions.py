"""A question's accented word that folds to a stopword is searched: "maïs" (folded "mais", the
French "but") of a farm folder whose other notes say "mais" often, "thèse" (folded "these", an
English stopword) of a study folder. Folded and dropped, the question kept only its other
words ("rendement", "déposer", "date"), and the notes writing them were quoted."""

from __future__ import annotations

from pathlib import Path

from citeqa.api import build_index, open_assistant
from small_corpora import fake_settings

FARM = {
    "ble.md": "Blé tendre\n\nLe rendement du blé atteint 72 quintaux par hectare, mais la qualité"
    " reste moyenne, mais correcte.\n",
    "orge.md": "Orge\n\nLe rendement de l'orge est de 65 quintaux, mais la récolte fut tardive,"
    " mais sans perte.\n",
    "cultures.md": "Cultures d'été\n\nLe maïs grain donne un rendement de 98 quintaux par"
    " hectare.\n",
    "colza.md": "Colza\n\nLe rendement du colza reste faible, mais stable, mais les prix"
    " montent.\n",
}
STUDIES = {
    "stage.md": "Stages\n\nLe rapport de stage doit être déposé avant le 30 juin, et la date de"
    " dépôt est impérative.\n",
    "memoire.md": "Mémoire\n\nLe mémoire de master doit être déposé avant le 15 mai. These dates"
    " are firm: these rules apply to every programme.\n",
    "doctorat.md": "Doctorat\n\nLe manuscrit de thèse doit être déposé avant le 1er septembre.\n",
}


def _first_quote(tmp_path: Path, files: dict[str, str], question: str) -> str:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in files.items():
        (corpus / name).write_text(text, encoding="utf-8")
    settings = fake_settings(corpus, tmp_path / "index")
    build_index(settings)
    answer = open_assistant(settings, build_if_missing=False).ask(question)
    assert not answer.abstained
    return answer.citations[0].quote


def test_a_question_on_mais_quotes_the_maize_line(tmp_path: Path) -> None:
    quote = _first_quote(tmp_path, FARM, "Quel est le rendement du maïs ?")
    assert "98 quintaux" in quote


def test_a_question_on_a_these_quotes_the_thesis_line(tmp_path: Path) -> None:
    quote = _first_quote(tmp_path, STUDIES, "Avant quelle date déposer la thèse ?")
    assert "1er septembre" in quote
