"""Which thing a question says a named member belongs to, and whether the passages read ever
write the two together.

"What does the max_help_position parameter of argparse.ArgumentParser do?" names a member
(`max_help_position`) and its owner (`argparse.ArgumentParser`). When the corpus writes both,
but never in one place, the question is a near miss (the parameter is HelpFormatter's): the
closest sentence answered it at .87 in the session-15 trial, and so did "color_output of
ArgumentParser", "the months argument of datetime.timedelta" (.82). `pairings` reads the pairs a
question names; `apart_in` the pair no place writes together (answering: a reason to abstain): a
place is a document, or in a one-file API reference (a Markdown file whose sibling headings name
different classes) the text before its first heading and the sections whose headings name the
owner (`owner_sections`).

A member is an option or an underscored name (identifiers.asked_about), or a plain word a
member noun names ("the months argument", "le paramètre verbose"); its owner is a name only code
writes (a dotted name, a CamelCase class name, a call `dumps()`) that the question joins to it:
"X of Y", "X de Y", "Y's X", `Y(X=...)`. A plain-word member is paired only with an owner
code marks (dotted, called, between backticks): brands are CamelCase too ("the privacy
setting for WhatsApp", "le champ magnétique de l'iPhone"). The phrase words (member nouns,
links, determiners, qualifiers that are no name) are the language data's; the shapes are
code's, alike in English and French, so they are written here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from citeqa.glossary import fold, language_words
from citeqa.headingpath import MarkdownHeading, kept_headings
from citeqa.identifiers import (
    POSSESSIVE,
    WORD_EDGES,
    backticked,
    code_text,
    is_identifier,
    spellings,
    whole_name,
)
from citeqa.lexical import stopwords

_ELISION = re.compile(r"^([^\W\d_]{1,2})['’](.+)$")
"""A French elided word before a name ("d'ArgumentParser", "l'option"): the link or
determiner, then the word."""
_CALL = re.compile(r"^([^\W\d][\w.]*)\((\w+)\s*=")
"""A call naming a keyword (`ArgumentParser(max_help_position=30)`): its owner and member."""
_CAMEL = re.compile(r"^_*[^\W\d_][^\W_]*[a-z][^\W_]*$")
"""A name of letters and digits holding a lowercase letter (`_is_owner` asks a capital after
its first letter too: `ArgumentParser`, `LGBMClassifier`)."""
_MODULE_CLASS = re.compile(r"^[^\W\d_]\w+\.[^\W\d_]\w+$")
"""A module and a class (`click.Option`, `enum.Enum`), parts of two characters or more."""
_NAME = re.compile(r"^[^\W\d]\w*$")
"""A name a call is typed with (`dumps()`, `dump_json()`)."""
_PLAIN = re.compile(r"^[^\W\d_][^\W_]*$")
"""A word of letters and digits, starting with a letter."""
_RUNS = re.compile(r"[^\W_]+")
"""A run of letters and digits."""
_OPTION_OR_SNAKE = re.compile(r"^--|[^\W_]_+[^\W_]")
"""An option or an underscore between letters: the identifiers that name what is asked
(identifiers.asked_about), not a dotted name."""


@dataclass(frozen=True)
class Pairing:
    """A member the question names (as typed) and the owner it names it of (as typed)."""

    member: str
    owner: str


@dataclass(frozen=True)
class _Word:
    text: str
    """The word without edge punctuation, a possessive nor an elision."""
    folded: str
    possessive: bool = False
    call: bool = False
    """Typed as a call: `dumps()`."""
    backticked: bool = False
    """Typed between backticks: `ArgumentParser`."""
    keyword: Pairing | None = None
    """The keyword and its owner a call names (`ArgumentParser(max_help_position=30)`)."""


def pairings(question: str) -> list[Pairing]:
    """The (member, owner) pairs the question names, each once, in order: those its words
    join, then those its calls name by keyword."""
    words = _words(question)
    found: dict[Pairing, None] = {}
    keywords: list[Pairing] = []
    for at, word in enumerate(words):
        if word.keyword is not None:
            keywords.append(word.keyword)
        if word.call and "=" in word.text:
            continue
        if _is_member(words, at):
            owner = _owner_after(words, at) or _owner_before(words, at)
            if owner is not None and (_names_code(word) or _code_marked(owner)):
                found[Pairing(word.text, owner.text)] = None
    found.update(dict.fromkeys(keywords))
    return list(found)


def _words(question: str) -> list[_Word]:
    """The question's words, an elided word ("d'", "l'") apart from the word it precedes."""
    words: list[_Word] = []
    for raw in question.split():
        called = _CALL.match(raw.strip(WORD_EDGES))
        if called:
            keyword = Pairing(called.group(2), called.group(1))
            words.append(_Word(raw, "", call=True, keyword=keyword))
            continue
        call = raw.strip(WORD_EDGES.replace("()", "")).endswith("()")
        core = raw.strip(WORD_EDGES)
        elided = _ELISION.match(core)
        if elided:
            words.append(_Word(elided.group(1), fold(elided.group(1))))
            core = elided.group(2)
        possessive = bool(POSSESSIVE.search(core))
        core = POSSESSIVE.sub("", core).strip(WORD_EDGES)
        if core:
            words.append(_Word(core, fold(core), possessive, call, backticked(raw)))
    return words


def _is_member(words: list[_Word], at: int) -> bool:
    """Whether the word at `at` names a member: an option or an underscored name, or a plain
    word a member noun names right after it ("the months argument") or right before it when a
    determiner or a possessive opens the noun ("le paramètre verbose", "l'option prog"; after
    "Which parameter" the word is a verb: "Which parameter changed in TensorFlow 2?"), that is
    no function word nor a qualifier ("the first argument")."""
    word = words[at]
    if _names_code(word):
        return True
    if not _PLAIN.match(word.text) or word.possessive or not word.text.islower():
        return False
    if word.folded in _not_names():
        return False
    nouns = language_words("member_nouns")
    after = at + 1 < len(words) and words[at + 1].folded in nouns
    before = at > 1 and words[at - 1].folded in nouns and not words[at - 1].possessive
    opened = before and (
        words[at - 2].folded in language_words("owner_determiners") or words[at - 2].possessive
    )
    return after or opened


def _names_code(word: _Word) -> bool:
    """Whether a word is an option or an underscored name (no plain word)."""
    return bool(_OPTION_OR_SNAKE.search(word.text)) and is_identifier(word.text)


def _code_marked(owner: _Word) -> bool:
    """Whether an owner is marked as code, not only CamelCase like a brand ("WordPress",
    "PayPal", "iPhone"): dotted, typed as a call or between backticks. A plain-word member is
    paired only with such an owner ("the months argument of datetime.timedelta", not "the
    privacy setting for WhatsApp")."""
    return "." in owner.text or owner.call or owner.backticked or _names_code(owner)


@cache
def _not_names() -> frozenset[str]:
    """Words that never name a member: function words, interrogatives, qualifiers and the
    phrase words themselves (built once: the lists are read once too)."""
    return (
        stopwords()
        | language_words("interrogatives")
        | language_words("member_qualifiers")
        | language_words("member_nouns")
        | language_words("owner_links")
        | language_words("owner_determiners")
    )


def _owner_after(words: list[_Word], at: int) -> _Word | None:
    """The owner the member at `at` is said to be of: after it (and its member noun), a link
    ("of", "de", "d'"), determiners, at most one possessive qualifier ("scikit-learn's"), then a
    name only code writes. A possessive is never the owner: what it qualifies is ("of
    McKinsey's report" names none)."""
    nouns, links = language_words("member_nouns"), language_words("owner_links")
    next_at = at + 1
    if next_at < len(words) and words[next_at].folded in nouns:
        next_at += 1
    if next_at >= len(words) or words[next_at].folded not in links:
        return None
    next_at += 1
    determined = False
    while next_at < len(words) and words[next_at].folded in language_words("owner_determiners"):
        next_at, determined = next_at + 1, True
    if next_at < len(words) and words[next_at].possessive:
        next_at += 1  # "of scikit-learn's RandomForestClassifier"
    if next_at >= len(words) or not _is_owner(words[next_at]):
        return None
    if determined and "." not in words[next_at].text and _before_a_noun(words, next_at):
        return None  # "of the LightGBM classifier": a library's name, no class's
    return words[next_at]


def _before_a_noun(words: list[_Word], at: int) -> bool:
    """Whether a plain lowercase word that is no function word follows the word at `at`."""
    after = at + 1
    if after >= len(words):
        return False
    word = words[after]
    return word.text.islower() and bool(_PLAIN.match(word.text)) and word.folded not in stopwords()


def _owner_before(words: list[_Word], at: int) -> _Word | None:
    """The owner written with a possessive right before the member ("BaseModel's model_freeze"),
    or before its member noun ("BaseModel's method model_dump")."""
    before = at - 1
    if before >= 0 and words[before].folded in language_words("member_nouns"):
        before -= 1
    if before >= 0 and words[before].possessive and _is_owner(words[before]):
        return words[before]
    return None


def _is_owner(word: _Word) -> bool:
    """Whether a word is a name only code writes: a dotted name (identifiers.is_identifier, or a
    module and a class, `click.Option`, which identifiers reads as two sentences), a CamelCase
    name (`ArgumentParser`, `LGBMClassifier`, `timedelta` is not), or one typed as a call
    (`dumps()`) or between backticks (`Trainer`, `Class7`), or an underscored name
    (`read_logger`: "the retries parameter of read_logger", s22 trial). A capitalised name
    ending in a digit with one capital alone ("Jinja2", "Python3", "Office365", "Class7") is
    an owner only so marked: the s15 trial's and k1's questions paired 8 such names, all
    "Jinja2", a library, once in place of the class ("of a Jinja2 Environment"), none a class
    (review of s17-hostfix)."""
    text = word.text.removesuffix("()")
    if "." in text:  # `click.Option` too: after "of", no two sentences joined ("days.Really")
        return is_identifier(text) or bool(_MODULE_CLASS.match(text))
    if word.call or word.backticked:
        return bool(_NAME.match(text))
    if _names_code(word) and not text.startswith("-"):
        return True  # an underscored name, a function's: "of read_logger" (s22 trial)
    return bool(_CAMEL.match(text)) and any(c.isupper() for c in text[1:])


def apart_in(
    found: list[Pairing], texts: list[tuple[str, ...]], markdown: Sequence[bool] = ()
) -> Pairing | None:
    """The first pairing whose owner `texts` write but none writes with its member (a member in
    any case and in any of its spellings, identifiers.spellings; an owner by its last dotted
    part, as typed: `ArgumentParser` for `argparse.ArgumentParser`), or None. A text comes in
    its parts (a document's title and text), read joined by a line break, and normalised once
    whatever the pairings holding it (`_holding`); of a Markdown file (`markdown[number]`) that
    is a one-file reference, only the owner's sections and what precedes the first heading are
    the owner's (`_owners_part`). Whether the corpus writes the member elsewhere is the
    caller's to tell."""
    normalised: dict[int, str] = {}
    for pairing in found:
        member = [whole_name(form, any_case=True) for form in spellings(pairing.member)]
        name = pairing.owner.removesuffix("()").rsplit(".", 1)[-1]
        owner = whole_name(name)
        owning = [
            _owners_part(texts[number], owner, text)
            if number < len(markdown) and markdown[number]
            else text
            for number, text in _holding(texts, name, normalised)
            if owner.search(text)
        ]
        if owning and not any(pattern.search(text) for pattern in member for text in owning):
            return pairing
    return None


def _owners_part(parts: tuple[str, ...], owner: re.Pattern[str], whole: str) -> str:
    """What of a Markdown text holding the owner is the owner's: in a one-file reference, what
    precedes its first heading and the sections its headings naming the owner open
    (`owner_sections`: "## HelpFormatter" beside "## ArgumentParser", whose section never
    writes max_help_position), as code writes them; else the `whole` text (normalised): a
    subclass's page naming its base in a passage (s16 measured a passage scope abstain there),
    a class's own page whose "## Parameters" section lists the member (review of s17-hostfix)."""
    sections = [s for part in parts for s in owner_sections(part, owner)]
    return code_text("\n".join(sections)) if sections else whole


def _holding(
    texts: list[tuple[str, ...]], name: str, normalised: dict[int, str]
) -> list[tuple[int, str]]:
    """(number, text) of the texts one of whose parts holds the longest run of letters and digits of
    `name`, joined and as code writes them (identifiers.code_text): only those can write it, as
    code_text changes no such run (it drops the backslash before a '_' or '-', turns a dash into
    '-', joins a line split after one) and a run holds no line break, so a whole document is
    joined and normalised only when it may be the owner's (s15 trial's pages, 5 KB to 1 MB, were
    each normalised per pairing before). `normalised` keeps each text's form by its number, for
    the next pairing holding it."""
    run = max(_RUNS.findall(name), key=len, default=name)
    held = []
    for number, parts in enumerate(texts):
        if any(run in part for part in parts):
            if number not in normalised:
                normalised[number] = code_text("\n".join(parts))
            held.append((number, normalised[number]))
    return held


def owner_sections(text: str, owner: re.Pattern[str]) -> list[str]:
    """The owner's part of a Markdown `text` that is a one-file reference (`_reference_levels`):
    what precedes its first heading, then each section under a heading naming the owner, down to
    the next heading of its level or above (its subsections kept: a class's "### Parameters");
    [] when no heading names it, or when the text is no such reference (a page on one class, its
    sections "Parameters", "Subclassing ArgumentParser": the whole page is the class's)."""
    if "#" not in text:
        return []
    headings = kept_headings(text)
    naming = [at for at, heading in enumerate(headings) if owner.search(heading.title)]
    levels = _reference_levels(headings)
    if not any(headings[at].level in levels for at in naming):
        return []
    sections = [text[: headings[0].start]]
    for at in naming:
        start, level, _ = headings[at]
        after = (h.start for h in headings[at + 1 :] if h.level <= level)
        sections.append(text[start : next(after, len(text))])
    return sections


def _reference_levels(headings: tuple[MarkdownHeading, ...]) -> frozenset[int]:
    """The heading levels at which two headings name different code names (`_is_owner`:
    "## ArgumentParser", "## HelpFormatter"): those of a one-file reference, whose sections are
    each a class's. "## Parameters" names none; "## Subclassing ArgumentParser" the same one as
    "## ArgumentParser"."""
    named: dict[int, set[frozenset[str]]] = {}
    for heading in headings:
        names = frozenset(word.text for word in _words(heading.title) if _is_owner(word))
        if names:
            named.setdefault(heading.level, set()).add(names)
    return frozenset(level for level, kinds in named.items() if len(kinds) > 1)
