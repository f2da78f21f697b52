"""Whether a question none of whose words the documents use is still close, in meaning, to a
passage in the other language: the multilingual channel's reading across languages.

"Quel est le numéro de la baby-sitter ?" on an English note ("Babysitter Inès: 07 98 …") shares
no word with it, and a follow-up "And how much is the cash float?" after French questions none
of the new words of a note on the "fond de caisse": lexically the documents never mention them,
yet the multilingual channel (one space for English and French) puts the note first. Such a
question is not refused before the answer models read it (abstention.before_search): they decide,
as for any question. A passage counts when the channel scores it at least MIN_CLOSENESS and above
every passage in the question's own language (an off-topic question, "What is the capital of
Australia?", is about as far from any passage in either language). Only a channel that places
both languages in one space is read (derived_terms.is_multilingual); no word list is involved.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from citeqa.models import Hit

MIN_CLOSENESS = 0.3
"""The multilingual channel's cosine a passage in the other language needs with the question.
On the session-16 user trial, the two questions the word check refused but a note in the other
language answers score .33 and .46 with it; the off-topic one it refused, .11 (its closest
passage in its own language: .16)."""


def close_in_other_language(hits: Sequence[Hit], lang: str, channel: str | None) -> bool:
    """Whether one of `hits` in another language than `lang` scores at least MIN_CLOSENESS in
    the multilingual `channel` (None: no such channel, so never) and above all of `hits` in
    `lang`."""
    if channel is None:
        return False
    other = _best(hits, channel, lambda passage_lang: passage_lang != lang)
    same = _best(hits, channel, lambda passage_lang: passage_lang == lang)
    return other >= MIN_CLOSENESS and other > same


def _best(hits: Sequence[Hit], channel: str, keeps: Callable[[str], bool]) -> float:
    """The highest score in `channel` among `hits` whose passage language `keeps` accepts."""
    return max(
        (hit.channel_scores.get(channel, 0.0) for hit in hits if keeps(hit.chunk.lang)),
        default=0.0,
    )
