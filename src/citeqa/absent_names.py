"""The names and acronyms a question writes that the corpus never writes: a reason to abstain.

"Quel est le poste du Dr Lefebvre ?" of a practice whose staff list has no Lefebvre was
answered with another doctor's extension; "Quel est le schéma du BCG ?" with a vaccination
table's other row (s34 trial n02, n06, n19). A word the corpus never writes (QuestionTerms.absent,
not read as a typo of a corpus word) is such a name when it is an acronym (all capitals, at
least the data's `acronym_letters` letters, in a question not written all in capitals) or a
capitalised word just after a title (Dr, Mme, M., Prof…: data/absent_names.json). A French
elision before it is no part of it ("l'AFGSU" is "AFGSU"). An acronym naming the format of
documents of the folder ("PDF" of a folder of .pdf files) asks of those files: no such name.
abstention.never_written refuses such a question, claiming the absence only of those no path
writes (path_words.py).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from citeqa.jsonfiles import data_json
from citeqa.language import without_elision
from citeqa.path_words import PathWords

__all__ = ["unwritten_names"]

_NAME = r"[^\W\d_][^\W\d_'’-]*(?:[-'’][^\W\d_]+)*"


@cache
def _data() -> Mapping[str, Any]:
    """data/absent_names.json."""
    data: Mapping[str, Any] = data_json("absent_names.json")
    return data


@cache
def _titled() -> re.Pattern[str]:
    """A title, then the word after it (group 1), case as typed."""
    titles = sorted(_data()["titles"], key=len, reverse=True)
    alternatives = "|".join(re.escape(title) for title in titles)
    return re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])\s+({_NAME})")


def unwritten_names(
    focus: str, absent: Sequence[str], corrected: Mapping[str, str], paths: PathWords
) -> list[str]:
    """The words of `absent` (as typed; none `corrected` as a typo) that are acronyms or
    names after a title in `focus`, each without its elision, in order, each once; an acronym
    a document's extension writes left out (see the module's docstring)."""
    titled = {match.group(1) for match in _titled().finditer(focus) if match.group(1)[0].isupper()}
    shouted = not any(character.islower() for character in focus)
    found: dict[str, None] = {}
    for typed in absent:
        if typed in corrected:
            continue
        word = without_elision(typed)
        if word in titled or (not shouted and _acronym(word) and not paths.extension(word)):
            found[word] = None
    return list(found)


def _acronym(word: str) -> bool:
    """Whether `word` is all capital letters, at least the data's `acronym_letters`."""
    return word.isalpha() and word.isupper() and len(word) >= int(_data()["acronym_letters"])
