"""Follow-ups: whether a question of a conversation leans on the previous one, and how it is
then read (`is_follow_up`, `in_context`; api.Session), and whether it asks of the previous
question's subject (`refers_back`). The words that open, cue or point back are language data
(citeqa/data/language.json), not code."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache
from itertools import pairwise
from typing import NamedTuple

from citeqa.domain import any_of, language_data
from citeqa.glossary import fold, language_words
from citeqa.identifiers import WORD_EDGES
from citeqa.language import is_table_row, is_table_separator
from citeqa.lexical import content_words, query_tokens
from citeqa.questions import (
    IDENTIFIER,
    frame_words,
    interrogatives,
    looks_like_name,
    question_words,
)
from citeqa.recently_used import QUESTIONS_READ
from citeqa.tables import line_cells

FOLLOW_UP_MAX_WORDS = 12
"""A longer question is never a follow-up."""


@cache
def _openers() -> re.Pattern[str]:
    """A question opening by leaning on the previous one ("And in the other group?", "Et à un
    an ?"): language data `follow_up_openers`, read when first asked for, as every word list
    of this module (glossary.language_words: folded words)."""
    return any_of(language_data().follow_up_openers)


@cache
def _cues() -> re.Pattern[str]:
    """A question asking within the subject at hand ("Were there any deaths?", "Combien en ont
    reçu ?"): language data `follow_up_cues`."""
    return any_of(language_data().follow_up_cues)


@cache
def _no_subject() -> frozenset[str]:
    """Words that name no subject, however rare in a corpus: a question's form, words about the
    documents, measures ("mean", "taux")."""
    return interrogatives() | frame_words() | language_words("measure_words")


_APOSTROPHE = re.compile(r"['’]")
"""What splits an elided word ("l'enzyme", "d’Australie")."""
OWN_SUBJECT_WORDS = 3
"""A question with this many content words names its own subject (unless it points back)."""


def is_follow_up(
    question: str,
    endings: tuple[str, ...] = (),
    *,
    previous: str | None = None,
    specific: Callable[[str], bool] | None = None,
) -> bool:
    """A short question that leans on the previous one ("And at week 52?", "Their mean age?").

    A question opening by leaning back ("And…", "Et…") is one. Otherwise a question that names
    its own subject is a new question: one with a name shaped as such (a drug, a trial,
    COVID-19: `looks_like_name`, `endings` being the domain's name endings); or, without a word
    pointing back (language data `anaphors`: "their", "that", "ces") and unless it asks within
    the subject at hand ("Were there any deaths?"), one with an identifier (`retention_days`),
    a capitalised name ("Australia"), a word `specific` to the corpus (`Vocabulary.specific`:
    a rare one, not a measure such as "mean") that `previous` did not use ("What is the
    default port?" after one on the default max_connections; not "How many patients?" in a
    corpus about patients), or OWN_SUBJECT_WORDS content words. Words without content or a
    question word ("the") lean on nothing: no follow-up, unless they open or point back so.
    """
    words = question_words(question)
    if not words or len(words) > FOLLOW_UP_MAX_WORDS:
        return False
    folded = fold(question.strip())
    if _openers().search(folded):
        return True
    if any(looks_like_name(word, endings) for word in words[1:]):
        return False
    if _points_back(words) or _cues().search(folded):
        return True
    if _names_subject(words, previous, specific):
        return False
    return _short_question(words)


@lru_cache(maxsize=QUESTIONS_READ)
def opens_as_follow_up(question: str) -> bool:
    """Whether `question` opens by leaning on the previous one (`follow_up_openers`: "Et sa
    population ?", "What about its staff?"): the one sign of a follow-up that standalone
    questions do not give by accident, as an unhyphenated inversion ("De qui les Bibans sont
    ils le domaine ?") reads as an anaphor to `refers_back` (clauses.py). Read once a question:
    clauses.py asks it for each over-long sentence it cuts."""
    return bool(_openers().search(fold(question.strip())))


def refers_back(question: str) -> bool:
    """Whether a follow-up `question` asks of the previous question's subject rather than
    naming one of its own: a word points back (`_points_back`: "How much is his share?",
    "that study"), or none of its words names a subject (a question's form, a measure, a
    number: "And how much?", "Et combien en 2024 ?"). "And the weather?" names its own
    ("weather"): the previous question's names are not its subject (across.unvouched_across
    reads them only for a follow-up that refers back)."""
    words = question_words(question)
    return _points_back(words) or not any(
        re.search(r"[^\W\d_]", word) and content_words(word) and fold(word) not in _no_subject()
        for word in words
    )


def _short_question(words: list[str]) -> bool:
    """Fewer than OWN_SUBJECT_WORDS content words, and a question: a content word or a
    question word ("What should I do?"), not a function word alone ("the")."""
    count = len([word for word in words if content_words(word)])
    asks = interrogatives().intersection(map(fold, words))
    return count < OWN_SUBJECT_WORDS and bool(count or asks)


def _points_back(words: list[str]) -> bool:
    """Whether a word, or a part of a hyphenated or elided one ("avaient-ils"), is an anaphor,
    or an object pronoun before its verb (`_object_pronoun`: "Et qui la dirige ?"); a pronoun
    that is the inverted subject of the question's own noun phrase is none, nor is a
    possessive of it (`_own_possessive`), nor a word in capitals in a question that is not
    (`_acronym`: "Who runs IT?", "le CA 2024")."""
    anaphors = language_words("anaphors")
    for at, word in enumerate(words):
        parts = [part for part in re.split(r"[-'’]", word) if not _acronym(part, words)]
        if _inverted_subject(words, at):
            parts = parts[:-1]
        if any(fold(part) in anaphors for part in parts) and not _own_possessive(words, at):
            return True
        if _object_pronoun(words, at):
            return True
    return False


def _acronym(part: str, words: list[str]) -> bool:
    """Whether `part` (of a word of `words`) is written in capitals, two letters at least, in
    a question that is not all in capitals: an acronym ("IT", "CA"), no pronoun."""
    return len(part) > 1 and part.isupper() and not all(word.isupper() for word in words)


def _object_pronoun(words: list[str], at: int) -> bool:
    """Whether `words[at]` opens with an object pronoun (language data `object_pronouns`: "la",
    "les", the elided "l'") right after a word that only a verb or its pronouns follow
    (`object_pronoun_hosts`: "qui", "je", "on", "ne") and before more words: "Et qui la dirige
    ?", "Qui l'a signé ?" point back, "Qui la" alone, "Combien la licence coûte-t-elle ?" (a
    determiner after "combien") do not, nor does a determiner after an inverted verb ("Par
    quelle voie donne-t-on les cellules … ?": an object pronoun stands before its verb), nor
    one of the subject of a verb after it (`_subject_before_inversion`: "Qui la loi
    protège-t-elle ?")."""
    if at == 0 or (at + 1 == len(words) and not _APOSTROPHE.search(words[at])):
        return False
    pronoun = fold(_APOSTROPHE.split(words[at])[0])
    host = fold(_APOSTROPHE.split(words[at - 1])[-1])  # "qu'on": on; "donne-t-on": none
    return (
        pronoun in language_words("object_pronouns")
        and host in language_words("object_pronoun_hosts")
        and not _subject_before_inversion(_elided(words[at:])[1:])
    )


def _subject_before_inversion(after: list[str]) -> bool:
    """Whether the words `after` a "la", "les" or "l'" open with a content word followed, later,
    by a verb with its subject inverted ("loi protège-t-elle", "salariés élisent-ils"): that
    word is the verb's subject and "la" its determiner, when the verb follows it closely (one
    word between at most, no comma: "Et qui la dirige, dit-on ?" points back). Right before the
    inverted verb, the
    pronoun is its object ("Qui l'a-t-il signé ?", "Qui les a-t-elle nommés ?"), and a
    pronoun ("Qui le lui a-t-il dit ?") is no subject."""
    subjects = language_words("inverted_subjects")
    if len(after) < 2 or after[0].endswith(",") or not content_words(after[0]):
        return False
    if fold(after[0]) in language_words("function_words"):
        return False
    for word in after[1:3]:  # the verb right after its subject, one word between at most
        if "-" in word and fold(word.rpartition("-")[2].rstrip(",?")) in subjects:
            return True
        if word.endswith(","):
            return False
    return False


def _own_possessive(words: list[str], at: int) -> bool:
    """Whether `words[at]` is a possessive (language data `possessives`: "leurs") before its
    noun whose possessor is a plural noun phrase said before it in the question ("les acteurs
    ... pour leurs paroles"),
    not right after a genitive, where it is another's ("les effets de leurs traitements");
    "Quels sont leurs effets ?" names none, "la dose ... pour leur traitement" no plural one,
    and "les leurs" (theirs) is a pronoun: all point back."""
    if fold(words[at]) not in language_words("possessives") or at + 1 == len(words) or at == 0:
        return False
    before = fold(_APOSTROPHE.split(words[at - 1])[-1])
    if before in language_words("genitives") or before in language_words("subject_determiners"):
        return False
    pieces = _elided(words[:at])
    return any(
        fold(determiner) in language_words("plural_determiners") and bool(content_words(noun))
        for determiner, noun in pairwise(pieces)
    )


def _inverted_subject(words: list[str], at: int) -> bool:
    """Whether `words[at]` ends with a subject pronoun after its verb ("ont-elles", "a-t-il",
    "s'allièrent elles") that repeats a noun phrase said before it in the question ("les
    cellules ... ont-elles"): then it points back at nothing before the question."""
    verb, _, pronoun = words[at].rpartition("-")
    if verb and fold(pronoun) in language_words("inverted_subjects"):
        return _names_noun_phrase(words[:at])
    if at < 2 or fold(words[at]) not in language_words("inverted_subjects"):
        return False
    verb = words[at - 1]  # "s'allièrent elles": a content word, no preposition ("pour elles")
    is_verb = bool(content_words(verb)) and fold(verb) not in language_words("function_words")
    return is_verb and _names_noun_phrase(words[: at - 1])


def _names_noun_phrase(words: list[str]) -> bool:
    """Whether `words` hold a noun phrase that can be a question's subject: a content word
    after a subject determiner ("les cellules", "l'enzyme"), or a capitalised name after a
    content word ("Quand Pfizer a-t-il…"), not after a preposition, where it is a place ("En
    France", "Au Canada", "d'Australie"); the noun of the interrogative phrase ("Quel âge
    avaient-ils ?") is none, nor is the question's first word."""
    return any(_subject_after(before, word) for before, word in pairwise(_elided(words)))


def _elided(words: list[str]) -> list[str]:
    """The words with each elision split off ("l'enzyme" is "l", "enzyme"), in order."""
    return [piece for word in words for piece in _APOSTROPHE.split(word) if piece]


def _subject_after(before: str, word: str) -> bool:
    """Whether `word`, after `before`, can be a subject (`_names_noun_phrase`): a content word
    after a subject determiner, or a capitalised name after a content word that is no
    function word; after a preposition ("en", "au", "dans", "pour") a name is a place."""
    if fold(before) in language_words("subject_determiners"):
        return bool(content_words(word))
    leads = bool(content_words(before)) and fold(before) not in language_words("function_words")
    return leads and _capitalised(word)


def _names_subject(
    words: list[str], previous: str | None, specific: Callable[[str], bool] | None
) -> bool:
    """Whether the question's words name a subject of their own (`is_follow_up`)."""
    if any(IDENTIFIER.search(word) for word in words) or any(map(_capitalised, words[1:])):
        return True
    if specific is None:
        return False
    before = frozenset(query_tokens(previous or ""))
    return any(
        specific(word) and not before.intersection(query_tokens(word))
        for word in words
        if content_words(word) and fold(word) not in _no_subject()
    )


def _capitalised(word: str) -> bool:
    """A capitalised word ("Australia", "l'Australie"), not one letter ("I")."""
    return any(
        len(part) > 1 and part[0].isupper() and part[1:].islower()
        for part in re.split(r"[-'’]", word)
    )


SUBJECT_NAMES = 3
"""At most this many names of an answer are carried to the next follow-up (`answer_subject`)."""
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def answer_subject(question: str, quote: str) -> str:
    """The names an answer's `quote` gives for `question` that the question does not write,
    for a follow-up to be read with (api.Session): the capitalised words, past its first, of
    the quote's sentence sharing the most content words with the question (`_capitalised`;
    not one opening a label's value, `_OPENS_AFTER`), at most SUBJECT_NAMES. "Which system
    streams order events?" answered "Order events between services are streamed through
    Kafka. Audit logs go through Pulsar." gives "Kafka", so that "how many partitions?" next
    asks of Kafka's, not Pulsar's; "" when the question names them already ("What is the
    Kafka cluster used for?")."""
    asked = set(content_words(question))
    sentences = [part for part in _SENTENCE_END.split(quote) if part.strip()]
    if not sentences:
        return ""
    best = max(sentences, key=lambda sentence: len(asked & set(content_words(sentence))))
    if is_table_row(best):
        return _row_subject(sentences, asked)
    raw = best.split()
    names = [
        word
        for before, typed in pairwise(raw)
        if not before.endswith(_OPENS_AFTER)
        and _capitalised(word := typed.strip(WORD_EDGES))
        and fold(word) not in asked
    ]
    return " ".join(list(dict.fromkeys(names))[:SUBJECT_NAMES])


def _row_subject(lines: list[str], asked: set[str]) -> str:
    """The names of a quoted table row's first cell, its key ("Pulsar" of "| Pulsar | 4 | 2
    |"), when the quote holds one data row (a header, the row over a rule, is none, nor a row of
    empty cells); "" for several, which name no one subject. Every cell follows a "|", which
    `answer_subject`'s sentences read as opening a value: the row gave no subject, and a third
    turn lost it (review D of s27: "and the replication?" after Pulsar's row quoted Kafka's)."""
    rows = [line.strip() for line in lines if is_table_row(line)]  # a CRLF quote's "\r" off
    ruled = [index for index, line in enumerate(rows) if is_table_separator(line)]
    headers = {index - 1 for index in ruled}
    kept = (row for index, row in enumerate(rows) if index not in headers and index not in ruled)
    data = [cells for cells in map(line_cells, kept) if any(cell.strip() for cell in cells)]
    if len(data) != 1:
        return ""
    key = data[0][0]
    names = [
        word
        for typed in key.split()
        if _capitalised(word := typed.strip(WORD_EDGES)) and fold(word) not in asked
    ]
    return " ".join(list(dict.fromkeys(names))[:SUBJECT_NAMES])


_OPENS_AFTER = (":", ";", "|", "—", "–", "-", "(", "•", "*")
"""A word after these opens a label's value or an item ("retention_days: Number of days"), as
after a sentence's end: its capital names nothing."""


ANSWER_SUBJECT_WORDS = 2
"""A follow-up of at most this many content words, none a capitalised name, is read with the last
answer's names (`reads_answer_subject`)."""


def reads_answer_subject(question: str) -> bool:
    """Whether a follow-up asks so little of its own that the last answer's names
    (`answer_subject`) say what it asks of: at most ANSWER_SUBJECT_WORDS content words and no
    capitalised word nor acronym past its first (`_names_something`: "how many partitions?",
    "et la rétention ?", not "and for SSO?"). A longer one
    has a subject of its own: PIAF's standalone questions read as follow-ups mid-session ("À
    qui les Algérois demandent-ils de l'aide … ?", "comment nomme t'on cet environnement")
    changed their answers when they were read with the previous answer's names too."""
    words = question_words(question)
    if any(_names_something(word.strip(WORD_EDGES)) for word in words[1:]):
        return False
    return len(content_words(question)) <= ANSWER_SUBJECT_WORDS


def _names_something(word: str) -> bool:
    """A capitalised word or one typed as a name with letters (`looks_like_name`: "SSO",
    "COVID-19"; not a bare number, "week 12"): a follow-up's own subject."""
    if _capitalised(word):
        return True
    return looks_like_name(word) and any(char.isalpha() for char in word)


def in_context(previous: str, question: str) -> str:
    """The question as retrieval should read it: the previous subject, then the question."""
    return f"{previous} {question}"


class _Name(NamedTuple):
    """A word of a text shaped as a name (`looks_like_name`) without the punctuation around it
    (identifiers.WORD_EDGES), the word before it as typed ("" for none), and where the word
    stands in the text, punctuation included (`start`, `end`)."""

    name: str
    before: str
    start: int
    end: int


def carried(previous: str, question: str) -> str:
    """What a follow-up `question`, read with `previous`, leaves the next question to be read
    with: the two in context (`in_context`), but the latest subject wins: a name the follow-up
    names (`looks_like_name`: "U17", "T3", "week 52") takes the place of the one name it
    succeeds in `previous` (`_successors`): "Qui entraîne les U13 ? Et les U17 ?" carries "Qui
    entraîne les U17 ? Et les U17 ?", so that "Et quand s'entraînent-ils ?" next asks of the
    U17, not of both teams (the s14 user trial quoted the U13's times). `previous` is walked
    once (`_names`), its words rewritten where they stand."""
    names = _names(previous)
    newer = _successors(names, _names(question))
    pieces, done = [], 0
    for at, (name, _, start, end) in enumerate(names):
        successor = newer.get(at)
        if successor is not None:
            pieces += [previous[done:start], previous[start:end].replace(name, successor)]
            done = end
    pieces.append(previous[done:])
    return in_context("".join(pieces), question)


def _successors(previous: list[_Name], question: list[_Name]) -> dict[int, str]:
    """Which of the `previous` text's names (by position) the follow-up's names take the place
    of, each name with the word before it (`_names`). A number alone ("52", "14") succeeds the
    one number after the same word ("week 24" -> "week 52", "le 12 mars" -> "le 14", never "à
    18 h" nor "10 mg/kg"); another name succeeds the one name of its shape (`name_shape`)
    when each text names exactly one ("U13" -> "U17"; "U13 and U15" is left whole). A name
    named twice is one name ("les U17 ? Et les U17 ?", a chain carried before)."""
    successors: dict[int, str] = {}
    their_kinds = [_succession_kind(n.name, n.before) for n in question]
    our_kinds = [_succession_kind(n.name, n.before) for n in previous]
    for kind in set(their_kinds):
        theirs = {
            fold(n.name): n.name
            for n, its in zip(question, their_kinds, strict=True)
            if its == kind
        }
        ours = [at for at, its in enumerate(our_kinds) if its == kind]
        named = {fold(previous[at].name) for at in ours}
        if len(theirs) == 1 and len(named) == 1 and not named.intersection(theirs):
            successors.update(dict.fromkeys(ours, *theirs.values()))
    return successors


def _succession_kind(name: str, before: str) -> tuple[str, str]:
    """What a name succeeds one of: a number alone, the number after the same word (its
    folded word before it); another name, the name of its shape."""
    return ("9", fold(before)) if name.isdigit() else (name_shape(name), "")


def _names(text: str) -> list[_Name]:
    """The words of `text` shaped as names (`looks_like_name`), without their punctuation,
    each with the word before it as typed and its place (`_Name`)."""
    found = []
    before = ""
    for raw in re.finditer(r"\S+", text):  # str.split's words: both split at str.isspace
        word = raw.group().strip(WORD_EDGES)
        if word and looks_like_name(word):
            found.append(_Name(word, before, *raw.span()))
        before = word
    return found


def name_shape(name: str) -> str:
    """The shape of a name, its case folded: each run of letters one "a", each run of digits
    one "9", other characters kept ("U13" and "U17" are "a9", "T2" "a9", "2023-2024" "9-9",
    "COVID-19" "a-9"): names of one shape name things of one kind, one in place of another."""
    return re.sub(r"\d+", "9", re.sub(r"[^\W\d_]+", "a", fold(name)))
