"""Which quotes of an answer come from a file that changed since the index was built, and the
warning that says so beside the answer.

A stale index answers from the files as they were indexed: its quote of "expires after 30
minutes" is the indexed copy's, while the file may now say 60 (session 20 trial). The index's
stale notice names a few changed files at most ("12 files modified: a, b and 10 more"); this
names the ones the answer quotes, so a user knows which quote to check before trusting it.

Read from the changes `status.index_changes` lists ("modified: docs/a.txt", "removed: b.md"),
the same walk of the corpus the stale notice made (no file is read again here).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePath

from citeqa.models import Citation, Lang
from citeqa.status import changed_names
from citeqa.visible import cut, shown

NOTES = {
    "en": {
        "modified": "{marks} {verb} {name} as it was indexed; the file changed since.",
        "removed": "{marks} {verb} {name} as it was indexed; the file was removed since.",
    },
    "fr": {
        "modified": "{marks} {verb} {name} tel qu’il a été indexé ; le fichier a changé depuis.",
        "removed": "{marks} {verb} {name} tel qu’il a été indexé ; le fichier a été supprimé"
        " depuis.",
    },
}
"""The warning beside an answer quoting a changed file, in the answer's language, by change."""
VERBS = {"en": ("quotes", "quote"), "fr": ("cite", "citent")}
"""The verb of NOTES for one quote number and for several, by language."""


def changed_files(changes: Sequence[str]) -> dict[str, str]:
    """Each modified or removed file of `changes` (its name relative to the corpus folder, as
    `index_changes` writes it) → its change ("modified" or "removed")."""
    return changed_names(changes)


def changed_quote_notes(
    citations: Sequence[Citation], changed: dict[str, str], built_from: str, lang: Lang = "en"
) -> list[str]:
    """One warning per changed file the citations quote, naming their numbers, in the answer's
    language (`lang`): "[1], [3] quote reset.html as it was indexed; the file changed since."
    (what to do about it is the
    index's stale notice's to say: run `citeqa index`, or wait for the update running).
    `built_from` is the folder the index was built from, whose files the citations' paths
    name (its manifest's `corpus_dir`)."""
    if not changed:
        return []
    numbers: dict[str, list[int]] = {}
    for citation in citations:
        name = _name_in(citation.path, built_from)
        if name in changed:
            numbers.setdefault(name, []).append(citation.n)
    return [_note(name, changed[name], ns, lang) for name, ns in numbers.items()]


def _name_in(path: str, folder: str) -> str | None:
    """A citation's path (absolute, as the build recorded it) as the corpus names its file:
    relative to the folder built from, with "/" between folders; None outside it."""
    try:
        return PurePath(path).relative_to(folder).as_posix()
    except ValueError:
        return None


def _note(name: str, change: str, numbers: list[int], lang: Lang) -> str:
    marks = ", ".join(f"[{n}]" for n in numbers)
    verb = VERBS[lang][0 if len(numbers) == 1 else 1]
    return NOTES[lang][change].format(marks=marks, verb=verb, name=shown(cut(name)))
