"""`citeqa index` (build or update, with a progress bar) and `citeqa status`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from citeqa import userdirs
from citeqa.buildnotes import (
    UNEMBEDDED_STATUS,
    hidden_line,
    named_files,
    report_notes,
    status_outsized_line,
    users_files_line,
    vectors_on_rebuild_line,
)
from citeqa.cli.app import app, examples
from citeqa.cli.common import (
    CorpusOption,
    IndexOption,
    StoreOption,
    command_line,
    interruptible,
    progress_bar,
    settings_for,
    stderr_console,
    warn,
)
from citeqa.errors import NOTHING_BEGUN, BuildInterrupted, IndexMissing
from citeqa.listing import LISTED, first, more_line
from citeqa.models import BuildReport, IndexStatus, counted
from citeqa.status_summary import NO_LANGUAGE
from citeqa.visible import clean, shown, to_json

if TYPE_CHECKING:  # rich is imported where a report is printed: `citeqa ask` never needs it
    from rich.table import Table
    from rich.text import Text

    from citeqa.config import Settings
    from citeqa.status_summary import Summary


@app.command("index", epilog=examples("citeqa index --corpus ~/papers --rebuild"))
def index(
    corpus: CorpusOption = None,
    index: IndexOption = None,
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Re-embed everything from scratch.")
    ] = False,
    store: StoreOption = None,
) -> None:
    """Build or update the index; only changed files are re-embedded."""
    began: tuple[Path, str | None] | None = None  # the index folder, what `current` named
    built = False
    try:
        with interruptible():  # from the start: a Ctrl-C in the imports is quiet too
            from citeqa.api import build_index
            from citeqa.publishing import current_name

            settings = settings_for(corpus, index, store)
            began = (settings.index_dir, current_name(settings.index_dir))
            with progress_bar(stderr_console()) as progress:
                report = build_index(settings, rebuild=rebuild, progress=progress)
                built = True
    except KeyboardInterrupt:
        raise _interrupted(began, built) from None
    print_report(report)
    if corpus is not None or index is not None:
        print(asking_it(corpus, index))


def _index_command(corpus: Path | None, index: Path | None) -> str:
    """`citeqa index` for the folders `status` was given, as typed: without its --corpus, the
    command builds the bundled corpus's index (s29 trial: `status --corpus DIR` before a build
    said "run `citeqa index`")."""
    return command_line(("citeqa", "index"), ("--corpus", corpus), ("--index", index))


def asking_it(corpus: Path | None, index: Path | None) -> str:
    """How to ask the folders just indexed, as typed: `ask` and the chat read the bundled corpus
    unless told otherwise (the s20 trial indexed its own folder, then asked the bundled one)."""
    ask, chat = (
        command_line(("citeqa", command), ("--corpus", corpus), ("--index", index))
        for command in ("ask", "chat")
    )
    return shown(f'Ask it: {ask} "your question", or chat: {chat}')


def _interrupted(
    began: tuple[Path, str | None] | None, built: bool
) -> BuildInterrupted | KeyboardInterrupt:
    """A Ctrl-C outside build_index's own handling: before the build (imports, settings) or
    once it returned. Told from what `current` names, not from `built` alone: a Ctrl-C can land
    after build_index returned and before `built` is set."""
    from citeqa.publishing import interrupted

    if began is None:
        return BuildInterrupted(NOTHING_BEGUN)
    # built: an unchanged corpus, nothing was published, nothing is undone
    return interrupted(*began, KeyboardInterrupt() if built else BuildInterrupted(NOTHING_BEGUN))


def _languages(langs: list[str]) -> str:
    """A document's languages as its status cell shows them ("en,fr"; NO_LANGUAGE for none)."""
    return ",".join(langs) or NO_LANGUAGE


NO_FILE_CHANGED = (
    "no file changed; the index's word statistics were computed again (another version of"
    " citeqa, or another corpus manifest, wrote the previous ones, or they were damaged)"
)
"""What `citeqa index` adds when it wrote a build though no file changed (BuildReport.rewritten)."""


def print_report(report: BuildReport) -> None:
    """What a build did, in a few lines."""
    from rich.console import Console
    from rich.text import Text

    console = Console(highlight=False, soft_wrap=True)
    console.print(
        Text(
            f"{report.verb}: {report.contents}"
            f" in {shown(report.index_dir)} ({report.seconds:.1f} s)"
        )
    )
    for label, files in (
        ("added", report.added),
        ("updated", report.updated),
        ("removed", report.removed),
    ):
        if files:
            console.print(
                Text(f"  {label} ({len(files)}): {named_files(files, label != 'removed')}")
            )
    if report.unchanged and not report.full_rebuild:
        console.print(Text(f"  unchanged ({len(report.unchanged)})"))
    if report.rewritten and not report.files_changed and report.elsewhere is None:
        console.print(Text(f"  {NO_FILE_CHANGED}"))
    for line in report_notes(report):
        console.print(Text(f"  {line}", style="yellow"))


def vectors_on_rebuild(described: IndexStatus, settings: Settings) -> int:
    """The sentences `citeqa index --rebuild` would now store vectors of
    (contents.vectors_on_rebuild, the rule `index` applies too)."""
    from citeqa.contents import vectors_on_rebuild as on_rebuild

    stored = described.sentence_vectors
    return on_rebuild(described.sentence_count, stored, described.channels, settings)


@app.command("status", epilog=examples("citeqa status --corpus ~/papers --json"))
def status(
    corpus: CorpusOption = None,
    index: IndexOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the status as JSON.")] = False,
    every: Annotated[
        bool,
        typer.Option("--all", help=f"List every document and change (not the first {LISTED})."),
    ] = False,
    verify: Annotated[
        bool,
        typer.Option("--verify", help="Hash every index file (else sizes and times are checked)."),
    ] = False,
    formats: Annotated[
        bool,
        typer.Option("--formats", help="List the file types citeqa reads, and exit."),
    ] = False,
) -> None:
    """What is indexed, with which models, and whether the corpus changed since."""
    if formats:  # what `citeqa index` points to for a file of another type: no index needed
        print_formats(as_json, every or verify)
        return
    from citeqa.api import index_status
    from citeqa.status import channels_differ

    settings = settings_for(corpus, index)
    try:
        described = index_status(settings, verify=verify)
    except IndexMissing:
        raise IndexMissing(
            f"No index in {settings.index_dir}: run `{_index_command(corpus, index)}` to build it."
        ) from None
    if as_json:
        print(to_json(described.model_dump(mode="json"), indent=2))
    else:
        print_status(described, None if every else LISTED, vectors_on_rebuild(described, settings))
    differ = channels_differ([c.name for c in described.channels], settings.channels)
    if differ:
        warn(clean(differ))
    check_loadable(described)


FORMATS_ALONE = "--formats lists the file types citeqa reads: give it without --all or --verify."


def print_formats(as_json: bool, with_index_options: bool) -> None:
    """The file types citeqa reads (`status --formats`): a sentence, or {"reads": [...]} with
    --json; a usage error beside --all or --verify, which describe an index (s36 review)."""
    if with_index_options:
        raise typer.BadParameter(FORMATS_ALONE, param_hint="--formats")
    from citeqa.readers import read_endings, read_types

    if as_json:
        print(to_json({"reads": read_endings()}, indent=2))
    else:
        print(f"citeqa reads {read_types()} files.")


def check_loadable(described: IndexStatus) -> None:
    """After the status, the error `ask` would give when a channel of the index cannot be
    loaded here: IndexIncompatible (exit 7) for a channel this installation does not know,
    EmbedderUnavailable (exit 15) when its model package is missing (found, not imported)."""
    from citeqa.embedding import check_available
    from citeqa.prepared import check_channels_known

    check_channels_known(described.channels)
    check_available([c.name for c in described.channels])


WARNINGS_LISTED = 5
"""Build warnings plain `citeqa status` shows before saying how many more (`--all` lists
them): a corpus of a hundred ragged files would fill the screen with them."""
KEPT_FOR_USER = (
    "old build kept for files citeqa did not write in it (it removes only those a build's"
    " manifest lists);"
    " delete it yourself once you no longer need them: {folder}"
)
"""What `citeqa status` says, once, of each build folder citeqa keeps only for a user's files
(publishing.kept_for_user): citeqa never deletes them, so the user is told which folder."""

KEPT_UNPROVEN = (
    "folder named as a build kept: its manifest records another folder's name, so citeqa"
    " cannot prove it made it and never deletes it;"
    " delete it yourself if it is no copy you keep: {folder}"
)
"""What `citeqa status` says, once, of each folder of a build's name whose manifest records
another folder's (publishing.unproven_builds: a user's copy, a manifest edited by hand)."""


MODEL_COPY_KEPT = (
    "copy of the USE model kept for files citeqa did not write in it (it removes no copy"
    " holding them);"
    " delete it yourself once you no longer need them: {folder}"
)
"""What `citeqa status` says, once, of each model copy citeqa keeps for a user's files
(usecopies.kept_for_user): it never deletes them, so the user is told which folder."""


def print_status(described: IndexStatus, listed: int | None = LISTED, on_rebuild: int = 0) -> None:
    """The status as tables and lines; with `listed`, past that many documents their summary
    (status_summary.summary_of; a corpus of 36,612 files made a table that took rich 27 s to
    lay out), and the changes one line per kind naming its first files
    (changegroups.status_lines); without, every document and every changed file. `on_rebuild`:
    the sentences a rebuild would now store vectors of (`vectors_on_rebuild`)."""
    from rich.console import Console
    from rich.text import Text

    from citeqa.changegroups import status_lines
    from citeqa.status import changed_names, stale_reason
    from citeqa.status_summary import summary_of

    console = Console(highlight=False, soft_wrap=True)
    summary = summary_of(described.documents, listed)
    if summary is not None:
        for part in summary_parts(described, summary):
            console.print(part)
    else:
        console.print(documents_table(described, console.width))
    console.print(channels_table(described))
    size = described.size_bytes / 1e6
    console.print(
        Text(
            f"{counted(described.chunk_count, 'chunk')} · {size:.1f} MB on disk"
            f" · built {shown(described.built_at)}"
            f" · format {described.format_version} · manifest {shown(described.manifest_hash)}"
        )
    )
    if described.channels and not described.sentence_vectors:  # no channel: no vectors at all
        sentences = f"{described.sentence_count:,}"
        console.print(Text(UNEMBEDDED_STATUS.format(sentences=sentences), style="yellow"))
        if on_rebuild:
            console.print(Text(vectors_on_rebuild_line(on_rebuild), style="yellow"))
    console.print(Text(f"corpus: {shown(described.corpus_dir)}"))
    removed = [name for name, kind in changed_names(described.changed).items() if kind == "removed"]
    corpus = Path(described.corpus_dir)
    large = status_outsized_line(described.documents, described.chunk_count, corpus, removed)
    if large is not None:
        console.print(Text(large, style="yellow"))
    if described.skipped:
        console.print(Text(skipped_line(described.skipped, listed)))
        if listed is None:
            for name in described.skipped:
                console.print(Text(f"  {shown(name)}"))
    if described.hidden:
        console.print(Text(hidden_line(described.hidden)))
    shown_warnings = None if listed is None else WARNINGS_LISTED
    unread = set(described.attachments_unread)  # listed under their own heading below
    others = [warning for warning in described.warnings if warning not in unread]
    for line in warning_lines(others, described.warnings_more, shown_warnings):
        console.print(Text(line, style="yellow"))
    for line in attachment_lines(described.attachments_unread, listed):
        console.print(Text(line))
    if described.verified:
        console.print(Text("index files: every file hashed"))
    else:
        console.print(Text("index files: sizes and times checked; --verify hashes every file"))
    config = userdirs.config_file()
    if config.is_file():
        console.print(Text(f"settings file: {shown(config)}"))
    for folder in described.kept_for_user:
        console.print(Text(KEPT_FOR_USER.format(folder=shown(folder))))
    for folder in described.kept_unproven:
        console.print(Text(KEPT_UNPROVEN.format(folder=shown(folder))))
    for folder in described.kept_model_copies:
        console.print(Text(MODEL_COPY_KEPT.format(folder=shown(folder))))
    if described.users_files:
        console.print(Text(users_files_line(described.users_files)))
    if described.stale:
        console.print(
            Text(
                f"STALE: {stale_reason(described.changed, 'the index')}"
                f" ({counted(len(described.changed), 'change')}); {_stale_remedy(described)}",
                style="bold yellow",
            )
        )
        for line in status_lines(described.changed, every=listed is None):
            console.print(Text(f"  {line}", style="yellow"))
    else:
        console.print(Text("Up to date with the corpus.", style="green"))


def _stale_remedy(described: IndexStatus) -> str:
    """What to do of a stale index: run `citeqa index`, unless a build of it already runs."""
    from citeqa.publishing import build_running
    from citeqa.status import update_in_progress

    holder = build_running(Path(described.index_dir))
    return update_in_progress(holder) if holder else "run `citeqa index`"


def summary_parts(described: IndexStatus, summary: Summary) -> list[Table | Text]:
    """An index too long to list (status_summary.summary_of): its documents per top-level
    folder (the first `listed`, then how many more), their languages, then the largest
    documents and how many more there are."""
    from rich.table import Table
    from rich.text import Text

    named = counted(len(described.documents), "document")
    title = Text(shown(f"Index {described.index_dir}: {named} by folder"))
    folders = Table("folder", "documents", "chunks", "languages", title=title)
    for folder in summary.folders:
        folders.add_row(
            *_cells(folder.folder, folder.documents, folder.chunks, folder.languages_line())
        )
    biggest = Table("document", "title", "chunks", "lang", title=Text("Largest documents"))
    for doc in summary.largest:
        biggest.add_row(*_cells(doc.doc_id, doc.title, doc.chunks, _languages(doc.lang)))
    _fold(folders, biggest)
    return [
        folders,
        *([Text(more_line(summary.more_folders, "folders"))] if summary.more_folders else []),
        Text(f"languages: {shown(summary.languages)}"),
        biggest,
        *([Text(more_line(summary.more, "documents"))] if summary.more else []),
    ]


def warning_lines(warnings: list[str], unrecorded: int, listed: int | None) -> list[str]:
    """The build's warnings (IndexStatus.warnings) as `citeqa index` printed them
    (buildnotes.report_notes), each made visible: the first `listed` (all with None), then
    how many more, the `unrecorded` ones (IndexStatus.warnings_more) among them, and where
    to see them."""
    named, unlisted = first(warnings, listed)
    lines = [f"warning: {shown(line)}" for line in named]
    if unlisted and unrecorded:
        where = f"`citeqa status --all` lists {unlisted}, `citeqa index` prints them all"
    elif unlisted:
        where = "`citeqa status --all` lists them"
    else:
        where = "`citeqa index` prints them all"
    more = unlisted + unrecorded
    return [*lines, f"and {more} more warnings ({where})"] if more else lines


def skipped_line(skipped: list[str], listed: int | None) -> str:
    """The files the build skipped, the first `listed` named, then how many more; with no
    `listed` (`status --all`) the line only counts them: print_status lists each on a line of
    its own (s24 trial: 147 paths on one line)."""
    if listed is None:
        return f"skipped, not documents ({len(skipped)}; `citeqa index` says why):"
    named, more = first(skipped, listed)
    files = ", ".join(shown(name) for name in named)
    rest = f" and {more} more (`citeqa status --all`)" if more else ""
    return f"skipped, not documents ({len(skipped)}; `citeqa index` says why): {files}{rest}"


def attachment_lines(warnings: list[str], listed: int | None) -> list[str]:
    """The lines naming the attachments mails left unread (IndexStatus.attachments_unread), the
    first `listed` of them, then how many more; every one with no `listed` (`status --all`)."""
    if not warnings:
        return []
    named, more = first(warnings, listed)
    lines = [f"mail attachments not read ({len(warnings)}):"]
    lines += [f"  {shown(warning)}" for warning in named]
    return lines + ([f"  and {more} more (`citeqa status --all`)"] if more else [])


def documents_table(described: IndexStatus, width: int) -> Table:
    """Every document of the index (print_status shows a summary past `listed`) in a terminal
    `width` cells wide; each cell is cleaned literal text (the manifest is read from disk) and
    folds in a narrow or piped terminal, never cut; the names keep the width
    name_column.name_column_width gives them."""
    from rich.table import Table
    from rich.text import Text

    from citeqa.cli.name_column import name_column_width

    title = Text(shown(f"Index {described.index_dir}"))
    headers = ["document", "title", "chunks", "lang"]
    rows = [
        _shown_cells(doc.doc_id, doc.title, doc.chunks, _languages(doc.lang))
        for doc in described.documents
    ]
    documents = Table(*headers, title=title)
    for row in rows:
        documents.add_row(*(Text(cell) for cell in row))
    _fold(documents)
    columns = [[header] + [row[at] for row in rows] for at, header in enumerate(headers)]
    documents.columns[0].width = name_column_width(columns[0], columns[1:], width)
    return documents


def channels_table(described: IndexStatus) -> Table:
    """The index's vector channels, cells as in `documents_table`."""
    from rich.table import Table

    channels = Table("channel", "model", "package", "version", "dim", "index")
    for c in described.channels:
        channels.add_row(*_cells(c.name, c.model, c.package, c.version, c.dim, c.index_type))
    _fold(channels)
    return channels


def _cells(*values: object) -> list[Text]:
    """Cleaned literal text (`_shown_cells`), never markup."""
    from rich.text import Text

    return [Text(cell) for cell in _shown_cells(*values)]


def _shown_cells(*values: object) -> list[str]:
    """Each value cleaned for the terminal (the manifest is read from disk): `_cells`, and
    `documents_table`'s rows, which keep that text for the name column's width."""
    return [shown(value) for value in values]


def _fold(*tables: Table) -> None:
    """Cells fold in a narrow or piped terminal, never cut."""
    for table in tables:
        for column in table.columns:
            column.overflow = "fold"
