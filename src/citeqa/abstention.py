"""Why an answer abstains, in words a person reads (English or French).

Five reasons need no evidence at all and are decided before the sentence ranker runs, from
the question's words alone: a question that only greets, thanks or acknowledges ("hello",
"thanks!", "ok", "merci beaucoup": QuestionTerms.courtesy, courtesy.py), a question with no
word to look up ("???", "the", "🙂🙂"), a question of one bare token naming nothing to look up
("2026", "Q3", "GT-": bare_tokens.py; not a follow-up's), a question none of whose words
occurs in the documents ("What is the capital of Peru?" on a corpus that never says
"capital" or "Peru"), and a
follow-up none of whose new words does ("And the inclusion criteria?" after the exclusion
criteria, on a trial that never says "inclusion"), unless those words only name a kind of
value asked of the subject it carries ("what is her phone number?": language data
`value_kind_words`). These last two (EarlyRefusal.words_alone)
stand only when the multilingual channel finds no close passage in the other language
(across.py): the answer models read one that it does.
A table lookup of a key no table of the evidence holds, which the corpus never writes
("What is the default of --max-size?" on a manual listing `--min-size`), needs the evidence:
it is decided once the passages are retrieved, from their tables, before the candidates are
ranked, and its reason names the closest keys they hold (unheld_keys.py).
Then a question naming a code identifier the documents never write in any stored form
("What does tar --turbo do?", "ndarray.to_parquet": identifiers.py) abstains, naming it
(`never_written`): the lookup's reason, when there is one, says more (the closest keys);
then one asking a member of an owner that the closest documents never write together ("the
max_help_position parameter of argparse.ArgumentParser": membership.py) names both
(`never_with`). An answer chosen for a question asking of a year that the passages it stands
in never write, while they write others ("Q3 2027 travel budget" answered from the 2026
sheet), is refused naming theirs (`no_held_id`, unheld_years.py), and so is one naming a record
by a long keyed number or a code its quotes never write while they write another of its shape
("order 51877" answered by order 48213's row: unheld_codes.py; `no_held_id`). A question
asking to count the rows of a table ("How many tickets were about login in March?") is refused
saying that citeqa quotes, it does not count (`not_counted`, counting.py).
Otherwise the answer layer decides, and the reason says which of the question's words the
documents never mention, when there are some (with their spelling in the documents when the
question misspells them: "Did you mean “default”?", spelling_hints.py), or else which of its
words the closest passages never mention (a near miss: the documents are on the subject, the
passage that answered is not there), or else which of its words the closest passages do
mention, though they answer nothing; or, when the user's `min_confidence` setting alone
refuses the answer, says so. A reason names only the question's content words, never the
words of its form ("bas" in "à bas coût", "mean", "use", a misspelt "teh": reason_words.py).
A question none of whose words occurs in the documents may be about what documents in the
other language say in their words ("fire extinguishers" in a French note on "extincteurs"):
its reason says so, and to ask in that language (`ask_in`), when asking so may help
(`_may_help`): more documents are in that language (but for a question none of whose words
occurs, on a corpus with documents in its own language, only with the counterparts below), or a
quarter of them at least while some word of the question occurs, or the question was read close
to passages in it (its words translated into theirs, or the multilingual channel puts one
close; a word sharing a long beginning with one of theirs, for the question none of whose words
occurs). An
English typo or an off-topic question on a mostly English corpus with a few French documents
is no longer told to ask in French (s18 trial: "Wat is the sensitivty…", "sourdough bread").
Once quotes are chosen, some answers are refused for what their quotes are: who holds a role
when they name no one (`no_one_named`), a kind of change a changelog's release does not list
("What was added in version 2.2.1?" of a release listing only fixes: `release_lacks_kind`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import get_args

from citeqa.absent_names import generic_acronym
from citeqa.bare_tokens import bare_token
from citeqa.courtesy import LETTERS
from citeqa.glossary import fold, language_words
from citeqa.hyphens import WORD_HYPHENS
from citeqa.language import LANGUAGE_NAMES, without_elision
from citeqa.models import Lang
from citeqa.questions import (
    QuestionTerms,
    interrogatives,
    word_alternatives,
)
from citeqa.reason_words import asked_by, nameable, nameable_words
from citeqa.spelling_hints import Closest, did_you_mean
from citeqa.value_frames import framed_absent
from citeqa.value_ranges import covered_numbers
from citeqa.visible import cut, shown

NOTHING_TO_SEARCH = {
    "en": "Nothing to search for: the question has no word to look up in the documents.",
    "fr": "Rien à chercher : la question ne contient aucun mot à chercher dans les documents.",
}
ONLY_A_TOKEN = {
    "en": "Nothing to search for: {token} alone is a number or a code, not a question. Say what"
    " you want to know about it.",
    "fr": "Rien à chercher : {token} seul est un nombre ou un code, pas une question. Dites ce que"
    " vous voulez en savoir.",
}
COURTESY_ONLY = {
    "en": "Nothing to search for: the question only greets, thanks, acknowledges, hesitates or"
    " asks for help. Ask a question about the documents.",
    "fr": "Rien à chercher : la question ne fait que saluer, remercier, acquiescer, hésiter ou"
    " demander de l’aide. Posez une question sur les documents.",
}
NO_WORD_OCCURS = {
    "en": "No word of the question occurs in the documents.",
    "fr": "Aucun mot de la question n’apparaît dans les documents.",
}
NOT_ANSWERED = {
    "en": "The documents do not appear to answer this question.",
    "fr": "Les documents ne semblent pas répondre à cette question.",
}
NEVER_WRITES = {
    "en": "The documents never mention {words}.",
    "fr": "Les documents ne mentionnent jamais {words}.",
}
NO_RECORD_NAMED = {
    "en": "No document names {record}; the documents name {held}.",
    "fr": "Aucun document ne nomme {record} ; les documents nomment {held}.",
}
NO_DAY_WRITTEN = {
    "en": "No document writes {day} nor is dated that day; the closest dated documents: {held}.",
    "fr": "Aucun document n’écrit le {day} ni n’est daté de ce jour ; les documents datés les"
    " plus proches : {held}.",
}
"""A question asking of a full date no passage writes while the answer stands in a document
dated another day (unheld_days.py)."""
NO_DAY_WRITTEN_BUT_REPEATING = {
    "en": "No document writes {day} nor is dated that day, but the repeating {events} falls on"
    " it; the closest dated documents: {held}.",
    "fr": "Aucun document n’écrit le {day} ni n’est daté de ce jour, hors l’événement répété"
    " {events} qui tombe ce jour-là ; les documents datés les plus proches : {held}.",
}
"""NO_DAY_WRITTEN when repeating calendar events fall on that day (their rules give it, no
document writes it: unheld_days.UnheldDay.repeating), naming them."""
NO_SUCH_DAY = {
    "en": "No such day: {dates} is no date of the calendar (a month from 1 to 12, a day the"
    " month has).",
    "fr": "Ce jour n’existe pas : {dates} n’est pas une date du calendrier (un mois de 1 à 12, un"
    " jour que compte le mois).",
}
NO_SUCH_DAYS = {
    "en": "No such days: {dates} are no dates of the calendar (a month from 1 to 12, a day the"
    " month has).",
    "fr": "Ces jours n’existent pas : {dates} ne sont pas des dates du calendrier (un mois de 1"
    " à 12, un jour que compte le mois).",
}
"""NO_SUCH_DAY for two dates or more (the verb agrees with the list)."""
NEVER_MENTIONED = {
    "en": "The documents do not appear to answer this question: they never mention {words}.",
    "fr": "Les documents ne semblent pas répondre à cette question : ils ne mentionnent"
    " jamais {words}.",
}
ONLY_MENTIONED = {
    "en": "The documents do not appear to answer this question: the closest passages mention"
    " {words}, but none answers it.",
    "fr": "Les documents ne semblent pas répondre à cette question : les passages les plus"
    " proches mentionnent {words}, mais aucun n’y répond.",
}
"""A question whose content words the closest passages all mention, which the answer models
refused all the same: what it asks of them is not there."""
NOT_IN_PASSAGES = {
    "en": "The documents do not appear to answer this question: the closest passages never"
    " mention {words}.",
    "fr": "Les documents ne semblent pas répondre à cette question : les passages les plus"
    " proches ne mentionnent pas {words}.",
}
NO_DOCUMENT_NAMING = {
    "en": "The documents do not appear to answer this question: none of the closest passages is"
    " of a document writing {name}.",
    "fr": "Les documents ne semblent pas répondre à cette question : aucun des passages les plus"
    " proches n'est d'un document qui écrit {name}.",
}
"""A name of several words the question asks that no closest passage's document writes, while
one writes a word of it (asked_names.py)."""

NEVER_WITH = {
    "en": "None of the closest documents mentions {member} where it mentions {owner}.",
    "fr": "Aucun des documents les plus proches ne mentionne {member} là où il mentionne {owner}.",
}
"""A member asked of an owner that the closest documents never write together (membership.py).
It says only what was read: those documents write the owner and none writes the member (in
any case and spelling) in the owner's part (in a one-file reference, its sections and the
text before the first heading: membership.owner_sections; else the whole document); whether the
corpus writes the member elsewhere is known only of its stems (QuestionTerms.absent: "month"
for "months"), so it is not said."""
ONLY_ITS_TITLE = {
    "en": "The closest document, {title}, holds only its title: it says nothing more.",
    "fr": "Le document le plus proche, {title}, ne contient que son titre : il n’en dit pas plus.",
}
"""A question naming a document that holds nothing but its title (titleonly.named_bare_document):
its other passages answer some other question (s17 trial: "À classer" quoted board minutes)."""
NO_ROW_NAMES = {
    "en": "No row of the tables names {key}; the closest are {closest}.",
    "fr": "Aucune ligne des tableaux ne porte {key} ; les plus proches sont {closest}.",
}
NO_ROW_NAMES_ONE = {
    "en": "No row of the tables names {key}; the closest is {closest}.",
    "fr": "Aucune ligne des tableaux ne porte {key} ; la plus proche est {closest}.",
}
NO_ROW_NAMES_NONE = {
    "en": "No row of the tables names {key}.",
    "fr": "Aucune ligne des tableaux ne porte {key}.",
}
"""A table lookup of a key no table holds (unheld_keys.py), naming the closest keys held (none
when no key held is of a number's magnitude)."""
NO_ROW_IN_POINTED = {
    "en": "No row of {title} names {key}; its rows name {keys}.",
    "fr": "Aucune ligne de {title} ne porte {key} ; ses lignes portent {keys}.",
}
"""A row looked up in a table other than the one the question points at, which lacks its key
(pointed_tables.unpointed_key: "Qui entraîne les U7 ?" of a training schedule with no U7 row)."""
NO_SECTION_NUMBERED = {
    "en": "No section of {title} is numbered {number}; its sections are numbered {numbered}.",
    "fr": "Aucune section de {title} ne porte le numéro {number} ; ses sections sont numérotées"
    " {numbered}.",
}
"""A question asking a numbered section (a version, an article) the closest document, which
numbers its sections so, does not hold (numbered_sections.unheld_section)."""
RELEASE_LACKS_KIND = {
    "en": "Version {number} lists no {kind} items; it lists: {listed}.",
    "fr": "La version {number} ne liste aucun élément {kind} ; elle liste : {listed}.",
}
"""A question asking one kind of change ("What was added in 2.2.1?") of a changelog release
whose subheadings hold none of that kind (release_notes.lacking_kind)."""
NO_SUCH_PAGE = {
    "en": "No document has a page {page}: the longest has {most} pages.",
    "fr": "Aucun document n’a de page {page} : le plus long en a {most}.",
}
NO_PAGES = {
    "en": "No document has a page {page}: none of them is divided into pages.",
    "fr": "Aucun document n’a de page {page} : aucun n’est divisé en pages.",
}
NAMED_LACKS_PAGE = {
    "en": "{title} has no page {page}: it has {most}.",
    "fr": "{title} n’a pas de page {page} : il en a {most}.",
}
NAMED_UNPAGED = {
    "en": "{title} has no page {page}: it is not divided into pages.",
    "fr": "{title} n’a pas de page {page} : il n’est pas divisé en pages.",
}
BLANK_PAGE = {
    "en": "Page {page} of {title} holds no text.",
    "fr": "La page {page} de {title} ne contient aucun texte.",
}
"""A question asking a page (places.asked_page) that no document has."""
NO_HELD_ID = {
    "en": "The passages that would answer never mention {asked}: they are of {held}.",
    "fr": "Les passages qui répondraient ne mentionnent jamais {asked} : ils portent sur {held}.",
}
"""A question asking of a year, a keyed number ("week 20") or an id ("order 51877"), the
passages its answer stands in never write while they write others (unheld_years.py,
unheld_numbers.py, unheld_codes.py)."""
RECORD_LACKS_FIELD = {
    "en": "The record of {owner} has no {field} line; other records' are not quoted for it.",
    "fr": "La fiche de {owner} n’a pas de ligne {field} ; celles des autres fiches ne sont pas"
    " citées à sa place.",
}
"""A question asking an owner's field that the owner's record lacks while other records of
its document have it (owner_fields.py)."""
OPPOSED_QUALIFIER = {
    "en": "The passages that would answer are of {held}, not {asked}.",
    "fr": "Les passages qui répondraient portent sur {held}, non sur {asked}.",
}
"""A question naming a thing by a qualifier ("sans fil") whose quotes write only its opposite
("filaire"): they are of a sibling thing (opposed_qualifiers.py)."""
EMPTY_CELL = {
    "en": "{record}'s row leaves “{column}” empty.",
    "fr": "La ligne de {record} laisse vide « {column} ».",
}
"""A question asking a record's cell that its quoted row leaves empty (empty_cells.py): the
row names the record and the column is the one asked, but the cell holds nothing."""
NO_VALUE_KIND = {
    "en": "The passages that would answer write no {words}.",
    "fr": "Les passages qui répondraient n’écrivent pas {of}{words}.",
}
"""A follow-up asking only a kind of value ("what is her email address?") of the subject at
hand whose quotes write none of that kind (value_kinds.py)."""
NO_AMOUNT = {
    "en": "The passages that would answer write no price or amount.",
    "fr": "Les passages qui répondraient n’écrivent ni prix ni montant.",
}
"""A question asking a price or an amount whose quotes write none (quantities.unpriced)."""
NO_TIME = {
    "en": "The passages that would answer write no time of day.",
    "fr": "Les passages qui répondraient n’écrivent aucune heure.",
}
"""A question asking a time of day whose quotes write none, nor does a candidate writing a word
of the question (asked_times.py)."""
ONLY_A_RATE = {
    "en": "The passages that would answer write {unit} only as a rate, not how many.",
    "fr": "Les passages qui répondraient n’écrivent {unit} que comme un tarif, pas combien.",
}
"""A question asking how many of a unit whose quotes write it only as a rate's ("45 euros par
jour" for "Combien de jours de congés… ?": rate_units.py)."""
NO_MEASURE = {
    "en": "The passages that would answer write no measurement.",
    "fr": "Les passages qui répondraient n’écrivent aucune mesure.",
}
"""A question asking a height, a length, an altitude, an area or a weight whose quotes write
none (asked_values.lacks_kind)."""
NO_COUNT = {
    "en": "The passages that would answer write no number of {unit}.",
    "fr": "Les passages qui répondraient n’écrivent aucun nombre de {unit}.",
}
"""A question asking how many of a thing whose quotes write no quantity at all
(quantities.uncounted)."""
NO_ONE_NAMED = {
    "en": "The passages that would answer name no one as {role}.",
    "fr": "Les passages qui répondraient ne nomment personne comme {role}.",
}
"""A question asking who holds a role ("Qui est le trésorier ?") whose quotes name no one
(role_holders.py): the statutes' list of offices, no election."""
NOT_COUNTED = {
    "en": "This question asks to count or rank the records of {title}: citeqa quotes passages,"
    " it does not count them.",
    "fr": "Cette question demande de compter ou de classer les enregistrements de {title} :"
    " citeqa cite des passages, il ne les compte pas.",
}
"""A question asking to count or rank the records of a table (counting.py): no quote of one
row or one sentence answers it."""
UNSURE = {
    "en": "The closest answer is not sure enough: its confidence, {sure}, is below the"
    " min_confidence setting, {floor}.",
    "fr": "La réponse la plus proche n’est pas assez sûre : sa confiance, {sure}, est inférieure"
    " au réglage min_confidence, {floor}.",
}
CLOSEST = {
    "en": "The closest passages are listed below.",
    "fr": "Les passages les plus proches sont listés ci-dessous.",
}
ASK_IN = {
    "all": {
        "en": "The documents are in {language}: try asking in {language}.",
        "fr": "Les documents sont en {language} : essayez de poser la question en {language}.",
    },
    "most": {
        "en": "Most of the documents are in {language}: try asking in {language}.",
        "fr": "La plupart des documents sont en {language} : essayez de poser la question en"
        " {language}.",
    },
    "some": {
        "en": "Some of the documents are in {language}: try asking in {language}.",
        "fr": "Certains documents sont en {language} : essayez de poser la question en {language}.",
    },
}
"""After a reason naming words the documents never use, when documents are in the other
language than the question's and asking in it may help (`_may_help`): a word the question
shares with no document may be theirs in that language."""
ADVICE_SHARE = 0.25
"""Asking in the other language may help whenever at least this share of the documents are in
it (`_may_help`): on the s16 trial's vault (42 of 83 notes in each language) and the s17 trial's
folder (18 of 52 documents in English), questions the documents answer in the other language
abstained on words they never use ("Where is the school trip on 22 May?": "sortie scolaire";
"Combien de temps pour signaler un ordinateur perdu ?": an English policy), some of their words
occurring in the documents, and the advice leads there (a question none of whose words occurs
needs a closer sign: `_may_help`). On the s18 trial's folder (8 of 68 documents in French) it
led nowhere for 7 of 8 English questions (typos, off-topic, the lab's fire warden)."""
MINORITY_SHARE = 0.05
"""The share of the documents each language needs, beside MINORITY_DOCUMENTS, for a corpus to
be in both languages by `DocumentLanguages.bilingual_corpus(MINORITY_SHARE)`: a folder mostly in
one language whose owners also write in the other (the s27 trial's family folder, 3 of 40
documents in English; the research set's lab folder, 6 of 68 in French)."""
MINORITY_DOCUMENTS = 3
"""The fewest documents each language needs beside MINORITY_SHARE: one English note among 20
French ones (5 %) is a stray note, not owners writing in both languages."""
READ_ACROSS_DOCUMENTS = 2
"""The fewest documents the language of a question needs for it to be read across as the
language few documents use (`DocumentLanguages.read_across_from`): one document is a stray file
(an English licence in a French folder), not owners writing in that language; read across, "How
many members does the heritage association have?" quoted a sentence of the French statutes
that writes no number (s33 review; the s32 trial's folder, 2 English mails of 37, reads them)."""
MAJORITY_TRANSLATED = 0.5
"""The share of a question's absent content words that must translate for a question in the
language most documents use to be read across toward the few in the other
(`DocumentLanguages.translated_share`): a question about what the minority's documents say
names words its own language's documents never use, and half of them translating finds the
passage ("How long is the defects warranty period?" of an English engineering folder with 5
French client documents of 30: "warranty" / "garantie" .92, "defects" none). The minority's
question keeps every word (a French question of that folder read with half its words, "Quel est
le salaire du chef de projet ?", quoted the project charter's staff line; s37 repro)."""
WORDLESS_TRANSLATED = 2
"""The fewest of its absent words that must translate for a question in the language most
documents use none of whose own words the documents write (`no_word_written`) to be read by
half of them (api.Assistant._partly_translated): one everyday word translates as well in an
off-topic question ("Qui a fourni les navires ?" of PIAF read "fourni" as "supply" and quoted
an English timber quote of a French folder), two rarely ("What is the emergency phone number at
night?": "urgence", "nuit"; s37: none of 847 English and 592 French off-topic, near-miss and
content-free questions of evals/sets answered that main refused)."""
MAX_WORDS_NAMED = 3
"""At most this many absent words are named in a reason."""


@dataclass(frozen=True)
class DocumentLanguages:
    """How many of the corpus's documents are in each language (a document in two counts in
    both), of how many documents, and how many are in both English and French (`bilingual`)."""

    counts: Mapping[str, int]
    documents: int
    bilingual: int

    @classmethod
    def of(cls, languages: Iterable[Collection[str]]) -> DocumentLanguages:
        """The counts of the documents whose languages are `languages` (one collection each)."""
        counts: Counter[str] = Counter()
        documents = bilingual = 0
        for langs in languages:
            documents += 1
            counts.update(set(langs))
            bilingual += LANGUAGE_NAMES.keys() <= set(langs)
        return cls(counts, documents, bilingual)

    def bilingual_corpus(self, share: float = ADVICE_SHARE) -> bool:
        """Whether `share` of the documents at least are in each language: by ADVICE_SHARE, a
        support team's folder of French and English tickets, policies and their translations;
        by a smaller share (MINORITY_SHARE), a folder mostly in one language whose owners also
        write in the other, MINORITY_DOCUMENTS at least in each unless ADVICE_SHARE are
        (stored_words.stores_words stores its passage words' vectors)."""
        least = min(ADVICE_SHARE * self.documents, max(share * self.documents, MINORITY_DOCUMENTS))
        return self.documents > 0 and all(
            self.counts.get(lang, 0) >= least for lang in LANGUAGE_NAMES
        )

    def read_across_from(self, lang: Lang) -> bool:
        """Whether a question in `lang` refused as typed has its absent words read as words of
        the stored passage words in the other language (api.Assistant._translated): the corpus
        is in both languages (`bilingual_corpus`), or `lang` is the language few of its
        documents use (no more than the other: a tie reads both ways), READ_ACROSS_DOCUMENTS at
        least, or the language most use while READ_ACROSS_DOCUMENTS use the other
        (`_most_write`: its questions about the few documents name their words in its own
        language). Gated on the question's language, not on MINORITY_DOCUMENTS: on the s32 trial's
        folder (35 French documents, 2 English mails, under MINORITY_DOCUMENTS) 13 of 21
        English questions about its French documents were refused for words the documents
        write in French ("debt per inhabitant": "dette par habitant").
        Such a question is read across only when its `translated_share` of content words translates
        at MINORITY_SIMILARITY (api.Assistant._read_across). A corpus with no document in `lang`
        reads such a question only near a close passage (across.MIN_CLOSENESS): read across by the
        stored words too, 2 of 100 English off-topic questions of PubMedQA asked of PIAF's French
        articles and 4 of 100 French ones asked of PubMedQA's were answered (s33)."""
        return self.bilingual_corpus() or self._few_write(lang) or self._most_write(lang)

    def translated_share(self, lang: Lang) -> float:
        """The share of the absent content words of a question in `lang` read across on a
        corpus not in both languages (api.Assistant._read_across) that must translate: every
        one of a question in the language few documents use (`_few_write`), MAJORITY_TRANSLATED
        of one in the language most use (`_most_write`)."""
        return MAJORITY_TRANSLATED if self._most_write(lang) else 1.0

    def _most_write(self, lang: Lang) -> bool:
        """Whether `lang` is the language most documents use while READ_ACROSS_DOCUMENTS at
        least use the other: an English engineering folder with 5 French client documents of 30,
        whose English questions about those (the site's opening hours, the night emergency
        number) name words no English document writes (s37 repro: 3 of 15 right before)."""
        own = self.counts.get(lang, 0)
        return own > self.counts.get(other_language(lang), 0) >= READ_ACROSS_DOCUMENTS

    def advised_across_from(self, lang: Lang) -> bool:
        """Whether a question in `lang` may be told that asking in the other language may help
        by the stored words (api.Assistant._advises_by_stored_words): as `read_across_from`, but
        the corpus in both languages by MINORITY_SHARE (which holds wherever ADVICE_SHARE does:
        a smaller share asks no more documents)."""
        return self.bilingual_corpus(MINORITY_SHARE) or self._few_write(lang)

    def _few_write(self, lang: Lang) -> bool:
        """Whether `lang` is the language few documents use: READ_ACROSS_DOCUMENTS of them at
        least, no more than use the other (a tie reads both ways)."""
        own = self.counts.get(lang, 0)
        return READ_ACROSS_DOCUMENTS <= own <= self.counts.get(other_language(lang), 0)

    def reads_any_across(self) -> bool:
        """Whether a question in one of the languages at least is read across
        (`read_across_from`): the corpus is in both languages (`bilingual_corpus`), or
        READ_ACROSS_DOCUMENTS documents at least are in each language (the fewer is read
        across; a tie reads both ways)."""
        return any(self.read_across_from(lang) for lang in get_args(Lang))

    def alone_in(self, lang: str) -> int:
        """How many documents are in `lang` and not also in the other language."""
        return self.counts.get(lang, 0) - self.bilingual


@dataclass(frozen=True)
class Reason:
    """An abstention's reason in words, and its kind."""

    text: str
    claims_absence: bool = False
    """It says the documents never use some (or any) of the question's words ("No word of the
    question occurs…", "…they never mention “NVMe”."): true of the files read, not of those the
    build skipped, which the answer then says (api._noting_unread, unread.not_searched); a
    reason on the closest passages says nothing of them."""
    unwritten_in_texts: bool = False
    """Refused by the answer models (`not_answered`) while some content word of the question is
    written by no document's text, only by a path's ("meetings" of a folder "meetings/"), which
    the reason never says unmentioned (QuestionTerms.path_writes): the question is read across
    as one whose reason claims absence is (api.Assistant._translated)."""


@dataclass(frozen=True)
class EarlyRefusal:
    """An abstention decided before search (`before_search`): its reason, and its kind."""

    reason: Reason
    words_alone: bool
    """Refused for its words alone: none of its own words (or of a follow-up's new words) occurs
    in the documents. Such a question may still be about what a passage in the other language
    says in its words (across.py); a greeting or a question with nothing to search may not."""


def before_search(
    terms: QuestionTerms,
    lang: Lang,
    languages: Callable[[], DocumentLanguages] | None = None,
    closest: Closest | None = None,
    close: Callable[[], bool] | None = None,
    counterparts: Callable[[], bool] | None = None,
) -> EarlyRefusal | None:
    """The abstention without looking at any passage, or None when there is none: a question
    that only greets, thanks or acknowledges, nothing to search for, or no word of the question (of
    its own words, when it has any beyond its form) in the corpus. A follow-up read with the
    previous question (whose words the corpus may well use) names its own words the documents never
    mention instead: "No word of the question occurs" would be false of the question as searched;
    and a follow-up none of whose new words (QuestionTerms.new_terms) the documents use, nor their
    cognates, names them: no quote can mention them (followup_quotes.py). Any of these last (its
    words alone) says to ask in the other language when `languages` (read only then) puts
    documents in it (`ask_in`) and asking in it may help (`_may_help`, reading `close` or
    `counterparts` only then). A reason naming
    words the documents never use offers the spelling the closest passages (`closest`: their
    texts, read only then) write of those the question misspells."""
    if terms.courtesy is not None:
        return EarlyRefusal(Reason(COURTESY_ONLY[lang]), words_alone=False)
    if nothing_to_search(terms):
        return EarlyRefusal(Reason(NOTHING_TO_SEARCH[lang]), words_alone=False)
    token = None if _read_with_context(terms) else bare_token(terms.focus)
    if token is not None:
        text = ONLY_A_TOKEN[lang].format(token=_quoted([shown(token)]))
        return EarlyRefusal(Reason(text), words_alone=False)
    reason = _words_never_used(terms, lang, closest) or _framed_absent(terms, lang, languages)
    if reason is None:
        return None
    hinted = _with_hint(
        reason.text, terms, lang, languages, close, words_alone=True, counterparts=counterparts
    )
    return EarlyRefusal(Reason(hinted, reason.claims_absence), words_alone=True)


def _with_hint(
    reason: str,
    terms: QuestionTerms,
    lang: Lang,
    languages: Callable[[], DocumentLanguages] | None,
    close: Callable[[], bool] | None = None,
    *,
    words_alone: bool = False,
    counterparts: Callable[[], bool] | None = None,
) -> str:
    """`reason`, followed by the advice to ask in the other language when `languages` (read
    only then) puts documents in it (`ask_in`) and asking so may help (`_may_help`, read only
    then: on a corpus in one language, `close` embeds nothing); `words_alone`: the question
    is refused for none of its words occurring (`before_search`), `counterparts` then read."""
    if languages is None:
        return reason
    found = languages()
    hint = ask_in(lang, found)
    if hint and _may_help(terms, lang, found, close, words_alone, counterparts):
        return f"{reason} {hint}"
    return reason


def _may_help(
    terms: QuestionTerms,
    lang: Lang,
    languages: DocumentLanguages,
    close: Callable[[], bool] | None,
    words_alone: bool = False,
    counterparts: Callable[[], bool] | None = None,
) -> bool:
    """Whether asking in the other language than `lang` may find what the question's words
    did not: more documents are in that language than in the question's, or ADVICE_SHARE of
    them at least while some word of the question occurs in the documents (not `words_alone`),
    or the question was
    read close to passages in it: its words the corpus never uses translated into theirs
    (`QuestionTerms.translated`, passage_translation.py), or the closest of the passages read
    in the multilingual channel in that language (`close`, read only then: answering.compose,
    across.close_in_other_language with no bar). Else an
    English typo or an off-topic question on a mostly English corpus holding a few French
    documents was told to try asking in French (s18 trial), and on the s20 trial's folder (15 of
    55 documents French) so were "asdfghjkl", "Who won the 2018 World Cup?" and "How do I bake
    sourdough bread?": none of their words occurs in the documents, which are mostly in their
    language, so their words are more likely off the documents' subjects than words of the other
    language, unless the multilingual channel or the word translations put them close. On a
    corpus mostly in the other language but with documents in the question's, a question none
    of whose words occurs needs counterparts too: its words translated, or a corpus word sharing
    a long beginning with one of them (`QuestionTerms.cognates`: "seminar", "séminaire"), both
    read with the question, or a word the corpus writes in the other language that one of them
    means (`counterparts`, read only then: corpus_translation.in_other_language, "accounts" /
    "comptes"; s31 trial, "When is the meeting with the accountant about the annual accounts?"
    was not told to ask in French though its French notes answer it); not `close`, which would
    translate an off-topic question's words (Assistant._translated declines to): "What is the
    capital of Australia?", "How do I reset my iPhone?" and "asdfgh qwerty" were told to try
    asking in French on a mostly French office folder with English handbooks and minutes (s26
    trial), where "Who has to find a caterer for the seminar?" needs it. One some of whose
    words occur keeps the advice ("À quoi sert follow_symlinks ?" on English manuals), and so
    does a corpus with no document in the question's language: nothing else can find one."""
    other = languages.counts.get(other_language(lang), 0)
    if languages.counts.get(lang, 0) < other:
        if not words_alone or not languages.counts.get(lang):
            return True  # some word occurs, or no document is in the question's language
        if terms.cognates or terms.translated:  # `close` embeds: not for this
            return True
        return counterparts is not None and counterparts()
    if other >= ADVICE_SHARE * languages.documents and not words_alone:
        return True
    return bool(terms.translated) or (close is not None and close())


def no_word_written(terms: QuestionTerms) -> bool:
    """Whether the documents write none of the question's own words (`terms.absent` as many
    as its terms): refused before search as NO_WORD_OCCURS says, unless read otherwise."""
    return bool(terms.focus_terms) and len(terms.absent) >= terms.focus_terms


def other_language(lang: Lang) -> Lang:
    """The other language of the two citeqa reads."""
    return "fr" if lang == "en" else "en"


def _words_never_used(terms: QuestionTerms, lang: Lang, closest: Closest | None) -> Reason | None:
    """The reason for a question whose own words, or a follow-up whose new words, the
    documents never use (`before_search`), or None."""
    if _read_with_context(terms) and _only_value_kinds(terms):
        return None  # "what is her phone number?": the carried subject decides
    if no_word_written(terms):
        if _read_with_context(terms) or any(map(terms.path_writes, terms.absent)):
            return not_answered(terms, lang, closest=closest)
        return Reason(_with_spellings(NO_WORD_OCCURS[lang], terms, lang, closest), True)
    new = list(dict.fromkeys(word for word, _ in terms.new_terms))
    if new and set(new) <= set(terms.new_unused):
        named = _nameable_unused(new, terms, lang)  # "And what does it mean?": none to name
        if not named:
            return Reason(NOT_ANSWERED[lang])
        return Reason(NEVER_MENTIONED[lang].format(words=_quoted(named)), True)
    return None


def _framed_absent(
    terms: QuestionTerms, lang: Lang, languages: Callable[[], DocumentLanguages] | None
) -> Reason | None:
    """The reason for a question whose words the documents write only frame what it asks and
    some other they never write ("Combien coûte l'internat ?": value_frames.py), on documents of
    its language only (`languages`, read only then: no other-language reading may hold the
    word); None otherwise."""
    absent = framed_absent(terms)
    if not absent or languages is None or ask_in(lang, languages()) is not None:
        return None
    text = never_mentioned(absent, terms, lang)
    return None if text is None else Reason(text, True)


def never_mentioned(words: list[str], terms: QuestionTerms, lang: Lang) -> str | None:
    """The reason naming `words` (as typed) the documents never write, those a reason may name
    (`_nameable_unused`): a framed absent subject's, or the head word of a thing whose value a
    question asks (absent_heads.py); None when it may name none."""
    named = _nameable_unused(words, terms, lang)
    return NEVER_MENTIONED[lang].format(words=_quoted(named)) if named else None


def value_kinds_asked(terms: QuestionTerms) -> list[str]:
    """The folded words of a follow-up read with its carried subject when they all name a
    kind of value asked of it ("email", "address": `value_kind_words`), else none: its quotes
    must write a value of that kind (value_kinds.unwritten_kind)."""
    if not _read_with_context(terms):
        return []
    words = [fold(word) for word, _ in terms.new_terms] or [
        fold(word) for word in [*terms.absent, *terms.new_unused]
    ]
    kinds = language_words("value_kind_words")
    return words if words and all(word in kinds for word in words) else []


def no_value_kind(words: list[str], lang: Lang) -> str:
    """The reason for a follow-up whose quotes write no value of the kind it asks: the words
    naming that kind, in the question's order, between quotation marks ("email address")."""
    named = shown(" ".join(words))
    return NO_VALUE_KIND[lang].format(words=_quoted([named]), of=_french_of(named))


def no_amount(lang: Lang) -> str:
    """The reason for a question asking a price or an amount whose quotes write none
    (quantities.unpriced)."""
    return NO_AMOUNT[lang]


def no_time(lang: Lang) -> str:
    """The reason for a question asking a time of day whose quotes write none
    (asked_times.untimed)."""
    return NO_TIME[lang]


def only_a_rate(unit: str, lang: Lang) -> str:
    """The reason for a question asking how many of `unit` (as it writes it) whose quotes write
    the unit only as a rate's (rate_units.rate_only): the unit, between quotation marks."""
    return ONLY_A_RATE[lang].format(unit=_quoted([shown(unit)]))


def no_measure(lang: Lang) -> str:
    """The reason for a question asking a height, a length, an area or a weight whose quotes
    write none."""
    return NO_MEASURE[lang]


def no_count(unit: str, lang: Lang) -> str:
    """The reason for a question asking how many of `unit` (as it writes it) whose quotes write
    no quantity: the unit, between quotation marks."""
    return NO_COUNT[lang].format(unit=_quoted([shown(unit)]))


def no_one_named(role: str, lang: Lang) -> str:
    """The reason for a question asking who holds `role` (as the question writes it) whose
    quotes name no one: the role, between quotation marks."""
    return NO_ONE_NAMED[lang].format(role=_quoted([shown(role)]))


def _french_of(word: str) -> str:
    """French "de" before `word`, elided before a vowel or a mute h ("pas d’“adresse”", "pas
    de “téléphone”"; s41 school trial: "pas de “adresse”")."""
    first = fold(word[:1])
    return "d’" if first and first in FRENCH_ELIDING else "de "


FRENCH_ELIDING = frozenset("aeiouh")
"""The first letters (accents folded) before which French elides "de" to "d’"."""


def _only_value_kinds(terms: QuestionTerms) -> bool:
    """Whether the words of a follow-up the documents never use all name a kind of value asked
    of the carried subject ("phone", "number": language data `value_kind_words`), not a new
    subject ("inclusion" after the exclusion criteria)."""
    unused = [*terms.absent, *terms.new_unused]
    kinds = language_words("value_kind_words")
    return bool(unused) and all(fold(word) in kinds for word in unused)


def ask_in(lang: Lang, languages: DocumentLanguages) -> str | None:
    """Advice to ask in the other language, in `lang`, when documents are in it: all of them,
    most (more than half are in it alone: a document in both languages counts for neither, so
    the advice never says "most" of both languages), or some (English and French documents, a
    question in English). None when no document is in the other language."""
    other = other_language(lang)
    count = languages.counts.get(other, 0)
    if not count:
        return None
    if count == languages.documents and not languages.counts.get(lang):
        share = "all"  # every document in the other language, none also in the question's
    elif 2 * languages.alone_in(other) > languages.documents:
        share = "most"
    else:
        share = "some"
    return ASK_IN[share][lang].format(language=LANGUAGE_NAMES[lang][other])


def _read_with_context(terms: QuestionTerms) -> bool:
    """Whether the previous question a follow-up is read with gave terms of its own."""
    return len(terms.terms) > terms.focus_terms


def nothing_to_search(terms: QuestionTerms) -> bool:
    """No word to look up: none at all, only interrogatives ("Pourquoi ?") or only greetings
    and thanks ("thanks!", QuestionTerms.courtesy), in the question as read, with the previous
    question a follow-up is read with ("And what does it describe?" searches for the previous
    question's subject)."""
    if _read_with_context(terms):
        return terms.courtesy is not None  # "thanks!" after a question
    return nothing_of_its_own(terms)


def nothing_of_its_own(terms: QuestionTerms) -> bool:
    """The question itself has no word to look up (none, only interrogatives, or only
    greetings and thanks), whatever the previous question it is read with gives: a
    conversation does not carry "???" or "thanks!" on as its subject (api.Session)."""
    if terms.focus_terms == 0 or _only_question_words(terms.focus):
        return True
    return terms.courtesy is not None


def _only_question_words(question: str) -> bool:
    words = LETTERS.findall(question)
    return bool(words) and all(_asks(word) for word in words)


def not_answered(
    terms: QuestionTerms,
    lang: Lang,
    passages: frozenset[str] = frozenset(),
    languages: Callable[[], DocumentLanguages] | None = None,
    closest: Closest | None = None,
    close: Callable[[], bool] | None = None,
) -> Reason:
    """The reason for a low-confidence abstention, naming the content words (reason_words.py)
    the corpus lacks (with the spelling the closest passages write of those the question
    misspells: `closest`, their texts, read only then), or else those the closest passages
    (their tokens: `passages`) lack, or else those they mention. Words the corpus lacks, named
    or not ("sert" in "À quoi sert follow_symlinks ?"), may be written in its other language
    ("council" where the minutes say "conseil"): the reason then says to ask in that language
    when `languages` (read only then) puts documents in it and asking so may help
    (`_may_help`, reading `close` only then). Naming words the corpus lacks, it claims their
    absence (Reason.claims_absence); lacking words only paths write, it names none of them
    (Reason.unwritten_in_texts)."""
    unused = _nameable_unused(list(dict.fromkeys(terms.absent)), terms, lang)  # each once
    absent = _unranged(unused, terms.focus, closest)
    if absent:
        never = NEVER_MENTIONED[lang].format(words=_quoted(absent))
        reason = _with_spellings(never, terms, lang, closest)
    else:
        reason = _in_passages(terms, passages, lang, closest)
    if not all(_asks(word) for word in terms.absent):  # else nothing to look for in the other
        reason = _with_hint(reason, terms, lang, languages, close)  # language
    in_paths = _path_written_unused(list(dict.fromkeys(terms.absent)), terms, lang)
    return Reason(reason, claims_absence=bool(absent), unwritten_in_texts=bool(in_paths))


def _unranged(words: list[str], question: str, closest: Closest | None) -> list[str]:
    """`words`, but for the numbers of amounts the question asks that a line of the closest
    passages (`closest`, read only for a question writing a number among `words`) holds by a
    range or a bound (value_ranges.covered_numbers): "700" of "un quotient de 700 €" is no word
    the documents lack when a row writes "de 601 à 1 000 €" (s33 hostile probe M4: the reason
    said they never mention it)."""
    if closest is None or not any(word.isdigit() for word in words):
        return words
    covered = covered_numbers(question, closest())
    return [word for word in words if not (word.isdigit() and int(word) in covered)]


def _nameable_unused(words: list[str], terms: QuestionTerms, lang: Lang) -> list[str]:
    """Those of `words` (unused by the documents) a reason in `lang` may name: nameable
    (reason_words.nameable_words), of no phrase the question asks by (reason_words.asked_by)
    and written by no document's path (QuestionTerms.path_writes: never said unmentioned)."""
    return [
        word
        for word in nameable_words(words, lang)
        if not asked_by(word, terms.focus, lang) and not terms.path_writes(word)
    ]


def _path_written_unused(words: list[str], terms: QuestionTerms, lang: Lang) -> list[str]:
    """Those of `words` (unused by the documents' texts) that `_nameable_unused` leaves out only
    because a document's path writes them (QuestionTerms.path_writes)."""
    return [
        word
        for word in nameable_words(words, lang)
        if not asked_by(word, terms.focus, lang) and terms.path_writes(word)
    ]


def _in_passages(
    terms: QuestionTerms, passages: frozenset[str], lang: Lang, closest: Closest | None = None
) -> str:
    """The reason naming the content words the closest passages (their tokens) lack but for
    the amounts a range of theirs holds (`_unranged`), or else those they mention, or else
    none."""
    unmatched = unmatched_words(terms, passages, lang) if passages else []
    unmatched = _unranged(unmatched, terms.focus, closest)
    if unmatched:
        return NOT_IN_PASSAGES[lang].format(words=_quoted(unmatched))
    if not passages or not _every_word_held(terms, passages, lang):
        return NOT_ANSWERED[lang]
    mentioned = _weighed_words(terms, passages, lang, held=True)
    if mentioned:
        return ONLY_MENTIONED[lang].format(words=_quoted(mentioned))
    return NOT_ANSWERED[lang]


def _every_word_held(terms: QuestionTerms, tokens: frozenset[str], lang: Lang) -> bool:
    """Whether `tokens` hold the own forms of every question word searched (a focus term's)
    but its interrogatives, its number marks ("numéro": a passage writing "SIRET 812 345 678"
    answers "le numéro SIRET") and the words of a phrase it asks by ("combien de temps":
    reason_words.asking_words), those a reason never names too ("mean", "premier", a typo): "the
    closest passages mention “temperature”, but none answers it" hid that they never say
    "mean" in "What is the mean temperature?" (review of s19-reasons)."""
    marks = language_words("number_marks")
    return all(
        _held(word, plain, tokens)
        for word, plain, _ in _searched_words(terms)
        if not _asks(word) and fold(word) not in marks and not asked_by(word, terms.focus, lang)
    )


_PIECE_BREAK = re.compile(f"[{re.escape(WORD_HYPHENS)}'’]")
"""What joins the pieces of one question word ("hd-0001", "long-term", "l’été")."""


def _held(word: str, alternatives: frozenset[str], tokens: frozenset[str]) -> bool:
    """Whether `tokens` hold the question word `word`: one of its `alternatives` (its own
    forms, or its term's), and for a word of pieces each piece that has a form: a passage
    writing "HD-0042" holds "hd" but does not mention "hd-0001" (s20 hostile probe: a reason
    said the closest passages mention “hd-0001”, “hd-0002”, “hd-0003”)."""
    if not alternatives & tokens:
        return False
    pieces = _PIECE_BREAK.split(word)
    return len(pieces) < 2 or all(not own or own & tokens for own in map(word_alternatives, pieces))


def _with_spellings(reason: str, terms: QuestionTerms, lang: Lang, closest: Closest | None) -> str:
    """`reason`, then the closest passages' spelling of the question's misspelt words when they
    write any (spelling_hints.py: "Did you mean “default”?")."""
    offer = did_you_mean(terms, lang, closest)
    return f"{reason} {offer}" if offer else reason


def never_written(terms: QuestionTerms, lang: Lang) -> Reason | None:
    """The reason for a question naming code identifiers, acronyms, titled names or version
    numbers the corpus never writes (QuestionTerms.unknown_identifiers, unwritten_names,
    unwritten_versions: "BCG", "Dr Lefebvre"'s "Lefebvre", "Python 3.13"'s "3.13"), claiming
    their absence, or None when it names none.
    When a document's path writes each of them (QuestionTerms.path_writes), the question is still
    refused, its reason claiming no absence (NOT_ANSWERED): only the claim goes, not the gate
    (s33 review); so too when the path of a file the build did not read writes an acronym or
    a titled name (QuestionTerms.unread_names: that file may hold it, s35 review)."""
    if not (
        terms.unknown_identifiers
        or terms.unwritten_names
        or terms.unread_names
        or terms.unwritten_versions
    ):
        return None
    unwritten = [name for name in terms.unknown_identifiers if not terms.path_writes(name)]
    unwritten += terms.unwritten_names  # none a path writes (absent_names.py)
    unwritten += terms.unwritten_versions  # none a path writes (questions.analyse)
    if not unwritten:
        return Reason(NOT_ANSWERED[lang])
    return Reason(NEVER_WRITES[lang].format(words=_quoted(unwritten)), True)


def no_record_named(terms: QuestionTerms, lang: Lang) -> str | None:
    """The reason for a question writing a record's identifier the corpus never writes while
    it writes its siblings ("INC-2025-02" among INC-2025-07 and INC-2025-08:
    QuestionTerms.unheld_records), naming the closest it writes; None when it writes none."""
    if not terms.unheld_records:
        return None
    record, held = terms.unheld_records[0]
    and_word = "et" if lang == "fr" else "and"
    listed = ", ".join(held[:-1]) + f" {and_word} {held[-1]}" if len(held) > 1 else held[0]
    return NO_RECORD_NAMED[lang].format(record=_quoted([record]), held=shown(listed))


def no_such_day(terms: QuestionTerms, lang: Lang) -> str | None:
    """The reason for a question naming a date no calendar has ("2026-13-45", "30 février
    2026": QuestionTerms.impossible_dates, each named once), or None when it names none: any
    day quoted would be another day."""
    dates = list(dict.fromkeys(terms.impossible_dates))  # each once, as first written
    if not dates:
        return None
    wording = NO_SUCH_DAY if len(dates) == 1 else NO_SUCH_DAYS
    return wording[lang].format(dates=_quoted(dates))


def no_day_written(day: str, held: list[str], lang: Lang, repeating: Sequence[str] = ()) -> str:
    """The reason for a question asking of a day (as typed) no document writes nor is dated,
    naming the dated documents closest to it and the `repeating` events falling on it
    (document text: made visible, one line each)."""
    listed = ", ".join(cut(shown(value)) for value in held)
    if not repeating:
        return NO_DAY_WRITTEN[lang].format(day=shown(day), held=listed)
    events = _quoted([shown(name) for name in repeating])
    return NO_DAY_WRITTEN_BUT_REPEATING[lang].format(day=shown(day), held=listed, events=events)


def no_document_naming(name: str, lang: Lang) -> str:
    """The reason naming the name (as the question writes it) no closest passage's document
    writes."""
    return NO_DOCUMENT_NAMING[lang].format(name=_quoted([name]))


def never_with(member: str, owner: str, lang: Lang) -> str:
    """The reason naming a member and the owner the question asked it of (as typed), which the
    closest documents never write together."""
    return NEVER_WITH[lang].format(member=_quoted([member]), owner=_quoted([owner]))


def only_its_title(title: str, lang: Lang) -> str:
    """The reason naming the document, by its title, that holds nothing but that title."""
    return ONLY_ITS_TITLE[lang].format(title=_quoted([title]))


def not_in_passages(words: list[str], lang: Lang) -> str:
    """The reason naming words (as the question writes them) the closest passages lack."""
    return NOT_IN_PASSAGES[lang].format(words=_quoted(words))


def no_row_names(key: str, closest: list[str], lang: Lang) -> str:
    """The reason for a lookup of a key no table holds: the key between quotation marks, then
    the closest keys the tables hold, as they write them (document text: made visible, one
    line, a long one by its ends)."""
    held = ", ".join(cut(shown(cell)) for cell in closest)
    templates = {0: NO_ROW_NAMES_NONE, 1: NO_ROW_NAMES_ONE}
    template = templates.get(len(closest), NO_ROW_NAMES)
    return template[lang].format(key=_quoted([shown(key)]), closest=held)


def no_row_in_pointed(
    key: str, title: str, keys: Sequence[str], lang: Lang, *, more: bool = False
) -> str:
    """The reason for a key looked up in another table than the one the question points at,
    which lacks it: the key and that table's document title between quotation marks, then the
    keys its rows name (document text: made visible, one line, a long one by its ends), "…"
    after them when it has `more`."""
    named = ", ".join(cut(shown(cell)) for cell in keys) + (", …" if more else "")
    return NO_ROW_IN_POINTED[lang].format(
        key=_quoted([shown(key)]), title=_quoted([shown(title)]), keys=named
    )


def no_section_numbered(
    number: str, numbered: list[str], title: str, lang: Lang, *, more: bool = False
) -> str:
    """The reason for a question asking a section number the closest document does not hold:
    the number and the document's title between quotation marks, then the numbers its sections
    open with (document text: made visible, one line, a long one by its ends), "…" after them
    when it has `more`."""
    held = ", ".join(cut(shown(value)) for value in numbered) + (", …" if more else "")
    return NO_SECTION_NUMBERED[lang].format(
        number=_quoted([shown(number)]), numbered=held, title=_quoted([shown(title)])
    )


def release_lacks_kind(number: str, kind: str, listed: Sequence[str], lang: Lang) -> str:
    """The reason for a question asking a kind of change a release does not list: its number,
    the kind's name between quotation marks, then the subheadings it lists (document text:
    made visible, one line, a long one by its ends)."""
    held = ", ".join(cut(shown(title)) for title in listed)
    return RELEASE_LACKS_KIND[lang].format(
        number=cut(shown(number)), kind=_quoted([kind]), listed=held
    )


def no_such_page(
    page: int, most: int, lang: Lang, title: str | None = None, blank: bool = False
) -> str:
    """The reason for a question asking a `page` that is not there: of the document titled
    `title` the question names, which has `most` pages (0: none), or holding no text (`blank`);
    of no document, the longest having `most` pages (the title between quotation marks,
    made visible)."""
    if title is None:
        reasons = NO_SUCH_PAGE if most else NO_PAGES
        return reasons[lang].format(page=page, most=most)
    reasons = BLANK_PAGE if blank else NAMED_LACKS_PAGE if most else NAMED_UNPAGED
    return reasons[lang].format(page=page, most=most, title=_quoted([shown(title)]))


def no_held_id(asked: str, held: list[str], lang: Lang) -> str:
    """The reason for a question asking of a year, a keyed number ("week 20": unheld_numbers)
    or a record's id ("order 51877", "E52": unheld_codes) the passages its answer stands in
    never write: the one asked between quotation marks, then those they write (document or
    question text: made visible, one line, a long one by its ends: a name of 300 words)."""
    shown_held = ", ".join(cut(shown(value)) for value in held)
    return NO_HELD_ID[lang].format(asked=_quoted([shown(asked)]), held=shown_held)


def record_lacks_field(owner: str, field: str, lang: Lang) -> str:
    """The reason for a question asking a field the owner's record lacks (owner_fields.py):
    the owner as the question writes it and the field as another record labels it (document
    text: made visible, one line, a long one by its ends), between quotation marks."""
    owner, field = _quoted([cut(shown(owner))]), _quoted([cut(shown(field))])
    return RECORD_LACKS_FIELD[lang].format(owner=owner, field=field)


def empty_cell(record: str, column: str, lang: Lang) -> str:
    """The reason for a question asking a cell its record's quoted row leaves empty: the
    record's name and the column's header (document text: made visible, one line, a long one
    by its ends)."""
    return EMPTY_CELL[lang].format(record=cut(shown(record)), column=cut(shown(column)))


def opposed_qualifier(asked: str, held: str, lang: Lang) -> str:
    """The reason for a question whose quotes write the qualifier opposite to the one it asks:
    both between quotation marks, the quotes' first."""
    held, asked = _quoted([shown(held)]), _quoted([shown(asked)])
    return OPPOSED_QUALIFIER[lang].format(held=held, asked=asked)


def not_counted(title: str, lang: Lang) -> str:
    """The reason for a question counting the records of the table of the document `title`."""
    return NOT_COUNTED[lang].format(title=_quoted([shown(title)]))


def unsure(sure: float, floor: float, lang: Lang) -> str:
    """The reason for an abstention by the user's `min_confidence` alone: both figures with two
    decimals, as shown, or with as many more as it takes for the confidence to read below the
    setting (0.6116 and 0.6117, not 0.61 and 0.61)."""
    shown = _below(sure, floor)
    if lang == "fr":
        shown = [value.replace(".", ",") for value in shown]
    return UNSURE[lang].format(sure=shown[0], floor=shown[1])


def _below(low: float, high: float) -> list[str]:
    """`low` and `high` with the fewest decimals (two or more) at which `low` reads below."""
    for decimals in range(2, 10):
        shown = [f"{value:.{decimals}f}" for value in (low, high)]
        if float(shown[0]) < float(shown[1]):
            return shown
    return [repr(low), repr(high)]


def unmatched_words(terms: QuestionTerms, tokens: frozenset[str], lang: Lang) -> list[str]:
    """The question's content words (reason_words.py: interrogatives, function and generic
    words of `lang` aside) that `tokens` lack, heaviest first (at most MAX_WORDS_NAMED), but
    for those a document's path writes (QuestionTerms.path_writes)."""
    return _weighed_words(terms, tokens, lang, held=False)


def _weighed_words(
    terms: QuestionTerms, tokens: frozenset[str], lang: Lang, *, held: bool
) -> list[str]:
    """The question's content words, as typed, whose own forms `tokens` hold (`held`), or
    whose term (its corrections, translations and glossary forms too) they lack, heaviest first
    (at most MAX_WORDS_NAMED). A word is held only by its own forms: a French corpus holding
    "extincteurs" does not mention the question's "extinguishers" (review of s19-reasons)."""
    found: list[tuple[float, str]] = []
    for word, plain, (alts, weight) in _searched_words(terms):
        if asked_by(word, terms.focus, lang) or generic_acronym(word):
            continue  # asked about, or an interjection ("SOS": absent_names.generic_acronym)
        if not nameable(word, lang, unused=word in terms.absent):
            continue
        if not held and terms.path_writes(word):
            continue  # a folder or file name writes it: never said unmentioned (path_words.py)
        if _held(word, plain if held else alts, tokens) == held:
            found.append((weight, word))
    found.sort(key=lambda pair: -pair[0])
    return [word for _, word in found[:MAX_WORDS_NAMED]]


def _searched_words(
    terms: QuestionTerms,
) -> Iterator[tuple[str, frozenset[str], tuple[frozenset[str], float]]]:
    """Each word of the question as typed, once, that a focus term searched: the word, its own
    forms (questions.word_alternatives) and the first focus term holding one of them."""
    focus = terms.own_terms
    for word in dict.fromkeys(terms.focus_words):
        plain = word_alternatives(word)
        term = next(((alts, weight) for alts, weight in focus if plain & alts), None)
        if term is not None:
            yield word, plain, term


def _asks(word: str) -> bool:
    """Whether a question word is of the question's form ("many", "Combien"), not its subject:
    the word itself, folded, is one of questions.interrogatives ("long-term" and "longer" are
    not, though their tokens hold "long")."""
    return fold(word) in interrogatives()


def _quoted(words: list[str]) -> str:
    """The words between quotation marks, each without a French elision before it (language.
    without_elision: "heures" of "Combien d'heures…", not “d'heures”, s57 trial), a word of
    hundreds of letters by its ends (`cut`)."""
    named = (without_elision(word) for word in words[:MAX_WORDS_NAMED])
    return ", ".join(cut(word, marks=("“", "”")) for word in named)


def message(reason: str, lang: Lang, has_passages: bool) -> str:
    """The answer text of an abstention: the reason, then where to look."""
    return f"{reason} {CLOSEST[lang]}" if has_passages else reason
