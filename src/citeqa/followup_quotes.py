"""What a follow-up's quote must mention: one of its own new words.

A follow-up is searched with the previous question ("Quelle est la capacité du réservoir ? Et
le poids ?"), whose words then outweigh its own: the sentence that answered before covers
most of the question as searched and was quoted again ("1,8 litre" for the weight). A user
asking about a new attribute expects a quote about it, so the candidates for the quote are the
sentences whose quote mentions, with its heading and a table row's header, one of the words
the follow-up adds to the previous question (QuestionTerms.new_terms); the previous quote is
kept only when it does. A quote is what a user reads: a slide's short "37,1 %" with the label
lines it takes in ("Placebo"), a full sentence alone ("Pendant les vacances, la piscine ouvre
de 10 h à 19 h." does not say when it opens on Saturdays because the sentence before does).
When no candidate mentions one, the models read every candidate as before (a value such as
"17 décembre 2024" answers "On what date…?" without the word "date"). When the documents never
use any of the new words, none can: the answer abstains naming them before the sentence
ranker runs (abstention.before_search).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from citeqa.answer_location import Reading
from citeqa.quoting import quoted_lines
from citeqa.sentences import CONTEXT_SENTENCES, ScoredSentence

_ORDINAL = re.compile(r"(\d{1,2})(?:e|er|re|ere|eme|ème|nd|rd|st|th)", re.IGNORECASE)
"""A follow-up's ordinal written in digits ("2e", "3rd"): which period it asks ("et au 2e ?")."""
_PERIOD = re.compile(r"[^\W\d_](\d{1,2})")
"""A token of one letter and a number, as a table's header labels a period ("t2", "q3", "s1")."""


def mentions_new_words(item: ScoredSentence, reading: Reading) -> bool:
    """Whether the candidate's quote, with its heading and table header (`_shown`), mentions
    one of the follow-up's new words, an ordinal in digits counting as the period of its
    number a token labels (`_PERIOD`: "T2" for "et au 2e ?": s28 trial, after "la moyenne de
    Léa Thomas au 1er trimestre", the grades row under "Moyenne T1 | Moyenne T2" mentioned
    no "2e" and another document's "2e trimestre" was quoted)."""
    header = reading.bank.table_header(item.index)
    periods = frozenset() if header is None else reading.bank.tokens[header]
    return writes_new_word(reading.terms.new_terms, _shown(item, reading), periods)


def writes_new_word(
    new_terms: Sequence[tuple[str, frozenset[str]]],
    tokens: frozenset[str],
    header: frozenset[str] = frozenset(),
) -> bool:
    """Whether `tokens` (what a quote shows) hold one of a follow-up's `new_terms` (each as
    typed, with its alternatives), or its table's `header` an ordinal in digits as the period
    of its number (`_PERIOD`; in a table's header only: a lease's "Appartement de type T2", a
    "niveau B2" or "API v2" label no period, s28 review G)."""
    if any(alternatives & tokens for _, alternatives in new_terms):
        return True
    ordinals = {found.group(1) for word, _ in new_terms if (found := _ORDINAL.fullmatch(word))}
    return bool(ordinals) and any(
        (period := _PERIOD.fullmatch(token)) is not None and period.group(1) in ordinals
        for token in header
    )


def _shown(item: ScoredSentence, reading: Reading) -> frozenset[str]:
    """The tokens of what a quote of the candidate shows (quoting.quoted_lines: a short line
    with the lines it takes in), its table header and its passage's heading."""
    number = item.passage_rank - 1
    bank, chunk = reading.bank, reading.hits[number].chunk
    start, end = quoted_lines(bank, item.index, chunk)
    header = bank.table_header(item.index)
    shown = [
        *bank.preceding(item.index, start, CONTEXT_SENTENCES),
        item.index,
        *bank.following(item.index, end),
        *([] if header is None else [header]),
    ]
    return reading.section_tokens_at(number).union(*(bank.tokens[n] for n in shown))
