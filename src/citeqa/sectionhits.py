"""A section the question asks by its number reaches the passages read: the rule that brings it
up from below the cut, as keyedrows.py brings up a looked-up table row.

A question naming a section's number ("Que dit l'article 9 du bail ?", or the follow-up "et
l'article 9 ?" after one on article 7) is answered among the sentences standing under that
number (numbered_sections.standing_under, section_answers.under_asked_section), but only among the
passages read: the passages that write the question's words more often outrank the section
itself, and "et l'article 9 ?" quoted article 4, which refers to article 9 (trial s17).

The rule: when no passage among the first `count` holds a sentence standing under a number the
question asks of its document as a section for certain (numbered_sections.asked_sections with
`cued_only`: after a cue word, "l'article 9", or the name the document goes by, "Helix 2.9";
or a release's number of three parts asked a value of, "When was 2.0.0 released?":
numbered_heading_values.asked_section_numbers; a number asked without one, "the rate 3.4?",
only reorders the candidates, as numbered_sections.unheld_section says), the best-ranked passage
beyond them (within the reranked depth) that does, of the first passage's document when one
is (the lease's article 9, not the terms of sale's), takes the last of the `count` places; the
passage there drops out. When the passages holding it are of several documents and the
question names some of them (document_names.py: "l'article 7 des CGV"), only those of the
named ones count, kept or beyond. Its score is its own, lower than every one above it, so the list
stays in score order, and the first passage never moves (with `count` 1 nothing is brought
up). Nothing is read for a question asking no number.
"""

from __future__ import annotations

from citeqa.document_names import named_among
from citeqa.models import Hit
from citeqa.numbered_heading_values import numbers_of_document
from citeqa.numbered_sections import Asked, asked_numbers, sections_asked, stands_under
from citeqa.sentences import SentenceBank

__all__ = ["with_asked_section"]


def with_asked_section(hits: list[Hit], count: int, bank: SentenceBank, question: str) -> list[Hit]:
    """The first `count` of `hits` (reranked, best first), the last of them replaced by the
    best passage beyond that holds a section `question` asks by its number (of the first
    passage's document when one is) when none of the first does."""
    kept = hits[:count]
    asked = asked_numbers(question) if count >= 2 and len(hits) > count else []
    if not asked:
        return kept
    sections = _SectionsAsked(asked, bank, question)
    holding = [hit for hit in hits if _holds_asked(hit, bank, sections)]
    named = _named_holding(holding, bank, question)
    if named:
        holding = [hit for hit in holding if hit.chunk.doc_id in named]
    if any(hit in kept for hit in holding):
        return kept
    beyond = [hit for hit in holding if hit not in kept]
    closest = [hit for hit in beyond if hit.chunk.doc_id == kept[0].chunk.doc_id]
    below = (closest or beyond)[:1]
    return [*kept[:-1], *below] if below else kept


def _named_holding(holding: list[Hit], bank: SentenceBank, question: str) -> set[str]:
    """The documents of the passages `holding` an asked section that the question names
    (document_names.named_among: "l'article 7 des CGV" of the terms of sale, not of the house
    rules)."""
    doc_ids = dict.fromkeys(hit.chunk.doc_id for hit in holding)
    return named_among(question, (bank.documents[doc_id] for doc_id in doc_ids))


class _SectionsAsked:
    """The numbers a question (its `asked_numbers`) asks as sections of each document for
    certain (numbered_sections.asked_sections' `cued_only`), and those it names as sections
    when asking a value of them (numbered_heading_values.numbers_of_document, "When was 2.0.0
    released?": "Harbor 2.0.0" only of the document named like Harbor), read once a document."""

    def __init__(self, asked: list[Asked], bank: SentenceBank, question: str) -> None:
        self._asked, self._bank, self._question = asked, bank, question
        self._by_doc: dict[str, list[str]] = {}

    def of(self, doc_id: str) -> list[str]:
        if doc_id not in self._by_doc:
            document = self._bank.documents[doc_id]
            numbers = sections_asked(self._asked, document, cued_only=True)
            valued = numbers_of_document(self._question, document)
            self._by_doc[doc_id] = list(dict.fromkeys([*numbers, *valued]))
        return self._by_doc[doc_id]


def _holds_asked(hit: Hit, bank: SentenceBank, sections: _SectionsAsked) -> bool:
    """Whether a sentence of the passage stands under a number the question asks as a section
    of its document for certain (`_SectionsAsked`; numbered_sections.stands_under)."""
    numbers = sections.of(hit.chunk.doc_id)
    if not numbers:
        return False
    document = bank.documents[hit.chunk.doc_id]
    return any(
        stands_under(document, hit.chunk, bank.sentences[n].start, bank.text(n), number)
        for n in bank.in_chunk(hit.chunk)
        for number in numbers
    )
