"""A composed YAML document as the values treetext.py writes, each scalar as the file writes it.

PyYAML's safe constructors type a scalar under YAML 1.1 and Python writes it back: `- 22:22`
read "1342" (base 60), `on:` "true", `no: Norsk` "false: Norsk", `MODE: 0755` "493", `3.10`
"3.1", `19.90` "19.9", a date reformatted; a date of no calendar (`2026-02-30`) or a number
of thousands of digits left the whole file unread, and so did a tag no constructor knows
(CloudFormation's `!Sub`, GitLab's `!reference`, Home Assistant's `!secret`). A quote must
show what the file holds, so `document_value` walks the composed nodes instead of building
them: a scalar is its node's text (`ScalarNode.value`: a quoted one without its quotes and
escapes, a block one with its lines), whatever its tag; a key likewise; a mapping is
treetext.Pairs, which keeps a key written twice (a dict keeps its last value only).

Merge keys (`<<: *defaults`) are followed as PyYAML follows them (the mapping's own keys
first, then the first merged mapping naming a key), written here rather than by PyYAML's
`flatten_mapping`, which rewrites the nodes in place (an anchor's mapping merged into another
before it is walked itself) and leaves duplicates for a dict to drop. The nodes are sized
before they are walked (yamlsize.py), so the copies merges make are bounded.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from citeqa.readers.base import UnreadableDocument
from citeqa.readers.treetext import EMPTY, Pairs

if TYPE_CHECKING:
    import yaml

_NODE_PROPERTIES = re.compile(r"\A(?:[&!]\S*\s+)+")
"""An anchor and a tag opening a node as written ("&x ", "!!set "): a node's marks take them
in, and a complex key is written without them (s21 review: `&x [a, b]: 1` read "&x [a, b]")."""
MERGE_TAG = "tag:yaml.org,2002:merge"
BINARY_TAG = "tag:yaml.org,2002:binary"
NULL_TAG = "tag:yaml.org,2002:null"


class _Walk:
    """The values of the nodes walked so far, each node once (an alias is the same node)."""

    def __init__(self, source: str) -> None:
        import yaml

        self.yaml = yaml
        self.source = source
        self.values: dict[int, object] = {}
        self.pairs: dict[int, list[tuple[yaml.Node, yaml.Node]]] = {}

    def value(self, node: yaml.Node) -> object:
        if id(node) not in self.values:
            self.values[id(node)] = self._built(node)
        return self.values[id(node)]

    def _built(self, node: yaml.Node) -> object:
        if isinstance(node, self.yaml.MappingNode):
            return Pairs((self.key(key), self.value(item)) for key, item in self.merged(node))
        if isinstance(node, self.yaml.SequenceNode):
            return [self.value(child) for child in node.value]
        return scalar_source(node)

    def key(self, node: yaml.Node) -> str:
        """A key's text: a scalar's own; a list or a mapping used as a key (`? [a, b]`) as
        the file writes it."""
        if isinstance(node, self.yaml.ScalarNode):
            return scalar_source(node)
        written = self.source[node.start_mark.index : node.end_mark.index]
        return _NODE_PROPERTIES.sub("", written)  # "&x [a, b]" is the key "[a, b]"

    def merged(self, node: yaml.MappingNode) -> list[tuple[yaml.Node, yaml.Node]]:
        """A mapping's pairs with what its merge keys name: the merged pairs a key of its own
        or of an earlier merged mapping does not override, then its own."""
        if id(node) in self.pairs:
            return self.pairs[id(node)]
        own = [(key, item) for key, item in node.value if key.tag != MERGE_TAG]
        seen = {self.key(key) for key, _ in own}
        merged = []
        for source in self._merge_sources(node):
            for key, item in self.merged(source):
                if self.key(key) not in seen:
                    seen.add(self.key(key))
                    merged.append((key, item))
        self.pairs[id(node)] = pairs = merged + own
        return pairs

    def _merge_sources(self, node: yaml.MappingNode) -> list[yaml.MappingNode]:
        sources: list[yaml.Node] = []
        for key, item in node.value:
            if key.tag == MERGE_TAG:
                is_list = isinstance(item, self.yaml.SequenceNode)
                sources.extend(item.value if is_list else [item])
        if not all(isinstance(source, self.yaml.MappingNode) for source in sources):
            raise UnreadableDocument("a merge key (<<) in it names something not a mapping")
        return [source for source in sources if isinstance(source, self.yaml.MappingNode)]


def document_value(root: yaml.Node, source: str) -> object:
    """The document at `root` as treetext.py's values (Pairs, lists, the scalars' text),
    `source` the file's text (a complex key is written as it stands there)."""
    return _Walk(source).value(root)


def is_null(node: yaml.Node) -> bool:
    """Whether a document is nothing but a null: empty, `~` or `null` (PyYAML's resolver
    tags such a plain scalar as null), no value to read."""
    return node.tag == NULL_TAG


def scalar_source(node: yaml.Node) -> str:
    """A scalar as the file writes it; an empty one ("key:") reads "(empty)", base64 binary
    data ("!!binary") says what it is."""
    text = str(node.value)
    if node.tag == BINARY_TAG:
        return f"(binary data, {len(text):,} characters of base64)"
    return text if text.strip() else EMPTY
