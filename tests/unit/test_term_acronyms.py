"""Acronyms of terms written in lower case (term_acronyms.py): "AG" for "assemblée générale",
"CA" for "conseil d'administration", "AGM" for "annual general meeting", chosen only where the
corpus writes those initials in capitals and one form clearly dominates."""

from __future__ import annotations

from citeqa.acronyms import AcronymCounts
from citeqa.term_acronyms import chosen_terms, document_terms, written_initials

MINUTES = (
    "L'assemblée générale a élu le conseil d'administration. Le conseil d'administration se\n"
    "réunit après l'assemblée générale. The annual general meeting was held in June; the\n"
    "annual general meeting approved the accounts."
)


def forms(text: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for key in document_terms(text):
        acronym, _, form = key.partition("\t")
        found.setdefault(acronym, set()).add(form)
    return found


def test_a_term_a_document_repeats_gives_its_initials_elisions_and_stopwords_none() -> None:
    found = forms(MINUTES)
    assert "assemblee generale" in found["AG"]
    assert "conseil d'administration" in found["CA"]
    assert "annual general meeting" in found["AGM"]


def test_a_term_written_once_counts_only_where_its_document_writes_its_initials() -> None:
    once = "Le conseil d'administration se réunit demain."
    assert "CA" not in forms(once)
    assert "CA" in forms(once + " Le CA vote.")


def test_runs_stop_at_capitalised_words_capitals_digits_and_line_ends() -> None:
    text = (
        "le budget Annuel le budget Annuel; plan 2026 plan 2026 "
        "assemblée\ngénérale assemblée\ngénérale"
    )
    found = forms(text)
    assert "BA" not in found and "AG" not in found


def test_written_initials_are_words_in_capitals_of_two_to_six_letters() -> None:
    written = written_initials("L'AG du CA, the AGM and NASA; not A, Ag nor CONVOCATION.")
    assert written == {"AG": 1, "AGM": 1, "CA": 1, "NASA": 1}


def counted(*documents: dict[str, int]) -> AcronymCounts:
    counts = AcronymCounts()
    for document in documents:
        counts.add(document)
    return counts


def never_written(_: str) -> int:
    return 0


def test_an_acronym_is_chosen_only_when_the_corpus_writes_it_in_capitals() -> None:
    counts = counted({"AG\tassemblee generale": 12, "CA\tconseil d'administration": 9})
    chosen = chosen_terms(counts, {"AG": 1}, set(), never_written)
    assert chosen == [["AG", "assemblee generale"]]


def test_two_forms_of_one_acronym_written_alike_give_none() -> None:
    counts = counted({"CA\tconseil d'administration": 9, "CA\tchiffre d'affaires": 6})
    assert chosen_terms(counts, {"CA": 2}, set(), never_written) == []
    counts.add({"CA\tconseil d'administration": 9})
    assert chosen_terms(counts, {"CA": 2}, set(), never_written) == [
        ["CA", "conseil d'administration"]
    ]


def test_a_rare_form_one_already_taken_or_one_written_less_than_its_acronym_is_not_chosen() -> None:
    rare = counted({"AG\tassemblee generale": 2})
    assert chosen_terms(rare, {"AG": 1}, set(), never_written) == []
    counts = counted({"AGM\tannual general meeting": 8})
    assert chosen_terms(counts, {"AGM": 1}, {"AGM"}, never_written) == []
    assert chosen_terms(counts, {"AGM": 9}, set(), lambda word: 9) == []
