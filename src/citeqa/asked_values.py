"""Which candidate sentences write the kind of value a question asks for by its words.

A question naming money ("Montant de la facture de janvier", "How much did the trip cost?",
data asked_values.json: its cues, read on the folded question) asks for an amount; a sentence
of the top passages writing none (the invoice's title line, the trip's date sentence) answers it
worse than one writing "142,37 €". `value_weights` gives each candidate's weight in the quote
ranker's scores: MISSING_VALUE_WEIGHT for a sentence without the asked value when another
candidate of its document writes one, UNASKED_VALUE_WEIGHT for one writing such a value but none
of the question's words when another of its document writing one writes some ("Coût par élève :
465 €" over "Solde de 315 €" for "Combien coûte le voyage ?"), 1 otherwise, so that nothing
changes for a question whose passages write no such value (an abstention stays the answer
models' to decide). When the ranker's best candidate writes no such value, `value_holder` names
the one that takes its rating, of those standing in the passages covering the question best:
the best-rated writing one that is rated nearly as high or stands in the best's document, in a
passage covering as much (the home policy's premium line rather than a loan's "Coût total du
crédit", rated above it once the policy's title line is weighed down; the school trip letter's
"145 €" rather than a mail naming the trip, s27 trial). Other kinds than money (s30, issue
9: the quoted sentence must hold what is asked): a day or a time ("Quel jour …", "What time
…": a weekday, "18 h 30", a day's date), a date ("Jusqu'à quand …", "By when …"), a rate
per hour, month or person ("l'heure de location": "10 € HT de l'heure", not a yearly total),
a person beside another kind ("Qui … et avant quand ?": "Claire Martin" and a date), a dose
("What dose …", "À quelle dose …": "20 mg/kg") and a duration ("How long …", "Combien de temps
…": "jusqu'à un an", "100 days"; s44: the sentence naming an antibody's catalog number was
quoted for its dose, the one saying where cells were made for how long remissions last), a
temperature ("What temperature …", "À quelle température …": "175°C", "thermostat 6"; s48 trial:
a recipe's "bake 60 minutes" was quoted for its oven's temperature) and a time of day ("À
quelle heure …", "What time …": "9h00", "10:00", "à 9 heures", not a weekday alone; s48 trial:
the on-duty pharmacy's "le dimanche" answered "À quelle heure ouvre la pharmacie le samedi ?"). A
document writes days, dates and names of many things: for those kinds (`about`), only a
candidate writing one of the question's words weighs its document's others down or takes
the best's place in it. Words and shapes are data: the engine knows no currency, weekday
or name.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from functools import cache, lru_cache
from typing import NamedTuple

import numpy as np

from citeqa.glossary import fold
from citeqa.jsonfiles import data_json
from citeqa.language import is_table_row, question_lang, without_elision
from citeqa.lexical import content_words
from citeqa.recently_used import QUESTIONS_READ

MISSING_VALUE_WEIGHT = 0.1
"""What the quote ranker's score of a candidate writing no value of the asked kind is multiplied
by when another candidate writes one. The quote ranker rates a document's title line far above
the sentence holding the amount (s27 trial: .72 against .09 for "Montant de la facture EDF de
janvier", .62 against .07 for the school trip's cost): 0.5 moved neither."""
LEAD_SHARE = 0.5
"""The least share of the best candidate's rating that a candidate of another document writing
the asked value needs to take its place (`value_holder`): a loan's "Coût total du crédit" rated
far below the home policy's lines never leads."""


ABBREVIATION_LETTERS = 3
"""The most letters of a unit's abbreviation (`unit_abbreviations`: "km", "min", "kg")."""
UNASKED_VALUE_WEIGHT = 0.4
"""What the quote ranker's score of a candidate writing the asked kind of value but none of the
question's words is multiplied by when another candidate of its document writing one writes
some: the value the question names ("Coût par élève : 465 €") before another of its kind
("Solde de 315 €")."""


class _Kind(NamedTuple):
    cues: re.Pattern[str]
    english_cues: re.Pattern[str] | None
    beside: re.Pattern[str] | None
    """A word the question must write too for the cues to count: a rate's money or rate word
    ("Quel est le loyer mensuel ?", not "Quel est le rôle de l'État à l'heure de la
    mondialisation ?" nor "What is the monthly report about?")."""
    unless: re.Pattern[str] | None
    shape: re.Pattern[str]
    row_shape: re.Pattern[str]
    cased: bool
    """Whether the shapes are searched on the text as written ("Paul Moreau" for a person),
    not on its folded form."""
    with_others: bool
    """Whether the kind is asked only beside another kind ("who … and by when?")."""
    cased_shape: re.Pattern[str] | None
    """A shape searched on the text as written beside the folded one: "3 March", "May 12"
    (capitalised months whose folded word is an everyday one: "2 may be doubled")."""
    not_names: re.Pattern[str] | None
    """Words that make a match of the shape no value of the kind: a body's ("Conseil",
    "Committee", "Saint") in two capitalised words read as a person's name."""
    none_shape: re.Pattern[str] | None
    """A sentence saying there is no such value ("There is no deadline for applications"):
    it answers the question as one writing the value does, and is never weighed down."""
    unit: re.Pattern[str] | None
    """A rate's unit alone ("par mois", "per person"): a table row writing a figure meets the
    kind when its context (`writes_kind`: the table's header row, section heading, lead-in or
    sheet name) writes it; a rate kind never weighs a table row down in its document
    (`value_weights`)."""
    widely_written: bool
    """Whether many headings have a value of the kind under them ("€" in a sentence, any
    figure in a table row: an amount), so that a heading's next sentence writing only such
    kinds never takes its place (`only_widely_written`)."""
    about: bool
    """Whether a candidate writing such a value weighs the others of its document down
    (`value_weights`), or takes the best's place in its document (`value_holder`), only writing
    one of the question's words: a document writes the days, dates and names of many things,
    an invoice one total under its title line."""
    written_by_unit: bool
    """Whether a value of the kind is written with its unit ("900 g", "50 m²"), seldom with the
    word the question's cue asks by ("weigh", "surface"): such a word is no term when the
    corpus never writes it (`cue_words`)."""
    whole_document: bool
    """Whether a candidate writing such a value takes the best's place in its document
    (`value_holder`) whatever its passage covers of the question: a recipe writes its oven's
    temperature once, in a method step naming none of the question's words ("Preheat the oven
    to 175°C" for "What temperature do I bake banana bread at?", s48 trial)."""


@cache
def _kinds() -> dict[str, _Kind]:
    """asked_values.json's kinds by name, their cues joined in one pattern."""
    raw = data_json("asked_values.json")["kinds"]
    return {
        name: _Kind(
            re.compile("|".join(kind["cues"])),
            re.compile("|".join(kind["english_cues"])) if kind.get("english_cues") else None,
            re.compile(kind["beside"]) if kind.get("beside") else None,
            re.compile("|".join(kind["unless"])) if kind.get("unless") else None,
            re.compile(kind["shape"]),
            re.compile(kind.get("row_shape", kind["shape"])),
            bool(kind.get("cased", False)),
            bool(kind.get("with_others", False)),
            re.compile(kind["cased_shape"]) if kind.get("cased_shape") else None,
            re.compile(kind["not_names"]) if kind.get("not_names") else None,
            re.compile(kind["none_shape"]) if kind.get("none_shape") else None,
            re.compile(kind["unit"]) if kind.get("unit") else None,
            bool(kind.get("widely_written", False)),
            bool(kind.get("about", False)),
            bool(kind.get("written_by_unit", False)),
            bool(kind.get("whole_document", False)),
        )
        for name, kind in raw.items()
    }


@lru_cache(maxsize=QUESTIONS_READ)
def asked_kinds(question: str) -> tuple[str, ...]:
    """The kinds of asked_values.json whose cues `question` (folded) writes, and none of the
    words by which it asks another thing ("When is the salary paid?"), nor a kind asked only
    beside another (`with_others`) when it is alone. A kind's English cues
    count only in a question not in French (language.detect_lang): "pays" of "Dans quel pays
    est le siège ?" is a country."""
    folded = fold(question)
    english = _in_english(question)
    asked = tuple(
        name
        for name, kind in _kinds().items()
        if _cued(kind, folded, english) and not (kind.unless and kind.unless.search(folded))
    )
    if all(_kinds()[name].with_others for name in asked):
        return ()  # "Qui a fondé la ville ?": a person alone is no kind read
    return asked


def words_asked_of(kind: str, question: str) -> frozenset[str]:
    """The folded content words of `question` but its cues of asked_values.json's `kind` ("what
    time" of "What time does the tower open?", "coûte" of "Combien coûte…"): the words naming
    what the value is asked of; none when it asks no value of that kind."""
    if kind not in asked_kinds(question):
        return frozenset()
    return frozenset(content_words(_kinds()[kind].cues.sub(" ", fold(question))))


def _cued(kind: _Kind, folded: str, english: bool) -> bool:
    """Whether the folded question `folded` writes one of `kind`'s cues (`_kind_cues`)."""
    return any(cues.search(folded) for cues in _kind_cues(kind, folded, english))


def _kind_cues(kind: _Kind, folded: str, english: bool) -> tuple[re.Pattern[str], ...]:
    """The cues of `kind` a folded question `folded` may write: its own, its English ones only
    when `english`; none when the question does not write the word it must write beside
    them (`beside`)."""
    if kind.beside is not None and not kind.beside.search(folded):
        return ()
    if english and kind.english_cues is not None:
        return kind.cues, kind.english_cues
    return (kind.cues,)


def names_value_kind(word: str, question: str) -> bool:
    """Whether `word` of `question` alone is a cue of a kind of value ("payé", "spent",
    "coûte"): a word asking what kind of value it wants, not naming its subject."""
    folded = fold(word)
    return any(cues.search(folded) for cues in _word_cues(question))


def reads_as_cue(word: str, question: str) -> bool:
    """Whether `word` of `question` (its elision aside, language.without_elision: "heures" of
    "d'heures") is one a cue of a kind of value written by its unit that the question asks
    reads as written (`cue_words`), a word a wildcard of it reads aside."""
    return without_elision(fold(word)) in cue_words(question)


@lru_cache(maxsize=QUESTIONS_READ)
def cue_words(question: str) -> frozenset[str]:
    """The folded words of `question` the cues of a kind written by its unit it asks
    (`written_by_unit`: not "version" of "Which version introduced max_retries?", the word a
    document writes beside the value) read as written: masked (each letter made a "q", so a
    cue's wildcard word still reads it), the cues' matches in the question change, a unit of the
    kind aside (`_is_unit`). "weigh" and "much" of "How much does the loaf weigh?", "surface"
    of "Quelle est la surface d'une parcelle ?", never "loaf", which a cue reads as any word,
    nor "heures" of "Combien d'heures …", a unit (s61 trial: a recipe writing "Makes one loaf
    of about 900 g" was refused, "they never mention “weigh”")."""
    asked = fold(question)
    english = _in_english(question)
    kinds = [_kinds()[name] for name in asked_kinds(question) if _kinds()[name].written_by_unit]
    cues = [
        pattern
        for kind in kinds
        for pattern in _kind_cues(kind, asked, english)
        if pattern.search(asked)
    ]
    if not cues:
        return frozenset()
    spans = _cue_spans(cues, asked)
    return frozenset(
        found.group()
        for found in _WORD.finditer(asked)
        if _cue_spans(cues, _masked(asked, found.start(), found.end())) != spans
        and not any(_is_unit(kind, found.group()) for kind in kinds)
    )


def unit_abbreviations(word: str, question: str) -> list[str]:
    """The abbreviations `word` of `question` may be written as, when it is a unit of a kind
    written by its unit that the question asks (`_is_unit`: "kilomètres" of "Combien de
    kilomètres de pistes ?"): each shorter spelling of ABBREVIATION_LETTERS letters at most,
    opening with its first letter, the others following in its order, that is a unit of that
    kind too ("km" of "kilomètres"; "min" of "minutes"; "mo" of "mois", an English month's).
    A station's guide writing "120 km de pistes" never writes "kilomètres" (s62 trial,
    refused)."""
    folded = without_elision(fold(word))
    kinds = [
        _kinds()[name]
        for name in asked_kinds(question)
        if _kinds()[name].written_by_unit and _is_unit(_kinds()[name], folded)
    ]
    if not kinds or not folded.isalpha():
        return []
    return [
        short
        for short in _shorter_spellings(folded)
        if any(_is_unit(kind, short) for kind in kinds)
    ]


def _shorter_spellings(word: str) -> list[str]:
    """The spellings of ABBREVIATION_LETTERS letters at most, fewer than `word`'s, opening with
    its first letter, each other one of its letters after the one before it."""
    found = dict.fromkeys([word[0]])
    for size in range(1, ABBREVIATION_LETTERS):
        for picked in itertools.combinations(range(1, len(word)), size):
            found.setdefault(word[0] + "".join(word[at] for at in picked))
    return [short for short in found if len(short) < len(word)]


def _is_unit(kind: _Kind, word: str) -> bool:
    """Whether `word` is a unit of `kind`, its shape reading a figure before it as a value ("2
    mois", "2 heures"): a unit a question names is a word the answer writes ("Combien de mois de
    congé maternité ?" of an office's rules writing no month, nor maternity leave, was
    answered from its notice period once "mois" was read as a cue's word)."""
    return kind.shape.search(f"2 {word}") is not None


def _masked(folded: str, start: int, end: int) -> str:
    """`folded` with its word at `start`:`end` spelt as as many "q"s."""
    return f"{folded[:start]}{'q' * (end - start)}{folded[end:]}"


def _cue_spans(cues: list[re.Pattern[str]], folded: str) -> list[tuple[int, int]]:
    """Where each of `cues` matches the folded question `folded`."""
    return [found.span() for pattern in cues for found in pattern.finditer(folded)]


@lru_cache(maxsize=QUESTIONS_READ)
def _word_cues(question: str) -> tuple[re.Pattern[str], ...]:
    """The cues a word of `question` may write to name a kind of value: each kind's, its
    English ones only in a question read as English, of the kinds whose `beside` word the
    question writes if they have one. The question is folded and searched once, not once for
    each word names_value_kind reads (s31 hostile probe: 2,528 searches for 160 words)."""
    asked = fold(question)
    english = _in_english(question)
    return tuple(cues for kind in _kinds().values() for cues in _kind_cues(kind, asked, english))


def _in_english(question: str) -> bool:
    """Whether `question` reads as English (its English-only cues count), its language read
    once a question (language.question_lang): names_value_kind asks it for each word of the
    question the corpus never uses."""
    return question_lang(question) == "en"


DIMENSION = "dimension"
"""The asked_values.json kind of a height, a length, an altitude or an area: a question asking
one whose quotes write none is refused (`lacks_kind`, answering)."""
MASS = "mass"
"""The asked_values.json kind of a weight ("Quel est le poids de la batterie ?", "How much
does it weigh?"), refused alike when no quote writes one (s54 trial: a manual's battery
sentence writing its energy, not its weight, was quoted). A weight "per kilogram" is a dose
or a rate, not one."""


def lacks_kind(kind: str, question: str, quotes: Sequence[str]) -> bool:
    """Whether `question` asks a value of `kind` (`asked_kinds`) and none of `quotes` writes
    one (`writes_kind`): they answer something else ("Quelle est la hauteur du mur de voies ?"
    of a climbing club's rules that never give it quoted "Il est interdit de grimper seul sur
    le mur de voies.": s53 trial)."""
    return kind in asked_kinds(question) and not any(writes_kind(kind, q) for q in quotes)


def writes_kind(kind: str, text: str, context: str = "") -> bool:
    """Whether `text` (folded, unless the kind is `cased`) writes a value of `kind`'s shape, or
    of its row shape for a table row (language.is_table_row), or says there is none of it
    (its `none_shape`: "There is no deadline for applications" answers "What is the
    application deadline?"). A table row writing a figure writes a rate (a kind with a `unit`)
    when its `context` (its table's header row, section heading, lead-in sentence or sheet
    name: answering reads them) writes the unit: "| Loyer | 850 € |" under "Montants en euros
    par mois." is a monthly rent."""
    read = _kinds()[kind]
    row = is_table_row(text)
    shape = read.row_shape if row else read.shape
    seen = text if read.cased else fold(text)
    if any(_named(read, found.group()) for found in shape.finditer(seen)):
        return True
    if row and read.unit is not None and _FIGURE.search(seen) and read.unit.search(fold(context)):
        return True
    if read.cased_shape is not None and read.cased_shape.search(text) is not None:
        return True
    return read.none_shape is not None and read.none_shape.search(seen) is not None


def _named(read: _Kind, found: str) -> bool:
    """Whether `found`, a match of `read`'s shape, writes none of its `not_names` words."""
    return read.not_names is None or read.not_names.search(found) is None


_FIGURE = re.compile(r"\d")
"""A figure a table row writes: one of a rate whose unit its context writes."""

_WORD = re.compile(r"\w+")
"""A folded question's words, read one at a time for the cues reading them (`cue_words`)."""


Written = dict[str, list[bool]]
"""For each kind of value a question asks (`asked_kinds`), whether each candidate text writes
one (`writes_kind`): `values_written`."""


def values_written(
    question: str, texts: Sequence[str], contexts: Sequence[str] | None = None
) -> Written:
    """Which of `texts` write a value of each kind `question` asks for, read once a question
    for both `value_weights` and `value_holder` (each read every text again: s28 re-read),
    each table row's rate read with its context (`contexts`: each text's, `writes_kind`)."""
    around = [""] * len(texts) if contexts is None else contexts
    return {
        kind: [writes_kind(kind, text, where) for text, where in zip(texts, around, strict=True)]
        for kind in asked_kinds(question)
    }


def only_widely_written(kinds: Iterable[str]) -> bool:
    """Whether every kind of `kinds` is `widely_written`; True for none."""
    return all(widely_written(kind) for kind in kinds)


def widely_written(kind: str) -> bool:
    """Whether `kind` is one many headings have a value of under them (its `widely_written`
    flag: an amount)."""
    return _kinds()[kind].widely_written


def rates_asked(question: str) -> bool:
    """Whether `question` asks a rate (a kind with a `unit`): its table rows' contexts are read."""
    return any(_kinds()[kind].unit is not None for kind in asked_kinds(question))


def value_weights(
    written: Written,
    documents: Sequence[str],
    asked_words: Sequence[int] | None = None,
    texts: Sequence[str] | None = None,
) -> np.ndarray:
    """Each candidate text's weight for a question whose asked values it writes as `written`
    (`values_written`): MISSING_VALUE_WEIGHT when it writes no value of a kind the question asks
    for and another candidate of its document (`documents`: each text's) writes one,
    UNASKED_VALUE_WEIGHT when it writes one but none of the question's words (`asked_words`:
    how many each text writes; None: not read) and another candidate of its document writing one
    writes some, else 1. For a kind read `about` its subject, only a candidate writing one of
    the question's words weighs the others of its document down: the other rows of a members'
    table, each writing its own member's date, never weigh down the asked member's row whose
    date cell is empty (s29 trial: the empty cell's notice gave way to a mail's sentence).
    Within a document only: the right document's title line gives way to
    its amount, but a sentence of another document writing some amount ("Coût total du crédit"
    for the home insurance's cost) does not outrank the document the rankers chose. A table row
    among `texts` (each candidate's; None: not read) is never weighed down in its document for a
    rate (a kind with a `unit`). A table's rows rarely write their unit, its header or heading
    does: failing those (`writes_kind`), a row is no worse a quote than its document's sentence
    writing the unit of another thing (the month's total, another country's spending: review
    C, s30). A row leading still gives its place to a rate written elsewhere (`value_holder`)."""
    weights = np.ones(len(documents))
    rows = [False] * len(documents) if texts is None else [is_table_row(t) for t in texts]
    for kind, writes in written.items():
        about = _kinds()[kind].about and asked_words is not None
        holding = {
            doc
            for number, (doc, held) in enumerate(zip(documents, writes, strict=True))
            if held and (not about or (asked_words is not None and asked_words[number] > 0))
        }
        spared = rows if _kinds()[kind].unit is not None else [False] * len(documents)
        for number, (doc, held) in enumerate(zip(documents, writes, strict=True)):
            if doc in holding and not held and not spared[number]:
                weights[number] *= MISSING_VALUE_WEIGHT
        if asked_words is not None:
            weights *= _unasked_weights(writes, documents, asked_words)
    return weights


def value_holder(
    written: Written,
    documents: Sequence[str],
    scores: Sequence[float],
    cover: Callable[[int], float],
    asked_words: Sequence[int] | None = None,
    about_words: Sequence[int] | None = None,
    pointing: bool = False,
) -> int | None:
    """The candidate that takes the place of the best-rated (by `scores`) when that one does not
    write a value of each kind its question asks for (`written`: `values_written`): among those
    writing more of the asked kinds than it does whose passage covers the question best
    (`cover`: the share of its words candidate n's passage writes, read only for those writing
    one and the best), the best-rated of those rated at least LEAD_SHARE of it; or, in the
    best's document, whose passage covers the question as well as the best's (for a kind read
    `about` its subject, only one writing a question's word, `asked_words`: how many each
    writes, None: not read, or whose document's title writes one, `about_words`: how many each
    or failing those its title writes, titleonly.title_words_written; a letter's "Passage de
    grades le 13 décembre" never answers "Quel jour ont lieu les cours de judo ?" for the
    letter's mention of the classes); or one writing every kind asked where the best writes some
    (`_names_as_much`: the minutes' row naming who and by when over the rules' date, s29
    trial). A best `pointing` at the value of what the question asks of (`pointed_target`:
    the café's "… aux mêmes horaires que le musée" for the museum's hours) gives its place to
    a holder writing a question's word however far below it that one is rated. None when the
    question asks no such kind, the best writes one of each, or none qualifies: a price list's
    row for "Prix de la Prise Duo", not the delivery cost of the terms of sale whose "Prices
    are shown in euros" led (s25 trial). A table row leading for a rate it does not write (spared by
    `value_weights`) still gives its place: the accounts' yearly "| Location gymnase | 3600 |"
    to the invoice's hourly rate for "Combien coûte l'heure de location du gymnase ?" (s29
    trial a26)."""
    if not written or not len(scores):
        return None
    held = [sum(kinds) for kinds in zip(*written.values(), strict=True)]
    lead = max(range(len(scores)), key=lambda number: scores[number])
    if held[lead] == len(written):
        return None
    holders = [number for number, count in enumerate(held) if count > held[lead]]
    covers = {number: cover(number) for number in holders}
    most = max(covers.values(), default=0.0)
    close = LEAD_SHARE * scores[lead]
    about = about_words if about_words is not None else asked_words
    kept = [
        number
        for number in holders
        if covers[number] >= most
        and (
            scores[number] >= close
            or (pointing and asked_words is not None and asked_words[number] > 0)
            or _names_as_much(number, lead, held, len(written), asked_words)
            or (
                (about is None or about[number] > 0 or not _about(written))
                and _covers_as_much(number, lead, documents, covers, cover, _whole(written))
            )
        )
    ]
    return max(kept, key=lambda number: scores[number], default=None)


def pointed_target(text: str) -> str | None:
    """What `text` says its value is the same as (asked_values.json `pointers`: "le musée" of
    "… aux mêmes horaires que le musée", "the same price as …", "identiques aux …"), folded:
    the text after the pointer; None when it points at no other value."""
    folded = fold(text)
    found = _pointers().search(folded)
    return None if found is None else folded[found.end() :]


@cache
def _pointers() -> re.Pattern[str]:
    """asked_values.json's `pointers`, one pattern."""
    return re.compile("|".join(data_json("asked_values.json")["pointers"]))


def _whole(written: Written) -> bool:
    """Whether every kind `written` reads is one a document writes once (`whole_document`)."""
    return all(_kinds()[kind].whole_document for kind in written)


def _about(written: Written) -> bool:
    """Whether a kind `written` reads is one a value is `about` (asked_values.json)."""
    return any(_kinds()[kind].about for kind in written)


def _names_as_much(
    number: int, lead: int, held: Sequence[int], kinds: int, asked_words: Sequence[int] | None
) -> bool:
    """Whether candidate `number`, rated below LEAD_SHARE of the best (`lead`), may still take
    its place: it writes a value of every kind asked (`held`: how many each writes, of
    `kinds`) while the best writes some but not all, and as many of the question's words
    (`asked_words`; None: not read) as the best, one at least: the minutes' row "Relancer les
    familles … | Claire Martin | 31 octobre 2025" over the rules' "… réglée avant le 31
    octobre" for "Qui doit relancer les cotisations impayées et avant quand ?" (s29 trial)."""
    if asked_words is None or not held[lead]:
        return False
    return held[number] == kinds and asked_words[number] >= max(1, asked_words[lead])


def _unasked_weights(
    writes: Sequence[bool], documents: Sequence[str], asked_words: Sequence[int]
) -> np.ndarray:
    """UNASKED_VALUE_WEIGHT for each candidate writing the asked value (`writes`) but none of
    the question's words (`asked_words`) when another of its document writing one writes some,
    else 1 (s28 trial: "Solde de 315 € …" at .23 over "Coût par élève : 465 €" at .12 for
    "Combien coûte le voyage à Londres ?")."""
    naming = {
        doc
        for doc, held, words in zip(documents, writes, asked_words, strict=True)
        if held and words
    }
    return np.array(
        [
            UNASKED_VALUE_WEIGHT if held and not words and doc in naming else 1.0
            for doc, held, words in zip(documents, writes, asked_words, strict=True)
        ]
    )


def _covers_as_much(
    number: int,
    lead: int,
    documents: Sequence[str],
    covers: dict[int, float],
    cover: Callable[[int], float],
    whole: bool = False,
) -> bool:
    """Whether candidate `number`, rated below LEAD_SHARE of the best (`lead`), may still take
    its place: one of the best's document whose passage covers the question at least as well
    as the best's (an invoice's total under its title line), or any passage of it when the
    asked kinds are ones a document writes once (`whole`: a recipe's oven temperature). A
    report's "Testing tools … cost 4 200 €" in another section never replaces "The team spent
    340 hours on testing" (review E)."""
    return documents[number] == documents[lead] and (whole or covers[number] >= cover(lead))
