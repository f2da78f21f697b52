"""Candidates reordered so that the line that answers what kind of question is asked leads.

The rankers read a question's words, not what it asks of them: the latest year's table row
(`latest_year_first`), the latest-dated row of a status history (`latest_dated_row_first`), the
row of the rank asked of a table writing no ranks (`ranked_row_first`: "le deuxième appel de
fonds"), a statement of what the first quote writes only denied (`stated_first`: "un préavis de
trois mois" over "sans préavis"), the case asked over a default case (`named_case_first`: "En
cas de personne bloquée…" over "Pour toute autre panne…"), the compound asked over its sibling
(`compound_first`: "Check-in is from 15:00." over "Check out by 11:00"), the time of the thing
asked over a time of the day it names (`timed_subject_first`), the statement changing
a value (`changed_value_first`), a result completing its target (`result_first`), the newest
"next meeting" line (`next_dated_first`), a minutes' decision line (`decision_first`), the
sentence saying how for a question asking how to do something (`manner_first`), the
line labelling a role with its holder (`role_label_first`) and the sentence of the first's
passage writing the thing asked (`asked_head_first`: "Le quorum est atteint…" over "L'assemblée
générale … se réunit … en juin") are put first, rated as the first was, every other rated at
most DISPLACED_SHARE of that; a row of the table the question points at takes the place of
another table's row of its key (`pointed_table_row_instead`). The rules are in their own modules
and data files (yearly_rows.py, dated_rows.py, ordinal_rows.py, negated_terms.py, other_cases.py,
particle_compounds.py, asked_times.py, later_statements.py, achieved_results.py, next_dates.py,
decision_lines.py, manner_answers.py, role_labels.py, absent_heads.py, pointed_tables.py).
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable

import numpy as np

from citeqa.absent_heads import thing_head
from citeqa.achieved_results import RESULT_RANKS, Statement, result_position
from citeqa.asked_times import (
    SUBJECT_RANKS,
    SUBJECT_SHARE,
    asked_days,
    subject_words,
    writes_time,
)
from citeqa.asked_values import writes_kind
from citeqa.candidates import Candidates, moved_first, subset
from citeqa.dated_meetings import under_decision_heading
from citeqa.dated_rows import DATED_ROW_RANKS, asks_a_state, latest_dated_row
from citeqa.dated_titles import (
    OCCASION,
    asks_occasion,
    states_asked_occasion,
    states_later_occasion,
)
from citeqa.dates import date_terms
from citeqa.decision_lines import (
    asks_decision,
    asks_outcome,
    decision_position,
    outcome_position,
)
from citeqa.extreme_rows import asked_extreme, extreme_row
from citeqa.field_answers import (
    with_field_lines,
)
from citeqa.glossary import fold
from citeqa.language import line_end, line_start
from citeqa.later_statements import (
    asks_first_said,
    changed_in_place,
    document_date,
)
from citeqa.lexical import query_tokens, undated_terms
from citeqa.manner_answers import MANNER_RANKS, asks_manner, manner_position
from citeqa.negated_terms import NEGATED_RANKS, STATED_SHARE, denied_terms, denies, states_terms
from citeqa.next_dates import (
    next_dated_position,
)
from citeqa.ordinal_rows import ORDINAL_ROW_RANKS, asked_row_rank, numbers_word, ranked_row
from citeqa.other_cases import CASE_RANKS, CASE_SHARE, names_other_cases, terms_written
from citeqa.particle_compounds import COMPOUND_RANKS, COMPOUND_SHARE, particle_compounds
from citeqa.places import (
    heading_over,
)
from citeqa.pointed_tables import pointed_row
from citeqa.questions import QuestionTerms
from citeqa.role_holders import asked_role_words
from citeqa.role_labels import ROLE_LABEL_RANKS, role_field_position, role_label_position
from citeqa.sentences import (
    ScoredSentence,
    SentenceBank,
)
from citeqa.signer_questions import asks_signer
from citeqa.signers import signer_position
from citeqa.specific_keys import SPECIFIC_KEY_RANKS, specific_key_position
from citeqa.unheld_years import asked_years
from citeqa.value_kinds import asked_kind_phrase
from citeqa.yearly_rows import YEARLY_ROW_RANKS, latest_year_row


def latest_year_first(candidates: Candidates, bank: SentenceBank, question: str) -> Candidates:
    """The candidates, but for a question writing no year (unheld_years.asked_years) whose
    first candidate is a table row under a year's label (the heading it stands under,
    chunking.section_of, and its document's path), the near row of its key under a later
    year's label first (yearly_rows.py: "Tarifs 2025" before "Tarifs 2024"), the others in
    their order."""
    if not candidates.sentences or asked_years(question):
        return candidates
    placed = (_labelled(bank, item) for item in candidates.sentences[:YEARLY_ROW_RANKS])
    moved = latest_year_row(placed)  # reads the others' sections only after a yearly first
    if moved is None:
        return candidates
    return moved_first(candidates, moved)


def latest_dated_row_first(candidates: Candidates, bank: SentenceBank, question: str) -> Candidates:
    """The candidates, but for a question asking the state a thing stands in, writing no date
    nor year and asking nothing of what was first said, whose first candidate is a row of a
    status history (a full date in one column), the latest-dated near row of that table and
    key first (dated_rows.py: "| 2026-01-24 | PO-7781 | delivered |" before "| 2026-01-10 |
    PO-7781 | created |"), rated as the first was, the others in their order."""
    if not candidates.sentences or not asks_a_state(question) or asks_first_said(question):
        return candidates
    items = candidates.sentences[:DATED_ROW_RANKS]
    moved = latest_dated_row(question, [_dated_line(bank, item) for item in items])
    return candidates if moved is None else _promoted(candidates, moved)


def ranked_row_first(candidates: Candidates, bank: SentenceBank, question: str) -> Candidates:
    """The candidates, but for a question asking a thing by its rank ("le deuxième appel de
    fonds") that no candidate numbers itself, whose first ORDINAL_ROW_RANKS candidates hold a
    row of a table naming that thing in its header row or the line above it, that table's
    row of the asked rank first, when it is a candidate (ordinal_rows.py), rated as the first
    was, every other rated at most DISPLACED_SHARE of that, in their order."""
    asked = asked_row_rank(question)
    items = candidates.sentences[:ORDINAL_ROW_RANKS]
    if asked is None or numbers_word([bank.text(item.index) for item in items], asked[1]):
        return candidates
    return _table_row_first(candidates, bank, lambda row: ranked_row(bank, row, *asked))


def _table_row_first(
    candidates: Candidates, bank: SentenceBank, row_of: Callable[[int], int | None]
) -> Candidates:
    """The candidates, the row `row_of` gives for the table of the first table row among the
    first ORDINAL_ROW_RANKS candidates first when it is a candidate (`_promoted`), else as
    they are (`ranked_row_first`, `extreme_row_first`)."""
    items = candidates.sentences[:ORDINAL_ROW_RANKS]
    row = next((item.index for item in items if bank.table_of(item.index) is not None), None)
    target = None if row is None else row_of(row)
    positions = [n for n, item in enumerate(candidates.sentences) if item.index == target]
    return candidates if not positions else _promoted(candidates, positions[0])


def extreme_row_first(candidates: Candidates, bank: SentenceBank, question: str) -> Candidates:
    """The candidates, but for a question asking a row by a superlative of a column ("the most
    expensive pastry") whose first ORDINAL_ROW_RANKS candidates hold a row of a table, that
    table's row of the extreme value first, when it is a candidate (extreme_rows.py), rated as
    the first was, every other rated at most DISPLACED_SHARE of that, in their order."""
    asked = asked_extreme(question)
    if asked is None:
        return candidates
    return _table_row_first(candidates, bank, lambda row: extreme_row(bank, row, question, asked))


def pointed_table_row_instead(
    candidates: Candidates, bank: SentenceBank, question: str
) -> Candidates:
    """The candidates, but when the first table row among them is looked up by a key cell the
    question writes, in a table pointing at none of the question's other words, and another
    table keyed alike points at some (pointed_tables.py: the training schedule, not the fees
    table, for "Qui entraîne les U15 ?"), that table's row of the key in its place, rated as it
    was, every candidate after it rated at most DISPLACED_SHARE of that, in their order."""
    found = pointed_row(bank, [item.index for item in candidates.sentences], question)
    if found is None:
        return candidates
    first, pointed = found
    return _promoted(candidates, pointed, place=first)


HEAD_RANKS = 5
"""How many first candidates `asked_head_first` reads for one writing the thing asked."""
HEAD_SHARE = 0.3
"""The least share of the first's rating a candidate writing the thing asked needs to lead."""


def asked_head_first(candidates: Candidates, bank: SentenceBank, question: str) -> Candidates:
    """The candidates, but when the question asks the value of a thing by its head word
    (absent_heads.thing_head: "quorum" of "Quel est le quorum de l'assemblée générale ?") and
    the first does not write it in any form, the first of the next HEAD_RANKS of its passage
    rated HEAD_SHARE of it at least that does, first, rated as the first was, every other rated
    at most DISPLACED_SHARE of that, in their order (s58 trial: "L'assemblée générale ordinaire se
    réunit chaque année au mois de juin." quoted over "Le quorum est atteint lorsque le quart
    des membres est présent ou représenté."). Only a sentence of the first's passage: an
    attribute is often stated without its noun ("Quelle est la religion de Massanes ?" is
    answered by the sentence on his consistory, not by another article's writing "religion":
    PIAF dev, where a first version lost 3 quotes so). Not for a contact value of a shape
    (value_kinds.asked_kind_phrase: "Quel est le téléphone de Cycles Laurentides ?" is refused
    when no line of that owner writes one, never answered by the mill's "téléphone" line)."""
    head = thing_head(question)
    if head is None or len(candidates.sentences) < 2 or asked_kind_phrase(question) is not None:
        return candidates  # a phone number, an e-mail: value_kinds.py reads their owners
    asked = frozenset(query_tokens(head))
    if not asked:
        return candidates
    best = candidates.sentences[0].index
    if asked & undated_terms(bank.text(best)):
        return candidates
    passage = bank.sentences[best].chunk_index

    def writes(index: int) -> bool:
        in_passage = bank.sentences[index].chunk_index == passage
        return in_passage and bool(asked & undated_terms(bank.text(index)))

    position = _first_near(candidates, bank, (HEAD_RANKS, HEAD_SHARE), writes)
    return candidates if position is None else _promoted(candidates, position)


def stated_first(candidates: Candidates, bank: SentenceBank, terms: QuestionTerms) -> Candidates:
    """The candidates, but for a question writing no denial whose first candidate writes some
    of its words only denied ("sans préavis"), the first of the next NEGATED_RANKS rated at
    least STATED_SHARE of it that writes those words without a denial and every question word
    the first writes (negated_terms.py), first, rated as the first was, every other rated at
    most DISPLACED_SHARE of that, in their order."""
    if len(candidates.sentences) < 2 or denies(terms.focus):
        return candidates
    first = bank.text(candidates.sentences[0].index)
    if not denies(first):  # most first candidates write no denial: none of their words stemmed
        return candidates
    asked = [alternatives for alternatives, _ in terms.own_terms]
    denied, stated = denied_terms(first, asked)
    if not denied:
        return candidates
    position = _first_near(
        candidates,
        bank,
        (NEGATED_RANKS, STATED_SHARE),
        lambda index: states_terms(bank.text(index), asked, denied | stated),
    )
    return candidates if position is None else _promoted(candidates, position)


def named_case_first(
    candidates: Candidates, bank: SentenceBank, terms: QuestionTerms
) -> Candidates:
    """The candidates, but for a question asking of no default case whose first candidate
    states one ("Pour toute autre panne, …"), the first of the next CASE_RANKS rated at least
    CASE_SHARE of it that states none and writes a question word the first does not
    (other_cases.py: "En cas de personne bloquée…" for "… si quelqu'un est bloqué"), first,
    rated as the first was, every other rated at most DISPLACED_SHARE of that, in their order."""
    if len(candidates.sentences) < 2 or names_other_cases(terms.focus):
        return candidates
    first = candidates.sentences[0].index
    if not names_other_cases(bank.text(first)):
        return candidates
    asked = [alternatives for alternatives, _ in terms.own_terms]
    written = terms_written(bank.tokens[first], asked)
    position = _first_near(
        candidates,
        bank,
        (CASE_RANKS, CASE_SHARE),
        lambda index: (
            not names_other_cases(bank.text(index))
            and bool(terms_written(bank.tokens[index], asked) - written)
        ),
    )
    return candidates if position is None else _promoted(candidates, position)


def compound_first(candidates: Candidates, bank: SentenceBank, question: str) -> Candidates:
    """The candidates, but for a question writing a compound with a particle ("check-in")
    whose first candidate writes its head words but not the compound ("Check out by 11:00"),
    the first of the next COMPOUND_RANKS rated at least COMPOUND_SHARE of it that writes every
    such compound of the question (particle_compounds.py: "Check-in is from 15:00."), first,
    rated as the first was, every other rated at most DISPLACED_SHARE of that, in their order."""
    asked = particle_compounds(question) if len(candidates.sentences) > 1 else []
    if not asked:
        return candidates
    first = candidates.sentences[0].index
    if any(compound.written_in(bank.text(first)) for compound in asked):
        return candidates
    if not all(compound.heads <= bank.tokens[first] for compound in asked):
        return candidates  # the rankers did not read it as the compound's sibling
    position = _first_near(
        candidates,
        bank,
        (COMPOUND_RANKS, COMPOUND_SHARE),
        lambda index: all(compound.written_in(bank.text(index)) for compound in asked),
    )
    return candidates if position is None else _promoted(candidates, position)


def timed_subject_first(candidates: Candidates, bank: SentenceBank, question: str) -> Candidates:
    """The candidates, but for a question asking a time of day whose first candidate writes a
    time but none of the words naming what the time is asked of (asked_times.subject_words:
    "dinner", not "Friday"), nor do the lines it is read with or its heading, the first of the
    next SUBJECT_RANKS (whatever its rating: SUBJECT_SHARE) that writes a time and one of those
    words, and is read with the day the question names if it names one (asked_times.asked_days:
    "- Dinner booked at 20:00." under "## Friday 20 November"), first, rated as the first was,
    every other rated at most DISPLACED_SHARE of that, in their order; a first read with those
    words but not writing the day named itself gives way to a line writing it (`_timed_first`)."""
    subject = subject_words(question) if len(candidates.sentences) > 1 else frozenset()
    if not subject:
        return candidates
    named, on_days = _stems(subject), _stems(asked_days(question))
    first = candidates.sentences[0].index
    if not writes_time(bank.text(first)):
        return candidates  # a first writing no time is asked_times.untimed's
    if not _read_with_any(bank, first, named):  # "Departs Friday … at 07:35" for dinner
        return _timed_first(candidates, bank, named, on_days)
    if on_days and bank.tokens[first].isdisjoint(on_days):  # the day's passage, not the day
        return _timed_first(candidates, bank, on_days, named)
    return candidates


def _timed_first(
    candidates: Candidates, bank: SentenceBank, written: frozenset[str], read: frozenset[str]
) -> Candidates:
    """The candidates, the first of the next SUBJECT_RANKS (whatever its rating: SUBJECT_SHARE)
    writing a time and one of the `written` stems, and read with one of the `read` stems if any
    (`_read_with_any`), first, rated as the first was: the thing asked, read with the day named
    ("- Dinner booked at 20:00." under "## Friday 20 November"), or the day named, read with the
    thing ("Elle est fermée le dimanche et les jours fériés." over "Pendant les vacances
    scolaires d'été, la salle ferme du 1er au 22 août." for "À quelle heure ferme la salle le
    dimanche ?", s53 trial: the first writes the thing, its passage every day)."""

    def answers(index: int) -> bool:
        if bank.tokens[index].isdisjoint(written) or not writes_time(bank.text(index)):
            return False
        return not read or _read_with_any(bank, index, read)

    position = _first_near(candidates, bank, (SUBJECT_RANKS, SUBJECT_SHARE), answers)
    return candidates if position is None else _promoted(candidates, position)


def _stems(words: frozenset[str]) -> frozenset[str]:
    """The stems of folded `words` (lexical.query_tokens), as SentenceBank.tokens holds them."""
    return frozenset(stem for word in words for stem in query_tokens(word))


def _read_with_any(bank: SentenceBank, index: int, stems: frozenset[str]) -> bool:
    """Whether sentence `index`, the sentences it is read with, its passage's heading
    (SentenceBank.context_tokens: a flight's "Departs … at 07:35" under "Outbound flight SL
    482") or the heading it stands under (places.heading_over: "## Friday 20 November") write
    one of the `stems`."""
    chunk = bank.chunks[bank.sentences[index].chunk_index]
    if not bank.context_tokens(index, chunk).isdisjoint(stems):
        return True
    heading = heading_over(bank, index)
    return heading is not None and not stems.isdisjoint(query_tokens(heading))


def _first_near(
    candidates: Candidates,
    bank: SentenceBank,
    reach: tuple[int, float],
    answers: Callable[[int], bool],
) -> int | None:
    """The position of the first candidate after the first, among the first `reach[0]`, rated
    at least `reach[1]` of the first and whose sentence number `answers`; None for none."""
    ranks, share = reach
    least = share * candidates.probabilities[0]
    for position in range(1, min(ranks, len(candidates.sentences))):
        near = candidates.probabilities[position] >= least
        if near and answers(candidates.sentences[position].index):
            return position
    return None


def _dated_line(bank: SentenceBank, item: ScoredSentence) -> tuple[str, object]:
    """A candidate as dated_rows reads it: a table row and its table, else the line it starts
    on and its list (its document and the heading it stands under: a log's entries)."""
    table = bank.table_of(item.index)
    if table is not None:
        return bank.text(item.index), table
    sentence = bank.sentences[item.index]
    doc = bank.documents[sentence.doc_id]
    line = doc.text[line_start(doc.text, sentence.start) : line_end(doc.text, sentence.start)]
    return line, (sentence.doc_id, heading_over(bank, item.index))


CHANGED_RANKS = 8
"""The first candidates among which a later sentence of the first's document changing its
value (later_statements.changed_in_place) is sought."""


def changed_value_first(
    candidates: Candidates, bank: SentenceBank, terms: QuestionTerms
) -> Candidates:
    """The candidates, but for a question writing no date nor year and asking nothing of what
    was first said, the last sentence (in its document's order) of the first candidate's
    document, among the first CHANGED_RANKS, that changes the first's value
    (later_statements.changed_in_place: a policy's update note "The fee is now 40 €, replacing
    35 €" after "The fee is 35 €") first, rated as the first was, the others in their order."""
    question = terms.focus
    if len(candidates.sentences) < 2 or asks_first_said(question) or _writes_a_date(question):
        return candidates
    items = candidates.sentences[:CHANGED_RANKS]
    changing = [at + 1 for at in changed_in_place(items[0], items[1:], bank, terms)]
    if not changing:
        return candidates
    last = max(changing, key=lambda at: bank.sentences[items[at].index].start)
    return _promoted(candidates, last)


def _writes_a_date(question: str) -> bool:
    """Whether the question writes a date or a year: it may ask that time's value."""
    return bool(date_terms(fold(question))) or bool(asked_years(question))


DISPLACED_SHARE = 0.5
"""The most a candidate is rated, as a share of the best's rating, once a result takes the first
place (`result_first`): below choose's lead ratio, so that no other (the target, a row the
result completes, last period's row) leads the quote as the shorter of near-best sentences."""


def result_first(candidates: Candidates, bank: SentenceBank, question: str) -> Candidates:
    """The candidates, but the statement of a result completing the first candidate's target
    or interim figure (achieved_results.result_position: the report's "Learners reached: 298
    (year 1 target: 350)" over the application's "Reach … (350 in year 1)") first, rated as the
    first was, every other rated at most DISPLACED_SHARE of that, in their order."""
    items = candidates.sentences[:RESULT_RANKS]
    statements = [_statement(bank, item) for item in items]
    dated = functools.cache(lambda doc_id: document_date(bank.documents[doc_id]))
    position = result_position(question, statements, dated)
    if position is None:
        return candidates
    return _promoted(candidates, position)


def _promoted(candidates: Candidates, position: int, place: int = 0) -> Candidates:
    """The candidates with the one at `position` at `place` (the first by default), rated as
    the one there was, every one after it rated at most DISPLACED_SHARE of that, the others in
    their order (`result_first`, `next_dated_first`, `decision_first`; a row in another table's
    row's place: `pointed_table_row_instead`)."""
    order = [n for n in range(len(candidates.sentences)) if n != position]
    order.insert(place, position)
    moved, rating = subset(candidates, order), candidates.probabilities[place]
    probabilities = moved.probabilities.copy()
    probabilities[place + 1 :] = np.minimum(probabilities[place + 1 :], DISPLACED_SHARE * rating)
    probabilities[place] = rating
    return dataclasses.replace(moved, probabilities=probabilities)


def specific_key_first(candidates: Candidates, bank: SentenceBank, question: str) -> Candidates:
    """The candidates, but the row of the best's table whose key the question names more
    closely than the best's (specific_keys.specific_key_position: `| Rentrée des élèves | … |`
    over `| Réunion de rentrée des parents | … |` for "Quand a lieu la rentrée ?") first, rated
    as the first was, every other rated at most DISPLACED_SHARE of that."""
    ratings = candidates.probabilities[:SPECIFIC_KEY_RANKS].tolist()
    position = specific_key_position(candidates.sentences, ratings, bank, question)
    return candidates if position is None else _promoted(candidates, position)


def next_dated_first(
    candidates: Candidates, bank: SentenceBank, terms: QuestionTerms
) -> Candidates:
    """The candidates, but for a question asking the date of the next occurrence of something
    the line stating it in the newest document (next_dates.next_dated_position: the last
    minutes' "Next meeting: 24 March 2026" over the first minutes' and the schedule's rule)
    first, rated as the first was, every other rated at most DISPLACED_SHARE of that, in their
    order."""
    position = next_dated_position(candidates.sentences, bank, terms)
    if position is None:
        return candidates
    return _promoted(candidates, position)


DATED_TITLE_RANKS = 5
"""The first candidates among which `dated_title_first` looks for a line stating the day asked:
a title naming the event is rated near the best (the minutes' title was third)."""


def dated_title_first(candidates: Candidates, bank: SentenceBank, question: str) -> Candidates:
    """The candidates, but for a question asking when an event took place (dated_titles.
    asks_occasion) whose first candidate writes no day, the first of the first
    DATED_TITLE_RANKS stating it (dated_titles.states_asked_occasion: minutes' "Procès-verbal
    de l'assemblée générale ordinaire du 12 mars 2026" for "Quand a eu lieu l'assemblée
    générale ?", over "L'assemblée s'est tenue … à 18 h 30.", s59 trial) first, rated as the
    first was, every other rated at most DISPLACED_SHARE of that."""
    if not candidates.sentences or not asks_occasion(question):
        return candidates
    texts = [bank.text(item.index) for item in candidates.sentences[:DATED_TITLE_RANKS]]
    if writes_kind(OCCASION, texts[0]) and not states_later_occasion(question, texts[0]):
        return candidates
    position = next(
        (n for n, text in enumerate(texts) if states_asked_occasion(question, text)), None
    )
    return candidates if position is None else _promoted(candidates, position)


def decision_first(candidates: Candidates, bank: SentenceBank, question: str) -> Candidates:
    """The candidates, but the minutes' labelled decision line writing what the question asks
    was decided (decision_lines.decision_position: "DECISION: The railing will be …" for "What
    was decided about the railing?") first, rated as the first was, every other rated at most
    DISPLACED_SHARE of that, in their order (so that no shorter discussion line leads the quote
    when the decision line was already first). A line under a heading naming the meeting's
    decisions ("## Decisions": dated_meetings.under_decision_heading) is a decision line too."""
    outcome_asked = asks_outcome(question)
    if not outcome_asked and not asks_decision(question):
        return candidates
    items = candidates.sentences[:RESULT_RANKS]
    texts = [bank.text(item.index) for item in items]
    if outcome_asked:  # "… a-t-il été voté ?": "Adopté : …" under the resolution's heading
        headings = [heading_over(bank, item.index) or "" for item in items]
        outcome = outcome_position(question, texts, headings)
        if outcome is not None:
            return _promoted(candidates, outcome) if outcome else candidates
        if not asks_decision(question):
            return candidates
    under = [under_decision_heading(bank, item.index) for item in items]
    names = [_document_name(bank, item) for item in items]
    position = decision_position(question, texts, under, names)
    if position is None:
        return candidates
    return _promoted(candidates, position)


def manner_first(candidates: Candidates, bank: SentenceBank, question: str) -> Candidates:
    """The candidates, but for a question asking how to do something (manner_answers.py) the
    first of the next candidates saying how when the first does not ("The lights switch on by
    pressing the plus button…" for "How do I switch on the lights?"), rated as the first was,
    every other rated at most DISPLACED_SHARE of that."""
    if not candidates.sentences or not asks_manner(question):
        return candidates
    items = candidates.sentences[:MANNER_RANKS]
    texts = [bank.text(item.index) for item in items]
    position = manner_position(texts, [float(p) for p in candidates.probabilities[:MANNER_RANKS]])
    return candidates if position is None else _promoted(candidates, position)


def role_label_first(
    candidates: Candidates, bank: SentenceBank, terms: QuestionTerms
) -> Candidates:
    """The candidates, but for a question asking who holds a role ("Who leads REFRACT?") the
    line labelling that role with its holder (role_labels.role_label_position: "Project lead"
    over "B Lauwerys"), among the first ROLE_LABEL_RANKS candidates and the lines of the
    best's document when it has at most FIELD_DOCUMENT_CHUNKS passages (a facts box the
    passages read may miss), first, rated as the first was, every other rated at most
    DISPLACED_SHARE of that, in their order."""
    if not candidates.sentences or not asked_role_words(terms.focus):
        return candidates
    best = bank.sentences[candidates.sentences[0].index].doc_id
    enlarged = with_field_lines(candidates, bank, {best})
    ranked = len(candidates.sentences)
    places = [*range(min(ranked, ROLE_LABEL_RANKS)), *range(ranked, len(enlarged.sentences))]
    indexes = [enlarged.sentences[place].index for place in places]
    position = role_label_position(indexes, bank, terms)
    if position is None or places[position] == 0:
        return candidates
    return _promoted(enlarged, places[position])


def role_field_first(
    candidates: Candidates, bank: SentenceBank, terms: QuestionTerms
) -> Candidates:
    """The candidates, but for a question asking who is the holder of a role and nothing more
    ("Who is the landlord?") the first of the first ROLE_LABEL_RANKS candidates that is a
    field line labelled by that very role and naming someone (role_labels.role_field_position)
    first, rated as the first was, every other rated at most DISPLACED_SHARE of that."""
    if not candidates.sentences:
        return candidates
    firsts = [item.index for item in candidates.sentences[:ROLE_LABEL_RANKS]]
    position = role_field_position(firsts, bank, terms)
    if position is None or position == 0:
        return candidates
    return _promoted(candidates, position)


def signer_first(candidates: Candidates, bank: SentenceBank, focus: str) -> Candidates:
    """The candidates, but for a question asking who signed (signer_questions.asks_signer) the
    line closing the first-ranked passage's document with its signer's name (signers.
    signer_position: "L'adjointe à l'urbanisme, Sophie Renaud" of a town hall's letter) first,
    rated as the first was, every other rated at most DISPLACED_SHARE of that."""
    if not candidates.sentences or not asks_signer(focus):
        return candidates
    position = signer_position(candidates.sentences, bank)
    if position is None or position == 0:
        return candidates
    return _promoted(candidates, position)


def _document_name(bank: SentenceBank, item: ScoredSentence) -> str:
    """A candidate's document's title and file name (not its folders)."""
    doc_id = bank.sentences[item.index].doc_id
    return f"{bank.documents[doc_id].title}\n{doc_id.rpartition('/')[2]}"


def _statement(bank: SentenceBank, item: ScoredSentence) -> Statement:
    """A candidate as achieved_results reads it: its text, its document, its names (title and
    file name, not its folders: "Etape 2/Rapport final") and its context (its heading and its
    table's header row)."""
    text, label = _labelled(bank, item)
    sentence = bank.sentences[item.index]
    document = bank.documents[sentence.doc_id]
    header = bank.header_span(sentence.doc_id, sentence.start)
    header_row = "" if header is None else document.text[header[0] : header[1]]
    section = label.rpartition("\n")[0]
    file_name = sentence.doc_id.rpartition("/")[2]
    names = f"{document.title} {file_name}"
    return Statement(text, sentence.doc_id, names, f"{section}\n{header_row}")


def _labelled(bank: SentenceBank, item: ScoredSentence) -> tuple[str, str]:
    """A candidate's text and its label: the heading it stands under (chunking.section_of)
    and its document's path, as yearly_rows.latest_year_row reads them."""
    section = heading_over(bank, item.index) or ""
    return bank.text(item.index), f"{section}\n{bank.sentences[item.index].doc_id}"
