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

from citeqa.answer_location import Reading
from citeqa.quoting import quoted_lines
from citeqa.sentences import CONTEXT_SENTENCES, ScoredSentence


def mentions_new_words(item: ScoredSentence, reading: Reading) -> bool:
    """Whether the candidate's quote, with its heading and table header (`_shown`), mentions
    one of the follow-up's new words."""
    tokens = _shown(item, reading)
    return any(alternatives & tokens for _, alternatives in reading.terms.new_terms)


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
