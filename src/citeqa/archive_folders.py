"""Owns which documents lie in an archive (stage) folder beside current files, by their paths,
and when a question names the archive itself (`asks_archive`).

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
from citeqa.lexical import fold, stopwords

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
    """The archive `folders` some document of whose parent folder lies outside them: their
    parent holds more documents than they do. One pass counts the documents under each
    folder (each id's folders once: linear in the ids' folders, whatever the number of
    archive folders; s35 review: each id read against each archive folder of its parent took
    seconds for 1,500 clients' "C12 archives")."""
    held: dict[str, int] = {"": len(doc_ids)}
    for doc_id in doc_ids:
        parts = doc_id.split("/")[:-1]
        for depth in range(1, len(parts) + 1):
            folder = "/".join(parts[:depth])
            held[folder] = held.get(folder, 0) + 1
    return {folder for folder in folders if held[folder.rpartition("/")[0]] > held[folder]}


def without_sibling(doc_ids: Iterable[str], archived_in: dict[str, str]) -> frozenset[str]:
    """The documents of `archived_in` (each archived document and its archive folder) that no
    current document of the archive's parent tree names alike: no name of a document outside
    archive folders there shares a word of theirs, years, numbers, stopwords and words of
    fewer than three letters aside, a plural's "s" aside ("Tarifs 2024" beside "Tarifs 2025",
    "horaires 2024" beside "horaires et fermetures", "CR réunion 2024-06-10" beside
    "2025-11-17 réunion d'équipe"). Such a document is no earlier edition of anything current
    ("Twitter archive/tweets 2019", "Anciens/promo 1998" beside "Bureau/statuts"): never set
    aside, it may still be labelled. One pass indexes the current names by word."""
    current: dict[str, list[str]] = {}
    for doc_id in doc_ids:
        if doc_id not in archived_in:
            for word in _name_words(doc_id):
                current.setdefault(word, []).append(doc_id)
    found: dict[tuple[str, frozenset[str]], bool] = {}
    alone = set()
    for doc_id, folder in archived_in.items():
        key = (folder.rpartition("/")[0], _name_words(doc_id))
        if key not in found:
            found[key] = _has_sibling(*key, current)
        if not found[key]:
            alone.add(doc_id)
    return frozenset(alone)


def _name_words(doc_id: str) -> frozenset[str]:
    """The content words of a document's file name, folded, a plural's "s" aside (years,
    numbers such as "v2", stopwords and words of fewer than three letters aside)."""
    words = _WORD.findall(fold(doc_id.rpartition("/")[2]))
    return frozenset(
        _singular(word)
        for word in words
        if len(word) > 2 and word.isalpha() and word not in stopwords()
    )


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


def _has_sibling(parent: str, words: frozenset[str], current: dict[str, list[str]]) -> bool:
    """Whether a current document under `parent` ("": anywhere) has a name sharing one of
    `words` (`current`: each name word's current documents)."""
    prefix = parent + "/" if parent else ""
    return any(doc_id.startswith(prefix) for word in words for doc_id in current.get(word, ()))


def asks_archive(question: str) -> bool:
    """Whether `question` names the archive itself: a noun phrase ("dans les archives", "the
    old files", "l'ancien dossier", "les fichiers archivés"; data/archive_folders.json
    "asked"), never a bare adjective or the verb (s35 review: "How old must a child be?",
    "How do I archive a project?", "What is the previous deadline?" named no archive)."""
    return _asked_phrase().search(fold(question)) is not None


@cache
def _asked_phrase() -> re.Pattern[str]:
    asked = data_json("archive_folders.json")["asked"]

    def either(key: str) -> str:
        return "|".join(sorted(map(re.escape, asked[key]), key=len, reverse=True))

    determiner = rf"(?<![^\W_])(?:(?:{either('determiners')})\s+|l['’]\s*)"
    noun, adjective = f"(?:{either('file_nouns')})", f"(?:{either('adjectives')})"
    phrases = [
        f"(?:{either('archive_nouns')})",
        rf"{adjective}\s+{noun}",
        rf"{noun}\s+{adjective}",
    ]
    return re.compile(rf"{determiner}(?:{'|'.join(phrases)})(?![^\W_])")
