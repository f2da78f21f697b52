"""corpus.py: formats, encodings, skipping, titles and the folder walk."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest
from tests.pdf_files import minimal_pdf

from citeqa import paths
from citeqa.corpus import (
    CorpusReading,
    DocumentEntry,
    UnreadableDocument,
    corpus_walk,
    file_sha256,
    list_corpus_files,
    read_corpus,
    read_document,
    scan_corpus,
)
from citeqa.errors import CorpusEmpty, CorpusMissing
from citeqa.folderwalk import FOLDER_LINK
from citeqa.models import Document
from citeqa.readers import reader_for, reader_for_name
from citeqa.visible import clean, shown

BUNDLED = Path(__file__).parents[2] / "corpus"


def by_id(reading: CorpusReading) -> dict[str, object]:
    return {document.doc_id: document for document in reading.documents}


def test_text_and_markdown_are_kept_exactly(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"First line\r\nSecond line\r\n\r\nThird.\r\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "notes.md").write_bytes("# Notes **bold**\n\nCorps du texte é.\n".encode())
    reading = read_corpus(tmp_path)
    documents = {document.doc_id: document for document in reading.documents}
    assert sorted(documents) == ["a", "sub/notes"]
    assert documents["a"].text == "First line\r\nSecond line\r\n\r\nThird.\r\n"
    assert documents["a"].kind == "txt"
    assert documents["a"].title == "First line"
    assert documents["sub/notes"].kind == "md"
    assert documents["sub/notes"].title == "Notes bold"
    assert documents["sub/notes"].path == str((tmp_path / "sub" / "notes.md").absolute())
    assert documents["a"].sha256 == file_sha256(tmp_path / "a.txt")
    assert reading.skipped == [] and reading.warnings == []


def test_utf8_bom_is_dropped_without_warning(tmp_path: Path) -> None:
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbfHello")
    reading = read_corpus(tmp_path)
    assert reading.documents[0].text == "Hello"
    assert reading.warnings == []


def test_pdf_pages_and_page_starts(tmp_path: Path) -> None:
    (tmp_path / "paper.pdf").write_bytes(minimal_pdf(["First page text", "Second page text"]))
    document = read_corpus(tmp_path).documents[0]
    assert document.kind == "pdf"
    assert document.doc_id == "paper"
    assert document.page_starts is not None and len(document.page_starts) == 2
    first, second = document.page_starts
    assert first == 0
    assert document.text[second:].startswith("Second page text")
    assert document.text[second - 2 : second] == "\n\n"
    assert "First page text" in document.text[:second]
    assert document.page_at(document.text.index("Second")) == 2
    assert document.page_at(0) == 1
    assert document.title == "First page text"


def test_damaged_pdf_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("ok")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\nthis is not a pdf at all")
    reading = read_corpus(tmp_path)
    assert [document.doc_id for document in reading.documents] == ["good"]
    assert len(reading.skipped) == 1 and reading.skipped[0].startswith("broken.pdf: ")


def test_html_gives_visible_text_only(tmp_path: Path) -> None:
    html = (
        "<html><head><title>Page  title</title><style>p {color: red}</style></head>"
        "<body><script>var hidden = 1;</script><h1>Heading</h1>"
        "<p>Fish &amp; chips &eacute;t&eacute; &#8211; ok</p><template>nope</template>"
        "<ul><li>one</li><li>two</li></ul>"
        "<table><tr><th>Drug</th><th>Dose</th></tr><tr><td>HCQ</td><td>5 mg</td></tr></table>"
        "</body></html>"
    )
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    document = read_corpus(tmp_path).documents[0]
    assert document.kind == "html"
    assert document.title == "Page title"
    text = document.text
    for hidden in ("var hidden", "color: red", "nope", "<", "&amp;"):
        assert hidden not in text
    assert "Heading\n\nFish & chips été – ok" in text
    assert "one\ntwo" in text
    assert "| Drug | Dose |\n| --- | --- |\n| HCQ | 5 mg |" in text  # a markdown table


def test_cp1252_text_is_decoded_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "legacy.txt").write_bytes("Caf\u00e9 \u2013 \u201cquoted\u201d".encode("cp1252"))
    reading = read_corpus(tmp_path)
    assert reading.documents[0].text == "Café – “quoted”"
    assert any("legacy.txt" in warning and "cp1252" in warning for warning in reading.warnings)
    assert reading.documents[0].warnings == reading.warnings


def test_binary_and_unknown_files_are_skipped_by_name(tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text("Some text.")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "noise.txt").write_bytes(bytes(range(1, 256)) * 4)
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    reading = read_corpus(tmp_path)
    assert [document.doc_id for document in reading.documents] == ["good"]
    skipped = {entry.split(":")[0]: entry for entry in reading.skipped}
    assert set(skipped) == {"image.txt", "noise.txt", "photo.png"}
    assert "binary" in skipped["image.txt"]
    assert "binary" in skipped["noise.txt"]
    assert "unsupported" in skipped["photo.png"]


def test_empty_and_blank_files_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_bytes(b" \r\n\t\n")
    (tmp_path / "real.txt").write_text("Real.")
    reading = read_corpus(tmp_path)
    assert [document.doc_id for document in reading.documents] == ["real"]
    assert sorted(reading.skipped) == ["blank.md: empty file", "empty.txt: empty file"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_is_skipped_not_raised(tmp_path: Path) -> None:
    (tmp_path / "real.txt").write_text("Real.")
    locked = tmp_path / "locked.txt"
    locked.write_text("secret")
    locked.chmod(0)
    try:
        reading = read_corpus(tmp_path)
    finally:
        locked.chmod(0o644)
    assert [document.doc_id for document in reading.documents] == ["real"]
    assert reading.skipped[0].startswith("locked.txt: cannot be read")


def test_read_error_is_skipped_with_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "real.txt").write_text("Real.")
    (tmp_path / "locked.txt").write_text("secret")
    original = Path.read_bytes

    def refuse(path: Path) -> bytes:
        if path.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return original(path)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    reading = read_corpus(tmp_path)
    assert [document.doc_id for document in reading.documents] == ["real"]
    assert reading.skipped == ["locked.txt: cannot be read (Permission denied)"]


def test_a_folder_too_deep_to_list_is_one_short_skip_note(tmp_path: Path) -> None:
    """A folder whose path passes PATH_MAX cannot be opened; its note named the folder, then
    the OSError's text with the absolute path again ("[Errno 36] File name too long: '/…'")."""
    (tmp_path / "real.txt").write_text("Real.")
    deep, parent = tmp_path, os.open(tmp_path, os.O_RDONLY | os.O_DIRECTORY)
    while len(os.fsencode(deep)) < os.pathconf("/", "PC_PATH_MAX"):  # made by descriptor
        os.mkdir("d" * 200, dir_fd=parent)
        folder = os.open("d" * 200, os.O_RDONLY | os.O_DIRECTORY, dir_fd=parent)
        os.close(parent)
        deep, parent = deep / ("d" * 200), folder
    os.close(parent)
    reading = read_corpus(tmp_path)
    assert [document.doc_id for document in reading.documents] == ["real"]
    (note,) = reading.skipped
    assert note == f"{deep.relative_to(tmp_path)}/: cannot be listed (File name too long)"
    assert corpus_walk(tmp_path, None).left_out_names() == [deep.relative_to(tmp_path).as_posix()]


def test_read_document_raises_unreadable_for_unknown_type(tmp_path: Path) -> None:
    path = tmp_path / "data.ppt"
    path.write_text("a,b")
    with pytest.raises(UnreadableDocument, match="unsupported"):
        read_document(path, tmp_path, {})


def test_hidden_files_and_folders_are_ignored(tmp_path: Path) -> None:
    (tmp_path / "visible.txt").write_text("Visible.")
    (tmp_path / ".hidden.txt").write_text("Hidden.")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "notes.txt").write_text("Hidden too.")
    assert list_corpus_files(tmp_path) == [tmp_path / "visible.txt"]
    assert read_corpus(tmp_path).skipped == []


def test_links_outside_the_corpus_are_ignored(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    outside = tmp_path / "outside.txt"
    outside.write_text("Not part of the corpus.")
    (corpus / "inside.txt").write_text("Inside.")
    (corpus / "escape.txt").symlink_to(outside)
    (corpus / "alias.txt").symlink_to(corpus / "inside.txt")
    assert list_corpus_files(corpus) == [corpus / "alias.txt", corpus / "inside.txt"]
    reading = read_corpus(corpus)
    assert sorted(document.doc_id for document in reading.documents) == ["alias", "inside"]
    assert all("Not part" not in document.text for document in reading.documents)
    assert reading.skipped == ["escape.txt: link to a file outside the corpus"]


def test_links_to_hidden_files_inside_the_corpus_are_left_out(tmp_path: Path) -> None:
    """s41 hostile M5: "settings.txt" linking to the private ".env" had its secrets indexed and
    quoted; a link to a file under ".git/" or "node_modules/" opened what the walk passes over.
    A link to a file the walk reads (".env.example", an ordinary one) is still followed."""
    corpus = tmp_path / "corpus"
    (corpus / ".git").mkdir(parents=True)
    (corpus / "node_modules" / "pkg").mkdir(parents=True)
    (corpus / ".env").write_text("DB_PASSWORD=hunter2\n")
    (corpus / ".env.example").write_text("DB_PASSWORD=change-me\n")
    (corpus / ".git" / "config").write_text("[remote] url = secret\n")
    (corpus / "node_modules" / "pkg" / "README.md").write_text("A package's readme.\n")
    (corpus / "notes.txt").write_text("Ordinary notes.\n")
    (corpus / "settings.txt").symlink_to(corpus / ".env")
    (corpus / "git-config.txt").symlink_to(corpus / ".git" / "config")
    (corpus / "pkg.md").symlink_to(corpus / "node_modules" / "pkg" / "README.md")
    (corpus / "example.txt").symlink_to(corpus / ".env.example")
    (corpus / "alias.txt").symlink_to(corpus / "notes.txt")
    names = [path.name for path in list_corpus_files(corpus)]
    assert names == [".env.example", "alias.txt", "example.txt", "notes.txt"]
    reading = read_corpus(corpus)
    assert all("hunter2" not in document.text for document in reading.documents)
    assert sorted(reading.skipped) == [
        "git-config.txt: link to a hidden file, not followed",
        "pkg.md: link to a hidden file, not followed",
        "settings.txt: link to a hidden file, not followed",
    ]


def test_the_corpus_folder_is_resolved_once_a_walk_however_many_links_it_holds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """folderwalk._link_problem compares each link's target with the corpus folder resolved
    once (on main paths.inside resolved the folder again for every link: 20 more times here)."""
    corpus = tmp_path / "link" / "corpus"
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real")  # the corpus is reached through a link
    corpus.mkdir()
    (tmp_path / "outside.txt").write_text("Not part of the corpus.")
    for n in range(10):
        (corpus / f"doc{n}.txt").write_text(f"Document {n}.")
        (corpus / f"alias{n}.txt").symlink_to(corpus / f"doc{n}.txt")
        (corpus / f"escape{n}.txt").symlink_to(tmp_path / "outside.txt")
    realpath = os.path.realpath
    folder = {os.fspath(corpus), realpath(corpus)}  # as given, and resolved
    resolved: list[str] = []

    def counted(path: str | os.PathLike[str], *args: object, **kwargs: object) -> str:
        if os.fspath(path) in folder:
            resolved.append(os.fspath(path))
        return realpath(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os.path, "realpath", counted)
    listed = list_corpus_files(corpus)
    with_links = len(resolved)
    assert [path.name for path in listed] == sorted(
        [f"alias{n}.txt" for n in range(10)] + [f"doc{n}.txt" for n in range(10)]
    )
    skipped = read_corpus(corpus).skipped
    assert sorted(skipped) == sorted(
        f"escape{n}.txt: link to a file outside the corpus" for n in range(10)
    )
    for n in range(10):
        (corpus / f"alias{n}.txt").unlink()
        (corpus / f"escape{n}.txt").unlink()
    resolved.clear()
    assert len(list_corpus_files(corpus)) == 10
    assert with_links == len(resolved)  # as often as with no link at all


def test_inside_real_is_inside_with_the_folder_resolved_once(tmp_path: Path) -> None:
    """paths.inside_real, the test the corpus walk makes for each link (folderwalk._link_problem)
    with the folder resolved once, says what paths.inside says of the same paths."""
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real")
    corpus = tmp_path / "link" / "corpus"
    corpus.mkdir()
    (corpus / "doc.txt").write_text("In the corpus.")
    (tmp_path / "outside.txt").write_text("Not part of the corpus.")
    (corpus / "alias.txt").symlink_to(tmp_path / "real" / "corpus" / "doc.txt")
    (corpus / "escape.txt").symlink_to(tmp_path / "outside.txt")
    real = paths.real_path(corpus)
    for name, expected in [("doc.txt", True), ("alias.txt", True), ("escape.txt", False)]:
        assert paths.inside(corpus / name, corpus) is expected
        assert paths.inside_real(corpus / name, real) is expected
    assert not paths.inside_real(corpus / "doc.txt", corpus)  # an unresolved folder: not it


def test_a_link_to_a_folder_is_not_followed_and_says_so(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "real").mkdir(parents=True)
    (corpus / "real" / "a.txt").write_text("Inside.")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.txt").write_text("Not part of the corpus.")
    (corpus / "linkdir").symlink_to(tmp_path / "outside")
    (corpus / "again").symlink_to(corpus / "real")
    reading = read_corpus(corpus)
    assert [document.doc_id for document in reading.documents] == ["real/a"]
    assert sorted(reading.skipped) == [
        f"again: {FOLDER_LINK}",
        f"linkdir: {FOLDER_LINK}",
    ]


def test_files_are_listed_sorted_and_recursively(tmp_path: Path) -> None:
    for name in ("b.txt", "a/z.md", "a/b/c.txt", "manifest.json", "a/manifest.json"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("{}")
    listed = [path.relative_to(tmp_path).as_posix() for path in list_corpus_files(tmp_path)]
    assert listed == ["a/b/c.txt", "a/manifest.json", "a/z.md", "b.txt"]


def test_manifest_titles_are_used(tmp_path: Path) -> None:
    manifest = {"documents": [{"file": "paper.txt", "title": "The Real Title"}]}
    (tmp_path / "manifest.json").write_text(json.dumps(manifest))
    (tmp_path / "paper.txt").write_text("first line is not the title\nbody")
    (tmp_path / "other.txt").write_text("\n\n## Other heading\nbody")
    documents = {document.doc_id: document for document in read_corpus(tmp_path).documents}
    assert documents["paper"].title == "The Real Title"
    assert documents["other"].title == "Other heading"
    assert "manifest" not in documents


def test_corrupt_manifest_warns_and_is_ignored(tmp_path: Path) -> None:
    (tmp_path / "manifest.json").write_text("{not json")
    (tmp_path / "paper.txt").write_text("Title from text\nbody")
    reading = read_corpus(tmp_path)
    assert reading.documents[0].title == "Title from text"
    assert any("manifest.json" in warning for warning in reading.warnings)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ('{"documents": {"file": "a"}}', '"documents" is not a list of JSON objects'),
        ('{"documents": ["paper.txt"]}', '"documents" is not a list of JSON objects'),
    ],
)
def test_a_manifest_of_another_shape_is_one_plain_warning(
    tmp_path: Path, content: str, words: str
) -> None:
    """The session-8 trial: a list warned "('list' object has no attribute 'get')"."""
    (tmp_path / "manifest.json").write_text(content)
    (tmp_path / "paper.txt").write_text("Title from text\nbody")
    reading = read_corpus(tmp_path)
    assert reading.documents[0].title == "Title from text"
    assert [w for w in reading.warnings if "manifest.json" in w] == [
        next(w for w in reading.warnings if words in w)
    ]
    assert "attribute" not in " ".join(reading.warnings)


@pytest.mark.parametrize(
    "content", ['[{"name": "release", "notes": "The release manager is Dana Pike."}]', '"str"']
)
def test_a_manifest_json_that_is_no_object_is_the_users_document(
    tmp_path: Path, content: str
) -> None:
    """A JSON array manifest.json was "unreadable and was ignored" (s21 review): it holds none
    of citeqa's keys, so it is the user's file, read as a document as such an object is."""
    (tmp_path / "manifest.json").write_text(content)
    (tmp_path / "paper.txt").write_text("Title from text\nbody")
    reading = read_corpus(tmp_path)
    documents = {document.doc_id: document for document in reading.documents}
    assert documents["paper"].title == "Title from text"
    assert "manifest" in documents and not reading.warnings
    if content.startswith("["):
        assert "The release manager is Dana Pike." in documents["manifest"].text


def test_long_first_line_title_is_cut(tmp_path: Path) -> None:
    (tmp_path / "long.txt").write_text("word " * 60)
    (tmp_path / "stars.txt").write_text("***\n")
    documents = {document.doc_id: document for document in read_corpus(tmp_path).documents}
    assert len(documents["long"].title) <= 120
    assert documents["stars"].title == "stars"  # a rule line is no title: the name, humanised


def test_a_derived_title_is_the_first_lines_first_sentence(tmp_path: Path) -> None:
    """The session-10 trial's PDF, whose first extracted line is two sentences, was titled by
    both; every reader's derived title takes the first (its period dropped)."""
    opening = "Tallyfox Service Level Agreement. Critical incidents are answered within 4 hours."
    (tmp_path / "sla.pdf").write_bytes(minimal_pdf([opening, "Page two."]))
    (tmp_path / "notes.md").write_text("# Dr. Smith's notes. Then more.\n\nBody.\n")
    (tmp_path / "one.txt").write_text("One sentence only.\n\nBody.\n")
    documents = {document.doc_id: document for document in read_corpus(tmp_path).documents}
    assert documents["sla"].title == "Tallyfox Service Level Agreement"
    assert documents["notes"].title == "Dr. Smith's notes"  # an abbreviation ends no sentence
    assert documents["one"].title == "One sentence only."  # a whole line: as it is


@pytest.mark.parametrize(
    "line",
    [
        "# 1. Getting started",
        "Chapter 3. Results",
        "Part II. Methods and materials",
        "Étape 2. Installer le logiciel",
        "1. 2. Three",
        "IV. Methods",
        "B. Other things",
        "Hello world... Another",
        "Hello world… Another",
        "... Intro",
    ],
)
def test_a_first_sentence_that_is_no_title_keeps_the_whole_line(tmp_path: Path, line: str) -> None:
    """An enumerator, a label and its number or an ellipsis is no title: the line is kept
    whole (it was cut to "1", "Chapter 3", "Hello world..", ".")."""
    (tmp_path / "doc.txt").write_text(line + "\n\nBody.\n")
    (document,) = read_corpus(tmp_path).documents
    assert document.title == line.lstrip("# ")


def test_a_longer_first_line_is_cut_as_before(tmp_path: Path) -> None:
    """Its words are the answer models' topic words for the document (titles.derived_title)."""
    line = "Background: a first sentence. " + "A second sentence goes on and on. " * 5
    (tmp_path / "abstract.txt").write_text(line + "\n\nBody.\n")
    documents = {document.doc_id: document for document in read_corpus(tmp_path).documents}
    assert documents["abstract"].title == line[:120].rstrip()


def test_same_id_from_two_extensions_stays_unique(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("Markdown.")
    (tmp_path / "notes.txt").write_text("Text.")
    reading = read_corpus(tmp_path)
    assert [document.doc_id for document in reading.documents] == ["notes", "notes.txt"]
    assert (
        "notes.txt: notes.md has the same name (the same document in another format, or a"
        " copy?); both are read, this one cited as 'notes.txt'"
    ) in reading.warnings, "said plainly, naming the other file, not as an error (s27 trial)"


def test_the_id_note_writes_the_id_as_it_writes_the_file_names(tmp_path: Path) -> None:
    """It was a Python repr ('note\\x1b]0;pwn\\x07.txt') beside the names, shown ␛ once cleaned."""
    stem = "note\x1b]0;pwn\x07"
    (tmp_path / f"{stem}.md").write_text("Markdown.")
    (tmp_path / f"{stem}.txt").write_text("Text.")
    (note,) = [w for w in read_corpus(tmp_path).warnings if "has the same name" in w]
    shown, name = clean(note), clean(f"{stem}.txt")
    assert shown.startswith(f"{name}: {clean(stem)}.md has the same name")
    assert shown.endswith(f"this one cited as '{name}'")
    assert "\\x1b" not in note


def test_missing_folder_raises_corpus_missing(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    with pytest.raises(CorpusMissing, match="nowhere"):
        read_corpus(missing)
    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    with pytest.raises(CorpusMissing, match=r"file\.txt is a file; give the folder that holds it"):
        read_corpus(a_file)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(CorpusMissing, match="Corpus path is a FIFO, not a folder"):
        read_corpus(fifo)


def test_empty_corpus_raises_corpus_empty(tmp_path: Path) -> None:
    with pytest.raises(CorpusEmpty) as caught:
        read_corpus(tmp_path)
    assert str(tmp_path) in str(caught.value) and ".txt" in str(caught.value)
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    with pytest.raises(CorpusEmpty, match=r"Skipped 1 file of another type\.$"):
        read_corpus(tmp_path)


def test_an_empty_corpus_message_counts_skips_as_they_were_caught(tmp_path: Path) -> None:
    """The message re-parsed "file: reason" notes: a name holding ": " made an empty file
    count as a file of another type. Four unread files: three named, then "and 1 more"."""
    (tmp_path / "notes: unsupported file type.txt").write_text("")
    with pytest.raises(CorpusEmpty) as caught:
        read_corpus(tmp_path)
    assert str(caught.value).endswith(
        "Skipped 1 file it could not read (notes: unsupported file type.txt: empty file)."
    )
    for name in ("b.txt", "c.txt", "d.txt"):
        (tmp_path / name).write_text("")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    with pytest.raises(CorpusEmpty) as caught:
        read_corpus(tmp_path)
    assert str(caught.value).endswith(
        "Skipped 4 files it could not read (b.txt: empty file; c.txt: empty file; d.txt: empty"
        " file; and 1 more) and 1 file of another type."
    )


def test_bundled_corpus_reads_with_manifest_titles() -> None:
    reading = read_corpus(BUNDLED)
    documents = {document.doc_id: document for document in reading.documents}
    assert len(documents) == 5
    assert documents["targeted-therapies-lupus-slides"].title == (
        "Traitements ciblés dans le lupus systémique"
    )
    for document in reading.documents:
        assert document.text == Path(document.path).read_bytes().decode("utf-8")
    assert reading.skipped == [] and reading.warnings == []


def test_a_scan_hands_each_document_on_as_it_is_read_and_keeps_its_entry(tmp_path: Path) -> None:
    """scan_corpus, what a build reads the corpus with: every document handed on in order,
    once, and only its id, title, path and hash kept."""
    (tmp_path / "b.txt").write_text("Second document.\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("# First\n\nFirst document.\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Another first.\n", encoding="utf-8")  # id "a" is taken
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    handed: list[Document] = []
    scan = scan_corpus(tmp_path, handed.append)
    reading = read_corpus(tmp_path)
    assert handed == reading.documents and [d.doc_id for d in handed] == ["a", "a.txt", "b"]
    assert scan.entries == [DocumentEntry(d.doc_id, d.title, d.path, d.sha256) for d in handed]
    assert scan.skipped == reading.skipped and scan.warnings == reading.warnings
    assert not hasattr(scan.entries[0], "text")
    heard: list[tuple[int, int]] = []
    scan_corpus(tmp_path, lambda document: None, lambda done, total: heard.append((done, total)))
    assert heard == [(0, 4), (1, 4), (2, 4), (3, 4), (4, 4)]  # each file (the image skipped too)
    (tmp_path / "empty").mkdir()
    with pytest.raises(CorpusEmpty):
        scan_corpus(tmp_path / "empty", handed.append)


def test_a_truncated_pdf_is_skipped_as_damaged_in_a_users_words(tmp_path: Path) -> None:
    """pypdf's exception was the reason ("not a readable PDF (PdfStreamError: Stream has ended
    unexpectedly)", s14 trial); the reason now says what happened to the file, no class name."""
    whole = minimal_pdf(["First page text", "Second page text"])
    (tmp_path / "cut.pdf").write_bytes(whole[: len(whole) // 2])
    (tmp_path / "other.pdf").write_bytes(b"PK\x03\x04 a zip file named .pdf" * 40)
    (tmp_path / "good.txt").write_text("ok")
    reading = read_corpus(tmp_path)
    assert sorted(reading.skipped) == [
        "cut.pdf: not a readable PDF: the file is damaged or incomplete",
        "other.pdf: not a PDF: the file holds something else",
    ]


def test_a_pdf_with_no_text_is_said_to_be_maybe_a_scan(tmp_path: Path) -> None:
    (tmp_path / "scan.pdf").write_bytes(minimal_pdf(["", " "]))
    (tmp_path / "good.txt").write_text("ok")
    reading = read_corpus(tmp_path)
    assert reading.skipped == ["scan.pdf: no text in it, maybe a scanned image: citeqa does no OCR"]


def test_a_pdf_with_no_pages_is_said_to_have_none(tmp_path: Path) -> None:
    """A PDF of zero pages was "maybe a scanned image": it holds no page to scan."""
    (tmp_path / "empty.pdf").write_bytes(minimal_pdf([]))
    (tmp_path / "good.txt").write_text("ok")
    reading = read_corpus(tmp_path)
    assert reading.skipped == ["empty.pdf: no pages in it"]


@pytest.mark.internal_error_expected
def test_a_reader_failing_unforeseen_skips_its_file_with_a_reason_and_the_scan_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "real.txt").write_text("Real.")
    (tmp_path / "odd.md").write_text("# Odd\n\nText.")
    markdown = reader_for(".md")
    assert markdown is not None

    class Failing:
        kind, suffixes, decoded, version = markdown.kind, (".md",), True, 1

        def extract(self, content: str | bytes, relative: str) -> object:
            raise UnicodeError("a parser's bug")

    monkeypatch.setattr(
        "citeqa.corpus.reader_for_name",
        lambda name: Failing() if name.endswith(".md") else reader_for_name(name),
    )
    reading = read_corpus(tmp_path)
    assert [document.doc_id for document in reading.documents] == ["real"]
    assert reading.skipped == [
        "odd.md: could not be read (internal error: UnicodeError); please report it"
    ]


def test_a_title_holds_no_control_character(tmp_path: Path) -> None:
    """A title's control characters show as its quotes show them (visible.clean's stand-ins),
    those at its ends dropped: s26 hostile probe, "# Refund ESC[31mpolicy" was titled
    "Refund [31mpolicy" (ESC dropped, its parameters glued to the word) where quotes showed
    "␛[31m"."""
    (tmp_path / "manifest.json").write_text(
        json.dumps({"documents": [{"file": "a.txt", "title": "Rules\x1b[2J\x00 2025"}]})
    )
    (tmp_path / "a.txt").write_text("The pool opens at nine.")
    (tmp_path / "b.html").write_text("<title>Badge\x07</title><p>The office opens at ten.</p>")
    (tmp_path / "c.md").write_text("# Refund \x1b[31mpolicy\x1b[0m\n\nRefunds take 14 days.\n")
    titles = {document.doc_id: document.title for document in read_corpus(tmp_path).documents}
    assert titles == {"a": "Rules␛[2J␀ 2025", "b": "Badge", "c": "Refund ␛[31mpolicy␛[0m"}
    assert titles["c"] == shown(titles["c"])  # what Sources show: the quote's stand-ins


@pytest.mark.parametrize("error", [MemoryError(), OSError(errno.EMFILE, "Too many open files")])
def test_running_out_of_memory_or_files_while_reading_is_no_skipped_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: BaseException
) -> None:
    (tmp_path / "odd.md").write_text("# Odd\n\nText.")
    markdown = reader_for(".md")
    assert markdown is not None

    class Exhausted:
        kind, suffixes, decoded, version = markdown.kind, (".md",), True, 1

        def extract(self, content: str | bytes, relative: str) -> object:
            raise error

    monkeypatch.setattr("citeqa.corpus.reader_for_name", lambda name: Exhausted())
    with pytest.raises(type(error)):
        read_corpus(tmp_path)
