"""machinewritten.machine_written: a log of rows of one shape is machine-written; prose, a
diary of dated entries, an office file and a missing file are not."""

from __future__ import annotations

from pathlib import Path

from citeqa.machinewritten import lines_machine_written, machine_written

WORDS = [
    "the",
    "survey",
    "team",
    "measured",
    "water",
    "levels",
    "along",
    "each",
    "river",
    "bank",
    "before",
    "winter",
    "came",
]


def _prose(paragraphs: int) -> str:
    """Paragraphs of sentences of varied lengths, as a person writes them."""
    return "\n\n".join(
        " ".join(WORDS[: 3 + (n * 7) % 11]).capitalize()
        + f", chapter {n}; "
        + " ".join(WORDS[(n * 5) % 9 :])
        + "."
        for n in range(paragraphs)
    )


def _log(rows: int) -> str:
    """An instrument's log: a header, then rows of timestamps, codes and readings."""
    return "time,user,run,power,state\n" + "".join(
        f"2025-04-{n % 28 + 1:02d}T{n % 24:02d}:00,op{n % 7},R-{n:05d},{n % 90 / 3:.2f},OK\n"
        for n in range(rows)
    )


def test_a_log_is_machine_written_and_prose_is_not(tmp_path: Path) -> None:
    (tmp_path / "run.log").write_text(_log(3000), encoding="utf-8")
    (tmp_path / "thesis.md").write_text(_prose(400), encoding="utf-8")
    assert machine_written(tmp_path / "run.log")
    assert not machine_written(tmp_path / "thesis.md")


def test_a_diary_of_dated_entries_is_not_machine_written() -> None:
    entries = [[f"### 2021-01-{n % 28 + 1:02d}", _prose(n % 5 + 1)] for n in range(200)]
    assert not lines_machine_written([line for entry in entries for line in entry])


def test_no_text_file_nor_a_missing_one_is_machine_written(tmp_path: Path) -> None:
    (tmp_path / "report.docx").write_bytes(b"PK\x03\x04\x14\x00\x00\x00" * 500)
    assert not machine_written(tmp_path / "report.docx")
    assert not machine_written(tmp_path / "gone.csv")
    assert not lines_machine_written(["", "  "])


def test_a_log_in_utf16_or_cp1252_is_machine_written_and_prose_so_saved_is_not(
    tmp_path: Path,
) -> None:
    """A Windows tool's log saved as UTF-16 ("Unicode", with or without its mark) or in cp1252
    with an accented word on each line is read in its encoding, as the index reads it (s32
    hostile probe L2: its NUL bytes or undecodable bytes made it "no text", so a person's)."""
    accented = "".join(line.rstrip("\n") + ",arrêté\n" for line in _log(3000).splitlines())
    saved = {
        "marked.log": _log(3000).encode("utf-16"),
        "unmarked.log": _log(3000).encode("utf-16-le"),
        "windows.log": accented.encode("cp1252"),
        "thesis.txt": _prose(400).encode("utf-16"),
        "notes.txt": _prose(400).replace("team", "équipe").encode("cp1252"),
    }
    for name, data in saved.items():
        (tmp_path / name).write_bytes(data)
    assert [name for name in saved if machine_written(tmp_path / name)] == [
        "marked.log",
        "unmarked.log",
        "windows.log",
    ]
