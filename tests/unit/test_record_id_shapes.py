"""Identifiers of records (record_ids.py): which words of a question are one, where a text
writes one, the siblings a corpus writes, and the passages of the documents writing one first."""

from __future__ import annotations

from citeqa.models import Chunk, Document, Hit
from citeqa.questions import Vocabulary, unheld_records
from citeqa.record_ids import (
    READ_IDS,
    READ_PREFIXES,
    asked_ids,
    asked_records,
    ids_pattern,
    is_date_stamp,
    own_record,
    siblings,
    with_named_documents,
    writing_documents,
)


def test_an_identifier_is_letters_then_hyphenated_digits_three_at_least() -> None:
    question = "Was INC-2025-07 like T-41234, hd-0031 or IL-6, v1.2, week-52 and 2025-07?"
    assert [record.written for record in asked_ids(question)] == [
        "INC-2025-07",
        "T-41234",
        "hd-0031",
    ]
    assert asked_ids("INC-2025-07")[0].groups == ("2025", "07")


def test_a_capitalised_identifier_of_two_digits_is_one() -> None:
    """s32 trial: a cemetery plot "C-06" was read as the term "06", which a date of a road
    works table writes: its row was quoted. Two digits make an identifier written with a
    capital; a lower-case word and two digits is prose ("week-52", "ki-67")."""
    question = "Quand se termine la concession C-06, la KX-12 ou la week-52 du ki-67 ?"
    assert [record.written for record in asked_ids(question)] == ["C-06", "KX-12"]
    assert ids_pattern(asked_ids("C-06")).search("| C-06 | Martin | 2048-06-15 |")
    assert not ids_pattern(asked_ids("C-06")).search("02/06/2025")


def test_an_identifier_may_open_with_a_year_before_its_letters() -> None:
    """s32 trial: "2025-A-030" (a year, letters, a number) was no identifier: an order of
    another number was quoted for it. Its siblings share its year and letters."""
    record = asked_ids("Qu'interdit l'arrêté 2025-A-030 ?")
    assert [(r.written, r.lead, r.letters, r.groups) for r in record] == [
        ("2025-A-030", "2025", "A", ("030",))
    ]
    pattern = ids_pattern(record)
    for written in ("Arrêté n° 2025-A-030", "2025 A 030", "2025a030"):
        assert pattern.search(written), written
    for other in ("A-030", "2024-A-030", "2025-A-0301", "12025-A-030", "2025-B-030"):
        assert not pattern.search(other), other
    keys = {"2025a027", "2025a018", "2024a033", "a030", "2025b030"}
    assert siblings(record[0], keys) == ["2025-A-018", "2025-A-027"]
    vocabulary = Vocabulary(["Arrêté 2025-A-018.", "L'arrêté 2025-A-027 abroge."], {}, 10)
    assert unheld_records("Qu'interdit l'arrêté 2025-A-030 ?", vocabulary) == [
        ("2025-A-030", ["2025-A-018", "2025-A-027"])
    ]
    assert unheld_records("Qu'interdit l'arrêté 2025-A-027 ?", vocabulary) == []


def test_a_lower_case_word_and_a_year_is_no_identifier_nor_a_record_to_abstain_on() -> None:
    # "mid-2024" over a corpus writing "mid-2023" abstained before retrieval (review of s19-csv)
    assert asked_ids("Revenue in mid-2024, pre-2020, late-2023 or early-1999?") == []
    vocabulary = Vocabulary(["Revenue fell in mid-2023 after INC-2025-07 and hd-0031."], {}, 10)
    assert unheld_records("What happened to revenue in mid-2024?", vocabulary) == []
    # a lower-case id is one only where the corpus writes it: never a record to abstain on
    assert [record.written for record in asked_ids("Was hd-0031 like inc-2025-02?")] == [
        "hd-0031",
        "inc-2025-02",
    ]
    assert unheld_records("What broke in inc-2025-02?", vocabulary) == []
    assert unheld_records("What broke in Inc-2025-02?", vocabulary) == [
        ("Inc-2025-02", ["Inc-2025-07"])
    ]


def test_words_before_a_year_are_no_identifier_whatever_their_case() -> None:
    # s32 review: "Year-End-2024" was read as an id and abstained on ("No document names …")
    words = (
        "Year-End-2024",
        "Jan-Mar-2025",
        "Kick-Off-2025",
        "Mid-year-2024",
        "Pre-COVID-2019",
        "Paris-Nice-2025",
        "Go-Live-2025",
        "Pre-2020",
        "FY-2025",
    )
    for word in words:
        assert asked_ids(f"What was approved at the {word} review?") == [], word
    vocabulary = Vocabulary(["The Year-End-2023 review rejected it; Jan-Mar-2024 sales."], {}, 10)
    assert unheld_records("What did the Year-End-2024 review approve?", vocabulary) == []
    assert unheld_records("What were sales in Jan-Mar-2025?", vocabulary) == []


def test_an_identifier_is_found_with_a_hyphen_a_space_or_nothing_any_case() -> None:
    pattern = ids_pattern(asked_ids("INC-2025-07"))
    for written in ("INC-2025-07", "inc 2025 07", "INC202507", "see INC-2025-07."):
        assert pattern.search(written), written
    for other in ("INC-2025-071", "INC-2025-0", "XINC-2025-07", "INC-2025-07-2"):
        assert not pattern.search(other), other


def test_an_identifier_written_with_a_typographic_hyphen_is_the_same_identifier() -> None:
    """s33 hostile probe (M2): "HT\u2011INV\u20114483" (a word processor's non-breaking
    hyphens), the hyphen, the en dash or the minus sign between groups were never found; the
    match's offsets are the text's own, and a question so written reads the same id."""
    pattern = ids_pattern(asked_ids("HT-INV-4483"))
    for dash in ("\u2010", "\u2011", "\u2013", "\u2212"):
        text = f"La facture HT{dash}INV{dash}4483 est payée."
        match = pattern.search(text)
        assert match and match.group(0) == f"HT{dash}INV{dash}4483", repr(dash)
        assert not pattern.search(f"HT{dash}INV{dash}4483{dash}2"), repr(dash)
        assert not pattern.search(f"X{dash}HT{dash}INV{dash}4483"), repr(dash)
        (record,) = asked_ids(f"Montant de HT{dash}INV{dash}4483 ?")
        assert (record.written, record.key) == (f"HT{dash}INV{dash}4483", "htinv4483")


def test_one_letter_is_never_apart_from_its_digits_by_a_space() -> None:
    # "a 380" matched "A-380" (review of s19-csv)
    pattern = ids_pattern(asked_ids("A-380"))
    for written in ("A-380", "a380", "the A-380."):
        assert pattern.search(written), written
    assert not pattern.search("a 380 seats"), "a 380"
    assert ids_pattern(asked_ids("HD-0031")).search("hd 0031")


def test_siblings_are_the_closest_keys_of_the_same_shape_in_its_writing() -> None:
    keys = {"inc202507", "inc202508", "inc202510", "inc202401", "inc2025", "hd0031", "covid19"}
    asked = asked_ids("INC-2025-02")[0]
    assert siblings(asked, keys) == ["INC-2024-01", "INC-2025-07", "INC-2025-08", "INC-2025-10"]
    assert siblings(asked_ids("T-41234")[0], keys) == []


def test_siblings_written_in_other_digits_are_none_and_raise_nothing() -> None:
    # Ethiopic digits pass str.isdigit but int() cannot read them (review of s19-csv)
    assert siblings(asked_ids("T-41234")[0], {"t\u1369\u136a\u136b\u136c\u136d", "t41235"}) == [
        "T-41235"
    ]
    vocabulary = Vocabulary(["Ticket T-\u1369\u136a\u136b\u136c\u136d and T-41235."], {}, 10)
    assert unheld_records("T-41234 ?", vocabulary) == [("T-41234", ["T-41235"])]


def document(doc_id: str, text: str) -> Document:
    return Document(doc_id=doc_id, path=f"{doc_id}.md", title=doc_id, text=text, sha256="0")


def hit(doc_id: str, start: int, score: float) -> Hit:
    chunk = Chunk(chunk_id=f"{doc_id}#{start}", doc_id=doc_id, start=start, end=start + 5, text="x")
    return Hit(chunk=chunk, chunk_index=start, score=score)


def test_passages_of_documents_writing_the_id_come_first_in_their_order() -> None:
    documents = {
        "ten": document("ten", "# INC-2025-10\n\n| 1 | Find the root cause |"),
        "seven": document("seven", "# INC-2025-07\n\n## Root cause\n\nThe certificate expired."),
        "template": document("template", "# INC-YYYY-NN: Title"),
    }
    hits = [
        hit("ten", 0, 0.8),
        hit("template", 0, 0.6),
        hit("seven", 9, 0.58),
        hit("seven", 0, 0.2),
    ]
    ordered = with_named_documents(hits, "What was the root cause of INC-2025-07?", documents)
    assert [(h.chunk.doc_id, h.chunk.start) for h in ordered] == [
        ("seven", 9),
        ("seven", 0),
        ("ten", 0),
        ("template", 0),
    ]
    assert with_named_documents(hits, "What was the root cause?", documents) is hits
    assert with_named_documents(hits, "Root cause of INC-2025-02?", documents) is hits
    assert writing_documents("INC-2025-10", documents.values()) == {"ten"}
    assert writing_documents("no id here", documents.values()) is None


def test_many_identifiers_find_the_documents_any_one_of_them_finds() -> None:
    # one pattern for all of a question's ids, not one per id (hostile probe, s20: 229 ids
    # read a 1.3 MB document 229 times a call)
    question = "Were INC-2025-07, hd-0031, T-41234, A-380 and INC-2024-01 linked?"
    texts = {
        "space": "inc 2025 07 was minor",
        "glued": "Ticket HD0031.",
        "letter": "t-41234 closed",
        "article": "a 380 seats",
        "longer": "INC-2025-071 and T-412345 and XA-380",
        "second": "see INC-2024-01-2 or inc-2024-01!",
        "none": "INC-2025-08",
    }
    documents = [document(name, text) for name, text in texts.items()]
    alone = {
        doc.doc_id
        for doc in documents
        for record in asked_ids(question)
        if ids_pattern([record]).search(doc.text)
    }
    assert writing_documents(question, documents) == alone == {"space", "glued", "letter", "second"}


def test_a_question_is_read_for_its_first_ids_of_its_first_prefixes() -> None:
    letters = "BCDEFGHJKLMNPQRSTUVWXYZ"[: READ_PREFIXES + 1]
    many_prefixes = " ".join(f"{letter}X-{n:04d}" for n, letter in enumerate(letters))
    first, past = (
        document("first", "BX-0000 here"),
        document("past", f"{letters[-1]}X-{READ_PREFIXES:04d}"),
    )
    assert writing_documents(many_prefixes, [first, past]) == {"first"}
    many_ids = " ".join(f"HD-{n:04d}" for n in range(READ_IDS + 1))
    last = document("last", f"HD-{READ_IDS:04d}")
    assert writing_documents(many_ids, [document("one", "HD-0001"), last]) == {"one"}


def test_the_innermost_heading_naming_a_record_of_the_letters_decides() -> None:
    asked = asked_records("What was the root cause of HD-0007?")
    assert asked is not None
    assert asked.another_in_path(["HD-0008", "Root cause"])
    assert not asked.another_in_path(["HD-0007", "Root cause"])
    assert not asked.another_in_path(["HD-0008", "HD-0007 root cause"])
    assert asked.another_in_path(["HD-0007", "Related: HD-0008"])
    assert not asked.another_in_path(["INC-2025-08", "Root cause"])  # other letters: no record
    assert not asked.another_in_path([])


def test_an_identifier_of_two_letter_groups_is_one_and_a_near_miss_of_it_abstains() -> None:
    # s31 trial n14: "HT-INV-4480" was read as no identifier; another record's row answered
    found = asked_ids("When was KX-BIL-7702 paid, and RS-QT-2025-19?")
    assert [record.written for record in found] == ["KX-BIL-7702", "RS-QT-2025-19"]
    assert found[1].groups == ("2025", "19")
    pattern = ids_pattern(found[:1])
    for written in ("KX-BIL-7702", "kx bil 7702", "KXBIL7702", "ref KX-BIL-7702."):
        assert pattern.search(written), written
    for other in ("KX-BIL-77021", "AKX-BIL-7702", "BIL-7702"):
        assert not pattern.search(other), other
    vocabulary = Vocabulary(["Invoice KX-BIL-7731 paid by transfer; KX-BIL-7690 too."], {}, 10)
    assert unheld_records("When was KX-BIL-7702 paid?", vocabulary) == [
        ("KX-BIL-7702", ["KX-BIL-7690", "KX-BIL-7731"])
    ]
    assert unheld_records("When was KX-BIL-7731 paid?", vocabulary) == []


def test_two_digits_make_an_identifier_of_one_or_two_capitals_only_and_no_near_miss() -> None:
    """Review of s32-trialfix: "Jan-25" beside "Jan 15" and "Jan-28" abstained `No document
    names "Jan-25"; the documents name Jan-15 and Jan-28`, "F-16" beside "F-15" likewise."""
    question = "Sales of Jan-25, COVID-19, Week-52, Top-10, Route-66 or the F-16 and U-18?"
    assert [record.written for record in asked_ids(question)] == ["F-16", "U-18"]
    vocabulary = Vocabulary(["Sales of Jan 15 and Jan-28.", "The F-15 and F-17 flew."], {}, 10)
    for asked in ("Sales of Jan-25?", "Did the F-16 fly?", "Did the F-16 fly in Jan-25?"):
        assert unheld_records(asked, vocabulary) == [], asked
    assert siblings(asked_ids("F-16")[0], {"f15", "f17"}) == []


def test_a_document_goes_by_the_first_identifier_its_file_name_writes() -> None:
    own = own_record("avoirs/AV-2025-003_FA-2025-022")
    assert own is not None and own.written == "AV-2025-003"
    folder = own_record("FA-2025-022/scan_recto")
    assert folder is not None and folder.written == "FA-2025-022"
    assert own_record("notes/réunion") is None
    # a date stamp is no identifier a document goes by (s34 review)
    for stamped in ("scans/Scan-2031-04-15_PV-2031-020", "IMG-20250415_PV-2031-020"):
        own = own_record(stamped)
        assert own is not None and own.written == "PV-2031-020", stamped
    assert own_record("CR-2025-03") is None
    assert not is_date_stamp(asked_ids("PV-2031-020")[0])
    assert not is_date_stamp(asked_ids("FA-2025-022")[0])


def test_a_date_stamped_id_the_text_numbers_after_a_document_kind_is_the_record_s() -> None:
    # hostile s35 M7: "AV-2025-05" reads like May 2025; its text "Avoir AV-2025-05 sur
    # facture FA-2025-02" writes it as the credit note's number
    path = "avoirs/AV-2025-05_FA-2025-02"
    assert own_record(path) is None
    credit = own_record(path, "Avoir AV-2025-05 sur facture FA-2025-02\nTotal TTC : -550,00 €\n")
    assert credit is not None and credit.written == "AV-2025-05"
    numbered = own_record("factures/FA-2025-02", "Facture n° FA-2025-02\nTotal : 10 €\n")
    assert numbered is not None and numbered.written == "FA-2025-02"
    # minutes and scans whose text writes no kind of document before them stay dated
    minutes = "Procès-verbal de la réunion du 12 mars 2024\nRéf. PV-2024-03, voir CR-2024-04\n"
    assert own_record("PV-2024-03_CR-2024-04", minutes) is None
    assert own_record("Scan-2024-03_IMG-2024-04", "Facture de mars\nScan-2024-03\n") is None


def test_two_digits_make_an_identifier_of_two_short_capital_groups() -> None:
    """s43 research dev: "What is the host of isolate ZT-ES-12?" read no identifier (two
    digits, letters "ZT-ES"), and the neighbouring record ZT-DK-07 was quoted."""
    question = "Hosts of ZT-ES-12, FG-UK-33, HT-INV-44, Zt-Es-12 or KX-BIL-7702?"
    found = asked_ids(question)
    assert [record.written for record in found] == ["ZT-ES-12", "FG-UK-33", "KX-BIL-7702"]
    assert found[0].shape == "AA-AA-99" and found[2].shape == "AA-AAA-9999"
    assert asked_ids("PO-7781")[0].shape is None  # one group of letters: its family decides
    assert siblings(found[0], {"ztes11", "ztes13"}) == ["ZT-ES-11", "ZT-ES-13"]


def test_an_unheld_record_of_two_letter_groups_and_two_digits_is_a_near_miss() -> None:
    """s44: "What is the host of isolate ZT-ES-99?" quoted ZT-DK-07's line (.18): its siblings
    are the records of its shape and first group of letters, the closest numbers first; a key
    of that shape and other first letters (FG-UK-33, "PstS10" folded "psts10") is none of them."""
    export = "ZT-DK-07;Denmark\nZT-ES-12;Spain\nFG-UK-33;UK\nPstS10-01;UK\nZT-NL-81;Netherlands\n"
    vocabulary = Vocabulary([export], {}, 10)
    assert unheld_records("What is the host of isolate ZT-ES-99?", vocabulary) == [
        ("ZT-ES-99", ["ZT-DK-07", "ZT-ES-12", "ZT-NL-81"])
    ]
    assert unheld_records("Quel est l'hôte de l'isolat ZT-FR-03 ?", vocabulary) == [
        ("ZT-FR-03", ["ZT-DK-07", "ZT-ES-12", "ZT-NL-81"])
    ]
    many = {f"ztes{number:02}" for number in range(10, 20)}
    assert siblings(asked_ids("ZT-ES-99")[0], many) == [
        "ZT-ES-16",
        "ZT-ES-17",
        "ZT-ES-18",
        "ZT-ES-19",
    ]
    for held in ("ZT-ES-12", "ZT-DK-07", "zt-es-99", "AB-CD-12"):
        assert unheld_records(f"What is the host of {held}?", vocabulary) == [], held


def test_a_year_or_a_version_of_two_digits_is_no_near_miss() -> None:
    """Two digits after one group of letters, or after a version, name no record to abstain
    on: a fiscal year "FY-24" beside "FY-23", a version "v2-12", a quarter "Q3-FY-24"."""
    vocabulary = Vocabulary(["Revenue of FY-23 and FY-25; release v2-11; Q3-FY-23 closed."], {}, 10)
    for asked in (
        "What was the revenue of FY-24?",
        "What changed in v2-12?",
        "Was Q3-FY-24 closed?",
    ):
        assert unheld_records(asked, vocabulary) == [], asked


def test_a_record_of_the_same_two_group_shape_is_another_record() -> None:
    """A collection's records share their shape, not their letters: ZT-DK-07's line is another
    record's for a question on ZT-ES-12, and so is FG-UK-33's; HD-0031's is not."""
    asked = asked_records("What is the host of isolate ZT-ES-12?")
    assert asked is not None
    assert asked.names_another("ZT-DK-07;Zymoseptoria tritici;Denmark;2021;wheat")
    assert asked.names_another("FG-UK-33;Fusarium graminearum;UK;2023;wheat cv. Skyfall")
    assert not asked.names_another("ZT-ES-12;Zymoseptoria tritici;Spain;2022;durum wheat")
    assert not asked.names_another("ZT-ES-12 was sent with ZT-DK-07.")
    assert not asked.names_another("Ticket HD-0031 and order PO-7781 are closed.")
    one_group = asked_records("What was the root cause of HD-0007?")
    assert one_group is not None and not one_group.names_another("See PO-0008 and ZT-DK-07.")
