"""across.close_in_other_language: a passage in the other language counts when the multilingual
channel puts it at MIN_CLOSENESS or closer and closer than every passage in the question's own
language; without such a channel, never."""

from __future__ import annotations

import pytest

from citeqa.across import MIN_CLOSENESS, close_in_other_language, in_channel
from citeqa.models import Chunk, Hit, Lang

CHANNEL = "use"


def hit(number: int, lang: Lang, score: float | None) -> Hit:
    """Passage `number` in `lang`, scored `score` in CHANNEL (None: that channel missed it)."""
    chunk = Chunk(
        chunk_id=f"d{number}#0", doc_id=f"d{number}", start=0, end=4, text="text", lang=lang
    )
    return Hit(
        chunk=chunk,
        chunk_index=number,
        score=1.0,
        channel_scores={} if score is None else {CHANNEL: score},
    )


@pytest.mark.parametrize(
    ("french", "close"), [(MIN_CLOSENESS, True), (MIN_CLOSENESS - 0.001, False)]
)
def test_a_passage_in_the_other_language_counts_from_the_bar(french: float, close: bool) -> None:
    hits = [hit(0, "en", 0.1), hit(1, "fr", french)]
    assert close_in_other_language(hits, "en", in_channel(CHANNEL)) is close


def test_a_closer_passage_in_the_question_s_own_language_keeps_the_word_check() -> None:
    hits = [hit(0, "fr", 0.5), hit(1, "en", 0.6)]
    assert not close_in_other_language(hits, "en", in_channel(CHANNEL))
    assert close_in_other_language(
        hits, "fr", in_channel(CHANNEL)
    )  # the same hits, asked in French


def test_without_a_multilingual_channel_nothing_is_close() -> None:
    assert not close_in_other_language([hit(0, "fr", 0.9)], "en", None)


def test_a_passage_the_channel_did_not_rank_is_not_close() -> None:
    assert not close_in_other_language([hit(0, "fr", None)], "en", in_channel(CHANNEL))


def test_the_closeness_given_is_the_one_read() -> None:
    hits = [hit(0, "fr", 0.9)]  # the search's score, read with the previous question
    assert not close_in_other_language(hits, "en", lambda hits: [0.1])  # the follow-up's own
