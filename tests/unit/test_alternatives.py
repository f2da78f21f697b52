"""An acronym's spelt-out form counts only whole (alternatives.py), through `&` with the
Alternatives on either side of a frozenset, its isdisjoint and intersection, and `|` keeps the
phrases; a plain `set` on the left of `&` or of isdisjoint reads the tokens one by one."""

from __future__ import annotations

from citeqa.alternatives import Alternatives

NDA = Alternatives({"nda"}, [(frozenset({"non", "disclosur"}), frozenset({"agreement"}))])


def test_a_phrase_counts_only_whole_through_and_on_either_side() -> None:
    alone = frozenset({"agreement", "servic"})
    assert NDA & alone == frozenset()
    assert alone & NDA == frozenset()  # frozenset.__and__ gives way to the subclass's
    whole = frozenset({"non", "agreement"})
    assert NDA & whole == whole and whole & NDA == whole
    assert (NDA | {"pact"}) & frozenset({"pact", "agreement"}) == frozenset({"pact"})


def test_isdisjoint_and_intersection_follow_the_rule() -> None:
    """QuestionTerms.coverage asks `alternatives.isdisjoint(tokens)`: frozenset's own would read
    "agreement" as "NDA"; intersection (frozenset's own before this mend) as `&` does."""
    alone = frozenset({"agreement", "servic"})
    assert NDA.isdisjoint(alone) and NDA.isdisjoint(["agreement"])
    assert not NDA.isdisjoint({"non", "agreement"}) and not NDA.isdisjoint({"nda"})
    assert NDA.intersection(alone) == frozenset()
    assert NDA.intersection({"non", "agreement", "x"}, {"agreement"}) == {"agreement"}


def test_a_plain_set_on_the_left_reads_tokens_one_by_one() -> None:
    """What the rule does not cover, documented: set.__and__ takes any frozenset (Alternatives
    is none of set's subclasses, so its __rand__ is never asked), and a set's own isdisjoint
    reads its tokens. Coverage checks write the Alternatives first."""
    alone = {"agreement", "servic"}
    assert alone & NDA == {"agreement"}
    assert not alone.isdisjoint(NDA)
