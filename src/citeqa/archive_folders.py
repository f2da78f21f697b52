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
archive word, nothing read as archived. No pairing by columns: versions.py reads an archived
document as an earlier edition of whatever outside it answers (set aside while a document
outside archive folders answers, quoted after it labelled only beside a quoted file whose
name shares a word with its own, `name_words`, answering alone labelled when nothing else
does), unless the question names a year its path writes ("en 2024") or the archive itself
("dans les archives").

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
    folder in a tree of folder names (each id's folders once, no folder's path ever joined:
    linear in the ids' lengths, whatever the number of archive folders or their depth; s35
    review: each id read against each archive folder of its parent took seconds for 1,500
    clients' "C12 archives"; s36 hostile review M5: joining each depth's path grew with the
    cube of a folder chain's depth)."""
    root = _Folder()
    for doc_id in doc_ids:
        for folder in root.along(doc_id.split("/")[:-1]):
            folder.held += 1
    staged = set()
    for path in folders:
        *_, parent, folder = root.along(path.split("/"))
        if parent.held > folder.held:
            staged.add(path)
    return staged


class _Folder:
    """A folder of the ids' tree: the documents under it, its current documents' name words
    (without_sibling), its sub-folders by name."""

    __slots__ = ("held", "sub", "words")

    def __init__(self) -> None:
        self.held = 0
        self.words: set[str] = set()
        self.sub: dict[str, _Folder] = {}

    def along(self, parts: list[str]) -> list[_Folder]:
        """This folder and each of `parts`' folders below it, outermost first (made if new)."""
        folders = [self]
        for part in parts:
            below = folders[-1].sub.get(part)
            if below is None:
                below = folders[-1].sub[part] = _Folder()
            folders.append(below)
        return folders

    def within(self, parts: list[str]) -> list[_Folder]:
        """This folder and those of `parts`' folders below it the tree holds, outermost first."""
        folders = [self]
        for part in parts:
            below = folders[-1].sub.get(part)
            if below is None:
                break
            folders.append(below)
        return folders


def without_sibling(doc_ids: Iterable[str], archived_in: dict[str, str]) -> frozenset[str]:
    """The documents of `archived_in` (each archived document and its archive folder) that no
    current document of the archive's parent tree names alike: no name of a document outside
    archive folders there shares a word of theirs, years, numbers, stopwords and words of
    fewer than three letters aside, a plural's "s" aside ("Tarifs 2024" beside "Tarifs 2025",
    "horaires 2024" beside "horaires et fermetures", "CR réunion 2024-06-10" beside
    "2025-11-17 réunion d'équipe"). Such a document is no earlier edition of anything current
    ("Twitter archive/tweets 2019", "Anciens/promo 1998" beside "Bureau/statuts"): never set
    aside, it may still be labelled. One pass gives each archive's parent folder the name
    words of the current documents under it (a tree of those parents: each check is a set
    lookup; s36 hostile review M4: reading each current document holding a word, for each
    archived document, grew with the square of k clients' "Ck/archives")."""
    parents = _Folder()
    for folder in archived_in.values():
        parents.along(_parts(folder.rpartition("/")[0]))
    for doc_id in doc_ids:
        if doc_id not in archived_in:
            words = name_words(doc_id)
            for parent in parents.within(doc_id.split("/")[:-1]):
                parent.words |= words
    return frozenset(
        doc_id
        for doc_id, folder in archived_in.items()
        if parents.along(_parts(folder.rpartition("/")[0]))[-1].words.isdisjoint(name_words(doc_id))
    )


def _parts(folder: str) -> list[str]:
    """The folder names of a folder's path ("" is the corpus: none)."""
    return folder.split("/") if folder else []


def name_words(doc_id: str) -> frozenset[str]:
    """The content words of a document's file name, folded, a plural's "s" aside (years,
    numbers such as "v2", stopwords, words of fewer than three letters and a known file
    extension an id keeps, "sortie.pdf", aside)."""
    return _content_words(_known_extension().sub("", doc_id.rpartition("/")[2]))


def folder_words(doc_id: str) -> frozenset[str]:
    """The content words of a document's folders' names, as `name_words` reads a file name."""
    return _content_words(doc_id.rpartition("/")[0])


def subject_words(words: frozenset[str]) -> frozenset[str]:
    """`words` without those naming a kind of paper or an edition rather than a subject
    (data/archive_folders.json "generic_name_words": "note", "rapport", "scan", "final")."""
    return words - _generic_words()


def _content_words(text: str) -> frozenset[str]:
    return frozenset(
        _singular(word)
        for word in _WORD.findall(fold(text))
        if len(word) > 2 and word.isalpha() and word not in stopwords()
    )


@cache
def _generic_words() -> frozenset[str]:
    return frozenset(data_json("archive_folders.json")["generic_name_words"])


@cache
def _known_extension() -> re.Pattern[str]:
    """A file extension an id may keep (data/superseded.json export and source types)."""
    data = data_json("superseded.json")
    known = sorted({*data["export_types"], *data["source_types"]}, key=len, reverse=True)
    return re.compile(r"\.(?:" + "|".join(map(re.escape, known)) + r")$", re.IGNORECASE)


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


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
