"""A question naming a place of a document: a page ("What is on page 53 of the annual report?",
"p. 53", "Qu'y a-t-il à la page 12 ?") or a numbered part named by a place word ("section 6.3",
"§ 6.3", "chapter 4", "annexe 2").

A chunk knows its page (Document.page_at) and the headings it stands under, but the rankers
read "page 53" as two words among others: the s22 trial's "What is on page 53 of the annual
report?" quoted the title page, "page 12" the back-of-book index and "section 6.3" a filler
sentence of page 55 under that heading (failure 6). The rule:

- a page is asked by a page cue (language data `page_cues`: "page", "p.") before a whole
  number (`asked_page`); a number glued to its cue or measured ("p53", "p95", "p 0.05") is
  none, and a one-letter cue counts only with its period;
- the asked page's document is one the question names in the name it writes after the page
  ("page 2 du compte rendu": document_names.naming_words, against its title and path words)
  that has the page, else the best-ranked passage's that has it, else the first document
  that has it (`page_place`); the question abstains saying why (`MissingPage`,
  abstention.no_such_page) when the documents it names lack the page ("“Compte rendu …” n’a
  pas de page 2 : il en a 1."), when no document has it ("No document has a page 900: the
  longest has 66 pages."), or when the page holds no text (a blank page);
- the passages read are that page's chunks, and the quote is chosen among the sentences that
  start on it (`on_place`); the answer models' refusal does not hold (answering.place_refusal):
  they judge the question's words, and "page 12" shares none with its page;
- a question naming nothing but its place (`names_only_place`: beyond the place, only
  question, frame and stop words, `place_verbs`, and words of the documents' names) is
  answered by the place's opening body sentence (`opening`): the first body sentence under
  the first heading that starts on the page, else the page's first body sentence (one that no
  sentence of the page before runs into); for a section asked by a place word (language data
  `place_cues`, a subset of `section_cues`: not "article", "version", "ticket", which name
  records), the first body sentence standing under it whose heading names its part alike
  (`_named_alike`: "annexe 2" is not "Article 2 – Durée"), its passage brought into those
  read when none holds it (`with_section_opening`), and no refusal of the models when a
  document read numbers a title line so (`holds_place_section`: "chapter 7" of a report
  headed "7. Governance" never writes "chapter"). A heading, a contents or index line
  (sentences.numbers_only_places), a line shorter than BODY_MIN is no body sentence. A
  question with other words ("What does section 6.3 say about reserves?") keeps the rankers'
  choice among the place's sentences.

No I/O; the cue words are language data.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from citeqa.chunking import section_of
from citeqa.document_names import name_words, naming_words
from citeqa.glossary import fold, language_words
from citeqa.lexical import stopwords
from citeqa.models import Chunk, Document, Hit
from citeqa.numbered_sections import asked_numbers, holds, section_numbers, standing_under
from citeqa.sentences import SentenceBank, numbers_only_places

__all__ = [
    "MissingPage",
    "PagePlace",
    "asked_page",
    "asks_place_section",
    "holds_place_section",
    "names_only_place",
    "on_place",
    "opening",
    "page_place",
    "place_cue",
    "with_section_opening",
]

_PAGE = re.compile(r"(?<![\w.,])([^\W\d_]+)(\.\s*|\s+)(\d{1,5})(?![\w/-]|[.,]\d)")
"""A word, a period or blanks, and a whole number ("page 53", "p. 53"); glued, none ("p53" is
a protein, "p95" a latency)."""
_WORD = re.compile(r"[^\W_]+")
BODY_MIN = 40
"""A body sentence holds at least this many characters (shorter: a label, a stray line)."""


@dataclass(frozen=True)
class PagePlace:
    """An asked page that a document has: the document, the page and its chunks' hits."""

    doc_id: str
    page: int
    hits: list[Hit]


@dataclass(frozen=True)
class MissingPage:
    """An asked page that is not there: of the document the question names (`title`), which has
    `most` pages, or holding no text there (`blank`); or of no document (`title` None), the
    longest having `most` pages."""

    page: int
    most: int
    title: str | None = None
    blank: bool = False


def asked_page(question: str) -> int | None:
    """The page `question` asks by a page cue before a whole number ("page 53", "p. 53", "à la
    page 12"), or None; a one-letter cue only with its period ("p 53", "p53" name proteins)."""
    cues = language_words("page_cues")
    for found in _PAGE.finditer(fold(question)):
        cue, between, number = found.groups()
        abbreviated = len(cue) == 1  # "p" only with its period: "p 53" may name a protein
        if cue in cues and int(number) > 0 and not (abbreviated and "." not in between):
            return int(number)
    return None


def asks_place_section(question: str) -> bool:
    """Whether `question` asks a numbered part after a place word ("section 6.3", "§ 6.3",
    "chapter 4", "annexe 2"; language data `place_cues`), not a version's or a record's."""
    return place_cue(question) is not None


def place_cue(question: str) -> str | None:
    """The place word (language data `place_cues`, folded) before the first number `question`
    asks as a section for certain, or None when no such number follows one."""
    cues = language_words("place_cues")
    for asked in asked_numbers(question):
        cue = _cue_before(question, asked.number)
        if asked.cued and cue in cues:
            return cue
    return None


def _cue_before(question: str, number: str) -> str:
    """The folded word written right before `number` in `question` ("" for none)."""
    found = re.search(r"([^\W\d_]+|§)\W{0,3}" + re.escape(number) + r"(?![\d.])", question)
    return fold(found.group(1)) if found else ""


def page_place(
    question: str, page: int, bank: SentenceBank, ranked: Sequence[Hit], limit: int
) -> PagePlace | MissingPage:
    """The place of the asked `page` (see the module docstring): its document's chunks on that
    page as hits (at most `limit`, in reading order, scored as the best of `ranked`), or the
    MissingPage when the document the question names lacks it, no document has it, or it
    holds no text."""
    paged = [doc for doc in bank.documents.values() if _pages(doc) >= page]
    ranked_documents = [
        bank.documents[doc_id] for doc_id in dict.fromkeys(h.chunk.doc_id for h in ranked)
    ]
    named = _named_documents(question, [*ranked_documents, *paged])
    if named and not any(_pages(doc) >= page for doc in named):
        return MissingPage(page, max(_pages(doc) for doc in named), named[0].title)
    if not paged:
        return MissingPage(page, max((_pages(doc) for doc in bank.documents.values()), default=0))
    holding = [doc for doc in [*named, *ranked_documents] if _pages(doc) >= page]
    document = holding[0] if holding else paged[0]
    starts = document.page_starts or []
    start, end = starts[page - 1], starts[page] if page < len(starts) else len(document.text)
    score = ranked[0].score if ranked else 1.0
    hits = [
        Hit(chunk=chunk, chunk_index=number, score=score)
        for number, chunk in enumerate(bank.chunks)
        if chunk.doc_id == document.doc_id and chunk.start < end and chunk.end > start
    ]
    if not document.text[start:end].strip() or not hits:
        return MissingPage(page, _pages(document), document.title, blank=True)
    return PagePlace(document.doc_id, page, hits[:limit])


def _pages(document: Document) -> int:
    """How many pages `document` has (0: it is not divided into pages)."""
    return len(document.page_starts or ())


def _named_documents(question: str, documents: list[Document]) -> list[Document]:
    """Those of `documents` whose title or path words (document_names.name_words) the question
    writes most of in the name it writes after the page ("page 2 du compte rendu", "page 53 of
    the annual report": document_names.naming_words), in their order; none when it writes
    none."""
    asked = naming_words(question) - _ignored()
    if not asked:
        return []
    unique = {doc.doc_id: doc for doc in documents}.values()
    counts = [(len(asked & name_words(doc)), doc) for doc in unique]
    best = max((count for count, _ in counts), default=0)
    return [doc for count, doc in counts if best and count == best]


def _words(text: str) -> frozenset[str]:
    """The folded words of `text`, numbers and single letters aside."""
    return frozenset(w for w in _WORD.findall(fold(text)) if len(w) > 1 and not w.isdigit())


def names_only_place(question: str, documents: Iterable[Document]) -> bool:
    """Whether `question` names nothing but a place: its words are question, frame or stop
    words, place or section cues, or words of the `documents`' names."""
    ignored = _ignored()
    named = frozenset().union(*(name_words(document) for document in documents))
    return all(word in ignored or word in named for word in _words(question))


def _ignored() -> frozenset[str]:
    """The words a question naming a place may write beside it: question, frame, stop words,
    place and section cues, and `place_verbs` (folded)."""
    lists = ("interrogatives", "frame_words", "contents_asks", "page_cues", "section_cues")
    return stopwords().union(*(language_words(name) for name in (*lists, "place_verbs")))


def on_place(bank: SentenceBank, index: int, doc_id: str, page: int) -> bool:
    """Whether the bank's sentence `index` starts on `page` of document `doc_id`."""
    sentence = bank.sentences[index]
    return sentence.doc_id == doc_id and bank.documents[doc_id].page_at(sentence.start) == page


def opening(
    bank: SentenceBank,
    candidates: Sequence[int],
    place: Iterable[int],
    page: int | None = None,
    cue: str | None = None,
) -> int | None:
    """The opening body sentence of a place (the bank's sentences `place`) among its
    `candidates`: with a `page`, the first after the first heading line on it, else the first
    none before runs into; without, the first under a heading named alike (`cue`: the place
    word asked, `_named_alike`). None when no candidate is one."""
    chosen = set(candidates)
    ordered = sorted(
        set(place) | chosen, key=lambda n: (bank.sentences[n].doc_id, bank.sentences[n].start)
    )
    body = [n for n in ordered if n in chosen and _body(bank, n) and _named_alike(bank, n, cue)]
    if page is not None:
        headed = [bank.sentences[n].start for n in ordered if _heading(bank, n)]
        after = [n for n in body if headed and bank.sentences[n].start > headed[0]]
        body = after or [n for n in body if not _runs_on(bank, n)]
    return body[0] if body else None


def _body(bank: SentenceBank, index: int) -> bool:
    """Whether the bank's sentence `index` is body text: no heading, contents or index line, no
    table frame nor boilerplate, at least BODY_MIN characters."""
    text = bank.text(index).strip()
    facts = bank.facts(index)
    if len(text) < BODY_MIN or facts.table_frame or facts.boilerplate:
        return False
    return not _heading(bank, index) and not numbers_only_places(text)


_HEADING_WORD = re.compile(r"[\W_]*([^\W\d_]+)?[\W_]*\d")
"""A heading's word before its opening number ("ANNEXE 2 – …": "ANNEXE"; "6.3 …": none)."""
KIND_PREFIX = 4
"""A heading's word and an asked place word name the same kind of part when they share this
many first letters ("annex" and "annexe", "chapter" and "chapitre")."""


def _named_alike(bank: SentenceBank, index: int, cue: str | None) -> bool:
    """Whether the heading the bank's sentence `index` stands right under names its part as the
    place word `cue` does, or names no kind before its number ("6.3 Reserves policy"): "annexe
    2" is not "Article 2 – Durée". True without a `cue` or a heading."""
    if cue is None or cue == "§":
        return True
    heading = _heading_over(bank, index)
    found = _HEADING_WORD.match(fold(heading)) if heading else None
    word = found.group(1) if found else None
    return word is None or word[:KIND_PREFIX] == cue[:KIND_PREFIX]


def _heading_over(bank: SentenceBank, index: int) -> str | None:
    """The heading the bank's sentence `index` stands right under (chunking.section_of)."""
    sentence = bank.sentences[index]
    chunk = bank.chunks[sentence.chunk_index]
    return section_of(bank.documents[sentence.doc_id].text, chunk, sentence.start)


def _heading(bank: SentenceBank, index: int) -> bool:
    """Whether the bank's sentence `index` is the heading it stands under."""
    heading = _heading_over(bank, index)
    text = bank.text(index).strip(" #*-:\n")
    return heading is not None and text == heading.strip(" #*-:")


def _runs_on(bank: SentenceBank, index: int) -> bool:
    """Whether the bank's sentence `index` goes on from the page before: it opens with a
    lowercase letter."""
    text = bank.text(index).lstrip()
    return text[:1].islower()


def holds_place_section(question: str, bank: SentenceBank, hits: Sequence[Hit]) -> bool:
    """Whether `question` asks a section by a place word (`asks_place_section`) that a title
    line of a document of the `hits` opens with (numbered_sections.section_numbers): "chapter
    7" of a report headed "7. Governance" is asked though its text never writes "chapter"."""
    if not asks_place_section(question):
        return False
    doc_ids = dict.fromkeys(hit.chunk.doc_id for hit in hits)
    return any(_numbers_asked(question, bank.documents[doc_id]) for doc_id in doc_ids)


def _numbers_asked(question: str, document: Document) -> bool:
    """Whether a title line of `document` opens with a number `question` asks, or one under
    it ("2.1 Reserves policy" for "chapter 2": numbered_sections.holds)."""
    asked = [number.number for number in asked_numbers(question)]
    titles = section_numbers(document, clauses=False)
    return any(holds(title, number) for title in titles for number in asked)


def with_section_opening(hits: list[Hit], bank: SentenceBank, question: str) -> list[Hit]:
    """The `hits` (best first) with, first, the chunk holding the opening body sentence of the
    section `question` asks, in the first passage's document that numbers a section so
    (numbered_sections.section_numbers), when none of them holds it: a passage further into the
    section outranks its opening ("section 6.3" quoted a filler sentence of page 55), and
    another document's passages outrank the section ("chapter 4" quoted a chat message)."""
    doc_ids = dict.fromkeys(hit.chunk.doc_id for hit in hits)
    numbered = (d for d in doc_ids if _numbers_asked(question, bank.documents[d]))
    doc_id = next(numbered, None)
    if doc_id is None:
        return hits
    chunks = [(number, chunk) for number, chunk in enumerate(bank.chunks) if chunk.doc_id == doc_id]
    lines = _numbered_lines(bank.documents[doc_id].text, question)
    for at, (number, chunk) in enumerate(chunks):
        near = any(chunk.start <= line < chunk.end for line in lines) or (
            at > 0
            and any(chunks[at - 1][1].start <= line < chunks[at - 1][1].end for line in lines)
        )  # a heading ending a chunk: its first sentence opens the next one
        if near and _opens_section(bank, chunk, question):
            if any(hit.chunk_index == number for hit in hits):
                return hits
            return [Hit(chunk=chunk, chunk_index=number, score=hits[0].score), *hits[:-1]]
    return hits


def _numbered_lines(text: str, question: str) -> list[int]:
    """Where the lines of `text` open with a number `question` asks, or one under it, after
    marks and at most one word ("## 6.3 …", "ANNEXE 2 – …", "6.3.1 …"): the only places a
    section's opening can follow, so that no other passage of a long document is read."""
    numbers = "|".join(re.escape(asked.number) for asked in asked_numbers(question))
    if not numbers:
        return []
    line = re.compile(rf"(?m)^[^\w\n]*(?:[^\W\d_]+\.?[^\S\n]+)?({numbers})(?![\d])")
    return [found.start(1) for found in line.finditer(text)]


def _opens_section(bank: SentenceBank, chunk: Chunk, question: str) -> bool:
    """Whether a body sentence of `chunk` stands under the section `question` asks, under a
    heading named alike (`_named_alike`)."""
    indices = bank.in_chunk(chunk)
    under = standing_under(question, bank, indices)
    cue = place_cue(question)
    return any(
        standing and _body(bank, n) and _named_alike(bank, n, cue)
        for n, standing in zip(indices, under, strict=True)
    )
