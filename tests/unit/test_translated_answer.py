"""translated_answer.replaces: a question's translated reading replaces its answer as typed
only for what the translation brings (review E of s29-crossmin: the same quote, or a near
miss's other quote, came back surer because the translated word counted as found)."""

from __future__ import annotations

from citeqa.models import Answer, Chunk, Citation, Hit, Lang, Retrieval
from citeqa.translated_answer import names_another_item, replaces, writes_another_asked

LAUNDRY = "The laundry room in the basement is open every day from 7 am to 10 pm."
SPANISH = "Mme Ortiz enseigne l'espagnol aux élèves de troisième."
DRAMA = "Two teachers will follow a course on teaching with drama in July."


def answered(quote: str, confidence: float, doc_id: str = "note") -> Answer:
    citation = Citation(
        n=1, doc_id=doc_id, title=doc_id, path=doc_id, start=0, end=len(quote), quote=quote
    )
    return Answer(
        question="?", abstained=False, confidence=confidence, answer=quote, citations=[citation]
    )


REFUSED = Answer(question="?", abstained=True, confidence=0.0, answer="No answer.")
NO_EVIDENCE = Retrieval(question="?", query_lang="en", hits=[])


def test_a_surer_quote_writing_a_translated_word_replaces_the_answer_as_typed() -> None:
    assert replaces(
        answered(SPANISH, 0.47, "timetable"), answered(DRAMA, 0.25), ["espagnol"], NO_EVIDENCE, "en"
    )


def test_the_same_quote_read_translated_leaves_the_answer_as_typed() -> None:
    # "Is the laundry room open during the elevator works?": .30 as typed, .36 translated
    assert not replaces(
        answered(LAUNDRY, 0.36), answered(LAUNDRY, 0.30), ["ascenseur"], NO_EVIDENCE, "en"
    )


def test_another_quote_without_a_translated_word_leaves_the_answer_as_typed() -> None:
    # a near miss read translated finds another sentence, surer, that never writes the word
    # the question lacked
    assert not replaces(
        answered(DRAMA, 0.48, "grant"), answered(LAUNDRY, 0.27), ["ascenseur"], NO_EVIDENCE, "en"
    )


def test_a_less_sure_translated_answer_leaves_the_answer_as_typed() -> None:
    assert not replaces(
        answered(SPANISH, 0.2, "timetable"), answered(DRAMA, 0.6), ["espagnol"], NO_EVIDENCE, "en"
    )


def test_a_refusal_as_typed_is_replaced_and_an_answer_never_by_a_refusal() -> None:
    assert replaces(answered(SPANISH, 0.2, "timetable"), REFUSED, ["espagnol"], NO_EVIDENCE, "en")
    assert replaces(REFUSED, REFUSED, ["espagnol"], NO_EVIDENCE, "en")
    assert not replaces(REFUSED, answered(DRAMA, 0.25), ["espagnol"], NO_EVIDENCE, "en")


GARDERIE = "La garderie du matin coûte 1,60 € la séance."
MAIL = "Thursday 29 May: arrival at the salle des fêtes around 5 pm, welcome drinks."


def read_in(passages: dict[str, tuple[str, Lang]]) -> Retrieval:
    """The evidence of a reading: one passage per document, its whole text and language."""
    hits = [
        Hit(
            chunk=Chunk(chunk_id=doc, doc_id=doc, start=0, end=len(text), text=text, lang=lang),
            chunk_index=number,
            score=1.0,
        )
        for number, (doc, (text, lang)) in enumerate(passages.items())
    ]
    return Retrieval(question="?", query_lang="en", hits=hits)


EVIDENCE = read_in({"mail": (MAIL, "en"), "tarifs": (GARDERIE, "fr")})


def test_a_refusal_stays_when_the_translated_reading_quotes_its_own_language_alone() -> None:
    # s32 trial a23 "How much is the morning childcare session?" of a French folder with two
    # English mails: read with "enfants", "séance", it quoted the English mail's programme,
    # which writes neither; the translation brought nothing to that quote
    quoted_mail = answered(MAIL, 0.19, "mail")
    assert not replaces(quoted_mail, REFUSED, ["enfants", "seance"], EVIDENCE, "en")
    assert replaces(answered(GARDERIE, 0.4, "tarifs"), REFUSED, ["seance"], EVIDENCE, "en")
    # a passage in the other language quoted answers for the translation, whatever it writes
    assert replaces(answered(GARDERIE, 0.4, "tarifs"), REFUSED, ["enfants"], EVIDENCE, "en")
    # an English mail writing a translated word ("salle", read as "hall") was found by it
    assert replaces(quoted_mail, REFUSED, ["salle"], EVIDENCE, "en")


LIFT = "L'ascenseur du bâtiment A sera en panne d'un jour."
NO_PASSAGES = Retrieval(question="?", query_lang="en", hits=[])


def test_a_translated_answer_names_another_item_when_no_quote_writes_the_key_asked() -> None:
    # "building D": "du" and the elided "d'un" write no "d"; "bâtiment A" writes "a"
    assert names_another_item(answered(LIFT, 0.74), ["d"], NO_PASSAGES)
    assert not names_another_item(answered(LIFT, 0.74), ["a"], NO_PASSAGES)
    assert not names_another_item(answered(LIFT, 0.74), [], NO_PASSAGES)
    assert not names_another_item(REFUSED, ["d"], NO_PASSAGES)


def test_a_key_written_by_the_quoted_document_s_title_is_held() -> None:
    assert not names_another_item(answered(LIFT, 0.74, "Bâtiment D"), ["d"], NO_PASSAGES)


RESULT = "Résultat 2024 : déficit de 1 860 euros, couvert par les réserves."
REPORT_HEADING = "1. Rapport financier 2024\nPrésenté par Monique Garnier, trésorière."


def test_a_surer_quote_writing_another_form_of_a_translated_word_replaces_the_answer() -> None:
    # s35 trial a98 "What was the 2024 financial result?": "result" was read as the passage
    # word "résultats"; the surer quote writes the singular "Résultat"
    result, heading = answered(RESULT, 0.72, "ag-2025"), answered(REPORT_HEADING, 0.51, "ag-2025")
    assert replaces(result, heading, ["resultats"], NO_EVIDENCE, "en")
    # a longer word is another word, even sharing a stem ("résultante")
    assert not replaces(result, heading, ["resultante"], NO_EVIDENCE, "en")


def test_a_quote_writing_a_longer_word_sharing_a_stem_does_not_replace_the_answer() -> None:
    # review of s36-across: "cour" read as "cours", "port" as "porte" are other words
    right = answered("The back gate is closed at 8 pm.", 0.5, "en-doc")
    lessons = answered("Les cours de français sont fermés le mardi.", 0.6, "fr-doc")
    door = answered("La porte du parking est remplacée en mars.", 0.6, "fr-doc")
    assert not replaces(lessons, right, ["cour"], NO_EVIDENCE, "en")
    assert not replaces(door, right, ["port"], NO_EVIDENCE, "en")


def test_a_french_question_s_translated_word_is_held_in_another_english_form() -> None:
    # the other direction: "justificatifs" read as the English passage word "receipts", the
    # surer quote writing "receipt"
    kept = answered("Each receipt must be kept for five years.", 0.6, "mou")
    as_typed = answered("Jàngal sends the receipts to the treasurer.", 0.3, "mail")
    assert replaces(kept, as_typed, ["receipts"], NO_EVIDENCE, "fr")
    # the same quote read translated still leaves the answer as typed
    assert not replaces(
        kept, answered(kept.citations[0].quote, 0.3, "mou"), ["receipts"], NO_EVIDENCE, "fr"
    )


MEETING = "Réunion parents-professeurs à l'école le 22 mai 2026 à 18 h."
TRIP = "Sortie scolaire au zoo de Vincennes le 22 mai 2026, départ à 8 h 30."


def test_a_reading_no_passage_vouched_for_stands_on_a_quote_writing_another_asked_word() -> None:
    # s38 review: "When is the school trip?", "school" read as "école" with no passage found
    # vouching for it, quoted the parents' meeting, a line on no trip; "Where is the school
    # trip on 22 May?" (notes dev a59) quotes the trip, writing "22"
    assert not writes_another_asked(answered(MEETING, 0.6), ("trip",))
    assert writes_another_asked(answered(TRIP, 0.6), ("trip", "22"))
    meeting_en = "Parent-teacher meeting at the school on 22 May 2026 at 6 pm."
    assert not writes_another_asked(answered(meeting_en, 0.6), ("sortie",))


def test_an_answer_read_otherwise_or_a_refusal_needs_no_other_asked_word() -> None:
    assert writes_another_asked(answered(MEETING, 0.6), None)
    assert writes_another_asked(REFUSED, ("trip",))
