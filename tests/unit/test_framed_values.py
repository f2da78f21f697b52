"""framed_values.framed_holder: the candidate writing the value asked that its title or heading
makes about more of the question than the best."""

from __future__ import annotations

from citeqa.framed_values import Framed, framed_holder


def _holder(written: list[bool], framed: list[Framed], covers: list[float]) -> int | None:
    scores = [0.6, 0.3, 0.05]
    return framed_holder({"time": written}, scores, covers.__getitem__, framed.__getitem__)


def test_a_holder_framed_as_much_takes_the_place_of_a_best_without_the_value() -> None:
    framed = [Framed(3, 3, 3), Framed(1, 1, 3), Framed(3, 0, 3)]
    assert _holder([False, False, True], framed, [1.0, 1.0, 1.0]) == 2


def test_a_holder_framed_more_takes_the_place_of_a_best_with_the_value() -> None:
    framed = [Framed(1, 1, 2), Framed(1, 1, 2), Framed(2, 1, 2)]
    assert _holder([True, True, True], framed, [1.0, 1.0, 1.0]) == 2


def test_a_holder_writing_more_words_alone_is_the_rankers_to_rate() -> None:
    framed = [Framed(4, 2, 7), Framed(2, 0, 7), Framed(6, 5, 7)]
    assert _holder([True, True, True], framed, [1.0, 1.0, 1.0]) is None


def test_a_holder_in_a_passage_covering_less_stays_below() -> None:
    framed = [Framed(3, 3, 3), Framed(1, 1, 3), Framed(3, 0, 3)]
    assert _holder([False, False, True], framed, [1.0, 1.0, 0.5]) is None
