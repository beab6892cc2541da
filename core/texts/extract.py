"""Babel extraction method for the catalogue modules (core/texts/*.py): `pybabel extract`
reads each `KEY: "English"` entry of the text dicts (EN and the *_TEXTS dicts) as a message
with the key as its context, and `KEY: Plural("one", "other")` as a plural message. Comment
lines right above an entry become translator comments. Wired in pyproject.toml
([tool.babel] mappings) and run by `make extract-messages`."""

from __future__ import annotations

import ast
from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any


def _is_text_dict(target: ast.expr) -> bool:
    return isinstance(target, ast.Name) and (target.id == "EN" or target.id.endswith("_TEXTS"))


def _text_dicts(tree: ast.Module) -> Iterator[ast.Dict]:
    for node in tree.body:
        targets: list[ast.expr]
        if isinstance(node, ast.AnnAssign):
            targets = [node.target]
        elif isinstance(node, ast.Assign):
            targets = node.targets
        else:
            continue
        if any(_is_text_dict(t) for t in targets) and isinstance(node.value, ast.Dict):
            yield node.value


def _string(node: ast.expr) -> str:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    raise ValueError(f"line {node.lineno}: catalogue texts must be string literals")


def _comments_above(lines: list[str], lineno: int) -> list[str]:
    """The run of `#` comment lines just above line `lineno` (1-based), in order."""
    found: list[str] = []
    index = lineno - 2
    while index >= 0 and lines[index].strip().startswith("#"):
        found.insert(0, lines[index].strip().lstrip("#").strip())
        index -= 1
    return found


def extract_texts(
    fileobj: IO[bytes],
    keywords: Mapping[str, Any],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[tuple[int, str, tuple[str, ...], list[str]]]:
    """Yield (line, funcname, messages, comments) for every catalogue entry in one module;
    funcname is "pgettext" or "npgettext", so the key becomes the message context."""
    source = fileobj.read().decode(str(options.get("encoding", "utf-8")))
    lines = source.splitlines()
    for table in _text_dicts(ast.parse(source)):
        for key_node, value in zip(table.keys, table.values, strict=True):
            if key_node is None:  # a **spread: not a catalogue entry
                continue
            key = _string(key_node)
            comments = _comments_above(lines, key_node.lineno)
            if isinstance(value, ast.Call) and getattr(value.func, "id", "") == "Plural":
                one, other = (_string(arg) for arg in value.args[:2])
                yield key_node.lineno, "npgettext", (key, one, other), comments
            else:
                yield key_node.lineno, "pgettext", (key, _string(value)), comments
