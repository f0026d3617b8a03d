"""Comparing two versions of a document line by line, for people to read.

Every line of the newer version appears in order: unchanged lines stay as context, a changed
line shows as the old line removed followed by the new line added. Compared with difflib on
`DocumentVersion.lines`.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Literal

from kinerja.discussions.models import DocumentVersion

DiffOp = Literal["same", "added", "removed"]


@dataclass(frozen=True)
class DiffLine:
    """One line of a comparison: kept ("same"), new in the newer version ("added"), or only
    in the older one ("removed")."""

    op: DiffOp
    text: str

    @property
    def depth(self) -> int:
        """How far the line is indented in the document: two leading spaces a level, at most 3
        (HTML collapses the spaces, so `_diff.html` indents by this instead)."""
        spaces = len(self.text) - len(self.text.lstrip(" "))
        return min(spaces // 2, 3)


def lines_diff(old: list[str], new: list[str]) -> list[DiffLine]:
    """The comparison of two lists of lines (see the module docstring)."""
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    diff: list[DiffLine] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            diff.extend(DiffLine("same", text) for text in new[j1:j2])
            continue
        # "replace", "delete" and "insert": what went, then what came in its place.
        diff.extend(DiffLine("removed", text) for text in old[i1:i2])
        diff.extend(DiffLine("added", text) for text in new[j1:j2])
    return diff


def version_diff(old: DocumentVersion | None, new: DocumentVersion) -> list[DiffLine]:
    """What changed from `old` to `new`; with no older version, every line is added."""
    return lines_diff(list(old.lines) if old is not None else [], list(new.lines))


def diff_counts(diff: list[DiffLine]) -> tuple[int, int]:
    """(lines added, lines removed)."""
    added = sum(1 for line in diff if line.op == "added")
    removed = sum(1 for line in diff if line.op == "removed")
    return added, removed
