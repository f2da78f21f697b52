"""A document's version is read from its path or title, a question's from its words, and the
passages of a folder holding an older version's pages are read newest first (versions.py; the
s21 trial's docs site quoted v2's "10 releases" for a question naming no version)."""

from __future__ import annotations

import pytest

from citeqa.lexical import written_terms
from citeqa.models import Answer, Chunk, Citation, Hit
from citeqa.versions import (
    CorpusVersions,
    Family,
    asked_file_versions,
    held_mentions,
    path_version,
    path_versions,
    states_otherwise,
    stem_version,
    title_version,
    with_older_statement,
    written_versions,
)


@pytest.mark.parametrize(
    ("doc_id", "version"),
    [
        ("site/v2/limits", (2,)),
        ("docs/v3.1/api/overview", (3, 1)),
        ("docs/2.x/install", (2,)),
        ("docs/version-2.0/install", (2, 0)),
        ("versioned_docs/version-1.4/intro", (1, 4)),
        ("docs/versions/2.0/install", (2, 0)),
        ("releases/3/notes", (3,)),
        ("limits-v2/limits", None),
        ("reports/2024/summary", None),
        ("releases/2024/notes", None),
        ("guides/deploying", None),
        ("ipv6/setup", None),
    ],
)
def test_a_path_names_its_documents_version(doc_id: str, version: tuple[int, ...]) -> None:
    assert path_version(doc_id) == version


@pytest.mark.parametrize(
    ("title", "version"),
    [
        ("Limits (v2)", (2,)),
        ("Skiff v2 documentation", (2,)),
        ("User guide, Version 2.1", (2, 1)),
        ("Migrating from v2 to v3", None),
        ("IPv6 setup", None),
        ("Python 3.12 support", None),
        ("Limits", None),
    ],
)
def test_a_title_names_one_version_or_none(title: str, version: tuple[int, ...] | None) -> None:
    assert title_version(title) == version


def test_a_question_names_versions_in_english_and_french() -> None:
    assert written_versions("How many webhooks in v2?") == [(2,)]
    assert written_versions("What does the v2 API allow?") == [(2,)]
    assert written_versions("Que change la version 2.1 ?") == [(2, 1)]
    assert written_versions("Does 2.x support it?") == [(2,)]
    assert written_versions("How many releases are kept?") == []
    assert written_versions("Is IPv6 supported?") == []


TITLES = {
    "reference/limits": "Limits",
    "reference/cli": "CLI reference",
    "v2/limits": "Limits (v2)",
    "v2/cli": "CLI reference (v2)",
    "guides/migrating": "Migrating from v2 to v3",
    "faq": "FAQ",
    "old/quotas": "Quotas (v1)",
    "new/quotas": "Quotas (v3)",
}


def _versions(ids: list[str]) -> CorpusVersions | None:
    return CorpusVersions.of(ids, TITLES.__getitem__)


SITE = ["reference/limits", "reference/cli", "v2/limits", "v2/cli", "guides/migrating", "faq"]


def test_unversioned_pages_mirroring_a_version_folder_are_the_current_ones() -> None:
    versions = _versions(SITE)
    assert versions is not None and versions.families == {"": Family((2,), True)}
    assert [doc for doc in SITE if versions.is_older(doc)] == ["v2/limits", "v2/cli"]


def test_the_highest_version_folder_is_the_newest_when_nothing_mirrors_it() -> None:
    layout = ["v1/limits", "v1/cli", "v2/limits", "v2/cli", "v3/limits", "v3/cli", "readme"]
    versions = CorpusVersions.of(layout, lambda doc_id: doc_id)
    assert versions is not None and versions.families == {"": Family((3,), False)}
    assert [doc for doc in layout if versions.is_older(doc)] == [
        "v1/limits",
        "v1/cli",
        "v2/limits",
        "v2/cli",
    ]


def test_a_title_names_an_older_page_only_below_the_highest_version_a_path_names() -> None:
    layout = ["v2/limits", "v2/cli", "v3/limits", "v3/cli", "old/quotas", "new/quotas"]
    versions = _versions(layout)
    assert versions is not None and not versions.families[""].current
    assert versions.is_older("old/quotas") and not versions.is_older("new/quotas")


@pytest.mark.parametrize(
    "ids",
    [
        ["reference/limits", "faq"],
        ["v2/limits", "v2/cli"],
        ["v2/limits", "v2/cli", "faq", "guides/migrating"],
        ["reports/2024/a", "net/ipv6"],
        ["releases/2023/notes", "releases/2024/notes"],
        ["guide/users", "guide/auth", "api/v1/users", "api/v1/auth"],
    ],
)
def test_a_folder_without_an_older_version_reads_none(ids: list[str]) -> None:
    assert CorpusVersions.of(ids, lambda doc_id: "Limits (v1)") is None


def test_each_family_of_versions_has_its_own_newest() -> None:
    layout = ["alpha/v1/limits", "alpha/v2/limits", "beta/v1/quotas", "beta/v1/overview"]
    versions = CorpusVersions.of(layout, lambda doc_id: doc_id)
    assert versions is not None
    assert [doc for doc in layout if versions.is_older(doc)] == ["alpha/v1/limits"]
    assert versions.asked_older("quotas in v1") == (1,)
    assert versions.names_newest("limits in v2") and versions.asked_older("limits in v2") is None


def test_only_unversioned_pages_within_the_version_folders_parent_mirror_it() -> None:
    layout = ["docs/users", "docs/guide/auth", "docs/v2/users", "docs/v2/auth", "api/v1/users"]
    layout += ["api/v1/auth", "api/v2/users", "api/v2/auth"]
    versions = CorpusVersions.of(layout, lambda doc_id: doc_id)
    assert versions is not None
    assert versions.families == {"docs": Family((2,), True), "api": Family((2,), False)}
    older = [doc for doc in layout if versions.is_older(doc)]
    assert older == ["docs/v2/users", "docs/v2/auth", "api/v1/users", "api/v1/auth"]


def test_only_an_older_version_some_page_is_of_is_asked_for() -> None:
    versions = _versions(SITE)
    assert versions is not None
    assert versions.asked_older("How many releases in v2?") == (2,)
    assert versions.asked_older("version 2.0 limits") == (2, 0)
    assert versions.asked_older("How many releases in v3?") is None
    assert versions.asked_older("How many releases in v1?") is None
    assert versions.asked_older("How many releases are kept?") is None
    assert versions.names_newest("limits in v3") and not versions.names_newest("limits")
    assert not versions.names_newest("limits in v2")


def _hit(doc_id: str, rank: int) -> Hit:
    chunk = Chunk(chunk_id=f"{doc_id}-{rank}", doc_id=doc_id, start=0, end=1, text="x")
    return Hit(chunk=chunk, chunk_index=rank, score=1.0 - rank / 10)


def test_hits_are_read_newest_first_or_of_the_asked_version_first() -> None:
    versions = _versions(SITE)
    assert versions is not None
    hits = [
        _hit(doc, rank)
        for rank, doc in enumerate(["v2/limits", "faq", "reference/limits", "v2/cli"])
    ]

    def docs(found: list[Hit]) -> list[str]:
        return [h.chunk.doc_id for h in found]

    newest = versions.arrangement("How many releases are kept?", 2)
    first, after = newest(hits)
    assert (docs(first), docs(after)) == (["faq", "reference/limits"], ["v2/limits", "v2/cli"])
    assert docs(newest.set_aside(hits)) == ["v2/limits", "v2/cli"], "an older page ranked 1st"
    asked = versions.arrangement("How many releases does v2 keep?", 2)
    first, after = asked(hits)
    assert (docs(first), docs(after)) == (["v2/limits", "v2/cli", "faq", "reference/limits"], [])
    assert asked.set_aside(hits) == []


def test_older_pages_are_kept_aside_only_when_they_ranked_high_and_no_version_is_named() -> None:
    versions = _versions(SITE)
    assert versions is not None
    hits = [_hit(doc, rank) for rank, doc in enumerate(["faq", "reference/limits", "v2/limits"])]
    low = versions.arrangement("How many releases are kept?", 2)
    assert low.set_aside(hits) == [], "the older page ranked below the first two"
    named = versions.arrangement("How many releases are kept in v3?", 5)
    assert [h.chunk.doc_id for h in named(hits)[1]] == ["v2/limits"]
    assert named.set_aside(hits) == [], "the newest version asked for: no older statement"


def _answer(*quotes: str, lang: str = "en") -> Answer:
    citations = [
        Citation(n=n, doc_id=f"d{n}", title="t", path="p", start=0, end=len(q), quote=q)
        for n, q in enumerate(quotes, 1)
    ]
    return Answer(
        question="q",
        abstained=not quotes,
        confidence=0.5,
        answer="a",
        citations=citations,
        lang=lang,  # type: ignore[arg-type]
    )


def _asked(*words: str) -> list[frozenset[str]]:
    return [written_terms(word, False) for word in words]


RELEASES = _asked("releases", "kept")


def test_an_older_answer_states_otherwise_when_its_values_differ() -> None:
    assert states_otherwise(
        _answer("| Releases kept | 20 |"), _answer("| Releases kept | 10 |"), RELEASES
    )
    tokens = _asked("tokens", "expire")
    assert states_otherwise(
        _answer("Tokens expire after 90 days."), _answer("Tokens never expire."), tokens
    )
    logs = _asked("logs", "kept")
    assert not states_otherwise(
        _answer("Logs are kept 30 days."), _answer("Logs are kept: 30 days (v2)."), logs
    )
    assert states_otherwise(
        _answer("| Releases kept | 20 |"), _answer("| Releases kept | none |"), RELEASES
    ), "a row stating no value where the answer states one says it otherwise"
    assert not states_otherwise(_answer("| Releases kept | 20 |"), _answer(), RELEASES)


def test_an_older_sentence_stating_no_value_of_another_thing_states_nothing_otherwise() -> None:
    """s37 trial: the first draft's list of diagnostics to hand over was labelled as stating
    otherwise the final draft's price reduction for the termite treatment."""
    termites = _asked("diagnostic", "termites")
    assert not states_otherwise(
        _answer(
            "La réduction de prix de 13 000,00 € tient compte des travaux de traitement de la"
            " charpente rendus nécessaires par le diagnostic termites."
        ),
        _answer(
            "Le VENDEUR s'engage à remettre le dossier de diagnostic technique complet (amiante,"
            " termites, plomb, électricité) avant la signature."
        ),
        termites,
    )
    assert states_otherwise(
        _answer("Le diagnostic termites est valable 6 mois."),
        _answer("Le diagnostic termites n'a pas de durée de validité."),
        termites,
    ), "the same thing said without a value"
    inspection = _asked("inspection", "report")
    assert not states_otherwise(
        _answer("The inspection report found termites; the price was cut by £13,000."),
        _answer("The seller hands over every inspection report, asbestos and lead included."),
        inspection,
    )


@pytest.mark.parametrize(
    ("ours", "theirs", "asked"),
    [
        (
            "Dépôt de garantie : un dépôt de garantie de 780 € est versé à la signature et sera"
            " restitué dans le délai d'un mois à compter de la remise des clés.",
            "Dépôt de garantie : néant, le bailleur se contentant de la caution solidaire des"
            " parents du locataire.",
            ("dépôt", "garantie"),
        ),
        (
            "Le locataire verse un dépôt de garantie de 780 € à la signature du bail.",
            "Aucun dépôt de garantie n'est demandé, la caution des parents suffisant.",
            ("dépôt", "garantie"),
        ),
        (
            "Late fee — 25 € per week of delay, billed with the next invoice and payable within"
            " thirty days of its date.",
            "Late fee — waived for members of the association board.",
            ("late", "fee"),
        ),
        (
            "Every tenant pays a security deposit of 900 € on signing.",
            "No security deposit is required when a guarantor signs.",
            ("security", "deposit"),
        ),
    ],
)
def test_an_older_sentence_saying_there_is_none_of_the_asked_thing_states_it_otherwise(
    ours: str, theirs: str, asked: tuple[str, ...]
) -> None:
    """s37 review finding 5: "Dépôt de garantie : néant, …" of the first lease lost its label
    beside the second's "un dépôt de garantie de 780 €" (too few words shared): the same label
    opening both, or every asked term with a word saying there is none, is the same subject."""
    assert states_otherwise(_answer(ours), _answer(theirs), _asked(*asked))


def test_an_older_page_on_something_else_is_no_other_statement() -> None:
    install = _asked("install", "skiff")
    assert not states_otherwise(
        _answer("pip install skiff-cli 3.4"),
        _answer("You are reading the documentation of Skiff v2, end of life on 31 March 2026."),
        install,
    )
    assert not states_otherwise(
        _answer("Run skiff deploy."), _answer("In v2, run skiff push 2 times."), _asked("deploy")
    ), "the answer states no value"


def test_the_older_statement_is_added_labelled_with_a_note_naming_its_file() -> None:
    versions = _versions(SITE)
    assert versions is not None
    older = _answer("| Releases kept | 10 |")
    older = older.model_copy(
        update={
            "citations": [
                older.citations[0].model_copy(
                    update={"doc_id": "v2/limits", "path": "/d/v2/limits.md"}
                )
            ]
        }
    )
    expected = {
        "en": "[2] quotes v2/limits.md, of version 2, which states it otherwise; the answer"
        " quotes the current pages.",
        "fr": "[2] cite v2/limits.md, de la version 2, qui l’énonce autrement ; la réponse cite"
        " les pages actuelles.",
    }
    for lang, said in expected.items():
        answer, note = with_older_statement(
            _answer("| Releases kept | 20 |", lang=lang), older, versions, 400, RELEASES
        )
        assert [(c.n, c.otherwise) for c in answer.citations] == [(1, False), (2, True)]
        assert "10" in answer.answer and note == said
    too_long, note = with_older_statement(
        _answer("| Releases kept | 20 |"), older, versions, 30, RELEASES
    )
    assert len(too_long.citations) == 1
    assert note is not None and note.startswith("v2/limits.md, of version 2")
    same, none = with_older_statement(
        _answer("| Releases kept | 10 |"), older, versions, 400, RELEASES
    )
    assert len(same.citations) == 1 and none is None


def test_a_question_naming_a_version_no_page_is_of_is_warned() -> None:
    layout = ["v1/limits", "v2/limits", "v3/limits", "faq"]
    versions = CorpusVersions.of(layout, lambda doc_id: doc_id)
    assert versions is not None
    assert versions.unknown_note("limits en v9", "en") == (
        "No page is of version 9; the answer quotes the newest version (3)."
    )
    assert versions.unknown_note("limites en version 9", "fr") == (
        "Aucune page n’est de la version 9 ; la réponse cite la version la plus récente (3)."
    )
    assert versions.unknown_note("limits in v2", "en") is None
    assert versions.unknown_note("limits in v3.1", "en") is None
    assert versions.unknown_note("limits", "en") is None
    mirrored = _versions(SITE)
    assert mirrored is not None and mirrored.unknown_note("limits in v3", "en") is None


def test_the_hits_set_aside_are_those_of_the_list_given_whatever_was_arranged_before() -> None:
    versions = _versions(SITE)
    assert versions is not None
    arranged = versions.arrangement("How many releases are kept?", 2)
    older_first = [_hit(doc, rank) for rank, doc in enumerate(["v2/limits", "faq"])]
    current_first = [_hit(doc, rank) for rank, doc in enumerate(["faq", "reference/limits"])]
    arranged(older_first)
    arranged(current_first)  # a second cut (another fusion, a re-search) no longer overwrites
    assert [h.chunk.doc_id for h in arranged.set_aside(older_first)] == ["v2/limits"]
    assert arranged.set_aside(current_first) == []


def test_pages_titled_older_than_the_version_folder_they_mirror_are_the_older_ones() -> None:
    """Session 22: "v2/guide" beside "guide" made v2 older by its folder's name alone, though
    the unversioned pages' titles said they were version 1: then v2 is the newest and they are
    the older pages. Untitled mirrors stay the current edition; titles naming v2 too make
    neither older."""
    layout = ["docs/guide", "docs/setup", "docs/v2/guide", "docs/v2/setup", "docs/faq"]
    titles = {"docs/guide": "Guide (v1)", "docs/setup": "Setup, version 1", "docs/faq": "FAQ"}
    versions = CorpusVersions.of(layout, lambda doc_id: titles.get(doc_id, "v2 " + doc_id))
    assert versions is not None and not versions.families["docs"].current
    assert [doc for doc in layout if versions.is_older(doc)] == ["docs/guide", "docs/setup"]
    untitled = CorpusVersions.of(layout, lambda doc_id: doc_id)
    assert untitled is not None and untitled.families["docs"].current
    assert [doc for doc in layout if untitled.is_older(doc)] == ["docs/v2/guide", "docs/v2/setup"]
    assert CorpusVersions.of(layout, lambda doc_id: "Guide (v2)") is None


def test_a_version_of_another_thing_the_question_names_is_no_version_of_the_pages() -> None:
    """Session 22: "Does it support TLS v1.2?" was warned of as asking for a version no page is
    of; with a v1 folder, it would have been read as asking for v1."""
    layout = ["v1/limits", "v2/limits", "v3/limits", "faq"]
    versions = CorpusVersions.of(layout, lambda doc_id: doc_id)
    assert versions is not None
    for question in ("Does it support TLS v1.2?", "Is OAuth version 2 supported?"):
        assert versions.unknown_note(question, "en") is None
        assert versions.asked_older(question) is None and not versions.names_newest(question)
    assert versions.asked_older("limits of the API v1") == (1,)
    assert versions.asked_older("Does TLS v1.2 work in v1?") == (1,)
    assert versions.unknown_note("limits in v9", "en") is not None
    skiff = CorpusVersions.of(["SkiffCloud/v1/a", "SkiffCloud/v2/a"], lambda doc_id: doc_id)
    assert skiff is not None and skiff.asked_older("SkiffCloud v1 limits") == (1,)


def test_a_version_after_a_name_the_corpus_writes_is_of_the_documentation() -> None:
    """s23 review B: "in GitLab version 15" was read as another thing's version ("GitLab" is
    written with a capital inside) where the pages write "GitLab"; "TLS" they never write."""
    layout = ["docs/v15/install", "docs/v16/install"]
    writes = {"gitlab", "install"}.__contains__
    versions = CorpusVersions.of(layout, str, lambda name: writes(name.casefold()))
    assert versions is not None
    assert versions.asked_older("What changed in GitLab version 15?") == (15,)
    assert versions.asked_older("Does GitLab v15 support TLS v1.2?") == (15,)
    assert versions.asked_older("Does it support TLS v1.2?") is None
    unaware = CorpusVersions.of(layout, str)
    assert unaware is not None and unaware.asked_older("What changed in GitLab version 15?") is None


def test_the_versions_paths_name_and_the_question_words_naming_them() -> None:
    """s23 hostile probe: "in v2" was refused for "v2" when only the folder "v2/" wrote it."""
    held = path_versions(["reference/limits", "v2/limits", "versions/3.1/faq", "releases/2024/x"])
    assert held == {(2,), (3, 1)}
    assert path_versions(["guide/a", "guide/b"]) == frozenset()
    assert held_mentions("How many releases are kept in v2?", held) == ["v2"]
    assert held_mentions("What changed in version 3?", held) == ["version 3"]
    assert held_mentions("Is it kept in v9?", held) == []
    assert held_mentions("Does it support TLS v2?", held) == []


def test_an_answer_of_another_version_than_the_one_asked_is_warned_of() -> None:
    """s23 hostile probe: "in version 250" quoted v125's page with no note."""
    versions = CorpusVersions.of([f"v{n}/limits" for n in range(1, 6)], str)
    assert versions is not None

    def of(doc_id: str) -> Answer:
        answer = _answer("The number of releases kept is 4.")
        cited = answer.citations[0].model_copy(update={"doc_id": doc_id, "path": "v/x.md"})
        return answer.model_copy(update={"citations": [cited]})

    note = versions.other_version_note("How many are kept in version 3?", of("v2/limits"))
    assert note is not None and "version 3" in note and "v2/limits.md" in note
    assert versions.other_version_note("How many are kept in version 3?", of("v3/limits")) is None
    assert versions.other_version_note("How many are kept in v9?", of("v2/limits")) is None
    assert versions.other_version_note("How many are kept?", of("v2/limits")) is None
    assert versions.other_version_note("How many are kept in v3?", of("faq")) is None


def test_the_pages_of_an_asked_version_the_search_missed() -> None:
    """s23 hostile probe: "in version 250" among v1..v500 ranked v125's page, not v250's."""
    layout = ["a/v1/limits", "a/v2/limits", "a/v2/faq", "a/v3/limits", "b/v2/limits", "faq"]
    versions = CorpusVersions.of(layout, str)
    assert versions is not None
    assert versions.counterparts(["a/v1/limits", "faq", "b/v2/limits"], (2,)) == ["a/v2/limits"]
    assert versions.counterparts(["a/v1/limits", "a/v2/faq"], (2,)) == []
    assert versions.counterparts(["a/v1/limits"], (9,)) == []
    arranged = versions.arrangement("How many are kept in v2?", 5)
    hit = _hit("a/v3/limits", 0)
    assert arranged.missing([hit]) == ["a/v2/limits"]
    assert versions.arrangement("How many are kept in v3?", 5).missing([hit]) == []
    assert versions.arrangement("How many are kept?", 5).missing([hit]) == []
    older = _hit("a/v1/limits", 1)
    assert versions.arrangement("How many are kept?", 5).missing([older]) == ["a/v3/limits"]
    assert versions.counterparts(["a/v2/faq", "b/v2/limits"], None) == []


def test_a_version_ending_a_file_name_is_held_and_never_claimed_absent() -> None:
    """s31 trial y3: "la v1 du devis" was refused as "ils ne mentionnent jamais « v1 »" while a
    file name ends with "_v1": such a version is held (path_versions), words the pages need not
    write; a version inside a longer name is none."""
    held = path_versions(["quotes/Q-7_shelves_v1", "quotes/Q-7 shelves-V2.pdf", "notes/todo"])
    assert held == {(1,), (2,)}
    assert held_mentions("Quel était le total de la v1 du devis ?", held) == ["v1"]
    assert held_mentions("What did the v2 quote total?", held) == ["v2"]
    assert held_mentions("And the v3?", held) == []
    assert path_versions(["reports/report_2024_v3_final", "tv2", "notes/todo"]) == frozenset()
    assert stem_version("quotes/Q-7_shelves_version2") == (2,)


def test_a_file_names_version_is_read_past_a_year_and_a_compound_extension() -> None:
    """s32 review: "scan_v1.2024" read as version (1, 2024); "f-v1.tar.gz" as none."""
    assert stem_version("scans/scan_v1.2024") == (1,)
    assert stem_version("scans/scan_v1.2024.pdf") == (1,)
    assert stem_version("archives/f-v1.tar.gz") == (1,)
    assert stem_version("notes/notes_v1.2") == (1, 2)


def test_a_version_numbered_by_digits_and_an_ordinal_ending_is_asked() -> None:
    """s32 review: "the 2nd version", "la 2e version" asked no version."""
    for question, asked in (
        ("What did the 2nd version of the quote total?", [(2,)]),
        ("Quel était le total de la 2e version du devis ?", [(2,)]),
        ("Et la 1re version ?", [(1,)]),
        ("Quel est le loyer au 2e étage ?", []),
    ):
        assert asked_file_versions(question) == asked, question


def test_version_originale_asks_no_first_version() -> None:
    """s32 review: "la version originale du film" asked v1; "originale" is no first-version
    word (a film's or a book's original), "initiale" and "original" stay."""
    assert asked_file_versions("Le film passe-t-il en version originale ?") == []
    assert asked_file_versions("Quelle est la version originale du film ?") == []
    assert asked_file_versions("Quel était le total de la version initiale ?") == [(1,)]
    assert asked_file_versions("What did the original version total?") == [(1,)]


def test_a_version_asked_by_an_ordinal_is_a_mention_the_pages_need_not_write() -> None:
    """s33 hostile probe (M5): "la première version" of budget_v1..v3 was refused with "they
    never mention “version”", while "la version 2" answered: the ordinal's words are held by
    the paths naming that version, as "version 2" is."""
    held = frozenset({(1,), (2,)})
    assert held_mentions("Quel est le budget de la première version ?", held) == [
        "première version"
    ]
    assert held_mentions("Le total de la version initiale ?", held) == ["version initiale"]
    assert held_mentions("What did the 2nd version cost?", held) == ["2nd version"]
    assert held_mentions("Le budget de la cinquième version ?", held) == []
