"""The legacy encoding of a text file of a non-Latin script: Cyrillic cp1251, Japanese
Shift-JIS, Chinese GB2312 and the like, which textdecoding.py otherwise reads as cp1252.

A file that is not UTF-8 was read as cp1252 throughout (or line by line), right for the
Windows files of Western Europe, but a Russian cp1251 file read "Ñîâåò äèðåêòîðîâ" for "Совет
директоров", a Chinese GB2312 file mojibake line by line, and a Japanese Shift-JIS file was
skipped as binary (its lead bytes 0x81-0x9F read as C1 controls) (s21 review). Which legacy
encoding a file is in is guessed by charset-normalizer (a well-kept library, already installed
with requests; a table of byte frequencies would be ours to keep), over its first
SAMPLE_BYTES bytes, and its guess is taken only when:

- the whole file decodes with it, strictly;
- the guess reads as text (the library's `chaos`, its measure of mess, at most MAX_CHAOS:
  Russian KOI8-R guessed as Shift-JIS reads half-width katakana at 0.1);
- half its letters at least, and MIN_LETTERS, are not ASCII (NON_ASCII_LETTERS): the script
  is not Latin. A French or German cp1252 file, often guessed cp1250, keeps its cp1252
  reading, whose few accented letters (under a tenth of its letters) that guess would read
  otherwise;
- the guess is no UTF-16 or UTF-32 (textdecoding.py reads those by their marks and zero
  bytes; a short cp1252 line "ÉLÈVES;ÂGÉS;ÉTÉ" was guessed UTF-16 and read as CJK);
- in a sample of fewer than SHORT_SAMPLE bytes past ASCII that cp1252 reads, the guess names
  the language it reads (the library's `coherence`): such a sample reads as something in many
  scripts ("ÀÉÈÊÔÛÇ ÉÉ" as half-width katakana, Cyrillic, Greek, none messy), so cp1252, the
  reading of Western Europe's files, stays ("Совет директоров" alone was guessed Shift-JIS and
  read as kanji; it now reads "Ñîâåò äèðåêòîðîâ", as cp1252 always read it) (s22 review);
- and the file is not mostly UTF-8 (textdecoding._mostly_utf8: a UTF-8 file with one stray
  line is read line by line, as before).

No I/O; only a file that is not UTF-8 is looked at, so UTF-8 files cost nothing more.
A file whose bytes no ASCII-compatible guess could read as mostly letters past ASCII (a
French or German cp1252 file: `_latin_whatever_the_guess`) is not guessed at all: the guess
took about a quarter of the time to read a 5 MB one (benchmarks/western_legacy_read.py).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

SAMPLE_BYTES = 32_768
"""How much of a file the guess reads (about 30 ms for this much Cyrillic on this machine)."""
MAX_CHAOS = 0.05
"""The most mess (charset-normalizer's `chaos`, 0 to 1) a guess may read as."""
NON_ASCII_LETTERS = 0.5
"""The least share of a guess's letters that are not ASCII for its script to count as non-Latin
(Russian, Japanese, Chinese: nearly all; French, German: under a tenth; "CAFÉ»⏎naïve ça"
guessed as an Arabic code page: a third)."""
MIN_LETTERS = 8
"""And the fewest such letters: a few accented words are too little to tell a script by."""
SHORT_SAMPLE = 200
"""Fewer bytes past ASCII than this (in the sample) make a short sample, read as cp1252 unless
the guess names a language or cp1252 cannot read the bytes (a Shift-JIS "。" is 0x81 0x42)."""
ASCII_BYTES = bytes(range(128))
"""The ASCII bytes (`bytes.translate` deletes them to count the rest; textdecoding too)."""
_ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
WIDEST_CHARACTER = 4
"""The most bytes one character of a legacy encoding takes (GB18030): the text whose letters
`_non_latin` counts, its first SAMPLE_BYTES characters, is read from at most this many times
SAMPLE_BYTES bytes."""

__all__ = ["non_latin_text"]


def non_latin_text(body: bytes) -> tuple[str, str] | None:
    """(the text, the codec's name) of `body`, bytes that are not UTF-8, when it reads as a
    legacy encoding of a non-Latin script (the module's rules); None otherwise."""
    from charset_normalizer import from_bytes

    sample = body[:SAMPLE_BYTES]
    if _latin_whatever_the_guess(body):
        return None
    short = _short_western(sample)
    cyrillic: list[str] | None = None  # the Cyrillic ranking, made when a guess first needs it
    tried: set[str] = set()  # codecs decoded already: they read the same again
    for match in from_bytes(sample):
        if match.chaos > MAX_CHAOS or match.encoding.startswith(("utf_16", "utf_32")):
            continue
        if short and not match.coherence:
            continue
        readings = [match.encoding]
        if match.encoding in CYRILLIC_CODECS:
            if cyrillic is None:
                cyrillic = _cyrillic_ranking(sample[:SCORED_BYTES])
            readings = cyrillic
        for encoding in readings:
            if encoding in tried:
                continue
            tried.add(encoding)
            try:
                text = body.decode(encoding)
            except (UnicodeDecodeError, LookupError):
                continue
            if _non_latin(text[:SAMPLE_BYTES]):
                return text, encoding
    return None


CYRILLIC_CODECS = (
    "cp1251",
    "koi8_r",
    "koi8_u",
    "mac_cyrillic",
    "cp866",
    "cp1125",
    "iso8859_5",
    "cp855",
    "kz1048",
    "ptcp154",
    "koi8_t",
)
"""The Cyrillic code pages, told apart by how their texts read (`_cyrillic_score`), not by
charset-normalizer's guess alone: they share most letters' bytes, so its measures tie, and a
repetitive cp1251 file was guessed mac_cyrillic, every capital read as a symbol ("—овет" for
"Совет"; s23 hostile probe). Kazakh and Tajik pages last: they read a Russian or Ukrainian
text's bytes as letters too, in one case ("Ғвропейський" for cp1251's "Європейський"), so
they tie with cp1251 or KOI8-R and the order (`_cyrillic_ranking`) keeps those."""
SCORED_BYTES = 4096
"""How much of the sample each Cyrillic code page's reading is scored on (some 700 words:
scoring the whole sample in each took 90 ms more for a 100 KB file)."""
_WORD_OR_MARK = re.compile(r"[^\W\d_]+|[^\x00-\x7f\w\s](?=[^\W\d_])")
"""A word of letters, or a character past ASCII that is no letter, digit or blank right before
a letter (the "—" a capital letter of another code page reads as)."""


def _cyrillic_ranking(scored: bytes) -> list[str]:
    """The codecs to try for a guess that is a Cyrillic code page: the Cyrillic code pages that
    read `scored` (the sample's first SCORED_BYTES), the one whose text reads best first (in
    the order of CYRILLIC_CODECS among equals, whatever the guess: kz1048 reads Russian as
    cp1251 does)."""
    scores: dict[str, int] = {}
    for encoding in CYRILLIC_CODECS:
        try:
            scores[encoding] = _cyrillic_score(scored.decode(encoding))
        except UnicodeDecodeError:
            continue
    return sorted(scores, key=lambda encoding: -scores[encoding])  # stable: CYRILLIC_CODECS order


def _cyrillic_score(text: str) -> int:
    """How well `text` reads as Cyrillic: the letters of its words written in one case, all
    lower, all upper or capitalised, and in one script, less those of words mixing cases
    otherwise ("сОВЕТ", a KOI8 text read as cp1251) or scripts ("Ђƒаї", a cp1251 "«Да»" read
    as mac_cyrillic), less two for each symbol past ASCII against a letter ("—овет"); none
    for punctuation there ("«Да»": quotes and dashes are a Cyrillic text's own)."""
    score = 0
    for found in _WORD_OR_MARK.finditer(text):
        word = found.group()
        if len(word) == 1 and not word.isalpha():
            score -= 0 if unicodedata.category(word).startswith("P") else 2
        elif not word.isalpha():  # a word holding a sign that is no letter: "ЮГЮ²ЯРЮМ"
            score -= len(word)
        elif word.isascii():
            continue
        elif (word.islower() or word.isupper() or word.istitle()) and _one_script(word):
            score += len(word)
        else:
            score -= len(word)
    return score


def _one_script(word: str) -> bool:
    """Whether the letters of `word` are all of one script (the first word of their Unicode
    names: CYRILLIC, LATIN, GREEK…)."""
    if _CYRILLIC_WORD.fullmatch(word):  # most words, told at once
        return True
    first = _script(word[0])
    return all(_script(letter) == first for letter in word)


_CYRILLIC_WORD = re.compile("[\u0400-\u052f]+")
"""A word of the Cyrillic blocks' letters only."""


@cache
def _script(letter: str) -> str:
    """The script of a letter: the first word of its Unicode name (remembered: a few hundred
    letters recur)."""
    return unicodedata.name(letter, "").partition(" ")[0]


def _latin_whatever_the_guess(body: bytes) -> bool:
    """Whether no ASCII-compatible guess can read `body` as a non-Latin script (`_non_latin`),
    so charset-normalizer need not be asked (it took most of the time to read a Western cp1252
    file: benchmarks/western_legacy_read.py). Each character such a codec reads past ASCII
    takes one byte past ASCII at least, and at most one ASCII byte with it (a Shift-JIS or Big5
    trail byte), so a guess's text reads no more letters past ASCII than the bytes past ASCII
    (`past`) of the bytes it is read from, and no fewer ASCII letters than `letters` (the first
    SAMPLE_BYTES bytes') less `past`: with fewer than MIN_LETTERS bytes past ASCII, or fewer
    than NON_ASCII_LETTERS of `letters` (a French or German file: a few accented letters a
    line), NON_ASCII_LETTERS of its letters cannot be past ASCII. An EBCDIC guess, not
    ASCII-compatible, reads ASCII spaces as controls, far messier than MAX_CHAOS."""
    past = len(body[: WIDEST_CHARACTER * SAMPLE_BYTES].translate(None, ASCII_BYTES))
    sample = body[:SAMPLE_BYTES]
    letters = len(sample) - len(sample.translate(None, _ASCII_LETTERS))
    return past < MIN_LETTERS or past < NON_ASCII_LETTERS * letters


def _short_western(sample: bytes) -> bool:
    """Whether `sample` has fewer than SHORT_SAMPLE bytes past ASCII and cp1252 reads it."""
    if len(sample.translate(None, ASCII_BYTES)) >= SHORT_SAMPLE:
        return False
    try:
        sample.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def _non_latin(text: str) -> bool:
    """Whether at least NON_ASCII_LETTERS of the letters of `text`, and MIN_LETTERS, are not
    ASCII."""
    letters = [char for char in text if char.isalpha()]
    past_ascii = sum(not char.isascii() for char in letters)
    return past_ascii >= MIN_LETTERS and past_ascii >= NON_ASCII_LETTERS * len(letters)
