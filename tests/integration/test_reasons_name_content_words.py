"""An abstention's reason names the question's content words, never the words of its form, and
offers to ask in the other language only when that may help (abstention.py, reason_words.py):
the faults the user trials reported since session 11, on a small lab folder mostly in English
with one French note, as the s18 trial's."""

from __future__ import annotations

import pytest
from integration_helpers import fake_settings

from citeqa.abstention import NEVER_MENTIONED, NO_WORD_OCCURS, NOT_ANSWERED
from citeqa.api import Assistant, build_index, open_assistant

NOTES = {
    "drone.txt": "Drone survey of the wheat trial\n\nThe drone flew over 48 plots at growth"
    " stage GS75 on 3 July. Canopy temperature was highest in the plots sown last.\n",
    "chamber.txt": "Humidity chamber\n\nThe humidity chamber holds 40 Petri dishes. The chamber"
    " was built from a storage box and a humidifier; it costs 48 GBP.\n",
    "lamp.txt": "LAMP assay\n\nThe LAMP assay detects the pathogen in 30 minutes. Its sensitivity"
    " was 94.2 % on 120 field samples.\n",
    "greenhouse.txt": "Greenhouse GH-7\n\nThrips were found on the Longbow plants in GH-7. Do not"
    " move plants out of GH-7 until further notice.\n",
    "semis.txt": "Semis direct\n\nL'essai de semis direct compte 48 parcelles, 16 par modalité."
    " Les résidus sont broyés avant le semis.\n",
}


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    root = tmp_path_factory.mktemp("lab")
    corpus = root / "corpus"
    corpus.mkdir()
    for name, text in NOTES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    settings = fake_settings(corpus, root / "index")
    build_index(settings)
    return open_assistant(settings, build_if_missing=False)


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        (  # s18 trial u24: "never mention “use”"
            "Which cultivar did the drone study use?",
            NEVER_MENTIONED["en"].format(words="“cultivar”"),
        ),
        (  # s18 trial e29
            "How many plots did the no-till study use?",
            NEVER_MENTIONED["en"].format(words="“no-till”"),
        ),
        (  # s16-s18 trials: "never mention “Wat”, “teh”, …"
            "Wat is teh cost of teh greenhouse heating?",
            NEVER_MENTIONED["en"].format(words="“heating”"),
        ),
        (  # s18 trial u26-u28: "Some of the documents are in French: try asking in French."
            "What is the recipe for a good sourdough bread?",
            NO_WORD_OCCURS["en"],
        ),
        ("How do I reset my bank card PIN?", NO_WORD_OCCURS["en"]),
        (  # the s18 chat's thrips question
            "Who replied to the thrips message?",
            NEVER_MENTIONED["en"].format(words="“replied”, “message”"),
        ),
    ],
)
def test_english_reasons_name_content_words_and_keep_to_english(
    lab: Assistant, question: str, reason: str
) -> None:
    """Most of the folder is English and nothing put these questions close to the French note:
    asking in French would not help, and the words of their form are not what it lacks."""
    answer = lab.ask(question)
    assert answer.abstained and answer.reason == reason


ASK_IN_ENGLISH = (
    "La plupart des documents sont en anglais : essayez de poser la question en anglais."
)


@pytest.mark.parametrize(
    ("question", "named"),
    [
        (  # s18 trial e13: "ils ne mentionnent jamais « bas »"
            "Combien coûte la chambre humide à bas coût ?",
            "ils ne mentionnent jamais “chambre”. Vouliez-vous dire “chamber” ?",
        ),
        ("Qeulle est la date du semis ?", "ils ne mentionnent jamais “date”."),  # "quelle"
    ],
)
def test_french_reasons_name_content_words_and_offer_english(
    lab: Assistant, question: str, named: str
) -> None:
    """French questions on a mostly English folder: asking in English may help, and is offered,
    in French; "bas" and a misspelt "quelle" are not named."""
    answer = lab.ask(question)
    assert answer.abstained and answer.reason is not None
    assert answer.reason == f"{NOT_ANSWERED['fr'][:-1]} : {named} {ASK_IN_ENGLISH}"


def test_words_translating_into_passages_of_the_other_language_bring_the_advice(
    lab: Assistant, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The advice to ask in French when the multilingual channel reads the question's absent
    content words as words of the French passages (api._translates, answering's `closer`), though
    the question was not re-read translated (`QuestionTerms.translated` empty): the fake settings
    have no multilingual channel, so the tests above never reach it."""
    asked: list[list[str]] = []

    def translates(words: list[str], hits: object, lang: str) -> bool:
        asked.append(list(words))
        return True

    monkeypatch.setattr(lab, "_translates", lambda channel: translates)
    answer = lab.ask("Which cultivar did the drone study use?")
    assert answer.abstained and answer.reason == (
        f"{NEVER_MENTIONED['en'].format(words='“cultivar”')} Some of the documents are in French:"
        " try asking in French."
    )
    assert asked == [["cultivar"]]  # its content words alone, asked once
