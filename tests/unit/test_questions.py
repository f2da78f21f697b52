"""Question cleaning, follow-up detection, typo correction and unknown names."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from citeqa.abstention import unmatched_words
from citeqa.compounds import corpus_compounds
from citeqa.domain import Domain, corpus_domain, language_data, read_corpus_manifest
from citeqa.errors import BadQuestion
from citeqa.followups import carried, in_context, is_follow_up, refers_back
from citeqa.glossary import Glossary, fold
from citeqa.known_words import may_be_short_typo
from citeqa.lexical import fold as lexical_fold
from citeqa.models import Lang
from citeqa.questions import (
    Vocabulary,
    _DatesOf,
    analyse,
    clean_question,
    corpus_words,
    joined_spelling,
    key_words,
    looks_like_name,
    question_keys,
    question_words,
    versioned_spellings,
    word_alternatives,
)
from citeqa.unheld_codes import CUT_MARK

BUNDLED_SET = Path(__file__).parents[2] / "evals" / "questions.jsonl"
CORPUS = [
    "Obinutuzumab improved the complete renal response at week 76 in REGENCY.",
    "L'anifrolumab SC dans l'essai TULIP-SC : réponse BICLA à S52, 56,2 %.",
    "The immune system was reset after CAR-T cells.",
]


def bundled_knowledge() -> Domain:
    """The language data with the bundled corpus's domain file, as answering merges them."""
    corpus = Path(__file__).parents[2] / "corpus"
    domain, warnings, _ = corpus_domain(corpus, read_corpus_manifest(corpus))
    assert domain is not None and not warnings
    return language_data().merged(domain)


ENDINGS = bundled_knowledge().name_endings


def vocabulary(knowledge: Domain | None = None, more: tuple[str, ...] = ()) -> Vocabulary:
    """The vocabulary of CORPUS (and the texts `more`), with the bundled knowledge unless
    another is given."""
    from citeqa.lexical import tokenize

    knowledge = knowledge or bundled_knowledge()
    frequency: dict[str, int] = {}
    texts = [*CORPUS, *more]
    for text in texts:
        for token in set(tokenize(text, "en")) | set(tokenize(text, "fr")):
            frequency[token] = frequency.get(token, 0) + 1
    return Vocabulary(
        texts,
        frequency,
        len(texts),
        glossary=Glossary.of(knowledge),
        name_endings=knowledge.name_endings,
    )


def test_clean_question_strips_escape_sequences_and_controls() -> None:
    text, warnings = clean_question("\x1b[1mWhat\x1b[0m is\x00 it?\r\n", 100)
    assert text == "What is it?"
    assert warnings == []


def test_clean_question_drops_zero_width_characters_inside_words() -> None:
    text, _ = clean_question("What does beli\u200bmu\u00admab\ufeff reduce?", 100)
    assert text == "What does belimumab reduce?"


@pytest.mark.parametrize(
    ("question", "limit", "expected"),
    [
        ("Quelle ann" + "e\u0301" * 30, 20, "Quelle ann" + "e\u0301" * 4 + CUT_MARK),
        ("x" * 9 + "e\u0301" + "y" * 10, 10, "x" * 9 + CUT_MARK),  # never "é" cut to "e"
        ("x" * 8 + "e\u0301" + "y" * 10, 10, "x" * 8 + CUT_MARK),  # nor its mark cut off
        ("ok 👍🏽👍🏽👍🏽👍🏽👍🏽", 8, "ok 👍🏽👍🏽"),  # nor a skin tone from its emoji
    ],
)
def test_clean_question_cuts_no_letter_from_its_marks(
    question: str, limit: int, expected: str
) -> None:
    text, _ = clean_question(question, limit)
    assert text == expected and len(text) <= limit


def test_clean_question_drops_bidi_and_other_format_characters() -> None:
    """A bidi mark inside a name hid it from the identifier check (`\\w` does not match one)."""
    text, _ = clean_question("What is the_\u200edose_value and --max\u202esize\u202c?", 100)
    assert text == "What is the_dose_value and --maxsize?"


def test_the_format_characters_dropped_are_every_one_unicode_has() -> None:
    """visible._FORMAT is written out: it holds every character of category Cf this Python's
    unicodedata knows, and nothing else it has assigned."""
    import sys
    import unicodedata

    from citeqa.visible import without_format

    everything = "".join(map(chr, range(sys.maxunicode + 1)))
    kept = set(without_format(everything))
    for char in set(everything) - kept:
        assert unicodedata.category(char) in ("Cf", "Cn"), hex(ord(char))
    assert not [hex(ord(char)) for char in kept if unicodedata.category(char) == "Cf"]


@pytest.mark.parametrize("question", ["", "  \n\t ", "\x1b[2J", "\x00\x07", "\u200b\u2060"])
def test_clean_question_refuses_empty(question: str) -> None:
    with pytest.raises(BadQuestion):
        clean_question(question, 100)


def test_clean_question_truncates_at_a_word_with_a_warning() -> None:
    text, warnings = clean_question("lupus " * 1000, 50)
    assert len(text) <= 50 and text.endswith("lupus")
    assert warnings and "6,000" in warnings[0]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("And with placebo?", True),
        ("Et à un an ?", True),
        ("What was their mean age?", True),
        ("What is the recommended dose of cenerimod in lupus?", False),
        ("How many patients were enrolled in the TULIP-2 trial?", False),
        ("What about " + "long " * 20 + "questions?", False),
        ("What were the biopsy findings in refractory nephritis?", False),  # issue 10
        ("How long is the walrus tusk?", False),
        ("How many patients did that study include?", True),
        ("On what date did it come out?", True),
        ("Quel âge avaient-ils en moyenne ?", True),  # "âge" is the interrogative phrase's
        # an inverted subject pronoun repeating the question's own noun phrase points back at
        # nothing (bundled q032); without a noun phrase of its own it still does
        ("Dans quelle ville les cellules issues du cordon ont-elles été fabriquées ?", False),
        ("Ont-elles été fabriquées en France ?", True),
        # a name after a preposition is a place, not the subject the pronoun repeats
        ("En France, combien ont-elles coûté ?", True),
        ("Au Canada, ont-elles été approuvées ?", True),
        ("Quand Pfizer a-t-il livré les doses ?", False),  # after a content word: the subject
        ("Que peuvent-elles faire ?", True),
        ("Quand l'enzyme a-t-elle été découverte et par qui ?", False),
        ("Pourquoi les tribus du nord s'allièrent elles ?", False),
        ("Pourquoi s'allièrent elles ?", True),
        ("Les cellules souches de la moelle pour elles ?", True),  # "pour": no verb
        ("Pourquoi les cellules sont-elles plus grandes que les leurs ?", True),  # "leurs"
        # a possessive after the question's own noun phrase is that noun phrase's (PIAF); without
        # one, or right after a genitive (another's), it still points back
        ("Qui sont les acteurs qui sont particulièrement écoutés pour leurs paroles ?", False),
        ("Avec quel végétal les tortues s'opposent-elles dans leurs mutations ?", False),
        ("Quels sont leurs effets ?", True),
        ("Quels sont les effets secondaires de leurs traitements ?", True),
        ("Quelle est la dose de leur traitement ?", True),
        ("Quelle est la dose recommandée pour leur traitement ?", True),  # no plural possessor
        ("Quel est le mécanisme par lequel leur traitement agit ?", True),
        ("Et sous quelles formes peut-on l'administrer ?", True),
        ("Qu'est-ce que la néphrite lupique réfractaire ?", False),
        ("Were there any heart attacks or deaths?", True),
        ("Y a-t-il eu des décès ou des infarctus ?", True),
        ("Combien en ont reçu ?", True),  # "en", the pronoun
        ("Combien en moyenne coûte la licence ?", False),  # "en", the preposition
        ("Qui y a participé ?", True),
        ("Combien y a-t-il de jours de rétention par défaut ?", False),  # "y a-t-il" inside
        ("Il y a combien de jours de rétention par défaut ?", False),
        ("retention_days default?", False),  # an identifier opening the question
        ("What is the default retention_days?", False),  # an identifier names the subject
        ("What does exit code E1042 mean?", False),
        ("What is the capital of Australia?", False),  # so does a name
        ("Quelle est la capitale de l'Australie ?", False),
        ("What should I do?", True),  # "I" is no name
    ],
)
def test_is_follow_up(question: str, expected: bool) -> None:
    assert is_follow_up(question, ENDINGS) is expected
    assert is_follow_up(question) is expected  # none of these needs the domain's name endings


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("And how much is his caisse?", True),  # points back
        ("How many patients did that study include?", True),
        ("And how much?", True),  # names no subject
        ("Et combien en 2024 ?", True),
        ("What about it?", True),
        ("And the weather?", False),  # names its own
        ("And the capital of Australia?", False),
        ("And how much is the cash float?", False),
        # session 21: a French object pronoun before its verb, "ça", points back
        ("Et qui la dirige ?", True),
        ("Et combien ça coûte ?", True),
        ("Qui l'a signé ?", True),
        ("Et qui ne les paie pas ?", True),
        ("And who runs it?", True),
        ("And who manages them?", True),
        ("Combien la licence coûte-t-elle ?", False),  # "la" a determiner after "combien"
        ("Et la météo ?", False),
        ("Who runs IT?", False),  # an acronym in capitals, no pronoun
        ("Quel est le CA de la filiale ?", False),
        # review D: "la"/"les" determine the subject of a verb inverted after it
        ("Qui les salariés élisent-ils ?", False),
        ("Qui la préside et depuis quand est-elle en poste ?", True),  # s21 review: a far verb
        ("Par quelle voie donne-t-on les cellules mésenchymateuses aux patients ?", False),
        ("Qui la loi protège-t-elle ?", False),
        ("Qui l'entreprise emploie-t-elle ?", False),
        ("Qui les a-t-elle nommés ?", True),  # right before its inverted verb: an object
        ("Qui le lui a-t-il dit ?", True),
    ],
)
def test_a_follow_up_refers_back_unless_it_names_its_own_subject(
    question: str, expected: bool
) -> None:
    assert refers_back(question) is expected


SUPPORT = Vocabulary(
    [
        "Raised the default max_connections from 32 to 64.",
        "| retention_days | 30 | Days deleted files are kept |",
        "The agent listens on port 7443 by default. Le délai est de 30 jours.",
    ],
    {"rais": 1, "default": 2, "port": 1, "agent": 1, "listen": 1, "delai": 1, "jour": 1},
    100,  # as if among 97 other sentences: "port" is in 1 of 100, specific to the corpus
)
TRIALS = Vocabulary(
    ["The REGENCY trial enrolled 100 patients.", "Patients had a mean age of 41."],
    {"regency": 1, "trial": 3, "patient": 40, "enrol": 1, "mean": 1, "age": 3},
    100,  # as if among 98 other sentences: "patients" is in 40 of 100, the corpus's topic
)
MAX_CONNECTIONS = "Which version raised the default max_connections?"


@pytest.mark.parametrize(
    ("question", "previous", "expected"),
    [
        ("What is the default port?", MAX_CONNECTIONS, False),  # "port": the corpus's, new
        ("Quel est le délai en jours ?", MAX_CONNECTIONS, False),  # "en", the preposition
        ("What is the default?", MAX_CONNECTIONS, True),  # nothing the previous did not ask
        ("What was the mean age?", MAX_CONNECTIONS, True),  # words the corpus never uses
        ("What is the default port for it?", MAX_CONNECTIONS, True),  # pointing back
        ("And the port?", MAX_CONNECTIONS, True),
        ("Which agent version raised it?", "What is the default port?", True),
    ],
)
def test_a_word_of_the_corpus_the_previous_question_did_not_use_names_a_subject(
    question: str, previous: str, expected: bool
) -> None:
    assert is_follow_up(question, previous=previous, specific=SUPPORT.specific) is expected


REGENCY = "What is the REGENCY trial?"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("How many patients?", True),  # "patients": in 40% of the corpus's sentences
        ("What was the mean age?", True),  # "mean" is rare, but a measure, not a subject
        ("Quel était le taux ?", True),
        ("How many patients enrolled?", False),  # "enrolled": rare, a subject of its own
    ],
)
def test_only_a_word_specific_to_the_corpus_names_a_subject(question: str, expected: bool) -> None:
    assert TRIALS.specific("enrolled") and not TRIALS.specific("patients")
    assert not TRIALS.specific("walrus")  # a word the corpus never uses is not its own
    assert is_follow_up(question, previous=REGENCY, specific=TRIALS.specific) is expected


@pytest.mark.parametrize("question", ["the", "???", "de la"])
def test_a_question_without_a_content_word_is_no_follow_up(question: str) -> None:
    assert not is_follow_up(question, previous=REGENCY, specific=TRIALS.specific)


def test_the_bundled_follow_ups_lean_on_their_question_whatever_the_corpus_uses() -> None:
    """Each follow-up of the bundled set points back or opens with "and"/"et": read with its
    question even were every word of it one the corpus uses (`uses` always True)."""
    rows = [json.loads(line) for line in BUNDLED_SET.read_text(encoding="utf-8").splitlines()]
    by_id = {row["id"]: row for row in rows}
    follow_ups = [
        (row["question"], by_id[row["follows"]]["question"]) for row in rows if row.get("follows")
    ]
    assert len(follow_ups) >= 15
    for question, previous in follow_ups:
        assert is_follow_up(question, previous=previous, specific=lambda word: True), question


@pytest.mark.parametrize(
    ("question", "keys"),
    [
        ("What does exit code 9 mean?", {"9"}),
        ("What is the default `retention_days`?", {"retention_days"}),
        ("Que signifie l'erreur E1042 ?", {"e1042"}),
        ("What changed in 4.1.0, and in TULIP-2?", {"4.1.0", "tulip-2"}),
        ("What is the capital of Australia?", set()),
        ("What is the default of --max-size?", {"--max-size"}),
        ("Are the -in suffixes French?", set()),
        # one letter after a cue word (language data `letter_key_cues`) is a key
        ("Quel est le tarif de l'accueil du soir en tranche E ?", {"e"}),
        ("What is the fee in category B?", {"b"}),
        ("Que dit l'annexe D du bail ?", {"d"}),
        ("Quel est le prix en tranche c ?", {"c"}),  # lowercase, ending the question
        # no other letter is: an article, a verb, a lowercase letter within the question
        ("What grade a student needs to pass?", set()),
        ("Il a quel tarif, ce repas ?", set()),
        ("A snack is served at what time?", set()),
        ("Depuis quand la catégorie a changé ?", set()),
        # "I" is a pronoun unless it ends the question; a cue is no cue across a sentence's end
        ("Which option I should use?", set()),
        ("What level I need", set()),
        ("What is the fee at level I?", {"i"}),
        ("What is the best plan? A colleague said so.", set()),
        ("C'est quel niveau ? A priori le deuxième.", set()),
        # a number sign is no part of the number a cell writes (s21 trial: "#4512" missed
        # the row keyed 4512); a word alone is no key for it
        ("What was ticket #4512 about?", {"4512"}),
        ("#4512", {"4512"}),
        ("Who merged PR #312?", {"312"}),
        ("What does C# offer?", set()),
        ("Which posts use #devops?", set()),
    ],
)
def test_question_keys_are_its_numbers_and_identifiers(question: str, keys: set[str]) -> None:
    assert question_keys(question) == keys
    assert analyse(question, None, vocabulary()).keys == keys  # what scoring looks rows up by


def test_in_context_puts_the_previous_subject_first() -> None:
    assert in_context("REGENCY response?", "And placebo?") == "REGENCY response? And placebo?"


@pytest.mark.parametrize(
    ("previous", "question", "expected"),
    [
        # a name of the follow-up takes the place of the previous one's of its shape
        ("Qui entraîne les U13 ?", "Et les U17 ?", "Qui entraîne les U17 ? Et les U17 ?"),
        ("Le loyer du T2 ?", "Et le T3 ?", "Le loyer du T3 ? Et le T3 ?"),
        (
            "Response in TULIP-2 at week 24?",
            "And at week 52?",
            "Response in TULIP-2 at week 52? And at week 52?",
        ),
        # a name of another shape, or none, replaces nothing
        ("Response in TULIP-2?", "And at week 52?", "Response in TULIP-2? And at week 52?"),
        ("Who coaches the U13?", "And the seniors?", "Who coaches the U13? And the seniors?"),
        ("Budget 2023-2024?", "And in 2025?", "Budget 2023-2024? And in 2025?"),
        # a number alone replaces only the number after the same word
        (
            "How many received 10 mg/kg at week 52?",
            "And at week 76?",
            "How many received 10 mg/kg at week 76? And at week 76?",
        ),
        (
            "Qu'y a-t-il le 12 mars à 18 h ?",
            "Et le 14 ?",
            "Qu'y a-t-il le 14 mars à 18 h ? Et le 14 ?",
        ),
        (
            "What happened in 2019 with 3 patients?",
            "And in 2020?",
            "What happened in 2020 with 3 patients? And in 2020?",
        ),
        (
            "What was the response at week 24?",
            "And at week 52 with 10 mg/kg?",
            "What was the response at week 52? And at week 52 with 10 mg/kg?",
        ),
        ("Week 24 and week 52?", "And week 76?", "Week 24 and week 52? And week 76?"),
        # another shape only when each text names exactly one name of it
        ("Compare U13 and U15 schedules", "And U17?", "Compare U13 and U15 schedules And U17?"),
        ("The U13?", "And U15 or U17?", "The U13? And U15 or U17?"),
        # a chain carried before names its subject twice: one name, replaced
        (
            "Qui entraîne les U17 ? Et les U17 ?",
            "Et les U19 ?",
            "Qui entraîne les U19 ? Et les U19 ? Et les U19 ?",
        ),
    ],
)
def test_a_follow_up_carries_its_latest_subject(
    previous: str, question: str, expected: str
) -> None:
    assert carried(previous, question) == expected


@pytest.mark.parametrize("word", ["cenerimod", "deucravacitinib", "TULIP-2", "ABBV-599", "CC312"])
def test_names_look_like_names(word: str) -> None:
    assert looks_like_name(word, ENDINGS)


@pytest.mark.parametrize("word", ["patients", "response", "side", "Quelle"])
def test_ordinary_words_do_not(word: str) -> None:
    assert not looks_like_name(word, ENDINGS)


def test_name_endings_are_data() -> None:
    """Without name endings only a name's shape counts: "cenerimod" is a word like another."""
    assert not looks_like_name("cenerimod")
    assert looks_like_name("TULIP-2") and looks_like_name("CC312")


def test_typos_are_corrected_to_corpus_words() -> None:
    assert vocabulary().correction("imune") == "immune"
    assert vocabulary().correction("obinutuzumb") == "obinutuzumab"
    assert vocabulary().correction("zebra") is None


def test_compound_names_are_checked_as_a_whole() -> None:
    words = vocabulary()
    assert words.has_compound("TULIP-SC")
    assert not words.has_compound("TULIP-2")


def test_analyse_counts_unknown_names_and_not_known_ones() -> None:
    words = vocabulary()
    assert analyse("What did cenerimod achieve?", None, words).unknown_names == 1.0
    assert analyse("What did cenerimod achieve?", None, vocabulary(language_data())).missing > 0
    assert analyse("Enrolment in TULIP-2?", None, words).unknown_names == 1.0
    assert analyse("What did obinutuzumab achieve in REGENCY?", None, words).unknown_names == 0.0


def test_analyse_coverage_matches_both_languages_and_glossary() -> None:
    terms = analyse("complete renal response week 76", None, vocabulary())
    from citeqa.lexical import tokenize

    french = frozenset(tokenize("réponse rénale complète à la semaine 76", "fr"))
    assert terms.coverage(french) == pytest.approx(1.0)
    assert terms.coverage(frozenset()) == 0.0


def test_context_terms_weigh_half() -> None:
    terms = analyse("placebo", "obinutuzumab", vocabulary())
    weights = dict((min(alternatives), weight) for alternatives, weight in terms.terms)
    assert terms.focus_terms == 1
    assert len(weights) == 2


def test_analyse_coverage_needs_the_domain_for_domain_terms() -> None:
    """Without the bundled domain file, "renal" does not cover "rénale" (the language data
    knows everyday words only); "week" still covers "semaine"."""
    from citeqa.lexical import tokenize

    plain = analyse("complete renal response week 76", None, vocabulary(language_data()))
    french = frozenset(tokenize("réponse rénale complète à la semaine 76", "fr"))
    assert 0 < plain.coverage(french) < 1


def test_glossary_expands_both_ways_and_week_numbers() -> None:
    glossary = Glossary.of(bundled_knowledge())
    assert "poussee" in glossary.expansions("How many flares?")
    assert "flare" in glossary.expansions("Combien de poussées ?")
    assert {"s52", "w52", "semaine 52"} <= set(glossary.expansions("response at week 52"))
    assert fold("Réponse RÉNALE  œdème") == "reponse renale oedeme"


def test_language_data_alone_knows_no_domain_term() -> None:
    glossary = Glossary.of(language_data())
    assert glossary.expansions("How many flares?") == []
    week = glossary.expansions("response at week 52")
    assert "semaine 52" in week and "semaine" in week
    assert not {"s52", "w52", "reponse"} & set(week)
    assert "mois" in glossary.expansions("after six months")


def test_cognates_are_searched_for_words_the_corpus_does_not_use() -> None:
    from citeqa.lexical import tokenize

    texts = ["Des cellules mésenchymateuses.", "Les cellules sont mésenchymateuses."]
    frequency: dict[str, int] = {}
    for text in texts:
        for token in set(tokenize(text, "fr")):
            frequency[token] = frequency.get(token, 0) + 1
    words = Vocabulary(texts, frequency, len(texts))
    assert words.cognates("mesenchymal") == ["mesenchymateuses"]
    assert words.cognates("cellular") == ["cellules"]
    assert words.cognates("mesen") == [] and words.cognates("walruses") == []
    terms = analyse("Which mesenchymal cells?", None, words)
    assert terms.cognates == ["mesenchymateuses"]
    assert terms.missing > 0, "a cognate is searched, not counted as the question's word"


@pytest.mark.parametrize(
    "question",
    [
        "Which paper says that the immune system was reset?",
        "Selon l'article, quelle réponse BICLA ?",
    ],
)
def test_words_about_the_documents_that_the_corpus_lacks_are_no_terms(question: str) -> None:
    """ "paper", "says", "article", "selon" speak of the documents: the corpus never uses them,
    so they are neither words it lacks nor terms a quote must cover."""
    terms = analyse(question, None, vocabulary())
    assert terms.absent == [] and terms.missing == 0.0
    assert terms.coverage(frozenset(t for alts, _ in terms.terms for t in alts)) == 1.0
    assert not any(
        alts & {"paper", "say", "says", "articl", "article", "selon"} for alts, _ in terms.terms
    )


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("Combien d'impôt avons-nous payé en 2025 ?", "pay"),  # s27 trial: refused on "payé"
        ("How much did we spend on impôt in 2025?", "spend"),
    ],
)
def test_a_word_asking_an_amount_that_the_corpus_lacks_is_no_term(question: str, word: str) -> None:
    """A verb asking for money ("payé", "spend") that no document uses names no subject: the
    rest of the question (impôt, 2025) is all a passage must write."""
    words = vocabulary(more=("Impôt sur le revenu net 2025 : 4 632 €.",))
    terms = analyse(question, None, words)
    held = [alternatives for alternatives, _ in terms.terms]
    assert {"impot"} in held and {"2025"} in held
    assert not any(word in alternatives for alternatives in held)
    assert not any(typed.startswith(("pay", "spend")) for typed in terms.absent)


@pytest.mark.parametrize(
    "question", ["Who paid the school trip?", "When did we pay the school trip?"]
)
def test_a_money_word_of_a_question_asking_no_amount_stays_a_term(question: str) -> None:
    """Review E: "paid" of "Who paid the school trip?" asks a person; the corpus lacking the
    word does not make it a frame word."""
    words = vocabulary(more=("The school trip costs 145 €.",))
    terms = analyse(question, None, words)
    assert any("paid" in alternatives or "pay" in alternatives for alternatives, _ in terms.terms)


def test_a_word_asking_an_amount_that_the_corpus_uses_stays_a_term() -> None:
    words = vocabulary(more=("Impôt payé en 2025 : 4 632 €.",))
    terms = analyse("Combien d'impôt avons-nous payé en 2025 ?", None, words)
    assert any("pay" in alternatives for alternatives, _ in terms.terms)


def test_a_word_about_the_documents_that_the_corpus_uses_stays_a_term() -> None:
    """A corpus that speaks of a "report" keeps the word as a term of the question."""
    CORPUS.append("The trial report gave the response.")
    try:
        terms = analyse("What does the report say about the response?", None, vocabulary())
    finally:
        CORPUS.pop()
    assert terms.focus_terms == 2 and terms.absent == []  # "report", "response"; no "say"
    assert any("report" in alternatives for alternatives, _ in terms.terms)


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("À quoi sert follow_symlinks ?", {"quoi", "sert"}),
        ("Que veulent dire les options ?", {"veut", "veulent", "dire"}),
    ],
)
def test_words_of_a_phrase_asking_that_the_corpus_lacks_are_no_terms(
    question: str, words: set[str]
) -> None:
    """An English corpus never writes "quoi", "sert", "veulent": the phrase the question asks
    by ("à quoi sert", "que veulent dire": reason_words.json) names no subject, so its words
    are neither words the corpus lacks nor terms a quote must cover (tables dev)."""
    more = ("Option follow_symlinks: whether links are followed.",)
    terms = analyse(question, None, vocabulary(more=more))
    assert not any(alternatives & words for alternatives, _ in terms.terms)
    assert not {fold(word) for word in terms.absent} & words


def test_a_phrase_asking_whose_corpus_writes_one_of_its_words_keeps_them_all() -> None:
    """Formal French writes "sert" but seldom "quoi": "quoi" stays a word the corpus lacks, so
    "À quoi sert la ponceuse ?" is not read as "sert" alone and refused (s33 review: it quoted
    "Le rabot sert à …"). Only a corpus using none of the phrase's words drops them."""
    more = ("Le rabot sert à dresser les planches.",)
    terms = analyse("À quoi sert la ponceuse ?", None, vocabulary(more=more))
    assert any("quoi" in alternatives for alternatives, _ in terms.terms)
    assert "quoi" in {fold(word) for word in terms.absent}


def test_a_word_of_a_phrase_asking_that_the_corpus_uses_stays_a_term() -> None:
    """A French corpus writing "sert" keeps it a term of "À quoi sert …", as before."""
    more = ("Le rabot sert à dresser les planches.",)
    terms = analyse("À quoi sert le rabot ?", None, vocabulary(more=more))
    assert any("sert" in alternatives for alternatives, _ in terms.terms)


@pytest.mark.parametrize(
    ("question", "code"), [("the VAT in Q2 2025?", "t2"), ("TVA du 2025 Q4 ?", "t4")]
)
def test_a_quarter_code_beside_a_year_counts_as_its_other_code(question: str, code: str) -> None:
    """ "Q2 2025" is the "T2 2025" a French table writes (language data: "q2 {year}" and
    "t2 {year}" are one group, only beside a year): a word the corpus writes, a key it
    holds (admin dev: refused "No row of the tables names “Q2”")."""
    more = ("| T2 2025 | 88,00 |", "| T4 2025 | 12,00 |")
    terms = analyse(question, None, vocabulary(more=more))
    assert any(code in alternatives for alternatives, _ in terms.terms)
    quarter = next(word for word in question.replace("?", " ").split() if word[0] == "Q")
    assert quarter not in terms.absent and quarter not in terms.unwritten_keys


def test_a_quarter_code_with_no_year_is_not_read_as_another() -> None:
    """ "Q2" alone may be a survey's question: it counts as "T2" only beside a year."""
    more = ("| T2 2025 | 88,00 |",)
    terms = analyse("What was the answer to Q2?", None, vocabulary(more=more))
    assert not any("t2" in alternatives for alternatives, _ in terms.terms)
    assert "Q2" in terms.absent


def test_a_quarter_code_the_corpus_writes_beside_no_year_is_not_read_as_another() -> None:
    """ "| T2 | 650 € |" is a flat type: "Q2 2025" counts as "T2" only where the corpus
    writes "T2 2025" (s33 review: the flat's rent answered "Quel loyer au Q2 2025 ?")."""
    more = ("| T2 | 650 € |", "Bail signé en 2025.")
    terms = analyse("Quel loyer au Q2 2025 ?", None, vocabulary(more=more))
    assert not any("t2" in alternatives for alternatives, _ in terms.terms)
    assert "Q2" in terms.absent


MANUAL = Vocabulary(
    ["| Tank capacity | 1.8 litres |", "| Weight | 7.2 kg |", "Soil organic carbon rose."],
    {"tank": 1, "capac": 1, "weight": 1, "soil": 1, "organic": 1, "carbon": 1},
    100,
)


@pytest.mark.parametrize(
    ("question", "previous", "new"),
    [
        ("And the weight?", "What is the tank capacity?", ["weight"]),
        ("And the tank weight?", "What is the tank capacity?", ["weight"]),  # "tank" was asked
        ("And its capacity?", "What is the tank capacity?", []),
        ("For how long?", "What is the tank capacity?", []),  # interrogatives ask no subject
        ("And the colour?", "What is the tank capacity?", ["colour"]),  # never used: none says it
        ("What is the weight?", None, []),  # a question read on its own
    ],
)
def test_new_terms_are_a_follow_ups_words_its_context_lacks(
    question: str, previous: str | None, new: list[str]
) -> None:
    terms = analyse(question, previous, MANUAL)
    assert [word for word, _ in terms.new_terms] == new


def test_a_new_word_the_corpus_never_uses_counts_by_its_cognates() -> None:
    """The user trial's "Et le carbone organique ?" on an English paper: "organique" is
    mentioned as "organic"."""
    terms = analyse("Et le carbone organique ?", "What was the soil's carbon?", MANUAL)
    assert [word for word, _ in terms.new_terms] == ["organique"]
    assert "organic" in terms.new_terms[0][1]
    assert terms.new_unused == [], "used by its cognate: a quote can mention it"


def test_a_new_word_no_form_of_which_the_corpus_uses_is_unused() -> None:
    terms = analyse("And the warranty?", "What is the weight?", MANUAL)
    assert [word for word, _ in terms.new_terms] == ["warranty"]
    assert terms.new_unused == ["warranty"]


def test_a_follow_ups_words_are_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """analyse looked a new word's cognates up twice (for the question's cognates, then for its
    new terms) and the previous question's words' alternatives twice (for its terms, then for
    what it already asks); once each now, and a question read on its own builds no new terms
    (it read the cognates' alternatives for nothing)."""
    from collections import Counter

    from citeqa import questions

    read, looked_up = Counter[str](), Counter[str]()
    real_alternatives, real_cognates = questions.word_alternatives, MANUAL.cognates

    def alternatives(word: str, *args: Any) -> frozenset[str]:
        read[word] += 1
        return real_alternatives(word, *args)

    def cognates(word: str) -> list[str]:
        looked_up[word] += 1
        return real_cognates(word)

    monkeypatch.setattr(questions, "word_alternatives", alternatives)
    monkeypatch.setattr(MANUAL, "cognates", cognates)
    terms = analyse("Et le carbone organique ?", "What was the soil's carbon?", MANUAL)
    assert [word for word, _ in terms.new_terms] == ["organique"]
    assert looked_up["organique"] == 1 and set(looked_up.values()) == {1}
    assert read["carbon"] == 1 and read["soil's"] == 1 and set(read.values()) == {1}
    read.clear()
    alone = analyse("Et le carbone organique ?", None, MANUAL)
    assert alone.new_terms == [] and "organic" in alone.cognates
    assert "organic" not in read  # the cognate's alternatives serve only new terms


KEY_TEXTS = [
    "Code 12 is reserved for future use. The log line reads 12:42 when it rotates.",
    "Set max-size to limit files; see the BK 115 kit and keep_daily in the table.",
]
WRITTEN = Vocabulary(
    KEY_TEXTS,
    {"12": 1, "42": 1},
    len(KEY_TEXTS),
    corpus_words(KEY_TEXTS),
    compounds=corpus_compounds(KEY_TEXTS),
)


@pytest.mark.parametrize(
    ("key", "before", "written"),
    [
        ("12", "code", True),  # "Code 12"
        ("42", "code", False),  # only "12:42": not the code 42
        ("42", "of", True),  # no cue to read it with: the corpus's term "42"
        ("42", "depuis", True),
        ("42", "retour", False),  # "code de retour 42"
        ("43", "", False),
        ("--max-size", "of", True),  # "max-size" in prose
        ("--min-size", "of", False),
        ("BK-115", "is", True),  # "BK 115"
        ("BK-116", "is", False),
        ("keep_daily", "", True),
        ("cache_ttl_s", "", False),  # "cache" and "ttl" are no corpus words
    ],
)
def test_the_corpus_writes_a_key_in_a_stored_form(key: str, before: str, written: bool) -> None:
    assert WRITTEN.writes_key(key, before) is written


def test_the_keys_the_corpus_never_writes_are_noted_as_typed() -> None:
    terms = analyse("What do exit code 42, Code 12 and --Max-Size mean?", None, WRITTEN)
    assert terms.unwritten_keys == ["42"]
    terms = analyse("Is BK-116 the same as cache_ttl_s?", None, WRITTEN)
    assert terms.unwritten_keys == ["BK-116", "cache_ttl_s"]


CODE_TEXTS = [
    "tar --xattrs enables extended attributes; --xattrs-exclude=PATTERN skips some.",
    "class HelpFormatter(prog, max_help_position=16) in the argparse module.",
    "Use torch modules such as Linear layers.",
]
CODE = Vocabulary(
    CODE_TEXTS,
    {},
    len(CODE_TEXTS),
    corpus_words(CODE_TEXTS),
    compounds=corpus_compounds(CODE_TEXTS),
)


@pytest.mark.parametrize(
    ("identifier", "mentioned"),
    [
        ("--xattrs", True),
        ("--xattrs-exclude", True),
        ("--turbo", False),
        ("--no-selinux", False),  # "selinux" is no corpus word
        ("--exclude-xattrs", True),  # as a setting, `exclude_xattrs`: each piece a corpus word
        ("max_help_position", True),
        ("max_help_width", False),  # "width" is no corpus word
        ("argparse.HelpFormatter", True),  # each part written where the corpus writes it
        ("torch.nn.Linear", True),  # "nn": too short to tell, counts
        ("ndarray.to_parquet", False),
    ],
)
def test_the_corpus_mentions_a_code_identifier_in_a_stored_form(
    identifier: str, mentioned: bool
) -> None:
    assert CODE.mentions(identifier) is mentioned


def test_the_identifiers_the_corpus_never_writes_are_noted_as_typed() -> None:
    terms = analyse("Does tar --turbo work like --xattrs or max_fps_cap?", None, CODE)
    assert terms.unknown_identifiers == ["--turbo", "max_fps_cap"]
    assert analyse("What does tar --xattrs do?", None, CODE).unknown_identifiers == []
    assert analyse("Is TULIP-2 or mA in it?", None, CODE).unknown_identifiers == []


def test_analyse_reads_the_identifiers_once_and_keeps_the_asked_about_names(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """analyse reads the focus's identifiers once, for its unknown identifiers and for `named`
    (its identifiers.asked_about, which answering reads: it ran them twice more before)."""
    from citeqa import questions
    from citeqa.identifiers import asked_about, identifiers

    read: list[str] = []

    def counted(question: str) -> list[str]:
        read.append(question)
        return identifiers(question)

    monkeypatch.setattr(questions, "identifiers", counted)
    question = "Does json.JSONEncoder take max_fps or --max-size?"
    terms = questions.analyse(question, None, vocabulary())
    assert terms.named == asked_about(identifiers(question)) == ["max_fps", "--max-size"]
    assert read == [question]


def _words_of(texts: list[str], glossary: Glossary | None = None) -> Vocabulary:
    from citeqa.lexical import tokenize

    frequency: dict[str, int] = {}
    for text in texts:
        for token in set(tokenize(text, "en")) | set(tokenize(text, "fr")):
            frequency[token] = frequency.get(token, 0) + 1
    return Vocabulary(texts, frequency, len(texts), glossary=glossary or Glossary([]))


def _joined(word: str, vocabulary: Vocabulary) -> str | None:
    """The spelling `joined_spelling` finds for `word`, or None."""
    found = joined_spelling(word, vocabulary)
    return None if found is None else found.spelling


def test_a_hyphenated_word_the_corpus_writes_as_one_is_no_absent_word() -> None:
    """The session-16 trial: "Quel est le numéro de la baby-sitter ?" on a note listing
    "Babysitter Inès: 07 98 …" was refused as "no word of the question occurs"."""
    words = _words_of(["Useful numbers", "Babysitter Inès: 07 98 76 54 32", "Plumber: 06 12"])
    assert _joined("baby-sitter", words) == "babysitter"
    assert _joined("baby-sitter's", words) == "babysitter's"
    terms = analyse("Quel est le numéro de la baby-sitter ?", None, words)
    assert terms.absent == ["numéro"] and terms.corrections == ["babysitter"]
    english = analyse("What is the baby-sitter's number?", None, words)
    assert "baby-sitter's" not in english.absent


def test_short_parts_and_words_the_corpus_does_not_write_joined_stay_apart() -> None:
    words = _words_of(["Une atelle au poignet.", "Le weekend.", "Les baby sitters."])
    assert _joined("a-t-elle", words) is None  # "atelle" is another word
    assert _joined("est-ce", words) is None
    assert _joined("week-end", words) == "weekend"
    assert _joined("dog-sitter", words) is None  # "dogsitter" is never written
    assert _joined("sitter", words) is None


@pytest.mark.parametrize("hyphen", ["\u2010", "\u2011"])
def test_a_word_joined_by_a_unicode_hyphen_is_read_as_by_the_ascii_one(hyphen: str) -> None:
    words = _words_of(["Useful numbers", "Babysitter Inès: 07 98 76 54 32"])
    assert _joined(f"baby{hyphen}sitter", words) == "babysitter"
    terms = analyse(f"Quel est le numéro de la baby{hyphen}sitter ?", None, words)
    assert terms.absent == ["numéro"] and terms.corrections == ["babysitter"]


def test_a_joined_word_asked_twice_is_searched_once() -> None:
    words = _words_of(["Useful numbers", "Babysitter Inès: 07 98 76 54 32"])
    terms = analyse("La baby-sitter, quel numéro pour la baby-sitter ?", None, words)
    assert terms.corrections == ["babysitter"]


def test_a_joined_word_has_its_glossary_equivalents() -> None:
    words = _words_of(["Babysitter Inès: 07 98 76 54 32"], Glossary([["babysitter", "nanny"]]))
    terms = analyse("Who is the baby-sitter?", None, words)
    assert any("nanny" in alternatives for alternatives, _ in terms.terms)
    joined = joined_spelling("baby-sitter", words)
    assert joined is not None and "nanny" in joined.alternatives
    assert joined.alternatives == word_alternatives("babysitter", words.glossary)


def _versioned(word: str, vocabulary: Vocabulary) -> list[str]:
    """The spellings `versioned_spellings` finds for `word`."""
    return [found.spelling for found in versioned_spellings(word, vocabulary)]


def test_a_name_the_corpus_writes_with_its_version_number_is_no_absent_word() -> None:
    """The s38 trial: "Quelle est la durée de validité des jetons OAuth ?" was refused for
    "OAuth" (with "validité", "jetons") where the ADR writes "OAuth2"."""
    words = _words_of(["Clients use the OAuth2 flow.", "Access tokens are valid for 3600 seconds."])
    assert _versioned("OAuth", words) == ["oauth2"]
    terms = analyse("How long are OAuth tokens valid?", None, words)
    assert "OAuth" not in terms.absent and terms.corrections == ["oauth2"]
    french = analyse("Quelle est la durée de validité des jetons OAuth ?", None, words)
    assert "OAuth" not in french.absent and "jetons" in french.absent


def test_only_a_name_the_corpus_never_writes_bare_is_read_with_a_version() -> None:
    texts = ["Python3 is installed.", "We run Python too.", "Buckets live in S3.", "ISO9001"]
    words = _words_of(texts)
    assert _versioned("Python", words) == []  # written as typed: nothing to read
    assert _versioned("S", words) == []  # too short to be a name
    assert _versioned("ISO", words) == []  # a serial, no version number
    assert _versioned("Ruby", words) == []  # never written with a number either
    both = _words_of(["Python2 is gone.", "Python3 is installed."])
    assert _versioned("Python", both) == []  # two numbered forms: other things, not one name
    assert "Ruby" in analyse("Which Ruby version?", None, words).absent


def test_a_plain_word_is_not_read_as_a_numbered_name() -> None:
    # s39 review: "Who runs the lab?" of notes writing only "Lab4" was answered
    words = _words_of(["The Lab4 report is due on Friday.", "Lot3 is delivered on 12 March."])
    assert _versioned("lab", words) == []
    assert _versioned("Lab", words) == ["lab4"]
    assert versioned_spellings("Lab", words, opens_question=True) == []
    assert "lab" in analyse("Who runs the lab?", None, words).absent
    assert "Lab" not in analyse("Who runs Lab?", None, words).absent


def test_a_decimal_number_is_one_question_word_as_the_index_tokenises_it() -> None:
    """ "position 2.3" asked "2" and "3", which no sentence writing "2.3" holds: its line covered
    the question no better than position 1.1's (s17 trial: the salary grid's 2.3 not quoted)."""
    from citeqa.lexical import tokenize

    assert question_words("Salaire de la position 2.3, ou 56,2 % ?") == [
        "Salaire",
        "de",
        "la",
        "position",
        "2.3",
        "ou",
        "56,2",
    ]
    terms = analyse("What is the minimum salary of position 2.3?", None, vocabulary())
    asked = frozenset(tokenize("Position 2.3: 45 500 euros per year", "en"))
    other = frozenset(tokenize("Position 1.1: 24 500 euros per year", "en"))
    assert terms.coverage(asked) > terms.coverage(other)


def test_a_dotted_date_still_meets_the_date_written_with_its_month() -> None:
    """ "le 14.03.2026" asks "14.03" and "2026" since a decimal number is one word: "14.03" also
    counts as the date's canonical terms, which "14 mars 2026" is indexed with (s17 review)."""
    from citeqa.lexical import tokenize

    dated_text, other_text = "Le 14 mars 2026, le conseil se réunit.", "Le 3 juin 2026, idem."
    terms = analyse("Que se passe-t-il le 14.03.2026 ?", None, vocabulary(more=(dated_text,)))
    dated = frozenset(tokenize(dated_text, "fr"))
    other = frozenset(tokenize(other_text, "fr"))
    assert terms.coverage(dated) > terms.coverage(other)
    [day] = [alternatives for alternatives, _ in terms.terms if "2026-03-14" in alternatives]
    assert day == {"2026-03-14", "--03-14"}
    version = analyse("Que change la version 2.3 ?", None, vocabulary())
    assert any(alternatives == {"2.3"} for alternatives, _ in version.terms)


def test_an_acronym_is_mentioned_only_by_itself_or_its_whole_spelt_out_form() -> None:
    """ "NDA" counts as mentioned where "NDA" or each word of "non-disclosure agreement" is
    written, never where "agreement" alone is (trial s17: the Brightdesk service agreement
    covered "Brightdesk NDA"); the words still weigh the term and reach ranking."""
    from citeqa.lexical import tokenize

    texts = [
        "This Mutual Non-Disclosure Agreement lasts two years.",
        "Brightdesk may end this service agreement with sixty days' notice.",
        "Notes of the meeting.",
    ]
    tokens = [frozenset(tokenize(text, "en")) for text in texts]
    frequency: dict[str, int] = {}
    for held in tokens:
        for token in held:
            frequency[token] = frequency.get(token, 0) + 1
    glossary = Glossary((), (), [("NDA", "Non-Disclosure Agreement")])
    words = Vocabulary(texts, frequency, len(texts), glossary=glossary)
    terms = analyse("Brightdesk NDA notice", None, words)
    nda = next(alternatives for alternatives, _ in terms.terms if "nda" in alternatives)
    assert {"agreement", "disclosur"} <= frozenset().union(nda), "ranking reads the words"
    assert not nda & tokens[1] and nda & tokens[0] and nda & frozenset({"nda"})
    assert terms.worst_gap(tokens[1]) > 0 and terms.coverage(tokens[1]) < 1
    assert terms.coverage(tokens[1] | {"nda"}) == 1
    assert "NDA" in unmatched_words(terms, tokens[1], "en")


@pytest.mark.parametrize(
    "question",
    [
        "What was the dose on 2026-07-14?",
        "What was the dose on 14/07/2026?",
        "Quelle était la dose le 14 juillet 2026 ?",
        "What was the dose on July 14?",
    ],
)
def test_a_day_asked_is_one_term_the_next_day_does_not_cover(question: str) -> None:
    """A date is one question term, its day's: "2026-07-14" was one word whose alternatives held
    "2026", "07" and "14", so the line of 2026-07-15 covered it as fully as 07-14's and was
    quoted (session 17's hostile probe, finding 5)."""
    from citeqa.lexical import tokenize

    written = ("2026-07-14 The dose given was 126 mg.", "2026-07-15 The dose given was 128 mg.")
    terms = analyse(question, None, vocabulary(more=written))
    asked, next_day = (frozenset(tokenize(text, "en")) for text in written)
    assert terms.coverage(asked) == 1.0
    assert terms.coverage(next_day) < terms.coverage(asked)


def test_a_day_the_corpus_never_writes_keeps_its_numbers() -> None:
    """An index built before dates' terms were stored (the session-16 vault's) holds no day
    term: "What did I do on 2026-03-14?" must still find "14" and "2026", not read as a
    question none of whose words the documents use."""
    terms = analyse("What did I do on 2026-03-14?", None, vocabulary(more=("On 14 May 2026.",)))
    [day] = [alternatives for alternatives, _ in terms.terms if "2026-03-14" in alternatives]
    assert {"14", "2026"} <= day
    assert not terms.absent


def test_a_date_after_a_word_folding_lengthens_is_still_found() -> None:
    """Each word's folded offset (one pass over the text) is where folding the text up to it
    puts it: after "Straße" ("strasse", one letter more) and "Œuvre" ("oeuvre"), the day and
    the impossible date are read where the folded text writes them."""
    text = "Straße Œuvre 2026-13-45 and Größe 2026-07-14?"
    dates = _DatesOf(text)
    for word in dates.words:
        assert dates.folded_at[word.start()] == len(lexical_fold(text[: word.start()]))
    assert dates.impossible() == ["2026-13-45"]
    assert "2026-07-14" in dates.day_at(text.index("2026-07-14"))
    assert not dates.day_at(text.index("Größe"))


@pytest.mark.parametrize(
    ("question", "words"),
    [
        # the cue of a number is the word before its number mark ("n°", "No.", "#")
        ("Quel est le vote de la délibération n° 2025-16 ?", [("2025-16", "délibération")]),
        ("What did Decision No. 12 decide?", [("12", "Decision")]),
        ("Who resolved ticket #4512?", [("4512", "ticket")]),
        ("Quel est le vote de la délibération n°2025-16 ?", [("2025-16", "délibération")]),
        ("Who closed ticket №4512?", [("4512", "ticket")]),
        # a mark's word before no number is the next word's cue as any word is
        ("Is there no E1042 error?", [("E1042", "no")]),
    ],
)
def test_a_keys_cue_is_read_past_its_number_mark(
    question: str, words: list[tuple[str, str]]
) -> None:
    assert key_words(question) == words


def test_a_version_a_folder_names_that_the_corpus_never_writes_is_no_term() -> None:
    """s23 hostile probe: "in v2" where only the folder "v2/" names the version was refused for
    "v2"; words read elsewhere (versions.held_mentions) the corpus never uses are no terms, but
    those it uses stay terms."""
    question = "What does the immune system reset in version 2?"
    plain = analyse(question, None, vocabulary())
    assert "version" in plain.absent and "2" in plain.absent
    terms = analyse(question, None, vocabulary(), None, frozenset({"version", "2", "immune"}))
    assert terms.absent == [] and terms.missing == 0.0
    assert terms.focus_terms == plain.focus_terms - 2
    assert any("immun" in alts or "immune" in alts for alts, _ in terms.terms)


SHORT_TYPOS = [
    "The platform team keeps one engineer on call every week.",
    "La relève a lieu le lundi. The bill and the ball are sent.",
]


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("wek", "week"),  # a letter left out (s22-25 trials: "who is on cal in wek 11")
        ("leu", "lieu"),  # the corpus's one candidate: French keeps it (may_be_short_typo)
        ("cal", "call"),  # as well: English keeps it, an abbreviation (may_be_short_typo)
        ("wekk", None),  # a letter changed: "week" or another word
        ("bll", None),  # "bill" or "ball": which one was meant is unknown
        ("on", None),  # two letters
        ("teh", None),  # "the" is a function word no sentence holds
        ("WEK", None),  # typed as a name (an acronym): never a slip of "week"
    ],
)
def test_a_short_word_is_read_as_a_typo_only_of_one_word_a_slip_away(
    typed: str, read: str | None
) -> None:
    """Offered in a refusal ("Did you mean “week”?") and read by the re-read of a refused
    question, never by the search (review D of s27: "fsh" was answered as "fish", no notice)."""
    short = vocabulary(more=tuple(SHORT_TYPOS))
    assert short.correction(typed) is None
    assert short.likely_spelling(typed) == read


@pytest.mark.parametrize(
    ("folded", "lang", "may"),
    [
        ("wek", "en", True),
        ("cal", "en", False),  # a word of the list
        ("tue", "en", False),  # an abbreviation (known_abbreviations.json), never "true"
        ("pto", "en", False),
        ("mois", "fr", False),  # French has no list: none of its short words is read
        ("leu", "fr", False),
    ],
)
def test_a_short_word_may_be_a_typo_only_in_a_language_with_a_list(
    folded: str, lang: Lang, may: bool
) -> None:
    assert may_be_short_typo(folded, lang) is may


def test_a_words_alternatives_are_read_once_a_glossary() -> None:
    glossary = Glossary([["kidney", "rein"]])
    first = word_alternatives("kidney", glossary)
    assert word_alternatives("kidney", glossary) is first  # kept, not read again
    assert "rein" in first and "rein" not in word_alternatives("kidney")  # each glossary's own
    assert word_alternatives("kidney", Glossary([])) == word_alternatives("kidney")


def test_a_short_texts_folding_is_kept_and_a_long_ones_is_not() -> None:
    import citeqa.glossary as glossary

    glossary._short_fold.cache_clear()  # an empty cache: a full one would keep its size anyway
    assert fold("  Équipe   Médicale ") == fold("  Équipe   Médicale ") == "equipe medicale"
    after = glossary._short_fold.cache_info()
    assert (after.hits, after.currsize) == (1, 1)
    long_text = "Le rein  " * glossary.SHORT_FOLD
    assert fold(long_text) == ("le rein " * glossary.SHORT_FOLD).strip()
    assert glossary._short_fold.cache_info().currsize == after.currsize  # a passage: folded anew
