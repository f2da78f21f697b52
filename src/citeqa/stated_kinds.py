"""Whether a sentence states a value of the kind a question asks for: a quantity for "how much",
"combien" (answer_features' "number"), a date for "when", "quand", a share for "what
percentage". Read by disagreement.py: a sentence stating no value of the asked kind cannot
state the asked thing otherwise (s35 trial: the chat's follow-up "et la Fondation ?", after
"Combien la Hartwell Trust nous a-t-elle accordé ?", quoted the budget's "45000" row, then
"Un autre document dit autre chose :" with a calendar line stating only a deadline,
"Rapport final FDN-2025-0147 à remettre (Fondation …): 2026-09-30").

A follow-up asking no kind of its own asks the kind of the question it is read with
(`asked_wants`: QuestionTerms.context). A quantity is a figure outside a date (dates.day_spans),
a year and a code mixing letters and digits ("FDN-2025-0147", "HT-24-312"): those hold digits
but count nothing. The date and share kinds are answer_features' patterns (language data), a
date's also a weekday or a time (asked_values' "day" shape: "when" is answered by them too).
"""

from __future__ import annotations

import re
from functools import cache

from citeqa.answer_features import Wants, holds_asked_value
from citeqa.asked_values import writes_kind
from citeqa.dates import day_spans
from citeqa.glossary import fold
from citeqa.jsonfiles import data_json
from citeqa.language import detect_lang
from citeqa.questions import QuestionTerms
from citeqa.stated_values import values
from citeqa.unheld_years import YEAR, asked_years, counted_number

CHECKED_KINDS = frozenset({"number", "date", "share"})
"""The kinds whose values a sentence is checked for: those a pattern finds (a person or a
place, any capitalised name, is not checked)."""
_CODE = re.compile(r"\b[^\W\d_]+(?:[-_/.][^\W_]*)*\d[^\W_]*(?:[-_/.][^\W_]+)*")
"""A code: letters, then digits after a separator or glued ("FDN-2025-0147", "HT-24-312",
"COVID-19", "v2"): an identifier, no quantity, unless its letters are a currency's glued to
a figure ("EUR45000", "CHF45000": `_glued_amount`)."""
_RUN = re.compile(r"[\w./-]+")
"""A run of the characters a code is written with: `_CODE` never spans two."""
_GLUED_AMOUNT = re.compile(r"([^\W\d_]+)[ \u00a0]?\d+(?:[.,]\d+)*")
_YEAR = re.compile(r"(?<![\d.,])\b(?:1[89]|20)\d\d\b(?![.,]?\d)")
"""A number of four digits that may be a year ("2025"): a date's, no quantity, unless
unheld_years.asked_years reads it as none (a currency or unit beside it: "1950 €", "£1950",
"2000 €", data year_cues.json; a range of years, "2024-2025", is none it reads)."""
_FIGURE = re.compile(r"\d")
_DAY_NUMBERS = re.compile(
    r"(?<![\w.,/€$£])(?:"
    r"(?:(?:[12]\d|3[01]|0[1-9])/(?:0?[1-9]|1[0-2])|0?[1-9]/(?:0[1-9]|1[0-2]))"
    r"|(?:0[1-9]|[12]\d|3[01])\.(?:0[1-9]|1[0-2])"
    r"|(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)|1er"
    r")(?![\w/]|[.,]\d)(?![ \u00a0]?(?:€|\$|£|%|eur\b|euros?\b|chf\b|usd\b|gbp\b))"
)
"""A day written in numbers without its year (dates.day_spans reads none): a day and month
("15/03", "15.03", the day's and month's ranges of dates.py) or a day's ordinal ("the 15th",
"le 1er"); not one beside a currency or "%" ("15.03 €"), nor a fraction "1/2" (one digit
each)."""


def asked_wants(terms: QuestionTerms) -> Wants:
    """The kinds of value the question asks for (answer_features.Wants), those of the previous
    question a follow-up is read with when it asks none of its own."""
    wants = Wants.of(terms.focus)
    if wants.kinds & CHECKED_KINDS or not terms.context:
        return wants
    return Wants.of(terms.context)


def states_asked_kind(text: str, wants: Wants) -> bool:
    """Whether `text` states a value of a kind `wants` asks for (True when it asks none of
    CHECKED_KINDS: nothing to check): a quantity (`states_quantity`) for a number or a share
    (the share kind's cue "taux" asks an hourly rate too: s31 trial, "Quel est le taux horaire
    actuel ?" lost the 2024 tariff's "48,00 €" row), a date's pattern, a weekday or a time for
    a date (answer_features.holds_asked_value, asked_values.writes_kind)."""
    asked = wants.kinds & CHECKED_KINDS
    if not asked:
        return True
    if asked & {"number", "share"} and states_quantity(text):
        return True  # a share is a figure too: "taux horaire" asks a share and an amount
    if "date" in asked and (writes_kind("day", text) or _DAY_NUMBERS.search(fold(text))):
        return True  # a weekday, a time or "le 15/03" answers "when" too ("18 h 30")
    others = Wants(wants.kinds - {"number"})
    return bool(others.kinds & CHECKED_KINDS) and holds_asked_value(others, text)


def states_quantity(text: str) -> bool:
    """Whether `text` writes a figure outside its dates (`_DAY_NUMBERS` too: "due 15/03"), years and
    codes (`_CODE`, `_YEAR`): a number of four digits beside a currency or unit is an amount ("The
    monthly rent is 1950 €" disagrees with "1850 €": s36 review), and so is one counting a plural
    noun (unheld_years.counted_number: "1850 élèves" disagrees with "1790 élèves": s37 probe). A
    number written in words is one too (stated_values.values, in the text's language: "quarante
    mille euros", "twelve percent"). Not quantities.writes_quantity, another notion of writing a
    quantity (each sets aside other dates, codes and words): merging the two would change what
    their callers read."""
    folded = fold(text)
    kept = list(folded)
    spans = [(start, end) for start, end, _ in day_spans(folded)]
    for start, end in [*spans, *(day.span() for day in _DAY_NUMBERS.finditer(folded))]:
        kept[start:end] = " " * (end - start)
    blanked = _RUN.sub(_codes_blanked, "".join(kept))
    read = {match.group(1) for match in YEAR.finditer(blanked)}  # "2024-2025" is none
    counts = {match.group(1) for match in YEAR.finditer(blanked) if counted_number(blanked, match)}
    amounts = (read - set(asked_years(blanked))) | counts
    blanked = _YEAR.sub(lambda year: year.group() if year.group() in amounts else " ", blanked)
    return _FIGURE.search(blanked) is not None or bool(values(blanked, detect_lang(text)))


def _codes_blanked(run: re.Match[str]) -> str:
    """`run` (`_RUN`) with its codes (`_CODE`) blanked (`_code_blanked`). A code needs a digit
    after its letters, so its start is looked for only up to the run's last digit: tried at
    every letter of a long run with none ("a-a-a-…"), the pattern took time quadratic in its
    length (s37 probe L1)."""
    text = run.group()
    last = next((at for at in range(len(text) - 1, -1, -1) if text[at].isdecimal()), -1)
    pieces, done = [], 0
    while (start := _CODE.search(text, done, last + 1)) is not None:
        code = _CODE.match(text, start.start())  # the same start, read past the last digit too
        if code is None:
            break
        pieces += [text[done : code.start()], _code_blanked(code)]
        done = code.end()
    return "".join(pieces) + text[done:]


def _code_blanked(code: re.Match[str]) -> str:
    """A code's match blanked, but a currency glued to a figure kept: an amount."""
    return code.group() if _glued_amount(code.group()) else " "


def _glued_amount(token: str) -> bool:
    """Whether `token` is a currency code or word glued to a figure ("eur45000"): data
    currencies.json."""
    glued = _GLUED_AMOUNT.fullmatch(token)
    return glued is not None and glued.group(1) in _currency_codes()


@cache
def _currency_codes() -> frozenset[str]:
    """The folded currency codes and words of currencies.json."""
    return frozenset(data_json("currencies.json")["codes"])
