"""A question asking which release is the latest quotes the heading of the highest release a
changelog lists, the changelog read by its file name when retrieval ranks it below other pages
(latest_release.py; s46 trial: "What is the latest version?" quoted a security policy's "Only
the latest minor release receives security fixes.")."""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from citeqa import folder_facts
from citeqa.api import Assistant
from citeqa.latest_release import changelog_ids
from small_corpora import assistant_over

CHANGELOG = """# Changelog

All notable changes to this project are documented in this file.

## [2.2.1] - 2024-02-02

### Fixed
- Reading files with a missing header line no longer raises an IndexError.

## [2.3.0] - 2024-05-14

### Added
- Monthly resampling.

## [2.2.0] - 2023-11-20

### Added
- The `harmonics()` method computes the standard tidal constituents.

## [2.0.0] - 2023-03-08

### Changed
- Timestamps are now timezone-aware and always in UTC.
"""
SECURITY = """# Security policy

Only the latest minor release receives security fixes.

To report a vulnerability, write to security@tidepool.dev rather than opening a public issue.
"""
MIGRATION = """# Migrating from 1.x to 2.0

Version 2.0 changes the reading functions and the time zone of timestamps.

Replace `read_gloss(path)` with `read(path)`; the format is detected from the file's header.
"""
STATUTES = """# Statuts de l'association

## Article 1

L'association a pour objet l'entretien des sentiers de la commune.

## Article 2

Le siège est fixé à la mairie. La dernière version des statuts est adoptée en assemblée.
"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"CHANGELOG.md": CHANGELOG, "SECURITY.md": SECURITY, "MIGRATION.md": MIGRATION}
    return assistant_over(files, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i"))


@pytest.mark.parametrize(
    "question",
    ["What is the latest version?", "Which is the latest release?"],
)
def test_the_highest_release_heading_is_quoted(folder: Assistant, question: str) -> None:
    answer = folder.ask(question)
    assert not answer.abstained, answer.reason
    assert [c.quote for c in answer.citations] == ["[2.3.0] - 2024-05-14"]
    assert answer.citations[0].path.endswith("CHANGELOG.md")


def test_a_question_naming_no_latest_release_is_left_alone(folder: Assistant) -> None:
    answer = folder.ask("How do I report a vulnerability?")
    assert "security@tidepool.dev" in answer.citations[0].quote


def test_a_french_question_on_french_changelog(tmp_path_factory: pytest.TempPathFactory) -> None:
    journal = (
        "# Journal des modifications\n\n## Version 3 — 2025-04-01\n\n- Export en PDF.\n\n"
        "## Version 4 — 2025-09-12\n\n- Mode hors ligne.\n\n## Version 2 — 2024-12-01\n\n"
        "- Première version publique.\n"
    )
    aide = "# Aide\n\nLa dernière version de l'application se télécharge sur le site.\n"
    files = {"journal-des-modifications.md": journal, "aide.md": aide}
    assistant = assistant_over(files, tmp_path_factory.mktemp("fr"), tmp_path_factory.mktemp("j"))
    answer = assistant.ask("Quelle est la dernière version de l'application ?")
    assert not answer.abstained, answer.reason
    assert [c.quote for c in answer.citations] == ["Version 4 — 2025-09-12"]


def test_numbered_articles_are_no_releases(tmp_path_factory: pytest.TempPathFactory) -> None:
    files = {"statuts.md": STATUTES}
    assistant = assistant_over(files, tmp_path_factory.mktemp("st"), tmp_path_factory.mktemp("k"))
    answer = assistant.ask("Quelle est la dernière version des statuts ?")
    assert all(c.quote != "Article 2" for c in answer.citations)


def test_a_report_s_numbered_sections_are_no_releases(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    report = (
        "# Annual report\n\n## 1.1 Background\n\nThe survey covered 40 sites.\n\n"
        "## 1.2 Scope\n\nThe latest version of this report adds the coastal sites.\n"
    )
    files = {"report.md": report}
    assistant = assistant_over(files, tmp_path_factory.mktemp("r"), tmp_path_factory.mktemp("l"))
    answer = assistant.ask("What is the latest version of the report?")
    assert all(c.quote not in ("1.2 Scope", "1.1 Background") for c in answer.citations)


FIRMWARE = """# Aerion X2 firmware release notes

## 1.5.0 (2025-06-02)

- Added a Night mode schedule that you can set in the app.

## 1.4.2 (2025-03-10)

- Fixed a bug where the purifier disconnected from Wi-Fi after a power cut.

## 1.4.0 (2024-12-01)

- Added support for voice commands.
"""
SETUP = """# Setup

The purifier connects only to 2.4 GHz Wi-Fi networks.
Install the app and press the Wi-Fi button for three seconds.
"""


@pytest.fixture(scope="module")
def product(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"release-notes.md": FIRMWARE, "setup.md": SETUP}
    return assistant_over(files, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i"))


@pytest.mark.parametrize(
    "question", ["What is the latest firmware version?", "Which is the newest firmware release?"]
)
def test_a_word_before_version_names_the_changelog_s_title(
    product: Assistant, question: str
) -> None:
    answer = product.ask(question)
    assert not answer.abstained, answer.reason
    assert [c.quote for c in answer.citations] == ["1.5.0 (2025-06-02)"]


def test_a_word_the_changelog_does_not_write_is_no_release_asked(folder: Assistant) -> None:
    answer = folder.ask("What is the latest Python version?")
    assert [c.quote for c in answer.citations] != ["[2.3.0] - 2024-05-14"]


def test_the_changelog_names_are_read_once_a_loaded_index(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """s47: every question asking the latest release read all the folder's file names anew
    (0.19 s for 50,000 files); folder_facts.FolderFacts keeps them with the loaded index."""
    files = {"CHANGELOG.md": CHANGELOG, "SECURITY.md": SECURITY}
    assistant = assistant_over(files, tmp_path_factory.mktemp("o"), tmp_path_factory.mktemp("m"))
    reads: list[int] = []

    def counted(doc_ids: Iterable[str]) -> list[str]:
        reads.append(1)
        return changelog_ids(doc_ids)

    monkeypatch.setattr(folder_facts, "changelog_ids", counted)
    for question in ("What is the latest version?", "Which is the latest release?"):
        assert [c.quote for c in assistant.ask(question).citations] == ["[2.3.0] - 2024-05-14"]
    assert len(reads) == 1


def test_a_heading_s_closing_marks_are_not_quoted(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    changelog = (
        "# Changes\n\n## 0.9.0 - 2024-01-10 ##\n\n- Beta.\n\n## 1.0.0 - 2024-03-02 ##\n\n- First.\n"
    )
    files = {"CHANGES.md": changelog, "SECURITY.md": SECURITY}
    assistant = assistant_over(files, tmp_path_factory.mktemp("c"), tmp_path_factory.mktemp("n"))
    answer = assistant.ask("What is the latest version?")
    assert [c.quote for c in answer.citations] == ["1.0.0 - 2024-03-02"]


REPORT = """# Annual survey report

| Version | Date | Change |
|---|---|---|
| 1.0 | 2024-01-10 | First issue. |
| 1.1 | 2024-03-02 | Coastal sites added. |
| 1.2 | 2024-06-20 | Figures corrected. |

## Results

The survey covered 40 sites.
"""
RAPPORT = """# Rapport annuel de suivi

| Version | Date | Modification |
|---|---|---|
| 1.0 | 2024-01-10 | Première édition. |
| 1.1 | 2024-03-02 | Sites côtiers ajoutés. |
| 1.2 | 2024-06-20 | Chiffres corrigés. |

## Résultats

Le suivi a couvert 40 sites.
"""


@pytest.mark.parametrize(
    "question",
    [
        "Which is the newest release?",
        "What is the current version?",
        "Quelle est la dernière version ?",
    ],
)
def test_the_changelog_answers_words_it_never_writes(folder: Assistant, question: str) -> None:
    """s47: "newest" and "current", which the changelog never writes, refused the question
    ("they never mention “newest”"), and a French question was refused for an English folder;
    a changelog's highest heading answers whatever words the question asks the latest by."""
    answer = folder.ask(question)
    assert not answer.abstained, answer.reason
    assert [c.quote for c in answer.citations] == ["[2.3.0] - 2024-05-14"]


def test_a_folder_of_one_changelog(tmp_path_factory: pytest.TempPathFactory) -> None:
    """s47: a folder holding only a changelog, which writes neither "latest" nor "version",
    answered "No word of the question occurs in the documents"."""
    changelog = (
        "# Changes\n\n## 0.9.0 - 2024-01-10\n\n- Beta.\n\n## 1.0.0 - 2024-03-02\n\n- First.\n"
    )
    files = {"CHANGES.md": changelog}
    assistant = assistant_over(files, tmp_path_factory.mktemp("p"), tmp_path_factory.mktemp("q"))
    answer = assistant.ask("What is the latest version?")
    assert not answer.abstained, answer.reason
    assert [c.quote for c in answer.citations] == ["1.0.0 - 2024-03-02"]


def test_another_subject_s_latest_version_is_no_changelog_s(folder: Assistant) -> None:
    answer = folder.ask("What is the latest version of Windows?")
    assert answer.abstained
    assert "Windows" in (answer.reason or "")


@pytest.mark.parametrize(
    ("name", "text", "question", "row"),
    [
        ("report.md", REPORT, "What is the latest version of the report?", "| 1.2 | 2024-06-20 |"),
        (
            "rapport.md",
            RAPPORT,
            "Quelle est la dernière version du rapport ?",
            "| 1.2 | 2024-06-20 |",
        ),
    ],
)
def test_a_report_s_latest_version_is_its_own_not_the_changelog_s(
    tmp_path_factory: pytest.TempPathFactory, name: str, text: str, question: str, row: str
) -> None:
    """s46 left "Quelle est la dernière version du rapport ?" unanswered and both questions
    quoted a library's changelog, which never writes "report" or "rapport"; the report's
    version table answers."""
    files = {name: text, "CHANGELOG.md": CHANGELOG}
    assistant = assistant_over(files, tmp_path_factory.mktemp("v"), tmp_path_factory.mktemp("w"))
    answer = assistant.ask(question)
    assert not answer.abstained, answer.reason
    assert answer.citations[0].quote.startswith(row)
    assert assistant.ask("What is the latest version?").citations[0].quote.startswith("[2.3.0]")


def test_the_project_s_own_name_asks_its_changelog(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """The README titled "tidepool" keeps no versions of its own: "the latest version of
    tidepool" is its changelog's, though the changelog never writes "tidepool" (a report's
    version table is asked instead only when the report keeps one)."""
    readme = "# tidepool\n\ntidepool reads tide-gauge records. It requires Python 3.9 or later.\n"
    files = {"CHANGELOG.md": CHANGELOG, "SECURITY.md": SECURITY, "README.md": readme}
    assistant = assistant_over(files, tmp_path_factory.mktemp("x"), tmp_path_factory.mktemp("y"))
    answer = assistant.ask("What is the latest version of tidepool?")
    assert [c.quote for c in answer.citations] == ["[2.3.0] - 2024-05-14"]
