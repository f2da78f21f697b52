"""The question's words the corpus never uses, read as the words of the passages in the other
language that mean the same: a question asked in English of French notes, or the reverse.

"What can replace the bacon in the leek tart?" of a French recipe never uses "replace": the
recipe writes "remplacer". Read as typed, such a question looks like one about words the
documents lack (absent words, no coverage), and the answer models refuse it; the build's term
pairs (derived_terms.py) pair only words the corpus writes in both languages. Here each absent
word is compared, in the multilingual channel, with the words of the passages the search found
in the other language (those of the question's own language could only be its synonyms); the
nearest one at cosine MIN_SIMILARITY or more is its translation ("replace" / "remplacer" .91,
"pneus" / "tyres" .89, "rent" / "loyer" .83). The question is then read with those words as its
own (questions.analyse), as it would be asked in the passages' language. Only words the
retrieved passages write can be a translation, and only when at least MIN_TRANSLATED of the
absent words translate; the caller (api) asks it only for a question refused as typed (an
English question a mixed corpus answers in English, read with the French words its "might" and
"fail" came close to, quoted a French passage instead) and only when the
multilingual channel puts a passage in the other language close to the question, and closer
than those in its own (across.close_in_other_language), since an off-topic question's everyday
words translate too (sessions 12 and 14 translated every reading and answered off-topic
questions: evals/README). On a corpus in both languages it asks also with no passage so close,
at BILINGUAL_SIMILARITY, of the passage words the build stored vectors of (stored_words.py,
`chunk_word_forms`'s words), so that only the question's own absent words are embedded.
No word list is involved but the passages' language's function words (language.json), which
are never a translation (`passage_words`). Read across with no close passage (`clear`:
api.Assistant._read_across, corpus_translation.py), a word under the bar is still read as its
nearest candidate when that one is the clear best (`clearly_nearest`: CLEAR_MARGIN nearer than
any candidate no form of it, at CLEAR_FLOOR or more), as bilingual lexicon induction reads a
translation by its margin over the rivals ("supplier" / "prestataire" .736, next .627).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Container, Iterable, Iterator, Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING

import numpy as np

from citeqa.derived_terms import MIN_LETTERS
from citeqa.embedding import Embedder, embed_texts
from citeqa.glossary import calendar_words, language_words
from citeqa.lexical import content_words, fold, is_stopword, word_stems
from citeqa.models import Hit
from citeqa.recently_used import RecentlyUsed

if TYPE_CHECKING:
    from citeqa.stored_words import StoredWords

MIN_SIMILARITY = 0.85
"""The cosine an absent word needs with a passage word to be read as it. Above the build's pairs'
(derived_terms.MIN_SIMILARITY, .8): a question's light verbs come close to a passage's at
.8-.85 ("fait" / "done" .81, "take" / "faire" .82 on the notes set), and "fait" read as "done"
answered the unanswerable "Combien de pages fait Sapiens ?" with the book's rating line; the
translations that mend its cross-language questions reach .85 or more ("printer's" /
"imprimante" .85, "pneus" / "tyres" .89, "family" / "famille" .95)."""

BILINGUAL_SIMILARITY = 0.83
"""The cosine an absent word needs on a corpus with documents in both languages
(abstention.DocumentLanguages.bilingual_corpus) when no passage in the other language is close
to the question (across.MIN_CLOSENESS): "smells" / "odeur" .84 and "burnt" / "brûlé" .837 (s25
trial, an English question of a French ticket), above the light verbs ("take" / "faire" .82)."""

MINORITY_SIMILARITY = 0.70
"""The cosine each absent content word of a question in a corpus's minority language needs
(abstention.DocumentLanguages.read_across_from: English questions of a French teacher's folder
holding 4 English documents of 29), where every one of them must translate (api.Assistant.
_read_across), with no passage in the other language close to the question: USE puts a
single word at .70-.82 of many of its translations ("lesson" / "cours" .70, "Spain" /
"espagne" .71, "aid" / "secours" .72, "inspector" / "inspectrice" .73, "training" /
"formation" .81, "assembly" / "assemblée" .82), which BILINGUAL_SIMILARITY refused (s29 repro
of the s28 trial, /tmp/s29-crossmin: 15 of 29 such questions refused). At .65 the near miss
"What is the salary of the treasurer?" was answered ("salary" / "montant" .67) with the
association's officers; at .70 no near miss of its 24 is answered that main refused (10 are
answered as typed, by both), nor any of the 161 English off-topic questions of evals'
offtopic-piaf asked of that folder."""

CLEAR_FLOOR = MINORITY_SIMILARITY
"""The least cosine an absent word needs with a candidate below the path's bar (MIN_SIMILARITY,
BILINGUAL_SIMILARITY, corpus_translation.STRICTER_SIMILARITY) to be read as it when that
candidate is CLEAR_MARGIN nearer than any other (`clearly_nearest`)."""

CLEAR_MARGIN = 0.10
"""How much nearer than every other candidate (those no form of it) the nearest must be to be
read below the bar, at CLEAR_FLOOR or more: the margin criterion of bilingual lexicon induction,
where a translation is the one clear best match while a light verb or a loose relative sits among
many near words. USE puts a word's translation at .70-.85 of many pairs whose rival is far
("supplier" / "prestataire" .736, next "livraison" .627; "lease" / "loyer" .773, next "bail" .665;
"paramètres" / "parameters" .786, next .44; "couche" / "layer" .748, next .58), and a light verb
or loose reading near its rivals ("done" / "fait" .806, next "faire" .775 a form of another
verb; "reset" / "refait" .735, next "restart" .734; "learn" / "apprentie" .789, next
"entrainer" .699 of a joinery's folder). Measured on the six user trials and 723 English
off-topic and near-miss questions asked of the s34 trial's French folder (s35: none answered
that was refused). Read only where a question is read across without a close passage
(api.Assistant._read_across, corpus_translation.py): near one, at MIN_SIMILARITY, the
everyday words of an off-topic question translate as clearly ("home" / "maisons" .761, "blood"
/ "sang" .778, next .67) and reached MIN_TRANSLATED: "Are stroke patients' reports of home
blood pressure readings reliable?" of PIAF's French articles quoted a hypertension line (s35,
all:dev offtopic-piaf)."""

MIN_RIVAL_WORDS = 200
"""The fewest candidates a clear reading (`clearly_nearest`) is measured among: the corpus's
stored words (stored_words.py), never only the passages' words. Among a small folder's few
words any everyday word at CLEAR_FLOOR is far ahead of every rival, its margin meaning nothing
(s35 review, a French folder of three files: "tenant" / "loyer" .74, next .596, answered "What
is the tenant's name?"; "london" / "londres" .725; "monday" / "samedi")."""

RIVALS = 8
"""How many of a word's nearest candidates `clearly_nearest` reads for its rival (the nearest no
form of the best): the forms of one word (plural, feminine, accents folded) are few."""

MIN_TRANSLATED = 0.5
"""The share of the absent words that must translate for any to be read translated. A question
asked in the other language lacks the corpus's words because it says them in its own ("pneus",
"hiver" of "Combien coûtent les pneus hiver ?", only the interrogative left); an off-topic one
lacks its own subject's words, and only an everyday one of them may land on a passage word
(the bundled off-topic "Does SYNTAX score predict in-hospital outcomes … myocardial …
angioplasty?" read "myocardial" as "cardiovasculaire" and was answered, at .14)."""


MAX_ABSENT = 16
"""The most absent words one question has read (its first ones, once each): a question of a
few lines says its subject in far fewer, and a pasted page (2,000 characters bring about 280
absent words) must not embed them all on every ask."""


def written_form(word: str) -> str:
    """How `word` is embedded, on either side: lower-cased with its accents (the multilingual
    channel reads case and accents: "pneus" / "tyres" .895 but "Pneus" .505, "tête" / "head"
    .912 but "tete" .561)."""
    return unicodedata.normalize("NFC", word).lower()


_LETTERS = re.compile(r"[^\W\d_]+")


def chunk_word_forms(text: str) -> Iterator[tuple[str, str]]:
    """The words of a passage's `text` that a translation may be (letters only, MIN_LETTERS or
    more, no stopword as written: "maïs" but not "mais"), each folded as the search reads it
    with its `written_form`, as often as it is written."""
    searched = {w for w in content_words(text) if len(w) >= MIN_LETTERS}
    for found in _LETTERS.finditer(written_form(text)):
        folded = fold(found.group())
        if folded in searched and folded.isalpha() and not is_stopword(found.group()):
            yield folded, found.group()


class WrittenForms:
    """The words of passages that a translation may be (`chunk_word_forms`), each folded with
    its written forms' counts, in the order the passages first write them: a question's
    passages (`passage_words`) and a build's (stored_words.WordCounts)."""

    def __init__(self) -> None:
        self.forms: dict[str, Counter[str]] = {}

    def add(self, text: str) -> set[str]:
        """Count the words of one passage's `text`; the folded words it writes."""
        return self.add_forms(chunk_word_forms(text))

    def add_forms(self, forms: Iterable[tuple[str, str]]) -> set[str]:
        """Count one passage's words `forms` (`chunk_word_forms`'s); the folded words it
        writes."""
        written: set[str] = set()
        for folded, form in forms:
            self.forms.setdefault(folded, Counter())[form] += 1
            written.add(folded)
        return written

    def most_written(self, folded: Iterable[str]) -> dict[str, str]:
        """Each of the `folded` words counted with its most written form (the first written
        of those written as often)."""
        return {word: self.forms[word].most_common(1)[0][0] for word in folded}


def passage_words(hits: Sequence[Hit], lang: str) -> dict[str, str]:
    """The words of `hits` in another language than `lang` that a translation may be
    (`chunk_word_forms`), each folded with its most written form, in the order the hits first
    write them; no function word of a passage's language (language.json: "pour", "après",
    "sera"), which no content word of a question translates, and which "performed" (.69)
    and "late" (.66) of English questions came nearest to in a French teacher's folder."""
    written = WrittenForms()
    unwanted: set[str] = set()
    for hit in hits:
        if hit.chunk.lang != lang:
            written.add_forms(_word_forms_of(hit.chunk.text))
            unwanted |= function_words(hit.chunk.lang)
    kept = [word for word in written.forms if word not in unwanted]
    return written.most_written(kept)


PASSAGES_READ = 512
"""How many passages' words (`chunk_word_forms`) `passage_words` keeps, the last read: the
passages a corpus's questions reach repeat, and reading a passage's words again took about a
third of a translated reading (8 ms of 29 on the bundled questions)."""

_WORD_FORMS: RecentlyUsed[bytes, tuple[tuple[str, str], ...]] = RecentlyUsed(PASSAGES_READ)


def _word_forms_of(text: str) -> tuple[tuple[str, str], ...]:
    """`chunk_word_forms` of a passage's `text`, kept for the last PASSAGES_READ passages by a
    digest of their text (recently_used.py: never the text itself)."""
    key = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
    return _WORD_FORMS.get(key, lambda: tuple(chunk_word_forms(text)))


def function_words(lang: str) -> frozenset[str]:
    """The folded function words of `lang` (language.json, glossary.language_words; none of
    another language)."""
    return language_words("function_words", lang)


@cache
def both_function_words() -> frozenset[str]:
    """The folded function words of English and French, never a translation: one set, built
    once, so that StoredWords.all_vectors reads the vocabulary once for it."""
    return function_words("en") | function_words("fr")


def nearest_words(
    words: Sequence[str],
    candidates: Sequence[str],
    vectors: np.ndarray,
    bar: float = MIN_SIMILARITY,
    clear: Container[str] = (),
) -> dict[str, str]:
    """Each of `words` with the nearest of `candidates` when their cosine reaches `bar` (or,
    of those `clear`, when it is the clear nearest: `clearly_nearest`); `vectors` holds the
    unit vectors of `words` then of `candidates`."""
    own, theirs = vectors[: len(words)], vectors[len(words) :]
    return nearest_among(words, own, candidates, theirs, bar, clear)


def nearest_among(
    words: Sequence[str],
    own: np.ndarray,
    candidates: Sequence[str],
    theirs: np.ndarray,
    bar: float = MIN_SIMILARITY,
    clear: Container[str] = (),
) -> dict[str, str]:
    """Each of `words` (unit vectors `own`) with the nearest of `candidates` (unit vectors
    `theirs`) when their cosine reaches `bar`, or, of those `clear`, when that one is the clear
    nearest under it (`clearly_nearest`): one product, no copy of either matrix (a corpus's
    whole stored vocabulary: corpus_translation.py)."""
    if not len(words) or not len(candidates):
        return {}
    similarity = own @ theirs.T
    nearest = similarity.argmax(axis=1)
    return {
        word: candidates[column]
        for word, column, row in zip(words, nearest, similarity, strict=True)
        if row[column] >= bar
        or (word in clear and clearly_nearest(row, int(column), candidates, bar))
    }


def clearly_nearest(row: np.ndarray, column: int, candidates: Sequence[str], bar: float) -> bool:
    """Whether the folded candidate `column`, the nearest to a word (`row`: its cosines with
    all `candidates`) below `bar`, is still read as it (`nearest_among`): at CLEAR_FLOOR or
    more, and CLEAR_MARGIN nearer than any candidate that is no form of it (lexical.word_stems)
    of the RIVALS nearest; none of those (every one a form of it) is no clear reading. Only among
    MIN_RIVAL_WORDS candidates or more, and never a day or month word (`clearly_readable`)."""
    if not CLEAR_FLOOR <= row[column] < bar or len(candidates) < MIN_RIVAL_WORDS:
        return False
    if not clearly_readable(candidates[column]):
        return False
    best = candidates[column]
    nearest = np.argpartition(-row, min(RIVALS, len(row) - 1))[: RIVALS + 1]
    others = [row[j] for j in nearest if j != column and not is_form_of(candidates[j], best)]
    return bool(others) and row[column] - max(others) >= CLEAR_MARGIN


def clearly_readable(word: str) -> bool:
    """Whether `word` (as typed, or a folded candidate) may be read as its clear nearest
    (`clearly_nearest`): letters only, no capital (a name: "London" / "londres" .725 is no
    translation of a place the documents never name), no day or month word
    (calendar_words.json: "monday" / "samedi", a day is no other day)."""
    return word.isalpha() and word == word.lower() and fold(word) not in _calendar_words()


@cache
def _calendar_words() -> frozenset[str]:
    """The day and month words of calendar_words.json, folded as a candidate is."""
    return frozenset(map(fold, calendar_words()))


def clear_words(absent: Iterable[str]) -> frozenset[str]:
    """The `written_form`s of the `absent` words (as typed) that may be read as their clear
    nearest (`clearly_readable`)."""
    return frozenset(written_form(word) for word in absent if clearly_readable(word))


INFLECTION_LETTERS = 3
"""The most letters one form of a word adds to another (`is_form_of`): "loyer" / "loyers",
"prestataire" / "prestataires", "parametre" / "parametres"."""


def is_form_of(word: str, other: str) -> bool:
    """Whether the folded `word` is a form of `other` (a plural, a feminine, another ending):
    they share a stem (lexical.word_stems, English's or French's) and one is the other plus
    INFLECTION_LETTERS letters or fewer. Stems alone join unrelated words ("loyer" / "loi",
    "parti" / "partie", "port" / "porte" share a French stem), each then no rival of the other
    (s35 review)."""
    shorter, longer = sorted((word, other), key=len)
    if not longer.startswith(shorter) or len(longer) - len(shorter) > INFLECTION_LETTERS:
        return False
    return bool(word_stems(word) & word_stems(other))


UNSTORED_WORDS = 24
"""The most passage words the build did not store (stored_words.MAX_WORDS: of a large corpus,
those written in fewest passages) or stored in another written form than the passage's, one
question read across with no close passage embeds (api.Assistant._read_across), the first the
answer's passages write; near a close passage (api.Assistant._near_translations: `unstored`
None) every such word is embedded, as before the stored words. They are kept as WordVectors
keeps passage words. On the s25 trial's index none (all 830 are stored); built storing only
300 of them, its warm ask's p95 is 1.09x main's (CPU)."""

KEPT_WORDS = 5000
"""The most passage words' vectors a WordVectors keeps (512 floats each for USE: about 10 MB)."""

ASKED_WORDS = 1000
"""The most question words' vectors a WordVectors keeps (about 2 MB for USE), apart from the
passage words' so that they never push those out: one reading compares a question's absent
words with the passages found, then with the whole corpus's words (corpus_translation.py), and
a user asks again in the same words; embedding them was half of a translated reading (15 ms of
29 on the bundled questions, each asked once)."""


class WordVectors:
    """Words' unit vectors by a multilingual embedder; the last KEPT_WORDS passage words
    embedded are kept: the passages a corpus's questions reach repeat, so their words are
    embedded once (on the bundled questions, embedding every passage word each time doubled the
    warm ask's p95); a question's own words, often typed once or nonsense, are kept apart, the
    last ASKED_WORDS of them, and never push them out."""

    def __init__(
        self, embedder: Embedder, kept: int = KEPT_WORDS, asked: int = ASKED_WORDS
    ) -> None:
        self._embedder = embedder
        self._vectors: RecentlyUsed[str, np.ndarray] = RecentlyUsed(kept)  # thread-safe
        self._asked: RecentlyUsed[str, np.ndarray] = RecentlyUsed(asked)

    def __len__(self) -> int:
        """How many passage words' vectors are kept."""
        return len(self._vectors)

    def of(self, words: Sequence[str], kept_words: Sequence[str]) -> np.ndarray:
        """The vectors of `words` (a question's) then of `kept_words` (passages'), in order,
        those not kept embedded in one batch (outside the lock: another worker may embed a word
        at the same time, never wrongly); each kept with its own kind."""
        known_asked = self._asked.kept(words)
        known = self._vectors.kept(kept_words)
        unknown = [w for w in words if w not in known_asked]
        new = list(dict.fromkeys([*unknown, *(w for w in kept_words if w not in known)]))
        vector_of = dict(zip(new, embed_texts(self._embedder, new), strict=True)) if new else {}
        vector_of.update(known_asked)
        vector_of.update(known)
        self._asked.keep((word, vector_of[word]) for word in words)
        self._vectors.keep((word, vector_of[word]) for word in kept_words)
        return np.stack([vector_of[word] for word in [*words, *kept_words]])


def translations(
    absent: Sequence[str],
    hits: Sequence[Hit],
    lang: str,
    vectors_of: WordVectors | None,
    bar: float = MIN_SIMILARITY,
    stored: StoredWords | None = None,
    share: float = MIN_TRANSLATED,
    unstored: int | None = UNSTORED_WORDS,
    clear: bool = False,
) -> dict[str, str]:
    """The `absent` words (as typed; the first MAX_ABSENT of them) that mean, by `vectors_of`
    (a multilingual embedder's; None: no translation), a word of one of `hits` in another
    language than `lang` at cosine `bar`: each folded, with that word folded; none when fewer
    than `share` of them do (MIN_TRANSLATED; all of them, 1.0, for a question in a corpus's
    minority language: api.Assistant._translated). Both sides are embedded in their
    `written_form`; with `stored` (the build's words, stored_words.py), the passages' words
    it stored in the form they write take their stored vectors, and only the absent words and
    the first `unstored` passage words it lacks are embedded (UNSTORED_WORDS; the others are no
    translation; None: all of them, every passage word a candidate as without `stored`). With
    `clear` and `stored`, a word is read also as the clear nearest under `bar` of the corpus's
    stored words when a passage in the other language writes it (`clear_among_stored`)."""
    if vectors_of is None or not absent:
        return {}
    asked = asked_forms(absent)
    candidates = passage_words(hits, lang)
    if not candidates:
        return {}
    folded, vectors = _compared(list(asked), candidates, vectors_of, stored, unstored)
    nearest = nearest_words(list(asked), folded, vectors, bar)
    if clear and stored is not None:
        unread = [word for word in asked if word not in nearest]
        clear_ones = clear_words(absent)
        nearest |= clear_among_stored(unread, clear_ones, stored, vectors_of, candidates, bar)
    found = {asked[word]: match for word, match in nearest.items()}
    return found if len(found) >= len(asked) * share else {}


def clear_among_stored(
    words: Sequence[str],
    clear: Container[str],
    stored: StoredWords,
    vectors_of: WordVectors,
    written: Mapping[str, str],
    bar: float,
) -> dict[str, str]:
    """Each of `words` (`written_form`s) of those `clear` read as its clear nearest under `bar`
    (`clearly_nearest`) among the whole corpus's `stored` words (no function word of either
    language), when that word is one of `written` (folded → the form written: the passages'
    words in the other language), written with no capital (`clearly_readable`: a name). Its
    rivals are the corpus's words, never only the passages' few (MIN_RIVAL_WORDS), and a word of
    the question's own language (a synonym: "dinner" / "lunch") is none."""
    readable = [word for word in words if word in clear]
    if not readable:
        return {}
    excluded = both_function_words()
    own = vectors_of.of(readable, [])
    readable, own = _near_a_written_word(readable, own, stored, written, excluded)
    if not readable:
        return {}
    candidates, theirs = stored.all_vectors(excluded)
    found = nearest_among(readable, own, candidates, theirs, bar, readable)
    return {
        word: match
        for word, match in found.items()
        if match in written and clearly_readable(written[match])
    }


WRITTEN_SLACK = 1e-4
"""How far under CLEAR_FLOOR a word's nearest written word may be and the word still be compared
with the whole vocabulary (`_near_a_written_word`): far above the rounding of one product."""


def _near_a_written_word(
    words: list[str],
    own: np.ndarray,
    stored: StoredWords,
    written: Mapping[str, str],
    excluded: frozenset[str],
) -> tuple[list[str], np.ndarray]:
    """Those of `words` (unit vectors `own`) that have a stored `written` word (no `excluded`
    one) at CLEAR_FLOOR or nearly, with their vectors. Only such a word can be read as a clear
    nearest (`clear_among_stored`: a written word at CLEAR_FLOOR at least), and comparing the
    others with the whole stored vocabulary cost 27 ms a question on the bundled corpus (its
    `nearest_among` was 1.7 of 10.6 CPU seconds over evals' 157 questions)."""
    _, vectors = stored.vectors_of(word for word in written if word not in excluded)
    if not len(vectors):
        return [], own[:0]
    near = (own @ vectors.T).max(axis=1) >= CLEAR_FLOOR - WRITTEN_SLACK
    return [word for word, kept in zip(words, near, strict=True) if kept], own[near]


def asked_forms(absent: Sequence[str], read: Container[str] = ()) -> dict[str, str]:
    """The first MAX_ABSENT of the `absent` words whose folded form is not `read` already, once
    each by `written_form`, with each folded."""
    asked = {written_form(word): fold(word) for word in absent if fold(word) not in read}
    return dict(list(asked.items())[:MAX_ABSENT])


def enough_translated(found: Mapping[str, str], absent: Sequence[str], share: float) -> bool:
    """Whether the words `found` translated (folded) are `share` at least of the `absent` words
    read (`asked_forms`), as `translations` asks of its own."""
    return bool(found) and len(found) >= len(asked_forms(absent)) * share


def _compared(
    asked: list[str],
    candidates: dict[str, str],
    vectors_of: WordVectors,
    stored: StoredWords | None,
    unstored: int | None,
) -> tuple[list[str], np.ndarray]:
    """The folded `candidates` (folded → written form) an `asked` word may be, and the unit
    vectors of `asked` then of those (`translations`: all embedded without `stored`; else
    stored when it stored them in the form the passages write, those it lacks so embedded, the
    first `unstored` of them: all with None)."""
    if stored is None:
        folded = sorted(candidates)
        return folded, vectors_of.of(asked, [candidates[word] for word in folded])
    held, kept = stored.vectors_as_written(candidates)
    have = set(held)
    lacking = [word for word in candidates if word not in have][:unstored]
    embedded = vectors_of.of(asked, [candidates[word] for word in lacking])
    parts = [embedded[: len(asked)], kept, embedded[len(asked) :]]
    return held + lacking, np.concatenate(parts)
