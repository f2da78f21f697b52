"""A user's changelog of hostile shape: the latest release is read without an error or a wrong
heading (latest_release.py; s47 hostile-input probe)."""

from __future__ import annotations

from citeqa.latest_release import latest_release
from citeqa.models import Document


def _changelog(text: str) -> Document:
    path = "/CHANGELOG.md"
    return Document(doc_id="CHANGELOG", title="Log", path=path, text=text, sha256="0", kind="md")


def test_a_release_number_beyond_the_int_conversion_limit_is_compared() -> None:
    huge = "1" * 5000
    text = f"# Changelog\n\n## 2.0.0 - 2023-01-01\n\n- Old.\n\n## {huge}.0 - 2024-02-02\n\n- New.\n"
    latest = latest_release("What is the latest version?", [_changelog(text)])
    assert latest is not None
    assert text[latest.start : latest.end] == f"{huge}.0 - 2024-02-02"


def test_parts_compare_as_numbers_leading_zeros_aside() -> None:
    text = "# Changes\n\n## 2.010 - 2024-03-01\n\n- A.\n\n## 2.9 - 2024-01-01\n\n- B.\n"
    latest = latest_release("What is the latest version?", [_changelog(text)])
    assert latest is not None
    assert text[latest.start : latest.end] == "2.010 - 2024-03-01"


def test_digits_of_another_script_compare_by_their_values() -> None:
    text = "# Changes\n\n## ٢.٠ - 2024-01-01\n\n- A.\n\n## 3.0 - 2024-02-01\n\n- B.\n"
    latest = latest_release("Quelle est la dernière version ?", [_changelog(text)])
    assert latest is not None
    assert text[latest.start : latest.end] == "3.0 - 2024-02-01"
