"""An abstention for words the documents never use offers their spelling in the documents when
the question misspells them ("Did you mean “default”?"), never for code, names or numbers, and
without changing what is searched (found by the session-16 user trial: "Wat is teh defualt
timout of lumen sesions?" abstained naming “Wat”, “teh”, “defualt” and nothing else)."""

from __future__ import annotations

from citeqa.abstention import before_search, not_answered
from citeqa.lexical import tokenize
from citeqa.questions import QuestionTerms, Vocabulary, analyse, word_alternatives

MANUAL = [
    "The default session timeout is 1800 seconds.",
    "Sessions expire after the timeout; the cache keeps them a day.",
    "La durée de session est de 30 minutes par défaut.",
]


def vocabulary(texts: list[str]) -> Vocabulary:
    frequency: dict[str, int] = {}
    for text in texts:
        for token in set(tokenize(text, "en")) | set(tokenize(text, "fr")):
            frequency[token] = frequency.get(token, 0) + 1
    return Vocabulary(texts, frequency, len(texts))


def asked(question: str, texts: list[str] = MANUAL) -> QuestionTerms:
    return analyse(question, None, vocabulary(texts))


def test_misspelt_words_are_offered_their_spelling_in_the_documents() -> None:
    terms = asked("Wat is teh defualt timout of lumen sesions?")
    reason = not_answered(terms, "en")
    assert reason.startswith("The documents do not appear to answer this question: they never")
    assert reason.endswith("Did you mean “default”, “timeout”, “sessions”?")


def test_a_question_whose_words_are_all_misspelt_is_offered_them_too() -> None:
    reason = before_search(asked("defualt timout?"), "en")
    assert reason == (
        "No word of the question occurs in the documents. Did you mean “default”, “timeout”?"
    )


def test_nothing_is_offered_when_no_corpus_word_is_close() -> None:
    terms = asked("What is the capital of Peru?")
    assert terms.typos == {}
    assert "Did you mean" not in (before_search(terms, "en") or "")
    assert not_answered(terms, "en").endswith("they never mention “capital”, “Peru”.")


def test_a_french_question_is_offered_them_in_french() -> None:
    reason = not_answered(asked("Quelle est la durée de sesion ?"), "fr")
    assert reason.endswith("ne mentionnent jamais “sesion”. Vouliez-vous dire “session” ?")


def test_a_word_two_edits_away_is_offered_but_never_searched() -> None:
    """The word "sesions" is two letters from "session" (one added, one dropped): too far to
    search for, near enough to ask."""
    terms = asked("How long do sesions last?", MANUAL[2:])
    assert terms.typos == {"sesions": "session"}
    assert terms.corrections == []
    assert not any(alternatives & word_alternatives("session") for alternatives, _ in terms.terms)
    assert not_answered(terms, "en").endswith("Did you mean “session”?")
    unlike = asked("How long do sesions last?", ["A serious fault."])
    assert unlike.typos == {}  # two changed letters: "serious" is not offered
    shorter = asked("What is the timout of lumen?", ["Tout est là.", "La longueur len."])
    assert shorter.typos == {}  # two letters dropped: not "tout", not "len"
    assert asked("Where is the bread?", ["A broad road."]).typos == {}  # a changed letter


def test_a_word_searched_as_a_typo_of_an_unlike_word_is_offered_nothing() -> None:
    """The word "calories" is searched as "carries" too (two edits, `Vocabulary.correction`),
    but two letters changed and one dropped are not offered as its spelling."""
    terms = asked("How many calories?", ["It carries water."])
    assert terms.corrections == ["carries"]
    assert terms.typos == {}
    assert "Did you mean" not in not_answered(terms, "en")


def test_code_identifiers_get_no_spelling() -> None:
    """A word of a name written as code is spelt as the code spells it: "config.timout" or
    "--timout" may well be what the program calls it."""
    for question in ("What is config.timout for?", "What does --timout do?"):
        terms = asked(question)
        assert "timout" in terms.absent
        assert "Did you mean" not in not_answered(terms, "en")
    assert not_answered(asked("What does the timout do?"), "en").endswith("“timeout”?")


def test_names_the_question_capitalises_get_no_spelling() -> None:
    """Only the first word's capital is the sentence's: "Sesions" elsewhere is a name."""
    assert "Did you mean" not in not_answered(asked("Who is Sesions Defualt?"), "en")
    assert not_answered(asked("Defualt timeout?"), "en").endswith("Did you mean “default”?")
