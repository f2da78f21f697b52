"""How deep a YAML file nests (`nesting_checked`, before libyaml's composer recurses through
it) and how large its composed documents are once their aliases are followed (`NodeBudget`,
before they are walked), so that a few hundred bytes cannot crash the process or take minutes.

PyYAML's safe loader builds an alias as a reference to one object (a "billion laughs" of nine
lists of nine aliases, nine deep, is built in a millisecond; treetext.py's walk stops at its
text limit), but it copies what a merge key (`<<: [*a, *a, …]`) merges before it builds the
mapping: nine merges of nine merges… took 0.7 s at six levels, 5 s at seven and grew eightfold
with each (`benchmarks/structured_read.py`). `expanded_nodes` counts the nodes of the document
as if every alias were copied out, each distinct node once (a memo by node), so it costs what
the file holds, and stops as soon as the count passes its limit.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from citeqa.readers.base import UnreadableDocument

if TYPE_CHECKING:
    import yaml


def nesting_checked(text: str, loader: type[yaml.CSafeLoader], limit: int) -> None:
    """UnreadableDocument when `text` nests lists and mappings more than `limit` deep, counted
    from `loader`'s parse events, before its composer recurses through them (libyaml's, in C,
    crashed the process past some 20,000 levels: a 1 MB file nests 500,000 `[` or `- `). The
    events cost a fifth of composing (0.5 s for a 1 MB spec; 2.5 s to compose it)."""
    import yaml

    opening = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
    closing = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    events = loader(text)
    try:
        depth = 0
        while events.check_event():
            event = events.get_event()
            if isinstance(event, opening):
                depth += 1
                if depth > limit:
                    raise UnreadableDocument(f"nested more than {limit:,} levels deep")
            elif isinstance(event, closing):
                depth -= 1
    finally:
        events.dispose()


class NodeBudget:
    """The nodes left to a file's documents: each document's size, its aliases followed, is
    taken off what the documents before it left (a budget per document let a file of twelve
    merge-key bombs, each under it, take 10 s, and a 1 MB file some 40 min)."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.left = total

    def spend(self, root: yaml.Node) -> None:
        """Take the document at `root` off the budget; UnreadableDocument when it passes it."""
        try:
            self.left -= expanded_nodes(root, self.left)
        except _TooMany:
            raise UnreadableDocument(
                f'its aliases make more than {self.total:,} values of it (a "billion laughs"?)'
            ) from None


class _TooMany(Exception):
    """A document's nodes passed the limit `expanded_nodes` was given."""


def expanded_nodes(root: yaml.Node, limit: int) -> int:
    """The nodes of the document at `root`, each alias counted as a copy of what it names;
    _TooMany as soon as that passes `limit`, UnreadableDocument for an alias that holds
    itself. Walked with a stack of its own: a document nested as deep as PyYAML's composer
    allowed is no deeper for it. (PyYAML is imported when a YAML file is read, never with
    the readers.)"""
    import yaml

    kinds = (yaml.MappingNode, yaml.SequenceNode)
    sizes: dict[int, int] = {}
    opened: set[int] = set()  # nodes whose children are being counted: the current path
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, counted = stack.pop()
        if counted:
            size = 1 + sum(sizes[id(child)] for child in _children(node, kinds))
            if size > limit:
                raise _TooMany
            sizes[id(node)] = size
            opened.discard(id(node))
        elif id(node) not in sizes:
            if id(node) in opened:
                raise UnreadableDocument("an alias in it holds itself")
            opened.add(id(node))
            stack.append((node, True))
            stack.extend(
                (child, False) for child in _children(node, kinds) if id(child) not in sizes
            )
    return sizes[id(root)]


def _children(
    node: yaml.Node, kinds: tuple[type[yaml.MappingNode], type[yaml.SequenceNode]]
) -> Iterable[yaml.Node]:
    """The nodes a mapping or a sequence (`kinds`) holds (a mapping's keys and values); none
    for a scalar."""
    if isinstance(node, kinds[0]):
        return [part for pair in node.value for part in pair]
    if isinstance(node, kinds[1]):
        return list(node.value)
    return []
