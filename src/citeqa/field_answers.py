"""Candidates kept or added for a question asking a labelled field or a record's field.

A form's or an invoice's "Label : value" lines whose label the question writes
(`on_asked_field`), a record's field lines whose label and owner the question names
(`on_record_field`: a syllabus, a staff card; record_fields.py), the field documents a question
names by an identifier in their path (`going_by_asked_ids`), the sentences of short field
documents the passages missed (`with_field_lines`), and whether the best candidate writes a
row's key (`writes_key`). Documents' folded texts are kept per bank (`folded_document`).
answering.py calls these while choosing the quote.
"""

from __future__ import annotations

import re
import threading
import weakref
from collections.abc import Iterable, Sequence

import numpy as np

from citeqa.across import (
    written_names,
)
from citeqa.answer_features import Wants, holds_asked_name, holds_asked_value
from citeqa.asked_values import asked_kinds, writes_kind
from citeqa.candidates import Candidates, subset
from citeqa.document_kinds import asked_kind, document_kind
from citeqa.document_names import name_words
from citeqa.field_lines import (
    closes_sentence,
    field_label,
    field_labels,
    fields_within,
    label_match,
    named_label_words,
    text_stems,
    with_label_groups,
    writes_stems,
)
from citeqa.glossary import fold
from citeqa.keyed_lines import line_key
from citeqa.language import line_start
from citeqa.mail_candidates import (
    MailLayouts,
)
from citeqa.measured_labels import preferred_label
from citeqa.models import (
    Citation,
    Document,
    Hit,
)
from citeqa.owner_fields import LackingOwner, owner_record_lacking, unanswered_owner
from citeqa.questions import QuestionTerms
from citeqa.recently_used import RecentlyUsed
from citeqa.record_fields import AskedWord, answering_fields, asked_words
from citeqa.record_ids import AskedRecords, asked_ids, asked_records, ids_pattern, own_record
from citeqa.role_labels import labels_asked_role
from citeqa.sentences import (
    ScoredSentence,
    SentenceBank,
    names_words,
    sentences_in,
)
from citeqa.tables import key_cell
from citeqa.value_kinds import writes_owner_value

FIELD_DOCUMENT_CHUNKS = 8
"""The most passages a field document may have for `on_asked_field` to read its lines beyond
the candidates: a form, an invoice, a quote (one or two passages), not a long report."""


def on_asked_field(candidates: Candidates, bank: SentenceBank, focus: str) -> Candidates:
    """The candidates, but when field lines of the field documents (`_field_documents`: those
    whose path writes a record identifier the question writes, else the best's) are labelled
    by words the question (`focus`) writes (`_field_match`: "Total TTC : 13 618,00 €" for "le
    montant TTC de la facture"), only the sentences holding a line named best (most label
    words written, then the label most fully written, then a line that is a whole sentence),
    in the quote ranker's order, those of a short document the question names by its
    identifier outside the passages read after the candidates (`with_field_lines`). Unless
    the best candidate is a table row looked up or prose of a field document writing the
    label's words (`_speaks_of_field`: "French import VAT is payable by the customer." for
    "Who pays the import VAT?"): a field is looked up by its label as a table's row by its key
    cell (`looked_up`). The sentence ranker read a field line as a short sentence of few
    question words, below footers and headers, and the passages read may hold an invoice's
    header but not its totals (s31 trial: 11 wrong quotes on invoices and quotes). When the
    question names no record, only a best candidate that is no prose (`_is_prose`) of a
    document writing every name the question writes (`_names_unwritten`) is overridden, and a
    short label must be named whole (field_lines.label_match's `whole_short`)."""
    if not candidates.sentences or candidates.sentences[0].names_key:
        return candidates
    documents, by_record = _field_documents(candidates, bank, focus)
    if not by_record and (_is_prose(candidates, bank) or _names_unwritten(bank, documents, focus)):
        return candidates
    enlarged = with_field_lines(candidates, bank, documents) if by_record else candidates
    named: list[tuple[tuple[int, float, bool], int]] = []
    for number, item in enumerate(enlarged.sentences):
        if bank.sentences[item.index].doc_id in documents:
            match = _field_match(bank, item.index, focus, whole_short=not by_record)
            if match[0]:
                named.append((match, number))
    if not named:  # the lines added at rating 0 are read for a field asked only
        return candidates
    best = max(match for match, _ in named)
    chosen = [number for match, number in named if match == best]
    chosen = _measured_or_limit(enlarged, bank, chosen, focus, not by_record)
    first = candidates.sentences[0].index
    if _speaks_of_field(bank, first, enlarged.sentences[chosen[0]].index, documents, focus):
        return candidates
    lines = [enlarged.sentences[number].index for number in chosen]
    if _kind_written_by_best_alone(bank, first, lines, focus):
        return candidates
    return subset(enlarged, chosen)


def _kind_written_by_best_alone(
    bank: SentenceBank, first: int, lines: Sequence[int], focus: str
) -> bool:
    """Whether the question asks a kind of value (asked_values.asked_kinds) that the best
    candidate `first` writes and none of the field `lines` does: "Until when is the tenant
    insurance valid?" of a certificate's "Valid from 1 September 2025 to 31 August 2026" was
    answered by its "Insurer: AXA France" line, labelled by a word of the question's stem
    (s57 trial)."""
    kinds = asked_kinds(focus)

    def writes(index: int) -> bool:
        return any(writes_kind(kind, bank.text(index)) for kind in kinds)

    return bool(kinds) and writes(first) and not any(map(writes, lines))


def on_record_field(candidates: Candidates, bank: SentenceBank, focus: str) -> Candidates:
    """The candidates, but when the best candidate does not write every word the question
    (`focus`) asks (record_fields.asked_words; a table row read with its header row) and field
    lines of records among the candidates' documents of at most FIELD_DOCUMENT_CHUNKS passages
    answer it by their record (record_fields.answering_fields: "Permanences : le lundi …"
    under "Enseignante : Sophie Bernard" for "Quand sont les permanences de Sophie Bernard
    ?"), only the lines named best of the first such document, a line no candidate added
    rated as the best. Another document's line naming the owner but not the field (a notes
    header "— Sophie Bernard —") won over the field line, which names no owner (s33 trial)."""
    if not candidates.sentences:
        return candidates
    words, best = asked_words(focus), candidates.sentences[0].index
    if len(words) < 2 or _writes_every_word(bank, best, words) or _prose_answer(bank, best, focus):
        return candidates
    if writes_owner_value(focus, bank.text(best)):
        return candidates  # "Pediatrician Dr Lambert: 01 99 00 45 67" for his phone number (s54)
    if labels_asked_role(bank.text(best), focus):
        return candidates  # "Instructor: Dr. Amelia Hart" for "Who teaches DATA 210?" (s59)
    if _field_documents(candidates, bank, focus)[1]:
        return candidates  # the documents named by the asked record: on_asked_field reads them
    found = record_fields(candidates, bank, words, focus) or _lacking_record_mentions(
        candidates, bank, words, focus
    )
    if not found:
        return candidates
    return _first_with(candidates, found)


def _field_sized(bank: SentenceBank, doc_ids: Iterable[str]) -> list[Document]:
    """The documents of `doc_ids` (each once, in order) of at most FIELD_DOCUMENT_CHUNKS
    passages: a form, a card, a directory page, whose records are read."""
    return [
        bank.documents[doc_id]
        for doc_id in dict.fromkeys(doc_ids)
        if len(bank.chunks_of(doc_id)) <= FIELD_DOCUMENT_CHUNKS
    ]


def _lacking_record_mentions(
    candidates: Candidates, bank: SentenceBank, words: list[AskedWord], focus: str
) -> list[int]:
    """The sentence numbers of the lines where the owner's record lacking the asked field
    writes the field's words in a value ("Bureau : Téléphone : 09 …": owner_fields), in the
    first candidates' document holding such a record; none when no record lacks it."""
    doc_ids = (bank.sentences[item.index].doc_id for item in candidates.sentences)
    held = owner_record_lacking(focus, words, _field_sized(bank, doc_ids))
    if held is None:
        return []
    doc_id, lacking = held
    return [
        int(number)
        for start, end in lacking.mentioning
        for number in sentences_in(bank.sentences, doc_id, start, end)
    ]


def owner_lacking_field(
    focus: str, citations: list[Citation], top: Sequence[Hit], bank: SentenceBank
) -> LackingOwner | None:
    """The owner and field the question asks when a record of the passages' short documents
    names the owner but lacks the field and no quote stands for it (owner_fields)."""
    words = asked_words(focus)
    if len(words) < 2:
        return None
    documents = _field_sized(bank, (hit.chunk.doc_id for hit in top))
    return unanswered_owner(focus, words, citations, documents)


def _prose_answer(bank: SentenceBank, index: int, focus: str) -> bool:
    """Whether sentence `index` is prose (field_lines.closes_sentence) holding a value of the
    kind the question (`focus`) asks (a date, a number, a name: answer_features.holds_asked_value,
    holds_asked_name): "Le stage se déroule du 2 mars 2026 au 28 août 2026." answers "Quelles
    sont les dates du stage ?", which a mail's "Date:" header line under a sender address
    writing "stages@…" does not (s33 trial)."""
    text = bank.text(index)
    if not closes_sentence(text):
        return False
    wants = Wants.of(focus)
    return holds_asked_value(wants, text) or holds_asked_name(wants, text)


def _writes_every_word(bank: SentenceBank, index: int, words: list[AskedWord]) -> bool:
    """Whether sentence `index`, with its table's header row for a row and the words its
    document goes by (document_names.name_words), writes each of `words`: "TVA 20 % : 151,40
    €" of "facture_equipements_F-2025-0187.pdf" answers "facture équipements TVA" (s29
    trial), whatever another invoice's record writes; a label word is written by any word of its
    group of field_labels.json (field_lines.with_label_groups: a roster's "Office hours" column
    writes "heures de permanence"), so the answer does not hang on the question's language."""
    header = bank.table_header(index)
    text = bank.text(index) if header is None else f"{bank.text(header)}\n{bank.text(index)}"
    held = with_label_groups(text_stems(text))
    naming = name_words(bank.documents[bank.sentences[index].doc_id])
    return all(word.stems & held or word.folded in naming for word in words)


def record_fields(
    candidates: Candidates, bank: SentenceBank, words: list[AskedWord], focus: str
) -> list[int]:
    """The sentence numbers of the field lines named best that answer the question by their
    record, of the first candidates' document holding any (`on_record_field`); a mail's header
    lines are its message's, no record's ("Date:" under "From: Placements Office" answers no
    "dates of the placement": mail_candidates.py reads them for a question asking them)."""
    doc_ids = dict.fromkeys(bank.sentences[item.index].doc_id for item in candidates.sentences)
    layouts = MailLayouts(bank.documents)
    for doc_id in doc_ids:
        if len(bank.chunks_of(doc_id)) > FIELD_DOCUMENT_CHUNKS:
            continue
        document, layout = bank.documents[doc_id], layouts.of(doc_id)
        found = [
            (match, start, end)
            for match, start, end in answering_fields(
                document.text, words, focus, name_words(document)
            )
            if layout is None or not layout.in_headers(start)
        ]
        if found:
            best = max(match for match, _, _ in found)
            spans = [(start, end) for match, start, end in found if match == best]
            labels = [field_label(document.text, start, end) or "" for start, end in spans]
            if (preferred := preferred_label(labels, focus)) is not None:
                spans = [spans[preferred]]  # "Measured deflection", not "Allowable deflection"
            return [
                int(number)
                for start, end in spans
                for number in sentences_in(bank.sentences, doc_id, start, end)
            ]
    return []


def _first_with(candidates: Candidates, indexes: list[int]) -> Candidates:
    """The candidates that are sentences `indexes`, in that order, those no candidate added,
    each rated as the best candidate."""
    position = {item.index: number for number, item in enumerate(candidates.sentences)}
    extra = [index for index in indexes if index not in position]
    if extra:
        candidates = _with_sentences(candidates, extra)
        position = {item.index: number for number, item in enumerate(candidates.sentences)}
    chosen = subset(candidates, [position[index] for index in indexes])
    chosen.probabilities[:] = candidates.probabilities.max(initial=0.0)
    return chosen


def _names_unwritten(bank: SentenceBank, documents: set[str], focus: str) -> bool:
    """Whether a name the question writes (across.written_names) is written by none of the
    field `documents`: their fields are another party's ("le numéro de SIRET de Termcraft"
    quoted the issuer's own "SIRET:" line of an invoice to another client: s32 admin set).
    The documents are folded only for a question writing a name."""
    names = set(map(fold, written_names(focus)))
    if not names:
        return False
    texts = [folded_document(bank, doc_id) for doc_id in documents]
    return any(
        not any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) for text in texts)
        for name in names
    )


FOLDED_DOCUMENTS_KEPT = 32
"""How many documents' folded texts `_names_unwritten` keeps a bank (the field documents of
the questions asked last: folding one anew a question cost up to a few milliseconds)."""


FOLDED_DOCUMENT_MAX = 200_000
"""A longer document's folded text is not kept (`folded_document`): 32 kept whole documents
of megabytes each would hold as much memory again (review of s37-warmpath)."""


_FOLDED_DOCUMENTS: weakref.WeakKeyDictionary[SentenceBank, RecentlyUsed[str, str]] = (
    weakref.WeakKeyDictionary()
)


_FOLDED_DOCUMENTS_LOCK = threading.Lock()


def folded_document(bank: SentenceBank, doc_id: str) -> str:
    """The document's text folded (glossary.fold), kept for the bank's last
    FOLDED_DOCUMENTS_KEPT documents asked of at most FOLDED_DOCUMENT_MAX characters."""
    text = bank.documents[doc_id].text
    if len(text) > FOLDED_DOCUMENT_MAX:
        return fold(text)
    with _FOLDED_DOCUMENTS_LOCK:
        kept = _FOLDED_DOCUMENTS.setdefault(bank, RecentlyUsed(FOLDED_DOCUMENTS_KEPT))
    return kept.get(doc_id, lambda: fold(text))


def _is_prose(candidates: Candidates, bank: SentenceBank) -> bool:
    """Whether the best candidate is prose: a sentence closing on sentence punctuation whose
    last line is no field line, and no boilerplate (a line repeated across the corpus:
    boilerplate_weights). A question naming no record has a field line override only a best
    that is none (a header, a footer, another field line: the s31 trial's failures); over
    prose it took right answers away ("Who is the author of the load test method?" quoted
    "Author: …", "How many inspectors in total …" quoted "Total: 4 sites": s32-keyed review)."""
    index = candidates.sentences[0].index
    weights = candidates.weights
    if weights is not None and weights[0] < 1.0:
        return False
    sentence = bank.sentences[index]
    text = bank.documents[sentence.doc_id].text
    last = line_start(text, sentence.end - 1)
    if field_label(text, max(last, sentence.start), sentence.end) is not None:
        return False
    return closes_sentence(bank.text(index))


def _measured_or_limit(
    candidates: Candidates, bank: SentenceBank, chosen: list[int], focus: str, whole_short: bool
) -> list[int]:
    """`chosen` (the numbers of candidates holding field lines the question `focus` names as
    well), or the one of them whose label it asks of a measured value and its limit
    (measured_labels.preferred_label: "Measured deflection: 21.5 mm" over "Allowable
    deflection: 28 mm" for "the deflection in T-21", the limit for "the allowable one")."""
    if len(chosen) < 2:
        return chosen
    labels = [_named_label(bank, candidates.sentences[n].index, focus, whole_short) for n in chosen]
    preferred = preferred_label(labels, focus)
    return chosen if preferred is None else [chosen[preferred]]


def _named_label(bank: SentenceBank, index: int, focus: str, whole_short: bool) -> str:
    """The label of the field line within sentence `index` the question (`focus`) names best
    (`_field_match`'s), "" for none."""
    sentence = bank.sentences[index]
    document = bank.documents[sentence.doc_id]
    fields = fields_within(document.text, sentence.start, sentence.end)
    naming = name_words(document) if fields else frozenset()
    named = max(
        fields,
        key=lambda field: label_match(field[0], focus, naming, field[1], whole_short),
        default=("", ""),
    )
    return named[0]


def _field_match(
    bank: SentenceBank, index: int, focus: str, whole_short: bool = False
) -> tuple[int, float, bool]:
    """How well the question (`focus`) names the best-named field line within sentence `index`
    (field_lines.label_match, the words its document goes by set aside), and whether that line
    is the whole sentence (quoted alone, where a longer sentence may be cut before it:
    quoting.best_clauses); (0, 0.0, False) for none."""
    sentence = bank.sentences[index]
    document = bank.documents[sentence.doc_id]
    fields = fields_within(document.text, sentence.start, sentence.end)
    naming = name_words(document) if fields else frozenset()
    match = max(
        (label_match(label, focus, naming, value, whole_short) for label, value in fields),
        default=(0, 0.0),
    )
    whole = field_label(document.text, sentence.start, sentence.end) is not None
    return (*match, whole)


def _speaks_of_field(
    bank: SentenceBank, index: int, field: int, documents: set[str], focus: str
) -> bool:
    """Whether sentence `index`, the best candidate, is prose (closing on sentence
    punctuation) of a field document writing a label word of sentence `field`'s field lines
    that the question writes too: it speaks of that field as the question does ("French import
    VAT is payable by the customer." over "VAT: 0%" for "Who pays the import VAT?")."""
    sentence = bank.sentences[index]
    text = bank.text(index).rstrip()
    if sentence.doc_id not in documents or not closes_sentence(text):
        return False
    other = bank.sentences[field]
    labels = field_labels(bank.documents[other.doc_id].text, other.start, other.end)
    named = frozenset().union(*(named_label_words(label, focus) for label in labels))
    return bool(named) and writes_stems(text, named)  # the sentence stemmed once, not per label


def _field_documents(
    candidates: Candidates, bank: SentenceBank, focus: str
) -> tuple[set[str], bool]:
    """The documents whose field lines `on_asked_field` reads, and whether the question names
    them: those of the candidates whose path writes a record identifier the question writes
    ("factures/FA-2025-022.pdf" for "Date de la facture FA-2025-022 ?", not the credit note
    that cites that invoice; `_spaced`), else the best candidate's."""
    documents = {bank.sentences[item.index].doc_id for item in candidates.sentences}
    asked = asked_records(focus)
    if asked is not None:
        named = {doc_id for doc_id in documents if asked.pattern.search(_spaced(doc_id))}
        if named:
            return going_by_asked_ids(named, asked, focus, bank), True
    return {bank.sentences[candidates.sentences[0].index].doc_id}, False


def going_by_asked_ids(
    named: set[str], asked: AskedRecords, focus: str, bank: SentenceBank
) -> set[str]:
    """The `named` documents (their path writes an asked identifier) less those going by
    another record (`_goes_by_another`), when some named document is left: a credit note
    "avoirs/AV-2025-003_FA-2025-022" won the invoice's total (s33 hostile probe M3). The
    others all stay (s34 review: an exclusion by the identifier's place alone dropped an invoice
    named "BC-2031-7_PV-2031-020", an order's number first, for a payment notice's amount)."""
    kept = {doc_id for doc_id in named if not _goes_by_another(doc_id, asked, focus, bank)}
    return _of_asked_kind(kept or named, focus, bank)


def _of_asked_kind(named: set[str], focus: str, bank: SentenceBank) -> set[str]:
    """The `named` documents less those of another kind than the one the question (`focus`)
    asks (document_kinds: "la facture FAC-2025-002"), by their file name, first line or
    folder, when one of the asked kind is among them: a credit note "banque/avoir_FAC-2025-002"
    labelling its amount "Montant" won the invoice's (s35 hostile M6). Those naming no kind
    stay."""
    wanted = asked_kind(focus)
    if wanted is None or len(named) < 2:
        return named
    kinds = {doc_id: document_kind(doc_id, bank.documents[doc_id].text) for doc_id in named}
    if wanted not in kinds.values():
        return named
    return {doc_id for doc_id, kind in kinds.items() if kind in (wanted, None)}


def _goes_by_another(doc_id: str, asked: AskedRecords, focus: str, bank: SentenceBank) -> bool:
    """Whether the document is another record's, referring to the asked one: its path goes by
    an identifier of letters none of the asked write (record_ids.own_record), its text writes
    that identifier before any asked one ("Avoir AV-2025-003 sur facture FA-2025-022"), and its
    path writes a word the question (`focus`) does not ("avoirs"; "l'avoir sur la facture"
    asks it)."""
    text = bank.documents[doc_id].text
    own = own_record(doc_id, text)
    if own is None or own.family in asked.families:
        return False
    its_own, asked_one = ids_pattern([own]).search(text), asked.pattern.search(text)
    if its_own is None or (asked_one is not None and asked_one.start() < its_own.start()):
        return False
    return bool(_unasked_path_words(doc_id, focus))


def _unasked_path_words(path: str, focus: str) -> list[str]:
    """The words of `path` (its identifiers left out) that carry a stem and that the question
    `focus` does not write (field_lines.named_label_words)."""
    spaced = _spaced(path)
    written = asked_ids(spaced)
    if written:
        spaced = ids_pattern(written).sub(" ", spaced)
    return [
        word
        for word in re.findall(r"[^\W\d_]+", spaced)
        if text_stems(word) and not named_label_words(word, focus)
    ]


def _spaced(path: str) -> str:
    """A document's path with its underscores read as the spaces they stand for
    ("DE-2025-012_cuisine_v2.pdf": an identifier is searched whole, and "_" is a word
    character)."""
    return path.replace("_", " ")


def with_field_lines(candidates: Candidates, bank: SentenceBank, documents: set[str]) -> Candidates:
    """The candidates, then the sentences of each of `documents` of at most
    FIELD_DOCUMENT_CHUNKS passages that are no candidate, each rated 0.0 by the rankers."""
    known = {item.index for item in candidates.sentences}
    extra: list[int] = []
    for doc_id in sorted(documents):
        chunks = bank.chunks_of(doc_id)
        if len(chunks) > FIELD_DOCUMENT_CHUNKS:
            continue
        for chunk in chunks:
            extra.extend(
                index for index in bank.scorable_in(bank.chunks[chunk]) if index not in known
            )
            known.update(extra)
    return _with_sentences(candidates, extra) if extra else candidates


def _with_sentences(candidates: Candidates, extra: list[int]) -> Candidates:
    """The candidates, then sentences `extra`, each rated 0.0 by the rankers."""
    added = [ScoredSentence(index, 0.0, 0.0, 0.0, 0.0, 0) for index in extra]
    rows = np.zeros((len(extra), candidates.rows.shape[1]), dtype=candidates.rows.dtype)
    weights = candidates.weights
    return Candidates(
        candidates.sentences + added,
        np.concatenate([candidates.probabilities, np.zeros(len(extra))]),
        np.concatenate([candidates.rows, rows]),
        None if weights is None else np.concatenate([weights, np.ones(len(extra))]),
    )


def writes_key(bank: SentenceBank, candidates: Candidates, number: int) -> bool:
    """Whether the best candidate writes the key of candidate `number` (a keyed line's first
    words, a row's key cell) whole: it speaks of that key, as the question does ("Resistance
    in Cougar is conferred by the Stb16q gene" for "Which gene confers resistance in
    Cougar?", not the `Cougar 318 1,236` line of a table's text)."""
    sentence = bank.sentences[candidates.sentences[number].index]
    text = bank.documents[sentence.doc_id].text
    key = line_key(text, sentence.start, sentence.end)
    if key is None:
        key = key_cell(
            bank.text(candidates.sentences[number].index),
            bank.key_column(candidates.sentences[number].index),
        )
    return names_words(key, QuestionTerms(focus=bank.text(candidates.sentences[0].index)))
