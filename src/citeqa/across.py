"""Whether a question none of whose words the documents use is still close, in meaning, to a
passage in the other language: the multilingual channel's reading across languages.

A follow-up "And how much is the cash float?" after French questions shares none of its new
words with a note on the "fond de caisse", nor "Where is the nanny's number?" any word with a
French list of numbers ("nounou"): lexically the documents never mention them, yet the
multilingual channel (one space for English and French) puts the note first. Such a
question is not refused before the answer models read it (abstention.before_search): they decide,
as for any question. A passage counts when the channel scores it at least MIN_CLOSENESS and above
every passage in the question's own language (an off-topic question, "What is the capital of
Australia?", is about as far from any passage in either language). Only a channel that places
both languages in one space is read (derived_terms.is_multilingual); no word list is involved.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from citeqa.models import Hit

MIN_CLOSENESS = 0.35
"""The multilingual channel's cosine a passage in the other language needs with the question
(USE's, as the answer channel; the cosine session 12 asked of an answer read through translated
words). On the session-16 user trial, the follow-up the word check refused but a French note
answers scores .46 with it (read with the previous question); the off-topic question it
refused, .11 (.16 in its own language). Of the bundled off-topic set's 200 questions, the 28
the word check refuses reach at most .29 in the other language (the next, .27)."""


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
