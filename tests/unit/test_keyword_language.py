"""keyword_language.in_words_language: a question whose words say no language ("puissance
fiscale voiture") is read in its first passage's language, in each of its rankings, when the
documents write most of its words (s27 trial: read as English, an English "try asking in
French" hint and a refusal across languages); otherwise as detect_lang says."""

from __future__ import annotations

from citeqa.keyword_language import in_words_language, says_no_language
from citeqa.models import Chunk, Hit, Lang, Retrieval
from citeqa.questions import QuestionTerms


def retrieval(question: str, first: Lang, text: str = "text") -> Retrieval:
    chunk = Chunk(chunk_id="d#0", doc_id="d", start=0, end=len(text), text=text, lang=first)
    hit = Hit(chunk=chunk, chunk_index=0, score=1.0, channel_scores={})
    return Retrieval(question=question, query_lang="en", hits=[hit])


def read(ranking: Retrieval, asked: QuestionTerms) -> Retrieval:
    """`ranking` alone, as in_words_language reads it."""
    (found,) = in_words_language([ranking], asked)
    return found


def terms(focus_terms: int, absent: list[str]) -> QuestionTerms:
    return QuestionTerms(focus="", focus_terms=focus_terms, absent=absent)


def test_a_keyword_question_the_documents_mostly_write_takes_its_passages_language() -> None:
    found = read(retrieval("puissance fiscale voiture", "fr"), terms(3, ["voiture"]))
    assert found.query_lang == "fr"


def test_a_keyword_question_whose_words_the_documents_mostly_lack_keeps_the_default() -> None:
    question = "cellules stromales cordon effets"
    found = read(retrieval(question, "en"), terms(4, ["cellules", "stromales"]))
    assert found.query_lang == "en"
    assert read(retrieval(question, "fr"), terms(4, ["cellules", "effets"])) == (
        retrieval(question, "fr")
    )


def test_a_question_whose_words_say_its_language_is_left_as_detected() -> None:
    assert not says_no_language("What is the fiscal power of the car?")
    found = read(retrieval("What is the fiscal power of the car?", "fr"), terms(3, []))
    assert found.query_lang == "en"
    assert says_no_language("puissance fiscale voiture")


def test_no_passage_leaves_the_retrieval_as_it_is() -> None:
    empty = Retrieval(question="loyer montant", query_lang="en", hits=[])
    assert read(empty, terms(2, [])) is empty


def test_a_keyword_question_of_known_english_words_stays_english() -> None:
    """Off-topic test half: "lupus nephritis daily salt limit" of French encyclopedia articles
    (which write "lupus" and "limit") was read as French and answered from them."""
    question = "lupus nephritis daily salt limit"
    found = read(retrieval(question, "fr"), terms(5, ["nephritis"]))
    assert found.query_lang == "en"


def test_each_ranking_of_a_keyword_question_takes_its_own_first_passage_language() -> None:
    """The ranking shown and the evidence may open on passages of two languages."""
    question = "puissance fiscale voiture"
    shown, evidence = in_words_language(
        [retrieval(question, "fr"), retrieval(question, "en")], terms(3, ["voiture"])
    )
    assert (shown.query_lang, evidence.query_lang) == ("fr", "en")
    assert in_words_language([], terms(3, [])) == []


def test_a_keyword_question_typing_a_passage_word_unaccented_takes_their_language() -> None:
    """s31 trial: "franchise generale assurance" of a French insurance contract writing
    "Franchise générale" was read as English ("franchise" and "assurance" are English words too)
    and refused across languages. "generale" is no English word, and the passages write it only
    with its accent."""
    contract = "Franchise générale : 300 € par sinistre. Assurance multirisque de l'atelier."
    found = read(retrieval("franchise generale assurance", "fr", contract), terms(3, []))
    assert found.query_lang == "fr"
    plain = "Franchise generale : 300 € par sinistre."  # written without accents too: no sign
    found = read(retrieval("franchise generale assurance", "fr", plain), terms(3, []))
    assert found.query_lang == "en"
    menu = "Le café propose un menu du jour; prix affichés."  # "cafe" is an English word
    assert read(retrieval("cafe menu prices", "fr", menu), terms(3, [])).query_lang == "en"


def test_a_name_typed_without_its_accents_is_no_sign_of_the_passages_language() -> None:
    """s32 review: "Trelaze client phone" of a folder writing the town "Trélazé" was read as
    French: a town's name, typed capitalised or not, is written so whatever the writer's
    language; a lower-case word the passages write with accents still is a sign."""
    customers = "Client : Garage Martin, Trélazé. Téléphone : 02 41 00 00 00, échéance le 30."
    for question in ("Trelaze client phone", "trelaze client phone"):
        found = read(retrieval(question, "fr", customers), terms(3, []))
        assert found.query_lang == "en", question
    found = read(retrieval("client phone echeance", "fr", customers), terms(3, []))
    assert found.query_lang == "fr"
