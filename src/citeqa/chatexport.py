"""Chat workspace exports (Slack's shape) read as chat logs: each day file of a channel written as
its messages, one turn each, as transcripts.py writes a meeting's turns ("## Sara Lindqvist ·
18 Sep 2025 10:16" right over what she wrote), so a quote cites who wrote it and when.

An export is a folder holding a user list and a channel list (users.json, channels.json) and a
folder per channel of day files ("2025-11-04.json"), each a list of messages: objects with a
time ("ts", seconds since 1970 as text) and a text or a user. These names are the format's own
keys, read from citeqa/data/chat_export.json; a file is read so only when it has this shape
(`day_file_export`), else it is read as any JSON file is (readers/structured.py).

Written for each day file (`day_text`): its title "#channel — 2025-11-04" as a first heading,
then its messages in time order, each under a heading naming its writer (their id resolved
through the user list: real name, else display name; else the name the message carries),
day and time (UTC), the replies of a thread right after the message opening it, their heading
saying whom they answer ("· reply to Tom Okafor"). In a text, a mention "<@U024BE7LH>" is
written "@Name", a channel link "<#C01|general>" "#general", a link "<https://…|label>" its
label (else its address), and "&amp;", "&lt;", "&gt;" decoded. The service's notices ("<@U10RS>
has joined the channel") are left out. The user and channel lists are no document of their own
(`is_export_list`): their content is the names the day files show. A folder is an export only
when a channel its channel list names is a folder whose first day files hold a message with a
text (an app's fixtures folder holding a users.json is none: its files are read as JSON); a
day file in which no message is written is read as any JSON file is, never skipped. Without a
user list, or with one that does not parse, an export's day files are still chat logs, their
writers named as their messages name them (profile, else id); the user list is parsed once per
export (cached by its path, time and size), however many day files ask. An item of a day file
that is no object is skipped with a warning, the day read; a day is read up to MAX_MESSAGES
messages (a warning says so), and past MAX_DAY_CHARACTERS refused as a data dump.

A day file read before its user list changed keeps the names it was read with until it is read
again (an index records each file's digest, not its export's).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache, lru_cache
from pathlib import Path, PurePosixPath
from stat import S_ISREG
from typing import Any

from citeqa.jsonfiles import data_json, parse_json
from citeqa.visible import shown

__all__ = [
    "MAX_DAY_CHARACTERS",
    "DayLog",
    "day_file_export",
    "day_text",
    "export_of",
    "in_an_export",
    "is_day_file_name",
    "is_export_list",
]

MAX_MESSAGES = 2_000
"""The messages of a day file read at most, as readers/mbox.py reads a mailbox's (a busy day
of a big workspace; 100,000 messages, 10 MB, would be some 100,000 sentences to embed)."""
MAX_DAY_CHARACTERS = 32_000_000
"""A day file larger than this is refused unparsed (a data dump: readers/structured.py's
limit for any JSON file, 1,000,000 characters, is some 650 real messages, so a day file has its
own; json parses 10 MB in a fraction of a second)."""
CUT_MESSAGES = "{relative}: only its first {count:,} messages read"
STRAY_ITEMS = "{relative}: {count:,} items that are no message skipped"

DAYS_LOOKED_AT = 10
"""How many of a channel's first day files are read to tell an export (one holding a written
message makes it one)."""

_MENTION = re.compile(r"<@(?P<id>[A-Za-z0-9]{1,40})(?:\|(?P<label>[^<>\n]{0,200}))?>")
_CHANNEL = re.compile(r"<#[A-Za-z0-9]{1,40}\|(?P<name>[^<>\n]{1,200})>")
_LINK = re.compile(
    r"<(?P<url>[a-z][a-z0-9+.-]{0,20}:[^<>|\s]{1,2000})(?:\|(?P<label>[^<>\n]{1,500}))?>"
)
_SPECIAL = re.compile(r"<!(?P<name>here|channel|everyone)(?:\|[^<>\n]{0,100})?>")


@dataclass(frozen=True)
class _Keys:
    users_file: str
    channels_file: str
    day_file: re.Pattern[str]
    user_id: str
    channel_name: str
    time: str
    text: str
    user: str
    thread: str
    message_profile: str
    user_profile: str
    user_names: tuple[str, ...]
    subtype: str
    skipped_subtypes: frozenset[str]


@cache
def _keys() -> _Keys:
    data = data_json("chat_export.json")
    return _Keys(
        users_file=str(data["users_file"]),
        channels_file=str(data["channels_file"]),
        day_file=re.compile(str(data["day_file_pattern"])),
        user_id=str(data["user_id_key"]),
        channel_name=str(data["channel_name_key"]),
        time=str(data["time_key"]),
        text=str(data["text_key"]),
        user=str(data["user_key"]),
        thread=str(data["thread_key"]),
        message_profile=str(data["message_profile_key"]),
        user_profile=str(data["user_profile_key"]),
        user_names=tuple(str(key) for key in data["user_name_keys"]),
        subtype=str(data["subtype_key"]),
        skipped_subtypes=frozenset(str(item) for item in data["skipped_subtypes"]),
    )


def _is_export_folder(folder: Path) -> bool:
    """Whether `folder` holds an export's channel list, a channel it names being a folder of day
    files whose messages have a text (an app's fixtures folder with a users.json and a
    channels.json is no export). Its user list is not needed: without one, or with one that
    does not parse, the day files are read as chat logs naming writers as their messages do
    (their profile's name, else their id), not as JSON trees."""
    return bool(_listed_channels(folder))


def _listed_channels(folder: Path) -> frozenset[str]:
    """`_channels_with_messages` of `folder`, none when it holds no channel list file: the list
    looked up once (one stat) for whether it is there and how it stands."""
    try:
        status = (folder / _keys().channels_file).stat()
    except (OSError, ValueError):
        return frozenset()
    if not S_ISREG(status.st_mode):
        return frozenset()
    return _channels_with_messages(str(folder), status.st_mtime_ns, status.st_size)


@lru_cache(maxsize=8)
def _channels_with_messages(folder: str, modified: int, size: int) -> frozenset[str]:
    """The channels named in the channel list of `folder` (as of `modified`, `size`) that are a
    folder of day files holding a message with a text (`_holds_messages`)."""
    value = _parsed(Path(folder) / _keys().channels_file)
    names = {
        channel.get(_keys().channel_name)
        for channel in (value if isinstance(value, list) else [])
        if isinstance(channel, dict)
    }
    return frozenset(
        name
        for name in names
        if isinstance(name, str) and name and _holds_messages(Path(folder) / name)
    )


def _holds_messages(channel: Path) -> bool:
    """Whether `channel` is a folder one of whose first DAYS_LOOKED_AT day files is a list
    holding a written message (a channel's first day may hold only its join notices)."""
    try:
        days = sorted(path for path in channel.iterdir() if is_day_file_name(path.name))
    except OSError:
        return False
    return any(_has_written(_parsed(day)) for day in days[:DAYS_LOOKED_AT])


def _has_written(value: object) -> bool:
    return isinstance(value, list) and any(
        isinstance(message, dict) and _is_written(message) for message in value
    )


@lru_cache(maxsize=2)
def _user_list(users: str, modified: int, size: int) -> object:
    """The user list at `users` as parsed (as of `modified`, `size`): parsed once for both what
    `_listed_users` and `_user_names` read of it (a workspace's largest list)."""
    return _parsed(Path(users))


@lru_cache(maxsize=8)
def _listed_users(users: str, modified: int, size: int) -> bool:
    """Whether the user list at `users` (as of `modified`, `size`: parsed once, however many
    files ask) is a list of users: objects with ids (one naming no one is still one; an odd
    item among them does not make it another list)."""
    value = _user_list(users, modified, size)
    keys = _keys()
    return isinstance(value, list) and any(
        isinstance(user, dict) and keys.user_id in user for user in value
    )


def is_export_list(path: Path) -> bool:
    """Whether `path` is the user or channel list of a chat export."""
    keys = _keys()
    if path.name == keys.channels_file:
        return _is_export_folder(path.parent)
    if path.name == keys.users_file:
        return _is_export_folder(path.parent) and _listed_users(str(path), *_stamp(path))
    return False


def is_day_file_name(name: str) -> bool:
    """Whether a file's name is a day file's ("2025-11-04.json")."""
    return bool(_keys().day_file.match(name))


def export_of(path: Path, relative: str) -> Path | None:
    """The folder that would be the export of the file at `path` (`relative` in the corpus),
    named as a day file: two folders up (its channel folder's parent), only when that folder
    is in the corpus (a file of the corpus's top would have it outside, never read); None
    otherwise. Nothing is read."""
    if not _keys().day_file.match(path.name) or len(PurePosixPath(relative).parts) < 2:
        return None
    return path.parent.parent


def in_an_export(path: Path, relative: str) -> bool:
    """Whether `path` is named as a day file in a channel folder of an export (`export_of`),
    its content unread (`day_file_export` says, once parsed, whether it holds messages)."""
    export = export_of(path, relative)
    return export is not None and path.parent.name in _listed_channels(export)


def day_file_export(path: Path, relative: str, value: object) -> Path | None:
    """The export folder of `path` (`export_of`) when it is a day file of one holding messages
    (`value`, its parsed content: a list, one of its objects with a time and a text or user at
    least; an item that is no object is no message, left out by `day_text`), else None."""
    keys, export = _keys(), export_of(path, relative)
    if export is None or not isinstance(value, list) or not value:
        return None
    if not any(
        isinstance(item, dict) and keys.time in item and (keys.text in item or keys.user in item)
        for item in value
    ):
        return None
    return export if path.parent.name in _listed_channels(export) else None


@dataclass(frozen=True)
class DayLog:
    """A day file read as a chat log (`day_text`)."""

    text: str
    title: str
    notes: list[str]
    """Warnings: messages past MAX_MESSAGES left out, items that are no message skipped."""


def day_text(path: Path, export: Path, items: list[object], relative: str) -> DayLog:
    """The day file at `path` (`relative` in the corpus) of the export at `export` as a chat
    log: at most its first MAX_MESSAGES written messages in time order, each thread's replies
    with it (a warning says when more were left, another how many items were no object)."""
    keys = _keys()
    names = _user_names(str(export / keys.users_file), *_stamp(export / keys.users_file))
    title = " ".join(shown(f"#{path.parent.name} — {path.stem}").split())
    messages = [item for item in items if isinstance(item, dict)]
    kept = [message for message in messages if _is_written(message)]
    notes = []
    if len(messages) < len(items):
        notes.append(STRAY_ITEMS.format(relative=relative, count=len(items) - len(messages)))
    threaded = _threaded(kept)
    if len(threaded) > MAX_MESSAGES:
        threaded = threaded[:MAX_MESSAGES]
        notes.append(CUT_MESSAGES.format(relative=relative, count=MAX_MESSAGES))
    parts = [f"# {title}"]
    for message, parent in threaded:
        parts.append(_message_part(message, parent, names))
    return DayLog("\n\n".join(parts) + "\n", title, notes)


def _is_written(message: dict[str, Any]) -> bool:
    """Whether the message holds a text (a number written as one: "42") and is no notice."""
    keys = _keys()
    text = message.get(keys.text)
    return (
        isinstance(text, str | int | float)
        and not isinstance(text, bool)
        and bool(str(text).strip())
        and message.get(keys.subtype) not in keys.skipped_subtypes
    )


def _threaded(
    messages: list[dict[str, Any]],
) -> list[tuple[dict[str, Any], dict[str, Any] | None]]:
    """The messages in time order, each reply right after its thread's opening message (and
    the replies before it), paired with that message (None for no reply, or one whose thread
    opens on another day, or whose thread names a reply: a reply to a reply, a cycle of them,
    is read where its time puts it, never lost)."""
    keys = _keys()
    ordered = sorted(messages, key=lambda message: _seconds(message.get(keys.time)))
    openings = {str(message.get(keys.time)) for message in ordered if not _replies(message)}
    replies: dict[str, list[dict[str, Any]]] = {}
    top: list[dict[str, Any]] = []
    for message in ordered:
        thread = str(message.get(keys.thread, ""))
        if _replies(message) and thread in openings:
            replies.setdefault(thread, []).append(message)
        else:
            top.append(message)
    paired: list[tuple[dict[str, Any], dict[str, Any] | None]] = []
    for message in top:
        paired.append((message, None))
        opening = str(message.get(keys.time))
        paired += [(reply, message) for reply in replies.get(opening, [])]
    return paired


def _replies(message: dict[str, Any]) -> bool:
    """Whether the message names a thread other than its own (it replies in one)."""
    keys = _keys()
    thread = str(message.get(keys.thread, ""))
    return bool(thread) and thread != str(message.get(keys.time))


def _message_part(
    message: dict[str, Any], parent: dict[str, Any] | None, names: dict[str, str]
) -> str:
    """One message under its heading: writer · day time (· reply to its thread's writer)."""
    keys = _keys()
    heading = f"{_writer(message, names)} · {_when(message.get(keys.time))}"
    if parent is not None:
        heading += f" · reply to {_writer(parent, names)}"
    text = _plain_text(str(message.get(keys.text, "")), names)
    return f"## {' '.join(shown(heading).split())}\n{text.strip()}"


def _writer(message: dict[str, Any], names: dict[str, str]) -> str:
    """The message's writer: their name in the user list, else in the message, else their id."""
    keys = _keys()
    user = message.get(keys.user)
    user = user if isinstance(user, str) else ""  # a list or an object names no one
    if user in names:
        return names[user]
    return _name_of(message.get(keys.message_profile)) or user or "unknown"


def _when(stamp: object) -> str:
    """A message time as "18 Sep 2025 10:16" (UTC); "" when it is no time."""
    seconds = _seconds(stamp)
    if seconds < 0:
        return ""
    moment = datetime.fromtimestamp(seconds, UTC)
    return f"{moment.day} {moment:%b %Y %H:%M}"


def _seconds(stamp: object) -> float:
    try:
        seconds = float(str(stamp))
    except ValueError:
        return -1.0
    return seconds if 0 <= seconds < 1e11 else -1.0


def _plain_text(text: str, names: dict[str, str]) -> str:
    """A message's markup as read: mentions and channel links by name, links by label."""

    def mention(found: re.Match[str]) -> str:
        return "@" + (names.get(found["id"]) or found["label"] or found["id"])

    text = _MENTION.sub(mention, text)
    text = _CHANNEL.sub(lambda found: "#" + found["name"], text)
    text = _SPECIAL.sub(lambda found: "@" + found["name"], text)
    text = _LINK.sub(lambda found: found["label"] or found["url"], text)
    return html.unescape(text)


def _stamp(path: Path) -> tuple[int, int]:
    """The file's modification time and size (a changed list is read again); (0, 0) if none."""
    try:
        status = path.stat()
    except OSError:
        return 0, 0
    return status.st_mtime_ns, status.st_size


@lru_cache(maxsize=8)
def _user_names(users: str, modified: int, size: int) -> dict[str, str]:
    """Each user id of the user list at `users` (as of `modified`, `size`) and its name."""
    value = _user_list(users, modified, size)
    keys = _keys()
    names: dict[str, str] = {}
    for user in value if isinstance(value, list) else []:
        if isinstance(user, dict) and user.get(keys.user_id) is not None:
            name = _name_of(user, user.get(keys.user_profile))
            if name:
                names[str(user[keys.user_id])] = name
    return names


def _name_of(*holders: object) -> str:
    """The name written under the first name key any of `holders` (a user, its profile) has;
    "" if none (a real name in the profile comes before the user's handle)."""
    for key in _keys().user_names:
        for holder in holders:
            value = holder.get(key) if isinstance(holder, dict) else None
            if isinstance(value, str) and value.strip():
                return " ".join(value.split())
    return ""


def _parsed(path: Path) -> object:
    """The JSON value of a list file; None when it cannot be read or parsed."""
    try:
        return parse_json(path.read_bytes())
    except (OSError, ValueError):
        return None
