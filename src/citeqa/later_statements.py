"""Owns telling that a later-dated document among those an answer reads speaks of the quoted
subject: minutes reversing a decision the answer quotes from earlier minutes, a meeting
cancelling a migration an earlier one decided, a later policy note.

A folder of dated minutes holds decisions that later minutes reverse in other words (s26 trial:
"What did the CODIR decide about the Lyon office?" quoted January's "valide l'ouverture … en
septembre 2026" alone, while September's minutes say "le projet de bureau à Lyon est
abandonné"; "Are we migrating our CI to GitHub Actions?" quoted March's "We will migrate", July's
"The GitHub Actions migration is cancelled" unshown). disagreement.py sees none of them: a
reversal shares too few words with the decision and often states no value. citeqa cannot know
which decision stands: it quotes the later statement too, after the answer's quotes, labelled
with its document's date (Citation.later), or first when the question asks what holds now
(see the end of this docstring).

A document's date (`document_date`) is the date on a line among its first DATE_LINES that a date
label opens ("Date : 14 avril 2026", "Date: Mon, 04 May 2026"; the labels are language data:
data/dated_documents.json), else the first full date (day, month and year: dates.py) its title
writes, else its file name's ("2026-04-14-codir.md", "eng-weekly-2026-07-07.pdf"); a letter's
place-and-date line at its head or foot ("Lyon, le 12 août 2024", "London, 12 August 2024", a date
alone on its line) dates it when none of those does (`_letter_date`: s27 trial, a lease's avenants
were undated). A title may name an event's date ("Launch plan for 2026-12-15", written in February),
but a body sentence opening like a place-and-date line misled more ("Smith, 3 March 2020 was the day
we met" outranked the title's: review E); that line's date must end the line or a clause, its place
be a few words, none a linking word. A numeric date with its year last whose day and month could be
either ("05-04-2026") dates nothing unless another name of its folder tells the convention
("04-20-2026": month first; `folder_convention`). A year alone ("Plan 2026") dates nothing, nor does
a name writing a version before its date ("release-notes-2.0.0-2026-05-04"). A date may still
mislead (a running log dated by its first entry): the quoted documents' date is shown beside the
later one (LaterStatement.after) so that the reader can check the order.

A sentence of another document than every quoted one, dated after all of the dated quoted ones,
speaks of the quoted subject (`_speaks_of`) when it and a quoted sentence share at least
SHARED_WORDS content words (their section headings' words counted with theirs, stemmed,
stopwords and numbers aside; one at least in the sentences themselves: a page's "Created by …,
last modified on …" line meets another only by its heading) and it writes every term of the
question that the quoted sentence writes, one at least (its heading and its document's title
counted: September's "le projet de bureau à Lyon est abandonné" under "Compte rendu CODIR du 8
septembre 2026" writes "CODIR" and "Lyon"; the same minutes' "Action : Marie — envoyer le
programme du séminaire" is no later word on "Action : Marie — envoyer le budget formation",
asked about its budget). It must hold LEAST_WORDS content words of its own (a heading "1.
Bureau de Lyon" states nothing), not be a table row keyed as the quoted one is (a series of
post-mortems from one template: the May incident's "| Duration | 2 hours 13 minutes |" is no
later word on the March incident's "| Duration | 47 minutes |"), nor write its document's date
(its title line, its "Date :" line). The question's terms are read among every term the
two sentences, headings and titles write, numbers and versions included ("Was runner 17 kept?"
asks nothing of "runner 1722"; "Python 3.9 support in 2.0" nothing of release notes 1.9.4).
It must state a decision, a change or a number (`_decides`: cue words, data/
dated_documents.json), and ask or propose nothing: "Bob asked whether the CI migration could be
discussed" decides nothing. Of those, the latest-dated document's first (the
candidates come best first) is shown. A question naming a day or a month ("Who attended the
CODIR of 14 April?") asks about that meeting: it is given no later statement. Undated
documents (most public QA sets, a handbook) change nothing: an answer whose quoted documents
are undated reads no further, but for a dated statement moving a quoted value to another
(`_moves_quoted_value`: an avenant's "le loyer passe de 800 € à 850 €" after an undated
lease's "Le loyer mensuel est fixé à 800 €", s43 probe).

A question asking what holds now (`asks_what_holds`: "What did the CODIR decide about the Lyon
office?", "Are we migrating our CI?", "currently", "still", "Qu'a décidé…", "est-il"; cue words,
data/dated_documents.json `holding_cues`; not "How many…", "Where…", "Is the…": most questions
ask them) wants the standing decision: when the later statement reverses or changes the quoted
one (`reverses`: a reversal cue, "cancelled", "instead", "est annulé", "ne … plus", or another
number than the quoted one writes), its answer quotes it first and the earlier quotes after it,
each labelled with its own document's date (answering.py, Citation.earlier). A later word on
the subject that changes nothing ("The desks of the Lyon office will be repainted blue" after
"The board decided to open the Lyon office with 12 desks", asked "How many desks…") stays after
the answer, labelled "Later" (s27 review C). One asking what was first said ("What was
originally planned…", "When did they decide…", "Quel budget était prévu…", "au départ":
`original_cues`) keeps the earlier quote first, and so does one writing no cue ("Lyon"), and
one naming a quoted document by a term of its title or file name that the later one's do not
write ("What is the status of ADR 2?": "0002-queue.md" holds ADR 2's own status;
`_titles_quoted`). A question asking the current state of a thing (`asks_current`: "le
protocole … actuel", "the current fee", "en vigueur", "latest"; data `current_cues`) asks what
holds now too, and a later statement writing a change cue may leave out one of the question's
terms the quoted sentence writes, neither a current cue nor a qualifier it writes another word
in place of (current_state.py; none when a quoted sentence writes the question's cue: "the
current through the heater resistor"): weekly minutes state a change in other words than last
year's (s30 trial a01: "v2 (fixation 45 min at 4 °C) becomes the current protocol" after last
year's "v1 (fixation 20 min à température ambiante) est adopté", asked "À quelle température
… le protocole d'immunofluorescence actuel ?", writes no "température"); it is quoted first, last
year's after it, labelled with its date.

Whatever the question asks, a later statement saying the quoted event or value is changed and
giving it its new value (`states_a_change`: "est déplacé au 5 février", "est annulé", "passe de
420 € à 465 €", "moved to room L15", "postponed to", "From 5 January, …", "désormais" and a new
number; data `change_moves`, `change_values`, `change_predicates`, … : a bare "annulé", "à partir
de", "no longer" is no change, s29 review: "Sessions cancelled because of snow are refunded … at
£2 each" led "How much is the annual subscription?") is quoted first so,
unless the question asks what was first said (`asks_first_said`: "au départ", "était prévu",
"originally"; data `first_said_cues`, narrower than `original_cues`, whose "quand a" and "what
date" ask "Quand a lieu le bac blanc ?" too): s29 trial, "Quand a lieu le bac blanc de physique
?" quoted the calendar's "22 janvier, Gymnase" first and the principal's later mail moving it
to 5 February second. A mail's sentence is dated by its message's day (`message_date`: the
"## Proviseur · 10 Dec 2026" heading mailthreads writes over it; its "Date:" header stands
past DATE_LINES in all but the shortest mails), a calendar's event by the last-modified line
its reader ends the event's section with ("Last modified: 2026-09-01", "Dernière modification :
2026-09-01": `SectionDates`, labels data `modified_labels`), each event on its own.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import PurePosixPath
from typing import Any, NamedTuple

from citeqa.current_state import may_leave_out
from citeqa.dates import YEAR_DIGITS, date_terms, day_spans
from citeqa.headingpath import heading_line_starts
from citeqa.jsonfiles import data_json
from citeqa.lexical import about_terms, asked_written, fold, undated_terms
from citeqa.mail_candidates import layout_of
from citeqa.models import UNDATED, Document
from citeqa.modified_labels import modified_labels
from citeqa.numbered_sections import asked_numbers
from citeqa.places import heading_over
from citeqa.questions import QuestionTerms, is_question
from citeqa.recently_used import QUESTIONS_READ, RecentlyUsed
from citeqa.sentences import ScoredSentence, SentenceBank

DATE_LINES = 12
"""A date label dates the document only on one of its first this many lines (a header)."""
FOOT_LINES = 6
"""A letter's place-and-date line dates it on one of its last this many lines too."""
_HEAD_CHARS = 2000
"""The characters of a document read for its date lines (its header, never its whole text)."""
SHARED_WORDS = 2
"""A later sentence speaks of the quoted subject when the two share at least this many words."""
LEAST_WORDS = 3
"""A later sentence of fewer content words than this is a heading or a label: it states
nothing to show."""
_MARKUP = re.compile(r"^[\s*_#>|\-]+")
DATED_DOCUMENTS = 256
"""The documents whose dates are remembered across questions (a question reads a few dozen)."""
_DATES: RecentlyUsed[tuple[str, int, str, str, bool | None], str | None] = RecentlyUsed(
    DATED_DOCUMENTS
)


@dataclass(frozen=True)
class LaterStatement:
    """A sentence of a later-dated document on a quoted subject, and that document's date
    (ISO "YYYY-MM-DD")."""

    sentence: ScoredSentence
    date: str
    after: str
    """The latest date of the quoted documents ("YYYY-MM-DD"), shown beside `date` so that the
    reader can check the order (a title may name a future event's date); UNDATED when they
    are undated."""
    dates: tuple[tuple[str, str], ...] = ()
    """The dated quoted documents' ids and dates ("YYYY-MM-DD"): each quote the answer moves
    after a `standing` statement is labelled with its own document's date."""
    standing: bool = False
    """Whether the answer quotes it first, the earlier quotes after it: the question asks what
    holds now (`asks_what_holds`), this one reverses or changes the quoted ones (`reverses`),
    and the question names no quoted document by its title that this one's does not name too
    ("What is the status of ADR 2?" asks about ADR 2's own record)."""


@functools.cache
def _data() -> dict[str, Any]:
    """data/dated_documents.json, read once for its date labels, cues and patterns."""
    data: dict[str, Any] = data_json("dated_documents.json")
    return data


@functools.cache
def _letter_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A letter's place-and-date opening, the date ending its line or a clause after it, and
    a date alone on its line (data)."""
    data = _data()
    placed = rf"(?:{data['placed_date']})(?={data['placed_date_end']})"
    return re.compile(data["place_dated"]), re.compile(placed), re.compile(data["date_alone"])


@functools.cache
def _not_places() -> frozenset[str]:
    """Folded words a letter's place never holds (data: linking words of a body sentence)."""
    return frozenset(_data()["not_places"])


def _placed_date(folded: str, line: str) -> str | None:
    """The date of a place-and-date `line` (`folded`: as folded, its markup aside): a place of a
    few words, the first capitalised as `line` writes it, none a linking word nor a label of a
    sum (`not_places`: "Total, 12 mai 2024." is a sentence), then a date ending the line or a
    clause; None for a body sentence ("Smith, 3 March 2020 was the day we met", "Meanwhile, 3
    March 2021.") or a table row ("loyer,01/08/2022,850": review E)."""
    opening, placed, _ = _letter_patterns()
    found = opening.match(folded)
    if found is None:
        return None
    words = re.split(r"[ '’-]", found["place"])
    if not _not_places().isdisjoint(words) or not _capitalised(words[0], line):
        return None
    date = placed.match(folded, found.end())
    return None if date is None else date.group()


_LETTERS = re.compile(r"[^\W\d_]+")


def _capitalised(folded_word: str, line: str) -> bool:
    """Whether `line` writes its first word that folds to `folded_word` (a place's first word)
    capitalised ("Lyon", "LYON", not "lyon")."""
    written = (word for word in _LETTERS.findall(line) if fold(word) == folded_word)
    return next(written, "")[:1].isupper()


def _more_lines(text: str, count: int) -> bool:
    """Whether `text` holds more than `count` lines (as str.splitlines counts them), reading
    no further than needed."""
    return len(_first_lines(text, count + 1)) > count


def _first_lines(text: str, count: int) -> list[str]:
    """The first `count` lines of `text` (str.splitlines), its head read in growing windows."""
    window = _HEAD_CHARS
    while True:
        lines = text[:window].splitlines()
        if len(lines) > count or window >= len(text):
            return lines[:count]
        window *= 4


def _last_lines(text: str, count: int) -> list[str]:
    """The last `count` lines of `text` (str.splitlines), its foot read in growing windows (a
    window's first line may be cut: more than `count` lines or the whole text are read)."""
    window = _HEAD_CHARS
    while True:
        lines = text[-window:].splitlines()
        if len(lines) > count or window >= len(text):
            return lines[-count:]
        window *= 4


@functools.cache
def _label_pattern() -> re.Pattern[str]:
    """The date labels (data/dated_documents.json) opening a line before a colon."""
    labels = _data()["date_labels"]
    alternatives = "|".join(re.escape(fold(label)) for label in labels)
    return re.compile(rf"(?:{alternatives})\s*[*_]*\s*:")


def _full_date(text: str) -> str | None:
    """The first date with its year that `text` writes, as "YYYY-MM-DD", or None."""
    for term in date_terms(fold(text)):
        if not term.startswith("--"):
            return term
    return None


def _labelled_date(text: str) -> str | None:
    """The date on the first of the text's first DATE_LINES lines that a date label opens."""
    for line in text[:_HEAD_CHARS].splitlines()[:DATE_LINES]:
        folded = _MARKUP.sub("", fold(line))
        if _label_pattern().match(folded):
            found = _full_date(line)
            if found is not None:
                return found
    return None


def _letter_date(text: str) -> str | None:
    """The date of a letter's place-and-date line ("Lyon, le 12 août 2024", "London, 12
    August 2024") or of a line that is a date alone ("12 August 2024"), among its first
    DATE_LINES lines, else its last FOOT_LINES (a letter or an avenant signs off so: s27
    trial, a lease's avenants were undated), as "YYYY-MM-DD"; None when no line is."""
    head = text[:_HEAD_CHARS].splitlines()[:DATE_LINES]
    foot = _last_lines(text, FOOT_LINES) if _more_lines(text, DATE_LINES) else []
    alone = _letter_patterns()[2]
    for line in [*head, *reversed(foot)]:
        folded = _MARKUP.sub("", fold(line)).strip()
        written = _placed_date(folded, line)
        if written is None and (only := alone.fullmatch(folded)) is not None:
            written = only["date"]
        found = _full_date(written) if written else None
        if found is not None:
            return found
    return None


_NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,2})[-_. /](\d{1,2})[-_. /](\d{4})(?!\d)")
"""A date written in digits with its year last ("04-20-2026", "05.04.2026"): day first or month
first, as a folder's convention is."""


def day_first(text: str) -> bool | None:
    """Whether `text`'s first year-last numeric date writes its day first (True: "20-04-2026"),
    its month first (False: "04-20-2026"), or neither can tell (None: "05-04-2026", none)."""
    found = _NUMERIC_DATE.search(text)
    return None if found is None else _told_day_first(found)


def _told_day_first(found: re.Match[str]) -> bool | None:
    """`day_first` of a found year-last numeric date (`_NUMERIC_DATE`)."""
    first, second = int(found.group(1)), int(found.group(2))
    if first > 12 >= second:
        return True
    return False if second > 12 >= first else None


def _dated_text(text: str, days_first: bool | None) -> str | None:
    """The first full date of a title or file name, "YYYY-MM-DD"; None for a year-last numeric
    date whose day and month could be either ("05-04-2026") unless `days_first` (the folder's
    convention: `folder_convention`) tells which."""
    found = _NUMERIC_DATE.search(text)
    if found is not None and _told_day_first(found) is None and found.group(1) != found.group(2):
        if days_first is None:
            return None
        day, month = found.group(1, 2) if days_first else found.group(2, 1)
        return f"{found.group(3)}-{int(month):02d}-{int(day):02d}"
    return _full_date(text)


def folder_convention(names: Iterable[str]) -> bool | None:
    """Whether the year-last numeric dates of a folder's file `names` write the day first
    (True), the month first (False), or nothing tells (None: none unambiguous, or both ways)."""
    seen = {told for name in names if (told := day_first(name)) is not None}
    return next(iter(seen)) if len(seen) == 1 else None


@functools.lru_cache(maxsize=1024)
def file_stem(path: str) -> str:
    """A path's file name without its extension, underscores as spaces (kept for a thousand
    paths: a question reads a few dozen documents' dates, and PurePosixPath is slow to make)."""
    return PurePosixPath(path.replace("\\", "/")).stem.replace("_", " ")


def _folder(path: str) -> str:
    """A path's folder."""
    return str(PurePosixPath(path.replace("\\", "/")).parent)


def document_date(
    document: Document, days_first: bool | None = None, today: date | None = None
) -> str | None:
    """The document's own date (`_own_date`), None when it has none, when its year is outside
    1800-2199 (dates.YEAR_DIGITS) or when it lies more than `future_years` (data) past `today`
    (UTC's when None): "9999-12-31-minutes.md", then "2150-01-01-minutes.md", were shown as
    later statements to every dated document (s27, s28 hostile probes)."""
    found = _own_date(document, days_first)
    if found is None or not _PLAUSIBLE_YEAR.match(found) or found > _latest_date(today):
        return None
    return found


def _latest_date(today: date | None) -> str:
    """The latest date a document may bear, "YYYY-MM-DD": `future_years` (data) past `today`
    (compared as text with a document's date: both are ISO dates)."""
    today = today or datetime.now(UTC).date()
    return f"{today.year + _future_years():04d}-{today.month:02d}-{today.day:02d}"


@functools.cache
def _future_years() -> int:
    """How many years past today a document's date may lie (data/dated_documents.json)."""
    years: int = _data()["future_years"]
    return years


def _own_date(document: Document, days_first: bool | None) -> str | None:
    """The document's own date (a labelled header line's, else its title's, else its file
    name's, else a letter's place-and-date line's: see the module's docstring), "YYYY-MM-DD",
    or None; `days_first`: whether its folder's numeric dates write the day first
    (`folder_convention`), None when unknown."""
    labelled = _labelled_date(document.text)
    if labelled is not None:
        return labelled
    for text in (document.title, file_stem(document.path)):
        found = _dated_text(text, days_first)
        if found is not None:
            return found
    return _letter_date(document.text)


_PLAUSIBLE_YEAR = re.compile(rf"{YEAR_DIGITS}-")


@functools.lru_cache(maxsize=1024)
def _content(text: str) -> frozenset[str]:
    """The text's stemmed words that say what it is about: no number, stopword or word of
    fewer than three letters (a heading's or a title's, kept: they repeat across sentences)."""
    return about_terms(undated_terms(text))


def _unpadded(terms: frozenset[str]) -> frozenset[str]:
    """The `terms`, and each number's written without its leading zeros ("ADR-0002" writes the
    "2" of "What is the status of ADR 2?")."""
    padded = [term for term in terms if len(term) > 1 and term.startswith("0") and term.isdigit()]
    return terms | {term.lstrip("0") or "0" for term in padded}


class _Subjects:
    """The bank's sentences' words and their headings', each read once a question."""

    def __init__(self, bank: SentenceBank, terms: QuestionTerms) -> None:
        self.bank = bank
        self.asked = [alternatives for alternatives, _ in terms.own_terms]
        self._own: dict[int, frozenset[str]] = {}
        self._subject: dict[int, frozenset[str]] = {}
        self._written: dict[int, frozenset[str]] = {}
        self._sections_of: dict[int, str | None] = {}
        self._dates: dict[str, str | None] = {}
        self._conventions: dict[str, bool | None] = {}
        self._sections: dict[str, SectionDates] = {}

    def own(self, index: int) -> frozenset[str]:
        """The sentence's content words."""
        if index not in self._own:  # the sentence's stemmed tokens, as the ranker read them
            self._own[index] = about_terms(self.bank.tokens[index])
        return self._own[index]

    def subject(self, index: int) -> frozenset[str]:
        """The sentence's content words and its section heading's (read once a question:
        `_speaks_of` asks them of each quoted sentence for every candidate)."""
        if index not in self._subject:
            section = self.section(index)
            self._subject[index] = self.own(index) | (_content(section) if section else frozenset())
        return self._subject[index]

    def section(self, index: int) -> str | None:
        """The heading the sentence stands under (places.heading_over), not its chunk's first: a
        short minutes' one chunk holds all its sections, and its "The deadline … moves to 20
        March" stands under "Website redesign", not under the title "Steering committee —
        minutes" (s43 probe: that later word on the redesign's deadline was not seen)."""
        if index not in self._sections_of:
            self._sections_of[index] = heading_over(self.bank, index)
        return self._sections_of[index]

    def written(self, index: int) -> frozenset[str]:
        """All the terms the sentence, its section heading and its document's title write,
        numbers and versions included ("17", "2.0": a question's "runner 17" is not asked of
        "runner 1722", nor its "in 2.0" of release notes 1.9.4); read once a question."""
        if index not in self._written:
            sentence = self.bank.sentences[index]
            section = self.section(index) or ""
            title = self.bank.documents[sentence.doc_id].title
            words = self.bank.tokens[index] | undated_terms(f"{section}\n{title}")
            self._written[index] = _unpadded(words)
        return self._written[index]

    def asked_in(self, words: frozenset[str]) -> frozenset[int]:
        """The question's terms (by number) that `words` write."""
        return asked_written(self.asked, words)

    def named(self, index: int) -> frozenset[str]:
        """The terms the title and the file name of the sentence's document write, numbers
        without their leading zeros counted ("0002-queue": "2")."""
        document = self.bank.documents[self.bank.sentences[index].doc_id]
        return _unpadded(undated_terms(f"{document.title}\n{file_stem(document.path)}"))

    def titled(self, index: int) -> frozenset[str]:
        """The sentence's `subject` and its document's title's content words."""
        title = self.bank.documents[self.bank.sentences[index].doc_id].title
        return self.subject(index) | _content(title)

    def date(self, index: int) -> str | None:
        """The date the sentence was stated on: its mail message's (`message_date`), else its
        section's last-modified line's (`SectionDates`: a calendar's event), else its
        document's (`document_date`)."""
        sentence = self.bank.sentences[index]
        document = self.bank.documents[sentence.doc_id]
        sent = message_date(document, sentence.start)
        if sent is not None:
            return sent
        if sentence.doc_id not in self._sections:
            key = (sentence.doc_id, hash(document.text))
            markdown = document.kind == "md"
            read = functools.partial(SectionDates, document.text, markdown=markdown)
            self._sections[sentence.doc_id] = _SECTIONS.get(key, read)
        changed = self._sections[sentence.doc_id].date_at(sentence.start)
        if changed is not None:
            return changed
        doc_id = sentence.doc_id
        if doc_id not in self._dates:
            self._dates[doc_id] = _remembered_date(document, self._days_first(document))
        return self._dates[doc_id]

    def _days_first(self, document: Document) -> bool | None:
        """Its folder's convention (`folder_convention`), read only for a document whose title
        or name writes a numeric date that could be either: its folder's file names."""
        if not any(
            _NUMERIC_DATE.search(text) for text in (document.title, file_stem(document.path))
        ):
            return None
        folder = _folder(document.path)
        if folder not in self._conventions:
            self._conventions[folder] = folder_convention(
                file_stem(other.path)
                for other in self.bank.documents.values()
                if _folder(other.path) == folder
            )
        return self._conventions[folder]


_LINE_OPENING = frozenset(" \t*_>")
"""What may stand before a last-modified label on its line (markup, indentation)."""
_LABEL_CLOSE = re.compile(r"[ \t*_]*:(?P<day>[^\n]*)")


def _modified_lines(text: str) -> Iterator[tuple[int, str]]:
    """Where each line giving the day its section was last changed stands and what follows its
    label: a `modified_labels` label of any language (data/dated_documents.json, as written or
    in upper case) opening it, then a colon ("Last modified: 2026-09-01", "Dernière modification
    : 2026-09-01": readers/calendar.py writes one per event). Found by str.find (a line pattern
    anchored at every line reads a megabyte in 190 ms, this in a few)."""
    for label in _modified_labels():
        at = text.find(label)
        while at >= 0:
            line_start = text.rfind("\n", 0, at) + 1
            closed = _LABEL_CLOSE.match(text, at + len(label))
            if closed is not None and _LINE_OPENING.issuperset(text[line_start:at]):
                yield line_start, closed["day"]
            at = text.find(label, at + len(label))


@functools.cache
def _modified_labels() -> tuple[str, ...]:
    """The `modified_labels` (data) without their colons, as written and in upper case (a line
    "last modified:" in lower case dates nothing: readers write the label as the data does)."""
    labels = [label.rstrip(" :") for label in modified_labels().values()]
    return tuple(dict.fromkeys(form for label in labels for form in (label, label.upper())))


class SectionDates:
    """The days a document's sections were last changed, each by a last-modified line of its
    own (`_modified_line`): a calendar dates each event by its own change, so that one edited
    after a mail makes no other event newer than the mail (s29 review)."""

    def __init__(self, text: str, *, markdown: bool) -> None:
        stamps = sorted(
            (place, day)
            for place, written in _modified_lines(text)
            if (day := _full_date(written)) is not None
            and _PLAUSIBLE_YEAR.match(day)
            and day <= _latest_date(None)
        )
        self._stamps = stamps
        self._headings = heading_line_starts(text, markdown=markdown) if stamps else []

    def date_at(self, offset: int) -> str | None:
        """The day the section holding `offset` (from the heading at or before it to the next
        heading: headingpath.heading_line_starts, none in a code fence of a `markdown` text) was
        last changed, None when it writes no such line."""
        if not self._stamps:
            return None
        at = bisect.bisect_right(self._headings, offset)
        start = self._headings[at - 1] if at else 0
        end = self._headings[at] if at < len(self._headings) else None
        within = (
            day for place, day in self._stamps if start <= place and (end is None or place < end)
        )
        return next(within, None)


_SECTIONS: RecentlyUsed[tuple[str, int], SectionDates] = RecentlyUsed(DATED_DOCUMENTS)
"""The documents' section dates, kept across questions by id and text hash (a calendar of a
megabyte is read for them in about 90 ms)."""


def message_date(document: Document, start: int, today: date | None = None) -> str | None:
    """The day the mail message holding offset `start` of a thread mailthreads wrote was sent
    ("## Proviseur · 10 Dec 2026": "2026-12-10"), None outside a thread or for a day it does
    not read whole (year, month and day) or `document_date` would not take. A mail's "Date:"
    header stands under its Headers heading, past DATE_LINES in all but the shortest mails
    (s29 trial: "déplacé au 5 février" of a mail dated 10 December was undated)."""
    layout = layout_of(document)
    if layout is None or not layout.senders:
        return None
    heading = layout.senders[layout.message_of(start)]
    found = _full_date(heading.rpartition(" · ")[2])
    if found is None or not _PLAUSIBLE_YEAR.match(found) or found > _latest_date(today):
        return None
    return found


def remembered_date(document: Document) -> str | None:
    """`document_date` of a document whose folder's convention is not read (a numeric date
    that could be either dates nothing), kept as `_remembered_date` keeps it."""
    return _remembered_date(document, None)


def _remembered_date(document: Document, days_first: bool | None) -> str | None:
    """`document_date`, kept for DATED_DOCUMENTS documents by id, text hash, title, path and
    folder convention."""
    key = (document.doc_id, hash(document.text), document.title, document.path, days_first)
    return _DATES.get(key, lambda: document_date(document, days_first))


def later_statement(
    quoted: Sequence[ScoredSentence],
    candidates: Sequence[ScoredSentence],
    bank: SentenceBank,
    terms: QuestionTerms,
) -> LaterStatement | None:
    """Of `candidates` (best first), the first sentence of the latest-dated document dated after
    every dated quoted document, that speaks of a quoted sentence's subject (see the module's
    docstring), with that date; None when none does. When the quoted documents are undated and
    the question asks no current state (`asks_current`), any dated one is later (s32 hostile
    F6: an undated minutes, or one dated "30/02/2025", was quoted as the club's current budget
    over a dated "devient 500" with no note), and only a statement moving a quoted value to
    another (`_moves_quoted_value`) is taken."""
    if _names_a_day(terms):
        return None
    subjects = _Subjects(bank, terms)
    current = _asks_current_of(terms.focus, [bank.text(item.index) for item in quoted])
    quoted_docs = {bank.sentences[item.index].doc_id for item in quoted}
    dated = {
        bank.sentences[item.index].doc_id: date
        for item in quoted
        if (date := subjects.date(item.index)) is not None
    }
    undated = not dated and not asks_current(terms.focus)
    after = max(dated.values(), default=UNDATED)
    best: LaterStatement | None = None
    quoted_texts = [bank.text(item.index) for item in quoted]
    for other in candidates:
        date = subjects.date(other.index)
        if date is None or date <= after:
            continue
        if bank.sentences[other.index].doc_id in quoted_docs:
            continue
        if best is not None and date <= best.date:
            continue  # the candidates come best first: an earlier one of that date was taken
        text = bank.text(other.index)
        if _titles_its_document(bank, other.index) or _writes_date(text, date):
            continue
        if restates_value(text, quoted_texts):
            continue
        if undated and not _moves_quoted_value(subjects, quoted, other):
            continue
        if undated or _speaks_of(subjects, quoted, other, current):
            best = LaterStatement(other, date, after, tuple(sorted(dated.items())))
    if best is None or not _may_stand(best, bank, quoted, terms.focus):
        return best
    asks_quoted = _names_a_part(terms.focus) or _titles_quoted(subjects, quoted, best.sentence)
    return replace(best, standing=not asks_quoted)


def changed_in_place(
    first: ScoredSentence,
    others: Sequence[ScoredSentence],
    bank: SentenceBank,
    terms: QuestionTerms,
) -> list[int]:
    """The places in `others` of the sentences of the `first`'s document standing after it that
    change the value the first states, their subjects read once: a policy's "Update (June
    2025)" section's "The annual membership fee is now 40 €, replacing 35 €" after its "The
    annual membership fee is 35 € per member"; a règlement's "Le tarif de l'entrée adulte est
    désormais de 5 €" after "L'entrée adulte coûte 4,50 €" (s43 probe: the first was quoted
    alone). Each states a change (`states_a_change`) and speaks of the first's subject as a
    later document's statement does (`_speaks_of`, the question asking the current state: one
    of its terms may be left out in other words)."""
    ours, first_text = bank.sentences[first.index], bank.text(first.index)
    subjects = _Subjects(bank, terms)
    return [
        at
        for at, other in enumerate(others)
        if (theirs := bank.sentences[other.index]).doc_id == ours.doc_id
        and theirs.start > ours.start
        and states_a_change(bank.text(other.index), [first_text])
        and _speaks_of(subjects, [first], other, current=True)
    ]


def _moves_quoted_value(
    subjects: _Subjects, quoted: Sequence[ScoredSentence], other: ScoredSentence
) -> bool:
    """Whether `other` (of a dated document) moves a value an undated quoted sentence states to
    another (an avenant's "le loyer passe de 800 € à 850 € au 1er juillet 2025" after an undated
    lease's "Le loyer mensuel est fixé à 800 €": s43 probe): it states a change
    (`states_a_change`), writes that value with its unit and another, and writes every term of
    the question the quoted sentence writes (headings and titles counted), one at least."""
    text = subjects.bank.text(other.index)
    quoted_texts = [subjects.bank.text(item.index) for item in quoted]
    if not states_a_change(text, quoted_texts):
        return False
    theirs = _values(fold(text))
    written = subjects.asked_in(subjects.titled(other.index) | subjects.written(other.index))
    for item in quoted:
        ours = _values(fold(subjects.bank.text(item.index)))
        kept = [value for value, units in theirs.items() if units & ours.get(value, set())]
        asked = subjects.asked_in(subjects.subject(item.index) | subjects.written(item.index))
        if kept and len(theirs) > len(kept) and asked & written and asked <= written:
            return True
    return False


def _names_a_part(question: str) -> bool:
    """Whether the question names a numbered part by its cue ("l'article 2", "section 4.1":
    numbered_sections.asked_numbers): it asks what that part of the document says, which a
    later document's change follows, never leads (s29 merge: an amendment's "À compter du 1er
    janvier 2026, la redevance … est portée à 9 900 euros" led "Que prévoit l'article 2 du
    contrat de maintenance ?", whose article says 8 400)."""
    return any(asked.cued for asked in asked_numbers(question))


def _may_stand(
    later: LaterStatement, bank: SentenceBank, quoted: Sequence[ScoredSentence], question: str
) -> bool:
    """Whether the `later` statement is the answer, the quoted ones after it: it says the
    quoted event or value is changed (`states_a_change`: "est déplacé au 5 février") and the
    question asks nothing of what was first said, or the question asks what holds now and it
    reverses or changes the quoted ones (`reverses`). Another word on the subject ("the desks
    will be repainted") stays after them."""
    text = bank.text(later.sentence.index)
    quoted_texts = [bank.text(item.index) for item in quoted]
    if states_a_change(text, quoted_texts) and not asks_first_said(question):
        return True
    if not asks_what_holds(question):
        return False
    return reverses(text, quoted_texts)


def _titles_its_document(bank: SentenceBank, index: int) -> bool:
    """Whether the sentence is its document's title line, which states nothing ("Voyage à
    Londres — fiche d'inscription (version 2)" was shown as the later word on a mail's price,
    its "2" read as a value: s29 repro)."""
    document = bank.documents[bank.sentences[index].doc_id]
    return _spaced(_MARKUP.sub("", fold(bank.text(index)))) == _spaced(fold(document.title))


def _spaced(text: str) -> str:
    """`text` with its runs of white space as single spaces, stripped."""
    return " ".join(text.split())


def _titles_quoted(
    subjects: _Subjects, quoted: Sequence[ScoredSentence], later: ScoredSentence
) -> bool:
    """Whether the question names a quoted document by a term of its title or file name that
    the later document's title and name do not write ("ADR 2": "0002-queue.md")."""
    theirs = subjects.asked_in(subjects.named(later.index))
    return any(subjects.asked_in(subjects.named(item.index)) - theirs for item in quoted)


def _names_a_day(terms: QuestionTerms) -> bool:
    """Whether the question names a day or a month ("the CODIR of 14 April", "in March"): it
    asks about that meeting, not what came after it (its date terms: dates.py)."""
    return any(
        term.startswith("--") for alternatives, _ in terms.own_terms for term in alternatives
    )


@functools.cache
def _question_cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The word starts (and forms: "are we …ing") of a question asking what holds now, and the
    word starts of one asking what was first said (data/dated_documents.json), each matched at
    a word's start in folded text."""
    data = _data()
    holding = _word_starts(data["holding_cues"]).pattern
    forms = "|".join(f"(?:{form})" for form in data["holding_forms"])
    holding = f"{holding}|(?<!\\w)(?:{forms})" if forms else holding
    return re.compile(holding), _word_starts(data["original_cues"])


@functools.cache
def _meeting_words() -> re.Pattern[str]:
    """The word starts of a question about a meeting (data/dated_documents.json)."""
    return _word_starts(_data()["meeting_words"])


def asks_of_a_meeting(question: str) -> bool:
    """Whether the question names a meeting ("the January CODIR", "the minutes of 14 April",
    "la réunion de mars"): a month it names dates the minutes it asks about, not a policy's
    season ("Is the help desk open in the afternoon in August?")."""
    return _meeting_words().search(fold(question)) is not None


def asks_what_holds(question: str) -> bool:
    """Whether the question asks what holds now, the standing decision or value ("What did the
    CODIR decide…", "Are we migrating…", "currently", or the current state: `asks_current`),
    and not what was first said ("originally", "When did…", "était prévu"): its answer quotes a
    later statement first."""
    asked = _asked_now(question)
    return asked.holding or bool(asked.current)


def _asks_current_of(question: str, quoted: Sequence[str]) -> bool:
    """Whether the question asks the current state (`asks_current`) of what the `quoted`
    sentences state, none of them writing its cue: "What is the current through the heater
    resistor?" asks a current in amps, which "The current through the heater resistor is 2 A"
    writes (s31 review)."""
    asked = _asked_now(question).current
    if not asked:
        return False
    cues = _current_cues()
    return not any(
        found.group() in asked for text in quoted for found in cues.finditer(_cued(fold(text)))
    )


def asks_current(question: str) -> bool:
    """Whether the question asks the current state of a thing ("le protocole … actuel", "the
    current fee", "en vigueur", "latest": data/dated_documents.json `current_cues`), and not
    what was first said (`original_cues`)."""
    return bool(_asked_now(question).current)


class _AskedNow(NamedTuple):
    """How a question asks what holds now (`_asked_now`)."""

    current: frozenset[str]
    """The current cues it writes (folded, `_cued`): it asks the current state by them."""
    holding: bool
    """Whether it writes a cue asking the standing decision or value (`asks_what_holds`)."""


@functools.lru_cache(maxsize=QUESTIONS_READ)
def _asked_now(question: str) -> _AskedNow:
    """How `question` asks what holds now; nothing when it asks what was first said
    (`original_cues`). Folded once a question for `asks_what_holds`, `asks_current` and
    `_asks_current_of` (each folded it again, twice for the last)."""
    folded = f"{fold(question)} "
    holding, original = _question_cues()
    if original.search(folded) is not None:
        return _AskedNow(frozenset(), holding=False)
    cued = _cued(folded)
    current = frozenset(found.group() for found in _current_cues().finditer(cued))
    return _AskedNow(current, holding=holding.search(cued) is not None)


def _cued(folded: str) -> str:
    """The folded text with its expressions writing a current cue that asks no current state
    blanked ("at the latest", "mise à jour", "current ratio", "direct-current": data
    `current_cue_exclusions`)."""
    return _current_exclusions().sub(" ", folded)


@functools.cache
def _current_exclusions() -> re.Pattern[str]:
    """The expressions of `_cued`, each whole words (folded)."""
    words = "|".join(re.escape(fold(word)) for word in _data()["current_cue_exclusions"])
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)")


@functools.cache
def _current_cues() -> re.Pattern[str]:
    """The word starts of a question asking the current state (`asks_current`)."""
    return _word_starts(_data()["current_cues"])


class _ChangeCues(NamedTuple):
    """The patterns (folded text) of a statement that an event or a value is changed and of a
    question asking what was first said (data/dated_documents.json: see `states_a_change`)."""

    moved: re.Pattern[str]
    valued: re.Pattern[str]
    predicate: re.Pattern[str]
    opening: re.Pattern[str]
    now: re.Pattern[str]
    first_said: re.Pattern[str]


VALUE_REACH = 40
"""A change's new number stands at most this many characters after its cue ("passe de 420 €",
"now costs only £45"), within its clause."""


@functools.cache
def _change_patterns() -> _ChangeCues:
    """The change cues and the question's first-said cues (data/dated_documents.json)."""
    data = _data()

    def words(key: str) -> str:
        return "|".join(re.escape(fold(word)) for word in data[key])

    return _ChangeCues(
        moved=re.compile(
            rf"(?<!\w)(?:{words('change_moves')})\s+(?:{words('change_destinations')})(?!\w)"
        ),
        valued=re.compile(
            rf"(?<!\w)(?:{words('change_values')})(?!\w)[^.;:!?\n]{{0,{VALUE_REACH}}}?\d"
        ),
        predicate=re.compile(
            rf"(?<!\w)(?:{words('change_copulas')})\s+(?:\w+\s+)?"
            rf"(?:{words('change_predicates')})(?!\w)|(?<!\w)(?:{words('change_negations')})"
        ),
        opening=re.compile(rf"^[\W_]*(?:{words('change_openings')})\s+(?:[^\W\d_]+\s+)?"),
        now=re.compile(rf"(?<!\w)(?:{words('change_now')})(?!\w)"),
        first_said=_word_starts(data["first_said_cues"]),
    )


def states_a_change(text: str, quoted: Sequence[str] = ()) -> bool:
    """Whether a sentence says that an event or a value is changed and gives it its new value:
    moved or postponed to a day or a place ("est déplacé au 5 février", "is postponed to 20
    May"), repriced ("passe de 420 € à 465 €"), cancelled ("est annulé", "n'aura pas lieu"),
    in force from a day ("From 5 January, the Tuesday labs meet in room L15"), or "désormais"
    a number none of the `quoted` sentences writes. A bare cue changes nothing the question
    asks ("Sessions cancelled because of snow are refunded … at £2 each", "remboursée à partir
    de trois séances annulées", "réglée dès le premier entraînement": s29 review, each led a
    question on the subscription's price)."""
    folded = fold(text)
    cues = _change_patterns()
    if any(pattern.search(folded) for pattern in (cues.moved, cues.valued, cues.predicate)):
        return True
    return _opens_on_a_day(folded, cues.opening) or _now_another_number(folded, cues, quoted)


def _opens_on_a_day(folded: str, opening: re.Pattern[str]) -> bool:
    """Whether the folded sentence opens with "from", "à compter du" … and a day followed by a
    comma ("From 5 January, …"; never "The exam runs from 3 March to 5 April", nor "Tickets are
    sold from 5 January to 10 January")."""
    found = opening.match(folded)
    if found is None:
        return False
    for start, end, _ in day_spans(folded):
        if start == found.end():
            return folded[end:].lstrip().startswith(",")
    return False


def _now_another_number(folded: str, cues: _ChangeCues, quoted: Sequence[str]) -> bool:
    """Whether the folded sentence writes "désormais", "now" … and a number none of the `quoted`
    sentences writes where they write one ("Désormais la cotisation est de 130 €" after "120
    €"; dates and years aside)."""
    if not quoted or cues.now.search(folded) is None:
        return False
    ours = set().union(*(_stated_numbers(fold(sentence)) for sentence in quoted))
    return bool(ours) and bool(_stated_numbers(folded) - ours)


def asks_first_said(question: str) -> bool:
    """Whether the question asks what was said before a change ("Quelle date était prévue
    au départ…", "What was originally planned…")."""
    return _change_patterns().first_said.search(f"{fold(question)} ") is not None


@functools.cache
def _reversal_pattern() -> re.Pattern[str]:
    """The word starts of a reversal or a change (data/dated_documents.json `reversal_cues`)
    and its French negations, two word starts a few words apart ("ne … plus")."""
    data = _data()
    words = [re.escape(fold(word)) for word in data["reversal_cues"]]
    for negation in data["negations"]:
        first, last = (re.escape(fold(part.strip())) for part in negation.split("…"))
        words.append(rf"{first}(?:(?<!\w)|(?!\w))\s*(?:\S+\s+){{0,3}}{last}(?!\w)")
    return re.compile(rf"(?<!\w)(?:{'|'.join(words)})")


_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def reverses(text: str, quoted: Sequence[str]) -> bool:
    """Whether a later sentence reverses or changes what the `quoted` sentences state: it writes
    a reversal cue ("is cancelled", "instead", "est annulé", "n'est plus") or a number none of
    them writes where they write one ("14 desks" after "12 desks"; dates and years aside).
    Another word on the subject ("the desks will be repainted blue") reverses nothing: it is
    shown after the answer, not as the answer (s27 review C)."""
    folded = fold(text)
    if _reversal_pattern().search(folded):
        return True
    theirs = _stated_numbers(folded)
    ours = set().union(*(_stated_numbers(fold(sentence)) for sentence in quoted))
    return bool(ours) and bool(theirs - ours)


def _stated_numbers(folded: str) -> set[str]:
    """The numbers a folded sentence states, its dates and years aside: "in 2027" or "on 3
    March" dates a later sentence, it changes no value (s27 re-read: "repainted blue in 2027"
    was taken for a change of "12 desks")."""
    undated = _without_days(folded)
    return {number for number in _NUMBER.findall(undated) if not _YEAR.fullmatch(number)}


def _without_days(folded: str) -> str:
    """A folded sentence with each day it writes (dates.day_spans) blanked."""
    for start, end, _ in reversed(day_spans(folded)):
        folded = folded[:start] + " " + folded[end:]
    return folded


_YEAR = re.compile(YEAR_DIGITS)
VALUE_FIGURES = 3
"""The fewest figures of a value a later sentence restating it is left out for (`_values`)."""
_VALUE = re.compile(r"\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+(?![\d.,]\d)|\d+(?:[.,]\d+)?")
"""A number as a value is written: "385,000", "372 000", "18.600", "7,5", "150"."""
_THOUSANDS = re.compile(r"[ \u00a0\u202f.,](?=\d{3}(?!\d))")


def restates_value(text: str, quoted: Sequence[str]) -> bool:
    """Whether a later sentence restates a value a `quoted` sentence states (`_values`: "For a
    price of 385,000 euros, the purchase costs…" after "The agreed price is 385,000 euros") and
    neither reverses nor changes anything (`reverses`' cues, `states_a_change`): it is no later
    word on the quoted value (s37 trial a001, a023: the January reply restating January's price
    was shown as what "later" holds, while March's mail says 372,000). It restates only when
    every value it states is one the quote states, each with the same unit word after it: "de
    240 000 euros à 228 000 euros", "385,000 dollars, not euros" or "1,200 CHF" change it."""
    folded = fold(text)
    theirs = _values(folded)
    if not theirs:
        return False
    ours: dict[str, set[str]] = {}
    for sentence in quoted:
        for value, units in _values(fold(sentence)).items():
            ours.setdefault(value, set()).update(units)
    if any(value not in ours or not units <= ours[value] for value, units in theirs.items()):
        return False
    if _reversal_pattern().search(folded) or _contrast_pattern().search(folded):
        return False
    return not states_a_change(text, quoted)


@functools.cache
def _contrast_pattern() -> re.Pattern[str]:
    """The word starts setting a value against another ("rather than", "et non": data/
    dated_documents.json `contrast_cues`)."""
    words = [re.escape(fold(word)) for word in _data().get("contrast_cues", [])]
    return re.compile(rf"(?<!\w)(?:{'|'.join(words)})" if words else r"(?!)")


_UNIT_AFTER = re.compile(r"\s*([^\W\d_]+|[^\w\s.,;:!?()\[\]'\"«»])")
"""The unit word or sign after a value ("euros", "chf", "€", "%"), none before a stop."""


def _values(folded: str) -> dict[str, set[str]]:
    """The values a folded sentence states, written one way ("385,000", "385 000" and "385000"
    are "385000"; "7,5" is "7.5"), of three figures or more (an amount, not a time's "18 h 30"
    nor a count of "12 desks" that many sentences write), its dates and years aside; each with
    the unit words written after it (`_UNIT_AFTER`, "" when none is)."""
    folded = _without_days(folded)
    found: dict[str, set[str]] = {}
    for number in _VALUE.finditer(folded):
        value = _THOUSANDS.sub("", number.group()).replace(",", ".")
        if _YEAR.fullmatch(value) or len(value.replace(".", "").lstrip("0")) < VALUE_FIGURES:
            continue
        unit = _UNIT_AFTER.match(folded, number.end())
        word = unit.group(1) if unit else ""
        found.setdefault(value, set()).add(_unit_groups().get(word, word))
    return found


@functools.cache
def _unit_groups() -> dict[str, str]:
    """Each way a currency is written after a figure, to its group's first ("euros" and "eur"
    are "€"): currencies.json's unit_groups, read once."""
    groups = data_json("currencies.json").get("unit_groups", [])
    return {word: group[0] for group in groups for word in group}


def states_a_decision(text: str, date: str) -> bool:
    """Whether a sentence of minutes dated `date` writes a decision cue (`_decides`, a number
    alone not counting: "Présents : 8 membres, 2 excusés." or "Page 2 sur 3" decide nothing,
    s28 review F) and is no heading or date line of theirs (`_writes_date`)."""
    return _decides(text, by_number=False) and not _writes_date(text, date)


def holding_word(term: str) -> bool:
    """Whether a question's term asks what was decided or holds ("decid": "Qu'a décidé…",
    "decision", "status"): it opens as a holding cue does (data/dated_documents.json)."""
    return _question_cues()[0].match(fold(term)) is not None


def _writes_date(text: str, date: str) -> bool:
    """Whether the sentence writes the date `date` ("YYYY-MM-DD"): its document's heading or
    date line ("Compte rendu CODIR du 8 septembre 2026"), which states nothing."""
    return date in date_terms(fold(text))


def _row_key(text: str) -> str | None:
    """The first cell of a table row ("| Duration | 47 minutes |": "duration"), else None."""
    stripped = text.strip()
    if not stripped.startswith("|"):
        return None
    return fold(stripped.strip("|").split("|", 1)[0].strip())


def _same_field(ours: str, theirs: str) -> bool:
    """Whether both sentences are table rows keyed alike: documents of one template (each
    incident's post-mortem) fill the same field for other records, no later word on ours."""
    key = _row_key(ours)
    return key is not None and key == _row_key(theirs)


def _speaks_of(
    subjects: _Subjects, quoted: Sequence[ScoredSentence], other: ScoredSentence, current: bool
) -> bool:
    """Whether `other` states something (LEAST_WORDS) on a quoted sentence's subject: it
    shares SHARED_WORDS words with it (headings counted, one in the sentences), and writes
    (its heading and its document's title counted) every term of the question the quoted one
    writes, one at least; when the question asks the current state (`current`), it may leave
    out one that current_state.may_leave_out allows."""
    if len(subjects.own(other.index)) < LEAST_WORDS:
        return False
    text = subjects.bank.text(other.index)
    if not _decides(text):
        return False
    theirs = subjects.subject(other.index)
    written = subjects.asked_in(subjects.titled(other.index) | subjects.written(other.index))
    for item in quoted:
        ours = subjects.subject(item.index)
        asked = subjects.asked_in(ours | subjects.written(item.index))
        if _same_field(subjects.bank.text(item.index), text):
            continue  # one template's field of another record: another incident's "Duration"
        if not subjects.own(item.index) & subjects.own(other.index):
            continue  # only their headings meet: a page's "last modified" line
        missing = [subjects.asked[number] for number in sorted(asked - written)]
        if not asked & written or (missing and not current):
            continue
        if missing and not may_leave_out(missing, subjects.bank.text(item.index), text):
            continue
        if len(ours & theirs) >= SHARED_WORDS:
            return True
    return False


@functools.cache
def _cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The words stating a decision or a change, and those asking or proposing one
    (data/dated_documents.json), each matched at a word's start in folded text."""
    data = _data()
    return _word_starts(data["decision_cues"]), _word_starts(data["open_cues"])


def _word_starts(words: list[str]) -> re.Pattern[str]:
    """A pattern matching any of `words` (folded) at a word's start in folded text."""
    alternatives = "|".join(re.escape(fold(word)) for word in words)
    return re.compile(rf"(?<!\w)(?:{alternatives})")


def _decides(text: str, by_number: bool = True) -> bool:
    """Whether the sentence states a decision, a change or a value ("is cancelled", "est
    abandonné", "will move", a number when `by_number`: "150 €") and asks or proposes none ("Bob
    asked whether the CI migration could be discussed": it decides nothing)."""
    folded = fold(text)
    decision, asking = _cues()
    if asking.search(folded) or is_question(folded):
        return False
    numbered = by_number and any(char.isdigit() for char in text)
    return decision.search(folded) is not None or numbered
