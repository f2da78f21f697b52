"""The data that flows through citeqa, as frozen pydantic models.

Document → Chunk → Hit → Retrieval → Answer (with Citations and Passages). The JSON shape of
`Answer.model_dump()` is a public contract (see DESIGN.md): other tools read it.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Lang = Literal["en", "fr"]


class Frozen(BaseModel):
    """Base for immutable models."""

    model_config = ConfigDict(frozen=True)


class Series(Frozen):
    """A calendar event that repeats (an RRULE), as the calendar reader read it: where its
    line stands in its document's text and the rule that gives its days
    (readers/calendar.py writes it; recurring_days.py computes its days)."""

    start: int
    end: int
    """The event's line in the document's text ("Tri: 2025-01-09, toutes les 2 semaines le
    jeudi jusqu'au 2025-12-31"): what an answer on one of its days quotes."""
    first: str
    """Its first start as the file writes its wall-clock time, ISO: "2025-01-09" (a day) or
    "2025-01-09T19:00:00"."""
    rule: str
    """The RRULE as RFC 5545 writes it, its UNTIL in the same wall-clock time as `first`
    ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;UNTIL=20251231"); "" when its days are unknown (its
    line leaves a part of the rule unsaid, or the event has several RRULEs)."""
    excluded: list[str] = Field(default_factory=list)
    """Days ("YYYY-MM-DD") it does not fall on: its EXDATEs and the days of its occurrences
    another event of its UID moves or cancels (RECURRENCE-ID)."""
    skipped: list[str] = Field(default_factory=list)
    """Those of `excluded` only its EXDATEs name, no other event of its UID moving them: days
    it skips, its next occurrence the rule's (an index read before this field leaves it empty:
    every excluded day then reads as perhaps moved)."""
    added: list[str] = Field(default_factory=list)
    """Days its RDATEs add."""
    bounds: str = ""
    """When `rule` is "" for a line leaving a part of its one RRULE unsaid, that RRULE as
    `rule` would be ("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1"): its days are unknown,
    yet it falls on none its BYDAY, BYMONTH, BYMONTHDAY or UNTIL rules out
    (recurring_days.may_fall_on); "" otherwise (an index read before this field leaves it
    empty: any day past its start may be one)."""


LATEX_KIND = "tex"
"""The kind of a LaTeX source's Document (readers/tex.py; `Document.latex`)."""


class Document(Frozen):
    """One source document, with the text that every offset points into."""

    doc_id: str
    """Stable id: the file name without extension, slugified."""
    title: str
    path: str
    """Absolute path of the source file."""
    text: str
    """The document's text. For .txt/.md it is the decoded file, unchanged; for .pdf and .html
    it is the extracted text, and offsets refer to it; for .csv/.tsv the records as a markdown
    pipe table (readers/delimited.py); for .xlsx each sheet's rows so, under a heading naming
    the sheet (readers/xlsx.py)."""
    sha256: str
    """Hash of the file's bytes."""
    kind: str = "text"
    """File format: txt, md, rst, pdf, html, csv, xlsx..., its reader's `kind`, or the format
    the file holds when its reader found another's (Extracted.kind: a .txt holding WebVTT
    cues is "vtt", so its turn headings name speakers as a .vtt file's do: speakers.py)."""
    page_starts: list[int] | None = None
    """For PDFs: the character offset at which each page starts (page n = index n-1)."""
    titled_pages: list[int] | None = None
    """For PDFs: the pages (index into `page_starts`) opening with a line set larger than the
    page's text, a slide's title (readers/pdf.py)."""
    warnings: list[str] = Field(default_factory=list)
    """Problems met while reading (a fallback decoding, an empty page, ...)."""
    series: list[Series] = Field(default_factory=list)
    """For a calendar: its events that repeat (readers/calendar.py), so that a question asking
    one of their days finds it (recurring_days.py)."""

    @property
    def latex(self) -> bool:
        """Whether the document is a LaTeX source (its kind LATEX_KIND, readers/tex.py): its
        markup is read as such (latex.py), never in a note that merely writes "\\item"."""
        return self.kind == LATEX_KIND

    def page_start(self, offset: int) -> int:
        """Where the page holding `offset` starts (0 when the document has no pages)."""
        if not self.page_starts:
            return 0
        page = bisect.bisect_right(self.page_starts, offset) - 1
        return self.page_starts[page] if page >= 0 else 0

    def page_heads(self) -> frozenset[str]:
        """The first lines of its pages but the first, spaces evened, where set larger than
        the page's text (`titled_pages`; none: a document without pages): a slide's title,
        and the agenda slide's lines naming other slides (the first page's is left out: a
        paper's journal header, which may answer; a guide's page opening with an answer in
        its text's size is no slide)."""
        heads = set()
        titled = set(self.titled_pages or ())
        for number, start in enumerate(self.page_starts or []):
            if number == 0 or number not in titled:
                continue
            end = self.text.find("\n", start)
            heads.add(" ".join(self.text[start : end if end >= 0 else len(self.text)].split()))
        return frozenset(heads)

    def page_at(self, offset: int) -> int | None:
        """The 1-based page holding `offset`, or None when the document has no pages."""
        if not self.page_starts:
            return None
        page = 1
        for number, start in enumerate(self.page_starts, start=1):
            if start <= offset:
                page = number
        return page


class Chunk(Frozen):
    """A span of one document: `document.text[start:end] == text`."""

    chunk_id: str
    doc_id: str
    start: int
    end: int
    text: str
    section: str | None = None
    """The nearest heading above the chunk."""
    page: int | None = None
    lang: Lang = "en"
    block: str = "text"
    """The kind of block it came from: text, list, table, heading."""

    def holds(self, citation: Citation) -> bool:
        """Whether the citation's quote starts in the chunk (its passage holds the quote)."""
        return self.doc_id == citation.doc_id and self.start <= citation.start < self.end


class Sentence(Frozen):
    """A sentence of a chunk, with offsets in its document."""

    doc_id: str
    chunk_index: int
    start: int
    end: int


class Hit(Frozen):
    """A retrieved chunk with its fused score and the per-channel evidence behind it."""

    chunk: Chunk
    chunk_index: int
    score: float
    channel_ranks: dict[str, int] = Field(default_factory=dict)
    channel_scores: dict[str, float] = Field(default_factory=dict)


class Retrieval(Frozen):
    """The ranked hits for one question."""

    question: str
    query_lang: Lang
    hits: list[Hit]


class TableHeader(Frozen):
    """The header row of the markdown table a quoted row belongs to: verbatim, at its own
    characters of the document, shown above the row so that its cells read as what they are."""

    start: int
    end: int
    text: str
    """== the document's text from `start` to `end`, verified as a quote is."""


class QuotedNote(Frozen):
    """The text of a Markdown footnote a quote cites ("[^2]" in "withdrawn in 2019[^2]"):
    verbatim, at its own characters of the document (its definition's line past "[^2]: "),
    shown after the quote so that what the note adds reaches the reader (footnotes.py)."""

    mark: str
    """How the note's mark reads in the rendered note ("²", or "*" for a named note)."""
    start: int
    end: int
    text: str
    """== the document's text from `start` to `end`, verified as a quote is."""


UNDATED = ""
"""Citation.after (and LaterStatement.after) when the quoted documents are undated: before any
ISO date, so a statement of any date is later."""


class Citation(Frozen):
    """A verbatim quote and the exact characters of the source it comes from."""

    n: int
    doc_id: str
    title: str
    path: str
    start: int
    end: int
    quote: str
    page: int | None = None
    section: str | None = None
    score: float = 0.0
    header: TableHeader | None = None
    """For a quote of table rows: the table's header row (its context, not part of the quote)."""
    otherwise: bool = False
    """Quotes another document that states what an earlier quote states with another value
    (an amendment, another version, a draft: disagreement.py); shown labelled after it."""
    later: str | None = None
    """For a quote of a document dated after every dated quoted one that speaks of the quoted
    subject (minutes reversing a decision: later_statements.py): that document's date,
    "YYYY-MM-DD", shown in its label; such a quote is shown after the answer's quotes, never
    one of them, and is not `otherwise` (it may state the same thing). Else None."""
    after: str | None = None
    """For a `later` quote: the latest date of the quoted documents, "YYYY-MM-DD", shown in
    its label too so that the reader can check the order (a title may name a future event's
    date), UNDATED when they are undated (the label says so). Else None."""
    earlier: str | None = None
    """For a quote moved after a later-dated document's statement on its subject, which the
    answer quotes first because the question asks what holds now (later_statements.py
    `asks_what_holds`: "What did the CODIR decide…"): its own document's date, "YYYY-MM-DD",
    shown in its label (an undated one is not marked); such a quote is shown after the
    answer's quotes, never one of them. Else None."""
    before: str | None = None
    """For an `earlier` quote: the date of the later document the answer quotes first,
    "YYYY-MM-DD", shown in its label too. Else None."""
    occurrence: str | None = None
    """For a quote of a repeating calendar event's line: the day ("YYYY-MM-DD") computed from
    its rule that answers the question (series_answers.py), shown in its label. Else None."""
    archived: str | None = None
    """For an `otherwise` quote of a document kept in an archive folder beside current files
    (archive_folders.py: "archive" of "archive/2024/Tarifs 2024"): that archive folder,
    sanitised, shown in its label (an earlier edition's). Else None."""
    notes: list[QuotedNote] = Field(default_factory=list)
    """For a quote of a Markdown note citing footnotes ("in 2019[^2]"): the text of each note
    it cites, in order (footnotes.cited_notes). Else empty."""


class Passage(Frozen):
    """A ranked retrieval result, shown as evidence."""

    rank: int
    doc_id: str
    title: str
    path: str
    start: int
    end: int
    text: str
    lang: str
    score: float


class Answer(Frozen):
    """What `ask` returns; `model_dump()` is the public answer JSON."""

    id: str | int | None = None
    question: str
    abstained: bool
    confidence: float = Field(ge=0.0, le=1.0)
    answer: str
    citations: list[Citation] = Field(default_factory=list)
    passages: list[Passage] = Field(default_factory=list)
    timings_ms: dict[str, float] = Field(default_factory=dict)
    reason: str | None = None
    """Why it abstained, in words a person reads ("nothing to search for", "no word of the
    question occurs in the documents"); None when it answered."""
    warnings: list[str] = Field(default_factory=list)
    """Notes for the person asking (a question cut to `max_question_chars`, a stale index,
    its corpus changed or another version of citeqa built it: status.stale_notice), in the JSON as
    DESIGN.md's contract lists them; the CLI also prints them on stderr."""
    read_with: str | None = Field(default=None, exclude=True)
    """In a conversation (`Assistant.session`), the earlier question(s) this one was read
    with, as a follow-up (followups.is_follow_up); None when it was read on its own. Not in
    the JSON: `ask` keeps no conversation."""
    lang: Lang = Field(default="en", exclude=True)
    """The language the answer's words (its message, its reason) were composed in: the one
    retrieval read the question in, which a reader's labels follow too. Not in the JSON."""
    below_floor: bool = Field(default=False, exclude=True)
    """Abstained only because its confidence was below the least confidence answered (the
    user's `min_confidence`, or else the answer models' own floor): a lower floor could answer
    it. False for an answer, and for an abstention any other stage decided (the answerability
    model, no verifiable quote, a rule before the models). The evaluation's min_confidence
    sweep reads it (metrics.abstains_at). Not in the JSON."""
    claims_absence: bool = Field(default=False, exclude=True)
    """Abstained saying the documents never use some (or any) of the question's words
    (abstention.Reason.claims_absence): true of the files read only, so the reason goes on to
    name the files the build skipped (api._noting_unread). Not in the JSON."""
    unwritten_in_texts: bool = Field(default=False, exclude=True)
    """Abstained by the answer models while some word of the question is written only by a
    document's path (abstention.Reason.unwritten_in_texts): read across as an abstention that
    claims absence is (api.Assistant._translated). Not in the JSON."""
    says_the_record: bool = Field(default=False, exclude=True)
    """Abstained saying what the asked record's own row holds (its asked cell empty:
    empty_cells.py): an older or earlier file's answer never stands in for it
    (api._with_older_version; s29 merge: an earlier season's file then answered "Quelle est la
    date du certificat médical d'Inès Lefèvre ?" with another member's row). Not in the JSON."""


class CorpusElsewhere(Frozen):
    """A corpus read from another folder than its index was built from (store.corpus_elsewhere)."""

    built_from: str
    """The folder the index was built from (its manifest's `corpus_dir`)."""
    read_from: str
    """The folder the corpus is read from now (absolute)."""
    moved: bool
    """The folder built from is gone (renamed or moved): the same files, at new paths. When it
    is still there, the corpus is another folder, not a move (probe s17-hostfix review)."""


class OutsizedFile(Frozen):
    """A file that makes an outsized share of its index (outsized.py), and its chunks."""

    file: str
    chunks: int


class UnembeddedSentences(Frozen):
    """A build that stored no sentence vectors: its corpus had more sentences than
    `embed_sentences_max` (contents.compute_contents)."""

    sentences: int
    limit: int
    """The `embed_sentences_max` setting the build ran with."""
    on_demand: bool
    """The `embed_sentences_on_demand` setting: answering embeds a passage's sentences when a
    question first needs them; else each sentence is scored with its passage's vector."""


class BuildReport(Frozen):
    """What `build_index` did, file by file."""

    index_dir: str
    added: list[str] = Field(default_factory=list)
    updated: list[str] = Field(default_factory=list)
    removed: list[str] = Field(default_factory=list)
    unchanged: list[str] = Field(default_factory=list)
    skipped: list[str] = Field(default_factory=list)
    """Files not indexed, each with the reason."""
    word_lists: list[str] = Field(default_factory=list)
    """Files read in this build that are lists of words, not prose (wordlists.py): indexed,
    and named in the report so that a user can move them out of the corpus."""
    hidden: list[str] = Field(default_factory=list)
    """The hidden names and tools' folders the build's walk passed over (".git/", ".env",
    "node_modules/": folderwalk.py): never read, counted in the report."""
    outsized: list[OutsizedFile] = Field(default_factory=list)
    """Files read in this build that make an outsized share of the index (outsized.py), with
    their chunks, largest first: indexed, and named in the report as word lists are."""
    warnings: list[str] = Field(default_factory=list)
    unembedded_sentences: UnembeddedSentences | None = None
    """Set when this build embedded no sentence (past `embed_sentences_max`): `index` says so."""
    vectors_on_rebuild: int = 0
    """The sentences of an index found up to date that stored no sentence vectors when built,
    when the current `embed_sentences_max` would store them (`citeqa index --rebuild` does:
    an unchanged corpus is not built again); 0 otherwise. `index` says so."""
    documents: int = 0
    chunks: int = 0
    seconds: float = 0.0
    full_rebuild: bool = False
    rewritten: bool = False
    """A new build was written: set even when no file changed, as when the previous build's
    word statistics (their format, the tallies' recipe) or the corpus manifest differ from what
    this citeqa writes (previousindex.unchanged); it then said "Index up to date" though it
    wrote a new build."""
    elsewhere: CorpusElsewhere | None = None
    """Set when the corpus is read from another folder than the previous build was made from
    (store.corpus_elsewhere): the build was rewritten with the files' new paths (it said "Index
    up to date" and citations kept naming the old folder's files, probe s17-hostile)."""

    @property
    def contents(self) -> str:
        """What the index holds, in words: "1 document, 3 chunks"."""
        return f"{counted(self.documents, 'document')}, {counted(self.chunks, 'chunk')}"

    @property
    def verb(self) -> str:
        """Built (no index before), Rebuilt (in full over one), Updated, or Index up to date."""
        if self.full_rebuild:
            first = not (self.unchanged or self.updated or self.removed)
            return "Built" if first else "Rebuilt"
        if self.files_changed or self.rewritten:
            return "Updated"
        return "Index up to date"

    @property
    def files_changed(self) -> bool:
        """Whether the build was over changed files: a full rebuild, or a file added, updated
        or removed (not only `rewritten`)."""
        return bool(self.full_rebuild or self.added or self.updated or self.removed)


def counted(number: int, noun: str, grouped: bool = False) -> str:
    """`number` `noun`s: "1 document", "2 documents"; its thousands apart when `grouped`
    ("1,204 lines": a file's count in a reading warning, textdecoding.py)."""
    written = f"{number:,}" if grouped else str(number)
    return f"{written} {noun}" if number == 1 else f"{written} {noun}s"


def documents_read(documents: int, files: int | None) -> str:
    """How many documents an index read, and of how many files when it skipped some: "37
    documents read of 39 files" (the chat's header and welcome say the same: s34 trial, "37
    documents" beside "39 documents"), "37 documents" when it read every file or the files
    are not known."""
    if files is None or files <= documents:
        return counted(documents, "document")
    return f"{counted(documents, 'document')} read of {counted(files, 'file')}"


class ChannelInfo(Frozen):
    """A vector channel of the index and the model behind it."""

    name: str
    model: str
    package: str
    version: str
    dim: int = Field(ge=1)
    index_type: str = "flat"


class DocumentStatus(Frozen):
    """One indexed document, as `status` shows it."""

    doc_id: str
    title: str
    path: str
    chunks: int
    lang: list[str] = Field(default_factory=list)


@dataclass(frozen=True)
class Example:
    """A question to offer a user of the corpus, with its language (the chat's welcome)."""

    question: str
    lang: str


class UnreadFiles(Frozen):
    """The files the build skipped: those of each type citeqa does not read, by ending
    (".pptx", lower case; "" for none), how many of a type it reads it could not read
    (damaged, no text), and how many were empty (`empty`)."""

    types: dict[str, int] = Field(default_factory=dict)
    unreadable: int = 0
    empty: int = 0
    """Files of a type citeqa reads that held nothing (zero bytes): nothing to convert."""
    not_read_yet: dict[str, int] = Field(default_factory=dict)
    """Files of a type citeqa reads now that the index skipped as of a type it did not read
    then (a .yaml after an upgrade), by ending: `citeqa index` reads them."""

    @property
    def count(self) -> int:
        return (
            sum(self.types.values())
            + self.unreadable
            + self.empty
            + sum(self.not_read_yet.values())
        )

    @property
    def of_types(self) -> int:
        return sum(self.types.values())


class IndexStatus(Frozen):
    """What is indexed, with which models, and whether the corpus has changed since."""

    index_dir: str
    corpus_dir: str
    built_at: str
    format_version: int
    documents: list[DocumentStatus]
    channels: list[ChannelInfo]
    chunk_count: int
    size_bytes: int
    corpus_bytes: int | None
    """The total size of the corpus's files as the status check's walk found them (the corpus
    manifest and domain file left out): what the chat's welcome shows without walking the
    corpus again; None when the corpus folder is missing."""
    corpus_examples: list[Example]
    """The example questions the corpus's manifest.json lists, as the status check read it
    (overview.manifest_examples): what the chat's welcome offers without reading it again."""
    manifest_hash: str
    stale: bool
    changed: list[str] = Field(default_factory=list)
    """Corpus files that differ from the index, each prefixed with added/modified/removed."""
    skipped: list[str] = Field(default_factory=list)
    """Corpus files the build skipped (a type citeqa does not read, an unreadable file), by
    their paths in the corpus; `citeqa index` says why."""
    hidden: list[str] = Field(default_factory=list)
    """The hidden names and tools' folders the status check's walk passed over, relative, a
    folder ending in "/" (".git/", ".env", "services/__pycache__/"): `citeqa status` and the
    chat's welcome say they were left out, and why (s38 trial: neither did)."""
    unread: UnreadFiles = Field(default_factory=lambda: UnreadFiles())
    """Of the files the build tried to read (hidden files and links outside the corpus aside),
    how many of each type citeqa does not read and how many it could not read (unread.py): what
    the chat's welcome says of them."""
    attachments_unread: list[str] = Field(default_factory=list)
    """The warnings of its mail documents naming the attachments they left unread
    (unread.unread_attachments): `citeqa status` lists them as `citeqa index` did."""
    kept_for_user: list[str] = Field(default_factory=list)
    """Superseded build folders citeqa emptied of its own files and keeps for the files a
    user put in them (publishing.left_to_user): the user's to move or delete. Filled by
    api.index_status (`citeqa status`) only; Assistant.status leaves it empty."""
    kept_unproven: list[str] = Field(default_factory=list)
    """Folders of a build's name whose manifest records another folder's name (a user's copy
    of a build, a manifest edited by hand): citeqa cannot prove it made them and never removes
    them (publishing.unproven_builds). Filled by api.index_status only."""
    kept_model_copies: list[str] = Field(default_factory=list)
    """Copies of the USE model citeqa wrote that hold a user's file too, left whole when the
    others go (usecopies.kept_for_user). Filled by api.index_status only."""
    users_files: list[str] = Field(default_factory=list)
    """Files in the index's current build folder that its manifest does not list, by their
    paths in it (verification.verify_files): a user's, kept, never read. Filled by
    api.index_status (`citeqa status`) only."""
    warnings: list[str] = Field(default_factory=list)
    """What reading the corpus warned of when the index was built (its manifest's `warnings`:
    a ragged CSV, a file read as plain text), as written: shown made visible (a file name may
    hold any character); none from an index built before they were recorded."""
    warnings_more: int = 0
    """How many more warnings the build gave than `warnings` holds (its manifest keeps the
    first store.RECORDED_WARNINGS; `citeqa index` prints them all)."""
    sentence_count: int = 0
    """Sentences the index holds (its manifest's count)."""
    sentence_vectors: bool = True
    """Whether the build stored a vector for every sentence; false past `embed_sentences_max`
    sentences, where quotes are chosen with each sentence's passage vector (or vectors embedded
    when a question first needs them, `embed_sentences_on_demand`)."""
    verified: bool = False
    """Every file of the index was hashed against the sha256 its build recorded (`citeqa
    status --verify`); else a file whose size and time are unchanged since the build was
    trusted, as `ask` trusts it."""

    @property
    def corpus_files(self) -> int:
        """The corpus's files as the status knows them: its documents and the files its build
        tried and did not read (`unread`: a type citeqa does not read, an unreadable or empty
        file). Not `skipped`, which adds what the walk leaves out now (a link out of the
        corpus, a folder it cannot list, a name not in UTF-8): the files counted before the
        index is loaded leave those out too, "2 files" then "2 documents" (review of
        s35-trialfix: "2 documents read of 3 files")."""
        return len(self.documents) + self.unread.count
