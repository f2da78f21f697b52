"""Owns whether an earlier period's paper holds what a question asks that the latest paper of
its dated series never writes (superseded.earlier_periods pairs them; versions.py reads it).

An earlier period's paper is set aside while the latest answers (versions.py); but a question
asking what only the earlier one writes ("ma note en Statistique bayésienne", a course taken
last year only, s34 probe of the s33 trial) was then answered by another current document's
sentence (the course notes), the set-aside transcript read only when nothing else answers. A
question writing a term (lexical.about_terms: no number, stopword or short word) that an
earlier paper's text writes and its latest's does not reads that paper with the current ones;
its answer is said to be the earlier period's (versions.CorpusVersions.earlier_answer_note).
"""

from __future__ import annotations

from collections.abc import Callable

from citeqa.lexical import about_terms, written_terms


class LatestLacks:
    """The terms each paper's text writes (`written_terms`, read once a paper), and whether an
    earlier paper holds an asked term its latest paper lacks."""

    def __init__(self, text_of: Callable[[str], str]) -> None:
        self._text_of = text_of
        self._terms: dict[str, frozenset[str]] = {}

    def _written(self, doc_id: str) -> frozenset[str]:
        if doc_id not in self._terms:
            self._terms[doc_id] = written_terms(self._text_of(doc_id), False)
        return self._terms[doc_id]

    def holds_unheld(self, earlier: str, latest: str, asked: frozenset[str]) -> bool:
        """Whether `earlier`'s text writes one of the `asked` terms `latest`'s never writes."""
        held = asked & self._written(earlier)
        return bool(held) and not held <= self._written(latest)


def asked_terms(question: str) -> frozenset[str]:
    """The terms of `question` that say what it asks about (`about_terms`)."""
    return about_terms(written_terms(question, False))
