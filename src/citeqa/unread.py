"""The corpus files a build did not read, by kind, and what the chat and an abstention say of them.

Counts `UnreadFiles` (models.py) from what the build recorded (the index's file list: a skipped
file has no document id; it is of a type citeqa does not read when no reader takes its ending,
or its digest says so, else it was empty, damaged or without text), so that nothing walks the
corpus again per question, and most often only the two columns `status` reads anyway are
parsed (the digests only when a skipped file has an ending read now: `recorded_unread`); and says
the chat's welcome line (`welcome_line`) and the sentence an abstention naming words "the
documents never mention" adds (`not_searched`): such a word may be in a file citeqa did not read
(s19 trial: "How much do the four NVMe nodes cost?" said "never mention “four”, “NVMe”", which a
skipped .vtt did). What the walk leaves out on purpose (hidden files, links leading outside the
corpus) is no file the build tried: it is not counted, the user chose it (`citeqa status` still
lists the links).
"""

from __future__ import annotations

import posixpath
from collections import Counter
from collections.abc import Sequence

from citeqa.corpus import UNSUPPORTED
from citeqa.filelist import FileList
from citeqa.models import Lang, UnreadFiles, counted
from citeqa.readers import reader_for
from citeqa.visible import shown

KINDS_NAMED = 4
"""File endings named, most frequent first, before "N in M other types": a bounded line."""
LONGEST_ENDING = 12
"""An ending longer than this ("report.2026-11-30-final") is no file type: "no type"."""
NO_TYPE = {"en": "no type", "fr": "sans type"}
MORE_TYPES = {"en": "{files} in {count} other types", "fr": "{files} de {count} autres types"}
UNREADABLE = "{count} unreadable (empty, damaged or without text)"

WELCOME = "{files} not read: {kinds} — {advice}"
"""The chat's welcome line, once, when the build skipped files (English, as the welcome)."""
CONVERT = "convert them to .pdf or .txt (text ones: rename them .txt), or see `citeqa status`"
"""The advice for files of types citeqa does not read: config and reference files (.json,
.yaml) are read since session 21, and what is left is office files (convert them) or text of
another ending (.toml, .log, .jsonl: renamed .txt they are read as they are)."""
SEE_STATUS = "`citeqa status` lists them, `citeqa index` says why"
NOT_SEARCHED = {
    "en": "{files} of types citeqa does not read ({kinds}) were not searched: `citeqa status`"
    " lists them.",
    "fr": "{files} de types que citeqa ne lit pas ({kinds}) n’ont pas été lus : `citeqa status`"
    " les liste.",
}
NOT_SEARCHED_ONE = {
    "en": "1 file of a type citeqa does not read ({kinds}) was not searched: `citeqa status`"
    " lists it.",
    "fr": "1 fichier d’un type que citeqa ne lit pas ({kinds}) n’a pas été lu : `citeqa status`"
    " le liste.",
}


def recorded_unread(recorded: FileList) -> UnreadFiles:
    """The UnreadFiles of an index's file list: its file and doc_id columns, and its digests
    only when a skipped file has an ending citeqa now reads (an index built by an older citeqa
    that did not read it recorded the UNSUPPORTED digest: the s19 trial's .vtt files, read
    since, were still not searched until `citeqa index`)."""
    skipped = recorded.skipped()
    endings = [posixpath.splitext(file)[1].lower() for file in skipped]  # as Path.suffix
    if all(reader_for(ending) is None for ending in set(endings)):
        return unread_files(endings, [True] * len(endings))
    ids, digests = recorded.column("doc_id"), recorded.sha256
    unsupported = [
        digest == UNSUPPORTED for doc_id, digest in zip(ids, digests, strict=True) if doc_id is None
    ]
    return unread_files(endings, unsupported)


def unread_files(endings: Sequence[str], of_unread_type: Sequence[bool]) -> UnreadFiles:
    """The UnreadFiles of the files a build skipped: their endings (lower case), and whether
    each is of a type citeqa does not read (else it was empty, damaged or without text)."""
    types: Counter[str] = Counter()
    unreadable = 0
    for ending, unread_type in zip(endings, of_unread_type, strict=True):
        if unread_type:
            types[ending if len(ending) <= LONGEST_ENDING else ""] += 1
        else:
            unreadable += 1
    ordered = dict(sorted(types.items(), key=lambda item: (-item[1], item[0])))
    return UnreadFiles(types=ordered, unreadable=unreadable)


def _kinds(types: dict[str, int], lang: Lang) -> list[str]:
    """ "3 .docx", "1 .xlsx", … the first KINDS_NAMED, then how many more types (sanitised)."""
    named = [f"{count} {shown(ending) or NO_TYPE[lang]}" for ending, count in types.items()]
    if len(named) <= KINDS_NAMED:
        return named
    rest = sum(list(types.values())[KINDS_NAMED:])
    more = MORE_TYPES[lang].format(files=rest, count=len(named) - KINDS_NAMED)
    return [*named[:KINDS_NAMED], more]


def _files(count: int, lang: Lang = "en") -> str:
    """`count` files, in `lang` (models.counted)."""
    return counted(count, "file" if lang == "en" else "fichier")


def welcome_line(unread: UnreadFiles | None) -> str | None:
    """What the chat's welcome says once of the files not read, or None when every file the
    build tried was read: "4 files not read: 3 .docx, 1 .xlsx — convert them to .pdf or .txt
    (text ones: rename them .txt), or see `citeqa status`"."""
    if unread is None or not unread.count:
        return None
    kinds = _kinds(unread.types, "en")
    if unread.unreadable:
        kinds.append(UNREADABLE.format(count=unread.unreadable))
    advice = CONVERT if unread.types else SEE_STATUS
    return WELCOME.format(files=_files(unread.count), kinds=", ".join(kinds), advice=advice)


def not_searched(unread: UnreadFiles, lang: Lang) -> str | None:
    """The sentence an abstention saying the documents never mention some words adds when the
    build skipped files of types citeqa does not read (they may), or None when it skipped none."""
    if not unread.of_types:
        return None
    kinds = ", ".join(_kinds(unread.types, lang))
    if unread.of_types == 1:
        return NOT_SEARCHED_ONE[lang].format(kinds=kinds)
    return NOT_SEARCHED[lang].format(files=_files(unread.of_types, lang), kinds=kinds)
