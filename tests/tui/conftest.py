"""A fake assistant with the `citeqa.api.Assistant` interface, so TUI tests never load models.

It answers from two tiny in-memory documents. One of them is hostile: its text holds Rich
markup, an ANSI escape sequence and a 3000-character line, to prove they render as data.
Question words steer it: "fail" raises a domain error, "weather" abstains (naming an unread
file, its name holding an escape, with "unread"), "markup" cites the hostile document, "slide"
a French slide dump; anything else cites the trial document.

Test modules import the helpers as `from tui_helpers import ...`: this conftest registers itself
under that name, because "conftest" is ambiguous in sys.modules when several test folders (each
with its own conftest.py) run in one pytest call.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import sys
import threading
import time
from collections.abc import AsyncIterator, Callable, Coroutine
from pathlib import Path
from typing import Any

import pytest
from textual.worker import WorkerCancelled

from citeqa.config import Settings
from citeqa.errors import BadQuestion
from citeqa.filelist import FileList
from citeqa.models import (
    Answer,
    BuildReport,
    ChannelInfo,
    Citation,
    Document,
    DocumentStatus,
    IndexStatus,
    Passage,
    TableHeader,
    UnreadFiles,
)
from citeqa.overview import Example
from citeqa.status import corpus_now
from citeqa.tui.app import CiteqaApp

TRIAL_TEXT = (
    "# Obinutuzumab in lupus nephritis\n\n"
    "## Results\n\n"
    "In the REGENCY trial, 46.4% of patients on obinutuzumab reached a complete renal "
    "response at week 76, against 33.1% on standard therapy alone. "
    "Serious infections were similar between the groups.\n\n"
    "## Safety\n\n"
    "No new safety signal was seen over the 76 weeks of follow-up.\n"
)
TRIAL_QUOTES = (
    "In the REGENCY trial, 46.4% of patients on obinutuzumab reached a complete renal "
    "response at week 76, against 33.1% on standard therapy alone.",
    "No new safety signal was seen over the 76 weeks of follow-up.",
)

LONG_LINE = "lupus" + "x" * 2995
EVIL_QUOTE = "Literal [bold]x[/bold] and [link=http://evil]y[/link] and \x1b[31mred\x1b[0m here."
EVIL_TEXT = "# Hostile [i]notes[/i]\n\n" + LONG_LINE + "\n\n" + EVIL_QUOTE + "\n\nThe end.\n"

SLIDE_QUOTE = (
    "Population à l'inclusion\n"
    "N total : 367 patients\n"
    "Âge moyen : 42,5 ans\n"
    "Score SLEDAI-2K moyen : 10,8\n\n"
    "Efficacité Principale & Secondaire\n\n"
    "Réponse BICLA à S52\n\n56,2 %\n\np=0,0002\n\n37,1 %\n\n"
    "Anifrolumab\n\nPlacebo\n\n"
    "Rémission DORIS à S52\n\n33,5 %\n\n19,8 %\n\n"
    "Tolérance\n\nProfil globalement bien toléré.\n\n"
    "Zona (Herpes zoster) : 3,8 % vs 1,1 %."
)
"""A slide dump: label/value lines that the chat lays out as rows, long enough to fold."""

SLIDES_TEXT = "Anifrolumab SC : essai TULIP-SC\n\n" + SLIDE_QUOTE + "\n\nConclusion\n"

MANIFEST_HASH = "fake-manifest-0123456789abcdef"


def _document(doc_id: str, title: str, text: str, digit: int) -> Document:
    """A document of the fake corpus, at /corpus/<doc_id>.txt, its hash `digit` repeated."""
    path, sha256 = f"/corpus/{doc_id}.txt", str(digit) * 64
    return Document(doc_id=doc_id, title=title, path=path, text=text, sha256=sha256)


DOCUMENTS = {
    "regency": _document("regency", "REGENCY trial summary", TRIAL_TEXT, 0),
    "hostile": _document("hostile", "Hostile [red]doc[/red]", EVIL_TEXT, 1),
    "slides": _document("slides", "Traitements ciblés", SLIDES_TEXT, 2),
}
DRAFT_QUOTE = (
    "In the REGENCY trial, 41.0% of patients on obinutuzumab reached a complete renal "
    "response at week 76, against 33.1% on standard therapy alone."
)
"""The draft summary's statement of TRIAL_QUOTES[0] with another value."""
DRAFT = _document(
    "regency-draft",
    "REGENCY trial summary (draft)",
    "# REGENCY trial summary (draft)\n\n## Results\n\n" + DRAFT_QUOTE + "\n",
    3,
)
READABLE = {**DOCUMENTS, DRAFT.doc_id: DRAFT}
"""The documents an answer may quote: those the status lists, and the draft only the "versions"
answer quotes as another document saying otherwise (left out of the status, whose counts the
tests read)."""


def _cite(n: int, doc_id: str, quote: str, section: str | None, score: float) -> Citation:
    doc = READABLE[doc_id]
    start = doc.text.index(quote)
    return Citation(
        n=n,
        doc_id=doc_id,
        title=doc.title,
        path=doc.path,
        start=start,
        end=start + len(quote),
        quote=quote,
        section=section,
        score=score,
    )


def _passage(rank: int, doc_id: str, text: str, score: float, lang: str = "en") -> Passage:
    doc = READABLE[doc_id]
    start = doc.text.index(text)
    return Passage(
        rank=rank,
        doc_id=doc_id,
        title=doc.title,
        path=doc.path,
        start=start,
        end=start + len(text),
        text=text,
        lang=lang,
        score=score,
    )


def table_row_citation() -> tuple[Citation, TableHeader]:
    """A citation of one Markdown table row, "| Roma | 5.6 |", with its header row as context."""
    row, header = "| Roma | 5.6 |", TableHeader(start=0, end=24, text="| Variety | Yield (kg) |")
    citation = Citation(
        n=1, doc_id="garden", title="Garden", path="/c/garden.md", start=50, end=50 + len(row),
        quote=row, header=header,
    )  # fmt: skip
    return citation, header


UNREAD_NOTE = "weather\x1b]0;pwn\x07.pdf could not be read; its name matches the question"
"""The note of an abstention naming a file the build could not read (`ask` prints it)."""


def fake_answer(question: str) -> Answer:
    """The fixed answer the fake gives to `question`."""
    words = question.lower()
    if "fail" in words:
        raise BadQuestion("The fake assistant cannot answer this (deliberate failure).")
    if "weather" in words:
        return Answer(
            question=question,
            abstained=True,
            confidence=0.12,
            answer="No passage answers the question with enough confidence.",
            passages=[_passage(1, "regency", TRIAL_QUOTES[1], 0.21)],
            warnings=[UNREAD_NOTE] if "unread" in words else [],
        )
    if "slide" in words:
        return Answer(
            question=question,
            abstained=False,
            confidence=0.71,
            answer=SLIDE_QUOTE + " [1]",
            citations=[_cite(1, "slides", SLIDE_QUOTE, "Traitements ciblés", 0.71)],
            passages=[_passage(1, "slides", SLIDE_QUOTE, 0.71, lang="fr")],
        )
    if "unsure" in words or "incertain" in words:  # a wrong quote, at a low confidence
        return Answer(
            question=question,
            abstained=False,
            confidence=0.39,
            answer=SLIDE_QUOTE + " [1]",
            citations=[_cite(1, "slides", SLIDE_QUOTE, "Traitements ciblés", 0.39)],
            passages=[_passage(1, "slides", SLIDE_QUOTE, 0.39, lang="fr")],
            lang="fr" if "incertain" in words else "en",
        )
    if "versions" in words:  # a quote, then another document's saying otherwise
        first = _cite(1, "regency", TRIAL_QUOTES[0], "Results", 0.7)
        other = _cite(2, DRAFT.doc_id, DRAFT_QUOTE, "Results", 0.6)
        return Answer(
            question=question,
            abstained=False,
            confidence=0.7,
            answer=f"{first.quote} [1]\nAnother document says otherwise:\n{other.quote} [2]",
            citations=[first, other.model_copy(update={"otherwise": True})],
            passages=[_passage(1, "regency", TRIAL_QUOTES[0], 0.7)],
        )
    if "markup" in words:
        return Answer(
            question=question,
            abstained=False,
            confidence=0.66,
            answer=EVIL_QUOTE + " [1]",
            citations=[_cite(1, "hostile", EVIL_QUOTE, "[b]Section[/b]", 0.66)],
            passages=[_passage(1, "hostile", EVIL_QUOTE, 0.66)],
        )
    citations = [
        _cite(1, "regency", TRIAL_QUOTES[0], "Results", 0.91),
        _cite(2, "regency", TRIAL_QUOTES[1], "Safety", 0.72),
    ]
    return Answer(
        question=question,
        abstained=False,
        confidence=0.83,
        answer=" ".join(f"{c.quote} [{c.n}]" for c in citations),
        citations=citations,
        passages=[
            _passage(1, "regency", TRIAL_QUOTES[0], 0.91),
            _passage(2, "regency", TRIAL_QUOTES[1], 0.72),
        ],
        timings_ms={"retrieve": 1.0, "answer": 1.0, "total": 2.0},
    )


class FakeSession:
    """Records the questions of the conversation; one opening with "and " after another is
    read with it, as a real session reads a follow-up (`Answer.read_with`)."""

    def __init__(self, assistant: FakeAssistant) -> None:
        self.assistant = assistant
        self.asked: list[tuple[str, int | None]] = []

    def ask(self, question: str, k: int | None = None) -> Answer:
        previous = self.asked[-1][0] if self.asked else None
        self.asked.append((question, k))
        answer = self.assistant.ask(question, k)
        if previous is not None and question.lower().startswith("and "):
            return answer.model_copy(update={"read_with": previous})
        return answer


SUGGESTED = [
    Example("What is known about obinutuzumab?", "en"),
    Example("Que sait-on de « anifrolumab » ?", "fr"),
]
"""What the fake assistant suggests for a corpus whose manifest lists no example."""


class FakeAssistant:
    """The `Assistant` interface over the in-memory documents."""

    def __init__(
        self,
        overrides: dict[str, object] | None = None,
        stale: bool = False,
        corpus_dir: str = "/fake/corpus",
        notice: str | None = None,
        manifest_hash: str = MANIFEST_HASH,
        unread: UnreadFiles | None = None,
        skipped: tuple[str, ...] = (),
    ) -> None:
        self.unread = unread or UnreadFiles()
        """What its status says the build did not read (the welcome's line)."""
        self.skipped = list(skipped)
        """The files its status says the build skipped."""
        self.overrides = overrides or {}
        self.stale = stale
        self.corpus_dir = corpus_dir
        self.notice = notice
        self._manifest_hash = manifest_hash
        self.sessions: list[FakeSession] = []
        known = {k: v for k, v in self.overrides.items() if k in Settings.model_fields}
        self.settings = Settings(**known)  # type: ignore[arg-type]

    def ask(self, question: str, k: int | None = None, *, id: str | int | None = None) -> Answer:
        return fake_answer(question)

    def session(self) -> FakeSession:
        session = FakeSession(self)
        self.sessions.append(session)
        return session

    def configured(self, **overrides: object) -> FakeAssistant:
        return FakeAssistant(
            {**self.overrides, **overrides},
            self.stale,
            self.corpus_dir,
            self.notice,
            self._manifest_hash,
        )

    def channels_notice(self) -> str | None:
        return self.notice

    def document(self, doc_id: str) -> Document:
        return READABLE[doc_id]

    def suggested_examples(self, count: int = 3) -> list[Example]:
        return SUGGESTED[:count]

    def status(self) -> IndexStatus:
        corpus = corpus_now(FileList.of([]), Path(self.corpus_dir), None)  # as a check reads it
        return IndexStatus(
            index_dir="/fake/index",
            corpus_dir=self.corpus_dir,
            built_at="2025-01-01T00:00:00",
            format_version=1,
            documents=[
                DocumentStatus(
                    doc_id=d.doc_id,
                    title=d.title,
                    path=d.path,
                    chunks=2,
                    lang=["fr"] if d.doc_id == "slides" else ["en"],
                )
                for d in DOCUMENTS.values()
            ],
            channels=[
                ChannelInfo(name="use", model="USE v3", package="fast-use", version="0.2", dim=512)
            ],
            chunk_count=4,
            size_bytes=1234,
            corpus_bytes=corpus.corpus_bytes,
            corpus_examples=corpus.examples,
            manifest_hash=self._manifest_hash,
            stale=self.stale,
            changed=["modified: regency.txt"] if self.stale else [],
            unread=self.unread,
            skipped=self.skipped,
            hidden=list(corpus.hidden),
        )

    @property
    def manifest_hash(self) -> str:
        return self._manifest_hash

    @property
    def index_dir(self) -> Path:
        return Path("/fake/index")


class FakeFactory:
    """Opens FakeAssistants, reporting progress; can be held back by a gate or made to fail.
    With `hashes`, the n-th assistant opened has the n-th manifest hash (an index updated
    between two opens)."""

    def __init__(
        self,
        *,
        gate: threading.Event | None = None,
        stale: bool = False,
        corpus_dir: str = "/fake/corpus",
        notice: str | None = None,
        hashes: tuple[str, ...] = (),
        unread: UnreadFiles | None = None,
        skipped: tuple[str, ...] = (),
    ) -> None:
        self.unread = unread
        self.skipped = skipped
        self.gate = gate
        self.hashes = hashes
        self.stale = stale
        self.corpus_dir = corpus_dir
        self.notice = notice
        self.opened: list[FakeAssistant] = []
        self.progress: list[tuple[str, int, int]] = []

    def __call__(self, progress: Callable[[str, int, int], None]) -> FakeAssistant:
        for done in range(3):
            self.progress.append(("embedding use", done, 2))
            progress("embedding use", done, 2)
        if self.gate is not None:
            self.gate.wait(10)
        manifest_hash = self.hashes[len(self.opened)] if self.hashes else MANIFEST_HASH
        assistant = FakeAssistant(
            stale=self.stale,
            corpus_dir=self.corpus_dir,
            notice=self.notice,
            manifest_hash=manifest_hash,
            unread=self.unread,
            skipped=self.skipped,
        )
        self.opened.append(assistant)
        return assistant


def fake_builder(progress: Callable[[str, int, int], None]) -> BuildReport:
    progress("reading", 2, 2)
    return BuildReport(
        index_dir="/fake/index",
        updated=["regency.txt"],
        unchanged=["hostile.txt", "slides.txt"],
        documents=3,
        chunks=6,
        seconds=0.5,
    )


def run(coro: Coroutine[Any, Any, Any]) -> Any:
    """Run an async test body (no pytest-asyncio here)."""
    return asyncio.run(coro)


async def settle(pilot: Any) -> None:
    """Wait until every worker is done and every question has been answered."""
    app = pilot.app
    for _ in range(200):
        with contextlib.suppress(WorkerCancelled):  # an exclusive worker superseded by a newer
            await app.workers.wait_for_complete()  # one (the welcome's overview is read twice)
        await pilot.pause()
        idle = app.session is not None and not app._asking and not app._queue
        if idle and not any(w.is_running for w in app.workers):
            return
    raise AssertionError("the app did not settle")


@contextlib.asynccontextmanager
async def settled(app: Any, size: tuple[int, int] = (120, 40)) -> AsyncIterator[Any]:
    """`app.run_test` at `size`, its pilot given once the app has settled (`settle`)."""
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        yield pilot


WAIT_SECONDS = 20.0
"""How long `wait_for` waits for a condition: a worker thread on a loaded 2-core machine (the
whole suite's two workers and other processes) took more than the 2 s that 100 pauses of
0.02 s gave (the welcome test failed so in a fresh-clone CI run, passing alone and in the run
before); a condition that holds returns at once, so only a failing test waits this long."""


async def wait_for(pilot: Any, condition: Callable[[], bool], rounds: int = 0) -> None:
    """Pause until `condition()` holds (workers run in threads, so give them time), at most
    WAIT_SECONDS of the clock (or `rounds` pauses of 0.02 s, when longer), not a count of
    pauses a loaded machine stretches or shortens."""
    deadline = time.monotonic() + max(WAIT_SECONDS, rounds * 0.02)
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition never held")
        await pilot.pause(0.02)


async def ask(pilot: Any, question: str) -> None:
    """Type `question` into the input, submit it and wait for the answer."""
    app = pilot.app
    field = app.query_one("#question")
    field.focus()
    field.value = question
    await pilot.press("enter")
    await settle(pilot)


@pytest.fixture(autouse=True)
def own_user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each chat test has its own per-user data and state folders: a theme one test saves (in
    the UI-state file) must not restyle another test's screenshots running alongside."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "user-data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "user-state"))


@pytest.fixture
def factory() -> FakeFactory:
    return FakeFactory()


@pytest.fixture
def make_app(tmp_path: Path) -> Callable[..., CiteqaApp]:
    def make(factory: FakeFactory | None = None) -> CiteqaApp:
        return CiteqaApp(factory or FakeFactory(), fake_builder, export_dir=tmp_path)

    return make


def make_corpus(folder: Path) -> Path:
    """A small corpus folder: two files and a manifest with one English and one French
    example question (for the welcome)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "regency.txt").write_text(TRIAL_TEXT, encoding="utf-8")
    (folder / "slides.txt").write_text(SLIDES_TEXT, encoding="utf-8")
    manifest = {
        "examples": [
            {"question": "What did REGENCY find at week 76?", "lang": "en"},
            {"question": "Quel est le taux de réponse BICLA ?", "lang": "fr"},
        ],
        "documents": [
            {"file": "regency.txt", "title": "REGENCY trial summary", "languages": ["en"]},
            {"file": "slides.txt", "title": "Traitements ciblés", "languages": ["fr"]},
        ],
    }
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return folder


def screen_text(app: CiteqaApp) -> str:
    """What the terminal shows right now, as plain text (one line per row)."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)


sys.modules.setdefault("tui_helpers", sys.modules[__name__])
