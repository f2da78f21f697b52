"""A word only a folder or file name writes is written: no reason says the documents never
mention it (s33 trial: "ne mentionnent jamais « TAL »" of a folder named "LX-204 TAL",
« TP3 » of "TP3_regression.ipynb"); other words the corpus lacks are still named."""

from __future__ import annotations

from citeqa.abstention import before_search, never_written, not_answered
from citeqa.lexical import tokenize
from citeqa.path_words import PathWords, name_stem
from citeqa.questions import QuestionTerms, Vocabulary, analyse

PATHS = [
    "semestre/LX-204 Phonologie/Lab4_spectrogrammes.ipynb",
    "semestre/GEO-9 Cartes/syllabus_geo.docx",
]
TEXTS = [
    "Le spectrogramme du Lab 4 montre trois formants.",
    "L'examen de phonologie a lieu en salle B12.",
    "Le modèle atteint une précision de 0,91 sur le test.",
]


def vocabulary(paths: list[str] = PATHS) -> Vocabulary:
    frequency: dict[str, int] = {}
    for text in TEXTS:
        for token in set(tokenize(text, "en")) | set(tokenize(text, "fr")):
            frequency[token] = frequency.get(token, 0) + 1
    return Vocabulary(TEXTS, frequency, len(TEXTS), paths=PathWords(paths))


def asked(question: str, paths: list[str] = PATHS) -> QuestionTerms:
    return analyse(question, None, vocabulary(paths))


def test_path_words_are_split_at_separators_and_letter_digit_edges() -> None:
    paths = PathWords(PATHS)
    assert paths.write("Lab4") and paths.write("lab") and paths.write("LX-204")
    assert paths.write("Géo") and paths.write("spectrogrammes")
    assert not paths.write("Lab5") and not paths.write("LX-205") and not paths.write("204-LX")


def test_a_word_only_a_file_name_writes_is_not_claimed_absent() -> None:
    terms = asked("Combien de formants compte le Lab4 ?")
    assert "Lab4" in terms.absent and "Lab4" in terms.in_paths
    reason = not_answered(terms, "fr")
    assert "Lab4" not in reason.text


def test_a_word_only_a_folder_name_writes_is_not_claimed_absent_others_are() -> None:
    terms = asked("Quel barème pour l'examen de GEO ?")
    reason = not_answered(terms, "fr")
    assert "barème" in reason.text and "GEO" not in reason.text
    assert reason.claims_absence


def test_a_refusal_lacking_a_word_only_a_path_writes_is_read_across() -> None:
    """The s38 trial: "What did the retro decide about Friday meetings?" of a folder
    "meetings/" whose French retro writes "réunions" was refused without naming "meetings", so
    never read across (api.Assistant._translated reads a refusal claiming absence only)."""
    terms = asked("Quels formants montre le Lab4 ?")
    reason = not_answered(terms, "fr")
    assert not reason.claims_absence and reason.unwritten_in_texts
    written = asked("Quels formants montre le spectrogramme ?")
    assert not not_answered(written, "fr").unwritten_in_texts  # every word written
    unpathed = asked("Quels formants montre le Lab4 ?", paths=[])
    reason = not_answered(unpathed, "fr")
    assert reason.claims_absence and not reason.unwritten_in_texts  # named: claims absence


def test_without_the_paths_the_word_is_claimed_absent() -> None:
    terms = asked("Combien de formants compte le Lab4 ?", paths=[])
    assert "Lab4" in not_answered(terms, "fr").text


def test_a_question_of_path_words_alone_is_not_said_to_have_no_word_in_the_documents() -> None:
    refusal = before_search(asked("Lab4 GEO ?", paths=[]), "fr")
    assert refusal is not None and refusal.reason.claims_absence
    refusal = before_search(asked("Lab4 GEO ?"), "fr")
    assert refusal is None or not refusal.reason.claims_absence


def test_an_identifier_a_path_writes_is_not_said_never_written() -> None:
    names = ["--max-size", "Lab4_spectro"]
    terms = QuestionTerms(focus="x", unknown_identifiers=names, in_paths=frozenset({names[1]}))
    reason = never_written(terms, "en")
    assert reason is not None and "--max-size" in reason.text and "Lab4_spectro" not in reason.text


def test_the_closest_passages_are_not_said_to_lack_a_word_a_path_writes() -> None:
    terms = asked("Dans quelle salle est l'examen de GEO ?")
    passages = frozenset(tokenize(TEXTS[1], "fr"))
    assert "GEO" not in not_answered(terms, "fr", passages).text
    without = asked("Dans quelle salle est l'examen de GEO ?", paths=[])
    assert "GEO" in not_answered(without, "fr", passages).text


def test_an_identifier_is_written_only_as_typed_or_as_a_file_stem() -> None:
    # s33 review: "--turbo" was written by "tools/turbo_notes", "c" and "1" by any path
    paths = PathWords(
        ["tools/turbo_notes.md", "c/1_intro.md", "labs/DS-M2-104 TAL/TP3_regression.ipynb"]
    )
    assert not paths.write("--turbo") and not paths.write("c") and not paths.write("1")
    assert paths.write("turbo_notes") and paths.write("TP3") and paths.write("DS-M2-104")
    assert paths.write("TAL") and paths.write("tp") and paths.write("turbo")
    assert not paths.write("TP3b") and not paths.write("M2-104-DS")


def test_identifiers_only_paths_write_are_still_refused_without_claiming_absence() -> None:
    # s33 review: the never_written gate was lost, not only its wording
    names = ["Lab4_spectro"]
    terms = QuestionTerms(focus="x", unknown_identifiers=names, in_paths=frozenset(names))
    reason = never_written(terms, "en")
    assert reason is not None and not reason.claims_absence and "Lab4" not in reason.text
    assert never_written(QuestionTerms(focus="x"), "en") is None


def test_a_file_stem_is_the_last_name_without_its_last_extension() -> None:
    # s34 hostile M4: read from the last name only, whatever the folders' length
    folders = "/".join(["Cours de linguistique " * 11] * 12)
    assert name_stem(f"{folders}/Chapitre 3.pdf") == "Chapitre 3"
    assert name_stem("a.b/TP3.tar.gz") == "TP3.tar" and name_stem("notes.d/README") == "README"
    assert name_stem("x/.notes") == ".notes" and name_stem("x/draft.") == "draft"
    assert name_stem("folder/") == ""
    assert PathWords([f"{folders}/DS-M2-104.md"]).write("DS-M2-104")


def test_path_words_read_a_word_without_its_elision() -> None:
    paths = PathWords(["Formations/attestation PSC1 Mme Garnier.png", "Equipe/annuaire.md"])
    assert paths.write("l'PSC1") and paths.write("d’annuaire")


def test_an_absent_word_after_an_elision_is_read_in_paths() -> None:
    # "l'annuaire" was kept whole: no path wrote it, so a reason said it was written nowhere
    terms = asked("Où est l'annuaire ?", [*PATHS, "Equipe/annuaire du personnel.md"])
    assert "l'annuaire" in terms.absent and terms.path_writes("l'annuaire")
