"""Acronyms derived from the corpus at build time, so a question that writes "NDA", "SLA" or
"RGPD" finds the documents that spell them out ("Non-Disclosure Agreement", "Service Level
Agreement", "Règlement Général sur la Protection des Données") with no hand-written list.

A spelt-out form is a document's title written in sentence case ("Conditions générales de
vente": CGV, `title_acronym`; the initials of its words beside stopwords), or a run of two
capitalised words or more on one line (each part of a
hyphenated word counts, "Non-Disclosure" gives N and D; a stopword of the language data between
two capitalised words, "de", "et", "of", gives no initial, whatever its case): every stretch of
MIN_LETTERS to MAX_LETTERS initials of such a run, from a capitalised word to a capitalised
word, is a candidate ("Mutual Non-Disclosure Agreement" gives MND, MNDA and NDA, each with
its words). A document's candidates are counted once per occurrence (`document_acronyms`,
stored with its tallies so an update does not read unchanged documents again); the build adds
them up (`AcronymCounts`: at most MAX_HELD candidates held, plus one document's, whatever the
corpus's size) and keeps, for each acronym, its most frequent spelt-out form, when the corpus
writes that form more often than it writes the acronym itself as a word (`chosen`: an acronym
the documents write as often is found as it is). At most MAX_ACRONYMS are stored
(statistics.json, `acronyms`, read as the knowledge's `acronyms`); a question expands an
acronym only where it writes it in capitals (glossary.py).
"""

from __future__ import annotations

import heapq
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING

from citeqa.lexical import fold, query_tokens, stopwords
from citeqa.mailthreads import GENERATED_HEADINGS

if TYPE_CHECKING:
    from citeqa.mail_candidates import MailLayout

MIN_LETTERS = 3
"""The fewest initials of an acronym (two-letter ones collide: "TT virus" is no "Targeted
Therapies", measured on the off-topic questions of the bundled corpus)."""
MAX_LETTERS = 6
"""The most initials of an acronym (a longer run is read in stretches)."""
MAX_ACRONYMS = 5000
"""The most acronyms an index stores (the most frequent spelt-out forms first)."""
MAX_STRETCHES = 10_000
"""The most candidate stretches read in one document (the most in 23,765 documents of the
bundled, eval and trial corpora: 461): past it, the document is read no further, so text of
capitalised words alone ("Alpha Beta Gamma Delta" lines, 2.3 MB: 28.6 s) costs bounded work."""
STRETCH_WORDS = 3 * MAX_LETTERS
"""The most words (stopwords included) one stretch spans: a run of stopwords between two
capitalised words would otherwise make each start scan the whole run."""
MAX_HELD = 200_000
"""The most candidates a build counts at once: past it, the MAX_HELD // 2 most frequent are
kept (`AcronymCounts.add`)."""
_CAPITALS = "".join(c for c in map(chr, range(0x530)) if c.isupper())
"""The capitals of the Latin, Greek and Cyrillic blocks (re has no class of capitals)."""
_CAPITALISED = rf"[{_CAPITALS}][^\W\d_]*(?:[-‐‑][^\W\d_]+)*(?![\w‐‑-])"
_GAP = r"[ \t\u00a0]+"
_RUN = re.compile(
    # the capital first, then what precedes it (no word, no hyphen): a look behind tried first
    # would be tried at every character of the text
    rf"[{_CAPITALS}](?<![\w‐‑-][{_CAPITALS}])[^\W\d_]*(?:[-‐‑][^\W\d_]+)*(?![\w‐‑-])"
    rf"(?:{_GAP}(?:[^\W\d_]{{1,6}}{_GAP}){{0,3}}{_CAPITALISED})+"
)
"""Two capitalised words or more on one line, maybe with short words between them: where a
run may be (the regular expression finds them at C speed; `_runs` reads the few it finds)."""
_WORD = re.compile(r"[^\W\d_]+(?:[-‐‑][^\W\d_]+)*")
_SPACES = re.compile(_GAP)
KEY_SEPARATOR = "\t"
"""Between an acronym and its spelt-out form in a stored candidate key."""


def initials(word: str) -> str:
    """The initials a word gives to an acronym: the first letter of each of its capitalised
    parts ("Non-Disclosure": "ND"; "Check-in": "C")."""
    return "".join(part[0] for part in re.split(r"[-‐‑]", word) if part[:1].isupper())


def _runs(line: str) -> Iterator[list[str]]:
    """The runs of capitalised words of a line (or a piece of one), each as its words
    (stopwords inside kept)."""
    run: list[str] = []
    end = -1
    for match in _WORD.finditer(line):
        word = match.group()
        joined = end >= 0 and _SPACES.fullmatch(line, end, match.start()) is not None
        if not joined:
            yield from _closed(run)
            run = []
        if word[0].isupper() or (run and fold(word) in stopwords()):
            run.append(word)
        else:
            yield from _closed(run)
            run = []
        end = match.end()
    yield from _closed(run)


def _closed(run: list[str]) -> Iterator[list[str]]:
    """The run without the stopwords it ends with or starts with ("Le Comité Social" at the
    start of a sentence is "Comité Social")."""
    end = len(run)
    while end and not run[end - 1][0].isupper():
        end -= 1
    start = 0
    while start < end and fold(run[start]) in stopwords():
        start += 1
    if start < end:
        yield run[start:end]


def _stretches(run: list[str]) -> Iterator[tuple[str, str]]:
    """(acronym, spelt-out form) of every stretch of the run from a capitalised word to a
    capitalised word (no stopword, which gives no initial) whose initials number MIN_LETTERS to
    MAX_LETTERS."""
    letters = ["" if fold(word) in stopwords() else initials(word) for word in run]
    for first in range(len(run)):
        if not letters[first]:
            continue
        acronym = ""
        for last in range(first, min(len(run), first + STRETCH_WORDS)):
            acronym += letters[last]
            if len(acronym) > MAX_LETTERS:
                break
            if len(acronym) >= MIN_LETTERS and letters[last]:
                yield acronym, " ".join(run[first : last + 1])


_TITLE_BREAK = re.compile(r"[\s'’]+")
"""Between the words of a title: blanks and elisions ("Politique d'utilisation")."""


def title_acronym(title: str) -> tuple[str, str] | None:
    """(acronym, title) for a title written in sentence case, of MIN_LETTERS to MAX_LETTERS
    words beside the stopwords of the language data and elided letters ("d'"), all letters
    and each but the first in lower case: "Conditions générales de vente" gives CGV (s25
    trial: "Que dit l'article 13 des CGV ?" abstained, the runs of capitalised words never
    giving it). A title of capitalised words is read as any run (`_runs`); one holding a
    digit ("Tarifs 2026") or no word but letters ("procedure-escalade", a file name) is no
    name spelt out."""
    words = [word for word in _TITLE_BREAK.split(title.strip()) if word]
    if any(_WORD.fullmatch(word) is None for word in words):
        return None
    content = [word for word in words if len(word) > 1 and fold(word) not in stopwords()]
    if not MIN_LETTERS <= len(content) <= MAX_LETTERS or not content[0][0].isupper():
        return None
    if any(not word.islower() for word in content[1:]):
        return None
    return "".join(word[0] for word in content).upper(), title


def document_acronyms(
    text: str, layout: MailLayout | None = None, title: str | None = None
) -> dict[str, int]:
    """How often a document spells out each candidate acronym, by key "ACRONYM<tab>folded
    form" (`candidate_key`); the labels of the headings mailthreads writes are left out only
    where a thread's `layout` (mail_candidates.layout_of) says it wrote one: a note's, or a
    sender's, "## Signature Block Design (SBD)" spells out SBD. A sentence-case `title`
    (`title_acronym`) spells out its acronym as often as the text writes the title's words
    (once at least)."""
    counts: Counter[str] = Counter()
    titled = title_acronym(title) if title else None
    if titled is not None:
        acronym, form = titled
        written = max(1, fold(text).count(fold(form)))
        counts[candidate_key(acronym, form)] += written
    stretches = itertools.islice(
        (
            stretch
            for found in _RUN.finditer(text)
            for run in _runs(
                _without_generated_label(text, found, layout) if layout else found.group()
            )
            for stretch in _stretches(run)
        ),
        MAX_STRETCHES,
    )
    counts.update(candidate_key(acronym, form) for acronym, form in stretches)
    return dict(sorted(counts.items()))


_LABELS = tuple(heading.split("·")[0].strip() for heading in GENERATED_HEADINGS)
"""The words opening the headings citeqa writes in a mail's text (mailthreads.GENERATED_HEADINGS:
"Quoted by", "Headers", "Signature")."""
_HEADING_MARKS = re.compile(r"#{1,6}[ \t]+")


def _without_generated_label(text: str, found: re.Match[str], layout: MailLayout) -> str:
    """A run's text, without the label opening it when it opens a heading citeqa wrote over a
    mail's aside ("## Quoted by Sam Self · …": "Sam Self", no "QSS" spelt out by the corpus),
    as the thread's `layout` places them."""
    run = found.group()
    label = next((label for label in _LABELS if run.startswith(label)), None)
    if label is None:
        return run
    line_start = text.rfind("\n", 0, found.start()) + 1
    if _HEADING_MARKS.fullmatch(text, line_start, found.start()) is None:
        return run
    return run[len(label) :] if layout.is_generated_heading(line_start) else run


def candidate_key(acronym: str, form: str) -> str:
    """The key a candidate is counted by: the acronym folded to capitals, its form folded."""
    return fold(acronym).upper() + KEY_SEPARATOR + fold(form)


class AcronymCounts:
    """The corpus's candidates, added up a document at a time; past MAX_HELD candidates, only the
    MAX_HELD // 2 most frequent are kept (ties: those counted first), so each pruning at least
    halves what is held and the next comes MAX_HELD // 2 new candidates later: the build's
    time stays linear and its memory bounded whatever the counts (dropping only candidates
    counted once kept every one counted twice, past MAX_HELD each later document pruned again).
    The frequent ones, which `chosen` keeps, survive."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()

    def add(self, document: Mapping[str, int]) -> None:
        self.counts.update(document)
        if len(self.counts) > MAX_HELD:
            kept = heapq.nlargest(MAX_HELD // 2, self.counts.items(), key=lambda item: item[1])
            self.counts = Counter(dict(kept))

    def chosen(self, written: Callable[[str], int]) -> list[list[str]]:
        """[acronym, form] of each acronym's most frequent form (ties: the first in order),
        when the form is written more often than the acronym is (`written`: how often the
        corpus writes a folded acronym as a word); at most MAX_ACRONYMS, most frequent first.
        Never an acronym that is a word no search reads (`searchable`: "WHO", "LES", "THAT",
        whose count, their tokens dropped, would always be 0)."""
        best: dict[str, tuple[int, str]] = {}
        for key, count in sorted(self.counts.items()):
            acronym, _, form = key.partition(KEY_SEPARATOR)
            if count > best.get(acronym, (0, ""))[0]:
                best[acronym] = (count, form)
        kept = [
            (count, acronym, form)
            for acronym, (count, form) in best.items()
            if searchable(acronym) and written(acronym.lower()) < count
        ]
        kept.sort(key=lambda item: (-item[0], item[1]))
        return [[acronym, form] for _, acronym, form in kept[:MAX_ACRONYMS]]


def searchable(acronym: str) -> bool:
    """Whether an acronym, as a word, is one a search reads: no stopword of the language data
    ("who", "les", "that") and some token left (lexical.query_tokens)."""
    return fold(acronym) not in stopwords() and bool(query_tokens(acronym))
