"""What a status display shows of an index too long to list: its documents counted per
folder and per language, and the largest documents first.

Listing the first documents alphabetically showed a corpus of 300 short notes and 7 papers as
50 notes (the user trial): per-folder counts say where the documents are, and the largest
(most chunks) are the ones a user came for. `citeqa status --all` and `--json` list them all.
`summary_of` is the one builder: `citeqa status` and the chat's status screen each render it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from citeqa.listing import LISTED, first
from citeqa.models import DocumentStatus

NO_LANGUAGE = "—"
"""A document's language when it has none (a sheet of names and numbers:
language.document_languages), as a folder's count and `citeqa status`'s cell show it."""
LARGEST = 10
"""Documents a summary names, the largest first."""

TOP_LEVEL = "(top level)"
"""The folder of documents lying in the corpus folder itself."""


@dataclass
class FolderCount:
    """The documents under one top-level folder of the corpus."""

    folder: str
    documents: int = 0
    chunks: int = 0
    languages: Counter[str] = field(default_factory=Counter)

    def languages_line(self) -> str:
        """ "en 298, fr 2": each language with its documents, the most first."""
        return ", ".join(f"{lang} {count}" for lang, count in self.languages.most_common())


def top_folder(doc_id: str) -> str:
    """The top-level folder a document lies in (doc_ids are posix paths), or TOP_LEVEL."""
    folder, slash, _ = doc_id.partition("/")
    return folder if slash else TOP_LEVEL


def by_folder(documents: Sequence[DocumentStatus]) -> list[FolderCount]:
    """The documents counted per top-level folder, in the folders' order of name."""
    folders: dict[str, list[DocumentStatus]] = {}
    for doc in documents:
        folders.setdefault(top_folder(doc.doc_id), []).append(doc)
    return [folder_count(name, folders[name]) for name in sorted(folders)]


def folder_count(name: str, documents: Sequence[DocumentStatus]) -> FolderCount:
    """`documents` counted, each once per language it holds (NO_LANGUAGE when it has none)."""
    count = FolderCount(name, len(documents), sum(doc.chunks for doc in documents))
    for doc in documents:
        count.languages.update(doc.lang or [NO_LANGUAGE])
    return count


def by_size(documents: Sequence[DocumentStatus]) -> list[DocumentStatus]:
    """The documents, those of the most chunks first, ties in the order of their doc_ids."""
    return sorted(documents, key=lambda doc: (-doc.chunks, doc.doc_id))


@dataclass
class Summary:
    """What a display shows of documents too many to list."""

    folders: list[FolderCount]
    """The documents counted per top-level folder, the first `listed` folders in their order of
    name (a corpus of 36,000 folders made one row each)."""
    more_folders: int
    """The folders not among `folders`."""
    languages: str
    """Every language with its documents, the most first ("en 298, fr 2")."""
    largest: list[DocumentStatus]
    """The LARGEST documents of the most chunks."""
    more: int
    """The documents not among `largest`."""


def summary_of(documents: Sequence[DocumentStatus], listed: int | None = LISTED) -> Summary | None:
    """The summary a display shows in place of the documents when there are more than `listed`
    of them (and of their folders, the first `listed`); None when they are all listed (`listed`
    None: every one)."""
    if listed is None or len(documents) <= listed:
        return None
    biggest, more = first(by_size(documents), LARGEST)
    folders, more_folders = first(by_folder(documents), listed)
    return Summary(
        folders=list(folders),
        more_folders=more_folders,
        languages=folder_count("all", documents).languages_line(),
        largest=list(biggest),
        more=more,
    )
