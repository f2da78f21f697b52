"""Textual stays inside the TUI: the CLI (`ask` included) imports without it, nor does the core."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "citeqa"


def test_cli_registration_does_not_import_textual():
    code = (
        "import sys; from citeqa.cli.app import app; "
        "from citeqa.cli import chat_cmd; "
        "assert 'chat' in [c.name for c in app.registered_commands]; "
        "assert 'textual' not in sys.modules, 'textual imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_only_tui_and_chat_command_import_textual():
    offenders = []
    for path in SRC.rglob("*.py"):
        relative = path.relative_to(SRC).as_posix()
        if relative.startswith("tui/") or relative == "cli/chat_cmd.py":
            continue
        text = path.read_text(encoding="utf-8")
        if "import textual" in text or "from textual" in text:
            offenders.append(relative)
    assert offenders == []


def test_tui_reaches_the_core_only_through_api_and_models():
    allowed = (
        "citeqa.api",
        "citeqa.models",
        "citeqa.errors",
        "citeqa.config",
        "citeqa.visible",
        "citeqa.listing",  # how many rows a status display lists, shared with `citeqa status`
        "citeqa.status_summary",  # what it shows of an index too long to list, the same
        "citeqa.readable",
        "citeqa.overview",
        "citeqa.userdirs",
        "citeqa.outputs",  # a file written for the user, never over one (eval's --report too)
        "citeqa.mdtext",  # text written into a Markdown export so it renders verbatim
        # a stale index's changes grouped, as `citeqa status` lists them; it pulls in
        # citeqa.rereading (reader_change reads a reader change's line) and so citeqa.readers,
        # the reader registry (readers.base only: the format modules load on first use)
        "citeqa.changegroups",
        "citeqa.caution",  # a low confidence's caution, worded as `citeqa ask` words it
        "citeqa.answerlabels",  # an answer's labels in its language, as `citeqa ask` labels it
        "citeqa.buildnotes",  # an update's notes, in the words `citeqa index` prints them in
        "citeqa.tui",
    )
    for path in (SRC / "tui").rglob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            words = line.split()
            if len(words) >= 2 and words[0] in ("from", "import") and words[1].startswith("citeqa"):
                assert words[1].startswith(allowed), f"{path.name}: {line}"


def test_first_paint_does_not_wait_for_the_api_module():
    """Nor for a format reader: citeqa.changegroups pulls in the reader registry
    (citeqa.rereading -> citeqa.readers), which loads no format module until one is used."""
    code = (
        "import sys; import citeqa.tui.app; "
        "assert 'citeqa.api' not in sys.modules, 'citeqa.api imported before the worker runs'; "
        "readers = sorted(m for m in sys.modules if m.startswith('citeqa.readers.')); "
        "assert readers == ['citeqa.readers.base'], readers"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
