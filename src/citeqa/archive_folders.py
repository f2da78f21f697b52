"""Owns which documents lie in an archive (stage) folder beside current files, by their paths.

A shared drive keeps last year's papers in a folder named for what it is, not for a period
("archive/2024/Tarifs 2024" beside "Tarifs/Tarifs 2025", "archive/2024/horaires 2024" beside
"Infos pratiques/horaires et fermetures"): the current files live elsewhere under other
names, so superseded.py (which pairs editions by folder and name) pairs none of them, and the
archived hours and fees were quoted as current (s34 trial, cause 2). A folder whose name is an
archive word (data/archive_folders.json: "archive", "Archives 2023", "anciennes versions",
"tarifs_old") is such a STAGE folder, when some document of its parent folder lies outside
it: a folder holding the whole corpus ("Archives/" indexed alone) is the corpus, not a stage.
A year folder alone ("clients/dupont/2024/") or a client's folder is an ENTITY folder: no
archive word, nothing read as archived. No pairing by names or columns: versions.py reads an
archived document as an earlier edition of whatever outside it answers (set aside while a
document outside archive folders answers, quoted after it labelled, answering alone labelled
when nothing else does), unless the question names a year its path writes ("en 2024") or the
archive itself ("dans les archives").

Told once from the document ids when the first question is asked (`archived`): one pass over
the joined ids for an archive word, then each id's folders only when one is found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from citeqa.jsonfiles import data_json
from citeqa.lexical import fold

_WORD = re.compile(r"[^\W_]+")
_YEAR = re.compile(r"(?:19|20)\d\d")


@dataclass(frozen=True)
class _Names:
    names: frozenset[str]
    last_words: frozenset[str]
    any_word: re.Pattern[str]
    """Any archive word as a word of folded text: the quick test of all ids at once."""


@cache
def _names() -> _Names:
    data = data_json("archive_folders.json")
    names = frozenset(fold(name) for name in data["names"])
    last_words = frozenset(fold(word) for word in data["last_words"])
    single = {name for name in names if " " not in name} | last_words
    words = set(single)
    for name in names:  # a name of several words none of which is one alone ("older versions")
        if not single & set(_WORD.findall(name)):
            words.update(_WORD.findall(name))
    alternatives = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    return _Names(names, last_words, re.compile(f"(?<![^\\W_])(?:{alternatives})(?![^\\W_])"))


def is_archive_folder(name: str) -> bool:
    """Whether a folder's name names an archive (module docstring): the whole name, its years
    and separators aside, is an archive name, or its last word is an archive word."""
    names = _names()
    words = [word for word in _WORD.findall(fold(name)) if not _YEAR.fullmatch(word)]
    if not words:
        return False
    return " ".join(words) in names.names or (len(words) > 1 and words[-1] in names.last_words)


def archived(doc_ids: Iterable[str]) -> dict[str, str]:
    """Each document among `doc_ids` (each its path, corpus.document_id) lying under a stage
    folder, and that folder's path (its outermost archive folder's); empty for most folders
    (no id writes an archive word)."""
    ids = list(doc_ids)
    if _names().any_word.search(fold("\n".join(ids))) is None:
        return {}
    under: dict[str, str] = {}
    for doc_id in ids:
        folders = doc_id.split("/")[:-1]
        at = next((n for n, folder in enumerate(folders) if is_archive_folder(folder)), None)
        if at is not None:
            under[doc_id] = "/".join(folders[: at + 1])
    if not under:
        return {}
    staged = _stages(ids, set(under.values()))
    return {doc_id: folder for doc_id, folder in under.items() if folder in staged}


def _stages(doc_ids: list[str], folders: set[str]) -> set[str]:
    """The archive `folders` some document of whose parent folder lies outside them."""
    by_parent: dict[str, list[str]] = {}
    for folder in folders:
        by_parent.setdefault(folder.rpartition("/")[0], []).append(folder)
    staged: set[str] = set()
    for doc_id in doc_ids:
        parts = doc_id.split("/")[:-1]
        for depth in range(len(parts) + 1):
            parent = "/".join(parts[:depth])
            for folder in by_parent.get(parent, []):
                if not (doc_id.startswith(folder + "/")):
                    staged.add(folder)
            if depth < len(parts) and "/".join(parts[: depth + 1]) in folders:
                break  # inside an archive folder: no parent deeper is outside it
    return staged


def asks_archive(question: str, folder: str) -> bool:
    """Whether `question` names the archive `folder` itself ("dans les archives", "the old
    files"): it writes a word of its name (a plural's "s" aside, years aside)."""
    named = {_singular(word) for word in _WORD.findall(fold(folder.rpartition("/")[2]))}
    named = {word for word in named if not _YEAR.fullmatch(word) and word in _archive_words()}
    asked = {_singular(word) for word in _WORD.findall(fold(question))}
    return bool(named & asked)


@cache
def _archive_words() -> frozenset[str]:
    names = _names()
    words = {word for name in names.names for word in _WORD.findall(name)} | names.last_words
    return frozenset(_singular(word) for word in words)


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") else word
