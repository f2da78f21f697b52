"""The corpus files a build did not read, by kind, and what the chat and an abstention say of them.

Counts `UnreadFiles` (models.py) from what the build recorded (the index's file list: a skipped
file has no document id; it is of a type citeqa does not read when no reader takes its ending,
or its digest says so, else it was empty (corpus.EMPTY_DIGEST), damaged or without text), so
that nothing walks the corpus again per question, and most often only the two columns
`status` reads anyway are parsed (the digests only when a skipped file has an ending read now:
`skipped_files`, which rereading.newly_read reads too); and says the chat's welcome line
(`welcome_line`: each kind with its advice) and the sentence an abstention naming words "the
documents never mention" adds (`not_searched`): such a word may be in a file citeqa did not read
(s19 trial: "How much do the four NVMe nodes cost?" said "never mention “four”, “NVMe”", which a
skipped .vtt did). What the walk leaves out on purpose (hidden files, links leading outside the
corpus) is no file the build tried: it is not counted, the user chose it (`citeqa status` still
lists the links). Files a site or a build writes beside its documents (scripts, style sheets,
fonts, a generator's inventory: citeqa/data/unread_files.json's `asset_endings`; images too
beside a site's files, `site_images`) hold no text to read: `status` counts them, but neither
the welcome nor an abstention names them or offers to convert them (`_documents`; s22 trial: a
Sphinx site's objects.inv and _static/*.js were named by every abstention, and the chat said to
rename them .txt). Images alone are named: a folder of scanned letters (.jpg) is documents.

A skipped file whose name writes a term of the question, or an acronym holding the initials of
two of its words in a row ("scan_CAF_avril2025" for "allocations familiales"), is named beside
an abstention (`named_for`, api._skipped_named: s27 trial, "montant des allocations familiales"
quoted a school-meal line while the image-only scan that held it was only counted, "1 file …
not read"; an answer never reads the index's file list these names come from).
"""

from __future__ import annotations

import codecs
import functools
import hashlib
import itertools
import posixpath
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import NamedTuple

from citeqa.corpus import EMPTY_DIGEST, EMPTY_FILE, UNSUPPORTED
from citeqa.dates import date_terms
from citeqa.filelist import FileList
from citeqa.jsonfiles import data_json
from citeqa.lexical import fold, written_terms
from citeqa.models import Document, Lang, UnreadFiles, counted
from citeqa.readers import plain_text_names, reader_for, reader_for_name
from citeqa.visible import cut, shown

KINDS_NAMED = 4
"""File endings named, most frequent first, before "N in M other types" (M two or more: one type
more is named too, so a line names at most KINDS_NAMED + 1 types): a bounded line."""
LONGEST_ENDING = 12
"""An ending longer than this ("report.2026-11-30-final") is no file type: "no type"."""
NO_TYPE = {"en": "no type", "fr": "sans type"}
MORE_TYPES = {"en": "{files} in {count} other types", "fr": "{files} de {count} autres types"}
UNREADABLE = "{count} unreadable (damaged or without text: `citeqa index` says why)"
"""In the welcome line: files of a type citeqa reads that it could not read (a damaged PDF, a
scan with no text layer): `citeqa index` names each with its reason."""
EMPTY = "{files} (nothing to read)"
"""In the welcome line: empty files, named as `citeqa index` names them (corpus.EMPTY_FILE):
nothing to convert (s35 trial: the chat told to convert an empty .txt to .pdf or .txt)."""
IMAGES = "{kinds} (pictures: citeqa reads text, not images; a scan's text as .pdf or .txt)"
"""In the welcome line: images (data: image_endings), which no conversion of type makes
readable: their text must be typed or recognised first."""

ARCHIVES = "{kinds} (archives: unpack them into the folder to have their files read)"
"""In the welcome line: archives of files (data: archive_endings), whose files are read once
unpacked, not by converting the archive's type."""

WELCOME = "{files} not read: {kinds} — `citeqa status` lists them"
"""The chat's welcome line, once, when the build skipped files (English, as the welcome): each
kind of file with the advice that fits it."""
CONVERT = (
    "{kinds} (convert them to .pdf or .txt; sheets to .xlsx or .csv; text ones: rename them .txt)"
)
"""In the welcome line: files of types citeqa does not read. Config and reference files (.json,
.yaml) are read since session 21, Word files (.docx) and Excel workbooks (.xlsx) since session
22, e-books (.epub), notebooks (.ipynb), RTF files, PowerPoint decks (.pptx) and OpenDocument
files (.odt, .ods, .odp) since session 23, source code (.py, .r, .sh, .js, .ts, .sql, .jl) and
BibTeX (.bib) since session 30, and what is left is older office files (.doc, .ppt,
Apple's .pages and .key: convert them; an old .xls sheet to .xlsx or .csv, which keep its rows
and their header) or text of another ending (.toml, .log, .jsonl: renamed .txt they are read as
they are)."""
NOT_SEARCHED = {
    "en": "{files} of types citeqa does not read ({kinds}) were not searched: `citeqa status`"
    " lists them.",
    "fr": "{files} de types que citeqa ne lit pas ({kinds}) n’ont pas été lus : `citeqa status`"
    " les liste.",
}
NOT_READ_YET = "{kinds} not read yet by this index (`citeqa index` reads them)"
"""In the welcome line: files of a type read since the index was built."""
NOT_READ_YET_SEARCHED = {
    "en": "{files} of a type citeqa reads since this index was built ({kinds}) were not"
    " searched: `citeqa index` reads them.",
    "fr": "{files} d’un type que citeqa lit depuis la construction de cet index ({kinds})"
    " n’ont pas été lus : `citeqa index` les lit.",
}
NOT_READ_YET_ONE = {
    "en": "1 file of a type citeqa reads since this index was built ({kinds}) was not"
    " searched: `citeqa index` reads it.",
    "fr": "1 fichier d’un type que citeqa lit depuis la construction de cet index ({kinds})"
    " n’a pas été lu : `citeqa index` le lit.",
}
NOT_SEARCHED_ONE = {
    "en": "1 file of a type citeqa does not read ({kinds}) was not searched: `citeqa status`"
    " lists it.",
    "fr": "1 fichier d’un type que citeqa ne lit pas ({kinds}) n’a pas été lu : `citeqa status`"
    " le liste.",
}


class SkippedFile(NamedTuple):
    """A file an index skipped: its name, whether as of a type no reader read then, and
    whether it was empty (no bytes: corpus.EMPTY_DIGEST)."""

    name: str
    unsupported: bool
    empty: bool = False


def skipped_files(recorded: FileList) -> list[SkippedFile]:
    """The files an index's file list records as skipped (no document id), each with whether
    it was skipped as of a type no reader read (the UNSUPPORTED digest; else it was empty,
    EMPTY_DIGEST, or damaged or without text). Only the file and doc_id columns are read
    unless a skipped file has an ending a reader takes now (almost never), then the digests
    too: every other one was of a type no reader reads."""
    skipped = recorded.skipped()
    if not _any_read_now(skipped):
        return [SkippedFile(name, True) for name in skipped]
    ids, files, digests = recorded.column("doc_id"), recorded.column("file"), recorded.sha256
    return [
        SkippedFile(str(name), digest == UNSUPPORTED, digest == EMPTY_DIGEST)
        for doc_id, name, digest in zip(ids, files, digests, strict=True)
        if doc_id is None
    ]


def _any_read_now(names: list[str]) -> bool:
    """Whether a reader takes one of `names` now: by its ending (each ending looked up once),
    or as a file read as plain text whatever its ending ("LICENSE")."""
    if any(reader_for(ending) is not None for ending in {_ending(name) for name in names}):
        return True
    plain = plain_text_names()
    return any(posixpath.basename(name).lower() in plain for name in names)


def now_read(file: SkippedFile) -> bool:
    """Whether `file` was skipped as of a type no reader read then, and one reads now (an
    index an older citeqa built: the s19 trial's .vtt files, the .yaml ones of session 21)."""
    return file.unsupported and reader_for_name(file.name) is not None


def _ending(name: str) -> str:
    return posixpath.splitext(name)[1].lower()  # as Path.suffix


MAIL_ENDINGS = (".eml", ".mbox")
"""The files whose documents may name attachments left unread (readers/eml.py, mbox.py)."""
MAILS_CHECKED = 2000
"""The most mail documents `unread_attachments` reads the warnings of: each is parsed."""


def unread_attachments(recorded: FileList, documents: Mapping[str, Document]) -> list[str]:
    """The warnings of the build's mail documents naming attachments left unread
    (readers/eml.py's ATTACHMENTS_NOT_READ: "mail/x.eml: attachments not read: plan.pdf"), read
    from the first MAILS_CHECKED of them: `citeqa status` lists them, as `citeqa index` said
    them (s26 trial: the unread attachment vanished from sight after the build). The mail reader
    is imported here, not at start-up: the chat's first paint must not wait for it."""
    from citeqa.readers.eml import ATTACHMENTS_NOT_READ

    ids, files = recorded.column("doc_id"), recorded.column("file")
    mails = [
        doc_id
        for doc_id, file in zip(ids, files, strict=True)
        if doc_id is not None and str(file).lower().endswith(MAIL_ENDINGS)
    ]
    return [
        warning
        for doc_id in mails[:MAILS_CHECKED]
        for warning in documents[doc_id].warnings
        if ATTACHMENTS_NOT_READ in warning
    ]


BLANK_READ = 4096
"""The largest skipped file (bytes) read again to tell whether it holds blanks alone."""


def recorded_unread(recorded: FileList, corpus_dir: Path | None = None) -> UnreadFiles:
    """The UnreadFiles of an index's file list (`skipped_files`). With `corpus_dir`, a file
    recorded as neither empty nor of an unread type that holds blanks alone (spaces, line
    breaks, a byte-order mark: `_blank`) is counted empty, as `citeqa index` said it
    (corpus.EMPTY_FILE; s36 review: the welcome called such files unreadable)."""
    types: Counter[str] = Counter()
    not_read_yet: Counter[str] = Counter()
    unreadable = empty = 0
    for file in _blanks_as_empty(skipped_files(recorded), recorded, corpus_dir):
        ending = _ending(file.name)
        if now_read(file):
            not_read_yet[ending] += 1
        elif file.unsupported:
            types[ending if len(ending) <= LONGEST_ENDING else ""] += 1
        elif file.empty:
            empty += 1
        else:
            unreadable += 1
    return UnreadFiles(
        types=_most_first(types),
        unreadable=unreadable,
        empty=empty,
        not_read_yet=_most_first(not_read_yet),
    )


def _blanks_as_empty(
    files: list[SkippedFile], recorded: FileList, corpus_dir: Path | None
) -> list[SkippedFile]:
    """`files`, those of `_blank` marked empty: only a file recorded as neither empty nor of an
    unread type, of BLANK_READ bytes at most as recorded, is read (few and small)."""
    if corpus_dir is None or all(file.unsupported or file.empty for file in files):
        return files
    names = recorded.column("file")
    sizes = {str(name): int(size) for name, (size, _) in zip(names, recorded.stamps, strict=True)}
    digests = dict(zip((str(name) for name in names), recorded.sha256, strict=True))
    return [
        file._replace(empty=True)
        if not (file.unsupported or file.empty)
        and 0 <= sizes.get(file.name, -1) <= BLANK_READ
        and _blank(corpus_dir / file.name, digests.get(file.name))
        else file
        for file in files
    ]


def _blank(path: Path, digest: str | None) -> bool:
    """Whether the file at `path` is as recorded (`digest`) and holds blanks alone, a UTF-8
    byte-order mark before them aside (corpus.read_at skips it as EMPTY_FILE)."""
    try:
        raw = path.read_bytes()
    except OSError:
        return False
    if hashlib.sha256(raw).hexdigest() != digest:
        return False  # changed since the build: `citeqa status` says so
    return not raw.removeprefix(codecs.BOM_UTF8).strip()


def _most_first(counts: Counter[str]) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def _kinds(types: dict[str, int], lang: Lang) -> list[str]:
    """ "3 .doc", "1 .ppt", … the first KINDS_NAMED, then how many more types (sanitised); one
    type more is named, not counted (the s30 trial's "1 .png, 1 in 1 other types": a .py)."""
    named = [f"{count} {shown(ending) or NO_TYPE[lang]}" for ending, count in types.items()]
    if len(named) <= KINDS_NAMED + 1:
        return named
    rest = sum(list(types.values())[KINDS_NAMED:])
    more = MORE_TYPES[lang].format(files=rest, count=len(named) - KINDS_NAMED)
    return [*named[:KINDS_NAMED], more]


def _files(count: int, lang: Lang = "en") -> str:
    """`count` files, in `lang` (models.counted)."""
    return counted(count, "file" if lang == "en" else "fichier")


def asset_endings() -> frozenset[str]:
    """The endings of files that hold no text to read (citeqa/data/unread_files.json)."""
    return _endings("asset_endings")


@cache
def _endings(key: str) -> frozenset[str]:
    """The endings citeqa/data/unread_files.json lists under `key`, lower case."""
    data = data_json("unread_files.json")
    endings = data.get(key, []) if isinstance(data, dict) else []
    return frozenset(str(ending).lower() for ending in endings)


def _documents(unread: UnreadFiles) -> UnreadFiles:
    """`unread` without the files of `asset_endings`, and of an image ending when a site's
    files are among them (`site_markers`): those its advice and notes name."""
    assets = asset_endings()
    if not _endings("site_markers").isdisjoint(unread.types):
        assets |= _endings("site_images")
    types = {ending: count for ending, count in unread.types.items() if ending not in assets}
    return unread.model_copy(update={"types": types})


def welcome_line(unread: UnreadFiles | None) -> str | None:
    """What the chat's welcome says once of the files not read, each kind with the advice that
    fits it (`_kind_parts`), or None when no files were recorded as not read (`unread` None)
    or all of them are files holding no text to read (`_documents`: assets, a site's images);
    an empty file is still counted: "4 files not read: 3 .doc, 1 .ppt (convert them to .pdf or .txt;
    sheets to .xlsx or .csv; text ones: rename them .txt); 1 empty file (nothing to read) —
    `citeqa status` lists them"."""
    unread = None if unread is None else _documents(unread)
    if unread is None or not unread.count:
        return None
    kinds = "; ".join(_kind_parts(unread))
    return WELCOME.format(files=_files(unread.count), kinds=kinds)


def _kind_parts(unread: UnreadFiles) -> list[str]:
    """The welcome line's parts: files of types citeqa does not read (to convert), images
    (their text to give), archives (to unpack), files not read yet by this index, unreadable
    ones, empty ones."""
    images, archives = image_endings(), _endings("archive_endings")
    others = {ending: n for ending, n in unread.types.items() if ending not in images | archives}
    pictures = {ending: n for ending, n in unread.types.items() if ending in images}
    packed = {ending: n for ending, n in unread.types.items() if ending in archives}
    parts = []
    if others:
        parts.append(CONVERT.format(kinds=", ".join(_kinds(others, "en"))))
    if pictures:
        parts.append(IMAGES.format(kinds=", ".join(_kinds(pictures, "en"))))
    if packed:
        parts.append(ARCHIVES.format(kinds=", ".join(_kinds(packed, "en"))))
    if unread.not_read_yet:
        parts.append(NOT_READ_YET.format(kinds=", ".join(_kinds(unread.not_read_yet, "en"))))
    if unread.unreadable:
        parts.append(UNREADABLE.format(count=unread.unreadable))
    if unread.empty:
        parts.append(EMPTY.format(files=counted(unread.empty, EMPTY_FILE)))
    return parts


def image_endings() -> frozenset[str]:
    """The endings of pictures (citeqa/data/unread_files.json's image_endings)."""
    return _endings("image_endings")


def not_searched(unread: UnreadFiles, lang: Lang) -> str | None:
    """What an abstention saying the documents never mention some words adds when the build
    skipped files of types citeqa does not read, or reads since the index was built (they
    may: `citeqa index` reads those), or None when it skipped none but files holding no text
    to read (`_documents`)."""
    unread = _documents(unread)
    sentences = []
    if unread.not_read_yet:
        count = sum(unread.not_read_yet.values())
        kinds = ", ".join(_kinds(unread.not_read_yet, lang))
        said = NOT_READ_YET_ONE if count == 1 else NOT_READ_YET_SEARCHED
        sentences.append(said[lang].format(files=_files(count, lang), kinds=kinds))
    if unread.of_types:
        kinds = ", ".join(_kinds(unread.types, lang))
        said = NOT_SEARCHED_ONE if unread.of_types == 1 else NOT_SEARCHED
        sentences.append(said[lang].format(files=_files(unread.of_types, lang), kinds=kinds))
    return " ".join(sentences) or None


NAMED_MOST = 3
"""The most skipped files named beside one answer (`named_for`)."""
NAMED = {
    "en": {
        True: "{name} was not read (a type citeqa does not read) and its name matches the"
        " question: it may hold the answer.",
        False: "{name} was not read (no text: a scan or image, encrypted or damaged) and its"
        " name matches the question: it may hold the answer.",
    },
    "fr": {
        True: "{name} n’a pas été lu (type que citeqa ne lit pas) et son nom correspond à la"
        " question : il contient peut-être la réponse.",
        False: "{name} n’a pas été lu (sans texte : scan ou image, chiffré ou endommagé) et"
        " son nom correspond à la question : il contient peut-être la réponse.",
    },
}
"""The note naming a skipped file whose name matches the question, by whether it was of a type
citeqa does not read (True) or held no text it could read (False); an empty file (zero
bytes: corpus.EMPTY_DIGEST) holds no answer and is never named."""
_ACRONYM = re.compile(r"[A-Z]{2,6}")
_NAME_WORD = re.compile(r"[^\W\d_]{2,}")
"""A word of a file name: letters only (numbers, dates and the digits glued to a word left
out: "avril2025" gives "avril"; underscores part words: "ticket_caisse")."""
_LOWER, _UPPER = "a-zß-öø-ÿ", "A-ZÀ-ÖØ-Þ"
_CAMEL_BREAK = re.compile(f"(?<=[{_LOWER}])(?=[{_UPPER}])|(?<=[{_UPPER}])(?=[{_UPPER}][{_LOWER}])")
"""Where a CamelCase word of a file name parts ("LeroyMerlin": "Leroy", "Merlin";
"scanCAFAvril": "scan", "CAF", "Avril"): a lower-case letter before a capital, or a capital
before a capital opening a lower-case word."""


def named_for(
    skipped: Sequence[SkippedFile],
    asked: Sequence[frozenset[str]],
    words: Sequence[str],
    written: Callable[[str], bool],
    lang: Lang,
) -> list[str]:
    """The notes naming the `skipped` files (NAMED_MOST at most, sanitised) whose names write
    one of the question's `asked` terms (each a set of stemmed alternatives,
    lexical.written_terms) or an acronym holding the initials of two of its content `words`
    in a row one of which the documents never write (`written`: a phrase they write, "cantine
    avril", is no acronym's); assets holding no text and empty files are never named
    (`asset_endings`; SkippedFile.empty: zero bytes, corpus.EMPTY_DIGEST)."""
    initials = {
        fold(a[0] + b[0])
        for a, b in itertools.pairwise(words)
        if a and b and not (written(a) and written(b))
    }
    assets = asset_endings()
    notes = []
    for file in skipped:
        if file.empty or _ending(file.name) in assets:
            continue  # nothing to read in it
        if not _name_matches(file.name, asked, initials):
            continue
        notes.append(NAMED[lang][file.unsupported].format(name=shown(cut(file.name))))
    return notes[:NAMED_MOST]


def _name_matches(name: str, asked: Sequence[frozenset[str]], initials: set[str]) -> bool:
    """Whether a file's `name` writes an asked term, numbers and months aside (a pay slip's
    "mars_2025" matches every question on March), two of the parts of one of its CamelCase
    words (`_name_words`), or an acronym ending with `initials` (the head noun comes first:
    "CAF", Caisse d'Allocations Familiales, for "allocations familiales"; not "capital of
    Australia")."""
    terms, joined, acronyms = _name_words(name)
    if any(alternatives & terms for alternatives in asked):
        return True
    if any(_parts_asked(parts, asked) >= 2 for parts in joined):
        return True
    return any(acronym.endswith(pair) for acronym in acronyms for pair in initials)


def _parts_asked(parts: tuple[frozenset[str], ...], asked: Sequence[frozenset[str]]) -> int:
    """How many of a CamelCase word's `parts` (each its terms) an asked term is."""
    return sum(any(alternatives & part for alternatives in asked) for part in parts)


@functools.lru_cache(maxsize=1024)  # a skipped file's name is read again for each question
def _name_words(
    name: str,
) -> tuple[frozenset[str], tuple[tuple[frozenset[str], ...], ...], tuple[str, ...]]:
    """The terms a file's name writes, numbers and months aside, each word whole; the terms of
    the parts of each of its CamelCase words ("ticket_LeroyMerlin_2025-09-12.jpg": s31 trial,
    the receipt was not named for "dépense Leroy Merlin septembre"), a question matching two of
    one word's parts (one part alone is a common word as often as a name: "FinalVersion.pages"
    was named for "What is the final price?", "PowerPoint_template.key" for "power of the
    laser", and a receipt "LeroyMerlin" would be for a customer "M. Leroy": s32 review); and its
    acronyms (folded, parts included: "scanCAFAvril")."""
    stem = posixpath.splitext(posixpath.basename(name))[0]
    joined = [word for word in _NAME_WORD.findall(stem) if not _is_month(word)]
    split = [[p for p in _CAMEL_BREAK.split(word) if len(p) > 1] for word in joined]
    camel = tuple(
        tuple(written_terms(part, False) for part in parts if not _is_month(part))
        for parts in split
        if len(parts) > 1
    )
    words = list(dict.fromkeys([*joined, *(p for ps in split for p in ps)]))
    acronyms = tuple(
        fold(word) for word in words if _ACRONYM.fullmatch(word) and not _is_month(word)
    )
    return written_terms(" ".join(joined), False), camel, acronyms


def _is_month(word: str) -> bool:
    """Whether `word` names a month (dates.py reads "1 <word> 2000" as a date)."""
    return bool(date_terms(fold(f"1 {word} 2000")))
