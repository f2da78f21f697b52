"""Owns reading a question refused as typed again with its typos corrected, and the warning that
says which corrections it used ("Read “cancle” as “cancel”.").

The s20 trial's "how do i cancle my subscribtion" was refused ("No word of the question occurs
in the documents. Did you mean “subscription”?") though the search had already read both words
as typos of "cancel" and "subscription" (QuestionTerms.corrected) and "cancel subscription"
is answered: the word checks (abstention.before_search) and the answer models' features read
the words as typed. A question is read again, as if typed with the corrections in place
(`corrected_question`), only when every content word it uses that the corpus never does
(reason_words.nameable_words: a misspelt function word, "wich", needs none) has a confident
correction (`confident_corrections`; a word with no correction at all that is no word of a
language with a word list stays as typed, `_uncorrectable_typo`, when another is corrected):
the word is no word of the language
(citeqa/data/known_words.json, `known_word`: a real word the corpus lacks is no typo, and the
search, which already read it as its correction, finds passages writing that correction either
way: the s20 review's "How long is the trail?" was answered with "The trial lasts 12 weeks"),
it is the corpus word the search corrected it to by one slip of the keys a typo makes more
often than another word does (`slip_of_the_keys`), the closest passages write that correction
not only as a name (spelling_hints.spellings_written: the form the answer is
read with), and the question does not write it as code or as a name. French has no word list
installed, so a French word is only held to the other rules. A word of
3 or 4 letters is corrected only as questions.Vocabulary.short_correction says ("wek" → "week");
one of the language under 5 letters stays as typed when the closest passages write a word one
slip from it ("cal", an abbreviation, of "call": `_stays_as_typed`). An
off-topic question keeps words no correction reads ("Who won the 2018 World Cup?" corrects
"World" to "word", never "won", "2018" nor "Cup"). The re-read answer replaces the refusal only
when it answers (api).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from rapidfuzz.distance import Indel

from citeqa.glossary import fold
from citeqa.known_words import known_word, may_be_short_typo
from citeqa.models import Lang
from citeqa.one_edit import added_dropped_or_swapped, one_edit_apart, written_words
from citeqa.questions import TYPO_MIN_LENGTH, QuestionTerms, looks_like_name
from citeqa.reason_words import nameable_words
from citeqa.spelling_hints import Closest, spellings_written, typed_as_words
from citeqa.visible import cut, shown

READ_AS = {
    "en": "Read {pairs}.",
    "fr": "Lu {pairs}.",
}
SUBSTITUTION_LETTERS = 8
"""A word of at least this many letters may be read as a typo of a corpus word one letter
changed (`slip_of_the_keys`): "subscribtion" for "subscription", not "poème" for "poète"."""
TYPO_STEM = 5
"""The letters a typo with no correction shares with a word the closest passages write
(`_opens_a_written_word`)."""
PAIR = {
    "en": "{typed} as {read}",
    "fr": "{typed} comme {read}",
}


ShortCorrection = Callable[[str], "str | None"]
"""The corpus word a folded short word is a typo of (questions.Vocabulary.short_correction)."""


def confident_corrections(
    terms: QuestionTerms, lang: Lang, closest: Closest, short: ShortCorrection | None = None
) -> dict[str, str]:
    """Each content word of the question the corpus never uses (as typed) → its correction as
    the `closest` passages (their texts, read only when every such word has a correction)
    write it most often, lower-cased; {} unless every such word has a confident one (see the
    module docstring). A word under TYPO_MIN_LENGTH letters, which the search never corrects,
    is corrected here by `short` (`_short_reading`)."""
    absent = nameable_words(list(dict.fromkeys(terms.absent)), lang)
    readable = typed_as_words(terms)
    wanted = {
        word: terms.corrected.get(word) or _short_reading(word, lang, short) for word in absent
    }
    typed = [word for word, corrected in wanted.items() if corrected is None]
    typed = [word for word in typed if _uncorrectable_typo(word, lang) or _short_known(word, lang)]
    wanted = {word: corrected for word, corrected in wanted.items() if word not in typed}
    if not any(wanted.values()) or any(
        corrected is None
        or not readable(word)
        or known_word(fold(word), lang)
        or not slip_of_the_keys(fold(word), corrected)
        for word, corrected in wanted.items()
    ):
        return {}
    folded = frozenset(corrected for corrected in wanted.values() if corrected is not None)
    texts = closest()
    written = written_words(texts) if typed else frozenset()
    if not all(_stays_as_typed(word, written, lang) for word in typed):
        return {}
    spellings = spellings_written(texts, folded)
    found = {word: spellings.get(corrected or "") for word, corrected in wanted.items()}
    if not all(found.values()):
        return {}
    return {word: spelling for word, spelling in found.items() if spelling}


def _uncorrectable_typo(word: str, lang: Lang) -> bool:
    """Whether a word the corpus never uses and the search found no correction for may stay as
    typed while the others are corrected: no word of `lang`'s word list, which `lang` has (a
    French word, with no list installed, is never one). "deploymnet" in "how do i rollbak a
    deploymnet" (s24 trial: the corpus writes "deploy", never "deployment"); "Cup" of "Who
    won the World Cup?" is a word, and keeps the question refused as typed. The closest
    passages must also write a word it opens like (`_opens_a_written_word`). The short typos'
    rule, whatever the word's length (known_words.may_be_short_typo)."""
    return may_be_short_typo(fold(word), lang)


def _short_reading(word: str, lang: Lang, short: ShortCorrection | None) -> str | None:
    """The corpus word a word under TYPO_MIN_LENGTH letters is read as ("wek" of "week"), or
    None: never a word typed as a name ("MRM") nor one known_words.may_be_short_typo keeps as
    typed in `lang` ("cal", "tue"; any French word: no list is installed)."""
    folded = fold(word)
    if short is None or len(folded) >= TYPO_MIN_LENGTH or looks_like_name(word):
        return None
    return short(folded) if may_be_short_typo(folded, lang) else None


def _short_known(word: str, lang: Lang) -> bool:
    """Whether `word` is a word of `lang`'s list shorter than questions.TYPO_MIN_LENGTH, which
    the search never corrects (questions.Vocabulary.short_correction): "cal" of "who is on cal
    in wek 11" (s22-25 trials) is an abbreviation as well as a slip of "call"."""
    return len(fold(word)) < TYPO_MIN_LENGTH and known_word(fold(word), lang)


def _stays_as_typed(word: str, written: frozenset[str], lang: Lang) -> bool:
    """Whether a word with no correction may stay as typed while the others are corrected: the
    closest passages (their folded words `written`) write a word it opens like
    (`_opens_a_written_word`), or, for a short word of the language (`_short_known`), one a
    slip of the keys away ("call" of "cal"): "Cup" of "Who won the World Cup?" finds no "cup"
    slipped in passages on another subject, and keeps the question refused as typed."""
    if not _short_known(word, lang):
        return _opens_a_written_word(word, written)
    folded = fold(word)
    return any(added_dropped_or_swapped(folded, other) for other in written if other != folded)


def _opens_a_written_word(word: str, written: frozenset[str]) -> bool:
    """Whether the closest passages, which write the folded words `written`, write one opening
    with the first
    TYPO_STEM letters of `word`, which is longer ("deploymnet" of "deploy"), or one at most two
    letters left out or added away ("asay" of "assay", research dev); not the drug name
    "telitacisept" of an off-topic question (PubMedQA dev) the passages never come near."""
    folded = fold(word)
    if len(folded) > TYPO_STEM and any(other.startswith(folded[:TYPO_STEM]) for other in written):
        return True
    return any(Indel.distance(folded, other, score_cutoff=2) <= 2 for other in written)


def slip_of_the_keys(typed: str, corrected: str) -> bool:
    """Whether the folded `typed` word is `corrected` with one slip of the keys a typo makes
    more often than another word of the language does: a letter left out or one added
    ("suported", Indel 1; a real word so made, "plane" for "plan", is a `known_word` and never
    gets here), two neighbouring letters swapped ("cancle"), or one letter changed
    in a word of SUBSTITUTION_LETTERS or more ("subscribtion"). A letter changed in a shorter
    word, or two edits, more often make another word the corpus lacks: PIAF near misses read
    "poème" as "poète" and "attendues" as "attendre" and were answered."""
    if added_dropped_or_swapped(typed, corrected):
        return True
    return len(typed) >= SUBSTITUTION_LETTERS and one_edit_apart(typed, corrected)


def corrected_question(question: str, corrections: Mapping[str, str]) -> str:
    """`question` with each typed word of `corrections` (a whole word, as typed) replaced by
    its correction."""
    for typed, read in corrections.items():
        question = re.sub(rf"(?<!\w){re.escape(typed)}(?!\w)", read, question)
    return question


def read_as(corrections: Mapping[str, str], lang: Lang) -> str:
    """The warning naming each correction the answer read the question with, in `lang`
    (question and document words: made visible, a long one by its ends)."""
    pairs = ", ".join(
        PAIR[lang].format(typed=_quoted(typed), read=_quoted(read))
        for typed, read in corrections.items()
    )
    return READ_AS[lang].format(pairs=pairs)


def _quoted(word: str) -> str:
    return cut(shown(word), marks=("“", "”"))
