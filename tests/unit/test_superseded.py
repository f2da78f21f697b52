"""Old copies of a file read from their paths (superseded.py), and how versions.py sets them
aside and warns of them."""

from __future__ import annotations

import itertools

import pytest

from citeqa.models import Answer, Chunk, Citation, Hit
from citeqa.superseded import Copy, copies, earlier_periods, old_copies, replaced
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


def test_an_edition_number_of_four_digits_or_more_is_an_edition() -> None:
    """s32 hostile F7: "budget_v1000" was no edition, so "budget_v999" was taken as current."""
    ids = ["budget_v998", "budget_v999", "budget_v1000", "budget_v1024"]
    assert old_copies(ids) == dict.fromkeys(ids[:3], "budget_v1024")


def test_a_name_writing_no_version_is_the_first_edition_of_a_second_one() -> None:
    """s28 trial: 'fiche_sortie_londres' beside '_v2' was no pair; its 420 € was quoted."""
    ids = [
        "Sortie/fiche_sortie_londres",
        "Sortie/fiche_sortie_londres_v2",
        "Notes/compte rendu",
        "Notes/compte rendu version 3",
        "Plan/plan",
        "Plan/plan_version-2",
        "Home/lease",
        "Home/lease_v1",  # two first editions: nothing tells which is newer
    ]
    assert old_copies(ids) == {
        "Sortie/fiche_sortie_londres": "Sortie/fiche_sortie_londres_v2",
        "Notes/compte rendu": "Notes/compte rendu version 3",
        "Plan/plan": "Plan/plan_version-2",
    }


def test_a_document_stating_it_replaces_another_of_its_name_makes_that_one_old() -> None:
    texts = {
        "Trip/fiche": "Coût : 420 €. Version du 2 octobre 2025.",
        "Trip/fiche_decembre": "Coût : 465 €.",  # another name: never read as an edition
        "Trip/fiche_2025": "Coût : 465 €. Version du 20 octobre, remplace la version du 2 octobre.",
        "Rules/reglement": "Règlement intérieur.",
        "Rules/reglement_v3": "Ce règlement annule et remplace la version 2.",
        "Policy/leave": "Leave policy. This version supersedes the version of 3 March.",
        "Policy/leave_final": "Leave policy, final.",  # newer by its name: not replaced
        "Bills/facture_2024": "Facture 2024.",
        "Bills/facture_2025": "Facture 2025: replaces nothing.",
    }
    assert replaced(list(texts), texts.__getitem__) == {
        "Trip/fiche": "Trip/fiche_2025",
        "Rules/reglement": "Rules/reglement_v3",
    }
    found = copies(texts, texts.__getitem__)
    assert found == {
        "Trip/fiche": Copy("Trip/fiche_2025", False),
        "Rules/reglement": Copy("Rules/reglement_v3", False),  # by its name
        "Policy/leave": Copy("Policy/leave_final", False),  # by its name
        # no replacing cue: a dated series, the earlier year's paper only labelled (s29)
        "Bills/facture_2024": Copy("Bills/facture_2025", False, True),
    }
    long_text = "Version du 20 octobre, remplace la version du 2 octobre." + " Texte." * 2000
    both = {"A/fiche": "Coût : 420 €.", "A/fiche_2025": long_text}
    assert replaced(list(both), both.__getitem__) == {"A/fiche": "A/fiche_2025"}
    assert replaced(list(both), lambda doc_id: " Texte." * 2000 + both[doc_id] + " x" * 2000) == {}


@pytest.mark.parametrize(
    "texts",
    [
        {  # an amendment replaces an article, not the lease
            "Home/avenant": "Avenant 1 : loyer 850 €.",
            "Home/avenant_2025": "Le présent avenant annule et remplace l'article 3 du bail.",
        },
        {
            "Home/bail": "Bail.",
            "Home/bail_2025": "La clause 4 remplace celle de l'article 5 du bail.",
        },
        {
            "Mail/courrier": "Courrier.",
            "Mail/courrier_2025": "Ce courrier remplace le document provisoire.",
        },
        {  # two years' papers are both current
            "Impots/avis_2024": "Avis 2024.",
            "Impots/avis_2025": "Le présent avis annule et remplace la version du 3 mai.",
        },
    ],
)
def test_a_cue_naming_no_edition_or_another_years_makes_no_copy(texts: dict[str, str]) -> None:
    """Review C: amendments and other documents' "remplace" hid current files."""
    assert replaced(list(texts), texts.__getitem__) == {}


def test_an_unversioned_name_is_a_first_edition_only_when_the_texts_overlap() -> None:
    """Review C: a recipe's "notes_v2" hid minutes' "notes" as an old copy."""
    texts = {
        "Home/notes": "# Notes de réunion copropriété\nLe ravalement coûtera 48 000 €.",
        "Home/notes_v2": "# Notes — recettes de cuisine\nLa pâte à crêpes demande 250 g.",
        "Trip/fiche": "Fiche de sortie à Londres\nCoût : 420 €. Acompte avant le 12 décembre.",
        "Trip/fiche_v2": "Fiche de sortie à Londres (mise à jour)\nCoût : 465 €. Acompte avant"
        " le 19 décembre.",
        "Plan/plan": "Menu",  # the same words: two editions
        "Plan/plan_v2": "Menu\nSoupe.",
        # s28 review F: a one-word title shared by minutes and a recipe tells nothing
        "Flat/notes": "Notes\nRéunion du 3 mars : le ravalement coûtera 48 000 €.",
        "Flat/notes_v2": "Notes\nCrêpes : 250 g de farine, 4 œufs et un demi-litre de lait.",
    }
    assert copies(texts, texts.__getitem__) == {
        "Trip/fiche": Copy("Trip/fiche_v2", False),
        "Plan/plan": Copy("Plan/plan_v2", False),
    }
    assert "Home/notes" in copies(texts), "without texts, the names alone"


def test_a_draft_v0_is_an_old_copy_of_a_later_edition() -> None:
    """Review C: "v0" was read as "v1", the first edition, and never set aside."""
    assert old_copies(["plan_v0", "plan_v1"]) == {"plan_v0": "plan_v1"}
    assert old_copies(["plan_v0", "plan"]) == {"plan_v0": "plan"}
    assert old_copies(["plan_v1", "plan"]) == {}


def test_the_current_file_takes_its_old_copys_place_among_the_passages() -> None:
    """s28 trial: with the old trip form set aside, a mail saying nothing of the deposit ranked
    above the updated form, by a hair, and was quoted ("sortie londre acompte")."""
    ids = ["Trip/fiche", "Trip/fiche_v2", "Mail/validation", "Other/notes"]
    versions = CorpusVersions.of(ids, str)
    assert versions is not None
    order = ["Trip/fiche", "Mail/validation", "Other/notes", "Trip/fiche_v2", "Trip/fiche_v2"]
    hits = [_hit(doc_id, rank) for rank, doc_id in enumerate(order)]
    first, after = versions.arrangement("acompte ?", 2)(hits)
    assert [(h.chunk.doc_id, h.chunk_index) for h in first] == [
        ("Trip/fiche_v2", 3),
        ("Mail/validation", 1),
        ("Other/notes", 2),
        ("Trip/fiche_v2", 4),
    ]
    assert [h.chunk.doc_id for h in after] == ["Trip/fiche"]
    below = [
        _hit(doc, n) for n, doc in enumerate(["Mail/validation", "Trip/fiche", "Trip/fiche_v2"])
    ]
    first, _ = versions.arrangement("acompte ?", 2)(below)
    assert [h.chunk.doc_id for h in first] == ["Mail/validation", "Trip/fiche_v2"]


def _hit(doc_id: str, rank: int) -> Hit:
    chunk = Chunk(chunk_id=f"{doc_id}-{rank}", doc_id=doc_id, start=rank, end=rank + 1, text="x")
    return Hit(chunk=chunk, chunk_index=rank, score=1.0 - rank / 10)


def test_a_question_writing_an_old_copys_year_reads_it_as_current() -> None:
    """A user's archive by year stays answerable: "what was the 2024 budget?"."""
    ids = ["Bank/old/budget_2024_OLD", "Bank/budget_2025", "notes (1)", "notes"]
    versions = CorpusVersions.of(ids, str)
    assert versions is not None

    def kept(question: str) -> list[str]:
        return [doc for doc in ids if versions.arrangement(question, 2).kept(doc)]

    current = ["Bank/budget_2025", "notes"]
    assert kept("courses par mois ?") == current
    assert kept("courses par mois en 2025 ?") == current
    assert kept("courses par mois en 2024 ?") == ["Bank/old/budget_2024_OLD", *current]
    assert kept("notes 1") == current, "a duplicate is never asked for by a year"


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
        "Menu/menu_cafe",
        "Menu/menu_cafe (copie)",  # GNOME Files, French
        "Menu/menu_cafe (2e copie)",
        "Menu/menu_cafe copy 2",  # macOS
        "Rota/rota (another copy)",
        "Rota/rota",
        "Rota/photocopy",  # a word ending in "copy" beside no "photo": no copy
    ]
    assert copies(ids) == {
        "Menu/menu_cafe (copie)": Copy("Menu/menu_cafe", True),
        "Menu/menu_cafe (2e copie)": Copy("Menu/menu_cafe", True),
        "Menu/menu_cafe copy 2": Copy("Menu/menu_cafe", True),
        "Rota/rota (another copy)": Copy("Rota/rota", True),
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
                f"{chooser.choice(['', '_v0', '_v1', '_v2', '_v3', '_v10'])}"
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


def test_school_years_folders_hold_two_years_papers_both_current() -> None:
    """Review C: a past school year's file was set aside, and with it what only it holds
    ("Combien a coûté la classe de neige ?")."""
    ids = [
        "2024-2025/emploi_du_temps_2024-2025",
        "Cours 2025-2026/Administratif/emploi_du_temps_2025-2026",
        "Budget/budget_2023_24",
        "Budget/budget_2024_25",
    ]
    assert copies(ids, lambda doc_id: "") == {}


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Statuts de l'association.", "Statuts. Ces statuts remplacent ceux du 22 juin 2019."),
        ("Règlement.", "Le présent règlement annule et remplace celui de 2019."),
        ("Club rules.", "Club rules. These rules replace those of 2019."),
        ("Club rules.", "Club rules. This text supersedes the 2019 edition."),
        ("Club rules.", "Club rules. It supersedes the March 2019 version."),
    ],
)
def test_a_cue_naming_the_other_editions_year_replaces_it_across_years(old: str, new: str) -> None:
    """s29 trial: "Ces statuts remplacent ceux du 22 juin 2019" did not make statuts_2019 an
    old copy of statuts_2024 (a plural verb, "ceux du", and two years' names)."""
    texts = {"Statuts/statuts_2019": old, "Statuts/statuts_2024": new}
    assert replaced(list(texts), texts.__getitem__) == {
        "Statuts/statuts_2019": "Statuts/statuts_2024"
    }
    assert copies(texts, texts.__getitem__)["Statuts/statuts_2019"] == Copy(
        "Statuts/statuts_2024", False
    )
    other_year = {"Statuts/statuts_2017": old, "Statuts/statuts_2024": new}
    assert replaced(list(other_year), other_year.__getitem__) == {}, "another year is named"


def test_a_folder_naming_only_a_period_holds_an_earlier_period_of_a_dated_series() -> None:
    """s29 trial: "2024-2025/adherents_2024-2025" beside "adherents_2025-2026" were two current
    papers: last season's row was quoted for "a-t-il réglé sa cotisation ?"."""
    members = "| Nom | Prénom | Cotisation |\n| Dupont | Théo | {} |\n| Martin | Lucas | oui |"
    texts = {
        "Club/2024-2025/adherents_2024-2025": members.format("oui"),
        "Club/adherents_2025-2026": members.format("non"),
        "Club/saison 2023-24/adherents": members.format("oui"),
        "Club/comptes_2023-2024": "| Poste | Montant |\n| Location | 3300 |",
        "Club/comptes_2024-2025": "| Poste | Montant |\n| Location | 3400 |",
        "Club/archives/2024-2025/planning_2024-2025": "Planning U11 mercredi",
        "Club/planning_2025-2026": "Planning U13 mercredi",
        "Photos/IMG_2045": "",  # photo numbers read as years, no text shared
        "Photos/IMG_2046": "",
    }
    assert copies(texts, texts.__getitem__) == {
        "Club/2024-2025/adherents_2024-2025": Copy("Club/adherents_2025-2026", False, True),
        "Club/saison 2023-24/adherents": Copy("Club/adherents_2025-2026", False, True),
        "Club/comptes_2023-2024": Copy("Club/comptes_2024-2025", False, True),
        # an old folder above a period's: an old copy (the period broke the folder's key)
        "Club/archives/2024-2025/planning_2024-2025": Copy("Club/planning_2025-2026", False),
    }


@pytest.mark.parametrize(
    "ids",
    [
        ["2024-01/rapport", "2024-02/rapport_final"],
        ["2023-12/compte_rendu", "2024-01/compte_rendu"],
        ["Club/2019 05/bilan", "Club/2019 06/bilan_v2"],
    ],
)
def test_a_year_month_folder_is_no_period(ids: list[str]) -> None:
    """Review D of s29: "2024-01/" was read as a season folder, left out of the folder the
    editions share, and January's report became an old copy of February's. A period's second
    number is the next year ("2024-25"); a month's is not."""
    text = "| Poste | Montant |\n| Location | 3300 |"
    assert copies(ids, lambda doc_id: text) == {}


@pytest.mark.parametrize("folder", ["1999-00", "2024 2025", "saison 2024-25", "exercice 2024"])
def test_a_period_folder_written_with_the_next_year_is_still_a_period(folder: str) -> None:
    ids = [f"Club/{folder}/adherents", "Club/adherents_2030-2031"]
    text = "| Nom | Cotisation |\n| Dupont | oui |"
    assert copies(ids, lambda doc_id: text)[ids[0]] == Copy(ids[1], False, True)


def test_the_latest_period_is_read_first_and_an_earlier_one_answers_labelled() -> None:
    texts = {
        "Club/2024-2025/adherents_2024-2025": "| Dupont | Théo | 120 € |",
        "Club/adherents_2025-2026": "| Dupont | Théo | 135 € |",
    }
    ids = list(texts)
    versions = CorpusVersions.of(ids, str, text_of=texts.__getitem__)
    assert versions is not None

    def kept(question: str) -> list[str]:
        return [doc for doc in ids if versions.arrangement(question, 2).kept(doc)]

    assert kept("Théo Dupont a-t-il réglé sa cotisation ?") == ["Club/adherents_2025-2026"]
    assert kept("Théo Dupont a-t-il réglé sa cotisation en 2024-2025 ?") == ids
    hits = [_hit(ids[1], 0), _hit(ids[0], 1)]
    aside = versions.arrangement("Théo Dupont a-t-il réglé sa cotisation ?", 2).set_aside(hits)
    assert [h.chunk.doc_id for h in aside] == [ids[0]]
    named = versions.arrangement("Théo Dupont a-t-il réglé en 2025-2026 ?", 2).set_aside(hits)
    assert named == [], "the latest period asked: the earlier one's is no other statement"
    old = _answer(ids[0], "| Dupont | Théo | 120 € |")
    assert not versions.current_was_read(ids[0], [ids[1]]), "what only it holds stays answerable"
    assert versions.only_older_note(old.citations[0], "fr") == (
        "Réponse tirée de Club/2024-2025/adherents_2024-2025.xlsx, d’une période antérieure à"
        " Club/adherents_2025-2026 : rien dans Club/adherents_2025-2026 n’y répond."
    )
    current = _answer(ids[1], "| Dupont | Théo | 135 € |")
    answer, note = with_older_statement(current, old, versions, 400, [frozenset({"dupont"})])
    assert [c.otherwise for c in answer.citations] == [False, True]
    assert note is not None and "[2] cite Club/2024-2025/adherents_2024-2025.xlsx, d’une" in note


@pytest.mark.parametrize(
    ("ids", "expected"),
    [
        (["Bank/budget", "Bank/budget_2019_final"], {}),
        (["Bank/budget", "Bank/budget_2019_v2"], {}),
        (["Bank/budget_final", "Bank/budget_2019"], {}),
        (["Bank/budget_OLD", "Bank/budget_2025"], {"Bank/budget_OLD": "Bank/budget_2025"}),
        (["Bank/old/budget_2019", "Bank/budget"], {"Bank/old/budget_2019": "Bank/budget"}),
    ],
)
def test_an_undated_name_beside_a_dated_one_is_older_only_by_its_old_mark(
    ids: list[str], expected: dict[str, str]
) -> None:
    """s29 probe F2: "budget_2019_final" (480 €) was taken as the current edition of the living,
    undated "budget" (650 €): "final" or a version never outranks a name writing no year."""
    assert old_copies(ids) == expected
    assert {doc_id: copy.current for doc_id, copy in copies(ids, lambda _: "Budget").items()} == (
        expected
    )


def test_old_copies_of_many_years_and_marks_match_comparing_every_pair() -> None:
    """The newest of each year are read once (s29 probe F1): editions of many years, undated
    ones, old folders and marks still name the editions comparing every pair named."""
    import random

    chooser = random.Random(29)
    marks = ["", "_old", "_final", "_old_final", "_draft"]
    for _ in range(300):
        ids = list(
            dict.fromkeys(
                f"{chooser.choice(['', '', 'old/'])}budget"
                f"{chooser.choice(['', *(f'_{year}' for year in range(2018, 2026))])}"
                f"{chooser.choice(marks)}{chooser.choice(['', '', '_v0', '_v1', '_v2', '_v7'])}"
                for _ in range(chooser.randint(2, 30))
            )
        )
        assert old_copies(ids) == _pairwise_old_copies(ids), ids


def test_many_years_and_marks_of_one_name_are_not_compared_kind_by_kind(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """s29 probe F1: 801 editions of one name, 200 years each plain, old, final and both, took
    16 s at every question (every kind of edition against every pair of kinds newer)."""
    from citeqa import superseded

    calls = 0
    compare = superseded._Name.older_than

    def counted(self: superseded._Name, other: superseded._Name) -> bool:
        nonlocal calls
        calls += 1
        return compare(self, other)

    monkeypatch.setattr(superseded._Name, "older_than", counted)
    marks = ("", "_old", "_final", "_old_final")
    ids = [f"Bank/budget_{year}{mark}" for year in range(1900, 2000) for mark in marks]
    found = old_copies([*ids, "Bank/budget"])
    assert found["Bank/budget_1999_old"] == "Bank/budget_1999_final"
    assert found["Bank/budget_1900_old_final"] == "Bank/budget_1900_final"
    assert "Bank/budget" not in found and "Bank/budget_1950_final" not in found
    assert calls < 100


def test_a_dated_series_reads_each_text_once() -> None:
    """s29 mend: 100 editions of one year beside 100 of the next read and folded both texts at
    each of 10 000 comparisons (34 s when no two texts share their words)."""
    from citeqa.superseded import earlier_periods

    ids = [f"Reports/report_{year}_v{n}" for year in (2023, 2024) for n in range(1, 21)]
    reads: list[str] = []

    def text_of(doc_id: str) -> str:
        reads.append(doc_id)
        return " ".join(f"w{ids.index(doc_id)}x{n}" for n in range(10))

    assert earlier_periods(ids, text_of) == {}
    assert sorted(reads) == sorted(ids)
    shared = earlier_periods(ids, lambda doc_id: "Annual report of the club, every year alike")
    assert shared == {doc_id: "Reports/report_2024_v1" for doc_id in ids[:20]}


@pytest.mark.parametrize(
    "ids",
    [
        ["Bank/budget v10 v2", "Bank/budget v3"],
        ["Bank/budget v2 v3 v10", "Bank/budget v4"],
        ["Bank/budget version 10 v2", "Bank/budget v3"],
    ],
)
def test_a_name_writing_two_versions_is_no_edition_of_either(ids: list[str]) -> None:
    """s29 probe F8: "budget v10 v2" was read by its last version and set aside as older than
    "budget v3"; a name writing two versions neither is set aside nor sets one aside."""
    assert old_copies(ids) == {}


def test_a_name_writing_its_version_twice_is_of_that_version() -> None:
    assert old_copies(["Bank/budget v2 v2", "Bank/budget v3"]) == {
        "Bank/budget v2 v2": "Bank/budget v3"
    }


def test_a_file_name_is_read_as_it_shows() -> None:
    """An escape sequence in a file's name hid its version or its old word: "tarif_v1" was
    quoted as current beside "tarif_v2\x1b[0m" (s30 hostile F10)."""
    assert old_copies(["tarif_v1", "tarif_v2\x1b[0m"]) == {"tarif_v1": "tarif_v2\x1b[0m"}
    assert old_copies(["budget_old", "budget\x1b[0m"]) == {"budget_old": "budget\x1b[0m"}


def test_a_folder_named_only_by_an_earlier_year_holds_earlier_periods_of_any_folder() -> None:
    """s30 trial: "2024/inventaire_echantillons_2024" beside
    "inventaire/inventaire_echantillons_2025" were two current papers (a bare year is no
    data period folder, and editions paired within one folder only): last year's owner of a
    sample was quoted. Minutes of two meetings are no editions; photos share no text."""
    rows = "| Échantillon | Propriétaire |\n| S-0012 | {} |\n| S-0013 | Léa Petit |"
    texts = {
        "Labo/2024/inventaire_echantillons_2024": rows.format("Marc Roux"),
        "Labo/inventaire/inventaire_echantillons_2025": rows.format("Karim Benali"),
        "Labo/2024/comptes": "| Poste | Montant |\n| Microscope | 3300 |",
        "Labo/budget/comptes_2025": "| Poste | Montant |\n| Microscope | 3400 |",
        "Labo/2024/CR_reunion_2024-11-19": "# Réunion du 19 novembre 2024\nLe protocole v1.",
        "Labo/reunions/CR_reunion_2025-11-04": "# Réunion du 4 novembre 2025\nLe protocole v1.",
        "Labo/2024/IMG_2045": "",
        "Labo/photos/IMG_2046": "",
    }
    assert copies(texts, texts.__getitem__) == {
        "Labo/2024/inventaire_echantillons_2024": Copy(
            "Labo/inventaire/inventaire_echantillons_2025", False, True
        ),
        "Labo/2024/comptes": Copy("Labo/budget/comptes_2025", False, True),
    }


def test_a_folder_named_by_the_latest_year_holds_the_current_files() -> None:
    """A "2025/" folder of the latest year is no earlier period: its file is the current one."""
    text = "| Poste | Montant |\n| Location | 3300 |"
    ids = ["Club/2025/comptes", "Club/archives/comptes_2024"]
    assert copies(ids, lambda doc_id: text) == {
        "Club/archives/comptes_2024": Copy("Club/2025/comptes", False, True)
    }


def test_year_folders_of_one_name_read_each_text_once() -> None:
    """A hundred and twenty years' folders of one file beside the current one (s29 probe F1):
    each text is read once, every earlier year paired with the latest."""
    from citeqa.superseded import earlier_periods

    ids = [f"Club/{year}/comptes" for year in range(1900, 2024)] + ["Club/compta/comptes_2024"]
    reads: list[str] = []

    def text_of(doc_id: str) -> str:
        reads.append(doc_id)
        return "| Poste | Montant |\n| Location | 3300 |"

    assert earlier_periods(ids, text_of) == {doc_id: ids[-1] for doc_id in ids[:-1]}
    assert sorted(reads) == sorted(ids)


def test_a_year_folders_file_is_paired_with_its_own_folders_latest_first() -> None:
    """Three hundred clubs' "2024/rapport" beside their "rapports/rapport_2025", all alike: each
    earlier report is of its own club's series (compared with its own folder's first, a few
    others at most: not every earlier file with every latest one)."""
    from citeqa.superseded import earlier_periods

    ids = [f"Club{n}/{year}/rapport" for n in range(300) for year in (2024,)]
    ids += [f"Club{n}/rapports/rapport_2025" for n in range(300)]
    found = earlier_periods(ids, lambda doc_id: "Rapport annuel du club, chaque année le même")
    assert found == {f"Club{n}/2024/rapport": f"Club{n}/rapports/rapport_2025" for n in range(300)}


_INVOICE = "# Facture\nClient: {}\n| Désignation | Total |\n| Conseil | 1200 € |\nTotal TTC: 1440 €"
_CV = "Curriculum vitae\nExperience: engineer at {}. Languages: English, French."
_NOTES = "Notes\nCheck the VAT number of the supplier before the next order. {}"
_REPORT = "Rapport d'activité\nL'équipe a recruté {} personnes et publié 5 articles."


@pytest.mark.parametrize(
    ("earlier", "later", "template"),
    [
        ("Clients/Dupont/2024/facture", "Clients/Martin/2025/facture", _INVOICE),
        ("Photos/2024/README", "Software/2025/README", "# README\nThis folder holds {}."),
        ("Invoices/2023/notes", "Projects/notes_2024", _NOTES),
        ("Alice/2024/cv", "Bob/2025/cv", _CV),
        ("Site/2023/index", "Blog/index_2024", "Index\nHome About Contact {}"),
        ("Photos/2024/notes", "Voyages/notes_2025", _NOTES),
        ("Projet/rapport_2023", "Equipe/2024/rapport", _REPORT),
    ],
)
def test_files_of_one_name_in_other_places_are_other_things(
    earlier: str, later: str, template: str
) -> None:
    """s30 review G: names matching once years are out, one under a year's folder, paired any
    two folders' files sharing a template: one client's invoice was an earlier edition of
    another's. Only a file's own place, or a folder beside its year's folder, holds its
    editions."""
    texts = {earlier: template.format("one"), later: template.format("two")}
    assert copies(texts, texts.__getitem__) == {}


def test_a_year_folders_file_pairs_with_the_latest_of_its_own_place_or_beside_it() -> None:
    """The s30 trial's shape ("Labo/2024/X" beside "Labo/X/X_2025") and one place's series
    ("Clients/Dupont/2024/facture" beside "Clients/Dupont/facture_2025") still pair."""
    texts = {
        "Clients/Dupont/2024/facture": _INVOICE.format("Dupont"),
        "Clients/Dupont/facture_2025": _INVOICE.format("Dupont"),
        "Clients/Martin/facture_2025": _INVOICE.format("Martin"),
        "Labo/2024/inventaire_2024": _NOTES.format("S-0012 Marc"),
        "Labo/inventaire/inventaire_2025": _NOTES.format("S-0012 Karim"),
        "Autre/inventaire/inventaire_2025": _NOTES.format("S-0012 Karim"),
    }
    assert copies(texts, texts.__getitem__) == {
        "Clients/Dupont/2024/facture": Copy("Clients/Dupont/facture_2025", False, True),
        "Labo/2024/inventaire_2024": Copy("Labo/inventaire/inventaire_2025", False, True),
    }


def test_a_question_naming_an_old_copys_version_reads_it_as_current() -> None:
    """s31 trial a21: "la première version" set the v1 quote aside as superseded."""
    ids = ["quotes/Q-7_shelves_v1", "quotes/Q-7_shelves_v2", "quotes/Q-9_door"]
    versions = CorpusVersions.of(ids, str)
    assert versions is not None

    def kept(question: str) -> list[str]:
        return [doc for doc in ids if versions.arrangement(question, 2).kept(doc)]

    current = ["quotes/Q-7_shelves_v2", "quotes/Q-9_door"]
    assert kept("What did the shelves quote total?") == current
    assert kept("What did the shelves quote total in v2?") == current
    assert kept("What did the second version of the shelves quote total?") == current
    assert kept("What did the version of the shelves quote total?") == current
    for question in (
        "What did the v1 of the shelves quote total?",
        "What did the first version of the shelves quote total?",
        "Quel était le total de la première version du devis ?",
        "Quel était le total du devis version 1 ?",
        "What did the original version of the shelves quote total?",
        "Quel était le total de la version initiale du devis ?",
    ):
        assert kept(question) == ids, question


def test_a_year_folders_file_whose_name_a_later_edition_extends_is_an_earlier_period() -> None:
    """s32 trial: "2023/Tarifs_cantine_2023-2024" beside "Tarifs_cantine_garderie_2025-2026"
    (the later edition's name adds a word) were two current papers: 2023's price was quoted
    for this year's. A name the later one extends, of two words at least and of an earlier
    year, joins its series; a later file whose name is shorter does not, nor one word alone."""
    rows = "| Tranche | Repas | Étude |\n| A | {} | 1,50 |\n| B | 3,40 | 2,10 |"
    texts = {
        "Ville/2023/tarifs_repas_2023-2024": rows.format("2,70"),
        "Ville/enfance/tarifs_repas_etude_2024-2025": rows.format("2,80"),
        "Ville/enfance/tarifs_repas_etude_2025-2026": rows.format("2,95"),
        "Ville/2027/bilan_sorties": rows.format("3,10"),  # later than the longer name's
        "Ville/sport/bilan_sorties_ski_2025": rows.format("3,00"),
        "Ville/2023/notes": rows.format("2,70"),  # one word: too common a name
        "Ville/projets/notes_chantier_2025": rows.format("2,95"),
    }
    found = copies(texts, texts.__getitem__)
    assert found == {
        "Ville/enfance/tarifs_repas_etude_2024-2025": Copy(
            "Ville/enfance/tarifs_repas_etude_2025-2026", False, True
        ),
        "Ville/2023/tarifs_repas_2023-2024": Copy(
            "Ville/enfance/tarifs_repas_etude_2025-2026", False, True
        ),
    }


def test_a_chain_of_names_each_adding_a_word_joins_one_series_in_any_order() -> None:
    """s33 hostile probe (H1): "archives/2023/budget_club", "2024/budget_club_ski",
    "2025/budget_club_ski_hiver": the middle group moved whole into the longest first, then
    the shortest targeted the emptied group (max() of nothing: a traceback on every
    question). Whatever the order the files come in, the chain is one series, the latest
    year's file the current one."""
    texts = {
        "Club/archives/2023/budget_club": "Budget du club\n\nLe budget est de 500 euros.",
        "Club/2024/budget_club_ski": "Budget du club\n\nLe budget est de 1 000 euros.",
        "Club/2025/budget_club_ski_hiver": "Budget du club\n\nLe budget est de 2 000 euros.",
    }
    current = "Club/2025/budget_club_ski_hiver"
    for order in itertools.permutations(texts):
        found = earlier_periods(list(order), texts.__getitem__)
        assert found == {doc_id: current for doc_id in texts if doc_id != current}, order


def test_a_longer_name_adding_words_or_a_data_lists_qualifier_is_no_later_edition() -> None:
    """Review of s32-trialfix: "2024/compte_de_resultat_2024" joined the series of
    "compte_de_resultat_previsionnel_2026" and "2023/liste_adherents_2023" that of
    "liste_adherents_mineurs_2025": other data lists, not later editions. One added word, not
    naming another list, still joins ("tarifs_cantine" → "tarifs_cantine_garderie")."""
    rows = "| Poste | Montant |\n| Ventes | {} |\n| Achats | 3 400 |"
    texts = {
        "Asso/2024/compte_de_resultat_2024": rows.format("12 700"),
        "Asso/finances/compte_de_resultat_previsionnel_2026": rows.format("13 100"),
        "Asso/2023/liste_adherents_2023": rows.format("120"),
        "Asso/membres/liste_adherents_mineurs_2025": rows.format("45"),
        "Asso/2022/bilan_sorties_2022": rows.format("3 000"),
        "Asso/sport/bilan_sorties_ski_hiver_2025": rows.format("3 100"),
        "Asso/2023/tarifs_cantine_2023-2024": rows.format("2,70"),
        "Asso/enfance/tarifs_cantine_garderie_2025-2026": rows.format("2,95"),
    }
    assert copies(texts, texts.__getitem__) == {
        "Asso/2023/tarifs_cantine_2023-2024": Copy(
            "Asso/enfance/tarifs_cantine_garderie_2025-2026", False, True
        )
    }


def test_dotted_versions_and_revision_letters_are_editions_compared_by_number() -> None:
    """s36 trial cause 2: "v0.9", "v1.1", "rev B" were left as name words ('.9' is no
    version), so a draft report and its final edition were two documents and the draft won."""
    report = [f"Design/Pump study {edition}" for edition in ("v0.9 DRAFT", "v1.0", "v1.1 FINAL")]
    assert old_copies(report) == dict.fromkeys(report[:2], report[2])
    assert old_copies(["parts list v1.9", "parts list v1.10"]) == {
        "parts list v1.9": "parts list v1.10"
    }
    assert old_copies(["Specs/old/Spec v1.0", "Specs/Spec v2.1"]) == {
        "Specs/old/Spec v1.0": "Specs/Spec v2.1"
    }
    assert old_copies(["Parts/archive/parts rev B", "Parts/parts rev C"]) == {
        "Parts/archive/parts rev B": "Parts/parts rev C"
    }
    assert old_copies(["note Rev. 2", "note Rev. 3"]) == {"note Rev. 2": "note Rev. 3"}
    assert old_copies(["guide version 1.1", "guide version 1.2"]) == {
        "guide version 1.1": "guide version 1.2"
    }
    assert old_copies(["plan v2", "plan v2.1"]) == {"plan v2": "plan v2.1"}
    assert old_copies(["plan v1.0", "plan"]) == {}, "v1.0 is v1: no edition over an unversioned one"
    assert old_copies(["plan rev a", "plan v1"]) == {}, "rev A is a first edition, as v1 is"


def test_a_word_opening_with_rev_is_no_revision_letter() -> None:
    """Review of s36-otherwise: the revision letter needed no separator, so "revisions" read as
    rev S, "rêve" as rev E and "revu" as rev U, and an ordinary file became a newer edition."""
    assert old_copies(["Notes/Planning", "Notes/Planning revisions"]) == {}
    assert old_copies(["Docs/Mon", "Docs/Mon rêve"]) == {}
    assert old_copies(["Docs/Rapport v3", "Docs/Rapport revu"]) == {}
    assert old_copies(["Docs/Lettre", "Docs/Lettre Revd Smith"]) == {}
    assert old_copies(["bom_rev_a", "bom_rev_b"]) == {"bom_rev_a": "bom_rev_b"}
    assert old_copies(["Guide", "Guide - Rev.E"]) == {"Guide": "Guide - Rev.E"}


@pytest.mark.parametrize(
    ("old", "current"),
    [
        (
            "Dossiers/compromis_vente_v1_2026-02-20",
            "Dossiers/compromis_vente_v2_DEFINITIF_2026-03-10",
        ),
        ("Quotes/quote_v1_03-01-2025", "Quotes/quote_v2_14.02.2025"),
        ("Leases/lease_20250110_draft", "Leases/lease_20250302_signed"),
    ],
)
def test_a_full_date_beside_a_version_or_mark_is_read_as_its_year(old: str, current: str) -> None:
    """s37 trial: "compromis_vente_v1_2026-02-20" and "_v2_DEFINITIF_2026-03-10" were two names
    (their months and days differed): the first draft's deposit was quoted as the final one's.
    Only a second pass, for near-copies: one's title opens the other's, most words shared."""
    texts = {
        old: "Compromis de vente — projet\nPrix : 250 000 €, payé comptant le jour de la vente.",
        current: "Compromis de vente\nPrix : 245 000 €, payé comptant le jour de la vente.",
    }
    assert copies([old, current], texts.__getitem__) == {old: Copy(current, False)}
    assert old_copies([old, current]) == {}, "names equal with their dates only"


@pytest.mark.parametrize(
    ("ids", "titles"),
    [
        (  # s37 review r1: the later edition's date is the earlier meeting's
            ["Interne/CR_associes_2026-01-15_v2", "Interne/CR_associes_2026-03-12_v1"],
            ["Compte rendu de la réunion des associés", "Compte rendu de la réunion des associés"],
        ),
        (  # s37 review r1b: in date order, but two meetings' titles
            ["Interne/CR_associes_2026-01-15_v1", "Interne/CR_associes_2026-03-12_v2"],
            ["Réunion des associés du 15 janvier 2026", "Réunion des associés du 12 mars 2026"],
        ),
        (
            ["Board/minutes_2026-01-14_v1", "Board/minutes_2026-02-11_final"],
            ["Board meeting of 14 January 2026", "Board meeting of 11 February 2026"],
        ),
    ],
)  # fmt: skip
def test_two_meetings_minutes_each_with_a_version_stay_apart(
    ids: list[str], titles: list[str]
) -> None:
    """s37 review finding 1: two meetings' minutes, each with its version, were read as one
    name's editions (their dates read as years): the first meeting's budget was set aside."""
    texts = {
        doc_id: f"{title}\nBudget formation : 5 000 €."
        for doc_id, title in zip(ids, titles, strict=True)
    }
    assert copies(ids, texts.__getitem__) == {}
    same_title = {
        ids[0]: f"{titles[1]}\nBudget formation : 5 000 €. Recrutement : un clerc en avril.",
        ids[1]: f"{titles[1]}\nNumérisation : la société Archivia est retenue pour les minutes.",
    }
    assert copies(ids, same_title.__getitem__) == {}, "one title, not near-copies"


@pytest.mark.parametrize(
    ("old", "current"),
    [
        ("Devis/devis_toiture_2026-02-01", "Devis/devis_toiture_2026-02-01_v2"),
        ("Interne/CR_reunion_2026-01-15_brouillon", "Interne/CR_reunion_2026-01-15"),
        ("Quotes/roof_quote_20260201_draft", "Quotes/roof_quote_20260201"),
    ],
)
def test_an_edition_pairs_with_its_twin_of_the_same_full_date(old: str, current: str) -> None:
    """s37 review finding 2: "devis_toiture_2026-02-01" no longer paired with
    "devis_toiture_2026-02-01_v2" (an unmarked name kept its month and day, the marked one
    not): names equal with their full dates always pair, the titles told apart or not."""
    texts = {old: "Devis n° 1\nToiture : 18 400 €", current: "Devis n° 2\nToiture : 16 900 €"}
    assert copies([old, current], texts.__getitem__) == {old: Copy(current, False)}


@pytest.mark.parametrize(
    "ids",
    [
        ["Interne/CR_reunion_associes_2026-01-15", "Interne/CR_reunion_associes_2026-04-09"],
        ["Board/minutes_2025-12-10", "Board/minutes_2026-01-14"],
        ["Courrier/lettre_20-02-2026", "Courrier/lettre_10-03-2026_v2"],
    ],
)
def test_a_full_date_in_a_name_marking_no_edition_names_its_own_paper(ids: list[str]) -> None:
    """Two meetings' minutes, each named by its date, are no editions of one: neither is set
    aside nor read as an earlier period of the other, however alike their texts."""
    text = "Présents : Mme Vasseur, M. Lemoine. Ordre du jour : budget, recrutement."
    assert copies(ids, lambda doc_id: text) == {}
