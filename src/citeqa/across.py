"""Whether a question none of whose words the documents use is still close, in meaning, to a
passage in the other language: the multilingual channel's reading across languages.

A follow-up "And how much is the cash float?" after French questions shares none of its new
words with a note on the "fond de caisse", nor "Where is the nanny's number?" any word with a
French list of numbers ("nounou"): lexically the documents never mention them, yet the
multilingual channel (one space for English and French) puts the note first. Such a
question is not refused before the answer models read it (abstention.before_search): they decide,
as for any question. A passage counts when the channel scores it at least MIN_CLOSENESS and above
every passage in the question's own language (an off-topic question, "What is the capital of
Australia?", is about as far from any passage in either language). Only a channel that places
both languages in one space is read (derived_terms.is_multilingual); no word list is involved.

An answer read across languages needs something that vouches for it (`unvouched_across`): when
none of the passages the answer models read is in the question's language, a quote from them
answers only when the channel puts one of them at MIN_CLOSENESS, when one writes every content
word of the question (`writes_every_word`: the passage is in the question's words, whatever
its language's label), or when they write a name or a
day the question writes (`written_names`, `writes_a_day`: a name or a day reads the same in
either language; "Who is responsible
for the user documentation of Lumen?" of French notes on Lumen, whose closest passage the
channel puts at .34 only). Off-topic questions asked in the other language of a corpus in one
language ("What exactly is a biologic drug?" of PIAF's French articles, .24; "Quel est
l'objectif initial de la conférence ?" of PubMedQA's abstracts, .15) were answered by the models
from passages sharing a common word or two (evals/README "An answer read across languages,
vouched for by the multilingual channel or a name (session 20)").

A question refused as typed and read again across languages reads each passage as close as
its closest sentence when that sentence reaches MIN_SENTENCE_CLOSENESS (`with_sentences`, the
stored sentence vectors): a small file is one passage, its vector the mean of its topics
("Comment nettoyer le filtre ?" of an English dishwasher manual, evals/README "Session 50").

A follow-up is scored by its own words alone (`Closeness`, api): read with the previous
question, which the documents answer, almost any follow-up ("And the weather?") comes close to
the passage that answered it. On a folder in one language only, a question in the other has no
passage of its own language to be compared with: the bar alone decides there (measured on the
French PIAF corpus, evals/README "Session 17").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from citeqa.followups import refers_back
from citeqa.lexical import content_words, written_terms
from citeqa.models import Hit
from citeqa.passage_translation import chunk_word_forms
from citeqa.questions import looks_like_name

MIN_CLOSENESS = 0.35
"""The multilingual channel's cosine a passage in the other language needs with the question
(USE's, as the answer channel; the cosine session 12 asked of an answer read through translated
words). On the session-16 user trial, the follow-up the word check refused but a French note
answers scores .46 with it (read with the previous question); the off-topic question it
refused, .11 (.16 in its own language). Of the bundled off-topic set's 200 questions, the 28
the word check refuses reach at most .29 in the other language (the next, .27)."""

MIN_SENTENCE_CLOSENESS = 0.40
"""The cosine a sentence of a passage in the other language needs with the question for the
passage to count as that close (`with_sentences`): higher than a passage's bar, the best of a
passage's several sentences being a maximum, higher by chance. On session 50's bench of small
files (40 questions), the sentences answering 18 of 25 questions asked in the other language
reach it (.41-.66), none of 7 the folder does not answer (.10-.25); an off-topic question of
the test half of offtopic-piaf, "Are environmental factors important in primary systemic
vasculitis?", reached .356 with "La Chine connaît des problèmes environnementaux majeurs." at
the passage's bar (chosen after seeing it: the dev halves moved at neither bar)."""

Closeness = Callable[[Sequence[Hit]], list[float]]
"""Each passage's cosine with the question in the multilingual channel."""


def in_channel(channel: str) -> Closeness:
    """The closeness the search found: each passage's score in `channel` (0 when that channel
    did not rank it), for a question searched as asked."""
    return lambda hits: [hit.channel_scores.get(channel, 0.0) for hit in hits]


def with_sentences(
    closeness: Closeness, sentences: Callable[[Hit], Sequence[int]], cosine: Callable[[int], float]
) -> Closeness:
    """`closeness`, each passage read at least as close as its closest sentence (`sentences`
    of a passage, each one's `cosine` with the question) when that sentence is at
    MIN_SENTENCE_CLOSENESS: a small file is one passage, its vector the mean of topics a
    question asks one of ("Comment nettoyer le filtre ?" of an English dishwasher manual, .33
    to the whole manual, .62 to "Cleaning the filter."; s50)."""

    def closer(hits: Sequence[Hit]) -> list[float]:
        passages = closeness(hits)
        best = [max(map(cosine, sentences(hit)), default=0.0) for hit in hits]
        best = [score if score >= MIN_SENTENCE_CLOSENESS else 0.0 for score in best]
        return [max(passage, sentence) for passage, sentence in zip(passages, best, strict=True)]

    return closer


def close_in_other_language(hits: Sequence[Hit], lang: str, closeness: Closeness | None) -> bool:
    """Whether one of `hits` in another language than `lang` is at least MIN_CLOSENESS to the
    question by `closeness` (None: no multilingual channel, so never) and closer than all of
    `hits` in `lang`."""
    if closeness is None:
        return False
    scored = list(zip(hits, closeness(hits), strict=True))
    other = max((score for hit, score in scored if hit.chunk.lang != lang), default=0.0)
    same = max((score for hit, score in scored if hit.chunk.lang == lang), default=0.0)
    return other >= MIN_CLOSENESS and other > same


_WORD = re.compile(r"\w(?:[\w.'’-]*\w)?")
"""A word of a question, with the dots, apostrophes and hyphens inside it ("rooms.yaml")."""

_MID_SENTENCE = r"(?<=[\w,] )|(?<=\w['’])"
"""Where a word written in a text stands inside a sentence: after a word and a space ("Projet
Lumen", "budget, Lumen") or an elision ("l'Unesco"), not opening a line or a sentence."""
_GENITIVE = re.compile(r"(?<=\w)['’]s?$")
"""An English genitive's ending ("Miller's", "the Millers'"): the name is the word before it."""
_PLURAL = re.compile(r"(?<=[^\W\d_]{3})s$")
"""An English plural's ending on a capitalised name ("the Millers"): the family is "Miller"."""
_AFTER_ARTICLE = re.compile(r"(?:^|\W)the$", re.I)
"""What stands before a name in the plural of a family, its blanks off: "the Millers", not
"Mrs Roberts" (searched on the last four characters only: `_a_family`)."""


def names_asked(question: str, searched: str) -> str:
    """The text whose names may vouch for passages in the other language: `searched`, the text
    searched (a follow-up's previous question, then the follow-up), when the follow-up
    `question` refers back to the previous question's subject (followups.refers_back: "And how
    much is his share?"), else the question alone: "And the weather?" after "How much cash does
    Julien Moreau hold?" names its own subject, and passages writing "Julien Moreau" are not on
    it."""
    return searched if refers_back(question) else question


def written_names(text: str) -> list[str]:
    """The words of a question's `text` (with the previous question's before it, for a
    follow-up that refers back: `names_asked`) written as names, which read the same in either
    language: a capitalised word not starting a sentence ("Lumen", "Nuvola"), or a word shaped
    as a name (questions.looks_like_name: "COVID-19", "mRNA") or holding a dot or an underscore
    ("rooms.yaml", "LUMEN_PORT"). A word joined by an apostrophe is read without its elision
    ("l'Unesco": "Unesco") or its English genitive ("Miller's": "Miller"); a family's name in
    the English plural is read in the singular too ("the Millers": "Miller", `_a_family`)."""
    return [word for word, opening in _capitalised_or_shaped(text) if not opening]


def opening_names(text: str) -> list[str]:
    """The capitalised words starting a sentence of `text` ("Lumen: who writes its docs?"),
    not shaped as names (those are `written_names`): a name only if the passages write it
    capitalised inside a sentence (`writes_a_name`)."""
    return [word for word, opening in _capitalised_or_shaped(text) if opening]


def _capitalised_or_shaped(text: str) -> list[tuple[str, bool]]:
    """Each capitalised or name-shaped word of `text` (`written_names`), with whether it is a
    capitalised word starting a sentence, which alone does not make it a name."""
    found = []
    for word in _WORD.finditer(text):
        bare = re.split(r"['’]", _GENITIVE.sub("", word.group()))[-1]
        before = text[: word.start()].rstrip()
        opening = not before or before[-1] in ".?!"
        if bare and (looks_like_name(bare) or re.search(r"\w[._]\w", bare)):
            found.append((bare, False))
        elif len(bare) > 1 and bare[0].isupper():
            found.append((bare, opening))
            if _a_family(word.group(), before) and _PLURAL.search(bare):
                found.append((_PLURAL.sub("", bare), opening))
    return found


def _a_family(word: str, before: str) -> bool:
    """Whether a capitalised `word`, written after `before` (its blanks off), may be a name in
    the English plural of a family: after "the" ("the Millers") or in the genitive ("the
    Millers' invoice"), whose singular ("Miller") is the name written (s31 trial: a bank row's
    "MILLER FRONT DOOR"). Not any name ending in "s": "Mrs Roberts", "Williams", "Nicolas" are
    no plural of "Robert", "William", "Nicola" (s31 review)."""
    return _GENITIVE.search(word) is not None or _AFTER_ARTICLE.search(before[-4:]) is not None


def _written(name: str) -> re.Pattern[str]:
    """`name` written whole in a text (an underscore parts words: "LUMEN_PORT"): a name shaped
    so, or holding a dot or an underscore, in any case ("Covid-19"); a capitalised word only
    as capitalised or in capitals ("Lumen", "LUMEN"), never in lower case ("budget" is no
    "Budget")."""
    if looks_like_name(name) or re.search(r"\w[._]\w", name):
        return re.compile(rf"(?<![^\W_]){re.escape(name)}(?![^\W_])", re.I)
    either = f"{re.escape(name)}|{re.escape(name.upper())}"
    return re.compile(rf"(?<![^\W_])(?:{either})(?![^\W_])")


def writes_a_name(names: Sequence[str], texts: Sequence[str], opening: Sequence[str] = ()) -> bool:
    """Whether one of `texts` writes one of `names` whole (`_written`), or one of the
    capitalised words `opening` a sentence of the question capitalised inside a sentence
    ("Projet Lumen" for "Lumen: who writes its docs?"; a question's "What" or "Le" is no name,
    written so only opening sentences)."""
    patterns = [_written(name) for name in names]
    inside = [re.compile(rf"(?:{_MID_SENTENCE}){re.escape(word)}(?![^\W_])") for word in opening]
    return any(pattern.search(text) for pattern in [*patterns, *inside] for text in texts)


def unvouched_across(
    hits: Sequence[Hit],
    lang: str,
    closeness: Closeness | None,
    question: str,
    texts: Sequence[str],
    translated: Sequence[str] = (),
) -> bool:
    """Whether an answer from `hits` (the passages the answer models read) would be read across
    languages with nothing vouching for it: none of them is in the question's language `lang`,
    `closeness` puts none at MIN_CLOSENESS (`close_in_other_language`), none writes every content
    word of `question` (`writes_every_word`) and none of `texts` (those
    passages' texts and their documents' titles) writes a name or a day `question` writes
    (`names_asked`: a follow-up's names its subject in the previous question when it refers
    back, "How many people did that survey ask?" after one on the NOVA-2 survey), nor one of
    `hits` writes a word the question's absent words were read as (`translated`, folded:
    passage_translation.py; given only when every absent content word was read so, on a corpus
    holding documents in the question's language, answering._vouching_translations: "When is
    the parent-teacher meeting?" read as "réunion" of a French school note, .17 close).
    Never without a multilingual channel (`closeness` None), which alone says a passage in the
    other language is on the question."""
    if closeness is None or not hits or any(hit.chunk.lang == lang for hit in hits):
        return False
    if close_in_other_language(hits, lang, closeness) or writes_translated(translated, hits):
        return False
    if writes_a_day(question, texts) or writes_every_word(question, hits):
        return False
    return not writes_a_name(written_names(question), texts, opening_names(question))


MIN_WORDS_WRITTEN = 2
"""The fewest content words a question has for one passage writing them all to vouch for it
(`writes_every_word`): one word in common is what off-topic questions share with a passage."""


def writes_every_word(question: str, hits: Sequence[Hit]) -> bool:
    """Whether one of `hits` writes every content word of `question` as the question writes
    it (folded), the question having MIN_WORDS_WRITTEN of them at least: a passage written in
    the question's words is in its language whatever its own label says. An English materials
    list of a French renovation folder, "| Extractor hood | kitchen | Cuisines Bréard | 1 |
    389.00 | no |" under "item | room | supplier | … | ordered", is labelled French by its
    suppliers' names ("Le Goff", "Élec"): "Has the extractor hood been ordered?", whose top
    passages happened to be French, was refused as read across languages (s57 trial)."""
    words = set(content_words(question))
    if len(words) < MIN_WORDS_WRITTEN:
        return False
    return any(words <= set(content_words(hit.chunk.text)) for hit in hits)


def writes_translated(translated: Sequence[str], hits: Sequence[Hit]) -> bool:
    """Whether one of `hits` writes one of the `translated` words (folded, as
    passage_translation.translations gives them) as a word of its text."""
    wanted = set(translated)
    return bool(wanted) and any(
        wanted & {folded for folded, _ in chunk_word_forms(hit.chunk.text)} for hit in hits
    )


def writes_a_day(question: str, texts: Sequence[str]) -> bool:
    """Whether one of `texts` writes a day `question` writes, in any language or form
    (lexical's canonical date terms: "le 5 mars" and "## 2026-03-05" both hold "--03-05"): a
    day reads the same in either language, as a name does ("Quelle était la dose le 5 mars ?"
    of an English journal abstained once passages across languages needed vouching for)."""
    days = _day_terms(question)
    return bool(days) and any(days & _day_terms(text) for text in texts)


def _day_terms(text: str) -> frozenset[str]:
    """The canonical terms of the days `text` writes (a month alone, "--03", left out)."""
    dated = written_terms(text) - written_terms(text, dates=False)
    return frozenset(term for term in dated if len(term) > len("--03"))
