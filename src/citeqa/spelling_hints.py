"""Owns the "Did you mean …?" that ends an abstention's reason when the question misspells words
the documents use ("Did you mean “default”, “timeout”, “sessions”?" for "defualt", "timout",
"sesions").

The candidates are the likely spellings of the words the question's analysis found unused
(`QuestionTerms.typos`, looked up only when an abstention's offer reads them, from
`Vocabulary.likely_spelling`: rapidfuzz's Indel distance over the corpus's folded words of the
same first letter, one letter added or dropped for words of 5 or 6 letters, two for longer; stricter
than the correction searched for, whose two edits for long words read "calories" as "carries";
and only a word some sentence holds, no function word: "trough" is not offered "through").
An ordinary word of the question's language (its word list, known_words.json) is offered no
other word of it ("missing" is no "mission"), only a corpus word that is none (an English
"salaries", the French documents' "salaires"). A candidate is offered only when the closest
passages (those the abstention lists) write it: a misspelling's neighbour shares the
question's context, a real word the corpus lacks rarely does ("pneus hiver" is not offered
"hier", which a diary writes elsewhere), nor a word they write only as a name ("braed" is
not offered the "Brad" of "Brad Appleton"). It is offered as
those passages spell it most often, lower-cased ("rétention", where the corpus's words are
stored folded as "retention"). The abstention looks nothing up in the index again: the
passages' texts are read only when a word has a candidate (benchmarks/typo_hints.py measures
what the analysis adds).
Only a typed word the documents never use (`absent`) is
offered a spelling, and never one written as code (part of an identifier the question names:
identifiers.py, of a span between backticks, "`timout`", or of a name it calls, "timout()"),
nor a name: a word capitalised other than as the question's first word, or with
a capital inside it ("Kubernetis", "NumPi"). A number is never corrected
(`Vocabulary.likely_spelling` reads words of letters only).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

from citeqa.glossary import fold
from citeqa.identifiers import identifiers
from citeqa.known_words import known_word, may_be_short_typo
from citeqa.models import Lang
from citeqa.questions import TYPO_MIN_LENGTH, QuestionTerms
from citeqa.visible import cut

DID_YOU_MEAN = {
    "en": "Did you mean {words}?",
    "fr": "Vouliez-vous dire {words} ?",
}
MAX_OFFERED = 3
"""At most this many spellings are offered."""
_LETTERS = re.compile(r"[^\W\d_]+")
_WRITTEN = re.compile(r"[^\W\d_](?:[^\W\d_]|[\u0300-\u036f])*")
"""A word of a passage as written: letters, with any combining accents (a decomposed "é")."""
_BACKTICKED = re.compile(r"`([^`\n]+)`")
"""A span of a question typed between backticks, as Markdown writes code."""
_CALLED = re.compile(r"([^\W\d][\w.]*)\(")
"""A name the question calls: a word, dotted or not, an opening parenthesis right after it."""
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_])")
_LAST_WORD = re.compile(r"([^\W\d_])[^\W\d_]*[ \t]+\Z")
Closest = Callable[[], Sequence[str]]
"""The texts of the closest passages, read when asked for (only when a word has a candidate)."""


def did_you_mean(terms: QuestionTerms, lang: Lang, closest: Closest | None) -> str | None:
    """The sentence offering the closest passages' spelling (`closest`: their texts) of the
    question's misspelt words, in `lang`, or None when no word is offered one (none without
    passages)."""
    offered = offered_spellings(terms, closest, lang) if closest is not None else []
    if not offered:
        return None
    words = ", ".join(cut(word, marks=("“", "”")) for word in offered)
    return DID_YOU_MEAN[lang].format(words=words)


def offered_spellings(terms: QuestionTerms, closest: Closest, lang: Lang) -> list[str]:
    """The spellings offered for the question's typos, in the question's order, each once (at
    most MAX_OFFERED): each candidate as the `closest` passages write it most often, a
    candidate they never write left out, and none for a short word `lang` keeps as typed
    (known_words.may_be_short_typo: "tue", any French word)."""
    absent = set(terms.absent)
    readable = typed_as_words(terms)
    wanted = {
        corrected: typed
        for typed, corrected in terms.typos.items()
        if typed in absent and readable(typed) and _may_be_typo(typed, corrected, lang)
    }
    if not wanted:
        return []
    spellings = spellings_written(closest(), frozenset(wanted))
    offered = [spellings[c] for c in dict.fromkeys(wanted) if c in spellings]
    return list(dict.fromkeys(offered))[:MAX_OFFERED]


def _may_be_typo(typed: str, corrected: str, lang: Lang) -> bool:
    """Whether a question word may be offered the spelling `corrected`: never when both are
    words of `lang`'s word list (known_words.known_word, the list typo_reading keeps real words
    by: s35 trial, "missing" was offered "mission", two English words), while a word of the list
    is offered a corpus word that is none ("salaries" the French documents' "salaires": their
    wording); a language with no list (French) offers as before. Then any word of
    TYPO_MIN_LENGTH letters or more, a shorter one only as known_words.may_be_short_typo says
    in `lang`."""
    folded = fold(typed)
    if known_word(folded, lang) and known_word(fold(corrected), lang):
        return False
    return len(folded) >= TYPO_MIN_LENGTH or may_be_short_typo(folded, lang)


def typed_as_words(terms: QuestionTerms) -> Callable[[str], bool]:
    """Whether a word of the question may be a typo of a word: no piece of code it writes
    (`code_pieces`) nor a name (`is_name`)."""
    code = code_pieces(terms.focus)
    first = next(iter(terms.focus_words), "")
    return lambda word: word not in code and not is_name(word, first)


def spellings_written(texts: Sequence[str], folded: frozenset[str]) -> dict[str, str]:
    """Each of the `folded` words `texts` write, other than as a name (`written_as_names`), →
    the form they write it in most often (`written_forms`)."""
    forms = written_forms(texts, folded)
    names = written_as_names(texts, frozenset(forms))
    return {
        word: written.most_common(1)[0][0]
        for word, written in forms.items()
        if written and word not in names
    }


def written_forms(texts: Sequence[str], folded: frozenset[str]) -> dict[str, Counter[str]]:
    """For each of the `folded` words that `texts` write, how often they write each form of it
    (lower-cased, accents kept: "Rétention" and "rétention" are one form, "retention" another);
    Counter.most_common gives the first written of equally frequent forms."""
    forms: dict[str, Counter[str]] = {}
    for text in texts:
        for match in _WRITTEN.finditer(text):
            written = match.group().lower()
            key = fold(written)
            if key in folded:
                forms.setdefault(key, Counter())[written] += 1
    return forms


def written_as_names(texts: Sequence[str], folded: frozenset[str]) -> set[str]:
    """The `folded` words that `texts` write only as names: never in lower case nor in capitals
    (a constant's "LUMEN_SESSION_TIMEOUT" writes "timeout"), and at least once capitalised
    beside another capitalised word, as a person's or a place's name is: the "Brad" of "Brad
    Appleton" is no misspelt "bread", while a sentence's first word ("Sessions expire") is
    left to be offered."""
    lower: set[str] = set()
    named: set[str] = set()
    for text in texts:
        for match in _WRITTEN.finditer(text):
            written = match.group()
            key = fold(written)
            if key not in folded:
                continue
            if not written[0].isupper() or written.isupper():
                lower.add(key)
            elif _beside_a_capital(text, match.start(), match.end()):
                named.add(key)
    return named - lower


def _beside_a_capital(text: str, start: int, end: int) -> bool:
    """Whether the word at text[start:end] has a capitalised word just before or after it,
    a space between ("Brad Appleton", "Mount Everest")."""
    after = _NEXT_WORD.match(text, end)
    before = _LAST_WORD.search(text[max(0, start - 40) : start])
    return any(found and found.group(1)[0].isupper() for found in (after, before))


def code_pieces(focus: str) -> set[str]:
    """The runs of letters of what the question writes as code, whose spelling is not prose's:
    the identifiers it names (`cache_timout` gives "cache" and "timout"), what it puts between
    backticks ("`timout`", "`the timout`") and the names it calls ("timout()")."""
    marked = [*identifiers(focus), *_BACKTICKED.findall(focus), *_CALLED.findall(focus)]
    return {piece for name in marked for piece in _LETTERS.findall(name)}


def is_name(word: str, first: str) -> bool:
    """Whether a word is written as a name: a capital inside it, or a capital first letter
    anywhere but at the question's first word (whose capital is the sentence's)."""
    if any(letter.isupper() for letter in word[1:]):
        return True
    return word[:1].isupper() and word != first
