"""A question none of whose words a bilingual folder writes is still read by the answer models
when the multilingual channel puts a passage in the other language close to it (across.py):
the session-16 trial's "And how much is the cash float?" after French questions was refused
before search as "they never mention “cash”, “float”" although a French note gives the "fond de
caisse". The fake channel here is made multilingual by reading a few French words as their
English counterparts, so that two phrasings in two languages are close, as USE makes them."""

from __future__ import annotations

import inspect
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from functools import partial
from pathlib import Path

import numpy as np
import pytest

from citeqa import answering, api, contents, previousindex, stored_words, translated_answer
from citeqa.abstention import NEVER_MENTIONED, NO_WORD_OCCURS
from citeqa.across import Closeness
from citeqa.api import Assistant, build_index, index_status, open_assistant
from citeqa.changegroups import WORDS_CHANGE
from citeqa.config import Settings
from citeqa.embedding import get_embedder, register_embedder
from citeqa.lexical import content_words
from citeqa.models import Lang
from citeqa.questions import QuestionTerms
from citeqa.store import load_index

SAME_MEANING = {"numero": "number", "nounou": "babysitter", "caisse": "cash", "fond": "float"}
"""French words this fake channel reads as the English word of the same meaning: a pair is at
cosine 1 here, where USE puts real pairs at .85-.95, and the fake reads folded words
(content_words), blind to the case and accents USE reads (test_passage_translation's
CaseSensitive fake covers those)."""

QUESTION_OFF_TOPIC = "How does the Reserve Bank of Australia float its currency?"

NOTES = {
    "babysitter.txt": "Babysitter number: Inès, 07 98 76 54 32.\n",
    "plumber.txt": "The plumber, Dupuis Plomberie, came on 14 March to fix the kitchen sink.\n",
    "kermesse.md": "# Kermesse de l'école\n\n- La kermesse aura lieu le samedi 20 juin de 14 h"
    " à 18 h dans la cour.\n- Le stand crêpes est confié à Sandrine Lefèvre, avec deux"
    " parents.\n",
    "caisse.txt": "Julien Moreau tient la caisse ; le fond de caisse est de 150 €.\n",
    "voyage.md": "# Voyage en Écosse\n\nNous partons le 8 août et nous dormons à Portree le 12"
    " août. La location de voiture coûte 312 livres pour la semaine.\n",
}


class FakeBilingual:
    """The conftest's fake channel over a text's content words (no function word of either
    language), multilingual: SAME_MEANING's French words hash as their English ones."""

    name, model, package, version = "fakeml", "fake-hash-bilingual", "citeqa-tests", "0"
    dim, default_weight, multilingual = 64, 1.0, True
    same_meaning = SAME_MEANING

    def embed_batch(self, texts: Sequence[str]) -> np.ndarray:
        meaning = self.same_meaning
        read = [" ".join(meaning.get(word, word) for word in content_words(text)) for text in texts]
        return np.asarray(get_embedder("fake").embed_batch(read))


@pytest.fixture
def bilingual(scratch_registry: None, tmp_path: Path) -> Iterator[dict[str, Assistant]]:
    """An assistant over NOTES with the multilingual fake channel, and one with the plain fake
    channel (no multilingual channel: the words alone decide, as before)."""
    register_embedder("fakeml", FakeBilingual)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in NOTES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    assistants = {}
    for channel in ("fakeml", "fake"):
        settings = Settings(channels=(channel,), corpus_dir=corpus, index_dir=tmp_path / channel)
        build_index(settings)
        assistants[channel] = open_assistant(settings, build_if_missing=False)
    yield assistants


def test_a_question_none_of_whose_words_occur_is_read_when_a_note_in_the_other_language_is_close(
    bilingual: dict[str, Assistant],
) -> None:
    question = "Quel est le numéro de la nounou ?"
    plain = bilingual["fake"].ask(question)
    assert plain.abstained and plain.confidence == 0.0
    assert plain.reason is not None and plain.reason.startswith(NO_WORD_OCCURS["fr"])
    answer = bilingual["fakeml"].ask(question)
    assert answer.passages[0].path.endswith("babysitter.txt")
    assert answer.reason is None or not answer.reason.startswith(NO_WORD_OCCURS["fr"])
    assert answer.confidence > 0.0, "the answer models read it"


def test_an_off_topic_question_is_still_refused_before_search(
    bilingual: dict[str, Assistant],
) -> None:
    answer = bilingual["fakeml"].ask("Quelle est la capitale de l'Australie ?")
    assert answer.abstained and answer.confidence == 0.0
    assert answer.reason is not None and answer.reason.startswith(NO_WORD_OCCURS["fr"])


def test_a_follow_up_whose_new_words_a_close_note_in_the_other_language_says_is_read(
    bilingual: dict[str, Assistant],
) -> None:
    never = NEVER_MENTIONED["en"].format(words="“cash”, “float”")
    for channel, refused in [("fake", True), ("fakeml", False)]:
        chat = bilingual[channel].session()
        chat.ask("Qui tient la caisse de la kermesse ?")
        answer = chat.ask("And how much is the cash float?")
        assert (answer.confidence == 0.0) is refused, channel  # > 0: the answer models read it
        if refused:
            assert answer.reason is not None and answer.reason.startswith(never)


@pytest.mark.parametrize("follow_up", ["And the weather?", "And the capital of Australia?"])
def test_a_follow_up_is_not_brought_close_to_a_note_by_the_previous_question(
    bilingual: dict[str, Assistant], follow_up: str
) -> None:
    chat = bilingual["fakeml"].session()
    chat.ask("Qui tient la caisse de la kermesse ?")
    answer = chat.ask(follow_up)
    assert answer.abstained and answer.confidence == 0.0, answer.answer
    assert answer.reason is not None and answer.reason.startswith(
        NEVER_MENTIONED["en"].split("{words}")[0]
    )


def test_absent_words_are_read_as_the_words_a_note_in_the_other_language_writes(
    bilingual: dict[str, Assistant],
) -> None:
    # "cash" and "float" are words the folder never writes; the multilingual channel puts them
    # at "caisse" and "fond" of the French note (passage_translation.py), so the question is
    # read with those words: no longer one about words the documents lack
    question = "How much is the cash float of the kermesse?"
    plain = bilingual["fake"].ask(question)
    assert plain.abstained and plain.reason is not None and "“cash”" in plain.reason
    answer = bilingual["fakeml"].ask(question)
    named = answer.reason or ""
    assert "“cash”" not in named and "“float”" not in named
    assert answer.passages[0].path.endswith("caisse.txt")


def test_absent_words_of_an_off_topic_question_are_not_translated(
    bilingual: dict[str, Assistant], monkeypatch: pytest.MonkeyPatch
) -> None:
    # "float" would translate ("fond" of the caisse note), but the question is about a bank:
    # no note in the other language is close to it (across.close_in_other_language). The
    # notes are in both languages (DocumentLanguages.bilingual_corpus), so its words are read
    # all the same, at passage_translation.BILINGUAL_SIMILARITY (then at the stricter bar of
    # the whole corpus's words, corpus_translation.py), yet one word of five translating is
    # too few (MIN_TRANSLATED): none is read translated, and it abstains
    asked: list[list[str]] = []
    found: list[tuple[dict[str, str], bool]] = []
    real_translations, real_read_across = api.translations, Assistant._read_across

    def translations(absent: list[str], *rest: object, **named: object) -> dict[str, str]:
        asked.append(list(absent))
        return real_translations(absent, *rest, **named)  # type: ignore[arg-type]

    def read_across(self: Assistant, *args: object) -> tuple[dict[str, str], bool]:
        found.append(real_read_across(self, *args))  # type: ignore[arg-type]
        return found[-1]

    monkeypatch.setattr(api, "translations", translations)
    monkeypatch.setattr(Assistant, "_read_across", read_across)
    answer = bilingual["fakeml"].ask(QUESTION_OFF_TOPIC)
    assert asked and found and not any(read for read, _ in found) and answer.abstained
    asked.clear()
    bilingual["fakeml"].ask("How much is the cash float of the kermesse?")
    assert asked, "the spy sees a question the gate lets through"


def test_a_build_of_notes_in_both_languages_stores_their_words_in_its_multilingual_channel(
    bilingual: dict[str, Assistant],
) -> None:
    stored = bilingual["fakeml"]._loaded.stored_words("fakeml")
    assert stored is not None
    assert stored.vectors_of(["caisse", "kermesse", "plumber"])[0] == [
        "caisse",
        "kermesse",
        "plumber",
    ]
    assert bilingual["fake"]._loaded.stored_words("fake") is None, "no multilingual channel"


def test_notes_in_both_languages_without_this_version_s_words_are_stale_and_rewritten(
    bilingual: dict[str, Assistant], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the index with a multilingual channel lacks the words of a newer version and says so in
    # its own words (not "term knowledge built by an older citeqa"); the one without such a
    # channel stores none and is up to date
    newer = stored_words.WORDS_VERSION + 1
    for module in (stored_words, previousindex, contents):
        monkeypatch.setattr(module, "WORDS_VERSION", newer)
    settings = {
        channel: Settings(
            channels=(channel,), corpus_dir=tmp_path / "corpus", index_dir=tmp_path / channel
        )
        for channel in ("fakeml", "fake")
    }
    assert not index_status(settings["fake"]).stale
    changed = index_status(settings["fakeml"]).changed
    assert f"{WORDS_CHANGE} (only its passage words embedded)" in changed
    assert not any("term knowledge" in change for change in changed)
    build_index(settings["fakeml"])
    assert not index_status(settings["fakeml"]).stale
    assert open_assistant(settings["fakeml"])._loaded.stored_words("fakeml") is not None


def test_only_a_build_storing_passage_words_counts_them(
    scratch_registry: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """s27 re-read: the chunk pass counted every passage's words on every build (~20 s per
    50,000 chunks), a build storing none (no multilingual channel, one language) too."""
    from citeqa.passage_translation import WrittenForms

    counted: list[str] = []
    original = WrittenForms.add

    def recording(self: WrittenForms, text: str) -> set[str]:
        counted.append(text)
        return original(self, text)

    monkeypatch.setattr(WrittenForms, "add", recording)
    register_embedder("fakeml", FakeBilingual)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in NOTES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    for channel in ("fake", "fakeml"):
        counted.clear()
        settings = Settings(channels=(channel,), corpus_dir=corpus, index_dir=tmp_path / channel)
        build_index(settings)
        assert bool(counted) is (channel == "fakeml"), channel
    assert any("caisse" in text for text in counted)


def test_a_build_of_notes_in_one_language_stores_no_words(french_only: Assistant) -> None:
    assert french_only._loaded.stored_words("fakeml") is None


def test_a_question_read_across_notes_in_both_languages_embeds_only_its_own_words(
    bilingual: dict[str, Assistant], monkeypatch: pytest.MonkeyPatch
) -> None:
    # the build embedded the notes' words (stored_words.py): reading the bank question's
    # absent words across languages embeds those words, and none of the notes' (embedding the
    # passages' words on every such question grew the s25 warm ask's p95 1.4-1.5x)
    embedded: list[str] = []
    real = FakeBilingual.embed_batch

    def spy(self: FakeBilingual, texts: Sequence[str]) -> np.ndarray:
        embedded.extend(texts)
        return real(self, texts)

    monkeypatch.setattr(FakeBilingual, "embed_batch", spy)
    assert bilingual["fakeml"].ask(QUESTION_OFF_TOPIC).abstained
    assert {"reserve", "currency"} <= set(embedded), "its absent words were read"
    notes_words = {word for text in NOTES.values() for word in content_words(text)}
    assert not notes_words & set(embedded)


def test_notes_in_both_languages_indexed_without_their_words_translate_only_near_a_close_note(
    bilingual: dict[str, Assistant], monkeypatch: pytest.MonkeyPatch
) -> None:
    # an index built before the build stored its words (stored_words.read_words: None) reads
    # a question's words across languages only as before: near a close note in the other one
    asked: list[list[str]] = []
    real = api.translations

    def spy(absent: list[str], *rest: object, **named: object) -> dict[str, str]:
        asked.append(list(absent))
        return real(absent, *rest, **named)  # type: ignore[arg-type]

    monkeypatch.setattr(api, "read_words", lambda *_: None)
    monkeypatch.setattr(api, "translations", spy)
    assert bilingual["fakeml"].ask(QUESTION_OFF_TOPIC).abstained
    assert asked == []


class SlowChannels(dict[str, object]):
    """Embedders whose look-up takes a while, as loading a model does: two workers asking for
    the word vectors at once both look before either has set them."""

    def __getitem__(self, channel: str) -> object:
        time.sleep(0.05)
        return super().__getitem__(channel)


def test_workers_asking_at_once_share_one_word_vector_cache(
    bilingual: dict[str, Assistant],
) -> None:
    loaded = bilingual["fakeml"]._loaded
    loaded.embedders = SlowChannels(loaded.embedders)
    with ThreadPoolExecutor(4) as pool:
        caches = list(pool.map(lambda _: loaded.word_vectors("fakeml"), range(4)))
    assert len({id(cache) for cache in caches}) == 1


@pytest.mark.parametrize(
    ("question", "refused_as_typed", "read_translated"),
    [
        ("How much is the cash float of the kermesse?", True, True),
        # answered as typed without "cash" and "float", which the bilingual folder never
        # writes: read again translated (the s30 trial's "emergency", "ethics", "commence")
        ("How much is the cash float of the kermesse?", False, True),
        # answered as typed, every word written: the answer found as typed stays
        ("What is the babysitter number?", False, False),
    ],
)
def test_a_question_refused_or_lacking_a_word_as_typed_is_read_translated(
    bilingual: dict[str, Assistant],
    monkeypatch: pytest.MonkeyPatch,
    question: str,
    refused_as_typed: bool,
    read_translated: bool,
) -> None:
    tried: list[str] = []
    real_compose, real_translated = api.compose, Assistant._translated

    def compose(*args: object, **kwargs: object) -> object:
        answer = real_compose(*args, **kwargs)  # type: ignore[arg-type]
        return (
            answer if refused_as_typed or tried else answer.model_copy(update={"abstained": False})
        )

    def translated(self: Assistant, question: str, *rest: object) -> object:
        tried.append(question)
        return real_translated(self, question, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(api, "compose", compose)
    monkeypatch.setattr(Assistant, "_translated", translated)
    bilingual["fakeml"].ask(question)
    assert bool(tried) is read_translated


@pytest.fixture
def french_only(scratch_registry: None, tmp_path: Path) -> Assistant:
    """An assistant over NOTES' French notes alone, with the multilingual fake channel."""
    register_embedder("fakeml", FakeBilingual)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("kermesse.md", "caisse.txt", "voyage.md"):
        (corpus / name).write_text(NOTES[name], encoding="utf-8")
    settings = Settings(channels=("fakeml",), corpus_dir=corpus, index_dir=tmp_path / "index")
    build_index(settings)
    return open_assistant(settings, build_if_missing=False)


def closeness_set(closeness: Closeness) -> Callable[..., object]:
    """api.compose with its `across` argument, however passed, replaced by `closeness`."""
    real = api.compose

    def compose(*args: object, **kwargs: object) -> object:
        bound = inspect.signature(real).bind(*args, **kwargs)
        bound.arguments["across"] = closeness
        return real(*bound.args, **bound.kwargs)

    return compose


def vouching_spied(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """The verdicts of answering.unvouched_across, in order, no passage being close (.2)."""
    real = answering.unvouched_across
    verdicts: list[bool] = []

    def unvouched(*args: object) -> bool:
        verdicts.append(real(*args))  # type: ignore[arg-type]
        return verdicts[-1]

    monkeypatch.setattr(api, "compose", closeness_set(lambda hits: [0.2] * len(hits)))
    monkeypatch.setattr(answering, "unvouched_across", unvouched)
    return verdicts


@pytest.mark.parametrize(("closeness", "answered"), [(0.9, True), (0.2, False)])
def test_an_answer_read_only_across_languages_needs_a_close_passage(
    french_only: Assistant, monkeypatch: pytest.MonkeyPatch, closeness: float, answered: bool
) -> None:
    # every passage is French, the question English: the quote answers only when the
    # multilingual channel puts one at across.MIN_CLOSENESS (off-topic questions asked in the
    # other language of a one-language corpus were quoted a passage sharing a word)
    monkeypatch.setattr(api, "compose", closeness_set(lambda hits: [closeness] * len(hits)))
    answer = french_only.ask("How much is the cash float of the kermesse?")
    assert answer.abstained is not answered
    if answered:
        assert "150 €" in answer.answer
    else:
        assert answer.confidence == 0.0 and answer.passages


def test_a_follow_up_s_subject_named_before_vouches_for_passages_in_the_other_language(
    french_only: Assistant, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the follow-up names nothing itself; the question before it names the kermesse's
    # cashier, whom the French note writes: the text searched holds both (across.written_names)
    verdicts = vouching_spied(monkeypatch)
    asking = french_only.configured(abstain_threshold=0.0, min_confidence=0.0)  # models answer
    chat = asking.session()
    chat.ask("How much cash does Julien Moreau hold?")
    verdicts.clear()
    chat.ask("And how much is his caisse?")
    alone = verdicts[:]
    verdicts.clear()
    asking.session().ask("And how much is his caisse?")
    assert alone and not any(alone), "vouched for by the name asked before"
    assert verdicts and all(verdicts), "asked alone, nothing vouches"


@pytest.mark.parametrize("follow_up", ["And the voyage?", "And the kermesse?"])
def test_a_follow_up_naming_its_own_subject_is_not_vouched_for_by_the_names_asked_before(
    french_only: Assistant, monkeypatch: pytest.MonkeyPatch, follow_up: str
) -> None:
    # the French note writes "Julien Moreau", whom the previous question names; the follow-up
    # asks of something else, a word the notes write (the review's "And the weather?" was read
    # on a folder writing "weather"), so that name does not vouch for it (followups.refers_back)
    verdicts = vouching_spied(monkeypatch)
    chat = french_only.configured(abstain_threshold=0.0, min_confidence=0.0).session()
    chat.ask("How much cash does Julien Moreau hold?")
    verdicts.clear()
    answer = chat.ask(follow_up)
    assert verdicts and all(verdicts), "nothing vouches for the follow-up's own subject"
    assert answer.abstained and answer.confidence == 0.0


MORE_FRENCH = {
    "menage.txt": "La femme de ménage vient le mardi matin.\n",
    "piscine.txt": "La piscine municipale ouvre le samedi à neuf heures.\n",
    "jardin.txt": "Le jardinier taille la haie au printemps.\n",
    "cantine.txt": "Les repas de la cantine sont servis à midi.\n",
    "medecin.txt": "Le médecin traitant consulte le vendredi.\n",
    "chaudiere.txt": "La chaudière est révisée chaque automne.\n",
    "voiture.txt": "Le garage a changé les pneus de la voiture avant l'hiver.\n",
    "banque.txt": "La banque prélève les frais de tenue de compte chaque mois.\n",
}
"""French notes beside NOTES' three, so that the English notes are a minority."""


@pytest.fixture
def mostly_french(scratch_registry: None, tmp_path: Path) -> Assistant:
    """An assistant over French notes and three English ones (under the quarter of a
    bilingual corpus, above abstention.MINORITY_SHARE and MINORITY_DOCUMENTS), with the
    multilingual fake channel."""
    register_embedder("fakeml", FakeBilingual)
    corpus = tmp_path / "mostly"
    corpus.mkdir()
    for name in ("kermesse.md", "caisse.txt", "voyage.md", "plumber.txt", "babysitter.txt"):
        (corpus / name).write_text(NOTES[name], encoding="utf-8")
    (corpus / "dentist.txt").write_text("The dentist moved to Thursday afternoon.\n", "utf-8")
    for name, text in MORE_FRENCH.items():
        (corpus / name).write_text(text, encoding="utf-8")
    # the answer reads the closest note alone: a French one, vouched for by the translated
    # words it writes, not by the English plumber's note read beside it
    settings = Settings(
        channels=("fakeml",),
        corpus_dir=corpus,
        index_dir=tmp_path / "mostly-ix",
        answer_passages=1,
    )
    build_index(settings)
    return open_assistant(settings, build_if_missing=False)


def test_a_question_in_the_minority_language_is_read_with_the_stored_words(
    mostly_french: Assistant, french_only: Assistant, monkeypatch: pytest.MonkeyPatch
) -> None:
    # s27 trial: English questions of a French family folder with a few English documents were
    # refused ("No word of the question occurs") though the French passage answering them came
    # first, the multilingual channel putting it under across.MIN_CLOSENESS; the build now
    # stores the words of such a folder and the question's absent words are read as theirs,
    # the translated words vouching for the French passage (across.unvouched_across)
    languages = mostly_french._loaded.document_languages
    assert not languages.bilingual_corpus() and languages.read_across_from("en")
    assert languages.translated_share("en") == 1.0, "every absent word of the minority's"
    assert mostly_french._loaded.stored_words("fakeml") is not None
    far = lambda hits: [0.2] * len(hits)  # noqa: E731
    monkeypatch.setattr(api, "compose", closeness_set(far))
    monkeypatch.setattr(Assistant, "_closeness", lambda *_: far)
    monkeypatch.setattr(Assistant, "_sentence_closeness", _passages_only)
    answer = mostly_french.ask("How much is the cash float of the kermesse?")
    assert not answer.abstained and "150 €" in answer.answer, answer.answer
    alone = french_only.ask("How much is the cash float of the kermesse?")
    assert alone.abstained and "“cash”" in (alone.reason or ""), "no English note: as before"


def test_a_question_refused_for_another_reason_than_its_words_is_not_read_translated(
    mostly_french: Assistant, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "What did we pay for the car loan insurance in 2023?" (s27 trial) was refused for the year
    # no passage holds; read with "pay" as "payable" it found another year's premium
    far = lambda hits: [0.2] * len(hits)  # noqa: E731
    monkeypatch.setattr(Assistant, "_closeness", lambda *_: far)
    monkeypatch.setattr(Assistant, "_sentence_closeness", _passages_only)
    real = api.compose

    def compose(*args: object, **kwargs: object) -> object:
        answer = real(*args, **kwargs)  # type: ignore[arg-type]
        return answer.model_copy(update={"claims_absence": False})

    monkeypatch.setattr(api, "compose", compose)
    answer = mostly_french.ask("How much is the cash float of the kermesse?")
    assert answer.abstained


def test_a_minority_language_question_half_of_whose_absent_words_translate_stays_refused(
    mostly_french: Assistant, monkeypatch: pytest.MonkeyPatch
) -> None:
    # review of s28: "What is the salary of the mayor?" of a French family folder read "salary"
    # as "salaire" and quoted a salary line of no mayor; every absent word must translate
    far = lambda hits: [0.2] * len(hits)  # noqa: E731
    monkeypatch.setattr(api, "compose", closeness_set(far))
    monkeypatch.setattr(Assistant, "_closeness", lambda *_: far)
    answer = mostly_french.ask("How much is the cash float of the mayor?")
    assert answer.abstained and answer.confidence == 0.0, answer.answer


def test_notes_whose_words_an_earlier_version_wrote_alike_are_current_and_read(
    bilingual: dict[str, Assistant], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # WORDS_VERSION 3 -> 4 stores words for more corpora in the same files: an index of
    # version 3 that stored them was STALE and read none (its questions refused) until rebuilt
    current = stored_words.WORDS_VERSION
    earlier = next(v for v, same in stored_words.SAME_FILES.items() if same == current)
    for module in (stored_words, previousindex, contents):
        monkeypatch.setattr(module, "WORDS_VERSION", earlier)
    corpus = tmp_path / "corpus"
    settings = Settings(channels=("fakeml",), corpus_dir=corpus, index_dir=tmp_path / "v3")
    build_index(settings)
    for module in (stored_words, previousindex, contents):
        monkeypatch.setattr(module, "WORDS_VERSION", current)
    assert (load_index(settings.index_dir).statistics or {})["stored_words"] == earlier
    assert not index_status(settings).stale
    assert open_assistant(settings)._loaded.stored_words("fakeml") is not None


def test_notes_an_earlier_version_stored_no_words_of_are_stale(
    bilingual: dict[str, Assistant], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the marker stays: a corpus version 3 stored none of (then under MINORITY_DOCUMENTS) and
    # version 4 stores words of is outdated, and its next build stores them
    current = stored_words.WORDS_VERSION
    earlier = next(v for v, same in stored_words.SAME_FILES.items() if same == current)
    for module in (stored_words, previousindex, contents):
        monkeypatch.setattr(module, "WORDS_VERSION", earlier)
    monkeypatch.setattr(contents, "stores_words", lambda *_: False)
    settings = Settings(
        channels=("fakeml",), corpus_dir=tmp_path / "corpus", index_dir=tmp_path / "v3"
    )
    build_index(settings)
    for module in (stored_words, previousindex, contents):
        monkeypatch.setattr(module, "WORDS_VERSION", current)
    assert (load_index(settings.index_dir).statistics or {})["stored_words"] == earlier
    assert open_assistant(settings)._loaded.stored_words("fakeml") is None
    assert f"{WORDS_CHANGE} (only its passage words embedded)" in index_status(settings).changed


MORE_ENGLISH = {
    "boiler.txt": "The boiler is serviced every autumn by the heating engineer.\n",
    "car.txt": "The garage changed the car tyres before the winter.\n",
    "bank.txt": "The bank charges an account fee every month.\n",
    "dentist.txt": "The dentist moved to Thursday afternoon.\n",
    "school.txt": "The school bus leaves at 7.40 from the church square.\n",
}
"""English notes beside NOTES' two, so that the French notes (caisse, kermesse) are a minority."""


@pytest.fixture
def mostly_english(scratch_registry: None, tmp_path: Path) -> Assistant:
    """An assistant over English notes and two French ones (abstention.READ_ACROSS_DOCUMENTS),
    with the multilingual fake channel, answering from the closest passage alone."""
    register_embedder("fakeml", FakeBilingual)
    corpus = tmp_path / "mostly-en"
    corpus.mkdir()
    for name in ("kermesse.md", "caisse.txt", "plumber.txt", "babysitter.txt"):
        (corpus / name).write_text(NOTES[name], encoding="utf-8")
    for name, text in MORE_ENGLISH.items():
        (corpus / name).write_text(text, encoding="utf-8")
    settings = Settings(
        channels=("fakeml",),
        corpus_dir=corpus,
        index_dir=tmp_path / "mostly-en-ix",
        answer_passages=1,
    )
    build_index(settings)
    return open_assistant(settings, build_if_missing=False)


SCHOOL_WORDS = {"ecole": "school", "scolaire": "school"}
"""French words the fake channel of `diary` reads as "school" (USE: "école" .913, "scolaire"
.884)."""

DIARY = {
    **{
        f"diary-2026-05-{day}.md": f"# {day} May 2026\n\nTrip to the market on {day} May. Long"
        f" call with Anna about the May trip. Trip budget for May: {day}0 EUR.\n"
        for day in range(18, 26)
    },
    "lea.md": "# Léa — école Jules-Ferry\n\n- Sortie scolaire au zoo de Vincennes le 22 mai"
    " 2026 ; prévoir un pique-nique.\n- Piscine le vendredi matin.\n",
    "courses.md": "# Courses\n\nPain, lait, œufs et fromage pour samedi ; penser au marché.\n",
    "jardin.md": "# Jardin\n\nTailler les rosiers fin février ; semer les tomates en mars.\n",
}


class FakeSchool(FakeBilingual):
    """FakeBilingual reading SCHOOL_WORDS alone across languages."""

    name, model = "fakeschool", "fake-hash-school"
    same_meaning = SCHOOL_WORDS


def _school_assistant(tmp_path: Path, notes: dict[str, str]) -> Assistant:
    """An assistant over `notes` with the FakeSchool channel (registered by the caller)."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in notes.items():
        (corpus / name).write_text(text, encoding="utf-8")
    settings = Settings(channels=("fakeschool",), corpus_dir=corpus, index_dir=tmp_path / "idx")
    build_index(settings)
    return open_assistant(settings, build_if_missing=False)


@pytest.fixture
def diary(scratch_registry: None, tmp_path: Path) -> Assistant:
    """English diary entries of May, and French notes, one on a school trip on 22 May."""
    register_embedder("fakeschool", FakeSchool)
    return _school_assistant(tmp_path, DIARY)


FAKE_CONFIDENCE = 0.2
"""The floor of a majority reading across in these tests (translated_answer.MAJORITY_CONFIDENCE
is USE's): the fake channel's answers come out at .24 (the cash note)."""


def test_a_question_in_the_majority_language_is_read_across_toward_the_few_documents(
    mostly_english: Assistant, monkeypatch: pytest.MonkeyPatch
) -> None:
    # s37 repro: an English engineering folder with 5 French client documents of 30; English
    # questions about those ("What time does the site gate open?": "portail", "ouvert") were
    # refused or answered from an English document, the majority's questions never read across
    languages = mostly_english._loaded.document_languages
    assert not languages.bilingual_corpus() and languages.read_across_from("en")
    far = lambda hits: [0.2] * len(hits)  # noqa: E731
    monkeypatch.setattr(api, "compose", closeness_set(far))
    monkeypatch.setattr(Assistant, "_closeness", lambda *_: far)
    refused = mostly_english.ask("How much is the cash float?")  # at .24, under the floor
    assert refused.abstained and refused.reason is not None, refused.answer
    monkeypatch.setattr(translated_answer, "MAJORITY_CONFIDENCE", FAKE_CONFIDENCE)
    answer = mostly_english.ask("How much is the cash float?")
    assert not answer.abstained and "150 €" in answer.answer, answer.answer


def test_a_majority_question_read_across_is_answered_only_by_a_passage_writing_each_word(
    mostly_english: Assistant, monkeypatch: pytest.MonkeyPatch
) -> None:
    # s37 review (a rowing club's English folder, 3 French documents): "How much does cleaning
    # the boats cost?", read by "nettoyage", quoted the French hall contract's cleaning fee; the
    # cash note writes "caisse" and "fond" but no "kermesse", another note's subject
    far = lambda hits: [0.2] * len(hits)  # noqa: E731
    monkeypatch.setattr(api, "compose", closeness_set(far))
    monkeypatch.setattr(Assistant, "_closeness", lambda *_: far)
    monkeypatch.setattr(translated_answer, "MAJORITY_CONFIDENCE", FAKE_CONFIDENCE)
    assert not mostly_english.ask("How much is the cash float?").abstained
    answer = mostly_english.ask("How much is the cash float of the kermesse?")
    assert answer.abstained, answer.answer
    assert answer.reason is not None and "“cash”, “float”" in answer.reason, "refused as typed"


def test_a_majority_question_none_of_whose_words_occur_is_not_read_by_half_its_words(
    mostly_english: Assistant, monkeypatch: pytest.MonkeyPatch
) -> None:
    # PIAF's off-topic "Qui a fourni les navires ?" asked of a French folder with 3 English
    # documents read "fourni" as "supply", "navires" none, and quoted an English timber quote
    # at .45: a question none of whose words the documents write is not read by one word
    far = lambda hits: [0.2] * len(hits)  # noqa: E731
    monkeypatch.setattr(api, "compose", closeness_set(far))
    monkeypatch.setattr(Assistant, "_closeness", lambda *_: far)
    majority_readings: list[bool] = []
    real = Assistant._replaces

    def replaces(self: Assistant, *args: object) -> bool:
        majority_readings.append(True)
        return real(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(Assistant, "_replaces", replaces)
    answer = mostly_english.ask("Who embezzled the cash?")
    assert answer.abstained and not majority_readings, answer.answer
    # two of its words translating ("What is the emergency phone number at night?": "urgence",
    # "nuit"), it is read (abstention.WORDLESS_TRANSLATED)
    mostly_english.ask("Who embezzled the cash float yesterday?")
    assert majority_readings == [True]
    monkeypatch.setattr(translated_answer, "MAJORITY_CONFIDENCE", FAKE_CONFIDENCE)
    whole = mostly_english.ask("How much is the cash float?")  # every absent word read
    assert not whole.abstained and "150 €" in whole.answer, whole.answer


def test_a_majority_question_is_read_across_only_by_words_the_few_documents_alone_write(
    mostly_english: Assistant,
) -> None:
    # s38: of 500 English abstracts with 3 French articles, "thrombotic" read as the stored
    # "thrombolytic", "efective" as "defect": English words, read at the cost of a second
    # search and answer that found the English abstracts again
    found = {"charge": "bank", "float": "fond", "square": "church"}
    assert mostly_english._toward_the_few(found, "en") == {"float": "fond"}


def test_a_majority_question_answered_surely_as_typed_is_not_read_across(
    mostly_english: Assistant,
) -> None:
    # a calibrated answer over api.WEAK_CONFIDENCE is more often right than wrong: read across
    # only under it ("What time does the site gate open?" .32 as typed, s37 repro)
    question = "When does the dentist see patients on Thursday?"
    terms = mostly_english._terms(question, None)
    assert terms.absent, "a word no document writes"
    ranking = mostly_english.retrieve(question)
    lacking = partial(mostly_english._lacking_words, question, terms, ranking, "fakeml")
    assert lacking(api.WEAK_CONFIDENCE - 0.1) and not lacking(api.WEAK_CONFIDENCE + 0.1)


@pytest.mark.parametrize(
    ("question", "read"),
    [
        ("Where is the school trip on 22 May?", True),
        # "aquarium" no stored word means: the question stays as typed
        ("Where is the school aquarium trip on 22 May?", False),
    ],
)
def test_a_word_no_passage_found_translates_is_read_as_the_corpus_writes_it_across(
    diary: Assistant, question: str, read: bool
) -> None:
    """Notes dev a59: "Where is the school trip on 22 May?" found English diary entries of
    May alone, none writing "école" nor "scolaire"; every content word it lacks is read as the
    word of the whole corpus that the other language's passages write
    (corpus_translation.every_word_across), or none is."""
    terms = diary._terms(question, None)
    top = diary.retrieve(question).hits[: diary.settings.answer_passages]
    assert all(hit.chunk.lang == "en" for hit in top), "the search found no French note"
    assert "school" in terms.absent
    found, vouched = diary._read_across(terms, top, "en", "fakeschool")
    assert not vouched
    assert set(found) == ({"school"} if read else set())
    assert not read or sorted(found["school"].split()) == sorted(SCHOOL_WORDS)


@pytest.mark.parametrize(
    ("question", "read", "lang", "others"),
    [
        ("When is the school trip?", {"school": "ecole scolaire"}, "en", ("trip",)),
        ("Where is the school trip on 22 May?", {"school": "ecole"}, "en", ("trip", "22")),
        ("Quand est la sortie scolaire ?", {"scolaire": "school"}, "fr", ("sortie",)),
    ],
)
def test_a_question_read_with_no_passage_vouching_is_held_to_its_other_content_words(
    question: str, read: dict[str, str], lang: Lang, others: tuple[str, ...]
) -> None:
    """The words a quote of a question read across with no passage vouching must write one of
    (translated_answer.writes_another_asked): its content words but the ones read across."""
    assert api._other_content_words(question, read, lang) == others


@pytest.mark.parametrize(("also_asked", "searches"), [(("trip",), 1), (None, 2)])
def test_an_unvouched_reading_reads_again_only_a_question_refused_as_typed(
    diary: Assistant,
    monkeypatch: pytest.MonkeyPatch,
    also_asked: tuple[str, ...] | None,
    searches: int,
) -> None:
    """s38 latency: 9 of the bundled corpus's questions, answered as typed, were read again by
    a reading no passage vouched for (corpus_translation.every_word_across), a second search and
    answer changing none of them; such a reading waits for a refusal, a vouched one does not."""
    searched = []
    real_searched = Assistant._searched

    def counted(self: Assistant, *args: object) -> object:
        searched.append(args[0])
        return real_searched(self, *args)  # type: ignore[arg-type]

    def read(
        self: Assistant, question: str, context: object, terms: QuestionTerms, *rest: object
    ) -> QuestionTerms:
        return replace(terms, also_asked=also_asked)

    monkeypatch.setattr(Assistant, "_searched", counted)
    monkeypatch.setattr(Assistant, "_lacking_words", lambda self, *args: True)
    monkeypatch.setattr(Assistant, "_translated", read)
    answer = diary.ask("When is the trip to the market?")
    assert not answer.abstained, "answered as typed"
    assert len(searched) == searches


def _passages_only(
    _assistant: Assistant, closeness: Closeness | None, *_: object
) -> Closeness | None:
    """Assistant._sentence_closeness, no sentence read closer than its passage: the tests
    setting every passage far set its sentences far too (the fake channel's sentence vectors
    put the kermesse's line close to any question naming it)."""
    return closeness
