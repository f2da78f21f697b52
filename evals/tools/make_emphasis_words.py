"""Writes src/citeqa/data/emphasis_words.json, the French and German words a question may write
in capitals for emphasis ("Le parking est-il PAYANT ?", "SAUF", "NICHT"), which absent_names.py
never reads as acronyms (s35 review: the English word list alone let them through).

Source: pyspellchecker's frequency lists (MIT; built from OpenSubtitles), `fr.json.gz` and
`de.json.gz` of its `spellchecker/resources/`: the words that fold to 3 to 6 ASCII letters (the
lengths absent_names.json reads as acronyms). French: every such word (13,007; none of "BCG",
"BPCO", "AFGSU", "RDV", "OMS", "SNCF", "TVA", "CPAM"; among them "usa", "bac", "plu").
German: those seen at least GERMAN_FLOOR times, as the list's words added at its floor count
(50) hold acronyms ("hiv", "pcs", "sos"): 1,766 words. pyspellchecker is no dependency of
citeqa: only its lists are read, here, once.

Usage: python evals/tools/make_emphasis_words.py RESOURCES_DIR [OUT_JSON]
"""

from __future__ import annotations

import gzip
import json
import sys
import unicodedata
from pathlib import Path

SHORTEST, LONGEST = 3, 6
GERMAN_FLOOR = 500
DESCRIPTION = (
    "French and German words a question may write in capitals for emphasis ('PAYANT', 'SAUF', "
    "'NICHT'): never an acronym (absent_names.py; English: known_words.json). Folded, 3 to 6 "
    "ASCII letters. From pyspellchecker 0.9.1's fr and de frequency lists (MIT, built from "
    "OpenSubtitles; German: seen 500 times or more), written by "
    "evals/tools/make_emphasis_words.py."
)


def folded(word: str) -> str:
    """`word` lower-cased without accents."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def short_words(frequencies: dict[str, int], floor: int) -> list[str]:
    """The folded words of `frequencies` seen `floor` times or more, of SHORTEST to LONGEST
    ASCII letters, sorted."""
    words = {folded(word) for word, count in frequencies.items() if count >= floor}
    return sorted(
        word
        for word in words
        if SHORTEST <= len(word) <= LONGEST and word.isascii() and word.isalpha()
    )


def main(argv: list[str]) -> None:
    """Reads argv[0]'s fr.json.gz and de.json.gz, writes argv[1] (default: the package's file)."""
    resources = Path(argv[0])
    default = Path(__file__).parents[2] / "src/citeqa/data/emphasis_words.json"
    out = Path(argv[1]) if len(argv) > 1 else default
    lists = {}
    for lang, floor in (("fr", 0), ("de", GERMAN_FLOOR)):
        with gzip.open(resources / f"{lang}.json.gz", "rt", encoding="utf-8") as source:
            lists[lang] = short_words(json.load(source), floor)
    data = {"format": 1, "description": DESCRIPTION, "words": lists}
    out.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print({lang: len(words) for lang, words in lists.items()}, "->", out)


if __name__ == "__main__":
    main(sys.argv[1:])
