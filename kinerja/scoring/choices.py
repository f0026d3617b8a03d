"""Enumerations that are stored as a short code and shown with an Indonesian label.

Every enum of the scoring core (ratings, predikat, survey elements, relations …) derives from
`LabelledEnum`: its value is a stable upper-case code suitable for a database ``CharField``
and its ``label`` is the Bahasa Indonesia text that users read. ``choices()`` gives the pairs
that a Django field expects, without importing Django here.
"""

from collections.abc import Mapping
from enum import StrEnum


class LabelledEnum(StrEnum):
    """A stored code (the value) with the Indonesian text users read (the label)."""

    @classmethod
    def label_table(cls) -> Mapping[str, str]:
        """Map each value to its label; subclasses override. Without one, the value shows."""
        return {}

    @property
    def label(self) -> str:
        """The Indonesian text for this member."""
        return type(self).label_table().get(self.value, self.value)

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        """``(value, label)`` pairs in declaration order, as Django's ``choices`` expects."""
        return [(member.value, member.label) for member in cls]


class RankedEnum(LabelledEnum):
    """A labelled enum whose members are declared best first; `rank` orders them for comparison.

    The last declared member ranks 0 and each one above it one more, so the order is read
    straight from the class body, as the regulation lists the categories.
    """

    @property
    def rank(self) -> int:
        members = list(type(self))
        return len(members) - 1 - members.index(self)
