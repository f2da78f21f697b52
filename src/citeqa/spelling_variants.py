"""Owns the other spellings of an English word whose ending British and American English write
two ways ("plagiarising" / "plagiarizing", "organisation" / "organization", "colour" / "color":
data/spelling_variants.json's pairs). The stemmer joins some forms of one spelling only
("plagiarizing" and "plagiarism" share "plagiar", "plagiarising" stems to "plagiaris"), so a
question spelt one way misses documents spelt the other (s47 trial b09: "What happens the
first time I am caught plagiarising?" was refused though the policy writes "plagiarism").
`other_spellings` gives the candidates; the question's reading (questions.variant_spelling)
keeps one only when the corpus writes it and not the word as typed. French folds its feminine
forms in -ée/-ées to endings its stemmer cuts otherwise ("prélevées" / "prélèvement": the
data's `pairs_fr`; s54 trial). No I/O but the data file,
read once."""

from __future__ import annotations

from functools import cache

from citeqa.jsonfiles import data_json

__all__ = ["MIN_STEM", "other_spellings"]

MIN_STEM = 3
"""The fewest letters before a varying ending: "colour" ("col") varies, "four" ("f") does not."""


@cache
def _pairs(lang: str) -> tuple[tuple[str, str], ...]:
    """Each ending of `lang` ("en": the data's `pairs`, "fr": its `pairs_fr`) with its other
    spelling, both ways, longest ending first."""
    pairs = data_json("spelling_variants.json")["pairs" if lang == "en" else "pairs_fr"]
    both = [(one, other) for one, other in pairs] + [(other, one) for one, other in pairs]
    return tuple(sorted(both, key=lambda pair: -len(pair[0])))


def other_spellings(word: str, lang: str = "en") -> list[str]:
    """The other spellings of the folded `word` of a question in `lang` ("en" or "fr") by its
    ending (each pair whose ending it has, keeping MIN_STEM letters before it), each once, in
    the data's order; none for a word with a character other than a letter."""
    if not word.isalpha():
        return []
    found = [
        word[: len(word) - len(ending)] + other
        for ending, other in _pairs(lang)
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM
    ]
    return list(dict.fromkeys(found))
