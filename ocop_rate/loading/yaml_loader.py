"""The safe YAML loader, its tag resolution made a table lookup.

libyaml composes a document in C but asks Python for every scalar's tag (``resolve``) and
twice per node for path resolvers (``descend_resolver``/``ascend_resolver``), about a fifth
of a dossier's parse. PyYAML's ``resolve`` gathers the implicit resolvers for the value's
first character and tries their patterns in order; with no path resolvers (safe loading
has none) that is all it does. :func:`safe_loader` keeps exactly that rule, with the
resolvers gathered once per first character, and skips the path-resolver calls. The
constructor stays PyYAML's safe one.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import yaml


@functools.cache
def safe_loader() -> type[yaml.SafeLoader]:
    """libyaml's ``CSafeLoader`` (else the pure ``SafeLoader``, which behaves the same)
    with the table-driven resolution. PyYAML is imported on the first call, not with the
    module: a command that reads only compiled rubrics never loads it."""
    import yaml

    base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    if base.yaml_path_resolvers:  # never in PyYAML itself: keep its own resolution
        return base
    by_first, wildcard = implicit_table()
    scalar_node, sequence_node = yaml.ScalarNode, yaml.SequenceNode
    text: str = base.DEFAULT_SCALAR_TAG
    sequence: str = base.DEFAULT_SEQUENCE_TAG
    mapping: str = base.DEFAULT_MAPPING_TAG

    class TableLoader(base):  # type: ignore[valid-type,misc]
        def resolve(self, kind: type[yaml.Node], value: Any, implicit: Any) -> str:
            if kind is scalar_node:
                if implicit[0]:  # a plain scalar: its first character picks the patterns
                    for tag, pattern in by_first.get(value[:1], wildcard):
                        if pattern.match(value):
                            return tag
                return text
            return sequence if kind is sequence_node else mapping

        def descend_resolver(self, current_node: Any, current_index: Any) -> None:
            return None

        def ascend_resolver(self) -> None:
            return None

    return TableLoader


Patterns = tuple[tuple[str, "re.Pattern[str]"], ...]


@functools.cache
def implicit_table() -> tuple[dict[str | None, Patterns], Patterns]:
    """PyYAML's implicit resolvers of the safe loader as a table: by a plain scalar's
    first character, its patterns (the wildcard ones after them, as PyYAML tries them),
    and the wildcard patterns alone for any other first character. A plain scalar takes
    the tag of the first pattern that matches it, else ``str``."""
    import yaml

    base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    table: dict[str | None, list[tuple[str, re.Pattern[str]]]] = dict(
        base.yaml_implicit_resolvers)
    wildcard = tuple(table.pop(None, ()))
    return {first: (*found, *wildcard) for first, found in table.items()}, wildcard
