"""A class, bus or group key no table holds ("When does Bus 14 B leave?"), as the reason for
abstaining writes it and the keys it names as the closest (unheld_keys.py).

The question names such a key by a number and one capital letter, often after a cue word
("Bus 14 B", "Year 9 D": language data `lettered_number_cues`; keyshapes.lettered_key). The
reason writes the key as asked, its cue word with it ("Bus 14 B", not "14 B"), and names as
the closest the keys of its own kind: those a table writes after the same cue word, in their
cell ("Bus 12 A") or as their column's header (`| Bus | Departure |` over "12 A"); else
those of its shape, numbered by an ordinal or not ("4e A" for "la 4e D", "Bus 12 A" for "Bus
14 B"); else, when the tables hold none of those, any of the tables' keys (s43: with a class
table and a bus table, "Bus 14 B" named the classes "4e A, 4e C" as the closest).
"""

from __future__ import annotations

from collections.abc import Sequence

from citeqa.glossary import fold
from citeqa.keyshapes import key_kind, lettered_cues, lettered_parts, ordinal_key

__all__ = ["asked_as", "of_its_kind"]


def asked_as(key: str, before: str) -> str:
    """`key` as the question asks it: a class or group key after its cue word with that word
    ("Bus 14 B", "bus 14 B"); any other key alone ("4e D" of "la 4e D", "42" of "code 42")."""
    return f"{before} {key}" if _cue(key, before) else key


def of_its_kind(key: str, before: str, held: Sequence[tuple[str, str]]) -> list[str]:
    """The keys `held` (each a table's key cell, with its column's header) that a reason names
    as close to `key`, asked after the word `before`: for a class or group key, those after
    its cue word, else those of its shape, else all (module docstring); for any other, all."""
    cells = [cell for cell, _ in held]
    if key_kind(key) != "lettered":
        return cells
    cue = _cue(key, before)
    cued = [cell for cell, header in held if cue and _held_cue(cell, header) == cue]
    shaped = [cell for cell in cells if _ordinal(cell) == ordinal_key(key)]
    return cued or shaped or cells


def _cue(key: str, before: str) -> str:
    """The cue word, folded, that a class or group `key` is asked after ("bus" of "Bus 14
    B"); "" when the word `before` it is none ("la 4e D") or the key is of another kind."""
    folded = fold(before).strip()
    return folded if key_kind(key) == "lettered" and folded in lettered_cues() else ""


def _held_cue(cell: str, header: str) -> str:
    """The word, folded, a table writes a class or group key after: the word before it in its
    cell ("bus" of "Bus 12 A"), else its column's header ("Bus" over "12 A")."""
    parts = lettered_parts(cell)
    words = parts[0].split() if parts else []
    return fold(words[-1] if words else header).strip()


def _ordinal(cell: str) -> bool:
    """Whether a cell's class or group key is numbered by an ordinal ("4e A", "4eB")."""
    parts = lettered_parts(cell)
    return parts is not None and ordinal_key(parts[1])
