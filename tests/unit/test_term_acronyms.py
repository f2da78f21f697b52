"""Acronyms of terms written in lower case (term_acronyms.py): "AG" for "assemblée générale",
"CA" for "conseil d'administration", "AGM" for "annual general meeting", counted only in a
document that also writes those initials in capitals (its text or its file name), chosen only
when one form clearly dominates and is no piece of a longer term."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from citeqa.acronyms import AcronymCounts
from citeqa.term_acronyms import chosen_terms, document_terms, written_initials

MINUTES = (
    "L'assemblée générale a élu le conseil d'administration. Le conseil d'administration se\n"
    "réunit après l'assemblée générale. The annual general meeting was held in June; the\n"
    "annual general meeting approved the accounts."
)


def forms(text: str, name: str = "") -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for key in document_terms(text, name):
        acronym, _, form = key.partition("\t")
        found.setdefault(acronym, set()).add(form)
    return found


def test_a_document_writing_a_terms_initials_spells_it_out() -> None:
    # s30: the initials are written beside the forms at least once (one sentence)
    named = " L'assemblée générale (AG), le conseil d'administration (CA), the annual general"
    found = forms(MINUTES + named + " meeting (AGM) or AG.")
    assert found["AG"] == {"assemblee generale", "annual general"}  # the build picks one
    assert found["CA"] == {"conseil d'administration"}  # an elided letter gives no initial
    assert "annual general meeting" in found["AGM"]


def test_its_file_name_writes_initials_too() -> None:
    assert forms(MINUTES) == {}
    assert forms(MINUTES, "PV_AG_2025-06-14") == {"AG": {"assemblee generale", "annual general"}}


def test_runs_stop_at_stopwords_capitalised_words_digits_and_line_ends() -> None:
    text = (
        "SD CN BA AG: the sender and delete, cases of neonatal care; le budget Annuel; "
        "assemblée\ngénérale, assemblée 2026 générale"
    )
    assert forms(text) == {}


def test_written_initials_are_words_in_capitals_of_two_to_six_letters() -> None:
    written = written_initials("L'AG du CA, the AGM and NASA; not A, Ag nor CONVOCATION.")
    assert written == {"AG", "AGM", "CA", "NASA"}
    assert written_initials("", "convocation_AG_2025") == {"AG"}


def counted(*documents: dict[str, int]) -> AcronymCounts:
    counts = AcronymCounts()
    for document in documents:
        counts.add(document)
    return counts


def never_written(_: str) -> int:
    return 0


def test_two_forms_of_one_acronym_written_alike_give_none() -> None:
    counts = counted({"CA\tconseil d'administration": 9, "CA\tchiffre d'affaires": 6})
    assert chosen_terms(counts, set(), never_written) == []
    counts.add({"CA\tconseil d'administration": 9})
    assert chosen_terms(counts, set(), never_written) == [["CA", "conseil d'administration"]]


def test_a_piece_of_a_longer_term_is_not_chosen() -> None:
    counts = counted({"MI\tmass index": 10, "BMI\tbody mass index": 9})
    assert chosen_terms(counts, set(), never_written) == [["BMI", "body mass index"]]


def test_a_rare_form_one_already_taken_or_one_written_less_than_its_acronym_is_not_chosen() -> None:
    assert chosen_terms(counted({"AG\tassemblee generale": 2}), set(), never_written) == []
    counts = counted({"AGM\tannual general meeting": 8})
    assert chosen_terms(counts, {"AGM"}, never_written) == []
    assert chosen_terms(counts, set(), lambda word: 9) == []
    assert chosen_terms(counts, set(), never_written) == [["AGM", "annual general meeting"]]


def test_initials_the_text_writes_apart_from_every_form_give_none() -> None:
    """s30 review A: "CA" (California) was spelt out "customer accounts", a sentence apart."""
    text = "Orders to CA ship free. Customer accounts are reviewed monthly.\n" * 3
    assert forms(text) == {}
    assert forms(text + "Customer accounts (CA) are audited.") == {"CA": {"customer accounts"}}


def test_a_file_names_initials_the_text_writes_apart_give_none() -> None:
    """A language code in a file name ("guide_FR.md") the text writes as a label elsewhere."""
    text = "FR: version française.\nLes fichiers récents sont listés. Les fichiers récents."
    assert forms(text, "guide_FR") == {}


def test_a_documents_initials_are_read_once_not_once_a_sentence(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """s31 hostile probe F3: the prefixes of every initial the document writes were rebuilt for
    each sentence (sentences x initials: a 509 KB glossary of 5,000 acronyms took 476 s)."""
    from citeqa import term_acronyms

    reads = [0]

    class Counted(frozenset[str]):
        def __iter__(self) -> Iterator[str]:
            reads[0] += 1
            return super().__iter__()

    written = term_acronyms.written_initials
    monkeypatch.setattr(term_acronyms, "written_initials", lambda *args: Counted(written(*args)))
    sentences = 200
    text = "The annual general meeting (AGM) was held. " * sentences
    counts = document_terms(text, "minutes.md")
    assert counts["AGM\tannual general meeting"] == sentences
    assert reads[0] <= 2
