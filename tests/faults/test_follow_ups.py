"""Follow-ups never take over new questions (issue 10, item 7): a question that names its own
subject is read on its own, in the API session as in the chat."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fault_helpers import fake_settings

from citeqa.abstention import NEVER_MENTIONED, NO_WORD_OCCURS, NOTHING_TO_SEARCH
from citeqa.api import Assistant, build_index, open_assistant
from citeqa.questions import QuestionTerms, Vocabulary

ORCA = (
    "Orcas\n\nThe orca is the largest member of the dolphin family. Adult male orcas reach"
    " a length of about eight metres and weigh up to six tonnes. Orcas hunt in family pods.\n"
)
WALRUS = (
    "Walruses\n\nThe walrus lives in the Arctic. The tusk of an adult walrus is up to one"
    " metre long; both sexes carry tusks, which they use to haul out onto the ice.\n"
)


def _assistant(tmp_path: Path, files: dict[str, str]) -> Assistant:
    """An assistant (fake channel, never abstaining on the model's say) over `files`."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in files.items():
        (corpus / name).write_text(text, encoding="utf-8")
    settings = fake_settings(corpus, tmp_path / "index", abstain_threshold=0.0)
    build_index(settings)
    return open_assistant(settings, build_if_missing=False)


def test_a_question_naming_its_own_subject_is_new(tmp_path: Path) -> None:
    assistant = _assistant(tmp_path, {"orca.txt": ORCA, "walrus.txt": WALRUS})
    alone = assistant.ask("How long is the walrus tusk?")
    session = assistant.session()
    session.ask("How long are adult male orcas?")
    after = session.ask("How long is the walrus tusk?")
    assert alone.passages[0].doc_id == "walrus"
    assert after.passages[0].doc_id == "walrus"
    assert [c.doc_id for c in after.citations] == [c.doc_id for c in alone.citations]
    assert after.model_dump(exclude={"timings_ms"}) == alone.model_dump(exclude={"timings_ms"})
    assert session.previous == "How long is the walrus tusk?"  # the orca context is dropped
    follow = session.ask("And their weight?")  # a real follow-up still carries the subject
    assert follow.passages[0].doc_id in {"walrus", "orca"}
    assert session.previous is not None and "walrus" in session.previous


CHANGELOG = (
    "# Changelog\n\n## 4.1.0\n\n- Added selective sync with ignore files.\n"
    "- Raised the default `max_connections` from 32 to 64.\n\n"
    "## 4.0.0\n\n- A new dashboard for the sync agent.\n"
)
OPTIONS = (
    "# Configuration\n\n| Option | Default | Description |\n|---|---|---|\n"
    "| `listen_port` | 7443 | The port the agent listens on |\n"
    "| `retention_days` | 30 | Number of days deleted files are kept in the trash |\n"
)


def test_a_short_question_naming_an_identifier_is_not_read_as_a_follow_up(
    tmp_path: Path,
) -> None:
    """The user trial: "What is the default retention_days?" after a question on
    max_connections quoted the max_connections entry again, read with that question."""
    assistant = _assistant(tmp_path, {"CHANGELOG.md": CHANGELOG, "options.md": OPTIONS})
    session = assistant.session()
    first = session.ask("Which version raised the default max_connections?")
    assert first.read_with is None
    after = session.ask("What is the default retention_days?")
    alone = assistant.ask("What is the default retention_days?")
    assert after.read_with is None and session.previous == "What is the default retention_days?"
    assert after.model_dump(exclude={"timings_ms"}) == alone.model_dump(exclude={"timings_ms"})
    follow = session.ask("And what does it describe?")
    assert follow.read_with == "What is the default retention_days?"
    # judged on the combined reading: the previous question's words are there to search for
    assert follow.reason != NOTHING_TO_SEARCH["en"]
    assert follow.passages and follow.passages[0].doc_id == "options"


@pytest.mark.parametrize("content_free", ["???", "the"])
def test_a_content_free_input_after_a_question_still_abstains(
    tmp_path: Path, content_free: str
) -> None:
    assistant = _assistant(tmp_path, {"options.md": OPTIONS})
    assert assistant.ask(content_free).reason == NOTHING_TO_SEARCH["en"]
    session = assistant.session()
    session.ask("What is the default retention_days?")
    after = session.ask(content_free)
    assert after.read_with is None and after.abstained and not after.citations
    assert after.reason == NOTHING_TO_SEARCH["en"]
    # nor does it take the subject's place: a follow-up still leans on the question before it
    assert session.ask("And what does it describe?").read_with == (
        "What is the default retention_days?"
    )


def test_a_session_analyses_each_question_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import citeqa.api

    session = _assistant(tmp_path, {"options.md": OPTIONS}).session()
    analysed: list[tuple[str, str | None]] = []
    analyse = citeqa.api.analyse

    def counted(
        focus: str, context: str | None, vocabulary: Vocabulary, *more: Any
    ) -> QuestionTerms:
        analysed.append((focus, context))
        return analyse(focus, context, vocabulary, *more)

    monkeypatch.setattr(citeqa.api, "analyse", counted)
    first = "What is the default retention_days?"
    session.ask(first)
    follow = session.ask("And what does it describe?")
    assert follow.read_with == first and not follow.abstained
    subject = session.previous
    # the one analysis also says "???" has nothing of its own: the subject stays
    assert session.ask("???").reason == NOTHING_TO_SEARCH["en"]
    assert session.previous == subject
    assert analysed == [
        (first, None),
        ("And what does it describe?", first),
        ("???", None),
    ]


RTT = (
    "# Temps de travail\n\n## Combien de jours de RTT en 2026 ?\n\n"
    "Les salariés au forfait jours ont droit à 11 jours de RTT en 2026. Les salariés à 35 heures"
    " n'ont pas de jours de RTT : leurs heures supplémentaires sont payées.\n"
)


@pytest.mark.parametrize(
    ("follow_up", "own_word"),
    [("And for executives?", "executives"), ("and in English?", "English")],
)
def test_a_follow_up_whose_own_words_are_absent_says_so_in_its_own_language(
    tmp_path: Path, follow_up: str, own_word: str
) -> None:
    """The user trial: after two French questions, "And for executives?" abstained saying, in
    French, that no word of the question occurs in the documents, although the question it was
    read with ("RTT", "salariés") does. The reason names the follow-up's own absent word, in
    the follow-up's language, as the answer's."""
    assistant = _assistant(tmp_path, {"faq.md": RTT})
    session = assistant.session()
    session.ask("Combien de jours de RTT en 2026 ?")
    answer = session.ask(follow_up)
    assert answer.read_with is not None and "RTT" in answer.read_with
    assert answer.abstained and answer.reason is not None
    assert answer.lang == "en"
    assert answer.reason.startswith(NEVER_MENTIONED["en"].format(words=f"“{own_word}”"))
    assert answer.reason not in (NO_WORD_OCCURS["en"], NO_WORD_OCCURS["fr"])


def test_a_french_follow_up_after_an_english_question_is_answered_in_french(
    tmp_path: Path,
) -> None:
    assistant = _assistant(tmp_path, {"orca.txt": ORCA, "walrus.txt": WALRUS})
    session = assistant.session()
    session.ask("How long are adult male orcas?")
    answer = session.ask("Et les baleineaux ?")
    assert answer.read_with == "How long are adult male orcas?"
    assert answer.abstained and answer.lang == "fr"
    assert answer.reason == (
        NEVER_MENTIONED["fr"].format(words="“baleineaux”")
        + " Les documents sont en anglais : essayez de poser la question en anglais."
    )


MANUAL = (
    "# Espresso machine\n\n## Specifications\n\n| Feature | Value |\n|---|---|\n"
    "| Tank capacity | 1.8 litres |\n| Weight | 7.2 kg |\n| Power | 1450 W |\n\n"
    "## Cleaning\n\nDescale the machine every month with a citric acid solution.\n"
)
TRIAL = (
    "# Methods\n\nWe enrolled 96 night-shift nurses in a randomised trial of time-restricted"
    " eating. Exclusion criteria were diabetes, pregnancy and a diagnosed sleep disorder."
    " Sleep was measured with wrist actigraphy for eight weeks.\n"
)
POOL = (
    "# Opening hours\n\nIn term time the pool opens from 12:00 to 14:00 on weekdays and from"
    " 9:00 to 13:00 on Saturdays. During the school holidays the pool's opening hours are"
    " 10:00 to 19:00 without a break, every day of the week.\n"
)


def test_a_follow_up_naming_a_new_attribute_quotes_it_not_the_previous_answer(
    tmp_path: Path,
) -> None:
    """The user trial: "Quelle est la capacité du réservoir ?" then "Et le poids ?" quoted the
    tank's row again (read with the previous question, whose words outweighed "poids"), at
    about the first answer's confidence, instead of the weight's row."""
    session = _assistant(tmp_path, {"manual.md": MANUAL}).session()
    first = session.ask("What is the tank capacity?")
    assert "1.8 litres" in first.citations[0].quote
    follow = session.ask("And the weight?")
    assert follow.read_with == "What is the tank capacity?"
    assert [c.quote for c in follow.citations] == ["| Weight | 7.2 kg |"]


def test_a_sentence_is_not_taken_to_answer_by_the_sentence_before_it(tmp_path: Path) -> None:
    """The user trial: after the holidays' hours, "Et le samedi ?" quoted the holidays' sentence
    again, the sentence before it naming Saturdays: a quote mentions the new word itself."""
    session = _assistant(tmp_path, {"pool.md": POOL}).session()
    session.ask("What are the pool's opening hours during the school holidays?")
    follow = session.ask("And on Saturdays?")
    assert follow.citations
    assert all("9:00 to 13:00 on Saturdays" in c.quote for c in follow.citations)
    assert not any("school holidays" in c.quote for c in follow.citations)


def test_a_follow_up_whose_new_word_the_documents_never_use_abstains_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The user trial: "And the inclusion criteria?" quoted the exclusion criteria again. The
    abstention is decided before any sentence is scored (abstention.before_search)."""
    from citeqa import answering

    session = _assistant(tmp_path, {"trial.md": TRIAL}).session()
    first = session.ask("What were the exclusion criteria?")
    assert "Exclusion criteria" in first.citations[0].quote

    def not_read(*_args: object) -> None:
        raise AssertionError("the sentence ranker ran for a question decided before search")

    monkeypatch.setattr(answering, "rank_candidates", not_read)
    follow = session.ask("And the inclusion criteria?")
    assert follow.abstained and not follow.citations
    assert follow.reason == NEVER_MENTIONED["en"].format(words="“inclusion”")


def test_a_follow_up_repeats_the_previous_quote_when_it_mentions_the_new_word(
    tmp_path: Path,
) -> None:
    trial = TRIAL.replace("96 night-shift nurses", "96 night-shift nurses aged 25 to 60")
    session = _assistant(tmp_path, {"trial.md": trial}).session()
    first = session.ask("How many nurses were enrolled in the eating trial?")
    follow = session.ask("And their age?")
    assert follow.read_with is not None and not follow.abstained
    assert [c.quote for c in follow.citations] == [c.quote for c in first.citations]
