"""Whether the answer of a question read again with its absent words translated into the other
language's passage words (api.Assistant._translated) replaces the answer it had as typed.

The translated reading counts each translated word as found, so it scores the sentences it
quotes higher than the reading as typed did, whatever it quotes: the same English sentence
quoted again came back surer ("Is the laundry room open during the elevator works?" of a
mostly French folder, .30 → .36, the quote saying nothing of the elevator), and so did near
misses. Its answer therefore stands only for what the translation brings: a quote writing
one of the translated words, and never for another item than the one asked: a key the question
names ("building D", "bâtiment C", "room 12") that no passage it quotes writes. A question in
the language most documents use, read across toward the few, is held further: the sentences it
quotes must write every content word of it, or a translation of it (`unwritten_words`): half its
words translating found another subject's passage ("How much does cleaning the boats cost?" of a
rowing club's folder quoted the French hall contract's cleaning fee, s37 review), and words
written in other sentences of the passage another subject's sentence (s38 review).
A reading no passage found vouched for stands only when its quote writes another word of the
question too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

from citeqa.language import split_sentences
from citeqa.lexical import fold
from citeqa.models import Answer, Citation, Hit, Lang, Retrieval
from citeqa.passage_translation import chunk_word_forms, is_form_of
from citeqa.reason_words import content_pieces
from citeqa.value_kinds import valued_words

MAJORITY_CONFIDENCE = 0.30
"""The least confidence of an answer of a question in the language most documents use read
across toward the few (`replaces`' `majority`: abstention.DocumentLanguages.translated_share
under 1), whatever share of its absent words translated. The word no document writes in either
language may be what the question asks ("Who signs the warranty certificate?" of an English
folder with French client letters quoted the warranty period at .28, "What is the parking fee
for lorries?" the parking ban at .17): s37 repro."""

Translate = Callable[[list[str], list[Hit]], Mapping[str, str]]
"""Words of a question (as typed) read as words of passages (`Hit`s) in the other language: each
folded, with the passage word it means (passage_translation.translations)."""


def replaces(
    read_across: Answer,
    as_typed: Answer,
    translated: Iterable[str],
    evidence: Retrieval,
    lang: str,
    majority: bool = False,
) -> bool:
    """Whether `read_across`, the answer of the question (in `lang`) read with its absent words
    as the `translated` passage words (folded), from the passages `evidence`, replaces its
    answer `as_typed` (Assistant._lacking_words): when that one abstains, if it abstains too
    (its refusal read across: "the passages are in French") or brings what the translation
    found (`_brings_translation`); else only when it answers, surer, quoting other sentences,
    one of which writes a translated word (the question "Who teaches
    Spanish?" answered as typed from an English note on teaching with drama, read translated,
    quotes the timetable's "Espagnol"). An answer right as typed stays: an English question of a
    bilingual corpus, read with its words translated ("pourrait", "échouent"), quoted a French
    note at a lower confidence. The reading of a question in the language most documents use
    (`majority`) answers at MAJORITY_CONFIDENCE at least."""
    words = set(translated)
    if majority and not read_across.abstained and read_across.confidence < MAJORITY_CONFIDENCE:
        return False
    if as_typed.abstained:
        return read_across.abstained or _brings_translation(read_across, words, evidence, lang)
    return (
        not read_across.abstained
        and read_across.confidence > as_typed.confidence
        and _quoted(read_across) != _quoted(as_typed)
        and _writes_any(read_across.citations, words)
    )


def _brings_translation(answer: Answer, words: set[str], evidence: Retrieval, lang: str) -> bool:
    """Whether `answer` quotes what a reading with the translated `words` found: a quote
    writing one of them, or one from a passage of `evidence` in another language than the
    question's `lang`. A quote of the question's own language writing none was found without
    them, by words the question was refused for as typed: "How much is the morning childcare
    session?" of a French folder (s32 trial), read with "enfants" and "séance", quoted an English
    mail's visit programme."""
    if _writes_any(answer.citations, words):
        return True
    return any(hit.chunk.lang != lang for hit in _holding(answer.citations, evidence))


def _holding(citations: Iterable[Citation], evidence: Retrieval) -> Iterable[Hit]:
    """The passages of `evidence` that hold a quote of `citations`."""
    for citation in citations:
        yield from (hit for hit in evidence.hits if hit.chunk.holds(citation))


def names_another_item(read_across: Answer, keys: Iterable[str], evidence: Retrieval) -> bool:
    """Whether `read_across` answers from passages none of which writes one of the question's
    `keys` (questions.question_keys, folded: "d" of "building D"), the passages of `evidence`
    holding its quotes, with their headings and titles: "When is the lift in building D
    replaced?" of a French folder was refused as typed and, read translated, quoted "L'ascenseur
    du bâtiment A sera en panne…" at .74. Only the translated reading is held to this (a
    question read as typed matches its own words)."""
    if read_across.abstained:
        return False
    written = fold(" ".join(_quoted_texts(read_across.citations, evidence)))
    return any(not _writes_key(written, key) for key in keys)


def unwritten_words(
    read_across: Answer, question: str, lang: Lang, evidence: Retrieval, translate: Translate
) -> list[str]:
    """The content words of `question` (in `lang`; reason_words.content_pieces) that the quoted
    sentence of `read_across` writing most of them (language.split_sentences of its quotes)
    writes in no form, nor as a value of the kind of value the question asks
    (value_kinds.valued_words: the "phone number" of "What is the emergency phone number at
    night?", "05 49 00 12 34"), nor as a translation (`translate`, into a word of the quotes,
    `_quoted_hits`, one the sentence writes); [] for an abstention. The sentences
    answering the question write each of its words, in one language or the other: read across
    by half its words, "How much does cleaning the boats cost?" quoted "Le nettoyage est facturé
    150 euros si la salle n'est pas rendue propre." ("boats" none) and "Is the bathing cap
    compulsory in the sauna?" the pool's opening hours ("sauna" none; s37 review, a rowing
    club's folder with 3 French documents of 13); words written elsewhere in the passage are
    another sentence's: "What time does the truck parking open?" quoted a site's access mail,
    "ouvert" of its gate, "camions" of a parking ban (s38 review)."""
    if read_across.abstained:
        return []
    sentences = [
        quote[left:right]
        for quote in (citation.quote for citation in read_across.citations)
        for left, right in split_sentences(quote)
    ]
    pieces = content_pieces(question, lang)
    written = [{folded for folded, _ in chunk_word_forms(text)} for text in sentences]
    lacking = [piece for piece in pieces if any(not _written(fold(piece), w) for w in written)]
    found = translate(lacking, _quoted_hits(read_across.citations, evidence)) if lacking else {}
    unwritten = [
        _unwritten_in(sentence, words, pieces, question, found)
        for sentence, words in zip(sentences, written, strict=True)
    ]
    return min(unwritten, key=len, default=pieces)


def _quoted_hits(citations: Iterable[Citation], evidence: Retrieval) -> list[Hit]:
    """The passages of `evidence` holding a quote of `citations`, each read as that quote alone:
    a question's word is translated into a word the quote writes, not the nearest of its whole
    passage ("swimming" of "swimming pool" was read as "natation" of another sentence, where the
    quoted "La piscine est ouverte…" writes "piscine")."""
    return [
        hit.model_copy(update={"chunk": hit.chunk.model_copy(update={"text": citation.quote})})
        for citation in citations
        for hit in evidence.hits
        if hit.chunk.holds(citation)
    ]


def _unwritten_in(
    sentence: str, written: set[str], pieces: list[str], question: str, found: Mapping[str, str]
) -> list[str]:
    """The question's content `pieces` that `sentence` (its `written` words) writes in no form,
    nor as its translation (`found`), nor as a value of the kind the `question` asks
    (value_kinds.valued_words)."""
    valued = valued_words(question, [sentence])
    return [
        piece
        for piece in pieces
        if fold(piece) not in valued
        and not _written(fold(piece), written)
        and not _written(fold(found.get(fold(piece), "")), written)
    ]


def _written(folded: str, written: set[str]) -> bool:
    """Whether a `folded` word is one of the `written` words in some form (a plural:
    passage_translation.is_form_of)."""
    if not folded:
        return False
    return folded in written or any(is_form_of(folded, word) for word in written)


def writes_another_asked(
    read_across: Answer,
    also_asked: tuple[str, ...] | None,
    translate: Translate | None = None,
    evidence: Retrieval | None = None,
) -> bool:
    """Whether `read_across`, the answer of a question read across with no passage found to
    vouch for its reading (corpus_translation.every_word_across), quotes a sentence writing one
    of the question's other content words `also_asked` (folded, as a word of its own or by
    `_writes_any`'s forms: "22" of "Where is the school trip on 22 May?" in "Sortie scolaire
    au zoo de Vincennes le 22 mai 2026"); any other answer (`also_asked` None) needs none. The
    translated word alone is no evidence: "When is the school trip?" of a family folder,
    "school" read as "école" and "scolaire", quoted "Réunion parents-professeurs à l'école le 22
    mai 2026 à 18 h." (s38 review), a line on no trip. Nor is such a reading's refusal: the
    refusal as typed names the words no document writes and the other language to ask in, where
    the refusal read across said only that the closest passages do not mention them ("Quand est
    le rendez-vous de Maya ?" of a family folder, "rendez-vous" read as "appointment": s38).
    With `translate` (words read as words of passages in the other language) and the `evidence`
    read, a quote writing such a reading of one of them writes it too: a quote in the other
    language rarely writes a word of the question as typed ("How much did the car insurance
    drop to?" of a family folder, "insurance" read as "assurance", quoted "Renégocier
    l'assurance auto : passée de 61 € à 48 € par mois", "car" / "auto" .887; notes test a43)."""
    if also_asked is None:
        return True
    if read_across.abstained:
        return False
    quotes = [fold(citation.quote) for citation in read_across.citations]
    written = any(_writes_key(quote, word) for quote in quotes for word in also_asked)
    if written or _writes_any(read_across.citations, set(also_asked)):
        return True
    if translate is None or evidence is None:
        return False
    read = translate(list(also_asked), list(_holding(read_across.citations, evidence)))
    return bool(read) and _writes_any(read_across.citations, set(read.values()))


def _quoted_texts(citations: Iterable[Citation], evidence: Retrieval) -> Iterable[str]:
    """The quotes of `citations`, their titles and sections, and the text and heading of each
    passage of `evidence` that holds one."""
    for citation in citations:
        yield from (citation.quote, citation.title, citation.section or "")
    for hit in _holding(citations, evidence):
        yield from (hit.chunk.text, hit.chunk.section or "")


def _writes_key(folded: str, key: str) -> bool:
    """Whether the `folded` text writes `key` as a word of its own (not inside another word or
    number, nor a letter elided before a word: "d'un" writes no "d")."""
    return re.search(rf"(?<![\w'’]){re.escape(key)}(?![\w'’])", folded) is not None


def _quoted(answer: Answer) -> frozenset[tuple[str, int, int]]:
    """The spans `answer` quotes: its citations' documents and characters."""
    return frozenset((c.doc_id, c.start, c.end) for c in answer.citations)


def _writes_any(citations: Iterable[Citation], words: set[str]) -> bool:
    """Whether a quote of `citations` writes one of the folded `words` (read as passage words
    are for a translation: passage_translation.chunk_word_forms), or the singular of one: a
    word is translated into the form one passage writes ("result" / "résultats"), and the
    quote that answers may write the singular ("What was the 2024 financial result?" of a
    French folder, s35 trial a98: "Résultat 2024 : déficit de 1 860 euros" at .72 was left
    for the as-typed "Rapport financier 2024" heading at .51). Only a final "s"/"x" is set
    aside: a longer quote word, or one sharing a stem only, is another word ("cour" / "cours",
    "port" / "porte")."""
    forms = _with_singulars(words)
    return any(
        folded in forms for citation in citations for folded, _ in chunk_word_forms(citation.quote)
    )


def _with_singulars(words: set[str]) -> set[str]:
    """`words` and the singular of each ending in "s" or "x" (its final letter dropped)."""
    return words | {word[:-1] for word in words if word.endswith(("s", "x"))}
