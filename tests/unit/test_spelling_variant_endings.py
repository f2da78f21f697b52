"""spelling_variants.other_spellings: the other spelling of a word's British or American ending,
never of a word too short before it."""

from __future__ import annotations

from citeqa.spelling_variants import other_spellings


def test_an_ending_spelt_two_ways_gives_the_other() -> None:
    assert other_spellings("plagiarising") == ["plagiarizing"]
    assert other_spellings("organization") == ["organisation"]
    assert other_spellings("colour") == ["color"]


def test_a_short_stem_or_a_code_has_none() -> None:
    assert other_spellings("four") == []  # no "for"
    assert other_spellings("x2-tour") == []
