"""Whether the quotes answering a follow-up that asks only a kind of value of the subject at
hand ("what is her email address?" after "Who is the designated safeguarding lead?") write a
value of that kind.

Such a follow-up is read with its carried subject (abstention._only_value_kinds), and the
answer layer then quoted the subject's passage whatever it wrote (session 23, review C): a
phone number for an e-mail address, a sentence with no number for a phone number. Each kind
(data value_kinds.json: "phone", "fax", "email", "address"…) names the shape a quote must
write; a word qualifying another kind's ("address" in "email address", "number" in "phone
number") asks nothing of its own. No I/O but the data file, read once.

A question on its own asking a kind as its object ("Quel est le numéro de téléphone de Nadia
Benali ?", "What is Oliver's email address?": `asked_value_kinds`, a determiner or a genitive
right before the kind's words) is held to the same shapes (s30: the s29 trial quoted her row
of the minutes' vote count, "| Présidente | Nadia Benali | 54 |"). Only a question asking
WHAT the value is asks it: an opener ("what", "quel", "give") and the determined kind's words
as its complement; a how-to or yes-no question ("How do I change my email address?") asks
none, nor a kind's word qualifying a noun written after it ("the phone survey", "l'extension
de garantie"). A kind's word after no determiner asks nothing checked: a verb ("à quel public
s'adresse", "can labels address"), a noun's qualifier ("via phone interviews", "the printer's
IP address", "What address does bind_address use"). The phrase is named whole, its qualifiers
written after it included ("adresse postale").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache, lru_cache
from typing import Any, NamedTuple

from citeqa.glossary import fold
from citeqa.jsonfiles import data_json
from citeqa.lexical import content_words, query_tokens, stopwords
from citeqa.recently_used import QUESTIONS_READ

__all__ = [
    "asked_kind_phrase",
    "asked_owner",
    "asked_value_kinds",
    "heads_owner",
    "holds_asked_kind",
    "kind_words",
    "named_kinds",
    "owner_value_line",
    "owner_words",
    "unnamed_kind_words",
    "unwritten_asked_kind",
    "unwritten_kind",
    "valued_words",
    "writes_asked_value",
]


class _Shape(NamedTuple):
    """A kind's shape (value_kinds.json): its pattern, the values of other kinds it would take
    ('unlike_kinds', 'unlike'), blanked before it is searched, and the check its value must
    pass ('check'). `cued`: the pattern right after one of the kind's own words (`_cued`),
    which 'unlike' blanks nothing of."""

    pattern: re.Pattern[str]
    unlike: re.Pattern[str] | None
    check: Callable[[str], bool] | None
    cued: re.Pattern[str] | None = None

    def search(self, quote: str) -> bool:
        """Whether `quote` writes a value of this shape."""
        if self.cued is not None and any(
            self.check is None or self.check(match.group(_VALUE))
            for match in self.cued.finditer(fold(quote))
        ):
            return True
        text = self.unlike.sub(" ", quote) if self.unlike else quote
        found = self.pattern.finditer(text)
        return any(self.check is None or self.check(match.group()) for match in found)


_VALUE = "value"
"""The group of a cued shape's match holding the value."""
_CUE_LINKS = 2
"""How many of a kind's 'cue_links' words may stand between its word and its value ("phone
number is 612 345 678"), with a colon ("Téléphone : 612 345 678") and spaces: no other word,
so "The mobile app was released on 2024-05-01." writes no phone number."""
_ABBREVIATION = 3
"""The longest of a kind's words read with a dot after it ("tel."): a longer one's dot ends
its sentence ("No phone. 612 345 678 is the SIREN")."""


def _cued(kind: dict[str, Any]) -> re.Pattern[str] | None:
    """A kind's shape right after one of its own words in a folded quote, for a kind whose
    'unlike' blanks values of other kinds its shape would take: "phone number is 612 345 678"
    (a Spanish or Portuguese number) or "tel. 12-03-1990" is a phone number, though a SIREN or
    a date has that shape where no such word precedes it (s32 hostile F5). Between the word
    and the value stand only the kind's 'cue_links' ("number", "is"), a colon and spaces."""
    if not kind.get("unlike"):
        return None
    words = sorted(kind["words"], key=len, reverse=True)
    cues = "|".join(
        re.escape(word) + (r"\b\.?" if len(word) <= _ABBREVIATION else r"\b") for word in words
    )
    links = "|".join(re.escape(word) for word in kind.get("cue_links", []))
    gap = rf"(?:\s+(?:{links})(?!\w)){{0,{_CUE_LINKS}}}\s*:?\s*" if links else r"\s*:?\s*"
    return re.compile(rf"\b(?:{cues}){gap}(?P<{_VALUE}>{kind['shape']})")


def _luhn(value: str) -> bool:
    """Whether the digits of `value` pass the Luhn check, as a SIREN's and a SIRET's do.
    Hand-written (eight lines) rather than python-stdnum's fr.siren/siret: that library would
    be a new dependency costing 56 ms at its first import (-X importtime) for this one sum."""
    digits = [int(digit) for digit in re.sub(r"\D", "", value)]
    total = 0
    for place, digit in enumerate(reversed(digits)):
        doubled = digit * 2 if place % 2 else digit
        total += doubled - 9 if doubled > 9 else doubled
    return bool(digits) and total % 10 == 0


_CHECKS: dict[str, Callable[[str], bool]] = {"luhn": _luhn}
"""The checks a kind's 'check' names."""


class _Kind(NamedTuple):
    words: frozenset[str]
    shapes: tuple[_Shape, ...]
    """A quote writing any of these holds a value of the kind."""
    subsumes: frozenset[str]
    value_shows: frozenset[str] = frozenset()
    """The kind's words a value of its shape alone shows a quote speaks of (`valued_words`)."""
    beside_owner: bool = False
    """Whether a line writes a value of the kind beside its owner's name with none of the
    kind's words (`unnamed_kind_words`): a phone number, an e-mail address."""


def _shape(kind: dict[str, Any], raw: dict[str, dict[str, Any]]) -> _Shape:
    """A kind's shape as value_kinds.json writes it, the values it is unlike being those of
    the shapes of its 'unlike_kinds' (of `raw`, every kind), then its own 'unlike'."""
    written = [raw[other]["shape"] for other in kind.get("unlike_kinds", [])]
    written += [kind["unlike"]] if kind.get("unlike") else []
    unlike = re.compile("|".join(written)) if written else None
    check = _CHECKS[kind["check"]] if kind.get("check") else None
    return _Shape(re.compile(kind["shape"]), unlike, check, _cued(kind))


@cache
def _kinds() -> dict[str, _Kind]:
    """The kinds of value_kinds.json by name, a kind of 'any_of' taking the others' shapes."""
    raw = data_json("value_kinds.json")["kinds"]
    shapes = {name: _shape(kind, raw) for name, kind in raw.items() if "shape" in kind}
    return {
        name: _Kind(
            frozenset(kind["words"]),
            tuple(shapes[other] for other in kind.get("any_of", [name])),
            frozenset(kind.get("subsumes", [])),
            frozenset(kind.get("value_shows", [])),
            bool(kind.get("beside_owner", False)),
        )
        for name, kind in raw.items()
    }


def unwritten_kind(words: Sequence[str], quotes: Sequence[str]) -> list[str] | None:
    """The words of `words` (folded, as the question writes them) naming a kind of value that
    none of `quotes` writes, in the question's order; None when the quotes write a value of
    every kind asked, or the words name none."""
    kinds = _kinds()
    asked, qualifying = _asked_kinds(words)
    unheld = [
        name
        for name in asked
        if not any(shape.search(quote) for shape in kinds[name].shapes for quote in quotes)
    ]
    if not unheld:
        return None
    named = set().union(*(kinds[name].words for name in unheld))
    return [word for word in dict.fromkeys(words) if word in named or word in qualifying]


def named_kinds(words: Sequence[str]) -> list[str]:
    """The kinds of value `words` (folded, the question's) name (`_asked_kinds`), read once
    for every line `holds_asked_kind` reads."""
    return _asked_kinds(words)[0]


def holds_asked_kind(asked: Sequence[str], line: str) -> bool:
    """Whether `line` labels itself with a word of a kind of `asked` (`named_kinds` of the
    question's words) ("Portable : 06 …" for a phone) or writes a value of its shape: a record
    holding such a line does not lack the asked field (record_fields.lacking_field); a line
    whose label is made only of other kinds' words ("Fax : 04 …" for a phone) holds none of
    them ("Fixe / Fax", "Adresse électronique" name more than another kind)."""
    kinds = _kinds()
    label = _label_words(line)
    return not _not_of_asked_kinds(asked, line) and any(
        kinds[name].words & label or any(shape.search(line) for shape in kinds[name].shapes)
        for name in asked
    )


def writes_asked_value(asked: Sequence[str], line: str) -> bool:
    """Whether `line` writes a value of the shape of a kind of `asked` (`named_kinds`), its
    label not made only of other kinds' words (`holds_asked_kind`): "Adresse électronique :
    marc@…" writes an e-mail address, "Ordinateur portable : Dell Latitude" no phone number,
    "Fax : 04 …" and an invoice's code "TR-2025-044" (`_CODE`) none (record_fields: the
    asked owner's card line answering)."""
    kinds = _kinds()
    unlabelled = _CODE.sub(" ", line)
    return not _not_of_asked_kinds(asked, line) and any(
        shape.search(unlabelled) for name in asked for shape in kinds[name].shapes
    )


_CODE = re.compile(
    r"(?<![\w@.])[^\W\d_]{1,5}-\d[\w/-]*(?![\w/-]|@|\.\w)"
    r"|\d[\d\s.,]*\s?(?:€|£|\$|EUR\b|USD\b|GBP\b|CHF\b)|(?:€|£|\$)\s?\d[\d\s.,]*"
)
"""A code of a few letters, a hyphen and digits ("TR-2025-044", "DV-2025-017"): an invoice's or
a quote's number, or an amount ("1 238 000,00 €", "$1 250 000"), whose digits take a phone
number's shape (admin set ad112: "Numéro de
facture : TR-2025-044" answered "the phone number of Lindqvist AB"); no part of an e-mail
address ("a-1@example.org")."""


def kind_words(asked: Sequence[str]) -> frozenset[str]:
    """The folded words naming the kinds of `asked` (`named_kinds`) and those qualifying
    them ("number" of "phone number", "adresse" of "adresse courriel")."""
    kinds = _kinds()
    return frozenset(word for name in asked for word in kinds[name].words | kinds[name].subsumes)


def _label_words(line: str) -> set[str]:
    """The folded words of the label of `line` (before its first colon), none without one."""
    return set(_label_sequence(line))


def _label_sequence(line: str) -> list[str]:
    """The folded words of the label of `line` in their order, none without a colon."""
    return re.findall(r"[^\W_]+", fold(line.partition(":")[0])) if ":" in line else []


@cache
def _qualifying_words() -> frozenset[str]:
    """The words qualifying a kind of every kind (their `subsumes`), read once."""
    return frozenset().union(*(kind.subsumes for kind in _kinds().values()))


def _not_of_asked_kinds(asked: Sequence[str], line: str) -> bool:
    """Whether the label of `line` names no value of the `asked` kinds: made only of other
    kinds' words (`_other_kinds_only`), or naming an identifier and no word of an asked kind
    (`_identifier_only`)."""
    sequence = _label_sequence(line)
    return _other_kinds_only(asked, set(sequence)) or _identifier_only(asked, sequence)


def _identifier_only(asked: Sequence[str], label: list[str]) -> bool:
    """Whether a line's `label` (its folded words in order, `_label_sequence`) ends on a word of
    value_kinds.json's "identifier_labels" (`_label_head`: "Employee ID", "Badge", "Passport
    number", "Matricule") and writes no word of an `asked` kind ("Badge / Tél." names a
    phone), every asked kind one of its "kinds" (a phone's); a noun after it names a service
    ("Passport office", "Badge office": s40 hostile H5, refused as a record lacking its
    phone)."""
    kinds = _kinds()
    words, of_kinds = _identifier_labels()
    if not asked or not set(asked) <= of_kinds:
        return False
    asked_words = frozenset().union(*(kinds[name].words for name in asked))
    return _label_head(label) in words and asked_words.isdisjoint(label)


def _label_head(label: list[str]) -> str | None:
    """The last word of a line's `label` (its folded words in order) that is no stopword, single
    letter or word qualifying a kind ("id" of "Employee ID", "passport" of "Passport number",
    "office" of "Passport office"); None when it has none."""
    qualifying = _qualifying_words()
    heads = [
        word
        for word in label
        if len(word) > 1 and word not in stopwords() and word not in qualifying
    ]
    return heads[-1] if heads else None


@cache
def _identifier_labels() -> tuple[frozenset[str], frozenset[str]]:
    """value_kinds.json's "identifier_labels": its words, and the kinds it holds no value of
    (a phone's: a login identifier may well be an e-mail address), read once."""
    labels = data_json("value_kinds.json")["identifier_labels"]
    return frozenset(labels["words"]), frozenset(labels["kinds"])


def _other_kinds_only(asked: Sequence[str], label: set[str]) -> bool:
    """Whether every word of `label` (stopwords, single letters and the words qualifying a
    kind aside) is a word of a kind none of whose shapes is one of the `asked` kinds'
    ("Fax", "N° de fax" for a phone; "Tél/Fax" names a phone too)."""
    kinds = _kinds()
    qualifying = _qualifying_words()
    words = {
        word
        for word in label
        if len(word) > 1 and word not in stopwords() and word not in qualifying
    }
    asked_shapes = {shape for name in asked for shape in kinds[name].shapes}
    of_words = [[kind for kind in kinds.values() if word in kind.words] for word in sorted(words)]
    return bool(words) and all(
        found and not any(set(kind.shapes) & asked_shapes for kind in found) for found in of_words
    )


def _asked_kinds(words: Sequence[str]) -> tuple[list[str], set[str]]:
    """The kinds `words` name, but for a kind whose words only qualify another's ("address" in
    "email address"), and those qualifying words."""
    kinds = _kinds()
    asked = [name for name, kind in kinds.items() if kind.words & set(words)]
    qualifying = {word for name in asked for word in kinds[name].subsumes}
    return [name for name in asked if not kinds[name].words <= qualifying], qualifying


def asked_kind_phrase(question: str) -> str | None:
    """The phrase, as `question` writes it ("phone number"), of the first kind of value it asks
    as its object (qualified phrases included: "the warehouse phone number"); None when it asks
    none (`unwritten_asked_kind` of no quote)."""
    return unwritten_asked_kind(question, ())


def unwritten_asked_kind(question: str, quotes: Sequence[str]) -> str | None:
    """The phrase, as `question` writes it ("numéro de téléphone"), of the first kind of value
    it asks as its object (`asked_value_kinds`) of which none of `quotes` writes a value, of
    any kind the phrase names ("phone extension": a phone number or an extension); None when
    they write one, or none is asked."""
    kinds = _kinds()
    for run in _checked_runs(question):
        asked, _ = _asked_kinds([fold(match.group()) for match in run])
        shapes = [shape for name in asked for shape in kinds[name].shapes]
        if asked and not any(shape.search(quote) for shape in shapes for quote in quotes):
            return question[run[0].start() : run[-1].end()]
    return None


def _checked_runs(question: str) -> list[list[re.Match[str]]]:
    """The runs of kind words `question` asks as its object (`_asked_runs`), and those asked
    after a determiner and words qualifying them ("the warehouse phone number", "the support
    email address") when the run is a phrase of two kind words or more: a kind's lone word
    qualified so may name another thing ("the IP address"), its phrase may not (s52 trial: "What
    is the warehouse phone number?" quoted a table row of household counts)."""
    runs = _asked_runs(question)
    starts = {run[0].start() for run in runs}
    for run in _asked_runs(question, modified=True):
        if run[0].start() not in starts and len(_kind_words_of(run)) >= 2:
            runs.append(run)
    return runs


def _kind_words_of(run: list[re.Match[str]]) -> list[str]:
    """The folded words of a run that are kind words (not joiners nor qualifiers)."""
    words = _asked_as().words
    return [folded for match in run if (folded := fold(match.group())) in words]


@lru_cache(maxsize=QUESTIONS_READ)
def unnamed_kind_words(question: str) -> frozenset[str]:
    """The folded words of each phrase by which `question` asks as its object a kind of value a
    contact line writes beside its owner's name with none of the kind's words (value_kinds.json
    'beside_owner': "phone" and "number" of "What is the photographer's phone number?" of a
    list's "Photographer: Lucas Moreau, +33 6 41 22 58 90"); none for another kind (a postal
    address spans lines under its owner's name: "Mr John Watson\n221 Baker Street")."""
    kinds, words = _kinds(), _asked_as().words
    found: set[str] = set()
    for run in _checked_runs(question):
        folded = [fold(match.group()) for match in run]
        asked, _ = _asked_kinds(folded)
        if asked and all(kinds[name].beside_owner for name in asked):
            found.update(word for word in folded if word in words)
    return frozenset(found)


def owner_value_line(question: str, owner: Sequence[str], text: str) -> bool:
    """Whether `text` writes a value of the kind `question` asks as its object and every word of
    its `owner` (`owner_words`: "office" of "What is the office phone number?"): "Office phone:
    01632 960 123". False for a question naming no owner: another thing's number is no
    answer, nor is any number for "What is the phone number?"."""
    if not owner:
        return False
    written = set(content_words(text))
    return all(word in written for word in owner) and unwritten_asked_kind(question, [text]) is None


def heads_owner(owner: Sequence[str], text: str) -> bool:
    """Whether `text` (a block of lines with its heading and its document's title: answering.
    _headed_text) writes every word of `owner` by one of its forms (lexical.query_tokens:
    "supplier" of a "Suppliers" page's "## Flour" block, for "the flour supplier")."""
    written = set(query_tokens(text))
    return bool(owner) and all(set(query_tokens(word)) & written for word in owner)


def writes_owner_value(question: str, text: str) -> bool:
    """Whether `text` writes a value of the kind `question` asks of a named owner and every word
    of that owner (`asked_owner`, `owner_value_line`): "Office phone: 01632 960 123." for "What
    is the office phone number?"; False for a question asking no kind of value, or one of no
    named owner."""
    return owner_value_line(question, asked_owner(question), text)


def asked_owner(question: str) -> list[str]:
    """The content words of `question` naming the owner of the kind of value it asks as its
    object (`owner_words` of its `asked_kind_phrase`: "photographer" of "What is the
    photographer's phone number?"); [] when it asks none."""
    phrase = asked_kind_phrase(question)
    return [] if phrase is None else owner_words(question, phrase)


def owner_words(question: str, phrase: str) -> list[str]:
    """The content words of `question` but those of the kind's `phrase`."""
    named = set(content_words(phrase))
    return [word for word in content_words(question) if word not in named]


def valued_words(question: str, quotes: Sequence[str]) -> frozenset[str]:
    """The folded words of `question` naming a kind of value it asks as its object (as
    `asked_value_kinds` reads it, words qualifying the kind allowed before it: "the emergency
    phone number") that a value of the kind's shape in one of `quotes` shows the quote speaks
    of (the kind's 'value_shows': "phone", never "mobile" nor "extension"), with the words of
    the same phrase the kind subsumes ("number" of "phone number", "address" of "email
    address"), the phrase's kinds named together (`_asked_kinds`); a hyphenated word with its
    parts ("e-mail", "mail")."""
    kinds = _kinds()
    shown: set[str] = set()
    for run in _asked_runs(question, modified=True):
        words = {fold(match.group()) for match in run}
        for name in _asked_kinds(list(words))[0]:
            showing = kinds[name].value_shows & words
            if showing and _holds_value(kinds[name], quotes):
                shown |= showing | (kinds[name].subsumes & words)
    return frozenset(shown | {part for word in shown for part in word.split("-")})


def _holds_value(kind: _Kind, quotes: Sequence[str]) -> bool:
    """Whether one of `quotes` writes a value of `kind`'s shapes."""
    return any(shape.search(quote) for shape in kind.shapes for quote in quotes)


_TOKEN = re.compile(r"[^\W_]+(?:-[^\W_]+)*|['’]")
"""A question's words ("e-mail" one) and apostrophes, each a token."""


class _AskedAs(NamedTuple):
    openers: frozenset[str]
    between: frozenset[str]
    determiners: frozenset[str]
    elided: frozenset[str]
    joiners: frozenset[str]
    qualifiers: frozenset[str]
    contracted: frozenset[str]
    """Joiners holding a determiner ("du"): the word after them is an owner ("du club")."""
    words: frozenset[str]
    """Every kind's words and the words they subsume ("numero", "address")."""


@cache
def _asked_as() -> _AskedAs:
    """value_kinds.json's 'asked_as' lists, and the words of its kinds."""
    data = data_json("value_kinds.json")
    asked = data["asked_as"]
    words = {word for kind in data["kinds"].values() for word in kind["words"]}
    words |= {word for kind in data["kinds"].values() for word in kind.get("subsumes", [])}
    lists = {name: frozenset(asked[name]) for name in _AskedAs._fields if name != "words"}
    return _AskedAs(**lists, words=frozenset(words))


def asked_value_kinds(question: str) -> list[str]:
    """The folded words of `question` naming a kind of value it asks as its object: a run of
    kind words ("numero de telephone", "email address", "adresse postale" gives "adresse")
    right after a determiner ("le", "her"), an elided one ("l'") or a genitive ("Nadia's")
    that stands right after a word asking what ("Quel est", "What is", "Give me"); [] when
    there is none (see the module docstring)."""
    found: list[str] = []
    for run in _asked_runs(question):
        found.extend(fold(m.group()) for m in run if fold(m.group()) in _asked_as().words)
    return list(dict.fromkeys(found))


_GENITIVE_REACH = 6
"""The most words a genitive's owner spans ("What is the club secretary's email address?")."""


def _asked_runs(question: str, modified: bool = False) -> list[list[re.Match[str]]]:
    """The runs of kind words (joined by `joiners`, followed by `qualifiers`) `question` asks
    as its object, each as the matches of its words (`asked_value_kinds`); `modified`, also
    after a determiner and content words qualifying the kind ("the emergency phone number")."""
    asked = _asked_as()
    tokens = list(_TOKEN.finditer(question))
    folded = [fold(token.group()).replace("’", "'") for token in tokens]
    runs: list[list[re.Match[str]]] = []
    for opener, word in enumerate(folded):
        if word not in asked.openers:
            continue
        first = _object_start(folded, opener + 1, asked, modified)
        if first is None:
            continue
        run, last = _run_from(tokens, folded, first, asked)
        if _asks_the_value(tokens, folded, last + 1, asked):
            runs.append(run)
    return runs


def _object_start(
    folded: list[str], after: int, asked: _AskedAs, modified: bool = False
) -> int | None:
    """Where the kind's words asked as the object start, the opener ending before `after`:
    past `between` words, a determiner, an elided one or a genitive's owner; None when no kind
    word stands there."""
    while after < len(folded) and folded[after] in asked.between:
        after += 1
    if folded[after : after + 2] in (["'", "s"], ["s"]):  # "What's"
        after += 2 if folded[after] == "'" else 1
    for start in range(after, min(after + _GENITIVE_REACH, len(folded))):
        if start > after and folded[start - 1] in asked.openers:
            return None
        before = folded[after:start]
        if folded[start] in asked.words and (
            _determined(before, asked) or (modified and _qualified(before, asked))
        ):
            return start
    return None


def _run_from(
    tokens: list[re.Match[str]], folded: list[str], first: int, asked: _AskedAs
) -> tuple[list[re.Match[str]], int]:
    """The kind words from `first` on, joined by joiners or followed by qualifiers, and the
    index of the last."""
    run, last = [tokens[first]], first
    for following in range(first + 1, len(tokens)):
        if folded[following] in asked.words or folded[following] in asked.qualifiers:
            run.append(tokens[following])
            last = following
        elif folded[following] not in asked.joiners and folded[following] != "'":
            break
    return run, last


def _asks_the_value(
    tokens: list[re.Match[str]], folded: list[str], after: int, asked: _AskedAs
) -> bool:
    """Whether the run ending before `after` is the thing asked, not a qualifier of a noun
    written after it: no content word follows it ("phone survey"), nor a joiner and a
    lower-case content word ("extension de garantie", "d'urgence"; "de Nadia", "d'Anne", "du
    club", "de l'entrepôt" still ask)."""
    if after >= len(tokens):
        return True
    if folded[after] in asked.joiners and after + 1 < len(tokens):
        at = after + 2 if folded[after + 1] == "'" and after + 2 < len(tokens) else after + 1
        owner = tokens[at].group()  # "d'Anne": past the elision's apostrophe
        if folded[after] in asked.contracted or owner[:1].isupper():
            return True
        elided = folded[at] in asked.elided and folded[at + 1 : at + 2] == ["'"]
        return folded[at] in asked.determiners or elided  # "de l'entrepôt" asks too
    return folded[after] in stopwords() or folded[after] == "'"


def _qualified(before: list[str], asked: _AskedAs) -> bool:
    """Whether the tokens `before` a kind's word are a determiner and content words qualifying
    the kind ("the", "emergency"), no stopword nor apostrophe among them ("the time to")."""
    qualifying = before[1:]
    return (
        bool(qualifying)
        and before[0] in asked.determiners
        and all(word != "'" and word not in stopwords() for word in qualifying)
    )


def _determined(before: list[str], asked: _AskedAs) -> bool:
    """Whether the tokens `before` a kind's word (from the opener's end) are one determiner
    ("le"), an elided one ("l", "'") or an English genitive's owner ("nadia", "'", "s")."""
    if before and before[-1] in asked.determiners:
        return len(before) == 1
    if len(before) == 2 and before[1] == "'":
        return before[0] in asked.elided
    return len(before) >= 3 and before[-2:] == ["'", "s"]
