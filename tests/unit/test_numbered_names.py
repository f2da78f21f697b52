"""numbered_names.py: of the candidates writing a short numbered name the question writes
("t17") or a sibling of it ("t18"), those of a sibling only are set aside."""

from __future__ import annotations

from citeqa.numbered_names import NumberedName, numbered_names, of_siblings_only


def test_a_short_name_of_letters_then_digits_is_a_numbered_name() -> None:
    question = "La table t17, la vitamine B12, le Q3, H2O, COVID-19, v2.3 et t17_old ?"
    assert numbered_names(question) == [
        NumberedName("t", 17),
        NumberedName("b", 12),
        NumberedName("q", 3),
    ]


def test_a_sibling_s_sentence_and_the_result_under_it_are_set_aside() -> None:
    # s35 hostile M5: t18's code and its result were quoted for t17
    texts = [
        "SELECT COUNT(*) FROM t18;",
        "Cette requête renvoie 18 lignes.",
        "SELECT COUNT(*) FROM t17;",
        "Cette requête renvoie 17 lignes.",
        "Les tables sont vides au départ.",
    ]
    before = ["", "```sql\nSELECT COUNT(*) FROM t18;\n```\n\n", "", "FROM t17;\n```\n\n", "# TP\n"]
    assert of_siblings_only(texts, before, numbered_names("la table t17 ?")) == [2, 3, 4]


def test_nothing_is_set_aside_when_no_candidate_writes_the_asked_name() -> None:
    texts = ["SELECT COUNT(*) FROM t18;", "La vitamine B6 aussi."]
    assert of_siblings_only(texts, ["", ""], numbered_names("la table t17 ?")) is None
    assert of_siblings_only(texts, ["", ""], numbered_names("la table des lignes ?")) is None


def test_a_row_under_a_header_naming_the_asked_name_among_others_stays() -> None:
    texts = ["Le budget du Q2 a été revu en mai.", "| Lumen | 10 | 20 | 30 |", "Q3 : gel."]
    header = "| Projet | Q1 | Q2 | Q3 |\n|---|---|---|---|\n"
    before = ["", header, "| Lumen | 10 | 20 | 30 |\n"]
    assert of_siblings_only(texts, before, numbered_names("le budget Q2 de Lumen ?")) == [0, 1]


def test_a_range_spanning_the_asked_name_writes_it() -> None:
    # review s36 M5: a range was read as siblings only and set aside
    texts = [
        "Du Q1 au Q4, les embauches sont gelées dans tous les services sans exception.",
        "Au Q3, la cantine ferme.",
        "Le Q2 est calme.",
    ]
    asked = numbered_names("Les embauches sont-elles gelées au Q3 ?")
    assert of_siblings_only(texts, ["", "", ""], asked) == [0, 1]
    rooms = ["Salles B10 à B20 : accès par badge.", "Salle B12 : écran.", "B30 : fermée."]
    assert of_siblings_only(rooms, ["", "", ""], numbered_names("La salle B12 ?")) == [0, 1]
    dashed = ["Rooms B10-B20: badge.", "Room B12: projector.", "Q1–Q2: frozen.", "B30: shut."]
    assert of_siblings_only(dashed, ["", "", ""], numbered_names("Room B12?")) == [0, 1, 2]
    # a range not spanning it is a sibling's
    outside = ["Du Q1 au Q2, gel.", "Au Q3, la cantine ferme."]
    assert of_siblings_only(outside, ["", ""], asked) == [1]


def test_a_shared_statement_under_a_sibling_s_sentence_stays() -> None:
    # review s36 M5: line-per-fact notes lost the statement shared by every name
    rooms = ["Room B12 is on the 2nd floor.", "Room B14 is on the 1st floor.", "Both: projectors."]
    above = ["", "Room B12 is on the 2nd floor.\n", "Room B14 is on the 1st floor.\n"]
    assert of_siblings_only(rooms, above, numbered_names("Room B12?")) == [0, 2]
    flats = ["Un T2 coûte 700 €.", "Un T3 coûte 900 €.", "Charges comprises pour tous."]
    above = ["", "Un T2 coûte 700 €.\n", "Un T3 coûte 900 €.\n"]
    assert of_siblings_only(flats, above, numbered_names("Combien coûte un T2 ?")) == [0, 2]
    # under a heading or a code line naming a sibling, it is the sibling's
    headed = ["## Table t18", "Elle renvoie 18 lignes.", "SELECT * FROM t17;"]
    assert of_siblings_only(headed, ["", "## Table t18\n\n", ""], numbered_names("t17 ?")) == [2]
