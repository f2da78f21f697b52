"""File and folder names of a wiki's Markdown export, without the page ids the export appends.

A Notion export names each page "Onboarding 3f2a9c1b7d8e4f0a9b1c2d3e4f5a6b7c.md" and its
subpages' folder "Onboarding 3f2a9c1b7d8e4f0a9b1c2d3e4f5a6b7c/": the id (data
export_names.json, `page_id_pattern`) is no part of the name a user reads or types. Document
ids (corpus.document_id), titles made from a file name (titles.derived_title) and the paths
status shows leave it out. Two pages of one folder with the same name keep unique ids through
corpus.unique_document_ids (a file with no page id keeps its plain id first; a page whose id
is taken keeps its page ids). Pure functions, no I/O.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import PurePosixPath

from citeqa.jsonfiles import data_json

__all__ = ["without_page_id", "without_page_ids"]


@cache
def _page_id() -> re.Pattern[str]:
    return re.compile(str(data_json("export_names.json")["page_id_pattern"]))


def without_page_id(name: str) -> str:
    """One file or folder `name` without an export's page id ending its stem
    ("Onboarding 3f2a….md" → "Onboarding.md"); unchanged when it has none or is the id alone."""
    path = PurePosixPath(name)
    suffix = path.suffix if path.suffix and " " not in path.suffix else ""
    stem = name[: len(name) - len(suffix)]
    stripped = _page_id().sub("", stem)
    return stripped + suffix if stripped.strip() else name


def without_page_ids(relative: str) -> str:
    """A posix path with each part `without_page_id`
    ("Team Handbook 5b7a…/Onboarding 3f2a….md" → "Team Handbook/Onboarding.md")."""
    return "/".join(without_page_id(part) for part in relative.split("/"))
