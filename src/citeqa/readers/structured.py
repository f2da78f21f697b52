"""JSON and YAML files (.json, .yaml, .yml): config and reference files (a price list, error
codes, feature flags, an OpenAPI spec, a package.json) read as one line per value naming its
path, "plans › Team › price_per_seat_month: 19" (treetext.py writes the text citation offsets
point into), a list of records sharing their keys as a markdown table, under a heading naming
the file ("# plans.yaml"): a document's first line alone, or its first lines with no statement's
end, read as its title and are never quoted (titleonly.py), so without that heading the file's
first value was never quoted (s20 trial: "Which plans have AI suggested replies?" quoted the
second flag of feature_flags.yaml, not the first).

A JSON export's list of records holding lists of records (a help desk's tickets and their
comments) is read a passage per record instead (records.py): a heading naming the record and
its subject, its values on one line, each comment's text as written after its author.

Parsed by the standard library's json (its numbers kept as their text) and composed by
PyYAML's safe loader, every document of a file (a Kubernetes manifest holds several between
`---` lines), each scalar then written as the file writes it (yamlnodes.py), never typed
under YAML 1.1 and written back by Python ("22:22" is not 1342, "on" not true). A file
that does not parse is skipped with the parser's reason and where ("not valid YAML: mapping
values are not allowed here (line 3, column 9)"), never a traceback.

Bounded in time and memory (benchmarks/structured_read.py prints the figures):
- a file of more than MAX_CHARACTERS characters is skipped: with libyaml (CSafeLoader) a 1 MB
  OpenAPI-like spec is read in 7 s on this busy 2-core machine (21 s by PyYAML's pure-Python
  loader, used when PyYAML lacks libyaml), and json, though it reads 10 MB in a fraction of a
  second, would make of 1.8 MB of such a spec 3.1 MB of text, 6,656 chunks: past that size a
  file is a data dump, not a reference one reads (split it, or export the part to read as
  .csv); but a JSON file holding an export's list of records (records.holds_export_list: a
  help desk's 2,000 tickets pass 1 MB) is read up to MAX_EXPORT_CHARACTERS, a passage per
  record, its text no longer than the file (json parses and refuses a larger file that holds
  none: benchmarks/structured_read.py prints both);
- nesting deeper than MAX_DEPTH levels is skipped ("nested more than 64 levels deep"): json
  and PyYAML's composer recurse, and a path of hundreds of parts makes no line to read; a
  YAML file nested more than MAX_COMPOSED_DEPTH levels is refused before it is composed
  (10,000 nested lists in 0.04 s; PyYAML's pure-Python composer took 4 s to reach Python's
  recursion limit, and libyaml's crashed the process past some 20,000 levels); a record of a
  JSON export's list nested so deep, or a record of its own list (a ticket's comment), is left
  out alone, a warning counting such records (RECORDS_TOO_DEEP), the others read;
- a YAML file whose documents' aliases, followed, make more than TEXT_PER_CHARACTER values
  per character of the file (plus TEXT_FLOOR), or MAX_NODES, is skipped before they are
  walked (yamlsize.py): nine aliases of nine aliases... ("billion laughs"), a few hundred
  bytes that would make gigabytes of text, and merge keys of merge keys (built by PyYAML,
  5 s at seven levels, eightfold with each); one budget for the file, not one a document (12
  documents each a six-level merge bomb, 258 KB, took 10 s; 1 MB some 40 min);
- a text longer than TEXT_PER_CHARACTER times the file (plus TEXT_FLOOR) is skipped: the walk
  stops as soon as its text passes that length (a path repeated on each of thousands of lines).

Skipped on purpose, saying why: the lock files a package manager writes and the minified
copies a build writes (citeqa/data/structured_files.json: package-lock.json, *.min.json...):
thousands of versions, hashes and URLs no one asks about, which would crowd every search.
JSON Lines (.jsonl, .ndjson) is not read: a log or a data set of records, one per line, is
not a reference file, and its files are often huge.

A day file of a chat export (Slack's shape: a folder holding users.json and channels.json, one
folder of YYYY-MM-DD.json files per channel) is read as a chat log by chatexport.py, through
`extract_at`, which knows where the file is; the export's user and channel lists are skipped.

Version 3: chat exports' day files read as chat logs, their user and channel lists skipped
(s22 trial: "#6 › ts: …" quoted, user ids never named).

Titled by the file's name ("plans.yaml"), its heading: people call a config file by it, and no
title is stated in it.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from citeqa.jsonfiles import parse_json
from citeqa.models import counted
from citeqa.readers.base import TITLE_MAX, Extracted, UnreadableDocument
from citeqa.readers.records import holds_export_list, write_export_list
from citeqa.readers.treetext import (
    Pairs,
    TooDeep,
    TooLong,
    structured_files_data,
    tree_read,
)
from citeqa.readers.yamlnodes import document_value, is_null
from citeqa.readers.yamlsize import NodeBudget, nesting_checked
from citeqa.textdecoding import VERSION as DECODING_VERSION
from citeqa.visible import shown

if TYPE_CHECKING:
    import yaml

MAX_CHARACTERS = 1_000_000
"""A larger file is skipped (a data dump, and PyYAML's loader would take tens of seconds)."""
MAX_EXPORT_CHARACTERS = 16_000_000
"""A JSON file past MAX_CHARACTERS is still read, up to this many characters, when it is an
export's list of records (records.holds_export_list: a help desk's 2,000 tickets pass 1 MB);
json parses it in well under a second, and its text is no longer than the file
(benchmarks/structured_read.py: 10,000 tickets)."""
MAX_FILE_BYTES = 4 * MAX_CHARACTERS + 4
"""A file of more bytes has more than MAX_CHARACTERS characters whatever its encoding (none
writes a character in more than 4 bytes, nor a byte-order mark): configfiles.py's are refused
having read that many bytes and one more, not the whole file (corpus.py)."""
MAX_DAY_FILE_BYTES = 4 * 32_000_000 + 4
"""A .json file of more bytes has more characters than chatexport.MAX_DAY_CHARACTERS (its
value; chatexport is imported only when a file is read), the most a chat export's day file is
read up to: it is refused having read that many bytes and one more (review C of s25: a 300 MB
.json was read whole to be refused); a smaller one is read and refused as before."""
MAX_DEPTH = 64
"""A value nested deeper is skipped (configs nest a dozen levels; OpenAPI specs some 15)."""
MAX_NODES = 1_000_000
"""A YAML file's documents, their aliases followed, hold at most this many values (and at most
TEXT_PER_CHARACTER a character plus TEXT_FLOOR): one budget for the file, each document's
taken off it."""
RECORDS_TOO_DEEP = f"nested more than {MAX_DEPTH} levels deep"
"""Why records of a JSON export were left out (records.record_passages), the others read."""
MAX_COMPOSED_DEPTH = 1_000
"""A YAML file nested deeper is refused before libyaml composes it: its composer recurses in C,
unbounded by Python's recursion limit, and past 20,000-40,000 levels the process crashed (a
segmentation fault, 8 MB stack); PyYAML's own composer stops near 1,000 (RecursionError)."""
TEXT_PER_CHARACTER = 8
"""The text of a file is at most this many times as long as the file, plus TEXT_FLOOR..."""
TEXT_FLOOR = 100_000
"""... characters: a file's paths are repeated on each of its lines, an alias is not."""


@dataclass(frozen=True)
class StructuredReader:
    """A .json, .yaml or .yml file, already decoded (corpus.py takes off a byte-order mark)."""

    kind: str
    suffixes: tuple[str, ...]
    decoded: bool = True
    version: int = 12 + DECODING_VERSION
    """2 (plus textdecoding.VERSION): a complex YAML key written without its anchor or tag
    (yamlnodes.py: "&x [a, b]" read so). 3: a day file of a chat export read as its
    messages, the export's user and channel lists skipped (chatexport.py). 4: a folder is an
    export only when a listed channel holds written messages (app fixtures are read as JSON), a
    day file with none is read as JSON, a reply to a reply is kept. 5: a day file past
    MAX_CHARACTERS read as a chat log up to chatexport.MAX_MESSAGES (was skipped whole), one
    without a readable users.json read as a chat log (was a JSON tree), an item that is no
    message skipped (the day was read as a JSON tree). 6: an export's user or channel list past
    MAX_CHARACTERS is refused as such (was called a data dump). 7: a JSON export's list of
    records holding lists of records (tickets and their comments) is a passage per record,
    its prose under no key (records.py; was a line per value naming its path). 8: a
    record's texts keep their keys (a comment's one text runs on bare), a naming key's other
    values are written, a key opening with "# " makes no heading, and a list is an export's
    only when most of its records hold records (review A of s25). 9: a JSON file past
    MAX_CHARACTERS holding an export's list of records is read, up to MAX_EXPORT_CHARACTERS
    (was refused as a data dump: s26, a help desk's 2,000 tickets). 10: a record's list of
    records of one flat shape holding no prose is one pipe table (was a paragraph each: s26
    hostile probe, 10^5 comments {"a": n} made 2,000 more chunks). 11: a record of an export
    nested past MAX_DEPTH is left out with a warning, the others read (the file was refused);
    12: a record of a record's list (a ticket's comment) nested so deep is left out alone, not
    its whole ticket."""
    max_bytes: int = MAX_FILE_BYTES
    """corpus.py reads at most this many bytes and one more of such a file (base.CappedReader):
    a file of more is refused (`oversized`) unread, as `extract` would refuse it; a .json's is
    MAX_DAY_FILE_BYTES, a chat export's day file being read past MAX_CHARACTERS."""

    def oversized(self) -> str:
        """The reason a file of more than `max_bytes` bytes is refused."""
        return past_limit(self._kind_named())

    def _kind_named(self) -> str:
        """The kind of file as a refusal names it ("a JSON")."""
        return f"a {self.kind.upper()}"

    def extract_at(self, content: str | bytes, relative: str, path: Path) -> Extracted:
        """`extract`, knowing where the file is (`path`): a day file of a chat export is read
        as its messages, the export's user and channel lists are none (chatexport.py,
        imported here: every command finds the readers, and only an index reads a file). A
        file past MAX_CHARACTERS is refused unparsed unless it is an export's list (whatever its
        size: a big workspace's users.json passes 1 MB) or named as a day file of an export in
        the corpus (up to MAX_DAY_CHARACTERS: 32 MB was parsed to tell); no file outside the
        corpus is read to tell (`chatexport.export_of`)."""
        from citeqa.chatexport import (
            MAX_DAY_CHARACTERS,
            day_file_export,
            day_text,
            export_of,
            in_an_export,
            is_export_list,
        )

        text = str(content)
        if self.kind != "json" or len(text) > MAX_DAY_CHARACTERS:
            return self.extract(content, relative)
        if is_export_list(path):  # before the size: a big workspace's lists pass 1 MB
            raise UnreadableDocument(
                "a chat export's list of users or channels: read as the names in its day files"
            )
        if export_of(path, relative) is None:  # no day file, or its export not in the corpus
            return self.extract(content, relative)
        if len(text) > MAX_CHARACTERS and not in_an_export(path, relative):
            return self.extract(content, relative)  # an export's records, or refused for its size
        try:
            value = parse_json(text)
        except ValueError:  # read (and refused, saying why) as any JSON file
            return self.extract(content, relative)
        export = day_file_export(path, relative, value)
        if export is None or not isinstance(value, list):
            return self.extract(content, relative)
        log = day_text(path, export, value, relative)
        if log.text.count("\n## ") == 0:  # no message written: its content read as JSON's is
            return self.extract(content, relative)
        return Extracted(log.text, title=log.title[:TITLE_MAX], warnings=log.notes)

    def extract(self, content: str | bytes, relative: str) -> Extracted:
        text = str(content)
        name = PurePosixPath(relative).name
        _refuse_machine_written(name)
        named = self._kind_named()
        if self.kind != "json" or len(text) > MAX_EXPORT_CHARACTERS:  # no export's list: 1 MB
            refuse_past_limit(text, named)
        large = len(text) > MAX_CHARACTERS
        if large and not _may_hold_records(text):
            raise UnreadableDocument(past_limit(named, EXPORT_EXCEPTION))
        limit = TEXT_PER_CHARACTER * len(text) + TEXT_FLOOR
        try:
            documents = list(self._parsed(text, limit))
            if large and not holds_export_list(documents[0]):
                raise UnreadableDocument(past_limit(named, EXPORT_EXCEPTION))
            read = tree_read(
                documents,
                max_chars=limit,
                max_depth=MAX_DEPTH,
                passages=write_export_list if self.kind == "json" else None,
            )
        except TooDeep as reason:
            raise UnreadableDocument(str(reason)) from None
        except TooLong as reason:
            why = ": YAML aliases repeating parts of it?" if self.kind == "yaml" else ""
            raise UnreadableDocument(
                f"{reason}, {TEXT_PER_CHARACTER} times its size{why}"
            ) from None
        if not read.text.strip():  # a YAML file of comments, or of empty documents only
            raise UnreadableDocument(RECORDS_TOO_DEEP if read.records_cut else "no values in it")
        extracted = under_file_name(read.text, relative)
        if read.records_cut:
            records = counted(read.records_cut, "record", grouped=True)
            extracted.warnings.append(f"{relative}: {records} {RECORDS_TOO_DEEP}: not read")
        return extracted

    def _parsed(self, text: str, limit: int) -> Iterator[object]:
        """The documents of the file (a JSON file holds one); UnreadableDocument when it does
        not parse, saying why and where, or when YAML aliases make more than `limit` values of
        it, or one holds itself."""
        if self.kind == "json":
            yield _json_value(text)
        else:
            yield from _yaml_documents(text, limit)


def refuse_past_limit(text: str, kind: str) -> None:
    """UnreadableDocument for a file of more than MAX_CHARACTERS characters; `kind` names its
    type with an article ("a JSON", "an INI"). Shared by configfiles.py."""
    if len(text) > MAX_CHARACTERS:
        raise UnreadableDocument(past_limit(kind))


_LIST_OF_MAPPINGS = re.compile(r"\[\s*\{")
"""Where a JSON text opens a list on a mapping."""


def _may_hold_records(text: str) -> bool:
    """Whether a JSON text opens two lists on a mapping at least (an export's list of records
    and a list a record holds: records.holds_export_list), found without parsing it: a dump of
    rows of values is refused unparsed."""
    return len(list(itertools.islice(_LIST_OF_MAPPINGS.finditer(text), 2))) == 2


EXPORT_EXCEPTION = (
    f" (an export's list of records is read up to {MAX_EXPORT_CHARACTERS:,}; this holds none)"
)
"""What a JSON file past MAX_CHARACTERS holding no export's list is told beside `past_limit`."""


def past_limit(kind: str, exception: str = "", limit: int = MAX_CHARACTERS) -> str:
    """The reason `refuse_past_limit` gives, maybe with an `exception` to the limit said after
    it; `limit`: the characters a file of `kind` may hold (a calendar's own)."""
    return (
        f"larger than {limit:,} characters, citeqa's limit for {kind} file{exception}:"
        " a data dump rather than a reference"
    )


def file_title(relative: str) -> str:
    """The title of the file at `relative`: its name, shown on one line."""
    return " ".join(shown(PurePosixPath(relative).name).split())[:TITLE_MAX]


def under_file_name(read: str, relative: str) -> Extracted:
    """The `read` text under a heading naming the file (`file_title`), its title."""
    title = file_title(relative)
    return Extracted(f"# {title}\n\n{read}", title=title)


def _refuse_machine_written(name: str) -> None:
    """UnreadableDocument for a file a tool writes that no one reads (a lock file)."""
    data = structured_files_data()
    lowered = name.lower()
    names = {str(item).lower() for item in data.get("machine_written_names", [])}
    endings = tuple(str(item).lower() for item in data.get("machine_written_endings", []))
    if lowered in names or lowered.endswith(endings):
        raise UnreadableDocument("written by a tool (a lock file or a minified copy): not read")


def _json_value(text: str) -> object:
    """The file's value, each number as the file writes it ("19.90", "1e400", a number of
    5,000 digits: Python's float and int would write "19.9", "inf", or refuse), a key written
    twice kept (treetext.Pairs)."""
    try:
        return parse_json(
            text, parse_float=str, parse_int=str, parse_constant=str, object_pairs_hook=Pairs
        )
    except json.JSONDecodeError as error:
        raise UnreadableDocument(
            f"not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})"
        ) from None
    except ValueError as error:  # too deep (jsonfiles.parse_json)
        raise UnreadableDocument(f"not read as JSON: {error}") from None


def _yaml_documents(text: str, limit: int) -> list[object]:
    """The non-empty documents of a YAML file, composed by PyYAML's safe loader, libyaml's
    when PyYAML has it (CSafeLoader: a 1 MB spec composed in 2.5 s, not 10 s), its nesting
    checked first (yamlsize.nesting_checked); never `yaml.load`, which builds any Python
    object a file names. Each document is walked as the file writes
    them (yamlnodes.py: built, `- 22:22` read 1342 and `on:` true), each document's size once
    its aliases are followed checked first (yamlsize.py: a merge-key bomb took minutes to
    build); UnreadableDocument when it does not parse or passes `limit` values. PyYAML is
    imported here: every command finds the readers, and importing it with them made each
    start 40-180 ms slower."""
    import yaml

    fast = getattr(yaml, "CSafeLoader", None)  # libyaml's, when PyYAML was built with it
    loader = (fast or yaml.SafeLoader)(text)
    try:
        if fast is not None:
            nesting_checked(text, fast, MAX_COMPOSED_DEPTH)
        documents = []
        budget = NodeBudget(min(limit, MAX_NODES))
        while loader.check_node():
            node = loader.get_node()
            budget.spend(node)
            if not is_null(node):
                documents.append(document_value(node, text))
        return documents
    except RecursionError:
        raise UnreadableDocument(f"nested more than {MAX_DEPTH} levels deep") from None
    except yaml.YAMLError as error:
        raise UnreadableDocument(f"not valid YAML: {_yaml_problem(error)}") from None
    finally:
        loader.dispose()


def _yaml_problem(error: yaml.YAMLError) -> str:
    """PyYAML's reason and where, on one line ("mapping values are not allowed here (line 3,
    column 9)"); its own message spans several lines and quotes the file."""
    problem = getattr(error, "problem", None) or getattr(error, "context", None)
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""
    return " ".join(str(problem or error).split()) + where


READERS = (
    StructuredReader("json", (".json",), max_bytes=MAX_DAY_FILE_BYTES),
    StructuredReader("yaml", (".yaml", ".yml")),
)
