"""A scripted fake assistant for the evaluation tests (no index, no models).

It answers from a table: question text → (ranked (doc_id, text) passages, cited quotes,
abstained). Passages and quotes get real offsets into two small documents, so citation validity
is checked for real. Every `ask` is logged with the session it came through.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from citeqa.config import Settings
from citeqa.models import Answer, ChannelInfo, Citation, Document, IndexStatus, Passage
from citeqa.status import channels_differ

DOCS = {
    "trial": (
        "REGENCY results. Complete renal response at week 76 was 46.4% with obinutuzumab. "
        "With placebo it was 33.1%. Infections were similar. "
    ),
    "faq": (
        "Belimumab is given by monthly IV perfusion or by weekly subcutaneous injection. "
        "Children from 5 years of age can be treated. "
    ),
}


@dataclass
class Script:
    """What the fake returns for one question."""

    passages: list[tuple[str, str]] = field(default_factory=list)
    """Ranked (doc_id, verbatim text of that document)."""
    quotes: list[tuple[str, str]] = field(default_factory=list)
    """Cited (doc_id, verbatim text)."""
    abstained: bool = False
    confidence: float = 0.8
    total_ms: float = 10.0
    bad_offsets: bool = False
    """Cite with offsets shifted by one, so the quote no longer matches the text."""


def _span(doc_id: str, text: str) -> tuple[int, int]:
    start = DOCS[doc_id].index(text)
    return start, start + len(text)


def build_answer(question: str, script: Script) -> Answer:
    passages = []
    for rank, (doc_id, text) in enumerate(script.passages, 1):
        start, end = _span(doc_id, text)
        passages.append(
            Passage(rank=rank, doc_id=doc_id, title=doc_id, path=f"/{doc_id}.txt", start=start,
                    end=end, text=text, lang="en", score=1.0 / rank)
        )  # fmt: skip
    citations = []
    for n, (doc_id, text) in enumerate(script.quotes, 1):
        start, end = _span(doc_id, text)
        shift = 1 if script.bad_offsets else 0
        citations.append(
            Citation(n=n, doc_id=doc_id, title=doc_id, path=f"/{doc_id}.txt",
                     start=start + shift, end=end + shift, quote=text)
        )  # fmt: skip
    return Answer(
        question=question, abstained=script.abstained, confidence=script.confidence,
        answer="…", citations=citations, passages=passages,
        timings_ms={"retrieve": 1.0, "answer": 1.0, "total": script.total_ms},
    )  # fmt: skip


class FakeSession:
    def __init__(self, assistant: FakeAssistant, number: int) -> None:
        self.assistant, self.number = assistant, number

    def ask(self, question: str, k: int | None = None) -> Answer:
        self.assistant.log.append((self.number, question, k, self.assistant.overrides))
        script = self.assistant.scripts.get(question, Script(abstained=True, confidence=0.1))
        return build_answer(question, script)


class FakeAssistant:
    """The `AssistantLike` interface over scripted answers."""

    def __init__(
        self,
        scripts: dict[str, Script],
        *,
        channels: tuple[str, ...] = ("use",),
        overrides: dict[str, object] | None = None,
        log: list | None = None,
    ) -> None:
        self.scripts = scripts
        self.channels = channels
        self.overrides = dict(overrides or {})
        self.settings = Settings(channels=channels, index_dir=Path("/nowhere")).model_copy(
            update=self.overrides
        )
        self.log: list = [] if log is None else log
        self.sessions = 0
        self.statuses = 0

    @property
    def manifest_hash(self) -> str:
        return "fakehash"

    def session(self) -> FakeSession:
        self.sessions += 1
        return FakeSession(self, self.sessions)

    def configured(self, **overrides: object) -> FakeAssistant:
        fake = FakeAssistant(
            self.scripts, channels=self.channels, overrides=overrides, log=self.log
        )
        fake.sessions = 1000 * (len(self.log) + 1)
        return fake

    def document(self, doc_id: str) -> Document:
        return Document(doc_id=doc_id, title=doc_id, path=f"/{doc_id}.txt", text=DOCS[doc_id],
                        sha256="0")  # fmt: skip

    def stale_notice(self) -> str | None:
        return None

    def channels_notice(self) -> str | None:
        return channels_differ(list(self.channels), self.settings.channels)

    def index_notices(self) -> list[str]:
        return [n for n in (self.channels_notice(), self.stale_notice()) if n]

    def status(self) -> IndexStatus:
        from citeqa.models import DocumentStatus

        self.statuses += 1
        return IndexStatus(
            index_dir="/nowhere", corpus_dir="/corpus", built_at="now", format_version=1,
            documents=[DocumentStatus(doc_id=d, title=d, path=f"/{d}.txt", chunks=1,
                                      lang=["en"]) for d in DOCS],
            channels=[ChannelInfo(name=c, model=c, package=c, version="1", dim=4)
                      for c in self.channels],
            chunk_count=2, size_bytes=1, corpus_bytes=1, corpus_examples=[],
            manifest_hash="fakehash", stale=False,
        )  # fmt: skip
