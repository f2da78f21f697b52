"""Owns reading a few documents whole after the passages retrieved: the other passages of each
document a question asks about as a whole (an asked meeting's notes: dated_meetings; an asked
version's pages: version_documents), in their order, up to a budget of characters, each scored
as its document's least retrieved passage. No I/O: the passages are the bank's."""

from __future__ import annotations

from collections.abc import Iterable

from citeqa.models import Hit
from citeqa.sentences import SentenceBank


def least_scores(top: list[Hit]) -> dict[str, float]:
    """Each document of `top` (in the order its first passage comes) and the least score of
    its passages retrieved."""
    least: dict[str, float] = {}
    for hit in top:
        least[hit.chunk.doc_id] = min(hit.score, least.get(hit.chunk.doc_id, hit.score))
    return least


def with_documents_read(
    top: list[Hit], bank: SentenceBank, doc_ids: Iterable[str], least: dict[str, float], budget: int
) -> list[Hit]:
    """The passages `top`, and after them the other passages of the documents `doc_ids` (of
    `top`), in their order, scored `least[doc_id]`, until `budget` characters of them (the
    passages retrieved counted) are spent."""
    held = {hit.chunk_index for hit in top}
    added: list[Hit] = []
    for doc_id in doc_ids:
        for number in bank.chunks_of(doc_id):
            chunk = bank.chunks[number]
            budget -= len(chunk.text)
            if budget < 0:
                return [*top, *added]
            if number not in held:
                added.append(Hit(chunk=chunk, chunk_index=number, score=least[doc_id]))
    return [*top, *added]
