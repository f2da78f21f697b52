"""The question's absent words read as words of the whole corpus's vocabulary, in the words the
build stored (stored_words.py), when the passages the search found write none they mean.

A question asked in the corpus's other language often finds the wrong passages first: "When does
the insurance certificate expire?" of a French folder reaches the club's rules and a parent's
mail, never the insurer's "attestation d'assurance", so no word of those passages is its
"insurance" (passage_translation.translations reads only the words of the passages found). The
build stored a vector of each word the corpus writes; an absent word is compared with all of
them (one product of a few rows by the stored rows), and its nearest at STRICTER_SIMILARITY,
above the bar a word of the passages found needs, is read as it: the search is run again with it
(api.Assistant._translated, one more search at most), so that the passage writing it is found.
Its function words are never a translation (language.json), as for a passage's words. On a
corpus in both languages whose search found passages that translate none of the absent words
(English diary entries of May for "Where is the school trip on 22 May?" of a family folder),
the question is read so only when every content word of it is (`every_word_across`).

An abstention's advice to ask in the other language reads the same vocabulary (`in_other_language`:
api.Assistant._translates): a word the question lacks whose counterpart the corpus writes in that
language ("gants" / "gloves" .73 of a French joinery's English safety sheet; "accounts" / "comptes",
"annual" / "annuelle" of its French notes, not "meeting" / "reunion", an English word too: s31
trial, a75 and a52 were not told to ask so, others were) says asking in it may find what the
question's words did not.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np

from citeqa.known_words import known_word, known_words
from citeqa.models import Lang
from citeqa.passage_translation import (
    MINORITY_SIMILARITY,
    WordVectors,
    asked_forms,
    both_function_words,
    clear_words,
    clearly_readable,
    nearest_among,
)
from citeqa.reason_words import nameable
from citeqa.stored_words import StoredWords

STRICTER_SIMILARITY = 0.83
"""The cosine an absent word needs with a word of the whole corpus (passage_translation.
BILINGUAL_SIMILARITY): above MINORITY_SIMILARITY (.70), the bar of a word of the passages found,
since the whole vocabulary offers many more near words ("expire" / "duree" .66, "surplus" /
"montant" .69 on a French club's folder) while its translations reach it ("insurance" /
"assurances" .89, "invoice" / "facture" .84, "members" / "membres" .96). Under it a word is
read only as its clear nearest (passage_translation.clearly_nearest: CLEAR_MARGIN ahead of its
rivals among MIN_RIVAL_WORDS stored words or more), and only where a question is read across
(`corpus_translations`' `clear`), never for the advice to ask in the other language
(`in_other_language`): "expire" / "duree" .70 with "delai" .65 close behind is no reading."""


def corpus_translations(
    absent: Sequence[str],
    found: Mapping[str, str],
    stored: StoredWords,
    vectors_of: WordVectors,
    bar: float = STRICTER_SIMILARITY,
    clear: Callable[[str], bool] | None = None,
) -> dict[str, str]:
    """The `absent` words (as typed; the first MAX_ABSENT) that `found` (folded: the words the
    passages found were read as) lacks, each folded with the stored word (folded, no function
    word of either language) nearest to it by `vectors_of` at cosine `bar`, with `found`'s.
    With `clear` (whether passages in the other language write a folded word: only a question
    read across with no close passage, api.Assistant._read_across), a word is read also as the
    clear nearest under `bar` (passage_translation.clearly_nearest) that `clear` accepts and the
    corpus writes with no capital (a name) ("dinner" / "lunch" .724 of an English note is a
    synonym, no translation); never for the advice to ask in the other language
    (`in_other_language`)."""
    asked = asked_forms(absent, found)
    if not asked:
        return dict(found)
    words, vectors = stored.all_vectors(both_function_words())
    if not words:
        return dict(found)
    own = vectors_of.of(list(asked), [])
    nearest = nearest_among(list(asked), own, words, vectors, bar)
    if clear is not None:
        readable = clear_words(absent)
        under = nearest_among(list(asked), own, words, vectors, bar, readable)
        nearest |= {
            word: match
            for word, match in under.items()
            if word not in nearest and clear(match) and clearly_readable(stored.written_as(match))
        }
    return {**found, **{asked[word]: match for word, match in nearest.items()}}


def every_word_across(
    absent: Sequence[str],
    stored: StoredWords,
    vectors_of: WordVectors,
    written_across: Callable[[str], bool],
    other: Lang,
) -> dict[str, str]:
    """Each of the `absent` content words (reason_words.nameable_words, folded) read as every
    stored word at STRICTER_SIMILARITY that a passage in the `other` language writes
    (`written_across`, folded) and that is a content word of it (reason_words.nameable: not
    "used", a word of a question's form), joined by a space (questions.analyse reads each),
    or {} unless every one of them is: a question on a corpus in both languages whose search
    found no passage writing its words' translations (api.Assistant._read_across). "Where is
    the school trip on 22 May?" of a family folder in both languages found English diary
    entries of May, none in French, and was refused for "school" though the corpus writes
    "école" (.913) and "scolaire" (.884): read as both, it quotes "Sortie scolaire au zoo de
    Vincennes le 22 mai 2026" (notes dev a59); read as "école" alone, "When is the school
    trip?" quoted "Réunion parents-professeurs à l'école" (s38 review). Every word, not
    MIN_TRANSLATED of them, and never below the bar (no clear nearest), as a question read
    with no passage to vouch for it: the bundled off-topic "Qui voit ses biens confisqués ?"
    had "voit" alone read as "seen". Off-topic on the tables set's corpus, "Quelle serait la
    cause de cette utilisation ?" read "utilisation" as "used" (.853) and "cause" as
    "because" (.852), and quoted "Paused because the peer is full". The first word with no
    reading ends it, before the others are compared."""
    asked = asked_forms(absent)
    if not asked:
        return {}
    words, vectors = stored.all_vectors(both_function_words())
    if not words:
        return {}
    own = vectors_of.of(list(asked), [])
    read: dict[str, str] = {}
    for row, folded in zip(own, asked.values(), strict=True):
        readings = [
            word
            for word in _at_least(row, words, vectors, STRICTER_SIMILARITY)
            if written_across(word) and nameable(stored.written_as(word) or word, other)
        ]
        if not readings:
            return {}
        read[folded] = " ".join(readings)
    return read


def _at_least(row: np.ndarray, words: Sequence[str], vectors: np.ndarray, bar: float) -> list[str]:
    """The `words` (unit `vectors`) whose cosine with the unit vector `row` reaches `bar`,
    nearest first."""
    similarity = vectors @ row
    columns = np.flatnonzero(similarity >= bar)
    return [words[column] for column in columns[np.argsort(-similarity[columns])]]


def in_other_language(
    absent: Sequence[str],
    lang: Lang,
    stored: StoredWords,
    vectors_of: WordVectors,
    written_in: Callable[[str, Lang], bool],
) -> bool:
    """Whether one of the `absent` words of a question in `lang` means a word the corpus writes
    (its stored words) that is a word of the other language, `other`, written by a passage in
    it (`written_in`: whether passages in a language write a folded word): a known word of
    `other` at MINORITY_SIMILARITY when `other` has a word list (known_words.py: English), the
    list vouching for its language; else, at STRICTER_SIMILARITY, no known word of `lang`
    ("weather" / "days" is a synonym of the question's own language, no translation). A word
    of the list only its French passages write is none ("d'employés" / "salaries", the folded
    "salariés" of a French payslip, an English word too, told "Combien d'employés a Google ?"
    of a French joinery's folder to ask in English)."""
    other: Lang = "fr" if lang == "en" else "en"  # the other of LANGUAGE_NAMES' two
    listed = bool(known_words(other))
    bar = MINORITY_SIMILARITY if listed else STRICTER_SIMILARITY
    found = corpus_translations(absent, {}, stored, vectors_of, bar)
    return any(
        (known_word(match, other) if listed else not known_word(match, lang))
        and written_in(match, other)
        for match in found.values()
    )
