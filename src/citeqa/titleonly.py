"""Which candidate sentences are only a title or a lead-in: never quoted alone as an answer.

A sentence that is all of its document's title, or opens with it in the document's first lines
with no statement's end (a paper's title wrapped over two lines, or run on into its authors), of the
heading it stands under (or is), its
first line alone over a blank line ("systemctl(1)", a page's <h1>), or a running header line
("GIT-REBASE(1) Git Manual GIT-REBASE(1)": it opens and ends with one word), or a PDF page's
first line past the first page set larger than its text (a slide's title:
SentenceBank.page_heads), or a line written
as one (a deck's agenda naming its slides: "Pricing Timeline Risks" was quoted for "the risks
of the Contoso renewal" over the Risks slide) names what the text is about and answers nothing
(a sentence ending a statement, ".", "!", "…", is prose, even when a document with no title
line is titled by it); such a sentence still counts as evidence
and as context for the sentences under it, but the quote is chosen among the others (when
there are others: answering.quotable; so a heading stating an answer, "## Le tarif réduit est
de 12 €", is quoted only when no other candidate is left). So is a line that is only a page's
label, a footer or header numbering it ("Page 1/1", "- 4 -": language data `page_labels`;
"Page 1/1" was quoted for a hall's price in the s21 trial), and a line of reference links
alone ("[#993](https://…/issues/993)": markup.is_reference_link_line; quoted for "When was
attrs 23.1.0 released?" in the s24 trial). A lead-in, a sentence ending in a
colon ("The `sync status` command shows one of these states:", "Les tarifs sont les suivants :"),
announces what follows it and answers nothing alone either: a sentence ends in one only where a
line does and the next line does not carry it on, which until CUTTING_VERSION 6 made most such
lines headings (blocks._no_lead_in now keeps them prose). Pure functions over the index's
sentences.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import NamedTuple

from citeqa.blocks import reads_as_caption
from citeqa.chunking import section_of
from citeqa.domain import any_of, language_data
from citeqa.field_lines import field_label
from citeqa.framing_lines import framing_aside
from citeqa.glossary import fold, language_words
from citeqa.language import SENTENCE_ENDS, line_end, line_start
from citeqa.lexical import content_word_terms, query_tokens
from citeqa.markup import is_reference_link_line
from citeqa.models import Document
from citeqa.recently_used import QUESTIONS_READ, RecentlyUsed
from citeqa.sentences import ScoredSentence, SentenceBank
from citeqa.titles import running_header

__all__ = [
    "heads_section",
    "is_page_label",
    "named_bare_document",
    "names_only_the_title",
    "only_title",
    "title_words_written",
    "without_titles",
    "words_written",
]

_WORDS = re.compile(r"\w+")
"""A folded question's words, function words and elided ones ("qu") included."""
_MARKS = " \t\r\n#*_-=:"
"""Markup and punctuation around a heading that does not make it another heading."""
_BLANKS = re.compile(r"\s*")
"""The blanks opening a text, read without copying the text (`str.lstrip` copied a whole
document for each candidate sentence)."""
_STATEMENT_ENDS = (".", "!", "…")
"""How a statement ends: a sentence so ending is prose, whatever title or heading it also is (a
document with no title line is titled by its first sentence; a PDF's first line may be one)."""
_CLOSING = " \t\"'”’»)]"
"""Closing quotation marks and brackets after a statement's end ('"The fee is 40 euros."')."""
_EMPHASIS = " \t\r\n*_`"
"""Blanks and emphasis marks that may close a lead-in ("**Usage:**")."""
_FOOTNOTE_MARK = re.compile(r"(?<=[.!…])\d{1,2}$")
"""A footnote's mark after a statement's end ("… every new volunteer.1")."""


def only_title(bank: SentenceBank, index: int) -> bool:
    """Whether the sentence at `index` is only its document's title, its own heading or the
    heading it stands under, a running header line, or a lead-in (it ends in a colon); read
    once while the bank remembers it (SentenceBank.only_titles: the same for every question)."""
    return bank.only_titles.get(index, lambda: _only_title(bank, index))


def _only_title(bank: SentenceBank, index: int) -> bool:
    seen = _seen(bank, index)
    written, text = seen.written, seen.text
    if written.endswith(":"):
        return True  # a lead-in: what follows it answers
    if is_page_label(written):
        return True  # a page's footer or header: "Page 1/1" was quoted for a hall's price
    if is_reference_link_line(written):
        return True  # "[#993](https://…)": an issue's mark was quoted for a release's date
    if text.rstrip(_CLOSING).endswith(_STATEMENT_ENDS):
        return False  # a title derived from a first sentence is still that sentence's to quote
    if not text or running_header(text) or _titles_document(seen):
        return True
    if " ".join(written.split()) in bank.page_heads(seen.document.doc_id):
        return True  # a slide's title, or an agenda's line naming a slide
    return _section_heading(bank, index, text)


def heads_section(bank: SentenceBank, index: int) -> bool:
    """Whether the sentence at `index` is the heading of a section of its document (the heading
    it stands under or is, as `only_title` reads it), not its document's title, title line or
    title block, a running header, a page's label nor a lead-in: what it heads speaks for it
    (answering.quotable gives its place to the sentence under it; a paper's title heads its
    authors' line, no answer)."""
    seen = _seen(bank, index)
    written, text = seen.written, seen.text
    if not text or written.endswith(":") or is_page_label(written) or running_header(text):
        return False
    if _FOOTNOTE_MARK.sub("", text).rstrip(_CLOSING).endswith(_STATEMENT_ENDS):
        return False  # a statement, its footnote's mark aside ("… every new volunteer.1")
    return not _titles_document(seen) and _section_heading(bank, index, text)


class _Seen(NamedTuple):
    """A candidate sentence as `only_title` and `heads_section` read it."""

    document: Document
    start: int
    end: int
    written: str
    """Its text, blanks and emphasis marks closing it left out."""
    text: str
    """`written` read plain (`_plain`)."""


def _seen(bank: SentenceBank, index: int) -> _Seen:
    sentence = bank.sentences[index]
    document = bank.documents[sentence.doc_id]
    written = document.text[sentence.start : sentence.end].rstrip(_EMPHASIS)
    return _Seen(document, sentence.start, sentence.end, written, _plain(written))


def _titles_document(seen: _Seen) -> bool:
    """Whether the sentence `seen` (its text not empty) is its document's title, its title line
    (`_title_line`) or part of its title block (`_title_block`)."""
    document = seen.document
    return (
        _plain(document.title or "") == seen.text
        or _title_line(document.text, seen.start, seen.end)
        or _title_block(seen.text, document.title, seen.start, document.text)
        or (
            not document.titled_pages
            and _subtitle(seen.text, document.title, seen.start, document.text)
        )
    )


def _section_heading(bank: SentenceBank, index: int, text: str) -> bool:
    """Whether `text`, the sentence at `index` read plain, is the heading it stands under or
    is: its passage's section, or else the heading chunking.section_of reads over it (read
    only when the passage's differs)."""
    sentence = bank.sentences[index]
    chunk = bank.chunks[sentence.chunk_index]
    if chunk.section is not None and _plain(chunk.section) == text:
        return True
    doc = bank.documents[sentence.doc_id]
    document, latex = doc.text, doc.latex
    heading = section_of(document, chunk, sentence.start, latex)
    if heading is None or _plain(heading) != text:
        return False
    over = (
        section_of(document, chunk, sentence.start - 1, latex)
        if sentence.start > chunk.start
        else None
    )
    return not _states_value_of(text, over or chunk.section)


def _states_value_of(text: str, heading: str | None) -> bool:
    """Whether `text` (read plain), read as a heading, writes the `heading` it stands under
    then a colon (French spacing too: "… : 2026-03-17", s28 review G) and a value: a calendar's
    "Oral blanc d'anglais: 2026-03-17 08:00, B006"
    under "## Oral blanc d'anglais" is its section's statement, no heading (s28 trial: it was
    left out of the quote and another event's line quoted for the oral's date)."""
    if heading is None:
        return False
    label = _plain(heading)
    return bool(label) and re.match(re.escape(label) + r"\s*:\s*\S", text) is not None


def is_page_label(line: str) -> bool:
    """Whether `line` is only a page's label, a footer or header numbering it ("Page 1/1",
    "Page 3 of 12", "p. 2", "- 4 -": the language data's `page_labels`, read folded)."""
    return _page_labels().search(fold(line)) is not None


@cache
def _page_labels() -> re.Pattern[str]:
    patterns = language_data().page_labels
    return any_of(patterns)


def without_titles(bank: SentenceBank, items: list[ScoredSentence], focus: str = "") -> list[int]:
    """The positions in `items` of the sentences that are not only a title (`only_title`) nor,
    unless the question (`focus`) writes a caption's label ("What does Figure 4.2 show?"), a
    figure's or table's caption (`caption_aside`: "Figure 3.1 Boreholes drilled per quarter …
    and average depth in metres (line)" names what a figure shows, and was quoted for "How deep
    were the new boreholes on average?" over "The average depth was 84 metres"), nor a framing
    line the question does not ask for (`_framing_aside`) while a remaining candidate writes as
    many of its content words (`_framing_set_aside`)."""
    captions = not set(_WORDS.findall(fold(focus))) & language_words("caption_labels")
    kept = [
        number
        for number, item in enumerate(items)
        if not only_title(bank, item.index)
        and not (captions and caption_aside(bank, item.index, focus))
    ]
    aside = _framing_set_aside(bank, [items[number].index for number in kept], focus)
    return [number for number, framing in zip(kept, aside, strict=True) if not framing]


def _framing_set_aside(bank: SentenceBank, indexes: list[int], focus: str) -> list[bool]:
    """For each sentence at `indexes`, whether it is set aside as a framing line: one the
    question does not ask for (`_framing_aside`), when another sentence, no framing line, writes
    at least as many of the question's content words ("Subject: Office move" stays for "When
    does the office move?" when no body sentence writes "office" and "move")."""
    framing = [_framing_aside(bank, index, focus) for index in indexes]
    if not any(framing):
        return framing
    counts = [_stems_written(bank.text(index), focus) for index in indexes]
    best = max((n for n, aside in zip(counts, framing, strict=True) if not aside), default=-1)
    return [aside and n <= best for n, aside in zip(counts, framing, strict=True)]


@lru_cache(maxsize=QUESTIONS_READ)
def _stems_written(sentence: str, focus: str) -> int:
    """How many of the question's (`focus`) content words `sentence` itself writes (its own
    words, not its heading's), each read as lexical.query_tokens stems it."""
    written = frozenset(query_tokens(sentence))
    return sum(1 for stems in _asked_stems(focus) if not written.isdisjoint(stems))


def _framing_aside(bank: SentenceBank, index: int, focus: str) -> bool:
    """Whether the sentence at `index` is a framing line the question does not ask for
    (framing_lines.py: a letter's subject line, greeting or closing, a contact, attendance,
    contents or folder line)."""
    sentence = bank.sentences[index]
    return framing_aside(bank.documents[sentence.doc_id].text, sentence.start, sentence.end, focus)


CAPTION_WORDS_UNSHARED = 1
"""How many of the question's content words a caption may lack and still answer it ("Quelle
carte montre les puits taris ?" of "Figure 4 Carte des forages …, avec les puits taris en
rouge": all but "montre")."""


def caption_aside(bank: SentenceBank, index: int, focus: str) -> bool:
    """Whether the sentence at `index` is a caption set aside as no answer to the question
    `focus`: a whole line of its own that reads as a caption (blocks.reads_as_caption, never a
    body sentence such as "Figure 3 shows that …"), which the question does not ask about
    (it lacks more than CAPTION_WORDS_UNSHARED of the question's content words, at least two
    of which it must share)."""
    if not bank.caption_lines.get(index, lambda: _caption_line(bank, index)):
        return False
    shared = words_written(bank, index, focus)
    return shared < 2 or len(_asked_stems(focus)) - shared > CAPTION_WORDS_UNSHARED


def _caption_line(bank: SentenceBank, index: int) -> bool:
    """Whether the sentence at `index` fills its line and reads as a caption
    (blocks.reads_as_caption): `caption_aside`'s part that is the same for every question."""
    sentence = bank.sentences[index]
    text = bank.documents[sentence.doc_id].text
    if not _whole_line(text, sentence.start, sentence.end):
        return False
    return reads_as_caption(text[sentence.start : sentence.end].strip())


def words_written(bank: SentenceBank, index: int, focus: str) -> int:
    """How many of the question's (`focus`) content words the sentence at `index` writes, each
    read as lexical.query_tokens stems it."""
    written = bank.tokens[index]
    return sum(1 for stems in _asked_stems(focus) if not written.isdisjoint(stems))


def title_words_written(bank: SentenceBank, index: int, focus: str) -> int:
    """How many of the question's (`focus`) content words the title of the document of the
    sentence at `index` writes, each read as `words_written` reads a sentence's: a document
    titled "Temporary exhibition" is about the exhibition in each of its sentences, and its
    "From 14 March to 31 August 2027, the museum shows 85 paintings" states when the exhibition
    ends though it never writes "exhibition" (s61 trial: "When does the exhibition end?" quoted
    the catalogue's price, a sentence writing the word, over it)."""
    title = _title_tokens(bank.documents[bank.sentences[index].doc_id].title)
    return sum(1 for stems in _asked_stems(focus) if not title.isdisjoint(stems))


@lru_cache(maxsize=QUESTIONS_READ)
def _title_tokens(title: str) -> frozenset[str]:
    """The terms of a document's `title` as lexical.query_tokens reads them, read once a title
    (for the last QUESTIONS_READ titles)."""
    return frozenset(query_tokens(title))


@lru_cache(maxsize=QUESTIONS_READ)
def _asked_stems(focus: str) -> tuple[frozenset[str], ...]:
    """The stems of each of the question's (`focus`) content words (lexical.content_words,
    query_tokens), read once for every candidate sentence weighed against it (for the last
    QUESTIONS_READ questions)."""
    return tuple(terms for _, terms in content_word_terms(focus))


def _whole_line(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] fills its line, blanks aside."""
    return (
        not text[line_start(text, start) : start].strip()
        and not text[end : line_end(text, end)].strip()
    )


def named_bare_document(bank: SentenceBank, doc_id: str, asked: frozenset[str], focus: str) -> bool:
    """Whether the document `doc_id` holds nothing but title lines (every sentence `only_title`:
    "# À classer", a note never written past its heading) and the question names it and only
    it: every token of those lines is among `asked`, the tokens the question's terms count as,
    and the question (its `focus`) adds nothing else to them (`names_only_the_title`). Such a
    question is about that document, which says nothing more; a one-line document saying more
    than the question asks ("Deadline: 1 March 2025" for "What is the deadline?") is not named
    whole, and a question asking more than the title ("Read the README notes", "Where are the
    notes?" of a note "# Notes") is left to the answer models."""
    numbers, _ = bank.sentences.in_document(doc_id)
    if not numbers or not all(only_title(bank, number) for number in numbers):
        return False
    written = frozenset().union(*(bank.tokens[number] for number in numbers))
    return bool(written) and written <= asked and names_only_the_title(focus, written)


def names_only_the_title(focus: str, written: frozenset[str]) -> bool:
    """Whether the question `focus` asks nothing but what a document titled with the tokens
    `written` holds: each of its content words is one of the title's (stemmed either way, as
    lexical.query_tokens asks), a frame word ("document", "dit") or one asking for contents
    ("contient", "what": language data `contents_asks`), and its only question words ask for
    contents ("Que contient « À classer » ?"; "Where are the notes?" asks a place)."""
    allowed = language_words("frame_words") | language_words("contents_asks")
    asking = set(_WORDS.findall(fold(focus))) & language_words("interrogatives")
    if not asking <= allowed:
        return False
    return all(
        word in allowed or not written.isdisjoint(terms)
        for word, terms in content_word_terms(focus)
    )


TITLE_BLOCK_MIN = 20
"""A document's title opens a title block only when at least this long ("Rapid loop-mediated
isothermal amplification (LAMP) detection"): a short one ("Notes") opens prose too."""


def _title_block(text: str, title: str | None, start: int, document: str) -> bool:
    """Whether a sentence (`text`, plain) with no statement's end is part of the title block
    opening its document (a journal's header line over it at most): it opens with the title, as
    a title wrapped over two lines does past the title read from its first line ("Temperature
    limits for growth of Zymoseptoria tritici isolates" over "from four European countries"),
    or a title run on into its authors' line ("… in wheat grain Lena Hartmann(1), …")."""
    plain_title = _plain(title or "")
    if len(plain_title) < TITLE_BLOCK_MIN or not text.startswith(plain_title):
        return False
    return start <= _title_block_end(document)  # under a journal's header line at most


def _title_block_end(document: str) -> int:
    """Where the second line of `document` after its opening blanks ends (its length when it
    has no more lines): a title block starts no later. Read once a document while
    TITLE_BLOCKS_KEPT are kept: counting the lines before each sentence of a one-line document
    of 1,000,000 words took 13 s a question (s50 probe; benchmarks/title_block_cost.py)."""
    return _TITLE_BLOCK_ENDS.get(
        (len(document), hash(document)), lambda: _second_line_end(document)
    )


def _second_line_end(document: str) -> int:
    opening = _BLANKS.match(document).end()  # type: ignore[union-attr]  # r"\s*" always matches
    first = document.find("\n", opening)
    second = -1 if first < 0 else document.find("\n", first + 1)
    return len(document) if second < 0 else second


TITLE_BLOCKS_KEPT = 64
"""How many documents' title block ends are kept (`_title_block_end`)."""
_TITLE_BLOCK_ENDS: RecentlyUsed[tuple[int, int], int] = RecentlyUsed(TITLE_BLOCKS_KEPT)


SUBTITLE_WORDS = 4
"""The most words of a line right under a document's title line that is part of its title
block ("Paracétamol" under "DOLIPRANE 1000 mg, comprimé"; a tagline is longer)."""


def _subtitle(text: str, title: str | None, start: int, document: str) -> bool:
    """Whether a sentence (`text`, plain) with no statement's end, of at most SUBTITLE_WORDS
    words, is the whole line right under its document's first line, that line being its title:
    a leaflet's active substance under the medicine's name ("Paracétamol" was quoted for "Quel
    est le délai entre deux prises de Doliprane ?", s49). Not read in a deck (a PDF of titled
    pages): its title slide's line under the title is the slide's text (test_pdf_decks). Nor
    a field line (field_lines.field_label): "Booking reference: QX7M2L" under "BOOKING
    CONFIRMATION — Aurelia Airways" is the booking's first fact, and was left out of "What is
    the booking reference?" (s59 trial)."""
    if not title or len(text.split()) > SUBTITLE_WORDS or start == 0 or document[start - 1] != "\n":
        return False
    opening = _BLANKS.match(document).end()  # type: ignore[union-attr]  # r"\s*" always matches
    if document.rfind("\n", 0, start - 1) + 1 > opening:
        return False  # the line above is not the document's first
    end = document.find("\n", start)
    end = len(document) if end < 0 else end
    if field_label(document, start, end) is not None:
        return False  # a field: "Booking reference: QX7M2L" under a confirmation's title
    return (
        _plain(document[opening : start - 1]) == _plain(title)
        and _plain(document[start:end]) == text
    )


def _title_line(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is the document's first line, alone over a blank line, with no
    sentence's end: its title as a page shows it ("systemctl(1)", an HTML page's <h1>)."""
    opening = _BLANKS.match(text).end()  # type: ignore[union-attr]  # r"\s*" always matches
    after = text[end : end + 4].replace("\r", "")[:2]
    return (
        start == opening
        and after in ("\n\n", "\n", "")
        and text[end - 1 : end] not in SENTENCE_ENDS
    )


def _plain(text: str) -> str:
    """Text compared as a title: single spaces, no surrounding markup, case folded."""
    return " ".join(text.strip(_MARKS).split()).casefold()
