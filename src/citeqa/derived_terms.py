"""Cross-language term pairs derived from the corpus at build time, so a user's corpus gets query
expansion across English and French with no hand-written glossary.

The corpus's frequent words in each language (folded, letters only, no stopword, found in at
least MIN_PASSAGES passages of that language; at most TOP_TERMS per language, so the cost is
bounded whatever the corpus's size) are embedded by a multilingual channel in batches. A word
pairs with a word of the other language when each is the other's nearest neighbour and their
cosine reaches MIN_SIMILARITY ("trials" / "essais", "early" / "précoce"; measured on the
bundled corpus, pairs below 0.8 are mostly wrong); words that already match lexically (a shared
stem) are not paired. A pair is stored with each word's other forms in the corpus ("trial",
"trials", "essai", "essais"). A corpus in one language, or an index without a
multilingual channel, gets no pairs. The build stores the pairs in the index (statistics.json,
`term_pairs`); they expand queries as the domain file's groups do (glossary.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

import numpy as np

from citeqa.embedding import Embedder, embed_new
from citeqa.lexical import content_words, query_tokens, word_term
from citeqa.models import Chunk

TOP_TERMS = 1500
"""The most frequent words of each language that are embedded (the cost's bound)."""
MIN_PASSAGES = 2
"""A word found in fewer passages of its language is not paired (too rare to be a term)."""
MIN_LETTERS = 4
"""Shorter words are not paired (abbreviations are ambiguous across languages)."""
MIN_SIMILARITY = 0.8
"""The cosine two mutual nearest neighbours need to pair."""
LANGUAGES = ("en", "fr")


def is_multilingual(embedder: Embedder) -> bool:
    """Whether the embedder places words of different languages in one space."""
    return bool(getattr(embedder, "multilingual", False))


def stemmed_words(chunk: Chunk) -> dict[str, str]:
    """The words of a passage that `FrequentWords` counts (letters only, MIN_LETTERS or more,
    no stopword), each with its stem in the passage's language."""
    words = {w for w in content_words(chunk.text) if w.isalpha() and len(w) >= MIN_LETTERS}
    return {word: word_term(word, chunk.lang) for word in words}


class FrequentWords:
    """The counts `frequent_words` ranks, gathered one passage at a time (a build adds each
    chunk as it makes it; the counts grow with the vocabulary, not with the corpus)."""

    def __init__(self, languages: Sequence[str] = LANGUAGES) -> None:
        self._stems: dict[str, Counter[str]] = {lang: Counter() for lang in languages}
        self._forms: dict[str, dict[str, Counter[str]]] = {lang: {} for lang in languages}

    def add(self, chunk: Chunk) -> None:
        """Count the words of one passage in its language."""
        if chunk.lang in self._stems:
            self.add_stemmed(chunk.lang, stemmed_words(chunk).items())

    def add_stemmed(self, lang: str, stemmed: Iterable[tuple[str, str]]) -> None:
        """Count one passage of `lang` by its `stemmed_words` pairs."""
        if lang not in self._stems:
            return
        stemmed = list(stemmed)
        self._stems[lang].update({stem for _, stem in stemmed})
        forms = self._forms[lang]
        for word, stem in stemmed:
            counts = forms.get(stem)
            if counts is None:
                counts = forms[stem] = Counter()
            counts[word] += 1

    def groups(self, lang: str) -> list[list[str]]:
        """`lang`'s words found in MIN_PASSAGES or more passages, as `frequent_words` says."""
        forms = self._forms.get(lang, {})
        ranked = sorted(self._stems.get(lang, Counter()).items(), key=lambda i: (-i[1], i[0]))
        return [
            [form for form, _ in sorted(forms[stem].items(), key=lambda item: (-item[1], item[0]))]
            for stem, count in ranked[:TOP_TERMS]
            if count >= MIN_PASSAGES
        ]


def frequent_words(chunks: Sequence[Chunk], lang: str) -> list[list[str]]:
    """The words of `lang`'s passages found in MIN_PASSAGES or more, grouped by stem (each
    group's most frequent form first), most frequent stem first."""
    counts = FrequentWords((lang,))
    for chunk in chunks:
        counts.add(chunk)
    return counts.groups(lang)


def term_pairs(chunks: Sequence[Chunk], embedders: Sequence[Embedder]) -> list[list[str]]:
    """Groups of English and French words of the corpus that mean the same (each word with its
    other forms in the corpus); [] when the corpus has one language or no embedder is
    multilingual."""
    counts = FrequentWords()
    for chunk in chunks:
        counts.add(chunk)
    return pairs_of(counts, embedders)


def pairs_of(
    counts: FrequentWords,
    embedders: Sequence[Embedder],
    embedded: Mapping[str, np.ndarray] | None = None,
) -> list[list[str]]:
    """`term_pairs` from the counts of a corpus's passages; a word in `embedded` (the vectors
    the build embedded the same texts to already: stored_words.py) is not embedded again."""
    embedder = next((e for e in embedders if is_multilingual(e)), None)
    english, french = (counts.groups(lang) for lang in LANGUAGES)
    if embedder is None or not english or not french:
        return []
    vectors, _ = embed_new(embedder, [forms[0] for forms in english + french], embedded or {})
    return pair_words(english, french, vectors[: len(english)], vectors[len(english) :])


def pair_words(
    english: list[list[str]],
    french: list[list[str]],
    english_vectors: np.ndarray,
    french_vectors: np.ndarray,
) -> list[list[str]]:
    """Mutual nearest neighbours above MIN_SIMILARITY that do not already share a stem, each
    pair as one group of both words' forms."""
    similarity = np.asarray(english_vectors, np.float32) @ np.asarray(french_vectors, np.float32).T
    best_french = similarity.argmax(axis=1)
    best_english = similarity.argmax(axis=0)
    pairs = []
    for row, column in enumerate(best_french):
        if best_english[column] != row or similarity[row, column] < MIN_SIMILARITY:
            continue
        if set(query_tokens(english[row][0])) & set(query_tokens(french[column][0])):
            continue
        pairs.append(english[row] + french[column])
    return pairs
