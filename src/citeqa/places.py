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
  longest has 66 pages."), or when the page holds no text (a blank page), but only when it
  names the document or nothing but the page (`asked_place`): "How do I fix the page 404
  error?" and "Smith 2020, p. 53" are read as though no page were asked;
- the passages read are that page's chunks, and the quote is chosen among the sentences that
  start on it (`on_place`); the answer models' refusal does not hold (AskedPlace.waives_models)
  for a question naming nothing but the page, nor for one whose other words the page all
  writes: the models judge the question's words, and "page 12" shares none with its page;
  "What is the capital of Mongolia on page 2?" is judged as any question;
- a question naming nothing but its place (`names_only_place`: beyond the place, only
  question, frame and stop words, `place_verbs`, and words of the documents' names) is
  answered by the place's opening body sentence (`opening`): the first body sentence under
  the first heading that starts on the page, else the page's first body sentence (one that no
  sentence of the page before runs into); for a section asked by a place word (language data
  `place_cues`, a subset of `section_cues`: not "article", "version", "ticket", which name
  records), the first body sentence standing under it whose heading names its part alike
  (`_named_alike`: "annexe 2" is not "Article 2 – Durée"), its passage brought into those
  read when none holds it (`with_section_opening`), and no refusal of the models when a
  document read numbers a title line so, or any line for a number of parts
  (`AskedPlace.held`: "chapter 7" of a report headed "7. Governance" never writes
  "chapter"; "section 6.3" is the clause "6.3 Invoices are paid …" under "Article 6"); such a
  question skips the check of its words before the search (AskedPlace.waives_refusal), so
  "chapter 12" that no document numbers says so (numbered_sections.unheld_section), not that
  the documents never write "chapter". The place asked, and whether the question names
  nothing else, are worked out once (`asked_place`) against the documents of the passages
  ranked. A heading, a contents or index line
  (sentences.numbers_only_places), a line shorter than BODY_MIN is no body sentence. A
  question with other words ("What does section 6.3 say about reserves?") keeps the rankers'
  choice among the place's sentences.

No I/O; the cue words are language data.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from citeqa.chunking import section_of
from citeqa.document_names import name_words, naming_words
from citeqa.glossary import fold, language_words
from citeqa.lexical import stopwords
from citeqa.models import Chunk, Document, Hit
from citeqa.numbered_sections import asked_numbers, holds, section_numbers, standing_under
from citeqa.sentences import SentenceBank, numbers_only_places

__all__ = [
    "AskedPlace",
    "MissingPage",
    "PagePlace",
    "asked_page",
    "asked_place",
    "names_only_place",
    "on_place",
    "opening",
    "page_place",
    "place_cue",
    "place_hits",
    "place_rows",
    "with_section_opening",
]

_PAGE = re.compile(r"(?<![\w.,])([^\W\d_]+)(\.\s*|\s+)([-\u2212]?\d{1,5})(?![\w/-]|[.,]\d)")
"""A word, a period or blanks, and a whole number, signed or not ("page 53", "p. 53", "page
-1": no document has it); glued, none ("p53" is a protein, "p95" a latency)."""
_RAISED = str.maketrans(dict.fromkeys("⁰¹²³⁴⁵⁶⁷⁸⁹₀₁₂₃₄₅₆₇₈₉", "^"))
"""Superscript and subscript digits, which folding would read as digits ("page ³" is no page 3:
a note's mark)."""
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
    named: bool = False
    """Whether the question names the document (`title`) in the name it writes after the page."""


@dataclass(frozen=True)
class AskedPlace:
    """The place a question asks, worked out once against the documents read: its page
    (`page_place`, None when it asks none a document has), whether it asks a section by a place
    word (`section`), and whether it names nothing but its place (`only`, `names_only_place`)."""

    page: PagePlace | None
    section: bool
    only: bool
    held: bool
    """Whether a document read numbers a title line with the section asked (`_numbered_in`:
    "chapter 7" of a report headed "7. Governance" is asked though its text never writes
    "chapter")."""
    written_there: bool = False
    """Whether the asked page writes every other word the question names ("What does page 2 say
    about reserves?"; `_written_on_page`)."""
    cue: str | None = None
    """The place word before the number asked as a section (`place_cue`), parsed once."""

    @property
    def waives_refusal(self) -> bool:
        """Whether the question names nothing but a page a document has or a section by a place
        word: the place is asked, its cue need not be written ("chapter 12"), so the question's
        words are not checked before the search (abstention.before_search)."""
        return self.only and (self.page is not None or self.section)

    @property
    def waives_models(self) -> bool:
        """Whether the answer models' refusal does not hold: they judge the question's words,
        which a place asked ("page 12", "chapter 7") need not share with its text; so for a
        question naming nothing but a page a document has or a section a document numbers, or
        a page that writes every other word the question names. "What is the capital of
        Mongolia on page 2?" is judged as any question."""
        held = self.only and (self.page is not None or self.held)
        return held or (self.page is not None and self.written_there)


def asked_place(
    question: str, bank: SentenceBank, ranked: Sequence[Hit], limit: int
) -> AskedPlace | MissingPage:
    """The place `question` asks among the documents of the `ranked` passages (see the module
    docstring), or the MissingPage it abstains on: a page missing counts only when the question
    names its document or names nothing but the page ("How do I fix the page 404 error?" and
    "Smith 2020, p. 53" are read as though no page were asked)."""
    page, cue = asked_page(question), place_cue(question)
    if page is None and cue is None:
        return AskedPlace(None, section=False, only=False, held=False)
    read = [bank.documents[doc_id] for doc_id in dict.fromkeys(h.chunk.doc_id for h in ranked)]
    place = None if page is None else page_place(question, page, bank, ranked, limit)
    if isinstance(place, PagePlace):
        read.append(bank.documents[place.doc_id])
    only = names_only_place(question, read)
    if isinstance(place, MissingPage):
        if only or (place.named and not _written_unpaged(place, ranked)):
            return place
        place = None
    section = place is None and cue is not None
    held = section and _numbered_in(question, bank, ranked)
    written = place is not None and _written_on_page(question, place, read)
    return AskedPlace(place, section, only, held, written, cue)


def _written_unpaged(place: MissingPage, ranked: Sequence[Hit]) -> bool:
    """Whether the missing page `place` is of a document not divided into pages (or of none)
    and a passage `ranked` writes that page itself ("On page 3 of the setup wizard, enter …"):
    the question asks that passage's page, not the document's, so no abstention. A document
    named after a page it lacks otherwise abstains as for "page 99999"."""
    return place.most == 0 and any(place.page in _written_pages(hit.chunk.text) for hit in ranked)


def _written_on_page(question: str, place: PagePlace, documents: list[Document]) -> bool:
    """Whether the passages of the asked page (`place`) write every word `question` names
    beyond its place (the words `names_only_place` sets aside, and the `documents`' names)."""
    named = frozenset().union(*(name_words(document) for document in documents))
    rest = _words(question) - _ignored() - named
    written = frozenset().union(*(_words(hit.chunk.text) for hit in place.hits))
    return bool(rest) and rest <= written


def asked_page(question: str) -> int | None:
    """The page `question` asks by a page cue before a whole number ("page 53", "p. 53", "à la
    page 12"), or None; a one-letter cue only with its period ("p 53", "p53" name proteins).
    A page 0 or below is asked too: no document has it (`page_place`)."""
    return next(_written_pages(question), None)


def _written_pages(text: str) -> Iterator[int]:
    """The pages `text` writes by a page cue before a whole number, in order (`asked_page`)."""
    cues = language_words("page_cues")
    for found in _PAGE.finditer(fold(text.translate(_RAISED))):
        cue, between, number = found.groups()
        abbreviated = len(cue) == 1  # "p" only with its period: "p 53" may name a protein
        if cue in cues and not (abbreviated and "." not in between):
            yield int(number.replace("\u2212", "-"))


def place_cue(question: str) -> str | None:
    """The place word (language data `place_cues`, folded) before the first number `question`
    asks as a section for certain, or None when no such number follows one."""
    cues = language_words("place_cues")
    for asked in asked_numbers(question):
        cue = _cue_before(question, asked.number)
        if asked.cued and cue in cues:
            return cue
    return None


_CUE_END = re.compile(r"(§|[^\W\d_]+)[^\w§]{0,3}$")
"""A word or "§" ending a text, at most three marks or blanks after it ("section ", "le § ")."""


def _cue_before(question: str, number: str) -> str:
    """The folded word or "§" written right before `number` in `question` ("" for none): "§"
    though a word stands before it ("What does § 6.3 say?"), and the number may end the
    sentence ("See section 4.")."""
    for found in re.finditer(r"(?<![\w.])" + re.escape(number) + r"(?!\d|\.\d)", question):
        cue = _CUE_END.search(question[: found.start()])
        if cue:
            return fold(cue.group(1))
    return ""


def page_place(
    question: str, page: int, bank: SentenceBank, ranked: Sequence[Hit], limit: int
) -> PagePlace | MissingPage:
    """The place of the asked `page` (see the module docstring): its document's chunks on that
    page as hits (at most `limit`, in reading order, scored as the best of `ranked`), or the
    MissingPage when the document the question names lacks it, no document has it, or it
    holds no text."""
    longest = max((_pages(doc) for doc in bank.documents.values()), default=0)
    if page < 1:
        return MissingPage(page, longest)
    paged = [doc for doc in bank.documents.values() if _pages(doc) >= page]
    ranked_documents = [
        bank.documents[doc_id] for doc_id in dict.fromkeys(h.chunk.doc_id for h in ranked)
    ]
    named = _named_documents(question, [*ranked_documents, *paged])
    if named and not any(_pages(doc) >= page for doc in named):
        return MissingPage(page, max(_pages(doc) for doc in named), named[0].title, named=True)
    if not paged:
        return MissingPage(page, longest)
    holding = [doc for doc in [*named, *ranked_documents] if _pages(doc) >= page]
    document = holding[0] if holding else paged[0]
    starts = document.page_starts or []
    start, end = starts[page - 1], starts[page] if page < len(starts) else len(document.text)
    score = ranked[0].score if ranked else 1.0
    chunks = ((number, bank.chunks[number]) for number in bank.chunks_of(document.doc_id))
    hits = [
        Hit(chunk=chunk, chunk_index=number, score=score)
        for number, chunk in chunks
        if chunk.start < end and chunk.end > start
    ]
    if not document.text[start:end].strip() or not hits:
        return MissingPage(
            page, _pages(document), document.title, named=document in named, blank=True
        )
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


@cache
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
    heading = heading_over(bank, index)
    found = _HEADING_WORD.match(fold(heading)) if heading else None
    word = found.group(1) if found else None
    return word is None or word[:KIND_PREFIX] == cue[:KIND_PREFIX]


def heading_over(bank: SentenceBank, index: int) -> str | None:
    """The heading the bank's sentence `index` stands right under (chunking.section_of); also
    answering's, for speakers and sections."""
    sentence = bank.sentences[index]
    chunk = bank.chunks[sentence.chunk_index]
    doc = bank.documents[sentence.doc_id]
    return section_of(doc.text, chunk, sentence.start, doc.latex)


def _heading(bank: SentenceBank, index: int) -> bool:
    """Whether the bank's sentence `index` is the heading it stands under."""
    heading = heading_over(bank, index)
    text = bank.text(index).strip(" #*-:\n")
    return heading is not None and text == heading.strip(" #*-:")


def _runs_on(bank: SentenceBank, index: int) -> bool:
    """Whether the bank's sentence `index` goes on from the page before: it opens with a
    lowercase letter."""
    text = bank.text(index).lstrip()
    return text[:1].islower()


def _numbered_in(question: str, bank: SentenceBank, hits: Sequence[Hit]) -> bool:
    """Whether a document of the `hits` numbers a line so (`_numbers_asked`) for a number
    `question` asks; the question's numbers parsed once for all of them."""
    asked = _asked_numbers(question)
    doc_ids = dict.fromkeys(hit.chunk.doc_id for hit in hits)
    return any(_numbers_asked(asked, bank.documents[doc_id]) for doc_id in doc_ids)


def _asked_numbers(question: str) -> list[str]:
    """The section numbers `question` asks (numbered_sections.asked_numbers), as written."""
    return [number.number for number in asked_numbers(question)]


def _numbers_asked(asked: list[str], document: Document) -> bool:
    """Whether a title line of `document` opens with a number of `asked` (a question's), or
    one under it ("2.1 Reserves policy" for "chapter 2": numbered_sections.holds), or for a
    number of parts ("6.3"), any numbered line: a clause "6.3 Invoices are paid …" under
    "Article 6" is section 6.3, where a list item "7. …" is no chapter 7."""
    titles = section_numbers(document, clauses=False)
    lines = section_numbers(document) if any("." in number for number in asked) else []
    return any(holds(title, number) for title in titles for number in asked) or any(
        line == number for line in lines for number in asked if "." in number
    )


def with_section_opening(
    hits: list[Hit], bank: SentenceBank, question: str, cue: str | None
) -> list[Hit]:
    """The `hits` (best first) with, first, the chunk holding the opening body sentence of the
    section `question` asks after the place word `cue` (`place_cue`), in the first passage's
    document that numbers a section so
    (numbered_sections.section_numbers), when none of them holds it: a passage further into the
    section outranks its opening ("section 6.3" quoted a filler sentence of page 55), and
    another document's passages outrank the section ("chapter 4" quoted a chat message)."""
    asked = _asked_numbers(question)
    doc_ids = dict.fromkeys(hit.chunk.doc_id for hit in hits)
    numbered = (d for d in doc_ids if _numbers_asked(asked, bank.documents[d]))
    doc_id = next(numbered, None)
    if doc_id is None:
        return hits
    chunks = [(number, bank.chunks[number]) for number in bank.chunks_of(doc_id)]
    lines = _numbered_lines(bank.documents[doc_id].text, asked)
    for at, (number, chunk) in enumerate(chunks):
        near = any(chunk.start <= line < chunk.end for line in lines) or (
            at > 0
            and any(chunks[at - 1][1].start <= line < chunks[at - 1][1].end for line in lines)
        )  # a heading ending a chunk: its first sentence opens the next one
        if near and _opens_section(bank, chunk, question, cue):
            if any(hit.chunk_index == number for hit in hits):
                return hits
            return [Hit(chunk=chunk, chunk_index=number, score=hits[0].score), *hits[:-1]]
    return hits


def _numbered_lines(text: str, asked: list[str]) -> list[int]:
    """Where the lines of `text` open with a number of `asked` (a question's), or one under
    it, after marks and at most one word ("## 6.3 …", "ANNEXE 2 – …", "6.3.1 …"): the only
    places a section's opening can follow, so that no other passage of a long document is
    read."""
    numbers = "|".join(re.escape(number) for number in asked)
    if not numbers:
        return []
    line = re.compile(rf"(?m)^[^\w\n]*(?:[^\W\d_]+\.?[^\S\n]+)?({numbers})(?![\d])")
    return [found.start(1) for found in line.finditer(text)]


def _opens_section(bank: SentenceBank, chunk: Chunk, question: str, cue: str | None) -> bool:
    """Whether a body sentence of `chunk` stands under the section `question` asks, under a
    heading named alike (`_named_alike`) to its place word `cue` (`place_cue`)."""
    indices = bank.in_chunk(chunk)
    under = standing_under(question, bank, indices)
    return any(
        standing and _body(bank, n) and _named_alike(bank, n, cue)
        for n, standing in zip(indices, under, strict=True)
    )


def place_hits(top: list[Hit], asked: AskedPlace, bank: SentenceBank, question: str) -> list[Hit]:
    """The passages read: the asked page's, or `top` with the opening of a section asked by a
    place word and nothing else first (`with_section_opening`)."""
    if asked.page is not None:
        return asked.page.hits or top
    if not top or not asked.section or not asked.only:
        return top
    return with_section_opening(top, bank, question, asked.cue)


def place_rows(
    indices: list[int], bank: SentenceBank, hits: list[Hit], question: str, asked: AskedPlace
) -> list[int] | None:
    """Which of the candidate sentences (the bank's `indices`, best first) a question asking a
    place keeps, by their rows: those starting on the asked page, or standing under the section
    asked by a place word, and of those only the place's opening body sentence (`opening`)
    when the question names nothing else and one is among them. None: all of them (no place
    asked, or none of them at the place)."""
    page = asked.page
    if page is not None:
        rows = [n for n, i in enumerate(indices) if on_place(bank, i, page.doc_id, page.page)]
    elif indices and asked.section:
        under = standing_under(question, bank, indices)
        rows = [n for n, standing in enumerate(under) if standing]
    else:
        return None
    if not rows:
        return None
    if not asked.only:
        return rows
    kept = [indices[n] for n in rows]
    number, cue = (None, asked.cue) if page is None else (page.page, None)
    first = opening(bank, kept, _place_sentences(bank, hits, page), number, cue)
    return rows if first is None else [indices.index(first)]


def _place_sentences(bank: SentenceBank, hits: list[Hit], page: PagePlace | None) -> list[int]:
    """The sentences of the passages read (`hits`) that start on the asked `page`, or all of
    them for a section (headings among them: answering.quotable set them aside)."""
    read = dict.fromkeys(n for hit in hits for n in bank.in_chunk(hit.chunk))
    if page is None:
        return list(read)
    return [n for n in read if on_place(bank, n, page.doc_id, page.page)]
