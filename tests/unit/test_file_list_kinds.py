"""filelist.FileList: the files that are documents and those the build skipped split one list,
in its order, reading only the file and doc_id columns."""

from __future__ import annotations

from typing import Any

from citeqa.filelist import FileList, IndexedFile


def _files() -> FileList:
    entries = [
        IndexedFile(file="a.txt", sha256="1", doc_id="a"),
        IndexedFile(file="logo.png", sha256="2"),
        IndexedFile(file="sub/b.md", sha256="3", doc_id="b"),
        IndexedFile(file="broken.pdf", sha256="4", doc_id=None),
        IndexedFile(file="c.html", sha256="5", doc_id="c"),
    ]
    return FileList.of(entries)


def test_documents_and_skipped_files_split_the_list_in_order() -> None:
    files = _files()
    assert files.document_files() == ["a.txt", "sub/b.md", "c.html"]
    assert files.skipped() == ["logo.png", "broken.pdf"]


def test_only_the_file_and_doc_id_columns_are_read() -> None:
    files = _files()
    read: list[str] = []
    column_of = files._column_of

    def recorded(name: str) -> Any:
        read.append(name)
        return column_of(name)

    files._column_of = recorded
    files.skipped()
    files.document_files()
    assert sorted(set(read)) == ["doc_id", "file"]
