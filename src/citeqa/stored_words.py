"""Owns the word vectors a build stores for a corpus in both languages, and reading them back.

On a corpus with a quarter of its documents at least in each language
(abstention.DocumentLanguages.bilingual_corpus), or a question in the corpus's minority language
(DocumentLanguages.read_across_from: a French family folder with a few English documents), a
question refused as typed has its absent words read as words of the retrieved passages in the
other language (passage_translation.py), whether or not such a passage is close to the question.
Embedding those passages' words as the question is asked cost a warm ask 1.4-1.5x at p95 (s25:
every refused question embedded some 40 to 90 words); so the build embeds the corpus's passage
words once, in the multilingual answer channel, and a question embeds only its own few absent
words. The words are those
passage_translation.chunk_word_forms reads (letters only, MIN_LETTERS or more, no stopword),
each folded with its most written form, the MAX_WORDS written in the most passages (then
the most often, then the first written), counted from the chunks written only by a build
that stores them (contents._store_words; not a document's share carried by an update:
benchmarks/passage_words_reuse.py, as large as the chunks' texts, and only 2.5x faster); a
rebuild takes the vectors of the words the previous build stored (an update re-embeds only new
words). A passage word's stored vector is read only when the passage writes it in the stored
form (StoredWords.vectors_as_written: a passage's "élevé" is not the corpus's most written
"élève"); a question read across with no close passage (api.Assistant._read_across) embeds at
most passage_translation.UNSTORED_WORDS passage words it lacks so (a large corpus's build left
out the words of fewest passages), and one near a close passage (api.Assistant.
_near_translations) all of them, as before the stored words. Stored in float16, a vector puts
a word at a cosine up to about 4e-5 (1e-5 on average, USE) from the one its float32 embedding
gives: a word at the bar within that may read otherwise than embedded.

Files, next to the index's other files (store.py):

    words-<channel>.json   {"version": WORDS_VERSION, "folded": [...], "written": [...]}
    words-<channel>.npy    float16 unit vectors, one row per word, in that order (no pickle)

An index without them (built before, one language, no multilingual channel), with another
version (unless SAME_FILES makes it this one's), or whose vectors are not float16 rows of the
channel's dimension reads as None: its questions are translated only as before (across.
MIN_CLOSENESS). Only an index that would store them and stored none this version reads is
stale for their version (previousindex.words_stored, kept_words).
"""

from __future__ import annotations

import json
import threading
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from pathlib import Path

import numpy as np

from citeqa.abstention import DocumentLanguages
from citeqa.embedding import Embedder, embed_new
from citeqa.jsonfiles import read_object
from citeqa.jsonlines import save_array, write_file
from citeqa.models import Chunk
from citeqa.passage_translation import WrittenForms

WORDS_VERSION = 4
"""The version of the stored words (how they are read from passages, chosen, embedded and
stored): a file of another version is not read, and a build does not reuse its vectors. 2: ties
at MAX_WORDS broken by occurrences, then first written, not alphabetically. 3: stored also for a
corpus mostly in one language with a minority in the other (`stores_words`), whose builds of
version 2 stored none. 4: stored for every corpus with documents in both languages, two at
least in each (`stores_words`: a question in the language few documents use is read across),
whose builds of version 3 stored none below the minority's MINORITY_DOCUMENTS."""

SAME_FILES = {3: 4}
"""Earlier versions whose files are written as those of a later one (version: that version): a
build of version 3 that stored words wrote them as 4 does, and they are read and reused as this
version's (`reads_version`); only its corpora that stored none and now would are outdated
(`kept_words`). Dropping them re-embedded every word of an index that already read across,
which meanwhile refused what it had answered."""

MAX_WORDS = 20000
"""The most words stored (those written in the most passages): 20 MB at 512 dimensions in
float16, about 10 s of embedding; the bundled corpus writes 1,974, the s25 trial's 830."""

EMBED_BATCH = 256
"""Words embedded per batch: a word is a short text, and larger batches embed each faster
(USE: 0.5 ms a word at 256, 0.75 at 64)."""


def stores_words(multilingual: bool, languages: Iterable[Collection[str]]) -> bool:
    """Whether a build stores its passage words' vectors: it has a `multilingual` channel (not
    read without one) and its documents, by the `languages` of each, are in English and in
    French, so that a question in one of them is read across (DocumentLanguages.
    reads_any_across: a corpus in both languages, or a question in the language few documents
    use, abstention.READ_ACROSS_DOCUMENTS at least). The one test of the build
    (contents._store_words) and of whether a build is outdated for want of them
    (previousindex.words_stored)."""
    return multilingual and DocumentLanguages.of(languages).reads_any_across()


def reads_version(version: object) -> bool:
    """Whether stored words marked `version` read as this version's (WORDS_VERSION, or an
    earlier one writing the same files: SAME_FILES)."""
    return version == WORDS_VERSION or (
        isinstance(version, int) and SAME_FILES.get(version) == WORDS_VERSION
    )


def kept_words(version: object, files: Iterable[str]) -> bool:
    """Whether a build whose statistics mark stored words of `version` and whose files are
    `files` stored words this version reads (`reads_version`: a build of version 3 of a corpus
    that qualified then is not outdated by version 4, which only stores words for more
    corpora)."""
    return reads_version(version) and any(_is_words_list(name) for name in files)


def _is_words_list(name: str) -> bool:
    """Whether `name` is the word list of some channel (`words_files`)."""
    return name.startswith("words-") and name.endswith(".json")


def words_files(channel: str) -> tuple[str, str]:
    """The names of the word list and of the vectors stored for `channel`."""
    return f"words-{channel}.json", f"words-{channel}.npy"


class WordCounts:
    """In how many passages each folded word is written, and its written forms' counts,
    gathered a passage at a time."""

    def __init__(self) -> None:
        self._passages: Counter[str] = Counter()
        self._written = WrittenForms()

    def add(self, chunk: Chunk) -> None:
        """Count the words of one passage."""
        self._passages.update(self._written.add(chunk.text))

    def chosen(self, most: int = MAX_WORDS) -> dict[str, str]:
        """The `most` words written in the most passages, each folded with its most written
        form; of words in as many passages, those written most often, then those written first
        (an alphabetical tie-break kept a large corpus's a-m words of one passage and dropped
        every n-z one)."""
        forms = self._written.forms
        ranked = sorted(  # stable: forms holds the words in the order they were first written
            forms, key=lambda word: (-self._passages[word], -forms[word].total())
        )[:most]
        return self._written.most_written(ranked)


class StoredWords:
    """The stored words of a corpus: folded → row of the unit vectors of their written form
    (`written`, in the same order: the form the corpus writes most, of those folded alike)."""

    def __init__(self, folded: Sequence[str], vectors: np.ndarray, written: Sequence[str]) -> None:
        self._rows = {word: row for row, word in enumerate(folded)}
        self._written = dict(zip(folded, written, strict=True))
        self._vectors = vectors
        self._all: tuple[frozenset[str], list[str], np.ndarray] | None = None
        self._all_lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._rows)

    def vectors_of(self, folded: Iterable[str]) -> tuple[list[str], np.ndarray]:
        """Those of the `folded` words that are stored, in order, and their vectors (float32)."""
        held = [word for word in folded if word in self._rows]
        rows = [self._rows[word] for word in held]
        return held, np.asarray(self._vectors[rows], dtype=np.float32)

    def written_as(self, folded: str) -> str:
        """The form the corpus writes most of the stored `folded` word ("" if none stored)."""
        return self._written.get(folded, "")

    def vectors_as_written(self, forms: Mapping[str, str]) -> tuple[list[str], np.ndarray]:
        """Those of the folded words `forms` (folded → written form) stored in that written
        form, in order, and their vectors (float32): a passage's "élevé" is not the corpus's
        "élève", its most written form of "eleve", nor its "résumé" a "resume" (a stored vector
        of another form lost "high" / "élevé" near a passage writing it)."""
        return self.vectors_of(w for w, form in forms.items() if self._written.get(w) == form)

    def all_vectors(self, excluded: frozenset[str]) -> tuple[list[str], np.ndarray]:
        """Every stored word but the `excluded` (folded), in order, and their vectors (float32),
        read under a lock (workers asking at once read it once) and kept while the same words
        are excluded: one reading, as its one caller excludes the function words each time (a
        corpus translation reads the whole vocabulary: corpus_translation.py; 2 KB a word for
        USE: 4 MB for the 2,000 words of a folder of a few dozen files, 41 MB at MAX_WORDS)."""
        with self._all_lock:
            if self._all is None or self._all[0] != excluded:
                words, vectors = self.vectors_of(w for w in self._rows if w not in excluded)
                self._all = (excluded, words, vectors)
            return self._all[1], self._all[2]


def store_words(
    folder: Path,
    counts: WordCounts,
    embedder: Embedder,
    previous: Path | None = None,
) -> dict[str, np.ndarray]:
    """Write `embedder`'s vectors of the words `counts` chose into `folder` (`words_files`),
    those of the words the build in `previous` stored taken from it; the vectors embedded
    (float32), by written form, for the build's term pairs to reuse (derived_terms.pairs_of)."""
    chosen = counts.chosen()
    folded, written = list(chosen), list(chosen.values())
    known = {} if previous is None else _stored(previous, embedder.name, embedder.dim)
    vectors, embedded = embed_new(embedder, written, known, EMBED_BATCH)
    listed, arrays = words_files(embedder.name)
    entry = {"version": WORDS_VERSION, "folded": folded, "written": written}
    write_file(folder / listed, json.dumps(entry, ensure_ascii=False).encode())
    save_array(folder / arrays, vectors.astype(np.float16))
    return embedded


def read_words(folder: Path, channel: str, dim: int, files: Iterable[str]) -> StoredWords | None:
    """The words a build in `folder` stored for `channel` (`files`: the build's file names),
    their vectors memory-mapped; None when it stored none, of another version, or they cannot
    be read as `dim` float16 columns (then nothing is translated without a close passage, as
    before these files)."""
    listed, arrays = words_files(channel)
    if not {listed, arrays} <= set(files):
        return None
    stored = _read(folder, channel, dim)
    if stored is None:
        return None
    entry, vectors = stored
    return StoredWords(entry["folded"], vectors, entry["written"])


def _stored(folder: Path, channel: str, dim: int) -> dict[str, np.ndarray]:
    """The vectors stored in `folder` for `channel`, by written form (none when they do not
    read as `_read` reads them: `citeqa index` never reuses a build of another model or
    dimension, previousindex._compatible, and a direct caller's is embedded again)."""
    stored = _read(folder, channel, dim)
    return {} if stored is None else dict(zip(stored[0]["written"], stored[1], strict=True))


def _read(folder: Path, channel: str, dim: int) -> tuple[dict, np.ndarray] | None:
    """The word list and vectors (memory-mapped) stored in `folder`, when both read as this
    version writes them (float16 rows of `dim` columns, as many words as rows, strings only),
    else None."""
    listed, arrays = words_files(channel)
    try:
        entry = read_object(folder / listed)
        vectors = np.load(folder / arrays, mmap_mode="r", allow_pickle=False)
    except (OSError, ValueError):
        return None
    if not reads_version(entry.get("version")) or not _well_formed(entry, vectors, dim):
        return None
    return entry, vectors


def _well_formed(entry: dict, vectors: np.ndarray, dim: int) -> bool:
    """Whether `vectors` are float16 rows of `dim` columns and `entry` lists as many folded and
    written words (strings) as they have rows (a same-size file of another width or type is
    not theirs)."""
    lists = [entry.get("folded"), entry.get("written")]
    return (
        vectors.ndim == 2
        and vectors.dtype == np.float16
        and vectors.shape[1] == dim
        and all(isinstance(words, list) and len(words) == len(vectors) for words in lists)
        and all(isinstance(word, str) for words in lists for word in words)  # type: ignore[union-attr]
    )
