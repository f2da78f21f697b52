"""Whether the answer of a question read again with its absent words translated into the other
language's passage words (api.Assistant._translated) replaces the answer it had as typed.

The translated reading counts each translated word as found, so it scores the sentences it
quotes higher than the reading as typed did, whatever it quotes: the same English sentence
quoted again came back surer ("Is the laundry room open during the elevator works?" of a
mostly French folder, .30 → .36, the quote saying nothing of the elevator), and so did near
misses. Its answer therefore stands only for what the translation brings: a quote writing
one of the translated words."""

from __future__ import annotations

from collections.abc import Iterable

from citeqa.models import Answer, Citation
from citeqa.passage_translation import chunk_word_forms


def replaces(read_across: Answer, as_typed: Answer, translated: Iterable[str]) -> bool:
    """Whether `read_across`, the answer of the question read with its absent words as the
    `translated` passage words (folded), replaces its answer `as_typed` (Assistant.
    _lacking_words): always when that one abstains (its refusal too, read across: "the
    passages are in French"); else only when it answers, surer, quoting other sentences, one
    of which writes a translated word (the question "Who teaches
    Spanish?" answered as typed from an English note on teaching with drama, read translated,
    quotes the timetable's "Espagnol"). An answer right as typed stays: the bundled q044 "why
    might lupus nephritis fail to respond …?", read with "pourrait" and "échouent", quoted a
    French note at a lower confidence."""
    if as_typed.abstained:
        return True
    return (
        not read_across.abstained
        and read_across.confidence > as_typed.confidence
        and _quoted(read_across) != _quoted(as_typed)
        and _writes_any(read_across.citations, set(translated))
    )


def _quoted(answer: Answer) -> frozenset[tuple[str, int, int]]:
    """The spans `answer` quotes: its citations' documents and characters."""
    return frozenset((c.doc_id, c.start, c.end) for c in answer.citations)


def _writes_any(citations: Iterable[Citation], words: set[str]) -> bool:
    """Whether a quote of `citations` writes one of the folded `words` (read as passage words
    are for a translation: passage_translation.chunk_word_forms)."""
    return any(
        folded in words for citation in citations for folded, _ in chunk_word_forms(citation.quote)
    )
