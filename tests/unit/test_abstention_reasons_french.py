"""abstention.no_value_kind in French: "de" elided before a vowel or a mute h (s41 school
trial: "n’écrivent pas de “adresse”")."""

from __future__ import annotations

import pytest

from citeqa.abstention import no_value_kind


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["adresse"], "Les passages qui répondraient n’écrivent pas d’“adresse”."),
        (["e-mail"], "Les passages qui répondraient n’écrivent pas d’“e-mail”."),
        (["horaire"], "Les passages qui répondraient n’écrivent pas d’“horaire”."),
        (["telephone"], "Les passages qui répondraient n’écrivent pas de “telephone”."),
        (
            ["numero", "portable"],
            "Les passages qui répondraient n’écrivent pas de “numero portable”.",
        ),
    ],
)
def test_french_reason_elides_de_before_a_vowel(words: list[str], expected: str) -> None:
    assert no_value_kind(words, "fr") == expected


def test_english_reason_is_unchanged() -> None:
    assert no_value_kind(["address"], "en") == "The passages that would answer write no “address”."
