"""What a question asks: cleaning it, weighing its key terms, and reading follow-ups in context.

- `clean_question` strips terminal control characters, escape sequences and format
  characters (zero-width, bidi: visible.without_format), collapses whitespace, rejects an
  empty question (BadQuestion) and truncates a huge one (with a warning).
- `QuestionTerms` holds the question's content words with their IDF weights over the corpus's
  sentences, each word matching its English and French stems and its glossary equivalents;
  `coverage` says how much of the question a sentence covers. `unknown_names` counts names
  (a hyphenated code, a word with digits or capitals, or one with a name ending the corpus's
  domain file lists) that appear nowhere in the corpus: a strong sign that it cannot answer.
  A follow-up's `new_terms` are its words the previous question it is read with did not use.
- `IDENTIFIER` and `question_keys`: the identifiers and numbers a question names;
  `Vocabulary.writes_key` says whether the corpus writes one (`unwritten_keys`), and
  `Vocabulary.mentions` whether it writes a code identifier (identifiers.py) in any stored
  form (`unknown_identifiers`).
"""

from __future__ import annotations

import bisect
import math
import re
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache, partial
from operator import itemgetter
from typing import NamedTuple

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein, Indel

from citeqa.absent_names import generic_acronym, unwritten_names
from citeqa.alternatives import Alternatives
from citeqa.asked_ordinals import asked_ordinals, ordinals_written
from citeqa.asked_values import (
    asked_kinds,
    names_value_kind,
    reads_as_cue,
    unit_abbreviations,
)
from citeqa.compounds import compound_key, corpus_compounds
from citeqa.corpus_initials import CorpusInitials
from citeqa.courtesy import only_courtesy
from citeqa.dates import YEAR_DIGITS, date_key, day_spans, impossible_spans, is_full_day_term
from citeqa.decision_lines import decision_words, droppable_decision_words
from citeqa.errors import BadQuestion
from citeqa.glossary import NO_GLOSSARY, Glossary, fold, language_words
from citeqa.hyphens import WORD_HYPHENS
from citeqa.identifiers import (
    WORD_EDGES,
    asked_about,
    core_word,
    identifiers,
    parts,
    setting_of,
)
from citeqa.iso_weeks import asked_week, week_code_tokens
from citeqa.jsonfiles import data_json
from citeqa.keyshapes import key_kind, lettered_cues, lettered_key
from citeqa.language import question_lang
from citeqa.lexical import DECIMAL, GROUPED, query_tokens, word_term
from citeqa.lexical import fold as lexical_fold
from citeqa.models import Lang
from citeqa.number_marks import is_number_mark, without_glued_mark
from citeqa.one_edit import added_dropped_or_swapped
from citeqa.path_words import NO_PATHS, PathWords
from citeqa.reason_words import (
    consequence_words,
    frame_phrases,
    holds_question_form,
    modal_verbs,
)
from citeqa.record_ids import asked_ids, siblings
from citeqa.role_holders import asked_holding
from citeqa.sibling_words import letter_compounds
from citeqa.signer_questions import signer_words
from citeqa.spelling_variants import other_spellings
from citeqa.unheld_codes import CUT_MARK, grouped_numbers, id_writings
from citeqa.unheld_versions import asked_versions
from citeqa.value_kinds import asked_owner, unnamed_kind_words
from citeqa.visible import grapheme_start, without_format

_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
"""Controls, and lone surrogates (bytes of a command line that were not UTF-8)."""

_DECIMAL = re.compile(DECIMAL)
"""A decimal number written whole ("2.3", "56,2"), as lexical.DECIMAL reads one."""
_YEAR = re.compile(rf"(?<!\d){YEAR_DIGITS}(?!\d)")
"""A year as dates.YEAR_DIGITS reads one, no digit on either side."""
_WORD = re.compile(rf"{GROUPED}|{_DECIMAL.pattern}|[^\W_][\w'’{re.escape(WORD_HYPHENS)}]*")
"""A number written in groups of thousands ("61 250,50": lexical.GROUPED) or a decimal number
whole ("2.3", "56,2"), as the index's tokens hold it (lexical._TOKEN), or a word (hyphens and
apostrophes inside kept): "position 2.3" asked "2" and "3", which no sentence writing "2.3"
holds as tokens."""


def frame_words() -> frozenset[str]:
    """Folded words that speak of the documents ("paper", "says", "selon"), English and French
    (citeqa/data/language.json `frame_words`, read when first asked for, not at import): a
    question's word among them that the corpus never uses is left out of its terms, so "Which
    paper says that…" lacks no word the documents would need."""
    return language_words("frame_words")


def interrogatives() -> frozenset[str]:
    """Folded English and French interrogatives and the words of a question's form ("many",
    "often", "combien", "ou" for "où": citeqa/data/language.json `interrogatives`, read when
    first asked for), the one set abstention, follow-ups and the overview read them from.
    Search keeps some of them ("quand", "combien" often recur in the answering sentence), but
    a question made of nothing else has nothing to look up, a reason never names them among
    the words the documents lack, and an overview never asks about them."""
    return language_words("interrogatives")


_NAME_SHAPE = re.compile(r"\d|^[A-Z0-9-]{3,}$|[a-z][A-Z]")
NAME_MIN_LENGTH = 7
"""A word shorter than this is not read as a name by its ending alone."""


def looks_like_name(word: str, endings: tuple[str, ...] = ()) -> bool:
    """Shaped like a name: digits or capitals (COVID-19, SRI-4, mRNA), or one of `endings`
    (a domain's name stems, such as "mab" for antibodies)."""
    if _NAME_SHAPE.search(word):
        return True
    return bool(endings) and len(word) >= NAME_MIN_LENGTH and word.lower().endswith(endings)


TYPO_MIN_LENGTH = 5
"""Shorter words are read as typos only as `Vocabulary.short_correction` says: "Peru" is not a
misspelt "per"."""
SHORT_TYPO_MIN_LENGTH = 3
"""The fewest letters of a word read as a typo (`Vocabulary.short_correction`)."""
SPELLING_TWO_LETTERS = 7
"""A word the corpus never uses of at least this many letters is offered a corpus word two
letters added or dropped away as its likely spelling (Vocabulary.likely_spelling), a shorter
one only a word one letter added or dropped away: one changed letter in a short word is too
often another word ("bread" and "broad")."""
SPELLING_CANDIDATES = 16
"""The closest corpus words a likely spelling is chosen among (the first of a fitting length)."""
COGNATE_MIN_LENGTH = 6
"""Shorter words get no cognate."""
COGNATE_SHARED = 3
"""A cognate shares all of the word but its last COGNATE_SHARED letters (and at least
COGNATE_MIN_LENGTH - 1): English and French forms of one word differ mostly in their endings
("university" / "universite", "efficacy" / "efficacite")."""
SPECIFIC_SHARE = 0.015
"""A word in at most this share of a corpus's sentences is specific to it (`Vocabulary.specific`).
Measured on the bundled corpus and a user trial's software manual: the words a short question
named a new subject with sat at .014 or below ("retention", "log", "sync"); words a short
follow-up asks about were commoner ("age" .018 and .031, "patients" .127 and .107), as were
each corpus's topic words (.08-.09). A commoner word ("port", .050 in the manual) names no
new subject alone."""
COGNATE_MAX = 3
"""At most this many cognates of one word are searched (the most frequent)."""


def is_question(text: str) -> bool:
    """Whether `text` is a question: it ends in "?" (spaces, no-break ones too, aside)."""
    return text.rstrip().endswith("?")


def clean_question(question: str, max_chars: int) -> tuple[str, list[str]]:
    """The question without control or format characters (zero-width, bidi marks:
    visible.without_format; one pasted inside a word would split it or hide it from the
    identifier and key checks), at most `max_chars` long (cut after a word, or inside an
    over-long one, then marked with unheld_codes.CUT_MARK; never between a letter and its
    marks: visible.grapheme_start), and warnings; BadQuestion when
    empty."""
    if not isinstance(question, str):
        raise BadQuestion("The question must be text.")
    warnings = []
    text = visible_text(question)
    if not text:
        raise BadQuestion("The question is empty: type a question about the documents.")
    if len(text) > max_chars:
        cut = text.rfind(" ", 0, max_chars)
        if cut <= max_chars // 2:
            cut = grapheme_start(text, max_chars)  # "é" written e + U+0301 kept whole
        last = grapheme_start(text, cut - 1)
        if cut > 0 and text[last].isalnum() and text[cut].isalnum():  # a word cut in two:
            if cut + len(CUT_MARK) > max_chars:  # marked, so "order 555…" asks no order 555
                cut = last  # (unheld_codes)
            text = text[:cut] + CUT_MARK
        else:
            text = text[:cut]
        warnings.append(
            f"The question was {len(question):,} characters long; only the first {cut:,} were used."
        )
    return text, warnings


def visible_text(text: str) -> str:
    """`text` as a question is read: without escape sequences, control and format characters,
    its white space collapsed; empty for a text with nothing visible (only U+200E, a BOM, an
    escape sequence), which `clean_question` refuses, an eval set refuses and a batch skips."""
    return " ".join(_CONTROL.sub(" ", _ANSI.sub("", without_format(text))).split())


IDENTIFIER = re.compile(r"[^\W_]_[^\W_]")
"""A word with an inner underscore: a setting, a field, a function (`retention_days`)."""


def question_keys(question: str) -> frozenset[str]:
    """The numbers and identifiers the question names, folded ("exit code 9" → "9";
    "E1042", "retention_days", "4.1.0", "--max-size"), and one letter after a cue word
    ("tranche E" → "e", "Appendix A" → "a": `_letter_key`; a roman numeral of more than one
    letter, "tranche IV", is none): what it may look up as a table's cell (tables.key_cells).
    A French elision is left out ("l'E1042" → "e1042")."""
    return folded_keys(key_words(question))


def folded_keys(words: Iterable[tuple[str, str]]) -> frozenset[str]:
    """The keys of `key_words`' words, folded: `question_keys` of a question whose key words
    are already read (`analyse` reads them once for its keys and its unwritten keys)."""
    return frozenset(fold(word) for word, _ in words)


def key_words(question: str) -> list[tuple[str, str]]:
    """The words of the question that name a key (`question_keys`), as typed, each with the
    word before it as typed ("" for none): "exit code 42" gives ("42", "code"), "en tranche
    E" ("E", "tranche") (`_letter_key`). A number is read without a sign mark glued before it,
    as a table's cell writes it ("#4512", "n°2025-16" → "4512", "2025-16":
    number_marks.without_glued_mark)."""
    found = []
    before = cue = ""
    raws = _lettered_numbers(question.split())
    last = max((at for at, raw in enumerate(raws) if _KEY_WORD.search(raw)), default=-1)
    for at, raw in enumerate(raws):
        word = without_glued_mark(core_word(raw))  # "#4512", "n°2025-16": the key is the number
        if word and (
            looks_like_name(word)
            or IDENTIFIER.search(word)
            or key_kind(word)
            or _letter_key(word, cue, ends=at >= last)
        ):
            found.append((word, before))
        if not _marks_number(word, raws[at + 1 : at + 2]):
            before = word
            cue = "" if _SENTENCE_END.search(raw) else word
    return found


def _lettered_numbers(raws: list[str]) -> list[str]:
    """The question's whitespace-separated pieces (`raws`), a class's or a group's number and
    its one capital letter joined as one key (keyshapes.lettered_key): "la 4e B", "4eB",
    "4e-B" → "4e B"; "Year 9 C", "Bus 12 A" → "9 C", "12 A" after a cue word (language data
    `lettered_number_cues`). "page 12 A" and "Vitamin B" keep their pieces."""
    joined: list[str] = []
    at = 0
    while at < len(raws):
        cued = bool(joined) and fold(core_word(joined[-1])) in lettered_cues()
        pair = raws[at : at + 2]
        key = _lettered_pair(pair, cued=cued)
        if key is not None:
            joined.append(_with_end(key, pair[-1]))
            at += 2
            continue
        glued = lettered_key(core_word(raws[at]), cued=cued)
        joined.append(_with_end(glued, raws[at]) if glued else raws[at])
        at += 1
    return joined


def _with_end(key: str, raw: str) -> str:
    """`key` with the punctuation `raw` ends with ("4e B" and "B?" → "4e B?")."""
    return key + raw[len(raw.rstrip(WORD_EDGES)) :]


def _lettered_pair(pair: list[str], *, cued: bool) -> str | None:
    """The key a number and the capital letter after it write together ("4e" "B" → "4e B"),
    when nothing ends a sentence between them ("Year 9. A…"); None for any other pair."""
    if len(pair) != 2 or core_word(pair[0]) != pair[0] or len(core_word(pair[1])) != 1:
        return None
    return lettered_key(f"{pair[0]} {core_word(pair[1])}", cued=cued)


def _marks_number(word: str, following: list[str]) -> bool:
    """Whether `word` marks the number written after it ("n°", "No.", "Nr", "#": the language
    data's `number_marks`): the word before a key is then the one before the mark, its cue
    ("Decision No. 12" → "Decision", "délibération n° 2025-16" → "délibération")."""
    return bool(following) and core_word(following[0])[:1].isdigit() and is_number_mark(word)


_KEY_WORD = re.compile(r"[^\W_]")
"""A character of a word: what punctuation alone ("?", "!") after a key lacks."""
_SENTENCE_END = re.compile(r"[.?!:][\"'`»”’)\]]*$")
"""A word ending a sentence ("plan?", "said:"): no cue of the letter after it ("What is the
best plan? A colleague said X." looks up no "A")."""


def _letter_key(word: str, before: str, *, ends: bool) -> bool:
    """Whether `word` is one letter that a cue word before it looks up (language data
    `letter_key_cues`: "tranche E", "zone C", "Appendix A"), a key a table row names in its
    key column. A letter elsewhere is none: "a" is an English article and a French verb ("il
    a"), "I" a pronoun. A lowercase letter, or "I", counts only when it `ends` the question
    ("en tranche e ?", "level I?"), so that "the grade a student needs" and "Which option I
    should use?" name no key."""
    if (
        len(word) != 1
        or not word.isalpha()
        or fold(before) not in language_words("letter_key_cues")
    ):
        return False
    return (word.isupper() and word != "I") or ends


@dataclass
class QuestionTerms:
    """The question's key terms, weighted, and how a sentence covers them."""

    focus: str
    terms: list[tuple[frozenset[str], float]] = field(default_factory=list)
    unknown_names: float = 0.0
    focus_terms: int = 0
    """The first `focus_terms` of `terms` come from the question itself, the rest from context."""
    context: str = ""
    """The previous question a follow-up is read with ("" for a question on its own): what it
    asks for when the follow-up asks no kind of value of its own ("et la Fondation ?" after
    "Combien … accordé ?": stated_kinds.asked_wants)."""
    missing: float = 0.0
    """Share of the question's term weight that appears nowhere in the corpus."""
    corrections: list[str] = field(default_factory=list)
    """Corpus words that question words look like typos of ("imune" → "immune")."""
    corrected: dict[str, str] = field(default_factory=dict)
    """Each question word (as typed) read as a typo of a corpus word, and that word: the
    `corrections` by the word they correct ("cancle" → "cancel"), what a question refused as
    typed may be read again with (typo_reading.py)."""
    unused_words: list[str] = field(default_factory=list)
    """The question's words the corpus never uses and that are no compound name, as typed, in
    order: those `typos` looks a likely spelling up for."""
    spelling_of: Callable[[str], str | None] = field(
        default=lambda word: None, repr=False, compare=False
    )
    """The corpus word a word is likely a misspelling of (Vocabulary.likely_spelling, given by
    `analyse`), read only by `typos`."""
    cognates: list[str] = field(default_factory=list)
    """Corpus words that share a long beginning with a question word the corpus does not use
    ("mesenchymal" → "mesenchymateuses"): the other language's form, searched lexically."""
    translated: list[str] = field(default_factory=list)
    """The words of passages in the other language that question words the corpus never uses
    were read as (`analyse`'s `translations`, passage_translation.py): searched lexically."""
    also_asked: tuple[str, ...] | None = None
    """Of a question read across with no passage found to vouch for its reading
    (corpus_translation.every_word_across), its other content words, folded: an answer so read
    stands only when a quote writes one of them (translated_answer.writes_another_asked);
    None for any other question."""
    absent: list[str] = field(default_factory=list)
    """Words of the question (not of the context) that occur nowhere in the corpus as typed
    (a word read as a typo of a corpus word counts: the corpus does not use it)."""
    in_paths: frozenset[str] = frozenset()
    """The words of `absent`, `new_unused` and `unknown_identifiers`, as typed, that a
    document's path writes (path_words.py: "TP3" of "TP3_regression.ipynb"): the texts never
    use them, yet no reason may say the documents never mention them."""
    unseen_weight: float = 0.0
    """The weight of a term the corpus never uses, the largest a term can weigh: a term
    weighing less occurs in the corpus, and its weight over this one says how rare it is."""
    keys: frozenset[str] = frozenset()
    """The numbers and identifiers the focus names, and a letter after a cue word ("tranche
    E"), folded (`question_keys`), read once by `analyse`: what scoring and quoting look a
    table row up by (tables.key_cells)."""
    unwritten_keys: list[str] = field(default_factory=list)
    """The keys of the focus (`key_words`), as typed, that the corpus never writes in a form
    the build stored (Vocabulary.writes_key): a lookup of one no table can hold
    (unheld_keys.py)."""
    uncued_numbers: list[str] = field(default_factory=list)
    """The numbers of the focus after a word (`key_words`: "semaine 53"), as typed, that the
    corpus never writes after that word (a stored compound, Vocabulary.has_compound): a row
    past those a table counts is no row when no text of the corpus writes it either
    (unheld_keys._beyond_count; a note's "La semaine 53 de 2026…" answers it)."""
    unused_kind_words: list[str] = field(default_factory=list)
    """The words of a question on its own naming the kind of value it asks of a named owner,
    a kind a contact line writes with no word of it (value_kinds.unnamed_kind_words: "phone",
    "number" of "What is the photographer's phone number?"), as typed, that the corpus never
    uses and are no terms (`_unused_kind_word`): a quote must then write the owner's words and
    a value of the kind, or the answer says the documents never mention them
    (answering._value_kind_checked)."""
    unused_signer_words: list[str] = field(default_factory=list)
    """The signing words of a question asking who signed ("signé" of "Qui a signé la lettre de
    la mairie ?": signer_questions.signer_words), as typed, that the corpus never uses and are
    no terms (`_unused_signer_word`): a quote must then be a line closing a document with its
    signer's name, or the answer says the documents never mention them
    (answering._signer_refusal)."""
    unknown_identifiers: list[str] = field(default_factory=list)
    """The code identifiers the focus names (identifiers.py: `--max-size`, `snake_case`,
    `os.path.join`), as typed, that the corpus never writes in any stored form
    (Vocabulary.mentions): a reason to abstain (abstention.never_written)."""
    unwritten_versions: list[str] = field(default_factory=list)
    """The version numbers the focus asks of a named thing, as typed (unheld_versions.py:
    "3.13" of "Python 3.13"), whose first two parts the corpus never uses as a term nor a path
    names: a reason to abstain (abstention.never_written)."""
    unwritten_names: list[str] = field(default_factory=list)
    """The acronyms and names after a title of the focus, without their elision, that the
    corpus never writes in any form it may have written them (absent_names.py: "BCG", "Dr
    Lefebvre"'s "Lefebvre"; no path writes them): a reason to abstain
    (abstention.never_written)."""
    unread_names: list[str] = field(default_factory=list)
    """The same words, but written by the path of a file the build did not read ("AFGSU" of
    "attestation AFGSU Leroux scan.png"): that file may hold them, so the question is refused
    claiming no absence (abstention.never_written)."""
    impossible_dates: list[str] = field(default_factory=list)
    """The dates the focus writes that name no day of the calendar ("2026-13-45", "30 février
    2026": dates.impossible_spans), as typed, unless the corpus writes one word for word (its
    key among the stored compounds: dates.impossible_date_keys, Vocabulary.has_compound): a
    reason to abstain (abstention.no_such_day)."""
    unwritten_days: list[tuple[str, str]] = field(default_factory=list)
    """The dates with a day, a month and a year the focus writes, each as typed with its term
    ("2 décembre 2025", "2025-12-02"), that no sentence of the corpus writes in any form the
    build reads as that day (Vocabulary.writes_day), on an index that stored date terms:
    read by unheld_days.py once the question is answered."""
    yearless_days: list[tuple[str, str]] = field(default_factory=list)
    """The dates with a day and a month but no year the focus writes, each as typed with its
    term ("samedi 7 mars", "--03-07"), that no sentence of the corpus writes in any form or
    year (its yearless term unstored: Vocabulary.writes_yearless), on an index that stored date
    terms: a repeating event's span may tell its year (series_answers.py)."""
    unheld_records: list[tuple[str, list[str]]] = field(default_factory=list)
    """The identifiers of records the focus writes (record_ids.asked_ids: "INC-2025-02"), as
    typed, that the corpus never writes while it writes others of their shape, each with the
    closest of those (record_ids.siblings): a reason to abstain (abstention.no_record_named)."""
    named: list[str] = field(default_factory=list)
    """The focus's options and underscored names (identifiers.asked_about), read once by
    `analyse`: what answering.naming_identifiers and its unread-name reason look for."""
    spelt_out: list[str] = field(default_factory=list)
    """The folded words of each acronym the focus writes in capitals (Glossary.spelt_out: "AG"
    read as "assemblee generale"), read once by `analyse`: what the focus names in words
    (dated_meetings.py reads a meeting named by its acronym so)."""
    new_terms: list[tuple[str, frozenset[str]]] = field(default_factory=list)
    """A follow-up's own words that the context it is read with does not use, each with its
    alternatives, in order: what it asks beyond the previous question ("poids" in "Et le
    poids ?" after one on the tank's capacity). Its quote mentions one when a candidate does
    (followup_quotes.py). Empty for a question read on its own; interrogatives are none."""
    new_unused: list[str] = field(default_factory=list)
    """The `new_terms` (as typed) that the corpus never uses, by any of their forms, cognates
    included: no quote can mention them."""
    unwritten_compounds: list[str] = field(default_factory=list)
    """The compounds of letters the focus joins by hyphens, as typed, that the corpus never
    writes (Vocabulary.has_compound) and whose opening is a word it never uses ("sèche-linge"
    of a folder writing only "lave-linge"): a quote writing a sibling of one answers of
    another thing (sibling_words.compound_siblings)."""

    def path_writes(self, word: str) -> bool:
        """Whether a document's path writes the question's unused `word`, as typed (`in_paths`):
        no reason may say the documents never mention it (abstention.py's reasons ask this)."""
        return word in self.in_paths

    @cached_property
    def typed_keys(self) -> list[tuple[str, str]]:
        """The focus's `key_words` (each as typed, with the word before it), read once a
        question for `analyse`, the row lookup (keyedrows.py) and its abstentions
        (unheld_keys.py)."""
        return key_words(self.focus)

    @cached_property
    def focus_words(self) -> list[str]:
        """The focus's `question_words`, read once a question (unheld_names.py, abstention.py,
        spelling_hints.py)."""
        return question_words(self.focus)

    @cached_property
    def typos(self) -> dict[str, str]:
        """Each question word the corpus never uses (`unused_words`), as typed, and the corpus
        word it is likely a misspelling of: what an abstention offers (spelling_hints.py), never
        searched (`corrections` are). Looked up when first read, only by an abstention: an
        answered question costs no lookup (review of s17-typos)."""
        typos: dict[str, str] = {}
        for word in self.unused_words:
            spelling = self.spelling_of(word)
            if spelling is not None:
                typos.setdefault(word, spelling)
        return typos

    @cached_property
    def courtesy(self) -> Lang | None:
        """The language whose greetings and thanks are all the focus says ("merci": "fr"), None
        when it says anything else (courtesy.only_courtesy): read once, by the answer's language
        and each early reason (abstention.before_search, nothing_to_search)."""
        return only_courtesy(self.focus)

    @property
    def own_terms(self) -> list[tuple[frozenset[str], float]]:
        """The terms the question itself writes: the first `focus_terms` of `terms`, none of
        its context's."""
        return self.terms[: self.focus_terms]

    def worst_gap(self, tokens: frozenset[str]) -> float:
        """The weight of the heaviest question term absent from `tokens`, over the heaviest
        term's weight: near 1 when the question's most specific word is not in the evidence."""
        focus = self.own_terms
        if not focus:
            return 0.0
        heaviest = max(weight for _, weight in focus)
        missing = [weight for alternatives, weight in focus if not alternatives & tokens]
        return max(missing, default=0.0) / heaviest

    def coverage(self, tokens: frozenset[str]) -> float:
        """The share of the terms' weight, the context's included, that `tokens` hold (a hot
        path: reranking asks it twice of every candidate sentence, and most hold no term's
        token: 0 at once, read in one set operation, not term by term)."""
        if tokens.isdisjoint(self._term_tokens):
            return 0.0
        return _share_held(self.terms, tokens, self._weight)

    def own_coverage(self, tokens: frozenset[str]) -> float:
        """The share of the weight of the terms the question itself writes (`own_terms`) that
        `tokens` hold: what a quote's cut reads first, so a standalone question read with the
        one before is cut as when asked alone."""
        return _share_held(self.own_terms, tokens, self._own_weight)

    @cached_property
    def _weight(self) -> float:
        """The terms' weight, the context's included: `coverage`'s whole, summed when first
        asked (`analyse` has made the terms by then; the weights summed in C, in their order)."""
        return sum(map(_WEIGHT, self.terms))

    @cached_property
    def _term_tokens(self) -> frozenset[str]:
        """Every token of every term's alternatives, the context's included: a text holding
        none holds no term (an acronym's spelt-out tokens are among them: alternatives.py)."""
        return frozenset().union(*(alternatives for alternatives, _ in self.terms))

    @cached_property
    def _own_weight(self) -> float:
        """The weight of the terms the question itself writes: `own_coverage`'s whole."""
        return sum(map(_WEIGHT, self.own_terms))


def _share_held(
    terms: list[tuple[frozenset[str], float]], tokens: frozenset[str], total: float
) -> float:
    """The share of `terms`' weight (their `total`) whose alternatives `tokens` hold; 0 with no
    weight."""
    if not total:
        return 0.0
    held = (w for alternatives, w in terms if not alternatives.isdisjoint(tokens))
    return sum(held) / total


_WEIGHT = itemgetter(1)
"""A weighted term's weight."""


ALTERNATIVES_KEPT = 4096
"""How many words' alternatives `word_alternatives` keeps (by word and glossary): a question's
words are read several times a question (its terms, their spellings, corrections), and the
same words by the next questions."""


@lru_cache(maxsize=ALTERNATIVES_KEPT)
def word_alternatives(word: str, glossary: Glossary = NO_GLOSSARY) -> frozenset[str]:
    """Tokens that count as this word in a passage: both stems and glossary equivalents, an
    acronym's spelt-out form counting only whole (alternatives.py: "NDA" is not mentioned
    where "agreement" alone is written). A plain frozenset when the word has no spelt-out
    form, as nearly every word: the coverage checks then intersect in C (an Alternatives for
    every word cost a tenth of a warm question, its `&` run in Python). Kept for the last
    ALTERNATIVES_KEPT words (both immutable: a glossary is read once built)."""
    found = set(query_tokens(word))
    if not found:
        return frozenset()
    spelt_out = glossary.spelt_out(word)
    for term in glossary.expansions(word):
        if term not in spelt_out:
            found.update(query_tokens(term))
    if not spelt_out:
        return frozenset(found)
    return Alternatives(found, map(_phrase, spelt_out))


def _written_beside(focus: str, vocabulary: Vocabulary) -> dict[str, tuple[str, ...]]:
    """The one-word equivalents a word of `focus` has only beside a year (folded word: the
    glossary terms of a year slot, `Glossary.beside_year`, which `word_alternatives`, reading
    the word alone, never finds) that the corpus writes beside a year `focus` names: "Q2" of "the
    deductible VAT in Q2 2025" is "T2" where a French table writes "T2 2025" (admin dev ad041
    was refused "No row of the tables names “Q2”; the closest are T2, T1"), not where "T2"
    is a flat type ("| T2 | 650 € |", s33 review). The corpus's "T2 2025" is read as the
    compound compounds.py stores (a code and the number after it); its "2025 T2" is not
    stored, so that order does not count."""
    years = _YEAR.findall(focus)
    found: dict[str, list[str]] = {}
    for written, term in vocabulary.glossary.beside_year(focus):
        if " " in written or " " in term:
            continue
        if any(vocabulary.has_compound(f"{term} {year}") for year in years):
            found.setdefault(written, []).append(term)
    return {word: tuple(terms) for word, terms in found.items()}


def _tokens_of(forms: Iterable[str]) -> frozenset[str]:
    """The query tokens of each of `forms`."""
    return frozenset(token for form in forms for token in query_tokens(form))


def _phrase(form: str) -> tuple[frozenset[str], ...]:
    """The tokens of each word of a spelt-out form that gives any (a stopword gives none)."""
    words = (frozenset(query_tokens(word)) for word in re.findall(r"[^\W_]+", form))
    return tuple(word for word in words if word)


class Vocabulary:
    """The corpus's words: sentence frequencies of tokens (for IDF), the folded words (to
    correct typos) and the keys of its compound names (compounds.py: to check that a name such
    as COVID-19 occurs); with the corpus's term knowledge: its glossary and its name endings."""

    def __init__(
        self,
        texts: Iterable[str],
        frequency: dict[str, int],
        sentence_count: int,
        words: list[str] | None = None,
        *,
        glossary: Glossary = NO_GLOSSARY,
        name_endings: tuple[str, ...] = (),
        compounds: Iterable[str] | None = None,
        paths: PathWords = NO_PATHS,
        unread_paths: PathWords = NO_PATHS,
        languages: Callable[[], Iterable[str]] = tuple,
    ) -> None:
        """`words` and `compounds` are `corpus_words(texts)` and `corpus_compounds(texts)` when
        the build stored them (else computed here, the compounds on the first compound name
        checked); `texts` may be lazy when both are given (an iterable read afresh each time: the
        initials read it too). `paths`: the words the documents'
        paths write (path_words.py), which no reason may say the documents never mention;
        `unread_paths` those of the files the build did not read, which may hold an acronym
        or a name their names write ("attestation AFGSU.png": QuestionTerms.unread_names).
        `languages` gives the languages its documents are written in (read once, when first
        asked: `has_language`)."""
        self.frequency, self.sentence_count = frequency, sentence_count
        self._languages = languages
        self.paths, self.unread_paths = paths, unread_paths
        self.glossary, self.name_endings = glossary, name_endings
        self._texts = texts if words is not None else list(texts)
        self._compounds = None if compounds is None else frozenset(compounds)
        self._initials_read: CorpusInitials | None = None
        self._initials_lock = threading.Lock()  # the chat's workers may ask at once
        self.by_initial: dict[str, list[str]] = {}
        for word in words if words is not None else corpus_words(self._texts):
            self.by_initial.setdefault(word[0], []).append(word)

    def writes_yearless(self, day: str) -> bool:
        """Whether a sentence of the corpus writes the day of the year whose term is `day`
        ("--03-07") in any form or year; True on an index that stored no day's term with its
        year: it cannot tell."""
        return day in self.frequency or not self._dated_days

    def writes_day(self, day: str) -> bool:
        """Whether a sentence of the corpus writes the day whose term is `day` ("2025-12-02"),
        in any form the build reads as it (dates.py), or may write it without its year (more
        sentences write its "--12-02" than write it with some year: "Prochain séminaire : le 2
        déc." of minutes dated 25 November 2025); True on an index that stored no day's term
        with its year (built before it did, or of undated texts): it cannot tell."""
        if day in self.frequency or not self._dated_days:
            return True
        yearless = "--" + day[5:]
        return self.frequency.get(yearless, 0) > self._dated_days.get(yearless, 0)

    @cached_property
    def _modal_languages(self) -> frozenset[Lang]:
        """The languages some modal verb of which the corpus writes (reason_words.modal_verbs):
        read once an index, by the first question writing a form word the corpus never uses."""
        return frozenset(
            lang
            for lang in ("en", "fr")
            if any(
                _frequency(word_alternatives(verb, self.glossary), self)
                for verb in modal_verbs(lang)
            )
        )

    def has_language(self, lang: Lang) -> bool:
        """Whether the corpus has pages in `lang`: documents its file list records in it, or
        some modal verb of it written ("doit", "peut"; "must"). Its pages may only happen not
        to write one: a hotel's booking, a trip's notes and its schedule wrote none, and
        "Faut-il un adaptateur ?" was refused at .44 for its absent "faut" (s59 trial)."""
        return lang in self._modal_languages or lang in self._document_languages

    @cached_property
    def _document_languages(self) -> frozenset[str]:
        """The languages of the corpus's documents (read once an index, by the first question
        writing a form word the corpus never uses)."""
        return frozenset(self._languages())

    @cached_property
    def _dated_days(self) -> dict[str, int]:
        """Per day of the year ("--12-02"), how many sentences write it with a year (each
        such date is also stored as its yearless term): looked through once an index, and only
        by a question writing a full date; empty when no day is stored with its year."""
        counts: dict[str, int] = {}
        for token, count in self.frequency.items():
            if is_full_day_term(token):
                yearless = "--" + token[5:]
                counts[yearless] = counts.get(yearless, 0) + count
        return counts

    def correction(self, word: str) -> str | None:
        """The corpus word this one is most likely a typo of: same first letter, one edit away
        (two for words of 8 letters or more; a swap of two letters is one edit); None for a
        word under TYPO_MIN_LENGTH letters, which the search never corrects (it would answer
        an off-topic "what is the fsh price?" as "fish" with no notice): only the re-read of a
        refused question (typo_reading, with its notice) and "Did you mean" read those, by
        `short_correction`."""
        folded = fold(word)
        if not folded.isalpha() or len(folded) < TYPO_MIN_LENGTH:
            return None
        found = process.extractOne(
            folded,
            self.by_initial.get(folded[0], []),
            scorer=DamerauLevenshtein.distance,
            score_cutoff=1 if len(folded) < 8 else 2,
        )
        return found[0] if found else None

    def short_correction(self, folded: str) -> str | None:
        """The corpus word a folded word of SHORT_TYPO_MIN_LENGTH to TYPO_MIN_LENGTH - 1 letters
        (which the corpus never uses) is a typo of, or None: "wek" of "week" (s22-25 trials: "who
        is on cal in wek 11"). A short word is too often another word, so only when exactly
        one corpus word a sentence holds (no function word) is one letter added or dropped, or
        two neighbouring letters swapped, away with the same first letter: a changed letter, or
        two candidates ("wok" of "work" or "woke"), say nothing of which word was meant. Its
        readers also hold it to known_words.may_be_short_typo in the question's language ("cal"
        is an abbreviation, never "call"; French has no list): typo_reading and spelling_hints.
        `likely_spelling` never asks it of a word typed as a name (`looks_like_name`: "MRM" is
        no slip of "mmr", nearmiss PubMedQA dev)."""
        if len(folded) < SHORT_TYPO_MIN_LENGTH or not folded.isalpha():
            return None
        found = process.extract(
            folded,
            self.by_initial.get(folded[0], []),
            scorer=DamerauLevenshtein.distance,
            score_cutoff=1,
            limit=None,
        )
        fitting = [
            candidate
            for candidate, _, _ in found
            if added_dropped_or_swapped(folded, candidate) and self.sentences_holding(candidate)
        ]
        return fitting[0] if len(fitting) == 1 else None

    def likely_spelling(self, word: str) -> str | None:
        """The corpus word a word it never uses is likely a misspelling of, to offer in an
        abstention's reason (spelling_hints.py), not to search: same first letter, one letter
        added or dropped, two for a word of SPELLING_TWO_LETTERS or more (Indel distance:
        "timout" → "timeout", "defualt" → "default", "sesions" → "session"; a changed letter
        is one dropped and one added) and a length within one letter of the word's (two
        dropped read "timout" as "tout"); a shorter word's is its `short_correction`; None for
        a word not all letters. Stricter than `correction`'s two edits for long words, which reads
        "calories" as "carries". Of those, the nearest, then the one the most sentences hold, and
        never one no sentence holds: a function word ("trough" is no misspelt "through", which
        carries no meaning a question asks for; "teh" is too short anyway), or another form of
        the word itself (its stems are the word's, which no sentence holds: "meetings" is no
        misspelt "meeting" written only in titles, "donné" no misspelt "donnée")."""
        folded = fold(word)
        if not folded.isalpha():
            return None
        if len(folded) < TYPO_MIN_LENGTH:
            return None if looks_like_name(word) else self.short_correction(folded)
        found = process.extract(
            folded,
            self.by_initial.get(folded[0], []),
            scorer=Indel.distance,
            score_cutoff=1 if len(folded) < SPELLING_TWO_LETTERS else 2,
            limit=SPELLING_CANDIDATES,
        )
        fitting = [
            (distance, -self.sentences_holding(candidate), candidate)
            for candidate, distance, _ in found
            if abs(len(candidate) - len(folded)) <= 1
        ]
        best = min((fit for fit in fitting if fit[1] < 0), default=None)
        return None if best is None else best[2]

    def sentences_holding(self, word: str) -> int:
        """How many of the corpus's sentences hold the word (the commonest of its stems, not its
        glossary's equivalents: 40 times cheaper); 0 for a function word, which BM25 never
        indexes."""
        return _frequency(frozenset(query_tokens(word)), self)

    def cognates(self, word: str) -> list[str]:
        """Corpus words that share the beginning of `word` but for its last COGNATE_SHARED
        letters (see COGNATE_SHARED), most frequent first; [] for a short or non-word."""
        folded = fold(word)
        if len(folded) < COGNATE_MIN_LENGTH or not folded.isalpha():
            return []
        prefix = folded[: max(COGNATE_MIN_LENGTH - 1, len(folded) - COGNATE_SHARED)]
        words = self.by_initial.get(folded[0], [])
        first = bisect.bisect_left(words, prefix)
        found = []
        for candidate in words[first:]:
            if not candidate.startswith(prefix):
                break
            if candidate != folded and abs(len(candidate) - len(folded)) <= 2 * COGNATE_SHARED:
                found.append(candidate)
        found.sort(
            key=lambda w: -max((self.frequency.get(t, 0) for t in query_tokens(w)), default=0)
        )
        return found[:COGNATE_MAX]

    def specific(self, word: str) -> bool:
        """Whether the corpus uses the word, in at most SPECIFIC_SHARE of its sentences: a
        word that picks a subject out of the corpus ("port" in a product's manual), not one
        it speaks of throughout ("patients" in a corpus of trials)."""
        frequency = _frequency(word_alternatives(word, self.glossary), self)
        return 0 < frequency <= SPECIFIC_SHARE * self.sentence_count

    def _initials(self) -> CorpusInitials:
        """The initials of the corpus's texts and paths (corpus_initials.py), read once an
        index, by the first question writing an acronym the corpus never writes. An explicit
        lock, not a cached_property: Python 3.11's holds one lock for every instance, so one
        index's reading would hold up another's (and 3.12's holds none)."""
        with self._initials_lock:
            if self._initials_read is None:
                self._initials_read = CorpusInitials.of([*self._texts, *self.paths.folded()])
            return self._initials_read

    def spells(self, acronym: str) -> bool:
        """Whether the corpus spells `acronym` out: dotted, spaced, or as the initials of
        consecutive words (CorpusInitials.spells)."""
        return self._initials().spells(acronym)

    def compound_keys(self) -> frozenset[str]:
        """The keys of the corpus's compound names (compounds.py), for a question writing a
        record's identifier the corpus never writes (record_ids.siblings)."""
        if self._compounds is None:  # an index built before citeqa stored them
            self._compounds = frozenset(corpus_compounds(self._texts))
        return self._compounds

    def has_compound(self, word: str) -> bool:
        """Whether a hyphenated or alphanumeric name (COVID-19, SRI-4) occurs as such: a set
        lookup of its key (compounds.py); a name of letters only may occur glued ("AB-CD"
        as "abcd") among the corpus's words."""
        key = compound_key(word)
        if key in self.compound_keys():
            return True
        return key.isalpha() and self._has_word(key)

    def writes_key(self, key: str, before: str = "") -> bool:
        """Whether the corpus writes a key a question names (`key_words`) in a form the build
        stored. A number after a word of `key_cues` ("exit code 42", "trip 713") counts only
        with it, as the compound the build stored ("code 42", "code-42": `has_compound`): a
        bare number is written everywhere (times, prices: "12:42"), and a table's "| 42 |"
        never counts here (unheld_keys.py reads the evidence's tables); any other number counts
        when it is among the corpus's terms ("depuis 1990"). An option counts without its
        dashes; a name as a compound (`has_compound`: "BK-115" as "BK 115" or "bk115",
        "--max-size" as "max-size" or "maxsize", never as "max" and "size" apart) or in a form
        of the glossary; a setting (`cache_ttl_s`), which the stored compounds do not keep,
        when each of its pieces of three letters or more is a corpus word and each other piece
        a term."""
        name = key.lstrip("-")
        if name.isdigit():
            if fold(before) in language_words("key_cues"):
                return self.has_compound(f"{before} {name}")
            return _frequency(word_alternatives(name), self) > 0
        forms = (name, *self.glossary.expansions(name))
        if any(self.has_compound(form) for form in forms):
            return True
        pieces = [piece for piece in fold(name).split("_") if piece]
        return len(pieces) > 1 and all(map(self._writes_piece, pieces))

    def mentions(self, identifier: str) -> bool:
        """Whether the corpus writes a code identifier (identifiers.py) in a form the build
        stored: each of its parts (`identifiers.parts`) as `writes_key` reads a key, so an
        option as its compound ("--max-size" as "max-size", never as "max" and "size" apart),
        a name with underscores when each piece is a corpus word (the stored compounds do not
        keep underscored names), a dotted name's parts each where the corpus writes them
        ("argparse.ArgumentParser" where a page of argparse writes "class ArgumentParser"); a
        part of one or two letters cannot be told (the corpus's words have three or more: the
        "nn" of "torch.nn.Linear"): it counts. An option counts as well when the corpus writes
        it as a setting (`keep_daily` for "--keep-daily": `identifiers.spellings`)."""
        if identifier.startswith("--"):
            setting = setting_of(identifier)
            if setting is not None and self.writes_key(setting):
                return True  # "--keep-daily" in a table of `keep_daily`
        return all(self.writes_key(part) or _too_short_to_tell(part) for part in parts(identifier))

    def _writes_piece(self, piece: str) -> bool:
        """Whether the corpus writes one piece of a setting's name (`writes_key`); a piece of
        one or two letters cannot be told (the corpus's words have three or more): it counts."""
        if piece.isalpha():
            return _too_short_to_tell(piece) or self._has_word(piece)
        return self.has_compound(piece) or _frequency(word_alternatives(piece), self) > 0

    def _has_word(self, folded: str) -> bool:
        """Whether the corpus's words (`corpus_words`) hold this folded word of letters."""
        words = self.by_initial.get(folded[:1], [])
        found = bisect.bisect_left(words, folded)
        return found < len(words) and words[found] == folded


_WORDS = re.compile(r"[^\W\d_]{3,}")
"""Corpus words a typo can be corrected to: letters only, at least three."""


def corpus_words(texts: Iterable[str]) -> list[str]:
    """The distinct folded words of `texts` that typos are corrected to, sorted."""
    words: set[str] = set()
    for text in texts:
        words.update(folded_words(fold(text)))
    return sorted(words)


def folded_words(folded: str) -> list[str]:
    """The words of a folded text that typos are corrected to (`corpus_words`)."""
    return _WORDS.findall(folded)


def unheld_records(focus: str, vocabulary: Vocabulary) -> list[tuple[str, list[str]]]:
    """QuestionTerms.unheld_records of a question's focus."""
    unheld = []
    for record in asked_ids(focus):
        if record.capitalised and not vocabulary.has_compound(record.written):
            held = siblings(record, vocabulary.compound_keys())
            if held:
                unheld.append((record.written, held))
    return unheld


def _is_compound(word: str) -> bool:
    return "-" in word.strip("-") or (
        any(c.isdigit() for c in word) and any(c.isalpha() for c in word)
    )


def _too_short_to_tell(piece: str) -> bool:
    """Whether a piece of a name is letters too few to look up (one or two: the corpus's words
    have three or more), so it counts as written (`Vocabulary.mentions`, `_writes_piece`)."""
    return piece.isalpha() and len(piece) < 3


def _frequency(alternatives: frozenset[str], vocabulary: Vocabulary) -> int:
    return max((vocabulary.frequency.get(token, 0) for token in alternatives), default=0)


def analyse(
    focus: str,
    context: str | None,
    vocabulary: Vocabulary,
    translations: Mapping[str, str] | None = None,
    read_elsewhere: frozenset[str] = frozenset(),
) -> QuestionTerms:
    """Weigh the words of the question (full weight) and of the carried context (half); a
    word of the question in `translations` (folded) also counts as its translation, a word
    of the corpus in the other language (passage_translation.py), or as each of its readings
    separated by a space (corpus_translation.every_word_across: "ecole scolaire"). A word of
    the question in `read_elsewhere` (folded: "v2" when a folder names that version,
    versions.held_mentions) that the corpus never uses is no term: the pages need not write
    it."""
    translations = translations or {}
    result = QuestionTerms(
        focus=focus, context=context or "", spelling_of=vocabulary.likely_spelling
    )
    keys = result.typed_keys
    result.keys = folded_keys(keys)
    beside = _written_beside(focus, vocabulary)
    unused_phrase_words = cache(partial(_unused_frame_phrase_words, focus, vocabulary))
    week = asked_week(focus)
    result.unwritten_keys = [
        word
        for word, before in keys
        if not vocabulary.writes_key(word, before)
        and not any(vocabulary.writes_key(form, before) for form in beside.get(fold(word), ()))
    ]
    result.uncued_numbers = [
        word
        for word, before in keys
        if word.isdigit() and before and not vocabulary.has_compound(f"{before} {word}")
    ]
    names = identifiers(focus)
    result.unknown_identifiers = [name for name in names if not vocabulary.mentions(name)]
    result.named = asked_about(names)
    result.unwritten_versions = _unwritten_versions(focus, vocabulary, read_elsewhere)
    result.spelt_out = vocabulary.glossary.spelt_out(focus)
    result.unheld_records = unheld_records(focus, vocabulary)
    dated = [(_DatesOf(focus), 1.0)] + ([(_DatesOf(context), 0.5)] if context else [])
    result.impossible_dates = [
        written
        for written in dated[0][0].impossible()
        if not vocabulary.has_compound(date_key(fold(written)))
    ]
    result.unwritten_days = [
        (typed, day) for typed, day in dated[0][0].full_days() if not vocabulary.writes_day(day)
    ]
    result.yearless_days = [
        (typed, day)
        for typed, day in dated[0][0].yearless_days()
        if not vocabulary.writes_yearless(day)
    ]
    result.unseen_weight = math.log(1 + vocabulary.sentence_count / 0.5)
    holding = _HeldRole.of(focus)
    lang = question_lang(focus)
    seen: set[frozenset[str]] = set()
    own: list[tuple[str, frozenset[str]]] = []  # the focus's terms, for a follow-up's new_terms
    said: set[str] = set()  # every alternative of the context's words: what it already asks
    writings: dict[str, list[tuple[str, tuple[frozenset[str], ...]]]] = {}  # per number
    for dates, scale in dated:
        text = dates.text
        for found in _WORD.finditer(text):
            word = found.group()
            alternatives = _day_or_words(dates.day_at(found.start()), word, vocabulary)
            if scale == 1.0 and fold(word) == holding.verb:  # "leads": "Project lead"
                alternatives |= holding.tokens
            if scale == 1.0 and fold(word) in beside:
                alternatives |= _tokens_of(beside[fold(word)])
            joined = joined_spelling(word, vocabulary)
            unread = scale == 1.0 and not _frequency(alternatives, vocabulary)
            if joined and unread and joined.spelling not in result.corrections:
                result.corrections.append(joined.spelling)  # BM25 searches it, once
            if joined:
                alternatives |= joined.alternatives
            variant = variant_spelling(word, alternatives, vocabulary, lang)  # "-izing"
            if variant and unread and variant.spelling not in result.corrections:
                result.corrections.append(variant.spelling)  # BM25 searches it, once
            if variant:
                alternatives |= variant.alternatives
            opening = not text[: found.start()].strip()
            for versioned in versioned_spellings(word, vocabulary, opening):  # "OAuth2"
                if unread and versioned.spelling not in result.corrections:
                    result.corrections.append(versioned.spelling)  # BM25 searches it, once
                alternatives |= versioned.alternatives
            grouped = _grouped_at(dates.groups, found.start(), word)
            written_otherwise = (  # a number's alone: `_written_otherwise` reads no other word
                _writings_of(grouped, vocabulary, writings)
                if grouped.isdigit() and not _frequency(alternatives, vocabulary)
                else []
            )
            for written, groups in written_otherwise:  # "51 877" for "51877": the same id
                alternatives |= _writing_tokens(groups)
                if scale == 1.0 and written not in result.corrections:
                    result.corrections.append(written)  # BM25 searches it, once
            alternatives |= week_code_tokens(word, week)  # "11" of "week 11": "2026-W11"
            translation = translations.get(fold(word)) if scale == 1.0 else None
            for reading in translation.split() if translation is not None else ():
                alternatives |= word_alternatives(reading, vocabulary.glossary)
            if scale != 1.0:
                said |= alternatives
            if _unused_kind_word(word, scale, alternatives, vocabulary, focus, context):
                result.unused_kind_words.append(_as_typed(text, found))
                continue
            if _unused_signer_word(word, scale, alternatives, vocabulary, focus):
                result.unused_signer_words.append(_as_typed(text, found))
                continue
            if (
                not alternatives
                or alternatives in seen
                or _unused_frame(word, alternatives, vocabulary)
                or _consequence_word(word, scale, focus, lang)
                or _unused_form_word(word, scale, alternatives, vocabulary, unused_phrase_words)
                or _unused_question_form(word, scale, alternatives, vocabulary, lang)
                or _unused_value_cue(word, scale, alternatives, vocabulary, focus)
                or _unused_event_word(word, scale, alternatives, vocabulary, lang)
                or _unused_rank(word, scale, alternatives, vocabulary, focus)
                or _read_elsewhere(word, scale, alternatives, vocabulary, read_elsewhere)
                or _unused_interjection(found, scale, alternatives, vocabulary)
                or _unused_decision_word(word, scale, alternatives, vocabulary)
            ):
                continue
            seen.add(alternatives)
            if translation is not None:  # BM25 searches each reading, once
                result.translated += translation.split()
            typed = alternatives
            cognates: list[str] | None = None
            if scale == 1.0:
                alternatives, cognates = _check_focus_word(word, alternatives, vocabulary, result)
            frequency = _frequency(alternatives, vocabulary)
            weight = math.log(1 + vocabulary.sentence_count / (frequency or 0.5))
            result.terms.append((alternatives, weight * scale))
            result.focus_terms += scale == 1.0
            if scale == 1.0 and frequency == 0:
                result.missing += weight
            shown = _as_typed(text, found)
            if scale == 1.0 and _frequency(typed, vocabulary) == 0:
                result.absent.append(shown)
            if scale == 1.0 and context:
                own += [
                    (shown, alts)
                    for _, alts in _own_term(word, alternatives, frequency, vocabulary, cognates)
                ]
    if context:
        result.new_terms = [(word, alts) for word, alts in own if not alts & said]
        result.new_unused = [
            word
            for word, alternatives in result.new_terms
            if not _frequency(alternatives, vocabulary)
        ]
    result.unknown_names = min(1.0, result.unknown_names)
    focus_weight = sum(weight for _, weight in result.own_terms)
    result.missing = result.missing / focus_weight if focus_weight else 0.0
    unused = [*result.absent, *result.new_unused, *result.unknown_identifiers]
    result.in_paths = frozenset(word for word in unused if vocabulary.paths.write(word))
    result.unwritten_compounds = _unwritten_compounds(focus, vocabulary)
    if result.absent:
        names = unwritten_names(
            focus, result.absent, result.corrected, vocabulary.paths.write, vocabulary.spells
        )
        in_unread = vocabulary.unread_paths.write  # the file list is read for a name only
        for name in names:
            (result.unread_names if in_unread(name) else result.unwritten_names).append(name)
    return result


def _unwritten_compounds(focus: str, vocabulary: Vocabulary) -> list[str]:
    """The compounds of letters `focus` writes (sibling_words.letter_compounds), as typed, that
    the corpus never writes as such and whose opening part, or closing part, none of its words
    stems to ("sèche" of "sèche-linge", "vaisselle" of "lave-vaisselle")."""
    return [
        word
        for word in letter_compounds(focus)
        if not vocabulary.has_compound(word)
        and not (
            _stems_used(word.rpartition("-")[0], vocabulary)
            and _stems_used(word.partition("-")[2], vocabulary)
        )
    ]


def _stems_used(part: str, vocabulary: Vocabulary) -> bool:
    """Whether some word of the corpus stems to a term of `part` (lexical.query_tokens)."""
    return any(vocabulary.frequency.get(token, 0) for token in query_tokens(part))


def _unwritten_versions(
    focus: str, vocabulary: Vocabulary, read_elsewhere: frozenset[str]
) -> list[str]:
    """The version numbers `focus` asks (unheld_versions.asked_versions), as typed, whose term
    the corpus never uses, that no path writes and no folder names (`read_elsewhere`)."""
    return [
        asked.typed
        for asked in asked_versions(focus)
        if not vocabulary.frequency.get(asked.term, 0)
        and not vocabulary.paths.write(asked.typed)
        and fold(asked.typed) not in read_elsewhere
        and asked.term not in read_elsewhere
    ]


class _HeldRole(NamedTuple):
    """The verb (folded) by which a question asks who holds a role, and the tokens of that
    role's nouns, which count as the verb's (role_holders.asked_holding: "leads" counts as
    "lead", "leader", "director"…, "préside" as "président(e)"): a page writes the role
    noun ("Project lead", "Présidente : …") where the question writes the verb."""

    verb: str
    tokens: frozenset[str]

    @staticmethod
    def of(focus: str) -> _HeldRole:
        """The role `focus` asks the holder of by a verb; no verb ("") for any other."""
        holding = asked_holding(focus)
        if holding is None:
            return _HeldRole("", frozenset())
        return _HeldRole(holding.verb, _tokens_of(holding.roles))


def _grouped_at(groups: list[tuple[int, int, str]], start: int, word: str) -> str:
    """The digits of the number in digit groups (unheld_codes.grouped_numbers) that the word
    at `start` is a group of ("51877" for "877" in "order 51 877"), else the word."""
    return next((digits for first, end, digits in groups if first <= start < end), word)


def _writings_of(
    number: str,
    vocabulary: Vocabulary,
    read: dict[str, list[tuple[str, tuple[frozenset[str], ...]]]],
) -> list[tuple[str, tuple[frozenset[str], ...]]]:
    """`_written_otherwise` of `number`, kept in `read` for the question's other groups of it:
    "51" and "877" of "order 51 877" are both the number 51877 (`_grouped_at`)."""
    if number not in read:
        read[number] = _written_otherwise(number, vocabulary)
    return read[number]


def _written_otherwise(
    word: str, vocabulary: Vocabulary
) -> list[tuple[str, tuple[frozenset[str], ...]]]:
    """The other ways a text writes a long number as the same id (unheld_codes.id_writings:
    "51877" for "0051877", "51 877" for "51877"; the number itself for a group of it, "51877"
    for "877" in "order 51 877": `_grouped_at`) that the corpus writes each group of: "51878"
    is not "51 878" in a corpus writing "51" but never "878". None for any other word. Each
    with the tokens of its groups (`_writing_tokens`), read once."""
    if not word.isdigit():
        return []
    writings = []
    for written in [word, *id_writings(word)]:
        groups = tuple(frozenset(query_tokens(group)) for group in written.split())
        if all(_frequency(tokens, vocabulary) for tokens in groups):
            writings.append((written, groups))
    return writings


def _writing_tokens(groups: tuple[frozenset[str], ...]) -> Alternatives:
    """The tokens that count as a number written in `groups` (`_written_otherwise`: the tokens
    of each group): its own, or, written in groups ("51 877"), the groups' tokens counting only
    together."""
    if len(groups) == 1:
        return Alternatives(groups[0])
    return Alternatives((), [groups])


def _day_or_words(day: frozenset[str], word: str, vocabulary: Vocabulary) -> frozenset[str]:
    """A question word's alternatives: the day terms of the date it stands in (`_DatesOf`)
    when the corpus writes that day, else its own (`word_alternatives`) with them. A day the
    corpus never writes, or an index built before the build stored dates' terms, keeps the
    date's numbers ("14", "2026"): else its only term would be one no sentence holds, and the
    question one none of whose words occurs in the documents (the session-16 vault's index)."""
    words = word_alternatives(word, vocabulary.glossary)
    if not day:
        return words
    return day if _frequency(day, vocabulary) else day | words


class _DatesOf:
    """The dates a question's text writes (dates.day_spans), each read as one term: a word
    inside a date ("2026-07-14", "14/07/2026", "14 juillet 2026", "July 14", "14.07.2026") has
    the date's day terms as its alternatives, so its other words add no term of their own
    (`analyse` keeps a term once). The date's pieces ("2026", "07") would count any sentence
    of that year or month as covering the day: "What was the dose on 2026-07-14?" quoted
    "2026-07-15 The dose given was 128 mg" (session 17's hostile probe, finding 5)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = lexical_fold(text)
        self.spans = day_spans(self.folded)
        self.words = list(_WORD.finditer(text))
        self.groups = grouped_numbers(text)
        """Its numbers in digit groups ("51 877"), each group a word of its own."""
        self.folded_at = _folded_offsets(text, [word.start() for word in self.words])
        """Where each word (by its offset into the text) starts in `folded`: folding may
        lengthen a text ("ß" → "ss")."""

    def impossible(self) -> list[str]:
        """The dates the text writes that name no day (dates.impossible_spans), as typed: from
        the first word of each to the end of its last (folding may change the offsets)."""
        spans = impossible_spans(self.folded)
        if not spans:
            return []
        words = [(self.folded_at[w.start()], w) for w in self.words]
        written = []
        for begin, end in spans:
            inside = [word for at, word in words if begin <= at < end]
            if inside:
                written.append(self.text[inside[0].start() : inside[-1].end()])
        return written

    def full_days(self) -> list[tuple[str, str]]:
        """The dates the text writes with their day, month and year, each as typed (from its
        first word to the end of its last) with its term "YYYY-MM-DD"."""
        return self._days(_full_day)

    def yearless_days(self) -> list[tuple[str, str]]:
        """The dates the text writes with their day and month but no year, each as typed
        (from its first word to the end of its last) with its term "--MM-DD"."""
        return self._days(_yearless_day)

    def _days(self, pick: Callable[[Iterable[str]], str | None]) -> list[tuple[str, str]]:
        """The dates the text writes whose terms `pick` gives a term of, each as typed (from its
        first word to the end of its last) with that term."""
        words = [(self.folded_at[w.start()], w) for w in self.words]
        days = []
        for begin, end, terms in self.spans:
            day = pick(terms)
            inside = [word for at, word in words if begin <= at < end]
            if day is not None and inside:
                days.append((self.text[inside[0].start() : inside[-1].end()], day))
        return days

    def day_at(self, start: int) -> frozenset[str]:
        """The day terms of the date the word at `start` (an offset into the text) stands in,
        empty when it stands in none."""
        if not self.spans:
            return frozenset()
        at = self.folded_at[start]
        return next((terms for begin, end, terms in self.spans if begin <= at < end), frozenset())


def _folded_offsets(text: str, starts: list[int]) -> dict[int, int]:
    """Each of `starts` (increasing offsets into `text`) with the length of the text before it
    once folded: the folded lengths of the pieces between them added up, in one pass (folding
    maps each character on its own, so a text's folded length is its pieces')."""
    offsets, folded, done = {}, 0, 0
    for start in starts:
        folded += len(lexical_fold(text[done:start]))
        offsets[start], done = folded, start
    return offsets


MIN_JOINED_PART = 3
"""Each part of a hyphenated word joined into one (`joined_spelling`) has at least this many
letters: "baby-sitter", "week-end", not "a-t-elle" ("atelle" is another word) nor "est-ce"."""


class JoinedSpelling(NamedTuple):
    """Another spelling the corpus writes of a question's word: a hyphenated word written as one
    (`joined_spelling`), a name with its version number (`versioned_spellings`)."""

    spelling: str
    alternatives: frozenset[str]
    """Its `word_alternatives` with the vocabulary's glossary: what `analyse` adds to the
    hyphenated word's."""


def joined_spelling(word: str, vocabulary: Vocabulary) -> JoinedSpelling | None:
    """The hyphenated `word` (any of WORD_HYPHENS) as one word ("baby-sitter" → "babysitter"),
    when the corpus writes it so (its own tokens, not its glossary's equivalents) and each part
    has MIN_JOINED_PART letters or more; else None. A spelling of the same word, not a
    translation: the word is then no absent one."""
    parts = re.split(f"[{re.escape(WORD_HYPHENS)}]", word)
    letters = [part.replace("'", "").replace("’", "") for part in parts]  # "baby-sitter's"
    if len(parts) < 2 or any(len(part) < MIN_JOINED_PART or not part.isalpha() for part in letters):
        return None
    joined = "".join(parts)
    if not _frequency(frozenset(query_tokens(joined)), vocabulary):
        return None
    return JoinedSpelling(joined, word_alternatives(joined, vocabulary.glossary))


def variant_spelling(
    word: str, alternatives: frozenset[str], vocabulary: Vocabulary, lang: Lang
) -> JoinedSpelling | None:
    """The other spelling of `word` (spelling_variants.py: "plagiarizing" of "plagiarising",
    "organization" of "organisation" in English; "preleve" of "prélevées" in French) whose
    term in the question's language (`lang`) the corpus writes, when it writes none of the
    word's `alternatives`: "ventre" is no "venter", whose French stem is "vent"; else None. A
    spelling of the same word, not a translation: the word is then no absent one (s47 trial
    b09, s54 trial)."""
    if lang not in ("en", "fr") or _frequency(alternatives, vocabulary):
        return None  # most words: the corpus writes them as typed
    for spelling in other_spellings(fold(word), lang):
        term = frozenset({word_term(spelling, lang)})
        if _frequency(term, vocabulary):
            return JoinedSpelling(spelling, term)
    return None


MIN_VERSIONED_LETTERS = 3
"""The fewest letters a word needs to be read as the name the corpus writes with a version
number after it (`versioned_spellings`): "OAuth" / "OAuth2", "Python" / "Python3"; never "S" /
"S3" nor "EC" / "EC2", too short to be a name of their own."""

MAX_VERSION = 99
"""The highest version number glued to a name (`versioned_spellings`) read as a spelling of it:
one or two digits ("OAuth2", "Python3", "Java17"), never a code's serial ("ISO9001")."""


def versioned_spellings(
    word: str, vocabulary: Vocabulary, opens_question: bool = False
) -> list[JoinedSpelling]:
    """The one spelling the corpus writes of the letters-only `word` (MIN_VERSIONED_LETTERS or
    more) with a version number glued after it ("OAuth2" of "OAuth", 0 to MAX_VERSION), when it
    never writes `word` itself and the word is typed as a name (`_typed_as_name`): the same
    name, not a translation, so the word is no absent one (s38 trial: "Quelle est la durée de
    validité des jetons OAuth ?" was refused for "OAuth" where the ADR writes "OAuth2"). None
    when the corpus writes several ("Lot3", "Lot4" are other lots, not versions of one; s39
    review) or the word is a plain one ("Who runs the lab?" of notes writing "Lab4" is a near
    miss). A lookup of each number's token (no reading of the whole vocabulary), read only for
    a word of letters the corpus does not write."""
    folded = lexical_fold(word)
    if len(folded) < MIN_VERSIONED_LETTERS or not folded.isalpha():
        return []
    if not _typed_as_name(word, opens_question):
        return []
    if _frequency(frozenset(query_tokens(word)), vocabulary):
        return []
    spellings = [
        f"{folded}{number}"
        for number in range(MAX_VERSION + 1)
        if vocabulary.frequency.get(f"{folded}{number}", 0)
    ]
    if len(spellings) != 1:
        return []
    return [JoinedSpelling(spellings[0], word_alternatives(spellings[0], vocabulary.glossary))]


def _typed_as_name(word: str, opens_question: bool) -> bool:
    """Whether `word` is typed as a name: a capital inside it ("OAuth", "iOS") or opening it
    where it does not open the question ("… in Python?")."""
    return any(letter.isupper() for letter in word[1:]) or (
        word[:1].isupper() and not opens_question
    )


_MORE_PARTS = re.compile(r"(?:[.,]\d+)+")
"""The further parts of a number typed with more than one point ("6.6.6.6.6.6")."""


def _as_typed(text: str, found: re.Match[str]) -> str:
    """A question word as a reason names it: a decimal word with the further parts typed after
    it (`_WORD` reads "6.6.6.6.6.6" as "6.6", then "6.6" again: the reason said "6.6", s19
    hostile 10d), else the word."""
    more = _MORE_PARTS.match(text, found.end()) if _DECIMAL.fullmatch(found.group()) else None
    return _verb_alone(found.group()) if more is None else text[found.start() : more.end()]


def _verb_alone(word: str) -> str:
    """A French verb typed with its inverted subject pronoun (language.json `inverted_subjects`)
    without it: "convient" of "convient-il", "coûte" of "coûte-t-elle" (s62 trial: "Rhinocéros
    convient-il aux enfants ?" was refused for never mentioning “convient-il”)."""
    verb, hyphen, pronoun = word.rpartition("-")
    if not hyphen or not verb or fold(pronoun) not in language_words("inverted_subjects"):
        return word
    return verb.removesuffix("-t")


def _own_term(
    word: str,
    alternatives: frozenset[str],
    frequency: int,
    vocabulary: Vocabulary,
    cognates: list[str] | None,
) -> list[tuple[str, frozenset[str]]]:
    """The question's word as a term a quote can mention (`new_terms`: those no word of the
    context matches), or none for an interrogative; a word the corpus never uses is mentioned
    by its cognates ("organique" by "organic": `cognates`, as _check_focus_word found them,
    looked up here when it did not), or by nothing without any."""
    if fold(word) in interrogatives():
        return []
    if frequency:
        return [(word, alternatives)]
    found = vocabulary.cognates(word) if cognates is None else cognates
    for cognate in found:  # `|` keeps an acronym's phrases (alternatives.py), union would not
        alternatives = alternatives | word_alternatives(cognate)
    return [(word, alternatives)]


def _unused_frame(word: str, alternatives: frozenset[str], vocabulary: Vocabulary) -> bool:
    """A word about the documents ("paper", "says") that the corpus never uses: no term."""
    elided = re.split(r"['’]", fold(word))[-1]  # "l'article" is "article"
    return elided in frame_words() and _frequency(alternatives, vocabulary) == 0


def _consequence_word(word: str, scale: float, focus: str, lang: Lang) -> bool:
    """A word of the question's phrase asking what follows from a case (reason_words.
    consequence_words: "passe-t-il" of "Que se passe-t-il si une parcelle est abandonnée ?",
    "happens" of "What happens if…"): no term, whether the corpus uses it or not; the case's
    words are the terms."""
    return scale == 1.0 and fold(word) in consequence_words(focus, lang)


def _unused_frame_phrase_words(focus: str, vocabulary: Vocabulary) -> frozenset[str]:
    """The folded words of each phrase that only frames `focus` in its language (reason_words.
    frame_phrases: the "quoi" and "sert" of "À quoi sert follow_symlinks ?", reason_words.json
    `frame_phrases`; not those of `question_phrases`, whose "paid" of "Who paid the school
    trip?" asks a person) of which the corpus uses none: a corpus of the other language, where
    such words weighed the most a term can and refused the question it asks of a row the first
    passage holds (tables dev: "À quoi sert follow_symlinks ?" of an English options table,
    .31). A corpus writing one of them keeps them all: formal French writes "sert" but seldom
    "quoi", and "À quoi sert la ponceuse ?" read as "sert" alone quoted another tool's use."""
    unused: set[str] = set()
    for words in frame_phrases(focus, question_lang(focus)):
        if not any(
            _frequency(word_alternatives(word, vocabulary.glossary), vocabulary) for word in words
        ):
            unused.update(words)
    return frozenset(unused)


def _unused_form_word(
    word: str,
    scale: float,
    alternatives: frozenset[str],
    vocabulary: Vocabulary,
    unused_phrase_words: Callable[[], frozenset[str]],
) -> bool:
    """A word of the question of a framing phrase the corpus never uses
    (`_unused_frame_phrase_words`, read only for a word of the question the corpus never
    uses, and once a question): no term, as a frame word is not."""
    if scale != 1.0 or _frequency(alternatives, vocabulary):
        return False
    return fold(word) in unused_phrase_words()


def _unused_question_form(
    word: str,
    scale: float,
    alternatives: frozenset[str],
    vocabulary: Vocabulary,
    lang: Lang,
) -> bool:
    """A word of the question itself one of whose pieces is a word its language asks by
    (`lang`, reason_words.holds_question_form: "dois" of "dois-je", "faut" of "faut-il",
    "peut" of "peut-on", "jusqu" of "jusqu'à") that the corpus never uses, when the corpus
    uses some modal verb of the question's language or has documents in it
    (Vocabulary.has_language: its pages are in that language and only happen not to write
    this word): no term, as a frame word is not. A small French folder writing "doit" and
    "peut" but not "jusqu'à" refused "Jusqu'à quelle heure peut-on faire du bruit ?" (s55
    trial). A corpus of the other language keeps them as terms. The interrogatives
    ("quand", "combien") stay terms (reason_words.json says why)."""
    if scale != 1.0 or _frequency(alternatives, vocabulary):
        return False
    return holds_question_form(word, lang) and vocabulary.has_language(lang)


def _unused_event_word(
    word: str, scale: float, alternatives: frozenset[str], vocabulary: Vocabulary, lang: Lang
) -> bool:
    """A word of the question itself, of its language (`lang`), asking when an event starts or
    ends or at what hour (value_frames.json `event_words`: "commencent", "ouvre", "heure",
    "start") that the corpus never uses, when the corpus has documents in that language or
    writes its modal verbs (Vocabulary.has_language): no term, as a frame word is not.
    Minutes writing "Les travaux débuteront en septembre 2026" refused "Quand commencent les
    travaux de ravalement ?" for its absent "commencent" at .28 (s59 trial). Only those: the
    other words framing a value ("jour", "lieu", "date") stay terms, which the readers of days
    and calendars read (s59: "Quel jour ont lieu les cours de judo enfants ?" lost its
    "mardi"); a corpus of the other language keeps them all ("Qeulle est la date du semis ?"
    of an English garden's notes names “date” as never written)."""
    if scale != 1.0 or _frequency(alternatives, vocabulary):
        return False
    return fold(word) in _event_words(lang) and vocabulary.has_language(lang)


@cache
def _event_words(lang: Lang) -> frozenset[str]:
    """The folded `event_words` of data/value_frames.json in `lang`."""
    return frozenset(fold(word) for word in data_json("value_frames.json")["event_words"][lang])


def _unused_value_cue(
    word: str, scale: float, alternatives: frozenset[str], vocabulary: Vocabulary, focus: str
) -> bool:
    """A word of the question itself asking a kind of value (asked_values.names_value_kind:
    "payé" of "Combien d'impôt avons-nous payé en 2025 ?") that the corpus never uses: no
    term, as a frame word is not. The quote must still write the value (asked_values.py); the
    rarest weight of a word no document uses no longer refuses a question whose other words
    the first passage writes (s27 trial)."""
    if scale != 1.0 or _frequency(alternatives, vocabulary) or not asked_kinds(focus):
        return False  # "paid" of "Who paid the school trip?" asks no amount: a term (review E)
    return (
        names_value_kind(word, focus)
        or _unused_cue_word(word, vocabulary, focus)
        or _abbreviated_unit(word, vocabulary, focus)
    )


def _abbreviated_unit(word: str, vocabulary: Vocabulary, focus: str) -> bool:
    """A unit of a kind of value the question asks that the corpus writes only abbreviated
    (asked_values.unit_abbreviations: "kilomètres" of "Combien de kilomètres de pistes ?" of a
    station's guide writing "120 km de pistes", s62 trial, refused "ils ne mentionnent jamais
    “kilomètres”"): no term. The quote must still write a value of the kind."""
    return any(vocabulary.sentences_holding(short) > 0 for short in unit_abbreviations(word, focus))


def _unused_cue_word(word: str, vocabulary: Vocabulary, focus: str) -> bool:
    """A word a cue of a kind of value the question asks reads as written (asked_values.
    reads_as_cue: "weigh" of "How much does the loaf weigh?", "surface" of "Quelle est la
    surface d'une parcelle ?") that the corpus never uses, nor a spelling close to it
    (Vocabulary.correction: "weigh" of a datasheet writing "Weight" stays a term, read as that
    word), and no interrogative ("much", "long", "combien": the answer models were trained
    with them as terms, reason_words.json `question_form_description`; dropped, "Combien de
    temps dure la garantie ?" of an English manual quoted another sentence where it was
    refused): no term. The quote must still write a value of the kind (asked_values.py; s61
    trial: a recipe writing "Makes one loaf of about 900 g" was refused, "they never mention
    “weigh”")."""
    if fold(word) in interrogatives() or not reads_as_cue(word, focus):
        return False
    return vocabulary.correction(word) is None


def _unused_kind_word(
    word: str,
    scale: float,
    alternatives: frozenset[str],
    vocabulary: Vocabulary,
    focus: str,
    context: str | None,
) -> bool:
    """A word of a question on its own naming the kind of value it asks as its object of an
    owner it names (owner_words), a kind a contact line writes with no word of it (value_kinds.
    unnamed_kind_words: "phone" and "number" of "What is the photographer's phone number?"; not
    "address", a postal one spanning lines under its owner's name), that the corpus never uses:
    no term, as a frame word is not. A contact list writes "Photographer: Lucas Moreau, +33 6 41
    22 58 90" and never "phone" (s56 trial: refused, "they never mention phone"). The quote must
    then write the owner's words and a value of the kind (answering._value_kind_checked):
    another owner's e-mail address is no answer. A follow-up's kind ("what is her email?") is
    checked so already (abstention.value_kinds_asked) and keeps its words."""
    if scale != 1.0 or context or not alternatives or _frequency(alternatives, vocabulary):
        return False  # no alternatives: a stopword, no term either
    return fold(word) in unnamed_kind_words(focus) and bool(asked_owner(focus))


def _unused_signer_word(
    word: str, scale: float, alternatives: frozenset[str], vocabulary: Vocabulary, focus: str
) -> bool:
    """A signing word of a question asking who signed (signer_questions.signer_words: "signé"
    of "Qui a signé la lettre de la mairie ?") that the corpus never uses: no term, as a frame
    word is not. A letter closes with its signer's name and writes no "signé" (s56 trial:
    refused, "ils ne mentionnent jamais « signé »"); the quote must then be that closing line
    (signers.py)."""
    if scale != 1.0 or not alternatives or _frequency(alternatives, vocabulary):
        return False  # no alternatives: a stopword, no term either
    return fold(word) in signer_words(focus)


def _unused_rank(
    word: str, scale: float, alternatives: frozenset[str], vocabulary: Vocabulary, focus: str
) -> bool:
    """An ordinal of the question itself numbering one of its words (asked_ordinals: "3e" of
    "le 3e appel de fonds") that the corpus never uses, when the corpus writes the word it
    numbers ("appel"): no term, as a frame word is not. A schedule ranks its rows by their
    order, not in words (ordinal_rows.py reads the rank there); the question was refused saying
    the documents never mention "troisième" (s51 trial). An ordinal of a word the corpus never
    writes stays a term: "Quand Léa a-t-elle perdu sa première dent ?" of English notes is
    read across languages, every word of it unused alike (notes dev)."""
    if scale != 1.0 or _frequency(alternatives, vocabulary) or not ordinals_written(word):
        return False
    numbered = (noun for _, noun in asked_ordinals(focus))
    return any(_frequency(frozenset(query_tokens(noun)), vocabulary) for noun in numbered)


def _read_elsewhere(
    word: str,
    scale: float,
    alternatives: frozenset[str],
    vocabulary: Vocabulary,
    read_elsewhere: frozenset[str],
) -> bool:
    """A word of the question itself, among `read_elsewhere`, that the corpus never uses."""
    if scale != 1.0 or fold(word) not in read_elsewhere:
        return False
    return _frequency(alternatives, vocabulary) == 0


def _unused_interjection(
    found: re.Match[str], scale: float, alternatives: frozenset[str], vocabulary: Vocabulary
) -> bool:
    """A word of the question itself in capitals that the data calls a generic acronym or an
    interjection (absent_names.generic_acronym: "SOS" of "SOS adhésion prix"), no capitalised
    word after it (no part of a name: "SOS Médecins"), that the corpus never uses: no term, as
    a frame word is not (s37 hostile probe M1: it refused "ne mentionnent jamais « SOS »")."""
    if scale != 1.0 or not generic_acronym(found.group()):
        return False
    if _NAME_AFTER.match(found.string, found.end()):
        return False
    return _frequency(alternatives, vocabulary) == 0


def _unused_decision_word(
    word: str, scale: float, alternatives: frozenset[str], vocabulary: Vocabulary
) -> bool:
    """A word of the question itself asking what was decided (decision_lines.decision_words:
    "décidé" of "Qu'a-t-on décidé pour l'éclairage ?") that the corpus never uses, while it
    uses another ("Décision : L'éclairage sera intégré…"): no term, as a frame word is not;
    the documents do write of decisions, and decision_lines quotes their decision lines (s38:
    the question was refused saying they never mention "décidé")."""
    if scale != 1.0 or word.lower() not in droppable_decision_words():
        return False
    return _frequency(alternatives, vocabulary) == 0 and _writes_decisions(vocabulary)


def _writes_decisions(vocabulary: Vocabulary) -> bool:
    """Whether the corpus uses a word asking what was decided ("Décision", "agreed")."""
    return any(_frequency(frozenset(query_tokens(word)), vocabulary) for word in decision_words())


_NAME_AFTER = re.compile(r"[ \u00a0]+[A-ZÀ-Þ]")
"""A capitalised word right after a word: the word may start a name ("SOS Médecins")."""


def question_words(text: str) -> list[str]:
    """The words of a question, in order, as `analyse` reads them (hyphens and apostrophes
    inside a word kept)."""
    return _WORD.findall(text)


def _check_focus_word(
    word: str, alternatives: frozenset[str], vocabulary: Vocabulary, result: QuestionTerms
) -> tuple[frozenset[str], list[str] | None]:
    """Note unknown names, typos and cognates of a question word; return its (corrected)
    alternatives and the cognates it looked up (None when it did not)."""
    endings = vocabulary.name_endings
    if _is_compound(word) and looks_like_name(word, endings) and not vocabulary.has_compound(word):
        result.unknown_names += 1.0
        return alternatives, None
    if _frequency(alternatives, vocabulary) > 0:
        return alternatives, None
    result.unused_words.append(word)  # its likely spelling is offered, never searched
    corrected = vocabulary.correction(word)
    if corrected is not None:
        result.corrections.append(corrected)
        result.corrected.setdefault(word, corrected)
        return alternatives | word_alternatives(corrected, vocabulary.glossary), None
    cognates = vocabulary.cognates(word)
    result.cognates.extend(cognates)
    if looks_like_name(word, endings):
        result.unknown_names += 1.0
    return alternatives, cognates


def _full_day(terms: Iterable[str]) -> str | None:
    """The first (sorted) of a date's `terms` that is a full day ("YYYY-MM-DD"), if any."""
    return next((term for term in sorted(terms) if is_full_day_term(term)), None)


def _yearless_day(terms: Iterable[str]) -> str | None:
    """The first (sorted) of a date's `terms` that is a day and month alone ("--MM-DD"), when
    none of them is a full day."""
    terms = list(terms)
    if any(is_full_day_term(term) for term in terms):
        return None
    return next((term for term in sorted(terms) if len(term) == 7), None)
