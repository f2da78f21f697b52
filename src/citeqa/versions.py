"""Owns the versions of a folder of documentation that holds several: which version each
document is of, which one a question names, which passages answer it first, and the note
saying that an older version's page states the answer otherwise.

A docs folder often keeps the pages of an older release beside the current ones ("v2/",
"versions/2.0/", "2.x/"): they restate the current pages with other values, and an answer
quoting them without a word misleads (s21 trial: "How many releases are kept?" quoted v2's
"10" where the current pages say 20). A document's version is read from its path: the first
folder name or file name that reads as one (`path_version`; the patterns are data:
data/versions.json), from the document ids the index holds when it opens (an id is the
document's path: corpus.document_id), so that answering reads no file list. The versions of
one set of pages are a family: the documents whose paths are the same up to the version
("alpha/v1/limits" and "alpha/v2/limits", apart from "beta/v1/quotas"; a folder's year,
"releases/2024", is none). A family's newest is the highest version its paths name, unless
unversioned pages within its folder mirror that version's (at least MIRRORED of its file names
are those of unversioned pages too, "docs/v2/limits" beside "docs/reference/limits"; pages
elsewhere, "guide/users" beside "api/v1/users", mirror nothing): those are then the current
pages, and each of its versions is older (`Family`), unless their titles say they are no newer
("Guide (v1)" beside "v2/guide": `_mirrors_read`; a folder's name alone does not tell which
edition is older when the pages say otherwise), when they are the older pages. Unversioned
pages are otherwise never older; a page none of whose folders names a version but whose title
names one lower than the highest a path of the family holding it names ("Limits (v1)") is older
too (its title read only when it is among a question's passages, or mirrors a version folder:
`CorpusVersions.is_older`). A title that names a version is not trusted further: current pages
are often titled so ("Limits (v3)").

A question naming an older version of the folder ("in v2", "the v2 API", "version 2") is
answered from that version's documents first, then from unversioned ones; one naming no
version, or the newest, from every document but the older ones first (`Arranged`). When a
question naming none is answered and an older page ranked among the passages the answer reads,
the older pages are read alone too, and when they answer it with other values, the answer
quotes that too, labelled (Citation.otherwise), and a warning names the older version's file
(`older_note`). When nothing else answers it, the older pages' answer is given, with a warning
that it quotes an older version (`only_older_note`).

A file named as one version of a paper ("devis_v1", "protocole-v2": `stem_version`) is no
page of a family; a question asking that version ("la v1", "la première version":
`asked_file_versions`) reads it (version_documents.py), its old copy is not set aside
(`CorpusVersions.arrangement`), and "v1" is never claimed absent (`path_versions`).

A version a question writes right after another thing's name ("TLS v1.2", "OAuth version 2")
is no version of the documentation (`asked_versions`): it names no older version and is not
warned of as one no page is of.

A folder none of whose documents is of an older version (most folders: no path names a
version, or each family holds one and no unversioned page mirrors it) changes nothing:
`CorpusVersions.of` gives None and no question is read for a version.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import islice
from pathlib import PurePosixPath

from citeqa.across import writes_a_name, written_names
from citeqa.archive_folders import (
    archived,
    asks_archive,
    folder_words,
    name_words,
    subject_words,
    without_sibling,
)
from citeqa.jsonfiles import data_json
from citeqa.lexical import about_terms, fold, written_terms
from citeqa.models import Answer, Citation, Hit, Lang
from citeqa.part_ordinals import ordinal_number
from citeqa.quoting import answer_text
from citeqa.stated_values import values
from citeqa.superseded import Copy, copies, years_written
from citeqa.superseding import Named, identifiers_written, names_one_of, own_identifiers
from citeqa.visible import cut, shown

_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[^\W_]+")
Version = tuple[int, ...]
"""A version as its numbers: "v3.1" is (3, 1), "2.x" is (2,)."""
TITLES_READ = 20
"""The titles of unversioned pages mirroring a version folder read to tell which is newer (the
first, by file name: reading a title reads its document)."""
COUNTERPARTS = 5
"""The most documents of a version a question names fetched when the search ranked none of
its pages (`CorpusVersions.counterparts`)."""
MIRRORED = 0.5
"""Unversioned pages are the current edition of the highest version a path names when at least
this share of that version's file names (and two) are those of unversioned pages too."""

NOTES = {
    "en": {
        "cited": "{marks} quotes {name}, of version {old}, which states it otherwise; the answer"
        " quotes {new}.",
        "uncited": "{name}, of version {old}, states it otherwise; the answer quotes {new}.",
        "newest": "the newest version ({new})",
        "current": "the current pages",
        "only_older": "Answered from {name}, of version {old} (older): nothing in {new}"
        " answers it.",
        "unknown": "No page is of version {asked}; the answer quotes {new}.",
        "each_newest": "the newest version of each set of pages",
        "other": "No passage of version {asked} was found; the answer quotes {name}, of version"
        " {other}.",
        "cited_copy": "{marks} quotes {name}, an older copy of {new}, which states it otherwise;"
        " the answer quotes {new}.",
        "uncited_copy": "{name}, an older copy of {new}, states it otherwise; the answer quotes"
        " {new}.",
        "only_copy": "Answered from {name}, an older copy of {new}: nothing in {new} answers it.",
        "cited_duplicate": "{marks} quotes {name}, a copy of {new}, which states it otherwise;"
        " the answer quotes {new}.",
        "uncited_duplicate": "{name}, a copy of {new}, states it otherwise; the answer quotes"
        " {new}.",
        "only_duplicate": "Answered from {name}, a copy of {new}: nothing in {new} answers it.",
        "cited_earlier": "{marks} quotes {name}, of an earlier period than {new}, which states it"
        " otherwise; the answer quotes {new}.",
        "uncited_earlier": "{name}, of an earlier period than {new}, states it otherwise; the"
        " answer quotes {new}.",
        "only_earlier": "Answered from {name}, of an earlier period than {new}: nothing in {new}"
        " answers it.",
        "cited_superseded": "{marks} quotes {name}, superseded by {new}, which states it"
        " otherwise; the answer quotes {new}.",
        "uncited_superseded": "{name}, superseded by {new}, states it otherwise; the answer"
        " quotes {new}.",
        "only_superseded": "Answered from {name}, superseded by {new}: nothing in {new} answers"
        " it.",
        "cited_archived": "{marks} quotes {name}, kept in {folder}/ (an earlier"
        " edition), which states it otherwise; the answer quotes {new}.",
        "uncited_archived": "{name}, kept in {folder}/ (an earlier edition),"
        " states it otherwise; the answer quotes {new}.",
        "only_archived": "Answered from {name}, kept in {folder}/ (an earlier"
        " edition): the passages found outside archive folders do not answer it.",
        "quoted_archived": "The answer quotes {name}, kept in {folder}/ (an"
        " earlier edition): what it says may no longer hold.",
    },
    "fr": {
        "cited": "{marks} cite {name}, de la version {old}, qui l’énonce autrement ; la réponse"
        " cite {new}.",
        "uncited": "{name}, de la version {old}, l’énonce autrement ; la réponse cite {new}.",
        "newest": "la version la plus récente ({new})",
        "current": "les pages actuelles",
        "only_older": "Réponse tirée de {name}, de la version {old} (plus ancienne) : rien"
        " dans {new} n’y répond.",
        "unknown": "Aucune page n’est de la version {asked} ; la réponse cite {new}.",
        "each_newest": "la version la plus récente de chaque ensemble de pages",
        "other": "Aucun passage de la version {asked} n’a été trouvé ; la réponse cite {name},"
        " de la version {other}.",
        "cited_copy": "{marks} cite {name}, ancienne version de {new}, qui l’énonce autrement ;"
        " la réponse cite {new}.",
        "uncited_copy": "{name}, ancienne version de {new}, l’énonce autrement ; la réponse cite"
        " {new}.",
        "only_copy": "Réponse tirée de {name}, ancienne version de {new} : rien dans {new} n’y"
        " répond.",
        "cited_duplicate": "{marks} cite {name}, une copie de {new}, qui l’énonce autrement ;"
        " la réponse cite {new}.",
        "uncited_duplicate": "{name}, une copie de {new}, l’énonce autrement ; la réponse cite"
        " {new}.",
        "only_duplicate": "Réponse tirée de {name}, une copie de {new} : rien dans {new} n’y"
        " répond.",
        "cited_earlier": "{marks} cite {name}, d’une période antérieure à {new}, qui l’énonce"
        " autrement ; la réponse cite {new}.",
        "uncited_earlier": "{name}, d’une période antérieure à {new}, l’énonce autrement ; la"
        " réponse cite {new}.",
        "only_earlier": "Réponse tirée de {name}, d’une période antérieure à {new} : rien dans"
        " {new} n’y répond.",
        "cited_superseded": "{marks} cite {name}, remplacé par {new}, qui l’énonce autrement ;"
        " la réponse cite {new}.",
        "uncited_superseded": "{name}, remplacé par {new}, l’énonce autrement ; la réponse cite"
        " {new}.",
        "only_superseded": "Réponse tirée de {name}, remplacé par {new} : rien dans {new} n’y"
        " répond.",
        "cited_archived": "{marks} cite {name}, rangé dans {folder}/ (édition"
        " antérieure), qui l’énonce autrement ; la réponse cite {new}.",
        "uncited_archived": "{name}, rangé dans {folder}/ (édition"
        " antérieure), l’énonce autrement ; la réponse cite {new}.",
        "only_archived": "Réponse tirée de {name}, rangé dans {folder}/"
        " (édition antérieure) : les passages trouvés hors des dossiers d’archive n’y répondent"
        " pas.",
        "quoted_archived": "La réponse cite {name}, rangé dans {folder}/"
        " (édition antérieure) : ce qu’il dit peut ne plus valoir.",
    },
}
"""The warning beside an answer that an older version's document states otherwise, in the
answer's language: with the quote of it added ("cited") or without (too long to add); what the
answer quotes: the newest version a path names, or the unversioned pages that mirror it; and
the warning that the answer quotes an older page, nothing newer answering ("only_older"), and
that the question names a version no page is of ("unknown"), and that the answer quotes a
page of another version than the one it names, some page being of it ("other"); and the
same warnings of an old copy of a file, of a duplicate, of an earlier period's paper of a
dated series and of a document another says replaces it (superseded.py: "cited_copy",
"uncited_copy", "only_copy"; "…_duplicate"; "…_earlier"; "…_superseded", superseding.py),
{new} naming the current file; and those of a document kept in an archive folder
(archive_folders.py: "…_archived"), {folder} naming that folder and {new} the file the answer
quotes first."""


@dataclass(frozen=True)
class _Patterns:
    segments: tuple[re.Pattern[str], ...]
    after_segments: frozenset[str]
    bare_number: re.Pattern[str]
    written: tuple[re.Pattern[str], ...]
    hints: tuple[re.Pattern[str], ...]
    other_name: re.Pattern[str]
    own_names: frozenset[str]
    stem_ending: re.Pattern[str]
    ordinal_version: re.Pattern[str]
    first_words: frozenset[str]

    def hinted(self, text: str) -> bool:
        """Whether `text` may name a version: it writes one of the hints, case aside."""
        folded = text.casefold()
        return any(hint.search(folded) for hint in self.hints)


@cache
def _patterns() -> _Patterns:
    data = data_json("versions.json")
    return _Patterns(
        tuple(re.compile(p, re.IGNORECASE) for p in data["segments"]),
        frozenset(name.casefold() for name in data["after_segments"]),
        re.compile(data["bare_number"], re.IGNORECASE),
        tuple(re.compile(p, re.IGNORECASE) for p in data["written"]),
        tuple(re.compile(hint) for hint in data["hints"]),
        re.compile(data["other_name"]),
        frozenset(name.casefold() for name in data["own_names"]),
        re.compile(data["stem_ending"] + "$", re.IGNORECASE),
        re.compile(data["ordinal_version"], re.IGNORECASE),
        frozenset(data["first_words"]),
    )


def _number(text: str) -> Version:
    return tuple(int(part) for part in text.split("."))


def label(version: Version) -> str:
    """A version as people write it: (3, 1) is "3.1"."""
    return ".".join(str(part) for part in version)


def path_version(path: str) -> Version | None:
    """The version a document's path names (relative to the corpus, "/" between folders, its
    extension left off, as a document id is): the first folder or file name that reads as one
    ("v2", "version-2.0", "2.x"), or that follows a folder of versions ("versions/2.0"); None
    when none does."""
    found = path_family(path)
    return None if found is None else found[1]


def path_family(path: str) -> tuple[str, Version] | None:
    """The family and version a document's path names (`path_version`): the family is the
    path up to the folder or file name naming the version ("alpha" for "alpha/v2/limits", ""
    for "v2/limits"); the versions of one family are editions of one set of pages."""
    folder, _, name = path.rpartition("/")
    found = _folder_family(folder)
    if found is not None:
        return found
    version = _named_version(folder.rpartition("/")[2].casefold(), name)
    return None if version is None else (folder, version)


@functools.lru_cache(maxsize=4096)  # each folder is read once for all its files
def _folder_family(folder: str) -> tuple[str, Version] | None:
    """`path_family` of the folders of `folder` ("" is the corpus)."""
    if not folder:
        return None
    names = folder.split("/")
    for at, (before, name) in enumerate(zip(["", *names], names, strict=False)):
        version = _named_version(before.casefold(), name)
        if version is not None:
            return "/".join(names[:at]), version
    return None


@functools.lru_cache(maxsize=4096)  # a folder's name is read again for each of its files
def _named_version(before: str, name: str) -> Version | None:
    """The version a folder or file name reads as, after folder `before` (folded)."""
    if not _DIGIT.search(name):  # every pattern reads a number: most names are skipped here
        return None
    patterns = _patterns()
    for pattern in patterns.segments:
        matched = pattern.fullmatch(name)
        if matched is not None:
            return _number(matched.group("n"))
    if before in patterns.after_segments:
        matched = patterns.bare_number.fullmatch(name)
        return None if matched is None else _number(matched.group("n"))
    return None


_EXTENSION = re.compile(r"(?:\.[A-Za-z][A-Za-z0-9]{0,4}){1,2}$")
"""A file extension an id may keep ("devis_v2.pdf" beside "devis_v2":
corpus.unique_document_ids), compound ones whole ("f-v1.tar.gz")."""


def stem_version(doc_id: str) -> Version | None:
    """The version a document's file name writes at the end of its stem, after a separator
    ("DE-12_cuisine_v2", "protocole-v1", "Devis V3", "notes_version2"; data/versions.json
    "stem_ending"), its extension aside; None when it writes none. Such a name makes the file
    that version of one paper for a question asking it (version_documents.py, the copies a
    question asks: `CorpusVersions.arrangement`), never a family of versioned pages
    (`path_version` reads whole folder and file names only: "report_2024_v3_final" is none)."""
    name = doc_id.rpartition("/")[2]
    if not _DIGIT.search(name):
        return None
    ending = _patterns().stem_ending
    matched = ending.search(name) or ending.search(_EXTENSION.sub("", name))
    return None if matched is None else _number(matched.group("n"))


def name_less_version(doc_id: str) -> str | None:
    """A document's file name less the version its stem ends with (`stem_version`) and its
    extension, folded ("Devis_Martin_V3.txt" -> "devis_martin"); None when it writes none."""
    name = _EXTENSION.sub("", doc_id.rpartition("/")[2])
    if not _DIGIT.search(name):
        return None
    matched = _patterns().stem_ending.search(name)
    return None if matched is None else name[: matched.start()].casefold()


def asked_file_versions(question: str) -> list[Version]:
    """The versions `question` asks (`asked_versions`: "la v1", "version 2"), and those it
    numbers by an ordinal word next to "version" ("la première version", "the first version":
    1; "the 2nd version", "la 2e version": 2; data/versions.json "ordinal_version",
    part_ordinals.ordinal_number) or names first
    ("the original version", "la version initiale": "first_words"), each once. Read once for
    the last QUESTIONS_READ questions (`_read_file_versions`: version_documents.asks_version,
    the versions a question's documents are of, answering's asked section and the copies set
    aside each ask them of the same question, up to four times)."""
    return list(_read_file_versions(question))


QUESTIONS_READ = 256
"""How many questions' `asked_file_versions` are kept."""


@functools.lru_cache(maxsize=QUESTIONS_READ)
def _read_file_versions(question: str) -> tuple[Version, ...]:
    found = dict.fromkeys(asked_versions(question))
    for version, _ in _ordinal_mentions(question):
        found.setdefault(version, None)
    return tuple(found)


def _ordinal_mentions(question: str) -> list[tuple[Version, str]]:
    """The versions `question` numbers by an ordinal word next to "version" or names first
    (`asked_file_versions`), each with the text that writes it ("première version", "version
    initiale"; the pattern only looks ahead, its match is empty)."""
    patterns = _patterns()
    found: list[tuple[Version, str]] = []
    for match in patterns.ordinal_version.finditer(question):
        word = match.group("word") or match.group("after")
        number = 1 if fold(word) in patterns.first_words else _ordinal(word)
        if number is None:
            continue
        if match.group("word"):  # "première version": the word, then "version" after it
            after = _NEXT_WORD.match(question, match.end("word"))
            end = after.end() if after else match.end("word")
            found.append(((number,), question[match.start() : end]))
        else:  # "version initiale"
            found.append(((number,), question[match.start() : match.end("after")]))
    return found


_NEXT_WORD = re.compile(r"\s+\w+")


def _ordinal(word: str) -> int | None:
    """The number an ordinal word ("second", "deuxième") or a number with an ordinal ending
    ("2nd", "2e": data/versions.json "ordinal_version") writes, or None."""
    digits = _LEADING_DIGITS.match(word)
    return int(digits.group()) if digits else ordinal_number(word)


_LEADING_DIGITS = re.compile(r"[0-9]+")


def written_versions(text: str) -> list[Version]:
    """The versions `text` (a title, a question) writes, in order, each once."""
    found: dict[Version, None] = {}
    if not _DIGIT.search(text):
        return []
    for pattern in _patterns().written:
        for match in pattern.finditer(text):
            found.setdefault(_number(match.group("n")), None)
    return list(found)


def asked_versions(question: str, own: Callable[[str], bool] = lambda name: False) -> list[Version]:
    """The versions `question` writes (`written_versions`) but those of another thing it names
    right before ("TLS v1.2", "OAuth version 2": data/versions.json's "other_name", a name
    written with capitals inside, unless it is one of "own_names" or `own(name)` says the
    corpus writes it: "GitLab version 15" in GitLab's docs): "Does it support TLS v1.2?" asks
    for no version of the documentation (session 22: it was warned of as a version no page
    is of)."""
    return [version for version, _ in asked_mentions(question, own)]


def asked_mentions(
    question: str, own: Callable[[str], bool] = lambda name: False
) -> list[tuple[Version, str]]:
    """`asked_versions`, each with the text that writes it in `question` ("v2", "version 7"),
    each version once."""
    if not _DIGIT.search(question):
        return []
    patterns = _patterns()
    found: dict[Version, str] = {}
    for pattern in patterns.written:
        for match in pattern.finditer(question):
            named = patterns.other_name.search(question[: match.start()])
            if (
                named is None
                or named["name"].casefold() in patterns.own_names
                or own(named["name"])
            ):
                found.setdefault(_number(match.group("n")), match.group())
    return list(found.items())


def path_versions(doc_ids: Iterable[str]) -> frozenset[Version]:
    """The versions the paths of `doc_ids` name (`path_version`, else the end of the file
    name's stem: `stem_version`, "devis_v1" names 1), whether or not any is older than another
    ("reference/limits" beside "v2/limits" names 2)."""
    ids = list(doc_ids)
    if not _patterns().hinted("\n".join(ids)):  # one pass: a folder without versions stops here
        return frozenset()
    return frozenset(
        v for doc_id in ids if (v := path_version(doc_id) or stem_version(doc_id)) is not None
    )


def held_mentions(
    question: str, held: frozenset[Version], own: Callable[[str], bool] = lambda name: False
) -> list[str]:
    """The texts of `question` asking for a version (`asked_mentions`: "v2", "version 7") that
    some path of `held` (`path_versions`) names: words the pages need not write, the folder
    giving the version (s23 hostile probe: "How many releases are kept in v2?" was refused
    for "v2", which only the folder "v2/" wrote); and those naming it by an ordinal
    (`_ordinal_mentions`: s33 hostile probe, "la première version" of budget_v1 was refused
    for "version", which no page writes)."""
    if not held:
        return []
    mentions = asked_mentions(question, own) + _ordinal_mentions(question)
    return [text for asked, text in mentions if any(_covers(asked, version) for version in held)]


def title_version(title: str) -> Version | None:
    """The one version a title writes ("Limits (v2)"; one writing two, "Migrating from v2 to
    v3", names none)."""
    written = written_versions(title)
    return written[0] if len(written) == 1 else None


def _archived_beside(doc_id: str, quoted: Iterable[str]) -> bool:
    """Whether the archived `doc_id` may be an earlier edition of one of the `quoted` files:
    its name shares a subject word with the other's name or folders (archive_folders
    name_words, folder_words: "archives/bareme_2023" beside "Tarifs/bareme_2026",
    "archives/tarifs_2023" beside "Tarifs/bareme_honoraires_2026"), words naming a kind of
    paper or an edition aside (subject_words: "note", "rapport", "final"). An archived paper
    of another subject states nothing "otherwise" (s37 trial: the 2023 fees schedule's
    transfer duty was labelled an earlier edition of the furniture value in a succession's
    figures)."""
    own = subject_words(name_words(doc_id))
    return any(
        not own.isdisjoint(subject_words(name_words(other) | folder_words(other)))
        for other in quoted
    )


def _covers(asked: Version, version: Version) -> bool:
    """Whether a version named `asked` ("v2") names `version` (2.0, 2.1) or the other way."""
    shorter = min(len(asked), len(version))
    return asked[:shorter] == version[:shorter]


def _mirroring(labelled: Sequence[str], theirs: dict[str, list[str]]) -> list[str]:
    """The unversioned pages (`theirs`: their ids by file name) that mirror the `labelled`
    ones (ids), when MIRRORED of the labelled pages' file names, and two at least, are among
    theirs; else none."""
    names = {doc_id.rpartition("/")[2] for doc_id in labelled}
    shared = names & set(theirs)
    if len(shared) < max(2, math.ceil(MIRRORED * len(names))):
        return []
    return [doc_id for name in sorted(shared) for doc_id in theirs[name]]


def _mirrors_read(
    pages: Sequence[str], top: Version, title_of: Callable[[str], str]
) -> tuple[bool, bool]:
    """Whether the unversioned `pages` mirroring a version folder of version `top` are the
    current edition, and whether they are an older one, by their titles (of the first
    TITLES_READ): most of those naming one version naming one not above `top` makes them not
    the current edition ("Guide (v2)" beside "v2/guide": the same), one below it an older one
    ("Guide (v1)"). Untitled, they are the current edition: a folder's name alone does not say
    otherwise."""
    if not pages:
        return False, False
    named = [v for page in pages[:TITLES_READ] if (v := title_version(title_of(page)))]
    not_above = [version for version in named if not _above(version, top)]
    below = [v for v in not_above if v < top and not _covers(v, top)]
    return 2 * len(not_above) <= len(named), 2 * len(below) > len(named)


def _above(version: Version, top: Version) -> bool:
    """Whether `version` is above `top` (3 above 2, not 2.1 above 2)."""
    return version > top and not _covers(version, top)


def _within(doc_id: str, family: str) -> bool:
    """Whether the document lies in the folder `family` ("" is the corpus)."""
    return not family or doc_id.startswith(family + "/")


@dataclass(frozen=True)
class Family:
    """The versions of one set of pages: those whose paths are the same up to the version
    (`path_family`), the highest of them, and whether unversioned pages in the same folder
    mirror that one's (`current`: then each of the family's versions is older)."""

    top: Version
    current: bool
    mirrored_older: bool = False
    """Whether unversioned pages mirror the newest version's but their titles say they are an
    older edition (`_mirrors_read`): then they are older pages (`CorpusVersions.is_older`
    by title), and the version folder's the newest."""

    def older(self, version: Version) -> bool:
        """Whether `version` (of one of the family's paths) is older than the family's newest:
        every one when unversioned pages are the current edition, else any below the highest
        (2 below 3, not 3.1)."""
        return self.current or (version < self.top and not _covers(version, self.top))

    def names_newest(self, asked: Version) -> bool:
        """Whether a question's `asked` version is this family's newest: its highest, or one
        above it when unversioned pages are the current edition."""
        if self.current:
            return asked > self.top and not _covers(asked, self.top)
        return _covers(asked, self.top)

    def newest_label(self, lang: Lang) -> str:
        """What an answer of the family's newest pages quotes, as the notes say it."""
        notes = NOTES[lang]
        return notes["current"] if self.current else notes["newest"].format(new=label(self.top))


def _families(
    of_document: dict[str, tuple[str, Version]], ids: list[str], title_of: Callable[[str], str]
) -> dict[str, Family]:
    """Each family's newest version, and whether the unversioned pages of `ids` within its
    folder mirror it (a version folder beside pages of the same names elsewhere, "api/v1/users"
    beside "guide/users", mirrors nothing) and are the current edition: unless their titles
    say they are no newer (`_mirrors_read`)."""
    members: dict[str, list[tuple[str, Version]]] = {}
    for doc_id, (family, version) in of_document.items():
        members.setdefault(family, []).append((doc_id, version))
    names_within = _names_within(
        [doc_id for doc_id in ids if doc_id not in of_document], set(members)
    )
    families = {}
    for family, docs in members.items():
        top = max(version for _, version in docs)
        on_top = [doc_id for doc_id, version in docs if version == top]
        mirroring = _mirroring(on_top, names_within.get(family, {}))
        families[family] = Family(top, *_mirrors_read(mirroring, top, title_of))
    return families


def _names_within(unversioned: list[str], folders: set[str]) -> dict[str, dict[str, list[str]]]:
    """The `unversioned` documents within each of `folders` ("" is the corpus) by file name,
    each document read once for each folder above it."""
    within: dict[str, dict[str, list[str]]] = {}
    for doc_id in unversioned:
        parts = doc_id.split("/")
        for depth in range(len(parts)):
            folder = "/".join(parts[:depth])
            if folder in folders:
                within.setdefault(folder, {}).setdefault(parts[-1], []).append(doc_id)
    return within


@dataclass
class CorpusVersions:
    """The documents of a folder that holds an older version's pages: each labelled document's
    family and version (by its path, `path_family`) and each family's newest (`Family`); the
    titles of documents read when asked (`title_of`)."""

    of_document: dict[str, tuple[str, Version]]
    families: dict[str, Family]
    title_of: Callable[[str], str]
    writes: Callable[[str], bool] = lambda name: False
    """Whether the corpus's text writes a name (a question's "GitLab" before "version 15":
    then the documentation's own, `asked_versions`)."""
    copies: dict[str, Copy] = field(default_factory=dict)
    """Each copy of a file, old or duplicate, and its current one (superseded.copies): read as
    older."""
    archived: dict[str, str] = field(default_factory=dict)
    """Each document kept in an archive folder beside current files, no copy of a file, and
    that folder (archive_folders.archived): read as older."""
    archived_alone: frozenset[str] = frozenset()
    """The `archived` documents no current one names alike (archive_folders.without_sibling):
    labelled, never set aside."""
    _titled: dict[str, Version | None] = field(default_factory=dict)
    _older: dict[str, bool] = field(default_factory=dict)
    """`is_older` of each document asked of (each hit of every question asks)."""
    _last_asked: tuple[str, list[Version]] | None = None
    """`asked` of the last question: a question is read for its versions five or six times
    (older pages, the newest named, unknown and other-version notes, held versions)."""

    @classmethod
    def of(
        cls,
        doc_ids: Iterable[str],
        title_of: Callable[[str], str],
        writes: Callable[[str], bool] = lambda name: False,
        text_of: Callable[[str], str] | None = None,
        superseded_by: Mapping[str, str] | None = None,
    ) -> CorpusVersions | None:
        """The versions of the documents of `doc_ids` (each its path, corpus.document_id), or
        None when no document is of a version older than its family's newest;
        `title_of(doc_id)` gives a document's title, read only for a question's passages
        (`is_older`); `writes(name)` whether the corpus writes a name (`writes`); `text_of`
        a document's text, read for a duplicate by its name (superseded.copies);
        `superseded_by` the pairs the build stored of documents another says replace them
        (superseding.stored_pairs)."""
        ids = list(doc_ids)
        found = copies(ids, text_of, superseded_by)
        kept = {doc_id: f for doc_id, f in archived(ids).items() if doc_id not in found}
        alone = without_sibling(ids, kept) if kept else frozenset()
        only_copies = cls({}, {}, title_of, writes, found, kept, alone) if found or kept else None
        # one pass over every name at once: a folder without versions stops here
        if not _patterns().hinted("\n".join(ids)):
            return only_copies
        of_document = {doc_id: f for doc_id in ids if (f := path_family(doc_id)) is not None}
        if not of_document:
            return only_copies
        families = _families(of_document, ids, title_of)
        older = any(families[f].older(v) for f, v in set(of_document.values()))
        if not older and not any(family.mirrored_older for family in families.values()):
            return only_copies
        return cls(of_document, families, title_of, writes, found, kept, alone)

    def family(self, doc_id: str) -> Family:
        """The family of a labelled document."""
        return self.families[self.of_document[doc_id][0]]

    def version_of(self, doc_id: str) -> Version | None:
        """The version a document's path names (None for an unversioned one)."""
        found = self.of_document.get(doc_id)
        return None if found is None else found[1]

    def _family_holding(self, doc_id: str) -> Family | None:
        """The family of the deepest versioned folder an unversioned document lies within."""
        holding = [family for family in self.families if _within(doc_id, family)]
        return self.families[max(holding, key=len)] if holding else None

    def is_older(self, doc_id: str) -> bool:
        """Whether the document is of an older version: its path's, else its title's when that
        is below the highest a path of the family it lies within names (read once a
        document)."""
        if doc_id not in self._older:
            self._older[doc_id] = self._read_older(doc_id)
        return self._older[doc_id]

    def _read_older(self, doc_id: str) -> bool:
        if doc_id in self.copies or doc_id in self.archived:
            return True
        found = self.of_document.get(doc_id)
        if found is not None:
            return self.families[found[0]].older(found[1])
        family = self._family_holding(doc_id)
        if family is None:
            return False
        titled = self._title_version(doc_id)
        return titled is not None and titled < family.top and not _covers(titled, family.top)

    def _title_version(self, doc_id: str) -> Version | None:
        if doc_id not in self._titled:
            self._titled[doc_id] = title_version(self.title_of(doc_id))
        return self._titled[doc_id]

    def asked(self, question: str) -> list[Version]:
        """The versions `question` asks for (`asked_versions`): a version written after a name
        counts when that name is one of the families' folders' ("Skiff v2" of "skiff/v1") or
        one the corpus writes (`writes`: "GitLab version 15" in GitLab's docs)."""
        if self._last_asked is None or self._last_asked[0] != question:
            self._last_asked = (question, asked_versions(question, self._own))
        return list(self._last_asked[1])

    def _own(self, name: str) -> bool:
        """Whether a name written before a version is the documentation's own: a word of its
        families' folders, or one its text writes."""
        return name.casefold() in self._own_words or self.writes(name)

    @functools.cached_property
    def _own_words(self) -> frozenset[str]:
        """The words of the families' folders' names, case aside."""
        return frozenset(
            word.casefold() for family in self.families for word in _WORD.findall(family)
        )

    def asked_older(self, question: str) -> Version | None:
        """The older version `question` names: one some page is of that is older than its
        family's newest; None when it names none, only newest ones, or one no page is of."""
        for asked in self.asked(question):
            for family, version in self._labelled:
                if _covers(asked, version) and self.families[family].older(version):
                    return asked
        return None

    def names_newest(self, question: str) -> bool:
        """Whether `question` names the newest version of a family ("in v3"): its highest, or
        one above it when unversioned pages are the current edition. The user asked for it,
        so no older version's statement is added."""
        return any(
            family.names_newest(asked)
            for asked in self.asked(question)
            for family in self.families.values()
        )

    def unknown_note(self, question: str, lang: Lang) -> str | None:
        """The warning that `question` names a version no page is of ("in v9") and that the
        answer quotes the newest, in `lang`; None when each version it names is some page's
        (or above a family whose unversioned pages are the current edition), or when no path
        names a version (old copies only)."""
        if not self.families:
            return None
        for asked in self.asked(question):
            if self._held(asked):
                continue
            if not any(family.names_newest(asked) for family in self.families.values()):
                return NOTES[lang]["unknown"].format(asked=label(asked), new=self._newest(lang))
        return None

    def other_version_note(self, question: str, answer: Answer) -> str | None:
        """The warning that `answer` quotes only pages of another version than one `question`
        names that some page is of ("in version 250" answered from v125/limits: the asked
        version's page was not among the passages; s23 hostile probe), in the answer's
        language; None when a quote is of that version or of no version, or when it names
        none some page is of."""
        cited = [(c, self.version_of(c.doc_id)) for c in answer.citations]
        if answer.abstained or not cited or any(version is None for _, version in cited):
            return None
        for asked in self.asked(question):
            if self._held(asked) and not any(_covers(asked, v) for _, v in cited if v is not None):
                citation, version = cited[0]
                return NOTES[answer.lang]["other"].format(
                    asked=label(asked), name=_file_name(citation), other=label(version or ())
                )
        return None

    def may_add(self, answer: Answer, doc_ids: Iterable[str]) -> bool:
        """Whether the set-aside documents `doc_ids` may give `answer` a quote it adds
        (`may_differ`), or its place when it abstains: else reading them is skipped (s27
        trial: a duplicate ranked among most answers' passages, read for nothing)."""
        if answer.abstained:
            return True
        quoted = {citation.doc_id for citation in answer.citations}
        return any(self._may_state(doc_id, quoted) for doc_id in doc_ids)

    def may_differ(self, answer: Answer, older: Answer) -> bool:
        """Whether `older`'s first quote may be said to state `answer`'s otherwise: one of an
        older version's page, or of an old copy of a file `answer` quotes ("an older copy of X
        states it otherwise; the answer quotes X"); never a duplicate's (the same text: s27
        trial, a tax notice's "(1)" added beside a loan's rate) nor an old copy of a file the
        answer does not quote (the 2024 budget's rent row beside the lease's clause)."""
        quoted = {citation.doc_id for citation in answer.citations}
        return self._may_state(older.citations[0].doc_id, quoted)

    def current_was_read(self, doc_id: str, read: Iterable[str]) -> bool:
        """Whether `doc_id` is a copy whose current file is among the `read` documents: that
        file's passages were read and did not answer, so the copy's answer alone would quote
        what the current file may state otherwise, and "nothing in it answers" would be false
        (s28 review C: "Combien coûte la mutuelle par mois ?" quoted an old class trip
        letter's 180 € once the current letter had been read). An earlier period's paper
        answers what the latest does not hold (a past season's snow class cost), labelled."""
        copy = self.copies.get(doc_id)
        return copy is not None and not copy.earlier and copy.current in set(read)

    def _may_state(self, doc_id: str, quoted: set[str]) -> bool:
        """Whether a quote of `doc_id` may stand beside quotes of the `quoted` documents: it is
        an old copy (no duplicate) of one of them, or no copy; an archived paper only beside a
        quoted file its name shares a word with (`_archived_beside`)."""
        copy = self.copies.get(doc_id)
        if copy is None:
            return doc_id not in self.archived or _archived_beside(doc_id, quoted)
        return not copy.duplicate and copy.current in quoted

    def _newest(self, lang: Lang) -> str:
        """What an answer naming no family quotes, as the notes say it."""
        labels = {family.newest_label(lang) for family in self.families.values()}
        return labels.pop() if len(labels) == 1 else NOTES[lang]["each_newest"]

    def arrangement(
        self, question: str, depth: int, terms: Sequence[tuple[frozenset[str], float]] = ()
    ) -> Arranged:
        """How `question`'s ranked hits are read (module docstring): an older version it names,
        that version's documents, then unversioned ones; else every document but the older,
        which are set aside when one ranks among the first `depth` (Arranged.set_aside), but
        for an archived passage writing what the current ones leave unsaid of the question's
        `terms` (each its alternatives and weight: `speaking_alone`)."""
        asked = self.asked_older(question)
        if asked is not None:
            return Arranged(self, lambda doc: self._of_asked(doc, asked), True, 0, asked)
        newest = self.names_newest(question)
        named = self._held_asked(question) if newest else None
        years = years_written(question) if self.copies or self.archived else frozenset()
        named_versions = asked_file_versions(question) if self.copies else []
        archive_asked = bool(self.archived) and asks_archive(question)
        identifiers = identifiers_written(question) if self._any_superseded else frozenset()
        return Arranged(
            self,
            lambda doc: (
                not self.is_older(doc)
                or self._asks_years_of(doc, years)
                or self._asks_identifier_of(doc, identifiers)
                or self._asks_version_of(doc, named_versions)
                or self._asks_archived(doc, years, archive_asked)
                or doc in self.archived_alone
            ),
            False,
            0 if newest else depth,
            named,
            lambda doc: self._asks_latest_period(doc, years),
            question,
            terms,
        )

    def _asks_latest_period(self, doc_id: str, years: frozenset[int]) -> bool:
        """Whether a question writing `years` asks for the period of the latest paper of the
        dated series the earlier `doc_id` is of: its path writes each of them ("Total des
        dépenses 2024-2025" of "comptes_2024-2025" beside "comptes_2023-2024"), so the earlier
        period's statement is no other one of what is asked."""
        copy = self.copies.get(doc_id)
        return (
            bool(years)
            and copy is not None
            and copy.earlier
            and years <= years_written(copy.current)
        )

    def _asks_years_of(self, doc_id: str, years: frozenset[int]) -> bool:
        """Whether a question writing `years` asks for the old copy `doc_id`'s: its path writes
        one its current file's does not ("budget 2024" of "old/budget_2024_OLD" beside
        "budget_2025"; "emploi du temps 2024-2025": a user's archive by year stays answerable)."""
        copy = self.copies.get(doc_id)
        if not years or copy is None or copy.duplicate:
            return False
        return bool(years & (years_written(doc_id) - years_written(copy.current)))

    @functools.cached_property
    def _any_superseded(self) -> bool:
        """Whether some copy is a document another says replaces it (superseding.py)."""
        return any(copy.superseded for copy in self.copies.values())

    def _asks_identifier_of(self, doc_id: str, identifiers: frozenset[Named]) -> bool:
        """Whether a question writing the `identifiers` asks for the superseded `doc_id`: one
        names it by its file name's or title's identifier, none its current document's ("What
        did ADR-003 decide?": the replaced decision stays answerable when named)."""
        copy = self.copies.get(doc_id)
        if not identifiers or copy is None or not copy.superseded:
            return False
        own = own_identifiers(doc_id, self.title_of(doc_id))
        current = own_identifiers(copy.current, self.title_of(copy.current))
        return names_one_of(identifiers, own) and not names_one_of(identifiers, current)

    def _asks_archived(self, doc_id: str, years: frozenset[int], archive_asked: bool) -> bool:
        """Whether a question writing `years` asks for the archived `doc_id`'s edition: it
        writes a year its path writes ("le tarif en 2024" of "archive/2024/Tarifs 2024") or
        names its archive folder ("dans les archives": `archive_asked`, asks_archive computed
        once per question); never for a document outside archive folders."""
        if doc_id not in self.archived:
            return False
        return bool(years & years_written(doc_id)) or archive_asked

    def speaking_alone(
        self,
        hits: Sequence[Hit],
        kept: Callable[[str], bool],
        depth: int,
        question: str,
        asked: Sequence[tuple[frozenset[str], float]] = (),
    ) -> set[int]:
        """The ids of the archived hits among the first `depth` of `hits` not `kept` that write
        what of `question` none of the first `depth` kept hits writes, each read with its
        document's id and title (`_read_with_name`): a name it writes (across.written_names:
        "Ecosoins", a former collector; "Dupont" of "Clients archivés/Dupont/devis"), or its
        terms `asked` (each its alternatives and weight; default: the question's content
        terms, alike) unsaid by them that weigh as much as those they write, or more ("la
        refonte du site web" beside another project's "budget du projet"): the current files
        say nothing of it, so the archive is not set aside for them (s34 trial n09: "le numéro
        de facture d'Ecosoins" quoted the sterilisation page's "numéro de cycle"; s35 review:
        a project's or a client's only file in the archive lost to another's current one). A
        common word the current files word otherwise ("horaires d'ouverture" beside "le
        cabinet ouvre") never brings the archive back alone. Read only when such a hit ranks
        there."""
        archived = [
            hit
            for hit in hits[:depth]
            if hit.chunk.doc_id in self.archived and not kept(hit.chunk.doc_id)
        ]
        if not archived:
            return set()
        current = list(
            islice((self._read_with_name(hit) for hit in hits if kept(hit.chunk.doc_id)), depth)
        )
        names = written_names(question)
        unsaid_names = [name for name in names if not writes_a_name([name], current)]
        terms = list(asked) or [(frozenset({term}), 1.0) for term in _content_terms(question)]
        written = frozenset().union(*(written_terms(text) for text in current))
        unsaid = [(forms, weight) for forms, weight in terms if not forms & written]
        said = _weight_written(terms, written)
        return {
            id(hit)
            for hit, text in ((hit, self._read_with_name(hit)) for hit in archived)
            if (unsaid_names and writes_a_name(unsaid_names, [text]))
            or (unsaid and _weight_written(unsaid, written_terms(text)) >= max(said, 1e-9))
        }

    def _read_with_name(self, hit: Hit) -> str:
        """A hit's text with its document's id and title before it: what it says of a name
        or a term its passage leaves to its path ("Clients archivés/Dupont/devis")."""
        doc_id = hit.chunk.doc_id
        return f"{doc_id}\n{self.title_of(doc_id)}\n{hit.chunk.text}"

    def archived_quote_note(self, question: str, answer: Answer) -> str | None:
        """The warning that `answer` quotes first a document kept in an archive folder the
        question did not ask for (by a year its path writes or the archive's name), in the
        answer's language; None otherwise."""
        if answer.abstained or not answer.citations or not self.archived:
            return None
        first = answer.citations[0]
        if self._asks_archived(first.doc_id, years_written(question), asks_archive(question)):
            return None
        folder = self.archived_folder(first.doc_id)
        if folder is None:
            return None
        return NOTES[answer.lang]["quoted_archived"].format(name=_file_name(first), folder=folder)

    def _asks_version_of(self, doc_id: str, asked: Sequence[Version]) -> bool:
        """Whether a question naming the versions `asked` ("la v1", "the first version") asks
        for the old copy `doc_id`'s: its file name ends with one of them and its current
        file's does not (`stem_version`: "devis_v1" beside "devis_v2"; s31 trial a21, where
        "la première version" set the v1 quote aside as superseded)."""
        copy = self.copies.get(doc_id)
        if not asked or copy is None or copy.duplicate:
            return False
        own, current = stem_version(doc_id), stem_version(copy.current)
        return own is not None and own != current and any(_covers(a, own) for a in asked)

    def _held_asked(self, question: str) -> Version | None:
        """The first version `question` names that some page is of."""
        return next((asked for asked in self.asked(question) if self._held(asked)), None)

    @functools.cached_property
    def _labelled(self) -> frozenset[tuple[str, Version]]:
        """Each family and version some labelled document is of, gathered once (not once a
        question and note: a folder of versions may hold tens of thousands of pages)."""
        return frozenset(self.of_document.values())

    @functools.cached_property
    def _labelled_versions(self) -> frozenset[Version]:
        """The versions some labelled document is of."""
        return frozenset(version for _, version in self._labelled)

    def _held(self, asked: Version) -> bool:
        """Whether some labelled document is of version `asked` (`_covers`)."""
        return any(_covers(asked, version) for version in self._labelled_versions)

    def counterparts(self, doc_ids: Iterable[str], asked: Version | None) -> list[str]:
        """The documents of version `asked` (None: each family's newest, unless unversioned
        pages are its current edition) of the families and file names of `doc_ids`
        ("v250/limits" for "v125/limits"), of each family none of `doc_ids` is of it, and
        with `asked` None, the current file of each copy among them none of them is
        (superseded.py); in their order, each once, COUNTERPARTS at most."""
        given = list(dict.fromkeys(doc_ids))
        labelled = [(d, self.of_document[d]) for d in given if d in self.of_document]
        wanted = {family: self._wanted(family, asked) for _, (family, _) in labelled}
        holding = {f for _, (f, v) in labelled if (w := wanted[f]) is not None and _covers(w, v)}
        found: dict[str, None] = {}
        for doc_id, (family, _) in labelled:
            version_wanted = wanted[family]
            if family in holding or version_wanted is None:
                continue
            for other, version in self._pages.get((family, doc_id.rpartition("/")[2]), []):
                if _covers(version_wanted, version):
                    found.setdefault(other, None)
        if asked is None and self.copies:
            found.update(dict.fromkeys(self._currents_missing(given)))
        return list(found)[:COUNTERPARTS]

    def _currents_missing(self, given: list[str]) -> list[str]:
        """The current file of each copy among `given` that is not among them, in order."""
        held = set(given)
        return [
            copy.current
            for doc_id in given
            if (copy := self.copies.get(doc_id)) is not None and copy.current not in held
        ]

    def _wanted(self, family: str, asked: Version | None) -> Version | None:
        """The version of `family` a question asks: `asked`, else its newest when that is a
        version folder's (None when unversioned pages are its current edition)."""
        if asked is not None:
            return asked
        newest = self.families[family]
        return None if newest.current else newest.top

    @functools.cached_property
    def _pages(self) -> dict[tuple[str, str], list[tuple[str, Version]]]:
        """The labelled documents by family and file name, with their versions."""
        pages: dict[tuple[str, str], list[tuple[str, Version]]] = {}
        for doc_id, (family, version) in self.of_document.items():
            pages.setdefault((family, doc_id.rpartition("/")[2]), []).append((doc_id, version))
        return pages

    def _of_asked(self, doc_id: str, asked: Version) -> bool:
        version = self.version_of(doc_id)
        if version is None:
            return not self.is_older(doc_id)
        return _covers(asked, version)

    def older_note(
        self,
        citation: Citation,
        cited: bool,
        newest_lang: Lang,
        numbers: Sequence[int],
        quoted: Citation | None = None,
    ) -> str:
        """The warning that `citation`'s older document states the answer otherwise (with its
        quote added as [n] `numbers` when `cited`), in `newest_lang`; an archived document's
        names the answer's `quoted` first file as the one it quotes."""
        folder = self.archived_folder(citation.doc_id)
        if folder is not None:
            return NOTES[newest_lang][("cited_" if cited else "uncited_") + "archived"].format(
                marks=", ".join(f"[{n}]" for n in numbers),
                name=_file_name(citation),
                folder=folder,
                new=_file_name(quoted) if quoted is not None else NOTES[newest_lang]["current"],
            )
        copy = self.copies.get(citation.doc_id)
        if copy is not None:
            key = ("cited_" if cited else "uncited_") + _copy_kind(copy)
            return NOTES[newest_lang][key].format(
                marks=", ".join(f"[{n}]" for n in numbers),
                name=_file_name(citation),
                new=shown(cut(copy.current)),
            )
        old, new = self._old_and_new(citation.doc_id, newest_lang)
        return NOTES[newest_lang]["cited" if cited else "uncited"].format(
            marks=", ".join(f"[{n}]" for n in numbers),
            name=_file_name(citation),
            old=old,
            new=new,
        )

    def only_older_note(self, citation: Citation, lang: Lang) -> str:
        """The warning that the answer quotes `citation`'s older document, no page of the
        newest version answering, in `lang`."""
        folder = self.archived_folder(citation.doc_id)
        if folder is not None:
            return NOTES[lang]["only_archived"].format(name=_file_name(citation), folder=folder)
        copy = self.copies.get(citation.doc_id)
        if copy is not None:
            return NOTES[lang]["only_" + _copy_kind(copy)].format(
                name=_file_name(citation), new=shown(cut(copy.current))
            )
        old, new = self._old_and_new(citation.doc_id, lang)
        return NOTES[lang]["only_older"].format(name=_file_name(citation), old=old, new=new)

    def archived_folder(self, doc_id: str) -> str | None:
        """The archive folder a document is kept in ("archive" of "archive/2024/Tarifs 2024",
        "Clients archivés" of "Clients archivés/Dupont/devis"; never the document's own
        folder), as notes and labels show it (sanitised); None for any other document."""
        folder = self.archived.get(doc_id)
        return None if folder is None else shown(cut(folder))

    def _old_and_new(self, doc_id: str, lang: Lang) -> tuple[str, str]:
        """An older document's version, and what the newest of its family is, as notes say."""
        if doc_id in self.of_document:
            family: Family | None = self.family(doc_id)
            version = self.of_document[doc_id][1]
        else:
            family, version = self._family_holding(doc_id), self._titled.get(doc_id) or ()
        newest = family.newest_label(lang) if family is not None else NOTES[lang]["current"]
        return label(version), newest


def _content_terms(question: str) -> frozenset[str]:
    """The terms of `question` that say what it asks about (lexical.about_terms)."""
    return about_terms(written_terms(question, dates=False))


def _weight_written(
    terms: Sequence[tuple[frozenset[str], float]], written: frozenset[str]
) -> float:
    """The weight of the `terms` (each its alternatives and weight) `written` holds a form of."""
    return sum(weight for forms, weight in terms if forms & written)


def _file_name(citation: Citation) -> str:
    """A citation's file as notes name it, sanitised (an id that keeps its extension,
    "sortie.pdf" beside "sortie", corpus.unique_document_ids, gets it once)."""
    suffix = PurePosixPath(citation.path).suffix
    named = citation.doc_id if citation.doc_id.endswith(suffix) else citation.doc_id + suffix
    return shown(cut(named))


def _copy_kind(copy: Copy) -> str:
    """The NOTES key ending of a copy's warning."""
    if copy.superseded:
        return "superseded"
    if copy.earlier:
        return "earlier"
    return "duplicate" if copy.duplicate else "copy"


class Arranged:
    """An Arrangement of one question's hits (CorpusVersions.arrangement), and the hits it
    reads after the others that the older-version note reads (`set_aside`: when one ranked
    among the first `depth`; 0: never)."""

    def __init__(
        self,
        versions: CorpusVersions,
        kept: Callable[[str], bool],
        labelled_first: bool,
        depth: int,
        asked: Version | None = None,
        unasked: Callable[[str], bool] = lambda doc_id: False,
        question: str | None = None,
        terms: Sequence[tuple[frozenset[str], float]] = (),
    ) -> None:
        self.versions, self.kept, self.labelled_first, self.depth = (
            versions,
            kept,
            labelled_first,
            depth,
        )
        self.asked = asked
        """The version the question names that some page is of (None: it names none)."""
        self.unasked = unasked
        """Whether a document set aside is never read after the others: an earlier period's
        paper when the question names the latest's (CorpusVersions._asks_latest_period)."""
        self.question = question
        """The question arranged for, read for archived hits (`_keeps`); None: not read."""
        self.terms = terms
        """The question's terms, each its alternatives and weight, read with it (`_keeps`)."""

    def _keeps(self, hits: Sequence[Hit]) -> Callable[[Hit], bool]:
        """Whether a hit of `hits` is read first: its document is `kept`, or it is an archived
        document's among the first `depth` writing a name of the question none of the first
        `depth` kept hits writes, or question terms they leave unsaid weighing at least as much
        as those they write (`CorpusVersions.speaking_alone`: "le numéro de facture
        d'Ecosoins", a collector only the archive names, is no question the current files
        answer)."""
        versions, question = self.versions, self.question
        if not versions.archived or not self.depth or question is None:
            return lambda hit: self.kept(hit.chunk.doc_id)
        alone = versions.speaking_alone(hits, self.kept, self.depth, question, self.terms)
        return lambda hit: self.kept(hit.chunk.doc_id) or id(hit) in alone

    def missing(self, hits: Sequence[Hit]) -> list[str]:
        """The documents of the version the question names mirroring the pages of other
        versions `hits` are of, when no hit is of it (`CorpusVersions.counterparts`): among
        many versions' look-alike pages the search ranks a few others (s23 hostile probe:
        "in version 250" ranked v125, v120...). A question naming none asks for each
        family's newest: only then are older pages set aside (`depth`)."""
        if self.asked is None and not self.depth:
            return []
        return self.versions.counterparts((hit.chunk.doc_id for hit in hits), self.asked)

    def __call__(self, hits: Sequence[Hit]) -> tuple[list[Hit], list[Hit]]:
        """The `hits` of documents `kept` (those of a version, with `labelled_first`, before
        unversioned ones, each in its own order), and the others."""
        keeps = self._keeps(hits)
        first = [hit for hit in hits if keeps(hit)]
        chosen = {id(hit) for hit in first}
        if self.labelled_first:
            labelled = self.versions.of_document
            first.sort(key=lambda hit: hit.chunk.doc_id not in labelled)
        elif self.versions.copies:
            first = self._in_copies_places(hits, first)
        after = [hit for hit in hits if id(hit) not in chosen]
        return first, after

    def _in_copies_places(self, hits: Sequence[Hit], first: list[Hit]) -> list[Hit]:
        """`first` with each current file's best hit in the place of its old copy's, when that
        ranked above it among `hits`: the copy ranked so for the words both editions write (s28
        trial: "sortie londre acompte" ranked the old trip form first, the updated one below a
        mail that says nothing of the deposit); the others keep their order. The current file
        so read, an abstention never lets the copy answer alone (current_was_read: review C,
        "Combien coûte la mutuelle par mois ?" quoted an old letter's 180 €)."""
        copies, place = self.versions.copies, {id(hit): n for n, hit in enumerate(hits)}
        copy_place: dict[str, int] = {}
        for n, hit in enumerate(hits):
            copy = copies.get(hit.chunk.doc_id)
            if copy is not None and not self.kept(hit.chunk.doc_id):
                copy_place.setdefault(copy.current, n)
        if not copy_place:
            return first
        keys, seen = {}, set()
        for hit in first:
            doc_id, own = hit.chunk.doc_id, place[id(hit)]
            keys[id(hit)] = own if doc_id in seen else min(own, copy_place.get(doc_id, own))
            seen.add(doc_id)
        return sorted(first, key=lambda hit: (keys[id(hit)], place[id(hit)]))

    def set_aside(self, hits: Sequence[Hit]) -> list[Hit]:
        """The `hits` read after the others, in order, when one ranked among the first
        `depth`; else none."""
        if not self.depth:
            return []
        keeps = self._keeps(hits)
        others = [(n, hit) for n, hit in enumerate(hits) if not keeps(hit)]
        if not others or others[0][0] >= self.depth:
            return []
        return [hit for _, hit in others if not self.unasked(hit.chunk.doc_id)]


def _stated(quote: str, lang: Lang) -> frozenset[str]:
    """The values `quote` states, its version names aside ("v2" states no 2)."""
    for pattern in _patterns().written:
        quote = pattern.sub(" ", quote)
    return values(quote, lang)


def states_otherwise(answer: Answer, older: Answer, asked: Sequence[frozenset[str]]) -> bool:
    """Whether the older documents' `older` answer says what `answer` says with other values:
    its first quote writes every one of the question's `asked` terms (each a set of stemmed
    alternatives, lexical.written_terms) that `answer`'s quotes write, some at least (not a
    page of the older version on something else), and states a value they do not, or states
    none where they state one of the same thing ("never expire" against "90 days":
    `_same_subject`)."""
    if older.abstained or not older.citations or answer.abstained:
        return False
    ours_text = "\n".join(c.quote for c in answer.citations)
    theirs_text = older.citations[0].quote
    ours = _stated(ours_text, answer.lang)
    if not ours or not _writes_as_much(ours_text, theirs_text, asked):
        return False
    theirs = _stated(theirs_text, older.lang)
    return bool(theirs - ours) if theirs else _same_subject(ours_text, theirs_text, asked)


SAME_SUBJECT = 0.4
"""The share of the shorter quote's words the other writes when a quote stating no value
speaks of what the other states one of (`_same_subject`)."""


def _same_subject(ours: str, theirs: str, asked: Sequence[frozenset[str]] = ()) -> bool:
    """Whether `theirs`, stating no value, speaks of what `ours` states a value of: the two
    write SAME_SUBJECT of the shorter one's words at least ("Tokens never expire." of "Tokens
    expire after 90 days."), or open with the same label (`_label`: "Dépôt de garantie :
    néant" of "Dépôt de garantie : un dépôt de 780 €"), or `theirs` writes every `asked` term
    and a word saying there is none (`_says_none`: "aucun dépôt de garantie"). An older
    edition's sentence on another thing that writes only the asked words says nothing
    otherwise (s37 trial: the first draft's "remettre le dossier de diagnostic technique
    (amiante, termites…)" was labelled as stating otherwise the final one's price reduction
    "rendus nécessaires par le diagnostic termites")."""
    our_words, their_words = written_terms(ours, False), written_terms(theirs, False)
    shorter = min(len(our_words), len(their_words))
    if shorter > 0 and len(our_words & their_words) >= SAME_SUBJECT * shorter:
        return True
    label = _label(theirs)
    return (label is not None and label == _label(ours)) or _says_none(theirs, asked)


_LABEL = re.compile(r"\A\W*([^:\n—]{3,60}?)\s*(?::|—)")


def _label(quote: str) -> tuple[str, ...] | None:
    """The words a quote opens with before ":" or "—" ("Dépôt de garantie : néant"), folded;
    None when it opens with no such label."""
    found = _LABEL.match(quote)
    words = tuple(_WORD.findall(fold(found.group(1)))) if found else ()
    return words or None


def _says_none(theirs: str, asked: Sequence[frozenset[str]]) -> bool:
    """Whether `theirs` writes every `asked` term and a word saying there is none (data
    versions.json "none_words": "néant", "aucun", "sans", "never")."""
    their_words = written_terms(theirs, False)
    if not asked or not all(term & their_words for term in asked):
        return False
    return not _none_words().isdisjoint(_WORD.findall(fold(theirs)))


@cache
def _none_words() -> frozenset[str]:
    return frozenset(data_json("versions.json")["none_words"])


def _writes_as_much(ours: str, theirs: str, asked: Sequence[frozenset[str]]) -> bool:
    """Whether `theirs` writes each asked term `ours` writes, and `ours` writes one."""
    our_words, their_words = written_terms(ours, False), written_terms(theirs, False)
    written = [term for term in asked if term & our_words]
    return bool(written) and all(term & their_words for term in written)


def with_older_statement(
    answer: Answer,
    older: Answer,
    versions: CorpusVersions,
    limit: int,
    asked: Sequence[frozenset[str]],
) -> tuple[Answer, str | None]:
    """`answer` with the older documents' first quote added after its own, labelled
    (Citation.otherwise), when `older` states it otherwise (`states_otherwise`, by the
    question's `asked` terms) and the quotes
    stay within `limit` characters together; and the warning naming the older file (None when
    it does not state it otherwise)."""
    if not states_otherwise(answer, older, asked) or not versions.may_differ(answer, older):
        return answer, None
    citation = older.citations[0]
    total = sum(len(c.quote) for c in answer.citations) + len(citation.quote)
    quoted = answer.citations[0] if answer.citations else None
    if total > limit:
        return answer, versions.older_note(citation, False, answer.lang, [], quoted)
    n = len(answer.citations) + 1
    folder = versions.archived_folder(citation.doc_id)
    update = {"n": n, "otherwise": True, "archived": folder}
    citations = [*answer.citations, citation.model_copy(update=update)]
    note = versions.older_note(citation, True, answer.lang, [n], quoted)
    text = answer_text(citations, answer.lang)
    return answer.model_copy(update={"citations": citations, "answer": text}), note
