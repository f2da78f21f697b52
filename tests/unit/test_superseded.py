"""Old copies of a file read from their paths (superseded.py), and how versions.py sets them
aside and warns of them."""

from __future__ import annotations

import pytest

from citeqa.models import Answer, Citation
from citeqa.superseded import Copy, copies, old_copies
from citeqa.versions import CorpusVersions, with_older_statement


def test_an_old_folder_or_word_makes_a_copy_old_when_a_current_one_is_beside_it() -> None:
    ids = [
        "Accounts/archive/savings_plan_2023",
        "Accounts/savings_plan_2024",
        "Home/lease_ancien",
        "Home/lease",
        "Trips/old/packing_list_v1",
        "Trips/packing_list_v2_final",
    ]
    assert old_copies(ids) == {
        "Accounts/archive/savings_plan_2023": "Accounts/savings_plan_2024",
        "Home/lease_ancien": "Home/lease",
        "Trips/old/packing_list_v1": "Trips/packing_list_v2_final",
    }


@pytest.mark.parametrize(
    "folder", ["old_versions", "Anciennes versions", "archives 2023", "OLD-2024"]
)
def test_an_old_folder_is_read_by_its_words_apart_from_separators_and_years(folder: str) -> None:
    ids = [f"Bank/{folder}/budget", "Bank/budget"]
    assert old_copies(ids) == {f"Bank/{folder}/budget": "Bank/budget"}


@pytest.mark.parametrize(
    "ids",
    [
        ["Taxes/notice_2024", "Taxes/notice_2025"],  # two years' papers, both current
        ["report", "report_v1"],  # a version beside an unmarked name: nothing tells
        ["archive/minutes", "board/minutes"],  # another folder's file of the same name
        ["old/quotas", "new/quotas"],
        ["Home/old/lease"],  # no current copy beside it
        # different years: a "final", signed or higher version never makes a later year old
        ["R/rapport_annuel_2024_final", "R/rapport_annuel_2025"],
        ["Bills/facture_2024_signee", "Bills/facture_2025"],
        ["Tax/declaration_2023_v2", "Tax/declaration_2024_v1"],
        ["Photos/IMG_2045", "Photos/IMG_2046_final"],  # photo numbers read as years
        ["Trips/trip_new_york", "Trips/trip_york"],  # an edition word inside the name
        ["Photos/walk_old_town_2023", "Photos/walk_town_2023"],
        ["Bank/old_town/budget", "Bank/budget"],  # a folder writing more than an old word
        ["Bank/2023/budget", "Bank/budget"],  # a year's folder
    ],
)
def test_a_name_alone_or_another_folder_makes_no_copy_old(ids: list[str]) -> None:
    assert old_copies(ids) == {}


def test_the_newest_of_several_editions_is_the_current_one() -> None:
    ids = ["plan_v1", "plan_v2", "plan_v3_definitif"]
    assert old_copies(ids) == {"plan_v1": "plan_v3_definitif", "plan_v2": "plan_v3_definitif"}


def _answer(doc_id: str, quote: str, lang: str = "fr") -> Answer:
    citation = Citation(
        n=1, doc_id=doc_id, title=doc_id, path=f"/d/{doc_id}.xlsx", start=0, end=len(quote),
        quote=quote, score=0.5,
    )  # fmt: skip
    return Answer(
        question="q", abstained=False, confidence=0.5, answer=quote, citations=[citation],
        passages=[], lang=lang,
    )  # fmt: skip


def test_a_folder_with_old_copies_only_sets_them_aside_and_names_the_current_file() -> None:
    ids = ["Bank/old/budget_2024_OLD", "Bank/budget_2025", "Bank/statement_2025"]
    versions = CorpusVersions.of(ids, lambda doc_id: doc_id)
    assert versions is not None
    assert [doc for doc in ids if versions.is_older(doc)] == ["Bank/old/budget_2024_OLD"]
    assert versions.unknown_note("Budget in v2?", "en") is None
    current = _answer("Bank/budget_2025", "| Groceries | 650 |")
    old = _answer("Bank/old/budget_2024_OLD", "| Groceries | 600 |")
    answer, note = with_older_statement(current, old, versions, 400, [frozenset({"groceri"})])
    assert [c.otherwise for c in answer.citations] == [False, True]
    assert note == (
        "[2] cite Bank/old/budget_2024_OLD.xlsx, ancienne version de Bank/budget_2025, qui"
        " l’énonce autrement ; la réponse cite Bank/budget_2025."
    )
    only = versions.only_older_note(old.citations[0], "en")
    assert only == (
        "Answered from Bank/old/budget_2024_OLD.xlsx, an older copy of Bank/budget_2025:"
        " nothing in Bank/budget_2025 answers it."
    )
    assert CorpusVersions.of(["Bank/budget_2024", "Bank/budget_2025"], str) is None


def test_a_download_duplicate_or_an_export_is_a_copy_of_the_original() -> None:
    ids = [
        "Taxes/notice_2025",
        "Taxes/notice_2025 (1)",
        "Taxes/Copy of notice_2025",
        "School/trip",
        "School/trip.pdf",
        "Budget/plan",  # a PDF that took the plain id beside its spreadsheet's
        "Budget/plan.xlsx",
        "Bills/invoice (1)",  # no "invoice" beside it: no copy
    ]
    assert copies(ids) == {
        "Taxes/notice_2025 (1)": Copy("Taxes/notice_2025", True),
        "Taxes/Copy of notice_2025": Copy("Taxes/notice_2025", True),
        "School/trip.pdf": Copy("School/trip", True),
        "Budget/plan": Copy("Budget/plan.xlsx", True),
    }


def test_a_duplicate_by_its_name_whose_text_differs_is_its_own_document() -> None:
    texts = {
        "Tax/avis": "Montant à payer : 1 250 €",
        "Tax/avis (1)": "Avis rectificatif. Montant à payer : 980 €",
        "Trip/sortie": "Départ 8 h 30.\n- Retour 17 h",
        "Trip/sortie.pdf": "Départ 8 h 30. • Retour\n17 h\n",  # an export: same words
    }
    found = copies(texts, texts.__getitem__)
    assert found == {"Trip/sortie.pdf": Copy("Trip/sortie", True)}
    versions = CorpusVersions.of(texts, str, text_of=texts.__getitem__)
    assert versions is not None and not versions.is_older("Tax/avis (1)")
    assert CorpusVersions.of(["Tax/avis", "Tax/avis (1)"], str, text_of=texts.__getitem__) is None


def test_the_current_file_of_a_copy_the_search_ranked_alone_is_fetched_and_named() -> None:
    ids = ["Taxes/notice_2025", "Taxes/notice_2025 (1)", "Taxes/notice_2024"]
    versions = CorpusVersions.of(ids, str)
    assert versions is not None and versions.is_older("Taxes/notice_2025 (1)")
    assert versions.counterparts(iter(["Taxes/notice_2025 (1)"]), None) == ["Taxes/notice_2025"]
    assert versions.counterparts(["Taxes/notice_2025 (1)", "Taxes/notice_2025"], None) == []
    same = _answer("Taxes/notice_2025", "Income tax: 4 632 €")
    duplicate = _answer("Taxes/notice_2025 (1)", "Income tax: 4 632 €")
    assert with_older_statement(same, duplicate, versions, 400, [frozenset({"tax"})]) == (
        same,
        None,
    ), "the same text: no warning"
    pdf = duplicate.citations[0].model_copy(
        update={"doc_id": "School/trip.pdf", "path": "/d/School/trip.pdf"}
    )
    trip = CorpusVersions.of(["School/trip", "School/trip.pdf"], str)
    assert trip is not None
    assert trip.only_older_note(pdf, "en") == (
        "Answered from School/trip.pdf, a copy of School/trip: nothing in School/trip answers it."
    )


def test_set_aside_copies_are_read_only_when_they_may_add_a_quote() -> None:
    ids = ["Bank/old/budget_2024_OLD", "Bank/budget_2025", "Tax/notice", "Tax/notice (1)"]
    versions = CorpusVersions.of(ids, str)
    assert versions is not None
    lease = _answer("Home/lease", "Rent: 1 050 €")
    assert not versions.may_add(lease, ["Bank/old/budget_2024_OLD", "Tax/notice (1)"])
    budget = _answer("Bank/budget_2025", "| Groceries | 650 |")
    assert versions.may_add(budget, ["Tax/notice (1)", "Bank/old/budget_2024_OLD"])
    refused = lease.model_copy(update={"abstained": True, "citations": []})
    assert versions.may_add(refused, ["Tax/notice (1)"])


def test_a_copy_of_a_copy_names_the_original() -> None:
    """'avis (1) (1)' was the copy of 'avis (1)', itself set aside (s27 re-read)."""
    found = copies(["Impots/avis", "Impots/avis (1)", "Impots/avis (1) (1)"])
    assert {doc_id: copy.current for doc_id, copy in found.items()} == {
        "Impots/avis (1)": "Impots/avis",
        "Impots/avis (1) (1)": "Impots/avis",
    }


def _pairwise_old_copies(ids: list[str]) -> dict[str, str]:
    """old_copies as first written: every edition compared with every other, then the newest
    of those newer found by comparing every pair of them (the reference of the fast one)."""
    from citeqa import superseded

    editions: dict[object, list[tuple[str, superseded._Name]]] = {}
    for doc_id in ids:
        name = superseded._read_name(doc_id)
        if name is not None:
            editions.setdefault(name.key, []).append((doc_id, name))
    found = {}
    for group in editions.values():
        for doc_id, name in group:
            newer = [(other, theirs) for other, theirs in group if name.older_than(theirs)]
            maximal = [
                other
                for other, theirs in newer
                if not any(theirs.older_than(them) for _, them in newer)
            ]
            if newer:
                found[doc_id] = maximal[0] if maximal else newer[0][0]
    return found


def test_old_copies_names_the_same_newest_edition_as_comparing_every_pair() -> None:
    import random

    chooser = random.Random(28)
    marks = ["", "_old", "_final", "_draft", "_signed"]
    for _ in range(300):
        ids = list(
            dict.fromkeys(
                f"{chooser.choice(['', 'old/'])}plan{chooser.choice(marks)}"
                f"{chooser.choice(['', '_2023', '_2024', '_2025'])}"
                f"{chooser.choice(['', '_v1', '_v2', '_v3', '_v10'])}"
                for _ in range(chooser.randint(2, 12))
            )
        )
        assert old_copies(ids) == _pairwise_old_copies(ids), ids


def test_many_versions_of_one_name_are_not_compared_pair_by_pair(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """s27 re-read: 399 versions of one file took 1.3 s (every edition against every pair of
    those newer); the classes of editions are compared, not the editions."""
    from citeqa import superseded

    calls = 0
    compare = superseded._Name.older_than

    def counted(self: superseded._Name, other: superseded._Name) -> bool:
        nonlocal calls
        calls += 1
        return compare(self, other)

    monkeypatch.setattr(superseded._Name, "older_than", counted)
    ids = [f"notes/plan_v{n}" for n in range(1, 400)]
    found = old_copies(ids)
    assert found == {doc_id: "notes/plan_v399" for doc_id in ids[:-1]}
    assert calls < 100
