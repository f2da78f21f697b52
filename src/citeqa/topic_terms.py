"""What a question asks beyond its document's subject: its topic terms and its specific terms.

A question about a document names the document's subject ("the Eiffel Tower") and what it
wants to know about it ("which year", "how tall"). The subject's words are rare in
the corpus, so they weigh heavily in IDF-weighted coverage, yet every passage of that document
holds them: a passage of the right document that does not hold the answer (a near miss) covers
them as well as the answering one does. `present_terms` are the question's terms the corpus
uses; `specific_terms` leaves out those that are the best document's topic terms (in its title,
or in many of its sentences); `covered` says how much of a list of terms' weight a passage
holds (question_evidence reads it of the specific terms and the best passage).
Computed from what the pipeline has at ask time (the hits, the sentence bank's tokens, the
question's IDF weights); no corpus knowledge.
"""

from __future__ import annotations

import bisect
import functools

from citeqa.lexical import query_tokens
from citeqa.models import Hit
from citeqa.questions import QuestionTerms
from citeqa.sentences import SentenceBank

TOPIC_SHARE = 0.2
"""A term in at least this share of the best document's sentences (read around the best
passage) is one of the document's topic terms."""
TOPIC_MIN_SENTENCES = 2
"""... and in at least this many of them (a short document's every word is not its topic)."""
DOCUMENT_WINDOW = 120
"""At most this many of the best document's sentences are read, centred on the best passage:
enough to see its subject, bounded for a long document (the tokens are computed on demand)."""
TITLE_CACHE = 4096
"""Document titles whose tokens are kept."""

Terms = list[tuple[frozenset[str], float]]


def present_terms(terms: QuestionTerms) -> Terms:
    """The question's own terms the corpus uses (weighing less than a term it never uses),
    each with its IDF weight."""
    unseen = terms.unseen_weight or 1.0
    return [(alts, weight) for alts, weight in terms.own_terms if weight < unseen]


def specific_terms(present: Terms, bank: SentenceBank, hits: list[Hit]) -> Terms:
    """Those of the `present` terms (present_terms) that are not the best document's topic
    terms, each with its IDF weight."""
    if not hits or not present:
        return present
    chunk = hits[0].chunk
    heading = _title_tokens(bank.documents[chunk.doc_id].title or "")
    sentences = [bank.tokens[n] for n in _around(bank, chunk.doc_id, chunk.start)]
    needed = max(TOPIC_MIN_SENTENCES, TOPIC_SHARE * len(sentences))

    def topic(alternatives: frozenset[str]) -> bool:
        if alternatives & heading:
            return True
        return sum(1 for tokens in sentences if alternatives & tokens) >= needed

    return [(alts, weight) for alts, weight in present if not topic(alts)]


@functools.lru_cache(maxsize=TITLE_CACHE)
def _title_tokens(title: str) -> frozenset[str]:
    """A document title's tokens, stemmed in English and in French as a question's are
    (lexical.query_tokens; kept: a corpus's best documents recur from question to question)."""
    return frozenset(query_tokens(title))


def _around(bank: SentenceBank, doc_id: str, start: int) -> list[int]:
    """Up to DOCUMENT_WINDOW sentence numbers of the document, centred on offset `start`."""
    numbers, starts = bank.sentences.in_document(doc_id)
    if len(numbers) <= DOCUMENT_WINDOW:
        return list(numbers)
    middle = bisect.bisect_left(starts, start)
    first = min(max(0, middle - DOCUMENT_WINDOW // 2), len(numbers) - DOCUMENT_WINDOW)
    return list(numbers[first : first + DOCUMENT_WINDOW])


def covered(terms: Terms, tokens: frozenset[str]) -> float:
    """The share of these terms' weight that `tokens` hold (`isdisjoint`, no intersection
    made: an acronym's Alternatives reads its rule in both)."""
    total = sum(weight for _, weight in terms)
    return (
        sum(weight for alts, weight in terms if not alts.isdisjoint(tokens)) / total
        if total
        else 0.0
    )
