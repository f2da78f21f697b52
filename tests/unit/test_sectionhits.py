"""A section asked by its number reaches the passages read (sectionhits.py): only a number
asked as a section for certain (after a cue word, "section 3.4") brings its passage up from
below the cut; one asked without a cue ("the rate 3.4?") only reorders the candidates, as
numbered_sections.unheld_section says. Documents are cut as a build cuts them."""

from __future__ import annotations

from citeqa.chunking import chunk_document
from citeqa.models import Document, Hit, Sentence
from citeqa.sectionhits import with_asked_section
from citeqa.sentences import SentenceBank
from citeqa.tallies import document_sentences

FILLER = " ".join(
    f"Clause {n} says what the parties agreed about the service and its terms." for n in range(25)
)
TERMS = "# Terms\n\n" + "".join(
    f"## {n} Part\n\n{FILLER}\n\n" for n in ["1.1", "1.2", "2.1", "3.4"]
)
DOC = Document(doc_id="d", title="Terms", path="/d.md", text=TERMS, sha256="0", kind="md")
CHUNKS = list(chunk_document(DOC))


def _read(question: str, count: int = 2) -> list[int]:
    """The chunk indexes of the passages read for `question`: the first `count` of every chunk
    of TERMS, best first in the document's order, after with_asked_section."""
    rows = document_sentences(TERMS, [(n, c.start, c.end) for n, c in enumerate(CHUNKS)], "md")
    sentences = [Sentence(doc_id="d", chunk_index=n, start=a, end=b) for n, a, b in rows.tolist()]
    bank = SentenceBank({"d": DOC}, CHUNKS, sentences, None, [frozenset() for _ in sentences])
    hits = [Hit(chunk=c, chunk_index=n, score=1.0 - n / 100) for n, c in enumerate(CHUNKS)]
    return [hit.chunk_index for hit in with_asked_section(hits, count, bank, question)]


def test_a_section_asked_by_its_cue_is_brought_up_from_below_the_cut() -> None:
    read = _read("What does section 3.4 say?")
    assert read[0] == 0 and CHUNKS[read[1]].start >= TERMS.index("## 3.4")
    assert CHUNKS[1].end <= TERMS.index("## 3.4")  # the passage it replaced holds none of it


def test_a_number_asked_without_a_cue_brings_no_section_up() -> None:
    assert _read("What is the rate 3.4?") == [0, 1]
    assert _read("What does section 3.4 say?", count=1) == [0]  # one place: nothing moves


RELEASES = "# Changelog\n\n" + "".join(
    f"## [{n}] - 2026-0{m}-12\n\n{FILLER}\n\n" for m, n in enumerate(["2.1.0", "2.0.1", "2.0.0"], 1)
)
RELEASES_DOC = Document(
    doc_id="d", title="Changelog", path="/d.md", text=RELEASES, sha256="0", kind="md"
)


def _read_releases(question: str, document: Document = RELEASES_DOC) -> list[int]:
    """As `_read`, of the changelog RELEASES (as `document`)."""
    chunks = list(chunk_document(document))
    places = [(n, c.start, c.end) for n, c in enumerate(chunks)]
    rows = document_sentences(RELEASES, places, "md")
    sentences = [Sentence(doc_id="d", chunk_index=n, start=a, end=b) for n, a, b in rows.tolist()]
    bank = SentenceBank({"d": document}, chunks, sentences, None, [frozenset()] * len(rows))
    hits = [Hit(chunk=c, chunk_index=n, score=1.0 - n / 100) for n, c in enumerate(chunks)]
    read = with_asked_section(hits, 2, bank, question)
    return [hit.chunk.start for hit in read]


def test_a_release_asked_a_value_of_by_its_number_is_brought_up() -> None:
    for question in ("When was 2.0.0 released?", "Quand la 2.0.0 est-elle sortie ?"):
        assert _read_releases(question)[1] >= RELEASES.index("## [2.0.0]")
    assert _read_releases("What was added in 2.0.0?")[1] < RELEASES.index("## [2.0.0]")


def test_a_release_named_after_another_product_is_not_brought_up() -> None:
    question = "When was Harbor 2.0.0 released?"
    assert _read_releases(question)[1] < RELEASES.index("## [2.0.0]")  # a changelog not Harbor's
    harbor = Document(
        doc_id="d", title="Harbor changelog", path="/d.md", text=RELEASES, sha256="0", kind="md"
    )
    assert _read_releases(question, harbor)[1] >= RELEASES.index("## [2.0.0]")
