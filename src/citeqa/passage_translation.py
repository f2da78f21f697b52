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
absent words translate; the caller (api) asks it only when the multilingual channel puts a
passage in the other language close to the question, and closer than those in its own
(across.close_in_other_language), since an off-topic question's everyday words translate too
(sessions 12 and 14 translated every reading and answered off-topic questions: evals/README).
No word list is involved.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence

import numpy as np

from citeqa.derived_terms import MIN_LETTERS
from citeqa.embedding import Embedder, embed_texts
from citeqa.lexical import content_words
from citeqa.models import Hit

MIN_SIMILARITY = 0.85
"""The cosine an absent word needs with a passage word to be read as it. Above the build's pairs'
(derived_terms.MIN_SIMILARITY, .8): a question's light verbs come close to a passage's at
.8-.85 ("fait" / "done" .81, "take" / "faire" .82 on the notes set), and "fait" read as "done"
answered the unanswerable "Combien de pages fait Sapiens ?" with the book's rating line; the
translations that mend its cross-language questions reach .85 or more ("printer's" /
"imprimante" .85, "pneus" / "tyres" .89, "family" / "famille" .95)."""


MIN_TRANSLATED = 0.5
"""The share of the absent words that must translate for any to be read translated. A question
asked in the other language lacks the corpus's words because it says them in its own ("pneus",
"hiver" of "Combien coûtent les pneus hiver ?", only the interrogative left); an off-topic one
lacks its own subject's words, and only an everyday one of them may land on a passage word
(the bundled off-topic "Does SYNTAX score predict in-hospital outcomes … myocardial …
angioplasty?" read "myocardial" as "cardiovasculaire" and was answered, at .14)."""


def passage_words(hits: Sequence[Hit], lang: str) -> list[str]:
    """The words of `hits` in another language than `lang` that a translation may be (letters
    only, MIN_LETTERS or more, no stopword), once each, sorted."""
    return sorted(
        {
            word
            for hit in hits
            if hit.chunk.lang != lang
            for word in content_words(hit.chunk.text)
            if word.isalpha() and len(word) >= MIN_LETTERS
        }
    )


def nearest_words(
    words: Sequence[str], candidates: Sequence[str], vectors: np.ndarray
) -> dict[str, str]:
    """Each of `words` with the nearest of `candidates` when their cosine reaches
    MIN_SIMILARITY; `vectors` holds the unit vectors of `words` then of `candidates`."""
    if not len(words) or not len(candidates):
        return {}
    similarity = vectors[: len(words)] @ vectors[len(words) :].T
    nearest = similarity.argmax(axis=1)
    return {
        word: candidates[column]
        for word, column, row in zip(words, nearest, similarity, strict=True)
        if row[column] >= MIN_SIMILARITY
    }


KEPT_WORDS = 5000
"""The most word vectors a WordVectors keeps (512 floats each for USE: about 10 MB)."""


class WordVectors:
    """Words' unit vectors by a multilingual embedder, the last KEPT_WORDS embedded kept: the
    passages a corpus's questions reach repeat, so their words are embedded once (on the
    bundled questions, embedding every passage word each time doubled the warm ask's p95)."""

    def __init__(self, embedder: Embedder, kept: int = KEPT_WORDS) -> None:
        self._embedder, self._kept = embedder, kept
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()  # the chat's workers may ask at once

    def of(self, words: Sequence[str]) -> np.ndarray:
        """The vectors of `words`, in order (those not kept embedded in one batch)."""
        with self._lock:
            new = list(dict.fromkeys(w for w in words if w not in self._vectors))
            if new:
                for word, vector in zip(new, embed_texts(self._embedder, new), strict=True):
                    self._vectors[word] = vector
            for word in words:
                self._vectors.move_to_end(word)
            rows = np.stack([self._vectors[word] for word in words])
            while len(self._vectors) > max(self._kept, len(words)):
                self._vectors.popitem(last=False)
            return rows


def translations(
    absent: Sequence[str], hits: Sequence[Hit], lang: str, vectors_of: WordVectors | None
) -> dict[str, str]:
    """The `absent` words (as typed) that mean, by `vectors_of` (a multilingual embedder's;
    None: no translation), a word of one of `hits` in another language than `lang`, each with
    that word; none when fewer than MIN_TRANSLATED of them do."""
    if vectors_of is None or not absent:
        return {}
    candidates = passage_words(hits, lang)
    if not candidates:
        return {}
    vectors = vectors_of.of([*absent, *candidates])
    found = nearest_words(absent, candidates, vectors)
    return found if len(found) >= len(absent) * MIN_TRANSLATED else {}
