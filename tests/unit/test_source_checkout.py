"""A source checkout read as its user expects (s24 trial: the attrs and httpx sources): its
configuration files (.toml, .cfg, .ini: readers/configfiles.py) as key lines, its LICENSE and
AUTHORS without an ending as text, its .github folder walked, its hidden and tools' folders
counted in the build's report (folderwalk.py), its READMEs and MyST pages titled by their
text (titles.py), and `citeqa status --all` listing skipped files one per line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.read_documents import refusal
from tests.read_documents import written_document as document

from citeqa.buildnotes import report_notes
from citeqa.corpus import UnreadableDocument, read_corpus, read_document, scan_corpus
from citeqa.folderwalk import walk_folder
from citeqa.models import BuildReport, IndexStatus
from citeqa.readers import reader_for, reader_for_name
from citeqa.titles import derived_title

PYPROJECT = """\
[build-system]
requires = ["hatchling"]

[project]
name = "attrs"
requires-python = ">=3.7"
version = "23.2.0"
dynamic = false
threshold = 1.50

[tool.pytest.ini_options]
addopts = "-ra"
"""

SETUP_CFG = """\
[metadata]
name = httpx
description = A next-generation HTTP client
log_format = %(asctime)s %(message)s

[options]
python_requires = >=3.8
"""


def test_pyproject_values_are_lines_naming_their_path_as_written(tmp_path: Path) -> None:
    read = document(tmp_path, "pyproject.toml", PYPROJECT)
    lines = read.text.splitlines()
    assert read.title == "pyproject.toml" and read.kind == "toml"
    assert lines[0] == "# pyproject.toml"
    assert "project › requires-python: >=3.7" in lines
    assert "project › dynamic: false" in lines  # as TOML writes it, not Python's "False"
    assert "project › threshold: 1.50" in lines  # the float as written, not 1.5
    assert "tool › pytest › ini_options › addopts: -ra" in lines


def test_setup_cfg_and_tox_ini_are_read_with_no_interpolation(tmp_path: Path) -> None:
    read = document(tmp_path, "setup.cfg", SETUP_CFG)
    lines = read.text.splitlines()
    assert "options › python_requires: >=3.8" in lines
    assert "metadata › log_format: %(asctime)s %(message)s" in lines
    tox = document(tmp_path, "tox.ini", "[tox]\nEnv_List =\n    py38\n    py39\n")
    assert "tox › Env_List:" in tox.text.splitlines()  # the key's case kept
    assert "    py39" in tox.text.splitlines()


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("broken.toml", "name = \n", "not valid TOML: "),
        ("empty.toml", "# only a comment\n", "no values in it"),
        pytest.param(
            "long.toml",
            "serial = " + "9" * 5000 + "\n",  # s32 hostile F3: "internal error: ValueError"
            "not read: it writes a whole number of",
            id="a number past int()'s digits",
        ),
        pytest.param(
            "hex.toml",
            "serial = 0x" + "f" * 5000 + "\n",  # parsed (base 16 has no limit), str() refused
            "not read: it writes a whole number of",
            id="a hex number past str()'s digits",
        ),
    ],
)
def test_a_malformed_config_file_is_skipped_saying_why(
    tmp_path: Path, name: str, content: str, reason: str
) -> None:
    assert refusal(tmp_path, name, content).startswith(reason)


def test_well_known_names_without_an_ending_are_read_as_text(tmp_path: Path) -> None:
    read = document(tmp_path, "LICENSE", "The MIT License (MIT)\n\nCopyright (c) 2015 Hynek\n")
    assert read.kind == "txt" and "Copyright (c) 2015 Hynek" in read.text
    assert document(tmp_path, "sub/Authors", "Hynek Schlawack\n").text == "Hynek Schlawack\n"
    assert reader_for_name("COPYING.LESSER") is reader_for(".txt")
    assert reader_for_name("Makefile") is None and reader_for_name("LICENSE.md") is reader_for(
        ".md"
    )
    binary = bytes(range(256)) * 8
    with pytest.raises(UnreadableDocument):
        document(tmp_path, "NOTICE", binary)


def tree(root: Path, names: list[str]) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("How to report a vulnerability: mail security@example.org.\n")


def test_github_folder_is_read_and_hidden_or_tool_folders_are_counted(tmp_path: Path) -> None:
    tree(
        tmp_path,
        [
            ".github/SECURITY.md",
            ".github/workflows/ci.yml",
            ".git/HEAD.txt",
            ".netrc",
            ".venv/lib/notes.txt",
            "node_modules/pkg/README.md",
            "pkg/__pycache__/notes.txt",
            "README.md",
        ],
    )
    walked = walk_folder(tmp_path, set())
    assert walked.files.names == [".github/SECURITY.md", ".github/workflows/ci.yml", "README.md"]
    assert walked.hidden == [".git/", ".netrc", ".venv/", "node_modules/", "pkg/__pycache__/"]
    scan = scan_corpus(tmp_path, lambda document: None)
    line = report_notes(BuildReport(index_dir="i", hidden=scan.hidden))[0]
    assert line.startswith("left out, hidden or written by a tool (5;")
    assert ".netrc" in line and "node_modules/" in line


def test_a_settings_example_is_read_as_text_while_the_private_env_stays_hidden(
    tmp_path: Path,
) -> None:
    # s38 trial: .env.example (the keys a deployment sets, committed by every project) was left
    # out as hidden, and "What is the OAuth token lifetime?" was refused
    (tmp_path / ".env.example").write_text("OAUTH_TOKEN_TTL_SECONDS=3600\nLOG_LEVEL=info\n")
    (tmp_path / ".env").write_text("DATABASE_URL=postgres://app:secret@db/app\n")
    (tmp_path / "svc").mkdir()
    (tmp_path / "svc" / ".ENV.Sample").write_text("WORKERS=4\n")
    (tmp_path / ".env.example.bak").write_text("OLD=1\n")
    walked = walk_folder(tmp_path, set())
    assert walked.files.names == [".env.example", "svc/.ENV.Sample"]
    assert walked.hidden == [".env", ".env.example.bak"]
    assert reader_for_name(".env.example") is reader_for(".txt")
    (read,) = [doc for doc in read_corpus(tmp_path).documents if doc.doc_id == ".env.example"]
    assert "OAUTH_TOKEN_TTL_SECONDS=3600" in read.text


def test_a_settings_example_linking_to_the_private_env_is_left_out_with_it(
    tmp_path: Path,
) -> None:
    # s40 hostile L2: ".env.example" linking to ".env" was read, its secrets quoted
    (tmp_path / ".env").write_text("STRIPE_KEY=sk_live_abc123\n")
    (tmp_path / ".env.example").symlink_to(".env")
    (tmp_path / "README.md").write_text("# Project\n\nRun the app with make run.\n")
    walked = walk_folder(tmp_path, set())
    assert walked.files.names == ["README.md"]
    assert walked.hidden == [".env", ".env.example"]
    assert all("sk_live" not in doc.text for doc in read_corpus(tmp_path).documents)


def test_an_office_lock_file_is_left_out_as_hidden_not_skipped_as_damaged(tmp_path: Path) -> None:
    # s37 trial: Word's "~$mpromis.docx" (the name of who has the document open, a few bytes)
    # was counted "unreadable (damaged or without text)" in the welcome and `citeqa index`
    (tmp_path / "offres").mkdir()
    (tmp_path / "offres" / "~$mpromis.docx").write_bytes(b"\x05Marie Dupont" + b"\x00" * 40)
    (tmp_path / "offres" / "compromis~$v1.txt").write_text("Le prix est de 372 000 euros.\n")
    (tmp_path / "note.txt").write_text("Le dépôt de garantie est de 18 600 euros.\n")
    walked = walk_folder(tmp_path, set())
    assert walked.files.names == ["note.txt", "offres/compromis~$v1.txt"]
    assert walked.hidden == ["offres/~$mpromis.docx"]
    scan = scan_corpus(tmp_path, lambda document: None)
    assert scan.skipped == []
    assert report_notes(BuildReport(index_dir="i", hidden=scan.hidden))[0].startswith(
        "left out, hidden or written by a tool (1;"
    )


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            '<p align="center">\n  <a href="https://x.org"><img src="logo.svg" alt="x"></a>\n'
            "</p>\n\n<!-- teaser-begin -->\n\n*attrs* brings back the joy of classes.\n",
            "attrs brings back the joy of classes.",
        ),
        (
            '<p align="center"><strong>HTTPX</strong> <em>- A next-generation HTTP client.</em>'
            "</p>\n",
            "HTTPX - A next-generation HTTP client.",
        ),
        ("(how)=\n\n# How Does It Work?\n", "How Does It Work?"),
        (
            "```{include} ../CHANGELOG.md\n:end-before: Changes for the upcoming release\n```\n"
            "\n## Release notes\n",
            "Release notes",
        ),
        ("```python\nimport attrs\n```\n\n# Real title\n", "Real title"),
        ("a < b holds for every pair\n", "a < b holds for every pair"),
        ("# Vec<T> and Option<U>\n", "Vec<T> and Option<U>"),
        ("if a<b and c>d the pair is kept\n", "if a<b and c>d the pair is kept"),
        ("<details open>\n\n# Folded <b>notes</b><br/>\n", "Folded notes"),
        ('<IMG SRC="logo.svg">\n<div\n\n# Loud tags\n', "Loud tags"),
    ],
)
def test_html_tags_myst_targets_and_fenced_blocks_are_never_a_title(text: str, title: str) -> None:
    assert derived_title(text, "README.md") == title


def test_status_all_lists_each_skipped_file_on_its_own_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from citeqa.cli.index_cmds import print_status

    skipped = ["tool0.exe", "tool1.exe", "evil\x1b[31m.bin"]
    status = IndexStatus(
        index_dir="idx", corpus_dir="docs", built_at="2026-11-30T00:00:00+00:00",
        format_version=1, documents=[], channels=[], chunk_count=0, size_bytes=0,
        corpus_bytes=0, corpus_examples=[], manifest_hash="x", stale=False, skipped=skipped,
    )  # fmt: skip
    print_status(status, None)
    shown = capsys.readouterr().out.splitlines()
    at = next(n for n, line in enumerate(shown) if line.startswith("skipped, not documents (3;"))
    assert [line.strip() for line in shown[at + 1 : at + 4]][:2] == ["tool0.exe", "tool1.exe"]
    assert "\x1b" not in "".join(shown) and "evil" in shown[at + 3]
    print_status(status, 2)  # without --all: one line, the first two named
    assert "tool0.exe, tool1.exe and 1 more" in capsys.readouterr().out


def test_status_says_what_the_walk_left_out_as_hidden_and_why(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # s38 trial: `citeqa status` named neither .env.example nor __pycache__/, left out
    from citeqa.cli.index_cmds import print_status

    hidden = [".env", "evil\x1b[31m.cfg", "svc/__pycache__/"]
    status = IndexStatus(
        index_dir="idx", corpus_dir="docs", built_at="2026-11-30T00:00:00+00:00",
        format_version=1, documents=[], channels=[], chunk_count=0, size_bytes=0,
        corpus_bytes=0, corpus_examples=[], manifest_hash="x", stale=False, hidden=hidden,
    )  # fmt: skip
    print_status(status, 2)
    out = capsys.readouterr().out
    (line,) = [line for line in out.splitlines() if line.startswith("left out, hidden")]
    assert line.startswith("left out, hidden or written by a tool (3; citeqa reads hidden folders")
    assert line.endswith("): svc/__pycache__/, .env, evil␛[31m.cfg")  # the folder first
    assert "\x1b" not in out


def test_read_corpus_titles_a_readme_by_its_text_not_its_html(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text('<p align="center">\n</p>\n\n# attrs\n\nClasses.\n')
    assert [d.title for d in read_corpus(tmp_path).documents] == ["attrs"]


def test_an_ordered_lists_items_keep_their_numbers_as_a_browser_shows_them() -> None:
    from citeqa.readers.html import html_visible_text

    page = (
        "<html><body><h1>Roll back a deploy</h1><ol><li>Freeze the pipeline.</li>"
        "<li><p>Run <code>orbitctl rollback</code>.</p><ul><li>check the pods</li></ul></li>"
        "<li>Post in #ops.</li></ol><ol start='7'><li>Close the incident.</li></ol>"
        "<ul><li>Unnumbered</li></ul></body></html>"
    )
    lines = [line for line in html_visible_text(page)[0].splitlines() if line]
    assert lines == [
        "# Roll back a deploy",
        "1. Freeze the pipeline.",
        "2. Run orbitctl rollback.",
        "check the pods",
        "3. Post in #ops.",
        "7. Close the incident.",
        "Unnumbered",
    ]


def test_a_huge_or_deeply_nested_config_file_is_skipped_not_raised(tmp_path: Path) -> None:
    from citeqa.readers.structured import MAX_CHARACTERS, MAX_DEPTH

    huge = "[a]\n" + "k = v\n" * (MAX_CHARACTERS // 6 + 1)
    assert refusal(tmp_path, "huge.ini", huge).startswith("larger than 1,000,000 characters")
    deep = "a = " + "[" * 5000 + "]" * 5000 + "\n"
    assert refusal(tmp_path, "deep.toml", deep) == f"nested more than {MAX_DEPTH} levels deep"
    nested = "a = " + "[" * (MAX_DEPTH + 2) + "1" + "]" * (MAX_DEPTH + 2) + "\n"
    assert refusal(tmp_path, "nested.toml", nested) == f"nested more than {MAX_DEPTH} levels deep"


@pytest.mark.parametrize(
    "text",
    [
        "a" + ".a" * 300 + " = 1\n",  # dotted keys
        "[" + ".".join(["a"] * 300) + "]\nx = 1\n",  # a table header
        "[[" + ".".join(["a"] * 300) + "]]\nx = 1\n",  # an array of tables
    ],
)
def test_a_toml_table_nested_past_the_limit_is_skipped_not_raised(
    tmp_path: Path, text: str
) -> None:
    from citeqa.readers.structured import MAX_DEPTH

    assert refusal(tmp_path, "deep.toml", text) == f"nested more than {MAX_DEPTH} levels deep"
    shallow = "a" + ".a" * (MAX_DEPTH - 2) + " = 1\n"
    assert document(tmp_path, "shallow.toml", shallow).text.endswith("a › a: 1\n")


@pytest.mark.parametrize(
    "text",
    [
        "a" + ".a" * 3000 + " = 1\n",  # dotted keys
        "[" + " . ".join(["a"] * 3000) + "]\n",  # a table header, spaced
        'x = {"b"' + ".'b'" * 3000 + " = 1}\n",  # quoted parts in an inline table
    ],
    ids=["key", "header", "inline"],
)
def test_a_toml_key_of_too_many_dotted_parts_is_refused_before_tomllib_parses_it(
    tmp_path: Path, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """tomllib's time grows with the square of a key's parts (s25 hostile probe: 60 KB took
    7.9 s), so such a key is refused, with the nesting refusal's reason, before it parses."""
    import tomllib

    from citeqa.readers.structured import MAX_DEPTH

    parsed: list[str] = []
    monkeypatch.setattr(tomllib, "loads", lambda text, **_: parsed.append(text) or {})
    assert refusal(tmp_path, "deep.toml", text) == f"nested more than {MAX_DEPTH} levels deep"
    assert parsed == []


def test_many_dots_in_a_toml_files_values_are_no_deep_key(tmp_path: Path) -> None:
    dotted = ".".join(["a"] * 200)
    floats = ", ".join(["1.5"] * 200)
    text = f"path = \"{dotted}\"\nfloats = [{floats}]\nnote = '{dotted}.'\n"
    lines = document(tmp_path, "dots.toml", text).text.splitlines()
    assert f"path: {dotted}" in lines and f"note: {dotted}." in lines
    assert "floats › #200: 1.5" in lines


def test_dots_spread_over_a_toml_files_lines_skip_the_key_scan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Version numbers and addresses add up to many dots in a file, none of whose lines could
    hold a key past the depth limit: the key scan is left out (it was run on any file holding
    more dots than the limit in all)."""
    from citeqa.readers import configfiles

    scanned: list[str] = []
    monkeypatch.setattr(configfiles, "_longest_key", lambda text: scanned.append(text) or 0)
    text = "".join(f'dep{n} = "1.2.{n}"\n' for n in range(100))
    assert "dep99: 1.2.99" in document(tmp_path, "deps.toml", text).text.splitlines()
    assert scanned == []


def test_a_config_file_whose_lines_pass_the_limit_says_so_plainly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """s25 hostile probe: the reason read "its text would pass 1,403,144 characters"."""
    from citeqa.readers import configfiles

    monkeypatch.setattr(configfiles, "TEXT_FLOOR", 0)  # each line repeats its long path
    text = "[" + "a" * 60 + "." + "b" * 60 + "]\n" + "".join(f"k{n} = 1\n" for n in range(50))
    reason = refusal(tmp_path, "long.toml", text)
    assert reason == configfiles.TOO_LONG.format(limit=8 * len(text))
    assert reason.startswith("too large to read: its values, one line each under their path, pass")
    assert reason.endswith(
        f"{8 * len(text):,} characters, the limit for a file of its size (8 times it)"
    )


@pytest.mark.parametrize(("name", "kind"), [("huge.toml", "a TOML"), ("huge.yaml", "a YAML")])
def test_a_config_file_past_the_size_limit_is_refused_reading_no_more_than_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, kind: str
) -> None:
    """s25 hostile probe: a 50 MB file was read whole to be refused (448 MB of memory); review
    C of s25: a .yaml or .json file too."""
    from citeqa.readers.structured import MAX_FILE_BYTES, past_limit

    path = tmp_path / name
    with path.open("wb") as stream:
        stream.truncate(MAX_FILE_BYTES + 1000)  # sparse: no disk written
    read: list[int] = []
    opened = Path.open

    def counting_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        stream = opened(self, *args, **kwargs)
        whole = stream.read

        def counted(size: int = -1) -> Any:
            chunk = whole(size)
            read.append(len(chunk))
            return chunk

        stream.read = counted
        return stream

    monkeypatch.setattr(Path, "open", counting_open)
    with pytest.raises(UnreadableDocument) as refused:
        read_document(path, tmp_path, {})
    assert refused.value.reason == past_limit(kind)
    assert sum(read) == MAX_FILE_BYTES + 1


def test_a_json_file_is_read_up_to_a_chat_exports_day_file() -> None:
    """A .json file is refused unread only past the bytes of chatexport.MAX_DAY_CHARACTERS
    characters: a day file past 1,000,000 characters is still read as a chat log."""
    from citeqa.chatexport import MAX_DAY_CHARACTERS
    from citeqa.readers.structured import READERS, past_limit

    json_reader = next(reader for reader in READERS if reader.kind == "json")
    assert json_reader.max_bytes == 4 * MAX_DAY_CHARACTERS + 4
    assert json_reader.oversized() == past_limit("a JSON")


HAPROXY = "global\n    log 127.0.0.1 local0\n    maxconn 4096\n\ndefaults\n    mode http\n"
GRUB = "set default=0\nmenuentry 'Ubuntu' {\n    linux /boot/vmlinuz root=/dev/sda1\n}\n"


def test_a_sectionless_ini_is_read_at_the_top_and_another_syntax_as_text(tmp_path: Path) -> None:
    plain = document(
        tmp_path, "settings.ini", "# db\nhost=db.local\nport = 5432\n[cache]\nttl=60\n"
    )
    assert plain.kind == "ini"
    assert plain.text.splitlines()[2:] == ["host: db.local", "port: 5432", "", "cache › ttl: 60"]
    for name, text in [("haproxy.cfg", HAPROXY), ("grub.cfg", GRUB), ("odd.ini", "[a]\nx\n  y\n")]:
        read = document(tmp_path, name, text)
        assert (read.kind, read.text, read.title) == ("txt", text, name)
    huge = "k = v\n" * (1_000_000 // 6 + 1)
    assert "citeqa's limit for an INI file" in refusal(tmp_path, "huge.cfg", huge)


def test_copying_and_copying_lesser_each_keep_their_own_id(tmp_path: Path) -> None:
    """Only an ending a reader reads is left out of an id: ".lesser" is no such ending."""
    (tmp_path / "COPYING").write_text("GNU GENERAL PUBLIC LICENSE\n")
    (tmp_path / "COPYING.LESSER").write_text("GNU LESSER GENERAL PUBLIC LICENSE\n")
    (tmp_path / "guide.MD").write_text("# Guide\n\nRead me.\n")
    read = read_corpus(tmp_path)
    assert sorted(d.doc_id for d in read.documents) == ["COPYING", "COPYING.LESSER", "guide"]
    assert read.warnings == []


def test_an_items_value_and_a_reversed_list_number_items_as_a_browser_does() -> None:
    from citeqa.readers.html import html_visible_text

    page = (
        "<html><body><ol><li>One</li><li value='7'>Seven</li><li>Eight</li></ol>"
        "<ol reversed><li>Three</li><li>Two<ol><li>inner</li></ol></li><li>One</li></ol>"
        "<ol reversed start='10'><li>Ten</li><li value='4'>Four</li><li>Three</li></ol>"
        "</body></html>"
    )
    lines = [line for line in html_visible_text(page)[0].splitlines() if line]
    assert lines == [
        "1. One", "7. Seven", "8. Eight",
        "3. Three", "2. Two", "1. inner", "1. One",
        "10. Ten", "4. Four", "3. Three",
    ]  # fmt: skip


def test_a_lists_start_and_value_are_read_by_htmls_integer_rules_and_held_to_32_bits() -> None:
    """A number of thousands of digits opened every item (s25 hostile probe); a browser reads
    "3\x1b" as 3, "1_000" as 1, and no number in "١٢", so that item counts on."""
    from citeqa.readers.html import html_visible_text

    page = (
        "<html><body><ol start='" + "9" * 4000 + "'><li>Big</li><li>Next</li></ol>"
        "<ol start=' -" + "9" * 50 + "'><li>Low</li></ol>"
        "<ol><li value='3\x1b'>Three</li><li value='1_000'>One</li>"
        "<li value='\u0661\u0662'>Two</li><li value='+007'>Seven</li></ol></body></html>"
    )
    lines = [line for line in html_visible_text(page)[0].splitlines() if line]
    assert lines == [
        "2147483647. Big", "2147483648. Next", "-2147483648. Low",
        "3. Three", "1. One", "2. Two", "7. Seven",
    ]  # fmt: skip


def test_the_hidden_line_names_the_corpus_folders_before_caches_and_hidden_files() -> None:
    hidden = [f"d{n}/.DS_Store" for n in range(6)] + [".DS_Store", ".git/", "node_modules/"]
    hidden += [f"pkg{n}/__pycache__/" for n in range(4)] + [".venv/"]
    line = report_notes(BuildReport(index_dir="i", hidden=sorted(hidden)))[0]
    named = line.split("): ", 1)[1]
    assert named.startswith(".git/, .venv/, node_modules/, pkg0/__pycache__/")
    assert named.endswith("d1/.DS_Store and 4 more")


@pytest.mark.parametrize(
    "text",
    [
        "# see " + ".".join(["a"] * 100) + " = 1\nx = 1\n",  # a comment
        'x = 1 # "' + ".".join(["a"] * 100) + "]\n",  # a comment after a value
        'doc = """\n' + ".".join(["a"] * 100) + ' = 1\n"""\n',  # a multi-line string
        "doc = '''\n[" + ".".join(["a"] * 100) + "]\n'''\n",  # a literal one
    ],
    ids=["comment", "trailing", "basic", "literal"],
)
def test_a_long_dotted_chain_in_a_comment_or_string_is_read(tmp_path: Path, text: str) -> None:
    """Review C of s25: a chain of more than MAX_DEPTH dotted parts in a comment or a
    multi-line string refused valid TOML as nested too deep."""
    assert document(tmp_path, "ok.toml", text).kind == "toml"


def test_the_same_name_note_says_both_are_read_only_when_both_are(tmp_path: Path) -> None:
    """s32 hostile F3: a conf.toml skipped as unreadable was said read beside conf.yaml."""
    (tmp_path / "conf.toml").write_text("serial = " + "9" * 5000 + "\n")
    (tmp_path / "conf.yaml").write_text("note: The gate code is changed monthly.\n")
    (tmp_path / "notes.md").write_text("Markdown.")
    (tmp_path / "notes.txt").write_text("Text.")
    notes = [w for w in read_corpus(tmp_path).warnings if "has the same name" in w]
    assert sorted(notes) == [
        "conf.yaml: conf.toml has the same name (the same document in another format, or a"
        " copy?); conf.toml could not be read, this one cited as 'conf.yaml'",
        "notes.txt: notes.md has the same name (the same document in another format, or a"
        " copy?); both are read, this one cited as 'notes.txt'",
    ]


def test_the_checkout_list_is_read_once_however_many_files_are_walked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import citeqa.folderwalk as folderwalk

    reads: list[str] = []
    real = folderwalk.data_json
    monkeypatch.setattr(folderwalk, "data_json", lambda name: reads.append(name) or real(name))
    folderwalk.checkout_names.cache_clear()
    for number in range(30):
        (tmp_path / f"note{number}.txt").write_text("a note", encoding="utf-8")
    (tmp_path / ".env.example").write_text("PORT=8080\n", encoding="utf-8")
    walk_folder(tmp_path, set())
    assert reader_for_name(".env.example") is reader_for(".txt")
    first = len(reads)
    walk_folder(tmp_path, set())
    for number in range(30):
        reader_for_name(f"NOTE{number}")
    assert len(reads) == first  # the warm path parses it no more
