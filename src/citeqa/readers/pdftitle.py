"""The title a PDF states in its metadata, when it is a real title: what names the document
before its first line does.

Two PDFs of one town hall open with the same line, "COMMUNE DE SAINT-AUBIN-LES-VIGNES", and
were titled so alike in sources and status (s21 trial), though each states its own title
("Délibérations du conseil municipal du 27 mars 2025") in its document information. The
rules:

- the document information's /Title is read, else (absent, or no real title by the rules
  below: a placeholder "Untitled" over a real XMP title) the XMP packet's dc:title (its
  "x-default" language, else its first);
- its runs of white space are made one space, its control characters shown as every title's
  are (titles.visible_title: an escape sequence or a NUL stated as a title), those at its ends
  dropped, before the rules below read it, and it is cut to TITLE_MAX characters;
- a title an authoring tool writes on its own is none (citeqa/data/metadata_titles.json, rules
  as data): a placeholder ("Untitled", "Document1", "Présentation PowerPoint"), the source
  file's name as a tool writes it ("Microsoft Word - rapport.docx"), any file's name
  ("draft.tex") or this file's own stem as a tool copies it (`_is_stem`), or a title of fewer
  letters than its minimum;
- what pypdf cannot read of the metadata (a damaged dictionary, a bad XMP packet) is no title.

Pure functions of an open pypdf reader; the title goes in Extracted.title, which a corpus
manifest's title still overrides (corpus.py).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import PurePath
from typing import Any, NamedTuple

from citeqa.glossary import fold
from citeqa.jsonfiles import data_json
from citeqa.readers.base import TITLE_MAX
from citeqa.titles import visible_title

__all__ = ["is_real_title", "stated_title"]

_TRAILING_NUMBER = re.compile(r"[\s\d\W_]+$")
"""What a placeholder carries after its word: "Document1", "Untitled-3", "Sans titre (2)"."""
_NAME_SEPARATORS = re.compile(r"[\s_.-]+")
"""What stands for a space in a file's stem as its title compares it ("rapport_2024-v2")."""


class _Rules(NamedTuple):
    """citeqa/data/metadata_titles.json, folded."""

    placeholders: frozenset[str]
    tool_prefixes: tuple[str, ...]
    file_suffixes: tuple[str, ...]
    min_letters: int


@cache
def _rules() -> _Rules:
    data = data_json("metadata_titles.json")
    return _Rules(
        frozenset(fold(word) for word in data["placeholders"]),
        tuple(fold(prefix) for prefix in data["tool_prefixes"]),
        tuple(fold(suffix) for suffix in data["file_suffixes"]),
        int(data["min_letters"]),
    )


def stated_title(reader: Any, file_name: str) -> str | None:
    """The title a pypdf `reader`'s metadata states, its /Title, else its XMP dc:title, the
    first that is a real title (`is_real_title`) for the file `file_name`; else None."""
    for read in (_information_title, _xmp_title):
        try:
            title = read(reader)
        except Exception:  # pypdf raises many kinds on a damaged dictionary or XMP packet
            title = None
        if title is not None:
            title = visible_title(" ".join(title.split()))[:TITLE_MAX].rstrip()
            if is_real_title(title, file_name):
                return title
    return None


def _information_title(reader: Any) -> str | None:
    """The document information's /Title, None when absent or empty."""
    metadata = reader.metadata
    title = metadata.title if metadata is not None else None
    return title if isinstance(title, str) and title.strip() else None


def _xmp_title(reader: Any) -> str | None:
    """The XMP packet's dc:title: its "x-default" language's, else its first; None for none."""
    xmp = reader.xmp_metadata
    titles = xmp.dc_title if xmp is not None else None
    if not isinstance(titles, dict) or not titles:
        return None
    title = titles.get("x-default", next(iter(titles.values())))
    return title if isinstance(title, str) and title.strip() else None


def is_real_title(title: str, file_name: str) -> bool:
    """Whether a metadata `title` names the document `file_name`: no placeholder, no file's
    name, not the file's own stem, and letters enough (the module's rules)."""
    rules, folded = _rules(), fold(title).strip()
    if sum(char.isalpha() for char in title) < rules.min_letters:
        return False
    if _TRAILING_NUMBER.sub("", folded) in rules.placeholders or folded in rules.placeholders:
        return False
    if folded.startswith(rules.tool_prefixes) or folded.endswith(rules.file_suffixes):
        return False
    return not _is_stem(title.strip(), PurePath(file_name).stem)


def _is_stem(title: str, stem: str) -> bool:
    """Whether `title` is the file's `stem` as a tool copies it: the same but for case, or a
    word of no space whose separators alone differ ("deliberations_2025-03-27" for
    "deliberations-2025-03-27.pdf"). A title of words ("Guide des démarches" for
    "guide-des-demarches.pdf") is the author's."""
    if title.casefold() == stem.casefold():
        return True
    spaced = _NAME_SEPARATORS.sub(" ", fold(title)).strip()
    return " " not in title and spaced == _NAME_SEPARATORS.sub(" ", fold(stem)).strip()
