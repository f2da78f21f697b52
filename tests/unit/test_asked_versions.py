"""Which numbers of a question read as a version asked of a named thing (unheld_versions.py)."""

from __future__ import annotations

import pytest

from citeqa.unheld_versions import AskedVersion, asked_versions


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("Does tidepool support Python 3.13?", [AskedVersion("3.13", "3.13")]),
        ("Is the v3.13 build signed?", [AskedVersion("v3.13", "3.13")]),
        ("Quoi de neuf dans la version 2.4.1 ?", [AskedVersion("2.4.1", "2.4")]),
        ("MR Diagnosis at 1.5 T", []),  # after a function word: a field strength
        ("Is the dose 1.5 mg?", []),  # a unit follows
        ("Quelle part représentent les 9,7 % ?", []),  # a decimal comma
        ("What changed in version 2.0?", []),  # "v2" and "version 2" write it as often
    ],
)
def test_asked_versions(question: str, asked: list[AskedVersion]) -> None:
    assert asked_versions(question) == asked
