"""A question asking who holds a role answered by quotes that name no one: "Qui est le
trésorier ?" answered by the statutes' "Le conseil élit parmi ses membres un bureau composé
d'un président, d'un secrétaire et d'un trésorier." (s43 trial, at confidence .64; "Qui est le
secrétaire ?" the same at .72). The sentence defining the role shares the question's one
content word, so the answer models read it as the answer; it says the role exists, not who
holds it. Nor does a sentence naming neither ("La séance est levée à 21 h 10." quoted from
earlier minutes for the secretary once the statutes' sentence was refused).

Checked once the answer is chosen: the question asks who is the holder of one role in the
singular (language data, citeqa/data/role_holders.json: "Who is the treasurer?", "Qui est la
présidente ?"; not a plural, not a collective role such as "audience" or "public"), and no
quote names anyone (`names_someone`: no capitalised word that is no
stopword, none of the question's words, and that the quote's document never writes in lower
case; no title such as "M." or "Mme"; no e-mail address). The answer abstains naming the role
as the question writes it.

The same holds of a question asking the holder by the verb of holding the role ("Who chairs the
board?", "Qui préside le bureau ?": `asked_holding`, the data's `holding_asks` and `holding`
groups): its quotes naming no one and writing no verb of holding the role (one that does names a
body in lower case: "L'association … gère trois jardins" answers "Qui gère les jardins ?"; a
role's noun does not: statutes define "un président", nor a verb's form that is its noun after
a determiner of the data, "The board elects a chair"), the answer abstains naming the role as
the data shows it in the question's language ("chair", "président"). `asked_role_words` gives
the role nouns a verb question asks (its group's), which role_labels.py looks for in label
lines.

No I/O but the data file, read once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from typing import NamedTuple, get_args

from citeqa.glossary import calendar_words, fold
from citeqa.jsonfiles import data_json
from citeqa.known_words import known_word
from citeqa.language import opens_sentence
from citeqa.lexical import stopwords
from citeqa.models import Lang

__all__ = [
    "Holding",
    "asked_holding",
    "asked_role",
    "asked_role_words",
    "names_someone",
    "role_words",
    "unnamed_role",
]

_CAPITALISED = re.compile(r"(?<![\w'’-])[A-ZÀ-ÖØ-Þ][\w-]*")
"""A word opening on a capital letter (its elided article apart: "L'" of "L'association")."""
_WORD = re.compile(r"[\w'’-]+")
"""A word of a question as written, elisions and hyphens kept."""


class Holding(NamedTuple):
    """A role the question asks the holder of by a verb ("chairs"): the verb (folded), the
    nouns of its role (folded: "chair", "president", "presidente"), and the role as an answer
    names it in the question's language."""

    verb: str
    roles: frozenset[str]
    shown: str
    verbs: frozenset[str]
    """Every form of the verbs of holding that role (folded: "gere", "preside")."""


class _Group(NamedTuple):
    verbs: frozenset[str]
    roles: frozenset[str]
    shown: dict[str, str]


class _Roles(NamedTuple):
    asks: tuple[re.Pattern[str], ...]
    collective: frozenset[str]
    titles: frozenset[str]
    holding_asks: tuple[tuple[str, re.Pattern[str]], ...]
    """Each pattern of a question asking a holder by a verb, with its language."""
    groups: tuple[_Group, ...]
    determiners: frozenset[str]
    """Words a noun follows: a verb form that is a role's noun after one is the noun."""


@cache
def _roles() -> _Roles:
    """role_holders.json's patterns, collective roles and titles, of every language."""
    data = data_json("role_holders.json")

    def words(field: str) -> frozenset[str]:
        return frozenset(word for words in data[field].values() for word in words)

    asks = tuple(re.compile(pattern) for patterns in data["asks"].values() for pattern in patterns)
    holding_asks = tuple(
        (lang, re.compile(pattern))
        for lang, patterns in data["holding_asks"].items()
        for pattern in patterns
    )
    groups = tuple(
        _Group(frozenset(group["verbs"]), frozenset(group["roles"]), group["shown"])
        for group in data["holding"]
    )
    determiners = words("determiners")
    return _Roles(asks, words("collective"), words("titles"), holding_asks, groups, determiners)


@lru_cache(maxsize=256)
def asked_holding(question: str) -> Holding | None:
    """The role `question` asks the holder of by a verb of holding it ("Who leads
    REFRACT?": the lead's nouns), or None: no such question. Cached: the
    question analysis, the quote choice and the refusal each ask it of one question."""
    folded = " ".join(fold(question).split())
    roles = _roles()
    for lang, pattern in roles.holding_asks:
        found = pattern.match(folded)
        if found is None:
            continue
        verb = found["verb"]
        for group in roles.groups:
            if verb in group.verbs:
                return Holding(verb, group.roles, group.shown.get(lang, verb), group.verbs)
    return None


def asked_role_words(question: str) -> frozenset[str]:
    """The role nouns (folded) `question` asks the holder of by a verb, with that verb
    ("leads": "lead", "director", "coordinator"…); empty for any other question. A "who is
    the <role>" question names its role's noun itself, and a sentence not writing it may
    answer all the same ("devised by Mori and Keller" for "Who is the author of the
    schedule?", over the note's "Author: Jeanne Roux"): role_labels.py reads none."""
    holding = asked_holding(question)
    return frozenset() if holding is None else holding.roles | {holding.verb}


def absent_role_words(question: str, absent: Iterable[str]) -> list[str]:
    """The words of `absent` (the question's words the documents never use, as typed) typed in
    lower case that are words of the role a "who is the <role>" question asks (`asked_role`),
    once each: the documents name no holder of a role they never write ("pastry" of "Who is
    the pastry chef?" of a staff list with a "Sous-chef", s55 trial). A word in capitals may be
    an acronym the documents spell out ("Qui est le responsable RH ?": "ressources
    humaines")."""
    role = asked_role(question)
    if role is None:
        return []
    role_words = set(role.split())
    return [word for word in dict.fromkeys(absent) if word.islower() and fold(word) in role_words]


def without_other_roles(text: str, question: str) -> str:
    """`text` without its words joining a prefix of another role to a noun by a hyphen
    (role_holders.json's `other_role_prefixes`: "Vice-principal"), unless `question` writes
    that prefix too: the role a question asks is not its deputy's."""
    asked = set(re.findall(r"[a-z]+", fold(question)))
    prefixes = [prefix for prefix in _other_role_prefixes() if prefix not in asked]
    if not prefixes:
        return text
    joined = re.compile(r"(?<![\w-])(?:" + "|".join(prefixes) + r")[-‐–][^\W\d_]+", re.IGNORECASE)
    return joined.sub(" ", text)


@cache
def _other_role_prefixes() -> tuple[str, ...]:
    """role_holders.json's `other_role_prefixes`, of every language."""
    data = data_json("role_holders.json")["other_role_prefixes"]
    return tuple(dict.fromkeys(prefix for prefixes in data.values() for prefix in prefixes))


def role_words(question: str) -> frozenset[str]:
    """The words (folded) of the role `question` asks the holder of, which a sentence naming
    that holder writes: asked by a verb, its group's (`asked_role_words`); asked by the role's
    noun ("Who is the chair of the advisory board?"), that noun's last word and, when a
    `holding` group lists it, the group's verbs and nouns ("It is chaired by Dr. Maria
    Jensen"); empty for any other question."""
    role = asked_role(question)
    if role is None:
        return asked_role_words(question)
    head = role.split()[-1]
    groups = [group.verbs | group.roles for group in _roles().groups if head in group.roles]
    return frozenset({head}.union(*groups))


def asked_role(question: str) -> str | None:
    """The role (folded) `question` asks the holder of ("tresorier" of "Qui est le trésorier
    ?"), or None: no such question, or a collective role."""
    folded = " ".join(fold(question).split())
    roles = _roles()
    for pattern in roles.asks:
        found = pattern.match(folded)
        if found is not None:
            role = found["role"].strip()
            singular = " ".join(word.removesuffix("s") for word in role.split())
            return None if {role, singular} & roles.collective else role
    return None


def names_someone(quote: str, document_text: str, asked: Iterable[str] = ()) -> bool:
    """Whether `quote` names someone: a title ("M.", "Mme"), an e-mail address, or a
    capitalised word that is no stopword, no day or month (glossary.calendar_words: "The
    project started on 1 October 2022" names no one), no place after a preposition of the
    data ("in Porto"), not one of the `asked` (folded) words,
    and that `document_text` never writes in lower case ("Benali"; not "Le", "Conseil" of a
    heading when the text writes "conseil")."""
    if "@" in quote:
        return True
    roles, skipped = _roles(), frozenset(asked) | stopwords() | calendar_words()
    places = [found.span("place") for found in _after_place_preposition().finditer(quote)]
    for found in _CAPITALISED.finditer(quote):
        word = found.group()
        folded = fold(word)
        if folded in roles.titles:
            return True
        if folded in skipped or any(start <= found.start() < end for start, end in places):
            continue  # "… planned for 12 February 2026 in Porto."
        opening = opens_sentence(quote, found.start()) or _opens_cell(quote, found.start())
        if opening and _common_word(folded):
            continue  # "Minutes", "| Chess | Tuesday |": a capital any opening word takes
        if not _written_lower(word, document_text):  # last: it reads the whole document
            return True
    return False


@cache
def _after_place_preposition() -> re.Pattern[str]:
    """A run of capitalised words (group "place") right after a preposition before a place of
    the data (`place_prepositions`: "in Porto", "near New York", "en Bretagne"): a place."""
    prepositions = data_json("role_holders.json")["place_prepositions"]
    words = sorted({word for listed in prepositions.values() for word in listed}, key=len)
    alternatives = "|".join(re.escape(word) for word in reversed(words))
    capital = r"[A-ZÀ-ÖØ-Þ][\w-]*"
    run = rf"{capital}(?:[ \u00a0]+{capital})*"
    return re.compile(rf"(?<![\w'’-])(?i:{alternatives})[ \u00a0]+(?P<place>{run})")


def _opens_cell(text: str, start: int) -> bool:
    """Whether the word at `start` opens a table row's cell: a pipe and spaces before it on its
    line ("| Chess | Tuesday | 3 to 6 | $40 |" names no one for "Who is the grade 3
    teacher?": s54 trial, quoted at .67)."""
    return text[:start].rstrip(" \t\u00a0").endswith("|")


def _common_word(folded: str) -> bool:
    """Whether `folded` is a common word of a language (known_words: "minutes", "summary"),
    so a capital opening a sentence tells nothing of it."""
    return any(known_word(folded, lang) for lang in get_args(Lang))


def _written_lower(word: str, text: str) -> bool:
    """Whether `text` writes `word` with a lower-case first letter, as a whole word (no word
    character nor hyphen either side). Found by str.find, each place then checked: a regular
    expression opening with a lookbehind tried every offset of a 5.6 MB document (0.05 s a word;
    benchmarks/role_holders_cost.py)."""
    lower = word[0].lower() + word[1:]
    at = text.find(lower)
    while at >= 0:
        end = at + len(lower)
        if not (_joins(text[at - 1 : at]) or _joins(text[end : end + 1])):
            return True
        at = text.find(lower, at + 1)
    return False


def _joins(character: str) -> bool:
    """Whether `character` (one, or none at the text's ends) joins a word: `\\w` or a hyphen."""
    return character.isalnum() or character in ("_", "-")


def unnamed_role(question: str, quoted: Sequence[tuple[str, str]]) -> str | None:
    """The role as `question` writes it (asked by a verb: as the data shows it) when it asks
    who holds one and no quote of `quoted` (each with its document's text) names anyone;
    else None."""
    role = asked_role(question)
    holding = None if role is not None else asked_holding(question)
    if role is None and holding is None:
        return None
    asked = [fold(word) for word in _WORD.findall(question)]
    if any(names_someone(quote, text, asked) for quote, text in quoted):
        return None
    if holding is not None and any(_writes_holding(quote, holding) for quote, _ in quoted):
        return None  # "L'association … gère trois jardins": who manages is the association
    return holding.shown if holding is not None else _as_written(role or "", question)


def _writes_holding(quote: str, holding: Holding) -> bool:
    """Whether `quote` writes a verb of holding the role asked, in any of the data's forms
    ("gère", "présidé"; not the role's noun, "un président", which statutes define, nor a form
    that is also that noun after a determiner, "a chair", "un pilote"): it says
    who holds the role, perhaps a body written in lower case ("l'association", "la mairie")."""
    words = _WORD.findall(fold(quote))
    determiners = _roles().determiners
    return any(
        word in holding.verbs
        and not (word in holding.roles and place and words[place - 1] in determiners)
        for place, word in enumerate(words)
    )


def _as_written(role: str, question: str) -> str:
    """`role` (folded) as `question` writes it, accents kept; folded when not found."""
    words = _WORD.findall(question)
    size = len(role.split())
    for start in range(len(words) - size + 1):
        run = words[start : start + size]
        if " ".join(fold(word) for word in run) == role:
            return " ".join(run)
    return role
