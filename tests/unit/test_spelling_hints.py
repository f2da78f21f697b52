"""An abstention for words the documents never use offers their spelling in the documents when
the question misspells them ("Did you mean “default”?"), never for code, names or numbers, and
without changing what is searched (found by the session-16 user trial: "Wat is teh defualt
timout of lumen sesions?" abstained naming “Wat”, “teh”, “defualt” and nothing else)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from citeqa.abstention import before_search, not_answered
from citeqa.lexical import tokenize
from citeqa.models import Lang
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


def closest(texts: list[str] = MANUAL) -> Callable[[], list[str]]:
    """The closest passages' texts, as the answer layer gives them (read when asked for)."""
    return lambda: texts


def reason_for(terms: QuestionTerms, lang: Lang = "en", texts: list[str] = MANUAL) -> str:
    return not_answered(terms, lang, closest=closest(texts)).text


def test_misspelt_words_are_offered_their_spelling_in_the_documents() -> None:
    terms = asked("Wat is teh defualt timout of lumen sesions?")
    reason = reason_for(terms)
    assert reason.startswith("The documents do not appear to answer this question: they never")
    assert reason.endswith("Did you mean “default”, “timeout”, “sessions”?")


def test_a_question_whose_words_are_all_misspelt_is_offered_them_too() -> None:
    refusal = before_search(asked("defualt timout?"), "en", closest=closest())
    assert refusal is not None and refusal.reason.text == (
        "No word of the question occurs in the documents. Did you mean “default”, “timeout”?"
    )


def test_nothing_is_offered_when_no_corpus_word_is_close() -> None:
    terms = asked("What is the capital of Peru?")
    assert terms.typos == {}
    refusal = before_search(terms, "en", closest=closest())
    assert refusal is not None and "Did you mean" not in refusal.reason.text
    assert reason_for(terms).endswith("they never mention “capital”, “Peru”.")


def test_a_french_question_is_offered_them_in_french() -> None:
    reason = reason_for(asked("Quelle est la durée de sesion ?"), "fr")
    assert reason.endswith("ne mentionnent jamais “sesion”. Vouliez-vous dire “session” ?")


def test_a_word_two_edits_away_is_offered_but_never_searched() -> None:
    """The word "sesions" is two letters from "session" (one added, one dropped): too far to
    search for, near enough to ask."""
    terms = asked("How long do sesions last?", MANUAL[2:])
    assert terms.typos == {"sesions": "session"}
    assert terms.corrections == []
    assert not any(alternatives & word_alternatives("session") for alternatives, _ in terms.terms)
    assert reason_for(terms).endswith("Did you mean “session”?")
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
    assert "Did you mean" not in reason_for(terms)


def test_code_identifiers_get_no_spelling() -> None:
    """A word of a name written as code is spelt as the code spells it: "config.timout" or
    "--timout" may well be what the program calls it."""
    for question in ("What is config.timout for?", "What does --timout do?"):
        terms = asked(question)
        assert "timout" in terms.absent
        assert "Did you mean" not in reason_for(terms)
    assert reason_for(asked("What does the timout do?")).endswith("“timeout”?")


@pytest.mark.parametrize(
    "question",
    [
        "What does timout() do?",
        "What is `timout`?",
        "Where is `the timout` set?",
        "Is cfg.timout() set?",
    ],
)
def test_words_between_backticks_or_called_get_no_spelling(question: str) -> None:
    """Review of s17-typos: the README said a word written as code is never offered a spelling,
    yet "What does timout() do?" and "What is `timout`?" were offered "timeout"."""
    terms = asked(question)
    assert "timout" in terms.absent
    assert "Did you mean" not in reason_for(terms)


def test_names_the_question_capitalises_get_no_spelling() -> None:
    """Only the first word's capital is the sentence's: "Sesions" elsewhere is a name."""
    assert "Did you mean" not in reason_for(asked("Who is Sesions Defualt?"))
    assert reason_for(asked("Defualt timeout?")).endswith("Did you mean “default”?")


# ---- session 17: only likely misspellings, as the documents spell them ----------------------

CLINIC = [
    "Tacrolimus levels are measured through the clinic's laboratory.",
    "La durée de rétention des sauvegardes est de 30 jours.",
    "Hier, la réunion a duré une heure.",
    "Rétention des journaux : voir la politique de rétention.",
]


def test_a_function_word_is_never_offered() -> None:
    """ "trough" is a real word the corpus lacks, one letter from "through": a function word,
    which no question asks for (BM25 never indexes it), is no likely spelling."""
    terms = asked("What tacrolimus trough level is targeted?", CLINIC)
    assert "trough" in terms.absent
    assert terms.typos == {}
    assert "Did you mean" not in reason_for(terms, texts=CLINIC)


def test_another_form_of_a_word_no_sentence_holds_is_never_offered() -> None:
    """ "meetings" is no misspelt "meeting" when the corpus writes "meeting" only outside its
    sentences (a note's front matter "tags: [meeting]"): both have the stem no sentence holds."""
    texts = ["The team moved to Thursday."]
    words = sorted({*texts[0].lower().replace(".", "").split(), "meeting"})
    known = Vocabulary(texts, vocabulary(texts).frequency, 1, words)
    terms = analyse("When do the team meetings move?", None, known)
    assert "meetings" in terms.absent
    assert terms.typos == {}


def test_a_neighbour_the_closest_passages_never_write_is_not_offered() -> None:
    """ "hiver" (winter) is one letter from "hier" (yesterday), which a diary writes, but not in
    the passages closest to a question on winter tyres: a real word the corpus lacks, not a
    misspelling of a word of the question's context."""
    terms = asked("Combien coûtent les pneus hiver ?", CLINIC)
    assert terms.typos == {"hiver": "hier"}
    elsewhere = ["Pneus : 480 EUR chez le garage."]
    assert "Vouliez-vous dire" not in reason_for(terms, "fr", elsewhere)
    assert reason_for(terms, "fr", CLINIC[2:3]).endswith("Vouliez-vous dire “hier” ?")
    assert "Vouliez-vous dire" not in not_answered(terms, "fr").text  # no passages: nothing offered


def test_the_spelling_offered_is_the_documents_with_its_accents() -> None:
    """The corpus's words are stored folded ("retention"); the passages write "rétention"."""
    terms = asked("Quelle est la durée de retension des sauvegardes ?", CLINIC)
    assert terms.typos == {"retension": "retention"}
    reason = reason_for(terms, "fr", CLINIC)
    assert reason.endswith("Vouliez-vous dire “rétention” ?")
    decomposed = ["La re\u0301tention, la Re\u0301tention, la retention."]
    assert reason_for(terms, "fr", decomposed).endswith("“re\u0301tention” ?")


def test_a_word_the_passages_write_only_as_a_name_is_not_offered() -> None:
    """The s14 trial: "How do I bake sourdough bread?" was offered "brad", from the "Brad
    Appleton" of a manual's authors (at its line's start). ("bread" itself, an English word, is
    offered nothing since s36: a misspelt "braed" stands for it here.)"""
    texts = ["AUTHORS\n   Brad Appleton and others.", "The default timeout is 30 s."]
    terms = asked("How do I bake sourdough braed?", texts)
    assert terms.typos == {"braed": "brad"}
    assert "Did you mean" not in reason_for(terms, texts=texts)
    assert reason_for(terms, texts=[*texts, "a brad nail"]).endswith("Did you mean “brad”?")
    opening = ["Brad nails are listed below."]  # a sentence's capital: no name
    assert reason_for(terms, texts=opening).endswith("Did you mean “brad”?")
    constant = ["| `LUMEN_SESSION_TIMEOUT` | 1800 |"]  # the s16 trial's: no name
    assert reason_for(asked("What is the timout?"), texts=constant).endswith("“timeout”?")


def test_likely_spellings_are_looked_up_only_when_an_abstention_reads_them() -> None:
    """Review of s17-typos: the analysis looked a spelling up for every unknown word of every
    question, answered ones too. It is looked up when the abstention's offer reads it, once."""
    words = vocabulary(MANUAL)
    looked_up: list[str] = []
    lookup = words.likely_spelling

    def counted(word: str) -> str | None:
        looked_up.append(word)
        return lookup(word)

    words.likely_spelling = counted  # type: ignore[method-assign]
    terms = analyse("Wat is teh defualt timout of lumen sesions?", None, words)
    assert looked_up == []
    reason = reason_for(terms)
    assert reason.endswith("Did you mean “default”, “timeout”, “sessions”?")
    assert looked_up == ["Wat", "teh", "defualt", "timout", "lumen", "sesions"]
    reason_for(terms)
    assert len(looked_up) == 6


def test_an_ordinary_word_of_the_questions_language_is_offered_no_corpus_word() -> None:
    """s35 trial: "How much notice must a volunteer give before missing a workshop?" ended
    "Did you mean “mission”?": "missing" and "mission" are two English words (the word list
    typo_reading keeps real words by, known_words.json), no typo; a misspelling beside it is
    still offered its spelling, and an English word the French documents' word that is none
    ("salaries": “salaires”, s35 a89)."""
    guide = ["Chaque mission dure deux heures.", "La mission commence à 9 heures."]
    terms = asked("How much notice before missing a misson?", guide)
    assert terms.typos.get("missing") == "mission"  # close enough to be read as one…
    reason = reason_for(terms, "en", guide)
    assert "“missing”" in reason  # …but named as a word the documents never use
    assert reason.endswith("Did you mean “mission”?") and reason.count("mission”") == 1
    assert "Did you mean" not in reason_for(asked("Before missing it?", guide), "en", guide)
    payroll = ["Les salaires sont versés le 28 du mois."]  # no English word: the corpus's own
    offer = reason_for(asked("When are salaries paid?", payroll), "en", payroll)
    assert offer.endswith("Did you mean “salaires”?")
