"""asked_names: the names of several words a question writes, and which documents write them."""

from __future__ import annotations

from citeqa.asked_names import (
    NamedTexts,
    asked_names,
    folded_texts,
    names_written_by,
    write_a_part,
    writers,
    writes_another_name,
    writes_short_form,
)


def _texts(*documents: tuple[str, str]) -> NamedTexts:
    return folded_texts(documents)


def test_a_name_is_two_capitalised_words_or_more_with_particles_between() -> None:
    assert asked_names("Combien la Fondation de France nous a-t-elle accordé ?") == [
        ("fondation", "de", "france")
    ]
    assert asked_names("When did Jean-Luc Picard's team meet?") == [("jean", "luc", "picard")]


def test_one_word_the_first_word_and_a_title_make_no_name() -> None:
    assert asked_names("What is the price of the gala dinner in Ashcombe?") == []
    assert asked_names("Paul Marchand a-t-il payé sa cotisation ?") == []
    assert asked_names("How many Saturdays does Dr Benhamou work?") == []
    assert asked_names("Quel est le poste du Dr Marie Lefebvre ?") == [("marie", "lefebvre")]


def test_a_question_in_title_case_names_nothing() -> None:
    title = "Does Mammographic Density have an Impact on the Margin Re-excision Rate After Surgery?"
    assert asked_names(title) == []
    assert asked_names("Is gastric cancer different in Korea and the United States?") == [
        ("united", "states")
    ]


def test_a_document_writes_a_name_in_order_folded_in_its_text_or_path() -> None:
    texts = _texts(
        ("grants/letter", "La Fondation de France, fondée en 1969, accorde…"),
        ("grants/other", "La Fondation Savoirs Partagés accorde 45 000 euros en France."),
        ("x", "Rapport FONDATION DE FRANCE"),
        ("dons/Fondation_de_France/recu", "Reçu."),
    )
    assert writers(("fondation", "de", "france"), texts) == {
        "grants/letter",
        "x",
        "dons/Fondation_de_France/recu",
    }


def test_a_name_of_two_words_is_written_in_either_order() -> None:
    texts = _texts(("adherents", "| Nom | Prénom |\n| Marchand | Paul |\n| Léa | Martin |"))
    assert writers(("paul", "marchand"), texts) == {"adherents"}
    assert writers(("lea", "martin"), texts) == {"adherents"}
    assert writers(("jean", "de", "marchand"), texts) == frozenset()
    assert writers(("paul", "marc"), texts) == frozenset()


def test_only_the_names_some_document_writes_are_kept() -> None:
    texts = _texts(("a", "Paul Marchand signe."), ("b", "Rien."))
    names = [("paul", "marchand"), ("anne", "roux")]
    assert names_written_by(names, texts) == {("paul", "marchand"): {"a"}}


def test_another_entity_sharing_a_word_of_the_name_writes_a_part_of_it() -> None:
    texts = _texts(
        ("a", "| Marchand | Sophie | 2025-09-14 |"),
        ("b", "La Fondation Savoirs Partagés accorde 45 000 euros."),
        ("c", "En 1600, il tombe malade ; la mairie de Görlitz l'aide."),
    )
    assert write_a_part([("paul", "marchand")], [texts.folded["c"], texts.folded["a"]])
    assert write_a_part([("fondation", "de", "france")], [texts.folded["b"]])
    names = [("paul", "marchand"), ("fondation", "de", "france")]
    assert not write_a_part(names, [texts.folded["c"]])


def test_a_document_writes_a_name_only_capitalised_in_its_text() -> None:
    texts = _texts(
        ("minutes", "The Board Meeting approved the budget."),
        ("notes", "At the board meeting we spoke of paul marchand."),
        ("roster", "| MARCHAND | Paul |"),
    )
    assert writers(("board", "meeting"), texts) == {"minutes"}
    assert writers(("paul", "marchand"), texts) == {"roster"}


def test_a_name_written_with_its_first_word_capitalised_counts_once_one_writes_it_all() -> None:
    texts = _texts(
        ("rapport", "Le Conseil municipal s'est réuni 7 fois en 2025."),
        ("budget", "Le Conseil Municipal a validé le budget."),
        ("copil", "Le Comité de pilotage s'est réuni 4 fois."),
        ("notes", "The Steering committee met four times."),
    )
    assert writers(("conseil", "municipal"), texts) == {"rapport", "budget"}
    alone = _texts(("copil", "Le Comité de pilotage s'est réuni 4 fois."))
    assert writers(("comite", "de", "pilotage"), alone) == set()
    both = _texts(
        ("notes", "The Steering committee met four times."),
        ("plan", "The Steering Committee met."),
    )
    assert writers(("steering", "committee"), both) == {"notes", "plan"}


def test_a_middle_initial_between_a_names_words_still_writes_it() -> None:
    texts = _texts(
        ("conseil", "Le rapport a été présenté par Anne M. Lefort, trésorière."),
        ("minutes", "The report was read by John A. Carter, treasurer."),
    )
    assert writers(("anne", "lefort"), texts) == {"conseil"}
    assert writers(("john", "carter"), texts) == {"minutes"}


def test_a_name_a_document_writes_in_lower_case_is_an_ordinary_phrase() -> None:
    texts = _texts(
        ("minutes", "The Board Meeting approved the budget."),
        ("notes", "At the board meeting we spoke."),
        ("fees", "Paul Marchand paid."),
    )
    names = [("board", "meeting"), ("paul", "marchand")]
    assert names_written_by(names, texts) == {("paul", "marchand"): {"fees"}}


def test_a_capitalised_first_word_does_not_hide_the_name_after_it() -> None:
    assert asked_names("Did Paul Marchand pay his fee?") == [("paul", "marchand")]
    assert asked_names("Combien Paul Marchand a-t-il payé ?") == [("paul", "marchand")]


def test_a_word_under_three_letters_is_no_shared_word() -> None:
    assert not write_a_part([("section", "b")], ["see b below"])


def test_a_name_of_three_words_or_more_is_written_surname_first_in_a_roster() -> None:
    texts = _texts(
        ("adherents", "| Dupont | Jean-Pierre |\n| Martin | Anne-Sophie |"),
        ("membres", "| de la Tour | Marie |"),
    )
    assert writers(("jean", "pierre", "dupont"), texts) == {"adherents"}
    assert writers(("anne", "sophie", "martin"), texts) == {"adherents"}
    assert writers(("marie", "de", "la", "tour"), texts) == {"membres"}


def test_an_abbreviated_word_of_a_name_is_written_either_way() -> None:
    texts = _texts(("eglise", "L'église Saint-Martin ouvre à 9 h."), ("plan", "Mt Cook, St. Ives"))
    assert writers(("st", "martin"), texts) == {"eglise"}
    assert writers(("mount", "cook"), texts) == {"plan"}
    assert writers(("saint", "ives"), texts) == {"plan"}


def test_a_name_of_english_words_alone_is_an_ordinary_phrase_even_capitalised_everywhere() -> None:
    # review of s36-docname: a corpus writing "Board Meeting" and "Annual Report" only
    # capitalised (headings) let them act as names and keep only the documents writing them
    texts = _texts(
        ("minutes", "Board Meeting of 3 March. The Annual Report 2023 was approved."),
        ("schedule", "The next Board Meeting is on 14 March 2025."),
        ("fees", "Paul Marchand paid."),
    )
    names = [("board", "meeting"), ("annual", "report"), ("paul", "marchand")]
    assert names_written_by(names, texts) == {("paul", "marchand"): {"fees"}}


def test_another_name_sharing_a_word_is_written_a_short_form_is_not() -> None:
    paul, foundation = ("paul", "marchand"), ("fondation", "de", "france")
    assert writes_another_name(paul, "Sophie Marchand n'a pas encore payé.")
    assert writes_another_name(paul, "| Marchand | Sophie | 06 98 76 54 32 |")
    assert writes_another_name(paul, "Paul Martin paid 80 euros.")
    assert writes_another_name(foundation, "La Fondation Savoirs Partagés accorde 45 000 euros.")
    assert writes_another_name(foundation, "Grant from the Fondation de Lyon.")
    assert not writes_another_name(paul, "Reçu de M. Marchand la somme de 120 euros.")
    assert not writes_another_name(paul, "Mrs Marchand paid. Marchand. Then we left.")
    assert not writes_another_name(foundation, "La Fondation accorde 30 000 euros.")
    assert not writes_another_name(("anne", "lefort"), "Présenté par Anne M. Lefort.")


def test_a_short_form_writes_a_word_of_the_name_after_an_article_or_a_title() -> None:
    paul, foundation = ("paul", "marchand"), ("fondation", "de", "france")
    assert writes_short_form(foundation, "La Fondation accorde 30 000 euros.")
    assert writes_short_form(("trust", "hartwell"), "We thank the Trust for its grant.")
    assert writes_short_form(paul, "Reçu de M. Marchand la somme de 120 euros.")
    assert writes_short_form(paul, "Mrs Marchand paid 120 euros.")
    assert not writes_short_form(paul, "Marchand termine troisième de la course.")
    assert not writes_short_form(foundation, "la fondation accorde 30 000 euros.")
