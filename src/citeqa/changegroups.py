"""A stale index's changes (status.index_changes: one line per file, plus citeqa's own) grouped
by kind, for what a person reads: the short stale notice of `ask` and the chat, and the lines of
`citeqa status` and the chat's status screen.

One line per change made an upgrade's notice a line of 900 characters (five files read again by
a newer .txt reader each named with the same words); grouped, it says "5 documents read by an
older .txt reader (version 1, now 3)". A group is the files added, modified or removed, the files
one reader read at one version, or one of citeqa's own changes (term knowledge, index format,
cutting into passages), which names no file. Groups keep the order their first change came in.
Every name and line is made visible here (`citeqa.visible`): each comes from a file's name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath

from citeqa.listing import first
from citeqa.models import counted
from citeqa.noticewords import counted_words, notice_words
from citeqa.rereading import NOW_READ, reader_change
from citeqa.visible import cut, shown

CORPUS_CHANGES = ("added: ", "modified: ", "removed: ")
"""How a change of the corpus's files begins (status.corpus_now); every other change is
citeqa's own: a reader, the term knowledge, the index format or the cutting into passages
other than the build's."""

FOLDER_MOVED = "moved: the index was built from "
"""How the change of a corpus read at another path than its index was built from begins, when
the folder built from is gone (status.index_changes, store.corpus_elsewhere: the folder renamed
or moved): a change of the corpus, one line of its own, naming no file (each file is the same;
its path is not)."""
FOLDER_OTHER = "another folder: the corpus is now read from "
"""How the change of a corpus read from another folder than its index was built from begins,
when that folder is still there (`--corpus other`): no move, another corpus, whose files are
listed added, modified or removed beside this line."""
FOLDER_CHANGES = (FOLDER_MOVED, FOLDER_OTHER)
"""How a change of the folder the corpus is read from begins (moved, or another folder)."""

FOLDER_MISSING = " (corpus folder missing)"
"""How the change of a corpus whose folder is missing ends (status.corpus_now): "removed: " and
the folder's absolute path, which no file of the corpus, named relative to it, can be. It is one
line of its own, not a removed file."""

CUT_BY_NEWER = "documents cut into passages by a newer citeqa"
"""How the change of an index whose cutting is newer than this citeqa's begins
(status._cut_otherwise): status.stale_reason knows it by this prefix, not by words found anywhere
in a change (a file's name may hold them)."""
CUT_BY_OLDER = "documents cut into passages by an older citeqa"
"""How the change of an index an older citeqa's cutting cut begins."""
KNOWLEDGE_CHANGE = "term knowledge: built by an older citeqa"
"""How the change of an index built before citeqa stored its term knowledge begins."""
WORDS_CHANGE = "passage word vectors: not stored by an older citeqa"
"""How the change of an index of a corpus in both languages with a multilingual channel whose
build stored no passage word vectors of this version begins (stored_words.py)."""
TALLY_CHANGE = "word tallies: computed by another citeqa"
"""How the change of an index whose tallies another recipe computed begins (doctally.tally_recipe:
another version of its tokens, of the language data or of the stemmer)."""
KNOWLEDGE_DAMAGED = "term knowledge: unreadable (damaged), computed again by `citeqa index`"
"""How the change of an index whose stored term knowledge or boilerplate lines no longer read
begins (previousindex.knowledge_change: altered since the build wrote them)."""
FORMAT_CHANGE = "index format "
"""How the change of an index written in an older format begins."""

OWN_SHORT = {
    KNOWLEDGE_CHANGE: "knowledge",
    WORDS_CHANGE: "words",
    TALLY_CHANGE: "tallies",
    KNOWLEDGE_DAMAGED: "damaged",
    FORMAT_CHANGE: "format",
    CUT_BY_NEWER: "cut_by_newer",
    CUT_BY_OLDER: "cut_by_older",
    FOLDER_MOVED: "moved",
    FOLDER_OTHER: "other_folder",
}
"""Which words of data/index_notices.json's "own" the short notice says of each of citeqa's own
changes, by how its line begins."""

NOTICE_GROUPS = 2
"""Groups the short notice says before counting the other changes ("and 3 more changes")."""

STATUS_NAMED = 5
"""Files a group's line names in `citeqa status` (without --all) before saying how many more."""


@dataclass
class ChangeGroup:
    """Changes of one kind."""

    what: str
    """The kind, in words: "added", "read by an older .txt reader (version 1, now 3)"; for one
    of citeqa's own changes, its whole line."""
    noun: str = ""
    """What the names are ("file", "document"); "" for one of citeqa's own changes."""
    names: list[str] = field(default_factory=list)
    """The files of the group, as the changes name them (not yet made visible)."""
    words: str = ""
    """Which words of data/index_notices.json's "groups" say the kind in the short notice."""
    fields: dict[str, object] = field(default_factory=dict)
    """What those words are filled with (a reader's ending and versions)."""

    def short(self, lang: str = "en") -> str:
        """The group in a few words, in `lang`: "5 files modified", "1 file modified: a.txt"
        (one file is named, cut to a few words when long), "an older index format"; a change
        of citeqa's own that OWN_SHORT does not know, its own line, cut when long."""
        words = notice_words(lang)
        if not self.noun:
            known = (key for begin, key in OWN_SHORT.items() if self.what.startswith(begin))
            key = next(known, None)
            return words["own"][key] if key else shown(cut(self.what))
        said = counted_words(len(self.names), words["groups"][self.words], **self.fields)
        if len(self.names) != 1:
            return said
        return str(words["named"].format(said=said, name=shown(cut(self.names[0]))))

    def line(self, named: int | None = STATUS_NAMED) -> str:
        """The group on one line: its count and kind, then its first `named` files (every one
        when None) and how many more; one of citeqa's own changes, its whole line."""
        if not self.noun:
            return shown(self.what)
        listed, more = first(self.names, named)
        files = ", ".join(shown(name) for name in listed)
        rest = f" and {more} more (`citeqa status --all`)" if more else ""
        return f"{counted(len(self.names), self.noun)} {self.what}: {files}{rest}"


def grouped(changes: list[str]) -> list[ChangeGroup]:
    """`changes` (status.index_changes's lines) grouped by kind, in the order each kind first
    came."""
    groups: dict[str, ChangeGroup] = {}
    for change in changes:
        kind, group = _kind(change)
        if kind in groups:
            groups[kind].names += group.names
        else:
            groups[kind] = group
    return list(groups.values())


def _kind(change: str) -> tuple[str, ChangeGroup]:
    """The kind of one change (what groups it) and its group of one."""
    if _folder_missing(change) or change.startswith(FOLDER_CHANGES):
        return change, ChangeGroup(change)
    for begin in CORPUS_CHANGES:
        if change.startswith(begin):
            what = begin.removesuffix(": ")
            return what, ChangeGroup(what, "file", [change.removeprefix(begin)], what)
    reread = reader_change(change)
    if reread is not None:
        what = f"read by {reread.reader}"
        versions = {"reader": reread.suffix, "then": reread.then, "now": reread.now}
        by = "read_by_newer" if reread.newer else "read_by_older"
        return what, ChangeGroup(what, "document", [reread.name], by, versions)
    if change.startswith(NOW_READ):
        what = "of a type an older citeqa did not read"
        return what, ChangeGroup(what, "file", [change.removeprefix(NOW_READ)], "now_read")
    return change, ChangeGroup(change)


def _folder_missing(change: str) -> bool:
    """Whether `change` is that the corpus folder is missing (FOLDER_MISSING)."""
    removed = CORPUS_CHANGES[2]
    if not (change.startswith(removed) and change.endswith(FOLDER_MISSING)):
        return False
    return PurePath(change.removeprefix(removed).removesuffix(FOLDER_MISSING)).is_absolute()


def short_changes(changes: list[str], lang: str = "en") -> str:
    """The changes in a few words, in `lang`: the first NOTICE_GROUPS groups
    (`ChangeGroup.short`), then how many changes the others make."""
    words = notice_words(lang)
    groups = grouped(changes)
    said, _ = first(groups, NOTICE_GROUPS)
    parts = [group.short(lang) for group in said]
    rest = sum(max(1, len(group.names)) for group in groups[len(said) :])
    if rest:
        parts.append(counted_words(rest, words["groups"]["more"]))
    if len(parts) == 1:
        return parts[0]
    return f"{', '.join(parts[:-1])}{words['and']}{parts[-1]}"


def status_lines(changes: list[str], *, every: bool = False) -> list[str]:
    """One line per group (`ChangeGroup.line`) naming STATUS_NAMED files of each group, or
    `every` file when the display lists everything (`citeqa status --all`): what `citeqa
    status` and the chat's status screen list of a stale index (the one rule of both)."""
    return [group.line(None if every else STATUS_NAMED) for group in grouped(changes)]
