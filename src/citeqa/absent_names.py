"""The acronyms and names a question writes that the corpus never writes, in any form
it may have written them: a reason to abstain (abstention.never_written).

"Quel est le poste du Dr Lefebvre ?" of a practice whose staff list has no Lefebvre was
answered with another doctor's extension; "le schéma du BCG" with a vaccination table's other
row; "l'AFGSU de Sophie Leroux" with a sentence on her (s34 trial n02, n06, n19). A word the
corpus never uses (QuestionTerms.absent, none read as a typo) counts here only when no safer
reading exists (a first attempt claimed absences that were false, s34 review):

- an acronym is `acronym_letters` to `acronym_most_letters` capitals A to Z (data), no word of
  the English word list nor of the French or German ones (data/emphasis_words.json: "Le parking
  est-il PAYANT ?", "SAUF", "NICHT" are emphasis, s35 review), in a question not written in
  capitals whose words in capitals are all so shaped (one otherwise is emphasis, and so none is
  read as an acronym: "Is the helmet REQUIRED?", "IMPÉRATIF", accented), no Roman numeral
  ("titre III"), none of the data's generic acronyms ("URL" of a written link, "TTC", "VAT":
  data/absent_names.json), and one the corpus does not spell out (corpus_initials.py: "COPD" of
  "chronic obstructive pulmonary disease", "BPCO" of "broncho-pneumopathie chronique
  obstructive", "SARL" of "S.A.R.L.");
- a titled name is the capitalised words after a title of the data ("Dr", "Mme", "M."…) and at
  most two of its particles ("de", "van der", "d'"; no other lower-case word: "Is the Dr on the
  VAT list?"), none in capitals (an acronym: "le Dr de la BPCO", s35 review), counted only when
  the corpus uses none of them ("Dr Le Gall" where it writes "Dr Le Berre": "Gall"; "Mme
  Dupont-Martin" where it writes "Dupont" is no unknown name);
- a name within a sentence is a run of capitalised words not opening a sentence ("au sud
  d'Arpajon", "la Palestine"; s45: PIAF near misses named what only their removed paragraph
  wrote), each of the data's `name_least_letters` or more, no English word ("Nick", "London":
  a cross-language question names "Londres" so), no century's numeral ("Vème"), in a question
  not written as a title (data `title_case_share`), counted only when the corpus uses none of
  them, as a titled name is;
- no word a document's path writes counts ("AFGSU" of "programme AFGSU.md": that document
  may answer); one the path of a file the build did not read writes ("attestation AFGSU
  Leroux scan.png") is refused claiming no absence, as that file may hold it (s35 review:
  questions.py splits those out, QuestionTerms.unread_names);
- the gate comes after the question's other reasons to abstain (answering.py's order): a
  question refused for its other words keeps that reason.

When unsure, nothing: the question gets its ordinary answer or refusal.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from typing import Any

from citeqa.glossary import fold
from citeqa.jsonfiles import data_json
from citeqa.known_words import known_word
from citeqa.language import opens_sentence, without_elision
from citeqa.lexical import stopwords

__all__ = ["unwritten_names"]

_CAPITALISED = r"[A-ZÀ-Þ][^\W\d_'’-]*(?:[-'’][^\W\d_]+)*(?![^\W\d_'’-])"
_ROMAN = re.compile(r"M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_CAPITALS = re.compile(r"(?<![^\W\d_])[^\W\d_]*[A-ZÀ-Þ][^\W\d_]*(?![^\W\d_])")
_PIECE = re.compile(r"[^\W\d_]+")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_NAME_RUN = re.compile(rf"(?<![^\W\d_-]){_CAPITALISED}(?:[ \u00a0]+{_CAPITALISED})*")
_ROMAN_ORDINAL = re.compile(r"[ivxlcdm]+(?:e|er|eme|re|th|st|nd|rd)?")


@cache
def _data() -> Mapping[str, Any]:
    """data/absent_names.json."""
    data: Mapping[str, Any] = data_json("absent_names.json")
    return data


@cache
def _titled() -> re.Pattern[str]:
    """A title, then the name after it (group 1), case as typed: a capitalised word, after at
    most two of the data's particles ("de", "van der", "d'"), and the capitalised words after
    it."""
    titles = sorted(_data()["titles"], key=len, reverse=True)
    alternatives = "|".join(re.escape(title) for title in titles)
    particles = sorted(_data()["name_particles"], key=len, reverse=True)
    particle = "|".join(
        re.escape(word) if word[-1] in "'’" else rf"{re.escape(word)}[ \u00a0]+"
        for word in particles
    )
    name = rf"(?:{particle}){{0,2}}{_CAPITALISED}(?:[ \u00a0]+{_CAPITALISED})*"
    return re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])[ \u00a0]+({name})")


@cache
def _emphasis_words() -> frozenset[str]:
    """The French and German words of data/emphasis_words.json, folded."""
    lists = data_json("emphasis_words.json")["words"]
    return frozenset(fold(word) for words in lists.values() for word in words)


@cache
def _generic() -> frozenset[str]:
    """The data's generic acronyms, folded."""
    return frozenset(fold(word) for word in _data()["generic_acronyms"])


def unwritten_names(
    focus: str,
    absent: Sequence[str],
    corrected: Mapping[str, str],
    path_writes: Callable[[str], bool],
    spelt_out: Callable[[str], bool],
) -> list[str]:
    """The words of `absent` (as typed; none `corrected` as a typo) that are acronyms, titled
    names or names within a sentence of `focus` no safer reading explains, each without its
    elision, in order, each once (see the module's docstring). `path_writes` says whether a
    document's path writes a word; `spelt_out` whether the corpus spells an acronym out
    (CorpusInitials.spells), asked last, for a candidate only."""
    unused = [without_elision(typed) for typed in absent if typed not in corrected]
    if not unused:
        return []
    unknown = set(unused)
    names = [*_titled_names(focus), *_mid_sentence_names(focus)]
    titled = {word for name in names if _unknown(name, unknown) for word in name}
    acronyms = _acronyms(focus)
    found: dict[str, None] = {}
    for word in unused:
        if word not in titled and word not in acronyms:
            continue
        if path_writes(word):
            continue
        if word in titled or not spelt_out(word):
            found[word] = None
    return list(found)


def _mid_sentence_names(focus: str) -> list[list[str]]:
    """The names `focus` writes capitalised within a sentence (a place's, a person's: "au sud
    d'Arpajon", "la Palestine", "Corbeil-Essonnes"), each its run of capitalised words, as typed,
    without an elided particle: none opening a sentence nor after a title (`_after_title`), no
    English word ("Nick", "Sublime"), no century's Roman numeral ("Vème"), none shorter than
    the data's `name_least_letters`; none at all in a question whose words past the first are
    mostly capitalised (a title: "Can STIR Imaging Be Omitted?", `title_case_share`;
    "Livrez-vous en Belgique ?" is none, s46 trial).
    Session 45: near misses named a place or a person only the removed paragraph wrote, and
    were answered from the article's other paragraphs."""
    words = _WORD.findall(focus)[1:]  # the first is capitalised in any sentence
    capitalised = [word for word in words if word[0].isupper()]
    if not words or len(capitalised) > float(_data()["title_case_share"]) * len(words):
        return []
    names: list[list[str]] = []
    for run in _NAME_RUN.finditer(focus):
        if opens_sentence(focus, run.start()) or _after_title(focus[: run.start()]):
            continue
        name = [without_elision(word) for word in run.group().split()]
        if all(_name_shaped(word) for word in name):
            names.append(name)
    return names


def _after_title(before: str) -> bool:
    """Whether one of the last two words of `before` is a title of the data ("Madame la
    Présidente" names an office; a name after a title is `_titled_names`' to read)."""
    return any(fold(word) in _folded_titles() for word in _WORD.findall(before)[-2:])


@cache
def _folded_titles() -> frozenset[str]:
    """The data's titles folded, without their closing period ("Dr." is "dr"), read once."""
    return frozenset(fold(title.rstrip(".")) for title in _data()["titles"])


def _name_shaped(word: str) -> bool:
    """Whether the capitalised `word` may be a name (`_mid_sentence_names`)."""
    letters = "".join(_PIECE.findall(word))
    if len(letters) < int(_data()["name_least_letters"]) or not word.istitle():
        return False
    ordinal = _ROMAN_ORDINAL.fullmatch(fold(word))
    return not ordinal and not known_word(fold(word), "en")


def _titled_names(focus: str) -> list[list[str]]:
    """The names after a title in `focus`: each its capitalised words, as typed, without an
    elided particle ("d'Amico" is "Amico"); a word in capitals is none ("Dr de la BPCO": an
    acronym gets its own, safer, checks)."""
    names = []
    for match in _titled().finditer(focus):
        words = [without_elision(word) for word in match.group(1).split()]
        names.append([word for word in words if word[0].isupper() and not _in_capitals(word)])
    return names


def _in_capitals(word: str) -> bool:
    """Whether `word` writes two letters or more, all in capitals ("BPCO", "VAT")."""
    letters = _PIECE.findall(word)
    return sum(len(piece) for piece in letters) > 1 and all(piece.isupper() for piece in letters)


def _unknown(name: list[str], unknown: set[str]) -> bool:
    """Whether the corpus uses no word of `name` (its words in `unknown`, or each piece of a
    hyphenated one; a function word, "Le" of "Le Gall", says nothing): "Mme Dupont-Martin"
    where the corpus writes "Dupont" is no unknown name."""
    said = [word for word in name if fold(word) not in stopwords()]
    return bool(said) and all(
        word in unknown or all(piece in unknown for piece in _PIECE.findall(word)) for word in said
    )


def _acronyms(focus: str) -> set[str]:
    """The words of `focus` in capitals that are acronyms (see the module's docstring); none
    when it writes a word in capitals that is no acronym (emphasis: "REQUIRED", "IMPÉRATIF")."""
    if not any(character.islower() for character in focus):
        return set()  # a question written in capitals has no acronym
    capitals = [
        without_elision(word)
        for word in _CAPITALS.findall(focus)
        if sum(character.isupper() for character in word) > 1 and not word.istitle()
    ]
    shaped = [word for word in capitals if _acronym_shaped(word)]
    if len(shaped) != len(capitals):
        return set()
    return {word for word in shaped if not _generic_or_numeral(word)}


def generic_acronym(word: str) -> bool:
    """Whether the question's `word`, as typed, is in capitals and one of the data's generic
    acronyms or interjections ("SOS", "FYI", "URL"): never a word a reason says the corpus
    lacks (abstention's weighed words; s37 hostile probe M1: "SOS adhésion prix")."""
    return word.isupper() and fold(word) in _generic()


def _acronym_shaped(word: str) -> bool:
    """Whether `word` is the data's count of capitals A to Z, and no English, French or German
    word."""
    least, most = int(_data()["acronym_letters"]), int(_data()["acronym_most_letters"])
    if not (least <= len(word) <= most and word.isascii() and word.isalpha() and word.isupper()):
        return False
    folded = fold(word)
    return not known_word(folded, "en") and folded not in _emphasis_words()


def _generic_or_numeral(word: str) -> bool:
    """Whether an acronym-shaped `word` is a Roman numeral or a generic acronym of the data."""
    return bool(_ROMAN.fullmatch(word)) or fold(word) in _generic()
