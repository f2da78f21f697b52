"""An over-long sentence is quoted as its run of clauses that holds the question's terms."""

from __future__ import annotations

from citeqa.clauses import CLAUSE_BUDGET, LONG_QUOTE, best_clauses, best_words, clause_spans
from citeqa.lexical import tokenize
from citeqa.questions import QuestionTerms


def _terms(*words: str) -> QuestionTerms:
    return QuestionTerms(
        focus=" ".join(words),
        terms=[(frozenset(tokenize(w, "fr")) | frozenset(tokenize(w, "en")), 1.0) for w in words],
        focus_terms=len(words),
    )


SENTENCE = (
    "Cette ville nouvelle a été implantée à vingt-quatre kilomètres au sud-ouest de Paris, "
    "point zéro des routes de France, excentrée dans le département puisqu'à vingt et un "
    "kilomètres au nord-ouest d'Évry, à quatorze kilomètres au nord-ouest d'Arpajon, à dix "
    "kilomètres au sud-ouest de Palaiseau et à trente-huit kilomètres au nord-est d'Étampes ; "
    "elle est aussi (selon le recensement, qui compte 25 000 habitants en 2010) la ville la "
    "plus peuplée du canton, devant Bures-sur-Yvette, Orsay et Gometz-le-Châtel."
)


def test_the_clauses_leave_out_the_cutting_punctuation_and_numbers_stay_whole() -> None:
    text = "Le taux était de 56,2 % (p=0,02), contre 37,1 % sous placebo ; la différence, nette."
    pieces = [text[a:b] for a, b in clause_spans(text, 0, len(text))]
    assert pieces == [
        "Le taux était de 56,2 %",
        "p=0,02",
        "contre 37,1 % sous placebo",
        "la différence",
        "nette.",
    ]


def test_an_over_long_sentence_is_cut_to_the_clauses_holding_the_question_terms() -> None:
    assert len(SENTENCE) > LONG_QUOTE
    start, end = best_clauses(SENTENCE, 0, len(SENTENCE), _terms("Palaiseau", "kilomètres"), "fr")
    quote = SENTENCE[start:end]
    assert "dix kilomètres au sud-ouest de Palaiseau" in quote
    assert len(quote) <= CLAUSE_BUDGET
    assert quote == quote.strip() and quote in SENTENCE


def test_the_cut_is_offset_into_the_whole_text() -> None:
    text = "Intro. " + SENTENCE
    start, end = best_clauses(text, 7, len(text), _terms("habitants", "recensement"), "fr")
    assert "25 000 habitants" in text[start:end]
    assert start >= 7 and end <= len(text)


def test_a_sentence_within_the_limit_is_quoted_whole() -> None:
    text = SENTENCE[:300]
    assert best_clauses(text, 0, len(text), _terms("Palaiseau"), "fr") == (0, len(text))


def test_a_long_sentence_without_any_cut_is_cut_at_its_spaces_not_quoted_whole() -> None:
    text = " ".join(["mot"] * 150) + "."
    start, end = best_clauses(text, 0, len(text), _terms("mot"), "fr")
    assert start == 0 and CLAUSE_BUDGET - 4 <= end <= CLAUSE_BUDGET  # the earliest window
    assert text[end] == " "


def test_a_long_run_of_words_without_punctuation_is_cut_to_a_window_on_the_terms() -> None:
    """Found by the session-8 user trial: an 899-character quote from a file of words with no
    punctuation at all, where the quote budget is 250."""
    filler = "desk office server alpha " * 20
    text = filler + "the budget for lunch is twelve euros " + filler
    start, end = best_clauses(text, 0, len(text), _terms("budget", "lunch"), "en")
    assert end - start <= CLAUSE_BUDGET
    assert "budget for lunch" in text[start:end]
    assert text[start - 1] == " " and text[end] == " "  # whole words
    assert text[start:end] == text[start:end].strip()


def test_a_word_window_takes_the_earliest_best_and_a_giant_word_stays_whole() -> None:
    text = "lunch " + "x" * 10 + " " + "desk " * 100
    start, end = best_words(text, 0, len(text), _terms("lunch"), "en")
    assert start == 0 and end <= CLAUSE_BUDGET and text[start:end].startswith("lunch")
    giant = "y" * (CLAUSE_BUDGET + 5)
    assert best_words(giant, 0, len(giant), _terms("lunch"), "en") == (0, len(giant))


TWO_TOWNS = (
    "La commune d'Alphaville, fondée au douzième siècle sur les bords de la rivière et longtemps "
    "rattachée à l'abbaye voisine dont elle dépendait pour la justice et pour l'impôt, compte une "
    "population de 3 000 habitants selon le dernier recensement publié par l'institut national, "
    "soit un peu moins qu'au siècle précédent malgré l'arrivée du chemin de fer en 1880 ; "
    "Betaville compte une population de 9 000 habitants."
)
"""Its longest run of clauses within CLAUSE_BUDGET (from "fondée" to "1880") holds neither
"Betaville" nor its 9 000 inhabitants (review of s27's clause cut)."""


def _with_context(own: list[str], context: list[str], focus: str | None = None) -> QuestionTerms:
    """The terms of a question (`focus`, else its own words) the chat reads with the one
    before: its own at full weight, the context's at half, as questions.analyse weighs them."""
    terms = _terms(*own)
    terms.terms += [(frozenset(tokenize(w, "fr")), 0.5) for w in context]
    if focus is not None:
        terms.focus = focus
    return terms


def test_a_question_read_with_the_one_before_is_cut_as_when_asked_alone() -> None:
    alone = best_clauses(SENTENCE, 0, len(SENTENCE), _terms("département"), "fr")
    read_with = _with_context(["département"], ["recensement"])
    assert best_clauses(SENTENCE, 0, len(SENTENCE), read_with, "fr") == alone
    assert "département" in SENTENCE[slice(*alone)]


def test_a_follow_up_writing_no_term_of_its_own_is_cut_on_its_context() -> None:
    follow_up = _with_context([], ["Betaville"])
    start, end = best_clauses(TWO_TOWNS, 0, len(TWO_TOWNS), follow_up, "fr")
    assert "Betaville" in TWO_TOWNS[start:end]


def test_a_follow_up_leaning_on_the_one_before_is_cut_on_its_subject_there() -> None:
    follow_up = _with_context(["population"], ["Betaville"], focus="Et sa population ?")
    start, end = best_clauses(TWO_TOWNS, 0, len(TWO_TOWNS), follow_up, "fr")
    assert "Betaville compte une population de 9 000 habitants" in TWO_TOWNS[start:end]
    alone = best_clauses(TWO_TOWNS, 0, len(TWO_TOWNS), _terms("population"), "fr")
    for standalone in ("Quelle population ?", "Quelle population les habitants ont ils ?"):
        read_with = _with_context(["population"], ["Betaville"], focus=standalone)
        assert best_clauses(TWO_TOWNS, 0, len(TWO_TOWNS), read_with, "fr") == alone, standalone


def test_the_subject_and_an_answer_three_hundred_characters_apart_are_quoted_together() -> None:
    start, end = best_clauses(SENTENCE, 0, len(SENTENCE), _terms("Évry", "habitants"), "fr")
    assert "Évry" in SENTENCE[start:end] and "25 000 habitants" in SENTENCE[start:end]
