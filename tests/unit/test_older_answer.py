"""When the current files' answer abstains, the answer an old copy's set-aside passages give
(api.Assistant._with_older_version), and the warning that nothing current answers."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from citeqa.api import Assistant, _Search
from citeqa.models import Answer, Chunk, Citation, Hit, Retrieval

IDS = ["Ecole/old/classe_v1", "Ecole/classe_v2_definitif", "Mails/assurance"]


def _hit(doc_id: str, rank: int) -> Hit:
    chunk = Chunk(chunk_id=f"{doc_id}-{rank}", doc_id=doc_id, start=0, end=1, text="x")
    return Hit(chunk=chunk, chunk_index=rank, score=1.0 - rank / 10)


def _old_copys_answer() -> Answer:
    quote = "Le coût pour les familles est de 180 €."
    citation = Citation(
        n=1, doc_id=IDS[0], title="classe", path=f"/d/{IDS[0]}.docx", start=0, end=len(quote),
        quote=quote, score=0.5,
    )  # fmt: skip
    return Answer(
        question="q", abstained=False, confidence=0.3, answer=quote, citations=[citation],
        passages=[], lang="fr",
    )  # fmt: skip


def _older_answer(evidence: list[str]) -> tuple[Answer, str | None]:
    from citeqa.versions import CorpusVersions

    versions = CorpusVersions.of(IDS, str)
    assert versions is not None
    helper: Any = SimpleNamespace(
        _loaded=SimpleNamespace(versions=versions), settings=SimpleNamespace(answer_passages=3)
    )
    read = Retrieval(
        question="q", query_lang="fr", hits=[_hit(d, n) for n, d in enumerate(evidence)]
    )
    unused = SimpleNamespace()  # neither the scores nor the search is read
    searched = _Search(read, unused, read, [_hit(IDS[0], 0)], unused)  # type: ignore[arg-type]
    refused = Answer(
        question="q", abstained=True, confidence=0.1, answer="", citations=[], passages=[],
        lang="fr",
    )  # fmt: skip
    return Assistant._with_older_version(helper, refused, searched, lambda *_: _old_copys_answer())


def test_an_old_copy_answers_with_a_warning_when_its_current_file_was_not_read() -> None:
    answer, note = _older_answer(["Mails/assurance"])
    assert answer.citations[0].doc_id == IDS[0]
    assert note is not None and "rien dans Ecole/classe_v2_definitif" in note


def test_an_old_copy_never_answers_alone_when_its_current_file_was_read() -> None:
    """Review C: the current letter's passage was read and the answer abstained; the old
    copy's 180 € was then quoted, "nothing in classe_decouverte_v2_definitif answers"."""
    answer, note = _older_answer(["Mails/assurance", "Ecole/classe_v2_definitif"])
    assert answer.abstained and note is None
