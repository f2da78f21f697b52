"""A docs folder holding an older version's pages: a question naming no version is answered
from the newest pages, with the older page that states it otherwise quoted after, labelled, and
a warning naming its file; a question naming the older version is answered from its pages; a
folder without versions answers as before (versions.py; s21 trial failure 4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

LIMITS = """---
title: Limits
---

# Limits

| Resource | Limit |
|---|---|
| Image size | 10 GB |
| Releases kept | 20 |
| Webhooks per project | 10 |
"""
LIMITS_V2 = """---
title: Limits (v2)
---

# Limits (v2)

| Resource | Limit |
|---|---|
| Image size | 2 GB |
| Releases kept | 5 |
"""
AUTH = """# Authentication

Personal access tokens expire after 90 days; run `skiff login` to get a new one.
"""
AUTH_V2 = """# Authentication (v2)

In v2, personal access tokens never expire; revoke them with `skiff tokens revoke`.
"""
MIGRATING = """# Migrating from v2 to v3

Version 3 changes the base URL of the API and how tokens are renewed.
"""
FILES = {
    "reference/limits.md": LIMITS,
    "v2/limits.md": LIMITS_V2,
    "guides/authentication.md": AUTH,
    "v2/authentication.md": AUTH_V2,
    "guides/migrating.md": MIGRATING,
}


def _over(files: dict[str, str], root: Path) -> Assistant:
    corpus = root / "docs"
    for name in files:
        (corpus / name).parent.mkdir(parents=True, exist_ok=True)
    return assistant_over(files, corpus, root / "index")


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return _over(FILES, tmp_path_factory.mktemp("versioned"))


def test_no_version_named_is_answered_from_the_newest_with_the_older_noted(
    assistant: Assistant,
) -> None:
    answer = assistant.ask("How many releases are kept?")
    assert not answer.abstained
    first, *others = answer.citations
    assert first.path.endswith("reference/limits.md") and "20" in first.quote
    assert [(Path(c.path).parent.name, c.otherwise) for c in others] == [("v2", True)]
    assert "5" in others[0].quote
    notes = [w for w in answer.warnings if "v2/limits.md" in w]
    assert notes == [
        "[2] quotes v2/limits.md, of version 2, which states it otherwise; the answer quotes"
        " the current pages."
    ]


def test_a_question_naming_the_older_version_is_answered_from_its_pages(
    assistant: Assistant,
) -> None:
    answer = assistant.ask("How many releases are kept in v2?")
    assert not answer.abstained
    assert answer.citations[0].path.endswith("v2/limits.md")
    assert "5" in answer.citations[0].quote
    assert not any(c.otherwise for c in answer.citations)
    assert not any("version" in w for w in answer.warnings)


def test_a_question_naming_the_newest_version_gets_no_older_quote(assistant: Assistant) -> None:
    answer = assistant.ask("How many releases are kept in v3?")
    assert not answer.abstained
    assert answer.citations[0].path.endswith("reference/limits.md")
    assert not any(c.otherwise for c in answer.citations)


def test_a_folder_without_versions_answers_as_ranked(tmp_path: Path) -> None:
    plain = {name: text for name, text in FILES.items() if not name.startswith("v2/")}
    unversioned = _over(plain, tmp_path)
    assert unversioned._loaded.versions is None
    answer = unversioned.ask("How many releases are kept?")
    assert answer.citations[0].path.endswith("reference/limits.md")
    assert not any(c.otherwise for c in answer.citations) and answer.warnings == []


def test_each_product_is_answered_from_its_own_newest_version(tmp_path: Path) -> None:
    files = {
        "alpha/v2/limits.md": "# Alpha limits\nAlpha keeps 20 releases per project.\n",
        "alpha/v1/limits.md": "# Alpha limits\nAlpha keeps 10 releases per project.\n",
        "beta/v1/quotas.md": "# Beta quotas\nBeta stores at most 500 snapshots per account.\n",
        "beta/v1/overview.md": "# Beta overview\nBeta is a backup service for databases.\n",
    }
    answer = _over(files, tmp_path).ask("How many snapshots does Beta store per account?")
    assert not answer.abstained
    assert [(c.path.endswith("beta/v1/quotas.md"), c.otherwise) for c in answer.citations] == [
        (True, False)
    ]
    assert "500" in answer.citations[0].quote


def test_a_lone_version_folder_beside_other_pages_of_the_same_names_is_current(
    tmp_path: Path,
) -> None:
    files = {
        "guide/users.md": "# Users\nThe users guide explains how to invite colleagues.\n",
        "guide/auth.md": "# Auth\nThe auth guide explains single sign-on for administrators.\n",
        "api/v1/users.md": "# Users\nGET /users returns at most 100 users per page.\n",
        "api/v1/auth.md": "# Auth\nPOST /auth/token returns a token valid for 3600 seconds.\n",
    }
    assistant = _over(files, tmp_path)
    assert assistant._loaded.versions is None
    answer = assistant.ask("How long is the token valid?")
    assert not answer.abstained and "3600 seconds" in answer.citations[0].quote


TWO_FOLDERS = {
    "v2/limites.md": "# Limites\nLe service conserve 10 versions par projet.\n",
    "v2/export.md": "# Export\nThe legacy exporter writes XML files to the outbox folder.\n",
    "v3/limites.md": "# Limites\nLe service conserve 20 versions par projet.\n",
    "v3/setup.md": "# Setup\nInstall the agent with the setup wizard.\n",
}


@pytest.fixture(scope="module")
def two_folders(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    return _over(TWO_FOLDERS, tmp_path_factory.mktemp("two_folders"))


def test_a_page_only_an_older_version_holds_answers_with_a_note(two_folders: Assistant) -> None:
    answer = two_folders.ask("Where does the legacy exporter write XML files?")
    assert not answer.abstained
    assert answer.citations[0].path.endswith("v2/export.md")
    assert "outbox" in answer.citations[0].quote
    assert (
        "Answered from v2/export.md, of version 2 (older): nothing in the newest version (3)"
        " answers it."
    ) in answer.warnings


def test_a_version_no_page_is_of_is_warned_and_the_newest_answers(two_folders: Assistant) -> None:
    answer = two_folders.ask("Combien de versions le service conserve-t-il en v9 ?")
    assert not answer.abstained and "20 versions" in answer.citations[0].quote
    assert answer.citations[0].path.endswith("v3/limites.md")
    assert (
        "Aucune page n’est de la version 9 ; la réponse cite la version la plus récente (3)."
        in answer.warnings
    )


def test_year_folders_of_release_notes_are_no_versions(tmp_path: Path) -> None:
    files = {
        "releases/2024/notes.md": "# Highlights\nThe 2024 release added dark mode.\n",
        "releases/2023/notes.md": "# Highlights\nThe 2023 release added CSV export.\n",
    }
    assistant = _over(files, tmp_path)
    assert assistant._loaded.versions is None
    answer = assistant.ask("Which release added CSV export?")
    assert not answer.abstained and "CSV export" in answer.citations[0].quote


RELEASED = {
    "docs/v2/guide.md": "# Guide (v2)\n\n## 1. Install\n\nRun the installer; the installer port is"
    " 9090 during setup.\n\n## 3. Configure\n\nSet the port to 8080 in the config file.\n",
    "docs/v1/guide.md": "# Guide (v1)\n\n## 3. Configure\n\nSet the port to 7070 in the config"
    " file.\n",
    "notes.md": "# Notes\n\nVersion 2 of the guide was released in May.\n",
}


def test_a_document_about_the_asked_version_is_kept_beside_the_versions_own(
    tmp_path: Path,
) -> None:
    """notes.md writes "Version 2" and "released", which the v2 guide does not: it answers when
    version 2 was released; the guide still answers what its section 1 says."""
    assistant = assistant_over(RELEASED, tmp_path / "docs", tmp_path / "index")
    released = assistant.ask("When was version 2 of the guide released?")
    assert not released.abstained
    assert released.citations[0].doc_id == "notes"
    port = assistant.ask("In version 2, what port does section 1 give?")
    assert not port.abstained
    assert port.citations[0].doc_id == "docs/v2/guide" and "9090" in port.citations[0].quote
