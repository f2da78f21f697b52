"""What a build's report says of the files it did not index as they were, or indexed but that
are not what they seem (skipped files, word lists, outsized files, no sentence vectors, the
build's warnings): the notes `citeqa index` prints under its report and the chat shows after
ctrl+r, from this one place so both say them in the same words (`report_notes`), a corpus folder
read from another folder than the build's among them (`elsewhere_line`). It also owns
how a report names a group of files (`named_files`: the first REPORT_NAMED, then how many more),
for the notes and for the added, updated and removed lines `citeqa index` prints above them.
It holds too the notes `citeqa status` gives of an index: no sentence vectors
(`UNEMBEDDED_STATUS`), a user's files in its build folder (`users_files_line`), the documents
that make an outsized share of it (`status_outsized_line`)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path

from citeqa.corpus import UNSUPPORTED_TYPE
from citeqa.listing import first
from citeqa.machinewritten import machine_written_in
from citeqa.models import BuildReport, CorpusElsewhere, DocumentStatus, UnembeddedSentences
from citeqa.outsized import outsized
from citeqa.visible import shown


def report_notes(report: BuildReport) -> list[str]:
    """Every note of `report`, one line each (sanitised: file names and reasons go through
    `visible.shown`), in the order `citeqa index` prints them."""
    notes = [] if report.elsewhere is None else [elsewhere_line(report.elsewhere)]
    notes += skipped_lines(report.skipped)
    if report.hidden:
        notes.append(hidden_line(report.hidden))
    if report.word_lists:
        notes.append(_word_lists_line(report.word_lists))
    if report.outsized:
        notes.append(_outsized_line(report))
    if report.unembedded_sentences:
        notes.append(_unembedded_line(report.unembedded_sentences))
    if report.vectors_on_rebuild:
        notes.append(vectors_on_rebuild_line(report.vectors_on_rebuild))
    notes.extend(f"warning: {shown(line)}" for line in report.warnings)
    return notes


def elsewhere_line(elsewhere: CorpusElsewhere) -> str:
    """What `citeqa index` and the chat say of a corpus read from another folder than the
    previous build was made from (BuildReport.elsewhere): a move when that folder is gone (its
    documents now carry their new paths; nothing was embedded again: the files are known by
    content); else only where the corpus is read from now (its files' changes are listed as
    any are)."""
    if elsewhere.moved:
        old = shown(elsewhere.built_from)
        return f"the corpus folder moved (from {old}): its files' paths were updated"
    return (
        f"the corpus is now read from {shown(elsewhere.read_from)}"
        f" (the index was built from {shown(elsewhere.built_from)})"
    )


UNEMBEDDED_STATUS = (
    "sentence vectors: none ({sentences} sentences, past embed_sentences_max when built):"
    " quotes are chosen without sentence meaning, unless embed_sentences_on_demand embeds them"
    " as questions need them"
)
"""What `citeqa status` says of an index whose build stored no sentence vectors."""


def users_files_line(files: list[str]) -> str:
    """What `citeqa status` says of files a user put in the index's current build folder
    (verification.verify_files): no damage, and kept (a user's note there called the index
    "altered", and an update rebuilt it in full)."""
    return (
        f"files citeqa did not write in the current build (kept, never read; the index's own"
        f" are intact): {named_files(files, False)}"
    )


def vectors_on_rebuild_line(sentences: int) -> str:
    """What `index` (on an unchanged corpus) and `status` add when the index stored no
    sentence vectors but the current `embed_sentences_max` would: both said only that the
    index was up to date, and nothing would bring them (probe s16-hostile)."""
    return (
        f"sentence vectors: embed_sentences_max now allows the {sentences:,} sentences;"
        " `citeqa index --rebuild` stores their vectors"
    )


FORMATS_POINTER = " (`citeqa status --formats` lists the types citeqa reads)"
"""After the line of files of types citeqa does not read: where the types read are listed, not
forty endings on the line itself (s35 trial, to say why a logo.png was skipped)."""
REPORT_NAMED = 10
"""Files a build's report names per line (added, updated, removed) before saying how many more
there are: a first build of 92 files named every one."""


def skipped_lines(skipped: list[str]) -> list[str]:
    """The skipped files ("path: reason" each) grouped by reason, in the order first met: one
    line a reason naming REPORT_NAMED files, then how many more; past REPORT_NAMED reasons, the
    rest on one line (20,000 empty files made 20,000 lines). A path holding ": " is taken as
    ending at its first one."""
    groups: dict[str, list[str]] = {}
    for note in skipped:
        name, _, reason = note.partition(": ")
        groups.setdefault(reason, []).append(name)
    reasons, others = first(list(groups), REPORT_NAMED)
    lines = [
        f"skipped, {shown(reason)} ({len(groups[reason])}): {named_files(groups[reason], False)}"
        + (FORMATS_POINTER if reason == UNSUPPORTED_TYPE else "")
        for reason in reasons
    ]
    if others:
        rest = [name for reason in groups if reason not in reasons for name in groups[reason]]
        lines.append(
            f"skipped for {others} other reasons ({len(rest)}): {named_files(rest, False)}"
        )
    return lines


HIDDEN = (
    "left out, hidden or written by a tool ({count}; citeqa reads hidden folders of"
    " documentation only, such as .github): {files}"
)
"""The report's line on the hidden names and tools' folders the walk passed over."""


def hidden_line(hidden: list[str]) -> str:
    """One line counting the hidden names and tools' folders a build passed over (".git/",
    ".env", "node_modules/"), the first REPORT_NAMED named, the corpus's own folders first
    (`_folders_first`): a user sees why .github/*.md was missing before citeqa read it (s24
    trial), and what else it leaves out. `citeqa index` and `citeqa status` say it alike."""
    return HIDDEN.format(count=len(hidden), files=named_files(_folders_first(hidden), False))


WELCOME_HIDDEN = (
    "{count} left out, hidden or written by a tool: {files} (citeqa reads hidden folders of"
    " documentation only, such as .github) — `citeqa status` lists them"
)
"""The chat welcome's line on the hidden names and tools' folders the walk passed over."""
WELCOME_NAMED = 3
"""Names the welcome's line gives before saying how many more."""


def welcome_hidden_line(hidden: list[str]) -> str | None:
    """What the chat's welcome says of the hidden names and tools' folders the corpus's walk
    passed over, the first WELCOME_NAMED named (sanitised), then "+N more"; None when it
    passed over none. s38 trial: the welcome counted "40 files" of the 42 on disk, and said
    nothing of the two left out."""
    if not hidden:
        return None
    named, more = first(_folders_first(hidden), WELCOME_NAMED)
    files = ", ".join(shown(name) for name in named) + (f" +{more} more" if more else "")
    count = f"{len(hidden)} {'name' if len(hidden) == 1 else 'names'}"
    return WELCOME_HIDDEN.format(count=count, files=files)


def _folders_first(hidden: list[str]) -> list[str]:
    """`hidden` with its folders (named ending in "/") first, the shallowest first, then its
    files: the names a report has room for are ".git/" and "node_modules/", not a dozen
    ".DS_Store" files or each package's "__pycache__/" (s24 review)."""
    return sorted(hidden, key=lambda name: (not name.endswith("/"), name.count("/"), name))


def _unembedded_line(unembedded: UnembeddedSentences) -> str:
    """One line saying the build stored no sentence vectors, why, and what answering does
    instead (the s15 trial's 10,199 files were past the setting and nothing said so)."""
    instead = (
        "answering embeds a passage's sentences when a question first needs them"
        " (embed_sentences_on_demand)"
        if unembedded.on_demand
        else "quotes are chosen without sentence meaning (each sentence scored with its"
        " passage's vector)"
    )
    return (
        f"no sentence vectors: the corpus's {unembedded.sentences:,} sentences are past"
        f" embed_sentences_max ({unembedded.limit:,}), so {instead}"
    )


def _word_lists_line(files: list[str]) -> str:
    """One line naming the files read that are lists of words, not prose (wordlists.py)."""
    return _indexed_but(files, "looks like a word list", "look like word lists", ", not prose")


def _outsized_line(report: BuildReport) -> str:
    """One line naming the files read that make an outsized share of the index (outsized.py),
    each with its chunks out of the index's (`outsized_line`)."""
    files = [(file.file, file.chunks) for file in report.outsized]
    return outsized_line(files, report.chunks, report.documents)


OUTSIZED_REMEDY = (
    "; the build's time grows with its chunks: to leave a file out, move it out of the corpus"
    " folder or rename it to start with a dot"
)
"""What the outsized line adds: why a user may care, and the ways to leave a file out that
citeqa has (it reads no hidden file: folderwalk.py; it has no exclude option)."""


def outsized_line(files: list[tuple[str, int]], chunks: int, documents: int) -> str:
    """One line naming `files` (name, chunks) as outsized in an index of `chunks` chunks and
    `documents` documents (outsized.py), each with its chunks and share (the s30 trial's log:
    93 % of the chunks, where the line said only "1,824 of 1,966"), then how to leave one out,
    unless they are the whole index (leaving them out leaves nothing to search): what
    `citeqa index`, the chat's ctrl+r and `citeqa status` say."""
    named = [
        f"{name} ({count:,} of {chunks:,} chunks, {_share(count, chunks)})" for name, count in files
    ]
    share = " an outsized share of the index"
    remedy = OUTSIZED_REMEDY if documents > len(files) else ""
    return _indexed_but(named, "makes", "make", share) + remedy


def status_outsized_line(
    documents: Sequence[DocumentStatus], chunks: int, corpus: Path, removed: Collection[str] = ()
) -> str | None:
    """What `citeqa status` says of the documents that make an outsized share of the whole
    index (outsized.py, their files read in the folder `corpus` when they hold most of it;
    `citeqa index` names only the files its build read), or None. A file `removed` from the
    corpus since the build is not named: the user already left it out (a stale index still
    holds its chunks until `citeqa index`)."""
    counts = {document.path: document.chunks for document in documents}
    written = outsized(counts, len(documents), chunks, machine_written_in(corpus))
    named = [name for name in written if name not in removed]
    if not named:
        return None
    return outsized_line([(name, counts[name]) for name in named], chunks, len(documents))


def _share(count: int, total: int) -> str:
    """`count` as a whole percentage of `total` ("93 %"), never "0 %" nor "100 %" for a part."""
    percent = round(100 * count / total) if total else 100
    return f"{min(max(percent, 1), 99) if count < total else 100} %"


def _indexed_but(files: list[str], one_does: str, many_do: str, what: str = "") -> str:
    """ "indexed, but 1 file {one_does}{what}: f" or "indexed, but N files {many_do}{what}:
    f, g and N more": what a build says of the files it read that are not what they seem."""
    says = f"1 file {one_does}" if len(files) == 1 else f"{len(files)} files {many_do}"
    return f"indexed, but {says}{what}: {named_files(files, False)}"


def named_files(files: list[str], indexed: bool) -> str:
    """The first REPORT_NAMED files, then how many more; for files now `indexed` (added,
    updated), where the rest are listed (status lists no removed file)."""
    named, more = first(files, REPORT_NAMED)
    listed = ", ".join(shown(name) for name in named)
    if not more:
        return listed
    where = " (`citeqa status --all` lists the documents)" if indexed else ""
    return f"{listed} and {more} more{where}"
