"""A version number the question asks of a named thing that no document writes is a reason to
abstain, naming it (unheld_versions.py; s46 trial a16: "Does tidepool support Python 3.13?"
quoted the changelog's "Support for Python 3.7 was dropped.")."""

from __future__ import annotations

import pytest

from citeqa.api import Assistant
from small_corpora import assistant_over

CHANGELOG = """# Changelog

## [2.3.0] - 2024-05-14

### Added
- Support for Python 3.12.
- Monthly resampling.

## [2.0.0] - 2023-03-08

### Removed
- Support for Python 3.7 was dropped.
"""
INSTALL = """# Installation

tidepool requires Python 3.9.1 or later and NumPy 1.22 or later.

Install it with pip install tidepool.
"""
GUIDE = """# Guide d'installation

Le logiciel fonctionne avec PostgreSQL 14.2 et les versions suivantes.

La version 2 du logiciel exporte les relevés en CSV.
"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    files = {"CHANGELOG.md": CHANGELOG, "INSTALL.md": INSTALL, "guide.md": GUIDE}
    return assistant_over(files, tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("i"))


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("Does tidepool support Python 3.13?", "The documents never mention “3.13”."),
        ("Does tidepool run with NumPy 1.30?", "The documents never mention “1.30”."),
        (
            "Le logiciel fonctionne-t-il avec PostgreSQL 16.1 ?",
            "Les documents ne mentionnent jamais “16.1”.",
        ),
    ],
)
def test_an_unwritten_version_abstains_naming_it(
    folder: Assistant, question: str, reason: str
) -> None:
    answer = folder.ask(question)
    assert answer.abstained, [c.quote for c in answer.citations]
    assert answer.reason == reason


@pytest.mark.parametrize(
    ("question", "quoted"),
    [
        ("Does tidepool support Python 3.12?", "Support for Python 3.12."),
        ("Does tidepool support Python 3.9?", "Python 3.9.1 or later"),  # a release of 3.9
        ("Le logiciel fonctionne-t-il avec PostgreSQL 14.2 ?", "PostgreSQL 14.2"),
    ],
)
def test_a_written_version_is_answered(folder: Assistant, question: str, quoted: str) -> None:
    answer = folder.ask(question)
    assert not answer.abstained, answer.reason
    assert quoted in answer.citations[0].quote


def test_a_version_of_zeros_is_read_as_its_major(folder: Assistant) -> None:
    answer = folder.ask("Que fait la version 2.0 du logiciel ?")  # the guide writes "version 2"
    assert not answer.abstained, answer.reason
