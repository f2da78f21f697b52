"""What the welcome and an abstention say of the files a build did not read (unread.py), and
which reasons say words are nowhere in the documents (abstention.Reason.claims_absence)."""

from __future__ import annotations

import codecs
import hashlib
from dataclasses import replace
from pathlib import Path

import pytest

from citeqa.abstention import (
    NEVER_MENTIONED,
    NEVER_WRITES,
    NO_WORD_OCCURS,
    NOT_IN_PASSAGES,
    ONLY_MENTIONED,
    Reason,
    before_search,
    never_written,
    not_answered,
)
from citeqa.corpus import EMPTY_DIGEST, EMPTY_FILE
from citeqa.filelist import FileList
from citeqa.models import Lang, UnreadFiles
from citeqa.questions import QuestionTerms, word_alternatives
from citeqa.unread import (
    SkippedFile,
    named_for,
    not_searched,
    recorded_unread,
    welcome_line,
)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_only_reasons_on_the_whole_corpus_claim_absence(lang: Lang) -> None:
    """A reason carries its kind: it claims absence when it says the documents never use words
    of the question, not when it speaks of the closest passages only."""
    nvme, nodes = word_alternatives("NVMe"), word_alternatives("nodes")
    asked = QuestionTerms(
        focus="What do the NVMe nodes cost?",
        terms=[(nvme, 5.0), (nodes, 3.0)],
        focus_terms=2,
        absent=["NVMe"],
    )
    never = not_answered(asked, lang)
    assert never.claims_absence
    assert never.text == NEVER_MENTIONED[lang].format(words="“NVMe”")
    held = replace(asked, absent=[])
    unmatched = not_answered(held, lang, nodes)
    assert unmatched.text == NOT_IN_PASSAGES[lang].format(words="“NVMe”")
    assert not unmatched.claims_absence
    mentioned = not_answered(held, lang, nvme | nodes)
    assert mentioned.text == ONLY_MENTIONED[lang].format(words="“NVMe”, “nodes”")
    assert not mentioned.claims_absence
    turbo = never_written(QuestionTerms(focus="tar --turbo", unknown_identifiers=["--turbo"]), lang)
    assert turbo is not None and turbo.claims_absence
    assert turbo.text == NEVER_WRITES[lang].format(words="“--turbo”")
    off = before_search(replace(asked, absent=["NVMe", "nodes"]), lang)
    assert off is not None and off.reason == Reason(NO_WORD_OCCURS[lang], claims_absence=True)
    greeting = before_search(QuestionTerms(focus="Thanks!"), lang)
    assert greeting is not None and not greeting.reason.claims_absence


def test_the_recorded_files_are_counted_by_type_most_first() -> None:
    files = FileList.of_records(
        [
            {"file": name, "sha256": digest, "doc_id": doc_id}
            for name, digest, doc_id in [
                ("a.md", "1", "a"),
                ("b.DOC", "unsupported", None),
                ("c.doc", "unsupported", None),
                ("d.ppt", "unsupported", None),
                ("e.md", "2", "e"),
                ("Makefile", "unsupported", None),
                ("f.pdf", "3", None),  # a damaged PDF
                ("g.txt", "unsupported", None),  # recorded by a citeqa that did not read it
            ]
        ]
    )
    unread = recorded_unread(files)
    assert unread.types == {".doc": 2, "": 1, ".ppt": 1} and unread.unreadable == 1
    assert unread.not_read_yet == {".txt": 1}
    assert not_searched(unread, "en") == (
        "1 file of a type citeqa reads since this index was built (1 .txt) was not searched:"
        " `citeqa index` reads it. 4 files of types citeqa does not read (2 .doc, 1 no type,"
        " 1 .ppt) were not searched: `citeqa status` lists them."
    )


def test_files_of_a_type_read_since_the_build_are_said_not_read_yet() -> None:
    """After an upgrade, an abstention said "2 files of types citeqa does not read (1 .yaml)
    were not searched" of files citeqa reads now: the index has not read them yet."""
    unread = UnreadFiles(not_read_yet={".yaml": 2, ".json": 1})
    assert not_searched(unread, "en") == (
        "3 files of a type citeqa reads since this index was built (2 .yaml, 1 .json) were not"
        " searched: `citeqa index` reads them."
    )
    assert not_searched(unread, "fr") == (
        "3 fichiers d’un type que citeqa lit depuis la construction de cet index (2 .yaml,"
        " 1 .json) n’ont pas été lus : `citeqa index` les lit."
    )
    assert welcome_line(unread) == (
        "3 files not read: 2 .yaml, 1 .json not read yet by this index (`citeqa index` reads"
        " them) — `citeqa status` lists them"
    )


def test_a_line_names_a_few_types_sanitised_then_how_many_more() -> None:
    types = {".ppt": 5, ".x\x1b[31m": 4, ".eml": 3, ".toml": 2, ".log": 1, ".doc": 1}
    line = welcome_line(UnreadFiles(types=types))
    assert line == (
        "16 files not read: 5 .ppt, 4 .x␛[31m, 3 .eml, 2 .toml, 2 in 2 other types (convert"
        " them to .pdf or .txt; sheets to .xlsx or .csv; text ones: rename them .txt)"
        " — `citeqa status` lists them"
    )


def test_one_type_past_the_named_ones_is_named_not_counted() -> None:
    """The s30 trial's line read "(1 .bib, 1 .doc, 1 .pages, 1 .png, 1 in 1 other types)"."""
    types = {".bib": 1, ".doc": 1, ".pages": 1, ".ppt": 1, ".py": 1}
    assert welcome_line(UnreadFiles(types=types)).startswith(
        "5 files not read: 1 .bib, 1 .doc, 1 .pages, 1 .ppt, 1 .py (convert"
    )
    assert not_searched(UnreadFiles(types=types), "fr") == (
        "5 fichiers de types que citeqa ne lit pas (1 .bib, 1 .doc, 1 .pages, 1 .ppt, 1 .py)"
        " n’ont pas été lus : `citeqa status` les liste."
    )


def test_one_file_not_read_and_unreadable_files_alone() -> None:
    assert not_searched(UnreadFiles(types={".ppt": 1}), "fr") == (
        "1 fichier d’un type que citeqa ne lit pas (1 .ppt) n’a pas été lu : `citeqa status`"
        " le liste."
    )
    unreadable = UnreadFiles(unreadable=2)
    assert not_searched(unreadable, "en") is None  # read types: searched when they hold text
    assert welcome_line(unreadable) == (
        "2 files not read: 2 unreadable (damaged or without text: `citeqa index` says why)"
        " — `citeqa status` lists them"
    )
    assert welcome_line(UnreadFiles()) is None


def test_files_holding_no_text_are_counted_but_never_offered_to_convert() -> None:
    """A site's scripts, style sheets and inventory (data/unread_files.json's asset_endings)
    are neither named by an abstention nor offered to convert (s22 trial: objects.inv, .js)."""
    site = UnreadFiles(types={".js": 3, ".inv": 1, ".css": 2})
    assert site.count == 6
    assert welcome_line(site) is None and not_searched(site, "en") is None
    mixed = UnreadFiles(types={".js": 3, ".docx": 1})
    line = welcome_line(mixed)
    assert line is not None and line.startswith("1 file not read: 1 .docx") and ".js" not in line
    note = not_searched(mixed, "en")
    assert note is not None and ".docx" in note and ".js" not in note


def test_scanned_images_alone_are_named_but_a_sites_images_are_not() -> None:
    """A folder of scanned letters (.jpg) is documents citeqa cannot read: named by the welcome
    and an abstention; a site's images beside its scripts or inventory are not (s22 review)."""
    scans = UnreadFiles(types={".jpg": 12, ".png": 1})
    line = welcome_line(scans)
    assert line is not None and line.startswith("13 files not read: 12 .jpg, 1 .png")
    note = not_searched(scans, "en")
    assert note is not None and ".jpg" in note
    site = UnreadFiles(types={".png": 5, ".svg": 2, ".inv": 1, ".js": 3})
    assert welcome_line(site) is None and not_searched(site, "en") is None


def test_a_skipped_file_whose_name_matches_the_question_is_named() -> None:
    """s27 trial: "montant des allocations familiales" quoted a school-meal line while the
    image-only scan_CAF… that held it was only counted; the scan is named now (its acronym
    holds the initials of "allocations familiales", which the documents never write)."""
    skipped = [
        SkippedFile("Mail/scan_CAF_avril2025.pdf", False),
        SkippedFile("Photos/receipt_washing_machine.heic", True),
        SkippedFile("site/_static/app.js", True),
    ]
    asked = [frozenset({"allocat"}), frozenset({"familial"})]
    words = ["montant", "allocations", "familiales"]
    notes = named_for(skipped, asked, words, lambda word: word != "allocations", "fr")
    assert notes == [
        "Mail/scan_CAF_avril2025.pdf n’a pas été lu (sans texte : scan ou image, chiffré ou"
        " endommagé) et son nom correspond à la question : il contient peut-être la réponse."
    ]
    assert named_for(skipped, asked, words, lambda word: True, "fr") == [], (
        "a phrase the documents write is no acronym's"
    )
    machine = [frozenset({"wash"}), frozenset({"machin"})]
    assert named_for(skipped, machine, ["washing", "machine"], lambda w: True, "en") == [
        "Photos/receipt_washing_machine.heic was not read (a type citeqa does not read) and its"
        " name matches the question: it may hold the answer."
    ]
    assert named_for(skipped, [frozenset({"app"})], ["app"], lambda w: False, "en") == []
    payslip = [SkippedFile("Misc/payslip_march_2025_locked.pdf", False)]
    march = [frozenset({"march"}), frozenset({"2025"}), frozenset({"rent"})]
    assert named_for(payslip, march, ["rent", "march", "2025"], lambda w: True, "en") == []
    capital = ["capital", "australia"]  # "CA" opens "CAF": the head noun comes first
    assert named_for(skipped, [frozenset({"capit"})], capital, lambda w: False, "en") == []
    hostile = [SkippedFile("x\x1b[31m_machine.doc", True)]
    assert "\x1b" not in named_for(hostile, machine, ["machine"], lambda w: True, "en")[0]


def test_a_camel_case_file_name_matches_the_words_it_joins() -> None:
    """s31 trial: "ticket_LeroyMerlin_2025-09-12.jpg" was not named for a question on "le ticket
    de caisse Leroy Merlin": the name's words are read apart at underscores, digits and capitals,
    and whole."""
    receipt = [SkippedFile("Achats/recu_BricoDepot_2025-09-12.jpg", True)]
    shop = [frozenset({"brico"}), frozenset({"depot"})]
    assert named_for(receipt, shop, ["Brico", "Depot"], lambda w: True, "fr") == [
        "Achats/recu_BricoDepot_2025-09-12.jpg n’a pas été lu (type que citeqa ne lit pas) et son"
        " nom correspond à la question : il contient peut-être la réponse."
    ]
    whole = [frozenset({"bricodepot"})]
    assert named_for(receipt, whole, ["BricoDepot"], lambda w: True, "fr") != []
    scan = [SkippedFile("scanCAFAvril.pdf", False)]
    asked = [frozenset({"allocat"}), frozenset({"familial"})]
    words = ["allocations", "familiales"]
    assert named_for(scan, asked, words, lambda word: False, "fr") != []  # its acronym, apart
    assert named_for(scan, [frozenset({"avril"})], ["avril"], lambda w: True, "fr") == []


def test_one_part_of_a_camel_case_file_name_is_no_match() -> None:
    """s32 review: "FinalVersion.pages" was named for "What is the final price?" and
    "PowerPoint_template.key" for "power of the laser": a CamelCase word matches whole or in two
    of its parts, never by one common word of it."""
    draft = [SkippedFile("FinalVersion.pages", True)]
    final = [frozenset({"final"}), frozenset({"price"})]
    assert named_for(draft, final, ["final", "price"], lambda w: True, "en") == []
    both = [frozenset({"final"}), frozenset({"version"})]
    assert named_for(draft, both, ["final", "version"], lambda w: True, "en") != []
    slides = [SkippedFile("PowerPoint_template.key", True)]
    laser = [frozenset({"power"}), frozenset({"laser"})]
    assert named_for(slides, laser, ["power", "laser"], lambda w: True, "en") == []
    template = [frozenset({"templat"})]
    assert named_for(slides, template, ["template"], lambda w: True, "en") != []


def test_empty_files_and_pictures_each_get_the_advice_that_fits_them() -> None:
    """s35 trial: the chat said "2 files not read: 1 .png, 1 unreadable (empty, damaged or
    without text) — convert them to .pdf or .txt" of a logo and an empty .txt, which `citeqa
    index` rightly called "skipped, empty file": an empty file is counted in those words with
    nothing to convert, a picture is told to give its text, not to change its type."""
    files = FileList.of_records(
        [
            {"file": name, "sha256": digest, "doc_id": doc_id}
            for name, digest, doc_id in [
                ("a.md", "1", "a"),
                ("logo.png", "unsupported", None),
                ("to sort.txt", EMPTY_DIGEST, None),  # no bytes
                ("scan.pdf", "3", None),  # no text layer
            ]
        ]
    )
    unread = recorded_unread(files)
    assert (unread.types, unread.empty, unread.unreadable) == ({".png": 1}, 1, 1)
    assert welcome_line(unread) == (
        "3 files not read: 1 .png (pictures: citeqa reads text, not images; a scan's text as"
        " .pdf or .txt); 1 unreadable (damaged or without text: `citeqa index` says why);"
        " 1 empty file (nothing to read) — `citeqa status` lists them"
    )
    assert EMPTY_FILE == "empty file"  # the words `citeqa index` skips it with
    empty = SkippedFile("minutes to sort.txt", False, True)
    asked = [word_alternatives("minutes")]
    assert named_for([empty], asked, ["minutes"], lambda _: True, "en") == []


def test_an_archive_is_told_to_be_unpacked_not_converted() -> None:
    """s38 trial: a backup .zip was told to be converted to .pdf or .txt; an archive's files are
    read once unpacked into the folder, and an old .doc beside it is still told to convert."""
    files = FileList.of_records(
        [
            {"file": name, "sha256": digest, "doc_id": doc_id}
            for name, digest, doc_id in [
                ("a.md", "1", "a"),
                ("backup-2025.zip", "unsupported", None),
                ("logs.tar.gz", "unsupported", None),
                ("old.doc", "unsupported", None),
            ]
        ]
    )
    assert welcome_line(recorded_unread(files)) == (
        "3 files not read: 1 .doc (convert them to .pdf or .txt; sheets to .xlsx or .csv; text"
        " ones: rename them .txt); 1 .gz, 1 .zip (archives: unpack them into the folder to have"
        " their files read) — `citeqa status` lists them"
    )


def test_files_of_blanks_alone_are_counted_empty_as_the_build_said(tmp_path: Path) -> None:
    """s36 review: `citeqa index` skipped a file of spaces and line breaks, or a byte-order
    mark alone, as "empty file", while the welcome counted it unreadable (its digest is no
    EMPTY_DIGEST). A damaged file, or one changed since the build, stays unreadable."""
    contents = {
        "a.md": b"# Notes\n",
        "blank.txt": b"   \n\n",
        "bom.txt": codecs.BOM_UTF8,
        "broken.pdf": b"%PDF-1.4 damaged",
        "edited.txt": b"  \n",
    }
    for name, raw in contents.items():
        (tmp_path / name).write_bytes(raw)
    records = [
        {
            "file": name,
            "sha256": hashlib.sha256(raw).hexdigest(),
            "doc_id": "a" if name == "a.md" else None,
            "size": len(raw),
        }
        for name, raw in contents.items()
    ]
    (tmp_path / "edited.txt").write_bytes(b"  \nnow some text\n")
    files = FileList.of_records(records)
    unread = recorded_unread(files, tmp_path)
    assert (unread.empty, unread.unreadable) == (2, 2)
    assert recorded_unread(files).unreadable == 4  # no folder given: nothing read again
    assert "2 unreadable (damaged or without text" in (welcome_line(unread) or "")
    assert "2 empty files (nothing to read)" in (welcome_line(unread) or "")
