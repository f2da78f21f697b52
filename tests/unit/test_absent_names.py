"""An acronym or a name after a title that the corpus never writes, in any form it may have
written it, is a name it does not hold: the question is refused, claiming its absence (s34
trial n02 "Dr Lefebvre", n06 "BCG", n19 "l'AFGSU", each answered with another's line). Every
safer reading claims nothing (s34 review of a first attempt): an acronym the corpus spells out
in words, in either language's order, or with dots; a generic acronym ("URL" of a written
link); emphasis ("REQUIRED", "IMPÉRATIF"); a Roman numeral; a question in capitals; a word a
path writes; a titled name of which the corpus writes a word."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

from tests.small_corpora import assistant_over

from citeqa.abstention import NEVER_WRITES, never_written
from citeqa.corpus_initials import CorpusInitials
from citeqa.lexical import tokenize
from citeqa.path_words import PathWords
from citeqa.questions import QuestionTerms, Vocabulary, analyse

PATHS = [
    "Equipe/annuaire du personnel.md",
    "Formations/programme AFGSU.md",
    "Soins/vaccins.md",
    "Urbanisme/Plan de prévention des risques.md",
]
TEXTS = [
    "Dr Roussel : poste 201. Mme Garnier : poste 204, accueil. Dr Le Berre : poste 205.",
    "Mme Dupont assure le secrétariat le lundi et le mardi.",
    "Le vaccin ROR est fait à 12 mois puis entre 16 et 18 mois.",
    "Patients with chronic obstructive pulmonary disease showed fewer exacerbations.",
    "La broncho-pneumopathie chronique obstructive touche les fumeurs.",
    "Le plan local d'urbanisme limite la hauteur des constructions à 12 mètres.",
    "Le virus de l'immunodéficience humaine est dépisté au centre.",
    "Le cabinet est une S.C.M. au capital de 1 000 euros ; la consultation est à 30 euros T.T.C.",
    "Le site du cabinet est https://exemple.org/rendez-vous. Le casque est obligatoire à vélo.",
    "Le titre 3 du règlement fixe les horaires. Helmets are worn on the track by every rider.",
]


def asked(question: str) -> QuestionTerms:
    frequency: dict[str, int] = {}
    for text in TEXTS:
        for token in set(tokenize(text, "en")) | set(tokenize(text, "fr")):
            frequency[token] = frequency.get(token, 0) + 1
    vocabulary = Vocabulary(TEXTS, frequency, len(TEXTS), paths=PathWords(PATHS))
    return analyse(question, None, vocabulary)


def claimed(question: str) -> str | None:
    reason = never_written(asked(question), "fr")
    return reason.text if reason is not None and reason.claims_absence else None


def test_an_unwritten_titled_name_or_acronym_is_refused_as_never_written() -> None:
    prefix = NEVER_WRITES["fr"].split("{")[0]
    for question, name in (
        ("Quel est le poste du Dr Lemaire ?", "Lemaire"),
        ("À quel âge fait-on le vaccin BCG ?", "BCG"),
        ("Quel est le poste du Dr Le Gall ?", "Gall"),  # "Le" says nothing of the name
    ):
        text = claimed(question)
        assert text is not None and text.startswith(prefix) and f"“{name}”" in text, question


def test_an_acronym_after_an_elision_is_named_without_it() -> None:
    text = claimed("Qui a validé l'ECOS cette année ?")
    assert text is not None and "“ECOS”" in text and "l'ECOS" not in text


def test_an_acronym_the_corpus_spells_out_is_never_claimed_absent() -> None:
    for question in (
        "How are COPD patients treated?",  # chronic obstructive pulmonary disease
        "Qui touche la BPCO ?",  # broncho-pneumopathie chronique obstructive
        "Que limite le PLU ?",  # plan local d'urbanisme: the elided "d'" gives no initial
        "Où dépiste-t-on le HIV ?",  # virus de l'immunodéficience humaine, in French order
        "Quel est le capital de la SCM ?",  # S.C.M.
    ):
        assert claimed(question) is None, question


def test_generic_acronyms_emphasis_numerals_and_capitals_are_never_claimed_absent() -> None:
    for question in (
        "Quelle est l'URL du site du cabinet ?",  # a link is written, never "URL"
        "La consultation est-elle à 30 euros TTC ?",
        "What is the VAT on the consultation?",
        "Are helmets REQUIRED on the track?",  # emphasis, an English word
        "Le casque est-il IMPÉRATIF à vélo ?",  # emphasis, accented
        "Que fixe le titre III du règlement ?",  # a Roman numeral
        "QUEL EST LE POSTE DU DR LEMAIRE ?",  # written in capitals: no acronym
    ):
        assert claimed(question) is None, question


def test_a_name_a_path_writes_or_partly_written_is_never_claimed_absent() -> None:
    for question in (
        "Quand a lieu la formation AFGSU ?",  # a document's path writes it
        "Que prévoit le PPR ?",  # a path spells it out: "Plan de prévention des risques"
        "Quel jour travaille Mme Dupont-Martin ?",  # the corpus writes "Dupont"
        "Quel est le poste du Dr Roussel ?",  # written
        "À quel âge fait-on le ROR ?",
    ):
        assert claimed(question) is None, question
        assert never_written(asked(question), "fr") is None, question


def test_initials_never_straddle_punctuation_and_read_both_orders() -> None:
    initials = CorpusInitials.of(
        ["Chronic. Obstructive pulmonary disease", "Virus de l'immunodéficience humaine"]
    )
    assert not initials.spells("COPD") and initials.spells("OPD")
    assert initials.spells("VIH") and initials.spells("HIV")
    assert CorpusInitials.of(["La S. A. R. L. Martin"]).spells("SARL")


def test_the_assistant_refuses_an_unknown_doctor_and_answers_a_spelt_out_acronym(
    tmp_path: Path,
) -> None:
    files = {
        "annuaire.md": "# Annuaire\n\nDr Roussel : poste 201.\n\nDr Garnier : poste 204.\n",
        "etude.md": "# Study\n\nPatients with chronic obstructive\npulmonary disease showed a 12%"
        " reduction in exacerbations after inhaled therapy.\n",  # hard-wrapped
    }
    assistant = assistant_over(files, tmp_path / "c", tmp_path / "i")
    refused = assistant.ask("Quel est le poste du Dr Lefebvre ?")
    assert refused.abstained and refused.claims_absence
    assert (refused.reason or "").startswith(NEVER_WRITES["fr"].format(words="“Lefebvre”"))
    spelt = assistant.ask("What reduction in exacerbations did COPD patients show?")
    assert "COPD" not in (spelt.reason or "")
    assert not spelt.abstained and spelt.citations
    assert "12% reduction in exacerbations" in spelt.citations[0].quote


def test_initials_read_across_a_wrapped_line_but_not_a_blank_line_or_a_list_row() -> None:
    wrapped = CorpusInitials.of(
        [
            "Patients with chronic obstructive\npulmonary disease",
            "Le plan local\r\nd'urbanisme limite la hauteur",
            "Chronic obstruc-\ntive lung disease",
            "La broncho-\npneumopathie chronique obstructive",
        ]
    )
    assert wrapped.spells("COPD") and wrapped.spells("PLU")
    assert wrapped.spells("COLD")  # a word cut at the line's end joins
    assert wrapped.spells("BPCO")  # and a compound hyphenated there still gives two initials
    apart = CorpusInitials.of(["Acute renal\n\nfailure", "- Acute renal\n- failure", "x\n* y"])
    assert not apart.spells("ARF")


def test_french_and_german_words_in_capitals_are_emphasis_never_acronyms() -> None:
    for question in (
        "Le parking est-il PAYANT le samedi ?",
        "Le parking est-il gratuit SAUF le samedi ?",
        "Ist der Parkplatz NICHT kostenlos?",
    ):
        assert claimed(question) is None, question
    assert claimed("À quel âge fait-on le BCG ?") is not None  # an acronym still is one


def test_only_known_particles_join_a_title_to_a_name_and_no_acronym_is_a_name() -> None:
    for question in (
        "Que pense le Dr de la BPCO ?",  # spelt out: an acronym, never a titled name
        "Is the Dr on the VAT list?",  # "on the" are no particles; VAT is generic
        "Que dit Madame la Présidente ?",  # an office, no name
    ):
        assert claimed(question) is None, question
    for question, name in (
        ("Quel est le poste de Mme de La Fontaine ?", "Fontaine"),
        ("Quel est le poste du Dr van der Waals ?", "Waals"),
    ):
        text = claimed(question)
        assert text is not None and f"“{name}”" in text, question


def test_an_acronym_an_unread_files_name_writes_is_refused_never_claimed_absent(
    tmp_path: Path,
) -> None:
    files = {
        "annuaire.md": "# Annuaire\n\nSophie Leroux : infirmière, poste 203.\n",
        "Formations/attestation ECOS Leroux scan.png": "\x89PNG\r\n\x1a\n not text",
    }
    assistant = assistant_over(files, tmp_path / "c", tmp_path / "i")
    answer = assistant.ask("Quand expire l'ECOS de Sophie Leroux ?")
    assert "“ECOS”" not in (answer.reason or "")
    assert answer.abstained and not answer.claims_absence  # that file may hold it: no answer
    assert claimed("Quand expire l'ECOS de Sophie Leroux ?") is not None  # no such file there


class _HeldTexts:
    """Texts whose reading waits until `release` is set (another index still reading)."""

    def __init__(self) -> None:
        self.reading, self.release = threading.Event(), threading.Event()

    def __iter__(self) -> Iterator[str]:
        self.reading.set()
        self.release.wait()
        yield "Chronic obstructive pulmonary disease"


def test_one_index_reading_its_initials_holds_up_no_other() -> None:
    held = _HeldTexts()
    slow = Vocabulary(held, {}, 1, [], paths=PathWords(()))
    other = Vocabulary(["Chronic obstructive pulmonary disease"], {}, 1, paths=PathWords(()))
    first = threading.Thread(target=slow.spells, args=("COPD",))
    first.start()
    held.reading.wait()
    spelt: list[bool] = []
    second = threading.Thread(target=lambda: spelt.append(other.spells("COPD")))
    second.start()
    second.join(timeout=30)  # a deadlock's bound, not a speed: it returns at once or never
    answered_while_held = list(spelt)
    held.release.set()
    first.join()
    second.join()
    assert answered_while_held == [True]


def test_an_interjection_in_capitals_is_never_claimed_absent() -> None:
    for question in (
        "SOS : quel est le poste du Dr Roussel ?",
        "Mme Dupont, RDV le lundi ?",
        "AFAIK helmets are worn on the track, right?",
    ):
        assert claimed(question) is None, question


def test_an_acronym_written_only_glued_to_digits_is_never_claimed_absent() -> None:
    initials = CorpusInitials.of(["La référence CNIL2024-118 et la commande UGAP2024 ; B12"])
    assert initials.spells("CNIL") and initials.spells("UGAP")
    assert not initials.spells("REF") and not initials.spells("CNI")
    assert not CorpusInitials.of(["x CNIL2024"]).spells("NIL")  # a word's start only


def test_an_interjection_the_corpus_never_uses_is_no_term_unless_a_name_starts_with_it() -> None:
    def searched(question: str) -> set[str]:
        return {word for alternatives, _ in asked(question).own_terms for word in alternatives}

    for question, interjection in (
        ("SOS poste Dr Roussel", "sos"),
        ("FYI helmets worn on the track?", "fyi"),
    ):
        terms = asked(question)
        assert interjection not in searched(question), question
        assert not any(interjection in word.lower() for word in terms.absent), question
    assert "sos" in searched("Quel est le numéro de SOS Médecins ?")
    assert "SOS" in asked("Quel est le numéro de SOS Médecins ?").absent


def test_a_name_within_a_sentence_the_corpus_never_writes_is_refused_as_never_written() -> None:
    prefix = NEVER_WRITES["fr"].split("{")[0]
    for question, name in (
        ("Le cabinet est-il loin de Montbéliard ?", "Montbéliard"),
        ("Le plan vaut-il au sud d'Arpajon ?", "Arpajon"),
        ("Le vaccin est-il fait à Corbeil-Essonnes ?", "Corbeil-Essonnes"),
    ):
        text = claimed(question)
        assert text is not None and text.startswith(prefix) and name in text, question


def test_openers_english_words_numerals_titles_and_partly_written_names_are_no_names() -> None:
    for question in (
        "Montbéliard a-t-il un cabinet ?",  # opens the question
        "Le vaccin est fait. Montbéliard a-t-il un cabinet ?",  # opens a sentence
        "Le cabinet est-il ouvert à London ?",  # an English word ("Londres" in French)
        "Le titre date-t-il du Vème siècle ?",  # a century's numeral
        "Is The Clinic Open In Montbéliard?",  # a title: most words capitalised
        "Quand Quentin Roussel est-il au poste ?",  # the corpus writes "Roussel"
    ):
        assert claimed(question) is None, question
