"""An acronym or a name after a title the corpus never writes is an identifier it would have
written: the question is refused with that reason, not answered with another's line (s34 trial
n02 "Dr Lefebvre", n06 "BCG", n19 "l'AFGSU"). Words the corpus writes, typos of them, a
question written all in capitals and a file format of the folder are no such names; a name a
path writes is refused without claiming its absence."""

from __future__ import annotations

from citeqa.abstention import NEVER_WRITES, NOT_ANSWERED, never_written
from citeqa.lexical import tokenize
from citeqa.path_words import PathWords
from citeqa.questions import QuestionTerms, Vocabulary, analyse

PATHS = [
    "Equipe/annuaire du personnel.md",
    "Formations/attestation PSC1 Mme Garnier.png",
    "Contrats/bail cabinet.pdf",
]
TEXTS = [
    "Dr Roussel : poste 201. Mme Garnier : poste 204, accueil.",
    "Le tarif de la consultation est de 30 euros, TVA non applicable.",
    "Le vaccin ROR est fait à 12 mois puis entre 16 et 18 mois.",
    "Le loyer du cabinet est payé le 5 de chaque mois, facture en PDF sur demande.",
]


def asked(question: str) -> QuestionTerms:
    frequency: dict[str, int] = {}
    for text in TEXTS:
        for token in set(tokenize(text, "en")) | set(tokenize(text, "fr")):
            frequency[token] = frequency.get(token, 0) + 1
    vocabulary = Vocabulary(TEXTS, frequency, len(TEXTS), paths=PathWords(PATHS))
    return analyse(question, None, vocabulary)


def test_an_unwritten_titled_name_is_refused_as_never_written() -> None:
    reason = never_written(asked("Quel est le poste du Dr Lemaire ?"), "fr")
    assert reason is not None and reason.claims_absence
    assert "Lemaire" in reason.text and reason.text.startswith(NEVER_WRITES["fr"].split("{")[0])


def test_an_unwritten_acronym_after_an_elision_is_refused_without_it() -> None:
    reason = never_written(asked("À quel âge fait-on le BCG ?"), "fr")
    assert reason is not None and "BCG" in reason.text
    elided = never_written(asked("Qui a validé l'AFGSU cette année ?"), "fr")
    assert elided is not None and "AFGSU" in elided.text and "l'AFGSU" not in elided.text


def test_a_name_only_a_path_writes_is_refused_claiming_no_absence() -> None:
    terms = asked("Quand expire l'attestation PSC1 de Mme Garnier ?")  # PSC1: digits, no acronym
    assert never_written(terms, "fr") is None
    only_path = never_written(asked("Qui a suivi la formation PSC ?"), "fr")
    assert only_path is not None and only_path.text == NOT_ANSWERED["fr"]
    assert not only_path.claims_absence


def test_names_the_corpus_writes_typos_shouting_and_file_formats_are_no_such_names() -> None:
    for question in (
        "Quel est le poste du Dr Roussel ?",  # written
        "Quel est le poste de Mme Garnier ?",
        "À quel âge fait-on le ROR ?",
        "La TVA est-elle applicable ?",
        "Quel est le poste du Dr Rousel ?",  # a typo of a written name
        "QUEL EST LE TARIF DE LA CONSULTATION ?",  # shouted: no acronym
        "Le bail est-il en PDF ?",  # written, and a format of the folder's files
        "Où est le DOCX du bail ?",  # never written, yet no format of the folder
    ):
        terms = asked(question)
        reason = never_written(terms, "fr")
        if question.startswith("Où est le DOCX"):
            assert reason is not None and "DOCX" in reason.text, question
        else:
            assert reason is None, (question, reason)


def test_a_file_format_of_the_folder_is_no_name_even_unwritten() -> None:
    assert never_written(asked("Où est le PNG de l'attestation ?"), "fr") is None


def test_path_words_read_a_word_without_its_elision_and_know_extensions() -> None:
    paths = PathWords(PATHS)
    assert paths.write("l'PSC1") and paths.write("d’annuaire")
    assert paths.extension("PDF") and paths.extension("png") and not paths.extension("DOCX")


def test_an_absent_word_after_an_elision_is_read_in_paths() -> None:
    # main kept "l'annuaire" whole: no path wrote it, so a reason said it was written nowhere
    terms = asked("Où est l'annuaire ?")
    assert "l'annuaire" in terms.absent and "l'annuaire" in terms.in_paths
