"""An article a folder's contract does not hold is refused, not answered by a letter's
address of that number (s43): "Que dit l'article 12 du contrat ?" on a contract of articles
1 to 4 quoted a letter's "12 rue des Lilas, 75011 Paris", "What does article 221 say?" a
letter's "221 Baker Street"; a real article of that number elsewhere is still quoted, and the
address is still what answers a question about it."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeqa.api import Assistant, build_index, open_assistant
from citeqa.config import Settings

FOLDERS = {
    "fr": {
        "contrat.txt": (
            "Contrat de prestation de services\n\nArticle 1 – Objet\nLe présent contrat a pour "
            "objet la réalisation d'un audit informatique.\n\nArticle 2 – Durée\nLe contrat est "
            "conclu pour une durée de douze mois.\n\nArticle 3 – Prix\nLe prix forfaitaire est "
            "fixé à 8 400 euros hors taxes.\n\nArticle 4 – Résiliation\nChaque partie peut "
            "résilier le contrat moyennant un préavis de trente jours.\n"
        ),
        "lettre.txt": (
            "Madame Claire Dubois\n12 rue des Lilas, 75011 Paris\n\nParis, le 3 mars 2024\n\n"
            "Objet : confirmation de rendez-vous\n\nMadame,\n\nJe vous confirme notre "
            "rendez-vous du 15 mars à 10 heures dans nos bureaux.\n\nJean Martin\n"
        ),
    },
    "en": {
        "contract.txt": (
            "Service Agreement\n\nArticle 1 – Purpose\nThis agreement covers an IT audit carried "
            "out by the provider.\n\nArticle 2 – Term\nThe agreement runs for twelve months.\n\n"
            "Article 3 – Price\nThe fixed price is 8,400 euros excluding tax.\n\nArticle 4 – "
            "Termination\nEither party may terminate the agreement with thirty days' notice.\n"
        ),
        "letter.txt": (
            "Mr John Watson\n221 Baker Street\nLondon NW1 6XE\n\nLondon, 3 March 2024\n\n"
            "Subject: appointment confirmation\n\nDear Mr Watson,\n\nI confirm our appointment "
            "on 15 March at 10 am at our offices.\n\nMary Hudson\n"
        ),
    },
}
ASKED = {
    "fr": ("Que dit l'article 12 du contrat ?", "12", "Que dit l'article 3 du contrat ?", "8 400"),
    "en": ("What does article 221 say?", "221", "What does article 3 say?", "8,400"),
}
HELD = {
    "fr": (
        "avenant.txt",
        "Avenant\n\nArticle 12 – Confidentialité\nLe prestataire garde le "
        "secret pendant cinq ans.\n",
        "cinq ans",
    ),
    "en": (
        "amendment.txt",
        "Amendment\n\nArticle 221 – Confidentiality\nThe provider keeps secrecy for five years.\n",
        "five years",
    ),
}


def _assistant(root: Path, files: dict[str, str]) -> Assistant:
    corpus = root / "corpus"
    corpus.mkdir()
    for name, text in files.items():
        (corpus / name).write_text(text, encoding="utf-8")
    settings = Settings(channels=("fake",), corpus_dir=corpus, index_dir=root / "index")
    build_index(settings)
    return open_assistant(settings, build_if_missing=False)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_an_article_only_an_address_numbers_is_refused(lang: str, tmp_path: Path) -> None:
    assistant = _assistant(tmp_path, FOLDERS[lang])
    question, number, held_question, held = ASKED[lang]
    answer = assistant.ask(question)
    assert answer.abstained, answer.answer
    assert f"“{number}”" in answer.answer and "1, 2, 3, 4" in answer.answer
    found = assistant.ask(held_question)
    assert any(held in citation.quote for citation in found.citations), found.answer


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_an_article_another_document_holds_is_quoted(lang: str, tmp_path: Path) -> None:
    name, text, said = HELD[lang]
    assistant = _assistant(tmp_path, {**FOLDERS[lang], name: text})
    answer = assistant.ask(ASKED[lang][0])
    assert any(said in citation.quote for citation in answer.citations), answer.answer


@pytest.mark.parametrize(
    ("lang", "question", "street"),
    [
        ("fr", "Quelle est l'adresse de Madame Dubois ?", "12 rue des Lilas"),
        ("en", "What is Mr Watson's address?", "221 Baker Street"),
    ],
)
def test_the_address_still_answers_where(
    lang: str, question: str, street: str, tmp_path: Path
) -> None:
    answer = _assistant(tmp_path, FOLDERS[lang]).ask(question)
    assert any(street in citation.quote for citation in answer.citations), answer.answer
