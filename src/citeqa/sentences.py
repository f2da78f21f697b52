"""Scoring the sentences of retrieved passages as answers to a question.

A sentence scores on meaning (the answer channel's vectors, computed at build time), on how
much of the question's key terms it covers (IDF-weighted, both languages, glossary equivalents)
alone and with the lines just above it and its heading, on holding the kind of value asked for
(a percentage for a rate, a number for "how many"), and on its passage's rank. Headings, short
labels and definitions score less. Which questions ask for a number or a share, which sentences
define and which lines are labels is data (`SentenceRules`, from the language data and the
corpus's domain file: see domain.py). `SentenceBank` holds the index's sentences with their
vectors, tokens and rules, and remembers, within bounds, what is read of a sentence whatever the
question (its facts, its context in a passage, its stemmed words); reranking and answering both
score through one `QuestionScores` per question.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

import numpy as np

from citeqa.boilerplate import Boilerplate
from citeqa.domain import Domain, any_of, language_data
from citeqa.durations import asked_durations, holds_duration
from citeqa.editstamps import on_a_stamp_line
from citeqa.glossary import fold, language_words
from citeqa.language import is_table_row, is_table_separator
from citeqa.lexical import stopwords, tokenize
from citeqa.models import Chunk, Document, Hit, Sentence
from citeqa.ondemand import TokenSource, VectorSource
from citeqa.questions import QuestionTerms, question_words
from citeqa.recently_used import RecentlyUsed
from citeqa.sentencetable import SentenceTable
from citeqa.signing import is_signing_line
from citeqa.tables import (
    Reading,
    Rows,
    TableHeaders,
    is_table_frame,
    key_cell,
    key_cells,
    line_cells,
)
from citeqa.value_ranges import asked_amounts, asked_quantities, holds_any, holds_quantity

SEMANTIC_WEIGHT = 0.30
COVERAGE_WEIGHT = 0.35
CONTEXT_WEIGHT = 0.25
"""Coverage of the question by the sentence together with the lines just before it and its
heading: on slides, "56,2 %" answers because "Taux de réponse à S52" stands above it. Those
lines are its page's (SentenceBank.context_in): a slide deck's slide is not read with the one
before it (its title and agenda matched questions on the next slide once the footer between
them was dropped)."""
RANK_WEIGHT = 0.10
NUMBER_BONUS = 0.15
"""For questions asking a quantity: a sentence holding a number the question does not."""
HEADING_PENALTY = 0.6
"""Score factor for a sentence that is only a heading or a short label without a number."""
DEFINITION_PENALTY = 0.85
"""Score factor for a sentence that defines (methods, not results: "the primary end point was
defined as..."), unless the question asks about definitions."""
CONTEXT_SENTENCES = 2
SHORT_QUOTE = 60
"""A quote shorter than this is extended with the following lines of its passage."""
TABLE_DOCUMENTS = 64
"""Documents whose tables a bank keeps read (the least recently used first forgotten): each
keeps its document's text, so an open assistant must not keep every document a long chat
quoted (benchmarks/long_chat.py)."""
TABLE_ROWS = 20_000
"""Table rows whose header row a bank remembers."""
SENTENCE_FACTS = 10_000
"""Sentences whose `SentenceFacts` a bank remembers (about 770 bytes each with the text on
PubMedQA, and the folded copy adds about the text's length again); a question scores about
two hundred, mostly those the last ones scored."""
SECTIONS = 4096
"""Passage headings whose tokens are remembered (one cache for every bank: `_heading_tokens`
does not depend on the index)."""
SENTENCE_CONTEXTS = 4096
"""Sentences in a passage whose context a bank remembers (`SentenceBank.context_in`: the
sentences read with it, and their tokens with its own and the heading's; about 2.2 KB each, 9 MB
full): a question scores about 150 and the same passages come back from question to question;
reading them again was a third of the time of scoring a sentence."""
PLACE_TEXTS = 4096
"""Texts whose `numbers_only_places` is remembered (a sentence's own text, stripped of heading
marks for `_is_label`): scoring, labelling and the answer features read each candidate's up to
three times a question, and the same passages come back from question to question."""
SENTENCE_WORDS = 10_000
"""Sentences whose stemmed words in a language a bank remembers (`SentenceBank.words`, about
450 bytes each, 4.5 MB full): the answer features read them of every candidate sentence."""
PASSAGE_SENTENCES = 4096
"""Passages whose sentence numbers a bank remembers (`SentenceBank.in_chunk`, a tuple of a few
numbers each): reranking, answering and its checks list a passage's sentences about six times a
question (19,084 lists for the 314 asks of two rounds of the bundled questions, each rebuilding
the list from the sentence table), and the same passages come back from question to question."""

_PERCENT = re.compile(r"\d\s?%")


@dataclass(frozen=True)
class SentenceRules:
    """The data-given rules of sentence scoring, compiled (see domain.py for each field)."""

    quantity: re.Pattern[str]
    """Questions answered by a number ("how many", "combien")."""
    share: re.Pattern[str]
    """Questions answered by a percentage (rates, shares)."""
    definition: re.Pattern[str]
    """Sentences that define rather than report."""
    asks_definition: re.Pattern[str]
    """Questions that ask for a definition: the definition cues and the asking ones."""
    label: re.Pattern[str]
    """Lines that are labels, not values (matched whole)."""

    @classmethod
    def of(cls, domain: Domain) -> SentenceRules:
        return cls(
            any_of(domain.quantity_cues),
            any_of(domain.share_cues),
            any_of(domain.definition_cues),
            any_of(domain.definition_cues + domain.definition_question_cues),
            any_of(domain.label_patterns),
        )


@cache
def language_rules() -> SentenceRules:
    """The rules of the language data alone (a corpus without a domain file)."""
    return SentenceRules.of(language_data())


@functools.lru_cache(maxsize=SECTIONS)
def _heading_tokens(section: str, lang: str) -> frozenset[str]:
    return frozenset(tokenize(section, lang))


@dataclass(frozen=True)
class SentenceFacts:
    """What scoring reads of a sentence whatever the question, read once while the bank
    remembers it (SENTENCE_FACTS): its text, whether it is a table row or a table's frame,
    its numbers, whether it defines (SentenceRules.definition), whether it is boilerplate, an
    edit's stamp or a signing line."""

    text: str
    table_row: bool
    table_frame: bool
    """A markdown table's `|---|` rule or its header row (SentenceBank.is_table_frame)."""
    unnumbered: str
    """The text without a numbered list item's own number (`without_list_number`: "2. Click
    New rule." → "Click New rule."; the text itself when it opens with none)."""
    unnumbered_folded: str
    """`unnumbered` folded (the folded text itself when it opens with no list number)."""
    numbers: frozenset[str]
    """The numbers `unnumbered` writes ("2. Click New rule." writes none a question asks)."""
    defines: bool
    folded: str
    """The text folded (glossary.fold), as the definition rule and the answer features read it."""
    boilerplate: bool
    """Mostly made of lines repeated across the corpus (boilerplate.Boilerplate.covers)."""
    edit_stamp: bool
    """Standing on a line stamping an edit ("Updated March 3, 2026 · 2 min read":
    editstamps.on_a_stamp_line): quoted only for a question about edits, and alone."""
    signing: bool
    """A line closing a signed document with where and when ("Fait à Lyon, le 2 décembre
    2025.": signing.is_signing_line): quoted only for a question asking that, and alone."""
    label_text: str = ""
    """`unnumbered` without the marks around a heading or a label (" #*-:"), as `_is_label`
    compares it with its passage's heading."""
    label_shaped: bool = False
    """`label_text` is a line the rules call a label, or a numbered heading or a contents
    line (`numbers_only_places`): `_is_label`'s question-free part."""


@dataclass(frozen=True)
class ScoredSentence:
    """A candidate sentence with its score and where it came from."""

    index: int
    score: float
    semantic: float
    coverage: float
    context: float
    passage_rank: int
    names_key: bool = False
    """Whether the sentence is a table row whose key column's cell the question names
    (QuestionTerms.keys, tables.key_cells): a row the question looks up
    (answering.looked_up)."""
    numbered_key: bool = False
    """Whether the sentence is a table row whose row number (a cell before its key column,
    tables.key_cells) is a key the question names: `| 2 | 500 |` for "exit code 2",
    a row the question does not look up though it holds the number."""
    names_word_key: bool = False
    """Whether the sentence is a table row whose key column's cell is words the question writes
    whole ("payments", "Umbrella Health", "feature-flags": `names_words`), no number or
    identifier for QuestionTerms.keys: a row the question may look up (answering.looked_up
    takes it within the best candidate's table only)."""


class SentenceBank:
    """The index's sentences with their vectors and token sets, ready for scoring."""

    def __init__(
        self,
        documents: Mapping[str, Document],
        chunks: Sequence[Chunk],
        sentences: Sequence[Sentence],
        vectors: VectorSource | None,
        tokens: TokenSource,
        rules: SentenceRules | None = None,
        boilerplate: Boilerplate | None = None,
    ) -> None:
        self.documents, self.chunks = documents, chunks
        self.rules = rules if rules is not None else language_rules()
        self.boilerplate = boilerplate or Boilerplate()
        """The lines the build found repeated across the corpus (boilerplate.py)."""
        self.sentences = (
            sentences
            if isinstance(sentences, SentenceTable)
            else SentenceTable.of(sentences, list(documents))
        )
        self.vectors, self.tokens = vectors, tokens
        # The caches hold functions of the documents and sentences, never of `self`: a bound
        # method in them would be a reference cycle keeping the bank (and through `tokens` the
        # loaded index) alive after its last user until the cycle collector's slow pass.
        self._tables = functools.lru_cache(TABLE_DOCUMENTS)(
            functools.partial(_read_tables, documents)
        )
        """A document's tables, by document id (`_tables_of`)."""
        self._page_heads = functools.lru_cache(TABLE_DOCUMENTS)(
            functools.partial(_read_page_heads, documents)
        )
        """A document's `page_heads`, by document id."""
        self._headers = functools.lru_cache(TABLE_ROWS)(
            functools.partial(_find_table_header, self._tables, self.sentences)
        )
        """`table_header` of the table rows asked about."""
        self.facts = functools.lru_cache(SENTENCE_FACTS)(
            functools.partial(_read_facts, documents, self.sentences, self.rules, self.boilerplate)
        )
        """A sentence's `SentenceFacts`, by sentence number."""
        self.key_words = functools.lru_cache(SENTENCE_FACTS)(
            functools.partial(_read_key_words, self.facts, self._tables, self.sentences)
        )
        """A table row's key cell as `names_words` reads it (`cell_words`), by sentence number:
        the same for every question, read once while the bank remembers it."""
        self._contexts = functools.lru_cache(SENTENCE_CONTEXTS)(
            functools.partial(
                _read_context, documents, self.sentences, self.facts, self._headers, tokens
            )
        )
        """`context_in`'s, by sentence number and what it reads of the passage."""
        self._words = functools.lru_cache(SENTENCE_WORDS)(
            functools.partial(_read_words, self.facts)
        )
        """`words`' stemmed words, by sentence number and language."""
        self._in_passage = functools.lru_cache(PASSAGE_SENTENCES)(
            functools.partial(sentences_in, self.sentences)
        )
        """`in_chunk`'s sentence numbers, by document id and the passage's span."""
        self._scorable = functools.lru_cache(PASSAGE_SENTENCES)(
            functools.partial(_scorable_in, self._in_passage, self.facts)
        )
        """`scorable_in`'s sentence numbers, by passage (read of the bank's parts, never of the
        bank itself: a cache holding it would keep a dropped assistant's bank alive until the
        cycle collector ran)."""
        self.only_titles: RecentlyUsed[int, bool] = RecentlyUsed(SENTENCE_FACTS)
        """Whether each sentence is only a title, a heading or a lead-in (titleonly.only_title,
        a fact of the sentence alone, read of every candidate of every answer), by number."""
        self.caption_lines: RecentlyUsed[int, bool] = RecentlyUsed(SENTENCE_FACTS)
        """Whether each sentence is a whole line reading as a caption (titleonly.caption_aside's
        question-free part, read of every candidate of nearly every answer), by number."""
        self.placements: RecentlyUsed[int, tuple[float, float, float]] = RecentlyUsed(
            SENTENCE_FACTS
        )
        """Where each sentence lies in its document (answer_features' placement features, read
        of every candidate of every question), by number."""

    def context_in(self, index: int, chunk: Chunk) -> tuple[tuple[int, ...], frozenset[str]]:
        """What a sentence is read with in the passage `chunk` (a markdown table's row with its
        header row, not the rows above it; any other sentence with the few before it in its
        passage, and on its page: a slide's first line is not read with the slide before it)
        and the tokens of the sentence, of those and of the passage heading (`context_tokens`),
        read once while the bank remembers them (SENTENCE_CONTEXTS): the same for every
        question."""
        return self._contexts(index, chunk.start, chunk.section, chunk.lang)

    def context_tokens(self, index: int, chunk: Chunk) -> frozenset[str]:
        """Tokens of the sentence, of the sentences it is read with (`context_in`), and of
        the passage heading."""
        return self.context_in(index, chunk)[1]

    def words(self, index: int, lang: str) -> tuple[str, ...]:
        """Sentence `index` stemmed in `lang` (lexical.tokenize), read once while the bank
        remembers it (SENTENCE_WORDS)."""
        return self._words(index, lang)

    def table_header(self, index: int) -> int | None:
        """The sentence that is the header row of the markdown table whose row `index` is, if
        any. (A table of tabs or pipes without a `|---|` rule may have no header: its first
        row is quoted with a row, but the rows are read as other lines are.) Remembered for
        table rows: scoring and quoting ask it several times a question."""
        return _table_header(self.facts, self._headers, index)

    def header_span(self, doc_id: str, offset: int) -> tuple[int, int] | None:
        """The span of the header row of the table holding `offset` in the document, if any
        (tables.TableHeaders.header)."""
        return self._tables_of(doc_id).header(offset)

    def table_of(self, index: int) -> tuple[str, int, int] | None:
        """The document and span of the table whose row sentence `index` is, or None (not a
        table row): which table a row belongs to (tables.TableHeaders.span)."""
        if not is_table_row(self.text(index)):
            return None
        return self.table_holding(index)

    def table_holding(self, index: int) -> tuple[str, int, int] | None:
        """The document and span of the table one of whose rows holds the start of sentence
        `index`, or None: `table_of`, but for any piece of a row, itself no row (a row cut
        longer than a chunk: its middle piece holds no pipe). A sentence starting on a line that
        is no row is in none, though it runs into one ('find . \\' continued by '| grep x |')."""
        sentence = self.sentences[index]
        span = self._tables_of(sentence.doc_id).span(sentence.start)
        return None if span is None else (sentence.doc_id, *span)

    def read_table(
        self, table: tuple[str, int, int], reader: Callable[[Rows], Reading]
    ) -> Reading | None:
        """`reader` of the rows of `table` (as `table_of` gives it), read once a table and
        reader while the bank keeps its document's tables (tables.TableHeaders.read)."""
        doc_id, start, _ = table
        return self._tables_of(doc_id).read(start, reader)

    def key_column(self, index: int) -> int:
        """The position of the key column of the table whose row sentence `index` is
        (tables.key_column: its first column, but for row numbers before a column of keys); 0 for
        any other sentence."""
        if not self.facts(index).table_row:
            return 0
        sentence = self.sentences[index]
        return self._tables_of(sentence.doc_id).key_column(sentence.start)

    def _tables_of(self, doc_id: str) -> TableHeaders:
        """The document's tables, each read once while the bank keeps it (TABLE_DOCUMENTS)."""
        return self._tables(doc_id)

    def page_heads(self, doc_id: str) -> frozenset[str]:
        """The document's `Document.page_heads`, read once while the bank keeps them."""
        return self._page_heads(doc_id)

    def is_table_frame(self, index: int) -> bool:
        """Whether the sentence is a markdown table's `|---|` rule or its header row: never an
        answer on its own (a row is quoted with its header)."""
        return self.facts(index).table_frame

    def preceding(self, index: int, limit_start: int, count: int) -> list[int]:
        """Up to `count` sentences just before `index`, starting at or after `limit_start`."""
        return _preceding(self.sentences, index, limit_start, count)

    def section_tokens(self, chunk: Chunk) -> frozenset[str]:
        """The tokens of the passage's heading and, for a passage opening inside a table below
        its header row, of that row over the passage's columns (tables.TableHeaders.header_over):
        the column names its rows are read under, which its BM25 entry holds too
        (chunkpass.chunk_tokens)."""
        tokens = _section_tokens(chunk.section, chunk.lang)
        header = self._tables_of(chunk.doc_id).header_over(chunk.start, chunk.end)
        return tokens | _heading_tokens(header, chunk.lang) if header else tokens

    def following(self, index: int, limit_end: int) -> list[int]:
        """Sentences after `index` in its document, up to offset `limit_end`."""
        sentence = self.sentences[index]
        numbers, starts = self.sentences.in_document(sentence.doc_id)
        position = bisect.bisect_right(starts, sentence.start)
        stop = bisect.bisect_left(starts, limit_end)  # later ones cannot end by limit_end
        return [n for n in numbers[position:stop] if self.sentences[n].end <= limit_end]

    def next_in_document(self, index: int) -> int | None:
        """The number of the sentence after the one at `index` in its document's text, None
        for its last: found by its start among the document's starts (in text order), as
        `following` and `preceding` are, not by a walk through every sentence of a document."""
        sentence = self.sentences[index]
        numbers, starts = self.sentences.in_document(sentence.doc_id)
        place = bisect.bisect_left(starts, sentence.start)
        while numbers[place] != index:  # sentences starting alike: the one asked among them
            place += 1
        return numbers[place + 1] if place + 1 < len(numbers) else None

    def text(self, index: int) -> str:
        sentence = self.sentences[index]
        return self.documents[sentence.doc_id].text[sentence.start : sentence.end]

    def chunks_of(self, doc_id: str) -> Sequence[int]:
        """The numbers of the document's chunks, in index order (none for an id the index does
        not hold): every chunk is read once a bank for this (`_chunk_numbers`), not once a
        question that reads a page or a section of one document (places.py)."""
        return self._chunk_numbers.get(doc_id, ())

    @functools.cached_property
    def _chunk_numbers(self) -> dict[str, Sequence[int]]:
        return _chunk_numbers(self.chunks)

    def in_chunk(self, chunk: Chunk) -> tuple[int, ...]:
        """Sentences lying inside the chunk, in text order, read once while the bank remembers
        them (PASSAGE_SENTENCES)."""
        return self._in_passage(chunk.doc_id, chunk.start, chunk.end)

    def scorable_in(self, chunk: Chunk) -> tuple[int, ...]:
        """`in_chunk`'s sentences but a table's frame (`is_table_frame`): those a question
        scores (QuestionScores), listed once while the bank remembers them (PASSAGE_SENTENCES:
        reranking and answering read each passage's several times a question)."""
        return self._scorable(chunk.doc_id, chunk.start, chunk.end)


def _scorable_in(
    in_passage: Callable[[str, int, int], tuple[int, ...]],
    facts: Callable[[int], SentenceFacts],
    doc_id: str,
    start: int,
    end: int,
) -> tuple[int, ...]:
    """SentenceBank.scorable_in of a passage of document `doc_id` spanning `start` to `end`:
    its sentences (`in_passage`) but a table's frame (their `facts`)."""
    return tuple(n for n in in_passage(doc_id, start, end) if not facts(n).table_frame)


def sentences_in(sentences: SentenceTable, doc_id: str, start: int, end: int) -> tuple[int, ...]:
    """The numbers of document `doc_id`'s sentences lying within `start` to `end`, in text
    order (SentenceBank.in_chunk of a passage; field_answers.on_record_field of a field line)."""
    numbers, starts = sentences.in_document(doc_id)
    first = bisect.bisect_left(starts, start)
    stop = bisect.bisect_left(starts, end)
    return tuple(n for n in numbers[first:stop] if sentences[n].end <= end)


def _chunk_numbers(chunks: Sequence[Chunk]) -> dict[str, Sequence[int]]:
    """Per document id, the numbers of its chunks in order: a range when they follow each other
    (a build numbers them document by document), so that a million chunks cost a few bytes a
    document."""
    found: dict[str, list[int]] = {}
    for number, chunk in enumerate(chunks):
        found.setdefault(chunk.doc_id, []).append(number)
    return {doc_id: _as_range(numbers) for doc_id, numbers in found.items()}


def _as_range(numbers: list[int]) -> Sequence[int]:
    """`numbers` (ascending) as a range when they follow each other, else as they are."""
    whole = range(numbers[0], numbers[-1] + 1)
    return whole if len(whole) == len(numbers) else numbers


def _preceding(sentences: SentenceTable, index: int, limit_start: int, count: int) -> list[int]:
    sentence = sentences[index]
    numbers, starts = sentences.in_document(sentence.doc_id)
    position = bisect.bisect_left(starts, sentence.start)
    first = max(0, position - count)
    before = zip(numbers[first:position], starts[first:position], strict=True)
    return [number for number, start in before if start >= limit_start]


def _table_header(
    facts: Callable[[int], SentenceFacts], headers: Callable[[int], int | None], index: int
) -> int | None:
    """SentenceBank.table_header, by the bank's `facts` and `headers` memos."""
    return headers(index) if facts(index).table_row else None


def _section_tokens(section: str | None, lang: str) -> frozenset[str]:
    return _heading_tokens(section, lang) if section else frozenset()


def _read_context(
    documents: Mapping[str, Document],
    sentences: SentenceTable,
    facts: Callable[[int], SentenceFacts],
    headers: Callable[[int], int | None],
    tokens: TokenSource,
    index: int,
    start: int,
    section: str | None,
    lang: str,
) -> tuple[tuple[int, ...], frozenset[str]]:
    """SentenceBank.context_in of sentence `index` in a passage starting at `start`, under
    heading `section`, in language `lang`: read past neither the passage's start nor its
    page's."""
    header = _table_header(facts, headers, index)
    if header is not None:
        read_with = [header]
    else:
        sentence = sentences[index]
        page = documents[sentence.doc_id].page_start(sentence.start)
        read_with = _preceding(sentences, index, max(start, page), CONTEXT_SENTENCES)
    held = set(tokens[index]) | _section_tokens(section, lang)
    for before in read_with:
        held |= tokens[before]
    return tuple(read_with), frozenset(held)


def _read_words(facts: Callable[[int], SentenceFacts], index: int, lang: str) -> tuple[str, ...]:
    return tuple(tokenize(facts(index).text, lang))


def _read_page_heads(documents: Mapping[str, Document], doc_id: str) -> frozenset[str]:
    return documents[doc_id].page_heads()


def _read_tables(documents: Mapping[str, Document], doc_id: str) -> TableHeaders:
    return TableHeaders(documents[doc_id].text)


def _read_facts(
    documents: Mapping[str, Document],
    sentences: SentenceTable,
    rules: SentenceRules,
    boilerplate: Boilerplate,
    index: int,
) -> SentenceFacts:
    sentence = sentences[index]
    document = documents[sentence.doc_id].text
    text = document[sentence.start : sentence.end]
    row = is_table_row(text)
    frame = (row or is_table_separator(text)) and is_table_frame(document, sentence.start)
    folded = fold(text)
    unnumbered = without_list_number(text)
    label_text = unnumbered.strip(LABEL_MARKS)
    label_shaped = rules.label.fullmatch(label_text) is not None or numbers_only_places(label_text)
    return SentenceFacts(
        text,
        row,
        frame,
        unnumbered,
        folded if unnumbered is text else fold(unnumbered),
        frozenset(_digits(unnumbered)),
        rules.definition.search(folded) is not None,
        folded,
        boilerplate.covers(document, sentence.start, sentence.end),
        on_a_stamp_line(document, sentence.start, sentence.end),
        is_signing_line(text),
        label_text,
        label_shaped,
    )


def _find_table_header(
    tables: Callable[[str], TableHeaders], sentences: SentenceTable, index: int
) -> int | None:
    sentence = sentences[index]
    header = tables(sentence.doc_id).ruled_header(sentence.start)
    if header is None or header[0] >= sentence.start:
        return None
    numbers, starts = sentences.in_document(sentence.doc_id)
    position = bisect.bisect_left(starts, header[0])
    found = position < len(numbers) and starts[position] == header[0]
    return int(numbers[position]) if found else None


class QuestionScores:
    """One question's sentence scores against the bank's sentences. A sentence scored again in
    the same passage costs nothing more: reranking scores each passage alone, then answering
    the top ones together, and only the passage's rank differs (`_RankFree`)."""

    def __init__(
        self,
        bank: SentenceBank,
        terms: QuestionTerms,
        query_vector: np.ndarray | None,
        semantic: dict[int, float] | None = None,
    ) -> None:
        self.bank, self.terms, self.query_vector = bank, terms, query_vector
        self._rank_free: dict[tuple[int, int], _RankFree] = {}
        """By sentence and passage (chunk index)."""
        self._alone: dict[int, float] = {}
        """`alone`'s scores, by chunk index."""
        self._semantic: dict[int, float] = {} if semantic is None else semantic
        """`semantic`'s, by sentence number: a sentence is read in several passages, and with
        the short ones after it (shared with the scores `with_terms` makes)."""
        self._asked_columns: dict[tuple[str, ...], frozenset[int]] = {}
        """`asked_columns`', by table header."""

    def with_terms(self, terms: QuestionTerms) -> QuestionScores:
        """The scores of the same question vector read with other `terms` (a question refused
        as typed, read again with its absent words translated: api), sharing the cosines
        computed so far, which depend on the vector alone (`semantic`)."""
        return QuestionScores(self.bank, terms, self.query_vector, self._semantic)

    @functools.cached_property
    def wants(self) -> _Wants:
        """What the question asks for, read when a first sentence is scored."""
        return _Wants.of(self.bank.rules, self.terms.focus)

    def scored(self, hits: list[Hit]) -> list[ScoredSentence]:
        """Every sentence of the given passages (a sentence in two, with the first), scored,
        best first."""
        bank = self.bank
        seen: set[int] = set()
        scored = []
        for rank, hit in enumerate(hits, 1):
            for index in bank.scorable_in(hit.chunk):
                if index not in seen:
                    seen.add(index)
                    scored.append(self._rank_free_of(index, hit).at(rank))
        return sorted(scored, key=lambda s: -s.score)

    def alone(self, hit: Hit) -> float:
        """The best score of a passage's sentences scored in it alone (rank 1), 0.0 for a
        passage of none: what reranking reads, computed once a passage for this question."""
        if hit.chunk_index not in self._alone:
            bank = self.bank
            kept = bank.scorable_in(hit.chunk)
            best = max((self._rank_free_of(n, hit).score_at(1) for n in kept), default=0.0)
            self._alone[hit.chunk_index] = best  # `scored([hit])`'s first score, no list made
        return self._alone[hit.chunk_index]

    def scored_alone(self, hit: Hit) -> bool:
        """Whether `alone` has scored the passage for this question already."""
        return hit.chunk_index in self._alone

    def keyed_rows(self, hit: Hit) -> list[int]:
        """The passage's sentences that are table rows whose key column's cell is a key the
        question names (ScoredSentence.names_key), in order, read from the rank-free scores
        kept for the passage (`_rank_free_of`: those reranking computed through `alone`, the
        rest computed now); [] at once for a question naming no key."""
        if not self.terms.keys:
            return []
        return [
            index
            for index in self.bank.scorable_in(hit.chunk)
            if self._rank_free_of(index, hit).names_key
        ]

    def semantic(self, index: int) -> float:
        """The sentence's cosine with the question in the answer channel (0.0 below zero, or
        without vectors), computed once a sentence for this question."""
        if index not in self._semantic:
            self._semantic[index] = _semantic(self.bank, index, self.query_vector)
        return self._semantic[index]

    def asked_columns(self, header: tuple[str, ...]) -> frozenset[int]:
        """The columns of a table of `header` (its header row's cells) whose header the question
        names (`_asked_columns`), read once a table for this question."""
        if header not in self._asked_columns:
            self._asked_columns[header] = _asked_columns(header, self.terms)
        return self._asked_columns[header]

    def _rank_free_of(self, index: int, hit: Hit) -> _RankFree:
        key = (index, hit.chunk_index)
        if key not in self._rank_free:
            self._rank_free[key] = _rank_free(self.bank, index, hit.chunk, self)
        return self._rank_free[key]


@dataclass(frozen=True)
class _Wants:
    """What the question asks for, read once for all its candidate sentences: a number, a
    share, a definition (the domain rules' patterns over its folded focus); and the numbers
    it names itself (a sentence holding only those holds no new value)."""

    number: bool
    percent: bool
    definition: bool
    numbers: frozenset[str]
    duration: frozenset[str] = frozenset()
    """The number asked is a duration (durations.asked_durations, a length or a date after
    "depuis" where asked too): only a sentence writing one (durations.holds_duration) holds it."""

    @classmethod
    def of(cls, rules: SentenceRules, focus: str) -> _Wants:
        folded = fold(focus)
        duration = asked_durations(folded)
        return cls(
            number=bool(duration) or bool(rules.quantity.search(folded)),
            percent=bool(rules.share.search(folded)),
            definition=bool(rules.asks_definition.search(folded)),
            numbers=frozenset(_digits(focus)),
            duration=duration,
        )


class _RankFree(NamedTuple):
    """A sentence's hand score in one passage but for the passage's rank: `at(rank)` is it. A
    named tuple, not a frozen dataclass: a question makes about 150, and a frozen dataclass
    (which sets each field through object.__setattr__) is made 3x as slowly."""

    number: int
    """The sentence's."""
    weighted: float
    """The weighted meaning, coverage and context (the score's first terms)."""
    bonus: float
    labelled: bool
    """A heading or short label (HEADING_PENALTY)."""
    defines: bool
    """A definition the question does not ask for (DEFINITION_PENALTY)."""
    semantic: float
    coverage: float
    context: float
    names_key: bool
    numbered_key: bool
    names_word_key: bool

    def score_at(self, rank: int) -> float:
        """The sentence's score in the passage ranking `rank`."""
        score = self.weighted + RANK_WEIGHT / rank + self.bonus
        if self.labelled:
            score *= HEADING_PENALTY
        if self.defines:
            score *= DEFINITION_PENALTY
        return score

    def at(self, rank: int) -> ScoredSentence:
        """The sentence scored in the passage ranking `rank`."""
        return ScoredSentence(
            self.number,
            self.score_at(rank),
            self.semantic,
            self.coverage,
            self.context,
            rank,
            self.names_key,
            self.numbered_key,
            self.names_word_key,
        )


def _rank_free(bank: SentenceBank, index: int, chunk: Chunk, question: QuestionScores) -> _RankFree:
    """A sentence's hand score for the `question` but for its passage's rank: meaning,
    key-term coverage (its own and its context's), the kind of value asked for; a heading or a
    short label scores less, but never a table row whose key the question names
    (QuestionTerms.keys: the row it looks up; noted on the ScoredSentence)."""
    terms, semantic_of, wants = question.terms, question.semantic, question.wants
    facts = bank.facts(index)
    text, (read_with, context_tokens) = facts.text, bank.context_in(index, chunk)
    semantic = semantic_of(index)
    if len(text) < SHORT_QUOTE:
        for before in read_with:
            semantic = max(semantic, 0.9 * semantic_of(before))
    context = terms.coverage(context_tokens)
    # the context's tokens hold the sentence's (`_read_context`): none of its own held then
    coverage = terms.coverage(bank.tokens[index]) if context else 0.0
    has_number = not facts.numbers <= wants.numbers  # a number the question does not name
    has_number = has_number and not numbers_only_places(text)
    has_number = has_number and (not wants.duration or holds_duration(wants.duration, facts.folded))
    column = bank.key_column(index) if terms.keys else 0
    names_key, numbered_key = key_cells(text, terms.keys, column) if terms.keys else (False, False)
    names_key = names_key or (facts.table_row and holds_asked_amount(bank, index, terms.focus))
    key = "" if names_key or not facts.table_row else bank.key_words(index)
    named_words = bool(key) and (
        key in _asked_words(terms.focus) or _names_part_of_name(question, index, key, column)
    )
    return _RankFree(
        index,
        SEMANTIC_WEIGHT * semantic + COVERAGE_WEIGHT * coverage + CONTEXT_WEIGHT * context,
        _answer_type_bonus(text, has_number, wants.number, wants.percent),
        _is_label(facts, chunk, has_number) and not names_key,
        not wants.definition and facts.defines,
        semantic,
        coverage,
        context,
        names_key,
        numbered_key,
        named_words,
    )


MIN_KEY_WORD = 3
"""A key cell of words is looked up only when one of its words, no stopword, has at least this
many characters: "No", "A" or "de" in a key column names no row a question asks."""


def names_words(cell: str, terms: QuestionTerms) -> bool:
    """Whether the question writes a table row's key `cell` whole as words, folded: "payments"
    in "Which pager rota covers payments?", "Umbrella Health" in "the first response time for
    Umbrella Health" (not "search" in "the search-suggest service": a question word is read
    whole, hyphens inside kept, as `question_words` reads it). A cell of no word of
    MIN_KEY_WORD characters that is no stopword names nothing."""
    return names_written(question_words(cell), terms)


def names_written(words: Sequence[str], terms: QuestionTerms) -> bool:
    """`names_words` of a key cell given as its `words` (`question_words` of it), for a caller
    that reads them too."""
    key = _words_key(words)
    return bool(key) and key in _asked_words(terms.focus)


def cell_words(cell: str) -> str:
    """A key cell's words folded, each between spaces, as `names_words` looks them up in a
    question's; "" for a cell of no word of MIN_KEY_WORD characters that is no stopword."""
    return _words_key(question_words(cell))


def _words_key(words: Sequence[str]) -> str:
    """`cell_words` of a cell's `words`."""
    folded = [fold(word) for word in words]
    if not any(len(word) >= MIN_KEY_WORD and word not in stopwords() for word in folded):
        return ""
    return f" {' '.join(folded)} "


def _read_key_words(
    facts: Callable[[int], SentenceFacts],
    tables: Callable[[str], TableHeaders],
    sentences: SentenceTable,
    index: int,
) -> str:
    """`cell_words` of the key cell (tables.key_column) of table row `index`; "" for a
    sentence that is no row."""
    if not facts(index).table_row:
        return ""
    sentence = sentences[index]
    column = tables(sentence.doc_id).key_column(sentence.start)
    return cell_words(key_cell(facts(index).text, column))


@functools.lru_cache(maxsize=8)
def _name_words(focus: str) -> tuple[str, ...]:
    """The question's words without a possessive "'s" or a French elision ("Paul Mercier's
    manager", "le manager d'Amir Khan" write the cells `Paul Mercier` and `Amir Khan` whole)."""
    return tuple(_POSSESSIVE_OR_ELISION.sub("", word) for word in question_words(focus))


def holds_asked_amount(bank: SentenceBank, index: int, focus: str) -> bool:
    """Whether a table row's cell holds an amount the question asks by a range or a bound of
    its unit ("QF de 601 à 1 000 €" for "un quotient familial de 750 €": value_ranges.py), or
    a number the question writes beside a word by a bound written around that word ("6 ≤ INR
    < 10" for "l'INR est à 7": value_ranges.holds_quantity, s34 trial):
    the row the question looks up, as one whose key cell it names (s32 trial: the row "QF ≤
    600 €" was quoted, its words matching best). A cell writing no unit is read with its
    column's header (the table's header row, `SentenceBank.table_header`)."""
    amounts, quantities = asked_amounts(focus), asked_quantities(focus)
    if not amounts and not quantities:
        return False
    cells = line_cells(bank.text(index))
    if any(holds_quantity(cell, asked) for cell in cells for asked in quantities):
        return True
    if not amounts:
        return False
    header_row = bank.table_header(index)
    headers = line_cells(bank.text(header_row)) if header_row is not None else []
    placed = ((cell, headers[at] if at < len(headers) else "") for at, cell in enumerate(cells))
    return holds_any(placed, amounts)


@functools.lru_cache(maxsize=8)
def _asked_words(focus: str) -> str:
    """The question's words (`_name_words`) folded, each between spaces (`names_words` reads
    it per row)."""
    return f" {' '.join(fold(word) for word in _name_words(focus))} "


_POSSESSIVE_OR_ELISION = re.compile(r"['’]s$|^(?:[cdjlmnst]|qu)['’](?=\w)", re.IGNORECASE)
"""A possessive "'s" ending a question's word, or a French elision opening it ("d'Amir")."""
NAME_WORDS = (2, 3)
"""How many words a key cell holding a person's name has, fewest and most (`Paul Mercier`,
`Liam O'Brien`, `Marie-Claire de Vries` is none)."""


def is_person_name(words: Sequence[str]) -> bool:
    """Whether a cell's `words` (as written: lexical.question_words) are a person's name:
    NAME_WORDS of them, each capitalised."""
    count_ok = NAME_WORDS[0] <= len(words) <= NAME_WORDS[1]
    return count_ok and all(word[:1].isupper() for word in words)


def _names_part_of_name(question: QuestionScores, index: int, key: str, column: int) -> bool:
    """Whether a table row's key cell (`key`, its `cell_words`) is a person's name, two or
    three capitalised words, whose first or last word the question (`terms.focus`) writes
    capitalised past its first word, and names this row alone (`_NameWords.names_one_row`):
    "Who is Paul's manager?" looks up the `Paul Mercier` row of an org chart, not the row of
    Léa Garnier whose manager is Paul Mercier; "Which designer works in Lyon with Rose?" does
    not look up `Rose Martin`, the manager of the designer it asks (s26 review E), nor "What
    is Paul's role?" one of `Paul Mercier` and `Paul Durand`. The cell is read as written
    (`column`: the row's key column) only when the question writes one of those words."""
    bank, terms = question.bank, question.terms
    words = key.split()
    if not NAME_WORDS[0] <= len(words) <= NAME_WORDS[1]:
        return False
    named = _capitalised_words(terms.focus) & {words[0], words[-1]}
    if not named:
        return False
    written = question_words(key_cell(bank.text(index), column))
    if len(written) != len(words) or not is_person_name(written):
        return False
    table = bank.table_of(index)
    people = bank.read_table(table, _NameWords.of) if table is not None else None
    if people is None:
        return False
    asked = question.asked_columns(people.header)
    return all(people.names_one_row(word, column, asked) for word in named)


class _NameWords(NamedTuple):
    """A table's header row and, for each of its columns, how many of its cells hold each
    word (folded): whether a name the question writes in part is one row's key alone."""

    header: tuple[str, ...]
    counts: tuple[Mapping[str, int], ...]

    @staticmethod
    def of(rows: Rows) -> _NameWords:
        """The table's words of `rows` (`row_cells`, header row first), by column."""
        width = max((len(row) for row in rows), default=0)
        counts: list[dict[str, int]] = [{} for _ in range(width)]
        for row in rows[1:]:
            for at, cell in enumerate(row):
                for word in {fold(word) for word in question_words(cell)}:
                    counts[at][word] = counts[at].get(word, 0) + 1
        return _NameWords(rows[0] if rows else (), tuple(counts))

    def names_one_row(self, word: str, column: int, asked: frozenset[int]) -> bool:
        """Whether `word` is in one cell of the key `column` and in no cell of a column but
        those the question asks (`asked`): "Paul" in `Paul Mercier` and `Paul Durand` names
        neither; "Rose" in `Rose Martin` and in the Manager cell of a row the question asks
        by other words is that row's value, no key. A name in the column asked is what the
        question asks of another row ("Who is Paul's manager?": Léa's manager is Paul)."""
        if column >= len(self.counts) or self.counts[column].get(word, 0) != 1:
            return False
        return all(
            at in asked or not held.get(word, 0)
            for at, held in enumerate(self.counts)
            if at != column
        )


def _asked_columns(header: Sequence[str], terms: QuestionTerms) -> frozenset[int]:
    """The columns whose header the question names: as words (`names_words`), or by a term
    of the question's own ("Who manages Mercier?" asks the Manager column)."""
    own = frozenset().union(*(variants for variants, _ in terms.terms[: terms.focus_terms]))
    return frozenset(
        at
        for at, cell in enumerate(header)
        if names_words(cell, terms) or own & {*tokenize(cell, "en"), *tokenize(cell, "fr")}
    )


@functools.lru_cache(maxsize=8)
def _capitalised_words(focus: str) -> frozenset[str]:
    """The question's words written capitalised past its first word, folded, without a
    possessive or an elision, of MIN_KEY_WORD letters and no stopword: the names it may
    write of a person."""
    folded = (fold(word) for word in _name_words(focus)[1:] if word[:1].isupper())
    return frozenset(w for w in folded if len(w) >= MIN_KEY_WORD and w not in stopwords())


def _answer_type_bonus(
    text: str, has_number: bool, wants_number: bool, wants_percent: bool
) -> float:
    """A bonus for a sentence holding the kind of value the question asks for."""
    if wants_percent and _PERCENT.search(text):
        return NUMBER_BONUS
    return NUMBER_BONUS if wants_number and has_number else 0.0


def _digits(text: str) -> list[str]:
    return re.findall(r"\d+(?:[.,]\d+)?", text)


LABEL_MARKS = " #*-:"
"""What `_is_label` strips around a sentence and its passage's heading before comparing them."""


def _is_label(facts: SentenceFacts, chunk: Chunk, has_number: bool) -> bool:
    """A heading or a short label (or a line the rules call a label), a numbered heading or a
    table of contents' lines (`numbers_only_places`): little of an answer. A numbered list item
    is read without its number (`without_list_number`): "1. Open Settings." is as short a label
    as its item was when the number stood apart (CUTTING_VERSION 19 joined them). The
    question-free part (`facts.label_shaped`) is read once a sentence."""
    stripped = facts.label_text
    if chunk.section and stripped == chunk.section.strip(LABEL_MARKS):
        return True
    if facts.label_shaped:
        return True
    return len(stripped) < 40 and not has_number


_SECTION_NUMBER = r"\d{1,3}(?:\.\d{1,3})*\.?"
_TITLE = r"[^\W\d_][^\d.!?…:;=]*?"
_NUMBERED_HEADING = re.compile(rf"(?P<number>{_SECTION_NUMBER})\s+(?P<title>{_TITLE})")
_CONTENTS_ENTRY = re.compile(
    rf"(?P<number>{_SECTION_NUMBER})\s+(?P<title>{_TITLE})(?P<leaders>\s*(?:\.\s*){{3,}}|\s+)"
    r"\d{1,4}\s*"
)
"""A contents line's entry: a section's number, its title, dot leaders or a blank, its page."""
_ENUMERATOR = re.compile(r"\d{1,3}(?:\.\d{1,3})*\.")
"""A section's number alone, ending in a period ("2.", a sentence of its own where a line
holds nothing else)."""
NUMBERED_HEADING_MAX = 60
"""A numbered heading read as such (`numbers_only_places`) holds at most this many characters."""


_LIST_ITEM_NUMBER = re.compile(r"\s*\d{1,3}[.)]\s+(?=\S)")
"""A numbered list item's number opening a sentence ("2. Click New rule.", "2) Click New
rule."): its item's place."""


def without_list_number(text: str) -> str:
    """`text` without the number opening it as a list's item ("2. Click New rule." or "2) Click
    New rule." → "Click New rule."): that number counts the list's steps, no value a question
    asks ("maximum number of rules" is not answered by step 2)."""
    found = _LIST_ITEM_NUMBER.match(text)
    return text[found.end() :] if found else text


@functools.lru_cache(maxsize=PLACE_TEXTS)
def numbers_only_places(text: str) -> bool:
    """Whether the only numbers of `text` number its section, or a table of contents' sections
    and their pages: a numbered heading ("2. Équipe", "6.3 Reserves policy": a dotted number,
    words opening with a capital; no list's step: "1. Install the package"), its number alone
    ("2.") or contents lines ("6.1 Income 47 6.2 Expenditure 50", or one entry: `_lone_entry`):
    such a number is no value a question asks (s22 trial, failure 4)."""
    stripped = text.strip()
    if not stripped[:1].isdigit():
        return False
    if _ENUMERATOR.fullmatch(stripped):  # "2." read apart from its title "Équipe"
        return True
    heading = _NUMBERED_HEADING.fullmatch(stripped)
    if heading and len(stripped) <= NUMBERED_HEADING_MAX and _titled(heading):
        return not _list_step(heading)
    entries: list[re.Match[str]] = []
    at = 0
    while at < len(stripped) and (entry := _CONTENTS_ENTRY.match(stripped, at)):
        entries.append(entry)
        at = entry.end()
    whole = at == len(stripped) and all(entry["title"][:1].isupper() for entry in entries)
    return whole and (len(entries) > 1 or (len(entries) == 1 and _lone_entry(entries[0])))


def _titled(found: re.Match[str]) -> bool:
    """Whether a numbered heading's match is one: a dotted number ("2.", "6.3") and a title
    opening with a capital ("1.5 litres" is a quantity; "126 Schools 98" a table's row)."""
    return found["title"][:1].isupper() and "." in found["number"]


def _lone_entry(entry: re.Match[str]) -> bool:
    """Whether a line's one contents entry reads as one: a numbered heading's match with dot
    leaders before its page ("3.2 Results ..... 45"), or a title holding no unit word and
    ending in no stop word ("6.3 Reserves policy 53"; not "3.2 Set the pool size to 20" nor
    "2.5 Million people 2020": a value)."""
    if not _titled(entry):
        return False
    if entry["leaders"].strip():
        return True
    words = [fold(word) for word in entry["title"].split()]
    units = language_words("unit_words")
    return words[-1] not in stopwords() and not any(word in units for word in words)


def _list_step(heading: re.Match[str]) -> bool:
    """Whether a numbered heading's match reads as a list's step: a list's number ("1.") and a
    title holding a stop word, a sentence's ("1. Install the package", not "2. Équipe")."""
    if not _ENUMERATOR.fullmatch(heading["number"]) or heading["number"].count(".") > 1:
        return False
    return any(word in stopwords() for word in heading["title"].lower().split())


def _semantic(bank: SentenceBank, index: int, query_vector: np.ndarray | None) -> float:
    if bank.vectors is None or query_vector is None:
        return 0.0
    return max(0.0, float(bank.vectors[index] @ query_vector))
