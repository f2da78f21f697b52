"""The reason an abstention gives names the question's words the documents, or else the closest
passages, never mention; interrogatives and the words of a question's form ("many", "combien")
are never named."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from citeqa import abstention
from citeqa.abstention import (
    COURTESY_ONLY,
    NEVER_MENTIONED,
    NO_WORD_OCCURS,
    NOT_ANSWERED,
    NOTHING_TO_SEARCH,
    DocumentLanguages,
    EarlyRefusal,
    Reason,
    ask_in,
    before_search,
    nothing_to_search,
    unmatched_words,
    unsure,
)
from citeqa.models import Lang
from citeqa.questions import QuestionTerms, word_alternatives


def terms(focus: str, weights: dict[str, float], absent: tuple[str, ...] = ()) -> QuestionTerms:
    found = [(word_alternatives(word), weight) for word, weight in weights.items()]
    return QuestionTerms(focus=focus, terms=found, focus_terms=len(found), absent=list(absent))


ASKED = terms(
    "Combien de moutons a sculpté Jim ?",
    {"combien": 9.0, "moutons": 5.0, "sculpté": 7.0, "Jim": 2.0},
)
PASSAGES = frozenset(word_alternatives("Jim") | word_alternatives("moutons"))


def not_answered(terms: QuestionTerms, lang: Lang, *args: Any, **kwargs: Any) -> str:
    """The text of abstention.not_answered's reason."""
    return abstention.not_answered(terms, lang, *args, **kwargs).text


def reason_before_search(
    asked: QuestionTerms, lang: Lang, languages: Callable[[], DocumentLanguages] | None = None
) -> str | None:
    """`before_search`'s reason, None when it refuses nothing."""
    refusal = before_search(asked, lang, languages)
    return None if refusal is None else refusal.reason.text


def test_the_words_the_closest_passages_lack_are_named_heaviest_first() -> None:
    assert unmatched_words(ASKED, frozenset(), "fr") == ["sculpté", "moutons", "Jim"]
    assert unmatched_words(ASKED, PASSAGES, "fr") == ["sculpté"]
    reason = not_answered(ASKED, "fr", PASSAGES)
    assert reason.endswith("les passages les plus proches ne mentionnent pas “sculpté”.")
    assert "combien" not in reason


def test_words_the_corpus_never_uses_come_first() -> None:
    asked = terms("Who sculpted Jim?", {"sculpted": 7.0, "Jim": 2.0}, absent=("sculpted",))
    reason = not_answered(asked, "en", frozenset())
    assert reason.endswith("they never mention “sculpted”.")


def test_words_the_corpus_never_uses_may_be_in_its_other_language() -> None:
    """Found by the session-15 user trial: "When is the next council meeting?" abstained on
    "they never mention “council”" where the French minutes say "conseil". The advice is given
    when the question was read close to a French passage (`close`), or most documents are
    French."""
    asked = terms("When is the council?", {"council": 7.0}, absent=("council",))
    mixed = DocumentLanguages({"en": 3, "fr": 2}, 5, 0)
    advised = (
        "they never mention “council”. Some of the documents are in French: try asking in French."
    )
    assert not_answered(asked, "en", frozenset(), lambda: mixed, close=lambda: True).endswith(
        advised
    )
    english = DocumentLanguages({"en": 3}, 3, 0)
    assert not_answered(asked, "en", frozenset(), lambda: english, close=lambda: True).endswith(
        "“council”."
    )
    mostly_french = DocumentLanguages({"en": 2, "fr": 3}, 5, 0)
    assert not_answered(asked, "en", frozenset(), lambda: mostly_french).endswith(
        "“council”. Most of the documents are in French: try asking in French."
    )


def test_the_other_language_is_offered_only_when_asking_in_it_may_help() -> None:
    """The s18 trial (a ~90 % English folder): English typos and off-topic questions were told
    "Some of the documents are in French: try asking in French" (q78, u26-u28, the chat's
    thrips question). Not when the question's language is that of most documents and nothing
    put it close to the other language's passages; French questions there are still told."""
    mostly_english = DocumentLanguages({"en": 9, "fr": 1}, 10, 0)
    bread = terms("Recipe for sourdough?", {"recipe": 7.0}, absent=("recipe",))
    far: list[bool] = []

    def not_close() -> bool:
        far.append(True)
        return False

    reason = not_answered(bread, "en", frozenset(), lambda: mostly_english, close=not_close)
    assert reason == NEVER_MENTIONED["en"].format(words="“recipe”") and far
    a_quarter_french = DocumentLanguages({"en": 3, "fr": 1}, 4, 0)  # the s16/s17 trials' folders
    assert not_answered(bread, "en", frozenset(), lambda: a_quarter_french).endswith(
        "“recipe”. Some of the documents are in French: try asking in French."
    )
    off = terms("Sourdough recipe?", {"sourdough": 7.0, "recipe": 5.0})
    off.absent = ["sourdough", "recipe"]
    assert reason_before_search(off, "en", lambda: mostly_english) == NO_WORD_OCCURS["en"]
    translated = terms("Recipe?", {"recipe": 7.0}, absent=("recipe",))
    translated.translated = ["recette"]
    assert not_answered(translated, "en", frozenset(), lambda: mostly_english).endswith(
        "Some of the documents are in French: try asking in French."
    )
    french = terms("Quelle recette ?", {"recette": 7.0}, absent=("recette",))

    def unread() -> bool:
        raise AssertionError("closeness was read though the documents' languages decide")

    assert not_answered(french, "fr", frozenset(), lambda: mostly_english, close=unread).endswith(
        "ils ne mentionnent jamais “recette”. La plupart des documents sont en anglais : essayez"
        " de poser la question en anglais."
    )
    french_corpus = DocumentLanguages({"en": 1, "fr": 9}, 10, 0)
    assert not_answered(french, "fr", frozenset(), lambda: french_corpus, close=lambda: False) == (
        NEVER_MENTIONED["fr"].format(words="“recette”")
    )


def test_a_question_none_of_whose_words_occurs_is_told_to_change_language_only_when_close() -> None:
    """The s20 trial (15 of 55 documents French): "asdfghjkl", "Who won the 2018 World Cup?"
    and "How do I bake sourdough bread?" were told "Some of the documents are in French: try
    asking in French." A question none of whose words occurs in a corpus mostly in its own
    language is told so only when it was read close to the other language's passages; one some
    of whose words occur keeps the quarter's advice (s16/s17 trials, above)."""
    a_quarter_french = DocumentLanguages({"en": 3, "fr": 1}, 4, 0)
    off = terms("Sourdough recipe?", {"sourdough": 7.0, "recipe": 5.0})
    off.absent = ["sourdough", "recipe"]
    assert reason_before_search(off, "en", lambda: a_quarter_french) == NO_WORD_OCCURS["en"]
    refusal = before_search(off, "en", lambda: a_quarter_french, close=lambda: True)
    assert refusal is not None and refusal.reason.text.endswith(
        "Some of the documents are in French: try asking in French."
    )
    advised = f"{NO_WORD_OCCURS['en']} Most of the documents are in French: try asking in French."
    mostly_french = DocumentLanguages({"en": 1, "fr": 3}, 4, 0)

    # s26 trial: "What is the capital of Australia?" on a mostly French folder with English
    # handbooks was told to ask in French; it is only when its words have French counterparts
    # (translated, or cognates), never reading closeness (which translates its words)
    def unread() -> bool:
        raise AssertionError("closeness was read for a question none of whose words occurs")

    refusal = before_search(off, "en", lambda: mostly_french, close=unread)
    assert refusal is not None and refusal.reason.text == NO_WORD_OCCURS["en"]
    off.translated = ["levain"]
    assert reason_before_search(off, "en", lambda: mostly_french) == advised
    seminar = terms("The seminar caterer?", {"seminar": 7.0, "caterer": 7.0})
    seminar.absent, seminar.cognates = ["seminar", "caterer"], ["seminaire"]
    assert reason_before_search(seminar, "en", lambda: mostly_french) == advised
    off.translated = []
    refusal = before_search(off, "en", lambda: mostly_french, counterparts=lambda: False)
    assert refusal is not None and refusal.reason.text == NO_WORD_OCCURS["en"]
    # s31 trial: "When is the meeting with the accountant…" of French notes writing "réunion"
    refusal = before_search(off, "en", lambda: mostly_french, counterparts=lambda: True)
    assert refusal is not None and refusal.reason.text == advised
    off.translated = ["levain"]
    all_french = DocumentLanguages({"fr": 4}, 4, 0)  # no document in English: asking in French
    assert reason_before_search(off, "en", lambda: all_french) == (
        f"{NO_WORD_OCCURS['en']} The documents are in French: try asking in French."
    )


def test_words_the_passages_lack_are_no_reason_to_change_language() -> None:
    """Words the corpus uses but the closest passages do not are no sign of the other language:
    the documents' languages are not even read."""

    def unread() -> DocumentLanguages:
        raise AssertionError("the documents' languages were read")

    reason = not_answered(ASKED, "fr", PASSAGES, unread)
    assert reason.endswith("les passages les plus proches ne mentionnent pas “sculpté”.")


def test_a_question_the_passages_cover_names_the_words_they_mention() -> None:
    covering = PASSAGES | word_alternatives("sculpté")
    assert not_answered(ASKED, "en", covering) == (
        "The documents do not appear to answer this question: the closest passages mention"
        " “sculpté”, “moutons”, “Jim”, but none answers it."
    )
    assert not_answered(ASKED, "en") == NOT_ANSWERED["en"]  # no passage read


def test_a_word_of_pieces_is_mentioned_only_where_every_piece_is() -> None:
    """A passage writing "HD-0042" holds the token "hd", which "hd-0001" gives too: it does not
    mention "hd-0001" (s20 hostile probe: "the closest passages mention “hd-0001”, “hd-0002”,
    “hd-0003”"), while one writing "HD-0001" or "long-term" mentions that word."""
    asked = terms("What about hd-0001 hd-0002?", {"hd-0001": 5.0, "hd-0002": 4.0})
    passages = frozenset(word_alternatives("The server HD-0042 restarts"))
    assert unmatched_words(asked, passages, "en") == ["hd-0001", "hd-0002"]
    assert not_answered(asked, "en", passages).endswith(
        "the closest passages never mention “hd-0001”, “hd-0002”."
    )
    holding = passages | word_alternatives("HD-0001")
    assert unmatched_words(asked, holding, "en") == ["hd-0002"]
    term = terms("Is it long-term?", {"long-term": 3.0})
    assert not_answered(term, "en", frozenset(word_alternatives("a long-term plan"))).endswith(
        "the closest passages mention “long-term”, but none answers it."
    )
    assert unmatched_words(term, frozenset(word_alternatives("a long plan")), "en") == ["long-term"]


def test_words_of_the_question_form_are_never_named_as_lacking() -> None:
    """Found by the session-7 user trial: "they never mention “many”, “bicycles”, ..."."""
    english = terms(
        "How many bicycles does the bike-sharing scheme have?",
        {"many": 3.0, "bicycles": 8.0, "bike-sharing": 9.0},
        absent=("many", "bicycles", "bike-sharing"),
    )
    assert not_answered(english, "en").endswith("they never mention “bicycles”, “bike-sharing”.")
    for form in ("much", "often", "long", "Combien"):
        asked = terms(f"{form} vélos ?", {form: 3.0, "vélos": 8.0}, absent=(form, "vélos"))
        assert not_answered(asked, "fr").endswith("ils ne mentionnent jamais “vélos”.")
        assert unmatched_words(asked, frozenset(), "fr") == ["vélos"]


def test_a_question_of_its_form_alone_has_nothing_to_search() -> None:
    for question in ("How many?", "How long?", "How often?", "Combien ?"):
        assert nothing_to_search(terms(question, {"x": 1.0}))
    assert not nothing_to_search(terms("How long is the trial?", {"trial": 1.0}))


def test_nothing_to_search_and_the_reasons_fold_question_words_alike() -> None:
    """One rule for both: a word asks when it folds to a question word, accents and case
    aside ("QUÉLLE", "Pourquói" as typed in haste)."""
    for question in ("QUÉLLE ?", "Pourquói ?", "Où ?", "OU ?"):
        assert nothing_to_search(terms(question, {"x": 1.0}))
        asked = terms(f"{question} vélos", {question[:-2]: 3.0, "vélos": 8.0})
        assert unmatched_words(asked, frozenset(), "fr") == ["vélos"]
    assert not nothing_to_search(terms("Pourquoi vélos ?", {"vélos": 1.0}))


def test_words_holding_a_question_word_are_still_named() -> None:
    """A question word ("long", as in "How long") inside a subject word ("long-term", "longer")."""
    asked = terms(
        "Which long-term toxicity does rituximab cause?",
        {"long-term": 6.0, "toxicity": 4.0, "rituximab": 9.0},
        absent=("long-term",),
    )
    assert not_answered(asked, "en").endswith("they never mention “long-term”.")
    longer = terms("Is rituximab given longer?", {"rituximab": 9.0, "longer": 5.0})
    assert unmatched_words(longer, word_alternatives("rituximab"), "en") == ["longer"]
    for form in ("How", "LONG", "Où"):
        assert unmatched_words(terms(f"{form} rituximab", {form: 3.0}), frozenset(), "en") == []


def test_the_min_confidence_reason_reads_below_its_setting() -> None:
    """CITEQA_MIN_CONFIDENCE=0.6117 and a confidence of 0.6116: not "0.61 ... below ... 0.61"."""
    assert unsure(0.6116, 0.6117, "en").endswith(
        "its confidence, 0.6116, is below the min_confidence setting, 0.6117."
    )
    assert "sa confiance, 0,6116, est inférieure au réglage min_confidence, 0,6117." in unsure(
        0.6116, 0.6117, "fr"
    )
    assert "confidence, 0.37, is below the min_confidence setting, 0.60." in unsure(0.37, 0.6, "en")
    assert "0.60, is below the min_confidence setting, 0.61" in unsure(0.6049, 0.61, "en")
    assert "0.611, is below the min_confidence setting, 0.612." in unsure(0.6112, 0.6118, "en")


def test_a_question_sharing_no_word_with_the_documents_is_told_their_language() -> None:
    """The user trial: "How many fire extinguishers are in the building?" on French notes
    ("34 extincteurs") said only that no word of the question occurs in the documents."""
    off = terms("How many fire extinguishers?", {"fire": 5.0, "extinguishers": 7.0})
    off.absent = ["fire", "extinguishers"]
    french = DocumentLanguages({"fr": 3}, 3, 0)
    assert reason_before_search(off, "en", lambda: french) == (
        "No word of the question occurs in the documents. The documents are in French: try"
        " asking in French."
    )
    assert reason_before_search(off, "en") == NO_WORD_OCCURS["en"]
    english = DocumentLanguages({"en": 2}, 2, 0)
    assert reason_before_search(off, "en", lambda: english) == NO_WORD_OCCURS["en"]


def test_the_advice_says_how_many_documents_are_in_the_other_language() -> None:
    assert ask_in("en", DocumentLanguages({"fr": 3}, 3, 0)) == (
        "The documents are in French: try asking in French."
    )
    assert ask_in("en", DocumentLanguages({"fr": 3, "en": 1}, 4, 0)) == (
        "Most of the documents are in French: try asking in French."
    )
    assert ask_in("en", DocumentLanguages({"fr": 2, "en": 2}, 4, 0)) == (
        "Some of the documents are in French: try asking in French."
    )
    assert ask_in("fr", DocumentLanguages({"en": 1, "fr": 4}, 5, 0)) == (
        "Certains documents sont en anglais : essayez de poser la question en anglais."
    )
    assert ask_in("fr", DocumentLanguages({"fr": 4, "other": 1}, 5, 0)) is None
    # one French document beside two in no language the index detected: not "all" (review s11-2)
    assert ask_in("en", DocumentLanguages({"fr": 1}, 3, 0)) == (
        "Some of the documents are in French: try asking in French."
    )


def test_the_advice_is_read_only_for_a_question_sharing_no_word_with_the_documents() -> None:
    read: list[bool] = []

    def languages() -> DocumentLanguages:
        read.append(True)
        return DocumentLanguages({"fr": 1}, 1, 0)

    on_topic = terms("Who sculpted Jim?", {"sculpted": 7.0, "Jim": 2.0}, absent=("sculpted",))
    assert before_search(on_topic, "en", languages) is None
    assert not read


def test_a_word_of_thousands_of_letters_is_named_by_its_ends() -> None:
    """A question naming a 2,000-letter table cell the corpus lacks: the reason quoted the whole
    word, on the terminal, in the answer JSON and in the chat; now its two ends and length."""
    word = "Z" * 1000 + "Y" * 1000
    asked = terms(f"What is {word}?", {word: 7.0}, absent=(word,))
    reason = not_answered(asked, "en", frozenset())
    assert len(reason) < 300
    assert reason.endswith(f"they never mention “{'Z' * 60}…{'Y' * 60}” (2,000 characters).")


def test_a_follow_ups_new_words_the_documents_never_use_are_named_before_search() -> None:
    """A follow-up whose new words (followup_quotes.py) the documents never use, nor their
    cognates, names them, and says to ask in the documents' language, as any abstention before
    search does. It was decided after the sentence ranker had run (answering.compose), though it
    reads only the question's terms."""

    def follow_up(focus: str, new: list[str], unused: list[str]) -> QuestionTerms:
        asked = terms(focus, {word: 5.0 for word in new})
        asked.terms.append((word_alternatives("criteria"), 1.0))  # the previous question's
        asked.new_terms = [(word, word_alternatives(word)) for word in new]
        asked.new_unused = unused
        return asked

    inclusion = follow_up("And the inclusion rate?", ["inclusion", "rate"], ["inclusion", "rate"])
    assert reason_before_search(inclusion, "en") == (
        "The documents do not appear to answer this question: they never mention “inclusion”,"
        " “rate”."
    )
    french = reason_before_search(
        follow_up("Et le poids ?", ["poids"], ["poids"]),
        "fr",
        lambda: DocumentLanguages({"en": 3}, 3, 0),
    )
    assert french == (
        NEVER_MENTIONED["fr"].format(words="“poids”")
        + " "
        + ask_in("fr", DocumentLanguages({"en": 3}, 3, 0))
    )
    used = follow_up("And the inclusion rate?", ["inclusion", "rate"], ["inclusion"])
    assert before_search(used, "en") is None  # a quote can mention "rate"


def test_a_follow_up_asking_only_a_kind_of_value_keeps_its_carried_subject() -> None:
    """ "what is her phone number?" after "Who is the designated safeguarding lead?", on a
    policy writing "reached on 0117 496 0321" but never "phone" nor "number", was refused before
    the search (s23 trial, failure 6): the words name the kind of value asked of the carried
    subject, which the answer models read; a new subject the documents never use still is."""

    def follow_up(focus: str, new: list[str]) -> QuestionTerms:
        asked = terms(focus, {word: 5.0 for word in new}, absent=tuple(new))
        asked.terms.append((word_alternatives("safeguarding"), 1.0))  # the previous question's
        asked.new_terms = [(word, word_alternatives(word)) for word in new]
        asked.new_unused = new
        return asked

    assert before_search(follow_up("what is her phone number?", ["phone", "number"]), "en") is None
    assert before_search(follow_up("et son courriel ?", ["courriel"]), "fr") is None
    assert before_search(follow_up("and her pension number?", ["pension", "number"]), "en")
    alone = terms("phone number?", {"phone": 5.0, "number": 5.0}, absent=("phone", "number"))
    assert before_search(alone, "en") is not None  # asked alone: no subject to carry


def test_a_document_in_both_languages_makes_neither_most_of_the_documents() -> None:
    """The s16 trial's balanced vault (status: fr 42, en 42 of 83, a journal in both): the advice
    said "Most of the documents are in French" to one question and "La plupart des documents
    sont en anglais" to another; a document in both languages counts for neither's majority."""
    balanced = DocumentLanguages.of([["fr"]] * 41 + [["en"]] * 41 + [["en", "fr"]])
    assert (balanced.counts["fr"], balanced.counts["en"], balanced.documents) == (42, 42, 83)
    assert ask_in("en", balanced) == "Some of the documents are in French: try asking in French."
    assert ask_in("fr", balanced) == (
        "Certains documents sont en anglais : essayez de poser la question en anglais."
    )
    mostly_french = DocumentLanguages.of([["fr"]] * 42 + [["en"]] * 40 + [["en", "fr"]])
    assert ask_in("en", mostly_french) == (
        "Most of the documents are in French: try asking in French."
    )
    assert ask_in("fr", mostly_french) == (
        "Certains documents sont en anglais : essayez de poser la question en anglais."
    )
    only_both = DocumentLanguages.of([["en", "fr"]] * 3)
    assert ask_in("en", only_both) == "Some of the documents are in French: try asking in French."


def test_the_counts_of_languages_always_say_how_many_documents_are_in_both() -> None:
    """`bilingual` had a default of 0: counts made without it read a document in both languages
    as alone in each (review of s16-dates); `DocumentLanguages.of` counts it."""
    with pytest.raises(TypeError, match="bilingual"):
        DocumentLanguages({"en": 1, "fr": 1}, 1)  # type: ignore[call-arg]
    assert DocumentLanguages.of([["en", "fr"]]).bilingual == 1


def test_only_a_refusal_for_the_words_alone_may_give_way_to_the_other_language() -> None:
    """answering.compose reads the kind: a greeting or a question with nothing to search stays
    refused whatever a multilingual channel finds (across.py); a question none of whose words
    occurs, in either language of the answer, may not."""
    greeting = QuestionTerms(focus="Merci beaucoup !")
    assert before_search(greeting, "fr") == EarlyRefusal(
        Reason(COURTESY_ONLY["fr"]), words_alone=False
    )
    form = before_search(terms("How many?", {"x": 1.0}), "en")
    assert form == EarlyRefusal(Reason(NOTHING_TO_SEARCH["en"]), words_alone=False)
    for lang in ("en", "fr"):
        off = terms("Capital of Peru?", {"capital": 3.0, "Peru": 4.0}, absent=("capital", "Peru"))
        refusal = before_search(off, lang)
        assert refusal == EarlyRefusal(
            Reason(NO_WORD_OCCURS[lang], claims_absence=True), words_alone=True
        )


def test_function_and_generic_words_are_never_named_as_lacking() -> None:
    """User trials since session 11: "Combien coûte la chambre humide à bas coût ?" → "ils ne
    mentionnent jamais « bas »"; "… what does it mean?" → "never mention “mean”, “used”";
    "Which cultivar did the drone study use?" → "never mention “use”". The reason names the
    question's content words the documents or the closest passages lack, or else those the
    passages mention."""
    cost = terms(
        "Combien coûte la chambre humide à bas coût ?",
        {"chambre": 6.0, "humide": 5.0, "bas": 9.0},
        absent=("bas",),
    )
    held = word_alternatives("chambre") | word_alternatives("humide")
    assert not_answered(cost, "fr", held) == NOT_ANSWERED["fr"]  # nor "bas": not all mentioned
    assert not_answered(cost, "fr", word_alternatives("chambre")).endswith(
        "les passages les plus proches ne mentionnent pas “humide”."
    )
    cultivar = terms(
        "Which cultivar did the drone study use?",
        {"cultivar": 8.0, "drone": 6.0, "use": 9.0},
        absent=("use",),
    )
    assert not_answered(cultivar, "en", word_alternatives("drone")).endswith(
        "the closest passages never mention “cultivar”."
    )
    mean = terms(
        "What is the Zadoks stage used in the drone paper and what does it mean?",
        {"Zadoks": 9.0, "stage": 4.0, "used": 8.0, "drone": 5.0, "mean": 8.0},
        absent=("used", "mean"),
    )
    shown = not_answered(mean, "en", word_alternatives("Zadoks") | word_alternatives("drone"))
    assert shown.endswith("the closest passages never mention “stage”.")
    assert "mean" not in shown and "used" not in shown


def test_the_words_of_a_phrase_the_question_asks_by_are_never_named() -> None:
    """s31 trial: "Combien de temps un devis est-il valable ?" → "ils ne mentionnent jamais
    « temps », « valable »", of a folder whose quotes state a validity. "temps" asks the
    duration there; it is the subject of "Quel temps fera-t-il demain ?"."""
    quote = terms(
        "Combien de temps un devis est-il valable ?",
        {"temps": 6.0, "devis": 3.0, "valable": 7.0},
        absent=("temps", "valable"),
    )
    devis = word_alternatives("devis")
    shown = not_answered(quote, "fr", devis)
    assert "temps" not in shown and "valable" not in shown
    assert shown == NOT_ANSWERED["fr"]
    held = devis | word_alternatives("valable")
    assert not_answered(quote, "fr", held) == (
        "Les documents ne semblent pas répondre à cette question : les passages les plus"
        " proches mentionnent “devis”, mais aucun n’y répond."
    )
    weather = terms(
        "Quel temps fera-t-il demain ?", {"temps": 6.0, "demain": 5.0}, absent=("temps", "demain")
    )
    assert not_answered(weather, "fr") == NEVER_MENTIONED["fr"].format(words="“temps”, “demain”")


def test_a_number_mark_is_neither_named_nor_needed_in_the_passages() -> None:
    """s31 trial: "Quel est le numéro SIRET de l'entreprise ?" → "ils ne mentionnent jamais
    « numéro »" of a folder writing "SIRET" (and "N°") in 13 files."""
    siret = terms(
        "Quel est le numéro SIRET de l'entreprise ?",
        {"numéro": 7.0, "SIRET": 4.0, "l'entreprise": 2.0},
        absent=("numéro",),
    )
    held = word_alternatives("SIRET") | word_alternatives("entreprise")
    assert not_answered(siret, "fr", held) == (
        "Les documents ne semblent pas répondre à cette question : les passages les plus"
        " proches mentionnent “SIRET”, “entreprise”, mais aucun n’y répond."
    )


def test_a_word_of_the_form_alone_absent_still_leads_to_the_other_language() -> None:
    """The tables set's "À quoi sert follow_symlinks ?" on English manuals: "sert" is not named,
    but the documents never use it, and asking in English may help."""
    asked = terms(
        "À quoi sert follow_symlinks ?", {"sert": 9.0, "follow_symlinks": 8.0}, absent=("sert",)
    )
    english = DocumentLanguages({"en": 9, "fr": 1}, 10, 0)
    combien = terms("Combien de jours ?", {"Combien": 3.0, "jours": 4.0}, absent=("Combien",))
    assert not_answered(combien, "fr", word_alternatives("jours"), lambda: english) == (
        "Les documents ne semblent pas répondre à cette question : les passages les plus proches"
        " mentionnent “jours”, mais aucun n’y répond."
    ), "an interrogative the corpus never writes is no word to look for in English"
    assert not_answered(asked, "fr", word_alternatives("follow_symlinks"), lambda: english) == (
        "Les documents ne semblent pas répondre à cette question. La plupart des documents sont en"
        " anglais : essayez de poser la question en anglais."
    )


def test_misspelt_function_words_are_never_named() -> None:
    """The s16-s18 trials: "Wat is teh defualt timout of lumen sesions?" → "they never mention
    “Wat”, “teh”, “defualt”"; "Qeulle" is "quelle" with two letters swapped."""
    typed = terms(
        "Wat is teh sensitivty of the LAMP asay?",
        {"Wat": 9.0, "teh": 9.0, "sensitivty": 9.0, "LAMP": 5.0, "asay": 9.0},
        absent=("Wat", "teh", "sensitivty", "asay"),
    )
    assert not_answered(typed, "en").endswith("they never mention “sensitivty”, “asay”.")
    french = terms(
        "Qeulle est la dose du boscalide ?", {"Qeulle": 9.0, "dose": 3.0, "boscalide": 9.0}
    )
    french.absent = ["Qeulle", "boscalide"]
    assert not_answered(french, "fr").endswith("ils ne mentionnent jamais “boscalide”.")


def test_a_follow_up_asking_only_with_words_of_its_form_names_none() -> None:
    """A follow-up none of whose new words the documents use stays refused before search; when
    those words are all generic ("And what does it mean?") the reason names none."""
    asked = terms("And what does it mean?", {"mean": 5.0})
    asked.terms.append((word_alternatives("GS75"), 1.0))  # the previous question's
    asked.new_terms = [("mean", word_alternatives("mean"))]
    asked.new_unused = ["mean"]
    assert reason_before_search(asked, "en") == NOT_ANSWERED["en"]
    french = terms("Et que veut dire utilisé ?", {"utilisé": 5.0})
    french.terms.append((word_alternatives("GS75"), 1.0))
    french.new_terms = [("utilisé", word_alternatives("utilisé"))]
    french.new_unused = ["utilisé"]
    assert reason_before_search(french, "fr") == NOT_ANSWERED["fr"]


def test_words_the_passages_hold_only_translated_are_not_said_to_be_mentioned() -> None:
    """Review of s19-reasons: on a French corpus "Who checks the extinguishers?" (read as
    "vérifiés", "extincteurs") was told "the closest passages mention “checks”,
    “extinguishers”, but none answers it", which they do not: a word is said mentioned only
    when the passages hold its own form, not its translation or glossary forms."""
    asked = QuestionTerms(
        focus="Who checks the extinguishers?",
        terms=[
            (word_alternatives("checks") | word_alternatives("vérifiés"), 6.0),
            (word_alternatives("extinguishers") | word_alternatives("extincteurs"), 8.0),
        ],
        focus_terms=2,
        absent=[],
        translated=["vérifiés", "extincteurs"],
    )
    french = word_alternatives("vérifiés") | word_alternatives("extincteurs")
    assert not_answered(asked, "en", french) == NOT_ANSWERED["en"]
    one = french | word_alternatives("extinguishers")
    assert not_answered(asked, "en", one) == NOT_ANSWERED["en"]
    both = french | word_alternatives("extinguishers") | word_alternatives("checks")
    assert not_answered(asked, "en", both) == (
        "The documents do not appear to answer this question: the closest passages mention"
        " “extinguishers”, “checks”, but none answers it."
    )


def test_a_content_word_close_to_a_function_word_is_named() -> None:
    """Review of s19-reasons: "What is the maximum dose?" on a corpus that never writes "dose"
    lost its true reason ("dose" read as "does" misspelt), as did "pur" ("pour")."""
    dose = terms("What is the maximum dose?", {"maximum": 3.0, "dose": 8.0}, absent=("dose",))
    assert not_answered(dose, "en").endswith("they never mention “dose”.")
    pur = terms("Quel jus pur ?", {"jus": 3.0, "pur": 8.0}, absent=("pur",))
    assert not_answered(pur, "fr", word_alternatives("jus")).endswith(
        "ils ne mentionnent jamais “pur”."
    )


def test_the_passages_mention_words_only_when_they_hold_every_searched_word() -> None:
    """Review of s19-reasons: "What is the mean temperature?" was told "the closest passages
    mention “temperature”, but none answers it" though they never say "mean" (a generic word,
    never named); so for a typo ("teh") and "premier". The plain reason then."""
    mean = terms("What is the mean temperature?", {"mean": 6.0, "temperature": 8.0})
    held = word_alternatives("temperature")
    assert not_answered(mean, "en", held) == NOT_ANSWERED["en"]
    assert not_answered(mean, "en", held | word_alternatives("mean")) == (
        "The documents do not appear to answer this question: the closest passages mention"
        " “temperature”, but none answers it."
    )
    typo = terms("Wat is teh dose?", {"Wat": 2.0, "teh": 2.0, "dose": 8.0}, absent=("Wat", "teh"))
    assert not_answered(typo, "en", word_alternatives("dose")) == NOT_ANSWERED["en"]
    premier = terms("Quel est le premier jour ?", {"premier": 4.0, "jour": 6.0})
    assert not_answered(premier, "fr", word_alternatives("jour")) == NOT_ANSWERED["fr"]


def test_closeness_to_the_other_language_is_read_only_when_documents_are_in_it() -> None:
    """Review of s19-reasons: every abstention on a corpus in one language read `close`, which
    embeds the question's absent words (api._translates) for advice it can never give."""
    asked = terms("When is the council?", {"council": 7.0}, absent=("council",))

    def unread() -> bool:
        raise AssertionError("closeness was read on a corpus in one language")

    english = DocumentLanguages({"en": 3}, 3, 0)
    assert not_answered(asked, "en", frozenset(), lambda: english, close=unread) == (
        NEVER_MENTIONED["en"].format(words="“council”")
    )


def test_an_amount_a_range_of_the_closest_passages_holds_is_never_said_unmentioned() -> None:
    """s33 hostile M4: "ils ne mentionnent jamais “700”" although a row writes "de 601 à
    1 000 €"; a range of another unit holds no amount, and the reason still names it."""
    question = "Quel est le tarif de la cantine pour un quotient de 700 € ?"
    weights = {"tarif": 5.0, "cantine": 4.0, "quotient": 6.0, "700": 8.0}
    asked = terms(question, weights, absent=("700",))
    rows = ["Quotient familial | Tarif\n≤ 600 € | 1,20 €\nde 601 à 1 000 € | 2,40 €\n"]
    tokens = frozenset(word_alternatives("tarif") | word_alternatives("quotient"))
    reason = not_answered(asked, "fr", tokens, closest=lambda: rows)
    assert "700" not in reason
    in_km = ["Distance | Tarif\nde 601 à 1 000 km | 2,40 €\n"]
    assert "jamais “700”" in not_answered(asked, "fr", tokens, closest=lambda: in_km)


def test_an_interjection_of_the_absent_names_data_is_never_named_unmentioned() -> None:
    asked = terms("SOS adhésion prix", {"SOS": 6.0, "adhésion": 4.0, "prix": 3.0})
    held = frozenset(word_alternatives("adhésion") | word_alternatives("prix"))
    assert unmatched_words(asked, held, "fr") == []
    english = terms("FYI what is the fee", {"FYI": 6.0, "fee": 4.0})
    assert unmatched_words(english, frozenset(), "en") == ["fee"]
    named = terms("Quel est le numéro de SAMU ?", {"SAMU": 6.0, "numéro": 2.0})
    assert unmatched_words(named, frozenset(), "fr") == ["SAMU"]
