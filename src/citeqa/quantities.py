"""Which candidate sentences write a quantity, for a question asking how much or how many.

"How much did the Hartwell Trust award?" quoted a calendar's "Hartwell Trust - final report
due (HT-24-312): 2027-03-31" (s35 trial a19), "Combien avions-nous obtenu de la Fondation en
2023 ?" the application's "Référence : FDN-2023-0088." (a75) while the report's "Subvention
accordée par la Fondation : 30 000 euros." ranked third: the figures those lines write are a
date, a year, a code, none a quantity. A question asking a number (answer_features.Wants'
"number": how much, how many, combien, montant, nombre…; not a date, a duration nor a share,
which their own readers choose) whose best-rated candidate writes no quantity has it
replaced by the best-rated of the first QUANTITY_RANKS writing one that is rated at least
QUANTITY_SHARE of it (`quantity_holder`).

A quantity is a figure once dates (dates.day_spans, dates.NUMERIC_DATE), spans of years
(unheld_periods.SPAN: "2023-2024"), years alone (unheld_years.YEAR; not one a unit follows,
unheld_years.cued_number: "2000 personnes", "2040 mm"; nor one counting a plural noun after a
word that is no year's, unheld_years.counted_number: "le lycée compte 1850 élèves"), times of
day ("14:00", "9 h 30") and codes (a word of letters then figures: "HT-24-312",
"FDN-2025-0147", "LS1"; not a currency's "CHF1200") are set aside; an amount or a share
(asked_values' amount shape, "%") is one whatever it is beside; so is a number in words
(stated_values.py, number_words.json: "deux places") and a quantity in words
(quantity_cues.json quantity_words: "No accidents", "gratuit", "twice a year", "une
centaine"). A number naming a part or a place in a list
("Version 2.1", "Article 12", "2e étage") is none (quantity_cues.json numbered_before).
A question asking a price or an amount ("Combien coûte le buffet ?") is answered by an amount
only (`writes_amount`: a currency, a figure beside a price word, a price in words such as "sur
devis", "offerte", "included": quantity_cues.json amount_words, price_words), never by a
duration or a count; when no quote writes an amount, the question is refused (`unpriced`:
"How much does the SEM microscope cost per hour?" quoted a booking row of dates and times,
s46 trial c18; "How much does a replacement filter cost?" a filter's replacement interval,
s47 trial). A question asking how many of a thing ("How many bananas do I need?": a count cue,
rate_units.json count_cues, then the counted word) whose best candidate writes no figure of that
thing ("Makes one 900 g (2 lb) loaf.") has it replaced likewise by a near-best writing a figure
then, within COUNTED_REACH words, a word sharing the thing's stem ("- 3 very ripe bananas";
`counted_holder`; s48 trial c03), and the candidates writing none of it are weighed down
(answering). No word of any corpus. No I/O but the data files' reading,
once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import NamedTuple

from citeqa.answer_features import Wants
from citeqa.asked_values import asked_kinds, words_asked_of, writes_kind
from citeqa.dates import NUMERIC_DATE, day_spans
from citeqa.durations import DURATION_KINDS
from citeqa.glossary import fold, function_and_interrogative_words, language_words
from citeqa.jsonfiles import data_json
from citeqa.language import is_table_row
from citeqa.lexical import query_tokens
from citeqa.rate_units import count_cue_pattern
from citeqa.stated_values import folded_number_words, number_data, values
from citeqa.tables import line_cells
from citeqa.unheld_periods import SPAN
from citeqa.unheld_years import YEAR, counted_number, cued_number, unit_words
from citeqa.yes_no_replies import is_closed

__all__ = [
    "AMOUNT_RANKS",
    "COUNT_RANKS",
    "QUANTITY_RANKS",
    "QUANTITY_SHARE",
    "Uncounted",
    "asks_quantity",
    "content_stems",
    "counted_holder",
    "counted_row",
    "counted_word",
    "price_subject",
    "priced_answer",
    "quantity_holder",
    "uncounted",
    "writes_amount",
    "writes_counted",
    "writes_quantity",
]

QUANTITY_RANKS = 5
"""The first candidates (by the quote ranker) among which one writing a quantity may take the
place of a best one writing none: a near-best sentence, never a far one that only writes a
figure."""
QUANTITY_SHARE = 0.33
"""The least share of the best candidate's rating a candidate writing a quantity needs to take
its place."""
COUNTED_REACH = 3
"""The most words between a figure and the counted thing's word ("3 very ripe bananas")."""
COUNTED_ROW_RANKS = 12
"""The first candidates (by the quote ranker, headings among them) among which a table row
whose key cell names all the question asks (`counted_row`) takes the place of a best writing no
figure of the thing counted, however far below it is rated: a row's bare figures read to the
rankers as any figures do, while its key cell names the thing itself (s52 trial: "| Volunteers
| 640 | 575 |" stood ninth, rated .07 of "Volunteers must be at least 16 years old." for "How
many volunteers do we have?")."""
AMOUNT_RANKS = 10
"""The first candidates (by the quote ranker) among which one writing an amount and the thing
priced (`priced_answer`) answers a question asking an amount that no quote writes, as a time's
(asked_times.TIME_RANKS): the rankers read no amount's shape."""
COUNT_RANKS = 10
"""The first candidates (by the quote ranker) among which one writing a figure of the thing
counted (`writes_counted`) answers a question asking how many when no quote writes a quantity
(`uncounted`), however far below the first it is rated."""
COUNTED_SKIP = 2
"""The most function words between a count cue and the counted word ("how many of the
patients")."""
_ASKED = "number"
"""The kind of value (answer_features.ANSWER_KINDS) a question asking a quantity asks."""
_OTHER_KINDS = frozenset({"date", "share", *DURATION_KINDS})
"""Kinds whose own readers choose the value: a question asking one of them is left alone."""
_CODE = re.compile(r"(?<![\w])[^\W\d_]+[-_/.]?\d[\w./-]*")
"""A code or reference: letters, then figures ("ht-24-312", "fdn-2025-0147", "ls1", "t1")."""
_TIME = re.compile(r"(?<!\d)\d{1,2}\s?(?::|h)\s?\d{2}(?!\d)")
"""A time of day: "14:00", "9 h 30", "18h30"."""
_FIGURE = re.compile(r"\d")
_WORDS = re.compile(r"[^\W\d_]+")
"""A word of letters of a folded text, read against quantity_cues.json's quantity_words; also
a code's starting letters (`_unless_unit_code`)."""
UNIT_CODE_LETTERS = 3
"""The fewest letters of a currency or unit read against its figures ("chf1200", "eur1500"):
a shorter one ("t1", "m2") is a code's letters."""
_SHARE = re.compile(r"\d\s?%")
_BARE_NUMBER = re.compile(r"\d+(?:[ .,]\d+)*")
_LANGS = ("fr", "en")
"""The languages whose number words (stated_values.py: "vingt-quatre", "two") write a quantity."""


@cache
def _numbered() -> re.Pattern[str]:
    """A number naming a part or a place in a list: after a numbering word (quantity_cues.json:
    "version 2.1", "article 12", "n° 3") or with an ordinal ending (number_words.json: "2e",
    "3rd")."""
    words = sorted(data_json("quantity_cues.json")["numbered_before"], key=len, reverse=True)
    endings = {end for found in number_data()["ordinal_endings"].values() for end in found}
    before = "|".join(re.escape(word) for word in words)
    after = "|".join(re.escape(end) for end in sorted(endings, key=len, reverse=True))
    return re.compile(
        rf"(?<![\w])(?:{before})\s*[:#]?\s*\d+(?:[.,]\d+)*(?![\d])|(?<![\w.,])\d+(?:{after})(?![\w])"
    )


@cache
def _amount_cues() -> tuple[re.Pattern[str], frozenset[str]]:
    """The folded words and expressions giving a price in words (quantity_cues.json
    amount_words: "sur devis", "offerte", "on request") as one pattern, and the words naming a
    price (price_words: "coute", "prix", "fee")."""
    cues = data_json("quantity_cues.json")
    words = sorted(cues["amount_words"], key=len, reverse=True)
    pattern = re.compile(rf"(?<![\w])(?:{'|'.join(map(re.escape, words))})(?![\w])")
    return pattern, frozenset(cues["price_words"])


def writes_amount(text: str) -> bool:
    """Whether `text` writes an amount: a currency's (asked_values' amount shape: "450 €"), a
    figure beside a price word ("Le buffet coûte 450") or a price in words ("établi sur devis",
    "included in the city pass"). A duration or a count is none."""
    if writes_kind("amount", text):
        return True
    folded = fold(text)
    in_words, prices = _amount_cues()
    if in_words.search(folded) is not None:
        return True
    return not prices.isdisjoint(_WORDS.findall(folded)) and writes_quantity(text)


@cache
def _quantity_words() -> frozenset[str]:
    """The folded words giving a quantity in words (quantity_cues.json: "aucun", "free",
    "twice", "centaine")."""
    return frozenset(data_json("quantity_cues.json")["quantity_words"])


def asks_quantity(question: str) -> bool:
    """Whether `question` asks a number (answer_features.Wants) and no date, share or duration."""
    kinds = Wants.of(question).kinds
    return _ASKED in kinds and kinds.isdisjoint(_OTHER_KINDS)


def writes_quantity(text: str) -> bool:
    """Whether `text` writes a figure that is no date, year, time of day or code, or a number in
    words ("à vingt-quatre kilomètres", "deux places"); or an amount or a share. Not
    stated_kinds.states_quantity, another notion of writing a quantity (each sets aside other
    dates, codes and words): merging the two would change what their callers read."""
    if _SHARE.search(text) or writes_kind("amount", text):
        return True
    folded = fold(text)
    for start, end, _ in day_spans(folded):
        folded = folded[:start] + " " * (end - start) + folded[end:]
    for pattern in (NUMERIC_DATE, _TIME, _numbered()):
        folded = pattern.sub(" ", folded)
    folded = SPAN.sub(" ", _CODE.sub(_unless_unit_code, folded))
    folded = YEAR.sub(lambda found: found.group() if _no_year(folded, found) else " ", folded)
    if _FIGURE.search(folded) is not None or any(values(folded, lang) for lang in _LANGS):
        return True
    return not _quantity_words().isdisjoint(_WORDS.findall(folded))


def _no_year(folded: str, found: re.Match[str]) -> bool:
    """Whether the number of four digits `found` in `folded` is no year: a unit follows it
    (unheld_years.cued_number: "2000 personnes") or it counts a plural noun
    (unheld_years.counted_number: "le lycee compte 1850 eleves")."""
    return cued_number(folded, found) or counted_number(folded, found)


def _unless_unit_code(found: re.Match[str]) -> str:
    """A code's match set aside, unless its letters are a currency or unit of at least
    UNIT_CODE_LETTERS letters (year_cues.json units_after) written against its figures: "chf1200"
    is an amount."""
    letters = _WORDS.match(found.group())
    word = letters.group() if letters is not None else ""
    unit = len(word) >= UNIT_CODE_LETTERS and word in unit_words()
    return found.group() if unit else " "


def quantity_holder(
    question: str, texts: Sequence[str], ratings: Sequence[float], langs: Sequence[str]
) -> int | None:
    """The candidate (by its position in `texts`, rated `ratings`, written in `langs`) taking
    the place of the best-rated for `question`: when it asks a quantity (`asks_quantity`) and
    the best writes none, the best-rated of the first QUANTITY_RANKS by rating writing one, in
    the best's language and rated at least QUANTITY_SHARE of it; else None. A sentence in
    another language is another passage's answer (bundled test q071: a bilingual deck's English
    title gave its place to a French line of 2023), not the value the best leaves out. For a
    question asking an amount (asked_values' "amount" kind: "Combien coûte…", "price", "fee")
    only one writing an amount takes the place (`writes_amount`: "réserver 15 jours avant" gave
    none for "établi sur devis", s37 probe), and a best writing a price in words keeps it."""
    if not texts or not asks_quantity(question):
        return None
    order = sorted(range(len(texts)), key=lambda number: -ratings[number])
    lead = order[0]
    priced = "amount" in asked_kinds(question)
    holds = writes_amount if priced else writes_quantity
    if ratings[lead] <= 0 or writes_quantity(texts[lead]) or (priced and holds(texts[lead])):
        return None
    least = QUANTITY_SHARE * ratings[lead]
    return next(
        (
            number
            for number in order[1:QUANTITY_RANKS]
            if ratings[number] >= least and langs[number] == langs[lead] and holds(texts[number])
        ),
        None,
    )


def counted_holder(
    counted: frozenset[str],
    texts: Sequence[str],
    ratings: Sequence[float],
    langs: Sequence[str],
    asked: frozenset[str] = frozenset(),
) -> int | None:
    """The near-best candidate (by its position in `texts`, rated `ratings`, written in
    `langs`) writing a figure of the thing asked a count of (`counted`: its stems,
    `counted_word`; `writes_counted`) that takes the place of a best writing none of it: one
    of the first QUANTITY_RANKS by rating, in the best's language and rated at least
    QUANTITY_SHARE of it; else, given the stems of all the question's content words (`asked`,
    `content_stems`), the first of the first COUNTED_ROW_RANKS in the best's language that is
    a table row naming them all in its key cell (`counted_row`); None when the best writes
    one."""
    if not texts:
        return None
    order = sorted(range(len(texts)), key=lambda number: -ratings[number])
    lead = order[0]
    if ratings[lead] <= 0 or writes_counted(texts[lead], counted):
        return None
    least = QUANTITY_SHARE * ratings[lead]
    near = next(
        (
            number
            for number in order[1:QUANTITY_RANKS]
            if ratings[number] >= least
            and langs[number] == langs[lead]
            and writes_counted(texts[number], counted)
        ),
        None,
    )
    if near is not None or not asked or counted_row(texts[lead], asked):
        return near
    rows = order[1:COUNTED_ROW_RANKS]
    same = (number for number in rows if langs[number] == langs[lead])
    return next((number for number in same if counted_row(texts[number], asked)), None)


def counted_row(text: str, asked: frozenset[str]) -> bool:
    """Whether `text` is a table row whose first cell's content words have the stems `asked`
    (`content_stems`), all of them and no other, and whose other cells write a figure: the row
    counting what "How many volunteers do we have?" asks, `| Volunteers | 640 |`."""
    if not is_table_row(text):
        return False
    cells = [cell for cell in line_cells(text) if cell.strip()]
    if len(cells) < 2 or content_stems(cells[0]) != asked:
        return False
    return any(_DIGIT.search(cell) for cell in cells[1:])


def content_stems(text: str) -> frozenset[str]:
    """The stems (lexical.query_tokens) of the words of `text` that are no function or
    interrogative word ("how", "many", "combien"; a stopword has none): "How many households
    were served?" gives those of "households" and "served"."""
    common = function_and_interrogative_words()
    words = re.findall(r"[^\W\d_]+", fold(text))
    return frozenset(stem for word in words if word not in common for stem in query_tokens(word))


_DIGIT = re.compile(r"\d")


@cache
def _count_cue() -> re.Pattern[str]:
    """A count cue (rate_units.json count_cues: "how many", "combien de") then the words after
    it, on a folded question."""
    return re.compile(rf"(?<!\w)(?:{count_cue_pattern()})\s*(?P<after>[^\W\d_][\w'’ -]*)")


def counted_word(question: str) -> frozenset[str] | None:
    """The stems (lexical.query_tokens) of the word `question` asks a count of: the first after
    a count cue that is no function word, at most COUNTED_SKIP of those passed ("how many of the
    patients"); None when it writes no count cue."""
    found = _count_cue().search(fold(question))
    if found is None:
        return None
    common = function_and_interrogative_words()
    for word in re.findall(r"[^\W\d_]+", found.group("after"))[: COUNTED_SKIP + 1]:
        stems = frozenset(() if word in common else query_tokens(word))  # "the": a stopword
        if stems:
            return stems
    return None


class Uncounted(NamedTuple):
    """The thing a question asks a count of, which no quote writes a quantity of."""

    word: str
    """As the question writes it ("voies"), for the reason."""
    stems: frozenset[str]
    """Its stems (`counted_word`), for a candidate writing a figure of it (`writes_counted`)."""


def uncounted(question: str, quotes: Sequence[str]) -> Uncounted | None:
    """The thing `question` asks a count of (`counted_word`: "voies" of "Combien de voies compte
    la salle ?"), when it asks a number (`asks_quantity`: no duration, date or share; not a
    cause's "What lowered the number of those complications?", bundled test), is no yes/no
    question and none of `quotes` writes a quantity (`writes_quantity`: a figure that is no
    date, year, time or code, a number or a quantity in words): they answer something else (s53
    trial: the safety rule "Il est interdit de grimper seul sur le mur de voies." quoted at .37
    for a climbing hall's number of routes, which no document gives); else None."""
    stems = counted_word(question)
    if stems is None or is_closed(fold(question)) or not asks_quantity(question):
        return None
    if any(writes_quantity(quote) for quote in quotes):
        return None
    words = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", question)  # "enfants" of "d'enfants"
    word = next((word for word in words if stems & set(query_tokens(fold(word)))), None)
    return None if word is None else Uncounted(word, stems)


def writes_counted(text: str, counted: frozenset[str]) -> bool:
    """Whether `text` writes a figure (digits or a number word) followed, within COUNTED_REACH
    words, by a word of one of the `counted` stems ("3 very ripe bananas")."""
    words = re.findall(r"\w+", fold(text))
    figures = folded_number_words()
    for number, word in enumerate(words):
        if word.isdigit() or word in figures:
            after = words[number + 1 : number + 1 + COUNTED_REACH]
            if any(counted & set(query_tokens(other)) for other in after):
                return True
    return False


def unpriced(question: str, quotes: Sequence[str], unheard: bool = False) -> bool:
    """Whether `question` asks how much something costs (`asks_quantity`: "how much",
    "combien", and asked_values' "amount" kind: "How much does X cost?", "Combien coûte…"; or
    `asks_named_price`: "What is the price of a ticket?", "Quel est le budget…"; not
    "Quel chef d'entreprise est payé plus que X ?", nor the "prix" of "le grand prix de
    Suisse": PIAF dev), or, `unheard` (it writes a word the documents never use, no likely
    typo), names a price (quantity_cues.json price_words: "What are the tuition fees for
    international students?" of a handbook never writing "tuition": s47 trial b17 quoted a
    module's "international climate agreements"; not a verb's "Quelle espèce dépense peu
    d'énergie…": PIAF test), is no yes/no question ("Is the cost
    covered?" is answered by a sentence with no figure), and none of `quotes` writes an
    amount, in figures or in words (`writes_amount`: "free", "sur devis"; a duration or a count
    is none): they answer something else (s46 trial c18: a booking row of dates and times; s47
    trial: "Replace the HEPA filter every 6 to 8 months" for a filter's price). A percentage
    answers a question naming no money (`_names_money`): "How much do late problem sets lose?"
    of "Late problem sets lose 10% per day" (s59 trial)."""
    if "amount" not in asked_kinds(question):
        return False
    if not (
        asks_quantity(question)
        or asks_named_price(question)
        or (unheard and _names_price(question))
    ):
        return False
    if is_closed(fold(question)):
        return False
    if not _names_money(question) and any(_SHARE.search(quote) for quote in quotes):
        return False
    return not any(_writes_figure(piece) for quote in quotes for piece in _pieces(quote))


def _names_money(question: str) -> bool:
    """Whether the folded `question` writes a word naming a price (quantity_cues.json
    price_words) or money, paying it or a thing's worth (money_words: "paid", "budget",
    "deposit", "worth")."""
    return not _money_naming_words().isdisjoint(_WORDS.findall(fold(question)))


@cache
def _money_naming_words() -> frozenset[str]:
    """quantity_cues.json's price_words and money_words, joined once."""
    return _amount_cues()[1] | frozenset(data_json("quantity_cues.json")["money_words"])


def price_subject(question: str) -> frozenset[str]:
    """The folded content words of a question asking an amount that name what is priced: not
    its cues' ("coûte", "price", "paie": asked_values.json's amount kind) nor its interrogatives
    ("combien"); none for a question asking no amount."""
    return words_asked_of("amount", question) - language_words("interrogatives")


def priced_answer(subject: frozenset[str], text: str) -> bool:
    """Whether a candidate's `text` may answer a question asking an amount in place of quotes
    writing none (`unpriced`): it writes an amount (`_writes_figure`: a price, a price column's
    bare figure) and, as stems, every word naming what is priced (`subject`, `price_subject`;
    s53 trial: "Combien paie un invité ?" quoted the rule "L'invité paie une entrée à la séance
    et signe la décharge à l'accueil." and was refused, the price list's "| Entrée à la séance
    (invité) | 9 € |" being among the first candidates)."""
    if not subject:
        return False
    stems = set(query_tokens(text))
    if any(stems.isdisjoint(query_tokens(word)) for word in subject):
        return False
    return any(_writes_figure(piece) for piece in _pieces(text))


def asks_named_price(question: str) -> bool:
    """Whether `question` asks a price by naming it as what it asks (quantity_cues.json
    asked_price_forms: "Quel est le budget de la convention avec Caen ?", "What is the ticket
    price?"): without "how much" or "combien" it asks an amount all the same (s52 trial: the
    agreement's title line answered its budget)."""
    return any(form.search(fold(question)) for form in _price_forms())


@cache
def _price_forms() -> tuple[re.Pattern[str], ...]:
    """quantity_cues.json's asked_price_forms, their {price} and {total} filled in."""
    cues = data_json("quantity_cues.json")
    prices = "|".join(map(re.escape, sorted(cues["asked_prices"], key=len, reverse=True)))
    totals = "|".join(map(re.escape, cues["asked_price_totals"]))
    return tuple(
        re.compile(
            form.replace("{price}", f"(?:{prices})(?!\\w)").replace("{total}", f"(?:{totals})")
        )
        for form in cues["asked_price_forms"]
    )


def _names_price(question: str) -> bool:
    """Whether the folded `question` writes a word naming a price (quantity_cues.json
    price_words: "fees", "prix", "tarif")."""
    return not _amount_cues()[1].isdisjoint(_WORDS.findall(fold(question)))


def _pieces(quote: str) -> list[str]:
    """A quote's lines, a table row's cells each alone (a row writing any figure is an amount
    by its row shape, asked_values.json: "| SEM | C201 | 2024-10-09 |" writes none)."""
    pieces: list[str] = []
    for line in quote.splitlines() or [quote]:
        pieces += line_cells(line) if is_table_row(line) else [line]
    return pieces


def _writes_figure(piece: str) -> bool:
    """Whether a quote's line or a row's cell (`_pieces`) writes an amount (`writes_amount`: a
    duration or a count is none, "Replace the filter every 6 to 8 months" for "How much does
    a replacement filter cost?", s47 trial), or is a bare number (a price column's "1890")."""
    if _BARE_NUMBER.fullmatch(piece.strip()):
        return True
    return writes_amount(piece)
