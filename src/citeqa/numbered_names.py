"""A short name of letters then digits a question writes ("t17", "B12", "Q3", "mp3"): of the
sentences writing it or a numbered sibling of it ("t16", "t18"), those writing only a sibling
answer another thing.

Forty exercises "table tN / SELECT COUNT(*) FROM tN; / Cette requête renvoie N lignes." made
"Combien de lignes renvoie la requête sur la table t17 ?" quote t18's code and its result (s35
hostile M5): the rankers read "t17" as one rare word among the question's, and t18's lines
shared every other. identifiers.py leaves such codes out on purpose (a paraphrase writes
"TULIP-2" otherwise, and abstaining on one lost right answers), and unheld_codes.py reads
capitals only ("E52"). Here nothing abstains: when a candidate writes an asked name whole
(`NUMBERED`, any case, the same number), the candidates writing a sibling of it (the same
letters, another number) and not it are set aside, and so is a sentence writing neither whose
document's last line above it writing one writes a sibling and no asked name and is no sentence
of prose (the result line under t18's code; a table's header row "| Q1 | Q2 | Q3 |" writes the
asked one too; "Both rooms have projectors." under "Room B14 is on the 1st floor." stays);
another sentence writing neither stays. A range writes every name it spans ("Du Q1 au Q4"
writes Q3, "Salles B10 à B20" B12; joints in data/numbered_names.json).

No I/O but the range data file, read once; the name's shape is code's and a catalogue's, alike
in English and French, so it is written here, not in the language data.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from citeqa.folding import fold
from citeqa.jsonfiles import data_json

NUMBERED = re.compile(r"(?<![\w.-])([^\W\d_]{1,4})(\d{1,4})(?![\w-]|[.,]\d)")
"""A name of one to four letters then one to four digits, a word of its own ("t17", "B12",
"Q3"; not "H2O", "COVID-19", "v2.3", "t17_old")."""


class NumberedName(NamedTuple):
    letters: str
    """Its letters, lower-cased ("t")."""
    number: int
    """Its number (17)."""


def numbered_names(question: str) -> list[NumberedName]:
    """The numbered names `question` writes (`NUMBERED`), each once, in order."""
    found = (NumberedName(m[1].lower(), int(m[2])) for m in NUMBERED.finditer(question))
    return list(dict.fromkeys(found))


def written_names(text: str, letters: frozenset[str]) -> set[NumberedName]:
    """The numbered names of any of `letters` (lower-cased) `text` writes, a range's
    ("Du Q1 au Q4") each it spans (`_spanned_names`)."""
    return {
        NumberedName(m[1].lower(), int(m[2]))
        for m in NUMBERED.finditer(text)
        if m[1].lower() in letters
    } | _spanned_names(text, letters)


@cache
def _range() -> tuple[re.Pattern[str], int]:
    """The pattern of two numbered names joined into a range, on folded text (data/
    numbered_names.json: "q1 au q4", "b10-b20", "b10 to 20"), and the widest span read."""
    data = data_json("numbered_names.json")
    joints = "|".join(f"(?:{joint})" for joint in data["range_joints"])
    pattern = (
        rf"(?<![\w.])([^\W\d_]{{1,4}})(\d{{1,4}})(?:{joints})(?:\1)?(\d{{1,4}})(?![\w]|[.,]\d)"
    )
    return re.compile(pattern), int(data["max_span"])


def _spanned_names(text: str, letters: frozenset[str]) -> set[NumberedName]:
    """The numbered names of any of `letters` the ranges `text` writes span, ends included
    ("Salles B10 à B20": B10 to B20); a range wider than the data's max_span names its ends."""
    pattern, max_span = _range()
    spanned: set[NumberedName] = set()
    for match in pattern.finditer(fold(text)):
        if match[1] not in letters:
            continue
        low, high = int(match[2]), int(match[3])
        numbers = range(low, high + 1) if 0 < high - low <= max_span else (low, high)
        spanned.update(NumberedName(match[1], number) for number in numbers)
    return spanned


def of_siblings_only(
    texts: list[str], before: list[str], asked: list[NumberedName]
) -> list[int] | None:
    """The positions of `texts` (candidate sentences, in order) to keep: all but those writing
    a sibling of an asked name and no asked name, and those writing none whose text `before`
    them (its document's last BEFORE_CHARS characters above it) writes on its last line
    writing one a sibling and no asked name (the result line under t16's code; not a row under
    a header row naming the asked quarter among others), when some text writes an asked name
    and some are so set aside; else None (every text stays)."""
    if not asked:
        return None
    letters = frozenset(name.letters for name in asked)
    written = [written_names(text, letters) for text in texts]
    wanted = set(asked)
    if not any(names & wanted for names in written):
        return None
    kept = [
        at
        for at, names in enumerate(written)
        if names & wanted or (not names and _stays_under(before[at], letters, wanted))
    ]
    return kept if len(kept) < len(texts) else None


BEFORE_CHARS = 300
"""How much of the document above a sentence writing no numbered name is read for the last
line writing one: the code block or the exercise line it is the result of."""


def _stays_under(text: str, letters: frozenset[str], wanted: set[NumberedName]) -> bool:
    """Whether a sentence writing no numbered name stays under `text` (what is above it): the
    last line writing one writes none or an asked one (`wanted`), or is a sentence of prose
    (`PROSE_END`: "Room B14 is on the 1st floor." above "Both have projectors." in notes of a
    line a fact); set aside under a code line, heading, exercise line or table row."""
    line, last = _last_line_names(text, letters)
    return not last or bool(last & wanted) or PROSE_END.search(line) is not None


PROSE_END = re.compile(r"[.!?…]\W{0,3}$")
"""A line closing as a sentence of prose does ("… floor.", "… 900 €.", "(voir plus bas)."),
unlike a code line ("FROM t18;"), a heading ("## Table t18") or a table row ("| 20 |")."""


def _last_line_names(text: str, letters: frozenset[str]) -> tuple[str, set[NumberedName]]:
    """The last line of `text` writing a numbered name of any of `letters` and the names it
    writes (a table's header row "| Q1 | Q2 | Q3 |" writes the asked one too), or none."""
    for line in reversed(text.splitlines()):
        names = written_names(line, letters)
        if names:
            return line.strip(), names
    return "", set()
