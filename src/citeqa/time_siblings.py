"""An answer whose quote stands for another time than the one asked: re-chosen, or refused.

A question asking a year, a period, a month, a quarter or a week of the year that the quoted
texts never write while writing others is answered by near-best candidates writing the asked
time when there are any (`of_asked_time`, `of_asked_month`, `of_asked_quarter`,
`of_asked_week`), else it abstains naming the times the documents do write (unheld_years.py,
unheld_periods.py, unheld_months.py, quarters.py, iso_weeks.py). answering.py calls these on
the citations it has chosen.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from citeqa.answer_features import Wants
from citeqa.answer_location import Reading
from citeqa.dates import NUMERIC_DATE, month_number
from citeqa.glossary import fold
from citeqa.iso_weeks import asked_week, writes_a_week, writes_week
from citeqa.later_statements import (
    asks_of_a_meeting,
)
from citeqa.models import (
    Citation,
    Document,
    Hit,
)
from citeqa.quarters import asked_quarter, dates_in_quarter, writes_quarter
from citeqa.questions import QuestionTerms
from citeqa.unheld_months import (
    UnheldMonth,
    asked_months,
    months_in_figures,
    unheld_month,
    writes_month,
    writes_month_in_figures,
)
from citeqa.unheld_periods import periods_written, unheld_period
from citeqa.unheld_years import WRITTEN, answer_texts, asked_years, unheld_year

_PATH_SEPARATORS = re.compile(r"[_/\\.]+")
"""What separates the words of a path ("compta/rapport_T1_2025.pdf")."""


WRITTEN_MONTH_RANKS = 5
"""The first candidates (by the sentence ranker) among which a sentence in the other language
writing the asked month may answer instead of the chosen one (`of_asked_month`): a near-best
sentence, never a far one that only writes that month."""


def of_asked_time(
    terms: QuestionTerms,
    citations: list[Citation],
    reading: Reading,
    rechoose: Callable[[Callable[[str, frozenset[str]], bool]], list[Citation] | None],
) -> tuple[list[Citation], tuple[str, list[str]] | None]:
    """The answer's citations, and the year or period (a span, "2024-2025") the question asks
    of that the texts they stand in never write while writing others, with those (None when
    there is none): unheld_years.py, unheld_periods.py. Before that is said, the near-best
    candidates of documents whose title or path names it answer instead (`rechoose`, given
    what names it: "d'après les statuts de 2019", s29 trial; `names_year`)."""
    focus = terms.focus
    unheld = _unheld_time(focus, citations, reading)
    if unheld is None:
        return citations, None
    asked = unheld[0]
    if asked in asked_years(focus):
        words = _subject_words(terms)  # only on this rare path
        chosen = rechoose(lambda text, tokens: names_year(text, tokens, asked, words))
    else:
        period = next(iter(periods_written(focus)))
        chosen = rechoose(lambda text, _: period in periods_written(text))
    if chosen is None:
        return citations, unheld
    return chosen, _unheld_time(focus, chosen, reading)


_TITLE_WORD = re.compile(r"[^\W_\d]+")
"""A word of a folded title or path: letters, an underscore or a digit between words."""


def names_year(text: str, sentence: frozenset[str], year: str, words: frozenset[str]) -> bool:
    """Whether `text` (a document's path and title) names `year` as an edition's
    ("statuts_2019", "Rapport 2019"), or only as a date's ("April 2026", "du 15 juin 2024")
    while it writes one of the asked `words` (folded or stemmed), or the candidate `sentence`
    (its tokens) one naming what is asked of (not the year, a date, nor a word naming the kind
    of value asked: `_subject_words`): a document dated by the year, "Trip to Wales - April
    2026", is no edition of what "la date de l'assemblée générale 2026" asks of (s30: its trip
    dates answered), while minutes of "25 novembre 2025" writing "Retraite scientifique … le
    11 décembre 2025" answer "Où aura lieu la retraite scientifique de décembre 2025 ?" (s30
    lab trial: refused once a numeric date in the path stopped reading as an edition's)."""
    folded = fold(text)
    written = [m for m in WRITTEN.finditer(folded) if m.group() == year]
    if not written:
        return False
    dates = [date.span() for date in NUMERIC_DATE.finditer(folded)]
    if any(not _of_a_date(folded, m.start(), dates) for m in written):
        return True
    subject = {word for word in words if word != year and not word.startswith("--")}
    return not subject.isdisjoint(_TITLE_WORD.findall(folded)) or not subject.isdisjoint(sentence)


def _subject_words(terms: QuestionTerms) -> frozenset[str]:
    """The words (folded and stemmed forms) of the question's focus terms but those naming the
    kind of value asked (answer_features.Wants: "date", French stem "dat"): what it asks of."""
    groups = [words for words, _ in terms.terms[: terms.focus_terms]]
    return frozenset().union(*(g for g in groups if not any(Wants.of(w).kinds for w in g)))


def _of_a_date(folded: str, start: int, dates: list[tuple[int, int]]) -> bool:
    """Whether the year at `start` of `folded` is a date's: inside a date of digits (`dates`,
    dates.NUMERIC_DATE: "14/04/2026", "2026-04-14_board") or after a month's name."""
    return any(begin <= start < end for begin, end in dates) or _after_a_month(folded[:start])


def _after_a_month(before: str) -> bool:
    """Whether `before` ends with a month's name ("april ", "15 juin ", a path's "avril_")."""
    before = before[-24:].replace("_", " ").replace("-", " ")
    previous = _TITLE_WORD.findall(before)
    return bool(previous) and before.rstrip() != before and month_number(previous[-1]) is not None


def of_asked_month(
    focus: str,
    citations: list[Citation],
    top: Sequence[Hit],
    documents: Mapping[str, Document],
    rechoose: Callable[[Callable[[str], bool]], list[Citation] | None],
    rechoose_any: Callable[[Callable[[str], bool]], list[Citation] | None],
) -> tuple[list[Citation], UnheldMonth | None]:
    """The answer's citations, and the month `focus` asks of that the texts they stand in (the
    passages of `top` holding them, their sections, titles and documents) never write while
    writing others (unheld_months.py; None when there is none). Before that is said, the
    near-best candidates in the other language whose sentence writes that month as a record's
    month, of a year (unheld_months.written_months: "septembre 2026", "14/09/2026"), by any of
    its names (dates data: "September", "septembre"), answer instead (`rechoose`); failing
    them, those in any language writing it in figures (`rechoose_any`, unheld_months.
    writes_month_in_figures: a rent ledger's "| 2025-12 | 780 | … | 2025-12-09 | chèque |" for
    "Quand le loyer de décembre a-t-il été payé ?", whose lease sentence was quoted and refused
    as September's, s57 trial). A name in the question's language is no answer for that alone:
    the ranker read it already (a near miss's "…lancée par son mari en janvier…"). A month
    without its year is every year's rule: "…révisée chaque année au 1er septembre ; le voyage
    est payé par le club" answered "How much was paid for the trip in September?" of a folder
    whose trip was paid in May (s30 review D); so "En janvier, tous les entraînements ont
    lieu…" no longer answers "Where will training take place in January?" either."""
    citations = _of_asked_month_in_figures(focus, citations, rechoose_any)
    month = _unheld_month_of(focus, citations, top, documents)
    if month is None:
        return citations, None
    (term,) = asked_months(focus)
    chosen = rechoose(lambda text: writes_month(text, term, dated=True))
    if chosen is None:
        chosen = rechoose_any(lambda text: writes_month_in_figures(text, term))
    if chosen is None:
        return citations, month
    return chosen, _unheld_month_of(focus, chosen, top, documents)


def of_asked_quarter(
    focus: str,
    citations: list[Citation],
    rechoose: Callable[[Callable[[str], bool]], list[Citation] | None],
) -> list[Citation]:
    """The answer's citations, but when `focus` asks of a quarter (quarters.asked_quarter:
    "premier trimestre 2025") that the first quote, its section, its table's header, its
    document's title and path never write ("rapport_T1_2025.pdf" writes it: its separators read
    as blanks), nor the quote by a date or month inside it ("| 12/02/2025 | … |"), the
    near-best candidates whose sentence writes it ("| T1 2025 | … |") instead
    (`rechoose`); the citations as they are when none does."""
    asked = asked_quarter(focus)
    if asked is None:
        return citations
    first = citations[0]
    header = first.header.text if first.header else ""
    quoted = [
        first.quote,
        first.section or "",
        header,
        first.title,
        _PATH_SEPARATORS.sub(" ", first.path),
    ]
    if any(writes_quarter(text, asked) for text in quoted) or dates_in_quarter(first.quote, asked):
        return citations
    chosen = rechoose(lambda text: writes_quarter(text, asked))
    return citations if chosen is None else chosen


WEEK_RANKS = 60
"""The first candidates among which one writing the week a question asks may answer instead of
a quote writing another week (`of_asked_week`): a rota's rows, one a week, rank alike, the
asked week's sixth (s38 trial, a044); a quote writing no week gives way only to the first
WRITTEN_MONTH_RANKS, as for a month or a quarter."""


def of_asked_week(
    focus: str,
    citations: list[Citation],
    rechoose: Callable[[Callable[[str], bool], int], list[Citation] | None],
) -> list[Citation]:
    """The answer's citations, but when `focus` asks of a week of the year (iso_weeks.asked_week:
    "week 14", "semaine 14", "W14") that the first quote, its section, its table's header and
    its document's title never write, the near-best candidates whose sentence writes it ("|
    2026-W14 | … |") instead (`rechoose`, among WEEK_RANKS when the quote writes another
    week: a rota's row); the citations as they are when none does."""
    asked = asked_week(focus)
    if asked is None:
        return citations
    first = citations[0]
    header = first.header.text if first.header else ""
    if any(writes_week(text, asked) for text in (first.quote, first.section or "", header)):
        return citations
    if writes_week(first.title, asked):
        return citations
    ranks = WEEK_RANKS if writes_a_week(first.quote) else WRITTEN_MONTH_RANKS
    chosen = rechoose(lambda text: writes_week(text, asked), ranks)
    return citations if chosen is None else chosen


def _of_asked_month_in_figures(
    focus: str,
    citations: list[Citation],
    rechoose: Callable[[Callable[[str], bool]], list[Citation] | None],
) -> list[Citation]:
    """The answer's citations, but when the first quote writes in figures the month of a year
    of another month than the one `focus` asks, and not that one, the near-best candidates
    writing the asked month in figures instead (`rechoose`, unheld_months.
    writes_month_in_figures): a rent ledger's "| 2026-02 | 780 | … |" row was quoted for
    "Quand le loyer de décembre a-t-il été payé ?", its table writing "2025-12" in another row
    (s57 trial); the citations as they are when none does."""
    asked = asked_months(focus)
    if len(asked) != 1 or not citations:
        return citations
    (term,) = asked
    written = months_in_figures(citations[0].quote)
    if not written or term in written:
        return citations
    chosen = rechoose(lambda text: writes_month_in_figures(text, term))
    return citations if chosen is None else chosen


def _unheld_month_of(
    focus: str, citations: list[Citation], top: Sequence[Hit], documents: Mapping[str, Document]
) -> UnheldMonth | None:
    """The month `focus` asks of that `citations`' texts never write (`of_asked_month`)."""
    labels, bodies, texts = answer_texts(citations, top, documents)
    return unheld_month(focus, [*(c.quote for c in citations), *labels, *bodies], texts)


def _unheld_time(
    focus: str, citations: list[Citation], reading: Reading
) -> tuple[str, list[str]] | None:
    """The year, else the period, `focus` asks of that `citations`' texts never write while
    writing others (`of_asked_time`), with those."""
    labels, bodies, texts = answer_texts(citations, reading.hits, reading.bank.documents)
    year = unheld_year(focus, labels, bodies, texts, asks_of_a_meeting(" ".join(labels)))
    if year is not None:
        return year.year, year.held
    paths = list(dict.fromkeys(c.doc_id for c in citations))
    period = unheld_period(focus, [*labels, *bodies, *paths])
    return None if period is None else (period.period, period.held)
