"""record_fields.py: a section made mostly of "Label : value" lines is a record, and a field
line of it answers a question naming its label and, through the record's other lines, its
owner."""

from __future__ import annotations

from citeqa.field_lines import field_label
from citeqa.record_fields import (
    answering_fields,
    asked_card,
    asked_words,
    lacking_field,
    records_of,
)

CARD = (
    "# GEO-310 — Cartographie des sols\n\n"
    "Master Géosciences — année 2031-2032\n\n"
    "Enseignante : Prof. Irène Vasseur (irene.vasseur@univ-exemple.fr)\n\n"
    "Crédits ECTS : 4\n\n"
    "Permanences : le jeudi de 9 h à 10 h, bureau G12\n\n"
    "## Contenu\n\n"
    "- Pédologie de terrain\n"
    "- Évaluation : carte pédologique, rapport\n"
)
PROSE = (
    "# Compte rendu de terrain\n\n"
    "Nous avons relevé douze profils le long du versant nord.\n"
    "Lieu : plateau de Langres\n"
    "Date : 3 mai 2032\n"
    "Les horizons humifères sont plus épais sous la hêtraie que sous la prairie voisine.\n"
    "La carte sera reprise après les analyses de laboratoire.\n"
)


def answer_lines(text: str, question: str, naming: frozenset[str] = frozenset()) -> list[str]:
    found = answering_fields(text, asked_words(question), question, naming)
    return [text[start:end] for _, start, end in found]


def test_a_section_of_mostly_field_lines_is_a_record_and_prose_is_none() -> None:
    (record,) = records_of(CARD)
    labels = [label for _, _, label in record.fields]
    assert labels == ["Enseignante", "Crédits ECTS", "Permanences"]
    assert records_of(PROSE) == []


def test_a_field_line_answers_the_question_naming_its_label_and_its_record_s_owner() -> None:
    hours = ["Permanences : le jeudi de 9 h à 10 h, bureau G12"]
    assert answer_lines(CARD, "Quand sont les permanences d'Irène Vasseur ?") == hours
    assert answer_lines(CARD, "Permanences en cartographie des sols ?") == hours
    assert answer_lines(CARD, "GEO-310 ECTS") == ["Crédits ECTS : 4"]


def test_no_line_answers_for_another_owner_an_unwritten_word_or_no_owner() -> None:
    assert answer_lines(CARD, "Quand sont les permanences de Paul Girard ?") == []
    assert answer_lines(CARD, "Quand sont les permanences du samedi d'Irène Vasseur ?") == []
    assert answer_lines(CARD, "Quand sont les permanences ?") == []


def test_the_document_s_name_words_name_its_owner() -> None:
    question = "Permanences du cours de pédologie appliquée ?"
    assert answer_lines(CARD, question) == []
    named = answer_lines(CARD, question, frozenset({"cours", "pedologie", "appliquee"}))
    assert named == ["Permanences : le jeudi de 9 h à 10 h, bureau G12"]


def test_an_owner_written_with_an_apostrophe_is_named_by_the_document_s_name_words() -> None:
    """The name words of "M'Bappé — fiche" are "m" and "bappe": the question's "M'Bappé" is
    read the same way, its "M'" kept (hostile s35 M3)."""
    card = "Fiche joueur\n\nPoste : attaquant\nNuméro : 10\nClub : Réal\n"
    naming = frozenset({"m", "bappe", "fiche"})
    for question in ("Quel est le club de M'Bappé ?", "Quel est le club de M’Bappé ?"):
        assert answer_lines(card, question, naming) == ["Club : Réal"], question
    obrien = frozenset({"o", "brien", "fiche"})
    assert answer_lines(card, "Quel est le club d'O'Brien ?", obrien) == ["Club : Réal"]
    assert answer_lines(card, "Quel est le club de N'Diaye ?", naming) == []


def test_a_title_s_abbreviated_period_ends_no_sentence_in_a_field_s_value() -> None:
    line = "Enseignante : Prof. Irène Vasseur (irene.vasseur@univ-exemple.fr)"
    assert field_label(line, 0, len(line)) == "Enseignante"
    fee = "Pénalités : 3 fois le taux. Indemnité de 40 €"
    assert field_label(fee, 0, len(fee)) is None


TWO_CARDS = (
    "Responsable : Odile Fontaine\nCrédits ECTS : 3\nPermanences : le mardi de 8 h à 9 h\n\n"
    "Responsable : Théo Garnier\nCrédits ECTS : 4\nLangue : français\n"
)
STATEMENT = (
    "Relevé de factures\n\n"
    "Facture N° : F-001\nClient : Hampton\nTotal TTC : 120,00 €\n\n"
    "Facture N° : F-002\nClient : Baxter\nTotal TTC : 980,00 €\n"
)
SERVICES = (
    "services:\n"
    "  web:\n    image: nginx\n    port: 8080\n    restart: always\n"
    "  database:\n    image: postgres\n    port: 5432\n    restart: always\n"
    "  cache:\n    image: redis\n    port: 6379\n    restart: always\n"
)
HOSTS = (
    "host: db.local\nport: 5432\nuser: admin\n\nhost: cache.local\nport: 6379\nuser: cacheuser\n"
)


def test_a_card_without_the_field_gets_no_line_of_the_card_before_it() -> None:
    assert len(records_of(TWO_CARDS)) == 2
    assert answer_lines(TWO_CARDS, "Quand sont les permanences de Théo Garnier ?") == []
    hours = ["Permanences : le mardi de 8 h à 9 h"]
    assert answer_lines(TWO_CARDS, "Quand sont les permanences d'Odile Fontaine ?") == hours


def test_each_invoice_of_a_statement_is_a_record_of_its_own() -> None:
    total = answer_lines(STATEMENT, "Quel est le total TTC de la facture F-002 ?")
    assert total == ["Total TTC : 980,00 €"]
    assert answer_lines(STATEMENT, "Total TTC de la facture F-001 ?") == ["Total TTC : 120,00 €"]


def test_each_service_of_a_yaml_mapping_is_a_record_of_its_own() -> None:
    assert answer_lines(SERVICES, "What is the port of the database?") == ["    port: 5432"]
    assert answer_lines(SERVICES, "What is the port of the cache?") == ["    port: 6379"]


def test_blocks_of_the_same_labels_are_records_of_their_own() -> None:
    assert answer_lines(HOSTS, "What is the port of cache.local?") == ["port: 6379"]
    assert answer_lines(HOSTS, "What is the port of the admin user?") == ["port: 5432"]


def test_records_naming_the_asked_words_alike_answer_nothing() -> None:
    staff = (
        "## Keller\nName: Nadia Keller\nDepartment: Timber engineering\nOffice hours: Wed 10-12\n\n"
        "## Okafor\nName: Samuel Okafor\nDepartment: Timber engineering\nOffice hours: Mon 15-16\n"
    )
    assert answer_lines(staff, "What are the office hours in timber engineering?") == []
    assert answer_lines(staff, "Office hours of Samuel Okafor?") == ["Office hours: Mon 15-16"]


def test_a_short_capitalised_word_closing_a_sentence_is_no_title() -> None:
    for line in (
        "Due: 30 June. Late payment adds 3 %",
        "Note: Call Tom. He knows the code",
        "Lieu : Lyon. Prévoir une heure",
    ):
        assert field_label(line, 0, len(line)) is None, line
    for line in ("Contact : M. Durand", "Tutor: Dr. Ortega", "Enseignante : Mme. Roy"):
        assert field_label(line, 0, len(line)) is not None, line


DIRECTORY = (
    "# Annuaire du cabinet\n\n"
    "Nom : Sophie Bernard\nTéléphone : 01 23 45 67 89\nBureau : B12\nCourriel : sophie@cab.fr\n\n"
    "Nom : Marc Dubois\nBureau : C7\nCourriel : marc@cab.fr\nFonction : comptable\n\n"
    "Nom : Paul Girard\nBureau : Téléphone : 09 99 99 99 99\nFonction : standardiste\n"
    "Courriel : paul@cab.fr\n"
)


def lacking(question: str) -> tuple[str, str, list[str]] | None:
    found = lacking_field(DIRECTORY, asked_words(question), question, frozenset({"annuaire"}))
    if found is None:
        return None
    record = DIRECTORY[found.start : found.end]
    return record, found.label, [DIRECTORY[start:end] for start, end in found.mentioning]


def test_the_owner_s_record_lacking_the_asked_field_is_found_with_what_it_says_of_it() -> None:
    # s35 hostile M4: Marc Dubois's card has no "Téléphone :" line, Sophie Bernard's has
    marc = lacking("Quel est le téléphone de Marc Dubois ?")
    assert marc is not None
    record, label, mentioning = marc
    assert record.startswith("Nom : Marc Dubois") and record.endswith("comptable")
    assert label == "Téléphone" and mentioning == []
    # his own card's line writing a phone number answers, whatever its label
    assert lacking("Quel est le téléphone de Paul Girard ?") is None
    paul = answer_lines(DIRECTORY, "Quel est le téléphone de Paul Girard ?")
    assert paul == ["Bureau : Téléphone : 09 99 99 99 99"]
    desk = DIRECTORY.replace("Téléphone : 09 99 99 99 99", "Téléphone du standard")
    question = "Quel est le téléphone de Paul Girard ?"
    found = lacking_field(desk, asked_words(question), question, frozenset({"annuaire"}))
    assert found is not None
    mentioning = [desk[start:end] for start, end in found.mentioning]
    assert mentioning == ["Bureau : Téléphone du standard"]


def test_no_record_lacks_a_field_its_owner_has_or_that_no_record_has() -> None:
    assert lacking("Quel est le téléphone de Sophie Bernard ?") is None
    assert lacking("Quel est le bureau de Marc Dubois ?") is None
    assert lacking("Quel est le salaire de Marc Dubois ?") is None  # no record has a salary
    assert lacking("Quel est le téléphone de Julie Martin ?") is None  # no record of her


def test_a_record_labelling_the_field_otherwise_or_writing_its_value_lacks_nothing() -> None:
    # review s36 M4: "Portable : 06 …" is Marc Dubois's phone, labelled otherwise
    cards = (
        "# Annuaire\n\nNom : Sophie Bernard\nTéléphone : 01 23 45 67 89\nBureau : B12\n\n"
        "Nom : Marc Dubois\nPortable : 06 11 22 33 44\nBureau : C7\n\n"
        "Nom : Anne Roy\nJoignable : +33 6 55 44 33 22\nBureau : B3\n"
    )
    for owner in ("Marc Dubois", "Anne Roy"):
        question = f"Quel est le téléphone de {owner} ?"
        naming = frozenset({"annuaire"})
        assert lacking_field(cards, asked_words(question), question, naming) is None


def test_a_texts_records_are_read_once_and_never_another_texts(monkeypatch) -> None:
    import citeqa.record_fields as record_fields

    reads: list[str] = []
    read_records = record_fields._read_records
    monkeypatch.setattr(
        record_fields, "_read_records", lambda text: reads.append(text) or read_records(text)
    )
    card = "Nom : Marc Dubois\nTéléphone : 01 02 03 04 05\nBureau : B12\n"
    other = card.replace("Bureau : B12", "Bureau - B12")  # same length and opening, no field
    first, again = records_of(card), records_of(card)
    assert reads == [card] and first == again and first is not again  # a list of its own
    assert records_of(other) != first and reads == [card, other]
    assert [field for record in records_of(other) for field in record.fields] == [
        field for record in read_records(other) for field in record.fields
    ]


HEADED_CARDS = (
    "# Annuaire du bureau\n\n"
    "## Sophie Bernard\n\nFonction : présidente\nTéléphone : 01 23 45 67 89\n"
    "Courriel : sophie.bernard@example.org\n\n"
    "## Marc Dubois\n\nFonction : trésorier\nTél. : 06 12 34 56 78\n"
    "E-mail : marc.dubois@example.org\n\n"
    "## Anne Lefort\n\nFonction : secrétaire\nPortable : 07 11 22 33 44\nBureau : C9\n"
)
STAFF = (
    "# Staff directory\n\n"
    "## John Carter\n\nRole: director\nPhone: +44 20 7946 0000\nEmail: john@example.com\n\n"
    "## Mary Walsh\n\nRole: accountant\nMobile: +44 7700 900123\nOffice: 2B\n\n"
    "## Tom Baker\n\nRole: engineer\nOffice: 3B\nEmail: tom@example.com\n"
)


def test_the_owner_s_own_line_answers_under_another_label_of_the_field() -> None:
    # hostile s37 P1: "Tél.", "Portable", "E-mail", "Mobile" where another card writes
    # "Téléphone", "Courriel", "Phone": another person's line was quoted
    marc_phone = answer_lines(HEADED_CARDS, "Quel est le téléphone de Marc Dubois ?")
    assert marc_phone == ["Tél. : 06 12 34 56 78"]
    anne_phone = answer_lines(HEADED_CARDS, "Quel est le numéro de téléphone d'Anne Lefort ?")
    assert anne_phone == ["Portable : 07 11 22 33 44"]
    marc_mail = answer_lines(HEADED_CARDS, "Quel est le courriel de Marc Dubois ?")
    assert marc_mail == ["E-mail : marc.dubois@example.org"]
    mary = answer_lines(STAFF, "What is Mary Walsh's phone number?")
    assert mary == ["Mobile: +44 7700 900123"]
    people = (
        "Name: Laura Green\nTelephone: 555-0101\nOffice: 1A\n\n"
        "Name: Peter Hall\nCell: 555-0199\nOffice: 4F\n"
    )
    assert answer_lines(people, "What is Peter Hall's phone number?") == ["Cell: 555-0199"]


def test_a_card_lacking_the_field_asked_with_its_companion_word_is_found() -> None:
    # "number" of "phone number" names the value, not the owner: Tom Baker's card has no phone
    for question in ("What is Tom Baker's phone number?", "What is Tom Baker's phone?"):
        found = lacking_field(STAFF, asked_words(question), question, frozenset({"staff"}))
        assert found is not None, question
        assert STAFF[found.start : found.end].startswith("Role: engineer")
        assert found.owner == {"tom", "baker"}
    question = "Quel est le numéro de téléphone d'Anne Lefort ?"
    assert lacking_field(HEADED_CARDS, asked_words(question), question, frozenset()) is None


LONE_TITLES = (
    "# Équipe technique\n\n"
    "Claire Martin\n\nFonction : responsable\nTéléphone : 01 44 55 66 77\n"
    "Courriel : claire@example.org\n\n"
    "Julien Petit\n\nFonction : technicien\nPortable : 06 98 76 54 32\n"
    "Mail : julien@example.org\n\n"
    "Lucie Moreau\n\nFonction : stagiaire\nBureau : D4\nCourriel : lucie@example.org\n"
)


def test_a_lone_name_line_opens_the_card_below_it_not_closes_the_one_above() -> None:
    # hostile s37 P1: a blank line after the name left it the last line of the card above
    first_lines = [
        LONE_TITLES[record.lines[0][0] : record.lines[0][1]] for record in records_of(LONE_TITLES)
    ]
    assert first_lines == ["Claire Martin", "Julien Petit", "Lucie Moreau"]
    julien = answer_lines(LONE_TITLES, "Quel est le téléphone de Julien Petit ?")
    assert julien == ["Portable : 06 98 76 54 32"]
    question = "Quel est le téléphone de Lucie Moreau ?"
    lucie = lacking_field(LONE_TITLES, asked_words(question), question, frozenset())
    assert lucie is not None and LONE_TITLES[lucie.start :].startswith("Lucie Moreau")


def test_a_card_writing_only_a_fax_lacks_the_asked_phone() -> None:
    # a "Fax :" line has a phone's shape but is no phone: another card's number was quoted
    cards = (
        "Nom : Atelier Roux\nTéléphone : 04 78 11 22 33\nVille : Lyon\n\n"
        "Nom : Bois et Cie\nFax : 04 78 99 88 77\nVille : Lyon\n\n"
        "Nom : Metalux\nTél/Fax : 04 78 55 44 33\nVille : Lyon\n"
    )
    staff = (
        "Name: Ken Ito\nPhone: 555-0100\nOffice: 3A\n\n"
        "Name: Helen Price\nFax: 555-0142\nOffice: 3B\n"
    )
    for owner, question, text in (
        ("Bois et Cie", "Quel est le téléphone de Bois et Cie ?", cards),
        ("Helen Price", "What is Helen Price's phone?", staff),
    ):
        found = lacking_field(text, asked_words(question), question, frozenset())
        assert found is not None, question
        assert owner in text[found.start : found.end]
    question = "Quel est le téléphone de Metalux ?"
    assert lacking_field(cards, asked_words(question), question, frozenset()) is None


ELECTRONIC = (
    "# Annuaire de l'association\n\n"
    "Nom : Sophie Bernard\nFonction : présidente\nTéléphone : 01 23 45 67 89\n\n"
    "Nom : Marc Dubois\nFonction : trésorier\nAdresse électronique : marc.dubois@example.org\n"
    "Bureau : B12\n\n"
    "Nom : Anne Lefort\nFonction : secrétaire\nCourriel : anne.lefort@example.org\n"
)
ELECTRONIC_EN = (
    "# Club officers\n\n"
    "Name: Ken Ito\nRole: treasurer\nElectronic address: ken.ito@example.org\n\n"
    "Name: Helen Price\nRole: chair\nEmail: helen.price@example.org\n"
)


def test_the_asked_owner_s_card_line_answers_a_kind_whatever_its_label() -> None:
    # s37 review: "le mail de Marc Dubois" quoted Anne Lefort's "Courriel" line, or refused
    for question in ("Quel est le mail de Marc Dubois ?", "Quel est le courriel de Marc Dubois ?"):
        found = answer_lines(ELECTRONIC, question)
        assert found == ["Adresse électronique : marc.dubois@example.org"], question
        assert lacking_field(ELECTRONIC, asked_words(question), question, frozenset()) is None
    question = "What is Ken Ito's email?"
    assert answer_lines(ELECTRONIC_EN, question) == ["Electronic address: ken.ito@example.org"]
    assert lacking_field(ELECTRONIC_EN, asked_words(question), question, frozenset()) is None
    assert answer_lines(ELECTRONIC_EN, "What is Helen Price's email?") == [
        "Email: helen.price@example.org"
    ]


def test_a_card_holding_no_value_of_the_asked_kind_answers_nothing_and_lacks_it() -> None:
    # s37 review: "Ordinateur portable : Lenovo" answered "le téléphone de Julien Petit",
    # "Cell line: HEK293" stood in Dr. Nowak's phone answer
    parc = (
        "# Parc informatique\n\n"
        "Nom : Claire Martin\nPoste : responsable\nTéléphone : 01 44 55 66 77\n"
        "Ordinateur portable : Dell Latitude 5440\n\n"
        "Nom : Julien Petit\nPoste : technicien\nOrdinateur portable : Lenovo ThinkPad T14\n"
        "Bureau : D4\n"
    )
    for question in ("Quel est le téléphone de Julien Petit ?", "What is Julien Petit's phone?"):
        assert answer_lines(parc, question) == [], question
        found = lacking_field(parc, asked_words(question), question, frozenset())
        assert found is not None and parc[found.start :].startswith("Nom : Julien Petit")
    labs = (
        "# Cell culture facility\n\n"
        "Lab head: Dr. Anna Kowalski\nCell line: HeLa\nMedium: DMEM\nTel: +48 22 555 01 23\n\n"
        "Lab head: Dr. Piotr Nowak\nCell line: HEK293\nMedium: RPMI\nTel: +48 22 555 09 87\n"
    )
    assert answer_lines(labs, "What is Dr. Nowak's phone?") == ["Tel: +48 22 555 09 87"]
    assert answer_lines(labs, "Which cell line does Dr. Nowak's lab use?") == []


MINUTES = (
    "Minutes of the committee, 3 May 2025\n\n"
    "Name: Ken Ito\nRole: treasurer\nPhone: 555-0100\n\n"
    "Apologies received from Dana Cole\n\n"
    "Name: Helen Price\nRole: chair\nPhone: 555-0142\n"
)
PROCES_VERBAL = (
    "Procès-verbal du bureau\n\n"
    "Nom : Sophie Bernard\nFonction : présidente\nTéléphone : 01 23 45 67 89\n\n"
    "Absence excusée de Paul Girard\n\n"
    "Nom : Anne Lefort\nFonction : secrétaire\nTéléphone : 07 11 22 33 44\n"
)


def test_a_line_naming_someone_between_cards_is_no_card_s_title_nor_line() -> None:
    # s37 review: "Apologies received from Dana Cole" was taken for Helen Price's card's
    # title (main: the last line of Ken Ito's card), and "Dana Cole's phone" quoted theirs
    for text, first, owner, question in (
        (MINUTES, "Name: Helen Price", "Dana Cole", "What is Dana Cole's phone?"),
        (
            PROCES_VERBAL,
            "Nom : Anne Lefort",
            "Paul Girard",
            "Quel est le téléphone de Paul Girard ?",
        ),
    ):
        firsts = [text[record.lines[0][0] : record.lines[0][1]] for record in records_of(text)]
        assert firsts[1] == first
        assert all(owner not in text[r.lines[0][0] : r.lines[-1][1]] for r in records_of(text))
        assert answer_lines(text, question) == []
        found = lacking_field(text, asked_words(question), question, frozenset())
        assert found is not None and text[found.start : found.end].endswith(owner)


def test_an_owner_s_short_block_or_sentence_writing_the_asked_value_is_no_lacking_card() -> None:
    # s38 review: a service's block under the card size after person cards, and a sentence
    # giving someone's number between two signature cards, were refused as cards lacking it
    for text, question, line in (
        (
            "# Office contacts\n\n## Helen Price\nRole: Office manager\nRoom: 3.14\n"
            "Phone: +44 20 7946 1001\n\n## Tom Baker\nRole: Network engineer\nRoom: 2.07\n"
            "Phone: +44 20 7946 1002\n\n## IT helpdesk\nPhone: +44 20 7946 1999\n"
            "Hours: 8am to 6pm\n",
            "What is the phone number of the IT helpdesk?",
            "Phone: +44 20 7946 1999",
        ),
        (
            "# Annuaire\n\n## Paul Martin\nFonction : Directeur\nBureau : B204\n"
            "Téléphone : 01 45 22 33 10\n\n## Sophie Bernard\nFonction : Assistante\n"
            "Bureau : A101\nTéléphone : 01 45 22 33 12\n\n## Support informatique\n"
            "Téléphone : 01 45 22 39 99\nHoraires : 8 h - 18 h\n",
            "Quel est le téléphone du support informatique ?",
            "Téléphone : 01 45 22 39 99",
        ),
        (
            "Marc Dubois\nResponsable logistique\nTél : 01 44 55 66 77\n"
            "Courriel : marc.dubois@exemple.fr\n\nBonjour Marc,\n\nPeux-tu réserver la salle ? "
            "Julien Petit viendra aussi, il est joignable au 06 98 76 54 32.\n\n"
            "Anne Lefort\nChargée de projet\nTél : 01 44 55 66 00\n"
            "Courriel : anne.lefort@exemple.fr\n",
            "Quel est le téléphone de Julien Petit ?",
            "06 98 76 54 32",
        ),
    ):
        assert line in text
        assert asked_card(text, asked_words(question), question, frozenset()) is None, question
        assert lacking_field(text, asked_words(question), question, frozenset()) is None, question


SHORT_CARDS = (
    "# Staff contacts\n\n"
    "## Helen Price\nRole: Office manager\nPhone: +44 20 7946 1001\nEmail: helen@example.com\n\n"
    "## Tom Baker\nRole: Network engineer\nEmail: tom.baker@example.com\n\n"
    "## Dana Cole\nRole: Receptionist\nPhone: +44 20 7946 1003\n"
)


def test_a_short_card_under_its_heading_among_longer_cards_is_a_record() -> None:
    # s39: Tom Baker's two-line card was no record, so his phone asked quoted Helen Price's
    owners = [
        SHORT_CARDS[record.headings_from : record.lines[0][0]] for record in records_of(SHORT_CARDS)
    ]
    assert [owner.strip().rpartition("## ")[2] for owner in owners] == [
        "Helen Price",
        "Tom Baker",
        "Dana Cole",
    ]
    question = "What is the phone number of Tom Baker?"
    found = lacking_field(SHORT_CARDS, asked_words(question), question, frozenset())
    assert found is not None and found.label == "Phone"
    assert answer_lines(SHORT_CARDS, "What is the phone number of Dana Cole?") == [
        "Phone: +44 20 7946 1003"
    ]


def test_two_field_lines_make_no_record_without_a_longer_card_of_their_labels() -> None:
    alone = "# Notes\n\n## Visit\nDate: 3 May\nPlace: Lyon\n\n## Budget\nTotal: 200 euros\n"
    assert records_of(alone) == []
    other_labels = SHORT_CARDS.replace("Role: Network engineer", "Shift: night")
    assert len(records_of(other_labels)) == 2


def test_an_english_possessive_names_the_owner_without_its_ending() -> None:
    assert [word.folded for word in asked_words("What is Tom Baker's phone?")][:2] == [
        "tom",
        "baker",
    ]
    assert [word.folded for word in asked_words("Tom Baker’s email")][:2] == ["tom", "baker"]


def test_the_card_titled_by_the_owner_wins_over_one_naming_them_in_a_value() -> None:
    # s39 hostile H2: "reports to Tom Baker" tied with Tom Baker's own card: his phone refused
    staff = (
        "# Staff directory\n\n## Reception\n\nPhone: +44 20 7946 0000\nHours: 8am to 6pm\n"
        "Email: reception@example.co.uk\n\n"
        "## Tom Baker\n\nRole: Lab manager\nRoom: 3.14\nMobile: 07700 900123\n\n"
        "## Ana Silva\n\nRole: Postdoc, reports to Tom Baker\nRoom: 3.15\n"
        "Phone: +44 20 7946 0115\n"
    )
    question = "What is Tom Baker's phone number?"
    card = asked_card(staff, asked_words(question), question, frozenset())
    assert card is not None and [staff[start:end] for _, start, end in card.lines] == [
        "Mobile: 07700 900123"
    ]
    offices = (
        "# Annuaire\n\n## Paul Comptabilité\n\nFonction : stagiaire\nBureau : 110\n"
        "Mél : paul@example.fr\n\n## Comptabilité\n\nResponsable : Sophie Lenoir\n"
        "Bureau : 108\nTél. : 01 44 55 66 30\n"
    )
    question = "Quel est le téléphone de la comptabilité ?"
    card = asked_card(offices, asked_words(question), question, frozenset())
    assert card is not None and [offices[start:end] for _, start, end in card.lines] == [
        "Tél. : 01 44 55 66 30"
    ]


def test_an_identifier_s_digits_are_no_phone_of_the_owner_s_card() -> None:
    # s39 hostile H5: "Employee ID: 20481937" was quoted as Tom Baker's phone
    staff = (
        "## Tom Baker\n\nRole: Lab manager\nEmployee ID: 20481937\nBadge: 7700 9001\n\n"
        "## Ana Silva\n\nRole: Postdoc\nPhone: +44 20 7946 0115\nEmail: ana@example.co.uk\n"
    )
    question = "What is Tom Baker's phone number?"
    found = lacking_field(staff, asked_words(question), question, frozenset())
    assert found is not None and found.label == "Phone"
    desk = staff.replace("Badge: 7700 9001", "Badge / Tel: 020 7946 0999")
    assert answer_lines(desk, question) == ["Badge / Tel: 020 7946 0999"]
    # s39 review: a service's or an account holder's label names a phone line
    shops = (
        "## Boulangerie Martin\n\nActivité : pain\nService client : 01 23 45 67 89\n"
        "Ville : Lyon\n\n## Acme Plumbing\n\nTrade: plumbing\n"
        "Customer service: 020 7946 0123\nCity: Leeds\n"
    )
    for shop, phone in (
        ("Quel est le téléphone de la Boulangerie Martin ?", "Service client : 01 23 45 67 89"),
        ("What is the phone number of Acme Plumbing?", "Customer service: 020 7946 0123"),
    ):
        assert lacking_field(shops, asked_words(shop), shop, frozenset()) is None, shop
        assert answer_lines(shops, shop) == [phone]
    # s39 second review: a login identifier may be the owner's e-mail address
    logins = staff.replace("Employee ID: 20481937", "Login ID: tom.baker@example.org")
    question = "What is Tom Baker's email?"
    assert lacking_field(logins, asked_words(question), question, frozenset()) is None
    assert answer_lines(logins, question) == ["Login ID: tom.baker@example.org"]
