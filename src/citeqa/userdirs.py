"""Where citeqa keeps a user's files: per-user data, config, exports and the chat's UI state.

The folders come from platformdirs, so they follow each platform's convention (on Linux the
XDG variables: `$XDG_DATA_HOME/citeqa`, `$XDG_CONFIG_HOME/citeqa`, `$XDG_STATE_HOME/citeqa`).
Nothing here creates a folder except `write_ui_state` (which writes a file the user asked for);
the index builder creates its own folder, and usemodel.py its copy of the USE model in the cache.

- `data_dir()`: per-user data; holds `indexes/` (one index per corpus folder) and `exports/`.
- `index_dir_for(corpus)`: the index of a corpus given without `--index`, keyed by the corpus
  folder's resolved path (`indexes/<folder name>-<12 hex of its path's sha256>`).
- `cache_dir()`: per-user cache (`~/.cache/citeqa` on Linux): what citeqa can rebuild, such as
  the decoded copy of the USE model (usemodel.py).
- `config_file()`: the optional TOML file the settings read (`citeqa/config.toml`).
- `exports_dir()`: where the chat writes conversation exports.
- `read_ui_state()` / `write_ui_state()`: a small JSON object of UI choices (the theme, ...).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path
from typing import Any

import platformdirs

from citeqa.jsonfiles import read_object
from citeqa.paths import real_path
from citeqa.safewrite import replace_whole

APP = "citeqa"
UI_STATE_FILE = "ui.json"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def data_dir() -> Path:
    """The per-user data folder (`~/.local/share/citeqa` on Linux)."""
    return platformdirs.user_data_path(APP, appauthor=False)


def cache_dir() -> Path:
    """The per-user cache folder (`~/.cache/citeqa` on Linux)."""
    return platformdirs.user_cache_path(APP, appauthor=False)


def config_dir() -> Path:
    """The per-user config folder (`~/.config/citeqa` on Linux)."""
    return platformdirs.user_config_path(APP, appauthor=False)


def state_dir() -> Path:
    """The per-user state folder (`~/.local/state/citeqa` on Linux): UI choices."""
    return platformdirs.user_state_path(APP, appauthor=False)


def config_file() -> Path:
    """The optional TOML settings file; `CITEQA_CONFIG_FILE` names another one."""
    named = named_config_file()
    return named if named is not None else config_dir() / "config.toml"


def named_config_file() -> Path | None:
    """The settings file `CITEQA_CONFIG_FILE` names, if it names one (it must then exist)."""
    named = os.environ.get("CITEQA_CONFIG_FILE")
    return Path(named).expanduser() if named else None


def exports_dir() -> Path:
    """Where the chat writes conversation exports."""
    return data_dir() / "exports"


def index_dir_for(corpus: Path) -> Path:
    """The per-user index folder of a corpus folder, keyed by its resolved path.

    Two folders with the same name get different indexes; the same folder reached through
    another relative path or a symlink gets the same one.
    """
    resolved = real_path(corpus.expanduser())
    digest = hashlib.sha256(str(resolved).encode("utf-8", "surrogateescape")).hexdigest()[:12]
    name = _UNSAFE.sub("_", resolved.name).strip("._")[:40] or "corpus"
    return data_dir() / "indexes" / f"{name}-{digest}"


def ui_state_file() -> Path:
    return state_dir() / UI_STATE_FILE


def read_ui_state() -> dict[str, Any]:
    """The saved UI choices; an empty dict when there are none or the file is unreadable
    (a damaged state file must never stop the chat from opening)."""
    try:
        return read_object(ui_state_file())
    except (OSError, ValueError):
        return {}


def write_ui_state(**changes: Any) -> None:
    """Merge `changes` (JSON-able values) into the saved UI choices, atomically.

    Raises OSError when the state folder cannot be written; callers in the UI may ignore it.
    """
    state = read_ui_state() | changes
    target = ui_state_file()
    target.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(state, ensure_ascii=False, indent=2).encode("utf-8")
    replace_whole(target, data, ".ui-", mode=0o600)
