"""Owns quoting, for a question naming a day or a month, the document dated then: "Was Tom
Becker at the January CODIR?" asks January's minutes, whose "Excusé : Tom Becker." answers
it, not the org chart's row naming him (s26 trial: the row was quoted, .41).

A question naming a meeting (a meeting word: "CODIR", "minutes", "réunion";
data/dated_documents.json `meeting_words`; or an acronym the corpus spells out with one:
"l'AG du 14 juin" when "AG" is the corpus's "assemblée générale", QuestionTerms.spelt_out)
and a day or a month (its date terms: "--01" for "January", "--04-14" for "14 April",
"2026-04-14": dates.py) and a dated document among the answer's
candidates (its date: later_statements.document_date, the "Date :" line of its header, else its
title's or file name's date) falling on that day or in that month asks about that document: its
sentences are quoted first when its title or file name writes a word of the question ("CODIR": the
meeting named) and one of its sentences writes another ("Tom Becker": the person): those sentences
first, in the ranker's order, then the document's others; when its other words only ask what was
decided ("Qu'a décidé le CODIR en septembre ?"), its sentences stating a decision come first so
(later_statements.states_a_decision: s28 hostile probe, an 840 KB September minutes lost to
January's "Le CODIR décide…"). A question whose day or month dates no
such document ("What did the CODIR decide in March 2026?" in a folder without March minutes) is
ranked as before, as is one naming no day (most questions: the documents of public QA sets are
undated), or naming no meeting: "Is the help desk open in the afternoon in August?" asks a policy's
August hours, not the August help desk meeting's proposal (s27 review C).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence

from citeqa.dates import YEAR_DIGITS, is_full_day_term, month_number
from citeqa.headingpath import heading_starts, kept_headings
from citeqa.jsonfiles import data_json
from citeqa.later_statements import (
    asks_of_a_meeting,
    file_stem,
    holding_word,
    remembered_date,
    states_a_decision,
)
from citeqa.lexical import about_terms, asked_written, fold, undated_terms
from citeqa.models import Hit
from citeqa.questions import QuestionTerms, is_question
from citeqa.sentences import ScoredSentence, SentenceBank
from citeqa.whole_documents import least_scores, with_documents_read

_DAY = re.compile(r"--\d\d-\d\d")
_MONTH = re.compile(r"--\d\d")
_MONTH_YEAR = re.compile(rf"(?<![^\W\d_])([^\W\d_]+)\.?,?[ \t\u00a0]+({YEAR_DIGITS})(?!\d)")
"""A word then a year ("march 2026", "mar. 2026"), over folded text: a month's, if the word
names one (dates.month_number)."""


def asked_dates(terms: QuestionTerms) -> list[str]:
    """The days and months the question names, each as precisely as it names it: "2026-03-09"
    for "9 March 2026" (not its "--03-09" nor "--03" too, which a meeting of 9 March 2025 or
    of 16 March 2026 falls on), "--04-14" for "14 April", "2026-03" for "March 2026" (a year
    written right after the month's name: `_month_years`; "the March CODIR on the 2027 budget"
    asks March's), "--01" for "January"; a year alone none. A named day's month is asked
    only of another year written beside it: "the CODIR of 9 March 2026 … the CODIR of March
    2025" asks "2026-03-09" and "2025-03" (s29 review C: March 2025 was dropped)."""
    written = {term for alternatives, _ in terms.own_terms for term in alternatives}
    days = {term for term in written if is_full_day_term(term)}
    named_days = {f"-{day[4:]}" for day in days}  # "2026-03-09" names "--03-09"
    undated = {term for term in written if _DAY.fullmatch(term)} - named_days
    months = {term for term in written if _MONTH.fullmatch(term)}
    years = _month_years(terms.focus)
    dated = {f"{year}{month[1:]}" for month in months for year in years.get(month, ())}
    dated -= {day[:7] for day in days}  # "9 March 2026" names no "March 2026" beside it
    months -= {day[:4] for day in undated | named_days}  # a named day's month is no ask
    undated_months = {month for month in months if month not in years}
    return sorted(days | undated | dated | undated_months)


def _month_years(focus: str) -> dict[str, set[str]]:
    """The years the question writes right after a month's name, by month term ("March 2026",
    "mars 2026", "Mar. 2026": {"--03": {"2026"}})."""
    found: dict[str, set[str]] = {}
    for match in _MONTH_YEAR.finditer(fold(focus)):
        number = month_number(match.group(1))
        if number is not None:
            found.setdefault(f"--{number:02d}", set()).add(match.group(2))
    return found


def falls_on(date: str, asked: str) -> bool:
    """Whether a document's date ("YYYY-MM-DD") falls on the asked day or in the asked month
    ("--MM", "--MM-DD", "YYYY-MM", "YYYY-MM-DD")."""
    return date[4:].startswith(asked[1:]) if asked.startswith("--") else date.startswith(asked)


MEETING_CHARS = 20_000
"""How many characters of the asked meeting's notes (`with_asked_meeting`) are read at most, its
passages retrieved counted: a meeting's notes are short (the s30 trial's ran 600 to 1,200
characters); an 840 KB "minutes" file is read no further than its first pages."""


def with_asked_meeting(top: list[Hit], bank: SentenceBank, terms: QuestionTerms) -> list[Hit]:
    """The passages `top`, and after them the other passages of the asked meeting's notes (each
    document of `top` that `in_asked_meeting` would read: dated on a day or in a month the
    question names, its title or name writing a word of it), in their order, MEETING_CHARS
    characters of notes at most, each scored as its document's least retrieved passage. Retrieval
    returns the notes' first passage (its title writes the date and "réunion"); their
    "## Décisions" lines, in a later passage, write neither (s30 trial: "Qu'a-t-on décidé à la
    réunion du 4 novembre 2025 ?" quoted the incident line under the title)."""
    dates = asked_dates(terms)
    if not top or not dates or not asks_of_a_meeting(terms.focus):
        return top
    asked = [alternatives for alternatives, _ in terms.own_terms]
    content = _content(asked)
    least = least_scores(top)
    read = [
        doc_id
        for doc_id in least
        if (date := remembered_date(bank.documents[doc_id])) is not None
        and any(falls_on(date, asked_date) for asked_date in dates)
        and _titled(bank, asked, doc_id) & content
    ]
    return with_documents_read(top, bank, read, least, MEETING_CHARS)


def in_asked_meeting(
    sentences: Sequence[ScoredSentence], bank: SentenceBank, terms: QuestionTerms
) -> list[int]:
    """The positions among `sentences` of those of documents dated on a day or in a month the
    question names, whose document's title or name writes a word of the question, those
    writing another word of it first ("Tom Becker" in "Excusé : Tom Becker."), each group in
    the given order; empty when none writes another (see the module's docstring). Of a question
    asking what was decided, only the notes' sentences stating a decision (`_states_decision`)
    are kept, when there are some: those writing its other words, when it writes some ("What
    did the 28 October meeting decide about data sharing?": the decision on sharing data, not
    the discussion line "Data sharing with Edinburgh: raw images are large", which the ranker
    rated higher and `choose` would quote as the shorter of near-best sentences)."""
    dates = asked_dates(terms)
    if not dates or not asks_of_a_meeting(" ".join([terms.focus, *terms.spelt_out])):
        return []
    asked = [alternatives for alternatives, _ in terms.own_terms]
    content = _content(asked)
    kept: dict[str, list[int]] = {}
    dated: dict[str, str] = {}
    read: dict[str, str | None] = {}  # each document's date, looked up once
    for position, item in enumerate(sentences):
        doc_id = bank.sentences[item.index].doc_id
        if doc_id not in read:
            read[doc_id] = remembered_date(bank.documents[doc_id])
        date = read[doc_id]
        if date is not None and any(falls_on(date, asked_date) for asked_date in dates):
            kept.setdefault(doc_id, []).append(position)
            dated[doc_id] = date
    deciding: list[int] = []
    naming: list[int] = []
    rest: list[int] = []
    for doc_id, positions in kept.items():
        named = _titled(bank, asked, doc_id) & content
        if not named:
            continue
        holding = _holding(asked, content - named)
        others = content - named - holding
        for position in positions:
            index = sentences[position].index
            written = asked_written(asked, bank.tokens[index]) & (content - named)
            decided = bool(holding) and _states_decision(bank, index, dated[doc_id])
            if decided and (written & others or not others):
                deciding.append(position)
            else:
                (naming if written else rest).append(position)
    if deciding:
        return sorted(deciding)
    return sorted(naming) + sorted(rest) if naming else []


def _content(asked: list[frozenset[str]]) -> frozenset[int]:
    """The numbers of the question's content terms (lexical.about_terms)."""
    return frozenset(
        number for number, alternatives in enumerate(asked) if about_terms(alternatives)
    )


def _holding(asked: list[frozenset[str]], unnamed: frozenset[int]) -> frozenset[int]:
    """The question's terms its meeting's title does not write (`unnamed`, by number) that ask
    what was decided ("Qu'a décidé le CODIR en septembre ?": "decid", a holding cue): a
    sentence of those minutes stating a decision answers them, though it writes no word of the
    question (s28 hostile probe #10: January's "Le CODIR décide…" was quoted)."""
    return frozenset(n for n in unnamed if any(holding_word(term) for term in asked[n]))


def _states_decision(bank: SentenceBank, index: int, date: str) -> bool:
    """Whether the sentence of minutes dated `date` states a decision: it writes a decision cue
    (later_statements.states_a_decision) or stands under a heading naming the meeting's
    decisions (`_names_decisions`: "## Décisions", "## Outcomes"), the heading's own line
    aside; a line asking ("… ?") states none (s30 review G: "## Décisions à prendre")."""
    text = bank.text(index)
    if is_question(text):  # "Faut-il changer de fournisseur ?" decides nothing
        return False
    return states_a_decision(text, date) or _under_decisions(bank, index)


def under_decision_heading(bank: SentenceBank, index: int) -> bool:
    """Whether the sentence stands under a heading naming the meeting's decisions
    (`_names_decisions`: "## Decisions", "## Décision"), the heading's own line aside, and asks
    nothing ("… ?"): a decision line for decision_lines.decision_position, as a labelled one."""
    return not is_question(bank.text(index)) and _under_decisions(bank, index)


def _under_decisions(bank: SentenceBank, index: int) -> bool:
    """Whether the sentence stands under a heading naming the meeting's decisions."""
    sentence = bank.sentences[index]
    heading = _heading_over(bank.documents[sentence.doc_id].text, sentence.start)
    return heading is not None and _names_decisions(fold(heading))


def _names_decisions(folded: str) -> bool:
    """Whether a folded heading names a meeting's decisions: it opens with a
    `decision_headings` word and writes no `decision_heading_cancels` expression, both whole
    words (data: "Décisions à prendre", "Décideurs", "Résolution des problèmes" name none)."""
    opening, cancels = _decision_heading()
    return opening.match(folded) is not None and cancels.search(folded) is None


def _heading_over(text: str, offset: int) -> str | None:
    """The text of the nearest markdown heading before `offset` (headingpath), None for none or
    for `offset` on a heading's own line."""
    headings = kept_headings(text)
    starts, _ = heading_starts(text)
    at = bisect.bisect_right(starts, offset) - 1
    if at < 0 or starts[at] == offset:
        return None
    return headings[at].title


@functools.cache
def _decision_heading() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A folded heading opening with a `decision_headings` word, and a
    `decision_heading_cancels` expression, whole words (data)."""
    data = data_json("dated_documents.json")
    words: list[str] = data["decision_headings"]
    cancels: list[str] = data["decision_heading_cancels"]
    return (
        re.compile(rf"\W*(?:{'|'.join(re.escape(word) for word in words)})\b"),
        re.compile(rf"\b(?:{'|'.join(re.escape(cancel) for cancel in cancels)})\b"),
    )


def _titled(bank: SentenceBank, asked: list[frozenset[str]], doc_id: str) -> frozenset[int]:
    """The question's terms (by number, `asked`) the document's title or file name writes: the
    terms later_statements' _Subjects.named reads of a document (there with its numbers'
    leading zeros dropped too)."""
    document = bank.documents[doc_id]
    return asked_written(asked, undated_terms(f"{document.title}\n{file_stem(document.path)}"))
