"""Hits → Answer: choose the sentences that answer, quote them, decide to abstain.

The sentences of the top passages are scored (sentences.py) and ordered by the learned sentence
ranker (answer_models.py, over answer_features.py), whose probabilities are the evidence for
abstaining (a follow-up's candidates are the sentences that mention one of its new words when
any does: followup_quotes.py); the quote ranker reorders them to choose the quote: the best one,
and any nearly as good while the quote stays short (for a table lookup, among the rows holding
the key the question names: `looked_up`, or, among plain lines, those its key word opens:
`on_named_line`; among a form's or an invoice's "Label : value" lines, those whose label the
question writes: `on_asked_field`; among a record's field lines (a syllabus, a staff card:
record_fields.py), one whose label and record's owner the question names, where the best names
the owner only: `on_record_field`; for a question naming a code identifier, among the sentences
that write it: `naming_identifiers`; for one naming a short numbered name, "t17", none writing
only a sibling, "t18": `of_asked_numbered_names`), are quoted (quoting.py) with citations
checked against the document text. A table lookup of a key no table of the evidence holds
abstains once the evidence is read, before the candidates are ranked (unheld_keys.py), and so
does, after it, a question naming a code identifier the corpus never writes (identifiers.py),
and then one asking a member of an owner that the closest documents never write together
(membership.py). A mail thread's sentences are read as what they can answer
(mail_candidates.py): its header lines only a question asking a header value, its first message
no question asking who replied, and a question asking a named person's phone number reads and
quotes that person's signature. A question naming a page or a section by a place word is
answered from that place, by its opening body sentence when it names nothing else (places.py;
`at_asked_place`), and a page no document has is an abstention. The answerability model decides
whether to abstain (but for a page asked that a document has); the confidence model says how
likely the quote is right. A quote chosen that stands for a sibling of what is asked abstains
after all: another year, keyed number or record id (unheld_years.py, unheld_numbers.py,
unheld_codes.py), another record's field where the asked owner's record lacks it
(owner_fields.py), the asked name less a word the documents never use (extended_names.py), or
the qualifier opposite to the asked one (opposed_qualifiers.py). A question naming someone in
several words a document writes is quoted only from a document writing that name
(asked_names.py; `of_named_documents`). An abstention says why (abstention.py) and still lists
the closest passages.

The candidates and their reordering moves are candidates.py's; the promotions of the line that
answers a kind of question, promotions.py's; field and record lookups, field_answers.py's;
section, heading, version and place lookups, section_answers.py's; re-choosing or refusing a
quote that stands for another time than the one asked, time_siblings.py's.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import threading
import weakref
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, NamedTuple, overload

import numpy as np

from citeqa import abstention
from citeqa.absent_heads import absent_head
from citeqa.achieved_results import Statement, restates_plan
from citeqa.across import (
    Closeness,
    close_in_other_language,
    names_asked,
    unvouched_across,
)
from citeqa.answer_features import Wants, holds_asked_value, match_features
from citeqa.answer_location import Reading, location_features
from citeqa.answer_models import AnswerModels, Model, sentence_scores, shipped_models
from citeqa.asked_fields import answering_lines, read_question, unasked_fields
from citeqa.asked_meanings import AskedTerm, asked_term, defines_term
from citeqa.asked_names import (
    NamedTexts,
    as_written,
    asked_names,
    folded_texts,
    names_written_by,
    write_a_part,
    writes_another_name,
    writes_short_form,
)
from citeqa.asked_ordinals import asked_ordinals, ordinal_weights
from citeqa.asked_times import TIME_RANKS, subject_words, time_answer, untimed
from citeqa.asked_values import (
    DIMENSION,
    MASS,
    MISSING_VALUE_WEIGHT,
    Written,
    asked_kinds,
    lacks_kind,
    only_widely_written,
    pointed_target,
    rates_asked,
    value_holder,
    value_weights,
    values_written,
    widely_written,
)
from citeqa.base_statements import BASE_REACH, base_statement
from citeqa.candidates import Candidates, first_rated, moved_first, placed_sentences, subset
from citeqa.cell_lookups import asks_value, row_writes_asked_value, table_asked_by_cell
from citeqa.coded_lines import asked_codes, coded_line_of
from citeqa.config import Settings
from citeqa.counting import counted_records
from citeqa.dated_meetings import in_asked_meeting, with_asked_meeting
from citeqa.dated_titles import asks_occasion, states_asked_occasion
from citeqa.defined_terms import asked_terms, defines
from citeqa.disagreement import disagreeing, disagreeing_across
from citeqa.editstamps import asks_about_edits
from citeqa.empty_cells import empty_asked_cell, more_rows_note
from citeqa.extended_names import extended_name
from citeqa.field_answers import (
    on_asked_field,
    on_record_field,
    owner_lacking_field,
    writes_key,
)
from citeqa.folder_facts import FolderFacts
from citeqa.followup_quotes import mentions_new_words
from citeqa.framed_values import framed_holder, framed_subject_words
from citeqa.glossary import fold, language_words
from citeqa.headingpath import headings_above
from citeqa.identifier_qualifiers import unheld_qualifier
from citeqa.identifiers import code_text, spellings, unwritten_in, whole_name
from citeqa.keyed_lines import looks_up_line, names_line, unnamed_keyed_line
from citeqa.keyed_prose import prose_answers_rest
from citeqa.language import evident_language, is_table_row, question_lang
from citeqa.later_statements import (
    LaterStatement,
    later_statement,
)
from citeqa.latest_release import LatestRelease, asked_latest, asks_latest
from citeqa.letterheads import block_start, headed_span, last_line
from citeqa.mail_candidates import (
    MailLayouts,
    QuestionAsks,
    forces_signature,
    giving_contact,
    with_signatures,
)
from citeqa.mail_replies import Reply, echoes_question, replies_to, reply_hits
from citeqa.measured_keys import unheld_measure
from citeqa.membership import apart_in, pairings
from citeqa.models import (
    Answer,
    Chunk,
    Citation,
    Document,
    Hit,
    Lang,
    Passage,
    Retrieval,
    TableHeader,
)
from citeqa.named_document_quotes import of_named_document_first
from citeqa.next_dates import (
    next_in_series,
    older_next_line,
    reference_note,
)
from citeqa.numbered_heading_values import (
    answers_asked_number,
    asked_section_numbers,
    named_documents,
    numbers_of_document,
    states_asked_value,
)
from citeqa.numbered_names import BEFORE_CHARS, numbered_names, of_siblings_only
from citeqa.numbered_sections import (
    asked_numbers,
    asked_sections,
    asks_step,
    standing_under,
    stands_under,
    unheld_section,
)
from citeqa.opposed_qualifiers import opposed_qualifier
from citeqa.ordinal_rows import asked_row_rank, numbers_word, quoted_row, unheld_rank
from citeqa.output_cells import named_output
from citeqa.person_rows import table_asked_by_name
from citeqa.places import (
    AskedPlace,
    MissingPage,
    asked_place,
    heading_over,
    place_hits,
)
from citeqa.pointed_tables import UnpointedKey, unpointed_key
from citeqa.promotions import (
    asked_head_first,
    changed_value_first,
    compound_first,
    dated_title_first,
    decision_first,
    extreme_row_first,
    latest_dated_row_first,
    latest_year_first,
    manner_first,
    named_case_first,
    next_dated_first,
    pointed_table_row_instead,
    ranked_row_first,
    result_first,
    role_field_first,
    role_label_first,
    signer_first,
    specific_key_first,
    stated_first,
    timed_subject_first,
)
from citeqa.quantities import (
    AMOUNT_RANKS,
    COUNT_RANKS,
    asks_quantity,
    content_stems,
    counted_holder,
    counted_word,
    price_subject,
    priced_answer,
    quantity_holder,
    uncounted,
    unpriced,
    writes_counted,
)
from citeqa.question_evidence import question_features
from citeqa.questions import QuestionTerms, is_question
from citeqa.quoting import Span, answer_text, citations_of, quote_spans, quoted_notes, verified
from citeqa.rate_units import rate_only
from citeqa.reason_words import nameable_words
from citeqa.record_cells import asked_record_cell
from citeqa.record_ids import AskedRecords, asked_records
from citeqa.record_threads import answering_records
from citeqa.release_notes import (
    ReleaseItems,
    asked_release_items,
    kind_label,
    lacking_kind,
    more_items_note,
)
from citeqa.role_holders import absent_role_words, unnamed_role
from citeqa.role_labels import HolderSentences
from citeqa.row_context import row_context
from citeqa.row_lead import leading_rows_kept
from citeqa.section_answers import (
    at_asked_place,
    in_best_document,
    under_asked_heading,
    under_asked_section,
)
from citeqa.sentences import (
    QuestionScores,
    ScoredSentence,
    SentenceBank,
    cell_words,
    holds_asked_amount,
    names_words,
)
from citeqa.series_answers import SeriesAnswer, answering_series, falling_on, series_citation
from citeqa.sibling_words import compound_siblings, unwritten_siblings
from citeqa.sibling_years import SiblingYear, binds_asked_year, sibling_year
from citeqa.signatures import is_definition, owner
from citeqa.signers import closing_signer
from citeqa.signing import asks_signing
from citeqa.speakers import asked_speaker, names_speaker
from citeqa.split_keys import quoted_table, split_lookup
from citeqa.tables import key_cell
from citeqa.time_siblings import (
    WRITTEN_MONTH_RANKS,
    of_asked_month,
    of_asked_quarter,
    of_asked_time,
    of_asked_week,
)
from citeqa.titled_values import asks_identifier, writes_identifier
from citeqa.titleonly import (
    heads_section,
    named_bare_document,
    only_title,
    title_words_written,
    without_titles,
    words_written,
)
from citeqa.unheld_cells import unheld_cell
from citeqa.unheld_codes import unheld_code
from citeqa.unheld_days import unheld_day
from citeqa.unheld_keys import UnheldKey, unheld_key
from citeqa.unheld_names import unheld_name
from citeqa.unheld_numbers import unheld_number
from citeqa.unheld_row_days import unheld_row_day
from citeqa.unheld_word_keys import unheld_word_key
from citeqa.unheld_years import answer_texts
from citeqa.value_frames import subject_words_written
from citeqa.value_kinds import (
    asked_kind_phrase,
    heads_owner,
    owner_value_line,
    owner_words,
    unwritten_asked_kind,
    unwritten_kind,
    writes_owner_value,
)
from citeqa.version_documents import (
    version_documents_read,
    with_asked_version,
)
from citeqa.visible import without_invisible
from citeqa.whereabouts import answers_whereabouts
from citeqa.yes_no_replies import is_closed, replies_yes_or_no


def rank_candidates(reading: Reading, scores: QuestionScores, models: AnswerModels) -> Candidates:
    """Every sentence of the top passages (`reading.hits`) that may answer the question, ordered
    by the sentence ranker, boilerplate the question does not ask about weighed down
    (`boilerplate_weights`). A mail thread's header lines answer only a question about a header
    value, and its first message no question asking who replied (`mail_answerable`)."""
    scored = mail_answerable(scores.scored(reading.hits), reading)
    rows = match_features(scored, reading, Wants.of(reading.terms.focus))
    if not scored:
        return Candidates([], np.zeros(0), rows)
    weights = boilerplate_weights(scored, reading)
    return in_order(scored, sentence_scores(models.ranker, rows) * weights, rows, weights)


def mail_answerable(scored: list[ScoredSentence], reading: Reading) -> list[ScoredSentence]:
    """The sentences, but those of a mail thread that cannot answer what the question asks
    (mail_candidates.py: a header line not asked about, a first message for "who replied")."""
    asks = QuestionAsks.of(reading.terms.focus)
    layouts = MailLayouts(reading.bank.documents)
    sentences = reading.bank.sentences
    return [
        item
        for item in scored
        if layouts.answers_from(asks, sentences[item.index].doc_id, sentences[item.index].start)
    ]


ASKED_COVERAGE = 0.6
"""A boilerplate sentence holding this share of the question's term weight or more is asked
about ("What does the confidentiality notice say?"): it keeps its whole score."""
READ_WHOLE_PATH = 6
"""How many markdown headings above a sentence's own are read for the record it belongs to:
every level ("#" to "######")."""
BOILERPLATE_WEIGHT = 0.5
"""What a boilerplate sentence's score is multiplied by when the question does not ask about it
(s18 trial, 167 judged: 0 answers differ from removing it at 0.1, 0.3 and 0.5; the reviewers'
lease and mail-thread cases are quoted right from 0.3 to 0.7)."""


def boilerplate_weights(scored: list[ScoredSentence], reading: Reading) -> np.ndarray:
    """Each sentence's weight: BOILERPLATE_WEIGHT for one made of lines repeated across the
    corpus (boilerplate.py: a mail's disclaimer, a cookie banner) that the question does not
    ask about (a signature line giving the phone number a question asks of its signer is asked
    about: mail_candidates.giving_contact), 1 for any other. Repetition alone removes
    nothing: a clause three leases share is the user's content, and is still quoted when it
    answers best (s18-bp review)."""
    bank, terms = reading.bank, reading.terms
    asked: set[int] = set()
    if QuestionAsks.of(terms.focus).contact:  # the sentences are placed only then
        asked = set(giving_contact(placed_sentences(bank, scored), terms.focus, bank.documents))
    return np.array(
        [
            BOILERPLATE_WEIGHT
            if bank.facts(item.index).boilerplate
            and terms.coverage(bank.tokens[item.index]) < ASKED_COVERAGE
            and number not in asked
            else 1.0
            for number, item in enumerate(scored)
        ]
    )


def in_order(
    sentences: list[ScoredSentence],
    probabilities: np.ndarray,
    rows: np.ndarray,
    weights: np.ndarray | None = None,
) -> Candidates:
    """The candidates best first by `probabilities` (a stable sort: ties keep their order),
    with their `weights` (Candidates.weights)."""
    order = np.argsort(-probabilities, kind="stable")
    ordered = None if weights is None else weights[order]
    return Candidates([sentences[i] for i in order], probabilities[order], rows[order], ordered)


def reordered(candidates: Candidates, quoter: Model, reading: Reading) -> Candidates:
    """The candidates ordered by the quote ranker, their rows completed with the
    LOCATION_FEATURES it reads (computed only here: for a question that is answered),
    boilerplate weighed down as by the sentence ranker (Candidates.weights), and so is a
    sentence writing no value of the kind the question's words ask for when another writes one
    (`_value_weights`: an amount for "Montant de la facture ?"), and one writing only other
    ordinals than the asked one when another writes it (`_ordinal_weights`); here only, so
    that the answerability and confidence models read the ranker's ratings unchanged."""
    if not candidates.sentences:
        return candidates
    rows = np.hstack([candidates.rows, location_features(candidates.sentences, reading)])
    scores = _with_value_lead(sentence_scores(quoter, rows), candidates, reading)
    scores = scores * _ordinal_weights(candidates, reading)
    weights = candidates.weights
    scores = scores if weights is None else scores * weights
    scores = of_named_document_first(scores, candidates, reading.bank, reading.terms.focus)
    scores = _with_quantity_lead(scores, candidates, reading)
    scores = _with_counted_lead(scores, candidates, reading)
    scores = _with_base_lead(scores, candidates, reading)
    return in_order(candidates.sentences, scores, rows, weights)


def _with_base_lead(scores: np.ndarray, candidates: Candidates, reading: Reading) -> np.ndarray:
    """The quote ranker's weighed ratings `scores`, but for a question asking a kind of value
    whose best candidate states a condition the question does not ("… extended to 5 years if
    you register…"), the candidate just before it in its passage stating the rule
    (base_statements.py: "… for 2 years from the date of purchase.") takes the best's rating
    and the best is weighed down as a sentence without the asked value is
    (MISSING_VALUE_WEIGHT; s47 trial c04, b10); so too for a best candidate stating the case
    past a bound of the sentence before it ("more than five working days late": s47 trial
    b04)."""
    if not candidates.sentences:
        return scores
    bank, lead = reading.bank, int(np.argmax(scores))
    index = candidates.sentences[lead].index
    chunk = bank.chunks[bank.sentences[index].chunk_index]
    numbers = {item.index: number for number, item in enumerate(candidates.sentences)}
    earlier = bank.preceding(index, chunk.start, BASE_REACH)[::-1]  # nearest first
    placed = [numbers[before] for before in earlier if before in numbers]
    texts = [bank.text(candidates.sentences[number].index) for number in placed]
    base = base_statement(reading.terms.focus, bank.text(index), texts)
    return scores if base is None else _led_by(scores, placed[base])


def _with_quantity_lead(scores: np.ndarray, candidates: Candidates, reading: Reading) -> np.ndarray:
    """The quote ranker's weighed ratings `scores`, but for a question asking how much or how
    many whose best candidate writes no quantity (a date, a code, a year only: quantities.py),
    the near-best writing one takes the best's rating and the best is weighed down as a
    sentence without the asked value is (MISSING_VALUE_WEIGHT): "Subvention accordée par la
    Fondation : 30 000 euros." over "Référence : FDN-2023-0088." (s35 trial a75)."""
    if not asks_quantity(reading.terms.focus):  # most questions: nothing read
        return scores
    texts, langs = _texts_and_langs(candidates, reading)
    holder = quantity_holder(reading.terms.focus, texts, scores.tolist(), langs)
    return scores if holder is None else _led_by(scores, holder)


def _with_counted_lead(scores: np.ndarray, candidates: Candidates, reading: Reading) -> np.ndarray:
    """The quote ranker's weighed ratings `scores`, but for a question asking how many of a
    thing (quantities.counted_word) whose best candidate writes no figure of it, the near-best
    writing one (quantities.counted_holder) takes the best's rating and every candidate writing
    none is weighed down as a sentence without the asked value is (MISSING_VALUE_WEIGHT): else
    the shortest of the near-best is quoted (`choose`). "- 3 very ripe bananas" over "Makes one
    900 g (2 lb) loaf." and "Prep 15 minutes, bake 60 minutes." (s48 trial c03). A table row
    whose key cell names all the question asks leads from farther down ("| Volunteers | 640 |"
    over "Volunteers must be at least 16 years old.": quantities.counted_row)."""
    counted = counted_word(reading.terms.focus)
    if counted is None or not asks_quantity(reading.terms.focus):  # most questions: nothing read
        return scores
    texts, langs = _texts_and_langs(candidates, reading)
    asked = content_stems(reading.terms.focus)
    holder = counted_holder(counted, texts, scores.tolist(), langs, asked)
    if holder is None:
        return scores
    writing = np.array([writes_counted(text, counted) for text in texts])
    return _led_by(scores, holder, writing)


def _led_by(scores: np.ndarray, holder: int, kept: np.ndarray | None = None) -> np.ndarray:
    """`scores` with the candidate at `holder` taking the best's rating and the best weighed
    down as a sentence without the asked value is (MISSING_VALUE_WEIGHT), or, given `kept`
    (one flag a candidate), every candidate not kept weighed down instead."""
    lead = int(np.argmax(scores))
    if kept is None:
        weighed = scores.astype(float)
        weighed[lead] = scores[lead] * MISSING_VALUE_WEIGHT
    else:
        weighed = np.where(kept, scores, scores * MISSING_VALUE_WEIGHT).astype(float)
    weighed[holder] = scores[lead]
    return weighed


def _texts_and_langs(candidates: Candidates, reading: Reading) -> tuple[list[str], _SentenceLangs]:
    """The candidates' texts, and their languages read as asked (`_SentenceLangs`)."""
    texts = [reading.bank.text(item.index) for item in candidates.sentences]
    return texts, _SentenceLangs(reading.bank, candidates.sentences, texts)


class _SentenceLangs(Sequence[str]):
    """The languages of candidate sentences (`_sentence_lang` of each item and its text), each
    read when first asked: quantity_holder reads those of a few near-best only."""

    def __init__(self, bank: SentenceBank, items: list[ScoredSentence], texts: list[str]) -> None:
        self._bank, self._items, self._texts = bank, items, texts
        self._read: dict[int, str] = {}

    def __len__(self) -> int:
        return len(self._items)

    @overload
    def __getitem__(self, at: int) -> str: ...

    @overload
    def __getitem__(self, at: slice) -> list[str]: ...

    def __getitem__(self, at: int | slice) -> str | list[str]:
        if isinstance(at, slice):
            return [self[number] for number in range(*at.indices(len(self)))]
        number = range(len(self))[at]  # IndexError beyond, negative positions read as a list's
        if number not in self._read:
            item = self._items[number]
            self._read[number] = _sentence_lang(self._bank, item.index, self._texts[number])
        return self._read[number]


def _sentence_lang(bank: SentenceBank, index: int, text: str) -> str:
    """The language sentence `index` (`text`) is evidently written in, else its passage's: a
    bilingual document's English title within a French passage is English."""
    return evident_language(text) or bank.chunks[bank.sentences[index].chunk_index].lang


def _ordinal_weights(candidates: Candidates, reading: Reading) -> np.ndarray:
    """asked_ordinals.ordinal_weights of the candidates: one writing only other ordinals than
    the question's ("2e dose" for "the first dose") is weighed down when another writes an
    asked one ("1re dose"), the quote ranker reading no bridge between "first" and "1re"
    (s34 trial). Most questions ask no ordinal: no candidate's text is read."""
    asked = asked_ordinals(reading.terms.focus)
    if not asked:
        return np.ones(len(candidates.sentences))
    texts = [reading.bank.text(item.index) for item in candidates.sentences]
    return np.array(ordinal_weights(asked, texts))


def _with_value_lead(rated: np.ndarray, candidates: Candidates, reading: Reading) -> np.ndarray:
    """The quote ranker's ratings `rated` weighed by `_value_weights`; when the best writes no
    value of the kind asked and is no section's heading (its body takes its place, `_body_first`),
    the candidate writing one that asked_values.value_holder names takes the best's rating and
    the best is weighed down as a sentence without the value is (MISSING_VALUE_WEIGHT). The
    candidates' texts, documents and the values they write are read once for both
    (asked_values.values_written), a table row's rate with the texts it stands under
    (row_context.py), and a table row writing none is never weighed down in its document for a
    rate (asked_values.value_weights: review C, s30)."""
    focus = reading.terms.focus
    if not asked_kinds(focus):  # most questions: every weight 1, nothing read
        return rated.astype(float)  # a copy, as the weighed ratings are
    bank, lead = reading.bank, int(np.argmax(rated))
    if _states_asked_share(bank, candidates.sentences[lead].index, focus):
        return rated.astype(float)
    texts = [bank.text(item.index) for item in candidates.sentences]
    documents = [bank.sentences[item.index].doc_id for item in candidates.sentences]
    contexts = (
        [row_context(bank, item.index) for item in candidates.sentences]
        if rates_asked(focus)
        else None
    )
    written = _quotable_values(candidates, bank, values_written(focus, texts, contexts))
    asked = [words_written(bank, item.index, focus) for item in candidates.sentences]
    scores = rated * _value_weights(candidates, bank, written, documents, asked, texts, focus)
    cover = _passage_cover(candidates, reading)
    about = [  # a sentence writing none of the question's words: its document's title's
        written or title_words_written(bank, item.index, focus)
        for written, item in zip(asked, candidates.sentences, strict=True)
    ]
    pointing = _points_at_asked(texts[lead], focus)
    holder = value_holder(written, documents, rated.tolist(), cover, asked, about, pointing)
    if holder is None:
        holder = framed_holder(
            written,
            rated.tolist(),
            cover,
            lambda number: framed_subject_words(bank, candidates.sentences[number].index, focus),
            _in_language(candidates, reading, question_lang(focus)),
        )
    if holder is None or heads_section(bank, candidates.sentences[lead].index):
        return scores
    scores[holder] = rated[lead]
    scores[lead] = rated[lead] * MISSING_VALUE_WEIGHT
    return scores


def _in_language(candidates: Candidates, reading: Reading, lang: Lang) -> Callable[[int], bool]:
    """Whether candidate n's passage is in the question's language `lang`."""
    hits, sentences = reading.hits, candidates.sentences
    return lambda number: hits[sentences[number].passage_rank - 1].chunk.lang == lang


def _points_at_asked(text: str, focus: str) -> bool:
    """Whether the best candidate `text` says its value is the same as that of what the
    question `focus` asks of (asked_values.pointed_target, after which it writes a word the
    question names its subject by, value_frames.subject_words_written): "Le café du musée …
    est ouvert aux mêmes horaires que le musée." for "Quels sont les horaires du musée ?" (s61
    trial, quoted at .86), not for "Quels sont les horaires du café ?", which it answers."""
    target = pointed_target(text)
    return target is not None and subject_words_written(focus, target)[0] > 0


_SHARE = re.compile(r"\d\s?(?:%|percent\b|per cent\b|pour cent\b)")
"""A share of an amount: "10 %", "5 percent", "2 pour cent"."""


def _states_asked_share(bank: SentenceBank, index: int, focus: str) -> bool:
    """Whether the best-rated sentence at `index` states the amount the question `focus` asks
    as a share: it writes a percentage and every word the question names its subject by
    (value_frames.subject_words_written: its interrogatives and the words framing the value
    asked aside, "fee", "much") — "refunded minus a 10 % restocking fee" for "What is the
    restocking fee?", "Annual billing saves 20 % on Plus and Business." for "How much do I save
    with annual billing?" — so that no sentence writing a currency's amount but none of those
    words takes its place (s61 trial: "Arion Care+ … costs 149 euros" was quoted, and the Free
    plan's price row)."""
    text = bank.text(index)
    if "amount" not in asked_kinds(focus) or not _SHARE.search(text):
        return False
    written, own = subject_words_written(focus, text)
    return own > 0 and written == own


def _quotable_values(candidates: Candidates, bank: SentenceBank, written: Written) -> Written:
    """The asked values the candidates write (`written`), none for one that is only a title
    (titleonly.only_title): no quote, left out by `quotable`, it neither weighs its document's
    others down nor keeps its place as the one writing the value (s29 trial: a mail's "Could
    you please confirm the number of participants by 15 November 2025?", read as a heading,
    weighed down the signature under it that quoting widened to it), and none for boilerplate
    (SentenceFacts.boilerplate: footer lines repeated across the corpus, a mail's signature)
    of a kind many sentences write (asked_values.widely_written: an amount) that another candidate
    holds: an invoice footer's "IBAN … Pénalités de retard … 40 €" held the amount asked of
    the invoice and was quoted over its total (s31 trial), but a repeated footer's opening
    hours still hold the day asked, and the footer its amount when no other line writes one
    (s31 review)."""
    titles = [only_title(bank, item.index) for item in candidates.sentences]
    shared = [bank.facts(item.index).boilerplate for item in candidates.sentences]
    quotable = {}
    for kind, writes in written.items():
        kept = [held and not title for held, title in zip(writes, titles, strict=True)]
        elsewhere = any(held and not common for held, common in zip(kept, shared, strict=True))
        if elsewhere and widely_written(kind):
            kept = [held and not common for held, common in zip(kept, shared, strict=True)]
        quotable[kind] = kept
    return quotable


def _passage_cover(candidates: Candidates, reading: Reading) -> Callable[[int], float]:
    """The share of the question's own words (QuestionTerms.own_coverage) that candidate n's
    passage writes, its heading included (Reading.tokens_at, read once a passage): "habitation"
    of "Combien coûte l'assurance habitation ?" stands in the policy's title line above its
    premium."""
    covers: dict[int, float] = {}

    def cover(number: int) -> float:
        rank = candidates.sentences[number].passage_rank
        if rank not in covers:
            covers[rank] = reading.terms.own_coverage(reading.tokens_at(rank - 1))
        return covers[rank]

    return cover


def _value_weights(
    candidates: Candidates,
    bank: SentenceBank,
    written: Written,
    documents: list[str],
    asked: list[int],
    texts: list[str],
    focus: str,
) -> np.ndarray:
    """asked_values.value_weights of the candidates (`written`: the asked values they write,
    `documents`: each one's, `asked`: how many of the question's words each writes, `texts`:
    each one's, its table rows never weighed down for a rate), but 1 for
    a section's heading (titleonly.heads_section): it is no quote itself, the sentence under it
    takes its place when it leads (`_body_first`: "Location de la salle des fêtes" over
    "Week-end : 350 €"); not when that sentence writes no value of a kind few headings have
    under them (`_bare_body`): it would be quoted for the heading (s48 trial: "## Pharmacie de
    garde" led for "À quelle heure ouvre la pharmacie le samedi ?", and its "La nuit, le
    dimanche … composez le 3237" was quoted over "| Samedi | 9h00 - 12h30 | … |")."""
    weights = value_weights(written, documents, asked, texts)
    for number, item in enumerate(candidates.sentences):
        heading = weights[number] != 1.0 and heads_section(bank, item.index)
        if heading and not _bare_body(bank, item.index, focus):
            weights[number] = 1.0
    return weights


def _bare_body(bank: SentenceBank, heading: int, focus: str) -> bool:
    """Whether the sentence right under the heading at `heading` writes no value of a kind the
    question (`focus`) asks that few headings have under them (not only widely written: an
    amount under "Tarifs" may stand a line or a row further down)."""
    body = bank.next_in_document(heading)
    if body is None:
        return False
    written = values_written(focus, [bank.text(body)])
    return not only_widely_written(written) and not any(w[0] for w in written.values())


def mentioning_new_words(candidates: Candidates, reading: Reading) -> Candidates:
    """The candidates that mention one of a follow-up's new words (followup_quotes.py), in
    their order; one standing under a section the follow-up asks by its number ("et l'article
    9 ?": numbered_sections.standing_under) mentions it, whatever its own words: article 9's
    sentences write no "9", the article 4 sentence referring to it did, and was quoted (trial
    s17)."""
    focus = reading.terms.focus
    indices = [item.index for item in candidates.sentences]
    under = standing_under(focus, reading.bank, indices) if asked_numbers(focus) else []
    kept = [
        number
        for number, item in enumerate(candidates.sentences)
        if (under and under[number]) or mentions_new_words(item, reading)
    ]
    return subset(candidates, kept)


def quotable(candidates: Candidates, bank: SentenceBank, focus: str = "") -> Candidates:
    """The candidates a quote may be made of, in their order: none that is only a title or
    a heading (titleonly.py: "GIT-REBASE(1) Git Manual GIT-REBASE(1)" quoted alone at .89) but
    one writing the identifier the question asks (`_with_titled_identifiers`) or the day of the
    event it asks (`_with_dated_titles`), nor
    a line stamping an edit that the question (`focus`) does not ask about (editstamps.py:
    "Updated March 3, 2026 · 2 min read" answered "How long is the free trial?" with its "2
    min"; "Who last edited the travel page?" asks), unless every candidate is one (a one-line
    document, "Deadline: 1 March 2025"): then all of them, so that a title never turns an
    answer into an abstention. A heading that led gives its place to the sentence under it
    (`_body_first`)."""
    kept = _with_titled_identifiers(
        candidates, bank, without_titles(bank, candidates.sentences, focus), focus
    )
    kept, stating = _with_stating_headings(candidates, bank, kept, focus)
    kept = _with_dated_titles(candidates, bank, kept, focus)
    if not asks_about_edits(focus):
        kept = [n for n in kept if not bank.facts(candidates.sentences[n].index).edit_stamp]
    if not kept:
        return candidates
    ordered = _body_first(candidates, bank, kept, focus)
    ordered = _stating_heading_first(candidates, bank, ordered, stating, focus)
    chosen = subset(candidates, ordered)
    if ordered[0] != kept[0]:  # the heading's rating is its body's, or the best's
        chosen = first_rated(chosen, candidates.probabilities[0])
    return _named_output_first(_answer_after_question(chosen, bank), bank, focus)


def _named_output_first(candidates: Candidates, bank: SentenceBank, focus: str) -> Candidates:
    """`candidates`, a notebook's output whose code names a word of the question (`focus`)
    first when the best is an output of the same notebook whose code names none
    (output_cells.named_output: the "124" of `df['station'].nunique()` over the trips'
    "1248000" for "Combien de stations…?", s33 trial a81), rated as the best was; as they were
    otherwise."""
    position = named_output(bank, [item.index for item in candidates.sentences], focus)
    if position is None:
        return candidates
    return first_rated(moved_first(candidates, position), candidates.probabilities[0])


ANSWER_SHARE = 0.1
"""The least share of a best candidate's rating that is itself a question the line after it
needs to take its place (`_answer_after_question`): an answer line echoes few of the
question's words ("784 * 128 + 128 + 128 * 10 + 10" at .11 under its exercise's question at
.80: s33 trial a31), while a line the ranker rates near nothing is no answer to it ("We would
also like to plant a tree…" at .014 under a letter's question at .61: s32 trial n09)."""


def _answer_after_question(candidates: Candidates, bank: SentenceBank) -> Candidates:
    """`candidates`, the line right after the best in its document first when the best is
    itself a question (a line ending in "?") and that line is a candidate, no question itself,
    rated ANSWER_SHARE of the best at least: an exercise sheet's or a FAQ's question echoes the
    one asked, its words and all, while the line after it answers ("How many parameters does
    the network have?" then "101770": s33 trial a31). Only that line: a later one of the
    document may answer another question (a FAQ's next "Q. How long does shipping take?", a
    minutes' "The team lunch is on Friday": s33 review). As they were otherwise."""
    if not candidates.sentences:
        return candidates
    best = candidates.sentences[0].index
    if not is_question(bank.text(best)):
        return candidates
    after = bank.next_in_document(best)
    if after is None or is_question(bank.text(after)):
        return candidates
    least = ANSWER_SHARE * candidates.probabilities[0]
    under = [
        n
        for n, item in enumerate(candidates.sentences)
        if n and item.index == after and candidates.probabilities[n] >= least
    ]
    if not under:
        return candidates
    return moved_first(candidates, under[0])


def _with_stating_headings(
    candidates: Candidates, bank: SentenceBank, kept: list[int], focus: str
) -> tuple[list[int], list[int]]:
    """The `kept` positions, and those of the headings opening with a number the question
    (`focus`) asks and writing a value of each kind it asks (numbered_heading_values.py: a
    changelog's "## [2.0.0] - 2026-01-12" for "When was 2.0.0 released?"), in the candidates'
    order; and the positions of those headings."""
    if len(kept) == len(candidates.sentences) or not asked_section_numbers(focus):
        return kept, []
    held, numbers = set(kept), _DocumentNumbers(focus, bank)
    stating = [
        number
        for number, item in enumerate(candidates.sentences)
        if number not in held
        and states_asked_value(focus, bank.text(item.index), numbers.of(item.index))
    ]
    stating = _of_named_documents(stating, candidates, bank, focus)
    if not stating:
        return kept, []
    return sorted(held | set(stating)), stating


def _of_named_documents(
    positions: list[int], candidates: Candidates, bank: SentenceBank, focus: str
) -> list[int]:
    """Those of the candidates at `positions` whose documents the question (`focus`) names
    when it names some of the candidates' documents (numbered_heading_values.named_documents:
    "When did the Harbor booking service ship 2.0.0?" leaves the Ledger changelog's "## [2.0.0]
    - 2024-06-30" aside), all of them otherwise."""
    doc_ids = [bank.sentences[item.index].doc_id for item in candidates.sentences]
    named = named_documents(focus, [bank.documents[d] for d in dict.fromkeys(doc_ids)])
    return [n for n in positions if doc_ids[n] in named] if named else positions


class _DocumentNumbers:
    """The numbers a question (`focus`) asks of each document (numbered_heading_values.
    numbers_of_document), read once a document."""

    def __init__(self, focus: str, bank: SentenceBank) -> None:
        self._focus, self._bank = focus, bank
        self._by_doc: dict[str, list[str]] = {}

    def of(self, index: int) -> list[str]:
        """The numbers asked of the document of the bank's sentence `index`."""
        doc_id = self._bank.sentences[index].doc_id
        if doc_id not in self._by_doc:
            document = self._bank.documents[doc_id]
            self._by_doc[doc_id] = numbers_of_document(self._focus, document)
        return self._by_doc[doc_id]


def _stating_heading_first(
    candidates: Candidates, bank: SentenceBank, ordered: list[int], stating: list[int], focus: str
) -> list[int]:
    """`ordered`, the best-rated heading stating the asked value (`stating`:
    `_with_stating_headings`) first unless the first writes both a number the question (`focus`)
    asks and a value of each kind it asks (numbered_heading_values.answers_asked_number: the
    release calendar's "Release 2.0.1: 2026-01-27" and "RabbitMQ is switched off after the
    2.0.0 release." give way for 2.0.0); as they were otherwise."""
    if not stating or ordered[0] in stating:
        return ordered
    if answers_asked_number(focus, bank.text(candidates.sentences[ordered[0]].index)):
        return ordered
    left = [n for n in stating if n in ordered]  # an edit stamp's heading may be set aside
    if not left:
        return ordered
    lead = min(left, key=ordered.index)
    return [lead, *(n for n in ordered if n != lead)]


def _with_dated_titles(
    candidates: Candidates, bank: SentenceBank, kept: list[int], focus: str
) -> list[int]:
    """The `kept` positions, and those of the titles and headings left out that write the day
    of the event the question (`focus`) asks the day of and the words naming it (dated_titles.
    py: minutes' "Procès-verbal de l'assemblée générale ordinaire du 12 mars 2026" for "Quand a
    eu lieu l'assemblée générale ?"; promotions.dated_title_first puts one first), in the
    candidates' order."""
    if not asks_occasion(focus):
        return kept
    return _with_lines_writing(
        candidates, bank, kept, functools.partial(states_asked_occasion, focus)
    )


def _with_titled_identifiers(
    candidates: Candidates, bank: SentenceBank, kept: list[int], focus: str
) -> list[int]:
    """The `kept` positions, and those of the titles writing an identifier when the question
    (`focus`) asks one (titled_values.py: an invoice's "FACTURE N° …" line read as its heading
    for "Quel est le numéro de la facture ?"), in the candidates' order."""
    if not asks_identifier(focus):
        return kept
    return _with_lines_writing(candidates, bank, kept, writes_identifier)


def _with_lines_writing(
    candidates: Candidates, bank: SentenceBank, kept: list[int], writes: Callable[[str], bool]
) -> list[int]:
    """The `kept` positions, and those of the candidates left out whose text `writes` what the
    question asks (`_with_titled_identifiers`, `_with_dated_titles`), in the candidates'
    order."""
    if len(kept) == len(candidates.sentences):
        return kept
    held = set(kept)
    return [
        number
        for number, item in enumerate(candidates.sentences)
        if number in held or writes(bank.text(item.index))
    ]


_DIGIT = re.compile(r"\d")
"""A figure in a sentence (a price, an hour, a count)."""

BODY_SHARE = 0.5
"""The least share of the best kept candidate's rating the sentence under a heading that led
needs to take its place (`_body_first`): a footnote under a sentence read as a heading has
little."""


def _body_first(
    candidates: Candidates, bank: SentenceBank, kept: list[int], focus: str
) -> list[int]:
    """The `kept` positions, the sentence right after the best candidate in its document first
    when the best is a section's heading left out (titleonly.heads_section; no mail message's
    heading) and that sentence is kept, rated BODY_SHARE of the best kept at least: what the heading
    the question matched heads, rated as the heading was (s21 trial: "Location de la salle des
    fêtes" led, and its "Week-end : 350 € …" gave way to another document's price). That
    sentence must write a content word of the question (`focus`) or a figure: "Members can
    train every day." under "Opening hours" answers no "What are the gym opening hours?". A
    sentence writing each kind of value the question asks for (`_writes_asked_kinds`), or
    restating the heading with them (`_restates_heading`), takes its place however it is rated."""
    if not kept or kept[0] == 0 or not heads_section(bank, candidates.sentences[0].index):
        return kept
    heading = bank.sentences[candidates.sentences[0].index]
    if MailLayouts(bank.documents).is_mail_heading(heading.doc_id, heading.start):
        return kept  # a message's sender and day head it: its first line answers no more
    body = bank.next_in_document(candidates.sentences[0].index)
    if body is None:
        return kept
    restates = _restates_heading(bank, candidates.sentences[0].index, body, focus)
    if not (restates or words_written(bank, body, focus) or _DIGIT.search(bank.text(body))):
        return kept
    least = 0.0 if restates or _writes_asked_kinds(focus, bank.text(body)) else BODY_SHARE
    least *= candidates.probabilities[kept[0]]
    under = [
        n
        for n in kept
        if candidates.sentences[n].index == body and candidates.probabilities[n] >= least
    ]
    return under + [n for n in kept if n not in under]


_ASKED_DATE = Wants(frozenset({"date"}))
"""A date asked ("date soutenance", "Quand a lieu…"): answer_features' kind, a year or a month
written (`_restates_heading`)."""


def _restates_heading(bank: SentenceBank, heading: int, body: int, focus: str) -> bool:
    """Whether the line under a heading opens with the heading's words (of four characters at
    least), whole ("## Note" is no heading of "Notebook 3 must…": s33 review), and writes a
    value the question (`focus`) asks for: each kind asked_values reads (`_writes_asked_kinds`,
    an amount alone never: "## Location" then "Location de vélos : 15 €" answers no hall's
    price), or a date when it asks one (answer_features: "date", "quand"); never when it asks
    none ("What is my note?"). A calendar's "## SUMMARY" then "SUMMARY: 12 January, 9:00, room
    B" (s33 trial a57: the line rated .087, the heading .839, another document's quoted)."""
    head = fold(bank.text(heading)).lstrip("#").strip()
    text = bank.text(body)
    line = fold(text)
    if len(head) < 4 or not line.startswith(head) or line[len(head) : len(head) + 1].isalnum():
        return False
    if _writes_asked_kinds(focus, text):
        return True
    return "date" in Wants.of(focus).kinds and holds_asked_value(_ASKED_DATE, text)


def _writes_asked_kinds(focus: str, text: str) -> bool:
    """Whether `text` writes a value of each kind `focus` asks for by its words
    (asked_values.py; False when it asks none): a calendar event's line under its heading,
    "Entraînement U13: 2025-09-10 16:00 – 17:30, chaque semaine le mercredi", rated far below a
    newsletter's mention of the trainings, answers "Quel jour ont lieu les entraînements U13 ?"
    (s29 trial). Not when only kinds many headings have under them are asked (an amount:
    asked_values.only_widely_written): the sentence then keeps BODY_SHARE of the best's rating
    to take its place, as before the s30 kinds."""
    written = values_written(focus, [text])
    if only_widely_written(written):
        return False  # any heading's next line writing "€", any row with a figure (review C)
    return all(writes[0] for writes in written.values())


NAMED_YEAR_RANKS = 5
"""The first candidates (by the sentence ranker) among which one of a document named by the
asked year may answer instead of the chosen one (`_of_documents_naming`): a near-best sentence,
never a far one that only stands in a document of that year (s29 trial: "Combien de voix a
obtenu Karim Haddad à l'élection de 2024 ?" quoted the 2024 minutes' dues vote, 12th)."""


def _of_documents_naming(
    candidates: Candidates, bank: SentenceBank, names: Callable[[str, frozenset[str]], bool]
) -> Candidates:
    """The candidates among the first NAMED_YEAR_RANKS, in their order, of documents whose
    path and title (read together, a line apart) `names` a question's asked year
    (unheld_years.asked_years, as an edition's: `names_year`) or period
    (unheld_periods.periods_written): when the answer chosen stands in passages never writing
    it, an edition named by it answers instead (s29 trial: "d'après les statuts de 2019" chose the
    2024 statutes' article and abstained while statuts_2019's ranked fourth)."""
    kept = []
    for number, item in enumerate(candidates.sentences[:NAMED_YEAR_RANKS]):
        doc_id = bank.sentences[item.index].doc_id
        if names(f"{doc_id}\n{bank.documents[doc_id].title}", bank.tokens[item.index]):
            kept.append(number)
    return subset(candidates, kept)


@dataclass(frozen=True)
class NamedCandidates:
    """`of_named_documents`' candidates, and the name none of their documents writes when that
    left none (`unwritten`, folded words)."""

    candidates: Candidates
    unwritten: tuple[str, ...] | None = None


def of_named_documents(
    candidates: Candidates, bank: SentenceBank, terms: QuestionTerms
) -> NamedCandidates:
    """The candidates whose document writes a name of several words the question writes that
    some document writes (asked_names.py: "la Fondation de France" is not answered by another
    foundation's letter sharing the question's other words): those writing every such name
    when one does, else those writing one ("Anne Roux and Paul Marchand": each one's own
    receipt), and those whose document writes one it lacks in short ("la Fondation",
    "M. Marchand") and no other name sharing a word of it (`_in_short`). When no candidate's
    document writes any: none if the question asks one name and one of their documents writes a
    word of it (another entity sharing it: "Sophie Marchand" for "Paul Marchand"), else all (a
    document may name its subject otherwise: a paragraph goes on about the person the one before
    it names)."""
    names = asked_names(terms.focus)
    if not names:
        return NamedCandidates(candidates)
    texts = named_texts(bank)
    written = names_written_by(names, texts)
    if not written:
        return NamedCandidates(candidates)
    documents = [bank.sentences[item.index].doc_id for item in candidates.sentences]
    counts = [sum(doc_id in ids for ids in written.values()) for doc_id in documents]
    most = max(counts, default=0)
    if most == 0:
        others = (texts.folded[doc_id] for doc_id in set(documents))
        if len(written) == 1 and write_a_part(written, others):
            return NamedCandidates(subset(candidates, []), next(iter(written)))
        return NamedCandidates(candidates)
    lacking = {
        doc_id
        for doc_id, count in zip(documents, counts, strict=True)
        if count != most and (count == 0 or most == len(written))
    }
    short = _in_short(lacking, written, texts)
    kept = [
        number
        for number, doc_id in enumerate(documents)
        if doc_id not in lacking or doc_id in short
    ]
    return NamedCandidates(candidates if len(kept) == len(documents) else subset(candidates, kept))


def _in_short(
    documents: set[str], written: dict[tuple[str, ...], frozenset[str]], texts: NamedTexts
) -> set[str]:
    """The `documents` writing an asked name they lack in short (asked_names.writes_short_form:
    "la Fondation", "M. Marchand") and no other name sharing a word with it
    (asked_names.writes_another_name: "Sophie Marchand" for "Paul Marchand"), each read once."""
    lacked = {
        doc_id: [name for name, ids in written.items() if doc_id not in ids] for doc_id in documents
    }
    return {
        doc_id
        for doc_id, names in lacked.items()
        if any(writes_short_form(name, texts.cased[doc_id]) for name in names)
        and not any(writes_another_name(name, texts.cased[doc_id]) for name in names)
    }


def _unnamed(named: NamedCandidates, focus: str, lang: Lang) -> abstention.Reason | None:
    """The reason naming the asked name no candidate's document writes, when that left no
    quote (`of_named_documents`' `named`)."""
    unwritten = named.unwritten
    if unwritten is None:
        return None
    name = as_written(unwritten, focus)
    return abstention.Reason(abstention.no_document_naming(name, lang))


_NAMED_TEXTS: weakref.WeakKeyDictionary[SentenceBank, NamedTexts] = weakref.WeakKeyDictionary()
_NAMED_TEXTS_LOCK = threading.Lock()


def named_texts(bank: SentenceBank) -> NamedTexts:
    """The bank's documents' folded paths and texts (asked_names.folded_texts of its chunks),
    folded when a question first names someone, kept while the bank lives."""
    with _NAMED_TEXTS_LOCK:
        if bank not in _NAMED_TEXTS:
            _NAMED_TEXTS[bank] = folded_texts((chunk.doc_id, chunk.text) for chunk in bank.chunks)
        return _NAMED_TEXTS[bank]


def of_asked_meeting(
    candidates: Candidates, bank: SentenceBank, terms: QuestionTerms
) -> Candidates:
    """The candidates, but for a question naming a day or a month whose dated document among
    them it asks about ("Was Tom Becker at the January CODIR?": January's minutes), only that
    document's (dated_meetings.in_asked_meeting), in the ranker's order."""
    positions = in_asked_meeting(candidates.sentences, bank, terms)
    return subset(candidates, positions) if positions else candidates


def naming_identifiers(candidates: Candidates, bank: SentenceBank, names: list[str]) -> Candidates:
    """The candidates, but when the question names code identifiers of what it asks about
    (`names`, its identifiers.asked_about: `max_help_position`, `--max-size`; not a dotted
    class name) and some candidates write one exactly (case and all, as a whole name, in one
    of its spellings: identifiers.spellings, find's `-maxdepth` for `--maxdepth`), only those
    writing the most of them, in their order. The rankers read an identifier as its parts
    ("max", "help", "position"), so a neighbouring parameter sharing them won:
    "variable_start_string" quoted the `block_start_string` line (session-15 trial: 4 of 16 API
    parameter lookups right). A name the title of a candidate's document writes (any case)
    says where to look, not what is asked: "ServerAliveInterval in ssh_config" is not answered
    by any sentence naming ssh_config in the SSH_CONFIG(5) page. A sentence under a signature
    or a term (signatures.owner) writes what that line writes: a parameter's line names its
    function (s22 trial: "threshold (float) – …" under `detect_leaks(…)` lost to the signature)."""
    if not candidates.sentences or not names:  # no name asked: every candidate stays
        return candidates
    doc_ids = {bank.sentences[item.index].doc_id for item in candidates.sentences}
    titles = code_text(" ".join(_titles(bank.documents[doc_id] for doc_id in doc_ids)))
    forms = [
        [whole_name(form) for form in spellings(name)]
        for name in names
        if not whole_name(name, any_case=True).search(titles)
    ]
    counts = [
        _names_written(forms, _read_with_owner(bank, item.index)) for item in candidates.sentences
    ]
    most = max(counts)
    if not most:
        return candidates
    return subset(candidates, [number for number, count in enumerate(counts) if count == most])


def of_asked_numbered_names(candidates: Candidates, bank: SentenceBank, focus: str) -> Candidates:
    """The candidates, less those writing only a numbered sibling ("t18") of a short numbered
    name the question (`focus`) writes ("t17") when another writes it (numbered_names.py: s35
    hostile M5, t18's code and result quoted for t17)."""
    asked = numbered_names(focus)
    if not candidates.sentences or not asked:
        return candidates
    sentences = [bank.sentences[item.index] for item in candidates.sentences]
    texts = [bank.text(item.index) for item in candidates.sentences]
    before = [
        bank.documents[one.doc_id].text[max(0, one.start - BEFORE_CHARS) : one.start]
        for one in sentences
    ]
    kept = of_siblings_only(texts, before, asked)
    return candidates if kept is None else subset(candidates, kept)


def _read_with_owner(bank: SentenceBank, index: int) -> str:
    """A sentence's text as `code_text`, with the definition line it stands under
    (signatures.owner): a parameter's line names its function by the signature over it."""
    sentence = bank.sentences[index]
    above = owner(bank.documents[sentence.doc_id].text, sentence.start)
    return code_text(f"{bank.text(index)}\n{above}" if above else bank.text(index))


def describing_asked_fields(
    candidates: Candidates, bank: SentenceBank, terms: QuestionTerms
) -> Candidates:
    """The candidates, but for a question naming a field of an API reference (a parameter, an
    exception: "the threshold parameter of detect_leaks", "When does detect_leaks raise
    ValueError?") only the lines describing it under a definition (signatures.field_name of a
    sentence under a definition the question or its context names, signatures.owner_name:
    "threshold (float) – Fraction by which…" under `detect_leaks(…)`; asked_fields.py), when
    any is a candidate, in their order: the signature writes the same words and won (s22 trial). A
    question asking a default (the language data's `default_words`) keeps instead, when a
    candidate signature gives the asked field a default (`threshold=0.18`), those signatures
    and the sentences writing a default word and the field: a tutorial's example call
    `threshold=0.25` was quoted as the default. A question writing only the names of
    definitions keeps the lines right under their signatures ("What does detect_leaks do?"
    quoted the general index, then a code sample calling it). Otherwise a line describing a
    field under a definition, when the question names neither, gives way to the other
    candidates (asked_fields.unasked_fields)."""
    if not candidates.sentences:
        return candidates
    placed = [
        (bank.documents[doc_id].text, start, text)
        for doc_id, start, text in placed_sentences(bank, candidates.sentences)
    ]
    context = {word for alternatives, _ in terms.terms for word in alternatives}
    asked = read_question(placed, terms.focus, frozenset(context))
    kept = answering_lines(asked)
    if kept:
        return subset(candidates, kept)
    unasked = set(unasked_fields(asked))
    others = [number for number in range(len(placed)) if number not in unasked]
    if not unasked or not others:
        return candidates
    outranked = _outranked_fields(candidates, bank, sorted(unasked), others[0])
    return subset(candidates, [n for n in range(len(placed)) if n not in outranked])


def _outranked_fields(
    candidates: Candidates, bank: SentenceBank, fields: list[int], best: int
) -> set[int]:
    """Those of the candidate `fields` (lines describing an unasked field) rated below the
    best other candidate `best`, or all when `best` is of another document and in no API block
    (no definition over it, signatures.owner, nor one itself): "In 2026 we aim to reach 60,000
    connected households" over "to_unit (str) – Target unit." (s22 trial). A field line the
    ranker rated over its own signature stays: "chunk_size (int) – Bytes sent in one piece; a
    slow link needs smaller pieces." answers a paraphrase naming neither (review B)."""
    ratings = candidates.probabilities
    index = candidates.sentences[best].index
    kept = bank.sentences[index]
    first_line = bank.text(index).strip().split("\n", 1)[0]
    prose = not owner(bank.documents[kept.doc_id].text, kept.start)
    prose = prose and not is_definition(first_line)
    return {
        number
        for number in fields
        if ratings[number] < ratings[best]
        or (prose and bank.sentences[candidates.sentences[number].index].doc_id != kept.doc_id)
    }


def signed_contact(candidates: Candidates, bank: SentenceBank, question: str) -> Candidates:
    """The candidates, but for a question asking how to reach a person it names ("What is the
    phone number of Lena Hartmann?") only the lines of that person's mail signature giving a
    number or an address, when any is a candidate (mail_candidates.giving_contact), in their
    order: the rankers read no phone number as asked for, and quoted her message's words. Only
    when the question asks nothing else or the best candidate is none of that person's
    messages (mail_candidates.forces_signature): "What did Tom say about the phone lines?" is
    answered from what he wrote."""
    if not candidates.sentences or not QuestionAsks.of(question).contact:
        return candidates
    placed = placed_sentences(bank, candidates.sentences)
    kept = giving_contact(placed, question, bank.documents)
    if not kept or not forces_signature(question, placed[0][:2], bank.documents):
        return candidates
    return subset(candidates, kept)


def unsigned(candidates: Candidates, bank: SentenceBank, question: str) -> Candidates:
    """The candidates but the lines closing a signed document with where and when it was
    signed ("Fait à Lyon, le 2 décembre 2025.": signing.is_signing_line), in their order, unless
    the question asks that (signing.asks_signing) or every candidate is one: such a line was
    quoted for an amendment's annual fee (trial s20)."""
    if not candidates.sentences or asks_signing(question):
        return candidates
    kept = [
        number
        for number, item in enumerate(candidates.sentences)
        if not bank.facts(item.index).signing
    ]
    return subset(candidates, kept) if kept else candidates


def of_named_records(candidates: Candidates, bank: SentenceBank, question: str) -> Candidates:
    """The candidates, but when the question writes a record's identifier ("INC-2025-07":
    record_ids.py) and some candidates are of documents writing it, only those, in their
    order: its post-mortem's root cause, not another's "Find the root cause" action row; and of
    those, none standing right under a heading naming another record of its letters: a log of
    "## HD-0007" sections answered "What was the root cause of HD-0007?" with HD-0008's "Root
    cause: fan 8 broke." (s21 hostile probe), while a table row of HD-0007 in another document
    stays (s21 review), nor one naming another record itself (a statement's row of another
    invoice: `_under_another_record`)."""
    if not candidates.sentences:
        return candidates
    asked = asked_records(question)
    if asked is None:
        return candidates
    doc_ids = dict.fromkeys(bank.sentences[item.index].doc_id for item in candidates.sentences)
    writing = {doc_id for doc_id in doc_ids if asked.pattern.search(bank.documents[doc_id].text)}
    if not writing:
        return candidates
    placed = [
        (number, item.index, bank.sentences[item.index].doc_id, _heading_path(bank, item.index))
        for number, item in enumerate(candidates.sentences)
        if bank.sentences[item.index].doc_id in writing
    ]
    owning = {doc_id for _, _, doc_id, path in placed if any(map(asked.pattern.search, path))}
    kept = [
        number
        for number, index, doc_id, path in placed
        if not _under_another_record(bank, index, path, asked, doc_id not in owning)
    ]
    return subset(candidates, kept)


def _under_another_record(
    bank: SentenceBank,
    index: int,
    path: list[str],
    asked: AskedRecords,
    cross_references: bool,
) -> bool:
    """Whether the bank's sentence `index` stands in a section of another record than the one
    asked, of the same letters: the innermost of its heading (chunking.section_of) and the
    markdown headings above it (headingpath.headings_above, all of them) naming a record of
    those letters names another (AskedRecords.another_in_path). The nearest heading alone
    ("### Root cause") named none: HD-0008's root cause was quoted for HD-0007. The sentence
    itself naming another record of those letters, and not the one asked, is that record's too:
    a bank statement writing the asked invoice's number once had its row of another invoice,
    "VIR … FACTURE FA-2025-007", quoted for FA-2025-014 (s31 trial: rows are checked one by
    one, not by the document writing the number), unless a heading above it names the
    asked record: under "# Facture FA-2025-014", "Total TTC : 2 480 €, cette facture annule et
    remplace la facture FA-2025-007." is the asked invoice's own total (s31 review). A sentence
    writing the asked record itself is a cross-reference to it, kept when `cross_references`
    (no candidate of its document stands under a heading writing the asked record, `path` the
    sentence's headings): "L'arrêté n° 2025-A-018 … est abrogé." under the heading of order
    2025-A-027, in that order's own file, answers which order repealed 2025-A-018 (s32 trial),
    while in a log of "## HD-…" sections, under "## HD-0008", "the battery of HD-0007's
    replacement laptop was swollen" is no root cause of HD-0007 when a candidate stands under
    the log's "## HD-0007" (review of s32-trialfix)."""
    text = bank.text(index)
    if cross_references and asked.pattern.search(text):
        return False
    if asked.names_another(text):
        return not any(asked.pattern.search(heading) for heading in path)
    return asked.another_in_path(path)


def _heading_path(bank: SentenceBank, index: int) -> list[str]:
    """The headings over the bank's sentence `index`, outermost first: the markdown headings
    above it (headingpath.headings_above, all of them), then its own (chunking.section_of);
    none when it has no heading."""
    heading = heading_over(bank, index)
    if heading is None:
        return []
    sentence = bank.sentences[index]
    text = bank.documents[sentence.doc_id].text
    return [*headings_above(text, sentence.start, heading, shown=READ_WHOLE_PATH), heading]


def by_asked_speaker(candidates: Candidates, bank: SentenceBank, question: str) -> Candidates:
    """The candidates, but when the question asks what a person it names said
    (speakers.asked_speaker) and some candidates stand right under a turn heading naming them
    (a transcript's, a chat log's, a mail's), only those, in their order: Sara's answer, not
    the reply above it that writes the question's words (s22 trial)."""
    asked = asked_speaker(question)
    if not asked or not candidates.sentences:
        return candidates
    kept = [
        number
        for number, item in enumerate(candidates.sentences)
        if names_speaker(heading_over(bank, item.index) or "", asked, _kind_of(bank, item.index))
    ]
    return subset(candidates, kept) if kept else candidates


def in_answering_record(candidates: Candidates, bank: SentenceBank, question: str) -> Candidates:
    """The candidates, but when the best stands in a thread of an export's records (a
    ticket's comments) that another of its records answers better, that record's first, the
    thread's other records left out, other threads' and documents' kept after
    (record_threads.answering_records): the agent's reply to "How do I fix …?" rather than
    the customer's comment restating the problem, the comment by an agent for "Which agent
    helped …?" (s25 trial). A candidate supports a reply when it writes words of the
    question (its coverage). The answering record stands in the best's place, with its
    probability when lower: `choose` weighs the others kept against it as against the best."""
    placed = [
        (bank.documents[bank.sentences[item.index].doc_id], bank.sentences[item.index].start)
        for item in candidates.sentences
    ]
    supported = [item.coverage > 0 for item in candidates.sentences]
    kept = answering_records(placed, question, supported)
    if kept is None:
        return candidates
    answering = subset(candidates, kept)
    return first_rated(answering, max(answering.probabilities[0], candidates.probabilities[0]))


def _kind_of(bank: SentenceBank, index: int) -> str:
    """The reader kind of the document holding the bank's sentence `index` ("vtt", "md")."""
    return bank.documents[bank.sentences[index].doc_id].kind


def defining_asked_terms(candidates: Candidates, bank: SentenceBank, question: str) -> Candidates:
    """The candidates, but when the question asks what a term it quotes means and some
    candidates are that term's definition (defined_terms.py), only those, in their order: the
    definition of « Client », not « Données » that mentions the Client. A question asking what
    an unquoted term means (asked_meanings.py: "Qu'est-ce qu'une condition suspensive ?") keeps
    the sentences defining it the same way: the FAQ's answer under that heading, not a clause
    using the term."""
    if not candidates.sentences:
        return candidates
    asked = asked_terms(bank, question)
    if asked:
        kept = [n for n, item in enumerate(candidates.sentences) if defines(bank, item, asked)]
        return subset(candidates, kept) if kept else candidates
    meaning = asked_term(question)
    if meaning is None:
        return candidates
    kept = [
        n for n, item in enumerate(candidates.sentences) if _defines_meaning(bank, item, meaning)
    ]
    return subset(candidates, kept) if kept else candidates


def _defines_meaning(bank: SentenceBank, item: ScoredSentence, meaning: AskedTerm) -> bool:
    """Whether the bank's sentence `item` defines the unquoted term asked (asked_meanings.py)."""
    sentence = bank.sentences[item.index]
    document = bank.documents[sentence.doc_id].text
    return defines_term(meaning, bank.text(item.index), document, sentence.start)


def _names_written(forms: list[list[re.Pattern[str]]], text: str) -> int:
    """How many of the names (each by its spellings' patterns) `text` writes."""
    return sum(any(pattern.search(text) for pattern in spelt) for spelt in forms)


def looked_up(candidates: Candidates, bank: SentenceBank, focus: str = "") -> Candidates:
    """The candidates, but for a lookup only the rows it looks up: when rows have a key-column
    cell the question names (ScoredSentence.names_key, noted when scoring: "exit code 9",
    "log_level"), those of the best's table, or of the first such row's when the best is
    prose or a row whose row number the question names (`| 2 | 500 |` for "exit code 2"),
    in the quote ranker's order; when no row's key column names it, the rows whose row number
    it names (ScoredSentence.numbered_key: `| 2 | 8081 |` for "step 2" in `| Step | Port |`,
    whose steps number its rows). The ranker read a row's terms, not that its key is
    the asked one, and no training question looks a row up: it took a neighbouring row of the
    right table ("What does log_level do?" quoted the log_max_size_mb row) or the prose
    around it (16 of the 67 lookups of evals/sets/tables). Another table's row is never
    taken for the best's: its key answers another lookup. For a question (`focus`) asking a
    step (numbered_sections.asks_step: "l'étape 2 de la bascule") only the best's
    document's rows are: another document's row numbered 2 (an incident's action item 2) is
    no step 2 of the procedure the best stands in (s19 trial); a version or an article asked
    may stand in another document than the best's (s19-slides review). No candidates, none:
    the passages read may hold no sentence but a table's frame (the header row of a sheet
    thousands of columns wide fills them: s21 hostile probe, an IndexError). A prose best
    that names the row's key and writes what else the question asks, which the row does not,
    keeps its place (keyed_prose.prose_answers_rest: "How is ENV101 assessed?" is answered by
    the module page, not the exam timetable's ENV101 row; s47 trial)."""
    if not candidates.sentences:
        return candidates
    keyed = [item for item in candidates.sentences if item.names_key]
    if not keyed:  # "step 2" in `| Step | Port |`: no port is 2, so the rows it numbers are read
        keyed = [item for item in candidates.sentences if item.numbered_key]
    if asks_step(focus):
        keyed = in_best_document(keyed, candidates, bank)
    if not keyed:
        return _looked_up_by_words(candidates, bank, focus)
    table_of = {item.index: bank.table_of(item.index) for item in keyed}
    best = candidates.sentences[0].index
    table = table_of[best] if best in table_of else _table_of_unkeyed(candidates, bank)
    if table is None:
        if prose_answers_rest(bank, best, keyed[0].index, focus):
            return candidates
        table = table_of[keyed[0].index]
    if table is None:
        return candidates
    rows = [
        number
        for number, item in enumerate(candidates.sentences)
        if item.index in table_of and table_of[item.index] == table
    ]
    if not rows:
        return candidates
    if rows == [0]:  # the best is the row looked up: its table's other rows answer other lookups
        rows = [
            number
            for number, item in enumerate(candidates.sentences)
            if number == 0 or bank.table_of(item.index) != table
        ]
    return subset(candidates, rows)


def on_named_line(candidates: Candidates, bank: SentenceBank, focus: str) -> Candidates:
    """The candidates, but when lines of the best's document are keyed by words the question
    (`focus`) writes whole as keys (keyed_lines.looks_up_line: "Jeudi 8 h 30 - 12 h 00 …" for
    "les horaires le jeudi", days or months only; any key when the best is itself a keyed line
    of a key the question does not write, keyed_lines.unnamed_keyed_line: "Volunteers 1,380
    1,120" over the header line "Indicator 2025 2024") and the best is none of them, only those
    lines, in the quote ranker's order: a line looked up by its key, as a table's row
    (`looked_up`)."""
    if not candidates.sentences:
        return candidates
    first = bank.sentences[candidates.sentences[0].index]
    best = first.doc_id
    terms, text = QuestionTerms(focus=focus), bank.documents[best].text
    keyed = unnamed_keyed_line(text, first.start, first.end, terms)
    sentences = (bank.sentences[item.index] for item in candidates.sentences)
    named = [
        number
        for number, sentence in enumerate(sentences)
        if sentence.doc_id == best
        and (
            looks_up_line(text, sentence.start, sentence.end, terms)
            or (keyed and names_line(text, sentence.start, sentence.end, terms))
        )
    ]
    if not named or named[0] == 0 or writes_key(bank, candidates, named[0]):
        return candidates
    return subset(candidates, named)


def _looked_up_by_words(candidates: Candidates, bank: SentenceBank, focus: str) -> Candidates:
    """The candidates, but when the best is a table row, only the rows of its table whose key
    cell the question writes as words (ScoredSentence.names_word_key: "Which pager rota covers
    payments?" takes the `payments` row, not the `recommendations` row owned by the Payments
    team, whose words the ranker read alike), in the quote ranker's order. Only within the
    best's table: a word is a key less surely than a number or an identifier is, so prose, or
    another table, that the ranker put first is not given up for it (session 20's sheets). Nor
    is a best row writing those words in another of its cells when the question names the key
    column's header: it asks a key by a value ("Which service depends on billing?" asks the
    `payments` row, whose `depends on` cell is `billing`, not the `billing` row; review of
    2d0ed07), where "Which pager rota covers payments?" asks the `payments` row's rota."""
    table = bank.table_of(candidates.sentences[0].index)
    if table is None:
        table = _table_named_twice(candidates, bank, focus)
    if table is None:
        table = table_asked_by_name(candidates.sentences, bank, focus)
    if table is None:  # "le solde du photographe": the budget's row, not the contract's balance
        table = table_asked_by_cell(candidates.sentences, bank, focus)
    if table is None:
        return candidates
    rows = [
        number
        for number, item in enumerate(candidates.sentences)
        if item.names_word_key and bank.table_of(item.index) == table
    ]
    best = candidates.sentences[0]
    if not rows or _asks_key_by_value(best, rows, candidates, bank, focus):
        return candidates
    if rows == [0]:  # the best is the row: its table's other rows go, prose stays
        rows = _without_other_rows(candidates, bank, table)
    return candidates if len(rows) == len(candidates.sentences) else subset(candidates, rows)


def _without_other_rows(
    candidates: Candidates, bank: SentenceBank, table: tuple[str, int, int]
) -> list[int]:
    """The numbers of the candidates but the rows of `table` after the best, the row looked
    up: the quote's choice (`choose`, the shortest of those rated alike) takes no neighbouring
    row for it ("Who is Paul Mercier's manager?" quoted the shorter row of his report)."""
    return [
        number
        for number, item in enumerate(candidates.sentences)
        if number == 0 or bank.table_of(item.index) != table
    ]


def _table_named_twice(
    candidates: Candidates, bank: SentenceBank, focus: str
) -> tuple[str, int, int] | None:
    """When the best candidate is prose, the table of the first row among the candidates that
    stands in the best's document, whose key cell the question writes as words
    (ScoredSentence.names_word_key) and whose key column's header it names too: "How much
    does the Pro plan cost?" looks up the `Pro` row of `| Plan | Price |`, not the sentence
    below the table that the ranker put first, "Extra build minutes cost $0.01 each." (s21
    trial). The header named as well, with the key written as a key (`_written_as_key`), makes
    the key sure enough to give prose up for it (a key word alone does not: session 20's
    sheets); None when no row is named so."""
    best = bank.sentences[candidates.sentences[0].index].doc_id
    terms = QuestionTerms(focus=focus)
    for item in candidates.sentences:
        if not item.names_word_key or bank.sentences[item.index].doc_id != best:
            continue
        header = bank.table_header(item.index)
        if header is None:
            continue
        header_cell = key_cell(bank.text(header), bank.key_column(item.index))
        if not names_words(header_cell, terms):
            continue
        if not _written_as_key(
            key_cell(bank.text(item.index), bank.key_column(item.index)), header_cell, focus
        ):
            continue
        number = candidates.sentences.index(item)
        return None if writes_key(bank, candidates, number) else bank.table_of(item.index)
    return None


def _written_as_key(key: str, header: str, focus: str) -> bool:
    """Whether the question (`focus`) writes a row's `key` cell as a key, not as an ordinary
    word: right before its column's `header` word ("the Pro plan", "a free plan"), or
    capitalised as the cell is, after the question's first word ("the plan Pro"). "Is the plan
    free for students?" and "Which plan is open to students?" write the `Free` and `Open` keys
    as adjectives, and their answer is prose (s22 review)."""
    folded_key, folded_header = fold(key).strip(), fold(header).strip()
    if re.search(rf"\b{re.escape(folded_key)}\s+{re.escape(folded_header)}", fold(focus)):
        return True
    if key == key.casefold():
        return False
    return any(match.start() > 0 for match in re.finditer(rf"\b{re.escape(key.strip())}\b", focus))


def _asks_key_by_value(
    best: ScoredSentence,
    rows: list[int],
    candidates: Candidates,
    bank: SentenceBank,
    focus: str,
) -> bool:
    """Whether the question (`focus`) names the header of the key column of the `best` row,
    whose key cell it does not name, and that row writes the key words of one of the
    candidates' `rows` (SentenceBank.key_words) among its cells' words."""
    header = bank.table_header(best.index)
    if best.names_word_key or header is None:
        return False
    key_header = key_cell(bank.text(header), bank.key_column(best.index))
    if not names_words(key_header, QuestionTerms(focus=focus)):
        return False
    written = cell_words(bank.text(best.index))
    return any(bank.key_words(candidates.sentences[number].index) in written for number in rows)


def _table_of_unkeyed(candidates: Candidates, bank: SentenceBank) -> tuple[str, int, int] | None:
    """The table of the best candidate, a sentence naming no key; None for prose, or for a row
    whose row number is the asked key (ScoredSentence.numbered_key: `| 2 | 500 |` for "exit
    code 2"), which holds the number without being looked up by it."""
    best = candidates.sentences[0]
    return None if best.numbered_key else bank.table_of(best.index)


def choose(
    candidates: Candidates,
    bank: SentenceBank,
    limit: int,
    ratio: float,
    budget: int,
    lead: float = 1.0,
) -> list[ScoredSentence]:
    """The shortest of the sentences the ranker rates at least `lead` of the best's
    probability, then those nearly as good (at least `ratio` of the best's) while the quote
    stays within `budget` characters; at most `limit`, in reading order."""
    if not candidates.sentences:
        return []
    top = candidates.probabilities[0]
    leading = [
        s
        for s, p in zip(candidates.sentences, candidates.probabilities, strict=True)
        if p >= lead * top
    ]
    best = min(leading or candidates.sentences[:1], key=lambda s: _length(bank, s))
    chosen, length = [best], _length(bank, best)
    for candidate, probability in zip(candidates.sentences, candidates.probabilities, strict=True):
        if len(chosen) >= limit or probability < ratio * top:
            break
        if candidate is best:
            continue
        if length + _length(bank, candidate) <= budget:
            chosen.append(candidate)
            length += _length(bank, candidate)
    return sorted(chosen, key=lambda s: _reading_order(bank, best, s))


def choose_by_score(
    scored: list[ScoredSentence], bank: SentenceBank, limit: int, budget: int
) -> list[ScoredSentence]:
    """The hand-weighted choice (sentences.py score): the shortest of the near-best sentences,
    then others close in score while the quote stays within `budget` characters, at most
    `limit`, in reading order."""
    if not scored:
        return []
    ranked = sorted(scored, key=lambda s: -s.score)
    top = ranked[0].score
    best = min((s for s in ranked if s.score >= LEAD_RATIO * top), key=lambda s: _length(bank, s))
    chosen, length = [best], _length(bank, best)
    for candidate in ranked:
        if len(chosen) >= limit or candidate.score < NEIGHBOUR_RATIO * top:
            break
        if candidate is best or length + _length(bank, candidate) > budget:
            continue
        chosen.append(candidate)
        length += _length(bank, candidate)
    return sorted(chosen, key=lambda s: _reading_order(bank, best, s))


Translates = Callable[[Sequence[str], Sequence[Hit], Lang], bool]
"""Whether words a question in a language (as typed) mean words of the passages (hits) written
in the other language (api: passage_translation.translations in the multilingual channel)."""
Refusal = Literal["model", "min_confidence"]
MODEL: Refusal = "model"
"""Refused by the shipped models: the answerability model, or their own confidence floor."""
USER_FLOOR: Refusal = "min_confidence"
"""Refused by the user's `min_confidence` setting alone."""
OTHERWISE_LIMIT = 400
"""The most characters an answer's quotes may total with another document's statement added
(the evaluation's quote limit: a reader takes it in at a glance); else it is left out."""
NEIGHBOUR_RATIO = 0.85
"""With the hand-weighted choice, a further sentence is quoted when its score is at least this
share of the best one."""
LEAD_RATIO = 0.9
"""Of the sentences scoring at least this share of the best, the shortest leads the quote:
near-equal evidence read at a glance (macro quote accuracy within 400 characters over the dev
halves: .378 when the top score always leads, .389 at 0.9; test halves .403 and .405)."""


def _length(bank: SentenceBank, item: ScoredSentence) -> int:
    """The characters a sentence shows (visible.without_invisible): a zero-width space in this
    year's row made last year's the shortest near-best quote (s33 hostile probe)."""
    return len(without_invisible(bank.text(item.index)))


def _reading_order(bank: SentenceBank, best: ScoredSentence, item: ScoredSentence) -> tuple:
    sentence = bank.sentences[item.index]
    return (sentence.doc_id != bank.sentences[best.index].doc_id, sentence.doc_id, sentence.start)


def section_first(
    passages: list[Passage],
    retrieval: Retrieval,
    cited: Citation,
    bank: SentenceBank,
    question: str,
) -> list[Passage]:
    """The passages shown, but for a question asking a section's number ("version 3.5.1",
    "l'article 5": numbered_sections.asked_sections) the one holding the quote first when the
    quote stands under that number (numbered_sections.stands_under), its score its own: the
    section asked is the first passage read, as its quote is the answer. Any other order as
    ranked."""
    if not asked_numbers(question):
        return passages
    document = bank.documents[cited.doc_id]
    numbers = asked_sections(question, document)
    for rank, (passage, hit) in enumerate(zip(passages, retrieval.hits, strict=False)):
        if passage.doc_id != cited.doc_id or not passage.start <= cited.start < passage.end:
            continue
        under = any(
            stands_under(document, hit.chunk, cited.start, cited.quote, number)
            for number in numbers
        )
        if not rank or not under:
            return passages
        moved = [passage, *passages[:rank], *passages[rank + 1 :]]
        return [shown.model_copy(update={"rank": n}) for n, shown in enumerate(moved, 1)]
    return passages


def passages_of(retrieval: Retrieval, documents: Mapping[str, Document]) -> list[Passage]:
    return [
        Passage(
            rank=rank,
            doc_id=hit.chunk.doc_id,
            title=documents[hit.chunk.doc_id].title,
            path=documents[hit.chunk.doc_id].path,
            start=hit.chunk.start,
            end=hit.chunk.end,
            text=hit.chunk.text,
            lang=hit.chunk.lang,
            score=round(hit.score, 6),
        )
        for rank, hit in enumerate(retrieval.hits, 1)
    ]


def _vouching_translations(
    terms: QuestionTerms, lang: Lang, languages: Callable[[], abstention.DocumentLanguages] | None
) -> list[str]:
    """The passage words `terms`' absent words were read as (passage_translation.py) when they
    vouch for passages in the other language (across.writes_translated): every absent content
    word translated (none in reason_words.nameable_words of `terms.absent`: "What is the salary
    of the mayor?" with "salary" read as "salaire" and "mayor" untranslated found a salary line
    of no mayor) on a corpus that reads `lang` across (DocumentLanguages.read_across_from: one
    with no document in `lang` needs a close passage, across.MIN_CLOSENESS); else none."""
    if not terms.translated or nameable_words(terms.absent, lang) or languages is None:
        return []
    return terms.translated if languages().read_across_from(lang) else []


def compose(
    question: str,
    retrieval: Retrieval,
    scores: QuestionScores,
    settings: Settings,
    centroid: np.ndarray | None,
    channel: str | None,
    evidence_ranking: Retrieval | None = None,
    lang: Lang | None = None,
    languages: Callable[[], abstention.DocumentLanguages] | None = None,
    across: Closeness | None = None,
    translates: Translates | None = None,
    folder: FolderFacts | None = None,
) -> Answer:
    """The Answer for a retrieval: quotes and citations, or an abstention with the passages
    (`scores`: the question's sentence scores, its terms and its vector in the answer channel
    against the index's sentences, holding those reranking computed; `centroid`: the corpus's, see
    centroid.corpus_centroid, None when unknown; `channel`: the answer channel, whose dense scores
    the question features read, None when the index has no vector channel). The answer models read
    the top passages of `evidence_ranking`, the evidence fusion's ranking (None: `retrieval`'s), and
    quote from them (quoting from the ranking's passages instead lost .007 of macro quote accuracy
    on the dev halves, bundled .508 -> .477); `retrieval` is the ranking shown. The answer's words
    (its reason) are in `lang`, the language the question was asked in (a follow-up's own: api), or
    else the language of the text searched (a question that only greets, thanks or acknowledges:
    that of its words); `languages` gives the documents' languages, read only for a question none of
    whose words (or a follow-up none of whose new words) the documents use
    (abstention.before_search), or one abstained on naming words the documents never use
    (abstention.not_answered). `across` scores passages in the answer channel when it is
    multilingual (across.Closeness; a follow-up's by its own words): a question
    refused for its words alone is read by the answer models all the same when that channel finds
    a close passage in the other language (across.py), and a quote from passages all in the
    other language is given only when it finds one close or they write a name the question
    writes (across.unvouched_across); a reason naming words the documents
    never use says to ask in that language when that channel does, or when `translates` (None:
    no multilingual channel) reads those words as words of the passages read in that language
    (passage_translation.py; abstention._may_help) or of the corpus in it (with no passages:
    corpus_translation.in_other_language, the counterparts a question none of whose words
    occurs needs). `folder` gives what the checks read of the whole folder (folder_facts.py:
    the days its documents are dated, its changelogs), kept with the loaded index (api); None:
    read of the bank's documents for this question alone."""
    bank, terms, query_vector = scores.bank, scores.terms, scores.query_vector
    lang = terms.courtesy or lang or retrieval.query_lang  # "merci": fr

    def closest() -> list[str]:  # read only for a word to offer its spelling (spelling_hints)
        return [hit.chunk.text for hit in retrieval.hits]  # the passages listed below

    def translated(top: Sequence[Hit]) -> bool:  # the absent content words, read across
        absent = nameable_words(list(dict.fromkeys(terms.absent)), lang)
        return translates is not None and translates(absent, top, lang)

    def closer() -> bool:  # read only for a reason that may say to ask in the other language
        ranking = evidence_ranking or retrieval
        if said_in_other_language(ranking, lang, across, settings):
            return True
        return translated(ranking.hits[: settings.answer_passages])

    def counterparts() -> bool:  # read only for a question none of whose words occurs
        return translated([])  # the corpus's words

    ranked = (evidence_ranking or retrieval).hits
    place = asked_place(terms.focus, bank, ranked, settings.answer_passages)
    if isinstance(place, MissingPage):  # "page 900" of a 66-page report
        reason = abstention.no_such_page(place.page, place.most, lang, place.title, place.blank)
        return abstained(question, reason, lang, 0.0, passages_of(retrieval, bank.documents))
    latest = _sole_latest(terms, ranked[: settings.answer_passages], folder, bank)
    early = (  # "page 12", "chapter 7": the place is asked, its cue need not be written
        None
        if place.waives_refusal or latest
        else abstention.before_search(terms, lang, languages, closest, closer, counterparts)
    )
    if early is not None and not (
        early.words_alone
        and said_in_other_language(evidence_ranking or retrieval, lang, across, settings)
    ):
        shown = (
            [] if abstention.nothing_to_search(terms) else passages_of(retrieval, bank.documents)
        )
        said = early.reason
        return abstained(question, said.text, lang, 0.0, shown, claims_absence=said.claims_absence)

    def abstain(reason: str, claims_absence: bool = False) -> Answer:
        """The answer abstaining for `reason`, showing the passages retrieved."""
        passages = passages_of(retrieval, bank.documents)
        return abstained(question, reason, lang, 0.0, passages, claims_absence=claims_absence)

    top = (evidence_ranking or retrieval).hits[: settings.answer_passages]
    top = with_signatures(top, terms.focus, bank.chunks, MailLayouts(bank.documents))
    top = place_hits(top, place, bank, terms.focus)
    read = _read_documents(top, retrieval.hits, bank)
    refused_on_reading = _refused_on_reading(terms, top, retrieval.hits, read, bank, lang)
    if refused_on_reading is not None:
        return abstain(refused_on_reading.text, refused_on_reading.claims_absence)
    models = shipped_models()
    versioned = version_documents_read(top, bank, terms.focus)
    widened = with_asked_version(with_asked_meeting(top, bank, terms), bank, versioned)
    reading = Reading(bank, widened, terms, versioned)
    candidates = rank_candidates(reading, scores, models)
    if terms.new_terms:
        mentioning = mentioning_new_words(candidates, reading)
        if mentioning.sentences:  # else the models read every candidate, as for any question
            candidates = mentioning
    evidence = question_features(
        candidates.probabilities, candidates.rows, reading, (query_vector, centroid), channel
    )
    sure = round(float(models.confidence.predict(evidence)), 4)
    answerable = float(models.answerability.predict(evidence))
    passages = passages_of(retrieval, bank.documents)
    waived = bool(place.waives_models or latest)  # "the newest release?" of a changelog
    waived = waived or _holds_owner_value(terms.focus, candidates, bank)  # "Office phone: 01…"
    waived = waived or _holds_looked_up_row(terms.focus, candidates, bank)  # "| Costume | … |"
    refused = (
        place_refusal(sure, settings) if waived else refusal(models, answerable, sure, settings)
    )
    across_only = (
        refused is None
        and not latest
        and unvouched_across(
            top,
            lang,
            across,
            names_asked(question, (evidence_ranking or retrieval).question),
            [*(hit.chunk.text for hit in top), *_titles(read.closest)],
            _vouching_translations(terms, lang, languages),
        )
    )  # no passage read in its language, none close, none writing a name or translated word
    occurring = None if refused == USER_FLOOR else answering_series(terms, top, bank.documents)
    facts = folder or FolderFacts(bank.documents)
    following = None
    if occurring is None and refused is None and not across_only:  # "the next site meeting?"
        following = next_in_series(candidates.sentences, top, bank, terms, lambda: facts.dated_days)
        occurring = None if following is None else following.answer
    if occurring is not None:  # "le prochain ramassage après le 15 octobre": a series' day
        counted_from = [] if following is None else [reference_note(following.after, lang)]
        return _series_answer(question, occurring, sure, passages, bank, lang, counted_from)
    named = None if refused or across_only else of_named_documents(candidates, bank, terms)
    citations = (
        [] if named is None else _quoted(named.candidates, reading, models, settings, place, scores)
    )
    if not citations or not verified(citations, bank.documents):
        floor = refused is not None and answerable >= settings.abstain_threshold  # sure alone
        if refused == USER_FLOOR and settings.min_confidence is not None:
            reason = abstention.unsure(sure, settings.min_confidence, lang)
            return abstained(question, reason, lang, sure, passages, below_floor=True)  # names sure
        why = None if named is None else _unnamed(named, terms.focus, lang)
        why = why or abstention.not_answered(
            terms, lang, reading.passage_tokens(), languages, closest, closer
        )
        confidence = 0.0 if across_only else abstained_confidence(sure, answerable)
        return abstained(
            question,
            why.text,
            lang,
            confidence,
            passages,
            below_floor=floor,
            claims_absence=why.claims_absence,
            unwritten_in_texts=why.unwritten_in_texts,
        )
    checking = _Checking(
        terms,
        lang,
        top,
        bank,
        read,
        reading,
        facts,
        functools.partial(_rechosen, candidates, reading, models, settings, place),
        functools.partial(_rechosen_writing, candidates, reading, models, settings, place),
        len(candidates.sentences),
        abstain,
    )
    timed = _checked_times(citations, checking)
    if isinstance(timed, Answer):
        return timed
    valued = _checked_values(timed, checking)
    if isinstance(valued, Answer):
        return valued
    fielded = _checked_fields(valued, checking)
    if isinstance(fielded, Answer):
        return fielded
    released = _checked_release(*fielded, checking)
    if isinstance(released, Answer):
        return released
    citations, notes = released
    shown = section_first(passages, retrieval, citations[0], bank, terms.focus)
    return _quoting(question, sure, citations, shown, lang, notes)


class _ReadDocuments(NamedTuple):
    """What an answer reads besides its passages (compose): the documents of the passages read
    (the answer's top passages, then those retrieved), those of the top passages first; the
    top passages' documents alone; the texts of the passages read."""

    documents: list[Document]
    closest: list[Document]
    texts: list[str]


def _read_documents(top: list[Hit], hits: list[Hit], bank: SentenceBank) -> _ReadDocuments:
    """The documents and texts of the passages an answer reads: `top`, then `hits`."""
    read = [*top, *hits]  # read once: its documents, then its texts
    documents = [bank.documents[doc_id] for doc_id in dict.fromkeys(h.chunk.doc_id for h in read)]
    closest = documents[: len({hit.chunk.doc_id for hit in top})]  # top's come first
    return _ReadDocuments(documents, closest, [hit.chunk.text for hit in read])


def _refused_on_reading(
    terms: QuestionTerms,
    top: list[Hit],
    hits: list[Hit],
    read: _ReadDocuments,
    bank: SentenceBank,
    lang: Lang,
) -> abstention.Reason | None:
    """Why to abstain before the answer models read the `top` passages (of those retrieved,
    `hits`), or None: a row key or name, a numbered section, a record, a day, a code identifier
    or a name the question asks that no passage or document read holds, records it asks to
    count, a member written apart from its owner, or a document holding only its title."""
    unheld = unheld_key(terms, top, bank) or unheld_name(terms, top, bank)
    unheld = unheld or unheld_word_key(terms, top, bank)  # "la décoration" of a budget's rows
    if unheld is not None:
        return abstention.Reason(abstention.no_row_names(unheld.key, unheld.closest, lang))
    counted = counted_records(terms.focus, top, bank.documents)
    if counted is not None:  # "How many tickets were about login in March?"
        return abstention.Reason(abstention.not_counted(counted, lang))
    unnumbered = unheld_section(terms.focus, read.closest, read.documents, read.texts)
    if unnumbered is not None:  # "What changed in version 3.9?" on a changelog of 3.0.0 … 4.0.0
        reason = abstention.no_section_numbered(
            unnumbered.number, unnumbered.numbered, unnumbered.title, lang, more=unnumbered.more
        )
        return abstention.Reason(reason)
    no_record = abstention.no_record_named(terms, lang)
    if no_record is not None:  # "the root cause of INC-2025-02?" among INC-2025-07, -08, -10
        return abstention.Reason(no_record)
    no_day = abstention.no_such_day(terms, lang)
    if no_day is not None:  # "the dose on 2026-13-45?": any day quoted would be another
        return abstention.Reason(no_day)
    unwritten = abstention.never_written(terms, lang)
    if unwritten is not None:  # "tar --turbo", on a manual that never writes "--turbo"
        return unwritten
    unread = _unread_names(terms.named, read.texts, read.documents, lang)
    if unread is not None:
        return abstention.Reason(unread)
    apart = _written_apart(terms, read.documents, lang)
    if apart is not None:  # max_help_position "of argparse.ArgumentParser": HelpFormatter's
        return abstention.Reason(apart)
    bare = _named_bare(terms, hits, bank)
    if bare is not None:  # "À classer", a note holding only its title "# À classer"
        return abstention.Reason(abstention.only_its_title(bare, lang))
    return None


@dataclass(frozen=True)
class _Checking:
    """What the checks on a chosen quote read (compose): the question's terms and language, the
    passages and documents read, the folder's facts (folder_facts.py), how to quote other
    candidates instead (`rechoose`: those of documents a test names, `_rechosen`; `rewrite`:
    those writing what a test asks, in another language than the one given, any when None,
    `_rechosen_writing`; `candidates_read`: how many candidates there are) and how to abstain,
    showing the passages retrieved."""

    terms: QuestionTerms
    lang: Lang
    top: list[Hit]
    bank: SentenceBank
    read: _ReadDocuments
    reading: Reading
    folder: FolderFacts
    rechoose: Callable[[Callable[[str, frozenset[str]], bool]], list[Citation] | None]
    rewrite: Callable[..., list[Citation] | None]
    candidates_read: int
    abstain: Callable[..., Answer]


def _checked_times(citations: list[Citation], checking: _Checking) -> Answer | list[Citation]:
    """The citations once a day, year, month, quarter, week or table row's day (a weekday, a
    day of a month: unheld_row_days.py) the question asks is checked against what they stand
    for (another of the document's candidates quoted instead where one
    writes it), or the abstention when none does; a record's cell the question names is quoted
    through its row."""
    terms, bank, lang, abstain = checking.terms, checking.bank, checking.lang, checking.abstain
    undated = unheld_day(
        terms.unwritten_days,
        bank.documents[citations[0].doc_id],
        checking.read.documents,
        read_texts=checking.read.texts,
        folder_days=lambda: checking.folder.dated_days,
        series_days=falling_on(bank.documents.values()),
    )
    if undated is not None:  # "la réunion du 2 décembre 2025" answered by other minutes
        reason = abstention.no_day_written(undated.day, undated.closest, lang, undated.repeating)
        return abstain(reason)
    record = asked_record_cell(terms.focus, citations, bank.documents)
    if record is not None:  # "study B's efficacy": the Efficacy row through study B's cell
        citations = _quoted_instead(citations, record.quote, bank.documents, record.header)
    rechoose = checking.rechoose
    citations, unheld_time = of_asked_time(terms, citations, checking.reading, rechoose)
    if unheld_time is not None:  # "Q3 2027 travel budget" answered by the 2026 sheet's row
        return abstain(abstention.no_held_id(*unheld_time, lang))
    citations, sibling = _of_sibling_year(terms.focus, citations, rechoose)
    if sibling is not None:  # "l'exercice 2022" answered by "L'exercice 2021 se clôt…"
        return abstain(abstention.no_held_id(sibling.asked, [sibling.held], lang))
    rewrite = checking.rewrite
    other_language = functools.partial(rewrite, lang)
    any_language = functools.partial(rewrite, None)
    citations, month = of_asked_month(
        terms.focus, citations, checking.top, bank.documents, other_language, any_language
    )
    if month is not None:  # "la cantine en avril" answered by the March invoice's line
        return abstain(abstention.no_held_id(month.month, month.held, lang))
    citations = of_asked_quarter(terms.focus, citations, any_language)
    citations = of_asked_week(terms.focus, citations, any_language)
    unheld = unheld_row_day(terms.focus, citations, bank.documents)
    if unheld is None:
        return citations
    instead = any_language(unheld.writes)
    if instead is None:  # "Sunday in week 10" answered by a rota's Monday row, none on Sunday
        return abstain(abstention.no_held_id(unheld.asked, unheld.held, lang))
    return instead


def _checked_values(citations: list[Citation], checking: _Checking) -> Answer | list[Citation]:
    """The citations once a number, a field, a code, a name, a qualifier or a cell the question
    asks is checked against the quotes and their rows' labels (the cell's own row quoted instead
    where the question names another record's), or the abstention when they hold another."""
    terms, bank, lang, abstain, top = (
        checking.terms,
        checking.bank,
        checking.lang,
        checking.abstain,
        checking.top,
    )
    labels, bodies, texts = answer_texts(citations, top, bank.documents)
    number = unheld_number(terms.focus, labels, texts, [hit.chunk.text for hit in top])
    if number is not None:  # "week 20" answered from a rota of weeks 10 to 14
        return abstain(abstention.no_held_id(number.asked, number.held, lang))
    unpointed = _unpointed_key(citations[0], checking)
    if unpointed is not None:  # "Qui entraîne les U7 ?" answered by the fees table's U7 row
        key, title, keys, more = unpointed
        return abstain(abstention.no_row_in_pointed(key, title, keys, lang, more=more))
    rank = _unheld_rank(citations[0], checking)
    if rank is not None:  # "le 5e appel de fonds" of a schedule of three calls
        return abstain(abstention.no_held_id(*rank, lang))
    lacking = owner_lacking_field(terms.focus, citations, top, bank)
    if lacking is not None:  # "le téléphone de Marc Dubois", his card has none: Sophie's quoted
        return abstain(abstention.record_lacks_field(lacking.owner, lacking.label, lang))
    quoted = [*(c.quote for c in citations), *labels]
    code = unheld_code(terms.focus, quoted, texts)
    if code is not None:  # "order 51877" answered by order 48213's row, "E52" by E47's line
        return abstain(abstention.no_held_id(code.asked, code.held, lang))
    extended = extended_name(terms, quoted, texts)
    if extended is not None:  # "Thermo One Max" answered by the "Thermo One" row
        return abstain(abstention.no_held_id(extended.asked, [extended.held], lang))
    opposed = opposed_qualifier(terms.focus, quoted)
    if opposed is not None:  # "la sonde sans fil" answered by the "Sonde … filaire" row
        return abstain(abstention.opposed_qualifier(opposed.asked, opposed.held, lang))
    keyed = unheld_qualifier(terms.focus, [c.quote for c in citations], [*labels, *bodies])
    if keyed is not None:  # "What is my tax number?" answered by the car's "Policy number"
        return abstain(abstention.no_held_id(keyed.asked, [keyed.held], lang))
    cell = unheld_cell(terms.focus, citations, bank.documents)
    if cell is not None and cell.instead is None:  # "the dentist for Léo": Emma's dentist row
        return abstain(abstention.no_held_id(cell.asked, [cell.held], lang))
    if cell is not None and cell.instead is not None:  # "Julien passport": his passport's row
        citations = _quoted_instead(citations, cell.instead, bank.documents)
    return citations


def _unpointed_key(first: Citation, checking: _Checking) -> UnpointedKey | None:
    """The key of the row the first quote is, when the table the question points at lacks it
    (pointed_tables.unpointed_key); else None."""
    row = quoted_row(checking.bank, first.doc_id, (first.start, first.end))
    if row is None:
        return None
    bank, focus = checking.bank, checking.terms.focus
    return unpointed_key(bank, row, focus, checking.top, checking.folder.name_terms)


def _unheld_rank(first: Citation, checking: _Checking) -> tuple[str, list[str]] | None:
    """For a question asking a rank beyond the rows of the table its first quote is a row of,
    or leads into (ordinal_rows.quoted_row), when that table names the ranked word and no
    passage read numbers the word by an ordinal (ordinal_rows.unheld_rank): the rank as asked
    and the rows' key cells; else None."""
    bank, question = checking.bank, checking.terms.focus
    asked = asked_row_rank(question)
    if asked is None or numbers_word([hit.chunk.text for hit in checking.top], asked[1]):
        return None
    row = quoted_row(bank, first.doc_id, (first.start, first.end))
    return None if row is None else unheld_rank(bank, row, question, asked)


def _checked_fields(
    citations: list[Citation], checking: _Checking
) -> Answer | tuple[list[Citation], list[str]]:
    """The citations and their notes once an empty cell, a kind of value, a heading and a role
    the question asks are checked (another candidate quoted instead where one holds the value
    asked), or the abstention when none holds it."""
    terms, bank, lang, abstain = checking.terms, checking.bank, checking.lang, checking.abstain
    empty = empty_asked_cell(terms.focus, citations, bank.documents)
    notes: list[str] = []
    if empty is not None and empty.filled:  # "le crédit du 14/05/2025": that day's credit rows
        citations = _rows_quoted_instead(citations, empty.filled, bank.documents)
        notes = [note] if (note := more_rows_note(empty, lang)) else []
    elif empty is not None:  # "le certificat d'Inès Lefèvre": her row's certificate cell is empty
        empty_row = abstain(abstention.empty_cell(empty.record, empty.column, lang))
        return empty_row.model_copy(update={"says_the_record": True})
    valued = _value_kind_checked(citations, checking)
    if isinstance(valued, Answer):  # "what is her email address?" of her phone's sentence
        return valued
    citations = valued
    unsigned = _signer_refusal(citations, checking)
    if unsigned is not None:  # "Qui a signé la lettre ?": its body quoted
        return unsigned
    unheard = any(word not in terms.typos for word in terms.absent)  # "tuition" of a handbook
    if unpriced(terms.focus, [c.quote for c in citations], unheard):  # a booking row for a price
        subject = price_subject(terms.focus)
        instead = checking.rewrite(None, lambda text: priced_answer(subject, text), AMOUNT_RANKS)
        if instead is None:
            return abstain(abstention.no_amount(lang))
        citations = instead  # "Combien paie un invité ?": the price list's "invité" row
    read_langs = [hit.chunk.lang for hit in checking.top]
    if untimed(terms.focus, [c.quote for c in citations], read_langs, lang):  # "Belém tower"
        subject = subject_words(terms.focus)
        instead = checking.rewrite(None, lambda text: time_answer(subject, text), TIME_RANKS)
        if instead is None:
            return abstain(abstention.no_time(lang))
        citations = instead
    quotes = [c.quote for c in citations]
    if lacks_kind(DIMENSION, terms.focus, quotes) or lacks_kind(MASS, terms.focus, quotes):
        return abstain(abstention.no_measure(lang))  # "la hauteur du mur", "le poids de…"
    rated = rate_only(terms.focus, [c.quote for c in citations])
    if rated is not None:  # "combien de jours" of a "45 euros par jour" row
        return abstain(abstention.only_a_rate(rated, lang))
    counted = uncounted(terms.focus, [c.quote for c in citations])
    if counted is not None:  # "Combien de voies compte la salle ?": a safety rule, no figure
        stems = counted.stems
        instead = checking.rewrite(None, lambda text: writes_counted(text, stems), COUNT_RANKS)
        if instead is None:
            return abstain(abstention.no_count(counted.word, lang))
        citations = instead  # "…ils auront cinq enfants ensemble." (PIAF dev), far below
    unreplied = _unreplied_words(terms, citations, lang)
    if unreplied is not None:  # "Livrez-vous en Belgique ?": "Oui, nous livrons en France."
        return abstain(unreplied, claims_absence=True)
    siblings = _sibling_words(terms, citations, lang)
    if siblings is not None:  # "postgraduate students" of a quote on "undergraduates"
        return abstain(siblings, claims_absence=True)
    unheld = _unheld_row(citations[0], bank, terms.focus)
    if unheld is not None:  # "a female dog" of `| Cat neutering (female) |`; "15 kVA"
        return abstain(abstention.no_row_names(unheld.key, unheld.closest, lang))
    head = _absent_head(terms, checking.top, lang)
    if head is not None:  # "the default timeout for fetching a feed" of docs never writing it
        return abstain(head, claims_absence=True)
    role = unnamed_role(terms.focus, [(c.quote, bank.documents[c.doc_id].text) for c in citations])
    if role is not None:  # "Qui est le trésorier ?" answered by the statutes' list of offices
        instead = _holder_instead(checking)
        if instead is None:
            return abstain(abstention.no_one_named(role, lang))
        citations = instead  # "It is chaired by Dr. Maria Jensen" over "… in Porto."
    quoted_docs = {citation.doc_id for citation in citations}
    quoted_langs = [hit.chunk.lang for hit in checking.top if hit.chunk.doc_id in quoted_docs]
    unheld_role = _unheld_role_words(terms, lang, quoted_langs)
    if unheld_role is not None:  # "Who is the pastry chef?" of a staff list with none
        return abstain(unheld_role, claims_absence=True)
    return citations, notes


def _unheld_row(first: Citation, bank: SentenceBank, focus: str) -> UnheldKey | None:
    """What the question `focus` looks up by that the table of the quoted row (`first`, read
    once, split_keys.quoted_table) holds no row for: keys it writes only apart (split_keys.py)
    or a measured key it writes only with other figures (measured_keys.py); None when the
    quote is no table row or its table holds the row."""
    table = quoted_table(bank.documents[first.doc_id].text, first.start)
    if table is None:
        return None
    frame = f"{first.title}\n{first.section or ''}"
    return split_lookup(table, focus, frame) or unheld_measure(table, focus)


def _unreplied_words(terms: QuestionTerms, citations: list[Citation], lang: Lang) -> str | None:
    """The reason naming the words a closed question writes that the documents never use
    (abstention.never_mentioned) when its first quote replies yes or no to another question
    (yes_no_replies.py: an FAQ's "Oui, …"); None otherwise."""
    if not terms.absent or not replies_yes_or_no(citations[0].quote):
        return None
    if not is_closed(fold(terms.focus)):
        return None
    return abstention.never_mentioned(list(dict.fromkeys(terms.absent)), terms, lang)


def _sibling_words(terms: QuestionTerms, citations: list[Citation], lang: Lang) -> str | None:
    """The reason naming the words of the question the documents never use, no likely typos,
    of which a quote writes a sibling (sibling_words.py: "postgraduate" and the quote's
    "undergraduates"); None when there is none."""
    if not terms.absent and not terms.unwritten_compounds:
        return None
    quotes = [citation.quote for citation in citations]
    typed = [word for word in unwritten_siblings(terms.absent, quotes) if word not in terms.typos]
    if not typed and terms.unwritten_compounds:  # "sèche-linge" of the "Lave-linge" notice
        named = [*quotes, *(c.title for c in citations), *(c.section or "" for c in citations)]
        typed = compound_siblings(terms.unwritten_compounds, named)
    return abstention.never_mentioned(typed, terms, lang) if typed else None


def _unheld_role_words(terms: QuestionTerms, lang: Lang, quoted_langs: list[Lang]) -> str | None:
    """The reason naming the words of the role a "who is the <role>" question asks that the
    documents never use, no likely typos (role_holders.absent_role_words), when the passages
    read of the quoted documents (`quoted_langs`) are all in the question's language `lang`
    and no cognate nor translation of its words was read (as `_absent_head` asks, but of the
    quoted documents: a staff list in English beside French hygiene rules); None otherwise. A
    quote in the other language may name the role in its words: "Who is the teacher of Léa?"
    of French notes' "Maîtresse : Mme Carpentier" (the gen set "notes", dev). A role written
    as a compound the documents never write, one of its parts a word they never use
    (QuestionTerms.unwritten_compounds: "vice-président" of minutes naming only "Le président,
    Karim Benhamou"; s58 trial), is a role they never write either."""
    if terms.cognates or terms.translated or not quoted_langs:
        return None
    if any(read != lang for read in quoted_langs):
        return None
    unheard = [word for word in terms.absent if word not in terms.typos]
    named = absent_role_words(terms.focus, [*unheard, *terms.unwritten_compounds])
    return abstention.never_mentioned(named, terms, lang) if named else None


def _holder_instead(checking: _Checking) -> list[Citation] | None:
    """The citations of the candidates (`_rechosen_writing`) naming the holder of the role the
    question asks, in a document writing its other terms (role_labels.HolderSentences), for a
    question whose quote names no one; None when none does."""
    holders = HolderSentences(checking.terms)
    instead = checking.rewrite(None, holders.names, checking.candidates_read)
    if not instead or not holders.writes_others(checking.bank.documents[instead[0].doc_id].text):
        return None
    return instead


def _checked_release(
    citations: list[Citation], notes: list[str], checking: _Checking
) -> Answer | tuple[list[Citation], list[str]]:
    """The citations and notes once a changelog release the question asks is read: every item
    of its section quoted, or the abstention when it lists no item of the kind asked."""
    terms, bank, lang = checking.terms, checking.bank, checking.lang
    changelogs = _release_documents(citations[0], checking.top, bank)
    unlisted = lacking_kind(terms.focus, changelogs)
    if unlisted is not None:  # "What was added in 2.2.1?" of a release listing only "Fixed"
        label = kind_label(unlisted.kind, lang)
        reason = abstention.release_lacks_kind(unlisted.number, label, unlisted.listed, lang)
        return checking.abstain(reason)
    release = asked_release_items(terms.focus, changelogs)
    if release is not None:  # "What changed in version 2.1?": every item of its section
        citations = _release_quoted(release, citations[0].score, bank)
        notes = [*notes, note] if (note := more_items_note(release, lang)) else notes
    latest = _latest_of(terms, changelogs, checking.folder, bank)
    if latest is not None:  # "What is the latest version?": the changelog's highest release
        citations = _latest_quoted(latest, citations[0].score, bank)
    return citations, notes


def _release_documents(first: Citation, top: Sequence[Hit], bank: SentenceBank) -> list[Document]:
    """The documents a changelog's release is looked for in (release_notes.py), in order: the
    first quote's, then those of `top`."""
    read = dict.fromkeys([first.doc_id, *(hit.chunk.doc_id for hit in top)])
    return [bank.documents[doc_id] for doc_id in read]


def _release_quoted(items: ReleaseItems, score: float, bank: SentenceBank) -> list[Citation]:
    """A citation of each of a release's `items`, in its document's order, at `score` (the
    first quote's), each under the heading it stands under (quoting.citations_of)."""
    return _spans_quoted(items.doc_id, items.spans, score, bank)


def _latest_of(
    terms: QuestionTerms,
    read: Sequence[Document],
    facts: FolderFacts,
    bank: SentenceBank,
    *,
    sole: bool = False,
) -> LatestRelease | None:
    """The latest release the question asks (latest_release.asked_latest, answering on its own
    when `sole`) of the changelogs among the documents `read`, then those named as changelogs
    (FolderFacts.changelog_ids), or None."""
    if not asks_latest(terms.focus):
        return None
    named = [bank.documents[doc_id] for doc_id in facts.changelog_ids]
    documents = list({document.doc_id: document for document in [*read, *named]}.values())
    return asked_latest(terms, documents, sole=sole)


def _sole_latest(
    terms: QuestionTerms, hits: Sequence[Hit], folder: FolderFacts | None, bank: SentenceBank
) -> LatestRelease | None:
    """The latest release the question asks when it answers on its own (`_latest_of`, `sole`:
    no word of the question is left but those asking the latest), of the changelogs among the
    documents of `hits`, then those named as changelogs; None when it asks no latest release."""
    if not asks_latest(terms.focus):
        return None
    read = [bank.documents[hit.chunk.doc_id] for hit in hits]
    return _latest_of(terms, read, folder or FolderFacts(bank.documents), bank, sole=True)


def _latest_quoted(latest: LatestRelease, score: float, bank: SentenceBank) -> list[Citation]:
    """A citation of the latest release's heading (latest_release.py) at `score` (the first
    quote's)."""
    return _spans_quoted(latest.doc_id, [(latest.start, latest.end)], score, bank)


def _spans_quoted(
    doc_id: str, spans: Sequence[tuple[int, int]], score: float, bank: SentenceBank
) -> list[Citation]:
    """A citation of each (start, end) of `spans` in document `doc_id`, at `score`, each in
    the chunk holding its start (quoting.citations_of)."""
    chunks = [bank.chunks[number] for number in bank.chunks_of(doc_id)]
    quoted = [
        Span(doc_id, start, end, score, _holding_chunk(chunks, start)) for start, end in spans
    ]
    return citations_of(quoted, bank.documents)


def _holding_chunk(chunks: Sequence[Chunk], offset: int) -> Chunk:
    """The chunk of `chunks` (one document's) holding `offset`, else its first."""
    return next((chunk for chunk in chunks if chunk.start <= offset < chunk.end), chunks[0])


def _series_answer(
    question: str,
    occurring: SeriesAnswer,
    sure: float,
    passages: list[Passage],
    bank: SentenceBank,
    lang: Lang,
    notes: list[str] | None = None,
) -> Answer:
    """The answer quoting a repeating event's line, the day its rule gives in its label
    (series_answers.py), its passage shown first, `notes` warned (the day a next occurrence
    is counted from: next_dates.reference_note)."""
    citations = [series_citation(occurring, bank.documents)]
    return _quoting(question, sure, citations, passages, lang, notes or [])


def _quoting(
    question: str,
    sure: float,
    citations: list[Citation],
    passages: list[Passage],
    lang: Lang,
    notes: list[str],
) -> Answer:
    """The answer quoting `citations` at confidence `sure`, `passages` shown, `notes` warned."""
    return Answer(
        question=question,
        abstained=False,
        confidence=sure,
        answer=answer_text(citations, lang),
        citations=citations,
        passages=passages,
        warnings=notes,
        lang=lang,
    )


def _unwritten_value_kind(terms: QuestionTerms, citations: list[Citation]) -> list[str] | None:
    """The words naming a kind of value (value_kinds.py) that a follow-up asks alone of its
    carried subject ("what is her email address?"), or a question asks as its object ("Quel
    est le numéro de téléphone de Nadia ?", named as it writes them), and none of the quotes
    of `citations` writes; None when they write one, or none is asked."""
    quotes = [c.quote for c in citations]
    follow_up = abstention.value_kinds_asked(terms)
    if follow_up:
        return unwritten_kind(follow_up, quotes)
    phrase = unwritten_asked_kind(terms.focus, quotes)
    return None if phrase is None else [phrase]


def _signer_refusal(citations: list[Citation], checking: _Checking) -> Answer | None:
    """The abstention of a question asking who signed, whose signing words the corpus never
    uses (QuestionTerms.unused_signer_words: no terms), when no quote is a line closing a
    document with its signer's name (signers.closing_signer): the letter's body names no
    signer. None otherwise."""
    terms, lang = checking.terms, checking.lang
    if not terms.unused_signer_words:
        return None
    documents = checking.bank.documents
    if any(closing_signer(documents[c.doc_id].text, c.end, c.quote) for c in citations):
        return None
    never = abstention.never_mentioned(terms.unused_signer_words, terms, lang)
    reason = never or abstention.not_in_passages(terms.unused_signer_words, lang)
    return checking.abstain(reason, claims_absence=never is not None)


def _value_kind_checked(citations: list[Citation], checking: _Checking) -> list[Citation] | Answer:
    """The citations once the kind of value the question asks is checked: kept when a quote
    writes one (`_unwritten_value_kind`: "what is her email address?" is not answered by her
    phone's sentence) and, for a kind the corpus never names (QuestionTerms.unused_kind_words:
    "phone" of "What is the photographer's phone number?", no term), one writes it with the
    owner's words (value_kinds.writes_owner_value: the photographer's e-mail address is no
    answer to the caterer's, s56 trial); else those of a candidate that does
    (`_owner_value_instead`: the contact list's "HR contact" line for "the e-mail address of
    HR"); else those of a candidate writing it on its own line under a block, heading or title
    naming the owner, the block quoted (letterheads.py: "GARAGE LEMOINE" over "Tél. 02 99 83
    41 27", s57 trial); else the abstention saying the passages write no such value, or, for a
    kind the corpus never names, that the documents never mention its words."""
    terms, lang = checking.terms, checking.lang
    kind = _unwritten_value_kind(terms, citations)
    unowned = kind is None and bool(terms.unused_kind_words)
    if unowned and any(writes_owner_value(terms.focus, c.quote) for c in citations):
        return citations
    if kind is None and not unowned:
        return citations
    asked = kind or [asked_kind_phrase(terms.focus) or ""]
    every, rewrite = checking.candidates_read, checking.rewrite  # such a line is rare
    instead = _owner_value_instead(terms, asked, lambda writes: rewrite(None, writes, every))
    instead = instead or _owner_block_instead(terms, asked, checking)
    if instead is not None:
        return instead
    never = abstention.never_mentioned(terms.unused_kind_words, terms, lang) if unowned else None
    return checking.abstain(never or abstention.no_value_kind(asked, lang), claims_absence=True)


def _owner_value_instead(
    terms: QuestionTerms,
    kind: list[str],
    rewrite: Callable[[Callable[[str], bool]], list[Citation] | None],
) -> list[Citation] | None:
    """The citations of the candidates (`rewrite`, `_rechosen_writing`) writing a
    value of the kind a question asks as its object (value_kinds.unwritten_asked_kind) and
    every other content word of the question, its owner's ("HR" of "What is the e-mail address
    of HR?": the handbook's leave sentence outranked the contact list's "HR contact: Maria
    Jensen, maria.jensen@…" line, and the answer abstained saying the passages write no
    e-mail address; s44 trial); None for a follow-up (its owner is carried), a question
    naming no owner, or none such. Another person's address is no answer: the owner's words
    must all be written."""
    owner = _asked_owner_words(terms, kind)
    if not owner:
        return None
    return rewrite(lambda text: owner_value_line(terms.focus, owner, text))


def _owner_block_instead(
    terms: QuestionTerms, kind: list[str], checking: _Checking
) -> list[Citation] | None:
    """The citations of the candidates writing a value of the `kind` asked on their own line
    under the owner's words (`_owner_value_instead`'s owner), written in some form
    (value_kinds.heads_owner) by the lines heading its block (letterheads.py), the heading it
    stands under or its document's title (`_headed_text`), the first quoting that block down
    to the value's line ("GARAGE LEMOINE" over "Tél. 02 99 83 41 27"); None when none does."""
    owner = _asked_owner_words(terms, kind)
    if not owner:
        return None
    focus = terms.focus

    def heads(block: str) -> bool:
        return heads_owner(owner, block) and _writes_value_kind(focus, last_line(block))

    headed = checking.rewrite(None, heads, checking.candidates_read, headed=True)
    if headed is None:
        return None
    first, documents = headed[0], checking.bank.documents
    valued = functools.partial(_writes_value_kind, focus)
    span = headed_span(documents[first.doc_id].text, first.start, first.end, valued)
    return _quoted_instead(headed, span, documents)


def _asked_owner_words(terms: QuestionTerms, kind: list[str]) -> list[str]:
    """The content words of the question naming the owner of the `kind` asked ([] for a
    follow-up, whose owner is carried, or a question naming none)."""
    if abstention.value_kinds_asked(terms):
        return []
    return owner_words(terms.focus, " ".join(kind))


def _writes_value_kind(question: str, text: str) -> bool:
    """Whether `text` writes a value of the kind `question` asks as its object, of a shape
    (value_kinds.unwritten_asked_kind: a phone number, an e-mail address; not `_writes_asked_kinds`'
    kinds of asked_values.py)."""
    return unwritten_asked_kind(question, [text]) is None


def _of_sibling_year(
    focus: str,
    citations: list[Citation],
    rechoose: Callable[[Callable[[str, frozenset[str]], bool]], list[Citation] | None],
) -> tuple[list[Citation], SiblingYear | None]:
    """The answer's citations, and the asked year with another one a quote binds the
    question's word to (sibling_years.py: "l'exercice 2022" answered by "L'exercice 2021…");
    no year when no quote is such a sibling, when the other quotes answer alone (one binds the
    asked year: renumbered), or when the near-best candidates binding it answer instead
    (`rechoose`, given what they write)."""
    siblings = [sibling_year(focus, [c.quote]) for c in citations]
    sibling = next((found for found in siblings if found is not None), None)
    if sibling is None:
        return citations, None
    kept = [c for c, found in zip(citations, siblings, strict=True) if found is None]
    if any(binds_asked_year(focus, c.quote, sibling.asked) for c in kept):
        return [c.model_copy(update={"n": n}) for n, c in enumerate(kept, 1)], None
    chosen = rechoose(lambda _, tokens: sibling.asked in tokens)
    if chosen is None or not binds_asked_year(focus, chosen[0].quote, sibling.asked):
        return citations, sibling
    return chosen, None


def _absent_head(terms: QuestionTerms, top: Sequence[Hit], lang: Lang) -> str | None:
    """The reason for a question asking the value of a thing whose head word the documents
    never write, as typed and no typo of theirs (absent_heads.py: "What is the default timeout
    …?" of docs never writing "timeout"), when every passage read is in its language and no
    cognate nor translation of its words was read; else None."""
    if terms.cognates or terms.translated or any(hit.chunk.lang != lang for hit in top):
        return None
    absent = [word for word in terms.absent if word not in terms.corrected]
    head = absent_head(terms.focus, absent)
    return None if head is None else abstention.never_mentioned([head], terms, lang)


def _quoted_instead(
    citations: list[Citation],
    span: tuple[int, int],
    documents: Mapping[str, Document],
    header: tuple[int, int] | None = None,
) -> list[Citation]:
    """The answer's citations, its first quoting `span` (start, end) of the same table instead:
    a sibling row writing what is asked (unheld_cells.UnheldCell.instead), or the asked
    field's row through the asked record's cell (record_cells.RecordCell), then under that
    record's row (`header`, start and end) instead of the first quote's header. Its page is
    read again where the span starts (quoting does so: a table may run onto the next page;
    the sibling row was cited on the first quote's page, s29 review); its section stays the
    first citation's: the row is of the same table, whose lines are table rows alone
    (tables.table_of), so no heading stands between them."""
    first = citations[0]
    document = documents[first.doc_id]
    start, end = span
    update: dict[str, object] = {"start": start, "end": end, "quote": document.text[start:end]}
    update["page"] = document.page_at(start)
    update["notes"] = quoted_notes(document, start, end)
    if header is not None:
        update["header"] = TableHeader(
            start=header[0], end=header[1], text=document.text[header[0] : header[1]]
        )
    return [first.model_copy(update=update), *citations[1:]]


def _rows_quoted_instead(
    citations: list[Citation], spans: Sequence[tuple[int, int]], documents: Mapping[str, Document]
) -> list[Citation]:
    """The answer's citations, its first replaced by a quote of each of `spans` (rows of the
    same table: empty_cells.EmptyCell.filled, read as `_quoted_instead` reads one), then the
    others quoting none of those rows, numbered again in that order."""
    rows = [_quoted_instead(citations, span, documents)[0] for span in spans]
    others = [
        citation
        for citation in citations[1:]
        if not any(
            citation.doc_id == row.doc_id and citation.start < row.end and row.start < citation.end
            for row in rows
        )
    ]
    return [item.model_copy(update={"n": n}) for n, item in enumerate([*rows, *others], 1)]


def _rechosen_writing(
    candidates: Candidates,
    reading: Reading,
    models: AnswerModels,
    settings: Settings,
    place: AskedPlace | None,
    lang: Lang | None,
    writes: Callable[[str], bool],
    ranks: int = WRITTEN_MONTH_RANKS,
    headed: bool = False,
) -> list[Citation] | None:
    """The verified citations of the candidates among the first `ranks`, in passages in
    another language than the question's `lang` (any language when None), whose sentence
    (`headed`: with its block's head lines, its heading and its title, `_headed_text`)
    `writes` what the question asks (`of_asked_month`, `of_asked_quarter`); None when there
    are none. In the question's own language the ranker already read the asked month's name as
    written, and a near sentence writing it is no answer for that alone: "Combien de
    téléspectateurs regardent l'émission à la fin du mois de janvier ?" (a near miss of PIAF's
    test half) quoted "…son émission, qui fut lancée par son mari en janvier…" when any
    language's was taken. A quarter is written in many forms the ranker does not read as one
    ("premier trimestre", "T1 2025"): any language's sentence writing it may answer."""
    bank = reading.bank
    kept = [
        number
        for number, item in enumerate(candidates.sentences[:ranks])
        if (lang is None or bank.chunks[bank.sentences[item.index].chunk_index].lang != lang)
        and writes(_headed_text(bank, item.index) if headed else bank.text(item.index))
    ]
    return _quoted_verified(subset(candidates, kept), reading, models, settings, place)


def _headed_text(bank: SentenceBank, index: int) -> str:
    """The sentence's text with the lines heading its block (letterheads.block_start), under
    its document's title and the heading it stands under (places.heading_over: a suppliers'
    page's "## Flour" over "Marriage's Millers … Tel: 01245 612 301")."""
    sentence = bank.sentences[index]
    document = bank.documents[sentence.doc_id]
    block = document.text[block_start(document.text, sentence.start) : sentence.end]
    return f"{document.title}\n{heading_over(bank, index) or ''}\n{block}"


def _rechosen(
    candidates: Candidates,
    reading: Reading,
    models: AnswerModels,
    settings: Settings,
    place: AskedPlace | None,
    names: Callable[[str, frozenset[str]], bool],
) -> list[Citation] | None:
    """The verified citations of the near-best `candidates` whose document `names` names, given
    its path and title and the candidate sentence's tokens (`_of_documents_naming`); None when
    there are none."""
    named = _of_documents_naming(candidates, reading.bank, names)
    return _quoted_verified(named, reading, models, settings, place)


def said_in_other_language(
    ranking: Retrieval, lang: Lang, across: Closeness | None, settings: Settings
) -> bool:
    """Whether a question refused for its words alone (abstention.EarlyRefusal.words_alone) is
    close, by `across` (None: the index has no multilingual channel), to one of the passages the
    answer reads in the other language (across.py): the answer models then decide."""
    top = ranking.hits[: settings.answer_passages]
    return close_in_other_language(top, lang, across)


def _named_bare(terms: QuestionTerms, shown: list[Hit], bank: SentenceBank) -> str | None:
    """The title of the document of the first passage shown (`shown`, the ranking the
    abstention lists, whose first document it calls the closest) when that document holds
    nothing but its title and the question names it alone (titleonly.named_bare_document),
    else None."""
    if not shown:
        return None
    doc_id = shown[0].chunk.doc_id
    asked = frozenset().union(*(alternatives for alternatives, _ in terms.terms))
    if not named_bare_document(bank, doc_id, asked, terms.focus):
        return None
    return bank.documents[doc_id].title


def _titles(documents: Iterable[Document]) -> list[str]:
    """The titles of the `documents`, once each, sorted."""
    return sorted({document.title for document in documents})


def _unread_names(
    names: list[str], passages: list[str], documents: list[Document], lang: Lang
) -> str | None:
    """The reason for a question naming options or underscored names (`names`, its
    identifiers.asked_about) one of which none of the `passages` (the texts of those the answer
    reads and those shown, whatever `--k`) writes whole, nor the title of their `documents`
    (identifiers.unwritten_in; a name only a title writes is written, as `naming_identifiers`
    reads it), or None."""
    if not names:  # nothing to look for: no title nor passage is read
        return None
    titles = _titles(documents)
    unread = unwritten_in(names, passages + titles)
    return abstention.not_in_passages(unread, lang) if unread else None


def _written_apart(terms: QuestionTerms, documents: list[Document], lang: Lang) -> str | None:
    """The reason for a question naming a member of an owner (membership.pairings: "the
    max_help_position parameter of argparse.ArgumentParser") when the `documents` of the passages
    read write that owner (in their title or text), but none of them writes it with that
    member (membership.apart_in), or None. A document, not a passage: a subclass's page names its
    base class in its first passage and the parameters it inherits further down (s15 trial's
    1,001-file sample: DaskLGBMClassifier's num_leaves, asked of LGBMClassifier, was in none of
    the passages naming it). The member is one the corpus writes: an identifier it never writes
    was the reason before; a plain word is no `QuestionTerms.absent` one."""
    found = [pairing for pairing in pairings(terms.focus) if pairing.member not in terms.absent]
    if not found:  # nothing to look for: no document is read
        return None
    texts: list[tuple[str, ...]] = [(document.title, document.text) for document in documents]
    apart = apart_in(found, texts, [document.kind == "md" for document in documents])
    return None if apart is None else abstention.never_with(apart.member, apart.owner, lang)


HELD_VALUE_RANKS = 3
"""The first candidates (by the sentence ranker) of which one writing the value of the kind a
question asks of a named owner, and the owner's words, waives the answer models' refusal; so
does one that is a table row holding the amount the question writes by a range, or named by
its key and writing a value of the asked kind."""


def _holds_owner_value(focus: str, candidates: Candidates, bank: SentenceBank) -> bool:
    """Whether the question asks a kind of value of a named owner ("What is the office phone
    number?") and one of the first HELD_VALUE_RANKS candidates writes such a value and every
    owner word (value_kinds.writes_owner_value: "Office phone: 01632 960 123."): that line
    answers, whatever the answer models make of a small folder's features (s52: the models
    refused it at .35, the sentence ranker knowing nothing of a phone number's shape); so too
    for a question asking where a thing is and a line writing its address and every word
    naming it (whereabouts.answers_whereabouts: "Où se trouve la société ?", s60 trial)."""
    firsts = [bank.text(item.index) for item in candidates.sentences[:HELD_VALUE_RANKS]]
    return any(
        writes_owner_value(focus, text) or answers_whereabouts(focus, text) for text in firsts
    )


def _holds_looked_up_row(focus: str, candidates: Candidates, bank: SentenceBank) -> bool:
    """Whether the question asks a kind of value (cell_lookups.asks_value) and one of the
    first HELD_VALUE_RANKS candidates is a table row holding the amount the question writes by
    a range or a bound (sentences.holds_asked_amount: "| de 601 à 1 000 € | 2,80 € |" for
    "Combien coûte un repas pour un quotient de 800 € ?", the row the lookup quotes), or one
    whose key cell the question writes as words and which writes a value of the asked kind
    (cell_lookups.row_writes_asked_value: "| Costume | … | 940 |" for "Combien coûte le
    costume ?"): it answers, whatever the answer models make of a number the documents never
    write or of a row's few words (s60 trials: refused at .11, though "… pour un quotient
    familial de 800 € ?" was answered from that row, and at .32)."""
    if not asks_value(focus):
        return False
    return any(
        (is_table_row(bank.text(item.index)) and holds_asked_amount(bank, item.index, focus))
        or row_writes_asked_value(item, bank, focus)
        for item in candidates.sentences[:HELD_VALUE_RANKS]
    )


def refusal(
    models: AnswerModels, answerable: float, sure: float, settings: Settings
) -> Refusal | None:
    """Why the answer is refused, or None: MODEL when the answerability model's `answerable`
    is below the threshold, or the confidence that the quote would be right is below the
    models' own floor; USER_FLOOR when the answerability model would answer but the
    confidence is below the user's `min_confidence` (confidence_floor)."""
    if answerable < settings.abstain_threshold:
        return MODEL
    if sure >= confidence_floor(models, settings):
        return None
    return MODEL if settings.min_confidence is None else USER_FLOOR


def place_refusal(sure: float, settings: Settings) -> Refusal | None:
    """Why the answer to a question asking a place the answer models do not judge
    (places.AskedPlace.waives_models) is refused: USER_FLOOR when the confidence is below the
    user's `min_confidence`, else None."""
    floor = settings.min_confidence
    return USER_FLOOR if floor is not None and sure < floor else None


def abstained_confidence(sure: float, answerable: float) -> float:
    """The confidence an abstention decided by the answer models reports: the chance that the
    quote it would have given holds the answer (`sure`), at most the answerability model's
    chance that the documents answer at all (`answerable`), since a quote is right only when
    they do. So an abstention of the answerability model never reports a confidence at or above
    its threshold, 0.5 by default (s17 trial: "What is the rent of the Paris office?" abstained,
    answerability .48, and reported the quote's .56). An abstention for the user's min_confidence
    reports the quote's own: its reason names it."""
    return round(min(sure, max(answerable, 0.0)), 4)


def confidence_floor(models: AnswerModels, settings: Settings) -> float:
    """The least confidence answered: the user's `min_confidence`, or else the shipped models'
    own floor (their `min_confidence`)."""
    if settings.min_confidence is not None:
        return settings.min_confidence
    return float(models.answerability.extra.get("min_confidence", 0.0))


def _quoted_verified(
    candidates: Candidates,
    reading: Reading,
    models: AnswerModels,
    settings: Settings,
    place: AskedPlace | None,
) -> list[Citation] | None:
    """`_quoted`'s citations of `candidates` when there are some and they are verified; None
    when none are left or they are not."""
    if not candidates.sentences:
        return None
    named = of_named_documents(candidates, reading.bank, reading.terms).candidates
    citations = _quoted(named, reading, models, settings, place)
    return citations if citations and verified(citations, reading.bank.documents) else None


def _quoted(
    candidates: Candidates,
    reading: Reading,
    models: AnswerModels,
    settings: Settings,
    place: AskedPlace | None = None,
    scores: QuestionScores | None = None,
) -> list[Citation]:
    """The citations of the chosen sentences of `candidates`, already kept to those of the
    documents the question names (`of_named_documents`) (built only for a question that is
    answered; `place`: the place the question asks, places.asked_place; `scores`: the
    question's sentence scores, with which a mail question's reply is read: `_replied`)."""
    bank, top, terms = reading.bank, reading.hits, reading.terms
    if not candidates.sentences:
        return []
    if settings.learned_quotes:
        extra = models.quoter.extra
        ranked = quotable(reordered(candidates, models.quoter, reading), bank, terms.focus)
        lead = extra.get("lead_ratio", 1.0)
        replied = None if scores is None else _replied(ranked, reading, models, scores, lead)
        if replied is not None:  # a mail's question echoing the user's: its reply answers
            ranked, reading = replied
            top = reading.hits
            if not ranked.sentences:
                return []
        ranked = of_asked_meeting(ranked, bank, terms)
        ranked = naming_identifiers(ranked, bank, terms.named)
        ranked = of_asked_numbered_names(ranked, bank, terms.focus)
        ranked = describing_asked_fields(ranked, bank, terms)
        ranked = under_asked_section(ranked, bank, terms.focus, reading.versioned)
        ranked = ranked if place is None else at_asked_place(ranked, reading, place)
        ranked = of_named_records(ranked, bank, terms.focus)
        ranked = under_asked_heading(ranked, reading)
        ranked = by_asked_speaker(ranked, bank, terms.focus)
        ranked = in_answering_record(ranked, bank, terms.focus)
        ranked = defining_asked_terms(ranked, bank, terms.focus)
        ranked = signed_contact(ranked, bank, terms.focus)
        ranked = unsigned(ranked, bank, terms.focus)
        ranked = latest_year_first(ranked, bank, terms.focus)
        ranked = latest_dated_row_first(ranked, bank, terms.focus)
        ranked = ranked_row_first(ranked, bank, terms.focus)
        ranked = extreme_row_first(ranked, bank, terms.focus)
        ranked = specific_key_first(ranked, bank, terms.focus)
        ranked = pointed_table_row_instead(ranked, bank, terms.focus)
        ranked = stated_first(ranked, bank, terms)
        ranked = named_case_first(ranked, bank, terms)
        ranked = compound_first(ranked, bank, terms.focus)
        ranked = timed_subject_first(ranked, bank, terms.focus)
        ranked = changed_value_first(ranked, bank, terms)
        ranked = asked_head_first(ranked, bank, terms.focus)
        ranked = result_first(ranked, bank, terms.focus)
        ranked = next_dated_first(ranked, bank, terms)
        ranked = dated_title_first(ranked, bank, terms.focus)
        ranked = decision_first(ranked, bank, terms.focus)
        ranked = manner_first(ranked, bank, terms.focus)
        ranked = role_label_first(ranked, bank, terms)
        ranked = role_field_first(ranked, bank, terms)
        ranked = on_asked_field(_looked_up_lines(ranked, bank, terms.focus), bank, terms.focus)
        ranked = signer_first(ranked, bank, terms.focus)  # after a field line's: "Dear Mr Watson,"
        rows = leading_rows_kept(ranked, bank, terms, lead)
        chosen = choose(
            ranked if rows is None else subset(ranked, rows),
            bank,
            settings.max_quote_sentences,
            extra.get("neighbour_ratio", 1.0),
            settings.quote_budget,
            lead,
        )
    else:
        chosen = choose_by_score(
            of_named_records(
                of_asked_numbered_names(
                    naming_identifiers(quotable(candidates, bank, terms.focus), bank, terms.named),
                    bank,
                    terms.focus,
                ),
                bank,
                terms.focus,
            ).sentences,
            bank,
            settings.max_quote_sentences,
            settings.quote_budget,
        )
    citations = citations_of(quote_spans(chosen, bank, top, terms), bank.documents)
    return with_other_statement(citations, chosen, candidates.sentences, reading)


def _replied(
    ranked: Candidates, reading: Reading, models: AnswerModels, scores: QuestionScores, lead: float
) -> tuple[Candidates, Reading] | None:
    """When a candidate `choose` may lead with (rated `lead` of the best's at least) is a mail's
    question echoing the user's (mail_replies.echoes_question: "Could you tell us what documents
    you need from us…?"), the sentences of its reply (mail_replies.reply_to: the next message of
    its thread, in its file or its folder) ranked by the sentence ranker among every passage read
    and then by the quote ranker, the one writing most of the question's words first
    (`_most_covering_first`), rated as the best was, with the reading widened to the reply's
    passages. When no message replies, the candidates less those questions, none when no other
    was rated as near the best: a question is never quoted for its own answer (s37 trial a025,
    a027). None when no such candidate is a mail's echoing question."""
    if not ranked.sentences:
        return None
    bank = reading.bank
    least = lead * ranked.probabilities[0]
    band = [n for n, rating in enumerate(ranked.probabilities) if rating >= least]
    echoes = [n for n in band if echoes_question(bank, ranked.sentences[n].index, reading.terms)]
    if not echoes:
        return None
    others = [n for n in range(len(ranked.sentences)) if n not in echoes]
    replying = None
    asked = ranked.sentences[echoes[0]].index
    for reply in replies_to(bank, asked):
        in_thread = reply.doc_id == bank.sentences[asked].doc_id
        replying = _reply_candidates(reply, reading, models, scores, needs_word=not in_thread)
        if replying is not None:
            break
    if replying is None:
        return subset(ranked, [] if set(band) <= set(echoes) else others), reading
    chosen, widened = replying
    rating = ranked.probabilities[echoes[0]]
    held = {item.index for item in chosen.sentences}
    others = [n for n in others if ranked.sentences[n].index not in held]
    return _merged(_rated_below(chosen, rating), subset(ranked, others)), widened


def _rated_below(chosen: Candidates, rating: float) -> Candidates:
    """`chosen`, its first candidate rated `rating` (its question's) and none of the others
    above the one before it: the reply's candidates keep their order when ranked with others."""
    probabilities = chosen.probabilities.copy()
    if len(probabilities):
        probabilities[0] = rating
        probabilities = np.minimum.accumulate(probabilities)
    return dataclasses.replace(chosen, probabilities=probabilities)


def _writes_own_word(tokens: frozenset[str], reading: Reading) -> bool:
    """Whether a sentence's `tokens` hold a term the question itself writes (its own terms),
    function words aside ("pour" of "pour envoyer" is no word of the question's topic)."""
    function_words = language_words("function_words")
    return any(
        alternatives & tokens and not alternatives <= function_words
        for alternatives, _ in reading.terms.own_terms
    )


def _merged(replying: Candidates, others: Candidates) -> Candidates:
    """The reply's candidates and the other candidates ranked together by their ratings, the
    reply's in their own order first among equals: a reply takes its question's place, never
    that of a sentence rated above it (a guide's answer outranking the mail's question)."""
    if not others.sentences:
        return replying
    both = [replying, others]
    probabilities = np.concatenate([part.probabilities for part in both])
    weights = [
        np.ones(len(part.sentences)) if part.weights is None else part.weights for part in both
    ]
    joined = Candidates(
        [*replying.sentences, *others.sentences],
        probabilities,
        np.concatenate([part.rows for part in both]),
        np.concatenate(weights),
    )
    order = sorted(range(len(joined.sentences)), key=lambda n: (-probabilities[n], n))
    return subset(joined, order)


def _reply_candidates(
    reply: Reply,
    reading: Reading,
    models: AnswerModels,
    scores: QuestionScores,
    *,
    needs_word: bool = True,
) -> tuple[Candidates, Reading] | None:
    """The sentences of the `reply`, ranked as `_replied` says, with the widened reading;
    None when it holds none that may answer, or none writing one of the question's own words:
    a reply in another file that writes none of them ("Merci pour votre message, nous revenons
    vers vous") is no answer to the question (s38 review D2). One in the question's own thread
    file is read all the same (`needs_word` False): "I would like to present the tillage
    chapter." answers "Who goes to ICPP 2026?" (research q59), "Install the FortiClient app…"
    the VPN question of the s38 repro."""
    bank = reading.bank
    least = min(hit.score for hit in reading.hits) if reading.hits else 0.0
    held = {hit.chunk_index for hit in reading.hits}
    added = [hit for hit in reply_hits(bank, reply, least) if hit.chunk_index not in held]
    widened = Reading(bank, [*reading.hits, *added], reading.terms, reading.versioned)
    ranked_all = rank_candidates(widened, scores, models)
    kept = [
        number
        for number, item in enumerate(ranked_all.sentences)
        if reply.holds(bank.sentences[item.index].doc_id, bank.sentences[item.index].start)
    ]
    words = (_writes_own_word(bank.tokens[ranked_all.sentences[n].index], widened) for n in kept)
    if not kept or (needs_word and not any(words)):
        return None
    replying = quotable(reordered(subset(ranked_all, kept), models.quoter, widened), bank)
    return _most_covering_first(replying, widened), widened


def _most_covering_first(candidates: Candidates, reading: Reading) -> Candidates:
    """The candidates of one reply ordered by the share of the question's own terms they write
    (QuestionTerms.own_coverage), then in reading order: a reply answers each point its question
    asked, and the one the user asks is the one writing the user's words ("Please send us: a
    copy of both your passports…, a document showing…" for "What documents do the buyers need to
    send…?", over the same reply's fees sentence the quote ranker rated higher: s37 trial a025),
    and it answers first, the details after ("Mrs Whitfield can give a power of attorney…" before
    "Our fee for the power of attorney is 30 euros": a027). Those writing none of its words keep
    their order (the quote ranker's), after the others: a greeting opens a reply too."""
    bank = reading.bank
    items = candidates.sentences
    covers = [reading.terms.own_coverage(bank.tokens[item.index]) for item in items]
    starts = [bank.sentences[item.index].start if covers[n] else 0 for n, item in enumerate(items)]
    order = sorted(range(len(covers)), key=lambda n: (-covers[n], starts[n], n))
    return subset(candidates, order)


def _looked_up_lines(candidates: Candidates, bank: SentenceBank, focus: str) -> Candidates:
    """The field lines answering the question by their record (`on_record_field`) when there
    are some, else the rows or the lines it looks up by their key (`looked_up`,
    `on_named_line`): a table row keyed by the asked code whose header writes no asked field
    ("| DS-M2-104 | … | 4 |" for "DS-M2-104 ECTS") is no answer where the code's own record
    writes "Crédits ECTS : 4"."""
    fielded = on_record_field(candidates, bank, focus)
    if fielded is not candidates:
        return fielded
    return on_coded_line(
        on_named_line(looked_up(candidates, bank, focus), bank, focus), bank, focus
    )


def on_coded_line(candidates: Candidates, bank: SentenceBank, focus: str) -> Candidates:
    """The candidates, but the line of a code the question writes first (coded_lines.py: "E02 -
    Motor overheating. …" for "What should I do when the display shows E02?") when the best
    does not write that code."""
    codes = asked_codes(focus)
    if not codes or not candidates.sentences:
        return candidates
    if codes & asked_codes(bank.text(candidates.sentences[0].index)):
        return candidates
    for number, item in enumerate(candidates.sentences):
        sentence = bank.sentences[item.index]
        if coded_line_of(bank.documents[sentence.doc_id].text, sentence.start, codes):
            return moved_first(candidates, number)
    return candidates


def with_other_statement(
    citations: list[Citation],
    chosen: list[ScoredSentence],
    candidates: list[ScoredSentence],
    reading: Reading,
) -> list[Citation]:
    """The `citations`, and after them, marked `otherwise`, the sentence of another document read
    that states what a quoted one states with another value (disagreement.disagreeing, else
    in another language: disagreement.disagreeing_across), then, marked `later` with its date
    and the quoted documents' (not `otherwise`), the sentence of a later-dated document read on
    the quoted subject (later_statements.later_statement), each when the quotes together stay within
    OTHERWISE_LIMIT characters."""
    if not citations:
        return citations
    shown = [citation.quote for citation in citations]
    other = disagreeing(chosen, candidates, reading.bank, reading.terms, shown)
    if other is None:
        other = disagreeing_across(chosen, candidates, reading.bank, reading.terms, shown)
    if other is not None and older_next_line(
        reading.bank, reading.terms, other.index, citations[0].doc_id
    ):  # the first minutes' "Next meeting: 10 March" beside the last minutes' quoted line
        other = None
    if other is not None:
        citations = _with_added(citations, other, reading, None)
    later = later_statement(chosen, candidates, reading.bank, reading.terms)
    if later is None:
        return citations
    if other is not None and later.sentence.index == other.index:
        return _dated_otherwise(citations, later)
    citations = _with_added(citations, later.sentence, reading, later)
    if citations[-1].later is not None and later.standing:
        return standing_first(citations, dict(later.dates))
    return citations


def _dated_otherwise(citations: list[Citation], later: LaterStatement) -> list[Citation]:
    """The `citations`, their last the `otherwise` quote of a sentence that is the `later`
    statement too: quoted first when it stands (a calendar's "2027-01-22, Gymnase", a later
    mail's "déplacé au 5 février": s29 trial), else left as it is."""
    last = citations[-1]
    if not later.standing or not last.otherwise:
        return citations
    update = {"otherwise": False, "later": later.date, "after": later.after}
    return standing_first([*citations[:-1], last.model_copy(update=update)], dict(later.dates))


def standing_first(citations: list[Citation], dates: dict[str, str]) -> list[Citation]:
    """The `citations` with their last, a `later` statement, quoted first as the answer's
    (the question asks what holds now: LaterStatement.standing), and the answer's
    other quotes after it, each marked `earlier` with its own document's date (`dates`, by
    document id; an undated one unmarked) and `before` with the later one's (an `otherwise`
    quote stays as it is), renumbered in that order."""
    later = citations[-1]
    first = later.model_copy(update={"later": None, "after": None})
    moved = [
        citation
        if citation.otherwise or citation.doc_id not in dates
        else citation.model_copy(update={"earlier": dates[citation.doc_id], "before": later.later})
        for citation in citations[:-1]
    ]
    return [item.model_copy(update={"n": n}) for n, item in enumerate([first, *moved], 1)]


def _with_added(
    citations: list[Citation],
    other: ScoredSentence,
    reading: Reading,
    later: LaterStatement | None,
) -> list[Citation]:
    """The `citations`, and `other` quoted last, marked `otherwise`, or when it is a `later`
    statement dated instead (Citation.later, Citation.after: it need not state otherwise), when
    it makes one quote and the quotes together stay within OTHERWISE_LIMIT characters. A later
    statement whose quote (with the neighbours and heading quoting takes in) overflows is
    quoted as its sentence alone."""
    spans = quote_spans([other], reading.bank, reading.hits, reading.terms)
    added = citations_of(spans, reading.bank.documents)
    if later is not None and not _within_limit(citations, added):
        added = citations_of([_sentence_alone(other, reading.bank)], reading.bank.documents)
    if len(added) != 1 or not _within_limit(citations, added):
        return citations
    if later is None and _plan_of_first(citations[0], added[0]):
        return citations
    update: dict[str, object] = {"n": len(citations) + 1, "otherwise": later is None}
    if later is not None:
        update |= {"later": later.date, "after": later.after}
    return [*citations, added[0].model_copy(update=update)]


def _plan_of_first(first: Citation, added: Citation) -> bool:
    """Whether `added` is the plan whose target `first` restates beside its result
    (achieved_results.restates_plan): it says nothing otherwise, and is not added."""
    return restates_plan(
        Statement(first.quote, first.doc_id, ""), Statement(added.quote, added.doc_id, "")
    )


def _within_limit(citations: list[Citation], added: list[Citation]) -> bool:
    """Whether the quotes with `added` total at most OTHERWISE_LIMIT characters."""
    return sum(len(citation.quote) for citation in [*citations, *added]) <= OTHERWISE_LIMIT


def _sentence_alone(item: ScoredSentence, bank: SentenceBank) -> Span:
    """The span quoting sentence `item` alone, in its chunk."""
    sentence = bank.sentences[item.index]
    return Span(
        sentence.doc_id, sentence.start, sentence.end, item.score, bank.chunks[sentence.chunk_index]
    )


def abstained(
    question: str,
    reason: str,
    lang: Lang,
    sure: float,
    passages: list[Passage],
    below_floor: bool = False,
    claims_absence: bool = False,
    unwritten_in_texts: bool = False,
) -> Answer:
    """An abstention: the reason in words, and the closest passages for the reader to judge
    (`below_floor`: refused for its confidence alone, see Answer.below_floor; `claims_absence`:
    the reason says the documents never use words of the question, `unwritten_in_texts`: only
    their paths write some, abstention.Reason)."""
    return Answer(
        question=question,
        abstained=True,
        confidence=sure,
        answer=abstention.message(reason, lang, bool(passages)),
        passages=passages,
        reason=reason,
        lang=lang,
        below_floor=below_floor,
        claims_absence=claims_absence,
        unwritten_in_texts=unwritten_in_texts,
    )
