"""Query expansion by groups of equivalent terms, so a question matches passages word for word
across languages and wordings ("kidney" finds "rein", "week 52" finds "S52").

The groups are data, never code: the language data shipped with citeqa, the corpus's domain
file and the pairs derived from the corpus at build (see domain.py and derived_terms.py).
Terms are matched on folded text (lowercase, no accents), as whole words. A term may hold the
slot "{year}" (`YEAR_SLOT`): it is written only beside a year ("t1 {year}": "T1 2025", not the
flat type of "le loyer du T2"), and added to a question without it ("t1").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache, lru_cache
from typing import Literal, get_args

from citeqa.dates import YEAR_DIGITS
from citeqa.domain import Domain, NumberedForms, language_data
from citeqa.jsonfiles import data_json
from citeqa.lexical import content_word_terms
from citeqa.lexical import fold as lexical_fold

_SPACES = re.compile(r"\s+")
_WORDS = re.compile(r"\w+")


FOLDS_KEPT = 8192
"""How many short texts' foldings `fold` keeps (a word or a label: most of its calls, the same
words folded again by every question)."""
SHORT_FOLD = 64
"""The longest text `fold` keeps the folding of (a passage or a document is folded anew)."""


def fold(text: str) -> str:
    """The lexical folding (lowercase, no accents, œ and æ spelt out), whitespace collapsed;
    kept for the last FOLDS_KEPT short texts."""
    return _short_fold(text) if len(text) <= SHORT_FOLD else _fold(text)


@lru_cache(maxsize=FOLDS_KEPT)
def _short_fold(text: str) -> str:
    """`_fold`, kept."""
    return _fold(text)


def _fold(text: str) -> str:
    return _SPACES.sub(" ", lexical_fold(text)).strip()


WordList = Literal[
    "anaphors",
    "byline_determiners",
    "byline_words",
    "caption_labels",
    "chrome_phrases",
    "consent_controls",
    "contents_asks",
    "count_key_words",
    "count_limit_cues",
    "default_words",
    "edit_stamp_words",
    "editor_nouns",
    "field_labels",
    "frame_words",
    "generated_index_classes",
    "function_words",
    "genitives",
    "interrogatives",
    "inverted_subjects",
    "key_cues",
    "lead_in_words",
    "letter_key_cues",
    "lettered_number_cues",
    "lettered_number_ordinals",
    "manual_name_headings",
    "measure_words",
    "value_kind_words",
    "navigation_cues",
    "navigation_heading_links",
    "navigation_headings",
    "number_marks",
    "object_pronoun_hosts",
    "object_pronouns",
    "member_nouns",
    "member_qualifiers",
    "owner_determiners",
    "owner_links",
    "page_cues",
    "paper_headings",
    "paper_sections",
    "part_names",
    "place_cues",
    "place_verbs",
    "plural_determiners",
    "possessives",
    "relative_openers",
    "row_number_headers",
    "section_cues",
    "sentence_joiners",
    "signing_asks",
    "signing_cues",
    "signing_openers",
    "site_credit_phrases",
    "slide_labels",
    "source_links",
    "step_cues",
    "street_name_openers",
    "street_words",
    "subject_determiners",
    "title_header_keys",
    "title_labels",
    "unit_words",
]
"""The language data's word lists (fields of domain.Domain) that `language_words` reads."""


@cache
def language_words(name: WordList, lang: str | None = None) -> frozenset[str]:
    """The words of the language data's list `name` (a field of domain.Domain: "key_cues",
    "title_labels"; "frame_words", its lists by language, together, or `lang`'s alone when it
    is given: none of a language it lists none for), folded: the set a folded word is looked
    up in, read when first asked for, not at import. Any other name is a ValueError, as is a
    `lang` given for a list not kept by language ("interrogatives"), and a field that is no
    list of words a TypeError (a string would be read as the set of its characters)."""
    if name not in get_args(WordList):
        raise ValueError(f"no word list {name!r} in the language data")
    words = getattr(language_data(), name)
    if isinstance(words, dict):
        groups = list(words.values()) if lang is None else [words.get(lang, ())]
    elif lang is not None:
        raise ValueError(f"the language data's {name!r} is no list by language")
    else:
        groups = [words]
    if not all(isinstance(group, (list, tuple)) for group in groups):
        raise TypeError(f"the language data's {name!r} is no list of words")
    return frozenset(fold(word) for group in groups for word in group)


@cache
def function_and_interrogative_words() -> frozenset[str]:
    """The folded function words and interrogatives of every language (language.json): words
    a question asks by, which name no field, record or number's key; one set, built once."""
    return language_words("function_words") | language_words("interrogatives")


def own_word_terms(
    text: str, left_out: Callable[[str], bool] = lambda word: False
) -> list[frozenset[str]]:
    """The terms (lexical.content_word_terms) of each content word of `text` that is no
    function or interrogative word (`function_and_interrogative_words`) nor one `left_out`
    says, given the folded word: the words a question names its subject by ("robe" of "Combien
    coûte la robe ?" when the frame words are left out)."""
    common = function_and_interrogative_words()
    return [
        forms
        for word, forms in content_word_terms(text)
        if forms and word not in common and not left_out(word)
    ]


@cache
def calendar_words() -> frozenset[str]:
    """The folded day, month and time-of-day words of every language of calendar_words.json
    (a transcript's speaker line that is a date, "Monday  7:30"; a timetable's keyed lines)."""
    data = data_json("calendar_words.json")
    return frozenset(word.casefold() for lang in ("en", "fr") for word in data[lang])


YEAR_SLOT = "{year}"
"""Where a group's term is written beside a year: "q1 {year}" is "Q1 2025", not a survey's
"Q1" alone (s31 review); a year is dates.YEAR_DIGITS' (1800 to 2199)."""


def _pattern(terms: Iterable[str]) -> re.Pattern[str]:
    """Any of `terms` written whole, a YEAR_SLOT in one matching a year."""
    written = "|".join(re.escape(term).replace(re.escape(YEAR_SLOT), YEAR_DIGITS) for term in terms)
    return re.compile(rf"(?<![\w])(?:{written})(?![\w])")


def _forms(terms: Iterable[str]) -> dict[str, list[str]]:
    """A group's terms folded, by each term as added to a question (its YEAR_SLOT dropped)."""
    forms: dict[str, list[str]] = {}
    for term in dict.fromkeys(fold(t) for t in terms):
        added = fold(term.replace(YEAR_SLOT, ""))
        if added:
            forms.setdefault(added, []).append(term)
    return forms


def _group(forms: dict[str, list[str]]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """A group's terms as added to a question (`_forms`), each with the pattern finding any of
    its forms in a question."""
    return tuple((added, _pattern(written)) for added, written in forms.items())


def _numbered(rule: NumberedForms) -> tuple[re.Pattern[str], tuple[str, ...]]:
    words = sorted((fold(word) for word in rule.words), key=len, reverse=True)
    alternatives = "|".join(re.escape(word) for word in words)
    return re.compile(rf"\b(?:{alternatives})\s?(\d{{1,3}})\b"), rule.forms


class Glossary:
    """Groups of equivalent terms, compiled once; `expansions` reads a question with them."""

    def __init__(
        self,
        groups: Iterable[Iterable[str]],
        numbered: Iterable[NumberedForms] = (),
        acronyms: Iterable[tuple[str, str]] = (),
    ) -> None:
        """`acronyms`: (acronym, its words) pairs, the acronym matched in capitals only."""
        self._acronyms: dict[str, str] = {}
        for acronym, words in acronyms:
            self._acronyms.setdefault(fold(acronym).upper(), fold(words))
        forms = [_forms(group) for group in groups]
        self._groups = [_group(group) for group in forms]
        self._beside_year = frozenset(
            added
            for group in forms
            for added, written in group.items()
            if all(YEAR_SLOT in term for term in written)
        )
        self._numbered = [_numbered(rule) for rule in numbered if rule.words]
        self._by_word = self._index()

    @classmethod
    def of(cls, domain: Domain) -> Glossary:
        return cls(domain.groups, domain.numbered, domain.acronyms)

    def __len__(self) -> int:
        return len(self._groups) + len(self._acronyms)

    def _index(self) -> dict[str, list[int]]:
        """Group numbers by a word of their terms, so a question is checked against the few
        groups that share a word with it (derived groups can number thousands)."""
        by_word: dict[str, list[int]] = {}
        for number, group in enumerate(self._groups):
            for word in {(re.findall(r"\w+", term) or [""])[0] for term, _ in group}:
                by_word.setdefault(word, []).append(number)
        return by_word

    def expansions(self, question: str) -> list[str]:
        """Terms equivalent to those of the question and not already in it."""
        return added_terms(self.equivalents(question))

    def equivalents(self, question: str) -> list[tuple[str, str]]:
        """Each term `expansions` adds, as (the question's folded words it is equivalent to,
        the term): ("sla", "service level agreement"), ("kidney", "rein")."""
        folded = fold(question)
        pairs = self._numbered_forms(folded) + self._spelt_out(question, folded)
        words = {"", *re.findall(r"\w+", folded)}  # "": groups with a term of no word ("%")
        candidates = sorted({n for word in words for n in self._by_word.get(word, ())})
        for number in candidates:
            group = self._groups[number]
            written = [term for term, pattern in group if pattern.search(folded)]
            if written:
                pairs += [(written[0], term) for term, _ in group if term not in written]
        return pairs

    def beside_year(self, question: str) -> list[tuple[str, str]]:
        """The pairs of `equivalents` whose added term the glossary writes only beside a year
        (YEAR_SLOT in each of its forms: "t2" of "t2 {year}", "{year} t2")."""
        return [
            (written, term)
            for written, term in self.equivalents(question)
            if term in self._beside_year
        ]

    def spelt_out(self, question: str) -> list[str]:
        """The folded words of each acronym `question` writes in capitals that it does not
        already spell out (`_spelt_out`): those of `expansions` that count only whole
        (alternatives.py)."""
        return [words for _, words in self._spelt_out(question, fold(question))]

    def _spelt_out(self, question: str, folded: str) -> list[tuple[str, str]]:
        """(The acronym folded, its words) for each acronym the question writes in capitals
        ("NDA", "NDAs"); none
        when the question writes all its words in capitals ("WHO PAYS THE RENT?"): there a
        capitalised word tells no acronym (a question of one word, "NDA?", is read as one).
        `folded` is the question lexical.fold-ed."""
        if not self._acronyms:
            return []
        written = _WORDS.findall(question)
        if len(written) > 1 and not any(letter.islower() for letter in question):
            return []
        forms = []
        for word in written:
            words = self._acronym_words(word)
            if words is not None and words not in folded:
                forms.append((fold(word), words))
        return forms

    def _acronym_words(self, word: str) -> str | None:
        """The words of the acronym a word writes in capitals, maybe as a plural ("NDAs",
        "NDAS": the acronym without its "S" when the one with it is none)."""
        acronym = _in_capitals(word)
        words = self._acronyms.get(acronym)
        if words is None and len(acronym) > 2 and acronym.endswith("S"):
            words = self._acronyms.get(acronym[:-1])
        return words

    def _numbered_forms(self, folded: str) -> list[tuple[str, str]]:
        forms: list[tuple[str, str]] = []
        for pattern, templates in self._numbered:
            for found in pattern.finditer(folded):
                number = found.group(1)
                forms += [(found.group(), t.replace("{n}", number)) for t in templates]
        return forms


def _in_capitals(word: str) -> str:
    """The word folded, in capitals, when it is written in capitals of two letters or more,
    maybe with a plural "s" ("NDA", "NDAs", "RGPD"); else ""."""
    if word.endswith("s") and not word.isupper():
        word = word[:-1]
    if len(word) < 2 or not word.isalpha() or not word.isupper():
        return ""
    return fold(word).upper()


NO_GLOSSARY = Glossary(())
"""Expands nothing (expansion switched off, or no knowledge at all)."""


def added_terms(equivalents: list[tuple[str, str]]) -> list[str]:
    """The terms of `equivalents` (Glossary.equivalents), each once, in order: what a
    question's search adds (Glossary.expansions; retrieval.lexical_search, which reads the
    equivalents once for both)."""
    return list(dict.fromkeys(added for _, added in equivalents))
