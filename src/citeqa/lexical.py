"""BM25 over folded, stemmed, bilingual tokens: the lexical half of retrieval.

This module owns two things:

- Tokens. `tokenize` turns a passage into BM25 terms: case and accents folded ("Réponse" and
  "reponse" are one word), zero-width characters and soft hyphens dropped (visible.INVISIBLE),
  decimal numbers kept whole and normalised ("56,2" and "56.2" are both "56.2"; `DECIMAL`), an
  amount written in groups of thousands one number ("61 250,50" and "61,250.50" are "61250.50";
  `GROUPED`),
  English and French stopwords dropped, words stemmed in the passage's language (Snowball; a
  French closing it reads only accented, "ée", "ière", given its accent back: `_FoldedFrench`)
  but a month's full name, which is its month's term (dates.month_term: "March" and "mars"
  are "--03", "marché" is not; an English name only capitalised, read before folding:
  "soldiers march" keeps "march"),
  and each date written in it added as canonical terms (dates.py: "14/03/2026" and "March 14,
  2026" both hold "2026-03-14"). `query_tokens` stems a question both ways, since it must match
  passages in either language; `searched_spellings` groups those terms by word, and `written_share`
  says what share of the words a passage writes.
- The lexical index. `LexicalIndex` wraps a `bm25s.BM25` built from those tokens, searches it,
  and saves it to / loads it from a folder. The files are bm25s's own (.npy arrays written and
  read with allow_pickle=False, JSON for the parameters), the vocabulary sorted for lookups
  that read only the terms they probe (sortedvocab.py; bm25s's JSON vocabulary, which nothing
  reads back, is not kept: an index built before the sorted one keeps it), plus `lexical.json`,
  which records the document and term counts and is written last. Nothing is ever pickled.
  Any failure to load becomes `IndexCorrupt`, or `ProcessLimit` when it came of one of the
  process's limits (errors.limit_or_damage). A loaded index is searched by `StoredBM25`,
  which reads bm25s's files and scores as bm25s does without importing it: bm25s imports
  scipy.sparse, a quarter of a cold `citeqa ask`'s CPU time; builds still use bm25s.
"""

from __future__ import annotations

import functools
import json
import re
import threading
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import Stemmer

from citeqa.dates import capitalised_months, date_terms, day_spans, month_term, needs_case
from citeqa.errors import limit_or_damage
from citeqa.folding import fold
from citeqa.jsonfiles import language_object, parse_json, read_object
from citeqa.sortedvocab import FILES as SORTED_VOCAB_FILES
from citeqa.sortedvocab import JSON_VOCAB, SortedVocab, open_sorted, unreadable, write_sorted


def _stopwords() -> frozenset[str]:
    """The `stopwords` of citeqa/data/language.json, read as plain JSON: its model (domain.py)
    would import pydantic, which importing this module must not."""
    words = language_object().get("stopwords")
    return frozenset(words if isinstance(words, list) else ())


_STOPWORDS = _stopwords()
"""English and French function words, in folded form (citeqa/data/language.json says which
and why: a word that is a function word in one language only is left out)."""


def _accented_stopwords() -> frozenset[str]:
    """The `accented_stopwords` of citeqa/data/language.json, lower-cased and composed (NFC)."""
    words = language_object().get("accented_stopwords")
    listed = words if isinstance(words, list) else ()
    return frozenset(_as_written(word) for word in listed if isinstance(word, str))


def _as_written(word: str) -> str:
    """`word` lower-cased with its accents, composed (NFC): "Été" and "e\u0301te\u0301" are
    "été"."""
    return unicodedata.normalize("NFC", word.casefold())


_ACCENTED_STOPWORDS = _accented_stopwords()
"""The stopwords as written with their accents ("été", "où"): an accented word is a stopword
only when it is one of these ("thèse", "maïs", "thé" fold to the stopwords "these", "mais",
"the" but are none: `fold_marking`)."""

_MARK = "\u0300-\u036f"
_ACCENTED_WORD = re.compile(
    rf"(?<![^\W_])[^\W\d_]*(?:[^\W\d_\x00-\x7f]|[{_MARK}])(?:[^\W_]|[{_MARK}])*"
)
"""A word holding a letter that is no ASCII one or an accent (a combining mark: a decomposed
"the\u0301se"), from its first letter."""

DECIMAL = r"\d+(?:\.\d+|,\d{1,3}(?!\d)|,\d{4,}(?![\d,-]))"
"""A decimal number written whole: "0.02", or "56,2" and "1,250" (a comma before one to three
digits), or "3,14159" and "48,8566" (four digits or more that no other separator follows);
four digits or more after a comma and before another comma or a hyphen ("T-40001,2025-07-02",
a spreadsheet's record: "40001" and "2025") are another number, as a separator of fields writes
them (session 19: every id of a 2,000-row export was one term with the year after it,
"40001.2025")."""
GROUPED = r"(?<![\d.,])\d{1,3}(?:(?: \d{3})+,\d{1,2}(?![\d,])|(?:,\d{3})+\.\d+)"
"""A number written in groups of thousands with its decimals, as a sheet writes an amount: "61
250,50" (French: spaces between the groups, a decimal comma) or "61,250.50" (English): one
number, the term "61250.50" a question asking "61250.50" or "61 250,50 €" names (session 20: a
French budget's "61 250,50" was two terms, "61" and "250.50"). Only with its decimals: spaces
between bare digits are too often two numbers ("les 12 250 patients")."""
_GROUPED = re.compile(GROUPED)
_TOKEN = re.compile(rf"{GROUPED}|{DECIMAL}|\d+|[^\W\d_][^\W_]*")
"""A number written in groups (`GROUPED`), a decimal number (`DECIMAL`), a whole number, or a
word starting with a letter ("s52", "week52")."""

_ALGORITHMS = {"en": "english", "fr": "french"}
_STEMMERS = threading.local()
"""Per-thread stemmer cache: a PyStemmer instance must not be used by two threads at once."""

_META_NAME = "lexical.json"
FOLDER = "lexical"
"""The folder of a build that holds its BM25 index (`LexicalIndex.save`)."""
_PARAMS = "params.index.json"
_FORMAT = 1


class Folded(NamedTuple):
    """A text folded (`fold`), and where in it start the words written with an accent that fold
    to a stopword but are none as written ("thèse", "maïs": `fold_marking`)."""

    text: str
    accented: frozenset[int] = frozenset()


def fold_marking(text: str) -> Folded:
    """`text` folded, with the starts of its words that `_no_stopword_as_written`: folded piece by
    piece around them (folding reads each character alone, so the pieces make `fold(text)`)."""
    if text.isascii():
        return Folded(text.lower())
    pieces: list[str] = []
    starts: list[int] = []
    done = length = 0
    for match in _ACCENTED_WORD.finditer(text):
        if not _no_stopword_as_written(match.group()):
            continue
        before = fold(text[done : match.start()])
        starts.append(length + len(before))
        pieces.append(before)
        length += len(before)
        done = match.start()
    if not starts:
        return Folded(fold(text))
    pieces.append(fold(text[done:]))
    return Folded("".join(pieces), frozenset(starts))


@functools.lru_cache(maxsize=4096)
def _no_stopword_as_written(word: str) -> bool:
    """Whether a word holding an accent or another non-ASCII letter folds to a stopword but is
    none as written: it carries an accent and its accented form is no `_ACCENTED_STOPWORDS`
    ("thèse", "Maïs"; not "Été", "où")."""
    return (
        fold(word) in _STOPWORDS
        and any(map(unicodedata.combining, unicodedata.normalize("NFD", word)))
        and _as_written(word) not in _ACCENTED_STOPWORDS
    )


def is_stopword(word: str) -> bool:
    """Whether a word as written (one word, any case) is a stopword: its folded form is one, and
    it carries no accent its folded form lacks ("these", "Mais", "où"; not "thèse", "maïs")."""
    return fold(word) in _STOPWORDS and (word.isascii() or not _no_stopword_as_written(word))


def _folded_words(folded: str, accented: frozenset[int] = frozenset()) -> list[str]:
    """The words and numbers of a text already folded, stopwords and single letters removed but
    the words starting at `accented` (`Folded.accented`), no stopwords as written."""
    words = []
    for match in _TOKEN.finditer(folded):
        word = _number(match.group())
        if _kept(word, match.start() in accented):
            words.append(word)
    return words


def _number(word: str) -> str:
    """A token as its term: a number's decimal comma a point, a grouped number's thousands
    separators left out ("61 250,50" and "61,250.50" are "61250.50", "56,2" is "56.2")."""
    if " " in word or ("," in word and "." in word):
        word = word.replace(" ", "").replace(",", "") if "." in word else word.replace(" ", "")
    return word.replace(",", ".")


def _kept(word: str, accented: bool = False) -> bool:
    """Whether a folded word is a term's (`_folded_words`): no stopword (unless `accented`: no
    stopword as written), no single letter."""
    return (len(word) > 1 or word.isdigit()) and (accented or word not in _STOPWORDS)


def _folded_word_starts(folded: Folded) -> list[int]:
    """Where each of `_folded_words(*folded)` starts in `folded.text`, in order."""
    return [
        m.start()
        for m in _TOKEN.finditer(folded.text)
        if _kept(_number(m.group()), m.start() in folded.accented)
    ]


def stopwords() -> frozenset[str]:
    """The stopwords in force (`_STOPWORDS`), which a build's stored tallies depend on
    (doctally.tally_recipe)."""
    return _STOPWORDS


def content_words(text: str) -> list[str]:
    """The folded words and numbers of `text` that BM25 indexes, before stemming (stopwords
    and single letters removed; an accented word that is no stopword as written kept)."""
    return _folded_words(*fold_marking(text))


def content_word_terms(text: str) -> list[tuple[str, frozenset[str]]]:
    """Each content word of `text` (folded, as `content_words` gives them) with its terms (as
    `query_tokens` gives them): a word's terms read from the text, where its accents tell
    whether it is a stopword ("thèse" is none; `query_tokens` of its folded "these" is empty)."""
    marked = fold_marking(text)
    words = _folded_words(*marked)
    terms = _terms_by_word(text, marked)
    return [(word, frozenset(found)) for word, found in zip(words, terms, strict=True)]


def word_term(word: str, lang: str) -> str:
    """The term `tokenize` gives a folded content word (one of `content_words`) in `lang`
    ("en" or "fr"), stopword or not: `tokenize` of the folded "these" of "thèse" is empty."""
    return _term(word, _stem(word, _stemmer(lang)), _months(word, [word]))


def singular(word: str) -> str:
    """A folded `word` of more than three letters without a plural's closing "s" ("deflections",
    "fleches", "archives"), to compare it with another word so read; any other word as it is
    (asked_meanings drops an "x" too: "taux", "index", for a pattern writing it back)."""
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


def _stemmer(lang: str) -> Any:
    """The current thread's PyStemmer for `lang` ("en" or "fr")."""
    cache: dict[str, Any] = _STEMMERS.__dict__.setdefault("by_lang", {})
    if lang not in cache:
        if lang not in _ALGORITHMS:
            raise ValueError(f"no stemmer for language {lang!r}")
        snowball = Stemmer.Stemmer(_ALGORITHMS[lang])
        cache[lang] = _FoldedFrench(snowball) if lang == "fr" else snowball
    return cache[lang]


class _FoldedFrench:
    """The French Snowball stemmer read on folded words: a closing that Snowball strips only
    written with its accent is given it back first (`_FRENCH_ENDINGS`), and the stem folded.
    Folded, "arrivée" gave "arrive" while "arriver" and "arrivé" gave "arriv", "fondée" gave
    "fonde" while "fondé" gave "fond" ("À quelle heure peut-on arriver à l'hôtel ?" found no
    "Arrivée : … 15 h", s59 trial), and "première" gave "premier" while "premier" gave
    "premi": the closing "ee", "ees" is stemmed as "e", "es" (the folded "é", "és"), "iere",
    "ieres" as "ière", "ières"."""

    def __init__(self, snowball: Any) -> None:
        self._snowball = snowball

    def stemWord(self, word: str) -> str:
        return _folded_stem(str(self._snowball.stemWord(_accented_ending(word))))

    def stemWords(self, words: list[str]) -> list[str]:
        stems = self._snowball.stemWords([_accented_ending(word) for word in words])
        return [_folded_stem(str(stem)) for stem in stems]


def _accented_ending(word: str) -> str:
    """A folded `word` with the first of `_FRENCH_ENDINGS` it closes with rewritten."""
    for ending, written in _FRENCH_ENDINGS:
        if ending.search(word):
            return ending.sub(written, word)
    return word


def _folded_stem(stem: str) -> str:
    """A stem Snowball left an ending's accent in ("fière" → "fièr") folded as its word is."""
    return stem.translate(_ENDING_ACCENTS) if not stem.isascii() else stem


_ENDING_ACCENTS = str.maketrans("éè", "ee")
"""The accents `_FRENCH_ENDINGS` write, and their letters folded."""

_FRENCH_ENDINGS = (
    (re.compile(r"ee(s?)$"), r"e\1"),
    (re.compile(r"iere(s?)$"), r"ière\1"),
)
"""A folded word's closings that Snowball reads only with their accent, and how `_FoldedFrench`
writes them for it (`_FoldedFrench`)."""


def _stem(word: str, stemmer: Any) -> str:
    """`word` stemmed, unless it holds a digit (numbers and codes such as "s52" stay whole)."""
    return word if _has_digit(word) else str(stemmer.stemWord(word))


def word_stems(word: str) -> frozenset[str]:
    """The English and French stems of a folded `word` (as `query_tokens` stems a question's):
    two forms of one word share one of them ("loyer" and "loyers": "loyer" in English,
    whose French stemmer reads "loi" and "loyer")."""
    return frozenset(_stem(word, _stemmer(lang)) for lang in _ALGORITHMS)


def _has_digit(word: str) -> bool:
    return any(map(str.isdigit, word))


def tokenize(text: str, lang: str) -> list[str]:
    """The BM25 terms of `text`, stemmed for its language `lang` ("en" or "fr"), as `_stem`
    stems each word, the words stemmed in one PyStemmer call (half the time of a call a word
    for a passage of PubMedQA abstracts), then the canonical terms of its dates
    (dates.date_terms: "14 mars 2026" and "2026-03-14" both give "2026-03-14"), and the
    pieces of its numbers grouped by spaces (`_spaced_pieces`)."""
    folded, accented = fold_marking(text)
    words = _folded_words(folded, accented)
    stems = _stemmer(lang).stemWords(words)
    months = _months(text, words)
    terms = [_term(word, stem, months) for word, stem in zip(words, stems, strict=True)]
    return terms + date_terms(folded) + _spaced_pieces(folded)


def terms_both_ways(text: str) -> frozenset[str]:
    """The terms `tokenize` gives for `text` in English and in French, together: those
    `query_tokens` gives for it, and the pieces of its numbers grouped by spaces
    (`_spaced_pieces`), which `query_tokens` leaves out. For a text whose language is not
    known (a line of code, a result under it) compared with a question's terms."""
    return frozenset(tokenize(text, "en")) | frozenset(tokenize(text, "fr"))


def _spaced_pieces(folded: str) -> list[str]:
    """The terms of the pieces of each number `GROUPED` joins across spaces: "2" and "125.00" of
    "2 125,00", which may be two numbers ("quantité 2 125,00 € pièce": 2 pieces at 125,00 €)
    as well as one; `written_terms` keeps both readings too, its pieces split at spaces
    (review of 2d0ed07: "Quel article coûte 125,00 € ?" found no "125.00")."""
    pieces = [
        piece for found in _GROUPED.findall(folded) if " " in found for piece in found.split()
    ]
    return [term for piece in pieces if _kept(term := _number(piece))]


def _months(text: str, words: list[str]) -> Iterator[bool]:
    """Whether each English month name among `words` (folded from `text`) is written
    capitalised, in order (dates.capitalised_months), read only when one is there."""
    return capitalised_months(text) if needs_case(words) else iter(())


def _month(word: str, capitalised: Iterator[bool]) -> str | None:
    """The month term of a folded word (dates.month_term), taking the next flag of
    `capitalised` (`_months`) when the word is an English month's name: "March" is "--03",
    "march" none."""
    term = month_term(word)
    if term is None:
        return None
    cased = not needs_case((word,)) or next(capitalised, False)
    return term if cased else None  # uncased: an English name (`needs_case`), month_term's None


def _term(word: str, stem: str, capitalised: Iterator[bool]) -> str:
    """A word's BM25 term: the word itself when it holds a digit, its month's term when it
    names a month (`_month`), else its stem."""
    return word if _has_digit(word) else _month(word, capitalised) or stem


def query_tokens(question: str) -> list[str]:
    """The terms of `question` stemmed both in English and in French, then the canonical terms
    of its dates (dates.date_terms), each term once."""
    folded = fold_marking(question)
    terms = dict.fromkeys(_word_terms(question, folded))
    terms.update(dict.fromkeys(date_terms(folded.text)))
    return list(terms)


def _word_terms(text: str, folded: Folded) -> list[str]:
    """The terms of `text`'s words (`folded` is it folded, `fold_marking`), in order
    (`_terms_by_word`)."""
    return [term for terms in _terms_by_word(text, folded) for term in terms]


def _terms_by_word(text: str, folded: Folded) -> list[tuple[str, ...]]:
    """The terms of each of `text`'s words (`folded` is it folded, `fold_marking`): its English
    and French
    stems, or its month's term ("march" is no French word: not stemmed as "marché" is; an
    English month's name only capitalised, `_month`)."""
    english, french = _stemmer("en"), _stemmer("fr")
    words = _folded_words(*folded)
    months = _months(text, words)
    terms: list[tuple[str, ...]] = []
    for word in words:
        month = None if _has_digit(word) else _month(word, months)
        terms.append((month,) if month is not None else (_stem(word, english), _stem(word, french)))
    return terms


Spelling = tuple[frozenset[str], ...]
"""One way a passage writes a question's word: each of its words in any of its terms (the
word's own stems: one; a glossary's "service level agreement" for "SLA": three, each needed)."""

QuestionWord = frozenset[Spelling]
"""A word of a question BM25 searches, as its spellings: a passage writes it in any of them."""


def searched_spellings(
    question: str, equivalents: Sequence[tuple[str, str]] = ()
) -> list[QuestionWord]:
    """Each distinct word of `question` that BM25 searches (no stopword), as its spellings:
    its own terms (`query_tokens`' terms, grouped by the word that gives them), the canonical
    terms of the date it is part of ("14/03/2026": "2026-03-14"), and each term `equivalents`
    adds for the folded words it is part of (glossary.Glossary.equivalents: ("sla", "service
    level agreement")), so a word counts as written wherever BM25 found it."""
    marked = fold_marking(question)
    folded = marked.text
    owns = [frozenset(terms) for terms in _terms_by_word(question, marked)]
    by_start = dict(zip(_folded_word_starts(marked), owns, strict=True))
    spellings: dict[frozenset[str], set[Spelling]] = {own: {(own,)} for own in owns}
    spans: list[tuple[int, int, Spelling]] = [
        (a, b, (day,)) for a, b, day in day_spans(folded) if day
    ]
    for source, added in equivalents:
        spelling = tuple(map(frozenset, _terms_by_word(added, fold_marking(added))))
        spans += [(low, high, spelling) for low, high in _occurrences(source, folded) if spelling]
    for low, high, spelling in spans:
        for start, own in by_start.items():
            if low <= start < high:
                spellings[own].add(spelling)
    return [frozenset(found) for found in spellings.values()]


def _occurrences(words: str, folded: str) -> list[tuple[int, int]]:
    """Where `words` (folded) stand in `folded` as whole words."""
    pattern = re.compile(r"(?<!\w)" + re.escape(words) + r"(?!\w)")
    return [match.span() for match in pattern.finditer(folded)]


def written_share(words: Sequence[QuestionWord], text: str) -> float:
    """The share of `words` (`searched_spellings`) that `text` writes in any of their spellings;
    1 when there is none."""
    if not words:
        return 1.0
    written = written_terms(text)
    return sum(1 for word in words if _writes(written, word)) / len(words)


def _writes(written: frozenset[str], word: QuestionWord) -> bool:
    """Whether a passage of terms `written` writes `word` in one of its spellings."""
    return any(all(terms & written for terms in spelling) for spelling in word)


def written_terms(text: str, dates: bool = True) -> frozenset[str]:
    """The terms `query_tokens` gives for `text`, as a set, with its dates' terms only when
    `dates`: each distinct run of non-space characters folded, split into words and stemmed
    once (a whole document's words repeat: folding, splitting and stemming every occurrence
    cost a 10 MB document seconds, benchmarks/written_terms_cost.py). No word spans a space,
    so the pieces give the words the whole text does."""
    terms = {
        term for piece in set(text.split()) for term in _word_terms(piece, fold_marking(piece))
    }
    folded = fold(text)  # as `tokenize` reads it: a no-break space groups thousands too
    terms.update(_number(found) for found in _GROUPED.findall(folded))  # the term spanning spaces
    return frozenset(terms.union(date_terms(folded) if dates else ()))


@functools.lru_cache(maxsize=1024)
def undated_terms(text: str) -> frozenset[str]:
    """`written_terms` of `text` without its dates, kept for a thousand texts (the section
    headings and titles that repeat across an answer's sentences)."""
    return written_terms(text, dates=False)


def about_terms(terms: Iterable[str]) -> frozenset[str]:
    """The `terms` that say what a text is about: no number, stopword or term of fewer than
    three letters."""
    return frozenset(
        term for term in terms if len(term) > 2 and term.isalpha() and term not in stopwords()
    )


def asked_written(asked: Sequence[frozenset[str]], words: frozenset[str]) -> frozenset[int]:
    """The asked terms (by number; each the alternatives of one term of a question) that
    `words` write."""
    return frozenset(number for number, alternatives in enumerate(asked) if alternatives & words)


class LexicalIndex:
    """A BM25 index over documents given as token lists; documents are known by position."""

    def __init__(self, bm25: Any, size: int) -> None:
        """Use `build` or `load`. `bm25` is None when no document holds any term."""
        self._bm25 = bm25
        self._size = size

    @classmethod
    def build(cls, token_lists: list[list[str]]) -> LexicalIndex:
        """Index `token_lists` (one list per document) with bm25s's default parameters."""
        vocab: dict[str, int] = {}
        for tokens in token_lists:
            for token in tokens:
                vocab.setdefault(token, len(vocab))
        return cls.of_ids([[vocab[token] for token in tokens] for tokens in token_lists], vocab)

    @classmethod
    def of_ids(cls, ids: Sequence[list[int]], vocab: dict[str, int]) -> LexicalIndex:
        """Index documents given as term ids (`vocab` numbers its terms 0..n-1 in order of
        first appearance): what `build` does, for a caller that collects ids as it goes."""
        if not vocab:  # bm25s cannot index an empty vocabulary
            return cls(None, len(ids))
        import bm25s

        bm25 = bm25s.BM25()
        corpus = bm25s.tokenization.Tokenized(ids=ids, vocab=vocab)
        bm25.index(corpus, create_empty_token=False, show_progress=False)
        return cls(bm25, len(ids))

    @property
    def size(self) -> int:
        """The number of documents indexed."""
        return self._size

    @property
    def _terms(self) -> int:
        return 0 if self._bm25 is None else len(self._bm25.vocab_dict)

    def search(self, tokens: list[str], k: int) -> list[tuple[int, float]]:
        """The best `k` (document index, score) pairs for `tokens`, best first, scores > 0.

        Tokens the index has never seen are ignored; ties keep document order.
        """
        if self._bm25 is None or k <= 0:
            return []
        ids = self._bm25.get_tokens_ids(tokens)
        if not ids:
            return []
        scores = np.asarray(self._bm25.get_scores_from_ids(ids))
        matched = np.flatnonzero(scores > 0)
        best = matched[np.argsort(-scores[matched], kind="stable")][:k]
        return [(int(doc), float(scores[doc])) for doc in best]

    def save(self, folder: Path) -> None:
        """Write the index into `folder` (created if needed); `lexical.json` goes last."""
        folder.mkdir(parents=True, exist_ok=True)
        if self._bm25 is not None:
            self._bm25.save(folder, allow_pickle=False, show_progress=False)
            write_sorted(folder, self._bm25.vocab_dict)
            # bm25s 0.2 writes it (a later release may not); the sorted files serve
            (folder / JSON_VOCAB).unlink(missing_ok=True)
        meta = {"format": _FORMAT, "documents": self._size, "terms": self._terms}
        (folder / _META_NAME).write_text(json.dumps(meta), encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> LexicalIndex:
        """Read the index saved in `folder`; raise IndexCorrupt if it is missing or damaged, or
        ProcessLimit when reading it met one of the process's limits (errors.limit_or_damage)."""
        try:
            size, terms = _read_meta(folder / _META_NAME)
            if terms == 0:
                return cls(None, size)
            # memory-mapped: opening costs no time or memory in proportion to the corpus, and a
            # question reads only the score columns of its own terms
            bm25 = StoredBM25(folder, size, terms)
        except Exception as error:  # any damage at all means the same thing: rebuild
            raise limit_or_damage(error, unreadable(folder, str(error))) from error
        return cls(bm25, size)


class StoredBM25:
    """A bm25s index as `BM25.save` wrote it, read for searching without importing bm25s: the
    parameters (JSON), the vocabulary (sortedvocab.py; bm25s's JSON in an index built before
    it) and the CSC score arrays (memory-mapped .npy), scored as
    bm25s 0.3's `get_scores_from_ids` scores them (token by token, np.add.at in the index's
    dtype), so the scores are bm25s's to the bit (tests/unit/test_lexical.py compares them).
    Methods that add a non-occurrence score (BM25L, BM25+) are refused: citeqa builds none."""

    ARRAYS = ("data", "indices", "indptr")

    def __init__(self, folder: Path, size: int, terms: int) -> None:
        """Read the index in `folder`, checked to hold `size` documents and `terms` terms (so
        that every id of its vocabulary has its scores); ValueError where it does not."""
        params = read_object(folder / _PARAMS)
        if params.get("method") in ("bm25l", "bm25+"):
            raise ValueError(f"the BM25 method {params['method']!r} is not read here")
        if params.get("num_docs") != size:
            raise ValueError(f"the parameters count {params.get('num_docs')} documents, not {size}")
        self.folder, self.num_docs = folder, size
        self.dtype = np.dtype(params.get("dtype", "float32"))
        self.int_dtype = np.dtype(params.get("int_dtype", "int32"))
        self.vocab: SortedVocab | dict[str, int] = open_sorted(folder, terms) or _json_vocab(
            folder, terms
        )  # the JSON only for an index built before the sorted vocabulary (sortedvocab.py)
        self.data, self.indices, self.indptr = (
            np.load(folder / _array_file(name), mmap_mode="r", allow_pickle=False)
            for name in self.ARRAYS
        )
        self._check_types()
        self._check_arrays(terms)
        self._checked: set[int] = set()
        """The term ids whose postings a question has read, checked (`_postings`): each term
        is checked once, when first read."""

    def _check_types(self) -> None:
        """ValueError unless the arrays are one-dimensional, the scores of the parameters'
        float dtype (they add up in it: an integer one would round every score to 0) and the
        offsets and document numbers integers, as the parameters' int_dtype is."""
        if any(array.ndim != 1 for array in (self.data, self.indices, self.indptr)):
            raise ValueError("a score array is not one-dimensional")
        if self.dtype.kind != "f" or self.dtype != self.data.dtype:
            raise ValueError(f"the parameters' dtype {self.dtype} is not the scores' float type")
        if self.int_dtype.kind not in "iu":
            raise ValueError(f"the parameters' int_dtype {self.int_dtype} is not an integer type")
        if self.indices.dtype.kind not in "iu" or self.indptr.dtype.kind not in "iu":
            raise ValueError("a score array has the wrong type")

    def _check_arrays(self, terms: int) -> None:
        """ValueError unless the CSC arrays' lengths fit `terms` terms and their offsets start
        at 0 and end at the last score: a check in constant time. The offsets of each term and
        the documents its scores refer to are checked when a question first reads them
        (`_postings`), so that opening reads no array in full (4.3 M scores: 17 MB each)."""
        data, indices, indptr = self.data, self.indices, self.indptr
        if len(indptr) != terms + 1 or len(indices) != len(data):
            raise ValueError("the score arrays' lengths disagree with each other")
        if indptr[0] != 0 or indptr[-1] != len(data):
            raise ValueError("the score array offsets are out of order")

    def get_tokens_ids(self, tokens: list[str]) -> list[int]:
        """The ids of the `tokens` the vocabulary holds, in order."""
        ids = (self.vocab.get(token) for token in tokens)
        return [ident for ident in ids if ident is not None]

    def get_scores_from_ids(self, ids: list[int]) -> np.ndarray:
        """Every document's BM25 score for the terms `ids` (the vocabulary's: their scores
        exist, as the load checked)."""
        terms = np.asarray(ids, dtype=self.int_dtype)
        scores = np.zeros(self.num_docs, dtype=self.dtype)
        for term, start, end in zip(ids, self.indptr[terms], self.indptr[terms + 1], strict=True):
            if term in self._checked:
                documents = self.indices[start:end]
            else:
                documents = self._postings(int(start), int(end))
                self._checked.add(term)
            np.add.at(scores, documents, self.data[start:end])
        return scores

    def _postings(self, start: int, end: int) -> np.ndarray:
        """The documents of the scores `start`..`end` (one term's, read for the first time),
        checked: IndexCorrupt when the offsets are out of order or a document does not exist
        (a damaged file the open's constant-time checks let through)."""
        documents = self.indices[start:end]
        if not 0 <= start <= end <= len(self.data):
            reason = "the score array offsets are out of order"
        elif len(documents) and (documents.min() < 0 or documents.max() >= self.num_docs):
            reason = "a score refers to a document that does not exist"
        else:
            return documents
        raise unreadable(self.folder, reason)


def _json_vocab(folder: Path, terms: int) -> dict[str, int]:
    """bm25s's JSON vocabulary in `folder`; ValueError unless it maps `terms` words onto the
    ids 0..terms-1 (parsing it costs time in proportion to the terms)."""
    vocab = parse_json((folder / JSON_VOCAB).read_bytes())
    if not isinstance(vocab, dict) or len(vocab) != terms:
        raise ValueError(f"the vocabulary does not hold the {terms} terms recorded")
    if set(vocab.values()) != set(range(terms)):
        raise ValueError("the vocabulary's term ids are not 0..n-1")
    return vocab


def _array_file(name: str) -> str:
    return f"{name}.csc.index.npy"


def saved_files() -> frozenset[str]:
    """The names `LexicalIndex.save` writes in its folder (bm25s's default names, the sorted
    vocabulary, its own record), and bm25s's JSON vocabulary an older build kept."""
    arrays = (_array_file(name) for name in StoredBM25.ARRAYS)
    return frozenset([*arrays, _PARAMS, JSON_VOCAB, *SORTED_VOCAB_FILES, _META_NAME])


def _read_meta(path: Path) -> tuple[int, int]:
    """The (documents, terms) counts recorded in `lexical.json`."""
    meta = read_object(path)
    if meta.get("format") != _FORMAT:
        raise ValueError(f"{path.name} is not a format {_FORMAT} lexical index description")
    counts = meta.get("documents"), meta.get("terms")
    if not all(type(count) is int and count >= 0 for count in counts):
        raise ValueError(f"{path.name} has no valid document and term counts")
    return meta["documents"], meta["terms"]
