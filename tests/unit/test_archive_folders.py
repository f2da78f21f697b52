"""Archive (stage) folders beside current files read as earlier editions (archive_folders.py,
versions.CorpusVersions; s34 trial cause 2: "archive/2024/Tarifs 2024" quoted as current beside
"Tarifs/Tarifs 2025")."""

from __future__ import annotations

import pytest

from citeqa.answerlabels import otherwise_label, quote_lines
from citeqa.archive_folders import (
    archived,
    asks_archive,
    is_archive_folder,
    name_words,
    without_sibling,
)
from citeqa.models import Answer, Chunk, Citation, Hit
from citeqa.versions import CorpusVersions, with_older_statement

DRIVE = [
    "Tarifs/Tarifs 2025",
    "Infos pratiques/horaires et fermetures",
    "archive/2024/Tarifs 2024",
    "archive/2024/horaires 2024",
    "Wiki/DASRI",
]


@pytest.mark.parametrize(
    "name",
    ["archive", "Archives 2023", "Archivés", "2024_archives", "Anciennes versions", "OLD",
     "tarifs_old", "Compta - archives", "obsolète", "Previous"],
)  # fmt: skip
def test_a_folder_named_as_an_archive_is_one(name: str) -> None:
    assert is_archive_folder(name)


@pytest.mark.parametrize(
    "name",
    ["2024", "clients", "dupont", "Old Town", "backup", "Anciens élèves", "archive-clients",
     "Saison 2023-2024", "Amicale des anciens"],
)  # fmt: skip
def test_a_year_a_client_or_a_backup_folder_is_no_archive(name: str) -> None:
    assert not is_archive_folder(name)


def test_documents_under_an_archive_folder_beside_current_files_are_archived() -> None:
    assert archived(DRIVE) == {
        "archive/2024/Tarifs 2024": "archive",
        "archive/2024/horaires 2024": "archive",
    }


@pytest.mark.parametrize(
    "ids",
    [
        ["clients/dupont/2024/facture_2024", "clients/martin/2025/facture_2025"],
        ["2024/tarifs_2024", "tarifs_2025"],
        ["Archives/2023/bilan", "Archives/2024/bilan"],  # the whole corpus is the archive
        ["Projets/Archive/plan", "Projets/Archive/budget", "Autre/notes"],
    ],
)
def test_entity_folders_or_an_archive_holding_a_whole_folder_archive_nothing(
    ids: list[str],
) -> None:
    assert archived(ids) == {}


def test_an_archive_inside_a_topic_folder_is_a_stage_of_that_folder() -> None:
    ids = ["Compta/old/budget", "Compta/bilan", "Autre/notes"]
    assert archived(ids) == {"Compta/old/budget": "Compta/old"}


def test_a_question_naming_the_archive_asks_for_it() -> None:
    assert asks_archive("Que disent les archives sur les horaires ?")
    assert asks_archive("What do the old files say?")
    assert not asks_archive("Quels sont les horaires ?")


@pytest.mark.parametrize(
    "question",
    ["Que dit l’ancien dossier sur le loyer ?", "Quel tarif dans l'archive ?",
     "Que disent les fichiers archivés ?", "What does the archive say about fees?"],
)  # fmt: skip
def test_a_noun_phrase_naming_the_archive_asks_for_it(question: str) -> None:
    assert asks_archive(question)


@pytest.mark.parametrize(
    "question",
    ["How old must a child be?", "How do I archive a project?", "What is the previous deadline?",
     "Faut-il archiver les factures ?", "Quel est l'ancien tarif ?"],
)  # fmt: skip
def test_a_bare_adjective_or_the_verb_names_no_archive(question: str) -> None:
    """s35 review finding 4: the old rule read any archive word of the folder's name."""
    assert not asks_archive(question)


def _versions() -> CorpusVersions:
    versions = CorpusVersions.of(DRIVE, str, text_of=lambda doc_id: doc_id)
    assert versions is not None
    return versions


def test_an_archived_document_is_older_and_set_aside_unless_its_year_or_archive_is_asked() -> None:
    versions = _versions()
    assert [doc for doc in DRIVE if versions.is_older(doc)] == DRIVE[2:4]

    def kept(question: str) -> list[str]:
        return [doc for doc in DRIVE if versions.arrangement(question, 2).kept(doc)]

    current = ["Tarifs/Tarifs 2025", "Infos pratiques/horaires et fermetures", "Wiki/DASRI"]
    assert kept("Quel est le tarif de la consultation ?") == current
    assert kept("Quel est le tarif de la consultation en 2025 ?") == current
    assert kept("Quel était le tarif de la consultation en 2024 ?") == DRIVE, "current kept too"
    assert kept("Que disent les archives sur les horaires ?") == DRIVE


def _hit(doc_id: str, rank: int, text: str) -> Hit:
    chunk = Chunk(chunk_id=f"{doc_id}-{rank}", doc_id=doc_id, start=0, end=len(text), text=text)
    return Hit(chunk=chunk, chunk_index=rank, score=1.0 - rank / 10)


def test_an_archived_passage_writing_a_name_no_current_one_writes_stays_in_place() -> None:
    """s34 trial n09: "le numéro de facture d'Ecosoins" (a collector only the archive names)
    quoted the current sterilisation page's "numéro de cycle" once the archive was set aside."""
    versions = _versions()
    hits = [
        _hit("Wiki/DASRI", 0, "Noter le numéro de cycle sur chaque sachet."),
        _hit("archive/2024/horaires 2024", 1, "Collecte par le prestataire Ecosoins."),
        _hit("Tarifs/Tarifs 2025", 2, "| G | Consultation | 30,00 |"),
    ]

    def read(question: str) -> tuple[list[str], list[str]]:
        arranged = versions.arrangement(question, 8)
        first, _ = arranged(hits)
        return [h.chunk.doc_id for h in first], [h.chunk.doc_id for h in arranged.set_aside(hits)]

    in_place = [h.chunk.doc_id for h in hits]
    assert read("Quel est le numéro de facture d'Ecosoins ?") == (in_place, [])
    assert read("Quel est le numéro de cycle ?") == (
        ["Wiki/DASRI", "Tarifs/Tarifs 2025"],
        ["archive/2024/horaires 2024"],
    ), "no name: the archive is set aside"
    assert read("Quel est le numéro de cycle de la DASRI ?")[1] == ["archive/2024/horaires 2024"]


def test_an_unasked_archived_first_quote_is_said_to_be_archived() -> None:
    versions = _versions()
    answer = _answer("archive/2024/horaires 2024", "Collecte par Ecosoins.", "en")
    assert versions.archived_quote_note("Who collects for Ecosoins?", answer) == (
        "The answer quotes archive/2024/horaires 2024.csv, kept in archive/ (an earlier"
        " edition): what it says may no longer hold."
    )
    assert versions.archived_quote_note("Who collected in 2024?", answer) is None, "asked"
    current = _answer("Tarifs/Tarifs 2025", "| G | 30,00 |", "en")
    assert versions.archived_quote_note("Who collects for Ecosoins?", current) is None


def test_a_client_tree_by_year_is_never_set_aside() -> None:
    ids = ["clients/dupont/2024/facture", "clients/martin/2025/facture", "clients/liste"]
    assert CorpusVersions.of(ids, str, text_of=lambda doc_id: "| Dupont | 520 |") is None


def _answer(doc_id: str, quote: str, lang: str) -> Answer:
    citation = Citation(
        n=1, doc_id=doc_id, title=doc_id, path=f"/d/{doc_id}.csv", start=0, end=len(quote),
        quote=quote, score=0.5,
    )  # fmt: skip
    return Answer(
        question="q", abstained=False, confidence=0.5, answer=quote, citations=[citation],
        passages=[], lang=lang,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "note", "label", "only"),
    [
        (
            "fr",
            "[2] cite archive/2024/Tarifs 2024.csv, rangé dans archive/ (édition antérieure),"
            " qui l’énonce autrement ; la réponse cite Tarifs/Tarifs 2025.csv.",
            "Une édition antérieure, rangée dans archive/, dit autre chose :",
            "Réponse tirée de archive/2024/Tarifs 2024.csv, rangé dans archive/ (édition"
            " antérieure) : les passages trouvés hors des dossiers d’archive n’y répondent"
            " pas.",
        ),
        (
            "en",
            "[2] quotes archive/2024/Tarifs 2024.csv, kept in archive/ (an earlier edition),"
            " which states it otherwise; the answer quotes Tarifs/Tarifs 2025.csv.",
            "An earlier edition, kept in archive/, says otherwise:",
            "Answered from archive/2024/Tarifs 2024.csv, kept in archive/ (an earlier"
            " edition): the passages found outside archive folders do not answer it.",
        ),
    ],
)
def test_an_archived_quote_is_labelled_with_its_folder_in_the_answers_language(
    lang: str, note: str, label: str, only: str
) -> None:
    versions = _versions()
    current = _answer("Tarifs/Tarifs 2025", "| G | Consultation | 30,00 |", lang)
    old = _answer("archive/2024/Tarifs 2024", "| G | Consultation | 26,50 |", lang)
    answer, said = with_older_statement(current, old, versions, 400, [frozenset({"consult"})])
    assert said == note
    archived_citation = answer.citations[1]
    assert archived_citation.otherwise and archived_citation.archived == "archive"
    assert otherwise_label(archived_citation, lang) == label
    assert label in quote_lines(answer.citations, lang)
    assert versions.only_older_note(old.citations[0], lang) == only


def test_an_archive_folder_name_is_shown_sanitised() -> None:
    ids = ["Tarifs/Tarifs 2025", "Old \x1b[31m archive/2024/Tarifs 2024"]
    versions = CorpusVersions.of(ids, str, text_of=lambda doc_id: doc_id)
    assert versions is not None
    folder = versions.archived_folder(ids[1])
    assert folder is not None and "\x1b" not in folder and "2024" not in folder


def test_the_label_names_the_archive_folder_itself() -> None:
    """s35 review finding 5: "dossier d'archive Clients archivés/Dupont" named the document's
    own folder, a client's, as the archive."""
    ids = ["Clients archivés/Dupont/devis", "Clients en cours/Martin/devis"]
    versions = CorpusVersions.of(ids, str, text_of=lambda doc_id: doc_id)
    assert versions is not None and versions.archived_folder(ids[0]) == "Clients archivés"


@pytest.mark.parametrize(
    "ids",
    [
        ["Twitter archive/tweets 2019", "Notes/recettes"],
        ["Stock/Médicaments périmés/Doliprane lot 12", "Stock/inventaire"],
        ["Anciens/promo 1998", "Bureau/statuts"],
        ["Revue de presse archives/article Ouest-France", "Communication/plan"],
    ],
)
def test_an_archived_document_no_current_one_names_alike_is_never_set_aside(
    ids: list[str],
) -> None:
    """s35 review: the bare last-word rule archived a Twitter export, expired stock, alumni and
    a press review, none an earlier edition of a current file: labelled, never set aside."""
    versions = CorpusVersions.of(ids, str, text_of=lambda doc_id: doc_id)
    assert versions is not None and versions.is_older(ids[0]), "still labelled"
    assert versions.arrangement("Que dit le document ?", 2).kept(ids[0])


def test_a_current_name_sharing_a_word_with_the_archived_ones_pairs_them() -> None:
    versions = _versions()
    arranged = versions.arrangement("Quel est le tarif de la consultation ?", 2)
    assert not arranged.kept("archive/2024/Tarifs 2024"), "Tarifs 2025 shares its word"
    assert not arranged.kept("archive/2024/horaires 2024"), "horaires et fermetures shares it"
    ids = ["Clients archivés/Dupont/devis", "Clients en cours/Martin/devis"]
    pair = CorpusVersions.of(ids, str, text_of=lambda doc_id: doc_id)
    assert pair is not None and not pair.arrangement("Quel est le devis ?", 2).kept(ids[0])
    below = ["Compta/archives/budget 2023", "Compta/bilan", "RH/budget formation"]
    apart = CorpusVersions.of(below, str, text_of=lambda doc_id: doc_id)
    assert apart is not None
    assert apart.arrangement("Quel budget ?", 2).kept(below[0]), "a sibling outside its tree"


def test_an_archived_passage_whose_path_names_the_asked_client_stays_in_place() -> None:
    """s35 review finding 2: "montant du devis de Dupont ?" quoted Martin's current quote, the
    archived one's name written only by its path."""
    ids = ["Clients archivés/Dupont/devis", "Clients en cours/Martin/devis"]
    versions = CorpusVersions.of(ids, str, text_of=lambda doc_id: doc_id)
    assert versions is not None
    hits = [_hit(ids[1], 0, "Montant du devis : 610 euros."), _hit(ids[0], 1, "Montant : 520.")]
    first, _ = versions.arrangement("Quel est le montant du devis de Dupont ?", 8)(hits)
    assert [hit.chunk.doc_id for hit in first] == [ids[1], ids[0]], "kept in place"
    first, _ = versions.arrangement("Quel est le montant du devis de Martin ?", 8)(hits)
    assert [hit.chunk.doc_id for hit in first] == [ids[1]]


def test_an_archived_passage_writing_more_of_the_question_than_the_current_ones_stays() -> None:
    """s35 review finding 1: "le budget de la refonte du site web" quoted another project's
    current budget, the archived specification alone writing "refonte", "site" and "web"."""
    ids = ["Projets archivés/Refonte/cahier des charges site", "Projets/App/cahier des charges"]
    versions = CorpusVersions.of(ids, str, text_of=lambda doc_id: doc_id)
    assert versions is not None
    hits = [
        _hit(ids[1], 0, "Le budget du projet est de 30 000 euros."),
        _hit(ids[0], 1, "Le budget de la refonte du site web est de 12 000 euros."),
    ]
    arranged = versions.arrangement("Quel est le budget de la refonte du site web ?", 8)
    assert len(arranged(hits)[0]) == 2 and arranged.set_aside(hits) == []
    arranged = versions.arrangement("Quel est le budget du projet ?", 8)
    assert [hit.chunk.doc_id for hit in arranged(hits)[0]] == [ids[1]], "said by the current"


def test_archives_and_their_current_siblings_are_told_at_any_depth() -> None:
    """s36 hostile review M4, M5: told from a tree of folder names, never by joining each
    depth's path or reading every current document per archived one."""
    ids = [
        "A/B/old/tarifs 2024",
        "A/B/C/tarifs 2025",  # deeper under the archive's parent: a sibling
        "A/archive/rapport 2023",
        "A/notes",
        "X/archives/devis 1",  # its parent holds nothing else: no stage
        "Y/devis 2",
        "old/budget",
        "plan",
    ]
    under = archived(ids)
    assert under == {
        "A/B/old/tarifs 2024": "A/B/old",
        "A/archive/rapport 2023": "A/archive",
        "old/budget": "old",
    }
    assert without_sibling(ids, under) == {"A/archive/rapport 2023", "old/budget"}
    chain = ["old/" + "a/" * depth + f"d{depth}" for depth in range(600)] + ["notes"]
    assert set(archived(chain).values()) == {"old"} and len(archived(chain)) == 600


@pytest.mark.parametrize(
    ("current", "archived_paper", "other", "lang"),
    [
        ("Tarifs/bareme_emoluments_2026", "archives/bareme_emoluments_2023",
         "Dossiers/Perrin/declaration_succession_chiffres", "fr"),
        ("Pricing/fee_schedule_2026", "archive/fee_schedule_2023",
         "Clients/Smith/estate_figures", "en"),
    ],
)  # fmt: skip
def test_an_archived_paper_states_otherwise_only_beside_a_file_named_alike(
    current: str, archived_paper: str, other: str, lang: str
) -> None:
    """s37 trial: the archived 2023 fees schedule's transfer duty was labelled "an earlier
    edition says otherwise" beside a succession's furniture value: an archived paper is an
    earlier edition only of a quoted file its name shares a word with."""
    versions = CorpusVersions.of([current, archived_paper, other], str, text_of=str)
    assert versions is not None
    older = _answer(archived_paper, "Droits de mutation : 5,81 %", lang)
    fees = _answer(current, "Droits de mutation : 6,31 %", lang)
    figures = _answer(other, "Mobilier : 12 000 €", lang)
    assert versions.may_differ(fees, older) and versions.may_add(fees, [archived_paper])
    assert not versions.may_differ(figures, older)
    assert not versions.may_add(figures, [archived_paper])


@pytest.mark.parametrize(
    ("archived_paper", "quoted", "labelled"),
    [
        ("archives/tarifs_2023", "Tarifs/bareme_honoraires_2026", True),  # the folder's word
        ("archive/fees_2023", "Fees/schedule_2026", True),
        ("archives/note_tarifs_2023", "Dossiers/Perrin/note_succession_Perrin", False),
        ("archives/rapport_activite_2023", "Dossiers/Marty/rapport_expertise_maison", False),
        ("archive/minutes_board_2023", "Clients/Smith/minutes_estate", False),
        ("archives/compte_rendu_2023", "Dossiers/Roux/compte_rendu_vente", False),
    ],
)  # fmt: skip
def test_an_archived_paper_shares_a_subject_word_with_the_quoted_name_or_folder(
    archived_paper: str, quoted: str, labelled: bool
) -> None:
    """s37 review findings 3 and 4: "archives/tarifs_2023" beside
    "Tarifs/bareme_honoraires_2026" lost its right label (the quoted file's folder names the
    subject), and a generic word ("note", "rapport", "minutes", "compte rendu") let an archived
    paper be labelled beside a file of another subject."""
    versions = CorpusVersions.of([archived_paper, quoted], str, text_of=str)
    assert versions is not None
    older = _answer(archived_paper, "Consultation : 60 € la demi-heure", "fr")
    current = _answer(quoted, "Consultation : 75 € la demi-heure", "fr")
    assert versions.may_differ(current, older) is labelled


def test_a_file_name_s_words_leave_its_known_extension_out() -> None:
    """An id keeps its extension when an export took its name ("sortie.pdf" beside "sortie"):
    "pdf" is no word the archived "archives/rapport.pdf" shares with "Dossiers/notice.pdf"."""
    assert name_words("Sorties/fiche_sortie.pdf") == {"fiche", "sortie"}
    assert name_words("Docs/guide.docx") == {"guide"}
