"""Which of a question's words an abstention's reason may name (abstention.py): its content
words, never the words of its form.

A reason naming the words the documents lack, or the closest passages lack, helps a person
only when those words say what the question is about. Trials named function words and
generic verbs ("Combien coûte la chambre humide à bas coût ?" → "ils ne mentionnent jamais
« bas »"; "… what does it mean?" → "never mention “mean”, “used”"; "Which cultivar did the
drone study use?" → "never mention “use”") and misspelt ones ("Wat is teh defualt timout" →
"never mention “Wat”, “teh”"). Nor is a word of a phrase the question asks by
(reason_words.json `question_phrases` and `event_phrases`: the "temps" of "Combien de temps
… ?", not of "Quel temps fera-t-il ?": `asking_words`). A word is named when some piece of
it (split at hyphens and apostrophes: "fera-t-il" is "fera", "t", "il"; "l'antivol" holds
"antivol") is none of:
- a single letter;
- a stopword as search reads it (lexical.is_stopword: "these" and "mais" are, "thèse" and
  "maïs" are not), an interrogative, or a function or frame word of the question's language
  (citeqa/data/language.json: a French function word, "car", "son", may be an English content
  word; "Que veut dire le code 21 ?" does not mention "dire");
- a generic word of the question's language (citeqa/data/reason_words.json: "mean", "use",
  "name", "low"; "fait", "utilise", "nom", "bas", "habite", "émis");
- a word the question's language asks by (reason_words.json `question_form_words`: the modal
  verbs "dois" of "dois-je", "faut" of "faut-il", "must"; "jusqu" of "jusqu'à");
- a number mark (language.json `number_marks`: "numéro", "number", "n°"), by which a question
  names the kind of value it asks ("Quel est le numéro SIRET ?": s31 trial, "ils ne
  mentionnent jamais « numéro »" of a folder writing "SIRET" and "N°" in 13 files);
- a common function word of the question's language misspelt (reason_words.json
  `misspelt_function_words`: "what", "the", "quelle"; per language, since "mots" is "most"
  swapped): its first letter kept and one letter dropped ("wat" for "what") or two
  neighbouring letters swapped ("teh" for "the"). Substitutions are not read so ("cat" is no
  misspelt "can"). A word is read so only when the corpus never uses it (`unused`: a corpus
  writing "dose" holds no typo of "does") and it is none of the words of the language such a
  typo also gives (`real_words`: "man" is no misspelt "many", "pur" no misspelt "pour"; the
  review of s19-reasons found "What is the maximum dose?" no longer told the documents never
  mention "dose"). "does" and "into" are no typo sources: "dose", "doe", "int".
Hand-written: no list installed fits (scikit-learn's English stop words hold content words
such as "fire", "bill" and "system", and no French), and no word list of either language is
installed (the spelling hints read the corpus's own words): `real_words` lists, by hand, the
words of the language among every typo of the function words above.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import Any

from citeqa.glossary import fold, language_words
from citeqa.jsonfiles import data_json
from citeqa.lexical import is_stopword
from citeqa.models import Lang
from citeqa.one_edit import one_edit_apart

_PIECES = re.compile(r"[-\u2010\u2011'’]+")
_PHRASE_WORDS = re.compile(r"\w+")
"""A word of a question, matched against the phrases it may ask by."""
MISSPELT_MIN_LETTERS = 3
"""A function word shorter than this is never read as misspelt ("ot" may be anything)."""


def nameable(word: str, lang: Lang, *, unused: bool = False) -> bool:
    """Whether a reason in `lang` may name the question's `word` (as typed): some piece of it is a
    content word (see the module docstring). Only a word the corpus never uses (`unused`) may be
    a misspelt function word."""
    return any(_content(piece, lang, unused) for piece in _PIECES.split(word) if piece)


def nameable_words(words: list[str], lang: Lang) -> list[str]:
    """The `words` the corpus never uses (`QuestionTerms.absent`, `new_unused`) a reason in
    `lang` may name (`nameable`), in order."""
    return [word for word in words if nameable(word, lang, unused=True)]


_QUESTION_WORDS = re.compile(r"[^\W\d_]+(?:[-\u2010\u2011'’][^\W\d_]+)*")
"""A question's word of letters (pieces joined by hyphens or apostrophes kept together)."""


def content_pieces(question: str, lang: Lang) -> list[str]:
    """The pieces of `question`'s words (split at hyphens and apostrophes: "client's" gives
    "client", "d'urgence" "urgence"), as typed, that are content words of `lang` (`nameable`),
    none of a phrase it asks by (`asking_words`: the "long" of "How long…", the "time" of "What
    time…"), in order, once each: what a passage answering it must write
    (translated_answer.unwritten_words)."""
    asked = asking_words(question, lang)
    pieces = [
        piece
        for word in _QUESTION_WORDS.findall(question)
        if fold(word) not in asked
        for piece in _PIECES.split(word)
        if piece and fold(piece) not in asked and _content(piece, lang, False)
    ]
    return list(dict.fromkeys(pieces))


def _content(typed: str, lang: Lang, unused: bool) -> bool:
    """Whether a piece of a word (as typed) is a content word of `lang`: a stopword only as
    search reads it (lexical.is_stopword: "thèse" and "maïs" are none, "these" and "mais" are)."""
    piece = fold(typed)
    if len(piece) == 1 and not piece.isdigit():
        return False
    if is_stopword(typed) or piece in _form_words(lang) or piece in generic_words(lang):
        return False
    if piece in question_form_words(lang):
        return False
    if not unused or piece in _reason_words("real_words", lang):
        return True
    return not _misspelt_function_word(piece, lang)


def _misspelt_function_word(piece: str, lang: Lang) -> bool:
    """Whether `piece` is a function word of `lang` with one letter dropped or two neighbouring
    letters swapped, its first letter kept (see the module docstring)."""
    for word in _reason_words("misspelt_function_words", lang):
        if len(word) < MISSPELT_MIN_LETTERS or word[0] != piece[0]:
            continue
        dropped = len(word) == len(piece) + 1
        swapped = len(word) == len(piece) and sorted(word) == sorted(piece)
        if (dropped or swapped) and one_edit_apart(piece, word):
            return True
    return False


@cache
def _form_words(lang: Lang) -> frozenset[str]:
    """The folded interrogatives (both languages) and the function words and frame words
    ("paper", "says"; "dire", "selon") of `lang` (language.json); the stopwords are read as
    search reads them (`_content`)."""
    return (
        language_words("interrogatives")
        | language_words("function_words", lang)
        | language_words("frame_words", lang)
        | language_words("number_marks")
    )


def asked_by(word: str, question: str, lang: Lang) -> bool:
    """Whether the question's `word` (as typed) is one of a phrase `question` asks by in `lang`
    (`asking_words`: the "temps" of "Combien de temps … ?"), none a reason names."""
    return fold(word) in asking_words(question, lang)


ASKED_KEPT = 256
"""How many questions' `asking_words` are kept: a reason reads them up to four times a
question (abstention.py)."""


@lru_cache(maxsize=ASKED_KEPT)
def asking_words(question: str, lang: Lang) -> frozenset[str]:
    """The folded words of the phrases `question` asks by in `lang` (reason_words.json
    `question_phrases`: "combien de temps", "where does * live"), each phrase matched whole,
    words apart, its "*" any GAP_WORDS words at most; a word joined by hyphens both whole and
    in its pieces ("reste-t-il": the question's word as typed, and "reste"); kept for the last
    ASKED_KEPT questions. An event's phrases (`event_phrases`: "a lieu", "take place") are
    phrases it asks by too."""
    asked = _phrase_words(question, lang, "question_phrases")
    asked |= consequence_words(question, lang)
    return asked | _phrase_words(question, lang, "event_phrases")


def consequence_words(question: str, lang: Lang) -> frozenset[str]:
    """The folded words of the phrases by which `question` asks in `lang` what follows from a
    case (reason_words.json `consequence_phrases`: "what happens", "que se passe-t-il"),
    matched as `asking_words` matches its phrases: no terms of the question (questions.analyse),
    whose case's words are."""
    return _phrase_words(question, lang, "consequence_phrases")


@cache
def event_phrases() -> frozenset[str]:
    """The folded phrases of every language by which a question asks when or whether an event
    takes place (reason_words.json `event_phrases`: "a lieu", "take place"), whose words name
    no field line either (field_lines.py)."""
    listed = _reason_data()["event_phrases"].values()
    return frozenset(fold(phrase) for phrases in listed for phrase in phrases)


def frame_phrases(question: str, lang: Lang) -> tuple[frozenset[str], ...]:
    """The folded words of each phrase that only frames `question` in `lang` (reason_words.json
    `frame_phrases`: "à quoi sert", "que veut dire"), matched as `asking_words` matches its
    phrases, one set a phrase: questions.analyse leaves a phrase's words out of the question's
    terms when the corpus uses none of them."""
    return tuple(_words_of_phrases(question, lang, "frame_phrases"))


def _phrase_words(question: str, lang: Lang, name: str) -> frozenset[str]:
    """The folded words of the phrases of list `name` of `lang` that `question` writes."""
    return frozenset().union(*_words_of_phrases(question, lang, name))


def _words_of_phrases(question: str, lang: Lang, name: str) -> Iterator[frozenset[str]]:
    """The folded words of each phrase of list `name` of `lang` that `question` writes."""
    folded = " ".join(_PHRASE_WORDS.findall(fold(question)))
    for phrase in _reason_data().get(name, {}).get(lang, []):
        if re.search(_phrase_pattern(fold(phrase)), folded):
            words = {*fold(phrase).split(), *_PHRASE_WORDS.findall(fold(phrase))}
            yield frozenset(words - {"*", "?"})


GAP_WORDS = 4
"""The words a phrase's "*" stands for at most ("where does * live": "where does Louise
Martin live")."""


def _phrase_pattern(phrase: str) -> str:
    """The pattern of a folded `phrase` in a question's folded words joined by single spaces;
    a phrase ending with "?" ends the question ("where does * live ?": not "Where does the live
    recording start?")."""
    gap = rf"\w+(?: \w+){{0,{GAP_WORDS - 1}}}"
    words = [gap if word == "*" else re.escape(word) for word in re.findall(r"\*|\w+", phrase)]
    end = "$" if phrase.rstrip().endswith("?") else r"(?!\w)"
    return rf"(?<!\w){' '.join(words)}{end}"


def holds_question_form(word: str, lang: Lang) -> bool:
    """Whether a piece of the question's `word` (split at hyphens and apostrophes, as `nameable`
    splits it: "dois-je", "jusqu'à") is a word `lang` asks by (`question_form_words`)."""
    return any(fold(piece) in question_form_words(lang) for piece in _PIECES.split(word))


@cache
def question_form_words(lang: Lang) -> frozenset[str]:
    """The folded words `lang` asks by beyond the stopwords and interrogatives (reason_words.json
    `question_form_words`: its modal verbs, "dois", "faut", "must", and "jusqu" of "jusqu'à"),
    which a reason never names."""
    return _form_list(lang, "asking") | modal_verbs(lang)


def modal_verbs(lang: Lang) -> frozenset[str]:
    """The folded modal verbs of `lang` (reason_words.json `question_form_words`: "dois",
    "peut", "faut"; "must", "shall"), none spelt alike by a word of the other language."""
    return _form_list(lang, "modal")


@cache
def _form_list(lang: Lang, kind: str) -> frozenset[str]:
    """The folded words of `lang`'s list `kind` in reason_words.json `question_form_words`."""
    forms: Any = _reason_data()["question_form_words"]  # per language, a list per kind
    return frozenset(fold(word) for word in forms.get(lang, {}).get(kind, []))


def generic_words(lang: Lang) -> frozenset[str]:
    """The folded generic words of `lang` (citeqa/data/reason_words.json)."""
    return _reason_words("generic_words", lang)


@cache
def _reason_words(name: str, lang: Lang) -> frozenset[str]:
    """The folded words of `lang` in citeqa/data/reason_words.json's list `name`."""
    return frozenset(fold(word) for word in _reason_data()[name].get(lang, []))


@cache
def _reason_data() -> dict[str, dict[str, list[str]]]:
    """citeqa/data/reason_words.json, read and parsed once, when first asked for."""
    data: dict[str, dict[str, list[str]]] = data_json("reason_words.json")
    return data
