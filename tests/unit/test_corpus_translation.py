"""corpus_translation: a question's absent words read as the nearest of every word the build
stored (not only those of the passages found), at STRICTER_SIMILARITY, never as a function
word; the words the passages found already translated are kept as they were read."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from citeqa.corpus_translation import (
    STRICTER_SIMILARITY,
    corpus_translations,
    every_word_across,
    in_other_language,
)
from citeqa.models import Lang
from citeqa.passage_translation import CLEAR_MARGIN, MIN_RIVAL_WORDS, WordVectors
from citeqa.stored_words import StoredWords

NEAR = {"insurance": ("assurance", 0.9), "expire": ("duree", 0.7), "since": ("depuis", 0.99)}
"""English words this fake channel puts at a cosine of a stored French one: "depuis", a French
function word, is never a translation however close."""


class NearAxes:
    """One axis per distinct word; each of NEAR's English words at its cosine of its French
    word's axis."""

    name, model, package, version = "fakenear", "fake-near-axes", "citeqa-tests", "0"
    dim, default_weight, multilingual = 32, 1.0, True

    def __init__(self) -> None:
        self.axes: dict[str, int] = {}

    def embed_batch(self, texts: Sequence[str]) -> np.ndarray:
        return np.stack([self.vector(text) for text in texts]).astype(np.float32)

    def vector(self, word: str) -> np.ndarray:
        if word in NEAR:
            french, cosine = NEAR[word]
            return cosine * self._axis(french) + (1 - cosine**2) ** 0.5 * self._axis(word)
        return self._axis(word)

    def _axis(self, word: str) -> np.ndarray:
        vector = np.zeros(self.dim)
        vector[self.axes.setdefault(word, len(self.axes))] = 1.0
        return vector


def _stored(embedder: NearAxes, words: Sequence[str]) -> StoredWords:
    vectors = np.stack([embedder.vector(word) for word in words]).astype(np.float16)
    return StoredWords(list(words), vectors, list(words))


def test_absent_words_are_read_as_the_nearest_stored_words_at_the_stricter_bar() -> None:
    embedder = NearAxes()
    stored = _stored(embedder, ["cotisation", "assurance", "duree", "depuis"])
    read = corpus_translations(["insurance", "expire", "since"], {}, stored, WordVectors(embedder))
    assert 0.7 < STRICTER_SIMILARITY < 0.9
    assert read == {"insurance": "assurance"}


def test_words_the_passages_found_translated_are_kept_and_not_read_again() -> None:
    embedder = NearAxes()
    stored = _stored(embedder, ["assurance", "attestation"])
    found = {"insurance": "attestation"}
    read = corpus_translations(["insurance"], found, stored, WordVectors(embedder))
    assert read == found


def test_workers_reading_the_whole_vocabulary_at_once_read_it_once() -> None:
    """The vocabulary's vectors (41 MB at MAX_WORDS) are read once however many workers ask
    at once (s30 review: each built its own copy)."""
    import threading
    import time

    words = ["assurance", "duree", "facture"]
    stored = StoredWords(words, np.eye(3, dtype=np.float16), words)
    reads: list[int] = []
    real = stored.vectors_of

    def slow(folded: object) -> tuple[list[str], np.ndarray]:
        reads.append(1)
        time.sleep(0.05)
        return real(folded)  # type: ignore[arg-type]

    stored.vectors_of = slow  # type: ignore[method-assign]
    excluded = frozenset({"de"})
    workers = [threading.Thread(target=stored.all_vectors, args=(excluded,)) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert len(reads) == 1
    assert stored.all_vectors(excluded)[0] == ["assurance", "duree", "facture"]


class Counterparts(NearAxes):
    """NearAxes with its own pairs: question words at a cosine of a word the corpus writes."""

    def __init__(self, near: dict[str, tuple[str, float]]) -> None:
        super().__init__()
        self.near = near

    def vector(self, word: str) -> np.ndarray:
        if word in self.near:
            written, cosine = self.near[word]
            return cosine * self._axis(written) + (1 - cosine**2) ** 0.5 * self._axis(word)
        return self._axis(word)


def test_a_word_the_corpus_writes_in_the_other_language_is_a_counterpart() -> None:
    """s31 trial: "Quels gants porter avec le vernis ?" of a French folder whose English safety
    sheet writes "gloves", and "When is the meeting with the accountant about the annual
    accounts?" of its French notes, were not told to ask in the other language. A French
    question's counterpart is a known English word (the list vouches for its language, so a
    lower bar); an English question's is none, at the stricter bar ("weather" / "days" is a
    synonym in its own language)."""
    near = {
        "gants": ("gloves", 0.73),
        "temps": ("duree", 0.75),
        "accounts": ("comptes", 0.86),
        "meeting": ("reunion", 0.93),  # "reunion" is an English word too
        "bread": ("comptoir", 0.75),
    }
    embedder = Counterparts(near)
    stored = _stored(embedder, ["gloves", "duree", "comptes", "reunion", "comptoir"])
    vectors = WordVectors(embedder)
    written = _written({"en": {"gloves"}, "fr": {"duree", "comptes", "reunion", "comptoir"}})
    assert in_other_language(["gants"], "fr", stored, vectors, written)
    assert not in_other_language(["temps"], "fr", stored, vectors, written)
    assert in_other_language(["meeting", "accounts"], "en", stored, vectors, written)
    assert not in_other_language(["meeting", "bread"], "en", stored, vectors, written)


def _written(words: dict[str, set[str]]) -> Callable[[str, Lang], bool]:
    """Whether passages in a language write a folded word: those of `words`' language."""
    return lambda word, lang: word in words.get(lang, set())


def test_a_known_word_only_the_passages_in_the_question_s_language_write_is_no_counterpart() -> (
    None
):
    """s32 review: "Combien d'employés a Google ?" of a French joinery's folder was told to ask
    in English: its "d'employés" is near the folded "salariés" of a French payslip, "salaries",
    an English word too. Only a word passages in the other language write is a counterpart."""
    embedder = Counterparts({"d'employés": ("salaries", 0.78)})
    stored = StoredWords(["salaries"], _rows(embedder, ["salaries"]), ["salariés"])
    vectors = WordVectors(embedder)
    french_only = _written({"fr": {"salaries"}, "en": {"gloves"}})
    assert not in_other_language(["d'employés"], "fr", stored, vectors, french_only)
    both = _written({"fr": {"salaries"}, "en": {"salaries"}})
    assert in_other_language(["d'employés"], "fr", stored, vectors, both)


def _rows(embedder: NearAxes, words: Sequence[str]) -> np.ndarray:
    return np.stack([embedder.vector(word) for word in words]).astype(np.float16)


def test_a_word_is_written_only_whole() -> None:
    """api._whole_word_in, the look-up of LoadedIndex.written_in in the folded passages."""
    from citeqa.api import _whole_word_in

    text = "bulletin : salaries, conges\nd'employes 2025"
    assert _whole_word_in("salaries", text)
    assert _whole_word_in("employes", text)
    assert not _whole_word_in("salarie", text)
    assert not _whole_word_in("aries", text)
    assert not _whole_word_in("gloves", text)


class Rivals:
    """One axis per distinct word; each word of `near` at its cosines of its French words'
    axes (a nearest and its rival)."""

    name, model, package, version = "fakerivals", "fake-rivals", "citeqa-tests", "0"
    dim, default_weight, multilingual = 512, 1.0, True

    def __init__(self, near: dict[str, list[tuple[str, float]]]) -> None:
        self.near = near
        self.axes: dict[str, int] = {}

    def embed_batch(self, texts: Sequence[str]) -> np.ndarray:
        return np.stack([self.vector(text) for text in texts]).astype(np.float32)

    def vector(self, word: str) -> np.ndarray:
        if word not in self.near:
            return self._axis(word)
        pairs = self.near[word]
        rest = (1 - sum(cosine**2 for _, cosine in pairs)) ** 0.5
        return sum((c * self._axis(w) for w, c in pairs), rest * self._axis(word))

    def _axis(self, word: str) -> np.ndarray:
        vector = np.zeros(self.dim)
        vector[self.axes.setdefault(word, len(self.axes))] = 1.0
        return vector


def _many_stored(embedder: Rivals, words: Sequence[str]) -> StoredWords:
    """`words` among MIN_RIVAL_WORDS more stored words far from them: a margin means something."""
    filler = [f"mot{chr(97 + i % 26)}{chr(97 + i // 26)}" for i in range(MIN_RIVAL_WORDS)]
    every = [*words, *filler]
    vectors = np.stack([embedder.vector(word) for word in every]).astype(np.float16)
    return StoredWords(every, vectors, every)


def test_a_word_under_the_bar_near_a_close_rival_is_not_read_clearly() -> None:
    """ "expire" / "duree" .70 (s29 trial) with "delai" .65 close behind: no clear nearest, so
    refused even read across (`clear`), where "lease" / "loyer" .74, the rest far, is read."""
    embedder = Rivals({"expire": [("duree", 0.70), ("delai", 0.65)], "lease": [("loyer", 0.74)]})
    stored = _many_stored(embedder, ["duree", "delai", "loyer"])
    vectors = WordVectors(embedder)
    assert STRICTER_SIMILARITY > 0.70 and CLEAR_MARGIN > 0.70 - 0.65
    read = corpus_translations(["expire", "lease"], {}, stored, vectors, clear=lambda w: True)
    assert read == {"lease": "loyer"}
    assert corpus_translations(["expire", "lease"], {}, stored, vectors) == {}


def test_a_clear_reading_is_a_word_the_other_languages_passages_write() -> None:
    """s35 review: "dinner" / "lunch" .724 of an English note is a synonym, no translation:
    under the bar, only a word `clear` accepts (written by the other language's passages)."""
    embedder = Rivals({"dinner": [("lunch", 0.724)]})
    stored = _many_stored(embedder, ["lunch"])
    read = corpus_translations(
        ["dinner"], {}, stored, WordVectors(embedder), clear=lambda w: w != "lunch"
    )
    assert read == {}


def test_a_question_whose_search_found_no_translation_is_read_only_when_every_word_is() -> None:
    """Notes dev a59: "Where is the school trip on 22 May?" of a family folder in both
    languages found English diary entries of May; the corpus writes "école" (.913). Read across
    with no passage to vouch for it, every content word must reach the stricter bar, into a
    word the other language's passages write: "cash" / "caisse" .61 of "Who holds the cash box
    at the school fair?" leaves that question as typed."""
    embedder = Counterparts({"school": ("ecole", 0.91), "cash": ("caisse", 0.61)})
    stored = _stored(embedder, ["ecole", "caisse", "kermesse"])
    vectors = WordVectors(embedder)
    french = {"ecole", "caisse", "kermesse"}.__contains__
    assert every_word_across(["school"], stored, vectors, french, "fr") == {"school": "ecole"}
    assert every_word_across(["cash", "school"], stored, vectors, french, "fr") == {}
    assert every_word_across([], stored, vectors, french, "fr") == {}


def test_a_french_question_is_read_across_into_the_words_english_passages_write() -> None:
    """The same of a French question: "Quand passe la tondeuse ?" of English notes writing
    "mower" (.88) is read so; "Combien coûte le gazon de la tondeuse ?" is not, "gazon" / "lawn"
    .62 under the bar."""
    embedder = Counterparts({"tondeuse": ("mower", 0.88), "gazon": ("lawn", 0.62)})
    stored = _stored(embedder, ["mower", "lawn", "garden"])
    vectors = WordVectors(embedder)
    english = {"mower", "lawn", "garden"}.__contains__
    assert every_word_across(["tondeuse"], stored, vectors, english, "en") == {"tondeuse": "mower"}
    assert every_word_across(["gazon", "tondeuse"], stored, vectors, english, "en") == {}


def test_a_word_read_across_the_whole_corpus_is_one_the_other_language_writes() -> None:
    """A stored word near at the bar that only passages in the question's own language write
    is a synonym, no translation: the question stays as typed."""
    embedder = Counterparts({"school": ("ecole", 0.91)})
    stored = _stored(embedder, ["ecole"])
    read = every_word_across(["school"], stored, WordVectors(embedder), lambda word: False, "fr")
    assert read == {}


def test_a_word_read_across_the_whole_corpus_is_no_word_of_a_question_s_form() -> None:
    """Off-topic on the tables set's corpus (English and French): "Quelle serait la cause de
    cette utilisation ?" read "utilisation" as "used" (.853), a word of a question's form in
    English (reason_words), and "cause" as "because" (.852), and quoted "Paused because the
    peer is full". A translation no passage found vouches for is a content word of the
    passages' language: "utilisation" is not read, so neither is the question."""
    embedder = Counterparts({"utilisation": ("used", 0.853), "cause": ("because", 0.852)})
    stored = _stored(embedder, ["used", "because", "peer"])
    english = {"used", "because", "peer"}.__contains__
    vectors = WordVectors(embedder)
    assert every_word_across(["cause", "utilisation"], stored, vectors, english, "en") == {}
    assert every_word_across(["cause"], stored, vectors, english, "en") == {"cause": "because"}
