"""The conversation as data: turns (a question and its answer or error) and source references.

Nothing here knows about widgets; the transcript, the sources panel, the viewer and the
Markdown export all read these plain objects.
"""

from __future__ import annotations

from dataclasses import dataclass

from citeqa.models import Answer, Citation, Passage
from citeqa.readable import source_name
from citeqa.visible import one_line

MODES = ("hybrid", "lexical", "vectors")
"""Retrieval modes the chat can switch between."""

MODE_OVERRIDES: dict[str, dict[str, float]] = {
    "hybrid": {},
    "lexical": {"weight_vectors": 0.0},
    "vectors": {"weight_lexical": 0.0, "weight_lexical_cross": 0.0},
}
"""Settings overrides (for `Assistant.configured`) that select each retrieval mode."""

K_CHOICES = (3, 5, 8, 10)
"""Passage counts offered in the command palette."""


@dataclass
class Turn:
    """One question of the conversation and what came of it."""

    number: int
    question: str
    mode: str = "hybrid"
    k: int | None = None
    answer: Answer | None = None
    error: str | None = None
    index_hash: str | None = None
    """The manifest hash of the index that answered (set when the question is asked)."""
    caution: str | None = None
    """What the answer is shown with when its confidence is low (caution.low_confidence), set
    with the answer."""


@dataclass(frozen=True)
class SourceRef:
    """A span of a document that can be listed and opened: a citation or a passage."""

    label: int
    doc_id: str
    title: str
    path: str
    start: int
    end: int
    text: str
    score: float
    lang: str | None = None
    section: str | None = None
    page: int | None = None
    context: str | None = None
    """A table row's header row, shown above the quote (Citation.header)."""
    notes: tuple[str, ...] = ()
    """The footnotes the quote cites, each its mark and its text ("² Only in the EU."), shown
    under the quote (Citation.notes)."""

    @property
    def where(self) -> str:
        """Section or page, for a one-line description."""
        if self.section:
            return self.section
        return f"p. {self.page}" if self.page is not None else ""

    @property
    def name(self) -> str:
        """ "title · section" (the section left out when it repeats the title)."""
        return source_name(self.title, self.where)


def _lang_of(citation: Citation, passages: list[Passage]) -> str | None:
    """The language of the passage holding the citation (or of any passage of its document)."""
    same_doc = [p for p in passages if p.doc_id == citation.doc_id]
    for passage in same_doc:
        if passage.start <= citation.start and citation.end <= passage.end:
            return passage.lang
    return same_doc[0].lang if same_doc else None


def citation_ref(citation: Citation, passages: list[Passage]) -> SourceRef:
    """The source reference of one citation."""
    return SourceRef(
        label=citation.n,
        doc_id=citation.doc_id,
        title=citation.title,
        path=citation.path,
        start=citation.start,
        end=citation.end,
        text=citation.quote,
        score=citation.score,
        lang=_lang_of(citation, passages),
        section=citation.section,
        page=citation.page,
        context=citation.header.text if citation.header is not None else None,
        notes=tuple(f"{note.mark} {note.text}" for note in citation.notes),
    )


def passage_ref(passage: Passage) -> SourceRef:
    """The source reference of one retrieved passage (labelled by its rank)."""
    return SourceRef(
        label=passage.rank,
        doc_id=passage.doc_id,
        title=passage.title,
        path=passage.path,
        start=passage.start,
        end=passage.end,
        text=passage.text,
        score=passage.score,
        lang=passage.lang,
    )


READ_WITH_CHARS = 80
"""At most this much of the previous question is shown by `read_with_text`."""


def read_with_text(previous: str) -> str:
    """The line saying a question was read with the previous one, whose end it quotes (one
    line, cleaned: `Answer.read_with` holds the user's earlier questions)."""
    shown = one_line(previous)
    if len(shown) > READ_WITH_CHARS:
        shown = "…" + shown[-(READ_WITH_CHARS - 1) :].lstrip()
    return f"↳ read with your previous question: “{shown}”"


def source_refs(answer: Answer) -> list[SourceRef]:
    """What the sources panel lists: the citations, or the closest passages of an abstention."""
    if answer.citations and not answer.abstained:
        return [citation_ref(c, answer.passages) for c in answer.citations]
    return [passage_ref(p) for p in answer.passages]
