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

A follow-up is scored by its own words alone (`Closeness`, api): read with the previous
question, which the documents answer, almost any follow-up ("And the weather?") comes close to
the passage that answered it. On a folder in one language only, a question in the other has no
passage of its own language to be compared with: the bar alone decides there (measured on the
French PIAF corpus, evals/README "Session 17").
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

Closeness = Callable[[Sequence[Hit]], list[float]]
"""Each passage's cosine with the question in the multilingual channel."""


def in_channel(channel: str) -> Closeness:
    """The closeness the search found: each passage's score in `channel` (0 when that channel
    did not rank it), for a question searched as asked."""
    return lambda hits: [hit.channel_scores.get(channel, 0.0) for hit in hits]


def close_in_other_language(hits: Sequence[Hit], lang: str, closeness: Closeness | None) -> bool:
    """Whether one of `hits` in another language than `lang` is at least MIN_CLOSENESS to the
    question by `closeness` (None: no multilingual channel, so never) and closer than all of
    `hits` in `lang`."""
    if closeness is None:
        return False
    scored = list(zip(hits, closeness(hits), strict=True))
    other = max((score for hit, score in scored if hit.chunk.lang != lang), default=0.0)
    same = max((score for hit, score in scored if hit.chunk.lang == lang), default=0.0)
    return other >= MIN_CLOSENESS and other > same
