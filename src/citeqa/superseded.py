"""Owns which documents of a folder are old copies of another, by their paths alone.

A personal folder keeps the old copy of a file beside the current one: in a folder named so
("Banque/old/budget_famille_2024_OLD" beside "Banque/budget_famille_2025"), with a word of its
name ("bail_ancien", "devis_brouillon"), or as a lower version beside a final one
("old/classe_decouverte_v1" beside "classe_decouverte_v2_definitif"). Quoted without a word,
the old copy misleads (s27 trial: the monthly grocery budget quoted the 2024 copy's 600 where
the 2025 budget says 650). The words are data, English and French (data/superseded.json).

A document is an old copy (`old_copies`) when another document of the same folder (old folders
left out, read by their words, separators and years aside: "old_versions", "archives
2023") has the same name once those words, years and version numbers are left out, and is
the newer (`_Name.older_than`; a name writing no version is the first edition of one
writing "v2" or "version 2" when their texts share their title or words: "fiche_sortie"
beside "fiche_sortie_v2", never minutes' "notes" beside a recipe's "notes_v2"; a draft "v0"
is older than both; a dotted version or a revision letter is one version, its numbers compared
in turn: "report v0.9 DRAFT" and "report v1.0" are older than "report v1.1 FINAL", "v1.10" is
above "v1.9", "bom rev B" older than "bom rev C", `Edition`): a name alone never makes
a copy old ("avis_2024" beside "avis_2025" are two years' papers, both current), nor does
"final" or a version make a later year's paper old ("rapport_2024_final" beside
"rapport_2025"). versions.CorpusVersions reads
old copies as pages of an older version: set aside when a newer document answers, quoted with
a warning naming the file otherwise.

A document whose text states it replaces an earlier edition ("remplace la version du 2
octobre", "annule et remplace la version 2", "supersedes the version of 3 March": data
"replaces") makes the other
documents of its folder and name, years and versions aside, old copies of it (`replaced`),
those newer by their names or of another year than one the cue names aside ("fiche" beside a
"fiche_2025" saying "remplace la version du 2 octobre"; "statuts_2019" beside a
"statuts_2024" saying "Ces statuts remplacent ceux du 22 juin 2019": s29 trial); the cue names
an edition by its version or date, never an article or another document ("annule et remplace
l'article 3", an amendment's).

Documents of one folder and name writing different years are a dated series
(`earlier_periods`): "avis_2024" beside "avis_2025", "2024-2025/adherents_2024-2025" beside
"adherents_2025-2026" (a folder naming only a period, data "period_folder", is left out of the
folder editions share, as an old folder is; s29 trial: last season's members list was quoted
for "a-t-il réglé sa cotisation ?"); a year folder's file whose name a later edition's
extends joins that series ("2023/tarifs_repas_2023-2024" beside "tarifs_repas_etude_2025-2026",
s32 trial). The earlier ones are no old copies: versions.py reads the latest first and quotes
an earlier one labelled, and lets it answer alone what the latest does not hold (review C: a past
school year's snow class).

A question writing a year an old copy's path writes and its current file's does not asks for
the copy (versions.py: "budget 2024" of "old/budget_2024_OLD" beside "budget_2025").

A download's or a copy's duplicate ("avis_imposition_2025 (1)", "Copie de bail") and a file
exported from another of the same name ("sortie.pdf" beside "sortie.docx", whose id keeps its
extension: corpus.unique_document_ids) are copies of that file too (`duplicates`): the
original is quoted when their texts say the same (s27 trial: "(1)" and the PDF export were
cited instead of the originals); a duplicate by its name whose text differs is its own
document.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import NamedTuple

from citeqa.jsonfiles import data_json
from citeqa.lexical import fold
from citeqa.questions import visible_text
from citeqa.unheld_periods import follows

Edition = tuple[int, ...]
"""A version as its numbers, compared in turn: "v1.10" is (1, 10), above "v1.9"'s (1, 9)."""


_WORD = re.compile(r"[^\W_]+")
_NOT_WORD = re.compile(r"[^\w\0]+|_+")
"""Runs of characters but letters, digits and the NUL joining ids (`_may_share_names`)."""
CUE_SPAN = 2000
"""The characters read at each end of a document for a statement that it replaces an earlier
edition (`states_replacing`): a form's or a notice's version line is at its head or foot."""


@dataclass(frozen=True)
class _Words:
    old_folders: frozenset[str]
    old_words: frozenset[str]
    final_words: frozenset[str]
    version: re.Pattern[str]
    year: re.Pattern[str]
    duplicates: tuple[re.Pattern[str], ...]
    export_types: frozenset[str]
    source_types: frozenset[str]
    version_apart: re.Pattern[str]
    replaces: tuple[re.Pattern[str], ...]
    year_written: re.Pattern[str]
    edition_numbers: re.Pattern[str]
    period_folder: re.Pattern[str]
    period_folders: re.Pattern[str]
    """A folder naming only a period with the slash after it, in ids joined by NUL."""
    series_qualifiers: frozenset[str]
    """Words a longer name adds to name another data list, not a later edition
    (`_join_extended_names`)."""
    full_date: re.Pattern[str]
    """A full date a file name writes ("2026-02-20", "20260220", "20-02-2026"): `_dated_as_year`."""


@cache
def _words() -> _Words:
    data = data_json("superseded.json")
    return _Words(
        frozenset(fold(name) for name in data["old_folders"]),
        frozenset(fold(word) for word in data["old_words"]),
        frozenset(fold(word) for word in data["final_words"]),
        re.compile(data["version"]),
        re.compile(data["year"]),
        tuple(re.compile(p, re.IGNORECASE) for p in data["duplicates"]),
        frozenset(data["export_types"]),
        frozenset(data["source_types"]),
        re.compile(data["version_apart"]),
        tuple(re.compile(p) for p in data["replaces"]),
        re.compile(f"(?<!\\d)({data['year']})(?!\\d)"),
        re.compile(f"(?<![^\\W_])(?:{data['year']}|{data['version']})(?![^\\W_])"),
        re.compile(data["period_folder"]),
        re.compile(f"(?:(?<=[/\\0])|(?<![\\s\\S]))[ \\t]*(?:{data['period_folder']})[ \\t]*/"),
        frozenset(fold(word) for word in data["series_qualifiers"]),
        re.compile(data["full_date"]),
    )


class Copy(NamedTuple):
    """The current file a copy is of, and whether the copy is a duplicate (a download's, an
    export's) rather than an older edition, or an earlier period's paper of a dated series
    (`earlier_periods`: "2024-2025/adherents_2024-2025" beside "adherents_2025-2026")."""

    current: str
    duplicate: bool
    earlier: bool = False
    superseded: bool = False
    """A document another says replaces it, or that says it is replaced (superseding.py:
    ADR-006 "Superseded by ADR-008"), read as an earlier period's paper is (`earlier` too)."""


@dataclass(frozen=True)
class _Name:
    """What a document's path says of its edition: the folder and name it shares with other
    editions (`key`), whether it is marked old or final, and its version number."""

    key: tuple[str, tuple[str, ...]]
    old: bool
    final: bool
    version: Edition | None
    year: int | None

    def older_than(self, other: _Name) -> bool:
        """Whether this edition is older than `other` (of the same key): marked old where the
        other is not, else not marked final where the other is, else of a lower version (a name
        writing none is the first, `_version`: "fiche" is older than "fiche_v2", not than
        "fiche_v1"; a draft "fiche_v0" is older than both). Names
        writing different years are two years' papers: the earlier is older only when marked
        old where the other is not ("budget_2024_OLD" beside "budget_2025"), never by its
        "final" or version ("rapport_2024_final" beside "rapport_2025"). A name writing a year
        beside one writing none is older only by its old mark too ("budget_OLD" beside
        "budget_2025"): never by "final" or a version alone (s29 probe F2: "budget_2019_final"
        was taken as the current edition of the living, undated "budget")."""
        if self.year != other.year:
            later = self.year is not None and other.year is not None and self.year > other.year
            return self.old and not other.old and not later
        if self.old != other.old:
            return self.old
        if self.final != other.final:
            return other.final
        return _version(self) < _version(other)


@lru_cache(maxsize=1 << 17)  # replaced and earlier_periods read the same names
def _read_name(doc_id: str, dates_as_years: bool = False) -> _Name | None:
    """The edition `doc_id`'s path names (an id is the path without its extension); None when
    its name is only words that mark editions, or writes two versions (s29 probe F8: "budget
    v10 v2" was read by its last as older than "budget v3"; which one counts is a guess). A
    word marks an edition only among those opening or closing the name, years and versions
    aside ("trip_new_york" is no new "trip_york"). A full date's month and day name the paper
    ("CR_reunion_2026-01-15" and "CR_reunion_2026-04-09" are two meetings' minutes); with
    `dates_as_years` (`dated_editions` alone) a full date is read as its year in a name
    writing a version or such a word (`_dated_as_year`). The path is read as it shows
    (`visible_text`: an escape in "tarif_v2\x1b[0m" hid its version, s30 hostile F10)."""
    words = _words()
    *folders, stem = fold(visible_text(doc_id)).split("/")
    periods = [f for f in folders if _period_folder(f.strip())]
    kept_folders = tuple(f for f in folders if not _old_folder(f) and f not in periods)
    old = len(kept_folders) + len(periods) < len(folders)
    versions = {_edition_apart(apart) for apart in words.version_apart.finditer(stem)}
    stem = words.version_apart.sub(" ", stem)  # "fiche version 2", "rapport v1.1", "bom rev c"
    year, named, written = _stem_words(_dated_as_year(stem) if dates_as_years else stem)
    versions |= written
    marks = words.old_words | words.final_words
    start, end = 0, len(named)
    while start < end and named[start] in marks:
        start += 1
    while end > start and named[end - 1] in marks:
        end -= 1
    edges = named[:start] + named[end:]
    if start == end or len(versions) > 1:
        return None
    if dates_as_years and not versions and not edges:  # no edition marked: a date names it
        year, named, _ = _stem_words(stem)
        end = len(named)
    version = next(iter(versions), None)
    if year is None and periods:  # "2024-2025/adherents": the folder's period
        year = _latest_year(periods[-1])
    old = old or any(word in words.old_words for word in edges)
    final = any(word in words.final_words for word in edges)
    return _Name(("/".join(kept_folders), tuple(named[start:end])), old, final, version, year)


def _stem_words(stem: str) -> tuple[int | None, list[str], set[Edition]]:
    """The latest year a folded file name (versions written apart taken out) writes, its other
    words in order, and the versions its words write ("v2")."""
    words = _words()
    year: int | None = None
    named: list[str] = []
    versions: set[Edition] = set()
    for word in _WORD.findall(stem):
        if (found := words.version.fullmatch(word)) is not None:
            versions.add((int(found.group("n")),))
        elif words.year.fullmatch(word):
            year = max(year or 0, int(word))
        else:
            named.append(word)
    return year, named, versions


_NUMBER = re.compile(r"\d+")


def _dated_as_year(stem: str) -> str:
    """`stem` with each full date it writes (data `full_date`) written as its year alone: an
    office dates its file names, and "compromis_v1_2026-02-20" beside
    "compromis_v2_definitif_2026-03-10" are one name's editions, not two names whose month and
    day differ (s37 trial: the first draft's deposit was quoted as the final one's)."""
    return _words().full_date.sub(
        lambda found: f" {found.group('year') or found.group('year_last')} ", stem
    )


def dated_editions(doc_ids: Sequence[str], text_of: Callable[[str], str]) -> dict[str, str]:
    """Each older edition among `doc_ids` whose name writes a full date and marks its edition,
    and its newer edition, when their names are the same once each full date is read as its
    year (`_read_name`'s `dates_as_years`: "compromis_v1_2026-02-20" beside
    "compromis_v2_definitif_2026-03-10"): a second pass after `old_copies`, which pairs the
    names equal with their dates. Only when the newer edition's date is not the earlier one
    and the two texts are near-copies (`_near_copies`): two meetings' minutes, each with its
    version, stay apart ("CR_2026-01-15_v2" beside "CR_2026-03-12_v1", or "_v1" in January
    beside "_v2" in March under another meeting's title)."""
    full_date = _words().full_date
    dated = [doc_id for doc_id in doc_ids if full_date.search(fold(doc_id.rpartition("/")[2]))]
    if len(dated) < 2 or not _may_mark(fold("\n".join(dated))):
        return {}
    found: dict[str, str] = {}
    for group in _editions(dated, dates_as_years=True).values():
        for doc_id, current in _newest_editions(group).items():
            if _file_date(doc_id) <= _file_date(current) and _near_copies(
                text_of(doc_id), text_of(current)
            ):
                found[doc_id] = current
    return found


def _file_date(doc_id: str) -> tuple[int, int, int]:
    """The latest full date a file name writes (data `full_date`): year, month and day."""
    dates = [(0, 0, 0)]
    for found in _words().full_date.finditer(fold(visible_text(doc_id).rpartition("/")[2])):
        digits = _NOT_DIGIT.sub("", found.group())
        if found.group("year") is not None:  # "2026-02-20", "20260220"
            dates.append((int(digits[:4]), int(digits[4:6]), int(digits[6:8])))
        else:  # "20-02-2026"
            dates.append((int(digits[4:8]), int(digits[2:4]), int(digits[:2])))
    return max(dates)


_NOT_DIGIT = re.compile(r"\D")


NEAR_COPY = 0.8
"""The share of the distinct words of the shorter of two texts the other must write for them
to be near-copies (`_near_copies`): the s37 trial's two drafts of a sale agreement, 0.85;
two meetings' minutes of one board, 0.57."""


def _near_copies(text: str, other: str) -> bool:
    """Whether two texts are near-copies: one's title (first line, TITLE_WORDS words at least)
    opens the other's ("COMPROMIS DE VENTE" and "COMPROMIS DE VENTE — PROJET"), and the other
    writes NEAR_COPY of the distinct words of the shorter."""
    title, other_title = (_WORD.findall(fold(_first_line(t))) for t in (text, other))
    shorter = min(len(title), len(other_title))
    if shorter < TITLE_WORDS or title[:shorter] != other_title[:shorter]:
        return False
    words, other_words = (frozenset(_WORD.findall(fold(t))) for t in (text, other))
    return len(words & other_words) >= NEAR_COPY * min(len(words), len(other_words))


def _edition_apart(found: re.Match[str]) -> Edition:
    """The version a `version_apart` match writes: "version 2" (2,), "v1.1" (1, 1), "rev c"
    (3,); a trailing ".0" is left out ("v1.0" is "v1")."""
    if found.group("letter") is not None:
        return (ord(found.group("letter")) - ord("a") + 1,)
    minor = found.group("minor")
    if minor is None or int(minor) == 0:
        return (int(found.group("n")),)
    return (int(found.group("n")), int(minor))


def _period_folder(folded: str) -> bool:
    """Whether a folded folder name names only a period (data `period_folder`: "saison
    2024-25", "exercice 2024"): its second number, when it writes one, is the next year, whole
    or its last two digits ("2024-2025", "1999-00"), as a span's is (unheld_periods.follows).
    "2024-01/" and "2019 05/" are a year's months: read as periods, January's report was an
    old copy of February's (review D of s29)."""
    if _words().period_folder.fullmatch(folded) is None:
        return False
    numbers = _NUMBER.findall(folded)
    if len(numbers) < 2:
        return True
    return follows(int(numbers[0]), numbers[1])


def _latest_year(folded: str) -> int:
    """The latest year a folded folder name naming only a period or a year writes
    ("2024-2025": 2025, "2024": 2024)."""
    return max(int(year) for year in _words().year_written.findall(folded))


def _old_folder(folded: str) -> bool:
    """Whether a folded folder name names an old-copy folder (`old_folders`), its words read
    apart from its separators and years ("old_versions", "archives 2023", "Anciennes
    versions")."""
    words = _words()
    named = [word for word in _WORD.findall(folded) if not words.year.fullmatch(word)]
    return " ".join(named) in words.old_folders


def _may_mark(folded_ids: str) -> bool:
    """Whether some id of `folded_ids` (folded, one a line) writes a word that marks an
    edition: one pass over every name at once, so that most folders stop here."""
    words = _words()
    marks = words.old_folders | words.old_words | words.final_words
    return words.version_apart.search(folded_ids) is not None or any(
        word in marks or words.version.fullmatch(word) for word in set(_WORD.findall(folded_ids))
    )


def copies(
    doc_ids: Iterable[str],
    text_of: Callable[[str], str] | None = None,
    superseded_by: Mapping[str, str] | None = None,
) -> dict[str, Copy]:
    """Each copy among `doc_ids` (a duplicate, `duplicates`, or an old copy, `old_copies`)
    and the document it is a copy of; empty for most folders. `text_of(doc_id)` gives a
    document's text: a duplicate by its name whose text differs is its own document, and a
    name writing no version is the first edition of one writing "v2" only when their texts
    share their title or words (`shares_text`: "notes" of minutes beside a recipe's
    "notes_v2" is no copy). `superseded_by` holds the pairs the build stored of documents
    another says replace them (superseding.stored_pairs), each of `doc_ids`."""
    ids = list(doc_ids)
    found = {
        doc_id: Copy(current, True)
        for doc_id, current in duplicates(ids).items()
        if text_of is None or same_text(text_of(doc_id), text_of(current))
    }
    for doc_id, current in old_copies(ids).items():
        if (
            text_of is None
            or not _by_version_alone(doc_id, current)
            or shares_text(text_of(doc_id), text_of(current))
        ):
            found.setdefault(doc_id, Copy(current, False))
    if text_of is not None:
        for doc_id, current in dated_editions(ids, text_of).items():
            if doc_id not in found and current not in found:
                found[doc_id] = Copy(current, False)
        for doc_id, current in replaced(ids, text_of).items():
            found.setdefault(doc_id, Copy(current, False))
    if superseded_by:
        held = set(ids)
        for doc_id, current in superseded_by.items():
            if doc_id in held and current in held:
                found.setdefault(doc_id, Copy(current, False, True, True))
    if text_of is not None:
        for doc_id, current in earlier_periods(ids, text_of).items():
            if doc_id not in found and current not in found:
                found[doc_id] = Copy(current, False, True)
    return {doc_id: _last(doc_id, copy, found) for doc_id, copy in found.items()}


def _last(doc_id: str, copy: Copy, found: dict[str, Copy]) -> Copy:
    """`copy` naming the end of its chain: "avis (1) (1)" is a copy of "avis (1)", itself one
    of "avis" (s27 re-read: the warning named a copy set aside as the current file). A
    duplicate of an old copy is a duplicate; a document superseded stays so along a chain
    (ADR-001 superseded by ADR-004, itself by ADR-009); a cycle ends before it turns back, a
    chain after CHAIN_MOST steps (5,000 decision records each superseded by the next)."""
    seen = {doc_id, copy.current}
    while (
        (next_copy := found.get(copy.current)) is not None
        and next_copy.current not in seen
        and len(seen) <= CHAIN_MOST
    ):
        seen.add(next_copy.current)
        if copy.superseded:
            copy = copy._replace(current=next_copy.current)
        else:
            copy = Copy(next_copy.current, copy.duplicate)
    return copy


CHAIN_MOST = 64
"""The most steps `_last` follows a chain of copies."""


def replaced(doc_ids: Sequence[str], text_of: Callable[[str], str]) -> dict[str, str]:
    """Each document among `doc_ids` another of the same folder and name (`_Name.key`) states
    it replaces ("Version du 20 octobre, remplace la version du 2 octobre": s28 trial), and that
    one; only the texts of documents sharing a name with another are read. A document writing
    no such cue, and not newer by its name, is replaced by the newest of its name that writes
    one (module docstring)."""
    found: dict[str, str] = {}
    for group in _editions(_may_share_names(doc_ids)).values():
        if len(group) < 2:
            continue
        cues = {doc_id: replacing_cues(text_of(doc_id)) for doc_id, _ in group}
        stating = [(doc_id, name) for doc_id, name in group if cues[doc_id]]
        if not stating:
            continue
        older = _newest_editions(stating)
        current, newest = next(
            ((doc_id, name) for doc_id, name in stating if doc_id not in older), stating[0]
        )
        stating_ids = {doc_id for doc_id, _ in stating}
        named_years = years_written(" ".join(cues[current]))
        for doc_id, name in group:
            if doc_id not in stating_ids and _may_replace(newest, name, named_years):
                found[doc_id] = current
    return found


def _editions(
    doc_ids: Iterable[str], dates_as_years: bool = False
) -> dict[tuple[str, tuple[str, ...]], list[tuple[str, _Name]]]:
    """The documents of `doc_ids` whose names read (`_read_name`) by the folder and name they
    share with other editions (`_Name.key`), each with its name, in the order of `doc_ids`."""
    editions: dict[tuple[str, tuple[str, ...]], list[tuple[str, _Name]]] = {}
    for doc_id in doc_ids:
        if (name := _read_name(doc_id, dates_as_years)) is not None:
            editions.setdefault(name.key, []).append((doc_id, name))
    return editions


def _may_share_names(doc_ids: Sequence[str]) -> list[str]:
    """The ids among `doc_ids` another's path is the same as but for years, versions and
    folders naming only a period (`_period_folder`, as `_read_name` reads them: a year's month
    "2024-01/" is kept), letters and digits alone ("fiche_sortie" and "fiche sortie
    v2", "saison 2023-24/adherents" and "adherents_2025-2026"): one quick pass before each name
    is read (`_read_name` costs a second for 36 612 ids; benchmarks/versions_cost.py)."""
    by_rest = dict[str, list[str]]()
    ids = list(doc_ids)
    if not ids:
        return []
    joined = _words().period_folders.sub(_left_out_if_period, fold("\0".join(ids)))
    for doc_id, rest in zip(ids, _without_editions(joined), strict=True):
        by_rest.setdefault(rest, []).append(doc_id)
    return [doc_id for same in by_rest.values() if len(same) > 1 for doc_id in same]


def _left_out_if_period(found: re.Match[str]) -> str:
    """A folder the data's `period_folders` finds in joined ids, left out when it names only a
    period (`_period_folder`, as `_read_name` leaves it out), kept when it is a year's month
    ("2024-01/")."""
    return "" if _period_folder(found.group().rstrip("/").strip()) else found.group()


def _without_editions(joined: str, *, together: bool = True) -> list[str]:
    """Each of the folded names `joined` holds (NUL between them) without its years, versions
    and separators ("fiche_sortie v2": "fichesortie"), in one pass; with its separators when
    not `together`."""
    words = _words()
    joined = words.edition_numbers.sub("", words.version_apart.sub("", joined))
    return (_NOT_WORD.sub("", joined) if together else joined).split("\0")


def _may_replace(newest: _Name, name: _Name, named_years: frozenset[int] = frozenset()) -> bool:
    """Whether a document named `newest` may replace one named `name`: that one is no newer by
    its name, nor of another year (`_Name.older_than`: two years' papers are both current,
    "avis_2024" beside an "avis_2025" that annuls and replaces an earlier notice) unless the
    replacing cue names that year (`named_years`: "Ces statuts remplacent ceux du 22 juin
    2019" in "statuts_2024" beside "statuts_2019"; s29 trial)."""
    years_differ = None not in (name.year, newest.year) and name.year != newest.year
    if years_differ and name.year in named_years:
        return newest.year is not None and name.year is not None and name.year < newest.year
    return not years_differ and not newest.older_than(name)


def years_written(text: str) -> frozenset[int]:
    """The years `text` writes ("budget 2024", "2024-2025/notes")."""
    return frozenset(int(year) for year in _words().year_written.findall(text))


def states_replacing(text: str) -> bool:
    """Whether `text` states it replaces an earlier edition (data "replaces"), in its first or
    last CUE_SPAN characters, where a document says which edition it is."""
    return bool(replacing_cues(text))


def replacing_cues(text: str) -> list[str]:
    """The statements of `text` that it replaces an earlier edition (`states_replacing`),
    folded, each with the words that name that edition ("remplacent ceux du 22 juin 2019")."""
    ends = fold(text[:CUE_SPAN] + "\n" + text[-CUE_SPAN:])
    found = []
    for pattern in _words().replaces:
        for match in pattern.finditer(ends):
            found.append(ends[match.start() : match.end() + CUE_TAIL])
    return found


CUE_TAIL = 16
"""The characters after a replacing cue read for the year of the edition it names ("ceux du
22 juin" then " 2019")."""


def earlier_periods(doc_ids: Sequence[str], text_of: Callable[[str], str]) -> dict[str, str]:
    """Each document among `doc_ids` of a dated series and the latest of it: documents of one
    folder and name (`_Name.key`: years, versions, old folders and folders naming only a
    period aside) writing different years, in their names or their period folders
    ("2024-2025/adherents_2024-2025" beside "adherents_2025-2026"; "comptes_2023-2024" beside
    "comptes_2024-2025"), whose texts are editions of one (`shares_text`: no two photos
    "IMG_2045" and "IMG_2046"). The earlier ones are no old copies (`old_copies`: they stay
    answerable of what only they hold); versions.py reads the latest first and labels them."""
    dated = [doc_id for doc_id in doc_ids if _words().year_written.search(doc_id)]
    found: dict[str, str] = {}
    readings: dict[str, _TextWords] = {}

    def reading(doc_id: str) -> _TextWords:
        """A document's text as `shares_text` reads it, read once (`_TextWords`)."""
        if (known := readings.get(doc_id)) is None:
            known = readings[doc_id] = _TextWords.of(text_of(doc_id))
        return known

    for group in _editions(_may_share_names(dated)).values():
        _pair_with_latest(group, reading, found)
    for group, periods in _across_folders(dated):
        unpaired = [item for item in group if item[0] not in found]
        _pair_with_latest(unpaired, reading, found, periods)
    return found


def _pair_with_latest(
    group: list[tuple[str, _Name]],
    reading: Callable[[str], _TextWords],
    found: dict[str, str],
    periods: dict[str, _Period] | None = None,
) -> None:
    """Adds to `found` each edition of `group` (one name's) of a year before the latest its
    names write, with the first of the latest year's whose text it shares (`shares_text`).
    Given each edition's `_Period` (editions of several folders), only the latest files of its
    own place are compared (`_near_latest`), ACROSS_READ of each kind at most: a thousand
    clubs' "2024/rapport" beside their "rapports/rapport_2025" compare each with its own
    club's only (s29 probe F1's scale: the comparisons grow as the files do, not as their
    square)."""
    years = [name.year for _, name in group if name.year is not None]
    if len(set(years)) < 2:
        return
    latest = max(years)
    newest = [doc_id for doc_id, name in group if name.year == latest]
    near = _Near.of(newest, periods) if periods is not None else None
    for doc_id, name in group:
        if name.year is None or name.year == latest:
            continue
        mine = reading(doc_id)
        compared = newest if near is None or periods is None else near.of_earlier(periods[doc_id])
        current = next((other for other in compared if mine.shares(reading(other))), None)
        if current is not None:
            found[doc_id] = current


def _parent(outer: str) -> str:
    """The folder holding a folded folder path ("labo/inventaire": "labo"; "labo": "")."""
    return outer.rpartition("/")[0]


class _Near(NamedTuple):
    """The latest files of a name across folders, by the place each stands in
    (`_pair_with_latest`): by their folders once a period's folder is left out (`by_outer`),
    by the folder holding that one (`by_parent`), and those in a year's folder (`dated`)."""

    by_outer: dict[str, list[str]]
    by_parent: dict[str, list[str]]
    dated: frozenset[str]

    @classmethod
    def of(cls, newest: list[str], periods: dict[str, _Period]) -> _Near:
        by_outer: dict[str, list[str]] = {}
        by_parent: dict[str, list[str]] = {}
        for doc_id in newest:
            outer = periods[doc_id].outer
            by_outer.setdefault(outer, []).append(doc_id)
            by_parent.setdefault(_parent(outer), []).append(doc_id)
        dated = frozenset(doc_id for doc_id in newest if periods[doc_id].year is not None)
        return cls(by_outer, by_parent, dated)

    def of_earlier(self, period: _Period) -> list[str]:
        """The latest files an earlier file of `period` may be an edition of: those of its
        own place once period folders are left out ("Club/2024/rapport" and
        "Club/rapport_2025"); for a file of a year's folder, those of a folder beside it
        ("Labo/2024/inventaire_2024" and "Labo/inventaire/inventaire_2025", s30 trial); for
        a file of a folder, those of a year's folder beside it ("Club/archives/comptes_2024"
        and "Club/2025/comptes"). Another place's same name is another thing's
        ("Clients/Dupont/2024/facture" beside "Clients/Martin/2025/facture", s30 review G)."""
        compared = list(self.by_outer.get(period.outer, [])[:ACROSS_READ])
        if period.year is not None:
            compared += self.by_parent.get(period.outer, [])[:ACROSS_READ]
        if period.outer:
            beside = self.by_outer.get(_parent(period.outer), [])
            compared += [doc_id for doc_id in beside if doc_id in self.dated][:ACROSS_READ]
        return list(dict.fromkeys(compared))


ACROSS_READ = 8
"""How many latest files of each place an earlier period's file is compared with at most
(`_Near.of_earlier`)."""


def _across_folders(
    dated: Sequence[str],
) -> list[tuple[list[tuple[str, _Name]], dict[str, _Period]]]:
    """The files of a folder naming only a period ("saison 2024-25/", `_period_folder`) or only
    a year ("2024/") with the files of other folders bearing their name (its last part the same
    but for years, versions and separators, `_name_words`; or
    extended by a later edition, `_join_extended_names`), each with its name keyed by that
    name alone and dated by its folder's year when it writes none, and each file's `_Period`
    (its places are compared, `_Near.of_earlier`): last year's
    "2024/inventaire_echantillons_2024" beside "inventaire/inventaire_echantillons_2025" (s30
    trial: last year's row was quoted for "Qui est le propriétaire de l'échantillon S-0012 ?").
    Only names a period's or a year's folder holds are read, and only those `_editions` does
    not pair already (`_apart`). A year's folder holding the latest year's files pairs them
    with no later one: they are the current files (`_pair_with_latest`)."""
    periods: dict[str, _Period | None] = {}
    for doc_id in dated:
        folder = doc_id.rpartition("/")[0]
        if folder not in periods:
            periods[folder] = _period_of(folder)
    if not any(periods.values()):
        return []
    groups: dict[str, list[tuple[str, _Period]]] = {}
    words_of: dict[str, frozenset[str]] = {}
    for doc_id, words in zip(dated, _name_words(dated), strict=True):
        folder = doc_id.rpartition("/")[0]
        period = periods[folder] or _Period(None, fold(folder))
        rest = "".join(words)
        groups.setdefault(rest, []).append((doc_id, period))
        words_of[rest] = frozenset(words)
    _join_extended_names(groups, words_of)
    found = []
    for members in groups.values():
        if not _apart([period for _, period in members]):
            continue
        group = []
        for doc_id, period in members:
            if (name := _read_name(doc_id)) is not None:
                year = period.year if name.year is None else name.year
                group.append((doc_id, replace(name, key=("", name.key[1]), year=year)))
        found.append((group, dict(members)))
    return found


class _Period(NamedTuple):
    """What the folders of a file's path say of its period: the latest year of the innermost
    folder naming only a period or a year (None: none does), the path without that folder
    (folded)."""

    year: int | None
    outer: str


def _apart(periods: list[_Period]) -> bool:
    """Whether files of one name, of these `periods`, stand apart from those `_editions` pairs
    (one folder's, a data period's folder left out): two at least, one in a period's or a
    year's folder, in two folders or more once that folder is left out. Sibling year folders'
    files ("releases/2023/notes" beside "releases/2024/notes") stay apart: each year's release
    notes are no editions of one paper."""
    if len(periods) < 2 or all(period.year is None for period in periods):
        return False
    return len({period.outer for period in periods}) > 1


def _period_of(folder: str) -> _Period | None:
    """The `_Period` of a folder path ("Labo/2024": 2024, "labo"), None when none of its
    folders names only a period (`_period_folder`) or only a year."""
    words = _words()
    parts = fold(folder).split("/")
    for at in range(len(parts) - 1, -1, -1):
        name = parts[at].strip()
        if words.year.fullmatch(name) or _period_folder(name):
            return _Period(_latest_year(name), "/".join(parts[:at] + parts[at + 1 :]))
    return None


def _name_words(doc_ids: Sequence[str]) -> list[tuple[str, ...]]:
    """Each id's last part, folded, as its words without its years and versions
    ("inventaire_echantillons_2024": "inventaire", "echantillons"), read in one pass; joined,
    the words are the name's rest `_across_folders` groups files by."""
    if not doc_ids:
        return []
    names = _without_editions(
        fold("\0".join(doc_id.rpartition("/")[2] for doc_id in doc_ids)), together=False
    )
    return [tuple(word for word in _NOT_WORD.split(name) if word) for name in names]


SERIES_WORDS = 2
"""The fewest distinct words a file's name writes for a longer name holding them all to make
it an edition of that name's series (`_join_extended_names`): "notes" is in too many names."""
SERIES_ADDED_WORDS = 1
"""The most words a longer name adds to a file's name for it to be that file's later edition
(`_join_extended_names`): "tarifs_cantine" → "tarifs_cantine_garderie", not
"compte_de_resultat_2024" → "compte_de_resultat_previsionnel_consolide_2026"."""


def _join_extended_names(
    groups: dict[str, list[tuple[str, _Period]]], words_of: dict[str, frozenset[str]]
) -> None:
    """Moves into the group of a longer name the files of a year's or a period's folder whose
    name's words (SERIES_WORDS at least) that name writes all, of a year before the latest of
    that name's files: "2023/tarifs_repas_2023-2024" beside
    "tarifs_repas_etude_2025-2026" (s32 trial: a later edition adds a word to its name;
    2023's price was quoted for this year's). Of several longer names, the one adding fewest
    words; a later file ("2027/bilan" beside "bilan_ski_2025") stays in its own group, and so
    does one whose longer name adds more than a word, or a word naming another data list
    (`_adds_an_edition_word`). Names are handled shortest first (`_shortest_first`), so a
    chain ("budget_club" → "budget_club_ski" → "budget_club_ski_hiver") moves along it into
    the longest whatever the order files came in: a longer name's group moves only once the
    shorter ones joined it, never emptied before (s33 hostile probe: max() of an emptied group).
    `_pair_with_latest` still pairs only texts that share (`shares_text`)."""
    holding: dict[str, set[str]] = {}
    for rest, words in words_of.items():
        for word in words:
            holding.setdefault(word, set()).add(rest)
    for rest in _shortest_first(words_of):
        words = words_of[rest]
        if len(words) < SERIES_WORDS or all(period.year is None for _, period in groups[rest]):
            continue  # only a year's or a period's folder moves (`moving`)
        smallest_first = sorted((holding[word] for word in words), key=len)
        longer = [
            other
            for other in set.intersection(*smallest_first)
            if words < words_of[other] and _adds_an_edition_word(words_of[other] - words)
        ]
        if not longer:
            continue
        target = min(longer, key=lambda other: (len(words_of[other]), other))
        latest = max((_year_of(doc_id, period) or 0 for doc_id, period in groups[target]))
        moving = [
            (doc_id, period)
            for doc_id, period in groups[rest]
            if period.year is not None and (_year_of(doc_id, period) or 0) < latest
        ]
        groups[target].extend(moving)
        groups[rest] = [member for member in groups[rest] if member not in moving]


def _shortest_first(words_of: dict[str, frozenset[str]]) -> list[str]:
    """The names of `words_of`, fewest words first, then by name: a name's longer targets
    (strictly more words) come after it, the order no input order changes."""
    return sorted(words_of, key=lambda rest: (len(words_of[rest]), rest))


def _adds_an_edition_word(added: frozenset[str]) -> bool:
    """Whether the words a longer name adds to a file's name make it a later edition of that
    file: one word (SERIES_ADDED_WORDS), none of those naming another data list
    (`_Words.series_qualifiers`: "compte_de_resultat_previsionnel_2026" is no later
    "compte_de_resultat_2024"; review of s32-trialfix)."""
    return len(added) <= SERIES_ADDED_WORDS and not added & _words().series_qualifiers


def _year_of(doc_id: str, period: _Period) -> int | None:
    """The year a dated file's name writes, else its period folder's."""
    name = _read_name(doc_id)
    return period.year if name is None or name.year is None else name.year


def _by_version_alone(doc_id: str, current: str) -> bool:
    """Whether `doc_id` is older than `current` by its name's version alone, writing none where
    `current` writes one ("notes" beside "notes_v2"): both marked alike, of no two years."""
    mine, theirs = _read_name(doc_id), _read_name(current)
    if mine is None or theirs is None or mine.version is not None or theirs.version is None:
        return False
    return (mine.old, mine.final, mine.year) == (theirs.old, theirs.final, theirs.year)


TITLE_WORDS = 3
"""The fewest words a first line shared by two documents writes to tell they are editions of one
(`shares_text`)."""
SHARED_WORDS = 0.5
"""The share of the distinct words of the shorter of two texts the other must write for them
to be two editions of one document (`shares_text`)."""


def shares_text(text: str, other: str) -> bool:
    """Whether two documents' texts are editions of one (same_text's words, folded): their
    first lines (a title of TITLE_WORDS words or more: "Notes" titles minutes and a recipe alike,
    s28 review F) say the same words, or the other writes SHARED_WORDS of the distinct
    words of the shorter ("fiche_sortie" and "fiche_sortie_v2", a price and a date changed;
    never minutes and a recipe)."""
    return _TextWords.of(text).shares(_TextWords.of(other))


class _TextWords(NamedTuple):
    """What `shares_text` reads of a text, read once for each text compared with many
    (`earlier_periods`: s29 mend, 100 editions of one year beside 100 of the next folded both
    texts at each of 10 000 comparisons, 34 s)."""

    title: list[str]
    words: frozenset[str]

    @classmethod
    def of(cls, text: str) -> _TextWords:
        return cls(_WORD.findall(fold(_first_line(text))), frozenset(_WORD.findall(fold(text))))

    def shares(self, other: _TextWords) -> bool:
        if len(self.title) >= TITLE_WORDS and self.title == other.title:
            return True
        fewer = min(len(self.words), len(other.words))
        return fewer > 0 and len(self.words & other.words) >= SHARED_WORDS * fewer


def _first_line(text: str) -> str:
    """`text`'s first line writing a letter or digit."""
    return next((line for line in text.splitlines() if _WORD.search(line)), "")


def same_text(text: str, other: str) -> bool:
    """Whether two documents' texts say the same words, in order, spacing, punctuation and case
    aside (a PDF export's line breaks and bullets): a "(1)" download that is a corrected
    notice is no duplicate (review E: its 980 € was hidden behind the original's 1 250 €)."""
    return _WORD.findall(fold(text)) == _WORD.findall(fold(other))


def duplicates(doc_ids: Sequence[str]) -> dict[str, str]:
    """Each duplicate among `doc_ids` and its original, in the same folder: a name a
    "duplicates" expression reads as another's copy ("avis (1)"), or an export beside the
    file of the same name (module docstring)."""
    words, held = _words(), set(doc_ids)
    found: dict[str, str] = {}
    for doc_id in doc_ids:
        folder, slash, name = doc_id.rpartition("/")
        stem, dot, extension = name.rpartition(".")
        plain = f"{folder}{slash}{stem}"
        if dot and plain in held and extension.casefold() in words.export_types:
            found[doc_id] = plain
        elif dot and plain in held and extension.casefold() in words.source_types:
            found.setdefault(plain, doc_id)
        for pattern in words.duplicates:
            matched = pattern.fullmatch(name)
            if matched is not None and (original := folder + slash + matched["name"]) in held:
                found[doc_id] = original
                break
    return found


def old_copies(doc_ids: Sequence[str]) -> dict[str, str]:
    """Each old copy among `doc_ids` and the newest document it is a copy of (module
    docstring); empty for most folders."""
    ids = list(doc_ids)
    if not _may_mark(fold("\n".join(ids))):
        return {}
    copies: dict[str, str] = {}
    for group in _editions(ids).values():
        copies.update(_newest_editions(group))
    return copies


def _version(name: _Name) -> Edition:
    """An edition's version as `_Name.older_than` compares it: a name writing none is the
    first ("fiche" beside "fiche_v2"), as old as "v1"; "v0" (a draft) is older still."""
    return (1,) if name.version is None else name.version


def _rank(name: _Name) -> tuple[bool, bool, Edition]:
    """How `_Name.older_than` orders the editions of one year (or of none): an edition is older
    than another of its year exactly when its rank is lower (marked old, then not final, then
    its version)."""
    return (not name.old, name.final, _version(name))


def _least(*places: int | None) -> int | None:
    return min((place for place in places if place is not None), default=None)


@dataclass(frozen=True)
class _Newest:
    """The newest editions of each year of one name (None: the editions writing no year): the
    highest rank (`_rank`) and the first place in the group holding it (`tops`), and, for the
    years in ascending order, the first place of a newest edition not marked old of that year
    or a later one (`later_firsts`)."""

    tops: dict[int | None, tuple[tuple[bool, bool, Edition], int]]
    years: list[int]
    later_firsts: list[int | None]

    @classmethod
    def of(cls, group: list[tuple[str, _Name]]) -> _Newest:
        tops: dict[int | None, tuple[tuple[bool, bool, Edition], int]] = {}
        for place, (_, name) in enumerate(group):
            rank, top = _rank(name), tops.get(name.year)
            if top is None or rank > top[0]:
                tops[name.year] = (rank, place)
        years = sorted(year for year in tops if year is not None)
        later_firsts: list[int | None] = [None] * (len(years) + 1)
        for at in range(len(years) - 1, -1, -1):
            later_firsts[at] = _least(later_firsts[at + 1], cls._current_first(tops[years[at]]))
        return cls(tops, years, later_firsts)

    @staticmethod
    def _current_first(top: tuple[tuple[bool, bool, Edition], int]) -> int | None:
        """The place of a year's newest edition when it is not marked old."""
        return top[1] if top[0][0] else None

    def _other_years_first(self, year: int | None) -> int | None:
        """The first place of a newest edition not marked old of a year an old edition of
        `year` is older than (`_Name.older_than`): a later year, or none when it writes one;
        every year when it writes none."""
        if year is None:
            return self.later_firsts[0]
        after = self.later_firsts[bisect.bisect_right(self.years, year)]
        return _least(after, self._current_first(self.tops[None])) if None in self.tops else after

    def first_newest(self, name: _Name) -> int | None:
        """The place of the first edition newer than `name` that none of those newer than
        `name` is newer than; None when no edition is newer. An edition not marked old is older
        only than those of its year of a higher rank, whose newest are the newest; one marked
        old is also older than every edition not marked old of the other years it is older than
        (`_other_years_first`), whose newest are each year's, and its year's newest are among
        the newest only when not marked old or when no other year's is newer."""
        top_rank, top_place = self.tops[name.year]
        own = top_place if _rank(name) < top_rank else None
        if not name.old:
            return own
        others = self._other_years_first(name.year)
        if others is not None and not top_rank[0]:
            own = None
        return _least(own, others)


def _newest_editions(group: list[tuple[str, _Name]]) -> dict[str, str]:
    """Each edition of `group` (one name's, in the corpus's order) older than another, and
    the first of the editions newer than it that none of those is newer than: what comparing
    every edition with every pair of those newer gave, but in n log n of the editions (s27
    re-read: 399 versions of one file took 1.3 s; s29 probe F1: 801 editions of 200 years
    and their marks took 16 s when kinds of editions were compared pair by pair), the newest
    of each year read once (`_Newest`)."""
    newest = _Newest.of(group)
    found = {}
    for doc_id, name in group:
        if (place := newest.first_newest(name)) is not None:
            found[doc_id] = group[place][0]
    return found
